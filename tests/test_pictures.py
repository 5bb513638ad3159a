"""A question's picture is read and named the same way by the Anki build and the printed quiz."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from quizgen.anki.building import deck_notes
from quizgen.anki.identity import media_name
from quizgen.errors import InputError
from quizgen.loading import load_deck
from quizgen.pictures import read_picture
from quizgen.printing import PrintOptions, render

from .test_print import tiny_png

DECK = """\
id: pictures
title: Pictures
questions:
  - id: flag
    type: short
    prompt: Whose flag is this?
    answer: Nobody's
    image: img/flag.png
  - id: plain
    type: short
    prompt: No picture here?
    answer: None
"""


def test_cards_and_paper_name_a_picture_by_its_bytes(write_deck: Callable[..., Path],
                                                     tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "flag.png").write_bytes(tiny_png())
    loaded = load_deck(write_deck(DECK))
    flag, plain = loaded.deck.questions
    picture = read_picture(loaded, flag)
    assert picture is not None and read_picture(loaded, plain) is None
    assert picture.content == tiny_png()
    notes, media = deck_notes(loaded)
    assert [media_name(m) for m in media] == [f"quizgen-{picture.content_name}"]
    assert f'<img src="quizgen-{picture.content_name}"' in notes[0].fields["Image"]
    (tmp_path / "img" / "flag.png").write_bytes(tiny_png(31, 20))
    changed = read_picture(loaded, flag)
    assert changed is not None and changed.content_name != picture.content_name


def test_a_picture_gone_after_loading_names_deck_question_and_file(
    write_deck: Callable[..., Path], tmp_path: Path
) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "flag.png").write_bytes(tiny_png())
    loaded = load_deck(write_deck(DECK))
    (tmp_path / "img" / "flag.png").unlink()
    expected = r"deck.yaml: question 'flag': image: file 'img/flag.png' not found next to the deck"
    with pytest.raises(InputError, match=expected):
        deck_notes(loaded)
    with pytest.raises(InputError, match=expected):
        render([loaded], PrintOptions())
