"""The quote list's queries, in SQL on the store's connection (Qt-free, so workers can use it).

The store answers "which quotes match" for the CLI; the window needs a few things more:
search-as-you-type (the last word is a prefix of quote text: `kish` finds "Kishida said";
speakers and sources are found by whole words, as the store finds them), the ordered ids of a
whole result set in one cheap query (the table pages its rows by id), and facet counts where
each group ignores its own selection (picking one speaker still lists the others).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from quotecheck.store import SORT_COLUMNS, Store, search_clause
from quotecheck.text import normalize

FACET_GROUPS = ("speaker", "source", "status", "kind")
PREFIX_MIN = 3  # the word being typed matches as a prefix from this many characters
FACET_LIMIT = 200  # speakers/sources listed per group (the rest are reachable by search)
MISSING = 0  # as a speaker_id/source_id filter: quotes with no speaker/source (ids start at 1)


@dataclass(frozen=True, slots=True)
class Query:
    """What the table shows: search text, one value per facet group, sort key and direction."""

    text: str = ""
    speaker_id: int | None = None
    source_id: int | None = None
    status: str | None = None
    kind: str | None = None
    sort: str = "id"
    descending: bool = False

    def facet_value(self, group: str) -> Any:
        return getattr(self, _FACET_FIELD[group])

    def with_facet(self, group: str, value: Any) -> Query:
        return dataclasses.replace(self, **{_FACET_FIELD[group]: value})

    @property
    def filtered(self) -> bool:
        return bool(self.text.strip()) or any(self.facet_value(g) is not None for g in FACET_GROUPS)


_FACET_FIELD = {
    "speaker": "speaker_id",
    "source": "source_id",
    "status": "status",
    "kind": "kind",
}


def typed_terms(text: str) -> tuple[list[str], bool]:
    """The words of the search box that filter, and whether the last one is still being
    typed (it then matches quote text as a prefix)."""
    terms = normalize(text).split()
    typing = bool(terms) and not text[-1].isspace() and text[-1:].isalnum()
    if typing and len(terms[-1]) < PREFIX_MIN:
        # One or two letters being typed: not a useful filter yet (as a prefix it would match
        # much of a large database; as a word it would empty the table for a keystroke).
        return terms[:-1], False
    return terms, typing


def fts_prefix_query(text: str) -> str:
    """An FTS5 expression: every word a quoted phrase (user text is never FTS syntax); the
    last word also matches as a prefix while it is being typed."""
    terms, typing = typed_terms(text)
    if not terms:
        return ""
    quoted = ['"' + t.replace('"', '""') + '"' for t in terms]
    if typing:
        quoted[-1] += "*"
    return " ".join(quoted)


def where(query: Query, *, skip: str | None = None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for group in FACET_GROUPS:
        value = query.facet_value(group)
        if group == skip or value is None:
            continue
        if group in ("speaker", "source") and value == MISSING:
            clauses.append(f"q.{_FACET_FIELD[group]} IS NULL")
            continue
        clauses.append(f"q.{_FACET_FIELD[group]} = ?")
        params.append(value)
    match = fts_prefix_query(query.text)
    if match:
        # speakers and sources by the same words, whole: "Kishida" lists his quotes too
        searched, search_params = search_clause(match, " ".join(typed_terms(query.text)[0]))
        clauses.append(searched)
        params += search_params
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def live_where(store: Store, query: Query, *, skip: str | None = None) -> tuple[str, list[Any]]:
    """`where`, keeping only the quotes of live articles (none of a deleted one)."""
    clause, params = where(query, skip=skip)
    live = store.live_quotes_clause()
    if live:
        clause = f"{clause} AND {live}" if clause else f" WHERE {live}"
    return clause, params


_SORT_JOINS = {
    "speaker": " LEFT JOIN speakers sp ON sp.id = q.speaker_id",
    "source": " LEFT JOIN sources so ON so.id = q.source_id",
    "article": " LEFT JOIN articles a ON a.id = q.article_id",
    "date": " LEFT JOIN articles a ON a.id = q.article_id",
}


def quote_ids(store: Store, query: Query, limit: int | None = None) -> list[int]:
    """The ids of the matching quotes in display order (one column, no row building)."""
    clause, params = live_where(store, query)
    order = SORT_COLUMNS.get(query.sort, "q.id")
    direction = "DESC" if query.descending else "ASC"
    joins = _SORT_JOINS.get(query.sort, "")
    sql = f"SELECT q.id FROM quotes q{joins}{clause} ORDER BY {order} {direction}"
    if query.sort != "id":
        sql += f", q.id {direction}"
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, limit]
    return [r[0] for r in store.db.execute(sql, params)]


def same_rows(a: Query, b: Query) -> bool:
    """Whether two queries select the same rows in the same order (e.g. "s" and "sa" while
    typing: neither filters yet), so the second needs no new query."""
    return (a.sort, a.descending) == (b.sort, b.descending) and where(a) == where(b)


def count(store: Store, query: Query | None = None) -> int:
    clause, params = live_where(store, query or Query())
    return int(store.db.execute(f"SELECT COUNT(*) FROM quotes q{clause}", params).fetchone()[0])


_FACET_SQL = {
    "speaker": "SELECT q.speaker_id, COALESCE(sp.name, '(no speaker)'), COUNT(*) FROM quotes q "
    "LEFT JOIN speakers sp ON sp.id = q.speaker_id{w} GROUP BY q.speaker_id "
    f"ORDER BY COUNT(*) DESC, 2 COLLATE NOCASE LIMIT {FACET_LIMIT}",
    "source": "SELECT q.source_id, COALESCE(so.name, '(no source)'), COUNT(*) FROM quotes q "
    "LEFT JOIN sources so ON so.id = q.source_id{w} GROUP BY q.source_id "
    f"ORDER BY COUNT(*) DESC, 2 COLLATE NOCASE LIMIT {FACET_LIMIT}",
    "status": "SELECT q.status, q.status, COUNT(*) FROM quotes q{w} GROUP BY q.status",
    "kind": "SELECT q.kind, q.kind, COUNT(*) FROM quotes q{w} GROUP BY q.kind ORDER BY 2",
}

STATUS_ORDER = ("unreviewed", "verified", "disputed", "rejected")


def facets(store: Store, query: Query) -> dict[str, list[tuple[Any, str, int]]]:
    """Counts per value of each facet group, under the query minus that group's own choice."""
    out: dict[str, list[tuple[Any, str, int]]] = {}
    for group in FACET_GROUPS:
        clause, params = live_where(store, query, skip=group)
        rows: list[tuple[Any, str, int]] = []
        for r in store.db.execute(_FACET_SQL[group].format(w=clause), params):
            value = MISSING if r[0] is None and group in ("speaker", "source") else r[0]
            rows.append((value, str(r[1]), int(r[2])))
        if group == "status":
            rank = {s: i for i, s in enumerate(STATUS_ORDER)}
            rows.sort(key=lambda r: rank.get(r[0], 99))
        out[group] = rows
    return out


def missing_facet_values(store: Store, query: Query) -> list[str]:
    """The groups ("speaker", "source") whose chosen value no longer exists in the store."""
    gone = []
    for group, table in (("speaker", "speakers"), ("source", "sources")):
        value = query.facet_value(group)
        if value is None or value == MISSING:
            continue
        if store.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [value]).fetchone() is None:
            gone.append(group)
    return gone


def speaker_names(store: Store) -> list[str]:
    """Canonical names and aliases, for completion in the detail pane."""
    rows = store.db.execute(
        "SELECT name FROM speakers UNION SELECT alias FROM speaker_aliases ORDER BY 1 COLLATE NOCASE"
    )
    return [r[0] for r in rows if r[0]]


def source_names(store: Store) -> list[str]:
    rows = store.db.execute(
        "SELECT name FROM sources UNION SELECT alias FROM source_aliases ORDER BY 1 COLLATE NOCASE"
    )
    return [r[0] for r in rows if r[0]]


def status_counts(store: Store) -> dict[str, int]:
    return {
        r[0]: int(r[1])
        for r in store.db.execute(
            f"SELECT status, COUNT(*) FROM quotes q{live_where(store, Query())[0]} GROUP BY status"
        )
    }
