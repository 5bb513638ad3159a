"""Letters for choices, pairs and versions: A … Z, then AA, AB … as spreadsheets count.

Every output that letters things uses this one function, so a question with more than
26 choices reads the same on a card, on paper, in the answer grid and in exports, and
never shows `[`, `\\` or `]` after `Z`.
"""

from __future__ import annotations


def letter(index: int) -> str:
    """0 → 'A', 25 → 'Z', 26 → 'AA', 27 → 'AB', 701 → 'ZZ', 702 → 'AAA'."""
    if index < 0:
        raise ValueError(f"no letter for {index}")
    text = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        text = chr(ord("A") + remainder) + text
    return text
