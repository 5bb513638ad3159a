"""Questions → note type + HTML field values, the one place that decides what a card says.

Both the .apkg writer and the Anki CSV export use this, so the two routes always
produce the same notes. Every piece of user text passes through `html_text`, also
the parts of fixed wording that carry it (a unit in an instruction).

Lists a learner answers from (choices, order items, match answers) carry `data-qz-*`
attributes: card.js shuffles them at review time and re-letters the solution to
match. Their build-time order and letters are what a card shows without scripts.
"""

from __future__ import annotations

import html
import json
import random
import re
import unicodedata
from dataclasses import dataclass
from typing import assert_never

from .. import models
from ..citations import cite
from ..labels import letter
from ..models import AnyQuestion, Deck, Source, format_number
from ..shuffling import question_rng, scrambled
from .identity import note_guid
from .notetypes import CHOICE, CLOZE, MATCH, ORDER, QA, QA_TYPED, NoteType


@dataclass(frozen=True)
class NoteContent:
    """Everything Anki needs for one note, independent of the output format."""

    note_type: NoteType
    fields: dict[str, str]
    sort_text: str
    guid: str
    tags: tuple[str, ...]
    deck_name: str

    def field_values(self) -> list[str]:
        return [self.fields.get(name, "") for name in self.note_type.fields]


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def html_text(text: str) -> str:
    """Plain text → safe HTML: escaped, line breaks kept, no '{{' for Anki to read as markup.

    Control characters become character references: a raw U+001F would split Anki's fields.
    Text is stored in NFC, as Anki stores it, so a rebuilt note never differs by normalisation.
    """
    escaped = html.escape(unicodedata.normalize("NFC", text), quote=True)
    escaped = escaped.replace("{{", "&#123;&#123;")
    escaped = escaped.replace("\r\n", "\n").replace("\n", "<br>")
    return _CONTROL.sub(lambda match: f"&#x{ord(match[0]):02x};", escaped)


def card_tag(deck_id: str, question_id: str) -> str:
    """'quizgen::putin-kim-2024::visit-gap': every note carries it, so a learner who
    wants to fix a card can find its entry in the YAML (`id: visit-gap`)."""
    return f"quizgen::{deck_id}::{question_id}"


def deck_name_for(deck: Deck, question: AnyQuestion) -> str:
    name = deck.anki_deck_name
    return f"{name}::{question.subdeck}" if question.subdeck else name


def render_note(
    deck: Deck,
    question: AnyQuestion,
    *,
    image_name: str | None = None,
    type_answer: bool = False,
) -> NoteContent:
    """The note for one question. `image_name` is the media file name the package uses."""
    note_type, specific = _specific_fields(deck, question, type_answer)
    common = {
        "Explanation": html_text(question.explanation) if question.explanation else "",
        "Source": citation_html(deck.source, question),
        "Image": f'<img src="{html.escape(image_name, quote=True)}" alt="">' if image_name else "",
    }
    return NoteContent(
        note_type=note_type,
        fields={**specific, **common},
        sort_text=unicodedata.normalize("NFC", " ".join(question.prompt_text().split())),
        guid=note_guid(deck.id, question.id),
        tags=(*question.tags, card_tag(deck.id, question.id)),
        deck_name=deck_name_for(deck, question),
    )


def citation_html(source: Source | None, question: AnyQuestion) -> str:
    """'Author, “Title”, Publication, date · ¶2, locator', the title linked when a URL is known."""
    text = ""
    if source is not None:
        url = source.url or ""

        def linked(title: str) -> str:
            if url.startswith(("http://", "https://")):
                return f'<a href="{html.escape(url, quote=True)}">{title}</a>'
            return title

        # The ISO date, as cards have always shown it: a new form would update every note.
        text = cite(source, escape=html_text, wrap_title=linked, date_text=str)
    if question.source is not None:
        pointer = html_text(question.source.citation())
        text = f"{text} · {pointer}" if text else pointer
        if question.source.inferred:
            text += f" (inferred: {html_text(question.source.inferred)})"
    return text


