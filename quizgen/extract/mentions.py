"""Treaty names found once, found again wherever the article repeats them.

A name is recognised where its sentence shows what it is: "the Doha Amendment to the
protocol" names a treaty's amendment, while "66 states have accepted the Doha Amendment"
alone could be a constitution's. Once the article has named it, every later or earlier
mention in the same words is the same name. This needs the whole article, so it runs
after the sentence patterns (`candidates.all_facts`), like the abbreviations of
`acronyms.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .facttypes import Fact, covered
from .values import treaty_key


def names_found(facts: Iterable[Fact]) -> frozenset[str]:
    """The treaty names, as written, that start with a capital and have two words or more:
    "Doha Amendment", not "treaty"."""
    return frozenset(fact.text for fact in facts if fact.kind == "treaty"
                     and fact.text[:1].isupper() and len(fact.text.split()) >= 2
                     and "\n" not in fact.text)


def name_mentions(text: str, names: frozenset[str], taken: Iterable[Fact] = (),
                  offset: int = 0) -> list[Fact]:
    """Every mention of one of `names` in `text` that no treaty fact already covers.
    `text` starts at `offset` of the article, where `taken` and the results are placed."""
    if not names:
        return []
    return uncovered_names(_mentions_of(names), text, taken, offset, "treaty-mention")


def uncovered_names(pattern: re.Pattern[str], text: str, taken: Iterable[Fact], offset: int,
                    how: str) -> list[Fact]:
    """Each match of `pattern` in `text` as a treaty name (found by `how`), where no treaty
    fact in `taken` already covers it; `text` starts at `offset` of the article."""
    spans = sorted((fact.start, fact.end) for fact in taken if fact.kind == "treaty")
    found = []
    for match in pattern.finditer(text):
        start, end = offset + match.start(), offset + match.end()
        if not covered(spans, start, end):
            name = match.group()
            found.append(Fact("treaty", start, end, name, treaty_key(name), how))
    return found


@cache
def _mentions_of(names: frozenset[str]) -> re.Pattern[str]:
    """One pattern per article's names, longest first so a name wins over its own start;
    not where a capitalised word goes on ("the Antarctic Treaty Secretariat" is a body)."""
    ordered = sorted(names, key=lambda name: (-len(name), name))
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in ordered)
                      + r")(?![\w-])(?!\s+[A-Z])")
