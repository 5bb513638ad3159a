"""Paragraph numbering (shared by extract and check) and sentence offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.errors import InputError
from quizgen.extract import read_document
from quizgen.extract.sentences import (
    PYSBD_MAX_CHARS,
    parse_article,
    sentences_of,
    split_sentences,
)

WEB_COPY = """\
Jane Reporter

Why the harbour deal matters to the island

Ferries at the quay (Credit: Example Agency)

The island signed its harbour deal on 3 May 2021. Mr. Smith, the mayor, called it historic.

Work began in 2022, and the first ship docked a year later.

Islanders will remember this day for decades

The pier cost $40m. Critics said it was "too big"!

Comments

Join the debate? Subscribe now for just £1.
"""


def test_web_copy_paragraphs_skip_byline_headline_caption_pull_quote_and_footer() -> None:
    article = parse_article(WEB_COPY)
    assert [p.text.split()[0] for p in article.paragraphs] == ["The", "Work", "The"]
    assert [p.number for p in article.paragraphs] == [1, 2, 3]
    assert article.headline == "Why the harbour deal matters to the island"


def test_offsets_point_into_the_original_text() -> None:
    article = parse_article(WEB_COPY)
    for sentence in split_sentences(article):
        assert WEB_COPY[sentence.start:sentence.end] == sentence.text
    first = sentences_of(article.paragraphs[0])
    assert [s.text for s in first] == ["The island signed its harbour deal on 3 May 2021.",
                                       "Mr. Smith, the mayor, called it historic."]


def test_fast_splitter_agrees_on_plain_prose() -> None:
    article = parse_article(WEB_COPY)
    for paragraph in article.paragraphs:
        assert sentences_of(paragraph, True) == sentences_of(paragraph, False)


def test_text_without_blank_lines_has_one_paragraph_per_line() -> None:
    article = parse_article("First line here.\nSecond line here.\n")
    assert [p.text for p in article.paragraphs] == ["First line here.", "Second line here."]


def test_tables_and_lists_count_and_split_by_line() -> None:
    text = "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- one item\n- two items\n\nEnd.\n"
    article = parse_article(text)
    assert [p.layout for p in article.paragraphs] == ["table", "list", "prose"]
    assert [s.text for s in sentences_of(article.paragraphs[0])] == ["| a | b |", "| 1 | 2 |"]
    assert article.headline == "Title"


def test_crlf_line_endings_keep_offsets() -> None:
    text = "Head line of it all\r\n\r\nIt rained in 2020. It stopped.\r\n"
    article = parse_article(text)
    (paragraph,) = article.paragraphs
    assert text[paragraph.start:paragraph.end] == "It rained in 2020. It stopped."


def test_long_input_uses_the_fast_splitter() -> None:
    paragraph = "Prices rose 5% in 2020. They fell in 2021.\n\n"
    text = paragraph * (PYSBD_MAX_CHARS // len(paragraph) + 1)
    sentences = split_sentences(parse_article(text))
    assert len(sentences) == 2 * len(parse_article(text).paragraphs)


def test_reading_an_article_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9\n")
    with pytest.raises(InputError, match=r"bad.txt:1: not UTF-8"):
        read_document(bad)
    with pytest.raises(InputError, match=r"(?i)no such file"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="a folder"):
        read_document(tmp_path)
