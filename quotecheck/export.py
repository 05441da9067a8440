"""Verified quote sheets: what a fact-checker hands to an editor, and ClaimReview for checks.

A `Sheet` is built from the store (a selection, a title, a grouping, an order) and rendered to
CSV, Markdown, HTML or JSON here; PDF is printed by Qt from the HTML in `quotecheck_ui.pdf`.
Every renderer treats quote text as data: HTML escapes every field, CSV neutralises cells a
spreadsheet would run as a formula.

ClaimReview rating scale. Fact-check markup must document how numbers map to verdicts; the
verdict itself goes in `alternateName`, and `ratingValue` runs from 1 (worst, false) to 4
(best, accurate), the closer to best the truer:

    4  verified       the words and the speaker are on record
    3  paraphrase     the content is on record as reported speech, the verbatim wording is not
    2  altered        close to a recorded quote, but words differ; a changed number or
                      qualifier may change the meaning, so it ranks below a paraphrase
    1  contradicted   the record says the opposite (a negation added or dropped)
    1  misattributed  the words are on record, but someone else said them
    -  not found      no number: nothing on record is not evidence that the claim is false,
                      so only the textual verdict is given (with no bestRating/worstRating,
                      which describe a ratingValue)
    -  topic          no number either, whatever the verdict (a check flagged "topic", such
                      as "Kishida on talks with North Korea", is "paraphrase" when the speaker
                      spoke on it): the claim names a topic, not words, so there is no truth
                      to judge; the verdict stays in `alternateName`

A published rating must rest on the record as it is now: since a check was saved, its quote
may have been rejected or its article deleted. So the export checks each claim again (one
`Matcher` for all of them) and publishes the current verdict, dated the day of the export;
asked to (`as_saved`), it publishes the saved verdicts with their dates, and says which of
them rest on a quote since rejected or removed. Before that, `CheckSelection` chooses the
checks (by id, date, verdict); whatever it says, a check whose claim has no words is left
out, and of several checks of the same claim only the latest.

A verdict is the matcher's reading of the record, and a "verified" 4 resting on a quote no
person has reviewed is no checked fact: the `ratingExplanation` ends with what a person made
of the recorded quote (`EVIDENCE_NOTES`: not reviewed, verified, disputed, since rejected or
removed), and `reviewed_only` publishes only verdicts resting on quotes a person verified.

The review's `url` (the page where the check is published) is emitted only when the user
gives one; QuoteCheck publishes nothing, so it never makes one up.

Who made the claim is not known to QuoteCheck: "Kim Jong Un said X" is someone's claim about
Kim, not Kim's. So the `Claim` gets an `author`, an `appearance` and a `datePublished` only
when the verdict is "verified": the claim is then the recorded speaker's own statement, which
appeared in the recorded article on the day it was said. Whatever the verdict, the article
holding the recorded quote the verdict rests on is the review's `citation` (the evidence): a
CreativeWork with its URL when it has one, else by its title (an article imported from a
local text has no URL), with its date and publisher when known. A quote of an imported
collection with neither a URL nor an article is cited by nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from quotecheck import QuoteCheckError, __version__
from quotecheck.match import VERDICTS, Matcher
from quotecheck.store import QuoteFilter, Store, now
from quotecheck.text import fold, words

FORMATS = ("pdf", "html", "md", "csv", "json")
GROUPINGS = ("speaker", "source", "article", "none")
# Verdicts whose best match is the quote the claim is about (so its article is an appearance).
KIND_LABELS = {"direct": "direct quote", "mixed": "partly quoted", "indirect": "reported speech"}
# ClaimReview ratingValue per verdict (the scale is in the module docstring); "not found"
# has none on purpose: absence from the record is not a judgement of truth. Nor has a check
# flagged "topic" (the claim names a topic, not words), whatever its verdict.
VERDICT_RATINGS = {
    "verified": 4,
    "paraphrase": 3,
    "altered": 2,
    "contradicted": 1,
    "misattributed": 1,
}
BEST_RATING = max(VERDICT_RATINGS.values())
WORST_RATING = min(VERDICT_RATINGS.values())
# What a ClaimReview's ratingExplanation adds about the recorded quote its verdict rests on,
# by the quote's review status: a verdict is the matcher's reading of the record, and the
# record is only as good as its review. "removed": the quote is no longer on record (its
# article deleted, or re-extracted); only a saved verdict exported as saved can rest on it.
EVIDENCE_NOTES = {
    "removed": "The recorded quote it rested on has since been removed from the record.",
    "rejected": "A reviewer has since rejected the recorded quote.",
    "disputed": "A reviewer has disputed the recorded quote.",
    "unreviewed": "The recorded quote has not been reviewed by a person.",
    "verified": "A person has verified the recorded quote.",
}
EVIDENCE_ORDER = tuple(EVIDENCE_NOTES)  # least reviewed first
STALE_EVIDENCE = ("removed", "rejected")
# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(slots=True)
class SheetQuote:
    id: int
    text: str
    kind: str
    status: str
    speaker: str | None
    speaker_role: str | None
    source: str | None
    source_kind: str | None
    said_on: str | None
    note: str | None
    article: str | None
    publisher: str | None
    article_date: str | None
    article_url: str | None
    start: int | None
    end: int | None
    ref: str | None
    url: str | None

    @property
    def display_text(self) -> str:
        """Direct quotes in quotation marks; reported speech as written, labelled elsewhere."""
        return f"\u201c{self.text}\u201d" if self.kind == "direct" else self.text

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def location(self) -> str:
        """Where in the article the quote stands, so anyone can re-check it."""
        if self.start is None or self.end is None:
            return ""
        return f"characters {self.start}\u2013{self.end}"

    @property
    def link(self) -> str | None:
        """Where the quote can be re-checked: the article's URL, else the collection's."""
        for url in (self.article_url, self.url):
            if url and url.startswith(("http://", "https://")) and not re.search(r"[\s<>\"]", url):
                return url
        return None

    @property
    def status_label(self) -> str:
        """Shown beside a quote that is not verified, so a mixed sheet never misleads."""
        return "" if self.status == "verified" else f"[{self.status}]"

    @property
    def speaker_label(self) -> str:
        name = self.speaker or "unknown speaker"
        return f"{name} ({self.speaker_role})" if self.speaker_role else name


@dataclass(slots=True)
class Sheet:
    title: str
    created_at: str
    database: str
    selection: str  # the rule that chose the quotes, stated in the footer
    group_by: str
    quotes: list[SheetQuote] = field(default_factory=list)

    def groups(self) -> list[tuple[str, list[SheetQuote]]]:
        """Groups in order of first appearance; the sheet's order holds inside each group."""
        if self.group_by == "none":
            return [("", self.quotes)]
        key: Callable[[SheetQuote], str] = {
            "speaker": lambda q: q.speaker or "Unknown speaker",
            "source": lambda q: q.source or "No source recorded",
            "article": lambda q: q.article or "No article (imported collection)",
        }[self.group_by]
        out: dict[str, list[SheetQuote]] = {}
        for quote in self.quotes:
            out.setdefault(key(quote), []).append(quote)
        return list(out.items())


