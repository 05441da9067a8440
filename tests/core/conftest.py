from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quotecheck.model import Attribution
from quotecheck.store import Store

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEED_TEXT = (REPO / "seeds" / "north-korea-rejects-talks-with-japan.txt").read_text(
    encoding="utf-8"
)


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ever touches the real user data folder."""
    monkeypatch.setenv("QUOTECHECK_HOME", str(tmp_path / "home"))


@pytest.fixture
def store() -> Iterator[Store]:
    s = Store(":memory:")
    yield s
    s.close()


@pytest.fixture
def file_store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "quotes.db")
    yield s
    s.close()


def attribution(text: str, words: str, speaker: str | None = None, **extra: object) -> Attribution:
    """An attribution of `words` as found in `text` (offsets computed, not typed)."""
    start = text.index(words)
    return Attribution(
        start=start,
        end=start + len(words),
        text=words,
        kind=extra.pop("kind", "direct"),  # type: ignore[arg-type]
        speaker=speaker,
        **extra,  # type: ignore[arg-type]
    )
