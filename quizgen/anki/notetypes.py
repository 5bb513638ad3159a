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

# Constant per note type and schema version: never change one, add a new version instead.
QA_ID = 1_700_000_001_001
QA_TYPED_ID = 1_700_000_001_002
CHOICE_ID = 1_700_000_001_003
ORDER_ID = 1_700_000_001_004
MATCH_ID = 1_700_000_001_005
CLOZE_ID = 1_700_000_001_006

_HEAD = (
    '<div class="qz qz-{kind}">\n'
    "{{{{#Instruction}}}}"
    '<div class="qz-instruction">{{{{Instruction}}}}</div>'
    "{{{{/Instruction}}}}\n"
)
_PROMPT = '<div class="qz-prompt">{{Prompt}}</div>\n'
_IMAGE = '{{#Image}}<div class="qz-image">{{Image}}</div>{{/Image}}\n'
_DETAILS = (
    '{{#Explanation}}<div class="qz-explanation">{{Explanation}}</div>{{/Explanation}}\n'
    '{{#Source}}<div class="qz-source">{{Source}}</div>{{/Source}}\n'
)
_ANSWER = (
    '<hr id="answer">\n<div class="qz-answer">{{Answer}}</div>\n'
    '{{#Alternatives}}<div class="qz-alternatives">Also accepted: {{Alternatives}}</div>'
    "{{/Alternatives}}\n"
)


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

QA = NoteType(
    key="qa",
    model_id=QA_ID,
    name="quizgen Q&A (v1)",
    fields=("Prompt", "Instruction", "Answer", "Alternatives", *_COMMON),
    front=_HEAD.format(kind="qa") + _PROMPT + _IMAGE + "</div>",
    back=_HEAD.format(kind="qa") + _PROMPT + _IMAGE + _ANSWER + _DETAILS + "</div>",
)

QA_TYPED = NoteType(
    key="qa-typed",
    model_id=QA_TYPED_ID,
    name="quizgen Q&A, type the answer (v1)",
    fields=QA.fields,
    front=_HEAD.format(kind="qa") + _PROMPT + _IMAGE + "{{type:Answer}}\n</div>",
    back=(
        _HEAD.format(kind="qa") + _PROMPT + _IMAGE + "{{type:Answer}}\n"
        '{{#Alternatives}}<div class="qz-alternatives">Also accepted: {{Alternatives}}</div>'
        "{{/Alternatives}}\n" + _DETAILS + "</div>"
    ),
)

CHOICE = NoteType(
    key="choice",
    model_id=CHOICE_ID,
    name="quizgen Choice (v1)",
    fields=("Prompt", "Instruction", "Options", "Answer", *_COMMON),
    front=_HEAD.format(kind="choice")
    + _PROMPT
    + _IMAGE
    + '<div class="qz-front">{{Options}}</div>\n</div>',
    back=_HEAD.format(kind="choice")
    + _PROMPT
    + _IMAGE
    + '<div class="qz-back">{{Options}}</div>\n'
    + '<hr id="answer">\n<div class="qz-answer">{{Answer}}</div>\n'
    + _DETAILS
    + "</div>",
)

def _items_note_type(key: str, model_id: int, name: str) -> NoteType:
    """Order and match cards share a shape: items on the front, the solution on the back."""
    head = _HEAD.format(kind=key) + _PROMPT + _IMAGE
    return NoteType(
        key=key,
        model_id=model_id,
        name=name,
        fields=("Prompt", "Instruction", "Items", "Answer", *_COMMON),
        front=head + "{{Items}}\n</div>",
        back=head
        + '<hr id="answer">\n<div class="qz-answer-list">{{Answer}}</div>\n'
        + _DETAILS
        + "</div>",
    )


ORDER = _items_note_type("order", ORDER_ID, "quizgen Order (v1)")
MATCH = _items_note_type("match", MATCH_ID, "quizgen Match (v1)")

CLOZE = NoteType(
    key="cloze",
    model_id=CLOZE_ID,
    name="quizgen Cloze (v1)",
    fields=("Text", "Instruction", *_COMMON),
    front=_HEAD.format(kind="cloze")
    + '<div class="qz-prompt">{{cloze:Text}}</div>\n'
    + _IMAGE
    + "</div>",
    back=_HEAD.format(kind="cloze")
    + '<div class="qz-prompt">{{cloze:Text}}</div>\n'
    + _IMAGE
    + _DETAILS
    + "</div>",
    is_cloze=True,
)

NOTE_TYPES: tuple[NoteType, ...] = (QA, QA_TYPED, CHOICE, ORDER, MATCH, CLOZE)
