"""Claim-check quality on real quotes written by others (run: python bench/quality_claims.py).

1. Ranking: the 64,290 debate and speech sentences of "That is a Known Lie" (Shaar et al.,
   ACL 2020) are imported as a quote collection; every PolitiFact wording of a transcript
   sentence (knownlie_pairs.dev.jsonl, 524 pairs) is checked, and we count how often the
   referenced statement ranks first / in the top 5. Two baselines run on the same store in
   the same run: FTS5 bm25 over all claim words, and RapidFuzz `ratio` over every quote.
   The same rankings on a held-out set: CheckThat! 2021 task 2B pairs of a PolitiFact claim
   and the sentence it checks, none of them a dev pair's sentence.
2. Verdicts: a perturbation set generated from the same statements (seeded, reproducible):
   verbatim with the right speaker -> verified; speaker swapped within the same debate ->
   misattributed; negation added or removed -> contradicted; one content word or number
   changed -> altered. Accuracy per category.

The data stays in ../shared/data (never copied into the repository); without it the script
prints a note and exits 0. Output: a Markdown section on stdout.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from quotecheck.match import NEGATORS, STOPWORDS, Matcher, MatchSettings, _expand
from quotecheck.store import Store
from quotecheck.text import normalize

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
STATEMENTS = DATA / "claims" / "knownlie_statements.jsonl"
PAIRS = DATA / "claims" / "knownlie_pairs.dev.jsonl"
# CheckThat! 2021 task 2B was built from the same transcripts; its query ids name statements
CLEF_QUERIES = [
    DATA / "claims" / f"clef2021_t2b_en.queries.{part}.jsonl" for part in ("train", "dev")
]


def data_missing() -> str | None:
    for path in (STATEMENTS, PAIRS):
        if not path.is_file():
            return f"{path} is not there (the shared evaluation data is absent)"
    return None


def statements() -> list[dict[str, Any]]:
    with open(STATEMENTS, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def pairs() -> list[dict[str, Any]]:
    with open(PAIRS, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def collection_records(rows: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """A knownlie statement as a quote-collection record (the import-quotes format)."""
    for row in rows:
        yield {
            "text": row["text"],
            "speaker": row["speaker"],
            "ref": row["statement_id"],
            "source": row["event"].replace("_", " "),
            "date": row.get("date"),
            "context": row.get("event_file"),
        }


def build_store(path: Path, rows: list[dict[str, Any]]) -> Store:
    store = Store(path)
    if store.count_quotes() == 0:
        store.add_quote_records(collection_records(rows))
    return store


# -- ranking ---------------------------------------------------------------------------


def pair_sentence(item: dict[str, Any]) -> str:
    """The pair's `transcript_sentence`, repaired where it is UTF-8 read as Mac Roman.

    32 of the dev pairs' sentences (and none of the statements) have that mojibake: `—` as
    `‚Äî`, `’` as `‚Äô`; their text then equals no statement's. A text that does not
    round-trip (any correct non-ASCII text does not) is left as it is.
    """
    text = str(item["transcript_sentence"])
    if text.isascii():
        return text
    try:
        return text.encode("mac_roman").decode("utf-8")
    except UnicodeError:
        return text


# A ranked result: the refs of the statements it covers, its own first (a window of
# adjacent statements covers several).
Result = tuple[str | None, ...]


def rank_of(results: list[Result], wanted: str) -> int | None:
    for n, refs in enumerate(results, 1):
        if refs and refs[0] == wanted:
            return n
    return None


def resolve_gold(items: list[dict[str, Any]], rows: list[dict[str, Any]]) -> Counter[str]:
    """Add `gold`: the statement the pair's `transcript_sentence` really is.

    In knownlie_pairs.dev, many `statement_id`s point at another sentence of the transcript
    than the pair's own `transcript_sentence` (and some at no statement at all). `gold` is the
    statement of the same transcript with that text (normalised, mojibake repaired: see
    `pair_sentence`), else the literal id.
    """
    by_id = {r["statement_id"]: r for r in rows}
    by_text: dict[tuple[str, str], str] = {}
    for r in rows:
        by_text.setdefault((r["event_file"], normalize(r["text"])), r["statement_id"])
    kinds: Counter[str] = Counter()
    for item in items:
        sid = item["statement_id"]
        wanted = normalize(pair_sentence(item))
        row = by_id.get(sid)
        if row is not None and normalize(row["text"]) == wanted:
            item["gold"] = sid
            item["in_file"] = True
            kinds["id and sentence agree"] += 1
            continue
        found = by_text.get((sid.rsplit("_", 1)[0], wanted))
        item["gold"] = found or sid
        item["in_file"] = bool(found)
        if found:
            kinds["id points at another sentence; sentence found"] += 1
        elif row is None:
            kinds["id not in the statements"] += 1
        else:
            kinds["id points at another sentence; sentence not found"] += 1
    return kinds


def clef_agreement(items: list[dict[str, Any]]) -> Counter[str] | None:
    """Which id CheckThat! 2021 (task 2B, same transcripts) gives the pairs' sentences: for
    each pair whose sentence is one of its queries, is the query's id the `gold` statement or
    the pair's literal `statement_id`? (None when those files are absent.)"""
    if not all(p.is_file() for p in CLEF_QUERIES):
        return None
    ids: dict[str, set[str]] = defaultdict(set)
    for path in CLEF_QUERIES:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    query = json.loads(line)
                    ids[normalize(query["query"])].add(query["query_id"])
    counts: Counter[str] = Counter()
    for item in items:
        named = ids.get(normalize(pair_sentence(item)))
        if not named:
            continue
        counts["pairs"] += 1
        counts["gold"] += item["gold"] in named
        counts["literal"] += item["statement_id"] in named
    return counts


