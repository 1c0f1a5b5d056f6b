"""Gather meetings from the passages that talk about them: kind, place, time, status, attendees, agenda.

An article names a meeting many ways ("the summit in The Hague", "NATO leaders meet in The Hague
on 24-25 June", "the Dutch summit", "the meeting"); ``_mentions`` reads each mention's kind,
place, time and tense, ``_merge`` makes one event of each place and date, and ``_details``
gathers attendees and agenda. Here the events are finished:

* ``country`` is the place's own code when the place is a country, else the country a known city
  lies in, the one written after it ("Vilnius, Lithuania"), or the one host country named in the
  event's passages ("the first time Poland has hosted").
* A country-only event named in the first paragraph takes the city of the dateline when the city
  lies in that country ("THE HAGUE — NATO leaders left the Netherlands ...").
* ``kind`` is the most specific kind its mentions give; a summit no words qualify is NATO's in an
  article about NATO (see ``_kinds``).
* ``status`` against the article's date: from the dates when they tell (another month, or a known
  day), else from what the mentions' clauses say ("later this month", "will", "met").
* Attendees and agenda come from passages that mention the event, and from passages without a
  mention that look forward ("will", "are expected to", "on the agenda") in a paragraph that
  mentions an event not in the past, or that follows a paragraph that added to one (a paragraph
  of its own on the agenda).
* The one undated meeting a live blog follows is held on the blog's date (see ``_live``).
* A timetable ("18:00 — Dinner at the palace" under "Tuesday 24 June") is the programme of the
  event those days fall within (see ``_programme``).
* An event needs a year, or a place and a time as written ("the summit in Vilnius opens in July"
  in an article dated only by its year): without them it cannot be told apart from others.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from knowledge.extract.events._details import FORWARD, agenda, attendees
from knowledge.extract.events._kinds import NAMED_SUMMITS, article_is_about_nato, default_kind
from knowledge.extract.events._live import date_live_meeting
from knowledge.extract.events._mentions import Mention, first_since, mentions
from knowledge.extract.events._merge import Event, fold_placeless, is_past, one_coming, place_mention
from knowledge.extract.events._places import PlaceMatch, dateline, entry_place
from knowledge.extract.events._programme import add_programme
from knowledge.extract.people import PersonIndex, Referent, shared_index
from knowledge.extract.reader import CLAIM_LABEL, simulated_paragraphs
from knowledge.extract.timeref import find_times, line_date, line_date_end
from knowledge.gazetteer import find_country_mentions
from knowledge.models import (
    Article,
    EventKind,
    EventRecord,
    EventStatus,
    PartialDate,
    Passage,
    PersonRecord,
    TimeRef,
)

__all__ = ["NAMED_SUMMITS", "extract_events"]

_QUESTION = re.compile(r"^\s*Q\s*[:.]|\?\s*$")  # "Q: ...", "When do leaders meet next?"
# A statement turned into a question that asks to be confirmed or corrected: a guess, not a fact.
_TAG_QUESTION = re.compile(
    r"(?:,\s*(?:is|was|are|were|will|does|did|has|have)n['’]t\s+(?:it|they|there|he|she|we)|,\s*right|\bis\s+that\s+(?:right|correct))\s*\?\s*$",
    re.I,
)
_HOSTS = re.compile(r"\s+(?:has\s+|have\s+|will\s+|is\s+(?:set\s+|due\s+)?to\s+)?host(?:s|ed|ing)?\b")
_HOSTED_BY = re.compile(r"\bhosted by (?:the\s+)?$")


def extract_events(
    article: Article, people: list[PersonRecord], referents: Sequence[Referent | None] | None = None
) -> list[EventRecord]:
    """Return the meetings the article talks about, each gathered from all its passages.

    ``referents``: as for ``extract_statements``, computed here (only if a meeting is found) when not given.
    """
    published = article.meta.published
    events: list[Event] = []
    mentioned: dict[int, list[Event]] = {}  # passage position -> the events it mentions
    section: str | None = None
    asked = ""  # the question the passage before asked, which the passage may answer
    label: TimeRef | None = None  # the date a chronology's paragraph opens with ("2014 — ...")
    paragraph = -1
    summits_before = False  # an earlier sentence of the paragraph speaks of summits
    # "We, the Defence Ministers of ...": a declaration whose "we will meet again" is no summit
    ministers_declare = (
        bool(article.passages) and _MINISTERS_DECLARE.match(article.passages[0].text) is not None
    )
    correcting = False  # the passage is part of a correction note
    checked_claim = False  # the passage's paragraph is a fact check's claim
    # a chronology of summits: "how the targets grew, summit by summit" over "2023 – Vilnius, 11-12 July: ..."
    summits_listed = _SUMMITS.search(
        f"{article.meta.title or ''} {article.passages[0].text if article.passages else ''}"
    )
    simulated = simulated_paragraphs(article)  # a mock summit in a Model NATO club is no summit
    for passage in article.passages:
        opens_section = passage.section is not None and passage.section != section
        section = passage.section
        previous = article.passages[passage.position - 1] if passage.position else None
        before = previous.text if previous is not None and previous.paragraph == passage.paragraph else ""
        # what a table's rows are (see listed_meetings): only a passage with cells needs it
        frame = (
            f"{article.meta.title or ''} {previous.text if previous else ''}" if "|" in passage.text else ""
        )
        summits_before = summits_before and passage.paragraph == paragraph
        if passage.paragraph != paragraph:
            checked_claim = _CHECKED_CLAIM.match(passage.text) is not None
        found = mentions(
            _cased(passage),
            published,
            opens_section=opens_section,
            asked=asked,
            before=before,
            frame=frame,
            summits_before=summits_before,
            ministers_declare=ministers_declare,
        )
        summits_before = summits_before or _SUMMITS_PLURAL.search(passage.text) is not None
        if (
            passage.paragraph in simulated
            or (passage.text.rstrip().endswith("?") and _TAG_QUESTION.search(passage.text))
            or checked_claim
        ):
            # a mock summit; a guess put as a question ("... in Istanbul in June, isn't it?"); a fact
            # check's claim ("CLAIM: Leaders will sign off on 5% when they meet in July.")
            found = []
        if not found and passage.position - 1 in mentioned:
            found = first_since(
                passage
            )  # "... summit in Ankara. It will be the first there since Istanbul in 2004."
        # a correction's paragraph, from its first sentence on ("Correction, 3 March: ...")
        correcting = (correcting and passage.paragraph == paragraph) or _CORRECTION.search(
            passage.text
        ) is not None
        if passage.paragraph != paragraph:
            paragraph, label = (
                passage.paragraph,
                _in_year(line_date(passage.text) or _day_label(passage.text, published), section),
            )
            entry = _entry_meeting(passage, label, published) if summits_listed and label is not None else []
            if entry:  # "2026 – Ankara, 7-8 July: The first summit held under ...": the entry's summit
                found = entry + [m for m in found if m.place is not None]
        for mention in found:
            event = place_mention(_labelled(mention, label), events, published)
            if event is not None:
                mentioned.setdefault(passage.position, []).append(event)
                if correcting and mention.when is not None and mention.when.month is not None:
                    # "Correction: ... the summit in The Hague, which will take place on 24-25 June,
                    # not 25-26 June": the corrected dates replace those the story gave
                    event.when = mention.when
        asked = passage.text if _QUESTION.search(passage.text) else ""
    for position, named in mentioned.items():
        if all(event is named[0] for event in named):  # a host named beside two events hosts neither
            _hosts(article.passages[position].text, named[0])
    _gather_details(article, people, events, mentioned, referents)
    events = fold_placeless(events)
    date_live_meeting(article, events)
    _dated_stay(article, events)
    add_programme(article, events)
    about_nato = article_is_about_nato(f"{article.meta.title or ''} {article.body}")
    opening = dateline(article.passages[0].text) if article.passages else None
    return [
        _record(event, published, about_nato, opening)
        for event in events
        if event.when is not None and (event.when.year is not None or event.place)
    ]


def _dated_stay(article: Article, events: list[Event]) -> None:
    """Date a placed summit no mention dated by the days the article says someone is in its city.

    "See you all in Ankara on 7-8 July." in one post, "... to the Ankara summit" in the next
    paragraph: being in the meeting's city on given days is being at it. Only days (a day or a
    span of them), written right after "in <the city> on"; a bare month or year says too little.
    """
    for event in events:
        if event.when is not None or not event.place or not event.summit:
            continue  # a ministerial's city sees other meetings: "ministers will meet again in Brussels on 5 June"
        stay = re.compile(rf"\bin\s+{re.escape(event.place)}\s*,?\s+on\s+")
        for passage in article.passages:
            match = stay.search(passage.text)
            if match is None:
                continue
            found = find_times(passage.text, article.meta.published)
            # a span of days, as a summit has: one day in the city ("on 12 February for talks") may be anything
            when = next((t for t, s, _ in found if s == match.end() and t.end_day is not None), None)
            if when is not None:
                event.when = when
                break


_CHECKED_CLAIM = re.compile(CLAIM_LABEL, re.I)


_SUMMITS_PLURAL = re.compile(r"\bsummits\b", re.I)  # "The summits blur, but some stand out."
_MINISTERS_DECLARE = re.compile(r"\s*We,\s+the\s+(?:[\w-]+\s+){0,3}?[Mm]inisters\b")
# A listicle's entry a day opens: "**7–8 July** — The dates of the Ankara summit", "8–9 July 2027 — ...".
_DAY_LABEL = re.compile(r"\s*(?:\*\*|__)?(?P<date>[^\n*_]{3,30}?)(?:\*\*|__)?\s+[—–]\s+(?=\S)")


_LOWER = re.compile(r"[a-zß-ÿ]")
_CAPITAL_WORD = re.compile(r"[A-Z]{2,}")


def _cased(passage: Passage) -> Passage:
    """Return a passage written in capitals as a TV script's caption writes it ("LOWER THIRD: NATO
    SUMMIT — ANKARA — 7-8 JULY") with each word capitalised instead, so names and months read as
    they do elsewhere; any other passage as it is."""
    if _LOWER.search(passage.text) or len(_CAPITAL_WORD.findall(passage.text)) < 3:
        return passage
    cased = passage.text.title()
    return passage.model_copy(update={"text": cased}) if len(cased) == len(passage.text) else passage


def _day_label(text: str, published: PartialDate | None) -> TimeRef | None:
    """Return the day or days an entry opens with as its label, if it opens with nothing else."""
    label = _DAY_LABEL.match(text)
    if label is None:
        return None
    date = label.group("date").strip()
    times = find_times(date, published)
    if len(times) != 1 or times[0][1] != 0 or times[0][2] != len(date) or times[0][0].day is None:
        return None
    return times[0][0]


_CORRECTION = re.compile(
    r"^\W*correction\b|\ban\s+earlier\s+version\s+of\s+this\s+(?:article|story|report|piece)\b", re.I
)
_SUMMITS = re.compile(r"\b[Ss]ummits\b|\bsummit\s+(?:by|after)\s+summit\b")


def _entry_meeting(passage: Passage, label: TimeRef, published: PartialDate | None) -> list[Mention]:
    """Return the summit a chronology of summits' entry opens with: "2023 – Vilnius, 11-12 July: The 2%
    guideline becomes a floor" is the summit in Vilnius on 11-12 July 2023."""
    text = passage.text
    after_label = line_date_end(text)
    placed = entry_place(text, after_label) if after_label is not None else None
    if placed is None:
        return []
    place, date_start = placed
    colon = text.find(":", date_start)
    times = find_times(text[date_start:colon], published)
    if len(times) != 1 or times[0][0].month is None:
        return []
    when = times[0][0].model_copy(update={"year": label.year})
    return [Mention(passage, place.start, colon, None, place, when, None)]


