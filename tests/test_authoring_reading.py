"""What a person types at `add`'s prompts: forgiven where the meaning is clear, refused with
a reason where it is not."""

from __future__ import annotations

import pytest

from quizgen.authoring.reading import (
    read_choice_answers,
    read_cloze_text,
    read_date,
    read_new_entry,
    read_number,
    read_pair,
    read_paragraph,
    read_tags,
    read_truth,
    read_type,
)
from quizgen.errors import InputError
from quizgen.registry import QUESTION_TYPE_NAMES


@pytest.mark.parametrize(("typed", "kind"), [
    ("choice", "choice"), ("Choice", "choice"), (" TRUEFALSE ", "truefalse"), ("1", "short"),
    ("4", "choice"), (str(len(QUESTION_TYPE_NAMES)), QUESTION_TYPE_NAMES[-1]),
])
def test_a_type_by_name_in_any_case_or_by_number(typed: str, kind: str) -> None:
    assert read_type(typed) == kind


@pytest.mark.parametrize(("typed", "reason"), [
    ("shrot", "did you mean short?"), ("Chioce", "did you mean choice?"), ("0", "1 to 8"),
    ("9", "1 to 8"), ("essay", "'essay' is not a question type"),
])
def test_an_unknown_type_says_why(typed: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        read_type(typed)


@pytest.mark.parametrize(("typed", "iso"), [
    ("1860", "1860"), ("1860-10", "1860-10"), ("1860-10-01", "1860-10-01"),
    ("October 1860", "1860-10"), ("october 1860", "1860-10"), ("Oct 1860", "1860-10"),
    ("Oct. 1860", "1860-10"), ("Sept 1860", "1860-09"), ("October, 1860", "1860-10"),
    ("1 October 1860", "1860-10-01"), ("1st October 1860", "1860-10-01"),
    ("October 1, 1860", "1860-10-01"), ("October 21st 1860", "1860-10-21"),
    ("  19  June  2024 ", "2024-06-19"), ("29 February 2024", "2024-02-29"),
])
def test_dates_in_the_forms_people_write(typed: str, iso: str) -> None:
    assert read_date(typed) == iso


@pytest.mark.parametrize(("typed", "reason"), [
    ("Octbr 1860", "not a date I can read"), ("30 February 2023", "not a real date"),
    ("2023-02-30", "not a real date"), ("2023-13", "no month 13"), ("last year", "1860"),
    ("1860s", "not a date I can read"),
])
def test_dates_that_are_not_dates_say_why(typed: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        read_date(typed)


@pytest.mark.parametrize(("typed", "plain"), [
    ("24", "24"), ("-3", "-3"), ("0.5", "0.5"), (".5", ".5"), ("21,000,000", "21000000"),
    ("21 000 000", "21000000"), ("1_000", "1000"), ("7,000.25", "7000.25"),
    ("21\u2009000", "21000"),
])
def test_numbers_with_thousands_separators(typed: str, plain: str) -> None:
    assert read_number(typed) == plain


@pytest.mark.parametrize("typed", ["21.000.000", "21,00,000", "1,2", "seven", "12 km", "inf",
                                   "NaN", "", "1,000 000"])
def test_what_is_not_one_number_is_refused(typed: str) -> None:
    with pytest.raises(InputError, match="number"):
        read_number(typed)


CHOICES = ("Earth", "Moon", "Mars, the red planet", "Venus")


@pytest.mark.parametrize(("typed", "answers"), [
    ("Moon", ("Moon",)), ("moon", ("Moon",)), ("MOON", ("Moon",)), ("2", ("Moon",)),
    ("b", ("Moon",)), ("B", ("Moon",)), ("b)", ("Moon",)),
    ("mars, the red planet", ("Mars, the red planet",)),  # a comma inside a choice's text
    ("1, 3", ("Earth", "Mars, the red planet")), ("a, d", ("Earth", "Venus")),
    ("earth, venus", ("Earth", "Venus")), ("1, a", ("Earth",)),
])
def test_a_choice_by_text_in_any_case_number_or_letter_is_stored_as_written(
    typed: str, answers: tuple[str, ...]
) -> None:
    assert read_choice_answers(typed, CHOICES) == answers


def test_a_choice_written_as_a_number_wins_over_its_position() -> None:
    years = ("1991", "1994", "1996", "2")
    assert read_choice_answers("1996", years) == ("1996",)
    assert read_choice_answers("2", years) == ("2",)
    assert read_choice_answers("1", years) == ("1991",)


@pytest.mark.parametrize("typed", ["Jupiter", "5", "e", "1, 5", ""])
def test_what_is_not_a_choice_names_the_ways_to_give_one(typed: str) -> None:
    with pytest.raises(InputError, match=r"number 1 to 4, its letter a to d, or its text"):
        read_choice_answers(typed, CHOICES)


@pytest.mark.parametrize(("typed", "truth"), [
    ("true", "true"), ("True", "true"), ("YES", "true"), ("y", "true"), ("F", "false"),
    ("no", "false"),
])
def test_true_or_false_in_any_case(typed: str, truth: str) -> None:
    assert read_truth(typed) == truth


def test_neither_true_nor_false() -> None:
    with pytest.raises(InputError, match="neither true nor false"):
        read_truth("maybe")


def test_list_entries_must_differ_ignoring_case() -> None:
    assert read_new_entry(" Moon ", ("Earth",), "choice") == "Moon"
    with pytest.raises(InputError, match="'earth' is already a choice"):
        read_new_entry("earth", ("Earth",), "choice")
    with pytest.raises(InputError, match="cannot be empty"):
        read_new_entry("  ", (), "item")


def test_pairs_need_both_sides_and_new_ones() -> None:
    assert read_pair(" Xi Jinping = China ", ()) == "Xi Jinping=China"
    assert read_pair("a=b=c", ()) == "a=b=c"
    with pytest.raises(InputError, match="left=right"):
        read_pair("Xi Jinping China", ())
    with pytest.raises(InputError, match="already on the left"):
        read_pair("xi jinping=Russia", ("Xi Jinping=China",))
    with pytest.raises(InputError, match="already on the right"):
        read_pair("Kim Jong Un=china", ("Xi Jinping=China",))


@pytest.mark.parametrize(("typed", "number"), [("3", 3), (" 12 ", 12), ("¶2", 2)])
def test_paragraph_numbers(typed: str, number: int) -> None:
    assert read_paragraph(typed) == number


@pytest.mark.parametrize("typed", ["0", "-1", "two", "1.5"])
def test_what_is_not_a_paragraph_number(typed: str) -> None:
    with pytest.raises(InputError, match="not a paragraph number"):
        read_paragraph(typed)


def test_tags_split_on_spaces_or_commas_and_checked() -> None:
    assert read_tags("history, cold-war  history::korea") == (
        "history", "cold-war", "history::korea")
    assert read_tags("a a") == ("a",)
    with pytest.raises(InputError, match="'a:b' is not a tag"):
        read_tags("a:b")


def test_cloze_text_needs_a_gap_and_says_so() -> None:
    assert read_cloze_text(" Paris is in {{France}}. ") == "Paris is in {{France}}."
    with pytest.raises(InputError, match="has no gap"):
        read_cloze_text("Paris is in France.")
    with pytest.raises(InputError, match="unbalanced"):
        read_cloze_text("Paris is in {{France.")
