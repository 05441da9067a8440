"""Reading articles and quote collections from files: decoding, HTML reduction, validation.

Every refusal names the file and the reason; one bad file never stops a batch.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotecheck import QuoteCheckError
from quotecheck.config import read_json_object
from quotecheck.model import ArticleMeta
from quotecheck.store import ImportResult, Store

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")
DOCUMENT_SUFFIXES = (".pdf", ".docx")  # read by quotecheck.documents (pypdf, python-docx)
# Articles are news stories, not books: anything larger is almost surely not an article and
# would make extraction and review unwieldy. Documented in the README. For PDF and Word files
# the limit applies to the extracted text (quotecheck.documents has a ceiling for the file).
MB = 1024 * 1024  # the unit of every size and limit in messages and the README
MAX_ARTICLE_BYTES = 5 * MB
COLLECTION_FIELDS = ("text", "speaker", "source", "date", "ref", "url", "context")
MAX_REPORTED_ERRORS = 20

_BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (or an Office document)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
    b"SQLite format 3": "an SQLite database",
}


@dataclass(slots=True)
class FileOutcome:
    path: str  # the file, or the link as given
    status: str  # added, duplicate, re-extracted, refused, cancelled (a fetch), collection
    reason: str | None = None
    article_id: int | None = None
    quotes: int = 0  # the quotes extraction found and stored (re-extracted: new and found again)
    notes: list[str] = field(default_factory=list)  # e.g. the encoding assumed
    # re-extraction only: of `quotes`, how many are new (new ids; the rest kept theirs);
    # untouched quotes not found again, removed; quotes a person touched, left as they were
    new: int = 0
    dropped: int = 0
    kept: int = 0

    def describe(self) -> str:
        """ "budget.txt: 8 quote(s) (2 new, 1 dropped), 1 kept (reviewed/edited)" (not refused)."""
        line = f"{self.path}: {self.quotes} quote(s)"
        if self.status == "re-extracted":
            line += f" ({self.new} new, {self.dropped} dropped), {self.kept} kept (reviewed/edited)"
        return line + (f" ({'; '.join(self.notes)})" if self.notes else "")


@dataclass(slots=True)
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # non-article files inside folders

    @property
    def added(self) -> int:
        return sum(o.status == "added" for o in self.outcomes)

    @property
    def duplicates(self) -> int:
        return sum(o.status == "duplicate" for o in self.outcomes)

    @property
    def refused(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "refused"]

    @property
    def quotes(self) -> int:
        return sum(o.quotes for o in self.outcomes)

    def summary(self) -> str:
        return (
            f"{self.added} article(s) added, {self.duplicates} duplicate(s) skipped, "
            f"{self.quotes} quote(s) found, {len(self.refused)} file(s) refused"
            + (
                f", {len(self.skipped)} non-article file(s) in folders skipped"
                if self.skipped
                else ""
            )
        )


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes -> text. UTF-8 (with or without BOM) and UTF-16 with BOM are taken as they are;
    anything else is detected, and the assumed encoding is reported back."""
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise QuoteCheckError(f"{name}: this is {what}, not a text or HTML article")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ["decoded as UTF-16 (byte-order mark)"]
        except UnicodeDecodeError as exc:
            raise QuoteCheckError(
                f"{name}: starts like UTF-16 text but is not valid UTF-16 ({exc.reason})"
            ) from None
    if b"\x00" in data[:4096]:  # text has no NUL bytes (UTF-16 with a BOM is handled above)
        raise QuoteCheckError(f"{name}: binary data (NUL bytes), not a text or HTML article")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise QuoteCheckError(f"{name}: cannot tell the text encoding; save it as UTF-8")
    western = _western_encoding(matches)
    if western is not None:
        return data.decode(western), [f"not UTF-8; decoded as {western}"]
    best = matches[0]
    return str(best), [f"not UTF-8; decoded as {best.encoding}"]


# The code pages of Western news text, likeliest first (Windows-1252 is a superset of Latin-1's
# letters; Latin-9 adds the euro sign).
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
# Unicode ranges (as charset_normalizer names them) that Latin-script text may contain.
_LATIN_RANGES = ("Latin", "Punctuation", "Control", "Spacing Modifier", "Currency", "Symbol")


