"""Find time expressions in a sentence and resolve them against the document's date.

Resolution rules (a news article speaks from its publication date):

* ``in 2023``, ``June 2025``, ``June 24-25, 2025``, ``24–25 June 2025``, ``24 and 25 June``,
  ``June 15 to 17``, ``24.06.2025``, ``11.–12.07.2023``: as written (numeric dates are day first,
  as written outside the US, and need their year: "24.06" alone could be a number).
* ``FY2026``, ``FY 2026``, ``FY26``: the fiscal year, named by the calendar year it ends in (as
  governments name them); ``FY2025-26`` as its first year, as ``2025-26`` is read.
* ``last year`` / ``this year`` / ``next year`` / ``the current (fiscal) year`` / ``a decade ago``: need the document year;
  ``a decade earlier`` / ``five years earlier`` count back from the time just before them in the
  sentence ("2.2 percent last year, up from 1.2 percent a decade earlier"), else from the document.
* ``this month`` / ``next month`` / ``last month`` (also "later this month"): the document's month,
  or the one after or before it; ``this week`` / ``next week`` / ``last week``: the month of the
  document's date, or of a week after or before it (needs the day). Neither gets a day.
* ``this June`` / ``next June``: the document year (next: the year after) ; ``last June`` the year
  before when the month is the document month, after it or the one just before it (a writer calls
  that one "last month"), else the document year (needs the month).
* A bare month (``in February``) resolves only when the document date has a month: to the year
  that puts it within six months of publication. With a year-only date it is kept as written.
* A weekday (``on Thursday``) resolves only against a full date: the latest such day on or before
  publication, as news reports use it; ``next Thursday`` the first one after it, ``last Thursday``
  the last one before it.

Anything unresolvable keeps its text with empty fields, so the answer shows it as written. So does
a time that resolves outside EARLIEST_YEAR..LATEST_YEAR (a document dated at the edge of them), and
a day that does not exist ("June 31") is dropped, keeping the month and year.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re

from knowledge.extract.numbers import NUMBER_WORD_PATTERN, parse_count
from knowledge.models import EARLIEST_YEAR, LATEST_YEAR, PartialDate, TimeRef
from knowledge.wordscan import PASSAGE_CACHE, fold_case

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "jan.", "januar", "janvier"),
            ("february", "feb", "feb.", "februar", "février"),
            ("march", "mar", "märz", "mars"),
            ("april", "apr", "avril"),
            ("may", "mai"),
            ("june", "jun", "juni", "juin"),
            ("july", "jul", "juli", "juillet"),
            ("august", "aug", "aug.", "août"),
            ("september", "sep", "sept", "sep.", "sept.", "septembre"),
            ("october", "oct", "oct.", "oktober", "octobre"),
            ("november", "nov", "nov.", "novembre"),
            ("december", "dec", "dec.", "dezember", "décembre"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# "last year", "this fiscal year", "the current year": counted from the article's date.
RELATIVE_YEAR = re.compile(
    r"\b(?P<rel>last|this|next|the\s+current)\s+(?:(?:fiscal|financial|budget)\s+)?year\b", re.I
)
# ... and the German and French names that differ from the English ones, which translations keep
# ("24.–25. Juni 2025", "les 24 et 25 juin 2025"); German "Mai" is left out, as a word it is more
# often a name. French writes its months in lower case, and in the case-sensitive patterns "mars" and
# "mai" are no planet or name; the few patterns that ignore case (a date line, "<month> last year")
# read "Mars" and "Mai" as months too, only with a day or a year beside them.
MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Januar|Februar|März|Juni|Juli|Oktober|Dezember"
    "|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."  # as US wire copy abbreviates them: "until Feb. 12"
)
_MONTH = rf"(?P<month>{MONTH_NAMES})"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# A year as written, on its own: "2023" (``fullmatch`` it).
WRITTEN_YEAR = re.compile(r"(?:19|20)\d\d")
# "by " just before a date: the date is a deadline ("by 2035"), not when the thing happened
DEADLINE_BY = re.compile(r"\bby\s+$", re.I)
_DAYS = r"(?P<day>\d{1,2})(?:(?:st|nd|rd|th)?\s*(?:[-–—]|and|to|et)\s*(?P<end_day>\d{1,2}))?"  # "7th and 8th"
# Before a month name, a day may take a full stop as an ordinal, as much of Europe writes it:
# "7. and 8. July 2027", "11. June".
_DOTTED_DAYS = (
    r"(?P<day>\d{1,2})(?:st|nd|rd|th|\.)?"
    r"(?:\s*(?:[-–—]|and|to|et|und|bis)\s*(?P<end_day>\d{1,2})(?:st|nd|rd|th|\.)?)?"  # "7 et 8 juillet", "7. und 8. Juli"
)
# "the 25th of June", "the twenty-eighth and twenty-ninth of June next year": a day as an ordinal
# before "of" and the month, as speech and translations put it. A spelled ordinal needs "the".
_ORDINAL_WORDS = {
    word: number
    for number, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ],
        start=1,
    )
} | {
    f"twenty{dash}{word}": 20 + number
    for number, word in enumerate(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"], start=1
    )
    for dash in ("-", " ")
}
_ORDINAL_WORDS |= {"thirtieth": 30, "thirty-first": 31, "thirty first": 31}
_SPELLED_ORDINAL = "|".join(sorted((w.replace(" ", r"\s") for w in _ORDINAL_WORDS), key=len, reverse=True))
_DIGIT_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)"
_ORDINAL_DAY = rf"(?:(?i:the)\s+)?{_DIGIT_ORDINAL}|(?i:the)\s+(?i:{_SPELLED_ORDINAL})"
_ORDINAL_END_DAY = rf"(?:(?i:the)\s+)?(?:{_DIGIT_ORDINAL}|(?i:{_SPELLED_ORDINAL}))"  # "and [the] eighth"
_ORDINAL_DAYS = (
    rf"(?P<day>{_ORDINAL_DAY})(?:\s*(?:[-–—]|and|to)\s*(?P<end_day>{_ORDINAL_END_DAY}))?"
    rf"\s+of\s+{_MONTH}(?:,?\s+{_YEAR}|\s+(?P<rel>(?i:last|this|next))\s+year\b)?"
)
# 24.06.2025 and 11.–12.07.2023: day, optional end day, month, year, separated by full stops.
_NUMERIC_DATE = (
    r"(?<![\d.,])(?P<day>\d{1,2})\.(?:\s*[-–—]\s*(?P<end_day>\d{1,2})\.)?"
    r"(?P<month_number>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b(?!\.\d)"
)
# Cues: a piece of text every match of a pattern contains. Most sentences hold no month or
# relative year, and one quick search for the cue saves trying the pattern (a full scan of the
# sentence) for nothing. The cues of case-insensitive patterns are in lower case and are looked for
# in the folded text (see fold_case): name -> (cue, whether to search the folded text).
_CUES: dict[str, tuple[re.Pattern[str], bool]] = {
    "month": (re.compile(MONTH_NAMES), False),
    "relative": (re.compile(r"this|last|next"), True),
    "year word": (re.compile(r"year"), True),
    "decade": (re.compile(r"decade"), True),
    "span": (re.compile(r"week|day|fortnight|month"), True),
    "weekday": (re.compile(r"day"), False),
    "year": (re.compile(r"(?:19|20)\d\d"), False),
    "fiscal": (re.compile(r"FY"), False),
    "spoken": (re.compile(r"twenty|thousand"), True),
}
# A year said aloud, as transcripts and explainers write it: "twenty twenty-four", "two thousand
# and thirty-five" (the 2000s only: "nineteen ninety" is rare in news and reads as two numbers).
# After "twenty" only ten and more is a year ("twenty-two allies" is a count, not 2002).
_SPOKEN_YEAR = re.compile(
    rf"\b(?:twenty[\s-]+(?P<tail>{NUMBER_WORD_PATTERN})|two\s+thousand(?:\s+and)?[\s-]+(?P<tail2>{NUMBER_WORD_PATTERN}))"
    r"(?![\s-]+(?:per|percent|%))",
    re.I,
)
# A span counted from the document's date: "three weeks", "a fortnight", "two months"
_SPAN_COUNT = rf"\d{{1,2}}|{NUMBER_WORD_PATTERN}|an?"
_SPAN_UNIT = r"days?|weeks?|fortnight|months?"
# (kind, cue, pattern), in order of precedence: an earlier kind's match hides later overlapping ones.
_PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [
    # A clock time is no day: "Wednesday 25 June\n08:30 — ..." is 25 June, not June 8.
    (
        "month_day_year",
        "month",
        re.compile(rf"\b{_MONTH}\s+{_DAYS}(?![:.]?\d)(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?\b"),
    ),
    ("day_month_year", "month", re.compile(rf"\b{_DOTTED_DAYS}\s+{_MONTH}(?:,?\s+{_YEAR})?\b")),
    ("day_of_month", "month", re.compile(rf"\b{_ORDINAL_DAYS}\b")),
    # "in March last year", "March of next year": the month of the year it names
    (
        "month_rel_year",
        "month",
        re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b", re.I),
    ),
    ("rel_month", "relative", re.compile(rf"\b(?P<rel>this|last|next)\s+{_MONTH}\b", re.I)),
    # "this summer's summit": the season's year, counted like its middle month's
    (
        "rel_season",
        "relative",
        re.compile(r"\b(?P<rel>this|last|next)\s+(?P<season>spring|summer|autumn|fall)\b", re.I),
    ),
    ("month_year", "month", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b")),
    ("numeric_date", "year", re.compile(_NUMERIC_DATE)),
    # "the same year", "the previous year", "a year earlier": counted from the year just before.
    (
        "anaphoric",
        "year word",
        re.compile(
            r"\b(?:(?P<same>the\s+same\s+year|that\s+(?:same\s+)?year(?!-))"
            r"|(?P<before>the\s+(?:previous|preceding|prior)\s+year|the\s+year\s+(?:before|earlier)"
            r"|(?:a|one)\s+year\s+(?:earlier|before))"
            r"|(?P<after>the\s+(?:following|next)\s+year|the\s+year\s+after|(?:a|one)\s+year\s+later))\b"
            # "the year before the invasion" counts from an event the text does not date: no year
            r"(?!\s+(?:the|a|an|his|her|its|their|Russia|[A-Z][a-z]+['’]s)\b)",
            re.I,
        ),
    ),
    ("rel_year", "year word", RELATIVE_YEAR),
    (
        "rel_month_word",
        "relative",
        re.compile(r"\b(?:(?:later|earlier)\s+)?(?P<rel>this|last|next)\s+month\b", re.I),
    ),
    ("rel_week", "relative", re.compile(r"\b(?P<rel>this|last|next)\s+week\b", re.I)),
    # "in less than four weeks", "in three weeks' time", "a fortnight from now": the month it falls in
    (
        "time_ahead",
        "span",
        re.compile(
            r"\b(?:(?:in|within)\s+(?:(?:less|fewer|more)\s+than\s+|about\s+|around\s+|roughly\s+|some\s+"
            rf"|just\s+(?:over|under)\s+|under\s+|over\s+)?(?P<n>{_SPAN_COUNT})\s+(?P<unit>{_SPAN_UNIT})\b(?:['’]?\s*time\b)?"
            rf"|(?P<n_from>{_SPAN_COUNT})\s+(?P<unit_from>{_SPAN_UNIT})\s+from\s+now\b)",
            re.I,
        ),
    ),
    # "three days ago", "a fortnight ago", "two months ago": the month it falls in, counted back
    ("time_ago", "span", re.compile(rf"\b(?P<n>{_SPAN_COUNT})\s+(?P<unit>{_SPAN_UNIT})\s+ago\b", re.I)),
    ("decade", "decade", re.compile(r"\ba\s+decade\s+(?:ago|earlier|before)\b", re.I)),
    # "by the end of the decade": the last year of the article's decade (2030 in an article of 2025)
    ("decade_end", "decade", re.compile(r"\b(?:by\s+)?the\s+end\s+of\s+(?:the|this)\s+decade\b", re.I)),
    (
        "years_ago",
        "year word",
        re.compile(
            rf"\b(?P<n>\d{{1,2}}|{NUMBER_WORD_PATTERN})\s+years\s+(?:ago|earlier)\b", re.I
        ),  # "thirteen years ago"
    ),
    (
        "weekday",
        "weekday",
        re.compile(
            r"\b(?:(?P<rel>(?i:next|coming|last))\s+|on\s+(?:(?P<on_rel>(?i:next|coming|last))\s+)?)?"
            r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
    ),
    # A bare month needs a preposition or a following noun: "May I ask" is not a date.
    (
        "month",
        "month",
        re.compile(
            rf"\b(?:(?i:in|the|by|until|since|from|during|early|late|mid-?)\s+|(?i:early|late|mid)-){_MONTH}\b"
        ),
    ),
    (
        "month",
        "month",
        re.compile(rf"\b{_MONTH}(?=(?:['’]s)?\s+(?:summit|meeting|ministerial|gathering)\b)"),
    ),  # "their October meeting"
    # "FY2026", "FY 2026", "FY26": the fiscal year named by the calendar year it ends in, as
    # governments name them; "FY2025-26" is read as its first year, as "2025-26" is.
    ("fiscal_year", "fiscal", re.compile(r"\bFY\s?(?:(?P<year>(?:19|20)\d\d)|['’]?(?P<short>\d\d))\b")),
    # "2026e": an estimate's year, as tables and threads mark it
    ("year", "year", re.compile(rf"(?<![\d.,$€£%])\b{_YEAR}(?:e\b|\b)(?![\d%]|\.\d)")),
    ("spoken_year", "spoken", _SPOKEN_YEAR),
]
_ANAPHORIC = next(pattern for kind, _, pattern in _PATTERNS if kind == "anaphoric")
_COUNTED_BACK = re.compile(r"(?P<n>\w+)\s+(?:years?|decade)\s+(?:earlier|before)$", re.I)


def find_times(text: str, published: PartialDate | None) -> list[tuple[TimeRef, int, int]]:
    """Return the time expressions in text with their spans, in order, without overlaps."""
    return list(_find_times(text, published))


# Each passage is read by several extractors (spending, events, statements), and each asks for its
# times: remember a whole article's answers (see PASSAGE_CACHE).
# TimeRef and PartialDate are frozen, so sharing them between callers is safe; the list handed out
# is a fresh copy.
@functools.lru_cache(maxsize=PASSAGE_CACHE)
def _find_times(text: str, published: PartialDate | None) -> tuple[tuple[TimeRef, int, int], ...]:
    """Return find_times' answer as a tuple, computed once per (text, published)."""
    found: list[tuple[TimeRef, int, int]] = []
    taken: list[tuple[int, int]] = []  # spans already found, kept sorted: they never overlap
    folded = fold_case(text)
    cued = {name for name, (cue, in_folded) in _CUES.items() if cue.search(folded if in_folded else text)}
    for kind, cue, pattern in _PATTERNS:
        if cue not in cued:
            continue  # no match can lack the cue
        for match in pattern.finditer(text):
            if _overlaps(taken, match.start(), match.end()):
                continue
            ref = _resolve(kind, match, published)
            if ref is None:
                continue
            found.append((_possible(ref), match.start(), match.end()))
            bisect.insort(taken, (match.start(), match.end()))
    return tuple(_anchor_earlier(sorted(found, key=lambda item: item[1])))


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Return whether start-end overlaps a span of taken (sorted, non-overlapping): its neighbours tell."""
    index = bisect.bisect_left(taken, (start, end))
    before = taken[index - 1] if index else None
    after = taken[index] if index < len(taken) else None
    return bool((before and before[1] > start) or (after and after[0] < end))


def _anchor_earlier(found: list[tuple[TimeRef, int, int]]) -> list[tuple[TimeRef, int, int]]:
    """Return found with "a decade earlier", "the same year" or "the previous year" counted from the year just before it."""
    anchored = []
    previous_year: int | None = None
    for ref, start, end in found:
        if previous_year is not None:
            ref = counted_from(ref, previous_year) or ref
        anchored.append((ref, start, end))
        previous_year = ref.year if ref.year is not None else previous_year
    return anchored


def counted_from(ref: TimeRef, year: int) -> TimeRef | None:
    """Return a time counted from another ("a decade earlier", "the previous year") counted from year.

    None when ref is not counted from another time. A caller with the year a passage is about
    (the sentence before: "... last year. A decade earlier, it spent 0.9%.") re-counts with it.
    """
    shift = _anaphoric_shift(ref.text)
    if shift is None:
        match = _COUNTED_BACK.search(ref.text)
        if match is None:
            return None
        folded = fold_case(ref.text)
        count = 10 if "decade" in folded else parse_count(fold_case(match["n"]))
        if count is None:
            return None  # "many years before": no count
        shift = -count
    return _possible(ref.model_copy(update={"year": year + shift}))


def _anaphoric_shift(text: str) -> int | None:
    """Return how many years "the same year" (0), "the previous year" (-1) or "a year later" (+1) move."""
    match = _ANAPHORIC.fullmatch(text)
    if match is None:
        return None
    return 0 if match.group("same") else -1 if match.group("before") else 1


def _possible(ref: TimeRef) -> TimeRef:
    """Return ref without what no calendar has: a year out of bounds (shown as written), an impossible day."""
    if ref.year is not None and not EARLIEST_YEAR <= ref.year <= LATEST_YEAR:
        ref = ref.model_copy(update={"year": None})
    if ref.day is None or ref.month is None:
        return ref
    year = ref.year if ref.year is not None else 2000  # a leap year: "February 29" may exist
    try:
        datetime.date(year, ref.month, ref.day)
        if ref.end_day is not None and not ref.day < ref.end_day:
            raise ValueError("a range ends after it starts")
        if ref.end_day is not None:
            datetime.date(year, ref.month, ref.end_day)
    except ValueError:
        return ref.model_copy(update={"day": None, "end_day": None})
    return ref


def resolve_time(text: str, published: PartialDate | None) -> TimeRef | None:
    """Return the first time expression in text, resolved, or None when there is none."""
    times = find_times(text, published)
    return times[0][0] if times else None


def _resolve(kind: str, match: re.Match[str], published: PartialDate | None) -> TimeRef | None:
    """Return the TimeRef for one match of the pattern named kind."""
    text = match.group(0)
    groups = match.groupdict()
    month = MONTHS[fold_case(groups["month"])] if groups.get("month") else None
    if kind == "numeric_date":
        return _numeric_date(text, int(groups["year"]), int(groups["month_number"]), groups)
    if kind in ("month_day_year", "day_month_year"):
        year = int(groups["year"]) if groups.get("year") else _year_for_month(month, published, _tense(match))
        end_day = int(groups["end_day"]) if groups.get("end_day") else None
        return TimeRef(text=text, year=year, month=month, day=int(groups["day"]), end_day=end_day)
    if kind == "day_of_month":
        day, end = _ordinal(groups["day"]), _ordinal(groups["end_day"]) if groups.get("end_day") else None
        return TimeRef(text=text, year=_day_year(match, month, published), month=month, day=day, end_day=end)
    if kind == "month_year":
        return TimeRef(text=text, year=int(groups["year"]), month=month)
    if kind == "year":
        return TimeRef(text=text, year=int(groups["year"]))
    if kind == "spoken_year":
        after = parse_count(groups["tail"] or groups["tail2"])
        if after is None or not 0 < after < 100 or (groups["tail"] and after < 10):
            return None
        return TimeRef(text=text, year=2000 + after)
    if kind == "fiscal_year":
        return TimeRef(text=text, year=int(groups["year"]) if groups["year"] else 2000 + int(groups["short"]))
    if kind == "month_rel_year":
        offset = {"last": -1, "this": 0, "next": 1}[fold_case(groups["rel"])]
        return TimeRef(text=text, year=published.year + offset if published else None, month=month)
    if kind == "rel_year":
        rel = fold_case(groups["rel"]).split()[-1]
        offset = {"last": -1, "this": 0, "next": 1, "current": 0}[rel]
        return TimeRef(text=text, year=published.year + offset if published else None)
    if kind == "anaphoric":  # counted from the year before it by _anchor_earlier; alone, from the date
        alone = published.year - 1 if groups.get("before") and published else None
        return TimeRef(text=text, year=alone)
    if kind in ("decade", "years_ago"):
        n = 10 if kind == "decade" else parse_count(fold_case(groups["n"])) or 0
        return TimeRef(text=text, year=published.year - n if published else None)
    if kind == "decade_end":
        return TimeRef(text=text, year=published.year // 10 * 10 + 10 if published else None)
    if kind == "rel_month_word":
        return _relative_month(text, fold_case(groups["rel"]), published)
    if kind == "rel_week":
        return _relative_week(text, fold_case(groups["rel"]), published)
    if kind == "time_ahead":
        count, unit = (
            (groups["n"], groups["unit"]) if groups.get("n") else (groups["n_from"], groups["unit_from"])
        )
        if not groups.get("n_from") and _tense(match) != "future":
            return None  # "seized the town in three days", "the first time in three weeks": a duration
        return _time_ahead(text, fold_case(count or ""), fold_case(unit or ""), published)
    if kind == "time_ago":
        if _OTHER_YEAR.search(match.string):
            return None  # "named host of the 2026 summit two months ago": the year written decides
        return _time_ahead(
            text, fold_case(groups["n"] or ""), fold_case(groups["unit"] or ""), published, back=True
        )
    if kind == "rel_season":
        middle = _SEASON_MONTHS[fold_case(groups["season"])]
        return TimeRef(text=text, year=_year_for_relative_month(fold_case(groups["rel"]), middle, published))
    if kind == "rel_month":
        return TimeRef(
            text=text, year=_year_for_relative_month(fold_case(groups["rel"]), month, published), month=month
        )
    if kind == "month":
        shown = text[4:] if text.lower().startswith("the ") else text  # "the June summit" -> "June"
        return TimeRef(text=shown, year=_year_for_month(month, published, _tense(match)), month=month)
    if kind == "weekday":
        direction = groups.get("rel") or groups.get("on_rel")
        return _resolve_weekday(text, groups["weekday"], published, direction.lower() if direction else None)
    return None


def _day_year(match: re.Match[str], month: int | None, published: PartialDate | None) -> int | None:
    """Return the year of a day as an ordinal: written, "next year", or the nearest one its verb allows."""
    if match.group("year"):
        return int(match.group("year"))
    if match.group("rel"):
        offset = {"last": -1, "this": 0, "next": 1}[fold_case(match.group("rel"))]
        return published.year + offset if published else None
    return _year_for_month(month, published, _tense(match))


def _ordinal(text: str) -> int:
    """Return the day an ordinal names: "the 25th", "twenty-eighth" (as the day pattern matched it)."""
    words = re.sub(r"^(?:the)?\s*", "", fold_case(text).strip())
    digits = re.match(r"\d+", words)
    return int(digits.group(0)) if digits else _ORDINAL_WORDS[re.sub(r"\s+", " ", words)]


def _numeric_date(text: str, year: int, month: int, groups: dict[str, str | None]) -> TimeRef | None:
    """Return a day-first numeric date ("24.06.2025", "11.–12.07.2023"), or None unless it exists.

    Unlike a date with a month's name, a numeric one that no calendar has is no date at all: it
    is more likely a version or a reference number than a slip of the pen.
    """
    day = int(groups["day"] or 0)
    end = groups.get("end_day")
    end_day = int(end) if end else None
    try:
        datetime.date(year, month, max(day, end_day or day))
    except ValueError:
        return None
    if end_day is not None and end_day <= day:
        return None
    return TimeRef(text=text, year=year, month=month, day=day, end_day=end_day)


def _relative_month(text: str, rel: str, published: PartialDate | None) -> TimeRef:
    """Return the month meant by "this/next/last month", when the document's month is known."""
    if published is None or published.month is None:
        return TimeRef(text=text)
    index = published.year * 12 + published.month - 1 + {"last": -1, "this": 0, "next": 1}[rel]
    return TimeRef(text=text, year=index // 12, month=index % 12 + 1)


def _relative_week(text: str, rel: str, published: PartialDate | None) -> TimeRef:
    """Return the month of the week meant by "this/next/last week", when the document's day is known."""
    if published is None or published.month is None or published.day is None:
        return TimeRef(text=text)
    day = datetime.date(published.year, published.month, published.day)
    day += datetime.timedelta(days=7 * {"last": -1, "this": 0, "next": 1}[rel])
    return TimeRef(text=text, year=day.year, month=day.month)


def _time_ahead(
    text: str, count: str, unit: str, published: PartialDate | None, back: bool = False
) -> TimeRef | None:
    """Return the month a span counted from the document's date ends in ("in three weeks", or with
    back "three weeks ago"), when the date is exact enough for it (a day for days and weeks, a
    month for months)."""
    n = 1 if count in ("a", "an") else parse_count(count)
    if n is None or published is None or published.month is None:
        return None
    n = -n if back else n
    if unit.startswith("month"):
        index = published.year * 12 + published.month - 1 + n
        return TimeRef(text=text, year=index // 12, month=index % 12 + 1)
    if published.day is None:
        return None
    days = n * {"day": 1, "week": 7, "fortnight": 14}[unit.rstrip("s")]
    day = datetime.date(published.year, published.month, published.day) + datetime.timedelta(days=days)
    return TimeRef(text=text, year=day.year, month=day.month)


_SEASON_MONTHS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10}


def _year_for_relative_month(rel: str, month: int | None, published: PartialDate | None) -> int | None:
    """Return the year meant by "this/next/last <month>"."""
    if published is None or month is None:
        return None
    if rel == "this":
        return published.year
    if published.month is None:
        return None
    if rel == "next":
        return published.year + (1 if month <= published.month else 0)
    # the month just before the article's is "last month" to a writer: "last June" in July is a year back
    return published.year - (1 if month >= published.month - 1 else 0)


_PAST_CUE = re.compile(
    r"\b(?:said|announced|agreed|met|(?<!be\s)held|was|were|had|did|decided|approved|adopted|pledged|promised|voted"
    r"|signed|told|wrote|published|unveiled|launched|became|joined|created|set\s+up|passed|raised|spent"
    r"|reached|rose|fell|took\s+place)\b",
    re.I,
)
_OTHER_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|would|(?:is|are)\s+(?:due|set|expected|scheduled|planned)|to\s+be\s+held|upcoming|next"
    # "With leaders due in Ankara on 7 and 8 July": due somewhere, not "due to the war"
    r"|(?<!was\s)(?<!were\s)due\s+(?:in|at|on)\b(?!\s+part\b)"
    # a meeting in the present tense is one to come: "when alliance leaders gather in Ankara on July 7th"
    r"|(?<!to )(?:gather|meet|convene|opens|begins|starts|closes))\b",  # not an infinitive: "were scheduled to meet"
    re.I,
)
# The future as it was then ("ministers were due to meet on 14-15 October") says neither: the date is
# the nearest one, within six months of publication.
_THEN_AHEAD_CUE = re.compile(
    r"\b(?:was|were)\s+(?:due|set|expected|scheduled|planned|supposed|meant)\s+to\b|\b(?:was|were)\s+to\s+(?=[a-z])",
    re.I,
)
_TENSE_WINDOW = 60


