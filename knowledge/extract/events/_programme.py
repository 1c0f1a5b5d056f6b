"""A meeting's programme: timetable lines ("18:00 — Dinner at the palace") under the days they fall on.

A passage with clock times followed by what happens ("09:00 — Leaders arrive", "10:00 North
Atlantic Council") is a programme. Its day is the day written before the line in the passage
("Tuesday 24 June"), else the last day of the programme passages before it. The lines of a day
go to the one event that day falls within (from its first day to its last, or within three days
of a first day given alone); with no day, or with no single such event, they go nowhere.
Each line becomes an agenda item "24 June 18:00: Dinner at the palace", its asides in brackets
left out.
"""

from __future__ import annotations

import calendar
import re

from knowledge.extract.events._merge import Event
from knowledge.extract.timeref import find_times
from knowledge.models import AgendaRecord, Article, TimeRef

_LINE = re.compile(r"(?<![\d.:])(?P<clock>[0-2]?\d:[0-5]\d)\s*(?:[—–-]\s*)?(?P<item>[^;\n]+)")
_ASIDE = re.compile(r"\s*\([^)]*\)?\s*$")
_CUE = re.compile(r"\d:\d\d")
_LONGEST_WITHOUT_END = 3  # days a meeting known only by its first day may last


def add_programme(article: Article, events: list[Event]) -> None:
    """Add each timetable line of the article to the event whose days it falls on."""
    dated = [event for event in events if event.when and event.when.day is not None]
    if not dated:
        return
    day: TimeRef | None = None
    for passage in article.passages:
        text = passage.text
        if _CUE.search(text) is None:
            continue
        days = [(ref, end) for ref, _, end in find_times(text, article.meta.published) if ref.day is not None]
        for line in _LINE.finditer(text):
            day = next((ref for ref, end in reversed(days) if end <= line.start()), day)
            event = _event_on(day, dated)
            if event is None or day is None:
                continue
            item = _ASIDE.sub("", line.group("item")).strip().rstrip(".")
            label = f"{day.day} {calendar.month_name[day.month or 1]} {line.group('clock')}: {item}"
            if item and event.add_agenda_item(AgendaRecord(text=label, passage=passage.position)):
                event.passages.add(passage.position)


def _event_on(day: TimeRef | None, events: list[Event]) -> Event | None:
    """Return the one event a day falls within, if exactly one does."""
    if day is None or day.year is None or day.month is None or day.day is None:
        return None
    on = [event for event in events if _within(day, event.when)]
    return on[0] if len(on) == 1 else None


def _within(day: TimeRef, when: TimeRef | None) -> bool:
    """Return whether a day lies between a meeting's first and last day, in the same month."""
    if when is None or when.day is None or (when.year, when.month) != (day.year, day.month):
        return False
    last = when.end_day or when.day + _LONGEST_WITHOUT_END - 1
    return day.day is not None and when.day <= day.day <= last