def _western_encoding(matches: Sequence[Any]) -> str | None:
    """Windows-1252 (or Latin-1) when one of the detector's candidates reads the bytes exactly
    as it does and the detector's first pick is Latin-script text too.

    Short Western texts fit several code pages equally well, and the detector's first pick is
    often a rarer one: DOS Central European (cp852) reads "Salmón" as "Salmˇn". A first pick
    in another script (Cyrillic, Greek, Hebrew...) is kept: there the Western reading is the
    garbled one."""
    if not all(any(r in alphabet for r in _LATIN_RANGES) for alphabet in matches[0].alphabets):
        return None
    for match in matches:
        readings = {match.encoding, *match.could_be_from_charset}
        for encoding in _WESTERN:
            if encoding in readings:
                return encoding
    return None


_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def html_to_text(html: str, *, url: str | None = None) -> tuple[str, ArticleMeta]:
    """The main text of an HTML page (scripts, styles and navigation dropped) and its metadata;
    `url` (where the page was fetched from) helps trafilatura find the site's name."""
    import trafilatura

    text = trafilatura.extract(
        html, url=url, include_comments=False, include_tables=False, favor_recall=True
    )
    meta = ArticleMeta()
    try:
        found = trafilatura.extract_metadata(html, default_url=url)
    except Exception:  # metadata is a bonus; the text is what matters
        found = None
    if found is not None:
        meta.title = found.title
        meta.publisher = found.sitename
        meta.published = found.date
        meta.url = found.url
    if not meta.title and (m := _TITLE.search(html)):
        meta.title = re.sub(r"\s+", " ", m.group(1)).strip() or None
    return (text or "").strip(), meta


def read_sidecar(path: Path) -> ArticleMeta:
    """Metadata from `<name>.json` beside the article, if present."""
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file():
        return ArticleMeta()
    data = read_json_object(sidecar, "metadata")
    return ArticleMeta(
        title=data.get("title"),
        publisher=data.get("publisher"),
        url=data.get("url"),
        published=data.get("published") or data.get("date"),
    )


def format_mb(size: int) -> str:
    """A size in MB (1024 x 1024 bytes, as the limits are), rounded up to a tenth, so a
    size over a limit never prints as equal to it."""
    return f"{math.ceil(size * 10 / MB) / 10:.1f} MB"


def _too_big(name: str, size: int) -> str:
    limit = MAX_ARTICLE_BYTES // MB
    return f"{name}: {format_mb(size)} is over the {limit} MB limit for one article"


_MD_LINE_MARKS = re.compile(r"^(?:#{1,6}\s+|(?:>\s?)+|[*+-]\s+(?=\S))", re.MULTILINE)
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")


def markdown_to_text(text: str) -> str:
    """The words of a Markdown article: heading, quote-block and list marks, links and
    emphasis markup removed (quotation marks and everything else kept as written)."""
    text = _MD_LINE_MARKS.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def article_from_bytes(
    data: bytes, name: str, *, is_html: bool | None = None, is_markdown: bool = False
) -> tuple[str, ArticleMeta, list[str]]:
    """Decode and clean one article; raises QuoteCheckError with the reason when refused."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise QuoteCheckError(_too_big(name, len(data)))
    text, notes = decode(data, name)
    if is_html is None:
        is_html = bool(re.match(r"\s*(<!doctype html|<html|<head|<body)", text[:500], re.I))
    meta = ArticleMeta()
    if is_html:
        text, meta = html_to_text(text)
        notes.append("HTML reduced to its main text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if is_markdown:
        text = markdown_to_text(text)
        notes.append("Markdown markup removed")
    if not text.strip():
        raise QuoteCheckError(f"{name}: no text in it (empty file)")
    if meta.title is None:
        first = text.strip().split("\n", 1)[0].strip()
        meta.title = first[:120] + ("…" if len(first) > 120 else "")
    return text, meta, notes


def expand_paths(paths: Iterable[str | Path], skipped: list[Path] | None = None) -> Iterator[Path]:
    """Files as given; folders walked (sorted) for article files. Other files found in a
    folder (images, sidecar .json metadata, ...) are listed in `skipped`."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if not child.is_file():
                    continue
                if child.suffix.lower() in ARTICLE_SUFFIXES:
                    yield child
                elif skipped is not None and not _is_sidecar(child):
                    skipped.append(child)
        else:
            yield path