def _specific_fields(
    deck: Deck, question: AnyQuestion, type_answer: bool
) -> tuple[NoteType, dict[str, str]]:
    rng = question_rng("quizgen", deck.id, question.id)
    qa_type = QA_TYPED if type_answer else QA
    match question:
        case models.ShortQuestion():
            fields = _qa(
                question.prompt, "Short answer", question.answer, ", ".join(question.alternatives)
            )
            return qa_type, _with_rule(fields, question, type_answer)
        case models.NumericQuestion():
            fields = _numeric_fields(question, type_answer)
            return qa_type, _with_rule(fields, question, type_answer)
        case models.DateQuestion():
            return qa_type, _with_rule(_date_fields(question), question, type_answer)
        case models.TrueFalseQuestion():
            instruction = "True or false? Type true or false" if type_answer else "True or false?"
            fields = _qa(question.prompt, instruction, "True" if question.answer else "False", "")
            return qa_type, _with_rule(fields, question, type_answer)
        case models.ChoiceQuestion():
            return CHOICE, _choice_fields(question, rng)
        case models.ClozeQuestion():
            return CLOZE, {"Text": cloze_html(question), "Instruction": "Fill in the blank"}
        case models.OrderQuestion():
            return ORDER, _order_fields(question, rng)
        case models.MatchQuestion():
            return MATCH, _match_fields(question, rng)
        case _:
            assert_never(question)


def _numeric_fields(question: models.NumericQuestion, type_answer: bool) -> dict[str, str]:
    if type_answer:
        unit = f" (in {question.unit})" if question.unit else ""
        tolerance = ""
        if question.tolerance:
            low = format_number(question.answer - question.tolerance)
            high = format_number(question.answer + question.tolerance)
            tolerance = f"anything from {low} to {high}"
        return _qa(
            question.prompt, f"Give the number{unit}", format_number(question.answer), tolerance
        )
    return _qa(question.prompt, "Give the number", question.answer_text(), "")


def _date_fields(question: models.DateQuestion) -> dict[str, str]:
    when = question.answer_date
    instruction = (
        "Give the year"
        if when.month is None
        else "Give the month and year"
        if when.day is None
        else "Give the date"
    )
    also = question.answer if when.month is not None else ""
    return _qa(question.prompt, instruction, when.words(), also)


def _qa(prompt: str, instruction: str, answer: str, alternatives: str) -> dict[str, str]:
    return {
        "Prompt": html_text(prompt),
        "Instruction": html_text(instruction),
        "Answer": html_text(answer),
        "Alternatives": html_text(alternatives),
    }


def accept_rule(question: AnyQuestion) -> dict[str, object] | None:
    """What a typed answer may be, for card.js to judge: Anki compares one string only.
    None for the types no one types (choices are tapped, gaps and orders are shown)."""
    match question:
        case models.ShortQuestion():
            return {"kind": "text", "forms": [question.answer, *question.alternatives]}
        case models.NumericQuestion():
            return {
                "kind": "number",
                "value": str(question.answer),
                "tolerance": str(question.tolerance),
                "unit": question.unit or "",
            }
        case models.DateQuestion():
            when = question.answer_date
            return {"kind": "date", "year": when.year, "month": when.month, "day": when.day}
        case models.TrueFalseQuestion():
            return {"kind": "truefalse", "value": question.answer}
        case (
            models.ChoiceQuestion()
            | models.ClozeQuestion()
            | models.OrderQuestion()
            | models.MatchQuestion()
        ):
            return None
        case _:
            assert_never(question)


def _with_rule(
    fields: dict[str, str], question: AnyQuestion, type_answer: bool
) -> dict[str, str]:
    """Typed cards carry the accept rule inside the Answer field, as an empty hidden
    element: Anki strips markup before comparing, so its own comparison is unchanged."""
    accepted = accept_rule(question) if type_answer else None
    if accepted is None:
        return fields
    rule = json.dumps(accepted, ensure_ascii=False, sort_keys=True)
    attribute = html.escape(rule, quote=True).replace("{{", "&#123;&#123;")
    marker = f'<span class="qz-rule" data-qz-accept="{attribute}" hidden></span>'
    return {**fields, "Answer": fields["Answer"] + marker}


def _letter(index: int) -> str:
    return letter(index)


def _label(listing: str, item: int, position: int, prefix: str = "") -> str:
    """A letter on the back naming an item of a shuffled list; card.js re-letters it."""
    extra = f' data-qz-prefix="{prefix}"' if prefix else ""
    return (
        f'<span class="qz-label" data-qz-ref="{listing}:{item}"{extra}>'
        f"{_letter(position)}</span>"
    )


