"""Facts → ranked candidate questions → a `Deck` that `quizgen validate` accepts.

Each kept fact gives a cloze of its sentence and, where the fact allows, a direct
question: a `date` question for a date with a known value, a `numeric` one for
durations, percentages and counts, a `choice` one for money and treaty names (and for
every kind with `all_choice`); a fact with too few plausible wrong answers (a treaty in an
article that names no other treaty, place or year to build one from) is asked as a cloze.
Facts are ranked so the best candidates come first:
a sentence that states several facts and needs no earlier sentence to make sense
("Russia left the 1961 treaty in 1996." rather than "It left it then.") ranks high.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath

from ..limits import MAX_TEXT_CHARS
from ..models import (
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    DateQuestion,
    Deck,
    NumericQuestion,
    PartialDate,
    QuestionSource,
    Source,
)
from ..reveals import reveals
from ..slugs import slugify, unique_slug
from .acronyms import acronym_mentions, marked_acronyms, split_pairs
from .backrefs import back_references
from .dateyears import dated_from_context
from .distractors import FactIndex, answer_choice, choose_distractors
from .facts import find_facts
from .facttypes import Context, Fact
from .mentions import name_mentions, names_found
from .ones import counted_nouns, ones_counting
from .prompts import clause_around, quoted, wh_question
from .sentences import Article, Sentence, split_sentences
from .tables import table_facts
from .tableunits import column_units, unit_above, unit_cells
from .treatynames import NameMaterial, article_material

ANAPHORA = frozenset(
    """it its this that these those they them their he she his her him such there but and
    however also meanwhile then which so yet instead still both""".split()
)
KIND_WEIGHT = {"treaty": Decimal("1.0"), "money": Decimal("0.8"), "percent": Decimal("0.8"),
               "date": Decimal("0.6"), "count": Decimal("0.5"), "duration": Decimal("0.3")}
NEAR_DUPLICATE = Decimal("0.5")
GAP = "___"
CLOZE_HINTS = {"duration": "how long", "money": "amount", "percent": "percentage",
               "count": "how many", "treaty": "name"}


@dataclass(frozen=True)
class ExtractOptions:
    deck_id: str
    title: str | None = None
    """None: the article's headline, else the file name."""
    published: PartialDate | None = None
    limit: int | None = None
    """Keep only the N best-ranked facts."""
    max_questions: int | None = None
    """Keep only the N best questions (after one per fact and no giveaways)."""
    both: bool = False
    """Ask each fact as a cloze and as a direct question (default: the direct one only)."""
    all_choice: bool = False
    source_name: str = "article"
    source_title: str | None = None
    """The article's own title (from its metadata): None, its headline."""
    author: str | None = None
    publication: str | None = None
    url: str | None = None
    source_file: str | None = None
    """Where `check` finds the article again, relative to the deck's folder."""


@dataclass(frozen=True)
class Candidate:
    """One fact in its sentence, with the rank score that orders the deck."""

    fact: Fact
    sentence: Sentence
    score: Decimal


class NoFactsError(ValueError):
    """The article states no date, figure or treaty name: there is nothing to ask."""


def find_candidates(article: Article, published: PartialDate | None = None) -> list[Candidate]:
    """Every fact of every paragraph, ranked best first, near-duplicates merged."""
    return _rank(all_facts(article, published))


