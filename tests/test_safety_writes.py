"""Writing never loses a file: modes, links, read-only files, devices, signals, clocks."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quizgen.atomic import FileState, write_text_atomic
from quizgen.errors import OutputError

from .conftest import MINIMAL_DECK
from .safety import REPO, assert_refused, run, snapshot

ADD = ["add", "deck.yaml", "--type", "short", "--prompt", "Which river?", "--answer", "Taedong"]


def test_add_keeps_the_mode_of_a_private_deck(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(MINIMAL_DECK, encoding="utf-8")
    deck.chmod(0o600)
    assert run(*ADD, cwd=tmp_path)[0] == 0
    assert stat.S_IMODE(deck.stat().st_mode) == 0o600
    assert "Taedong" in deck.read_text(encoding="utf-8")


def test_add_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "deck.yaml").write_text(MINIMAL_DECK, encoding="utf-8")
    (tmp_path / "deck.yaml").symlink_to("real/deck.yaml")
    assert run(*ADD, cwd=tmp_path)[0] == 0
    assert (tmp_path / "deck.yaml").is_symlink()
    assert "Taedong" in (tmp_path / "real" / "deck.yaml").read_text(encoding="utf-8")


def test_add_keeps_hard_links(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(MINIMAL_DECK, encoding="utf-8")
    os.link(deck, tmp_path / "also.yaml")
    assert run(*ADD, cwd=tmp_path)[0] == 0
    assert (tmp_path / "also.yaml").read_text(encoding="utf-8") == deck.read_text(encoding="utf-8")
    assert deck.stat().st_ino == (tmp_path / "also.yaml").stat().st_ino
    assert "Taedong" in deck.read_text(encoding="utf-8")


def test_add_refuses_a_read_only_deck(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(MINIMAL_DECK, encoding="utf-8")
    deck.chmod(0o444)
    code, output = run(*ADD, cwd=tmp_path)
    assert_refused(code, output, contains="deck.yaml: cannot write: the file is read-only")
    assert deck.read_text(encoding="utf-8") == MINIMAL_DECK


def test_a_change_made_meanwhile_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "deck.yaml"
    target.write_text("first\n", encoding="utf-8")
    state = FileState.of(target, target.read_bytes())
    target.write_text("someone else's edit\n", encoding="utf-8")
    with pytest.raises(OutputError, match="the file changed while quizgen worked on it"):
        write_text_atomic(target, "ours\n", expected=state)
    assert target.read_text(encoding="utf-8") == "someone else's edit\n"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.yaml"]


@pytest.mark.parametrize("device", ["/dev/full", "/dev/null"])
def test_outputs_never_replace_a_device(tmp_path: Path, device: str) -> None:
    (tmp_path / "deck.yaml").write_text(MINIMAL_DECK, encoding="utf-8")
    before = os.stat(device)
    code, output = run("export", "deck.yaml", "-f", "markdown", "-o", device, cwd=tmp_path)
    assert_refused(code, output, contains=f"{device}: ")
    assert "not a regular file" in output or "it is a character device" in output
    assert stat.S_ISCHR(os.stat(device).st_mode)
    assert os.stat(device).st_rdev == before.st_rdev


def test_a_full_disk_is_a_clean_error(tmp_path: Path) -> None:
    """ENOSPC while writing: simulated by a file size limit on the child process."""
    (tmp_path / "deck.yaml").write_text(MINIMAL_DECK, encoding="utf-8")
    code = ("import resource, signal; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
            "resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100)); "
            "from quizgen.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", code, "build", "deck.yaml", "-o", "out"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert_refused(result.returncode, result.stderr, contains="cannot write: File too large")
    assert not list(tmp_path.rglob("*.tmp"))  # nothing half-written left behind


@pytest.mark.parametrize(
    ("value", "message"),
    [("4354000000", "SOURCE_DATE_EPOCH 4354000000 is after the year 2099"),
     ("99999999999999999999", "must be whole seconds since 1970"),
     ("-5", "must be whole seconds since 1970"),
     ("soon", "must be whole seconds since 1970, not 'soon'")],
)
def test_bad_source_date_epoch_is_refused_before_any_output(
    tmp_path: Path, value: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "deck.yaml").write_text(MINIMAL_DECK, encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    for command in (["build", "-o", "out"], ["print", "-o", "q.pdf"]):
        code, output = run(*command, "deck.yaml", cwd=tmp_path)
        assert_refused(code, output, contains=message)
    assert snapshot(tmp_path) == {"deck.yaml": MINIMAL_DECK.encode()}
    assert not (tmp_path / "out").exists()


def test_a_deck_file_from_the_future_still_builds(tmp_path: Path, collection: object) -> None:
    from .conftest import import_package

    deck = tmp_path / "deck.yaml"
    deck.write_text(MINIMAL_DECK, encoding="utf-8")
    year_2150 = 5_680_281_600
    os.utime(deck, (year_2150, year_2150))
    code, output = run("build", "deck.yaml", "-o", "out", cwd=tmp_path)
    assert code == 0, output
    import_package(collection, tmp_path / "out" / "mini.apkg")
    assert len(collection.find_cards("")) == 1  # type: ignore[attr-defined]


def test_a_deleted_working_folder_is_a_message(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    code = (f"import os; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); "
            "from quizgen.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", code, "validate"], capture_output=True,
                            text=True, timeout=30, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert_refused(result.returncode, result.stderr, contains="the working folder no longer exists")


def test_sigterm_during_a_build_leaves_no_temporary_file(tmp_path: Path) -> None:
    questions = "".join(f"  - {{id: q{i}, type: short, prompt: 'Question {i}?', answer: A{i}}}\n"
                        for i in range(20_000))
    (tmp_path / "big.yaml").write_text(f"id: big\ntitle: Big\nquestions:\n{questions}",
                                       encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-c", "from quizgen.cli import main; main()", "build", "big.yaml"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)})
    deadline = time.monotonic() + 60
    while not any((tmp_path / "build").glob(".*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, stderr
    assert "Traceback" not in stderr
    assert [p.name for p in (tmp_path / "build").iterdir()] == []
