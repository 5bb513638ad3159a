"""Outputs are atomic: an error or Ctrl-C mid-write leaves the old file or nothing, never half."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quizgen.atomic import atomic_path, write_text_atomic
from quizgen.cli import app

from .conftest import MINIMAL_DECK, REPO


def test_failure_inside_the_block_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_text("half of the new")
        raise RuntimeError("disk full, say")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_success_replaces_with_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "out.txt"
    write_text_atomic(target, "new\n")
    assert target.read_bytes() == b"new\n"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_ctrl_c_during_build_leaves_the_old_package(
    write_deck: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_deck(MINIMAL_DECK, "decks/mini.yaml")
    assert CliRunner().invoke(app, ["build"]).exit_code == 0
    package = tmp_path / "build" / "mini.apkg"
    before = package.read_bytes()

    def interrupted(target: Path, *args: Any, **options: Any) -> None:
        target.write_bytes(b"PK\x03\x04 only the start of a zip")
        raise KeyboardInterrupt

    monkeypatch.setattr("quizgen.anki.building.write_package", interrupted)
    write_deck(MINIMAL_DECK.replace("Pyongyang", "Pyongyang!"), "decks/mini.yaml")
    result = CliRunner().invoke(app, ["build"])
    assert result.exit_code == 130
    assert result.output == "build: interrupted; nothing was left half-written\n"
    assert package.read_bytes() == before
    assert sorted(p.name for p in package.parent.iterdir()) == ["mini.apkg"]


def test_real_sigint_leaves_a_whole_package_or_none(tmp_path: Path) -> None:
    """A real signal at a random moment of a large build: never a truncated file."""
    questions = "".join(
        f"  - {{id: q{i}, type: short, prompt: Question number {i}?, answer: A{i}}}\n"
        for i in range(20000)
    )
    (tmp_path / "big.yaml").write_text(f"id: big\ntitle: Big\nquestions:\n{questions}")
    process = subprocess.Popen(
        [sys.executable, "-c", "from quizgen.cli import main; main()", "build", "big.yaml"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        # as from a terminal, even when pytest runs as a background job (SIGINT ignored)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    # Signal once the build is under way (its output folder exists), not while Python is
    # still starting: a busy machine can take longer than any fixed sleep to get there.
    deadline = time.monotonic() + 60
    while (not (tmp_path / "build").exists() and process.poll() is None
           and time.monotonic() < deadline):
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert "Traceback" not in stderr
    build = tmp_path / "build"
    leftovers = sorted(p.name for p in build.glob("*")) if build.exists() else []
    assert all(not name.endswith(".tmp") for name in leftovers)
    if process.returncode == 130:
        assert stderr.strip().endswith("interrupted; nothing was left half-written")
    if leftovers:  # the build finished before the signal: the package must be whole
        with zipfile.ZipFile(tmp_path / "build" / "big.apkg") as archive:
            assert archive.testzip() is None
