"""The self-check web page (`export --format html`) in a real browser: Debian's chromium
driven by Playwright answers every question type right and wrong and reads the marks;
the seed shuffle, keyboard use, dark mode, a 360 px phone, print and the absence of any
network request are checked on the page itself."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from quizgen.formats import render_decks
from quizgen.loading import LoadedDeck, load_deck

from .conftest import SHIPPED_DECKS
from .export_samples import BEFORE_CHRIST_DECK, every_type_deck

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]

# For each question of the every-type deck: how to answer it right, and wrong.
# Right answers use the forms the deck's rules allow: an alternative in another case, a unit
# after the figure, thousands separators, a decimal comma, a month's short name, US order.
RIGHT: dict[str, Any] = {
    "short-markup": "  A & B. ",
    "numeric-unit": "7,200 men <b>",
    "numeric-negative": "\u221211,25",
    "date-year": "1961",
    "date-month": "Mar 2000",
    "date-day": "June 19, 2024",
    "choice-single": ["<b>Right</b> & {ok}"],
    "choice-multi": ["First right", "Second right"],
    "tf-true": "True",
    "tf-false": "False",
    "cloze-end": ["ABOARD"],
    "cloze-hint": ["pyongyang", "June"],
    "cloze-special": ["a}b#c~d=e%f*g&h<i>"],
    "order-steps": ["First <b>", "Second & so", "Third {x}"],
    "match-pairs": {"Left <b>1</b>": "Right & 1", "Left {2}": "Right #2", "Left ~3": "Right <3>"},
}
WRONG: dict[str, Any] = {
    "short-markup": "A B",
    "numeric-unit": "7,300",
    "numeric-negative": "-11.2",
    "date-year": "1962",
    "date-month": "2000-04",
    "date-day": "20 June 2024",
    "choice-single": ["~Wrong=2"],
    "choice-multi": ["First right"],
    "tf-true": "False",
    "tf-false": "True",
    "cloze-end": ["abroad"],
    "cloze-hint": ["Pyongyang", "July"],
    "cloze-special": ["a}b#c~d=e%f*g&h"],
    "order-steps": ["Second & so", "First <b>", "Third {x}"],
    "match-pairs": {"Left <b>1</b>": "Right #2", "Left {2}": "Right & 1", "Left ~3": "Right <3>"},
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium (/usr/bin/chromium) is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def every_type(tmp_path_factory: pytest.TempPathFactory) -> tuple[LoadedDeck, Path]:
    folder = tmp_path_factory.mktemp("every-type")
    loaded = every_type_deck(folder)
    page = folder / "every-type.quiz.html"
    page.write_text(render_decks([loaded], "html").text, encoding="utf-8")
    return loaded, page


class Visit:
    """One page load with every request recorded (and any but the file itself refused)."""

    def __init__(self, browser: Any, path: Path, query: str = "", **context: Any) -> None:
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.file_url = path.resolve().as_uri()

        def route(request_route: Any) -> None:
            url = request_route.request.url
            self.requests.append(url)
            if url.split("?")[0] == self.file_url:
                request_route.continue_()
            else:
                request_route.abort()

        self.context.route("**/*", route)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: self.errors.append(message.text)
                     if message.type == "error" else None)
        self.page.goto(self.file_url + query)

    def form(self, question_id: str) -> Any:
        return self.page.locator(f'form[data-qid="{question_id}"]')

    def order(self) -> list[str]:
        return [str(q) for q in self.page.eval_on_selector_all(
            "form[data-qid]", "forms => forms.map(f => f.dataset.qid)")]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Any) -> Iterator[Callable[..., Visit]]:
    opened: list[Visit] = []

    def open_page(path: Path, query: str = "?seed=1", **context: Any) -> Visit:
        page = Visit(browser, path, query, **context)
        opened.append(page)
        return page

    yield open_page
    for page in opened:
        assert page.errors == [], page.errors
        page.close()


def answer(visit: Visit, loaded: LoadedDeck, question_id: str, given: Any) -> None:
    """Answer one question through the page's own controls, as a student would."""
    form = visit.form(question_id)
    kind = form.get_attribute("data-type")
    if kind in ("short", "numeric", "date"):
        form.locator("input[type=text]").fill(given)
    elif kind in ("choice", "truefalse"):
        for label in form.locator("label.qz-option").all():
            box = label.locator("input")
            if label.inner_text().strip() in given:
                box.check()
            elif kind == "choice" and box.get_attribute("type") == "checkbox":
                box.uncheck()
    elif kind == "cloze":
        for gap, text in zip(form.locator("input.qz-gap").all(), given, strict=True):
            gap.fill(text)
    elif kind == "order":
        for position, wanted in enumerate(given):
            while True:
                shown = [item.inner_text() for item in form.locator(".qz-item").all()]
                at = shown.index(wanted)
                if at == position:
                    break
                form.locator("ol li").nth(at).locator("button").first.click()  # up
    elif kind == "match":
        for pair in form.locator("p.qz-pair").all():
            pair.locator("select").select_option(label=given[pair.locator("label").inner_text()])
    else:
        raise AssertionError(f"no way to answer a {kind} question")


