"""The bad-input suite: each malformed deck in tests/bad_decks/ gives exactly its .out message.

Each case must fail with exit code 1, a located message, no traceback, and nothing written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app

from .conftest import REPO

BAD_DECKS = REPO / "tests" / "bad_decks"
CASES = sorted(BAD_DECKS.glob("*.yaml"))


def test_every_expected_message_belongs_to_a_case() -> None:
    """A renamed or deleted case must not leave its expectation behind, unchecked."""
    expectations = {path.stem for path in BAD_DECKS.glob("*.out")}
    assert expectations == {case.stem for case in CASES}


@pytest.mark.parametrize("deck", CASES, ids=[case.stem for case in CASES])
def test_bad_deck_gives_its_exact_message(
    deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    relative = deck.relative_to(REPO).as_posix()
    expected = deck.with_suffix(".out").read_text(encoding="utf-8")

    validated = CliRunner().invoke(app, ["validate", relative])
    assert (validated.exit_code, validated.output) == (1, expected)
    assert validated.output.startswith(f"{relative}:")
    assert "Traceback" not in validated.output

    output = tmp_path / "out"
    built = CliRunner().invoke(app, ["build", relative, "-o", str(output)])
    assert built.exit_code == 1
    assert built.output == expected.replace("validate: ", "build: ")
    assert not output.exists()
