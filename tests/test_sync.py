"""`quizgen sync` against real Anki collections: what a package import cannot do.

Each test makes a fresh collection file, lets quizgen write into it, acts as the learner
in between (tags, edits, reviews), and reopens the collection to check what Anki holds.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quizgen import load_decks
from quizgen.anki import notetypes
from quizgen.anki.identity import note_guid
from quizgen.anki.lockfile import lock_path_for
from quizgen.anki.sync import REMOVED_TAG, SyncOptions, SyncReport, sync_decks
from quizgen.cli import app

from .conftest import REPO, SHIPPED_DECKS, import_package
from .test_anki_package import PNG

DECK = """\
id: life
title: Life
description: Sync <me>.
anki_deck: Tests::Life
questions:
  - {id: alpha, type: short, prompt: Alpha?, answer: a, tags: [greek]}
  - {id: beta, type: numeric, prompt: Beta?, answer: 2}
  - id: gamma
    type: cloze
    text: One {{first}}, two {{second}}, three {{third}}.
  - {id: delta, type: truefalse, prompt: Delta is true, answer: true, subdeck: Facts}
  - {id: epsilon, type: choice, prompt: Epsilon?, choices: [x, y, z], answer: y}
"""


@pytest.fixture
def collection_path(tmp_path: Path) -> Path:
    """An empty collection on disk, closed: sync opens it itself, as it would a learner's."""
    from anki.collection import Collection

    path = tmp_path / "profile" / "collection.anki2"
    path.parent.mkdir()
    Collection(str(path)).close()
    return path


@contextmanager
def opened(path: Path) -> Iterator[Any]:
    from anki.collection import Collection

    col = Collection(str(path))
    try:
        yield col
    finally:
        col.close()


@pytest.fixture
def deck(write_deck: Callable[..., Path]) -> Path:
    return write_deck(DECK)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    start = int(time.time())

    def set_clock(offset: int) -> None:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(start + offset))

    return set_clock


def sync(deck_file: Path, collection: Path, **options: Any) -> SyncReport:
    dry_run = options.pop("dry_run", False)
    return sync_decks(load_decks([deck_file]), collection, SyncOptions(**options), dry_run=dry_run)


def kinds(report: SyncReport) -> list[tuple[str, str]]:
    return [(str(change.kind), change.subject) for change in report.decks[0].changes]


def note_of(col: Any, question_id: str, deck_id: str = "life") -> Any:
    note_id = col.db.scalar("SELECT id FROM notes WHERE guid = ?", note_guid(deck_id, question_id))
    return col.get_note(note_id) if note_id else None


def review(col: Any, question_id: str) -> tuple[int, ...]:
    """Answer the note's first card 'Good' and return what must survive: id, reps, interval."""
    card = note_of(col, question_id).cards()[0]
    card.start_timer()
    col.sched.answerCard(card, 3)
    card.load()
    return (card.id, card.reps, card.type, card.ivl)


def card_state(col: Any, card_id: int) -> tuple[int, ...]:
    card = col.get_card(card_id)
    return (card.id, card.reps, card.type, card.ivl)


def edit(deck_file: Path, old: str, new: str) -> None:
    text = deck_file.read_text()
    assert old in text
    deck_file.write_text(text.replace(old, new))


def test_first_sync_adds_everything_in_order_and_a_second_changes_nothing(
    deck: Path, collection_path: Path
) -> None:
    first = sync(deck, collection_path)
    assert [k for k, _ in kinds(first)].count("add") == 5
    with opened(collection_path) as col:
        assert col.note_count() == 5 and col.card_count() == 7
        dues = [sorted(c.due for c in note_of(col, q).cards())
                for q in ("alpha", "beta", "gamma", "delta", "epsilon")]
        assert dues == [[1], [2], [3, 3, 3], [4], [5]]
        assert col.decks.by_name("Tests::Life")["desc"] == "Sync &lt;me&gt;."
        assert col.decks.name(note_of(col, "delta").cards()[0].did) == "Tests::Life::Facts"
        modified = col.mod
    second = sync(deck, collection_path)
    assert kinds(second) == []
    with opened(collection_path) as col:
        assert col.mod == modified  # not a single write


