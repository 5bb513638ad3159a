"""quizgen: one YAML source of questions, exported as Anki packages, printed quizzes and more.

The public API is imported lazily so that `quizgen --version` and `--help` start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Deck": "models",
    "Source": "models",
    "QuestionSource": "models",
    "Question": "models",
    "QuestionBase": "models",
    "ShortQuestion": "models",
    "NumericQuestion": "models",
    "DateQuestion": "models",
    "ChoiceQuestion": "models",
    "TrueFalseQuestion": "models",
    "ClozeQuestion": "models",
    "OrderQuestion": "models",
    "MatchQuestion": "models",
    "MatchPair": "models",
    "PartialDate": "models",
    "QUESTION_TYPES": "models",
    "LoadedDeck": "loading",
    "load_deck": "loading",
    "load_decks": "loading",
    "parse_deck": "loading",
    "QuizgenError": "errors",
    "DeckError": "errors",
    "InputError": "errors",
    "OutputError": "errors",
    "ExportError": "errors",
    "Problem": "errors",
}

__all__ = [
    "QUESTION_TYPES",
    "ChoiceQuestion",
    "ClozeQuestion",
    "DateQuestion",
    "Deck",
    "DeckError",
    "ExportError",
    "InputError",
    "LoadedDeck",
    "MatchPair",
    "MatchQuestion",
    "NumericQuestion",
    "OrderQuestion",
    "OutputError",
    "PartialDate",
    "Problem",
    "Question",
    "QuestionBase",
    "QuestionSource",
    "QuizgenError",
    "ShortQuestion",
    "Source",
    "TrueFalseQuestion",
    "__version__",
    "load_deck",
    "load_decks",
    "parse_deck",
]

if TYPE_CHECKING:
    from .errors import DeckError, ExportError, InputError, OutputError, Problem, QuizgenError
    from .loading import LoadedDeck, load_deck, load_decks, parse_deck
    from .models import (
        QUESTION_TYPES,
        ChoiceQuestion,
        ClozeQuestion,
        DateQuestion,
        Deck,
        MatchPair,
        MatchQuestion,
        NumericQuestion,
        OrderQuestion,
        PartialDate,
        Question,
        QuestionBase,
        QuestionSource,
        ShortQuestion,
        Source,
        TrueFalseQuestion,
    )


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'quizgen' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"quizgen.{module}"), name)
    globals()[name] = value
    return value