def _labelled(mention: Mention, label: TimeRef | None) -> Mention:
    """Return a mention in a chronology's entry with the entry's year when it writes none of its own:
    "2014 — ... At the Wales summit in September, allies agree the 2% guideline" is September 2014;
    with the entry's days when they agree with the less exact time it writes ("8–9 July 2027 — The
    new dates for next year's summit in Tirana")."""
    if label is None or mention.back_reference:
        return mention
    if mention.when is None:
        return replace(mention, when=label)
    if (
        label.day is not None
        and mention.when.day is None
        and mention.when.year in (None, label.year)
        and mention.when.month in (None, label.month)
    ):
        return replace(mention, when=label)
    if _YEAR_GIVEN.search(mention.when.text) or mention.when.month is None:
        return mention
    return replace(mention, when=mention.when.model_copy(update={"year": label.year}))


def _in_year(label: TimeRef | None, section: str | None) -> TimeRef | None:
    """Return a chronology entry's date in the year its heading gives: under "2025", "24-25 June —"
    is June 2025 whatever the article's date."""
    heading = _YEAR_HEADING.fullmatch(section or "")
    if heading is None or label is None:
        return (
            label  # an entry with no date of its own may look ahead ("Looking ahead, leaders will meet ...")
        )
    year = int(heading.group("year"))
    return label if _YEAR_GIVEN.search(label.text) else label.model_copy(update={"year": year})


