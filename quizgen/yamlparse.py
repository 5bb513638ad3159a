"""Safe YAML → plain data, built from libyaml's event stream.

Why not `yaml.safe_load`: it reads `2022-02-30` as a timestamp and crashes, keeps the
last of two duplicate keys, expands aliases without limit and recurses in C on deep
nesting. Building values from events ourselves fixes all four in one linear pass, and
keeps no positions: when validation fails, `locate` parses again to find the lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from yaml import events as ev
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

from .limits import MAX_YAML_EXPANSION

MAX_DEPTH = 64
"""Far beyond any deck's real nesting (about 5), far below any stack limit."""

_EventParser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TAG_PREFIX = "tag:yaml.org,2002:"
PLAIN_TAGS = {f"{TAG_PREFIX}{name}" for name in ("str", "int", "float", "bool", "null")}


class _DeckResolver(yaml.resolver.Resolver):
    """YAML 1.1 implicit types, minus timestamps: dates stay text until the schema reads them."""


_DeckResolver.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != f"{TAG_PREFIX}timestamp"]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_RESOLVER = _DeckResolver()
_CONSTRUCTOR = SafeConstructor()
_NUMBER_TEXT = re.compile(r"[-+]?(?:\d[\d_]*)?(?:\.[\d_]*)?(?:[eE][-+]?\d+)?")


@dataclass(frozen=True)
class YamlProblem(Exception):
    """A problem found while reading YAML, at 0-based line and column."""

    line: int
    column: int
    message: str
    hint: str | None = None


DataPath = tuple[int | str, ...]


@dataclass
class Positions:
    """Where each value (and each mapping key) starts, 0-based, by its path in the data."""

    values: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[DataPath, tuple[int, int]] = field(default_factory=dict)


def parse_yaml(text: str) -> Any:
    """One YAML document → dicts, lists and scalars, or `YamlProblem`."""
    return _Builder(text, positions=None).build()


def locate(text: str) -> Positions:
    """Positions of every value of a document that `parse_yaml` accepted."""
    positions = Positions()
    _Builder(text, positions).build()
    return positions


@dataclass
class _Frame:
    value: dict[str, Any] | list[Any]
    path: DataPath
    anchor: str | None
    size_before: int
    pending_key: str | None = None


