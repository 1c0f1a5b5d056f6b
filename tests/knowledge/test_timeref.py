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
        ("a summit in the Netherlands this June", YEAR_ONLY, [("this June", 2025, 6)]),
        ("stated in February that", YEAR_ONLY, [("in February", None, 2)]),
        ("stated in February that", FULL, [("in February", 2026, 2)]),
        ("said in November that", FULL, [("in November", 2025, 11)]),
        ("the June summit", YEAR_ONLY, [("June", None, 6)]),
        ("May I add", YEAR_ONLY, []),
        ("up from 1.2 percent a decade earlier", FULL, [("a decade earlier", 2016, None)]),
        (
            "2.2 percent last year, up from 1.2 percent a decade earlier",
            FULL,
            [("last year", 2025, None), ("a decade earlier", 2015, None)],
        ),
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
