"""PDF and Word (.docx) documents imported as articles: text, paragraphs, quotes with offsets
into the stored text, and a clear message for every bad file while the batch goes on.

Every fixture is written at test time (fpdf2, pypdf, python-docx); no binary is committed.
"""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from quotecheck import documents
from quotecheck.cli import main
from quotecheck.documents import MAX_DOCUMENT_FILE_BYTES, MAX_PDF_PAGES, dehyphenate
from quotecheck.importing import import_bytes, import_files
from quotecheck.store import Store

QUOTE_WORDS = "not waste any moment."
CREATED = datetime(2024, 3, 5, 9, 30, tzinfo=UTC)

# The statement as laid out on the PDF page: a heading, then two paragraphs with a blank gap
# between them; the first breaks "govern-" / "ment" across lines, the second wraps the quote.
HEADING = "Statement on the economy"
PARAGRAPH_1 = [
    "Prime Minister Fumio Kishida spoke to reporters in Tokyo on Tuesday after a",
    "cabinet meeting on prices. He said the govern-",
    "ment would present a package of measures to support households this spring.",
]
PARAGRAPH_2 = [
    'Kishida said Japan should "not waste any moment." He spoke after a meeting with',
    "business leaders and union officials in the capital, where wages were discussed.",
]
TEXT_1 = (
    "Prime Minister Fumio Kishida spoke to reporters in Tokyo on Tuesday after a cabinet "
    "meeting on prices. He said the government would present a package of measures to support "
    "households this spring."
)
TEXT_2 = (
    'Kishida said Japan should "not waste any moment." He spoke after a meeting with business '
    "leaders and union officials in the capital, where wages were discussed."
)


