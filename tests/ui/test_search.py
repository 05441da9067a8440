"""The search box finds quotes by their words and by the names of their speakers and sources."""

from __future__ import annotations

from quotecheck.store import QuoteFilter
from quotecheck_ui import query as q
from quotecheck_ui.models import QuoteTableModel

from .test_window import row_texts


def search_for(window, qtbot, settle, text: str) -> None:  # type: ignore[no-untyped-def]
    window.search.clear()
    window.search.setFocus()
    qtbot.keyClicks(window.search, text)
    qtbot.waitUntil(lambda: window.model.query.text == text)
    settle(window)


def test_typing_a_speaker_name_shows_that_speakers_quotes(window, qtbot, settle) -> None:  # type: ignore[no-untyped-def]
    # the seed's foreign minister: her name is in none of the quotes
    search_for(window, qtbot, settle, "Choe Son Hui")
    assert row_texts(window, QuoteTableModel.COL_SPEAKER) == ["Choe Son Hui"]

    # an alias (the surname alone), in any case: his quotes, and a quote naming him
    search_for(window, qtbot, settle, "kishida")
    speakers = row_texts(window, QuoteTableModel.COL_SPEAKER)
    assert sorted(speakers) == ["Fumio Kishida"] * 3 + ["Kim Yo Jong"]


def test_typing_a_source_name_or_alias_shows_its_quotes(window, qtbot, settle) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    kcna = store.count_quotes(QuoteFilter(source="KCNA"))
    in_text = "SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'kcna'"
    assert kcna > 1 and store.db.execute(in_text).fetchone()[0] == 0
    for typed in ("KCNA", "korean central news agency"):
        search_for(window, qtbot, settle, typed)
        assert row_texts(window, QuoteTableModel.COL_SOURCE) == ["KCNA"] * kcna


def test_names_are_matched_by_the_words_that_filter_the_text() -> None:
    # a word of one or two letters still being typed waits, for names as for the text
    assert q.typed_terms("Kim Yo J") == (["kim", "yo"], False)
    assert q.typed_terms("Kishida") == (["kishida"], True)
    assert q.same_rows(q.Query(text="Kim Yo J"), q.Query(text="Kim Yo Ju"))
