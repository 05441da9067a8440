"""Extraction engine: article text -> attributed statements (rule-based, pure Python).

(Rules documented below once stable.)
"""

from __future__ import annotations

from quotecheck.extract.engine import extract
from quotecheck.extract.gazetteer import load_gazetteer, resolve_source

__all__ = ["extract", "load_gazetteer", "resolve_source"]
