"""The `quotecheck` command: thin wrappers over the core; user mistakes become one-line errors."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from quotecheck import QuoteCheckError, __version__
from quotecheck.model import KINDS, STATUSES
from quotecheck.store import QuoteFilter, Store

# Listing commands filter by a review status, or by none: "any" says so explicitly.
STATUS_FILTERS = (*STATUSES, "any")


class UsageError(QuoteCheckError):
    pass


def status_filter(status: str | None) -> str | None:
    """The status a listing keeps; "any" (like no --status) keeps every status."""
    return None if status == "any" else status


def open_store(args: argparse.Namespace, *, read_only: bool = False) -> Store:
    """The database named by --db, or the default one (seeded with the sample on first use)."""
    from quotecheck.importing import import_seeds
    from quotecheck.paths import default_db_path

    if args.db:
        store = Store(args.db, read_only=read_only)
    else:
        path = default_db_path()
        store = Store(path, read_only=read_only and path.exists())
        if store.is_empty and not store.read_only:
            import_seeds(store)
    if store.notice:
        print(f"quotecheck: note: {store.notice}", file=sys.stderr)
    return store


# -- commands -----------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    from quotecheck.fetch import fetch_timeout, looks_like_url
    from quotecheck.importing import FileOutcome, import_bytes, import_files, import_url

    if args.timeout is not None or any(a != "-" and looks_like_url(a) for a in args.paths):
        fetch_timeout(args.timeout)  # a bad --timeout or $QUOTECHECK_FETCH_TIMEOUT: one line
    outcomes: list[FileOutcome] = []
    skipped: list[Path] = []

    def done(o: FileOutcome) -> None:
        # Each line as soon as its article is committed (flushed: stdout may be a file or a
        # pipe), so a log written up to an interruption shows what was imported.
        outcomes.append(o)
        if o.status == "refused":
            print(f"refused   {o.reason}", file=sys.stderr, flush=True)
        elif o.status == "duplicate" and o.article_id is not None:
            print(f"duplicate {duplicate_line(store, o)}", flush=True)
        else:
            print(f"{o.status:9} {o.describe()}", flush=True)

    with open_store(args) as store:
        files: list[str] = []

        def import_pending_files() -> None:
            report = import_files(store, files, reextract=args.reextract, done=done)
            skipped.extend(report.skipped)
            files.clear()

        stdin_read = False
        for arg in args.paths:  # in the order given: files, links and stdin mixed
            if arg == "-" and not stdin_read:
                import_pending_files()
                done(import_bytes(store, sys.stdin.buffer.read(), name="stdin"))
                stdin_read = True
            elif arg != "-" and looks_like_url(arg):
                import_pending_files()
                if sys.stderr.isatty():
                    print(f"fetching  {arg.strip()} ...", file=sys.stderr, flush=True)
                done(import_url(store, arg, reextract=args.reextract, timeout=args.timeout))
            elif arg != "-":
                files.append(arg)
        import_pending_files()
    for path in skipped:
        print(f"skipped   {path}: not an article file", file=sys.stderr)
    added = sum(o.status == "added" for o in outcomes)
    refused = sum(o.status == "refused" for o in outcomes)
    reextracted = sum(o.status == "re-extracted" for o in outcomes)
    print(
        f"{added} added, "
        + (f"{reextracted} re-extracted, " if reextracted else "")
        + f"{sum(o.status == 'duplicate' for o in outcomes)} duplicate(s), "
        f"{refused} refused, {sum(o.quotes for o in outcomes)} quote(s)"
        + (f", {len(skipped)} other file(s) skipped" if skipped else "")
    )
    return 1 if refused and refused == len(outcomes) else 0


def duplicate_line(store: Store, outcome: Any) -> str:
    """ "a1.txt: 0 quote(s) added, already stored as article 3 “Title” (7 quote(s))", naming
    a deleted article as such (its deletion can be undone; importing it again does not)."""
    article_id = int(outcome.article_id)
    label = store.article_label(article_id)
    article = store.article(article_id)
    if article is not None and article["deleted_at"]:
        where = f"{label}, which is deleted ({store.deletion_hint(article_id)})"
    else:
        count = store.count_quotes(QuoteFilter(article_id=article_id))
        where = f"{label} ({count} quote(s))"
    notes = f" ({'; '.join(outcome.notes)})" if outcome.notes else ""
    return f"{outcome.path}: 0 quote(s) added, already stored as {where}{notes}"


def cmd_import_quotes(args: argparse.Namespace) -> int:
    from quotecheck.importing import import_collection_report

    with open_store(args) as store:
        for path in args.paths:
            # each file is one transaction: a refused file leaves the ones before it imported
            result = import_collection_report(store, path)
            skipped = f", {result.duplicates} already stored" if result.duplicates else ""
            print(f"{path}: {result.added} quote(s) imported{skipped}")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from quotecheck.extract import extract

    source: TextIO = _read_text_input(args.input)
    out: TextIO = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    try:
        is_jsonl = args.input.endswith((".jsonl", ".ndjson")) or args.jsonl
        if is_jsonl:
            for line_no, line in enumerate(source, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    doc_id, text = record["doc_id"], record["text"]
                except (ValueError, KeyError, TypeError) as exc:
                    raise QuoteCheckError(
                        f'{args.input} line {line_no}: expected {{"doc_id", "text"}} ({exc})'
                    ) from exc
                _write_extraction(out, doc_id, text, extract)
        else:
            doc_id = Path(args.input).stem if args.input != "-" else "stdin"
            _write_extraction(out, doc_id, source.read(), extract)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def _write_extraction(out: TextIO, doc_id: Any, text: str, extract: Any) -> None:
    quotes = [a.to_json() for a in extract(text)]
    out.write(json.dumps({"doc_id": doc_id, "quotes": quotes}, ensure_ascii=False) + "\n")


def _read_text_input(path: str) -> TextIO:
    """stdin or a file, decoded like an article (UTF-8, else the detected encoding); an
    HTML or Markdown file is reduced to its text, as `import` does."""
    import io

    from quotecheck.importing import article_from_bytes, decode

    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise QuoteCheckError(f"{path}: cannot read it ({exc.strerror or exc})") from exc
    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".htm", ".md", ".markdown"):
        text, _meta, notes = article_from_bytes(
            data,
            path,
            is_html=suffix in (".html", ".htm"),
            is_markdown=suffix in (".md", ".markdown"),
        )
    else:
        text, notes = decode(data, path)
    for note in notes:
        print(f"quotecheck: note: {path}: {note}", file=sys.stderr)
    return io.StringIO(text)


def _filter(args: argparse.Namespace) -> QuoteFilter:
    return QuoteFilter(
        speaker=args.speaker,
        source=args.source,
        status=status_filter(args.status),
        kind=args.kind,
        text=args.text,
    )


MAX_NAMED_SPEAKERS = 10


def _speaker_note(store: Store, name: str | None) -> None:
    """Say on stderr which speakers `--speaker NAME` chose when that is not one (several, or
    none: the words match any name or alias, so "Kim" may be Kim Jong Un and Kim Yo Jong)."""
    if not name:
        return
    found = [s for s in store.speakers_matching(name) if s["quotes"]]
    if len(found) == 1:
        return
    if not found:
        print(
            f"quotecheck: note: no speaker with quotes has the words of {name!r} in their "
            "name or aliases (see quotecheck speakers)",
            file=sys.stderr,
        )
        return
    names = ", ".join(s["name"] for s in found[:MAX_NAMED_SPEAKERS])
    more = len(found) - MAX_NAMED_SPEAKERS
    print(
        f"quotecheck: note: --speaker {name!r} matches {len(found)} speakers: {names}"
        + (f" and {more} more" if more > 0 else ""),
        file=sys.stderr,
    )


def cmd_quotes(args: argparse.Namespace) -> int:
    with open_store(args, read_only=True) as store:
        _speaker_note(store, args.speaker)
        rows = store.quotes(_filter(args), limit=args.limit, sort=args.sort)
        total = store.count_quotes(_filter(args))
    if args.json:
        return _print_jsonl(rows)
    if not rows:
        print("no quotes match")
        return 0
    print(_table(rows))
    if total > len(rows):
        print(f"... {total - len(rows)} more (use --limit)")
    return 0


def _print_jsonl(rows: list[dict[str, Any]]) -> int:
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))
    return 0


def _clip(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(rows: list[dict[str, Any]]) -> str:
    columns = [
        ("id", 5),
        ("text", 58),
        ("speaker", 18),
        ("source", 10),
        ("kind", 8),
        ("status", 10),
    ]
    lines = ["  ".join(name.upper().ljust(width) for name, width in columns)]
    for row in rows:
        cells = [
            _clip(str(row[name] if row[name] is not None else "-"), width)
            for name, width in columns
        ]
        lines.append(
            "  ".join(cell.ljust(width) for cell, (_, width) in zip(cells, columns, strict=True))
        )
    return "\n".join(line.rstrip() for line in lines)


def cmd_review(args: argparse.Namespace) -> int:
    # --undo / --redo: False when not given, None for the last action, else a history id
    if args.undo is not False and args.redo is not False:
        raise UsageError("say --undo or --redo, not both")
    if (args.undo is not False or args.redo is not False) and (
        args.ids or args.status or args.note is not None
    ):
        raise UsageError(
            "--undo and --redo take a history id at most (see quotecheck history), "
            "no quote ids or other options"
        )
    with open_store(args) as store:
        # an explicit id goes to the store as the GUI's History does: its rules, its messages
        if args.undo is not False:
            entry = store.undo(args.undo)
            print(f"undone: {entry['summary']}" if entry else "nothing to undo")
            return 0
        if args.redo is not False:
            entry = store.redo(args.redo)
            print(f"redone: {entry['summary']}" if entry else "nothing to redo")
            return 0
        if not args.ids or (not args.status and args.note is None):
            raise UsageError(
                "review needs quote ids and --status and/or --note (or --undo / --redo)"
            )
        for quote_id in args.ids:
            store.quote(quote_id)  # a clear error for an unknown id before anything changes
        if args.status:
            store.set_status(args.ids, args.status, note=args.note)
        else:
            store.set_notes(args.ids, args.note)
    done = f"marked {args.status}" if args.status else "annotated"
    print(f"{len(args.ids)} quote(s) {done}")
    return 0


def cmd_speakers(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if args.merge:
            keep, merge = args.merge
            store.merge_speakers(keep, merge)
            print(f"speaker {merge} merged into {keep}")
            return 0
        if args.rename is not None or args.role is not None:
            if args.id is None:
                raise UsageError(
                    "say which speaker: quotecheck speakers ID --rename NAME / --role ROLE"
                )
            store.update_speaker(args.id, name=args.rename, role=args.role)
            print(f"speaker {args.id} updated")
            return 0
        rows = store.speakers()
    if args.id is not None:  # one speaker, with all their aliases
        rows = [r for r in rows if r["id"] == args.id]
        if not rows:
            raise QuoteCheckError(f"no speaker with id {args.id}")
    if args.json:
        return _print_jsonl(rows)
    for row in rows:
        role = f" — {row['role']}" if row["role"] else ""
        aliases = ", ".join(a for a in row["aliases"] if a != row["name"])
        also = f"  (also: {aliases})" if aliases else ""
        print(f"{row['id']:5}  {row['name']}{role}: {row['quotes']} quote(s){also}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """One quote in full, with where it stands in its article."""
    with open_store(args, read_only=True) as store:
        quote = store.quote(args.id)
        article = store.article(quote["article_id"]) if quote["article_id"] else None
    if args.json:
        print(
            json.dumps(
                {**quote, "article_text": article["text"] if article else None}, ensure_ascii=False
            )
        )
        return 0
    role = f" ({quote['speaker_role']})" if quote["speaker_role"] else ""
    lines = [
        f"#{quote['id']}  {quote['kind']}  {quote['status']}",
        f"  {quote['text']}",
        f"  speaker: {quote['speaker'] or '-'}{role}",
        f"  source:  {quote['source'] or '-'}",
    ]
    if quote["note"]:
        lines.append(f"  note:    {quote['note']}")
    if article:
        where = ", ".join(
            x for x in (article["title"], article["publisher"], article["published"]) if x
        )
        lines.append(f"  article: {where} (characters {quote['start']}-{quote['end']})")
        text = article["text"]
        before = " ".join(text[max(0, quote["start"] - 200) : quote["start"]].split())
        after = " ".join(text[quote["end"] : quote["end"] + 120].split())
        lines.append(f"  context: ...{before} >>{quote['text']}<< {after}...")
    elif quote["ref"] or quote["url"]:
        lines.append(f"  from collection: ref {quote['ref'] or '-'} {quote['url'] or ''}".rstrip())
    print("\n".join(lines))
    return 0


def cmd_articles(args: argparse.Namespace) -> int:
    with open_store(args, read_only=True) as store:
        rows = store.articles()
    if args.json:
        return _print_jsonl(rows)
    if not rows:
        print("no articles")
    for row in rows:
        meta = ", ".join(x for x in (row["publisher"], row["published"]) if x)
        print(
            f"{row['id']:5}  {_clip(row['title'], 70)}{f' ({meta})' if meta else ''}: {row['quotes']} quote(s)"
        )
    return 0


def cmd_delete_article(args: argparse.Namespace) -> int:
    """Delete articles with their quotes: recorded in the history, so one undo restores them."""
    with open_store(args) as store:
        preview = store.deletion_preview(args.ids)  # every id checked before anything changes
        labels = [store.article_label(item["id"]) for item in preview]
        history_id = store.delete_articles(args.ids)
    for item, label in zip(preview, labels, strict=True):
        print(f"deleted {label}: {item['quotes']} quote(s), {item['reviewed']} of them reviewed")
    print(f"undo with: quotecheck review --undo {history_id}")
    return 0


def touched_quotes(changes: dict[str, Any]) -> list[int]:
    """The quotes a history entry changed: a review or edit keeps each quote's before and
    after under "quotes"; a speaker merge keeps the moved quotes under "quote_ids"."""
    if changes.get("quotes"):
        return [int(item["quote_id"]) for item in changes["quotes"]]
    return [int(i) for i in changes.get("quote_ids") or ()]


def cmd_history(args: argparse.Namespace) -> int:
    import re

    from quotecheck.store import quote_list

    with open_store(args, read_only=True) as store:
        for entry in store.history(args.limit):
            undone = "  [undone]" if entry["undone_at"] else ""
            ids = touched_quotes(entry["changes"])
            # a few ids, then "…"; unless the summary names them already (recent reviews do;
            # merges and entries of older versions do not)
            listed = quote_list(ids) if ids else ""
            if listed and re.search(re.escape(listed) + r"(?!\d)", entry["summary"]):
                listed = ""
            quotes = f"  [{listed}]" if listed else ""
            print(
                f"{entry['id']:5}  {entry['at']}  {entry['actor']}: {entry['summary']}"
                f"{quotes}{undone}"
            )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with open_store(args, read_only=True) as store:
        target = store.backup(args.target)
    print(f"backed up to {target}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from quotecheck.export import build_sheet, write_sheet

    fmt = args.format or _format_from_suffix(args.output)
    quote_filter = _filter(args)
    with open_store(args, read_only=True) as store:
        if not args.ids:
            _speaker_note(store, args.speaker)
        sheet = build_sheet(
            store,
            quote_filter=quote_filter,
            ids=args.ids or None,
            title=args.title,
            group_by=args.group_by,
            sort=args.sort,
        )
    if not sheet.quotes:
        raise QuoteCheckError(f"nothing to export: no {sheet.selection}")
    if fmt == "pdf":
        from quotecheck.export import render_html

        try:
            from quotecheck_ui.pdf import html_to_pdf
        except ImportError as exc:
            raise QuoteCheckError(f"PDF output needs Qt, which cannot load here: {exc}") from exc
        html_to_pdf(
            render_html(sheet, for_print=True),
            args.output,
            page_size=args.page_size,
            title=sheet.title,
        )
    else:
        write_sheet(sheet, fmt, args.output, bom=args.bom)
    print(f"{len(sheet.quotes)} quote(s) written to {args.output} ({fmt})")
    return 0


def _format_from_suffix(path: str) -> str:
    from quotecheck.export import FORMATS

    suffix = Path(path).suffix.lower().lstrip(".")
    suffix = {"htm": "html", "markdown": "md"}.get(suffix, suffix)
    if suffix not in FORMATS:
        raise UsageError(f"say --format ({', '.join(FORMATS)}): cannot tell it from {path!r}")
    return suffix


def cmd_export_checks(args: argparse.Namespace) -> int:
    from quotecheck.config import config_path, load_config
    from quotecheck.export import (
        CheckSelection,
        check_review_url,
        checks_for_review,
        claim_reviews,
        parse_check_ids,
        parse_since,
        parse_verdicts,
        write_atomically,
    )

    if args.review_url is not None:
        if not args.review_url.strip():
            raise UsageError("--review-url is empty; leave the option out for no url")
        check_review_url(args.review_url)  # before any work: a typo is one clear error
    selection = CheckSelection(
        ids=parse_check_ids(args.ids) if args.ids is not None else None,
        since=parse_since(args.since) if args.since is not None else None,
        verdicts=parse_verdicts(args.verdict) if args.verdict is not None else None,
        reviewed_only=args.reviewed_only,
    )
    config = load_config()
    organisation = args.org_name or config.organisation_name
    if not organisation:
        raise UsageError(
            "ClaimReview names the reviewing organisation: pass --org-name, or set "
            f"organisation_name in {config_path()}"
        )
    with open_store(args, read_only=True) as store:
        chosen = checks_for_review(
            store,
            selection,
            as_saved=args.as_saved,
            progress=_checking_progress if sys.stderr.isatty() else None,
        )
        reviews = claim_reviews(
            store,
            organisation=organisation,
            organisation_url=args.org_url or config.organisation_url,
            review_url=args.review_url,
            checks=chosen.checks,
        )
    if not reviews:
        raise QuoteCheckError(chosen.nothing_to_export())
    for note in chosen.notes():
        print(f"quotecheck: note: {note}", file=sys.stderr)
    write_atomically(args.output, json.dumps(reviews, ensure_ascii=False, indent=2) + "\n")
    print(f"{len(reviews)} ClaimReview record(s) written to {args.output}")
    return 0


def _checking_progress(done: int, total: int) -> None:
    """The count of claims checked again, on the terminal's last line; cleared at the end."""
    if done == total:
        print("\r\033[K", end="", file=sys.stderr, flush=True)
    elif done % 25 == 0:
        print(
            f"\rchecking the claims again: {done:,}/{total:,}", end="", file=sys.stderr, flush=True
        )


