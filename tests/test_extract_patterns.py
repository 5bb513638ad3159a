"""Every fact pattern against its own examples and counterexamples, plus the values it reads."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from quizgen.extract.facts import find_facts
from quizgen.extract.facttypes import Context, FactPattern
from quizgen.extract.patterns import PATTERNS
from quizgen.models import PartialDate

EXAMPLES = [(p, example) for p in PATTERNS for example in p.examples]
COUNTEREXAMPLES = [(p, example) for p in PATTERNS for example in p.counterexamples]


def test_every_pattern_has_examples() -> None:
    assert all(p.examples for p in PATTERNS)
    assert len({p.name for p in PATTERNS}) == len(PATTERNS)


@pytest.mark.parametrize(("pattern", "example"), EXAMPLES,
                         ids=[f"{p.name}:{e[:30]}" for p, e in EXAMPLES])
def test_pattern_finds_its_examples(pattern: FactPattern, example: str) -> None:
    wanted = re.findall(r"\[(.*?)\]", example)
    text = example.replace("[", "").replace("]", "")
    found = [f.text for f in find_facts(text) if f.kind == pattern.kind]
    assert wanted
    for part in wanted:
        assert part in found, f"{pattern.name} did not find {part!r} in {text!r}: {found}"


@pytest.mark.parametrize(("pattern", "example"), COUNTEREXAMPLES,
                         ids=[f"{p.name}:{e[:30]}" for p, e in COUNTEREXAMPLES])
def test_pattern_refuses_its_counterexamples(pattern: FactPattern, example: str) -> None:
    built = [pattern.build(m, example, Context()) for m in pattern.regex.finditer(example)]
    assert [f.text for f in built if f is not None] == []


def facts(text: str, reference: str | None = None) -> list[tuple[str, str, str]]:
    context = Context(reference=PartialDate.parse(reference) if reference else None)
    return [(f.kind, f.text, f.key) for f in find_facts(text, context)]


def test_date_parsers_pitfalls_are_avoided() -> None:
    # "$11" is not November 2011 and "in 24 years" is not 2048.
    assert facts("It cost $11 in 24 years.") == [
        ("money", "$11", "USD 11"), ("duration", "24 years", "24 year")]


def test_british_and_american_dates_give_the_same_value() -> None:
    assert facts("on 19 June 2024")[0][2] == facts("on June 19, 2024")[0][2] == "2024-06-19"


@pytest.mark.parametrize(("text", "key"), [
    ("$1.2tn", "USD 1200000000000"), ("£350m", "GBP 350000000"), ("€5 million", "EUR 5000000"),
    ("US$3.5 million", "USD 3500000"), ("11 billion US dollars", "USD 11000000000"),
    ("85 pence", "GBP 0.85"), ("Rs 11.1 lakh crore", "INR 11100000000000"),
])
def test_money_values(text: str, key: str) -> None:
    assert facts(f"It was {text} in all.") == [("money", text, key)]


@pytest.mark.parametrize(("text", "key"), [
    ("40%", "40%"), ("40 per cent", "40%"), ("forty per cent", "40%"), ("12.5 percent", "12.5%"),
    ("two percentage points", "2pp"),
])
def test_percent_values(text: str, key: str) -> None:
    assert facts(f"Support rose {text} last year.") == [("percent", text, key)]


def test_relative_month_needs_the_article_date() -> None:
    assert facts("He went there last September.", "2024-06-18")[0][2] == "2023-09"
    assert facts("He went there last September.", "2024-10-01")[0][2] == "2024-09"
    assert facts("He went there last September.")[0][2] == "last september"


def test_qualified_years_and_decades() -> None:
    assert [k for _, _, k in facts("In mid-2023 and the early 1990s and the 19th century.")] == [
        "2023", "1990s", "century 19"]


def test_counts_keep_their_noun_and_skip_back_references() -> None:
    assert facts("The two leaders met 1,200 US troops and a dozen ministers.") == [
        ("count", "1,200 US troops", "1200 troops"), ("count", "a dozen ministers", "12 ministers")]


def test_a_number_before_a_plural_noun_is_a_count_not_a_year() -> None:
    assert facts("Some 2000 soldiers left in 2001.") == [
        ("count", "2000 soldiers", "2000 soldiers"), ("date", "2001", "2001")]


def test_a_treaty_name_may_hold_a_date() -> None:
    assert facts("Russia left a 1961 treaty.") == [
        ("date", "1961", "1961"), ("treaty", "1961 treaty", "1961 treaty")]


def test_capitalised_treaty_with_a_list_in_its_name() -> None:
    found = facts("the Treaty on Peace, Trade, and Navigation, which lapsed")
    assert found == [("treaty", "Treaty on Peace, Trade, and Navigation",
                      "treaty on peace, trade, and navigation")]


def test_overlaps_prefer_the_higher_kind_then_the_longer_match() -> None:
    # "$5bn" is money, never a count of "bn"; "mid-2023" is one date, not "2023" as well.
    assert [k for k, _, _ in facts("A $5bn fund from mid-2023.")] == ["money", "date"]
    assert facts("from mid-2023")[0][1] == "mid-2023"


def test_numbers_are_exact_decimals() -> None:
    (fact,) = find_facts("a grant of $1.1bn")
    assert fact.number == Decimal("1100000000")
