"""Forms of this round, from sentences written for the tests: treaty instruments
(protocols, amendments, a treaty system, abbreviations after a long name, a Māori name),
table cells (ranges, averages per match, an infobox's own labels) and counts in
employment reports."""

from __future__ import annotations

from quizgen.extract.candidates import all_facts
from quizgen.extract.facts import find_facts
from quizgen.extract.sentences import parse_article


def _found(text: str, kind: str) -> list[str]:
    return [fact.text for fact, _ in all_facts(parse_article(text)) if fact.kind == kind]


def test_a_protocol_to_a_convention_names_both() -> None:
    text = "The Lisbon Protocol to the Geneva Convention on Road Traffic was signed in 1971.\n"
    assert _found(text, "treaty") == ["Lisbon Protocol", "Geneva Convention on Road Traffic"]


def test_an_abbreviation_after_a_long_name_marks_its_later_mentions() -> None:
    text = ("The Framework Convention on Forest Protection (FCFP) was signed in 1994.\n\n"
            "By 2001 the FCFP had 80 parties.\n")
    assert _found(text, "treaty") == ["Framework Convention on Forest Protection", "FCFP",
                                      "FCFP"]


def test_a_treaty_system_and_its_abbreviation() -> None:
    text = "The Nordic Treaty System (NTS) governs the fjords. The Nordic Treaty Secretariat met.\n"
    assert _found(text, "treaty") == ["Nordic Treaty System", "NTS"]


def test_an_amendment_is_a_treaty_name_only_beside_a_treaty() -> None:
    assert _found("The Tokyo Amendment to the Lima Protocol added gases.\n", "treaty") == [
        "Tokyo Amendment", "Lima Protocol"]
    assert _found("The Fifth Amendment protects witnesses.\n", "treaty") == []
    assert _found("The Tokyo Amendment passed the Senate.\n", "treaty") == []
    assert _found("The Equal Rights Amendment and the treaty failed.\n", "treaty") == []


def test_a_convention_against_names_the_convention() -> None:
    assert _found("The Convention against Torture was adopted.\n", "treaty") == [
        "Convention against Torture"]


def test_a_maori_name_with_its_article() -> None:
    text = "The Treaty of Kororāreka (Māori: Te Tiriti o Kororāreka) was signed.\n"
    assert "Te Tiriti o Kororāreka" in _found(text, "treaty")


INFOBOX = (
    "Tournament\n\n"
    "Host country | Freedonia\n"
    "Teams | 24 (from 5 confederations)\n"
    "Champions | Ruritania\n"
    "Goals scored | 146 (2.81 per match)\n"
    "Attendance | 2,785,100 (53,560 per match)\n"
    "Casualties | 400–1,200+\n"
)


def test_infobox_cells_give_ranges_and_averages_labelled_by_their_rows() -> None:
    found = {(f.text, f.key) for f, _ in all_facts(parse_article(INFOBOX)) if f.kind == "count"}
    assert {("24", "24 teams"), ("146", "146 goals scored"), ("2.81", "2.81 goals scored"),
            ("2,785,100", "2785100 attendance"), ("53,560", "53560 attendance"),
            ("400", "400 casualties"), ("1,200+", "1200 casualties")} <= found


def test_employment_report_counts() -> None:
    text = ("Total nonfarm payroll employment rose by 147,000 in March. The number of "
            "unemployed persons, at 8.1 million, changed little. The number of long-term "
            "unemployed was 2.9 million. The unemployment rate fell by 0.2 percentage point.")
    counts = [(f.text, f.key) for f in find_facts(text) if f.kind == "count"]
    assert counts == [("147,000", "147000 payroll"), ("8.1 million", "8100000 unemployed"),
                      ("2.9 million", "2900000 unemployed")]


def test_casualty_and_disaster_counts() -> None:
    text = ("Between 400 and 1,200 died, and the flood left 150,000 homeless. The ground "
            "moved up to 21 feet (6.4 m). The 2 died later.")
    counts = [(f.text, f.key) for f in find_facts(text) if f.kind == "count"]
    assert counts == [("400", "400 people"), ("1,200", "1200 people"),
                      ("150,000 homeless", "150000 homeless"), ("21 feet", "21 feet"),
                      ("6.4 m", "6.4 m")]


def test_parts_of_a_count_named_before_or_after() -> None:
    text = ("The board has 45 members, of which 12 are elected. Of the 140 delegates, 21 "
            "were women. At least 58 of them were children.")
    counts = [(f.text, f.key) for f in find_facts(text) if f.kind == "count"]
    assert counts == [("45 members", "45 members"), ("12", "12 members"),
                      ("140 delegates", "140 delegates"), ("21", "21 delegates"),
                      ("58", "58 children")]


def test_lower_case_protocol_and_amendment_after_a_place() -> None:
    text = "The Montreal protocol was signed in 1987, and the Kigali amendment to it in 2016.\n"
    assert _found(text, "treaty") == ["Montreal protocol", "Kigali amendment"]
    assert _found("The Senate amendment to the treaty failed.\n", "treaty") == []


def test_a_count_after_a_bracketed_definition() -> None:
    text = ("The number of long-term unemployed (those jobless for 27 weeks or more) was "
            "little changed at 2.9 million.")
    counts = [(f.text, f.key) for f in find_facts(text) if f.kind == "count"]
    assert counts == [("2.9 million", "2900000 unemployed")]


def test_election_sport_and_disaster_figures_without_their_own_noun() -> None:
    text = ("Fenwick received 41,236,455 votes to Hale's 30,112,000. A crowd of 74,738 "
            "watched. The death toll was later put at 3,400. About 225,000 of the town's "
            "410,000 residents fled. Nonfarm payrolls increased 175,000 in May.")
    counts = [(f.text, f.key) for f in find_facts(text) if f.kind == "count"]
    assert counts == [("41,236,455 votes", "41236455 votes"), ("30,112,000", "30112000 votes"),
                      ("74,738", "74738 people"), ("3,400", "3400 people"),
                      ("225,000", "225000 residents"), ("410,000 residents", "410000 residents"),
                      ("175,000", "175000 payrolls")]
