"""Shared test helpers: deck files written on the fly and a real Anki collection."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHIPPED_DECKS = REPO / "decks"
ARTICLE = REPO.parent / "shared" / "article" / "putin-kim-pyongyang-2024.txt"

MINIMAL_DECK = """\
id: mini
title: Mini deck
questions:
  - id: capital
    type: short
    prompt: What is the capital of North Korea?
    answer: Pyongyang
"""


@pytest.fixture
def write_deck(tmp_path: Path) -> Callable[..., Path]:
    """Write YAML text (dedented) to a deck file and return its path."""

    def write(text: str, name: str = "deck.yaml", folder: Path | None = None) -> Path:
        target = (folder or tmp_path) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
        return target

    return write


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Any]:
    """A fresh, empty Anki collection: the engine Anki desktop runs on."""
    from anki.collection import Collection

    (tmp_path / "anki-profile").mkdir()
    col = Collection(str(tmp_path / "anki-profile" / "collection.anki2"))
    try:
        yield col
    finally:
        col.close()


def import_package(col: Any, package: Path) -> Any:
    """Import an .apkg the way Anki's File → Import does; returns Anki's import log."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    request = ImportAnkiPackageRequest(
        package_path=str(package),
        options=ImportAnkiPackageOptions(with_scheduling=True, merge_notetypes=True),
    )
    return col.import_anki_package(request).log
