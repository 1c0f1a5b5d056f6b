"""Mentions into events: one place and date is one meeting, however the text names it.

* A mention with a place or time joins the event with the same place (a city and its country
  are one place: "the Netherlands" and "The Hague" merge, "Ankara" and "Istanbul" do not; a day
  within the meeting's dates, "today" on its second day, agrees with them), else
  one sharing its month (or year), else the one just discussed when it only fills a gap (a place
  for a dated event); anything that conflicts -- another place, another year, another kind -- is
  another event. A weak mention (a decision at a place) joins an event, or makes one only when
  it has a time.
* A mention with neither ("the summit", "the meeting") joins the event being discussed: the one
  named in this or the previous passage, else the latest one not in the past ("the next summit"
  never joins a past one).
* A placeless event that can only be one placed event (same kind, agreeing time) is that event.
* Kinds merge to the most specific ("the summit" of "EU leaders" is an EU summit); a summit never
  merges with a ministerial.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from knowledge.extract.events._details import FORWARD
from knowledge.extract.events._kinds import compatible, more_specific
from knowledge.extract.events._mentions import Mention
from knowledge.extract.events._times import more_telling, times_agree
from knowledge.gazetteer import normalize
from knowledge.models import AgendaRecord, AttendeeRecord, EventKind, EventStatus, PartialDate, TimeRef


@dataclass
class Event:
    """A meeting being assembled from its mentions."""

    kind: EventKind | None = None
    summit: bool = True  # a summit or leaders' meeting, not a ministerial or a conference
    place: str | None = None
    country: str | None = None
    is_country: bool = False  # the place is a whole country
    when: TimeRef | None = None
    touched: int = -1  # the latest passage that mentioned it
    passages: set[int] = field(default_factory=set)
    paragraphs: set[int] = field(default_factory=set)
    tenses: list[EventStatus] = field(default_factory=list)
    # the tenses of mentions that name the meeting itself, not a decision taken at it ("agreed in
    # Lisbon") or a reference back to it ("the meeting is due to end"), which tell of moments within it
    own_tenses: list[EventStatus] = field(default_factory=list)
    hosts: set[str] = field(default_factory=set)
    attendees: list[AttendeeRecord] = field(default_factory=list)
    agenda: list[AgendaRecord] = field(default_factory=list)
    # What is already recorded, so that a thousand passages saying the same add it once, in linear time.
    _attendee_keys: set[tuple[str, str | None]] = field(default_factory=set)
    _agenda_keys: set[str] = field(default_factory=set)

    def add_attendee(self, attendee: AttendeeRecord) -> bool:
        """Record an attendee unless the same name in the same role is already recorded."""
        key = (attendee.name, attendee.role)
        if key in self._attendee_keys:
            return False
        self._attendee_keys.add(key)
        self.attendees.append(attendee)
        return True

    def add_agenda_item(self, item: AgendaRecord) -> bool:
        """Record an agenda item unless the same words (any case or accents) are already recorded."""
        key = normalize(item.text)
        if key in self._agenda_keys:
            return False
        self._agenda_keys.add(key)
        self.agenda.append(item)
        return True


def place_mention(mention: Mention, events: list[Event], published: PartialDate | None) -> Event | None:
    """Return the event a mention belongs to, creating it when the mention names a new meeting."""
    if mention.elliptical:  # "the next one is in Ankara": only after a meeting, and of its kind
        if not events:
            return None
        latest = max(events, key=lambda event: event.touched)
        mention = replace(mention, kind=latest.kind, summit=latest.summit)
    if mention.back_reference or (mention.place is None and mention.when is None):
        # "the summit" is the summit being discussed, not a ministerial named since, and "a
        # ministerial meeting" is the ministerial, not the summit named since
        pool = events if mention.back_reference else [e for e in events if _may_join(e, mention)]
        event = _current(pool, mention, published)
        said = mention.place is not None or mention.when is not None
        if event is not None and mention.back_reference and said and not _same_meeting(event, mention):
            return None  # "It will be held in Ankara" about a meeting held elsewhere
        fresh = event is None or (mention.upcoming and is_past(event.when, published))
        if fresh and not mention.back_reference and not mention.weak:
            event = _new(events)
        elif event is not None and not mention.back_reference and not _may_join(event, mention):
            event = None
    else:
        event = _matching(mention, events)
        if event is None and not mention.joins_only and (not mention.weak or mention.when is not None):
            event = _new(events)
    if event is not None:
        _absorb(event, mention)
    return event


def fold_placeless(events: list[Event]) -> list[Event]:
    """Return the events with each placeless one folded into the one placed event it can only be.

    "The 2025 summit will be decisive ... leaders meet in The Hague on 24-25 June": one summit.
    """
    placed = [event for event in events if event.place]
    kept: list[Event] = []
    for event in events:
        if event.place is None:
            matches = [other for other in placed if _could_be(event, other)]
            if not matches:
                # "the last drill before alliance leaders gather in Tirana ... next week's summit":
                # the one placed meeting of its kind that has no date is the dated placeless one
                undated = [
                    other
                    for other in placed
                    if other.when is None
                    and _same_kind(event, other)
                    and EventStatus.PAST not in other.own_tenses
                    and EventStatus.PAST not in event.own_tenses
                ]
                matches = undated if len(undated) == 1 else []
            if len(matches) == 1:
                _fold(event, matches[0])
                continue
        kept.append(event)
    return kept


def _same_kind(event: Event, other: Event) -> bool:
    """Return whether two events are the same kind of meeting (summits, or ministerials)."""
    return compatible(event.kind, other.kind) and event.summit == other.summit


def _may_join(event: Event, mention: Mention) -> bool:
    """Return whether a placeless, timeless mention of a kind may be the event being discussed: a
    meeting of ministers is never the summit just named ("... before leaders meet at the summit in
    The Hague. The next meeting of defence ministers is in October")."""
    if not compatible(event.kind, mention.kind):
        return False
    return (mention.kind is None and not mention.summit) or event.summit == mention.summit


def _could_be(event: Event, other: Event) -> bool:
    """Return whether a placeless event may be another: same kind of meeting, and times that agree."""
    if not _same_kind(event, other):
        return False
    return event.when is not None and other.when is not None and times_agree(event.when, other.when)


def _fold(event: Event, into: Event) -> None:
    """Add what one event gathered to another."""
    into.kind = more_specific(into.kind, event.kind)
    into.when = into.when or event.when
    into.passages |= event.passages
    into.paragraphs |= event.paragraphs
    into.tenses += event.tenses
    into.own_tenses += event.own_tenses
    into.hosts |= event.hosts
    for attendee in event.attendees:
        into.add_attendee(attendee)
    for item in event.agenda:
        into.add_agenda_item(item)


def is_past(when: TimeRef | None, published: PartialDate | None) -> bool:
    """Return whether a time lies before the publication's year or month."""
    if when is None or when.year is None or published is None:
        return False
    if when.year != published.year:
        return when.year < published.year
    return when.month is not None and published.month is not None and when.month < published.month


def _new(events: list[Event]) -> Event:
    """Return a new, empty event appended to events."""
    events.append(Event())
    return events[-1]


def _current(events: list[Event], mention: Mention, published: PartialDate | None) -> Event | None:
    """Return the event being discussed at a mention: the one just named, else the latest upcoming;
    in a sentence on what will happen, the one upcoming meeting."""
    position = mention.passage.position
    if not events:
        return None
    latest = max(events, key=lambda event: event.touched)
    coming = one_coming(events, published)
    if (
        mention.back_reference
        and coming is not None
        and is_past(latest.when, published)
        and FORWARD.search(mention.passage.text)
    ):
        # "It will be the first since last year's summit in Oslo. ... Lindqvist will chair the
        # sessions": what will happen is the coming meeting's, however recently a past one was named
        return coming
    if latest.touched >= position - 1:
        return latest
    upcoming = [event for event in events if not is_past(event.when, published)]
    return max(upcoming, key=lambda event: event.touched) if upcoming else latest


def one_coming(events: Iterable[Event], published: PartialDate | None) -> Event | None:
    """Return the one meeting (of these) that is not past, if exactly one is not."""
    coming = {id(event): event for event in events if not is_past(event.when, published)}
    return next(iter(coming.values())) if len(coming) == 1 else None


def _matching(mention: Mention, events: list[Event]) -> Event | None:
    """Return the event a mention with a place or time names, if it is already known."""
    candidates = [event for event in events if _compatible(event, mention)]
    for event in candidates:
        if mention.place and event.place and _same_place(event, mention):
            return event
    for event in candidates:
        if mention.when and event.when and _shares_date(event.when, mention.when):
            return event
    latest = max(events, key=lambda event: event.touched, default=None)
    if latest is not None and latest in candidates and _fills_gap(latest, mention):
        return latest
    return None


def _compatible(event: Event, mention: Mention) -> bool:
    """Return whether nothing the mention says conflicts with the event."""
    if not compatible(event.kind, mention.kind) or event.summit != mention.summit:
        return False
    if mention.place and event.place and not _same_place(event, mention):
        return False
    return mention.when is None or event.when is None or times_agree(event.when, mention.when)


def _same_meeting(event: Event, mention: Mention) -> bool:
    """Return whether a back reference's place and time fit the event it refers to."""
    if mention.place and event.place and not _same_place(event, mention):
        return False
    return mention.when is None or event.when is None or times_agree(event.when, mention.when)


def _same_place(event: Event, mention: Mention) -> bool:
    """Return whether a mention's place is the event's: the same city, or a city in the same country."""
    place = mention.place
    assert place is not None and event.place is not None
    if event.country and place.country and event.country != place.country:
        return False
    if not event.is_country and not place.is_country:
        # "Ankara" and "Ankara, Türkiye" (a city as a calendar writes it) are one place
        return normalize(event.place.split(",")[0]) == normalize(place.name.split(",")[0])
    return bool(event.country) and event.country == place.country


def _fills_gap(event: Event, mention: Mention) -> bool:
    """Return whether a mention only adds what an event lacks (a place to a dated event)."""
    return (mention.place is None or event.place is None) and (mention.when is None or event.when is None)


def _shares_date(a: TimeRef, b: TimeRef) -> bool:
    """Return whether two agreeing times share a known month, or a year when neither has a month."""
    if a.month is not None and b.month is not None:
        return a.year == b.year or a.year is None or b.year is None
    return a.year is not None and a.year == b.year and a.month is None and b.month is None


def _absorb(event: Event, mention: Mention) -> None:
    """Add what a mention says to its event."""
    event.touched = mention.passage.position
    event.passages.add(mention.passage.position)
    event.paragraphs.add(mention.passage.paragraph)
    event.kind = more_specific(event.kind, mention.kind)
    if not event.passages - {mention.passage.position} and not mention.back_reference:
        event.summit = mention.summit
    place = mention.place
    if place and (event.place is None or (event.is_country and not place.is_country)):
        event.place, event.is_country = place.name, place.is_country
        event.country = place.country or event.country
    if mention.when and (event.when is None or more_telling(mention.when, event.when)):
        event.when = mention.when
    if mention.tense is not None:
        event.tenses.append(mention.tense)
        if not (mention.weak or mention.back_reference):
            event.own_tenses.append(mention.tense)
