"""Treaties named by an abbreviation ("SORT", "START I", "New START", "SALT II").

An all-capital word is a treaty's name only where the article says so somewhere: written
before a treaty word ("the New START treaty", "the SALT II agreement"), in brackets after
a treaty's name ("the Strategic Offensive Reductions Treaty (SORT)") or introduced after it
("the Treaty on the Non-Proliferation of Nuclear Weapons, commonly known as the NPT").
Once marked, every mention of it in the article is the name, with the forms of its family:
"START I" and "New START" once "START" is marked. Without a mark it is not a name
("NATO", "the UN", a company). This needs the whole article, so it runs after the sentence patterns
(`candidates.all_facts`), on the Latin-script abbreviation only: the Cyrillic "СНВ-III" is
not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .facttypes import Fact
from .mentions import uncovered_names
from .values import treaty_key
from .words import NOT_TREATY_ACRONYMS as _NOT_TREATIES

_NUMERAL = r"(?:(?:[-\s](?:III|II|IV|I|V)|-?\d{1,2})(?![\w-]))"
"""A numbered form: "START I", "SALT II", "TPP11", "TPP-11"."""
_ACRONYM = rf"(?<![\w-])(?P<acr>[A-Z]{{3,8}})(?P<num>{_NUMERAL})?(?![\w-])"
_TREATY_AFTER = r"\s+(?:[Tt]reat(?:y|ies)|[Aa]greements?|[Aa]ccords?|[Pp]acts?|[Cc]onventions?)\b"
_BEFORE_TREATY_WORD = re.compile(rf"(?P<new>New\s+)?{_ACRONYM}(?={_TREATY_AFTER})")
_NAME_TAIL = (r"(?:\s+System)?(?:\s+(?:of|on|for|against|to|between|establishing|instituting|"
              r"founding|creating|amending)\s+(?:the\s+)?[A-Z][\w'’-]*"
              r"(?:(?:,\s+(?:and\s+)?|\s+(?:(?:of|on|for|and|the|in)\s+){0,2})[A-Z][\w'’-]*)"
              r"{0,10})?")
BRACKETED_AFTER_NAME = (r"(?:Treat(?:y|ies)|Agreements?|Accords?|Pacts?|Conventions?|Protocols?"
                        rf"|Charter|Amendments?|Partnership|Plan\s+of\s+Action){_NAME_TAIL}\s*\(")
"""A treaty word, its name's tail ("Convention on Climate Change", "Treaty System") and the
opening bracket of the abbreviation given for it: "… Convention on Climate Change (UNFCCC)"."""
_IN_BRACKETS = re.compile(rf"{BRACKETED_AFTER_NAME}{_ACRONYM}(?:\)|[;,]\s)")
"""'… Agreement (CETA)', and '(CETA; French: …)', the abbreviation first among the bracket's
notes."""
_KNOWN_AS = re.compile(
    r"(?:Treat(?:y|ies)|Agreements?|Accords?|Pacts?|Conventions?|Protocols?|Charter)"
    rf"{_NAME_TAIL},?\s+(?:(?:also|commonly|often|usually|better|widely)\s+)?"
    rf"(?:known|referred\s+to|abbreviated)\s+as\s+(?:the\s+)?{_ACRONYM}")
"""'… on the Non-Proliferation of Nuclear Weapons, commonly known as the NPT'."""
_ALSO_KNOWN_AS = re.compile(
    rf"\((?P<first>[A-Z]{{3,8}})\),?\s+(?:also\s+)?known\s+as\s+(?:the\s+)?"
    rf"(?P<acr>[A-Z]{{3,8}}){_NUMERAL}?(?:\s+or\s+(?:the\s+)?(?P<acr2>[A-Z]{{3,8}}){_NUMERAL}?)?")
"""'(CPTPP), also known as TPP11 or TPP-11': more abbreviations of a marked treaty."""


_ORGANISATION = re.compile(
    r"\b(?:Organi[sz]ation|Agency|Union|Office|Bank|Fund|Council|Committee|Commission|"
    r"Institute|Association|Programme|Program|Party|Court|Authority|Federation|Corporation|"
    r"Company|Group|Ministry|Department|Service|Assembly|Parliament)\s*\((?P<acr>[A-Z]{2,8})\)")
"""'the International Labour Organization (ILO)': a body the article abbreviates, so "ILO
Convention No 182" is the body's convention, not one named ILO."""


