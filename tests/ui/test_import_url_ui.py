"""A link imported from the app: the paste dialog with only a URL, a link dropped from a
browser, and Cancel during a slow fetch. The fetch runs in the import worker, never on the GUI
thread. Pages come from a local server started by the test; no internet."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from quotecheck.model import ArticleMeta
from quotecheck.store import QuoteFilter

QUOTE = "will reopen on Friday with every berth in use"
PAGE = f"""<!doctype html><html><head><meta charset="utf-8">
<title>Harbour to reopen | The Gazette</title>
<meta property="og:title" content="Harbour to reopen on Friday">
<meta property="og:site_name" content="The Gazette">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
</head><body><article><h1>Harbour to reopen on Friday</h1>
<p>The harbour, closed since the storm last week, will reopen at the end of the week,
officials said on Tuesday after inspecting the damaged quays.</p>
<p>Mayor Anna Berg said the harbour "{QUOTE}" and thanked the crews who worked
through the night.</p></article></body></html>""".encode()


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    release = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path == "/slow":
                release.wait(20)
            status = 404 if self.path == "/missing" else 200
            body = PAGE if status == 200 else b"not found"
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = QuietServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    release.set()
    httpd.shutdown()
    httpd.server_close()


def test_paste_dialog_with_only_a_link_fetches_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    from quotecheck_ui.dialogs import PasteArticleDialog

    dialog = PasteArticleDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.url.setText("not a link")  # nothing to fetch
    assert not dialog.ok.isEnabled() and dialog.link() is None
    assert "https://" in dialog.url_hint.text()
    dialog.url.setText("https://example.org/story")
    assert dialog.ok.isEnabled() and dialog.ok.text() == "&Fetch and import"
    assert dialog.link() == "https://example.org/story"
    dialog.text.setPlainText("Pasted text wins: the link is then only metadata.")
    assert dialog.ok.text() == "&Import" and dialog.link() is None


def test_a_link_without_its_scheme_is_completed_with_https(qtbot) -> None:  # type: ignore[no-untyped-def]
    from quotecheck_ui.dialogs import PasteArticleDialog

    dialog = PasteArticleDialog()
    qtbot.addWidget(dialog)
    dialog.url.setText("www.example.org/story")
    assert dialog.ok.isEnabled() and dialog.ok.text() == "&Fetch and import"
    assert dialog.link() == "https://www.example.org/story"
    assert "https://www.example.org/story" in dialog.url_hint.text()  # the completed link shown
    assert dialog.article()[1].url == "https://www.example.org/story"
    dialog.text.setPlainText("Some article text.")  # with text, it is the article's URL
    assert dialog.ok.text() == "&Import" and dialog.link() is None
    assert dialog.article()[1].url == "https://www.example.org/story"
    dialog.text.clear()
    dialog.url.setText("example")  # no dot, no scheme: not taken for a link
    assert not dialog.ok.isEnabled() and dialog.link() is None
    assert "https://" in dialog.url_hint.text() and dialog.url_hint.isEnabled()


def test_a_link_alone_in_the_text_box_is_taken_as_the_link(qtbot) -> None:  # type: ignore[no-untyped-def]
    from quotecheck_ui.dialogs import PasteArticleDialog

    dialog = PasteArticleDialog()
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("  https://example.org/news/story?id=4\n")
    assert dialog.ok.isEnabled() and dialog.ok.text() == "&Fetch and import"
    assert dialog.link() == "https://example.org/news/story?id=4"
    assert dialog.article()[1].url == "https://example.org/news/story?id=4"
    assert "only a link" in dialog.url_hint.text()
    for text in (
        "See https://example.org/story for more.",  # text that mentions a link
        "https://example.org/a https://example.org/b",  # two links
        "ftp://example.org/file",  # not a web link
    ):
        dialog.text.setPlainText(text)
        assert dialog.link() is None and dialog.ok.text() == "&Import", text


def test_a_link_pasted_in_the_text_box_is_fetched_not_stored_as_text(  # type: ignore[no-untyped-def]
    window, qtbot, server, monkeypatch, settle
) -> None:
    import quotecheck_ui.mainwindow as mw

    class LinkInText(mw.PasteArticleDialog):
        def exec(self) -> int:
            self.text.setPlainText(f"{server}/story\n")
            return 1

    monkeypatch.setattr(mw, "PasteArticleDialog", LinkInText)
    with qtbot.waitSignal(window.importFinished, timeout=20000) as blocker:
        window.act_paste.trigger()
    report = blocker.args[0]
    assert [o.status for o in report.outcomes] == ["added"], report.outcomes
    assert report.outcomes[0].quotes > 0
    store = window.ctx.store
    assert not [a for a in store.articles() if a["origin"] == "paste"]  # not the URL as text
    article = next(a for a in store.articles() if a["origin"] == "url")
    assert store.article(article["id"])["title"] == "Harbour to reopen on Friday"
    settle(window)


def test_link_from_the_paste_dialog_is_fetched_in_the_worker(  # type: ignore[no-untyped-def]
    window, qtbot, server, monkeypatch, settle
) -> None:
    import quotecheck_ui.mainwindow as mw

    class LinkOnly(mw.PasteArticleDialog):
        def exec(self) -> int:
            self.url.setText(f"{server}/story")
            self.publisher.setText("Gazette (typed)")  # a field the user fills in wins
            return 1

    monkeypatch.setattr(mw, "PasteArticleDialog", LinkOnly)
    gui_thread = threading.get_ident()
    fetched_on: list[int] = []
    real_fetch = mw.import_url

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        fetched_on.append(threading.get_ident())
        return real_fetch(*args, **kwargs)

    monkeypatch.setattr(mw, "import_url", spy)
    before = window.model.rowCount()
    with qtbot.waitSignal(window.importFinished, timeout=20000) as blocker:
        window.act_paste.trigger()
        assert window.importing  # returned at once; the worker fetches
    report = blocker.args[0]
    assert [o.status for o in report.outcomes] == ["added"], report.outcomes
    assert fetched_on and gui_thread not in fetched_on
    store = window.ctx.store
    article = next(a for a in store.articles() if a["origin"] == "url")
    stored = store.article(article["id"])
    assert stored["url"] == f"{server}/story"
    assert stored["title"] == "Harbour to reopen on Friday"
    assert stored["publisher"] == "Gazette (typed)"
    assert stored["published"] == "2024-03-05"
    quotes = store.quotes(QuoteFilter(article_id=article["id"]))
    (quote,) = [q for q in quotes if QUOTE in q["text"]]
    assert stored["text"][quote["start"] : quote["end"]] == quote["text"]
    qtbot.waitUntil(lambda: window.model.rowCount() == before + len(quotes))  # in the table
    settle(window)


def test_links_dropped_from_a_browser_are_fetched_with_their_outcomes(  # type: ignore[no-untyped-def]
    window, qtbot, server
) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl(f"{server}/story"), QUrl(f"{server}/missing")])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    with qtbot.waitSignal(window.importFinished, timeout=20000) as blocker:
        window.dropEvent(drop)
    report = blocker.args[0]
    assert [o.status for o in report.outcomes] == ["added", "refused"]
    assert report.refused[0].reason == (
        f"{server}/missing: the server answered HTTP 404 Not Found (no such page)"
    )
    # a link is fetched, and a refused link is not counted as a file
    assert f"Fetching {server}/story…" in messages
    assert not any(m.startswith("Importing http") for m in messages)
    summary = window.statusBar().currentMessage()
    assert "1 link(s) refused" in summary and "file(s) refused" not in summary
    from quotecheck_ui.dialogs import report_text

    assert report_text(report)[0].endswith("quote(s) found, 1 link(s) refused")


def test_the_import_summary_counts_refused_files_and_links_apart() -> None:
    from quotecheck.importing import FileOutcome, ImportReport
    from quotecheck_ui.dialogs import report_summary

    report = ImportReport(
        [
            FileOutcome("a.txt", "added", quotes=2),
            FileOutcome("b.pdf", "refused", reason="encrypted"),
            FileOutcome("https://example.org/x", "refused", reason="404"),
            FileOutcome("https://example.org/y", "cancelled", reason="cancelled"),
        ]
    )
    assert report_summary(report) == (
        "1 article(s) added, 0 duplicate(s) skipped, 2 quote(s) found, "
        "1 file(s) and 1 link(s) refused, 1 fetch(es) cancelled"
    )
    assert report_summary(ImportReport([FileOutcome("a.txt", "added", quotes=2)])).endswith(
        "2 quote(s) found, none refused"
    )


def test_cancel_stops_a_slow_fetch_at_once(window, qtbot, server) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.importFinished, timeout=20000) as blocker:
        job = window.start_import([], links=[(f"{server}/slow", ArticleMeta())])
        assert window.importing and window.cancel_button.isVisible()
        qtbot.wait(300)  # the worker is waiting for the server now
        started = time.monotonic()
        window.cancel_import()
        assert job.cancelled
    assert time.monotonic() - started < 3  # the server would answer only after 20 s
    (outcome,) = blocker.args[0].outcomes
    assert (outcome.status, outcome.reason) == ("cancelled", f"{server}/slow: fetch cancelled")
    assert not window.importing and not window.progress.isVisible()


def test_the_import_details_name_the_article_a_duplicate_is() -> None:
    from quotecheck.importing import FileOutcome, ImportReport
    from quotecheck_ui.dialogs import report_text

    report = ImportReport([FileOutcome("again.txt", "duplicate", article_id=3)])
    assert "duplicate: again.txt (already stored as article 3)" in report_text(report)[1]
