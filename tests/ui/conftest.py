"""Fixtures for the GUI tests: a store in tmp_path (QUOTECHECK_HOME too), settings in a
temporary INI file (never the user's), and a real main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from quotecheck.importing import import_seeds
from quotecheck.store import Store
from quotecheck_ui.context import AppContext
from quotecheck_ui.settings import Settings

COLLECTION = [
    {
        "text": "We will balance the budget within two years.",
        "speaker": "Ana Lopez",
        "source": "BBC",
    },
    {
        "text": "The budget summit was a success for everyone.",
        "speaker": "Ana Lopez",
        "source": "BBC",
    },
    {"text": "Nobody should pay more tax next year.", "speaker": "Ana Lopez", "source": "NHK"},
    {
        "text": "Our ports are open to trade with every country.",
        "speaker": "Ben Okoro",
        "source": "AP",
    },
    {
        "text": "The summit will not change our position on trade.",
        "speaker": "Ben Okoro",
        "source": "AP",
    },
    {"text": "Security comes first, and then the economy.", "speaker": "B. Okoro", "source": "AP"},
]


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUOTECHECK_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    path = tmp_path / "quotes.db"
    with Store(path) as store:
        import_seeds(store)
        store.add_quote_records(COLLECTION)
    return str(path)


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Error dialogs are recorded instead of shown (a modal box would block the test)."""
    shown: list[str] = []

    def record(_parent: object, message: str, title: str = "") -> None:
        shown.append(message)

    import quotecheck_ui.errors
    import quotecheck_ui.mainwindow

    monkeypatch.setattr(quotecheck_ui.mainwindow, "show_error", record)
    monkeypatch.setattr(quotecheck_ui.errors, "show_error", record)
    return shown


@pytest.fixture
def window(qtbot, db_path: str, settings: Settings, errors: list[str]) -> Iterator:  # type: ignore[no-untyped-def]
    from quotecheck_ui.mainwindow import MainWindow

    ctx = AppContext(Store(db_path), settings)
    win = MainWindow(ctx)
    win.quiet_imports = True
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: not win.model.busy and win.model.rowCount() > 0)
    yield win
    win.close()
    ctx.close()


@pytest.fixture
def settle(qtbot):  # type: ignore[no-untyped-def]
    """Wait until the window has nothing in flight: the table's query, every worker, and the
    events they posted (a reset's re-selection runs after the model reports it)."""
    from PySide6.QtWidgets import QApplication

    def wait(win) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(
            lambda: not win.model.busy and win.model.complete and not win.ctx.runner.busy,
            timeout=20000,
        )
        QApplication.processEvents()

    return wait
