"""Articles imported from a link: `quotecheck import https://...`.

Never uses the internet: every page is served by a local ThreadingHTTPServer started by the
test (an article with metadata, a PDF written with fpdf2 at test time, a 404, redirect chains,
a body over the limit, an image, a slow endpoint, pages without article text). A failed
name lookup is simulated by replacing socket.getaddrinfo.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fpdf import FPDF

from quotecheck import QuoteCheckError, __version__
from quotecheck.cli import main
from quotecheck.fetch import MAX_REDIRECTS, FetchCancelled, fetch, looks_like_url
from quotecheck.importing import MAX_ARTICLE_BYTES, import_file, import_url
from quotecheck.store import QuoteFilter, Store

QUOTE = "will reopen on Friday with every berth in use"
ARTICLE_HTML = f"""<!doctype html>
<html><head><meta charset="utf-8"><title>Harbour to reopen | The Gazette</title>
<meta property="og:title" content="Harbour to reopen on Friday">
<meta property="og:site_name" content="The Gazette">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour to reopen on Friday</h1>
<p>The harbour, closed since the storm last week, will reopen at the end of the week,
officials said on Tuesday after inspecting the damaged quays.</p>
<p>Mayor Anna Berg said the harbour "{QUOTE}" and thanked the crews who worked
through the night.</p>
<p>Fishermen had lost five days of work, according to the local cooperative, which asked the
city for compensation.</p>
</article><footer>Copyright The Gazette</footer>
<script>var tracking = "never stored";</script></body></html>"""

CP1252_HTML = (
    "<html><head><title>Caf\u00e9 owners protest</title></head><body><article>"
    "<p>Owners of the caf\u00e9s on the square met the council on Monday evening to discuss "
    "the new rules for terraces, which they say will cost them half of their summer "
    "trade.</p><p>Their spokeswoman, Ren\u00e9e Dubois, said the rules were \u201cdrawn up "
    "without asking a single owner\u201d and asked for a delay of one year.</p>"
    "</article></body></html>"
).encode("cp1252")

JS_APP_HTML = b"""<!doctype html><html><head><title>News App</title>
<script src="/static/app.js"></script></head><body><div id="root"></div>
<noscript>You need to enable JavaScript to run this app.</noscript>
<script>window.__STATE__ = {"story": 1};</script></body></html>"""

PAYWALL_HTML = b"""<!doctype html><html><head><title>Minister resigns | The Times</title>
</head><body><h1>Minister resigns after budget row</h1>
<div class="paywall">Subscribe to continue reading. Already a subscriber? Log in.</div>
</body></html>"""

PLAIN_TEXT = (
    "Council approves new bridge\n\n"
    'The council voted on Monday to build a new bridge. Councillor Ed Park said it was "the '
    'best use of the money we have" and that work would start next spring, once the river '
    "survey is finished and the contract has been signed."
)

PDF_QUOTE = "not waste any moment."


def statement_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_title("Kishida urges action on prices")
    pdf.set_creation_date(datetime(2024, 3, 5, 9, 30, tzinfo=UTC))
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(
        0,
        7,
        "Prime Minister Fumio Kishida spoke to reporters in Tokyo on Tuesday.\n\n"
        f'Kishida said Japan should "{PDF_QUOTE}" He spoke after a meeting with business '
        "leaders.",
    )
    return bytes(pdf.output())


class Site:
    """What the test server serves, and what it saw."""

    def __init__(self) -> None:
        self.pdf = statement_pdf()
        self.user_agents: list[str] = []
        self.body_bytes_sent: dict[str, int] = {}
        self.release = threading.Event()  # ends the slow endpoint's wait at teardown
        self.base = ""


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def send(self, status: int, body: bytes, content_type: str | None, **headers: str) -> None:
            self.send_response(status)
            if content_type is not None:
                self.send_header("Content-Type", content_type)
            for key, value in headers.items():
                self.send_header(key.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)

        def redirect(self, status: int, location: str) -> None:
            self.send(status, b"", "text/html", Location=location)

        def do_GET(self) -> None:  # noqa: C901 (one route per branch)
            site.user_agents.append(self.headers.get("User-Agent", ""))
            path = self.path
            if path == "/story":
                self.send(200, ARTICLE_HTML.encode(), "text/html; charset=utf-8")
            elif path == "/cafe":
                self.send(200, CP1252_HTML, "text/html; charset=windows-1252")
            elif path == "/statement.pdf":
                self.send(200, site.pdf, "application/pdf")
            elif path == "/download":  # a PDF without a useful type: its first bytes tell
                self.send(200, site.pdf, "application/octet-stream")
            elif path == "/plain":
                self.send(200, PLAIN_TEXT.encode(), "text/plain; charset=utf-8")
            elif path == "/missing":
                self.send(404, b"<h1>Not found</h1>", "text/html")
            elif path == "/broken":
                self.send(500, b"oops", "text/plain")
            elif path == "/old":  # a chain of three redirects to the story
                self.redirect(301, "/moved")
            elif path == "/moved":
                self.redirect(302, f"{site.base}/moved-again")
            elif path == "/moved-again":
                self.redirect(307, "/story")
            elif path.startswith("/hop/"):
                n = int(path.rsplit("/", 1)[1])
                self.redirect(302, f"/hop/{n - 1}" if n > 0 else "/story")
            elif path == "/loop":
                self.redirect(302, "/loop")
            elif path == "/to-file":
                self.redirect(302, "file:///etc/passwd")
            elif path == "/huge":  # streamed, no Content-Length: the reader must stop
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                chunk = b"<p>" + b"word " * 2000 + b"</p>\n"
                sent = 0
                try:
                    while sent <= 2 * MAX_ARTICLE_BYTES:
                        self.wfile.write(chunk)
                        sent += len(chunk)
                except OSError:
                    pass  # the client hung up at the limit
                site.body_bytes_sent["/huge"] = sent
            elif path == "/huge-declared":  # refused from its Content-Length, before the body
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(6 * 1024 * 1024))
                self.end_headers()
            elif path == "/photo":
                self.send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
            elif path == "/clip":
                self.send(200, b"\0" * 100, "video/mp4")
            elif path == "/slow":
                site.release.wait(3)
                self.send(200, ARTICLE_HTML.encode(), "text/html")
            elif path == "/app":
                self.send(200, JS_APP_HTML, "text/html")
            elif path == "/paywall":
                self.send(200, PAYWALL_HTML, "text/html")
            else:
                self.send(404, b"", "text/plain")

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (timeout, size limit) is expected here


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    site = Site()
    server = QuietServer(("127.0.0.1", 0), make_handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    site.release.set()
    server.shutdown()
    server.server_close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- a page becomes an article ------------------------------------------------------------


def test_cli_imports_a_page_with_its_metadata_and_quote_offsets(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "q.db")
    url = f"{site.base}/story"
    code, out, err = run(capsys, "--db", db, "import", url)
    assert code == 0, err
    # (how many quotes depends on the extractor; the one asserted below is among them)
    assert re.search(
        rf"^added     {url}: \d+ quote\(s\) \(web page reduced to its main text\)$", out, re.M
    )
    assert re.search(r"^1 added, 0 duplicate\(s\), 0 refused, \d+ quote\(s\)$", out, re.M)
    assert site.user_agents[-1] == f"QuoteCheck/{__version__}"
    with Store(db) as store:
        (article,) = store.articles()
        stored = store.article(article["id"])
        assert stored is not None
        assert stored["url"] == url
        assert stored["origin"] == "url"
        assert stored["title"] == "Harbour to reopen on Friday"
        assert stored["publisher"] == "The Gazette"
        assert stored["published"] == "2024-03-05"
        text = stored["text"]
        assert "never stored" not in text and "Home" not in text
        quotes = store.quotes(QuoteFilter(article_id=article["id"]))
        (quote,) = [q for q in quotes if QUOTE in q["text"]]
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert quote["speaker"] == "Anna Berg"
        assert all(text[q["start"] : q["end"]] == q["text"] for q in quotes)
    # the same page again, and the same text from a saved file: stored once (sha256)
    code, out, _ = run(capsys, "--db", db, "import", url)
    assert code == 0 and f"duplicate {url}: 0 quote(s)" in out
    saved = tmp_path / "story.html"
    saved.write_text(ARTICLE_HTML, encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "import", str(saved))
    assert "duplicate" in out
    with Store(db) as store:
        assert len(store.articles()) == 1


def test_files_and_links_mixed_each_get_their_line_in_order(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "note.txt"
    note.write_text('Port strike ends\nUnion leader Tom Reyes said "we go back on Monday".\n')
    links = [f"{site.base}/missing", f"{site.base}/story", f"{site.base}/photo"]
    code, out, err = run(
        capsys, "--db", str(tmp_path / "q.db"), "import", str(note), *links, "ftp://x.org/a"
    )
    assert code == 0  # some were imported
    lines = out.splitlines()
    assert lines[0].startswith(f"added     {note}: ")
    assert lines[1].startswith(f"added     {links[1]}: ")
    assert lines[1].endswith("quote(s) (web page reduced to its main text)")
    assert err.splitlines() == [
        f"refused   {links[0]}: the server answered HTTP 404 Not Found (no such page)",
        f"refused   {links[2]}: unsupported content type image/png (an image); QuoteCheck "
        "imports web pages, text, PDF and Word documents",
        "refused   ftp://x.org/a: ftp: links are not fetched, only http:// and https:// ones",
    ]
    assert lines[2].startswith("2 added, 0 duplicate(s), 3 refused, ")


def test_all_links_refused_exits_non_zero(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(tmp_path / "q.db"), "import", f"{site.base}/broken")
    assert code == 1
    assert err.strip() == (
        f"refused   {site.base}/broken: the server answered HTTP 500 Internal Server Error "
        "(a server error; try again later)"
    )


def test_pdf_over_http_goes_through_the_document_reader(site: Site, store: Store) -> None:
    for path in ("/statement.pdf", "/download"):
        outcome = import_url(store, site.base + path)
        assert outcome.reason is None
        assert outcome.status == ("added" if path == "/statement.pdf" else "duplicate")
    (article,) = store.articles()
    stored = store.article(article["id"])
    assert stored is not None
    assert stored["url"] == f"{site.base}/statement.pdf"
    assert stored["title"] == "Kishida urges action on prices"
    # the creation date is the export's, not when anything was said: a note, not the date
    assert stored["published"] is None
    assert stored["origin"] == "url"
    quotes = store.quotes(QuoteFilter(article_id=article["id"]))
    (quote,) = [q for q in quotes if PDF_QUOTE in q["text"]]
    assert stored["text"][quote["start"] : quote["end"]] == quote["text"]
    assert quote["speaker"] == "Fumio Kishida"


def test_plain_text_and_a_declared_charset(site: Site, store: Store) -> None:
    outcome = import_url(store, f"{site.base}/plain")
    assert outcome.status == "added" and outcome.quotes >= 1
    outcome = import_url(store, f"{site.base}/cafe")
    assert outcome.status == "added", outcome.reason
    assert "decoded as windows-1252 (the server's charset)" in outcome.notes
    stored = store.article(outcome.article_id or 0)
    assert stored is not None
    assert "Renée Dubois" in stored["text"] and stored["title"] == "Café owners protest"


def test_redirects_are_followed_and_the_final_url_stored(site: Site, store: Store) -> None:
    outcome = import_url(store, f"{site.base}/old")
    assert outcome.status == "added"
    assert f"redirected to {site.base}/story" in outcome.notes
    stored = store.article(outcome.article_id or 0)
    assert stored is not None and stored["url"] == f"{site.base}/story"
    # exactly the limit is fine, one more is refused
    assert import_url(store, f"{site.base}/hop/{MAX_REDIRECTS - 1}").status == "duplicate"
    refused = import_url(store, f"{site.base}/hop/{MAX_REDIRECTS}")
    assert refused.reason == (
        f"{site.base}/hop/{MAX_REDIRECTS}: more than 5 redirects (a redirect loop?); not followed"
    )
    assert "more than 5 redirects" in (import_url(store, f"{site.base}/loop").reason or "")


# -- every failure is one line naming the link and the reason ------------------------------


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "the server answered HTTP 404 Not Found (no such page)"),
        ("/photo", "unsupported content type image/png (an image)"),
        ("/clip", "unsupported content type video/mp4 (a video)"),
        ("/huge", "the answer is over the 5 MB limit for one article"),
        ("/huge-declared", "6.0 MB is over the 5 MB limit for one article"),  # 6 MiB
        (
            "/to-file",
            "redirected to file:///etc/passwd, which is not an http:// or https:// link; "
            "not followed",
        ),
        (
            "/app",
            "no article text found on the page (paywalled or built by JavaScript?); "
            "save the page as .html and import the file",
        ),
        ("/paywall", "no article text found on the page (paywalled or built by JavaScript?)"),
    ],
)
def test_bad_links_are_refused_with_the_reason(
    site: Site, store: Store, path: str, reason: str
) -> None:
    outcome = import_url(store, site.base + path)
    assert outcome.status == "refused"
    assert outcome.reason is not None and outcome.reason.startswith(f"{site.base}{path}: {reason}")
    assert store.articles() == []


def test_a_body_over_the_limit_is_not_read_to_its_end(site: Site, store: Store) -> None:
    import_url(store, f"{site.base}/huge")
    deadline = time.monotonic() + 5
    while "/huge" not in site.body_bytes_sent and time.monotonic() < deadline:
        time.sleep(0.05)
    # the server stops writing once the client has hung up (socket buffers hold a little)
    assert site.body_bytes_sent["/huge"] < 2 * MAX_ARTICLE_BYTES


def test_slow_server_times_out_by_the_parameter_and_the_environment(
    site: Site,
    store: Store,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start = time.monotonic()
    outcome = import_url(store, f"{site.base}/slow", timeout=0.3)
    assert time.monotonic() - start < 2
    assert outcome.reason == (
        f"{site.base}/slow: no complete answer from 127.0.0.1:{site.base.rsplit(':', 1)[1]} "
        "within 0.3 s (timed out)"
    )
    monkeypatch.setenv("QUOTECHECK_FETCH_TIMEOUT", "0.2")
    code, _, err = run(capsys, "--db", str(tmp_path / "q.db"), "import", f"{site.base}/slow")
    assert code == 1 and "within 0.2 s (timed out)" in err
    code, _, err = run(
        capsys, "--db", str(tmp_path / "q.db"), "import", "--timeout", "0.25", f"{site.base}/slow"
    )
    assert code == 1 and "within 0.25 s (timed out)" in err


def test_a_fetch_is_cancelled_at_once(site: Site, store: Store) -> None:
    asked = time.monotonic()
    with pytest.raises(FetchCancelled, match="fetch cancelled"):
        fetch(f"{site.base}/slow", cancelled=lambda: time.monotonic() - asked > 0.2)
    assert time.monotonic() - asked < 1.5
    outcome = import_url(store, f"{site.base}/slow", cancelled=lambda: True)
    assert (outcome.status, outcome.reason) == ("cancelled", f"{site.base}/slow: fetch cancelled")


def test_unreachable_hosts_say_so(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    outcome = import_url(store, f"http://127.0.0.1:{port}/story")
    assert outcome.reason == (
        f"http://127.0.0.1:{port}/story: cannot reach 127.0.0.1:{port}: connection refused"
    )

    def no_dns(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    outcome = import_url(store, "https://news.example.org/story")
    assert outcome.reason == (
        "https://news.example.org/story: cannot reach news.example.org: Name or service not "
        "known (no network, or no such host)"
    )


@pytest.mark.parametrize(
    ("link", "reason"),
    [
        (
            "file:///etc/passwd",
            "file: links are not fetched, only http:// and https:// ones; "
            "import the file by its path instead",
        ),
        ("ftp://ftp.example.org/a.txt", "ftp: links are not fetched"),
        ("data:text/plain,hello", "data: links are not fetched"),
        ("javascript:alert(1)", "javascript: links are not fetched"),
        ("http://", "not a valid link (no host name)"),
        ("http://example.org:99999/", "not a valid link"),
    ],
)
def test_other_schemes_are_refused_by_name_without_any_connection(
    store: Store, monkeypatch: pytest.MonkeyPatch, link: str, reason: str
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("no connection may be attempted")

    monkeypatch.setattr(socket, "create_connection", no_network)
    outcome = import_url(store, link)
    assert outcome.status == "refused"
    assert outcome.reason is not None and outcome.reason.startswith(f"{link}: {reason}")


def test_what_counts_as_a_link() -> None:
    for arg in ("https://a.org/x", "HTTP://A.ORG", "file:///tmp/a.txt", "data:,x", "ftp://h/f"):
        assert looks_like_url(arg), arg
    for arg in ("story.txt", "folder/a.html", "C:\\news\\a.txt", "-", "notes: monday.txt"):
        assert not looks_like_url(arg), arg


def test_a_missing_www_file_hints_at_a_link(tmp_path: Path, store: Store) -> None:
    outcome = import_file(store, Path("www.example.org/story"))
    assert outcome.reason == (
        "www.example.org/story: file not found (for a web page, give its link with https://)"
    )
    with pytest.raises(QuoteCheckError):
        fetch("www.example.org/story")


@pytest.mark.parametrize(
    "arg",
    [
        "example.org/story",
        "news.example.co.uk/2024/03/budget",
        "localhost:8765/x",
        "127.0.0.1:8765",
    ],
)
def test_a_missing_link_without_a_scheme_hints_at_https(
    arg: str,
    tmp_path: Path,
    store: Store,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not "not an article file (use .txt, ...)" nor a bare "file not found"."""
    monkeypatch.chdir(tmp_path)
    hint = f"{arg}: file not found (for a web page, give its link with https://)"
    assert import_file(store, Path(arg)).reason == hint
    code, _, err = run(capsys, "--db", str(tmp_path / "q.db"), "import", arg)
    assert code == 1 and err.splitlines() == [f"refused   {hint}"]


