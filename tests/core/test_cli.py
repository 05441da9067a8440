from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotecheck.cli import main
from quotecheck.paths import default_db_path
from quotecheck.store import Store

from .conftest import SEED_TEXT


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_first_use_of_default_database_shows_the_seed_article(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "quotes", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows, "the seed article's quotes should be listed"
    assert all(r["article"] == "North Korea rejects talks with Japan at any level" for r in rows)
    for row in rows:
        assert {"id", "text", "speaker", "source", "kind", "status", "article"} <= row.keys()
        assert row["text"] in SEED_TEXT
    assert default_db_path().exists()
    # a second run does not import the seed again
    run(capsys, "quotes")
    with Store(default_db_path()) as store:
        assert len(store.articles()) == 1


def test_explicit_database_is_not_seeded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "missing.db"), "quotes")
    assert code == 1 and "missing.db does not exist" in err  # a typo never creates a database
    run(
        capsys,
        "--db",
        str(tmp_path / "empty.db"),
        "import-quotes",
        str(write(tmp_path / "e.csv", "text,speaker\n")),
    )
    code, out, _ = run(capsys, "--db", str(tmp_path / "empty.db"), "quotes")
    assert code == 0 and "no quotes" in out


def test_import_folder_stdin_and_duplicates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "q.db")
    folder = tmp_path / "articles"
    folder.mkdir()
    write(folder / "a.txt", 'The minister said: "We will build the bridge."\n')
    write(folder / "b.md", '# Title\n\nShe said "taxes will fall" next year.\n')
    write(folder / "ignored.csv", "not,an,article\n")
    code, out, _ = run(capsys, "--db", db, "import", str(folder))
    assert code == 0
    assert "2 added" in out
    code, out, _ = run(capsys, "--db", db, "import", str(folder / "a.txt"))
    assert "0 added, 1 duplicate" in out

    import io

    stdin = 'He said "stdin works fine" in Zürich.'.encode("latin-1")  # not UTF-8
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code, out, _ = run(capsys, "--db", db, "import", "-")
    assert code == 0 and "1 added" in out
    code, out, _ = run(capsys, "--db", db, "quotes", "--text", "stdin")
    assert "stdin works fine" in out


def test_import_html_keeps_main_text_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "q.db")
    page = write(
        tmp_path / "page.html",
        "<html><head><title>Bridge news</title><script>alert('x')</script>"
        "<style>p{color:red}</style></head><body><nav>Home | About</nav><article>"
        "<p>The minister said on Monday that \u201cthe bridge will open in May\u201d, "
        "according to officials in the capital who spoke to reporters.</p>"
        "<p>Construction began three years ago and has cost more than planned, "
        "according to the audit office, which published its report this week.</p>"
        "</article></body></html>",
    )
    code, out, _ = run(capsys, "--db", db, "import", str(page))
    assert code == 0 and "1 added" in out
    with Store(db) as store:
        article = store.article(1)
    assert article is not None
    assert "the bridge will open in May" in article["text"]
    assert "alert" not in article["text"] and "color:red" not in article["text"]
    assert article["title"] == "Bridge news"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        ("doc.txt", b"%PDF-1.7\n" + bytes(100), "PDF document"),
        ("archive.txt", b"PK\x03\x04" + bytes(100), "zip archive"),
        ("data.bin", b"hello", "not an article file"),
    ],
)
def test_bad_files_are_refused_with_a_reason_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, reason: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = write(tmp_path / "good.txt", 'The mayor said "the park reopens".\n')
    code, out, err = run(capsys, "--db", str(tmp_path / "q.db"), "import", str(bad), str(good))
    assert code == 0
    assert name in err and reason in err
    assert "1 added" in out and "1 refused" in out


def test_non_utf8_text_is_decoded_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "Le ministre a déclaré : « Nous réussirons ensemble », à Genève.".encode("cp1252")
    )
    code, out, _ = run(capsys, "--db", str(tmp_path / "q.db"), "import", str(path))
    assert code == 0 and "not UTF-8; decoded as" in out
    with Store(tmp_path / "q.db") as store:
        article = store.article(1)
    assert article is not None and "réussirons" in article["text"]


