"""Read the numbers news prose writes: percentages, money, counts, fractions and their qualifiers.

Rules applied:

* **Percent**: a number (digits, or English words up to ninety-nine, optionally "and a half" or
  "point" and digit words: "one point five")
  followed by ``%``, ``percent``, ``per cent``, ``per-cent``, ``pc`` or ``pct``: ``2.45%``,
  ``2.1 per cent``, ``two percent``, ``3.73pc`` (and a machine translation's ``2,45 procent``). "Percentage points" measure a change, not a
  share, and are not read. A decimal comma (``2,85 %``, as much of Europe writes it) is read: a
  thousands comma always has three digits after it. A number glued to a dash before it
  (``2-3%``) or closing a range (``2 to 3 percent``, ``between 2 and 3 percent``) is not read: a
  range is not one value.
* **Money**: a currency sign or ISO code before the number (``$``, ``US$``, ``C$``, ``A$``,
  ``NZ$``, ``€``, ``£``, ``USD``, ``EUR`` ...) or a currency word or code after it (``dollars``,
  ``Canadian dollars``, ``euros``, ``pounds``, ``zloty``, ``USD`` ...), with an optional scale
  (``thousand``/``k``, ``million``/``m``/``mn``, ``billion``/``b``/``bn``/``milliard``,
  ``trillion``/``trn``/``tn``; Canadian style hyphenates it: ``$9-billion``). A bare ``$`` or ``dollars`` is the US dollar, as English-language news uses it; other
  dollars need their prefix or adjective. Bare ``kroner`` is Denmark's or Norway's: it is read
  with the currency ``KRONER`` ("DKK|NOK"), which the spending extractor resolves by the spender or
  drops. The other allies' currencies are read by name too (``lei``, ``forints``, ``koruna``,
  ``leva``, ``denars``, ``lek``, ``krónur``). ``¥`` names more than one currency and is not read. Values are in units: ``$2.5 trillion`` -> ``2.5e12``.
* **Qualifiers** just before a number: "around", "about", "roughly", "nearly", "almost", "some",
  "approximately", "close to", "an estimated", "circa", "~" make it *approximate*. "More than",
  "over", "above", "at least", "upwards of", "in excess of" make it a *lower bound*; "less than",
  "under", "below", "up to" (not "edged up to": a destination), "at most", "fewer than" an *upper bound*. A bound is not a value:
  callers decide what to do with it (the spending extractor does not store bounded figures).
* **Counts**: digits (``22``, ``1,000``) or English number words up to ninety-nine
  (``twenty-two``, ``Twenty three``).
* **Fractions**: ``half``, ``a third``, ``one third``, ``two-thirds``, ``three quarters``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from knowledge.wordscan import PASSAGE_CACHE, fold_case

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {word: value for value, word in enumerate(_ONES)} | {
    word: 20 + 10 * index for index, word in enumerate(_TENS)
}
# Longest words first so "seventeen" is tried before "seven".
_ONES_ALT = "|".join(sorted(_ONES, key=len, reverse=True))
_UNITS_ALT = "|".join(_ONES[1:10])
_TENS_ALT = "|".join(_TENS)
NUMBER_WORD_PATTERN = rf"(?i:(?:{_TENS_ALT})(?:[\s-](?:{_UNITS_ALT}))?|{_ONES_ALT})\b"
"""Regex source for an English number word from zero to ninety-nine ("twenty-two")."""

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
COUNT_PATTERN = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{NUMBER_WORD_PATTERN})"
"""Regex source for a whole number written in digits or words ("22", "1,000", "Twenty-three")."""

_HALF = r"(?i:[\s-]+and[\s-]+a[\s-]+half)"
# Decimals said aloud, as transcripts write them: "one point five percent", "two point four five".
_DIGIT_WORDS = "|".join(_ONES[:10])
_POINT = rf"(?i:\s+point(?:\s+(?:{_DIGIT_WORDS})\b)+)"
_POINT_DIGITS = re.compile(rf"\b(?:{_DIGIT_WORDS})\b", re.I)
_PERCENT = re.compile(
    rf"(?<![\w.,\-–])(?<![Pp]oint\s)(?<!POINT\s)(?P<num>{_DIGITS}|{NUMBER_WORD_PATTERN}(?:{_POINT}|{_HALF})?)"
    r"(?P<unit>\s?%|\s*(?i:percent|per\s?cent|per-cent|pct|pc|procent|prozent)\b)"
)
# Cues: text that every percentage or amount contains. Most sentences have neither, and a quick
# search for the cue spares them a scan with the full patterns.
_DECIMAL_COMMA_PERCENT = re.compile(
    r"(?<![\w.,\-–])(?P<whole>\d{1,2}),(?P<part>\d{1,2})(?P<unit>\s?%|\s*(?i:percent|per\s?cent|per-cent|pct|pc|procent|prozent)\b)"
)
# "%", "percent", "per cent", "per-cent", "pct", "pc", and "procent"/"prozent" of translated wires
_PERCENT_CUE = re.compile(r"%|(?i:p(?:er|c|ro[cz]ent))")
_MONEY_CUE = re.compile(r"\d")  # an amount is written in digits
# A range's first number carries no unit ("2-3%", "2 to 3 percent"); "1.9% to 2.1%" is a change.
_RANGE_BEFORE = re.compile(
    r"(?:(?<![\d.,])\d{1,2}(?:\.\d+)?\s*(?:-|–|to)\s*|\bbetween\s+\S+\s+and\s+)$", re.I
)

_RANGE_LOOKBACK = 40  # "between 2.5 and " is short: look back this far, not to the start of the text
# Bare numbers listed before a percentage share its unit: "3.4 and 3.2 per cent", "4.1, 3.4 and 3.2%".
_LISTED_BEFORE = re.compile(
    r"(?<![\w.,\-–$€£¥])(?P<list>\d{1,2}(?:\.\d+)?(?:\s*,\s*\d{1,2}(?:\.\d+)?){0,4})\s*,?\s+and\s+$"
)
_LISTED_NUMBER = re.compile(r"\d{1,2}(?:\.\d+)?")
_LIST_LOOKBACK = 60

_SCALES = {
    "thousand": 3,
    "k": 3,
    "million": 6,
    "m": 6,
    "mn": 6,
    "mln": 6,
    "billion": 9,
    "milliard": 9,  # European English: "3,2 milliard euro"
    "milliards": 9,  # French, which translations keep: "57,1 milliards d'euros"
    "millions": 6,
    "b": 9,
    "bn": 9,
    "bln": 9,
    "mld": 9,  # "CZK 160,1 mld", "86,5 mrd euros", "53,25 Mrd. Euro": Central European milliards
    "mlrd": 9,
    "mrd": 9,
    "mio": 6,  # "2,5 Mio. Euro"
    "trillion": 12,
    "trn": 12,
    "tn": 12,
}
# Abbreviations written with a full stop in Central European texts; the reader keeps "Mrd. Euro"
# in one sentence for them.
ABBREVIATED_SCALES = ("mld", "mlrd", "mrd", "mio")
_ABBREVIATED_ALT = "|".join(ABBREVIATED_SCALES)
_SCALE = (
    r"(?P<scale>(?:\s*|-)(?i:trillion|billion|milliards?|millions?|thousand)\b"
    rf"|\s?(?:trn|tn|bn|bln|mn|mln)\b|\s(?i:{_ABBREVIATED_ALT})\.?(?=\W|$)|(?:k|m|b)\b)"
)
# A decimal comma before a scale word ("160,1 mld", "2,5 billion"): a thousands comma has three digits.
_MONEY_DIGITS = rf"\d{{1,3}},\d{{1,2}}(?=\s*-?(?i:trillion|billion|milliards?|millions?|bn|mn|mln|{_ABBREVIATED_ALT})\b)|{_DIGITS}"
_CODES = [
    "USD",
    "EUR",
    "GBP",
    "CAD",
    "AUD",
    "NZD",
    "NOK",
    "SEK",
    "DKK",
    "PLN",
    "CHF",
    "TRY",
    "CZK",
    "HUF",
    "RON",
    "BGN",
    "MKD",
    "ISK",
    "RUB",
    "UAH",
    "CNY",
    "JPY",
]
# Bare "kroner" is Denmark's or Norway's: read as this marker, which the spender resolves.
KRONER = "DKK|NOK"
_SIGNS = {"US$": "USD", "C$": "CAD", "CA$": "CAD", "Can$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD"}
_SIGNS |= {"$": "USD", "€": "EUR", "£": "GBP"}
# "kr 60 billion", "zł 186 billion": the Nordic crown's sign is a krone's or a krona's, as "kroner" is.
_SIGNS |= {"kr.": KRONER, "kr": KRONER, "zł": "PLN"}
_SIGN_ALT = "|".join(re.escape(sign) for sign in sorted(_SIGNS, key=len, reverse=True))
_CODE_ALT = "|".join(_CODES)
_CURRENCY_WORDS = {
    r"(?:US|U\.S\.|American)\s+dollars?": "USD",
    r"Canadian\s+dollars?": "CAD",
    r"Australian\s+dollars?": "AUD",
    r"New\s+Zealand\s+dollars?": "NZD",
    r"dollars?": "USD",
    r"euros?": "EUR",
    r"(?:British\s+)?pounds(?:\s+sterling)?|sterling": "GBP",
    r"(?:Swedish\s+)?kronor|Swedish\s+(?:crowns?|krona)": "SEK",
    r"Norwegian\s+(?:kron(?:er|e)|crowns?)": "NOK",
    r"Danish\s+(?:kron(?:er|e)|crowns?)": "DKK",
    r"(?:zlotys?|zlotych|zloties|złotys?|złotych|zł)": "PLN",
    r"kron(?:er|e)|kr": KRONER,  # Danish or Norwegian: the spender decides (see the spending extractor)
    r"(?:Icelandic\s+)?kr[oó]nur": "ISK",
    r"(?:(?:Czech\s+)?korun[ay]?|Czech\s+crowns?)": "CZK",
    r"crowns?": KRONER,  # a crown of no named country: the spender's (Czech, Danish, Norwegian, Swedish)
    r"(?:Hungarian\s+)?forints?": "HUF",
    r"(?:Romanian\s+)?(?:lei|leu)": "RON",
    r"(?:Bulgarian\s+)?(?:leva|lev)": "BGN",
    r"(?:Macedonian\s+)?(?:denars?|denari)": "MKD",
    r"(?:Albanian\s+)?(?:lek[eë]?)": "ALL",
    r"(?:Turkish\s+)?liras?": "TRY",
    r"Swiss\s+francs?": "CHF",
    r"(?:Russian\s+)?(?:roubles?|rubles?)": "RUB",
    r"hryvnias?": "UAH",
}
_WORD_PATTERNS = [(re.compile(rf"(?:{p})\Z", re.I), code) for p, code in _CURRENCY_WORDS.items()]
_CURRENCY_WORD_ALT = "|".join(f"(?:{p})" for p in _CURRENCY_WORDS)
_MONEY_BEFORE = re.compile(
    rf"(?<![\w$€£])(?P<pre>{_SIGN_ALT}|(?:{_CODE_ALT})(?=\s?\d))\s?(?P<num>{_MONEY_DIGITS}){_SCALE}?(?![\w%])"
)
_MONEY_AFTER = re.compile(
    # French, as translations keep it: "57,1 milliards d'euros"
    rf"(?<![\w$€£.,])(?P<num>{_MONEY_DIGITS}){_SCALE}?\s+(?:d['’]|de\s+)?(?P<post>{_CODE_ALT}|(?i:{_CURRENCY_WORD_ALT}))\b"
)


# An amount in words: "forty-six and a half billion euros".
_MONEY_WORDS = re.compile(
    rf"(?<![\w$€£.,-])(?P<num>{NUMBER_WORD_PATTERN}(?:{_HALF})?)\s+(?P<scale>(?i:trillion|billion|million))"
    rf"\s+(?P<post>(?i:{_CURRENCY_WORD_ALT}))\b"
)
_WORD_MONEY_CUE = re.compile(r"(?i:illion)")


class QualifierKind(StrEnum):
    """How a qualifier bends the number after it."""

    APPROXIMATE = "approximate"
    LOWER_BOUND = "lower_bound"
    UPPER_BOUND = "upper_bound"


_QUALIFIERS: dict[QualifierKind, str] = {
    # Longer phrases first: "no more than" is an upper bound, not "more than".
    # "almost 3%" and "nearly 3%" fall short of 3: bounds, not 3 itself.
    QualifierKind.UPPER_BOUND: r"at\s+or\s+(?:below|under)|no\s+more\s+than|less\s+than|fewer\s+than|just\s+(?:under|below)|"
    r"well\s+(?:under|below)|under|below|up\s+to|at\s+most|almost|nearly|(?:just\s+)?(?:shy|short)\s+of|"
    r"a\s+(?:little|touch|bit|fraction)\s+(?:under|below)|<",
    QualifierKind.LOWER_BOUND: r"at\s+or\s+(?:above|over)|no\s+less\s+than|more\s+than|just\s+(?:over|above)|well\s+(?:over|above)|"
    r"upwards\s+of|in\s+excess\s+of|north\s+of|at\s+least|over|above|>",
    QualifierKind.APPROXIMATE: r"approximately|approx\.|around|about|roughly|some|close\s+to|"
    r"an\s+estimated|estimated|circa|ca\.|~",
}
# A rise that arrives at its figure: "up to" is then where it went, not a bound; one signs up to a
# commitment ("signed up to 3.5%"), which is no bound either.
_MOVED_UP_TO = re.compile(
    r"\b(?:signed|signs|sign|signing|edged|crept|inched|ticked|moved|went|climbed|rose|risen|jumped|stepped|ramped|crawled|revised|raised|adjusted|pushed|marked|scaled)\s+up\s+to$",
    re.I,
)
# Every qualifier's words, as pattern text: a quoted figure may carry them ('"comfortably above 3%"').
QUALIFIER_WORDS = "|".join(_QUALIFIERS.values())
_QUALIFIER_BEFORE = [
    (kind, re.compile(rf"(?:^|(?<=[\s(\"“‘]))(?P<q>{alternatives})\s*$", re.I))  # "above 5%" quoted too
    for kind, alternatives in _QUALIFIERS.items()
]

_FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5}
_FRACTION = re.compile(
    r"(?:(?P<count>a|an|one|two|three|four)[\s-]+)?(?P<part>half|third|quarter|fifth)(?P<plural>s)?", re.I
)
_WHOLE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_WORD_BREAK = re.compile(r"[\s-]+")
_HALF_AT_END = re.compile(_HALF + r"$")
_DIGITS_ONLY = re.compile(_DIGITS)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text: its value, span, exact text and, for money, the ISO currency."""

    value: float
    start: int
    end: int
    text: str
    currency: str | None = None


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A word or phrase just before a number that makes it approximate or a bound."""

    kind: QualifierKind
    text: str
    start: int


def parse_count(text: str) -> int | None:
    """Return the whole number written in digits or words ("22", "twenty-two"), or None."""
    words = text.strip().lower()
    if _WHOLE_NUMBER.fullmatch(words):
        return int(words.replace(",", ""))
    parts = _WORD_BREAK.split(words)
    if len(parts) == 1 and parts[0] in _WORD_VALUES:
        return _WORD_VALUES[parts[0]]
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _ONES[1:10]:
        return _WORD_VALUES[parts[0]] + _WORD_VALUES[parts[1]]
    return None


def parse_fraction(text: str) -> float | None:
    """Return the fraction a phrase names ("two-thirds" -> 0.666...), or None."""
    match = _FRACTION.fullmatch(text.strip())
    if match is None:
        return None
    count_word = fold_case(match.group("count") or "a")
    count = 1 if count_word in ("a", "an") else _WORD_VALUES[count_word]
    if (count > 1) != bool(match.group("plural")) and fold_case(match.group("part")) != "half":
        return None  # "two third", "a thirds": not English
    return count / _FRACTIONS[fold_case(match.group("part"))]


def find_percents(text: str) -> list[Quantity]:
    """Return every percentage in text, in order, skipping ranges."""
    return list(_percents(text))


# The spending readers and the other extractors scan the same passage in turn: remember the last
# whole article's answers (Quantity is frozen, so sharing them is safe; callers get a copy).
@functools.lru_cache(maxsize=PASSAGE_CACHE)
def _percents(text: str) -> tuple[Quantity, ...]:
    """Return find_percents' answer as a tuple, computed once per text."""
    if _PERCENT_CUE.search(text) is None:
        return ()
    found = []
    for match in _PERCENT.finditer(text):
        if _RANGE_BEFORE.search(text, max(0, match.start() - _RANGE_LOOKBACK), match.start()):
            continue
        value = _number_value(match.group("num"))
        if value is not None:
            found.append(Quantity(value, match.start(), match.end(), match.group(0)))
            found += _listed_before(text, match.start())
    for match in _DECIMAL_COMMA_PERCENT.finditer(
        text
    ):  # "2,85 %": a thousands comma has three digits after it
        if not _RANGE_BEFORE.search(text, max(0, match.start() - _RANGE_LOOKBACK), match.start()):
            value = float(f"{match.group('whole')}.{match.group('part')}")
            found.append(Quantity(value, match.start(), match.end(), match.group(0)))
    return tuple(sorted(found, key=lambda q: q.start))


