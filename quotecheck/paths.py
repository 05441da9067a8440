"""Where QuoteCheck keeps its files (per-user directories from platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "quotecheck"


def data_dir() -> Path:
    # QUOTECHECK_HOME lets tests and portable installs keep everything in one folder.
    home = os.environ.get("QUOTECHECK_HOME")
    return Path(home) if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    home = os.environ.get("QUOTECHECK_HOME")
    return (
        Path(home) / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    )


def default_db_path() -> Path:
    return data_dir() / "quotes.db"
