"""The date a quote was said: the day named next to its cue, resolved with the publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotecheck.dates import resolve_said_on
from quotecheck.importing import import_files
from quotecheck.model import ArticleMeta
from quotecheck.store import Store


@pytest.mark.parametrize(
    ("when", "published", "expected"),
    [
        ("on Friday", "2024-06-08", "2024-06-07"),  # a Saturday's article: the day before
        ("on Friday", "2024-06-07", "2024-06-07"),  # a Friday's article: that day
        ("Friday afternoon", "2024-06-10", "2024-06-07"),
        ("last Friday", "2024-06-07", "2024-05-31"),
        ("On Sunday", "2024-06-07T09:30:00Z", "2024-06-02"),
        ("yesterday", "2024-03-01", "2024-02-29"),
        ("last night", "2024-06-07", "2024-06-06"),
        ("this morning", "2024-06-07", "2024-06-07"),
        ("on Friday", None, None),
        (None, "2024-06-07", None),
        ("on Friday", "June 2024", None),
        (" ", "2024-06-07", None),  # a blank day, from a caller of the store API
        ("this Friday", "2024-01-05", "2024-01-05"),  # a Friday's article: that day
        ("this past Friday", "2024-01-05", "2023-12-29"),
        ("this Friday morning", "2024-06-08", "2024-06-07"),  # the weekday, not "this morning"
    ],
)
def test_resolve_said_on(when: str | None, published: str | None, expected: str | None) -> None:
    assert resolve_said_on(when, published) == expected


def test_a_quote_said_on_a_named_day_is_dated_to_it(tmp_path: Path) -> None:
    article = tmp_path / "port.txt"
    article.write_text(
        "Mayor Ann Lee said on Friday that the port would reopen.\n"
        "Lee said the crews were ready.\n",
        encoding="utf-8",
    )
    (tmp_path / "port.json").write_text('{"published": "2024-06-08"}', encoding="utf-8")
    store = Store(":memory:")
    try:
        outcome = import_files(store, [article]).outcomes[0]
        assert outcome.status == "added", outcome.reason
        dates = {q["text"]: q["said_on"] for q in store.quotes()}
        assert dates == {
            "that the port would reopen": "2024-06-07",
            "the crews were ready": "2024-06-08",
        }
    finally:
        store.close()


def test_the_store_dates_a_quote_in_the_same_write_as_the_article() -> None:
    # one transaction: there is no moment when the quote carries the publication date
    store = Store(":memory:")
    try:
        store.add_article(
            "Mayor Ann Lee said on Friday that the port would reopen.\n",
            ArticleMeta(title="Port", published="2024-06-08"),
        )
        assert [q["said_on"] for q in store.quotes()] == ["2024-06-07"]
    finally:
        store.close()


def test_reextracting_leaves_a_dated_quote_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "port.txt"
    article.write_text("Mayor Ann Lee said on Friday that the port would reopen.\n", "utf-8")
    (tmp_path / "port.json").write_text('{"published": "2024-06-08"}', encoding="utf-8")
    store = Store(":memory:")
    try:
        import_files(store, [article])
        before = [(q["id"], q["said_on"], q["updated_at"]) for q in store.quotes()]
        monkeypatch.setattr("quotecheck.store.now", lambda: "2030-01-01T00:00:00+00:00")
        outcome = import_files(store, [article], reextract=True).outcomes[0]
        assert outcome.status == "re-extracted", outcome.reason
        assert [(q["id"], q["said_on"], q["updated_at"]) for q in store.quotes()] == before
        assert before[0][1] == "2024-06-07"
    finally:
        store.close()
