"""A wide table set in a narrow column wraps its cells onto more lines; read back, each row is
whole again, cell by cell, while rows with an empty cell stay rows of their own."""

from __future__ import annotations

from pathlib import Path

import pytest
import typst

from quizgen.extract import read_document

ROWS = [
    ("Flows", "May 18", "May 19", "Growth", "Total 18", "Total 19", "Change"),
    ("Exports of the union", "186.5", "196.2", "5.2%", "1 692.3", "1 741.9", "2.9%"),
    ("Imports of the union", "173.9", "177.6", "2.1%", "1 545.0", "1 586.3", "2.7%"),
    ("Trade balance", "12.6", "18.7", "", "147.3", "155.5", ""),
]


def _pdf(tmp_path: Path) -> Path:
    cells = ", ".join(f"[{cell}]" for row in ROWS for cell in row)
    source = ("#set page(width: 9cm, height: 12cm, margin: 1cm)\n#set text(size: 7pt)\n"
              "The union traded more in May.\n\n"
              f"#table(columns: 7, {cells})\n\nThe figures are provisional.\n")
    pdf = typst.compile(source.encode(), format="pdf")
    assert isinstance(pdf, bytes)
    path = tmp_path / "trade.pdf"
    path.write_bytes(pdf)
    return path


def test_wrapped_cells_of_a_wide_table_are_put_back_row_by_row(tmp_path: Path) -> None:
    lines = read_document(_pdf(tmp_path)).text.splitlines()
    for row in ROWS[1:]:
        assert " | ".join(cell for cell in row if cell) in lines
    assert "The union traded more in May." in lines
    assert "The figures are provisional." in lines


@pytest.mark.parametrize(("label", "count"), [
    ("Spending on item number {n} and services", 9), ("Food {n}", 24)])
def test_a_table_filling_pages_is_read_row_by_row_not_as_columns_of_text(
        label: str, count: int, tmp_path: Path) -> None:
    rows = [("Item", "Last year", "This year", "Percent change")]
    rows += [(label.format(n=n), f"{n},1{n}0", f"{n},2{n}5", f"{n}.5") for n in range(1, count + 1)]
    cells = ", ".join(f"[{cell}]" for row in rows for cell in row)
    source = ("#set page(width: 9cm, height: 9cm, margin: 1cm)\n#set text(size: 8pt)\n"
              "Households spent more this year.\n\n"
              f"#table(columns: 4, {cells})\n\nThe figures are provisional.\n")
    pdf = typst.compile(source.encode(), format="pdf")
    assert isinstance(pdf, bytes)
    path = tmp_path / "spending.pdf"
    path.write_bytes(pdf)
    text = read_document(path).text
    blocks = text.split("\n\n")
    table = next(block for block in blocks if block.startswith("Item |"))
    for n in range(1, count + 1):
        assert f"{label.format(n=n)} | {n},1{n}0 | {n},2{n}5 | {n}.5" in table.splitlines(), text


def _infobox_pdf(tmp_path: Path, width: str) -> Path:
    rows = [("", "Pacific Aero Products Co. (1916–1917)"),
            ("Founded", "July 15, 1916 in Seattle"), ("Founder", "William E. Boeing"),
            ("Employees", "153,027 (2018)")]
    cells = ", ".join(f"[{cell}]" for row in rows for cell in row)
    source = (f"#set page(width: {width}, height: 12cm, margin: 1cm)\n#set text(size: 8pt)\n"
              "The Boeing Company\n\n"
              f"#table(columns: 2, stroke: none, {cells})\n\nBoeing builds aircraft.\n")
    pdf = typst.compile(source.encode(), format="pdf")
    assert isinstance(pdf, bytes)
    path = tmp_path / "boeing.pdf"
    path.write_bytes(pdf)
    return path


@pytest.mark.parametrize("width", ["14cm", "7cm"])
def test_a_first_row_with_a_blank_label_stays_a_row_with_its_range_whole(
        width: str, tmp_path: Path) -> None:
    lines = read_document(_infobox_pdf(tmp_path, width)).text.splitlines()
    assert "| Pacific Aero Products Co. (1916–1917)" in lines
    assert "Founded | July 15, 1916 in Seattle" in lines


