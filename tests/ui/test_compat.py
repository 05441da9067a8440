"""The guard against the binding's reference leak on None/True/False (see ui/_compat.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap


def test_many_binding_calls_do_not_abort_the_process() -> None:
    # In a child process: without the guard, PySide6 6.12.0 on CPython 3.11 aborts here.
    code = textwrap.dedent(
        """
        import sys
        import quotecheck_ui  # applies the guard when the leak is detected
        from PySide6.QtCore import QObject, Signal
        from PySide6.QtWidgets import QApplication, QLineEdit

        class O(QObject):
            s = Signal(object)

        app = QApplication([])
        edit, o = QLineEdit(), O()
        for i in range(30000):
            edit.setText("x")
            o.s.emit(i)
            app.processEvents()
        print("ok")
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "ok"


def test_the_probe_runs() -> None:
    from quotecheck_ui._compat import binding_leaks_singletons

    assert binding_leaks_singletons() in (True, False)