def _listed_before(text: str, start: int) -> list[Quantity]:
    """Return the bare numbers listed right before a percentage at start, as percentages ("3.4 and 3.2 per cent")."""
    window = max(0, start - _LIST_LOOKBACK)
    listed = _LISTED_BEFORE.search(text, window, start)
    if listed is None or _RANGE_BEFORE.search(text, max(0, listed.start() - _RANGE_LOOKBACK), listed.start()):
        return []
    if text[max(0, listed.start() - 8) : listed.start()].rstrip().lower().endswith("between"):
        return []  # "between 2 and 3 per cent" is a range
    return [
        Quantity(float(m.group(0)), listed.start() + m.start(), listed.start() + m.end(), m.group(0))
        for m in _LISTED_NUMBER.finditer(listed.group("list"))
    ]


def parse_percent(text: str) -> float | None:
    """Return the value of a text that is exactly one percentage ("2.45%", "two percent"), or None."""
    stripped = text.strip()
    found = find_percents(stripped)
    return found[0].value if len(found) == 1 and found[0].text == stripped else None


def find_money(text: str) -> list[Quantity]:
    """Return every amount of money in text, in order; value in units, currency as ISO 4217."""
    return list(_money(text))


@functools.lru_cache(maxsize=PASSAGE_CACHE)
def _money(text: str) -> tuple[Quantity, ...]:
    """Return find_money's answer as a tuple, computed once per text."""
    digits, words = _MONEY_CUE.search(text) is not None, _WORD_MONEY_CUE.search(text) is not None
    if not digits and not words:
        return ()
    found: list[Quantity] = []
    for match in _MONEY_WORDS.finditer(text) if words else ():
        currency, count = _currency(match), _number_value(match.group("num"))
        if currency is not None and count is not None:
            value = float(Decimal(str(count)).scaleb(_SCALES[fold_case(match.group("scale"))]))
            found.append(Quantity(value, match.start(), match.end(), match.group(0), currency))
    for pattern in (_MONEY_BEFORE, _MONEY_AFTER) if digits else ():
        for match in pattern.finditer(text):
            if any(match.start() < q.end and q.start < match.end() for q in found):
                continue
            currency = _currency(match)
            if currency is not None:
                value = _scaled(match.group("num"), match.group("scale"))
                found.append(Quantity(value, match.start(), match.end(), match.group(0), currency))
    found += _currency_shared(text, found)
    return tuple(sorted(found, key=lambda q: q.start))