def _choice_fields(question: models.ChoiceQuestion, rng: random.Random) -> dict[str, str]:
    choices = list(question.choices)
    if question.shuffle:
        rng.shuffle(choices)
    correct = set(question.correct)
    many = len(correct) > 1
    right = ' class="qz-correct"'
    items = "".join(
        f'<li data-qz-id="{index}"{right if choice in correct else ""}>{html_text(choice)}</li>'
        for index, choice in enumerate(choices)
    )
    flags = ' data-qz-many="1"' if many else ""
    flags += "" if question.shuffle else " data-qz-fixed"
    answers = [
        f"{_label('options', index, index)}. {html_text(choice)}"
        for index, choice in enumerate(choices)
        if choice in correct
    ]
    return {
        "Prompt": html_text(question.prompt),
        # No count: "all that apply (3)" would answer part of the question.
        "Instruction": "Choose all that apply" if many else "Choose one",
        "Options": f'<ol class="qz-options" data-qz-list="options"{flags}>{items}</ol>',
        "Answer": "<br>".join(answers),
    }


def cloze_html(question: models.ClozeQuestion) -> str:
    """Our gaps → Anki's {{cN::answer::hint}}, with the text around them escaped."""
    parts: list[str] = []
    for part in question.segments():
        if isinstance(part, str):
            parts.append(html_text(part))
        else:
            hint = f"::{html_text(part.hint)}" if part.hint else ""
            parts.append(f"{{{{c{part.number}::{html_text(part.answer)}{hint}}}}}")
    return "".join(parts)


def _order_fields(question: models.OrderQuestion, rng: random.Random) -> dict[str, str]:
    shown = scrambled(question.items, rng)
    rank = {item: index for index, item in enumerate(question.items)}
    position = {item: index for index, item in enumerate(shown)}
    items = "".join(
        f'<li data-qz-id="{index}" data-qz-rank="{rank[item]}">{html_text(item)}</li>'
        for index, item in enumerate(shown)
    )
    solution = "".join(
        f"<li>{_label('items', position[item], position[item])} {html_text(item)}</li>"
        for item in question.items
    )
    code = " ".join(_letter(position[item]) for item in question.items)
    return {
        "Prompt": html_text(question.prompt),
        "Instruction": "Put in order: write the letters",
        "Items": f'<ol class="qz-order-items" data-qz-list="items">{items}</ol>',
        "Answer": f'<div class="qz-code">{code}</div><ol class="qz-solution">{solution}</ol>',
    }


def _match_fields(question: models.MatchQuestion, rng: random.Random) -> dict[str, str]:
    """Numbered left items above lettered right ones: two lists, never a table whose
    rows would read as ready-made pairs, and narrow enough for a phone."""
    rights = scrambled([pair.right for pair in question.pairs], rng)
    left_of = {pair.right: index for index, pair in enumerate(question.pairs)}
    position = {right: index for index, right in enumerate(rights)}
    lefts = "".join(f"<li>{html_text(pair.left)}</li>" for pair in question.pairs)
    shown = "".join(
        f'<li data-qz-id="{index}" data-qz-rank="{left_of[right]}">{html_text(right)}</li>'
        for index, right in enumerate(rights)
    )
    solution = "".join(
        f'<li><span class="qz-num">{number}.</span> {html_text(pair.left)} '
        f'<span class="qz-arrow">→</span> '
        f"{_label('rights', position[pair.right], position[pair.right], str(number))}. "
        f"{html_text(pair.right)}</li>"
        for number, pair in enumerate(question.pairs, start=1)
    )
    code = " ".join(
        f"{number}{_letter(position[pair.right])}"
        for number, pair in enumerate(question.pairs, start=1)
    )
    return {
        "Prompt": html_text(question.prompt),
        "Instruction": "Match each number with a letter",
        "Items": f'<ol class="qz-lefts">{lefts}</ol>'
        '<div class="qz-match-heading">with one of</div>'
        f'<ol class="qz-rights" data-qz-list="rights">{shown}</ol>',
        "Answer": f'<div class="qz-code">{code}</div><ul class="qz-solution">{solution}</ul>',
    }
