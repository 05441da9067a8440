"""Quote sheets of 10,000 quotes in every format: time and peak memory.

Each format is measured in a fresh child process (peak RSS per process), median of several
runs. The naive baseline builds the same sheet by fetching each quote with its own query.
Usage: python bench/bench_export.py [--quotes N] [--runs K]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMATS = ("csv", "json", "md", "html", "pdf")


def make_db(path: Path, quotes: int) -> None:
    from quotecheck.store import Store

    rng = random.Random(3)
    words = "we will never accept talks summit nuclear peace Japan Korea people economy".split()
    with Store(path) as store:
        store.add_quote_records(
            {
                "text": " ".join(rng.choice(words) for _ in range(rng.randint(10, 40))),
                "speaker": f"Speaker {rng.randint(1, 300)}",
                "source": rng.choice(["KCNA", "UNGA", "the Diet"]),
                "ref": str(i),
            }
            for i in range(quotes)
        )
        ids = [r[0] for r in store.db.execute("SELECT id FROM quotes")]
        store.set_status(ids, "verified")


def child(fmt: str, db: str, out: str) -> None:
    from quotecheck.export import build_sheet, render_html, write_sheet
    from quotecheck.store import Store

    start = time.perf_counter()
    with Store(db, read_only=True) as store:
        if fmt == "naive":
            ids = [
                r[0] for r in store.db.execute("SELECT id FROM quotes WHERE status = 'verified'")
            ]
            rows = [store.quote(i) for i in ids]
            assert len(rows) == len(ids)
            sheet = build_sheet(store)
        else:
            sheet = build_sheet(store)
    if fmt == "pdf":
        from quotecheck_ui.pdf import html_to_pdf

        html_to_pdf(render_html(sheet, for_print=True), out)
    elif fmt != "naive":
        write_sheet(sheet, fmt, out)
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = os.path.getsize(out) if os.path.exists(out) else 0
    print(
        json.dumps({"seconds": took, "peak_mb": peak, "bytes": size, "quotes": len(sheet.quotes)})
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:5])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--quotes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    rows = []
    with tempfile.TemporaryDirectory() as tmpdir:
        db = Path(tmpdir) / "sheet.db"
        make_db(db, args.quotes)
        for fmt in ("naive", *FORMATS):
            results = []
            for _ in range(args.runs):
                out = Path(tmpdir) / f"sheet.{fmt}"
                proc = subprocess.run(
                    [sys.executable, __file__, "--child", fmt, str(db), str(out)],
                    capture_output=True,
                    text=True,
                    check=True,
                    env=env,
                )
                results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            rows.append((fmt, results))
    print(f"## Quote sheet export: {args.quotes:,} verified quotes\n")
    print(
        f"Median of {args.runs} runs, each in a fresh process (time includes reading the store).\n"
    )
    print("| format | seconds | peak MB | file size |")
    print("|---|---:|---:|---:|")
    for fmt, results in rows:
        label = "naive: one query per quote (sheet only, no file)" if fmt == "naive" else fmt
        secs = statistics.median(r["seconds"] for r in results)
        peak = max(r["peak_mb"] for r in results)
        size = results[0]["bytes"]
        print(f"| {label} | {secs:.2f} | {peak:.0f} | {size / 1e6:.1f} MB |")


if __name__ == "__main__":
    main()