def test_missing_files_that_are_not_links_get_no_link_hint(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert import_file(store, Path("notes.txt")).reason == "notes.txt: file not found"
    assert import_file(store, Path("inbox/notes.txt")).reason == "inbox/notes.txt: file not found"
    (tmp_path / "v1.2").mkdir()
    (tmp_path / "v1.2" / "notes.txt").write_text('She said "yes" at noon.', encoding="utf-8")
    assert import_file(store, Path("v1.2/notes.txt")).status == "added"


@pytest.mark.parametrize(
    ("argv", "env", "message"),
    [
        (["--timeout", "-1"], None, "--timeout -1: give the time limit as a number of seconds"),
        (["--timeout", "0"], None, "--timeout 0: give the time limit as a number of seconds"),
        (["--timeout", "nan"], None, "--timeout nan: give the time limit"),
        ([], "abc", "QUOTECHECK_FETCH_TIMEOUT='abc': give the time limit as a number of seconds"),
        ([], "-5", "QUOTECHECK_FETCH_TIMEOUT='-5': give the time limit"),
    ],
)
def test_a_bad_timeout_is_a_one_line_error_naming_it(
    site: Site,
    store: Store,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    env: str | None,
    message: str,
) -> None:
    """Not a silent fallback to 20 s: one line, and nothing fetched."""
    if env is not None:
        monkeypatch.setenv("QUOTECHECK_FETCH_TIMEOUT", env)
    requests = len(site.user_agents)
    code, _, err = run(
        capsys, "--db", str(tmp_path / "q.db"), "import", *argv, f"{site.base}/article"
    )
    assert code == 1
    assert len(err.splitlines()) == 1 and err.startswith("quotecheck: error: "), err
    assert message in err
    assert len(site.user_agents) == requests
    # the app's paste dialog (no --timeout): the link is refused with the same reason
    if env is not None:
        outcome = import_url(store, f"{site.base}/article")
        assert outcome.status == "refused" and message in (outcome.reason or "")
        assert len(site.user_agents) == requests
