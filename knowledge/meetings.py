"""Meetings across documents: one real-world meeting per group of stored events, and which to show.

* Events of several documents are one meeting when they have the same kind, place (a city's
  country stands for it) and month and year; an event known only to its year joins the one
  meeting of that kind, place and year that has a month, and a summit no body names ("the Danish
  summit" of an article that never names NATO) joins the one named summit (NATO's, the EU's, the
  G7's) of that place and month. A meeting is shown by its most precisely dated event, a named
  kind first.
* A meeting's status today comes from its dates (June 2025 is past in July 2025); when they
  cannot tell (only the year is given, and it is this year), a meeting already past when its
  article was written is past, and otherwise its status is unknown.
* ``/summit`` with no choice shows the next NATO summit ahead of today, else the most recent
  one; an article with no NATO summit gets its other meetings the same way. The answer says
  which it did (``Selection``), and where the meeting stood when its latest article was written.
* Labels say what a meeting is: "NATO summit in Ankara, Türkiye (July 2026)", "G7 summit in
  Kananaskis (June 2025)".
"""

from __future__ import annotations

from datetime import date

from knowledge import gazetteer
from knowledge.extract.events import NAMED_SUMMITS
from knowledge.models import (
    AgendaItem,
    Attendee,
    CountryRef,
    EventKind,
    EventStatus,
    EventSummary,
    PartialDate,
    Selection,
    Source,
    SummitAnswer,
)
from knowledge.store import EventKey, StoredEvent, normalize_key

OTHER_MEETINGS = 8  # other meetings named under an answer; the rest are in the autocomplete
_AHEAD = (EventStatus.UPCOMING, EventStatus.IN_PROGRESS)


def group_meetings(events: list[EventKey]) -> list[list[EventKey]]:
    """Return the stored events grouped so that each group is one real-world meeting, best dated first."""
    groups: dict[tuple[str, str, int | None, int | None], list[EventKey]] = {}
    for event in events:
        place = event.country or normalize_key(event.place or "")
        month = event.when.month if event.when else None
        year = event.when.year if event.when else None
        groups.setdefault((event.kind, place, year, month), []).append(event)
    for key in [k for k in groups if k[3] is None and k[2] is not None]:
        dated = [k for k in groups if k[:3] == key[:3] and k[3] is not None]
        if len(dated) == 1:  # "the summit in The Hague in 2025" is the June 2025 one
            groups[dated[0]] += groups.pop(key)
    for key in [k for k in groups if k[0] == EventKind.SUMMIT]:
        named = [k for k in groups if k[1:] == key[1:] and k[0] in NAMED_SUMMITS]
        if len(named) == 1:  # "the Dutch summit" of an article that never names NATO is NATO's one there
            groups[named[0]] += groups.pop(key)
    return [sorted(group, key=_best_first) for group in groups.values()]


def _best_first(event: EventKey) -> tuple[int, bool]:
    """Return the sort key that puts a meeting's most precisely dated event first, a named kind before "summit"."""
    return -_precision(event), event.kind == EventKind.SUMMIT


def _precision(event: EventKey) -> int:
    """Return how many of year, month and day an event's time knows."""
    when = event.when
    return sum(v is not None for v in (when.year, when.month, when.day)) if when else 0


def status_today(group: list[EventKey], today: date) -> EventStatus | None:
    """Return where a meeting stands today: from its dates, else past if its article said so."""
    day = PartialDate(year=today.year, month=today.month, day=today.day)
    by_dates = next((s for e in group if e.when and (s := e.when.status_on(day)) is not None), None)
    if by_dates is not None:
        return by_dates
    return EventStatus.PAST if any(e.status == EventStatus.PAST for e in group) else None


def default_meeting(groups: list[list[EventKey]], today: date) -> tuple[list[EventKey], Selection]:
    """Return the next NATO summit ahead of today, else the most recent (other meetings if none)."""
    summits = [g for g in groups if is_nato_summit(g)]
    candidates = summits or groups
    ahead = [g for g in candidates if status_today(g, today) in _AHEAD]
    if ahead:
        return min(ahead, key=lambda g: sort_date(g[0]) or date.max), Selection.NEXT
    dated = [g for g in candidates if sort_date(g[0]) is not None]
    if not dated:
        return candidates[0], Selection.LATEST
    return max(dated, key=lambda g: sort_date(g[0]) or date.min), Selection.LATEST


