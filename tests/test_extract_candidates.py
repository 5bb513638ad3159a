"""Article → candidate deck: valid YAML, same bytes every time, sound distractors, ranking."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.extract import ExtractOptions, distractors, extract_article
from quizgen.extract.candidates import all_facts, build_deck, find_candidates
from quizgen.extract.distractors import choose_distractors
from quizgen.extract.facts import find_facts
from quizgen.extract.sentences import parse_article
from quizgen.extract.treatynames import NameMaterial, same_treaty
from quizgen.loading import load_deck
from quizgen.models import ChoiceQuestion, ClozeQuestion, DateQuestion, NumericQuestion, PartialDate
from quizgen.reveals import find_reveals

ARTICLE = (
    "Island signs harbour treaty with its neighbour\n\n"
    "The island and its neighbour signed the Harbour Cooperation Treaty on 3 May 2021, ending "
    "two decades of dispute.\n\n"
    "It cost $40 million, roughly equivalent to £29 million at the time. Fishermen said 1,200 "
    "boats would use the new port.\n\n"
    "In 1996 the two sides had agreed a fishing pact, which lapsed in 2004. Turnout in the 2019 "
    "vote was 64 per cent.\n\n"
    "A second loan of $15 million followed in 2023, and the island now exports 35% of its "
    "catch.\n\n"
    "Islanders will remember this day for decades\n"
)


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "harbour-news.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def options(**overrides: object) -> ExtractOptions:
    values: dict[str, object] = {"deck_id": "harbour", "title": "Harbour",
                                 "source_name": "harbour-news.txt"}
    values.update(overrides)
    return ExtractOptions(**values)  # type: ignore[arg-type]


def test_candidate_deck_loads_back_and_cites_sentences(article_file: Path, tmp_path: Path) -> None:
    result = extract_article(article_file, options())
    deck_path = tmp_path / "candidates.yaml"
    deck_path.write_text(result.yaml_text, encoding="utf-8")
    deck = load_deck(deck_path).deck
    assert result.yaml_text.startswith("# Candidate questions extracted by `quizgen extract`")
    assert "REVIEW BEFORE USE" in result.yaml_text
    assert deck.source is not None
    assert deck.source.title == "Island signs harbour treaty with its neighbour"
    for question in deck.questions:
        assert question.source is not None and question.source.span is not None
        start, end = question.source.span
        assert ARTICLE[start:end] == question.source.quote
        paragraph = parse_article(ARTICLE).paragraphs[question.source.paragraph - 1]
        assert paragraph.start <= start and end <= paragraph.end
        assert question.tags[0] in ("date", "figure", "treaty")


def test_same_article_same_bytes(article_file: Path) -> None:
    first = extract_article(article_file, options()).yaml_text
    second = extract_article(article_file, options()).yaml_text
    assert first == second


def test_each_fact_is_asked_once_directly_and_both_adds_the_cloze() -> None:
    deck = build_deck(parse_article(ARTICLE), options())
    by_id = {q.id: q for q in deck.questions}
    count = by_id["count-1200-boats"]
    assert isinstance(count, NumericQuestion)
    assert (count.answer, count.unit) == (1200, "boats")
    assert "___ boats" in count.prompt
    # The article names no other treaty of the same form, place or year to build a wrong
    # name from, so its two treaties are asked as clozes; every other fact once, directly.
    clozes = [q.id for q in deck.questions if isinstance(q, ClozeQuestion)]
    assert sorted(clozes) == ["treaty-fishing-pact-cloze",
                              "treaty-harbour-cooperation-treaty-cloze"]
    both = {q.id: q for q in build_deck(parse_article(ARTICLE), options(both=True)).questions}
    cloze = both["count-1200-boats-cloze"]
    assert isinstance(cloze, ClozeQuestion)
    assert cloze.gaps()[0].answer == "1,200 boats"
    assert isinstance(both["count-1200-boats"], NumericQuestion)


def test_one_question_per_sentence_and_none_shows_another_ones_answer() -> None:
    deck = build_deck(parse_article(ARTICLE), options())
    quotes = [q.source.quote for q in deck.questions if q.source is not None]
    assert len(quotes) == len(set(quotes))
    # "signed the ___ on 3 May 2021" and "signed the Harbour Cooperation Treaty on ___"
    # would each give the other away: the treaty, ranked higher, is the one asked.
    ids = {q.id for q in deck.questions}
    assert "treaty-harbour-cooperation-treaty-cloze" in ids and "date-2021-05-03" not in ids
    assert find_reveals(deck.questions) == []


def test_a_value_repeated_in_the_text_is_asked_once() -> None:
    text = ("Head of the story here\n\nExports were $52.2 billion in 2008.\n\n"
            "Imports were $88.2 billion, also in 2008.\n\nDebt was $61.76 billion in 2008.\n")
    deck = build_deck(parse_article(text), options(both=True))
    asked_2008 = [q for q in deck.questions if q.id.startswith("date-2008")]
    assert len(asked_2008) <= 2  # one fact: its cloze and its direct question at most


def test_right_answer_takes_each_position_in_turn() -> None:
    deck = build_deck(parse_article(ARTICLE), options(all_choice=True))
    places = [q.choices.index(q.answer) for q in deck.questions if isinstance(q, ChoiceQuestion)]
    assert len(places) >= 3
    first = places[0]
    assert places == [(first + i) % 4 for i in range(len(places))]


def test_the_turn_of_places_starts_where_the_article_says() -> None:
    """Decks with one choice question each must not all put the answer first."""
    firsts = set()
    for number in range(12):
        text = f"Head line {number}\n\nThe fund lent $40 million in 2021 to story {number}.\n"
        deck = build_deck(parse_article(text), options(all_choice=True))
        question = next(q for q in deck.questions if isinstance(q, ChoiceQuestion))
        firsts.add(question.choices.index(question.answer))
    assert len(firsts) >= 3


def test_max_keeps_the_best_questions() -> None:
    full = build_deck(parse_article(ARTICLE), options())
    top = build_deck(parse_article(ARTICLE), options(max_questions=2))
    assert [q.id for q in top.questions] == [q.id for q in full.questions[:2]]


def test_money_choice_never_offers_the_same_sum_in_another_currency() -> None:
    deck = build_deck(parse_article(ARTICLE), options())
    question = next(q for q in deck.questions if q.id == "money-usd-40000000")
    assert isinstance(question, ChoiceQuestion)
    assert question.answer == "$40 million"
    assert len(question.choices) == 4 == len(set(question.choices))
    assert all(choice.startswith("$") for choice in question.choices)
    # The other dollar figure of the article comes first, then perturbations in the same style.
    assert "$15 million" in question.choices
    assert "£29 million" not in question.choices
    assert "29" not in question.prompt  # the conversion next to the gap is not shown


def test_date_perturbations_keep_the_format() -> None:
    (answer,) = [f for f in find_facts("It lapsed in 2004.") if f.kind == "date"]
    chosen = choose_distractors(answer, [])
    assert chosen is not None
    assert [c.text for c in chosen] == ["2002", "2006", "1999"]


TREATIES = (
    "Three treaties on the river\n\n"
    "The Treaty of Ostrava settled the river border in 1801.\n\n"
    "Merchants had long traded at Velmora and at Dunhaven.\n\n"
    "The Treaty of Karsk opened the ports in 1822.\n\n"
    "Later, the Treaty of Lindau was signed in 1840, after a fishing pact had failed.\n"
)


def _treaty_question(text: str, answer: str) -> ChoiceQuestion | ClozeQuestion:
    deck = build_deck(parse_article(text), options(all_choice=True))
    for question in deck.questions:
        if isinstance(question, ChoiceQuestion) and question.answer == answer:
            return question
        if isinstance(question, ClozeQuestion) and question.gaps()[0].answer == answer:
            return question
    raise AssertionError(f"no question about {answer}")


def test_treaty_choices_are_the_articles_own_names_of_the_same_form() -> None:
    question = _treaty_question(TREATIES, "Treaty of Karsk")
    assert isinstance(question, ChoiceQuestion)
    assert set(question.choices) == {"Treaty of Karsk", "Treaty of Ostrava", "Treaty of Lindau",
                                     "Treaty of Velmora"}  # the last one built from a place
    assert "fishing pact" not in question.choices  # a common noun is not of the same form


def test_treaty_names_are_built_from_the_articles_places_and_years() -> None:
    text = ("River news\n\nThe Treaty of Ostrava was signed in 1801.\n\n"
            "Traders met at Velmora, at Dunhaven and near Skarn.\n")
    question = _treaty_question(text, "Treaty of Ostrava")
    assert isinstance(question, ChoiceQuestion)
    assert sorted(question.choices) == ["Treaty of Dunhaven", "Treaty of Ostrava",
                                        "Treaty of Skarn", "Treaty of Velmora"]
    text = ("River news\n\nRussia left the 1961 treaty in 1996.\n\n"
            "Talks began in 1959 and ended in 1963.\n")
    question = _treaty_question(text, "1961 treaty")
    assert isinstance(question, ChoiceQuestion)
    assert sorted(question.choices) == ["1959 treaty", "1961 treaty", "1963 treaty",
                                        "1996 treaty"]


def test_too_few_plausible_treaty_names_gives_a_cloze_never_a_famous_name() -> None:
    text = "Harbour news\n\nThe Harbour Cooperation Treaty was signed by both islands.\n"
    deck = build_deck(parse_article(text), options(all_choice=True))
    (question,) = deck.questions
    assert isinstance(question, ClozeQuestion)
    assert question.gaps()[0].answer == "Harbour Cooperation Treaty"
    assert not hasattr(distractors, "WELL_KNOWN_TREATIES")


def test_a_treaty_is_never_offered_as_a_wrong_answer_under_another_spelling() -> None:
    text = ("Ports news\n\nThe Treaty of Nanking opened five ports in 1842.\n\n"
            "The Treaty of Nanjing, as it is also known, was signed at Tarsel.\n\n"
            "The Nanking Treaty was the first of several; the Treaty of Wexmoor followed.\n")
    names = [f for f, _ in all_facts(parse_article(text)) if f.kind == "treaty"]
    (answer,) = [f for f in names if f.text == "Treaty of Nanking"]
    chosen = choose_distractors(answer, [f for f in names if f is not answer])
    assert chosen is None  # only the same treaty again, and one other: too few
    (answer,) = [f for f in names if f.text == "Treaty of Wexmoor"]
    material = NameMaterial(places=("Wexmoor", "Tarsel", "Brill"))
    chosen = choose_distractors(answer, [f for f in names if f is not answer], material=material)
    assert chosen is not None
    spellings = {"Treaty of Nanking", "Treaty of Nanjing", "Nanking Treaty"}
    assert len(spellings & {c.text for c in chosen}) == 1
    assert same_treaty("Treaty of Nanking", "Treaty of Nanjing")
    assert same_treaty("Treaty of Aigun", "Aigun Treaty")
    assert same_treaty("Sino-Soviet treaty", "Sino-Soviet Treaty of Friendship and Alliance")
    assert not same_treaty("Treaty of Ostrava", "Treaty of Lindau")


def test_all_choice_asks_every_direct_question_as_choice() -> None:
    deck = build_deck(parse_article(ARTICLE), options(all_choice=True))
    direct = [q for q in deck.questions if not isinstance(q, ClozeQuestion)]
    assert direct and all(isinstance(q, ChoiceQuestion) for q in direct)


def test_ranking_puts_dense_self_contained_sentences_first() -> None:
    ranked = find_candidates(parse_article(ARTICLE))
    best = ranked[0].sentence.text
    assert best == "In 1996 the two sides had agreed a fishing pact, which lapsed in 2004."
    # "It cost …" starts with a pronoun: its facts come after those of self-contained sentences.
    positions = {c.fact.text: i for i, c in enumerate(ranked)}
    assert positions["$40 million"] > positions["2019"]


def test_near_duplicate_sentences_are_merged() -> None:
    text = ("Intro line of this story\n\nThe pact was signed in 1996 by both sides.\n\n"
            "The pact was signed in 1996 by both sides, officials said.\n\n"
            "A new pact followed in 1996.\n")
    keys = [c.fact.key for c in find_candidates(parse_article(text))]
    assert keys.count("1996") == 2  # the near-copy is dropped; the different sentence stays


def test_limit_keeps_the_top_ranked_facts_and_drops_the_rest() -> None:
    ranked = find_candidates(parse_article(ARTICLE))
    deck = build_deck(parse_article(ARTICLE), options(limit=2, both=True))
    asked = {q.source.quote for q in deck.questions if q.source is not None}
    best, runner_up, dropped = ranked[0], ranked[1], ranked[-1]
    # Every question comes from the two best-ranked facts' sentences, and the
    # self-contained 1996 sentence is among them; the last-ranked fact is not asked.
    assert asked <= {best.sentence.text, runner_up.sentence.text}
    assert best.sentence.text in asked
    gaps = [g.answer for q in deck.questions if isinstance(q, ClozeQuestion) for g in q.gaps()]
    assert best.fact.text in gaps
    assert dropped.fact.text not in gaps


def test_relative_month_resolved_with_the_article_date() -> None:
    text = "Head of the story here\n\nThe minister visited the port last September.\n"
    deck = build_deck(parse_article(text), options(published=PartialDate.parse("2024-06-18")))
    dates = [q for q in deck.questions if isinstance(q, DateQuestion)]
    assert [q.answer for q in dates] == ["2023-09"]


runner = CliRunner()


def test_cli_extract_writes_a_valid_deck(article_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "candidates.yaml"
    result = runner.invoke(app, ["extract", str(article_file), "-o", str(out), "--id", "harbour"])
    assert result.exit_code == 0, result.output
    deck = load_deck(out).deck
    assert deck.id == "harbour"
    assert deck.title == "Island signs harbour treaty with its neighbour"
    assert result.output == (
        f"{out}: {len(deck.questions)} candidate questions (1 count, 2 money, 1 percent, "
        "2 treaty); review them before use\n"
    )
    check = runner.invoke(app, ["check", str(out), "--source", str(article_file)])
    assert check.exit_code == 0, check.output
    # The deck records where its article is, relative to the deck: check needs no --source.
    assert deck.source is not None and deck.source.file == "../harbour-news.txt"
    again = runner.invoke(app, ["check", str(out)])
    assert again.exit_code == 0, again.output
    assert again.output == check.output


def test_cli_extract_prints_yaml_without_output(article_file: Path) -> None:
    result = runner.invoke(app, ["extract", str(article_file), "--title", "Harbour"])
    assert result.exit_code == 0
    expected = extract_article(article_file, options(deck_id="harbour-news"))
    assert result.stdout == expected.yaml_text


def test_cli_extract_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("Nothing to see here.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(empty), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1
    assert "no dates, figures or treaty names found" in result.output
    assert not (tmp_path / "x.yaml").exists()
    bad_id = runner.invoke(app, ["extract", str(empty), "--id", "Not A Slug"])
    assert bad_id.exit_code == 1
    assert "extract: 'Not A Slug' is not a valid deck id" in bad_id.output
    assert "e.g. 'not-a-slug'" in bad_id.output
    bad_date = runner.invoke(app, ["extract", str(empty), "--date", "June"])
    assert bad_date.exit_code == 1
    assert "--date" in bad_date.output


def test_treaty_names_in_the_headline_are_wrong_answers_too() -> None:
    """A headline is not a paragraph (no question comes from it), but its names are the
    article's own: "Treaty of Karsk" in a headline is a plausible wrong answer."""
    text = ("After the Treaty of Karsk and the Treaty of Lindau\n\n"
            "The Treaty of Ostrava settled the river border.\n\n"
            "Merchants traded at Velmora.\n")
    question = _treaty_question(text, "Treaty of Ostrava")
    assert isinstance(question, ChoiceQuestion)
    assert sorted(question.choices) == ["Treaty of Karsk", "Treaty of Lindau",
                                        "Treaty of Ostrava", "Treaty of Velmora"]