def verdict(visit: Visit, question_id: str) -> str:
    form = visit.form(question_id)
    form.get_by_role("button", name="Check").click()
    return str(form.locator(".qz-result strong").inner_text())


def test_every_type_marked_right_with_every_accepted_form(
    visit: Callable[..., Visit], every_type: tuple[LoadedDeck, Path]
) -> None:
    loaded, path = every_type
    page = visit(path)
    assert sorted(RIGHT) == sorted(q.id for q in loaded.deck.questions)
    for question_id, given in RIGHT.items():
        answer(page, loaded, question_id, given)
        assert verdict(page, question_id) == "\u2713 Right", question_id
        assert page.form(question_id).get_attribute("class") == "qz-question qz-right"
    score = page.page.locator("#qz-score").inner_text()
    assert score == "Score: 17 of 17 points (15 of 15 questions checked)"


def test_every_type_marked_wrong_and_shows_the_answer(
    visit: Callable[..., Visit], every_type: tuple[LoadedDeck, Path]
) -> None:
    loaded, path = every_type
    page = visit(path)
    for question_id, given in WRONG.items():
        answer(page, loaded, question_id, given)
        assert verdict(page, question_id) == "\u2717 Not right", question_id
    shown = page.form("cloze-hint").locator(".qz-answer").inner_text()
    assert shown == "Answer: Pyongyang; June"
    explanation = page.form("short-markup").locator(".qz-explanation").inner_text()
    assert explanation == "Because <script>alert(1)</script> & *star* ]]> stays text."
    gaps = page.form("cloze-hint").locator("input.qz-gap")
    assert gaps.nth(0).get_attribute("class") == "qz-gap qz-gap-right"
    assert gaps.nth(1).get_attribute("class") == "qz-gap qz-gap-wrong"
    assert page.page.locator("#qz-score").inner_text().startswith("Score: 0 of 17 points")


def test_unanswered_questions_say_so_when_all_are_checked(
    visit: Callable[..., Visit], every_type: tuple[LoadedDeck, Path]
) -> None:
    _, path = every_type
    page = visit(path)
    answer(page, every_type[0], "tf-true", "True")
    page.page.get_by_role("button", name="Check all answers").click()
    verdicts = page.page.locator(".qz-result strong").all_inner_texts()
    assert verdicts.count("\u2713 Right") == 1
    # An order question always has an arrangement, so it reads as an answer.
    assert verdicts.count("\u2717 No answer") == 13
    assert page.page.locator("#qz-score").inner_text() == (
        "Score: 1 of 17 points (15 of 15 questions checked)")


def test_the_seed_fixes_the_shuffle(visit: Callable[..., Visit],
                                    every_type: tuple[LoadedDeck, Path]) -> None:
    _, path = every_type

    def arrangement(query: str) -> tuple[list[str], list[str], list[str]]:
        page = visit(path, query)
        choices = page.form("choice-multi").locator("label.qz-option").all_inner_texts()
        rights = page.form("match-pairs").locator("select").first.locator(
            "option").all_inner_texts()
        return page.order(), choices, rights

    first, again, other = arrangement("?seed=1"), arrangement("?seed=1"), arrangement("?seed=2")
    assert first == again
    assert first[0] != other[0]
    assert sorted(first[0]) == sorted(other[0])
    # shuffle: false keeps the written order whatever the seed
    page = visit(path, "?seed=3")
    assert page.form("choice-single").locator("label.qz-option").all_inner_texts() == [
        "<b>Right</b> & {ok}", "Wrong #1", "~Wrong=2", "%50%Wrong"]


