"""Claim check: does a pasted claim match what was really said, by whom, and where?

`check(claim, store)` parses the claim into a claimed speaker, the claimed words and a
claimed source, finds the closest recorded quotes, and gives a verdict (see DESIGN.md):
verified, altered, contradicted, misattributed, paraphrase or not found, with flags, the best
matches, and a word-level diff for the front-ends to colour.

How it works (details and measurements in docs/matching.md):

1. Parsing (`parse_claim`): quoted words if any, otherwise the claim minus its attribution
   ("X said ...", "According to X, ...", "... - X", "X: ...", "Says ...") and minus a
   trailing source phrase ("at the UNGA", "in a KCNA report").
2. Retrieval: the rarest claim terms (document frequencies from an `fts5vocab` table over
   `quotes_fts`), within a budget of postings, are OR-ed into one FTS5 query ranked by bm25
   (claims of common words only: an AND of their words); a claimed speaker's best hits are
   added in the same pass. Every user term is quoted, so nothing typed is ever FTS5 syntax.
3. Scoring: each candidate, and windows of two or three adjacent quotes of one speaker, is
   scored by rarity-weighted word coverage (both ways) blended with RapidFuzz `ratio`; the
   claimed speaker adds a boost.
4. Verdict: the claim is aligned word by word with the best unit (difflib on word lists);
   negation flips (not/no/never/n't/without, added or removed) and changed numbers are read
   off the alignment, never off the score. Speakers are compared through the store's names,
   aliases and roles.
"""

from __future__ import annotations

import difflib
import functools
import logging
import math
import os
import re
import sqlite3
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from rapidfuzz import fuzz

from quotecheck import QuoteCheckError
from quotecheck.extract.cues import SPEECH, cue_info, inflections
from quotecheck.store import Store
from quotecheck.text import _FOLD, fold, name_key, normalize, search_terms, words
from quotecheck.text import _WORD as _STORE_WORD

log = logging.getLogger(__name__)

__all__ = [
    "VERDICTS",
    "CheckResult",
    "DiffSegment",
    "Match",
    "MatchSettings",
    "Matcher",
    "ParsedClaim",
    "check",
    "parse_claim",
]

MAX_CLAIM_CHARS = 5000
TRUE = frozenset({"1", "true", "yes", "on"})
VERDICTS = ("verified", "altered", "contradicted", "misattributed", "paraphrase", "not found")


# -- public data --------------------------------------------------------------------------


# Quotes a reviewer rejected (a wrong extraction, a misquote) are no evidence for any claim.
_EVIDENCE = "(status IS NULL OR status != 'rejected')"


@dataclass(frozen=True, slots=True)
class MatchSettings:
    """Thresholds and sizes of the claim check. Defaults are measured: see docs/matching.md."""

    # Retrieval
    rare_terms: int = 8  # rarest claim terms OR-ed into the FTS5 query
    min_or_terms: int = 3  # fewer rare terms than this within the budget: AND the words
    postings_budget: int = 5_000  # ... while their document frequencies sum to at most this
    candidates: int = 60  # FTS5 rows per query (bm25 order)
    speaker_candidates: int = 30  # extra rows from the claimed speaker's quotes
    window: int = 3  # largest window of adjacent quotes of one speaker (1: no windows)
    window_seeds: int = 20  # best single quotes whose neighbours form windows
    speaker_boost: float = 10.0  # added to the rank score when the claimed speaker matches
    # share of the best adjacent statement's claim coverage (same transcript, any speaker)
    # added to a unit's rank score: a sentence in a passage about the claim's topic gains
    neighbour_share: float = 0.1
    # Rank score = 100 * (w_coverage * claim words found + w_precision * unit words that are
    # claim words + w_ratio * RapidFuzz ratio), then blended with the aligned similarity
    w_coverage: float = 0.55
    w_precision: float = 0.25
    w_ratio: float = 0.20
    w_similarity: float = 0.5  # share of the aligned similarity in the final ranking
    verbatim_min: float = 90.0  # aligned similarity from which a unit holds the claimed words
    verbatim_bonus: float = 5.0  # ... and ranks this much above looser ones
    prefix_terms: bool = False  # query word stems as FTS5 prefixes (see docs/matching.md)
    use_context: bool = True  # words around quoted words help find the quote (not judge it)
    context_weight: float = 0.25  # their weight beside the quoted words
    # Verdict (scores are 0-100)
    not_found_below: float = 45.0  # best score under this: nothing on record is close enough
    min_coverage: float = 40.0  # share of the claim's rare words the quote must hold
    altered_min: float = 70.0  # word similarity to call it altered rather than a paraphrase
    contradicted_min: float = 60.0  # similarity needed to call a negation flip "contradicted"
    misattributed_min: float = 70.0  # how close the words must be to blame the speaker
    min_excerpt_words: int = 3  # a shorter part of a longer quote is not verified on its own
    ambiguous_margin: float = 1.0  # other quotes this close to the best -> flag "ambiguous"
    max_matches: int = 5
    max_claim_chars: int = MAX_CLAIM_CHARS  # longer claims are cut (flag "truncated")
    max_claim_words: int = 300

    def __post_init__(self) -> None:
        # Values may come from a settings file as floats or strings ("60.0"): each field is
        # made its declared type, and sizes at least 1 (0 for the speaker's extra rows).
        for f in fields(self):
            value = getattr(self, f.name)
            default = f.default
            try:
                if isinstance(default, bool):
                    value = value if isinstance(value, bool) else str(value).lower() in TRUE
                elif isinstance(default, int):
                    value = max(0 if f.name == "speaker_candidates" else 1, int(float(value)))
                elif isinstance(default, float):
                    value = float(value)
            except (TypeError, ValueError):
                value = default
            object.__setattr__(self, f.name, value)


@dataclass(frozen=True, slots=True)
class DiffSegment:
    op: str  # "equal", "added" (in the claim, not in the quote), "dropped" (in the quote only)
    text: str

    def to_record(self) -> dict[str, str]:
        return {"op": self.op, "text": self.text}


@dataclass(slots=True)
class Match:
    quote_id: int
    ref: str | None
    score: float  # 0-100
    speaker: str | None
    speaker_role: str | None
    source: str | None
    text: str
    kind: str | None
    article_id: int | None
    article: str | None  # article title
    article_date: str | None
    said_on: str | None
    quote_ids: list[int] = field(default_factory=list)  # more than one: a window of quotes
    speaker_id: int | None = None
    source_id: int | None = None
    status: str | None = None  # the quote's review status (unreviewed, verified, disputed)

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ParsedClaim:
    claim: str
    speaker: str | None
    words: str
    source: str | None
    quoted: bool  # the claimed words were between quotation marks
    truncated: bool = False
    context: str = ""  # the claim's other words (outside the quotation marks, no attribution)
    denial: bool = False  # "X denied that ...", "X never said ...": the claim is that X did not
    speaker_cued: bool = False  # the speaker is named by an attribution ("X said", "- X")
    sentence: str = ""  # quoted claims: the attributed clause with the quotation in it
    topic: bool = False  # "Jeb Bush on Florida tuition": a headline naming a topic, not words
    segments: tuple[str, ...] = ()  # each quotation of a claim that has several


@dataclass(slots=True)
class CheckResult:
    claim: str
    claimed_speaker: str | None
    claimed_words: str
    claimed_source: str | None
    verdict: str
    flags: list[str] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    diff: list[DiffSegment] = field(default_factory=list)
    explanation: str = ""
    speaker_match: bool | None = None
    source_match: bool | None = None
    similarity: float = 0.0  # word similarity between the claimed words and the best quote
    coverage: float = 0.0  # share of the claimed words (weighted by rarity) in the best quote

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None

    def to_record(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "claimed_speaker": self.claimed_speaker,
            "claimed_words": self.claimed_words,
            "claimed_source": self.claimed_source,
            "verdict": self.verdict,
            "flags": list(self.flags),
            "matches": [m.to_record() for m in self.matches],
            "diff": [d.to_record() for d in self.diff],
            "explanation": self.explanation,
            "speaker_match": self.speaker_match,
            "source_match": self.source_match,
            "similarity": round(self.similarity, 1),
            "coverage": round(self.coverage, 1),
        }


# -- words --------------------------------------------------------------------------------

NEGATORS = frozenset("not no never without nobody nothing none neither nor nowhere cannot".split())
_CONTRACTIONS = {
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "won't": ("will", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("is", "not"),
}
# Contractions whose apostrophe was lost on the way (common in copied fact-check wordings).
_BARE_NT = {
    f"{base}nt": base
    for base in ("do does did is was were are could would should has have had must need".split())
}
_BARE_NT.update({"cant": "can", "wont": "will", "aint": "is"})
# ... and other contractions, where the bare form is no word of its own ("were", "well",
# "its", "id", "hell" are, and stay as written).
_BARE_APOSTROPHE = {
    bare.replace("'", ""): bare
    for bare in """i'm i've i'd i'll you're you've you'd you'll he's she's he'd she'd he'll she'll
    we've we'd it'll it'd they're they've they'd they'll that's that'll that'd there's there'd
    there'll here's what's what're who's who'd who'll where's how's would've could've
    should've might've must've y'all it's""".split()
    if bare.replace("'", "") not in {"hell", "shell", "well", "wed", "id", "ill", "shed"}
}
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into about than then that this
    these those it its it's is are was were be been being am i me my we us our you your he him
    his she her they them their there here what which who whom whose when where why how so do
    does did done have has had having will would shall should can could may might must just
    very also too only all any some such not no say said says""".split()
)
_NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million billion trillion percent half dozen first second third
    once twice""".split()
)


# "$3bn", "2.5tn": a number and its scale in one word ("3m" may be metres: not that one)
_SCALE_SUFFIXES = {"mn": "million", "bn": "billion", "tn": "trillion", "trn": "trillion"}
_SCALED_NUMBER = re.compile(r"^(\d+(?:[.,]\d+)?)(mn|bn|tn|trn)$")
_PER_CENT = re.compile(r"\b(?i:per)\s+(?i:cent)\b")
_CURRENCY_MILLIONS = re.compile(r"([$\u00a3\u20ac\u00a5])\s?(\d+(?:[.,]\d+)?)m\b")
_SPELT_OUT = (("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'m", "am"))
_SHORT_FORMS = frozenset(_BARE_APOSTROPHE.values()) | {"let's"}  # "it's" is "it is"
# A unit and its abbreviation are one word: "600 km" is "600 kilometres".
_UNIT_WORDS = {
    **dict.fromkeys("km kms kilometer kilometers kilometre kilometres".split(), "km"),
    **dict.fromkeys("kg kgs kilogram kilograms kilogramme kilogrammes".split(), "kg"),
    **dict.fromkeys("cm centimeter centimeters centimetre centimetres".split(), "cm"),
}
# British and American spellings compare as one word: a KCNA translation and a US paper
# quote the same "neutralise"/"neutralize", "defences"/"defenses".
_UK_STEMS = {
    **{
        f"{stem}our": f"{stem}or"
        for stem in """col hon lab fav behavi neighb harb rum hum vap vig endeav arm flav sav
        od parl splend val savi ferv tum cand clam""".split()
    },
    **{
        f"{stem}re": f"{stem}er"
        for stem in "cent theat met kilomet centimet millimet lit fib calib somb spect meag lust".split()
    },
    **{f"{stem}ence": f"{stem}ense" for stem in "def off lic pret".split()},
    **{
        uk: us
        for uk, us in (
            ("programme", "program"),
            ("catalogue", "catalog"),
            ("dialogue", "dialog"),
            ("analyse", "analyze"),
            ("paralyse", "paralyze"),
            ("judgement", "judgment"),
            ("ageing", "aging"),
            ("manoeuvre", "maneuver"),
            ("sceptic", "skeptic"),
            ("sceptical", "skeptical"),
            ("grey", "gray"),
            ("mould", "mold"),
            ("plough", "plow"),
            ("jewellery", "jewelry"),
            ("enrol", "enroll"),
            ("fulfil", "fulfill"),
            ("aluminium", "aluminum"),
            ("travelled", "traveled"),
            ("travelling", "traveling"),
            ("cancelled", "canceled"),
            ("cancelling", "canceling"),
            ("labelled", "labeled"),
            ("modelled", "modeled"),
            ("fuelled", "fueled"),
            ("signalled", "signaled"),
            ("levelled", "leveled"),
            ("counselling", "counseling"),
            ("totalled", "totaled"),
        )
    },
}
_UK_ENDINGS = ("s", "ed", "ing", "ite", "ites", "able", "ful", "ers", "er")
_ISE = re.compile(r"^(\w{4,})is(e|es|ed|ing|ation|ations|er|ers)$")
_YSE = re.compile(r"^(\w*(?:anal|paral|catal|dial))ys(e|es|ed|ing|er|ers)$")  # "analysing"


@functools.lru_cache(maxsize=200_000)  # called for every word of every candidate
def _us_spelling(word: str) -> str:
    """The American spelling of a British one ("defences" -> "defenses"), else the word."""
    if word in _UK_STEMS:
        return _UK_STEMS[word]
    for ending in _UK_ENDINGS:
        base = word[: -len(ending)]
        if word.endswith(ending) and base in _UK_STEMS:
            return _UK_STEMS[base] + ending
    # "neutralise", "organisation": -ise words of seven letters or more ("raise", "wise"
    # and "rise" stay); both sides change alike, so "exercise" still equals "exercise"
    found = _YSE.match(word)
    if found:
        return f"{found.group(1)}yz{found.group(2)}"
    found = _ISE.match(word) if len(word) >= 7 else None
    return f"{found.group(1)}iz{found.group(2)}" if found else word


_US_TO_UK = {us: uk for uk, us in _UK_STEMS.items()}
_IZE = re.compile(r"^(\w{4,})iz(e|es|ed|ing|ation|ations|er|ers)$")


def _british_spellings(word: str) -> list[str]:
    """The British forms of an American spelling, to search for ("neutralize" ->
    "neutralise"); none for other words."""
    out = []
    if word in _US_TO_UK:
        out.append(_US_TO_UK[word])
    for ending in _UK_ENDINGS:
        base = word[: -len(ending)]
        if word.endswith(ending) and base in _US_TO_UK:
            out.append(_US_TO_UK[base] + ending)
    found = _IZE.match(word) if len(word) >= 7 else None
    if found:
        out.append(f"{found.group(1)}is{found.group(2)}")
    return [w for w in out if w != word and _us_spelling(w) == _us_spelling(word)]


@functools.lru_cache(maxsize=200_000)  # called for every word of every candidate
def _expand(token: str) -> tuple[str, ...]:
    """A word as compared: contractions split so "don't" and "do not" align, British
    spellings made American."""
    if token in _CONTRACTIONS:
        return _CONTRACTIONS[token]
    if (scaled := _SCALED_NUMBER.match(token)) is not None:
        # "3bn" is "3 billion", "1.5tn" "1.5 trillion"
        return (scaled.group(1), _SCALE_SUFFIXES[scaled.group(2)])
    if token.endswith("n't") and len(token) > 3:
        return (token[:-3], "not")
    if token in _BARE_NT:
        return (_BARE_NT[token], "not")
    token = _BARE_APOSTROPHE.get(token, token)
    for ending, verb in _SPELT_OUT:
        if token.endswith(ending) and len(token) > len(ending):
            # "we're" is "we are" ("'s" and "'d" stay: "is" or "has", "would" or "had")
            return (token[: -len(ending)], verb)
    if token in _UNIT_WORDS:
        return (_UNIT_WORDS[token],)
    if token.endswith(("'s", "s'")) and token not in _SHORT_FORMS:
        # a possessive typed with or without its apostrophe: "China's", "Chinas"
        token = token.replace("'", "")
    return (_us_spelling(token) if token.isalpha() else token,)


def compare_words(norm_text: str) -> list[str]:
    """Words of a normalised text (quotes.norm_text) in their compared form."""
    out: list[str] = []
    for token in _PER_CENT.sub("percent", norm_text).split():
        out.extend(_expand(token))
    return out


def compare_words_shown(norm_text: str) -> tuple[list[str], list[str]]:
    """`compare_words`, and beside each word its written form, for explanations and diffs:
    "exercise" (compared as "exercize"), "do" + "n't" for "don't", "" for "not" of "cannot"."""
    words: list[str] = []
    shown: list[str] = []
    for token in _PER_CENT.sub("percent", norm_text).split():
        parts = _expand(token)
        words.extend(parts)
        if len(parts) == 1:
            shown.append(token)
        elif token.endswith("n't") and token[:-3] == parts[0]:
            shown.extend([token[:-3], "n't"])
        else:
            shown.extend([token] + [""] * (len(parts) - 1))
    return words, shown


