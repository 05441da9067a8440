"""The core never imports Qt or the UI: checked in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import quotecheck


def core_modules() -> list[str]:
    names = ["quotecheck"]
    for info in pkgutil.walk_packages(quotecheck.__path__, "quotecheck."):
        if info.name != "quotecheck.cli":  # cli imports the UI lazily, for `gui` only
            names.append(info.name)
    return names


def test_core_modules_do_not_import_qt_or_ui() -> None:
    modules = core_modules()
    assert "quotecheck.store" in modules and "quotecheck.extract" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'quotecheck_ui', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "", f"core imported: {proc.stdout.strip()}"


def test_cli_without_gui_command_does_not_import_qt() -> None:
    code = (
        "import sys\nfrom quotecheck.cli import build_parser\nbuild_parser()\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "False"
