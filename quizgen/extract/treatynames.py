"""Wrong treaty names made from the article itself, never from a list of famous treaties.

A famous name from elsewhere ("Warsaw Pact" beside "Treaty of Aigun") is easy to rule out
and belongs to another era and region. Plausible wrong names come from the article: its
other treaty names first (`distractors.py`), then the answer's own name with one part
swapped for another place or year the same article mentions ("Treaty of Aigun" → "Treaty
of Peking" when the text names Peking; "1961 treaty" → "1971 treaty"). When even that
gives too few, there is no choice question: the fact is asked as a cloze instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..models import MONTHS
from .facts import find_facts
from .facttypes import Fact

_KEYWORDS = frozenset(
    """treaty treaties agreement agreements pact pacts accord accords convention conventions
    protocol protocols charter declaration deal deals""".split())
_LINKS = frozenset("of on for to the and with between concerning".split())
_NOT_PLACES = frozenset(
    [m.casefold() for m in MONTHS]
    + """monday tuesday wednesday thursday friday saturday sunday the this that these those
    his her its their he she it they we our a an one congress parliament senate
    article chapter section part order addition general particular return fact
    practice total""".split())
_PLACE_AFTER = re.compile(
    r"(?<![\w'’-])(?:[Ii]n|at|near|from|to)\s+"
    r"(?P<place>[A-Z][\w'’]+(?:[-\s][A-Z][\w'’]+)?)(?![\w'’-])"
    r"(?P<next>\s*[^\s\w]|\s+[\w'’]+|\s*$)")
_AFTER_A_PLACE = frozenset(
    """in on at and or by for from to with was were is are had has the a an of as after
    before until during when where which who while but""".split())
_NAME_SLOT = re.compile(
    r"^(?P<head>(?:[\w'’-]+\s+)*?(?:Treaty|Agreement|Pact|Accords?|Convention|Protocol)"
    r"\s+of\s+)(?P<slot>[A-Z][\w'’-]+)$"
    r"|^(?P<slot2>[A-Z][\w'’-]+)(?P<tail>\s+(?:[Tt]reaty|[Aa]greement|[Pp]act|[Aa]ccords?|"
    r"[Cc]onvention|[Pp]rotocol))$")
SAME_SPELLING = 0.8
"""Content words this alike are one name spelt two ways (Nanking, Nanjing)."""
_YEAR = re.compile(r"(?<!\d)(1\d{3}|20\d\d)(?!\d)")


@dataclass(frozen=True)
class NameMaterial:
    """What an article offers to build wrong names from: the treaty names of its headline
    (not a paragraph, so not among the facts), its places and its years."""

    places: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    names: tuple[str, ...] = ()


def article_material(text: str, facts: Iterable[Fact], headline: str | None = None
                     ) -> NameMaterial:
    """Places the article puts something in, at or near (and the places its treaty names
    are named after), the years its dates name and the treaty names of its headline, each
    once in reading order."""
    found = list(facts)
    named = [f for f in find_facts(headline) if f.kind == "treaty"] if headline else []
    found += named
    places: list[str] = []
    for match in _PLACE_AFTER.finditer(text):
        place, after = match.group("place"), match.group("next").strip()
        adjective = after[:1].islower() and after not in _AFTER_A_PLACE  # "to British ports"
        if not adjective and _is_place(place) and place not in places:
            places.append(place)
    for fact in found:
        slot = _slot(fact.text) if fact.kind == "treaty" else None
        if (slot is not None and slot[1] not in places and _is_place(slot[1])
                and _named_after_place(fact.text)):
            places.append(slot[1])
    years: list[int] = []
    for fact in found:
        if fact.kind == "date" and fact.date is not None and fact.date.year not in years:
            years.append(fact.date.year)
    return NameMaterial(tuple(places), tuple(years), tuple(dict.fromkeys(f.text for f in named)))


def built_names(answer: Fact, material: NameMaterial) -> list[str]:
    """The headline's other treaty names, then the answer's name with its place or year
    swapped for another of the article's, nearest year first: the same form, the same era
    and region."""
    names = [name for name in material.names if not same_treaty(name, answer.text)
             and named_form(name) == named_form(answer.text)]
    slot = _slot(answer.text)
    if slot is not None and slot[1] in material.places:
        head, place, tail = slot
        names += [f"{head}{other}{tail}" for other in material.places
                  if other != place and other not in answer.text and " " not in other]
    year = _YEAR.search(answer.text)
    if year is not None:
        own = int(year.group())
        others = sorted((y for y in material.years if y != own and 1000 <= y <= 2099),
                        key=lambda y: (abs(y - own), y))
        names += [answer.text[:year.start()] + str(other) + answer.text[year.end():]
                  for other in others]
    return names


def same_treaty(first: str, second: str) -> bool:
    """"Treaty of Aigun" and "Aigun Treaty", "Treaty of Nanking" and "Treaty of Nanjing",
    "Sino-Soviet treaty" and "Sino-Soviet Treaty of Friendship": one treaty, so a wrong
    answer must not be the right one written another way."""
    a, b = _content(first), _content(second)
    if a <= b or b <= a:
        return True
    spelled = SequenceMatcher(None, " ".join(sorted(a)), " ".join(sorted(b))).ratio()
    return spelled >= SAME_SPELLING


def named_form(name: str) -> bool:
    """A proper name ("Treaty of Aigun", "1860 Convention of Peking") rather than a
    common-noun one ("1858 treaty", "fishing pact"): choices keep to one form."""
    return any(word[:1].isupper() for word in name.split())


def _content(name: str) -> frozenset[str]:
    words = re.findall(r"[\w'’]+", name.casefold())
    return frozenset(w for w in words if w not in _KEYWORDS and w not in _LINKS)


def _slot(name: str) -> tuple[str, str, str] | None:
    """(before, place-like word, after) of "Treaty of X" or "X Treaty", else None."""
    match = _NAME_SLOT.match(name.strip())
    if match is None:
        return None
    if match.group("slot"):
        return match.group("head"), match.group("slot"), ""
    return "", match.group("slot2"), match.group("tail")


def _named_after_place(name: str) -> bool:
    """Only "Treaty of X" ("Convention of Peking") is taken as naming a place by itself;
    "X Treaty" may name a person, a subject or a people ("Asiento treaty", "Jay's Treaty")."""
    return _slot(name) is not None and re.search(r"\bof\s+\S+$", name.strip()) is not None


def _is_place(word: str) -> bool:
    first = word.split()[0].split("-")[0].casefold()
    return (first not in _NOT_PLACES and word.casefold() not in _KEYWORDS and not word.isupper()
            and not word.endswith(("'s", "’s")))
