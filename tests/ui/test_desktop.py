"""`quotecheck install-desktop`: the menu entry and icon land where an XDG desktop looks."""

from __future__ import annotations

import shutil
import subprocess
from importlib import resources

import pytest

from quotecheck.cli import main
from quotecheck_ui import desktop


@pytest.fixture
def data_home(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    return tmp_path / "share"


def test_install_writes_entry_and_icon_then_uninstall_removes_them(data_home, capsys) -> None:  # type: ignore[no-untyped-def]
    entry = data_home / "applications" / "quotecheck.desktop"
    icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / "quotecheck.svg"
    assert main(["install-desktop"]) == 0
    text = entry.read_text("utf-8")
    command = desktop.gui_command()
    assert f"Exec={command} %F" in text and f"TryExec={command}" in text
    assert "Icon=quotecheck" in text
    packaged = resources.files("quotecheck_ui.resources").joinpath("quotecheck.svg").read_bytes()
    assert icon.read_bytes() == packaged
    assert main(["install-desktop"]) == 0  # again: same files, no error
    assert main(["install-desktop", "--uninstall"]) == 0
    assert not entry.exists() and not icon.exists()
    assert main(["install-desktop", "--uninstall"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils absent"
)
def test_entry_is_valid_for_desktop_file_validate(data_home) -> None:  # type: ignore[no-untyped-def]
    entry, _icon = desktop.install(command="/opt/Quote Check/bin/quotecheck-gui")
    run = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert run.returncode == 0 and not run.stdout.strip(), run.stdout
    assert 'Exec="/opt/Quote Check/bin/quotecheck-gui" %F' in entry.read_text("utf-8")


def test_relative_xdg_data_home_means_the_default(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_DATA_HOME", "relative/dir")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert desktop.data_home() == tmp_path / ".local" / "share"


def test_unwritable_place_is_a_clear_error(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "share"
    blocker.write_text("a file where a folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["install-desktop"]) == 1
    assert "cannot write the desktop entry" in capsys.readouterr().err
