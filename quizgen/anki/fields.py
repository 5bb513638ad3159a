"""Questions → note type + HTML field values, the one place that decides what a card says.

Both the .apkg writer and the Anki CSV export use this, so the two routes always
produce the same notes. Every piece of user text passes through `html_text`.
"""

from __future__ import annotations

import html
import random
import re
import unicodedata
from dataclasses import dataclass
from typing import assert_never

from .. import models
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
        tags=tuple(question.tags),
        deck_name=deck_name_for(deck, question),
    )


def citation_html(source: Source | None, question: AnyQuestion) -> str:
    """'Author, “Title”, Publication, date · ¶2, locator', the title linked when a URL is known."""
    parts: list[str] = []
    if source is not None:
        title = f"“{html_text(source.title)}”"
        if source.url and source.url.startswith(("http://", "https://")):
            title = f'<a href="{html.escape(source.url, quote=True)}">{title}</a>'
        parts = [html_text(p) for p in (source.author,) if p] + [title]
        parts += [html_text(p) for p in (source.publication,) if p]
        if source.date:
            parts.append(html_text(source.date))
    text = ", ".join(parts)
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
            return qa_type, _qa(
                question.prompt, "Short answer", question.answer, ", ".join(question.alternatives)
            )
        case models.NumericQuestion():
            return qa_type, _numeric_fields(question, type_answer)
        case models.DateQuestion():
            return qa_type, _date_fields(question)
        case models.TrueFalseQuestion():
            return QA, _qa(
                question.prompt, "True or false?", "True" if question.answer else "False", ""
            )
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
        tolerance = f"± {format_number(question.tolerance)}" if question.tolerance else ""
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
        "Instruction": instruction,
        "Answer": html_text(answer),
        "Alternatives": html_text(alternatives),
    }


def _choice_fields(question: models.ChoiceQuestion, rng: random.Random) -> dict[str, str]:
    choices = list(question.choices)
    if question.shuffle:
        rng.shuffle(choices)
    correct = set(question.correct)
    items = "".join(
        f'<li class="qz-correct">{html_text(c)}</li>'
        if c in correct
        else f"<li>{html_text(c)}</li>"
        for c in choices
    )
    letters = [f"{chr(65 + i)}. {html_text(c)}" for i, c in enumerate(choices) if c in correct]
    many = len(correct) > 1
    return {
        "Prompt": html_text(question.prompt),
        "Instruction": f"Choose all that apply ({len(correct)})" if many else "Choose one",
        "Options": f'<ol class="qz-options">{items}</ol>',
        "Answer": "<br>".join(letters),
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
    return {
        "Prompt": html_text(question.prompt),
        "Instruction": "Put in the right order",
        "Items": "<ul>" + "".join(f"<li>{html_text(i)}</li>" for i in shown) + "</ul>",
        "Answer": "<ol>" + "".join(f"<li>{html_text(i)}</li>" for i in question.items) + "</ol>",
    }


def _match_fields(question: models.MatchQuestion, rng: random.Random) -> dict[str, str]:
    rights = scrambled([pair.right for pair in question.pairs], rng)
    rows = "".join(
        f"<tr><td>{index + 1}. {html_text(pair.left)}</td>"
        f"<td>{chr(65 + index)}. {html_text(rights[index])}</td></tr>"
        for index, pair in enumerate(question.pairs)
    )
    letter_of = {right: chr(65 + index) for index, right in enumerate(rights)}
    answers = "".join(
        f'<tr><td>{index + 1}. {html_text(pair.left)}</td><td class="qz-arrow">→</td>'
        f"<td>{letter_of[pair.right]}. {html_text(pair.right)}</td></tr>"
        for index, pair in enumerate(question.pairs)
    )
    return {
        "Prompt": html_text(question.prompt),
        "Instruction": "Match each item on the left with one on the right",
        "Items": f'<table class="qz-match">{rows}</table>',
        "Answer": f'<table class="qz-match">{answers}</table>',
    }
