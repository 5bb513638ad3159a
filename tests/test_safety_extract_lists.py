"""Hostile articles for the list and range patterns: thousands of listed figures, days or
months in one sentence. Each must give a clean result or a clean refusal, in time linear in
its length (a pattern that rescans the list at every figure took minutes on 100 KB)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .safety import assert_refused, run_process

ITEMS = 40_000
HOSTILE = {
    "figures": "Between " + ", ".join(["1"] * ITEMS) + " and more.",
    "figures-and-noun": "We saw " + " and ".join(["12"] * ITEMS) + " people.",
    "range-chain": "It rose " + " to ".join(["3"] * ITEMS) + " million.",
    "percent-list": "It was " + "20 and " * ITEMS + "30 per cent.",
    "day-list": "Votes on " + " and ".join(["3"] * ITEMS) + " May 2024.",
    "month-list": "In " + " and ".join(["May"] * ITEMS) + " 2024.",
    "short-ranges": "-".join(["1957"] * ITEMS) + ".",
    "ones": "one " * ITEMS + "case.",
    "bare-ranges": "Deaths were " + " and ".join(["between 12,000"] * ITEMS) + " and 13,000.",
    "parts-of-those": "We saw 40 ships, " + ", ".join(["12 of those"] * ITEMS) + ".",
    "slash-years": "/".join(["2019"] * ITEMS) + ".",
    "abbreviations": "The New START treaty, " + "START I, SORT (SORT) " * ITEMS + "ended.",
    "name-tails": "The Convention on " + "Rights of " * ITEMS + "Man (CRM) began.",
    "amendments": "The " + "Tokyo Amendment, " * ITEMS + "amend the Lima Protocol.",
    "changes-by": "Employment rose by " + " and rose by ".join(["3,000"] * ITEMS) + ".",
    "casualty-list": "Between " + " and ".join(["400"] * ITEMS) + " died.",
    "parts-of-which": "We had 45 members, " + "of which 12 are, " * ITEMS + "in all.",
    "metres": "It rose 21 feet " + "(6.4 m) " * ITEMS + "high.",
    "rivals": "They won " + "3 votes to Hale's " * ITEMS + "4.",
    "cell-ranges": "Deaths | " + "\u2013".join(["400"] * ITEMS) + "+ (2.5 per day)",
    "out-of": "We won " + " out of ".join(["12"] * ITEMS) + " seats.",
    "out-of-brackets": "We won 500 votes " + "(out of 538) " * ITEMS + "in all.",
    "vote-tallies": "It passed by a vote of " + "\u2013".join(["38"] * ITEMS) + ".",
    "vote-to": "The Senate voted " + " to ".join(["38"] * ITEMS) + ".",
    "majorities": "It won 331 seats, " + "a majority of 15, " * ITEMS + "in all.",
    "month-nouns": "The " + "July exports and June imports and " * ITEMS + "more.",
    "name-mentions": ("The Doha Amendment to the Kyoto Protocol passed. "
                      + "Doha Amendment, " * ITEMS + "ended."),
    "hyphen-measures": "It is a " + "12-mile and " * ITEMS + "road.",
    "first-mentions": "We fed " + "the three astronauts and " * ITEMS + "more.",
    "change-ends": "Employment rose by 3,000 " + "from 4,000 " * ITEMS + "in May.",
    "populations": "The population of " + "Valoria, " * ITEMS + "was 12,000.",
    "apposed": "They won medals, " + "84, " * ITEMS + "in all.",
    "listed-from": "Ten teams from Europe came, " + "four from Asia, " * ITEMS + "in all.",
    "scores": "England beat Wales " + "4\u20132 and " * ITEMS + "more.",
    "counted-as": "In all " + "22 are signatories and " * ITEMS + "more.",
    "parts-including": "It took seven days (including " + "three of battle, " * ITEMS + "in all).",
    "cell-clauses": "Crew | 12\nSurvivors | " + "18 came home, " * ITEMS + "in all",
    "peace-names": "The " + "Peace of M\u00fcnster and " * ITEMS + "more.",
    "tallies-after-verbs": "He ran 20 races, " + "winning 13, " * ITEMS + "in all.",
    "shares-before-nouns": "Overall, " + "66 (9%) patients and " * ITEMS + "more.",
    "partnerships": ("The " + "Trans-Pacific Partnership (TPP), also known as TPP11 or TPP-11, "
                     * (ITEMS // 4) + "ended."),
    "cell-multiples": "Turbines | " + "32 \u00d7 700 MW, " * ITEMS + "2 \u00d7 50 MW\nSpans | 3",
    "among-parts": "Among the 704 cases, " + "503 (71%) were, " * ITEMS + "in all.",
    "hyphen-counts": "It grew from " + "a 16-team and " * ITEMS + "more.",
    "sides": "It measures " + "45 x 30 miles and " * ITEMS + "more.",
    "parts-of-groups": "They helped " + "37 of Scotland's species and " * ITEMS + "more.",
    "result-scores": "They won " + "a 1\u20130 victory and " * ITEMS + "more.",
    "column-unit-tables": ("Spending\n\nItem | A | Percent change\nIncome | $73,207 | 4.3\n"
                           + "Food | 7,407 | 6.2\n" * ITEMS),
    "unit-tables": "Trade\n\nbn \u20ac\n\nFlows | A | B\n" + "Exports | 186.5 | 1 692.3\n" * ITEMS,
    "agreements-between": ("The Agreement between the " + "United States, " * ITEMS
                           + "and Canada (USMCA) began."),
    "formal-titles": ("The Agreement between the Governments of " + "France, " * ITEMS
                      + "on trade was signed."),
    "age-ranges": "Adults " + "aged 18 to 64 and " * ITEMS + "more.",
    "temperatures": "It reached " + "\u221219 \u00b0C (\u22122 \u00b0F), " * ITEMS + "in all.",
    "per-period": "It carried " + "an average of 47 per day, " * ITEMS + "in all.",
    "parallel-clauses": ("In all 40 votes were counted, " + "and 12 were rejected, " * ITEMS
                         + "in all."),
    "bracketed-items": "We had 81 cases from " + "Wisconsin (39), " * ITEMS + "and Ohio (one).",
    "quarter-codes": "| " + "2018Q3 | " * ITEMS + "2019Q2",
    "spanned-headers": ("| Percentage change | " + "| " * ITEMS + "\n" + "EA19 | "
                        + "0.2 | " * ITEMS + "1.1"),
    "or-cells": "Date | May 31, 1889\nDeaths | " + "2,209 or " * ITEMS + "2,208",
    "ones-counted": ("We counted 81 cases. " + "One case was new, one patient left, " * ITEMS
                     + "in all."),
    "age-clauses": "She stayed " + "until she was 24 and " * ITEMS + "more.",
    "more-of-counts": "We saw 40 people " + "and 12 more, " * ITEMS + "in all.",
    "shares-of-totals": "In all " + "48 (2% of total reported cases) deaths and " * ITEMS + "more.",
    "scientific": "It is " + "1.954\u00d710\u00b9\u2070 km and " * ITEMS + "more.",
    "up-from": ("The population was 63.7 million, " + "up from the estimated 63.3 million, "
                * ITEMS + "in all."),
    "implied-in-places": ("There are 53.5 million people in England, "
                          + "5.3 million in Scotland, " * ITEMS + "in all."),
    "dated-measures": "It measured " + "5,892 metres in 1999, " * ITEMS + "in all.",
    "back-references": ("There were 3.5 million Canadians; " + "it was 4.4 million; " * ITEMS
                        + "done."),
    "title-rows": "Results\n\nReferendum, 2011 |\nChoice | Votes\n" + "Yes | 3,792,518\n" * ITEMS,
    "signed-changes": "Employment rose " + "among women (+43,000; +0.7%), " * ITEMS + "in all.",
    "increase-from": "It issued 208 citations, " + "an increase from 68, " * ITEMS + "in all.",
    "scaled-durations": "It formed " + "25\u201330 million years and " * ITEMS + "ago.",
    "spaced-thousands": "They reported " + "180 000 " * ITEMS + "cases in all.",
    "infobox-sides": "Battle\n\nDate | 1815\n" + "Strength | 72,000 | A: 68,000, B: 5\n" * ITEMS,
    "weights-per-acre": "The yield was " + "7,544 pounds per acre, down 209 pounds, " * ITEMS
    + "in all.",
    "eras": "It was settled in " + "874 AD and AD 410 and " * ITEMS + "later.",
    "fractions-of-units": "It fell " + "0.93 inch and " * ITEMS + "more.",
    "durations-taken": "It " + "took a month and " * ITEMS + "then ended.",
    "quoted-counts": "It had " + 'three "Eastern Rivers" and ' * ITEMS + "more.",
    "hyphened-ranges": "It left " + "275-" * ITEMS + "400 people dead.",
    "superlative-ages": "He was " + "the youngest (21) and " * ITEMS + "the last.",
    "side-counts": "Strength | " + "A: 68,000, " * ITEMS + "B: 50,000\n",
    "days-dated-by-paragraph": "In July 1969 " + "it landed on July 20. " * ITEMS,
    "medal-colours": "He won medals: " + "six gold, 14 silver and " * ITEMS + "one bronze.",
    "bracketed-nouns": "Records for " + "gold medals (23), events (13), " * ITEMS + "in all.",
    "numbered-conventions": "It ratified " + "ILO Convention No 182 and " * ITEMS + "more.",
    "scores-between-sides": "League season: " + "City 6\u20131 United, " * ITEMS + "in all.",
    "figures-in-one-cell": "Firm\n\nEmployees | " + "87,700 " * ITEMS + "245,000\n",
    "spaced-changes": "Unemployment " + "decreased by 4 000 and " * ITEMS + "rose.",
    "plans-of-action": "They agreed " + "a Joint Comprehensive Plan of Action (JCPOA; " * ITEMS
    + "in all).",
    "named-items": "The CDU won 246 seats, " + "SPD 153, " * ITEMS + "and the Greens 67.",
    "casualties-in-words": "In all " + "Nineteen were killed and " * ITEMS + "more.",
    "months-after-modifiers": "It beat " + "the revised August estimate and " * ITEMS + "more.",
    "groups-after-modifiers": "She made " + "two of her most famous gowns, " * ITEMS + "too.",
    "conference-acronyms": "The Convention on the Sea (UNCLOS) came from the "
    + "Conference on the Sea (UNCLOS III), " * ITEMS + "in all.",
    "decimal-comma-percent": "They won " + "51 seats with 42,7% and " * ITEMS + "more.",
    "consecutive-quarters": "GDP fell for " + "two consecutive quarters and " * ITEMS + "more.",
    "rates-per-base": "The rate went " + "from 1.7 to 3.3 per 100,000, " * ITEMS + "in all.",
    "money-range-ends": "Losses were " + "£13\u201327 billion and " * ITEMS + "more.",
    "treaties-by-purpose": "It amended " + "the Treaty establishing the Community and " * ITEMS
    + "more.",
    "hedged-years": "It was the hottest " + "since at least 1540 and " * ITEMS + "more.",
    "colon-labels": "Open\n\n" + "Attendance: | 475,812\n" * ITEMS,
    "section-rows": "Island\n\n" + "Seat | Hanga Roa\nGovernment |\n" * ITEMS,
    "ranked-months": "It was " + "the 20th warmest November and " * ITEMS + "more.",
    "figures-in-a-counts-clause": "Among the 704 cases, "
    + "503 (71%) were in residents and " * ITEMS + "more.",
    "second-changes": "Employment fell by 4 000 in May "
    + "and by 12 000 in June " * ITEMS + "and more.",
    "casualty-adjectives": "It left " + "458 dead, three missing, " * ITEMS + "and more.",
    "parts-of-owners-wholes": "Sixty-five of " + "Thailand's 76 provinces and " * ITEMS
    + "more.",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_sentence_listing_thousands_of_items_is_read_in_time(
        case: str, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(HOSTILE[case] + "\n", encoding="utf-8")
    # About two seconds each when linear; the quadratic patterns this guards against took
    # hours at this length, so the timeout is a hang detector, not a speed goal.
    result = run_process("extract", "article.txt", "-o", "out.yaml", cwd=tmp_path, timeout=60)
    output = result.stdout + result.stderr
    if result.returncode == 0:
        assert (tmp_path / "out.yaml").is_file()
        assert "Traceback" not in output
    else:
        assert_refused(result.returncode, output)
        assert "nothing to write" in output
        assert not (tmp_path / "out.yaml").exists()
