"""Markdown study sheet, rendered by a CommonMark engine (markdown-it-py) and by
Python-Markdown (the `markdown` package, which MkDocs and many tools use) to check that
every deck text shows exactly as written in both, that both build the same HTML, and
that the sheet never gives answers away."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown as python_markdown
import pytest
from markdown_it import MarkdownIt

from quizgen.formats import render_decks
from quizgen.formats.markdown import escape
from quizgen.loading import LoadedDeck, load_deck

from .conftest import SHIPPED_DECKS
from .export_samples import every_type_deck

MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")

SHEET = """\
id: sheet
title: 'Stars & *planets* <b>'
description: 'Line one, [a link](http://x), `code`'
source:
  title: 'A primer_with_underscores'
  author: A. Writer
  date: 2001-02
  url: https://example.org/primer
questions:
  - id: star
    type: short
    prompt: 'Which star is **nearest** to us? # not a heading'
    answer: '# the Sun'
    alternatives: [Sol]
    explanation: 'Light takes ~8 minutes; see <https://x> & &amp;.'
    source: {paragraph: 3, locator: 'first_line'}
  - id: list-like
    type: short
    prompt: '- not a bullet'
    answer: '1999. not a list'
  - id: pick
    type: choice
    prompt: 'Pick the gas giants | or not'
    choices: [Mercury, Jupiter, Saturn, Mars]
    answer: [Jupiter, Saturn]
  - id: gap
    type: cloze
    text: 'The {{Sun::a star}} is *hot* and {{c2::big}}.'
  - id: order
    type: order
    prompt: Nearest first
    items: [Mercury, Venus, Earth]
  - id: match
    type: match
    prompt: Match
    pairs:
      - {left: Io, right: Jupiter}
      - {left: Titan, right: Saturn}
      - {left: Triton, right: Neptune}
  - id: truth
    type: truefalse
    prompt: '> The Moon is a planet.'
    answer: false
"""


@pytest.fixture
def sheet(tmp_path: Path) -> LoadedDeck:
    path = tmp_path / "sheet.yaml"
    path.write_text(SHEET, encoding="utf-8")
    return load_deck(path)


def html_of(markdown: str) -> str:
    return MD.render(markdown)


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.parametrize("engine", ["commonmark", "python-markdown"])
@pytest.mark.parametrize("text", [
    "*not emphasis* and _not_ either", "<b>not bold</b>", "[not](a link)", "`not code`",
    "&copy; stays literal", "# not a heading", "- not a bullet", "+ not one", "1999. not a list",
    "2) not a list", "> not a quote", "a | table | row", "~~not struck~~", "back\\slash",
    "![no](image)", "<https://not.autolinked>", "=== not setext", "__dunder__ and {braces}",
    "&amp; is text", "a ~ tilde | pipe", "3 < 4 > 2", "+ plus", "1) paren",
])
def test_escaped_text_renders_exactly_as_written(text: str, engine: str) -> None:
    escaped = escape(text)
    html = html_of(escaped) if engine == "commonmark" else python_markdown.markdown(escaped)
    assert html.startswith("<p>"), html  # a paragraph: no heading, list, quote or table
    assert text_of(html).strip() == text
    assert not re.search(r"<(em|strong|a|code|img|del|h\d|li|blockquote|table)\b", html)


def test_sheet_structure_and_answers(sheet: LoadedDeck) -> None:
    rendered = render_decks([sheet], "markdown")
    html = html_of(rendered.text)
    headings = [text_of(h) for h in re.findall(r"<h\d>(.*?)</h\d>", html)]
    assert headings == ["Stars & *planets* <b>", "Questions", "Answers"]
    text = text_of(html)
    assert "Line one, [a link](http://x), `code`" in text
    assert '<a href="https://example.org/primer">' in html
    assert "A. Writer, “A primer_with_underscores”, February 2001" in text
    questions, answers = text.split("Answers", 1)
    assert "Which star is **nearest** to us? # not a heading" in questions
    assert "The _____ (a star) is *hot* and _____." in questions
    assert "True or false: > The Moon is a planet." in questions
    assert "Sun" not in questions.replace("The _____", "")
    assert "# the Sun (also: Sol)" in answers
    assert "Light takes ~8 minutes; see <https://x> & &amp;." in answers
    assert "Source: ¶3, first_line" in answers
    assert "1999. not a list" in answers
    assert "Sun; big" in answers
    assert "Mercury → Venus → Earth" in answers
    assert "Io → Jupiter; Titan → Saturn; Triton → Neptune" in answers
    assert html.count("<strong>") == 7  # one bold answer per question, no markup from text


def test_choices_are_lettered_and_the_answer_names_the_letters(sheet: LoadedDeck) -> None:
    text = render_decks([sheet], "markdown").text
    block = text.split("3. Pick the gas giants", 1)[1].split("\n4. ", 1)[0]
    letters = dict(re.findall(r"- ([A-D])\. (\w+)", block))
    answer = re.search(r"^3\. \*\*(.+)\*\*$", text, re.M)
    assert answer is not None
    right = {"Jupiter", "Saturn"}
    expected = "; ".join(f"{k}. {v}" for k, v in sorted(letters.items()) if v in right)
    assert answer.group(1) == expected


def test_order_and_match_are_shown_shuffled_never_solved(sheet: LoadedDeck) -> None:
    text = render_decks([sheet], "markdown").text.split("## Answers")[0]
    order = re.findall(r"^ +- (Mercury|Venus|Earth)$", text, re.M)
    assert sorted(order) == ["Earth", "Mercury", "Venus"] and order != ["Mercury", "Venus", "Earth"]
    match_block = text.split("6. Match", 1)[1]
    rights = re.findall(r"^ +- [A-C]\. (Jupiter|Saturn|Neptune)$", match_block, re.M)
    assert sorted(rights) == ["Jupiter", "Neptune", "Saturn"]
    assert rights != ["Jupiter", "Saturn", "Neptune"]


def test_shipped_deck_every_question_and_answer_present() -> None:
    deck = load_deck(SHIPPED_DECKS / "putin-kim-2024.yaml")
    rendered = render_decks([deck], "markdown")
    tokens = MD.parse(rendered.text)
    ordered_lists = [t for t in tokens if t.type == "ordered_list_open" and t.level == 0]
    assert len(ordered_lists) == 2  # questions, then answers
    items = [t for t in tokens if t.type == "list_item_open" and t.level == 1]
    assert len(items) == 2 * len(deck.deck.questions)


class _Structure(HTMLParser):
    """An HTML document as its sequence of tags and (whitespace-normalised) texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[tuple[str, str]] = []
        self._text = ""

    def _flush(self) -> None:
        text = " ".join(self._text.split())
        if text:
            self.parts.append(("text", text))
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        self.parts.append(("open", tag + "".join(f" {k}={v}" for k, v in sorted(attrs))))

    def handle_endtag(self, tag: str) -> None:
        self._flush()
        self.parts.append(("close", tag))

    def handle_data(self, data: str) -> None:
        self._text += data


