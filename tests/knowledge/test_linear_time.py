"""Every extractor reads in time linear in the article's length (issue 12, item 3).

A test cannot assert seconds on a shared machine, so it compares CPU time (``process_time``, the
best of three runs) of the same extractor on an article and on one four times as long, built from
the same unit. Linear work takes about four times as long; the quadratic rescans this pins took
sixteen times as long and more. The bound, 8x, leaves room for a loaded machine's noise (a 2n/n
bound of 3x once tripped under load) without letting a quadratic rule back in.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from knowledge.extract.events import extract_events
from knowledge.extract.people import extract_people
from knowledge.extract.reader import read_article
from knowledge.extract.spending import extract_spending
from knowledge.extract.statements import extract_statements
from knowledge.models import Article

UNITS = {
    "one long run of percentages": ("2% ", 4_000),
    "one long run of amounts": ("$5bn ", 4_000),
    "one long run of ranges": ("2-3% ", 4_000),
    "one long run of quotations": ('"We will," she said. ', 4_000),
    "many spending sentences": ("Poland spent 2% of GDP on defence in 2024. ", 30_000),
    "many quoted sentences": ('"We will spend more," said Anna Nowak. ', 30_000),
    "many summit sentences": ("Leaders will meet at the summit in Ankara in July 2026. ", 30_000),
    "many paragraphs": ("Poland spent 2% of GDP in 2024.\n\n", 30_000),
}


def _all(article: Article) -> None:
    """Run every extractor over an article."""
    people = extract_people(article)
    extract_spending(article)
    extract_statements(article, people)
    extract_events(article, people)


def _cpu_seconds(run: Callable[[], None]) -> float:
    """Return the least CPU time of three runs, the garbage collector held off during each.

    A collection's pause lands in whichever run it falls in and once made a linear reader look
    eight times slower on four times the text; the extractors' own work is what is measured.
    """
    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            run()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


@pytest.mark.parametrize("name", list(UNITS))
def test_four_times_the_text_takes_about_four_times_the_time(name: str) -> None:
    """Making an article four times as long at most multiplies the extractors' CPU time by eight."""
    unit, chars = UNITS[name]
    small, large = (
        read_article(f"Title: T\nDate: 2025-01-01\n\n{unit * (n // len(unit))}") for n in (chars, 4 * chars)
    )
    ratio = _cpu_seconds(lambda: _all(large)) / max(_cpu_seconds(lambda: _all(small)), 1e-3)
    assert ratio < 8.0, f"{name}: 4n/n = {ratio:.1f}"


READER_UNITS = {
    "many words broken at line ends": ("The defen-\nce plan was read. ", 40_000),
    "many page footers": ("The plan was\n\nReport | Page 7\n\nread again.\n", 40_000),
}


@pytest.mark.parametrize("name", list(READER_UNITS))
def test_reading_four_times_the_text_takes_about_four_times_the_time(name: str) -> None:
    """Undoing a PDF's page layout (joined words, removed footers) is linear in the text too."""
    unit, chars = READER_UNITS[name]
    small, large = (f"Title: T\nDate: 2025-01-01\n\n{unit * (n // len(unit))}" for n in (chars, 4 * chars))
    ratio = _cpu_seconds(lambda: read_article(large)) / max(_cpu_seconds(lambda: read_article(small)), 1e-3)
    assert ratio < 8.0, f"{name}: 4n/n = {ratio:.1f}"


GAPS = {
    "a gap inside a box-drawn pull quote": ("┌───┐\n│ “We will pay,” she said.", " x │\n└───┘\n"),
    "a gap before a transcript's stage mark": ("ANNA NOWAK: We will pay.", " x [Applause]\nQ: Thanks.\n"),
    "a gap after a summit's name": ("Leaders meet at the Ankara summit", " x in July 2026.\n"),
}


@pytest.mark.parametrize("name", list(GAPS))
def test_a_gap_four_times_as_wide_takes_about_four_times_the_time(name: str) -> None:
    """One long run of spaces (a pasted page's padding) is read in time linear in its width: a
    pattern that tries every start in the run and then scans to its end takes sixteen times as long."""
    before, after = GAPS[name]
    small, large = (f"Title: T\nDate: 2025-01-01\n\n{before}{' ' * n}{after}" for n in (20_000, 80_000))
    ratio = _cpu_seconds(lambda: _all(read_article(large))) / max(
        _cpu_seconds(lambda: _all(read_article(small))), 1e-3
    )
    assert ratio < 8.0, f"{name}: 4n/n = {ratio:.1f}"
