"""A stand-in for Anki's reviewer: the HTML the engine renders, shown the way clients do.

Cards come from a real collection (`card.question()` / `card.answer()`); this module only
does what the reviewer adds around them, after aqt/reviewer.py:
- the page: `<body class="card card1 [nightMode night_mode]"><div id="qa">…</div>`;
- `[[type:Answer]]` on the front becomes the reviewer's `<input id=typeans>`; on the back
  it becomes the engine's own comparison, `col.compare_answer(field, typed)`;
- Anki desktop and AnkiMobile show the back by replacing #qa's content in the same page
  (scripts re-run, globals survive); AnkiDroid loads the back as a new page (only
  sessionStorage survives). Both routes are offered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

ORIGIN = "http://anki-card.invalid"
"""Pages are served by a Playwright route, never fetched: no network is used."""

TYPE_MARKER = re.compile(r"\[\[type:(.+?)\]\]")

# The bits of Anki's reviewer stylesheet a card relies on (qt/aqt/data/web/css/reviewer.scss).
REVIEWER_CSS = """
body { margin: 20px; overflow-wrap: break-word; background-color: #ffffff; }
body.nightMode { background-color: #2c2c2c; color: #ffffff; }
.typeGood { background: #afa; color: black; }
.typeBad { background: #faa; color: black; }
.typeMissed { background: #ccc; color: black; }
#typeans { width: 100%; box-sizing: border-box; }
"""

TYPE_INPUT = (
    '<center><input type=text id=typeans onkeypress="_typeAnsPress();" '
    "style=\"font-family: 'Arial'; font-size: 20px;\"></center>"
)


def page_html(card_html: str, night: bool = False, ordinal: int = 1) -> str:
    classes = f"card card{ordinal}" + (" nightMode night_mode" if night else "")
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<style>{REVIEWER_CSS}</style>"
        "<script>function _typeAnsPress() {}</script>"
        f"</head><body class='{classes}'><div id='qa'>{card_html}</div></body></html>"
    )


def front_html(card: Any) -> str:
    return TYPE_MARKER.sub(TYPE_INPUT, card.question())


def back_html(col: Any, card: Any, typed: str | None) -> str:
    """The back as the reviewer shows it after `typed` was entered (None: no type box)."""

    def comparison(match: re.Match[str]) -> str:
        expected = card.note()[match[1]]
        output = col.compare_answer(expected, typed or "")
        return f"<div style=\"font-family: 'Arial'; font-size: 20px\">{output}</div>"

    return TYPE_MARKER.sub(comparison, card.answer())


@dataclass
class Review:
    """One browser tab reviewing cards: front, then back, by either client's route."""

    page: Any
    pages: dict[str, str]
    night: bool = False

    def serve(self, name: str, card_html: str) -> str:
        self.pages[name] = page_html(card_html, self.night)
        return f"{ORIGIN}/{name}"

    def show_front(self, card: Any) -> None:
        self.page.goto(self.serve("front.html", front_html(card)))

    def typed_on_front(self) -> str:
        return str(self.page.eval_on_selector("#typeans", "input => input.value"))

    def show_back_same_page(self, col: Any, card: Any, typed: str | None = None) -> None:
        """Anki desktop / AnkiMobile: #qa's content is replaced and its scripts run again."""
        html = back_html(col, card, typed)
        self.page.evaluate(
            """html => {
                const qa = document.getElementById('qa');
                qa.innerHTML = html;
                for (const old of qa.querySelectorAll('script')) {
                    const fresh = document.createElement('script');
                    fresh.textContent = old.textContent;
                    old.replaceWith(fresh);
                }
            }""",
            html,
        )

    def show_back_new_page(self, col: Any, card: Any, typed: str | None = None) -> None:
        """AnkiDroid: the back is a page of its own."""
        self.page.goto(self.serve("back.html", back_html(col, card, typed)))


def route_pages(context: Any, pages: dict[str, str]) -> None:
    def handle(route: Any) -> None:
        name = route.request.url.removeprefix(f"{ORIGIN}/")
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=pages[name])

    context.route(f"{ORIGIN}/**", handle)
