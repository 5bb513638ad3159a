"""The shipped deck's audit, kept: its facts come from the article, in our own words."""

from __future__ import annotations

import re

import pytest

from quizgen import load_deck
from quizgen.models import ChoiceQuestion

from .conftest import ARTICLE, SHIPPED_DECKS

DECK_FILE = SHIPPED_DECKS / "putin-kim-2024.yaml"
RUN = 7
"""Seven words in a row shared with the article is a copied clause, not a shared name."""
NAMES = ("Treaty on Mutual Friendship, Cooperation, and Assistance",)
"""Names carry over as they are: a treaty's title is a fact, not the author's wording."""


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9£$|]+", text.casefold().replace("\u2019", "'"))


@pytest.mark.skipif(not ARTICLE.exists(), reason="shared/article is not beside the clone")
def test_no_clause_of_the_article_is_copied() -> None:
    article = _words(ARTICLE.read_text(encoding="utf-8"))
    runs = {tuple(article[i : i + RUN]) for i in range(len(article) - RUN + 1)}
    deck = load_deck(DECK_FILE).deck
    title = deck.source.title if deck.source else ""
    text = " ".join(_words(DECK_FILE.read_text(encoding="utf-8")))
    for name in (title, *NAMES):
        text = text.replace(" ".join(_words(name)), "|")
    ours = text.split()
    copied = {" ".join(ours[i : i + RUN]) for i in range(len(ours) - RUN + 1)
              if tuple(ours[i : i + RUN]) in runs}
    assert copied == set()


def test_no_general_knowledge_asides() -> None:
    """Facts from outside the article are marked `inferred` or left out, never slipped in."""
    text = DECK_FILE.read_text(encoding="utf-8")
    assert "General knowledge" not in text
    assert "Soviet Union dissolved" not in text


def test_time_bound_facts_say_when_they_held() -> None:
    deck = load_deck(DECK_FILE).deck
    partner = next(q for q in deck.questions if q.id == "defence-treaty-partner")
    assert "When the article was written" in partner.prompt_text()
    assert isinstance(partner, ChoiceQuestion)
    assert "Russia" not in partner.choices  # true since the summit: not a distractor
    assert all(q.id != "arrival-date" for q in deck.questions)  # 18 or 19 June: not decidable
