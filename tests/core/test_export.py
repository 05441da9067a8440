from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import subprocess
import time
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from quotecheck import QuoteCheckError
from quotecheck import export as export_module
from quotecheck.cli import main
from quotecheck.export import (
    FORMULA_TRIGGERS,
    VERDICT_RATINGS,
    build_sheet,
    check_review_url,
    checks_for_review,
    claim_review,
    describe_selection,
    neutralise_cell,
    render_csv,
    render_html,
    render_json,
    render_markdown,
    write_sheet,
)
from quotecheck.importing import import_seeds
from quotecheck.match import VERDICTS, Matcher
from quotecheck.store import QuoteFilter, Store

HOSTILE = '<script>alert("x")</script> =HYPERLINK("http://evil.example","click"), he said'


@pytest.fixture
def seed_store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "seed.db")
    import_seeds(store)
    ids = [r["id"] for r in store.quotes()]
    store.set_status(ids, "verified")
    return store


@pytest.fixture
def hostile_store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "hostile.db")
    store.add_quote_records(
        [
            {"text": HOSTILE, "speaker": "=cmd|' /C calc'!A0", "source": "@SUM(1+1)"},
            {"text": "-2+3 is not a formula", "speaker": "+Plus Person"},
        ]
    )
    store.set_status([1, 2], "verified", note='<img src=x onerror="alert(1)">')
    return store


def test_sheet_defaults_to_verified_quotes_only(seed_store: Store) -> None:
    seed_store.set_status([1], "disputed")
    sheet = build_sheet(seed_store)
    assert 1 not in [q.id for q in sheet.quotes]
    assert all(q.status == "verified" for q in sheet.quotes)
    assert sheet.selection == "quotes where status is verified"
    everything = build_sheet(seed_store, quote_filter=QuoteFilter())
    assert len(everything.quotes) == len(sheet.quotes) + 1
    chosen = build_sheet(seed_store, ids=[2, 1])
    assert [q.id for q in chosen.quotes] == [2, 1]
    with pytest.raises(QuoteCheckError, match="no quote with id 999"):
        build_sheet(seed_store, ids=[999])


