"""Fetching an article by its link: `quotecheck import https://...` and the app's paste dialog.

QuoteCheck works offline; this module is the only place that opens a network connection, and
only for a link the user gave. The rules, kept simple and documented in the README:

- only http:// and https:// links are fetched (file:, ftp:, data: ... are refused by name);
- the request says who it is (User-Agent "QuoteCheck/<version>"); up to MAX_REDIRECTS
  redirects are followed, each to http or https only; the whole fetch must finish within the
  timeout (DEFAULT_TIMEOUT seconds, or QUOTECHECK_FETCH_TIMEOUT, or the caller's value);
- the body is read in chunks up to the limit of what it is, one byte more, and refused when
  over it: MAX_ARTICLE_BYTES for a page or text, MAX_DOCUMENT_FILE_BYTES for a PDF or Word
  file (a Content-Length over the limit is refused before reading);
- images, video, audio and other media types are refused by their Content-Type before the
  body is read; a PDF or .docx is recognised by its first bytes or, failing that, by its
  Content-Type, and read by quotecheck.documents like a file;
- a page is decoded by the charset of its Content-Type header, else of its <meta> tag, else
  as UTF-8 or with the detected encoding (quotecheck.importing.decode); its main text and
  metadata (title, site name, date) come from trafilatura as for an .html file. A page whose
  main text is under MIN_PAGE_WORDS words (a paywall, an app built by JavaScript) is refused
  with advice to save it from the browser and import the file.

Every refusal is a QuoteCheckError naming the link and the reason in one line.
"""

from __future__ import annotations

import http.client
import math
import os
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from quotecheck import QuoteCheckError, __version__
from quotecheck.importing import (
    MAX_ARTICLE_BYTES,
    MB,
    article_from_bytes,
    decode,
    format_mb,
    html_to_text,
    sniff_document,
)
from quotecheck.model import ArticleMeta

USER_AGENT = f"QuoteCheck/{__version__}"
DEFAULT_TIMEOUT = 20.0  # seconds for the whole fetch: connecting, redirects and the body
TIMEOUT_ENV = "QUOTECHECK_FETCH_TIMEOUT"
MAX_REDIRECTS = 5
# Under this many words of main text a "page" is a paywall teaser, a cookie wall or the shell
# of a JavaScript app, not an article.
MIN_PAGE_WORDS = 30
SCHEMES = ("http", "https")
_CHUNK = 64 * 1024

_ACCEPT = (
    "text/html,application/xhtml+xml,application/pdf,"
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9,"
    "text/plain;q=0.8,*/*;q=0.5"
)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
_PDF_TYPES = ("application/pdf", "application/x-pdf")
_DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# No useful Content-Type: the first bytes decide.
_UNKNOWN_TYPES = (
    "",
    "application/octet-stream",
    "binary/octet-stream",
    "application/download",
    "application/force-download",
    "application/x-download",
)
_MEDIA = {"image": "an image", "video": "a video", "audio": "a sound file", "font": "a font"}
# Schemes that make an argument a link rather than a file name (refused unless http/https).
_LINK_SCHEMES = frozenset(
    "http https file ftp ftps sftp data javascript mailto about blob ws wss gopher ssh".split()
)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_WORD = re.compile(r"\w+")
_JAVASCRIPT_WALL = re.compile(r"enable javascript|javascript is (?:disabled|required)", re.I)


class FetchCancelled(QuoteCheckError):
    """The user cancelled the fetch (the app's Cancel)."""


@dataclass(slots=True)
class Fetched:
    url: str  # as given
    final_url: str  # after redirects
    status: int
    content_type: str  # the media type, lower-case; "" when the server sent none
    charset: str | None  # from the Content-Type header
    data: bytes
    notes: list[str] = field(default_factory=list)


def looks_like_url(arg: str) -> bool:
    """Whether a command-line argument is a link (any scheme) rather than a file name."""
    arg = arg.strip()
    m = _SCHEME.match(arg)
    if not m or len(m.group(1)) < 2:  # "C:\..." is a Windows path
        return False
    return m.group(1).lower() in _LINK_SCHEMES or arg[m.end() :].startswith("//")


