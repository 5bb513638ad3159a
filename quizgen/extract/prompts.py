"""What a question shows of its sentence: the clause that carries the fact, and, where the
sentence's shape makes it safe, a plain question instead of a gap.

A teacher asks "In what year did Russia leave the 1961 treaty?", not a gap in a 60-word
sentence. Cuts are made only at clause boundaries (a semicolon, ", which", ", while", ",
and was", ", with the exception of" …), only in long sentences, only outside brackets and
quotes, and only where what is kept still reads as a sentence with the gap in it. A
wh-question is written only for the plainest shapes ("In 1996, Russia left the treaty.",
"The treaty was signed on 3 May 1791.") with a verb whose base form is known; anything
else keeps its gap.
"""

from __future__ import annotations

import re

from ..models import PartialDate

LONG_SENTENCE = 20
"""Words: a sentence this short is shown whole."""
MIN_CLAUSE = 5
"""Words a cut clause keeps at least, gap included, to still read as a sentence."""

_AFTER_CUT = re.compile(
    r";\s|,\s+(?:which|who|whom|whose|where|while|whereas|but|under\s+which|in\s+which|"
    r"by\s+which|of\s+which|after\s+which|during\s+which|with\s+the\s+exception|"
    r"and\s+(?:was|were|is|are|has|had|then|later)|(?:\w+ly\s+)?(?:considered|regarded|"
    r"described|encouraging|making|leading|bringing|causing|prompting|ending))\b")
"""Where the clause carrying the fact ends: a semicolon, or a comma before a relative clause,
a contrast or a new verb phrase."""
_BEFORE_CUT = re.compile(r";\s+|,\s+(?:while|whereas|but)\s+")
"""Where it begins: after a semicolon or a contrasting clause (and see _NEW_SUBJECT)."""
_NEW_SUBJECT = re.compile(r",\s+and\s+(?=(?:[Tt]he|[Ii]ts|[Tt]heir|[A-Z][\w'’-]+)\s)")
_GLOSS = re.compile(r"\s*\((?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?):\s[^()]*\)")
"""'(French: Traité de Versailles)': a name in another language, often the answer again."""
_PRONOUNS = frozenset("it its they them their he she his her this that these those".split())


def _past_of(base: str) -> str:
    """'sign' → 'signed', 'agree' → 'agreed', 'ratify' → 'ratified'."""
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and base[-2:-1] not in ("a", "e", "i", "o", "u"):
        return base[:-1] + "ied"
    return base + "ed"


_REGULAR_VERBS = """
    sign ratify end join open declare found establish conclude agree annex invade reach cede
    abolish launch elect die return publish approve adopt introduce visit resign expire
    lapse enter start defeat capture surrender peak arrive report record release create form
    pass complete marry
""".split()
"""Base forms whose past adds -ed, -d after an e, or -ied for a final y after a consonant."""
_IRREGULAR_PASTS = {
    "left": "leave", "won": "win", "became": "become", "began": "begin", "took": "take",
    "held": "hold", "met": "meet", "lost": "lose", "sold": "sell", "bought": "buy",
    "built": "build", "fell": "fall", "rose": "rise", "withdrew": "withdraw", "gave": "give",
    "grew": "grow", "occurred": "occur", "fought": "fight", "broke": "break",
}
"""Past forms no rule gives (and 'occurred', whose r doubles)."""
_BASE = {_past_of(base): base for base in _REGULAR_VERBS} | _IRREGULAR_PASTS
"""Past forms whose base form is certain: only these make a "did …" question."""


def clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The sentence `text` before and after the fact at [start, end), cut to the clause
    that carries the fact when the sentence is long and the cut is safe."""
    before, after = _GLOSS.sub("", text[:start]), _GLOSS.sub("", text[end:])
    if len(text.split()) <= LONG_SENTENCE:
        return before, after
    ending = text.rstrip()[-1:] if text.rstrip()[-1:] in ".?!" else "."
    cut_after = _cut_after(before, after, ending)
    if len((before + "x" + cut_after).split()) >= MIN_CLAUSE:
        after = cut_after
    cut_before = _cut_before(before)
    if len((cut_before + "x" + after).split()) >= MIN_CLAUSE:
        before = cut_before
    return before, after


def _cut_after(before: str, after: str, ending: str) -> str:
    for match in _AFTER_CUT.finditer(after):
        kept = after[: match.start()]
        if _balanced(before + kept):
            return kept.rstrip(" ,") + ending
    return after


def _cut_before(before: str) -> str:
    cuts = [m for m in _BEFORE_CUT.finditer(before) if _balanced(before[: m.start()])]
    cuts += [m for m in _NEW_SUBJECT.finditer(before)
             if _balanced(before[: m.start()]) and "," not in before[: m.start()]
             and len(before[: m.start()].split()) >= 6]
    if not cuts:
        return before
    last = max(cuts, key=lambda m: m.end())
    rest = before[last.end():]
    first = re.match(r"[\w'’]+", rest)
    if first is None or first.group().lower() in _PRONOUNS:
        return before  # "but it rose to …": the clause needs the one before it
    return rest[:1].upper() + rest[1:]


def _balanced(text: str) -> bool:
    """Not inside brackets or quotation marks: a cut there would leave one half open."""
    return (text.count("(") == text.count(")") and text.count("“") == text.count("”")
            and text.count('"') % 2 == 0)


def quoted(text: str) -> str:
    """The shown text in curly quotes; quotation marks inside become single ones, so a
    prompt never shows doubled marks (“… known as "Nanking").”)."""
    inner = re.sub(r'"([^"]*)"', r"‘\1’", text).replace("“", "‘").replace("”", "’")
    return f"“{inner}”"


def wh_question(when: PartialDate, before: str, after: str) -> str | None:
    """"In what year did Russia leave the 1961 treaty?" for "In 1996, Russia left the 1961
    treaty." or "Russia left the 1961 treaty in 1996."; None unless the shape is plain."""
    lead = ("In what year" if when.month is None
            else "In what month and year" if when.day is None else "On what date")
    head, tail = before.strip(), after.strip()
    opening = re.fullmatch(r"(?:In|On)", head)
    if opening and re.fullmatch(r",?\s*[^,;:()\"“”]+\.", tail):
        return _asked(lead, re.sub(r"^,?\s*", "", tail)[:-1], opens=False)
    closing = re.fullmatch(r"([^,;:()\"“”]+?)\s+(?:in|on)", head)
    if closing and tail == ".":
        return _asked(lead, closing.group(1), opens=True)
    return None


def _asked(lead: str, clause: str, opens: bool) -> str | None:
    """`opens`: the clause opens the sentence, so its first capital may be the sentence's
    own ("Negotiators began …"): asked only where the subject is plainly a name or starts
    with an article."""
    words = clause.split()
    verb_at = next((i for i, w in enumerate(words) if w in _BASE or w in ("was", "were")), None)
    if verb_at is None or not 1 <= verb_at <= 6:
        return None
    subject, verb, rest = words[:verb_at], words[verb_at], words[verb_at + 1:]
    named = subject[0][:1].isupper() or (subject[0] in ("the", "a", "an") and len(subject) > 1)
    if not named or subject[0].lower() in _PRONOUNS:
        return None
    if any(w in _BASE or w in ("was", "were", "and", "or") or re.search(r"\d", w)
           for w in subject[1:]):
        return None  # not one plain subject
    if any(w in _BASE and i > 0 and rest[i - 1] == "and" for i, w in enumerate(rest)):
        return None  # "resigned … and negotiated …": two verbs, one question cannot hold both
    if subject[0] in ("The", "A", "An"):
        subject = [subject[0].lower(), *subject[1:]]
    elif opens and len(subject) == 1 and re.search(r"[^su]s$", subject[0]):
        return None  # "Negotiators" or "Athens"? a plural common noun would keep its capital
    if verb in ("was", "were"):
        if not rest or not re.fullmatch(r"[a-z]+ed|born|built|held|won|lost|sold|made|taken",
                                        rest[0]):
            return None
        return f"{lead} {verb} {' '.join([*subject, *rest])}?"
    return f"{lead} did {' '.join([*subject, _BASE[verb], *rest])}?"
