"""Sentence and paragraph boundaries that respect quotation marks and abbreviations."""

from __future__ import annotations

import re

from quotecheck.extract.letters import UPPER, unicode_letters
from quotecheck.extract.quotes import QuoteSpan

__all__ = ["split_sentences", "paragraph_bounds"]

_ABBREV = frozenset(
    "mr mrs ms dr sen rep gov gen lt col st jr sr prof rev sgt capt maj adm cmdr pres supt insp "
    "jan feb mar apr jun jul aug sep sept oct nov dec no vs v etc inc corp co ltd dept univ ave "
    "mt ft u.s u.k u.n d.c r.i.p e.g i.e a.m p.m fla calif ariz mich wis minn ky tenn ga ala "
    "miss va wash ore colo conn mass okla pa ill ind nev neb kan del md n.j n.y n.h s.c n.c".split()
)

# End punctuation, optional closing quotes/brackets, whitespace, then something that can start
# a sentence (an upper-case letter, a digit or an opening quote).
_BOUNDARY = re.compile(r"[.!?]+(?:''|[\"”’'»)\]])*(?=\s+(?:''|``|[\"“‘'«(\[])?[" + UPPER + "0-9])")


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line of ``text``."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        if text[pos:nl].strip():
            out.append((pos, nl))
        pos = nl + 1
    return out


# Words that start a new sentence after a dotted abbreviation ("... in the U.S. He said").
_STARTERS = re.compile(
    r"\s+(?:(?:He|She|It|They|We|I|The|But|And|This|That|These|Those|There|In|On|At|As|If|"
    r"When|While|Still|Yet|So|Now|Then|His|Her|Their|Our|My|A|An)\s|[“\"]|''|``)"
)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or an initial."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word:
        return False
    if len(word) == 1 and text[j].isupper():
        return True  # an initial: "John F. Kennedy"
    if word in _ABBREV and _STARTERS.match(text, dot + 1):
        # "in the U.S. He said", "in Fresno, Calif. “It goes on ...": the abbreviation
        # ends the sentence too (a pronoun only after a dotted one: "Gen. He Weidong")
        if "." in word or not text[dot + 1 :].lstrip()[:1].isalpha():
            return False
    return word in _ABBREV


# A dateline opening a paragraph ("BERLIN, June 3 -", "RENO, Nev. (AP) —", "MACAU (Reuters) –",
# "TOKYO/SEOUL, Nov 18 (Reuters) -"):
# the place and the agency of the report, never a speaker or part of a statement.
_DATELINE = re.compile(
    # (capitals beyond ASCII too: "SÃO PAULO, May 2 -", "ÉVIAN –")
    unicode_letters(
        r"[A-Z][A-Z’'.-]+(?:(?:\s+|/)[A-Z][A-Z’'.-]+){0,3}"  # "TOKYO/SEOUL": two places
        r"(?:,\s+[A-Z][A-Za-z.]{1,12}(?:\s+[A-Z][A-Za-z.]{1,12})?)??"
        r"(?:,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?"
        r"(?:\s*\([^()\n]{1,30}\))?"
        r"\s*(?:--|[-—–])\s*(?=[A-Z“\"‘'])"
    )
)


def _after_dateline(text: str, s: int, e: int) -> int:
    """``s`` moved past a dateline when the sentence at ``s`` opens a paragraph."""
    if s > 0 and text[text.rfind("\n", 0, s) + 1 : s].strip():
        return s
    m = _DATELINE.match(text, s, e)
    return m.end() if m is not None and m.end() < e else s


def split_sentences(text: str, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Sentence spans (start, end), never crossing a paragraph break outside a quotation.

    Boundaries inside a top-level quotation are ignored, so a quoted passage of several
    sentences stays in one unit with its attribution.
    """
    inside: list[tuple[int, int]] = [(q.start, q.end) for q in quotes if q.double]
    out: list[tuple[int, int]] = []
    cuts: list[int] = []
    for m in _BOUNDARY.finditer(text):
        end_punct = m.start()
        if text[end_punct] == "." and _is_abbreviation(text, end_punct):
            continue
        cuts.append(m.end())
    for _p_start, p_end in paragraph_bounds(text):
        cuts.append(p_end)
    cuts.sort()
    # drop cuts inside a top-level quote
    kept: list[int] = []
    qi = 0
    for c in cuts:
        while qi < len(inside) and inside[qi][1] <= c:
            qi += 1
        if qi < len(inside) and inside[qi][0] < c < inside[qi][1]:
            continue
        kept.append(c)
    start = 0
    for c in [*kept, len(text)]:  # the text's end closes the last sentence
        if c <= start:
            continue
        s, e = start, c
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        s = _after_dateline(text, s, e)
        if e > s:
            out.append((s, e))
        start = c
    return out
