"""Helpers for the hostile-input tests: run a command, check it refused cleanly.

A clean refusal: the exit code asked for, no traceback, every line of output free of raw
control characters, and nothing new in the folder the test watches.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from quizgen.cli import app

REPO = Path(__file__).resolve().parents[1]
_RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def run(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    """The CLI in process, from `cwd`; exit code and everything it printed."""
    previous = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    finally:
        os.chdir(previous)
    return result.exit_code, result.output


def run_process(*args: str, cwd: Path, timeout: float = 60,
                memory_mb: int | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI in a child process (for hangs, signals and memory caps)."""
    limit = ""
    if memory_mb is not None:
        limit = (f"import resource; resource.setrlimit(resource.RLIMIT_AS, "
                 f"({memory_mb << 20}, {memory_mb << 20})); ")
    code = f"{limit}from quizgen.cli import main; main()"
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, env=env, errors="backslashreplace")


def assert_refused(code: int, output: str, *, expected_code: int = 1,
                   contains: str | None = None) -> None:
    assert code == expected_code, output
    assert "Traceback" not in output, output
    assert not _RAW_CONTROL.search(output.replace("\n", "").replace("\t", "")), repr(output)
    if contains is not None:
        assert contains in output, output


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every regular file under `folder` with its bytes, to prove nothing was written."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }
