"""Precision and recall of `quizgen extract`'s fact finder, per kind, on texts with gold lists.

    python benchmarks/extract_eval.py                 # the set in benchmarks/extract/
    python benchmarks/extract_eval.py FOLDER --show   # any folder; list misses and extras
    python benchmarks/extract_eval.py FOLDER --kind pdf   # read NAME.pdf (or html) instead

A folder holds NAME.txt (or .md) beside NAME.gold.yaml; benchmarks/extract/README.md
describes the gold format and the scoring.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from quizgen.extract.candidates import (
    ExtractOptions,
    NoFactsError,
    all_facts,
    build_deck,
    find_candidates,
)
from quizgen.extract.documents import read_document
from quizgen.extract.facttypes import KINDS, Fact
from quizgen.extract.sentences import parse_article
from quizgen.models import ChoiceQuestion, PartialDate

HERE = Path(__file__).resolve().parent / "extract"


@dataclass(frozen=True)
class Gold:
    kind: str
    text: str
    value: str | None
    start: int
    end: int


@dataclass
class Tally:
    found: int = 0
    gold: int = 0
    true_found: int = 0
    true_gold: int = 0
    valued: int = 0
    value_right: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def article_for(gold_path: Path, kind: str = "txt") -> Path:
    stem = gold_path.name.removesuffix(".gold.yaml")
    for suffix in ((".txt", ".md") if kind == "txt" else (f".{kind}",)):
        candidate = gold_path.with_name(stem + suffix)
        if candidate.exists():
            return candidate
    raise SystemExit(f"{gold_path}: no {stem}.{kind} beside it")


def load_gold(
    path: Path, text: str, paragraphs: list[tuple[int, int]], strict: bool = True
) -> tuple[list[Gold], PartialDate | None]:
    """Gold facts placed in `text`; with `strict` off (a page or PDF read back), a gold text
    the reader lost is kept as a miss instead of stopping the run."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    reference = PartialDate.parse(data["date"]) if data.get("date") else None
    gold: list[Gold] = []
    placed: dict[bool, list[tuple[int, int]]] = {True: [], False: []}
    for entry in data.get("facts") or []:
        kind, written = str(entry[0]), str(entry[1])
        value = str(entry[2]) if len(entry) > 2 else None
        if kind not in KINDS:
            raise SystemExit(f"{path}: unknown kind '{kind}' (use one of {', '.join(KINDS)})")
        layer = placed[kind == "treaty"]  # names and values may overlap: "the 1961 treaty"
        start = _occurrence(text, written, layer, paragraphs)
        if start < 0 and strict:
            raise SystemExit(
                f"{path}: '{written}' not found (often enough) in the article's paragraphs")
        if start < 0:
            gold.append(Gold(kind, written, value, -1, -1))
            continue
        layer.append((start, start + len(written)))
        gold.append(Gold(kind, written, value, start, start + len(written)))
    return gold, reference


def _occurrence(text: str, needle: str, placed: list[tuple[int, int]],
                paragraphs: list[tuple[int, int]]) -> int:
    """The first occurrence in a paragraph that no earlier gold fact of its layer covers."""
    position = -1
    while True:
        position = text.find(needle, position + 1)
        if position < 0:
            return -1
        end = position + len(needle)
        inside = any(start <= position and end <= stop for start, stop in paragraphs)
        taken = any(start < end and position < stop for start, stop in placed)
        if inside and not taken:
            return position


def predicted(text: str, reference: PartialDate | None) -> list[Fact]:
    """What `extract` finds: every fact of every paragraph, as `all_facts` gives them."""
    return [fact for fact, _ in all_facts(parse_article(text), reference)]