def test_review_undo_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "q.db")
    with Store(db) as store:
        store.add_quote_records(
            [
                {"text": "We will build the bridge.", "speaker": "A"},
                {"text": "It will be long.", "speaker": "B"},
            ]
        )
    code, out, _ = run(
        capsys, "--db", db, "review", "1", "2", "--status", "verified", "--note", "ok"
    )
    assert code == 0 and "2 quote(s) marked verified" in out
    code, out, _ = run(capsys, "--db", db, "quotes", "--status", "verified", "--json")
    assert [json.loads(line)["id"] for line in out.splitlines()] == [1, 2]
    code, out, _ = run(capsys, "--db", db, "review", "--undo")
    assert "undone" in out
    code, out, _ = run(capsys, "--db", db, "quotes", "--status", "verified")
    assert "no quotes match" in out

    code, _, err = run(capsys, "--db", db, "review", "42", "--status", "verified")
    assert code == 1 and err.strip() == "quotecheck: error: no quote with id 42"
    code, _, err = run(capsys, "--db", db, "review", "1")
    assert code == 1 and "--status" in err


def test_import_quotes_jsonl_and_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "q.db")
    jsonl = write(
        tmp_path / "c.jsonl",
        json.dumps(
            {
                "text": "Ask not what your country can do for you",
                "speaker": "John F. Kennedy",
                "ref": "k1",
            }
        )
        + "\n\n"
        + json.dumps({"text": "Yes we can", "speaker": "Barack Obama", "date": "2008-01-08"})
        + "\n",
    )
    csv_file = write(
        tmp_path / "c.csv",
        'text,speaker,source\n"I have a dream, today",Martin Luther King Jr.,speech\n',
    )
    code, out, _ = run(capsys, "--db", db, "import-quotes", str(jsonl), str(csv_file))
    assert code == 0 and "2 quote(s)" in out and "1 quote(s)" in out
    code, out, _ = run(capsys, "--db", db, "quotes", "--speaker", "barack obama", "--json")
    assert json.loads(out)["text"] == "Yes we can"


def test_malformed_collection_is_refused_whole_with_line_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "q.db")
    bad = write(
        tmp_path / "bad.jsonl",
        '{"text": "fine", "speaker": "A"}\n{not json}\n{"text": "no speaker"}\n[1, 2]\n',
    )
    code, _, err = run(capsys, "--db", db, "import-quotes", str(bad))
    assert code == 1
    assert "3 malformed line(s), nothing imported" in err
    assert (
        "line 2: not valid JSON" in err and "line 3: missing 'speaker'" in err and "line 4" in err
    )
    with Store(db) as store:
        assert store.count_quotes() == 0


def test_extract_jsonl_offsets_slice_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = write(
        tmp_path / "in.jsonl",
        json.dumps({"doc_id": "d1", "text": SEED_TEXT}) + "\n",
    )
    code, out, _ = run(capsys, "extract", str(docs))
    assert code == 0
    record = json.loads(out)
    assert record["doc_id"] == "d1" and record["quotes"]
    for q in record["quotes"]:
        assert SEED_TEXT[q["start"] : q["end"]] == q["text"]


