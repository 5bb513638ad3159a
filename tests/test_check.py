"""`quizgen check`: answers against the passage each question cites."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.checking import (
    INFERRED,
    NOT_CHECKED,
    SUPPORTED,
    UNSUPPORTED,
    appears,
    check_deck,
    normalise,
)
from quizgen.cli import app
from quizgen.loading import load_deck

SHARED_ARTICLE = Path(__file__).parents[2] / "shared/article/putin-kim-pyongyang-2024.txt"
SHIPPED_DECK = Path(__file__).parents[1] / "decks/putin-kim-2024.yaml"

ARTICLE = """\
By A. Writer

Harbour town marks its new pier

The harbour town opened its pier in March 2000. Builders used 7,000 tonnes of stone.

Councillors approved the Harbour Cooperation Treaty with the neighbouring island in 1996.
Turnout was 90 per cent, and the vote cost $11 billion (about £8 billion).

Six years later the town held a festival. Mayor Ann Lee called the pier 'a gift to the sea'.

Comments

Log in to comment.
"""

HEADER = """\
id: harbour
title: Harbour
source: {title: Harbour town marks its new pier, date: 2024-06-18}
questions:
"""


def deck_file(tmp_path: Path, questions: str) -> Path:
    path = tmp_path / "deck.yaml"
    path.write_text(HEADER + textwrap.indent(textwrap.dedent(questions), "  "), encoding="utf-8")
    return path


def results(tmp_path: Path, questions: str) -> dict[str, tuple[str, str]]:
    path = deck_file(tmp_path, questions)
    report = check_deck(load_deck(path).deck, ARTICLE, path.read_text(encoding="utf-8"))
    assert report.paragraphs == 3
    return {r.question_id: (r.status, r.detail) for r in report.results}


def test_equivalent_forms_are_supported(tmp_path: Path) -> None:
    found = results(tmp_path, """\
        - {id: stone, type: numeric, prompt: Tonnes?, answer: 7000, source: {paragraph: 1}}
        - {id: opened, type: date, prompt: When?, answer: "2000-03", source: {paragraph: 1}}
        - {id: opened-year, type: date, prompt: Year?, answer: 2000, source: {paragraph: 1}}
        - {id: gap, type: numeric, prompt: Years?, answer: 6, source: {paragraph: 3}}
        - {id: turnout, type: cloze, text: "Turnout was {{90%}}.", source: {paragraph: 2}}
        - {id: cost, type: numeric, prompt: Billions?, answer: 11, unit: billion dollars,
           source: {paragraph: 2, locator: the vote cost}}
        - {id: mayor, type: short, prompt: Who?, answer: Anne Lee, alternatives: [ann lee],
           source: {paragraph: 3}}
        - {id: gift, type: short, prompt: What?, answer: "“a gift to the sea”",
           source: {paragraph: 3}}
        """)
    assert {key: status for key, (status, _) in found.items()} == dict.fromkeys(found, SUPPORTED)


def test_wrong_facts_are_unsupported_with_reasons(tmp_path: Path) -> None:
    found = results(tmp_path, """\
        - {id: stone, type: numeric, prompt: Tonnes?, answer: 7001, source: {paragraph: 1}}
        - {id: month, type: date, prompt: When?, answer: "2000-04", source: {paragraph: 1}}
        - {id: elsewhere, type: date, prompt: When?, answer: 1996, source: {paragraph: 1}}
        - {id: turnout, type: cloze, text: "Turnout was {{80 per cent}}.", source: {paragraph: 2}}
        - {id: no-source, type: short, prompt: Who?, answer: Ann Lee}
        - {id: far, type: short, prompt: Who?, answer: Ann Lee, source: {paragraph: 9}}
        """)
    assert found == {
        "stone": (UNSUPPORTED, "the figure 7,001 is not in ¶1"),
        "month": (UNSUPPORTED, "the date April 2000 is not in ¶1"),
        "elsewhere": (UNSUPPORTED, "the date 1996 is not in ¶1"),
        "turnout": (UNSUPPORTED, "gap '80 per cent' is not in ¶2"),
        "no-source": (UNSUPPORTED, "cites no paragraph: add source: {paragraph: N}"),
        "far": (UNSUPPORTED, "cites ¶9, but the article has 3 paragraphs"),
    }


def test_locator_narrows_to_its_sentence_and_paragraph_marks_widen(tmp_path: Path) -> None:
    found = results(tmp_path, """\
        - {id: narrow, type: numeric, prompt: Tonnes?, answer: 7000,
           source: {paragraph: 1, locator: opened its pier}}
        - {id: wide, type: order, prompt: Order, items: ["1996", "March 2000"],
           source: {paragraph: 1, locator: ¶1 to ¶2}}
        """)
    assert found["narrow"] == (UNSUPPORTED, "the figure 7,000 is not in ¶1 (the sentence with "
                                            "'opened its pier')")
    assert found["wide"] == (SUPPORTED, "")


def test_inferred_and_unchecked_questions_are_listed_apart(tmp_path: Path) -> None:
    found = results(tmp_path, """\
        - {id: festival, type: date, prompt: When?, answer: 2006,
           source: {paragraph: 3, inferred: 2000 plus six years}}
        - {id: tf, type: truefalse, prompt: The pier is new., answer: true, source: {paragraph: 1}}
        - id: why
          type: choice
          prompt: Why?
          choices: [To welcome bigger ships from the island, To hold a festival]
          answer: To welcome bigger ships from the island
          source: {paragraph: 2}
        - id: events
          type: order
          prompt: Order these.
          items: [The town builds a pier, The town holds a festival]
          source: {paragraph: 3}
        """)
    assert found["festival"] == (INFERRED, "2000 plus six years")
    assert found["tf"][0] == NOT_CHECKED
    assert found["why"] == (NOT_CHECKED,
                            "every right choice is a description in the deck's own words")
    assert found["events"] == (NOT_CHECKED, "every item is a description in the deck's own words")


def test_match_pairs_need_one_side_in_the_text_and_every_fact(tmp_path: Path) -> None:
    found = results(tmp_path, """\
        - id: good
          type: match
          prompt: Match.
          pairs:
            - {left: Harbour Cooperation Treaty, right: An agreement with the island}
            - {left: "1996", right: The treaty is approved}
          source: {paragraph: 2}
        - id: wrong-year
          type: match
          prompt: Match.
          pairs:
            - {left: "1997", right: The treaty is approved}
            - {left: "90 per cent", right: Turnout}
          source: {paragraph: 2}
        - id: nothing
          type: match
          prompt: Match.
          pairs:
            - {left: Bob, right: A builder}
            - {left: "90 per cent", right: Turnout}
          source: {paragraph: 2}
        """)
    assert found["good"] == (SUPPORTED, "")
    assert found["wrong-year"] == (
        UNSUPPORTED, "pair '1997' → 'The treaty is approved': '1997' is not in ¶2")
    assert found["nothing"] == (UNSUPPORTED, "pair 'Bob' → 'A builder': neither side is in ¶2")


def test_span_and_quote_must_agree_with_the_article(tmp_path: Path) -> None:
    start = ARTICLE.index("Six years later")
    end = ARTICLE.index("festival.") + len("festival.")
    quote = "Six years later the town held a festival."
    found = results(tmp_path, f"""\
        - {{id: ok, type: numeric, prompt: Years?, answer: 6,
           source: {{paragraph: 3, span: [{start}, {end}], quote: "{quote}"}}}}
        - {{id: moved, type: numeric, prompt: Years?, answer: 6,
           source: {{paragraph: 3, span: [{start + 1}, {end}], quote: "{quote}"}}}}
        - {{id: outside, type: numeric, prompt: Years?, answer: 6,
           source: {{paragraph: 1, span: [{start}, {end}]}}}}
        """)
    assert found["ok"] == (SUPPORTED, "")
    assert found["moved"][1].startswith("the quote does not match the article's text at span")
    assert found["outside"][1] == f"span {start}–{end} is not inside ¶1"


def test_appears_ignores_case_quotes_dashes_and_spacing() -> None:
    assert appears("Molotov-Ribbentrop  pact", "the Molotov–Ribbentrop Pact of 1939")
    assert appears("‘puppet state’", "a 'puppet state' of")
    assert not appears("pier", "the piers")


runner = CliRunner()


def test_cli_check_lists_unsupported_with_file_and_line(tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    deck = deck_file(tmp_path, """\
        - {id: stone, type: numeric, prompt: Tonnes?, answer: 7000, source: {paragraph: 1}}
        - {id: festival, type: date, prompt: When?, answer: 2006,
           source: {paragraph: 3, inferred: 2000 plus six years}}
        - {id: wrong, type: date, prompt: When?, answer: 1997, source: {paragraph: 2}}
        """)
    result = runner.invoke(app, ["check", str(deck), "--source", str(article)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{deck}: 3 questions against harbour.txt (3 paragraphs): 1 supported, 1 inferred, "
        "0 not checked, 1 unsupported\n"
        "Inferred (worked out, as the deck says; not failed):\n"
        "  festival (¶3): 2000 plus six years\n"
        "Unsupported:\n"
        f"  {deck}:8: wrong (¶2): the date 1997 is not in ¶2\n"
    )
    assert result.stderr == "check: 1 unsupported question\n"


def test_cli_check_passes_and_reports_bad_paths(tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    deck = deck_file(tmp_path, """\
        - {id: stone, type: numeric, prompt: Tonnes?, answer: 7000, source: {paragraph: 1}}
        """)
    ok = runner.invoke(app, ["check", str(deck), "--source", str(article)])
    assert ok.exit_code == 0
    assert ok.stdout.endswith("1 supported, 0 inferred, 0 not checked, 0 unsupported\n")
    missing = runner.invoke(app, ["check", str(deck), "--source", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1
    assert "nope.txt: cannot read: No such file or directory" in missing.stderr


@pytest.mark.skipif(not SHARED_ARTICLE.exists(), reason="shared/article is not beside the clone")
def test_shipped_deck_passes_against_its_article() -> None:
    result = runner.invoke(app, ["check", str(SHIPPED_DECK), "--source", str(SHARED_ARTICLE)])
    assert result.exit_code == 0, result.stdout
    assert "0 unsupported" in result.stdout
    assert "Warnings" not in result.stdout  # every locator is literal text of its paragraph


@pytest.mark.skipif(not SHARED_ARTICLE.exists(), reason="shared/article is not beside the clone")
def test_shipped_article_paragraphs_match_its_readme(tmp_path: Path) -> None:
    from quizgen.extract import read_document
    from quizgen.extract.sentences import parse_article

    article = parse_article(read_document(SHARED_ARTICLE).text)
    readme = (SHARED_ARTICLE.parent / "README.md").read_text(encoding="utf-8")
    openings = [line.split("|")[2].strip().rstrip("…") for line in readme.splitlines()
                if line.startswith("| ") and line.split("|")[1].strip().isdigit()]
    assert len(openings) == len(article.paragraphs) == 8
    for paragraph, opening in zip(article.paragraphs, openings, strict=True):
        assert normalise(paragraph.text).startswith(normalise(opening))


@pytest.mark.skipif(not SHARED_ARTICLE.exists(), reason="shared/article is not beside the clone")
def test_extracted_candidates_check_against_their_article(tmp_path: Path) -> None:
    out = tmp_path / "candidates.yaml"
    extracted = runner.invoke(app, ["extract", str(SHARED_ARTICLE), "-o", str(out), "--date",
                                    "2024-06-18"])
    assert extracted.exit_code == 0, extracted.output
    checked = runner.invoke(app, ["check", str(out), "--source", str(SHARED_ARTICLE)])
    assert checked.exit_code == 0, checked.stdout
    assert ", 0 unsupported" in checked.stdout.splitlines()[0]