CLEF_CLAIMS = DATA / "claims" / "clef2021_t2b_en.claims.jsonl"


def clef_held_out(items: list[dict[str, Any]], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A second, held-out ranking set: CheckThat! 2021 task 2B pairs a debate sentence (its
    query, whose id is the statement) with the PolitiFact claims that check it. The pairs
    whose sentence is no `gold` of the knownlie dev pairs, written as the dev wordings are
    ("SPEAKER claim text"), were never looked at while the ranking was built. Empty when
    the files are absent."""
    if not CLEF_CLAIMS.is_file() or not all(p.is_file() for p in CLEF_QUERIES):
        return []
    claims: dict[str, dict[str, Any]] = {}
    with open(CLEF_CLAIMS, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                claim = json.loads(line)
                claims[claim["claim_id"]] = claim
    known = {r["statement_id"] for r in rows}
    seen = {item["gold"] for item in items}
    out: list[dict[str, Any]] = []
    for path in CLEF_QUERIES:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                query = json.loads(line)
                sid = query["query_id"]
                if sid not in known or sid in seen:
                    continue
                for claim_id in query["relevant_ids"]:
                    claim = claims.get(claim_id)
                    if claim:
                        wording = f"{claim.get('speaker') or ''} {claim['text']}".strip()
                        out.append(
                            {"fact_checker_wording": wording, "statement_id": sid, "gold": sid}
                        )
    return out


def top1_ceiling(items: list[dict[str, Any]]) -> tuple[int, int]:
    """Distinct wordings, and the most pairs any ranking can get first by sentence: per
    wording, the pairs of its most frequent `gold` (one result can be first, not several)."""
    golds: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        golds[item["fact_checker_wording"]][item["gold"]] += 1
    return len(golds), sum(max(c.values()) for c in golds.values())


def evaluate_ranking(
    items: list[dict[str, Any]], search: Callable[[str], list[Result]]
) -> tuple[float, float, float, float, float, float]:
    """top-1 and top-5 by the literal `statement_id`, then by `gold`; the share of pairs whose
    `gold` is one of the statements the first result covers; ms per claim."""
    top1 = top5 = gold1 = gold5 = covered = 0
    start = time.perf_counter()
    for item in items:
        results = search(item["fact_checker_wording"])[:5]
        n = rank_of(results, item["statement_id"])
        top1 += n == 1
        top5 += n is not None
        g = rank_of(results, item["gold"])
        gold1 += g == 1
        gold5 += g is not None
        covered += bool(results) and item["gold"] in results[0]
    elapsed = (time.perf_counter() - start) / max(len(items), 1)
    size = max(len(items), 1)
    return (
        100.0 * top1 / size,
        100.0 * top5 / size,
        100.0 * gold1 / size,
        100.0 * gold5 / size,
        100.0 * covered / size,
        elapsed * 1000,
    )


def memoised(search: Callable[[str], list[Result]]) -> Callable[[str], list[Result]]:
    memo: dict[str, list[Result]] = {}

    def remembered(claim: str) -> list[Result]:
        if claim not in memo:
            memo[claim] = search(claim)
        return memo[claim]

    return remembered


def fts_all_words(store: Store) -> Callable[[str], list[Result]]:
    conn = store.db.conn

    def search(claim: str) -> list[Result]:
        terms = list(dict.fromkeys(re.findall(r"\w+", normalize(claim))))
        if not terms:
            return []
        match = " OR ".join(f'"{t}"' for t in terms)
        return [
            (r[0],)
            for r in conn.execute(
                "SELECT q.ref FROM quotes_fts f JOIN quotes q ON q.id = f.rowid "
                "WHERE quotes_fts MATCH ? ORDER BY f.rank LIMIT 5",
                [match],
            )
        ]

    return search


def ratio_everything(store: Store) -> Callable[[str], list[Result]]:
    rows = store.db.execute("SELECT norm_text, ref FROM quotes ORDER BY id").fetchall()
    texts = [r[0] for r in rows]
    refs = [r[1] for r in rows]

    def search(claim: str) -> list[Result]:
        found = process.extract(normalize(claim), texts, scorer=fuzz.ratio, processor=None, limit=5)
        return [(refs[index],) for _, _, index in found]

    return search


def matcher_search(store: Store, settings: MatchSettings) -> Callable[[str], list[Result]]:
    matcher = Matcher(store, settings)
    refs = dict(store.db.execute("SELECT id, ref FROM quotes").fetchall())

    def search(claim: str) -> list[Result]:
        return [
            (m.ref, *(refs.get(i) for i in m.quote_ids if i != m.quote_id))
            for m in matcher.check(claim).matches
        ]

    return search


# -- perturbations ---------------------------------------------------------------------

AUXILIARIES = "is are was were will would can could should do does did has have had must".split()
CATEGORIES = {
    "verbatim": "verified",
    "speaker swapped": "misattributed",
    "negation flipped": "contradicted",
    "word changed": "altered",
    # harder ones, for the threshold sweep: where altered and contradicted stop holding
    "two words changed": "altered",
    "negation flipped + word changed": "contradicted",
    # a faithful excerpt: the sentence up to its last comma (what follows may hold a "not")
    "excerpt": "verified",
}


# How the generated claims are written (one picked at random per claim).
TEMPLATES = (
    '{speaker} said "{words}"',
    '"{words}" - {speaker}',
    "{speaker}: {words}",
    "{speaker} says {words}",
    "“{words}”, {speaker} said.",
)


def _speaker_tokens(name: str) -> set[str]:
    from quotecheck.match import _name_tokens

    return set(_name_tokens(name))


def perturbations(rows: list[dict[str, Any]], per_category: int, seed: int) -> list[dict[str, Any]]:
    """Claims made from real statements, each with the verdict it must get."""
    rng = random.Random(seed)
    counts = Counter(normalize(r["text"]) for r in rows)
    by_event: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        by_event[r["event_file"]].add(r["speaker"])
    vocabulary = sorted(
        {
            w
            for r in rows[::50]
            for w in normalize(r["text"]).split()
            if w.isalpha() and len(w) > 4 and w not in NEGATORS
        }
    )
    pool = [
        r
        for r in rows
        if 8 <= len(r["text"].split()) <= 40
        and counts[normalize(r["text"])] == 1
        and r["speaker"] not in ("SYSTEM", "UNKNOWN")
        and _plain_name(r["speaker"])
        and not re.search(r"[\"“”]", r["text"])  # the claim puts the words in quotes
    ]
    rng.shuffle(pool)
    out: list[dict[str, Any]] = []
    made: Counter[str] = Counter()
    for r in pool:
        if all(made[c] >= per_category for c in CATEGORIES):
            break
        text, speaker = r["text"].strip(), r["speaker"]
        words = text.split()
        for category in CATEGORIES:
            if made[category] >= per_category:
                continue
            claim_text: str | None = None
            claim_speaker = speaker
            if category == "verbatim":
                claim_text = text
            elif category == "speaker swapped":
                others = sorted(
                    s
                    for s in by_event[r["event_file"]]
                    if s not in ("SYSTEM", "UNKNOWN")
                    and _plain_name(s)
                    and not (_speaker_tokens(s) & _speaker_tokens(speaker))
                )
                if others:
                    claim_speaker = rng.choice(others)
                    claim_text = text
            elif category == "negation flipped":
                claim_text = _flip_negation(words)
            elif category == "word changed":
                claim_text = _change_word(words, vocabulary, rng)
            elif category == "two words changed":
                once = _change_word(words, vocabulary, rng)
                claim_text = once and _change_word(once.split(), vocabulary, rng)
                if claim_text == once:
                    claim_text = None
            elif category == "excerpt":
                head = text.rsplit(", ", 1)[0].strip()
                if ", " in text and len(head.split()) >= 6 and len(words) - len(head.split()) >= 2:
                    claim_text = head
            else:
                flipped = _flip_negation(words)
                claim_text = flipped and _change_word(flipped.split(), vocabulary, rng)
            if claim_text is None:
                continue
            made[category] += 1
            out.append(
                {
                    "category": category,
                    "expected": CATEGORIES[category],
                    "claim": rng.choice(TEMPLATES).format(
                        speaker=_plain_name(claim_speaker), words=claim_text
                    ),
                    "ref": r["statement_id"],
                }
            )
            break  # one perturbation per statement
    return out


def _plain_name(speaker: str) -> str:
    """'SEN. BERNIE SANDERS (I), VERMONT' -> 'Sen. Bernie Sanders' (as a person would write it)."""
    name = " ".join(re.sub(r"\(.*?\)", " ", speaker).split(",")[0].split())
    if not 0 < len(name.split()) <= 4 or name.lower() in STOPWORDS:  # junk speakers ("SO")
        return ""
    return name.title()


def _flip_negation(words: list[str]) -> str | None:
    low = [re.sub(r"\W", "", w.lower()) for w in words]
    for i, w in enumerate(low):
        if w in ("not", "never") and i > 0:
            return " ".join(words[:i] + words[i + 1 :])
        if w.endswith("nt") and "'" in words[i] and w not in ("cant", "wont"):
            return " ".join(words[:i] + [words[i].split("n'")[0].split("n’")[0]] + words[i + 1 :])
    for i, w in enumerate(low):
        if w in AUXILIARIES and i + 1 < len(words) and low[i + 1] not in NEGATORS:
            return " ".join(words[: i + 1] + ["not"] + words[i + 1 :])
    return None


def _change_word(words: list[str], vocabulary: list[str], rng: random.Random) -> str | None:
    low = [re.sub(r"\W", "", w.lower()) for w in words]
    spots = [
        i
        for i, w in enumerate(low)
        if (w.isdigit() or (w.isalpha() and len(w) > 3))
        and w not in STOPWORDS
        and w not in NEGATORS
        and len(_expand(w)) == 1  # "didnt" is a negation, not a content word
        and 0 < i < len(words) - 1
    ]
    if not spots:
        return None
    i = rng.choice(spots)
    if low[i].isdigit():
        new = str(int(low[i]) + rng.randint(1, 9))
    else:
        new = rng.choice(vocabulary)
        while new == low[i]:
            new = rng.choice(vocabulary)
    trail = re.search(r"\W*$", words[i])
    return " ".join(words[:i] + [new + (trail.group(0) if trail else "")] + words[i + 1 :])


def not_on_record(count: int, seed: int) -> list[dict[str, Any]]:
    """Real claims that are not debate lines: Snopes claims of CLEF CheckThat! 2020."""
    path = DATA / "claims" / "clef2020_t2.claims.jsonl"
    if not path.is_file():
        return []
    with open(path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    rng = random.Random(seed)
    return [
        {"category": "not on record", "expected": "not found", "claim": text, "ref": None}
        for text in rng.sample(texts, min(count, len(texts)))
    ]


def real_wordings(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """PolitiFact wordings that hold most of their transcript sentence: on record, so any
    verdict but "not found" is right (their wording often differs: altered, paraphrase)."""
    out = []
    for item in items:
        wording, sentence = (
            normalize(item["fact_checker_wording"]),
            normalize(pair_sentence(item)),
        )
        if wording and fuzz.partial_ratio(sentence, wording) >= 80:
            out.append(
                {
                    "category": "real wording",
                    "expected": "found",
                    "claim": item["fact_checker_wording"],
                    "ref": item["gold"],
                }
            )
    return out


def evaluate_verdicts(
    store: Store, items: list[dict[str, Any]], settings: MatchSettings
) -> tuple[dict[str, Counter[str]], dict[str, list[float]], list[dict[str, Any]]]:
    """Verdict counts and similarities per category, and the wrong verdicts."""
    matcher = Matcher(store, settings)
    verdicts: dict[str, Counter[str]] = defaultdict(Counter)
    similarity: dict[str, list[float]] = defaultdict(list)
    wrong: list[dict[str, Any]] = []
    for item in items:
        result = matcher.check(item["claim"])
        verdicts[item["category"]][result.verdict] += 1
        if item["expected"] == "found":  # anything but "not found" is right
            verdicts[item["category"]]["found"] += result.verdict != "not found"
        similarity[item["category"]].append(result.similarity)
        if result.verdict != item["expected"] and not (
            item["expected"] == "found" and result.verdict != "not found"
        ):
            wrong.append({**item, "got": result.verdict, "why": result.explanation})
    return verdicts, similarity, wrong


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1)))] if ordered else 0.0


def sweep(store: Store, items: list[dict[str, Any]], base: MatchSettings) -> None:
    """How the verdict thresholds trade one category against another (for docs/matching.md)."""
    from dataclasses import replace

    rng = random.Random(1)
    by_category: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        by_category[item["category"]].append(item)
    sample = [i for group in by_category.values() for i in rng.sample(group, min(100, len(group)))]
    categories = list(by_category)
    print("Threshold sweep (100 claims per category; share of correct verdicts):\n")
    print("| setting | " + " | ".join(categories) + " |")
    print("|---|" + "---:|" * len(categories))
    for name, values in (
        ("not_found_below", (35.0, 45.0, 55.0, 65.0)),
        ("min_coverage", (0.0, 30.0, 40.0, 50.0, 60.0)),
        ("altered_min", (60.0, 70.0, 80.0)),
        ("contradicted_min", (50.0, 60.0, 70.0)),
    ):
        for value in values:
            change: dict[str, Any] = {name: value}
            settings = replace(base, **change)
            verdicts, _, _ = evaluate_verdicts(store, sample, settings)
            cells = []
            for category in categories:
                counts = verdicts[category]
                want = next(i["expected"] for i in by_category[category])
                total = sum(counts.values()) - counts["found"]
                cells.append(f"{100.0 * counts[want] / max(total, 1):.0f}%")
            mark = " (default)" if getattr(base, name) == value else ""
            print(f"| `{name}` = {value:g}{mark} | " + " | ".join(cells) + " |")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="keep the imported store in this file (reused if present)")
    parser.add_argument("--per-category", type=int, default=250)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument("--no-sweep", action="store_true", help="skip the threshold sweep")
    parser.add_argument("--show-errors", type=int, default=0, help="print N wrong verdicts")
    args = parser.parse_args(argv)

    print("## Claim check quality (bench/quality_claims.py)\n")
    missing = data_missing()
    if missing:
        print(f"Skipped: {missing}.\n")
        return 0
    rows = statements()
    items = pairs()
    settings = MatchSettings()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "knownlie.db"
        start = time.perf_counter()
        store = build_store(path, rows)
        built = time.perf_counter() - start
        print(
            f"Store: {store.count_quotes():,} statements of {len({r['event_file'] for r in rows})} "
            f"transcripts (knownlie), imported in {built:.1f} s. "
            f"Pairs: {len(items)} PolitiFact wordings (knownlie_pairs.dev).\n"
        )
        kinds = resolve_gold(items, rows)
        print("How the pairs' `statement_id`s relate to their `transcript_sentence`:\n")
        for kind, count in kinds.most_common():
            print(f"- {kind}: {count}")
        print(
            "\nSo the literal `statement_id` can be ranked first for at most "
            f"{100.0 * kinds['id and sentence agree'] / len(items):.1f}% of the pairs; the "
            "*sentence* columns count the statement whose text is the pair's sentence.\n"
        )
        clef = clef_agreement(items)
        if clef:
            print(
                f"CheckThat! 2021 task 2B was built from the same transcripts: {clef['pairs']} of "
                "the pairs' sentences are among its queries, and its query id is the *sentence*'s "
                f"statement for {clef['gold']} of them, the pair's literal `statement_id` for "
                f"{clef['literal']}. The sentence is the statement meant.\n"
            )
        wordings, ceiling = top1_ceiling(items)
        print(
            f"The {len(items)} pairs have {wordings} distinct wordings: a wording that quotes "
            "several sentences is one pair per sentence (often repeated), and only one of them "
            f"can rank first, so top-1 by sentence is at most {100.0 * ceiling / len(items):.1f}%.\n"
        )
        print(
            "| ranking | top-1 (statement_id) | top-5 (statement_id) | top-1 (sentence) "
            "| top-5 (sentence) | sentence in the first result | ms/claim |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|")
        runs = [
            (
                "QuoteCheck `Matcher` (rare terms + windows + speaker)",
                matcher_search(store, settings),
            )
        ]
        if not args.no_baselines:
            runs += [
                ("baseline: FTS5 bm25, OR of all words", fts_all_words(store)),
                ("baseline: RapidFuzz `ratio` over every quote", ratio_everything(store)),
            ]
        in_file = [item for item in items if item.get("in_file")]
        reachable = []
        for name, search in runs:
            remembered = memoised(search)  # the subset below reuses the results
            top1, top5, gold1, gold5, covered, ms = evaluate_ranking(items, remembered)
            print(
                f"| {name} | {top1:.1f}% | {top5:.1f}% | {gold1:.1f}% | {gold5:.1f}% "
                f"| {covered:.1f}% | {ms:.1f} |"
            )
            _, _, in1, in5, _, _ = evaluate_ranking(in_file, remembered)
            reachable.append(f"{name.split(' (')[0]} {in1:.1f}% / {in5:.1f}%")
        print(
            f"\nOnly {len(in_file)} of the {len(items)} pairs have their sentence in the "
            "statements file (the others quote transcripts that are not in it, or a sentence "
            "that is not in its transcript); on those, top-1 / top-5 by sentence: "
            + "; ".join(reachable)
            + "."
        )
        held_out = clef_held_out(items, rows)
        if held_out:
            cells = []
            for name, search in runs:
                _, _, out1, out5, _, _ = evaluate_ranking(held_out, search)
                cells.append(f"{name.split(' (')[0]} {out1:.1f}% / {out5:.1f}%")
            print(
                f"\nHeld out: {len(held_out)} CheckThat! 2021 task 2B pairs of a PolitiFact claim "
                "and the debate sentence it checks, none of them a dev pair's sentence, written "
                '"SPEAKER claim"; top-1 / top-5: ' + "; ".join(cells) + "."
            )
        print(
            "\n*Sentence in the first result*: the sentence is the first result, or one of the "
            "adjacent statements of the window the first result is (a wording that quotes several "
            "sentences is matched by their window, which the top-1 columns count only for the "
            "statement it is listed under). "
            "Targets: top-1 >= 45%, top-5 >= 60%. Many wordings are headlines with no words of "
            'the sentence ("Screening refugees", "On Wall Street"); no matcher can find those.\n'
        )
        perturbed = perturbations(rows, args.per_category, args.seed)
        perturbed += not_on_record(args.per_category, args.seed)
        perturbed += real_wordings(items)
        verdicts, similarity, wrong = evaluate_verdicts(store, perturbed, settings)
        print(
            f"Verdicts on {len(perturbed)} claims (seed {args.seed}): generated from statements "
            "of 8-40 words whose text is unique in the collection, written in five ways "
            '(`X said "..."`, `"..." - X`, `X: ...`, `X says ...`, `"...", X said.`); plus '
            "Snopes claims (CLEF 2020) that are no debate line.\n"
        )
        print("| category | expected | correct | other verdicts | similarity p5 / median / p95 |")
        print("|---|---|---:|---|---|")
        expected = {**CATEGORIES, "not on record": "not found", "real wording": "found"}
        for category, want in expected.items():
            counts = verdicts.get(category, Counter())
            total = sum(counts.values())
            if not total:
                continue
            good = counts[want]
            total -= counts["found"]
            others = (
                ", ".join(f"{v} {n}" for v, n in counts.most_common() if v not in (want, "found"))
                or "-"
            )
            sims = similarity[category]
            print(
                f"| {category} | {want} | {100.0 * good / total:.1f}% ({good}/{total}) | {others} "
                f"| {_pct(sims, 0.05):.0f} / {_pct(sims, 0.5):.0f} / {_pct(sims, 0.95):.0f} |"
            )
        print()
        if not args.no_sweep:
            sweep(store, perturbed, settings)
        for item in wrong[: args.show_errors]:
            print(f"- {item['category']}: {item['claim'][:160]!r} -> {item['got']} ({item['why']})")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
