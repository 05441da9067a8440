"""Extraction engine: article text -> attributed statements (placeholder until the engine lands).

This stopgap finds only text between double quotation marks and attributes nothing; it is
named and documented as such and is replaced by the rule-based engine.
"""

from __future__ import annotations

import re

from quotecheck.model import Attribution

_QUOTED = re.compile(r"[\"“„]([^\"“”„\n]{3,}?)[\"”“]")


def extract(text: str) -> list[Attribution]:
    """Minimal quotation-mark extractor: every span between double quotes, no speaker."""
    return [
        Attribution(start=m.start(1), end=m.end(1), text=m.group(1), kind="direct", confidence=0.3)
        for m in _QUOTED.finditer(text)
    ]
