"""import-quotes of a generated 1,000,000-row JSONL collection: time and peak memory.

Each measurement runs in a fresh child process (peak RSS is per process). Compared in the
same run with the naive approach: sqlite-utils `insert_all` with its default batch size and
per-row speaker lookups, on a smaller sample (it is too slow for a million rows).
Usage: python bench/bench_import_quotes.py [--rows N] [--runs K]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "the people economy jobs tax health care border security nuclear talks summit "
    "minister president never not will should must we they our country world peace "
    "growth inflation energy climate vote election court law police school families"
).split()


def generate(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    speakers = [f"Speaker {i:04d}" for i in range(2000)]
    sources = ["KCNA", "UNGA", "the Diet", "press conference", "interview", None]
    with open(path, "w", encoding="utf-8") as out:
        for i in range(rows):
            record = {
                "text": " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30))) + ".",
                "speaker": rng.choice(speakers),
                "ref": f"s{i}",
                "date": f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            }
            source = rng.choice(sources)
            if source:
                record["source"] = source
            out.write(json.dumps(record) + "\n")


def child(mode: str, data: str, db: str) -> None:
    start = time.perf_counter()
    if mode == "quotecheck":
        from quotecheck.importing import import_collection
        from quotecheck.store import Store

        with Store(db) as store:
            count = import_collection(store, data)
    else:  # naive: insert_all, default batch size, a lookup query per row
        import sqlite_utils

        from quotecheck.store import Store
        from quotecheck.text import normalize

        Store(db).close()  # same schema, FTS triggers included
        database = sqlite_utils.Database(db)

        def rows():
            for line in open(data, encoding="utf-8"):
                r = json.loads(line)
                found = database.execute(
                    "SELECT id FROM speakers WHERE name = ?", [r["speaker"]]
                ).fetchone()
                speaker_id = (
                    found[0]
                    if found
                    else database.table("speakers").insert({"name": r["speaker"]}).last_pk
                )
                yield {
                    "text": r["text"],
                    "norm_text": normalize(r["text"]),
                    "kind": "direct",
                    "speaker_id": speaker_id,
                    "ref": r.get("ref"),
                    "status": "unreviewed",
                }

        database.table("quotes").insert_all(rows())
        count = database.table("quotes").count
    took = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rows": count, "seconds": took, "peak_mb": peak_mb}))


def measure(mode: str, data: Path, tmp: Path, runs: int) -> dict[str, float]:
    results = []
    for run in range(runs):
        db = tmp / f"{mode}-{run}.db"
        proc = subprocess.run(
            [sys.executable, __file__, "--child", mode, str(data), str(db)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(proc.stdout))
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    return {
        "rows": results[0]["rows"],
        "seconds": statistics.median(r["seconds"] for r in results),
        "peak_mb": max(r["peak_mb"] for r in results),
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:5])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--naive-rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        big, small = tmp / "big.jsonl", tmp / "small.jsonl"
        generate(big, args.rows)
        generate(small, args.naive_rows)
        ours = measure("quotecheck", big, tmp, args.runs)
        ours_small = measure("quotecheck", small, tmp, args.runs)
        naive_small = measure("naive", small, tmp, args.runs)
    print("## import-quotes: a generated quote collection\n")
    print(f"Median of {args.runs} runs, each in a fresh process; peak = max RSS.\n")
    print("| approach | rows | seconds | rows/s | peak MB |")
    print("|---|---:|---:|---:|---:|")
    for name, r in (
        ("quotecheck import-quotes", ours),
        ("quotecheck import-quotes", ours_small),
        ("naive: insert_all default batch, lookup per row", naive_small),
    ):
        print(
            f"| {name} | {r['rows']:,} | {r['seconds']:.1f} | {r['rows'] / r['seconds']:,.0f} "
            f"| {r['peak_mb']:.0f} |"
        )
    speedup = (naive_small["seconds"] / ours_small["seconds"]) if ours_small["seconds"] else 0
    print(f"\nSame {args.naive_rows:,} rows: {speedup:.1f}x faster than the naive approach.")


if __name__ == "__main__":
    main()
