"""Deck files → validated `Deck` models, with every problem located at file:line:column.

Reading is two-phase on purpose: a fast pass builds plain data and validates it; only
when something is wrong is the file parsed again to learn where each value sits.
"""

from __future__ import annotations

import difflib
import errno
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .errors import DeckError, InputError, Problem, display_path
from .limits import MAX_DECK_BYTES
from .models import (
    DUPLICATE_ID,
    QUESTION_TYPES,
    Deck,
    MatchPair,
    QuestionSource,
    Source,
    duplicate_id_message,
)
from .reading import describe_os_error, file_kind, read_regular_file
from .slugs import slugify
from .textfiles import NotUtf8Error, decode_utf8
from .yamlparse import Positions, YamlProblem, locate, parse_yaml

DECK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LoadedDeck:
    """A valid deck with the file it came from (images resolve against it)."""

    deck: Deck
    path: Path


def find_deck_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as their *.yaml / *.yml files (not recursive), in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.iterdir() if p.suffix in DECK_SUFFIXES and p.is_file())
            )
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{display_path(path)}: {_why_unusable(path)}")
    return found


def _why_unusable(path: Path) -> str:
    """What a path that is neither a file nor a folder is, in a user's words."""
    try:
        info = path.stat()
    except OSError as error:
        if error.errno == errno.ENOENT:
            return "no such file or folder"
        return describe_os_error(error)
    return f"not a deck file or folder ({file_kind(info.st_mode)})"


def load_decks(paths: Sequence[Path]) -> list[LoadedDeck]:
    """Every deck under `paths`, or one `DeckError` listing every problem in every file."""
    files = find_deck_files(paths)
    if not files:
        shown = ", ".join(display_path(p) for p in paths)
        raise InputError(f"no deck files (*.yaml, *.yml) in {shown}")
    loaded: list[LoadedDeck] = []
    problems: list[Problem] = []
    seen_ids: dict[str, Path] = {}
    for file in files:
        try:
            deck = load_deck(file)
        except DeckError as error:
            problems.extend(error.problems)
            continue
        deck_id = deck.deck.id
        if deck_id in seen_ids:
            line, column = _deck_id_position(file)
            problems.append(
                Problem(
                    display_path(file),
                    line,
                    column,
                    "id",
                    f"deck id '{deck.deck.id}' is also used by {display_path(seen_ids[deck_id])}",
                    "deck ids must be unique: Anki identity derives from them",
                )
            )
        seen_ids.setdefault(deck.deck.id, file)
        loaded.append(deck)
    if problems:
        raise DeckError(problems)
    return loaded


def load_deck(path: Path) -> LoadedDeck:
    """One deck file, or `DeckError`."""
    raw = read_regular_file(path, limit=MAX_DECK_BYTES, what="deck")
    deck = parse_deck(raw, display_path(path), deck_dir=path.parent)
    return LoadedDeck(deck, path)


def _deck_id_position(path: Path) -> tuple[int, int]:
    """1-based line and column of a valid deck's top-level `id` value."""
    text = decode_text(read_regular_file(path, limit=MAX_DECK_BYTES, what="deck"), "")
    line, column = locate(text.removeprefix("\ufeff")).values.get(("id",), (0, 0))
    return line + 1, column + 1


def decode_text(raw: bytes, shown: str) -> str:
    """UTF-8 with or without BOM; anything else is a located problem."""
    try:
        return decode_utf8(raw, shown)
    except NotUtf8Error as error:
        message = f"not UTF-8 text (byte 0x{error.byte:02x})"
        problem = Problem(shown, error.line, error.column, "", message, "save the file as UTF-8")
        raise DeckError([problem]) from None


def parse_deck(raw: bytes | str, shown: str, deck_dir: Path | None = None) -> Deck:
    """Deck text → `Deck`; `shown` is the name used in messages."""
    text = raw if isinstance(raw, str) else decode_text(raw, shown)
    text = text.removeprefix("\ufeff")
    try:
        data = parse_yaml(text)
    except YamlProblem as problem:
        raise DeckError(
            [
                Problem(
                    shown, problem.line + 1, problem.column + 1, "", problem.message, problem.hint
                )
            ]
        ) from None
    if not isinstance(data, dict):
        found = _describe(data)
        raise DeckError(
            [
                Problem(
                    shown,
                    1,
                    1,
                    "",
                    f"a deck is a mapping of fields, not {found}",
                    "start with 'id:', 'title:' and 'questions:'",
                )
            ]
        )
    try:
        return Deck.model_validate(data, context={"deck_dir": deck_dir})
    except ValidationError as error:
        positions = locate(text)
        problems = [_problem(detail, data, positions, shown) for detail in error.errors()]
        problems.extend(_duplicate_ids(data, positions, shown, problems))
        raise DeckError(_merge(problems)) from None


