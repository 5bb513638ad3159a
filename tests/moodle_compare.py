"""Compare a deck with what Moodle's own importer read from its GIFT or XML export.

`moodle_read` runs the Moodle harness in ../shared/consumers/moodle (Moodle's import code
under php-cli); `compare` walks every deck question and checks, field by field, the text,
answers, fractions, tolerances, units, tags, ids and pictures Moodle would store. Each
check counts, so a test can say how much was compared as well as that nothing differs.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from quizgen.formats.moodle_common import ORDER_INSTRUCTION, date_forms
from quizgen.models import (
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    DateQuestion,
    MatchQuestion,
    NumericQuestion,
    OrderQuestion,
    ShortQuestion,
    TrueFalseQuestion,
)

from .conftest import REPO

MOODLE_CHECK = REPO.parent / "shared" / "consumers" / "moodle" / "check"
_PICTURE = re.compile(r'<br>\n?<img src="@@PLUGINFILE@@/([^"]+)" alt="">$')


def moodle_read(kind: str, path: Path) -> dict[str, Any]:
    """Moodle's reading of a GIFT ('gift') or XML ('xml') file, as the harness's JSON."""
    if not (REPO.parent / "shared").is_dir():
        pytest.skip("../shared (the Moodle import harness) is absent")
    run = subprocess.run([str(MOODLE_CHECK), kind, str(path)], capture_output=True, text=True,
                         check=False, timeout=300)
    assert run.returncode in (0, 1), run.stderr
    report: dict[str, Any] = json.loads(run.stdout)
    return report


@dataclass
class Comparison:
    compared: int = 0
    questions: int = 0
    mismatches: list[str] = field(default_factory=list)

    def check(self, where: str, what: str, expected: object, got: object) -> None:
        self.compared += 1
        if expected != got:
            self.mismatches.append(f"{where}: {what}: expected {expected!r}, got {got!r}")


def _plain_from_html(text: str) -> tuple[str, str | None]:
    """Moodle's HTML field back to the deck's plain text, and the picture it shows."""
    picture = _PICTURE.search(text)
    if picture:
        text = text[: picture.start()]
    text = re.sub(r"<br>\n?", "\n", text)
    return html.unescape(text), picture.group(1) if picture else None


def _literal(answer: str) -> str:
    """A short answer as Moodle must store it to match only itself: `*` is its wildcard."""
    return answer.replace("*", "\\*")


def _short_expected(answers: list[str]) -> list[str]:
    """Every answer once: Moodle compares short answers ignoring case."""
    kept: list[str] = []
    for answer in answers:
        if answer.casefold() not in {k.casefold() for k in kept}:
            kept.append(answer)
    return kept


def compare(kind: str, questions: list[AnyQuestion], report: dict[str, Any]) -> Comparison:
    """Every deck question against Moodle's reading; `kind` is 'gift' or 'xml'."""
    result = Comparison()
    result.check("file", "Moodle errors", [], report["errors"])
    by_name: dict[str, list[dict[str, Any]]] = {}
    for read in report["questions"]:
        if read["qtype"] != "category":
            by_name.setdefault(read["name"], []).append(read)
    for question in questions:
        if isinstance(question, ClozeQuestion) and kind == "gift":
            _compare_gift_cloze(result, question, by_name)
            continue
        found = by_name.pop(question.id, [])
        result.check(question.id, "found once", 1, len(found))
        if len(found) == 1:
            result.questions += 1
            _compare_one(result, kind, question, found[0])
    result.check("file", "questions not in the deck", [], sorted(by_name))
    return result


def _compare_common(result: Comparison, kind: str, question: AnyQuestion,
                    read: dict[str, Any], prompt: str) -> None:
    where = question.id
    result.check(where, "name", question.id, read["name"])
    result.check(where, "idnumber", question.id, read["idnumber"])
    result.check(where, "tags", question.tags, read["tags"])
    if kind == "xml":
        text, picture = _plain_from_html(read["questiontext"])
        feedback, _ = _plain_from_html(read["generalfeedback"])
        result.check(where, "picture", bool(question.image), picture is not None)
        result.check(where, "text format", "html", read["questiontextformat"])
        if not isinstance(question, ClozeQuestion):
            result.check(where, "points", question.points, read["defaultmark"])
    else:
        text, feedback = read["questiontext"], read["generalfeedback"]
        result.check(where, "text format", "plain", read["questiontextformat"])
    result.check(where, "question text", prompt, text)
    result.check(where, "general feedback", question.explanation or "", feedback)