_SUFFIXES = ("ingly", "edly", "ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s")


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude English stem for ranking only ("taxed", "taxes" -> "tax"; "deleted" -> "delet")."""
    if word.endswith(("'s", "s'")):
        # a possessive ranks as its noun ("Obama's" as "Obama"), and "that's", "he's" as the
        # function words they are
        word = word[:-2] if word.endswith("'s") else word[:-1]
    if len(word) <= 3 or not word.isalpha() or word in STOPWORDS:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def is_number(token: str) -> bool:
    return any(c.isdigit() for c in token) or token in _NUMBER_WORDS


@dataclass(slots=True)
class _Tok:
    key: str  # compared form
    show: str  # as written ("" for the second half of a split contraction)
    bracket: bool = False  # editorial insertion in [brackets]
    gap_before: bool = False  # an ellipsis stands before this word
    brk: int = 0  # punctuation before this word: 0 none, 1 clause (,;:-), 2 sentence (.!?)


_LOCAL_EDIT = 4  # longest change (in words, each side) read as a negation flip
_GAP_OR_BRACKET = re.compile(r"(\.{3,}|\.(?: \.){2,}|\[[^\]]*\])")
_DISPLAY_WORD = re.compile(r"\w+(?:['.,]\w+)*", re.UNICODE)
_SENTENCE_PUNCT = re.compile(r"[.!?]")
_CLAUSE_PUNCT = re.compile(r"[,;:()\[\]\u2014\u2013]|(?:^|\s)-{1,3}(?:\s|$)|--")


def _break_kind(gap: str) -> int:
    """What the characters between two words say about them: 2 a sentence ends, 1 a clause."""
    if _SENTENCE_PUNCT.search(gap):
        return 2
    return 1 if _CLAUSE_PUNCT.search(gap) else 0


def _display_words(text: str) -> list[str]:
    return _DISPLAY_WORD.findall(unicodedata.normalize("NFKC", text).translate(_FOLD))


def word_breaks(text: str) -> list[int]:
    """For each compared word of `text` (as `compare_words(normalize(text))` gives them), the
    punctuation before it (see `_Tok.brk`): where its sentences and clauses end."""
    folded = fold(text)
    out: list[int] = []
    prev = 0
    for m in _STORE_WORD.finditer(folded):
        out.append(_break_kind(folded[prev : m.start()]))
        out.extend([0] * (len(_expand(m.group())) - 1))
        prev = m.end()
    return out


def _tokens(text: str, *, editorial: bool = False) -> list[_Tok]:
    """Compared words with display forms; with `editorial`, '...' and [brackets] are marks."""
    out: list[_Tok] = []
    pieces = _GAP_OR_BRACKET.split(text) if editorial else [text]
    gap = False
    for index, piece in enumerate(pieces):
        if editorial and index % 2 == 1:
            inner = piece[1:-1].strip() if piece.startswith("[") else ""
            if not inner or inner.strip(".… ") == "":
                gap = True
                continue
            bracket = True
            piece = inner
        else:
            bracket = False
        plain = unicodedata.normalize("NFKC", piece).translate(_FOLD)
        # "$85m": after a currency sign "m" is million, not metres; "per cent" is "percent"
        plain = _PER_CENT.sub("percent", _CURRENCY_MILLIONS.sub(r"\1\2 million", plain))
        prev = 0
        for m in _DISPLAY_WORD.finditer(plain):
            show = m.group()
            brk = _break_kind(plain[prev : m.start()]) if prev else 0
            prev = m.end()
            parts = _expand(show.casefold())
            shows = [show] + [""] * (len(parts) - 1)
            if len(parts) == 2 and parts[1] == "not":
                # "didn't" is shown as "did" + "n't", so a diff never hides the negation
                cut = 3 if show.casefold().endswith("n't") else 2
                regular = (
                    show.casefold() not in _CONTRACTIONS and show.casefold()[:-cut] == parts[0]
                )
                if regular and show.casefold().endswith(("n't", "nt")):
                    shows = [show[:-cut], show[-cut:]]
            for n, part in enumerate(parts):
                out.append(_Tok(part, shows[n], bracket, gap, brk if n == 0 else 0))
                gap = False
    return out


# -- claim parsing -------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"\s+")
_CUE = (
    r"(?:said|says|say|told|tells|tell|stated|states|claimed|claims|claim|declared|declares|"
    r"announced|announces|added|adds|insisted|insists|argued|argues|wrote|writes|tweeted|"
    r"tweets|warned|warns|asserted|asserts|noted|notes|remarked|explained|explains|"
    r"suggested|suggests|promised|promises|vowed|vows|pledged|pledges|admitted|admits|"
    r"denied|denies|replied|replies|responded|responds|stressed|stresses|repeated|repeats|"
    r"accused|accuses)"
)
# More cue verbs, from the extractor's lexicon (quotecheck.extract.cues), in the past tense
# only: their other forms are often nouns ("reports", "comment").
_MORE_CUE_LEMMAS = """emphasize emphasise urge report confirm acknowledge reiterate maintain
    contend predict reveal concede complain boast testify observe comment mention propose
    recall retort threaten allege affirm proclaim""".split()
_MORE_CUES = sorted(
    {
        form
        for lemma in _MORE_CUE_LEMMAS
        for form in inflections(lemma)
        if form.endswith("ed") and (info := cue_info(form)) is not None and info.cls == SPEECH
    }
)
_CUE = _CUE[:-1] + "|" + "|".join(_MORE_CUES) + ")"
# Headlines capitalise every word: "Kishida Says Japan Should ...". Past forms and "Says"
# only: a capitalised "States", "Claim" or "Notes" is a noun ("United States Steel").
_CUE_TITLE = (
    "(?:Says|"
    + "|".join(
        c.capitalize()
        for c in _CUE[3:-1].split("|")
        if c.endswith("ed") or c in ("said", "told", "wrote")
    )
    + ")"
)
_VENUE = (
    r"(?:speech|session|report|interview|statement|address|press\s+conference|briefing|"
    r"meeting|rally|debate|broadcast|hearing|op-ed|post|tweet|video|summit|forum|conference|"
    r"convention)"
)
_NAME = r"[A-Z0-9][\w.&'-]*(?:\s+(?:of\s+|the\s+|for\s+)?[A-Z0-9][\w.&'-]*){0,5}"
# A source phrase: "at the UNGA", "in the Japanese Parliament", "in a KCNA report",
# "in a speech at the UNGA", "at a press conference".
# Venues one says something "in" ("in a speech", "in an interview"), unlike "in a summit"
_SAID_IN = re.compile(
    r"(?i)\b(?:speech|interview|statement|report|address|op-ed|post|tweet|video|broadcast|"
    r"parliament|congress|senate|assembly|committee|hearing|briefing|session)\b"
)
# Where something is said, in lower case ("told parliament", "a parliamentary committee")
_INSTITUTION = r"(?:parliament|congress|senate|assembly|committee|summit)"
_SOURCE = (
    rf"(?:(?i:in|at|on|to|before|during|via|through)\s+)"
    rf"(?:(?i:a|an|the|his|her|their|its)\s+)?"
    rf"(?:(?P<src_a>{_NAME})\s+(?i:{_VENUE})"
    # "a parliamentary committee", "the climate summit": a venue after a word or two
    rf"|(?:[a-z][\w-]*\s+)?{_INSTITUTION}\b"
    rf"|(?i:{_VENUE})"
    rf"(?:\s+(?i:at|in|of|to|on|before|with)\s+(?:(?i:the)\s+)?(?P<src_b>{_NAME}))?"
    rf"|(?P<src_c>{_NAME}))"
)
_SPEAKER = r"(?P<speaker>[^\s,:;!?\"\x01][^,:;!?\"\x01]{0,70}?)"  # never across a quotation
_SPEAKER_WORDS_MAX = 7
_MIN_QUOTED_WORDS = 3  # fewer words between quotation marks are scare quotes
_SHORT_QUOTE_WORDS = 5  # ... and so are fewer than this when no one is said to say them

# "says that is why": "that" before a verb is the sentence's subject, not "said that ..."
_THAT_PRONOUN = r"(?:is|was|are|were|has|had|will|would|could|can|does|did|means|makes)\b"
_ACCORDING = re.compile(r"^(?i:according\s+to)\s+(?P<attr>[^,]{1,80}?)\s*,\s*(?P<rest>.+)$", re.S)
_SAYS_PREFIX = re.compile(r"^(?i:says)\s+", re.S)
# A fact-checker's rating pasted with the claim ("Mostly False Hillary Clinton gave ...").
# The words also start ordinary sentences ("Mostly true statements are ..."): any case only
# before a colon or dash, else only written as a rating and followed by a capital or a quote.
_RATING_PREFIX = re.compile(
    r"^(?:(?i:mostly\s+true|mostly\s+false|half[\s-]+true|pants\s+on\s+fire!?|true|false)"
    r"\s*[:\u2013\u2014]\s*"
    r"|(?:Mostly\s+(?:True|False)|MOSTLY\s+(?:TRUE|FALSE)|Half[\s-]+True|HALF[\s-]+TRUE"
    r"|Pants\s+on\s+Fire!?|PANTS\s+ON\s+FIRE!?)[\s.]+(?=[A-Z\"\u201c]))"
)
# "True"/"False" alone before an attribution ("FALSE Kishida said ..."), dropped only then
_BARE_RATING = re.compile(r"^(?:TRUE|FALSE|True|False)\s+(?=[A-Z])")
_TOPIC_BOOST = 5.0  # times the speaker boost, for a headline's named speaker
# "X on Y", and fact-checkers' headlines that judge X on Y ("Trump wrong on refugees",
# "Biden overstates US support for ...", "CLINTON ERRS ON HEALTH COSTS"); a bare "about" only
# after a judgement ("Kishida about to hold talks" is a sentence)
_HEADLINE_TOPIC = re.compile(
    r"^(?:(?:is\s+)?(?:mostly\s+)?(?:wrong|right|correct|incorrect|off|misleads|misfires|errs"
    r"|exaggerates|overstates|understates|distorts|twists|stretches|flip-flops)\s+(?:on|about)"
    r"|on"
    r"|(?:misleads|exaggerates|overstates|understates|distorts|twists|misquotes"
    r"|mischaracterizes|misstates|flubs|botches|inflates|cherry-picks))\s+(?P<rest>\S.*)$",
    re.S | re.I,
)
# "Kishida on North Korea: we will respond": the topic, then the claimed words
_TOPIC_THEN_WORDS = re.compile(r"\s*[:;\u2013\u2014]\s*|\s+-{1,2}\s+")
_SPEAKERLESS_TOPIC = re.compile(r"^(?i:on)\s+(?P<rest>\S.*)$", re.S)
_TOPIC_MAX_WORDS = 10
# How much better the claimed words must fit one sentence of a statement than the whole of it
# to be judged against that sentence alone
_SENTENCE_GAIN = 3.0
_TOPIC_VERBS = frozenset(
    "is are was were will would has have had can could should do does did must may might".split()
)
# "North Korea on course for dialogue", "Kishida on the verge of ...": idioms, not topics
_NOT_TOPIC_START = re.compile(
    r"^(?:to|course|track|the\s+verge|the\s+brink|alert|board|hold|top\s+of)\b", re.I
)
# A topic is a noun phrase; a past form followed by its object is a sentence going on
# ("the campaign trail blamed Republicans"), not after a determiner ("the proposed wall").
_TOPIC_DETERMINERS = frozenset(
    "the a an this that these those his her their its our my your".split()
)
_TOPIC_OBJECTS = _TOPIC_DETERMINERS | frozenset("him them us me it you he she they we i".split())
# Cue verbs show that a sentence goes on; not their -s forms, nouns too ("states' rights")
_TOPIC_CUE = re.compile(
    r"\b(?:" + "|".join(c for c in _CUE[3:-1].split("|") if not c.endswith("s")) + r")\b", re.I
)
# A date right after "on" ("on Monday", "on 12 May 2024") is when, not what about; "Monday's
# vote", "May Day", "2020 election fraud" are topics
_TOPIC_DATE = re.compile(
    r"^(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight"
    r"|january|february|march|april|may|june|july|august|september|october|november|december)"
    r"(?!'s|\s+(?-i:[A-Z]))\b|\d[\d/.-]*(?:\s+\w+)?(?:\s+\d{4})?\s*(?:,|$))",
    re.I,
)
# Whom it was said to, or when, after '"...", X told': no speaker ("reporters") and no source.
_AUDIENCE = (
    r"(?:(?:the\s+)?(?:reporters|journalists|press|media|lawmakers|legislators|supporters|"
    r"voters|crowd|audience|students|delegates|workers|members|nation|country)"
    r"|yesterday|today|tonight|earlier|later)"
)
# Verbs that name what the speaker called something: cues only before a quotation ("Yoon
# called the launch "a direct provocation""; "Obama called Putin" is a phone call).
_NAMING_CUE = r"(?:called|calls|dubbed|dubs|branded|brands|labelled|labeled|labels)"
_NAMED_AS = re.compile(rf"^[A-Z][^\x01,;:]{{0,60}}?\s{_NAMING_CUE}\s[^\x01]{{1,80}}?\s\x01[\s.,]*$")
_CUE_FORM = re.compile(
    rf"^{_SPEAKER}\s+(?:{_CUE}|{_CUE.upper()}|{_CUE_TITLE}|(?P<naming>{_NAMING_CUE}))\b"
    rf"(?:\s+(?P<src>{_SOURCE}))?"
    # whom it was told: "told reporters", "told a news conference that"
    rf"(?:(?:(?<=told)|(?<=tells)|(?<=TOLD))\s+(?:{_AUDIENCE}(?=[\s,:])"
    r"|[^\x01\",]{1,40}?(?=\s+(?:that|THAT)\s)))?"
    rf"(?:\s+(?:that|THAT)(?=\s)(?!\s+{_THAT_PRONOUN}))?[\s,:]*(?P<rest>.*)$",
    re.S,
)
_DASH_FORM = re.compile(r"^(?P<rest>.+?)[\s,]*(?:\s-{1,3}|-{2,3})\s*(?P<speaker>[^-]{2,70})$", re.S)
_COLON_FORM = re.compile(r"^(?P<speaker>[^:\"]{2,60}):\s*(?P<rest>.+)$", re.S)
# After the words ('"...", X said'), only verbs: "tweets", "claims", "states" there are nouns.
_AFTER_CUE = (
    r"(?:said|says|told|added|wrote|tweeted|stated|claimed|insisted|argued|declared|"
    r"announced|explained|noted|warned|asserted|replied|stressed|SAID|SAYS|Said|Says|Told|"
    + "|".join(_MORE_CUES)
    + ")"
)
# The inverted order ("..., said Kishida") follows a comma or the quotation: "he predicted
# Sweden riots" is no "Sweden riots" predicting "he".
# The attribution between two quotations: '"...," Cardin said, and Risch said "..."'
_BETWEEN_QUOTATIONS = re.compile(
    rf"^(?:.*?\b(?i:and|but|while|whereas|then|as|adding)\s+|.*?[,;.]\s*)?"
    rf"(?P<name>[A-Z][^,;:\"]{{1,60}}?)\s+{_AFTER_CUE}(?:\s+(?:that|THAT))?$",
    re.S,
)
_SAID_BY = re.compile(
    rf"^(?P<name>[A-Z][^,;:\"]{{1,60}}?)\s+{_AFTER_CUE}\s*(?:[,;.]|\s(?i:and|but|while)\s)"
)
_COMMA_THEN_SPEAKER = re.compile(
    rf",\s*(?:[A-Z][\w.'-]*\s+){{1,5}}?[A-Z][\w'-]+\s+{_AFTER_CUE}[\s.]*$"
)
_TRAILING_CUE = re.compile(
    rf"^(?P<rest>.+?)(?:[\s,]+{_SPEAKER.replace('speaker', 'speaker2')}\s+{_AFTER_CUE}"
    rf"(?:\s+{_AUDIENCE})?|(?:\s*,|(?<=\x01)[\s.;:\-\u2013\u2014]*)\s*{_AFTER_CUE}\s+{_SPEAKER}"
    # '"...," said Fumio Kishida, the prime minister': the role after the name (up to a
    # comma, so "the ambassador to China" is no source "China")
    r"(?:\s*,\s*(?P<role>(?i:the|a|an|his|her|its|their)\s[^,\x01\"]{1,60}))?)"
    rf"(?:[\s,]+(?P<src>{_SOURCE}))?"
    # ... and whom it was told, where or when: '"...," Polyanskiy told the council on Tuesday'
    r"(?:[\s,]+(?i:to|in|at|on|during|before|after|while|last|this|yesterday|today|earlier)\b"
    r"[^\x01\"]{0,60}?|(?:(?<=told)|(?<=tells)|(?<=Told)|(?<=Tells))\s+[^\x01\"]{1,60}?)?[\s.]*$",
    re.S,
)
# "In an interview, Kishida said ...", "Speaking at the UNGA, Kishida said ...": a clause
# before the attribution (its source phrase, if any, is the claimed source)
_LEAD_IN = re.compile(
    r"^(?P<lead>(?i:in|at|on|during|speaking|addressing|asked|writing|talking|after|before|"
    r"earlier|later|last|yesterday|today|while|when|responding|answering|interviewed|"
    r"appearing)\b[^,\x01\"]{0,80}),\s+(?P<rest>\S.*)$",
    re.S,
)
# "Kishida, the prime minister, said ...", "Kishida, speaking in the Diet, said ..."
_APPOSITIVE = re.compile(
    rf"^(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}}),\s+(?P<app>[^,\x01\"]{{2,80}}),\s+"
    rf"(?P<cue>{_CUE})\b",
    re.S,
)
_ACCORDING_AFTER = re.compile(
    r"^(?P<rest>.+?)[\s,]+(?i:according\s+to)\s+(?P<attr>[^,\x01]{1,80}?)[\s.]*$", re.S
)
# A short quotation that is the whole claim but for its attribution ('"Says who?" - Ann
# Lee', 'Ann Lee said: "No."') is a quotation, not scare quotes.
_ATTRIBUTED_ONLY = re.compile(
    rf"^\x01[\s,.]*(?:-{{1,3}}\s*[^\x01-]{{2,60}}|{_AFTER_CUE}\s+[^\x01]{{2,60}}"
    rf"|[^\x01]{{2,60}}?\s+{_AFTER_CUE}[\s.]*)$"
    rf"|^[^\x01]{{2,60}}?(?:\s+{_AFTER_CUE}|:)[\s,:]*\x01[\s.]*$",
    re.S,
)
_SOURCE_AT_END = re.compile(rf"{_SOURCE}\s*$")
_DATE = re.compile(
    r"^(?:(?:on|last|this|next|early|late)\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|yesterday|today|tonight|week|month|year|morning|evening|night|"
    r"\d[\d/.-]*)\b",
    re.I,
)
_TRAILING_SOURCE = re.compile(rf"^(?P<rest>.+?)[\s,]+{_SOURCE}[\s.]*$", re.S)
_TOLD = re.compile(
    r"\b((?i:told|tells))\s+(?=(?:the\s+)?[A-Z]|(?:the\s+|a\s+)?(?:[a-z]+\s+)?"
    rf"(?:{_INSTITUTION}|conference|hearing|briefing)\b)"
)
_QUOTE_MARK = "\x01"  # stands for the quoted words in the text around them


def _clean(claim: str) -> str:
    text = _CONTROL.sub(" ", claim)
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return _SPACES.sub(" ", text).strip()


def _title_case_function_words(text: str) -> str:
    """A headline in Title Case ("Choe Son Hui On Summit: No Interest In Any Summit") gets its
    function words back in lower case, so they read as words, not as parts of names or
    sources. Only when nearly every word is capitalised and function words are too; the first
    word and words in capitals (US, KCNA) stay."""
    tokens = re.findall(r"[A-Za-z][\w'-]*", text)
    if len(tokens) < 4:
        return text
    capitalised = sum(1 for t in tokens if t[:1].isupper())
    functional = [t for t in tokens[1:] if t.lower() in STOPWORDS and t.istitle()]
    if capitalised < 0.8 * len(tokens) or not functional:
        return text

    def lower(m: re.Match[str]) -> str:
        word = m.group(0)
        return word.lower() if word.istitle() and word.lower() in STOPWORDS else word

    # words between quotation marks are the claimed words: shown as written; the first word
    # of the claim stays capitalised
    parts = text.split('"')
    for n in range(0, len(parts), 2):
        first = re.match(r"\W*[A-Za-z][\w'-]*", parts[n]) if n == 0 else None
        head = first.group(0) if first else ""
        parts[n] = head + re.sub(r"[A-Za-z][\w'-]*", lower, parts[n][len(head) :])
    return '"'.join(parts)


def _quoted_segments(text: str) -> tuple[list[str], str]:
    """Words between quotation marks, and the text around them with each replaced by a mark."""
    if text.count('"') >= 1:
        if text.count('"') % 2 == 1:
            text = text + '"'
        segments = [s.strip() for s in re.findall(r'"([^"]*)"', text)]
        outside = re.sub(r'"[^"]*"', f" {_QUOTE_MARK} ", text)
        kept = [s for s in segments if words(s)]
        if kept:
            return kept, _SPACES.sub(" ", outside).strip()
        # only quote marks: the claim is what is left (maybe nothing)
        return [], _SPACES.sub(" ", outside.replace(_QUOTE_MARK, " ")).strip()
    singles = re.findall(r"(?<!\w)'([^']+?)'(?!\w)", text)
    singles = [s.strip() for s in singles if len(words(s)) >= 2]
    if singles:
        outside = text
        for s in singles:
            outside = outside.replace(f"'{s}'", f" {_QUOTE_MARK} ", 1)
        return singles, _SPACES.sub(" ", outside).strip()
    return [], text


_NAME_TAIL = frozenset(
    "has have had is was were will would also just reportedly then once again later".split()
)
_NAME_PARTICLES = frozenset("of de da del der van von bin al el la le y & jr sr".split())


_CONTRACTION_TAILS = frozenset("s re ve d ll m".split())


def _opens_with_function_word(tokens: Sequence[str]) -> bool:
    """Do the words start with a function word ("it", "we") or its contraction ("We've",
    "There's"; without apostrophe, "Weve", only alone or before a lower-case word: "Im
    Jong-seok" and "A'ja Wilson" are names)?"""
    first = tokens[0].lower()
    if first == "the":
        return False
    if first in STOPWORDS:
        return True
    base, _, tail = first.partition("'")
    if tail in _CONTRACTION_TAILS and base in STOPWORDS:
        return True
    bare = _BARE_APOSTROPHE.get(first)
    alone = len(tokens) == 1 or not tokens[1][:1].isupper()
    return bare is not None and alone


def _plausible_name(text: str | None, *, strict: bool = False) -> str | None:
    """`text` if it can be a speaker. `strict` (no cue verb beside it): it must look like a
    name or title, capitalised words only ("Mitt Romney", "President Obama", "KCNA")."""
    if not text:
        return None
    tokens = text.strip(" ,.;:-'\"").split()
    while tokens and tokens[-1].lower() in _NAME_TAIL:  # "Hillary Clinton has (pledged)"
        tokens.pop()
    if tokens and _opens_with_function_word(tokens):
        return None  # "about Alicia Machado", "it", "we", "We've" / "Weve", "There's"
    if tokens and tokens[-1].islower() and tokens[-1] in STOPWORDS:
        return None  # "Kishida on the (proposed talks)": a name never ends in "the" ("US" may)
    name = " ".join(tokens)
    if not tokens or len(tokens) > _SPEAKER_WORDS_MAX or _QUOTE_MARK in name:
        return None
    if len(tokens) == 1 and tokens[0].lower() in ("the", "a", "an", "this", "that", "these"):
        return None  # "The (accused said ...)"
    if not any(c.isalpha() for c in name):
        return None
    if strict and (
        len(tokens) > 5
        or not tokens[0][:1].isupper()
        or tokens[-1].lower() in _NAME_PARTICLES
        or any(
            (not t[:1].isupper() or t.lower() in STOPWORDS) and t.lower() not in _NAME_PARTICLES
            for t in tokens
        )
    ):
        return None
    return name


def _source_from(match: re.Match[str]) -> str | None:
    for group in ("src_a", "src_b", "src_c"):
        value = match.groupdict().get(group)
        if value:
            value = value.strip(" .,")
            return None if _DATE.match(value) else value  # "on Monday" is when, not where
    return None


def _is_source(
    match: re.Match[str], known_sources: Collection[str] | None, *, strict: bool
) -> str | None:
    """The source named by a source phrase, if it really looks like one."""
    source = _source_from(match)
    phrase = match.groupdict().get("src") or (
        # the source phrase only, not the words before it ("Japan will talk at a briefing")
        match.string[match.end("rest") :] if "rest" in match.groupdict() else match.group(0)
    ).strip(" ,.")
    venue = bool(re.search(_VENUE, phrase, re.I) or re.search(rf"\b{_INSTITUTION}\b", phrase))
    if source is None and not venue and _DATE.match(phrase.split(None, 1)[-1]):
        return None
    if source is None:
        return phrase.split(None, 1)[-1].strip(" .,") if venue else None
    key = name_key(source)
    if known_sources is not None and key in known_sources:
        return source
    if venue or not strict:  # right after the cue verb ("said at X"), X is where it was said
        return source
    return None


def parse_claim(
    claim: str, known_sources: Collection[str] | None = None, *, max_chars: int = MAX_CLAIM_CHARS
) -> ParsedClaim:
    """Split a claim into (claimed speaker, claimed words, claimed source).

    `known_sources`: name keys of sources the store knows; with them a trailing "in X"/"at X"
    is taken as a source only when X is one (so "an emotive issue in Japan" keeps "in Japan").
    """
    raw = claim if isinstance(claim, str) else str(claim)
    truncated = len(raw) > max_chars
    text = _title_case_function_words(_RATING_PREFIX.sub("", _clean(raw[:max_chars])))
    bare_rating = _BARE_RATING.match(text)
    if bare_rating and _CUE_FORM.match(text[bare_rating.end() :]):
        text = text[bare_rating.end() :]  # "FALSE Kishida said ...": a rating, then a claim
    speaker: str | None = None
    source: str | None = None

    segments, outside = _quoted_segments(text)
    if (
        segments
        and all(len(words(seg)) < _MIN_QUOTED_WORDS for seg in segments)
        and not _ATTRIBUTED_ONLY.match(outside)
        # 'Marsh called the arguments "unpersuasive"': what someone called it is their word
        and not _NAMED_AS.search(outside)
    ):
        # 'Our military has been "totally depleted"', 'are "weak," "unfit"': scare quotes
        # around a word or two; the claim is the whole sentence.
        segments, outside = [], _SPACES.sub(" ", text.replace('"', " ")).strip()
    quoted = bool(segments)
    body = outside  # where the attribution is looked for

    according = _ACCORDING.match(body)
    if according:
        speaker = _plausible_name(according.group("attr"))
        body = according.group("rest")
        if speaker is not None and known_sources is not None and name_key(speaker) in known_sources:
            source, speaker = speaker, None
    elif (after := _ACCORDING_AFTER.match(body)) is not None:
        # "... with Japan, according to KCNA" (a name, not "according to a new study")
        attr = re.sub(r"^(?i:the)\s+", "", after.group("attr"))
        named = _plausible_name(attr, strict=True)
        if named is not None:
            body = after.group("rest")
            if known_sources is not None and name_key(named) in known_sources:
                source = named
            else:
                speaker = named
    body = _SAYS_PREFIX.sub("", body)
    lead_source: str | None = None
    lead = _LEAD_IN.match(body)
    if lead and _CUE_FORM.match(lead.group("rest")):
        # "In the Diet, Kishida said ...": the lead-in clause may say where
        body = lead.group("rest")
        lead_source = _source_in(lead.group("lead"), known_sources)
    apposition = _APPOSITIVE.match(body)
    if apposition:
        # "Kishida, speaking in the Diet, said ...": the name, then the cue
        lead_source = lead_source or _source_in(apposition.group("app"), known_sources)
        body = f"{apposition.group('name')} {body[apposition.start('cue') :]}"
    body = _TOLD.sub(r"\1 to ", body)  # "told the Diet": the audience is where it was said

    rest: str | None = None
    sentence = ""
    denial = False
    cued = speaker is not None
    forms = (_CUE_FORM, _COLON_FORM, _DASH_FORM, _TRAILING_CUE)
    if _COMMA_THEN_SPEAKER.search(body):
        # "Brazil pledged to cut ..., Environment Minister Lucia Ferreira said.": the
        # attribution at the end names who spoke, not the subject a cue verb follows
        forms = (_TRAILING_CUE, *forms[:3])
    for form in forms:
        m = form.match(body)
        if not m:
            continue
        named = m.groupdict().get("speaker") or m.groupdict().get("speaker2")
        negated = False
        if form is _CUE_FORM and named:
            # "Kishida never said", "Kishida did not say", "Kishida falsely claimed": the
            # adverbs and the negation belong to the attribution, not to the name
            named, negated = _attribution_adverbs(named)
        name = _plausible_name(named, strict=form in (_COLON_FORM, _DASH_FORM))
        if name is None:
            continue
        if form is _COLON_FORM and name.lower() in ("note", "update", "claim", "q"):
            continue
        spoken_by = (m.groupdict().get("speaker") or "").split()
        if form is _CUE_FORM and spoken_by and re.fullmatch(r"[a-z]+ed", spoken_by[-1]):
            continue  # "Solberg rejected claims that ...": "claims" is a noun here
        if form is _CUE_FORM and quoted and _QUOTE_MARK not in m.group("rest"):
            continue  # "X said Y" is outside the quote: keep looking
        if form is _CUE_FORM and m.group("naming") and not quoted:
            continue  # "Obama called Putin": a call, not words
        passive = (m.groupdict().get("speaker") or "").split()[-1:] in (
            ["was"],
            ["were"],
            ["is"],
            ["are"],
            ["been"],
            ["being"],
        )
        if form is _CUE_FORM and m.group("naming") and passive:
            continue  # 'Ellsberg was called "..." by Nixon': Nixon's words, not Ellsberg's
        if (
            form is _CUE_FORM
            and passive
            and re.search(
                r"\b(?:is|was|were|are|been|being)\s+(?:\w+ed|told|said)\b",
                m.group(0)[: m.start("rest")],
            )
        ):
            continue  # "Grant is accused of ...", "Kishida was told ...": said to them
        if form is _TRAILING_CUE and m.group("role") and not quoted:
            continue  # "..., said Trump, the taxpayers will pay nothing": no role, words
        cue_word = re.search(_CUE, m.group(0), re.I) if form is _CUE_FORM else None
        denial = negated or bool(cue_word and cue_word.group(0).lower().startswith("den"))
        cued = True
        speaker = speaker or name
        if speaker != name and source is None and speaker is not None:
            # "According to KCNA, Choe said ...": KCNA is the channel, Choe the speaker
            source, speaker = speaker, name
        rest = m.group("rest")
        if m.groupdict().get("src"):
            found = _is_source(m, known_sources, strict=False)
            that_follows = bool(re.match(r"\s+(?i:that)\s", body[m.end("src") :]))
            if (
                found
                and known_sources
                and name_key(found) not in known_sources
                and not that_follows
            ):
                # "told the Diet North Korea would ...": the known source, then the words
                words_of = found.split()
                for size in range(len(words_of) - 1, 0, -1):
                    if name_key(" ".join(words_of[:size])) in known_sources:
                        rest = " ".join([*words_of[size:], rest]).strip()
                        found = " ".join(words_of[:size])
                        break
            if found:
                source = source or found
        break
    if rest is None:
        rest = body
    source = source or lead_source

    if not quoted:
        trailing = _TRAILING_SOURCE.match(rest)
        if trailing:
            found = _is_source(trailing, known_sources, strict=True)
            phrase = rest[trailing.end("rest") :].strip(" ,.")
            if (
                found
                and re.match(r"(?i:in|on|to)\s", phrase)
                and (re.search(_VENUE, phrase, re.I) or re.search(_INSTITUTION, phrase))
                and not re.search(_SAID_IN, phrase)
            ):
                found = None  # "no interest in a summit": content, not where it was said
            if found:
                source = source or found
                rest = trailing.group("rest")
        claimed = rest.strip()
    else:
        claimed = " ... ".join(segments)
        if rest is not body and rest.count(_QUOTE_MARK) == 1:
            # the attribution's whole clause, quotation included ('he wanted talks with
            # Kim Jong Un "with some preconditions"'): a short quotation is judged in it
            sentence = rest.replace(_QUOTE_MARK, segments[0] if len(segments) == 1 else claimed)
            sentence = _SPACES.sub(" ", sentence).strip(" ,;:-.")
        around = _TRAILING_SOURCE.match(body.replace(_QUOTE_MARK, " "))
        if source is None and around:
            # right after the quotation, "at the G7" is where it was said even if no quote
            # of the store's is from there (the check then says the source does not match)
            tail = body[around.end("rest") :].lstrip(" ,.")
            after_quote = tail.startswith(_QUOTE_MARK) and bool(
                re.match(r"[\s,.]*(?i:at)\s", tail[1:])
            )
            source = _is_source(around, known_sources, strict=not after_quote)
        if speaker is None:
            # 'Mitt Romney "..."': a name right before the quote
            before_quote = body.split(_QUOTE_MARK, 1)[0].strip(" ,:-")
            speaker = _plausible_name(before_quote, strict=True)
    claimed = claimed.strip(" ,;:-")
    if claimed.endswith(".") and not claimed.endswith("..."):
        claimed = claimed[:-1]
    if (
        quoted
        and speaker is None
        and len(words(claimed)) < _SHORT_QUOTE_WORDS
        and len(words(body.replace(_QUOTE_MARK, " "))) >= 3
    ):
        # 'Joyce Meyer died "shortly after taking ill" in 2016': nobody is said to have said
        # the few quoted words; the claim is the whole sentence
        quoted, claimed = False, _SPACES.sub(" ", text.replace('"', " ")).strip(" ,;:-")
        if claimed.endswith(".") and not claimed.endswith("..."):
            claimed = claimed[:-1]
    topic = False
    if speaker is None and not quoted and (about := _SPEAKERLESS_TOPIC.match(claimed)):
        # "On talks with North Korea": a headline naming only a topic
        if "," not in about.group("rest") and _is_topic(about.group("rest")):
            claimed, topic = about.group("rest"), True
    context = ""
    if quoted:
        context = body.replace(_QUOTE_MARK, " ")
        for part in (speaker, source):
            if part:
                context = context.replace(part, " ", 1)
        context = _SPACES.sub(" ", context).strip(" ,;:-")
    return ParsedClaim(
        claim=raw,
        speaker=speaker,
        words=claimed,
        source=source,
        quoted=quoted,
        truncated=truncated,
        context=context,
        denial=denial,
        speaker_cued=cued and speaker is not None,
        sentence=sentence if quoted else "",
        topic=topic,
        segments=tuple(segments) if quoted and len(segments) > 1 else (),
    )


def _source_in(phrase: str, known_sources: Collection[str] | None) -> str | None:
    """The source named at the end of a lead-in or appositive ("Speaking at the UNGA")."""
    found = _SOURCE_AT_END.search(phrase)
    return _is_source(found, known_sources, strict=True) if found else None


_NEGATED_CUE = frozenset("not never n't".split())
_CUE_AUX = frozenset("did does do has have had was is were would will".split())


def _attribution_adverbs(named: str) -> tuple[str, bool]:
    """The speaker of "Kishida never said" / "Kishida did not say" / "Kishida falsely claimed"
    without the words that modify the cue, and whether they negate it."""
    tokens = named.split()
    negated = False
    while len(tokens) > 1:
        last = tokens[-1].lower()
        if last in _NEGATED_CUE or last.endswith("n't") or last.endswith("n’t"):
            negated = True
        elif not (
            last in _CUE_AUX or (last.endswith("ly") and len(last) > 4 and tokens[-1].islower())
        ):
            break
        tokens.pop()
    return " ".join(tokens), negated


# -- names ---------------------------------------------------------------------------------

_TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame president vice former sen senator gov governor rep
    representative congressman congresswoman secretary minister prime chancellor mayor judge
    justice gen general adm admiral lt col rev speaker leader chairman chairwoman chair
    ambassador madam jr sr pm""".split()
)


_ACRONYM = re.compile(r"(?:(?i:the)\s+)?([A-Z]{2,6})")
_ACRONYM_SKIP = frozenset("of the and for on in".split())


def _acronym_of(claimed: str) -> str | None:
    """The letters of a claimed name written as an acronym ("JCS", "the UN"), lower case."""
    found = _ACRONYM.fullmatch(claimed.strip(" .,"))
    return found.group(1).lower() if found else None


def _acronyms(name: str, shortest: int = 3) -> set[str]:
    """The acronyms a name can be written as: the initials of each whole run of three or more
    of its capitalised words, a possessive ending a run ("South Korea's Joint Chiefs of
    Staff": jcs; "Korean Central News Agency": kcna; no "un" for a person "Ursula Nolan")."""
    runs: list[list[str]] = [[]]
    for word in (w for w in re.split(r"[\s-]+", name) if w):
        if word.lower() in _ACRONYM_SKIP:
            continue  # "Joint Chiefs of Staff" is JCS
        possessive = word.endswith(("'s", "’s"))
        word = word[:-2] if possessive else word
        if word[:1].isupper() and word.isalpha():
            runs[-1].append(word[0].lower())
        else:
            runs.append([])
        if possessive:
            runs.append([])
    return {"".join(run) for run in runs if len(run) >= shortest}


def _unaccented(text: str) -> str:
    """Without diacritics: a claim may write "Salmon" or "Nunez" for "Salmón", "Núñez"."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


_ORG_WORDS = frozenset(
    """joint chiefs staff department ministry bank committee council office board union league
    association party house chamber court agency bureau institute university school college
    federation commission corporation company group federal national central""".split()
)


def _name_tokens(name: str) -> tuple[str, ...]:
    """A name's words without titles, initials, diacritics, or what follows a comma or
    parenthesis ("SEN. BERNIE SANDERS (I), VERMONT" -> bernie sanders)."""
    head = re.split(r"[(,]", name, maxsplit=1)[0]
    # "Analyst Rachel Moss of Brightline Capital": the name ends before its employer
    employer = re.match(r"^(\S+(?:\s+\S+)+?)\s+of\s+(?:the\s+)?[A-Z]", head)
    if employer is not None and not _ORG_WORDS & set(employer.group(1).lower().split()):
        # (not "Secretary of State X", one word before "of"; nor "Joint Chiefs of Staff")
        head = employer.group(1)
    tokens = [t for t in _unaccented(name_key(head or name)).split() if t not in _TITLES]
    return tuple(t for t in tokens if len(t) > 1) or tuple(tokens)


# Roles written another way: "Japan's prime minister", "Japanese PM", "the prime minister of
# Japan" are one role; so are "North Korea's foreign minister" and "the North Korean ...".
_DEMONYMS = {
    "japanese": "japan",
    "north korean": "north korea",
    "south korean": "south korea",
    "korean": "korea",
    "chinese": "china",
    "american": "us",
    "united states": "us",
    "u s": "us",
    "british": "uk",
    "united kingdom": "uk",
    "russian": "russia",
    "french": "france",
    "german": "germany",
    "indian": "india",
    "ukrainian": "ukraine",
    "israeli": "israel",
    "iranian": "iran",
    "canadian": "canada",
    "australian": "australia",
    "mexican": "mexico",
    "italian": "italy",
    "spanish": "spain",
    "turkish": "turkey",
}
_PLACE_NAMES = sorted(
    set(_DEMONYMS.values()) | {"united nations", "european union", "nato"}, key=len, reverse=True
)
_PLACE_RE = re.compile(r"\b(" + "|".join(re.escape(p) for p in _PLACE_NAMES) + r")\b")
_ROLE_ABBREVIATIONS = {"pm": "prime minister", "fm": "foreign minister", "pres": "president"}
# in capitals only: "Un" is a name ("Kim Jong Un"), "us" a pronoun
_ROLE_ACRONYMS = re.compile(r"\b(UN|US|EU)\b")
_ROLE_ACRONYM_WORDS = {"UN": "United Nations", "US": "United States", "EU": "European Union"}
_DEMONYM_RE = re.compile(r"\b(" + "|".join(sorted(_DEMONYMS, key=len, reverse=True)) + r")\b")


def _places(text: str) -> set[str]:
    """The countries and bodies a name or role names ("South Korean president": south korea;
    "the UN chief": united nations)."""
    text = _ROLE_ACRONYMS.sub(lambda m: _ROLE_ACRONYM_WORDS[m.group(1)], text)
    key = name_key(text).replace("'s ", " ").replace("’s ", " ")
    key = _DEMONYM_RE.sub(lambda m: _DEMONYMS[m.group(1)], key)
    return set(_PLACE_RE.findall(key))


def _places_agree(claimed: set[str], recorded: set[str]) -> bool:
    """Can the places be the same ("korea" and "south korea" can; "us" and "south korea"
    cannot)?"""
    return any(a == b or a in b.split() or b in a.split() for a in claimed for b in recorded)


def role_key(role: str) -> str:
    """A role's words as a sorted set, demonyms as countries, "X of Y" as "Y X"."""
    role = _ROLE_ACRONYMS.sub(lambda m: _ROLE_ACRONYM_WORDS[m.group(1)], role)
    key = name_key(role).replace("'s ", " ").replace("’s ", " ")
    key = re.sub(r"^(?:a|an) ", "", key)
    key = " ".join(_ROLE_ABBREVIATIONS.get(w, _us_spelling(w)) for w in key.split())
    key = _DEMONYM_RE.sub(lambda m: _DEMONYMS[m.group(1)], key)
    return "role:" + " ".join(sorted(set(key.split()) - {"of", "the"}))


_ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson official officials aide aides adviser advisor leader
    leaders ministry government administration office agency envoy diplomat diplomats
    negotiator head chief premier rapporteur commissioner director prosecutor lawmaker
    legislator delegate officer military""".split()
)


_PLACE_WORDS = frozenset(w for k, v in _DEMONYMS.items() for w in f"{k} {v}".split())


def _role_like(claimed: str) -> bool:
    """Is a claimed speaker a description ("Japan's leader", "the prime minister") rather
    than a name ("Kim Jong Un", "President Obama", "North Korean leader Kim Jong Un")?"""
    # "Riverton's mayor", "Northwind's CFO": whose role, then the role; the owner is no name
    owner = re.match(
        r"^(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['\u2019]s\s+(?P<role>.+)$", claimed
    )
    if owner is not None and owner.group("role").lower().split()[-1] in _ROLE_WORDS:
        claimed = owner.group("role")
    words_ = name_key(claimed).replace("'s", "").replace("’s", "").split()
    described = any(w in _TITLES or w in _ROLE_WORDS for w in words_)
    # "the UN chief", "Japan PM": an organisation's acronym names no person; words written
    # in lower case ("the special rapporteur", "chief cabinet secretary") name none either
    shouted = claimed.upper() == claimed  # "PRESIDENT OBAMA": capitals say nothing
    acronyms = set() if shouted else {w.lower() for w in re.findall(r"\b[A-Z]{2,5}\b", claimed)}
    acronyms |= {w.lower() for w in re.findall(r"\b[a-z][\w-]*", claimed)}
    named = [
        w
        for w in words_
        if w not in acronyms
        and w not in _TITLES
        and w not in _ROLE_WORDS
        and w not in STOPWORDS
        and w not in _PLACE_WORDS
        and w not in ("foreign", "defense", "defence", "finance", "deputy", "state")
    ]
    return described and not named


# Korean family names: a three-word name starting with one ("Kim Yo Jong", "Choe Son Hui",
# "Ri Ryong Nam") is said family name first, so "Kim" names the person and "Jong" does not.
_FAMILY_NAME_FIRST = frozenset(
    """kim ri yi lee rhee pak park choe choi jang chang kang kwon han hwang yun yoon ryu
    jon jeon cho jo an o oh song hong ko shin sin moon mun yang nam""".split()
)


@dataclass(slots=True)
class _SpeakerInfo:
    id: int
    name: str
    role: str | None
    keys: set[str]  # name key, alias keys, role key
    tokens: list[tuple[str, ...]]  # title-less tokens of the name and aliases
    acronyms: set[str] = field(default_factory=set)  # "jcs" for "Joint Chiefs of Staff"


def _other_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two recorded full names are two people: both have a given name and they differ
    ("Kim Yo Jong", "Kim Jong Un"; not "TRUMP" and "Donald Trump", nor "Jim Risch" and
    "James E. Risch")."""
    if len(a) < 2 or len(b) < 2 or a == b:
        return False
    if a[0] in _FAMILY_NAME_FIRST or b[0] in _FAMILY_NAME_FIRST:
        return a[0] != b[0] or a[1:] != b[1:]
    # the given name is the word before the surname ("Councilmember David Ortiz")
    return a[-1] != b[-1] or not _same_given_name(a[-2], b[-2])


_DENIAL_CUE = re.compile(r"(?i)^(?:denied|denies|deny|denying)$")
# Which verdict of a claim's parts is the claim's: the one that is most wrong about it.
_SEVERITY = ("contradicted", "misattributed", "altered", "not found", "paraphrase", "verified")


def _listed(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


# Words of a role or a title before a name ("Police Chief Bell", "Lakeside coach Ron Pike")
_ROLE_WORDS = (
    _TITLES
    | _ROLE_NOUNS
    | frozenset(
        """coach ceo cfo coo cto captain manager guard forward analyst councilmember
        councilman councilwoman councillor councilor police deputy foreign defense defence
        finance interior attorney lawyer professor reporter host founder owner executive
        commander superintendent inspector sheriff detective sergeant trustee epidemiologist
        scientist researcher doctor economist physician nurse officer negotiator
        governor president chairman chairwoman""".split()
    )
)
_QUALIFIERS = frozenset("deputy vice assistant former acting associate".split())
# Given names and their common short forms: "Jim Risch" is James Risch.
_GIVEN_NAME_FORMS = [
    set(group.split())
    for group in """james jim jimmy jamie|joseph joe joey|william bill billy will willy|robert bob
    bobby rob robbie bert|michael mike mick mikey|thomas tom tommy|richard dick rick ricky rich
    richie|bernard bernie|edward ed eddie ted ned|theodore ted teddy theo|charles chuck charlie
    chas|elizabeth liz lizzie beth betty eliza|katherine catherine kathryn kate katie kathy cathy
    kat|margaret maggie meg peggy|christopher chris|daniel dan danny|david dave davey|steven
    stephen steve|anthony tony|andrew andy drew|benjamin ben benny|nicholas nick nicky|samuel
    sam sammy|alexander alex sasha|alexandra alex sandra|jonathan jon jonny|john jack johnny
    jon|patrick pat paddy|patricia pat patty trish|gregory greg|jeffrey jeff|kenneth ken
    kenny|lawrence laurence larry|matthew matt|nathaniel nathan nate|peter pete|philip phil
    |ronald ron ronnie|timothy tim timmy|victoria vicky tori|susan sue susie|jennifer jen jenny
    |rebecca becky|deborah debbie deb|donald don donnie|gerald jerry gerry|frederick fred
    freddie|henry hank harry|harold harry hal|albert al bert|alfred al alfie|vladimir
    vova|mitchell mitch|zachary zach|joshua josh|jacob jake|douglas doug|raymond ray|eugene
    gene|leonard leo len lenny|abraham abe""".split("|")
]


def _same_given_name(claimed: str, recorded: str) -> bool:
    """The same first name, an initial of it ("J."), or a short form ("Jim" for James)."""
    claimed, recorded = claimed.strip("."), recorded.strip(".")
    if claimed == recorded or (len(claimed) == 1 and recorded.startswith(claimed)):
        return True
    if len(recorded) == 1 and claimed.startswith(recorded):
        return True
    return any(claimed in group and recorded in group for group in _GIVEN_NAME_FORMS)


def _tokens_match(
    key: str,
    claimed_tokens: tuple[str, ...],
    info: _SpeakerInfo,
    described: bool = False,
    claimed_role: str | None = None,
    compound: bool = False,
) -> int:
    """How well a claimed name fits a recorded speaker: 2 the name, an alias, or an in-order
    part of one that a person would use ("Kishida", "Bernie Sanders"); 1 only a lone first
    word ("Kim" of "Kim Yo Jong": a surname in Korean, a first name in English) or a surname
    agrees ("Donald Trump" for "TRUMP"); 0 not at all ("Kim Jong", "Yo Jong": words of the
    name, but not in its order)."""
    if not key:
        return 0
    claimed_role = claimed_role or role_key(key)  # from the written claim: "UN" is no "Un"
    if key in info.keys or claimed_role in info.keys:
        return 2
    weak = 0
    if info.role and len(claimed_role.split()) >= 2 and described:
        # "the prime minister" for "Japanese prime minister": part of the recorded role
        role_words = set(role_key(info.role)[5:].split())
        if set(claimed_role[5:].split()) <= role_words:
            weak = 1
    elif info.role and described and claimed_role.startswith("role:"):
        # "the judge" for "U.S. District Judge", "the epidemiologist" for "Dr., chief
        # epidemiologist at the NIPH": the word a part of the recorded role ends with
        parts = re.split(r",|\s(?:at|of|and|for|in)\s", info.role)
        heads = {name_key(part).split()[-1] for part in parts if name_key(part).split()}
        if claimed_role[5:] in heads:
            weak = 1
    if len(claimed_tokens) >= 2 and claimed_tokens[-2] in _ROLE_WORDS:
        claimed_tokens = claimed_tokens[-1:]  # "Police Chief Bell": the surname, with a role
    if not claimed_tokens:
        return weak
    size = len(claimed_tokens)
    if (
        size >= 2
        and not compound
        and any(
            len(tokens) >= 2
            and tokens[0] not in _FAMILY_NAME_FIRST
            and tokens[-1] == claimed_tokens[-1]
            and not _same_given_name(claimed_tokens[-2], tokens[-2])
            for tokens in info.tokens
        )
    ):
        return 0  # "Ben Risch" is not James Risch, nor "Megumi Yokota" Sakie Yokota
    for tokens in info.tokens:
        if not tokens:
            continue
        if size == 1:
            family_first = len(tokens) == 3 and tokens[0] in _FAMILY_NAME_FIRST
            if claimed_tokens[0] == tokens[0] and family_first:
                return 2  # "Choe" ~ "Choe Son Hui"
            if claimed_tokens[0] == tokens[-1] and not family_first:
                return 2  # "Kishida" ~ "Fumio Kishida" (but not "Hui" ~ "Choe Son Hui")
            if claimed_tokens[0] == tokens[0]:
                weak = 1  # "Fumio" ~ "Fumio Kishida"
        elif tokens[:size] == claimed_tokens or tuple(reversed(claimed_tokens)) == tokens:
            return 2  # "Bernie Sanders" ~ "Bernie Sanders Vermont"; "Kishida Fumio"
        elif compound and tokens[-size:] == claimed_tokens:
            return 2  # a hyphenated surname: "Ocasio-Cortez" ~ "Alexandria Ocasio-Cortez"
        elif (
            len(tokens) >= 2
            and tokens[0] not in _FAMILY_NAME_FIRST  # "Kim Jong" is not Kim Yo Jong
            and tokens[-1] == claimed_tokens[-1]
            and _same_given_name(claimed_tokens[-2], tokens[-2])
        ):
            # "Jim Risch", "James E. Risch" ~ "James Risch"; a role before either name:
            # "Police Chief Sandra Bell" ~ "Sandra Bell", "Marcus Reed" ~ "Guard Marcus Reed"
            return 2
        if len(tokens) == 1 and size > 1 and tokens[0] == claimed_tokens[-1]:
            weak = 1  # recorded "TRUMP" ~ claimed "Donald Trump"
    return weak


# -- scoring -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Row:
    id: int
    words: list[str]
    speaker_id: int | None
    source_id: int | None
    article_id: int | None
    kind: str | None
    stems: frozenset[str] = frozenset()
    shown: list[str] = field(default_factory=list)  # each word as written (see shown_words)


@dataclass(frozen=True, slots=True)
class _Near:  # a statement beside a candidate, for passage context
    source_id: int | None
    article_id: int | None
    stems: frozenset[str]


@dataclass(slots=True)
class _Unit:
    rows: list[_Row]
    words: list[str]
    rank: float = 0.0
    speaker_ok: bool = False

    @property
    def ids(self) -> list[int]:
        return [r.id for r in self.rows]


def _similarity(
    claim: Sequence[str], quote: Sequence[str]
) -> tuple[float, list[tuple[str, int, int, int, int]]]:
    """Similarity (0-100) of the claimed words with the part of the quote they align with.

    The mean of a word-level score (difflib alignment) and a character-level one (RapidFuzz
    `ratio`, so "a single" for "any" costs less than two whole words). Quote words before the
    first and after the last aligned word do not count: an excerpt is not penalised. The
    opcodes are returned for the diff.
    """
    sm = difflib.SequenceMatcher(None, list(claim), list(quote), autojunk=False)
    ops: list[tuple[str, int, int, int, int]] = list(sm.get_opcodes())
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    if not matched or not claim:
        return 0.0, ops
    equal = [(j1, j2) for tag, _, _, j1, j2 in ops if tag == "equal"]
    start, end = equal[0][0], equal[-1][1]
    word_score = 200.0 * matched / (len(claim) + end - start)
    char_score = fuzz.ratio(" ".join(claim), " ".join(quote[start:end]), processor=None)
    return (word_score + char_score) / 2.0, ops


def _fts_term(term: str, prefix: bool) -> str:
    """One FTS5 term, always quoted (user text is never FTS5 syntax); with `prefix`, the
    word's stem as a prefix query so "deleted" also finds "deleting" and "deletion"."""
    if prefix:
        root = os.path.commonprefix([stem(term), term])
        if len(root) >= 5 and root != term:
            return '"' + root.replace('"', '""') + '"*'
    return '"' + term.replace('"', '""') + '"'


# -- the matcher ---------------------------------------------------------------------------


class Matcher:
    """Checks claims against one store; keeps what it can (term rarity, speakers) between claims.

    It uses the store's connection, so like the store it belongs to one thread; the caches
    are dropped when the database changes (this connection's writes or another's commits).
    """

    def __init__(self, store: Store, settings: MatchSettings | None = None) -> None:
        self.store = store
        self.settings = settings or MatchSettings()
        self._conn: sqlite3.Connection = store.db.conn
        self._vocab: str | None = None
        self._df: dict[str, int] = {}
        self._total = 0
        self._speakers: dict[int, _SpeakerInfo] = {}
        self._key_index: dict[str, set[int]] | None = None  # name/alias/role key -> speakers
        self._speaker_cache: dict[str, set[int]] = {}
        self._misspelt: set[str] = set()  # claimed names resolved as a spelling variant
        self._sources: dict[int, set[str]] = {}
        self._source_acronyms: dict[int, set[str]] = {}
        self._source_keys: set[str] = set()
        self._version: tuple[int, int] | None = None

    # -- caches ------------------------------------------------------------------------

    def _refresh(self) -> None:
        version = (
            int(self._conn.execute("PRAGMA data_version").fetchone()[0]),
            self._conn.total_changes,
        )
        if version == self._version:
            return
        self._version = version
        self._df.clear()
        # the number of quotes for idf; the largest id is close enough and costs nothing
        row = self._conn.execute("SELECT MAX(id) FROM quotes").fetchone()
        self._total = int(row[0] or 0) if row else 0
        self._load_names()

    def _load_names(self) -> None:
        speakers: dict[int, _SpeakerInfo] = {}
        for sid, name, key, role in self._conn.execute(
            "SELECT id, name, name_key, role FROM speakers"
        ):
            keys = {key, _unaccented(key)}
            if role:
                keys.add(name_key(role))
                keys.add(role_key(role))
            speakers[sid] = _SpeakerInfo(
                sid, name, role, keys, [_name_tokens(name)], _acronyms(name)
            )
        for sid, alias, key in self._conn.execute(
            "SELECT speaker_id, alias, alias_key FROM speaker_aliases"
        ):
            info = speakers.get(sid)
            if info is not None:
                info.keys.update((key, _unaccented(key)))
                info.tokens.append(_name_tokens(alias))
                info.acronyms |= _acronyms(alias)
        self._speakers = speakers
        self._key_index = None
        self._speaker_cache = {}
        self._misspelt = set()
        sources: dict[int, set[str]] = {}
        source_acronyms: dict[int, set[str]] = {}
        for sid, name, key in self._conn.execute("SELECT id, name, name_key FROM sources"):
            sources.setdefault(sid, set()).add(key)
            # a source is an organisation or an event: "the UN" is the United Nations
            source_acronyms.setdefault(sid, set()).update(_acronyms(name, shortest=2))
        for sid, alias, key in self._conn.execute(
            "SELECT source_id, alias, alias_key FROM source_aliases"
        ):
            sources.setdefault(sid, set()).add(key)
            source_acronyms.setdefault(sid, set()).update(_acronyms(alias, shortest=2))
        self._sources = sources
        self._source_acronyms = source_acronyms
        self._source_keys = {k for keys in sources.values() for k in keys}

    def _vocab_table(self) -> str:
        if self._vocab is None:
            name = "quotecheck_vocab"
            self._conn.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{name} "
                "USING fts5vocab(main, quotes_fts, 'row')"
            )
            self._vocab = f"temp.{name}"
        return self._vocab

    def _doc_freq(self, terms: Iterable[str]) -> dict[str, int]:
        wanted = [t for t in dict.fromkeys(terms) if t not in self._df]
        if wanted:
            table = self._vocab_table()
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                found = dict(
                    self._conn.execute(
                        f"SELECT term, doc FROM {table} WHERE term IN ({marks})", chunk
                    ).fetchall()
                )
                for t in chunk:
                    self._df[t] = int(found.get(t, 0))
            if len(self._df) > 500_000:
                self._df.clear()
        return {t: self._df.get(t, 0) for t in terms}

    def speaker_ids(self, claimed: str | None) -> set[int]:
        """Ids of the recorded speakers a claimed speaker can mean (names, aliases, roles)."""
        if not claimed:
            return set()
        self._refresh()
        found = self._speaker_cache.get(claimed)
        if found is None:
            key, tokens = _unaccented(name_key(claimed)), _name_tokens(claimed)
            spoken_words = claimed.split()
            if len(spoken_words) >= 2 and spoken_words[-2].strip(".,").lower() in _ROLE_WORDS:
                # "CPSC Chairman Brooks": a surname after its title, whatever comes before
                tokens = _name_tokens(spoken_words[-1])
            # a description is told from a name by its written case ("the special rapporteur")
            described, as_role = _role_like(claimed), role_key(claimed)
            fits = {
                sid: _tokens_match(key, tokens, info, described, as_role, "-" in claimed)
                for sid, info in self._speakers.items()
            }
            found = {sid for sid, fit in fits.items() if fit}
            spoken = set(name_key(claimed).split())  # titles included ("CPSC Chairman X")
            # two people when the first word is a speaker of its own: "Pence Donald Trump" (a
            # surname, then another's full name, no title between), or "Kaine Trump" when only
            # a surname agrees (Kaine on Trump, not a Trump with a first name)
            two_people = (len(tokens) > 2 and not spoken & _ROLE_WORDS) or (
                len(tokens) > 1 and max(fits.values()) < 2
            )
            if found and two_people:
                first = tokens[0]
                alone = {
                    sid
                    for sid, info in self._speakers.items()
                    if _tokens_match(first, (first,), info) == 2
                }
                if alone and not alone & found:
                    found = set()
            if found:
                found = self._narrowed(claimed, found)
            acronym = _acronym_of(claimed)
            if acronym:
                # "the JCS" for South Korea's Joint Chiefs of Staff; "KCNA" for a speaker
                # recorded so and for one recorded as "Korean Central News Agency"
                found |= {sid for sid, info in self._speakers.items() if acronym in info.acronyms}
            if not found:
                found = self._spelling_variants(key, tokens)
                if found:
                    self._misspelt.add(claimed)
            if len(self._speaker_cache) > 10_000:
                self._speaker_cache.clear()
                self._misspelt.clear()
            self._speaker_cache[claimed] = found
        return set(found)

    def _narrowed(self, claimed: str, found: set[int]) -> set[int]:
        """Of the speakers a name fits, those its initial and its title fit: "T. Varga" is
        Tomas, not Elena Varga; "Deputy Governor Solberg" is Henrik, "Governor Solberg"
        Marta (no "deputy"), "Dr. Varga" the one whose name or role has "Dr."."""
        raw = [w.strip(".,").lower() for w in claimed.split()]
        if len(raw) >= 2 and len(raw[-2]) == 1 and raw[-2].isalpha():
            initial = raw[-2]
            found = {
                sid
                for sid in found
                if any(
                    len(t) >= 2 and t[-2].startswith(initial) for t in self._speakers[sid].tokens
                )
            }
        titles = {w for w in raw[:-1] if w in _TITLES or w in _ROLE_WORDS}
        people = {tuple(self._speakers[sid].tokens[0][-2:]) for sid in found}
        if len(found) < 2 or not titles or len(people) < 2:
            return found  # (one person recorded twice, "Councilmember David Ortiz" and not)

        def described(sid: int) -> set[str]:
            info = self._speakers[sid]
            text = f"{info.name} {info.role or ''}".lower().replace(".", " ")
            return set(re.findall(r"[a-z]+", text)) | ({"dr"} if "doctor" in text else set())

        fitting = {sid for sid in found if titles <= described(sid)}
        # "Governor Solberg" is not the deputy governor when the governor is on record too
        plain = {sid for sid in fitting if not (described(sid) - titles) & _QUALIFIERS}
        return plain or fitting or found

    def _spelling_variants(self, key: str, tokens: tuple[str, ...]) -> set[int]:
        """Speakers whose name the claimed one nearly spells ("Kishda", "Choe Sonhui"): one
        typo in a surname of five letters or more, or a whole name 90% alike."""
        if not tokens or len(key) < 5:
            return set()
        out: set[int] = set()
        for sid, info in self._speakers.items():
            for names in info.tokens:
                if not names:
                    continue
                whole = " ".join(names)
                if len(key) >= 8 and fuzz.ratio(key, whole, processor=None) >= 90:
                    out.add(sid)
                elif (
                    len(tokens) == 1
                    and len(tokens[0]) >= 5
                    and fuzz.ratio(tokens[0], names[-1], processor=None) >= 85
                ):
                    out.add(sid)
        return out

    def source_ids(self, claimed: str | None) -> set[int]:
        if not claimed:
            return set()
        self._refresh()
        key = name_key(claimed)
        tokens = set(key.split())
        out = set()
        for sid, keys in self._sources.items():
            if key in keys or any(tokens and tokens == set(k.split()) for k in keys):
                out.add(sid)
        acronym = _acronym_of(claimed)
        if not out and acronym:  # "the JCS" for South Korea's Joint Chiefs of Staff
            out = {sid for sid, found in self._source_acronyms.items() if acronym in found}
        return out

    # -- retrieval ---------------------------------------------------------------------

    @staticmethod
    def _fts_terms(claim_words: Sequence[str]) -> list[str]:
        """The claim's words as the FTS5 unicode61 tokenizer sees them (diacritics removed)."""
        out: list[str] = []
        for word in claim_words:
            plain = "".join(
                c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
            )
            out.extend(re.findall(r"\w+", plain))
        return list(dict.fromkeys(t for t in out if t))

    def _idf(self, df: int) -> float:
        total = max(self._total, 1)
        return math.log(1.0 + total / (1.0 + df))

    def _retrieve(
        self, claim_words: Sequence[str], speaker_ids: set[int]
    ) -> tuple[list[int], dict[str, float]]:
        s = self.settings
        terms = self._fts_terms(claim_words)
        df = self._doc_freq(terms)
        weights = {t: self._idf(d) for t, d in df.items()}
        present = sorted((t for t in terms if df[t] > 0), key=lambda t: (df[t], t))
        if not present:
            return [], weights
        # The rarest terms, as long as their posting lists stay within the budget (the
        # query's cost grows with the postings it reads and ranks).
        chosen: list[str] = []
        postings = 0
        for term in present[: s.rare_terms]:
            if postings + df[term] > s.postings_budget:
                break
            chosen.append(term)
            postings += df[term]
        if len(chosen) >= min(s.min_or_terms, len(present)):
            queries = [" OR ".join(_fts_term(t, s.prefix_terms) for t in chosen)]
        else:
            # Only common words ("but what are you going to do about it"): ranking every quote
            # holding any of them is slow (~100 ms at 1M quotes) and finds short quotes with
            # one of the words; quotes holding all of them (then the three rarest) are few,
            # and are what such a claim can match.
            queries = [" AND ".join(_fts_term(t, False) for t in present[: s.rare_terms])]
            if len(present) > 3:
                queries.append(" AND ".join(_fts_term(t, False) for t in present[:3]))
            if chosen:  # then, if those are few, the rare terms within the budget
                queries.append(" OR ".join(_fts_term(t, s.prefix_terms) for t in chosen))
        ids: list[int] = []
        for match in queries:
            if speaker_ids and s.speaker_candidates > 0:
                # One pass over the hits (bm25 computed once): the best overall, and the best
                # of the claimed speaker's. Hits first, then their speakers; never the other
                # way round (a speaker can have hundreds of thousands of quotes).
                marks = ",".join("?" * len(speaker_ids))
                sql = (
                    "WITH hits AS MATERIALIZED (SELECT rowid AS id, rank FROM quotes_fts "
                    "WHERE quotes_fts MATCH ?) "
                    "SELECT id FROM (SELECT id FROM hits ORDER BY rank LIMIT ?) "
                    "UNION ALL SELECT id FROM (SELECT h.id FROM hits h JOIN quotes q "
                    f"ON q.id = h.id WHERE +q.speaker_id IN ({marks}) ORDER BY h.rank LIMIT ?)"
                )
                params: list[Any] = [match, s.candidates, *sorted(speaker_ids)]
                params.append(s.speaker_candidates)
            else:
                sql = "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?"
                params = [match, s.candidates]
            ids += [r[0] for r in self._conn.execute(sql, params)]
            if len(ids) >= s.candidates // 2:
                break
        return list(dict.fromkeys(ids)), weights

    def _rows(self, ids: Iterable[int]) -> dict[int, _Row]:
        out: dict[int, _Row] = {}
        wanted = list(dict.fromkeys(ids))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for qid, norm, speaker_id, source_id, article_id, kind in self._conn.execute(
                "SELECT id, norm_text, speaker_id, source_id, article_id, kind FROM quotes "
                f"WHERE id IN ({marks}) AND {_EVIDENCE}",
                chunk,
            ):
                norm = norm or ""
                row_words, row_shown = compare_words_shown(norm)
                out[qid] = _Row(
                    qid,
                    row_words,
                    speaker_id,
                    source_id,
                    article_id,
                    kind,
                    frozenset(stem(w) for w in row_words),
                    row_shown,
                )
        return out

    def _score(
        self,
        unit: _Unit,
        claim_set: dict[str, float],
        claim_weight: float,
        claim_text: str,
        speaker_ids: set[int],
        boost: float,
    ) -> None:
        unit_set: set[str] = set().union(*(r.stems for r in unit.rows))
        common = sum(w for t, w in claim_set.items() if t in unit_set)
        coverage = common / claim_weight if claim_weight else 0.0
        # the unit's side: plain word counts, function words count less
        unit_weight = sum(0.3 if t in STOPWORDS else 1.0 for t in unit_set) or 1.0
        unit_common = sum(0.3 if t in STOPWORDS else 1.0 for t in unit_set if t in claim_set)
        precision = unit_common / unit_weight
        ratio = fuzz.ratio(claim_text, " ".join(unit.words), processor=None) / 100.0
        s = self.settings
        score = 100.0 * (s.w_coverage * coverage + s.w_precision * precision + s.w_ratio * ratio)
        unit.speaker_ok = bool(speaker_ids) and all(r.speaker_id in speaker_ids for r in unit.rows)
        unit.rank = score + (boost if unit.speaker_ok else 0.0)

    def _near(self, ids: Iterable[int], rows: dict[int, _Row]) -> dict[int, _Near]:
        """The compared word stems of statements (no display forms: context only), from
        `rows` where they are there."""
        out: dict[int, _Near] = {}
        wanted = []
        for i in dict.fromkeys(ids):
            row = rows.get(i)
            if row is None:
                wanted.append(i)
            else:
                out[i] = _Near(row.source_id, row.article_id, row.stems)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for qid, norm, source_id, article_id in self._conn.execute(
                "SELECT id, norm_text, source_id, article_id FROM quotes "
                f"WHERE id IN ({marks}) AND {_EVIDENCE}",
                chunk,
            ):
                stems = frozenset(stem(w) for w in compare_words(norm or ""))
                out[qid] = _Near(source_id, article_id, stems)
        return out

    def _neighbours(
        self,
        unit: _Unit,
        around: dict[int, _Near],
        claim_set: dict[str, float],
        claim_weight: float,
    ) -> None:
        """Passage context: the unit gains `neighbour_share` of the claim coverage of the
        statement just before or just after it (the better of the two; same transcript, any
        speaker, so a question or an answer counts). Fact-checkers' wordings often sum up a
        passage, and of several statements that hold the claim's words, the one in a
        passage about them is the likelier one. `around` holds the neighbours."""
        share = self.settings.neighbour_share
        if not share or not claim_weight:
            return
        best = 0.0
        for i, edge in ((unit.rows[0].id - 1, unit.rows[0]), (unit.rows[-1].id + 1, unit.rows[-1])):
            near = around.get(i)
            if near is None or near.source_id != edge.source_id:
                continue
            if near.article_id != edge.article_id:
                continue
            best = max(best, sum(w for t, w in claim_set.items() if t in near.stems))
        unit.rank += share * 100.0 * best / claim_weight

    def _windows(self, seeds: list[_Unit], rows: dict[int, _Row]) -> list[_Unit]:
        size = self.settings.window
        if size < 2 or not seeds:
            return []
        wanted = {r.id + d for u in seeds for r in u.rows for d in range(-size + 1, size)}
        rows.update(self._rows(i for i in wanted if i not in rows))
        out: list[_Unit] = []
        seen: set[tuple[int, ...]] = set()
        for unit in seeds:
            center = unit.rows[0]
            if center.speaker_id is None:
                continue
            for length in range(2, size + 1):
                for first in range(center.id - length + 1, center.id + 1):
                    span = tuple(range(first, first + length))
                    if span in seen:
                        continue
                    members = [rows.get(i) for i in span]
                    if any(
                        m is None
                        or m.speaker_id != center.speaker_id
                        or m.article_id != center.article_id
                        or m.source_id != center.source_id
                        for m in members
                    ):
                        continue
                    seen.add(span)
                    kept = [m for m in members if m is not None]
                    out.append(_Unit(kept, [w for m in kept for w in m.words]))
        return out

    # -- checking ----------------------------------------------------------------------

    def check(self, claim: str) -> CheckResult:
        """Check one claim; never raises on odd input (an unusable claim is 'not found')."""
        result = self._check(claim)
        if result.verdict == "not found" and "ambiguous" in result.flags:
            # "ambiguous" is about which of several close matches the claim means: with
            # nothing close, there is no choice to flag
            result.flags.remove("ambiguous")
        return result

    def _check(self, claim: str) -> CheckResult:
        s = self.settings
        self._refresh()
        parsed = parse_claim(claim, known_sources=self._source_keys, max_chars=s.max_claim_chars)
        speaker_ids = self.speaker_ids(parsed.speaker)
        if not speaker_ids and not parsed.speaker_cued:
            # an attribution named the speaker ("Kim Jong Un said"): never cut it down to a
            # known name ("Kim Jong"); else the fact-checkers' headline style may apply
            parsed = self._leading_speaker(parsed)
            speaker_ids = self.speaker_ids(parsed.speaker)
        claimed_speaker, claimed_source = parsed.speaker, parsed.source
        if (claimed_speaker and not speaker_ids and not claimed_source) and self.source_ids(
            claimed_speaker
        ):  # "According to KCNA, ..."
            claimed_speaker, claimed_source = None, claimed_speaker
        source_ids = self.source_ids(claimed_source)
        result = CheckResult(
            claim=parsed.claim,
            claimed_speaker=claimed_speaker,
            claimed_words=parsed.words,
            claimed_source=claimed_source,
            verdict="not found",
        )
        if parsed.truncated:
            result.flags.append("truncated")
        if speaker_ids and parsed.speaker in self._misspelt:
            result.flags.append("speaker spelling")
        if claimed_speaker and not speaker_ids and _role_like(claimed_speaker):
            # "Japan's leader", "a government spokesman": a description that fits no recorded
            # name or role is not compared (the words are judged, the speaker is left open)
            result.flags.append("speaker unresolved")
        toks = _tokens(parsed.words, editorial=True)[: s.max_claim_words]
        keys = [t.key for t in toks]
        only_name = self._only_a_name(parsed, result) if keys else False
        if only_name:
            return result
        if not keys:
            result.explanation = (
                "There are no words to check in this claim."
                if not parsed.claim.strip()
                else "The claim has no words to check (only punctuation or symbols)."
            )
            return result
        rank_keys = keys
        if s.use_context and parsed.context:
            extra = [t.key for t in _tokens(parsed.context)]
            rank_keys = keys + [k for k in extra if k not in STOPWORDS][: s.max_claim_words]
        # the compared forms ("can not", "dialog") may not be the indexed ones ("cannot",
        # "dialogue"): the words as written are searched too
        written = [w for w in search_terms(parsed.words) if w not in rank_keys]
        respelt = [w for w in written if _us_spelling(w) != w]
        # ... and an American spelling in its British form, which the record may have
        respelt += [b for w in search_terms(parsed.words) for b in _british_spellings(w)]
        ids, weights = self._retrieve(rank_keys + respelt, speaker_ids)
        if not ids and written:
            ids, more = self._retrieve(written, speaker_ids)
            weights.update(more)
        if not ids:
            result.explanation = "None of the claim's words occur in any recorded quote."
            result.speaker_match = None
            return result
        rows = self._rows(ids)
        claim_set: dict[str, float] = {}  # stem -> weight, for ranking
        for n, key in enumerate(rank_keys):
            weight = self._word_weight(key, weights)
            weight *= s.context_weight if n >= len(keys) else 1.0
            root = stem(key)
            claim_set[root] = max(weight, claim_set.get(root, 0.0))
        claim_weight = sum(claim_set.values())
        claim_text = " ".join(keys)
        # a headline names who spoke on what: that speaker's statements on it come first
        boost = s.speaker_boost * (_TOPIC_BOOST if parsed.topic else 1.0)
        units = [_Unit([rows[i]], rows[i].words) for i in ids if i in rows]
        for unit in units:
            self._score(unit, claim_set, claim_weight, claim_text, speaker_ids, boost)
        around: dict[int, _Near] = {}  # statements beside the units (passage context)
        if s.neighbour_share and units:
            # the context adds at most `neighbour_share` * 100: a unit further below the
            # last window seed (or re-ranked unit) cannot reach it, and is left as it is
            ranks = sorted((u.rank for u in units), reverse=True)
            last = ranks[min(len(ranks), max(s.window_seeds, s.max_matches * 3, 10)) - 1]
            within = [u for u in units if u.rank + 100.0 * s.neighbour_share >= last]
            around = self._near((u.rows[0].id + d for u in within for d in (-1, 1)), rows)
            for unit in within:
                self._neighbours(unit, around, claim_set, claim_weight)
        units.sort(key=lambda u: -u.rank)
        windows = self._windows(units[: s.window_seeds], rows)
        if windows and s.neighbour_share:
            edges = {i for u in windows for i in (u.rows[0].id - 1, u.rows[-1].id + 1)}
            around.update(self._near((i for i in edges if i not in around), rows))
        for unit in windows:
            self._score(unit, claim_set, claim_weight, claim_text, speaker_ids, boost)
            self._neighbours(unit, around, claim_set, claim_weight)
        units += windows
        # Fine score: word similarity on the aligned part, for the best few by rank.
        units.sort(key=lambda u: -u.rank)
        top = units[: max(s.max_matches * 3, 10)]
        for unit in top if not parsed.topic else ():  # a topic's words are in no order
            sim, _ = _similarity(keys, unit.words)
            unit.rank = (1.0 - s.w_similarity) * unit.rank + s.w_similarity * (
                sim + (s.speaker_boost if unit.speaker_ok else 0.0)
            )
            if sim >= s.verbatim_min and len(keys) >= _SHORT_QUOTE_WORDS - 1:
                # the claimed words (nearly) verbatim inside a long statement beat a shorter
                # statement that only resembles them, whatever the unit's length
                unit.rank += s.verbatim_bonus
        top.sort(key=lambda u: -u.rank)
        # One entry per quote: a window is represented by its member sharing most words.
        chosen: list[_Unit] = []
        seen_ids: set[int] = set()
        for unit in top:
            rep = self._representative(unit, claim_set)
            if rep in seen_ids:
                continue
            seen_ids.add(rep)
            chosen.append(unit)
            if len(chosen) >= s.max_matches:
                break
        word_weights: dict[str, float] = {}  # the claimed words only, for the verdict
        for key in keys:
            root = stem(key)
            word_weights[root] = max(word_weights.get(root, 0.0), self._word_weight(key, weights))
        self._verdict(result, parsed, toks, chosen, speaker_ids, source_ids, word_weights)
        if result.verdict in ("verified", "altered") and parsed.quoted and parsed.context:
            self._check_numbers_around(result, parsed)
        if result.verdict == "verified" and parsed.quoted and parsed.sentence:
            self._check_words_around(result, parsed)
        if result.verdict != "not found" and "speaker unresolved" in result.flags:
            self._described_elsewhere(result)
        if result.verdict != "not found" and "speaker unresolved" in result.flags:
            result.explanation += (
                f" Who \u201c{result.claimed_speaker}\u201d is could not be told from the "
                "record (no recorded name or role fits): the speaker is not compared."
            )
        if result.verdict != "not found" and result.matches:
            # the verdict rests on a quote a reviewer doubts, or on one the extractor found
            # in an article and no one has checked (a collection's quotes, such as a
            # transcript's, were not extracted: unreviewed is their normal state)
            best = result.matches[0]
            if best.status == "disputed" or (
                best.status == "unreviewed" and best.article_id is not None
            ):
                result.flags.append(f"record {best.status}")
        if only_name is None and result.verdict != "not found":
            # "Kim Jong Un": a name alone claims nothing, even if the words are on record
            result.verdict, result.diff = "not found", []
            result.flags = [f for f in result.flags if f == "truncated"]
            result.explanation = (
                f"The claim is only a name ({parsed.words.strip(' .')}): there are no words to "
                "check. Statements that mention it are listed."
            )
        if (
            result.verdict == "not found"
            and parsed.sentence
            and len(keys) < _SHORT_QUOTE_WORDS + 1
            and len(_tokens(parsed.sentence)) > len(keys)
        ):
            # 'he wanted talks with Kim Jong Un "with some preconditions"': three quoted words
            # are not found on their own; the clause they stand in may be
            unquoted = re.sub(r"[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]", " ", parsed.claim)
            whole = self.check(unquoted) if unquoted != parsed.claim else result
            if whole is not result and whole.verdict != "not found":
                whole.claim, whole.claimed_words = parsed.claim, parsed.sentence
                return whole
        if (
            parsed.segments
            and (
                result.verdict in ("altered", "paraphrase", "not found")
                # 'Cardin said "..." and Risch said "..."': two speakers, checked each
                or len(set(self._speakers_of_quotations(parsed))) > 1
            )
            and not parsed.denial  # "X never said "a" or "b"": judged as a whole
            and not parsed.source  # the parts would not compare it
            and "number changed" not in result.flags
        ):
            return self._quotations_one_by_one(parsed, result)
        if "speaker ambiguous" in result.flags:
            self._name_namesakes(result)
        return result

    def _name_namesakes(self, result: CheckResult) -> None:
        """Say who else the claimed name may be ("Kim" may also be Kim Jong Un ...), or drop
        the flag when the best match's speaker leaves no one else."""
        best = result.matches[0] if result.matches else None
        said = {best.speaker_id} if best is not None and best.speaker_id else set()
        others = self._namesakes(self.speaker_ids(result.claimed_speaker), said)
        if others:
            result.explanation += (
                f" \u201c{result.claimed_speaker}\u201d may also be {_listed(others)}, on "
                "record too: the claim does not say which."
            )
        else:
            result.flags.remove("speaker ambiguous")

    def _exact_speaker_ids(self, text: str) -> set[int]:
        """Speakers whose name, alias or role key is `text`'s exactly: a dictionary lookup,
        none of `speaker_ids`' partial or fuzzy matching (cheap enough for every edit)."""
        if self._key_index is None:
            index: dict[str, set[int]] = {}
            for sid, info in self._speakers.items():
                for key in info.keys:
                    index.setdefault(key, set()).add(sid)
            self._key_index = index
        key = _unaccented(name_key(text))
        return set(self._key_index.get(key, ())) | set(self._key_index.get(role_key(text), ()))

    def _denied_in_record(self, quote_id: int) -> bool:
        """Is the quote what its speaker denied ("denied that ...", cue "denied")?"""
        row = self._conn.execute("SELECT cue FROM quotes WHERE id = ?", [quote_id]).fetchone()
        return bool(row and row[0] and _DENIAL_CUE.match(row[0].strip()))

    def _namesakes(self, speaker_ids: set[int], said: set[int]) -> list[str]:
        """Other people the claimed name fits as well as the speakers `said`: recorded
        names with another given name ("Kim Jong Un" and "Sung Kim" beside "Kim Yo Jong"),
        not the same person recorded twice ("TRUMP", "Donald J. Trump")."""
        mine = [self._speakers[i] for i in said if i in self._speakers]
        out: list[str] = []
        for other_id in sorted(speaker_ids - said):
            other = self._speakers.get(other_id)
            if other is None or other.name in out:
                continue
            if all(_other_person(other.tokens[0], m.tokens[0]) for m in mine if m.tokens):
                out.append(other.name)
        return out[:3]

    @staticmethod
    def _described_elsewhere(result: CheckResult) -> None:
        """'The UN chief said ...' for words of South Korea's president: a description no
        recorded name or role fits, whose country or body is not the recorded speaker's, is
        someone else than who said the words."""
        best = result.matches[0] if result.matches else None
        if best is None or not result.claimed_speaker:
            return
        claimed = _places(result.claimed_speaker)
        recorded = _places(f"{best.speaker or ''} {best.speaker_role or ''}")
        if not claimed or not recorded or _places_agree(claimed, recorded):
            return
        result.verdict = "misattributed"
        result.flags = [f for f in result.flags if f != "speaker unresolved"]
        result.flags.append("speaker role differs")
        role = f", {best.speaker_role}" if best.speaker_role else ""
        result.explanation = (
            f"The words are on record, but said by {best.speaker}{role}; "
            f"\u201c{result.claimed_speaker}\u201d names another country or body."
        )
        result.speaker_match = False

    def _speakers_of_quotations(self, parsed: ParsedClaim) -> list[str | None]:
        """Who says each quotation: the claim's speaker, unless a recorded speaker's name
        stands right before it ('Stahl "Is it a hoax?" Trump "I think something's
        happening"': an interview's question and answer)."""
        text = parsed.claim.translate(_FOLD)
        spans = [m.span() for m in re.finditer(r'"[^"]*"', text)]
        out: list[str | None] = [parsed.speaker]
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            between = text[end:start].strip(" ,:;-\u2013\u2014.")
            # '"...," Cardin said, and Risch said "..."': the name and cue before the
            # conjunction are the last quotation's speaker
            before = _SAID_BY.match(between)
            if before is not None and self.speaker_ids(before.group("name")):
                out[-1] = before.group("name")
            # '... and Risch said "..."': a conjunction, the name, the cue
            between = _BETWEEN_QUOTATIONS.sub(r"\g<name>", between)
            name = _plausible_name(between, strict=True) if between else None
            out.append(name if name and self.speaker_ids(name) else parsed.speaker)
        if len(out) != len(parsed.segments):
            return [parsed.speaker] * len(parsed.segments)
        return out

    def _quotations_one_by_one(self, parsed: ParsedClaim, result: CheckResult) -> CheckResult:
        """'She warned Seoul would "pay a dear price" and that they are "playing with fire"':
        two quotations of two statements are no one wording on record; each is checked on its
        own, and when every one is verified, so is the claim."""
        speakers = self._speakers_of_quotations(parsed)
        parts = [
            self.check(f'{speaker} said "{segment}"' if speaker else f'"{segment}"')
            for speaker, segment in zip(speakers, parsed.segments, strict=True)
        ]
        # a quotation too short to look up alone ("never accept") counts when a statement
        # of the claimed speaker among the matches holds it word for word
        speaker_ids = self.speaker_ids(parsed.speaker)
        statements = [
            m
            for m in [*result.matches, *(m for p in parts for m in p.matches)]
            if not speaker_ids or m.speaker_id in speaker_ids
        ]
        for n, (segment, part) in enumerate(zip(parsed.segments, parts, strict=True)):
            wanted = compare_words(normalize(segment))
            short = 0 < len(wanted) < self.settings.min_excerpt_words
            holder = next(
                (
                    m
                    for m in statements
                    if short and _holds(compare_words(normalize(m.text)), wanted)
                ),
                None,
            )
            if part.verdict != "verified" and holder is not None:
                parts[n] = CheckResult(
                    claim=segment,
                    claimed_speaker=parsed.speaker,
                    claimed_words=segment,
                    claimed_source=parsed.source,
                    verdict="verified",
                    matches=[holder],
                    flags=["excerpt"],
                    explanation=f"The words are in what {holder.speaker} said.",
                )
        verified = all(
            p.verdict == "verified" and p.matches and p.speaker_match is not False for p in parts
        )
        people = {p.matches[0].speaker_id for p in parts if p.matches}
        if verified and len(set(speakers)) == 1 and len(people) > 1 and parsed.speaker:
            # 'Lindqvist said "A," and "B."': one Lindqvist, but A is Peter's and B Anna's
            said_by = list(dict.fromkeys(p.matches[0].speaker or "?" for p in parts if p.matches))
            names = ", ".join(said_by[:-1]) + " and " + said_by[-1]
            result.verdict = "misattributed"
            result.flags = sorted(set(result.flags) | {"speaker ambiguous"})
            result.explanation = (
                f"Each quotation is on record, but not from one person: {names} said them "
                f"between them, and the claim gives them all to {parsed.speaker}."
            )
            return result
        # every quotation on record, but said by someone else than the claim names
        misattributed = all(p.verdict == "misattributed" and p.matches for p in parts)
        several_speakers = len(set(speakers)) > 1
        if not (verified or misattributed or several_speakers):
            return result
        worst = min(
            (p for p in parts if p.verdict != "verified"),
            key=lambda p: _SEVERITY.index(p.verdict),
            default=parts[0],
        )
        combined = replace(
            parts[0] if verified or misattributed else worst,
            claim=result.claim,
            claimed_words=result.claimed_words,
        )
        combined.matches = []
        firsts = [p.matches[0] for p in parts if p.matches]
        ordered = firsts + result.matches if verified or misattributed else result.matches + firsts
        for match in ordered:
            # each quotation's statement, then the claim's own best matches (the other way
            # round when the parts disagree: the claim's best match is still the best)
            if match.quote_id not in {m.quote_id for m in combined.matches}:
                combined.matches.append(match)
        del combined.matches[self.settings.max_matches :]
        combined.flags = sorted({f for p in parts for f in p.flags} | {"excerpt"})
        combined.diff = [d for p in parts for d in p.diff]
        found = "; ".join(
            f"\u201c{seg}\u201d: {p.explanation.rstrip('.')}"
            for seg, p in zip(parsed.segments, parts, strict=True)
        )
        if misattributed:
            combined.flags = sorted({f for p in parts for f in p.flags})
            combined.explanation = (
                f"Each quotation is on record, but not as said by the claim's speaker. {found}."
            )
        elif verified:
            combined.explanation = f"Each quotation is on record. {found}."
        else:
            # each speaker's quotation checked against that speaker: the worst one decides
            combined.flags = sorted({f for p in parts for f in p.flags})
            combined.explanation = f"Each quotation checked against its own speaker. {found}."
        return combined

    def _only_a_name(self, parsed: ParsedClaim, result: CheckResult) -> bool | None:
        """'Kishida', 'Fumio Kishida': a claim that is a speaker's name and nothing else says
        nothing to check; list that speaker's latest statements instead of guessing (True).
        None: a name no one on record has ('Kim Jong Un'), to be searched but not judged."""
        if parsed.speaker or parsed.quoted or parsed.topic or len(parsed.words.split()) > 4:
            return False
        name = _plausible_name(parsed.words, strict=True)
        if name is None or name != parsed.words.strip(" ."):
            return False
        ids = self.speaker_ids(name)
        if not ids:
            return None
        marks = ",".join("?" * len(ids))
        live = self.store.live_quotes_clause("quotes")  # not the quotes of a deleted article
        latest = [
            r[0]
            for r in self._conn.execute(
                f"SELECT id FROM quotes WHERE speaker_id IN ({marks}) AND {_EVIDENCE} "
                f"{'AND ' + live if live else ''} ORDER BY id DESC LIMIT ?",
                [*ids, self.settings.max_matches],
            )
        ]
        rows = self._rows(latest)
        units = [_Unit([rows[i]], rows[i].words) for i in latest if i in rows]
        result.claimed_speaker, result.claimed_words = name, ""
        result.matches = self._matches(units, {}, [])
        result.explanation = (
            f"The claim is only a name ({name}): there are no words to check. Their latest "
            "statements on record are listed; add what they are said to have said."
        )
        return True

    def _word_weight(self, key: str, weights: dict[str, float]) -> float:
        """A claim word's weight: its rarity (idf; unknown words count as the rarest), function
        words a third of that."""
        parts = self._fts_terms([key])
        weight = max((weights.get(p, self._idf(0)) for p in parts), default=0.0)
        return weight * (0.3 if key in STOPWORDS else 1.0)

    def _check_numbers_around(self, result: CheckResult, parsed: ParsedClaim) -> None:
        """'... had "nothing to show" after three years' against a record sentence that says
        two years: the quoted words are the record's, the number beside them is not."""
        context = _tokens(parsed.context)
        claimed = _counted([t.key for t in context])
        best = result.matches[0] if result.matches else None
        if not claimed or best is None or len(best.quote_ids) > 1:
            return
        rows = self._rows([best.quote_id])
        if best.quote_id not in rows:
            return
        around = self._sentence_context(_Unit([rows[best.quote_id]], rows[best.quote_id].words))
        if around is None:
            return
        row = rows[best.quote_id]
        record_words = around[0] + row.words + around[1]
        record = _counted(record_words)
        # only a count of the same thing ("three years" against "two years"); a year, a date
        # or a count of something else beside the quotation is no change
        differ = [n for what, values in claimed.items() for n in values if what in record]
        differ = [n for n in differ if all(n not in record[w] for w in claimed if w in record)]
        recorded = [n for what in claimed if what in record for n in record[what]]
        if recorded and differ:
            # the claim as a whole misstates the record: altered, whatever its quoted words
            result.verdict = "altered"
            if "number changed" not in result.flags:
                result.flags.append("number changed")
            # as written: "three years", not "3"
            said = _count_phrases([t.key for t in context], [t.show for t in context], differ)
            written = around[4] + row.shown + around[5]
            had = _count_phrases(record_words, written, recorded)
            result.explanation += (
                f" But beside the quotation the claim says {said}, which the record's "
                f"sentence does not ({had})."
            )

    def _check_words_around(self, result: CheckResult, parsed: ParsedClaim) -> None:
        """'Kishida said he was not prepared to meet Kim Jong Un "at any time"', 'Thomas-
        Greenfield said China was "trying to cover up ..."': the quoted words are the
        record's, but the claim's own words beside them turn a negation or swap a name of the
        record's sentence. Compared within the stretch where the two sentences align, so
        what the claim leaves out or adds at its ends is no change."""
        best = result.matches[0] if result.matches else None
        if best is None or len(best.quote_ids) > 1 or len(parsed.segments) > 1:
            return
        rows = self._rows([best.quote_id])
        row = rows.get(best.quote_id)
        around = self._sentence_context(_Unit([row], row.words)) if row else None
        if around is None:
            return
        claim = _tokens(parsed.sentence)
        claim_keys = [t.key for t in claim]
        quoted = [t.key for t in _tokens(parsed.words, editorial=True)]
        start = next(
            (
                i
                for i in range(len(claim_keys) - len(quoted) + 1)
                if claim_keys[i : i + len(quoted)] == quoted
            ),
            None,
        )
        if start is None or not quoted or len(quoted) == len(claim_keys):
            return
        inside = range(start, start + len(quoted))
        own_names = {
            w.casefold()
            for name in (best.speaker, best.source, parsed.speaker)
            if name
            for w in words(name)
        }
        said = _tokens(best.text)
        record_keys = around[0] + [t.key for t in said] + around[1]
        record_shown = around[4] + [t.show for t in said] + around[5]
        record_stems = {stem(w) for w in record_keys}
        ops = difflib.SequenceMatcher(None, claim_keys, record_keys, autojunk=False).get_opcodes()
        equal = [n for n, op in enumerate(ops) if op[0] == "equal"]
        if not equal:
            return
        for n, (tag, i1, i2, j1, j2) in enumerate(ops):
            if tag == "equal" or any(i in inside for i in range(i1, i2)):
                continue
            if not equal[0] < n < equal[-1] and not (
                tag == "replace" and (i1 == 0 or i2 == len(claim_keys))
            ):
                continue  # words the claim adds or leaves out at its ends
            # the claim's words beside the quotation stand for the record's words beside it:
            # "China was" for "Russia was", not for all of "Thomas-Greenfield said Russia
            # was"; a name is taken whole
            k1, k2 = j1, j2
            between = equal[0] < n < equal[-1]
            if tag != "replace" or (j2 - j1 <= _LOCAL_EDIT and (between or i1 > 0)):
                # (at the claim's start the record's side holds its attribution: cut it)
                pass  # the record's words that stand for the claim's are all of them
            elif i2 <= start:
                k1 = max(j1, j2 - (i2 - i1))
                while k1 > j1 and record_shown[k1 - 1][:1].isupper():
                    k1 -= 1
            else:
                k2 = min(j2, j1 + (i2 - i1))
                while k2 < j2 and record_shown[k2][:1].isupper():
                    k2 += 1
            claimed, recorded = claim_keys[i1:i2], record_keys[k1:k2]
            if len(claimed) > _LOCAL_EDIT or len(recorded) > _LOCAL_EDIT:
                continue
            if j2 - j1 > 8 or not between:
                j1, j2 = k1, k2  # shown: the record's words that stand for the claim's
            # shown with a word of the aligned text on each side: "was not prepared"
            shown_claim = " ".join(t.show for t in claim[max(i1 - 1, 0) : i2 + 1] if t.show)
            shown_record = " ".join(w for w in record_shown[max(j1 - 1, 0) : j2 + 1] if w)
            where = (
                f"The quoted words are on record ({_who(best)}), but outside the quotation "
                f"marks the claim says \u201c{shown_claim}\u201d where the record's sentence "
                f"says \u201c{shown_record}\u201d"
            )
            if (
                tag == "insert"  # (difflib: words of the record only)
                and i1 == start
                and i1 > 0
                and claim_keys[i1 - 1] in NEGATORS
                and any(w in _NEGATIVE_VERBS for w in recorded)
            ):
                # 'would not "raise rates again"' for 'will not hesitate to raise rates
                # again': the negation now governs the quoted words
                result.verdict = "contradicted"
                result.diff = _sentence_diff(claim, record_shown, ops, n, (k1, k2))
                result.flags.append("negation differs")
                result.explanation = (
                    f"The quoted words are on record ({_who(best)}), but the claim puts "
                    f"\u201c{claim[i1 - 1].show}\u201d before them, where the record's sentence "
                    f"says \u201c{claim[i1 - 1].show} {' '.join(w for w in record_shown[j1:j2] if w)}"
                    "\u201d: the opposite."
                )
                return

            flipped = _plain_negations(claimed) ^ _plain_negations(recorded)
            if tag != "replace" and not all(
                w in NEGATORS or _is_auxiliary(w) for w in claimed + recorded
            ):
                # a clause the claim leaves out or adds ("would not wait but was ..."), not a
                # negation turned ("had not responded" for "had responded")
                flipped = set()
            if flipped:
                result.verdict = "contradicted"
                result.diff = _sentence_diff(claim, record_shown, ops, n, (k1, k2))
                result.flags.append("negation differs")
                added = "added" if set(claimed) & flipped else "removed"
                result.explanation = (
                    f"{where}: a negation ({', '.join(sorted(flipped))}) was {added}."
                )
                return
            opposite = _opposite_words(
                claimed, recorded, [("replace", 0, len(claimed), 0, len(recorded))]
            )
            if tag == "replace" and opposite is not None:
                # "ready for war" for "ready for peace", beside the quotation
                result.verdict = "contradicted"
                result.diff = _sentence_diff(claim, record_shown, ops, n, (k1, k2))
                result.flags.append("opposite word")
                result.explanation = f"{where}: '{opposite[1]}' became '{opposite[0]}'."
                return
            ordinals = (
                [w for w in claimed if w in _ORDINALS],
                [w for w in recorded if w in _ORDINALS],
            )
            times = [w for w in claimed if w in _WHEN], [w for w in recorded if w in _WHEN]
            if tag == "replace" and (
                (all(ordinals) and ordinals[0] != ordinals[1])
                or (all(times) and times[0] != times[1])
            ):
                # "in the first quarter" for "in the fourth quarter", "four months" for "four
                # years": a count or a time changed
                result.verdict = "altered"
                result.diff = _sentence_diff(claim, record_shown, ops, n, (k1, k2))
                changed = all(ordinals) and ordinals[0] != ordinals[1]
                result.flags.append("number changed" if changed else "wording differs")
                result.explanation = f"{where}."
                return
            # a content word of the claim's that the record's sentence lacks, for one of its
            # own, a name on one side at least: "the economy" for "North Korea"; not when
            # ("five years ago"), not the speaker's own name, not an acronym ("PM")
            content = [w for w in claimed if _content_word(w) and stem(w) not in record_stems]
            replaced = [w for w in recorded if _content_word(w) and w not in own_names]
            names_said = [t.show for t in claim[i1:i2] if t.show[:1].isupper() and t.key in content]
            owners = _role_owners(best.speaker_role)
            if (
                tag == "replace"
                and names_said
                and owners
                and all(w in _REFERRING_NOUNS or w in _SPEAKERS_SIDE for w in recorded)
                and not any(_same_place(n, o) for n in names_said for o in owners)
            ):
                # "Estavia was ready" for "his country was ready", said by Norland's
                # foreign minister: the record's "his country" is Norland
                result.verdict = "altered"
                result.diff = _sentence_diff(claim, record_shown, ops, n, (k1, k2))
                result.flags.append("wording differs")
                result.explanation = (
                    f"{where}, and {_who(best)} is {best.speaker_role}: "
                    f"\u201c{shown_record}\u201d is not {' '.join(names_said)}."
                )
                return
            if all(w in _REFERRING_NOUNS for w in replaced):
                continue  # "North Korea" for "his country": who the record means
            if _describes(claimed) or _describes(recorded):
                continue  # "the North Korean leader" for "Kim Jong Un": a description
            named = any(t.show[:1].isupper() for t in claim[i1:i2] if t.key in content) or any(
                w[:1].isupper() and w.casefold() not in own_names for w in record_shown[k1:k2]
            )
            acronym = "".join(w[:1] for w in replaced if w not in STOPWORDS)
            if len(content) == 1 and content[0] == acronym:
                continue
            if not (tag == "replace" and content and replaced and named):
                continue
            if self._exact_speaker_ids(
                " ".join(t.show for t in claim[i1:i2])
            ) & self._exact_speaker_ids(" ".join(w for w in record_shown[k1:k2] if w)):
                continue  # two names of one recorded speaker ("Kim" for "Kim Jong Un")
            result.verdict = "altered"
            result.diff = _sentence_diff(claim, record_shown, ops, n, (k1, k2))
            result.flags.append("wording differs")
            result.explanation = f"{where}."
            return
        # what the claim adds beside the quotation and the record's sentence does not hold
        # ("..., adding that no fires had been reported"): not checked, and said so
        unsupported = [
            t.show
            for n, t in enumerate(claim)
            if n not in inside
            and _content_word(t.key)
            and stem(t.key) not in record_stems
            and t.key.casefold() not in own_names
        ]
        if len(unsupported) >= 2:
            result.flags.append("context not on record")
            result.explanation += (
                " Words of the claim outside the quotation marks are not in the record's "
                f"sentence ({', '.join(unsupported[:6])}): they are not checked."
            )

    def _sentence_context(
        self, unit: _Unit
    ) -> tuple[list[str], list[str], list[int], list[int], list[str], list[str]] | None:
        """Words of the article sentence around a single quote (before it, after it), the
        punctuation before each of them (`_Tok.brk`), and the words as written."""
        if len(unit.rows) != 1 or unit.rows[0].article_id is None:
            return None
        row = self._conn.execute(
            "SELECT substr(a.text, max(1, q.start - 299), min(q.start, 300)), "
            'substr(a.text, q."end" + 1, 300), q.text FROM quotes q '
            "JOIN articles a ON a.id = q.article_id "
            'WHERE q.id = ? AND q.start IS NOT NULL AND q."end" IS NOT NULL',
            [unit.rows[0].id],
        ).fetchone()
        if row is None:
            return None
        before, after = row[0] or "", row[1] or ""
        before = re.split(r"[.!?\n]", before)[-1]
        # a quote that ends its sentence ('... for Japan."') has no words after it in it
        ended = (row[2] or "").rstrip().endswith((".", "!", "?"))
        after = "" if ended else re.split(r"[.!?\n]", after)[0]
        pre, post = _tokens(before), _tokens(after)
        post_breaks = [t.brk for t in post]
        if post:  # the punctuation between the quote and the next word
            plain = unicodedata.normalize("NFKC", after).translate(_FOLD)
            first = _DISPLAY_WORD.search(plain)
            post_breaks[0] = _break_kind(plain[: first.start()]) if first else 0
        plain = unicodedata.normalize("NFKC", before).translate(_FOLD)
        tail = re.split(r"\w", plain)[-1] if pre else ""
        return (
            [t.key for t in pre],
            [t.key for t in post],
            [t.brk for t in pre] + [_break_kind(tail)],
            post_breaks,
            [t.show for t in pre],
            [t.show for t in post],
        )

    def _unit_breaks(self, unit: _Unit) -> list[int]:
        """`_Tok.brk` for each word of a unit, from the quotes' own text (a new quote of a
        window starts a sentence)."""
        ids = unit.ids
        marks = ",".join("?" * len(ids))
        texts = dict(
            self._conn.execute(f"SELECT id, text FROM quotes WHERE id IN ({marks})", ids).fetchall()
        )
        out: list[int] = []
        for n, r in enumerate(unit.rows):
            breaks = word_breaks(texts.get(r.id) or "")
            if len(breaks) != len(r.words):
                breaks = [0] * len(r.words)
            if breaks and n:
                breaks[0] = 2
            out += breaks
        return out

    def _leading_speaker(self, parsed: ParsedClaim) -> ParsedClaim:
        """'Cruz Six million people ...', 'Trump "I was against ..."': a known speaker's name
        at the start, followed by a capitalised word or the quotation (fact-checkers' style)."""
        text = parsed.context if parsed.quoted else parsed.words
        if parsed.quoted and parsed.speaker:
            # 'Kaine Trump "trash talks the military"': Kaine says Trump does
            text = f"{parsed.speaker} {text}"
        tokens = text.split()
        for size in (3, 2, 1):
            if len(tokens) < size or (not parsed.quoted and len(tokens) <= size):
                continue
            name = " ".join(tokens[:size]).strip(" ,:;-")
            if (
                _plausible_name(name, strict=True) is None
                or tokens[0].lower() in STOPWORDS
                or not self.speaker_ids(name)
            ):
                continue
            rest = " ".join(tokens[size:])
            topic = _HEADLINE_TOPIC.match(rest)
            if topic and parsed.quoted:
                # 'Kishida on North Korea's missiles: "we will respond"': his words
                return replace(parsed, speaker=name, context=topic.group("rest"))
            if topic:
                about, *said = _TOPIC_THEN_WORDS.split(topic.group("rest"), maxsplit=1)
                if said and words(said[0]):
                    # "Choe Son Hui on summit: no interest in a summit": her words, on a topic
                    return replace(parsed, speaker=name, words=said[0].strip(), context=about)
                if _is_topic(about):
                    # "Jeb Bush on Florida tuition": a headline naming who and what about
                    return replace(parsed, speaker=name, words=about, topic=True)
            if rest and not (rest[:1].isupper() or rest[:1].isdigit()):
                break  # "Hillary Clinton supported ...": the name is the sentence's subject
            after = re.sub(r"\W", "", tokens[size]).lower() if rest else ""
            if after and after not in STOPWORDS and not is_number(after) and not parsed.quoted:
                break  # "Mitchell Kaye, ...": the name goes on
            if after in ("and", "or", "nor") or (rest and tokens[size] == "&"):
                break  # "SANDERS AND THE CHARLESTON LOOPHOLE": one of two subjects
            if parsed.quoted:
                return replace(parsed, speaker=name, context=rest)
            return replace(parsed, speaker=name, words=rest)
        return parsed

    def _spliced(
        self,
        toks: list[_Tok],
        ops: Sequence[tuple[str, int, int, int, int]],
        units: list[_Unit],
        best: _Unit,
    ) -> Match | None:
        """Another statement holding the claimed words the best match lacks (three content
        words or more, in order): the claim joins words of two statements."""
        left = [t.key for tag, i1, i2, _, _ in ops if tag != "equal" for t in toks[i1:i2]]
        content = [w for w in left if w not in STOPWORDS]
        if len(content) < 3:
            return None
        best_ids = set(best.ids)
        for unit in units:
            if unit is best or best_ids & set(unit.ids):
                continue
            sm = difflib.SequenceMatcher(None, left, unit.words, autojunk=False)
            found = [
                w
                for a, _, n in sm.get_matching_blocks()
                for w in left[a : a + n]
                if w not in STOPWORDS
            ]
            if len(found) >= max(3, 0.8 * len(content)):
                matches = self._matches([unit], {}, [t.key for t in toks])
                return matches[0] if matches else None
        return None

    @staticmethod
    def _representative(unit: _Unit, claim_set: dict[str, float]) -> int:
        if len(unit.rows) == 1:
            return unit.rows[0].id
        best = max(unit.rows, key=lambda r: sum(claim_set.get(w, 0.0) for w in r.stems))
        return best.id

    def _matches(
        self, units: list[_Unit], claim_set: dict[str, float], keys: list[str]
    ) -> list[Match]:
        """Matches best first. A window is listed by its member sharing most of the claim's
        words (with the whole window's text), followed by its other members on their own.
        Each match's score is how alike its words are to the claimed words (0-100)."""
        ids = [i for u in units for i in u.ids]
        full = self.store.quotes_by_ids(ids)
        out: list[Match] = []
        seen: set[int] = set()
        for unit in units:
            rep = self._representative(unit, claim_set)
            others = []
            for row in unit.rows:
                content = {w for w in row.stems if w not in STOPWORDS}
                shared = sum(1 for w in content if w in claim_set)
                if row.id != rep and shared >= min(2, len(content)) and shared:
                    others.append((-sum(claim_set[w] for w in content if w in claim_set), row.id))
            members = [rep] + [qid for _, qid in sorted(others)]
            for n, qid in enumerate(members):
                record = full.get(qid)
                if record is None or qid in seen:
                    continue
                seen.add(qid)
                window = n == 0 and len(unit.rows) > 1
                shown = unit.words if window else self._words_of(unit, qid)
                out.append(
                    Match(
                        quote_id=qid,
                        ref=record.get("ref"),
                        score=round(max(0.0, min(100.0, _similarity(keys, shown)[0])), 1),
                        speaker=record.get("speaker"),
                        speaker_role=record.get("speaker_role"),
                        source=record.get("source"),
                        text=" ".join(full[i]["text"] for i in unit.ids if i in full)
                        if window
                        else record["text"],
                        kind=record.get("kind"),
                        article_id=record.get("article_id"),
                        article=record.get("article"),
                        article_date=record.get("article_date"),
                        said_on=record.get("said_on"),
                        quote_ids=unit.ids if window else [qid],
                        speaker_id=record.get("speaker_id"),
                        source_id=record.get("source_id"),
                        status=record.get("status"),
                    )
                )
        return out[: self.settings.max_matches]

    @staticmethod
    def _words_of(unit: _Unit, quote_id: int) -> list[str]:
        return next((r.words for r in unit.rows if r.id == quote_id), [])

    def _verdict(
        self,
        result: CheckResult,
        parsed: ParsedClaim,
        toks: list[_Tok],
        units: list[_Unit],
        speaker_ids: set[int],
        source_ids: set[int],
        word_weights: dict[str, float],
    ) -> None:
        s = self.settings
        keys = [t.key for t in toks]
        claim_set = {stem(k): 1.0 for k in keys}
        if not units:
            result.explanation = "Nothing on record is close to this claim."
            return
        # Prefer, among near-equal candidates, one by the claimed speaker.
        scored = []
        for unit in units:
            sim, ops = _similarity(keys, unit.words)
            scored.append((unit, sim, ops))
        best_unit, best_sim, best_ops = scored[0]
        if speaker_ids and not best_unit.speaker_ok:
            for unit, sim, ops in scored[1:]:
                if unit.speaker_ok and sim >= best_sim - 10.0:
                    best_unit, best_sim, best_ops = unit, sim, ops
                    break
        ordered = [best_unit] + [u for u in units if u is not best_unit]
        matches = self._matches(ordered, claim_set, keys)
        # the best first (ranked with rarity, speaker and windows); the rest by likeness,
        # without those that share nothing with the claimed words
        result.matches = matches[:1] + sorted(
            (m for m in matches[1:] if m.score > 0), key=lambda m: -m.score
        )
        quote_words, quote_range = best_unit.words, (0, len(best_unit.words))
        quote_shown = [w for r in best_unit.rows for w in r.shown]
        quote_breaks = self._unit_breaks(best_unit)
        part = _best_sentences(keys, quote_words, quote_breaks, best_sim, best_ops)
        if part is not None:
            # "We are against housing" against "We are not against housing. We are against bad
            # planning": aligned with the whole, the claim follows the second sentence and the
            # flipped negation of the first goes unseen; judge it against its own sentence
            best_sim, best_ops, a, b = part
            quote_words, quote_breaks = quote_words[a:b], [2] + quote_breaks[a + 1 : b]
            quote_shown = quote_shown[a:b]
            quote_range = (0, b - a)
        context = self._sentence_context(best_unit) if part is None else None
        if context is not None:
            # The claim may carry words of the quote's own sentence ("Japan should" before
            # "not waste any moment"): align with the whole sentence if that fits better.
            pre, post, pre_breaks, post_breaks, pre_shown, post_shown = context
            extended = pre + best_unit.words + post
            sim, ops = _similarity(keys, extended)
            if sim > best_sim:
                best_sim, best_ops, quote_words = sim, ops, extended
                quote_shown = pre_shown + quote_shown + post_shown
                quote_range = (len(pre), len(pre) + len(best_unit.words))
                inner = quote_breaks[:]
                if inner:  # the punctuation between the sentence's words and the quote
                    inner[0] = pre_breaks[-1]
                quote_breaks = pre_breaks[:-1] + inner + post_breaks
        if any(t.gap_before for t in toks):
            # words the claim leaves out where it marks a gap ("...", "[...]") are no change
            skipped: set[int] = set()
            for tag, i1, i2, j1, j2 in best_ops:
                gap = (
                    any(t.gap_before for t in toks[i1:i2])
                    or (i2 < len(toks) and toks[i2].gap_before)
                    or (tag == "insert" and _shifts_to_gap(toks, quote_words, i1, j1, j2))
                )
                if tag != "equal" and gap:
                    skipped.update(range(j1, j2))
            if skipped:
                reduced = [w for j, w in enumerate(quote_words) if j not in skipped]
                best_sim = max(best_sim, _similarity(keys, reduced)[0])
        if result.matches:
            result.matches[0].score = round(max(0.0, min(100.0, best_sim)), 1)
        result.similarity = best_sim
        found = {stem(w) for w in quote_words}
        # "North Korea wants ...": words naming the quote's speaker (name, aliases, role) or
        # its source are the claim's subject, not missing content
        for row in best_unit.rows:
            info = self._speakers.get(row.speaker_id) if row.speaker_id is not None else None
            names = list(info.keys) if info is not None else []
            names += self._sources.get(row.source_id, set()) if row.source_id is not None else []
            found.update(stem(w) for name in names for w in name.replace("'s", "").split())
        total = sum(word_weights.values())
        result.coverage = (
            100.0 * sum(w for k, w in word_weights.items() if k in found) / total if total else 0.0
        )
        best_ops = _split_edge_replacements(best_ops, keys)
        analysis = _analyse(
            toks,
            quote_words,
            best_ops,
            quote_range,
            quote_breaks,
            reported=not parsed.quoted,
            quote_shown=quote_shown,
            record_kind=best_unit.rows[0].kind,
        )
        if part is not None:
            analysis.excerpt = True  # a sentence of a longer statement
        result.diff = analysis.diff
        best = result.matches[0] if result.matches else None
        kind = best.kind if best else None

        if parsed.speaker and result.claimed_speaker and "speaker unresolved" not in result.flags:
            result.speaker_match = best_unit.speaker_ok
            recorded_speakers = {r.speaker_id for r in best_unit.rows if r.speaker_id is not None}
            if best_unit.speaker_ok and self._namesakes(speaker_ids, recorded_speakers):
                # "Kim said ...": Kim Yo Jong said it, but Kim Jong Un and Sung Kim are on
                # record too; the claim does not tell them apart (named in `check`)
                result.flags.append("speaker ambiguous")
        if result.claimed_source:
            ids = {r.source_id for r in best_unit.rows} - {None}
            if not ids:
                # the record names no source: the claimed one can be neither confirmed nor
                # contradicted
                result.flags.append("source unconfirmed")
            else:
                result.source_match = bool(source_ids & ids)
                if not result.source_match:
                    result.flags.append("source mismatch")
        # Several candidates as good: flag it when the wording is not exact, or when the same
        # words are on record from someone else too and the claim names no one.
        close = [
            u
            for u in units
            if u is not best_unit and abs(u.rank - best_unit.rank) <= s.ambiguous_margin
        ]
        speakers = {r.speaker_id for r in best_unit.rows}
        if close and (
            not analysis.exact
            or (
                result.speaker_match is None
                and any({r.speaker_id for r in u.rows} != speakers for u in close)
            )
        ):
            result.flags.append("ambiguous")

        who = _who(best)
        if parsed.topic:
            self._topic_verdict(result, who)
            return
        spliced = None if analysis.exact else self._spliced(toks, best_ops, units, best_unit)
        if spliced is not None:
            result.flags.append("spliced")
        if best_sim < s.not_found_below or (
            # a loose likeness made of common words: the claim's rare words are elsewhere
            not analysis.exact and result.coverage < s.min_coverage and best_sim < s.altered_min
        ):
            result.verdict = "not found"
            result.diff = []
            if "ambiguous" in result.flags:  # several candidates, none of them close
                result.flags.remove("ambiguous")
            result.explanation = (
                f"Nothing on record is close enough; the nearest quote ({who}) is "
                f"{best_sim:.0f}% like the claimed words and holds {result.coverage:.0f}% of "
                "their rare words."
            )
            return
        if len(keys) < s.min_excerpt_words and (analysis.excerpt or analysis.negation_flip):
            # "waste", "waste any": a word or two of a longer quote prove nothing either way
            result.verdict = "not found"
            result.diff = []
            result.explanation = (
                f"The claim is only {len(keys)} word(s) long; too short to check on its own "
                f"(the nearest quote is {who}'s)."
            )
            return
        if result.speaker_match is False:
            # the words are someone else's: misattributed when they match (allowing marked
            # gaps) or nearly, else nothing by the claimed speaker is close enough
            on_record = set().union(*(r.stems for r in best_unit.rows))
            missing = {stem(k) for k in keys if k not in STOPWORDS} - on_record
            if not speaker_ids and not analysis.exact and missing:
                # no one of the claimed name is on record, and the record lacks some of the
                # claimed words: nothing says they are someone else's ("Blinken said the US
                # was ready to talk" is no misattribution of Kim's "ready to respond"; "We
                # reject any talks with Japan - Kim Jong Un" is of Ri's "would reject any
                # talks at any level with Japan")
                result.verdict = "not found"
                result.flags.append("speaker not on record")
                result.diff = []
                result.explanation = (
                    f"Nothing on record from {result.claimed_speaker}. The nearest words on "
                    f"record ({best_sim:.0f}% alike, not the same) are {who}'s."
                )
                if best is not None and _mentions(best.text, result.claimed_speaker):
                    result.flags.append("said about the claimed speaker")
                    result.explanation += f" They name {result.claimed_speaker}."
            elif analysis.exact or best_sim >= s.misattributed_min:
                result.verdict = "misattributed"
                if not speaker_ids:  # "Kim Jong Un": no one of that name is on record
                    result.flags.append("speaker not on record")
                if analysis.exact:
                    result.explanation = (
                        f"The words are on record, but said by {who}, not {result.claimed_speaker}."
                    )
                else:
                    result.flags.append("wording differs")
                    result.explanation = (
                        f"Similar words ({best_sim:.0f}% alike) are on record, but said by "
                        f"{who}, not {result.claimed_speaker}."
                    )
                    if analysis.negation_flip:
                        # someone else said it, and said the opposite
                        result.flags.append("negation differs")
                        result.explanation += (
                            f" And the record says the opposite: a negation "
                            f"({', '.join(analysis.negation_words)}) was "
                            f"{'added' if analysis.negation_added else 'removed'}."
                        )
                if best is not None and _mentions(best.text, result.claimed_speaker):
                    # 'Clinton "let China rebuild itself"', said by Trump of Clinton: a
                    # fact-checker's shorthand for words about someone, not by them
                    result.flags.append("said about the claimed speaker")
                    result.explanation += (
                        f" The record names {result.claimed_speaker}: the words are about "
                        f"{result.claimed_speaker}, not {result.claimed_speaker}'s own."
                    )
            else:
                result.verdict = "not found"
                result.explanation = (
                    f"Nothing close enough on record from {result.claimed_speaker}; the "
                    f"nearest statement is by {who}, and only {best_sim:.0f}% like the "
                    "claimed words."
                )
            return
        if len(best_unit.rows) == 1 and self._denied_in_record(best_unit.rows[0].id):
            # "Grant denied that he had ever discussed the contracts": the record holds what
            # he denied, not what he said
            near = (
                best_sim >= s.altered_min
                and not analysis.numbers_changed
                and not _content_replaced(keys, quote_words, best_ops)
            )
            if analysis.exact or analysis.negation_flip or near:
                same = not analysis.negation_flip  # the denied words, or their opposite
                agrees = parsed.denial == same  # denied as denied, or said the opposite
                result.verdict = "verified" if agrees else "contradicted"
                result.flags.append("denial")
                what = "these words" if analysis.exact else "nearly these words"
                result.explanation = (
                    f"The record has {who} denying "
                    + (what if same else "the opposite of these words")
                    + (
                        (", as the claim says." if same else ", which is what the claim says.")
                        if agrees
                        else ", not saying them."
                    )
                )
                return
        loose_flip = (
            not analysis.exact and best_sim < s.altered_min and analysis.loose_negation_flip
        )
        if (analysis.negation_flip and best_sim >= s.contradicted_min) or loose_flip:
            flipped = (
                f"a negation ({', '.join(analysis.negation_words)}) was "
                f"{'added' if analysis.negation_added else 'removed'}"
            )
            if parsed.denial and not loose_flip:
                # "Kritenbrink denied that the US would recognise ...": he said it would not,
                # which is what the claim says
                result.verdict = "verified"
                result.flags.append("denial")
                result.explanation = (
                    f"The claim says {result.claimed_speaker or 'the speaker'} denied or did "
                    f"not say these words, and the record ({who}) says the opposite of them "
                    f"({flipped})."
                )
                return
            result.verdict = "contradicted"
            result.explanation = f"The record ({who}) says the opposite: {flipped}."
            if parsed.denial:
                result.flags.append("denial")
                result.explanation += (
                    " The claim says the words were denied or not said; check the "
                    "negations by hand."
                )
            return
        opposite = _opposite_words(keys, quote_words, best_ops)
        if opposite and best_sim >= s.contradicted_min and not analysis.numbers_changed:
            # "her country would accept any talks" against "... reject any talks": one word
            # swapped for its opposite flips the meaning as a negation does
            result.flags.append("opposite word")
            said, recorded = opposite
            if parsed.denial:
                # "never said her country would accept ...": she said it would reject
                result.verdict = "verified"
                result.flags.append("denial")
                result.explanation = (
                    f"The claim says {result.claimed_speaker or 'the speaker'} denied or did "
                    f"not say these words, and the record ({who}) says the opposite of them "
                    f"('{recorded}', not '{said}')."
                )
                return
            result.verdict = "contradicted"
            result.explanation = (
                f"The record ({who}) says the opposite: '{recorded}' became '{said}'."
            )
            return
        if analysis.numbers_changed:
            result.flags.append("number changed")
        if analysis.exact and parsed.denial:
            # "Kishida denied that ...", "Kishida never said ...": but he did say it
            result.verdict = "contradicted"
            result.flags.append("denial")
            if analysis.excerpt:
                result.flags.append("excerpt")
            result.explanation = (
                f"The claim says {result.claimed_speaker or 'the speaker'} denied or did not "
                f"say these words, but they are on record: {who} said them."
            )
            return
        if analysis.exact:
            result.verdict = "verified"
            if analysis.excerpt:
                result.flags.append("excerpt")
            if kind in ("indirect",):
                result.flags.append("reported speech")
            extra = " (an excerpt of a longer statement)" if analysis.excerpt else ""
            result.explanation = f"The words match what {who} said{extra}."
            contraction = (
                _written_contraction_change(toks, quote_shown, best_ops) if parsed.quoted else None
            )
            if contraction is not None:
                # a quotation is the speaker's words as said: "won't" is not "will not"
                result.flags.append("contraction differs")
                said, recorded = contraction
                result.explanation += (
                    f" But the quotation writes \u201c{said}\u201d where the record has "
                    f"\u201c{recorded}\u201d."
                )
            if analysis.reworded:
                # reported words: not the record's wording, but no word of content differs
                result.flags.append("reworded")
                result.explanation += (
                    " Only what reported speech changes differs: articles, the tense of a "
                    "verb, a pronoun's person or whom it names."
                )
            if result.speaker_match is None and parsed.speaker is None:
                result.explanation += " The claim names no speaker."
            if result.source_match is False and best is not None and best.source:
                result.explanation += f" But the record places it in {best.source}."
            elif "source unconfirmed" in result.flags:
                result.explanation += (
                    f" The record names no source to compare with the claimed one "
                    f"({result.claimed_source})."
                )
            return
        if parsed.denial:
            result.flags.append("denial")
        if (
            parsed.denial
            and best_sim >= s.altered_min
            and not analysis.numbers_changed
            and not _content_replaced(keys, quote_words, best_ops)
        ):
            # "Trump denied that he got along with Kim Jong Un": he said nearly that
            changed = ", ".join(analysis.changes[:3])
            result.verdict = "contradicted"
            result.explanation = (
                f"The claim says {result.claimed_speaker or 'the speaker'} denied or did not "
                f"say these words, but the record has {who} saying nearly them"
                + (f" ({changed})." if changed else ".")
            )
            return
        if best_sim >= s.altered_min:
            result.verdict = "altered"
            changed = ", ".join(analysis.changes[:3])
            result.explanation = (
                f"Close to what {who} said, but the wording differs ({changed})."
                if changed
                else f"Close to what {who} said, but the wording differs."
            )
            return
        result.verdict = "paraphrase"
        if spliced is not None:
            result.explanation = (
                f"Words of two statements joined: part is what {who} said, the rest what "
                f"{_who(spliced)} said."
            )
            return
        if kind == "direct":
            result.explanation = (
                f"Only loosely like what {who} said ({best_sim:.0f}% of the wording); "
                "the claimed wording is not on record."
            )
        else:
            result.explanation = (
                f"The record holds only reported speech close to this ({who}, "
                f"{best_sim:.0f}% of the wording); the claimed wording is not on record."
            )
        if analysis.changes:
            # a loose likeness is no proof of the same meaning: say what differs
            result.explanation += f" Compare the meaning: {', '.join(analysis.changes[:3])}."
        negations = _loose_negations(keys, quote_words, best_ops)
        if negations:
            # "he will never meet Kim Jong Un" against "he wanted to hold talks with ... Kim
            # Jong Un": too loose to call contradicted, too important to leave unsaid
            result.flags.append("negation differs")
            result.explanation += (
                f" The claim has a negation ({', '.join(negations)}) that the matching part of "
                "the record does not: the meaning may be the opposite."
            )

    def _topic_verdict(self, result: CheckResult, who: str) -> None:
        """A headline ("Jeb Bush on Florida tuition") claims no words, only that the speaker
        spoke on a topic: nothing to verify word by word, and no one to blame for them."""
        result.diff = []
        result.flags = [f for f in result.flags if f != "ambiguous"] + ["topic"]
        topic = result.claimed_words
        if result.speaker_match is False:
            result.verdict = "not found"
            result.explanation = (
                f"The claim names a topic, not words. Nothing on record from "
                f'{result.claimed_speaker} on "{topic}"; the nearest statement is {who}\'s.'
            )
        elif result.coverage < self.settings.min_coverage:
            result.verdict = "not found"
            result.explanation = (
                f'The claim names a topic, not words. Nothing on record is about "{topic}".'
            )
        else:
            result.verdict = "paraphrase"
            result.explanation = (
                f"The claim names a topic, not words: {who} spoke on it (the statement holds "
                f"{result.coverage:.0f}% of the topic's rare words). Read the matches for what "
                "was said."
            )


# Words whose swap for one another reverses a statement (all forms listed: the matcher's
# stems are too crude to pair "won" with "lost").
_OPPOSITES = [
    ("accept accepts accepted accepting", "reject rejects rejected rejecting"),
    ("win wins won winning", "lose loses lost losing"),
    ("rise rises rose risen rising", "fall falls fell fallen falling"),
    ("increase increases increased increasing", "decrease decreases decreased decreasing"),
    ("support supports supported supporting", "oppose opposes opposed opposing"),
    ("approve approves approved approving", "reject rejects rejected rejecting"),
    ("allow allows allowed allowing", "ban bans banned banning forbid forbids forbade"),
    ("agree agrees agreed agreeing", "disagree disagrees disagreed disagreeing"),
    ("legal lawful", "illegal unlawful"),
    ("possible", "impossible"),
    ("likely", "unlikely"),
    ("higher", "lower"),
    ("more", "less fewer"),
    ("succeed succeeds succeeded succeeding success", "fail fails failed failing failure"),
    ("guilty", "innocent"),
    ("true", "false"),
    ("safe", "dangerous unsafe"),
    ("strong stronger", "weak weaker"),
    ("best", "worst"),
    ("friend friends", "enemy enemies"),
    # (not "close": "close to a deal" is near one)
    ("open opens opened opening", "closed shut shuts"),
    ("increase increases increased increasing", "reduce reduces reduced reducing"),
    ("increase increases increased increasing raise raises raised raising", "cut cuts cutting"),
    ("inside", "outside"),
    ("meaningful", "meaningless"),
    ("welcome welcomes welcomed welcoming", "reject rejects rejected rejecting"),
    ("for", "against"),
    ("above", "below"),
    ("expand expands expanded expanding", "shrink shrinks shrank shrinking"),
    ("improve improves improved improving", "worsen worsens worsened worsening"),
    ("gain gains gained gaining", "lose loses lost losing"),
    ("victory", "defeat"),
    ("peace", "war"),
    ("eastern", "western"),
    ("northern", "southern"),
]
_OPPOSITE_OF: dict[str, frozenset[str]] = {}
for _left, _right in _OPPOSITES:
    for _a, _b in ((_left, _right), (_right, _left)):
        for _w in _a.split():
            _OPPOSITE_OF[_w] = _OPPOSITE_OF.get(_w, frozenset()) | frozenset(_b.split())


def _number_runs(words: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of number words ("a hundred and fifty"), fillers aside."""
    n = 0
    while n < len(words):
        if not _numeric_at(words, n) or words[n] in _NUMBER_FILLERS:
            n += 1
            continue
        end = n
        while end < len(words) and _numeric_at(words, end):
            end += 1
        yield n, end
        n = end + 1


def _counted(words: Sequence[str]) -> dict[str, list[float]]:
    """The numbers of a text by what they count: "after three years in office" -> {"year":
    [3]} (the stem of the word after the number)."""
    out: dict[str, list[float]] = {}
    for start, end in _number_runs(words):
        if end < len(words):
            out.setdefault(stem(words[end]), []).extend(number_values(words[start:end]))
    return out


def _count_phrases(words: Sequence[str], shown: Sequence[str], values: Sequence[float]) -> str:
    """The written phrases ("three years") of `words` whose numbers are among `values`."""
    out: list[str] = []
    for start, end in _number_runs(words):
        if set(number_values(words[start:end])) & set(values):
            phrase = " ".join(w for w in shown[start : end + 1] if w)
            if phrase not in out:
                out.append(phrase)
    return ", ".join(f"\u201c{p}\u201d" for p in out) or ", ".join(f"{v:g}" for v in values)


def _holds(words: Sequence[str], wanted: Sequence[str]) -> bool:
    """Does `words` hold `wanted` as a run of consecutive words?"""
    size = len(wanted)
    return any(list(words[n : n + size]) == list(wanted) for n in range(len(words) - size + 1))


def _written_contraction_change(
    toks: Sequence[_Tok], quote_shown: Sequence[str], ops: Sequence[tuple[str, int, int, int, int]]
) -> tuple[str, str] | None:
    """The first word a quotation writes contracted where the record does not, or the other
    way round ("won't" for "will not"): the same words, but not as said. As (claimed, record).
    A contraction typed without its apostrophe ("dont") is the contraction; "cannot" and
    "can not" are one spelling."""

    def continues(shown: str) -> bool:  # the second word of a split contraction
        return shown == "" or shown.casefold() in ("n't", "nt")

    def written(shows: Sequence[str], first: int, last: int) -> str:
        joined = " ".join(w for w in shows[max(first, 0) : last] if w)
        return joined.replace(" n't", "n't").replace(" nt", "nt")

    claim_shows = [t.show for t in toks]
    for tag, i1, i2, j1, _ in ops:
        if tag != "equal":
            continue
        for k in range(i2 - i1):
            i, j = i1 + k, j1 + k
            if j >= len(quote_shown) or continues(claim_shows[i]) == continues(quote_shown[j]):
                continue
            # the contracted side's word: from its first part to its last
            shows, at = (claim_shows, i) if continues(claim_shows[i]) else (quote_shown, j)
            first, last = at - 1, at + 1
            while first > 0 and continues(shows[first]):
                first -= 1
            while last < len(shows) and continues(shows[last]):
                last += 1
            shift = j - i if shows is claim_shows else i - j
            other = quote_shown if shows is claim_shows else claim_shows
            contracted = written(shows, first, last)
            spelt_out = written(other, first + shift, last + shift)
            if "cannot" in (contracted.casefold(), spelt_out.casefold()):
                continue
            return (contracted, spelt_out) if shows is claim_shows else (spelt_out, contracted)
    return None


def _split_edge_replacements(
    ops: Sequence[tuple[str, int, int, int, int]], claim: Sequence[str]
) -> list[tuple[str, int, int, int, int]]:
    """A claim that ends (or starts) with a changed word where the record goes on: the
    aligner replaces the word with all the rest ("East" for "West and Moscow has always
    complied ..."). Only as many record words as the claim has stand against it; the others
    are left out, as at any edge. Numbers are left alone: "6,000,000" is "six million"."""
    out = list(ops)
    if len(out) < 2:
        return out

    def plain(i1: int, i2: int) -> bool:
        return not any(_numeric_at(claim, n) for n in range(i1, i2))

    tag, i1, i2, j1, j2 = out[-1]
    if tag == "replace" and i2 == len(claim) and j2 - j1 > i2 - i1 and plain(i1, i2):
        cut = j1 + (i2 - i1)
        out[-1:] = [("replace", i1, i2, j1, cut), ("delete", i2, i2, cut, j2)]
    tag, i1, i2, j1, j2 = out[0]
    if tag == "replace" and i1 == 0 and j2 - j1 > i2 - i1 and plain(i1, i2):
        cut = j2 - (i2 - i1)
        out[:1] = [("delete", 0, 0, j1, cut), ("replace", 0, i2, cut, j2)]
    return out


def _opposite_words(
    claim: Sequence[str], quote: Sequence[str], ops: Sequence[tuple[str, int, int, int, int]]
) -> tuple[str, str] | None:
    """(claimed word, recorded word) when an edit of one word a side swaps a word for its
    opposite ("accept" for "reject"), else None."""
    for tag, i1, i2, j1, j2 in ops:
        if tag == "replace" and i2 - i1 <= 2 and j2 - j1 <= 2:
            for said in claim[i1:i2]:
                for recorded in quote[j1:j2]:
                    if recorded in _OPPOSITE_OF.get(said, ()):
                        return said, recorded
    return None


def _best_sentences(
    claim: Sequence[str],
    words: Sequence[str],
    breaks: Sequence[int],
    whole: float,
    whole_ops: Sequence[tuple[str, int, int, int, int]] = (),
) -> tuple[float, list[tuple[str, int, int, int, int]], int, int] | None:
    """The one or two consecutive sentences of a statement that the claimed words fit
    clearly better than the whole statement (similarity, opcodes, start, end); else the one
    sentence the claim's alignment with the whole lies in, if it fits as well; or None."""
    starts = [0] + [n for n, kind in enumerate(breaks) if n and kind >= 2] + [len(words)]
    if len(starts) < 3:
        return None
    best: tuple[float, list[tuple[str, int, int, int, int]], int, int] | None = None
    for n in range(len(starts) - 1):
        for m in (n + 1, n + 2):
            if m >= len(starts) or (n == 0 and m == len(starts) - 1):
                continue
            sim, ops = _similarity(claim, words[starts[n] : starts[m]])
            if sim >= whole + _SENTENCE_GAIN and (best is None or sim > best[0]):
                best = (sim, ops, starts[n], starts[m])
    equal = [(j1, j2) for tag, _, _, j1, j2 in whole_ops if tag == "equal"]
    if best is None and equal:
        # "Geopolitical tensions are falling" against "... are rising. Global challenges are
        # mounting. ...": aligned with the whole, "falling" stands for all that follows
        low, high = equal[0][0], equal[-1][1]
        for n in range(len(starts) - 1):
            if starts[n] <= low and high <= starts[n + 1]:
                sim, ops = _similarity(claim, words[starts[n] : starts[n + 1]])
                if sim >= whole - 0.5:
                    best = (sim, ops, starts[n], starts[n + 1])
                break
    return best


def _loose_negations(
    claim: Sequence[str], quote: Sequence[str], ops: Sequence[tuple[str, int, int, int, int]]
) -> list[str]:
    """Negations of the claim with none in the part of the quote it aligns with (between the
    first and the last matched word), or the reverse: a loose match may say the opposite."""
    equal = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in ops if tag == "equal"]
    if not equal:
        return []
    # a negation counts where what it governs is shared: a content word both have within
    # the three words after it ("will not exit the hardware business" shares nothing with
    # "expected demand to accelerate")
    shared_claim = {n for i1, i2, _, _ in equal for n in range(i1, i2) if claim[n] not in STOPWORDS}
    shared_quote = {j for _, _, j1, j2 in equal for j in range(j1, j2) if quote[j] not in STOPWORDS}
    said = [
        claim[n]
        for n in range(equal[0][0], equal[-1][1])
        if _negates(claim, n) and shared_claim & set(range(n + 1, n + 4))
    ]
    recorded = [
        quote[j]
        for j in range(equal[0][2], equal[-1][3])
        if _negates(quote, j) and shared_quote & set(range(j + 1, j + 4))
    ]
    if bool(said) == bool(recorded):
        return []
    return said or [f"record: {w}" for w in recorded]


def _mentions(text: str, name: str | None) -> bool:
    """Does `text` name `name` (as a whole phrase, case aside)?"""
    if not name or not text:
        return False
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


def _is_topic(text: str) -> bool:
    """The words after "X on" are a headline's topic ("the health care law"), not a sentence
    going on ("Monday pledged to hold talks", "the trail said that wages are low")."""
    found = text.split()
    plain = [re.sub(r"[^\w'-]", "", w) for w in found]
    lower = [w.lower() for w in plain]
    if not 0 < len(words(text)) <= _TOPIC_MAX_WORDS or _NOT_TOPIC_START.match(text):
        return False
    if _TOPIC_DATE.match(text) or _TOPIC_CUE.search(text.replace("'s", "")):
        return False
    if any(w in _TOPIC_VERBS or w.endswith(("n't", "'re", "'ve", "'ll")) for w in lower):
        return False
    for n, word in enumerate(lower[:-1]):
        if (
            len(word) > 3
            and word.endswith("ed")
            and (n == 0 or lower[n - 1] not in _TOPIC_DETERMINERS)
        ):
            following = plain[n + 1]
            if following.lower() in _TOPIC_OBJECTS or following[:1].isupper():
                return False  # "blamed Republicans", "called the judge a disgrace"
    return True


# Months, weekdays and units of time: "in September" for "in July", "four months" for
# "four years" change when
_WHEN = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday day days week weeks month
    months year years decade decades""".split()
)
# Verbs a negation before them turns into the opposite of what follows ("not hesitate to")
_NEGATIVE_VERBS = frozenset(
    """hesitate hesitated hesitating fail failed failing refuse refused refusing stop stopped
    cease ceased doubt doubted""".split()
)
_ORDINALS = frozenset(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    last final""".split()
)
_TIME_WORDS = frozenset(
    """ago year years month months week weeks day days today yesterday tomorrow tonight
    morning evening night last earlier later recently monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september
    october november december""".split()
)


# Nouns a speaker uses for their own side ("his country", "our government"): whom they
# stand for is the claim's to name
_REFERRING_NOUNS = frozenset(
    """country countries nation government administration party state regime side leader
    leaders people ministry company side""".split()
)


def _names_its_acronym(words_: Sequence[str], j1: int, j2: int) -> bool:
    """Are `words_[j1:j2]` a name whose acronym follows them ("riverton transit authority"
    before "rta"), or an acronym of the words before them ("rta" after them)?"""
    run = words_[j1:j2]
    if len(run) >= 2 and j2 < len(words_):
        initials = "".join(w[0] for w in run if w not in ("of", "and", "the", "for"))
        if words_[j2] == initials:
            return True
    if len(run) == 1 and len(run[0]) >= 2 and j1 >= len(run[0]):
        before = [w for w in words_[max(0, j1 - 2 * len(run[0])) : j1]]
        for start in range(len(before)):
            initials = "".join(w[0] for w in before[start:] if w not in ("of", "and", "the", "for"))
            if initials == run[0]:
                return True
    return False


def _content_replaced(
    claim: Sequence[str], quote: Sequence[str], ops: Sequence[tuple[str, int, int, int, int]]
) -> bool:
    """Does an edit put a word of content in place of another ("President Biden" for "Kim Jong
    Un")? Words left out or added, and function words swapped, are no such edit."""
    return any(
        tag == "replace"
        and any(w not in STOPWORDS for w in claim[i1:i2])
        and any(w not in STOPWORDS for w in quote[j1:j2])
        for tag, i1, i2, j1, j2 in ops
    )


def _describes(words_: Sequence[str]) -> bool:
    """Words that describe someone rather than name them: a role or referring noun among
    places and function words ("the North Korean leader", "the government")."""
    nouns = _ROLE_NOUNS | _REFERRING_NOUNS
    return any(w in nouns for w in words_) and all(
        w in nouns or w in _PLACE_WORDS or w in STOPWORDS for w in words_
    )


# Words a speaker uses for their own side ("our forces", "his country")
_SPEAKERS_SIDE = frozenset("we us our his her their its the".split())


def _role_owners(role: str | None) -> list[str]:
    """The proper names in a recorded role, whose side the speaker is on ("Norland's
    foreign minister" -> Norland; "Estavian Foreign Minister" -> Estavian)."""
    if not role:
        return []
    # a possessive ("Norland's"), a known place or a demonym ("Estavian"): not "Cabinet"
    owners = re.findall(r"\b([A-Z][\w-]+)['\u2019]s\b", role)
    owners += [
        w
        for w in re.findall(r"\b[A-Z][\w-]+\b", role)
        if (w.lower() in _PLACE_WORDS and w.lower() != "united")
        or w.lower().endswith(("ian", "ean", "ese", "ish"))
    ]
    return [w for w in owners if w.lower() not in _ROLE_WORDS and w.lower() not in STOPWORDS]


def _same_place(a: str, b: str) -> bool:
    """Two forms of one place name ("Estavia", "Estavian"; "Norland", "Norland's")."""
    a, b = a.lower().replace("'s", ""), b.lower()
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b[:-1]) or b.startswith(a[:-1])))


