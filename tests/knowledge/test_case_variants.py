"""Extraction never fails on letters that re.IGNORECASE treats as ASCII: ı, İ, ſ and the Kelvin sign.

Case-insensitive patterns match "thıs year" or "ſeptember", so every lookup of a matched word
must fold it the same way (found by reviewing the extractors: "thıs year" raised KeyError).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.extract import extract
from knowledge.extract.reader import read_article
from knowledge.extract.timeref import find_times
from knowledge.models import PartialDate

PHRASES = [
    "this year",
    "last year",
    "next year",
    "five years earlier",
    "two years ago",
    "a decade ago",
    "a decade earlier",
    "in September",
    "September 12, 2024",
    "12 September 2024",
    "by June 2026",
    "two thirds of allies",
    "half of the budget",
    "1.5 trillion dollars",
    "3 billion euros",
    "Canada spent 2 percent of GDP on defence in 2024",
    "Poland missed the 2% target",
    "said Defence Minister Kari Holm",
    "the summit in Vilnius",
]
VARIANTS = {"i": ["i", "I", "ı", "İ"], "s": ["s", "S", "ſ"], "k": ["k", "K", "\u212a"]}


def disguise(data: st.DataObject, phrase: str) -> str:
    """Return phrase with some letters swapped for their case variants."""
    return "".join(
        data.draw(st.sampled_from(VARIANTS[c.lower()])) if c.lower() in VARIANTS else c for c in phrase
    )


@settings(max_examples=300, deadline=None)
@given(data=st.data(), picks=st.lists(st.sampled_from(PHRASES), min_size=1, max_size=6))
def test_articles_with_case_variants_extract(data: st.DataObject, picks: list[str]) -> None:
    """Any mix of the phrases, in any case and variant letters: extraction runs to the end."""
    body = ". ".join(disguise(data, phrase).capitalize() for phrase in picks) + "."
    extract(read_article(f"Title: Variants\nDate: 2025-06-01\n\n{body}\n"))


def test_dotless_i_and_long_s_resolve_like_ascii() -> None:
    """ "thıs year" and "fıve years earlier" are found and resolved as their ASCII spellings."""
    published = PartialDate(year=2025, month=6, day=1)
    (this_year,) = find_times("It grew thıs year.", published)
    assert this_year[0].year == 2025
    _, earlier = find_times("In 2024 it grew; fıve years earlier it fell.", published)
    assert earlier[0].year == 2019
