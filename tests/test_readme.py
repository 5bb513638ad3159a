"""README and docs examples are run, not trusted: the docs must stay true to the code.

Every ```console block in README.md and docs/**/*.md is a session: each `$ quizgen …` line is
run, in order, in a scratch copy of the repository's data folders (so examples may write files
without touching the clone), and what it prints must match the lines under it exactly.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app

from .conftest import REPO

README_PATH = REPO / "README.md"
README = README_PATH.read_text(encoding="utf-8")
DOC_FILES = [README_PATH, *sorted((REPO / "docs").rglob("*.md"))]
DATA_FOLDERS = ("decks", "examples", "schema", "benchmarks")
"""What a scratch copy holds: every file an example may read, relative to the repo root."""

CONSOLE_BLOCK = re.compile(r"^```console\n(.*?)^```", flags=re.S | re.M)


def console_sessions(text: str) -> list[list[tuple[str, str]]]:
    """Each ```console block as its `$ ` commands, each with the output lines under it."""
    sessions = []
    for block in CONSOLE_BLOCK.findall(text):
        steps: list[tuple[str, str]] = []
        for line in block.splitlines(keepends=True):
            if line.startswith("$ "):
                steps.append((line[2:].rstrip("\n"), ""))
            elif steps:
                command, output = steps[-1]
                steps[-1] = (command, output + line)
        sessions.append(steps)
    return sessions


def _name(path: Path) -> str:
    return str(path.relative_to(REPO))


def scratch_copy(target: Path) -> Path:
    """The repository's data folders, copied: examples run here as if at the repo root."""
    for folder in DATA_FOLDERS:
        if (REPO / folder).exists():
            shutil.copytree(REPO / folder, target / folder,
                            ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_console_sessions_are_found() -> None:
    sessions = console_sessions("```console\n$ quizgen a\nout\nmore\n$ quizgen b\n```\n")
    assert sessions == [[("quizgen a", "out\nmore\n"), ("quizgen b", "")]]


@pytest.mark.parametrize("path", DOC_FILES, ids=_name)
def test_console_blocks_show_only_quizgen_commands(path: Path) -> None:
    """A console block is a promise that the test runs it: no other programs, no prose."""
    for block in CONSOLE_BLOCK.findall(path.read_text(encoding="utf-8")):
        assert block.startswith("$ "), f"{_name(path)}: a ```console block starts with `$ `"
        for line in block.splitlines():
            if line.startswith("$ "):
                assert line.startswith("$ quizgen "), (
                    f"{_name(path)}: `{line}` is not a quizgen command; show it in a ```sh block")


@pytest.mark.parametrize(
    "path", [p for p in DOC_FILES if CONSOLE_BLOCK.search(p.read_text(encoding="utf-8"))],
    ids=_name)
def test_console_examples_match_real_output(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(scratch_copy(tmp_path))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for session in console_sessions(path.read_text(encoding="utf-8")):
        for command, expected in session:
            result = CliRunner().invoke(app, shlex.split(command)[1:])
            assert result.output == expected, f"{_name(path)}: $ {command}"


def test_the_loop_in_readme_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """README's whole loop, article to Moodle file, runs command after command."""
    loop = re.search(r"<!-- the-loop -->\n```sh\n(.*?)```", README, flags=re.S)
    assert loop, "README must show the whole loop in a ```sh block after <!-- the-loop -->"
    commands = [line for line in loop[1].splitlines() if line.strip()]
    verbs = [shlex.split(command)[1] for command in commands]
    assert verbs == ["extract", "validate", "check", "build", "print", "export"]
    monkeypatch.chdir(scratch_copy(tmp_path))
    for command in commands:
        result = CliRunner().invoke(app, shlex.split(command)[1:])
        assert result.exit_code == 0, f"$ {command}\n{result.output}"
    assert (tmp_path / "build" / "uk-budget.apkg").stat().st_size > 0
    assert (tmp_path / "quiz-key.pdf").stat().st_size > 0
    assert (tmp_path / "build" / "uk-budget.gift.txt").stat().st_size > 0


def test_readme_names_every_command() -> None:
    result = CliRunner().invoke(app, ["--help"])
    commands = re.findall(r"^\s{2}(\w[\w-]*)\s", result.stdout.split("Commands")[-1], flags=re.M)
    assert commands
    for command in commands:
        assert f"quizgen {command}" in README, f"README does not document `quizgen {command}`"


def test_readme_names_every_export_format() -> None:
    from quizgen.registry import EXPORT_FORMAT_NAMES

    for name in EXPORT_FORMAT_NAMES:
        assert f"`{name}`" in README, f"README's command table does not name `{name}`"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = re.search(r"```sh\n(python3 -m venv [^\n]*pytest[^\n]*)\n```", README)
    assert test_command and test_command[1] in ci


def test_readme_is_a_front_page() -> None:
    assert len(README.splitlines()) <= 200


def test_readme_tells_how_to_run_quizgen_after_set_up() -> None:
    set_up = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    assert "source .venv/bin/activate" in set_up
    assert "own virtual environment" not in README


def test_readme_links_stay_inside_the_repository() -> None:
    """Relative links lead to files of the clone; README cites no path beyond it."""
    for target in re.findall(r"\]\(([^)\s]+)\)", README):
        if re.match(r"[a-z]+:|#", target):
            continue
        linked = (REPO / target.split("#", 1)[0]).resolve()
        assert linked.is_relative_to(REPO), f"README: {target} is outside the repository"
        assert linked.exists(), f"README: {target} does not exist"
    assert not re.search(r"(?<![\w.])(?:\.\./)+(?!schema/)\w|/work/|\bshared/", README), (
        "README cites a path outside the repository")