def test_extract_bad_jsonl_line_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = write(tmp_path / "in.jsonl", '{"doc_id": 1}\n')
    code, _, err = run(capsys, "extract", str(docs))
    assert code == 1 and "line 1" in err and "doc_id" in err and "Traceback" not in err


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    notdb = write(tmp_path / "x.db", "hello")
    proc = subprocess.run(
        [sys.executable, "-m", "quotecheck.cli", "--db", str(notdb), "quotes"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0
    assert "not a QuoteCheck database" in proc.stderr and "Traceback" not in proc.stderr


def test_each_import_line_is_written_as_its_article_is_committed(tmp_path: Path) -> None:
    """stdout to a file (a log): the line of an imported article is there at once, not held
    back until the batch ends, so a log cut short by `kill -9` still lists what was committed.
    The import blocks on stdin (`-`) after the first file; the log must already name it."""
    import os
    import signal
    import time

    db = tmp_path / "q.db"
    article = write(tmp_path / "a.txt", 'The minister said: "We will build the bridge."\n')
    log = tmp_path / "import.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "quotecheck.cli", "--db", str(db), "import", str(article), "-"],
            stdin=subprocess.PIPE,
            stdout=out,
            stderr=subprocess.DEVNULL,
            env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},
        )
        try:
            deadline = time.monotonic() + 30
            while "a.txt" not in log.read_text() and time.monotonic() < deadline:
                assert proc.poll() is None, "the import ended before it read stdin"
                time.sleep(0.05)
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.kill()
            proc.wait()
    assert log.read_text() == f"added     {article}: 1 quote(s)\n"
    with Store(db, read_only=True) as store:
        assert len(store.articles()) == 1


def test_speakers_merge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "q.db"
    with Store(db) as store:
        store.add_quote_records(
            [
                {"text": "one", "speaker": "Kim Jong Un"},
                {"text": "two", "speaker": "Kim Jong-un"},
                {"text": "three", "speaker": "Chairman Kim"},
            ]
        )
    code, out, _ = run(capsys, "--db", str(db), "speakers")
    assert out.count("Kim Jong") == 1  # hyphen/space variants are one speaker
    code, out, _ = run(capsys, "--db", str(db), "speakers", "--merge", "1", "2")
    assert code == 0
    with Store(db) as store:
        assert store.quote(3)["speaker"] == "Kim Jong Un"


def test_file_system_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "q.db")
    with Store(db) as store:
        store.add_quote_records([{"text": "x", "speaker": "A"}])
        store.set_status([1], "verified")
    for argv in (
        ["export", "-o", str(tmp_path / "missing" / "x.html")],
        ["export", "-o", str(tmp_path / "missing" / "x.pdf")],
        ["backup", str(tmp_path / "missing" / "b.db")],
        ["extract", str(tmp_path / "missing.txt")],
        [
            "extract",
            str(write(tmp_path / "in.txt", "He said hi.")),
            "-o",
            str(tmp_path / "missing" / "o.jsonl"),
        ],
    ):
        code, _, err = run(capsys, "--db", db, *argv)
        assert code == 1, argv
        assert err.startswith("quotecheck: error: ") and err.count("\n") == 1, err
        assert "missing" in err


def test_odd_utf16_file_is_refused_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "odd.txt"
    bad.write_bytes(b"\xff\xfeH\x00i\x00!")  # a BOM, then an odd number of bytes
    good = write(tmp_path / "good.txt", 'The mayor said "the park reopens".\n')
    code, out, err = run(capsys, "--db", str(tmp_path / "q.db"), "import", str(bad), str(good))
    assert code == 0 and "not valid UTF-16" in err and "1 added" in out


def test_show_articles_and_speaker_roles(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "quotes", "--speaker", "Fumio Kishida", "--text", "moment", "--json")
    quote = json.loads(out)
    code, out, _ = run(capsys, "show", str(quote["id"]))
    assert code == 0 and "not waste any moment" in out and "context: ..." in out
    assert "Japanese prime minister" in out and "the Diet" in out
    code, out, _ = run(capsys, "articles")
    assert "North Korea rejects talks with Japan at any level" in out and "7 quote(s)" in out
    speaker_id = quote["speaker_id"]
    code, out, _ = run(capsys, "speakers", str(speaker_id), "--role", "Prime Minister of Japan")
    assert code == 0
    code, out, _ = run(capsys, "speakers")
    assert "Fumio Kishida — Prime Minister of Japan" in out
    code, out, _ = run(capsys, "speakers", str(speaker_id))
    assert out.count("\n") == 1 and "Fumio Kishida" in out
    code, _, err = run(capsys, "speakers", "999")
    assert code == 1 and "no speaker with id 999" in err
    code, _, err = run(capsys, "speakers", "--rename", "X")
    assert code == 1 and "say which speaker" in err


