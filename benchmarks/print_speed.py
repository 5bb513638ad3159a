"""How long `quizgen print` takes: the shipped deck, and a generated 1,000-question deck.

Run: python benchmarks/print_speed.py [--repeat N]
Prints one line per case: questions, versions, pages of quiz and key, and the best
wall-clock time of N runs (selection, data, Typst compile, glyph check; no writing).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generated import write_deck

from quizgen.loading import load_decks
from quizgen.printing import PrintOptions, render
from quizgen.printing.printer import page_count

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "decks" / "putin-kim-2024.yaml"


def measure(label: str, deck: Path, options: PrintOptions, repeat: int) -> None:
    """In-process: the first run pays for font loading and Typst's caches; later runs reuse them."""
    decks = load_decks([deck])
    times: list[float] = []
    rendered = None
    for _ in range(repeat):
        start = time.perf_counter()
        rendered = render(decks, options)
        times.append(time.perf_counter() - start)
    assert rendered is not None
    questions = len(rendered.versions[0].items)
    key_pages = f", key {page_count(rendered.key)} pages" if rendered.key else ""
    warm = f", repeated {min(times[1:]):.2f} s" if len(times) > 1 else ""
    print(
        f"{label}: {questions} questions x {options.versions} version(s), "
        f"quiz {page_count(rendered.quiz)} pages{key_pages}: first {times[0]:.2f} s{warm}"
    )


def command_line(label: str, arguments: list[str]) -> None:
    """The whole command as a user runs it: interpreter start, loading, compiling, writing."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "quiz.pdf"
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-c",
                "from quizgen.cli import main; main()",
                "print",
                *arguments,
                "-o",
                str(output),
            ],
            check=True,
            capture_output=True,
        )
        print(f"{label}: {time.perf_counter() - start:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with_key = PrintOptions(versions=2, key=True)
    measure("shipped deck (whole), quiz + key", SHIPPED, with_key, args.repeat)
    measure(
        "shipped deck, --count 20 --versions 2 --key",
        SHIPPED,
        PrintOptions(count=20, versions=2, key=True),
        args.repeat,
    )
    with tempfile.TemporaryDirectory() as folder:
        big = write_deck(Path(folder), 1000)
        measure("generated deck, quiz only", big, PrintOptions(), args.repeat)
        measure("generated deck, quiz + key", big, with_key, args.repeat)
        command_line("command line, shipped deck --key", [str(SHIPPED), "--key"])
        command_line(
            "command line, shipped deck --versions 2 --key",
            [str(SHIPPED), "--versions", "2", "--key"],
        )
        command_line(
            "command line, shipped deck --count 20 --versions 2 --key",
            [str(SHIPPED), "--count", "20", "--versions", "2", "--key"],
        )
        command_line("command line, 1,000 questions", [str(big)])
        command_line(
            "command line, 1,000 questions --versions 2 --key",
            [str(big), "--versions", "2", "--key"],
        )


if __name__ == "__main__":
    main()