def test_grouping_keeps_each_quote_once(seed_store: Store) -> None:
    for group_by in ("speaker", "source", "article", "none"):
        sheet = build_sheet(seed_store, group_by=group_by)
        grouped = [q.id for _, quotes in sheet.groups() for q in quotes]
        assert sorted(grouped) == sorted(q.id for q in sheet.quotes)
    names = [name for name, _ in build_sheet(seed_store, group_by="speaker").groups()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("render", [render_html, render_markdown, render_csv, render_json])
def test_every_format_carries_texts_speakers_and_sources(seed_store: Store, render) -> None:  # type: ignore[no-untyped-def]
    sheet = build_sheet(seed_store, title="Seed sheet")
    out = render(sheet)
    assert "Seed sheet" in out or render is render_csv
    for q in sheet.quotes:
        words = q.text.split()
        assert " ".join(words[:4]) in out.replace("\\", "")
        assert q.speaker and q.speaker in out
        if q.source:
            assert q.source in out


def test_csv_round_trips_through_the_csv_module(seed_store: Store) -> None:
    sheet = build_sheet(seed_store)
    rows = list(csv.DictReader(io.StringIO(render_csv(sheet))))
    assert [int(r["id"]) for r in rows] == [q.id for q in sheet.quotes]
    assert [r["text"] for r in rows] == [q.text for q in sheet.quotes]
    assert render_csv(sheet, bom=True).startswith("\ufeff")


def test_hostile_text_is_inert_in_csv(hostile_store: Store) -> None:
    rows = list(csv.reader(io.StringIO(render_csv(build_sheet(hostile_store)))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(FORMULA_TRIGGERS) for cell in cells)
    assert (
        "'=cmd|' /C calc'!A0" in cells
        and "'@SUM(1+1)" in cells
        and "'-2+3 is not a formula" in cells
    )
    assert HOSTILE in cells  # starts with '<': kept exactly, commas and quotes survive
    assert neutralise_cell("\tx") == "'\tx" and neutralise_cell("plain") == "plain"


def test_hostile_text_is_inert_in_html_and_markdown(hostile_store: Store) -> None:
    sheet = build_sheet(hostile_store)
    page = render_html(sheet)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x" in page
    md = render_markdown(sheet)
    assert not re.search(r"(?<!\\)<(script|img)", md)  # every < escaped: shown, never run
    assert "\\<script\\>" in md


def test_json_is_complete(seed_store: Store) -> None:
    data = json.loads(render_json(build_sheet(seed_store)))
    assert data["count"] == len(data["quotes"]) == 7
    first = data["quotes"][0]
    assert {"text", "speaker", "speaker_role", "source", "article", "start", "end"} <= first.keys()


def test_write_sheet_is_atomic_and_checks_its_target(seed_store: Store, tmp_path: Path) -> None:
    sheet = build_sheet(seed_store)
    target = write_sheet(sheet, "md", tmp_path / "sheet.md")
    assert target.read_text(encoding="utf-8").startswith("# Verified quotes")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    with pytest.raises(QuoteCheckError, match="does not exist"):
        write_sheet(sheet, "md", tmp_path / "missing" / "sheet.md")
    with pytest.raises(QuoteCheckError, match="unknown format"):
        write_sheet(sheet, "docx", tmp_path / "sheet.docx")


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed"
)
def test_pdf_export_contains_the_quotes(
    seed_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "sheet.pdf"
    seed_store.close()
    code = main(
        ["--db", str(tmp_path / "seed.db"), "export", "-o", str(pdf), "--page-size", "letter"]
    )
    assert code == 0
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(unicodedata.normalize("NFKC", text).split())  # "ﬁ" ligatures -> "fi"
    assert "Verified quotes" in flat
    assert "not waste any moment" in flat and "Fumio Kishida" in flat and "KCNA" in flat
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "612 x 792" in info  # Letter


def test_cli_export_formats_and_errors(
    seed_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "seed.db")
    seed_store.close()
    for fmt in ("html", "md", "csv", "json"):
        out = tmp_path / f"sheet.{fmt}"
        assert main(["--db", db, "export", "-o", str(out), "--group-by", "source"]) == 0
        assert "Kishida" in out.read_text(encoding="utf-8")
    assert main(["--db", db, "export", "-o", str(tmp_path / "x.md"), "--status", "rejected"]) == 1
    assert "nothing to export" in capsys.readouterr().err
    assert main(["--db", db, "export", "-o", str(tmp_path / "sheet.docx")]) == 1
    assert "--format" in capsys.readouterr().err


def test_claimreview_has_the_required_fields(seed_store: Store, tmp_path: Path) -> None:
    kishida = seed_store.quotes(QuoteFilter(speaker="Fumio Kishida", text="moment"))[0]
    seed_store.db.execute(
        "UPDATE articles SET url = 'https://example.org/nk-japan', published = '2023-10-02'"
    )
    check_id = seed_store.save_check(
        {
            "claim": "Kishida said Japan should not waste any moment",
            "claimed_speaker": "Kishida",
            "verdict": "verified",
            "explanation": "The words match a recorded quote of Fumio Kishida.",
            "matches": [{"quote_id": kishida["id"], "score": 100}],
        }
    )
    saved = next(c for c in seed_store.checks() if c["id"] == check_id)
    review = claim_review(
        seed_store, saved, organisation="Example Checks", organisation_url="https://checks.example"
    )
    assert review["@type"] == "ClaimReview" and review["@context"] == "https://schema.org"
    assert review["claimReviewed"] == "Kishida said Japan should not waste any moment"
    assert review["reviewRating"]["alternateName"] == "verified"
    assert review["reviewRating"]["ratingExplanation"].startswith("The words match")
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {
        "@type": "Person",
        "name": "Fumio Kishida",
        "jobTitle": "Japanese prime minister",
    }
    assert (
        item["appearance"][0]["url"]
        == item["firstAppearance"]["url"]
        == "https://example.org/nk-japan"
    )
    assert item["datePublished"] == "2023-10-02"
    assert review["author"] == {
        "@type": "Organization",
        "name": "Example Checks",
        "url": "https://checks.example",
    }
    assert review["datePublished"]

    seed_store.close()
    out = tmp_path / "reviews.json"
    assert (
        main(
            [
                "--db",
                str(tmp_path / "seed.db"),
                "export-checks",
                "-o",
                str(out),
                "--org-name",
                "Example Checks",
            ]
        )
        == 0
    )
    assert (
        json.loads(out.read_text(encoding="utf-8"))[0]["claimReviewed"] == review["claimReviewed"]
    )


def test_claimreview_needs_an_organisation(
    seed_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_store.close()
    code = main(
        ["--db", str(tmp_path / "seed.db"), "export-checks", "-o", str(tmp_path / "r.json")]
    )
    assert code == 1 and "--org-name" in capsys.readouterr().err


def test_claimreview_names_no_author_for_a_claim_the_record_does_not_confirm(
    seed_store: Store,
) -> None:
    """ "Kim Yo Jong said X" (misattributed) is someone's claim about Kim, not Kim's: no author,
    no appearance; the article holding the real quote is the review's evidence."""
    kishida = seed_store.quotes(QuoteFilter(speaker="Fumio Kishida", text="moment"))[0]
    seed_store.db.execute("UPDATE articles SET url = 'https://example.org/nk-japan'")
    seed_store.save_check(
        {
            "claim": "Kim Yo Jong said Japan should not waste any moment",
            "claimed_speaker": "Kim Yo Jong",
            "verdict": "misattributed",
            "matches": [{"quote_id": kishida["id"], "score": 100}],
        }
    )
    seed_store.save_check(
        {
            "claim": "Kishida said Japan should not waste a single moment",
            "claimed_speaker": "Kishida",
            "verdict": "altered",
            "matches": [{"quote_id": kishida["id"], "score": 90}],
        }
    )
    seed_store.save_check(
        {
            "claim": "North Korea said talks are off",
            "claimed_speaker": "North Korea",
            "verdict": "not found",
            "matches": [],
        }
    )
    not_found, altered, misattributed = (
        claim_review(seed_store, c, organisation="Desk") for c in seed_store.checks()
    )
    for review in (misattributed, altered, not_found):
        item = review["itemReviewed"]
        assert {"author", "appearance", "firstAppearance", "datePublished"}.isdisjoint(item)
    for review in (misattributed, altered):
        assert review["citation"] == [
            {
                "@type": "CreativeWork",
                "url": "https://example.org/nk-japan",
                "name": "North Korea rejects talks with Japan at any level",
            }
        ]
    assert "citation" not in not_found


def test_mixed_sheet_says_what_it_is(seed_store: Store) -> None:
    seed_store.set_status([1], "rejected")
    sheet = build_sheet(seed_store, quote_filter=QuoteFilter())
    assert sheet.title == "Quotes"
    assert "[rejected]" in render_html(sheet) and "[rejected]" in render_markdown(sheet)
    assert build_sheet(seed_store).title == "Verified quotes"


def test_markdown_links_survive_and_collection_urls_are_shown(tmp_path: Path) -> None:
    store = Store(tmp_path / "u.db")
    store.add_quote_records(
        [{"text": "We will win.", "speaker": "A", "url": "https://example.org/news/my_story_2024"}]
    )
    store.set_status([1], "verified")
    sheet = build_sheet(store)
    assert "<https://example.org/news/my_story_2024>" in render_markdown(sheet)
    assert 'href="https://example.org/news/my_story_2024"' in render_html(sheet)


def test_exported_files_get_normal_permissions(seed_store: Store, tmp_path: Path) -> None:
    import os

    target = write_sheet(build_sheet(seed_store), "md", tmp_path / "sheet.md")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def _saved_check(store: Store, verdict: str) -> dict[str, object]:
    check_id = store.save_check({"claim": f"A claim rated {verdict}", "verdict": verdict})
    return next(c for c in store.checks() if c["id"] == check_id)


@pytest.mark.parametrize("verdict", VERDICTS)
def test_claimreview_rating_is_on_the_documented_scale(seed_store: Store, verdict: str) -> None:
    rating = claim_review(seed_store, _saved_check(seed_store, verdict), organisation="Desk")[
        "reviewRating"
    ]
    assert rating["alternateName"] == verdict  # the textual verdict is always there
    if verdict == "not found":  # not on record is no judgement of truth: no number at all
        assert not {"ratingValue", "bestRating", "worstRating"} & rating.keys()
    else:
        assert (rating["worstRating"], rating["bestRating"]) == (1, 4)
        assert rating["ratingValue"] == VERDICT_RATINGS[verdict]


def test_claimreview_of_a_topic_has_no_rating_number(seed_store: Store) -> None:
    # "Kishida on talks with North Korea" names a topic, not words: no judgement of truth
    check_id = seed_store.save_check(
        {
            "claim": "Kishida on talks with North Korea",
            "claimed_speaker": "Kishida",
            "verdict": "paraphrase",
            "flags": ["topic"],
        }
    )
    check = next(c for c in seed_store.checks() if c["id"] == check_id)
    rating = claim_review(seed_store, check, organisation="Desk")["reviewRating"]
    assert rating["alternateName"] == "paraphrase"  # the textual verdict is still given
    assert not {"ratingValue", "bestRating", "worstRating"} & rating.keys()
    assert "topic" in rating["ratingExplanation"]
    # the same verdict without the flag keeps its rung
    plain = claim_review(seed_store, _saved_check(seed_store, "paraphrase"), organisation="Desk")
    assert plain["reviewRating"]["ratingValue"] == VERDICT_RATINGS["paraphrase"]


def test_export_checks_skips_checks_with_an_empty_claim(
    seed_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for claim in ("", "  \n\t "):  # saved by older versions: no claim to review
        seed_store.save_check({"claim": claim, "verdict": "not found"})
    kept = _saved_check(seed_store, "verified")
    seed_store.close()
    db, out = str(tmp_path / "seed.db"), tmp_path / "reviews.json"
    capsys.readouterr()
    base = ["--db", db, "export-checks", "-o", str(out), "--org-name", "Desk"]
    assert main([*base, "--as-saved"]) == 0
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert [r["claimReviewed"] for r in reviews] == [kept["claim"]]
    captured = capsys.readouterr()
    assert "1 ClaimReview record(s)" in captured.out
    assert captured.err == (
        "quotecheck: note: skipped 2 saved check(s): 2 whose claim has no words\n"
    )

    with Store(db) as store:  # nothing but empty claims: nothing to export, and it says why
        store.db.execute("DELETE FROM checks WHERE id = ?", [kept["id"]])
    out.unlink()
    assert main(base) == 1
    err = capsys.readouterr().err
    assert "no saved claim checks to export" in err and "2" in err and not out.exists()


KISHIDA_CLAIM = "Kishida said Japan should not waste any moment"
LONG_AGO = "2024-01-05T10:00:00+00:00"


def _checked(store: Store, claim: str) -> int:
    """A check as `quotecheck check` saves it, dated long ago."""
    record = Matcher(store).check(claim).to_record()
    return store.save_check({**record, "checked_at": LONG_AGO})


def _export_checks(db: str, out: Path, *options: str) -> list[dict[str, Any]]:
    assert main(["--db", db, "export-checks", "-o", str(out), "--org-name", "Desk", *options]) == 0
    reviews: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8"))
    return reviews


@pytest.mark.parametrize("evidence_gone", ["rejected", "article deleted"])
def test_export_checks_a_verdict_again_when_its_evidence_is_gone(
    seed_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str], evidence_gone: str
) -> None:
    """A verified claim whose quote was since rejected, or whose article was deleted, must
    not be published as verified: the claim is checked again, dated today."""
    check_id = _checked(seed_store, KISHIDA_CLAIM)
    (saved,) = seed_store.checks()
    assert saved["verdict"] == "verified"
    quote_id = saved["matches"][0]["quote_id"]
    if evidence_gone == "rejected":
        seed_store.set_status([quote_id], "rejected")
    else:
        seed_store.delete_articles([seed_store.quote(quote_id)["article_id"]])
    seed_store.close()
    db, out = str(tmp_path / "seed.db"), tmp_path / "reviews.json"
    capsys.readouterr()

    (review,) = _export_checks(db, out)
    assert review["reviewRating"]["alternateName"] != "verified"
    assert review["datePublished"] == dt.datetime.now(dt.UTC).date().isoformat()
    assert "author" not in review["itemReviewed"]
    note = capsys.readouterr().err
    assert note.count("\n") == 1 and "1 verdict(s) changed since saved" in note
    assert f"#{check_id} verified \u2192 " in note and "--as-saved" in note

    (review,) = _export_checks(db, out, "--as-saved")  # asked for: as saved, with a warning
    assert review["reviewRating"]["alternateName"] == "verified"
    assert review["datePublished"] == LONG_AGO[:10]
    note = capsys.readouterr().err
    assert (
        note.count("\n") == 1 and f"since rejected or removed from the record (#{check_id})" in note
    )


def test_export_checks_keeps_a_verdict_that_still_holds(
    seed_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _checked(seed_store, KISHIDA_CLAIM)
    seed_store.close()
    capsys.readouterr()
    (review,) = _export_checks(str(tmp_path / "seed.db"), tmp_path / "reviews.json")
    assert review["reviewRating"]["alternateName"] == "verified"
    assert review["itemReviewed"]["author"]["name"] == "Fumio Kishida"
    assert review["datePublished"] == dt.datetime.now(dt.UTC).date().isoformat()
    assert "no verdict changed since saved" in capsys.readouterr().err


def test_export_checks_a_thousand_claims_with_one_matcher(
    seed_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checking again is one Matcher for all the claims (it keeps term rarity and names
    between them): 1,000 checks export in well under the time of 1,000 separate starts."""
    words = [q["text"].split() for q in seed_store.quotes()]
    for n in range(1000):
        quote = words[n % len(words)]
        start = n % max(1, len(quote) - 3)
        seed_store.save_check(
            {"claim": f"Kishida said {' '.join(quote[start:])} ({n})", "verdict": "verified"}
        )
    made = []
    monkeypatch.setattr(
        export_module, "Matcher", lambda store: made.append(store) or Matcher(store)
    )
    started = time.perf_counter()
    chosen = checks_for_review(seed_store)
    elapsed = time.perf_counter() - started
    assert len(chosen.checks) == 1000 and len(made) == 1
    assert elapsed < 30, f"checking 1,000 claims again took {elapsed:.1f} s"


def _save_checks(store: Store, *checks: tuple[str, str, str]) -> list[int]:
    """Saved checks of (claim, verdict, checked_at); the verdicts are made up, so tests of
    choosing checks export them --as-saved."""
    return [
        store.save_check({"claim": claim, "verdict": verdict, "checked_at": checked_at})
        for claim, verdict, checked_at in checks
    ]


def test_export_checks_leaves_out_wordless_claims_and_older_checks_of_a_claim(
    seed_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _save_checks(
        seed_store,
        (
            'Kishida said Japan should "not waste any moment"',
            "altered",
            "2024-03-01T09:00:00+00:00",
        ),
        ("\u201d", "not found", "2024-03-02T09:00:00+00:00"),  # a lone quotation mark
        ("  \u2026 -- !", "not found", "2024-03-03T09:00:00+00:00"),
        (
            "kishida said  Japan should \u201cnot waste any moment\u201d",
            "verified",
            "2024-03-04T09:00:00+00:00",
        ),
        ("asdf qwerty zxcv", "not found", "2024-03-05T09:00:00+00:00"),
    )
    seed_store.close()
    db, out = str(tmp_path / "seed.db"), tmp_path / "reviews.json"
    capsys.readouterr()
    reviews = _export_checks(db, out, "--as-saved")
    assert [(r["claimReviewed"], r["reviewRating"]["alternateName"]) for r in reviews] == [
        ("asdf qwerty zxcv", "not found"),
        ("kishida said  Japan should \u201cnot waste any moment\u201d", "verified"),  # the latest
    ]
    assert capsys.readouterr().err == (
        "quotecheck: note: skipped 3 saved check(s): 2 whose claim has no words, "
        "1 superseded by a later check of the same claim\n"
    )
    # checked again by default: the claim is checked once, the keyboard mash is "not found",
    # and a desk that publishes only judgements leaves that verdict out
    reviews = _export_checks(db, out, "--verdict", "verified,altered,contradicted")
    assert [r["claimReviewed"] for r in reviews] == [
        "kishida said  Japan should \u201cnot waste any moment\u201d"
    ]
    note = capsys.readouterr().err
    assert "1 whose verdict is none of verified, altered, contradicted" in note
    assert "checked 2 claim(s) again" in note


def test_export_checks_chooses_by_id_date_and_verdict(
    seed_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _save_checks(
        seed_store,
        ("First claim", "verified", "2024-01-10T09:00:00+00:00"),
        ("Second claim", "contradicted", "2024-02-10T09:00:00+00:00"),
        ("Third claim", "not found", "2024-03-10T09:00:00+00:00"),
        ("Fourth claim", "altered", "2024-04-10T23:59:00+00:00"),
    )
    seed_store.close()
    db, out = str(tmp_path / "seed.db"), tmp_path / "reviews.json"

    def exported(*options: str) -> list[str]:
        reviews = _export_checks(
            db, out, "--as-saved", "--review-url", "https://d.example/", *options
        )
        return [r["url"].rsplit("/", 1)[1] for r in reviews]

    first, second, third, fourth = (str(i) for i in ids)
    assert exported("--ids", f"{ids[0]},{ids[2]}-{ids[3]}") == [fourth, third, first]
    assert exported("--ids", first, third) == [third, first]
    assert exported("--since", "2024-03-10") == [fourth, third]
    assert exported("--verdict", "contradicted,not-found") == [third, second]
    assert exported("--verdict", "Not Found", "--verdict", "verified") == [third, first]
    assert exported("--since", "2024-02-01", "--verdict", "verified,altered") == [fourth]
    note = capsys.readouterr().err.splitlines()[-1]
    assert note == (
        "quotecheck: note: skipped 3 saved check(s): 1 checked before 2024-02-01, "
        "2 whose verdict is none of verified, altered"
    )


@pytest.mark.parametrize(
    ("options", "named"),
    [
        (["--ids", "3,99"], "no saved check with id 99 (saved: ids 1 to 4)"),
        (["--ids", "2,x"], "--ids: 'x' is not a check id or a range of ids"),
        (["--ids", "4-2"], "--ids: the range '4-2' runs backwards"),
        (["--ids", ","], "--ids: no check id given"),
        (["--since", "yesterday"], "--since: 'yesterday' is not a date; write it as YYYY-MM-DD"),
        (["--since", "2024-13-01"], "--since: '2024-13-01' is not a date"),
        (["--verdict", "verified,true"], "--verdict: unknown verdict 'true'; use one or more of"),
    ],
)
def test_export_checks_names_a_bad_selection(
    seed_store: Store,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
    named: str,
) -> None:
    for n in range(4):
        _saved_check(seed_store, VERDICTS[n])
    seed_store.close()
    out = tmp_path / "reviews.json"
    base = ["--db", str(tmp_path / "seed.db"), "export-checks", "-o", str(out), "--org-name", "D"]
    capsys.readouterr()
    assert main([*base, *options]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and named in err and not out.exists()


@pytest.mark.parametrize(
    ("status", "said"),
    [
        ("unreviewed", "The recorded quote has not been reviewed by a person."),
        ("verified", "A person has verified the recorded quote."),
        ("disputed", "A reviewer has disputed the recorded quote."),
        ("rejected", "A reviewer has since rejected the recorded quote."),
        ("deleted", "The recorded quote it rested on has since been removed from the record."),
    ],
)
def test_claimreview_says_whether_a_person_reviewed_the_evidence(
    seed_store: Store, status: str, said: str
) -> None:
    """A 4/4 "verified" resting on a quote nobody has looked at is the machine's reading:
    the review says what a person made of the quote."""
    _checked(seed_store, KISHIDA_CLAIM)
    (check,) = seed_store.checks()
    quote_id = check["matches"][0]["quote_id"]
    if status == "deleted":
        seed_store.delete_articles([seed_store.quote(quote_id)["article_id"]])
    else:
        seed_store.set_status([quote_id], status)
    rating = claim_review(seed_store, check, organisation="Desk")["reviewRating"]
    assert rating["ratingValue"] == 4
    assert rating["ratingExplanation"] == f"{check['explanation']} {said}"
    # "not found" rests on no quote: nothing to say of one
    not_found = claim_review(seed_store, _saved_check(seed_store, "not found"), organisation="D")
    assert not_found["reviewRating"]["ratingExplanation"] == "Verdict: not found."


def test_export_checks_reviewed_only_keeps_verdicts_on_quotes_a_person_verified(
    seed_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_store.set_status([q["id"] for q in seed_store.quotes()], "unreviewed")
    _checked(seed_store, KISHIDA_CLAIM)
    _checked(seed_store, "Choe Son Hui said there was no interest in any summit meeting with Japan")
    _checked(seed_store, "Kishida said the moon is made of cheese")
    kishida = seed_store.quotes(QuoteFilter(speaker="Fumio Kishida", text="moment"))[0]
    seed_store.set_status([kishida["id"]], "verified")  # Choe's quote stays unreviewed
    seed_store.close()
    db, out = str(tmp_path / "seed.db"), tmp_path / "reviews.json"
    capsys.readouterr()
    (review,) = _export_checks(db, out, "--reviewed-only")
    assert review["claimReviewed"] == KISHIDA_CLAIM
    assert review["reviewRating"]["ratingExplanation"].endswith(
        "A person has verified the recorded quote."
    )
    assert capsys.readouterr().err.splitlines()[0] == (
        "quotecheck: note: skipped 2 saved check(s): 1 resting on no recorded quote, "
        "1 whose recorded quote no person has verified"
    )
    assert len(_export_checks(db, out)) == 3  # without the option: every verdict, labelled


def test_claimreview_cites_an_article_without_a_url_by_name(seed_store: Store) -> None:
    """Most local text imports have no URL: the evidence is then cited by its title (and its
    date and publisher as far as known), not left out."""
    _checked(seed_store, KISHIDA_CLAIM)
    (check,) = seed_store.checks()
    title = "North Korea rejects talks with Japan at any level"
    review = claim_review(seed_store, check, organisation="Desk")
    assert review["citation"] == [{"@type": "CreativeWork", "name": title}]
    assert review["itemReviewed"]["appearance"] == [{"@type": "CreativeWork", "name": title}]

    seed_store.db.execute("UPDATE articles SET published = '2023-10-02', publisher = 'Reuters'")
    (cited,) = claim_review(seed_store, check, organisation="Desk")["citation"]
    assert cited == {
        "@type": "CreativeWork",
        "name": title,
        "datePublished": "2023-10-02",
        "publisher": {"@type": "Organization", "name": "Reuters"},
    }

    # a quote of an imported collection with neither a URL nor an article: nothing to cite
    seed_store.add_quote_records(
        [{"text": "We will build the bridge by May.", "speaker": "Ann Lee"}]
    )
    seed_store.set_status([q["id"] for q in seed_store.quotes()], "verified")
    _checked(seed_store, "Ann Lee said we will build the bridge by May")
    bridge = seed_store.checks()[0]
    assert bridge["verdict"] == "verified"
    assert "citation" not in claim_review(seed_store, bridge, organisation="Desk")


def test_claimreview_scale_orders_the_verdicts_from_true_to_false() -> None:
    assert set(VERDICT_RATINGS) | {"not found"} == set(VERDICTS)  # a new verdict needs a rung
    r = VERDICT_RATINGS
    assert r["verified"] > r["paraphrase"] > r["altered"] > r["contradicted"] == r["misattributed"]
    assert r["contradicted"] == 1 and r["verified"] == 4


def test_claimreview_url_only_when_a_review_url_is_given(
    seed_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check = _saved_check(seed_store, "verified")
    assert "url" not in claim_review(
        seed_store, check, organisation="Desk", organisation_url="https://desk.example"
    )  # the organisation's home page is not the review page: never made up from it
    for template, expected in [
        (
            "https://desk.example/checks/{id}.html",
            f"https://desk.example/checks/{check['id']}.html",
        ),
        ("https://desk.example/checks/", f"https://desk.example/checks/{check['id']}"),
        ("https://desk.example/checks", f"https://desk.example/checks/{check['id']}"),
        ("https://desk.example/c?id=", f"https://desk.example/c?id={check['id']}"),
    ]:
        review = claim_review(seed_store, check, organisation="Desk", review_url=template)
        assert review["url"] == expected

    seed_store.close()
    db, out = str(tmp_path / "seed.db"), tmp_path / "reviews.json"
    # the check's verdict is made up: exported as saved, not checked again
    base = ["--db", db, "export-checks", "-o", str(out), "--org-name", "Desk", "--as-saved"]
    assert main(base) == 0
    assert "url" not in json.loads(out.read_text(encoding="utf-8"))[0]
    assert main([*base, "--review-url", "https://desk.example/checks/{id}"]) == 0
    (review,) = json.loads(out.read_text(encoding="utf-8"))
    assert review["url"] == f"https://desk.example/checks/{check['id']}"
    assert review["reviewRating"]["ratingValue"] == 4
    capsys.readouterr()
    assert main([*base, "--review-url", "desk.example/checks"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "review URL must start with http" in err


@pytest.mark.parametrize(
    ("template", "named"),
    [
        ("https://desk.example/checks/{ID}", "{ID}"),
        ("https://desk.example/checks/{check_id}.html", "{check_id}"),
        ("https://desk.example/{slug}/{id}", "{slug}"),
        ("https://desk.example/checks/{id", "{id"),
        ("https://desk.example/checks/id}", "id}"),
        ("https://desk.example/{{id}}", "{{id}"),
        ("https://:/x", "host"),
        ("https:///checks/", "host"),
        ("https://desk.example:port/", "port"),
    ],
)
def test_review_url_typos_are_one_clear_error(template: str, named: str) -> None:
    with pytest.raises(QuoteCheckError) as exc:
        check_review_url(template)
    message = str(exc.value)
    assert "\n" not in message and named in message


def test_review_url_scheme_is_case_insensitive(seed_store: Store) -> None:
    check = _saved_check(seed_store, "verified")
    for template in ("HTTPS://desk.example/checks/{id}", "Http://desk.example/checks/{id}"):
        review = claim_review(seed_store, check, organisation="Desk", review_url=template)
        scheme = template.split(":")[0].lower()
        assert review["url"] == f"{scheme}://desk.example/checks/{check['id']}"


def test_cli_review_url_errors(
    seed_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _saved_check(seed_store, "verified")
    seed_store.close()
    db, out = str(tmp_path / "seed.db"), tmp_path / "reviews.json"
    base = ["--db", db, "export-checks", "-o", str(out), "--org-name", "Desk"]
    capsys.readouterr()
    for value in ("", "   "):
        assert main([*base, "--review-url", value]) == 1
        err = capsys.readouterr().err
        assert err == (
            "quotecheck: error: --review-url is empty; leave the option out for no url\n"
        )
    assert main([*base, "--review-url", "https://desk.example/checks/{ID}"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "{ID}" in err and "{id}" in err
    assert not out.exists()
    assert main([*base, "--review-url", "HTTPS://desk.example/checks/"]) == 0
    (review,) = json.loads(out.read_text(encoding="utf-8"))
    assert review["url"].startswith("https://desk.example/checks/")


def test_selection_caption_says_what_the_search_matches() -> None:
    caption = describe_selection(QuoteFilter(text="Kishida", status="verified"), None)
    assert (
        caption == "quotes where status is verified and text, speaker or source matches “Kishida”"
    )