def _plain_negations(words_: Sequence[str]) -> set[str]:
    """The negations among `words_` that negate what follows ("not hesitate to", a negation
    of a negative verb, says yes)."""
    return {
        w
        for n, w in enumerate(words_)
        if w in NEGATORS and not set(words_[n + 1 : n + 3]) & _NEGATIVE_VERBS
    }


def _content_word(word: str) -> bool:
    """A word that says what, not when: "economy", not "the", "2019" or "years"."""
    return word not in STOPWORDS and not is_number(word) and word not in _TIME_WORDS


def _sentence_diff(
    claim: Sequence[_Tok],
    record_shown: Sequence[str],
    ops: Sequence[tuple[str, int, int, int, int]],
    changed: int,
    stands_for: tuple[int, int],
) -> list[DiffSegment]:
    """The word diff of a claim's sentence with the record's, over the stretch where they
    align and the edit `changed`, whose record side is cut to the words `stands_for` (not
    all of the record's sentence before the claim's first word)."""
    equal = [n for n, op in enumerate(ops) if op[0] == "equal"]
    first, last = min(equal[0], changed), max(equal[-1], changed)
    out: list[DiffSegment] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops[first : last + 1], first):
        if n == changed:
            j1, j2 = stands_for
        said = " ".join(t.show for t in claim[i1:i2] if t.show)
        recorded = " ".join(w for w in record_shown[j1:j2] if w)
        if tag == "equal":
            out.append(DiffSegment("equal", said))
            continue
        if recorded:
            out.append(DiffSegment("dropped", recorded))
        if said:
            out.append(DiffSegment("added", said))
    return out


