"""Property test: `add` takes a question into any valid deck written with a block question
list, whatever its layout, and changes no byte of what was there."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.authoring.adding import add_question
from quizgen.authoring.draft import NewQuestion
from quizgen.loading import load_deck

from .strategies import deck_data
from .test_properties import _Dumper

LAYOUTS = st.fixed_dictionaries({
    "indent": st.sampled_from([2, 4, 6]),
    "flow_leaves": st.booleans(),
    "explicit_start": st.booleans(),
    "comment_after_dash": st.booleans(),
    "trailing_comment": st.booleans(),
    "crlf": st.booleans(),
})


def written(data: dict[str, Any], layout: dict[str, Any]) -> str:
    text: str = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                          indent=layout["indent"], explicit_start=layout["explicit_start"],
                          default_flow_style=None if layout["flow_leaves"] else False)
    if layout["comment_after_dash"]:
        # `- # note` on its own line, the question's first key below it at its own column.
        text = re.sub(r"(?m)^-( +)", lambda m: f"- # note\n {m.group(1)}", text)
    if layout["trailing_comment"]:
        text += "# the end\n"
    return text.replace("\n", "\r\n") if layout["crlf"] else text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=deck_data(max_questions=4), layout=LAYOUTS)
def test_add_appends_to_any_valid_deck_and_changes_nothing_else(
        data: dict[str, Any], layout: dict[str, Any]) -> None:
    text = written(data, layout)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "deck.yaml"
        path.write_bytes(text.encode("utf-8"))
        before = load_deck(path).deck
        draft = NewQuestion(type="short", prompt="Which question was added last?",
                            answers=("This one",), id="added-last")
        add_question(path, draft)
        after_bytes = path.read_bytes()
        after = load_deck(path).deck
    original = text.encode("utf-8")
    pairs = zip(original, after_bytes[: len(original)], strict=True)
    cut = next((i for i, (a, b) in enumerate(pairs) if a != b), len(original))
    inserted = len(after_bytes) - len(original)
    assert after_bytes[:cut] + after_bytes[cut + inserted:] == original
    assert after.questions[:-1] == before.questions
    assert after.questions[-1].id == "added-last"
    assert after.model_dump(exclude={"questions"}) == before.model_dump(exclude={"questions"})
