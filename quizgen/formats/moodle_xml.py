"""Moodle XML: the question bank's richest import, with ids, tags, grades and pictures.

Written for Moodle's own reader (question/format/xml/format.php): one `category`
question per deck, then each question with `idnumber` (the deck's id), `tags`, its
points as `defaultgrade` and its picture embedded as a base64 `<file>` that the HTML
text points to through `@@PLUGINFILE@@`. Deck text is plain, so texts Moodle shows as
HTML are HTML-escaped before XML escaping: `<b>` in a prompt stays visible as `<b>`.
Nothing depends on time or dict order, so the same deck gives the same bytes.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Sequence
from typing import assert_never
from urllib.parse import quote

from .. import models
from ..loading import LoadedDeck
from ..models import AnyQuestion, Deck
from ..pictures import read_picture
from . import Rendered, question_where
from . import moodle_common as moodle

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CLOZE_ANSWER_SPECIAL = re.compile(r"[&<>\"'{}~#\\=%*:]")
"""Characters written as numeric references inside a cloze gap: Moodle's gap parser
stops at `~ # }`, reads a leading `=`/`%` as a grade, and decodes the references back."""
_TEXT_SPECIAL = re.compile(r"[{}]")


def render(decks: Sequence[LoadedDeck]) -> Rendered:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    warnings: list[str] = []
    count = 0
    for loaded in decks:
        lines.append(_category(loaded.deck))
        for index, question in enumerate(loaded.deck.questions):
            try:
                lines.append(question_xml(loaded, question))
            except moodle.Unsupported as reason:
                warnings.append(f"{question_where(loaded, index)}: {reason}; skipped in Moodle XML")
                continue
            count += 1
    lines.append("</quiz>")
    return Rendered("\n".join(lines) + "\n", count, warnings)


def _category(deck: Deck) -> str:
    info = f'\n    <info format="html">{_text(_html(deck.description))}</info>' if (
        deck.description) else ""
    path = "$course$/top/" + _html(moodle.category_path(deck.title))
    return (
        f"  <!-- quizgen deck '{_comment(deck.id)}' -->\n"
        '  <question type="category">\n'
        f"    <category>{_text(path)}</category>"
        f"{info}\n"
        f"    <idnumber>{_xml(deck.id)}</idnumber>\n"
        "  </question>"
    )


def question_xml(loaded: LoadedDeck, question: AnyQuestion) -> str:
    """One `<question>` element; Unsupported when Moodle has no form for it."""
    qtype, text, body = _typed_parts(question)
    picture = _picture(loaded, question)
    if picture:
        text += f'<br>\n<img src="@@PLUGINFILE@@/{quote(picture[0])}" alt="">'
    files = (
        f'\n      <file name="{_xml(picture[0])}" path="/" encoding="base64">{picture[1]}</file>'
        if picture else ""
    )
    feedback = _html(question.explanation) if question.explanation else ""
    tags = "".join(f"\n      <tag>{_text(tag)}</tag>" for tag in question.tags)
    parts = [
        f'  <question type="{qtype}">',
        f"    <name>{_text(question.id)}</name>",
        f'    <questiontext format="html">\n      {_text(text)}{files}\n    </questiontext>',
        f'    <generalfeedback format="html">{_text(feedback)}</generalfeedback>',
        f"    <defaultgrade>{question.points}</defaultgrade>",
        "    <penalty>0.3333333</penalty>",
        "    <hidden>0</hidden>",
        f"    <idnumber>{_xml(question.id)}</idnumber>",
        *body,
        f"    <tags>{tags}\n    </tags>" if tags else "    <tags></tags>",
        "  </question>",
    ]
    return "\n".join(parts)


def _typed_parts(question: AnyQuestion) -> tuple[str, str, list[str]]:
    """Moodle's type name, the question text as HTML, and the type's own elements."""
    match question:
        case models.ShortQuestion():
            return "shortanswer", _html(question.prompt), _short_answers(
                [question.answer, *question.alternatives])
        case models.DateQuestion():
            return "shortanswer", _html(question.prompt), _short_answers(
                moodle.date_forms(question.answer_date))
        case models.NumericQuestion():
            return "numerical", _html(question.prompt), _numerical(question)
        case models.ChoiceQuestion():
            return "multichoice", _html(question.prompt), _choice(question)
        case models.TrueFalseQuestion():
            return "truefalse", _html(question.prompt), [
                _answer("100" if question.answer else "0", "true"),
                _answer("0" if question.answer else "100", "false"),
            ]
        case models.ClozeQuestion():
            return "cloze", _cloze_text(question), []
        case models.OrderQuestion():
            pairs = [(item, str(place)) for place, item in enumerate(question.items, 1)]
            return "matching", _html(question.prompt + moodle.ORDER_INSTRUCTION), _matching(pairs)
        case models.MatchQuestion():
            return "matching", _html(question.prompt), _matching(
                [(pair.left, pair.right) for pair in question.pairs])
        case _:
            assert_never(question)


def _short_answers(answers: list[str]) -> list[str]:
    """Case-insensitive short answers; `*` is Moodle's wildcard, so a literal one is `\\*`."""
    return ["    <usecase>0</usecase>"] + [
        _answer("100", shortanswer_text(answer), "moodle_auto_format")
        for answer in moodle.distinct_answers(answers)
    ]


