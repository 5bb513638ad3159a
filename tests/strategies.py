"""Hypothesis strategies for valid decks: anything the models can describe."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

# Any printable text in any script, markup-like characters included; no control characters
# and no surrounding spaces (the schema strips them, so they would not round-trip).
_ALPHABET = st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
    blacklist_characters="\ufeff\u0085",
)
_TRICKY = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "{{c1::not a gap}}",
        "&amp;",
        '#read("/etc/hostname")',
        "$x$",
        "*bold*",
        "a: b",
        "- item",
        "'quoted'",
        '"double"',
        "¶",
        "Пхеньян",
        "평양",
        "naïve",
        "שׁ",  # not NFC as typed; Anki stores NFC
        "cafe\u0301",
        "9 per cent",
        "yes",
        "null",
        "1996",
    ]
)


def _clean(text: str) -> str:
    return " ".join(text.split())


text = (
    st.one_of(st.text(_ALPHABET, min_size=1, max_size=40), _TRICKY)
    .map(_clean)
    .filter(lambda t: bool(t) and "{{" not in t and "}}" not in t)
)
slug = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
tag = st.from_regex(r"[a-z][a-z0-9_-]{0,10}(::[a-z][a-z0-9_-]{0,10})?", fullmatch=True)


def _distinct(min_size: int, max_size: int = 5) -> st.SearchStrategy[list[str]]:
    return st.lists(text, min_size=min_size, max_size=max_size, unique=True)


def _common() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={
            "tags": st.lists(tag, max_size=3, unique_by=str.lower),
            "explanation": text,
            "source": st.fixed_dictionaries(
                {"paragraph": st.integers(1, 40)}, optional={"locator": text}
            ),
            "points": st.integers(1, 5),
            "subdeck": st.sampled_from(["Dates", "Figures", "People and places"]),
        },
    )


def _cloze_text() -> st.SearchStrategy[str]:
    gap_text = text.filter(
        lambda t: "::" not in t and not t.endswith(":") and "{" not in t and "}" not in t
    )
    parts = st.lists(st.tuples(text, gap_text), min_size=1, max_size=3)
    return parts.map(lambda ps: " ".join(f"{before} {{{{{gap}}}}}" for before, gap in ps))


def _specific() -> st.SearchStrategy[dict[str, Any]]:
    number = st.decimals(
        min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False
    )
    date = st.one_of(
        st.integers(1, 9999),
        st.dates().map(lambda d: d.isoformat()),
        st.dates().map(lambda d: d.isoformat()[:7]),
    )
    choice = _distinct(2).flatmap(
        lambda choices: st.fixed_dictionaries(
            {
                "type": st.just("choice"),
                "prompt": text,
                "choices": st.just(choices),
                "answer": st.one_of(
                    st.sampled_from(choices),
                    st.lists(st.sampled_from(choices), min_size=1, unique=True),
                ),
                "shuffle": st.booleans(),
            }
        )
    )
    match = (
        st.tuples(_distinct(2, 4), _distinct(2, 4))
        .map(lambda sides: [{"left": a, "right": b} for a, b in zip(*sides, strict=False)])
        .filter(lambda pairs: len(pairs) >= 2)
    )
    return st.one_of(
        st.fixed_dictionaries(
            {"type": st.just("short"), "prompt": text, "answer": text},
            optional={"alternatives": _distinct(0, 3)},
        ),
        st.fixed_dictionaries(
            {"type": st.just("numeric"), "prompt": text, "answer": number},
            optional={"unit": text, "tolerance": st.decimals(0, 100, places=1)},
        ),
        st.fixed_dictionaries({"type": st.just("date"), "prompt": text, "answer": date}),
        choice,
        st.fixed_dictionaries(
            {"type": st.just("truefalse"), "prompt": text, "answer": st.booleans()}
        ),
        st.fixed_dictionaries({"type": st.just("cloze"), "text": _cloze_text()}),
        st.fixed_dictionaries({"type": st.just("order"), "prompt": text, "items": _distinct(2)}),
        st.fixed_dictionaries({"type": st.just("match"), "prompt": text, "pairs": match}),
    )


question = st.tuples(_common(), _specific()).map(lambda parts: {**parts[0], **parts[1]})


@st.composite
def deck_data(draw: st.DrawFn, max_questions: int = 6) -> dict[str, Any]:
    questions = draw(st.lists(question, min_size=1, max_size=max_questions))
    ids = draw(st.lists(slug, min_size=len(questions), max_size=len(questions), unique=True))
    deck: dict[str, Any] = {
        "id": draw(slug),
        "title": draw(text),
        "questions": [{"id": i, **q} for i, q in zip(ids, questions, strict=True)],
    }
    if draw(st.booleans()):
        deck["source"] = {
            "title": draw(text),
            "author": draw(text),
            "date": draw(st.dates()).isoformat(),
        }
    return deck
