"""The words news text uses for numbers, months, scales and currencies: one copy of each.

The dictionaries turn a written word into a value (`values.py` reads them); the regex
building blocks below are derived from the same dictionaries, so a currency or a month
added here is both recognised by the patterns and understood by the parser.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..models import MONTHS

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}
SCALES = {
    "hundred": Decimal(100),
    "thousand": Decimal(1000), "k": Decimal(1000),
    "million": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "m": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "b": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12, "trn": Decimal(10) ** 12,
    "lakh": Decimal(10) ** 5, "crore": Decimal(10) ** 7,
}
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
                       "Nov", "Dec")
MONTH_NUMBERS = {
    **{name.lower(): number for number, name in enumerate(MONTHS, start=1)},
    **{abbr.lower(): next(n for n, name in enumerate(MONTHS, start=1) if name.startswith(abbr[:3]))
       for abbr in MONTH_ABBREVIATIONS},
}

CURRENCY_SYMBOLS = {
    "us$": "USD", "$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD",
    "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "r$": "BRL", "£": "GBP", "€": "EUR", "¥": "JPY",
    "₹": "INR", "₩": "KRW", "₽": "RUB", "rs": "INR", "rs.": "INR",
}
CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "CHF", "RMB", "INR", "AUD", "CAD", "KRW",
                  "RUB", "HKD", "NZD", "SGD", "BRL", "MXN", "ZAR", "TRY", "SEK", "NOK", "DKK",
                  "PLN", "CZK", "HUF", "RON", "BGN", "MDL", "UAH", "KZT", "ILS", "SAR", "AED",
                  "QAR", "EGP", "NGN", "KES", "PKR", "BDT", "LKR", "IDR", "MYR", "THB", "VND",
                  "PHP", "TWD", "KPW", "ARS", "CLP", "COP", "PEN", "DEM", "DM", "GHS", "ZMW",
                  "ETB")
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "US dollar": "USD", "US dollars": "USD",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "euro": "EUR", "euros": "EUR", "Euro": "EUR", "Euros": "EUR",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "rupee": "INR",
    "rupees": "INR", "won": "KRW", "franc": "CHF", "francs": "CHF",
    "lei": "RON", "leu": "RON", "forint": "HUF", "forints": "HUF", "zloty": "PLN",
    "zlotys": "PLN", "zlotych": "PLN", "koruna": "CZK", "korunas": "CZK",
    "lira": "TRY", "liras": "TRY", "rand": "ZAR", "naira": "NGN", "shekels": "ILS",
    "hryvnias": "UAH", "hryvnia": "UAH", "tenge": "KZT", "baht": "THB", "ringgit": "MYR",
    "rupiah": "IDR", "pesos": "MXN", "reais": "BRL", "kronor": "SEK", "kroner": "NOK",
    "dirhams": "AED", "riyals": "SAR", "marks": "DEM", "Marks": "DEM",
    "gold marks": "DEM", "Reichsmarks": "DEM", "Deutschmarks": "DEM", "Deutsche Marks": "DEM",
    "cent": "USD-cent", "cents": "USD-cent", "pence": "GBP-penny",
    "taels": "TAEL", "tael": "TAEL", "ducats": "DUCAT", "guilders": "NLG", "florins": "FLORIN",
    "pesetas": "ESP", "lire": "ITL", "drachmas": "GRD", "escudos": "PTE", "shillings": "SHILLING",
    "Special Drawing Rights": "XDR", "SDR": "XDR", "SDRs": "XDR",
    "cedi": "GHS", "cedis": "GHS", "Cedi": "GHS", "Cedis": "GHS", "Ghana cedi": "GHS",
    "Ghana cedis": "GHS", "Ghana Cedi": "GHS", "Ghana Cedis": "GHS", "kwacha": "ZMW",
    "birr": "ETB",
}
"""As written in running text, after the amount: '350 million euros', '85 pence'."""

# ------------------------------------------------------------------ regex building blocks


def plural_forms(noun: str) -> tuple[str, ...]:
    """The plurals a singular noun may take: "case" → cases, casees; "city" → cities."""
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return (noun[:-1] + "ies",)
    return (noun + "s", noun + "es")


def _alternatives(words: list[str]) -> str:
    """Longest first, so 'pounds sterling' wins over 'pounds'; spaces match any spacing."""
    ordered = sorted(words, key=lambda word: (-len(word), word))
    return "(?:" + "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered) + ")"


NUM = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u2009\u202f\u00a0]\d{3})+|\d+)(?:\.\d+)?"
"""A figure: 7,000 · 1.5 · 12 000 with a thin or no-break space between thousands (never a
plain space: "in 2019 300 people" is two figures)."""
_UNIT_WORDS = "|".join(word for word in UNITS if word != "zero" and UNITS[word] < 10)
SMALL_WORD = (
    rf"(?i:(?:{'|'.join(TENS)})(?:[-\s](?:{_UNIT_WORDS})\b)?"
    rf"|{'|'.join(UNITS)})"
)
WORD_NUM = (
    rf"(?:{SMALL_WORD}(?:\s+hundred(?:\s+(?:and\s+)?{SMALL_WORD})?)?"
    rf"|(?i:a)\s+hundred|(?i:a)\s+dozen|{SMALL_WORD}\s+dozen)"
)
SCALE_WORD = r"(?:[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|lakh(?:\s+crore)?|crore)"
"""'Billion' too, as tables and headlines capitalise it ("US$ 172.455 Billion")."""
SCALE_AFTER_DIGITS = rf"(?:\s?(?:bn|tn|trn|mn|mln)\b|(?:m|k|b)\b|\s+{SCALE_WORD}\b)"
WORD_AMOUNT = rf"(?:(?:{WORD_NUM}|(?i:a|an|half\s+a))\s+{SCALE_WORD}\b|{WORD_NUM}\b)"
"""A figure in words: 'forty', 'twenty-five', 'a dozen', 'three million', 'half a million'."""

MONTH_FULL = _alternatives(list(MONTHS))
MONTH_ABBR = rf"(?:{'|'.join(sorted(MONTH_ABBREVIATIONS, key=lambda a: -len(a)))})\.?"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1\d{3}|20\d{2})"
QUALIFIER = r"(?:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)"

CURRENCY_SYMBOL = r"(?:US\$|AU?\$|CA?\$|NZ\$|HK\$|S\$|R\$|\$|£|€|¥|₹|₩|₽|Rs\.?(?=\s?\d))"
CURRENCY_CODE = _alternatives(list(CURRENCY_CODES))
CURRENCY_WORD = _alternatives(list(CURRENCY_WORDS))

TIME_UNIT = (r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)"
             r"|fortnights?)")

# ------------------------------------------------------------------ word lists of the patterns

MEASURE_UNITS = (
    "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet", "kg", "kilograms",
    "tonnes", "tons", "barrels", "acres", "hectares", "litres", "liters", "gallons", "mph",
    "km/h", "mw", "gw", "kw", "megawatts", "gigawatts", "cm", "mm", "inches", "lb", "lbs",
    "ounces", "kilometre", "kilometer", "km2", "km²", "sq km", "square kilometres",
    "square kilometers", "square miles", "mi", "sq mi", "ft", "yd", "yards",
    "MW", "GW", "kW", "TWh", "GWh", "MWh", "kWh", "twh", "gwh", "mwh", "kwh",
    "km3", "km³", "m3", "m³", "m2", "m²", "acre-feet", "acre-ft", "gal/d", "PJ", "TJ", "EJ",
    "ppm", "ppb", "ha",
    "pj", "tj", "ej", "AU", "au", "light-years", "parsecs", "sqmi", "sq km", "cu mi", "cu km",
    "acre⋅ft", "acre·ft", "l/s", "L/s", "m3/s", "m³/s", "mi/a", "km3/a", "km³/a",
)

IRREGULAR_PLURALS = (
    "people", "men", "women", "children", "police", "staff", "personnel", "cattle", "sheep",
    "fish", "aircraft", "feet", "teeth", "mice", "geese", "crew", "livestock", "deer",
    "infantry", "militia", "youth", "clergy", "stadia", "spacecraft",
)

FUNCTION_WORDS = frozenset(
    """a an the this that these those its it his her their our my your of and or but nor to
    in on at for by with from per than as is was are were be been being has have had do does
    did will would shall should can could may might must not no so if then also about into
    over under after before since until while when where which who whom whose what why how
    all both each every either neither any some such only just more most less least many
    much few several other another same own very too up down out off again once here there
    amid among between through during against without within upon onto via said says say
    times percent cent""".split()
)

COUNT_MODIFIERS = frozenset("other more".split())
"""Function words that may still stand between a number and its noun: "a dozen other states"."""

DETERMINERS = frozenset("the these those its their his her our my your both all".split())

NOT_PLURAL = frozenset(
    """is was has does this its us as thus plus less unless across yes his hers ours yours
    theirs whereas perhaps always sometimes besides various previous serious famous numerous
    enormous obvious anxious nervous cautious tremendous dangerous vs bus gas news means
    times process business analysis crisis basis status campus""".split()
)

DATE_PREPOSITIONS = frozenset(
    "in since by until till from of during before after between and to around circa c. "
    "year early late mid".split()
)

YEAR_EVENTS = frozenset(
    """elections olympics games polls talks accords midterms protests riots floods sanctions
    levels figures results accounts seasons revenues sales profits earnings prices
    budgets tournaments championships editions finals campaigns""".split()
)
"""Plural nouns a year names rather than counts: "the 2024 elections"."""

UNIT_SINGULAR = {
    "years": "year", "months": "month", "weeks": "week", "days": "day", "hours": "hour",
    "minutes": "minute", "seconds": "second", "decades": "decade", "centuries": "century",
    "fortnights": "fortnight",
}

LOOSE_QUALIFIERS = ("under", "over", "less than", "more than", "nearly", "almost", "about",
                    "around", "roughly", "within", "just under", "just over", "half")

LEADING_WORDS = frozenset(
    """the a an this that these those in on under after before with by since as for of and
    but when while if although though despite during until unlike like its their his her
    our both all any every signing signed so yet""".split()
)

NOT_TREATY_PREFIXES = frozenset(
    "democratic republican national party labour conservative tory constitutional honda "
    "liberal green".split()
)

NOT_TREATY_ACRONYMS = frozenset(
    """NATO OPEC ASEAN WTO IMF OSCE USSR USA OECD IAEA WHO UNESCO UNICEF CIS SEATO CENTO
    EEC GATT ECOWAS CARICOM MERCOSUR OAS OAU APEC CEO GDP UTC BBC CNN AFP CBO CDC NASA
    IRA PLO ANC FBI CIA KGB""".split()
)
"""Organisations, countries and agencies that stand before "treaty" without naming one
("the NATO treaty" is NATO's treaty). GATT and MERCOSUR are kept out too: their name alone
is an organisation as often as an agreement."""

GENERIC_MODIFIERS = frozenset(
    """peace unequal supplementary complementary related main equivalent open trade american
    western eastern british chinese russian soviet sino-soviet french german japanese european
    new old earlier previous same such other first second third final current existing
    proposed landmark historic historical major key broad general vague vaguer tentative
    formal informal written verbal draft interim separate original latest last whole entire
    full mutual bilateral multilateral international global important crucial controversial
    secret binding legal legally non-binding possible potential future eventual ambitious
    long-awaited long-term short-term fragile hard-won similar wider broader better big
    bigger larger huge significant preliminary initial basic actual real overall commercial
    famous celebrated notorious so-called anglo government governmental intergovernmental
    development mixed coalition environmental border boundary economic successful""".split()
)

CONTRACT_MODIFIERS = frozenset(
    """plea non-disclosure confidentiality licence license licensing tenancy rental
    purchase merger prenuptial employment user sponsorship settlement""".split()
)

DEAL_MODIFIERS = frozenset(
    """peace nuclear trade free-trade arms ceasefire cease-fire security defence defense
    grain climate brexit withdrawal migration hostage prisoner-swap""".split()
)
