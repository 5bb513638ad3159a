"""Quiz versions → the JSON document a Typst template receives.

This JSON is the whole contract between quizgen and a template (documented in
docs/reference/template-contract.md): templates get plain strings and numbers and
decide every detail of the layout themselves. Nothing here knows Typst markup, so
nothing here can inject it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, assert_never

from .. import models
from ..citations import cite
from ..loading import LoadedDeck
from ..models import (
    cloze_with_blanks,
    format_number,
    question_answer_text,
    type_name,
)
from ..registry import DEFAULT_SEED
from ..selection import QuizVersion, VersionItem
from .labels import DEFAULT_INSTRUCTIONS, labels_for, split_language
from .wordbank import build_word_bank

DATA_FORMAT = 2
"""Bumped whenever a field changes meaning or disappears, so templates can check it."""

DEFAULT_FONTS = ("Libertinus Serif",)
"""Bundled with the Typst compiler: Latin with accents, Greek and Cyrillic."""

Paper = Literal["a4", "us-letter"]
Kind = Literal["quiz", "key"]
ImageNames = Mapping[tuple[str, str], str]
"""(deck id, question id) → the image's path inside the compile root."""


@dataclass(frozen=True)
class Layout:
    """What the page looks like, as opposed to which questions are on it."""

    title: str | None = None
    instructions: str | None = DEFAULT_INSTRUCTIONS
    paper: Paper = "a4"
    fonts: tuple[str, ...] = ()
    word_bank: bool = False
    explanations: bool = False


def letter_label(index: int) -> str:
    """0 → 'A', 25 → 'Z', 26 → 'AA', 27 → 'AB', … (spreadsheet columns): a choice list
    longer than the alphabet never runs into '[', '\\', ']'."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def quiz_title(decks: Sequence[LoadedDeck]) -> str:
    """The decks' titles, in the order given, when the user names none."""
    titles: list[str] = []
    for loaded in decks:
        if loaded.deck.title not in titles:
            titles.append(loaded.deck.title)
    return " · ".join(titles)


def font_list(layout: Layout) -> list[str]:
    """The user's fonts first; the bundled font last, so every Latin letter prints."""
    fonts = list(layout.fonts)
    for font in DEFAULT_FONTS:
        if font.casefold() not in (f.casefold() for f in fonts):
            fonts.append(font)
    return fonts


def build_data(
    versions: Sequence[QuizVersion],
    decks: Sequence[LoadedDeck],
    layout: Layout,
    kind: Kind,
    *,
    images: ImageNames | None = None,
    created: datetime | None = None,
    copies: Sequence[Mapping[str, Any]] | None = None,
    seed: str = DEFAULT_SEED,
) -> dict[str, Any]:
    """The JSON (as Python data) for one document: the quiz or its key.

    Both documents receive the answers; the `kind` tells a template whether to
    show them. `created` becomes the PDF's date; None leaves it out. `copies`
    lists the printed copies (number, version index, student); by default one
    unnumbered copy per version.
    """
    images = images or {}
    used_decks = _decks_in(versions, decks)
    if copies is None:
        copies = [
            {"copy": None, "version": index, "student": None} for index in range(len(versions))
        ]
    language, region = split_language(
        next((loaded.deck.language for loaded in used_decks if loaded.deck.language), None)
    )
    labels = labels_for(language)
    instructions = layout.instructions
    if instructions == DEFAULT_INSTRUCTIONS:
        instructions = labels["instructions"]
    return {
        "format": DATA_FORMAT,
        "language": language,
        "region": region,
        "labels": labels,
        "kind": kind,
        "title": layout.title or quiz_title(used_decks),
        "instructions": instructions,
        "paper": layout.paper,
        "fonts": font_list(layout),
        "date": _date_fields(created),
        "sources": [cite(loaded.deck.source) for loaded in used_decks if loaded.deck.source],
        "explanations": layout.explanations,
        "word_bank": layout.word_bank,
        "bank": _bank(versions, used_decks, layout, seed),
        "question_count": len(versions[0].items) if versions else 0,
        "total_points": versions[0].total_points if versions else 0,
        "versions": [
            {
                "label": version.label,
                "total_points": version.total_points,
                "questions": [_question(item, layout, images) for item in version.items],
            }
            for version in versions
        ],
        "copies": [dict(copy) for copy in copies],
        "sheet": None,
    }


def _bank(
    versions: Sequence[QuizVersion], decks: Sequence[LoadedDeck], layout: Layout, seed: str
) -> list[str] | None:
    if not layout.word_bank:
        return None
    bank = build_word_bank(versions, decks, seed)
    return None if bank is None else bank.words