def marked_acronyms(text: str) -> frozenset[str]:
    """The abbreviations the article marks as a treaty's name, without a numeral or "New"."""
    marked = {m.group("acr") for m in _BEFORE_TREATY_WORD.finditer(text)
              if m.group("new") or m.group("num") or m.group("acr") not in _NOT_TREATIES}
    marked |= {m.group("acr") for m in _IN_BRACKETS.finditer(text)}
    marked |= {m.group("acr") for m in _KNOWN_AS.finditer(text)}
    for also in _ALSO_KNOWN_AS.finditer(text):
        if also.group("first") in marked or also.group("first") in {
                m.group("acr") for m in _IN_BRACKETS.finditer(text)}:
            marked |= {acr for acr in also.group("acr", "acr2") if acr}
    organisations = {m.group("acr") for m in _ORGANISATION.finditer(text)}
    return frozenset(marked - _NOT_TREATIES - organisations)



def acronym_mentions(text: str, marked: frozenset[str], taken: Iterable[Fact] = (),
                     offset: int = 0) -> list[Fact]:
    """Every mention of a marked abbreviation in `text` that no treaty fact already covers,
    with its family's forms: "START", "New START" and "START I" once "START" is marked.
    `text` starts at `offset` of the article, where `taken` and the results are placed."""
    if not marked:
        return []
    return [fact for fact in uncovered_names(_mentions_of(marked), text, taken, offset,
                                              "treaty-acronym")
            if not _CONFERENCE_BEFORE.search(text, max(0, fact.start - offset - 80),
                                             fact.start - offset)]


_CONFERENCE_BEFORE = re.compile(r"\b(?:Conference|Conferences|Summit)\b[^().;]{0,60}\($")
"""'the third Conference on the Law of the Sea (UNCLOS III)': the conference that wrote the
treaty, abbreviated like it, is not the treaty."""


@cache
def _mentions_of(marked: frozenset[str]) -> re.Pattern[str]:
    """One pattern per article's marked abbreviations, not one per sentence."""
    return re.compile(rf"(?P<new>New\s+)?(?<![\w-])(?P<acr>{'|'.join(sorted(marked))})"
                      rf"(?P<num>{_NUMERAL})?(?![\w-])")


_PAIR = re.compile(rf"(?P<a>(?:New\s+)?[A-Z]{{3,8}}{_NUMERAL}?)\s+(?:and|&)\s+"
                   rf"(?P<b>(?:New\s+)?[A-Z]{{3,8}}{_NUMERAL}?)\s+(?:[Tt]reaties|[Aa]greements|"
                   rf"[Aa]ccords|[Pp]acts)$")


def split_pairs(facts: list[Fact], marked: frozenset[str]) -> list[Fact]:
    """"the START I and START II treaties" names two treaties, not one."""
    split: list[Fact] = []
    for fact in facts:
        pair = _PAIR.fullmatch(fact.text) if fact.kind == "treaty" else None
        if pair is None or not all(_family(pair.group(g)) in marked for g in ("a", "b")):
            split.append(fact)
            continue
        for group in ("a", "b"):
            start, end = fact.start + pair.start(group), fact.start + pair.end(group)
            name = pair.group(group)
            split.append(Fact("treaty", start, end, name, treaty_key(name), "treaty-acronym"))
    return split


def _family(form: str) -> str:
    """"New START", "START I" → "START"."""
    return re.sub(r"^New\s+|[-\s](?:III|II|IV|I|V|\d)$", "", form)
