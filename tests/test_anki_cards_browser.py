"""Card scripts in a real browser, on the HTML the real Anki engine renders.

Every card here comes out of an .apkg imported into a fresh collection; Debian's
chromium (driven by Playwright) shows it the way Anki's reviewer does (tests/reviewer.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from quizgen import load_deck
from quizgen.anki.building import BuildOptions, build_package
from quizgen.anki.fields import card_tag
from quizgen.anki.identity import note_guid

from .conftest import import_package
from .reviewer import Review, route_pages

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"
)
SHOTS = os.environ.get("QUIZGEN_CARD_SHOTS")
"""Set to a folder to keep screenshots (light, night, 360 px wide) for a human to look at."""

HOSTILE_UNIT = '<img src=x onerror="alert(1)"> {{Answer}}'

DECK = """\
id: cards
title: Cards
questions:
  - id: airport
    type: short
    prompt: At which airport did the banner hang?
    answer: Sunan International Airport
    alternatives: [Sunan, Pyongyang Sunan International Airport]
  - id: containers
    type: numeric
    prompt: About how many containers of munitions?
    answer: 7000
    unit: containers
  - id: share
    type: numeric
    prompt: What share of the debt was written off?
    answer: 90
    unit: per cent
    tolerance: 2
  - id: landing
    type: date
    prompt: On what date did he land?
    answer: 2024-06-19
  - id: rise
    type: date
    prompt: In what month did he rise to power?
    answer: "2000-03"
  - id: exit
    type: date
    prompt: In what year did Russia leave the treaty?
    answer: 1996
  - id: ides
    type: date
    prompt: On what date was Caesar killed?
    answer: 44 BC
  - id: vaguer
    type: truefalse
    prompt: The new treaty was vaguer than the old one.
    answer: true
  - id: partner
    type: choice
    prompt: Which country had a defence treaty with the North?
    choices: [China, Iran, Vietnam, Cuba]
    answer: China
  - id: receives
    type: choice
    prompt: What did the North receive? Choose all that apply.
    choices: [Food, Cash, Technology, Fighter jets, Submarines]
    answer: [Food, Cash, Technology]
  - id: timing
    type: choice
    prompt: When did Moscow open ties with Seoul, relative to 1991?
    shuffle: false
    choices: [Two years before, One year before, The same year]
    answer: One year before
  - id: chronology
    type: order
    prompt: Put these in order, earliest first.
    items: [Treaty signed, Cold War ends, Russia leaves the treaty, Putin rises, Debt deal sealed]
  - id: people
    type: match
    prompt: Match each person with a role.
    pairs:
      - {left: Kim Jong Il, right: Leader when Putin rose to power}
      - {left: Kim Jong Un, right: Leader since December 2011}
      - {left: Xi Jinping, right: Chinese leader watching the summit}
      - {left: Vladimir Putin, right: Visitor after 24 years}
  - id: banner
    type: cloze
    text: A banner at the {{airport}} called the friendship {{eternal::one word}}.
  - id: hostile-unit
    type: numeric
    prompt: How many?
    answer: 3
    unit: 'HOSTILE'
