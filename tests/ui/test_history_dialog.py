"""Edit > History…: the store's history of earlier sessions, undone and redone from the window."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from quotecheck.store import Store
from quotecheck_ui.context import AppContext
from quotecheck_ui.history import ACTION, QUOTES, STATE, HistoryDialog

STATUS_COLUMN = 4  # of the quote table


@pytest.fixture
def yesterday(db_path: str) -> dict[str, Any]:
    """Review actions of an earlier session, written to the file and closed before the window
    opens: a bulk review, a later dispute of one of its quotes, and one review undone."""
    with Store(db_path) as store:
        ids = [int(r["id"]) for r in store.quotes(limit=1000)]
        bulk_ids, other_ids = ids[:4], ids[4:6]
        bulk = store.set_status(bulk_ids, "verified")
        dispute = store.set_status(bulk_ids[:1], "disputed")
        other = store.set_status(other_ids, "rejected")
        store.undo(other)
        note = store.set_note(ids[6], "checked against the video")  # `other` is now superseded
    return {
        "ids": ids,
        "bulk_ids": bulk_ids,
        "other_ids": other_ids,
        "bulk": bulk,
        "dispute": dispute,
        "other": other,
        "note": note,
    }


@pytest.fixture
def win(yesterday: dict[str, Any], request: pytest.FixtureRequest) -> Any:
    """The main window, opened on the database after yesterday's session."""
    return request.getfixturevalue("window")


def open_dialog(win: Any, qtbot: Any) -> HistoryDialog:
    win.show_history()
    dialog = win._history_dialog
    assert isinstance(dialog, HistoryDialog)
    qtbot.waitUntil(lambda: not dialog.model.loading and dialog.model.rowCount() > 0)
    return dialog


def select(dialog: HistoryDialog, history_id: int) -> None:
    row = dialog.model.row_of(history_id)
    assert row >= 0
    dialog.view.selectRow(row)


def cell(dialog: HistoryDialog, history_id: int, column: int) -> str:
    return str(dialog.model.index(dialog.model.row_of(history_id), column).data())


def table_status(win: Any, quote_id: int) -> str:
    for row in range(win.model.rowCount()):
        if win.model.quote_id(row) == quote_id:
            return str(win.model.index(row, STATUS_COLUMN).data())
    raise AssertionError(f"quote {quote_id} not in the table")


def test_lists_a_previous_sessions_entries(win, qtbot, yesterday) -> None:  # type: ignore[no-untyped-def]
    assert win.ctx.undo_stack.count() == 0  # the session stack knows nothing of yesterday
    assert not win.act_undo.isEnabled()
    assert win.act_history.text() == "&History…"
    dialog = open_dialog(win, qtbot)
    y = yesterday
    assert [e["id"] for e in dialog.model.rows] == [y["note"], y["other"], y["dispute"], y["bulk"]]
    ids = ", ".join(str(i) for i in y["bulk_ids"])
    assert cell(dialog, y["bulk"], ACTION) == f"verified 4 quotes ({ids})"
    assert cell(dialog, y["bulk"], QUOTES) == "4"
    assert cell(dialog, y["bulk"], STATE) == "done"
    assert cell(dialog, y["other"], STATE) == "superseded"
    assert "changes" not in dialog.model.rows[0]  # the list never holds every quote's change
    assert dialog.count_label.text() == "4 entries"
    select(dialog, y["note"])
    assert dialog.undo_button.isEnabled() and not dialog.redo_button.isEnabled()
    select(dialog, y["other"])
    assert dialog.redo_button.isEnabled() and not dialog.undo_button.isEnabled()


def test_undo_from_the_dialog_restores_statuses_in_the_table(win, qtbot, yesterday) -> None:  # type: ignore[no-untyped-def]
    y = yesterday
    dialog = open_dialog(win, qtbot)
    select(dialog, y["dispute"])
    with qtbot.waitSignal(win.ctx.entryReplayed, timeout=10000):
        dialog.undo_button.click()
    store = win.ctx.store
    first = y["bulk_ids"][0]
    assert store.quote(first)["status"] == "verified"
    qtbot.waitUntil(lambda: table_status(win, first) == "verified")
    # then the bulk review under it: all four quotes back to unreviewed
    qtbot.waitUntil(lambda: cell(dialog, y["dispute"], STATE) == "undone")
    select(dialog, y["bulk"])
    with qtbot.waitSignal(win.ctx.entryReplayed, timeout=10000):
        dialog.undo_button.click()
    assert {store.quote(i)["status"] for i in y["bulk_ids"]} == {"unreviewed"}
    qtbot.waitUntil(lambda: {table_status(win, i) for i in y["bulk_ids"]} == {"unreviewed"})
    qtbot.waitUntil(lambda: cell(dialog, y["bulk"], STATE) == "undone")
    assert "Undone" in dialog.message.text()
    # the facets follow (they count statuses)
    qtbot.waitUntil(lambda: win._status_counts.get("verified", 0) == 0, timeout=10000)


