"""`quizgen new`: a starter deck that shows every question type and validates as written.

The examples are live questions, not comments, so `quizgen build` on a fresh deck shows
at once how each type looks in Anki and on paper; the comments say which fields each
type takes. People replace the examples with their own.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import write_text_atomic
from ..errors import InputError, display_path
from ..models import SLUG_PATTERN
from ..schema import SCHEMA_FILE, modeline
from ..slugs import slugify
from .splice import scalar_text

_STARTER = """\
{modeline}
# A quizgen deck: one YAML file of questions about one source.
# Check it with `quizgen validate {shown}`, build Anki cards with `quizgen build`,
# and add questions with `quizgen add` or by editing this file. Editors that read the
# schema line above (VS Code with the YAML extension) complete and check fields as you type.
id: {deck_id}            # stable forever: Anki identity derives from it
title: {title}
# description: One or two sentences on what the deck covers.
# source:                # where the facts come from; outputs cite it
#   title: The article's headline
#   author: Its author
#   publication: Where it appeared
#   date: 2024-06-18     # a year, YYYY-MM or YYYY-MM-DD
#   url: https://example.org/article
questions:

  # Every question has an `id` (a slug, unique in this deck, never changed once the
  # deck is in use) and a `type`. Optional for all: tags, explanation, source
  # ({{paragraph: N, locator: a few words}}), points, image, subdeck.
  # The questions below are examples of each type: replace them with your own.

  # short: free answer; `alternatives` lists other answers to accept.
  - id: apollo-11-lander
    type: short
    prompt: What was the name of the Apollo 11 lunar module?
    answer: Eagle
    alternatives: [The Eagle]
    tags: [example]
    explanation: Armstrong radioed "The Eagle has landed" after touchdown.

  # numeric: a number, with an optional unit and a tolerance (± how much counts as right).
  - id: moonwalkers
    type: numeric
    prompt: How many people have walked on the Moon?
    answer: 12
    unit: people
    tolerance: 0
    tags: [example]

  # date: a year (1969), a month (1969-07) or a full date (1969-07-20).
  - id: first-landing
    type: date
    prompt: On what date did Apollo 11 land on the Moon?
    answer: 1969-07-20
    tags: [example]

  # choice: `answer` is one of `choices`, or a list of them when several are right.
  # Add `shuffle: false` to keep the choices in the order written.
  - id: first-landing-mission
    type: choice
    prompt: Which mission first landed people on the Moon?
    choices: [Apollo 8, Apollo 11, Apollo 13]
    answer: Apollo 11
    tags: [example]

  # truefalse: the answer is true or false.
  - id: moon-air
    type: truefalse
    prompt: The Moon has an atmosphere dense enough to breathe.
    answer: false
    tags: [example]

  # cloze: hide the answers in {{{{double braces}}}}; {{{{answer::hint}}}} adds a hint.
  - id: lunar-orbit
    type: cloze
    text: The Moon takes about {{{{27}}}} days to orbit the Earth once.
    tags: [example]

  # order: the items in their right order (here, earliest first); quizzes shuffle them.
  - id: apollo-sequence
    type: order
    prompt: Put these missions in the order they flew, earliest first.
    items: [Apollo 8, Apollo 11, Apollo 17]
    tags: [example]

  # match: pairs to match up; quizzes shuffle the right-hand side.
  - id: mission-commanders
    type: match
    prompt: Match each commander to the mission he led.
    pairs:
      - {{left: Neil Armstrong, right: Apollo 11}}
      - {{left: Jim Lovell, right: Apollo 13}}
      - {{left: Gene Cernan, right: Apollo 17}}
    tags: [example]
"""


@dataclass(frozen=True)
class Started:
    """The deck `new` wrote, and anything the user should know about it."""

    path: Path
    deck_id: str
    warnings: list[str] = field(default_factory=list)


def title_from_id(deck_id: str) -> str:
    """'moon-landings-1969' → 'Moon landings 1969': a start, meant to be edited."""
    words = re.split(r"[-_]+", deck_id)
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def schema_reference(deck_path: Path, project_root: Path) -> str:
    """The modeline's path from the deck's folder to the project's schema file, '/'-separated."""
    schema = (project_root / SCHEMA_FILE).resolve()
    try:
        relative = os.path.relpath(schema, deck_path.parent.resolve())
    except ValueError:  # another drive on Windows: no relative path exists
        return schema.as_uri()
    return Path(relative).as_posix()


def starter_text(deck_id: str, title: str, schema_ref: str, shown: str) -> str:
    """The starter deck for `deck_id`; its first line points editors at the schema."""
    check_deck_id(deck_id)
    if not title.strip() or "\n" in title:
        raise InputError("--title must be one non-empty line")
    return _STARTER.format(modeline=modeline(schema_ref), deck_id=deck_id,
                           title=scalar_text(title.strip()), shown=shown)


def write_starter(path: Path, deck_id: str, title: str | None, project_root: Path,
                  overwrite: bool = False) -> Started:
    """Write a starter deck to `path`; an existing file is kept unless `overwrite`."""
    shown = display_path(path)
    if path.exists() and not overwrite:
        raise InputError(f"{shown} already exists; choose another -o or pass --force")
    text = starter_text(deck_id, title or title_from_id(deck_id),
                        schema_reference(path, project_root), shown)
    write_text_atomic(path, text)
    warnings: list[str] = []
    if not (project_root / SCHEMA_FILE).is_file():
        warnings.append(f"{SCHEMA_FILE} not found: run `quizgen schema -o {SCHEMA_FILE}` so "
                        "editors can check the new deck")
    return Started(path, deck_id, warnings)


def check_deck_id(deck_id: str) -> None:
    """`InputError` unless `deck_id` is a slug; `new` and `extract` both check ids this way."""
    if not re.fullmatch(SLUG_PATTERN, deck_id):
        raise InputError(f"'{deck_id}' is not a valid deck id (use lowercase letters, digits "
                         f"and single hyphens, e.g. '{slugify(deck_id, 'my-deck')}')")