"""
DECK = DECK.replace("'HOSTILE'", f"'{HOSTILE_UNIT}'")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def open_review(browser: Any) -> Iterator[Callable[..., Review]]:
    contexts: list[Any] = []

    def open_review(*, night: bool = False, scripts: bool = True,
                    storage: bool = True) -> Review:
        context = browser.new_context(viewport={"width": 360, "height": 740},
                                      java_script_enabled=scripts, device_scale_factor=1)
        contexts.append(context)
        if not storage:
            context.add_init_script(
                "Object.defineProperty(window, 'sessionStorage', "
                "{get() { throw new DOMException('denied', 'SecurityError'); }});"
            )
        pages: dict[str, str] = {}
        route_pages(context, pages)
        page = context.new_page()
        page.on("dialog", lambda dialog: pytest.fail(f"a card opened a dialog: {dialog.message}"))
        return Review(page, pages, night)

    yield open_review
    for context in contexts:
        context.close()


@dataclass
class Imported:
    """One deck built (plain or --type-answer) and imported into its own collection."""

    col: Any
    cards: dict[str, list[Any]]

    def __getitem__(self, question_id: str) -> Any:
        return self.cards[question_id][0]


def _imported(folder: Path, type_answer: bool) -> Iterator[Imported]:
    from anki.collection import Collection

    deck_file = folder / "cards.yaml"
    deck_file.write_text(DECK, encoding="utf-8")
    package = folder / "cards.apkg"
    build_package(load_deck(deck_file), package, BuildOptions(type_answer=type_answer))
    (folder / "profile").mkdir()
    col = Collection(str(folder / "profile" / "collection.anki2"))
    try:
        import_package(col, package)
        by_guid = {note_guid("cards", q.id): q.id for q in load_deck(deck_file).deck.questions}
        cards: dict[str, list[Any]] = {}
        for card_id in col.find_cards(""):
            card = col.get_card(card_id)
            cards.setdefault(by_guid[card.note().guid], []).append(card)
        yield Imported(col, {k: sorted(v, key=lambda card: card.ord) for k, v in cards.items()})
    finally:
        col.close()


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Imported]:
    yield from _imported(tmp_path_factory.mktemp("plain"), type_answer=False)


@pytest.fixture(scope="module")
def typed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Imported]:
    yield from _imported(tmp_path_factory.mktemp("typed"), type_answer=True)


def texts(review: Review, selector: str) -> list[str]:
    found = (str(t).strip() for t in review.page.locator(selector).all_inner_texts())
    return [text for text in found if text]


def shoot(review: Review, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        bottom = review.page.evaluate(
            "document.getElementById('qa').getBoundingClientRect().bottom"
        )
        clip = {"x": 0, "y": 0, "width": 360, "height": min(740, int(bottom) + 20)}
        review.page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), clip=clip)


def letters_of(options: list[str]) -> dict[str, str]:
    return {text: chr(65 + index) for index, text in enumerate(options)}


# ------------------------------------------------------------------ choice cards


def test_tapping_the_right_choice_is_judged_right(
    plain: Imported, open_review: Callable[..., Review]
) -> None:
    review = open_review()
    review.show_front(plain["partner"])
    assert texts(review, ".qz-instruction") == ["CHOOSE ONE"]  # shown upper-case by CSS
    options = texts(review, ".qz-options > li")
    assert sorted(options) == ["China", "Cuba", "Iran", "Vietnam"]
    review.page.get_by_text("China", exact=True).click()
    assert texts(review, ".qz-options > li.qz-picked") == ["China"]
    review.page.get_by_text("Iran", exact=True).click()  # one choice: a second tap moves it
    assert texts(review, ".qz-options > li.qz-picked") == ["Iran"]
    review.page.get_by_text("China", exact=True).click()
    shoot(review, "choice-front-light")
    review.show_back_same_page(plain.col, plain["partner"])
    assert texts(review, ".qz-verdict") == ["✓ Right"]
    assert texts(review, ".qz-options > li") == options  # the back shows the front's order
    assert texts(review, ".qz-answer") == [f"{letters_of(options)['China']}. China"]
    shoot(review, "choice-back-light")


def test_a_wrong_tap_names_the_letter_chosen(
    plain: Imported, open_review: Callable[..., Review]
) -> None:
    review = open_review(night=True)
    review.show_front(plain["partner"])
    options = texts(review, ".qz-options > li")
    review.page.get_by_text("Cuba", exact=True).click()
    review.show_back_new_page(plain.col, plain["partner"])  # AnkiDroid's route
    assert texts(review, ".qz-options > li") == options
    assert texts(review, ".qz-verdict") == [f"✗ Not quite: you chose {letters_of(options)['Cuba']}"]
    assert texts(review, ".qz-options > li.qz-wrong") == ["Cuba"]
    shoot(review, "choice-back-night")


def test_choose_all_that_apply_without_a_count(
    plain: Imported, open_review: Callable[..., Review]
) -> None:
    review = open_review()
    review.show_front(plain["receives"])
    assert texts(review, ".qz-instruction") == ["CHOOSE ALL THAT APPLY"]
    for choice in ("Food", "Cash"):
        review.page.get_by_text(choice, exact=True).click()
    review.show_back_same_page(plain.col, plain["receives"])
    assert texts(review, ".qz-verdict") == ["✗ Not quite: one right choice was left out"]

    review.show_front(plain["receives"])
    for choice in ("Food", "Cash", "Technology"):
        review.page.get_by_text(choice, exact=True).click()
    review.show_back_new_page(plain.col, plain["receives"])
    assert texts(review, ".qz-verdict") == ["✓ Right"]


def test_no_tap_no_verdict(
    plain: Imported, open_review: Callable[..., Review]
) -> None:
    review = open_review()
    review.show_front(plain["partner"])
    review.show_back_same_page(plain.col, plain["partner"])
    assert review.page.locator(".qz-verdict").is_hidden()
    assert texts(review, ".qz-options > li.qz-correct") == ["China"]


@pytest.mark.parametrize("route", ["same page", "new page", "no storage"])
def test_shuffle_differs_between_visits_and_the_back_agrees(
    plain: Imported, open_review: Callable[..., Review], route: str
) -> None:
    review = open_review(storage=route != "no storage")
    fronts = []
    for _ in range(8):
        review.show_front(plain["partner"])
        front = texts(review, ".qz-options > li")
        fronts.append(tuple(front))
        if route == "same page":
            review.show_back_same_page(plain.col, plain["partner"])
        else:
            review.show_back_new_page(plain.col, plain["partner"])
        assert texts(review, ".qz-options > li") == front
        assert texts(review, ".qz-answer") == [f"{letters_of(front)['China']}. China"]
    if route == "no storage":
        # Nothing carries a seed from front to back: both sides use the day's seed.
        assert len(set(fronts)) == 1
    else:
        assert len(set(fronts)) > 1


def test_choices_marked_fixed_keep_their_order(
    plain: Imported, open_review: Callable[..., Review]
) -> None:
    review = open_review()
    for _ in range(3):
        review.show_front(plain["timing"])
        assert texts(review, ".qz-options > li") == [
            "Two years before", "One year before", "The same year"
        ]


# ------------------------------------------------------------------ order and match


def test_order_card_letters_and_the_written_answer(
    plain: Imported, open_review: Callable[..., Review]
) -> None:
    solution = ["Treaty signed", "Cold War ends", "Russia leaves the treaty", "Putin rises",
                "Debt deal sealed"]
    review = open_review()
    seen = set()
    for visit in range(6):
        review.show_front(plain["chronology"])
        shown = texts(review, ".qz-order-items > li")
        assert sorted(shown) == sorted(solution) and shown != solution
        seen.add(tuple(shown))
        if visit == 0:
            shoot(review, "order-front-light")
        review.show_back_same_page(plain.col, plain["chronology"])
        letter = letters_of(shown)
        assert texts(review, ".qz-code") == [" ".join(letter[item] for item in solution)]
        assert texts(review, ".qz-solution > li") == [f"{letter[i]} {i}" for i in solution]
        if visit == 0:
            shoot(review, "order-back-light")
    assert len(seen) > 1


def test_match_card_shuffles_answers_and_letters_the_solution(
    plain: Imported, open_review: Callable[..., Review]
) -> None:
    pairs = {"Kim Jong Il": "Leader when Putin rose to power",
             "Kim Jong Un": "Leader since December 2011",
             "Xi Jinping": "Chinese leader watching the summit",
             "Vladimir Putin": "Visitor after 24 years"}
    review = open_review()
    seen = set()
    for visit in range(6):
        review.show_front(plain["people"])
        assert texts(review, ".qz-lefts > li") == list(pairs)  # numbered, in the deck's order
        rights = texts(review, ".qz-rights > li")
        assert sorted(rights) == sorted(pairs.values())
        assert rights != list(pairs.values())  # never lined up as ready-made pairs
        assert review.page.locator("table").count() == 0
        seen.add(tuple(rights))
        if visit == 0:
            shoot(review, "match-front-light")
        review.show_back_new_page(plain.col, plain["people"])
        letter = letters_of(rights)
        code = " ".join(f"{n}{letter[right]}" for n, right in enumerate(pairs.values(), 1))
        assert texts(review, ".qz-code") == [code]
        assert texts(review, ".qz-solution > li") == [
            f"{n}. {left} → {letter[right]}. {right}"
            for n, (left, right) in enumerate(pairs.items(), 1)
        ]
    assert len(seen) > 1


def test_match_card_fits_a_phone(
    plain: Imported, open_review: Callable[..., Review]
) -> None:
    review = open_review(night=True)
    review.show_front(plain["people"])
    width = review.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360  # nothing overflows sideways at phone width
    shoot(review, "match-front-night")


# ------------------------------------------------------------------ without scripts


def test_without_scripts_every_card_is_a_readable_list(
    plain: Imported, open_review: Callable[..., Review]
) -> None:
    review = open_review(scripts=False)
    review.show_front(plain["partner"])
    options = texts(review, ".qz-options > li")
    assert sorted(options) == ["China", "Cuba", "Iran", "Vietnam"]
    marker = review.page.evaluate(
        "getComputedStyle(document.querySelector('.qz-options > li'), '::before').content"
    )
    assert marker == 'counter(qz-item, upper-alpha) ". "'
    shoot(review, "choice-front-noscript")
    review.show_back_new_page(plain.col, plain["partner"])
    assert texts(review, ".qz-options > li") == options  # build-time order on both sides
    assert texts(review, ".qz-answer") == [f"{letters_of(options)['China']}. China"]
    assert review.page.locator(".qz-verdict").is_hidden()

    review.show_front(plain["chronology"])
    shown = texts(review, ".qz-order-items > li")
    review.show_back_new_page(plain.col, plain["chronology"])
    letter = letters_of(shown)
    assert texts(review, ".qz-code") == [" ".join(letter[i] for i in (
        "Treaty signed", "Cold War ends", "Russia leaves the treaty", "Putin rises",
        "Debt deal sealed"))]


# ------------------------------------------------------------------ cloze


def test_cloze_styles_the_gap_not_the_sentence(
    plain: Imported, open_review: Callable[..., Review]
) -> None:
    cards = plain.cards["banner"]
    review = open_review()
    review.show_front(cards[1])
    weight = review.page.evaluate("getComputedStyle(document.querySelector('.qz-text')).fontWeight")
    gap = review.page.evaluate("getComputedStyle(document.querySelector('.cloze')).fontWeight")
    assert (weight, gap) == ("400", "700")
    assert texts(review, ".cloze") == ["[one word]"]
    shoot(review, "cloze-front-light")


# ------------------------------------------------------------------ typed answers


ACCEPTED = {
    "airport": ["Sunan International Airport", "sunan", "  SUNAN ",
                "the Sunan International Airport", "Pyongyang Sunan International Airport"],
    "containers": ["7000", "7,000", "7 000", "7,000 containers", "7000.0"],
    "share": ["90", "91", "88", "90%", "90 per cent", "92 percent"],
    "landing": ["19 June 2024", "2024-06-19", "June 19, 2024", "19th of June 2024", "19/06/2024",
                "06/19/2024", "19 Jun 2024"],
    "rise": ["March 2000", "2000-03", "Mar 2000", "03/2000", "march, 2000"],
    "exit": ["1996", "1996.", "AD 1996", "1996 AD"],
    "ides": ["44 BC", "44 bc", "44 BCE", "44 B.C."],
    "vaguer": ["true", "True", "t", "yes"],
}
REJECTED = {
    "airport": ["Kimpo", "Sunan Airport International", ""],
    "containers": ["7001", "70,00", "700", "seven thousand"],
    "share": ["93", "87", "90 years"],
    "landing": ["18 June 2024", "2024-06", "June 2024", "19 June 2023", "31 June 2024"],
    "rise": ["2000", "April 2000", "1 March 2000"],
    "exit": ["1995", "96", "1996 BC"],
    "ides": ["44", "44 AD", "45 BC", "March 44 BC"],
    "vaguer": ["false", "no", "maybe"],
}


@pytest.mark.parametrize("question", sorted(ACCEPTED))
def test_typed_answers_are_judged_against_everything_the_deck_accepts(
    typed: Imported, open_review: Callable[..., Review], question: str
) -> None:
    card = typed[question]
    assert card.note_type()["name"] == "quizgen Q&A, type the answer (v1)"
    review = open_review()
    cases = [(a, "✓ Accepted") for a in ACCEPTED[question]]
    cases += [(r, "✗ Not accepted") for r in REJECTED[question]]
    for answer, expected in cases:
        review.show_front(card)
        review.page.fill("#typeans", answer)
        review.show_back_same_page(typed.col, card, review.typed_on_front())
        assert texts(review, ".qz-verdict") == ([expected] if answer.strip() else []), answer
    for answer, expected in (cases[0], cases[len(ACCEPTED[question])]):
        # AnkiDroid's route: a new page where only the engine's comparison carries the text.
        review.show_back_new_page(typed.col, card, answer)
        assert texts(review, ".qz-verdict") == [expected], answer


def test_typed_screens(
    typed: Imported, open_review: Callable[..., Review]
) -> None:
    for night in (False, True):
        review = open_review(night=night)
        review.show_front(typed["containers"])
        review.page.fill("#typeans", "7000")
        shoot(review, f"typed-front-{'night' if night else 'light'}")
        review.show_back_same_page(typed.col, typed["containers"], review.typed_on_front())
        assert texts(review, ".qz-verdict") == ["✓ Accepted"]
        assert "7,000" in texts(review, "code#typeans")[0]  # Anki's own comparison stays
        shoot(review, f"typed-back-{'night' if night else 'light'}")


# ------------------------------------------------------------------ escaping and tags


@pytest.mark.parametrize("type_answer", [False, True], ids=["plain", "typed"])
def test_a_hostile_unit_is_shown_as_text(
    plain: Imported, typed: Imported, open_review: Callable[..., Review], type_answer: bool
) -> None:
    built = typed if type_answer else plain
    card = built["hostile-unit"]
    review = open_review()
    review.show_front(card)
    review.show_back_same_page(built.col, card, "3" if type_answer else None)
    assert review.page.locator(".qz img").count() == 0
    if type_answer:
        instruction = review.page.locator(".qz-instruction").text_content()
        assert instruction == f"Give the number (in {HOSTILE_UNIT})"
        assert texts(review, ".qz-verdict") == ["✓ Accepted"]
    else:
        assert texts(review, ".qz-answer") == [f"3 {HOSTILE_UNIT}"]


def test_every_note_is_tagged_with_its_yaml_entry(
    plain: Imported
) -> None:
    for question_id, (card, *_) in plain.cards.items():
        tag = card_tag("cards", question_id)
        assert tag == f"quizgen::cards::{question_id}"
        assert tag in card.note().tags
        assert plain.col.find_notes(f"tag:{tag}") == [card.nid]