def all_facts(
    article: Article, published: PartialDate | None = None
) -> list[tuple[Fact, Sentence]]:
    """Every fact with its sentence, in reading order, unmerged."""
    context = Context(reference=published)
    acronyms = marked_acronyms(article.text)  # a treaty's abbreviation, marked anywhere
    per_sentence: list[tuple[Sentence, list[Fact]]] = []
    for sentence in split_sentences(article):
        facts = find_facts(sentence.text, context, offset=sentence.start)
        paragraph = article.paragraph(sentence.paragraph)
        if paragraph is not None:
            unit = unit_above(article.text, paragraph)
            if unit is not None:  # "bn €" over a table: its bare cells are amounts
                facts.extend(unit_cells(sentence, unit, facts))
            elif paragraph.layout == "table" and sentence.start > paragraph.start:
                facts.extend(unit_cells(sentence, column_units(paragraph.text), facts))
            facts.extend(table_facts(paragraph, sentence, facts))
        if acronyms:
            facts = split_pairs(facts, acronyms)
            facts.extend(acronym_mentions(sentence.text, acronyms, facts, sentence.start))
        per_sentence.append((sentence, facts))
    names = names_found(fact for _, facts in per_sentence for fact in facts)
    nouns = counted_nouns(fact for _, facts in per_sentence for fact in facts)
    found: list[tuple[Fact, Sentence]] = []
    previous: tuple[Sentence, list[Fact]] | None = None
    for sentence, facts in per_sentence:
        facts.extend(name_mentions(sentence.text, names, facts, sentence.start))
        facts.extend(ones_counting(sentence.text, nouns, facts, sentence.start))
        earlier = previous[1] if previous and previous[0].paragraph == sentence.paragraph else []
        facts.extend(back_references(sentence, earlier, facts))
        previous = (sentence, facts)
        found.extend((fact, sentence) for fact in sorted(facts, key=lambda f: f.start))
    return dated_from_context(found)


def _rank(found: list[tuple[Fact, Sentence]]) -> list[Candidate]:
    per_sentence: dict[int, int] = {}
    for _, sentence in found:
        per_sentence[sentence.start] = per_sentence.get(sentence.start, 0) + 1
    sentence_scores: dict[int, Decimal] = {}
    candidates = []
    for fact, sentence in found:
        if sentence.start not in sentence_scores:
            count = per_sentence[sentence.start]
            sentence_scores[sentence.start] = _sentence_score(sentence, count)
        score = sentence_scores[sentence.start] + _fact_score(fact)
        candidates.append(Candidate(fact, sentence, score))
    candidates.sort(key=lambda c: (-c.score, c.fact.start, c.fact.kind))
    return _merge_near_duplicates(candidates)


def _sentence_score(sentence: Sentence, facts_in_sentence: int) -> Decimal:
    """Dense in facts, understandable alone (no opening pronoun), not overlong."""
    words = sentence.text.split()
    density = Decimal(facts_in_sentence) * 10 / max(len(words), 8)
    first = re.sub(r"[^\w]", "", words[0]).lower() if words else ""
    self_contained = Decimal(2) if first not in ANAPHORA else Decimal(0)
    too_long = Decimal(1) if len(words) > 60 else Decimal(0)
    return density + self_contained - too_long


BORROWED = frozenset({"count-in-list", "percent-in-list", "money-in-list", "duration-in-list",
                      "year-range-end", "day-in-list", "month-in-list"})
"""Patterns whose value is read from the rest of a list or range ("43" in "43 to 89 million
people"): asking the figure as written ("89 million people") makes the plainer question."""


def _fact_score(fact: Fact) -> Decimal:
    resolved = Decimal("0.3") if fact.kind != "date" or fact.date is not None else Decimal(0)
    borrowed = Decimal("0.5") if fact.pattern in BORROWED else Decimal(0)
    return KIND_WEIGHT[fact.kind] + resolved - borrowed


def _merge_near_duplicates(ranked: list[Candidate]) -> list[Candidate]:
    """Same fact told again in a similar sentence (a pull quote, a recap) is asked once."""
    kept: list[Candidate] = []
    by_key: dict[tuple[str, str], list[Candidate]] = {}
    words: dict[int, frozenset[str]] = {}
    for candidate in ranked:
        key = (candidate.fact.kind, candidate.fact.key)
        earlier = by_key.setdefault(key, [])
        if any(_similar(candidate.sentence, other.sentence, words) for other in earlier):
            continue
        if candidate.fact.kind == "treaty" and earlier:
            continue  # a name is asked once, in its best sentence
        earlier.append(candidate)
        kept.append(candidate)
    return kept