# ---------------------------------------------------------------- error → problem


@dataclass(frozen=True)
class _Found:
    """A problem with what the loader knew when it worded it, so later steps never
    read the wording back: the rule broken, the data path, the field name suggested."""

    problem: Problem
    kind: str
    path: tuple[int | str, ...]
    suggestion: str | None = None


def _problem(detail: ErrorDetails, data: Any, positions: Positions, shown: str) -> _Found:
    path = _data_path(detail["loc"], data)
    kind = detail["type"]
    context = detail.get("ctx") or {}
    if kind == "quizgen_rule":
        path = path + tuple(context["at"])
        kind = context["rule"] or kind
    elif kind == "union_tag_invalid":
        path = (*path, "type")
    line, column = _position(path, positions, key=kind == "extra_forbidden")
    message, hint = _wording(detail, path, data)
    suggestion = _close_field(str(path[-1]), path[:-1], data) if kind == "extra_forbidden" else None
    problem = Problem(shown, line + 1, column + 1, _where(path), message, hint)
    return _Found(problem, kind, path, suggestion)


def _data_path(loc: tuple[int | str, ...], data: Any) -> tuple[int | str, ...]:
    """The path in the data, without pydantic's union labels ('choice', 'list[str]')."""
    path: list[int | str] = []
    current = data
    for part in loc:
        if _has_step(current, part):
            current = current[part]
        elif isinstance(part, str) and _is_union_label(part):
            continue
        elif isinstance(current, dict):
            current = None  # a missing or unknown key: the message names it
        else:
            continue
        path.append(part)
    return tuple(path)


def _has_step(current: Any, part: int | str) -> bool:
    if isinstance(current, dict):
        return part in current
    return isinstance(current, list) and isinstance(part, int) and part < len(current)


def _is_union_label(part: str) -> bool:
    return (
        part in QUESTION_TYPES or "[" in part or part in ("str", "int", "bool", "list", "decimal")
    )


def _position(path: tuple[int | str, ...], positions: Positions, key: bool) -> tuple[int, int]:
    if key and path in positions.keys:
        return positions.keys[path]
    for end in range(len(path), -1, -1):
        if path[:end] in positions.values:
            return positions.values[path[:end]]
    return (0, 0)