@pytest.mark.parametrize("width", ["14cm", "7cm"])
def test_a_title_row_with_a_blank_value_keeps_the_table_below_it_a_table(
        width: str, tmp_path: Path) -> None:
    running = "The heat came early and stayed late in every town of the valley. " * 6
    source = (f"#set page(width: {width}, height: 20cm, margin: 1cm)\n#set text(size: 8pt)\n"
              f"#set par(spacing: 1.5em)\nThe Kessel Heat Wave\n\n{running}\n\n"
              "#table(columns: 2, stroke: none, [Kessel heat wave], [], [Dates], "
              f"[July to August 2003])\n\n{running}\n\n{running}It was the hottest summer.\n")
    pdf = typst.compile(source.encode(), format="pdf")
    assert isinstance(pdf, bytes)
    (tmp_path / "heat.pdf").write_bytes(pdf)
    lines = [line.rstrip() for line in read_document(tmp_path / "heat.pdf").text.splitlines()]
    assert "Kessel heat wave |" in lines
    assert "Dates | July to August 2003" in lines
    assert lines[-1].endswith("It was the hottest summer.")


def test_a_section_row_with_a_blank_value_does_not_split_the_table(tmp_path: Path) -> None:
    running = "The heat came early and stayed late in every town of the valley. " * 6
    rows = ("[Dates], [July to August 2003], [Deaths], [70,000], [Impact], [], "
            "[Crops], [Wheat and maize], [Losses], [13 billion euros]")
    source = ("#set page(width: 14cm, height: 20cm, margin: 1cm)\n#set text(size: 8pt)\n"
              f"#set par(spacing: 1.5em)\nThe Kessel Heat Wave\n\n{running}\n\n"
              f"#table(columns: 2, stroke: none, {rows})\n\n{running}\n")
    pdf = typst.compile(source.encode(), format="pdf")
    assert isinstance(pdf, bytes)
    (tmp_path / "heat.pdf").write_bytes(pdf)
    blocks = read_document(tmp_path / "heat.pdf").text.split("\n\n")
    table = next(block for block in blocks if block.startswith("Dates |"))
    assert [line.rstrip() for line in table.splitlines()] == [
        "Dates | July to August 2003", "Deaths | 70,000", "Impact |", "Crops | Wheat and maize",
        "Losses | 13 billion euros"]


BATTLE_ROWS = [
    ("Date", "3 May 1702", ""),
    ("Place", "Off the cape of the valley, in sight of the town", ""),
    ("Sides", "The Northern League", "The Southern Crown and its three allied duchies"),
    ("Leaders and admirals", "Admiral Wendelin Ostrova of the Northern League fleet",
     "Admiral Jean-Baptiste Moreau-Lefèvre, captain of the flagship"),
    ("Strength", "27 ships (19 ships of the line and eight frigates)",
     "35 ships (Crown: 22 ships of the line and six frigates, duchies: seven sloops)"),
    ("Losses", "312 dead, 880 wounded", "11 ships taken, 1,940 dead, 2,005 wounded"),
]


def test_a_three_column_infobox_whose_cells_wrap_is_read_as_rows_not_as_columns_of_text(
        tmp_path: Path) -> None:
    """Its wrapped last column used to read as a second column of running text, set after the
    rest of the page: 'Sides | The Northern League', then the Crown's cells far below."""
    cells = ", ".join(f"[{cell}]" for row in BATTLE_ROWS for cell in row)
    source = ("#set page(paper: \"a6\")\n#set text(size: 8pt)\n#set par(justify: true)\n"
              f"#table(columns: (1fr, 1.3fr, 1.3fr), {cells})\n\n"
              "The battle ended the war at sea. Both fleets went home for the winter.\n")
    pdf = typst.compile(source.encode(), format="pdf")
    assert isinstance(pdf, bytes)
    path = tmp_path / "battle.pdf"
    path.write_bytes(pdf)
    lines = read_document(path).text.splitlines()
    for row in BATTLE_ROWS[2:]:
        assert " | ".join(row) in lines
    assert "The battle ended the war at sea. Both fleets went home for the winter." in lines
