"""Documents that disagree: every metric and counts of allies are flagged, each figure as written."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot import embeds
from knowledge.briefing import Briefing
from knowledge.ingest import ingest_text
from knowledge.models import Metric
from knowledge.store import Store

DOCUMENTS = [
    "Title: Count\nSource: Desk A\nDate: 2024-02-01\n\nOnly 11 of the 31 allies met the 2% target in 2023, NATO said.",
    "Title: Amount A\nSource: Desk A\nDate: 2024-02-01\n\nGermany spent $66.8 billion on defence in 2023, NATO said.",
    "Title: Amount B\nSource: Desk B\nDate: 2024-03-01\n\nGermany spent $70.5 billion on defence in 2023, a think tank said.",
    "Title: Verdict\nSource: Desk C\nDate: 2024-03-01\n\nCanada met NATO's 2% target in 2023.",
    "Title: Share\nSource: Desk D\nDate: 2024-03-01\n\nThe United States spent 3.30% of GDP on defence in 2024.",
]


@pytest.fixture
async def disagreeing(store: Store) -> AsyncIterator[Briefing]:
    """Yield a briefing over the seed and documents that contradict it or each other."""
    for number, text in enumerate(DOCUMENTS):
        await ingest_text(store, text, name=f"{number}.txt")
    yield Briefing(store)


@pytest.mark.parametrize(
    ("country", "metric", "year", "written"),
    [
        ("NATO", Metric.ALLIES_MEETING_TARGET, 2023, {"22 of NATO’s 32 members", "11 of the 31 allies"}),
        ("Germany", Metric.AMOUNT, 2023, {"$66.8 billion", "$70.5 billion"}),
        ("Canada", Metric.TARGET_MET, 2023, {"met NATO's 2% target", "Countries missing the goal include"}),
        ("United States", Metric.SHARE_OF_GDP, 2024, {"3.19%", "3.30%"}),
    ],
)
async def test_every_metric_in_dispute_is_flagged(
    disagreeing: Briefing, country: str, metric: Metric, year: int, written: set[str]
) -> None:
    """Counts, amounts, met-or-missed verdicts and shares from two documents that differ are one conflict."""
    (conflict,) = (await disagreeing.spending(country)).conflicts
    assert (conflict.metric, conflict.year) == (metric, year)
    texts = [f"{f.as_written} | {f.source.passage}" for f in conflict.figures]
    assert all(any(w in text for text in texts) for w in written)
    assert len({f.source.document.id for f in conflict.figures}) == 2


async def test_a_conflict_shows_each_figure_with_the_precision_it_was_written_with(
    disagreeing: Briefing,
) -> None:
    """ "3.30%" stays 3.30% beside the seed's 3.19% in the "Sources disagree" line."""
    embed = embeds.spending_embed(await disagreeing.spending("United States"))
    lines = [field.value or "" for field in embed.fields if "disagree" in (field.value or "")]
    assert lines and "3.30%" in lines[0] and "3.19%" in lines[0]
