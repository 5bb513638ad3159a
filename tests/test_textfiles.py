"""One UTF-8 decoding for every text file quizgen reads: the bad byte is located."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.errors import InputError
from quizgen.printing import PrintOptions, render
from quizgen.textfiles import NotUtf8Error, decode_utf8


def test_a_byte_order_mark_is_dropped_and_text_kept() -> None:
    assert decode_utf8("\ufeffé\r\nx".encode(), "f.txt") == "é\r\nx"


def test_the_first_bad_byte_is_named_with_line_and_column() -> None:
    with pytest.raises(NotUtf8Error) as caught:
        decode_utf8(b"one\ntwo caf" + b"\xe9\n", "f.txt")
    assert (caught.value.line, caught.value.column, caught.value.byte) == (2, 8, 0xE9)
    assert str(caught.value) == "f.txt:2: not UTF-8 text (byte 0xe9); save it as UTF-8"


def test_a_latin1_template_is_refused_at_its_line(tmp_path: Path) -> None:
    template = tmp_path / "mine.typ"
    template.write_bytes(b"// a template\n// caf\xe9\n")
    with pytest.raises(InputError, match=r"mine.typ:2: not UTF-8 text \(byte 0xe9\)"):
        render([], PrintOptions(template=template))
