"""Relative times resolve against the document date, and only as far as it allows."""

from __future__ import annotations

import pytest

from knowledge.extract.timeref import find_times
from knowledge.models import PartialDate

YEAR_ONLY = PartialDate(year=2025)
FULL = PartialDate(year=2026, month=3, day=12)  # a Thursday


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "spent 3.19% in 2024, down from 3.68% in 2014",
            YEAR_ONLY,
            [("2024", 2024, None), ("2014", 2014, None)],
        ),
        ("reached $1.3 trillion last year", YEAR_ONLY, [("last year", 2024, None)]),
        ("reached $1.3 trillion last year", None, [("last year", None, None)]),
        ("its budget for the current year", YEAR_ONLY, [("the current year", 2025, None)]),
        ("in the current fiscal year", YEAR_ONLY, [("the current fiscal year", 2025, None)]),
        ("a summit in the Netherlands this June", YEAR_ONLY, [("this June", 2025, 6)]),
        ("stated in February that", YEAR_ONLY, [("in February", None, 2)]),
        ("stated in February that", FULL, [("in February", 2026, 2)]),
        ("said in November that", FULL, [("in November", 2025, 11)]),
        # A bare month takes the tense of its verb: its own clause first, then its sentence.
        (
            "In April, Belgium said it would",
            PartialDate(year=2025, month=12, day=29),
            [("In April", 2025, 4)],
        ),
        ("Leaders will meet on 7 July, NATO announced", FULL, [("7 July", 2026, 7)]),
        ("Leaders met in October, officials said", FULL, [("in October", 2025, 10)]),
        # "will be held" looks ahead: "held" is past only when it is no passive after "be"
        ("It will be held in Oslo; it opens in February", FULL, [("in February", 2027, 2)]),
        ("Ministers meet again in May", PartialDate(year=2025, month=12, day=1), [("in May", 2026, 5)]),
        ("the June summit", YEAR_ONLY, [("June", None, 6)]),
        ("May I add", YEAR_ONLY, []),
        ("up from 1.2 percent a decade earlier", FULL, [("a decade earlier", 2016, None)]),
        (
            "2.2 percent last year, up from 1.2 percent a decade earlier",
            FULL,
            [("last year", 2025, None), ("a decade earlier", 2015, None)],
        ),
        # Anaphoric years count from the year written just before them, else from the date.
        (
            "2.9% in 2022; Italy reached 1.6% the same year",
            YEAR_ONLY,
            [("2022", 2022, None), ("the same year", 2022, None)],
        ),
        (
            "2.1% last year, from 1.9% the previous year",
            FULL,
            [("last year", 2025, None), ("the previous year", 2024, None)],
        ),
        ("3% in 2020 and 3.1% a year later", YEAR_ONLY, [("2020", 2020, None), ("a year later", 2021, None)]),
        ("A year earlier, it spent 0.9%", YEAR_ONLY, [("A year earlier", 2024, None)]),
        ("The same year, it spent 1%", YEAR_ONLY, [("The same year", None, None)]),  # the same as what?
        # A fiscal year is named by the calendar year it ends in; a span by its first year.
        ("a request of $850bn for FY26", YEAR_ONLY, [("FY26", 2026, None)]),
        ("2.4% of GDP in FY 2027", YEAR_ONLY, [("FY 2027", 2027, None)]),
        ("the FY2025-26 budget", YEAR_ONLY, [("FY2025", 2025, None)]),
        ("FYI, 2.1% in 2024", YEAR_ONLY, [("2024", 2024, None)]),
        # A year said aloud, as a transcript writes it; a count or a share is no year.
        ("4.1 per cent in twenty twenty-four", YEAR_ONLY, [("twenty twenty-four", 2024, None)]),
        ("5% by two thousand and thirty-five", YEAR_ONLY, [("two thousand and thirty-five", 2035, None)]),
        ("since twenty fourteen", YEAR_ONLY, [("twenty fourteen", 2014, None)]),
        ("twenty-two allies met it", YEAR_ONLY, []),
        ("3% by the end of the decade", YEAR_ONLY, [("by the end of the decade", 2030, None)]),
        ("twenty twenty per cent of voters", YEAR_ONLY, []),
    ],
)
def test_times_resolve(
    text: str, published: PartialDate | None, expected: list[tuple[str, int | None, int | None]]
) -> None:
    """Each time expression keeps its text and gets the year and month the date allows."""
    found = [(ref.text, ref.year, ref.month) for ref, _, _ in find_times(text, published)]
    assert found == expected