def _words(sentence: Sentence, cache: dict[int, frozenset[str]]) -> frozenset[str]:
    if sentence.start not in cache:
        cache[sentence.start] = frozenset(re.findall(r"\w+", sentence.text.lower()))
    return cache[sentence.start]


def _similar(first: Sentence, second: Sentence, cache: dict[int, frozenset[str]]) -> bool:
    if first.start == second.start:
        return True
    a, b = _words(first, cache), _words(second, cache)
    union = len(a | b)
    share, whole = NEAR_DUPLICATE.as_integer_ratio()  # exact, and far cheaper than division
    return union > 0 and len(a & b) * whole >= share * union


def build_deck(article: Article, options: ExtractOptions) -> Deck:
    """The candidate deck; `NoFactsError` when the article has nothing to ask about.

    One question per distinct fact (a value told twice is asked once, from its best
    sentence), at most one per sentence (a sentence with three dates gives one question,
    not three whose prompts show each other's answers), and no question whose answer
    another kept question shows (`quizgen.reveals`): the higher-ranked one stays.
    """
    found = all_facts(article, options.published)
    ranked = _rank(found)
    # A question quotes its sentence, and no deck field may hold more than MAX_TEXT_CHARS.
    askable = [candidate for candidate in ranked
               if len(candidate.sentence.text) <= MAX_TEXT_CHARS]
    if ranked and not askable:
        raise NoFactsError(f"facts were found only in sentences longer than "
                           f"{MAX_TEXT_CHARS:,} characters, too long to quote in a question")
    candidates = _one_per_sentence(_one_per_value(askable))
    if options.limit is not None:
        candidates = candidates[: options.limit]
    if not candidates:
        raise NoFactsError("no dates, figures or treaty names found")
    index = FactIndex([(fact, sentence.start) for fact, sentence in found])
    material = article_material(article.text, [fact for fact, _ in found], article.headline)
    questions: list[AnyQuestion] = []
    used_ids: set[str] = set()
    for candidate in candidates:
        others = index.neighbours(candidate.fact, candidate.sentence.start)
        made = list(_questions_for(candidate, others, options, used_ids, material))
        if all(_keeps_secrets(question, questions) for question in made):
            questions.extend(made)
    if options.max_questions is not None:
        questions = questions[: options.max_questions]
    questions = _balance_places(questions, article.text)
    title = options.title or article.headline or default_title(PurePath(options.source_name))
    source = Source(title=options.source_title or article.headline or title,
                    author=options.author,
                    publication=options.publication, date=_iso(options.published),
                    url=options.url, file=options.source_file)
    return Deck(
        id=options.deck_id,
        title=title,
        description=f"Candidate questions extracted from {options.source_name}: review before use.",
        source=source,
        questions=questions,
    )


def _one_per_value(ranked: list[Candidate]) -> list[Candidate]:
    """A value repeated in the text ("2008" in every row of a table) is asked once."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for candidate in ranked:
        key = (candidate.fact.kind, candidate.fact.key)
        if key not in seen:
            seen.add(key)
            kept.append(candidate)
    return kept


def _one_per_sentence(ranked: list[Candidate]) -> list[Candidate]:
    """Two facts gapped in one sentence would each show the other's answer ("signed the ___
    on 3 May 2021" and "signed the Harbour Treaty on ___"): keep the best-ranked one."""
    seen: set[int] = set()
    kept = []
    for candidate in ranked:
        if candidate.sentence.start not in seen:
            seen.add(candidate.sentence.start)
            kept.append(candidate)
    return kept


def _keeps_secrets(question: AnyQuestion, kept: Sequence[AnyQuestion]) -> bool:
    return not any(reveals(other, question) or reveals(question, other) for other in kept)


_DirectType = type[DateQuestion] | type[NumericQuestion] | type[ChoiceQuestion]