def _who(match: Match | None) -> str:
    if match is None:
        return "no one"
    name = match.speaker or "an unnamed speaker"
    # "Fumio Kishida (the Diet)"; not "KCNA (KCNA)" when the speaker is the channel
    where = f" ({match.source})" if match.source and match.source != name else ""
    return f"{name}{where}"


@dataclass(slots=True)
class _Analysis:
    diff: list[DiffSegment]
    exact: bool  # every claimed word is in the quote, in order, gaps only where marked
    excerpt: bool  # the quote has more words than the claim (at the edges or at ellipses)
    negation_flip: bool
    negation_added: bool
    negation_words: list[str]
    loose_negation_flip: bool  # counting negations up to four words before the aligned part
    numbers_changed: bool
    changes: list[str]
    reworded: bool = False  # exact but for articles or an auxiliary's tense (reported words)


# Words after which a trailing "not"/"never" negates the claimed words ("we should [not]").
_AUXILIARIES = frozenset(
    """am is are was were be been being do does did have has had will would shall should can
    could may might must need ought""".split()
)
# Words that start another clause: negations on either side of one do not cancel.
_CLAUSE_WORDS = frozenset(
    """and but or nor yet so because although though while whereas if unless when whether
    since until""".split()
)
_NEGATION_TAILS = frozenset("longer more even ever".split())  # "no longer", "not even"
_DENIED_VERBS = frozenset(
    "say says saying said claim claims claiming claimed suggest suggesting suggested think "
    "thinking thought believe believed mean meant".split()
)
_SUBJECT_AUXILIARIES = frozenset(
    "do does did am is are was were have has had will would can could really just".split()
)


