"""The application context passed to every window and dialog (after git-cola's
ApplicationContext): the open database, settings, the undo stack and the job runner.

Every review action goes through `ReviewContext.perform`: the store does the change and returns
a history id; a `StoreCommand` carrying that id goes on the QUndoStack, so Ctrl+Z maps to
`store.undo(id)` and Ctrl+Shift+Z to `store.redo(id)`.

The stack lasts one session; the store's history lasts for ever. `AppContext.replay_entry`
undoes or redoes any entry of it by id (Edit > History…) and keeps the stack truthful: see
`_sync_stack` (a step replayed there out of order stays on the stack as a marker that
Ctrl+Z and Ctrl+Shift+Z pass over).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from quotecheck import QuoteCheckError
from quotecheck.store import Store
from quotecheck_ui.settings import Settings
from quotecheck_ui.workers import Runner

log = logging.getLogger(__name__)

# The GUI thread's connection waits this long for a lock held by a worker (an import) and then
# says "busy, try again" instead of freezing the window for the store's default 60 s.
GUI_BUSY_TIMEOUT_MS = 300
BULK = 2000  # review actions on more quotes than this run (and undo/redo) in a worker


def gui_connection(store: Store) -> Store:
    """Make `store` fit for the GUI thread: fail fast when the database is locked."""
    store.db.conn.execute(f"PRAGMA busy_timeout = {GUI_BUSY_TIMEOUT_MS}")
    return store


Effects = tuple[list[int], bool, bool]  # quote ids touched, speakers changed, rows came or went


def affected(entry: dict[str, Any]) -> tuple[list[int], bool]:
    """(quote ids touched, whether speaker names changed) for a history entry."""
    ids, speakers, _rows = effects(entry)
    return ids, speakers


def effects(entry: dict[str, Any]) -> Effects:
    """What a history entry changed, for the views: the quote ids it touched, whether speaker
    names changed, and whether quotes came or went (an article deleted or restored: every
    result set must be recomputed, not just some rows redrawn)."""
    changes = entry.get("changes") or {}
    action = entry.get("action")
    if action == "delete_articles":
        return list(changes.get("quote_ids", [])), False, True
    ids, speakers = _touched(action, changes)
    return ids, speakers, False


def _touched(action: Any, changes: dict[str, Any]) -> tuple[list[int], bool]:
    if action == "merge_speakers":
        return list(changes.get("quote_ids", [])), True
    if action == "update_speaker":
        return [], True
    # an edit that created a speaker removes it on undo (and brings it back on redo)
    return [int(item["quote_id"]) for item in changes.get("quotes", [])], "new_speaker" in changes


class StoreCommand(QUndoCommand):
    """One recorded store action. The action is already done when the command is pushed, so
    the first `redo()` (QUndoStack calls it on push) does nothing."""

    def __init__(self, ctx: AppContext, history_id: int, text: str, size: int = 1) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.history_id = history_id
        self.size = size  # quotes touched: a large step is replayed in a worker
        self._pushed = False
        self.skip = False  # the next redo/undo only moves the stack back (a refused replay)
        # Undone or redone from Edit > History… out of the stack's order: the stack can no
        # longer replay it truthfully, so it moves over it without touching the store.
        self.marker = False

    def make_marker(self) -> None:
        if not self.marker:
            self.marker = True
            self.setText(f"{self.text()} (replayed in History)")

    def redo(self) -> None:
        if not self._pushed or self.skip or self.marker:
            self._pushed = True
            self.skip = False
            return
        if not self.ctx.replay(self, undo=False):
            self.setObsolete(True)  # the store refused: drop the step rather than lie about it

    def undo(self) -> None:
        if self.skip or self.marker:
            self.skip = False
            return
        if not self.ctx.replay(self, undo=True):
            self.setObsolete(True)


class Receiver(QObject):
    """Bound slots in the GUI thread for one job's signals (a plain function connected to a
    worker's signal could run in the worker thread)."""

    def __init__(
        self, parent: QObject, on_finished: Callable[..., None], on_failed: Callable[..., None]
    ) -> None:
        super().__init__(parent)
        self._finished = on_finished
        self._failed = on_failed

    def finished(self, result: object) -> None:
        self._finished(result)
        self.deleteLater()

    def failed(self, message: str, details: str) -> None:
        self._failed(message, details)
        self.deleteLater()