_YEAR_HEADING = re.compile(r"\s*(?P<year>(?:19|20)\d\d)\s*:?\s*")
_YEAR_GIVEN = re.compile(r"\b(?:19|20)\d\d\b|\b(?i:next|last|this|today|tomorrow|yesterday)\b")


def _record(
    event: Event, published: PartialDate | None, about_nato: bool, opening: PlaceMatch | None
) -> EventRecord:
    """Return the finished record of an assembled event."""
    with_roles = {a.name for a in event.attendees if a.role}
    event_attendees = [a for a in event.attendees if a.role or a.name not in with_roles]
    country = event.country or (next(iter(event.hosts)) if event.place and len(event.hosts) == 1 else None)
    place = event.place
    if (
        opening is not None
        and 0 in event.paragraphs
        and (place is None or event.is_country)
        and country is not None
        and opening.country == country
    ):
        place = opening.name  # "THE HAGUE — NATO leaders left the Netherlands ..."
    elif opening is not None and place is None and event.summit and _days_from(event.when, published) <= 3:
        # "OSLO — NATO leaders left the Norwegian capital ... The two-day summit, held on 28 and 29
        # June, ...": a summit the reporter writes from, days before or after it, is where they are
        place, country = opening.name, opening.country
    return EventRecord(
        kind=event.kind or (default_kind(about_nato) if event.summit else EventKind.MINISTERIAL),
        place=place,
        country=country,
        when=event.when,
        status=(event.when.status_on(published) if event.when else None) or _said_status(event),
        attendees=event_attendees,
        agenda=event.agenda,
        passages=sorted(event.passages),
    )


