"""The detail pane: one quote in full, its speaker and source (editable, with completion),
the review buttons, a note, and the article with the quote, the speaker mention and the cue
highlighted in three colours."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

# Highlight colours: a pale background with dark text, set together, reads the same on a light
# and a dark palette; the speaker and cue are also underlined/bold so colour is not the only cue.
QUOTE_BG, QUOTE_FG = QColor("#ffe58a"), QColor("#1b1b1b")
SPEAKER_BG, SPEAKER_FG = QColor("#b9dcff"), QColor("#0b2a4a")
CUE_BG, CUE_FG = QColor("#bfeccb"), QColor("#0d3b1c")
# Status words are coloured text on the window: one set for light palettes, a lighter one for
# dark palettes (each >= 4.5:1 against the window colour of the Fusion/Breeze/Adwaita themes).
STATUS_COLOURS = {
    "verified": "#1b7a43",
    "disputed": "#8f5600",
    "rejected": "#b12d20",
    "unreviewed": "#57616d",
}
STATUS_COLOURS_DARK = {
    "verified": "#5fd98e",
    "disputed": "#f2b44e",
    "rejected": "#ff8a7a",
    "unreviewed": "#b4bec9",
}


def status_colour(status: str, palette: QPalette) -> str:
    """The colour for a status word on `palette`'s window (light or dark)."""
    dark = palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5
    colours = STATUS_COLOURS_DARK if dark else STATUS_COLOURS
    return colours.get(status, colours["unreviewed"])


def chip(text: str, bg: QColor, fg: QColor) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(
        f"background:{bg.name()}; color:{fg.name()}; border-radius:3px; padding:1px 6px;"
    )
    return label


