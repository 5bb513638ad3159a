"""The deck schema: what a question may say, checked before any output is made.

Every model forbids unknown keys, so a typo in a deck is an error rather than a
silently ignored field. Text is plain text; each output escapes it itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import PurePosixPath, PureWindowsPath
from typing import Annotated, Literal, assert_never, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .limits import (
    MAX_CLOZE_NUMBER,
    MAX_DECIMAL_PLACES,
    MAX_DECK_DEPTH,
    MAX_NUMBER,
    MAX_QUESTIONS,
    MAX_TEXT_CHARS,
)
from .registry import QUESTION_TYPE_NAMES, QuestionTypeName

SLUG_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
TAG_PATTERN = r"^[^\s:]+(?:::[^\s:]+)*$"
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def located(message: str, *at: int | str, rule: str = "") -> PydanticCustomError:
    """An error the loader reports at a sub-field (`at`, a path) of the model that raised it.

    Cross-field rules run on the whole model, so without this their errors would
    point at the question rather than at the offending line. `rule` names the rule
    for code that must recognise the error (never its wording).
    """
    return PydanticCustomError("quizgen_rule", "{message}",
                               {"message": message, "at": at, "rule": rule})


def first_repeat(values: Iterable[str], same: Callable[[str], str] = str) -> tuple[int, int] | None:
    """(index, index of its first use) of the first value seen before, or None.

    `same` says which values count as one: `str.lower` for tags.
    """
    first_seen: dict[str, int] = {}
    for index, value in enumerate(values):
        key = same(value)
        if key in first_seen:
            return index, first_seen[key]
        first_seen[key] = index
    return None


def refuse_repeats(values: Sequence[str], message: str, *at: int | str,
                   then: tuple[str, ...] = (), same: Callable[[str], str] = str) -> None:
    """Raise at the second copy of the first value listed twice (path `at`, its index,
    `then`); `message` names the value as `{value}`."""
    repeat = first_repeat(values, same)
    if repeat is not None:
        index, _ = repeat
        raise located(message.format(value=values[index]), *at, index, *then)


def without_repeats(message: str, same: Callable[[str], str] = str) -> AfterValidator:
    """A list field's rule that no value is listed twice (see `refuse_repeats`)."""

    def check(values: list[str]) -> list[str]:
        refuse_repeats(values, message, same=same)
        return values

    return AfterValidator(check)


def _not_blank(text: str) -> str:
    stripped = text.strip()
    if not stripped:
        raise ValueError("must not be empty")
    return stripped


def within_number_limits(value: Decimal) -> Decimal:
    """Refuse numbers no article states, before any output tries to write them out digit by
    digit (1e999999999 would take a billion digits)."""
    if not value.is_finite():
        return value  # the field's allow_inf_nan refuses these with its own message
    if not value.is_zero() and value.adjusted() >= MAX_NUMBER.adjusted():  # no arithmetic:
        # abs() of 1e999999999 overflows the decimal context
        raise ValueError(f"must be smaller than {MAX_NUMBER:,} in size")
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if -exponent > MAX_DECIMAL_PLACES:
        raise ValueError(f"has more than {MAX_DECIMAL_PLACES} decimal places")
    return value