def _is_sidecar(path: Path) -> bool:
    """`name.json` beside `name.txt` is the article's metadata, not a skipped file."""
    return path.suffix.lower() == ".json" and any(
        path.with_suffix(s).exists() for s in ARTICLE_SUFFIXES
    )


_HOST_PORT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]*:\d{1,5}$")


def looks_like_bare_link(name: str) -> bool:
    """Whether a file name that does not exist is likely a link given without https://:
    "www.example.org", "example.org/story" (a dot in the first of several segments) or
    "localhost:8765/x" (a host and a port)."""
    name = name.strip()
    if name.lower().startswith("www."):
        return True
    first, slash, _rest = name.replace("\\", "/").partition("/")
    if _HOST_PORT.match(first):
        return True
    return bool(slash) and "." in first.strip(".") and " " not in first


def import_files(
    store: Store,
    paths: Iterable[str | Path],
    *,
    reextract: bool = False,
    progress: Callable[[int, Path], bool] | None = None,
    done: Callable[[FileOutcome], None] | None = None,
) -> ImportReport:
    """Import article files; `progress(i, path)` returning False cancels the rest, and
    `done(outcome)` hears of each file as soon as it is committed (or refused)."""
    report = ImportReport()
    for index, path in enumerate(expand_paths(paths, report.skipped)):
        if progress is not None and not progress(index, path):
            break
        outcome = import_file(store, path, reextract=reextract)
        report.outcomes.append(outcome)
        if done is not None:
            done(outcome)
    return report


def import_file(store: Store, path: Path, *, reextract: bool = False) -> FileOutcome:
    name = str(path)
    try:
        if looks_like_bare_link(name) and not path.exists():  # a link without https://
            raise QuoteCheckError(
                f"{name}: file not found (for a web page, give its link with https://)"
            )
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            raise QuoteCheckError(
                f"{name}: not an article file (use {', '.join(ARTICLE_SUFFIXES)})"
            )
        suffix = path.suffix.lower()
        try:
            size = path.stat().st_size
            if suffix in DOCUMENT_SUFFIXES:
                from quotecheck.documents import MAX_DOCUMENT_FILE_BYTES, too_big_document

                if size > MAX_DOCUMENT_FILE_BYTES:  # refused before reading a byte of it
                    raise QuoteCheckError(too_big_document(name, size))
            elif size > MAX_ARTICLE_BYTES:  # refused before reading a byte of it
                raise QuoteCheckError(_too_big(name, size))
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise QuoteCheckError(f"{name}: file not found") from exc
        except OSError as exc:
            raise QuoteCheckError(f"{name}: cannot read it ({exc.strerror or exc})") from exc
        if suffix in DOCUMENT_SUFFIXES:
            from quotecheck.documents import document_from_bytes

            text, meta, notes = document_from_bytes(data, name, suffix)
        else:
            text, meta, notes = article_from_bytes(
                data,
                name,
                is_html=suffix in (".html", ".htm"),
                is_markdown=suffix in (".md", ".markdown"),
            )
        sidecar = read_sidecar(path)
        for key in ("title", "publisher", "url", "published"):
            if getattr(sidecar, key):
                setattr(meta, key, getattr(sidecar, key))
        meta.origin = "file"
        result = store.add_article(text, meta, path=str(path.resolve()), reextract=reextract)
    except Exception as exc:  # one file's surprise never stops the batch
        return _refused(name, exc)
    return _outcome(name, result, notes, reextract=reextract)


def _refused(name: str, exc: Exception) -> FileOutcome:
    """The outcome of an item refused by `exc`; called inside its `except` (the traceback of
    an unexpected error is logged in full)."""
    if isinstance(exc, QuoteCheckError):
        log.info("refused %s", exc)
        return FileOutcome(name, "refused", reason=str(exc))
    log.exception("unexpected error importing %s", name)
    return FileOutcome(name, "refused", reason=f"{name}: unexpected error ({exc!r})")


