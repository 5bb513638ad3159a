"""Generated benchmark decks: every question type in turn, written the way people write them.

Shared by the benchmarks so they all measure the same kind of deck.
"""

from __future__ import annotations

from pathlib import Path


def question(index: int) -> str:
    """Eight question types in turn, with the fields people really fill in."""
    common = f"    tags: [bench, kind::{index % 8}]\n    source: {{paragraph: {index % 9 + 1}}}\n"
    kind = index % 8
    if kind == 0:
        body = (
            f"    type: short\n    prompt: What is item {index} called?\n"
            f"    answer: Item {index}\n    explanation: It is the {index}th.\n"
        )
    elif kind == 1:
        body = (
            f"    type: numeric\n    prompt: How many for {index}?\n    answer: {index}\n"
            "    unit: things\n"
        )
    elif kind == 2:
        body = f"    type: date\n    prompt: When was {index}?\n    answer: {1900 + index % 120}\n"
    elif kind == 3:
        body = (
            f"    type: choice\n    prompt: Pick {index}\n"
            f"    choices: ['a{index}', 'b{index}', 'c{index}', 'd{index}']\n"
            f"    answer: 'b{index}'\n"
        )
    elif kind == 4:
        body = (
            f"    type: truefalse\n    prompt: Is {index} even?\n"
            f"    answer: {str(index % 2 == 0).lower()}\n"
        )
    elif kind == 5:
        body = (
            f"    type: cloze\n    text: The number {{{{{index}}}}} follows {{{{{index - 1}}}}}.\n"
        )
    elif kind == 6:
        body = (
            f"    type: order\n    prompt: Order {index}\n"
            f"    items: ['x{index}', 'y{index}', 'z{index}']\n"
        )
    else:
        body = (
            f"    type: match\n    prompt: Match {index}\n    pairs:\n"
            f"      - {{left: l{index}, right: r{index}}}\n"
            f"      - {{left: m{index}, right: s{index}}}\n"
        )
    return f"  - id: q{index}\n{body}{common}"


def write_deck(folder: Path, size: int) -> Path:
    path = folder / f"bench-{size}.yaml"
    text = f"id: bench-{size}\ntitle: Benchmark {size}\nquestions:\n"
    path.write_text(text + "".join(question(i) for i in range(size)), encoding="utf-8")
    return path
