"""Export > "Quotes shown in the table" exports exactly the table's rows, in its order."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from quotecheck_ui.models import QuoteTableModel


def table_ids(window) -> list[int]:  # type: ignore[no-untyped-def]
    return [window.model.quote_id(r) for r in range(window.model.rowCount())]


def test_export_shown_matches_the_table(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from quotecheck_ui.export_dialog import ExportDialog

    window.search.setText("summ")  # a prefix while typing: the table shows the summit quotes
    qtbot.waitUntil(lambda: window.model.query.text == "summ" and not window.model.busy)
    window.table.horizontalHeader().setSortIndicator(
        QuoteTableModel.COL_SPEAKER, Qt.SortOrder.DescendingOrder
    )
    qtbot.waitUntil(lambda: window.model.query.descending and not window.model.busy)
    shown = table_ids(window)
    assert len(shown) >= 2
    dialog = ExportDialog(window.ctx, window.model.query, [], window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "Preparing" not in dialog.summary.text(), timeout=10000)
    with qtbot.waitSignal(dialog.previewReady, timeout=10000):
        dialog.shown.click()
    assert dialog.count == len(shown)
    assert dialog.save_button.isEnabled()
    dialog.group.setCurrentIndex(dialog.group.findData("none"))
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    target = tmp_path / "shown.json"
    with qtbot.waitSignal(dialog.saved, timeout=20000):
        dialog.save(str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [q["id"] for q in data["quotes"]] == shown
    assert "shown" in data["selection"]
