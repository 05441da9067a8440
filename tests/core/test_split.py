from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.extract import extract
from quotecheck.extract.split import split_interrupted
from quotecheck.model import ArticleMeta
from quotecheck.store import QuoteFilter, Store

BAKER = (
    "Councillor Tom Baker spoke first. \u201cNobody wants more traffic,\u201d Baker said. "
    "\u201cBut this plan is rushed.\u201d The vote is on Monday."
)


def test_quote_interrupted_by_its_attribution_is_two_statements() -> None:
    found = split_interrupted(BAKER, extract(BAKER))
    assert [a.text for a in found] == ["Nobody wants more traffic", "But this plan is rushed."]
    assert {a.speaker for a in found} == {"Tom Baker"}
    for a in found:
        assert BAKER[a.start : a.end] == a.text
        assert "said" not in a.text


def test_straight_quotes_and_told() -> None:
    text = '"We cannot afford it," Shah told MPs. "The deficit is too large."'
    assert [a.text for a in split_interrupted(text, extract(text))] == [
        "We cannot afford it",
        "The deficit is too large.",
    ]


def test_imported_articles_store_the_parts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Store(tmp_path / "q.db") as store:
        store.add_article(BAKER, ArticleMeta(title="Vote"))
        texts = [r["text"] for r in store.quotes(QuoteFilter(speaker="Tom Baker"))]
        assert texts == ["Nobody wants more traffic", "But this plan is rushed."]


def test_quotation_continued_into_the_next_paragraph() -> None:
    """No part keeps the continuation's opening mark; a final full stop stays (seed key)."""
    text = (
        '"This is not about austerity," Lopez added. "It is about making sure our children do'
        ' not inherit our debts.\n\n"We have a plan, and we will stick to it."'
    )
    (whole,) = extract(text)
    assert whole.text.endswith('debts.\n\n"We have a plan, and we will stick to it.')
    found = split_interrupted(text, [whole])
    assert [a.text for a in found] == [
        "This is not about austerity",
        "It is about making sure our children do not inherit our debts.",
        "We have a plan, and we will stick to it.",
    ]
    for a in found:
        assert text[a.start : a.end] == a.text
        assert a.speaker == "Lopez"


def test_uninterrupted_quotation_over_two_paragraphs() -> None:
    text = "\u201cWe will build it.\n\n\u201cAnd we will pay for it,\u201d the mayor said."
    found = split_interrupted(text, extract(text))
    assert [a.text for a in found] == ["We will build it.", "And we will pay for it"]


MARKS = ["\u201c", "\u201d", '"', "'", "\u2018", "\u2019", "\u00ab", "\u00bb"]
pieces = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from([" said", " Baker", " told MPs", ". ", ", ", " we will win", "He"]),
    st.text(max_size=5),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(pieces, max_size=30).map("".join))
def test_split_keeps_offsets_valid(text: str) -> None:
    parts = split_interrupted(text, extract(text))
    last_end = 0
    for a in parts:
        assert 0 <= a.start < a.end <= len(text)
        assert text[a.start : a.end] == a.text
        assert a.start >= last_end
        last_end = a.end
