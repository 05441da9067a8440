"""File > Export sheet: choose the quotes, grouping, format and title; see a live preview of
the sheet; save it. The sheet is built (and rendered) in a worker with its own connection;
only the PDF is printed in the GUI thread, where Qt's text layout belongs."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from quotecheck.export import build_sheet, render_html, write_sheet
from quotecheck.store import Store
from quotecheck_ui import query as q
from quotecheck_ui.context import AppContext
from quotecheck_ui.workers import Job

log = logging.getLogger(__name__)

FORMATS = (
    ("pdf", "PDF document", "pdf"),
    ("html", "HTML page", "html"),
    ("md", "Markdown", "md"),
    ("csv", "CSV (spreadsheets)", "csv"),
    ("json", "JSON", "json"),
)
GROUPS = (("speaker", "Speaker"), ("source", "Source"), ("article", "Article"), ("none", "None"))
PREVIEW_QUOTES = 200  # the preview shows the first quotes; the saved sheet has them all


def describe_query(query: q.Query) -> str:
    """The table's search and filters in words, for the sheet's footer."""
    parts = []
    if query.text.strip():
        parts.append(f"search \u201c{query.text.strip()}\u201d")
    for group in ("speaker", "source", "status", "kind"):
        if query.facet_value(group) is not None:
            parts.append(f"a {group} filter")
    shown = "quotes shown in the table"
    return f"{shown} ({', '.join(parts)})" if parts else shown


def sheet_options(store: Store, options: dict[str, Any], limit: int | None = None) -> Any:
    """Build the sheet for `options`; "shown" is the table's own id list (its search with the
    word being typed as a prefix, its filters and its sort), never a re-made filter."""
    query: q.Query | None = options.get("query")
    kwargs = {k: v for k, v in options.items() if k != "query"}
    if query is not None:
        kwargs["ids"] = q.quote_ids(store, query)
    ids = kwargs.get("ids")
    total = len(ids) if ids is not None else None
    if ids is not None and limit is not None:
        kwargs["ids"] = ids[:limit]
    sheet = build_sheet(store, **kwargs)
    if query is not None:
        sheet = dataclasses.replace(sheet, selection=describe_query(query))
    return sheet, (total if total is not None else len(sheet.quotes))


class ExportDialog(QDialog):
    saved = Signal(str)  # the path written
    previewReady = Signal()

    def __init__(
        self,
        ctx: AppContext,
        query: q.Query,
        selected_ids: list[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = query
        self.selected_ids = list(selected_ids)
        self.setWindowTitle("Export a quote sheet")
        self.setAccessibleName("Export a quote sheet")
        self._generation = 0
        self._save_job: Job | None = None
        self._save_target = ("", "a4")
        self.count = 0

        self.verified = QRadioButton("&Verified quotes")
        self.shown = QRadioButton("Quotes &shown in the table (current search and filters)")
        self.selected = QRadioButton(f"Selected &rows ({len(self.selected_ids)})")
        self.selected.setEnabled(bool(self.selected_ids))
        self.verified.setChecked(True)
        self.choice = QButtonGroup(self)
        for i, button in enumerate((self.verified, self.shown, self.selected)):
            self.choice.addButton(button, i)
        self.title = QLineEdit("Verified quotes")
        self.title.setAccessibleName("Sheet title")
        self.group = QComboBox()
        self.group.setAccessibleName("Group by")
        for key, label in GROUPS:
            self.group.addItem(label, key)
        self.format = QComboBox()
        self.format.setAccessibleName("Format")
        for key, label, _suffix in FORMATS:
            self.format.addItem(label, key)
        self.page = QComboBox()
        self.page.setAccessibleName("Page size")
        self.page.addItem("A4", "a4")
        self.page.addItem("Letter", "letter")
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Preview of the sheet")
        self.preview.setOpenExternalLinks(False)
        self.summary = QLabel()
        self.summary.setAccessibleName("What will be exported")
        self.summary.setWordWrap(True)

        form = QFormLayout()
        choices = QVBoxLayout()
        for button in (self.verified, self.shown, self.selected):
            choices.addWidget(button)
        form.addRow("Quotes", choices)
        form.addRow("&Title", self.title)
        form.addRow("&Group by", self.group)
        row = QHBoxLayout()
        row.addWidget(self.format, 1)
        row.addWidget(QLabel("Page"))
        row.addWidget(self.page)
        format_label = QLabel("&Format")
        format_label.setBuddy(self.format)
        form.addRow(format_label, row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Save…")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.summary)
        left.addStretch(1)
        left.addWidget(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        preview_box = QVBoxLayout()
        preview_label = QLabel("Preview")
        preview_label.setBuddy(self.preview)
        preview_box.addWidget(preview_label)
        preview_box.addWidget(self.preview, 1)
        layout.addLayout(preview_box, 3)
        self.resize(1100, 700)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_preview)
        self.choice.idClicked.connect(lambda _i: self._changed())
        self.group.currentIndexChanged.connect(lambda _i: self._changed())
        self.title.textChanged.connect(lambda _t: self._changed())
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()
        self.refresh_preview()

    # -- options -------------------------------------------------------------------------------

    def options(self) -> dict[str, Any]:
        which = self.choice.checkedId()
        query: q.Query | None = None
        ids: list[int] | None = None
        if which == 1:
            query = self.query
        elif which == 2:
            ids = self.selected_ids
        return {
            "query": query,
            "ids": ids,
            "title": self.title.text().strip() or None,
            "group_by": self.group.currentData(),
        }

    def _format_changed(self, *_args: Any) -> None:
        self.page.setEnabled(self.format.currentData() == "pdf")

    def _changed(self) -> None:
        self._timer.start()

    # -- preview -------------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        self._generation += 1
        generation = self._generation
        options = self.options()

        def work(store: Store, _job: Job | None) -> tuple[int, int, str, str]:
            sheet, total = sheet_options(store, options, limit=PREVIEW_QUOTES)
            shown = dataclasses.replace(sheet, quotes=sheet.quotes[:PREVIEW_QUOTES])
            return generation, total, sheet.selection, render_html(shown)

        self.summary.setText("Preparing the preview…")
        if self.ctx.db_path == ":memory:":
            self._preview_done(work(self.ctx.store, None))
            return
        job = Job(self.ctx.db_path, work, read_only=True, name="export preview")
        job.signals.finished.connect(self._preview_done)
        job.signals.failed.connect(self._preview_failed)
        self.ctx.runner.submit_latest("export-preview", job)

    def _preview_done(self, result: tuple[int, int, str, str]) -> None:
        generation, total, selection, html = result
        if generation != self._generation:
            return
        self.count = total
        self.preview.setHtml(html)
        more = f" (the preview shows the first {PREVIEW_QUOTES})" if total > PREVIEW_QUOTES else ""
        self.summary.setText(f"{total:,} quote(s): {selection}{more}.")
        self.save_button.setEnabled(total > 0)
        if not total:
            self.summary.setText(f"Nothing to export: no {selection}.")
        self.previewReady.emit()

    def _preview_failed(self, message: str, _details: str) -> None:
        self.summary.setText(f"Cannot build the sheet: {message}")
        self.save_button.setEnabled(False)

    # -- saving --------------------------------------------------------------------------------

    def suggested_path(self) -> str:
        suffix = dict((k, s) for k, _l, s in FORMATS)[self.format.currentData()]
        name = (self.title.text().strip() or "quotes").lower()
        name = "".join(c if c.isalnum() else "-" for c in name).strip("-") or "quotes"
        return str(Path.home() / f"{name}.{suffix}")

    def save(self, path: str | None = None) -> None:
        fmt = self.format.currentData()
        if not path:
            label = dict((k, lab) for k, lab, _s in FORMATS)[fmt]
            suffix = dict((k, s) for k, _l, s in FORMATS)[fmt]
            path, _ = QFileDialog.getSaveFileName(
                self, "Save the sheet", self.suggested_path(), f"{label} (*.{suffix})"
            )
            if not path:
                return
        options = self.options()
        page = self.page.currentData()

        def work(store: Store, _job: Job | None) -> tuple[str, str, str]:
            sheet, _total = sheet_options(store, options)
            if not sheet.quotes:
                from quotecheck import QuoteCheckError

                raise QuoteCheckError(f"nothing to export: no {sheet.selection}")
            if fmt == "pdf":  # printed in the GUI thread
                return "pdf", render_html(sheet, for_print=True), sheet.title
            write_sheet(sheet, fmt, path)
            return fmt, "", sheet.title

        self.save_button.setEnabled(False)
        self.summary.setText("Saving…")
        job = Job(self.ctx.db_path, work, read_only=True, name="export")
        self._save_target = (path, page)
        job.signals.finished.connect(self._save_done)
        job.signals.failed.connect(self._save_failed)
        self._save_job = job
        if self.ctx.db_path == ":memory:":
            job.run()
        else:
            self.ctx.runner.start(job)

    def _save_done(self, result: tuple[str, str, str]) -> None:
        fmt, html, title = result
        path, page = self._save_target
        self._save_job = None
        self.save_button.setEnabled(True)
        if fmt == "pdf":
            from quotecheck_ui.pdf import html_to_pdf

            try:
                html_to_pdf(html, path, page_size=page, title=title)
            except Exception as exc:  # disk full, permissions: say so, keep the dialog open
                log.exception("PDF export failed")
                self._save_failed(f"cannot write {path}: {exc}", "")
                return
        self.summary.setText(f"Saved {self.count:,} quote(s) to {path}.")
        self.saved.emit(path)

    def _save_failed(self, message: str, _details: str) -> None:
        self._save_job = None
        self.save_button.setEnabled(True)
        self.summary.setText(f"Not saved: {message}")
