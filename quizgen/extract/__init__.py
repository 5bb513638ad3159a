"""Article text → candidate questions: dates, figures and treaty names, found by explicit patterns.

`extract_article` is the one entry point the CLI needs; the modules underneath each do
one job (sentences, patterns, values, facts, distractors, candidates, writer).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError, display_path
from ..models import PartialDate
from .candidates import ExtractOptions, NoFactsError, build_deck, default_deck_id, default_title
from .sentences import parse_article, read_article
from .writer import deck_yaml

__all__ = ["ExtractOptions", "ExtractResult", "default_deck_id", "default_title", "extract_article"]


class ExtractResult:
    """The YAML text and what it holds, for the CLI's summary line."""

    def __init__(self, yaml_text: str, questions: int, facts: dict[str, int]) -> None:
        self.yaml_text = yaml_text
        self.questions = questions
        self.facts = facts


def extract_article(path: Path, options: ExtractOptions) -> ExtractResult:
    """Read an article and build its candidate deck as YAML; `InputError` if it has no facts."""
    text = read_article(path)
    article = parse_article(text)
    try:
        deck = build_deck(article, options)
    except NoFactsError as error:
        raise InputError(f"{display_path(path)}: {error}; nothing to write") from None
    counts: dict[str, int] = {}
    for question in deck.questions:
        if question.type == "cloze":
            kind = question.tags[-1]
            counts[kind] = counts.get(kind, 0) + 1
    return ExtractResult(deck_yaml(deck, options.source_name), len(deck.questions), counts)


def parse_published(value: str) -> PartialDate:
    try:
        return PartialDate.parse(value)
    except ValueError as error:
        raise InputError(f"--date: {error}") from None
