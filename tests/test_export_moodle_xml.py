"""Moodle XML export, read back by Moodle's own importer (question/format/xml/format.php run
under php-cli by ../shared/consumers/moodle/check) and compared with the deck field by field."""

from __future__ import annotations

import base64
import hashlib
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path

from quizgen.formats import render_decks
from quizgen.loading import load_deck

from .conftest import SHIPPED_DECKS
from .export_samples import BEFORE_CHRIST_DECK, PIXEL_PNG, every_type_deck
from .moodle_compare import compare, moodle_read


def _export(tmp_path: Path, decks: list[Path]) -> Path:
    loaded = [load_deck(path) for path in decks]
    target = tmp_path / "out.moodle.xml"
    target.write_text(render_decks(loaded, "moodle-xml").text, encoding="utf-8")
    return target


def test_every_type_with_markup_and_pictures_reads_back_unchanged(tmp_path: Path) -> None:
    loaded = every_type_deck(tmp_path)
    rendered = render_decks([loaded], "moodle-xml")
    assert rendered.warnings == []
    target = tmp_path / "out.xml"
    target.write_text(rendered.text, encoding="utf-8")
    report = moodle_read("xml", target)
    assert report["ok"], report["errors"]
    result = compare("xml", loaded.deck.questions, report)
    assert result.mismatches == []
    assert result.questions == len(loaded.deck.questions) == 15
    assert result.compared > 150
    assert report["counts"] == {"category": 1, "shortanswer": 4, "numerical": 2,
                                "multichoice": 2, "truefalse": 2, "multianswer": 3, "match": 2}


def test_shipped_deck_reads_back_unchanged(tmp_path: Path) -> None:
    deck_path = SHIPPED_DECKS / "putin-kim-2024.yaml"
    report = moodle_read("xml", _export(tmp_path, [deck_path]))
    assert report["ok"], report["errors"]
    questions = load_deck(deck_path).deck.questions
    result = compare("xml", questions, report)
    assert result.mismatches == []
    assert result.questions == len(questions)


def test_category_names_the_deck_and_carries_its_id(tmp_path: Path) -> None:
    every_type_deck(tmp_path)
    report = moodle_read("xml", _export(tmp_path, [tmp_path / "every-type.yaml"]))
    category = report["questions"][0]
    assert category["qtype"] == "category"
    # Moodle reads '//' as a slash inside one category name.
    assert category["category"] == (
        "$course$/top/Every type &lt;i&gt;&amp;&lt;//i&gt; {markup} // slash")
    assert category["idnumber"] == "every-type"
    assert category["info"] == (
        "A deck for export tests: &lt;b&gt;not bold&lt;/b&gt; &amp; {{not a gap}}")


def test_pictures_travel_inside_the_file(tmp_path: Path) -> None:
    every_type_deck(tmp_path)
    target = _export(tmp_path, [tmp_path / "every-type.yaml"])
    report = moodle_read("xml", target)
    name = hashlib.sha256(PIXEL_PNG).hexdigest()[:20] + ".png"
    assert [(f["filename"], f["bytes"]) for f in report["files"]] == [(name, len(PIXEL_PNG))] * 3
    embedded = ElementTree.parse(target).getroot().findall(".//questiontext/file")
    assert [base64.b64decode(node.text or "") for node in embedded] == [PIXEL_PNG] * 3
    assert {node.get("encoding") for node in embedded} == {"base64"}


def test_markup_never_becomes_markup(tmp_path: Path) -> None:
    """Parsed as XML, every text is the deck's text HTML-escaped: no element sneaks in."""
    every_type_deck(tmp_path)
    root = ElementTree.parse(_export(tmp_path, [tmp_path / "every-type.yaml"])).getroot()
    tags = {node.tag for node in root.iter()}
    assert not tags & {"b", "i", "script", "u", "br", "img"}
    texts = " ".join(node.text or "" for node in root.iter("text"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in texts
    assert "<script>" not in texts.replace("<script>x</script>", "")


def test_too_many_right_choices_for_moodles_grades_is_skipped_with_a_warning(
    write_deck: Callable[..., Path],
) -> None:
    choices = [f"c{n}" for n in range(12)]
    path = write_deck(f"""\
        id: grades
        title: Grades
        questions:
          - {{id: many, type: choice, prompt: p, choices: {choices}, answer: {choices[:11]}}}
          - {{id: fine, type: truefalse, prompt: q, answer: true}}
        """)
    rendered = render_decks([load_deck(path)], "moodle-xml")
    assert rendered.questions == 1
    assert len(rendered.warnings) == 1
    assert "questions[0] (many)" in rendered.warnings[0]
    assert "9.09091%" in rendered.warnings[0]
    assert "<name><text>fine</text></name>" in rendered.text
    assert "many" not in rendered.text.split("-->", 1)[1]


def test_several_decks_give_one_category_each(tmp_path: Path,
                                              write_deck: Callable[..., Path]) -> None:
    second = write_deck("""\
        id: second
        title: Second deck
        questions:
          - {id: q, type: short, prompt: Who?, answer: Me}
        """, "second.yaml")
    every_type_deck(tmp_path)
    report = moodle_read("xml", _export(tmp_path, [tmp_path / "every-type.yaml", second]))
    assert report["ok"], report["errors"]
    categories = [q["category"] for q in report["questions"] if q["qtype"] == "category"]
    assert categories[1] == "$course$/top/Second deck"
    assert report["questions"][-1]["idnumber"] == "q"


def test_control_characters_cannot_break_the_xml(write_deck: Callable[..., Path],
                                                 tmp_path: Path) -> None:
    path = write_deck('id: ctl\ntitle: Ctl\nquestions:\n'
                      '  - {id: q, type: short, prompt: "bell \\a here", answer: "x\\x1b"}\n')
    target = tmp_path / "ctl.xml"
    target.write_text(render_decks([load_deck(path)], "moodle-xml").text, encoding="utf-8")
    report = moodle_read("xml", target)
    assert report["ok"], report["errors"]
    assert report["questions"][1]["questiontext"] == "bell \ufffd here"


def test_dates_before_christ_are_accepted_in_both_spellings(
    write_deck: Callable[..., Path], tmp_path: Path
) -> None:
    loaded = load_deck(write_deck(BEFORE_CHRIST_DECK))
    for kind, format_name in (("xml", "moodle-xml"), ("gift", "gift")):
        target = tmp_path / f"bc.{kind}"
        target.write_text(render_decks([loaded], format_name).text, encoding="utf-8")
        report = moodle_read(kind, target)
        result = compare(kind, loaded.deck.questions, report)
        assert result.mismatches == []
        answers = [[a["text"] for a in q["answers"]] for q in report["questions"][1:]]
        assert answers == [["44 BC", "-44"],
                           ["15 March 44 BC", "March 15, 44 BC", "-0044-03-15"]]