def test_an_edit_updates_one_note_keeping_learner_tags_and_untouched_edits(
    deck: Path, collection_path: Path, clock: Callable[[int], None]
) -> None:
    clock(-3600)
    sync(deck, collection_path)
    with opened(collection_path) as col:
        for question in ("alpha", "beta", "epsilon"):
            note = note_of(col, question)
            note.tags += ["marked", "my::hard"]
            col.update_note(note)
        mine = note_of(col, "beta")
        mine["Explanation"] = "my own words"
        col.update_note(mine)
    edit(deck, "Alpha?", "Alpha (reworded)?")
    clock(3600)
    report = sync(deck, collection_path)
    assert kinds(report) == [("update", "alpha")]
    assert report.decks[0].changes[0].detail == "Prompt"
    with opened(collection_path) as col:
        alpha = note_of(col, "alpha")
        assert alpha["Prompt"] == "Alpha (reworded)?"
        assert sorted(alpha.tags) == ["greek", "marked", "my::hard", "quizgen::life::alpha"]
        assert note_of(col, "beta")["Explanation"] == "my own words"
        assert "marked" in note_of(col, "epsilon").tags


def test_deleted_questions_are_flagged_then_restored_or_pruned(
    deck: Path, collection_path: Path
) -> None:
    sync(deck, collection_path)
    with opened(collection_path) as col:
        reviewed = review(col, "beta")
        beta = note_of(col, "beta")
        beta.tags.append("marked")
        col.update_note(beta)
    edit(deck, "  - {id: beta, type: numeric, prompt: Beta?, answer: 2}\n", "")
    report = sync(deck, collection_path)
    assert kinds(report) == [("flag removed", "beta"), ("order", "Tests::Life")]
    with opened(collection_path) as col:
        beta = note_of(col, "beta")
        assert sorted(beta.tags) == sorted(["marked", "quizgen::life::beta", REMOVED_TAG])
        assert [card.queue for card in beta.cards()] == [-1]  # suspended
        assert card_state(col, reviewed[0]) == reviewed
    assert kinds(sync(deck, collection_path)) == []  # flagged once, not again

    deck.write_text(DECK)  # the question comes back
    report = sync(deck, collection_path)
    assert ("restore", "beta") in kinds(report)
    with opened(collection_path) as col:
        beta = note_of(col, "beta")
        assert beta.tags == ["marked", "quizgen::life::beta"]
        assert [card.queue for card in beta.cards()] != [-1]
        assert card_state(col, reviewed[0]) == reviewed

    edit(deck, "  - {id: beta, type: numeric, prompt: Beta?, answer: 2}\n", "")
    assert kinds(sync(deck, collection_path, prune=True))[0] == ("delete", "beta")
    with opened(collection_path) as col:
        assert note_of(col, "beta") is None and col.note_count() == 4


def test_a_renamed_deck_moves_the_cards_and_drops_the_empty_old_deck(
    deck: Path, collection_path: Path
) -> None:
    sync(deck, collection_path)
    with opened(collection_path) as col:
        reviewed = review(col, "alpha")
    edit(deck, "anki_deck: Tests::Life", "anki_deck: Tests::Renamed")
    report = sync(deck, collection_path)
    assert [k for k, _ in kinds(report)].count("move") == 5
    assert ("drop deck", "Tests::Life") in kinds(report)
    with opened(collection_path) as col:
        names = {col.decks.name(col.get_card(c).did) for c in col.find_cards("")}
        assert names == {"Tests::Renamed", "Tests::Renamed::Facts"}
        assert col.decks.by_name("Tests::Life") is None
        assert col.decks.by_name("Tests::Renamed")["desc"] == "Sync &lt;me&gt;."
        assert card_state(col, reviewed[0]) == reviewed
    assert kinds(sync(deck, collection_path)) == []


def test_a_changed_question_type_changes_the_note_type_keeping_history(
    deck: Path, collection_path: Path
) -> None:
    sync(deck, collection_path)
    with opened(collection_path) as col:
        reviewed = review(col, "alpha")
        revlog = col.db.scalar("SELECT count() FROM revlog WHERE cid = ?", reviewed[0])
        note = note_of(col, "alpha")
        note.tags.append("marked")
        col.update_note(note)
    edit(deck, "{id: alpha, type: short, prompt: Alpha?, answer: a, tags: [greek]}",
         "{id: alpha, type: choice, prompt: Alpha?, choices: [a, b], answer: a, tags: [greek]}")
    report = sync(deck, collection_path)
    assert kinds(report) == [("retype", "alpha")]
    assert "quizgen Q&A (v1) → quizgen Choice (v1)" in report.decks[0].changes[0].detail
    with opened(collection_path) as col:
        alpha = note_of(col, "alpha")
        assert col.models.get(alpha.mid)["name"] == "quizgen Choice (v1)"
        assert "qz-options" in alpha["Options"] and "marked" in alpha.tags
        assert [card.id for card in alpha.cards()] == [reviewed[0]]
        assert card_state(col, reviewed[0]) == reviewed
        assert col.db.scalar("SELECT count() FROM revlog WHERE cid = ?", reviewed[0]) == revlog
    assert kinds(sync(deck, collection_path)) == []


