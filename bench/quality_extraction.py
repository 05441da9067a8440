"""Extraction quality: run ``quotecheck.extract`` on gold files and score with the shared scorer.

Usage: python bench/quality_extraction.py [--gold PATH ...] [--train] [--json]

Defaults to ``../shared/data/seed_gold.json`` and ``../shared/data/polnear/dev.jsonl`` (the
evaluation data lives beside the repository and is never copied into it); ``--train`` adds
``../shared/data/polnear/train.jsonl`` (the set the rules were tuned on). Each gold file is
scored twice: speech only (the default of ``extract``) and with beliefs
(``include_beliefs=True``). Prints a Markdown section; exits 0 with a message when the shared
directory is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
SCORER = SHARED / "tools" / "score_extraction.py"
DEFAULT_GOLD = [SHARED / "data" / "seed_gold.json", SHARED / "data" / "polnear" / "dev.jsonl"]
TRAIN_GOLD = SHARED / "data" / "polnear" / "train.jsonl"

sys.path.insert(0, str(ROOT))

from quotecheck.extract import extract  # noqa: E402


def load_docs(path: Path) -> list[dict[str, str]]:
    if path.suffix == ".json":
        d = json.loads(path.read_text(encoding="utf-8"))
        return [{"doc_id": d["doc_id"], "text": d["text"]}]
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                docs.append({"doc_id": r["doc_id"], "text": r["text"]})
    return docs


def has_cue_spans(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return '"cue_spans"' in text


def predict(docs: list[dict[str, str]], include_beliefs: bool, out: Path) -> float:
    t0 = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        for d in docs:
            quotes = [a.to_json() for a in extract(d["text"], include_beliefs=include_beliefs)]
            fh.write(json.dumps({"doc_id": d["doc_id"], "quotes": quotes}) + "\n")
    return time.perf_counter() - t0


def score(gold: Path, pred: Path) -> dict[str, object]:
    res = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(pred), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, object] = json.loads(res.stdout)
    return result


def fmt(v: object) -> str:
    if isinstance(v, dict):
        return f"{v['F1']} (P {v['P']} / R {v['R']})"
    return str(v)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, action="append", help="gold file (repeatable)")
    ap.add_argument("--json", action="store_true", help="print raw JSON scores instead")
    ap.add_argument("--train", action="store_true", help="also score PolNeAR train (tuning set)")
    args = ap.parse_args(argv)
    golds: list[Path] = list(args.gold or DEFAULT_GOLD)
    if args.train:
        golds.append(TRAIN_GOLD)
    if not args.json:
        print("## Extraction quality\n")
    if not SCORER.exists() or not all(g.exists() for g in golds):
        missing = [str(g) for g in golds if not g.exists()]
        print(f"Skipped: evaluation data not found ({SCORER if not SCORER.exists() else missing}).")
        return 0
    if not args.json:
        print("Scores of `../shared/tools/score_extraction.py` (F1, with precision/recall) for")
        print("`quotecheck.extract.extract`; 'beliefs' = `include_beliefs=True`.\n")
    results: dict[tuple[str, bool], dict[str, object]] = {}
    cue_spans_present: dict[str, bool] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for gold in golds:
            docs = load_docs(gold)
            cue_spans_present[gold.name] = has_cue_spans(gold)
            for beliefs in (False, True):
                pred = Path(tmp) / f"pred_{gold.stem}_{int(beliefs)}.jsonl"
                predict(docs, beliefs, pred)
                results[(gold.name, beliefs)] = score(gold, pred)
    if args.json:
        out = {f"{g} ({'with' if b else 'without'} beliefs)": r for (g, b), r in results.items()}
        print(json.dumps(out, indent=1))
        return 0
    print(
        "| gold | beliefs | content exact | overlap 0.3 | overlap 0.8 | source exact | cue exact "
        "| speaker names | source names |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for (gold_name, beliefs), res in results.items():
        has_cues = cue_spans_present[gold_name]

        def f1(key: str, res: dict[str, object] = res) -> str:
            v = res.get(key)
            return f"{v['F1']}" if isinstance(v, dict) else "n/a"

        cue = f1("cue_exact") if has_cues else "n/a"
        print(
            f"| {gold_name} | {'with' if beliefs else 'without'} | {f1('content_exact')} "
            f"| {f1('content_overlap0.3')} | {f1('content_overlap0.8')} | {f1('source_exact')} "
            f"| {cue} | {res.get('speaker_name_acc0.8', 'n/a')} "
            f"| {res.get('source_name_acc0.8', 'n/a')} |"
        )
    print("\nF1 in %; names: accuracy over statements matched at overlap 0.8. 'n/a': the gold")
    print("file has no such annotation (the seed key has no cue or speaker spans).\n")
    for (gold_name, beliefs), res in results.items():
        print(f"### {gold_name} ({'with' if beliefs else 'without'} beliefs)\n")
        print("| metric | score |")
        print("|---|---|")
        for key, value in res.items():
            print(f"| {key} | {fmt(value)} |")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
