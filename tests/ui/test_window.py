"""The real main window, driven by keyboard and mouse (offscreen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from quotecheck_ui.models import QuoteTableModel


def row_texts(win, column: int = QuoteTableModel.COL_QUOTE) -> list[str]:  # type: ignore[no-untyped-def]
    model = win.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_first_rows_and_counts(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    # what the file holds, read with a connection of the test's own
    with sqlite3.connect(window.ctx.db_path) as raw:
        rows = raw.execute("SELECT id, text FROM quotes ORDER BY id").fetchall()
    assert len(rows) == 13  # the seed article's seven quotes and the six of the collection
    assert window.model.rowCount() == len(rows)
    assert [window.model.quote_id(r) for r in range(len(rows))] == [i for i, _t in rows]
    assert window.model.index(0, QuoteTableModel.COL_QUOTE).data() == " ".join(rows[0][1].split())
    qtbot.waitUntil(lambda: "13 of 13 quotes shown" in window.counts_label.text())
    assert "0 verified" in window.counts_label.text()
    assert window.table.currentIndex().row() == 0
    assert window.detail.quote_id == rows[0][0]


def test_verify_with_keyboard_then_undo_redo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    window.table.setFocus()
    window.table.selectRow(0)
    first = window.model.quote_id(0)
    assert store.quote(first)["status"] == "unreviewed"

    qtbot.keyClick(window.table, Qt.Key.Key_V)
    assert store.quote(first)["status"] == "verified"
    assert window.table.currentIndex().row() == 1  # moved on to the next quote
    assert window.model.index(0, QuoteTableModel.COL_STATUS).data() == "verified"

    qtbot.keyClick(window.table, Qt.Key.Key_D)
    second = window.model.quote_id(1)
    assert store.quote(second)["status"] == "disputed"
    assert window.statusBar().currentMessage().endswith("Ctrl+Z undoes it")

    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.quote(second)["status"] == "unreviewed"
    assert "undoes it" not in window.statusBar().currentMessage()  # the hint is stale now
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.quote(first)["status"] == "unreviewed"
    assert window.model.index(0, QuoteTableModel.COL_STATUS).data() == "unreviewed"

    qtbot.keyClick(
        window.table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert store.quote(first)["status"] == "verified"
    assert window.ctx.undo_stack.canUndo()


def test_review_several_rows_is_one_undo_step(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.table.setFocus()
    window.table.selectAll()
    qtbot.keyClick(window.table, Qt.Key.Key_R)
    store = window.ctx.store
    assert store.count_quotes() == len([1 for r in range(window.model.rowCount())])
    assert all(
        window.model.index(r, QuoteTableModel.COL_STATUS).data() == "rejected"
        for r in range(window.model.rowCount())
    )
    window.act_undo.trigger()
    assert {q["status"] for q in store.quotes()} == {"unreviewed"}


def test_filter_by_speaker_facet(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: any(label == "Ana Lopez" for _v, label, _n in window.facets.items("speaker"))
    )
    index = next(
        window.facets.value_index("speaker", v)
        for v, label, _n in window.facets.items("speaker")
        if label == "Ana Lopez"
    )
    rect = window.facet_view.visualRect(index)
    qtbot.mouseClick(window.facet_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    assert set(row_texts(window, QuoteTableModel.COL_SPEAKER)) == {"Ana Lopez"}
    assert window.facets.data(index, window.facets.CHECKED_ROLE) == Qt.CheckState.Checked
    # the other speakers stay listed (each group ignores its own selection), and the other
    # groups count only Ana Lopez's quotes
    qtbot.waitUntil(lambda: sum(n for _v, _l, n in window.facets.items("status")) == 3)
    assert len(window.facets.items("speaker")) > 1
    # clicking again clears the filter
    index = next(
        window.facets.value_index("speaker", v)
        for v, label, _n in window.facets.items("speaker")
        if label == "Ana Lopez"
    )
    rect = window.facet_view.visualRect(index)
    qtbot.mouseClick(window.facet_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.model.rowCount() == window.ctx.store.count_quotes())


def test_search_as_you_type(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.search.setFocus()
    qtbot.keyClicks(window.search, "summ")  # a prefix of "summit"
    qtbot.waitUntil(lambda: 0 < window.model.rowCount() < window.ctx.store.count_quotes())
    texts = row_texts(window)
    assert texts and all("summit" in t.lower() for t in texts)
    qtbot.keyClicks(window.search, "it budget")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert "budget summit" in row_texts(window)[0]
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == window.ctx.store.count_quotes())


def test_search_with_fts_syntax_is_literal(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.search.setText('NEAR( "unbalanced * OR')
    qtbot.waitUntil(lambda: window.model.query.text.startswith("NEAR") and not window.model.busy)
    assert window.model.rowCount() == 0
    qtbot.waitUntil(lambda: "No quote matches" in window.detail.placeholder.text())


def test_sort_by_speaker_column(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    header = window.table.horizontalHeader()
    header.setSortIndicator(QuoteTableModel.COL_SPEAKER, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: window.model.query.sort == "speaker" and not window.model.busy)
    speakers = [s or "" for s in row_texts(window, QuoteTableModel.COL_SPEAKER)]
    assert speakers == sorted(speakers, key=lambda s: (s == "", s)) or speakers == sorted(speakers)
    header.setSortIndicator(QuoteTableModel.COL_SPEAKER, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: window.model.query.descending and not window.model.busy)
    assert window.model.index(0, QuoteTableModel.COL_SPEAKER).data() == max(speakers)


def write_article(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_import_two_files_through_the_worker(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = window.model.rowCount()
    a = write_article(
        tmp_path,
        "a.txt",
        "Budget deal reached\n"
        'The finance minister Maria Silva said the deal was "a good day for taxpayers".\n',
    )
    b = write_article(
        tmp_path,
        "b.txt",
        "Port strike ends\n"
        'Union leader Tom Reyes said workers would "return on Monday with their heads high".\n',
    )
    bad = tmp_path / "c.pdf"
    bad.write_bytes(b"%PDF-1.4 not an article")
    with qtbot.waitSignal(window.importFinished, timeout=20000) as blocker:
        window.start_import([str(a), str(b), str(bad)])
        assert window.progress.isVisible()
    report = blocker.args[0]
    assert report.added == 2
    assert len(report.refused) == 1 and "c.pdf" in report.refused[0].reason
    assert not window.progress.isVisible()
    qtbot.waitUntil(lambda: window.model.rowCount() >= before + 2)
    # importing the same files again adds nothing
    with qtbot.waitSignal(window.importFinished, timeout=20000) as blocker:
        window.import_dropped([str(a), str(b)])
    assert blocker.args[0].duplicates == 2


def test_import_collection_and_paste(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from quotecheck.model import ArticleMeta

    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"text": "Rivers are the veins of the land.", "speaker": "Lena Park"}\n', encoding="utf-8"
    )
    with qtbot.waitSignal(window.importFinished, timeout=20000) as blocker:
        window.start_import([], collections=[str(path)])
    assert [o.status for o in blocker.args[0].outcomes] == ["collection"]
    with qtbot.waitSignal(window.importFinished, timeout=20000) as blocker:
        window.start_import(
            [],
            pasted=(
                'Harbour reopens\nThe mayor said the harbour "will reopen on Friday".\n',
                ArticleMeta(title="Harbour reopens", publisher="Gazette", origin="paste"),
            ),
        )
    assert blocker.args[0].added == 1
    window.search.setText("veins")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)


def test_cancel_import(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    paths = [
        str(write_article(tmp_path, f"n{i}.txt", f'Story {i}\nA {i} said "hello {i}".\n'))
        for i in range(40)
    ]
    with qtbot.waitSignal(window.importFinished, timeout=30000) as blocker:
        job = window.start_import(paths)
        job.cancel()
    assert len(blocker.args[0].outcomes) < 40


def test_detail_pane_highlights_and_edits(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    row = next(
        r
        for r in range(window.model.rowCount() - 1)
        if (window.model.record(r) or {}).get("article_id")
        and (window.model.record(r) or {}).get("speaker_start") is not None
    )
    window.table.setFocus()
    window.select_quote(window.model.quote_id(row))
    detail = window.detail
    kinds = [k for _s, _e, k in detail.highlights]
    assert "quote" in kinds and "speaker" in kinds
    record = window.model.record(row)
    text = detail.article_view.toPlainText()
    assert text[record["start"] : record["end"]] == record["text"]

    # typed with the keyboard, saved by Enter
    detail.note_edit.setFocus()
    qtbot.waitUntil(detail.note_edit.hasFocus)
    qtbot.keyClicks(detail.note_edit, "checked against the transcript")
    qtbot.keyClick(detail.note_edit, Qt.Key.Key_Return)
    assert store.quote(record["id"])["note"] == "checked against the transcript"
    line = detail.speaker_box.lineEdit()
    detail.speaker_box.setFocus()
    qtbot.waitUntil(detail.speaker_box.hasFocus)
    line.selectAll()
    qtbot.keyClicks(line, "Someone Else")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert store.quote(record["id"])["speaker"] == "Someone Else"
    # the next row with the keyboard: the pane follows, and the edits stay on their quote
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    following = window.model.quote_id(row + 1)
    assert detail.quote_id == following
    assert detail.note_edit.text() == (store.quote(following)["note"] or "")
    assert detail.speaker_box.currentText() == (store.quote(following)["speaker"] or "")
    # a reset of the table (a refresh after an import) keeps the quote on show
    window.model.refresh()
    qtbot.waitUntil(lambda: not window.model.busy and window.model.complete)
    assert detail.quote_id == following
    window.act_undo.trigger()
    assert store.quote(record["id"])["speaker"] == record["speaker"]
    window.act_undo.trigger()
    assert store.quote(record["id"])["note"] is None


def test_claim_check_verified(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = window.claims
    panel.claim_edit.setFocus()
    qtbot.keyClicks(panel.claim_edit, "Kishida said Japan should not waste any moment")
    with qtbot.waitSignal(panel.checked, timeout=20000):
        qtbot.keyClick(panel.claim_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.badge.text() == "VERIFIED"
    assert panel.badge.isVisible()
    assert panel.matches_model.rowCount() >= 1
    assert panel.matches_model.index(0, 1).data() == "Fumio Kishida"
    assert panel.checks_model.rowCount() == 1  # kept in the history of checks
    # the link to the quote selects it in the table
    quote_id = panel.matches_model.row_record(0)["quote_id"]
    panel.quoteRequested.emit(quote_id)
    assert window.detail.quote_id == quote_id


def test_claim_check_altered_shows_diff(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = window.claims
    panel.claim_edit.setPlainText('Kishida said Japan should "not waste a single moment"')
    with qtbot.waitSignal(panel.checked, timeout=20000):
        panel.check_button.click()
    assert panel.badge.verdict == "altered"
    html = panel.diff_view.toHtml()
    assert "single" in html and "line-through" in html


def test_speakers_dialog_merge_and_undo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from quotecheck_ui.dialogs import SpeakersDialog

    store = window.ctx.store
    dialog = SpeakersDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    by_name = {s["name"]: s for s in store.speakers()}
    keep = by_name["Ben Okoro"]
    assert "B. Okoro" in by_name
    dialog.filter.setText("okoro")
    dialog.view.selectAll()
    assert len(dialog.selected()) == 2
    dialog.merge(keep_id=keep["id"])
    names = {s["name"] for s in store.speakers()}
    assert "B. Okoro" not in names
    assert store.count_quotes(store_filter(speaker="Ben Okoro")) == 3
    window.act_undo.trigger()
    assert "B. Okoro" in {s["name"] for s in store.speakers()}
    # rename and role
    dialog._edit(keep["id"], "role", "union leader")
    assert {s["name"]: s for s in store.speakers()}["Ben Okoro"]["role"] == "union leader"
    window.act_undo.trigger()
    assert {s["name"]: s for s in store.speakers()}["Ben Okoro"]["role"] is None


def store_filter(**kw):  # type: ignore[no-untyped-def]
    from quotecheck.store import QuoteFilter

    return QuoteFilter(**kw)


def test_settings_saved_in_the_given_file(window, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window.resize(1000, 700)
    window.save_state()
    assert (tmp_path / "settings.ini").exists()
    assert settings.state("geometry") is not None


def test_open_another_database(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.db"
    assert window.open_path(str(other))
    qtbot.waitUntil(lambda: window.model.rowCount() == 0 and not window.model.busy)
    assert "other.db" in window.windowTitle()
    assert window.ctx.settings.recent_dbs[0] == str(other)
    assert not window.ctx.undo_stack.canUndo()


def test_open_a_file_that_is_not_a_database(window, tmp_path, errors) -> None:  # type: ignore[no-untyped-def]
    bogus = tmp_path / "notes.db"
    bogus.write_text("hello, not sqlite")
    assert not window.open_path(str(bogus))
    assert errors and "not a QuoteCheck database" in errors[0]


def test_drop_files_on_the_window(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    article = write_article(
        tmp_path, "drop.txt", 'River report\nThe engineer said the dam "will hold this winter".\n'
    )
    collection = tmp_path / "drop.csv"
    collection.write_text("text,speaker\nThe river is calm today.,Ivo Brand\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article)), QUrl.fromLocalFile(str(collection))])
    enter = QDragEnterEvent(
        window.rect().center(),  # QPoint: PySide6 6.11 takes no QPointF here
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(window.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.importFinished, timeout=20000) as blocker:
        window.dropEvent(drop)
    statuses = sorted(o.status for o in blocker.args[0].outcomes)
    assert statuses == ["added", "collection"]


def test_paste_dialog_builds_the_article(qtbot) -> None:  # type: ignore[no-untyped-def]
    from quotecheck_ui.dialogs import PasteArticleDialog

    dialog = PasteArticleDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.text.setPlainText("Title line\nBody.")
    assert dialog.ok.isEnabled()
    dialog.title.setText("A title")
    dialog.publisher.setText("Gazette")
    dialog.url.setText("https://example.org/a")
    dialog.has_date.setChecked(True)
    text, meta = dialog.article()
    assert text.startswith("Title line")
    assert (meta.title, meta.publisher, meta.url, meta.origin) == (
        "A title",
        "Gazette",
        "https://example.org/a",
        "paste",
    )
    assert meta.published and len(meta.published) == 10


def test_keyboard_only_review_of_a_filtered_list(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Search, Enter to the table, V V: two quotes verified in order, no mouse."""
    window.act_find.trigger()
    qtbot.keyClicks(window.search, "trade ")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.focusWidget() is window.table
    assert window.table.currentIndex().row() == 0  # the first match is current: no mouse
    ids = [window.model.quote_id(r) for r in range(2)]
    assert window.detail.quote_id == ids[0]
    qtbot.keyClick(window.table, Qt.Key.Key_V)
    qtbot.keyClick(window.table, Qt.Key.Key_V)
    store = window.ctx.store
    assert [store.quote(i)["status"] for i in ids] == ["verified", "verified"]
    qtbot.waitUntil(lambda: "2 verified" in window.counts_label.text(), timeout=2000)


