"""A deck over its life in the real Anki engine: edits, pictures, upgrades, the lock file.

Every scenario builds packages, imports them into a fresh collection the way Anki's
File → Import does, acts as the learner in between, and checks what Anki then holds.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quizgen import load_deck
from quizgen.anki import notetypes
from quizgen.anki.building import BuildOptions, build_package
from quizgen.anki.identity import note_guid
from quizgen.anki.lockfile import format_lock, lock_path_for, read_lock
from quizgen.cli import app

from .conftest import SHIPPED_DECKS, import_package
from .test_anki_package import PNG

SHIPPED = SHIPPED_DECKS / "putin-kim-2024.yaml"
EDITED_FROM = "How many years separated Putin's two visits to North Korea?"
EDITED_TO = "How many years lay between Putin's two visits to North Korea?"

SMALL = """\
id: life
title: A deck's life
description: Questions for <testing> & more.
anki_deck: Tests::Life
questions:
  - {id: first, type: short, prompt: First question?, answer: one}
  - {id: second, type: truefalse, prompt: Second question, answer: true}
  - id: third
    type: cloze
    text: The {{third}} gap and the {{fourth::number}} gap.
  - {id: fourth, type: choice, prompt: Fourth?, choices: [a, b, c], answer: b}
  - {id: fifth, type: numeric, prompt: How many?, answer: 5, image: pics/dot.png}
"""


def build(deck_file: Path, target: Path, **options: Any) -> Path:
    build_package(load_deck(deck_file), target, BuildOptions(**options))
    return target


def note_of(col: Any, deck_id: str, question_id: str) -> Any:
    note_id = col.db.scalar("SELECT id FROM notes WHERE guid = ?", note_guid(deck_id, question_id))
    return col.get_note(note_id)


@pytest.fixture
def small_deck(write_deck: Callable[..., Path], tmp_path: Path) -> Path:
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "dot.png").write_bytes(PNG)
    return write_deck(SMALL)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    """Set the build clock (SOURCE_DATE_EPOCH) to now + `offset` seconds."""
    start = int(time.time())

    def set_clock(offset: int) -> None:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(start + offset))

    return set_clock


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    """The shipped deck and its committed lock file, as a clone of the repository has them."""
    folder = tmp_path / "repo"
    folder.mkdir()
    shutil.copy2(SHIPPED, folder / SHIPPED.name)
    shutil.copy2(lock_path_for(SHIPPED), folder / lock_path_for(SHIPPED).name)
    return folder / SHIPPED.name


def test_learner_changes_survive_a_one_question_edit_of_the_shipped_deck(
    shipped_copy: Path, tmp_path: Path, collection: Any, clock: Callable[[int], None]
) -> None:
    """Issue 11's scenario: before, every note (68, 57 after the audit) was updated and lost
    the learner's tags and edits."""
    first = import_package(collection, build(shipped_copy, tmp_path / "v1.apkg"))
    note_ids = sorted(collection.find_notes(""))
    assert len(first.new) == len(note_ids) == len(load_deck(shipped_copy).deck.questions) > 50
    for index, note_id in enumerate(note_ids):  # the learner tags every note...
        note = collection.get_note(note_id)
        note.tags += ["marked"] + (["my::hard"] if index % 2 else [])
        collection.update_note(note)
    mine = note_of(collection, "putin-kim-2024", "treaty-1961-exit")  # ...and edits one
    mine["Explanation"] += " My own note."
    collection.update_note(mine)

    text = shipped_copy.read_text(encoding="utf-8")
    shipped_copy.write_text(text.replace(EDITED_FROM, EDITED_TO), encoding="utf-8")
    clock(3600)  # the author's fix comes an hour after the learner's changes
    second = import_package(collection, build(shipped_copy, tmp_path / "v2.apkg"))

    assert len(second.updated) == 1 and len(second.new) == 0
    edited = note_of(collection, "putin-kim-2024", "visit-gap")
    assert "lay between" in edited["Prompt"]
    untouched = [collection.get_note(n) for n in note_ids if n != edited.id]
    assert all("marked" in note.tags for note in untouched)
    hard = set(note_ids[1::2])
    assert all(("my::hard" in note.tags) == (note.id in hard) for note in untouched)
    assert note_of(collection, "putin-kim-2024", "treaty-1961-exit")["Explanation"].endswith(
        " My own note."
    )


