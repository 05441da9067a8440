"""The main window: facets | quote table | detail pane, the claim panel below, menus, status bar.

The window only talks to the core through the AppContext's Store (GUI thread) and through jobs
that open their own Store in a pool thread. Review actions go through `ctx.perform` so every
one of them is on the undo stack.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from quotecheck import QuoteCheckError
from quotecheck.fetch import looks_like_url
from quotecheck.importing import (
    ARTICLE_SUFFIXES,
    FileOutcome,
    ImportReport,
    expand_paths,
    import_collection,
    import_files,
    import_text,
    import_url,
)
from quotecheck.model import ArticleMeta
from quotecheck.paths import log_dir
from quotecheck.store import Store
from quotecheck_ui import query as q
from quotecheck_ui.claims import ClaimPanel
from quotecheck_ui.context import BULK, AppContext, Receiver
from quotecheck_ui.detail import DetailPane
from quotecheck_ui.dialogs import (
    PasteArticleDialog,
    SpeakersDialog,
    deletion_question,
    report_summary,
    show_about,
    show_import_report,
)
from quotecheck_ui.errors import show_error
from quotecheck_ui.history import HistoryDialog
from quotecheck_ui.icons import app_icon, icon
from quotecheck_ui.models import FacetModel, QuoteTableModel
from quotecheck_ui.workers import Job

log = logging.getLogger(__name__)


def shiboken_valid(obj: Any) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


COLLECTION_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv")
REVIEW = (
    ("verified", "&Verify", "V", "verify"),
    ("disputed", "&Dispute", "D", "dispute"),
    ("rejected", "&Reject", "R", "reject"),
    ("unreviewed", "Reset (&unreviewed)", "U", "reset"),
)
DEFAULT_WIDTHS = (360, 130, 85, 70, 100, 200, 90)


class FacetView(QTreeView):
    """The facet tree: a click, Enter or Space on a value toggles it as a filter."""

    def __init__(self, model: FacetModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facets = model
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setItemsExpandable(False)
        self.setIndentation(8)
        self.setAccessibleName("Filters: speakers, sources, status, kind")
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.clicked.connect(model.toggle)
        model.rowsInserted.connect(lambda *_: self.expandAll())
        self.expandAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.facets.toggle(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class QuoteTable(QTableView):
    def __init__(self, model: QuoteTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Quotes")
        self.setTabKeyNavigation(False)  # Tab leaves the table (rows are walked with arrows)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row size queries
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        hh = self.horizontalHeader()
        # The header gets an (empty) selection of its own: with the table's, every paint after
        # Ctrl+A asks whether each column is wholly selected, one flags() call per row and
        # column (3 s per 100,000 rows); its sections are for sorting, never for selecting.
        hh.setSelectionModel(QItemSelectionModel(model, self))
        hh.setSectionsClickable(True)
        hh.setSortIndicatorShown(True)
        hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # import order until a click
        hh.setHighlightSections(False)
        hh.setStretchLastSection(True)
        for col, width in enumerate(DEFAULT_WIDTHS):
            self.setColumnWidth(col, width)


class MainWindow(QMainWindow):
    importFinished = Signal(object)  # ImportReport (collections appear as outcomes too)
    backupFinished = Signal(str)  # the backup file written
    facetsRefreshed = Signal()
    reviewFinished = Signal(int)  # a large review done in a worker: its history id (0: failed)

    # The search runs (in a worker) once typing pauses this long: key repeats and fast bursts
    # make one query; a stale query still running is interrupted by the next one.
    SEARCH_DELAY_MS = 40
    BULK_REVIEW = BULK  # reviews of more quotes than this are written by a worker

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self._facet_generation = 0
        self._import_job: Job | None = None
        self._pending_select: int | None = None
        self._total = 0
        self._status_counts: dict[str, int] = {}
        self._speakers_dialog: SpeakersDialog | None = None
        self._history_dialog: HistoryDialog | None = None
        self._splitters_restored = False
        self._keep_quote: int | None = None  # the current quote across a table reset
        self._review_job: Job | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)

        self.model = QuoteTableModel(ctx.store, ctx.runner, self)
        self.facets = FacetModel(self)
        self._build_actions()
        self._build_widgets()
        self._build_menus()
        self._connect()
        self._restore_state()
        self._update_title()

        self.model.set_query(q.Query(), force=True)
        self.refresh_facets()
        self.refresh_names()
        self._select_first_row()

    # -- construction ---------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Any = None,
        shortcut: str | QKeySequence | QKeySequence.StandardKey | list[Any] | None = None,
        icon_name: str | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_new = a("&New database…", self.new_database, QKeySequence.StandardKey.New, "new")
        self.act_open = a(
            "&Open database…", self.open_database, QKeySequence.StandardKey.Open, "open"
        )
        self.act_import = a(
            "&Import articles…",
            self.import_articles,
            "Ctrl+I",
            "import",
            "Import article files (.txt, .md, .html, .pdf, .docx)",
        )
        self.act_paste = a(
            "&Paste article or link…",
            self.paste_article,
            "Ctrl+Shift+V",
            "paste",
            "Paste an article's text with its title, publisher, date and URL, "
            "or give only its link to fetch it",
        )
        self.act_collection = a(
            "Import quote &collection…",
            self.import_quote_collection,
            None,
            "collection",
            "Import a JSONL or CSV collection of quotes",
        )
        self.act_export = a(
            "&Export sheet…",
            self.export_sheet,
            "Ctrl+E",
            "export",
            "Export a sheet of quotes (PDF, HTML, Markdown, CSV, JSON) with a preview",
        )
        self.act_backup = a(
            "&Back up database…",
            self.backup_database,
            None,
            None,
            "Copy the whole database to a file (SQLite online backup; safe while working)",
        )
        self.act_quit = a("&Quit", self.close, QKeySequence.StandardKey.Quit, "quit")

        # Undo/redo go through the context, which refuses them while a large step is being
        # replayed in a worker; text and enabled state follow the stack.
        self.act_undo = a("&Undo", self.ctx.undo, [QKeySequence.StandardKey.Undo], "undo")
        self.act_redo = a(
            "&Redo", self.ctx.redo, [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")], "redo"
        )
        stack = self.ctx.undo_stack
        for signal in (
            stack.canUndoChanged,
            stack.canRedoChanged,
            stack.undoTextChanged,
            stack.redoTextChanged,
            self.ctx.replayingChanged,
            self.ctx.stepsChanged,
        ):
            signal.connect(self._undo_state_changed)
        stack.indexChanged.connect(self._forget_undo_hint)
        self.act_find = a(
            "&Find quotes", self.focus_search, QKeySequence.StandardKey.Find, "search"
        )
        self.act_claim = a("Check a &claim", self.focus_claim, "Ctrl+K", "claim")
        self.act_clear = a("C&lear filters", self.clear_filters, "Ctrl+Shift+L", "clear")
        self.act_speakers = a("&Speakers…", self.edit_speakers, "Ctrl+Shift+S", "speakers")
        self.act_import_order = a("Sort by &import order", self.sort_by_import_order)
        self.act_thresholds = a("Claim check &thresholds…", self.edit_thresholds)
        self.act_history = a(
            "&History…",
            self.show_history,
            "Ctrl+H",
            None,
            "Every review action of every session: undo or redo any of them",
        )

        self.review_actions: dict[str, QAction] = {}
        for status, text, key, icon_name in REVIEW:
            action = a(
                text,
                lambda _c=False, s=status: self.review(s),
                key,
                icon_name,
                f"Mark the selected quote(s) {status} ({key}); moves to the next quote",
            )
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.review_actions[status] = action
        self.act_delete_article = a(
            "&Delete article…",
            self.delete_article,
            None,
            None,
            "Delete the current quote's article with all its quotes (undoable: Ctrl+Z, "
            "Edit > History…)",
        )
        self.act_about = a("&About QuoteCheck", self.about, None, "about")
        self.act_logs = a("Show &log folder", self.show_log_folder)

    def _build_widgets(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search quotes…  (Ctrl+F)")
        self.search.setAccessibleName("Search quotes")
        self.search.setToolTip(
            "Finds the words in the quote text, and the quotes of a speaker or source with "
            "these words in its name or an alias (Kishida, KCNA)"
        )
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(280)

        toolbar = QToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.act_import, self.act_paste, self.act_undo, self.act_redo):
            toolbar.addAction(action)
        toolbar.addAction(self.act_speakers)
        toolbar.addAction(self.act_export)
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding,
            spacer.sizePolicy().verticalPolicy().Preferred,
        )
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

        self.facet_view = FacetView(self.facets)
        self.facet_view.setMinimumWidth(170)
        self.table = QuoteTable(self.model)
        # right click on a quote: its review actions and the deletion of its article
        separator = QAction(self)
        separator.setSeparator(True)
        self.table.addActions([*self.review_actions.values(), separator, self.act_delete_article])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.detail = DetailPane(list(self.review_actions.values()))
        self.detail.setMinimumWidth(280)
        self.claims = ClaimPanel(self.ctx)

        self.hsplit = QSplitter(Qt.Orientation.Horizontal)
        self.hsplit.setObjectName("mainSplitter")
        self.hsplit.addWidget(self.facet_view)
        self.hsplit.addWidget(self.table)
        self.hsplit.addWidget(self.detail)
        self.hsplit.setStretchFactor(0, 0)
        self.hsplit.setStretchFactor(1, 3)
        self.hsplit.setStretchFactor(2, 2)
        self.hsplit.setSizes([200, 700, 420])
        self.vsplit = QSplitter(Qt.Orientation.Vertical)
        self.vsplit.setObjectName("claimSplit")
        self.vsplit.addWidget(self.hsplit)
        self.vsplit.addWidget(self.claims)
        self.vsplit.setStretchFactor(0, 3)
        self.vsplit.setStretchFactor(1, 1)
        self.vsplit.setSizes([560, 240])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.vsplit)
        self.setCentralWidget(central)

        status = self.statusBar()
        self.counts_label = QLabel()
        self.counts_label.setAccessibleName("Quote counts")
        status.addWidget(self.counts_label, 1)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Import progress")
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.setAccessibleName("Cancel the import")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.busy_label = QLabel()
        self.db_label = QLabel()
        self.db_label.setAccessibleName("Database file")
        status.addPermanentWidget(self.busy_label)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        status.addPermanentWidget(self.db_label)

        # Focus order: search, facets, table, detail pane, claim panel.
        order: list[QWidget] = [
            self.search,
            self.facet_view,
            self.table,
            self.detail.speaker_box,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(self.detail.article_view, self.claims.claim_edit)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        file.addAction(self.act_new)
        file.addAction(self.act_open)
        self.recent_menu = file.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file.addSeparator()
        file.addAction(self.act_import)
        file.addAction(self.act_paste)
        file.addAction(self.act_collection)
        file.addSeparator()
        file.addAction(self.act_export)
        file.addAction(self.act_backup)
        file.addSeparator()
        file.addAction(self.act_quit)
        edit = bar.addMenu("&Edit")
        edit.addAction(self.act_undo)
        edit.addAction(self.act_redo)
        edit.addAction(self.act_history)
        edit.addSeparator()
        edit.addAction(self.act_find)
        edit.addAction(self.act_claim)
        edit.addAction(self.act_clear)
        edit.addSeparator()
        edit.addAction(self.act_delete_article)
        edit.addSeparator()
        edit.addAction(self.act_speakers)
        edit.addAction(self.act_thresholds)
        review = bar.addMenu("&Review")
        for action in self.review_actions.values():
            review.addAction(action)
        view = bar.addMenu("&View")
        for widget, name in (
            (self.facet_view, "&Filters panel"),
            (self.detail, "&Detail pane"),
            (self.claims, "&Claim panel"),
        ):
            toggle = QAction(name, self)
            toggle.setCheckable(True)
            toggle.setChecked(True)
            toggle.toggled.connect(widget.setVisible)
            view.addAction(toggle)
        view.addSeparator()
        view.addAction(self.act_import_order)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.act_about)
        help_menu.addAction(self.act_logs)

    def _connect(self) -> None:
        ctx = self.ctx
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self.focus_table)
        self.facets.facetToggled.connect(self._facet_toggled)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.loaded.connect(self._model_loaded)
        self.model.modelAboutToBeReset.connect(self._model_about_to_reset)
        self.model.modelReset.connect(self._model_reset)
        self.model.busyChanged.connect(self._busy_changed)
        self.model.queryChanged.connect(lambda _q: self.refresh_facets())
        self.detail.speakerEdited.connect(self._edit_speaker)
        self.detail.sourceEdited.connect(self._edit_source)
        self.detail.noteEdited.connect(self._edit_note)
        self.claims.quoteRequested.connect(self.show_quote)
        ctx.quotesChanged.connect(self._quotes_changed)
        ctx.namesChanged.connect(self.refresh_names)
        ctx.speakersChanged.connect(self._speakers_changed)
        ctx.storeAboutToChange.connect(self.detail.commit_pending)
        ctx.storeChanged.connect(self._store_changed)
        ctx.dataImported.connect(self._data_imported)
        ctx.errorRaised.connect(lambda msg: show_error(self, msg))
        ctx.statusMessage.connect(lambda msg: self.statusBar().showMessage(msg, 10000))
        self._update_undo_actions()

    # -- state ----------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        s = self.ctx.settings
        geometry = s.state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        header = s.state("header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._splitters_restored:
            # Splitter sizes are only meaningful once the window has its real size.
            self._splitters_restored = True
            s = self.ctx.settings
            for name, splitter in (
                ("hsplit", self.hsplit),
                ("vsplit", self.vsplit),
                ("claimsplit", self.claims.splitter),
            ):
                state = s.state(name)
                if state is not None:
                    splitter.restoreState(state)

    def save_state(self) -> None:
        s = self.ctx.settings
        s.set_state("geometry", self.saveGeometry())
        s.set_state("hsplit", self.hsplit.saveState())
        s.set_state("vsplit", self.vsplit.saveState())
        s.set_state("claimsplit", self.claims.splitter.saveState())
        s.set_state("header", self.table.horizontalHeader().saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.detail.commit_pending()
        self.save_state()
        if self._import_job is not None:
            self._import_job.cancel()
        self.ctx.runner.cancel_all()
        self.ctx.runner.wait(15000)
        super().closeEvent(event)

    def _update_title(self) -> None:
        read_only = self.ctx.store.read_only
        suffix = " (read-only)" if read_only else ""
        self.setWindowTitle(f"QuoteCheck — {self.ctx.db_name}{suffix}")
        self.db_label.setText(self.ctx.db_path + suffix)  # the full path: which file it is
        self.db_label.setToolTip(self.ctx.store.notice or self.ctx.db_path)
        for action in (self.act_import, self.act_paste, self.act_collection):
            action.setEnabled(not read_only)
        self.detail.set_read_only(read_only)
        if self.ctx.store.notice:
            self.statusBar().showMessage(self.ctx.store.notice, 15000)

    # -- the table and its query ----------------------------------------------------------------

    def _search_changed(self, _text: str) -> None:
        self._search_timer.start()  # restarted by every keystroke: one query per pause

    def _apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_query(dataclasses.replace(self.model.query, text=self.search.text()))

    def _clear_search_box(self) -> None:
        self._search_timer.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)

    def _facet_toggled(self, group: str, value: Any) -> None:
        self.model.set_query(self.model.query.with_facet(group, value))

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if column < 0:
            return
        self.model.sort(column, order)

    def sort_by_import_order(self) -> None:
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        header.viewport().update()
        self.model.set_query(dataclasses.replace(self.model.query, sort="id", descending=False))

    def clear_filters(self) -> None:
        self._clear_search_box()
        query = self.model.query
        self.model.set_query(q.Query(sort=query.sort, descending=query.descending))

    def _model_about_to_reset(self) -> None:
        # Whatever replaces the rows (a search, a sort, an import, another database), an edit
        # being typed is saved first and the current quote is kept if it is still listed.
        self.detail.commit_pending()
        current = self.table.currentIndex()
        if current.isValid():
            self._keep_quote = self.model.quote_id(current.row())

    def _model_reset(self) -> None:
        self._update_counts()
        keep, self._keep_quote = self._keep_quote, None
        if self._pending_select is not None:
            return
        if keep is not None and self.select_quote(keep, center=False):
            return
        if keep is not None and not self.model.complete:
            # Maybe further down: decided when all rows are known; the detail pane keeps
            # showing it meanwhile (a reset clears the current row without a signal).
            self._pending_select = keep
            self._update_actions()
            return
        self._select_first_row()

    def _model_loaded(self) -> None:
        self._update_counts()
        if self._pending_select is not None:
            quote_id, self._pending_select = self._pending_select, None
            if self.model.quote_id(self.table.currentIndex().row()) != quote_id:
                if not self.select_quote(quote_id):
                    self._select_first_row()

    def _busy_changed(self, busy: bool) -> None:
        self.busy_label.setText("Loading…" if busy else "")
        self._update_counts()

    def _select_first_row(self) -> None:
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        elif not self.model.rowCount():
            self.detail.clear(
                "No quote matches the search and filters."
                if self.model.query.filtered
                else "No quotes yet: import articles (Ctrl+I), paste one (Ctrl+Shift+V) or "
                "drop files on this window."
            )
        self._update_actions()

    def select_quote(self, quote_id: int | None, *, center: bool = True) -> bool:
        row = self.model.row_of(quote_id) if quote_id is not None else None
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        hint = QAbstractItemView.ScrollHint
        self.table.scrollTo(index, hint.PositionAtCenter if center else hint.EnsureVisible)
        return True

    def show_quote(self, quote_id: int) -> None:
        """Select a quote in the table, clearing search and filters if they hide it."""
        if self.select_quote(quote_id):
            self.table.setFocus()
            return
        self._pending_select = quote_id
        self.clear_filters()
        if self.model.complete and self._pending_select is not None:
            self._pending_select = None
            self.select_quote(quote_id)
        self.table.setFocus()

    def _selected_spans(self) -> list[tuple[int, int]]:
        """The selected rows as merged (first, last) spans, from the selection's ranges: never
        one index per row (Ctrl+A on a million rows is one range)."""
        selection = self.table.selectionModel().selection()
        ranges = (selection.at(i) for i in range(selection.size()))
        spans = sorted((r.top(), r.bottom()) for r in ranges)
        merged: list[tuple[int, int]] = []
        for top, bottom in spans:
            if merged and top <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
            else:
                merged.append((top, bottom))
        return merged

    def selected_count(self) -> int:
        return sum(bottom - top + 1 for top, bottom in self._selected_spans())

    def selected_ids(self) -> list[int]:
        ids: list[int] = []
        for top, bottom in self._selected_spans():
            ids.extend(self.model._ids[top : bottom + 1])
        return ids

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_detail(current.row() if current.isValid() else -1)
        self._update_actions()

    def _show_detail(self, row: int, *, force: bool = False, quote_id: int | None = None) -> None:
        if quote_id is None:
            quote_id = self.model.quote_id(row)
        if quote_id is None:
            self.detail.clear()
            return
        try:
            record = self.ctx.store.quote(quote_id)
        except QuoteCheckError:
            self.detail.clear("This quote no longer exists.")
            return
        article_id = record.get("article_id")
        shown = self.detail.article
        if not article_id:
            article = None
        elif shown is not None and shown.get("id") == article_id:
            article = shown  # browsing one article's quotes: its text is already laid out
        else:
            article = self.ctx.store.article(article_id)
        self.detail.show_quote(record, article, force=force)

    def _selection_changed(self, *_args: Any) -> None:
        self._update_actions()
        selected = self.selected_count()
        self.detail.set_selection_note(
            f"{selected:,} quotes selected: Verify/Dispute/Reject/Reset apply to all of them."
            if selected > 1
            else ""
        )

    def _update_actions(self) -> None:
        has = bool(self.table.selectionModel().hasSelection())
        free = self._review_job is None and not self.ctx.replaying
        for action in self.review_actions.values():
            action.setEnabled(has and free and not self.ctx.store.read_only)
        self.act_delete_article.setEnabled(
            self.current_article_id() is not None and free and not self.ctx.store.read_only
        )

    def current_article_id(self) -> int | None:
        """The article of the current quote (None for a collection's quote, or no quote)."""
        record = self.detail.record
        if record is None or record.get("id") != self.model.quote_id(
            self.table.currentIndex().row()
        ):
            return None
        article_id = record.get("article_id")
        return int(article_id) if article_id else None

    def delete_article(self) -> None:
        """Delete the current quote's article, after a confirmation that says how many quotes
        go and how many of them were reviewed; one step of the undo stack."""
        article_id = self.current_article_id()
        if article_id is None:
            return
        try:
            preview = self.ctx.store.deletion_preview([article_id])[0]
        except QuoteCheckError as exc:
            show_error(self, str(exc))
            return
        question, details = deletion_question(preview)
        if not self.confirm(question, details, "Delete article"):
            return
        label = self.ctx.store.article_label(article_id)
        text = f"Delete {label}"
        if self.ctx.perform(text, lambda s: s.delete_articles([article_id])):
            self.statusBar().showMessage(f"Deleted {label} — Ctrl+Z undoes it", 10000)

    def confirm(self, question: str, details: str, action: str) -> bool:
        """Ask before a large change; True when the user chose `action` (Cancel is default)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(action)
        box.setText(question)
        box.setInformativeText(details)
        yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is yes

    def _forget_undo_hint(self, *_args: Any) -> None:
        """ "Verified quote 10 — Ctrl+Z undoes it" is stale once that step is undone."""
        if self.statusBar().currentMessage().endswith("undoes it"):
            self.statusBar().clearMessage()

    def _undo_state_changed(self, *_args: Any) -> None:
        if shiboken_valid(self.ctx.undo_stack):  # not while the stack itself is destroyed
            self._update_undo_actions()

    def _update_undo_actions(self) -> None:
        free = not self.ctx.replaying and self._review_job is None
        self.act_undo.setEnabled(self.ctx.can_undo() and free)
        self.act_redo.setEnabled(self.ctx.can_redo() and free)
        undo, redo = self.ctx.undo_text(), self.ctx.redo_text()
        self.act_undo.setText(f"&Undo {undo}" if undo else "&Undo")
        self.act_redo.setText(f"&Redo {redo}" if redo else "&Redo")
        self._update_actions()

    def _update_counts(self) -> None:
        shown = self.model.rowCount()
        shown_text = f"{shown:,}" + ("+" if not self.model.complete else "")
        parts = [f"{shown_text} of {self._total:,} quotes shown"]
        for status in ("verified", "disputed", "rejected", "unreviewed"):
            parts.append(f"{self._status_counts.get(status, 0):,} {status}")
        self.counts_label.setText(" · ".join(parts))

    # -- facets ---------------------------------------------------------------------------------

    def refresh_facets(self) -> None:
        self._facet_generation += 1
        generation = self._facet_generation
        query = self.model.query

        def work(store: Store, _job: Job | None) -> Any:
            gone = q.missing_facet_values(store, query)
            if gone:  # filtering on a speaker or source an undo removed: no counts for it
                return generation, query, None, gone
            facets = q.facets(store, query)
            total = q.count(store) if query.filtered else None
            return generation, query, facets, total

        if self.ctx.db_path == ":memory:":
            self._facets_ready(work(self.ctx.store, None))
            return
        job = Job(self.ctx.db_path, work, read_only=True, interruptible=True, name="facets")
        job.signals.finished.connect(self._facets_ready)
        self.ctx.runner.submit_latest("facets", job, interrupt=True)

    def _facets_ready(self, result: Any) -> None:
        generation, query, facets, total = result
        if generation != self._facet_generation:
            return
        if facets is None:
            self._drop_gone_filters(query, total)
            return
        self.facets.set_facets(facets, query)
        self.facet_view.expandAll()
        if total is None:
            total = sum(c for _v, _l, c in facets["status"])
        self._total = total
        self._status_counts = {v: c for v, _l, c in facets["status"]}
        self._update_counts()
        self.facetsRefreshed.emit()

    def _drop_gone_filters(self, query: q.Query, gone: list[str]) -> None:
        """A checked speaker or source no longer exists (an undo removed the one an edit had
        created; a merge): its filter is dropped and the table asked again, rather than left
        checked with a count of 0 over rows that no longer match it."""
        if query != self.model.query:
            return  # the table has moved on meanwhile; its own refresh checks again
        for group in gone:
            query = query.with_facet(group, None)
        names = " and ".join(gone)
        verb, what = ("exist", "filters") if len(gone) > 1 else ("exists", "filter")
        self.statusBar().showMessage(
            f"The filtered {names} no longer {verb}: {what} cleared", 10000
        )
        self.model.set_query(query)  # queryChanged: the facets are counted again

    def refresh_names(self) -> None:
        store = self.ctx.store
        self.detail.set_names(q.speaker_names(store), q.source_names(store))

    # -- review actions -------------------------------------------------------------------------

    def review(self, status: str) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        label = {"unreviewed": "Reset"}.get(status, status.capitalize())
        text = f"{label} {len(ids):,} quotes" if len(ids) > 1 else f"{label} quote {ids[0]}"
        if len(ids) > self.BULK_REVIEW and self.ctx.db_path != ":memory:":
            self._review_in_worker(ids, status, text)
            return
        history_id = self.ctx.perform(text, lambda s: s.set_status(ids, status))
        if history_id:
            self.statusBar().showMessage(f"{text} — Ctrl+Z undoes it", 5000)
        if history_id and len(ids) == 1:
            self.move_to_next()

    def _review_in_worker(self, ids: list[int], status: str, text: str) -> None:
        """Thousands of quotes: written by a worker (its own connection, the store's own busy
        wait), then put on the undo stack as one step."""
        if self._review_job is not None or self.ctx.replaying:
            return

        def work(store: Store, _job: Job) -> int:
            return store.set_status(ids, status)

        def finished(history_id: int) -> None:
            self._review_done()
            if history_id:
                self.ctx.record(history_id, text, len(ids), quote_ids=ids)
                self.statusBar().showMessage(f"{text} — Ctrl+Z undoes it", 5000)
            self.reviewFinished.emit(history_id)

        def failed(message: str, _details: str) -> None:
            self._review_done()
            show_error(self, f"Nothing was changed: {message}")
            self.reviewFinished.emit(0)

        job = Job(self.ctx.db_path, work, name="review")
        receiver = Receiver(self, finished, failed)
        job.signals.finished.connect(receiver.finished)
        job.signals.failed.connect(receiver.failed)
        self._review_job = job
        self.statusBar().showMessage(f"{text}…")
        self.busy_label.setText("Saving…")
        self._update_undo_actions()
        self.ctx.runner.start(job)

    def _review_done(self) -> None:
        self._review_job = None
        self.busy_label.setText("Loading…" if self.model.busy else "")
        self._update_undo_actions()

    def move_to_next(self) -> None:
        current = self.table.currentIndex()
        row = current.row() + 1 if current.isValid() else 0
        if row < self.model.rowCount():
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    def _edit_speaker(self, quote_id: int, name: str) -> None:
        done = self.ctx.perform(
            f"Speaker of quote {quote_id}: {name or '(none)'}",
            lambda s: s.edit_quote(quote_id, speaker=name),
        )
        self.refresh_names()
        self._edit_done(quote_id, done)

    def _edit_source(self, quote_id: int, name: str) -> None:
        done = self.ctx.perform(
            f"Source of quote {quote_id}: {name or '(none)'}",
            lambda s: s.edit_quote(quote_id, source=name),
        )
        self.refresh_names()
        self._edit_done(quote_id, done)

    def _edit_note(self, quote_id: int, note: str) -> None:
        done = self.ctx.perform(f"Note on quote {quote_id}", lambda s: s.set_note(quote_id, note))
        self._edit_done(quote_id, done)

    def _edit_done(self, quote_id: int, history_id: int) -> None:
        """A refused (or empty) edit: show what the store holds again, so nothing looks saved
        that was not, and the same edit can be made again."""
        if not history_id and self.detail.quote_id == quote_id:
            self._show_detail(-1, force=True, quote_id=quote_id)

    def _quotes_changed(self, ids: list[int]) -> None:
        self.model.refresh_quotes(ids)
        current = self.model.quote_id(self.table.currentIndex().row())
        if current is not None and current in ids:
            self._show_detail(self.table.currentIndex().row())
        self.refresh_facets()

    def _speakers_changed(self) -> None:
        self.model.refresh_all_rows()
        self._show_detail(self.table.currentIndex().row())
        self.refresh_facets()
        self.refresh_names()

    def _store_changed(self) -> None:
        self._clear_search_box()  # the new database starts unfiltered: box and table agree
        self._pending_select = None
        self._keep_quote = None
        self.detail.article = None
        self.detail.discard()  # pending edits were saved to the old database already
        self.table.selectionModel().clear()
        self.model.set_store(self.ctx.store)
        self.claims.reload_history()
        self.refresh_names()
        self._update_title()

    def _data_imported(self) -> None:
        self.model.refresh()
        self.refresh_facets()
        self.refresh_names()

    # -- import ---------------------------------------------------------------------------------

    def import_articles(self) -> None:
        patterns = " ".join(f"*{s}" for s in ARTICLE_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import articles", "", f"Articles ({patterns});;All files (*)"
        )
        if paths:
            self.start_import(paths)

    def import_quote_collection(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Import a quote collection",
            "",
            "Quote collections (*.jsonl *.ndjson *.csv *.tsv)",
        )
        if path:
            self.start_import([], collections=[path])

    def paste_article(self) -> None:
        dialog = PasteArticleDialog(self)
        if dialog.exec():
            text, meta = dialog.article()
            link = dialog.link()
            if link is not None:
                self.start_import([], links=[(link, meta)])
            else:
                self.start_import([], pasted=(text, meta))

    @property
    def importing(self) -> bool:
        return self._import_job is not None

    def start_import(
        self,
        paths: list[str],
        *,
        collections: list[str] | None = None,
        pasted: tuple[str, ArticleMeta] | None = None,
        links: list[tuple[str, ArticleMeta | None]] | None = None,
    ) -> Job | None:
        """Import in a worker with its own connection; `importFinished` carries the report.
        `links` are fetched there (quotecheck.fetch); Cancel stops a fetch at once."""
        if self._import_job is not None:
            show_error(self, "An import is already running; wait for it or cancel it.")
            return None
        collections = list(collections or [])
        links = list(links or [])

        def work(store: Store, job: Job) -> tuple[ImportReport, bool]:
            files = list(expand_paths(paths))
            total = len(files) + len(collections) + len(links) + (1 if pasted else 0)
            report = import_files(store, files, progress=lambda i, p: job.report(i, total, p.name))
            done = len(report.outcomes)
            for path in collections:
                if not job.report(done, total, Path(path).name):
                    break
                try:
                    n = import_collection(store, path)
                    report.outcomes.append(FileOutcome(path, "collection", quotes=n))
                except QuoteCheckError as exc:
                    report.outcomes.append(FileOutcome(path, "refused", reason=str(exc)))
                done += 1
            if pasted is not None and job.report(done, total, "pasted article"):
                text, meta = pasted
                report.outcomes.append(import_text(store, text, meta, name="pasted article"))
                done += 1
            for url, link_meta in links:
                if not job.report(done, total, url):
                    break
                outcome = import_url(store, url, link_meta, cancelled=lambda: job.cancelled)
                report.outcomes.append(outcome)
                done += 1
            job.report(done, total, "")
            return report, job.cancelled

        job = Job(self.ctx.db_path, work, name="import")
        job.signals.progress.connect(self._import_progress)
        job.signals.finished.connect(self._import_done)
        job.signals.failed.connect(self._import_failed)
        self._import_job = job
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.statusBar().showMessage("Importing…")
        for action in (self.act_import, self.act_paste, self.act_collection):
            action.setEnabled(False)
        self.ctx.runner.start(job)
        return job

    def cancel_import(self) -> None:
        if self._import_job is not None:
            self._import_job.cancel()
            self.cancel_button.setEnabled(False)
            self.statusBar().showMessage("Cancelling after the current file…")

    def _import_progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done}/{total}")
        if what:
            verb = "Fetching" if looks_like_url(what) else "Importing"
            self.statusBar().showMessage(f"{verb} {what}…")

    def _import_finished_ui(self) -> None:
        self._import_job = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.statusBar().clearMessage()
        for action in (self.act_import, self.act_paste, self.act_collection):
            action.setEnabled(True)

    def _import_done(self, result: tuple[ImportReport, bool]) -> None:
        report, cancelled = result
        self._import_finished_ui()
        self.ctx.dataImported.emit()
        collections = [o for o in report.outcomes if o.status == "collection"]
        summary = report_summary(report)
        if collections:
            n = sum(o.quotes for o in collections)
            summary += f"; {n:,} quote(s) from {len(collections)} collection(s)"
        self.statusBar().showMessage(summary, 15000)
        self.last_report = report
        self.importFinished.emit(report)
        if not getattr(self, "quiet_imports", False):
            box = show_import_report(self, report, cancelled)
            if collections:
                box.setText(summary + ".")
            box.open()

    def _import_failed(self, message: str, details: str) -> None:
        self._import_finished_ui()
        self.ctx.dataImported.emit()
        self.importFinished.emit(None)
        if not getattr(self, "quiet_imports", False):
            show_error(self, f"The import stopped: {message}")

    # drag and drop of files onto the window
    @staticmethod
    def _dropped(event: QDragEnterEvent | QDropEvent) -> list[str]:
        """Local files and web links (a link dragged from a browser) of a drag."""
        if not event.mimeData().hasUrls():
            return []
        return [
            u.toLocalFile() if u.isLocalFile() else u.toString()
            for u in event.mimeData().urls()
            if u.isLocalFile() or u.scheme().lower() in ("http", "https")
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped(event)
        if not paths:
            return
        event.acceptProposedAction()
        self.import_dropped(paths)

    def import_dropped(self, paths: list[str]) -> None:
        """Files (articles and collections) and http(s) links, which are fetched."""
        links: list[tuple[str, ArticleMeta | None]] = [
            (p, None) for p in paths if looks_like_url(p)
        ]
        paths = [p for p in paths if not looks_like_url(p)]
        collections = [p for p in paths if Path(p).suffix.lower() in COLLECTION_SUFFIXES]
        articles = [p for p in paths if p not in collections]
        self.start_import(articles, collections=collections, links=links)

    # -- files and databases ----------------------------------------------------------------------

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New database", "quotes.db", "QuoteCheck database (*.db)"
        )
        if path:
            if Path(path).exists():
                show_error(self, f"{path} already exists; use Open to work with it.")
                return
            self.open_path(path)

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open database",
            str(Path(self.ctx.db_path).parent),
            "QuoteCheck database (*.db);;All files (*)",
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        if self._import_job is not None:
            show_error(self, "Wait for the import to finish before opening another database.")
            return False
        try:
            self.ctx.open(path)
        except QuoteCheckError as exc:
            show_error(self, str(exc))
            return False
        return True

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self.ctx.settings.recent_dbs if p != self.ctx.db_path]
        if not recent:
            empty = self.recent_menu.addAction("(none)")
            empty.setEnabled(False)
            return
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self._open_recent(p))

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            self.ctx.settings.forget_recent(path)
            show_error(self, f"{path} no longer exists.")
            return
        self.open_path(path)

    def backup_database(self) -> None:
        source = Path(self.ctx.db_path)
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        suggested = str(source.with_name(f"{source.stem}-backup-{stamp}.db"))
        path, _ = QFileDialog.getSaveFileName(
            self, "Back up database", suggested, "QuoteCheck database (*.db)"
        )
        if path:
            self.start_backup(path)

    def start_backup(self, path: str) -> Job:
        """Copy the database in a worker (its own connection); `backupFinished` says where."""

        def work(store: Store, _job: Job | None) -> str:
            return str(store.backup(path))

        job = Job(self.ctx.db_path, work, read_only=True, name="backup")
        job.signals.finished.connect(self._backup_done)
        job.signals.failed.connect(lambda message, _details: show_error(self, message))
        self.statusBar().showMessage("Backing up…")
        self.ctx.runner.start(job)
        return job

    def _backup_done(self, target: str) -> None:
        self.statusBar().showMessage(f"Backed up to {target}", 10000)
        self.backupFinished.emit(target)

    # -- other commands -------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def focus_claim(self) -> None:
        self.claims.setVisible(True)
        self.claims.claim_edit.setFocus()

    def focus_table(self) -> None:
        if self._search_timer.isActive():
            self._apply_search()  # Enter right after typing: search now, not after the pause
        self.table.setFocus()
        if not self.table.currentIndex().isValid():
            self._select_first_row()

    def edit_speakers(self) -> None:
        if self._speakers_dialog is None:
            self._speakers_dialog = SpeakersDialog(self.ctx, self)
        self._speakers_dialog.reload()
        self._speakers_dialog.show()
        self._speakers_dialog.raise_()
        self._speakers_dialog.activateWindow()

    def show_history(self) -> None:
        """The database's review history (every session's): undo or redo any entry."""
        if self._history_dialog is None:
            self._history_dialog = HistoryDialog(self.ctx, self)
        self._history_dialog.show()
        self._history_dialog.raise_()
        self._history_dialog.activateWindow()

    def export_sheet(self) -> None:
        from quotecheck_ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.ctx, self.model.query, self.selected_ids(), self)
        dialog.saved.connect(lambda path: self.statusBar().showMessage(f"Saved {path}", 10000))
        self._export_dialog = dialog
        dialog.open()

    def edit_thresholds(self) -> None:
        from quotecheck.match import MatchSettings
        from quotecheck_ui.dialogs import MatchSettingsDialog

        MatchSettingsDialog(self.ctx.settings, MatchSettings(), self).exec()

    def about(self) -> None:
        show_about(self, self.ctx.db_path, str(log_dir()))

    def show_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def app_instance() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
