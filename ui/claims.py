"""The claim panel: paste a claim, Ctrl+Enter, read the verdict, the word diff and the best
matches; earlier checks are listed beside it.

The check runs in a worker with its own connection (`quotecheck.match.check`).
"""

from __future__ import annotations

import dataclasses
import html
import logging
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from quotecheck import match
from quotecheck.match import MatchSettings
from quotecheck_ui.context import AppContext
from quotecheck_ui.icons import icon
from quotecheck_ui.models import ChecksModel, MatchesModel
from quotecheck_ui.workers import Job

log = logging.getLogger(__name__)

VERDICT_COLOURS = {
    "verified": "#1e8a4c",
    "altered": "#b86e00",
    "contradicted": "#c0392b",
    "misattributed": "#8e44ad",
    "paraphrase": "#2f6fd1",
    "not found": "#5f6b7a",
}
DROPPED_STYLE = "background:#ffd2d2; color:#6e0000; text-decoration:line-through;"
ADDED_STYLE = "background:#cdf3cf; color:#0b4016; text-decoration:underline;"


def field(obj: Any, key: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(key, default)
    return getattr(obj, key, default)


def as_dict(obj: Any) -> dict[str, Any]:
    if isinstance(obj, dict):
        return dict(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    return {k: getattr(obj, k) for k in dir(obj) if not k.startswith("_")}


def diff_html(diff: list[Any]) -> str:
    """Word diff segments (op equal/added/dropped) as coloured HTML."""
    out = []
    for seg in diff or []:
        op = field(seg, "op", "equal")
        text = html.escape(str(field(seg, "text", "")))
        if op == "dropped":
            out.append(f"<span style='{DROPPED_STYLE}' title='dropped'>{text}</span>")
        elif op == "added":
            out.append(f"<span style='{ADDED_STYLE}' title='added'>{text}</span>")
        else:
            out.append(text)
    return " ".join(out)


def matcher_settings(thresholds: dict[str, float]) -> MatchSettings:
    """The claim check's settings with the user's thresholds (unknown names are ignored;
    MatchSettings converts the stored floats to the declared types)."""
    names = {f.name for f in dataclasses.fields(MatchSettings)}
    return MatchSettings(**{k: v for k, v in thresholds.items() if k in names})  # type: ignore[arg-type]


class VerdictBadge(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictBadge")
        self.setAccessibleName("Verdict")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumWidth(120)
        self.verdict = ""
        self.set_verdict("")

    def set_verdict(self, verdict: str) -> None:
        self.verdict = verdict
        if not verdict:
            self.setText("")
            self.setStyleSheet("")
            self.setVisible(False)
            return
        colour = VERDICT_COLOURS.get(verdict, "#5f6b7a")
        self.setText(verdict.upper())
        self.setAccessibleDescription(f"verdict: {verdict}")
        self.setStyleSheet(
            f"background:{colour}; color:white; font-weight:bold; border-radius:4px;"
            "padding:4px 10px; letter-spacing:1px;"
        )
        self.setVisible(True)


class ClaimPanel(QWidget):
    checked = Signal(object)  # the CheckResult of a finished check
    quoteRequested = Signal(int)  # show this quote in the table

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("claimPanel")
        self.setAccessibleName("Check a claim")
        self.result: Any = None
        self._job: Job | None = None  # the check whose result will be shown
        self._generation = 0

        self.claim_edit = QPlainTextEdit()
        self.claim_edit.setAccessibleName("Claim to check")
        self.claim_edit.setPlaceholderText(
            'Paste a claim, e.g. Kishida said Japan should "not waste a single moment" '
            "— then Ctrl+Enter"
        )
        self.claim_edit.setTabChangesFocus(True)
        line = self.claim_edit.fontMetrics().lineSpacing()
        self.claim_edit.setFixedHeight(line * 3 + 12)
        self.check_button = QPushButton(icon("claim"), "&Check  (Ctrl+Enter)")
        self.check_button.setAccessibleName("Check the claim")
        self.check_button.clicked.connect(self.run_check)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.run_check)

        self.badge = VerdictBadge()
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setAccessibleName("Explanation")
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.diff_view = QTextBrowser()
        self.diff_view.setAccessibleName("Word differences between the claim and the record")
        self.diff_view.setOpenLinks(False)
        self.diff_view.anchorClicked.connect(self._anchor)
        self.diff_view.setMinimumHeight(line * 3)
        self.matches_model = MatchesModel(self)
        self.matches_view = QTableView()
        self.matches_view.setModel(self.matches_model)
        self.matches_view.setAccessibleName("Best matching quotes")
        self.matches_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.matches_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matches_view.verticalHeader().setVisible(False)
        self.matches_view.verticalHeader().setDefaultSectionSize(line + 8)
        self.matches_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.matches_view.setWordWrap(False)
        self.matches_view.setTabKeyNavigation(False)
        self.matches_view.setToolTip("Double-click or Enter: show the quote in the table")
        self.matches_view.activated.connect(self._match_activated)

        self.checks_model = ChecksModel(self)
        self.checks_view = QTableView()
        self.checks_view.setModel(self.checks_model)
        self.checks_view.setAccessibleName("Earlier checks")
        self.checks_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.checks_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.checks_view.verticalHeader().setVisible(False)
        self.checks_view.verticalHeader().setDefaultSectionSize(line + 8)
        self.checks_view.horizontalHeader().setStretchLastSection(True)
        self.checks_view.setColumnWidth(0, 90)
        self.checks_view.setColumnWidth(1, 100)
        self.checks_view.setWordWrap(False)
        self.checks_view.setTabKeyNavigation(False)
        self.checks_view.activated.connect(self._check_activated)
        self.checks_view.clicked.connect(self._check_activated)

        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.claim_edit, 1)
        top.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(top)
        verdict_row = QHBoxLayout()
        verdict_row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        verdict_row.addWidget(self.explanation, 1)
        lay.addLayout(verdict_row)
        results = QSplitter(Qt.Orientation.Horizontal)
        results.setChildrenCollapsible(False)
        results.addWidget(self.diff_view)
        results.addWidget(self.matches_view)
        results.setStretchFactor(0, 2)
        results.setStretchFactor(1, 3)
        lay.addWidget(results, 1)

        right = QWidget()
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(0, 0, 0, 0)
        history_label = QLabel("Earlier checks")
        history_label.setBuddy(self.checks_view)
        rlay.addWidget(history_label)
        rlay.addWidget(self.checks_view)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("claimSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 330])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.splitter)

        QWidget.setTabOrder(self.claim_edit, self.check_button)
        QWidget.setTabOrder(self.check_button, self.diff_view)
        QWidget.setTabOrder(self.diff_view, self.matches_view)
        QWidget.setTabOrder(self.matches_view, self.checks_view)

        self.show_message(
            "Paste a claim above and press Ctrl+Enter to compare it with the quotes on record."
        )
        self.reload_history()

    # -- running a check ------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._job is not None

    def run_check(self) -> None:
        claim = self.claim_edit.toPlainText().strip()
        if not claim:
            self.show_message("Type or paste a claim first.")
            return
        settings = matcher_settings(self.ctx.settings.match_thresholds())
        # Every check is numbered; only the newest one's result is shown and saved. A check
        # cannot be stopped inside the matcher, so an older one still running is left to
        # finish and its result dropped; the newest waits for it (one check at a time).
        self._generation += 1
        generation = self._generation

        def work(store: Any, _job: Job) -> Any:
            return generation, match.check(claim, store, settings)

        self.check_button.setEnabled(False)
        self.show_message("Checking…")
        job = Job(self.ctx.db_path, work, read_only=True, name="claim check")
        job.signals.finished.connect(self._on_result)
        job.signals.failed.connect(self._on_failed)
        self._job = job
        if self.ctx.db_path == ":memory:":
            job.run()
        else:
            self.ctx.runner.submit_latest("claim-check", job)

    def _on_result(self, outcome: tuple[int, Any]) -> None:
        generation, result = outcome
        if generation != self._generation:
            return  # a check of an earlier claim: not what the box now says
        self._job = None
        self.check_button.setEnabled(True)
        record = result.to_record() if hasattr(result, "to_record") else as_dict(result)
        try:
            self.ctx.store.save_check(record)
        except Exception:  # the history of checks is a convenience; the verdict still shows
            log.exception("could not save the check")
        self.show_result(result)
        self.reload_history()
        self.checked.emit(result)

    def _on_failed(self, message: str, details: str) -> None:
        if self._job is None or self.sender() is not self._job.signals:
            return  # an earlier check failed: the newest is still running
        self._job = None
        self.check_button.setEnabled(True)
        self.show_message(f"The check failed: {message}")
        if details:
            log.error("claim check failed:\n%s", details)

    # -- showing a result -----------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.result = None
        self.badge.set_verdict("")
        self.explanation.setText(text)
        self.diff_view.clear()
        self.matches_model.set_rows([])

    def show_result(self, result: Any) -> None:
        """Show a CheckResult (live) or a stored check record (from the history)."""
        self.result = result
        verdict = str(field(result, "verdict", "") or "")
        self.badge.set_verdict(verdict)
        parts = []
        explanation = field(result, "explanation")
        if explanation:
            parts.append(html.escape(str(explanation), quote=False))
        flags = field(result, "flags") or []
        if flags:
            shown = ", ".join(f"<b>{html.escape(str(f), quote=False)}</b>" for f in flags)
            parts.append(f"Flags: {shown}")
        self.explanation.setText("<br>".join(parts) if parts else verdict)
        matches = [as_dict(m) for m in field(result, "matches") or []]
        self.matches_model.set_rows(matches)
        if matches:
            self.matches_view.selectRow(0)
        self.diff_view.setHtml(self._result_html(result, matches))

    def _result_html(self, result: Any, matches: list[dict[str, Any]]) -> str:
        rows = []
        diff = field(result, "diff") or []
        if diff:
            rows.append(f"<p style='font-size:110%'>{diff_html(diff)}</p>")
        claimed_speaker = field(result, "claimed_speaker")
        claimed_source = field(result, "claimed_source")
        best = matches[0] if matches else None
        if claimed_speaker or (best and best.get("speaker")):
            ok = field(result, "speaker_match")
            mark = "" if ok is None else (" ✔" if ok else " ✘ differs")
            rows.append(
                f"<p><b>Speaker</b>: claim says <i>{html.escape(str(claimed_speaker or '—'))}</i>; "
                f"record says <i>{html.escape(str((best or {}).get('speaker') or '—'))}</i>"
                f"{mark}</p>"
            )
        if claimed_source or (best and best.get("source")):
            ok = field(result, "source_match")
            mark = "" if ok is None else (" ✔" if ok else " ✘ differs")
            rows.append(
                f"<p><b>Source</b>: claim says <i>{html.escape(str(claimed_source or '—'))}</i>; "
                f"record says <i>{html.escape(str((best or {}).get('source') or '—'))}</i>"
                f"{mark}</p>"
            )
        if best and best.get("quote_id") is not None:
            rows.append(
                f"<p><a href='quote:{int(best['quote_id'])}'>Show the best match in the "
                "quote table</a></p>"
            )
        if not rows:
            rows.append("<p>No recorded quote is close enough to compare.</p>")
        return "".join(rows)

    def changeEvent(self, event: QEvent) -> None:
        # Rich text keeps the colours of the palette it was laid out with: lay it out again.
        if event.type() == QEvent.Type.PaletteChange and self.result is not None:
            self.show_result(self.result)
        super().changeEvent(event)

    def _anchor(self, url: Any) -> None:
        text = url.toString()
        if text.startswith("quote:"):
            self.quoteRequested.emit(int(text.split(":", 1)[1]))

    def _match_activated(self, index: QModelIndex) -> None:
        rec = self.matches_model.row_record(index.row())
        if rec and rec.get("quote_id") is not None:
            self.quoteRequested.emit(int(rec["quote_id"]))

    # -- history --------------------------------------------------------------------------------

    def reload_history(self) -> None:
        try:
            rows = self.ctx.store.checks(limit=200)
        except Exception:
            log.exception("cannot read the history of checks")
            rows = []
        self.checks_model.set_rows(rows)

    def _check_activated(self, index: QModelIndex) -> None:
        rec = self.checks_model.row_record(index.row())
        if rec is not None:
            self.claim_edit.setPlainText(rec.get("claim") or "")
            self.show_result(rec)