# "2.2 billion, 2.1 billion and 4.79 billion euros": the currency after a list's last amount is the
# whole list's.
_LISTED_AMOUNT = re.compile(
    r"(?<![\w$€£.,])(?P<num>\d{1,3}(?:[.,]\d{1,2})?)\s*(?P<scale>(?i:trillion|billion|million|bn|mn))"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)$"
)


_RANGE_OPENS = re.compile(r"\b(?:between|from)\s+$", re.I)


def _currency_shared(text: str, found: list[Quantity]) -> list[Quantity]:
    """Return the bare amounts listed before an amount whose currency is written after it."""
    listed: list[Quantity] = []
    for quantity in found:
        if quantity.currency is None or not quantity.text[:1].isdigit():
            continue  # "€2.2bn, €2.1bn and €4.79bn" name their own currency
        cursor = quantity.start
        items = []
        while (match := _LISTED_AMOUNT.search(text, max(0, cursor - 30), cursor)) is not None:
            value = _scaled(match.group("num"), match.group("scale"))
            written = text[match.start() : match.end("scale")]
            items.append(Quantity(value, match.start(), match.end("scale"), written, quantity.currency))
            cursor = match.start()
        if not _RANGE_OPENS.search(text, max(0, cursor - 12), cursor):
            listed += items  # "between 1.5 billion and 2 billion euros" is one range, not two amounts
    return listed