def structure(html: str) -> list[tuple[str, str]]:
    parser = _Structure()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.parts


def _both(markdown: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    return structure(MD.render(markdown)), structure(python_markdown.markdown(markdown))


def test_both_engines_build_the_same_html_for_the_shipped_deck() -> None:
    rendered = render_decks([load_deck(SHIPPED_DECKS / "putin-kim-2024.yaml")], "markdown")
    commonmark, python = _both(rendered.text)
    assert commonmark == python
    assert sum(1 for kind, tag in python if (kind, tag) == ("open", "ul")) > 10  # nested lists


def test_both_engines_build_the_same_html_for_every_type_with_markup(tmp_path: Path) -> None:
    loaded = every_type_deck(tmp_path)
    commonmark, python = _both(render_decks([loaded], "markdown").text)
    assert commonmark == python
    texts = [text for kind, text in python if kind == "text"]
    assert "What does <b>this</b> & {that} #~=: \\ say? *star*" in texts
    assert ("open", "b") not in python and ("open", "script") not in python


def test_sub_lists_nest_under_item_100_too(write_deck: Any) -> None:
    questions = "".join(f"  - {{id: q{n}, type: short, prompt: Q{n}?, answer: A{n}}}\n"
                        for n in range(99))
    questions += ("  - {id: pick, type: choice, prompt: Pick, choices: [a, b], answer: a}\n"
                  "  - {id: pick2, type: choice, prompt: Pick2, choices: [c, d], answer: c}\n")
    path = write_deck(f"id: long\ntitle: Long\nquestions:\n{questions}")
    commonmark, python = _both(render_decks([load_deck(path)], "markdown").text)
    assert commonmark == python
    nested = [i for i, part in enumerate(python) if part == ("open", "ul")]
    assert len(nested) == 2
    for start in nested:  # each choice list sits inside its question's item
        assert python[start - 1] == ("close", "p") and python[start - 2][1].startswith("Pick")