Text = Annotated[str, Field(max_length=MAX_TEXT_CHARS), AfterValidator(_not_blank)]
Number = Annotated[Decimal, AfterValidator(within_number_limits)]
Slug = Annotated[
    str,
    Field(pattern=SLUG_PATTERN, max_length=100),
]
Tag = Annotated[str, Field(pattern=TAG_PATTERN, max_length=200)]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A year, a year and month, or a full date: news text states all three."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        if isinstance(value, bool):
            raise ValueError("expected a year, YYYY-MM or YYYY-MM-DD, not true/false")
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int):
            text = str(value)
        elif isinstance(value, str):
            text = value.strip()
        else:
            found = _kind_of(value)
            raise ValueError(f"expected a year, YYYY-MM or YYYY-MM-DD, found {found}")
        era = re.fullmatch(r"(\d{1,4})\s*(?:BCE?|B\.C\.(?:E\.)?)", text)
        if era:
            text = f"-{era[1]}"  # 44 BC is year -44 (there is no year 0)
        match = re.fullmatch(r"(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
        if not match:
            raise ValueError(f"'{text}' is not a year, YYYY-MM, YYYY-MM-DD or '44 BC'")
        year = int(match[1])
        month = int(match[2]) if match[2] else None
        day = int(match[3]) if match[3] else None
        if year == 0:
            raise ValueError("there is no year 0: 1 BC (-1) is followed by AD 1")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{text}' has no month {month}")
        if day is not None and month is not None:
            try:
                date(year if year > 0 else 4, month, day)  # BC: checked in a leap year
            except ValueError:
                raise ValueError(f"'{text}' is not a real date") from None
        return cls(year, month, day)

    def iso(self) -> str:
        """The canonical form kept in the model: 1996, 2000-03, 2024-06-19; -44 for 44 BC."""
        year = str(self.year) if self.year > 0 else f"-{-self.year:04d}"
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{year if self.year < 0 else f'{self.year:04d}'}-{self.month:02d}"
        return f"{year if self.year < 0 else f'{self.year:04d}'}-{self.month:02d}-{self.day:02d}"

    def words(self) -> str:
        """The form a reader expects on a card or paper: 1996, March 2000, 19 June 2024,
        15 March 44 BC."""
        year = str(self.year) if self.year > 0 else f"{-self.year} BC"
        if self.month is None:
            return year
        if self.day is None:
            return f"{MONTHS[self.month - 1]} {year}"
        return f"{self.day} {MONTHS[self.month - 1]} {year}"


def _kind_of(value: object) -> str:
    """A YAML value's kind, as a deck author would name it."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, Decimal):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _normalise_date(value: object) -> str:
    return PartialDate.parse(value).iso()


DateValue = Annotated[
    str,
    BeforeValidator(_normalise_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": -9999, "maximum": 9999, "not": {"const": 0}},
                {"type": "string",
                 "pattern": r"^(-?\d{1,4}(-\d{2}(-\d{2})?)?|\d{1,4} ?(BCE?|B\.C\.(E\.)?))$"},
            ],
            "description": "A year (1996), a month (2000-03) or a full date (2024-06-19); "
            "years before Christ as -44 or '44 BC'.",
        }
    ),
]


class StrictModel(BaseModel):
    """Unknown keys are errors: a misspelt field must never be dropped quietly."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)


class Source(StrictModel):
    """Where a deck's facts come from; every output cites it."""

    title: Text = Field(description="The article's headline, cited on cards and papers.")
    author: Text | None = Field(default=None, description="Who wrote it.")
    publication: Text | None = Field(default=None, description="Where it appeared.")
    date: DateValue | None = Field(default=None, description="When it appeared.")
    url: Text | None = Field(default=None, description="Where to read it.")
    file: Text | None = Field(
        default=None,
        description="The article file the questions cite, relative to the deck's folder: "
        "`quizgen check` reads it when no --source is given.",
    )


class QuestionSource(StrictModel):
    """Where in the deck's source one question's answer is found."""

    paragraph: int = Field(ge=1, description="Paragraph number in the source, from 1.")
    locator: Text | None = Field(
        default=None, description="A short pointer within the paragraph (a few words)."
    )
    quote: Text | None = Field(
        default=None, description="The sentence the answer comes from (extracted candidates)."
    )
    span: tuple[int, int] | None = Field(
        default=None, description="Start and end character offsets of the quote in the source."
    )
    inferred: Text | None = Field(
        default=None,
        description="How the answer follows from the text when it is not stated outright.",
    )

    @field_validator("span")
    @classmethod
    def _span_in_order(cls, span: tuple[int, int] | None) -> tuple[int, int] | None:
        if span is not None and not 0 <= span[0] <= span[1]:
            raise ValueError("span must be [start, end] with 0 <= start <= end")
        return span

    def citation(self) -> str:
        """Human wording of the pointer: '¶2' or '¶2, the 1961 treaty'."""
        text = f"¶{self.paragraph}"
        if self.locator:
            text += f", {self.locator}"
        return text


class QuestionBase(StrictModel):
    """Fields every question type shares."""

    id: Slug = Field(description="Stable slug, unique in the deck: Anki identity derives from it.")
    tags: Annotated[
        list[Tag], without_repeats("tag '{value}' is repeated", same=str.lower)
    ] = Field(
        default_factory=list, description="Tags without spaces; a::b nests b under a in Anki."
    )
    explanation: Text | None = Field(default=None, description="Context shown with the answer.")
    source: QuestionSource | None = Field(
        default=None, description="Where in the deck's source the answer is; `check` reads it."
    )
    points: int = Field(default=1, ge=1, le=1000, description="Marks on a printed quiz.")
    image: Text | None = Field(
        default=None, description="Picture path relative to the deck file, inside its folder."
    )
    subdeck: Text | None = Field(
        default=None, description="Anki sub-deck under the deck's own, e.g. 'Dates'."
    )

    @field_validator("image")
    @classmethod
    def _image_inside_deck(cls, image: str | None, info: ValidationInfo) -> str | None:
        if image is None:
            return None
        if PurePosixPath(image).is_absolute() or PureWindowsPath(image).is_absolute():
            raise ValueError("must be a path relative to the deck file, not an absolute path")
        parts = PurePosixPath(image.replace("\\", "/")).parts
        depth = 0
        for part in parts:
            depth += -1 if part == ".." else (0 if part == "." else 1)
            if depth < 0:
                raise ValueError("must stay inside the deck's folder ('..' climbs out of it)")
        deck_dir = (info.context or {}).get("deck_dir")
        if deck_dir is not None:
            from .pictures import ImageProblem, load_picture

            try:
                load_picture(deck_dir, image)
            except ImageProblem as problem:
                raise ValueError(str(problem)) from None
        return image

    def prompt_text(self) -> str:
        """The question as a reader sees it, without answer; used for sorting and listings."""
        raise NotImplementedError


class PromptedQuestion(QuestionBase):
    """A question asked in a prompt of its own (every type but cloze, whose text is the prompt)."""

    type: str  # each subclass narrows it to its registry name; declared here to keep field order
    prompt: Text = Field(description="The question, as the learner reads it.")

    def prompt_text(self) -> str:
        return self.prompt


class ShortQuestion(PromptedQuestion):
    type: Literal["short"]
    answer: Text = Field(description="The answer, as the learner should write it.")
    alternatives: list[Text] = Field(
        default_factory=list, description="Other answers to accept as right."
    )
    lines: int = Field(
        default=2, ge=1, le=40, description="Ruled answer lines on the printed quiz."
    )


class NumericQuestion(PromptedQuestion):
    type: Literal["numeric"]
    answer: Number = Field(allow_inf_nan=False, description="The number, without its unit.")
    unit: Text | None = Field(default=None, description="Shown after the number: years, km.")
    tolerance: Number = Field(default=Decimal(0), ge=0, allow_inf_nan=False,
                              description="How far off an answer may be and still be right.")

    def answer_text(self) -> str:
        """'24 years', '7,000', '90 ± 5 %'."""
        text = format_number(self.answer)
        if self.tolerance:
            text += f" ± {format_number(self.tolerance)}"
        if self.unit:
            text += f" {self.unit}"
        return text


class DateQuestion(PromptedQuestion):
    type: Literal["date"]
    answer: DateValue

    @property
    def answer_date(self) -> PartialDate:
        return PartialDate.parse(self.answer)


class ChoiceQuestion(PromptedQuestion):
    type: Literal["choice"]
    choices: list[Text] = Field(min_length=2, description="The options, each different.")
    answer: Text | list[Text] = Field(description="The right choice, or a list of them.")
    shuffle: bool = Field(default=True, description="False keeps the choices in written order.")

    @property
    def correct(self) -> list[str]:
        return [self.answer] if isinstance(self.answer, str) else list(self.answer)

    @model_validator(mode="after")
    def _answers_among_choices(self) -> ChoiceQuestion:
        refuse_repeats(self.choices, "choice '{value}' is listed twice", "choices")
        answers = self.correct
        if not answers:
            raise located("name at least one right choice", "answer")
        for index, answer in enumerate(answers):
            if answer not in self.choices:
                at = ("answer",) if isinstance(self.answer, str) else ("answer", index)
                raise located(f"'{answer}' is not one of the choices", *at)
        if first_repeat(answers) is not None:
            raise located("a right choice is named twice", "answer")
        return self


class TrueFalseQuestion(PromptedQuestion):
    type: Literal["truefalse"]
    answer: StrictBool = Field(description="Whether the statement in the prompt is true.")


CLOZE_GAP = re.compile(r"\{\{(?:c(?P<number>\d+)::)?(?P<answer>.*?)(?:::(?P<hint>.*?))?\}\}", re.S)


@dataclass(frozen=True)
class ClozeGap:
    number: int
    answer: str
    hint: str | None
    start: int
    end: int


class ClozeQuestion(QuestionBase):
    type: Literal["cloze"]
    text: Text = Field(
        description="Sentence with gaps: {{answer}}, {{answer::hint}} or Anki's {{c1::answer}}."
    )

    def gaps(self) -> list[ClozeGap]:
        """Gaps in text order; plain {{…}} gaps are numbered after any explicit cN."""
        return list(_iter_gaps(self.text))

    def segments(self) -> list[str | ClozeGap]:
        """The text cut into plain runs and gaps, in order: every output walks this, so each
        escapes the plain runs its own way and never re-parses the braces."""
        parts: list[str | ClozeGap] = []
        position = 0
        for gap in self.gaps():
            if gap.start > position:
                parts.append(self.text[position : gap.start])
            parts.append(gap)
            position = gap.end
        if position < len(self.text):
            parts.append(self.text[position:])
        return parts

    def prompt_text(self) -> str:
        return cloze_with_blanks(self, "[…]")

    @field_validator("text")
    @classmethod
    def _has_gaps(cls, text: str) -> str:
        rest = CLOZE_GAP.sub("", text)
        if "{{" in rest or "}}" in rest:
            raise ValueError("has an unbalanced '{{' or '}}': close each gap as {{answer}}")
        gaps = list(_iter_gaps(text))
        if not gaps:
            raise ValueError("has no gap: mark each answer as {{answer}} or {{c1::answer}}")
        for gap in gaps:
            if not 1 <= gap.number <= MAX_CLOZE_NUMBER:
                raise ValueError(f"gap numbers run from c1 to c{MAX_CLOZE_NUMBER}")
            if not gap.answer.strip():
                raise ValueError(f"gap c{gap.number} is empty")
        return text


def _iter_gaps(text: str) -> Iterator[ClozeGap]:
    matches = list(CLOZE_GAP.finditer(text))
    explicit = {int(m["number"]) for m in matches if m["number"]}
    next_number = 1
    for match in matches:
        if match["number"]:
            digits = match["number"]
            number = int(digits) if len(digits) <= 9 else 10**9
        else:
            while next_number in explicit:
                next_number += 1
            number = next_number
            next_number += 1
        yield ClozeGap(number, match["answer"], match["hint"], match.start(), match.end())


def cloze_with_blanks(question: ClozeQuestion, blank: str, hints: bool = False) -> str:
    """The cloze text with every gap replaced by `blank` (and its hint in brackets)."""
    return "".join(
        part
        if isinstance(part, str)
        else f"{blank} ({part.hint})"
        if hints and part.hint
        else blank
        for part in question.segments()
    )


class OrderQuestion(PromptedQuestion):
    type: Literal["order"]
    items: Annotated[list[Text], without_repeats("item '{value}' is listed twice")] = Field(
        min_length=2, description="The items in their right order."
    )


class MatchPair(StrictModel):
    left: Text = Field(description="One side, listed in order.")
    right: Text = Field(description="Its partner, shuffled among the others.")


class MatchQuestion(PromptedQuestion):
    type: Literal["match"]
    pairs: list[MatchPair] = Field(min_length=2, description="The pairs; no side repeats.")

    @field_validator("pairs")
    @classmethod
    def _distinct_sides(cls, pairs: list[MatchPair]) -> list[MatchPair]:
        for side in ("left", "right"):
            values = [getattr(pair, side) for pair in pairs]
            refuse_repeats(values, f"'{{value}}' appears twice on the {side}", then=(side,))
        return pairs


AnyQuestion = (
    ShortQuestion
    | NumericQuestion
    | DateQuestion
    | ChoiceQuestion
    | TrueFalseQuestion
    | ClozeQuestion
    | OrderQuestion
    | MatchQuestion
)
"""Every question type: per-type code takes this and ends its `match` in `assert_never`."""

Question = Annotated[AnyQuestion, Field(discriminator="type")]



def type_name(question: AnyQuestion) -> QuestionTypeName:
    """The deck's `type:` value; mypy checks each model's literal is a registry name."""
    return question.type


def _models_by_name() -> dict[str, type[AnyQuestion]]:
    """Registry name → model, in registry order; a name without a model fails at import."""
    declared = {get_args(cls.model_fields["type"].annotation)[0]: cls
                for cls in get_args(AnyQuestion)}
    if set(declared) != set(QUESTION_TYPE_NAMES):
        raise RuntimeError(f"quizgen.registry lists {sorted(QUESTION_TYPE_NAMES)} "
                           f"but the models declare {sorted(declared)}")
    return {name: declared[name] for name in QUESTION_TYPE_NAMES}


QUESTION_TYPES: dict[str, type[AnyQuestion]] = _models_by_name()
"""Every question model under the name a deck's `type:` gives it."""


class Deck(StrictModel):
    """One YAML file: a titled set of questions about one source."""

    id: Slug = Field(description="Stable forever: Anki deck and note identity derive from it.")
    title: Text = Field(description="The deck's name, on cards, papers and exports.")
    description: Text | None = Field(default=None, description="One or two sentences.")
    source: Source | None = Field(default=None, description="The article; cited on every card.")
    anki_deck: Text | None = Field(
        default=None,
        description="Anki deck name path (A::B); defaults to the title.",
    )
    language: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
        description="Language of the deck's text (BCP 47: en, fr, de-CH, ar): the printed"
        " quiz's labels, hyphenation and writing direction follow it. Default en.",
    )
    questions: list[Question] = Field(
        min_length=1, max_length=MAX_QUESTIONS, description="The questions, in order."
    )

    @model_validator(mode="after")
    def _deck_path_depth(self) -> Deck:
        parts = self.anki_deck_name.split("::")
        at = "anki_deck" if self.anki_deck else "title"
        if any(not part.strip() for part in parts):
            raise located("a deck path has no empty level: write A::B, not A::::B", at)
        for index, question in enumerate(self.questions):
            depth = len(parts) + (len(question.subdeck.split("::")) if question.subdeck else 0)
            if depth > MAX_DECK_DEPTH:
                where = f"questions.{index}.subdeck" if question.subdeck else at
                raise located(f"the Anki deck path is {depth} levels deep; "
                              f"at most {MAX_DECK_DEPTH} are allowed", where)
        if len(parts) > MAX_DECK_DEPTH:
            raise located(f"the Anki deck path is {len(parts)} levels deep; "
                          f"at most {MAX_DECK_DEPTH} are allowed", at)
        return self

    @model_validator(mode="after")
    def _unique_question_ids(self) -> Deck:
        repeat = first_repeat(question.id for question in self.questions)
        if repeat is not None:
            index, first = repeat
            raise located(duplicate_id_message(self.questions[index].id, first),
                          "questions", index, "id", rule=DUPLICATE_ID)
        return self

    @property
    def anki_deck_name(self) -> str:
        return self.anki_deck or self.title


