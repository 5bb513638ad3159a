"""Bare figures in table cells count what their column header or row label names."""

from __future__ import annotations

from quizgen.extract.candidates import all_facts
from quizgen.extract.sentences import parse_article

TABLE = (
    "Outbreak figures\n\n"
    "Country | Cases | Deaths | Outbreak end\n"
    "Liberia | 10,675 | 4,809 | 9 Jun 2016\n"
    "Italy | 1 | 0 | 20 Jul 2015\n\n"
    "Labour force | 10.012 million (2008 est.)\n"
    "Unemployment | 3.9% (May 2008)\n"
)


INFOBOX = (
    "Kessel expedition\n\n"
    "Location | Valoria\n"
    "Crew | approx. 270\n"
    "Survivors | 18 came home, 12 were captured in 1521, 4 (or 5) returned later\n"
    "Ships | 5\n"
)


def test_an_infobox_whose_first_row_has_no_figure_is_no_table_with_a_header() -> None:
    found = [(f.kind, f.text, f.key) for f, _ in all_facts(parse_article(INFOBOX))]
    counts = [(text, key) for kind, text, key in found if kind == "count"]
    assert counts == [("270", "270 crew"), ("18", "18 survivors"), ("12", "12 survivors"),
                      ("4", "4 survivors"), ("5", "5 survivors"), ("5", "5 ships")]
    assert ("date", "1521", "1521") in found


RESULTS = (
    "Referendum\n\n"
    "Response | Votes | %\n"
    "Yes | 2,245,537 | 38.69%\n"
    "No | 3,558,450 | 61.31%\n\n"
    "Turbines | 32 \u00d7 700 MW, 2 \u00d7 50 MW\n"
    "Spans | 3\n"
)


def test_a_share_column_is_a_header_and_multiples_count_the_rows_things() -> None:
    found = [(f.kind, f.text, f.key) for f, _ in all_facts(parse_article(RESULTS))]
    assert ("count", "2,245,537", "2245537 votes") in found
    assert ("percent", "61.31%", "61.31%") in found
    assert ("count", "32", "32 turbines") in found
    assert ("count", "700 MW", "700 mw") in found
    assert ("count", "2", "2 turbines") in found
    assert ("count", "3", "3 spans") in found


def test_cells_under_a_header_and_beside_a_label_are_counts() -> None:
    found = [(f.kind, f.text, f.key) for f, _ in all_facts(parse_article(TABLE))]
    assert ("count", "10,675", "10675 cases") in found
    assert ("count", "4,809", "4809 deaths") in found
    assert ("count", "1", "1 cases") in found
    assert ("count", "10.012 million", "10012000 labour force") in found
    # A zero is no fact; cells the patterns already read keep their reading.
    assert not any(text == "0" for _, text, _ in found)
    assert ("percent", "3.9%", "3.9%") in found
    assert ("date", "9 Jun 2016", "2016-06-09") in found
    assert not any(kind == "count" and text.startswith("Country") for kind, text, _ in found)


MONEY_TABLE = (
    "Trade of the union\n\n"
    "The union's trade rose in May.\n\n"
    "bn €\n\n"
    "Flows | May 18 | May 19 | Growth\n"
    "Exports | 186.5 | 1 692.3 | 5.2%\n"
    "Imports | 173.9 | 177.6 | 2.1%\n"
)


def test_a_unit_line_over_a_table_makes_its_bare_cells_amounts() -> None:
    found = [(f.kind, f.text, f.key) for f, _ in all_facts(parse_article(MONEY_TABLE))]
    assert ("money", "186.5", "EUR 186500000000") in found
    assert ("money", "1 692.3", "EUR 1692300000000") in found
    assert ("money", "177.6", "EUR 177600000000") in found
    assert ("percent", "5.2%", "5.2%") in found
    without_unit = MONEY_TABLE.replace("bn €\n\n", "")
    # Without its unit a figure is nothing: not money, and not a count of "exports" either.
    assert not [f for f, _ in all_facts(parse_article(without_unit))
                if f.kind in ("money", "count")]
    # A PDF may join the unit to the heading above it: "… adjusted data bn €".
    joined = MONEY_TABLE.replace("bn €\n\n", "Trade in goods, adjusted data bn €\n\n")
    assert ("money", "186.5", "EUR 186500000000") in [
        (f.kind, f.text, f.key) for f, _ in all_facts(parse_article(joined))]


RELEASE_TABLE = (
    "Spending of households\n\n"
    "Households spent more this year.\n\n"
    "Item | Last year | This year | Percent change\n"
    "Income before taxes | $73,207 | $76,335 | 4.3\n"
    "Food | 7,407 | 7,869 | 6.2\n"
    "Cash contributions | 2,088 | 1,840 | -11.9\n"
)