def cmd_install_desktop(args: argparse.Namespace) -> int:
    try:
        from quotecheck_ui import desktop
    except ImportError as exc:
        raise QuoteCheckError(f"the desktop app is not installed: {exc}") from exc
    if args.uninstall:
        removed = desktop.uninstall()
        for path in removed:
            print(f"removed {path}")
        if not removed:
            print("nothing to remove: no QuoteCheck menu entry is installed")
        return 0
    for path in desktop.install():
        print(f"wrote {path}")
    print("QuoteCheck is in the desktop's application menu (log out and in if it does not show)")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from quotecheck_ui.app import run
    except ImportError as exc:
        raise QuoteCheckError(f"the desktop app cannot start: {exc}") from exc
    return int(run(db=args.db))


# -- parser -------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotecheck",
        description="Find, attribute, review and check quotes in news articles.",
    )
    parser.add_argument("--version", action="version", version=f"quotecheck {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: in your user data folder)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "import",
        help="import articles (.txt, .md, .html, .pdf, .docx, folders, https:// links, - for stdin)",
        description="Import articles: files, folders, - for stdin, and http(s) links, which are "
        "fetched (only links you give; nothing else goes on the network).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH|URL")
    p.add_argument(
        "--reextract",
        action="store_true",
        help="run extraction again on articles already stored (reviewed quotes are kept)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        default=None,
        help="give up on a link after this long (default 20, or $QUOTECHECK_FETCH_TIMEOUT)",
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("import-quotes", help="import a quote collection (JSONL or CSV)")
    p.add_argument("paths", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_import_quotes)

    p = sub.add_parser(
        "extract", help="extract attributions: JSONL {doc_id, text} or a text file -> JSONL"
    )
    p.add_argument("input", nargs="?", default="-", help="input file (default: stdin)")
    p.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    p.add_argument(
        "--jsonl", action="store_true", help="treat the input as JSONL even without the suffix"
    )
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("quotes", help="list quotes")
    p.add_argument(
        "--speaker",
        metavar="NAME",
        help="speakers whose name or an alias has these words (any case: Sunak, 'rishi sunak')",
    )
    p.add_argument("--source")
    p.add_argument(
        "--status", choices=STATUS_FILTERS, help="only quotes with this status (default: any)"
    )
    p.add_argument("--kind", choices=KINDS)
    p.add_argument(
        "--text",
        help="words in the quote text, or whole in the name or an alias of its speaker or source",
    )
    p.add_argument(
        "--sort",
        default="id",
        choices=["id", "text", "speaker", "source", "kind", "status", "article", "date"],
    )
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=cmd_quotes)

    p = sub.add_parser("review", help="set the review status of quotes (or undo/redo an action)")
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="quote ids")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--note", help="a note on the quotes (alone: annotate without a status change)")
    p.add_argument(
        "--undo",
        nargs="?",
        const=None,
        default=False,
        type=int,
        metavar="ID",
        help="undo the last review action, or history entry ID (see quotecheck history)",
    )
    p.add_argument(
        "--redo",
        nargs="?",
        const=None,
        default=False,
        type=int,
        metavar="ID",
        help="redo the last undone action, or the undone history entry ID",
    )
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("speakers", help="list speakers; merge two, rename one or set a role")
    p.add_argument(
        "id", nargs="?", type=int, metavar="ID", help="the speaker to rename or give a role"
    )
    p.add_argument("--merge", nargs=2, type=int, metavar=("KEEP_ID", "MERGE_ID"))
    p.add_argument("--rename", metavar="NAME", help="new name (the old one stays an alias)")
    p.add_argument("--role", help="role, e.g. 'Japanese prime minister' (empty to clear)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_speakers)

    p = sub.add_parser("show", help="one quote in full, with its context in the article")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("articles", help="list the imported articles")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_articles)

    p = sub.add_parser(
        "delete-article",
        help="delete articles and their quotes (recorded in the history; review --undo restores)",
        description="Delete articles, e.g. the bundled sample or a wrong import, with their "
        "quotes. They leave every list, search, claim check and export, but stay in the "
        "database: the deletion is in the history and quotecheck review --undo ID restores "
        "them as they were, reviews included.",
    )
    p.add_argument("ids", nargs="+", type=int, metavar="ID", help="article ids (see articles)")
    p.set_defaults(func=cmd_delete_article)

    p = sub.add_parser("history", help="the review history (newest first)")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("backup", help="copy the database with SQLite's online backup")
    p.add_argument("target", metavar="FILE")
    p.set_defaults(func=cmd_backup)

    from quotecheck import cli_check

    cli_check.register(sub)
    p = sub.add_parser("export", help="export a quote sheet (PDF, HTML, Markdown, CSV, JSON)")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument(
        "--format", choices=["pdf", "html", "md", "csv", "json"], help="default: from the file name"
    )
    p.add_argument(
        "--status",
        default="verified",
        choices=STATUS_FILTERS,
        help="only quotes with this status; any for all (default: verified)",
    )
    p.add_argument(
        "--speaker", metavar="NAME", help="speakers whose name or an alias has these words"
    )
    p.add_argument("--source")
    p.add_argument("--kind", choices=KINDS)
    p.add_argument(
        "--text",
        help="words in the quote text, or whole in the name or an alias of its speaker or source",
    )
    p.add_argument("--ids", nargs="+", type=int, metavar="ID", help="exactly these quotes")
    p.add_argument(
        "--group-by", default="speaker", choices=["speaker", "source", "article", "none"]
    )
    p.add_argument(
        "--sort",
        default="speaker",
        choices=["id", "text", "speaker", "source", "kind", "status", "article", "date"],
    )
    p.add_argument("--title")
    p.add_argument("--page-size", default="a4", choices=["a4", "letter"], help="PDF only")
    p.add_argument(
        "--bom", action="store_true", help="CSV only: a byte-order mark for spreadsheets"
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "export-checks",
        help="export saved claim checks as ClaimReview JSON-LD",
        description="Export saved claim checks as schema.org ClaimReview. Each claim is "
        "checked again against the record as it is now (see --as-saved). A check whose claim "
        "has no words is left out, and of checks of the same claim only the latest is kept.",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--format", default="claimreview", choices=["claimreview"])
    p.add_argument("--org-name", help="the reviewing organisation (default: from settings)")
    p.add_argument("--org-url", help="the organisation's home page (default: from settings)")
    p.add_argument(
        "--review-url",
        metavar="URL",
        help="the page of each check, for the ClaimReview url: {id} (the only placeholder) "
        "becomes the check id, else the id is appended (e.g. https://desk.example/checks/); "
        "without it, no url",
    )
    p.add_argument(
        "--as-saved",
        action="store_true",
        help="export the verdicts as saved, with their dates (default: check each claim again "
        "against the record as it is now, dated today)",
    )
    p.add_argument(
        "--ids",
        nargs="+",
        metavar="IDS",
        help="only these checks: ids and ranges, e.g. 3,5,8 or 10-20",
    )
    p.add_argument("--since", metavar="DATE", help="only checks made on or after DATE (YYYY-MM-DD)")
    p.add_argument(
        "--verdict",
        action="append",
        metavar="VERDICTS",
        help="only checks with these verdicts as exported, e.g. verified,contradicted "
        '(not-found for "not found")',
    )
    p.add_argument(
        "--reviewed-only",
        action="store_true",
        help="only checks whose recorded quote a person has verified (review status verified)",
    )
    p.set_defaults(func=cmd_export_checks)

    p = sub.add_parser("gui", help="open the desktop app")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser(
        "install-desktop",
        help="add QuoteCheck to the desktop's application menu, with its icon (Linux, XDG)",
    )
    p.add_argument("--uninstall", action="store_true", help="remove the menu entry and icon")
    p.set_defaults(func=cmd_install_desktop)
    return parser


def fail(message: str) -> int:
    print(f"quotecheck: error: {message}", file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        from quotecheck.config import apply_config

        apply_config()
        return int(args.func(args))
    except QuoteCheckError as exc:
        return fail(str(exc))
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return fail("the database is busy: another QuoteCheck is writing to it; try again")
        return fail(f"database error: {exc}")
    except sqlite3.DatabaseError as exc:
        return fail(f"database error: {exc}")
    except BrokenPipeError:
        # the reader (head, less) went away: not an error; keep Python quiet at exit too
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return fail(f"{where}{exc.strerror or exc}")
    except UnicodeError as exc:
        return fail(f"cannot read the text: {exc}")
    except KeyboardInterrupt:
        print("quotecheck: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
