"""PDF text runs put back together: compounds printed with a hyphen stay one word."""

from __future__ import annotations

from quizgen.extract.pdftext import _cells, _joined


def test_runs_with_no_room_for_a_space_are_one_word() -> None:
    touching = [(0.0, 10.0, "Sino"), (10.2, 12.0, "-"), (12.3, 30.0, "British")]
    assert _cells(touching, 10.0) == ["Sino-British"]
    spaced = [(0.0, 10.0, "Sino"), (13.0, 20.0, "and"), (23.0, 40.0, "British")]
    assert _cells(spaced, 10.0) == ["Sino and British"]


def test_a_printed_hyphen_at_a_line_end_joins_the_compound() -> None:
    assert _joined("concluded the Sino-", "British Joint") == "concluded the Sino-British Joint"
    assert _joined("a well-", "known case") == "a well-known case"
    assert _joined("signed in 1842 -", "the treaty") == "signed in 1842 - the treaty"
    assert _joined("soft hy\u00ad", "phen") == "soft hyphen"


def test_a_hyphen_beside_a_figure_is_printed_not_a_typesetters_break() -> None:
    assert _joined("the CPIH 12\u00ad", "month rate") == "the CPIH 12-month rate"
    assert _cells([(0.0, 20.0, "mid-"), (23.0, 40.0, "1980s")], 10.0) == ["mid-1980s"]
    assert _cells([(0.0, 10.0, "12"), (13.0, 40.0, "-month")], 10.0) == ["12-month"]
    assert _cells([(0.0, 20.0, "mid-"), (28.0, 40.0, "1980s")], 10.0) == ["mid- 1980s"]
