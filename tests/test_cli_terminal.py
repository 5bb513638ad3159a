"""Progress and colour appear only where a person is looking: a terminal, without NO_COLOR."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from .conftest import MINIMAL_DECK, REPO


def run_with_terminal_stderr(args: list[str], cwd: Path, **env: str) -> tuple[str, str]:
    """Run quizgen with stderr on a pseudo-terminal; returns (stdout, what the terminal got)."""
    leader, follower = pty.openpty()
    environment = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "80", "TERM": "xterm", **env}
    if "NO_COLOR" not in env:
        environment.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-c", "from quizgen.cli import main; main()", *args],
        cwd=cwd, stdout=subprocess.PIPE, stderr=follower, env=environment,
    )
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    stdout, _ = process.communicate(timeout=60)
    os.close(leader)
    return stdout.decode(), b"".join(chunks).decode(errors="replace")


def decks_in(folder: Path, write_deck: Callable[..., Path], count: int) -> None:
    for index in range(count):
        write_deck(MINIMAL_DECK.replace("id: mini", f"id: deck-{index}"), f"decks/d{index}.yaml")


def test_progress_bar_on_a_terminal_only(tmp_path: Path, write_deck: Callable[..., Path]) -> None:
    decks_in(tmp_path, write_deck, 3)
    stdout, terminal = run_with_terminal_stderr(["build"], tmp_path)
    assert "Building" in terminal and "3/3" in terminal
    assert stdout.count(".apkg") == 3
    piped = subprocess.run([sys.executable, "-c", "from quizgen.cli import main; main()", "build"],
                           cwd=tmp_path, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(REPO)}, check=True)
    assert piped.stderr == ""


def test_quiet_silences_progress(tmp_path: Path, write_deck: Callable[..., Path]) -> None:
    decks_in(tmp_path, write_deck, 3)
    stdout, terminal = run_with_terminal_stderr(["build", "--quiet"], tmp_path)
    assert (stdout, terminal) == ("", "")


def test_colour_on_terminal_unless_no_color(
    tmp_path: Path, write_deck: Callable[..., Path]
) -> None:
    write_deck("id: x\n", "decks/bad.yaml")
    _, coloured = run_with_terminal_stderr(["validate"], tmp_path)
    assert "\x1b[" in coloured
    _, plain = run_with_terminal_stderr(["validate"], tmp_path, NO_COLOR="1")
    assert "\x1b[" not in plain
    assert "decks/bad.yaml:1:1: questions: missing required field 'questions'" in plain


def test_print_shows_a_spinner_on_a_terminal_and_is_quiet_when_asked(
    tmp_path: Path, write_deck: Callable[..., Path]
) -> None:
    decks_in(tmp_path, write_deck, 1)
    stdout, terminal = run_with_terminal_stderr(["print", "-o", "quiz.pdf"], tmp_path)
    assert "Typesetting" in terminal
    assert stdout == "quiz.pdf: 1 version, 1 question, 1 point, 1 page\n"
    stdout, terminal = run_with_terminal_stderr(["print", "-o", "quiz.pdf", "--quiet"], tmp_path)
    assert (stdout, terminal) == ("", "")
