"""Random mutations of the shipped deck through every command: crashes (must be 0) and the
slowest refusal. Figures, not pass/fail.

Each mutation edits the deck's text the way a careless or hostile author might: a byte
flipped, a line dropped or doubled, a value swapped for a hostile one (a huge number, an
alias, a tag, markup, a control character). Every command then runs in process with
exceptions let through, so anything but a clean exit code is a crash. Last, `add` appends
a question to every deck that validated: a refusal there is counted too, since `add` should
take any valid deck.

    python benchmarks/fuzz.py          # 300 mutations, seed 1
    python benchmarks/fuzz.py 1000 7   # 1000 mutations, seed 7
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.registry import EXPORT_FORMAT_NAMES

DECK = Path(__file__).resolve().parents[1] / "decks" / "putin-kim-2024.yaml"
HOSTILE = [
    "1e999999999", "1.0e+5000", "-0", ".nan", "!!bool maybe", "!!int ''", "&a x", "*a",
    "'<img src=x onerror=alert(1)>'", "'{{c0::x}}'", "'{{c99999999999999999999::x}}'",
    "\"\\e]0;PWNED\\a\"", "[", "{", "'A::::B'", "~", "2022-02-30", "'\u2028'", "- x",
    "99999999999999999999999", "'../../etc/hostname'", "''",
]


def mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    match rng.randrange(5):
        case 0:
            data = bytearray(text.encode("utf-8"))
            data[rng.randrange(len(data))] = rng.randrange(256)
            return data.decode("utf-8", errors="surrogateescape")
        case 1:
            del lines[rng.randrange(len(lines))]
        case 2:
            index = rng.randrange(len(lines))
            lines.insert(index, lines[index])
        case 3:
            candidates = [i for i, line in enumerate(lines) if ": " in line]
            index = rng.choice(candidates)
            key = lines[index].split(": ", 1)[0]
            lines[index] = f"{key}: {rng.choice(HOSTILE)}"
        case _:
            index = rng.randrange(len(lines))
            lines[index] = lines[index][: rng.randrange(len(lines[index]) + 1)]
    return "\n".join(lines)


def commands(folder: Path) -> list[list[str]]:
    deck = str(folder / "deck.yaml")
    found = [["validate", deck], ["build", deck, "-o", str(folder / "out")],
             ["build", deck, "--type-answer", "-o", str(folder / "typed")],
             ["stats", deck], ["print", deck, "--key", "-o", str(folder / "q.pdf")]]
    found += [["export", deck, "-f", name, "-o", str(folder / f"x.{name}")]
              for name in EXPORT_FORMAT_NAMES]
    # Last, as it changes the deck: a deck that validates takes a question or is refused cleanly.
    found.append(["add", deck, "--type", "short", "--prompt", "Added by the fuzzer?",
                  "--answer", "yes", "--id", "fuzz-added"])
    return found


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    original = DECK.read_text(encoding="utf-8")
    runner = CliRunner()
    crashes: list[str] = []
    refused = accepted = 0
    add_refusals: list[str] = []  # valid decks `add` would not take: each one is a bug
    slowest = (0.0, "")
    started = time.perf_counter()
    for number in range(count):
        text = mutate(original, rng)
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch)
            (folder / "deck.yaml").write_bytes(text.encode("utf-8", errors="surrogateescape"))
            for command in commands(folder):
                begin = time.perf_counter()
                try:
                    result = runner.invoke(app, command, catch_exceptions=False)
                except Exception:
                    crashes.append(f"mutation {number}, {command[0]}: "
                                   + traceback.format_exc(limit=3).splitlines()[-1])
                    continue
                took = time.perf_counter() - begin
                if result.exit_code == 0:
                    accepted += 1
                else:
                    refused += 1
                    if "Traceback" in result.output:
                        crashes.append(f"mutation {number}, {command[0]}: traceback printed")
                    if took > slowest[0]:
                        slowest = (took, f"{command[0]} (mutation {number})")
                if command[0] == "validate" and result.exit_code != 0:
                    break  # the other commands refuse the same deck the same way
                if command[0] == "add" and result.exit_code != 0:
                    add_refusals.append(f"mutation {number}: {result.output.strip()}")
    elapsed = time.perf_counter() - started
    print("| mutations | command runs accepted | refused | crashes | slowest refusal | total |")
    print("|---|---|---|---|---|---|")
    print(f"| {count} | {accepted} | {refused} | {len(crashes)} | "
          f"{slowest[0]:.2f} s ({slowest[1]}) | {elapsed:.0f} s |")
    print(f"\nvalid decks `add` refused: {len(add_refusals)}")
    for line in (crashes + add_refusals)[:20]:
        print(f"- {line}")


if __name__ == "__main__":
    os.environ.setdefault("NO_COLOR", "1")
    main()
