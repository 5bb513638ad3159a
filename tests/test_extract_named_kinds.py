"""Kinds of fact the gold rules name that once had no pattern: the second year of a short
range, a month or day listed without its year, a figure whose noun a range or list leaves
implied, a count of one, and a treaty named by a possessive. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from quizgen.extract.facts import find_facts
from quizgen.models import PartialDate


def found(text: str, kind: str) -> list[tuple[str, str]]:
    return [(f.text, f.key) for f in find_facts(text) if f.kind == kind]


@pytest.mark.parametrize(("text", "years"), [
    ("The drought of 1957-58 emptied the wells.", [("1957", "1957"), ("58", "1958")]),
    ("The drought of 1957–58 emptied the wells.", [("1957", "1957"), ("58", "1958")]),
    ("The mayor (2008–16) built a bridge.", [("2008", "2008"), ("16", "2016")]),
    ("Work stopped in 1923–1925 for lack of funds.", [("1923", "1923"), ("1925", "1925")]),
])
def test_both_years_of_a_range_are_dates_the_short_one_read_in_full(
        text: str, years: list[tuple[str, str]]) -> None:
    assert found(text, "date") == years


def test_the_short_year_carries_its_full_year_as_a_date() -> None:
    (second,) = [f for f in find_facts("The siege of 1710-11 failed.") if f.text == "11"]
    assert second.date == PartialDate(1711)


@pytest.mark.parametrize("text", [
    "The file was published 2024-06 online.",    # a year and a month, not a range
    "The scan is dated 2024-06-19 in the file.",
    "See page 1957-58 of the report.",
    "They sold 1957-58 tickets at the gate.",     # a count, not a year
])
def test_no_short_range_year_where_the_digits_are_no_range_of_years(text: str) -> None:
    assert [f for f in find_facts(text) if f.pattern == "year-range-end"] == []


def test_a_treaty_named_after_a_person_keeps_the_possessive() -> None:
    assert found("Jay's Treaty kept the peace, and Pinckney’s Treaty opened the river.",
                 "treaty") == [("Jay's Treaty", "jay's treaty"),
                               ("Pinckney’s Treaty", "pinckney's treaty")]


@pytest.mark.parametrize(("text", "names"), [
    ("Britain's Good Friday Agreement held.", [("Good Friday Agreement",
                                                 "good friday agreement")]),
    ("Britain's Treaty obligations grew.", []),   # the keyword qualifies a noun
    ("The country's Treaty was signed.", []),     # no name in a common noun's possessive
    ("Jay's treaty was signed.", []),             # lower case: not written as a name
])
def test_other_possessives_only_end_the_part_before_a_name(
        text: str, names: list[tuple[str, str]]) -> None:
    assert found(text, "treaty") == names


def dates(text: str) -> list[tuple[str, str]]:
    return found(text, "date")


@pytest.mark.parametrize(("text", "wanted"), [
    ("The fair ran in August and September 1710.",
     [("August", "1710-08"), ("September 1710", "1710-09")]),
    ("Prices rose between May, June and July 2020.",
     [("May", "2020-05"), ("June", "2020-06"), ("July 2020", "2020-07")]),
    ("The ferry will sail in May or June.", [("May", "may"), ("June", "june")]),
    ("Polls opened on 3 and 4 May 2024.", [("3", "2024-05-03"), ("4 May 2024", "2024-05-04")]),
    ("The summit met on 12–14 March 2023.",
     [("12", "2023-03-12"), ("14 March 2023", "2023-03-14")]),
    ("Polls opened on May 3 and 4, 2024, in every ward.",
     [("May 3", "2024-05-03"), ("4, 2024", "2024-05-04")]),
])
def test_a_month_or_day_in_a_list_takes_the_lists_month_and_year(
        text: str, wanted: list[tuple[str, str]]) -> None:
    assert dates(text) == wanted


@pytest.mark.parametrize(("text", "wanted"), [
    ("Theresa May and June Sarpong met.", []),   # people, not months
    ("June or May said no.", []),
    ("On May 3 and 4 others the doors shut.", [("May 3", "--05-03")]),  # 4 counts others
    ("Rain fell on 31 and 4 May 2024.", [("4 May 2024", "2024-05-04")]),  # runs backwards
])
def test_no_listed_date_where_the_list_is_of_names_or_of_other_figures(
        text: str, wanted: list[tuple[str, str]]) -> None:
    assert dates(text) == wanted


@pytest.mark.parametrize(("text", "kind", "wanted"), [
    ("Between 43 and 89 million people live on the plain.", "count",
     [("43", "43000000 people"), ("89 million people", "89000000 people")]),
    ("Two, three or four runners shared a lane.", "count",
     [("Two", "2 runners"), ("three", "3 runners"), ("four runners", "4 runners")]),
    ("Turnout rose by between 20 and 50 per cent.", "percent",
     [("20", "20%"), ("50 per cent", "50%")]),
    ("Rates fell from 12 to 9% in a year.", "percent", [("12", "12%"), ("9%", "9%")]),
    ("Repairs cost 20 to 50 million euros.", "money",
     [("20", "EUR 20000000"), ("50 million euros", "EUR 50000000")]),
    ("Talks took between three and five years.", "duration",
     [("three", "3 year"), ("five years", "5 year")]),
])
def test_a_figure_whose_noun_a_range_or_list_leaves_implied_shares_it(
        text: str, kind: str, wanted: list[tuple[str, str]]) -> None:
    assert found(text, kind) == wanted


@pytest.mark.parametrize(("text", "wanted"), [
    ("In 2019 and 40 people died.", [("40 people", "40 people")]),  # a year, then a count
    ("In 2019, 3 or 4 runners fell.", [("3", "3 runners"), ("4 runners", "4 runners")]),
    ("Of the 12, 3 passengers left.", [("3 passengers", "3 passengers")]),  # no list
    ("The score was 3-1, 2 goals to spare.", [("2 goals", "2 goals")]),
    ("Under Article 5 and 6 states voted.", [("6 states", "6 states")]),  # a name
])
def test_no_shared_noun_where_the_figures_are_no_list_of_one_thing(
        text: str, wanted: list[tuple[str, str]]) -> None:
    assert found(text, "count") == wanted


def test_a_deck_asks_the_figure_as_written_rather_than_the_one_it_lends_its_noun_to() -> None:
    from quizgen.extract.candidates import ExtractOptions, build_deck
    from quizgen.extract.sentences import parse_article
    from quizgen.models import NumericQuestion

    article = parse_article("Floods\n\nBetween 43 and 89 million people live on the plain.\n")
    (question,) = build_deck(article, ExtractOptions(deck_id="floods")).questions
    assert isinstance(question, NumericQuestion)
    assert question.answer == 89000000


@pytest.mark.parametrize(("text", "wanted"), [
    ("She won sixteen golds in 2008 and nine in 2012.",
     [("sixteen golds", "16 golds"), ("nine", "9 golds")]),
    ("Twelve countries signed in 1990, and 5 in 1991.",
     [("Twelve countries", "12 countries"), ("5", "5 countries")]),
    ("Forty people died and 2019 was worse.", [("Forty people", "40 people")]),
    # "3 of them" is a part of the ships just counted (count-of-those), not a joined figure
    ("Five ships sank, and 3 of them were new.", [("Five ships", "5 ships"), ("3", "3 ships")]),
    ("He has 3 sons and 2 daughters.", [("3 sons", "3 sons"), ("2 daughters", "2 daughters")]),
    ("Five ships, 40% of the fleet, and 3 in May.", [("Five ships", "5 ships")]),
])
def test_a_bare_figure_joined_to_a_count_counts_its_noun(
        text: str, wanted: list[tuple[str, str]]) -> None:
    assert found(text, "count") == wanted


def test_a_month_written_with_a_hyphen_is_no_range() -> None:
    assert dates("A month is written 2000-03 in the file.") == [("2000", "2000")]
    assert dates("The 2008-09 budget passed.") == [("2008", "2008"), ("09", "2009")]


@pytest.mark.parametrize(("text", "wanted"), [
    ("Lagos: 1 case, 1 death", [("1 case", "1 case"), ("1 death", "1 death")]),
    ("She won two golds and one silver.", [("two golds", "2 golds"), ("one silver", "1 silver")]),
    ("One case was confirmed among the 40 cases tested.",
     [("One case", "1 case"), ("40 cases", "40 cases")]),
    ("The town saw a single death and four deaths nearby.",
     [("a single death", "1 death"), ("four deaths", "4 deaths")]),
    ("They won three gold medals and one silver medal.",
     [("three gold medals", "3 medals"), ("one silver medal", "1 medal")]),
])
def test_a_count_of_one_is_a_count(text: str, wanted: list[tuple[str, str]]) -> None:
    assert found(text, "count") == wanted


@pytest.mark.parametrize("text", [
    "One of the leaders spoke.", "It rained one day in spring.", "No one came to the hall.",
    "They helped one another.", "Article 1 states the aim.", "The No. 1 seed lost.",
    "In one case the nurses fled.",      # an instance, not a figure
    "They share a single currency.",     # nothing else counted: no sign of counting
    "One looming question remains.", "Only 1 in 5 voted.", "Prices fell 1 percent.",
])
def test_no_count_of_one_where_one_counts_nothing(text: str) -> None:
    assert found(text, "count") == []


def test_the_first_amount_of_a_money_range_takes_the_scale_of_the_last() -> None:
    assert found("It cost between $5 and $10 million.", "money") == [
        ("$5", "USD 5000000"), ("$10 million", "USD 10000000")]
    assert found("He paid $5 and 10 people came.", "money") == [("$5", "USD 5")]


def test_both_ends_of_season_ranges_before_a_plural_are_dates() -> None:
    assert [text for text, _ in dates("The 2014-15 and 2015-16 seasons were poor.")] == [
        "2014", "15", "2015", "16"]


def test_a_tax_year_written_with_a_slash_is_two_years_but_a_numeric_date_is_not() -> None:
    assert dates("The 2019/20 tax year closed.") == [("2019", "2019"), ("20", "2020")]
    assert dates("It was filed 2019/03/04 in court.") == []
