"""The claim check on the seed article: parsing, verdicts, diff, edge cases."""

from __future__ import annotations

import json

import pytest

from quotecheck.importing import seed_paths
from quotecheck.match import (
    VERDICTS,
    CheckResult,
    Match,
    Matcher,
    MatchSettings,
    check,
    parse_claim,
)
from quotecheck.model import Attribution
from quotecheck.store import Store

# The seed article's seven statements, written down by hand:
# (statement, speaker, speaker role, source, kind)
SEED_STATEMENTS = [
    (
        "it has no interest in pursuing dialogue with Japan at any level",
        "North Korea",
        None,
        "KCNA",
        "indirect",
    ),
    (
        "there was no interest in any summit meeting with Japan",
        "Choe Son Hui",
        "North Korea's foreign minister",
        "KCNA",
        "indirect",
    ),
    (
        "her country would reject any talks at any level with Japan",
        "Ri Ryong Nam",
        "North Korea's ambassador to China",
        "KCNA",
        "indirect",
    ),
    (
        "he wanted to hold talks with North Korean leader Kim Jong Un “without any preconditions”",
        "Fumio Kishida",
        "Japanese prime minister",
        "UNGA",
        "mixed",
    ),
    (
        "extremely important for me to take the initiative to build top-level ties",
        "Fumio Kishida",
        "Japanese prime minister",
        "the Diet",
        "direct",
    ),
    ("not waste any moment.", "Fumio Kishida", "Japanese prime minister", "the Diet", "direct"),
    (
        "a visit by Kishida to Pyongyang would only be possible if Tokyo did not make the "
        "abduction issue an obstacle to bilateral relations",
        "Kim Yo Jong",
        "sister of North Korean leader Kim Jong Un",
        "KCNA",
        "indirect",
    ),
]


def seed_text() -> str:
    return seed_paths()[0].read_text(encoding="utf-8")


def build_seed_store(path: str = ":memory:") -> Store:
    """A store holding the seed article with its seven statements (not the extractor's)."""
    text = seed_text()
    attributions = []
    for quote, speaker, role, source, kind in SEED_STATEMENTS:
        start = text.index(quote)
        attributions.append(
            Attribution(
                start=start,
                end=start + len(quote),
                text=quote,
                kind=kind,  # type: ignore[arg-type]
                speaker=speaker,
                speaker_role=role,
                source=source,
            )
        )
    store = Store(path)
    store.add_article(text, attributions=attributions)
    kishida = store.speaker_id("Fumio Kishida", create=False)
    assert kishida is not None
    store.add_speaker_alias(kishida, "Kishida")
    diet = store.source_id("the Diet", create=False)
    assert diet is not None
    store.add_source_alias(diet, "the Japanese Parliament")
    return store


@pytest.fixture
def seed_store() -> Store:
    store = build_seed_store()
    yield store
    store.close()


def test_interface_fields(seed_store: Store) -> None:
    result = check('Kishida said Japan should "not waste a single moment"', seed_store)
    assert isinstance(result, CheckResult)
    assert result.verdict in VERDICTS
    assert isinstance(result.matches[0], Match)
    record = result.to_record()
    json.dumps(record)
    assert seed_store.save_check(record) > 0
    assert seed_store.checks(1)[0]["verdict"] == result.verdict


@pytest.mark.parametrize(
    ("claim", "verdict", "speaker"),
    [
        ('Kishida said Japan should "not waste a single moment"', "altered", "Fumio Kishida"),
        ('"We reject any talks with Japan" — Kim Jong Un', "misattributed", "Ri Ryong Nam"),
        ("According to KCNA, North Korea wants a summit with Japan", "contradicted", None),
        ("Kishida said Japan should not waste any moment", "verified", "Fumio Kishida"),
    ],
)
def test_issue_examples(seed_store: Store, claim: str, verdict: str, speaker: str | None) -> None:
    result = check(claim, seed_store)
    assert result.verdict == verdict, result.explanation
    if speaker:
        assert result.matches[0].speaker == speaker
    assert result.explanation


def test_altered_diff_shows_the_change(seed_store: Store) -> None:
    result = check('Kishida said Japan should "not waste a single moment"', seed_store)
    ops = [(d.op, d.text) for d in result.diff]
    assert ("dropped", "any") in ops
    assert ("added", "a single") in ops
    assert result.speaker_match is True


def test_according_to_source(seed_store: Store) -> None:
    result = check("According to KCNA, North Korea wants a summit with Japan", seed_store)
    assert result.claimed_source == "KCNA"
    assert result.source_match is True


@pytest.mark.parametrize(
    "claim",
    [
        "",
        "   ",
        "?!...",
        '""',
        "“”",
        "''",
        "😀😀",
        "مرحبا بالعالم",
        "\x00\x07\x1b[31m",
        '" OR 1=1 --',
        "NEAR(",
        "*",
        "a" * 100_000,
        "not " * 30_000,
    ],
)
def test_odd_claims_never_raise(seed_store: Store, claim: str) -> None:
    result = check(claim, seed_store)
    assert result.verdict in VERDICTS
    assert result.explanation
    json.dumps(result.to_record())


def test_empty_store_and_one_quote() -> None:
    with Store(":memory:") as store:
        assert check("Kishida said Japan should not waste any moment", store).verdict == "not found"
        store.add_quote_records(
            [{"text": "Japan should not waste any moment.", "speaker": "Kishida"}]
        )
        result = Matcher(store, MatchSettings()).check(
            "Kishida said Japan should not waste any moment"
        )
        assert result.verdict == "verified"


def test_parse_claim_forms() -> None:
    p = parse_claim('Kishida said Japan should "not waste a single moment"')
    assert (p.speaker, p.words, p.quoted) == ("Kishida", "not waste a single moment", True)
    p = parse_claim('"We reject any talks with Japan" — Kim Jong Un')
    assert (p.speaker, p.words) == ("Kim Jong Un", "We reject any talks with Japan")
    p = parse_claim("Kim Yo Jong: a visit by Kishida would be possible")
    assert (p.speaker, p.words) == ("Kim Yo Jong", "a visit by Kishida would be possible")
    p = parse_claim("Kishida told the Diet that Japan should not waste any moment.")
    assert (p.speaker, p.source, p.words) == (
        "Kishida",
        "Diet",
        "Japan should not waste any moment",
    )