def test_a_refused_undo_shows_why_and_changes_nothing(win, qtbot, yesterday, errors) -> None:  # type: ignore[no-untyped-def]
    y = yesterday
    store = win.ctx.store
    before = {i: store.quote(i)["status"] for i in y["ids"]}
    history_before = store.history(with_changes=False)
    dialog = open_dialog(win, qtbot)
    select(dialog, y["bulk"])  # quote 1 was disputed later: the store refuses
    with qtbot.waitSignal(win.ctx.entryRefused, timeout=10000):
        dialog.undo_button.click()
    text = dialog.message.text()
    assert f"quote {y['bulk_ids'][0]} has changed since (status)" in text
    # the entry in the way is named, so it can be found in the list and undone first
    assert f"by history entry {y['dispute']} “disputed quote {y['bulk_ids'][0]}”" in text
    assert "Nothing was changed" in text
    assert {i: store.quote(i)["status"] for i in y["ids"]} == before
    assert store.history(with_changes=False) == history_before
    assert errors == []  # said in the dialog, not in a box over it
    assert win.ctx.undo_stack.count() == 0
    assert cell(dialog, y["bulk"], STATE) == "done"


def test_redo_from_the_dialog(win, qtbot, yesterday) -> None:  # type: ignore[no-untyped-def]
    y = yesterday
    store = win.ctx.store
    dialog = open_dialog(win, qtbot)
    # yesterday's undone (and superseded) review: the store still redoes it by id
    select(dialog, y["other"])
    with qtbot.waitSignal(win.ctx.entryReplayed, timeout=10000):
        dialog.redo_button.click()
    assert {store.quote(i)["status"] for i in y["other_ids"]} == {"rejected"}
    qtbot.waitUntil(lambda: {table_status(win, i) for i in y["other_ids"]} == {"rejected"})
    qtbot.waitUntil(lambda: cell(dialog, y["other"], STATE) == "done")
    assert dialog.undo_button.isEnabled() and not dialog.redo_button.isEnabled()
    # undo and redo again
    with qtbot.waitSignal(win.ctx.entryReplayed, timeout=10000):
        dialog.undo_button.click()
    assert {store.quote(i)["status"] for i in y["other_ids"]} == {"unreviewed"}
    qtbot.waitUntil(lambda: cell(dialog, y["other"], STATE) == "undone")
    with qtbot.waitSignal(win.ctx.entryReplayed, timeout=10000):
        dialog.redo_button.click()
    assert {store.quote(i)["status"] for i in y["other_ids"]} == {"rejected"}


def test_a_refused_redo_shows_the_reason(win, qtbot, yesterday) -> None:  # type: ignore[no-untyped-def]
    y = yesterday
    store = win.ctx.store
    store.set_status(y["other_ids"][:1], "disputed")  # a later change to the same field
    dialog = open_dialog(win, qtbot)
    select(dialog, y["other"])
    with qtbot.waitSignal(win.ctx.entryRefused, timeout=10000):
        dialog.redo_button.click()
    assert "has changed since (status)" in dialog.message.text()
    assert store.quote(y["other_ids"][0])["status"] == "disputed"
    assert store.quote(y["other_ids"][1])["status"] == "unreviewed"


def test_undo_of_the_last_session_step_moves_the_stack(win, qtbot, yesterday, errors) -> None:  # type: ignore[no-untyped-def]
    y = yesterday
    store = win.ctx.store
    quote_id = y["ids"][8]
    win.select_quote(quote_id)
    win.review("disputed")
    stack = win.ctx.undo_stack
    assert stack.count() == 1 and stack.canUndo()
    dialog = open_dialog(win, qtbot)
    session = store.history(limit=1, with_changes=False)[0]["id"]
    qtbot.waitUntil(lambda: dialog.model.row_of(session) == 0)
    select(dialog, session)
    with qtbot.waitSignal(win.ctx.entryReplayed, timeout=10000):
        dialog.undo_button.click()
    assert store.quote(quote_id)["status"] == "unreviewed"
    # the stack followed without replaying: Ctrl+Z has nothing stale to undo, Ctrl+Shift+Z redoes
    assert not stack.canUndo() and stack.canRedo()
    assert not win.act_undo.isEnabled() and win.act_redo.isEnabled()
    win.act_redo.trigger()
    assert store.quote(quote_id)["status"] == "disputed"
    qtbot.waitUntil(lambda: cell(dialog, session, STATE) == "done")
    assert errors == []


