"""Article (text, Markdown, web page, PDF, URL) → candidate questions about its dates,
figures and treaty names, found by explicit patterns.

`extract_article` is the one entry point the CLI needs; the modules underneath each do
one job (documents and their readers, sentences, words, patterns, values, facts,
distractors and treaty names, prompts, candidates, writer).
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from ..errors import InputError
from ..models import PartialDate
from .candidates import ExtractOptions, NoFactsError, build_deck, default_deck_id, default_title
from .documents import Document, is_url, read_document
from .sentences import parse_article
from .writer import deck_yaml

__all__ = ["Document", "ExtractOptions", "ExtractResult", "default_deck_id", "default_title",
           "extract_article", "is_url", "read_document", "source_file_for"]


class ExtractResult:
    """The YAML text and what it holds, for the CLI's summary line."""

    def __init__(self, yaml_text: str, questions: int, facts: dict[str, int]) -> None:
        self.yaml_text = yaml_text
        self.questions = questions
        self.facts = facts


def extract_article(location: str | Path, options: ExtractOptions) -> ExtractResult:
    """Read an article (any input `read_document` takes) and build its candidate deck as YAML.

    What the options leave open (title, date) comes from the document's own metadata.
    `InputError` if the article has no facts.
    """
    document = read_document(location)
    article = parse_article(document.text)
    options = _with_document(options, document)
    try:
        deck = build_deck(article, options)
    except NoFactsError as error:
        raise InputError(f"{document.name}: {error}; nothing to write") from None
    counts: dict[str, int] = {}
    asked_ids = {question.id for question in deck.questions}
    for question in deck.questions:
        if question.type == "cloze" or f"{question.id}-cloze" not in asked_ids:
            kind = question.tags[-1]  # one count per fact, whether asked once or twice
            counts[kind] = counts.get(kind, 0) + 1
    return ExtractResult(deck_yaml(deck, options.source_name), len(deck.questions), counts)


def _with_document(options: ExtractOptions, document: Document) -> ExtractOptions:
    published = options.published
    if published is None and document.date:
        try:
            published = PartialDate.parse(document.date[:10])
        except ValueError:
            published = None
    return dataclasses.replace(
        options, title=options.title or document.title, published=published,
        source_title=options.source_title or document.title,
        author=options.author or document.author,
        publication=options.publication or document.publication,
        url=options.url or document.url)


def source_file_for(location: str, deck_path: Path) -> str | None:
    """The article's path as the deck at `deck_path` records it: relative to its folder."""
    if is_url(location):
        return None
    base = deck_path.resolve().parent
    return Path(os.path.relpath(Path(location).resolve(), base)).as_posix()


def parse_published(value: str) -> PartialDate:
    try:
        return PartialDate.parse(value)
    except ValueError as error:
        raise InputError(f"--date: {error}") from None
