"""Ids made from text: readable, valid slugs, unique in their deck.

`quizgen add` makes question ids from prompts with these, and the loader suggests a
valid id for an invalid one the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

MAX_SLUG_WORDS = 8
MAX_SLUG_LENGTH = 60
"""Short enough to read in a list of ids, long enough to tell questions apart."""

_APOSTROPHES = re.compile("['\u2019\u02bc]")  # straight, curly and modifier apostrophes
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str, fallback: str = "question") -> str:
    """'How many years separated Putin's visits?' → 'how-many-years-separated-putins-visits'.

    Accents are folded to ASCII and apostrophes dropped (not turned into hyphens), so
    the id reads like the prompt; text with no Latin letters or digits gets `fallback`.
    """
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(char for char in folded if not unicodedata.combining(char)).lower()
    folded = _APOSTROPHES.sub("", folded)
    words = [word for word in _NOT_ALNUM.split(folded) if word]
    slug = ""
    for word in words[:MAX_SLUG_WORDS]:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_SLUG_LENGTH:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:MAX_SLUG_LENGTH]
    return slug or fallback


def unique_slug(base: str, taken: Collection[str]) -> str:
    """`base`, or `base-2`, `base-3`, … : the first one no other question uses."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