def _balance_places(questions: list[AnyQuestion], seed: str) -> list[AnyQuestion]:
    """Where the right answer goes, settled over the final questions (after every filter
    and `--max`): each choice question takes the place least used so far among those its
    choices have, so no place becomes the tell even when lists differ in size or questions
    are dropped. Ties turn from a place drawn from the article's text, the same every run:
    decks with one or two choice questions would otherwise always put the answer first."""
    used: dict[int, int] = {}
    turn = zlib.crc32(seed.encode("utf-8"))
    placed: list[AnyQuestion] = []
    for question in questions:
        if isinstance(question, ChoiceQuestion) and isinstance(question.answer, str):
            size = len(question.choices)
            place = min(range(size), key=lambda p: (used.get(p, 0), (p - turn) % size))
            used[place] = used.get(place, 0) + 1
            turn += 1
            question = _answer_at(question, question.answer, place)
        placed.append(question)
    return placed


def _answer_at(question: ChoiceQuestion, answer: str, place: int) -> ChoiceQuestion:
    choices = [choice for choice in question.choices if choice != answer]
    choices.insert(place, answer)
    return question.model_copy(update={"choices": choices})


def _iso(date: PartialDate | None) -> str | None:
    return None if date is None else date.iso()


def _questions_for(candidate: Candidate, others: Sequence[Fact], options: ExtractOptions,
                   used_ids: set[str], material: NameMaterial) -> Iterable[AnyQuestion]:
    """The direct question where the fact allows one, else the cloze; both with `both`."""
    fact, sentence = candidate.fact, candidate.sentence
    base = slugify(f"{fact.kind} {fact.key}", fallback="fact")
    tags = [fact.group] if fact.group == fact.kind else [fact.group, fact.kind]
    source = QuestionSource(
        paragraph=sentence.paragraph,
        quote=_one_line(sentence.text),
        span=(sentence.start, sentence.end),
    )
    direct = _direct(fact, sentence, others, options.all_choice, material)
    cloze = _cloze_text(fact, sentence)
    if cloze is not None and (direct is None or options.both):
        yield ClozeQuestion(type="cloze", id=_unique(f"{base}-cloze", used_ids), tags=tags,
                            text=cloze, source=source)
    if direct is not None:
        kind, fields = direct
        yield kind.model_validate(
            {"id": _unique(base, used_ids), "tags": tags, "source": source, **fields}
        )


def _direct(fact: Fact, sentence: Sentence, others: Sequence[Fact], all_choice: bool,
            material: NameMaterial) -> tuple[_DirectType, dict[str, object]] | None:
    """The direct question's type and fields, or None when the fact allows only a cloze."""
    if not all_choice:
        if fact.kind == "date" and fact.date is not None:
            before, after = _shown(fact, sentence)
            prompt = wh_question(fact.date, before, after) or _prompt(
                _date_lead(fact.date), fact, sentence)
            return DateQuestion, {"type": "date", "prompt": prompt, "answer": fact.date.iso()}
        if fact.kind in ("duration", "percent", "count") and _numeric_ready(fact):
            return NumericQuestion, {
                "type": "numeric",
                "prompt": _prompt(_numeric_lead(fact), fact, sentence, number_only=True),
                "answer": fact.number, "unit": fact.unit,
            }
    wrong = choose_distractors(fact, others, material=material)
    if wrong is None:
        return None
    ordered = sorted(wrong, key=lambda c: (c.order, c.text.casefold()))
    choices = [*ordered, answer_choice(fact)]  # its place is settled on the final deck
    return ChoiceQuestion, {
        "type": "choice", "prompt": _prompt(_choice_lead(fact), fact, sentence),
        "choices": [_one_line(c.text) for c in choices], "answer": _one_line(fact.text),
    }


def _numeric_ready(fact: Fact) -> bool:
    return fact.number is not None and fact.number_start is not None and fact.number > 0


def _date_lead(date: PartialDate) -> str:
    if date.month is None:
        return "Which year goes in the gap?"
    if date.day is None:
        return "Which month and year go in the gap?"
    return "Which date goes in the gap?"


