"""Articles from PDF and Word (.docx) documents: their text as paragraphs, title and date.

Journalists get statements, press releases, transcripts and court filings as PDF or Word
files. What is stored is the text extracted here (paragraphs separated by a blank line), so
quote offsets point into it exactly as they do for the main text of an HTML page.

PDF text (pypdf) comes as lines. They are rejoined into paragraphs by these rules, kept
simple on purpose (see docs/reliability.md and the README):

- each page is its own paragraph group: pages are joined with a paragraph break;
- a line ends its paragraph when the gap to the next line is clearly larger than the page's
  usual line spacing (more than 1.4 times its lower quartile), when the next line sits
  higher (a new column) or has another font size (a heading), or when the line is clearly
  shorter than the page's full lines (under 70% of them: the last line of a paragraph, a
  heading) and does not end in a hyphen;
- otherwise the next line continues the paragraph, joined with a space. A word split at the
  line end ("govern-" / "ment") is joined without the hyphen when both halves are lower-case
  letters, the first half is not a word that usually starts a compound ("self-", "well-",
  "long-", "three-", ...), and the document does not write the hyphenated form elsewhere; if
  the document writes the joined word elsewhere it is always joined, and a soft hyphen at the
  line end always joins. Otherwise the hyphen stays ("Indo-Pacific", "2023-24", "long-term");
- a page number alone on the first or last line of a page is dropped; ligature characters
  (ﬁ, ﬂ, ...) become their letters and soft hyphens are removed.

Refusals (QuoteCheckError, naming the file): encrypted PDFs (unless the password is empty),
PDFs without a text layer (scans), damaged files, files that are not what their name says,
text over the article limit. Only the first MAX_PDF_PAGES pages of a PDF are read, and the
import says so.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from quotecheck import QuoteCheckError
from quotecheck.importing import _BINARY_SIGNATURES, MAX_ARTICLE_BYTES
from quotecheck.model import ArticleMeta

log = logging.getLogger(__name__)
# pypdf warns about every oddity of a damaged file ("EOF marker not found"); without a handler
# Python would print them on stderr beside our own one-line message. An application that
# configures logging still gets them.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

# A PDF or Word file is much bigger than its text (fonts, images): the article limit
# (MAX_ARTICLE_BYTES, 5 MB) applies to the extracted text; this ceiling on the file itself only
# keeps a stray huge file from being read into memory at all.
MAX_DOCUMENT_FILE_BYTES = 100 * 1024 * 1024
# Reading pages costs time even when they hold no text; a statement or a filing has far fewer.
MAX_PDF_PAGES = 500
# The XML inside a .docx is compressed; refuse one that would unpack to more than this.
MAX_DOCX_XML_BYTES = 200 * 1024 * 1024
TITLE_CHARS = 120

_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
    | {"\ufb05": "st", "\ufb06": "st", "\x00": ""}
)
_PAGE_NUMBER = re.compile(
    r"^[\s\-–—|]*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[\s\-–—|]*$", re.IGNORECASE
)
# First halves that usually begin a hyphenated compound ("self-employed", "long-term"): a line
# break after them keeps the hyphen.
# Prefixes such as "pre", "pro", "co" or "ex" are not listed: they are as often the first
# syllable of a word ("pro-gram", "ex-pect"), and "co-operate" joined is still a word.
_COMPOUND_HEADS = frozenset(
    "self well all half cross long short high low full near old one two three four five six "
    "seven eight nine ten first second third year".split()
)
_SPLIT_WORD = re.compile(r"(\w+)[-\u2010]$")
_SOFT_HYPHEN = "\u00ad"
_NEXT_WORD = re.compile(r"^(\w+)")
_WORDS = re.compile(r"\w+(?:-\w+)*")


@dataclass(slots=True)
class _Line:
    text: str
    y: float | None  # baseline, in page units (higher is further up the page)
    size: float


def _too_much_text(name: str, size: int) -> str:
    limit = MAX_ARTICLE_BYTES // (1024 * 1024)
    return (
        f"{name}: its text is over the {limit} MB limit for one article "
        f"(at least {size / 1e6:.1f} MB)"
    )


def _what_it_is(data: bytes) -> str | None:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "an old Word .doc (or other Office) file; save it as .docx or PDF"
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return what
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "an HTML page; name it .html"
    if head.startswith(b"{\\rtf"):
        return "an RTF file; save it as .docx or PDF"
    return None


def document_from_bytes(data: bytes, name: str, suffix: str) -> tuple[str, ArticleMeta, list[str]]:
    """The text, metadata and import notes of a .pdf or .docx file given as bytes."""
    if len(data) > MAX_DOCUMENT_FILE_BYTES:
        raise QuoteCheckError(too_big_document(name, len(data)))
    if suffix == ".pdf":
        return pdf_to_text(data, name)
    if suffix == ".docx":
        return docx_to_text(data, name)
    raise QuoteCheckError(f"{name}: not a PDF or Word document")


def too_big_document(name: str, size: int) -> str:
    limit = MAX_DOCUMENT_FILE_BYTES // (1024 * 1024)
    return f"{name}: {size / 1e6:.1f} MB is over the {limit} MB limit for one PDF or Word file"


# -- PDF ----------------------------------------------------------------------------------


def pdf_to_text(data: bytes, name: str) -> tuple[str, ArticleMeta, list[str]]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    if b"%PDF-" not in data[:1024]:
        what = _what_it_is(data)
        raise QuoteCheckError(
            f"{name}: not a PDF" + (f" (this is {what})" if what else " (no PDF header)")
        )
    notes: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))
            except (DependencyError, NotImplementedError, PdfReadError):
                opened = False  # e.g. AES without the `cryptography` package
            if not opened:
                raise QuoteCheckError(
                    f"{name}: is encrypted; not imported (it needs a password: save an "
                    "unprotected copy first)"
                )
            notes.append("encrypted with an empty password; read")
        total = len(reader.pages)
        if total == 0:
            raise QuoteCheckError(f"{name}: a PDF without pages; not imported")
        if total > MAX_PDF_PAGES:
            notes.append(f"only the first {MAX_PDF_PAGES} of {total} pages read (the page limit)")
        pages: list[list[_Line]] = []
        blank: list[int] = []
        damaged: list[int] = []
        first_error: Exception | None = None
        size = 0
        for number in range(min(total, MAX_PDF_PAGES)):
            try:
                lines = _page_lines(reader.pages[number])
            except Exception as exc:  # one damaged page does not cost the others
                log.info("cannot read page %d of %s: %r", number + 1, name, exc)
                damaged.append(number + 1)
                first_error = first_error or exc
                continue
            if not any(line.text.strip() for line in lines):
                blank.append(number + 1)
            pages.append(lines)
            size += sum(len(line.text.encode("utf-8")) + 1 for line in lines)
            _check_text_size(name, size)
        if first_error is not None and not pages:
            raise first_error
        info = _pdf_info(reader)
    except QuoteCheckError:
        raise
    except FileNotDecryptedError:
        raise QuoteCheckError(f"{name}: is encrypted; not imported") from None
    except Exception as exc:  # pypdf raises many kinds on damaged files
        log.info("cannot read PDF %s: %r", name, exc)
        raise QuoteCheckError(
            f"{name}: cannot read this PDF; it is damaged or not a PDF ({_short(exc)})"
        ) from None
    if len(blank) == len(pages):
        raise QuoteCheckError(f"{name}: has no text layer (a scan?); run OCR first")
    if blank:
        notes.append(f"{_page_list(blank)} without a text layer (scanned?) skipped")
    if damaged:
        notes.append(f"{_page_list(damaged)} damaged and skipped")
    text = pdf_lines_to_text(pages)
    _check_text_size(name, len(text.encode("utf-8")))
    title, published = info
    meta = ArticleMeta(title=title or _first_line(text), published=published)
    notes.append(
        f"PDF text of {len(pages) - len(blank)} page(s), lines rejoined into paragraphs"
        + ("; date from the document's creation date" if published else "")
    )
    return text, meta, notes


def _short(exc: Exception) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return message[:160]


def _page_list(numbers: Sequence[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10]) + (", ..." if len(numbers) > 10 else "")
    return f"page{'s' if len(numbers) > 1 else ''} {shown}"


def _check_text_size(name: str, size: int) -> None:
    if size > MAX_ARTICLE_BYTES:
        raise QuoteCheckError(_too_much_text(name, size))


def _page_lines(page: Any) -> list[_Line]:
    """The lines of one page as pypdf gives them, each with its baseline and font size."""
    lines: list[_Line] = []
    current: list[str] = []
    y: float | None = None
    size = 0.0

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], font: Any, fs: float) -> None:
        nonlocal y, size
        parts = text.split("\n")
        for index, part in enumerate(parts):
            if index:  # a line break: the line so far is complete
                lines.append(_Line("".join(current), y, size))
                current.clear()
                y, size = None, 0.0
            if part.strip():
                current.append(part)
                if y is None:
                    try:
                        y = float(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])
                        size = abs(float(fs) * float(tm[3]) * float(cm[3])) or float(fs)
                    except (TypeError, ValueError, IndexError):
                        y = None
            elif part:
                current.append(part)

    page.extract_text(visitor_text=visit)
    lines.append(_Line("".join(current), y, size))
    out = [_Line(_clean_line(line.text), line.y, line.size) for line in lines]
    out = [line for line in out if line.text]
    # a page number alone at the top or bottom of the page is furniture, not text
    if out and _PAGE_NUMBER.match(out[-1].text):
        out.pop()
    if out and _PAGE_NUMBER.match(out[0].text):
        out.pop(0)
    return out


def _clean_line(text: str) -> str:
    """Ligatures spelled out, tabs and runs of spaces as one space, soft hyphens dropped
    except one at the end of the line (a hyphenation point: the word goes on below)."""
    text = re.sub(r"[ \t\u00a0]+", " ", text.translate(_LIGATURES)).strip()
    soft_end = text.endswith(_SOFT_HYPHEN)
    text = text.replace(_SOFT_HYPHEN, "")
    return text + _SOFT_HYPHEN if soft_end and text else text


def _paragraphs_of_page(lines: Sequence[_Line]) -> list[list[str]]:
    """Group a page's lines into paragraphs (see the module docstring for the rules)."""
    if not lines:
        return []
    gaps = [
        a.y - b.y
        for a, b in zip(lines, lines[1:], strict=False)
        if a.y is not None and b.y is not None and a.y > b.y
    ]
    # the usual line spacing: the lower quartile, since paragraph gaps may be half of all gaps
    spacing = sorted(gaps)[(len(gaps) - 1) // 4] if gaps else None
    lengths = sorted(len(line.text) for line in lines)
    full = lengths[int(0.8 * (len(lengths) - 1))]  # a typical full line
    paragraphs: list[list[str]] = [[lines[0].text]]
    for prev, line in zip(lines, lines[1:], strict=False):
        # a short line ends its paragraph, unless it ends in a word split by a hyphen
        split = prev.text.endswith(_SOFT_HYPHEN) or _SPLIT_WORD.search(prev.text)
        breaks = len(prev.text) < 0.7 * full and not split
        if prev.y is not None and line.y is not None:
            gap = prev.y - line.y
            if gap <= 0 or (spacing is not None and gap > 1.4 * spacing):
                breaks = True
            if prev.size and line.size and abs(prev.size - line.size) > 0.15 * prev.size:
                breaks = True
        if breaks:
            paragraphs.append([line.text])
        else:
            paragraphs[-1].append(line.text)
    return paragraphs


def pdf_lines_to_text(pages: Sequence[Sequence[_Line]]) -> str:
    """Pages of lines -> paragraphs separated by blank lines (hyphenation resolved)."""
    grouped = [para for page in pages for para in _paragraphs_of_page(page)]
    vocabulary = {w.lower() for para in grouped for line in para for w in _WORDS.findall(line)}
    text = "\n\n".join(_join_lines(para, vocabulary) for para in grouped)
    return text.replace(_SOFT_HYPHEN, "")  # one that ended a paragraph


def _join_lines(lines: Sequence[str], vocabulary: set[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        if out.endswith(_SOFT_HYPHEN):
            out = out[:-1] + line
            continue
        head = _SPLIT_WORD.search(out)
        tail = _NEXT_WORD.match(line)
        if head and tail and dehyphenate(head.group(1), tail.group(1), vocabulary):
            out = out[:-1] + line
        elif head and tail:
            out = out + line  # a compound split after its hyphen: "long-" + "term"
        else:
            out = out + " " + line
    return out


def dehyphenate(first: str, second: str, vocabulary: set[str]) -> bool:
    """Whether "first-" at a line end and "second" on the next line are one word split by
    hyphenation (True) rather than a hyphenated compound (False); `vocabulary` holds the
    document's words, lower-cased, hyphenated ones as written."""
    joined = (first + second).lower()
    if joined in vocabulary:
        return True
    if not (first.isalpha() and second.isalpha() and second[0].islower()):
        return False
    if f"{first}-{second}".lower() in vocabulary:
        return False
    return first.lower() not in _COMPOUND_HEADS


def _pdf_info(reader: Any) -> tuple[str | None, str | None]:
    """Title and creation date from the PDF's document information, when they are usable."""
    try:
        info = reader.metadata
    except Exception:
        return None, None
    if info is None:
        return None, None
    title: str | None = None
    try:
        title = _clean_title(str(info.title)) if info.title else None
    except Exception:
        title = None
    published: str | None = None
    try:
        created = info.creation_date
        if isinstance(created, datetime):
            published = created.date().isoformat()
    except Exception:  # a malformed date is no reason to refuse the document
        published = None
    return title, published


_WORD_EXPORT = re.compile(r"^(?:Microsoft Word|Microsoft PowerPoint)\s*-\s*", re.IGNORECASE)


def _clean_title(title: str) -> str | None:
    """The metadata title, unless it is a file name or a placeholder."""
    title = re.sub(r"\s+", " ", _WORD_EXPORT.sub("", title)).strip()
    if not title or title.lower() in ("untitled", "title", "document", "(anonymous)"):
        return None
    if re.search(r"\.(?:docx?|pdf|rtf|odt|txt|indd|qxp)$", title, re.IGNORECASE):
        return None  # "statement_final_v2.docx" says nothing
    return title[:TITLE_CHARS] + ("…" if len(title) > TITLE_CHARS else "")


def _first_line(text: str) -> str | None:
    first = text.strip().split("\n", 1)[0].strip()
    if not first:
        return None
    return first[:TITLE_CHARS] + ("…" if len(first) > TITLE_CHARS else "")


# -- Word (.docx) -------------------------------------------------------------------------


def docx_to_text(data: bytes, name: str) -> tuple[str, ArticleMeta, list[str]]:
    if not data.startswith(b"PK\x03\x04"):
        what = _what_it_is(data)
        raise QuoteCheckError(
            f"{name}: not a Word .docx file"
            + (f" (this is {what})" if what else " (a .docx is a zip archive; this is not one)")
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = {info.filename: info for info in archive.infolist()}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise QuoteCheckError(
            f"{name}: cannot read this Word file; it is damaged ({_short(exc)})"
        ) from None
    if "word/document.xml" not in entries:
        raise QuoteCheckError(
            f"{name}: not a Word .docx file (a zip archive without a Word document in it)"
        )
    unpacked = sum(i.file_size for n, i in entries.items() if n.endswith((".xml", ".rels")))
    if unpacked > MAX_DOCX_XML_BYTES:
        raise QuoteCheckError(
            f"{name}: unpacks to {unpacked / 1e6:.0f} MB of XML, over the "
            f"{MAX_DOCX_XML_BYTES // 2**20} MB limit; not imported"
        )
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        paragraphs, heading = _docx_paragraphs(document)
        props = document.core_properties
        title = _clean_title(props.title) if props.title else None
        created = props.created
    except QuoteCheckError:
        raise
    except Exception as exc:  # python-docx / lxml raise many kinds on damaged files
        log.info("cannot read Word file %s: %r", name, exc)
        raise QuoteCheckError(
            f"{name}: cannot read this Word file; it is damaged ({_short(exc)})"
        ) from None
    text = "\n\n".join(paragraphs)
    _check_text_size(name, len(text.encode("utf-8")))
    if not text.strip():
        raise QuoteCheckError(f"{name}: no text in it (an empty Word document)")
    published = created.date().isoformat() if isinstance(created, datetime) else None
    meta = ArticleMeta(title=title or heading or _first_line(text), published=published)
    notes = ["Word document: paragraphs and tables read"]
    if published:
        notes.append("date from the document's creation date")
    return text, meta, notes


def _docx_paragraphs(document: Any) -> tuple[list[str], str | None]:
    """Body paragraphs and table cells in document order, and the first heading or title."""
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    out: list[str] = []
    heading: str | None = None

    def add(paragraph: Any) -> None:
        nonlocal heading
        text = _docx_paragraph_text(paragraph)
        if not text:
            return
        style = getattr(getattr(paragraph, "style", None), "name", "") or ""
        if heading is None and style.lower().startswith(("heading", "title")):
            heading = text[:TITLE_CHARS] + ("…" if len(text) > TITLE_CHARS else "")
        out.append(text)

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            add(block)
        elif isinstance(block, Table):
            for row in block.rows:
                # Each <w:tc> element of the row once: `row.cells` lists a merged cell once per
                # grid column it spans (and a vertically merged one again in each row below),
                # as fresh proxies whose id() Python reuses, so they cannot be de-duplicated
                # by id. A cell continuing a vertical merge holds no text of its own (Word shows
                # the first cell's); any it does hold is read all the same.
                for tc in row._tr.tc_lst:
                    for paragraph in _Cell(tc, block).paragraphs:
                        add(paragraph)
    return out, heading


def _docx_paragraph_text(paragraph: Any) -> str:
    """A paragraph's text with manual line breaks and tabs as spaces."""
    text = str(paragraph.text).translate(_LIGATURES).replace(_SOFT_HYPHEN, "")
    return re.sub(r"[ \t\r\n\u000b]+", " ", text).strip()