def test_text_search_finds_the_quotes_of_a_speaker_or_source_it_names(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "quotes", "--text", "Choe Son Hui", "--json")
    assert code == 0 and [json.loads(line)["speaker"] for line in out.splitlines()] == [
        "Choe Son Hui"  # her name is in no quote's text
    ]
    code, out, _ = run(capsys, "quotes", "--text", "kcna", "--json")
    assert {json.loads(line)["source"] for line in out.splitlines()} == {"KCNA"}


def test_speaker_filter_finds_a_speaker_by_any_of_their_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rishi Sunak, named once in full: `--speaker Sunak` and `--speaker rishi` find him; when
    the words match several speakers, a note on stderr names them."""
    db = str(tmp_path / "q.db")
    article = write(
        tmp_path / "budget.txt",
        'Rishi Sunak said "we are turning the corner" on Monday.\n\n'
        'Kim Jong Un said "there will be no talks" on Tuesday.\n\n'
        'Kim Yo Jong said "talks are possible" on Wednesday.\n',
    )
    run(capsys, "--db", db, "import", str(article))
    for name in ("Sunak", "rishi", "RISHI SUNAK"):
        code, out, err = run(capsys, "--db", db, "quotes", "--speaker", name, "--json")
        rows = [json.loads(line) for line in out.splitlines()]
        assert code == 0 and [r["speaker"] for r in rows] == ["Rishi Sunak"], name
        assert err == ""
    code, out, err = run(capsys, "--db", db, "quotes", "--speaker", "kim")
    assert code == 0 and "Kim Jong Un" in out and "Kim Yo Jong" in out
    assert "--speaker 'kim' matches 2 speakers: Kim Jong Un, Kim Yo Jong" in err
    code, out, err = run(capsys, "--db", db, "quotes", "--speaker", "Sun")
    assert code == 0 and out == "no quotes match\n"
    assert "no speaker with quotes has the words of 'Sun'" in err


def test_reextraction_keeps_ids_and_says_what_it_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "q.db")
    article = write(
        tmp_path / "budget.txt",
        'Rishi Sunak said "we are turning the corner" on Monday.\n\n'
        'Kim Jong Un said "there will be no talks" on Tuesday.\n\n'
        'Kim Yo Jong said "talks are possible" on Wednesday.\n',
    )
    run(capsys, "--db", db, "import", str(article))

    def quotes() -> dict[int, dict[str, object]]:
        _, out, _ = run(capsys, "--db", db, "quotes", "--json")
        return {r["id"]: r for r in map(json.loads, out.splitlines())}

    before = quotes()
    assert sorted(before) == [1, 2, 3]
    run(capsys, "--db", db, "review", "2", "--status", "verified")
    code, out, _ = run(capsys, "--db", db, "import", "--reextract", str(article))
    assert code == 0
    assert f"re-extracted {article}: 2 quote(s) (0 new, 0 dropped), 1 kept (reviewed/edited)" in out
    assert "0 added, 1 re-extracted, 0 duplicate(s), 0 refused, 2 quote(s)" in out
    after = quotes()
    assert after == {**before, 2: after[2]} and after[2]["status"] == "verified"

    # an extractor that now finds the first quote shorter and misses the third
    import dataclasses

    import quotecheck.extract.split as split

    found = split.split_interrupted

    def changed(text, attributions):  # type: ignore[no-untyped-def]
        first, *rest = found(text, attributions)
        return [dataclasses.replace(first, end=first.end - 1, text=first.text[:-1]), *rest[:1]]

    monkeypatch.setattr(split, "split_interrupted", changed)
    code, out, _ = run(capsys, "--db", db, "import", "--reextract", str(article))
    assert f"re-extracted {article}: 1 quote(s) (1 new, 2 dropped), 1 kept (reviewed/edited)" in out
    after = quotes()
    assert sorted(after) == [2, 4] and after[2]["status"] == "verified"
    assert after[4]["text"] == str(before[1]["text"])[:-1]


def test_nul_bytes_in_a_text_file_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "d.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    code, _, err = run(capsys, "--db", str(tmp_path / "q.db"), "import", str(binary))
    assert code == 1 and "binary data (NUL bytes)" in err


def test_markdown_markup_is_removed_on_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    md = write(
        tmp_path / "notes.md",
        '# Heatwave warning\n\n> "People should stay indoors," the **health minister** said.\n\n'
        "- See [the advice](https://example.org/advice).\n",
    )
    db = str(tmp_path / "q.db")
    code, out, _ = run(capsys, "--db", db, "import", str(md))
    assert code == 0 and "Markdown markup removed" in out
    with Store(db) as store:
        article = store.article(1)
        assert article is not None
        assert article["title"] == "Heatwave warning"
        assert article["text"].startswith(
            'Heatwave warning\n\n"People should stay indoors," the health minister said.'
        )
        assert "See the advice." in article["text"]


def test_folder_import_names_the_files_it_skips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    write(folder / "a.txt", 'The mayor said "the park reopens".\n')
    write(folder / "a.json", '{"title": "Park news"}')  # the article's metadata: not reported
    (folder / "c.bin").write_bytes(b"\x00")
    code, out, err = run(capsys, "--db", str(tmp_path / "q.db"), "import", str(folder))
    assert code == 0 and "c.bin: not an article file" in err and "a.json" not in err
    assert "1 other file(s) skipped" in out


def test_review_note_alone_and_undo_arguments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "q.db")
    with Store(db) as store:
        store.add_quote_records(
            [{"text": "One.", "speaker": "A"}, {"text": "Two.", "speaker": "B"}]
        )
    code, out, _ = run(capsys, "--db", db, "review", "1", "2", "--note", "audio unclear")
    assert code == 0 and "2 quote(s) annotated" in out
    with Store(db) as store:
        assert [store.quote(i)["note"] for i in (1, 2)] == ["audio unclear"] * 2
        assert store.quote(1)["status"] == "unreviewed"
    code, _, err = run(capsys, "--db", db, "review", "--undo", "1", "2")
    assert code == 1 and "no quote ids" in err


def test_backup_onto_the_live_database_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "q.db"
    Store(db).close()
    code, _, err = run(capsys, "--db", str(db), "backup", str(db))
    assert code == 1 and "onto itself" in err


def test_extract_reduces_html_like_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = write(
        tmp_path / "page.html",
        "<html><head><title>Budget cuts - The Daily Ledger</title></head><body><article>"
        "<p>The finance minister said on Monday that \u201cwe cannot spend what we do not have\u201d, "
        "in a speech to the chamber of commerce in the capital city.</p>"
        "<p>Opposition leaders said the cuts would hurt schools and hospitals across the country.</p>"
        "</article><footer>\u201cSubscribe now,\u201d says our editor.</footer></body></html>",
    )
    code, out, _ = run(capsys, "extract", str(page))
    assert code == 0
    quotes = json.loads(out)["quotes"]
    assert quotes and not any("<" in q["text"] or "Subscribe" in q["text"] for q in quotes)


def test_status_any_lists_every_status_like_no_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "q.db")
    with Store(db) as store:
        store.add_quote_records(
            [
                {"text": "We will build the bridge.", "speaker": "A"},
                {"text": "It will be long.", "speaker": "B"},
            ]
        )
        store.set_status([1], "verified")
    _, unfiltered, _ = run(capsys, "--db", db, "quotes", "--json")
    code, out, _ = run(capsys, "--db", db, "quotes", "--status", "any", "--json")
    assert code == 0 and out == unfiltered
    assert [json.loads(line)["status"] for line in out.splitlines()] == ["verified", "unreviewed"]
    sheet = tmp_path / "all.json"
    code, _, _ = run(capsys, "--db", db, "export", "-o", str(sheet), "--status", "any")
    assert code == 0 and json.loads(sheet.read_text(encoding="utf-8"))["count"] == 2


@pytest.mark.parametrize(
    ("command", "says"), [("quotes", "(default: any)"), ("export", "any for all")]
)
def test_listing_commands_offer_status_any_in_their_help(
    command: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "{unreviewed,verified,disputed,rejected,any}" in help_text and says in help_text


def test_review_cannot_set_status_any(capsys: pytest.CaptureFixture[str]) -> None:
    # "any" is a filter for listings, not a status a quote can have
    with pytest.raises(SystemExit) as exit_info:
        main(["review", "1", "--status", "any"])
    assert exit_info.value.code == 2 and "invalid choice: 'any'" in capsys.readouterr().err


def test_review_undo_and_redo_a_history_entry_by_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "q.db")
    with Store(db) as store:
        store.add_quote_records([{"text": f"Quote {i}.", "speaker": "A"} for i in (1, 2, 3)])
    run(capsys, "--db", db, "review", "1", "2", "--status", "verified")  # history entry 1
    run(capsys, "--db", db, "review", "3", "--status", "disputed")  # history entry 2

    def statuses() -> list[str]:
        with Store(db) as store:
            return [store.quote(i)["status"] for i in (1, 2, 3)]

    code, out, err = run(capsys, "--db", db, "review", "--undo", "1")  # not the last one
    assert (code, err) == (0, "") and "undone" in out and "verified" in out
    assert statuses() == ["unreviewed", "unreviewed", "disputed"]
    # the store's own rules, as one-line errors
    for argv, message in [
        (["--undo", "1"], "history entry 1 is already undone"),
        (["--redo", "2"], "history entry 2 is not undone"),
        (["--undo", "99"], "no history entry 99"),
        (["--redo", "99"], "no history entry 99"),
    ]:
        code, _, err = run(capsys, "--db", db, "review", *argv)
        assert code == 1 and err == f"quotecheck: error: {message}\n"
    code, out, _ = run(capsys, "--db", db, "review", "--redo", "1")
    assert code == 0 and "redone" in out
    assert statuses() == ["verified", "verified", "disputed"]

    run(capsys, "--db", db, "review", "1", "--status", "rejected")  # entry 3 changes quote 1
    code, _, err = run(capsys, "--db", db, "review", "--undo", "1")
    assert code == 1 and err.count("\n") == 1 and "quote 1 has changed since" in err
    assert statuses() == ["rejected", "verified", "disputed"]

    code, _, err = run(capsys, "--db", db, "review", "--undo", "1", "--redo", "1")
    assert code == 1 and "--undo or --redo" in err
    code, out, _ = run(capsys, "--db", db, "review", "--undo")  # no id: the last action
    assert code == 0 and "undone" in out and statuses()[0] == "verified"
    with pytest.raises(SystemExit):
        main(["review", "--help"])
    out = capsys.readouterr().out
    assert "--undo [ID]" in out and "--redo [ID]" in out


def test_history_shows_the_quotes_each_entry_touched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "q.db")
    with Store(db) as store:
        store.add_quote_records(
            [{"text": f"Quote {i}.", "speaker": "A" if i < 9 else "B"} for i in range(1, 10)]
        )
    run(capsys, "--db", db, "review", *map(str, range(1, 9)), "--status", "verified")
    run(capsys, "--db", db, "review", "7", "--note", "checked")
    run(capsys, "--db", db, "speakers", "1", "--role", "minister")
    run(capsys, "--db", db, "speakers", "--merge", "1", "2")
    run(capsys, "--db", db, "review", "--undo")
    code, out, _ = run(capsys, "--db", db, "history")
    assert code == 0
    merge, role, note, bulk = out.splitlines()
    assert "[quote 9]" in merge and "[undone]" in merge  # a merge moves the merged speaker's
    assert "quote" not in role.split(":", 1)[1]  # a speaker edit touches no quote
    for line, ids in ((note, "quote 7"), (bulk, "8 quotes (1, 2, 3, 4, 5, …)")):
        assert line.count(ids) == 1  # named once, by the summary or after it
    with Store(db) as store:  # entries of older versions: a summary without ids
        store.db.execute("UPDATE history SET summary = 'verified: 8 quote(s)' WHERE id = 1")
    code, out, _ = run(capsys, "--db", db, "history")
    assert out.splitlines()[-1].endswith("verified: 8 quote(s)  [8 quotes (1, 2, 3, 4, 5, …)]")


def test_delete_article_is_recorded_and_undone_by_review_undo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "q.db")
    article = write(tmp_path / "seed.txt", SEED_TEXT)
    run(capsys, "--db", db, "import", str(article))
    run(capsys, "--db", db, "review", "1", "2", "--status", "verified")
    code, out, err = run(capsys, "--db", db, "delete-article", "1", "7")
    assert code == 1 and "no article with id 7" in err  # nothing deleted
    code, out, _ = run(capsys, "--db", db, "delete-article", "1")
    assert code == 0
    assert "deleted article 1" in out and "7 quote(s), 2 of them reviewed" in out
    assert "undo with: quotecheck review --undo 2" in out
    assert run(capsys, "--db", db, "articles")[1].strip() == "no articles"
    assert "no quotes match" in run(capsys, "--db", db, "quotes")[1]
    code, _, err = run(capsys, "--db", db, "review", "1", "--status", "rejected")
    assert code == 1 and "deleted by history entry 2" in err
    assert "delete article 1" in run(capsys, "--db", db, "history")[1]
    code, out, _ = run(capsys, "--db", db, "review", "--undo")
    assert code == 0 and out.startswith("undone: delete article 1")
    listed = run(capsys, "--db", db, "quotes", "--json")[1]
    rows = [json.loads(line) for line in listed.splitlines()]
    assert len(rows) == 7 and sum(r["status"] == "verified" for r in rows) == 2


def test_a_duplicate_import_names_the_stored_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "q.db")
    article = write(tmp_path / "seed.txt", SEED_TEXT)
    run(capsys, "--db", db, "import", str(article))
    code, out, _ = run(capsys, "--db", db, "import", str(article))
    assert code == 0
    line = next(x for x in out.splitlines() if x.startswith("duplicate"))
    assert ": 0 quote(s) added, already stored as article 1 “North Korea has announced" in line
    assert line.endswith("…” (7 quote(s))")  # a long title is cut short
    run(capsys, "--db", db, "delete-article", "1")
    out = run(capsys, "--db", db, "import", str(article))[1]
    assert "which is deleted (deleted by history entry 1; undoing that entry restores it)" in out


def test_check_jsonl_reports_an_empty_claim_as_an_error_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "q.db")
    run(capsys, "--db", db, "import", str(write(tmp_path / "seed.txt", SEED_TEXT)))
    claims = write(
        tmp_path / "claims.jsonl",
        '{"id": "a", "claim": ""}\n{"id": "b", "claim": "  "}\n'
        '{"id": "c", "claim": "Kishida said Japan should \\"not waste any moment\\""}\n',
    )
    code, out, err = run(capsys, "--db", db, "check", "--jsonl", str(claims))
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and [r["id"] for r in lines] == ["a", "b", "c"]
    for record in lines[:2]:
        assert record["verdict"] is None and "the claim is empty" in record["error"]
    assert lines[2]["verdict"] == "verified" and "error" not in lines[2]
    assert "line 1: the claim is empty" in err and "line 2: the claim is empty" in err


def test_check_shows_the_review_status_of_each_match(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "q.db")
    run(capsys, "--db", db, "import", str(write(tmp_path / "seed.txt", SEED_TEXT)))
    claim = 'Kishida said Japan should "not waste any moment"'
    code, out, _ = run(capsys, "--db", db, "check", claim)
    assert code == 0 and "record unreviewed" in out and ", unreviewed)" in out
    claims = write(tmp_path / "claims.jsonl", json.dumps({"id": 1, "claim": claim}) + "\n")
    _, out, _ = run(capsys, "--db", db, "check", "--jsonl", str(claims))
    assert json.loads(out)["matches"][0]["status"] == "unreviewed"
