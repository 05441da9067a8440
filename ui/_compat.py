"""Workarounds for bugs in the Qt binding, each detected at run time rather than assumed.

PySide6 6.12.0 on CPython 3.10/3.11 drops one reference to `None` on every call of a method
that returns nothing (`setText`, `processEvents`, ...) and one to `True`/`False` on every call
returning a bool (`Signal.emit`). Those objects are immortal from CPython 3.12 on, so the bug
only shows on older interpreters, where the process aborts with "Fatal Python error:
none_dealloc: deallocating None" after a few thousand calls (6.11.3 is not affected; measured
in this repository). When the leak is detected, the guard gives the three singletons a
reference count so large that no session can exhaust it, which is what 3.12+ does for them.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

HEADROOM = 1 << 50  # ~1e15 references: ages at millions of leaked references per second
_applied = False


def binding_leaks_singletons() -> bool:
    from PySide6.QtCore import QObject

    probe = QObject()
    none_before = sys.getrefcount(None)
    for _ in range(20):
        probe.setObjectName("probe")  # returns None
    return sys.getrefcount(None) < none_before


def guard_singleton_refcounts() -> bool:
    """Apply the guard if this interpreter + binding needs it; True if it was applied."""
    global _applied
    if _applied:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not binding_leaks_singletons():
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(obj)).value += HEADROOM
    _applied = True
    import PySide6

    log.warning(
        "PySide6 %s leaks references to None/True/False on Python %s; guard applied "
        "(use PySide6 < 6.12 or Python >= 3.12 to avoid it)",
        getattr(PySide6, "__version__", "?"),
        sys.version.split()[0],
    )
    return True
