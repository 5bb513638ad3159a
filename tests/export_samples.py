"""A deck with every question type, markup in every field and pictures, for export tests.

Written for these tests (no third-party text). Every field carries characters that some
output reads as syntax: HTML tags, GIFT's `~ = # { } :`, Markdown's `* _ [`, Moodle's
cloze braces and shortanswer `*` wildcard, XML's `&` and `]]>`.
"""

from __future__ import annotations

import base64
from pathlib import Path

from quizgen.loading import LoadedDeck, load_deck

PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg=="
)
"""A 2x2 PNG (red, green, blue, white)."""

MARKUP = "<b>bold</b> & <script>alert(1)</script> *star* _u_ [l](x) {brace} #~=: \\ ]]>"

EVERY_TYPE_DECK = r"""
id: every-type
title: "Every type <i>&</i> {markup} / slash"
description: "A deck for export tests: <b>not bold</b> & {{not a gap}}"
questions:
  - id: short-markup
    type: short
    tags: [markup, "level::one"]
    prompt: "What does <b>this</b> & {that} #~=: \\ say? *star*"
    answer: "A*B <i>c</i>"
    alternatives: ["a & b", "{x}#~="]
    explanation: "Because <script>alert(1)</script> & *star* ]]> stays text."
    image: pics/pixel.png
    points: 3
  - id: numeric-unit
    type: numeric
    tags: [figures]
    prompt: "How many <u>troops</u> & tanks?"
    answer: 7000
    tolerance: 250
    unit: "men <b>"
  - id: numeric-negative
    type: numeric
    prompt: What is minus eleven and a quarter?
    answer: -11.25
  - id: date-year
    type: date
    prompt: In what year {?}
    answer: 1961
  - id: date-month
    type: date
    prompt: In what month?
    answer: 2000-03
  - id: date-day
    type: date
    tags: [dates]
    prompt: "On what day <i>exactly</i>?"
    answer: 2024-06-19
  - id: choice-single
    type: choice
    prompt: "Which is <b>right</b>?"
    choices: ["<b>Right</b> & {ok}", "Wrong #1", "~Wrong=2", "%50%Wrong"]
    answer: "<b>Right</b> & {ok}"
    shuffle: false
    image: pics/pixel.png
  - id: choice-multi
    type: choice
    tags: [multi]
    prompt: Which two are right?
    choices: ["First right", "Second right", "Wrong <script>x</script>", "Also wrong"]
    answer: ["First right", "Second right"]
  - id: tf-true
    type: truefalse
    prompt: "True: <b>1 < 2</b> & {so}."
    answer: true
    explanation: "Line one.\nLine two <br> stays text."
  - id: tf-false
    type: truefalse
    prompt: False one.
    answer: false
  - id: cloze-end
    type: cloze
    text: "The treaty was signed {{aboard}}"
    tags: [cloze]
  - id: cloze-hint
    type: cloze
    text: "The <b>summit</b> & {talks} were in {{Pyongyang::a capital}}, in {{June}}."
    image: pics/pixel.png
  - id: cloze-special
    type: cloze
    text: "Odd answer: {{a}b#c~d=e%f*g&h<i>}} here."
  - id: order-steps
    type: order
    tags: [order]
    prompt: "Put <these> & {those} in order."
    items: ["First <b>", "Second & so", "Third {x}"]
  - id: match-pairs
    type: match
    prompt: "Match <i>each</i> side."
    pairs:
      - {left: "Left <b>1</b>", right: "Right & 1"}
      - {left: "Left {2}", right: "Right #2"}
      - {left: "Left ~3", right: "Right <3>"}
"""


def every_type_deck(folder: Path) -> LoadedDeck:
    """Write the deck and its picture into `folder` and load it as the CLI would."""
    (folder / "pics").mkdir(parents=True, exist_ok=True)
    (folder / "pics" / "pixel.png").write_bytes(PIXEL_PNG)
    path = folder / "every-type.yaml"
    path.write_text(EVERY_TYPE_DECK.lstrip(), encoding="utf-8")
    return load_deck(path)


BEFORE_CHRIST_DECK = """\
id: before-christ
title: Before Christ
questions:
  - {id: caesar-year, type: date, prompt: In what year was Caesar killed?, answer: 44 BC}
  - {id: ides, type: date, prompt: On what day was Caesar killed?, answer: -44-03-15}
"""
