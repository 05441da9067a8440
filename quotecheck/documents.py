"""Articles from PDF and Word (.docx) documents: their text as paragraphs, and their title.

Journalists get statements, press releases, transcripts and court filings as PDF or Word
files. What is stored is the text extracted here (paragraphs separated by a blank line), so
quote offsets point into it exactly as they do for the main text of an HTML page.

PDF text (pypdf) comes as lines. They are rejoined into paragraphs by these rules, kept
simple on purpose (see docs/reliability.md and the README):

- running headers and footers are dropped: a line found among the top or bottom three lines
  of at least half of the pages (two at least), its digits (page numbers, dates) ignored,
  and a page number alone at a page's top or bottom ("3", "Page 3 of 7", "- 3 -"), even on
  a one-page PDF. Lines go only from a page's edges inwards, so a line met on one page, or
  one in the middle of the text, always stays (see _without_running_lines);
- a page break ends a paragraph, unless the page ends mid-sentence: its last line is a full
  line (or ends in a hyphen) without a full stop, question or exclamation mark, and the next
  page starts in the same font size; then the sentence goes on across the break;
- a page with columns is read column by column, even when its text is drawn row by row (both
  columns on one baseline): lines are split where a gap of over an em separates their text,
  and an x where at least three runs start, with almost no text across it and the text to its
  left filling the width up to it, starts a column (see _columns). A page whose runs line up
  like columns but fail that test (a table?) is kept in drawing order, and the import says
  "page N looks like it has columns; check the text";
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
- ligature characters (ﬁ, ﬂ, ...) become their letters and soft hyphens are removed.

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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from quotecheck import QuoteCheckError
from quotecheck.importing import _BINARY_SIGNATURES, MAX_ARTICLE_BYTES, MB, format_mb
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
# A sentence ends here: a full stop, question or exclamation mark, maybe inside a quote.
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u2019\u201d\u00bb)\]]*$")
# How many lines at each edge of a page may be a running header or footer: a publication's
# name, a date or section line and a page number.
_EDGE_LINES = 3
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
# A page number at either end of a running line: it changes side on facing pages.
_END_NUMBER = re.compile(r"^0\s+|\s+0$")
_SOFT_HYPHEN = "\u00ad"
_NEXT_WORD = re.compile(r"^(\w+)")
_WORDS = re.compile(r"\w+(?:-\w+)*")


@dataclass(slots=True)
class _Line:
    text: str
    y: float | None  # baseline, in page units (higher is further up the page)
    size: float


def _too_much_text(name: str, size: int) -> str:
    limit = MAX_ARTICLE_BYTES // MB
    return (
        f"{name}: its text is over the {limit} MB limit for one article "
        f"(at least {format_mb(size)})"
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
    limit = MAX_DOCUMENT_FILE_BYTES // MB
    return f"{name}: {format_mb(size)} is over the {limit} MB limit for one PDF or Word file"


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
        unsure: list[int] = []  # pages that look like columns but could not be resolved
        first_error: Exception | None = None
        size = 0
        for number in range(min(total, MAX_PDF_PAGES)):
            try:
                lines, uncertain = _page_lines(reader.pages[number])
            except Exception as exc:  # one damaged page does not cost the others
                log.info("cannot read page %d of %s: %r", number + 1, name, exc)
                damaged.append(number + 1)
                first_error = first_error or exc
                continue
            if not any(line.text.strip() for line in lines):
                blank.append(number + 1)
            if uncertain:
                unsure.append(number + 1)
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
    if unsure:
        notes.append(
            f"{_page_list(unsure)} {'look' if len(unsure) > 1 else 'looks'} like "
            f"{'they have' if len(unsure) > 1 else 'it has'} columns; check the text"
        )
    pages, running = _without_running_lines(pages)
    if running:
        shown = ", ".join(f'"{_shortened(line, 80)}"' for line in running[:3])
        more = f" and {len(running) - 3} more" if len(running) > 3 else ""
        notes.append(f"running header/footer dropped from the pages: {shown}{more}")
    text = pdf_lines_to_text(pages)
    _check_text_size(name, len(text.encode("utf-8")))
    title, created = info
    # The creation date is not the published date: it is when the file was exported or
    # printed (often today) or when its template was made; a sidecar .json or the paste
    # dialog gives the real date. It is named in the note only.
    meta = ArticleMeta(title=title or _first_line(text))
    notes.append(f"PDF text of {len(pages) - len(blank)} page(s), lines rejoined into paragraphs")
    if created:
        notes.append(f"document created {created}")
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


@dataclass(slots=True)
class _Segment:
    """A piece of text as drawn, where it starts and (estimated from its font) ends."""

    text: str
    x0: float | None
    x1: float | None
    y: float | None
    size: float


def _page_lines(page: Any) -> tuple[list[_Line], bool]:
    """The lines of one page, each with its baseline and font size, and whether the page
    seems to have columns that could not be told apart with confidence (see _columns)."""
    raw: list[list[_Segment]] = [[]]
    fonts: dict[int, tuple[Any, Any]] = {}  # id -> (font resource kept alive, its metrics)

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], font: Any, fs: float) -> None:
        parts = text.split("\n")
        for index, part in enumerate(parts):
            if index:  # a line break: the line so far is complete
                raw.append([])
            if not part:
                continue
            x0 = x1 = y = None
            size = 0.0
            if part.strip():
                try:
                    x0 = float(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])
                    y = float(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])
                    size = abs(float(fs) * float(tm[3]) * float(cm[3])) or float(fs)
                    scale = abs(float(tm[0]) * float(cm[0])) or 1.0
                    x1 = x0 + _text_width(part, font, fonts) * float(fs) * scale
                except (TypeError, ValueError, IndexError):
                    x0 = x1 = y = None
            raw[-1].append(_Segment(part, x0, x1, y, size))

    page.extract_text(visitor_text=visit)
    lines: list[_Line] = []
    for segments in raw:
        first = next((seg for seg in segments if seg.text.strip()), None)
        lines.append(
            _Line(
                "".join(seg.text for seg in segments),
                first.y if first else None,
                first.size if first else 0.0,
            )
        )
    uncertain = False
    positioned = [segs for segs in raw if any(seg.text.strip() for seg in segs)]
    if positioned and all(
        seg.x0 is not None for segs in positioned for seg in segs if seg.text.strip()
    ):
        ordered, uncertain = _columns(positioned)
        if ordered is not None:
            lines = ordered
    out = [_Line(_clean_line(line.text), line.y, line.size) for line in lines]
    return [line for line in out if line.text], uncertain


def _text_width(text: str, font: Any, cache: dict[int, tuple[Any, Any]]) -> float:
    """The width of `text` in ems (font size 1), by the font's metrics when pypdf can read
    them, else half an em a character."""
    metrics = None
    if font is not None:
        if id(font) not in cache:
            try:
                from pypdf.generic._font import Font  # recent pypdf; else estimated

                cache[id(font)] = (font, Font.from_font_resource(font))
            except Exception:
                cache[id(font)] = (font, None)
        metrics = cache[id(font)][1]
    if metrics is not None:
        try:
            return float(metrics.get_text_width(text)) / 1000
        except Exception:
            pass
    return 0.5 * len(text)


# Text runs on one baseline separated by more than this many ems are apart on the page
# (columns, table cells), not words of one line.
_RUN_GAP_EMS = 1.0


def _runs(segments: Sequence[_Segment]) -> list[_Segment]:
    """A line's segments merged into runs of text that sit close together."""
    runs: list[_Segment] = []
    for seg in segments:
        if not seg.text.strip():
            if runs:
                runs[-1].text += seg.text
            continue
        assert seg.x0 is not None and seg.x1 is not None
        last = runs[-1] if runs else None
        if (
            last is not None
            and last.x1 is not None
            and seg.x0 - last.x1 <= _RUN_GAP_EMS * max(seg.size, last.size, 1.0)
        ):
            last.text += seg.text
            last.x1 = max(last.x1, seg.x1)
        else:
            runs.append(_Segment(seg.text, seg.x0, seg.x1, seg.y, seg.size))
    return runs


