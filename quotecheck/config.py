"""User preferences the core needs (the reviewing organisation for ClaimReview, extra
gazetteer entries), in a small JSON file; user data itself lives in the database."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from quotecheck import QuoteCheckError
from quotecheck.paths import data_dir


@dataclass(slots=True)
class Config:
    organisation_name: str | None = None
    organisation_url: str | None = None
    gazetteer: str | None = None  # path of a JSON file of extra sources


def read_json_object(path: Path, what: str) -> dict[str, Any]:
    """A small JSON file holding one object (settings, an article's metadata)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise QuoteCheckError(f"{path}: unreadable {what} ({exc})") from exc
    if not isinstance(data, dict):
        raise QuoteCheckError(f"{path}: {what} must be a JSON object")
    return data


def config_path() -> Path:
    return data_dir() / "config.json"


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    if not path.is_file():
        return Config()
    data = read_json_object(path, "settings")
    known = {f.name for f in fields(Config)}
    return Config(**{k: v for k, v in data.items() if k in known and isinstance(v, str)})


def apply_config(config: Config | None = None) -> Config:
    """Install what the settings ask for process-wide (the user's gazetteer entries)."""
    from quotecheck.extract.gazetteer import load_gazetteer, set_default_gazetteer

    config = config or load_config()
    if config.gazetteer:
        path = Path(config.gazetteer).expanduser()
        if not path.is_absolute():  # relative to the settings file, not to where we run
            path = config_path().parent / path
        try:
            set_default_gazetteer(load_gazetteer(path))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise QuoteCheckError(
                f"{path}: cannot load the gazetteer named in settings ({exc})"
            ) from exc
    return config
