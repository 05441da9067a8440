"""`quotecheck check`: check one claim (readable or --json) or a JSONL batch (--jsonl)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import Any, TextIO

from quotecheck import QuoteCheckError
from quotecheck.match import CheckResult, Matcher, MatchSettings

_MARK = {"equal": "{}", "added": "[+{}+]", "dropped": "[-{}-]"}


def register(subparsers: Any) -> None:
    """Add the `check` command to the `quotecheck` parser."""
    p = subparsers.add_parser(
        "check",
        help="check a claim against the recorded quotes (or a JSONL batch with --jsonl)",
        description=(
            'Check a claim such as: Kishida said Japan should "not waste a single moment". '
            "Single checks are kept in the check history unless --no-save is given; batch "
            "checks only with --save."
        ),
    )
    p.add_argument("claim", nargs="?", help="the claim (omit with --jsonl; - reads stdin)")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object")
    p.add_argument(
        "--jsonl",
        metavar="FILE",
        help='batch: a JSONL file of {"id", "claim"} (- for stdin); one result line per claim',
    )
    p.add_argument("-o", "--output", default="-", help="batch output file (default: stdout)")
    save = p.add_mutually_exclusive_group()
    save.add_argument(
        "--save", dest="save", action="store_true", default=None, help="keep in check history"
    )
    save.add_argument("--no-save", dest="save", action="store_false", help="do not keep it")
    p.add_argument("--matches", type=int, default=3, help="matches to show (default 3, max 5)")
    p.set_defaults(func=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    from quotecheck.cli import UsageError, open_store

    if args.jsonl and args.claim:
        raise UsageError("give either a claim or --jsonl FILE, not both")
    if not args.jsonl and args.claim is None:
        raise UsageError('check needs a claim, e.g. quotecheck check "Kishida said ..."')
    batch = bool(args.jsonl)
    save = args.save if args.save is not None else not batch
    with open_store(args, read_only=not save) as store:
        matcher = Matcher(store, MatchSettings())
        if batch:
            return _batch(args, matcher, store if save else None)
        claim = sys.stdin.read() if args.claim == "-" else args.claim
        if not claim.strip():
            raise UsageError("the claim is empty: give the words to check, e.g. 'Kishida said ...'")
        result = matcher.check(claim)
        record = result.to_record()
        if save:
            record["check_id"] = store.save_check(record)
    if args.json:
        print(json.dumps(record, ensure_ascii=False))
    else:
        print(render(result, limit=max(1, min(args.matches, 5))))
    return 0


def _batch(args: argparse.Namespace, matcher: Matcher, store: Any) -> int:
    source: TextIO
    if args.jsonl == "-":
        source = sys.stdin
    else:
        try:
            source = open(args.jsonl, encoding="utf-8-sig")
        except OSError as exc:
            raise QuoteCheckError(f"{args.jsonl}: cannot read it ({exc.strerror or exc})") from exc
    out: TextIO = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    bad = 0
    try:
        for line_no, line in enumerate(source, 1):
            if not line.strip():
                continue
            item: Any = None
            claim = ""
            why = None
            try:
                item = json.loads(line)
                if not isinstance(item, dict):
                    raise TypeError("a line must be a JSON object")
                if "claim" not in item:
                    raise TypeError('the object has no "claim"')
                claim = item["claim"]
                if not isinstance(claim, str):
                    raise TypeError('"claim" must be text')
            except (ValueError, TypeError) as exc:
                why = f'expected {{"id", "claim"}}: {exc}'
            if why is None and not claim.strip():
                # as `check ""` is refused: nothing to check is an error, not "not found"
                why = "the claim is empty: give the words to check"
            if why is not None:
                bad += 1
                print(f"quotecheck: {args.jsonl} line {line_no}: {why}", file=sys.stderr)
                # still one output line per input line, so results line up with the claims
                claim_id = item.get("id") if isinstance(item, dict) else None
                record: dict[str, Any] = {
                    "id": claim_id,
                    "verdict": None,
                    "flags": [],
                    "matches": [],
                }
                record["error"] = f"line {line_no}: {why}"
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                continue
            result = matcher.check(claim)
            if store is not None:
                store.save_check(result.to_record())
            out.write(json.dumps(batch_record(item.get("id"), result), ensure_ascii=False) + "\n")
    finally:
        if source is not sys.stdin:
            source.close()
        if out is not sys.stdout:
            out.close()
    return 1 if bad else 0


def batch_record(claim_id: Any, result: CheckResult) -> dict[str, Any]:
    """One output line of `check --jsonl` (the format in DESIGN.md, plus a few fields)."""
    return {
        "id": claim_id,
        "verdict": result.verdict,
        "flags": result.flags,
        "matches": [
            {
                "quote_id": m.quote_id,
                "ref": m.ref,
                "score": m.score,
                "speaker": m.speaker,
                "text": m.text,
                "status": m.status,
            }
            for m in result.matches
        ],
        "claimed_speaker": result.claimed_speaker,
        "claimed_source": result.claimed_source,
        "explanation": result.explanation,
    }


def render_diff(result: CheckResult) -> str:
    return " ".join(_MARK[d.op].format(d.text) for d in result.diff)


def render(result: CheckResult, *, limit: int = 3) -> str:
    """A readable report: verdict, why, what was parsed, the diff, where the quotes came from."""
    lines = [result.verdict.upper() + (f"  ({', '.join(result.flags)})" if result.flags else "")]
    lines += textwrap.wrap(result.explanation, 96, initial_indent="  ", subsequent_indent="  ")
    parsed = [f'words "{result.claimed_words}"']
    if result.claimed_speaker:
        parsed.insert(0, f"speaker {result.claimed_speaker}")
    if result.claimed_source:
        parsed.append(f"source {result.claimed_source}")
    lines.append("claim: " + "; ".join(parsed))
    if result.diff:
        lines.append("diff:  " + render_diff(result) + "   ([+claim only+] [-record only-])")
    for n, m in enumerate(result.matches[:limit], 1):
        where = [m.speaker or "unknown speaker"]
        if m.speaker_role:
            where[0] += f" ({m.speaker_role})"
        if m.source:
            where.append(m.source)
        if m.article:
            where.append(f'"{m.article}"')
        date = m.said_on or m.article_date
        if date:
            where.append(date)
        if m.ref:
            where.append(f"ref {m.ref}")
        text = m.text if len(m.text) <= 300 else m.text[:299] + "…"
        lines.append(f"{n}. [{m.score:5.1f}] “{text}”")
        status = f", {m.status}" if m.status else ""  # unreviewed: nobody checked it yet
        lines.append(f"   — {', '.join(where)}  (quote {m.quote_id}{status})")
    return "\n".join(lines)
