"""Append one question to a deck's text without touching any other byte.

A whole-file ruamel.yaml round trip keeps comments but still rewrites what it cannot
represent: `key:   value` spacing, `~` for null, `---`, CRLF line ends, plain scalars
folded over several lines, spaces inside `[ a, b ]`. So the deck text is kept as it
is; ruamel.yaml only renders the new question, in the indentation, flow style and key
order the file already uses, and that text is inserted after the last question.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import LiteralScalarString, SingleQuotedScalarString
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    Event,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import InputError

DEFAULT_KEY_ORDER = (
    "id", "type", "prompt", "text", "choices", "answer", "alternatives", "unit", "tolerance",
    "items", "pairs", "tags", "explanation", "source",
)
DEFAULT_FLOW_KEYS = frozenset({"tags", "source"})
"""Short collections read best inline (`tags: [dates]`, `source: {paragraph: 2}`)."""

_STR_TAG = "tag:yaml.org,2002:str"
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: same marks, 10x faster
_YAML11 = yaml.resolver.Resolver()


@dataclass(frozen=True)
class ListStyle:
    """How the deck writes its question list, and where the next question goes."""

    insert_at: int
    base_indent: int
    dash_offset: int
    content_offset: int
    mapping_step: int
    blank_line: bool
    newline: str
    flow: dict[str, bool]
    key_order: tuple[str, ...]


def read_list_style(text: str, question_type: str) -> ListStyle:
    """The style of `text`'s `questions:` block list, learnt from the questions already there."""
    root = yaml.compose(text, Loader=_LOADER)
    if not isinstance(root, MappingNode):
        raise InputError("the deck is not a mapping of fields")
    found = [value for key, value in root.value
             if isinstance(key, ScalarNode) and key.value == "questions"]
    if not found:
        raise InputError("the deck has no 'questions:' list")
    questions = found[0]
    if not isinstance(questions, SequenceNode) or not questions.value:
        raise InputError("'questions:' is not a list of questions")
    if questions.flow_style:
        raise InputError("'questions:' is written as a flow list [...]; "
                         "add appends to block lists ('- id: …' on its own line)")
    items = questions.value
    layout = _list_layout(text)
    dash = _dash_index(text, layout)
    dash_column = dash - _line_start(text, dash)
    base = layout.key_column
    last_start = layout.item_starts[-1]
    content_column = (last_start - _line_start(text, last_start)
                      if _line_of(text, last_start) == _line_of(text, dash) else dash_column + 2)
    return ListStyle(
        insert_at=_after_line(text, layout.item_ends[-1]),
        base_indent=base,
        dash_offset=dash_column - base,
        content_offset=max(content_column - base, dash_column - base + 2),
        mapping_step=_mapping_step(items),
        blank_line=_blank_before(text, layout, dash),
        newline="\r\n" if "\r\n" in text else "\n",
        flow=_flow_styles(items),
        key_order=_reference_keys(items, question_type),
    )


@dataclass(frozen=True)
class _ListLayout:
    """Where the question list and each of its questions are written.

    Read from the parser's events, not the composed tree: in the tree an alias is the
    anchored node itself, whose marks point at the anchor, far from where the alias stands.
    """

    key_column: int
    list_start: int
    item_starts: tuple[int, ...]
    item_ends: tuple[int, ...]


def _list_layout(text: str) -> _ListLayout:
    """The `questions:` list's layout (the caller has checked it is a non-empty block list)."""
    events = list(yaml.parse(text, Loader=_LOADER))
    index = next(i for i, event in enumerate(events) if isinstance(event, MappingStartEvent)) + 1
    while True:
        key = events[index]
        index, _ = _skip_node(events, index)
        if isinstance(key, ScalarEvent) and key.value == "questions":
            break
        index, _ = _skip_node(events, index)
    sequence = events[index]
    starts: list[int] = []
    ends: list[int] = []
    index += 1
    while not isinstance(events[index], SequenceEndEvent):
        start = _start(events[index])
        index, end = _skip_node(events, index)
        starts.append(start)
        ends.append(start if end is None else end)
    # An anchor or tag on the list itself stands between its key and its first dash.
    assert isinstance(sequence, CollectionStartEvent) and key.start_mark is not None
    decorated = sequence.anchor is not None or sequence.tag is not None
    list_start = _end(sequence) if decorated else _end(key)
    return _ListLayout(key.start_mark.column, list_start, tuple(starts), tuple(ends))


