"""Whatever an article comes as (text, Markdown, a saved web page, a PDF, a URL) → its text.

The kind is chosen by content, not by name: a PDF starts with "%PDF-", a web page with a
doctype or an <html>/<head>/<body> tag near the top; anything else that decodes as
UTF-8 is plain text (Markdown is plain text with a few marks the paragraph rule knows).

- HTML: trafilatura keeps the article's main text (no navigation, footers, cookie
  notices or related links); its paragraphs become blank-line separated blocks, its lists
  "- item" lines, its tables "cell | cell" rows, its headings blocks of their own.
- PDF: the text layer, rebuilt into paragraphs as `pdftext` explains.
- URL (http or https): fetched with a size and time limit, then read as above.

The text returned is the one every paragraph number and span refers to: `extract` and
`check` both read a source through here, so they agree to the character. Only regular
files are read (not a FIFO, a device or a folder), and none over `MAX_BYTES`.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, display_path
from ..limits import MAX_ARTICLE_BYTES
from ..reading import read_regular_file

MAX_BYTES = MAX_ARTICLE_BYTES
"""A file or a fetched page: larger than any article or report a teacher would quiz on."""
FETCH_TIMEOUT = 20.0
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_NEAR_TOP = re.compile(rb"<(?:html|body|p|div|article)\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    """An article's text and what its file says about it (each None when it does not say)."""

    text: str
    kind: str
    """'text', 'html' or 'pdf'."""
    name: str
    """How the source is shown in messages and in the deck: a file name or the URL."""
    title: str | None = None
    author: str | None = None
    publication: str | None = None
    date: str | None = None
    url: str | None = None


def is_url(location: str) -> bool:
    return re.match(r"https?://", location, re.IGNORECASE) is not None


def read_document(location: str | Path) -> Document:
    """Read a file path or an http(s) URL; `InputError` naming the source when it cannot."""
    if isinstance(location, str) and is_url(location):
        data, url = _fetch(location), location
        name = location
    else:
        path = Path(location)
        data, url, name = (read_regular_file(path, limit=MAX_BYTES, what="article"), None,
                           display_path(path))
    return _decode(data, name, url)


def _fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "quizgen (article reader)"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            data: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise InputError(f"{url}: the server answered {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise InputError(f"{url}: cannot fetch: {reason}") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{url}: more than {MAX_BYTES // (1024 * 1024)} MB; not read")
    return data


def sniff(data: bytes) -> str:
    """'pdf', 'html' or 'text', from the bytes themselves."""
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    head = data[:4096].removeprefix(b"\xef\xbb\xbf")
    if _HTML_START.match(head) or len(_HTML_NEAR_TOP.findall(head)) >= 2:
        return "html"
    return "text"


def _decode(data: bytes, name: str, url: str | None) -> Document:
    kind = sniff(data)
    if kind == "pdf":
        from .pdfinput import read_pdf

        return read_pdf(data, name, url)
    if kind == "html":
        from .htmlinput import read_html

        return read_html(data, name, url)
    from .sentences import decode_article

    text = decode_article(data, name)
    from .textinput import read_text

    return read_text(text, name, url)
