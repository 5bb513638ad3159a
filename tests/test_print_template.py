"""Your own template: no package imports, no network, errors at Typst's line and column."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from quizgen.errors import ExportError
from quizgen.loading import LoadedDeck, load_decks
from quizgen.printing import PrintOptions, print_quiz

from .conftest import MINIMAL_DECK


@pytest.fixture
def deck(write_deck: Callable[..., Path]) -> list[LoadedDeck]:
    return load_decks([write_deck(MINIMAL_DECK)])


def refused(deck: list[LoadedDeck], tmp_path: Path, source: str) -> str:
    template = tmp_path / "mine.typ"
    template.write_text(source, encoding="utf-8")
    with pytest.raises(ExportError) as error:
        print_quiz(deck, tmp_path / "quiz.pdf", PrintOptions(template=template))
    assert not (tmp_path / "quiz.pdf").exists()
    return str(error.value)


@pytest.mark.parametrize(
    ("source", "column"),
    [
        ('#import "@preview/cetz:0.3.4": canvas\n', 9),
        ('#let name = "@prev" + "iew/cetz:0.3.4"\n#import name: canvas\n', 9),
        ('#include "@preview/cetz:0.3.4"\n', 10),
    ],
)
def test_preview_packages_are_refused_without_touching_the_network(
    deck: list[LoadedDeck], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    source: str, column: int,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.delenv("https_proxy", raising=False)
    message = refused(deck, tmp_path, source)
    line = source.count("\n")
    assert message.endswith(
        f"mine.typ:{line}:{column}: a template cannot import packages (@preview/…, @local/…):"
        " it must be one self-contained file"
    )
    assert "download" not in message
    assert os.environ["HTTPS_PROXY"] == "http://proxy.example:3128", "environment restored"
    assert "https_proxy" not in os.environ


def test_local_packages_in_the_users_folder_are_out_of_reach(
    deck: list[LoadedDeck], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_home = tmp_path / "data"
    package = data_home / "typst" / "packages" / "local" / "secret" / "0.1.0"
    package.mkdir(parents=True)
    (package / "typst.toml").write_text(
        '[package]\nname = "secret"\nversion = "0.1.0"\nentrypoint = "lib.typ"\n',
        encoding="utf-8",
    )
    (package / "lib.typ").write_text("#let word = \"leaked\"\n", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    message = refused(deck, tmp_path, '#import "@local/secret:0.1.0": word\n#word\n')
    assert message.endswith("mine.typ:1:9: a template cannot import packages (@preview/…,"
                            " @local/…): it must be one self-contained file")


def test_a_typst_error_names_the_templates_line_and_column(
    deck: list[LoadedDeck], tmp_path: Path
) -> None:
    message = refused(deck, tmp_path, '#let data = json(bytes(sys.inputs.data))\n\n#data.nope\n')
    assert message.endswith("mine.typ:3:7: dictionary does not contain key \"nope\"")
