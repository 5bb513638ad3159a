"""Deck statistics: what a deck covers and which questions still lack an explanation or source.

Authors use it to see gaps (a type never used, a tag on one question, answers nobody
can check against the source) before publishing a deck.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from .errors import display_path
from .loading import LoadedDeck
from .models import QUESTION_TYPES, QuestionBase
from .wording import counted


@dataclass(frozen=True)
class Counts:
    """Counts over a set of questions; lists of ids name the ones to fix."""

    questions: int
    by_type: dict[str, int]
    by_tag: dict[str, int]
    without_explanation: list[str]
    without_source: list[str]


@dataclass(frozen=True)
class DeckStats:
    path: str
    deck_id: str
    title: str
    counts: Counts


@dataclass(frozen=True)
class Stats:
    decks: list[DeckStats]
    total: Counts

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def collect_stats(decks: Sequence[LoadedDeck]) -> Stats:
    """Per-deck counts in the order given, and totals over all of them."""
    per_deck = [
        DeckStats(display_path(loaded.path), loaded.deck.id, loaded.deck.title,
                  _count([(loaded.deck.id, q) for q in loaded.deck.questions], qualify=False))
        for loaded in decks
    ]
    every = [(loaded.deck.id, q) for loaded in decks for q in loaded.deck.questions]
    return Stats(per_deck, _count(every, qualify=len(decks) > 1))


def _count(questions: Sequence[tuple[str, QuestionBase]], qualify: bool) -> Counts:
    types = Counter(getattr(question, "type", "") for _, question in questions)
    tags = Counter(tag for _, question in questions for tag in question.tags)

    def name(deck_id: str, question: QuestionBase) -> str:
        return f"{deck_id}/{question.id}" if qualify else question.id

    return Counts(
        questions=len(questions),
        by_type={kind: types[kind] for kind in QUESTION_TYPES if types[kind]},
        by_tag=dict(sorted(tags.items(), key=lambda item: (-item[1], item[0]))),
        without_explanation=[name(d, q) for d, q in questions if not q.explanation],
        without_source=[name(d, q) for d, q in questions if q.source is None],
    )


def render_stats(stats: Stats) -> str:
    """A plain-text report: one block per deck, then totals when there are several decks."""
    blocks = [_render_block(f"{deck.deck_id} ({deck.path})", deck.counts)
              for deck in stats.decks]
    if len(stats.decks) > 1:
        blocks.append(_render_block(f"all {len(stats.decks)} decks", stats.total))
    return "\n\n".join(blocks) + "\n"


def _render_block(heading: str, counts: Counts) -> str:
    lines = [
        f"{heading}: {counted(counts.questions, 'question')}",
        f"  types: {_pairs(counts.by_type)}",
        f"  tags: {_pairs(counts.by_tag)}",
        f"  without explanation: {_ids(counts.without_explanation)}",
        f"  without source: {_ids(counts.without_source)}",
    ]
    return "\n".join(lines)


def _pairs(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in counts.items()) or "none"


def _ids(ids: list[str]) -> str:
    return f"{len(ids)} ({', '.join(ids)})" if ids else "none"