def test_an_edit_made_after_the_learner_s_own_edit_wins_on_that_note(
    small_deck: Path, tmp_path: Path, collection: Any, clock: Callable[[int], None]
) -> None:
    clock(-3600)
    import_package(collection, build(small_deck, tmp_path / "v1.apkg"))
    note = note_of(collection, "life", "first")
    note["Prompt"] = "My wording"
    collection.update_note(note)
    small_deck.write_text(SMALL.replace("First question?", "First question (fixed)?"))
    clock(3600)
    log = import_package(collection, build(small_deck, tmp_path / "v2.apkg"))
    assert len(log.updated) == 1
    assert note_of(collection, "life", "first")["Prompt"] == "First question (fixed)?"


def test_a_replaced_picture_reaches_anki_with_the_yaml_untouched(
    small_deck: Path, tmp_path: Path, collection: Any, clock: Callable[[int], None]
) -> None:
    clock(-3600)
    import_package(collection, build(small_deck, tmp_path / "v1.apkg"))
    yaml_before = small_deck.read_bytes()
    new_picture = PNG + b"a different picture"
    (tmp_path / "pics" / "dot.png").write_bytes(new_picture)
    clock(0)
    log = import_package(collection, build(small_deck, tmp_path / "v2.apkg"))
    assert small_deck.read_bytes() == yaml_before
    assert len(log.updated) == 1
    note = note_of(collection, "life", "fifth")
    (name,) = re.findall(r'src="([^"]+)"', note["Image"])
    assert (Path(collection.media.dir()) / name).read_bytes() == new_picture


@pytest.fixture
def upgraded_css(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], None]]:
    """Simulate a quizgen upgrade that changes the cards' CSS."""
    original = notetypes._css()

    def upgrade() -> None:
        monkeypatch.setattr(notetypes, "_css", lambda: original + "\n.qz-upgraded { color: red }")
        notetypes._model.cache_clear()

    yield upgrade
    notetypes._model.cache_clear()


def test_a_quizgen_upgrade_reaches_anki_without_touching_notes(
    small_deck: Path,
    tmp_path: Path,
    collection: Any,
    clock: Callable[[int], None],
    upgraded_css: Callable[[], None],
) -> None:
    clock(-3600)
    import_package(collection, build(small_deck, tmp_path / "v1.apkg"))
    before = read_lock(lock_path_for(small_deck), "life")
    note = note_of(collection, "life", "second")
    note.tags.append("marked")
    collection.update_note(note)
    upgraded_css()
    clock(0)
    log = import_package(collection, build(small_deck, tmp_path / "v2.apkg"))
    assert len(log.updated) == 0  # the notes did not change, only their note types
    for card_id in collection.find_cards(""):
        assert ".qz-upgraded" in collection.get_card(card_id).question(reload=True)
    assert "marked" in note_of(collection, "life", "second").tags
    after = read_lock(lock_path_for(small_deck), "life")
    assert before is not None and after is not None
    assert after.notes == before.notes
    assert all(
        after.note_types[key].modified > before.note_types[key].modified
        for key in before.note_types
    )


def test_new_cards_are_due_in_yaml_order_and_the_description_arrives(
    small_deck: Path, tmp_path: Path, collection: Any
) -> None:
    import_package(collection, build(small_deck, tmp_path / "v1.apkg"))
    order = ["first", "second", "third", "fourth", "fifth"]
    due = {
        question: sorted(card.due for card in note_of(collection, "life", question).cards())
        for question in order
    }
    assert due == {"first": [1], "second": [2], "third": [3, 3], "fourth": [4], "fifth": [5]}
    collection.decks.select(collection.decks.id_for_name("Tests::Life"))
    studied = collection.sched.getCard()  # the first card Anki shows is the first question
    assert studied.note().guid == note_guid("life", "first")
    deck = collection.decks.by_name("Tests::Life")
    assert deck["desc"] == "Questions for &lt;testing&gt; &amp; more."


