"""The SQLite store: articles, speakers, sources, quotes, checks and the review history.

Built on sqlite-utils. One `Store` per thread (each opens its own connection). Every write
that touches more than one row runs inside `db.atomic()`, so a crash or an exception leaves
either all of it or none of it. Review actions are recorded in `history` with their before
and after values, and can be undone and redone through `undo()` / `redo()`.

Schema (documented so the file opens in the sqlite-utils CLI or Datasette):

- articles(id, title, publisher, url, published, text, sha256 UNIQUE, origin, path, imported_at,
           deleted_at)
- speakers(id, name, name_key UNIQUE, role, organisation, created_at)
- speaker_aliases(speaker_id, alias, alias_key)            (speaker_id, alias_key) unique
- sources(id, name, name_key UNIQUE, kind, created_at)
- source_aliases(source_id, alias, alias_key)
- quotes(id, article_id, start, end, text, norm_text, kind, speaker_id, speaker_mention,
         speaker_start, speaker_end, cue, cue_start, cue_end, source_id, source_mention,
         said_on, status, note, confidence, ref, url, context, edited,
         created_at, updated_at, reviewed_at)
  quotes_fts: FTS5 over quotes.text, kept in sync by triggers; it indexes the quotes of live
  articles only (see below)
- checks(id, claim, claimed_speaker, claimed_words, claimed_source, verdict, explanation,
         flags, matches, diff, checked_at)                                   (JSON in TEXT columns)
- history(id, at, actor, action, summary, changes, undone_at, superseded)  (changes: JSON;
  superseded: undone before a later action, so out of the redo chain)

A deleted article is kept, marked with `deleted_at`, so its deletion is an undoable history
entry ("delete_articles") and nothing a person reviewed is lost. It and its quotes are hidden
from every list, count, facet, search and export (`live_quotes_clause`), and its quotes leave
the full-text index (so a claim check, which starts from `quotes_fts`, never finds them); the
undo puts them back into it. A quote of a deleted article can not be reviewed or edited, and
no history entry over it is replayed, until the deletion is undone.

An edit that names a speaker or source not in the store creates it; its history entry keeps a
snapshot of the new row and its aliases under `changes["new_speaker"]` / `changes["new_source"]`
(a source named by a gazetteer alias is created under its canonical name, kind and aliases: the
snapshot holds all of them, so a redo recreates it the same whatever the gazetteer says by
then). Undoing the edit removes the row again if nothing else refers to it by then (an
unchanged row, no quote, no alias beyond those it was created with, no other history entry:
`_history_refs`), and marks the snapshot `removed`; a redo then finds a speaker or source of
that name or recreates this one (with its old id while that is free) and writes the id it used
back into the entry, so undo and redo keep checking against what is really stored. Entries
without snapshots (older databases) undo and redo as before, leaving such rows in place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlite_utils.migrations import Migrations

from quotecheck import QuoteCheckError
from quotecheck.dates import resolve_said_on
from quotecheck.extract.gazetteer import default_gazetteer
from quotecheck.model import STATUSES, ArticleMeta, Attribution
from quotecheck.text import name_key, normalize, search_terms

log = logging.getLogger(__name__)

SCHEMA_VERSION = 5  # PRAGMA user_version written by the newest migration
BATCH_SIZE = 5000
# How long a write waits for another instance's transaction (a 1M-row collection import holds
# the lock for ~20-30 s on a slow machine) before giving up with "database is locked".
BUSY_TIMEOUT_MS = 60_000
PRONOUNS = frozenset(
    "he she they it we i you him her them his hers their its this that who".split()
)

migrations = Migrations("quotecheck")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    db.table("articles").create(
        {
            "id": int,
            "title": str,
            "publisher": str,
            "url": str,
            "published": str,
            "text": str,
            "sha256": str,
            "origin": str,
            "path": str,
            "imported_at": str,
        },
        pk="id",
    )
    db.table("articles").create_index(["sha256"], unique=True)
    db.table("speakers").create(
        {
            "id": int,
            "name": str,
            "name_key": str,
            "role": str,
            "organisation": str,
            "created_at": str,
        },
        pk="id",
    )
    db.table("speakers").create_index(["name_key"], unique=True)
    db.table("speaker_aliases").create(
        {"speaker_id": int, "alias": str, "alias_key": str},
        foreign_keys=[("speaker_id", "speakers", "id")],
    )
    db.table("speaker_aliases").create_index(["speaker_id", "alias_key"], unique=True)
    db.table("speaker_aliases").create_index(["alias_key"])
    db.table("sources").create(
        {"id": int, "name": str, "name_key": str, "kind": str, "created_at": str}, pk="id"
    )
    db.table("sources").create_index(["name_key"], unique=True)
    db.table("source_aliases").create(
        {"source_id": int, "alias": str, "alias_key": str},
        foreign_keys=[("source_id", "sources", "id")],
    )
    db.table("source_aliases").create_index(["source_id", "alias_key"], unique=True)
    db.table("source_aliases").create_index(["alias_key"])
    # AUTOINCREMENT: a deleted quote's id is never given to a new quote, so history entries,
    # saved checks and exported sheets can never come to point at a different quote.
    db.execute(
        """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id INTEGER REFERENCES articles(id),
            start INTEGER,
            "end" INTEGER,
            text TEXT NOT NULL,
            norm_text TEXT,
            kind TEXT,
            speaker_id INTEGER REFERENCES speakers(id),
            speaker_mention TEXT,
            speaker_start INTEGER,
            speaker_end INTEGER,
            cue TEXT,
            cue_start INTEGER,
            cue_end INTEGER,
            source_id INTEGER REFERENCES sources(id),
            source_mention TEXT,
            said_on TEXT,
            status TEXT NOT NULL DEFAULT 'unreviewed',
            note TEXT,
            confidence FLOAT,
            ref TEXT,
            url TEXT,
            context TEXT,
            record_key TEXT,
            edited INTEGER NOT NULL DEFAULT 0,
            created_at TEXT,
            updated_at TEXT,
            reviewed_at TEXT
        )
        """
    )
    # A collection row's identity (text, speaker, source, date, ref): importing a file twice
    # adds nothing the second time.
    db.execute(
        "CREATE UNIQUE INDEX idx_quotes_record_key ON quotes(record_key) "
        "WHERE record_key IS NOT NULL"
    )
    for column in ("article_id", "speaker_id", "source_id", "status", "kind", "ref"):
        db.table("quotes").create_index([column])
    db.table("quotes").enable_fts(
        ["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )
    db.table("checks").create(
        {
            "id": int,
            "claim": str,
            "claimed_speaker": str,
            "claimed_words": str,
            "claimed_source": str,
            "verdict": str,
            "flags": str,
            "matches": str,
            "diff": str,
            "checked_at": str,
        },
        pk="id",
    )
    db.table("history").create(
        {
            "id": int,
            "at": str,
            "actor": str,
            "action": str,
            "summary": str,
            "changes": str,
            "undone_at": str,
        },
        pk="id",
    )
    db.execute("PRAGMA user_version = 1")


@migrations()
def m002_check_explanation(db: sqlite_utils.Database) -> None:
    db.table("checks").add_column("explanation", str)
    db.execute("PRAGMA user_version = 2")


def is_name_part(mention: str, name: str) -> bool:
    """Is `mention` the name or a run of its words ("Kishida" of "Fumio Kishida")?"""
    part, whole = name_key(mention).split(), name_key(name).split()
    return bool(part) and any(
        whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1)
    )


def _writable(file: Path) -> bool:
    """Can we write the database (and its WAL beside it)? A new file needs a writable folder."""
    if file.exists():
        return os.access(file, os.W_OK) and os.access(file.parent, os.W_OK)
    parent = next((p for p in file.parents if p.exists()), None)
    return parent is None or os.access(parent, os.W_OK)


@migrations()
def m003_fts_follows_text_only(db: sqlite_utils.Database) -> None:
    # The index needs updating only when the text changes; re-indexing on every review made
    # a review of 200,000 quotes take 16 s instead of 2.
    db.execute("DROP TRIGGER quotes_au")
    db.execute(
        """
        CREATE TRIGGER quotes_au AFTER UPDATE OF text ON quotes BEGIN
          INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
          INSERT INTO quotes_fts (rowid, text) VALUES (new.rowid, new.text);
        END
        """
    )
    db.execute("PRAGMA user_version = 3")


@migrations()
def m004_redo_chain(db: sqlite_utils.Database) -> None:
    db.table("history").add_column("superseded", int, not_null_default=0)
    # what was undone before the latest recorded action is not in the redo chain
    db.execute(
        "UPDATE history SET superseded = 1 WHERE undone_at IS NOT NULL AND id < "
        "(SELECT MAX(id) FROM history WHERE undone_at IS NULL)"
    )
    db.execute("PRAGMA user_version = 4")


@migrations()
def m005_deleted_articles(db: sqlite_utils.Database) -> None:
    db.table("articles").add_column("deleted_at", str)
    # a partial index: "is any article deleted?" is asked before most queries, and is free
    db.execute(
        "CREATE INDEX idx_articles_deleted ON articles(deleted_at) WHERE deleted_at IS NOT NULL"
    )
    db.execute("PRAGMA user_version = 5")


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some sandboxes; history still records the action
        return "unknown"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class _Created:
    """A row a quote edit can create (a speaker or a source), as its history snapshot keeps it."""

    key: str  # changes[key] of the edit's history entry holds the snapshot
    table: str
    aliases: str  # its alias table: (id_col, alias, alias_key)
    id_col: str  # quotes' and the alias table's column for its id; the snapshot's id key
    columns: tuple[str, ...]  # compared on undo: changed since, the row is not the edit's
    id_keys: tuple[str, ...]  # JSON keys under which a history entry may hold its id


_SPEAKER = _Created(
    "new_speaker",
    "speakers",
    "speaker_aliases",
    "speaker_id",
    ("name", "name_key", "role", "organisation"),
    ("speaker_id", "keep_id", "id"),  # "id", "keep_id": merge_speakers
)
_SOURCE = _Created(
    "new_source",
    "sources",
    "source_aliases",
    "source_id",
    ("name", "name_key", "kind"),
    ("source_id",),
)


SUMMARY_IDS = 5  # quote ids a history summary lists before "…"
LABEL_TITLE_CHARS = 70  # of an article's title in messages and history summaries


def quote_list(ids: Sequence[int]) -> str:
    """Quote ids for a history summary: "quote 4", "3 quotes (4, 5, 9)" (up to SUMMARY_IDS)."""
    if len(ids) == 1:
        return f"quote {ids[0]}"
    shown = ", ".join(str(i) for i in ids[:SUMMARY_IDS])
    return f"{len(ids):,} quotes ({shown}{', …' if len(ids) > SUMMARY_IDS else ''})"


def _history_refs(what: _Created, action: str, changes: dict[str, Any]) -> set[int]:
    """The ids of `what.table` a history entry needs to exist to be undone or redone as recorded."""
    if action == "merge_speakers":
        merged = {int(changes["keep_id"]), int(changes["speaker"]["id"])}
        return merged if what is _SPEAKER else set()
    if action == "update_speaker":
        return {int(changes["speaker_id"])} if what is _SPEAKER else set()
    refs = {
        int(state[what.id_col])
        for item in changes.get("quotes", ())
        for state in (item["before"], item["after"])
        if state.get(what.id_col) is not None
    }
    created = changes.get(what.key)
    if created:
        if created.get("removed"):
            # removed by the entry's own undo: its redo finds or recreates the row by name,
            # so the old id is no claim on whatever row holds it now
            refs.discard(int(created[what.id_col]))
        else:
            refs.add(int(created[what.id_col]))
    return refs


@dataclass(slots=True)
class ImportResult:
    article_id: int
    added: bool  # False: the same text was already in the store
    quotes_added: int  # new quotes (new ids)
    # re-extraction only: quotes a person touched (reviewed, annotated, edited), left as they
    # are; untouched quotes found again (same span and text), which keep their ids; and
    # untouched quotes not found again, deleted
    quotes_kept: int = 0
    quotes_same: int = 0
    quotes_dropped: int = 0


@dataclass(slots=True)
class QuoteFilter:
    """What the quote list shows: every field optional, all given ones must hold."""

    # the speakers whose name or an alias holds these words, whole, in any order and case
    speaker: str | None = None
    source: str | None = None
    status: str | None = None
    kind: str | None = None
    # quotes whose text has these words (full-text), or whose speaker or source has them, whole,
    # in its name or an alias
    text: str | None = None
    article_id: int | None = None
    speaker_id: int | None = None
    source_id: int | None = None


QUOTE_ROW_SQL = """
SELECT q.id, q.text, q.kind, q.status, q.note, q.start, q."end", q.confidence, q.ref, q.url,
       q.context, q.said_on, q.article_id, q.speaker_id, q.source_id,
       q.speaker_mention, q.speaker_start, q.speaker_end, q.cue, q.cue_start, q.cue_end,
       q.source_mention, q.edited, q.created_at, q.updated_at, q.reviewed_at,
       sp.name AS speaker, sp.role AS speaker_role, so.name AS source, so.kind AS source_kind,
       a.title AS article, a.published AS article_date, a.publisher AS publisher,
       a.url AS article_url