class AppContext(QObject):
    storeChanged = Signal()  # another database was opened
    quotesChanged = Signal(list)  # ids of quotes whose data changed
    namesChanged = Signal()  # a source (or speaker) name came or went: editors' completion lists
    speakersChanged = Signal()  # names/roles/merges: many rows may show other names
    dataImported = Signal()  # new articles/quotes: result sets must be recomputed
    errorRaised = Signal(str)  # an expected error to show as a plain message
    storeAboutToChange = Signal()  # the current database is about to be closed
    replayingChanged = Signal(bool)  # a large undo/redo is running in a worker
    entryReplayed = Signal(int, bool)  # history id, undo: done by `replay_entry`
    entryRefused = Signal(int, bool, str)  # history id, undo, the store's reason: nothing changed
    statusMessage = Signal(str)  # a short note for the status bar
    stepsChanged = Signal()  # a step of the undo stack became a marker: what Ctrl+Z does changed

    def __init__(self, store: Store, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = gui_connection(store)
        self.settings = settings
        self.runner = Runner(self)
        self.undo_stack = QUndoStack(self)
        self.replaying = False

    @property
    def db_path(self) -> str:
        return self.store.path

    @property
    def db_name(self) -> str:
        return Path(self.store.path).name

    def open(self, path: str | Path) -> None:
        """Switch to another database file (creating it if needed)."""
        new = gui_connection(Store(path))
        self.storeAboutToChange.emit()
        self.runner.cancel_all()
        self.runner.wait(10000)
        old, self.store = self.store, new
        old.close()
        self.undo_stack.clear()
        self.settings.last_db = new.path
        self.settings.add_recent(new.path)
        self.storeChanged.emit()

    def perform(self, text: str, action: Callable[[Store], int]) -> int:
        """Run one review action on the store and put it on the undo stack."""
        try:
            history_id = action(self.store)
        except QuoteCheckError as exc:
            self.errorRaised.emit(str(exc))
            return 0
        except sqlite3.OperationalError as exc:  # e.g. locked by a long import in a worker
            log.warning("review action failed: %s", exc)
            self.errorRaised.emit(
                f"The database is busy ({exc}); nothing was changed. Try again when the "
                "import has finished."
            )
            return 0
        if not history_id:
            return 0  # nothing changed
        self.record(history_id, text)
        return history_id

    def record(
        self, history_id: int, text: str, size: int = 1, quote_ids: list[int] | None = None
    ) -> None:
        """Put an action the store has done (here or in a worker) on the undo stack; with
        `quote_ids` (a large review) its history entry is not read back on the GUI thread."""
        self.undo_stack.push(StoreCommand(self, history_id, text, size))
        if quote_ids is not None:
            self.quotesChanged.emit(quote_ids)
            return
        entry = self._entry(history_id)
        if entry is not None:
            self._announce(entry)

    def undo(self) -> None:
        """Ctrl+Z: undo the stack's next real step, moving over markers on the way."""
        self._step(undo=True)

    def redo(self) -> None:
        """Ctrl+Shift+Z: redo the stack's next real step, moving over markers on the way."""
        self._step(undo=False)

    def _step(self, *, undo: bool) -> None:
        if self.replaying or self._next_real(undo=undo) is None:
            return
        stack = self.undo_stack
        while stack.canUndo() if undo else stack.canRedo():
            command = stack.command(stack.index() - 1 if undo else stack.index())
            marker = isinstance(command, StoreCommand) and command.marker
            if undo:
                stack.undo()
            else:
                stack.redo()
            if not marker:
                break

    def _next_real(self, *, undo: bool) -> QUndoCommand | None:
        """The step Ctrl+Z (or Ctrl+Shift+Z) would replay: the next one that is no marker."""
        stack = self.undo_stack
        positions = (
            range(stack.index() - 1, -1, -1) if undo else range(stack.index(), stack.count())
        )
        for position in positions:
            command = stack.command(position)
            if not (isinstance(command, StoreCommand) and command.marker):
                return command
        return None

    def can_undo(self) -> bool:
        return self._next_real(undo=True) is not None

    def can_redo(self) -> bool:
        return self._next_real(undo=False) is not None

    def undo_text(self) -> str:
        command = self._next_real(undo=True)
        return command.text() if command is not None else ""

    def redo_text(self) -> str:
        command = self._next_real(undo=False)
        return command.text() if command is not None else ""

    def replay(self, command: StoreCommand, *, undo: bool) -> bool:
        """Undo or redo one recorded action; False (and a message) if the store refused."""
        if command.size > BULK and self.db_path != ":memory:":
            self._replay_in_worker(command, undo=undo)
            return True
        history_id = command.history_id
        try:
            entry = self.store.undo(history_id) if undo else self.store.redo(history_id)
        except (QuoteCheckError, sqlite3.OperationalError) as exc:
            self.errorRaised.emit(str(exc))
            return False
        if entry is not None:
            self._announce(entry)
        self._say_replayed(command, undo=undo)
        return True

    def _say_replayed(self, command: StoreCommand, *, undo: bool) -> None:
        """ "Undone: Verify quote 4" in the status bar: Ctrl+Z changes what is shown, often
        elsewhere than where one is looking, so the window says what it did."""
        self.statusMessage.emit(f"{'Undone' if undo else 'Redone'}: {command.text()}")

    def _replay_in_worker(self, command: StoreCommand, *, undo: bool) -> None:
        """A large step: the stack moves now, the store follows in a worker; if the store
        refuses, the stack is moved back (the command skips that move) and the user told."""
        from quotecheck_ui.workers import Job

        history_id = command.history_id

        def work(store: Store, _job: Job) -> Effects | None:
            entry = store.undo(history_id) if undo else store.redo(history_id)
            return effects(entry) if entry is not None else None  # parsed in the worker

        def finished(touched: Effects | None) -> None:
            self._set_replaying(False)
            if touched is not None:
                self._announce_ids(*touched)
            self._say_replayed(command, undo=undo)

        def failed(message: str, _details: str) -> None:
            self._set_replaying(False)
            command.skip = True
            if undo:
                self.undo_stack.redo()
            else:
                self.undo_stack.undo()
            self.errorRaised.emit(message)

        self._start_replay(
            Job(self.db_path, work, name="undo" if undo else "redo"), finished, failed
        )

    def _start_replay(
        self, job: Any, finished: Callable[[Any], None], failed: Callable[[str, str], None]
    ) -> None:
        """Run a large undo/redo in a worker; the window's undo/redo wait until it ends."""
        receiver = Receiver(self, finished, failed)
        job.signals.finished.connect(receiver.finished)
        job.signals.failed.connect(receiver.failed)
        self._set_replaying(True)
        self.runner.start(job)

    def replay_entry(self, history_id: int, *, undo: bool, size: int = 1) -> None:
        """Undo or redo any recorded action by its history id (the history dialog), with the
        store's own checks: `entryReplayed` when done, `entryRefused` with the store's reason
        when it refused (the store changed nothing). More than BULK quotes: in a worker, as for
        a large step of the undo stack, and the window's undo/redo wait for it."""
        if self.replaying:
            self.entryRefused.emit(history_id, undo, "another undo or redo is still running")
            return

        def done(touched: Effects) -> None:
            self._sync_stack(history_id, undo=undo)
            self._announce_ids(*touched)
            self.entryReplayed.emit(history_id, undo)

        if size > BULK and self.db_path != ":memory:":
            from quotecheck_ui.workers import Job

            def work(store: Store, _job: Job) -> Effects | None:
                entry = store.undo(history_id) if undo else store.redo(history_id)
                return effects(entry) if entry is not None else None

            def finished(touched: Effects | None) -> None:
                self._set_replaying(False)
                done(touched or ([], False, False))

            def failed(message: str, _details: str) -> None:
                self._set_replaying(False)
                self.entryRefused.emit(history_id, undo, message)

            self._start_replay(
                Job(self.db_path, work, name="undo" if undo else "redo"), finished, failed
            )
            return
        try:
            entry = self.store.undo(history_id) if undo else self.store.redo(history_id)
        except QuoteCheckError as exc:
            self.entryRefused.emit(history_id, undo, str(exc))
            return
        except sqlite3.OperationalError as exc:  # locked by an import or a large review
            self.entryRefused.emit(
                history_id, undo, f"the database is busy ({exc}); try again in a moment"
            )
            return
        if entry is not None and "new_source" in (entry.get("changes") or {}):
            self.namesChanged.emit()
        done(effects(entry) if entry is not None else ([], False, False))

    def _sync_stack(self, history_id: int, *, undo: bool) -> None:
        """After `replay_entry`: the session's undo stack must never replay a stale step.

        An entry that is not on the stack (an earlier session, the CLI) leaves it as it is:
        the stack's own steps are still what the store holds, and the store checks each replay
        anyway. If the entry is the stack's next step (the one Ctrl+Z, or Ctrl+Shift+Z for a
        redo, would replay), the stack just moves over it without replaying, as if the menu
        had done it. Anywhere else on the stack, replaying that step from the stack would no
        longer be true to the store, so it becomes a marker: undo and redo of the stack move
        over it without touching the store, and every other step keeps its place (each is
        still checked by the store when replayed, which refuses a stale one with its reason
        and the stack drops it). The dialog keeps the entry itself within reach."""
        stack = self.undo_stack
        position = next(
            (
                i
                for i in range(stack.count())
                if isinstance(command := stack.command(i), StoreCommand)
                and command.history_id == history_id
            ),
            None,
        )
        if position is None:
            return
        command = stack.command(position)
        assert isinstance(command, StoreCommand)
        next_step = stack.index() - 1 if undo else stack.index()
        if position == next_step and not command.marker:
            command.skip = True  # the move only: the store has done it already
            if undo:
                stack.undo()
            else:
                stack.redo()
            return
        if not command.marker:
            command.make_marker()
            self.statusMessage.emit(
                f"Ctrl+Z and Ctrl+Shift+Z now pass over “{command.text()}”: "
                "it is undone and redone in Edit > History…"
            )
        self.stepsChanged.emit()

    def _set_replaying(self, replaying: bool) -> None:
        self.replaying = replaying
        self.replayingChanged.emit(replaying)

    def _entry(self, history_id: int) -> dict[str, Any] | None:
        for entry in self.store.history(limit=5):
            if entry["id"] == history_id:
                return entry
        return None

    def _announce(self, entry: dict[str, Any]) -> None:
        self._announce_ids(*effects(entry))
        if "new_source" in (entry.get("changes") or {}):
            self.namesChanged.emit()  # an edit that created a source: undo removes it

    def _announce_ids(self, ids: list[int], speakers: bool, rows: bool = False) -> None:
        if rows:
            self.dataImported.emit()  # quotes came or went: every result set is recomputed
        elif speakers:
            self.speakersChanged.emit()
        elif ids:
            self.quotesChanged.emit(ids)

    def close(self) -> None:
        self.runner.cancel_all()
        self.runner.wait(10000)
        self.store.close()
