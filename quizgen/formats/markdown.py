"""A Markdown study sheet: each deck's questions, then their answers with explanations and sources.

Written for CommonMark/GitHub renderers. Deck text is plain, so every character that
Markdown could read as markup is backslash-escaped: a prompt mentioning `*` or `<b>`
renders as written. Choices, order items and match sides are shuffled with a seed made
from the deck and question ids, so the sheet never gives the answer away by position
and the same deck always gives the same file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import assert_never

from .. import models
from ..citations import cite
from ..labels import letter as letter_for
from ..loading import LoadedDeck
from ..models import AnyQuestion, Deck, cloze_with_blanks, question_answer_text
from ..shuffling import question_rng, scrambled
from . import Rendered, one_line

BLANK = r"\_\_\_\_\_"
_GAP = "\ue000"  # a private-use character no deck text contains; replaced after escaping

_BACKSLASHED = re.compile(r"([\\`*_\[\]>])")
"""Escapes CommonMark and Python-Markdown both honour; the rest become character references."""
_REFERENCES = {"&": "&amp;", "<": "&lt;", "|": "&#124;", "~": "&#126;"}
_LINE_START = re.compile(r"^([#+\-]|=|\d+(?=[.)]))")


def render(decks: Sequence[LoadedDeck]) -> Rendered:
    sections = [_deck_section(loaded.deck) for loaded in decks]
    count = sum(len(loaded.deck.questions) for loaded in decks)
    return Rendered("\n\n".join(sections) + "\n", count)


def escape(text: str) -> str:
    """Plain text → Markdown that renders as exactly that text, on one line."""
    flat = "".join(_REFERENCES.get(char, char) for char in one_line(text))
    flat = _BACKSLASHED.sub(r"\\\1", flat)
    return _LINE_START.sub(lambda m: _escape_start(m.group(1)), flat)


def _escape_start(start: str) -> str:
    if start.isdigit():
        return start + "\\"  # '1999.' would start an ordered list: escape the dot instead
    if start == "=":
        return "&#61;"  # a setext underline; Python-Markdown has no backslash escape for '='
    return "\\" + start


def _deck_section(deck: Deck) -> str:
    lines = [f"# {escape(deck.title)}", ""]
    if deck.description:
        lines += [escape(deck.description), ""]
    if deck.source:
        lines += [f"Source: {_source_line(deck)}", ""]
    lines += ["## Questions", ""]
    # A blank line after every item: Python-Markdown would otherwise read the next
    # "2." as the lazy continuation of an indented paragraph.
    for number, question in enumerate(deck.questions, 1):
        lines += [*_question_lines(deck, number, question), ""]
    lines += ["## Answers", ""]
    for number, question in enumerate(deck.questions, 1):
        lines += [*_answer_lines(deck, number, question), ""]
    return "\n".join(lines).rstrip("\n")


def _source_line(deck: Deck) -> str:
    source = deck.source
    assert source is not None
    text = cite(source, escape=escape)
    if source.url:
        text += f" <{source.url}>" if _safe_url(source.url) else f" ({escape(source.url)})"
    return text


def _safe_url(url: str) -> bool:
    return re.fullmatch(r"https?://[^\s<>]+", url) is not None


def _indent(number: int) -> str:
    """Four spaces nest a list in Python-Markdown; CommonMark needs the item's text column
    (len("100. ") = 5), so the larger of the two nests in both."""
    return " " * max(4, len(str(number)) + 2)


def _question_lines(deck: Deck, number: int, question: AnyQuestion) -> list[str]:
    indent = _indent(number)
    lines = [f"{number}. {escape(question.prompt_text())}"]
    match question:
        case models.ClozeQuestion():
            return [f"{number}. {_cloze_text(question)}"]
        case models.TrueFalseQuestion():
            return [f"{number}. True or false: {escape(question.prompt)}"]
        case models.ChoiceQuestion():
            for letter, choice in _lettered(_choice_order(deck, question)):
                lines.append(f"{indent}- {letter}. {escape(choice)}")
        case models.OrderQuestion():
            for item in _shuffled(deck, question, question.items):
                lines.append(f"{indent}- {escape(item)}")
        case models.MatchQuestion():
            rights = _shuffled(deck, question, [pair.right for pair in question.pairs])
            for pair in question.pairs:
                lines.append(f"{indent}- {escape(pair.left)}")
            lines.append("")
            lines.append(f"{indent}Match with:")
            lines.append("")
            for letter, right in _lettered(rights):
                lines.append(f"{indent}- {letter}. {escape(right)}")
        case models.ShortQuestion() | models.NumericQuestion() | models.DateQuestion():
            pass
        case _:
            assert_never(question)
    return lines


def _answer_lines(deck: Deck, number: int, question: AnyQuestion) -> list[str]:
    indent = _indent(number)
    lines = [f"{number}. **{_answer_text(deck, question)}**"]
    if question.explanation:
        lines += ["", f"{indent}{escape(question.explanation)}"]
    if question.source:
        lines += ["", f"{indent}Source: {escape(question.source.citation())}"]
    return lines


def _answer_text(deck: Deck, question: AnyQuestion) -> str:
    match question:
        case models.ChoiceQuestion():
            order = _choice_order(deck, question)
            right = sorted(order.index(choice) for choice in question.correct)
            return "; ".join(f"{letter_for(index)}. {escape(order[index])}" for index in right)
        case models.ShortQuestion() if question.alternatives:
            also = ", ".join(escape(a) for a in question.alternatives)
            return f"{escape(question.answer)} (also: {also})"
        case (models.ShortQuestion() | models.NumericQuestion() | models.DateQuestion()
              | models.TrueFalseQuestion() | models.ClozeQuestion() | models.OrderQuestion()
              | models.MatchQuestion()):
            return escape(question_answer_text(question))
        case _:
            assert_never(question)


def _cloze_text(question: models.ClozeQuestion) -> str:
    """Gaps become blanks; escaping runs over the whole sentence so spacing stays intact."""
    return escape(cloze_with_blanks(question, _GAP, hints=True)).replace(_GAP, BLANK)


def _choice_order(deck: Deck, question: models.ChoiceQuestion) -> list[str]:
    return (
        _shuffled(deck, question, question.choices) if question.shuffle else list(question.choices)
    )


def _shuffled(deck: Deck, question: AnyQuestion, values: list[str]) -> list[str]:
    """Never the written (answer) order; the same for the same deck and question."""
    return scrambled(values, question_rng("quizgen-markdown", deck.id, question.id))


def _lettered(items: list[str]) -> list[tuple[str, str]]:
    """Every item with its letter, past Z too: none is dropped."""
    return [(letter_for(index), item) for index, item in enumerate(items)]