class _Builder:
    def __init__(self, text: str, positions: Positions | None) -> None:
        self.text = text
        self.positions = positions
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.size = 0
        self.budget = MAX_YAML_EXPANSION * len(text) + 10_000

    def _events(self) -> Iterator[ev.Event]:
        try:
            yield from yaml.parse(self.text, Loader=_EventParser)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line, column = self._line_column(mark)
            message = _yaml_message(error)
            raise YamlProblem(line, column, message, self._hint(message, line, column)) from None
        except yaml.reader.ReaderError as error:
            line = self.text.count("\n", 0, error.position)
            column = error.position - (self.text.rfind("\n", 0, error.position) + 1)
            character = f"U+{error.character:04X}" if isinstance(error.character, int) else "?"
            raise YamlProblem(
                line,
                column,
                f"character {character} is not allowed in YAML",
                "remove control characters; the file may not be a text file",
            ) from None
        except yaml.YAMLError as error:
            raise YamlProblem(0, 0, str(error)) from None

    def _line_column(self, mark: Any) -> tuple[int, int]:
        """0-based line and column as an editor counts them.

        libyaml also breaks lines at NEL, U+2028 and U+2029; editors (and our messages)
        break only at line feeds, so positions are recounted from the character index.
        """
        if mark is None:
            return (0, 0)
        index = min(mark.index, len(self.text))
        line_start = self.text.rfind("\n", 0, index) + 1
        return (self.text.count("\n", 0, index), index - line_start)

    def _problem(self, mark: Any, message: str, hint: str | None = None) -> YamlProblem:
        """A problem at a libyaml mark (which may be missing on odd events)."""
        return YamlProblem(*self._line_column(mark), message, hint)

    def _tag_problem(self, mark: Any, tag: str | None) -> YamlProblem:
        shown = tag.replace(TAG_PREFIX, "!!") if tag else tag
        return self._problem(
            mark,
            f"the tag '{shown}' is not allowed",
            "decks hold plain text, numbers, lists and mappings",
        )

    def _hint(self, message: str, line: int, column: int) -> str | None:
        lines = self.text.splitlines()
        found = lines[line][column : column + 1] if line < len(lines) else ""
        if found == "\t" or "\\t" in message:
            return "indent with spaces, not tabs"
        return _yaml_hint(message)

    def build(self) -> Any:
        stack: list[_Frame] = []
        root: Any = None
        documents = 0
        for event in self._events():
            if isinstance(event, ev.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self._problem(
                        event.start_mark,
                        "a deck file holds one YAML document; found a second '---'",
                    )
                continue
            if isinstance(event, ev.StreamStartEvent | ev.StreamEndEvent | ev.DocumentEndEvent):
                continue
            if isinstance(event, ev.MappingEndEvent | ev.SequenceEndEvent):
                frame = stack.pop()
                if frame.anchor is not None:
                    self.anchors[frame.anchor] = (frame.value, self.size - frame.size_before)
                    self.open_anchors.discard(frame.anchor)
                if not stack:
                    root = frame.value
                continue

            path, is_key = self._place(stack, event)
            if is_key:
                continue
            value = self._value(event, stack, path)
            if isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent):
                assert isinstance(value, dict | list)
                if len(stack) >= MAX_DEPTH:
                    raise self._problem(
                        event.start_mark,
                        f"nested more than {MAX_DEPTH} levels deep",
                    )
                self._attach(stack, value)
                anchor = event.anchor
                if anchor is not None:
                    self.open_anchors.add(anchor)
                stack.append(_Frame(value, path, anchor, self.size))
            else:
                if not stack:
                    root = value
                else:
                    self._attach(stack, value)
        if documents == 0:
            raise YamlProblem(
                0, 0, "the file is empty", "a deck needs at least id, title and questions"
            )
        return root

    def _place(self, stack: list[_Frame], event: ev.Event) -> tuple[DataPath, bool]:
        """The path of the node this event starts; True when it is a mapping key instead."""
        if not stack:
            path: DataPath = ()
        else:
            frame = stack[-1]
            if isinstance(frame.value, list):
                path = (*frame.path, len(frame.value))
            elif frame.pending_key is None:
                self._take_key(frame, event)
                return frame.path, True
            else:
                path = (*frame.path, frame.pending_key)
        if self.positions is not None:
            self.positions.values.setdefault(path, self._line_column(event.start_mark))
        return path, False

    def _take_key(self, frame: _Frame, event: ev.Event) -> None:
        mark = event.start_mark
        if not isinstance(event, ev.ScalarEvent):
            raise self._problem(mark, "a mapping key must be plain text")
        key = event.value
        if key == "<<" and event.implicit[0]:
            raise self._problem(
                mark,
                "merge keys ('<<') are not supported",
                "write the fields out, or use an alias for the whole value",
            )
        assert isinstance(frame.value, dict)
        if key in frame.value:
            raise self._problem(
                mark, f"duplicate key '{key}'", "each key may appear once in a mapping"
            )
        frame.pending_key = key
        if self.positions is not None:
            self.positions.keys[(*frame.path, key)] = self._line_column(mark)

    def _attach(self, stack: list[_Frame], value: Any) -> None:
        if not stack:
            return
        frame = stack[-1]
        if isinstance(frame.value, list):
            frame.value.append(value)
        else:
            assert frame.pending_key is not None
            frame.value[frame.pending_key] = value
            frame.pending_key = None

    def _value(self, event: ev.Event, stack: list[_Frame], path: DataPath) -> Any:
        mark = event.start_mark
        if isinstance(event, ev.AliasEvent):
            anchor = event.anchor
            if anchor in self.open_anchors:
                raise self._problem(mark, f"alias '*{anchor}' refers to itself")
            if anchor not in self.anchors:
                raise self._problem(mark, f"alias '*{anchor}' has no anchor before it")
            value, size = self.anchors[anchor]
            self.size += size
            if self.size > self.budget:
                raise self._problem(
                    mark,
                    "aliases expand to far more data than the file holds",
                    "a deck needs no nested aliases",
                )
            return value
        self.size += 1
        tag = getattr(event, "tag", None)
        if isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent):
            expected = f"{TAG_PREFIX}{'map' if isinstance(event, ev.MappingStartEvent) else 'seq'}"
            if tag not in (None, "!", expected):
                raise self._tag_problem(mark, tag)
            return {} if isinstance(event, ev.MappingStartEvent) else []
        assert isinstance(event, ev.ScalarEvent)
        value = self._scalar(event)
        weight = 1 + len(event.value)
        self.size += weight - 1
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, weight)
        return value

    def _scalar(self, event: ev.ScalarEvent) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = _resolve(event) if tag is None else (f"{TAG_PREFIX}str")
        if tag not in PLAIN_TAGS:
            raise self._tag_problem(event.start_mark, tag)
        name = tag.removeprefix(TAG_PREFIX)
        text = event.value
        if name == "str":
            return text
        node = ScalarNode(tag, text)
        if name == "null":
            return None
        if name == "bool":
            try:
                return _CONSTRUCTOR.construct_yaml_bool(node)
            except (KeyError, ValueError):
                raise self._problem(event.start_mark, f"'{text}' is not true or false") from None
        if name == "int":
            try:
                return _CONSTRUCTOR.construct_yaml_int(node)
            except (ValueError, IndexError):
                raise self._problem(event.start_mark, f"'{text}' is not a whole number") from None
        try:
            return _decimal(text)
        except ValueError:
            raise self._problem(event.start_mark, f"'{text}' is not a number") from None


def _resolve(event: ev.ScalarEvent) -> str:
    tag: str = _RESOLVER.resolve(ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    return tag


def _decimal(text: str) -> Decimal:
    """Floats become Decimal so 0.1 stays 0.1; .nan and .inf are kept for the schema to refuse."""
    cleaned = text.replace("_", "")
    if cleaned and _NUMBER_TEXT.fullmatch(cleaned):
        try:
            return Decimal(cleaned)
        except InvalidOperation:
            pass
    try:
        return Decimal(repr(_CONSTRUCTOR.construct_yaml_float(ScalarNode("", text))))
    except (ValueError, IndexError, InvalidOperation):
        raise ValueError(text) from None




def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    parts = [part for part in (error.context, error.problem) if part]
    message = "YAML syntax: " + ", ".join(parts) if parts else "YAML syntax error"
    return message.replace("\t", "\\t")


def _yaml_hint(message: str) -> str | None:
    if "mapping values are not allowed" in message:
        return "a value containing ': ' must be quoted"
    if "found character '%' " in message or "found character '@'" in message:
        return "quote values that start with % or @"
    return None
