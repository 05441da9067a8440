"""Start-up, settings, logging and the error paths."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QMessageBox

from quotecheck.match import MatchSettings
from quotecheck.store import Store
from quotecheck_ui import errors
from quotecheck_ui.app import open_store
from quotecheck_ui.claims import matcher_settings


def test_first_launch_seeds_the_default_database(home) -> None:  # type: ignore[no-untyped-def]
    store = open_store(None)
    try:
        assert store.path == str(home / "quotes.db")
        assert store.count_quotes() > 0  # the seed article's quotes
        titles = [a["title"] for a in store.articles()]
        assert any("North Korea" in (t or "") for t in titles)
    finally:
        store.close()
    again = open_store(None)  # not seeded twice
    try:
        assert len(again.articles()) == len(titles)
    finally:
        again.close()


def test_an_explicit_database_is_not_seeded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "empty.db")
    try:
        assert store.is_empty
    finally:
        store.close()


def test_match_thresholds_round_trip(settings) -> None:  # type: ignore[no-untyped-def]
    assert settings.match_thresholds() == {}
    settings.set_match_threshold("altered_min", 80)
    settings.set_match_threshold("window", 2)  # an int setting comes back as int
    chosen = matcher_settings(settings.match_thresholds())
    assert chosen.altered_min == 80.0
    assert chosen.window == 2 and isinstance(chosen.window, int)
    assert chosen.not_found_below == MatchSettings().not_found_below
    settings.reset_match_thresholds()
    assert settings.match_thresholds() == {}


def test_thresholds_dialog_keeps_only_changes(qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    from quotecheck_ui.dialogs import MatchSettingsDialog

    dialog = MatchSettingsDialog(settings, MatchSettings())
    qtbot.addWidget(dialog)
    dialog.boxes["altered_min"].setValue(75)
    dialog.accept()
    assert settings.match_thresholds() == {"altered_min": 75.0}


def test_logging_goes_to_a_rotating_file(home) -> None:  # type: ignore[no-untyped-def]
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = errors.setup_logging()
        logging.getLogger("quotecheck_ui.test").warning("hello log")
        for handler in root.handlers:
            handler.flush()
        assert path is not None and path.parent == home / "logs"
        assert "hello log" in path.read_text()
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()


def test_excepthook_logs_and_shows_details(qtbot, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self) or 0)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        exc_type, exc, tb = sys.exc_info()
    with caplog.at_level(logging.CRITICAL):
        errors.excepthook(exc_type, exc, tb)  # type: ignore[arg-type]
    assert "boom" in caplog.text
    assert shown and "RuntimeError: boom" in shown[0].text()
    assert "Traceback" in shown[0].detailedText()


def test_expected_errors_are_plain_messages(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from quotecheck import QuoteCheckError

    shown: list[str] = []
    monkeypatch.setattr(errors, "show_error", lambda _p, message, title="": shown.append(message))
    try:
        raise QuoteCheckError("that file is not an article")
    except QuoteCheckError:
        errors.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert shown == ["that file is not an article"]


def test_a_review_error_reaches_the_user(window, errors) -> None:  # type: ignore[no-untyped-def]
    window.ctx.perform("bad", lambda s: s.set_status([999999], "verified"))
    assert errors and "999999" in errors[0]


def test_store_each_job_opens_its_own_connection(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A job runs in a pool thread on a connection of its own: it cannot see a change the GUI
    thread's connection has not committed, and the GUI connection is never touched."""
    import threading

    from quotecheck_ui.workers import Job

    gui = window.ctx.store
    quote_id = window.model.quote_id(0)
    seen: dict[str, object] = {}

    def work(store: Store, _job: Job) -> str | None:
        seen["gui_thread"] = threading.current_thread() is threading.main_thread()
        seen["same_store"] = store is gui
        return store.quote(quote_id)["note"]

    gui.db.execute("BEGIN")
    gui.db.execute("UPDATE quotes SET note = 'uncommitted' WHERE id = ?", [quote_id])
    try:
        job = Job(window.ctx.db_path, work, read_only=True)
        with qtbot.waitSignal(job.signals.finished) as blocker:
            window.ctx.runner.start(job)
    finally:
        gui.db.execute("ROLLBACK")
    assert blocker.args[0] is None  # the job's connection does not see the open transaction
    assert seen == {"gui_thread": False, "same_store": False}


def test_desktop_file_and_icons_ship_with_the_package(qapp) -> None:  # type: ignore[no-untyped-def]
    import configparser
    from importlib.resources import files

    from quotecheck_ui.icons import app_icon, icon

    resources = files("quotecheck_ui.resources")
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read_string((resources / "quotecheck.desktop").read_text(encoding="utf-8"))
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] == "quotecheck-gui"  # the gui-script in pyproject.toml
    assert (resources / f"{desktop['Icon']}.svg").is_file()
    assert not app_icon().isNull()
    for name in ("verify", "dispute", "reject", "reset", "import", "claim", "export"):
        assert not icon(name).isNull(), name


def test_the_last_database_is_reopened(tmp_path, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "work.db"
    Store(other).close()
    settings.last_db = str(other)
    store = open_store(None, settings)  # portable (QUOTECHECK_HOME set): its own default
    try:
        assert store.path.endswith("quotes.db")
    finally:
        store.close()
    monkeypatch.delenv("QUOTECHECK_HOME")
    monkeypatch.setattr("quotecheck.paths.default_db_path", lambda: tmp_path / "quotes.db")
    store = open_store(None, settings)
    try:
        assert store.path == str(other)
    finally:
        store.close()
    other.unlink()
    store = open_store(None, settings)  # gone: back to the default database
    try:
        assert store.path.endswith("quotes.db")
    finally:
        store.close()