class NameBox(QComboBox):
    """An editable combo box with case-insensitive completion; `committed` on Enter/focus out
    when the text differs from what was loaded."""

    committed = Signal(str)

    def __init__(self, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.setAccessibleName(accessible)
        self._names = QStringListModel(self)
        self.setModel(self._names)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self._loaded = ""
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText("(none)")
        line.editingFinished.connect(self._finish)
        self.activated.connect(lambda _i: self._finish())

    def set_names(self, names: list[str]) -> None:
        current = self.currentText()
        self._names.setStringList(names)
        self.setEditText(current)

    def load(self, text: str, *, keep_typing: bool = False) -> None:
        """Show the stored `text`; `keep_typing` leaves an edit in progress on screen (it is
        still committed by Enter or focus out, since it differs from what is stored)."""
        self._loaded = text
        line = self.lineEdit()
        typing = self.hasFocus() or (line is not None and line.hasFocus())
        if not (keep_typing and typing):
            self.setEditText(text)

    @property
    def pending(self) -> bool:
        return self.isEnabled() and self.currentText().strip() != self._loaded

    def _finish(self) -> None:
        text = self.currentText().strip()
        if text != self._loaded and self.isEnabled():
            self._loaded = text
            self.committed.emit(text)


class DetailPane(QWidget):
    speakerEdited = Signal(int, str)  # quote id, new speaker name ("" clears)
    sourceEdited = Signal(int, str)
    noteEdited = Signal(int, str)
    articleRequested = Signal(int)

    def __init__(self, review_actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setAccessibleName("Quote details")
        self.quote_id: int | None = None
        self.read_only = False
        self.record: dict[str, Any] | None = None
        self.article: dict[str, Any] | None = None  # the article on show (kept while browsing it)

        self.stack = QStackedWidget(self)
        self.placeholder = QLabel("Select a quote to see it in its article.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack.addWidget(self.placeholder)

        body = QWidget()
        self.stack.addWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        self.quote_label = QLabel()
        self.quote_label.setObjectName("quoteText")
        self.quote_label.setWordWrap(True)
        self.quote_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote_label.setAccessibleName("Quote text")
        font = self.quote_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.quote_label.setFont(font)
        self.quote_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout.addWidget(self.quote_label)

        self.selection_label = QLabel()
        self.selection_label.setWordWrap(True)
        self.selection_label.setVisible(False)
        self.selection_label.setStyleSheet(
            "background:#2f6fd1; color:white; border-radius:3px; padding:2px 6px;"
        )
        layout.addWidget(self.selection_label)

        self.meta_label = QLabel()
        self.meta_label.setWordWrap(True)
        self.meta_label.setAccessibleName("Quote status and kind")
        self.meta_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.meta_label)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.speaker_box = NameBox("Speaker")
        self.speaker_box.setToolTip("Who said it; Enter saves (completion from known speakers)")
        self.source_box = NameBox("Source")
        self.source_box.setToolTip("Where it was said (KCNA, UNGA, the Diet...); Enter saves")
        self.note_edit = QLineEdit()
        self.note_edit.setAccessibleName("Reviewer note")
        self.note_edit.setPlaceholderText("A note on this quote (Enter saves)")
        self.note_edit.setClearButtonEnabled(True)
        speaker_label = QLabel("&Speaker")
        speaker_label.setBuddy(self.speaker_box)
        source_label = QLabel("S&ource")
        source_label.setBuddy(self.source_box)
        note_label = QLabel("&Note")
        note_label.setBuddy(self.note_edit)
        self.role_label = QLabel()
        self.role_label.setAccessibleName("Speaker role")
        self.role_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow(speaker_label, self.speaker_box)
        form.addRow("", self.role_label)
        form.addRow(source_label, self.source_box)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.review_buttons: list[QToolButton] = []
        for action in review_actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAccessibleName(action.text().replace("&", ""))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button)
            self.review_buttons.append(button)
        layout.addLayout(buttons)
        form2 = QFormLayout()
        form2.addRow(note_label, self.note_edit)
        layout.addLayout(form2)

        legend = QHBoxLayout()
        heading = QLabel("In the article")
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        legend.addWidget(heading)
        legend.addStretch(1)
        legend.addWidget(chip("quote", QUOTE_BG, QUOTE_FG))
        legend.addWidget(chip("speaker", SPEAKER_BG, SPEAKER_FG))
        legend.addWidget(chip("cue", CUE_BG, CUE_FG))
        layout.addLayout(legend)
        self.article_title = QLabel()
        self.article_title.setWordWrap(True)
        self.article_title.setTextFormat(Qt.TextFormat.RichText)
        self.article_title.setOpenExternalLinks(True)
        self.article_title.setAccessibleName("Article title")
        layout.addWidget(self.article_title)
        self.article_view = QTextEdit()
        self.article_view.setReadOnly(True)
        self.article_view.setAccessibleName("Article text")
        self.article_view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout.addWidget(self.article_view, 1)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.speaker_box.committed.connect(self._speaker_committed)
        self.source_box.committed.connect(self._source_committed)
        self.note_edit.editingFinished.connect(self._note_committed)
        self._note_loaded = ""

        # Focus order inside the pane: speaker, source, review buttons, note, article.
        chain: list[QWidget] = [self.speaker_box, self.source_box, *self.review_buttons]
        chain += [self.note_edit, self.article_view]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- showing a quote -----------------------------------------------------------------------

    def set_selection_note(self, text: str) -> None:
        self.selection_label.setText(text)
        self.selection_label.setVisible(bool(text))

    def set_names(self, speakers: list[str], sources: list[str]) -> None:
        self.speaker_box.set_names(speakers)
        self.source_box.set_names(sources)

    def set_read_only(self, read_only: bool) -> None:
        """A database that cannot be written: the editors show, but do not take, changes."""
        self.read_only = read_only
        tip = "The database is open read-only" if read_only else ""
        for box in (self.speaker_box, self.source_box):
            box.setEnabled(not read_only)
        self.note_edit.setReadOnly(read_only)
        self.note_edit.setClearButtonEnabled(not read_only)
        self.note_edit.setPlaceholderText("" if read_only else "A note on this quote (Enter saves)")
        for widget in (self.speaker_box, self.source_box, self.note_edit):
            widget.setToolTip(tip or widget.toolTip())

    def commit_pending(self) -> None:
        """Save a speaker, source or note typed but not yet committed (no Enter, no focus out)
        for the quote on show, before it is replaced, cleared or the database changes."""
        if self.quote_id is None or self.read_only:
            return
        self.speaker_box._finish()
        self.source_box._finish()
        self._note_committed()

    def clear(self, message: str = "Select a quote to see it in its article.") -> None:
        self.commit_pending()
        self.quote_id = None
        self.record = None
        self.placeholder.setText(message)
        self.stack.setCurrentWidget(self.placeholder)

    def discard(self) -> None:
        """Forget the quote on show without saving anything (its database was closed)."""
        self.quote_id = None
        self.clear()

    def show_quote(
        self, record: dict[str, Any], article: dict[str, Any] | None, *, force: bool = False
    ) -> None:
        """Show a quote; the same quote again keeps an edit being typed unless `force`."""
        same = self.quote_id == record["id"]
        if not same:
            self.commit_pending()  # typed for the quote being replaced: saved, never lost
        self.quote_id = int(record["id"])
        self.record = record
        self.stack.setCurrentIndex(1)
        # quotation marks only for words on record verbatim; reported speech is shown as is
        direct = record.get("kind") == "direct"
        self.quote_label.setText(f"\u201c{record['text']}\u201d" if direct else record["text"])
        status = record.get("status") or "unreviewed"
        colour = status_colour(status, self.palette())
        bits = [
            f"<b style='color:{colour}'>{status.upper()}</b>",
            record.get("kind") or "",
        ]
        if record.get("confidence") is not None:
            bits.append(f"confidence {float(record['confidence']):.2f}")
        if record.get("ref"):
            bits.append(f"ref {record['ref']}")
        if record.get("reviewed_at"):
            bits.append(f"reviewed {str(record['reviewed_at'])[:10]}")
        if record.get("edited"):
            bits.append("corrected by hand")
        self.meta_label.setText(" · ".join(b for b in bits if b))
        role = record.get("speaker_role") or ""
        self.role_label.setText(role)
        self.role_label.setVisible(bool(role))
        keep = same and not force
        self.speaker_box.load(record.get("speaker") or "", keep_typing=keep)
        self.source_box.load(record.get("source") or "", keep_typing=keep)
        self._note_loaded = record.get("note") or ""
        if not (keep and self.note_edit.hasFocus()):
            self.note_edit.setText(self._note_loaded)
        if not same:
            self._show_article(record, article)

    def _show_article(self, record: dict[str, Any], article: dict[str, Any] | None) -> None:
        view = self.article_view
        if article is None or not article.get("text"):
            self.article = None
            title = "No article: imported from a quote collection"
            if record.get("url"):
                url = html.escape(str(record["url"]))
                title += f" (<a href='{url}'>{url}</a>)"
            self.article_title.setText(title)
            context = record.get("context") or ""
            view.setPlainText(context or record["text"])
            start = context.find(record["text"]) if context else 0
            spans = [] if start < 0 else [(start, start + len(record["text"]), "quote")]
        else:
            title = html.escape(article.get("title") or "(untitled)")
            if article.get("url"):
                title = f"<a href='{html.escape(str(article['url']))}'>{title}</a>"
            meta = ", ".join(p for p in (article.get("publisher"), article.get("published")) if p)
            if meta:
                title += " — " + html.escape(meta)
            self.article_title.setText(title)
            if self.article is None or self.article.get("id") != article.get("id"):
                view.setPlainText(article["text"])  # only when the article changes
            self.article = article
            spans = []
            for key, kind in (("", "quote"), ("speaker_", "speaker"), ("cue_", "cue")):
                s = record.get(f"{key}start") if key else record.get("start")
                e = record.get(f"{key}end") if key else record.get("end")
                if s is not None and e is not None and 0 <= s < e <= len(article["text"]):
                    spans.append((int(s), int(e), kind))
        self._highlight(spans)

    def _highlight(self, spans: list[tuple[int, int, str]]) -> None:
        view = self.article_view
        selections = []
        for start, end, kind in spans:
            fmt = QTextCharFormat()
            if kind == "quote":
                fmt.setBackground(QUOTE_BG)
                fmt.setForeground(QUOTE_FG)
            elif kind == "speaker":
                fmt.setBackground(SPEAKER_BG)
                fmt.setForeground(SPEAKER_FG)
                fmt.setFontWeight(QFont.Weight.Bold)
                fmt.setFontUnderline(True)
            else:
                fmt.setBackground(CUE_BG)
                fmt.setForeground(CUE_FG)
                fmt.setFontItalic(True)
                fmt.setFontUnderline(True)
            cursor = QTextCursor(view.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        view.setExtraSelections(selections)
        self.highlights = spans
        quote = next((s for s in spans if s[2] == "quote"), None)
        if quote is not None:
            # Scroll the quote into the middle of the view.
            cursor = QTextCursor(view.document())
            cursor.setPosition(quote[1])
            view.setTextCursor(cursor)
            view.ensureCursorVisible()
            cursor.setPosition(quote[0])
            view.setTextCursor(cursor)
            rect = view.cursorRect(cursor)
            bar = view.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - view.viewport().height() // 3)
        else:
            view.moveCursor(QTextCursor.MoveOperation.Start)

    # -- edits ---------------------------------------------------------------------------------

    def _speaker_committed(self, text: str) -> None:
        if self.quote_id is not None:
            self.speakerEdited.emit(self.quote_id, text)

    def _source_committed(self, text: str) -> None:
        if self.quote_id is not None:
            self.sourceEdited.emit(self.quote_id, text)

    def changeEvent(self, event: QEvent) -> None:
        # The status word's colour depends on the palette: redo it when the palette changes.
        if event.type() == QEvent.Type.PaletteChange and self.record is not None:
            self.show_quote(self.record, self.article)
        super().changeEvent(event)

    def _note_committed(self) -> None:
        text = self.note_edit.text().strip()
        if self.quote_id is not None and text != self._note_loaded and not self.read_only:
            self._note_loaded = text
            self.noteEdited.emit(self.quote_id, text)
