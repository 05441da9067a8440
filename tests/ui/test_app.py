"""Start-up, settings, logging and the error paths."""

from __future__ import annotations

import logging
import sys
from typing import Any

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


def test_files_and_links_on_the_command_line_go_to_run(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`quotecheck-gui --db x.db article.html https://…` (the desktop entry's `%F`): the files
    and links are imported; Qt's own options (and their values) stay Qt's."""
    from quotecheck_ui import app

    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(app, "run", lambda *args: calls.append(args) or 0)
    argv = ["--db", "x.db", "-platform", "offscreen", "a.html", "file:///tmp/b%20c.pdf"]
    assert app.main([*argv, "-reverse", "https://example.org/story"]) == 0
    ((db, qt_argv, items),) = calls
    assert db == "x.db"
    assert qt_argv[1:] == ["-platform", "offscreen", "-reverse"]
    assert items == ["a.html", "/tmp/b c.pdf", "https://example.org/story"]


def test_files_given_at_start_are_imported_with_the_summary(  # type: ignore[no-untyped-def]
    qtbot, tmp_path, settings, monkeypatch
) -> None:
    from quotecheck_ui import app, mainwindow

    shown: list[Any] = []
    monkeypatch.setattr(mainwindow, "show_import_report", lambda *a: shown.append(a) or _Box())
    article = tmp_path / "article.html"
    article.write_text(
        "<html><head><title>Harbour to reopen</title></head><body><p>Mayor Anna Berg said "
        '"the harbour will reopen on Friday with every berth in use" on Tuesday.</p></body></html>',
        encoding="utf-8",
    )
    notes = tmp_path / "notes.md"
    notes.write_text('# Notes\n\nThe minister said "we will not raise taxes this year".\n')
    store = Store(tmp_path / "start.db")
    window = app.create_window(store, settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.importFinished, timeout=20000) as blocker:
        app.import_at_start(window, [str(article), str(notes)])
        assert not window.importing  # not before the event loop runs (the window shows first)
    report = blocker.args[0]
    assert [o.status for o in report.outcomes] == ["added", "added"], report.outcomes
    assert shown and shown[0][1] is report  # the usual import summary
    qtbot.waitUntil(lambda: window.model.rowCount() == store.count_quotes() > 0)
    window.close()
    window.ctx.close()


class _Box:
    def setText(self, _text: str) -> None:
        pass

    def open(self) -> None:
        pass


def test_the_desktop_entry_offers_every_importable_type() -> None:
    from importlib.resources import files

    text = (files("quotecheck_ui.resources") / "quotecheck.desktop").read_text(encoding="utf-8")
    (line,) = [x for x in text.splitlines() if x.startswith("MimeType=")]
    types = set(line.removeprefix("MimeType=").strip(";").split(";"))
    assert types == {
        "text/plain",
        "text/html",
        "text/markdown",
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }


def test_settings_stay_inside_quotecheck_home(home, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from quotecheck_ui.settings import Settings, default_qsettings

    qsettings = default_qsettings()
    assert qsettings.format() == QSettings.Format.IniFormat
    assert qsettings.fileName() == str(home / "gui-settings.ini")
    settings = Settings()
    settings.last_db = str(tmp_path / "work.db")
    settings.sync()
    assert "work.db" in (home / "gui-settings.ini").read_text(encoding="utf-8")


def test_the_app_keeps_its_settings_in_quotecheck_home(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`run()` with QUOTECHECK_HOME set (a throw-away home) writes the last database and the
    window layout into an INI file there, never into the user's ~/.config/QuoteCheck."""
    import os
    import subprocess

    home, fake_user = tmp_path / "home", tmp_path / "user"
    fake_user.mkdir()
    script = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from quotecheck_ui import app\n"
        "make = app.make_app\n"
        "def quitting(argv=None):\n"
        "    qapp = make(argv)\n"
        "    QTimer.singleShot(300, qapp.quit)\n"
        "    return qapp\n"
        "app.make_app = quitting\n"
        "sys.exit(app.run(None, [sys.argv[0], '-platform', 'offscreen']))\n"
    )
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k != "QT_QPA_PLATFORM"
    }
    env |= {"QUOTECHECK_HOME": str(home), "HOME": str(fake_user)}
    proc = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    ini = (home / "gui-settings.ini").read_text(encoding="utf-8")
    assert str(home / "quotes.db") in ini  # the last database and the recent list
    assert not (fake_user / ".config" / "QuoteCheck").exists()
    assert not list(fake_user.rglob("QuoteCheck.conf"))
