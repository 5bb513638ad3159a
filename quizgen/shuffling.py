"""Seeded randomness and the one "never the solved order" shuffle every output uses.

Printed quizzes, Anki cards and the Markdown sheet all scramble order items, match
sides and (where asked) choices. Shown in their written order those would give the
answer away, so all three draw through `scrambled`. Each decision gets its own
generator, keyed by labels, so adding a question to a deck never reshuffles another.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

def rng_for(seed: int | str, *labels: str) -> random.Random:
    """A generator for one decision of a seeded run (`print --seed`).

    Hashing (not Python's `hash`) keeps it the same across runs and machines.
    """
    material = "\x1f".join([str(seed), *labels]).encode("utf-8")
    return random.Random(hashlib.sha256(material).digest())


def question_rng(output: str, deck_id: str, question_id: str) -> random.Random:
    """A generator fixed by one question, for outputs without a seed (cards, the sheet).

    `output` keeps each output's draws apart; the key is the one these outputs have
    always used, so a rebuilt deck shows the same order it showed before.
    """
    return random.Random(f"{output}/{deck_id}/{question_id}")


def scrambled(values: Sequence[T], rng: random.Random, solved: Sequence[T] = ()) -> list[T]:
    """`values` shuffled into an order other than `solved` (default: `values` as given).

    An order question shown in its right order, or a match question whose right
    column lines up with its left, would be answered by the layout. When the shuffle
    lands on `solved`, its rotation is shown instead: that always differs (for two or
    more values) and costs no further draws, so later draws stay where they were.
    """
    target = list(solved) or list(values)
    order = list(values)
    rng.shuffle(order)
    if order != target:
        return order
    return target[1:] + target[:1]
