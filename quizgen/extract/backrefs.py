"""A bare figure that points back to a count: "The population was about 8.5 million; by 1901,
it was just 4.4 million", "… 5.1 million. By 1967 that number had grown to 20.0 million".

"It", "that number" or "the total" before a bare figure name what the last count before it
counted, in the same sentence or the one before it in the paragraph. The sentence patterns see
one sentence, so this runs after them (`candidates.all_facts`), like `ones.py`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from decimal import Decimal

from .facttypes import Fact, covered
from .sentences import Sentence
from .values import parse_number, plain
from .words import NUM

_BACK_REFERENCE = re.compile(
    rf"\b(?:[Ii]t|(?:[Tt]hat|[Tt]his|[Tt]he)\s+(?:number|figure|total|count))\s+"
    r"(?:was|is|stood\s+at|reached|(?:had|has)\s+(?:grown|risen|fallen|dropped|climbed)\s+to|"
    r"(?:grew|rose|fell|dropped|climbed)\s+to)\s+"
    r"(?:just\s+|only\s+|about\s+|some\s+|nearly\s+|almost\s+|over\s+|around\s+)?"
    rf"(?P<num>{NUM}(?:\s+(?:thousand|million|billion)\b)?)"
    r"(?![\w%]|[.,]\d|\s*(?:%|per\s?cent|percent|[a-z]))")
_YEARLIKE = re.compile(r"1\d{3}|20\d\d")


def back_references(sentence: Sentence, previous: Sequence[Fact],
                    facts: Sequence[Fact]) -> list[Fact]:
    """Each "it was N" in `sentence` counting what the last count before it counted.
    `previous` are the facts of the sentence before it in the paragraph, `facts` its own."""
    found: list[Fact] = []
    taken = sorted((fact.start, fact.end) for fact in facts if fact.kind != "treaty")
    figures = sorted(((fact.end, fact.start), fact) for fact in (*previous, *facts)
                     if fact.kind in ("count", "money", "percent"))
    ends = [place for place, _ in figures]
    for match in _BACK_REFERENCE.finditer(sentence.text):
        start, end = sentence.start + match.start("num"), sentence.start + match.end("num")
        number = parse_number(match.group("num"))
        if number is None or number < 2 or _YEARLIKE.fullmatch(match.group("num")):
            continue
        if covered(taken, start, end):
            continue
        index = bisect.bisect_right(ends, (start, start))  # the last figure ending before
        last = figures[index - 1][1] if index else None
        if last is None or last.kind != "count" or " " not in last.key:
            continue  # "revenue was $5 billion; it was 4 billion": not a count to share
        noun = last.key.split(" ", 1)[1]
        found.append(Fact("count", start, end, sentence.text[match.start("num"):match.end("num")],
                          f"{plain(number)} {noun}", "count-back-reference",
                          number=Decimal(number), unit=noun, number_start=start,
                          number_end=end))
    return found
