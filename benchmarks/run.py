"""Speed and memory of validate, build and print against the floor, as a Markdown table.

Figures, not pass/fail. Every measurement is a fresh process (start-up included), timed
with a monotonic clock; peak memory is the child's max RSS from wait4. The floor is what
any tool must do at least: PyYAML's C loader parsing the same file, plus a bare genanki
script writing the same number of notes.

    python benchmarks/run.py            # 1k, 10k and 50k questions
    python benchmarks/run.py 1000 5000  # other sizes
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generated import write_deck

SIZES = (1_000, 10_000, 50_000)
PRINT_LIMIT = 1_000
STARTUP_RUNS = 7

FLOOR_SCRIPT = """
import sys, yaml, genanki
data = yaml.load(open(sys.argv[1], encoding="utf-8").read(), Loader=yaml.CSafeLoader)
model = genanki.Model(1607392319, "Floor", fields=[{"name": "Q"}, {"name": "A"}],
    templates=[{"name": "C", "qfmt": "{{Q}}", "afmt": "{{A}}"}])
deck = genanki.Deck(2059400110, "Floor")
for q in data["questions"]:
    front = str(q.get("prompt") or q.get("text"))
    deck.add_note(genanki.Note(model=model, fields=[front, str(q.get("answer", ""))],
                               guid=genanki.guid_for(q["id"])))
genanki.Package(deck).write_to_file(sys.argv[2])
"""


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr}")
    return elapsed, usage.ru_maxrss / 1024


def measure_failing(command: list[str], cwd: Path) -> float:
    """Seconds until a command that must fail (exit 1) has failed."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, check=False)
    if result.returncode != 1:
        raise SystemExit(f"{' '.join(command)} should exit 1, exited {result.returncode}")
    return time.perf_counter() - start


def quizgen(*args: str) -> list[str]:
    return [sys.executable, "-m", "quizgen", *args]


def startup(command: list[str], cwd: Path) -> float:
    return statistics.median(measure(command, cwd)[0] for _ in range(STARTUP_RUNS))


def main(sizes: tuple[int, ...]) -> None:
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as scratch:
        folder = Path(scratch)
        rows = []
        for size in sizes:
            deck = write_deck(folder, size)
            validate = measure(quizgen("validate", str(deck)), folder)
            build = measure(quizgen("build", str(deck), "-o", str(folder / "out")), folder)
            count = str(min(size, PRINT_LIMIT))
            printed = measure(
                quizgen("print", str(deck), "--count", count, "-o", str(folder / "quiz.pdf")),
                folder,
            )
            floor_parse = measure(
                [
                    sys.executable,
                    "-c",
                    "import sys, yaml; yaml.load(open(sys.argv[1]).read(), "
                    "Loader=yaml.CSafeLoader)",
                    str(deck),
                ],
                folder,
            )
            floor = measure(
                [sys.executable, "-c", FLOOR_SCRIPT, str(deck), str(folder / "floor.apkg")], folder
            )
            rows.append((size, validate, build, printed, floor_parse, floor))
        bad = sorted((Path(__file__).resolve().parents[1] / "tests" / "bad_decks").glob("*.yaml"))
        bad_times = [measure_failing(quizgen("validate", str(deck)), folder) for deck in bad]
        quizgen_start = startup(quizgen("--version"), folder)
        typer_start = startup([sys.executable, "-c", "import typer"], folder)

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}\n"
    )
    print(
        "| questions | validate s (MB) | build s (MB) | floor: parse s | floor: parse + "
        "genanki s (MB) | build ÷ floor | build ms per 1k | print ≤1k s (MB) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size, validate, build, printed, floor_parse, floor in rows:
        print(
            f"| {size:,} | {validate[0]:.2f} ({validate[1]:.0f}) | {build[0]:.2f} "
            f"({build[1]:.0f}) | {floor_parse[0]:.2f} | {floor[0]:.2f} ({floor[1]:.0f}) | "
            f"{build[0] / floor[0]:.2f} | {1000 * build[0] / size * 1000:.0f} | "
            f"{printed[0]:.2f} ({printed[1]:.0f}) |"
        )
    print(
        f"\nBad-input suite: {len(bad_times)} malformed decks, each rejected in at most "
        f"{max(bad_times):.2f} s (median {statistics.median(bad_times):.2f} s), start-up included"
    )
    print(
        f"\nStart-up (median of {STARTUP_RUNS}): `quizgen --version` {quizgen_start * 1000:.0f} ms,"
        f" `python -c 'import typer'` {typer_start * 1000:.0f} ms, ratio "
        f"{quizgen_start / typer_start:.2f}"
    )


if __name__ == "__main__":
    main(tuple(int(arg) for arg in sys.argv[1:]) or SIZES)