def test_without_a_seed_each_visit_draws_one_and_links_to_it(
    visit: Callable[..., Visit], every_type: tuple[LoadedDeck, Path]
) -> None:
    _, path = every_type
    page = visit(path, "")
    seed = page.page.locator("html").get_attribute("data-seed")
    assert seed and re.fullmatch(r"\d+", seed)
    link = page.page.get_by_role("link", name="this order")
    assert link.get_attribute("href") == f"?seed={seed}"
    order = page.order()
    link.click()
    page.page.wait_for_url(f"**?seed={seed}")
    assert page.order() == order


def test_keyboard_alone_answers_and_checks(visit: Callable[..., Visit],
                                           every_type: tuple[LoadedDeck, Path]) -> None:
    _, path = every_type
    page = visit(path)
    keyboard = page.page.keyboard

    def tab_to(selector: str) -> None:
        for _ in range(200):
            keyboard.press("Tab")
            if page.page.evaluate(f"document.activeElement.matches({selector!r})"):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to('form[data-qid="date-year"] input')
    keyboard.type("1961")
    keyboard.press("Enter")  # submits the question's form
    assert page.form("date-year").locator(".qz-result strong").inner_text() == "\u2713 Right"

    tab_to('form[data-qid="tf-false"] input[type=radio]')
    keyboard.press("ArrowDown")  # radio groups move with arrows: True → False
    tab_to('form[data-qid="tf-false"] button[type=submit]')
    keyboard.press("Enter")
    assert page.form("tf-false").locator(".qz-result strong").inner_text() == "\u2713 Right"

    form = page.form("order-steps")
    before = form.locator(".qz-item").all_inner_texts()
    tab_to('form[data-qid="order-steps"] li:nth-child(2) button')
    keyboard.press("Enter")  # "move up" on the second item
    assert form.locator(".qz-item").all_inner_texts() == [before[1], before[0], before[2]]
    focused = page.page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == f"Move \u201c{before[1]}\u201d down"  # focus stays with the moved item

    tab_to('form[data-qid="match-pairs"] select')
    keyboard.press("ArrowDown")
    assert form.page.evaluate("document.activeElement.value") != ""


def test_no_request_leaves_the_file(visit: Callable[..., Visit],
                                    every_type: tuple[LoadedDeck, Path]) -> None:
    loaded, path = every_type
    page = visit(path)
    for question_id, given in RIGHT.items():
        answer(page, loaded, question_id, given)
    page.page.get_by_role("button", name="Check all answers").click()
    page.page.screenshot(path=str(path.parent / "shot.png"), full_page=True)
    assert page.requests == [page.file_url + "?seed=1"]
    pictures = page.page.locator("img.qz-picture")
    assert pictures.count() == 3
    assert all(src.startswith("data:image/png;base64,") for src in
               page.page.eval_on_selector_all("img", "images => images.map(i => i.src)"))
    assert page.page.evaluate("document.querySelector('img.qz-picture').naturalWidth") == 2
    policy = page.page.locator('meta[http-equiv="Content-Security-Policy"]')
    assert policy.get_attribute("content").startswith("default-src 'none'")


def test_markup_in_the_deck_stays_text(visit: Callable[..., Visit],
                                       every_type: tuple[LoadedDeck, Path]) -> None:
    _, path = every_type
    page = visit(path)
    heading = page.form("short-markup").locator("h3").inner_text()
    assert heading.endswith("What does <b>this</b> & {that} #~=: \\ say? *star*")
    assert page.page.locator("main b, main i, main u, main script").count() == 0
    assert page.page.locator("script").count() == 2  # the data and the page's own code
    assert page.page.title() == "Every type <i>&</i> {markup} / slash \u00b7 self-check"
    description = page.page.locator(".qz-description").inner_text()
    assert description == "A deck for export tests: <b>not bold</b> & {{not a gap}}"


def test_the_page_script_writes_no_html() -> None:
    from importlib.resources import files

    script = files("quizgen.formats").joinpath("quiz_page.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function"):
        assert sink not in script


