"""Every list the store reads is bounded (issue 15): document pages, title lookups, /brief weights."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from knowledge.briefing import Briefing
from knowledge.errors import UnknownDocument
from knowledge.ingest import analyse, ingest_text
from knowledge.store import DOCUMENTS_PER_LIST, Store
from knowledge.store import documents as documents_module

SEED_DOCUMENTS = 1  # the store fixture is seeded with the bundled article (published 2025)
ARTICLES = Path(__file__).parent / "articles"


def dated(day: int, title: str) -> str:
    """Return a one-sentence article published on the day-th of a month in 2010 (older than the seed)."""
    return (
        f"Title: {title}\nSource: Test Desk\nDate: 2010-{1 + day // 28:02d}-{1 + day % 28:02d}\n\n"
        f"Norway spent {1 + day / 100:.2f}% of its GDP on defence in 2009."
    )


async def add_dated(store: Store, count: int) -> None:
    """Store count dated articles, titled "Memo n" (n = 0 is the oldest)."""
    for day in range(count):
        await ingest_text(store, dated(day, f"Memo {day}"), name=f"{day}.txt")


async def test_documents_returns_one_page_newest_first(store: Store) -> None:
    """A list of documents stops at its limit, newest first; the count still counts them all."""
    await add_dated(store, DOCUMENTS_PER_LIST + 5)
    page = await store.documents()
    assert len(page) == DOCUMENTS_PER_LIST
    dates = [d.document.published for d in page]
    assert dates == sorted(dates, key=str, reverse=True)
    assert page[1].document.title == f"Memo {DOCUMENTS_PER_LIST + 4}"  # after the seed (2025)
    assert await store.document_count() == DOCUMENTS_PER_LIST + 5 + SEED_DOCUMENTS
    assert len(await store.documents(limit=1000)) == DOCUMENTS_PER_LIST + 5 + SEED_DOCUMENTS


async def test_page_counts_are_the_documents_records(store: Store) -> None:
    """The counts beside each listed document are what was stored from it."""
    text = (ARTICLES / "summit-preview.txt").read_text(encoding="utf-8")
    article, extraction = analyse(text)
    report = await ingest_text(store, text, name="preview.txt")
    summary = await store.document(report.document_id)
    assert summary is not None
    assert (summary.passages, summary.spending_facts, summary.statements, summary.events) == (
        len(article.passages),
        len(extraction.spending),
        len(extraction.statements),
        len(extraction.events),
    )
    assert summary.spending_facts > 0


async def test_document_by_number_stays_in_its_scopes(store: Store) -> None:
    """A document is found by its number only in the scopes that hold it."""
    report = await ingest_text(store, dated(1, "Server memo"), name="memo.txt", scope="123")
    assert await store.document(report.document_id) is None
    found = await store.document(report.document_id, ("global", "123"))
    assert found is not None and found.document.title == "Server memo"


async def test_title_lookup_reads_only_the_newest_window(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Titles are matched among each scope's newest TITLE_WINDOW documents; older ones by number."""
    monkeypatch.setattr(documents_module, "TITLE_WINDOW", 3)  # the seed (2025), Memo 2 and Memo 1
    for day, title in enumerate(["Zulu archive", "Memo 1", "Memo 2"]):
        await ingest_text(store, dated(day, title), name=f"{day}.txt")
    briefing = Briefing(store)
    assert [d.document.title for d in await briefing.document_choices("memo")] == ["Memo 2", "Memo 1"]
    assert await briefing.document_choices("zulu") == []
    oldest = (await store.documents(limit=10))[-1]
    assert oldest.document.title == "Zulu archive"
    by_number = await briefing.document_choices(str(oldest.document.id))
    assert by_number[0].document.title == "Zulu archive"  # then titles holding the digits
    with pytest.raises(UnknownDocument):
        await briefing.resolve_document("Zulu archive")
    assert (await briefing.resolve_document(str(oldest.document.id))).document.title == "Zulu archive"
    monkeypatch.setattr(documents_module, "TITLE_WINDOW", 4)
    assert (await briefing.resolve_document("Zulu archive")).document.title == "Zulu archive"


async def test_title_lookup_takes_percent_and_underscore_literally(store: Store) -> None:
    """'%' and '_' in what is typed are characters of the title, not wildcards."""
    await ingest_text(store, dated(1, "Budget at 50% of plan"), name="a.txt")
    await ingest_text(store, dated(2, "Budget of 5000 units"), name="b.txt")
    briefing = Briefing(store)
    assert [d.document.title for d in await briefing.document_choices("50%")] == ["Budget at 50% of plan"]
    assert await briefing.document_choices("_") == []
    assert [d.document.title for d in await briefing.document_choices("BUDGET")] == [
        "Budget of 5000 units",
        "Budget at 50% of plan",
    ]


async def test_brief_weights_count_each_passages_records(store: Store) -> None:
    """A passage's weight is the facts, statements, agenda items and attendees read from it."""
    text = (ARTICLES / "summit-programme.txt").read_text(encoding="utf-8")
    article, extraction = analyse(text)
    expected = Counter(
        [r.passage for r in extraction.spending]
        + [r.passage for r in extraction.statements]
        + [item.passage for e in extraction.events for item in e.agenda]
        + [a.passage for e in extraction.events for a in e.attendees]
    )
    assert sum(1 for e in extraction.events if e.agenda or e.attendees) > 0  # the joins are exercised
    report = await ingest_text(store, text, name="summit.txt")
    weights = await store.passages_with_weight(report.document_id)
    assert [source.position for source, _ in weights] == [p.position for p in article.passages]
    assert {source.position: weight for source, weight in weights} == {
        p.position: expected.get(p.position, 0) for p in article.passages
    }
