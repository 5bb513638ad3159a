"""Our own Anki note types, one per card shape.

A package cannot reference Anki's built-in "Basic", and a note type whose fields
change must get a new id (Anki refuses to merge changed field lists), so each type
carries a version in its name and a constant id per version.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import genanki

from ..scripts import shipped_script

# Constant per note type and schema version: never change one, add a new version instead.
QA_ID = 1_700_000_001_001
QA_TYPED_ID = 1_700_000_001_002
CHOICE_ID = 1_700_000_001_003
ORDER_ID = 1_700_000_001_004
MATCH_ID = 1_700_000_001_005
CLOZE_ID = 1_700_000_001_006


def _head(kind: str, side: str) -> str:
    """The card's frame: `data-qz-side` tells card.js which side it runs on."""
    return (
        f'<div class="qz qz-{kind}" data-qz-side="{side}">\n'
        '{{#Instruction}}<div class="qz-instruction">{{Instruction}}</div>{{/Instruction}}\n'
    )


_PROMPT = '<div class="qz-prompt">{{Prompt}}</div>\n'
_IMAGE = '{{#Image}}<div class="qz-image">{{Image}}</div>{{/Image}}\n'
_DETAILS = (
    '{{#Explanation}}<div class="qz-explanation">{{Explanation}}</div>{{/Explanation}}\n'
    '{{#Source}}<div class="qz-source">{{Source}}</div>{{/Source}}\n'
)
_ALTERNATIVES = (
    '{{#Alternatives}}<div class="qz-alternatives">Also accepted: {{Alternatives}}</div>'
    "{{/Alternatives}}\n"
)
_ANSWER = '<hr id="answer">\n<div class="qz-answer">{{Answer}}</div>\n' + _ALTERNATIVES
_VERDICT = '<div class="qz-verdict" role="status" hidden></div>\n'
CARD_SCRIPT = (
    "<script>\n"
    + shipped_script("quizgen.anki", "card.js")
    + "</script>\n"
)
"""Inlined, not a media file: nothing to fetch, and every client runs the same code."""


@dataclass(frozen=True)
class NoteType:
    """A note type and the field names `fields.py` fills, in Anki's field order."""

    key: str
    model_id: int
    name: str
    fields: tuple[str, ...]
    front: str
    back: str
    is_cloze: bool = False

    @property
    def model(self) -> genanki.Model:
        return _model(self)

    def definition(self) -> str:
        """Everything Anki stores for this note type, as canonical text: its version stamp
        (in the lock file) changes exactly when this does, so a new template or CSS reaches
        Anki on its own, without waiting for an edit to the deck."""
        return json.dumps(
            [self.model_id, self.name, self.fields, self.front, self.back, _css(), self.is_cloze],
            ensure_ascii=False,
        )


@cache
def _css() -> str:
    return files("quizgen.anki").joinpath("card.css").read_text(encoding="utf-8")


@cache
def _model(note_type: NoteType) -> genanki.Model:
    return genanki.Model(
        note_type.model_id,
        note_type.name,
        fields=[{"name": name} for name in note_type.fields],
        templates=[{"name": "Card", "qfmt": note_type.front, "afmt": note_type.back}],
        css=_css(),
        model_type=genanki.Model.CLOZE if note_type.is_cloze else genanki.Model.FRONT_BACK,
        sort_field_index=0,
    )


_COMMON = ("Explanation", "Source", "Image")


def _qa_note_type() -> NoteType:
    head = _PROMPT + _IMAGE
    return NoteType(
        key="qa",
        model_id=QA_ID,
        name="quizgen Q&A (v1)",
        fields=("Prompt", "Instruction", "Answer", "Alternatives", *_COMMON),
        front=_head("qa", "front") + head + "</div>",
        back=_head("qa", "back") + head + _ANSWER + _DETAILS + "</div>",
    )


QA = _qa_note_type()

QA_TYPED = NoteType(
    key="qa-typed",
    model_id=QA_TYPED_ID,
    name="quizgen Q&A, type the answer (v1)",
    fields=QA.fields,
    front=_head("qa", "front") + _PROMPT + _IMAGE + "{{type:Answer}}\n</div>\n" + CARD_SCRIPT,
    back=(
        _head("qa", "back") + _PROMPT + _IMAGE + "{{type:Answer}}\n" + _VERDICT
        + _ALTERNATIVES
        # The Answer field carries what else is accepted (a hidden rule card.js reads);
        # Anki's own comparison strips that markup, so it compares the answer alone.
        + '<div class="qz-rule-holder" hidden>{{Answer}}</div>\n'
        + _DETAILS + "</div>\n" + CARD_SCRIPT
    ),
)

CHOICE = NoteType(
    key="choice",
    model_id=CHOICE_ID,
    name="quizgen Choice (v1)",
    fields=("Prompt", "Instruction", "Options", "Answer", *_COMMON),
    front=_head("choice", "front") + _PROMPT + _IMAGE
    + '<div class="qz-front">{{Options}}</div>\n</div>\n' + CARD_SCRIPT,
    back=_head("choice", "back") + _PROMPT + _IMAGE
    + '<div class="qz-back">{{Options}}</div>\n' + _VERDICT
    + '<hr id="answer">\n<div class="qz-answer">{{Answer}}</div>\n'
    + _DETAILS + "</div>\n" + CARD_SCRIPT,
)


def _items_note_type(key: str, model_id: int, name: str) -> NoteType:
    """Order and match cards share a shape: lettered items on the front, the solution
    with the same letters on the back (the items stay on the back, hidden, so card.js
    can letter the solution the way the front was shuffled)."""
    head = _PROMPT + _IMAGE
    return NoteType(
        key=key,
        model_id=model_id,
        name=name,
        fields=("Prompt", "Instruction", "Items", "Answer", *_COMMON),
        front=_head(key, "front") + head + '<div class="qz-items">{{Items}}</div>\n</div>\n'
        + CARD_SCRIPT,
        back=_head(key, "back") + head
        + '<div class="qz-items" hidden>{{Items}}</div>\n'
        + '<hr id="answer">\n<div class="qz-answer-list">{{Answer}}</div>\n'
        + _DETAILS
        + "</div>\n" + CARD_SCRIPT,
    )


ORDER = _items_note_type("order", ORDER_ID, "quizgen Order (v1)")
MATCH = _items_note_type("match", MATCH_ID, "quizgen Match (v1)")

CLOZE = NoteType(
    key="cloze",
    model_id=CLOZE_ID,
    name="quizgen Cloze (v1)",
    fields=("Text", "Instruction", *_COMMON),
    front=_head("cloze", "front")
    + '<div class="qz-text">{{cloze:Text}}</div>\n'
    + _IMAGE
    + "</div>",
    back=_head("cloze", "back")
    + '<div class="qz-text">{{cloze:Text}}</div>\n'
    + _IMAGE
    + _DETAILS
    + "</div>",
    is_cloze=True,
)

NOTE_TYPES: tuple[NoteType, ...] = (QA, QA_TYPED, CHOICE, ORDER, MATCH, CLOZE)
