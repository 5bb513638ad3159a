"""More than 26 choices or pairs: AA, AB … everywhere, nothing dropped, no `[` after `Z`."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from quizgen.labels import letter

from .safety import assert_refused, run


@pytest.mark.parametrize(("index", "expected"),
                         [(0, "A"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (52, "BA"),
                          (701, "ZZ"), (702, "AAA")])
def test_letters_continue_past_z(index: int, expected: str) -> None:
    assert letter(index) == expected


def test_letters_never_repeat_and_stay_letters() -> None:
    labels = [letter(index) for index in range(2000)]
    assert len(set(labels)) == 2000
    assert all(label.isascii() and label.isalpha() and label.isupper() for label in labels)


def many_choices(tmp_path: Path, count: int = 30) -> Path:
    choices = ", ".join(f"Option {n}" for n in range(count))
    deck = tmp_path / "deck.yaml"
    deck.write_text(f"""\
id: many
title: Many choices
questions:
  - id: pick
    type: choice
    prompt: Which is last?
    choices: [{choices}]
    answer: Option {count - 1}
    shuffle: false
""", encoding="utf-8")
    return deck


def test_markdown_keeps_every_choice_past_z(tmp_path: Path) -> None:
    many_choices(tmp_path)
    code, output = run("export", "deck.yaml", "-f", "markdown", "-o", "-", cwd=tmp_path)
    assert code == 0, output
    assert "- AD. Option 29" in output
    assert "AD. Option 29" in output.split("Answers")[-1]


def test_printed_key_letters_past_z(tmp_path: Path) -> None:
    many_choices(tmp_path)
    code, output = run("print", "deck.yaml", "--no-shuffle", "--key", "-o", "q.pdf", cwd=tmp_path)
    assert code == 0, output
    quiz = " ".join(page.extract_text() for page in PdfReader(tmp_path / "q.pdf").pages)
    key = " ".join(page.extract_text() for page in PdfReader(tmp_path / "q-key.pdf").pages)
    assert "AD" in quiz and "Option 29" in quiz
    assert "AD" in key
    for odd in ("[", "\\", "]", "^", "_"):
        assert odd not in quiz.replace("[…]", ""), odd


def test_anki_answer_letters_past_z(tmp_path: Path, collection: object) -> None:
    from .conftest import import_package

    many_choices(tmp_path)
    assert run("build", "deck.yaml", "-o", "out", cwd=tmp_path)[0] == 0
    import_package(collection, tmp_path / "out" / "many.apkg")
    card = collection.get_card(collection.find_cards("")[0])  # type: ignore[attr-defined]
    assert "Option 29" in card.answer()
    assert not any(f">{odd}." in card.answer() for odd in ("[", "\\", "]", "^", "_"))


def test_extract_refuses_to_write_over_its_article(tmp_path: Path) -> None:
    article = tmp_path / "art.txt"
    article.write_text("The treaty was signed in 1961. The leaders met in 2024.\n",
                       encoding="utf-8")
    before = article.read_bytes()
    code, output = run("extract", "art.txt", "-o", "art.txt", cwd=tmp_path)
    assert_refused(code, output, contains="art.txt: is the input art.txt; refusing to overwrite")
    (tmp_path / "link.txt").symlink_to("art.txt")
    code, output = run("extract", "art.txt", "-o", "link.txt", cwd=tmp_path)
    assert_refused(code, output, contains="refusing to overwrite it")
    assert article.read_bytes() == before
