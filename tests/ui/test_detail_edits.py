"""The detail pane's editors: typed edits are never lost or shown as saved when they were not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from quotecheck import QuoteCheckError
from quotecheck.store import Store
from quotecheck_ui.context import affected


def type_note(window, qtbot, row: int, text: str) -> int:  # type: ignore[no-untyped-def]
    """Select a row with the keyboard and type a note without pressing Enter."""
    window.table.setFocus()
    window.select_quote(window.model.quote_id(row))
    quote_id = window.detail.quote_id
    assert quote_id == window.model.quote_id(row)
    window.detail.note_edit.setFocus()
    qtbot.waitUntil(window.detail.note_edit.hasFocus)
    qtbot.keyClicks(window.detail.note_edit, text)
    return int(quote_id)


def test_a_note_being_typed_survives_an_import_finishing(window, qtbot, tmp_path, settle) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    quote_id = type_note(window, qtbot, 3, "call the ministry")
    article = tmp_path / "a.txt"
    article.write_text('Budget\nThe minister Ann Lee said the plan was "fine by us".\n')
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.start_import([str(article)])
    settle(window)
    # still on the same quote, the text still there; Enter saves it on that quote
    assert window.detail.quote_id == quote_id
    assert window.detail.note_edit.text() == "call the ministry"
    qtbot.keyClick(window.detail.note_edit, Qt.Key.Key_Return)
    assert store.quote(quote_id)["note"] == "call the ministry"


def test_a_note_is_saved_when_its_quote_leaves_the_table(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    quote_id = type_note(window, qtbot, 0, "ask for the tape")
    # a filter that hides the quote: the table resets and another quote is shown
    record = store.quote(quote_id)
    other = next(s for s in store.speakers() if s["id"] != record["speaker_id"])
    window.facets.select("speaker", other["id"])
    window.facets.facetToggled.emit("speaker", other["id"])
    qtbot.waitUntil(lambda: not window.model.busy and window.detail.quote_id != quote_id)
    assert store.quote(quote_id)["note"] == "ask for the tape"
    assert window.detail.note_edit.text() == (store.quote(window.detail.quote_id)["note"] or "")


def test_a_note_is_saved_before_another_database_opens(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = window.ctx.db_path
    quote_id = type_note(window, qtbot, 2, "unsaved note")
    assert window.open_path(str(tmp_path / "other.db"))
    with Store(path) as old:
        assert old.quote(quote_id)["note"] == "unsaved note"
    qtbot.waitUntil(lambda: not window.model.busy)
    assert window.detail.note_edit.text() == "" or window.detail.quote_id is None


def test_a_speaker_being_typed_is_saved_when_the_row_changes(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    window.table.setFocus()
    window.select_quote(window.model.quote_id(0))
    quote_id = window.detail.quote_id
    line = window.detail.speaker_box.lineEdit()
    window.detail.speaker_box.setFocus()
    qtbot.waitUntil(window.detail.speaker_box.hasFocus)
    line.selectAll()
    qtbot.keyClicks(line, "Maria Silva")
    window.select_quote(window.model.quote_id(1))  # e.g. a click on the next row
    assert store.quote(quote_id)["speaker"] == "Maria Silva"
    assert window.detail.speaker_box.currentText() == (
        store.quote(window.model.quote_id(1))["speaker"] or ""
    )


def test_a_refused_edit_shows_the_stored_value_again(window, qtbot, errors, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    window.select_quote(window.model.quote_id(0))
    quote_id = window.detail.quote_id
    stored = store.quote(quote_id)["speaker"] or ""

    def busy(*_a, **_k):  # type: ignore[no-untyped-def]
        raise QuoteCheckError("database busy, try again")

    monkeypatch.setattr(store, "edit_quote", busy)
    box = window.detail.speaker_box
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "Somebody Else")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert errors and "busy" in errors[-1]
    assert box.currentText() == stored  # not left showing what was refused
    # the same edit again, now that the store accepts it, is not swallowed
    monkeypatch.undo()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "Somebody Else")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert store.quote(quote_id)["speaker"] == "Somebody Else"


def test_read_only_database_has_read_only_editors(
    qtbot, db_path, settings, errors, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import quotecheck.store as store_module
    from quotecheck_ui.context import AppContext
    from quotecheck_ui.mainwindow import MainWindow

    monkeypatch.setattr(store_module.os, "access", lambda p, mode: Path(p) != Path(db_path))
    ctx = AppContext(Store(db_path), settings)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.model.busy and win.model.rowCount() > 0)
    win.table.selectRow(0)
    detail = win.detail
    assert not detail.speaker_box.isEnabled()
    assert not detail.source_box.isEnabled()
    assert detail.note_edit.isReadOnly()
    qtbot.keyClicks(detail.note_edit, "typed anyway")
    detail.note_edit.editingFinished.emit()
    assert errors == []
    assert ctx.store.quote(detail.quote_id)["note"] is None
    win.close()
    ctx.close()


def contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_status_colours_are_legible_on_light_and_dark_palettes(qapp) -> None:  # type: ignore[no-untyped-def]
    from quotecheck_ui.detail import status_colour

    for window_colour in ("#ffffff", "#efefef", "#353535", "#1e1e1e", "#2b2b2b"):
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Window, QColor(window_colour))
        for status in ("verified", "disputed", "rejected", "unreviewed"):
            colour = QColor(status_colour(status, palette))
            ratio = contrast(colour, QColor(window_colour))
            assert ratio >= 4.5, (status, window_colour, round(ratio, 2))


def test_undoing_an_edit_that_created_a_speaker_refreshes_speaker_names() -> None:
    """The store removes a speaker created by an edit when the edit is undone; the window must
    treat that step as a speaker change (name completion, Speakers dialog), not a quote change."""
    with Store(":memory:") as store:
        store.add_quote_records([{"text": "We will cut taxes.", "speaker": "Ann Lee"}])
        quote_id = store.db.execute("SELECT id FROM quotes").fetchone()[0]
        created = store.edit_quote(quote_id, speaker="Bob New")
        existing = store.edit_quote(quote_id, speaker="Ann Lee")
        by_id = {entry["id"]: entry for entry in store.history()}
        assert affected(by_id[created]) == ([quote_id], True)
        assert affected(by_id[existing]) == ([quote_id], False)


def test_undoing_an_edit_that_created_a_source_drops_it_from_completion(window, settle) -> None:  # type: ignore[no-untyped-def]
    """The store removes a source created by an edit when the edit is undone; the source box
    must stop offering it (and offer it again on redo)."""
    quote_id = window.model.quote_id(0)

    def offered() -> list[str]:
        return list(window.detail.source_box._names.stringList())

    window._edit_source(quote_id, "Brand New Wire Service")
    assert "Brand New Wire Service" in offered()
    window.ctx.undo()
    settle(window)
    assert "Brand New Wire Service" not in offered()
    window.ctx.redo()
    settle(window)
    assert "Brand New Wire Service" in offered()
