"""Deleting an article from the window: a confirmation that counts what goes, one undo step,
and the table, facets and claim check without it until the undo."""

from __future__ import annotations

from quotecheck.store import QuoteFilter
from quotecheck_ui.dialogs import deletion_question


def _seed_article(window) -> int:  # type: ignore[no-untyped-def]
    return int(window.ctx.store.articles()[0]["id"])


def test_the_confirmation_says_how_many_quotes_go_and_how_many_were_reviewed() -> None:
    question, details = deletion_question(
        {"id": 3, "title": "Harbour reopens", "quotes": 7, "reviewed": 2}
    )
    assert question == "Delete article 3 “Harbour reopens” and its 7 quotes?"
    assert details.startswith("2 of them were reviewed.")
    assert "Ctrl+Z" in details and "History" in details
    _q, details = deletion_question({"id": 4, "title": None, "quotes": 1, "reviewed": 0})
    assert details.startswith("None of them has been reviewed.")


def test_delete_the_current_quotes_article_and_undo_it(window, qtbot, settle, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    article_id = _seed_article(window)
    window.table.selectRow(0)
    seed_quote = window.model.quote_id(0)
    store.set_status([seed_quote], "verified")
    asked: list[tuple[str, str]] = []

    def answer(question: str, details: str, _action: str) -> bool:
        asked.append((question, details))
        return True

    monkeypatch.setattr(window, "confirm", answer)
    assert window.act_delete_article.isEnabled()
    assert window.act_delete_article in window.table.actions()  # in the context menu
    window.act_delete_article.trigger()
    assert "and its 7 quotes?" in asked[0][0] and asked[0][1].startswith("1 of them was reviewed.")
    settle(window)
    assert window.model.rowCount() == 6  # only the collection's quotes are left
    assert seed_quote not in window.model._ids
    assert all(store.quote(i)["article_id"] is None for i in window.model._ids)
    assert "Deleted article" in window.statusBar().currentMessage()
    assert store.count_quotes(QuoteFilter(article_id=article_id)) == 0

    window.act_undo.trigger()
    settle(window)
    assert window.model.rowCount() == 13
    assert store.quote(seed_quote)["status"] == "verified"  # the review came back with it
    assert window.statusBar().currentMessage().startswith("Undone: Delete article")


def test_a_declined_confirmation_deletes_nothing(window, settle, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.table.selectRow(0)
    monkeypatch.setattr(window, "confirm", lambda *_args: False)
    window.act_delete_article.trigger()
    settle(window)
    assert window.model.rowCount() == 13 and window.ctx.store.history_count() == 0


def test_a_collection_quote_has_no_article_to_delete(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    collection_row = next(
        r
        for r in range(window.model.rowCount())
        if window.ctx.store.quote(window.model.quote_id(r))["article_id"] is None
    )
    window.table.selectRow(collection_row)
    qtbot.waitUntil(lambda: not window.act_delete_article.isEnabled())
