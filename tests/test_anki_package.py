"""Packages checked by their real consumer: the `anki` engine imports them and renders cards."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from quizgen import load_deck, load_decks
from quizgen.anki.building import BuildOptions, build_package, build_packages
from quizgen.anki.identity import note_guid

from .conftest import SHIPPED_DECKS, import_package

# A one-pixel PNG, written by the tests as the deck's picture.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d8b7a90000000049454e44ae426082"
)

EVERY_TYPE = """\
id: every-type
title: Every type
anki_deck: Tests::Every type
source:
  title: A test source
  author: Ann Author
  publication: The Test Times
  url: https://example.org/a?b=1&c=2
questions:
  - id: short
    type: short
    prompt: What is 1 < 2 & "true"?
    answer: <b>yes</b>
    alternatives: [ja]
    explanation: Escaped, not bold.
    source: {paragraph: 3, locator: second line}
    image: pics/dot.png
  - id: numeric
    type: numeric
    prompt: How many containers?
    answer: 7000
    unit: containers
    subdeck: Figures
  - id: date
    type: date
    prompt: When did it start?
    answer: "2000-03"
    subdeck: Dates
  - id: choice
    type: choice
    prompt: Which year?
    choices: ["1994", "1996", "1998"]
    answer: "1996"
  - id: truefalse
    type: truefalse
    prompt: "{{c1::not a cloze}} stays literal"
    answer: false
  - id: cloze
    type: cloze
    text: Russia wrote off {{90 per cent}} of a debt of {{$11 billion::amount}} <script>x</script>.
  - id: order
    type: order
    prompt: Put these in order
    items: ["1961", "1996", "2014"]
  - id: match
    type: match
    prompt: Match people and roles
    pairs:
      - {left: Kim Jong Il, right: leader in 2000}
      - {left: Kim Jong Un, right: leader since 2011}
