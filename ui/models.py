"""Item models over the store (after vorta's table models: column constants, a sort role
returning native values, `beginResetModel` for full replacement and targeted `dataChanged`
otherwise). Every model here is checked with pytest-qt's `qtmodeltester`.

`QuoteTableModel` stays responsive at a million quotes: for a query it holds only the ordered
ids of the result (one integer column, fetched by a worker with its own connection) and a small
LRU cache of pages of rows, fetched by id when the view asks for them. Rows never become
widgets, and a row's text is built only when it is painted.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from quotecheck.model import KINDS, STATUSES
from quotecheck.store import Store
from quotecheck_ui import query as q
from quotecheck_ui.icons import icon
from quotecheck_ui.workers import Job, Runner

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
RECORD_ROLE = Qt.ItemDataRole.UserRole + 3

SELECTED_FACET = QColor(47, 111, 209, 70)  # translucent blue: reads on light and dark bases
STATUS_ICONS = {s: s if s != "unreviewed" else "unreviewed" for s in STATUSES}
STATUS_ICONS.update(verified="verify", disputed="dispute", rejected="reject")


def one_line(text: str | None, limit: int = 300) -> str:
    if not text:
        return ""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class QuoteTableModel(QAbstractTableModel):
    """The quote list: a paged, lazily filled view of one query over the store."""

    COL_QUOTE, COL_SPEAKER, COL_SOURCE, COL_KIND, COL_STATUS, COL_ARTICLE, COL_DATE = range(7)
    HEADERS = ("Quote", "Speaker", "Source", "Kind", "Status", "Article", "Date")
    SORT_KEYS = ("text", "speaker", "source", "kind", "status", "article", "date")

    PAGE = 200
    MAX_PAGES = 64  # rows kept: 12,800 at most, however large the database

    loaded = Signal()  # the whole result set is known (rowCount is final)
    busyChanged = Signal(bool)
    queryChanged = Signal(object)

    def __init__(self, store: Store, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.query = q.Query()
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[dict[str, Any] | None]] = OrderedDict()
        self._generation = 0
        self._complete = True
        self._busy = False
        self._current_job: QObject | None = None  # the signals of the query being run
        self._resetting = False

    # -- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        rec = self.record(index.row())
        if rec is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == self.COL_QUOTE:
                return "(deleted)"
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(rec, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_QUOTE:
                return one_line(rec["text"], 600)
            if col == self.COL_SPEAKER and rec.get("speaker_role"):
                return f"{rec['speaker']}, {rec['speaker_role']}"
            if col == self.COL_ARTICLE:
                return rec.get("article") or rec.get("ref")
            return None
        if role == Qt.ItemDataRole.DecorationRole and col == self.COL_STATUS:
            return icon(STATUS_ICONS.get(rec["status"], "unreviewed"))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(rec, col) or "empty"
        if role == SORT_ROLE:
            return self._sort_value(rec, col)
        if role == RECORD_ROLE:
            return rec
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS[column] if 0 <= column < len(self.SORT_KEYS) else "id"
        self.set_query(
            dataclasses.replace(
                self.query, sort=key, descending=order == Qt.SortOrder.DescendingOrder
            )
        )

    # -- rows --------------------------------------------------------------------------------

    def _display(self, rec: dict[str, Any], col: int) -> str:
        if col == self.COL_QUOTE:
            return one_line(rec["text"])
        if col == self.COL_SPEAKER:
            return rec.get("speaker") or rec.get("speaker_mention") or ""
        if col == self.COL_SOURCE:
            return rec.get("source") or ""
        if col == self.COL_KIND:
            return rec.get("kind") or ""
        if col == self.COL_STATUS:
            return rec.get("status") or ""
        if col == self.COL_ARTICLE:
            return one_line(rec.get("article") or rec.get("ref") or "", 120)
        if col == self.COL_DATE:
            return rec.get("said_on") or rec.get("article_date") or ""
        return ""

    def _sort_value(self, rec: dict[str, Any], col: int) -> Any:
        if col == self.COL_QUOTE:
            return rec["text"] or ""
        return self._display(rec, col)

    def record(self, row: int) -> dict[str, Any] | None:
        """The full row (store.quotes_by_ids fields) for a table row, fetched by page."""
        page_no = row // self.PAGE
        page = self._pages.get(page_no)
        if page is None:
            ids = self._ids[page_no * self.PAGE : (page_no + 1) * self.PAGE]
            found = self.store.quotes_by_ids(ids)
            page = [found.get(i) for i in ids]
            self._pages[page_no] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        offset = row - page_no * self.PAGE
        return page[offset] if offset < len(page) else None

    def quote_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, quote_id: int) -> int | None:
        for page_no, page in self._pages.items():
            for offset, rec in enumerate(page):
                if rec is not None and rec["id"] == quote_id:
                    return page_no * self.PAGE + offset
        try:
            return self._ids.index(quote_id)
        except ValueError:
            return None

    @property
    def cached_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def complete(self) -> bool:
        return self._complete

    # -- queries -------------------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self.store = store
        self.set_query(q.Query(sort=self.query.sort, descending=self.query.descending), force=True)

    def refresh(self) -> None:
        """Recompute the result set (after an import, a merge...)."""
        self.set_query(self.query, force=True)

    def set_query(self, query: q.Query, *, force: bool = False) -> None:
        """Show the rows of `query`. Only the first page of everything in import order is read
        here (one index range, instant at any size); every other query runs in a worker, which
        hands over its first page as soon as it has it and then the whole ordered id list."""
        if query == self.query and not force:
            return
        if not force and q.same_rows(query, self.query):
            self.query = query  # e.g. one more letter of a word too short to filter yet
            return
        self.query = query
        self.queryChanged.emit(query)
        self._generation += 1
        generation = self._generation
        self._current_job = None
        if self.store.path == ":memory:":  # no second connection possible: all at once
            self._replace(q.quote_ids(self.store, query), True)
            self._set_busy(False)
            self.loaded.emit()
            return
        first_done = False
        if query.sort == "id" and not q.where(query)[0]:
            first = q.quote_ids(self.store, query, limit=self.PAGE + 1)
            complete = len(first) <= self.PAGE
            self._replace(first if complete else first[: self.PAGE], complete)
            if complete:
                self._set_busy(False)
                self.loaded.emit()
                return
            first_done = True
        self._set_busy(True)
        page = self.PAGE

        def work(store: Store, job: Job) -> tuple[int, list[int]]:
            if not first_done:
                first = q.quote_ids(store, query, limit=page + 1)
                if len(first) <= page:
                    return generation, first
                job.partial((generation, first[:page]))
            return generation, q.quote_ids(store, query)

        job = Job(self.store.path, work, read_only=True, interruptible=True, name="quote ids")
        job.signals.partial.connect(self._on_first_page)
        job.signals.finished.connect(self._on_ids)
        job.signals.failed.connect(self._on_failed)
        self._current_job = job.signals
        self.runner.submit_latest("quote-ids", job, interrupt=True)

    def _on_first_page(self, result: tuple[int, list[int]]) -> None:
        generation, ids = result
        if generation == self._generation:
            self._replace(ids, False)

    def _on_ids(self, result: tuple[int, list[int]]) -> None:
        generation, ids = result
        if generation == self._generation:
            self._apply_ids(generation, ids)

    def _on_failed(self, message: str, details: str) -> None:
        if self.sender() is not self._current_job:
            return  # an older query (interrupted by a newer one, or failed): not ours
        log.warning("quote query failed: %s", message)
        self._set_busy(False)

    def _apply_ids(self, generation: int, ids: list[int]) -> None:
        shown = len(self._ids)
        if not self._complete and ids[:shown] == self._ids:
            # The first page is already on screen and still first: append the rest, so the
            # selection and scroll position survive.
            if len(ids) > shown:
                self.beginInsertRows(ROOT, shown, len(ids) - 1)
                self._ids = ids
                self.endInsertRows()
            self._complete = True
        else:
            self._replace(ids, True)
        self._set_busy(False)
        self.loaded.emit()

    def _replace(self, ids: list[int], complete: bool) -> None:
        self._resetting = True  # a slot of modelAboutToBeReset may save an edit: no dataChanged
        try:
            self.beginResetModel()
            self._ids = ids
            self._pages.clear()
            self._complete = complete
            self.endResetModel()
        finally:
            self._resetting = False

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)

    def refresh_quotes(self, quote_ids: list[int]) -> None:
        """Re-read the given quotes if they are on a cached page, and repaint their rows."""
        if self._resetting:
            return  # every row is about to be read again anyway
        wanted = set(quote_ids)
        touched: list[int] = []
        for page_no, page in self._pages.items():
            for offset, rec in enumerate(page):
                if rec is not None and rec["id"] in wanted:
                    touched.append(page_no * self.PAGE + offset)
        if not touched:
            return
        fresh = self.store.quotes_by_ids([self._ids[r] for r in touched])
        last = self.columnCount() - 1
        for row in touched:
            page_no, offset = divmod(row, self.PAGE)
            self._pages[page_no][offset] = fresh.get(self._ids[row])
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def refresh_all_rows(self) -> None:
        """Drop cached rows (e.g. speaker names changed) and repaint."""
        self._pages.clear()
        if self._ids and not self._resetting:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1)
            )


class FacetModel(QAbstractItemModel):
    """A two-level tree: the groups (Speakers, Sources, Status, Kind) and their values with
    counts. A value is checkable; checking it filters the table (one value per group)."""

    facetToggled = Signal(str, object)  # group, value (None: the group's filter was cleared)

    TITLES = {"speaker": "Speakers", "source": "Sources", "status": "Status", "kind": "Kind"}
    GROUPS = q.FACET_GROUPS
    VALUE_ROLE = Qt.ItemDataRole.UserRole + 10
    CHECKED_ROLE = Qt.ItemDataRole.UserRole + 12
    GROUP_ROLE = Qt.ItemDataRole.UserRole + 11

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: dict[str, list[tuple[Any, str, int]]] = {g: [] for g in self.GROUPS}
        self._selected: dict[str, Any] = dict.fromkeys(self.GROUPS)

    # internalId: 0 for a group row, group number + 1 for a value row
    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if column < 0 or column >= 2 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self.GROUPS):
                return QModelIndex()
            return self.createIndex(row, column, 0)
        if parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        group = self.GROUPS[parent.row()]
        if row >= len(self._items[group]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(child.internalId()) - 1, 0, 0)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(self.GROUPS)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._items[self.GROUPS[parent.row()]])
        return 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return 2

    def _item(self, index: Index) -> tuple[str, tuple[Any, str, int] | None]:
        if index.internalId() == 0:
            return self.GROUPS[index.row()], None
        group = self.GROUPS[int(index.internalId()) - 1]
        return group, self._items[group][index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group, item = self._item(index)
        col = index.column()
        if item is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                if col == 0:
                    return self.TITLES[group].upper()
                return None
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                font.setPointSizeF(max(font.pointSizeF() - 1, 7))
                return font
            if role == self.GROUP_ROLE:
                return group
            return None
        value, label, count = item
        selected = value is not None and self._selected[group] == value
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 1:
                return f"{count:,}"
            return f"✓ {label}" if selected else label
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = ", filter on" if selected else ""
            return f"{label}, {count} quotes{state}" if col == 0 else f"{count}"
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            action = "click to clear this filter" if selected else "click to show only these"
            return f"{label}: {count:,} quote(s) — {action}"
        if role == self.CHECKED_ROLE and value is not None:
            # Not Qt's CheckStateRole: Fusion's check boxes all but vanish in dark palettes.
            return Qt.CheckState.Checked if selected else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and selected:
            return QBrush(SELECTED_FACET)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and col == 0 and group == "status":
            return icon(STATUS_ICONS.get(value, "unreviewed"))
        if role == Qt.ItemDataRole.FontRole and selected:
            font = QFont()
            font.setBold(True)
            return font
        if role == self.VALUE_ROLE:
            return value
        if role == self.GROUP_ROLE:
            return group
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        group, item = self._item(index)
        if item is None:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemNeverHasChildren

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != self.CHECKED_ROLE:
            return False
        group, item = self._item(index)
        if item is None or item[0] is None:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.select(group, item[0] if checked else None)
        self.facetToggled.emit(group, self._selected[group])
        return True

    def toggle(self, index: Index) -> None:
        """Click or Enter on a value: select it, or clear it if it was selected."""
        if not index.isValid() or index.internalId() == 0:
            return
        index = self.index(index.row(), 0, index.parent())
        checked = self.data(index, self.CHECKED_ROLE) == Qt.CheckState.Checked
        new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        self.setData(index, new.value, self.CHECKED_ROLE)

    def select(self, group: str, value: Any) -> None:
        if self._selected[group] == value:
            return
        self._selected[group] = value
        self._group_changed(group)

    def selected(self, group: str) -> Any:
        return self._selected[group]

    def group_index(self, group: str) -> QModelIndex:
        return self.index(self.GROUPS.index(group), 0)

    def value_index(self, group: str, value: Any) -> QModelIndex:
        for row, item in enumerate(self._items[group]):
            if item[0] == value:
                return self.index(row, 0, self.group_index(group))
        return QModelIndex()

    def items(self, group: str) -> list[tuple[Any, str, int]]:
        return list(self._items[group])

    def set_facets(self, facets: dict[str, list[tuple[Any, str, int]]], query: q.Query) -> None:
        """New counts; rows are inserted/removed per group so the tree keeps its expansion."""
        for group in self.GROUPS:
            items = list(facets.get(group, []))
            if group in ("status", "kind"):
                items = self._complete(group, items)
            selected = query.facet_value(group)
            if selected is not None and not any(i[0] == selected for i in items):
                items.append((selected, self._label_for(group, selected), 0))
            self._selected[group] = selected
            self._set_items(group, items)

    def _label_for(self, group: str, value: Any) -> str:
        for item in self._items[group]:
            if item[0] == value:
                return item[1]
        return str(value)

    @staticmethod
    def _complete(group: str, items: list[tuple[Any, str, int]]) -> list[tuple[Any, str, int]]:
        """Status and kind list every value, with 0 for the absent ones (no jumping rows)."""
        known = KINDS if group == "kind" else STATUSES
        counts = {i[0]: i for i in items}
        out = [counts.pop(v, (v, v, 0)) for v in known]
        return out + list(counts.values())

    def _set_items(self, group: str, items: list[tuple[Any, str, int]]) -> None:
        parent = self.group_index(group)
        old = len(self._items[group])
        new = len(items)
        if new < old:
            self.beginRemoveRows(parent, new, old - 1)
            self._items[group] = self._items[group][:new]
            self.endRemoveRows()
        elif new > old:
            self.beginInsertRows(parent, old, new - 1)
            self._items[group] = self._items[group] + items[old:]
            self.endInsertRows()
        self._items[group] = items
        if new:
            self.dataChanged.emit(self.index(0, 0, parent), self.index(new - 1, 1, parent))
        self.dataChanged.emit(parent, parent.siblingAtColumn(1))

    def _group_changed(self, group: str) -> None:
        parent = self.group_index(group)
        n = len(self._items[group])
        if n:
            self.dataChanged.emit(self.index(0, 0, parent), self.index(n - 1, 1, parent))


class RecordTableModel(QAbstractTableModel):
    """A small read-only table over a list of dicts (checks, matches, speakers)."""

    COLUMNS: tuple[tuple[str, str], ...] = ()  # (key, header)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_record(self, row: int) -> dict[str, Any] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.COLUMNS[section][1]
        return None

    def display(self, rec: dict[str, Any], key: str) -> Any:
        value = rec.get(key)
        if value is None:
            return ""
        return one_line(str(value), 200) if isinstance(value, str) else value

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        rec = self._rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            value = self.display(rec, key)
            return str(value) if role == Qt.ItemDataRole.AccessibleTextRole else value
        if role == Qt.ItemDataRole.ToolTipRole:
            value = rec.get(key)
            return str(value) if value not in (None, "") else None
        if role == SORT_ROLE:
            return rec.get(key)
        if role == RECORD_ROLE:
            return rec
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ChecksModel(RecordTableModel):
    """The history of claim checks (store.checks())."""

    COLUMNS = (("checked_at", "When"), ("verdict", "Verdict"), ("claim", "Claim"))

    def display(self, rec: dict[str, Any], key: str) -> Any:
        if key == "checked_at":  # 2026-11-30T07:27:01+00:00 -> 11-30 07:27
            return str(rec.get(key) or "").replace("T", " ")[5:16]
        return super().display(rec, key)


class MatchesModel(RecordTableModel):
    """The best matches of one claim check."""

    COLUMNS = (
        ("score", "Score"),
        ("speaker", "Speaker"),
        ("source", "Source"),
        ("text", "Quote"),
        ("date", "Date"),
        ("status", "Review"),  # a verdict resting on an unreviewed quote is no checked fact
    )

    def display(self, rec: dict[str, Any], key: str) -> Any:
        if key == "score":
            score = rec.get("score")
            return f"{float(score):.0f}" if score is not None else ""
        if key == "date":
            return rec.get("said_on") or rec.get("article_date") or ""
        return super().display(rec, key)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid() and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class SpeakersModel(RecordTableModel):
    """Speakers with role, aliases and quote counts; name and role are editable in place
    (the edit is handed to the dialog as `editRequested`, which records it for undo)."""

    COLUMNS = (("name", "Name"), ("role", "Role"), ("quotes", "Quotes"), ("aliases", "Aliases"))
    editRequested = Signal(int, str, str)  # speaker id, field ("name"/"role"), value

    def display(self, rec: dict[str, Any], key: str) -> Any:
        if key == "aliases":
            return ", ".join(a for a in rec.get("aliases") or [] if a != rec.get("name"))
        if key == "quotes":
            return f"{int(rec.get('quotes') or 0):,}"
        return super().display(rec, key)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in (0, 1):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            rec = self._rows[index.row()]
            return rec.get(self.COLUMNS[index.column()][0]) or ""
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() > 1:
            return False
        rec = self._rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if str(value or "") == str(rec.get(key) or ""):
            return False
        self.editRequested.emit(int(rec["id"]), key, str(value or ""))
        return True