def test_exact_date_range() -> None:
    """An exact date range keeps its first and last day."""
    ((ref, _, _),) = find_times("the summit in Ankara on July 7-8, 2026", FULL)
    assert (ref.year, ref.month, ref.day, ref.end_day) == (2026, 7, 7, 8)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("next Tuesday", 17),
        ("on next Friday", 13),
        ("last Thursday", 5),
        ("last Tuesday", 10),
        ("on Thursday", 12),
    ],
)
def test_next_and_last_weekdays_count_from_the_date(text: str, day: int) -> None:
    """ "next Tuesday" is the first Tuesday after the date, "last Thursday" the one before it (FULL is a Thursday)."""
    ((ref, _, _),) = find_times(text, FULL)
    assert (ref.text, ref.year, ref.month, ref.day) == (text, 2026, 3, day)


def test_weekday_resolves_only_against_a_full_date() -> None:
    """ "on Tuesday" becomes the latest Tuesday on or before publication, or stays as written."""
    ((ref, _, _),) = find_times("met on Tuesday", FULL)
    assert (ref.year, ref.month, ref.day) == (2026, 3, 10)
    ((ref, _, _),) = find_times("met on Tuesday", YEAR_ONLY)
    assert (ref.text, ref.year) == ("on Tuesday", None)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("the summit next June", PartialDate(year=2100, month=11), ("next June", None, 6, None)),
        ("a decade ago", PartialDate(year=1905), ("a decade ago", None, None, None)),
        ("on June 31, 2025", FULL, ("June 31, 2025", 2025, 6, None)),
        ("on February 29, 2025", FULL, ("February 29, 2025", 2025, 2, None)),
        ("on February 29, 2024", FULL, ("February 29, 2024", 2024, 2, 29)),
        ("on July 8-7, 2026", FULL, ("July 8-7, 2026", 2026, 7, None)),
    ],
)
def test_impossible_times_keep_only_what_exists(
    text: str, published: PartialDate, expected: tuple[str, int | None, int | None, int | None]
) -> None:
    """Issue 12 item 1: a year past 1900-2100 stays as written; a day no calendar has is dropped."""
    ((ref, _, _),) = find_times(text, published)
    assert (ref.text, ref.year, ref.month, ref.day) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 24 and 25 June", (2026, 6, 24, 25)),
        ("from June 15 to 17", (2026, 6, 15, 17)),
        ("7 and 8 July 2027", (2027, 7, 7, 8)),
        ("on 24.06.2025", (2025, 6, 24, None)),
        ("on 11.–12.07.2023", (2023, 7, 11, 12)),
        ("on the 25th of June last year", (2025, 6, 25, None)),
        ("the 7th and 8th of July", (2026, 7, 7, 8)),
        ("on the twenty-eighth and twenty-ninth of June next year", (2027, 6, 28, 29)),
        ("the first of April 2028", (2028, 4, 1, None)),
    ],
)
def test_day_ranges_and_numeric_dates(text: str, expected: tuple[int, int, int, int | None]) -> None:
    """Ranges joined by "and" or "to", and day-first numeric dates, keep their days."""
    ((ref, _, _),) = find_times(text, FULL)
    assert (ref.year, ref.month, ref.day, ref.end_day) == expected


