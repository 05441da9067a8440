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


GUI_SETTINGS_FILE = "gui-settings.ini"


def gui_settings_file() -> Path | None:
    """Where the desktop app keeps its settings (last database, window layout, thresholds):
    inside QUOTECHECK_HOME when that is set, so a portable or throw-away home never writes
    into the user's own (~/.config/QuoteCheck); else None, for Qt's usual place."""
    home = os.environ.get("QUOTECHECK_HOME")
    return Path(home) / GUI_SETTINGS_FILE if home else None
