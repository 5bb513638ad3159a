"""Hostile files: FIFOs, devices, symlinks out of the deck folder, loops, fake pictures."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import MINIMAL_DECK
from .safety import assert_refused, run, run_process, snapshot

PICTURE_DECK = """\
id: pics
title: Pictures
questions:
  - id: map
    type: truefalse
    prompt: Is the river on the map?
    answer: true
    image: {image}
"""


def tiny_png() -> bytes:
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (len(body).to_bytes(4, "big") + kind + body
                + zlib.crc32(kind + body).to_bytes(4, "big"))

    header = (2).to_bytes(4, "big") + (2).to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    pixels = zlib.compress(b"\x00" + b"\xff\x00\x00" * 2 + b"\x00" + b"\x00\xff\x00" * 2)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


@pytest.mark.parametrize("command", ["validate", "build", "stats"])
def test_a_fifo_named_as_a_deck_is_refused_without_blocking(tmp_path: Path, command: str) -> None:
    os.mkfifo(tmp_path / "deck.yaml")
    result = run_process(command, "deck.yaml", cwd=tmp_path, timeout=20)
    assert_refused(result.returncode, result.stderr, contains="deck.yaml: not a deck file or "
                   "folder (a FIFO (named pipe))")
    assert not (tmp_path / "build").exists()


def test_a_device_named_as_a_deck_is_refused(tmp_path: Path) -> None:
    result = run_process("validate", "/dev/zero", cwd=tmp_path, timeout=20, memory_mb=1500)
    assert_refused(result.returncode, result.stderr,
                   contains="/dev/zero: not a deck file or folder (a character device)")


def test_a_symlink_to_a_device_is_refused_when_read(tmp_path: Path) -> None:
    (tmp_path / "deck.yaml").symlink_to("/dev/zero")
    result = run_process("validate", "deck.yaml", cwd=tmp_path, timeout=20, memory_mb=1500)
    assert_refused(result.returncode, result.stderr, contains="deck.yaml: not a deck file")


def test_a_symlink_loop_is_named_as_one(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    code, output = run("validate", "a.yaml", cwd=tmp_path)
    assert_refused(code, output, contains="a.yaml: symbolic links loop")


def test_a_deck_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    from quizgen.limits import MAX_DECK_BYTES

    deck = tmp_path / "huge.yaml"
    with deck.open("wb") as handle:  # sparse: no real 16 MB written
        handle.truncate(MAX_DECK_BYTES + 1)
    code, output = run("validate", "huge.yaml", cwd=tmp_path)
    assert_refused(code, output, contains="huge.yaml: deck is over the limit of 16.0 MB")


@pytest.mark.parametrize(
    ("arrange", "image", "message"),
    [
        (lambda d: (d / "pic.png").symlink_to("/etc/hostname"), "pic.png",
         "must stay inside the deck's folder"),
        (lambda d: (d / "sub").symlink_to("/etc"), "sub/hostname",
         "must stay inside the deck's folder"),
        (lambda d: (d / "pic.png").write_text("just text\n"), "pic.png",
         "'pic.png' is not a PNG, JPEG, GIF, WebP or SVG picture"),
        (lambda d: (d / "x.png").mkdir(), "x.png", "is not a regular file (a folder)"),
        (lambda d: os.mkfifo(d / "p.png"), "p.png", "is not a regular file (a FIFO"),
        (lambda d: (d / "big.png").open("wb").truncate(21 * 1024 * 1024), "big.png",
         "over the limit of 20.0 MB"),
        (lambda d: (d / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40), "bad.png",
         "is damaged"),
        (lambda d: None, "missing.png", "file 'missing.png' not found next to the deck"),
    ],
    ids=["symlink-file-out", "symlink-folder-out", "text-as-png", "folder-as-png", "fifo-as-png",
         "oversized", "no-header", "missing"],
)
def test_pictures_are_confined_and_judged_by_content(
    tmp_path: Path, arrange: Callable[[Path], object], image: str, message: str
) -> None:
    arrange(tmp_path)
    (tmp_path / "deck.yaml").write_text(PICTURE_DECK.format(image=image), encoding="utf-8")
    before = snapshot(tmp_path)
    for command in (["validate"], ["build", "-o", "out"], ["print", "-o", "q.pdf"],
                    ["export", "-f", "markdown", "-o", "x.md"]):
        result = run_process(*command, "deck.yaml", cwd=tmp_path, timeout=30)
        assert_refused(result.returncode, result.stderr,
                       contains="deck.yaml:8:12: questions[0].image: ")
        assert message in result.stderr
    assert snapshot(tmp_path) == before
    assert not (tmp_path / "out").exists()


def test_a_picture_inside_the_folder_through_a_link_is_fine(tmp_path: Path) -> None:
    (tmp_path / "art").mkdir()
    (tmp_path / "art" / "map.png").write_bytes(tiny_png())
    (tmp_path / "pic.png").symlink_to("art/map.png")
    (tmp_path / "deck.yaml").write_text(PICTURE_DECK.format(image="pic.png"), encoding="utf-8")
    code, output = run("validate", "deck.yaml", cwd=tmp_path)
    assert (code, output) == (0, "deck.yaml: ok, 1 question\n")


def test_a_picture_swapped_for_a_link_after_validation_is_still_refused(tmp_path: Path) -> None:
    """Outputs check again when they read: validation is no licence for later reads."""
    from quizgen.anki.building import build_packages
    from quizgen.errors import InputError
    from quizgen.loading import load_decks

    (tmp_path / "pic.png").write_bytes(tiny_png())
    (tmp_path / "deck.yaml").write_text(PICTURE_DECK.format(image="pic.png"), encoding="utf-8")
    decks = load_decks([tmp_path / "deck.yaml"])
    (tmp_path / "pic.png").unlink()
    (tmp_path / "pic.png").symlink_to("/etc/hostname")
    with pytest.raises(InputError, match="question 'map': image: must stay inside"):
        list(build_packages(decks, tmp_path / "out"))
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("option", [["--template", "t.typ"], ["--font-path", "fonts"]])
def test_print_refuses_a_fifo_as_template_or_font(tmp_path: Path, option: list[str]) -> None:
    (tmp_path / "deck.yaml").write_text(MINIMAL_DECK, encoding="utf-8")
    if option[0] == "--template":
        os.mkfifo(tmp_path / "t.typ")
    else:
        os.mkfifo(tmp_path / "fonts")
    result = run_process("print", "deck.yaml", "-o", "q.pdf", *option, cwd=tmp_path, timeout=30)
    assert_refused(result.returncode, result.stderr)
    assert ("not a regular file" in result.stderr
            or "fonts: not a font file or folder" in result.stderr), result.stderr
    assert not (tmp_path / "q.pdf").exists()


def test_print_refuses_proc_as_a_font_folder_quickly(tmp_path: Path) -> None:
    (tmp_path / "deck.yaml").write_text(MINIMAL_DECK, encoding="utf-8")
    result = run_process("print", "deck.yaml", "-o", "q.pdf", "--font-path", "/proc",
                         cwd=tmp_path, timeout=60)
    assert_refused(result.returncode, result.stderr, contains="/proc: too many files")
    assert not (tmp_path / "q.pdf").exists()


def test_a_fifo_as_article_is_refused_by_check_and_extract(tmp_path: Path) -> None:
    (tmp_path / "deck.yaml").write_text(MINIMAL_DECK, encoding="utf-8")
    os.mkfifo(tmp_path / "article.txt")
    for command in (["check", "deck.yaml", "--source", "article.txt"],
                    ["extract", "article.txt", "-o", "c.yaml"]):
        result = run_process(*command, cwd=tmp_path, timeout=30)
        assert_refused(result.returncode, result.stderr, contains="article.txt")
        assert "not a regular file" in result.stderr
    assert not (tmp_path / "c.yaml").exists()


def test_add_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "deck.yaml")
    done = threading.Event()
    result = run_process("add", "deck.yaml", "--type", "short", "--prompt", "Q?", "--answer", "A",
                         cwd=tmp_path, timeout=30)
    done.set()
    assert_refused(result.returncode, result.stderr, contains="not a regular file")