DUPLICATE_ID = "duplicate_id"
"""The `rule` of a repeated question id: the loader also finds those the model never reaches."""


def duplicate_id_message(question_id: str, first_index: int) -> str:
    return f"duplicate id '{question_id}' (first used by questions[{first_index}])"


def format_number(value: Decimal | int) -> str:
    """Plain figures with thousands separators and no float noise: 7,000 · 0.5 · -11.25."""
    number = Decimal(value)
    sign = "-" if number < 0 else ""
    whole, _, fraction = format(abs(number).normalize(), "f").partition(".")
    grouped = f"{int(whole):,}"
    return sign + (f"{grouped}.{fraction}" if fraction else grouped)


def question_answer_text(question: AnyQuestion) -> str:
    """The answer to any question as one line of plain text (cards, keys, exports)."""
    match question:
        case ShortQuestion():
            return question.answer
        case NumericQuestion():
            return question.answer_text()
        case DateQuestion():
            return question.answer_date.words()
        case ChoiceQuestion():
            return "; ".join(question.correct)
        case TrueFalseQuestion():
            return "True" if question.answer else "False"
        case ClozeQuestion():
            return "; ".join(gap.answer for gap in question.gaps())
        case OrderQuestion():
            return " → ".join(question.items)
        case MatchQuestion():
            return "; ".join(f"{pair.left} → {pair.right}" for pair in question.pairs)
        case _:
            assert_never(question)