def test_a_columns_currency_and_share_header_give_its_bare_cells_their_unit() -> None:
    found = [(f.kind, f.text, f.key) for f, _ in all_facts(parse_article(RELEASE_TABLE))]
    assert ("money", "$73,207", "USD 73207") in found
    assert ("money", "7,407", "USD 7407") in found
    assert ("money", "1,840", "USD 1840") in found
    assert ("percent", "6.2", "6.2%") in found
    assert ("percent", "-11.9", "-11.9%") in found
    plain_header = RELEASE_TABLE.replace("Percent change", "Change").replace("$", "")
    kinds = {kind for kind, _, _ in
             ((f.kind, f.text, f.key) for f, _ in all_facts(parse_article(plain_header)))}
    assert "money" not in kinds and "percent" not in kinds


ELECTION = (
    "Election\n\n"
    "| First party | Second party\n"
    "Leader | Ann Lee | Bo Ray\n"
    "Seats won | 252 | 82\n"
    "Popular vote | 12,237,655 | 3,983,690\n"
)


def test_a_table_whose_columns_are_entities_counts_by_row_label() -> None:
    for table in (ELECTION, ELECTION.replace("| First party", "First party")):  # as a PDF reads it
        found = [(f.kind, f.text, f.key) for f, _ in all_facts(parse_article(table))]
        assert ("count", "82", "82 seats won") in found
        assert ("count", "12,237,655", "12237655 popular vote") in found


GROUPED = (
    "Growth\n\n"
    "| Percentage change on the quarter | | | Percentage change on the year |\n"
    "| 2018Q4 | 2019Q1 | 2019Q2 | 2019Q1 | 2019Q2\n"
    "EA19 | 0.2 | 0.4 | 0.3 | 1.2 | 1.1\n"
)


def test_a_group_header_gives_its_unit_to_the_blank_cells_it_spans() -> None:
    found = [(f.kind, f.text, f.key) for f, _ in all_facts(parse_article(GROUPED))]
    assert [text for kind, text, _ in found if kind == "percent"] == [
        "0.2", "0.4", "0.3", "1.2", "1.1"]
    assert ("date", "2018Q4", "2018") in found
    ungrouped = GROUPED.replace("Percentage change", "Change")
    assert "percent" not in {f.kind for f, _ in all_facts(parse_article(ungrouped))}


def test_a_swing_row_holds_percentages_and_a_cell_may_give_two_figures() -> None:
    table = ("Election\n\n| First party | Second party\nSwing | 5.4 | 5.4\n"
             "Seats won | 83 | 65\n\nFlood\n\nDate | May 31, 1889\nDeaths | 2,209 or 2,208\n")
    found = [(f.kind, f.text, f.key) for f, _ in all_facts(parse_article(table))]
    assert [key for kind, _, key in found if kind == "percent"] == ["5.4%", "5.4%"]
    assert ("count", "83", "83 seats won") in found
    assert ("count", "2,209", "2209 deaths") in found
    assert ("count", "2,208", "2208 deaths") in found


UNIVERSITY = (
    "University of Kessel\n\n"
    "Motto | Light and work\n"
    "Established | c. 1096\n"
    "Endowment | £6.1 billion (as of 31 July 2019)\n"
    "Budget | £2.45 billion (2018–19)\n"
    "Chancellor | Ann Lee\n"
    "Undergraduates | 11,955\n"
    "Postgraduates | 12,010\n"
    "Postal code(s) | 101–155\n"
    "Colours | Blue\n"
)

WRAPPED_HEADER_RELEASE = (
    "Spending\n\n"
    "Item | July 2016- July 2017- | Percent\n"
    "June 2017 | June 2018 | change July\n"
    "Average | Average | 2016 to 2018\n"
    "Income before taxes | $73,207 | $76,335 | 4.3\n"
    "Food | 7,407 | 7,869 | 6.2\n"
    "Housing | 19,325 | 20,001 | 3.5\n"
)


def test_an_infoboxs_currency_rows_say_nothing_of_the_figures_below_them() -> None:
    found = [(f.kind, f.text, f.key) for f, _ in all_facts(parse_article(UNIVERSITY))]
    assert ("count", "11,955", "11955 undergraduates") in found
    assert ("count", "12,010", "12010 postgraduates") in found
    assert ("money", "£2.45 billion", "GBP 2450000000") in found
    assert not any(text in ("101", "155") for _, text, _ in found)


def test_a_column_of_figures_keeps_its_currency_under_a_wrapped_header() -> None:
    found = [(f.kind, f.text, f.key) for f, _ in all_facts(parse_article(WRAPPED_HEADER_RELEASE))]
    assert ("money", "7,407", "USD 7407") in found
    assert ("money", "20,001", "USD 20001") in found


def test_a_row_label_ending_in_a_colon_still_names_what_its_cell_counts() -> None:
    article = parse_article("Open 2008\n\nVenue: | Centre Court\nAttendance: | 475,812\n")
    counts = [(f.text, f.key) for f, _ in all_facts(article) if f.kind == "count"]
    assert counts == [("475,812", "475812 attendance")]
