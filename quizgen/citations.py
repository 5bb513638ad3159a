"""The one way a deck's source is cited: Author, “Title”, Publication, date.

Cards, printed quizzes, the Markdown export and the HTML page all cite through `cite`,
each passing its own escaping (and, on cards, a link around the title), so the order,
the quotation marks and what a missing part does are decided here once.
"""

from __future__ import annotations

from collections.abc import Callable

from .models import PartialDate, Source


def date_in_words(value: str) -> str:
    """'2024-06-19' → '19 June 2024'; '2024-06' → 'June 2024'."""
    return PartialDate.parse(value).words()


def _unchanged(text: str) -> str:
    return text


def cite(
    source: Source,
    *,
    escape: Callable[[str], str] = _unchanged,
    wrap_title: Callable[[str], str] = _unchanged,
    date_text: Callable[[str], str] = date_in_words,
) -> str:
    """The citation line: `escape` makes each part safe for the output, `wrap_title` may
    link the quoted title, `date_text` writes the date (cards keep the ISO form)."""
    parts = [escape(source.author)] if source.author else []
    parts.append(wrap_title(f"“{escape(source.title)}”"))
    if source.publication:
        parts.append(escape(source.publication))
    if source.date:
        parts.append(escape(date_text(source.date)))
    return ", ".join(parts)
