"""Claim-check speed (run: python bench/bench_check.py [--quick | --full]).

Per-claim latency of `Matcher.check` (median of several runs per claim; then the median and
p95 over the claims) on

- the 64,290 knownlie statements (if ../shared/data is there), with the PolitiFact wordings;
- a generated store of 1,000,000 quotes (written as JSONL and loaded through
  `import_collection`, the `import-quotes` path), with 200 claims made from stored quotes
  (verbatim, one word changed, an excerpt, another speaker),

beside the naive approach measured in the same run: RapidFuzz `process.extract` with
`token_set_ratio` over every quote (a few claims only: it takes seconds each). Also batch
throughput: one `Matcher` for all claims, as `quotecheck check --jsonl` does.

The generated store is cached (see --cache) so later runs skip the ~minute of building it.
Prints a Markdown section on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotecheck.importing import import_collection  # noqa: E402
from quotecheck.match import Matcher, MatchSettings  # noqa: E402
from quotecheck.store import Store  # noqa: E402
from quotecheck.text import normalize  # noqa: E402

GENERATOR_VERSION = 1
FUNCTION_WORDS = """the a an and or but if of to in on at by for with from as that this it is are was
were be been will would can could should have has had do does did not no we you they he she i
our their his her its there here what which who when where why how all any some more most very
just so than then now also only about into over after before because while""".split()
SYLLABLES = "ka ri to mi na su le po an ve di ro ha ne sa lu mo ti ge ba ze fo qui del mar".split()


def _word_factory(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def synthetic_records(count: int, seed: int = 7) -> list[dict[str, str]]:
    """`count` quote records: Zipf-distributed content words among function words."""
    rng = random.Random(seed)
    vocabulary = _word_factory(rng, 60_000)
    weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(vocabulary))]
    speakers = [
        f"{rng.choice(SYLLABLES).title()}{rng.choice(SYLLABLES)} "
        f"{rng.choice(SYLLABLES).title()}{rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}"
        for _ in range(2000)
    ]
    sources = [f"Source {n}" for n in range(300)]
    records = []
    batch = 4096
    content: list[str] = []
    for n in range(count):
        length = rng.randint(6, 30)
        if len(content) < length:
            content = rng.choices(vocabulary, weights, k=batch)
        words = []
        for _ in range(length):
            words.append(rng.choice(FUNCTION_WORDS) if rng.random() < 0.45 else content.pop())
        if rng.random() < 0.1:
            words.insert(rng.randint(0, len(words)), str(rng.randint(2, 2000)))
        text = " ".join(words).capitalize() + "."
        records.append(
            {
                "text": text,
                "speaker": speakers[int(rng.paretovariate(1.2)) % len(speakers)],
                "source": rng.choice(sources),
                "date": f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                "ref": f"syn-{n}",
            }
        )
    return records


def build_synthetic(path: Path, count: int) -> float:
    """Write the records as JSONL and import them like `quotecheck import-quotes` does."""
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "quotes.jsonl"
        with open(jsonl, "w", encoding="utf-8") as fh:
            for record in synthetic_records(count):
                fh.write(json.dumps(record) + "\n")
        partial = path.with_name(path.name + ".partial")
        partial.unlink(missing_ok=True)
        with Store(partial) as store:
            import_collection(store, jsonl)
        partial.replace(path)
    return time.perf_counter() - start


def synthetic_claims(store: Store, count: int, seed: int = 11) -> list[str]:
    """Claims made from stored quotes: verbatim, a word changed, an excerpt, another speaker."""
    rng = random.Random(seed)
    top = store.db.execute("SELECT MAX(id) FROM quotes").fetchone()[0]
    speakers = [r[0] for r in store.db.execute("SELECT name FROM speakers LIMIT 200")]
    claims = []
    while len(claims) < count:
        row = store.db.execute(
            "SELECT q.text, s.name FROM quotes q JOIN speakers s ON s.id = q.speaker_id "
            "WHERE q.id = ?",
            [rng.randint(1, top)],
        ).fetchone()
        if row is None:
            continue
        text, speaker = row
        words = text.rstrip(".").split()
        kind = len(claims) % 4
        if kind == 1 and len(words) > 4:
            words[rng.randrange(len(words))] = "changed"
        elif kind == 2 and len(words) > 8:
            start = rng.randint(0, len(words) - 6)
            words = words[start : start + rng.randint(5, len(words) - start)]
        elif kind == 3:
            speaker = rng.choice(speakers)
        claims.append(f'{speaker} said "{" ".join(words)}"')
    return claims


def latencies(check: Callable[[str], object], claims: list[str], repeats: int) -> list[float]:
    """Per claim: the median of `repeats` runs, in milliseconds."""
    out = []
    for claim in claims:
        runs = []
        for _ in range(repeats):
            start = time.perf_counter()
            check(claim)
            runs.append((time.perf_counter() - start) * 1000)
        out.append(statistics.median(runs))
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def brute_force(store: Store) -> Callable[[str], object]:
    texts = [r[0] for r in store.db.execute("SELECT norm_text FROM quotes")]

    def search(claim: str) -> object:
        return process.extract(
            normalize(claim), texts, scorer=fuzz.token_set_ratio, processor=None, limit=5
        )

    return search


def report(
    name: str, store: Store, claims: list[str], repeats: int, brute_claims: int
) -> list[str]:
    matcher = Matcher(store, MatchSettings())
    matcher.check(claims[0])  # opens the vocabulary table, loads speakers
    times = latencies(matcher.check, claims, repeats)
    start = time.perf_counter()
    batch = Matcher(store, MatchSettings())
    for claim in claims:
        batch.check(claim)
    per_second = len(claims) / (time.perf_counter() - start)
    rows = [
        f"| {name} | `Matcher.check` | {len(claims)} | {statistics.median(times):.1f} | "
        f"{p95(times):.1f} | {max(times):.1f} | {per_second:.0f} |"
    ]
    if brute_claims:
        search = brute_force(store)
        sample = claims[:brute_claims]
        brute = latencies(search, sample, 1)
        rows.append(
            f"| {name} | brute force `process.extract(token_set_ratio)` | {len(sample)} | "
            f"{statistics.median(brute):.0f} | {p95(brute):.0f} | {max(brute):.0f} | "
            f"{len(sample) / (sum(brute) / 1000):.2f} |"
        )
    return rows


def cli_batch(db: Path, claims: list[str], count: int) -> str:
    """`quotecheck check --jsonl` end to end: one process, one Matcher, nothing saved."""
    import subprocess

    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "claims.jsonl"
        batch.write_text(
            "".join(json.dumps({"id": n, "claim": c}) + "\n" for n, c in enumerate(claims)),
            encoding="utf-8",
        )
        start = time.perf_counter()
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "quotecheck.cli",
                "--db",
                str(db),
                "check",
                "--jsonl",
                str(batch),
            ],
            capture_output=True,
            text=True,
        )
        took = time.perf_counter() - start
    lines = len(proc.stdout.splitlines())
    if proc.returncode != 0 or lines != len(claims):
        return f"| generated, {count:,} quotes | CLI `check --jsonl` | failed: {proc.stderr[-200:]!r} |"
    return (
        f"| generated, {count:,} quotes | CLI `quotecheck check --jsonl` (whole process) | "
        f"{len(claims)} | {1000 * took / len(claims):.1f} (mean) | | | {len(claims) / took:.0f} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="100k generated quotes, 50 claims")
    size.add_argument("--full", action="store_true", help="more repeats and brute-force claims")
    parser.add_argument(
        "--cache",
        default=os.environ.get("QUOTECHECK_BENCH_CACHE", str(Path(tempfile.gettempdir()))),
        help="folder for the generated store (default: the temp folder)",
    )
    args = parser.parse_args(argv)
    count = 100_000 if args.quick else 1_000_000
    n_claims = 50 if args.quick else 200
    repeats = 5 if args.full else 3
    brute_claims = 10 if args.full else 3

    print("## Claim check speed (bench/bench_check.py)\n")
    print(
        f"Machine: {os.cpu_count()} CPU(s). Times in ms; p95 over the claims; each claim's time "
        f"is the median of {repeats} runs. Throughput: one Matcher for the whole batch.\n"
    )
    print("| store | method | claims | median ms | p95 ms | max ms | claims/s |")
    print("|---|---|---:|---:|---:|---:|---:|")
    notes = []

    import quality_claims

    if quality_claims.data_missing() is None:
        with tempfile.TemporaryDirectory() as tmp:
            store = quality_claims.build_store(
                Path(tmp) / "knownlie.db", quality_claims.statements()
            )
            claims = [p["fact_checker_wording"] for p in quality_claims.pairs()][:n_claims]
            for line in report("knownlie, 64,290 statements", store, claims, repeats, brute_claims):
                print(line)
            store.close()
    else:
        notes.append("knownlie rows skipped: ../shared/data is absent.")

    cache = Path(args.cache) / f"quotecheck-bench-synthetic-{count}-v{GENERATOR_VERSION}.db"
    if not cache.exists():
        built = build_synthetic(cache, count)
        notes.append(f"Generated store built in {built:.0f} s (JSONL + import_collection).")
    else:
        notes.append(f"Generated store reused from {cache}.")
    with Store(cache, read_only=True) as store:
        claims = synthetic_claims(store, n_claims)
        for line in report(f"generated, {count:,} quotes", store, claims, repeats, brute_claims):
            print(line)
    print(cli_batch(cache, claims, count))
    print()
    print("Targets (1M quotes, 200 claims): median <= 20 ms, p95 <= 50 ms.")
    for note in notes:
        print(f"\n{note}")
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