def fetch_timeout(timeout: float | None = None) -> float:
    """The caller's timeout (the CLI's --timeout), else QUOTECHECK_FETCH_TIMEOUT, else
    DEFAULT_TIMEOUT (seconds). A value that is not a number of seconds over 0 is refused
    with a QuoteCheckError naming the option or the variable, never replaced silently."""
    if timeout is not None:
        if not (math.isfinite(timeout) and timeout > 0):
            raise QuoteCheckError(
                f"--timeout {timeout:g}: give the time limit as a number of seconds over 0"
            )
        return float(timeout)
    raw = os.environ.get(TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise QuoteCheckError(
            f"{TIMEOUT_ENV}={raw!r}: give the time limit as a number of seconds over 0"
        )
    return value


def check_url(url: str) -> str:
    """The link as it will be requested (non-ASCII path characters percent-encoded);
    refuses anything but an http or https link with a host name."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a bad port)
    except ValueError as exc:
        raise QuoteCheckError(f"{url}: not a valid link ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        if not scheme:
            raise QuoteCheckError(f"{url}: not a link (a link starts with https:// or http://)")
        hint = "; import the file by its path instead" if scheme == "file" else ""
        raise QuoteCheckError(
            f"{url}: {scheme}: links are not fetched, only http:// and https:// ones{hint}"
        )
    if not parts.hostname:
        raise QuoteCheckError(f"{url}: not a valid link (no host name)")
    safe = "/%:@!$&'()*+,;=-._~"
    return urlunsplit(
        (
            scheme,
            parts.netloc,
            quote(parts.path, safe=safe),
            quote(parts.query, safe=safe + "?"),
            "",
        )
    )


def host_of(url: str) -> str:
    try:
        parts = urlsplit(url)
        return parts.netloc.rsplit("@", 1)[-1] or url
    except ValueError:
        return url


def fetch(
    url: str,
    *,
    timeout: float | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Fetched:
    """GET one link by the rules of this module. The download runs in a helper thread so the
    total timeout and `cancelled()` (polled every 50 ms) are honoured at any moment, even while
    connecting; an abandoned download stops at its next chunk or socket timeout."""
    limit = fetch_timeout(timeout)
    request_url = check_url(url)
    deadline = time.monotonic() + limit
    stop = threading.Event()
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["result"] = _download(url, request_url, limit, stop)
        except BaseException as exc:  # handed to the waiting thread
            box["error"] = exc

    thread = threading.Thread(target=run, name=f"fetch {host_of(url)}", daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(0.05)
        if not thread.is_alive():
            break
        if cancelled is not None and cancelled():
            stop.set()
            raise FetchCancelled(f"{url}: fetch cancelled")
        if time.monotonic() > deadline:
            stop.set()
            raise QuoteCheckError(_timed_out(url, limit))
    if "error" in box:
        raise box["error"]
    result: Fetched = box["result"]
    return result


def _timed_out(url: str, limit: float) -> str:
    return f"{url}: no complete answer from {host_of(url)} within {limit:g} s (timed out)"


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, and only to http or https links."""

    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def __init__(self, original: str) -> None:
        self.original = original

    def http_error_302(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any
    ) -> Any:
        target = headers.get("Location") or headers.get("URI")
        if target:
            newurl = urljoin(req.full_url, target)
            scheme = urlsplit(newurl).scheme.lower()
            if scheme not in SCHEMES:
                raise QuoteCheckError(
                    f"{self.original}: redirected to {newurl}, which is not an http:// or "
                    "https:// link; not followed"
                )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener(original: str) -> urllib.request.OpenerDirector:
    """http and https only (no file:, ftp: or data: handlers at all), proxies from the
    environment as usual."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _Redirects(original),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _download(url: str, request_url: str, timeout: float, stop: threading.Event) -> Fetched:
    host = host_of(request_url)
    request = urllib.request.Request(
        request_url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT}
    )
    try:
        response = _opener(url).open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        if 300 <= exc.code < 400:
            if str(exc.reason).startswith(urllib.request.HTTPRedirectHandler.inf_msg):
                raise QuoteCheckError(
                    f"{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?); not followed"
                ) from None
            if exc.code not in (300, 304) and not exc.headers.get("Location"):
                raise QuoteCheckError(
                    f"{url}: the server answered HTTP {exc.code} without saying where to go"
                ) from None
        raise QuoteCheckError(f"{url}: {_http_status(exc.code, str(exc.reason))}") from None
    except urllib.error.URLError as exc:
        raise QuoteCheckError(_network_error(url, host, exc.reason, timeout)) from None
    except TimeoutError:
        raise QuoteCheckError(_timed_out(url, timeout)) from None
    except http.client.HTTPException as exc:
        raise QuoteCheckError(f"{url}: the server sent a broken answer ({exc!r})") from None
    except OSError as exc:
        raise QuoteCheckError(_network_error(url, host, exc, timeout)) from None
    with response:
        final_url = response.geturl()
        headers = response.headers
        raw_type = headers.get("Content-Type") or ""
        content_type = raw_type.split(";", 1)[0].strip().lower()
        charset = headers.get_content_charset() if raw_type else None
        limit = _limit_for(url, content_type)
        length = headers.get("Content-Length")
        encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
        if length and length.isdigit() and int(length) > limit and encoding == "identity":
            raise QuoteCheckError(_too_big(url, content_type, limit, int(length)))
        try:
            data = _read_body(response, url, content_type, limit, encoding, stop)
        except TimeoutError:
            raise QuoteCheckError(_timed_out(url, timeout)) from None
        except http.client.IncompleteRead as exc:
            raise QuoteCheckError(
                f"{url}: the download broke off after {len(exc.partial):,} bytes"
            ) from None
        except (http.client.HTTPException, OSError) as exc:
            raise QuoteCheckError(f"{url}: the download broke off ({exc})") from None
    notes = []
    if final_url != request_url:
        notes.append(f"redirected to {final_url}")
    return Fetched(url, final_url, response.status, content_type, charset, data, notes)


def _http_status(code: int, reason: str) -> str:
    hints = {
        401: " (the page needs a login; save it from the browser as .html and import the file)",
        403: " (the site refuses; save the page from the browser as .html and import the file)",
        404: " (no such page)",
        410: " (the page was removed)",
        429: " (too many requests; try again later)",
    }
    hint = hints.get(code, " (a server error; try again later)" if code >= 500 else "")
    return f"the server answered HTTP {code} {reason}".rstrip() + hint


def _network_error(url: str, host: str, reason: Any, timeout: float) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return _timed_out(url, timeout)
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"{url}: the secure connection to {host} failed ({reason.verify_message})"
    if isinstance(reason, ssl.SSLError):
        return f"{url}: the secure connection to {host} failed ({reason.reason or reason})"
    if isinstance(reason, socket.gaierror):
        return (
            f"{url}: cannot reach {host}: {reason.strerror or reason} (no network, or no such host)"
        )
    if isinstance(reason, ConnectionRefusedError):
        return f"{url}: cannot reach {host}: connection refused"
    if isinstance(reason, OSError) and reason.strerror:
        return f"{url}: cannot reach {host}: {reason.strerror}"
    return f"{url}: cannot reach {host}: {reason}"


def _kind(content_type: str) -> str:
    if content_type in _HTML_TYPES:
        return "html"
    if content_type in _TEXT_TYPES:
        return "text"
    if content_type in _PDF_TYPES:
        return "pdf"
    if content_type == _DOCX_TYPE:
        return "docx"
    if content_type in _UNKNOWN_TYPES:
        return "unknown"
    return "unsupported"


def _limit_for(url: str, content_type: str) -> int:
    """The size ceiling by what the server says it sends; refuses media and other types."""
    from quotecheck.documents import MAX_DOCUMENT_FILE_BYTES

    kind = _kind(content_type)
    if kind == "unsupported":
        major = content_type.split("/", 1)[0]
        what = f" ({_MEDIA[major]})" if major in _MEDIA else ""
        raise QuoteCheckError(
            f"{url}: unsupported content type {content_type}{what}; QuoteCheck imports web "
            "pages, text, PDF and Word documents"
        )
    return MAX_DOCUMENT_FILE_BYTES if kind in ("pdf", "docx", "unknown") else MAX_ARTICLE_BYTES


def _too_big(url: str, content_type: str, limit: int, size: int | None) -> str:
    what = (
        "one PDF or Word file"
        if _kind(content_type) in ("pdf", "docx", "unknown")
        else "one article"
    )
    amount = f"{format_mb(size)} is" if size is not None else "the answer is"
    return f"{url}: {amount} over the {limit // MB} MB limit for {what}"


def _read_body(
    response: Any, url: str, content_type: str, limit: int, encoding: str, stop: threading.Event
) -> bytes:
    """At most `limit` bytes (after gzip/deflate decoding); one more refuses the answer."""
    if encoding in ("gzip", "x-gzip", "deflate"):
        inflate: Any = zlib.decompressobj(47 if "gzip" in encoding else 15)
    elif encoding == "identity":
        inflate = None
    else:
        raise QuoteCheckError(f"{url}: the answer is compressed as {encoding}, which is not read")
    parts: list[bytes] = []
    size = 0
    while not stop.is_set():
        chunk = response.read(_CHUNK)
        if not chunk:
            if inflate is not None:
                tail = inflate.flush()
                parts.append(tail)
                size += len(tail)
            break
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, limit + 1 - size)
            except zlib.error as exc:
                raise QuoteCheckError(f"{url}: the compressed answer is damaged ({exc})") from None
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            raise QuoteCheckError(_too_big(url, content_type, limit, None))
    if size > limit:
        raise QuoteCheckError(_too_big(url, content_type, limit, None))
    return b"".join(parts)


# -- the fetched answer as an article -----------------------------------------------------


def decode_page(data: bytes, charset: str | None, name: str) -> tuple[str, list[str]]:
    """Text of a fetched page: the header's charset, else the <meta> charset, else UTF-8 or
    the detected encoding (with a note saying which was assumed)."""
    for declared, where in ((charset, "the server's charset"), (_meta_charset(data), "<meta>")):
        if not declared:
            continue
        codec = declared.strip().lower()
        if codec in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
            codec = "cp1252"  # what browsers do (WHATWG): the C1 range is Windows-1252
        try:
            text = data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
        if text.startswith("\ufeff"):
            text = text[1:]
        note = [] if codec in ("utf-8", "utf8") else [f"decoded as {declared} ({where})"]
        return text, note
    return decode(data, name)


def _meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--"))


def no_article_text(url: str) -> str:
    return (
        f"{url}: no article text found on the page (paywalled or built by JavaScript?); "
        "save the page as .html and import the file"
    )


def article_from_fetched(fetched: Fetched) -> tuple[str, ArticleMeta, list[str]]:
    """Text, metadata and notes of a fetched answer: a PDF or Word file by its first bytes
    or Content-Type, a web page, or plain text. Raises QuoteCheckError when refused."""
    from quotecheck.documents import document_from_bytes

    url, data = fetched.url, fetched.data
    notes = list(fetched.notes)
    kind = _kind(fetched.content_type)
    document = sniff_document(data)
    if document is None and kind in ("pdf", "docx") and not _looks_like_html(data):
        document = "." + kind  # the reader refuses it with its own reason
    if document is not None:
        text, meta, found = document_from_bytes(data, url, document)
        return text, meta, notes + found
    if kind == "html" or (kind in ("unknown", "pdf", "docx") and _looks_like_html(data)):
        if len(data) > MAX_ARTICLE_BYTES:
            raise QuoteCheckError(_too_big(url, "text/html", MAX_ARTICLE_BYTES, len(data)))
        html, decoded = decode_page(data, fetched.charset, url)
        text, meta = html_to_text(html, url=fetched.final_url)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        words = len(_WORD.findall(text))
        if words < MIN_PAGE_WORDS or (words < 3 * MIN_PAGE_WORDS and _JAVASCRIPT_WALL.search(text)):
            raise QuoteCheckError(no_article_text(url))
        if meta.title is None:
            first = text.strip().split("\n", 1)[0].strip()
            meta.title = first[:120] + ("…" if len(first) > 120 else "")
        return text, meta, notes + decoded + ["web page reduced to its main text"]
    if len(data) > MAX_ARTICLE_BYTES:
        raise QuoteCheckError(_too_big(url, "text/plain", MAX_ARTICLE_BYTES, len(data)))
    if kind == "text" and fetched.charset:
        text, decoded = decode_page(data, fetched.charset, url)
        data = text.encode("utf-8")
        notes += decoded
    markdown = fetched.content_type in ("text/markdown", "text/x-markdown")
    text, meta, found = article_from_bytes(data, url, is_html=False, is_markdown=markdown)
    return text, meta, notes + found
