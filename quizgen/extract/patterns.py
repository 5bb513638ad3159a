"""Every fact pattern in one place: what news text calls a date, a figure or a treaty.

Kinds (the unit of measurement in `benchmarks/extract_eval.py`):

- ``date``     a point in time: years (1996), months (March 2000), full dates in British
               and American order (19 June 2024, June 19, 2024), days without a year
               (19 June), decades (the 1990s), centuries, qualified years (mid-2023,
               early 2024, summer 2022), named months relative to the article
               (last September), both ends of a year range (1957-58 gives 1958) and a
               month or day listed without its year (August and September 1710).
- ``duration`` a length of time or an age: 24 years, six months, two decades, under a
               year, a decade ago, a 10-year plan, aged 40, 40-year-old.
- ``money``    an amount with its currency: $11 billion, £12bn, €5m, US$3.5 million,
               $1.2tn, 350 million euros, 50 cents.
- ``percent``  90%, 90 per cent, forty percent, 40pc, 2 percentage points.
- ``count``    a number with the noun it counts: 7,000 containers, 1,200 US troops,
               a dozen countries, 1.5m people, 300 km, a figure whose noun its range or
               list leaves implied (43 to 89 million people), a count of one (1 case).
- ``treaty``   names of treaties, agreements, pacts, accords, conventions, protocols and
               charters, capitalised (Treaty of Versailles, Molotov–Ribbentrop Pact, New
               START treaty, Minsk accords, Jay's Treaty), an abbreviation the article
               ties to a treaty (SORT, START I: `acronyms.py`), a name in another language
               in Latin script (Traité de Versailles), or common-noun forms with a
               telling modifier (a comprehensive strategic partnership treaty, a
               free-trade agreement, the 1961 treaty, a peace deal).

Explicit patterns only: a general date parser reads "$11" as November 2011 and "in 24
years" as 2048. Each pattern carries examples (the bracketed part must be found, with
that kind) and counterexamples (nothing of that kind may be found); the tests run them all.
Overlaps are settled in `facts.py`: values by kind priority then length; treaty names
form their own layer, so "the 1961 treaty" is both a date and a treaty.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from ..models import PartialDate
from .acronyms import BRACKETED_AFTER_NAME
from .facttypes import Context, Fact, FactPattern
from .values import (
    currency_of,
    make_date,
    month_number,
    parse_number,
    plain,
    relative_month,
    treaty_key,
)
from .words import (
    CONTRACT_MODIFIERS,
    COUNT_MODIFIERS,
    CURRENCY_CODE,
    CURRENCY_CODES,
    CURRENCY_SYMBOL,
    CURRENCY_WORD,
    CURRENCY_WORDS,
    DATE_PREPOSITIONS,
    DAY,
    DEAL_MODIFIERS,
    DETERMINERS,
    FUNCTION_WORDS,
    GENERIC_MODIFIERS,
    IRREGULAR_PLURALS,
    LEADING_WORDS,
    LOOSE_QUALIFIERS,
    MEASURE_UNITS,
    MONTH,
    MONTH_FULL,
    NOT_PLURAL,
    NOT_TREATY_ACRONYMS,
    NOT_TREATY_PREFIXES,
    NUM,
    ORDINALS,
    QUALIFIER,
    SCALE_AFTER_DIGITS,
    SCALE_WORD,
    SCALES,
    SMALL_WORD,
    TENS,
    TIME_UNIT,
    UNIT_SINGULAR,
    UNITS,
    WORD_AMOUNT,
    WORD_NUM,
    YEAR,
    YEAR_EVENTS,
    plural_forms,
)

# ------------------------------------------------------------------ word lists of the catalogue

PLURAL_WORDS = "(?:" + "|".join(re.escape(w) for w in IRREGULAR_PLURALS + MEASURE_UNITS) + ")"
"""A count needs a plural noun within three words: checked in the regex, before any Python."""


def _line(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE)


def _look_back(
    regex: re.Pattern[str], text: str, end: int, reach: int = 80
) -> re.Match[str] | None:
    """`regex` (anchored with $) matched just before `end`: the leftmost, so the longest, run.

    Patterns anchor on their rarest word (a currency, a time unit, 'treaty') and look
    back from it: scanning every position for a number-word alternation is what made
    1 MB slow.
    """
    return regex.search(text, max(0, end - reach), end)


def _glued(text: str, start: int, marks: str) -> bool:
    """True when the match starts inside a word or right after one of `marks` ("$2011", "x12").

    Checked here rather than as a regex look-behind so that a pattern can begin with a
    digit, which lets the regex engine skip straight to digits: half the time on 1 MB.
    """
    if start == 0:
        return False
    before = text[start - 1]
    return before.isalnum() or before == "_" or before in marks


def _preceding_word(text: str, start: int) -> str:
    match = re.search(r"([\w.'’$£€#-]+)[ \t]*$", text[max(0, start - 40):start])
    return match.group(1) if match else ""


def _is_sentence_start(text: str, start: int) -> bool:
    return _char_before(text, start, " \t\"'‘“(") in ("", *".!?:;\n")


def _char_before(text: str, start: int, skipped: str = " \t\r\n") -> str:
    """The last character before `start` that is not in `skipped` ('' at the text's start).

    Walks back only over what it skips: slicing `text[:start]` for every match would make a
    long sentence quadratic."""
    index = start
    while index > 0 and text[index - 1] in skipped:
        index -= 1
    return text[index - 1] if index > 0 else ""


# ------------------------------------------------------------------ money


def _money_fact(text: str, span: tuple[int, int], currency_text: str,
                amount: re.Match[str], group: str, scale_text: str | None) -> Fact | None:
    """One money fact from its parts, whichever order they were written in: the currency
    (symbol, code or word), the amount (group `group` of `amount`) and its scale word;
    cents and pence are counted in their currency's main unit."""
    currency = currency_of(currency_text)
    number = parse_number(amount.group(group))
    if currency is None or number is None:
        return None
    scale = (scale_text or "").strip()
    scaled = parse_number(f"1 {scale}") if scale else Decimal(1)
    if scaled is None:
        return None
    value = number * scaled
    if "-" in currency:  # "USD-cent", "GBP-penny"
        currency = currency.split("-")[0]
        value = value / 100
    start, end = span
    return Fact("money", start, end, text[start:end], f"{currency} {plain(value)}", "money",
                number=value, unit=currency,
                number_start=amount.start(group), number_end=amount.end(group))


_SCALE_OF_RANGE_END = re.compile(
    rf"\s*(?:,?\s+(?:and|or|to)\s+|[-–]\s?){CURRENCY_SYMBOL}?\s?{NUM}(?P<scale>{SCALE_AFTER_DIGITS})")


def _money(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    scale = match.group("scale")
    if scale is None and match.re is MONEY_SYMBOL.regex:
        # "between $5 and $10 million": the first amount is in millions too
        end = _SCALE_OF_RANGE_END.match(text, match.end())
        scale = end.group("scale") if end is not None else None
    fact = _money_fact(text, match.span(), match.group("cur"), match, "amt", scale)
    if fact is None or fact.number is None or not match.groupdict().get("sign"):
        return fact
    return replace(fact, key=f"{fact.unit} {plain(-fact.number)}", number=-fact.number)


MONEY_SYMBOL = FactPattern(
    "money-symbol", "money",
    _line(rf"""(?<![\w$£€¥])(?P<cur>{CURRENCY_SYMBOL})\s?(?P<sign>[-−]\s?)?(?P<amt>{NUM})
              (?P<scale>{SCALE_AFTER_DIGITS})?(?![\d%])"""),
    _money,
    examples=("a sum of nearly [$11 billion] in debt", "worth [£12bn] to the Treasury",
              "Net income | [US$ -2.723 Billion]", "Revenue | [US$ 172.455 Billion]",
              "a [€5m] grant", "an extra [US$3.5 million]", "debts of [$1.2tn]",
              "tickets cost [$11] each", "a [£350m] contract",
              "set aside [Rs 11.1 lakh crore] for", "between [$5] and [$10 million]"),
    counterexamples=("He paid in 2011 for it.",),
    triggers=("$", "£", "€", "¥", "₹", "₩", "₽", "rs"),
)
_COUNTED_AFTER_AMOUNT = re.compile(rf"\s+(?:{TIME_UNIT}|people|[a-z]+s)\b")
_CURRENCY_AMOUNT_BEFORE = re.compile(rf"(?<![\w$£€¥])(?P<cur>{CURRENCY_SYMBOL})\s?{NUM}$")


def _money_range_end(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"a range of £13–27 billion": the end of a range whose start carries the currency
    is money in that currency."""
    start = _look_back(_CURRENCY_AMOUNT_BEFORE, text, match.start(), reach=30)
    if start is None:
        return None
    return _money_fact(text, (match.start("amt"), match.end()), start.group("cur"), match, "amt",
                       match.group("scale"))


MONEY_RANGE_END = FactPattern(
    "money-range-end", "money",
    _line(rf"""(?<=\d)\s?(?:[-–]|to)\s?(?P<amt>{NUM})(?P<scale>{SCALE_AFTER_DIGITS})(?![\d%])"""),
    _money_range_end,
    examples=("losses in a range of £13–[27 billion]", "it cost $5-[10 million]",
              "from $2 to [3 billion]"),
    counterexamples=("in 2013–27 billion", "from 5 to 10 million people"),
    triggers=("-", "–", "to"),
)


def _money_code(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    if (match.group("cur") and not match.group("scale")
            and _COUNTED_AFTER_AMOUNT.match(text, match.end())):
        return None  # "send a DM 2 days later": the figure counts days, it is no amount
    if match.group("cur"):
        return _money(match, text, ctx)
    if _YEARLIKE.fullmatch(match.group("amt2")) and not match.group("scale2"):
        return None  # "$2.8 billion (2011 USD)", "$1.2 billion 2017 USD": the dollars' year
    return _money_fact(text, match.span(), match.group("cur2"), match, "amt2",
                       match.group("scale2"))


MONEY_CODE = FactPattern(
    "money-code", "money",
    _line(rf"""\b(?:(?P<cur>{CURRENCY_CODE})\s?(?P<amt>{NUM})(?P<scale>{SCALE_AFTER_DIGITS})?
              |(?P<amt2>{NUM})(?P<scale2>{SCALE_AFTER_DIGITS})?\s(?P<cur2>{CURRENCY_CODE}))\b"""),
    _money_code,
    examples=("a loan of [USD 40 million] was agreed", "it raised [500m EUR] last year",
              "a deficit of [RON 5.5 billion] in May", "spending of [HUF 1.4 trillion]",
              "wages of [MDL 7,385] a month", "bought for $36 bn ([DM 15.5 bn]) in 1998"),
    counterexamples=("the RON team", "HUF and EUR rates", "damage of $2.8 billion (2011 USD)",
                     "$50 million (1915 USD, $1.2 billion 2017 USD)",
                     "send a DM 2 days later"),
    triggers=tuple(code.lower() for code in CURRENCY_CODES),
)


_AMOUNT_BEFORE = re.compile(
    rf"""(?<![\w$£€.,])(?P<amt>{NUM}|{WORD_AMOUNT})(?P<scale>{SCALE_AFTER_DIGITS})?\s+
         (?:(?i:silver|gold|kuping|haikwan|paper|Spanish|Mexican)\s+){{0,2}}$""",
    re.VERBOSE,
)


_WEIGHT_AFTER = re.compile(r"\s*\(\s*(?:about\s+)?[\d.,]+\s*(?:kg|kilograms?|kilos?)\b")
_WEIGHT_BEFORE = re.compile(r"\b(?:weigh(?:s|ed|ing|t)?|heavy|heavier)\b[^.;$£€]{0,40}$",
                            re.IGNORECASE)


_PER_MEASURE = (r"per\s+(?:acre|hectare|square|cubic|bushel|bale|head|plant|tree|gallon|"
                r"foot|feet|inch|yard|cow|animal|bird|hen)\b")
_WEIGHT_PER_AFTER = re.compile(rf"\s+{_PER_MEASURE}")
_WEIGHT_PER_IN_SENTENCE = re.compile(rf"\bpounds?\s+{_PER_MEASURE}", re.IGNORECASE)
"""'7,544 pounds per acre, down 209 pounds': a yield; the sentence's other pounds weigh too."""


_CONSTANT_YEAR = re.compile(r"(?:1[89]\d\d|20\d\d)\s+(?:[A-Z]{2}\s+)?[A-Za-z]+")
"""'2021 dollars', '1990 US dollars': a price level, named by its year."""


def _money_words(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    before = _look_back(_AMOUNT_BEFORE, text, match.start())
    if before is None:
        return None
    if _CONSTANT_YEAR.fullmatch(text, before.start(), match.end()) and (_preceding_word(
            text, before.start()).lower() == "in" or _char_before(text, before.start()) == "("):
        return None  # "$140 million in 2021 dollars", "(1974 dollars)": the dollars' year
    if match.group("cur").lower().startswith("pound") and (
            _WEIGHT_AFTER.match(text, match.end())
            or _WEIGHT_BEFORE.search(text, max(0, before.start() - 50), before.start())):
        return None  # "weighed 47.5 pounds (21.5 kg)": a weight, counted as a count
    if match.group("cur").lower() in ("pound", "pounds") and (
            _WEIGHT_PER_AFTER.match(text, match.end())
            or _WEIGHT_PER_IN_SENTENCE.search(text, max(0, match.start() - 300),
                                              match.start() + 300)):
        return None
    return _money_fact(text, (before.start(), match.end()), match.group("cur"), before, "amt",
                       before.group("scale"))


MONEY_WORDS = FactPattern(
    "money-words", "money",
    _line(rf"""(?<![\w-])(?P<cur>{CURRENCY_WORD})\b"""),
    _money_words,
    examples=("it cost [350 million euros] to build", "fined [five million dollars]",
              "a bill of [11 billion US dollars]", "a stamp costs [85 pence]",
              "[half a million pounds] was raised", "a budget of [31.9 billion lei]",
              "[1 Ghana Cedi] for every [10,000 Cedis]",
              "assessed at [132 billion Marks] in 1921", "[2 trillion yen] in bonds",
              "[40 billion roubles] of aid", "an indemnity of [200 million silver kuping taels]"),
    counterexamples=("the party won 12 seats", "the boxer weighed in at",
                     "the samples weighed 47.5 pounds in all", "a 10 pounds (4.5 kg) bag",
                     "$140 million in 2021 dollars", "A$837 million in damage (1974 dollars)",
                     "a yield of 7,544 pounds per acre", "7,544 pounds per acre, down 209 pounds"),
    triggers=tuple(sorted({word.lower().split()[-1] for word in CURRENCY_WORDS})),
)


# ------------------------------------------------------------------ percent


_PERCENT_NUMBER_BEFORE = re.compile(
    rf"(?<![\w.,])(?:(?P<comma>\d{{1,3}},\d{{1,2}})|(?P<amt>{NUM}|{WORD_NUM}))\s?$")
"""A decimal comma has one or two digits after it ("42,7%"); a thousands comma has three."""


def _percent(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    before = _look_back(_PERCENT_NUMBER_BEFORE, text, match.start(), reach=40)
    if before is None:
        return None
    comma = before.group("comma")
    amount = "amt" if comma is None else "comma"
    number = parse_number(before.group("amt")) if comma is None else Decimal(
        comma.replace(",", "."))
    if number is None:
        return None
    if comma is None and _YEARLIKE.fullmatch(before.group("amt")) and _MONTH_JUST_BEFORE.search(
            text, max(0, before.start() - 12), before.start()):
        return None  # "the January to February 2000 percent change": a month's year
    written = match.group().strip()
    unit = "%" if written == "%" else ("percent" if written == "percent" else "per cent")
    start, end = before.start(), match.end()
    return Fact("percent", start, end, text[start:end], f"{plain(number)}%", "percent",
                number=number, unit=unit,
                number_start=before.start(amount), number_end=before.end(amount))


_MONTH_JUST_BEFORE = re.compile(rf"\b{MONTH}\s+$")


PERCENT = FactPattern(
    "percent", "percent",
    _line(r"""%|(?<![A-Za-z])(?:per\s?cent|percent|pc)\b"""),
    _percent,
    examples=("write off [90 per cent] of the debt", "a [40%] rise", "nearly [forty per cent]",
              "support fell to [12.5 percent]", "inflation hit [11pc]", "a [40 %] share",
              "won 51 seats with [42,7%] of the votes"),
    counterexamples=("the PC market grew", "per capita income",
                     "the January to February 2000 percent change"),
    triggers=("%", "per", "pc"),
)


PERCENT_POINTS = FactPattern(
    "percentage-points", "percent",
    _line(rf"""(?<![\w.,])(?P<amt>{NUM}|{WORD_NUM})\s+percentage[-\s]points?\b"""),
    lambda m, t, c: Fact("percent", m.start(), m.end(), m.group(),
                         f"{plain(parse_number(m.group('amt')) or Decimal(0))}pp",
                         "percentage-points", number=parse_number(m.group("amt")),
                         unit="percentage points", number_start=m.start("amt"),
                         number_end=m.end("amt")),
    examples=("a rise of [two percentage points]", "down [0.5 percentage point]"),
    triggers=("percentage",),
)


# ------------------------------------------------------------------ dates


def _date_fact(match: re.Match[str], pattern: str, date: PartialDate | None,
               key: str | None = None, span: tuple[int, int] | None = None) -> Fact:
    start, end = span or match.span()
    text = match.string[start:end]
    return Fact("date", start, end, text, key or (date.iso() if date else text.lower()),
                pattern, date=date)


def _year_of(text: str | None) -> int | None:
    return int(text) if text else None


LIST_JOINT = (r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to|through|until|till)\s+"
              r"|\s?(?:--|[-–])\s?)")
"""What joins the items of a list or the ends of a range: ", ", " and ", " or ", " to ", "–"."""
MORE_ITEMS = "{1,12}"
"""How many more items a list may have: real lists are short, and a bound keeps a hostile
sentence of thousands of listed figures linear (each match looks at most this far ahead)."""
ANY_ITEMS = "{0,12}"


def _full_date(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    day = int(re.match(r"\d+", match.group("day")).group())  # type: ignore[union-attr]
    month = month_number(match.group("month"))
    year = _year_of(match.group("year") or match.groupdict().get("listyear"))
    if month is None:
        return None
    if year is None:
        year = _neighbour_year(text, match.start(), match.end())
    if year is None:
        key = f"--{month:02d}-{day:02d}"
        if ctx.reference is not None:
            return _date_fact(match, "day-month", make_date(ctx.reference.year, month, day), key)
        return _date_fact(match, "day-month", None, key)
    date = make_date(year, month, day)
    if date is None:
        return None
    return _date_fact(match, "full-date", date)


_DAY_MONTH_OR_MONTH_DAY = rf"(?:{DAY}\s+(?:of\s+)?{MONTH}|{MONTH}\s+{DAY})"
_DATED_AHEAD = re.compile(rf"\s*(?:[-–]|to\b|until\b|till\b|through\b)\s*"
                          rf"{_DAY_MONTH_OR_MONTH_DAY},?\s+(?P<year>{YEAR})\b")
_DATED = re.compile(rf"\b{_DAY_MONTH_OR_MONTH_DAY},?\s+(?P<year>{YEAR})\b")


def _neighbour_year(text: str, start: int, end: int) -> int | None:
    """The year of a dated day beside one written without it: the end of its range ("19
    May–9 November 2009"), else the nearest full date before it in the sentence ("landed on
    July 20, 1969, and left on July 24")."""
    ahead = _DATED_AHEAD.match(text, end)
    if ahead is not None:
        return int(ahead.group("year"))
    dated = list(_DATED.finditer(text, max(0, start - 160), start))
    return int(dated[-1].group("year")) if dated else None


DATE_DAY_MONTH = FactPattern(
    "date-day-month", "date",
    _line(rf"""\b(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})(?![a-z])
              (?:,?\s+(?P<year>{YEAR})\b)?"""),
    _full_date,
    examples=("Putin landed on [19 June 2024] in the capital", "on [4th July, 1776]",
              "talks resume on [12 March]", "signed on [the 3rd of May 1791]",
              "the storm lasted from [19 May]–[9 November 2009]"),
    counterexamples=("he may 5 times", "about 12 Mayors"),
    triggers=("#month",),
)
DATE_MONTH_DAY = FactPattern(
    "date-month-day", "date",
    _line(rf"""\b(?P<month>{MONTH})\s+(?P<day>{DAY})\b(?!,\d|\.\d|:)
              (?:,?\s+(?P<year>{YEAR})\b
              |(?=(?:{LIST_JOINT}{DAY}\b){MORE_ITEMS},?\s+(?P<listyear>{YEAR})\b))?"""),
    _full_date,
    examples=("on [June 19, 2024], the president", "by [Sept. 30] the fund",
              "on [January 6th 2021] a mob", "[Dec 7 1941]", "on [May 3] and 4, 2024"),
    counterexamples=("March 2000 was",),
    triggers=("#month",),
)


def _listed_date(match: re.Match[str], text: str, ctx: Context, day: int, month: int | None,
                 year: int | None) -> Fact | None:
    """A day that takes its month, and its year if any, from the end of its list."""
    if month is None:
        return None
    key = f"--{month:02d}-{day:02d}"
    if year is None:
        date = make_date(ctx.reference.year, month, day) if ctx.reference else None
        if make_date(2024, month, day) is None:  # no such day in any year: 30 February
            return None
        return _date_fact(match, "day-in-list", date, key, span=match.span("day"))
    date = make_date(year, month, day)
    if date is None:
        return None
    return _date_fact(match, "day-in-list", date, span=match.span("day"))


def _day_before_list_end(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"3 and 4 May 2024", "1, 2 or 3 June": every day of the list is a date of its month."""
    days = [int(d) for d in re.findall(r"\d+", match.group("day") + match.group("rest"))]
    if days != sorted(set(days)):
        return None  # "31 and 4 May": no list of days runs backwards
    return _listed_date(match, text, ctx, days[0], month_number(match.group("month")),
                        _year_of(match.group("year")))


DATE_DAY_LIST = FactPattern(
    "date-day-list", "date",
    _line(rf"""(?<![\w$£€¥.,/:–-])(?P<day>{DAY})\b
              (?P<rest>(?:{LIST_JOINT}{DAY}\b){MORE_ITEMS})\s+(?:of\s+)?(?P<month>{MONTH})(?![a-z])
              (?:,?\s+(?P<year>{YEAR})\b)?"""),
    _day_before_list_end,
    examples=("votes were cast on [3] and [4 May 2024]", "open on [1], [2] or [3 June]",
              "the [12]–[14 March 2023] summit"),
    counterexamples=("on 31 and 4 May 2024", "a 2.5 and 4 May rise", "at 10:30 and 4 May"),
    triggers=("#month",),
)


_MONTH_DAY_LIST_BEFORE = re.compile(
    rf"\b{MONTH}\s+{DAY}\b(?:{LIST_JOINT}{DAY}\b){ANY_ITEMS}{LIST_JOINT}$")
_AFTER_LISTED_DAY = re.compile(
    rf"(?P<more>(?:{LIST_JOINT}{DAY}\b){ANY_ITEMS}),?\s+(?P<year>{YEAR})\b|\s*(?:[.;:)]|,(?!\s*\d)|$)"
    r"|\s+(?:and|or|in|at|to|when|before|after|the|this|last|next|for|with)\b")


def _day_after_list_start(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"May 3 and 4, 2024": a day after a month's first day takes the month and the year."""
    if _glued(text, match.start(), "$£€¥.,/:"):
        return None
    before = _MONTH_DAY_LIST_BEFORE.search(text, max(0, match.start() - 60), match.start())
    after = _AFTER_LISTED_DAY.match(text, match.end())
    if before is None or after is None:
        return None  # "May 3 and 4 others": the figure counts something
    listed = re.findall(r"(?<![\w.])\d+\b", before.group())
    days = [int(d) for d in listed] + [int(re.sub(r"\D", "", match.group("day")))]
    if days != sorted(set(days)):
        return None
    month = month_number(re.match(r"[A-Za-z]+\.?", before.group()).group())  # type: ignore[union-attr]
    fact = _listed_date(match, text, ctx, days[-1], month, _year_of(after.group("year")))
    if fact is not None and after.group("year") and not after.group("more"):
        # The list's last day holds the year: "4, 2024" is one date, not a day and a year.
        return _date_fact(match, "day-in-list", fact.date, span=(match.start(), after.end()))
    return fact


DATE_DAY_AFTER_LIST = FactPattern(
    "date-day-after-list", "date",
    _line(rf"""(?P<day>{DAY})\b(?![.,:]\d)"""),
    _day_after_list_start,
    examples=("on [May 3] and [4, 2024] the polls", "between [June 1] and [3] the town",
              "on [March 2], [5] and [9, 2021]"),
    counterexamples=("on May 3 and 4 others", "on May 9 and 4 in June", "by May 3 and 4.5%"),
    triggers=("#month",),
)


_MONTH_LIST_AFTER = re.compile(
    rf"(?:{LIST_JOINT}{MONTH_FULL}\b){MORE_ITEMS}(?:,?\s+(?P<year>{YEAR})\b(?!s))?")
_MONTH_LIST_BEFORE = re.compile(
    rf"\b{MONTH_FULL}(?:{LIST_JOINT}{MONTH_FULL}){ANY_ITEMS}{LIST_JOINT}$")
_BARE_MAY_AFTER = re.compile(
    r"\s*(?:[,.;:)!?]|$)|\s+(?:and|or|in|of|to|for|at|on|the|this|next|last|when|while|"
    r"before|after|until|by|with|from)\b")


def _month_in_list(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"August and September 1710": August is a date of 1710 too; "in May or June": both
    months are dates. Refused next to a capitalised word, where months name people
    ("Theresa May and June Sarpong")."""
    start, end = match.span()
    if re.match(r"\s+(?:\d|of\s+\d)", text[end:end + 8]):
        return None  # "September 1710" and "June 3" are other patterns' dates
    after = _MONTH_LIST_AFTER.match(text, end)
    before = _MONTH_LIST_BEFORE.search(text, max(0, start - 80), start)
    if after is None and before is None:
        return None
    first = before.start() if before is not None else start
    last = after.end() if after is not None else end
    previous = _preceding_word(text, first)
    if (previous[:1].isupper() and previous.lower() not in DATE_PREPOSITIONS
            and previous.lower() not in LEADING_WORDS and not _is_sentence_start(
                text, first - len(previous) - 1)):
        return None
    year_text = after.group("year") if after is not None else None
    if re.match(r"\s+[A-Z]", text[last:last + 2]):
        return None
    listed = text[first:last].lower()
    if year_text is None and re.search(r"\bmay\b", listed) and not _BARE_MAY_AFTER.match(
            text, last):
        return None  # "June or May said": a name, not a month
    month = month_number(match.group())
    if year_text is None:
        return _date_fact(match, "month", None, match.group().lower())
    date = make_date(int(year_text), month)
    return None if date is None else _date_fact(match, "month-in-list", date)


DATE_MONTH_LIST = FactPattern(
    "date-month-list", "date",
    _line(rf"""\b{MONTH_FULL}\b"""),
    _month_in_list,
    examples=("in [August] and [September 1710]", "it opens in [May] or [June]",
              "between [May], [June] and [July 2020]", "from [March] to [May 1999]"),
    counterexamples=("Theresa May and June Sarpong met", "June or May said no",
                     "in March, prices rose", "April and May Smith"),
    triggers=("#month",),
)


def _month_year(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    month = month_number(match.group("month"))
    date = make_date(int(match.group("year")), month)
    return None if date is None else _date_fact(match, "month-year", date)


DATE_MONTH_YEAR = FactPattern(
    "date-month-year", "date",
    _line(rf"""\b(?:{QUALIFIER}[-\s]+)?(?P<month>{MONTH})(?:\s+of)?,?\s+(?P<year>{YEAR})\b(?!s)"""),
    _month_year,
    examples=("power in [March 2000], however", "in [Feb. 2022] the army",
              "by [late May 2023] it was", "in [September of 1939]"),
    counterexamples=("the 1990s",),
    triggers=("#month",),
)


def _iso(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    date = make_date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    return None if date is None else _date_fact(match, "iso-date", date)


DATE_ISO = FactPattern(
    "date-iso", "date",
    _line(rf"""\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])\b"""),
    _iso,
    examples=("published [2024-06-19] at noon",),
    counterexamples=("version 2024-13-40",),
    triggers=("#digit",),
)


def _numeric_date(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    first, second, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
    if first > 12 >= second:
        return _date_fact(match, "numeric-date", make_date(year, second, first))
    if second > 12 >= first:
        return _date_fact(match, "numeric-date", make_date(year, first, second))
    return _date_fact(match, "numeric-date", None)  # 04/05/2024: British or American?


DATE_NUMERIC = FactPattern(
    "date-numeric", "date",
    _line(rf"""(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>{YEAR})(?![\d/])"""),
    _numeric_date,
    examples=("the order dated [19/06/2024] says", "filed [6/19/2024]"),
    triggers=("/",),
)


def _relative_month(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    word = match.group("dir").lower()
    month = month_number(match.group("month"))
    if month is None:
        return None
    named = re.search(r"[A-Z][\w'’]*\s+$", text[max(0, match.start() - 30):match.start()])
    if word == "of" and named:
        return None  # "the Ides of March", "the Revolution of October": a name, not a date
    if word in ("last", "next", "this"):
        date = relative_month(month, word, ctx.reference) if ctx.reference else None
        key = date.iso() if date else f"{word} {match.group('month').lower()}"
        return _date_fact(match, "relative-month", date, key)
    listed = _MONTH_LIST_AFTER.match(text, match.end("month"))
    if listed is not None and listed.group("year"):
        return None  # "in August and September 1710": the list pattern gives it its year
    span = (match.start("month"), match.end("month"))
    return _date_fact(match, "month", None, match.group("month").lower(), span)


DATE_RELATIVE_MONTH = FactPattern(
    "date-month", "date",
    _line(rf"""\b(?P<dir>[Ll]ast|[Nn]ext|[Tt]his|in|since|until|by|from|early|mid|late|during|
              before|after|of|through|throughout|[Ii]n|[Ss]ince|[Bb]y)[-\s]+(?P<month>{MONTH_FULL})\b
              (?!\s+(?:\d|of\s+\d))"""),
    _relative_month,
    examples=("his visit to the cosmodrome [last September] showed",
              "talks due [next March] will", "elections held in [November] were",
              "until the end of [June]"),
    counterexamples=("Theresa May said", "you may go", "the Ides of March was a day"),
    triggers=("#month",),
)


_MONTH_BEFORE_NOUN = ("January|February|March|April|June|July|August|September|October|"
                      "November|December")
"""Every month but May, which before a lower-case word is mostly the verb ("May 2 may go")."""
_MONTH_NOUN_PRECEDED = frozenset("the than and or its their a an".split())
_NOT_A_NOUN_AFTER_MONTH = frozenset(
    "said says told wrote added asked replied noted is was has had will would".split())


def _month_before_noun(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"July exports were $186.3 billion, $3.4 billion more than June exports", "The July
    decrease": a month written before the noun it dates."""
    previous = _preceding_word(text, match.start())
    at_start = _is_sentence_start(text, match.start())
    if not at_start and previous.lower() not in _MONTH_NOUN_PRECEDED and not _modified_after_the(
            text, match.start()):
        return None
    following = match.group("next")
    if following in FUNCTION_WORDS or following in _NOT_A_NOUN_AFTER_MONTH or (
            following.endswith("ed") or following.endswith("ly")):
        return None
    span = (match.start("month"), match.end("month"))
    return _date_fact(match, "month-before-noun", None, match.group("month").lower(), span)


_DETERMINER_AND_MODIFIERS = re.compile(
    r"\b(?:the|its|their)\s+(?P<modifiers>[a-z]+(?:\s+[a-z]+)?)\s+$")


def _modified_after_the(text: str, start: int) -> bool:
    """"the revised August estimate", "the final September figure": one or two modifiers
    between the determiner and the month."""
    found = _look_back(_DETERMINER_AND_MODIFIERS, text, start, reach=40)
    return found is not None and not any(
        word in FUNCTION_WORDS for word in found.group("modifiers").split())


DATE_MONTH_NOUN = FactPattern(
    "date-month-noun", "date",
    _line(rf"""(?<![\w-])(?P<month>{_MONTH_BEFORE_NOUN})\s+(?P<next>[a-z][a-z-]+)\b"""),
    _month_before_noun,
    examples=("[July] exports were higher than [June] exports", "The [July] decrease reflected",
              "above the revised [August] estimate"),
    counterexamples=("Theresa May said", "June said she would", "Judge April stepped down",
                     "the Ides of March was a day", "June Sarpong met", "March on",
                     "In July prices rose", "the man who in August said"),
    triggers=("#month",),
)


DATE_MONTH_SUPERLATIVE = FactPattern(
    "date-month-superlative", "date",
    _line(rf"""\b(?:the|its|\d{{1,3}}(?:st|nd|rd|th)|[a-z]+(?:st|nd|rd|th))\s+
              (?:[a-z]{{2,}}(?<!w)est)\s+(?P<month>{_MONTH_BEFORE_NOUN}|May)\b"""),
    lambda match, text, ctx: _date_fact(match, "month-superlative", None,
                                        match.group("month").lower(),
                                        (match.start("month"), match.end("month"))),
    examples=("tying 2004 as the 20th warmest [November] on record",
              "the 8th driest [November] on record", "its coldest [May] since 1990"),
    counterexamples=("the Midwest November rains", "the best May said"),
    triggers=("est ",),
)
"""'the 20th warmest November on record': a month ranked among its like is a date."""


def _qualified_year(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    return _date_fact(match, "qualified-year", make_date(int(match.group("year"))))


DATE_QUALIFIED_YEAR = FactPattern(
    "date-qualified-year", "date",
    _line(rf"""\b(?:(?:early|mid|late)[-\s]+|(?:(?:early|mid|late)[-\s]+)?
              (?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?:\s+of)?\s+)
              (?P<year>{YEAR})\b(?!s)"""),
    _qualified_year,
    examples=("production resumes in [mid-2023]", "by [early 2024] the plan",
              "in the [summer of 2022] heatwave",
              "a [late-2019] survey"),
    triggers=("#digit",),
)


def _quarter_code(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    year = match.group("year") or match.group("later")
    return _date_fact(match, "quarter-code", make_date(int(year)))


DATE_QUARTER_CODE = FactPattern(
    "date-quarter-code", "date",
    _line(rf"""(?<![\w-])(?:(?P<year>{YEAR})\s?-?Q[1-4]|Q[1-4][\s-](?P<later>{YEAR}))(?![\w-])"""),
    _quarter_code,
    examples=("| [2018Q3] | [2018Q4] |", "GDP rose in [Q2 2019] and", "the [2019-Q1] estimate"),
    counterexamples=("the Q3 results", "a 2019Q5 code", "model X2019Q1"),
    triggers=("q1", "q2", "q3", "q4"),
)


def _decade(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    decade = match.group("decade")
    if decade.startswith(("'", "’")):
        decade = ("19" if int(decade[1]) >= 3 else "20") + decade[1:]
    return _date_fact(match, "decade", None, decade.lower())


DATE_DECADE = FactPattern(
    "date-decade", "date",
    _line(r"""(?:\b(?:early|mid|late)[-\s]+)?(?<![\w'’])(?P<decade>(?:1\d|20)\d0s|['’]\d0s)\b"""),
    _decade,
    examples=("famine in the [1990s] killed", "since the [early 2000s]", "in the ['90s] boom"),
    counterexamples=("in 1990 s",),
    triggers=("0s",),
)


_DECADE_BEFORE = re.compile(
    r"(?<![\w'’])(?P<century>1\d|20)\d0s(?:,|\s+and|\s+or|\s+to|\s*[-–])\s*$")


def _short_decade(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"the 1960s and 70s": the second decade, in the first one's century."""
    before = _DECADE_BEFORE.search(text, max(0, match.start() - 12), match.start())
    if before is None:
        return None
    return _date_fact(match, "decade", None, before.group("century") + match.group("decade"))


DATE_SHORT_DECADE = FactPattern(
    "date-short-decade", "date",
    _line(r"""(?<![\w'’$£€.,])(?P<decade>\d0s)\b"""),
    _short_decade,
    examples=("through the 1960s and [70s] prices rose", "in the 1980s–[90s] boom",
              "the 1990s, [2000s] and [10s]"),
    counterexamples=("a man in his 70s", "temperatures in the 70s", "the 70s were"),
    triggers=("0s",),
)


def _century(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    ordinal = match.group("ord").lower()
    number = ORDINALS.get(ordinal)
    if number is None:
        digits = re.match(r"\d+", ordinal)
        if digits is None:
            compound = {"twentieth": 20, "nineteenth": 19, "eighteenth": 18,
                        "seventeenth": 17, "sixteenth": 16, "fifteenth": 15,
                        "twenty-first": 21}
            number = compound.get(ordinal)
        else:
            number = int(digits.group())
    if number is None:
        return None
    return _date_fact(match, "century", None, f"century {number}")


_CENTURY_ORDINAL = (r"(?:\d{1,2}(?:st|nd|rd|th)|twenty-first|twentieth|nineteenth|eighteenth|"
                    r"seventeenth|sixteenth|fifteenth)")


DATE_CENTURY = FactPattern(
    "date-century", "date",
    _line(rf"""\b(?:(?:early|mid|late)[-\s]+)?(?P<ord>{_CENTURY_ORDINAL})
              (?:[-\u2010\u2011\s]century\b|[-\s]centuries\b
              |(?=\s+and\s+(?:(?:early|mid|late)[-\s]+)?{_CENTURY_ORDINAL}[-\s]centuries\b)
              |(?=\s*(?:to|[-–])\s*(?:(?:early|mid|late)[-\s]+)?{_CENTURY_ORDINAL}[-\s]centur(?:y|ies)\b))"""),
    _century,
    examples=("a [19th-century] palace", "in the [twentieth century]", "a [16th\u2010century] poet",
              "in the [early 20th century]",
              "in the [late eighteenth] and [early nineteenth centuries]",
              "built in the [late 12th] to [13th century] under Philip II"),
    triggers=("centur",),
)



_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w-]*)")


_YEAR_THEN_DASH = re.compile(r"(?:1\d{3}|20\d\d)\s?[-–]\s?$")
_YEAR_THEN_SLASH = re.compile(r"(?<![\d/])(?:1\d{3}|20\d\d)/$")


def _not_a_year(text: str, start: int, end: int, year: int, after: int | None = None) -> bool:
    """True when the digits at start..end name, number or count something rather than
    give a year; `after` is where the next word is looked for (past a short range)."""
    second_of_two = _YEAR_THEN_SLASH.search(text, max(0, start - 5), start) is not None
    if _glued(text, start, "$£€¥.,'’" if second_of_two else "$£€¥.,/'’"):
        return True  # "2019/2020" is two years; "12/2019" is not one
    before = text[max(0, start - 2):start]
    if len(before) == 2 and before[1] in "-–" and before[0].isalpha():
        return True  # COVID-19, F-2000: a name, not a year
    if _MEASURE_HYPHENED.match(text, end):
        return True  # "a 1956-kilometer railroad" measures it
    previous = _preceding_word(text, start).lower()
    if previous in ("no.", "no", "number", "#", "flight", "route", "page", "pages", "pp.",
                    "room", "model"):
        return True
    range_end = _YEAR_THEN_DASH.search(text, max(0, start - 6), start) is not None
    following = _NEXT_WORD.match(text, end if after is None else after)
    if (following and _is_plural_noun(following.group(1)) and not range_end
            and not _possessive_at(text, following.end())
            and following.group(1).lower() not in YEAR_EVENTS
            and previous not in DETERMINERS and previous not in ("a", "an")
            and not ((previous == "in" or _char_before(text, start) == "(")
                     and following.group(1).lower() in CURRENCY_WORDS)
            and not _TITLE_HOLDER_NAMED.match(text, following.end())
            and not (_char_before(text, start) in ("", "\n") and following.group(1)[:1].isupper())):
        return True  # "2000 troops" counts troops; "1896–2024 Women: …" ends a range
    return year < 1800 and previous not in DATE_PREPOSITIONS and previous not in _DATING_VERBS and (
        not (range_end or second_of_two or _year_in_place(text, start, end, previous, following)
             or _HEDGED_YEAR_BEFORE.search(text, max(0, start - 20), start)))


_HEDGED_YEAR_BEFORE = re.compile(
    r"(?:\bas\s+(?:early|late)\s+as|\b(?:since|from|by|until|before|after|in)\s+"
    r"(?:at\s+least|about|around|circa))\s+$", re.IGNORECASE)
"""'As early as 1480', 'since at least 1540': a date preposition, hedged."""


def _possessive_at(text: str, position: int) -> bool:
    """"Baum's 1900 children's novel": a plural with an apostrophe-s after a year-like
    figure is the novel's kind, not a head count; the figure dates it."""
    return text[position:position + 2] in ("'s", "’s")


_DATING_VERBS = frozenset(
    """established founded built born died signed completed chartered incorporated begun
    dated consecrated crowned""".split())
"""'established 1636': an early year straight after the verb it dates (later years need no
such word)."""


_TITLE_HOLDER_NAMED = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]")
"""'1962 finalists Czechoslovakia', '2010 champions Spain': the year dates the title of the
name after it; it counts no finalists."""


def _year_in_place(text: str, start: int, end: int, previous: str,
                   following: re.Match[str] | None) -> bool:
    """An early year where its place shows it is one: "(1689)", "(1762–1796)", "1710-11"
    beside a name or in a range; "1778: Treaty of Alliance" heading a timeline entry; "the
    1481 papal bull" (a year before the noun it dates, not a plural it would count)."""
    if (text[start - 1:start] in ("(", "–") or text[end:end + 1] in (")", "–")
            or re.match(r"-\d", text[end:end + 2]) is not None):
        return True
    if text[end:end + 1] == ":" and _char_before(text, start) in ("", "\n"):
        return True
    return (previous in ("the", "a") and following is not None and _year_noun(following.group(1))
            and following.start() == end)


def _year_noun(word: str) -> bool:
    """A lower-case singular word that a year can stand before ("the 1481 papal bull"): a
    figure before it would count it only in the plural ("the 1500 soldiers")."""
    if word[:1].isupper():  # "the 1690 Battle of Beachy Head": the year of a named event
        return word[1:].islower() and not _is_plural_noun(word)
    return word.islower() and not _is_plural_noun(word) and word not in FUNCTION_WORDS and (
        word not in MEASURE_UNITS and word not in _SINGULAR_UNITS)


_SINGULAR_UNITS = frozenset([*UNIT_SINGULAR.values(), "metre", "meter", "mile", "kilometre",
                             "kilometer", "tonne", "ton", "acre", "yard", "pound", "dollar",
                             "euro", "foot", "inch", "hectare", "barrel", "litre", "liter"])


def _year(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    year = int(match.group("year"))
    if _not_a_year(text, match.start(), match.end(), year):
        return None
    return _date_fact(match, "year", make_date(year))


DATE_YEAR = FactPattern(
    "date-year", "date",
    _line(rf"""(?P<year>{YEAR})(?:(?=[ef]\))|(?![\w%]|,\d|\.\d|/(?!\d\d(?![\d/])|(?:1\d{3}|20\d\d)(?![\d/]))\d|-\d\d-
              |\s?(?:per\s?cent|percent)\b))"""),
    _year,
    examples=("in [1996], Russia pulled out", "a [1961] treaty between them",
              "the [2024] elections", "the Treaty of Westphalia in [1648]",
              "between [1939] and [1945]", "the Treaty of Nerchinsk ([1689]) by",
              "Catherine the Great ([1762]–[1796])", "GDP growth 3.6% ([2019]e)",
              "the [2019]/[2020] season", "fiscal years [2019]/[2020] and [2021]/[2022]",
              "[1778]: Treaty of Alliance with France", "the [1481] papal bull Aeterni",
              "Years held | Men: [1896]–[2024] Women: [1928]–[2024]",
              "A$837 million in damage ([1974] dollars)", "Baum's [1900] children's novel",
              "As early as [1480], there were printers", "the hottest since at least [1540]."),
    counterexamples=("1,200 troops arrived", "about 1500 people", "2000 soldiers were sent",
                     "a 1956-kilometer railroad",
                     "in 24 years",
                     "$2011 was paid", "COVID-19 and F-2000", "filed 12/2019/2020 late",
                     "the 1500 soldiers marched", "Room 1200: keys", "page 1481 of the book",
                     "the 1300 km road", "a 1500 metre race", "the 1200 of them"),
    triggers=("#digit",),
)


_RANGE_LEADS = frozenset("the during between from over throughout in its their".split())
"""Words before "2005-07" that make it a span of years: "during 2005-07" is no month."""


def _range_end_year(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"1957-58", "(2008–16)": the second year of a range written short is a date too,
    read in the first year's century; "2024-06" (a month) runs backwards and is refused."""
    first, short = int(match.group("first")), int(match.group("short"))
    if _not_a_year(text, match.start(), match.end("first"), first, after=match.end()):
        return None
    if not short > first % 100:
        return None
    if (match.group("dash").strip() in "-/" and short <= 12 and short != first % 100 + 1
            and _preceding_word(text, match.start()).lower() not in _RANGE_LEADS):
        return None  # "2000-03" is March 2000 as often as 2000–2003; "2008-09" is a season
    year = first - first % 100 + short
    span = (match.start("short"), match.end("short"))
    return _date_fact(match, "year-range-end", make_date(year), span=span)


DATE_SHORT_RANGE = FactPattern(
    "date-short-range", "date",
    _line(rf"""(?P<first>{YEAR})(?P<dash>\s?[-–]\s?|/)(?P<short>\d\d)(?![\w%]|[.,]\d|\s?[-–/]\s?\d)"""),
    _range_end_year,
    examples=("the drought of [1957]-[58] ruined", "the [winter of 1957]–[58] was cold",
              "the mayor ([2008]–[16]) resigned", "during the [1710]-[11] campaign",
              "the [2019]-[20] season", "the [2008]-[09] budget", "the years [2000]–[03]",
              "the [2019]/[20] tax year", "the [2005]-[07] drought",
              "prices rose during [2005]-[07] and fell", "in [2010]-[12] the rate"),
    counterexamples=("published 2024-06 online", "dated 2024-06-19 in the file",
                     "a month (2000-03) or a day", "filed 2019/03/04", "on 12/2019/20",
                     "page 1957-58 of the report", "they sold 1957-58 tickets",
                     "a COVID-19-20 test", "the 1957-45 count", "released 2005-07 and",
                     "the 2005-07-19 file"),
    triggers=("#digit",),
)


def _before_christ(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    if _glued(text, match.start(), "$£€¥.,/"):
        return None
    year = -int(match.group("year"))
    month = month_number(match.group("month")) if match.group("month") else None
    day = int(re.sub(r"\D", "", match.group("day"))) if match.group("day") and month else None
    pattern = "year" if month is None else ("month" if day is None else "day")
    return _date_fact(match, pattern, make_date(year, month, day))


DATE_BC = FactPattern(
    "date-bc", "date",
    _line(rf"""(?:(?:(?P<day>{DAY})\s+)?(?P<month>{MONTH_FULL})\s+)?(?P<year>\d{{1,4}})\s?
              (?:BCE?|B\.C\.(?:E\.)?)(?![\w])"""),
    _before_christ,
    examples=("assassinated in [44 BC] in Rome", "born on [12 July 100 BC]",
              "fought in [490 BCE]", "the Ides of March ([15 March 44 BC])", "in [31 B.C.] at"),
    counterexamples=("the BC Lions won 44 games", "a BCE exam"),
    triggers=("bc", "b.c."),
)


def _anno_domini(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    if _glued(text, match.start(), "$£€¥.,/"):
        return None
    year = int(match.group("year") or match.group("year2"))
    return _date_fact(match, "year", make_date(year)) if year > 0 else None


DATE_AD = FactPattern(
    "date-ad", "date",
    _line(r"""(?<![\w-])(?:(?P<year>\d{1,4})\s?(?:AD|CE|A\.D\.|C\.E\.)(?![\w])
              |(?:AD|A\.D\.)\s(?P<year2>\d{1,4})(?![\w.,]\d|\w))"""),
    _anno_domini,
    examples=("a settlement established in [874 AD] by", "the city fell in [AD 410]",
              "built around [120 CE] under Hadrian", "crowned in [A.D. 800] at Rome"),
    counterexamples=("ADs 400 and 500", "the AD 4,000 budget", "BAD 874 results",
                     "a CE 20 mark"),
    triggers=("ad", "ce", "a.d.", "c.e."),
)


# ------------------------------------------------------------------ durations



def _unit(word: str) -> str:
    lowered = word.lower()
    return UNIT_SINGULAR.get(lowered, lowered)


_DURATION_NUMBER_BEFORE = re.compile(
    rf"(?<![\w.,$£€])(?P<num>{NUM}|{WORD_NUM})(?P<scale>\s+(?:thousand|million|billion))?"
    rf"(?:\s+(?:full|whole|entire|straight|"
    rf"consecutive|calendar|working|more|further|additional|extra|long|Earth|Martian|lunar|"
    rf"solar|sidereal|business|school|tax|fiscal|financial|academic|successive))?(?P<half>[-\s]+and[-\s]+(?:a[-\s]+half|a[-\s]+quarter|three[-\s]+quarters))?[-\s]$"
)


def _duration(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    before = _look_back(_DURATION_NUMBER_BEFORE, text, match.start(), reach=50)
    if before is None:
        return None
    number = parse_number(before.group("num") + (before.group("scale") or ""))
    if number is None:
        return None
    fraction = re.split(r"[-\s]+", before.group("half") or "")[-1:]
    number += {"half": Decimal("0.5"), "quarter": Decimal("0.25"),
               "quarters": Decimal("0.75")}.get(fraction[0] if fraction else "", Decimal(0))
    unit = _unit(match.group("unit"))
    start, end = before.start(), match.end()
    if unit.startswith("quarter"):
        unit = "quarter"
        if not _QUARTERS_IN_A_ROW.search(text, start, match.start()):
            return None  # "three quarters" may be a fraction; "two consecutive quarters" lasts
    parts = _finer_parts(text, end, unit)
    if parts:  # "six hours 39 minutes", "8 days, 3 hours and 18 minutes": one length of time
        end = parts[-1][0]
        key = " ".join([f"{plain(number)} {unit}", *(f"{plain(n)} {u}" for _, n, u in parts)])
        return Fact("duration", start, end, text[start:end], key, "duration")
    return Fact("duration", start, end, text[start:end], f"{plain(number)} {unit}", "duration",
                number=number, unit=f"{unit}s",
                number_start=before.start("num"), number_end=before.end("num"))


_QUARTERS_IN_A_ROW = re.compile(r"\b(?:consecutive|successive|straight)\s|-$")


_SMALLER_UNIT_AFTER = re.compile(
    rf",?\s+(?:and\s+)?(?P<num>\d{{1,2}}|{SMALL_WORD})\s+(?P<unit>{TIME_UNIT})\b")
_UNIT_ORDER = ("century", "decade", "year", "month", "fortnight", "week", "day", "hour",
               "minute", "second")


def _finer_parts(text: str, end: int, unit: str) -> list[tuple[int, Decimal, str]]:
    """The finer units that continue a length of time (at most three): end, figure, unit."""
    parts: list[tuple[int, Decimal, str]] = []
    while len(parts) < 3:
        smaller = _SMALLER_UNIT_AFTER.match(text, end)
        if smaller is None or not _finer(unit, _unit(smaller.group("unit"))):
            break
        number = parse_number(smaller.group("num"))
        if number is None:
            break
        end, unit = smaller.end(), _unit(smaller.group("unit"))
        parts.append((end, number, unit))
    return parts


def _finer(unit: str, other: str) -> bool:
    """"hours" then "minutes" make one length; "hours" then "years" do not."""
    return (unit in _UNIT_ORDER and other in _UNIT_ORDER
            and _UNIT_ORDER.index(other) > _UNIT_ORDER.index(unit))


DURATION = FactPattern(
    "duration", "duration",
    _line(rf"""(?<![A-Za-z])(?P<unit>{TIME_UNIT}|quarters?(?!\s+of\b))\b(?:[-\s]old\b)?"""),
    _duration,
    examples=("his first visit in [24 years]", "[six months] later",
              "over the past [two decades]", "a [10-year] plan", "a [40-year-old] man",
              "[two and a half years] of talks", "for [48 hours]",
              "the lake formed [30 million years] ago", "the Earth is [4.5 billion years old]",
              "they spent about [two and a quarter hours] outside",
              "for [two-and-a-half centuries] it",
              "during [two full days] of battle", "a year of [687 Earth days]",
              "the walk lasted [six hours 39 minutes] in all",
              "a flight of [8 days, 3 hours and 18 minutes] in all",
              "it lasted ([116 years, 4 months, 3 weeks and 4 days]) in all",
              "GDP fell for [two consecutive quarters]", "the [four-quarter] change",
              "receipts for the last [four tax years]"),
    counterexamples=("in 2024, years of talks", "three quarters of the vote",
                     "in three quarters the output rose"),
    triggers=("year", "month", "week", "day", "decade", "centur", "hour", "minute", "second",
              "fortnight", "quarter"),
)



_ARTICLE_BEFORE = re.compile(
    r"""(?<![\w-])(?:(?P<q>(?i:just\s+under|just\s+over|under|over|less\s+than|more\s+than|nearly|
    almost|about|around|roughly|within|only|just|for|barely|some))\s+)?
    (?P<a>(?i:a\s+(?P<quarter>quarter)\s+of\s+a|half\s+a|an|a|one))\s+$""",
    re.VERBOSE,
)


_TAKING_VERBS = frozenset("took take takes taking lasted lasts last spent spend".split())


def _duration_article(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    before = _look_back(_ARTICLE_BEFORE, text, match.start("unit"), reach=60)
    if before is None:
        return None
    qualifier = re.sub(r"\s+", " ", (before.group("q") or "").lower())
    after = match.group("after")
    unit_word = match.group("unit").lower()
    previous = _preceding_word(text, before.start("a")).lower()
    if not qualifier and not after and unit_word not in ("decade", "century", "fortnight") and (
            previous not in _TAKING_VERBS):
        return None  # "a year when…": not a length of time; "it took a month" is one
    if re.match(r"\s+off\b", text[match.end("unit"):match.end("unit") + 5]):
        return None  # "took a day off": a day's leave, not how long something took
    if previous in ("once", "twice", "times", "per", "thrice"):
        return None
    unit = _unit(unit_word)
    number = Decimal(1)
    if before.group("a").lower().startswith("half"):
        number = Decimal("0.5")
    if before.group("quarter"):
        number = Decimal("0.25")
    start = before.start("q") if qualifier in LOOSE_QUALIFIERS else before.start("a")
    end = match.end("unit")
    return Fact("duration", start, end, text[start:end], f"{plain(number)} {unit}",
                "duration-article", number=number, unit=f"{unit}s")


DURATION_ARTICLE = FactPattern(
    "duration-article", "duration",
    _line(r"""(?<![A-Za-z-])(?P<unit>year|month|week|day|decade|century|fortnight|hour)\b
              (?P<after>\s+(?:ago|earlier|later|before|after|long|on|of)\b)?"""),
    _duration_article,
    examples=("met twice in [under a year]", "only [a year] earlier, Moscow",
              "It took [a month] for news to arrive", "all in [less than an hour], at",
              "[a decade] ago", "for [half a century]", "[more than a year] of war",
              "[A quarter of a century] later", "[a decade] of austerity"),
    counterexamples=("it happens twice a year", "in a year when prices rose",
                     "paid by the hour", "took a day off", "an hour when"),
    triggers=("year", "month", "week", "day", "decade", "centur", "fortnight", "hour"),
)


def _past_period(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    unit = _unit(match.group("unit") or match.group("unit2"))
    return Fact("duration", match.start(), match.end(), match.group(), f"1 {unit}",
                "duration-period", number=Decimal(1), unit=f"{unit}s")


DURATION_PERIOD = FactPattern(
    "duration-period", "duration",
    _line(r"""\b(?i:the)\s+(?:(?:past|coming)\s+(?P<unit>decade|century|year|month|week|fortnight)
              |(?:last|next)\s+(?P<unit2>decade|century))\b"""),
    _past_period,
    examples=("talks over [the past year] failed", "for most of [the past decade]"),
    counterexamples=("last year exports rose", "up on the previous year"),
    triggers=("past", "coming", "last", "next"),
)


def _age(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    number = parse_number(match.group("num"))
    if number is None or re.search(r"(?:average|median|mean)\s+$",
                                   text[max(0, match.start() - 10):match.start()]):
        return None  # "an average age of 41": the average's own pattern reads it
    return Fact("duration", match.start(), match.end(), match.group(), f"{plain(number)} year",
                "age", number=number, unit="years",
                number_start=match.start("num"), number_end=match.end("num"))


AGE = FactPattern(
    "age", "duration",
    _line(rf"""\b(?:[Aa]ged|[Aa]ges?(?:\s+of)?)\s+(?P<num>\d{{1,3}}|{SMALL_WORD})\b
              (?![.,]\d|\s?%)"""),
    _age,
    examples=("a woman, [aged 40], was", "retired at [age 67]",
              "the youngest to win at the [age of 17]", "between the [ages of 18] and 64"),
    triggers=("age",),
)


def _age_range_end(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"aged 18 to 64", "ages 5-11": the range's upper age is a second age (AGE reads the
    first)."""
    number = parse_number(match.group("num"))
    if number is None or not 0 < number < 130:
        return None
    start, end = match.span("num")
    return Fact("duration", start, end, text[start:end], f"{plain(number)} year", "age",
                number=number, unit="years", number_start=start, number_end=end)


AGE_RANGE_END = FactPattern(
    "age-range-end", "duration",
    _line(r"""\b(?:[Aa]ged|[Aa]ges?(?:\s+of)?)\s+\d{1,3}\s*(?:to|–|-|and)\s*
              (?P<num>\d{1,3})\b(?![.,]\d|\s?%|\s*(?:years?\s+)?(?:later|earlier|ago)\b)"""),
    _age_range_end,
    examples=("adults aged 18 to [64] were", "children aged 5-[11] and", "between the ages "
              "of 18 and [64]", "people ages 25–[34]"),
    counterexamples=("aged 18 to 64% of", "at age 40 and 2.5 times"),
    triggers=("age",),
)


def _age_in_clause(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    number = parse_number(match.group("num"))
    if number is None or not 0 < number < 130:
        return None
    start, end = match.start("who"), match.end("num")
    return Fact("duration", start, end, text[start:end], f"{plain(number)} year", "age",
                number=number, unit="years", number_start=match.start("num"), number_end=end)


AGE_CLAUSE = FactPattern(
    "age-clause", "duration",
    _line(rf"""\b(?i:when|until|before|after|since)\s+
              (?P<who>(?:he|she|they|I|[A-Z][a-z]+)\s+(?:was|were|turned)\s+)
              (?P<num>\d{{1,3}}|{SMALL_WORD})\b
              (?![.,]\d|\s?%|\s*(?:percent|per\s+cent|[a-z(]))"""),
    _age_in_clause,
    examples=("she lived there until [she was 24].", "when [he turned 18], he left",
              "When [Wilhelmina was four], Alexander died"),
    counterexamples=("until she was 24 hours late", "when they were 12 points behind",
                     "when it was 24", "When Apollo was 12 days out"),
    triggers=("he ", "she ", "they ", "i ", "when ", "until ", "before ", "after ", "since "),
)


def _stated_age(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    group = "num" if match.group("num") is not None else "later"
    number = parse_number(match.group(group))
    if number is None or not 0 < number < 130:
        return None
    start, end = match.start(group), match.end(group)
    return Fact("duration", start, end, text[start:end], f"{plain(number)} year", "age",
                number=number, unit="years", number_start=start, number_end=end)


AGE_AVERAGE = FactPattern(
    "age-average", "duration",
    _line(r"""(?<![\w.,])(?P<num>\d{1,3}(?:\.\d)?)\s+(?:was|is|were|are)\s+the\s+
              (?:average|median|mean)\s+age\b
              |\b(?:average|median|mean)\s+age\s+(?:was|is|of|at)\s+(?:about\s+)?
              (?P<later>\d{1,3}(?:\.\d)?)(?![\d%]|\s?(?:per\s?cent|percent))"""),
    _stated_age,
    examples=("[54.9] was the average age of new claimants", "the median age was [38.2]",
              "an average age of [41] among recruits"),
    counterexamples=("the average age rose by 2.5%", "2019 was the year", "54.9 was the average"),
    triggers=("age",),
)


def _appositive_age(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    number = parse_number(match.group("num"))
    before = re.search(r"(\w+),\s$", text[max(0, match.start() - 40) : match.start()])
    previous = before.group(1).lower() if before else ""
    if number is None or not 16 <= number <= 110 or previous in FUNCTION_WORDS:
        return None
    if _is_plural_noun(previous):
        return None  # "the most total medals, 84, and": a count of the noun, not an age
    return _bare_age(match, number)


def _bare_age(match: re.Match[str], number: Decimal) -> Fact:
    """An age given as the bare figure in group "num": "Maria Lopez, 62,", "youngest (21)"."""
    start, end = match.span("num")
    return Fact("duration", start, end, match.group("num"), f"{plain(number)} year", "age",
                number=number, unit="years", number_start=start, number_end=end)


AGE_APPOSITIVE = FactPattern(
    "age-appositive", "duration",
    _line(r"""(?<=[A-Za-z],\s)(?P<num>[1-9]\d),(?=\s+[a-z])"""),
    _appositive_age,
    examples=("The opposition leader, [47], said", "Maria Lopez, [62], who runs the firm"),
    counterexamples=("Of these, 47, were late", "seats rose to 55, 47 and 60",
                     "In 2019, 47, 55 and 60", "the class of 12, 14, and 15",
                     "won the most medals, 84, and"),
    triggers=("#digit",),
)


def _superlative_age(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"the youngest (21) to win": the age in brackets after who was youngest or oldest."""
    number = parse_number(match.group("num"))
    if number is None or not 5 <= number <= 120:
        return None
    return _bare_age(match, number)


AGE_SUPERLATIVE = FactPattern(
    "age-superlative", "duration",
    _line(r"""\b(?i:youngest|oldest)(?:\s+[a-z]+){0,2}\s*\((?:aged?\s+)?(?P<num>\d{1,3})\)"""),
    _superlative_age,
    examples=("became both the youngest ([21]) and the first", "the oldest winner ([46]) ever"),
    counterexamples=("the oldest (1850) building", "the youngest (3%) group",
                     "the youngest (2) of them"),
    triggers=("youngest", "oldest"),
)


# ------------------------------------------------------------------ counts


def _is_plural_noun(word: str) -> bool:
    lowered = word.lower()
    if lowered in IRREGULAR_PLURALS or lowered in MEASURE_UNITS:
        return True
    if lowered in NOT_PLURAL or lowered in FUNCTION_WORDS:
        return False
    if re.fullmatch(r"[A-Z]{2,}s", word):
        return True  # "4 MPs", "12 NGOs": an abbreviation in the plural
    return len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is"))


_RATE_BEFORE = re.compile(r"\b(?:rate|average|mean|median)\b[^.;,]{0,25}$", re.IGNORECASE)
"""'the fertility rate was 1.94 babies': a rate may count less than two of its noun."""


_HYPHENED_RANGE_START = re.compile(r"(?<![\w.,-])(?P<num>\d{1,3}(?:,\d{3})*)-$")


def _ends_hyphened_range(text: str, start: int, number: Decimal) -> bool:
    """"275-400 people": the figure after a hyphen ends a range when a smaller figure
    starts it ("2016-17 seasons" is a span of years, "COVID-19" a name)."""
    first = _HYPHENED_RANGE_START.search(text, max(0, start - 12), start)
    low = parse_number(first.group("num")) if first else None
    return low is not None and low < number


_SPACED_THOUSANDS = r"\d{1,3}(?:\x20\d{3})+(?![\d,.])"
"""'180 000 cases', as WHO and European releases print it: a plain space between thousands,
read only before a counted noun ("in 2019 300 people" stays two figures: a year has four
digits)."""


def _count(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    if _glued(text, match.start(), "$£€¥.,/⁄+"):
        return None
    number_text = match.group("num")
    number = parse_number(re.sub(r"(?<=\d) (?=\d{3})", "", number_text))
    if number is None or number <= 0:
        return None
    if _char_before(text, match.start(), "") == "-" and not _ends_hyphened_range(
            text, match.start(), number):
        return None  # "COVID-19 patients", "2016-17 seasons": no count of its own
    words = match.group("words").split()
    head_index = next((i for i, w in enumerate(words) if _is_plural_noun(w.rstrip(",;:."))),
                      None)
    if head_index is None:
        return None
    if any(w.lower() in FUNCTION_WORDS and w.lower() not in COUNT_MODIFIERS
           and not (w.isupper() and len(w) > 1) for w in words[:head_index]):
        return None  # "12 of the ships" is no noun phrase; "24 WHO epidemiologists" is
    per = words[head_index + 1:head_index + 2] == ["per"]
    words = words[: head_index + 1]
    head = words[-1].rstrip(",;:.")
    rate = per or _RATE_BEFORE.search(text, max(0, match.start() - 40), match.start())
    if number < 2 and (head_index > 0 or head.lower() not in MEASURE_UNITS) and not rate:
        return None  # "0.4 inches" measures; "1.5 people" is no count, "1.81 babies per
        # woman" a rate
    if head[:1].isupper() and not head.isupper() and not re.fullmatch(
            r"[A-Z]{2,}s", head) and re.match(r"\s+\d", text[
            match.start("words") + len(match.group("words")):]):
        return None  # "11 Bevans 615", "30 Stat. 1754": a volume and page of a citation
    if head.lower() in CURRENCY_WORDS and _YEARLIKE.fullmatch(number_text) and (
            _preceding_word(text, match.start()).lower() == "in"
            or _char_before(text, match.start()) == "("):
        return None  # "in 2021 dollars": the year of a price level
    if head.lower() in UNIT_SINGULAR or head.lower() in ("percent", "cent") or (
            head.lower() == "points" and {"percentage", "basis"} & {w.lower() for w in words}):
        return None  # "2 percentage points" is a percentage; "Wilson's 14 points" a count
    unit = re.match(r"\s+(metres|meters|m)\b", match.group("words"))
    if unit and _race_name(text, match.start(), match.start("words") + unit.end()):
        return None  # "the 100 metres", "200 m titles": an event, not a distance
    previous = _preceding_word(text, match.start())
    ratio = re.search(
        rf"(?<![\w.,])(?P<part>[\d,.]+|{SMALL_WORD})\s+(?:in|out\s+of|of(?=\s+(?:every|each)))"
        r"(?:\s+(?:every|each))?\s*$",
        text[max(0, match.start() - 30):match.start()]) if previous.lower() in (
            "in", "of", "out", "every", "each") else None
    if ratio is not None and (parse_number(ratio.group("part")) or 0) < number:
        return None  # "nine in ten analysts" is a ratio, not a head count; "163 in 19 sports"
        # is not one
    spelled = not re.match(r"\d", number_text)
    if spelled and number_text[:1].isupper() and head[:1].isupper() and not _is_sentence_start(
            text, match.start()):
        return None  # "downstream of the Three Gorges", "the Big Four Banks": a name
    if spelled and previous.lower() in DETERMINERS and number < 1000:  # "all four million
        # slaves" is a figure however it is introduced
        determiner_start = text.rindex(previous, 0, match.start())
        modifiers, counted = words[:head_index], words[:head_index + 1]
        if not (_figure_after_determiner(text, determiner_start, modifiers)
                or _first_mention(text, determiner_start, previous, number, counted)):
            return None  # "the two leaders" points back; it is not a new figure
    if previous.lower() in ("no.", "no", "number", "#", "page", "chapter", "article",
                            "section", "clause", "resolution", "flight", "route", "room") and not (
            previous.islower() and head.lower() in MEASURE_UNITS):
        return None  # "Article 5 states"; but "the deepest section 74 metres" measures it
    words_start = match.start("words")
    tokens = list(re.finditer(r"\S+", match.group("words")))[: head_index + 1]
    end = words_start + tokens[-1].start() + len(head)
    if (previous[:1].isupper() and previous.lower() not in FUNCTION_WORDS
            and not _is_sentence_start(text, match.start() - len(previous) - 1)
            and not (spelled and _is_sentence_start(text, match.start()))
            and not (spelled and number_text.islower())  # "beat the Cardinals four games"
            and not (head.lower() in MEASURE_UNITS and _CONVERTED_AFTER.match(text, end))
            and previous.lower() not in ("some", "nearly", "almost", "about", "around")
            and not (previous.endswith(("'s", "’s")) and len(number_text) <= 2)):
        return None  # "Boeing 737 jets", "Article 5 guarantees": a name with a number in it
    if _YEARLIKE.fullmatch(number_text) and (_possessive_at(text, end) or head.endswith(
            ("'s", "’s"))):
        return None  # "the 1900 children's novel": a year (see _possessive_at)
    if head.lower() in ("quarters", "thirds", "fifths", "tenths") and _OF_AFTER.match(text, end):
        return None  # "three quarters of the vote": a fraction
    noun = " ".join([w for w in words[:-1]] + [head])
    return Fact("count", match.start(), end, text[match.start():end],
                f"{plain(number)} {head.lower()}", "count", number=number, unit=noun,
                number_start=match.start("num"), number_end=match.end("num"))


_OF_AFTER = re.compile(r"\s+of\b")
_CONVERTED_AFTER = re.compile(r"\s*\(\s*(?:about\s+)?\d")
"""'the Atacama Desert 45 kilometers (28 mi) north': a measure converted in brackets is no
part of the name before it."""


_PART_BEFORE = re.compile(rf"(?P<part>\d[\d,]*|{SMALL_WORD})\s+of\s+$")


def _figure_after_determiner(text: str, determiner_start: int, modifiers: list[str]) -> bool:
    """"the three gold medals" and "seven of the eight runners" state a figure; "the two
    leaders" and "the two other sides" only point back to people or things just named."""
    part = _PART_BEFORE.search(text, max(0, determiner_start - 30), determiner_start)
    if part is not None and (parse_number(part.group("part")) or 0) >= 2:
        return True  # "one of the two leaders" is about one of them, not a figure
    return bool(modifiers) and not any(
        w.lower() in FUNCTION_WORDS or w.lower() in GENERIC_MODIFIERS for w in modifiers)


_PAIR_NOUNS = frozenset(
    """countries nations sides leaders states governments powers men women teams presidents
    neighbours neighbors allies rivals companies firms brothers sisters capitals cities
    parties armies sides candidates""".split())
"""What "the two …" mostly sums up: a pair the text has been talking about."""
_NAMED_AFTER = re.compile(r"\s*[,:(]\s*(?:the\s+)?[A-Z]")
"""', U.S. President Jimmy Carter …': the things counted, named right after them."""
_NAMES_JOINED = re.compile(r"\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*(?:,|\band\b|&)\s*"
                           r"(?:the\s+)?[A-Z]")


_FIRST_MENTION_DETERMINERS = frozenset("the all his her their its our".split())


def _first_mention(text: str, determiner_start: int, determiner: str, number: Decimal,
                   words: list[str]) -> bool:
    """"a cabin for the three astronauts", "named after the two signatories": a figure the
    text states here for the first time. At a sentence's start ("The two leaders met"),
    after names it sums up ("Carter and Torrijos … the two men") or for a pair the text is
    about ("the two countries"), "the" points back instead."""
    if determiner.lower() not in _FIRST_MENTION_DETERMINERS or len(words) != 1 or (
            words[0][:1].isupper()) or (
            _is_sentence_start(text, determiner_start)):
        return False  # "the Sixty-Four Villages": a name
    noun = words[0].rstrip(",;:.").lower()
    if number == 2 and noun in _PAIR_NOUNS:
        return False
    if number == 2 and determiner.lower() == "the":
        # "the two planets and their moons" sums up a pair just named; "named after the two
        # signatories, Carter and Torrijos" names them after: only then is it a figure
        noun_end = text.find(words[0], determiner_start) + len(words[0].rstrip(",;:."))
        return _NAMED_AFTER.match(text, noun_end) is not None
    window = text[max(0, determiner_start - 200):determiner_start]
    clause_break = max(window.rfind(". "), window.rfind(";"))
    return _NAMES_JOINED.search(window[clause_break + 1:]) is None


_RACE_AFTER = re.compile(r"\s*(?:relay|titles?|finals?|races?|events?|hurdles|freestyle|"
                         r"butterfly|backstroke|breaststroke|individual\s+medley|medley|"
                         r"sprints?|world\s+records?)\b|\s*[,;]",
                         re.IGNORECASE)


_AT_GAMES = re.compile(r"\s+at\s+the\s+(?:[A-Z][\w-]*\s+){0,3}(?:Olympics|Games|Championships)\b")


_RACE_BEFORE_AND = re.compile(
    r"(?:\bthe|,)\s+\d+(?:\s?(?:metres|meters|m))?(?:\s+(?:relay|hurdles|freestyle))?\s+and\s+$")
"""'the 100 and ', ', 200 metres and ': a list of races before the 'and'."""


_DATED_CLAUSE_BEFORE = re.compile(r"\b(?:in|by|since)\s+\d{4},\s*$")
"""'in 1999, ' before a figure: a new item of a list of measurements, not '100, 200 metres'."""


def _race_name(text: str, start: int, unit_end: int) -> bool:
    """"the 100 metres", "a men's 60 metres", "100 metres at the Olympics": an event."""
    previous = _preceding_word(text, start).lower().replace("’", "'")
    # "the 100 and 200 metres" lists races; "2.3 km long and 185 metres high" measures
    listed = previous == "and" and _RACE_BEFORE_AND.search(
        text, max(0, start - 40), start) is not None
    return listed or previous in ("the", "men's", "women's") or (
        _char_before(text, start) == ","
        and not _DATED_CLAUSE_BEFORE.search(text, max(0, start - 20), start)) or (
        _RACE_AFTER.match(text, unit_end) is not None
        or _AT_GAMES.match(text, unit_end) is not None)


COUNT = FactPattern(
    "count", "count",
    _line(rf"""(?P<num>{NUM}(?:(?:m|k)\b|\s?(?:bn|mn)\b|\s+{SCALE_WORD}\b)?
                     |{_SPACED_THOUSANDS}(?=\s[a-z]))\+?
              (?=(?:\s+[A-Za-z][\w'’/.⋅·-]*){{0,3}}?\s+(?:[A-Za-z][\w'’/-]*s|{PLURAL_WORDS})\b)
              (?P<words>(?:\s+[A-Za-z][\w'’/.⋅·-]*){{1,4}})"""),
    _count,
    examples=("supplied nearly [7,000 containers] of munitions", "[1,200 US troops] arrived",
              "over [600,000 km2] of land", "[1323+ cases] so far",
              "[1.5m people] fled", "a road of [300 km] was built", "[180 000 cases] in 1989",
              "[2,000 soldiers] were sent", "leaving 275-[400 people] dead",
              "Events | 163 in [19 sports]", "a rate of [1.81 babies] per woman",
              "the fertility rate was [1.94 babies], the highest",
              "with the deepest section [74 metres] (243 ft) underground",
              "370 leagues or [1300 mi] west of the islands", "Wilson's [14 points] as basis",
              "the team scored [14 points] in the final", "1 centimetre ([0.4 inches])",
              "it is 2.3 km long and [185 metres] high", "a plant of [22,500 MW]",
              "measured as 5,892 m in 1999, [5,902 metres] in 2008",
              "with [24 WHO epidemiologists] in the field",
              "it houses [129 MSPs] and 1,000 staff",
              "a reservoir of [39.3 km3] ([31,900,000 acre⋅ft])", "([209,000,000 L/s])"),
    counterexamples=("the two leaders met", "one looming question", "Article 5 guarantees",
                     "12 quarters of the vote", "Baum's 1900 children's novel",
                     "the 100 metres, 200 metres and relay", "won the 200 m titles",
                     "100 metres at the Olympics", "when a men's 60 metres was contested",
                     "a rise of 2 percentage points", "cut by 25 basis points",
                     "he won the 100 and 200 metres in 2008", "Olympic 100 m and 200 m titles",
                     "a fleet of Boeing's 737 jets",
                     "three times as many", "a Boeing 737 jets", "nine in ten analysts",
                     "that's 1 in every 4 deaths"),
    triggers=("#digit",),
)

COUNT_WORDS = FactPattern(
    "count-words", "count",
    _line(rf"""(?<![\w$£€¥.,/-])(?P<num>(?:{WORD_NUM}|(?i:a|an|half\s+a|a\s+quarter\s+of\s+a))
              \s+{SCALE_WORD}\b|{WORD_NUM}\b)
              (?=(?:\s+[A-Za-z][\w'’/.⋅·-]*){{0,3}}?\s+(?:[A-Za-z][\w'’/-]*s|{PLURAL_WORDS})\b)
              (?P<words>(?:\s+[A-Za-z][\w'’/.⋅·-]*){{1,4}})"""),
    _count,
    examples=("[a dozen countries] signed", "[forty new jobs]", "[three people] died",
              "[a dozen other states] have", "[Two crore new homes] will be built",
              "[half a million people] marched", "he kept the [three gold medals] he won",
              "seven of the [eight runners] finished",
              "more than [a quarter of a million people] fled",
              "a cabin for the [three astronauts] and",
              "named after the [two signatories], Carter and Torrijos",
              "it was ratified by all [three countries] in 2020",
              "Scott and his [four companions] had died",
              "Additionally, the Act freed nearly all [four million slaves] there",
              "It rained in the Plains. [Twenty-two states] had records.",
              "It is one of [eight ILO fundamental conventions]."),
    counterexamples=("the two leaders met", "one looming question", "Article 5 guarantees",
                     "the two sides agreed", "the two other states",
                     "Carter and Torrijos met, and the two men signed",
                     "ties between the two countries grew", "the Sixty-Four Villages east",
                     "downstream of the Three Gorges",
                     "detailed images of the two planets and their moons",
                     "the 100 metres, 200 metres and relay", "won the 200 m titles",
                     "three times as many", "a Boeing 737 jets", "nine in ten analysts",
                     "that's 1 in every 4 deaths"),
    triggers=("#numword",),
)




def _times(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    if _glued(text, match.start(), "$£€¥.,/-"):
        return None
    number = parse_number(match.group("num"))
    if number is None or number < 2:
        return None
    start, end = match.start(), match.end()
    return Fact("count", start, end, text[start:end], f"{plain(number)} times", "count-times",
                number=number, unit="times", number_start=start, number_end=match.end("num"))


COUNT_TIMES = FactPattern(
    "count-times", "count",
    _line(rf"""(?P<num>{NUM}|{WORD_NUM})\s+times\b(?!\s+(?:as|more|less|larger|bigger|higher|
              greater|smaller|lower|faster|slower|longer|over|the|that|its|their|his|her|
              a\s+(?:day|week|month|year))\b|\s*[-–])"""),
    _times,
    examples=("one of only [two times] in his life", "she won it [three times] before 1990",
              "the law was amended [12 times]."),
    counterexamples=("three times as many", "two times more likely", "four times the size",
                     "three times a day", "ten times over"),
    triggers=("times",),
)


def _part_count(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"seven of the eight runners": the part is a count of the whole's noun."""
    if _glued(text, match.start(), "$£€¥.,/-"):
        return None
    part, whole = parse_number(match.group("num")), parse_number(match.group("whole"))
    head = next((w.rstrip(",;:.") for w in match.group("words").split()
                 if _is_plural_noun(w.rstrip(",;:."))), None)
    if part is None or whole is None or head is None or not 2 <= part < whole:
        return None
    if head.lower() in UNIT_SINGULAR or head.lower() in (*MEASURE_UNITS, "percent", "points"):
        return None  # "two of the 100 metres titles": an event, not a head count
    return Fact("count", match.start("num"), match.end("num"), match.group("num"),
                f"{plain(part)} {head.lower()}", "count-part", number=part, unit=head,
                number_start=match.start("num"), number_end=match.end("num"))


COUNT_PART = FactPattern(
    "count-part", "count",
    _line(rf"""(?<![\w$£€¥.,/-])(?P<num>{NUM}|{WORD_NUM})\s+of\s+
              (?:the|its|their|his|her|(?:[A-Z][\w-]*\s+){{0,2}}[A-Z][\w-]*['’]s)\s+
              (?:[a-z]+['’]s\s+)?(?P<whole>{NUM}|{WORD_NUM})(?P<words>(?:\s+[A-Za-z][\w'’/-]*){{1,3}})"""),
    _part_count,
    examples=("[seven] of the [eight runners] finished", "[12] of the [15 judges] agreed",
              "he won [three] of his [five finals]",
              "about [225,000] of the town's [410,000 residents] fled",
              "[Sixty-five] of Thailand's [76 provinces] were flooded"),
    counterexamples=("one of the two leaders", "nine of the three rooms",
                     "one of Thailand's 76 provinces",
                     "two of the 100 metres titles", "two of the four percent"),
    triggers=("of the", "of its", "of their", "of his", "of her", "'s", "’s"),
)


_COUNT_BEFORE = re.compile(
    rf"(?<![\w$£€¥.,/-])(?:{NUM})\s+(?:thousand|million|billion)\s+(?P<noun>[A-Za-z][\w'’-]*)")
_IMPLIED_AFTER = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:in|by|to|and|or|at|for|from|over|"
                            r"under|last|this|next|a|an|the|on|with|as|than|while|when)\b")


def _implied_count(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"from 350 million people in 2025 to 372 million in 2055": the second figure counts
    what the first one did, in the same sentence."""
    if _glued(text, match.start(), "$£€¥.,/-") or not _IMPLIED_AFTER.match(text, match.end()):
        return None
    figures = [figure for figure in
               _COUNT_BEFORE.finditer(text, max(0, match.start() - 150), match.start())
               if figure.group("noun").lower() not in FUNCTION_WORDS]
    earlier = figures[-1] if figures else None  # the nearest figure before it with a noun
    number = parse_number(match.group("num"))
    if earlier is None or number is None:
        return None
    noun = earlier.group("noun")
    if noun.lower() in CURRENCY_WORDS or not _is_plural_noun(noun):
        return None
    return Fact("count", match.start(), match.end(), match.group(),
                f"{plain(number)} {noun.lower()}", "count-implied", number=number, unit=noun,
                number_start=match.start(), number_end=match.end())


COUNT_IMPLIED = FactPattern(
    "count-implied", "count",
    _line(rf"""(?P<num>{NUM}\s+(?:thousand|million|billion))\b"""),
    _implied_count,
    examples=("rose from [4 million people] in 1990 to [7.5 million] in 2020",
              "[2 million visitors] came, against [1.5 million] a year before",
              "[53.5 million people] in England, [5.3 million] in Scotland, [3.1 million] in "
              "Wales and [1.8 million] in Northern Ireland"),
    counterexamples=("Debt rose to 372 million in 2055.",
                     "from $350 million in 2025 to 372 million in 2055",
                     "from 350 million euros in 2025 to 372 million in 2055",
                     "4 million people came, and 7 million tourists"),
    triggers=("thousand", "million", "billion"),
)


_COLLECTIVE = ("unemployed|employed|dead|injured|wounded|homeless|displaced|missing|insured|"
               "uninsured|elderly|disabled")
"""Adjectives that name the people they describe: "37.8 thousand unemployed"."""
_COLLECTIVE_WORDS = frozenset(_COLLECTIVE.split("|"))
_NUMBER_OF_BEFORE = re.compile(
    rf"\b[Nn]umber\s+of\s+(?:[\w-]+\s+){{0,4}}?(?P<noun>[a-z][\w-]*(?<![su])s|{_COLLECTIVE})\b"
    r"(?P<gap>(?:[^\d;(]|\([^();]{0,80}\)|,\s*at\s+[\d.,]+(?:\s+(?:thousand|million))?,)"
    r"{0,140}?"
    r"(?:\s+between\s+(?:\d{1,3}(?:,\d{3})+|\d+)\s+and)?\s+)$")
_BARE_AFTER = re.compile(r"\s*(?:[,;:)]|\.(?!\d)|$)|\s+(?:and|in|by|on|at|as|with|while|last|"
                         r"this|since|including|according|from|before|after|over|during)\b")


def _number_of(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"the number of cases had increased to 242": the figure counts the noun named before."""
    if _glued(text, match.start(), "$£€¥.,/-#") or not _BARE_AFTER.match(text, match.end()):
        return None
    number = parse_number(match.group("num"))
    before = _NUMBER_OF_BEFORE.search(text, max(0, match.start() - 240), match.start())
    if number is None or number < 2 or before is None:
        return None
    noun = before.group("noun")
    if not (_is_plural_noun(noun) or noun in _COLLECTIVE_WORDS) or re.fullmatch(
            r"1\d{3}|20\d\d", match.group("num")):
        return None  # "the number of visits fell in 2019": a year, not the figure
    return Fact("count", match.start(), match.end(), match.group(), f"{plain(number)} {noun}",
                "count-number-of", number=number, unit=noun,
                number_start=match.start(), number_end=match.end())


COUNT_NUMBER_OF = FactPattern(
    "count-number-of", "count",
    _line(r"""(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:(?:\.\d+)?\s+(?:thousand|million|billion))?)
              (?![\w%]|[.,]\d|\s?(?:per\s?cent|percent|pc)\b)"""),
    _number_of,
    examples=("the number of visitors rose to [12,000] last year",
              "the total number of reported cases had reached [242], including 142 deaths",
              "a total number of cases between [34,513] and [94,486]",
              "The number of jobless persons, at [6.4 million], barely moved",
              "the number of long-term unemployed was [1.7 million] in May",
              "The number of idle workers (jobless for 15 weeks or more) was [0.9 million]",
              "The number of idle workers, at 1.2 million, declined by [232,000] in May",
              "The number of idle workers has declined by [1.1 million] over the year"),
    counterexamples=("the number of visitors rose by 12% in 2019",
                     "the number of cases fell in 2019",
                     "a number of states signed; 12 refused",
                     "the number of visitors rose to 12,000 tourists"),
    triggers=("number",),
)


_HEADCOUNT = (r"employment|payrolls?|jobs|population|membership|enrol?ments?|enrollments?|"
              r"attendance|ridership|headcount|workforce|labou?r\s+force|unemployment|"
              r"unemployed|arrivals|departures|visitors|passengers|migrants|tourists")
"""Nouns whose change is a number of people or places: "payroll employment rose by 113,000"."""
_HEADCOUNT_BEFORE = re.compile(rf"\b(?P<noun>{_HEADCOUNT})\b[^.;:\d$£€¥%]{{0,60}}$", re.IGNORECASE)


def _change_by(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"Employment in retail increased by 23,000": a change with no noun of its own counts
    the people or places its subject is made of, named just before in the same clause."""
    subject = _HEADCOUNT_BEFORE.search(text, max(0, match.start() - 70), match.start())
    if subject is None and _SECOND_CHANGE.search(text, max(0, match.start() - 8), match.end()):
        subject = _CHANGED_HEADCOUNT_BEFORE.search(text, max(0, match.start() - 180),
                                                   match.start())
    number = parse_number(match.group("num").replace(" ", ""))
    if subject is None or number is None or number < 2:
        return None
    if re.fullmatch(r"1\d{3}|20\d\d", match.group("num")):
        return None  # "rose by 2019" is no sentence, but "in 2019" may follow a cut clause
    noun = subject.group("noun").lower()
    start, end = match.start("num"), match.end("num")
    return Fact("count", start, end, text[start:end], f"{plain(number)} {noun}", "count-change",
                number=number, unit=noun, number_start=start, number_end=end)


COUNT_CHANGE = FactPattern(
    "count-change", "count",
    _line(rf"""(?:\b(?:rose|increased|grew|fell|declined|dropped|decreased|climbed
              |edged\s+(?:up|down)|added|shed|lost|gained|cut|(?:was|were)\s+(?:up|down))\s+
              (?:by\s+)?|\band\s+by\s+)(?:about\s+|nearly\s+|roughly\s+|some\s+)?
              (?P<num>{_SPACED_THOUSANDS}|{NUM}(?:\s+(?:thousand|million))?)
              (?![\w%]|[.,]\d|\s?(?:per\s?cent|percent|pc|points?|percentage)\b)"""),
    _change_by,
    examples=("Total nonfarm payroll employment rose by [147,000] in March",
              "Employment in retail increased by [23,000] over the month",
              "Union membership fell by about [1.2 million] last year",
              "Nonfarm payrolls increased [175,000] in May",
              "Retail employment shed [13,000] over the month",
              "the number of persons unemployed decreased by [4 000] in the EU28",
              "Visitor arrivals from Asia fell [1,700] (2.6 percent) in July",
              "persons unemployed decreased by 4 000 in the EU28 and increased by [12 000] in "
              "the euro area",
              "unemployment fell by 1.523 million in the EU28 and by [1.121 million] in the euro"),
    counterexamples=("Employment rose by 0.4 percent", "prices rose by 12 in May",
                     "Employment rose by 0.4 percent and prices rose by 12 in May",
                     "employment rose by 2.5% in 2013", "Exports rose by $5 billion",
                     "employment grew 2014 to 2015"),
    triggers=("rose", "increased", "grew", "fell", "declined", "dropped", "decreased",
              "climbed", "edged", "was up", "was down", "were up", "were down", "added",
              "shed", "lost", "gained", "cut", "and by"),
)


_CHANGED_HEADCOUNT_BEFORE = re.compile(
    rf"\b(?P<noun>{_HEADCOUNT})\b[^.;:]{{0,80}}?\b(?:rose|increased|grew|fell|declined|dropped|"
    r"decreased|climbed)\b(?:[^.;:]|\.\d){0,80}$", re.IGNORECASE)
"""'population increased by 22,703,743 or 7.4% ': a headcount's change, then its ends."""
_SECOND_CHANGE = re.compile(r"\band\s+(?:[a-z]+\s+)?by\s+\S")
"""'… decreased by 4 000 in the EU28 and increased by 12 000': a second change of the same
headcount, whose subject is the first change's."""


def _change_ends(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"The population increased by 22,703,743 from 308,745,538 in 2010": the figures a
    headcount's change ran from and to count the same people or places as the change."""
    if _glued(text, match.start("num"), "$£€¥.,/-#"):
        return None
    subject = _CHANGED_HEADCOUNT_BEFORE.search(text, max(0, match.start() - 180), match.start())
    number = parse_number(match.group("num"))
    if subject is None or number is None or number < 2 or _YEARLIKE.fullmatch(match.group("num")):
        return None
    noun = subject.group("noun").lower()
    start, end = match.start("num"), match.end("num")
    return Fact("count", start, end, text[start:end], f"{plain(number)} {noun}",
                "count-change-ends", number=number, unit=noun, number_start=start,
                number_end=end)


COUNT_CHANGE_ENDS = FactPattern(
    "count-change-ends", "count",
    _line(rf"""\b(?:from|to)\s+(?:about\s+|nearly\s+|roughly\s+|some\s+)?
              (?P<num>{NUM}(?:\s+(?:thousand|million))?)
              (?![\w%]|[.,]\d|\s?(?:per\s?cent|percent|pc|points?|percentage)\b)"""),
    _change_ends,
    examples=("The population increased by 22,703,743 or 7.4% from [308,745,538] in 2010.",
              "Union membership fell by 1.2 million to [14.8 million] last year"),
    counterexamples=("Employment rose by 0.4 percent to 5.2 percent",
                     "prices rose from 12 to 15 in May", "Exports rose by $5 billion to $90",
                     "employment grew from 2014 to 2015"),
    triggers=COUNT_CHANGE.triggers,
)


_RIVAL_BEFORE = re.compile(
    rf"(?<![\w$£€¥.,/-])(?:{NUM}|{WORD_NUM})(?:\s+{SCALE_WORD})?\s+(?:[a-z][\w-]*\s+){{0,2}}?"
    rf"(?P<noun>[a-z][\w-]*)\s+to\s+"
    r"(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w-]*['’]s\s+$")
"""'41,236,455 votes to Hale's ': a first figure and its noun, then the rival's possessive."""


def _rival_count(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"41,236,455 votes to Hale's 30,112,000", "three goals to Freedonia's two": the
    rival's figure counts what the first one did."""
    before = _RIVAL_BEFORE.search(text, max(0, match.start() - 100), match.start())
    number = parse_number(match.group("num"))
    if before is None or number is None or not _is_plural_noun(before.group("noun")):
        return None
    noun = before.group("noun")
    if noun in CURRENCY_WORDS or noun in UNIT_SINGULAR:
        return None
    start, end = match.start(), match.end()
    return Fact("count", start, end, match.group(), f"{plain(number)} {noun}", "count-rival",
                number=number, unit=noun, number_start=start, number_end=end)


COUNT_RIVAL = FactPattern(
    "count-rival", "count",
    _line(rf"""(?<=['’]s\s)(?P<num>{NUM}(?:\s+{SCALE_WORD})?|{WORD_NUM})
              (?![\w%]|[.,]\d|\s?(?:per\s?cent|percent)\b)"""),
    _rival_count,
    examples=("Fenwick received 41,236,455 votes to Hale's [30,112,000].",
              "won 431 electoral votes to Hale's [11]", "scored three goals to Ruritania's [two]"),
    counterexamples=("won 431 electoral votes to Hale's 11%", "paid 40 dollars to Hale's 30",
                     "Hale's 30 came later"),
    triggers=("'s ", "’s "),
)


_OUT_OF = r"\s+out\s+of\s+(?:the\s+|a\s+total\s+of\s+|total\s+)?"
_RATIO_WHOLES = frozenset({Decimal(10), Decimal(100), Decimal(1000)})
"""'nine out of ten', 'three out of 100': a ratio, not a head count."""
_PLAIN_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_NOT_A_COUNTED_NOUN = frozenset({"percent", "points", "cents", "pence", "times"})


def _counted_noun(noun: str, measures: bool = True) -> bool:
    """A plural noun a bare figure may count: not a time unit (a length of time), a currency
    (money), "percent" or "times"; a measure only where `measures` allows it."""
    lowered = noun.lower()
    return _is_plural_noun(noun) and not (
        lowered in UNIT_SINGULAR or lowered in CURRENCY_WORDS or lowered in _NOT_A_COUNTED_NOUN
        or (not measures and lowered in MEASURE_UNITS))


def _noun_counted_before(text: str, start: int, reach: int = 160) -> str | None:
    """The nearest plural noun before `start` in its clause: what a figure standing without
    a noun of its own counts ("525 electoral votes (out of 538)", "331 seats … a majority
    of 15")."""
    window = text[max(0, start - reach):start]
    clause_break = max(window.rfind(". "), window.rfind(";"), window.rfind(": "))
    words: list[str] = _PLAIN_WORD.findall(window[clause_break + 1:])
    for word in reversed(words):
        if _counted_noun(word):
            return word if re.fullmatch(r"[A-Z]{2,}s", word) else word.lower()
    return None


def _noun_after(words: str) -> str | None:
    """The plural noun among the (at most three) words right after a figure, if any."""
    for word in words.split():
        bare = word.rstrip(",;:.")
        if _is_plural_noun(bare):
            return bare.lower()
        if bare.lower() in FUNCTION_WORDS:
            return None
    return None


def _bare_count(text: str, start: int, end: int, noun: str, pattern: str) -> Fact | None:
    number = parse_number(text[start:end])
    if number is None:
        return None
    return Fact("count", start, end, text[start:end], f"{plain(number)} {noun}", pattern,
                number=number, unit=noun, number_start=start, number_end=end)


_NUMBER_JUST_BEFORE = re.compile(rf"(?<![\w$£€¥.,/#-])(?P<num>{NUM}|{WORD_NUM})\s+$")
"""A figure ending just before a word the pattern anchored on (looked back for, not scanned:
a number-word alternation tried at every position is what makes 1 MB slow)."""


def _quoted_count(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """'three "Eastern Rivers"', 'sixteen "watertight compartments"': a count of a noun
    the writer puts in quotation marks."""
    before = _look_back(_NUMBER_JUST_BEFORE, text, match.start(), reach=40)
    if before is None:
        return None
    number = parse_number(before.group("num"))
    noun = match.group("noun").lower()
    if number is None or number < 2 or _YEARLIKE.fullmatch(before.group("num")) or (
            not _is_plural_noun(noun)):
        return None
    start = before.start("num")
    return Fact("count", start, match.end(), text[start:match.end()], f"{plain(number)} {noun}",
                "count-quoted", number=number, unit=noun,
                number_start=start, number_end=before.end("num"))


COUNT_QUOTED = FactPattern(
    "count-quoted", "count",
    _line(r"""["“‘](?:[A-Za-z][\w'’-]*\s+){0,3}(?P<noun>[A-Za-z][\w-]*s)["”’]"""),
    _quoted_count,
    examples=('opened five of her [sixteen "watertight compartments"] to the sea',
              'the [three "Eastern Rivers"] were allocated to India'),
    counterexamples=('in 1947 "Partition talks" began', 'the word "ones"',
                     'a $5 "fees" row'),
    triggers=('"', "“", "‘"),
)


def _out_of_part(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"56 out of the 59 seats", "the 523 out of 531": the part counts the whole's noun,
    or the noun its clause counted before."""
    if _glued(text, match.start(), "$£€¥.,/-#"):
        return None
    part, whole = parse_number(match.group("num")), parse_number(match.group("whole"))
    if part is None or whole is None or not 1 <= part <= whole or whole in _RATIO_WHOLES:
        return None
    noun = _noun_after(match.group("words")) or _noun_counted_before(text, match.start())
    if noun is None:
        return None
    return _bare_count(text, match.start("num"), match.end("num"), noun, "count-out-of")


COUNT_OUT_OF = FactPattern(
    "count-out-of", "count",
    _line(rf"""(?P<num>{NUM}|{WORD_NUM}){_OUT_OF}(?P<whole>{NUM}|{WORD_NUM})
              (?![.,]\\d|\s?(?:%|per\s?cent|percent))
              (?P<words>(?:\s+[A-Za-z][\w'’/-]*){{0,3}})"""),
    _out_of_part,
    examples=("winning [56] out of the 59 seats in Scotland",
              "the 412 electoral votes, just shy of the [523] out of 531 votes",
              "[twelve] out of twenty judges agreed"),
    counterexamples=("nine out of ten analysts", "3 out of 100 patients",
                     "he won 60 out of 59 seats", "$5 out of 10"),
    triggers=("out of",),
)

_PART_OUT_OF_BEFORE = re.compile(
    rf"(?:{NUM}|{WORD_NUM})(?:\s+[A-Za-z][\w'’-]*){{0,3}}(?:\s*\(\s*|\s+)"
    r"out\s+of\s+(?:the\s+|a\s+total\s+of\s+|total\s+)?$")
"""'525 electoral votes (out of ': a part, then the whole it was taken out of."""


def _out_of_whole(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"525 electoral votes (out of 538)": the whole counts what the part counted."""
    whole = parse_number(match.group("num"))
    if whole is None or whole in _RATIO_WHOLES or _YEARLIKE.fullmatch(match.group("num")):
        return None
    if _PART_OUT_OF_BEFORE.search(text, max(0, match.start("num") - 90),
                                  match.start("num")) is None:
        return None
    noun = _noun_counted_before(text, match.start())
    if noun is None:
        return None
    return _bare_count(text, match.start("num"), match.end("num"), noun, "count-out-of")


COUNT_OUT_OF_WHOLE = FactPattern(
    "count-out-of-whole", "count",
    _line(rf"""\bout\s+of\s+(?:the\s+|a\s+total\s+of\s+|total\s+)?(?P<num>{NUM})
              (?![\w%]|[.,]\d|\s?(?:per\s?cent|percent)\b
                 |\s+(?!(?:in|at|on|by|for|and|or|from|during|with)\b)[A-Za-z])"""),
    _out_of_whole,
    examples=("Reagan's 525 electoral votes (out of [538]) were",
              "of the votes, the 523 out of [531] (98.49%) won by Roosevelt in 1936",
              "republicans won 73 Irish seats out of [105] in the 1918 election"),
    counterexamples=("nine out of 10.", "the money came out of 538 accounts",
                     "he was out of 538, sadly", "7 votes out of 1984."),
    triggers=("out of",),
)


_VOTE_SEPARATOR = r"(?:\s*[–—-]\s*|\s+to\s+)"
_VOTE_FIRST_BEFORE = re.compile(r"\bvot(?:e|es|ed|ing)\b[^.;:\d]{0,30}?\s+$", re.IGNORECASE)
_VOTE_SECOND_BEFORE = re.compile(
    rf"(?:\bvot(?:e|es|ed|ing)\b[^.;:\d]{{0,30}}?\s+\d{{1,4}}{_VOTE_SEPARATOR}"
    rf"|\b\d{{1,4}}\s+votes?\s+to\s+)$", re.IGNORECASE)


def _vote_tally(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"by a vote of 38–14", "voted 68 to 32", "by 52 votes to 47": each side of a tally
    counts votes, though the noun is written once or not at all."""
    reach = max(0, match.start() - 60)
    if match.group("next") is not None:
        if _VOTE_FIRST_BEFORE.search(text, reach, match.start()) is None:
            return None
    elif _VOTE_SECOND_BEFORE.search(text, reach, match.start()) is None:
        return None
    if _YEARLIKE.fullmatch(match.group("num")):
        return None
    return _bare_count(text, match.start("num"), match.end("num"), "votes", "count-vote")


COUNT_VOTE = FactPattern(
    "count-vote", "count",
    _line(rf"""(?<![\w$£€¥.,/])(?<!\D-)(?P<num>\d{{1,4}})
              (?:(?P<next>(?={_VOTE_SEPARATOR}\d{{1,4}}\b(?![.,]\d|\s*%|\s*[–—-]\d)))
              |\b(?![.,]\d|\s*%|\s*(?:per\s?cent|percent|votes?)\b|{_VOTE_SEPARATOR}\d))"""),
    _vote_tally,
    examples=("ratified the treaty by a vote of [38]–[14].", "the Senate voted [68] to [32]",
              "approved by a vote of [68]-[31], ending talks",
              "it passed by 52 votes to [47]"),
    counterexamples=("the vote of 1988–1990 was", "a vote of 38% to 14%",
                     "won the match 3–1", "the 2014–15 vote", "votes of 2.5 to 3.1"),
    triggers=("vote", "voting"),
)


def _majority(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"a parliamentary majority of 15": a majority or margin with no noun of its own
    counts what its clause counted (seats, votes)."""
    return _clause_count(match, text, "count-majority")


def _clause_count(match: re.Match[str], text: str, pattern: str) -> Fact | None:
    """The bare figure of `match` (group "num", not a year) counting the plural noun its
    clause counted before it, if any."""
    if _YEARLIKE.fullmatch(match.group("num")):
        return None
    noun = _noun_counted_before(text, match.start())
    if noun is None or noun in MEASURE_UNITS:
        return None
    return _bare_count(text, match.start("num"), match.end("num"), noun, pattern)


COUNT_MAJORITY = FactPattern(
    "count-majority", "count",
    _line(rf"""\b(?:majority|margin)\s+of\s+(?:just\s+|only\s+|about\s+|some\s+)?
              (?P<num>{NUM})(?![\w%]|[.,]\d|\s?(?:per\s?cent|percent|points?|percentage)\b
              |\s+[a-z])"""),
    _majority,
    examples=("with 331 seats and a parliamentary majority of [15] (with four abstaining)",
              "won 52 votes, a margin of [5]."),
    counterexamples=("a majority of 15 percent", "a majority of 15 seats",
                     "a majority of 15 in 1990", "the margin of 2014 was"),
    triggers=("majority", "margin"),
)


_HYPHEN_UNIT = (r"kilomet(?:re|er)s?|km|miles?|mi|met(?:re|er)s?|m|feet|foot|ft|yards?|"
                r"acres?|hectares?|tonnes?|tons?|kilograms?|kg|lit(?:re|er)s?|gallons?|"
                r"megawatts?|MW|gigawatts?|GW")
_MEASURE_HYPHENED = re.compile(rf"-(?:{_HYPHEN_UNIT})\b")
"""'a 1956-kilometer railroad': a figure joined to a unit measures; it is no year."""


def _hyphen_measure(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"a 50.45-kilometre (31.35 mi) railway tunnel": a measured quantity written as an
    adjective; "the 100-metre dash" names a race instead."""
    if _glued(text, match.start(), "$£€¥.,/-#"):
        return None
    if _race_name(text, match.start(), match.end("unit")):
        return None
    number = parse_number(match.group("num"))
    if number is None:
        return None
    unit = match.group("unit").lower()
    end = match.end("unit")
    return Fact("count", match.start(), end, text[match.start():end], f"{plain(number)} {unit}",
                "count-hyphen-measure", number=number, unit=unit,
                number_start=match.start("num"), number_end=match.end("num"))


COUNT_HYPHEN_MEASURE = FactPattern(
    "count-hyphen-measure", "count",
    _line(rf"""(?P<num>{NUM})-(?P<unit>{_HYPHEN_UNIT})\b(?!-(?:\d|old\b))"""),
    _hyphen_measure,
    examples=("it is a [50.45-kilometre] (31.35 mi) railway tunnel",
              "a [12-mile] stretch of road", "a [500-megawatt] plant"),
    counterexamples=("he won the 100-metre dash", "a 400-metre hurdles race",
                     "and 400-meter individual medley.",
                     "the 200-m final", "a $5-m budget"),
    triggers=("#digit",),
)


_COUNTED_SINGULARS = ("team|nation|country|state|member|seat|player|man|woman|person|page|point|"
                      "game|match|round|stage|lane|storey|story|floor|car|engine|hole|"
                      "part|volume|episode|bed|room|lap|judge|justice|party|candidate|"
                      "shot|stroke|goal|wicket|vote|over-par|under-par")
"""Nouns a number joined by a hyphen counts: "the 16-team format", "a two-time champion"."""


def _hyphen_count(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"expanded from the 16-team format", "a 10-point plan": a count written as an
    adjective; "a ten-year plan" is a length of time (its own pattern)."""
    if _glued(text, match.start(), "$£€¥.,/-#"):
        return None
    number = parse_number(match.group("num"))
    if number is None or number < 2 or _YEARLIKE.fullmatch(match.group("num")):
        return None
    noun = match.group("noun").lower()
    end = match.end("noun")
    plural = noun.replace("-", " ") if noun.endswith("-par") else plural_forms(noun)[0]
    return Fact("count", match.start(), end, text[match.start():end], f"{plain(number)} {plural}",
                "count-hyphen", number=number, unit=plural,
                number_start=match.start("num"), number_end=match.end("num"))


COUNT_HYPHEN = FactPattern(
    "count-hyphen", "count",
    _line(rf"""(?P<num>\d{{1,3}}|{SMALL_WORD})-(?P<noun>{_COUNTED_SINGULARS})\b(?!-)"""),
    _hyphen_count,
    examples=("expanded from the [16-team] format", "a [ten-point] plan",
              "a commanding [nine-shot] lead", "turning at [4-over-par] 40",
              "A [three-judge] panel heard it", "a [two-party] system"),
    counterexamples=("a ten-year plan", "a 1-point lead", "the 2016-team", "a $5-point",
                     "an eight-time Olympic champion"),
    triggers=("-",),
)


_BY_UNIT = re.compile(
    rf"\s*[x×]\s*{NUM}\s*(?P<unit>km|miles|mi|m|ft|feet|metres|meters|cm|mm|in)\b")


def _first_side(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"45 x 30 miles (72 x 48 km)": the first side is measured in the second's unit."""
    if _glued(text, match.start(), "$£€¥.,/-#"):
        return None
    side = _BY_UNIT.match(text, match.end())
    number = parse_number(match.group("num"))
    if side is None or number is None or _race_name(text, match.start(), side.end()):
        return None  # "the 4 × 100 metres relay" is a race
    unit = side.group("unit")
    return _bare_count(text, match.start("num"), match.end("num"), unit, "count-side")


COUNT_SIDE = FactPattern(
    "count-side", "count",
    _line(rf"""(?P<num>{NUM})(?=\s*[x×]\s*{NUM}\s*[a-z])"""),
    _first_side,
    examples=("a caldera of [45] x 30 miles ([72] x 48 km)",),
    counterexamples=("32 × 700 MW", "3 x 4 = 12", "$5 x 2 km", "won the 4 × 100 metres relay"),
    triggers=(" x ", "×"),
)


_PART_OF_GROUP = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|[A-Z][\w-]*['’]s)\s+(?!\d)"
    r"(?P<words>(?:[a-z][\w'’-]*\s+){0,3}[a-z][\w-]*s)\b")
"""The group's words: up to three modifiers ("most famous", "the area's long cave") first."""


def _part_of_group(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"to support 37 of Scotland's most vulnerable species", "two of the biggest banks": a
    figure taken out of a group counts the group's noun."""
    if _glued(text, match.start(), "$£€¥.,/-#") or _YEARLIKE.fullmatch(match.group("num")):
        return None
    group = _PART_OF_GROUP.match(text, match.end())
    number = parse_number(match.group("num"))
    if group is None or number is None or number < 2:
        return None
    if any(parse_number(word) is not None for word in group.group().split()):
        return None  # "four of their last five titles": the whole has its own figure
    words = group.group("words").split()
    noun = next((word for word in words if _counted_noun(word, measures=False)
                 and "'" not in word and "’" not in word), None)
    if noun is None or any(word in FUNCTION_WORDS and word not in ("most", "least")
                           for word in words[:words.index(noun)]):
        return None
    return _bare_count(text, match.start("num"), match.end("num"), noun, "count-of-group")


COUNT_OF_GROUP = FactPattern(
    "count-of-group", "count",
    _line(rf"""(?<![\w$£€¥.,/-])(?P<num>\d{{1,3}}(?:,\d{{3}})*|{WORD_NUM})(?=\s+of\s)"""),
    _part_of_group,
    examples=("helping to support [37] of Scotland’s most vulnerable species",
              "[two] of the biggest banks failed", "[Two] of her most famous creations are",
              "a passage that linked [two] of the area's long cave systems"),
    counterexamples=("one of the leaders", "in 2019 of the years", "12 of the 40 ships",
                     "two of the years", "won four of their last five league titles"),
    triggers=("of the", "of its", "of their", "of his", "of her", "of our", "'s", "’s"),
)


def _crore_with_conversion(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"completed ₹125 crore (US$19 million) of work" written without the ₹: an amount in
    crore or lakh converted into money in brackets is money too, in Indian rupees."""
    if _glued(text, match.start(), "$£€¥.,/-#"):
        return None
    number = parse_number(f"{match.group('num')} {match.group('scale')}")
    if number is None:
        return None
    end = match.end("scale")
    return Fact("money", match.start(), end, text[match.start():end], f"INR {plain(number)}",
                "money-crore", number=number, unit="INR",
                number_start=match.start("num"), number_end=match.end("num"))


MONEY_CRORE = FactPattern(
    "money-crore", "money",
    _line(rf"""(?P<num>{NUM})\s+(?P<scale>crore|lakh)\b(?=\s*\(\s*(?:US\$|\$|€|£|USD))"""),
    _crore_with_conversion,
    examples=("the agency completed [125 crore] (US$19 million) of work",),
    counterexamples=("125 crore people", "a population of 2 lakh (about 200,000)"),
    triggers=("crore", "lakh"),
)


def _density(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"6,317.6/km2 (16,363/sq mi)": a figure per unit of area."""
    if _glued(text, match.start(), "$£€¥.,/-#"):
        return None
    number = parse_number(match.group("num"))
    if number is None:
        return None
    unit = "per " + re.sub(r"\s+", " ", match.group("unit"))
    return Fact("count", match.start(), match.end(), match.group(), f"{plain(number)} {unit}",
                "count-density", number=number, unit=unit,
                number_start=match.start(), number_end=match.end("num"))


COUNT_DENSITY = FactPattern(
    "count-density", "count",
    _line(rf"""(?P<num>{NUM})\s?/\s?(?P<unit>km2|km²|sq\s?mi|sq\s?km|mi2|mi²)(?![\w²])"""),
    _density,
    examples=("Density | [6,317.6/km2] ([16,363/sq mi])",),
    counterexamples=("the ratio 12/2019 was", "$5/km2 paid"),
    triggers=("/",),
)


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_MEASURE_UNIT = "|".join(re.escape(unit) for unit in sorted(MEASURE_UNITS, key=len, reverse=True))


def _scientific(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"1.954×10¹⁰ km", "2.7×10⁹ m3": a measure in scientific notation."""
    mantissa = parse_number(match.group("num"))
    exponent = match.group("exp").translate(_SUPERSCRIPTS).lstrip("^")
    if mantissa is None or not re.fullmatch(r"-?\d{1,2}", exponent):
        return None
    number = mantissa * Decimal(10) ** int(exponent)
    unit = match.group("unit").lower()
    return Fact("count", match.start(), match.end(), match.group(), f"{plain(number)} {unit}",
                "count-scientific", number=number, unit=unit,
                number_start=match.start(), number_end=match.end("exp"))


COUNT_SCIENTIFIC = FactPattern(
    "count-scientific", "count",
    _line(rf"""(?<![\w.,])(?P<num>\d{{1,3}}(?:\.\d+)?)\s?[×x]\s?10
              (?P<exp>[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{{1,2}}|\^-?\d{{1,2}})\s?(?P<unit>{_MEASURE_UNIT})(?![\w²³])"""),
    _scientific,
    examples=("about 130.62 AU ([1.954×10¹⁰ km]) from Earth", "it carried [2.7×10⁹ m3] of oil",
              "some [3 x 10^6 km2] of forest"),
    counterexamples=("a 1.954×10 km grid", "a 4 x 100 m relay"),
    triggers=("×10", "x10", "× 10", "x 10"),
)


def _temperature(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"−19 °C (−2 °F)": a measured temperature, its sign kept (a minus or a hyphen)."""
    if _glued(text, match.start(), "$£€¥.,/#"):
        return None
    number = parse_number(match.group("num"))
    if number is None:
        return None
    if match.group("sign"):
        number = -number
    unit = "°" + match.group("unit")[0].upper()
    return Fact("count", match.start(), match.end(), match.group(), f"{plain(number)} {unit}",
                "count-temperature", number=number, unit=unit,
                number_start=match.start(), number_end=match.end("num"))


COUNT_TEMPERATURE = FactPattern(
    "count-temperature", "count",
    _line(rf"""(?<![\w−-])(?P<sign>[−-])?(?P<num>{NUM})\s?(?:°|º|degrees?\s+)\s?
              (?P<unit>C|F|Celsius|Fahrenheit|celsius|fahrenheit)\b"""),
    _temperature,
    examples=("the lowest reaching [−19 °C] ([−2 °F]) in winter", "a high of [14 °C]",
              "water boils at [212 degrees Fahrenheit]", "it was [40°C] in July"),
    counterexamples=("a 90° angle", "rotated 45 degrees to the left", "grade C students"),
    triggers=("°", "º", "degree"),
)


_PER_PERIOD_BEFORE = re.compile(r"(?i:average|mean|rate|total)\s+of\s+(?:about\s+|some\s+|"
                                r"nearly\s+|over\s+|around\s+)?$")


def _per_period(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"(an average of 47 per day)": a figure per unit of time, its noun left implied."""
    if not _PER_PERIOD_BEFORE.search(text, max(0, match.start() - 40), match.start()):
        return None
    number = parse_number(match.group("num"))
    if number is None or _YEARLIKE.fullmatch(match.group("num")):
        return None
    start, end = match.span("num")
    unit = "per " + match.group("unit").lower()
    return Fact("count", start, end, text[start:end], f"{plain(number)} {unit}",
                "count-per-period", number=number, unit=unit,
                number_start=start, number_end=end)


COUNT_PER_PERIOD = FactPattern(
    "count-per-period", "count",
    _line(rf"""(?<![\w$£€¥.,])(?P<num>{NUM})\s+(?:a|per|each)\s+
              (?P<unit>day|week|month|year|hour|minute|second)\b"""),
    _per_period,
    examples=("the canal carried (an average of [47] per day)", "a rate of [12] a minute"),
    counterexamples=("an average of $47 per day", "an average of 47 per cent",
                     "47 per day were counted", "an average of 47.5% per year"),
    triggers=("per", " a ", "each"),
)


def _rate_per_base(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"from 1.7 to 3.3 per 100,000", "11.0 per 100,000 population": a rate per a round
    number of people counts them, whether or not it names them."""
    number = parse_number(match.group("num"))
    base = parse_number(match.group("base"))
    if number is None or base is None:
        return None
    start, end = match.start(), match.end()
    return Fact("count", start, end, text[start:end], f"{plain(number)} per {plain(base)}",
                "count-rate", number=number, unit=f"per {plain(base)}",
                number_start=start, number_end=match.end("num"))


COUNT_RATE = FactPattern(
    "count-rate", "count",
    _line(r"""(?<![\w$£€¥.,])(?P<num>\d[\d,]*(?:\.\d+)?)\s+per\s+
              (?P<base>100|1,000|10,000|100,000|1,000,000|1000|10000|100000)(?![\d,.]\d|\s*%)
              (?:\s+(?:population|people|persons|residents|inhabitants|live\s+births|births))?"""),
    _rate_per_base,
    examples=("the rate doubled, from [1.7] to [3.3 per 100,000], in part",
              "it fell to [11.0 per 100,000 population]"),
    counterexamples=("$5 per 100 shares", "47 per cent", "12 per 1,000.5"),
    triggers=("per 1",),
)


def _count_before_share(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"66 (9%) patients were hospitalized": a count with its share in brackets before the
    noun it counts."""
    if _glued(text, match.start(), "$£€¥.,/-#") or _YEARLIKE.fullmatch(match.group("num")):
        return None
    noun = _noun_after(match.group("words"))
    if noun is None or not _counted_noun(noun, measures=False):
        return None
    return _bare_count(text, match.start("num"), match.end("num"), noun, "count-share")


COUNT_BEFORE_SHARE = FactPattern(
    "count-before-share", "count",
    _line(rf"""(?P<num>{NUM})\s*\(\s*{NUM}\s?(?:%|per\s?cent|percent)(?:\s+of\s+[^()]{{1,40}})?\s*\)
              (?P<words>(?:\s+[A-Za-z][\w'’/-]*){{1,2}})"""),
    _count_before_share,
    examples=("Overall, [66] (9%) patients were hospitalized.",
              "A total of [48] (2% of total reported cases) deaths occurred"),
    counterexamples=("in 2019 (9%) patients", "rose 66 (9%) in May", "$66 (9%) costs"),
    triggers=("%", "per"),
)


def _tally_after_verb(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"He ran in 20 races that year, winning 13", "held 40 seats and lost 12": a figure
    a verb of winning or losing takes without a noun counts what its clause counted."""
    return _clause_count(match, text, "count-won")


COUNT_WON = FactPattern(
    "count-won", "count",
    _line(rf"""\b(?:won|winning|wins|lost|losing|took|taking|claimed|claiming|secured|
              securing|kept|keeping|held|holding)\s+(?:only\s+|just\s+|all\s+)?
              (?P<num>\d{{1,3}}(?:,\d{{3}})*|{WORD_NUM})
              (?=\s*(?:[,;:)]|\.(?!\d)|$)|\s+(?:and|in|at|to|for|with|while|before|after|
              as|by)\b)"""),
    _tally_after_verb,
    examples=("He ran in 20 races that year, winning [13].",
              "The party held 40 seats and lost [12]."),
    counterexamples=("He won 1990 in a landslide.", "She won 12 in May.",
                     "it rose 5% and held 12.", "the road ran 40 km and lost 12."),
    triggers=("won", "winning", "wins", "lost", "losing", "took", "taking", "claim", "secur",
              "kept", "keeping", "held", "holding"),
)


_APPOSED_NOUN_BEFORE = re.compile(r"(?P<noun>[A-Za-z][\w'’-]*),\s$")


def _apposed_count(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"won the most total medals, 84, and the most gold medals, 38": a figure set off by
    commas right after a plural noun counts it."""
    before = _APPOSED_NOUN_BEFORE.search(text, max(0, match.start() - 40), match.start())
    if before is None or _YEARLIKE.fullmatch(match.group("num")):
        return None
    noun = before.group("noun")
    if not _counted_noun(noun):
        return None
    return _bare_count(text, match.start("num"), match.end("num"), noun.lower(),
                       "count-apposed")


COUNT_APPOSED = FactPattern(
    "count-apposed", "count",
    _line(rf"""(?<=[a-z],\s)(?P<num>{NUM})(?=\s*(?:,|;|\.(?!\d)|$)|\s+and\b)"""),
    _apposed_count,
    examples=("the team won the most total medals, [84], and the most gold medals, [38].",),
    counterexamples=("In the years, 1990 and 1991 came", "over the months, 12, 14 and",
                     "they paid in dollars, 40, and", "it took years, 12, to"),
    triggers=("#digit",),
)


_COUNT_WITH_NOUN_BEFORE = re.compile(
    rf"(?<![\w,.$£€¥])(?:{NUM}|{WORD_NUM})\s+(?:[a-z][\w-]*\s+){{0,2}}?"
    rf"(?P<noun>[a-z][\w-]*s|{PLURAL_WORDS})\s+(?:from|in|of|for)\s+(?:the\s+)?[A-Z]")
"""'ten teams from Europe': a count whose noun later figures of a list leave implied."""


def _listed_from(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"ten teams from Europe would qualify, along with four from South America, one from
    Asia": each later figure counts the first one's noun."""
    counts = list(_COUNT_WITH_NOUN_BEFORE.finditer(text, max(0, match.start() - 160),
                                                   match.start()))
    number = parse_number(match.group("num"))
    if not counts or number is None or _YEARLIKE.fullmatch(match.group("num")):
        return None
    noun = counts[-1].group("noun")
    if not _counted_noun(noun):
        return None
    start, end = match.start("num"), match.end("num")
    return Fact("count", start, end, text[start:end], f"{plain(number)} {noun}",
                "count-listed-from", number=number, unit=noun, number_start=start,
                number_end=end)


COUNT_LISTED_FROM = FactPattern(
    "count-listed-from", "count",
    _line(rf"""(?<![\w$£€¥.,/-])(?P<num>\d{{1,3}}(?:,\d{{3}})*|{WORD_NUM})
              (?=\s+from\s+(?:the\s+)?[A-Z])"""),
    _listed_from,
    examples=("ten teams from Europe would qualify, along with [four] from South America, "
              "[one] from Asia and [one] from Oceania",),
    counterexamples=("ten teams from Europe came in 1990, and 12 in Paris",
                     "ten years from Europe, four from Asia",
                     "four from South America came"),
    triggers=("from",),
)


_SCORE_VERB_BEFORE = re.compile(
    r"\b(?:beat|beats|beating|defeated|defeating|defeats|won|lost|drew|draw|"
    r"thrashed|edged)\s+(?:(?:the\s+)?[A-Z][\w.'’-]*\s+){1,3}"
    r"(?:(?:in|at)\s+the\s+(?:final|semi-finals?|quarter-finals?|match|game|decider)\s+)?$")
_FOOTBALL = re.compile(r"(?i)\b(?:football|soccer|goals?|World\s+Cup|FIFA|penalt|extra\s+time)")


def _score(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"England beat West Germany 4–2", "a 1–0 victory": each side of the score counts goals
    (or points, in a sentence with no sign of football)."""
    group = "first" if match.group("first") is not None else "second"
    if group == "first":
        first_start = match.start()
        second = _SCORE_SECOND_AFTER.match(text, match.end())
        if second is None:
            return None
        score_end = second.end()
    else:
        first = _SCORE_FIRST_BEFORE.search(text, max(0, match.start() - 8), match.start())
        if first is None:
            return None
        first_start, score_end = first.start(), match.end()
    if _RULING_AFTER.match(text, score_end) is not None:  # "a unanimous 9–0 decision"
        return _bare_count(text, match.start(group), match.end(group), "votes", "count-score")
    if (_SCORE_VERB_BEFORE.search(text, max(0, first_start - 60), first_start) is None
            and _RESULT_AFTER.match(text, score_end) is None
            and not _between_teams(text, first_start, score_end)):
        return None
    noun = "goals" if _FOOTBALL.search(text, max(0, first_start - 300),
                                        score_end + 300) else "points"
    return _bare_count(text, match.start(group), match.end(group), noun, "count-score")


def _between_teams(text: str, start: int, end: int) -> bool:
    """"Manchester City 6–1 Newcastle United": a result as tables print it, a side's name on
    each side of the score, in a text about matches ("Articles 3–5 Part" is no result)."""
    before = _SIDE_BEFORE.search(text, max(0, start - 40), start)
    return (before is not None and before.group("word").lower() not in _NUMBERED_NOUNS
            and _SIDE_AFTER.match(text, end) is not None
            and _MATCHES.search(text, max(0, start - 300), end + 300) is not None)


_SIDE_BEFORE = re.compile(r"(?P<word>[A-Z][\w.'’-]*)\s+$")
_SIDE_AFTER = re.compile(r"\s+[A-Z][a-z]")
_NUMBERED_NOUNS = frozenset(
    "article articles chapter chapters section sections page pages rule rules room rooms "
    "route routes flight flights no. grade grades level levels phase phases stage stages "
    "verse verses part parts".split())
_MATCHES = re.compile(r"(?i)\b(?:win|wins|won|match(?:es)?|game|league|season|cup|"
                      r"attendance|fixture|derby|goals?)\b")


_SCORE_SECOND_AFTER = re.compile(r"\s*[–—-]\s*\d{1,3}\b")
_RESULT_AFTER = re.compile(r"\s+(?:victory|win|defeat|loss|draw|triumph|thrashing)\b")
"""' victory' after '1–0': a score, though no verb of winning comes before it."""
_RULING_AFTER = re.compile(r"\s+(?:decision|ruling|verdict|vote|judgment|judgement)\b")
"""' decision' after '9–0': a court's or a board's vote, each side a number of votes."""
_SCORE_FIRST_BEFORE = re.compile(r"(?<![\w.,])\d{1,3}\s*[–—-]\s*$")


COUNT_SCORE = FactPattern(
    "count-score", "count",
    _line(r"""(?<![\w.,])(?P<first>\d{1,3})(?=\s*[–—-]\s*\d{1,3}\b(?![.,]\d|\s*%))
              |(?<=[–—-])(?P<second>\d{1,3})\b(?![.,]\d|\s*%|[–—-]\d)"""),
    _score,
    examples=("England beat West Germany [4]–[2] in the final of the World Cup.",
              "defended their title by defeating Australia in the final [34]–[17]",
              "Portugal won after a [1]–[0] victory over France",
              "the Court issued a unanimous [9]–[0] decision in May 1954",
              "Biggest home win | Manchester City [6]–[1] Newcastle United"),
    counterexamples=("Sales rose 4–5% in May.", "the 2014–15 season",
                     "England played West Germany 4–2 times",
                     "the cup rules in Articles 3–5 Part Two", "In 1990–1 Bush won"),
    triggers=("beat", "defeat", "won", "lost", "drew", "draw", "thrash", "edged", "victory",
              "win", "loss", "triumph", "decision", "ruling", "verdict", "vote", "judg",
              "attendance", "match", "league", "cup", "season", "fixture", "derby", "goal"),
)


def _counted_as(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"117 countries are parties and another 22 are signatories": a figure that is, or
    became, a plural noun counts it."""
    if _glued(text, match.start(), "$£€¥.,/-#") or _YEARLIKE.fullmatch(match.group("num")):
        return None
    if _PART_INTRO_BEFORE.search(text, max(0, match.start() - 80), match.start()):
        return None  # "Of the 140 delegates, 21 were women" counts delegates
    noun = match.group("noun")
    if not _counted_noun(noun, measures=False):
        return None
    return _bare_count(text, match.start("num"), match.end("num"), noun, "count-are")


COUNT_ARE = FactPattern(
    "count-are", "count",
    _line(rf"""(?P<num>{NUM})\s+(?:are|were|became|become|remain|remained)\s+(?:now\s+|still\s+)?
              (?P<noun>[a-z][\w-]*)\b"""),
    _counted_as,
    examples=("117 countries are parties and another [22] are signatories",),
    counterexamples=("In 1990 were years of war", "12 were killed", "$12 are dollars",
                     "4 are percent"),
    triggers=(" are ", " were ", "became", "become", "remain"),
)


_NOUN_BEFORE_RANGE = re.compile(
    r"\b(?P<noun>[a-z][\w-]*s)\b(?:\s+(?:were|was|are|is|being|been|at|of|estimated|put|"
    r"reported|counted|numbered|ranged|ranging|totalled|totaled|totaling|totalling|"
    r"thought|believed|said|to|be)){0,4}\s+between\s+$")
"""'deaths estimated between ': the plural noun a range without its own noun counts."""
_RANGE_FIRST_AFTER = re.compile(rf"\s+and\s+(?P<num>{NUM})")
_RANGE_SECOND_BEFORE = re.compile(rf"\bbetween\s+(?P<num>{NUM})\s+and\s+$")


def _bare_range(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"deaths estimated between 8,870 and 18,300": both ends count the noun just before."""
    if _glued(text, match.start(), "$£€¥.,/-#"):
        return None
    first = _RANGE_SECOND_BEFORE.search(text, max(0, match.start() - 40), match.start())
    lead = match.start() if first is None else first.start("num")
    other = _RANGE_FIRST_AFTER.match(text, match.end()) if first is None else first
    if other is None or not (first is not None or _BARE_AFTER.match(text, other.end())):
        return None
    if first is not None and not _BARE_AFTER.match(text, match.end()):
        return None
    figures = (match.group("num"), other.group("num"))
    if any(_YEARLIKE.fullmatch(f) or (parse_number(f) or 0) < 2 for f in figures):
        return None  # "between 1939 and 1945": years
    before = _NOUN_BEFORE_RANGE.search(text, max(0, lead - 100), lead)
    if before is None or not _is_plural_noun(before.group("noun")):
        return None
    noun = before.group("noun")
    if noun in UNIT_SINGULAR or noun in MEASURE_UNITS or noun.lower() in CURRENCY_WORDS:
        return None
    number = parse_number(match.group("num"))
    assert number is not None
    return Fact("count", match.start(), match.end(), match.group(), f"{plain(number)} {noun}",
                "count-bare-range", number=number, unit=noun,
                number_start=match.start(), number_end=match.end())


COUNT_BARE_RANGE = FactPattern(
    "count-bare-range", "count",
    _line(r"""(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\w%]|[.,]\d|\s?(?:per\s?cent|percent|pc)\b)"""),
    _bare_range,
    examples=("with deaths estimated between [8,870] and [18,300].",
              "cases were between [120] and [450] in each town",
              "voters numbered between [2,000] and [3,500], officials said"),
    counterexamples=("fighting between 1939 and 1945 in Europe", "deaths between 1 and 2%",
                     "costs between $5 and $9 each", "troops between 200 and 300 km away",
                     "the treaty between 1648 and 1650", "years between 3 and 5 long",
                     "between 8,870 and 18,300 deaths"),
    triggers=("between",),
)


_ROUGHLY = (r"(?:(?:about|around|some|nearly|almost|over|roughly|approximately|just\s+over|"
            r"just\s+under|more\s+than|less\s+than|fewer\s+than|an\s+estimated|under|"
            r"close\s+to|at\s+least|up\s+to)\s+)")
"""The words that hedge a figure ("a population of around 139,000"): none changes its kind."""


def _population(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"The population was 331,449,281", "its population grew to 7.4 million", "a crowd of
    74,738", "the death toll was later put at 3,400": a noun for a body of people before
    the figure, which counts people though no noun follows it."""
    number = parse_number(match.group("num"))
    if number is None or number < 2 or _YEARLIKE.fullmatch(match.group("num")):
        return None
    start, end = match.start("num"), match.end("num")
    return Fact("count", start, end, text[start:end], f"{plain(number)} people",
                "count-population", number=number, unit="people",
                number_start=start, number_end=end)


COUNT_POPULATION = FactPattern(
    "count-population", "count",
    _line(rf"""\b(?i:population|crowd|attendance|audience|death\s+toll|toll|workforce|
              membership|electorate|headcount|net\s+migration|outflow|inflow|immigration|
              emigration)
              (?:\s+(?:of|in)\s+(?:the\s+)?(?:[A-Z]|(?:1\d|20)\d\d\b)[^.;:%$£€¥]{{0,60}}?
                 (?=,?\s+(?:was|is|stood|reached|grew|rose|climbed|fell)\b),?)?
              \s+(?:of\s+{_ROUGHLY}?
              |(?:was|is)\s+(?:estimated|projected|thought|forecast|expected)\s+to\s+(?:be|reach)\s+
              |(?:was|is)\s+(?:estimated|thought|believed)\s+to\s+have\s+been\s+(?:between\s+)?
              |(?<=toll\s)at\s+{_ROUGHLY}?
              |(?:(?:was|is)(?:\s+(?:later|then|now))?(?:\s+(?:put|estimated)\s+at)?
              |stood\s+at|reached|grew\s+to|rose\s+to|climbed\s+to|fell\s+to)\s+
              {_ROUGHLY}?)
              (?P<num>{NUM}(?:\s+(?:thousand|million|billion)\b|(?:m|bn)\b)?)
              (?![\w%]|[.,]\d|\s+(?:per\s?cent|percent|people|inhabitants|residents)\b)"""),
    _population,
    examples=("The population was [331,449,281], an increase", "its population grew to "
              "[7.4 million] by 2020", "a population of about [2.6 million] in 2019",
              "a population of around [139,000] as of 2025",
              "A crowd of [74,738] watched", "The death toll was later put at [3,400].",
              "the workforce reached [12,000] in May",
              "The population of the UK was estimated to be [63.7 million] in mid-2012",
              "UK net migration was [165,600] in the year to mid-2012",
              "Attendance in 2021 was [2.8 million] due to the pandemic",
              "the population of the Union on April 1, 2020, was [331,449,281].",
              "places the death toll at more than [70,000].",
              "The population is estimated to have been between [3,000] and 7,000 then"),
    counterexamples=("the population was 7.4% larger", "the population in 2020 grew",
                     "population was 2019's theme", "the attendance was 12 percent lower",
                     "a toll of $5 on the bridge", "the crowd was 1906's largest"),
    triggers=("population", "crowd", "attendance", "audience", "toll", "workforce",
              "membership", "electorate", "headcount", "migration", "outflow", "inflow"),
)


_THOSE_AFTER = re.compile(r"\s+of\s+(?:those|them|whom|these|which)\b")
_NOT_A_COUNTS_WORD = r"(?:percent|per|and|or|to|of|in|on|at|by|than|from)\b"
"""Words that end a figure's phrase ('4 percent and prices'): what follows counts nothing."""
_COUNTED_EARLIER = re.compile(
    rf"(?<![\w,.])(?:{NUM}|{WORD_NUM})(?:\s+{SCALE_WORD})?\s+"
    rf"(?:(?!{_NOT_A_COUNTS_WORD})(?:[a-z][\w-]*|[A-Z]{{2,}})\s+){{0,2}}?"
    rf"(?!{_NOT_A_COUNTS_WORD})(?P<noun>[a-z][\w-]*s|{PLURAL_WORDS})\b")
"""'19,726,579 votes', 'the 704 reported cases': a count a later bare figure may refer to."""


_PART_INTRO_BEFORE = re.compile(
    r"(?:\bof\s+(?:which|whom)|(?:(?:^|(?<=[.;:!?]))\s*(?:Of|Among)|(?<=[;:])\s*(?:of|among))"
    r"\s+(?:the\s+)?\d[^,;.]{0,60},)"
    r"\s+(?:at\s+least\s+|about\s+|some\s+|only\s+|nearly\s+)?$")
"""'…, of which ' or a sentence's 'Of the 140 delegates, ' before a figure that is a part."""
_INTRO_WORDS = re.compile(r"\b(?:which|whom|Of|Among)\b|[;:]\s*(?:of|among)\b")
_INCLUDING_BEFORE = re.compile(r"\bincluding\s+$")
_OF_SOMETHING_AFTER = re.compile(r"\s+of\s+(?!(?:the|its|their|his|her)\b)[a-z]")
"""'(including ' and ' of battle': 'seven days (including three of battle)' is a part."""
_NOUN_AFTER_THEM = re.compile(r"\s+of\s+them\s+(?:(?:were|are)\s+)?(?:[a-z][\w-]*\s+)?"
                              r"(?P<noun>[a-z][\w-]*)\b")
"""'58 of them were children': the part names its own noun when no count came before."""


def _of_those(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"100 million people, 500,000 of those in the United States", "45 members, of which
    12 are elected", "Of the 140 delegates, 21 were women": a part of a count just given
    counts the same noun; "58 of them were children" counts children."""
    part = _part_of_whole(match, text)
    if part is None or part[1] in UNIT_SINGULAR:
        return None
    return _part_of(match, *part)


def _count_just_before(match: re.Match[str], text: str, reach: int) -> re.Match[str] | None:
    """The nearest count ("19,726,579 votes") in the `reach` characters before the bare
    figure `match` holds (group "num", not a year) whose noun that figure may count: a
    plural, not a currency, a unit of measure or of time."""
    if _YEARLIKE.fullmatch(match.group("num")):
        return None
    counts = list(_COUNTED_EARLIER.finditer(text, max(0, match.start() - reach), match.start()))
    noun = counts[-1].group("noun") if counts else ""
    if not counts or not _is_plural_noun(noun) or noun in CURRENCY_WORDS or (
            noun in MEASURE_UNITS or noun in UNIT_SINGULAR):
        return None
    return counts[-1]


def _parallel_count(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"19,726,579 votes were counted, and 193,081 were rejected": a bare figure in a clause
    that mirrors a count's clause counts that count's noun."""
    earlier = _count_just_before(match, text, 150)
    if earlier is None or not _PASSIVE.fullmatch(text, earlier.end(), match.start()):
        return None  # the count's own clause must say what was done to it, as this one does
    return _bare_count(text, *match.span("num"), earlier.group("noun"), "count-parallel")


_PARTICIPLE = (r"(?:[a-z]+(?:ed|en|wn)|felt|built|sold|lost|held|found|made|paid|left|kept|sent|"
               r"spent|hit|cut|put|set|shut|hurt|won|brought|bought|caught|fought)")
_PASSIVE = re.compile(rf"\s+(?:were|was|had\s+been|have\s+been)\s+{_PARTICIPLE}\b[^.;]{{0,80}}?")
"""' were counted, ': the clause of a count that a later bare figure's clause mirrors."""


def _more_of_count(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"one million people died and over one million more fled": 'N more' after a count
    counts the same noun."""
    earlier = _count_just_before(match, text, 150)
    if earlier is None or re.search(r"[.;]", text[earlier.end():match.start()]):
        return None
    return _bare_count(text, *match.span("num"), earlier.group("noun"), "count-more")


_NOT_A_BACK_REFERENCE_BEFORE = frozenset(
    """no. no number page pages article section chapter clause route flight room version level
    grade rank ranked aged age ages top size model type class category phase stage round game
    match day week month year episode vol volume issue part row seat gate platform of per
    under""".split())
"""Words after which a bare figure numbers, ranks, dates or ages something ("per 100,000",
"young persons (under 25)")."""


def _back_reference(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"Among the 704 cases, 503 (71%) were in unvaccinated persons and 689 (98%) occurred
    in U.S. residents": a bare figure later in the clause of a count, with no noun or unit of
    its own, counts that count's noun."""
    number = parse_number(match.group("num"))
    if number is None or number < 2 or _YEARLIKE.fullmatch(match.group("num")):
        return None
    previous = _preceding_word(text, match.start())
    if previous.lower() in _NOT_A_BACK_REFERENCE_BEFORE or previous[:1].isupper():
        return None  # "Article 12", "June 14": a name or a date, not a count
    if text[match.start() - 1:match.start()] == "(" and text[match.end():match.end() + 1] == ")":
        return None  # "(2) his brother": an item's number
    earlier = _count_just_before(match, text, 150)
    if earlier is None or _NEW_WHOLE_BETWEEN.search(text, earlier.end(), match.start()):
        return None
    return _bare_count(text, *match.span("num"), earlier.group("noun"), "count-back-reference")


_NEW_WHOLE_BETWEEN = re.compile(r"[.;:]\s|(?:%|\bper\s?cent|\bpercent)\s+of\b")
"""A clause end, or a share of another whole ("Five ships, 40% of the fleet, and 3 in May"),
between a count and a later bare figure: the figure may count something else."""


COUNT_BACK_REFERENCE = FactPattern(
    "count-back-reference", "count",
    _line(r"""(?<![\w$£€¥.,/#+−:-])(?P<num>\d{1,3}(?:,\d{3})+|\d+)
              (?![\w%]|[.,]\d|\s?(?:per\s?cent|percent|pc)\b|\s*[-–×x/:]\s*\d
                 |\s+(?:and|to)\s+\d)
              (?=\s*(?:\(|,|;|\.|\)|$)|\s+(?:in|to|and|or|by|at|from|were|was|had|have|are|is|
                 occurred|died)\b)"""),
    _back_reference,
    examples=("Among the 704 cases, 503 (71%) were in unvaccinated persons and [689] (98%) "
              "occurred in U.S. residents",),
    counterexamples=("It had 704 cases, Article 12 says", "704 cases, in June 14 cases",
                     "Five ships, 40% of the fleet, and 3 in May",
                     "92 protons, and between 141 and 146 neutrons",
                     "2,224 people on board at 23:40 on Sunday", "74 cases per 100,000",
                     "four divisions led by (1) Bruce and (2) Edward",
                     "3.4 million persons (under 25) were unemployed"),
    triggers=("#digit",),
)


COUNT_MORE = FactPattern(
    "count-more", "count",
    _line(rf"""(?<![\w$£€¥.,-])(?P<num>{NUM}(?:\s+{SCALE_WORD})?|{WORD_AMOUNT})
              \s+more\b(?!\s+(?:than|[a-z]+s\b))"""),
    _more_of_count,
    examples=("one million people died and over [one million] more fled",
              "40 people died and [12] more were injured"),
    counterexamples=("40 people died and 12 more than that", "it took 40 days and 12 more",
                     "$40 million and 12 more", "12 more people came"),
    triggers=("more",),
)


_BODY_OF_PEOPLE_BEFORE = re.compile(r"\b(?i:population|workforce|electorate|membership)\b"
                                    r"(?:[^.;]|(?<=\d)\.(?=\d)){0,120}$")


def _count_up_from(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"63.7 million in mid-2012, up from the estimated 63.3 million": the earlier figure of
    a change counts what the later one did."""
    number = parse_number(match.group("num"))
    if number is None or number <= 0 or _YEARLIKE.fullmatch(match.group("num")):
        return None
    earlier = _count_just_before(match, text, 150)
    if earlier is not None:  # "1.81 babies per woman, up from 1.79": a rate counts too
        return _bare_count(text, *match.span("num"), earlier.group("noun"), "count-up-from")
    if number >= 2 and _BODY_OF_PEOPLE_BEFORE.search(
            text, max(0, match.start() - 150), match.start()):
        return _bare_count(text, *match.span("num"), "people", "count-up-from")
    return None


COUNT_UP_FROM = FactPattern(
    "count-up-from", "count",
    _line(rf"""\b(?:up|down|(?:an?\s+)?(?:increase|decrease|rise|fall|drop|decline|jump))\s+
              from\s+(?:the\s+|an?\s+)?(?:estimated\s+|revised\s+)?
              (?P<num>{NUM}(?:\s+(?:thousand|million|billion)\b)?)
              (?![\w%]|[.,]\d|\s*(?:%|per\s?cent|percent|points)\b)"""),
    _count_up_from,
    examples=("The population of the UK was 63.7 million, up from the estimated [63.3 million] "
              "in mid-2011", "it had 412 members, down from [450] in 2019",
              "it issued 208 citations last year, an increase from [68] in 2004",
              "1.81 babies per woman in 2006, up from [1.79] in 2005"),
    counterexamples=("prices were 4.1% higher, up from 3.9 in May", "$40 million, up from 35",
                     "It was up from 12 in May"),
    triggers=(" from ",),
)


_PEOPLE_COUNTED_BEFORE = re.compile(
    r"\b(?i:employ\w*|jobs?|workers?|population|people|residents)\b(?:[^.]|\.(?=\d)){0,150}$")


def _signed_change(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"Employment rose among core-aged women (+43,000; +0.7%)": a signed change of a
    headcount, beside its change in percent."""
    if not _PEOPLE_COUNTED_BEFORE.search(text, max(0, match.start() - 170), match.start()):
        return None
    start, end = match.span("num")
    number = parse_number(match.group("num").lstrip("+-−"))
    if number is None:
        return None
    signed = -number if match.group("num")[0] in "-−" else number
    return Fact("count", start, end, text[start:end], f"{plain(signed)} people",
                "count-signed-change", number=signed, unit="people",
                number_start=start, number_end=end)


COUNT_SIGNED_CHANGE = FactPattern(
    "count-signed-change", "count",
    _line(r"""\((?P<num>[+\-−]\d{1,3}(?:,\d{3})+)(?=\s*;\s*[+\-−]?\d+(?:\.\d+)?\s?%)"""),
    _signed_change,
    examples=("Employment rose among core-aged women ([+43,000]; +0.7%), and declined among "
              "core-aged men ([-36,000]; -0.5%)",),
    counterexamples=("Prices rose in May (+43,000; +0.7%)", "Employment rose (+43; +0.7%)"),
    triggers=("(+", "(-", "(−"),
)


COUNT_PARALLEL = FactPattern(
    "count-parallel", "count",
    _line(rf"""(?:,\s*|\s)(?:and|while|but)\s+(?:another\s+|a\s+further\s+)?
              (?P<num>{NUM})\s+(?:were|was|had\s+been|have\s+been)\s+{_PARTICIPLE}\b"""),
    _parallel_count,
    examples=("19,726,579 votes were counted, and [193,081] were rejected as invalid",
              "52 aftershocks were recorded and [14] were felt in the capital"),
    counterexamples=("In 2019, and 40 were arrested", "$12 million were spent and 4 were lost",
                     "12 km were built and 3 were paved", "40 ships sailed and 12 were sunk",
                     "2,000 soldiers were sent. And 500 were captured"),
    triggers=(" were ", " was ", " been "),
)


_PLURAL_JUST_BEFORE = re.compile(r"(?<![\w-])(?P<noun>[a-z][a-z-]*s)\s$")


def _bracketed_after_noun(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"the records for Olympic gold medals (23), … in individual events (13)": a figure in
    brackets straight after a plural noun counts it, as a table's cell would."""
    before = _look_back(_PLURAL_JUST_BEFORE, text, match.start(), reach=40)
    if before is None:
        return None
    number = parse_number(match.group("num"))
    noun = before.group("noun").lower()
    if number is None or number < 2 or _YEARLIKE.fullmatch(match.group("num")) or (
            not _is_plural_noun(noun) or noun in MEASURE_UNITS or noun in CURRENCY_WORDS):
        return None
    return _bare_count(text, *match.span("num"), noun, "count-bracketed-noun")


COUNT_BRACKETED_NOUN = FactPattern(
    "count-bracketed-noun", "count",
    _line(rf"""(?<=s\s)\((?P<num>{NUM})\)(?!\s*(?:,\s*|and\s+|or\s+)?\(\d)"""),
    _bracketed_after_noun,
    examples=("records for Olympic gold medals ([23]), gold medals in individual events ([13])",),
    counterexamples=("in later years (2019)", "conditions (2) and (3) apply",
                     "at 12 percent (2)", "it weighed 5 pounds (2)", "for 5 dollars (3)"),
    triggers=("s (",),
)


_MEDALS_NEAR = re.compile(r"\bmedal", re.IGNORECASE)


def _medal_colour(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"winning six gold and two bronze medals", "65 were gold, 14 silver, and three
    bronze": a count of medals named by their colour, where the sentence speaks of medals."""
    before = _look_back(_NUMBER_JUST_BEFORE, text, match.start(), reach=40)
    if before is None:
        return None
    number = parse_number(before.group("num"))
    if number is None or number < 1 or _YEARLIKE.fullmatch(before.group("num")):
        return None
    if not _MEDALS_NEAR.search(text, max(0, match.start() - 200), match.start() + 200):
        return None
    start, end = before.start("num"), match.end()
    return Fact("count", start, end, text[start:end], f"{plain(number)} medals",
                "count-medal-colour", number=number, unit="medals",
                number_start=start, number_end=before.end("num"))


COUNT_MEDAL_COLOUR = FactPattern(
    "count-medal-colour", "count",
    _line(r"""(?<![\w-])(?:golds?|silvers?|bronzes?)\b(?!\s+medals?\b)"""),
    _medal_colour,
    examples=("by winning [six gold] and two bronze medals",
              "82 medals, of which 65 were gold, [14 silver], and [three bronze]"),
    counterexamples=("he sold 40 gold bars", "2 silver coins and 3 gold rings"),
    triggers=("gold", "silver", "bronze"),
)


def _bracketed_item(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"81 cases … from Wisconsin (39), Indiana (22), Missouri (two)": a figure in brackets
    after each name of a list shares out a count given before it, so counts its noun."""
    earlier = _count_just_before(match, text, 300)
    if earlier is None or earlier.group().split()[0] in ("one", "One"):
        return None
    noun = earlier.group("noun")
    if parse_number(match.group("num")) == 1 and noun.endswith("s") and not noun.endswith("ss"):
        noun = noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]  # "Kansas (one)": a case
    return _bare_count(text, *match.span("num"), noun, "count-bracketed-item")


COUNT_BRACKETED_ITEMS = FactPattern(
    "count-bracketed-item", "count",
    _line(rf"""(?:(?<=,\s)|(?<=\band\s)|(?<=\bfrom\s)|(?<=\bin\s))
              [A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){{0,2}}\s\(
              (?P<num>{NUM}|{WORD_NUM})\)(?=\s*(?:,|;|\)|\(|and\b|or\b|$|[a-z]+\b(?!\s*\()))"""),
    _bracketed_item,
    examples=("81 cases were reported from Wisconsin ([39]), Indiana ([22]), Missouri ([two]) "
              "and Ohio ([one])",
              "a total of 40 deaths in Texas ([12]), Ohio ([8]) and Utah ([20])"),
    counterexamples=("81 cases, from Wisconsin (2003), Indiana (2004)",
                     "it cost $40 million, from Texas (12), Ohio (3)",
                     "the Treaty of Paris (1898), and", "from Wisconsin (39), Indiana (22)"),
    triggers=(" (",),
)


_NAMED_ITEM_NAME = r"(?:the\s)?[A-Z][\w'’./-]*(?:\s[A-Z][\w'’./-]*){0,2}"
_NAMED_ITEM_BEFORE = re.compile(rf"(?:,\s|\band\s)(?P<name>{_NAMED_ITEM_NAME})\s$")
_NAMED_ITEMS_GAP = re.compile(
    rf"(?:\s*,\s*(?:and\s+)?{_NAMED_ITEM_NAME}\s(?:{NUM}))*\s*,?\s*(?:and\s+)?")
"""What may stand between a count and a later item of its list: more named items."""


def _named_item(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"the CDU/CSU won 246 seats, SPD 153, AfD 94, and the Greens 67": a figure after each
    name of a list that follows a count counts the same noun."""
    name = _look_back(_NAMED_ITEM_BEFORE, text, match.start(), reach=50)
    if name is None:
        return None
    earlier = _count_just_before(match, text, 200)
    if earlier is None or not _NAMED_ITEMS_GAP.fullmatch(text, earlier.end(), name.start("name")):
        return None
    return _bare_count(text, *match.span("num"), earlier.group("noun"), "count-named-item")


COUNT_NAMED_ITEMS = FactPattern(
    "count-named-item", "count",
    _line(r"""(?<![\w$£€¥.,/#-])(?P<num>\d{1,3}(?:,\d{3})+|\d+)
              (?=\s*(?:,|;|\.(?!\d)|\band\b|$))"""),
    _named_item,
    examples=("In the Bundestag, the CDU/CSU won 246 seats, SPD [153], AfD [94], FDP [80], the "
              "Left [69], and the Greens [67].",),
    counterexamples=("won 246 seats, in March 2017, and", "won 246 seats, more than in 2013, "
                     "Article 94", "246 seats, the SPD won 153.", "it cost $40 million, SPD 153"),
    triggers=("#digit",),
)


def _part_of_duration(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"seven days in total (including three of battle)", "40 years, 12 of them at war":
    a part of a length of time is a length of time in the same unit."""
    part = _part_of_whole(match, text)
    if part is None or part[1] not in UNIT_SINGULAR:
        return None
    number, noun = part
    return Fact("duration", match.start(), match.end(), match.group(),
                f"{plain(number)} {UNIT_SINGULAR[noun]}", "duration-part", number=number,
                unit=noun, number_start=match.start(), number_end=match.end())


def _part_of_whole(match: re.Match[str], text: str) -> tuple[Decimal, str] | None:
    """The figure of `match` and the plural noun it is a part of, where it is a part."""
    if _glued(text, match.start(), "$£€¥.,/-#"):
        return None
    window = text[max(0, match.start() - 80):match.start()]
    intro = _PART_INTRO_BEFORE.search(text, max(0, match.start() - 80), match.start()) if (
        _INTRO_WORDS.search(window)) else None  # a cheap look first: most figures have none
    if intro is None and "including" in window and _INCLUDING_BEFORE.search(
            text, max(0, match.start() - 20), match.start()):
        intro = _OF_SOMETHING_AFTER.match(text, match.end())
    if intro is None and not _THOSE_AFTER.match(text, match.end()):
        return None
    number = parse_number(match.group("num"))
    if number is None or number < 2 or _YEARLIKE.fullmatch(match.group()):
        return None
    counts = list(_COUNTED_EARLIER.finditer(text, max(0, match.start() - 120), match.start()))
    earlier = counts[-1] if counts else None  # the nearest count before the part
    gap = "" if earlier is None else text[earlier.end():match.start()]
    if earlier is None or len(gap) > 60 or "." in gap or ";" in gap:
        own = _NOUN_AFTER_THEM.match(text, match.end()) if intro is None else None
        if own is None or not _is_plural_noun(own.group("noun")):
            return None
        return number, own.group("noun")
    noun = earlier.group("noun")
    if not _is_plural_noun(noun) or noun in CURRENCY_WORDS:
        return None
    return number, noun


def _part_of(match: re.Match[str], number: Decimal, noun: str) -> Fact:
    """The figure of `match` as a part counting `noun`."""
    return Fact("count", match.start(), match.end(), match.group(), f"{plain(number)} {noun}",
                "count-of-those", number=number, unit=noun,
                number_start=match.start(), number_end=match.end())


COUNT_OF_THOSE = FactPattern(
    "count-of-those", "count",
    _line(rf"""(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|(?<![\w-]){WORD_NUM})(?![\w%-]|[.,]\d)"""),
    _of_those,
    examples=("killed as many as 100 million people, [500,000] of those in the United States",
              "the army had 40,000 soldiers, [12,000] of them cavalry",
              "The board has 45 members, of which [12] are elected",
              "Of the 140 delegates, [21] were women", "at least [58] of them were children",
              "The host won 23 medals, [three] of them gold",
              "Among the 704 cases, [503] (71%) were in unvaccinated persons",
              "Of 44 cases imported from abroad, [34] were in residents",
              "it is widespread; of 78 municipalities, [72] had cases",
              "193 UNFCCC members have signed the treaty, [97] of which have ratified it",
              "The atom has 92 electrons, [6] of them valence electrons"),
    counterexamples=("spent $100 million, 500,000 of those on roads",
                     "in 1918, 1919 of those years", "most of those 20 were there",
                     "it lasted 40 years, 12 of them at war",
                     "it cost $40 million, of which 12 went on roads",
                     "Of the proposals, 3 were late", "some 30 of them at war"),
    triggers=("of those", "of them", "of whom", "of these", "of which", "of the", "including",
              "of ", "among"),
)


DURATION_PART = FactPattern(
    "duration-part", "duration",
    _line(rf"""(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|(?<![\w-]){WORD_NUM})(?![\w%-]|[.,]\d)"""),
    _part_of_duration,
    examples=("held out for seven days in total (including [three] of battle)",
              "it lasted 40 years, [12] of them at war"),
    counterexamples=("We hired 40 staff, including 12 of the 15 judges",
                     "the army had 40,000 soldiers, 12,000 of them cavalry"),
    triggers=("including", "of them", "of those", "of which", "of whom", "of these", "of the",
              "among"),
)




def _scaled_collective(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"37.8 thousand unemployed": a scaled figure before an adjective used as a plural noun."""
    if _glued(text, match.start(), "$£€¥.,/-"):
        return None
    number = parse_number(match.group("num"))
    if number is None:
        return None
    noun = match.group("noun").lower()
    return Fact("count", match.start(), match.end(), match.group(),
                f"{plain(number)} {noun}", "count-collective", number=number, unit=noun,
                number_start=match.start("num"), number_end=match.end("num"))


COUNT_COLLECTIVE = FactPattern(
    "count-collective", "count",
    _line(rf"""(?P<num>{NUM}\s+{SCALE_WORD}|\d{{1,3}}(?:,\d{{3}})+)\s+(?P<noun>{_COLLECTIVE})\b
              (?!\s+[a-z]+s\b)"""),
    _scaled_collective,
    examples=("[37.8 thousand unemployed] (Q3, 2019)", "left [1.2 million homeless]",
              "the flood left [150,000 homeless]", "with [2,300 dead] and"),
    counterexamples=("37 unemployed", "2.5 thousand unemployed workers",
                     "1,200 injured workers"),
    triggers=("thousand", "million", "billion", ","),
)


def _casualty_adjective(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"458 dead, 1,208 wounded", "(with three missing)": a figure before a casualty
    adjective used as a plural noun counts people, however small."""
    number = parse_number(match.group("num"))
    if number is None or number < 1 or _YEARLIKE.fullmatch(match.group("num")):
        return None
    if _preceding_word(text, match.start()).lower() in _CASUALTY_REFUSED_BEFORE | {"aged", "at"}:
        return None  # "in 1805 dead", "aged 12 missing": not a head count
    noun = match.group("noun").lower()
    return Fact("count", match.start(), match.end(), match.group(),
                f"{plain(number)} {noun}", "count-casualty-adjective", number=number, unit=noun,
                number_start=match.start("num"), number_end=match.end("num"))


COUNT_CASUALTY_ADJECTIVE = FactPattern(
    "count-casualty-adjective", "count",
    _line(rf"""(?<![\w$£€¥.,/#-])(?P<num>{NUM}|{WORD_NUM})\s+(?P<noun>dead|injured|wounded|missing)\b
              (?!\s+(?!(?:and|or|in|after|on|at|from|when|as|during|while|with)\b)[a-z])
              (?!-)"""),
    _casualty_adjective,
    examples=("the battle left [458 dead], [1,208 wounded] and",
              "815 deaths (with [three missing])",
              "[two dead] and [five injured] in the crash"),
    counterexamples=("two missing children", "in 1805 dead of fever", "three dead ends",
                     "one dead-end street"),
    triggers=("dead", "injured", "wounded", "missing"),
)


_FATE = (r"(?:(?:were|was|had\s+been|have\s+been|are|got)\s+(?:killed|injured|wounded|hurt|"
         r"evacuated|rescued|displaced|arrested|missing|stranded)|died|perished|drowned)")
"""What befalls people in a casualty report: "1,200 died", "400 were injured"."""
_NUMBER_BEFORE_FATE = re.compile(
    rf"(?<![\w$£€¥.,/#-])(?P<num>{NUM}(?:\s+{SCALE_WORD})?|{WORD_NUM})\+?\s+$")
_CASUALTY_REFUSED_BEFORE = frozenset("in since by of from until before after year".split())
_POINTING_BACK = frozenset("the these those its their both".split())


def _casualties(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"Between 400 and 1,200 died", "at least 3,000 were killed", "Nineteen were killed":
    a figure whose verb says it counts people, with no noun of its own."""
    before = _look_back(_NUMBER_BEFORE_FATE, text, match.start(), reach=40)
    if before is None:
        return None
    number = parse_number(before.group("num"))
    if number is None or number < 2:
        return None
    previous = _preceding_word(text, before.start()).lower()
    if previous in _POINTING_BACK:
        return None  # "the two died": those just named, not a count
    if _YEARLIKE.fullmatch(before.group("num")) and previous in _CASUALTY_REFUSED_BEFORE:
        return None  # "in 1906 died the last veteran": a year
    start, end = before.start(), before.end("num")
    return Fact("count", start, end, text[start:end], f"{plain(number)} people",
                "count-casualties", number=number, unit="people",
                number_start=start, number_end=end)


COUNT_CASUALTIES = FactPattern(
    "count-casualties", "count",
    _line(rf"""(?<=\s){_FATE}\b"""),
    _casualties,
    examples=("Between [400] and [1,200] died in the fire", "at least [3,000] were killed",
              "about [12] were injured and [40] were evacuated",
              "In England, 307 people were killed. [Nineteen] were killed in Scotland."),
    counterexamples=("in 1906 died the last veteran", "$5 million was missing",
                     "one died", "the 2 died"),
    triggers=("died", "perished", "drowned", "killed", "injured", "wounded", "hurt",
              "evacuated", "rescued", "displaced", "arrested", "missing", "stranded"),
)


_IMPERIAL_BEFORE = re.compile(r"\b(?:feet|foot|ft|yards?|yd|inches|in)\.?\s*\($")
"""A length in imperial units, its bracket open: '21 feet (' before '6.4 m)'."""


def _metres_in_brackets(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"up to 21 feet (6.4 m)", "75 m (250 ft) deep": a bare "m" is metres only beside a
    bracket that converts the length, or before the height it measures ("5.6 m above sea
    level", "a wall 3 m high"); elsewhere it may be million."""
    if _glued(text, match.start(), "$£€¥.,/-"):
        return None
    converted_after = match.group("after") is not None or match.group("height") is not None
    if not converted_after and _IMPERIAL_BEFORE.search(
            text, max(0, match.start() - 12), match.start()) is None:
        return None
    return _unit_letter_count(match, text, "m", "count-metres")


def _unit_letter_count(match: re.Match[str], text: str, unit: str, pattern: str) -> Fact | None:
    """The figure and one-letter unit of `match` ("6.4 m", "7,500 t") as a measure."""
    number = parse_number(match.group("num"))
    if number is None:
        return None
    end = match.end("unit")
    return Fact("count", match.start(), end, text[match.start():end], f"{plain(number)} {unit}",
                pattern, number=number, unit=unit,
                number_start=match.start(), number_end=match.end("num"))


COUNT_METRES = FactPattern(
    "count-metres", "count",
    _line(rf"""(?P<num>{NUM})(?P<unit>\s?m)
              (?:(?=[);])|(?P<after>(?=\s*\(\s*(?:about\s+)?(?:{NUM}\s+(?:and|to)\s+|{NUM}\s?[–-]\s?)?
                 {NUM}\s?(?:ft|feet|foot|yd|yards?|in)\b))
                 |(?P<height>(?=\s+(?:above|below|high|deep|tall|wide)(?![\w-]))))"""),
    _metres_in_brackets,
    examples=("the ground moved up to 21 feet ([6.4 m]) in places",
              "a wall 10 ft ([3 m]) high", "it lies [75 m] (250 ft) below the sea bed",
              "Highest point: 11,358 feet ([3,462 m]; Eagle Peak)",
              "between 4,900 and [5,200 m] (16,100 and 17,100 ft) high",
              "land up to [5.6 m] above mean sea level", "a wall [3 m] high"),
    counterexamples=("a grant of $21 (6.4 m) was", "a budget (6.4 m)", "sales of $5 m above",
                     "costs of €5 m above plan",
                     "a budget of 75 m (250 people) was", "$75 m (250 ft) was"),
    triggers=("m)", "m (", "m;", "m above", "m below", "m high", "m deep", "m tall", "m wide"),
)


_WEIGHT_UNIT_BEFORE = re.compile(r"\b(?:ounces|oz|pounds|lbs?|tons|short\s+tons|long\s+tons)\.?"
                                 r"\s*\($")
"""A weight in other units, its bracket open: '240,000,000 troy ounces (' before '7,500 t)'."""


def _tonnes_in_brackets(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"240,000,000 troy ounces (7,500 t)": a bare "t" is tonnes only in a bracket that
    converts a weight."""
    if _WEIGHT_UNIT_BEFORE.search(text, max(0, match.start() - 16), match.start()) is None:
        return None
    return _unit_letter_count(match, text, "t", "count-tonnes")


COUNT_TONNES = FactPattern(
    "count-tonnes", "count",
    _line(rf"""(?<![\w$£€¥.,])(?P<num>{NUM})(?P<unit>\s?t)(?=\s*[);])"""),
    _tonnes_in_brackets,
    examples=("about 240,000,000 troy ounces ([7,500 t]) of silver",
              "some 5,000 short tons ([4,536 t]) a year"),
    counterexamples=("it cost 240 dollars (7,500 t)", "the grade (7 t)",
                     "in all (7,500 t)"),
    triggers=("t)", "t;"),
)


def _fraction_of_unit(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"0.93 inch below average", "1.0 inch": a measure under one names its unit in the
    singular, which the plural-seeking count patterns pass over."""
    if _glued(text, match.start(), "$£€¥.,/-"):
        return None
    return _unit_letter_count(match, text, match.group("unit").lower(), "count-fraction-unit")


COUNT_FRACTION_UNIT = FactPattern(
    "count-fraction-unit", "count",
    _line(r"""(?P<num>0?\.\d+|1\.0+)\s(?P<unit>inch|mile|foot|yard|met(?:re|er)|kilomet(?:re|er)|
              centimet(?:re|er)|millimet(?:re|er)|gallon|lit(?:re|er)|acre|hectare|tonne|degree|
              kilogram|ounce)\b(?!-)"""),
    _fraction_of_unit,
    examples=("a total [0.93 inch] below the average", "[1.0 inch] below average",
              "rose [0.5 metre] in a year"),
    counterexamples=("a 0.5 inch-thick plate", "v1.0 mile markers", "$0.5 gallon"),
    triggers=("inch", "mile", "foot", "yard", "metre", "meter", "gallon", "litre", "liter",
              "acre", "hectare", "tonne", "degree", "kilogram", "ounce"),
)


# ------------------------------------------------------------------ figures in ranges and lists

_LAST_JOINT = r"(?:,?\s+(?:and|or|to)\s+|\s?(?:--|[-–])\s?)"
_FIGURE = rf"(?:{NUM}|{WORD_NUM})"
_LAST_FIGURE = re.compile(rf"(?P<n>{_FIGURE})(?P<scale>{SCALE_AFTER_DIGITS})?")
_YEARLIKE = re.compile(r"1\d{3}|20\d\d")


def _last_item(text: str, position: int, kind: str, ctx: Context) -> Fact | None:
    """The fact that the list's last figure, at `position`, states with its noun or unit."""
    for pattern in _LIST_ENDS[kind]:
        search_from = position
        window = min(len(text), position + 200)  # a bounded look: 1 MB stays linear
        while (match := pattern.regex.search(text, search_from, window)) is not None:
            if match.start() > position + 60:
                break
            fact = pattern.build(match, text, ctx)
            if fact is not None and fact.kind == kind and fact.start == position:
                return fact
            search_from = match.start() + 1
    return None


_LIST_GOES_ON = re.compile(rf"{LIST_JOINT}{_FIGURE}\b")


def _range_start(kind: str) -> Callable[[re.Match[str], str, Context], Fact | None]:
    def build(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
        """"43 to 89 million people", "between 20 and 50 per cent", "2, 3 or 4 runners":
        the figures before the last one count the same noun, in the same unit and scale."""
        if _glued(text, match.start(), "$£€¥.,/:–-"):
            return None
        if kind == "percent" and match.group("own"):
            return None  # "rose by 1.7 million or 5.0%": a count, then its share
        previous = _preceding_word(text, match.start())
        if (previous[:1].isupper() and previous.lower() not in FUNCTION_WORDS
                and not _is_sentence_start(text, match.start() - len(previous) - 1)):
            return None  # "Article 5 and 6 ...", "Boeing 737 to 747 ...": names
        written = _LAST_FIGURE.match(text, match.end())
        if written is None or _LIST_GOES_ON.match(text, written.end()):
            return None  # the list's last figure is further on: a later start reads it
        last = _last_item(text, match.end(), kind, ctx)
        if last is None:
            return None
        figures = [match.group("num"), *re.findall(_FIGURE, match.group("rest")),
                   written.group("n")]
        values = [parse_number(figure) for figure in figures]
        if any(v is None for v in values) or (
                _YEARLIKE.fullmatch(figures[0]) and _YEARLIKE.fullmatch(figures[-1])):
            return None  # "between 1990 and 2000 people": years, most likely
        ordered = [v for v in values if v is not None]
        from_to = previous.lower() == "from" and len(ordered) == 2
        if not from_to and ordered != sorted(set(ordered)):
            return None  # "in 2019 and 40 people", "3-1, 2 goals": not one list of figures
        number = ordered[0]
        scale = (written.group("scale") or "").strip()
        if scale and not match.group("own"):
            scaled = parse_number(f"{match.group('num')} {scale}")
            if scaled is None:
                return None
            number = scaled
        if kind in ("count", "money") and last.number is not None and number > last.number * 1000:
            return None
        start, end = match.start("num"), match.end("num") + len(match.group("own") or "")
        unit_key = last.key.split(" ", 1)[-1]
        if kind == "percent":
            key = f"{plain(number)}{'pp' if last.key.endswith('pp') else '%'}"
        elif kind == "money":
            key = f"{last.unit} {plain(number)}"
        else:
            key = f"{plain(number)} {unit_key}"
        return Fact(kind, start, end, text[start:end], key, f"{kind}-in-list", number=number,
                    unit=last.unit, number_start=start, number_end=end)
    return build


_RANGE_START = _line(rf"""(?<![\w$£€¥.,/:–-])(?P<num>{_FIGURE})(?P<own>\s+{SCALE_WORD}\b)?
                       (?P<rest>(?:{LIST_JOINT}{_FIGURE}){ANY_ITEMS})
                       {_LAST_JOINT}(?={_FIGURE})""")


COUNT_IN_LIST = FactPattern(
    "count-in-list", "count", _RANGE_START, _range_start("count"),
    examples=("[43] to [89 million people] were at risk",
              "[2], [3] or [4 runners] shared a lane", "[two] or [three new schools] open",
              "from [1,500] to [2,000 troops]", "between [10] and [12 ships]"),
    counterexamples=("in 2019 and 40 people died", "between 1990 and 2000 people",
                     "the score was 3-1, 2 goals", "under Article 5 and 6 states",
                     "of the 12, 3 passengers", "at 10:30 and 4 people"),
    triggers=("#digit", "#numword"),
)
PERCENT_IN_LIST = FactPattern(
    "percent-in-list", "percent", _RANGE_START, _range_start("percent"),
    examples=("between [20] and [50 per cent] of voters", "fell from [12] to [9%]",
              "[5], [6] or [7 percent] a year"),
    counterexamples=("in 2019 and 40% of them", "between 70 and 20 per cent",
                     "the population increased by 1.7 million or 5.0%"),
    triggers=("%", "per", "pc"),
)
MONEY_IN_LIST = FactPattern(
    "money-in-list", "money", _RANGE_START, _range_start("money"),
    examples=("costs of [20] to [50 million euros]", "between [3] and [4 billion dollars]"),
    counterexamples=("in 1990 and 2000 dollars",),
    triggers=tuple(sorted({word.lower().split()[-1] for word in CURRENCY_WORDS}))
    + tuple(code.lower() for code in CURRENCY_CODES),
)
DURATION_IN_LIST = FactPattern(
    "duration-in-list", "duration", _RANGE_START, _range_start("duration"),
    examples=("between [three] and [five years] of talks", "[8] to [10 weeks] later"),
    counterexamples=("in 2019 and 2 years later", "from 1990 to 2000 years ago"),
    triggers=("year", "month", "week", "day", "decade", "centur", "hour", "minute", "second"),
)
_SOME_WORD = re.compile(r"[a-z]{3}")
_RANGE_AFTER = re.compile(r"\s*(?:[-–]|to\b|and\s+\d)")


def _count_after_list(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"sixteen golds in 2008 and nine in 2012": a bare figure joined to a count before it
    counts that count's noun."""
    start, end = match.span("num")
    if not _IMPLIED_AFTER.match(text, end) or _RANGE_AFTER.match(text, end):
        return None  # "and 12 in" yes; "and 12 to 15", "and 12-15": a range, another pattern
    number = parse_number(match.group("num"))
    if number is None or _YEARLIKE.fullmatch(match.group("num")):
        return None
    lowest = max(0, start - 120)
    if not _SOME_WORD.search(text, lowest, start):
        return None  # no noun before it to count: a bare run of figures
    earlier = None
    for pattern in (COUNT, COUNT_WORDS):
        for candidate in pattern.regex.finditer(text, lowest, start):
            fact = pattern.build(candidate, text, ctx)
            if fact is not None and fact.end <= start and (earlier is None
                                                          or fact.end > earlier.end):
                earlier = fact
    if earlier is None or re.search(r"[.;:!?]|\b(?:than|of|per)\b",
                                    text[earlier.end:start].replace(", and", " and")):
        return None
    between = _LIST_ITEM.sub("", text[earlier.end:start])
    if re.search(rf"(?<![\w.,]){NUM}(?!\s*(?:{MONTH}|BC))|{SMALL_WORD}\b", _blank_years(between)):
        return None  # another figure between: "5 ships, 40% and 3" is not a list of ships
    head = earlier.key.split(" ", 1)[-1]
    return Fact("count", start, end, match.group("num"), f"{plain(number)} {head}",
                "count-in-list", number=number, unit=earlier.unit,
                number_start=start, number_end=end)


_LIST_ITEM = re.compile(
    rf"(?:,|\band)\s+(?:{NUM}|{SMALL_WORD})\s+(?:from|in|for|at|on)\s+[A-Z][^,;\d%]*")
"""', seven from South America': an earlier item of the same list, no other figure."""


def _blank_years(text: str) -> str:
    return re.sub(r"\b(?:1\d{3}|20\d\d)\b", "", text)


COUNT_AFTER_LIST = FactPattern(
    "count-after-list", "count",
    _line(rf"""(?:,|\band|\bor)\s+(?P<num>{NUM}|{WORD_NUM})\b(?![.,]\d)"""),
    _count_after_list,
    examples=("she won [sixteen golds] in 2008 and [nine] in 2012",
              "[12 countries] signed in 1990, and [5] in 1991",
              "[40 people] came in May, and [12] in June",
              "[Thirteen teams], [seven] from Peru, [four] from Europe and [two] from Asia"),
    counterexamples=("40 people died and 2019 was worse", "5 ships sank, and 3 of them",
                     "5 ships, 40% and 3 in May", "12 ships and 10 to 15 boats",
                     "the 3 boats sank and 1 was saved"),
    triggers=("#digit", "#numword"),
)
_ONE_REFUSED_BEFORE = frozenset(
    "no the any every each this that which whichever at in on for by from than".split())
_NOT_COUNTED = frozenset(
    """another other thing things way side hand time point moment stage day night morning
    evening week month year decade century hour minute second more last less least such
    another's reason question part half piece fact person kind sort type because above
    below wrong right alone apiece instead ahead behind away back later earlier now then
    again""".split())
_COUNTED_NEXT_TO = rf"(?:{NUM}|{WORD_NUM})\s+(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*s\b"
_COUNT_JOINED_BEFORE = re.compile(rf"{_COUNTED_NEXT_TO},?\s+(?:and\s+|or\s+)?$")
_COUNT_JOINED_AFTER = re.compile(rf",?\s+(?:and\s+|or\s+)?{_COUNTED_NEXT_TO}")


def _count_of_one(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"1 case, 1 death", "two golds and one silver", "one case among 40 cases": a count of
    one. A digit says it counts; a word ("one", "a single") only where the same noun is
    counted in the sentence or a count stands beside it in a list, since "one day", "one
    of the", "no one" and "one another" count nothing."""
    if _glued(text, match.start(), "$£€¥.,/:-+"):
        return None  # "the P5+1 finalized": a group's name
    num = match.group("num")
    previous = _preceding_word(text, match.start())
    if previous.lower() in ("no.", "no", "number", "#", "top", "page", "chapter", "article",
                            "section", "clause", "resolution", "flight", "route", "room",
                            "tier", "level", "grade", "type", "category", "phase", "stage"):
        return None  # "common equity tier 1 capital ratio": a label, not one ratio
    if (previous[:1].isupper() and previous.lower() not in FUNCTION_WORDS
            and not _is_sentence_start(text, match.start() - len(previous) - 1)
            and not (not num[:1].isdigit() and _is_sentence_start(text, match.start()))):
        return None  # "Article 1 states", "Phase 1 trial": a name with a number in it
    words = match.group("words").split()
    for size in (2, 1):  # "one silver medal" before "one silver"
        if len(words) < size:
            continue
        noun, modifiers = words[size - 1], words[:size - 1]
        if not _countable(noun) or any(m in FUNCTION_WORDS or m in _NOT_COUNTED
                                       or m.endswith("ly") or len(m) < 3 for m in modifiers):
            continue
        end = match.start("words") + match.group("words").index(noun) + len(noun)
        if num == "1":
            return _one(match, text, end, noun)
        if previous.lower() in _ONE_REFUSED_BEFORE:
            return None
        nearby = text[max(0, match.start() - 400):end + 400]
        plurals = plural_forms(noun)
        counted = any(plural in nearby for plural in plurals) and re.search(
            rf"(?:{NUM}|{WORD_NUM})\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{'|'.join(plurals)})\b",
            nearby)
        if counted or _COUNT_JOINED_BEFORE.search(
                text, max(0, match.start() - 60), match.start()) or _COUNT_JOINED_AFTER.match(
                text, end):
            return _one(match, text, end, noun)
    return None


def _countable(noun: str) -> bool:
    """A singular noun that may be counted: not a function word, time unit, scale,
    currency or adverb."""
    return not (noun in FUNCTION_WORDS or noun in _NOT_COUNTED or noun in UNIT_SINGULAR.values()
                or noun in UNITS or noun in TENS
                or len(noun) < 3 or noun.endswith("ly") or _is_plural_noun(noun)
                or noun in CURRENCY_WORDS or noun in SCALES
                or noun in ("percent", "cent", "per"))


def _one(match: re.Match[str], text: str, end: int, noun: str) -> Fact:
    start = match.start()
    return Fact("count", start, end, text[start:end], f"1 {noun}", "count-one",
                number=Decimal(1), unit=noun,
                number_start=match.start("num"), number_end=match.end("num"))


COUNT_ONE = FactPattern(
    "count-one", "count",
    _line(r"""(?P<num>\b1|(?<![\w-])(?:[Oo]ne|(?:[Aa]|[Oo]nly|[Jj]ust)\s+(?:single|one)))
              (?P<words>(?:\s+[a-z][a-z'’-]*){1,2})"""),
    _count_of_one,
    examples=("Nigeria: [1 case], [1 death]", "she won two golds and [one silver]",
              "[one case] was found among the 40 cases", "[a single death] and four deaths",
              "three gold medals and [one silver medal]"),
    counterexamples=("one of the leaders", "the P5+1 leaders asserted", "it rained one day",
                     "no one came",
                     "they helped one another", "Article 1 states", "No. 1 seed",
                     "one looming question", "in one case the nurses fled, 40 cases",
                     "a single currency", "1 in 5 people", "at 1 pm", "1 million people",
                     "one more time", "won by 1 percent", "below 1 because",
                     "two lists one above the other", "its common equity tier 1 capital ratio"),
    triggers=("1", "one", "single"),
)
def _one_of(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"with at least one of the depositary governments": a count of one, where "at least",
    "only" or "exactly" makes the one a figure ("one of the leaders" only singles one out)."""
    noun = match.group("noun")
    if not _counted_noun(noun):
        return None
    start, end = match.start("num"), match.end("num")
    return Fact("count", start, end, text[start:end], f"1 {noun}", "count-one-of",
                number=Decimal(1), unit=noun, number_start=start, number_end=end)


COUNT_ONE_OF = FactPattern(
    "count-one-of", "count",
    _line(r"""\b(?:(?:[Aa]t\s+least|[Oo]nly|[Ee]xactly|[Jj]ust)\s+(?=one\b)|(?=[Oo]ne\s+or\s+more\b))
              (?P<num>[Oo]ne)(?:\s+or\s+more)?\s+of\s+
              (?:the|its|their|our|his|her|these|those)\s+(?:[a-z][\w-]*\s+){0,2}
              (?P<noun>[a-z][\w-]*s)\b"""),
    _one_of,
    examples=("deposit them with at least [one] of the depositary governments",
              "only [one] of the three ships returned",
              "about half have at least [one] of these three risk factors",
              "inventions made by [one] or more of the numerous employees"),
    counterexamples=("one of the leaders said", "at least one of the years",
                     "at least one of us"),
    triggers=("one of", "one or more"),
)


_LIST_ENDS: dict[str, tuple[FactPattern, ...]] = {
    "count": (COUNT, COUNT_WORDS, COUNT_CASUALTIES, COUNT_RATE), "percent": (PERCENT,),
    "money": (MONEY_WORDS, MONEY_CODE),
    "duration": (DURATION,),
}


# ------------------------------------------------------------------ treaties

WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
TREATY_WORD = (r"(?:Treat(?:y|ies)|Agreements?|Pacts?|Accords?|Conventions?|Protocols?|Charter"
               r"|Amendments?|(?<=Joint\s)Declaration|(?<=General\s)Act|Partnership"
               r"|(?:(?<=Joint\s)|(?<=Comprehensive\s))Plan\s+of\s+Action)")
TREATY_WORD_LOWER = (r"(?:treat(?:y|ies)|agreements?|pacts?|accords?|conventions?|protocols?"
                     r"|amendments?)")
CAP_WORD = r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž](?:[^\W_]|['’.])*(?:[-–][^\W_]+)*)"
"""A capitalised word in any Latin script: "Osnabrück", "Münster", "Ōsaka"."""
CAP_SEQUENCE = (
    rf"{CAP_WORD}(?:\s+(?:(?:of|on|for|and|the|de|&|in\s+the)\s+)*{CAP_WORD})*"
    rf"(?:(?:,\s+{CAP_WORD}(?:\s+{CAP_WORD})*)*,?\s+and\s+{CAP_WORD}(?:\s+{CAP_WORD})*)?"
)


# Capitalised words (or years) before the keyword, where two may be joined by "and":
# "the Stability and Growth Pact", "the 1951 Mutual Defense Treaty".
_PREMODIFIERS_BEFORE = re.compile(
    rf"(?<![\w'’-])(?:(?:{CAP_WORD}|{YEAR})(?:\s+(?:and|&)\s+{CAP_WORD})?\s+){{1,6}}$"
)


def _describes(word: str, keyword: str = "Treaty") -> bool:
    """A capitalised word that describes or counts treaties rather than naming one: "the
    Russian-Chinese treaty" names none, but "the British-Irish Agreement" does."""
    counted = parse_number(word) is not None and not re.fullmatch(r"1\d{3}|20\d\d", word)
    if keyword[:1].isupper():
        return counted or word.lower() in GENERIC_MODIFIERS
    return counted or _generic(word.lower())


_NAME_HEAD_BEFORE = re.compile(
    rf"(?<![\w'’-])((?:{CAP_WORD}\s+){{0,2}}{CAP_WORD})\s+of\s+(?:the\s+)?$")
"""The head of a name the keyword ends: "League of Nations Treaty", "Worst Forms of Child
Labour Convention"."""
_SECOND_NAME = re.compile(rf"\s*(?:,|,?\s+and|\s+&)\s+(?:the\s+)?{TREATY_WORD}\b")


_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w'’-]*)")


def _possessive_name(text: str, match: re.Match[str], tokens: list[str]) -> Fact | None:
    """"Jay's Treaty", "Pinckney's Treaty": a capitalised keyword right after a capitalised
    possessive is named after a person. Other possessives only end the part before a
    name ("Britain's Good Friday Agreement"), so this takes the possessive alone before
    the keyword, and not where the keyword qualifies a noun ("Britain's Treaty rights")."""
    keyword = match.group("kw")
    if not tokens or match.group("comp") or not keyword[0].isupper():
        return None
    possessor = tokens[-1]
    if not (possessor[:1].isupper() and possessor.endswith(("'s", "’s")) and len(possessor) > 3):
        return None
    following = _WORD_AFTER.match(text, match.end())
    if following and (following.group(1)[0].isupper() or _is_plural_noun(following.group(1))):
        return None  # "Jay's Treaty Series", "Britain's Treaty obligations"
    start = text.rindex(possessor, 0, match.start("kw"))
    name = text[start:match.end()]
    return Fact("treaty", start, match.end(), name, treaty_key(name), "treaty-name")


_CAPITAL_AFTER = re.compile(r"\s+[A-Z][a-z]")
_DEFINITE_BEFORE = re.compile(r"(?:\b[Tt]he\s+(?:(?:peace|famous|so-called|first|second|final|"
                              r"later|earlier|secret)\s+)?|\b(?:result\s+of|by|under)\s+)$")
"""'the treaty of Westphalia', 'as a result of treaty of Nerchinsk': a particular treaty."""


def _definite_before(text: str, start: int) -> bool:
    return _DEFINITE_BEFORE.search(text, max(0, start - 30), start) is not None


_SYSTEM_AFTER = re.compile(r"\s+System\b")
"""' System' after a treaty word: the Antarctic Treaty System names the treaties as a set."""
_TO_ANOTHER = re.compile(rf"\s+to\s+(?:the\s+)?(?:{CAP_WORD}\s+){{0,8}}{TREATY_WORD}\b")
"""A complement 'to the … Convention' that names the treaty an instrument amends or adds to."""
_PROPOSERS = frozenset("senate house congress parliament assembly council committee government "
                       "opposition cabinet".split())
_TREATY_IN_SENTENCE = re.compile(r"\b(?:[Pp]rotocol|[Cc]onvention|[Tt]reaty|[Cc]harter|[Aa]ccord)")


def _treaty_amendment(text: str, tokens: list[str], at: int) -> bool:
    """An amendment is a treaty's ("the Doha Amendment to the Kyoto Protocol") when one
    capitalised name stands before it, no ordinal, and a treaty is named within 200
    characters (a bounded look: a sentence of thousands stays linear); otherwise it is a
    constitution's or a law's ("the Fifth Amendment")."""
    if len(tokens) != 1 or tokens[0].lower() in ORDINALS or _describes(tokens[0]):
        return False
    if tokens[0].lower() in _PROPOSERS:
        return False  # "the Senate amendment to the treaty" is a body's proposal
    return _TREATY_IN_SENTENCE.search(text, max(0, at - 200), at + 200) is not None


_TRADE_PARTNERSHIP = frozenset(
    "Trans-Pacific Transpacific Trans-Atlantic Transatlantic Economic Trade Investment "
    "Comprehensive".split())
"""Words that make a Partnership a trade or economic agreement's name."""
_ABBREVIATION_AFTER = re.compile(r"\s*\([A-Z]{2,}")
"""' (USMCA)': a formal title 'Agreement between …' given its own abbreviation."""


def _named_treaty(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    before = _look_back(_PREMODIFIERS_BEFORE, text, match.start("kw"), reach=120)
    start = before.start() if before else match.start("kw")
    premod = before.group() if before else ""
    tokens = premod.split()
    named = _possessive_name(text, match, tokens)
    if named is not None:
        return named
    # Drop sentence openers and function words before the name: "The Paris Agreement".
    while tokens and (tokens[0].lower() in LEADING_WORDS or tokens[0].lower().endswith(
            ("'s", "’s"))):
        start = text.index(tokens[0], start) + len(tokens[0])
        tokens = tokens[1:]
    # A possessive inside ends the part before it: "Britain's Good Friday Agreement".
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index].endswith(("'s", "’s")):
            tokens = tokens[index + 1:]
            break
    complement = match.group("comp")
    keyword = match.group("kw")
    end = match.end()
    if complement and complement[-1].isdigit() and (keyword[0].islower() or tokens):
        # "the Convention of 1818" is a name; in "the Kyoto Protocol of 1997" the year
        # only dates it, and "a treaty of 1818" names nothing
        complement, end = None, match.start("comp")
        if not tokens:
            return None
    if complement and complement.lstrip().startswith("between") and not _ABBREVIATION_AFTER.match(
            text, match.end()):
        # "the British-Irish Agreement between the UK and Ireland" is named before "between";
        # "an Agreement between the United States and Mexico" names none
        complement, end = None, match.start("comp")
        if not tokens:
            return None
    if not tokens and not complement:
        return None
    if any(t.lower() in NOT_TREATY_PREFIXES and (t.lower() != "labour" or index == 0)
           for index, t in enumerate(tokens)):
        return None  # "the Democratic National Convention", "the Labour convention" (a
        # party's); "the Worst Forms of Child Labour Convention" is a treaty
    if not complement and tokens and all(_describes(t, keyword) for t in tokens):
        return None  # "the Unequal Treaties", "the American treaty", "Three treaties": no name
    if keyword[0].islower() and not any(t[:1].isupper() for t in tokens) and not (
            complement and _definite_before(text, match.start("kw"))):
        return None  # lower-case forms are left to the common-noun pattern, but "the
        # treaty of Westphalia" names the Treaty of Westphalia
    if keyword.lower().startswith("amendment") and not _treaty_amendment(
            text, tokens, match.start("kw")):
        return None  # "the Fifth Amendment", "the Equal Rights Amendment": a constitution's
    if keyword == "Partnership" and not _TRADE_PARTNERSHIP.intersection(tokens):
        return None  # "the Eastern Partnership" is a programme; "Trans-Pacific" a trade pact
    system = _SYSTEM_AFTER.match(text, end) if not complement else None
    if system is not None:
        end = system.end()  # "the Antarctic Treaty System": a set of treaties named as such
    elif not complement and _CAPITAL_AFTER.match(text, end):
        return None  # "League of Nations Treaty Series", "North Atlantic Treaty Organization"
    lowest = before.start() if before else match.start("kw")
    start = match.start("kw")
    for token in reversed(tokens):
        start = text.rindex(token, lowest, start)
    head = _NAME_HEAD_BEFORE.search(text, max(0, start - 60), start) if tokens else None
    if head is not None:
        words = list(re.finditer(r"\S+", head.group(1)))
        leading = [i for i, word in enumerate(words) if word.group().lower() in LEADING_WORDS]
        words = words[leading[-1] + 1:] if leading else words
        if words:  # "League of Nations Treaty", not the cut-off "Nations Treaty"
            start = head.start(1) + words[0].start()
    if complement:
        second = _SECOND_NAME.search(text, match.start("comp"), end)
        if second is not None:
            end = second.start()  # "the Treaty of Aigun and the Convention of Peking": two
        if _TO_ANOTHER.match(complement):
            end = match.end("kw")  # "the Lisbon Protocol to the Geneva Convention": two
    if text[end - 1] == "." and not re.search(r"(?:[A-Z]\.){2,}$", text[start:end]):
        end -= 1  # the sentence's full stop, not part of the name
    name = text[start:end]
    return Fact("treaty", start, end, name, treaty_key(name), "treaty-name")


TREATY_NAME = FactPattern(
    "treaty-name", "treaty",
    _line(rf"""(?<![\w-])(?P<kw>{TREATY_WORD}|{TREATY_WORD_LOWER}|Peace(?=\s+of\s+[A-ZÀ-ÖØ-Þ]))\b
              (?P<comp>\s+(?:of|on|for|to|against|[Cc]oncerning|[Bb]etween|Relating\s+to)\s+(?:the\s+)?
              (?!(?:{MONTH}|{WEEKDAY})\b)
              (?:{CAP_SEQUENCE}|(?<=of\s)1[5-9]\d\d\b(?![-–]\d)))?"""),
    _named_treaty,
    examples=(
        "the [Treaty of Friendship, Commerce, and Navigation], which expired",
        "the [Molotov–Ribbentrop Pact] of 1939", "the [Treaty of Versailles] ended",
        "The [Paris Agreement] set", "under the [Good Friday Agreement] power",
        "the [New START treaty] expires", "the [Minsk accords] failed",
        "the [Geneva Conventions] protect", "the [UN Charter] says",
        "Britain's [Good Friday Agreement]", "the [Kyoto Protocol] of 1997",
        "the [Montreal protocol] was signed in 1987, the [Kigali amendment] to it in 2016",
        "under the [1951 Mutual Defense Treaty] between",
        "to rewrite the [Stability and Growth Pact] rules",
        "concluded the [Sino-British Joint Declaration on the Question of Hong Kong] in 1984",
        "replaced the [Treaty of Nanking] and the [Treaty of the Bogue] in 1844",
        "under the [Treaty of Aigun] and [Convention of Peking] terms",
        "the [League of Nations Treaty] was cited",
        "known as the [Worst Forms of Child Labour Convention], it was",
        "finalized a [Joint Comprehensive Plan of Action] (JCPOA) on",
        "the interim [Joint Plan of Action] of 2013",
        "[Jay's Treaty] averted war in 1794", "under [Pinckney’s Treaty], Spain opened",
        "after [Jay's Treaty], [Pinckney's Treaty] followed",
        "the [Treaty Concerning the Permanent Neutrality and Operation of the Panama Canal]",
        "the [Treaty Between the United States and Panama] of 1903",
        "the [treaty of Westphalia] was signed in 1648",
        "in the [Convention of 1818] the two agreed",
        "as a result of [treaty of Nerchinsk] of 1689",
        "the [Peace of Westphalia] ended the war; the [Treaty of Münster] and the "
        "[Treaty of Osnabrück] made it",
        "it grew out of the [Trans-Pacific Partnership] talks",
        "the [British-Irish Agreement] between the two governments",
        "the [General Act of Berlin] was signed in 1885",
        "The [Agreement between the United States of America, Mexico, and Canada] (USMCA) is",
        "the [Treaty on Principles Governing the Activities of States in the Exploration and "
        "Use of Outer Space] took effect",
        "1778: [Treaty of Alliance] with France enabled the republic",
        "the peace [treaty of Brest-Litovsk] ended Russia's war",
    ),
    counterexamples=("the Eastern Partnership began",
                     "an Agreement between the United States and Mexico was signed",
                     "The treaty was signed.", "the Democratic National Convention",
                     "printed in The League of Nations Treaty Series",
                     "the North Atlantic Treaty Organization met",
                     "the Declaration of Independence",
                     "Agreement was reached on Monday.", "a new Honda Accord",
                     "the first of the Unequal Treaties", "the equivalent American treaty",
                     "the Sino-Soviet treaty lapsed", "Three treaties were signed",
                     "the country's Treaty was", "Britain's Treaty obligations grew",
                     "Jay's treaty was", "Jay's Treaty Series", "a treaty of Britain's making",
                     "signed a treaty of friendship", "the treaty of 1648",
                     "the Senate's amendment to the budget", "a protocol of the police",
                     "the Senate amendment to the treaty failed"),
    triggers=("treat", "agreement", "pact", "accord", "convention", "protocol", "charter",
              "declaration", "peace of", "partnership", "general act", "plan of action"),
)


_MODIFIERS_BEFORE = re.compile(r"(?<![\w'’-])(?:[A-Za-z0-9][\w'’-]*,?\s+){1,4}$")


_PREDICATE_BEFORE = re.compile(r"\b(?:is|was|are|were)\s+(?:a|an)\s+$", re.IGNORECASE)


_AGREEING_VERBS = frozenset(
    "reach reached reaching sign signed signing strike struck seal sealed conclude concluded "
    "negotiate negotiated renegotiated ratify ratified".split())


def _common_treaty(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    before = _look_back(_MODIFIERS_BEFORE, text, match.start("kw"), reach=100)
    if before is None:
        return None
    tokens = list(re.finditer(r"[^\s,]+", before.group()))
    # Keep the modifiers after the last function word: "any type of [defence treaty]".
    for index in range(len(tokens) - 1, -1, -1):
        word = tokens[index].group().lower()
        if word in FUNCTION_WORDS or word in LEADING_WORDS or word.endswith(("'s", "’s")):
            tokens = tokens[index + 1:]
            break
    for index in range(len(tokens) - 1, -1, -1):  # "In 2023, agreement was reached": a comma
        if "," in before.group()[tokens[index].end():match.start("kw") - before.start()]:
            tokens = tokens[index + 1:]  # ends the modifiers
            break
    if not tokens or tokens[-1].group().lower() in _AGREEING_VERBS:
        return None  # "they reached agreement", "signed agreements": no name
    named = [t for t in tokens if t.group()[:1].isupper() and not _is_sentence_start(
        text, before.start() + t.start()) and _char_before(text, before.start() + t.start()) != "|"]
    if match.group("kw").lower().endswith("s") and not named:
        return None  # "a number of smaller agreements", "free-trade agreements", "Type |
        # Amends existing treaties": a kind
    if match.group("kw").lower().startswith("deal"):
        return _deal(match, text, before, tokens, [t.group().lower() for t in tokens])
    # Leading vague words are not part of the name: "the last [arms-control agreement]".
    while tokens and _generic(tokens[0].group().lower()):
        tokens = tokens[1:]
    if not tokens:
        return None
    lowered = [t.group().lower() for t in tokens]
    if all((parse_number(m) is not None and not re.fullmatch(r"1\d{3}|20\d\d", m))
           or m in GENERIC_MODIFIERS for m in lowered):
        return None  # "two (complementary) treaties" counts treaties; it names none
    if _PREDICATE_BEFORE.search(text, max(0, before.start() + tokens[0].start() - 30),
                                before.start() + tokens[0].start()):
        return None  # "X was an 1858 treaty between …" says what X is; it names nothing new
    if all(_generic(m) for m in lowered):
        return None
    if any(m in CONTRACT_MODIFIERS or m in NOT_TREATY_PREFIXES for m in lowered):
        return None
    if any(re.fullmatch(r"[$£€¥]?[\d.,]+(?:bn|m|k|tn)?", m)
           and not re.fullmatch(r"1\d{3}|20\d\d", m) for m in lowered):
        return None  # "a £350m deal" is a figure, not a treaty's name
    start = before.start() + tokens[0].start()
    name = text[start:match.end()]
    return Fact("treaty", start, match.end(), name, treaty_key(name), "treaty-common")


def _generic(word: str) -> bool:
    """A modifier any treaty could have: "peace", "Soviet", "Russian-Chinese"."""
    return word in GENERIC_MODIFIERS or (
        "-" in word and all(part in GENERIC_MODIFIERS for part in word.split("-")))


def _deal(match: re.Match[str], text: str, before: re.Match[str],
          tokens: list[re.Match[str]], lowered: list[str]) -> Fact | None:
    """"a peace deal", "the grain deal": a deal is a treaty only with a telling modifier."""
    if not any(m in DEAL_MODIFIERS for m in lowered):
        return None
    if any(m in CONTRACT_MODIFIERS or m in NOT_TREATY_PREFIXES for m in lowered):
        return None
    start = before.start() + tokens[0].start()
    name = text[start:match.end()]
    return Fact("treaty", start, match.end(), name, treaty_key(name), "treaty-common")


TREATY_COMMON = FactPattern(
    "treaty-common", "treaty",
    _line(r"""(?<![\w-])(?P<kw>treaty|treaties|agreement|agreements|pact|pacts|accord|accords|deal|deals)
              \b"""),
    _common_treaty,
    examples=("Moscow expects a [comprehensive strategic partnership treaty] soon",
              "pulled out of a [1961 treaty] between", "signed a [free-trade agreement]",
              "in 2019, a [free-trade agreement] was signed",
              "any type of [defence treaty] is", "a [peace deal] was"),
    counterexamples=("a new, vaguer, treaty", "the treaty lapsed", "a broad agreement",
                     "In 2023, agreement was reached", "the coalition agreement",
                     "signed a plea agreement", "the deal was sealed", "a £350m deal",
                     "one of the peace treaties", "to conclude the peace treaty",
                     "the first of the unequal treaties", "a supplementary agreement",
                     "the equivalent American treaty",
                     "a trade treaty with the Qing",
                     "The pact was an 1858 treaty between two empires",
                     "the signing of two complementary treaties",
                     "the Russian-Chinese treaty was signed",
                     "they reached agreement in January",
                     "the Nine-Power Treaty and a number of smaller agreements",
                     "a product of an Anglo-French government treaty",
                     "the development agreement between the two"),
    triggers=("treat", "agreement", "pact", "accord", "convention", "protocol", "charter", "deal"),
)


def _bracketed_acronym(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"the Strategic Offensive Reductions Treaty (SORT)": the abbreviation given in brackets
    after a treaty's name is a name too (`acronyms.py` then finds its other mentions)."""
    if match.group("acr") in NOT_TREATY_ACRONYMS:
        return None
    start, end = match.start("name"), match.end("name")
    name = text[start:end]
    return Fact("treaty", start, end, name, treaty_key(name), "treaty-acronym")


TREATY_ACRONYM = FactPattern(
    "treaty-acronym", "treaty",
    _line(rf"""{BRACKETED_AFTER_NAME}
              (?P<name>(?P<acr>[A-Z]{{3,8}})(?:[-\s](?:III|II|IV|I|V|\d))?)\)"""),
    _bracketed_acronym,
    examples=("the Strategic Offensive Reductions Treaty ([SORT]) was signed in 2002",
              "the Strategic Arms Reduction Treaty ([START I]) expired",
              "the Strategic Arms Reduction Treaty ([SNV-III]) expired",
              "the Framework Convention on Forest Protection ([FCFP]) binds 40 states",
              "the Arctic Treaty System ([ARTS]) governs", "the Lima Protocol ([LIMP]) came"),
    counterexamples=("the Bureau of Statistics (BNS) said", "the alliance (NATO) met",
                     "the North Atlantic Treaty Organization (NATO) met", "the Treaty (UN)",
                     "the treaty (СНВ-III) expired"),
    triggers=("(",),
)


_FOREIGN_WORD = (r"(?:Traités?|Tratados?|Trattati|Trattato|Tratatul|Traktat|Verdrag|Vertrag|"
                 r"Friedensvertrag|Abkommen|Acuerdos?|Accordo|Acordo|Pacto|Pacte|Tiriti|"
                 r"Accord(?=\s+d[eu]\s))")
_FOREIGN_LINK = r"(?:de\s+la|de\s+l'|de|du|des|di|del|della|von|van|da|do|dos|das|zu|at|a|o)"
_FOREIGN_ARTICLE = r"(?:(?:Le|La|Les|El|Los|Il|Der|Die|Das|Te)\s+)?"
"""The language's own article, part of the name: Māori "Te Tiriti o …", French "Le Traité …"."""


def _foreign_treaty(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"(French: Traité de Versailles)", "Tratados Torrijos-Carter": a treaty's name in
    another language written in Latin script, a treaty word of that language before a
    capitalised name. The Cyrillic "СНВ-III" is not read."""
    name = match.group().rstrip(".")
    return Fact("treaty", match.start(), match.start() + len(name), name, treaty_key(name),
                "treaty-foreign")


TREATY_FOREIGN = FactPattern(
    "treaty-foreign", "treaty",
    _line(rf"""(?<![\w-]){_FOREIGN_ARTICLE}{_FOREIGN_WORD}(?:\s+{_FOREIGN_LINK})?\s*
              [A-ZÀ-Þ][\w'’.À-ÿ]*(?:[-–][A-ZÀ-Þ][\w'’À-ÿ]*)*
              (?:\s+(?:(?:et|y|e|und|en|and)\s+)?(?:[dl]['’])?[A-ZÀ-Þ][\w'’À-ÿ]*(?:[-–][A-ZÀ-Þ][\w'’À-ÿ]*)*){{0,3}}"""),
    _foreign_treaty,
    examples=("The Treaty of Versailles (French: [Traité de Versailles]) was",
              "(Spanish: [Tratados Torrijos-Carter]) are two treaties",
              "(German: [Vertrag von Versailles]) ended", "the [Tratado de Tordesillas] of 1494",
              "the [Traité de Paix et d'Amitié] was",
              "the Treaty of Kororāreka (Māori: [Te Tiriti o Kororāreka]) was",
              "The Paris Agreement (French: [Accord de Paris]) is"),
    counterexamples=("the word tratado means treaty", "a vertrag is a contract",
                     "the Pacto was", "the tiriti was read aloud"),
    triggers=("trait", "tratad", "trattat", "tratatul", "traktat", "verdrag", "vertrag",
              "abkommen", "acuerdo", "accordo", "acordo", "pacto", "pacte", "tiriti",
              "accord d"),
)


def _formal_title(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
    """"Agreement between the Governments of … on the gradual abolition of checks at their
    common borders": a treaty series title, named by its parties and its subject."""
    name = match.group("name")
    start = match.start("name")
    return Fact("treaty", start, start + len(name), name, treaty_key(name), "treaty-formal")


TREATY_FORMAL_TITLE = FactPattern(
    "treaty-formal", "treaty",
    _line(r"""(?:^|(?<=[Tt]he\s)|(?<=\|\s))
              (?P<name>(?:Agreement|Treaty|Convention|Protocol|Accord)\s+between\s+the\s+
              Governments?\s+of\s+[^|\n;()]{3,300}?\s+
              (?:on|concerning|regarding|relating\s+to|for\s+the)\s+[^|\n;()]{3,200}?)
              (?=\s*(?:\||\n|$|\(|[.;]\s|[.;]$)|\s+(?:was|were|is|are|has|had|entered|came|
              took|which|that)\b|,\s)"""),
    _formal_title,
    examples=(
        "[Agreement between the Governments of the States of the Benelux Economic Union, the "
        "Federal Republic of Germany and the French Republic on the gradual abolition of "
        "checks at their common borders] |",
        "The [Agreement between the Government of Canada and the Government of the United "
        "States of America on Air Quality] was signed in 1991.",
    ),
    counterexamples=("an agreement between the governments of France and Spain on fishing",
                     "the Agreement between the United States and Mexico on water was"),
    triggers=("between the government",),
)


def _whole_match_named(pattern: str) -> Callable[[re.Match[str], str, Context], Fact | None]:
    """A builder for patterns whose whole match is a treaty's name, as written."""
    def build(match: re.Match[str], text: str, ctx: Context) -> Fact | None:
        name = match.group()
        return Fact("treaty", match.start(), match.end(), name, treaty_key(name), pattern)
    return build


TREATY_PURPOSE = FactPattern(
    "treaty-purpose", "treaty",
    _line(r"""(?<![\w-])(?:Treaty|Convention|Agreement|Protocol)\s+
              (?:establishing|concerning|amending|instituting|creating|founding|relating\s+to)\s+
              (?:(?:the|a|an)\s+)?(?:[a-z]+\s+(?:of|for)\s+(?:(?:the|a|an)\s+)?)?
              [A-Z][\w'’-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w'’-]*)*"""),
    _whole_match_named("treaty-purpose"),
    examples=("amended the [Treaty establishing the European Community] in 2007",
              "the 1874 [Treaty concerning the formation of a General Postal Union] was"),
    counterexamples=("the treaty establishing the court", "a Treaty concerning fishing rights"),
    triggers=("establishing", "concerning", "amending", "instituting", "creating", "founding",
              "relating to"),
)


TREATY_ROMANISED = FactPattern(
    "treaty-romanised", "treaty",
    _line(r"""(?<![\w-])(?:[A-Z][a-zāēīōū'’-]+\s+){1,3}J(?:ō|o|ou)yaku\b"""),
    _whole_match_named("treaty-foreign"),
    examples=("(Japanese: 下関条約, Hepburn: [Shimonoseki Jōyaku]) was",
              "(Hepburn: [Nichibei Washin Jōyaku], \"Japan–US Treaty\")"),
    counterexamples=("the word jōyaku means treaty", "Hepburn: Jōyaku"),
    triggers=("yaku",),
)


# "ILO Convention No 182", "Convention No. 138": a body's conventions go by number.
TREATY_NUMBERED = FactPattern(
    "treaty-numbered", "treaty",
    _line(r"""(?<![\w-])(?:[A-Z]{2,8}\s+)?(?:Convention|Treaty|Protocol)\s+No\.?\s?\d{1,4}\b"""),
    _whole_match_named("treaty-numbered"),
    examples=("adopted in 1999 as [ILO Convention No 182]. It is",
              "By ratifying this [Convention No. 182], a country"),
    counterexamples=("the convention no. 182 of the list", "Convention Centre No. 5",
                     "Treaty Number 6"),
    triggers=("no",),
)


# ------------------------------------------------------------------ registry

PATTERNS: tuple[FactPattern, ...] = (
    MONEY_SYMBOL, MONEY_CODE, MONEY_WORDS, MONEY_CRORE, MONEY_RANGE_END,
    PERCENT, PERCENT_POINTS,
    DATE_DAY_MONTH, DATE_MONTH_DAY, DATE_MONTH_YEAR, DATE_ISO, DATE_NUMERIC,
    DATE_DAY_LIST, DATE_DAY_AFTER_LIST, DATE_MONTH_LIST,
    DATE_RELATIVE_MONTH, DATE_MONTH_NOUN, DATE_MONTH_SUPERLATIVE, DATE_QUALIFIED_YEAR,
    DATE_QUARTER_CODE, DATE_DECADE,
    DATE_CENTURY, DATE_YEAR,
    DATE_SHORT_RANGE, DATE_BC, DATE_AD, DATE_SHORT_DECADE,
    DURATION, DURATION_ARTICLE, DURATION_PERIOD, DURATION_PART, AGE, AGE_APPOSITIVE,
    AGE_AVERAGE, AGE_RANGE_END, AGE_CLAUSE, AGE_SUPERLATIVE,
    COUNT, COUNT_WORDS, COUNT_PART, COUNT_IMPLIED, COUNT_NUMBER_OF, COUNT_CHANGE,
    COUNT_CHANGE_ENDS, COUNT_RIVAL, COUNT_OUT_OF, COUNT_OUT_OF_WHOLE, COUNT_VOTE,
    COUNT_MAJORITY, COUNT_HYPHEN_MEASURE, COUNT_APPOSED, COUNT_LISTED_FROM, COUNT_SCORE,
    COUNT_ARE, COUNT_WON, COUNT_BEFORE_SHARE, COUNT_DENSITY, COUNT_SCIENTIFIC, COUNT_TEMPERATURE,
    COUNT_PER_PERIOD, COUNT_RATE, COUNT_HYPHEN, COUNT_SIDE,
    COUNT_OF_GROUP,
    COUNT_BARE_RANGE,
    COUNT_OF_THOSE, COUNT_PARALLEL, COUNT_MORE, COUNT_BACK_REFERENCE, COUNT_UP_FROM,
    COUNT_SIGNED_CHANGE,
    COUNT_BRACKETED_ITEMS, COUNT_NAMED_ITEMS, COUNT_QUOTED, COUNT_BRACKETED_NOUN,
    COUNT_MEDAL_COLOUR,
    COUNT_COLLECTIVE, COUNT_CASUALTY_ADJECTIVE,
    COUNT_CASUALTIES,
    COUNT_METRES, COUNT_TONNES, COUNT_TIMES, COUNT_FRACTION_UNIT,
    COUNT_POPULATION,
    COUNT_IN_LIST, PERCENT_IN_LIST, MONEY_IN_LIST, DURATION_IN_LIST, COUNT_AFTER_LIST,
    COUNT_ONE, COUNT_ONE_OF,
    TREATY_NAME, TREATY_COMMON, TREATY_ACRONYM, TREATY_FOREIGN, TREATY_FORMAL_TITLE,
    TREATY_ROMANISED, TREATY_NUMBERED, TREATY_PURPOSE,
)