def test_the_session_stack_never_replays_a_stale_step(win, qtbot, yesterday, errors) -> None:  # type: ignore[no-untyped-def]
    """An older step of the session undone from the dialog: the stack keeps every other step
    (Ctrl+Z still undoes them) and passes over that one without replaying it."""
    y = yesterday
    store = win.ctx.store
    first, second = y["ids"][8], y["ids"][9]
    win.select_quote(first)
    win.review("disputed")
    win.select_quote(second)
    win.review("rejected")
    stack = win.ctx.undo_stack
    assert stack.count() == 2
    session_first = store.history(limit=2, with_changes=False)[1]["id"]
    dialog = open_dialog(win, qtbot)
    qtbot.waitUntil(lambda: dialog.model.row_of(session_first) == 1)
    select(dialog, session_first)  # not the stack's next step: the stack cannot follow it
    with qtbot.waitSignal(win.ctx.entryReplayed, timeout=10000):
        dialog.undo_button.click()
    assert store.quote(first)["status"] == "unreviewed"
    # the steps are kept: the unrelated later one is still on Ctrl+Z
    assert stack.count() == 2
    assert win.act_undo.isEnabled() and win.act_undo.text() == f"&Undo Rejected quote {second}"
    assert "pass over" in win.statusBar().currentMessage()
    win.act_undo.trigger()
    assert store.quote(second)["status"] == "unreviewed"
    # nothing real is left to undo: the replayed step is only passed over, never replayed
    assert not win.act_undo.isEnabled()
    history = store.history(with_changes=False)
    win.ctx.undo()
    assert store.history(with_changes=False) == history
    assert store.quote(first)["status"] == "unreviewed"
    # Ctrl+Shift+Z redoes the real step only, passing over the replayed one again
    assert win.act_redo.isEnabled() and win.act_redo.text() == f"&Redo Rejected quote {second}"
    win.act_redo.trigger()
    assert store.quote(second)["status"] == "rejected"
    assert store.quote(first)["status"] == "unreviewed"  # not redone behind the user's back
    assert not win.act_redo.isEnabled()
    assert errors == []
    # the dialog still redoes the entry itself, and the stack still passes over it
    qtbot.waitUntil(lambda: cell(dialog, session_first, STATE) == "undone")
    select(dialog, session_first)
    with qtbot.waitSignal(win.ctx.entryReplayed, timeout=10000):
        dialog.redo_button.click()
    assert store.quote(first)["status"] == "disputed"
    win.act_undo.trigger()  # the later real step
    assert store.quote(second)["status"] == "unreviewed"
    assert store.quote(first)["status"] == "disputed"
    assert errors == []
    # an entry of another session leaves this session's stack alone
    win.act_redo.trigger()
    win.select_quote(second)
    win.review("verified")
    assert stack.count() == 3
    select(dialog, y["note"])
    with qtbot.waitSignal(win.ctx.entryReplayed, timeout=10000):
        dialog.undo_button.click()
    assert stack.count() == 3 and stack.canUndo()
    win.act_undo.trigger()
    assert store.quote(second)["status"] == "rejected"
    assert errors == []


def test_steps_kept_around_a_replayed_one_still_replay_true(win, qtbot, yesterday, errors) -> None:  # type: ignore[no-untyped-def]
    """Verify, dispute, note; the dispute undone in the dialog: Ctrl+Z undoes the note, passes
    over the dispute and undoes the verify (the store checks each step as always)."""
    y = yesterday
    store = win.ctx.store
    quote_id, other = y["ids"][8], y["ids"][9]
    win.select_quote(quote_id)
    win.review("verified")
    win.select_quote(quote_id)
    win.review("disputed")
    win.ctx.perform("Note", lambda s: s.set_note(other, "unrelated"))
    stack = win.ctx.undo_stack
    dispute = store.history(limit=2, with_changes=False)[1]["id"]
    dialog = open_dialog(win, qtbot)
    qtbot.waitUntil(lambda: dialog.model.row_of(dispute) >= 0)
    select(dialog, dispute)
    with qtbot.waitSignal(win.ctx.entryReplayed, timeout=10000):
        dialog.undo_button.click()
    assert store.quote(quote_id)["status"] == "verified"
    assert stack.count() == 3
    win.act_undo.trigger()
    assert store.quote(other)["note"] is None
    assert win.act_undo.text() == f"&Undo Verified quote {quote_id}"  # the dispute passed over
    win.act_undo.trigger()
    assert store.quote(quote_id)["status"] == "unreviewed"
    assert not win.act_undo.isEnabled()
    win.act_redo.trigger()  # the verify again; the dispute stays undone (History redoes it)
    assert store.quote(quote_id)["status"] == "verified"
    win.act_redo.trigger()  # passes over the dispute to the note
    assert store.quote(other)["note"] == "unrelated"
    assert store.quote(quote_id)["status"] == "verified"
    assert errors == []


