"""Quotes interrupted by their attribution, split for review.

PolNeAR (and so `extract`, which is scored on it) annotates `"A," Baker said. "B."` as one
span running across the attribution. A reviewer, an export or a claim check needs the
speaker's words only, so the store keeps the two quoted parts as two statements.

A quotation continued into the next paragraph (the continuation opens with a quotation mark
of its own) becomes one statement per paragraph, so no statement holds a stray quotation
mark; and a part keeps no trailing comma ("“A,” Baker said" stores "A", as `extract` reports
it; a final full stop, question or exclamation mark stays, as in the seed answer key).
"""

from __future__ import annotations

import re
from dataclasses import replace

from quotecheck.model import Attribution

OPENING = "\"“„«‘'"
CLOSING = "\"”»’'"
# a paragraph break followed by the opening mark of a continued quotation
_CONTINUED = re.compile(r"\s*\n\s*[\"“„«‘']")


def split_interrupted(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """Each attribution whose content contains its own speaker mention or cue becomes the
    quoted part before the attribution and the quoted part after it; each part is then cut
    at the paragraphs of a continued quotation and loses a trailing comma."""
    out: list[Attribution] = []
    for a in _split_attribution(text, attributions):
        out.extend(_by_paragraph(text, a))
    return out


def _by_paragraph(text: str, a: Attribution) -> list[Attribution]:
    out: list[Attribution] = []
    start = a.start
    pos = a.start
    while True:
        m = _CONTINUED.search(text, pos, a.end)
        end = m.start() if m is not None else a.end
        part = _trimmed(text, a, start, end)
        if part is not None:
            out.append(part)
        if m is None:
            break
        start = pos = m.end()
    return out or [a]


def _trimmed(text: str, a: Attribution, start: int, end: int) -> Attribution | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if end <= start:
        return None
    if (start, end) == (a.start, a.end):
        return a
    return replace(a, start=start, end=end, text=text[start:end])


def _is_mark(text: str, i: int, marks: str) -> bool:
    """Whether text[i] is one of the quotation marks: an apostrophe between letters ("the
    minister's office", "don’t") never is."""
    if text[i] not in marks:
        return False
    if text[i] in "'’‘" and 0 < i < len(text) - 1:
        return not (text[i - 1].isalpha() and text[i + 1].isalpha())
    return True


def _split_attribution(text: str, attributions: list[Attribution]) -> list[Attribution]:
    out: list[Attribution] = []
    for a in attributions:
        inner = [sp for sp in (a.speaker_span, a.cue_span) if sp and a.start < sp[0] < a.end]
        if not inner:
            out.append(a)
            continue
        cut = min(sp[0] for sp in inner)
        resume = max(sp[1] for sp in inner)
        first_end = cut
        while first_end > a.start and (
            text[first_end - 1].isspace() or _is_mark(text, first_end - 1, CLOSING)
        ):
            first_end -= 1
        opening = next((i for i in range(resume, a.end) if _is_mark(text, i, OPENING)), None)
        if opening is None or first_end <= a.start:
            out.append(a)  # not the quoted-attribution-quoted shape: leave it as found
            continue
        second_start = opening + 1
        while second_start < a.end and text[second_start].isspace():
            second_start += 1
        out.append(replace(a, end=first_end, text=text[a.start : first_end]))
        if second_start < a.end:
            out.append(replace(a, start=second_start, text=text[second_start : a.end]))
    return out
