"""Register the app with the Linux desktop: a menu entry and its icon (XDG locations).

`pip install` puts `quotecheck.desktop` and the icon inside the package, where no desktop
looks. `install()` copies them to `$XDG_DATA_HOME` (default `~/.local/share`):
`applications/quotecheck.desktop`, with `Exec` pointing at this installation's
`quotecheck-gui` (a virtual environment is usually not on the menu's PATH), and
`icons/hicolor/scalable/apps/quotecheck.svg`, the icon theme's place for it. No Qt here.
"""

from __future__ import annotations

import os
import shutil
import sys
from importlib import resources
from pathlib import Path

from quotecheck import QuoteCheckError
from quotecheck.export import write_atomically

DESKTOP_FILE = "quotecheck.desktop"
ICON_FILE = "quotecheck.svg"


def data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "")
    # the spec: a relative or empty value is invalid and means the default
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def targets(base: Path | None = None) -> tuple[Path, Path]:
    """Where the menu entry and the icon go."""
    base = data_home() if base is None else base
    return (
        base / "applications" / DESKTOP_FILE,
        base / "icons" / "hicolor" / "scalable" / "apps" / ICON_FILE,
    )


def gui_command() -> str:
    """The absolute path of this installation's `quotecheck-gui` launcher."""
    beside = Path(sys.executable).with_name("quotecheck-gui")
    if beside.is_file():
        return str(beside)
    found = shutil.which("quotecheck-gui")
    if found is None:
        raise QuoteCheckError(
            "the quotecheck-gui launcher is not installed (pip install the project first)"
        )
    return str(Path(found).resolve())


def desktop_entry(command: str) -> str:
    """The packaged entry with `Exec`/`TryExec` set to `command` (quoted per the spec)."""
    text = resources.files("quotecheck_ui.resources").joinpath(DESKTOP_FILE).read_text("utf-8")
    quoted = command if " " not in command else '"' + command.replace('"', '\\"') + '"'
    lines = []
    for line in text.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={quoted} %F"
        elif line.startswith("TryExec="):
            line = f"TryExec={command}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(base: Path | None = None, command: str | None = None) -> list[Path]:
    """Write the menu entry and the icon (atomically); returns the files written."""
    entry, icon = targets(base)
    svg = resources.files("quotecheck_ui.resources").joinpath(ICON_FILE).read_bytes()
    try:
        for path in (entry, icon):
            path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(entry, desktop_entry(command or gui_command()))
        write_atomically(icon, svg)
    except OSError as exc:
        raise QuoteCheckError(f"cannot write the desktop entry: {exc}") from exc
    return [entry, icon]


def uninstall(base: Path | None = None) -> list[Path]:
    """Remove what `install()` wrote; returns the files removed."""
    removed = []
    for path in targets(base):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise QuoteCheckError(f"cannot remove {path}: {exc}") from exc
        removed.append(path)
    return removed