def _compare_one(result: Comparison, kind: str, question: AnyQuestion,
                 read: dict[str, Any]) -> None:
    where = question.id
    match question:
        case ShortQuestion():
            _compare_common(result, kind, question, read, question.prompt)
            _compare_short(result, where, read,
                           _short_expected([question.answer, *question.alternatives]))
        case DateQuestion():
            _compare_common(result, kind, question, read, question.prompt)
            when = question.answer_date
            if kind == "gift" and when.month is None and when.year > 0:
                result.check(where, "qtype", "numerical", read["qtype"])
                result.check(where, "answers", [(str(when.year), 1.0, 0)],
                             [(a["text"], a["fraction"], a["tolerance"]) for a in read["answers"]])
            else:
                _compare_short(result, where, read, date_forms(when))
        case NumericQuestion():
            _compare_common(result, kind, question, read, question.prompt)
            result.check(where, "qtype", "numerical", read["qtype"])
            answers = [(float(a["text"]), a["fraction"], float(a["tolerance"]))
                       for a in read["answers"]]
            result.check(where, "answer, fraction, tolerance",
                         [(float(question.answer), 1.0, float(question.tolerance))], answers)
            if kind == "xml":
                units = [(u["unit"], u["multiplier"]) for u in read.get("units", [])]
                result.check(where, "units", [(question.unit, 1)] if question.unit else [], units)
        case ChoiceQuestion():
            _compare_common(result, kind, question, read, question.prompt)
            result.check(where, "qtype", "multichoice", read["qtype"])
            single = len(question.correct) == 1
            result.check(where, "single", single, read["single"])
            right = 1.0 if single else round(1 / len(question.correct), 7)
            wrong = 0.0 if single else -1.0
            expected = [(c, right if c in question.correct else wrong) for c in question.choices]
            got = [(_answer_text(kind, a), round(a["fraction"], 7)) for a in read["answers"]]
            result.check(where, "choices and fractions", expected, got)
            if kind == "xml":
                result.check(where, "shuffle", question.shuffle, read["shuffleanswers"])
        case TrueFalseQuestion():
            _compare_common(result, kind, question, read, question.prompt)
            result.check(where, "qtype", "truefalse", read["qtype"])
            result.check(where, "correct answer", question.answer, read["correctanswer"])
        case ClozeQuestion():
            _compare_xml_cloze(result, question, read)
        case OrderQuestion():
            _compare_common(result, kind, question, read, question.prompt + ORDER_INSTRUCTION)
            result.check(where, "qtype", "match", read["qtype"])
            result.check(where, "item → place",
                         [(item, str(place)) for place, item in enumerate(question.items, 1)],
                         [(_answer_text(kind, s), s["answer"]) for s in read["subquestions"]])
        case MatchQuestion():
            _compare_common(result, kind, question, read, question.prompt)
            result.check(where, "qtype", "match", read["qtype"])
            result.check(where, "pairs", [(p.left, p.right) for p in question.pairs],
                         [(_answer_text(kind, s), s["answer"]) for s in read["subquestions"]])


def _answer_text(kind: str, answer: dict[str, Any]) -> str:
    text = str(answer["text"])
    return _plain_from_html(text)[0] if kind == "xml" else text


def _compare_short(result: Comparison, where: str, read: dict[str, Any],
                   expected: list[str]) -> None:
    result.check(where, "qtype", "shortanswer", read["qtype"])
    result.check(where, "case-insensitive", False, bool(read["usecase"]))
    result.check(where, "answers and fractions", [(_literal(a), 1.0) for a in expected],
                 [(a["text"], a["fraction"]) for a in read["answers"]])


def _compare_xml_cloze(result: Comparison, question: ClozeQuestion, read: dict[str, Any]) -> None:
    where = question.id
    result.check(where, "qtype", "multianswer", read["qtype"])
    expected_text: list[str] = []
    expected_gaps: list[str] = []
    for part in question.segments():
        if isinstance(part, str):
            expected_text.append(part)
        else:
            expected_gaps.append(part.answer.strip())
            expected_text.append(f"{{#{len(expected_gaps)}}}")
            if part.hint:
                expected_text.append(f" ({part.hint})")
    _compare_common(result, "xml", question, read, "".join(expected_text))
    result.check(where, "points (one per gap)", len(expected_gaps), read["defaultmark"])
    got = [
        (sub["qtype"], [(a["text"], a["fraction"]) for a in sub["answers"]])
        for sub in read["subquestions"]
    ]
    expected = [("shortanswer", [(_literal(gap), 1.0)]) for gap in expected_gaps]
    result.check(where, "gaps", expected, got)


def _compare_gift_cloze(result: Comparison, question: ClozeQuestion,
                        by_name: dict[str, list[dict[str, Any]]]) -> None:
    """GIFT has one blank per question: one Moodle question per gap, the others filled in."""
    numbers = sorted({gap.number for gap in question.gaps()})
    for number in numbers:
        name = question.id if len(numbers) == 1 else f"{question.id}-c{number}"
        found = by_name.pop(name, [])
        result.check(name, "found once", 1, len(found))
        if len(found) != 1:
            continue
        result.questions += 1
        read = found[0]
        text: list[str] = []
        answer = ""
        for part in question.segments():
            if isinstance(part, str):
                text.append(part)
            elif part.number == number:
                answer = part.answer.strip()
                text.append("_____" + (f" ({part.hint})" if part.hint else ""))
            else:
                text.append(part.answer)
        result.check(name, "name", name, read["name"])
        result.check(name, "idnumber", name, read["idnumber"])
        result.check(name, "tags", question.tags, read["tags"])
        result.check(name, "question text", "".join(text), read["questiontext"])
        result.check(name, "general feedback", question.explanation or "",
                     read["generalfeedback"])
        _compare_short(result, name, read, [answer])
