"""How long `quizgen print` takes: the shipped deck, and a generated 1,000-question deck.

Run: python benchmarks/print_speed.py [--repeat N]
Prints one line per case: questions, versions, pages of quiz and key, and the best
wall-clock time of N runs (selection, data, Typst compile, glyph check; no writing); then
each command as a user runs it, cold, with its wall and CPU time and peak memory.
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


_MEASURE = """
import os, subprocess, sys, time
start = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(process.pid, 0)
print(status, time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def command_line(label: str, arguments: list[str]) -> None:
    """The whole command as a user runs it, cold: interpreter start, loading, compiling,
    writing. Started from a small helper process, so its peak resident size (from wait4)
    is its own and not this benchmark's."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "quiz.pdf"
        command = [sys.executable, "-c", "from quizgen.cli import main; main()", "print",
                   *arguments, "-o", str(output), "--quiet"]
        measured = subprocess.run(
            [sys.executable, "-c", _MEASURE, *command],
            check=True, capture_output=True, text=True,
        ).stdout.split()
        status, elapsed, cpu, peak = int(measured[0]), *map(float, measured[1:])
        if status != 0:
            raise SystemExit(f"{label}: the command failed")
        print(f"{label}: {elapsed:.2f} s wall, {cpu:.2f} s CPU, {peak / 1024:.0f} MB")


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
        command_line(
            "command line, shipped deck --sheet --copies 30 --versions 2",
            [str(SHIPPED), "--sheet", "--copies", "30", "--versions", "2"],
        )
        command_line(
            "command line, 1,000 questions --sheet --versions 2",
            [str(big), "--sheet", "--versions", "2"],
        )


if __name__ == "__main__":
    main()