def _numeric_lead(fact: Fact) -> str:
    """"How many economies?", not "How many biggest economies?": the counted noun alone."""
    if fact.kind == "percent":
        return "What percentage goes in the gap?"
    if fact.kind == "duration":
        return f"How many {fact.unit}? Fill the gap:"
    noun = re.sub(r"\s*\([^()]*\)", "", fact.unit or "").split()[-1:] or ["of them"]
    return f"How many {noun[0]}? Fill the gap:"


def _choice_lead(fact: Fact) -> str:
    if fact.kind == "treaty":
        words = re.findall(
            r"\b(?:treat(?:y|ies)|agreements?|pacts?|accords?|conventions?|protocols?|charter|deals?)\b",
            fact.text, re.IGNORECASE)
        keyword = words[-1].lower() if words else "treaty"
        noun = {"treaties": "treaty", "agreements": "agreement", "pacts": "pact",
                "accords": "accords", "conventions": "conventions",
                "deals": "deal"}.get(keyword, keyword)
        verb = "go" if noun.endswith("s") else "goes"
        return f"Which {noun} {verb} in the gap?"
    if fact.kind == "money":
        return "Which amount goes in the gap?"
    if fact.kind == "date":
        return "Which date goes in the gap?" if fact.date else "What goes in the gap?"
    if fact.kind == "percent":
        return "Which percentage goes in the gap?"
    return "Which figure goes in the gap?"


def _prompt(lead: str, fact: Fact, sentence: Sentence, number_only: bool = False) -> str:
    before, after = _shown(fact, sentence, number_only)
    return f"{lead} {quoted(_one_line(before + GAP + after))}"


def _shown(fact: Fact, sentence: Sentence, number_only: bool = False) -> tuple[str, str]:
    """The clause around the gap (`prompts.clause_around`), conversions next to it removed."""
    start, end = fact.start, fact.end
    if number_only and fact.number_start is not None and fact.number_end is not None:
        start, end = fact.number_start, fact.number_end
    before, after = clause_around(sentence.text, start - sentence.start, end - sentence.start)
    return before, _without_conversion(fact, after)


_CONVERSION = re.compile(
    r"^\s*(?:\([^()]*\)|,\s*(?:(?:roughly|about|around|approximately|some)\s+)?"
    r"(?:equivalent\s+to|or|worth)\s+[^,;:]*?(?=[,;:.!?]?\s*$|[,;:]))"
)


def _without_conversion(fact: Fact, after: str) -> str:
    """"$50bn (£26.69bn)": the same sum in another currency next to the gap gives it away."""
    if fact.kind != "money":
        return after
    match = _CONVERSION.match(after)
    if match is None or not any(f.kind == "money" for f in find_facts(match.group())):
        return after
    return after[match.end():]


def _cloze_text(fact: Fact, sentence: Sentence) -> str | None:
    before, after = _shown(fact, sentence)
    answer = _one_line(fact.text)
    if any(mark in text for text in (before, after, answer) for mark in ("{{", "}}")) or (
        "::" in answer
    ):
        return None
    hint = _cloze_hint(fact)
    gap = f"{{{{{answer}::{hint}}}}}" if hint else f"{{{{{answer}}}}}"
    return _one_line(before + gap + after)


def _cloze_hint(fact: Fact) -> str | None:
    if fact.kind == "date":
        if fact.date is None:
            return "when"
        return "year" if fact.date.month is None else ("month" if fact.date.day is None else "date")
    return CLOZE_HINTS.get(fact.kind)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def default_deck_id(path: PurePath) -> str:
    return slugify(path.stem, fallback="candidates")


def default_title(path: PurePath) -> str:
    return path.stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Candidates"


def _unique(base: str, used: set[str]) -> str:
    """`unique_slug`, remembered: later questions of the deck must not take it either."""
    chosen = unique_slug(base, used)
    used.add(chosen)
    return chosen