def shortanswer_text(answer: str) -> str:
    return answer.replace("*", "\\*")


def _numerical(question: models.NumericQuestion) -> list[str]:
    body = [
        '    <answer fraction="100">\n'
        f"      <text>{moodle.number(question.answer)}</text>\n"
        '      <feedback format="html"><text></text></feedback>\n'
        f"      <tolerance>{moodle.number(question.tolerance)}</tolerance>\n"
        "    </answer>"
    ]
    if question.unit:
        body += [
            "    <units>\n      <unit>\n        <multiplier>1</multiplier>\n"
            f"        <unit_name>{_xml(question.unit)}</unit_name>\n      </unit>\n    </units>",
            "    <unitgradingtype>0</unitgradingtype>",
            "    <showunits>0</showunits>",
            "    <unitsleft>0</unitsleft>",
        ]
    return body


def _choice(question: models.ChoiceQuestion) -> list[str]:
    right = question.correct
    single = len(right) == 1
    share = "100" if single else moodle.share_of(len(right))
    wrong = "0" if single else "-100"
    body = [
        f"    <single>{'true' if single else 'false'}</single>",
        f"    <shuffleanswers>{'true' if question.shuffle else 'false'}</shuffleanswers>",
        "    <answernumbering>abc</answernumbering>",
        "    <showstandardinstruction>0</showstandardinstruction>",
    ]
    body += [
        _answer(share if choice in right else wrong, _html(choice), "html")
        for choice in question.choices
    ]
    return body


def _matching(pairs: list[tuple[str, str]]) -> list[str]:
    body = ["    <shuffleanswers>true</shuffleanswers>"]
    for left, right in pairs:
        body.append(
            '    <subquestion format="html">\n'
            f"      {_text(_html(left))}\n"
            f"      <answer>{_text(right)}</answer>\n"
            "    </subquestion>"
        )
    return body


def _cloze_text(question: models.ClozeQuestion) -> str:
    """The text with each gap as `{1:SHORTANSWER:=answer}` (its hint after it)."""
    parts: list[str] = []
    for part in question.segments():
        if isinstance(part, str):
            parts.append(_TEXT_SPECIAL.sub(_reference, _html(part)))
            continue
        answer = _CLOZE_ANSWER_SPECIAL.sub(_reference, shortanswer_text(part.answer.strip()))
        parts.append(f"{{1:SHORTANSWER:={answer}}}")
        if part.hint:
            parts.append(_TEXT_SPECIAL.sub(_reference, _html(f" ({part.hint})")))
    return "".join(parts)


def _reference(match: re.Match[str]) -> str:
    return f"&#{ord(match.group())};"


def _answer(fraction: str, text: str, text_format: str | None = None) -> str:
    attribute = f' format="{text_format}"' if text_format else ""
    return (
        f'    <answer fraction="{fraction}"{attribute}>\n'
        f"      {_text(text)}\n"
        '      <feedback format="html"><text></text></feedback>\n'
        "    </answer>"
    )


def _picture(loaded: LoadedDeck, question: AnyQuestion) -> tuple[str, str] | None:
    """The picture's content name (no deck text names a Moodle file) and base64 bytes."""
    picture = read_picture(loaded, question)
    if picture is None:
        return None
    return picture.content_name, base64.b64encode(picture.content).decode("ascii")


def _html(text: str | None) -> str:
    """Plain deck text as HTML that shows exactly it; line breaks kept as `<br>`."""
    escaped = html.escape(text or "", quote=False)
    return re.sub(r"\r\n|\r|\n", "<br>\n", escaped)


def _text(value: str) -> str:
    return f"<text>{_xml(value)}</text>"


def _xml(value: str) -> str:
    """XML character data; characters XML 1.0 cannot carry become U+FFFD."""
    cleaned = _NOT_XML.sub("\ufffd", value)
    return cleaned.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _comment(value: str) -> str:
    return value.replace("--", "- -")