def test_answers_are_not_readable_in_the_source(every_type: tuple[LoadedDeck, Path]) -> None:
    _, path = every_type
    source = path.read_text(encoding="utf-8")
    assert "For self-study only, not for exams" in source
    for hidden in ("aboard", "Pyongyang", "a}b#c~d", "A*B", "a & b", "stays text"):
        assert hidden not in source


def test_shipped_deck_hides_every_typed_answer() -> None:
    loaded = load_deck(SHIPPED_DECKS / "putin-kim-2024.yaml")
    source = render_decks([loaded], "html").text
    data = json.loads(source.split('id="quiz-data">', 1)[1].split("</script>", 1)[0])
    for deck in data["decks"]:
        for question in deck["questions"]:
            question.pop("key")
    public = json.dumps(data, ensure_ascii=False)  # what the page shows anyway
    checked = 0
    for question in loaded.deck.questions:
        explanation = question.explanation or ""
        if explanation:
            assert explanation not in source
            checked += 1
        if question.type == "cloze":
            for gap in question.gaps():
                if gap.answer not in public:
                    assert gap.answer not in source
                    checked += 1
    assert checked > 60


def test_shipped_deck_runs_and_every_question_marks_right(
    visit: Callable[..., Visit], tmp_path: Path
) -> None:
    """All 68 questions answered right in the page, from the deck's own answers."""
    loaded = load_deck(SHIPPED_DECKS / "putin-kim-2024.yaml")
    path = tmp_path / "shipped.quiz.html"
    path.write_text(render_decks([loaded], "html").text, encoding="utf-8")
    page = visit(path)
    for question in loaded.deck.questions:
        given: Any
        match question.type:
            case "short":
                given = question.answer
            case "numeric":
                given = question.answer_text().split(" ±")[0]
            case "date":
                given = question.answer_date.words()
            case "choice":
                given = question.correct
            case "truefalse":
                given = "True" if question.answer else "False"
            case "cloze":
                given = [gap.answer for gap in question.gaps()]
            case "order":
                given = question.items
            case "match":
                given = {pair.left: pair.right for pair in question.pairs}
        answer(page, loaded, question.id, given)
        assert verdict(page, question.id) == "\u2713 Right", question.id
    total = sum(question.points for question in loaded.deck.questions)
    assert page.page.locator("#qz-score").inner_text() == (
        f"Score: {total} of {total} points ({len(loaded.deck.questions)} of "
        f"{len(loaded.deck.questions)} questions checked)")