def _outcome(name: str, result: ImportResult, notes: list[str], *, reextract: bool) -> FileOutcome:
    if not (reextract and not result.added):
        status = "added" if result.added else "duplicate"
        return FileOutcome(name, status, None, result.article_id, result.quotes_added, notes)
    return FileOutcome(
        name,
        "re-extracted",
        None,
        result.article_id,
        result.quotes_added + result.quotes_same,
        notes,
        new=result.quotes_added,
        dropped=result.quotes_dropped,
        kept=result.quotes_kept,
    )


def import_url(
    store: Store,
    url: str,
    meta: ArticleMeta | None = None,
    *,
    reextract: bool = False,
    timeout: float | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> FileOutcome:
    """Fetch one http(s) link and import it (quotecheck.fetch has the rules). Fields set in
    `meta` (the app's paste dialog) win over the page's own; the stored URL is the final one,
    after redirects, and the origin "url". A cancelled fetch has the status "cancelled"."""
    from quotecheck.fetch import FetchCancelled, article_from_fetched, fetch

    url = url.strip()
    try:
        fetched = fetch(url, timeout=timeout, cancelled=cancelled)
        text, found, notes = article_from_fetched(fetched)
        if meta is not None:
            for key in ("title", "publisher", "published"):
                if getattr(meta, key):
                    setattr(found, key, getattr(meta, key))
        found.url = fetched.final_url
        found.origin = "url"
        result = store.add_article(text, found, reextract=reextract)
    except FetchCancelled as exc:
        return FileOutcome(url, "cancelled", reason=str(exc))
    except Exception as exc:  # one link's surprise never stops the batch
        return _refused(url, exc)
    return _outcome(url, result, notes, reextract=reextract)


def sniff_document(data: bytes) -> str | None:
    """ ".pdf" or ".docx" when the bytes are one, else None."""
    if data.startswith(b"%PDF-"):
        return ".pdf"
    if data.startswith(b"PK\x03\x04"):
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return ".docx"
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
    return None


def import_text(
    store: Store, text: str, meta: ArticleMeta | None = None, *, name: str = "pasted text"
) -> FileOutcome:
    """Import an article given as text (a paste)."""
    return import_bytes(store, text.encode("utf-8", errors="replace"), meta, name=name)


def import_bytes(
    store: Store, data: bytes, meta: ArticleMeta | None = None, *, name: str = "stdin"
) -> FileOutcome:
    """Import an article given as bytes of unknown encoding (stdin); a PDF or Word document
    is recognised by its first bytes."""
    try:
        kind = sniff_document(data)
        if kind is not None:
            from quotecheck.documents import document_from_bytes

            text_clean, found, notes = document_from_bytes(data, name, kind)
        else:
            text_clean, found, notes = article_from_bytes(data, name)
        if meta is not None:
            for key in ("title", "publisher", "url", "published"):
                if getattr(meta, key):
                    setattr(found, key, getattr(meta, key))
            found.origin = meta.origin
        result = store.add_article(text_clean, found)
    except QuoteCheckError as exc:
        return FileOutcome(name, "refused", reason=str(exc))
    status = "added" if result.added else "duplicate"
    return FileOutcome(name, status, None, result.article_id, result.quotes_added, notes)


def seed_paths() -> list[Path]:
    """The bundled sample articles (inside the installed package)."""
    from importlib.resources import files

    folder = files("quotecheck.seeds")
    return sorted(Path(str(item)) for item in folder.iterdir() if str(item).endswith(".txt"))


def import_seeds(store: Store) -> ImportReport:
    report = import_files(store, seed_paths())
    for outcome in report.outcomes:
        if outcome.article_id is not None:
            store.db.execute(
                "UPDATE articles SET origin = 'seed' WHERE id = ?", [outcome.article_id]
            )
    return report


# -- quote collections ------------------------------------------------------------------


def _collection_rows(path: Path, errors: list[str]) -> Iterator[dict[str, Any]]:
    """Rows of a JSONL or CSV collection; problems are collected with their line numbers."""
    name = str(path)
    suffix = path.suffix.lower()
    try:
        handle = open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise QuoteCheckError(f"{name}: cannot read it ({exc.strerror or exc})") from exc
    with handle:
        if suffix == ".json" and handle.read(64).lstrip().startswith("["):
            numbered: Iterable[tuple[int, Any]] = _json_array_records(handle, name)
        elif suffix in (".jsonl", ".ndjson", ".json"):
            handle.seek(0)
            numbered = _jsonl_records(handle, name, errors)
        elif suffix in (".csv", ".tsv"):
            numbered = _csv_records(handle, name, errors, "\t" if suffix == ".tsv" else ",")
        else:
            raise QuoteCheckError(f"{name}: quote collections are .jsonl or .csv files")
        try:
            for line, record in numbered:
                problem = _check_record(record)
                if problem:
                    errors.append(f"line {line}: {problem}")
                    continue
                yield record
        except UnicodeDecodeError as exc:
            raise QuoteCheckError(f"{name}: not UTF-8 text ({exc.reason})") from exc


def _jsonl_records(
    handle: io.TextIOBase, name: str, errors: list[str]
) -> Iterator[tuple[int, Any]]:
    for line_no, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            yield line_no, json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {line_no}: not valid JSON ({exc.msg})")


def _json_array_records(handle: io.TextIOBase, name: str) -> Iterator[tuple[int, Any]]:
    """A .json file holding one array of records; problems are reported by item number
    (as "line N", counting items from 1), since the array may sit on one line."""
    handle.seek(0)
    try:
        data = json.load(handle)
    except json.JSONDecodeError as exc:
        raise QuoteCheckError(f"{name}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    yield from enumerate(data, 1)


def _csv_records(
    handle: io.TextIOBase, name: str, errors: list[str], delimiter: str
) -> Iterator[tuple[int, Any]]:
    reader = csv.DictReader(handle, delimiter=delimiter)
    if reader.fieldnames is None or "text" not in reader.fieldnames:
        raise QuoteCheckError(f"{name}: the CSV header must name a 'text' and a 'speaker' column")
    for record in reader:
        if None in record:  # more cells than header columns
            errors.append(f"line {reader.line_num}: more cells than the header has columns")
            continue
        yield reader.line_num, record


def _check_record(record: Any) -> str | None:
    if not isinstance(record, dict):
        return "not an object with text and speaker"
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return "missing 'text'"
    speaker = record.get("speaker")
    if not isinstance(speaker, str) or not speaker.strip():
        return "missing 'speaker'"
    for key in COLLECTION_FIELDS[2:]:
        value = record.get(key)
        if value is not None and not isinstance(value, (str, int, float)):
            return f"'{key}' must be text"
        if value is not None:
            record[key] = str(value)
    return None


@dataclass(slots=True)
class CollectionResult:
    rows: int  # valid rows in the file
    added: int  # of which new to the store (the rest were already there)

    @property
    def duplicates(self) -> int:
        return self.rows - self.added


def import_collection(store: Store, path: str | Path) -> int:
    """Import a quote collection; returns the number of quotes added (see import_collection_report)."""
    return import_collection_report(store, path).added


def import_collection_report(store: Store, path: str | Path) -> CollectionResult:
    """Import a quote collection: all rows, or (if any line is malformed) none of them.

    A partly imported collection would be hard to fix later; refusing the file with every
    bad line number lets the user repair it and import it whole.
    """
    path = Path(path)
    if not path.is_file():
        raise QuoteCheckError(f"{path}: file not found")
    errors: list[str] = []

    class _Refused(Exception):
        pass

    seen = 0

    def rows() -> Iterator[dict[str, Any]]:
        nonlocal seen
        for row in _collection_rows(path, errors):
            seen += 1
            yield row
        if errors:
            raise _Refused  # rolls back the transaction in add_quote_records

    try:
        added = store.add_quote_records(rows())
        return CollectionResult(rows=seen, added=added)
    except _Refused:
        shown = "; ".join(errors[:MAX_REPORTED_ERRORS])
        more = (
            f" (and {len(errors) - MAX_REPORTED_ERRORS} more)"
            if len(errors) > MAX_REPORTED_ERRORS
            else ""
        )
        raise QuoteCheckError(
            f"{path}: {len(errors)} malformed line(s), nothing imported: {shown}{more}"
        ) from None