def data_strings(value: Any) -> Iterator[str]:
    """Every string in a JSON value: what the fonts must be able to print."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from data_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from data_strings(item)


def _decks_in(versions: Sequence[QuizVersion], decks: Sequence[LoadedDeck]) -> list[LoadedDeck]:
    """Decks that supplied at least one printed question, in the order given."""
    used = {item.selected.deck_id for version in versions for item in version.items}
    return [loaded for loaded in decks if loaded.deck.id in used]


def _date_fields(created: datetime | None) -> dict[str, int] | None:
    if created is None:
        return None
    moment = created.astimezone(UTC)
    return {
        "year": moment.year,
        "month": moment.month,
        "day": moment.day,
        "hour": moment.hour,
        "minute": moment.minute,
        "second": moment.second,
    }


def _question(item: VersionItem, layout: Layout, images: ImageNames) -> dict[str, Any]:
    question = item.question
    common: dict[str, Any] = {
        "number": item.number,
        "id": question.id,
        "deck": item.selected.deck_id,
        "type": type_name(question),
        "points": question.points,
        "prompt": question.prompt_text(),
        "image": images.get(item.selected.key),
        "explanation": question.explanation,
        "citation": question.source.citation() if question.source else None,
        "answer": question_answer_text(question),
    }
    specific, grid = _type_fields(item, layout)
    common.update(specific)
    common["grid"] = grid
    return common


def _type_fields(item: VersionItem, layout: Layout) -> tuple[dict[str, Any], str]:
    """The fields only one type has, and the compact answer for the key's grid."""
    question = item.question
    match question:
        case models.ShortQuestion():
            fields = {"alternatives": list(question.alternatives), "lines": question.lines}
            return fields, question.answer
        case models.NumericQuestion():
            value = format_number(question.answer)
            if question.tolerance:
                value += f" ± {format_number(question.tolerance)}"
            return {"value": value, "unit": question.unit}, question.answer_text()
        case models.DateQuestion():
            when = question.answer_date
            precision = "year" if when.month is None else ("month" if when.day is None else "day")
            return {"precision": precision}, when.words()
        case models.ChoiceQuestion():
            return _choice_fields(question, item)
        case models.TrueFalseQuestion():
            return {"truth": question.answer}, "True" if question.answer else "False"
        case models.ClozeQuestion():
            return _cloze_fields(question, layout)
        case models.OrderQuestion():
            items: list[dict[str, Any]] = [
                {"letter": letter_label(shown), "text": question.items[index],
                 "position": index + 1}
                for shown, index in enumerate(item.item_order)
            ]
            return {"items": items}, " ".join(str(entry["position"]) for entry in items)
        case models.MatchQuestion():
            return _match_fields(question, item)
        case _:
            assert_never(question)


def _choice_fields(
    question: models.ChoiceQuestion, item: VersionItem
) -> tuple[dict[str, Any], str]:
    correct = set(question.correct)
    choices: list[dict[str, Any]] = [
        {
            "letter": letter_label(position),
            "text": question.choices[index],
            "correct": question.choices[index] in correct,
        }
        for position, index in enumerate(item.choice_order)
    ]
    letters = ", ".join(c["letter"] for c in choices if c["correct"])
    return {"choices": choices, "multiple": len(correct) > 1}, letters


def _match_fields(question: models.MatchQuestion, item: VersionItem) -> tuple[dict[str, Any], str]:
    letter_of = {pair: letter_label(shown) for shown, pair in enumerate(item.right_order)}
    left: list[dict[str, Any]] = [
        {"number": shown + 1, "text": question.pairs[pair].left, "match": letter_of[pair]}
        for shown, pair in enumerate(item.left_order)
    ]
    right = [
        {"letter": letter_label(shown), "text": question.pairs[pair].right}
        for shown, pair in enumerate(item.right_order)
    ]
    grid = " ".join(f"{entry['number']}{entry['match']}" for entry in left)
    return {"left": left, "right": right}, grid


def _cloze_fields(question: models.ClozeQuestion, layout: Layout) -> tuple[dict[str, Any], str]:
    gaps = question.gaps()
    segments: list[dict[str, Any]] = [
        _text_segment(part)
        if isinstance(part, str)
        else {"text": None, "gap": part.number, "answer": part.answer, "hint": part.hint}
        for part in question.segments()
    ]
    grid = (
        gaps[0].answer
        if len(gaps) == 1
        else " · ".join(f"({gap.number}) {gap.answer}" for gap in gaps)
    )
    fields = {
        "prompt": cloze_with_blanks(question, "_____"),
        "segments": segments,
    }
    return fields, grid


def _text_segment(text: str) -> dict[str, Any]:
    """Text between gaps; same keys as a gap, so templates need no key checks."""
    return {"text": text, "gap": None, "answer": None, "hint": None}
