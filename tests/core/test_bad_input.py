"""Bad input to import: a clear message naming the file and the reason; the batch goes on."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from quotecheck import QuoteCheckError
from quotecheck.export import build_sheet, render_csv, render_html
from quotecheck.importing import MAX_ARTICLE_BYTES, decode, import_collection, import_files
from quotecheck.store import QuoteFilter, Store

GOOD = 'The mayor said "the new park opens in May" at a press conference.\n'


@pytest.mark.parametrize(
    ("encoding", "text", "assumed"),
    [
        ("cp1252", "Le ministre a déclaré « nous réussirons » – c’est sûr, à Genève.", "not UTF-8"),
        (
            "latin-1",
            "El ministro dijo que «la economía crecerá» según el señor Muñoz.",
            "not UTF-8",
        ),
        ("utf-16", "Der Minister sagte: „Wir schaffen das“ – in Köln.", "UTF-16"),
        (
            "shift_jis",
            "岸田首相は「一刻も無駄にしてはならない」と述べた。日本の国会で発言した。",
            "not UTF-8",
        ),
    ],
)
def test_non_utf8_files_are_decoded_and_the_assumption_reported(
    store: Store, tmp_path: Path, encoding: str, text: str, assumed: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))  # utf-16 writes a byte-order mark
    report = import_files(store, [path])
    outcome = report.outcomes[0]
    assert outcome.status == "added", outcome.reason
    assert any(assumed in note for note in outcome.notes)
    stored = store.article(outcome.article_id or 0)
    assert stored is not None and stored["text"].strip() == text


def test_oversized_file_is_refused_by_the_documented_limit(store: Store, tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:  # 50 MB, written sparsely: the size is what counts
        fh.truncate(50 * 1024 * 1024)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    report = import_files(store, [big, tmp_path / "good.txt"])
    refused = report.refused[0]
    assert "huge.txt" in (refused.reason or "") and f"{MAX_ARTICLE_BYTES // 2**20} MB limit" in (
        refused.reason or ""
    )
    assert report.added == 1


def test_file_that_disappears_mid_batch_is_reported(store: Store, tmp_path: Path) -> None:
    paths = []
    for i in range(3):
        path = tmp_path / f"a{i}.txt"
        path.write_text(f"Report {i}. {GOOD}", encoding="utf-8")
        paths.append(path)

    def delete_the_next(index: int, path: Path) -> bool:
        if index == 0:
            paths[1].unlink()
        return True

    report = import_files(store, paths, progress=delete_the_next)
    assert [o.status for o in report.outcomes] == ["added", "refused", "added"]
    assert report.outcomes[1].reason == f"{paths[1]}: file not found"


def test_unreadable_file_is_reported(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":  # chmod does not stop root, so the error is simulated
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = import_files(store, [locked])
    assert report.refused[0].reason == f"{locked}: cannot read it (Permission denied)"


def test_folder_with_thousands_of_files(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    (folder / "sub").mkdir(parents=True)
    for i in range(2000):
        where = folder / "sub" if i % 2 else folder
        (where / f"n{i:04d}.txt").write_text(
            f'Item {i}: the mayor said "park {i} opens".\n', encoding="utf-8"
        )
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not an article suffix: skipped
    cancelled_after = 1500
    report = import_files(store, [folder], progress=lambda i, p: i < cancelled_after)
    assert report.added == cancelled_after  # cancelling stops cleanly between files
    report = import_files(store, [folder])
    assert report.added == 2000 - cancelled_after and report.duplicates == cancelled_after
    assert len(store.articles()) == 2000


def test_html_with_scripts_and_styles_keeps_only_main_text(store: Store, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><script>var tracking = 'x';</script><style>.ad{display:none}</style></head>"
        "<body><div class='ad'>Buy now</div><article><h1>Talks stall</h1>"
        "<p>The foreign minister said on Tuesday that \u201cthe door to dialogue remains open\u201d "
        "despite the latest missile launch, in remarks carried by the state news agency.</p>"
        "<p>Analysts said the statement was the first sign of flexibility in months, and that "
        "further talks could follow before the end of the year.</p></article>"
        "<script>document.write('injected')</script></body></html>",
        encoding="utf-8",
    )
    outcome = import_files(store, [page]).outcomes[0]
    assert outcome.status == "added"
    text = (store.article(outcome.article_id or 0) or {})["text"]
    assert "the door to dialogue remains open" in text
    for junk in ("tracking", "display:none", "injected", "document.write"):
        assert junk not in text


def test_collection_with_bad_encoding_is_refused_clearly(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "quotes.csv"
    path.write_bytes("text,speaker\nCafé crème,Zoë\n".encode("latin-1"))
    with pytest.raises(QuoteCheckError, match="quotes.csv: not UTF-8"):
        import_collection(store, path)
    assert store.count_quotes() == 0


def test_csv_collection_with_extra_cells_reports_line_numbers(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text('text,speaker\n"fine",A\n"too",B,many,cells\n,C\n', encoding="utf-8")
    with pytest.raises(QuoteCheckError) as error:
        import_collection(store, path)
    message = str(error.value)
    assert "2 malformed line(s), nothing imported" in message
    assert "line 3: more cells" in message and "line 4: missing 'text'" in message
    assert store.count_quotes() == 0


def test_active_content_stays_inert_from_import_to_export(store: Store, tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(
        '<html><body><article><p>The activist said \u201c<b>=HYPERLINK("http://evil.example","win")</b> '
        "&lt;script&gt;alert(1)&lt;/script&gt; is what they wrote\u201d in a statement on Monday, "
        "according to the organisers of the rally in the capital.</p>"
        "<p>Police said the rally was peaceful and that no arrests were made during the day.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    article = import_files(store, [page]).outcomes[0]
    assert article.status == "added"
    rows = store.quotes(QuoteFilter(article_id=article.article_id))
    hostile = [r for r in rows if "HYPERLINK" in r["text"] or "script" in r["text"]]
    assert hostile, "the extractor should keep the quoted words"
    collection = tmp_path / "c.jsonl"
    collection.write_text(json.dumps({"text": "=1+2", "speaker": "@evil", "source": "-x"}) + "\n")
    import_collection(store, collection)
    store.set_status([r["id"] for r in store.quotes()], "verified")
    sheet = build_sheet(store)
    page_html = render_html(sheet)
    assert "<script>" not in page_html and "&lt;script&gt;" in page_html
    cells = [c for row in csv.reader(io.StringIO(render_csv(sheet))) for c in row]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_collection_as_a_json_array(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "quotes.json"
    path.write_text(
        json.dumps([{"text": "One.", "speaker": "A"}, {"text": "Two.", "speaker": "B"}])
    )
    assert import_collection(store, path) == 2
    broken = tmp_path / "broken.json"
    broken.write_text('[{"text": "One.", "speaker": "A"},\n {"text": "Two."}]')
    with pytest.raises(QuoteCheckError, match="line 2: missing 'speaker'"):
        import_collection(store, broken)
    assert store.count_quotes() == 2


# The walkthrough's file: cp852 (DOS Central European) fits it as well as Windows-1252 does,
# and read it as "Salmˇn".
SALMON = (
    'UN envoy warns of "catastrophic" famine risk in North Korea\n\n'
    "GENEVA, Feb 9 - The United Nations special rapporteur on human rights in North Korea, "
    'Elizabeth Salmón, said on Friday that the country faced a "catastrophic" food situation.\n'
    'Salmón later added: "I am not saying there is a famine."\n'
)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("latin-1", SALMON),
        ("cp1252", "Elizabeth Salmón said the risk was “real”."),
        # other scripts and Central European text keep the detector's reading
        ("cp1251", "Президент России заявил, что страна готова к переговорам. «Мы открыты»."),
        ("cp1250", "Prezydent powiedział w Łodzi, że źródła są wiarygodne. „Nie ma zagrożenia”."),
    ],
)
def test_western_text_is_read_as_windows_1252_when_a_rarer_code_page_fits_too(
    encoding: str, text: str
) -> None:
    decoded, notes = decode(text.encode(encoding), "article.txt")
    assert decoded == text
    if encoding in ("latin-1", "cp1252"):
        assert notes == ["not UTF-8; decoded as cp1252"]
