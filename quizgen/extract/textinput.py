"""Plain text or Markdown → the article, with title, author and date read off its top.

A text file has no metadata, so the lines above the first paragraph are read instead:
the headline (also a Markdown heading, or one short line ending in "?", which is a
headline and not paragraph 1), a byline "By NAME" (maybe ", DATE" after it) and a line
that is only a date.
"""

from __future__ import annotations

import re

from .documents import Document
from .facts import find_facts
from .sentences import block_layout, parse_article, split_blocks

_BYLINE = re.compile(r"^by\s+(?P<who>[^,·|–—]+?)\s*(?:[,·|–—]\s*(?P<rest>.+))?$",
                     re.IGNORECASE)
TOP_BLOCKS = 4


def read_text(text: str, name: str, url: str | None) -> Document:
    article = parse_article(text)
    author: str | None = None
    date: str | None = None
    for block in split_blocks(text)[:TOP_BLOCKS]:
        if block_layout(block) is not None and not block.text.rstrip().endswith("?"):
            break
        line = " ".join(block.text.split())
        byline = _BYLINE.match(line)
        if byline and author is None:
            who = byline.group("who").strip()
            # "By Jane Reporter" names someone; "By our Economics Correspondent" does not.
            author = who if who[:1].isupper() else None
            date = date or _date_of(byline.group("rest") or "")
        elif date is None:
            date = _date_of(line, whole=True)
    return Document(text=text, kind="text", name=name, title=article.headline,
                    author=author, date=date, url=url)


def _date_of(text: str, whole: bool = False) -> str | None:
    """The ISO date a line states; with `whole`, only when the line is nothing but it."""
    for fact in find_facts(text):
        if fact.kind != "date" or fact.date is None or fact.date.day is None:
            continue
        if whole and len(fact.text) < len(text.strip(" .")) - 12:
            continue
        return fact.date.iso()
    return None