def _tense(match: re.Match[str]) -> str | None:
    """Return "past" or "future" from the verb nearest a bare month ("In April, Belgium said ...",
    "leaders will meet on 7 July, NATO announced"): its own clause first, then its sentence; None
    when no verb nearby says."""
    text = match.string
    full_start = text.rfind(".", 0, match.start()) + 1
    stop = text.find(".", match.end())
    full_end = len(text) if stop < 0 else stop
    sentence_start = max(full_start, match.start() - _TENSE_WINDOW)
    sentence_end = min(match.end() + _TENSE_WINDOW, full_end)
    # The month's own clause, however long: its verb governs it ("Canada will present a plan to
    # allies before the NATO summit in Ankara on July 7-8, its first since officials said ...").
    clause_start = max(full_start, text.rfind(",", 0, match.start()) + 1)
    comma = text.find(",", match.end(), full_end)
    clause_end = full_end if comma < 0 else comma
    for start, end in ((clause_start, clause_end), (sentence_start, sentence_end)):
        nearest: tuple[int, str] | None = None
        for tense, cue in (("past", _PAST_CUE), ("future", _FUTURE_CUE), ("then", _THEN_AHEAD_CUE)):
            for found in (*cue.finditer(text, start, match.start()), *cue.finditer(text, match.end(), end)):
                before = found.end() <= match.start()
                distance = match.start() - found.end() if before else found.start() - match.end()
                if nearest is None or distance < nearest[0]:
                    nearest = (distance, tense)
        if nearest is not None:
            return nearest[1] if nearest[1] != "then" else None
    return None


