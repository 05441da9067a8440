"""Dialogs: paste an article, speakers (merge, rename, role), import summary, about."""

from __future__ import annotations

import platform
import re
import sqlite3
from typing import Any

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from quotecheck.fetch import looks_like_url
from quotecheck.importing import ImportReport, markdown_to_text
from quotecheck.model import ArticleMeta
from quotecheck_ui.context import AppContext
from quotecheck_ui.icons import app_icon, icon
from quotecheck_ui.models import SORT_ROLE, SpeakersModel

# One web link and nothing else (what a browser's address bar copies).
_WEB_LINK = re.compile(r"https?://[^\s/]+\S*", re.IGNORECASE)
# A link typed without its scheme: "www.example.org/story", "example.org/a?b=c" (a dot in the
# host, no spaces, no scheme); the dialog completes it with https://.
_BARE_LINK = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?", re.IGNORECASE)
# Markdown a paste may carry (copied from a notes app or a CMS): an ATX heading line, a link,
# or strong/emphasis with asterisks or double underscores. Plain news text has none of these.
_MARKDOWN_SIGNS = re.compile(
    r"^#{1,6}[ \t]+\S|\[[^\]\n]+\]\([^)\s]+\)|(\*\*|__|\*)(?=\S)[^\n*]+?(?<=\S)\1",
    re.MULTILINE,
)


def looks_like_markdown(text: str) -> bool:
    return _MARKDOWN_SIGNS.search(text) is not None


def clean_pasted(text: str) -> str:
    """Pasted text as the import of a .md file reads it: Markdown markup removed when the text
    looks like Markdown (the title, from the first line, then has no "# " either)."""
    return markdown_to_text(text) if looks_like_markdown(text) else text


URL_HINT = (
    "With a link and no text, Import fetches the page (or PDF, Word file) and reads "
    "its title, publisher and date; fields you fill in win."
)


def web_link(text: str) -> str | None:
    """`text` as a web link when it is exactly one http(s) URL (whitespace around allowed)."""
    text = text.strip()
    return text if _WEB_LINK.fullmatch(text) else None


def complete_link(text: str) -> str | None:
    """A link typed without a scheme, with https:// added; None when `text` is not one."""
    text = text.strip()
    return "https://" + text if _BARE_LINK.fullmatch(text) else None


class PasteArticleDialog(QDialog):
    """An article pasted as text, with its title, publisher, date and URL; or only a link
    (http/https, no text), which the import then fetches in its worker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste an article or a link")
        self.setAccessibleName("Paste an article or a link")
        self.title = QLineEdit()
        self.title.setAccessibleName("Title")
        self.title.setPlaceholderText("(the first line if empty)")
        self.publisher = QLineEdit()
        self.publisher.setAccessibleName("Publisher")
        self.has_date = QCheckBox("Published on")
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName("Publication date")
        self.date.setEnabled(False)
        self.has_date.toggled.connect(self.date.setEnabled)
        self.url = QLineEdit()
        self.url.setAccessibleName("URL")
        self.url.setPlaceholderText("https://…")
        self.url_hint = QLabel(URL_HINT)
        self.url_hint.setAccessibleName("URL hint")
        self.url_hint.setWordWrap(True)
        self.url_hint.setEnabled(False)  # shown greyed, as a hint
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Article text")
        self.text.setPlaceholderText(
            "Paste the article text here, or leave it empty and give the article's link below"
        )
        self.text.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&Publisher", self.publisher)
        row = QHBoxLayout()
        row.addWidget(self.has_date)
        row.addWidget(self.date)
        row.addStretch(1)
        form.addRow("Date", row)
        form.addRow("&URL", self.url)
        form.addRow("", self.url_hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Import")
        self.ok.setEnabled(False)
        self.text.textChanged.connect(self._update_ok)
        self.url.textChanged.connect(self._update_ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel("&Article text")
        label.setBuddy(self.text)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(640, 520)
        self.text.setFocus()

    def _update_ok(self) -> None:
        link = self.link()
        has_text = link is None and bool(self.text.toPlainText().strip())
        self.ok.setEnabled(has_text or link is not None)
        self.ok.setText("&Fetch and import" if link is not None else "&Import")
        self._update_hint(link)

    def _update_hint(self, link: str | None) -> None:
        """Say what Import will do with the link: fetch the completed one, fetch the one in
        the text box, or nothing (a URL field that holds no link)."""
        url = self.url.text().strip()
        warn = False
        if link is not None and web_link(self.text.toPlainText()) == link and not url:
            hint = f"The text is only a link: Import fetches {link}"
        elif link is not None and link != url:
            hint = f"Import fetches {link}"
        elif url and not looks_like_url(url) and complete_link(url) is None:
            hint = "Give the link with https://, e.g. https://www.example.org/story"
            warn = not self.text.toPlainText().strip()
        else:
            hint = URL_HINT
        self.url_hint.setText(hint)
        self.url_hint.setEnabled(warn)  # greyed as a hint; in full colour when it is a warning

    def _url_link(self) -> str | None:
        """The URL field as a link: as typed when it has a scheme (any: the import refuses all
        but http and https by name), else completed with https:// when it looks like one."""
        url = self.url.text().strip()
        if not url:
            return None
        return url if looks_like_url(url) else complete_link(url)

    def link(self) -> str | None:
        """The link to fetch: the URL when no text was pasted, or the text itself when it is
        nothing but one http(s) link (pasted in the big box by mistake)."""
        text = self.text.toPlainText()
        if not text.strip():
            return self._url_link()
        pasted = web_link(text)
        if pasted is None:
            return None  # real text: the URL is only its metadata
        return self._url_link() or pasted

    def article(self) -> tuple[str, ArticleMeta]:
        url = self.url.text().strip()
        meta = ArticleMeta(
            title=self.title.text().strip() or None,
            publisher=self.publisher.text().strip() or None,
            url=(self._url_link() or url) if url else self.link(),
            published=self.date.date().toString("yyyy-MM-dd")
            if self.has_date.isChecked()
            else None,
            origin="paste",
        )
        return clean_pasted(self.text.toPlainText()), meta