def describe_selection(f: QuoteFilter, ids: Sequence[int] | None) -> str:
    if ids is not None:
        return f"{len(ids)} selected quote(s)"
    parts = []
    if f.status:
        parts.append(f"status is {f.status}")
    if f.speaker:
        parts.append(f"speaker is {f.speaker}")
    if f.source:
        parts.append(f"source is {f.source}")
    if f.kind:
        parts.append(f"kind is {f.kind}")
    if f.text:
        # the search matches the quote's text, or its speaker's or source's names
        parts.append(f"text, speaker or source matches \u201c{f.text}\u201d")
    if f.article_id is not None:
        parts.append(f"article #{f.article_id}")
    return "quotes where " + " and ".join(parts) if parts else "all quotes"


def build_sheet(
    store: Store,
    *,
    quote_filter: QuoteFilter | None = None,
    ids: Sequence[int] | None = None,
    title: str | None = None,
    group_by: str = "speaker",
    sort: str = "speaker",
) -> Sheet:
    """Choose the quotes (verified only unless a filter or ids say otherwise) into a sheet."""
    if group_by not in GROUPINGS:
        raise QuoteCheckError(f"cannot group by {group_by!r}; use one of {', '.join(GROUPINGS)}")
    f = quote_filter if quote_filter is not None else QuoteFilter(status="verified")
    if ids is not None:
        found = store.quotes_by_ids(list(ids))
        missing = [i for i in ids if i not in found]
        if missing:
            raise QuoteCheckError(f"no quote with id {missing[0]}")
        rows = [found[i] for i in ids]
    else:
        rows = store.quotes(f, sort=sort)
    names = SheetQuote.__dataclass_fields__
    quotes = [SheetQuote(**{k: row[k] for k in names}) for row in rows]
    return Sheet(
        title=title or ("Verified quotes" if f.status == "verified" and ids is None else "Quotes"),
        created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        database=Path(store.path).name,  # the file name only: sheets travel, paths are private
        selection=describe_selection(f, ids),
        group_by=group_by,
        quotes=quotes,
    )