def test_short_to_cloze_and_back(deck: Path, collection_path: Path) -> None:
    sync(deck, collection_path)
    with opened(collection_path) as col:
        reviewed = review(col, "alpha")
    edit(deck, "{id: alpha, type: short, prompt: Alpha?, answer: a, tags: [greek]}",
         "{id: alpha, type: cloze, text: 'Alpha is {{a}} and {{b}}', tags: [greek]}")
    assert kinds(sync(deck, collection_path))[0] == ("retype", "alpha")
    with opened(collection_path) as col:
        cards = sorted(note_of(col, "alpha").cards(), key=lambda card: card.ord)
        assert [card.ord for card in cards] == [0, 1]
        assert card_state(col, cards[0].id) == reviewed  # the first gap keeps the history
    deck.write_text(DECK)
    assert kinds(sync(deck, collection_path))[0] == ("retype", "alpha")
    with opened(collection_path) as col:
        alpha = note_of(col, "alpha")
        assert col.models.get(alpha.mid)["name"] == "quizgen Q&A (v1)"
        assert [card.id for card in alpha.cards()] == [reviewed[0]]


def test_a_removed_cloze_gap_removes_its_card_only(deck: Path, collection_path: Path) -> None:
    sync(deck, collection_path)
    with opened(collection_path) as col:
        reviewed = review(col, "gamma")  # the first gap's card
    edit(deck, ", three {{third}}.", ".")
    report = sync(deck, collection_path)
    assert ("remove card", "gamma") in kinds(report)
    with opened(collection_path) as col:
        gamma = note_of(col, "gamma")
        assert sorted(card.ord for card in gamma.cards()) == [0, 1]
        assert card_state(col, reviewed[0]) == reviewed
        assert "{{c3::" not in gamma["Text"]
    assert kinds(sync(deck, collection_path)) == []


def test_a_question_inserted_in_the_middle_is_studied_in_its_place(
    deck: Path, collection_path: Path
) -> None:
    sync(deck, collection_path)
    edit(deck, "  - {id: beta,", "  - {id: inserted, type: short, prompt: New?, answer: n}\n"
               "  - {id: beta,")
    report = sync(deck, collection_path)
    assert ("add", "inserted") in kinds(report) and ("order", "Tests::Life") in kinds(report)
    with opened(collection_path) as col:
        order = ["alpha", "inserted", "beta", "gamma", "delta", "epsilon"]
        assert [sorted({c.due for c in note_of(col, q).cards()}) for q in order] == [
            [1], [2], [3], [4], [5], [6]
        ]


def test_notes_quizgen_did_not_make_are_never_touched(deck: Path, collection_path: Path) -> None:
    sync(deck, collection_path)
    with opened(collection_path) as col:
        basic = col.models.by_name("Basic")
        own = col.new_note(basic)
        own["Front"], own["Back"] = "My own card", "mine"
        col.add_note(own, col.decks.id_for_name("Tests::Life"))
        own_id, own_mod = own.id, col.get_note(own.id).mod
        col.set_user_flag_for_cards(1, [c.id for c in own.cards()])
    edit(deck, "anki_deck: Tests::Life", "anki_deck: Tests::Renamed")
    edit(deck, "  - {id: beta, type: numeric, prompt: Beta?, answer: 2}\n", "")
    report = sync(deck, collection_path, prune=True)
    assert ("drop deck", "Tests::Life") not in kinds(report)  # it still holds the learner's card
    with opened(collection_path) as col:
        own = col.get_note(own_id)
        assert own.mod == own_mod and own["Front"] == "My own card"
        assert col.decks.name(own.cards()[0].did) == "Tests::Life"