def _days_from(when: TimeRef | None, published: PartialDate | None) -> int:
    """Return how many days lie between a meeting's days and the article's date (a large number when
    either is not known to the day)."""
    if when is None or when.day is None or published is None or published.day is None:
        return 1_000
    first = when.first_day()
    today = TimeRef(text="", year=published.year, month=published.month, day=published.day).first_day()
    if first is None or today is None:
        return 1_000
    last = when.last_day() or first
    return 0 if first <= today <= last else min(abs((today - first).days), abs((today - last).days))


def _said_status(event: Event) -> EventStatus | None:
    """Return the status the text gives when the dates cannot: "later this month", "next week", "will", "met"."""
    text = event.when.text.lower() if event.when else ""
    if text.startswith(("later", "next ")):  # "next week": in the article's month, but ahead of it
        return EventStatus.UPCOMING
    if text.startswith(("earlier", "last ")):
        return EventStatus.PAST
    if not event.tenses:
        return None
    counts = Counter(event.tenses).most_common()
    return counts[0][0] if len(counts) == 1 or counts[0][1] > counts[1][1] else event.tenses[0]


def _hosts(text: str, event: Event) -> None:
    """Record the countries a passage about one event names as hosting it."""
    for country, start, end in find_country_mentions(text):
        if _HOSTS.match(text, end) or _HOSTED_BY.search(text[:start]):
            event.hosts.add(country.code)