def _skip_node(events: list[Event], index: int) -> tuple[int, int | None]:
    """The index after the node starting at `events[index]`, and where its written text ends
    (None for a value written as nothing, `key:`, whose text ends with its key)."""
    event = events[index]
    if isinstance(event, ScalarEvent):
        written = event.value != "" or event.style is not None
        return index + 1, _end(event) if written else None
    if isinstance(event, AliasEvent):
        return index + 1, _end(event)
    assert isinstance(event, CollectionStartEvent)
    end: int | None = None
    index += 1
    while not isinstance(events[index], CollectionEndEvent):
        index, inner_end = _skip_node(events, index)
        end = inner_end if inner_end is not None else end
    if event.flow_style:  # `[a, b]` and `{k: v}` end at their closing bracket
        end = _end(events[index])
    return index + 1, end


def _start(event: Event) -> int:
    assert event.start_mark is not None  # the parser marks every event
    return int(event.start_mark.index)


def _end(event: Event) -> int:
    assert event.end_mark is not None
    return int(event.end_mark.index)


def insert_question(text: str, style: ListStyle, data: dict[str, Any]) -> str:
    """`text` with `data` rendered as one more item of its question list."""
    fragment = render_item(data, style)
    before, after = text[: style.insert_at], text[style.insert_at :]
    if before and not before.endswith("\n"):
        before += style.newline
    if style.blank_line:
        fragment = style.newline + fragment
    return before + fragment + after


def render_item(data: dict[str, Any], style: ListStyle) -> str:
    """One `- id: …` item, indented to sit under the deck's `questions:` key."""
    item = _commented(_ordered(data, style.key_order), style.flow, top=True)
    emitter = YAML(typ="rt")
    emitter.width = 4096  # one value per line, as people write prompts; no re-wrapping
    emitter.indent(mapping=style.mapping_step, sequence=style.content_offset,
                   offset=style.dash_offset)
    emitter.Representer = _Representer
    buffer = io.StringIO()
    emitter.dump(CommentedSeq([item]), buffer)
    pad = " " * style.base_indent
    lines = buffer.getvalue().splitlines()
    return "".join(f"{pad}{line}{style.newline}" if line else style.newline for line in lines)


class _Representer(RoundTripRepresenter):
    """Decimals as plain numbers: 0.5 stays 0.5, never a float's 0.5000000001 or a string."""


def _represent_decimal(representer: RoundTripRepresenter, value: Decimal) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:float", format(value, "f"))


_Representer.add_representer(Decimal, _represent_decimal)


def _commented(value: Any, flow: dict[str, bool], top: bool = False, key: str = "") -> Any:
    """Plain data → ruamel nodes carrying the file's flow/block choice per key."""
    if isinstance(value, dict):
        mapping = CommentedMap()
        for name, inner in value.items():
            mapping[name] = _commented(inner, flow, key=name)
        if not top:
            _style(mapping, flow.get(key, key in DEFAULT_FLOW_KEYS))
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq(_commented(inner, flow) for inner in value)
        _style(sequence, flow.get(key, key in DEFAULT_FLOW_KEYS))
        return sequence
    if isinstance(value, str):
        return _scalar(value)
    if isinstance(value, bool | int | Decimal | date):
        return value
    raise TypeError(f"cannot write {value!r} to YAML")


def scalar_text(text: str) -> str:
    """One line of text as a YAML value, quoted only when it must be (for templates)."""
    emitter = YAML(typ="rt")
    emitter.width = 4096
    buffer = io.StringIO()
    emitter.dump(CommentedMap(value=_scalar(text)), buffer)
    return buffer.getvalue().removeprefix("value: ").rstrip("\n")


def _style(node: CommentedMap | CommentedSeq, flow: bool) -> None:
    if flow:
        node.fa.set_flow_style()
    else:
        node.fa.set_block_style()


