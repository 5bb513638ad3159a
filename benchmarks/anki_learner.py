"""The learner scenario of issue 11 on the shipped deck: what a one-question edit costs in Anki.

A learner imports the deck, tags every note (`marked`, some `my::hard`) and edits a field
of one note inside Anki; the author then fixes one question's wording and rebuilds; the
learner imports the new package. Figures, not pass/fail: how many notes the import
updated, how many kept the learner's tags, whether the learner's field edit survived.

    PYTHONPATH=. python benchmarks/anki_learner.py

The build runs `quizgen build` in a fresh process, so the same script measures any
version of quizgen (point PYTHONPATH at another checkout to compare).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "putin-kim-2024.yaml"
EDITED_FROM = "How many years separated Putin's two visits to North Korea?"
EDITED_TO = "How many years lay between Putin's two visits to North Korea?"


def build(deck: Path, output: Path) -> Path:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    subprocess.run(
        [sys.executable, "-m", "quizgen", "build", str(deck), "--output", str(output), "-q"],
        check=True,
        env=env,
    )
    return output / "putin-kim-2024.apkg"


def import_package(col: object, package: Path) -> object:
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    request = ImportAnkiPackageRequest(
        package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=True)
    )
    return col.import_anki_package(request).log  # type: ignore[attr-defined]


def main() -> None:
    from anki.collection import Collection

    with tempfile.TemporaryDirectory(prefix="quizgen-learner-") as scratch:
        work = Path(scratch)
        shutil.copy2(DECK, work / DECK.name)
        lock = DECK.with_suffix(".lock")
        if lock.exists():  # a clone of the repository has the committed lock
            shutil.copy2(lock, work / lock.name)
        deck = work / DECK.name
        (work / "profile").mkdir()
        col = Collection(str(work / "profile" / "collection.anki2"))
        first = import_package(col, build(deck, work / "v1"))
        note_ids = sorted(col.find_notes(""))
        for index, note_id in enumerate(note_ids):
            note = col.get_note(note_id)
            note.tags += ["marked"] + (["my::hard"] if index % 3 == 0 else [])
            col.update_note(note)
        untouched = col.get_note(note_ids[0])
        untouched[untouched.keys()[0]] += " (my note)"
        col.update_note(untouched)
        time.sleep(1.1)  # the edit happens after the learner's changes, as in life

        text = deck.read_text(encoding="utf-8")
        assert text.count(EDITED_FROM) == 1, "the scenario's question changed; update the script"
        deck.write_text(text.replace(EDITED_FROM, EDITED_TO), encoding="utf-8")
        second = import_package(col, build(deck, work / "v2"))

        tagged = sum("marked" in col.get_note(n).tags for n in note_ids)
        kept_edit = col.get_note(note_ids[0])[untouched.keys()[0]].endswith(" (my note)")
        print(f"notes in the deck:                  {len(first.new)}")  # type: ignore[attr-defined]
        print(f"notes updated by a one-question edit: {len(second.updated)}")  # type: ignore[attr-defined]
        print(f"notes still tagged 'marked':        {tagged} of {len(note_ids)}")
        print(f"learner's field edit survived:      {'yes' if kept_edit else 'no'}")
        col.close()


if __name__ == "__main__":
    main()
