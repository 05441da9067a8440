"""Nothing a user does at scale runs a query or a bulk write on the GUI thread."""

from __future__ import annotations

import sqlite3
import threading
import time

from PySide6.QtCore import QItemSelectionModel, Qt

from quotecheck_ui import query as q


def test_search_queries_run_off_the_gui_thread_and_are_debounced(
    window, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    real = q.quote_ids
    calls: list[tuple[str, bool]] = []

    def quote_ids(store, query, limit=None):  # type: ignore[no-untyped-def]
        calls.append((query.text, threading.current_thread() is threading.main_thread()))
        return real(store, query, limit)

    monkeypatch.setattr(q, "quote_ids", quote_ids)
    window.search.setFocus()
    qtbot.keyClicks(window.search, "summit")  # six keystrokes in a burst
    assert window.model.query.text == ""  # nothing ran inside the keystrokes
    qtbot.waitUntil(lambda: window.model.query.text == "summit" and not window.model.busy)
    assert window.model.rowCount() == q.count(window.ctx.store, q.Query(text="summit")) > 1
    assert calls and not any(on_gui for _t, on_gui in calls)
    assert {t for t, _g in calls} == {"summit"}  # one query for the burst, not one per key


def test_select_all_and_review_without_per_row_indexes(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def per_row(*_a, **_k):  # type: ignore[no-untyped-def]
        raise AssertionError("selectedRows() builds one index per row")

    monkeypatch.setattr(QItemSelectionModel, "selectedRows", per_row)
    n = window.model.rowCount()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyRelease(window.table, Qt.Key.Key_Control)  # Qt keeps the last event's modifiers
    assert window.selected_ids() == [window.model.quote_id(r) for r in range(n)]
    assert f"{n:,} quotes selected" in window.detail.selection_label.text()
    window.review("verified")
    qtbot.waitUntil(lambda: window.ctx.store.count_quotes(_status("verified")) == n)


def _status(status: str):  # type: ignore[no-untyped-def]
    from quotecheck.store import QuoteFilter

    return QuoteFilter(status=status)


def test_a_large_review_runs_in_a_worker_and_undoes(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    threads: list[bool] = []
    from quotecheck.store import Store

    real = Store.set_status

    def set_status(self, ids, status, note=None):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread() is threading.main_thread())
        return real(self, ids, status, note)

    monkeypatch.setattr(Store, "set_status", set_status)
    window.BULK_REVIEW = 3  # anything above three quotes counts as large here
    window.table.selectAll()
    n = window.model.rowCount()
    with qtbot.waitSignal(window.reviewFinished, timeout=20000):
        window.review("rejected")
    assert threads == [False]
    assert store.count_quotes(_status("rejected")) == n
    assert window.ctx.undo_stack.count() == 1
    qtbot.waitUntil(
        lambda: all(
            window.model.index(r, 4).data() == "rejected" for r in range(window.model.rowCount())
        )
    )
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: store.count_quotes(_status("rejected")) == 0, timeout=20000)


def test_a_locked_database_fails_fast_on_the_gui_thread(window, qtbot, errors) -> None:  # type: ignore[no-untyped-def]
    busy = window.ctx.store.db.execute("PRAGMA busy_timeout").fetchone()[0]
    assert busy <= 1000
    quote_id = window.model.quote_id(0)
    window.select_quote(quote_id)
    other = sqlite3.connect(window.ctx.db_path, timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")  # e.g. a long import in a worker
        start = time.perf_counter()
        window.review("verified")
        assert time.perf_counter() - start < 3
        assert errors and "busy" in errors[-1]
    finally:
        other.rollback()
        other.close()
    assert window.ctx.store.quote(quote_id)["status"] == "unreviewed"


def test_the_gui_connection_of_a_newly_opened_database_fails_fast_too(window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert window.open_path(str(tmp_path / "second.db"))
    assert window.ctx.store.db.execute("PRAGMA busy_timeout").fetchone()[0] <= 1000


def test_select_all_does_not_visit_every_row(
    qtbot, tmp_path, settings, errors, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+A on a large table stays O(visible rows): the header, which would ask whether each
    column is fully selected (one flags() call per row and column), has a selection of its own."""
    from quotecheck.store import Store
    from quotecheck_ui.context import AppContext
    from quotecheck_ui.mainwindow import MainWindow
    from quotecheck_ui.models import QuoteTableModel

    store = Store(tmp_path / "big.db")
    store.add_quote_records(
        {"text": f"statement {i}", "speaker": f"P {i % 9}"} for i in range(5000)
    )
    calls = []
    real = QuoteTableModel.flags

    def flags(self, index):  # type: ignore[no-untyped-def]
        calls.append(index.row())
        return real(self, index)

    monkeypatch.setattr(QuoteTableModel, "flags", flags)
    ctx = AppContext(store, settings)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.model.complete and not win.ctx.runner.busy, timeout=20000)
    calls.clear()
    win.table.setFocus()
    with qtbot.waitSignal(win.table.selectionModel().selectionChanged):
        qtbot.keyClick(win.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyRelease(win.table, Qt.Key.Key_Control)
    win.table.viewport().repaint()
    win.table.horizontalHeader().viewport().repaint()
    assert win.selected_count() == 5000
    assert len(calls) < 2000, len(calls)  # visible cells only, not 5,000 rows x 7 columns
    win.close()
    ctx.close()