def test_a_replaced_picture_and_a_new_template_arrive(
    write_deck: Callable[..., Path], tmp_path: Path, collection_path: Path,
    clock: Callable[[int], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "map.png").write_bytes(PNG)
    deck = write_deck(DECK.replace("answer: 2}", "answer: 2, image: map.png}"))
    clock(-3600)
    sync(deck, collection_path)
    (tmp_path / "map.png").write_bytes(PNG + b"new")
    original = notetypes._css()
    monkeypatch.setattr(notetypes, "_css", lambda: original + "\n.qz-upgraded {}")
    notetypes._model.cache_clear()
    try:
        clock(0)
        report = sync(deck, collection_path)
    finally:
        notetypes._model.cache_clear()
    assert ("update", "beta") in kinds(report)
    assert [kind for kind, _ in kinds(report)].count("picture") == 1
    assert [kind for kind, _ in kinds(report)].count("note type") == 3  # each type the deck uses
    with opened(collection_path) as col:
        beta = note_of(col, "beta")
        name = beta["Image"].split('"')[1]
        assert (Path(col.media.dir()) / name).read_bytes() == PNG + b"new"
        assert ".qz-upgraded" in beta.cards()[0].question(reload=True)
        assert ".qz-upgraded" in note_of(col, "delta").cards()[0].question(reload=True)


def test_sync_after_package_import_only_adds_what_the_package_cannot(
    deck: Path, tmp_path: Path, collection_path: Path
) -> None:
    """The two routes agree: after importing the package, sync has nothing to add or change."""
    from quizgen import load_deck
    from quizgen.anki.building import BuildOptions, build_package

    build_package(load_deck(deck), tmp_path / "life.apkg", BuildOptions())
    with opened(collection_path) as col:
        import_package(col, tmp_path / "life.apkg")
    assert kinds(sync(deck, collection_path)) == []


def test_dry_run_changes_nothing(deck: Path, collection_path: Path, tmp_path: Path) -> None:
    sync(deck, collection_path)
    edit(deck, "Alpha?", "Alpha again?")
    edit(deck, "anki_deck: Tests::Life", "anki_deck: Tests::Renamed")
    lock_before = lock_path_for(deck).read_bytes()
    with opened(collection_path) as col:
        modified = col.mod
    result = CliRunner().invoke(
        app, ["sync", str(deck), "--collection", str(collection_path), "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    assert "  update       alpha: Prompt\n" in result.output
    assert "  move         alpha: Tests::Life → Tests::Renamed\n" in result.output
    assert result.output.endswith("changes planned (dry run: nothing written)\n")
    assert lock_path_for(deck).read_bytes() == lock_before
    with opened(collection_path) as col:
        assert col.mod == modified


def test_a_collection_open_in_anki_is_refused(deck: Path, collection_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from anki.collection import Collection
            col = Collection({str(collection_path)!r})
            print("open", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        result = CliRunner().invoke(app, ["sync", str(deck), "--collection", str(collection_path)])
    finally:
        holder.communicate("")
    assert result.exit_code == 1
    assert "the collection is open in Anki (or another program); close Anki" in result.output
    assert "Traceback" not in result.output
    assert not lock_path_for(deck).exists()


def _other_database(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (text)")
    connection.close()


BAD_TARGETS: dict[str, tuple[Callable[[Path], object] | None, str]] = {
    "missing": (None, "no such Anki collection"),
    "folder": (Path.mkdir, "not an Anki collection (expected a collection.anki2 file"),
    "text": (lambda p: p.write_text("hello"), "not an Anki collection (not an SQLite database)"),
    "empty": (lambda p: p.write_bytes(b""), "not an Anki collection (not an SQLite database)"),
    "other database": (_other_database, "not an Anki collection (no 'col' table)"),
    "the deck itself": (None, "not an Anki collection (not an SQLite database)"),
}


@pytest.mark.parametrize("problem", sorted(BAD_TARGETS))
def test_a_bad_collection_path_is_a_clear_error_and_stays_untouched(
    problem: str, deck: Path, tmp_path: Path
) -> None:
    make, message = BAD_TARGETS[problem]
    target = deck if problem == "the deck itself" else tmp_path / "target"
    if make is not None:
        make(target)
    before = sorted(p.name for p in tmp_path.iterdir())
    content = target.read_bytes() if target.is_file() else None
    result = CliRunner().invoke(app, ["sync", str(deck), "--collection", str(target)])
    assert result.exit_code == 1
    assert result.output.startswith(f"sync: {target}: {message}")
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no media folder, no lock
    assert (target.read_bytes() if target.is_file() else None) == content


def test_a_missing_engine_is_a_clear_error(
    deck: Path, collection_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "anki.collection", None)  # as if not installed
    result = CliRunner().invoke(app, ["sync", str(deck), "--collection", str(collection_path)])
    assert result.exit_code == 1
    assert result.output == (
        "sync: quizgen sync needs the anki package (the engine Anki runs on): "
        "pip install 'quizgen[anki]'\n"
    )


def test_a_broken_lock_stops_sync_before_the_collection_is_touched(
    deck: Path, collection_path: Path
) -> None:
    lock_path_for(deck).write_text("lock 1\ndeck life\nanki-deck X\nbroken\n")
    with opened(collection_path) as col:
        modified = col.mod
    result = CliRunner().invoke(app, ["sync", str(deck), "--collection", str(collection_path)])
    assert result.exit_code == 1 and "deck.lock:4: unknown line 'broken'" in result.output
    with opened(collection_path) as col:
        assert col.mod == modified and col.note_count() == 0


def test_the_shipped_deck_syncs_and_then_is_up_to_date(
    tmp_path: Path, collection_path: Path
) -> None:
    folder = tmp_path / "repo"
    folder.mkdir()
    for name in ("putin-kim-2024.yaml", "putin-kim-2024.lock"):
        (folder / name).write_bytes((SHIPPED_DECKS / name).read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", "sync", str(folder), "--collection",
         str(collection_path.parent)],
        capture_output=True, text=True, check=False, cwd=tmp_path,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    again = sync(folder / "putin-kim-2024.yaml", collection_path)
    assert kinds(again) == []
    added = [line for line in result.stdout.splitlines() if line.startswith("  add ")]
    assert len(added) == len(load_decks([folder])[0].deck.questions)


def test_a_learner_edit_made_after_the_deck_changed_is_kept(
    deck: Path, tmp_path: Path, collection_path: Path, clock: Callable[[int], None]
) -> None:
    from quizgen import load_deck
    from quizgen.anki.building import BuildOptions, build_package

    clock(-7200)
    sync(deck, collection_path)
    edit(deck, "Alpha?", "Alpha (new)?")
    clock(-3600)  # the author's change, built an hour ago...
    build_package(load_deck(deck), tmp_path / "life.apkg", BuildOptions())
    with opened(collection_path) as col:  # ...and the learner's own wording, now
        alpha = note_of(col, "alpha")
        alpha["Prompt"] = "My alpha"
        col.update_note(alpha)
    assert kinds(sync(deck, collection_path)) == []
    with opened(collection_path) as col:
        assert note_of(col, "alpha")["Prompt"] == "My alpha"


def test_without_the_lock_sync_changes_only_what_differs(
    deck: Path, collection_path: Path, clock: Callable[[int], None]
) -> None:
    """A fresh clone: every note counts as newer, but sync compares fields, so nothing moves."""
    clock(-3600)
    sync(deck, collection_path)
    lock_path_for(deck).unlink()
    clock(0)
    assert kinds(sync(deck, collection_path)) == []
    assert lock_path_for(deck).exists()


def test_switching_to_typed_answers_retypes_and_keeps_history(
    deck: Path, collection_path: Path
) -> None:
    sync(deck, collection_path)
    with opened(collection_path) as col:
        reviewed = review(col, "alpha")
    report = sync(deck, collection_path, type_answer=True)
    assert ("retype", "alpha") in kinds(report) and ("retype", "beta") in kinds(report)
    with opened(collection_path) as col:
        alpha = note_of(col, "alpha")
        assert "type the answer" in col.models.get(alpha.mid)["name"]
        assert card_state(col, reviewed[0]) == reviewed
    assert kinds(sync(deck, collection_path, type_answer=True)) == []


def test_without_the_lock_a_deleted_question_is_found_by_its_tag(
    deck: Path, collection_path: Path
) -> None:
    """A fresh clone has no `removed` lines: the quizgen::<deck>::<id> tag still finds the note."""
    sync(deck, collection_path)
    lock_path_for(deck).unlink()
    edit(deck, "  - {id: beta, type: numeric, prompt: Beta?, answer: 2}\n", "")
    assert ("flag removed", "beta") in kinds(sync(deck, collection_path))
    with opened(collection_path) as col:
        assert REMOVED_TAG in note_of(col, "beta").tags
        assert note_of(col, "alpha").tags.count(REMOVED_TAG) == 0
