"""Edit > History…: the database's review history, every session's, newest first.

The session's undo stack (Ctrl+Z) forgets everything when the app closes; the store keeps every
action. This dialog lists them a page at a time (keyset paging on the history id, read by a
worker: a history of many thousands of bulk reviews is never loaded whole, and never read on
the GUI thread) and undoes or redoes the selected one through `AppContext.replay_entry`: the
store's own rules decide, and when it refuses, its reason is shown here and nothing changes.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from quotecheck.store import Store
from quotecheck_ui.context import AppContext, Receiver
from quotecheck_ui.icons import icon
from quotecheck_ui.workers import Job

log = logging.getLogger(__name__)

WHEN, ACTION, QUOTES, BY, STATE = range(5)
HEADERS = ("When", "Action", "Quotes", "By", "State")
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
READ_ONLY_TIP = "The database is open read-only"
STATE_TIPS = {
    "done": "In effect; Undo restores what the quotes were before it",
    "undone": "Undone; Redo applies it again",
    "superseded": (
        "Undone before a later action, so no longer in the redo chain; Redo still applies it "
        "if its quotes are as it left them"
    ),
}


def entry_state(entry: dict[str, Any]) -> str:
    if entry["undone_at"] is None:
        return "done"
    return "superseded" if entry["superseded"] else "undone"


def local_time(stamp: str | None) -> str:
    """The store's UTC ISO time as local date and minute."""
    if not stamp:
        return ""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