def parse_money(text: str) -> tuple[float, str, str] | None:
    """Return (value in units, ISO currency, text as written) for a text that is one amount, or None."""
    stripped = text.strip()
    found = find_money(stripped)
    if len(found) != 1 or found[0].text != stripped or found[0].currency is None:
        return None
    return found[0].value, found[0].currency, found[0].text


def qualifier_before(text: str, start: int) -> Qualifier | None:
    """Return the qualifier that ends right before position start in text, if any."""
    before = text[max(0, start - 40) : start]
    offset = max(0, start - 40)
    found = [(match, kind) for kind, pattern in _QUALIFIER_BEFORE if (match := pattern.search(before))]
    if not found:
        return None
    # the longest phrase: "no less than 5%" is a lower bound, though "less than" ends it too
    match, kind = min(found, key=lambda pair: pair[0].start("q"))
    if _MOVED_UP_TO.search(before, 0, match.end("q")):
        return None  # "edged up to 1.36 percent": where it went, not a bound
    return Qualifier(kind, match.group("q"), offset + match.start("q"))


def is_approximate(text: str, start: int) -> bool:
    """Return whether the number at position start is qualified as approximate ("around", "some")."""
    qualifier = qualifier_before(text, start)
    return qualifier is not None and qualifier.kind is QualifierKind.APPROXIMATE