def test_same_yaml_and_lock_give_the_same_bytes_and_the_lock_is_canonical(
    small_deck: Path, tmp_path: Path, clock: Callable[[int], None]
) -> None:
    clock(-3600)
    first = build(small_deck, tmp_path / "a.apkg").read_bytes()
    lock_file = lock_path_for(small_deck)
    lock_text = lock_file.read_text()
    clock(0)
    assert build(small_deck, tmp_path / "b.apkg").read_bytes() == first
    assert lock_file.read_text() == lock_text
    build(small_deck, tmp_path / "typed.apkg", type_answer=True)  # the other variant...
    assert lock_file.read_text() == lock_text  # ...is stamped in the same lock
    lock = read_lock(lock_file, "life")
    assert lock is not None and format_lock(lock, small_deck.name) == lock_text
    entries = [line.split()[1] for line in lock_text.splitlines() if line.startswith("note ")]
    assert entries == sorted(["first", "second", "third", "fourth", "fifth"])
    assert "typed fifth " in lock_text  # the typed numeric card differs from the plain one
    assert "typed second " in lock_text  # so does true/false, which is typed too


def test_without_the_lock_every_note_is_stamped_anew(
    small_deck: Path, tmp_path: Path, collection: Any, clock: Callable[[int], None]
) -> None:
    """A fresh clone without the lock: the next import updates every note once (documented)."""
    clock(-3600)
    import_package(collection, build(small_deck, tmp_path / "v1.apkg"))
    lock_path_for(small_deck).unlink()
    clock(0)
    log = import_package(collection, build(small_deck, tmp_path / "v2.apkg"))
    assert len(log.updated) == 5
    assert lock_path_for(small_deck).exists()


def test_a_hand_edited_hash_restamps_only_that_note(
    small_deck: Path, tmp_path: Path, collection: Any, clock: Callable[[int], None]
) -> None:
    clock(-3600)
    import_package(collection, build(small_deck, tmp_path / "v1.apkg"))
    lock_file = lock_path_for(small_deck)
    lines = lock_file.read_text().splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("note second "))
    kind, key, _, when = lines[index].split()
    lines[index] = f"{kind} {key} {'0' * 16} {when}"
    lock_file.write_text("\n".join(lines) + "\n")
    clock(0)
    log = import_package(collection, build(small_deck, tmp_path / "v2.apkg"))
    assert len(log.updated) == 1


def test_removed_and_renamed_are_remembered(
    small_deck: Path, tmp_path: Path, clock: Callable[[int], None]
) -> None:
    clock(-3600)
    build(small_deck, tmp_path / "v1.apkg")
    without = SMALL.replace("  - {id: first, type: short, prompt: First question?, answer: one}\n",
                            "").replace("Tests::Life", "Tests::Renamed")
    small_deck.write_text(without)
    clock(0)
    build(small_deck, tmp_path / "v2.apkg")
    lock = read_lock(lock_path_for(small_deck), "life")
    assert lock is not None
    assert "first" not in lock.notes and lock.removed["first"] >= int(time.time()) - 5
    assert (lock.anki_deck, lock.former_anki_decks) == ("Tests::Renamed", ("Tests::Life",))
    small_deck.write_text(SMALL)  # the question comes back, the old name too
    clock(-7200)  # even with a clock set back, the returning note is newer than its removal
    build(small_deck, tmp_path / "v3.apkg")
    lock = read_lock(lock_path_for(small_deck), "life")
    assert lock is not None and not lock.removed
    assert lock.former_anki_decks == ("Tests::Renamed",)  # cards may still be there
    assert lock.notes["first"].modified > int(time.time()) - 5


