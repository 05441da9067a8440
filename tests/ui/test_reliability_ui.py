"""The window's side of reliability: backups, read-only databases, big files off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from quotecheck.store import Store


def test_back_up_database_from_the_window(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = window.model.quote_id(0)
    window.ctx.perform("verify", lambda s: s.set_status([first], "verified"))
    target = tmp_path / "copy.db"
    with qtbot.waitSignal(window.backupFinished, timeout=20000) as blocker:
        window.start_backup(str(target))
    assert blocker.args == [str(target)]
    with Store(target) as copy:
        assert copy.integrity_ok()
        assert copy.quote(first)["status"] == "verified"
        assert copy.count_quotes() == window.ctx.store.count_quotes()


def test_backup_to_a_missing_folder_says_why(window, qtbot, tmp_path, errors) -> None:  # type: ignore[no-untyped-def]
    window.start_backup(str(tmp_path / "missing" / "copy.db"))
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert "does not exist" in errors[0]


def test_read_only_database_opens_with_a_notice(
    qtbot, db_path, settings, errors, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import quotecheck.store as store_module
    from quotecheck_ui.context import AppContext
    from quotecheck_ui.mainwindow import MainWindow

    # chmod does not stop root (CI may run as root), so the unwritable file is simulated
    monkeypatch.setattr(store_module.os, "access", lambda p, mode: Path(p) != Path(db_path))
    ctx = AppContext(Store(db_path), settings)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.model.busy and win.model.rowCount() > 0)
    assert "read-only" in win.windowTitle()
    assert "read-only" in win.statusBar().currentMessage()
    win.table.selectRow(0)
    assert not win.review_actions["verified"].isEnabled()
    assert not win.act_import.isEnabled()
    win.close()
    ctx.close()


def test_huge_file_is_refused_by_the_worker_while_the_window_stays_live(
    window, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    good = tmp_path / "good.txt"
    good.write_text('Short news\nThe mayor said "the bridge opens in May".\n', encoding="utf-8")
    window.search.setText("bridge")
    with qtbot.waitSignal(window.importFinished, timeout=30000) as blocker:
        window.start_import([str(huge), str(good)])
        assert window.importing  # start_import returned while the worker reads the files
        # the GUI thread keeps serving the user meanwhile: the search runs and is shown
        qtbot.waitUntil(lambda: window.model.query.text == "bridge" and not window.model.busy)
    report = blocker.args[0]
    assert report.added == 1
    assert "huge.txt" in report.refused[0].reason and "MB limit" in report.refused[0].reason
    # the imported quote appears under the search that was typed during the import
    qtbot.waitUntil(lambda: window.model.rowCount() == 1 and not window.model.busy)
    assert "bridge" in window.model.index(0, 0).data()