def year_for_month(month: int | None, published: PartialDate | None) -> int | None:
    """Return the year of a month written without one, as no verb decides: within six months of publication."""
    return _year_for_month(month, published)


def _year_for_month(month: int | None, published: PartialDate | None, tense: str | None = None) -> int | None:
    """Return the year of a bare month: the latest one by publication for a past verb, the next one for a
    future verb, else the one within six months of publication; None if not knowable."""
    if published is None or published.month is None or month is None:
        return None
    if tense == "past":
        return published.year if month <= published.month else published.year - 1
    if tense == "future":
        return published.year if month >= published.month else published.year + 1
    delta = month - published.month
    if delta > 6:
        return published.year - 1
    if delta < -6:
        return published.year + 1
    return published.year


def _resolve_weekday(
    text: str, weekday: str, published: PartialDate | None, rel: str | None = None
) -> TimeRef:
    """Return the latest such weekday on or before a fully known publication date ("next Tuesday":
    the first one after it; "last Tuesday": the last one before it)."""
    if published is None or published.month is None or published.day is None:
        return TimeRef(text=text)
    day = datetime.date(published.year, published.month, published.day)
    back = (day.weekday() - WEEKDAYS.index(weekday.lower())) % 7
    if rel in ("next", "coming"):
        back = back - 7
    elif rel == "last" and back == 0:
        back = 7
    date = day - datetime.timedelta(days=back)
    return TimeRef(text=text, year=date.year, month=date.month, day=date.day)


