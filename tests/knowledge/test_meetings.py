"""Meetings across documents: one meeting per place and date, the one /summit shows, and its status."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

import pytest

from knowledge.briefing import Briefing
from knowledge.ingest import ingest_text
from knowledge.meetings import place_name
from knowledge.models import EventStatus, Selection
from knowledge.store import Store

PREVIEW = (
    "Title: Riga preview\nSource: Test Desk\nDate: 2027-05-02\n\n"
    "NATO leaders will meet in Riga on 7-8 July for the alliance's summit. "
    "EU leaders meet in Brussels on 20-21 May for a European Council summit."
)
AFTERMATH = (
    "Title: Riga aftermath\nSource: Other Desk\nDate: 2027-07-20\n\n"
    "At the Latvian summit this month, allies agreed to buy more drones. "
    "The next summit will be held in Lisbon in 2028."
)
EU_ONLY = (
    "Title: EU week\nSource: Test Desk\nDate: 2027-05-02\n\n"
    "EU leaders meet in Brussels on 20-21 May for a European Council summit."
)


@pytest.fixture
async def meetings() -> AsyncIterator[Briefing]:
    """Yield a briefing over two unseeded articles about the same Riga summit."""
    store = await Store.open(":memory:")
    for number, text in enumerate((PREVIEW, AFTERMATH)):
        await ingest_text(store, text, name=f"{number}.txt")
    yield Briefing(store)
    await store.close()


async def test_one_summit_in_two_documents_is_one_meeting(meetings: Briefing) -> None:
    """ "Riga on 7-8 July" and "the Latvian summit this month" are one meeting with both sources."""
    answer = await meetings.summit(today=date(2027, 6, 1))
    assert (answer.place, answer.when and answer.when.day) == ("Riga", 7)
    assert {s.document.title for s in answer.sources} == {"Riga preview", "Riga aftermath"}
    labels = [s.label for s in await meetings.summits()]
    assert len(labels) == 3 and sum("Riga" in label for label in labels) == 1


@pytest.mark.parametrize(
    ("today", "place", "selection", "status"),
    [
        (date(2027, 5, 10), "Riga", Selection.NEXT, EventStatus.UPCOMING),  # the EU summit is no NATO summit
        (date(2027, 7, 8), "Riga", Selection.NEXT, EventStatus.IN_PROGRESS),
        (date(2027, 8, 1), "Lisbon", Selection.NEXT, EventStatus.UPCOMING),
        (date(2029, 1, 1), "Lisbon", Selection.LATEST, EventStatus.PAST),
    ],
)
async def test_the_next_nato_summit_else_the_latest(
    meetings: Briefing, today: date, place: str, selection: Selection, status: EventStatus
) -> None:
    """/summit shows the next NATO summit ahead of today, else the most recent, and says which."""
    answer = await meetings.summit(today=today)
    assert (answer.place, answer.selection, answer.status) == (place, selection, status)


async def test_a_summit_known_by_its_year_has_no_status_in_that_year(meetings: Briefing) -> None:
    """Lisbon 2028 is neither past nor ahead during 2028; it was upcoming when reported."""
    lisbon = next(s for s in await meetings.summits() if "Lisbon" in s.label)
    answer = await meetings.summit(lisbon.id, today=date(2028, 6, 1))
    assert (answer.selection, answer.status, answer.reported, answer.reported_on) == (
        Selection.CHOSEN,
        None,
        EventStatus.UPCOMING,
        "2027-07-20",
    )


async def test_other_meetings_are_shown_when_there_is_no_nato_summit() -> None:
    """With only an EU summit in the store, /summit shows it, labelled as an EU summit."""
    store = await Store.open(":memory:")
    await ingest_text(store, EU_ONLY, name="eu.txt")
    answer = await Briefing(store).summit(today=date(2027, 5, 10))
    assert (answer.label, answer.selection) == (
        "EU summit in Brussels, Belgium (20–21 May 2027)",
        Selection.NEXT,
    )
    await store.close()


async def test_an_unnamed_summit_and_a_nato_summit_at_the_same_place_and_month_are_one_meeting() -> None:
    """ "The Danish summit" of an article that never names NATO and NATO's summit in Copenhagen that
    month, told by another article, are one meeting, shown as NATO's with both sources."""
    store = await Store.open(":memory:")
    preview = (
        "Title: Preview\nSource: Desk\nDate: 2029-05-01\n\nThe Danish summit on 14-15 May will be short."
    )
    live = (
        "Title: Live: NATO summit, day two\nSource: Other\nDate: 2029-05-15\n\n"
        "10:05 — Leaders are arriving at the summit venue in Copenhagen for the second day."
    )
    for number, text in enumerate((preview, live)):
        await ingest_text(store, text, name=f"{number}.txt")
    briefing = Briefing(store)
    labels = [s.label for s in await briefing.summits()]
    answer = await briefing.summit(today=date(2029, 5, 15))
    await store.close()
    assert len(labels) == 1 and labels[0].startswith("NATO summit in Copenhagen")
    assert {s.document.title for s in answer.sources} == {"Preview", "Live: NATO summit, day two"}


@pytest.mark.parametrize(
    ("place", "country", "shown"),
    [
        ("Ankara, Turkey", "TR", "Ankara, Turkey"),  # the country already named, by another of its names
        ("Ankara", "TR", "Ankara, Türkiye"),
        ("The Hague", "NL", "The Hague, Netherlands"),
    ],
)
def test_a_place_is_shown_with_its_country_once(place: str, country: str, shown: str) -> None:
    """A city gets its country added unless the text already named it ("Ankara, Turkey, Türkiye" was shown)."""
    assert place_name(place, country) == shown