def _scalar(text: str) -> str:
    """Quoted when YAML 1.1 (what decks are read with) would read it as something else.

    ruamel.yaml quotes by YAML 1.2 rules, where `yes`, `on` or `1_000` are text; quizgen
    reads decks by 1.1 rules, where they are not.
    """
    if "\n" in text:
        literal: str = LiteralScalarString(text)
        return literal
    resolved: object = _YAML11.resolve(ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    if resolved != _STR_TAG:
        quoted: str = SingleQuotedScalarString(text)
        return quoted
    return text


def _ordered(data: dict[str, Any], reference: tuple[str, ...]) -> dict[str, Any]:
    """Keys in the order the deck's similar questions use; others where they usually go."""
    rank: dict[str, float] = {}
    last_seen = -1.0
    for position, name in enumerate(DEFAULT_KEY_ORDER):
        if name in reference:
            last_seen = float(reference.index(name))
            rank[name] = last_seen
        else:
            rank[name] = last_seen + 0.001 * (position + 1)
    return dict(sorted(data.items(), key=lambda pair: rank.get(pair[0], float(len(rank)))))


def _after_line(text: str, index: int) -> int:
    """The start of the line after the last non-blank character before `index`.

    A block scalar's end mark lies past its trailing blank lines; stepping back over
    them puts the new question right after the last written line, comment included.
    """
    while index > 0 and text[index - 1] in " \t\r\n":
        index -= 1
    end = text.find("\n", index)
    return len(text) if end == -1 else end + 1


def _dash_index(text: str, layout: _ListLayout) -> int:
    """Where the last question's `-` is: the one mark between the previous question's text
    and the last one's, with only blanks and comments around it (`- # note` then `id:`)."""
    index = layout.item_ends[-2] if len(layout.item_ends) >= 2 else layout.list_start
    end = layout.item_starts[-1]
    while index < end:
        char = text[index]
        if char == "#":
            newline = text.find("\n", index)
            index = end if newline == -1 else newline
        elif char == "-" and (index + 1 == len(text) or text[index + 1] in " \t\r\n"):
            return index
        elif char in " \t\r\n:":
            index += 1
        else:
            break
    raise InputError("cannot find the '-' that starts the last question")


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index)


def _mapping_step(items: list[Node]) -> int:
    """The indent of nested block mappings (e.g. `source:` on its own line), 2 if none."""
    for item in reversed(items):
        if not isinstance(item, MappingNode):
            continue
        for key, value in item.value:
            if isinstance(value, MappingNode) and not value.flow_style and value.value:
                step = value.value[0][0].start_mark.column - key.start_mark.column
                if step > 0:
                    return int(step)
    return 2


def _blank_before(text: str, layout: _ListLayout, dash: int) -> bool:
    """True when the deck separates questions by blank lines (judged by the last two)."""
    after = layout.item_ends[-2] if len(layout.item_ends) >= 2 else layout.list_start
    start = _after_line(text, after)
    end = _line_start(text, dash)
    return any(not line.strip() for line in text[start:end].splitlines())


def _flow_styles(items: list[Node]) -> dict[str, bool]:
    """Per key, whether the deck's latest question writing it as a collection used flow style."""
    styles: dict[str, bool] = {}
    for item in items:
        if not isinstance(item, MappingNode):
            continue
        for key, value in item.value:
            if isinstance(value, MappingNode | SequenceNode) and isinstance(key, ScalarNode):
                styles[key.value] = bool(value.flow_style)
    return styles


def _reference_keys(items: list[Node], question_type: str) -> tuple[str, ...]:
    """Key order of the last question of the same type, else of the last question."""
    def keys(node: Node) -> tuple[str, ...]:
        return tuple(k.value for k, _ in node.value if isinstance(k, ScalarNode))

    mappings = [item for item in items if isinstance(item, MappingNode)]
    for item in reversed(mappings):
        for key, value in item.value:
            if (isinstance(key, ScalarNode) and key.value == "type"
                    and isinstance(value, ScalarNode) and value.value == question_type):
                return keys(item)
    return keys(mappings[-1]) if mappings else DEFAULT_KEY_ORDER
