"""The application context passed to every window and dialog (after git-cola's
ApplicationContext): the open database, settings, the undo stack and the job runner.

Every review action goes through `ReviewContext.perform`: the store does the change and returns
a history id; a `StoreCommand` carrying that id goes on the QUndoStack, so Ctrl+Z maps to
`store.undo(id)` and Ctrl+Shift+Z to `store.redo(id)`.
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


def affected(entry: dict[str, Any]) -> tuple[list[int], bool]:
    """(quote ids touched, whether speaker names changed) for a history entry."""
    changes = entry.get("changes") or {}
    action = entry.get("action")
    if action == "merge_speakers":
        return list(changes.get("quote_ids", [])), True
    if action == "update_speaker":
        return [], True
    return [int(item["quote_id"]) for item in changes.get("quotes", [])], False


class StoreCommand(QUndoCommand):
    """One recorded store action. The action is already done when the command is pushed, so
    the first `redo()` (QUndoStack calls it on push) does nothing."""

    def __init__(self, ctx: AppContext, history_id: int, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.history_id = history_id
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        if not self.ctx.replay(self.history_id, undo=False):
            self.setObsolete(True)  # the store refused: drop the step rather than lie about it

    def undo(self) -> None:
        if not self.ctx.replay(self.history_id, undo=True):
            self.setObsolete(True)


class AppContext(QObject):
    storeChanged = Signal()  # another database was opened
    quotesChanged = Signal(list)  # ids of quotes whose data changed
    speakersChanged = Signal()  # names/roles/merges: many rows may show other names
    dataImported = Signal()  # new articles/quotes: result sets must be recomputed
    errorRaised = Signal(str)  # an expected error to show as a plain message

    def __init__(self, store: Store, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.runner = Runner(self)
        self.undo_stack = QUndoStack(self)

    @property
    def db_path(self) -> str:
        return self.store.path

    @property
    def db_name(self) -> str:
        return Path(self.store.path).name

    def open(self, path: str | Path) -> None:
        """Switch to another database file (creating it if needed)."""
        new = Store(path)
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
        self.undo_stack.push(StoreCommand(self, history_id, text))
        entry = self._entry(history_id)
        if entry is not None:
            self._announce(entry)
        return history_id

    def replay(self, history_id: int, *, undo: bool) -> bool:
        """Undo or redo one recorded action; False (and a message) if the store refused."""
        try:
            entry = self.store.undo(history_id) if undo else self.store.redo(history_id)
        except (QuoteCheckError, sqlite3.OperationalError) as exc:
            self.errorRaised.emit(str(exc))
            return False
        if entry is not None:
            self._announce(entry)
        return True

    def _entry(self, history_id: int) -> dict[str, Any] | None:
        for entry in self.store.history(limit=5):
            if entry["id"] == history_id:
                return entry
        return None

    def _announce(self, entry: dict[str, Any]) -> None:
        ids, speakers = affected(entry)
        if speakers:
            self.speakersChanged.emit()
        elif ids:
            self.quotesChanged.emit(ids)

    def close(self) -> None:
        self.runner.cancel_all()
        self.runner.wait(10000)
        self.store.close()