def _first_person_before(words: Sequence[str], j: int) -> bool:
    """Is "I" or "we" the subject of the negation at words[j] ("I am not", "we did not")?"""
    k = j - 1
    while k >= 0 and words[k] in _SUBJECT_AUXILIARIES:
        k -= 1
    return k >= 0 and words[k] in ("i", "we")


_TRAILING_NEGATORS = frozenset(("not", "never"))
_UNITS = {
    w: n
    for n, w in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen
        fourteen fifteen sixteen seventeen eighteen nineteen""".split()
    )
}
_TENS = {
    w: 10 * n
    for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUMBER_FILLERS = frozenset("percent per cent pct and".split())  # "3 percent" is "3%"
_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")


def _shifts_to_gap(toks: Sequence[_Tok], quote: Sequence[str], i1: int, j1: int, j2: int) -> bool:
    """Can the deletion quote[j1:j2] (before claim word i1) move left, over the equal words
    before it, to a gap the claim marks?"""
    if i1 >= len(toks):
        return False
    k = 0
    while i1 - k > 0 and j1 - k > 0:
        if toks[i1 - 1 - k].key != quote[j1 - 1 - k] or quote[j2 - 1 - k] != quote[j1 - 1 - k]:
            return False
        k += 1
        if toks[i1 - k].gap_before:
            return True
    return False


def _is_auxiliary(word: str) -> bool:
    return word in _AUXILIARIES or word.endswith(("'s", "'re", "'m", "'ll", "'d", "'ve"))


def _is_negation(words: Sequence[str], n: int) -> bool:
    return words[n] in NEGATORS


# "not only women, but ...", "not just a candidate": the words are added to, not negated.
# Only for loose readings: "not just" left out of the claimed words themselves is a flip.
_ADDITIVE_AFTER_NOT = frozenset(("only", "just", "merely", "simply"))


def _flips_in(words: Sequence[str], n: int, end: int) -> bool:
    """Is words[n] a negation of an edit ending at `end` (its "not only" within it is none)?"""
    return _negates(words, n) if n + 1 < end else _is_negation(words, n)


def _negates(words: Sequence[str], n: int) -> bool:
    if words[n] == "not" and n + 1 < len(words) and words[n + 1] in _ADDITIVE_AFTER_NOT:
        return False
    return _is_negation(words, n)


def _numeric(word: str) -> bool:
    return (
        bool(_DIGITS.fullmatch(word))
        or word in _UNITS
        or word in _TENS
        or word in _SCALES
        or word in _NUMBER_FILLERS
    )


def _scale_article(words: Sequence[str], n: int) -> bool:
    """Is words[n] the "a" of "a hundred", "a million" (a number word there)?"""
    return words[n] in ("a", "an") and n + 1 < len(words) and words[n + 1] in _SCALES


def _numeric_at(words: Sequence[str], n: int) -> bool:
    return _numeric(words[n]) or _scale_article(words, n)


def _number_word_at(words: Sequence[str], n: int) -> bool:
    """A word of one number ("a hundred and fifty"); "percent" ends a number, joins none."""
    return _numeric_at(words, n) and words[n] not in ("percent", "per", "cent", "pct")


def _number_run_start(words: Sequence[str], start: int, end: int) -> int:
    """Where the number words ending words[start:end] begin (`end` when there are none)."""
    k = end
    while k > start and _number_word_at(words, k - 1):
        k -= 1
    return k


def _number_run_end(words: Sequence[str], start: int, end: int) -> int:
    """Where the number words opening words[start:end] end (`start` when there are none)."""
    k = start
    while k < end and _number_word_at(words, k):
        k += 1
    return k


def number_values(words: Sequence[str]) -> list[float]:
    """The numbers a run of words says: "3 million", "3,000,000" and "three million" are all
    3e6; "3 percent" is 3 (a "%" is no word); "a hundred" is 100."""
    values: list[float] = []
    total = current = 0.0
    seen = False
    last_digit = False
    words = [*words, ""]
    for n, word in enumerate(words):
        digits = _DIGITS.fullmatch(word)
        if _scale_article(words, n):
            if seen:  # "3 a million": two numbers
                values.append(total + current)
                total = current = 0.0
            seen, last_digit = True, False
        elif digits or word in _UNITS or word in _TENS:
            value = float(word.replace(",", "")) if digits else float(_UNITS.get(word, 0))
            value += _TENS.get(word, 0)
            if seen and (last_digit or digits):  # "2019 2020": two numbers
                values.append(total + current)
                total = current = 0.0
            current += value
            seen, last_digit = True, bool(digits)
        elif word in _SCALES:
            current = (current or 1.0) * _SCALES[word]
            if _SCALES[word] >= 1e3:
                total, current = total + current, 0.0
            seen, last_digit = True, False
        elif word in _NUMBER_FILLERS and seen:
            continue
        elif seen:
            values.append(total + current)
            total = current = 0.0
            seen = last_digit = False
    return values


_ARTICLES = frozenset(("a", "an", "the"))
# Reported speech tells "I will" as "he would": (the record's word, the claim's word).
_BACKSHIFT = frozenset(
    tuple(pair.split("/"))
    for pair in (
        "is/was are/were am/was are/was has/had have/had will/would can/could do/did does/did "
        "did/had was/been were/been"
    ).split()
)
_PERSON_SHIFT = frozenset(
    tuple(pair.split("/"))
    for pair in """i/he i/she me/him me/her my/his my/her mine/his mine/hers we/they us/them
    our/their ours/theirs i'm/he's i'm/she's we're/they're myself/himself myself/herself
    we/he we/she our/his our/her us/him us/her we're/he's we're/she's
    ourselves/themselves this/that these/those here/there now/then""".split()
)
# "we" may be told as whom it stands for ("the city", "Northwind"); "I" only as he or she:
# the name would have to be the speaker's
_FIRST_PERSON = frozenset("we us our".split())
# Past forms that are no stem + "ed": "I think" is told "she thought".
_IRREGULAR_PAST = dict(
    pair.split("/")
    for pair in """say/said go/went think/thought know/knew come/came take/took make/made
    give/gave see/saw get/got tell/told feel/felt keep/kept hold/held stand/stood mean/meant
    seek/sought bring/brought leave/left begin/began run/ran become/became find/found
    lose/lost win/won buy/bought pay/paid build/built send/sent spend/spent meet/met
    fight/fought teach/taught understand/understood speak/spoke write/wrote choose/chose
    break/broke forget/forgot""".split()
)


def _told_as_past(recorded: str, said: str, third_person: bool = False) -> bool:
    """`said` is the past of the present verb `recorded`: "want" told as "wanted", "die" as
    "died", "try" as "tried", "think" as "thought"; with `third_person` (after "he", "she"
    shifted from "I") also "wants". A noun made plural ("son", "sons") is no such change."""
    if not recorded.isalpha() or len(recorded) < 2 or recorded in STOPWORDS:
        return False
    if recorded.endswith("s") and len(recorded) > 3 and said.endswith("ed"):
        recorded = recorded[:-1]  # "needs" told as "needed"
    if _IRREGULAR_PAST.get(recorded) == said:
        return True
    forms = {recorded + "ed"}
    if recorded.endswith("e"):
        forms.add(recorded + "d")
    if third_person:
        forms |= {recorded + "s", recorded + "es"}
    if recorded.endswith("y"):
        forms.add(recorded[:-1] + "ied")
        if third_person:
            forms.add(recorded[:-1] + "ies")
    if len(recorded) >= 3 and recorded[-1] not in "aeiouwxy" and recorded[-2] in "aeiou":
        forms.add(recorded + recorded[-1] + "ed")  # "stop" told as "stopped"
    return said in forms


def _only_rewording(
    added: Sequence[str], dropped: Sequence[str], following: str, record_kind: str | None
) -> bool:
    """Is an edit what telling the record in reported speech does: an article added or left
    out ("abduction issue is humanitarian problem"), a tense shifted back and a pronoun's
    person shifted ("he would" for "I will"), word for word? Not "a" for "the", nor "a few"
    for "few"; a tense shifted forward only against reported speech, which shifted it back."""
    said = [w for w in added if w not in _ARTICLES]
    recorded = [w for w in dropped if w not in _ARTICLES]
    articles_said, articles_recorded = len(added) - len(said), len(dropped) - len(recorded)
    if said[:2] == ["and", "that"]:
        said = said[2:]  # "... running out and that they could not": two sentences joined
        if not said and not recorded:
            return True
    elif said[:1] == ["that"] and recorded[:1] != ["that"] and len(said) > 1:
        said = said[1:]  # "and that Northwind expected" for ", and we expect"
    if (
        len(recorded) == len(said) + 1
        and recorded[0] in ("i", "we", "he", "she", "they")
        and said
        and recorded[1] not in STOPWORDS
    ):
        recorded = recorded[1:]  # "... but needed to" for "But we need to": one subject
    if "had" in said and "had" not in recorded and len(said) > len(recorded):
        said.remove("had")  # "they had never stopped" for "we never stopped"
    if articles_said and recorded[:1] in (["this"], ["these"], ["that"], ["those"]):
        recorded, articles_said = recorded[1:], 0  # "the corridor" for "this corridor"
    if articles_said and recorded[:1] in (["our"], ["my"], ["their"], ["his"], ["her"]):
        recorded, articles_said = recorded[1:], 0  # "the defense" for "our defense"
    if not said and recorded in (["we"], ["i"], ["they"], ["he"], ["she"]):
        return True  # "... and let it go" for "... and we let it go": a subject repeated
    if len(recorded) == 1 and 0 < len(said) <= 3 and not articles_recorded:
        named = all(w not in STOPWORDS and not is_number(w) for w in said)
        if named and recorded[0] in _FIRST_PERSON:
            return True  # "Northwind won't" for "we won't": who "we" is, named
    if len(said) == 1 and len(recorded) >= 2 and said[0] == "".join(w[0] for w in recorded):
        return True  # "the US" for "the United States"
    if articles_said and articles_recorded:
        return False  # "a threat" for "the threat"
    if (articles_said or articles_recorded) and following in ("few", "little"):
        return False  # "a few voters" is not "few voters"
    if not said and not recorded:
        return bool(added or dropped)

    def shifted(n: int, rec: str, new: str) -> bool:
        if rec == new or (rec, new) in _BACKSHIFT or (rec, new) in _PERSON_SHIFT:
            return True
        if rec in _FIRST_PERSON and _content_word(new):
            return True  # "the city had not" for "we did not"
        third = n > 0 and said[n - 1] in ("he", "she", "it") and recorded[n - 1] == "i"
        if _told_as_past(rec, new, third):
            return True
        return record_kind == "indirect" and ((new, rec) in _BACKSHIFT or _told_as_past(new, rec))

    return len(said) == len(recorded) and all(
        shifted(n, rec, new) for n, (new, rec) in enumerate(zip(said, recorded, strict=True))
    )


def _analyse(
    toks: list[_Tok],
    quote_words: list[str],
    ops: Sequence[tuple[str, int, int, int, int]],
    quote_range: tuple[int, int],
    quote_breaks: Sequence[int] | None = None,
    reported: bool = False,
    quote_shown: Sequence[str] | None = None,
    record_kind: str | None = None,
) -> _Analysis:
    """Read the verdict's facts off the word alignment of the claim with the quote.

    `reported`: the claim gives the words without quotation marks, so articles and the tense
    of an auxiliary ("she is running out of time" for "she was ...") may differ.

    `quote_range`: where the quote itself lies in `quote_words` (the rest is the words of its
    sentence around it, which a claim may include but need not). `quote_breaks`: the
    punctuation before each quote word (`_Tok.brk`), so that a negation in another clause
    or sentence than the claimed words is not read as governing them.

    Negations are counted per edit of the alignment: an edit flips the meaning when it adds
    or removes more negations than it removes or adds. Two opposite flips cancel only within
    one clause ("I do not think it will work" ~ "I think it will not work").
    """
    q0, q1 = quote_range
    keys = [t.key for t in toks]
    qbrk = list(quote_breaks) if quote_breaks is not None else []
    if len(qbrk) != len(quote_words):
        qbrk = [0] * len(quote_words)
    diff: list[DiffSegment] = []
    exact = True
    excerpt = False
    flips: list[tuple[int, int, list[str]]] = []  # (op index, negations added - removed, words)
    lead_negations: list[str] = []
    numbers_changed = False
    reworded = False
    changes: list[str] = []
    equal_positions = [k for k, op in enumerate(ops) if op[0] == "equal"]
    first_eq = equal_positions[0] if equal_positions else -1
    last_eq = equal_positions[-1] if equal_positions else -1

    def shown(i1: int, i2: int) -> str:
        # the second half of "won't" has no text of its own: then its compared form
        return " ".join(t.show for t in toks[i1:i2] if t.show) or " ".join(
            t.key for t in toks[i1:i2]
        )

    written = list(quote_shown) if quote_shown is not None else []
    if len(written) != len(quote_words):
        written = list(quote_words)

    def recorded(j1: int, j2: int) -> str:
        # the record's words as written ("exercise", "don't"), not as compared
        out: list[str] = []
        for word in written[j1:j2]:
            if word == "n't" and out:
                out[-1] += word
            elif word:
                out.append(word)
        return " ".join(out) or " ".join(quote_words[j1:j2])

    def quote_clause_before(j: int, limit: int) -> list[int]:
        """Positions of up to `limit` quote words before position j, in j's clause."""
        out: list[int] = []
        while j > 0 and len(out) < limit and not qbrk[j]:
            j -= 1
            out.append(j)
        return out

    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            diff.append(DiffSegment("equal", shown(i1, i2)))
            continue
        lead = first_eq >= 0 and k < first_eq
        trail = first_eq >= 0 and k > last_eq
        edge = lead or trail or first_eq < 0
        full_j1, full_j2 = j1, j2
        if edge:  # words of the surrounding sentence left out at the edges are no change
            j1, j2 = max(j1, q0), min(j2, q1)
            j2 = max(j1, j2)
        added = toks[i1:i2]
        dropped = quote_words[j1:j2]
        at_gap_early = any(t.gap_before for t in added) or (i2 < len(toks) and toks[i2].gap_before)
        # Numbers: the values on each side, with the number words next to the edit
        # ("3 million" for "3,000,000", "3%" for "3 percent").
        n1, n2 = i1, i2
        m1, m2 = full_j1, full_j2
        # each side on its own: "one hundred fifty" is "a hundred and fifty"
        if not (lead or first_eq < 0):
            while n1 > 0 and _numeric_at(keys, n1 - 1):
                n1 -= 1
            while m1 > 0 and _numeric_at(quote_words, m1 - 1):
                m1 -= 1
        if not trail:
            while n2 < len(keys) and _numeric(keys[n2]):
                n2 += 1
            while m2 < len(quote_words) and _numeric(quote_words[m2]):
                m2 += 1
        claim_numbers = number_values(keys[n1:n2])
        number_j1, number_j2 = j1, j2  # the quote's words that must all be number words
        if not edge:
            quote_numbers = number_values(quote_words[m1:m2])
        elif dropped and (lead or trail):
            # "6 million" for "six million", also where the claim starts or stops inside the
            # quote ("100,000 fewer" of "4 percent, a hundred thousand fewer"): the quote's
            # number words next to the aligned part; the rest of the edit is left out
            if lead:
                number_j1 = _number_run_start(quote_words, j1, j2)
                span = quote_words[max(number_j1, q0) : min(max(m2, j2), q1)]
            else:
                number_j2 = _number_run_end(quote_words, j1, j2)
                span = quote_words[max(min(m1, j1), q0) : min(number_j2, q1)]
            quote_numbers = number_values(span)
        elif dropped:
            quote_numbers = number_values(quote_words[max(m1, q0) : min(m2, q1)])
        else:
            quote_numbers = []
        number_format_only = (
            bool(claim_numbers)
            and claim_numbers == quote_numbers
            and (number_j1 < number_j2 or (number_j1, number_j2) == (j1, j2))
            and all(_numeric_at(keys, n) for n in range(i1, i2))
            and all(_numeric_at(quote_words, j) for j in range(number_j1, number_j2))
        )
        if number_format_only and (number_j1, number_j2) != (j1, j2):
            excerpt = True  # the quote's words beyond the number are left out
        if (
            added or (dropped and not edge and not at_gap_early)
        ) and claim_numbers != quote_numbers:
            if (
                claim_numbers and quote_numbers
            ):  # "3 billion" for "3 million", "billion" for "3 billion"
                numbers_changed = True
        if dropped:
            diff.append(DiffSegment("dropped", recorded(j1, j2)))
        if added:
            diff.append(DiffSegment("added", shown(i1, i2)))
        # Which changes are allowed in a verbatim quote? Brackets mark an editor's words
        # ("[him]" for "me"), unless they carry a negation or a number.
        bracketed = (
            bool(added)
            and all(t.bracket for t in added)
            and not any(t.key in NEGATORS or is_number(t.key) for t in added)
            # ... nor a name in place of the record's words ("[China's]" for "North Korea's";
            # "[Kishida]" for "I" and "[Japan]" for "our country" tell who is meant)
            and not (
                # a capital that is no sentence's first letter ("[The sanctions] are": no)
                any(
                    t.show[:1].isupper() and t.key not in STOPWORDS and i1 + n > 0 and t.brk != 2
                    for n, t in enumerate(added)
                )
                and any(
                    w not in STOPWORDS and w not in _REFERRING_NOUNS for w in quote_words[j1:j2]
                )
            )
        )
        at_gap = at_gap_early
        if not at_gap and dropped and not added and not edge:
            # the aligner puts a deletion as late as it can: "me [...] to build" against "me
            # to take the initiative to build" drops "take the initiative to" after "to";
            # shifted left over equal words, it is where the claim marks its gap
            at_gap = _shifts_to_gap(toks, quote_words, i1, j1, j2)
        # an acronym the record adds after a name ("... Authority (RTA) has") is no word to
        # reword
        unnamed = (
            dropped[1:] if dropped and _names_its_acronym(quote_words, j1, j1 + 1) else dropped
        )
        rewording = reported and _only_rewording(
            [t.key for t in added], unnamed, keys[i2] if i2 < len(keys) else "", record_kind
        )
        reworded = reworded or rewording
        # "the Riverton Transit Authority (RTA)": the record names a body and its acronym; a
        # claim may leave out either
        acronym_pair = bool(dropped) and not added and _names_its_acronym(quote_words, j1, j2)
        allowed = bracketed or number_format_only or rewording
        if added and not allowed:
            exact = False
        if dropped and not added:
            if edge or at_gap:
                excerpt = True
            elif not (number_format_only or rewording or acronym_pair):
                exact = False
        # Negations in this edit.
        neg_added: list[str] = []
        neg_dropped: list[str] = []
        if lead:
            # the claim's own words before the aligned part, in its clause (and in the
            # record's: "-- what I've been able to do" starts a clause the claim's "Nobody
            # has done" is no part of)
            if i2 < len(toks) and not toks[i2].brk and not (full_j2 < len(qbrk) and qbrk[full_j2]):
                n = i2
                while n > i1:
                    n -= 1
                    if _is_negation(keys, n):
                        neg_added.append(keys[n])
                    if toks[n].brk:
                        break
            # the quote's word right before the aligned part ("there was no | interest"),
            # or two ("no longer | a member"), in its clause
            # ... past a "that" and a verb of saying or thinking: "I am not saying | there
            # is a famine", "I never said that | ..." deny the claimed words
            near = quote_clause_before(full_j2, 3)
            if near and quote_words[near[0]] == "that":
                near = near[1:]
            if near and quote_words[near[0]] in _NEGATION_TAILS:
                near = near[1:2]
            elif near and quote_words[near[0]] in _DENIED_VERBS:
                # only the speaker's own denial: "I am not saying", not "people who don't
                # believe | climate change is real" nor "if you don't think | ..."
                near = [j for j in near[1:2] if _first_person_before(quote_words, j)]
            else:
                near = near[:1]
            neg_dropped += [quote_words[j] for j in near if _is_negation(quote_words, j)]
            # for a loose match, up to four words before ("no interest in any | summit")
            lead_negations = [
                quote_words[j] for j in quote_clause_before(full_j2, 4) if _negates(quote_words, j)
            ]
        elif trail:
            # only a "not" right after an auxiliary negates the claimed words ("we should
            # | not"); "cut taxes, | not raise them", "talks | without preconditions" are
            # more words, not a flip
            if (
                added
                and not added[0].brk
                and added[0].key in _TRAILING_NEGATORS
                and _is_auxiliary(keys[i1 - 1])
            ):
                neg_added.append(added[0].key)
            if (
                full_j1 < len(quote_words)
                and not qbrk[full_j1]
                and quote_words[full_j1] in _TRAILING_NEGATORS
                and full_j1 > 0
                and _is_auxiliary(quote_words[full_j1 - 1])
            ):
                neg_dropped.append(quote_words[full_j1])
        elif first_eq >= 0 and (
            at_gap or (len(added) <= _LOCAL_EDIT and len(dropped) <= _LOCAL_EDIT)
        ):
            # a flip is a local edit ("did not want" for "wanted"), not a long rewording;
            # what a marked gap leaves out is always looked at
            # "not only" added or left out as a whole is no flip; "not" alone before a kept
            # "only" is ("not just those at the top" -> "just those at the top")
            neg_added = [keys[n] for n in range(i1, i2) if _flips_in(keys, n, i2)]
            neg_dropped = [quote_words[j] for j in range(j1, j2) if _flips_in(quote_words, j, j2)]
        if len(neg_added) != len(neg_dropped):
            flips.append((k, len(neg_added) - len(neg_dropped), neg_added + neg_dropped))
        if number_format_only or rewording:
            continue
        if added and dropped and not bracketed:
            changes.append(f"'{recorded(j1, j2)}' became '{shown(i1, i2)}'")
        elif added and not bracketed:
            changes.append(f"'{shown(i1, i2)}' added")
        elif dropped and not edge and not at_gap:
            changes.append(f"'{recorded(j1, j2)}' left out")
    # Opposite flips in one clause cancel: the negation moved ("do not think X will" ->
    # "think X will not"); across a clause ("not cut pensions, and ... raise" -> "cut
    # pensions, and ... not raise") both flips stand.
    kept: list[tuple[int, int, list[str]]] = []
    for flip in flips:
        if kept and kept[-1][1] * flip[1] < 0:
            prev = kept[-1]
            a, b = ops[prev[0]][2], ops[flip[0]][1]
            between = toks[a:b]
            same_clause = not any(t.brk for t in toks[a : b + 1] if t is not toks[a]) and not any(
                t.key in _CLAUSE_WORDS for t in between
            )
            if same_clause:
                kept.pop()
                continue
        kept.append(flip)
    delta = sum(f[1] for f in kept)
    flipped = bool(kept)
    loose = delta - len(lead_negations) != 0 if not flipped else True
    shared = sum(
        1
        for tag, i1, i2, _, _ in ops
        if tag == "equal"
        for t in toks[i1:i2]
        if t.key not in STOPWORDS
    )
    words_flipped = [w for f in kept for w in f[2]]
    if flipped:
        # a loose match says the opposite only where what the negation governs is shared:
        # "without any preconditions" against "at any time" shares only "any"
        def governs_shared(k: int) -> bool:
            tag, i1, i2, j1, j2 = ops[k]
            said = {stem(w) for w in keys[i1:i2] if w not in STOPWORDS}
            if said & {stem(w) for w in quote_words[j1:j2] if w not in STOPWORDS}:
                return True  # "did not want" for "wanted"
            if k + 1 < len(ops) and ops[k + 1][0] == "equal":
                _, e1, e2, _, _ = ops[k + 1]
                return any(w not in STOPWORDS for w in keys[e1 : min(e2, e1 + 3)])
            return False

        loose = any(governs_shared(f[0]) for f in kept)
    return _Analysis(
        diff=[d for d in diff if d.text],
        exact=exact and any(op[0] == "equal" for op in ops),
        excerpt=excerpt,
        negation_flip=flipped,
        negation_added=(kept[0][1] > 0) if flipped else bool(delta > len(lead_negations)),
        negation_words=words_flipped if flipped else lead_negations,
        loose_negation_flip=loose and shared >= 2,
        numbers_changed=numbers_changed,
        changes=changes,
        reworded=reworded and exact,
    )


def check(claim: str, store: Store, settings: MatchSettings | None = None) -> CheckResult:
    """Check one claim against the quotes in `store` (see `Matcher` for many claims)."""
    if not isinstance(claim, str):
        raise QuoteCheckError("a claim must be text")
    return Matcher(store, settings).check(claim)
