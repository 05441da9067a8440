from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotecheck import QuoteCheckError
from quotecheck.cli import main
from quotecheck.config import apply_config, config_path, load_config
from quotecheck.extract.gazetteer import set_default_gazetteer
from quotecheck.store import Store


@pytest.fixture(autouse=True)
def _reset_gazetteer() -> Iterator[None]:
    yield
    set_default_gazetteer(None)


def write_config(data: object) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_no_config_file_means_defaults() -> None:
    config = load_config()
    assert config.organisation_name is None and config.gazetteer is None


def test_user_gazetteer_extends_sources(tmp_path: Path) -> None:
    extra = tmp_path / "mine.json"
    extra.write_text(
        json.dumps(
            {
                "version": 1,
                "sources": [{"name": "Rodong Sinmun", "kind": "newspaper", "aliases": ["Rodong"]}],
            }
        ),
        encoding="utf-8",
    )
    write_config({"gazetteer": str(extra), "organisation_name": "Desk"})
    assert apply_config().organisation_name == "Desk"
    with Store(":memory:") as store:
        assert store.source_id("Rodong") == store.source_id("Rodong Sinmun")
        assert store.sources()[0]["kind"] == "newspaper"


def test_broken_settings_are_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_config({"gazetteer": str(tmp_path / "missing.json")})
    with pytest.raises(QuoteCheckError, match="missing.json: cannot load the gazetteer"):
        apply_config()
    config_path().write_text("{not json", encoding="utf-8")
    assert main(["--db", str(tmp_path / "q.db"), "quotes"]) == 1
    assert "unreadable settings" in capsys.readouterr().err