def _columns(raw: Sequence[Sequence[_Segment]]) -> tuple[list[_Line] | None, bool]:
    """A page's lines in reading order when it has columns, by the x positions of its text;
    (None, uncertain) when it has none or they cannot be told apart with confidence.

    Lines are split into runs where a gap of over _RUN_GAP_EMS separates their text. A column
    starts at an x where at least three runs begin, well right of the page's left edge; it is
    taken as a column (not a table) when almost no text runs across that x and the text to its
    left mostly fills the width up to it. The runs are then read column by column, within
    bands of lines between text that spans the columns (a headline). A page where runs line
    up like that but the test fails is reported as uncertain and kept in drawing order."""
    lines = [_runs(segments) for segments in raw]
    runs = [run for line in lines for run in line]
    if len(lines) < 3:
        return None, False
    sizes = sorted(run.size for run in runs)
    em = sizes[len(sizes) // 2] or 10.0
    tol = max(2.0, 0.25 * em)
    left = min(run.x0 for run in runs if run.x0 is not None)
    starts = sorted(run.x0 for run in runs if run.x0 is not None and run.x0 > left + 5 * em)
    clusters: list[list[float]] = []
    for x in starts:
        if clusters and x - clusters[-1][0] <= tol:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    boundaries: list[float] = []
    uncertain = False
    for cluster in clusters:
        if len(cluster) < 3:
            continue
        b = cluster[0]
        aligned = sum(any(abs((run.x0 or 0) - b) <= tol for run in line) for line in lines)
        if aligned < 3 or aligned < 0.2 * len(lines):
            continue
        crossing = sum(1 for run in runs if (run.x0 or 0) < b - tol and (run.x1 or 0) > b + tol)
        lefts = sorted(
            run.x1 or 0.0
            for line in lines
            if any(abs((run.x0 or 0) - b) <= tol for run in line)
            for run in line
            if (run.x0 or 0) < b - tol
        )
        column_left = max([x for x in boundaries if x < b] or [left])
        filled = not lefts or lefts[len(lefts) // 2] >= column_left + 0.6 * (b - column_left)
        if crossing <= max(2, 0.1 * len(lines)) and filled:
            boundaries.append(b)
        else:
            uncertain = True
    if not boundaries:
        return None, uncertain

    def column_of(run: _Segment) -> int:
        return sum((run.x0 or 0) >= b - tol for b in boundaries)

    def spans(run: _Segment) -> bool:
        return any((run.x0 or 0) < b - tol and (run.x1 or 0) > b + tol for b in boundaries)

    out: list[_Line] = []
    band: list[list[_Line]] = [[] for _ in range(len(boundaries) + 1)]

    def flush() -> None:
        for column in band:
            out.extend(column)
            column.clear()

    for line in lines:
        if any(spans(run) for run in line):
            flush()
            out.append(_Line(" ".join(run.text.strip() for run in line), line[0].y, line[0].size))
            continue
        for run in line:
            band[column_of(run)].append(_Line(run.text, run.y, run.size))
    flush()
    return out, uncertain


def _clean_line(text: str) -> str:
    """Ligatures spelled out, tabs and runs of spaces as one space, soft hyphens dropped
    except one at the end of the line (a hyphenation point: the word goes on below)."""
    text = re.sub(r"[ \t\u00a0]+", " ", text.translate(_LIGATURES)).strip()
    soft_end = text.endswith(_SOFT_HYPHEN)
    text = text.replace(_SOFT_HYPHEN, "")
    return text + _SOFT_HYPHEN if soft_end and text else text


def _running_key(line: _Line) -> tuple[str, int]:
    """A line as it repeats from page to page: digits (page numbers, dates) as 0, case and
    spacing ignored, a number at either end dropped; with its font size, so that a headline
    on the first page is not taken for the same words in small type atop the others."""
    key = _SPACES.sub(" ", _DIGITS.sub("0", line.text.casefold())).strip()
    return _END_NUMBER.sub("", key), round(line.size)


def _edge_orders(lines: Sequence[_Line]) -> list[list[int]]:
    """A page's line indexes from each edge inwards: from the first and the last line read,
    and from the top and the bottom of the page (a footer may be drawn first, or land
    between columns)."""
    placed = sorted(
        (i for i, line in enumerate(lines) if line.y is not None), key=lambda i: lines[i].y or 0.0
    )
    forward = list(range(len(lines)))
    return [forward, forward[::-1], placed[::-1], placed]


def _without_running_lines(
    pages: Sequence[Sequence[_Line]],
) -> tuple[list[list[_Line]], list[str]]:
    """The pages without their running headers and footers and page numbers, and the text of
    each running line dropped (as first met; page numbers alone are not listed).

    A line is running when its _running_key is among the _EDGE_LINES at the top or bottom of
    at least half of the pages with text, and of two at least. Only lines at a page's edge
    are dropped: from each edge inwards up to the first line that is neither running nor a
    page number, so body text between them always stays."""
    texted = [page for page in pages if page]
    at_edges: Counter[tuple[str, int]] = Counter()
    for page in texted:
        at_edges.update(
            {_running_key(page[i]) for order in _edge_orders(page) for i in order[:_EDGE_LINES]}
        )
    needed = max(2, (len(texted) + 1) // 2)
    running = {key for key, count in at_edges.items() if count >= needed and key[0]}
    dropped: dict[tuple[str, int], str] = {}
    out: list[list[_Line]] = []
    for page in pages:
        keys = [_running_key(line) for line in page]
        furniture = [
            keys[i] in running or bool(_PAGE_NUMBER.match(line.text)) for i, line in enumerate(page)
        ]
        gone: set[int] = set()
        for order in _edge_orders(page):
            for i in order:
                if not furniture[i]:
                    break
                gone.add(i)
        for i in sorted(gone):
            if keys[i] in running and not _PAGE_NUMBER.match(page[i].text):
                dropped.setdefault(keys[i], page[i].text)
        out.append([line for i, line in enumerate(page) if i not in gone])
    return out, list(dropped.values())


def _full_length(lines: Sequence[_Line]) -> int:
    """The length of a typical full line of a page."""
    lengths = sorted(len(line.text) for line in lines)
    return lengths[int(0.8 * (len(lengths) - 1))]


def _is_split(text: str) -> bool:
    """Whether a line ends inside a word split by a hyphen."""
    return text.endswith(_SOFT_HYPHEN) or bool(_SPLIT_WORD.search(text))


def _runs_on(page: Sequence[_Line], next_page: Sequence[_Line]) -> bool:
    """Whether the text at the foot of `page` goes on atop `next_page`: a sentence broken by
    the page break (see the module docstring)."""
    last, first = page[-1], next_page[0]
    if _SENTENCE_END.search(last.text):
        return False
    if len(last.text) < 0.7 * _full_length(page) and not _is_split(last.text):
        return False  # a short last line: the end of a paragraph, a heading
    return not _other_size(last, first)  # a heading starts the next page


def _other_size(line: _Line, next_line: _Line) -> bool:
    """Whether two lines are in clearly different font sizes (a heading and body text)."""
    return bool(line.size and next_line.size) and (
        abs(line.size - next_line.size) > 0.15 * line.size
    )


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
    full = _full_length(lines)
    paragraphs: list[list[str]] = [[lines[0].text]]
    for prev, line in zip(lines, lines[1:], strict=False):
        # a short line ends its paragraph, unless it ends in a word split by a hyphen
        breaks = len(prev.text) < 0.7 * full and not _is_split(prev.text)
        if prev.y is not None and line.y is not None:
            gap = prev.y - line.y
            if gap <= 0 or (spacing is not None and gap > 1.4 * spacing):
                breaks = True
            if _other_size(prev, line):
                breaks = True
        if breaks:
            paragraphs.append([line.text])
        else:
            paragraphs[-1].append(line.text)
    return paragraphs


def pdf_lines_to_text(pages: Sequence[Sequence[_Line]]) -> str:
    """Pages of lines -> paragraphs separated by blank lines (hyphenation resolved); a
    sentence broken by a page break is one paragraph. Running headers and footers must be
    gone already (_without_running_lines)."""
    grouped: list[list[str]] = []
    previous: Sequence[_Line] = []  # the last page with text
    for page in pages:
        paragraphs = _paragraphs_of_page(page)
        if not paragraphs:
            continue  # a page without text (a photo) does not break a sentence either
        if grouped and _runs_on(previous, page):
            grouped[-1].extend(paragraphs.pop(0))
        grouped.extend(paragraphs)
        previous = page
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
    """Title and creation date (YYYY-MM-DD) from the PDF's document information, when they
    are usable."""
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
    created: str | None = None
    try:
        date = info.creation_date
        if isinstance(date, datetime):
            created = date.date().isoformat()
    except Exception:  # a malformed date is no reason to refuse the document
        created = None
    return title, created


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
    return _shortened(first, TITLE_CHARS)


def _shortened(text: str, limit: int) -> str:
    return text[:limit] + ("…" if len(text) > limit else "")


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
            f"{name}: unpacks to {format_mb(unpacked)} of XML, over the "
            f"{MAX_DOCX_XML_BYTES // MB} MB limit; not imported"
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
    # not the published date (see pdf_to_text): a template's date, or the day it was saved
    meta = ArticleMeta(title=title or heading or _first_line(text))
    notes = ["Word document: paragraphs and tables read"]
    if isinstance(created, datetime):
        notes.append(f"document created {created.date().isoformat()}")
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