# -- renderers ----------------------------------------------------------------------------


def neutralise_cell(value: Any) -> str:
    """A cell a spreadsheet shows as text, never runs: formula triggers get a leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


CSV_COLUMNS = (
    "id",
    "text",
    "kind",
    "speaker",
    "speaker_role",
    "source",
    "said_on",
    "status",
    "note",
    "article",
    "publisher",
    "article_date",
    "article_url",
    "start",
    "end",
    "ref",
    "url",
)


def render_csv(sheet: Sheet, *, bom: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for quote in sheet.quotes:
        writer.writerow([neutralise_cell(getattr(quote, c)) for c in CSV_COLUMNS])
    return ("\ufeff" if bom else "") + out.getvalue()


def render_json(sheet: Sheet) -> str:
    data = {
        "title": sheet.title,
        "created_at": sheet.created_at,
        "database": sheet.database,
        "selection": sheet.selection,
        "group_by": sheet.group_by,
        "count": len(sheet.quotes),
        "generator": f"QuoteCheck {__version__}",
        "quotes": [asdict(q) for q in sheet.quotes],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _md(text: str | None) -> str:
    """Markdown-inert text: characters with markup meaning are escaped, HTML tags included."""
    if not text:
        return ""
    escaped = "".join("\\" + ch if ch in "\\`*_[]<>|" else ch for ch in text)
    return " ".join(escaped.split())


def _provenance(q: SheetQuote) -> list[str]:
    """How it was said (source, date) and where it was found (article, publisher, date)."""
    said = []
    if q.source:
        said.append(f"source: {q.source}")
    if q.said_on:
        said.append(f"said on {q.said_on}")
    found = []
    if q.article:
        found.append(q.article)
    if q.publisher:
        found.append(q.publisher)
    if q.article_date:
        found.append(q.article_date)
    return [", ".join(said), ", ".join(found)]


def render_markdown(sheet: Sheet) -> str:
    lines = [
        f"# {_md(sheet.title)}",
        "",
        f"{len(sheet.quotes)} quote(s) · created {sheet.created_at} · database `{sheet.database}`",
        "",
    ]
    for name, quotes in sheet.groups():
        if name:
            lines += [f"## {_md(name)}", ""]
        for q in quotes:
            said, found = _provenance(q)
            status = f" {q.status_label}" if q.status_label else ""
            lines.append(f"- > {_md(q.display_text)}{status}")
            said = "; ".join(x for x in (q.kind_label, said) if x)
            lines.append(f"  — **{_md(q.speaker_label)}**; {_md(said)}")
            where = _md(found) or "imported collection"
            if q.link:
                where += f" <{q.link}>"  # autolinks are not unescaped: the URL goes in as is
            if q.location:
                where += f"; {q.location}"
            if q.ref:
                where += f"; ref {_md(q.ref)}"
            lines.append(f"  — found in: {where}")
            if q.note:
                lines.append(f"  — note: {_md(q.note)}")
            lines.append("")
    lines.append(f"---\nSelection: {_md(sheet.selection)}. Made with QuoteCheck {__version__}.")
    return "\n".join(lines) + "\n"


HTML_STYLE = """
body { font-family: "DejaVu Serif", Georgia, serif; color: #111; background: #fff;
       max-width: 48em; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; border-bottom: 1px solid #999; margin-top: 1.5em; }
.meta, .footer, .where { color: #444; font-size: 0.9em; }
p.who, p.where { margin: 0.1em 0; }
.quote { margin: 1em 0; page-break-inside: avoid; }
blockquote { margin: 0 0 0.3em 0; padding-left: 0.8em; border-left: 3px solid #2a6; }
.kind { font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.05em; color: #555; }
.footer { border-top: 1px solid #999; margin-top: 2em; padding-top: 0.5em; }
@media print { body { margin: 0; max-width: none; } a { color: #111; } }
"""


# Qt's rich-text engine (used for PDF) knows a subset of CSS: no max-width, no auto margins,
# no borders on blocks; the page margins come from the PDF writer.
PRINT_STYLE = """
body { font-family: "DejaVu Serif", Georgia, serif; color: #111; }
h1 { font-size: 18pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; margin-top: 22px; margin-bottom: 4px; color: #1d5e3b; }
.meta, .footer, .where { color: #444; font-size: 8.5pt; }
blockquote { font-size: 11pt; font-style: italic; margin-top: 14px; margin-bottom: 3px;
             margin-left: 0; }
p.who { margin-top: 0; margin-bottom: 1px; }
p.where { margin-top: 0; margin-bottom: 1px; }
.kind { font-size: 8pt; color: #555; }
.footer { margin-top: 26px; }
"""


def render_html(sheet: Sheet, *, for_print: bool = False) -> str:
    """A self-contained page; `for_print` picks the CSS Qt's PDF printer understands."""
    e = html.escape
    style = PRINT_STYLE if for_print else HTML_STYLE
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(sheet.title)}</title>",
        f"<style>{style}</style></head><body>",
        f"<h1>{e(sheet.title)}</h1>",
        f'<p class="meta">{len(sheet.quotes)} quote(s) · created {e(sheet.created_at)} · '
        f"database {e(sheet.database)}</p>",
    ]
    for name, quotes in sheet.groups():
        if name:
            parts.append(f"<h2>{e(name)}</h2>")
        for q in quotes:
            said, found = _provenance(q)
            where = e(found) if found else "imported collection"
            if q.link:
                where += f' — <a href="{e(q.link)}">{e(q.link)}</a>'
            elif q.article_url or q.url:
                where += f" — {e(q.article_url or q.url or '')}"
            if q.location:
                where += f"; {e(q.location)}"
            if q.ref:
                where += f"; ref {e(q.ref)}"
            parts.append(
                f'<div class="quote"><blockquote>{e(q.display_text)}'
                + (f' <span class="kind">{e(q.status_label)}</span>' if q.status_label else "")
                + "</blockquote>"
                f'<p class="who"><strong>{e(q.speaker_label)}</strong> '
                f'<span class="kind">{e(q.kind_label)}</span> {e(said)}</p>'
                f'<p class="where">Found in: {where}</p>'
                + (f'<p class="where">Note: {e(q.note)}</p>' if q.note else "")
                + "</div>"
            )
    parts.append(
        f'<p class="footer">Selection: {e(sheet.selection)}. '
        f"Made with QuoteCheck {e(__version__)}.</p></body></html>"
    )
    return "\n".join(parts) + "\n"


TEXT_RENDERERS: dict[str, Callable[[Sheet], str]] = {
    "html": render_html,
    "md": render_markdown,
    "csv": render_csv,
    "json": render_json,
}


def write_atomically(path: str | Path, data: str | bytes) -> Path:
    """Write to a temporary file beside `path`, then rename: never a half-written file."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        # mkstemp makes the file private (0600); a sheet gets the usual permissions
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_sheet(sheet: Sheet, fmt: str, path: str | Path, *, bom: bool = False) -> Path:
    """Render `sheet` as `fmt` into `path` (PDF goes through Qt, imported only here)."""
    if fmt not in FORMATS:
        raise QuoteCheckError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    target = Path(path)
    if not target.parent.exists():
        raise QuoteCheckError(f"folder {target.parent} does not exist")
    if fmt == "pdf":
        raise QuoteCheckError("PDF is printed by the desktop part; use quotecheck export")
    text = render_csv(sheet, bom=bom) if fmt == "csv" else TEXT_RENDERERS[fmt](sheet)
    return write_atomically(target, text)


# -- ClaimReview --------------------------------------------------------------------------


def claim_review(
    store: Store,
    check: dict[str, Any],
    *,
    organisation: str,
    organisation_url: str | None = None,
    review_url: str | None = None,
) -> dict[str, Any]:
    """A schema.org ClaimReview for one saved claim check (what goes where: see the module
    docstring). `review_url` is a template or base for the page of each check (see
    `review_page_url`); without it the review carries no `url`.
    """
    evidence_ids = evidence_quote_ids(check)
    evidence_quotes = store.quotes_by_ids(evidence_ids) if evidence_ids else {}
    quote: dict[str, Any] = evidence_quotes.get(evidence_ids[0], {}) if evidence_ids else {}
    item: dict[str, Any] = {"@type": "Claim"}
    article = article_work(quote)
    if check["verdict"] == "verified" and quote.get("speaker"):
        name, role = quote["speaker"], quote.get("speaker_role")
        kind = (
            "Organization" if role == "state" or store.source_id(name, create=False) else "Person"
        )
        author: dict[str, Any] = {"@type": kind, "name": name}
        if role and kind == "Person":
            author["jobTitle"] = role
        item["author"] = author
        if article:
            item["appearance"] = [article]
            item["firstAppearance"] = article
        said_on = quote.get("said_on") or quote.get("article_date")
        if said_on:
            item["datePublished"] = said_on
    reviewer: dict[str, Any] = {"@type": "Organization", "name": organisation}
    if organisation_url:
        reviewer["url"] = organisation_url
    is_topic = "topic" in (check.get("flags") or ())
    explanation = check.get("explanation") or (
        f"Verdict: {check['verdict']}"
        + (" (the claim names a topic, not words)." if is_topic else ".")
    )
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": check["verdict"]}
    value = None if is_topic else VERDICT_RATINGS.get(check["verdict"])
    if value is not None:
        rating.update(ratingValue=value, bestRating=BEST_RATING, worstRating=WORST_RATING)
    status = evidence_status(evidence_ids, evidence_quotes)
    # a verdict resting on a quote no person has looked at is the machine's, and says so
    rating["ratingExplanation"] = (
        f"{explanation} {EVIDENCE_NOTES[status]}" if status else explanation
    )
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": check["claim"],
        "datePublished": str(check.get("checked_at") or "")[:10],
        "author": reviewer,
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if article:
        review["citation"] = [article]
    if review_url:
        review["url"] = review_page_url(review_url, check["id"])
    return review


def article_work(quote: dict[str, Any]) -> dict[str, Any] | None:
    """Where a recorded quote was found, as a schema.org CreativeWork: its URL if it has one,
    and its title, date and publisher as far as known, so an article imported from a local
    text (no URL) is still cited by name; None if nothing names it."""
    work: dict[str, Any] = {"@type": "CreativeWork"}
    url = quote.get("article_url") or quote.get("url")
    if url:
        work["url"] = url
    if quote.get("article"):
        work["name"] = quote["article"]
    if "url" not in work and "name" not in work:
        return None
    if quote.get("article_date"):
        work["datePublished"] = quote["article_date"]
    if quote.get("publisher"):
        work["publisher"] = {"@type": "Organization", "name": quote["publisher"]}
    return work


def check_review_url(template: str) -> str:
    """The template, if it is a URL a ClaimReview may carry: http or https (in any case;
    returned in lower case), a host, no spaces, and no braces but the `{id}` placeholder."""
    if not re.fullmatch(r"https?://[^\s<>\"]+", template, flags=re.IGNORECASE):
        raise QuoteCheckError(
            f"the review URL must start with http:// or https:// and hold no spaces: {template!r}"
        )
    for m in re.finditer(r"\{[^{}]*\}|[{}]", template):
        if m.group() == "{id}":
            continue
        if len(m.group()) > 1:
            problem = f"an unknown placeholder {m.group()}"
        elif m.group() == "{":  # named up to its segment's end, or the } it runs into
            rest = template[m.start() :]
            end = re.search(r"[/?&#=]|\}", rest)
            stop = len(rest) if end is None else end.end() if end.group() == "}" else end.start()
            problem = f"an unclosed {{ in {rest[:stop]}"
        else:
            start = max(template.rfind(c, 0, m.start()) for c in "/?&#={}") + 1
            problem = f"a }} without {{ in {template[start : m.end()]}"
        raise QuoteCheckError(
            f"the review URL has {problem}: only {{id}} is a placeholder (the check id): "
            f"{template!r}"
        )
    parts = urlsplit(template.replace("{id}", "1"))
    if not parts.hostname:
        raise QuoteCheckError(f"the review URL has no host: {template!r}")
    try:
        parts.port  # noqa: B018  (parsing it is the check)
    except ValueError:
        raise QuoteCheckError(f"the review URL has a bad port: {template!r}") from None
    scheme_end = template.index("://")
    return template[:scheme_end].lower() + template[scheme_end:]


def review_page_url(template: str, check_id: int) -> str:
    """The page of one check: `{id}` in the template is replaced by the check id; a template
    without it is a base the id is appended to (after a slash unless it ends in / = or #)."""
    template = check_review_url(template)
    if "{id}" in template:
        return template.replace("{id}", str(check_id))
    return template + ("" if template.endswith(("/", "=", "#")) else "/") + str(check_id)


def claim_has_words(check: dict[str, Any]) -> bool:
    """Whether a saved check has a claim to review: older versions saved empty ones, and a
    lone quotation mark or a stray symbol is no claim either."""
    return bool(words(str(check.get("claim") or "")))


def claim_key(claim: str) -> str:
    """What two checks of the same claim share: the text but for case, spacing and the
    typographic style of quotation marks and dashes."""
    return " ".join(fold(claim).split())


@dataclass(frozen=True, slots=True)
class CheckSelection:
    """Which saved checks to publish: every one by default, or those with these ids, those
    checked on or after `since`, those whose published verdict is one of `verdicts`, those
    whose evidence a person has verified (`reviewed_only`). Whatever
    the selection, a check whose claim has no words is left out, and of several checks of the
    same claim (`claim_key`) only the latest is published."""

    ids: tuple[int, ...] | None = None
    since: dt.date | None = None
    verdicts: frozenset[str] | None = None
    reviewed_only: bool = False  # only verdicts resting on quotes a person has verified


def parse_check_ids(values: Sequence[str]) -> tuple[int, ...]:
    """Check ids as a user writes them: "3,5,8", ranges "10-20", or several such values."""
    ids: list[int] = []
    for part in (p.strip() for value in values for p in value.split(",")):
        if not part:
            continue
        m = re.fullmatch(r"(\d+)(?:\s*[-\u2013]\s*(\d+))?", part)
        if m is None:
            raise QuoteCheckError(
                f"--ids: {part!r} is not a check id or a range of ids (e.g. 3,5,8 or 10-20)"
            )
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        if last < first:
            raise QuoteCheckError(
                f"--ids: the range {part!r} runs backwards (write {last}-{first})"
            )
        ids.extend(range(first, last + 1))
    if not ids:
        raise QuoteCheckError("--ids: no check id given (e.g. 3,5,8 or 10-20)")
    return tuple(dict.fromkeys(ids))


def parse_since(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise QuoteCheckError(
            f"--since: {text!r} is not a date; write it as YYYY-MM-DD (e.g. 2024-05-01)"
        ) from None


def parse_verdicts(values: Sequence[str]) -> frozenset[str]:
    """Verdicts as a user writes them: "verified,contradicted"; "not found" also as
    not-found or not_found (a space needs quoting in a shell)."""
    chosen = set()
    for part in (p.strip() for value in values for p in value.split(",")):
        if not part:
            continue
        verdict = " ".join(re.split(r"[\s_-]+", part.lower()))
        if verdict not in VERDICTS:
            raise QuoteCheckError(
                f"--verdict: unknown verdict {part!r}; use one or more of "
                + ", ".join(v.replace(" ", "-") for v in VERDICTS)
            )
        chosen.add(verdict)
    if not chosen:
        raise QuoteCheckError("--verdict: no verdict given (e.g. verified,contradicted)")
    return frozenset(chosen)


@dataclass(slots=True)
class VerdictChange:
    check_id: int
    saved: str
    current: str

    def __str__(self) -> str:
        return f"#{self.check_id} {self.saved} \u2192 {self.current}"


@dataclass(slots=True)
class ChecksForReview:
    """The checks to publish, each with the verdict it is published with, and what choosing
    them found: checks left out and why, verdicts that changed since they were saved, saved
    verdicts gone stale."""

    checks: list[dict[str, Any]]
    rechecked: bool  # False: the saved verdicts as they were (`as_saved`)
    checked_again: int = 0
    changes: list[VerdictChange] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # why -> how many
    stale: list[int] = field(default_factory=list)  # as saved: ids whose evidence is gone

    def keep(
        self, checks: list[dict[str, Any]], rule: Callable[[dict[str, Any]], bool], why: str
    ) -> list[dict[str, Any]]:
        """The checks that pass `rule`; those that do not are counted as skipped, `why`."""
        kept = [c for c in checks if rule(c)]
        if len(kept) < len(checks):
            self.skipped[why] = self.skipped.get(why, 0) + len(checks) - len(kept)
        return kept

    def skipped_summary(self) -> str:
        total = sum(self.skipped.values())
        reasons = ", ".join(f"{n} {why}" for why, n in self.skipped.items())
        return f"skipped {total} saved check(s): {reasons}"

    def nothing_to_export(self) -> str:
        """Why no review is left, for the error."""
        if self.skipped:
            return f"no saved claim checks to export ({self.skipped_summary()})"
        return "no saved claim checks to export (run quotecheck check first)"

    def notes(self) -> list[str]:
        """What the export did beyond writing the reviews, one line each."""
        notes = []
        if self.skipped:
            notes.append(self.skipped_summary())
        if self.rechecked:
            changed = (
                f"{len(self.changes)} verdict(s) changed since saved ({listed(self.changes)}); "
                "--as-saved exports the saved verdicts"
                if self.changes
                else "no verdict changed since saved"
            )
            notes.append(f"checked {self.checked_again} claim(s) again: {changed}")
        elif self.stale:
            notes.append(
                f"{len(self.stale)} saved verdict(s) rest on a quote since rejected or removed "
                f"from the record ({listed(f'#{i}' for i in self.stale)}); without --as-saved "
                "the claims are checked again"
            )
        return notes


def listed(items: Iterable[object], most: int = 10) -> str:
    """The first few of many, comma-separated: a note stays one line."""
    shown = [str(x) for x in items]
    more = f", \u2026 ({len(shown) - most} more)" if len(shown) > most else ""
    return ", ".join(shown[:most]) + more


def evidence_quote_ids(check: dict[str, Any]) -> list[int]:
    """The recorded quotes a verdict rests on, the one it names first: the best match (every
    quote of a window of adjacent quotes); none for "not found", which rests on nothing."""
    best = check["matches"][0] if check.get("matches") else None
    if not best or best.get("quote_id") is None or check["verdict"] == "not found":
        return []
    window = [int(i) for i in best.get("quote_ids") or ()]
    first = int(best["quote_id"])
    return [first, *(i for i in window if i != first)]


def evidence_status(quote_ids: Sequence[int], quotes: dict[int, dict[str, Any]]) -> str | None:
    """The review status of a verdict's evidence (`EVIDENCE_NOTES`): of several quotes, the
    least reviewed; "removed" for a quote no longer on record; None without evidence."""
    if not quote_ids:
        return None
    statuses = [
        (quotes[i]["status"] or "unreviewed") if i in quotes else "removed" for i in quote_ids
    ]
    return min(statuses, key=lambda s: EVIDENCE_ORDER.index(s) if s in EVIDENCE_ORDER else 0)


def evidence_statuses(store: Store, checks: Sequence[dict[str, Any]]) -> dict[int, str | None]:
    """`evidence_status` of each check, by check id (one query for them all)."""
    evidence = {c["id"]: evidence_quote_ids(c) for c in checks}
    quotes = store.quotes_by_ids(sorted({i for ids in evidence.values() for i in ids}))
    return {check_id: evidence_status(ids, quotes) for check_id, ids in evidence.items()}


def select_saved_checks(
    store: Store, selection: CheckSelection, found: ChecksForReview, limit: int = 100000
) -> list[dict[str, Any]]:
    """The saved checks a selection names, newest first, but for those with no words and the
    older checks of a claim checked again (counted in `found.skipped`). Selecting by verdict
    waits for the verdicts to be published."""
    saved = store.checks(limit)
    chosen = saved
    if selection.ids is not None:
        by_id = {c["id"]: c for c in saved}
        missing = [i for i in selection.ids if i not in by_id]
        if missing:
            known = f"ids {min(by_id)} to {max(by_id)}" if by_id else "none"
            raise QuoteCheckError(f"no saved check with id {listed(missing)} (saved: {known})")
        wanted = set(selection.ids)
        chosen = [c for c in saved if c["id"] in wanted]
    if selection.since is not None:
        since = selection.since.isoformat()
        chosen = found.keep(
            chosen, lambda c: str(c["checked_at"])[:10] >= since, f"checked before {since}"
        )
    chosen = found.keep(chosen, claim_has_words, "whose claim has no words")
    latest: dict[str, dict[str, Any]] = {}
    for check in chosen:
        key = claim_key(check["claim"])
        other = latest.get(key)
        if other is None or (check["checked_at"], check["id"]) > (other["checked_at"], other["id"]):
            latest[key] = check
    return found.keep(
        chosen,
        lambda c: latest[claim_key(c["claim"])] is c,
        "superseded by a later check of the same claim",
    )


def checks_for_review(
    store: Store,
    selection: CheckSelection | None = None,
    *,
    as_saved: bool = False,
    limit: int = 100000,
    progress: Callable[[int, int], None] | None = None,
) -> ChecksForReview:
    """The saved checks to publish as ClaimReview (`selection`: all by default). A published
    rating must rest on the record as it is now (a quote may have been rejected, an article
    deleted since), so each claim is checked again, dated today; `as_saved` keeps the saved
    verdicts and dates. `progress(done, total)` is called as claims are checked (1,000 claims
    take seconds: about 7 s on 20,000 quotes, 25 s on a million)."""
    selection = selection or CheckSelection()
    found = ChecksForReview(checks=[], rechecked=not as_saved)
    chosen = select_saved_checks(store, selection, found, limit)
    if not as_saved:
        chosen = recheck(store, chosen, found, progress)
    if selection.verdicts is not None:
        wanted = selection.verdicts
        named = [v for v in VERDICTS if v in wanted]
        chosen = found.keep(
            chosen,
            lambda c: c["verdict"] in wanted,
            f"whose verdict is not {named[0]}"
            if len(named) == 1
            else f"whose verdict is none of {', '.join(named)}",
        )
    if selection.reviewed_only or as_saved:
        statuses = evidence_statuses(store, chosen)
        if selection.reviewed_only:
            chosen = found.keep(
                chosen, lambda c: statuses[c["id"]] is not None, "resting on no recorded quote"
            )
            chosen = found.keep(
                chosen,
                lambda c: statuses[c["id"]] == "verified",
                "whose recorded quote no person has verified",
            )
        found.stale = [c["id"] for c in chosen if statuses[c["id"]] in STALE_EVIDENCE]
    found.checks = chosen
    return found


def recheck(
    store: Store,
    checks: Sequence[dict[str, Any]],
    found: ChecksForReview,
    progress: Callable[[int, int], None] | None = None,
) -> list[dict[str, Any]]:
    """Each check made again, dated now; verdicts that changed are added to `found.changes`."""
    matcher = Matcher(store)  # one for all: it keeps term rarity and names between claims
    checked_at = now()
    out = []
    for done, check in enumerate(checks, 1):
        current = {
            **matcher.check(check["claim"]).to_record(),
            "id": check["id"],
            "claim": check["claim"],  # as the desk wrote it (the matcher tidies it)
            "checked_at": checked_at,
        }
        if current["verdict"] != check["verdict"]:
            found.changes.append(VerdictChange(check["id"], check["verdict"], current["verdict"]))
        out.append(current)
        found.checked_again += 1
        if progress is not None:
            progress(done, len(checks))
    return out


def claim_reviews(
    store: Store,
    *,
    organisation: str,
    organisation_url: str | None = None,
    review_url: str | None = None,
    checks: Sequence[dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """ClaimReviews of `checks`, by default of the saved checks checked again
    (`checks_for_review`)."""
    chosen = checks_for_review(store).checks if checks is None else checks
    return [
        claim_review(
            store,
            c,
            organisation=organisation,
            organisation_url=organisation_url,
            review_url=review_url,
        )
        for c in chosen
    ]
