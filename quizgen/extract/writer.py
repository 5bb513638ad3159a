"""A candidate `Deck` → YAML text, byte-for-byte the same for the same deck.

Keys come in the order a reviewer reads them (id, type, prompt, answer, source), not in
the models' declaration order; numbers are written as numbers, never as floats.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml

from ..models import Deck

QUESTION_KEYS = ("id", "type", "tags", "prompt", "text", "choices", "answer", "unit",
                 "tolerance", "source")
SOURCE_KEYS = ("paragraph", "locator", "quote", "span", "inferred")
WIDTH = 100


_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter when PyYAML has it (every wheel does): ten times faster on big decks."""


class _Dumper(_BaseDumper):  # type: ignore[misc]
    """Safe YAML with Decimals as plain numbers."""


def _represent_decimal(dumper: Any, value: Decimal) -> yaml.ScalarNode:
    node: yaml.ScalarNode
    if value == value.to_integral_value():
        node = dumper.represent_int(int(value))
    else:
        node = dumper.represent_scalar("tag:yaml.org,2002:float", format(value.normalize(), "f"))
    return node


_Dumper.add_representer(Decimal, _represent_decimal)


def header(source_name: str, recorded: bool = False) -> str:
    """The review note; `recorded`: the deck names its source.file, so check needs no --source."""
    command = "quizgen check THIS-FILE" + ("" if recorded else f" --source {source_name}")
    return (
        f"# Candidate questions extracted by `quizgen extract` from {source_name}.\n"
        "# REVIEW BEFORE USE: they come from patterns, not understanding. Keep the good ones,\n"
        "# reword prompts, delete the rest, then run:\n"
        f"#   {command}\n"
    )


def deck_yaml(deck: Deck, source_name: str) -> str:
    """The deck as YAML text with a review header; `quizgen validate` accepts it."""
    data = deck.model_dump(mode="python", exclude_none=True, exclude_defaults=True)
    data["questions"] = [_ordered(q) for q in data["questions"]]
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=WIDTH,
                     default_flow_style=False)
    recorded = deck.source is not None and deck.source.file is not None
    return header(source_name, recorded) + body


def _ordered(question: dict[str, Any]) -> dict[str, Any]:
    result = {key: question[key] for key in QUESTION_KEYS if key in question}
    result.update({k: v for k, v in question.items() if k not in result})
    source = result.get("source")
    if isinstance(source, dict):
        ordered = {key: source[key] for key in SOURCE_KEYS if key in source}
        if "span" in ordered:
            ordered["span"] = list(ordered["span"])
        result["source"] = ordered
    if "answer" in result and result.get("type") == "date":
        answer = str(result["answer"])
        result["answer"] = int(answer) if answer.isdigit() else answer
    return result
