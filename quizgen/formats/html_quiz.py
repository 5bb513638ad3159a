"""A self-check web page: one HTML file a student opens, answers in and is marked by.

Everything is inside the file — styles, script, pictures as `data:` URIs — and a Content
Security Policy forbids the page any network access. The questions travel as JSON that
the script (quiz_page.js) turns into text nodes, so markup in a deck stays text. Each
question's answer is XOR-ed with a key made from the deck and base64-encoded: a glance
at the source shows no answers, but the page is for self-study and says so. The same
deck gives the same bytes; the shuffle happens in the browser, per visit or `?seed=`.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Sequence
from importlib.resources import files
from typing import Any, assert_never

from .. import models
from ..citations import cite
from ..loading import LoadedDeck
from ..models import AnyQuestion, Deck, PartialDate, question_answer_text
from ..pictures import read_picture
from ..scripts import shipped_script
from ..shuffling import question_rng, scrambled
from . import Rendered

PICTURE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".avif": "image/avif",
}
CONTENT_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)
SELF_STUDY_NOTICE = (
    "For self-study only, not for exams: the answers are inside this page, only lightly hidden."
)


def render(decks: Sequence[LoadedDeck]) -> Rendered:
    answers: list[bytes] = []
    sections = []
    for loaded in decks:
        questions = []
        for question in loaded.deck.questions:
            public, secret = _question_data(loaded, question)
            public["offset"] = len(answers) * 7
            answers.append(_canonical(secret))
            questions.append((public, secret))
        sections.append((loaded.deck, questions))
    key = hashlib.sha256(b"quizgen-html\0" + b"\0".join(answers)).digest()
    data = {
        "key": base64.b64encode(key).decode("ascii"),
        "decks": [
            {
                "title": deck.title,
                "description": deck.description,
                "source": _source_line(deck),
                "questions": [
                    {**public, "key": _lock(_canonical(secret), key, public["offset"])}
                    for public, secret in questions
                ],
            }
            for deck, questions in sections
        ],
    }
    count = sum(len(loaded.deck.questions) for loaded in decks)
    title = " · ".join(loaded.deck.title for loaded in decks)
    return Rendered(_page(title, data), count)


def _question_data(loaded: LoadedDeck, question: AnyQuestion) -> tuple[dict[str, Any],
                                                                         dict[str, Any]]:
    """What the page shows (public) and what it checks against (hidden)."""
    public: dict[str, Any] = {"id": question.id, "type": question.type,
                              "points": question.points}
    secret: dict[str, Any] = {"show": question_answer_text(question)}
    explanation = " ".join(
        part for part in (
            question.explanation,
            f"(Source: {question.source.citation()})" if question.source else None,
        ) if part
    )
    if explanation:
        secret["explanation"] = explanation
    picture = read_picture(loaded, question)
    if picture is not None:
        kind = PICTURE_TYPES.get(picture.path.suffix.lower(), "application/octet-stream")
        public["image"] = f"data:{kind};base64,{base64.b64encode(picture.content).decode('ascii')}"
    match question:
        case models.ShortQuestion():
            public["prompt"] = question.prompt
            secret["accept"] = [question.answer, *question.alternatives]
        case models.DateQuestion():
            public["prompt"] = question.prompt
            when = PartialDate.parse(question.answer)
            secret.update(year=when.year, month=when.month, day=when.day)
        case models.NumericQuestion():
            public["prompt"] = question.prompt
            public["unit"] = question.unit
            secret["value"] = format(question.answer.normalize(), "f")
            secret["tolerance"] = format(question.tolerance.normalize(), "f")
        case models.TrueFalseQuestion():
            public["prompt"] = f"True or false: {question.prompt}"
            secret["right"] = question.answer
        case models.ChoiceQuestion():
            public.update(prompt=question.prompt, choices=question.choices,
                          multi=len(question.correct) > 1, shuffle=question.shuffle)
            secret["right"] = [question.choices.index(choice) for choice in question.correct]
        case models.ClozeQuestion():
            segments: list[Any] = []
            gaps: list[str] = []
            for part in question.segments():
                if isinstance(part, str):
                    segments.append(part)
                else:
                    segments.append({"hint": part.hint} if part.hint else {})
                    gaps.append(part.answer.strip())
            public["segments"] = segments
            secret["gaps"] = gaps
        case models.OrderQuestion():
            shown = _scrambled(loaded.deck.id, question.id, question.items)
            public.update(prompt=question.prompt, items=shown)
            secret["order"] = [shown.index(item) for item in question.items]
        case models.MatchQuestion():
            rights = _scrambled(loaded.deck.id, question.id,
                                [pair.right for pair in question.pairs])
            public.update(prompt=question.prompt, lefts=[pair.left for pair in question.pairs],
                          rights=rights)
            secret["pairs"] = [rights.index(pair.right) for pair in question.pairs]
        case _:
            assert_never(question)
    return public, secret


def _scrambled(deck_id: str, question_id: str, values: list[str]) -> list[str]:
    """The page source lists items and match sides in a fixed order that is never solved."""
    return scrambled(values, question_rng("quizgen-html", deck_id, question_id))


def _lock(payload: bytes, key: bytes, offset: int) -> str:
    mixed = bytes(byte ^ key[(index + offset) % len(key)] for index, byte in enumerate(payload))
    return base64.b64encode(mixed).decode("ascii")


def _canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _source_line(deck: Deck) -> str | None:
    return cite(deck.source) if deck.source is not None else None


def _script_json(data: Any) -> str:
    """JSON that cannot end its <script> element early or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _asset(name: str) -> str:
    return files("quizgen.formats").joinpath(name).read_text(encoding="utf-8")


def _page(title: str, data: dict[str, Any]) -> str:
    script = shipped_script("quizgen.formats", "quiz_page.js")
    if "</script" in script.lower():
        raise AssertionError("quiz_page.js must not contain '</script'")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CONTENT_POLICY}">
<meta name="generator" content="quizgen">
<meta name="color-scheme" content="light dark">
<title>{html.escape(title)} · self-check</title>
<style>
{_asset("quiz_page.css")}</style>
</head>
<body>
<header class="qz-header">
<h1>{html.escape(title)}</h1>
<p class="qz-notice">{SELF_STUDY_NOTICE}</p>
<p id="qz-seed" class="qz-seed"></p>
</header>
<noscript><p class="qz-notice">This quiz needs JavaScript to show its questions.</p></noscript>
<main id="qz-main"></main>
<footer class="qz-footer">
<button type="button" id="qz-check-all">Check all answers</button>
<p id="qz-score" class="qz-score" role="status" aria-live="polite"></p>
</footer>
<script type="application/json" id="quiz-data">{_script_json(data)}</script>
<script>
{script}</script>
</body>
</html>
"""
