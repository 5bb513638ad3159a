"""The code stays as clean as the day it was written: ruff on the repo, mypy --strict on quizgen."""

from __future__ import annotations

import subprocess
import sys

from .conftest import REPO


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=REPO, capture_output=True,
                          text=True, check=False)


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_package() -> None:
    result = _run("mypy", "--no-incremental")  # settings, strict included, in pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr
