"""Gazetteer of sources: news agencies, assemblies, legislatures and channel kinds.

The built-in list lives in ``gazetteer.json`` beside this module::

    {"version": 1, "sources": [{"name": "KCNA", "kind": "news agency",
                                "aliases": ["Korean Central News Agency", ...]}, ...]}

Users extend it with their own file of the same format (``load_gazetteer(path)``); their
entries win over built-in ones with the same alias. ``resolve_source("in a KCNA report")``
returns ``("KCNA", "news agency")``: a named agency, assembly or legislature found in the
mention is preferred over a channel kind ("report", "speech", "statement").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = [
    "Gazetteer",
    "SourceEntry",
    "load_gazetteer",
    "default_gazetteer",
    "resolve_source",
    "set_default_gazetteer",
]

CHANNEL_KINDS = frozenset(
    {"press conference", "interview", "statement", "social-media post", "speech", "report"}
)


@dataclass(frozen=True, slots=True)
class SourceEntry:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()

    @property
    def is_channel(self) -> bool:
        return self.kind in CHANNEL_KINDS


def normalise(mention: str) -> str:
    """Lower case, straight apostrophes, hyphens as spaces, no leading article."""
    x = mention.replace("’", "'").replace("‘", "'").lower()
    x = re.sub(r"[-‐–—]", " ", x)
    x = re.sub(r"[^\w' .]", " ", x)
    x = re.sub(r"\.(?=\s|$)", " ", x)
    x = " ".join(x.split())
    for article in ("the ", "a ", "an "):
        if x.startswith(article):
            x = x[len(article) :]
            break
    return x


class Gazetteer:
    """Alias index over source entries, with a scanner for mentions in running text."""

    def __init__(self, entries: list[SourceEntry]) -> None:
        self.entries = entries
        self._index: dict[str, SourceEntry] = {}
        for entry in entries:
            for alias in (entry.name, *entry.aliases):
                self._index[normalise(alias)] = entry
        # Text scanner: capitalised aliases match case-sensitively, others case-insensitively.
        cased: set[str] = set()
        uncased: set[str] = set()
        for entry in entries:
            for alias in (entry.name, *entry.aliases):
                a = alias.strip()
                if a.lower().startswith("the "):
                    a = a[4:]
                if not a:
                    continue
                (cased if a[0].isupper() else uncased).add(a)
        self._cased_re = _alias_regex(cased, 0)
        self._uncased_re = _alias_regex(uncased, re.IGNORECASE)

    def lookup(self, alias: str) -> SourceEntry | None:
        return self._index.get(normalise(alias))

    def resolve(self, mention: str) -> tuple[str, str] | None:
        """Canonical name and kind of the source named in ``mention``, or None."""
        entry = self.lookup(mention)
        if entry is not None:
            return entry.name, entry.kind
        found = self.scan(mention, 0, len(mention))
        if not found:
            return None
        named = [f for f in found if not f[2].is_channel]
        best = max(named or found, key=lambda f: f[1] - f[0])
        return best[2].name, best[2].kind

    def scan(self, text: str, start: int, end: int) -> list[tuple[int, int, SourceEntry]]:
        """Mentions of gazetteer aliases in ``text[start:end]``, as (start, end, entry)."""
        out: list[tuple[int, int, SourceEntry]] = []
        for rx in (self._cased_re, self._uncased_re):
            if rx is None:
                continue
            for m in rx.finditer(text, start, end):
                entry = self.lookup(m.group())
                if entry is not None and not _inside_longer_name(text, m.start(), m.group()):
                    out.append((m.start(), m.end(), entry))
        out.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        kept: list[tuple[int, int, SourceEntry]] = []
        last = -1
        for f in out:
            if f[0] >= last:
                kept.append(f)
                last = f[1]
        return kept


def _inside_longer_name(text: str, start: int, alias: str) -> bool:
    """ "House" in "the White House", "Senate" in "Iowa Senate": a one-word capitalised alias
    after another capitalised word is part of a longer name, not the alias."""
    if " " in alias or not alias[:1].isupper():
        return False
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m.group(1).lower() not in _NAME_LEADS


# a capitalised word just before, on the same line, with no punctuation after it
_WORD_BEFORE = re.compile(r"(?<![\w’'.-])([A-Z][\w’'.-]*[\w’'])[ \t]$")
# capitalised words before a one-word alias that do not make it another name
_NAME_LEADS = frozenset("the a an in at on to from by of for and told said says before".split())


def _alias_regex(aliases: set[str], flags: int) -> re.Pattern[str] | None:
    if not aliases:
        return None
    parts = []
    for a in sorted(aliases, key=len, reverse=True):
        esc = re.escape(a)
        esc = esc.replace(r"\ ", r"[\s-]+").replace("'", "['’]").replace("’", "['’]")
        parts.append(esc)
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", flags)


def _entries_from_json(data: Any, origin: str) -> list[SourceEntry]:
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise ValueError(f"{origin}: expected an object with a 'sources' list")
    entries: list[SourceEntry] = []
    for i, item in enumerate(data["sources"]):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise ValueError(f"{origin}: source #{i} needs a 'name' string")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ValueError(f"{origin}: source {item['name']!r}: 'aliases' must be strings")
        kind = item.get("kind", "source")
        entries.append(SourceEntry(item["name"], str(kind), tuple(aliases)))
    return entries


@lru_cache(maxsize=1)
def _builtin_entries() -> tuple[SourceEntry, ...]:
    raw = resources.files("quotecheck.extract").joinpath("gazetteer.json").read_text("utf-8")
    return tuple(_entries_from_json(json.loads(raw), "gazetteer.json"))


def load_gazetteer(extra_path: Path | None = None) -> Gazetteer:
    """The built-in gazetteer, extended (and overridden) by a user JSON file if given."""
    entries = list(_builtin_entries())
    if extra_path is not None:
        data = json.loads(Path(extra_path).read_text(encoding="utf-8"))
        entries.extend(_entries_from_json(data, str(extra_path)))
    return Gazetteer(entries)


_DEFAULT: Gazetteer | None = None


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer used by ``extract`` and ``resolve_source``."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_gazetteer()
    return _DEFAULT


def set_default_gazetteer(gazetteer: Gazetteer | None) -> None:
    """Install a gazetteer (e.g. one with user entries) as the default; None resets it."""
    global _DEFAULT
    _DEFAULT = gazetteer


def resolve_source(mention: str) -> tuple[str, str] | None:
    """``(canonical name, kind)`` of the source named in ``mention``, or None.

    >>> resolve_source("the Japanese Parliament")
    ('the Diet', 'legislature')
    """
    return default_gazetteer().resolve(mention)