def _luminance(colour: str) -> float:
    red, green, blue = (int(part) for part in re.findall(r"\d+", colour)[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def test_dark_mode_follows_the_system(visit: Callable[..., Visit],
                                      every_type: tuple[LoadedDeck, Path]) -> None:
    _, path = every_type
    colours = {}
    for scheme in ("light", "dark"):
        page = visit(path, color_scheme=scheme)
        colours[scheme] = page.page.evaluate(
            "[getComputedStyle(document.body).backgroundColor,"
            " getComputedStyle(document.querySelector('h3')).color]")
        page.page.screenshot(path=str(path.parent / f"{scheme}.png"), full_page=True)
    assert _luminance(colours["light"][0]) > 0.9 > 0.2 > _luminance(colours["dark"][0])
    assert _luminance(colours["dark"][1]) > 0.7  # light text on the dark page


def test_a_360_px_phone_needs_no_sideways_scrolling(
    visit: Callable[..., Visit], every_type: tuple[LoadedDeck, Path]
) -> None:
    _, path = every_type
    page = visit(path, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.page.screenshot(path=str(path.parent / "phone.png"))
    assert page.page.evaluate("document.documentElement.scrollWidth") <= 360
    box = page.form("choice-single").locator("input").first.bounding_box()
    assert box["x"] >= 0
    check = page.form("date-day").get_by_role("button", name="Check").bounding_box()
    assert check["height"] >= 40  # a thumb-sized target


def test_print_keeps_questions_and_drops_the_controls(
    visit: Callable[..., Visit], every_type: tuple[LoadedDeck, Path]
) -> None:
    _, path = every_type
    page = visit(path)
    page.page.emulate_media(media="print")
    shown = page.page.evaluate(
        "[...document.querySelectorAll('button, .qz-seed, form')]"
        ".map(n => [n.tagName, getComputedStyle(n).display])")
    assert {display for tag, display in shown if tag == "BUTTON"} == {"none"}
    assert {display for tag, display in shown if tag == "FORM"} == {"block"}
    assert len(page.page.pdf()) > 1000


def test_merged_decks_get_a_section_each(visit: Callable[..., Visit],
                                         every_type: tuple[LoadedDeck, Path],
                                         tmp_path: Path) -> None:
    second = tmp_path / "second.yaml"
    second.write_text("id: second\ntitle: Second deck\nquestions:\n"
                      "  - {id: q, type: short, prompt: Who?, answer: Me}\n", encoding="utf-8")
    path = tmp_path / "both.quiz.html"
    path.write_text(render_decks([every_type[0], load_deck(second)], "html").text,
                    encoding="utf-8")
    page = visit(path)
    assert page.page.locator("section.qz-deck h2").all_inner_texts() == [
        "Every type <i>&</i> {markup} / slash", "Second deck"]
    assert page.page.locator("h1").inner_text() == (
        "Every type <i>&</i> {markup} / slash \u00b7 Second deck")
    assert page.order()[-1] == "q"  # questions stay in their deck's section
    answer(page, every_type[0], "q", "me")
    assert verdict(page, "q") == "\u2713 Right"
    assert page.page.locator("#qz-score").inner_text().startswith("Score: 1 of 18 points")


def test_dates_before_christ(visit: Callable[..., Visit], tmp_path: Path) -> None:
    deck = tmp_path / "bc.yaml"
    deck.write_text(BEFORE_CHRIST_DECK, encoding="utf-8")
    loaded = load_deck(deck)
    path = tmp_path / "bc.quiz.html"
    path.write_text(render_decks([loaded], "html").text, encoding="utf-8")
    page = visit(path)
    for question_id, given, expected in [
        ("caesar-year", "44", "\u2717 Not right"), ("caesar-year", "44 BC", "\u2713 Right"),
        ("caesar-year", "-44", "\u2713 Right"), ("ides", "15 March 44", "\u2717 Not right"),
        ("ides", "15 March 44 BC", "\u2713 Right"), ("ides", "March 15, 44 B.C.", "\u2713 Right"),
    ]:
        answer(page, loaded, question_id, given)
        assert verdict(page, question_id) == expected, given


def _reference_numbers(seed_text: str, count: int) -> list[float]:
    """FNV-1a over UTF-16 code units, then mulberry32: the algorithm both scripts promise."""
    mask = 0xFFFFFFFF
    value = 2166136261
    for unit in seed_text.encode("utf-16-le")[::2]:
        value = ((value ^ unit) * 16777619) & mask
    state, numbers = value, []
    for _ in range(count):
        state = (state + 0x6D2B79F5) & mask
        t = ((state ^ (state >> 15)) * (state | 1)) & mask
        t = (t ^ ((t + ((t ^ (t >> 7)) * (t | 61))) & mask)) & mask
        numbers.append((t ^ (t >> 14)) / 4294967296)
    return numbers


def test_cards_and_page_shuffle_with_one_generator(browser: Any,
                                                   every_type: tuple[LoadedDeck, Path]) -> None:
    """seeded.js is included once in the card script and once in the page, and is what
    it says it is: chromium draws the same numbers as the reference above."""
    from quizgen.anki.notetypes import CARD_SCRIPT

    page_source = every_type[1].read_text(encoding="utf-8")
    seeded = Path(__file__).parents[1].joinpath("quizgen", "seeded.js").read_text("utf-8")
    code = seeded[seeded.index("*/\n") + 3:]
    for script in (CARD_SCRIPT, page_source):
        assert script.count(code) == 1
        assert script.count("function generator(") == 1
        assert "include seeded.js" not in script
    page = browser.new_page()
    try:
        drawn = page.evaluate(
            "(seed) => { " + code + " var next = generator(hash(seed));"
            " return [next(), next(), next(), next()]; }", "quizgen \u00e9t\u00e9")
    finally:
        page.close()
    assert drawn == _reference_numbers("quizgen \u00e9t\u00e9", 4)
