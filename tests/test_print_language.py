"""The printed quiz speaks the deck's language: its labels, and the document language that
drives hyphenation and writing direction (read back from the PDF's /Lang)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from quizgen.errors import DeckError
from quizgen.loading import load_decks
from quizgen.printing import PrintOptions, render

from .test_print import flat, pages

DECK = """\
id: lingo
title: Lingo
{language}questions:
  - id: pick
    type: choice
    prompt: Pick one.
    choices: [Alpha, Beta]
    answer: Beta
  - id: verdict
    type: truefalse
    prompt: A statement.
    answer: true
  - id: when
    type: date
    prompt: When?
    answer: 1999
"""


def printed(write_deck: Callable[..., Path], language: str | None) -> tuple[str, str, str]:
    line = f"language: {language}\n" if language else ""
    decks = load_decks([write_deck(DECK.format(language=line))])
    rendered = render(decks, PrintOptions(versions=2, key=True, shuffle=False))
    assert rendered.key is not None
    reader = PdfReader(io.BytesIO(rendered.quiz))
    lang = str(reader.trailer["/Root"].get("/Lang", ""))
    return flat(" ".join(pages(rendered.quiz))), flat(" ".join(pages(rendered.key))), lang


@pytest.mark.parametrize(
    ("language", "quiz_words", "key_words", "pdf_lang"),
    [
        (None, ["Name", "Class", "Tick one box.", "True", "False", "Year", "Page 1 of 1",
                "3 questions · 3 points", "VERSION A", "Answer every question"],
         ["Answer key", "Answer grid", "Question ids"], "en"),
        ("fr", ["Nom", "Classe", "Cochez une case.", "Vrai", "Faux", "Année", "Page 1 sur 1",
                "3 questions · 3 points", "VERSION A", "Répondez à chaque question",
                "Lingo — version B"],
         ["Corrigé", "Grille des réponses", "Identifiants des questions"], "fr"),
        ("de-CH", ["Name", "Klasse", "Kreuzen Sie ein Kästchen an.", "Wahr", "Falsch", "Jahr",
                   "Seite 1 von 1", "3 Fragen · 3 Punkte", "Beantworten Sie jede Frage"],
         ["Lösungen", "Lösungsraster"], "de-CH"),
        ("es", ["Nombre", "Marque una casilla.", "Verdadero", "Falso", "Año", "Página 1 de 1",
                "3 preguntas · 3 puntos", "VERSIÓN A"],
         ["Solucionario", "Cuadro de respuestas"], "es"),
        ("it", ["Name", "Tick one box.", "Page 1 of 1"], ["Answer key"], "it"),
    ],
)
def test_labels_and_document_language_follow_the_deck(
    write_deck: Callable[..., Path], language: str | None, quiz_words: list[str],
    key_words: list[str], pdf_lang: str,
) -> None:
    quiz, key, lang = printed(write_deck, language)
    for word in quiz_words:
        assert word in quiz, word
    for word in key_words:
        assert word in key, word
    assert lang == pdf_lang


def test_right_to_left_languages_are_marked_as_such(write_deck: Callable[..., Path]) -> None:
    _, _, lang = printed(write_deck, "ar")
    assert lang == "ar"


def test_a_malformed_language_is_a_deck_error(write_deck: Callable[..., Path]) -> None:
    with pytest.raises(DeckError, match=r"deck.yaml:3:\d+: language"):
        load_decks([write_deck(DECK.format(language="language: French!\n"))])
