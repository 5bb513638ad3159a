"""README examples are run, not trusted: the docs must stay true to the code."""

from __future__ import annotations

import re
import shlex

import pytest
from typer.testing import CliRunner

from quizgen.cli import app

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def console_blocks() -> list[tuple[str, str]]:
    """Each ```console block whose first line is `$ quizgen …`: (command, expected output)."""
    blocks = re.findall(r"```console\n\$ (quizgen [^\n]*)\n(.*?)```", README, flags=re.S)
    return [(command, output) for command, output in blocks]


@pytest.mark.parametrize(("command", "expected"), console_blocks())
def test_console_examples_match_real_output(
    command: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, shlex.split(command)[1:])
    assert result.output == expected


def test_readme_names_every_command() -> None:
    result = CliRunner().invoke(app, ["--help"])
    commands = re.findall(r"^\s{2}(\w[\w-]*)\s", result.stdout.split("Commands")[-1], flags=re.M)
    assert commands
    for command in commands:
        assert f"quizgen {command}" in README, f"README does not document `quizgen {command}`"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = re.search(r"```sh\n(python3 -m venv [^\n]*pytest[^\n]*)\n```", README)
    assert test_command and test_command[1] in ci