FROM quotes q
LEFT JOIN speakers sp ON sp.id = q.speaker_id
LEFT JOIN sources so ON so.id = q.source_id
LEFT JOIN articles a ON a.id = q.article_id
"""

# Columns the quote list may sort by, mapped to SQL (never interpolate user text).
SORT_COLUMNS = {
    "id": "q.id",
    "text": "q.text",
    "speaker": "sp.name",
    "source": "so.name",
    "kind": "q.kind",
    "status": "q.status",
    "article": "a.title",
    "date": "COALESCE(q.said_on, a.published)",
}

# The quotes of deleted articles, by id: a condition on `q.id` needs no row lookup, so a count
# or facet still runs on its covering index.
HIDDEN_QUOTE_IDS_SQL = (
    "SELECT hq.id FROM quotes hq JOIN articles ha ON ha.id = hq.article_id "
    "WHERE ha.deleted_at IS NOT NULL"
)


def _name_words_sql(name: str, what: _Created = _SPEAKER) -> tuple[str, list[str]]:
    """SQL selecting the ids of the speakers (or, with `_SOURCE`, the sources) whose name or one
    of whose aliases holds every word of `name` as a whole word, in any order and case
    ("Sunak", "rishi sunak" and "Sunak Rishi" all find Rishi Sunak), with its parameters. No
    words: none."""
    words = name_key(name).split()
    if not words:
        return "SELECT NULL WHERE 0", []
    # LIKE over the keys padded with spaces: " rishi sunak " LIKE "% sunak %". The keys are
    # lower case already; "_" and "%" in a word are matched as themselves.
    patterns = [
        "% " + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %"
        for w in dict.fromkeys(words)
    ]

    def holds(column: str) -> str:
        return " AND ".join(f"(' ' || {column} || ' ') LIKE ? ESCAPE '\\'" for _ in patterns)

    sql = (
        f"SELECT id FROM {what.table} WHERE {holds('name_key')} "
        f"UNION SELECT {what.id_col} FROM {what.aliases} WHERE {holds('alias_key')}"
    )
    return sql, patterns * 2


def search_clause(fts_match: str, names: str) -> tuple[str, list[Any]]:
    """A WHERE condition on `quotes q` for a search, with its parameters: the quotes whose
    text matches the FTS5 expression `fts_match`, and those whose speaker or source has every
    word of `names` in its name or an alias ("Kishida", "choe son hui", "KCNA").

    One id set, as the text search alone was: each part is an indexed lookup, and a facet
    beside it still narrows by its index (an OR of the three parts made SQLite scan the
    table under a status filter)."""
    speakers, speaker_params = _name_words_sql(names, _SPEAKER)
    sources, source_params = _name_words_sql(names, _SOURCE)
    sql = (
        "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? "
        f"UNION SELECT id FROM quotes WHERE speaker_id IN ({speakers}) "
        f"UNION SELECT id FROM quotes WHERE source_id IN ({sources}))"
    )
    return sql, [fts_match, *speaker_params, *source_params]


def fts_query(text: str) -> str:
    """A safe FTS5 MATCH expression: every word quoted as a phrase, combined with AND.

    User text is never passed through as FTS5 syntax, so `NEAR(`, `*` or a stray quote mark
    only ever means the characters themselves.
    """
    terms = search_terms(text)
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


class Store:
    """One connection to one QuoteCheck database."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.notice: str | None = None  # something the front-end should tell the user
        if not read_only and self.path != ":memory:" and not _writable(Path(self.path)):
            read_only = True
            self.notice = f"{self.path} is read-only: opened for reading, changes cannot be saved"
        self.read_only = read_only
        self.db = self._open(read_only)
        self._configure()
        if not read_only:
            self._migrate()
        elif self.path != ":memory:" and migrations.pending(self.db):
            self._upgrade_then_read()

    # -- opening -----------------------------------------------------------------------

    def _open(self, read_only: bool) -> sqlite_utils.Database:
        if self.path == ":memory:":
            return sqlite_utils.Database(memory=True)
        file = Path(self.path)
        if file.is_dir():
            raise QuoteCheckError(f"{file} is a folder, not a database file")
        if file.exists():
            with open(file, "rb") as fh:
                head = fh.read(16)
            if head and not head.startswith(b"SQLite format 3\x00"):
                raise QuoteCheckError(f"{file} is not a QuoteCheck database (not SQLite)")
        elif read_only:
            raise QuoteCheckError(f"{file} does not exist")
        else:
            file.parent.mkdir(parents=True, exist_ok=True)
        if read_only:
            uri = f"{file.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True)
            try:
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:
                # A WAL database in a folder we cannot write (a read-only share or medium):
                # SQLite cannot create its -shm file; read the file as it is.
                conn.close()
                conn = sqlite3.connect(uri + "&immutable=1", uri=True)
            return sqlite_utils.Database(conn)
        return sqlite_utils.Database(file)

    def _configure(self) -> None:
        conn = self.db.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            self.db.close()
            raise QuoteCheckError(
                f"{self.path} was written by a newer QuoteCheck (schema {version}, this "
                f"version reads up to {SCHEMA_VERSION}); it was left untouched"
            )
        foreign = set(self.db.table_names()) - {migrations.migrations_table}
        if foreign and not migrations.applied(self.db):
            self.db.close()
            raise QuoteCheckError(
                f"{self.path} is an SQLite database of another program "
                f"(tables: {', '.join(sorted(foreign)[:5])}); it was left untouched"
            )
        if not self.read_only and self.path != ":memory:":
            try:
                self.db.enable_wal()
            except sqlite3.OperationalError as exc:
                raise QuoteCheckError(f"cannot open {self.path} for writing: {exc}") from exc
            conn.execute("PRAGMA synchronous = NORMAL")

    def _migrate(self) -> None:
        pending = migrations.pending(self.db)
        if not pending:
            return
        if self.path != ":memory:" and self.db.table("articles").exists():
            self.backup(self.path + f".before-{pending[0].name}.bak")
        # Under the write lock, so two instances opening a new database at once do not both
        # migrate it: the second waits, then finds nothing pending.
        with self._write():
            migrations.apply(self.db)

    def _upgrade_then_read(self) -> None:
        """A database of an older QuoteCheck opened for reading: its queries need the new
        schema, so it is upgraded first (with a backup, as any upgrade), when it can be."""
        self.db.close()
        if self.notice is not None:  # the file itself is read-only
            raise QuoteCheckError(
                f"{self.path} was written by an older QuoteCheck and must be upgraded, which a "
                "read-only file cannot be; copy it to a folder you can write and open the copy"
            )
        Store(self.path).close()  # migrates
        self.db = self._open(True)
        self._configure()

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        """`db.atomic()` that takes the write lock up front (BEGIN IMMEDIATE).

        A deferred transaction that reads and then writes fails at once with "database is
        locked" when another process committed in between (busy_timeout cannot help it);
        taking the lock first makes a second instance wait its turn instead.
        """
        if self.read_only:
            raise QuoteCheckError(f"{self.path} is open read-only; changes cannot be saved")
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.rollback()
            raise
        self.db.execute("COMMIT")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def backup(self, target: str | Path) -> Path:
        """Copy the whole database to `target` with SQLite's online backup API."""
        target = Path(target)
        if self.path != ":memory:" and target.resolve() == Path(self.path).resolve():
            raise QuoteCheckError(f"cannot back up {target} onto itself; choose another file")
        if not target.parent.is_dir():
            raise QuoteCheckError(
                f"cannot back up to {target}: folder {target.parent} does not exist"
            )
        tmp = target.with_name(target.name + ".partial")
        tmp.unlink(missing_ok=True)
        dest = sqlite3.connect(tmp)
        try:
            self.db.conn.backup(dest)
        finally:
            dest.close()
        tmp.replace(target)  # atomic: a reader never sees a half-written backup
        return target

    @property
    def is_empty(self) -> bool:
        return self.db.table("articles").count == 0 and self.db.table("quotes").count == 0

    # -- speakers and sources ----------------------------------------------------------

    def speaker_id(self, name: str, *, role: str | None = None, create: bool = True) -> int | None:
        """The id of the speaker called `name` (canonical name or a unique alias)."""
        key = name_key(name)
        if not key:
            return None
        row = self.db.execute("SELECT id FROM speakers WHERE name_key = ?", [key]).fetchone()
        if row:
            if role and create:
                with self._write():
                    self.db.execute(
                        "UPDATE speakers SET role = ? WHERE id = ? AND role IS NULL",
                        [role, row[0]],
                    )
            return int(row[0])
        ids = [
            r[0]
            for r in self.db.execute(
                "SELECT DISTINCT speaker_id FROM speaker_aliases WHERE alias_key = ?", [key]
            )
        ]
        if len(ids) == 1:
            return int(ids[0])
        if not create:
            return None
        with self._write():  # its own transaction when called on its own, else a savepoint
            cur = self.db.execute(
                "INSERT INTO speakers (name, name_key, role, created_at) VALUES (?, ?, ?, ?)",
                [name.strip(), key, role, now()],
            )
            speaker_id = int(cur.lastrowid or 0)
            self.add_speaker_alias(speaker_id, name)
        return speaker_id

    def add_speaker_alias(self, speaker_id: int, alias: str) -> None:
        key = name_key(alias)
        if key and key not in PRONOUNS:
            self.db.execute(
                "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, alias_key) "
                "VALUES (?, ?, ?)",
                [speaker_id, alias.strip(), key],
            )

    def source_id(self, name: str, *, kind: str | None = None, create: bool = True) -> int | None:
        key = name_key(name)
        if not key:
            return None
        row = self.db.execute("SELECT id FROM sources WHERE name_key = ?", [key]).fetchone()
        if row:
            return int(row[0])
        alias = self.db.execute(
            "SELECT source_id FROM source_aliases WHERE alias_key = ?", [key]
        ).fetchone()
        if alias:
            return int(alias[0])
        entry = default_gazetteer().lookup(name)
        if entry is not None and name_key(entry.name) != key:
            # "the Japanese Parliament" is the Diet: one source under its canonical name
            return self.source_id(entry.name, kind=kind or entry.kind, create=create)
        if not create:
            return None
        with self._write():
            cur = self.db.execute(
                "INSERT INTO sources (name, name_key, kind, created_at) VALUES (?, ?, ?, ?)",
                [name.strip(), key, kind or (entry.kind if entry else None), now()],
            )
            source_id = int(cur.lastrowid or 0)
            for known in (name, *(entry.aliases if entry else ())):
                self.add_source_alias(source_id, known)
        return source_id

    def add_source_alias(self, source_id: int, alias: str) -> None:
        key = name_key(alias)
        if key:
            self.db.execute(
                "INSERT OR IGNORE INTO source_aliases (source_id, alias, alias_key) "
                "VALUES (?, ?, ?)",
                [source_id, alias.strip(), key],
            )

    def speakers(self) -> list[dict[str, Any]]:
        """Every speaker with role, aliases and number of quotes (of live articles), by name."""
        rows = self.db.execute(
            "SELECT s.id, s.name, s.role, s.organisation, "
            f"(SELECT COUNT(*) FROM quotes q WHERE q.speaker_id = s.id{self._live_and()}) "
            "AS quotes FROM speakers s ORDER BY s.name COLLATE NOCASE"
        ).fetchall()
        aliases: dict[int, list[str]] = {}
        for speaker_id, alias in self.db.execute(
            "SELECT speaker_id, alias FROM speaker_aliases ORDER BY alias"
        ):
            aliases.setdefault(speaker_id, []).append(alias)
        return [
            {
                "id": r[0],
                "name": r[1],
                "role": r[2],
                "organisation": r[3],
                "quotes": r[4],
                "aliases": aliases.get(r[0], []),
            }
            for r in rows
        ]

    def sources(self) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT s.id, s.name, s.kind, "
            f"(SELECT COUNT(*) FROM quotes q WHERE q.source_id = s.id{self._live_and()}) "
            "AS quotes FROM sources s ORDER BY s.name COLLATE NOCASE"
        ).fetchall()
        return [{"id": r[0], "name": r[1], "kind": r[2], "quotes": r[3]} for r in rows]

    def speakers_matching(self, name: str) -> list[dict[str, Any]]:
        """The speakers a quote filter by `name` selects (see `QuoteFilter.speaker`), with their
        number of quotes, by name: a front-end says which ones when there are several."""
        matching, params = _name_words_sql(name)
        rows = self.db.execute(
            "SELECT s.id, s.name, (SELECT COUNT(*) FROM quotes q WHERE q.speaker_id = s.id"
            f"{self._live_and()}) FROM speakers s WHERE s.id IN ({matching}) ORDER BY s.name COLLATE NOCASE, s.id",
            params,
        )
        return [{"id": r[0], "name": r[1], "quotes": r[2]} for r in rows]

    def speaker_aliases(self, speaker_id: int) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias",
                [speaker_id],
            )
        ]

    # -- articles ----------------------------------------------------------------------

    def add_article(
        self,
        text: str,
        meta: ArticleMeta | None = None,
        attributions: Sequence[Attribution] | None = None,
        *,
        path: str | None = None,
        reextract: bool = False,
    ) -> ImportResult:
        """Store an article and its attributions in one transaction.

        The same text (by sha256) is stored once. With `reextract`, an article already
        present gets the new attributions, but every quote a person has touched (reviewed,
        annotated or edited) stays exactly as it is, and no new quote overlapping it is added;
        an untouched quote found again (same span and text) keeps its id (`_reextract`).
        """
        if attributions is None:
            from quotecheck.extract import extract
            from quotecheck.extract.split import split_interrupted

            attributions = split_interrupted(text, extract(text))
        meta = meta or ArticleMeta()
        digest = sha256_text(text)
        with self._write():
            row = self.db.execute(
                "SELECT id, deleted_at FROM articles WHERE sha256 = ?", [digest]
            ).fetchone()
            if row and not reextract:
                return ImportResult(article_id=int(row[0]), added=False, quotes_added=0)
            if row and row[1] is not None:
                # its quotes are out of the full-text index and may hold reviews: leave them
                raise QuoteCheckError(
                    f"{self.article_label(int(row[0]))} is deleted "
                    f"({self.deletion_hint(int(row[0]))}); restore it before re-extracting it"
                )
            if row:
                return self._reextract(int(row[0]), text, attributions, meta.published)
            cur = self.db.execute(
                "INSERT INTO articles (title, publisher, url, published, text, sha256, origin, "
                "path, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    meta.title,
                    meta.publisher,
                    meta.url,
                    meta.published,
                    text,
                    digest,
                    meta.origin,
                    path,
                    now(),
                ],
            )
            article_id = int(cur.lastrowid or 0)
            added = self._insert_attributions(article_id, text, attributions, meta.published)
            return ImportResult(article_id=article_id, added=True, quotes_added=added)

    # What extraction sets on a quote (its text and span identify it; the rest is a person's).
    _EXTRACTED_FIELDS = (
        "norm_text",
        "kind",
        "speaker_id",
        "speaker_mention",
        "speaker_start",
        "speaker_end",
        "cue",
        "cue_start",
        "cue_end",
        "source_id",
        "source_mention",
        "said_on",
        "confidence",
    )

    def _reextract(
        self,
        article_id: int,
        text: str,
        attributions: Sequence[Attribution],
        said_on: str | None,
    ) -> ImportResult:
        """New attributions for a stored article (inside the caller's transaction). A quote a
        person touched stays as it is, and nothing overlapping it is added. An untouched quote
        found again (same start, end and text) keeps its id, so history entries, saved checks
        and ids noted elsewhere still point at it; its other fields take the new values (in
        place: the text, so the full-text index, is unchanged). Untouched quotes not found
        again are deleted, and new ones inserted (ids are never reused: AUTOINCREMENT)."""
        kept = self._touched_quote_spans(article_id)
        cols = ", ".join(f'"{c}"' for c in self._EXTRACTED_FIELDS)
        untouched: dict[tuple[int, int, str], list[tuple[int, dict[str, Any]]]] = {}
        for r in self.db.execute(
            f'SELECT id, start, "end", text, {cols} FROM quotes WHERE article_id = ? AND '
            "status = 'unreviewed' AND note IS NULL AND edited = 0 ORDER BY id",
            [article_id],
        ):
            fields = dict(zip(self._EXTRACTED_FIELDS, r[4:], strict=True))
            untouched.setdefault((r[1], r[2], r[3]), []).append((r[0], fields))
        fresh = [a for a in attributions if not any(a.start < e and s < a.end for s, e in kept)]
        new_rows = []
        updates: list[list[Any]] = []
        same = 0
        stamp = now()
        for row in self._attribution_rows(article_id, text, fresh, said_on):
            found = untouched.get((row["start"], row["end"], row["text"]))
            if not found:
                new_rows.append(row)
                continue
            quote_id, current = found.pop(0)
            same += 1
            wanted = {k: row[k] for k in self._EXTRACTED_FIELDS}
            if wanted != current:
                updates.append([*wanted.values(), stamp, quote_id])
        if updates:
            assignments = ", ".join(f'"{c}" = ?' for c in self._EXTRACTED_FIELDS)
            self.db.conn.executemany(
                f"UPDATE quotes SET {assignments}, updated_at = ? WHERE id = ?", updates
            )
        gone = [quote_id for rows in untouched.values() for quote_id, _ in rows]
        for start in range(0, len(gone), 500):
            chunk = gone[start : start + 500]
            self.db.execute(f"DELETE FROM quotes WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        if new_rows:
            self.db.table("quotes").insert_all(new_rows, batch_size=BATCH_SIZE)
        return ImportResult(
            article_id,
            False,
            len(new_rows),
            quotes_kept=len(kept),
            quotes_same=same,
            quotes_dropped=len(gone),
        )

    def _touched_quote_spans(self, article_id: int) -> list[tuple[int, int]]:
        return [
            (int(r[0]), int(r[1]))
            for r in self.db.execute(
                'SELECT start, "end" FROM quotes WHERE article_id = ? AND '
                "(status != 'unreviewed' OR note IS NOT NULL OR edited = 1)",
                [article_id],
            )
        ]

    def _insert_attributions(
        self,
        article_id: int,
        text: str,
        attributions: Iterable[Attribution],
        said_on: str | None,
    ) -> int:
        rows = self._attribution_rows(article_id, text, attributions, said_on)
        if rows:
            self.db.table("quotes").insert_all(rows, batch_size=BATCH_SIZE)
        return len(rows)

    def _attribution_rows(
        self,
        article_id: int,
        text: str,
        attributions: Iterable[Attribution],
        said_on: str | None,
    ) -> list[dict[str, Any]]:
        """Quote rows for `attributions` (speakers and sources looked up or created)."""

        def cut(span: tuple[int, int] | None) -> str | None:
            return text[span[0] : span[1]] if span else None

        stamp = now()
        rows = []
        for a in attributions:
            speaker_id = None
            if a.speaker:
                speaker_id = self.speaker_id(a.speaker, role=a.speaker_role)
                mention = cut(a.speaker_span)
                if speaker_id is not None and mention and is_name_part(mention, a.speaker):
                    # "Kishida" for Fumio Kishida becomes an alias; descriptions ("the prime
                    # minister", "Kishida, who spoke on Monday") and pronouns do not.
                    self.add_speaker_alias(speaker_id, mention)
            source_id = self.source_id(a.source, kind=a.source_kind) if a.source else None
            rows.append(
                {
                    "article_id": article_id,
                    "start": a.start,
                    "end": a.end,
                    "text": a.text,
                    "norm_text": normalize(a.text),
                    "kind": a.kind,
                    "speaker_id": speaker_id,
                    "speaker_mention": cut(a.speaker_span),
                    "speaker_start": a.speaker_span[0] if a.speaker_span else None,
                    "speaker_end": a.speaker_span[1] if a.speaker_span else None,
                    "cue": a.cue or cut(a.cue_span),
                    "cue_start": a.cue_span[0] if a.cue_span else None,
                    "cue_end": a.cue_span[1] if a.cue_span else None,
                    "source_id": source_id,
                    "source_mention": cut(a.source_span),
                    # "said on Friday": that Friday, not the day the article came out
                    "said_on": resolve_said_on(a.said_when, said_on) or said_on,
                    "status": "unreviewed",
                    "confidence": a.confidence,
                    "edited": 0,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
        return rows

    def article(self, article_id: int) -> dict[str, Any] | None:
        """One article, deleted or not (`deleted_at` says which)."""
        keys = (
            "id title publisher url published text sha256 origin path imported_at deleted_at"
        ).split()
        row = self.db.execute(
            f"SELECT {', '.join(keys)} FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            return None
        return dict(zip(keys, row, strict=True))

    def article_label(self, article_id: int) -> str:
        """'article 3 “Title”' (or 'article 3' without a title), as messages name an article."""
        row = self.db.execute("SELECT title FROM articles WHERE id = ?", [article_id]).fetchone()
        title = " ".join((row[0] or "").split()) if row else ""
        if len(title) > LABEL_TITLE_CHARS:  # a title taken from a long first line
            title = title[: LABEL_TITLE_CHARS - 1].rstrip() + "…"
        return f"article {article_id}" + (f" “{title}”" if title else "")

    def articles(self) -> list[dict[str, Any]]:
        """The live (not deleted) articles with their number of quotes, in import order."""
        keys = ["id", "title", "publisher", "published", "origin", "quotes"]
        rows = self.db.execute(
            "SELECT a.id, a.title, a.publisher, a.published, a.origin, "
            "(SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) FROM articles a "
            "WHERE a.deleted_at IS NULL ORDER BY a.id"
        )
        return [dict(zip(keys, r, strict=True)) for r in rows]

    # -- deleting articles (recorded in history, undoable) -------------------------------

    def has_deleted_articles(self) -> bool:
        return (
            self.db.execute(
                "SELECT 1 FROM articles WHERE deleted_at IS NOT NULL LIMIT 1"
            ).fetchone()
            is not None
        )

    def live_quotes_clause(self, alias: str = "q") -> str:
        """A condition on `quotes {alias}` keeping only the quotes of live articles (and of
        collections), or '' while no article is deleted (the common case costs nothing)."""
        if not self.has_deleted_articles():
            return ""
        return f"{alias}.id NOT IN ({HIDDEN_QUOTE_IDS_SQL})"

    def _live_and(self, alias: str = "q") -> str:
        clause = self.live_quotes_clause(alias)
        return f" AND {clause}" if clause else ""

    def deletion_preview(self, article_ids: Sequence[int]) -> list[dict[str, Any]]:
        """What deleting these articles would take away: for each, its id, title, number of
        quotes and how many of them a person reviewed (a status other than unreviewed).
        An unknown or already deleted article is an error."""
        out = []
        for article_id in dict.fromkeys(article_ids):
            row = self.db.execute(
                "SELECT a.title, a.deleted_at, COUNT(q.id), "
                "COALESCE(SUM(q.status != 'unreviewed'), 0) FROM articles a "
                "LEFT JOIN quotes q ON q.article_id = a.id WHERE a.id = ? GROUP BY a.id",
                [article_id],
            ).fetchone()
            if row is None:
                raise QuoteCheckError(
                    f"no article with id {article_id} (quotecheck articles lists them)"
                )
            if row[1] is not None:
                raise QuoteCheckError(
                    f"{self.article_label(article_id)} is already deleted "
                    f"({self.deletion_hint(article_id)})"
                )
            out.append(
                {"id": article_id, "title": row[0], "quotes": int(row[2]), "reviewed": int(row[3])}
            )
        return out

    def delete_articles(self, article_ids: Sequence[int]) -> int:
        """Delete articles with their quotes; returns the history id. They are kept, marked
        deleted (see the module docstring), so `undo` of the entry brings them back as they
        were, reviews and notes included."""
        if not article_ids:
            raise QuoteCheckError("say which articles to delete, by id (quotecheck articles)")
        with self._write():
            deleted = self.deletion_preview(article_ids)
            ids = [item["id"] for item in deleted]
            quote_ids = self._article_quote_ids(ids)
            self._mark_deleted(ids, deleted=True)
            quotes = sum(item["quotes"] for item in deleted)
            reviewed = sum(item["reviewed"] for item in deleted)
            if len(deleted) == 1:
                what = self.article_label(ids[0])
            else:
                shown = ", ".join(str(i) for i in ids[:SUMMARY_IDS])
                what = f"{len(ids)} articles ({shown}{', …' if len(ids) > SUMMARY_IDS else ''})"
            summary = f"delete {what}: {quotes:,} quote(s), {reviewed:,} reviewed"
            return self._record(
                "delete_articles", summary, {"articles": deleted, "quote_ids": quote_ids}
            )

    def delete_article(self, article_id: int) -> int:
        return self.delete_articles([article_id])

    def _article_quote_ids(self, article_ids: Sequence[int]) -> list[int]:
        marks = ",".join("?" * len(article_ids))
        return [
            r[0]
            for r in self.db.execute(
                f"SELECT id FROM quotes WHERE article_id IN ({marks}) ORDER BY id",
                list(article_ids),
            )
        ]

    def _mark_deleted(self, article_ids: Sequence[int], *, deleted: bool) -> None:
        """Mark articles deleted (their quotes leave the full-text index) or live again (their
        quotes go back into it); inside the caller's transaction."""
        for start in range(0, len(article_ids), 500):
            chunk = list(article_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            self.db.execute(
                f"UPDATE articles SET deleted_at = ? WHERE id IN ({marks})",
                [now() if deleted else None, *chunk],
            )
            if deleted:  # an external-content index forgets a row given its indexed text
                self.db.execute(
                    "INSERT INTO quotes_fts (quotes_fts, rowid, text) SELECT 'delete', id, text "
                    f"FROM quotes WHERE article_id IN ({marks})",
                    chunk,
                )
            else:
                self.db.execute(
                    "INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes "
                    f"WHERE article_id IN ({marks})",
                    chunk,
                )

    def _replay_deletion(self, entry: dict[str, Any], side: str) -> None:
        """Undo (side "before": restore) or redo (side "after": delete again) an article
        deletion; every article must still be as the entry left it."""
        ids = [int(item["id"]) for item in entry["changes"]["articles"]]
        restoring = side == "before"
        for article_id in ids:
            row = self.db.execute(
                "SELECT deleted_at FROM articles WHERE id = ?", [article_id]
            ).fetchone()
            if row is None:
                raise QuoteCheckError(f"article {article_id} no longer exists")
            if (row[0] is not None) != restoring:
                state = "not deleted" if restoring else "already deleted"
                raise QuoteCheckError(f"{self.article_label(article_id)} is {state}")
        self._mark_deleted(ids, deleted=not restoring)

    def deletion_hint(self, article_id: int) -> str:
        """'deleted by history entry 12; undoing that entry restores it', for a deleted article
        (the newest deletion in effect that names it)."""
        row = self.db.execute(
            "SELECT h.id FROM history h, json_each(h.changes, '$.articles') j "
            "WHERE h.action = 'delete_articles' AND h.undone_at IS NULL "
            "AND json_extract(j.value, '$.id') = ? ORDER BY h.id DESC LIMIT 1",
            [article_id],
        ).fetchone()
        if row is None:
            return "deleted outside the history"
        return f"deleted by history entry {row[0]}; undoing that entry restores it"

    def _refuse_deleted_quotes(self, quote_ids: Sequence[int]) -> None:
        """A quote of a deleted article is not reviewed, edited or replayed: say which article
        and which history entry to undo first."""
        if not quote_ids or not self.has_deleted_articles():
            return
        for start in range(0, len(quote_ids), 500):
            chunk = list(quote_ids[start : start + 500])
            row = self.db.execute(
                "SELECT q.id, q.article_id FROM quotes q JOIN articles a ON a.id = q.article_id "
                f"WHERE a.deleted_at IS NOT NULL AND q.id IN ({','.join('?' * len(chunk))}) "
                "LIMIT 1",
                chunk,
            ).fetchone()
            if row is not None:
                raise QuoteCheckError(
                    f"quote {row[0]} belongs to {self.article_label(row[1])}, which is "
                    f"deleted ({self.deletion_hint(row[1])})"
                )

    # -- quote collections -------------------------------------------------------------

    def add_quote_records(self, records: Iterable[dict[str, Any]]) -> int:
        """Bulk insert of a quote collection (no article): all rows or none.

        Returns the number of rows added; a row already stored (same text, speaker, source,
        date and ref) is skipped, so importing a file twice adds nothing the second time.

        Each record has `text`, `speaker`, and optionally `source`, `date`, `ref`, `url`,
        `context`. Speakers and sources are resolved through an in-memory cache so a
        million rows cost one lookup per distinct name.
        """
        speakers: dict[str, int | None] = {}
        sources: dict[str, int | None] = {}
        stamp = now()
        count = 0
        with self._write():
            # Indexing each row through the FTS trigger costs 8x more than one bulk insert
            # into the index at the end; the trigger is dropped and restored inside this
            # transaction, so other connections never see it missing.
            trigger = self.db.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'quotes_ai'"
            ).fetchone()
            if trigger:
                self.db.execute("DROP TRIGGER quotes_ai")
            last_id = self.db.execute("SELECT COALESCE(MAX(id), 0) FROM quotes").fetchone()[0]
            batch: list[tuple[Any, ...]] = []
            for record in records:
                speaker = record.get("speaker") or ""
                if speaker not in speakers:
                    speakers[speaker] = self.speaker_id(speaker) if speaker else None
                source = record.get("source") or ""
                if source not in sources:
                    sources[source] = self.source_id(source) if source else None
                text = record["text"]
                identity = "\x1f".join(
                    str(record.get(k) or "") for k in ("text", "speaker", "source", "date", "ref")
                )
                batch.append(
                    (
                        hashlib.blake2b(identity.encode("utf-8"), digest_size=16).hexdigest(),
                        text,
                        normalize(text),
                        "direct",
                        speakers[speaker],
                        speaker or None,
                        sources[source],
                        source or None,
                        record.get("date") or None,
                        record.get("ref") or None,
                        record.get("url") or None,
                        record.get("context") or None,
                        stamp,
                        stamp,
                    )
                )
                if len(batch) >= BATCH_SIZE:
                    count += self._insert_collection_batch(batch)
                    batch = []
            count += self._insert_collection_batch(batch)
            self.db.execute(
                "INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes WHERE id > ?",
                [last_id],
            )
            if trigger:
                self.db.execute(trigger[0])
        return count

    def _insert_collection_batch(self, batch: list[tuple[Any, ...]]) -> int:
        """Insert rows not already stored (same record key); returns how many were new."""
        before = self.db.conn.total_changes
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO quotes (record_key, text, norm_text, kind, speaker_id, "
            "speaker_mention, source_id, source_mention, said_on, ref, url, context, status, "
            "edited, confidence, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, 'unreviewed', 0, 1.0, ?, ?)",
            batch,
        )
        return self.db.conn.total_changes - before

    # -- queries -----------------------------------------------------------------------

    def _where(self, f: QuoteFilter) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if f.speaker:
            matching, words = _name_words_sql(f.speaker)
            clauses.append(f"q.speaker_id IN ({matching})")
            params += words
        if f.source:
            key = name_key(f.source)
            clauses.append(
                "q.source_id IN (SELECT id FROM sources WHERE name_key = ? "
                "UNION SELECT source_id FROM source_aliases WHERE alias_key = ?)"
            )
            params += [key, key]
        for column, value in (
            ("q.status", f.status),
            ("q.kind", f.kind),
            ("q.article_id", f.article_id),
            ("q.speaker_id", f.speaker_id),
            ("q.source_id", f.source_id),
        ):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        if f.text:
            match = fts_query(f.text)
            if match:
                searched, search_params = search_clause(match, f.text)
                clauses.append(searched)
                params += search_params
        live = self.live_quotes_clause()
        if live:
            clauses.append(live)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def quotes(
        self,
        f: QuoteFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        sort: str = "id",
        descending: bool = False,
    ) -> list[dict[str, Any]]:
        """One page of quotes with speaker, source and article names."""
        where, params = self._where(f or QuoteFilter())
        order = SORT_COLUMNS.get(sort)
        if order is None:
            raise QuoteCheckError(f"cannot sort by {sort!r}; choose one of {sorted(SORT_COLUMNS)}")
        direction = "DESC" if descending else "ASC"
        sql = f"{QUOTE_ROW_SQL}{where} ORDER BY {order} {direction}, q.id {direction}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, limit, offset]
        cur = self.db.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur]

    def quote_ids(
        self, f: QuoteFilter | None = None, *, sort: str = "id", descending: bool = False
    ) -> list[int]:
        """Just the ids of the matching quotes in order (cheap: the GUI pages rows by id)."""
        where, params = self._where(f or QuoteFilter())
        order = SORT_COLUMNS.get(sort, "q.id")
        direction = "DESC" if descending else "ASC"
        joins = ""
        if sort in ("speaker",):
            joins = " LEFT JOIN speakers sp ON sp.id = q.speaker_id"
        elif sort == "source":
            joins = " LEFT JOIN sources so ON so.id = q.source_id"
        elif sort in ("article", "date"):
            joins = " LEFT JOIN articles a ON a.id = q.article_id"
        sql = f"SELECT q.id FROM quotes q{joins}{where} ORDER BY {order} {direction}, q.id {direction}"
        return [r[0] for r in self.db.execute(sql, params)]

    def quotes_by_ids(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """The quotes with these ids, by id; those of deleted articles are left out."""
        out: dict[int, dict[str, Any]] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            cur = self.db.execute(
                f"{QUOTE_ROW_SQL} WHERE q.id IN ({marks}) AND a.deleted_at IS NULL", chunk
            )
            names = [d[0] for d in cur.description]
            for row in cur:
                record = dict(zip(names, row, strict=True))
                out[record["id"]] = record
        return out

    def quote(self, quote_id: int) -> dict[str, Any]:
        found = self.quotes_by_ids([quote_id])
        if quote_id not in found:
            self._refuse_deleted_quotes([quote_id])  # says whose deletion hides it
            raise QuoteCheckError(f"no quote with id {quote_id}")
        return found[quote_id]

    def count_quotes(self, f: QuoteFilter | None = None) -> int:
        where, params = self._where(f or QuoteFilter())
        return int(self.db.execute(f"SELECT COUNT(*) FROM quotes q{where}", params).fetchone()[0])

    def facets(self, f: QuoteFilter | None = None) -> dict[str, list[tuple[Any, str, int]]]:
        """Counts per speaker, source, status and kind among the quotes matching `f`."""
        where, params = self._where(f or QuoteFilter())
        sql = {
            "speaker": "SELECT q.speaker_id, COALESCE(sp.name, '(unknown)'), COUNT(*) FROM quotes q "
            "LEFT JOIN speakers sp ON sp.id = q.speaker_id{w} GROUP BY q.speaker_id "
            "ORDER BY COUNT(*) DESC, 2 LIMIT 200",
            "source": "SELECT q.source_id, COALESCE(so.name, '(none)'), COUNT(*) FROM quotes q "
            "LEFT JOIN sources so ON so.id = q.source_id{w} GROUP BY q.source_id "
            "ORDER BY COUNT(*) DESC, 2 LIMIT 200",
            "status": "SELECT q.status, q.status, COUNT(*) FROM quotes q{w} GROUP BY q.status "
            "ORDER BY 2",
            "kind": "SELECT q.kind, q.kind, COUNT(*) FROM quotes q{w} GROUP BY q.kind ORDER BY 2",
        }
        return {
            name: [(r[0], r[1], r[2]) for r in self.db.execute(query.format(w=where), params)]
            for name, query in sql.items()
        }

    # -- review actions (recorded in history, undoable) ---------------------------------

    _QUOTE_FIELDS = (
        "status",
        "note",
        "speaker_id",
        "source_id",
        "text",
        "norm_text",
        "edited",
        "reviewed_at",
    )

    def _quote_state(self, quote_id: int) -> dict[str, Any]:
        cols = ", ".join(f'"{c}"' for c in self._QUOTE_FIELDS)
        row = self.db.execute(f"SELECT {cols} FROM quotes WHERE id = ?", [quote_id]).fetchone()
        if row is None:
            raise QuoteCheckError(f"no quote with id {quote_id}")
        self._refuse_deleted_quotes([quote_id])
        return dict(zip(self._QUOTE_FIELDS, row, strict=True))

    def _apply_quote_state(self, quote_id: int, state: dict[str, Any]) -> None:
        assignments = ", ".join(f'"{c}" = ?' for c in state)
        self.db.execute(
            f"UPDATE quotes SET {assignments}, updated_at = ? WHERE id = ?",
            [*state.values(), now(), quote_id],
        )

    def _record(self, action: str, summary: str, changes: dict[str, Any]) -> int:
        # A new action ends the redo chain, as in any editor: what was undone before it is
        # no longer offered by a plain redo (redo by id still works, checked as always).
        self.db.execute(
            "UPDATE history SET superseded = 1 WHERE undone_at IS NOT NULL AND superseded = 0"
        )
        cur = self.db.execute(
            "INSERT INTO history (at, actor, action, summary, changes) VALUES (?, ?, ?, ?, ?)",
            [now(), _actor(), action, summary, json.dumps(changes)],
        )
        return int(cur.lastrowid or 0)

    def _change_quotes(
        self,
        action: str,
        summary: str | Callable[[list[dict[str, Any]]], str],
        quote_ids: Sequence[int],
        new: dict[str, Any],
        extra: dict[str, Any] | None = None,
    ) -> int:
        ids = list(dict.fromkeys(quote_ids))
        stamp = now()
        with self._write():
            items = []
            updates: dict[tuple[str, ...], list[list[Any]]] = {}
            for quote_id, current in self._quote_states(ids):
                # only the fields this action changes are recorded, so undoing it later
                # never touches what another action changed since
                changed = tuple(k for k, v in new.items() if current[k] != v)
                if not changed:
                    continue
                before = {k: current[k] for k in changed}
                after = {k: new[k] for k in changed}
                updates.setdefault(changed, []).append([*after.values(), stamp, quote_id])
                items.append({"quote_id": quote_id, "before": before, "after": after})
            for changed, rows in updates.items():  # one statement per set of changed fields
                assignments = ", ".join(f'"{c}" = ?' for c in changed)
                self.db.conn.executemany(
                    f"UPDATE quotes SET {assignments}, updated_at = ? WHERE id = ?", rows
                )
            if not items:
                return 0
            if not isinstance(summary, str):  # said of the quotes it really changed
                summary = summary(items)
            return self._record(action, summary, {"quotes": items, **(extra or {})})

    def _quote_states(self, ids: Sequence[int]) -> Iterator[tuple[int, dict[str, Any]]]:
        """(id, reviewable fields) for each id in order, read 500 at a time."""
        cols = ", ".join(f'"{c}"' for c in self._QUOTE_FIELDS)
        self._refuse_deleted_quotes(ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = {
                r[0]: dict(zip(self._QUOTE_FIELDS, r[1:], strict=True))
                for r in self.db.execute(
                    f"SELECT id, {cols} FROM quotes WHERE id IN ({marks})", chunk
                )
            }
            for quote_id in chunk:
                if quote_id not in rows:
                    raise QuoteCheckError(f"no quote with id {quote_id}")
                yield quote_id, rows[quote_id]

    def set_status(self, quote_ids: Sequence[int], status: str, note: str | None = None) -> int:
        """Review quotes; returns the history id (0 if nothing changed)."""
        if status not in STATUSES:
            raise QuoteCheckError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
        new: dict[str, Any] = {
            "status": status,
            "reviewed_at": now() if status != "unreviewed" else None,
        }
        if note is not None:
            new["note"] = note or None

        def summary(items: list[dict[str, Any]]) -> str:
            ids = [item["quote_id"] for item in items]
            if status == "unreviewed":
                text = f"reset {quote_list(ids)} to unreviewed"
            else:
                text = f"{status} {quote_list(ids)}"
            return text + (" with a note" if note else "")

        return self._change_quotes("set_status", summary, list(quote_ids), new)

    def set_notes(self, quote_ids: Sequence[int], note: str) -> int:
        def summary(items: list[dict[str, Any]]) -> str:
            ids = [item["quote_id"] for item in items]
            return f"note on {quote_list(ids)}" if note else f"note cleared on {quote_list(ids)}"

        return self._change_quotes("set_note", summary, list(quote_ids), {"note": note or None})

    def set_note(self, quote_id: int, note: str) -> int:
        return self.set_notes([quote_id], note)

    def edit_quote(
        self,
        quote_id: int,
        *,
        speaker: str | None = None,
        source: str | None = None,
        text: str | None = None,
    ) -> int:
        """Correct a quote's speaker, source or text (a person's correction is never re-extracted)."""
        new: dict[str, Any] = {"edited": 1}
        extra: dict[str, Any] = {}
        with self._write():
            if speaker is not None:
                new["speaker_id"] = self._edit_target(_SPEAKER, speaker, extra)
            if source is not None:
                new["source_id"] = self._edit_target(_SOURCE, source, extra)
            if text is not None:
                if not text.strip():
                    raise QuoteCheckError("a quote's text cannot be empty")
                new["text"] = text
                new["norm_text"] = normalize(text)
            return self._change_quotes(
                "edit", lambda items: self._edit_summary(quote_id, items), [quote_id], new, extra
            )

    def _edit_summary(self, quote_id: int, items: list[dict[str, Any]]) -> str:
        """What an edit changed: "edit quote 4: speaker → Somebody New, source → X"."""
        after = items[0]["after"] if items else {}
        parts = []
        for column, label, table in (
            ("speaker_id", "speaker", "speakers"),
            ("source_id", "source", "sources"),
        ):
            if column in after:
                row = None
                if after[column] is not None:
                    row = self.db.execute(
                        f"SELECT name FROM {table} WHERE id = ?", [after[column]]
                    ).fetchone()
                parts.append(f"{label} → {row[0] if row else '(none)'}")
        if "text" in after:
            parts.append("text")
        return f"edit quote {quote_id}" + (": " + ", ".join(parts) if parts else "")

    def _lookup(self, what: _Created, name: str, *, create: bool) -> int | None:
        find = self.speaker_id if what is _SPEAKER else self.source_id
        return find(name, create=create)

    def _edit_target(self, what: _Created, name: str, extra: dict[str, Any]) -> int | None:
        """The speaker or source id an edit gives a quote for `name` (None: cleared). One the
        edit creates is snapshot into `extra` (the entry's changes): its undo may remove it."""
        if not name.strip():
            return None
        found = self._lookup(what, name, create=False)
        if found is None:
            found = self._lookup(what, name, create=True)
            if found is not None:
                extra[what.key] = self._snapshot(what, found)
        return found

    def _snapshot(self, what: _Created, row_id: int) -> dict[str, Any]:
        """A speaker's or source's row and aliases as history keeps them (enough to recreate it)."""
        columns = (*what.columns, "created_at")
        row = self.db.execute(
            f"SELECT {', '.join(columns)} FROM {what.table} WHERE id = ?", [row_id]
        ).fetchone()
        aliases = self.db.execute(
            f"SELECT alias, alias_key FROM {what.aliases} WHERE {what.id_col} = ? "
            "ORDER BY alias_key",
            [row_id],
        ).fetchall()
        return {
            what.id_col: row_id,
            **dict(zip(columns, row, strict=True)),
            "aliases": [list(a) for a in aliases],
        }

    def _remove_created(self, entry: dict[str, Any], what: _Created) -> bool:
        """On undo of an edit: remove the speaker or source it created if nothing else refers
        to it.

        Kept when it has quotes, an alias it was not created with, a changed row (name, role,
        kind...), or when any other history entry names it (undoing or redoing that one needs it).
        """
        created = entry["changes"][what.key]
        row_id = int(created[what.id_col])
        row = self.db.execute(
            f"SELECT {', '.join(what.columns)} FROM {what.table} WHERE id = ?", [row_id]
        ).fetchone()
        if row is None or list(row) != [created[c] for c in what.columns]:
            return False
        if self.db.execute(
            f"SELECT 1 FROM quotes WHERE {what.id_col} = ? LIMIT 1", [row_id]
        ).fetchone():
            return False
        keys = {
            r[0]
            for r in self.db.execute(
                f"SELECT alias_key FROM {what.aliases} WHERE {what.id_col} = ?", [row_id]
            )
        }
        if not keys <= {key for _alias, key in created["aliases"]}:
            return False
        # The LIKE patterns only narrow the scan (history is written by json.dumps); the
        # parsed entry decides.
        likes = " OR ".join("changes LIKE ?" for _ in what.id_keys)
        for action, text in self.db.execute(
            f"SELECT action, changes FROM history WHERE id != ? AND ({likes})",
            [entry["id"], *(f'%"{key}": {row_id}%' for key in what.id_keys)],
        ).fetchall():
            if row_id in _history_refs(what, action, json.loads(text)):
                return False
        self.db.execute(f"DELETE FROM {what.aliases} WHERE {what.id_col} = ?", [row_id])
        self.db.execute(f"DELETE FROM {what.table} WHERE id = ?", [row_id])
        created["removed"] = True
        return True

    def _restore_created(self, entry: dict[str, Any], what: _Created) -> None:
        """On redo of an edit whose undo removed the speaker or source it created: use one of
        that name if there is one now (it is then not this edit's to remove), else recreate
        it, under its old id if free; the entry is rewritten with the id used."""
        changes = entry["changes"]
        created = changes[what.key]
        old_id = int(created[what.id_col])
        found = self._lookup(what, created["name"], create=False)
        if found is not None:
            del changes[what.key]
            new_id = found
        else:
            taken = self.db.execute(f"SELECT 1 FROM {what.table} WHERE id = ?", [old_id]).fetchone()
            columns = (*what.columns, "created_at")
            values = [created[c] for c in columns]
            if not taken:
                columns, values = ("id", *columns), [old_id, *values]
            cur = self.db.execute(
                f"INSERT INTO {what.table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                values,
            )
            new_id = int(cur.lastrowid or 0)
            self.db.conn.executemany(
                f"INSERT OR IGNORE INTO {what.aliases} ({what.id_col}, alias, alias_key) "
                "VALUES (?, ?, ?)",
                [(new_id, alias, key) for alias, key in created["aliases"]],
            )
            created[what.id_col] = new_id
            del created["removed"]
        for item in changes["quotes"]:
            if item["after"].get(what.id_col) == old_id:
                item["after"][what.id_col] = new_id

    def update_speaker(
        self, speaker_id: int, *, name: str | None = None, role: str | None = None
    ) -> int:
        """Rename a speaker or set their role (the old name stays as an alias)."""
        with self._write():
            row = self.db.execute(
                "SELECT name, name_key, role FROM speakers WHERE id = ?", [speaker_id]
            ).fetchone()
            if row is None:
                raise QuoteCheckError(f"no speaker with id {speaker_id}")
            before = {"name": row[0], "name_key": row[1], "role": row[2]}
            after = dict(before)
            if name is not None and name.strip():
                key = name_key(name)
                clash = self.db.execute(
                    "SELECT id FROM speakers WHERE name_key = ? AND id != ?", [key, speaker_id]
                ).fetchone()
                if clash:
                    raise QuoteCheckError(
                        f"another speaker is already called {name!r}; merge the two instead"
                    )
                after.update(name=name.strip(), name_key=key)
            if role is not None:
                after["role"] = role.strip() or None
            if after == before:
                return 0
            self._apply_speaker(speaker_id, after)
            new_key = name_key(after["name"])
            had_alias = self.db.execute(
                "SELECT 1 FROM speaker_aliases WHERE speaker_id = ? AND alias_key = ?",
                [speaker_id, new_key],
            ).fetchone()
            self.add_speaker_alias(speaker_id, after["name"])
            parts = []
            if after["name"] != before["name"]:
                parts.append(f"rename speaker {before['name']} → {after['name']}")
            if after["role"] != before["role"]:
                role = f"role → {after['role']}" if after["role"] else "role cleared"
                parts.append(role if parts else f"speaker {before['name']}: {role}")
            return self._record(
                "update_speaker",
                ", ".join(parts),
                {
                    "speaker_id": speaker_id,
                    "before": before,
                    "after": after,
                    "new_alias_key": None if had_alias else new_key,
                },
            )

    def _apply_speaker(self, speaker_id: int, state: dict[str, Any]) -> None:
        self.db.execute(
            "UPDATE speakers SET name = ?, name_key = ?, role = ? WHERE id = ?",
            [state["name"], state["name_key"], state["role"], speaker_id],
        )

    def merge_speakers(self, keep_id: int, merge_id: int) -> int:
        """Fold speaker `merge_id` into `keep_id`: quotes and aliases move over."""
        if keep_id == merge_id:
            raise QuoteCheckError("cannot merge a speaker with itself")
        with self._write():
            cols = "id, name, name_key, role, organisation, created_at"
            merged = self.db.execute(
                f"SELECT {cols} FROM speakers WHERE id = ?", [merge_id]
            ).fetchone()
            kept = self.db.execute("SELECT name FROM speakers WHERE id = ?", [keep_id]).fetchone()
            if merged is None or kept is None:
                missing = merge_id if merged is None else keep_id
                raise QuoteCheckError(f"no speaker with id {missing}")
            quote_ids = [
                r[0]
                for r in self.db.execute("SELECT id FROM quotes WHERE speaker_id = ?", [merge_id])
            ]
            aliases = [
                list(r)
                for r in self.db.execute(
                    "SELECT alias, alias_key FROM speaker_aliases WHERE speaker_id = ?", [merge_id]
                )
            ]
            kept_keys = {
                r[0]
                for r in self.db.execute(
                    "SELECT alias_key FROM speaker_aliases WHERE speaker_id = ?", [keep_id]
                )
            }
            changes = {
                "keep_id": keep_id,
                "speaker": dict(zip(cols.split(", "), merged, strict=True)),
                "aliases": aliases,
                "new_alias_keys": [key for _, key in aliases if key not in kept_keys],
                "quote_ids": quote_ids,
            }
            self._do_merge(changes)
            return self._record(
                "merge_speakers", f"merge speakers {merged[1]} into {kept[0]}", changes
            )

    def _do_merge(self, changes: dict[str, Any]) -> None:
        keep_id, merge_id = changes["keep_id"], changes["speaker"]["id"]
        self.db.execute(
            "UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", [keep_id, merge_id]
        )
        self.db.execute("DELETE FROM speaker_aliases WHERE speaker_id = ?", [merge_id])
        for alias, key in changes["aliases"]:
            self.db.execute(
                "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, alias_key) VALUES (?, ?, ?)",
                [keep_id, alias, key],
            )
        self.db.execute("DELETE FROM speakers WHERE id = ?", [merge_id])

    def _undo_merge(self, changes: dict[str, Any]) -> None:
        speaker = changes["speaker"]
        try:
            self.db.table("speakers").insert(speaker)
        except sqlite3.IntegrityError:
            raise QuoteCheckError(
                f"cannot undo the merge: a speaker called {speaker['name']!r} exists again"
            ) from None
        for alias, key in changes["aliases"]:
            self.db.execute(
                "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, alias_key) VALUES (?, ?, ?)",
                [speaker["id"], alias, key],
            )
        for key in changes["new_alias_keys"]:
            self.db.execute(
                "DELETE FROM speaker_aliases WHERE speaker_id = ? AND alias_key = ?",
                [changes["keep_id"], key],
            )
        ids = changes["quote_ids"]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            self.db.execute(
                f"UPDATE quotes SET speaker_id = ? WHERE speaker_id = ? AND "
                f"id IN ({','.join('?' * len(chunk))})",
                [speaker["id"], changes["keep_id"], *chunk],
            )

    # -- history -----------------------------------------------------------------------

    def history(
        self,
        limit: int = 100,
        *,
        include_undone: bool = True,
        before_id: int | None = None,
        with_changes: bool = True,
    ) -> list[dict[str, Any]]:
        """Recorded actions, newest first: at most `limit` of them, and with `before_id` only
        those older than that entry (keyset paging: pass the last id of one page to get the
        next, cheap however long the history is). Each entry says whether it is `superseded`
        (undone before a later action: out of the redo chain) and how many `quotes` it touched
        (counted by SQLite); `with_changes=False` leaves out its `changes`, which for a bulk
        review hold every quote's before and after."""
        count = (
            "COALESCE(json_array_length(changes, '$.quotes'), "
            "json_array_length(changes, '$.quote_ids'), 0)"
        )
        keys = ["id", "at", "actor", "action", "summary", "undone_at", "superseded", "quotes"]
        cols = ", ".join(keys[:-1]) + f", {count}"
        if with_changes:
            keys.append("changes")
            cols += ", changes"
        where, params = [], []
        if not include_undone:
            where.append("undone_at IS NULL")
        if before_id is not None:
            where.append("id < ?")
            params.append(before_id)
        sql = f"SELECT {cols} FROM history"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC LIMIT ?"
        out = []
        for row in self.db.execute(sql, [*params, limit]):
            record = dict(zip(keys, row, strict=True))
            record["superseded"] = bool(record["superseded"])
            if with_changes:
                record["changes"] = json.loads(record["changes"])
            out.append(record)
        return out

    def history_count(self) -> int:
        """How many actions the history holds (done and undone)."""
        return int(self.db.execute("SELECT COUNT(*) FROM history").fetchone()[0])

    def undo(self, history_id: int | None = None) -> dict[str, Any] | None:
        """Undo one recorded action (by default the latest one not yet undone)."""
        with self._write():
            entry = self._history_entry(history_id, undone=False)
            if entry is None:
                return None
            self._replay(entry, "before")
            self.db.execute(
                "UPDATE history SET undone_at = ?, superseded = 0 WHERE id = ?",
                [now(), entry["id"]],
            )
            return entry

    def redo(self, history_id: int | None = None) -> dict[str, Any] | None:
        """Apply an undone action again (by default the earliest undone one after the last action)."""
        with self._write():
            entry = self._history_entry(history_id, undone=True)
            if entry is None:
                return None
            self._replay(entry, "after")
            self.db.execute("UPDATE history SET undone_at = NULL WHERE id = ?", [entry["id"]])
            return entry

    def _history_entry(self, history_id: int | None, *, undone: bool) -> dict[str, Any] | None:
        keys = ["id", "action", "summary", "changes", "undone_at"]
        cols = ", ".join(keys)
        if history_id is not None:
            row = self.db.execute(
                f"SELECT {cols} FROM history WHERE id = ?", [history_id]
            ).fetchone()
            if row is None:
                raise QuoteCheckError(f"no history entry {history_id}")
            if (row[4] is not None) != undone:
                state = "already undone" if row[4] else "not undone"
                raise QuoteCheckError(f"history entry {history_id} is {state}")
        elif undone:
            # the redo chain: undone since the last new action; the latest undone comes first
            row = self.db.execute(
                f"SELECT {cols} FROM history WHERE undone_at IS NOT NULL AND superseded = 0 "
                "ORDER BY id ASC LIMIT 1"
            ).fetchone()
        else:
            row = self.db.execute(
                f"SELECT {cols} FROM history WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1"
            ).fetchone()
        if row is None:
            return None
        entry = dict(zip(keys, row, strict=True))
        entry["changes"] = json.loads(entry["changes"])
        return entry

    def _replay(self, entry: dict[str, Any], side: str) -> None:
        changes = entry["changes"]
        action = entry["action"]
        if action == "delete_articles":
            self._replay_deletion(entry, side)
        elif action == "merge_speakers":
            if side == "before":
                self._undo_merge(changes)
            else:
                self._do_merge(changes)
        elif action == "update_speaker":
            expected = changes["after" if side == "before" else "before"]
            row = self.db.execute(
                "SELECT name, name_key, role FROM speakers WHERE id = ?", [changes["speaker_id"]]
            ).fetchone()
            fields = ("name", "name_key", "role")
            current = None if row is None else dict(zip(fields, row, strict=True))
            if current != expected:
                later = self._speaker_changed_by(changes["speaker_id"], current, entry["id"])
                raise QuoteCheckError(
                    f"speaker {changes['speaker_id']} has changed since{later}; "
                    f"undo {'that one' if later else 'the later change'} first"
                )
            self._apply_speaker(changes["speaker_id"], changes[side])
            if changes.get("new_alias_key"):
                if side == "before":
                    self.db.execute(
                        "DELETE FROM speaker_aliases WHERE speaker_id = ? AND alias_key = ?",
                        [changes["speaker_id"], changes["new_alias_key"]],
                    )
                else:
                    self.add_speaker_alias(changes["speaker_id"], changes["after"]["name"])
        else:
            expected_side = "after" if side == "before" else "before"
            for item in changes["quotes"]:
                self._check_quote_unchanged(item["quote_id"], item[expected_side], entry["id"])
            # what the edit created, by kind: removed by its undo, restored by its redo
            created = [
                (what, changes[what.key]) for what in (_SPEAKER, _SOURCE) if what.key in changes
            ]
            rewritten = False
            if side == "after":
                for what, snapshot in created:
                    if snapshot.get("removed"):
                        self._restore_created(entry, what)
                        rewritten = True
            for item in changes["quotes"]:
                try:
                    self._apply_quote_state(item["quote_id"], item[side])
                except sqlite3.IntegrityError as exc:
                    raise QuoteCheckError(
                        f"quote {item['quote_id']}: its former speaker or source no longer "
                        "exists (merged or removed since)"
                    ) from exc
            if side == "before":
                for what, snapshot in created:
                    if not snapshot.get("removed"):
                        rewritten = self._remove_created(entry, what) or rewritten
            if rewritten:  # the entry records the ids the quote now really has
                self.db.execute(
                    "UPDATE history SET changes = ? WHERE id = ?",
                    [json.dumps(changes), entry["id"]],
                )

    def _check_quote_unchanged(
        self, quote_id: int, expected: dict[str, Any], entry_id: int | None = None
    ) -> None:
        """Refuse to undo/redo over a later change: the quote must still be as left. The
        refusal names the history entry that made the change when one did, or the
        re-extraction that did (which no undo can take back)."""
        self._refuse_deleted_quotes([quote_id])  # its own message: which deletion to undo
        try:
            current = self._quote_state(quote_id)
        except QuoteCheckError:
            raise QuoteCheckError(f"quote {quote_id} no longer exists") from None
        for key, value in expected.items():
            if current.get(key) != value:
                advice = "undo that one first"
                cause = self._quote_changed_by(quote_id, key, current.get(key), entry_id)
                if not cause:
                    cause = self._quote_reextracted(quote_id, key, current.get(key))
                    advice = (
                        "edit the quote instead (a re-extraction cannot be undone)"
                        if cause
                        else "undo the later change first"
                    )
                raise QuoteCheckError(
                    f"quote {quote_id} has changed since ({key}){cause}; {advice}"
                )

    # A refusal looks this far back for the entry that made the change (only refusals pay).
    BLOCKER_SCAN = 1000

    def _quote_changed_by(self, quote_id: int, key: str, value: Any, entry_id: int | None) -> str:
        """' by history entry 12 “disputed quote 4”': the newest entry in effect (not undone)
        that left the quote's `key` as it is now; '' when none did (an undo, an import...)."""
        newest = next(self._entries_setting(quote_id, key, value, entry_id, "after"), None)
        return f" by history entry {newest[0]} “{newest[1]}”" if newest else ""

    def _quote_reextracted(self, quote_id: int, key: str, value: Any) -> str:
        """' by the re-extraction of article 3 “Title”' when that is what left the quote's
        `key` as it is now, else ''. Re-extraction is not in the history: it is the one other
        writer of the fields extraction sets on an article's quote, so it made a change no
        entry in effect made (`_quote_changed_by`) unless an undo put that value back."""
        if key not in self._EXTRACTED_FIELDS:
            return ""
        article = self.db.execute(
            "SELECT a.id, a.title FROM quotes q JOIN articles a ON a.id = q.article_id "
            "WHERE q.id = ?",
            [quote_id],
        ).fetchone()
        if article is None or next(
            self._entries_setting(quote_id, key, value, None, "before"), None
        ):
            return ""
        title = f" “{article[1]}”" if article[1] else ""
        return f" by the re-extraction of article {article[0]}{title}"

    def _entries_setting(
        self, quote_id: int, key: str, value: Any, entry_id: int | None, side: str
    ) -> Iterator[tuple[int, str]]:
        """(id, summary) of the history entries other than `entry_id`, newest first, that set
        the quote's `key` to `value`: with side "after" those in effect (done or redone), with
        "before" those undone (their undo set it)."""
        state = "IS NULL" if side == "after" else "IS NOT NULL"
        rows = self.db.execute(
            f"SELECT id, action, summary, changes FROM history WHERE id != ? AND undone_at {state} "
            "AND (changes LIKE ? OR action = 'merge_speakers') ORDER BY id DESC LIMIT ?",
            [entry_id or 0, f'%"quote_id": {int(quote_id)},%', self.BLOCKER_SCAN],
        ).fetchall()
        for history_id, action, summary, text in rows:
            changes = json.loads(text)
            if action == "merge_speakers":
                # a merge moves the quotes to keep_id; its undo back to the merged speaker
                speaker = changes["keep_id"] if side == "after" else changes["speaker"]["id"]
                found = (
                    key == "speaker_id"
                    and quote_id in changes.get("quote_ids", ())
                    and speaker == value
                )
            else:
                found = any(
                    item.get("quote_id") == quote_id
                    and key in item.get(side, {})
                    and item[side][key] == value
                    for item in changes.get("quotes", ())
                )
            if found:
                yield history_id, summary

    def _speaker_changed_by(
        self, speaker_id: int, current: dict[str, Any] | None, entry_id: int
    ) -> str:
        """As `_quote_changed_by`, for a speaker's rename or role (or a merge that removed it)."""
        rows = self.db.execute(
            "SELECT id, action, summary, changes FROM history WHERE id != ? AND undone_at IS NULL "
            "AND action IN ('update_speaker', 'merge_speakers') ORDER BY id DESC LIMIT ?",
            [entry_id, self.BLOCKER_SCAN],
        ).fetchall()
        for history_id, action, summary, text in rows:
            changes = json.loads(text)
            if action == "merge_speakers":
                found = current is None and changes["speaker"]["id"] == speaker_id
            else:
                found = changes["speaker_id"] == speaker_id and changes["after"] == current
            if found:
                return f" by history entry {history_id} “{summary}”"
        return ""

    # -- checks ------------------------------------------------------------------------

    def save_check(self, record: dict[str, Any]) -> int:
        """Keep a claim check in the history of checks; JSON-able fields are stored as JSON."""
        row = {
            "claim": record["claim"],
            "claimed_speaker": record.get("claimed_speaker"),
            "claimed_words": record.get("claimed_words"),
            "claimed_source": record.get("claimed_source"),
            "verdict": record["verdict"],
            "explanation": record.get("explanation"),
            "flags": json.dumps(record.get("flags", [])),
            "matches": json.dumps(record.get("matches", [])),
            "diff": json.dumps(record.get("diff", [])),
            "checked_at": record.get("checked_at") or now(),
        }
        with self._write():
            cur = self.db.execute(
                "INSERT INTO checks (claim, claimed_speaker, claimed_words, claimed_source, verdict, "
                "explanation, flags, matches, diff, checked_at) VALUES (:claim, :claimed_speaker, "
                ":claimed_words, :claimed_source, :verdict, :explanation, :flags, :matches, :diff, "
                ":checked_at)",
                row,
            )
            return int(cur.lastrowid or 0)

    def checks(self, limit: int = 100) -> list[dict[str, Any]]:
        out = []
        for row in self.db.table("checks").rows_where(order_by="id desc", limit=limit):
            for key in ("flags", "matches", "diff"):
                row[key] = json.loads(row[key]) if row[key] else []
            out.append(row)
        return out

    # -- maintenance -------------------------------------------------------------------

    def integrity_ok(self) -> bool:
        return bool(self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


@contextlib.contextmanager
def open_store(path: str | Path, *, read_only: bool = False) -> Iterator[Store]:
    store = Store(path, read_only=read_only)
    try:
        yield store
    finally:
        store.close()