BROKEN_LOCKS = {
    "unknown line": ("lock 1\ndeck life\nanki-deck X\nnotes first 0123456789abcdef "
                     "2024-06-19T00:00:00Z\n", ":4: unknown line 'notes'"),
    "bad hash": ("lock 1\ndeck life\nanki-deck X\nnote first xyz 2024-06-19T00:00:00Z\n",
                 ":4: 'xyz' is not a 16-digit hex hash"),
    "bad time": ("lock 1\ndeck life\nanki-deck X\nnote first 0123456789abcdef yesterday\n",
                 ":4: 'yesterday' is not a UTC time"),
    "twice": ("lock 1\ndeck life\nanki-deck X\nnote first 0123456789abcdef 2024-06-19T00:00:00Z"
              "\nnote first 0123456789abcdef 2024-06-19T00:00:00Z\n", ":5: a second 'note first'"),
    "other deck": ("lock 1\ndeck other\nanki-deck X\n", "belongs to deck 'other', not 'life'"),
    "newer format": ("lock 2\ndeck life\nanki-deck X\n", ":1: lock format '2' is not one"),
    "no header": ("note first 0123456789abcdef 2024-06-19T00:00:00Z\n", "no 'lock' line"),
    "merge conflict": ("lock 1\ndeck life\nanki-deck X\n<<<<<<< HEAD\n", ":4: unknown line"),
    "binary": ("\udcff", "not UTF-8"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_LOCKS))
def test_a_broken_lock_is_a_clear_error_and_nothing_is_written(
    case: str, small_deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text, expected = BROKEN_LOCKS[case]
    lock_file = lock_path_for(small_deck)
    lock_file.write_bytes(text.encode("utf-8", "surrogateescape"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["build", small_deck.name, "-o", "out"])
    assert result.exit_code == 1
    assert result.output.startswith("build: deck.lock")
    assert expected in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
    assert lock_file.read_bytes() == text.encode("utf-8", "surrogateescape")


def test_a_broken_lock_in_the_second_deck_stops_the_first_too(
    write_deck: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a", "b"):
        write_deck(f"id: {name}\ntitle: {name}\nquestions:\n"
                   "  - {id: q, type: short, prompt: P, answer: A}\n", f"decks/{name}.yaml")
    (tmp_path / "decks" / "b.lock").write_text("garbage\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["build", "decks", "-o", "out"])
    assert result.exit_code == 1
    assert "decks/b.lock:1: unknown line 'garbage'" in result.output
    assert not (tmp_path / "out").exists() and not (tmp_path / "decks" / "a.lock").exists()


def test_a_fifo_as_lock_file_is_refused_without_hanging(
    small_deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.mkfifo(lock_path_for(small_deck))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["build", small_deck.name, "-o", "out"])
    assert result.exit_code == 1
    assert result.output == (
        "build: deck.lock: the lock file is not a regular file (a FIFO (named pipe))\n")


def test_a_lock_that_cannot_be_written_stops_the_build_before_the_package(
    small_deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizgen.errors import OutputError

    def full_disk(path: Path, *args: Any) -> None:
        raise OutputError(f"{path.name}: cannot write: No space left on device")

    monkeypatch.setattr("quizgen.anki.building.write_lock", full_disk)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["build", small_deck.name, "-o", "out"])
    assert result.exit_code == 1
    assert result.output == "build: deck.lock: cannot write: No space left on device\n"
    assert not (tmp_path / "out").exists()


def test_a_lock_file_larger_than_any_deck_is_refused_before_it_is_read(
    small_deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizgen.limits import MAX_DECK_BYTES

    lock_file = lock_path_for(small_deck)
    with lock_file.open("wb") as handle:
        handle.truncate(MAX_DECK_BYTES + 1)  # sparse: nothing is written to disk
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["build", small_deck.name, "-o", "out"])
    assert result.exit_code == 1
    assert result.output == (
        "build: deck.lock: the lock file is over the limit of 16.0 MB (16,777,217 bytes)\n")
    assert not (tmp_path / "out").exists()