def report_summary(report: ImportReport) -> str:
    """The report's summary line, with refused links counted as links, not files."""
    links = sum(looks_like_url(o.path) for o in report.refused)
    files = len(report.refused) - links
    refused = " and ".join(
        part for n, part in ((files, f"{files} file(s)"), (links, f"{links} link(s)")) if n
    )
    text = (
        f"{report.added} article(s) added, {report.duplicates} duplicate(s) skipped, "
        f"{report.quotes} quote(s) found, {refused or 'none'} refused"
    )
    cancelled = sum(o.status == "cancelled" for o in report.outcomes)
    if cancelled:
        text += f", {cancelled} fetch(es) cancelled"
    if report.skipped:
        text += f", {len(report.skipped)} non-article file(s) in folders skipped"
    return text


def report_text(report: ImportReport) -> tuple[str, str]:
    """(summary, details) for an import report."""
    details = []
    for outcome in report.outcomes:
        line = f"{outcome.status}: {outcome.path}"
        if outcome.status == "added":
            line += f" ({outcome.quotes} quote(s))"
        if outcome.status == "duplicate" and outcome.article_id is not None:
            line += f" (already stored as article {outcome.article_id})"
        if outcome.reason:
            line += f"\n    {outcome.reason}"
        for note in outcome.notes:
            line += f"\n    note: {note}"
        details.append(line)
    return report_summary(report), "\n".join(details)


def show_import_report(
    parent: QWidget | None, report: ImportReport, cancelled: bool
) -> QMessageBox:
    summary, details = report_text(report)
    box = QMessageBox(parent)
    box.setWindowTitle("Import finished" if not cancelled else "Import cancelled")
    box.setIcon(QMessageBox.Icon.Warning if report.refused else QMessageBox.Icon.Information)
    text = summary + "."
    if cancelled:
        text = "Cancelled. " + text
    box.setText(text)
    if report.refused:
        reasons = "\n".join(f"• {o.reason or o.path}" for o in report.refused[:5])
        more = f"\n… and {len(report.refused) - 5} more" if len(report.refused) > 5 else ""
        box.setInformativeText(f"Refused:\n{reasons}{more}")
    if details:
        box.setDetailedText(details)
    box.setAccessibleName("Import summary")
    return box


def deletion_question(preview: dict[str, Any]) -> tuple[str, str]:
    """(question, details) confirming an article's deletion, from `Store.deletion_preview`:
    how many quotes go with it and how many of them a person reviewed."""
    title = f" “{preview['title']}”" if preview.get("title") else ""
    quotes, reviewed = int(preview["quotes"]), int(preview["reviewed"])
    if quotes == 0:
        question = f"Delete article {preview['id']}{title}? It has no quotes."
        details = ""
    else:
        noun = "quote" if quotes == 1 else "quotes"
        question = f"Delete article {preview['id']}{title} and its {quotes:,} {noun}?"
        if reviewed == 0:
            details = "None of them has been reviewed. "
        else:
            if quotes == 1:
                details = "It was reviewed. "
            else:
                verb = "was" if reviewed == 1 else "were"
                details = f"{reviewed:,} of them {verb} reviewed. "
    details += (
        "The deletion is recorded in the history: Edit > Undo (Ctrl+Z) or Edit > History… "
        "brings the article back with its quotes as they were, reviews and notes included."
    )
    return question, details


