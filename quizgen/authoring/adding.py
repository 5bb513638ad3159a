"""`quizgen add`: append one question to a deck file, or change nothing at all.

The order matters: read and validate the deck as it is, build the new text in memory,
validate the whole new deck, check that every old question reads back unchanged, and
only then replace the file atomically. Any refusal leaves the file byte-for-byte as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..atomic import FileState, write_bytes_atomic
from ..errors import DeckError, InputError, QuizgenError, display_path
from ..limits import MAX_DECK_BYTES
from ..loading import decode_text, parse_deck
from ..models import Deck
from ..reading import read_regular_file
from ..slugs import slugify, unique_slug
from .draft import NewQuestion, id_source_text, question_data
from .splice import insert_question, read_list_style

BOM = "\ufeff"


@dataclass(frozen=True)
class Added:
    """What `add` did, for the CLI to report."""

    path: Path
    question_id: str
    question_type: str
    questions: int


def check_can_add(path: Path) -> None:
    """Raise now if `add` would refuse the deck itself, before anyone types a question."""
    _read_deck(path)


def _read_deck(path: Path) -> tuple[str, str, Deck, FileState]:
    """The deck's byte-order mark (or ''), its text without it, the valid deck, and what the
    file held, so a change made meanwhile is never overwritten."""
    shown = display_path(path)
    raw = read_regular_file(path, limit=MAX_DECK_BYTES, what="deck")
    state = FileState.of(path, raw)
    bom = BOM if raw.startswith(BOM.encode("utf-8")) else ""
    text = decode_text(raw, shown).removeprefix(BOM)
    return bom, text, parse_deck(text, shown, deck_dir=path.parent), state


def add_question(path: Path, draft: NewQuestion) -> Added:
    """Append `draft` to the deck at `path`; raise (leaving the file untouched) on any problem."""
    shown = display_path(path)
    bom, text, old, state = _read_deck(path)

    question_id = _choose_id(old, draft, shown)
    data = question_data(draft, question_id)
    try:
        style = read_list_style(text, str(data["type"]))
    except InputError as error:
        raise InputError(f"{shown}: {error}") from None
    new_text = insert_question(text, style, data)
    new = _parse_with_new_question(new_text, shown, path.parent, len(old.questions))
    _check_only_appended(old, new, question_id, shown)

    write_bytes_atomic(path, (bom + new_text).encode("utf-8"), expected=state)
    return Added(path, question_id, str(data["type"]), len(new.questions))


def _choose_id(deck: Deck, draft: NewQuestion, shown: str) -> str:
    taken = {question.id for question in deck.questions}
    if draft.id is not None:
        if draft.id in taken:
            index = next(i for i, q in enumerate(deck.questions) if q.id == draft.id)
            raise InputError(f"{shown}: id '{draft.id}' is already used by questions[{index}]; "
                             "choose another --id")
        return draft.id
    return unique_slug(slugify(id_source_text(draft)), taken)


def _parse_with_new_question(text: str, shown: str, folder: Path, index: int) -> Deck:
    """The candidate deck; its problems are told about the new question, not line numbers.

    The lines the loader would cite exist only in memory, so pointing at them would
    send the user looking for text that was never written.
    """
    try:
        return parse_deck(text, shown, deck_dir=folder)
    except DeckError as error:
        prefix = f"questions[{index}]"
        reasons = []
        for problem in error.problems:
            field = problem.where.removeprefix(prefix).lstrip(".") or "question"
            hint = f" ({problem.hint})" if problem.hint else ""
            reasons.append(f"{field}: {problem.message}{hint}")
        raise InputError(f"{shown}: the new question is not valid, so nothing was written:\n  "
                         + "\n  ".join(reasons)) from None


def _check_only_appended(old: Deck, new: Deck, question_id: str, shown: str) -> None:
    """A guard on the splice itself: everything that was there reads back the same."""
    same_fields = old.model_dump(exclude={"questions"}) == new.model_dump(exclude={"questions"})
    if (not same_fields or new.questions[:-1] != old.questions
            or new.questions[-1].id != question_id):
        raise QuizgenError(f"{shown}: could not append the question without changing other "
                           "content; the file was left as it was (please report this deck)")
