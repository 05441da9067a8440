"""Run every benchmark and quality script under bench/ and write docs/benchmarks.md.

Each script prints a Markdown section on stdout; this runner adds the machine and the date.
Usage: python bench/run_all.py [--only NAME ...]   (with --only, other sections are kept)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "docs" / "benchmarks.md"
MARK = "<!-- bench:"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}; Python {platform.python_version()}; {platform.platform()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="*", help="script names (without .py) to run")
    args = parser.parse_args()
    scripts = sorted(p for p in HERE.glob("*.py") if p.name != Path(__file__).name)
    if args.only:
        scripts = [p for p in scripts if p.stem in args.only]
    # With --only, the other scripts' sections of the existing file are kept as they were.
    sections: dict[str, str] = {}
    if args.only and DOCS.exists():
        for chunk in DOCS.read_text(encoding="utf-8").split(MARK)[1:]:
            name, _, body = chunk.partition(" -->\n")
            sections[name.strip()] = body.strip()
    failed = []
    for script in scripts:
        print(f"running {script.name} ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
        took = time.perf_counter() - start
        body = proc.stdout.strip() or f"## {script.stem}\n\n(no output)"
        if proc.returncode != 0:
            failed.append(script.name)
            tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
            body += f"\n\n**{script.name} failed (exit {proc.returncode})**\n\n```\n{tail}\n```"
        stamp = f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC"
        sections[script.stem] = f"{body}\n\n_{script.name}: {took:.0f} s, run {stamp}_"
    header = (
        "# Benchmarks and quality figures\n\n"
        f"Written by `python bench/run_all.py` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC.\n\n"
        f"Machine: {machine()}\n"
    )
    DOCS.parent.mkdir(exist_ok=True)
    ordered = [name for name in sorted(p.stem for p in HERE.glob("*.py")) if name in sections]
    body = "\n\n".join(f"{MARK}{name} -->\n{sections[name]}" for name in ordered)
    DOCS.write_text(header + "\n" + body + "\n", encoding="utf-8")
    print(f"wrote {DOCS}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
