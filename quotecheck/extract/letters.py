"""Letter classes for name patterns: ``[A-Z]`` and ``[a-z]`` miss "Salmón", "Émile", "Núñez".

Python's ``re`` has no ``\\p{Lu}``; the classes below list the upper- and lower-case letters of
Latin-1, Latin Extended-A/B and Additional, Greek and Cyrillic (as ranges, built once).
``unicode_letters(pattern)`` widens a pattern's classes opening with ``[A-Z`` or ``[a-z`` to them.
"""

from __future__ import annotations

__all__ = ["LOWER", "UPPER", "unicode_letters"]

_BLOCKS = ((0xC0, 0x250), (0x370, 0x530), (0x1E00, 0x1F00))


def _ranges(test: str) -> str:
    chars = [chr(c) for lo, hi in _BLOCKS for c in range(lo, hi) if getattr(chr(c), test)()]
    out: list[str] = []
    run_start = prev = chars[0]
    for ch in [*chars[1:], ""]:
        if ch and ord(ch) == ord(prev) + 1:
            prev = ch
            continue
        out.append(run_start if run_start == prev else f"{run_start}-{prev}")
        run_start = prev = ch
    return "".join(out)


UPPER = "A-Z" + _ranges("isupper")
LOWER = "a-z" + _ranges("islower")


def unicode_letters(pattern: str) -> str:
    """``pattern`` with its classes opening with ``[A-Z`` or ``[a-z`` made Unicode-aware."""
    return pattern.replace("[A-Z", f"[{UPPER}").replace("[a-z", f"[{LOWER}")
