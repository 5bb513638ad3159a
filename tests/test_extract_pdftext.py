"""PDF text runs put back together: compounds printed with a hyphen stay one word."""

from __future__ import annotations

from quizgen.extract.pdftext import _cells, _joined, _Line, _mark_blank_labels, _merge_wrapped_rows


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
    assert _joined("France Pierre\u00ad", "Charles Villeneuve") == (
        "France Pierre-Charles Villeneuve")
    assert _joined("the Sea (UNC\u00ad", "LOS), also") == "the Sea (UNCLOS), also"


def test_a_range_broken_after_its_dash_is_joined_without_a_space() -> None:
    assert _joined("Pacific Aero Products Co. (1916\u2013", "1917)") == (
        "Pacific Aero Products Co. (1916\u20131917)")
    assert _joined("signed in 1916 \u2013", "then") == "signed in 1916 \u2013 then"
    assert _joined("the score was 3\u2013", "a draw") == "the score was 3\u2013 a draw"


def test_a_margin_of_error_broken_after_its_sign_is_joined_without_a_space() -> None:
    assert _joined("0.2 percent (+/-", "1.8%)* above") == "0.2 percent (+/-1.8%)* above"
    assert _joined("prices rose 3 +/-", "a little") == "prices rose 3 +/- a little"
    assert _cells([(0.0, 20.0, "(+/-"), (23.0, 40.0, "1.8%)")], 10.0) == ["(+/-1.8%)"]
    assert _cells([(0.0, 20.0, "(+/-"), (23.0, 40.0, "a)")], 10.0) == ["(+/- a)"]


def test_a_hyphen_beside_a_figure_is_printed_not_a_typesetters_break() -> None:
    assert _joined("the CPIH 12\u00ad", "month rate") == "the CPIH 12-month rate"
    assert _cells([(0.0, 20.0, "mid-"), (23.0, 40.0, "1980s")], 10.0) == ["mid-1980s"]
    assert _cells([(0.0, 10.0, "12"), (13.0, 40.0, "-month")], 10.0) == ["12-month"]
    assert _cells([(0.0, 20.0, "mid-"), (28.0, 40.0, "1980s")], 10.0) == ["mid- 1980s"]
    assert _cells([(0.0, 20.0, "US$ -"), (23.0, 40.0, "2.723")], 10.0) == ["US$ -2.723"]
    assert _cells([(0.0, 20.0, "1990 -"), (23.0, 40.0, "2000")], 10.0) == ["1990 - 2000"]



def test_a_first_column_word_ending_a_page_finishes_the_row_above() -> None:
    def line(page: int, top: float, runs: list[tuple[float, float, str]]) -> _Line:
        made = _Line(page, top, top - 7, runs[0][0], runs[-1][1], runs=runs)
        made.cells = _cells(runs, 7.0)
        return made

    row = [(0.0, 40.0, "Pensions and Social"), (60.0, 80.0, "6,554"), (100.0, 120.0, "6,474"),
           (140.0, 160.0, "-1.2")]
    lines = [line(0, 100, row), line(0, 88, [(0.0, 30.0, "Security")]),
             line(1, 300, [(0.0, 40.0, "All other"), (60.0, 80.0, "2,655"),
                           (100.0, 120.0, "2,808"), (140.0, 160.0, "5.8")])]
    merged = _merge_wrapped_rows(lines)
    assert [ln.text for ln in merged] == ["Pensions and Social Security | 6,554 | 6,474 | -1.2",
                                          "All other | 2,655 | 2,808 | 5.8"]
    inside = [line(0, 100, row), line(0, 88, [(0.0, 30.0, "Housing")]),
              line(0, 76, [(0.0, 30.0, "Rent"), (60.0, 80.0, "12")])]
    assert [ln.text for ln in _merge_wrapped_rows(inside)][1] == "Housing"


def test_a_piece_over_a_rows_second_cell_is_a_row_with_a_blank_label() -> None:
    def line(top: float, runs: list[tuple[float, float, str]], height: float = 7.0) -> _Line:
        made = _Line(0, top, top - height, runs[0][0], runs[-1][1], runs=runs)
        made.cells = _cells(runs, 7.0)
        return made

    row = [(0.0, 30.0, "Founded"), (60.0, 120.0, "July 15, 1916")]
    lines = [line(100, [(60.0, 110.0, "Pacific Aero (1916–1917)")]), line(90, row)]
    _mark_blank_labels(lines, 20.0, 14.0)
    assert [ln.text for ln in lines] == ["| Pacific Aero (1916–1917)", "Founded | July 15, 1916"]
    text = [line(100, [(0.0, 110.0, "Boeing builds aircraft.")]), line(90, row)]
    _mark_blank_labels(text, 20.0, 14.0)
    assert text[0].cells == ["Boeing builds aircraft."]
    grown = [line(100, [(60.0, 110.0, "Pacific Aero")]), line(90, row, height=70.0)]
    _mark_blank_labels(grown, 20.0, 14.0)  # a row grown by wrapped cells: no crash, no guess
    assert grown[0].cells == ["Pacific Aero"]