def _where(path: tuple[int | str, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _wording(
    detail: ErrorDetails, path: tuple[int | str, ...], data: Any
) -> tuple[str, str | None]:
    kind = detail["type"]
    context = detail.get("ctx") or {}
    value = detail.get("input")
    name = path[-1] if path else ""
    if kind == "union_tag_invalid":
        given = _get(data, *path)
        if not isinstance(given, str):
            return (
                f"expected a question type, found {_describe(given)}",
                f"use one of: {', '.join(QUESTION_TYPES)}",
            )
        return (
            f"unknown question type '{context.get('tag')}'",
            f"use one of: {', '.join(QUESTION_TYPES)}",
        )
    if kind == "quizgen_rule":
        return str(context["message"]), None
    if kind == "missing":
        return f"missing required field '{name}'", None
    if kind == "extra_forbidden":
        return f"unknown field '{name}'", _field_hint(str(name), path[:-1], data)
    if kind == "union_tag_not_found":
        return "missing required field 'type'", f"use one of: {', '.join(QUESTION_TYPES)}"
    if kind == "string_type":
        hint = (
            "quote it: YAML reads yes/no/on/off as true/false" if isinstance(value, bool) else None
        )
        return f"expected text, found {_describe(value)}", hint
    if kind == "string_pattern_mismatch":
        return _pattern_wording(path, value)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, found {_describe(value)}", None
    if kind in ("decimal_type", "decimal_parsing"):
        return f"expected a number, found {_describe(value)}", None
    if kind == "finite_number":
        return "must be a finite number, not NaN or infinity", None
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, found {_describe(value)}", None
    if kind == "list_type":
        return f"expected a list, found {_describe(value)}", None
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of fields, found {_describe(value)}", None
    if kind in ("tuple_type",):
        return f"expected a list, found {_describe(value)}", None
    if kind == "too_short":
        minimum = context.get("min_length")
        found = len(value) if isinstance(value, list | str) else 0
        noun = "entry" if minimum == 1 else "entries"
        return f"needs at least {minimum} {noun}, found {found}", None
    if kind == "too_long":
        return f"allows at most {context.get('max_length')} entries", None
    if kind == "greater_than_equal":
        return f"must be {context.get('ge')} or more, found {value}", None
    if kind == "less_than_equal":
        return f"must be {context.get('le')} or less, found {value}", None
    if kind in ("greater_than", "less_than"):
        return detail["msg"].replace("Input should be", "must be"), None
    if kind == "value_error":
        return detail["msg"].removeprefix("Value error, "), None
    return detail["msg"], None


def _pattern_wording(path: tuple[int | str, ...], value: Any) -> tuple[str, str | None]:
    if "tags" in path:
        return (
            f"tag '{value}' is not a valid tag",
            "tags have no spaces; use '-' or '_' between words and '::' to nest",
        )
    suggestion = slugify(str(value), fallback="")
    hint = "use lowercase letters, digits and single hyphens"
    if suggestion:
        hint += f", e.g. '{suggestion}'"
    return f"'{value}' is not a valid id", hint


def _model_at(path: tuple[int | str, ...], data: Any) -> type[BaseModel] | None:
    """The model that describes the mapping at `path`, for suggesting field names."""
    match path:
        case ():
            return Deck
        case ("source",):
            return Source
        case ("questions", int(index)):
            question_type = _get(data, "questions", index, "type")
            return QUESTION_TYPES.get(question_type) if isinstance(question_type, str) else None
        case ("questions", int(), "source"):
            return QuestionSource
        case ("questions", int(), "pairs", int()):
            return MatchPair
    return None


def _fields_of(model: type[BaseModel]) -> list[str]:
    """The model's field names as a hint lists them: `type` last."""
    return [field for field in model.model_fields if field != "type"] + (
        ["type"] if "type" in model.model_fields else []
    )


def _close_field(name: str, parent: tuple[int | str, ...], data: Any) -> str | None:
    """The field an unknown key `name` at `parent` was most likely meant to be."""
    model = _model_at(parent, data)
    if model is None:
        return None
    close = difflib.get_close_matches(name, _fields_of(model), n=1, cutoff=0.6)
    return close[0] if close else None


def _field_hint(name: str, parent: tuple[int | str, ...], data: Any) -> str | None:
    model = _model_at(parent, data)
    if model is None:
        return None
    fields = _fields_of(model)
    close = _close_field(name, parent, data)
    if close:
        return f"did you mean '{close}'?"
    owners = [kind for kind, cls in QUESTION_TYPES.items() if name in cls.model_fields]
    if owners and model in QUESTION_TYPES.values():
        if len(owners) <= 2:
            return f"'{name}' belongs to {' and '.join(owners)} questions"
        kind = next(kind for kind, cls in QUESTION_TYPES.items() if cls is model)
        return f"{kind} questions have no '{name}'; their fields: {', '.join(fields)}"
    return f"allowed here: {', '.join(fields)}"


def _duplicate_ids(
    data: dict[str, Any], positions: Positions, shown: str, already: list[_Found]
) -> list[_Found]:
    """Repeated question ids, found even when other errors stop the model's own check."""
    questions = data.get("questions")
    if not isinstance(questions, list) or any(f.kind == DUPLICATE_ID for f in already):
        return []
    first_seen: dict[str, int] = {}
    problems: list[_Found] = []
    for index, question in enumerate(questions):
        question_id = question.get("id") if isinstance(question, dict) else None
        if not isinstance(question_id, str):
            continue
        if question_id in first_seen:
            path: tuple[int | str, ...] = ("questions", index, "id")
            line, column = _position(path, positions, key=False)
            message = duplicate_id_message(question_id, first_seen[question_id])
            problem = Problem(shown, line + 1, column + 1, _where(path), message)
            problems.append(_Found(problem, DUPLICATE_ID, path))
        first_seen.setdefault(question_id, index)
    return problems


def _merge(found: list[_Found]) -> list[Problem]:
    """One problem per mistake: a union's branches each fail, and a misspelt key is also a
    missing one, but the user made one mistake each time."""
    misspelt = {(f.path[:-1], f.suggestion) for f in found if f.suggestion}
    merged: dict[tuple[str, int, int, str], Problem] = {}
    for each in found:
        problem = each.problem
        if each.kind == "missing" and each.path and (each.path[:-1], each.path[-1]) in misspelt:
            continue
        key = (problem.path, problem.line, problem.column, problem.where)
        if key in merged:
            earlier = merged[key]
            if problem.message not in earlier.message:
                merged[key] = Problem(
                    earlier.path,
                    earlier.line,
                    earlier.column,
                    earlier.where,
                    f"{earlier.message}; or {problem.message}",
                    earlier.hint,
                )
        else:
            merged[key] = problem
    return list(merged.values())


def _get(data: Any, *path: int | str) -> Any:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float) or type(value).__name__ == "Decimal":
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ('{value}')" if len(value) < 40 else "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
