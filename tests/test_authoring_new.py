"""`quizgen new`: a starter deck that validates, shows every type and points editors at the
schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.loading import load_deck
from quizgen.models import QUESTION_TYPES
from quizgen.schema import deck_schema_text

runner = CliRunner()
WRITTEN = ("decks/moon-landings.yaml: new deck 'moon-landings' with an example of each question "
           "type; replace them with your own\n")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder laid out like this repository: the schema in schema/."""
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "deck.schema.json").write_text(deck_schema_text(), encoding="utf-8")
    return tmp_path


def test_new_writes_a_valid_deck_with_every_type(project: Path) -> None:
    result = runner.invoke(app, ["new", "moon-landings"])
    assert result.exit_code == 0
    assert result.stdout == WRITTEN
    assert result.stderr == ""
    deck = load_deck(project / "decks" / "moon-landings.yaml").deck
    assert deck.id == "moon-landings"
    assert deck.title == "Moon landings"
    assert [q.type for q in deck.questions] == list(QUESTION_TYPES)
    assert runner.invoke(app, ["validate", "decks/moon-landings.yaml"]).exit_code == 0


def test_first_line_is_the_modeline_and_it_resolves_to_the_schema(project: Path) -> None:
    assert runner.invoke(app, ["new", "moon", "-o", "sets/space/moon.yaml"]).exit_code == 0
    deck_file = project / "sets" / "space" / "moon.yaml"
    first = deck_file.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/deck.schema.json"
    reference = first.split("$schema=", 1)[1]
    assert (deck_file.parent / reference).resolve() == (project / "schema/deck.schema.json")


def test_default_location_gives_the_shipped_decks_modeline(project: Path) -> None:
    runner.invoke(app, ["new", "moon"])
    text = (project / "decks" / "moon.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/deck.schema.json\n")


def test_warns_when_the_project_has_no_schema_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["new", "moon-landings"])
    assert result.exit_code == 0
    assert result.stderr == (
        "new: warning: schema/deck.schema.json not found: run `quizgen schema -o "
        "schema/deck.schema.json` so editors can check the new deck\n"
    )
    assert (tmp_path / "decks" / "moon-landings.yaml").is_file()


@pytest.mark.parametrize("title", ["Apollo: the landings", "yes", "1969", "It's \"quoted\" # not"])
def test_titles_are_written_so_they_read_back_exactly(project: Path, title: str) -> None:
    assert runner.invoke(app, ["new", "moon", "--title", title]).exit_code == 0
    assert load_deck(project / "decks" / "moon.yaml").deck.title == title


def test_refuses_to_overwrite_unless_forced(project: Path) -> None:
    target = project / "decks" / "moon.yaml"
    target.parent.mkdir()
    target.write_text("mine\n", encoding="utf-8")
    result = runner.invoke(app, ["new", "moon"])
    assert result.exit_code == 1
    assert result.stderr == (
        "new: decks/moon.yaml already exists; choose another -o or pass --force\n")
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert runner.invoke(app, ["new", "moon", "--force"]).exit_code == 0
    assert load_deck(target).deck.id == "moon"


def test_refuses_an_invalid_deck_id_with_a_suggestion(project: Path) -> None:
    result = runner.invoke(app, ["new", "Moon Landings"])
    assert result.exit_code == 1
    assert result.stderr == ("new: 'Moon Landings' is not a valid deck id (use lowercase letters, "
                             "digits and single hyphens, e.g. 'moon-landings')\n")
    assert not (project / "decks").exists()
