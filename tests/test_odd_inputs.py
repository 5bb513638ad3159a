"""Odd but valid decks build and import: CRLF, BOM, any script, very long text, 10k questions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quizgen import load_deck
from quizgen.anki.building import BuildOptions, build_package
from quizgen.anki.fields import html_text

from .conftest import import_package

SCRIPTS = {
    "cyrillic": "Пхеньян — столица КНДР",
    "hangul": "평양은 북한의 수도이다",
    "arabic": "بيونغ يانغ هي العاصمة",
    "hebrew": "פיונגיאנג היא הבירה",
    "devanagari": "प्योंगयांग राजधानी है",
    "emoji": "🚀 rockets and 🛰️ satellites",
    "astral": "\U0001d518\U0001d52b\U0001d526 \U0001d7d9\U0001d7e1",  # mathematical letters
    "combining": "Ha\u0300 No\u0323i",
    "accented": "Żółć, naïve café, Øresund",
}


def build_and_import(deck_file: Path, tmp_path: Path, collection: Any) -> Any:
    package = build_package(load_deck(deck_file), tmp_path / "odd.apkg", BuildOptions()).path
    return import_package(collection, package)


def test_crlf_and_bom(tmp_path: Path, collection: Any) -> None:
    text = (
        "id: windows\r\ntitle: Saved on Windows\r\nquestions:\r\n"
        "  - id: a\r\n    type: cloze\r\n    text: Kim Jong Un took over in {{2011}}.\r\n"
        "  - id: b\r\n    type: short\r\n    prompt: |\r\n      Two lines,\r\n      kept.\r\n"
        "    answer: yes, kept\r\n"
    )
    deck_file = tmp_path / "windows.yaml"
    deck_file.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    build_and_import(deck_file, tmp_path, collection)
    prompts = sorted(collection.get_note(n).fields[0] for n in collection.find_notes(""))
    assert prompts == ["Kim Jong Un took over in {{c1::2011}}.", "Two lines,<br>kept."]


def test_every_script_survives(tmp_path: Path, collection: Any) -> None:
    questions = "".join(
        f"  - id: {name}\n    type: short\n    prompt: \"{text}?\"\n    answer: \"{text}\"\n"
        for name, text in SCRIPTS.items()
    )
    deck_file = tmp_path / "scripts.yaml"
    deck_file.write_text(f"id: scripts\ntitle: Scripts\nquestions:\n{questions}", encoding="utf-8")
    build_and_import(deck_file, tmp_path, collection)
    stored = {collection.get_note(n)["Answer"] for n in collection.find_notes("")}
    assert stored == {html_text(text) for text in SCRIPTS.values()}


def test_very_long_strings(tmp_path: Path, collection: Any) -> None:
    long_prompt = "Why? " * 20_000  # 100,000 characters
    deck_file = tmp_path / "long.yaml"
    deck_file.write_text(
        f"id: long\ntitle: Long\nquestions:\n  - id: a\n    type: short\n"
        f"    prompt: \"{long_prompt.strip()}\"\n    answer: \"{'x' * 50_000}\"\n",
        encoding="utf-8",
    )
    build_and_import(deck_file, tmp_path, collection)
    note = collection.get_note(collection.find_notes("")[0])
    assert len(note["Prompt"]) == len(long_prompt.strip())
    assert note["Answer"] == "x" * 50_000


def test_ten_thousand_questions(tmp_path: Path, collection: Any) -> None:
    questions = "".join(
        f"  - {{id: q{i}, type: numeric, prompt: 'How many, case {i}?', answer: {i}}}\n"
        for i in range(10_000)
    )
    deck_file = tmp_path / "big.yaml"
    deck_file.write_text(f"id: big\ntitle: Big\nquestions:\n{questions}", encoding="utf-8")
    log = build_and_import(deck_file, tmp_path, collection)
    assert len(log.new) == 10_000
    assert collection.note_count() == collection.card_count() == 10_000