# A chronology's entry opens with its date as a label: "2014 — Allies agree ...", "June 2025: ...",
# "2026 (plan): ...". Everything the line says happens then unless it writes another year.
_LINE_DATE = re.compile(
    # "2014 — ", "May 2025 — ", "24-25 June 2025 — "
    rf"\s*(?:(?:early|mid|late)[-\s]+|(?:(?P<day>\d{{1,2}})(?:\s*[-–]\s*(?P<end_day>\d{{1,2}}))?\s+)?(?P<month>{MONTH_NAMES})\s+)?(?P<year>(?:19|20)\d\d)"
    r"(?:\s*\([^()]{1,20}\))?\s*(?:[—–:]|-\s)\s*(?=\S)",
    re.I,
)


def line_date_end(text: str) -> int | None:
    """Return where the words after a chronology line's date label start ("2014 — |..."), if it has one."""
    match = _LINE_DATE.match(text)
    return match.end() if match else None


def line_date(text: str) -> TimeRef | None:
    """Return the date a chronology's line opens with as its label ("2014 — ...", "May 2025 — ..."), if it does."""
    match = _LINE_DATE.match(text)
    if match is None:
        return None
    month = MONTHS[match.group("month").lower()] if match.group("month") else None
    day, end_day = match.group("day"), match.group("end_day")
    return TimeRef(
        text=match.group(0).strip(" —–:-"),
        year=int(match.group("year")),
        month=month,
        day=int(day) if day else None,
        end_day=int(end_day) if end_day else None,
    )
