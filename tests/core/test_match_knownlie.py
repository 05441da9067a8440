"""Quality floors of the claim check on real transcripts (the shared evaluation data).

Skipped when ../shared/data is absent; the data is read in place, never copied. The full
measurement is bench/quality_claims.py; these floors only catch regressions (~15 s).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from quotecheck.match import Matcher
from quotecheck.store import Store

BENCH = Path(__file__).resolve().parents[2] / "bench" / "quality_claims.py"


def _quality() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quality_claims", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("quality_claims", module)
    spec.loader.exec_module(module)
    return module


quality = _quality()
pytestmark = pytest.mark.skipif(
    quality.data_missing() is not None,
    reason=f"shared evaluation data absent: {quality.data_missing()}",
)


@pytest.fixture(scope="module")
def knownlie(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Store, list[dict[str, Any]]]]:
    rows = quality.statements()
    store = quality.build_store(tmp_path_factory.mktemp("knownlie") / "k.db", rows)
    yield store, rows
    store.close()


def test_ranking_floor(knownlie: tuple[Store, list[dict[str, Any]]]) -> None:
    store, rows = knownlie
    items = quality.pairs()
    quality.resolve_gold(items, rows)
    top1, top5, gold1, gold5, covered, _ = quality.evaluate_ranking(
        items, quality.matcher_search(store, Matcher(store).settings)
    )
    # the targets, top-1 >= 45 and top-5 >= 60, by sentence; measured 31.1 / 43.9
    # (statement_id), 45.6 / 62.6 (sentence), 53.6 (sentence in the first result's window);
    # FTS5 bm25: 29 / 41, 39.7 / 55.9, 39.7
    assert gold1 >= 45.0 and gold5 >= 60.0 and covered >= 52.0, (top1, top5, gold1, gold5, covered)
    # the pairs whose sentence is in the statements file: measured 50.3 / 69.1
    in_file = [item for item in items if item["in_file"]]
    assert len(in_file) == 473
    _, _, in1, in5, _, _ = quality.evaluate_ranking(
        in_file, quality.matcher_search(store, Matcher(store).settings)
    )
    assert in1 >= 48.0 and in5 >= 66.0, (in1, in5)


def test_clef_ids_name_the_sentence(knownlie: tuple[Store, list[dict[str, Any]]]) -> None:
    """The gold used for ranking (the statement holding the pair's sentence) is the one
    CheckThat! 2021 names for the same sentence; the pairs' literal ids mostly are not."""
    _, rows = knownlie
    items = quality.pairs()
    quality.resolve_gold(items, rows)
    counts = quality.clef_agreement(items)
    if counts is None:
        pytest.skip("the CheckThat! 2021 query files are absent from ../shared/data")
    assert counts["gold"] >= 0.99 * counts["pairs"] > 0
    assert counts["literal"] < 0.6 * counts["pairs"]


def test_held_out_ranking_floor(knownlie: tuple[Store, list[dict[str, Any]]]) -> None:
    """CheckThat! 2021 pairs whose sentence is no dev pair's: a set the ranking was never
    built on. The matcher must beat FTS5 bm25 there too (measured 35.1 / 47.6 against
    29.2 / 43.2)."""
    store, rows = knownlie
    items = quality.pairs()
    quality.resolve_gold(items, rows)
    held_out = quality.clef_held_out(items, rows)
    if not held_out:
        pytest.skip("the CheckThat! 2021 files are absent from ../shared/data")
    assert not {h["gold"] for h in held_out} & {i["gold"] for i in items}
    assert len(held_out) >= 150
    _, _, ours1, ours5, _, _ = quality.evaluate_ranking(
        held_out, quality.matcher_search(store, Matcher(store).settings)
    )
    _, _, bm1, bm5, _, _ = quality.evaluate_ranking(held_out, quality.fts_all_words(store))
    assert ours1 >= 33.0 and ours5 >= 45.0, (ours1, ours5)
    assert ours1 > bm1 and ours5 > bm5, (ours1, ours5, bm1, bm5)


def test_pair_sentence_repairs_mojibake() -> None:
    # UTF-8 read as Mac Roman, as in 32 of the dev pairs' sentences; correct text is kept
    broken = "that \u201a\u00c4\u00ee they noticed, it\u201a\u00c4\u00f4s"
    assert (
        quality.pair_sentence({"transcript_sentence": broken})
        == "that \u2014 they noticed, it\u2019s"
    )
    for text in ("plain", "caf\u00e9 \u2014 it\u2019s", "\u201a\u00c4"):
        assert quality.pair_sentence({"transcript_sentence": text}) == text


def test_verdict_floor(knownlie: tuple[Store, list[dict[str, Any]]]) -> None:
    store, rows = knownlie
    items = quality.perturbations(rows, 60, seed=9)
    verdicts, _, wrong = quality.evaluate_verdicts(store, items, Matcher(store).settings)
    for category, counts in verdicts.items():
        want = quality.CATEGORIES[category]
        share = counts[want] / sum(counts.values())
        assert share >= 0.95, (
            category,
            counts,
            [w for w in wrong if w["category"] == category][:3],
        )
