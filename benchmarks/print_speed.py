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

from quizgen.loading import load_decks
from quizgen.printing import PrintOptions, render
from quizgen.printing.printer import page_count

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "decks" / "putin-kim-2024.yaml"


def generated_deck(count: int) -> str:
    """A deck of `count` questions cycling through every type, with made-up text."""
    lines = ["id: generated", "title: Generated benchmark deck", "questions:"]
    for index in range(count):
        kind = index % 8
        qid = f"q{index:05d}"
        if kind == 0:
            lines += [f"  - id: {qid}", "    type: short",
                      f"    prompt: Which harbour town is number {index} on the list?",
                      f"    answer: Town {index}"]
        elif kind == 1:
            lines += [f"  - id: {qid}", "    type: numeric",
                      f"    prompt: How many boats sailed on day {index}?",
                      f"    answer: {index * 3}", "    unit: boats"]
        elif kind == 2:
            lines += [f"  - id: {qid}", "    type: date",
                      f"    prompt: When did expedition {index} set out?",
                      f"    answer: {1800 + index % 200}-0{1 + index % 9}"]
        elif kind == 3:
            lines += [f"  - id: {qid}", "    type: choice",
                      f"    prompt: Which colour was flag {index}?",
                      "    choices: [Red, Green, Blue, Yellow]", "    answer: Green"]
        elif kind == 4:
            lines += [f"  - id: {qid}", "    type: truefalse",
                      f"    prompt: Lighthouse {index} still works.", "    answer: true"]
        elif kind == 5:
            lines += [f"  - id: {qid}", "    type: cloze",
                      f"    text: Ship {index} carried {{{{grain}}}} to {{{{Odessa}}}} in spring."]
        elif kind == 6:
            lines += [f"  - id: {qid}", "    type: order",
                      f"    prompt: Put the stops of route {index} in order.",
                      "    items: [Dover, Calais, Ghent, Bruges]"]
        else:
            lines += [f"  - id: {qid}", "    type: match",
                      f"    prompt: Match the crews of fleet {index} to their ships.",
                      "    pairs:", "      - {left: Anna, right: Swift}",
                      "      - {left: Boris, right: Heron}", "      - {left: Clara, right: Gull}"]
    return "\n".join(lines) + "\n"


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
            [sys.executable, "-c", "from quizgen.cli import main; main()", "print", *arguments,
             "-o", str(output)],
            check=True, capture_output=True,
        )
        print(f"{label}: {time.perf_counter() - start:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with_key = PrintOptions(versions=2, key=True)
    measure("shipped deck (whole), quiz + key", SHIPPED, with_key, args.repeat)
    measure("shipped deck, --count 20 --versions 2 --key", SHIPPED,
            PrintOptions(count=20, versions=2, key=True), args.repeat)
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "generated.yaml"
        big.write_text(generated_deck(1000), encoding="utf-8")
        measure("generated deck, quiz only", big, PrintOptions(), args.repeat)
        measure("generated deck, quiz + key", big, with_key, args.repeat)
        command_line("command line, shipped deck --key", [str(SHIPPED), "--key"])
        command_line("command line, shipped deck --versions 2 --key",
                     [str(SHIPPED), "--versions", "2", "--key"])
        command_line("command line, shipped deck --count 20 --versions 2 --key",
                     [str(SHIPPED), "--count", "20", "--versions", "2", "--key"])
        command_line("command line, 1,000 questions", [str(big)])
        command_line("command line, 1,000 questions --versions 2 --key",
                     [str(big), "--versions", "2", "--key"])


if __name__ == "__main__":
    main()