def _number_value(written: str) -> float | None:
    """Return the value of a number written in digits or words, with an optional "and a half"."""
    whole, point, decimals = fold_case(written).partition(" point ")
    if point:  # "one point five": the whole number, then one digit per word
        count = parse_count(whole.strip())
        digits = "".join(str(_WORD_VALUES[w]) for w in _POINT_DIGITS.findall(decimals))
        return None if count is None or not digits else float(Decimal(f"{count}.{digits}"))
    half = _HALF_AT_END.search(written)
    core = written[: half.start()] if half else written
    if _DIGITS_ONLY.fullmatch(core):
        return float(Decimal(core.replace(",", "")))
    count = parse_count(core)
    if count is None:
        return None
    return count + (0.5 if half else 0.0)


def _scaled(number: str, scale: str | None) -> float:
    """Return number times its scale word, computed in decimal so 2.3 trillion is exactly 2.3e12."""
    exponent = _SCALES[fold_case(scale.strip(" -.\t\n"))] if scale else 0
    if _DECIMAL_COMMA.fullmatch(number):
        number = number.replace(",", ".")  # "160,1 mld"
    return float(Decimal(number.replace(",", "")).scaleb(exponent))


_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")


def _currency(match: re.Match[str]) -> str | None:
    """Return the ISO code a money match names by its sign, code or currency words."""
    groups = match.groupdict()
    if groups.get("pre"):
        sign = groups["pre"].strip()
        return _SIGNS.get(sign) or (sign if sign in _CODES else None)
    post = " ".join(groups["post"].split())
    if post in _CODES:
        return post
    return next((code for pattern, code in _WORD_PATTERNS if pattern.match(post)), None)