# --- attendees and agenda ---------------------------------------------------------------------


def _gather_details(
    article: Article,
    people: list[PersonRecord],
    events: list[Event],
    mentioned: dict[int, list[Event]],
    referents: Sequence[Referent | None] | None,
) -> None:
    """Add to each event the attendees, roles and agenda items of the passages about it."""
    if not events:
        return  # who is referred to by "he" is worth knowing only for a meeting's attendees
    published = article.meta.published
    by_paragraph: dict[int, list[int]] = {}  # paragraph -> the positions of its passages with mentions
    for position in mentioned:
        by_paragraph.setdefault(article.passages[position].paragraph, []).append(position)
    index = shared_index(tuple(people))
    if referents is None:
        referents = index.referents(article.passages)
    carried: dict[int, Event] = {}  # paragraph -> the event its passages added details to
    for passage in article.passages:
        event = _event_for(passage, mentioned, by_paragraph, published)
        if event is None and passage.paragraph not in by_paragraph and FORWARD.search(passage.text):
            # a paragraph of its own on the agenda: the coming meeting the paragraph before spoke of
            event = _coming(carried.get(passage.paragraph - 1), by_paragraph, mentioned, passage, published)
        if event is not None and _gather(passage, event, index, referents[passage.position]):
            carried[passage.paragraph] = event


def _coming(
    carried: Event | None,
    by_paragraph: dict[int, list[int]],
    mentioned: dict[int, list[Event]],
    passage: Passage,
    published: PartialDate | None,
) -> Event | None:
    """Return the meeting a paragraph on what will happen continues: the one the paragraph before
    added details to, unless that one is past and the paragraph also named one still to come ("It
    will be their first meeting since last June's summit in The Hague. // Rutte will chair the talks")."""
    if carried is None or not is_past(carried.when, published):
        return carried
    before = by_paragraph.get(passage.paragraph - 1, [])
    return one_coming((event for position in before for event in mentioned[position]), published)


def _event_for(
    passage: Passage,
    mentioned: dict[int, list[Event]],
    by_paragraph: dict[int, list[int]],
    published: PartialDate | None,
) -> Event | None:
    """Return the one event a passage's attendees and agenda belong to, if any."""
    own = mentioned.get(passage.position)
    if own is not None:
        return own[0] if all(event is own[0] for event in own) else None
    same_paragraph = by_paragraph.get(passage.paragraph, [])
    if not same_paragraph or not FORWARD.search(passage.text):
        return None  # no event named in its paragraph, or nothing said about the future
    before = [p for p in same_paragraph if p < passage.position]
    nearest = max(before) if before else min(same_paragraph, default=None)
    if nearest is None:
        return None
    event = mentioned[nearest][-1] if before else mentioned[nearest][0]
    return None if is_past(event.when, published) else event


def _gather(passage: Passage, event: Event, index: PersonIndex, referent: Referent | None) -> bool:
    """Add the attendees, roles and agenda items a passage states to its event; return whether any."""
    found = attendees(passage, index, referent)
    items = agenda(passage)
    for attendee in found:
        event.add_attendee(attendee)
    for item in items:
        event.add_agenda_item(item)
    if found or items:
        event.passages.add(passage.position)
    return bool(found or items) or passage.position in event.passages
