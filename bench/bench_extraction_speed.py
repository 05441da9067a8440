"""Extraction speed: PolNeAR articles per second on one core, against a quotation-mark regex.

Usage: python bench/bench_extraction_speed.py [--gold PATH] [--runs N]

Reads the article texts of ``../shared/data/polnear/dev.jsonl`` (or ``--gold``), runs
``quotecheck.extract.extract`` over all of them several times and reports the median rate,
next to the naive baseline (every span between double quotation marks) measured in the same
run. Prints a Markdown section; exits 0 with a message when the shared data is absent.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / ".." / "shared" / "data" / "polnear" / "dev.jsonl"

sys.path.insert(0, str(ROOT))

from quotecheck.extract import extract  # noqa: E402

_NAIVE = re.compile(r"[\"“„]([^\"“”„\n]{3,}?)[\"”“]")


def naive(text: str) -> list[tuple[int, int]]:
    return [(m.start(1), m.end(1)) for m in _NAIVE.finditer(text)]


def rate(fn: Callable[[str], object], texts: list[str], runs: int) -> tuple[float, list[float]]:
    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for text in texts:
            fn(text)
        rates.append(len(texts) / (time.perf_counter() - t0))
    return statistics.median(rates), rates


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    print("## Extraction speed\n")
    if not args.gold.exists():
        print(f"Skipped: {args.gold} not found (the evaluation data lives beside the repo).")
        return 0
    with args.gold.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    chars = sum(len(t) for t in texts)
    extract(texts[0])  # warm-up: gazetteer load, regex compilation
    ours, _ = rate(extract, texts, args.runs)
    base, _ = rate(naive, texts, args.runs)
    n_quotes = sum(len(extract(t)) for t in texts)
    print(
        f"{len(texts)} articles ({chars / len(texts):.0f} characters on average, "
        f"{n_quotes} attributions found), median of {args.runs} runs, one process, "
        f"Python {platform.python_version()}.\n"
    )
    print("| extractor | articles/s | ms/article |")
    print("|---|---:|---:|")
    print(f"| `quotecheck.extract.extract` | {ours:,.0f} | {1000 / ours:.2f} |")
    print(f"| naive quotation-mark regex (baseline) | {base:,.0f} | {1000 / base:.3f} |")
    print(f"\nTarget: >= 200 articles/s. {'Met' if ours >= 200 else 'NOT met'}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
