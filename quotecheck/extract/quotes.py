"""Quotation marks: pair opening and closing marks into quoted spans.

Handles “curly”, "straight", ‘single’, «guillemets», „German“ and ''doubled apostrophes''
(and ``LaTeX'' style). Single quotes nest inside double ones; a curly double quote nests
inside another only when the paragraph holds closing marks for both (“… “your team” …”),
else the earlier opener is a typo and dropped. A quote may run over several paragraphs when each new paragraph re-opens it
(the closing mark comes only at the end). An odd number of marks never raises: a quote left
open at the end of a paragraph that is not continued is closed at the paragraph end and
flagged ``unterminated``; a stray closing mark is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuoteSpan", "find_quotes"]

# Longest alternatives first so that '' is one mark, not two apostrophes.
_MARK = re.compile(r"''|``|[\"“”„«»‘’']")

_OPEN_CTX = set(" \t\r\n([{—–-/\u00a0:")
_DOUBLE_OPEN = {"“", "„", "«", "``"}
_DOUBLE_CLOSE = {"”", "»"}
_DOUBLE_AMBIG = {'"', "''"}


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quoted span: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    double: bool = True
    unterminated: bool = False
    nested: bool = False

    @property
    def length(self) -> int:
        return self.inner_end - self.inner_start


def _is_space(ch: str) -> bool:
    return ch.isspace()


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"\n", text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    return bounds


def _starts_with_opener(text: str, start: int, end: int) -> int | None:
    """Position of an opening double mark at the start of a paragraph, if any."""
    i = start
    while i < end and text[i] in " \t\r\u00a0":
        i += 1
    if i >= end:
        return None
    if text.startswith("''", i) or text.startswith("``", i):
        return i
    if text[i] in '“„«"':
        return i
    return None


def find_quotes(text: str) -> list[QuoteSpan]:
    """All quoted spans of ``text``, sorted by start; outer double quotes and nested singles."""
    paragraphs = _paragraph_bounds(text)
    result: list[QuoteSpan] = []
    open_pos: int | None = None  # position of the current open double mark
    open_mark = ""
    para_index = 0
    n_para = len(paragraphs)
    singles: list[QuoteSpan] = []
    while para_index < n_para:
        p_start, p_end = paragraphs[para_index]
        single_open: int | None = None
        outer: list[tuple[int, str]] = []  # curly quotes open around the current one
        for m in _MARK.finditer(text, p_start, p_end):
            mark = m.group()
            i, j = m.start(), m.end()
            prev = text[i - 1] if i > 0 else " "
            nxt = text[j] if j < len(text) else " "
            left_open = i == p_start or prev in _OPEN_CTX or prev in '“"‘'
            right_space = j >= p_end or _is_space(nxt) or nxt in ",.;:!?)]}—–-"
            if mark in _DOUBLE_OPEN or mark in _DOUBLE_CLOSE or mark in _DOUBLE_AMBIG:
                if mark == "``" or mark == "„" or mark == "«":
                    role = "open"
                elif mark == "»":
                    role = "close"
                elif mark == "“":
                    # German „...“ closes with “; sloppy typography may close with “ too.
                    if open_pos is not None and (
                        open_mark == "„" or (right_space and not left_open)
                    ):
                        role = "close"
                    else:
                        role = "open"
                elif mark == "”":
                    if open_pos is None and left_open and not right_space:
                        role = "open"  # ” used as an opener (sloppy typography)
                    else:
                        role = "close"
                else:  # ambiguous " or ''
                    if open_pos is None:
                        role = "open" if (left_open or not right_space) else "stray"
                        if left_open and right_space:
                            role = "stray"
                    else:
                        role = "close" if not (left_open and not right_space) else "reopen"
                if role == "open" or role == "reopen":
                    if open_pos is not None and _nests(text, open_mark, mark, j, p_end, len(outer)):
                        outer.append((open_pos, open_mark))
                    else:
                        # a previous opener that was never closed is dropped as stray
                        outer.clear()
                    open_pos, open_mark = i, mark
                    single_open = None
                elif role == "close" and open_pos is not None:
                    inner_start = open_pos + len(open_mark)
                    if i > inner_start:
                        result.append(
                            QuoteSpan(open_pos, j, inner_start, i, double=True, nested=bool(outer))
                        )
                    open_pos, open_mark = outer.pop() if outer else (None, "")
                    single_open = None
                continue
            # single marks
            if mark == "‘" or (mark == "'" and left_open and nxt.isalnum()):
                if mark == "'" and not left_open:
                    continue
                if single_open is None:
                    single_open = i
                continue
            if mark in ("’", "'") and single_open is not None:
                if prev.isspace():
                    continue
                if nxt.isalpha():
                    continue  # apostrophe inside a word
                if i > single_open + 1:
                    singles.append(
                        QuoteSpan(
                            single_open,
                            j,
                            single_open + 1,
                            i,
                            double=False,
                            nested=open_pos is not None and open_pos < single_open,
                        )
                    )
                single_open = None
        # end of paragraph with an open double quote
        if open_pos is not None:
            nxt_index = para_index + 1
            # skip empty paragraphs
            while (
                nxt_index < n_para
                and not text[paragraphs[nxt_index][0] : paragraphs[nxt_index][1]].strip()
            ):
                nxt_index += 1
            cont = None
            if nxt_index < n_para:
                cont = _starts_with_opener(text, *paragraphs[nxt_index])
            if cont is not None and _has_closer_later(text, paragraphs, nxt_index):
                # Multi-paragraph quote: skip the re-opening mark and go on.
                para_index = nxt_index
                q_start, q_end = paragraphs[para_index]
                mark_len = 2 if text.startswith(("''", "``"), cont) else 1
                paragraphs[para_index] = (cont + mark_len, q_end)
                continue
            end = p_end
            while end > open_pos and text[end - 1].isspace():
                end -= 1
            inner_start = open_pos + len(open_mark)
            if end > inner_start:
                result.append(
                    QuoteSpan(open_pos, end, inner_start, end, double=True, unterminated=True)
                )
            open_pos, open_mark = None, ""
        para_index += 1
    # keep singles that are not inside another single; mark nesting against doubles
    out: list[QuoteSpan] = list(result)
    for s in singles:
        inside = any(d.start < s.start and s.end <= d.end for d in result)
        out.append(
            QuoteSpan(s.start, s.end, s.inner_start, s.inner_end, double=False, nested=inside)
        )
    out.sort(key=lambda q: (q.start, -q.end))
    return out


def _nests(text: str, open_mark: str, mark: str, after: int, p_end: int, depth: int) -> bool:
    """Whether a curly opening mark inside an open curly quote starts a nested quotation
    (“… “your team” needs …”): only when the paragraph holds enough closing marks after it
    for both, else the earlier opener is taken as a typo (“A. “B.”)."""
    if open_mark != "“" or mark != "“":
        return False
    openers = text.count("“", after, p_end)
    closers = text.count("”", after, p_end)
    return closers >= openers + depth + 2


def _has_closer_later(text: str, paragraphs: list[tuple[int, int]], index: int) -> bool:
    """Whether some later paragraph (from ``index``) contains a closing double mark."""
    for k in range(index, min(index + 12, len(paragraphs))):
        s, e = paragraphs[k]
        seg = text[s:e]
        if "”" in seg or "»" in seg:
            return True
        if seg.count('"') + seg.count("''") >= 1 and k > index:
            return True
        if k == index and (seg.count('"') >= 2 or seg.count("''") >= 2):
            return True
    return False


def top_level(quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """Quotes not contained in another quote (double quotes, plus singles used as primary)."""
    out: list[QuoteSpan] = []
    last_end = -1
    for q in quotes:
        if q.start < last_end:
            continue
        out.append(q)
        last_end = q.end
    return out