"""


def visible(html: str) -> str:
    """Rendered card HTML → the text a learner sees (styles, tags and spacing removed)."""
    html = re.sub(r"<(style|script)>.*?</\1>", "", html, flags=re.S)
    html = re.sub(r"<[^>]* hidden>.*?</div>", "", html, flags=re.S)
    html = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r" ([,.])", r"\1", " ".join(unescape(html).split()))


@pytest.fixture
def every_type_deck(write_deck: Callable[..., Path], tmp_path: Path) -> Path:
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "dot.png").write_bytes(PNG)
    return write_deck(EVERY_TYPE)


def build(deck_file: Path, target: Path, **options: Any) -> Path:
    build_package(load_deck(deck_file), target, BuildOptions(**options))
    return target


def cards_by_note(col: Any) -> dict[str, list[Any]]:
    """Cards keyed by the question id (found through the note GUID)."""
    guid_to_question = {
        note_guid("every-type", q): q
        for q in ("short", "numeric", "date", "choice", "truefalse", "cloze", "order", "match")
    }
    result: dict[str, list[Any]] = {}
    for card_id in sorted(col.find_cards("")):
        card = col.get_card(card_id)
        question = guid_to_question[card.note().guid]
        result.setdefault(question, []).append(card)
    return {
        question: sorted(found, key=lambda card: card.ord) for question, found in result.items()
    }


def test_import_counts_decks_and_note_types(
    every_type_deck: Path, tmp_path: Path, collection: Any
) -> None:
    package = build(every_type_deck, tmp_path / "out.apkg")
    log = import_package(collection, package)
    assert len(log.new) == 8
    assert collection.note_count() == 8
    assert collection.card_count() == 9  # the cloze has two gaps, so two cards
    assert sorted(
        name
        for name in (d.name for d in collection.decks.all_names_and_ids())
        if name.startswith("Tests")
    ) == ["Tests", "Tests::Every type", "Tests::Every type::Dates", "Tests::Every type::Figures"]
    assert sorted(
        m.name for m in collection.models.all_names_and_ids() if m.name.startswith("quizgen")
    ) == [
        "quizgen Choice (v1)",
        "quizgen Cloze (v1)",
        "quizgen Match (v1)",
        "quizgen Order (v1)",
        "quizgen Q&A (v1)",
    ]


def test_rendered_cards_for_every_note_type(
    every_type_deck: Path, tmp_path: Path, collection: Any
) -> None:
    import_package(collection, build(every_type_deck, tmp_path / "out.apkg"))
    cards = cards_by_note(collection)

    short = cards["short"][0]
    assert visible(short.question()) == 'Short answer What is 1 < 2 & "true"?'
    assert "What is 1 &lt; 2 &amp; &quot;true&quot;?" in short.question()
    assert "&lt;b&gt;yes&lt;/b&gt;" in short.answer()
    assert visible(short.answer()).endswith(
        "<b>yes</b> Also accepted: ja Escaped, not bold. Ann Author, “A test source”, "
        "The Test Times · ¶3, second line"
    )
    assert '<a href="https://example.org/a?b=1&amp;c=2">' in short.answer()
    assert re.search(r'<img src="quizgen-[0-9a-f]{20}\.png"', short.question())

    numeric = cards["numeric"][0]
    assert visible(numeric.answer()).endswith(
        "How many containers? 7,000 containers Ann Author, “A test source”, The Test Times"
    )
    assert collection.decks.name(numeric.did) == "Tests::Every type::Figures"

    date = cards["date"][0]
    assert "Give the month and year" in visible(date.question())
    assert "March 2000 Also accepted: 2000-03" in visible(date.answer())

    choice = cards["choice"][0]
    front = visible(choice.question())
    assert front.startswith("Choose one Which year?")
    assert sorted(front.removeprefix("Choose one Which year?").split()) == ["1994", "1996", "1998"]
    assert re.search(r'<li data-qz-id="\d" class="qz-correct">1996</li>', choice.answer())
    assert re.search(r"[ABC]\. 1996", visible(choice.answer()))

    truefalse = cards["truefalse"][0]
    assert "{{c1::not a cloze}} stays literal" in visible(truefalse.question())
    assert visible(truefalse.answer()).endswith("False Ann Author, “A test source”, The Test Times")

    first_gap, second_gap = cards["cloze"]
    assert "Russia wrote off [...] of a debt of $11 billion" in visible(first_gap.question())
    assert "[amount]" in visible(second_gap.question())
    assert "<script>" not in first_gap.question() and "&lt;script&gt;" in first_gap.question()
    assert "90 per cent" in visible(first_gap.answer())

    order = cards["order"][0]
    assert visible(order.question()).startswith("Put in order: write the letters Put these")
    answer_list = re.search(r'<ol class="qz-solution">(.*?)</ol>', order.answer())
    assert answer_list
    assert re.fullmatch(r"[ABC] 1961 [ABC] 1996 [ABC] 2014", visible(answer_list[1]))

    match = cards["match"][0]
    assert "Match each number with a letter" in visible(match.question())
    assert re.search(r"1\. Kim Jong Il → [AB]\. leader in 2000", visible(match.answer()))


def test_night_mode_css_uses_variables(
    every_type_deck: Path, tmp_path: Path, collection: Any
) -> None:
    import_package(collection, build(every_type_deck, tmp_path / "out.apkg"))
    css = collection.models.by_name("quizgen Q&A (v1)")["css"]
    assert ".nightMode" in css
    night_rules = css.split(".card.nightMode")[1].split("}")[0]
    assert "--qz-text" in night_rules and "--qz-right" in night_rules
    # No colour is written outside the variable definitions: every use goes through a variable.
    after_definitions = css.split("}", 2)[2]
    assert not re.search(r"color:\s*#", after_definitions)


def test_type_answer_variant(every_type_deck: Path, tmp_path: Path, collection: Any) -> None:
    import_package(collection, build(every_type_deck, tmp_path / "out.apkg", type_answer=True))
    cards = cards_by_note(collection)
    # The engine leaves this marker; Anki's reviewer turns it into the answer box.
    assert "[[type:Answer]]" in cards["numeric"][0].question()
    assert cards["numeric"][0].note_type()["name"] == "quizgen Q&A, type the answer (v1)"
    assert cards["truefalse"][0].note_type()["name"] == "quizgen Q&A, type the answer (v1)"


def test_rebuilds_are_byte_identical(
    every_type_deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1718755200")  # the clock of the first stamps
    first = build(every_type_deck, tmp_path / "first.apkg")
    every_type_deck.touch()  # a newer file with the same content changes nothing
    monkeypatch.delenv("SOURCE_DATE_EPOCH")  # nor does the clock: unchanged notes keep their time
    again = build(every_type_deck, tmp_path / "again.apkg")
    assert first.read_bytes() == again.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2024, 6, 19, 0, 0, 0)}
        assert archive.namelist() == ["collection.anki2", "media", "0"]
        assert archive.read("0") == PNG


def test_media_named_by_content(every_type_deck: Path, tmp_path: Path) -> None:
    package = build(every_type_deck, tmp_path / "out.apkg")
    with zipfile.ZipFile(package) as archive:
        manifest = archive.read("media").decode()
    digest = hashlib.sha256(PNG).hexdigest()[:20]
    assert manifest == f'{{"0": "quizgen-{digest}.png"}}'


def test_reimport_after_edit_updates_in_place_and_keeps_reviews(
    write_deck: Callable[..., Path],
    tmp_path: Path,
    collection: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = """\
        id: edits
        title: Edits
        questions:
          - {id: gap, type: numeric, prompt: How many years between visitz?, answer: 24}
          - {id: other, type: truefalse, prompt: Untouched, answer: true}
        """
    deck_file = write_deck(original)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1718755200")
    import_package(collection, build(deck_file, tmp_path / "v1.apkg"))

    card = collection.get_card(collection.find_cards("Prompt:*visitz*")[0])
    card.start_timer()
    collection.sched.answerCard(card, 3)
    card.load()
    reviewed = (card.id, card.reps, card.type, card.ivl, card.due)
    assert card.reps == 1

    write_deck(original.replace("visitz?, answer: 24", "visits?, answer: 25"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1718755300")  # the clock when the edit is built
    log = import_package(collection, build(deck_file, tmp_path / "v2.apkg"))

    assert len(log.updated) == 1 and len(log.new) == 0  # only the edited note is newer
    assert collection.note_count() == 2
    note = collection.get_note(collection.find_notes("")[0])
    edited = [collection.get_note(n) for n in collection.find_notes("Prompt:*visits?*")]
    assert len(edited) == 1 and edited[0]["Answer"] == "25"
    assert note.guid in {note_guid("edits", "gap"), note_guid("edits", "other")}
    card.load()
    assert (card.id, card.reps, card.type, card.ivl, card.due) == reviewed
    assert collection.find_notes("Prompt:*visitz*") == []


def test_older_package_does_not_overwrite_newer_notes(
    write_deck: Callable[..., Path],
    tmp_path: Path,
    collection: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    deck_file = write_deck(
        "id: old\ntitle: Old\nquestions:\n  - {id: a, type: short, prompt: p, answer: old text}\n"
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1718755200")
    old_package = build(deck_file, tmp_path / "old.apkg")
    write_deck(
        "id: old\ntitle: Old\nquestions:\n  - {id: a, type: short, prompt: p, answer: new text}\n"
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1718755300")
    import_package(collection, build(deck_file, tmp_path / "new.apkg"))
    log = import_package(collection, old_package)  # an old download imported last
    assert len(log.updated) == 0
    assert collection.get_note(collection.find_notes("")[0])["Answer"] == "new text"


def test_two_decks_never_share_notes(
    write_deck: Callable[..., Path], tmp_path: Path, collection: Any
) -> None:
    for deck_id in ("first", "second"):
        write_deck(
            f"id: {deck_id}\ntitle: {deck_id}\nquestions:\n"
            "  - {id: same-id, type: truefalse, prompt: Same text, answer: true}\n",
            f"{deck_id}.yaml",
        )
    for built in build_packages(load_decks([tmp_path]), tmp_path / "build"):
        import_package(collection, built.path)
    assert collection.note_count() == 2


def test_shipped_decks_import_into_anki(tmp_path: Path, collection: Any) -> None:
    built = list(
        build_packages(load_decks([SHIPPED_DECKS]), tmp_path / "build", write_lock_file=False)
    )
    assert [b.path.name for b in built] == ["putin-kim-2024.apkg"]
    import_package(collection, built[0].path)
    assert collection.note_count() == built[0].notes >= 45
    assert collection.card_count() == built[0].cards
    for card_id in collection.find_cards(""):
        card = collection.get_card(card_id)
        assert "Howell" in card.answer()  # every back cites the source
        assert visible(card.question())


def test_sort_field_is_plain_text(every_type_deck: Path, tmp_path: Path, collection: Any) -> None:
    """genanki would store the escaped HTML as the sort field; Anki sorts the browser by it."""
    import sqlite3

    package = build(every_type_deck, tmp_path / "out.apkg")
    with zipfile.ZipFile(package) as archive:
        (tmp_path / "inside.anki2").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "inside.anki2") as db:
        written = {guid: sfld for guid, sfld in db.execute("SELECT guid, sfld FROM notes")}
    short_guid = note_guid("every-type", "short")
    cloze_guid = note_guid("every-type", "cloze")
    assert written[short_guid] == 'What is 1 < 2 & "true"?'
    assert written[cloze_guid].startswith("Russia wrote off […] of a debt of […]")

    import_package(collection, package)
    stored = dict(collection.db.all("SELECT guid, sfld FROM notes"))
    assert stored[short_guid] == 'What is 1 < 2 & "true"?'


def test_same_file_names_in_different_folders_do_not_collide(
    write_deck: Callable[..., Path], tmp_path: Path, collection: Any
) -> None:
    for folder, content in (("east", PNG), ("west", PNG + b"another picture")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "map.png").write_bytes(content)
    deck_file = write_deck("""\
        id: maps
        title: Maps
        questions:
          - {id: east, type: truefalse, prompt: East?, answer: true, image: east/map.png}
          - {id: west, type: truefalse, prompt: West?, answer: true, image: west/map.png}
          - {id: again, type: truefalse, prompt: East again?, answer: true, image: east/map.png}
        """)
    package = build(deck_file, tmp_path / "maps.apkg")
    with zipfile.ZipFile(package) as archive:
        names = sorted(json.loads(archive.read("media")).values())
    assert len(names) == 2 and names[0] != names[1]  # two pictures, the repeated one stored once
    import_package(collection, package)
    media_folder = Path(collection.media.dir())
    assert sorted(p.name for p in media_folder.iterdir()) == names