def score(facts: list[Fact], gold: list[Gold]) -> tuple[dict[str, Tally], list[str]]:
    tallies = {kind: Tally() for kind in KINDS}
    notes: list[str] = []
    matched_gold: set[int] = set()
    for fact in facts:
        tallies[fact.kind].found += 1
        hit = next((i for i, g in enumerate(gold) if i not in matched_gold and g.kind == fact.kind
                    and g.start < fact.end and fact.start < g.end), None)
        if hit is None:
            notes.append(f"  extra  {fact.kind:8} {fact.text!r} ({fact.key})")
            continue
        matched_gold.add(hit)
        tally = tallies[fact.kind]
        tally.true_found += 1
        if gold[hit].value is not None:
            tally.valued += 1
            if gold[hit].value == fact.key:
                tally.value_right += 1
            else:
                notes.append(f"  value  {fact.kind:8} {fact.text!r}: {fact.key} "
                             f"≠ gold {gold[hit].value}")
    for index, entry in enumerate(gold):
        tallies[entry.kind].gold += 1
        if index in matched_gold:
            tallies[entry.kind].true_gold += 1
        else:
            notes.append(f"  missed {entry.kind:8} {entry.text!r}")
    return tallies, notes


@dataclass
class DeckTally:
    """What a reviewer meets: questions per distinct fact, where the right choice sits."""

    questions: int = 0
    distinct_facts: int = 0
    positions: dict[int, int] | None = None

    def add_deck(self, text: str, reference: PartialDate | None) -> None:
        article = parse_article(text)
        distinct = {(c.fact.kind, c.fact.key) for c in find_candidates(article, reference)}
        try:
            deck = build_deck(article, ExtractOptions(deck_id="eval", published=reference))
        except NoFactsError:
            return
        self.questions += len(deck.questions)
        self.distinct_facts += len(distinct)
        positions = self.positions if self.positions is not None else {}
        for question in deck.questions:
            if isinstance(question, ChoiceQuestion):
                index = question.choices.index(question.answer)
                positions[index] = positions.get(index, 0) + 1
        self.positions = positions

    def lines(self) -> list[str]:
        per_fact = self.questions / self.distinct_facts if self.distinct_facts else 0.0
        positions = self.positions or {}
        choices = sum(positions.values())
        shares = ", ".join(f"{index + 1}: {count / choices:.0%}"
                           for index, count in sorted(positions.items())) if choices else "–"
        top = max(positions.values()) / choices if choices else 0.0
        return [f"questions {self.questions}, distinct facts {self.distinct_facts}, "
                f"questions per distinct fact {per_fact:.2f}",
                f"answer position in {choices} choice questions: {shares} (max {top:.0%})"]


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  –  "


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=HERE)
    parser.add_argument("--show", action="store_true", help="list misses, extras and wrong values")
    parser.add_argument("--kind", choices=("txt", "html", "pdf"), default="txt",
                        help="which copy of each text to read (all go through read_document)")
    args = parser.parse_args(argv)
    gold_files = sorted(args.folder.glob("*.gold.yaml"))
    if not gold_files:
        print(f"{args.folder}: no *.gold.yaml files", file=sys.stderr)
        return 1
    total = {kind: Tally() for kind in KINDS}
    decks = DeckTally()
    for gold_path in gold_files:
        article_path = article_for(gold_path, args.kind)
        text = read_document(article_path).text
        spans = [(p.start, p.end) for p in parse_article(text).paragraphs]
        gold, reference = load_gold(gold_path, text, spans, strict=args.kind == "txt")
        tallies, notes = score(predicted(text, reference), gold)
        decks.add_deck(text, reference)
        for kind in KINDS:
            total[kind].add(tallies[kind])
        if args.show and notes:
            print(article_path.name)
            print("\n".join(notes))
    print(f"{len(gold_files)} texts in {args.folder}")
    print(f"{'kind':10} {'gold':>5} {'found':>6} {'precision':>10} {'recall':>7} {'value':>6}")
    overall = Tally()
    for kind in KINDS:
        tally = total[kind]
        overall.add(tally)
        print(f"{kind:10} {tally.gold:5} {tally.found:6} "
              f"{ratio(tally.true_found, tally.found):>10} "
              f"{ratio(tally.true_gold, tally.gold):>7} "
              f"{ratio(tally.value_right, tally.valued):>6}")
    print(f"{'all':10} {overall.gold:5} {overall.found:6} "
          f"{ratio(overall.true_found, overall.found):>10} "
          f"{ratio(overall.true_gold, overall.gold):>7} "
          f"{ratio(overall.value_right, overall.valued):>6}")
    print("\n".join(decks.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
