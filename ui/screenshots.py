"""Screenshots of the real window for the docs: run under Xvfb (or any display).

    xvfb-run -a -s "-screen 0 1600x1000x24" python -m quotecheck_ui.screenshots docs/screenshots

Builds a throw-away database (the seed article, a small quote collection, a few reviews),
opens the main window, and grabs it from the screen: the main window, the detail pane with its
highlights, the claim panel with a word diff, and the main window in a dark palette.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

SAMPLE_COLLECTION = [
    {
        "text": "We will balance the budget within two years.",
        "speaker": "Ana Lopez",
        "source": "BBC",
        "date": "2024-03-02",
    },
    {
        "text": "The budget summit was a success for everyone.",
        "speaker": "Ana Lopez",
        "source": "BBC",
        "date": "2024-03-04",
    },
    {
        "text": "Nobody should pay more tax next year.",
        "speaker": "Ana Lopez",
        "source": "NHK",
        "date": "2024-04-11",
    },
    {
        "text": "Our ports are open to trade with every country.",
        "speaker": "Ben Okoro",
        "source": "AP",
        "date": "2024-05-19",
    },
    {
        "text": "The summit will not change our position on trade.",
        "speaker": "Ben Okoro",
        "source": "AP",
        "date": "2024-05-20",
    },
]


def wait(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def wait_for(app: QApplication, predicate, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not predicate() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def grab(widget: QWidget) -> QPixmap:
    """The widget as it is on the screen (from the display server when there is one)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if QGuiApplication.platformName() in ("xcb", "wayland") and widget.isWindow():
        return screen.grabWindow(widget.winId())
    return widget.grab()


def dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#e6e6e6")
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#26282b"))
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, window)
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.ToolTipBase, window)
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fd1"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8b8f96"))
    p.setColor(QPalette.ColorRole.Link, QColor("#6ea8ff"))
    p.setColor(QPalette.ColorRole.LinkVisited, QColor("#b48ce6"))
    p.setColor(QPalette.ColorRole.Light, QColor("#4a4d52"))
    p.setColor(QPalette.ColorRole.Midlight, QColor("#3c3f44"))
    p.setColor(QPalette.ColorRole.Mid, QColor("#6b6f76"))
    p.setColor(QPalette.ColorRole.Dark, QColor("#9aa0a8"))
    p.setColor(QPalette.ColorRole.Shadow, QColor("#000000"))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7d82"))
    return p


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="quotecheck-shots-"))
    os.environ["QUOTECHECK_HOME"] = str(tmp)

    from quotecheck.importing import import_seeds
    from quotecheck.store import Store
    from quotecheck_ui.app import create_window, make_app
    from quotecheck_ui.settings import Settings

    app = make_app(["screenshots"])
    app.setStyle(QStyleFactory.create("Fusion"))
    db = tmp / "quotes.db"
    with Store(db) as store:
        import_seeds(store)
        store.add_quote_records(SAMPLE_COLLECTION)
        ids = store.quote_ids()
        store.set_status(ids[:2], "verified")
        store.set_status(ids[7:8], "disputed", note="the transcript has a different figure")
    settings = Settings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    window = create_window(Store(db), settings)
    window.resize(1480, 900)
    window.show()
    wait_for(app, lambda: window.model.rowCount() > 0 and not window.ctx.runner.busy)

    # Select Kishida's "extremely important ..." quote (speaker, cue and quote in one sentence).
    model = window.model
    target = 0
    for row in range(model.rowCount()):
        rec = model.record(row) or {}
        if "extremely important" in (rec.get("text") or ""):
            target = row
            break
    window.table.selectRow(target)
    window.table.setFocus()
    window.claims.claim_edit.setPlainText('Kishida said Japan should "not waste a single moment"')
    window.claims.run_check()
    wait_for(app, lambda: window.claims.result is not None and not window.claims.running)
    wait(app, 0.5)
    grab(window).save(str(out / "main-window.png"))
    window.detail.grab().save(str(out / "detail-pane.png"))
    window.claims.grab().save(str(out / "claim-panel.png"))

    from quotecheck_ui.export_dialog import ExportDialog

    dialog = ExportDialog(window.ctx, window.model.query, [], window)
    dialog.resize(1200, 640)
    dialog.show()
    wait_for(app, lambda: dialog.count > 0)
    wait(app, 0.4)
    grab(dialog).save(str(out / "export-dialog.png"))
    dialog.close()

    from quotecheck_ui.history import HistoryDialog

    history = HistoryDialog(window.ctx, window)
    history.resize(980, 360)
    history.show()
    wait(app, 1.0)
    grab(history).save(str(out / "history-dialog.png"))
    history.close()

    app.setPalette(dark_palette())
    wait(app, 0.5)
    grab(window).save(str(out / "main-window-dark.png"))
    window.close()
    window.ctx.close()
    print("\n".join(str(p) for p in sorted(out.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
