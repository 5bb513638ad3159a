"""A saved web page → the article's text and metadata, by trafilatura (see `documents`)."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import trafilatura

from ..errors import InputError
from .documents import Document


def read_html(page: bytes, name: str, url: str | None) -> Document:
    """Main text only: navigation, cookie notices, footers and related links are dropped."""
    extracted = trafilatura.extract(page, output_format="xml", include_tables=True,
                                    include_comments=False, include_images=False,
                                    include_links=False, with_metadata=True,
                                    deduplicate=False, favor_recall=True)
    if not extracted:
        raise InputError(f"{name}: no article text found in this web page")
    root = ElementTree.fromstring(extracted.encode("utf-8"))
    main = root.find("main")
    blocks = [] if main is None else [_block(element) for element in main]
    meta = {key: _clean(root.get(key)) for key in ("title", "author", "sitename", "date", "url")}
    blocks = [block for block in blocks if block]
    if meta["title"] and (not blocks or blocks[0] != meta["title"]):
        # The page shows its title above the article; trafilatura may drop it. Without it
        # a page that is one table would have no blank line, and its rows no paragraph.
        blocks.insert(0, meta["title"])
    text = "\n\n".join(blocks) + "\n"
    return Document(text=text, kind="html", name=name, title=meta["title"],
                    author=meta["author"], publication=meta["sitename"],
                    date=meta["date"], url=url or meta["url"])


def _block(element: ElementTree.Element) -> str:
    tag = element.tag
    if tag == "list":
        return "\n".join("- " + _words(item) for item in element.iter("item") if _words(item))
    if tag == "table":
        rows = [" | ".join(_words(cell) for cell in row.iter("cell"))
                for row in element.iter("row")]
        return "\n".join(row for row in rows if row.strip(" |"))
    return _words(element)


def _words(element: ElementTree.Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None