def test_every_input_and_view_has_an_accessible_name(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QComboBox,
        QHeaderView,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    unnamed = []
    for kind in (QLineEdit, QComboBox, QPlainTextEdit, QTextEdit, QAbstractItemView):
        for widget in window.findChildren(kind):
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox):
                continue  # the combo box's own editor: the combo box carries the name
            if isinstance(widget, QHeaderView):
                continue  # headers are named by their sections
            if widget.window() is not window or not widget.isVisibleTo(window):
                continue
            if not widget.accessibleName():
                unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    assert unnamed == []


def test_tab_order_search_facets_table_detail_claims(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QComboBox

    detail = window.detail
    window.search.setFocus()
    qtbot.waitUntil(window.search.hasFocus)
    order = []
    for _ in range(11):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        widget = window.focusWidget()
        if isinstance(widget.parent(), QComboBox):  # a combo box's own line edit
            widget = widget.parent()
        order.append(widget)
    assert order == [
        window.facet_view,
        window.table,
        detail.speaker_box,
        detail.source_box,
        *detail.review_buttons,
        detail.note_edit,
        detail.article_view,
        window.claims.claim_edit,  # the detail pane's last stop leads to the claim panel
    ]


def test_window_state_is_restored(qtbot, db_path, settings, errors) -> None:  # type: ignore[no-untyped-def]
    from quotecheck.store import Store
    from quotecheck_ui.context import AppContext
    from quotecheck_ui.mainwindow import MainWindow

    first = MainWindow(AppContext(Store(db_path), settings))
    qtbot.addWidget(first)
    first.resize(780, 560)  # inside the offscreen screen (restoreGeometry keeps windows on it)
    first.show()
    first.hsplit.setSizes([150, 300, 300])
    wanted = first.hsplit.sizes()
    first.close()
    first.ctx.close()
    second = MainWindow(AppContext(Store(db_path), settings))
    qtbot.addWidget(second)
    second.show()
    assert second.hsplit.sizes() == wanted
    second.close()
    second.ctx.close()


def test_recent_databases_menu(window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = window.ctx.db_path
    other = str(tmp_path / "second.db")
    window._fill_recent()
    assert [a.text() for a in window.recent_menu.actions()] == ["(none)"]
    assert window.open_path(other)
    assert window.open_path(first)
    window._fill_recent()  # what opening the menu does
    actions = window.recent_menu.actions()
    assert [a.text() for a in actions] == [other]  # the open database is not listed
    actions[0].trigger()
    assert window.ctx.db_path == other
    window._fill_recent()
    assert [a.text() for a in window.recent_menu.actions()] == [first]


def test_about_lists_versions() -> None:
    from quotecheck_ui.dialogs import about_text, versions

    names = dict(versions())
    assert names["QuoteCheck"] and names["Qt"] and names["SQLite"]
    assert "QuoteCheck" in about_text("/x/quotes.db", "/x/logs")


def test_export_sheet_preview_and_save(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from quotecheck_ui.export_dialog import ExportDialog

    store = window.ctx.store
    kishida = [r["id"] for r in store.quotes() if r["speaker"] == "Fumio Kishida"]
    store.set_status(kishida, "verified")
    dialog = ExportDialog(window.ctx, window.model.query, [kishida[0]], window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.count == len(kishida), timeout=10000)
    assert "Fumio Kishida" in dialog.preview.toPlainText()
    # the rows selected in the table
    with qtbot.waitSignal(dialog.previewReady, timeout=10000):
        dialog.selected.click()
    assert dialog.count == 1
    # every text format, and the PDF printed in the GUI thread
    for index, (fmt, _label, suffix) in enumerate(
        (("md", "", "md"), ("csv", "", "csv"), ("pdf", "", "pdf"))
    ):
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        target = tmp_path / f"sheet{index}.{suffix}"
        with qtbot.waitSignal(dialog.saved, timeout=20000):
            dialog.save(str(target))
        assert target.exists() and target.stat().st_size > 0
    assert "Kishida" in (tmp_path / "sheet0.md").read_text(encoding="utf-8")
    assert (tmp_path / "sheet2.pdf").read_bytes().startswith(b"%PDF")


def test_export_of_nothing_says_so(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from quotecheck_ui.export_dialog import ExportDialog

    dialog = ExportDialog(window.ctx, window.model.query, [], window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "Nothing to export" in dialog.summary.text(), timeout=10000)
    assert not dialog.save_button.isEnabled()
    assert not dialog.selected.isEnabled()


def test_history_view_lists_and_reverts(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.table.selectRow(0)
    first = window.model.quote_id(0)
    window.review_actions["verified"].trigger()
    window.review_actions["rejected"].trigger()
    window.show_history()
    assert window.ctx.undo_stack.count() == 2
    window.ctx.undo_stack.setIndex(0)  # what clicking the first line does
    assert window.ctx.store.quote(first)["status"] == "unreviewed"
    window._history_dialog.close()


def test_undo_refused_by_the_store_is_dropped(window, errors) -> None:  # type: ignore[no-untyped-def]
    window.table.selectRow(0)
    quote_id = window.model.quote_id(0)
    window.review_actions["verified"].trigger()
    stack = window.ctx.undo_stack
    assert stack.count() == 1
    # Someone else undoes it behind the window's back (the CLI, another window).
    window.ctx.store.undo()
    window.act_undo.trigger()
    assert errors  # told why nothing happened
    assert window.ctx.store.quote(quote_id)["status"] == "unreviewed"
    assert stack.count() == 0  # the step is gone, not left pretending


def test_a_filter_on_a_speaker_an_undo_removed_is_dropped(window, qtbot, settle) -> None:  # type: ignore[no-untyped-def]
    """Filtering on the speaker an edit created, then undoing the edit: the speaker is gone,
    so the filter goes too (no checked value with 0 quotes over a row that no longer matches)."""
    store = window.ctx.store
    total = store.count_quotes()
    quote_id = window.model.quote_id(0)
    window._edit_speaker(quote_id, "Somebody New")
    new = store.speaker_id("Somebody New", create=False)
    assert new
    window.facets.select("speaker", new)
    window._facet_toggled("speaker", new)
    settle(window)
    assert window.model.rowCount() == 1 and window.facets.selected("speaker") == new
    window.ctx.undo()
    assert store.speaker_id("Somebody New", create=False) is None  # the undo removed it
    qtbot.waitUntil(lambda: window.model.query.speaker_id is None, timeout=10000)
    settle(window)
    qtbot.waitUntil(lambda: window.facets.selected("speaker") is None, timeout=10000)
    assert window.model.rowCount() == total
    assert not any(label == "Somebody New" for _v, label, _n in window.facets.items("speaker"))
    assert window._total == total
    assert sum(window._status_counts.values()) == total  # the status line counts them all
    assert window.counts_label.text().startswith(f"{total:,} of {total:,} quotes shown")


def test_undo_and_redo_say_in_the_status_bar_what_they_did(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.table.setFocus()
    window.table.selectRow(0)
    first = window.model.quote_id(0)
    qtbot.keyClick(window.table, Qt.Key.Key_V)
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == f"Undone: Verified quote {first}"
    qtbot.keyClick(
        window.table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.statusBar().currentMessage() == f"Redone: Verified quote {first}"


def test_pasted_markdown_is_cleaned_as_an_imported_md_file_is(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from quotecheck_ui.dialogs import PasteArticleDialog

    markdown = (
        '# Blinken: US "ready to talk" with Pyongyang\n\n'
        "*WASHINGTON, June 2* — Antony Blinken said the United States remained "
        '"ready to talk to North Korea without preconditions", a **senior** official said.\n'
    )
    dialog = PasteArticleDialog()
    qtbot.addWidget(dialog)
    dialog.text.setPlainText(markdown)
    text, meta = dialog.article()
    assert text.startswith('Blinken: US "ready to talk" with Pyongyang\n\nWASHINGTON, June 2 —')
    assert "*" not in text and "#" not in text
    with qtbot.waitSignal(window.importFinished, timeout=20000) as blocker:
        window.start_import([], pasted=(text, meta))
    article = window.ctx.store.article(blocker.args[0].outcomes[0].article_id)
    assert article["title"] == 'Blinken: US "ready to talk" with Pyongyang'
    # plain text is left as it is (a dash or an asterisk alone is no Markdown)
    dialog.text.setPlainText("Prices rose 5 * 3 percent - the minister said.\n- Not a list")
    assert dialog.article()[0] == "Prices rose 5 * 3 percent - the minister said.\n- Not a list"


def test_speakers_dialog_shows_names_and_roles_in_full(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from quotecheck_ui.dialogs import SpeakersDialog

    store = window.ctx.store
    ben = next(s for s in store.speakers() if s["name"] == "Ben Okoro")
    store.update_speaker(ben["id"], role="Secretary-General of the dockworkers' union")
    dialog = SpeakersDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    metrics = dialog.view.fontMetrics()
    for speaker in store.speakers():
        assert dialog.view.columnWidth(0) > metrics.horizontalAdvance(speaker["name"])
    role = "Secretary-General of the dockworkers' union"
    assert dialog.view.columnWidth(1) > metrics.horizontalAdvance(role)
    aliases = dialog.view.columnWidth(3)
    assert aliases < dialog.view.viewport().width() // 2  # no longer most of the width
