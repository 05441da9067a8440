"""What the table shows stays consistent: the search box, the selection, the facets."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from quotecheck.importing import import_seeds
from quotecheck.store import Store
from quotecheck_ui import query as q
from quotecheck_ui.models import QuoteTableModel
from quotecheck_ui.workers import Runner


def test_opening_another_database_clears_the_search(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window.search.setText("summit")
    qtbot.waitUntil(lambda: window.model.query.text == "summit" and not window.model.busy)
    other = tmp_path / "other.db"
    with Store(other) as s:
        import_seeds(s)
        s.add_quote_records(
            [{"text": "summit talks are off", "speaker": "X"}, {"text": "no deal", "speaker": "Y"}]
        )
        total = s.count_quotes()
    assert window.open_path(str(other))
    qtbot.waitUntil(lambda: not window.model.busy and window.model.complete)
    assert window.search.text() == window.model.query.text == ""
    assert window.model.rowCount() == total


def test_sorting_keeps_the_selected_quote(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.table.selectRow(5)
    quote_id = window.detail.quote_id
    assert quote_id == window.model.quote_id(5)
    window.table.horizontalHeader().setSortIndicator(
        QuoteTableModel.COL_SPEAKER, Qt.SortOrder.AscendingOrder
    )
    qtbot.waitUntil(lambda: window.model.query.sort == "speaker" and not window.model.busy)
    qtbot.waitUntil(lambda: window.model.quote_id(window.table.currentIndex().row()) == quote_id)
    assert window.detail.quote_id == quote_id
    assert window.model.row_of(quote_id) != 5  # it really moved


def test_an_import_keeps_the_selected_quote(window, qtbot, tmp_path, settle) -> None:  # type: ignore[no-untyped-def]
    window.table.selectRow(4)
    quote_id = window.detail.quote_id
    article = tmp_path / "a.txt"
    article.write_text('Harbour\nThe mayor Ann Lee said the harbour "will reopen soon".\n')
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.start_import([str(article)])
    settle(window)
    assert window.model.quote_id(window.table.currentIndex().row()) == quote_id
    assert window.detail.quote_id == quote_id


def no_speaker_index(window):  # type: ignore[no-untyped-def]
    return next(
        window.facets.value_index("speaker", v)
        for v, label, _n in window.facets.items("speaker")
        if label == "(no speaker)"
    )


def test_the_no_speaker_facet_filters_and_is_not_bold_until_chosen(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    quote_id = window.model.quote_id(0)
    store.edit_quote(quote_id, speaker="")
    window.refresh_facets()
    qtbot.waitUntil(
        lambda: any(label == "(no speaker)" for _v, label, _n in window.facets.items("speaker"))
    )
    index = no_speaker_index(window)
    font = window.facets.data(index, Qt.ItemDataRole.FontRole)
    assert font is None or not font.bold()  # not shown as an active filter
    window.facets.toggle(index)
    qtbot.waitUntil(lambda: not window.model.busy and window.model.rowCount() == 1)
    assert window.model.quote_id(0) == quote_id
    qtbot.waitUntil(lambda: no_speaker_index(window).data().startswith("✓"))
    window.facets.toggle(no_speaker_index(window))  # and clears again
    qtbot.waitUntil(lambda: window.model.rowCount() == store.count_quotes())


def test_a_stale_failed_query_does_not_end_loading(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "q.db")
    store.add_quote_records({"text": f"alpha beta {i}"} for i in range(50))
    real = q.quote_ids
    release = threading.Event()
    newer_running = threading.Event()

    def quote_ids(st, query, limit=None):  # type: ignore[no-untyped-def]
        if query.text == "alpha":
            raise RuntimeError("the old query failed")
        if query.text == "beta":
            newer_running.set()
            release.wait(20)
        return real(st, query, limit)

    monkeypatch.setattr(q, "quote_ids", quote_ids)
    runner = Runner()
    model = QuoteTableModel(store, runner)
    try:
        model.set_query(q.Query(text="alpha"))
        model.set_query(q.Query(text="beta"))
        qtbot.waitUntil(newer_running.is_set, timeout=10000)
        qtbot.waitUntil(lambda: len(runner._live) == 1, timeout=10000)  # the failed one is done
        assert model.busy  # the newer query is still loading
    finally:
        release.set()
    qtbot.waitUntil(lambda: not model.busy, timeout=10000)
    assert model.rowCount() == 50
    runner.wait()
    store.close()


def test_a_sort_that_moves_the_quote_past_the_first_page_keeps_it(
    qtbot, tmp_path, settings, errors
) -> None:  # type: ignore[no-untyped-def]
    from quotecheck_ui.context import AppContext
    from quotecheck_ui.mainwindow import MainWindow

    store = Store(tmp_path / "many.db")
    store.add_quote_records({"text": f"statement {i:03d}"} for i in range(450))
    ctx = AppContext(store, settings)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.model.complete and not win.ctx.runner.busy, timeout=20000)
    win.table.selectRow(0)
    quote_id = win.detail.quote_id
    shown: list[int] = []
    win.table.selectionModel().currentRowChanged.connect(
        lambda cur, _prev: shown.append(win.model.quote_id(cur.row()))
    )
    with qtbot.waitSignal(win.model.loaded, timeout=20000):
        win.table.horizontalHeader().setSortIndicator(
            QuoteTableModel.COL_QUOTE, Qt.SortOrder.DescendingOrder
        )
    assert win.model.row_of(quote_id) == 449  # far past the first page of 200
    assert win.model.quote_id(win.table.currentIndex().row()) == quote_id
    assert set(shown) == {quote_id}  # never another quote in between
    assert win.detail.quote_id == quote_id
    win.close()
    ctx.close()
