"""`quizgen add` at a real terminal: a pseudo-terminal, a person's typing, their mistakes.

The process gets the pty as its controlling terminal (`pty.fork`), so `isatty()` is true
exactly as for a person, and Ctrl-C is the byte 0x03 the terminal turns into SIGINT.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quizgen.loading import load_deck

from .conftest import REPO

DECK = """\
# A deck about the Moon; this comment must survive.
id: moon
title: Moon
source:
  title: A short history of the Moon landings
questions:
  - id: moonwalkers
    type: numeric
    prompt: How many astronauts walked on the Moon?
    answer: 12
    source: {paragraph: 1}
"""

ARTICLE = """\
The Moon landings

Twelve astronauts walked on the Moon between 1969 and 1972.

About 21 million people in Britain watched the first landing on television in July 1969.

The programme cost roughly $25.8 billion.
"""


class Terminal:
    """A quizgen process on a pseudo-terminal: read what it shows, type lines, press keys."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        environment = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200",
                       "TERM": "xterm", "NO_COLOR": "1"}
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become quizgen, never return into pytest
            try:
                # Ctrl-C must reach quizgen even when pytest runs as a background job,
                # where the shell has set SIGINT to "ignore" for everything it starts.
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                os.chdir(cwd)
                os.execve(sys.executable, [sys.executable, "-c",
                                           "from quizgen.cli import main; main()", *args],
                          environment)
            finally:
                os._exit(127)
        self.screen = ""
        self.seen = 0

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 4096)
        except OSError:  # the child closed the terminal
            return False
        self.screen += chunk.decode(errors="replace").replace("\r\n", "\n")
        return bool(chunk)

    def expect(self, text: str, timeout: float = 60) -> None:
        """Wait until `text` appears after what was already seen; then it counts as seen."""
        deadline = time.monotonic() + timeout
        while text not in self.screen[self.seen:]:
            if time.monotonic() > deadline or not self._read(deadline - time.monotonic()):
                raise AssertionError(f"never saw {text!r}; the screen shows:\n{self.screen}")
        self.seen = self.screen.index(text, self.seen) + len(text)

    def answer(self, prompt: str, line: str) -> None:
        """Wait for `prompt`, type `line` and Enter, and wait for the terminal's echo."""
        self.expect(prompt)
        self.expect(": ")  # the whole prompt is out: typing now cannot interleave with it
        os.write(self.fd, line.encode() + b"\r")
        self.expect(line + "\n")

    def press(self, key: bytes) -> None:
        os.write(self.fd, key)

    def wait_until_reading(self, timeout: float = 30) -> None:
        """Wait until quizgen sleeps in its read of the terminal. A Ctrl-C that lands after
        the prompt is printed but before the read starts is lost inside CPython's input()
        (the read never sees EINTR); a person cannot type that fast, a loaded machine can."""
        deadline = time.monotonic() + timeout
        asleep = 0
        while asleep < 3 and time.monotonic() < deadline:
            stat = Path(f"/proc/{self.pid}/stat").read_text()
            asleep = asleep + 1 if stat.rsplit(")", 1)[1].split()[0] == "S" else 0
            time.sleep(0.02)

    def finish(self, timeout: float = 60) -> int:
        """Read the rest of the screen; the exit code."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self._read(deadline - time.monotonic()):
            pass
        deadline = max(deadline, time.monotonic() + 5)  # a moment to reap it after EOF
        while time.monotonic() < deadline:
            finished, status = os.waitpid(self.pid, os.WNOHANG)
            if finished:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.05)
        os.kill(self.pid, signal.SIGKILL)  # a hung child fails the test, never the whole run
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        raise AssertionError(f"quizgen did not exit within {timeout} s:\n{self.screen}")


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    path = tmp_path / "moon.yaml"
    path.write_text(DECK, encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return path


def test_mistakes_are_asked_again_and_the_question_passes_check(
    deck: Path, tmp_path: Path
) -> None:
    term = Terminal(["add", "moon.yaml"], tmp_path)
    term.answer("Type (1 short, 2 numeric", "nmeric")
    term.expect("'nmeric' is not a question type (did you mean numeric?")
    term.answer("Type (1 short", "2")
    term.answer("Prompt (the question)", "How many people in Britain watched the first landing?")
    term.answer("Answer (a number", "21.000.000")
    term.expect("'21.000.000' is not a number")
    term.answer("Answer (a number", "21,000,000")
    term.answer("Unit, e.g. years or km (Enter to skip)", "people")
    term.answer("Paragraph of the source holding the answer, 1 = first (Enter to skip)", "two")
    term.expect("'two' is not a paragraph number")
    term.answer("Paragraph of the source", "2")
    term.answer("Explanation, shown with the answer (Enter to skip)", "")
    term.answer("Tags, separated by spaces (Enter to skip)", "apollo television")
    code = term.finish()
    assert code == 0, term.screen
    assert "moon.yaml: added numeric question 'how-many-people-in-britain-watched-the-first" in (
        term.screen)
    text = deck.read_text(encoding="utf-8")
    assert text.startswith(DECK)  # every byte before stays
    question = load_deck(deck).deck.questions[-1]
    assert question.model_dump(exclude_defaults=True) == {
        "id": "how-many-people-in-britain-watched-the-first", "type": "numeric",
        "prompt": "How many people in Britain watched the first landing?",
        "answer": 21000000, "unit": "people", "tags": ["apollo", "television"],
        "source": {"paragraph": 2},
    }
    checked = subprocess.run(
        [sys.executable, "-c", "from quizgen.cli import main; main()", "check", "moon.yaml",
         "--source", "article.txt"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)})
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 unsupported" in checked.stdout


def test_a_choice_by_letter_in_another_case_is_stored_as_the_choices_text(
    deck: Path, tmp_path: Path
) -> None:
    term = Terminal(["add", "moon.yaml", "--type", "choice"], tmp_path)
    term.answer("Prompt (the question)", "Which mission landed first?")
    term.answer("Choice 1", "Apollo 11")
    term.answer("Choice 2", "Apollo 12")
    term.answer("Choice 3 (Enter to finish)", "apollo 11")
    term.expect("'apollo 11' is already a choice")
    term.answer("Choice 3 (Enter to finish)", "Apollo 13")
    term.answer("Choice 4 (Enter to finish)", "")
    term.answer("Right choice (its number 1-3, letter a-c or text", "Apollo 14")
    term.expect("'Apollo 14' is not one of the choices")
    term.answer("Right choice", "A")
    term.answer("Paragraph", "")
    term.answer("Explanation", "Armstrong and Aldrin, July 1969.")
    term.answer("Tags", "")
    assert term.finish() == 0, term.screen
    question = load_deck(deck).deck.questions[-1]
    assert question.model_dump(include={"choices", "answer", "explanation"}) == {
        "choices": ["Apollo 11", "Apollo 12", "Apollo 13"], "answer": "Apollo 11",
        "explanation": "Armstrong and Aldrin, July 1969."}


def test_a_date_as_people_write_it(deck: Path, tmp_path: Path) -> None:
    term = Terminal(["add", "moon.yaml", "--type", "date", "--prompt", "When was the first "
                     "landing?", "--tag", "apollo"], tmp_path)
    term.answer("Answer (a year, month or day", "Jly 1969")
    term.expect("'Jly 1969' is not a date I can read")
    term.answer("Answer (a year, month or day", "July 1969")
    term.answer("Paragraph", "2")
    term.answer("Explanation", "")
    assert term.finish() == 0, term.screen
    assert "Tags" not in term.screen  # given as an option: not asked again
    question = load_deck(deck).deck.questions[-1]
    assert str(question.answer) == "1969-07"  # type: ignore[attr-defined]


@pytest.mark.parametrize("stage", ["type", "list", "optional"])
def test_ctrl_c_exits_130_and_leaves_the_file_untouched(
    deck: Path, tmp_path: Path, stage: str
) -> None:
    before = deck.read_bytes()
    term = Terminal(["add", "moon.yaml"], tmp_path)
    if stage != "type":
        term.answer("Type", "order")
        term.answer("Prompt", "Put these in order.")
        term.answer("Item 1", "Apollo 11")
    if stage == "optional":
        term.answer("Item 2", "Apollo 17")
        term.answer("Item 3 (in the right order; Enter to finish)", "")
        term.expect("Paragraph")
    else:
        term.expect("Type" if stage == "type" else "Item 2")
        term.expect(": ")  # the whole prompt is out
    term.wait_until_reading()
    term.press(b"\x03")
    code = term.finish()
    assert code == 130, term.screen
    assert "add: interrupted; nothing was left half-written" in term.screen
    assert "Traceback" not in term.screen
    assert deck.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "moon.yaml"]


def test_a_deck_that_cannot_take_a_question_is_refused_before_any_question(
    tmp_path: Path,
) -> None:
    (tmp_path / "broken.yaml").write_text("id: broken\ntitle: B\n", encoding="utf-8")
    term = Terminal(["add", "broken.yaml"], tmp_path)
    code = term.finish()
    assert code == 1
    assert "missing required field 'questions'" in term.screen
    assert "Type" not in term.screen


def test_everything_given_as_options_asks_nothing(deck: Path, tmp_path: Path) -> None:
    term = Terminal(["add", "moon.yaml", "--type", "short", "--prompt", "Who was second?",
                     "--answer", "Buzz Aldrin"], tmp_path)
    assert term.finish() == 0
    assert term.screen == "moon.yaml: added short question 'who-was-second' (2 questions)\n"
