"""Many documents in one store: answers combine them, keep sources apart and flag disagreements."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.briefing import Briefing
from knowledge.errors import UnknownPerson
from knowledge.ingest import ingest_file, ingest_text
from knowledge.meetings import OTHER_MEETINGS
from knowledge.models import Metric, Selection
from knowledge.store import Store

ARTICLES = sorted(p for p in (Path(__file__).parent / "articles").iterdir() if p.suffix in (".txt", ".md"))
CORRECTION = (
    "Title: Revised estimates\nSource: Test Desk\nDate: 2025-09-01\n\n"
    "The United States spent 3.3% of its GDP on defense in 2024, according to revised alliance estimates."
)


@pytest.fixture
async def library(store: Store) -> Briefing:
    """Return a briefing over the seed plus every hand-written test article."""
    for path in ARTICLES:
        await ingest_file(store, path)
    return Briefing(store)


async def test_every_article_is_a_separate_document(library: Briefing) -> None:
    """Each article is its own document; ingesting them all again changes nothing."""
    before = await library.sources(limit=1000)
    assert len(before) == 1 + len(ARTICLES)
    for path in ARTICLES:
        report = await ingest_file(library.store, path)
        assert not report.created
    assert await library.sources(limit=1000) == before


async def test_answers_combine_documents_newest_year_first(library: Briefing) -> None:
    """The US answer holds figures from several documents, newest year first, each with its own source."""
    answer = await library.spending("United States")
    years = [f.when.year for f in answer.figures if f.metric is Metric.SHARE_OF_GDP and f.when]
    assert years == sorted(years, reverse=True)
    documents = {f.source.document.title for f in answer.figures}
    assert len(documents) >= 3
    seed_2024 = next(
        f for f in answer.figures if f.metric is Metric.SHARE_OF_GDP and f.when and f.when.year == 2024
    )
    assert seed_2024.value == 3.19 and "3.19%" in seed_2024.source.passage


async def test_rounded_figures_are_not_a_conflict(library: Briefing) -> None:
    """ "about 3.4 percent" and "3.38 percent" for the same year agree within rounding."""
    answer = await library.spending("United States")
    assert answer.conflicts == []


async def test_different_values_are_flagged_with_both_sources(library: Briefing) -> None:
    """A second document with another 2024 share is shown beside the first and flagged, not merged."""
    await ingest_text(library.store, CORRECTION, name="correction.txt")
    (conflict,) = (await library.spending("United States")).conflicts
    assert (conflict.metric, conflict.year) == (Metric.SHARE_OF_GDP, 2024)
    assert sorted((f.value, f.source.document.title) for f in conflict.figures) == [
        (
            3.19,
            "NATO defence spending, the June summit in the Netherlands, and Ukraine (NATO annual report coverage)",
        ),
        (3.3, "Revised estimates"),
    ]


async def test_summit_choice_by_date(library: Briefing) -> None:
    """With several summits, the next one by date is shown; after the last, the latest."""
    summits = await library.summits()
    labels = [s.label for s in summits]
    assert "NATO summit in Ankara, Türkiye (7–8 July 2026)" in labels
    # the seed's "June summit in the Netherlands" is the one meetings-deal-and-notes places in The Hague
    # on 24-25 June 2025, and another article's "The Hague (2025)": one summit, as precise as the most
    # precise of them
    assert "NATO summit in The Hague, Netherlands (24–25 June 2025)" in labels
    assert not [
        label for label in labels if "2025" in label and "Netherlands" in label and "Hague" not in label
    ]
    assert (await library.summit(today=date(2026, 3, 1))).place == "Ankara"
    assert (await library.summit(today=date(2025, 3, 1))).place == "The Hague"
    nato = [s for s in summits if s.label.startswith("NATO summit") and s.when and s.when.year]
    last = max(nato, key=lambda s: (s.when.year, s.when.month or 1, s.when.day or 1) if s.when else (0, 0, 0))
    after_all = await library.summit(today=date(2100, 1, 1))
    assert (after_all.id, after_all.selection) == (last.id, Selection.LATEST)
    assert len((await library.summit(today=date(2026, 3, 1))).others) == min(len(labels) - 1, OTHER_MEETINGS)


async def test_people_from_different_documents_stay_apart(library: Briefing) -> None:
    """A person's statements come only from documents that quote them; a surname two people share
    asks which of them."""
    with pytest.raises(UnknownPerson) as asked:
        await library.statements("Berg")
    assert {"Anna Berg", "Jonas Berg"} <= set(asked.value.suggestions)
    answer = await library.statements("Anna Berg")
    assert answer.person.name == "Anna Berg"
    assert {q.source.document.title for q in answer.statements} == {
        "Sweden to keep raising defence budget, minister says"
    }


async def test_beside_a_summit_other_bodies_and_past_ministerials_are_not_listed(store: Store) -> None:
    """Beside the NATO summit: the other summits and the ministerial ahead of it, not February's
    ministerial nor the EU's summit, which stay in the choices."""
    await ingest_text(
        store,
        "Title: A crowded summer\nSource: Test Desk\nDate: 2026-06-01\n\n"
        "NATO leaders meet in Ankara on 7-8 July for the alliance's annual summit.\n\n"
        "NATO defence ministers met in Oslo in February.\n\n"
        "NATO defence ministers will meet in Brussels on 18 June to prepare the summit.\n\n"
        "EU leaders hold a European Council summit in Brussels on 25-26 June.\n",
        name="summer.txt",
    )
    briefing = Briefing(store)
    labels = [s.label for s in await briefing.summits()]
    assert any(label.startswith("NATO ministerial in Oslo") for label in labels), labels
    assert any(label.startswith("EU summit") for label in labels), labels
    answer = await briefing.summit(today=date(2026, 6, 1))
    assert answer.place == "Ankara"
    others = [o.label for o in answer.others]
    assert any(label.startswith("NATO summit") for label in others), others
    assert any(label.startswith("NATO ministerial in Brussels") for label in others), others
    assert not any("Oslo" in label or label.startswith("EU summit") for label in others), others