def beside(group: list[EventKey], other: list[EventKey]) -> bool:
    """Return whether a meeting belongs in the list beside another: beside a NATO summit, the other
    NATO summits and the alliance's other meetings its articles looked ahead to (a ministerial to
    prepare it), not its past ministerials nor other bodies' meetings (an EU Council the same month);
    beside any other meeting, every meeting."""
    if not is_nato_summit(group) or is_nato_summit(other):
        return True
    return other[0].kind == EventKind.NATO_MINISTERIAL and any(
        e.status == EventStatus.UPCOMING for e in other
    )


def is_nato_summit(group: list[EventKey]) -> bool:
    """Return whether a meeting is a NATO summit (or a summit no body is named for)."""
    return group[0].kind in (EventKind.NATO_SUMMIT, "summit")


def sort_date(event: EventKey) -> date | None:
    """Return the earliest date an event can be on, when its year is known (and the date possible)."""
    return event.when.first_day() if event.when else None


def nearest(group: list[EventKey], others: list[list[EventKey]]) -> list[list[EventKey]]:
    """Return up to OTHER_MEETINGS meetings closest in time to group's, in date order."""
    anchor = sort_date(group[0]) or date.min
    dated = sorted(others, key=lambda g: abs(((sort_date(g[0]) or date.min) - anchor).days))
    return sorted(dated[:OTHER_MEETINGS], key=lambda g: sort_date(g[0]) or date.min)


def summary(group: list[EventKey], today: date) -> EventSummary:
    """Return the short reference to a meeting, with its status today."""
    first = group[0]
    return EventSummary(
        id=first.id, label=event_label(first), when=first.when, status=status_today(group, today)
    )


def event_label(event: EventKey) -> str:
    """Return a short label for an event: "NATO summit in Ankara, Türkiye (July 2026)"."""
    from knowledge.briefing import describe_time  # one way of showing a time, for every answer

    where = f" in {place_name(event.place, event.country)}" if event.place else ""
    when = describe_time(event.when).split(" (“")[0] if event.when else ""
    return f"{event.kind}{where}" + (f" ({when})" if when else "")


def place_name(place: str, country: str | None) -> str:
    """Return a place with its country when it is a city the text did not name the country of."""
    try:
        name = gazetteer.by_code(country).name if country else None
    except KeyError:
        name = None
    if name is None or normalize_key(name) in normalize_key(place):
        return place
    if country in {c.code for c, _, _ in gazetteer.find_country_mentions(place)}:
        return place  # "Ankara, Turkey" already names Türkiye, by another of its names
    return f"{place}, {name}"


def summit_answer(
    group: list[StoredEvent], others: list[list[EventKey]], today: date, selection: Selection
) -> SummitAnswer:
    """Return one meeting's answer, merging what several documents say about it."""
    group = sorted(group, key=lambda e: -_precision(e))
    first = group[0]
    attendees: dict[tuple[str, str | None], Attendee] = {}
    agenda: dict[str, AgendaItem] = {}
    sources: dict[tuple[int, int], Source] = {}
    for event in group:
        for a in event.attendees:
            attendees.setdefault((normalize_key(a.name), a.role), a)
        for item in event.agenda:
            agenda.setdefault(normalize_key(item.text), item)
        for src in event.sources:
            sources.setdefault((src.document.id, src.position), src)
    latest = max(group, key=lambda e: e.published or "")
    return SummitAnswer(
        id=first.id,
        kind=first.kind,
        label=event_label(first),
        place=first.place,
        country=_country(first.country),
        when=next((e.when for e in group if e.when and e.when.day), first.when),
        selection=selection,
        status=status_today(list(group), today),
        today=today.isoformat(),
        reported=EventStatus(latest.status) if latest.status else None,
        reported_on=latest.published,
        attendees=list(attendees.values()),
        agenda=list(agenda.values()),
        sources=[sources[k] for k in sorted(sources)],
        others=[summary(g, today) for g in others],
    )


def _country(code: str | None) -> CountryRef | None:
    """Return the reference to an event's country, if it is one the gazetteer knows."""
    from knowledge.briefing import country_ref  # answers show countries one way

    try:
        return country_ref(gazetteer.by_code(code)) if code else None
    except KeyError:
        return None