def statement_pdf(
    title: str | None = "Kishida urges action on prices", *, page_number: bool = True
) -> bytes:
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.set_creation_date(CREATED)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(text=HEADING, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Helvetica", size=11)
    for paragraph in (PARAGRAPH_1, PARAGRAPH_2):
        for line in paragraph:  # one line each: the wrapping is exactly as written above
            pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
    if page_number:
        pdf.set_auto_page_break(False)
        pdf.set_y(-20)
        pdf.cell(text="1", align="C", w=0)
    return bytes(pdf.output())


def text_pdf(pages: list[str]) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def tiny_png() -> bytes:
    """An 8x8 grey PNG, built by hand."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    rows = b"".join(b"\x00" + bytes([(x * 32 + y * 16) % 256 for x in range(8)]) for y in range(8))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def scanned_pdf() -> bytes:
    """Pages that are only a picture of text: no text layer."""
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(io.BytesIO(tiny_png()), x=10, y=10, w=180)
    return bytes(pdf.output())


def encrypted_pdf(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(statement_pdf())))
    # RC4 needs no extra package to write or read; AES would need `cryptography`
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def statement_docx(*, title: str | None = None, heading: bool = True) -> bytes:
    document = docx.Document()
    if heading:
        document.add_heading(HEADING, level=1)
    document.add_paragraph(
        "Prime Minister Fumio Kishida spoke to reporters in Tokyo on Tuesday after a cabinet "
        "meeting on prices. He said the govern\u00adment would present a package of measures "
        "to support households this spring."
    )
    document.add_paragraph("")  # an empty paragraph is no paragraph
    quote = document.add_paragraph('Kishida said Japan should "not waste any moment." He spoke')
    run = quote.add_run()
    run.add_break()  # a manual line break inside the paragraph
    quote.add_run(
        "after a meeting with business leaders and union officials in the capital, where "
        "wages were discussed."
    )
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Contact"
    table.cell(0, 1).text = "Cabinet Public Affairs Office"
    props = document.core_properties
    props.title = title or ""
    props.created = CREATED.replace(tzinfo=None)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def stored_quote(store: Store, article_id: int) -> tuple[str, dict[str, object]]:
    article = store.article(article_id)
    assert article is not None
    rows = store.db.execute(
        'SELECT q.text, q.start, q."end", q.speaker_start, q.speaker_end, s.name AS speaker '
        "FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.article_id = ?",
        [article_id],
    ).fetchall()
    matching = [r for r in rows if QUOTE_WORDS in r[0]]
    assert len(matching) == 1, rows
    text, start, end, s_start, s_end, speaker = matching[0]
    return article["text"], {
        "text": text,
        "start": start,
        "end": end,
        "speaker_span": (s_start, s_end),
        "speaker": speaker,
    }


# -- good documents -------------------------------------------------------------------------


def test_pdf_is_imported_as_paragraphs_with_the_quote_at_its_offsets(
    store: Store, tmp_path: Path
) -> None:
    path = write(tmp_path / "statement.pdf", statement_pdf())
    outcome = import_files(store, [path]).outcomes[0]
    assert outcome.status == "added", outcome.reason
    assert any("PDF text of 1 page(s)" in note for note in outcome.notes)
    article = store.article(outcome.article_id or 0)
    assert article is not None
    # lines rejoined, "govern-" + "ment" de-hyphenated, paragraphs kept, page number dropped
    assert article["text"] == f"{HEADING}\n\n{TEXT_1}\n\n{TEXT_2}"
    assert article["title"] == "Kishida urges action on prices"  # from the PDF's /Title
    # the creation date is often the export's or the template's, not the statement's: it is
    # only named in the note
    assert article["published"] is None
    assert "document created 2024-03-05" in outcome.notes
    assert article["origin"] == "file"
    text, quote = stored_quote(store, outcome.article_id or 0)
    start, end = int(quote["start"]), int(quote["end"])  # type: ignore[call-overload]
    assert text[start:end] == quote["text"]
    assert 'Japan should "not waste any moment."' in str(quote["text"])
    s_start, s_end = quote["speaker_span"]  # type: ignore[misc]
    assert text[s_start:s_end] == "Kishida" and "Kishida" in str(quote["speaker"])


def test_pdf_without_a_title_is_titled_by_its_first_line(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "untitled.pdf", statement_pdf(title=None))
    outcome = import_files(store, [path]).outcomes[0]
    assert (store.article(outcome.article_id or 0) or {})["title"] == HEADING


def test_docx_is_imported_with_the_quote_at_its_offsets(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "statement.docx", statement_docx())
    outcome = import_files(store, [path]).outcomes[0]
    assert outcome.status == "added", outcome.reason
    article = store.article(outcome.article_id or 0)
    assert article is not None
    # the manual line break is a space, the soft hyphen is gone, table cells are paragraphs
    assert article["text"] == (
        f"{HEADING}\n\n{TEXT_1}\n\n{TEXT_2}\n\nContact\n\nCabinet Public Affairs Office"
    )
    assert article["title"] == HEADING  # no title property: the first heading
    assert article["published"] is None
    assert "document created 2024-03-05" in outcome.notes
    text, quote = stored_quote(store, outcome.article_id or 0)
    start, end = int(quote["start"]), int(quote["end"])  # type: ignore[call-overload]
    assert text[start:end] == quote["text"]
    assert "Kishida" in str(quote["speaker"])


def test_docx_title_property_wins_and_without_heading_the_first_paragraph(
    store: Store, tmp_path: Path
) -> None:
    titled = write(tmp_path / "titled.docx", statement_docx(title="Press release 12/2024"))
    plain = write(tmp_path / "plain.docx", statement_docx(heading=False))
    report = import_files(store, [titled, plain])
    titles = [(store.article(o.article_id or 0) or {})["title"] for o in report.outcomes]
    assert titles[0] == "Press release 12/2024"
    assert titles[1].startswith("Prime Minister Fumio Kishida spoke")


def test_documents_in_a_folder_and_on_stdin(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    write(folder / "a.pdf", statement_pdf())
    write(folder / "b.docx", statement_docx())
    (folder / "c.txt").write_text('The mayor said "the park reopens".\n', encoding="utf-8")
    report = import_files(store, [folder])
    assert [o.status for o in report.outcomes] == ["added", "added", "added"]
    assert not report.skipped
    # a PDF or .docx piped in is recognised by its first bytes
    other = text_pdf(['The minister said "the bridge will open in May" on Monday.'])
    outcome = import_bytes(store, other, name="stdin")
    assert outcome.status == "added", outcome.reason
    assert "the bridge will open in May" in (store.article(outcome.article_id or 0) or {})["text"]
    again = import_bytes(store, statement_docx(), name="stdin")
    assert again.status == "duplicate"


def test_empty_password_pdf_is_read_with_a_note(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "protected.pdf", encrypted_pdf(""))
    outcome = import_files(store, [path]).outcomes[0]
    assert outcome.status == "added", outcome.reason
    assert "encrypted with an empty password; read" in outcome.notes


def test_page_count_is_capped_and_the_import_says_so(store: Store, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(statement_pdf())))
    for _ in range(MAX_PDF_PAGES + 100):  # a bomb-ish page count: empty pages cost little
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    path = write(tmp_path / "long.pdf", out.getvalue())
    outcome = import_files(store, [path]).outcomes[0]
    assert outcome.status == "added", outcome.reason
    total = MAX_PDF_PAGES + 101
    assert f"only the first {MAX_PDF_PAGES} of {total} pages read (the page limit)" in (
        outcome.notes
    )
    assert any("without a text layer (scanned?) skipped" in note for note in outcome.notes)
    assert QUOTE_WORDS in (store.article(outcome.article_id or 0) or {})["text"]


@pytest.mark.parametrize(
    ("first", "second", "vocabulary", "joined"),
    [
        ("govern", "ment", set(), True),  # a word split by hyphenation
        ("long", "term", set(), False),  # a compound: "long-term"
        ("self", "employed", set(), False),
        ("three", "year", set(), False),
        ("pro", "gram", set(), True),  # a first syllable, not a compound prefix
        ("Indo", "Pacific", set(), False),  # the second half is capitalised
        ("2023", "24", set(), False),  # not letters
        ("co", "operation", {"cooperation"}, True),  # the document spells it joined
        ("e", "mail", {"e-mail"}, False),  # the document spells it with a hyphen
    ],
)
def test_dehyphenation_rule(first: str, second: str, vocabulary: set[str], joined: bool) -> None:
    assert dehyphenate(first, second, vocabulary) is joined


def test_pdf_lines_are_rejoined_by_the_documented_rules() -> None:
    def line(text: str, y: float | None, size: float = 11.0) -> documents._Line:
        return documents._Line(documents._clean_line(text), y, size)

    page = [
        line("Budget Report", 760, 16),  # another font size: a heading
        line("The committee\tpublished its findings on Monday and said the situ\u00ad", 730),
        line("ation was serious, adding that the work would continue into the", 717),
        line("next year.", 704),  # a short line ends its paragraph
        line("A second paragraph starts right below it without any extra gap, and", 691),
        line("it runs on.", 678),
        line("A column to the right begins higher up the page, with its own lines.", 730),
        line("3", 40),  # a page number at the foot of the page is dropped
    ]
    pages, running = documents._without_running_lines([page, [line("Page two.", 700)]])
    assert running == []  # a page number alone is not named in the import's notes
    assert documents.pdf_lines_to_text(pages) == (
        "Budget Report\n\n"
        "The committee published its findings on Monday and said the situation was serious, "
        "adding that the work would continue into the next year.\n\n"
        "A second paragraph starts right below it without any extra gap, and it runs on.\n\n"
        "A column to the right begins higher up the page, with its own lines.\n\n"
        "Page two."
    )


# -- running headers and footers ----------------------------------------------------------------

MASTHEAD = "The Daily Planet | Tuesday 5 March 2024"
PRINTED_URL = "https://www.dailyplanet.example/news/2024/03/05/kishida-prices"
HEADLINE = "Kishida urges action on prices"
# The article's lines page by page: the first sentence runs over the first page break, and
# "govern-" / "ment" is split by the second one.
PAGED_LINES = [
    [
        "Prime Minister Fumio Kishida spoke to reporters in Tokyo on Tuesday after a",
        "cabinet meeting on prices. He said the cabinet would present a package of",
    ],
    [
        'measures to support households this spring, adding that Japan should "not waste',
        'any moment." He spoke after a meeting with business leaders in the capital.',
        None,  # a gap between paragraphs
        "Opposition leader John Roe said the plan came far too late for families and the govern-",
    ],
    ["ment had ignored rising bills for a year. He called on the whole cabinet to resign."],
]
PAGED_TEXT = (
    f"{HEADLINE}\n\n"
    "Prime Minister Fumio Kishida spoke to reporters in Tokyo on Tuesday after a cabinet "
    "meeting on prices. He said the cabinet would present a package of measures to support "
    'households this spring, adding that Japan should "not waste any moment." He spoke after '
    "a meeting with business leaders in the capital.\n\n"
    "Opposition leader John Roe said the plan came far too late for families and the "
    "government had ignored rising bills for a year. He called on the whole cabinet to resign."
)


class NewspaperPDF(FPDF):
    """A newspaper page as printed: a masthead atop every page, the page's address and
    "Page N of M" at its foot (drawn by fpdf2 on each page, like a browser's Save as PDF)."""

    def header(self) -> None:
        self.set_font("Helvetica", size=8)
        self.cell(text=MASTHEAD, new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-20)
        self.set_font("Helvetica", size=8)
        self.cell(text=PRINTED_URL, new_x="LMARGIN", new_y="NEXT")
        self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")


def newspaper_pdf(pages: list[list[str | None]], *, headline: bool = True) -> bytes:
    pdf = NewspaperPDF()
    pdf.set_auto_page_break(False)
    for number, lines in enumerate(pages):
        pdf.add_page()
        if headline and number == 0:
            pdf.set_font("Helvetica", "B", 16)
            pdf.cell(text=HEADLINE, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(6)
        pdf.set_font("Helvetica", size=11)
        for line in lines:
            if line is None:
                pdf.ln(5)
            else:  # one line each: the wrapping is exactly as written
                pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_running_headers_and_footers_are_dropped_and_sentences_rejoined(
    store: Store, tmp_path: Path
) -> None:
    path = write(tmp_path / "printed.pdf", newspaper_pdf(PAGED_LINES))
    outcome = import_files(store, [path]).outcomes[0]
    assert outcome.status == "added", outcome.reason
    text, quote = stored_quote(store, outcome.article_id or 0)
    # no masthead, address or page number inside the text; the sentence over the first page
    # break is one, and "govern-" / "ment" over the second is one word
    assert text == PAGED_TEXT
    assert (
        f'running header/footer dropped from the pages: "{MASTHEAD}", "{PRINTED_URL}"'
        in outcome.notes
    )
    start, end = int(quote["start"]), int(quote["end"])  # type: ignore[call-overload]
    assert text[start:end] == quote["text"]
    assert "Kishida" in str(quote["speaker"])


def test_a_one_page_pdf_keeps_a_line_that_looks_like_a_header(store: Store, tmp_path: Path) -> None:
    """Nothing repeats on a single page: only its page number goes."""
    lines = [line for page in PAGED_LINES for line in page if line is not None]
    path = write(tmp_path / "single.pdf", newspaper_pdf([lines], headline=False))
    outcome = import_files(store, [path]).outcomes[0]
    assert outcome.status == "added", outcome.reason
    text = (store.article(outcome.article_id or 0) or {})["text"]
    assert text.startswith(f"{MASTHEAD}\n\nPrime Minister Fumio Kishida spoke")
    assert text.endswith(f"to resign.\n\n{PRINTED_URL}")
    assert "Page 1" not in text
    assert not any("running header" in note for note in outcome.notes)


def _line(text: str, y: float, size: float = 11.0) -> documents._Line:
    return documents._Line(text, y, size)


def _body(speaker: str) -> list[documents._Line]:
    """Two full lines of body text that end a paragraph, in words of their own on each page
    (body text does not repeat line for line from page to page)."""
    return [
        _line(f"{speaker} said the talks would go on through the night, and that", 700),
        _line(f"both sides had agreed to meet again next week, {speaker.lower()} added.", 687),
    ]


def test_running_lines_are_found_by_their_words_at_the_page_edges() -> None:
    pages = [
        # the headline is the running header's words in another size: it stays
        [_line("World news", 780, 16), *_body("The minister")],
        [_line("World news 2", 800, 8), *_body("The envoy")],
        # a page number changing side on facing pages, and a line found on this page only
        [_line("3 World news", 800, 8), _line("Analysis", 780, 8), *_body("The mayor")],
        # a footer drawn first, and a repeated line in the middle of the page: only the
        # footer goes, by its place at the bottom of the page
        [
            _line("World news 4", 40, 8),
            _line("Late edition", 790),
            *_body("The chancellor"),
            _line("World news 4", 600, 8),
            _line("It ended there.", 587),
        ],
    ]
    kept, running = documents._without_running_lines(pages)
    assert running == ["World news 2"]
    assert [line.text for line in kept[0]][0] == "World news"
    assert [line.text for line in kept[1]][0].startswith("The envoy")
    assert [line.text for line in kept[2]][0] == "Analysis"
    assert [line.text for line in kept[3]][0] == "Late edition"
    assert "World news 4" in [line.text for line in kept[3]]


def test_a_line_on_fewer_than_half_of_the_pages_stays() -> None:
    """Two pages of five share a first line (a section title): not a running header."""
    pages = [_body(speaker) for speaker in ("Ann", "Bo", "Cy", "Di", "Ed")]
    for page in pages[:2]:
        page.insert(0, _line("Economy", 760, 8))
    kept, running = documents._without_running_lines(pages)
    assert running == []
    assert [len(page) for page in kept] == [len(page) for page in pages]
    # two pages of two are half of them: a running header
    kept, running = documents._without_running_lines(pages[:2])
    assert running == ["Economy"]
    assert [page[0].text for page in kept] == [pages[0][1].text, pages[1][1].text]


@pytest.mark.parametrize(
    ("last", "first", "runs_on"),
    [
        (_line("the envoy said on Monday that the talks had been held in the", 500), None, True),
        (
            _line("the envoy said on Monday that the talks had been held at length.", 500),
            None,
            False,
        ),
        (_line('the envoy said on Monday that the talks "had gone very well."', 500), None, False),
        (_line("in the capital.", 500), None, False),  # a short line: a paragraph ends
        (_line("Next:", 500), None, False),
        # the next page starts with a heading in another size
        (
            _line("the envoy said on Monday that the talks had been held in the", 500),
            _line("Reactions", 780, 16),
            False,
        ),
    ],
)
def test_a_page_break_ends_a_paragraph_unless_the_sentence_goes_on(
    last: documents._Line, first: documents._Line | None, runs_on: bool
) -> None:
    page = [*_body("The envoy"), last]
    next_page = [first or _line("capital city of the neighbouring country.", 780)]
    text = documents.pdf_lines_to_text([page, next_page])
    assert (text.count("\n\n") == 1) is runs_on, text


# -- bad documents: a message each, and the batch goes on ---------------------------------------


def zip_without_word() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return out.getvalue()


BAD_CASES = [
    ("locked.pdf", lambda: encrypted_pdf("secret"), "locked.pdf: is encrypted; not imported"),
    ("scan.pdf", scanned_pdf, "scan.pdf: has no text layer (a scan?); run OCR first"),
    (
        "broken.pdf",
        lambda: statement_pdf()[:700],
        "broken.pdf: cannot read this PDF; it is damaged or not a PDF",
    ),
    ("page.pdf", lambda: b"<html><body>hi</body></html>", "page.pdf: not a PDF (this is an HTML"),
    ("notes.pdf", lambda: b"just some words", "notes.pdf: not a PDF (no PDF header)"),
    (
        "broken.docx",
        lambda: statement_docx()[:2000],
        "broken.docx: cannot read this Word file; it is damaged",
    ),
    (
        "text.docx",
        lambda: b"Minutes of the meeting",
        "text.docx: not a Word .docx file (a .docx is a zip archive; this is not one)",
    ),
    ("report.docx", statement_pdf, "report.docx: not a Word .docx file (this is a PDF document)"),
    ("old.docx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "an old Word .doc"),
    (
        "archive.docx",
        zip_without_word,
        "archive.docx: not a Word .docx file (a zip archive without a Word document in it)",
    ),
    ("empty.docx", lambda: _empty_docx(), "empty.docx: no text in it (an empty Word document)"),
]


def _empty_docx() -> bytes:
    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


@pytest.mark.parametrize(("name", "make", "message"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_document_is_refused_with_its_reason_and_the_batch_goes_on(
    store: Store, tmp_path: Path, name: str, make: object, message: str
) -> None:
    bad = write(tmp_path / name, make())  # type: ignore[operator]
    good = write(tmp_path / "good.pdf", statement_pdf())
    report = import_files(store, [bad, good])
    refused = report.outcomes[0]
    assert refused.status == "refused"
    assert message in (refused.reason or ""), refused.reason
    assert str(bad) in (refused.reason or "")
    assert report.outcomes[1].status == "added" and report.added == 1


def test_pdf_file_over_the_ceiling_is_refused_before_reading(store: Store, tmp_path: Path) -> None:
    huge = tmp_path / "huge.pdf"
    with open(huge, "wb") as fh:  # sparse: the size is what counts
        fh.truncate(MAX_DOCUMENT_FILE_BYTES + 1)
    good = write(tmp_path / "good.docx", statement_docx())
    report = import_files(store, [huge, good])
    limit = MAX_DOCUMENT_FILE_BYTES // 2**20
    # one unit everywhere (MB of 1024 x 1024 bytes), rounded up: one byte over is not "100.0"
    assert f"huge.pdf: 100.1 MB is over the {limit} MB limit for one PDF or Word file" in (
        report.refused[0].reason or ""
    )
    assert report.added == 1


def test_pdf_text_over_the_article_limit_is_refused(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the 5 MB article limit applies to the extracted text; lowered here to keep the file small
    monkeypatch.setattr(documents, "MAX_ARTICLE_BYTES", 1000)
    long = write(tmp_path / "long.pdf", text_pdf(["The committee met again. " * 30] * 3))
    short = write(tmp_path / "short.pdf", text_pdf(['The mayor said "the park reopens".']))
    report = import_files(store, [long, short])
    reason = report.refused[0].reason or ""
    assert "long.pdf: its text is over the 0 MB limit for one article" in reason
    assert report.added == 1


def test_docx_that_would_unpack_too_far_is_refused(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the XML sizes are read from the zip directory before anything is unpacked; the ceiling
    # (200 MB) is lowered here so an ordinary document stands in for a zip bomb
    monkeypatch.setattr(documents, "MAX_DOCX_XML_BYTES", 10_000)
    bomb = write(tmp_path / "bomb.docx", statement_docx())
    good = write(tmp_path / "good.pdf", statement_pdf())
    report = import_files(store, [bomb, good])
    assert "bomb.docx: unpacks to" in (report.refused[0].reason or "")
    assert "MB of XML, over the 0 MB limit; not imported" in (report.refused[0].reason or "")
    assert report.added == 1


def test_cli_shows_each_document_outcome(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good_pdf = write(tmp_path / "statement.pdf", statement_pdf())
    locked = write(tmp_path / "locked.pdf", encrypted_pdf("secret"))
    scan = write(tmp_path / "scan.pdf", scanned_pdf())
    broken = write(tmp_path / "broken.pdf", statement_pdf()[:700])
    good_docx = write(tmp_path / "statement.docx", statement_docx(title="Another statement"))
    code = main(
        [
            "--db",
            str(tmp_path / "q.db"),
            "import",
            str(good_pdf),
            str(locked),
            str(scan),
            str(broken),
            str(good_docx),
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0
    lines = out.splitlines()
    assert any(
        line.startswith(f"added     {good_pdf}: ") and "(PDF text of 1 page(s)" in line
        for line in lines
    )
    assert any(
        line.startswith(f"added     {good_docx}: ") and "(Word document" in line for line in lines
    )
    assert f"refused   {locked}: is encrypted; not imported" in err
    assert f"refused   {scan}: has no text layer (a scan?); run OCR first" in err
    assert f"refused   {broken}: cannot read this PDF; it is damaged or not a PDF" in err
    assert "2 added, 0 duplicate(s), 3 refused" in out
    assert "Traceback" not in err


def test_cli_prints_one_line_for_a_damaged_pdf(tmp_path: Path) -> None:
    """pypdf's own warnings ("EOF marker not found") stay off the terminal. A subprocess,
    since pytest's log capture would hide them in-process."""
    broken = write(tmp_path / "broken.pdf", statement_pdf()[:700])
    proc = subprocess.run(
        [sys.executable, "-m", "quotecheck.cli", "--db", str(tmp_path / "q.db"), "import"]
        + [str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(f"refused   {broken}: cannot read this PDF; it is damaged")


def table_docx() -> tuple[bytes, list[str]]:
    """A 6x4 table with a horizontal and a vertical merge, and the text of each of its cells
    in reading order (a merged cell once)."""
    document = docx.Document()
    document.add_paragraph("Who said what at the budget hearing.")
    table = document.add_table(rows=6, cols=4)
    for r in range(6):
        for c in range(4):
            table.cell(r, c).text = f"cell r{r}c{c} text"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "merged across r1c1 and r1c2"
    table.cell(2, 0).merge(table.cell(4, 0)).text = "merged down r2c0 to r4c0"
    expected = ["Who said what at the budget hearing."]
    for r in range(6):
        for c in range(4):
            if (r, c) == (1, 1):
                expected.append("merged across r1c1 and r1c2")
            elif (r, c) == (2, 0):
                expected.append("merged down r2c0 to r4c0")
            elif (r, c) not in ((1, 2), (3, 0), (4, 0)):
                expected.append(f"cell r{r}c{c} text")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), expected


def test_docx_table_cells_are_each_read_once_in_order_every_time() -> None:
    """Merged cells are listed once; no cell is ever skipped (the de-duplication once compared
    the id() of python-docx's temporary proxies, which Python reuses)."""
    data, expected = table_docx()
    for _ in range(20):
        text, _meta, _notes = documents.docx_to_text(data, "table.docx")
        assert text.split("\n\n") == expected


# Two columns of a news page: the left one holds a quote by Jane Doe, the right one by John Roe.
LEFT_COLUMN = [
    '"The economy is growing faster than anyone',
    "predicted and we will keep our promises to",
    'working families across the country," said',
    "Finance Minister Jane Doe at a press",
    "conference on Monday in the capital.",
]
RIGHT_COLUMN = [
    "Opposition leader John Roe said the",
    'government was "living in a fantasy world"',
    "and that households were struggling with",
    "rising bills every single month of the year.",
]


def two_column_pdf(*, row_by_row: bool) -> bytes:
    """A headline across the page, then two columns of 10 pt text drawn either row by row
    (both columns' lines on one baseline, left cell then right cell) or column by column."""
    pdf = FPDF()
    pdf.set_creation_date(CREATED)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(text="Budget row deepens", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    top = pdf.get_y() + 6
    placed = [
        (row, column, text)
        for column, lines in enumerate((LEFT_COLUMN, RIGHT_COLUMN))
        for row, text in enumerate(lines)
    ]
    if row_by_row:
        placed.sort()
    for row, column, text in placed:
        pdf.set_xy(10 + 95 * column, top + 6 * row)
        pdf.cell(text=text)
    return bytes(pdf.output())


@pytest.mark.parametrize("row_by_row", [True, False], ids=["row-by-row", "column-by-column"])
def test_two_column_pdf_keeps_each_column_whole(
    store: Store, tmp_path: Path, row_by_row: bool
) -> None:
    path = write(tmp_path / "columns.pdf", two_column_pdf(row_by_row=row_by_row))
    outcome = import_files(store, [path]).outcomes[0]
    assert outcome.status == "added", outcome.reason
    article = store.article(outcome.article_id or 0)
    assert article is not None
    assert article["text"] == "\n\n".join(
        ["Budget row deepens", " ".join(LEFT_COLUMN), " ".join(RIGHT_COLUMN)]
    )
    assert not any("columns" in note for note in outcome.notes), outcome.notes
    rows = store.db.execute(
        "SELECT q.text, s.name FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id "
        "WHERE q.article_id = ?",
        [outcome.article_id],
    ).fetchall()
    by_text = {text: speaker for text, speaker in rows}
    left_quote = [t for t in by_text if t.startswith("The economy is growing")]
    assert len(left_quote) == 1, rows
    assert "families across the country" in left_quote[0]
    assert "Roe" not in left_quote[0] and "fantasy" not in left_quote[0]
    assert "Jane Doe" in str(by_text[left_quote[0]])


def test_a_page_whose_columns_are_unclear_is_noted(store: Store, tmp_path: Path) -> None:
    """Short runs lined up at one x (a table drawn row by row, or columns?) are kept in the
    order drawn, and the import says to check the page."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    rows = [
        ("Jane Doe", "Inflation will fall below two percent by the end of the year."),
        ("John Roe", "Nobody believes these numbers, and households know it."),
        ("Ann Lee", "The central bank will act if prices keep rising this spring."),
        ("Tom Ito", "Wages have to catch up before anything else can change."),
    ]
    for row, (speaker, said) in enumerate(rows):
        pdf.set_xy(10, 20 + 6 * row)
        pdf.cell(text=speaker)
        pdf.set_xy(105, 20 + 6 * row)
        pdf.cell(text=said)
    path = write(tmp_path / "table.pdf", bytes(pdf.output()))
    outcome = import_files(store, [path]).outcomes[0]
    assert outcome.status == "added", outcome.reason
    assert "page 1 looks like it has columns; check the text" in outcome.notes
    text = (store.article(outcome.article_id or 0) or {})["text"]
    assert text.index("Jane Doe") < text.index("Inflation") < text.index("John Roe")


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_the_date_comes_from_a_sidecar_never_the_creation_date(
    store: Store, tmp_path: Path, suffix: str
) -> None:
    """A .docx made from a 2013 template or a PDF printed today says nothing about when a
    quote was said; the sidecar .json gives the real date."""
    make = statement_pdf if suffix == ".pdf" else statement_docx
    bare = write(tmp_path / f"bare{suffix}", make())
    dated_dir = tmp_path / "dated"
    dated_dir.mkdir()
    dated = write(dated_dir / f"statement{suffix}", make())
    (dated_dir / "statement.json").write_text('{"published": "2024-02-27"}', encoding="utf-8")
    bare_outcome = import_files(store, [bare]).outcomes[0]
    assert bare_outcome.status == "added", bare_outcome.reason
    assert (store.article(bare_outcome.article_id or 0) or {})["published"] is None
    assert "document created 2024-03-05" in bare_outcome.notes
    other = Store(":memory:")
    try:
        outcome = import_files(other, [dated]).outcomes[0]
        assert (other.article(outcome.article_id or 0) or {})["published"] == "2024-02-27"
    finally:
        other.close()


def test_sizes_and_limits_are_printed_in_one_unit(store: Store, tmp_path: Path) -> None:
    """A limit of 5 MB is 5 x 1024 x 1024 bytes, and sizes are shown in the same unit (they
    once were in millions of bytes: "125.8 MB is over the 100 MB limit" for 120 MB)."""
    from quotecheck import fetch, importing

    mib = 2**20
    assert importing.format_mb(120 * mib) == "120.0 MB"
    assert importing.format_mb(5 * mib + 1) == "5.1 MB"  # over the limit shows as over it
    assert documents.too_big_document("big.pdf", 120 * mib) == (
        "big.pdf: 120.0 MB is over the 100 MB limit for one PDF or Word file"
    )
    assert fetch._too_big("https://x.org/a.pdf", "application/pdf", 100 * mib, 120 * mib) == (
        "https://x.org/a.pdf: 120.0 MB is over the 100 MB limit for one PDF or Word file"
    )
    assert documents._too_much_text("a.pdf", 6 * mib).endswith("(at least 6.0 MB)")
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(6 * mib)
    reason = import_files(store, [big]).refused[0].reason
    assert reason == f"{big}: 6.0 MB is over the 5 MB limit for one article"
