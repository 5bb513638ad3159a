"""Moodle GIFT: every question titled `::id::`, each type in the GIFT form Moodle imports.

The rules follow Moodle's own importer (question/format/gift/format.php): questions are
separated by blank lines; `~ = # { } :` and `\\` are escaped with a backslash and line
breaks written as `\\n`; question text carries `[plain]` so Moodle shows it as plain
text, never as HTML. A `// [id:…] [tag:…]` comment line above each question gives Moodle
its idnumber and tags. What GIFT cannot express is skipped and reported as a warning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import assert_never

from .. import models
from ..loading import LoadedDeck
from ..models import AnyQuestion
from . import Rendered, question_where
from . import moodle_common as moodle

_SPECIAL = re.compile(r"([\\~=#{}:])")
_WEIGHT_LIKE = re.compile(r"^%-*[0-9]{1,2}\.?[0-9]*%")
"""Moodle reads an answer starting like this as a `%50%` weight, not as text."""
_FORMAT_LIKE = re.compile(r"^\[(?:html|moodle|plain|markdown)\]")
"""Moodle reads a leading `[html]` etc. as a text format marker, not as text."""
_CLOSING = "\\]"
_ESCAPED_LINE_BREAK = "\\n"
_NOT_IN_TAG = re.compile(r"[<>`\x00-\x1f\x7f]")
"""Characters Moodle's `[tag:…]` reader (PARAM_TAG) stops at."""


def render(decks: Sequence[LoadedDeck]) -> Rendered:
    blocks: list[str] = []
    warnings: list[str] = []
    count = 0
    for loaded in decks:
        deck = loaded.deck
        blocks.append(f"// quizgen deck '{deck.id}'\n$CATEGORY: {category(deck.title)}")
        for index, question in enumerate(deck.questions):
            where = question_where(loaded, index)
            try:
                written = question_blocks(question)
            except moodle.Unsupported as reason:
                warnings.append(f"{where}: {reason}; skipped in GIFT")
                continue
            tags = [tag for tag in question.tags if not _NOT_IN_TAG.search(tag)]
            warnings += [f"{where}: tag '{tag}' has a character Moodle's GIFT reader stops at; "
                         "left out" for tag in question.tags if tag not in tags]
            blocks.extend(f"{id_and_tags(name, tags)}\n{text}" for name, text in written)
            count += len(written)
    return Rendered("\n\n".join(blocks) + "\n", count, warnings)


def id_and_tags(idnumber: str, tags: list[str]) -> str:
    """The comment line Moodle reads a question's idnumber and tags from."""
    marks = [f"[id:{idnumber}]", *(f"[tag:{tag.replace(']', _CLOSING)}]" for tag in tags)]
    return "// " + " ".join(marks)


def question_blocks(question: AnyQuestion) -> list[tuple[str, str]]:
    """Each Moodle question's name and GIFT text (several for a cloze with several gaps)."""
    feedback = f"####{answer_text(question.explanation)}" if question.explanation else ""
    prompt = question.prompt_text()
    match question:
        case models.ClozeQuestion():
            return _cloze(question, feedback)
        case models.ShortQuestion():
            answers = _short([question.answer, *question.alternatives])
        case models.NumericQuestion():
            answers = f"#{moodle.number(question.answer)}:{moodle.number(question.tolerance)}"
        case models.DateQuestion():
            answers = _date(question)
        case models.ChoiceQuestion():
            answers = _choice(question)
        case models.TrueFalseQuestion():
            answers = "TRUE" if question.answer else "FALSE"
        case models.MatchQuestion():
            answers = _match([(pair.left, pair.right) for pair in question.pairs])
        case models.OrderQuestion():
            prompt += moodle.ORDER_INSTRUCTION
            answers = _match([(item, str(place)) for place, item in enumerate(question.items, 1)])
        case _:
            assert_never(question)
    return [(question.id, f"{title(question.id)}[plain]{escape(prompt)}{{{answers}{feedback}}}")]


def _date(question: models.DateQuestion) -> str:
    when = question.answer_date
    if when.month is None and when.year > 0:
        return f"#{when.year}:0"
    return _short(moodle.date_forms(when))


def _short(answers: list[str]) -> str:
    for answer in answers:
        if "->" in answer:
            raise moodle.Unsupported(
                f"the answer '{answer}' contains '->', which Moodle reads as a matching pair"
            )
    return " ".join(f"={'%100%' if _WEIGHT_LIKE.match(a) else ''}{answer_text(literal(a))}"
                    for a in moodle.distinct_answers(answers))


def literal(answer: str) -> str:
    """A short answer that matches only itself: `*` is Moodle's shortanswer wildcard."""
    return answer.replace("*", "\\*")


def _choice(question: models.ChoiceQuestion) -> str:
    right = question.correct
    if len(right) == 1:
        return " ".join(
            f"={answer_text(choice)}" if choice in right else f"~{_wrong(choice)}"
            for choice in question.choices
        )
    share = moodle.share_of(len(right))
    return " ".join(
        f"~%{share}%{answer_text(choice)}" if choice in right else f"~%-100%{answer_text(choice)}"
        for choice in question.choices
    )


def _wrong(choice: str) -> str:
    return f"%0%{answer_text(choice)}" if _WEIGHT_LIKE.match(choice) else answer_text(choice)


def _match(pairs: list[tuple[str, str]]) -> str:
    for left, _ in pairs:
        if "->" in left:
            raise moodle.Unsupported(
                f"'{left}' contains '->', which GIFT uses between the sides of a pair"
            )
    return " ".join(f"={answer_text(left)} -> {escape(right)}" for left, right in pairs)


def _cloze(question: models.ClozeQuestion, feedback: str) -> list[tuple[str, str]]:
    """One gap: Moodle's missing-word form. Several: one question per gap, others shown."""
    gaps = question.gaps()
    numbers = sorted({gap.number for gap in gaps})
    for shown in numbers:
        if sum(gap.number == shown for gap in gaps) > 1:
            raise moodle.Unsupported(
                f"gap c{shown} appears more than once and GIFT allows one blank per question"
            )
    blocks: list[tuple[str, str]] = []
    for gap_number in numbers:
        parts: list[str] = []
        for part in question.segments():
            if isinstance(part, str):
                parts.append(escape(part))
            elif part.number == gap_number:
                hint = f" ({escape(part.hint)})" if part.hint else ""
                parts.append(f"{{{_short([part.answer.strip()])}{feedback}}}{hint}")
            else:
                parts.append(escape(part.answer))
        name = question.id if len(numbers) == 1 else f"{question.id}-c{gap_number}"
        text = "".join(parts)
        # A text ending on its answer block is read as "answers after the question", with
        # no blank: an escaped line break (trimmed by Moodle) keeps the gap a gap.
        end = _ESCAPED_LINE_BREAK if text.endswith("}") else ""
        blocks.append((name, f"{title(name)}[plain]{text}{end}"))
    return blocks


def title(name: str) -> str:
    return f"::{escape(name)}::"


def category(deck_title: str) -> str:
    return moodle.category_path(deck_title)


def escape(value: str) -> str:
    """GIFT's special characters backslash-escaped; line breaks as `\\n`, as Moodle writes them."""
    escaped = _SPECIAL.sub(r"\\\1", value)
    return escaped.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def answer_text(value: str) -> str:
    """An answer or left side: escaped, and protected from being read as a format marker."""
    prefix = "[plain]" if _FORMAT_LIKE.match(value) else ""
    return prefix + escape(value)