class HistoryModel(QAbstractTableModel):
    """History entries (without their changes), newest first; older pages come on demand
    (`canFetchMore`/`fetchMore`, which a view calls as it scrolls to the end)."""

    loaded = Signal()  # a page (or a reload) arrived
    PAGE = 200

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[dict[str, Any]] = []
        self.total = 0
        self.exhausted = False
        self.loading = False
        self._generation = 0

    # -- loading --------------------------------------------------------------------------

    def clear(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self.rows = []
        self.total = 0
        self.endResetModel()

    def reload(self) -> None:
        """Read the newest entries again, as many as are shown (states change in place, new
        entries come in at the top)."""
        self._generation += 1
        self._load(None, max(self.PAGE, len(self.rows)), replace=True)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self.rows) and not self.exhausted and not self.loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load(int(self.rows[-1]["id"]), self.PAGE, replace=False)

    def _load(self, before_id: int | None, limit: int, *, replace: bool) -> None:
        generation = self._generation
        self.loading = True

        def work(store: Store, _job: Job | None) -> tuple[list[dict[str, Any]], int]:
            rows = store.history(limit, before_id=before_id, with_changes=False)
            return rows, store.history_count()

        def finished(result: tuple[list[dict[str, Any]], int]) -> None:
            if generation == self._generation:
                self._loaded(*result, limit=limit, replace=replace)

        def failed(message: str, _details: str) -> None:
            if generation == self._generation:
                log.warning("history: %s", message)
                self.loading = False
                self.loaded.emit()

        if self.ctx.db_path == ":memory:":  # one connection only: read it here
            finished(work(self.ctx.store, None))
            return
        job = Job(self.ctx.db_path, work, read_only=True, name="history")
        receiver = Receiver(self, finished, failed)
        job.signals.finished.connect(receiver.finished)
        job.signals.failed.connect(receiver.failed)
        self.ctx.runner.start(job)

    def _loaded(self, rows: list[dict[str, Any]], total: int, *, limit: int, replace: bool) -> None:
        self.loading = False
        self.total = total
        self.exhausted = len(rows) < limit
        if replace:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
        elif rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit()

    # -- the model ------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def entry(self, row: int) -> dict[str, Any] | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, history_id: int) -> int:
        return next((i for i, e in enumerate(self.rows) if e["id"] == history_id), -1)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        column = index.column()
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            if column == WHEN:
                return local_time(entry["at"])
            if column == ACTION:
                return entry["summary"]
            if column == QUOTES:
                return f"{entry['quotes']:,}" if entry["quotes"] else "–"
            if column == BY:
                return entry["actor"]
            return entry_state(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == WHEN:
                undone = f"\nundone {local_time(entry['undone_at'])}" if entry["undone_at"] else ""
                return f"{entry['at']} (history entry {entry['id']}){undone}"
            if column == STATE:
                return STATE_TIPS[entry_state(entry)]
            if column == ACTION:
                return entry["summary"]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == QUOTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and entry["undone_at"] is not None:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None


class HistoryDialog(QDialog):
    """The review history of the database with Undo and Redo for the selected entry."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("History")
        self.setAccessibleName("Review history")
        self.model = HistoryModel(ctx, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("History entries")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(ACTION, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for column, width in ((WHEN, 130), (QUOTES, 70), (BY, 90), (STATE, 90)):
            self.view.setColumnWidth(column, width)
        self.undo_button = QPushButton(icon("undo"), "&Undo selected")
        self.redo_button = QPushButton(icon("redo"), "&Redo selected")
        self.undo_button.clicked.connect(lambda: self.replay(undo=True))
        self.redo_button.clicked.connect(lambda: self.replay(undo=False))
        self.count_label = QLabel()
        self.count_label.setAccessibleName("History size")
        self.message = QLabel()
        self.message.setAccessibleName("History message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(
            "Every review action of every session, newest first. Undo or redo one of them: "
            "QuoteCheck refuses (and says why) when a later action changed the same quotes; "
            "undo that one first."
        )
        hint.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(760, 480)

        self._busy_id: int | None = None  # the entry being undone/redone by this dialog
        self._reload_timer = QTimer(self)  # many signals after one change: one reload
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.model.reload)
        self.model.loaded.connect(self._loaded)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._selected_id: int | None = None
        ctx.entryReplayed.connect(self._replayed)
        ctx.entryRefused.connect(self._refused)
        ctx.replayingChanged.connect(self._replaying_changed)
        ctx.undo_stack.indexChanged.connect(self.schedule_reload)  # Ctrl+Z, a new action
        ctx.quotesChanged.connect(self.schedule_reload)
        ctx.speakersChanged.connect(self.schedule_reload)
        ctx.storeChanged.connect(self._store_changed)
        self._update_buttons()
        self.model.reload()

    # -- loading --------------------------------------------------------------------------

    def schedule_reload(self, *_args: Any) -> None:
        if self.isVisible():
            self._reload_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reload_timer.start()  # what happened while it was closed

    def _store_changed(self) -> None:
        self.message.clear()
        self._selected_id = None
        self.model.clear()
        self.model.reload()
        self._update_buttons()

    def _remember_selection(self) -> None:
        entry = self.selected()
        self._selected_id = int(entry["id"]) if entry else self._selected_id

    def _restore_selection(self) -> None:
        row = self.model.row_of(self._selected_id) if self._selected_id is not None else -1
        if row >= 0:
            self.view.selectRow(row)
        self._update_buttons()

    def _loaded(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if not total:
            self.count_label.setText("No review actions recorded yet")
        elif shown < total:
            self.count_label.setText(f"{shown:,} of {total:,} entries (scroll for older)")
        else:
            self.count_label.setText(f"{total:,} entries")
        self._update_buttons()

    # -- undo and redo --------------------------------------------------------------------

    def selected(self) -> dict[str, Any] | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: Any) -> None:
        entry = self.selected()
        if entry is not None:
            self._selected_id = int(entry["id"])
        read_only = self.ctx.store.read_only
        free = not self.ctx.replaying and self._busy_id is None
        state = entry_state(entry) if entry is not None else None
        self.undo_button.setEnabled(not read_only and free and state == "done")
        self.redo_button.setEnabled(not read_only and free and state in ("undone", "superseded"))
        for button, what in ((self.undo_button, "Undo"), (self.redo_button, "Redo")):
            if read_only:
                button.setToolTip(READ_ONLY_TIP)
            elif not free:
                button.setToolTip("Wait: an undo or redo is running")
            else:
                button.setToolTip(f"{what} the selected entry, if nothing later changed its quotes")

    def replay(self, *, undo: bool) -> None:
        entry = self.selected()
        if entry is None or self.ctx.store.read_only or self._busy_id is not None:
            return
        verb = "Undoing" if undo else "Redoing"
        self._busy_id = int(entry["id"])
        self.message.setText(f"{verb} “{entry['summary']}”…")
        self._update_buttons()
        self.ctx.replay_entry(int(entry["id"]), undo=undo, size=int(entry["quotes"]))

    def _summary(self, history_id: int) -> str:
        row = self.model.row_of(history_id)
        entry = self.model.entry(row)
        return f"“{entry['summary']}”" if entry else f"history entry {history_id}"

    def _replayed(self, history_id: int, undo: bool) -> None:
        self._busy_id = None
        self.message.setStyleSheet("")
        self.message.setText(f"{'Undone' if undo else 'Redone'}: {self._summary(history_id)}.")
        self.model.reload()
        self._update_buttons()

    def _refused(self, history_id: int, undo: bool, reason: str) -> None:
        self._busy_id = None
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setText(
            f"Cannot {'undo' if undo else 'redo'} {self._summary(history_id)}: {reason}. "
            "Nothing was changed."
        )
        self.model.reload()  # someone else (the CLI, another window) may have changed it
        self._update_buttons()

    def _replaying_changed(self, replaying: bool) -> None:
        self._update_buttons()
        if not replaying:
            self.schedule_reload()  # a large step of the undo stack reached the store