class SpeakersDialog(QDialog):
    """Every speaker: rename or set a role in place, merge two (aliases follow). Each change is
    on the undo stack like any review action."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Speakers")
        self.setAccessibleName("Speakers")
        self.model = SpeakersModel(self)
        self.model.editRequested.connect(self._edit)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(SORT_ROLE)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter speakers")
        self.filter.setAccessibleName("Filter speakers")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Speakers")
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # the aliases take what the others leave
        self._columns_sized = False
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.rename_button = QPushButton("&Rename…")
        self.role_button = QPushButton("Set r&ole…")
        self.merge_button = QPushButton(icon("speakers"), "&Merge selected…")
        self.undo_button = QPushButton(icon("undo"), "&Undo")
        self.undo_button.setEnabled(ctx.can_undo())
        for signal in (ctx.undo_stack.indexChanged, ctx.stepsChanged, ctx.replayingChanged):
            signal.connect(self._update_undo_button)
        self.undo_button.clicked.connect(ctx.undo)
        self.rename_button.clicked.connect(self.rename)
        self.role_button.clicked.connect(self.set_role)
        self.merge_button.clicked.connect(self.merge)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.hint = QLabel(
            "Select two speakers and Merge to make them one person (aliases and quotes move "
            "over). F2 or double-click edits a name or a role."
        )
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.rename_button, self.role_button, self.merge_button, self.undo_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.resize(900, 540)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        ctx.speakersChanged.connect(self.reload)
        ctx.storeChanged.connect(self.reload)
        self.reload()

    def _update_undo_button(self, *_args: Any) -> None:
        self.undo_button.setEnabled(self.ctx.can_undo() and not self.ctx.replaying)

    # The name and the role each get the width of their text (Qt measures at most 1,000 rows),
    # up to this share of the table, so a very long role cannot crowd out the aliases.
    NAME_COLUMN_SHARE = 0.32

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.size_columns()

    def size_columns(self, *, force: bool = False) -> None:
        """Fit the name, role and count columns to their text once, when the table has its
        width and rows; the user's own widths are kept after that (unless `force`)."""
        if (self._columns_sized and not force) or not self.isVisible():
            return
        if self.model.rowCount() == 0:
            return
        self._columns_sized = True
        widest = max(int(self.view.viewport().width() * self.NAME_COLUMN_SHARE), 160)
        for column in (0, 1):
            self.view.resizeColumnToContents(column)
            self.view.setColumnWidth(column, min(self.view.columnWidth(column) + 12, widest))
        self.view.resizeColumnToContents(2)

    def reload(self) -> None:
        selected = {s["id"] for s in self.selected()}
        self.model.set_rows(self.ctx.store.speakers())
        self.size_columns()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            rec = self.proxy.data(index, Qt.ItemDataRole.UserRole + 3)
            if rec and rec["id"] in selected:
                self.view.selectionModel().select(
                    index,
                    self.view.selectionModel().SelectionFlag.Select
                    | self.view.selectionModel().SelectionFlag.Rows,
                )
        self._update_buttons()

    def selected(self) -> list[dict[str, Any]]:
        if not hasattr(self, "view") or self.view.selectionModel() is None:
            return []
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        out = []
        for row in rows:
            source = self.proxy.mapToSource(self.proxy.index(row, 0))
            rec = self.model.row_record(source.row())
            if rec is not None:
                out.append(rec)
        return out

    def _update_buttons(self) -> None:
        n = len(self.selected())
        self.rename_button.setEnabled(n == 1)
        self.role_button.setEnabled(n == 1)
        self.merge_button.setEnabled(n == 2)

    def _edit(self, speaker_id: int, key: str, value: str) -> None:
        if key == "name":
            self.ctx.perform(
                f"Rename speaker to {value}",
                lambda s: s.update_speaker(speaker_id, name=value),
            )
        else:
            self.ctx.perform("Set speaker role", lambda s: s.update_speaker(speaker_id, role=value))
        self.reload()

    def rename(self) -> None:
        sel = self.selected()
        if len(sel) != 1:
            return
        name, ok = QInputDialog.getText(self, "Rename speaker", "Name:", text=sel[0]["name"])
        if ok and name.strip() and name.strip() != sel[0]["name"]:
            self._edit(int(sel[0]["id"]), "name", name.strip())

    def set_role(self) -> None:
        sel = self.selected()
        if len(sel) != 1:
            return
        role, ok = QInputDialog.getText(
            self, "Speaker role", f"Role of {sel[0]['name']}:", text=sel[0].get("role") or ""
        )
        if ok:
            self._edit(int(sel[0]["id"]), "role", role.strip())

    def merge(self, keep_id: int | None = None) -> None:
        sel = self.selected()
        if len(sel) != 2:
            return
        a, b = sel
        if keep_id is None:
            box = QMessageBox(self)
            box.setWindowTitle("Merge speakers")
            box.setText(
                f"Make “{a['name']}” and “{b['name']}” one speaker? Quotes and aliases of the "
                "other move to the one you keep."
            )
            keep_a = box.addButton(f"Keep “{a['name']}”", QMessageBox.ButtonRole.AcceptRole)
            keep_b = box.addButton(f"Keep “{b['name']}”", QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is keep_a:
                keep_id = int(a["id"])
            elif box.clickedButton() is keep_b:
                keep_id = int(b["id"])
            else:
                return
        keep, other = (a, b) if keep_id == a["id"] else (b, a)
        self.ctx.perform(
            f"Merge {other['name']} into {keep['name']}",
            lambda s: s.merge_speakers(int(keep["id"]), int(other["id"])),
        )
        self.reload()


def versions() -> list[tuple[str, str]]:
    import PySide6
    import rapidfuzz
    import sqlite_utils
    from PySide6.QtCore import qVersion

    from quotecheck import __version__

    def version_of(module: Any) -> str:
        return str(getattr(module, "__version__", "") or "")

    try:
        from importlib.metadata import version

        su = version("sqlite-utils")
    except Exception:
        su = version_of(sqlite_utils)
    return [
        ("QuoteCheck", __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", version_of(PySide6)),
        ("SQLite", sqlite3.sqlite_version),
        ("sqlite-utils", su),
        ("RapidFuzz", version_of(rapidfuzz)),
        ("Platform", platform.platform()),
    ]


def about_text(db_path: str, log_folder: str) -> str:
    rows = "".join(f"<tr><td>{k}</td><td><b>{v}</b></td></tr>" for k, v in versions())
    return (
        "<h3>QuoteCheck</h3>"
        "<p>Find, attribute, review and check quotes in news articles — offline, on your "
        "desktop.</p>"
        f"<table cellspacing=4>{rows}</table>"
        f"<p>Database: {db_path}<br>Logs: {log_folder}</p>"
    )


def show_about(parent: QWidget | None, db_path: str, log_folder: str) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle("About QuoteCheck")
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text(db_path, log_folder))
    box.exec()


# Verdict thresholds a user may tune (MatchSettings fields; missing ones are skipped).
THRESHOLDS = (
    ("not_found_below", "Nothing close enough below score"),
    ("altered_min", "“Altered” needs word similarity ≥"),
    ("contradicted_min", "“Contradicted” needs similarity ≥"),
    ("misattributed_min", "“Misattributed” needs similarity ≥"),
    ("max_matches", "Matches shown"),
)


class MatchSettingsDialog(QDialog):
    """The claim check's thresholds, kept in QSettings (only the ones changed from the
    matcher's defaults)."""

    def __init__(self, settings: Any, defaults: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

        self.setWindowTitle("Claim check thresholds")
        self.settings = settings
        self.defaults = defaults
        current = settings.match_thresholds()
        form = QFormLayout()
        self.boxes: dict[str, QSpinBox | QDoubleSpinBox] = {}
        for key, label in THRESHOLDS:
            if not hasattr(defaults, key):
                continue
            default = getattr(defaults, key)
            box: QSpinBox | QDoubleSpinBox
            if isinstance(default, int):
                box = QSpinBox()
                box.setRange(1, 50)
                box.setValue(int(current.get(key, default)))
            else:
                box = QDoubleSpinBox()
                box.setRange(0.0, 100.0)
                box.setDecimals(1)
                box.setValue(float(current.get(key, default)))
            box.setAccessibleName(label)
            box.setToolTip(f"default {default}")
            form.addRow(label, box)
            self.boxes[key] = box
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Scores are 0–100. The matcher's defaults are measured."))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def restore_defaults(self) -> None:
        for key, box in self.boxes.items():
            box.setValue(getattr(self.defaults, key))

    def accept(self) -> None:
        self.settings.reset_match_thresholds()
        for key, box in self.boxes.items():
            if box.value() != getattr(self.defaults, key):
                self.settings.set_match_threshold(key, box.value())
        super().accept()