@pytest.mark.parametrize(
    "text",
    [
        "between 5 and 6 % of GDP",
        "on 24.06 the leaders",
        "the 24.5 figure",
        "on 31.02.2025",
        "June\n08:30 — Leaders arrive",
    ],
)
def test_numbers_are_not_dates(text: str) -> None:
    """Shares, decimals, impossible days, backward ranges and clock times are no dates."""
    assert [ref for ref, _, _ in find_times(text, FULL) if ref.day is not None] == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("later this month", FULL, (2026, 3)),
        ("next month's summit", PartialDate(year=2025, month=12, day=1), (2026, 1)),
        ("last month", PartialDate(year=2025, month=1), (2024, 12)),
        ("last week's summit", PartialDate(year=2025, month=7, day=3), (2025, 6)),
        ("next week", FULL, (2026, 3)),
        ("last week", PartialDate(year=2025, month=7), (None, None)),
        ("next month", YEAR_ONLY, (None, None)),
    ],
)
def test_relative_months_and_weeks(
    text: str, published: PartialDate, expected: tuple[int | None, int | None]
) -> None:
    """ "next month" needs the document's month and "last week" its day; neither gets a day."""
    ((ref, _, _),) = find_times(text, published)
    assert (ref.year, ref.month, ref.day) == (*expected, None)


@pytest.mark.parametrize(
    ("published", "year"),
    [
        (PartialDate(year=2026, month=7, day=6), 2025),  # June is "last month" in July: a year back
        (PartialDate(year=2026, month=6, day=20), 2025),
        (PartialDate(year=2026, month=10, day=1), 2026),  # the June just gone
    ],
)
def test_last_month_name_counts_back_past_the_month_just_before(published: PartialDate, year: int) -> None:
    """ "last June" written in July is June a year earlier: a writer calls the month just gone "last month"."""
    ((ref, _, _),) = find_times("At The Hague last June, allies set a new goal.", published)
    assert (ref.year, ref.month) == (year, 6)


@pytest.mark.parametrize(
    "text", ["It spent 1.3% in the year before the invasion.", "A year before the summit, it spent 2%."]
)
def test_a_year_counted_from_an_undated_event_has_no_year(text: str) -> None:
    """ "the year before the invasion" is not the year before the article: nothing is resolved."""
    assert find_times(text, PartialDate(year=2025, month=3, day=5)) == []


@pytest.mark.parametrize(
    ("text", "year", "month"),
    [("The flag went up in March last year.", 2024, 3), ("Talks resume in May of next year.", 2026, 5)],
)
def test_a_month_with_a_relative_year_is_that_years_month(text: str, year: int, month: int) -> None:
    """ "in March last year" is March of the year before the article, not the latest March."""
    found = find_times(text, PartialDate(year=2025, month=7, day=3))
    assert [(t.year, t.month) for t, _, _ in found] == [(year, month)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In less than three weeks, leaders meet", (2026, 4)),
        ("leaders meet in ten days' time", (2026, 3)),
        ("a fortnight from now", (2026, 3)),
        ("allies will decide within two months", (2026, 5)),
    ],
)
def test_spans_ahead_give_the_month_they_end_in(text: str, expected: tuple[int, int]) -> None:
    """A span counted from the document's day ("in three weeks") is the month it ends in, no day."""
    ((ref, _, _),) = find_times(text, FULL)
    assert (ref.year, ref.month, ref.day) == (*expected, None)


@pytest.mark.parametrize("text", ["Russia seized the town in three days", "the first time in three weeks"])
def test_a_span_told_of_the_past_is_a_duration_not_a_date(text: str) -> None:
    """Only a span ahead ("will meet in three weeks") dates anything; one in the past is how long."""
    assert find_times(text, FULL) == []


def test_a_spelled_ordinal_needs_the() -> None:
    """ "a third of June's budget" is a fraction; only "the third of June" is a day."""
    assert find_times("a third of June's budget went on fuel", FULL) == []
