"""Hypothesis properties of the extractor: any string, no exception, sound offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.extract import extract
from quotecheck.model import KINDS

MARKS = list("\"“”„«»‘’'`:,.;!?—-\n ") + ["''", "``", "\n\n"]
WORDS = [
    "said",
    "says",
    "told",
    "according to",
    "added",
    "Kishida",
    "Mr.",
    "he",
    "She",
    "that",
    "KCNA",
    "the",
    "Japanese Parliament",
    "in a speech at the UNGA",
    "Quoting",
    "reporters",
    "believes",
    "Kim Jong-un",
    "North Korea’s",
    "This was quoted in another KCNA report.",
    # constructions added with the PolNeAR tuning
    "which he said",
    "declined to",
    "seems to",
    "is expected to",
    "Hale’s claim that",
    "his promise to",
    "In a Ledger/WXYZ poll,",
    "in the latest Ledger poll",
    "to defend",
    "asked about",
    "Calif.",
    "Smith v. Jones",
    ", but that",
    ", who must decide,",
    "— and some —",
    "(a councillor so young he was taken for an intern)",
    "urged people not to",
    "Novak questioned.",
]
pieces = st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS), st.text(max_size=6))
texty = st.lists(pieces, max_size=60).map("".join)


def _check(text: str, include_beliefs: bool) -> None:
    found = extract(text, include_beliefs=include_beliefs)
    last_end = -1
    for a in found:
        assert 0 <= a.start < a.end <= len(text)
        assert text[a.start : a.end] == a.text
        assert a.start >= last_end  # sorted, not overlapping
        last_end = a.end
        assert a.kind in KINDS
        assert 0.0 <= a.confidence <= 1.0
        for span in (a.speaker_span, a.cue_span, a.source_span):
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(text)
        if a.cue_span is not None:
            assert a.cue == text[a.cue_span[0] : a.cue_span[1]]


@settings(max_examples=300, deadline=None)
@given(st.text(), st.booleans())
def test_any_unicode_string(text: str, include_beliefs: bool) -> None:
    _check(text, include_beliefs)


@settings(max_examples=500, deadline=None)
@given(texty, st.booleans())
def test_quote_marks_and_cues(text: str, include_beliefs: bool) -> None:
    _check(text, include_beliefs)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(MARKS), max_size=40).map("".join))
def test_marks_only(text: str) -> None:
    _check(text, False)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=3, max_size=40))
def test_attributed_direct_quote_is_found(words: str) -> None:
    """Any quoted words followed by ", Smith said." come back as Smith's statement."""
    inner = " ".join(words.replace("“", " ").replace("”", " ").split())
    if len(inner) < 3 or any(ch in inner for ch in "\"'’‘«»„`"):
        return
    if sum(ch.isalnum() for ch in inner) < 2 or len(inner.strip(" ,.;:!?")) < 2:
        return  # a one-character "quote" is not reported
    text = f"“{inner},” Smith said."
    found = extract(text)
    # the statement lies inside the quotation marks (edge punctuation may be trimmed)
    assert any(
        a.speaker == "Smith" and a.kind == "direct" and a.start >= 1 and a.end <= len(inner) + 2
        for a in found
    ), (text, found)