def test_session_actions_show_up_in_an_open_dialog(win, qtbot, yesterday) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(win, qtbot)
    win.select_quote(yesterday["ids"][8])
    win.review("verified")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 5)
    newest = dialog.model.rows[0]["id"]
    win.act_undo.trigger()
    qtbot.waitUntil(lambda: cell(dialog, newest, STATE) == "undone")


def test_a_large_entry_is_replayed_in_a_worker(win, qtbot, yesterday, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import quotecheck_ui.context

    monkeypatch.setattr(quotecheck_ui.context, "BULK", 1)  # more than one quote counts as large
    threads: list[bool] = []
    real = Store.redo

    def redo(self: Store, history_id: int | None = None) -> Any:
        threads.append(threading.current_thread() is threading.main_thread())
        return real(self, history_id)

    monkeypatch.setattr(Store, "redo", redo)
    y = yesterday
    dialog = open_dialog(win, qtbot)
    select(dialog, y["other"])
    with qtbot.waitSignal(win.ctx.entryReplayed, timeout=10000):
        dialog.redo_button.click()
        # while the worker runs, nothing else may undo or redo
        assert win.ctx.replaying
        assert not dialog.undo_button.isEnabled() and not dialog.redo_button.isEnabled()
        assert not win.act_undo.isEnabled()
    assert threads == [False]
    assert not win.ctx.replaying
    assert {win.ctx.store.quote(i)["status"] for i in y["other_ids"]} == {"rejected"}
    qtbot.waitUntil(lambda: {table_status(win, i) for i in y["other_ids"]} == {"rejected"})


def test_a_long_history_is_read_a_page_at_a_time(win, qtbot, yesterday, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from quotecheck_ui.history import HistoryModel

    monkeypatch.setattr(HistoryModel, "PAGE", 10)
    calls: list[tuple[int, int | None, bool]] = []
    real = Store.history

    def history(self: Store, limit: int = 100, **kw: Any) -> list[dict[str, Any]]:
        calls.append((limit, kw.get("before_id"), kw.get("with_changes", True)))
        return real(self, limit, **kw)

    store = win.ctx.store
    for n in range(21):
        store.set_note(yesterday["ids"][10], f"note {n}")
    monkeypatch.setattr(Store, "history", history)
    dialog = open_dialog(win, qtbot)
    assert calls[0] == (10, None, False)  # the newest page first, without the changes
    assert dialog.model.rowCount() < 25
    assert (
        dialog.count_label.text() == f"{dialog.model.rowCount()} of 25 entries (scroll for older)"
    )
    while dialog.model.canFetchMore():  # what scrolling to the end does
        dialog.model.fetchMore()
        qtbot.waitUntil(lambda: not dialog.model.loading)
    older = [c for c in calls if c[1] is not None]
    assert older and all(limit == 10 and not changes for limit, _id, changes in older)
    assert [e["id"] for e in dialog.model.rows] == [
        e["id"] for e in real(store, 100, with_changes=False)
    ]
    assert dialog.count_label.text() == "25 entries"


@pytest.fixture
def read_only_window(qtbot, db_path, yesterday, settings, errors) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    from quotecheck_ui.mainwindow import MainWindow

    ctx = AppContext(Store(db_path, read_only=True), settings)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    ctx.close()


def test_read_only_database_disables_undo_and_redo(read_only_window, qtbot, yesterday) -> None:  # type: ignore[no-untyped-def]
    win = read_only_window
    dialog = open_dialog(win, qtbot)
    for entry in (yesterday["note"], yesterday["other"]):
        select(dialog, entry)
        for button in (dialog.undo_button, dialog.redo_button):
            assert not button.isEnabled()
            assert button.toolTip() == "The database is open read-only"
    dialog.replay(undo=True)  # even called directly, nothing is attempted
    assert win.ctx.store.history(limit=1, with_changes=False)[0]["undone_at"] is None
