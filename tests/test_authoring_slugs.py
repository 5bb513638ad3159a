"""Automatic question ids: readable slugs that the schema accepts, unique in their deck."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.models import SLUG_PATTERN
from quizgen.slugs import MAX_SLUG_LENGTH, slugify, unique_slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("How many years separated Putin's two visits?",
         "how-many-years-separated-putins-two-visits"),
        ("Où est Pyongyang ?", "ou-est-pyongyang"),
        ("  --Deal: $11 billion!  ", "deal-11-billion"),
        ("Kim\u2019s trip", "kims-trip"),
        ("平壤", "question"),
        ("one two three four five six seven eight nine ten",
         "one-two-three-four-five-six-seven-eight"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


@given(st.text())
def test_any_text_gives_a_valid_id(text: str) -> None:
    slug = slugify(text)
    assert re.fullmatch(SLUG_PATTERN, slug)
    assert len(slug) <= MAX_SLUG_LENGTH


def test_unique_slug_counts_up_past_taken_ids() -> None:
    assert unique_slug("visit", set()) == "visit"
    assert unique_slug("visit", {"visit"}) == "visit-2"
    assert unique_slug("visit", {"visit", "visit-2", "visit-3"}) == "visit-4"
