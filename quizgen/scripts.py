"""The scripts quizgen ships, put together from their files.

Cards (`anki/card.js`) and the quiz page (`formats/quiz_page.js`) shuffle with one seeded
generator, `seeded.js`, included where a script has the line `/* include seeded.js */`:
one copy, so both shuffle alike and a fix reaches both.
"""

from __future__ import annotations

from importlib.resources import files

_INCLUDE = "  /* include seeded.js */\n"


def shipped_script(package: str, name: str) -> str:
    """The script `name` of `package`, with seeded.js in place of its include line."""
    text = files(package).joinpath(name).read_text(encoding="utf-8")
    return text.replace(_INCLUDE, _seeded_generator())


def _seeded_generator() -> str:
    text = files("quizgen").joinpath("seeded.js").read_text(encoding="utf-8")
    return text[text.index("*/\n") + len("*/\n"):]  # the opening comment is for its readers
