"""Gather summits from the passages that talk about them: place, time, attendees and agenda.

Rules:

* A mention is the word "summit" (not "summit declaration", "communiqué" or "statement", which
  are documents) or "meeting of NATO/alliance/allied leaders". Its place is what follows "in" or
  "at", possibly after "to be held", "will take place" and the like ("summit in Vilnius", "in
  Madrid, Spain"), or the proper noun before it ("the Madrid summit"); its time is a time
  expression right before it ("the July summit", "last year's summit") or right after it and its
  place ("... in Madrid this July", "on July 11-12, 2018"), the most precise one, resolved with
  ``find_times``. A weekday is kept as written: it resolves backwards, and a summit's lies ahead.
* "the meeting", "the gathering", "the sessions" and "the agenda" refer back to the summit being
  discussed; they never start one.
* Mentions merge into one event when they share a place (or country) or a month and year and
  nothing conflicts; a mention with neither ("the summit") joins the summit being discussed: the
  one named in this or the previous passage, else the latest one not in the past ("the next
  summit" never joins a past one). Anything that conflicts -- another place, another year -- is
  another event, past summits included.
* ``country`` is the place's own code when the place is a country; otherwise the country written
  after it ("Vilnius, Lithuania") or the one host country named in the summit's passages ("the
  first time Poland has hosted"). A city is never looked up: it stays without a country.
* Attendees and agenda come from passages that mention the summit, and from passages without a
  mention that look forward ("will", "are expected to", "on the agenda") in a paragraph that
  mentions a summit not in the past. Attendees: the known subjects of "<X and Y> are expected to
  attend" or "will attend/gather for the summit" (people from ``extract_people``, or groups whose
  head is "leaders", "ministers" ...); attending something else is not attending the summit.
  Roles: "<person> is expected to / will <verb phrase>", cut before "on", "during" and similar; a
  person with two roles has one record per role, and a role-less record gives way to one with a
  role. Agenda: what they "will / aim to discuss, introduce, adopt ..." and what "discussions on"
  name -- a serial list giving one item per entry -- and "<item> is on the agenda".
* An event with neither place nor time cannot be told apart from others and is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.extract.people import PersonIndex, Referent, is_title_prefix, shared_index
from knowledge.extract.timeref import find_times
from knowledge.gazetteer import find_country_mentions, normalize
from knowledge.models import (
    AgendaRecord,
    Article,
    AttendeeRecord,
    EventRecord,
    PartialDate,
    Passage,
    PersonRecord,
    TimeRef,
)
from knowledge.wordscan import fold_case


def _words(text: str) -> tuple[str, ...]:
    """Return the space-separated words of a word list written as one string."""
    return tuple(text.split())


_SUMMIT = re.compile(
    r"\b(?:summit|meeting of (?:NATO|Nato|alliance|allied) leaders)\b"
    r"(?!\s+(?:declaration|communiqu[eé]|statement|document|text)\b)",
    re.I,
)
_BACK_REFERENCE = re.compile(r"\bthe\s+(?:meeting|gathering|sessions|agenda)\b", re.I)
# Every match of the two patterns above has one of these words; most passages have none. Looked
# for in the case-folded text (see fold_case), as the patterns ignore case.
_MENTION_CUE = re.compile(r"summit|meeting|gathering|sessions|agenda")
_PLACE_WORD = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)*"
_PLACE = rf"(?:[Tt]he\s+)?{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}}"
# Words between "summit" and its place or date: "the summit, to be held in Ankara on July 7-8".
_HELD = (
    r"(?:\s*,?\s+(?:which\s+|that\s+)?(?:(?:will\s+be|is\s+to\s+be|to\s+be|is\s+being|was|is)\s+held"
    r"|(?:is|are|was)\s+(?:planned|scheduled|set|due)"
    r"|(?:will\s+)?(?:take|takes|took)\s+place|(?:will\s+)?(?:run|runs|open|opens|convene|convenes)))?"
)
_PLACE_AFTER = re.compile(rf"{_HELD}\s+(?:in|at)\s+(?P<place>{_PLACE})(?P<suffix>,\s+{_PLACE})?")
_PLACE_BEFORE = re.compile(rf"(?<![\w’'])(?P<place>{_PLACE})\s+$")
_NOT_PLACES = frozenset(
    _words("nato alliance leaders upcoming next last this emergency extraordinary annual special")
)
_TIME_BEFORE_GAP = re.compile(r"(?:['’]s)?\s+")
_TIME_AFTER_GAP = re.compile(rf"{_HELD}\s*,?\s*(?:(?:on|in|from|for|between)\s+)?")
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_LOOK_BACK = 60  # characters before "summit" that can hold its place or "next": bounds the scan
_UPCOMING = re.compile(r"\b(?:next|upcoming|coming|forthcoming)\s+(?:\w+\s+)?$", re.I)
_HOSTS = re.compile(r"\s+(?:has\s+|have\s+|will\s+|is\s+(?:set\s+|due\s+)?to\s+)?host(?:s|ed|ing)?\b")
_FORWARD = re.compile(
    r"\b(?:will|(?:is|are)\s+(?:also\s+)?(?:expected|set|due|scheduled|slated|likely)\s+to"
    r"|(?:plans?|aims?|hopes?|intends?)\s+to|on\s+the\s+(?:agenda|table))\b"
)
_MARKER = re.compile(
    r"\s+(?:(?:is|are)\s+(?:also\s+)?(?:expected|set|due|scheduled|slated|likely)\s+to"
    r"|will(?:\s+also)?|(?:plans?|intends?)\s+to)\s+"
)
# Attending needs no object, or the summit as its object: "attend a dinner" is something else.
_ATTEND = re.compile(
    r"(?:attend|gather|meet|convene)\b"
    r"(?P<object>\s+(?:for\s+|at\s+)?(?:the\s+(?:summit|meeting|gathering|talks)|it|in person)\b)?"
    r"(?:\s*,?\s*along with\s+(?P<group>[^,.;]+))?(?(object)|\s*(?:[,.;]|$))"
)
_ROLE_END = re.compile(r"\s+(?:on|about|over|regarding|during|at|in|when|while|as|after|before|for)\s+|[,;.]")
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but)\s+|;\s+")
_SUBJECT_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_GROUP_HEADS = frozenset(
    _words(
        "leaders ministers officials delegations delegates counterparts allies partners presidents"
        " government governments chiefs representatives"
    )
)
_PHRASE = r"(?:[^.;:]|\.(?=\d))+"  # up to the sentence's end; "3.5%" is no end
_AGENDA_VERBS = (
    "introduce|adopt|agree on|approve|launch|unveil|endorse|finali[sz]e|sign|discuss|debate"
    "|review|consider|focus on|tackle|decide on|take up"
)
_AGENDA_PLANNED = re.compile(
    r"\b(?:will|(?:aims?|plans?|hopes?|seeks?|intends?|(?:is|are)\s+(?:also\s+)?"
    rf"(?:expected|set|due|scheduled|likely))\s+to)\s+(?:also\s+)?(?:{_AGENDA_VERBS})\s+(?P<item>{_PHRASE})"
)
_AGENDA_TOPICS = re.compile(
    rf"\b(?:discussions?|talks|debates?|negotiations)\s+(?:on|about|over)\s+(?P<item>{_PHRASE})"
)
_AGENDA_LISTED = re.compile(
    r"(?P<item>[^,;:]+?)\s+(?:is|are)\s+(?:also\s+)?(?:on|high on|at the top of)\s+the\s+agenda\b"
)
_ITEM_END = re.compile(
    r",\s+(?:which|who|as|even|while|amid|after|before)\b"
    r"|(?<!\bhow)(?<!\bwhether)(?<!\bways)\s+(?:to|in order to|so that|at|during|while|when|because|before|after|as|amid)\s+"
)
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+|or\s+)?")
_AND_OR = re.compile(r"\s+(?:and|or)\s+")
_SERIAL_AND_OR = re.compile(r",\s+(?:and|or)\s+")
_HOSTED_BY = re.compile(r"\bhosted by (?:the\s+)?$")
_ATTEND_VERB = re.compile(r"(?:attend|gather|meet|convene)\b")


@dataclass(frozen=True, slots=True)
class _Mention:
    """One mention of a summit in a passage."""

    passage: Passage
    start: int
    place: str | None
    country: str | None  # when the place is a country or is followed by one
    when: TimeRef | None
    back_reference: bool  # "the meeting": joins the summit being discussed, never starts one
    upcoming: bool = False  # "the next summit", "the upcoming summit"


@dataclass
class _Event:
    """A summit being assembled from its mentions."""

    place: str | None = None
    country: str | None = None
    when: TimeRef | None = None
    touched: int = -1  # the latest passage that mentioned it
    passages: set[int] = field(default_factory=set)
    hosts: set[str] = field(default_factory=set)
    attendees: list[AttendeeRecord] = field(default_factory=list)
    agenda: list[AgendaRecord] = field(default_factory=list)


# --- assembling -------------------------------------------------------------------------------


def extract_events(article: Article, people: list[PersonRecord]) -> list[EventRecord]:
    """Return the summits the article talks about, each gathered from all its passages."""
    published = article.meta.published
    events: list[_Event] = []
    mentioned: dict[int, list[_Event]] = {}  # passage position -> the events it mentions
    for passage in article.passages:
        for mention in _mentions(passage, published):
            event = _place_mention(mention, events, published)
            if event is not None:
                mentioned.setdefault(passage.position, []).append(event)
    for position, named in mentioned.items():
        if all(event is named[0] for event in named):  # a host named beside two summits hosts neither
            _hosts(article.passages[position].text, named[0])
    by_paragraph: dict[int, list[int]] = {}  # paragraph -> the positions of its passages with mentions
    for position in mentioned:
        by_paragraph.setdefault(article.passages[position].paragraph, []).append(position)
    index = shared_index(tuple(people))
    referents = index.referents(article.passages)
    for passage in article.passages:
        event = _event_for(passage, mentioned, by_paragraph, published)
        if event is not None:
            _gather(passage, event, index, referents[passage.position])
    return [_record(event) for event in events if event.place or event.when]


def _record(event: _Event) -> EventRecord:
    """Return the finished record of an assembled event."""
    with_roles = {a.name for a in event.attendees if a.role}
    attendees = [a for a in event.attendees if a.role or a.name not in with_roles]
    country = event.country or (next(iter(event.hosts)) if event.place and len(event.hosts) == 1 else None)
    return EventRecord(
        kind="summit",
        place=event.place,
        country=country,
        when=event.when,
        attendees=attendees,
        agenda=event.agenda,
        passages=sorted(event.passages),
    )


# --- mentions ---------------------------------------------------------------------------------


def _mentions(passage: Passage, published: PartialDate | None) -> list[_Mention]:
    """Return the summit mentions and back references in a passage, in text order."""
    text = passage.text
    if _MENTION_CUE.search(fold_case(text)) is None:
        return []
    times = find_times(text, published)
    found = [_summit_mention(passage, match, times) for match in _SUMMIT.finditer(text)]
    found += [_Mention(passage, m.start(), None, None, None, True) for m in _BACK_REFERENCE.finditer(text)]
    return sorted(found, key=lambda mention: mention.start)


def _summit_mention(
    passage: Passage, match: re.Match[str], times: list[tuple[TimeRef, int, int]]
) -> _Mention:
    """Return what one summit mention says about the summit's place and time."""
    text = passage.text
    place, country, end = _place_after(text, match.end(), times)
    start = match.start()
    if place is None:
        place, country, start = _place_before(text, match.start(), times)
    when = _time_near(text, times, start, end)
    upcoming = bool(_UPCOMING.search(text, max(0, start - _LOOK_BACK), start))
    return _Mention(passage, match.start(), place, country, when, False, upcoming)


def _place_after(
    text: str, end: int, times: list[tuple[TimeRef, int, int]]
) -> tuple[str | None, str | None, int]:
    """Return (place, country, end) for "summit in <place>[, <country>]", or (None, None, end)."""
    match = _PLACE_AFTER.match(text, end)
    if match is None or _is_time(times, match.start("place")):
        return None, None, end
    place, country = _place_and_country(match.group("place"), match.start("place") == 0)
    if place is None:
        return None, None, end
    suffix = match.group("suffix")
    suffix_country = _country_of(suffix.lstrip(", ")) if suffix else None
    if suffix_country:
        return f"{place}{suffix}", country or suffix_country, match.end()
    return place, country, match.end("place")


def _place_before(
    text: str, start: int, times: list[tuple[TimeRef, int, int]]
) -> tuple[str | None, str | None, int]:
    """Return (place, country, start) for "the <place> summit", or (None, None, start)."""
    match = _PLACE_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
    if match is None or _is_time(times, match.start("place")):
        return None, None, start
    place, country = _place_and_country(match.group("place"), match.start("place") == 0)
    return (place, country, match.start("place")) if place else (None, None, start)


def _place_and_country(place: str, sentence_start: bool) -> tuple[str | None, str | None]:
    """Return the place as written and its country when it is one; None for non-places."""
    words = place.split()
    country = _country_of(place)
    if len(words) == 1 and words[0].lower() == "the":
        return None, None
    # "the Vilnius summit": the article belongs to the phrase, not the name; "The Hague" keeps it.
    if words[0].lower() == "the" and country is None and (words[0] == "the" or sentence_start):
        words = words[1:]
    if country is None and ((sentence_start and len(words) == 1) or words[0].lower() in _NOT_PLACES):
        return None, None
    return " ".join(words), country


def _country_of(text: str) -> str | None:
    """Return the country code when text is exactly a country's name."""
    mentions = find_country_mentions(text)
    bare = text.removeprefix("the ").removeprefix("The ")
    if len(mentions) == 1 and text[mentions[0][1] : mentions[0][2]] == bare:
        return mentions[0][0].code
    return None


def _is_time(times: list[tuple[TimeRef, int, int]], position: int) -> bool:
    """Return whether a time expression covers the position."""
    return any(start <= position < end for _ref, start, end in times)


def _time_near(text: str, times: list[tuple[TimeRef, int, int]], start: int, end: int) -> TimeRef | None:
    """Return the most precise time written right before or after the summit phrase text[start:end]."""
    near = [
        ref
        for ref, t_start, t_end in times
        if (t_end <= start and _TIME_BEFORE_GAP.fullmatch(text[t_end:start]))
        or (t_start >= end and _TIME_AFTER_GAP.fullmatch(text[end:t_start]))
    ]
    best = max(near, key=_precision, default=None)
    # A weekday is resolved backwards, as news reports past days; a summit's "on Tuesday" lies ahead.
    return TimeRef(text=best.text) if best and _WEEKDAY.search(best.text) else best


def _hosts(text: str, event: _Event) -> None:
    """Record the countries a summit passage names as hosting."""
    for country, start, end in find_country_mentions(text):
        if _HOSTS.match(text, end) or _HOSTED_BY.search(text[:start]):
            event.hosts.add(country.code)


# --- merging ----------------------------------------------------------------------------------


def _place_mention(mention: _Mention, events: list[_Event], published: PartialDate | None) -> _Event | None:
    """Return the event a mention belongs to, creating it when it names a new summit."""
    position = mention.passage.position
    if mention.back_reference or (mention.place is None and mention.when is None):
        event = _current(events, position, published)
        # "the next summit" is not the past one just discussed.
        fresh = event is None or (mention.upcoming and _is_past(event.when, published))
        if fresh and not mention.back_reference:
            event = _new_event(events)
    else:
        event = _matching(mention, events) or _new_event(events)
    if event is not None:
        _absorb(event, mention)
    return event


def _new_event(events: list[_Event]) -> _Event:
    """Return a new, empty event appended to events."""
    events.append(_Event())
    return events[-1]


def _current(events: list[_Event], position: int, published: PartialDate | None) -> _Event | None:
    """Return the summit being discussed at a passage: the one just named, else the latest upcoming."""
    if not events:
        return None
    latest = max(events, key=lambda event: event.touched)
    if latest.touched >= position - 1:
        return latest
    upcoming = [event for event in events if not _is_past(event.when, published)]
    return max(upcoming, key=lambda event: event.touched) if upcoming else latest


def _matching(mention: _Mention, events: list[_Event]) -> _Event | None:
    """Return the event a mention with a place or time names, if it is already known."""
    compatible = [event for event in events if _compatible(event, mention)]
    for event in compatible:
        if (
            mention.place
            and event.place
            and _place_key(event.place, event.country) == _place_key(mention.place, mention.country)
        ):
            return event
    for event in compatible:
        if mention.when and event.when and _shares_date(event.when, mention.when):
            return event
    latest = max(events, key=lambda event: event.touched, default=None)
    return latest if latest in compatible and latest is not None and _fills_gap(latest, mention) else None


def _fills_gap(event: _Event, mention: _Mention) -> bool:
    """Return whether a mention only adds what an event lacks (a place to a dated summit)."""
    return (mention.place is None or event.place is None) and (mention.when is None or event.when is None)


def _compatible(event: _Event, mention: _Mention) -> bool:
    """Return whether nothing the mention says conflicts with the event."""
    if (
        mention.place
        and event.place
        and _place_key(event.place, event.country) != _place_key(mention.place, mention.country)
    ):
        return False
    return mention.when is None or event.when is None or _times_agree(event.when, mention.when)


def _place_key(place: str, country: str | None) -> str:
    """Return the identity of a place: its country when it is one, else its normalized name."""
    return f"country:{country}" if country and _country_of(place) else normalize(place)


def _times_agree(a: TimeRef, b: TimeRef) -> bool:
    """Return whether two times could be the same date (no known field differs)."""
    pairs = ((a.year, b.year), (a.month, b.month), (a.day, b.day))
    return all(x is None or y is None or x == y for x, y in pairs)


def _shares_date(a: TimeRef, b: TimeRef) -> bool:
    """Return whether two agreeing times share a known month, or a year when neither has a month."""
    if a.month is not None and b.month is not None:
        return a.month == b.month
    return a.year is not None and a.year == b.year


def _absorb(event: _Event, mention: _Mention) -> None:
    """Add what a mention says to its event."""
    event.touched = mention.passage.position
    event.passages.add(mention.passage.position)
    if event.place is None and mention.place:
        event.place, event.country = mention.place, mention.country
    if mention.when and (event.when is None or _precision(mention.when) > _precision(event.when)):
        event.when = mention.when


def _precision(when: TimeRef) -> int:
    """Return how many of year, month and day a time knows."""
    return sum(value is not None for value in (when.year, when.month, when.day))


def _is_past(when: TimeRef | None, published: PartialDate | None) -> bool:
    """Return whether a time lies before the publication's year or month."""
    if when is None or when.year is None or published is None:
        return False
    if when.year != published.year:
        return when.year < published.year
    return when.month is not None and published.month is not None and when.month < published.month


# --- attendees and agenda ---------------------------------------------------------------------


def _event_for(
    passage: Passage,
    mentioned: dict[int, list[_Event]],
    by_paragraph: dict[int, list[int]],
    published: PartialDate | None,
) -> _Event | None:
    """Return the one summit a passage's attendees and agenda belong to, if any."""
    own = mentioned.get(passage.position)
    if own is not None:
        return own[0] if all(event is own[0] for event in own) else None
    same_paragraph = by_paragraph.get(passage.paragraph, [])
    if not same_paragraph or not _FORWARD.search(passage.text):
        return None  # no summit named in its paragraph, or nothing said about the future
    before = [p for p in same_paragraph if p < passage.position]
    nearest = max(before) if before else min(same_paragraph, default=None)
    if nearest is None:
        return None
    event = mentioned[nearest][-1] if before else mentioned[nearest][0]
    return None if _is_past(event.when, published) else event


def _gather(passage: Passage, event: _Event, index: PersonIndex, referent: Referent | None) -> None:
    """Add the attendees, roles and agenda items a passage states to its event."""
    attendees = _attendees(passage, index, referent)
    agenda = _agenda(passage)
    event.attendees += [attendee for attendee in attendees if attendee not in event.attendees]
    known = {normalize(item.text) for item in event.agenda}
    event.agenda += [item for item in agenda if normalize(item.text) not in known]
    if attendees or agenda:
        event.passages.add(passage.position)


def _attendees(passage: Passage, index: PersonIndex, referent: Referent | None) -> list[AttendeeRecord]:
    """Return who each forward-looking clause says will attend, or what role a person will play."""
    text = passage.text
    markers = list(_MARKER.finditer(text))
    found: list[AttendeeRecord] = []
    for number, marker in enumerate(markers):
        head = text[markers[number - 1].end() if number else 0 : marker.start()]
        if number:  # skip the previous clause's verb phrase: "X will host the meeting, and Y will ..."
            clause_break = _CLAUSE_BREAK.search(head)
            head = head[clause_break.end() :] if clause_break else ""
        subjects = _subjects(head, index, referent)
        found += _attendance(subjects, text[marker.end() :], passage.position)
    return found


def _subjects(head: str, index: PersonIndex, referent: Referent | None) -> list[tuple[str, bool]]:
    """Return (name, is_person) for the known subjects that end a clause's head, in order."""
    subjects: list[tuple[str, bool]] = []
    for chunk in reversed(_SUBJECT_SEPARATOR.split(head)):
        subject = _subject(chunk, index, referent)
        if subject is None:
            break  # the rest is an introductory phrase or someone unknown
        subjects.insert(0, subject)
    return subjects


def _attendance(subjects: list[tuple[str, bool]], rest: str, position: int) -> list[AttendeeRecord]:
    """Return the attendees a clause's verb phrase makes of its subjects."""
    attend = _ATTEND.match(rest)
    if attend is None and _ATTEND_VERB.match(rest):
        return []  # attending something else: "will attend a G7 meeting"
    if attend:
        groups = [(group.strip(), False) for group in [attend.group("group")] if group]
        return [
            AttendeeRecord(name=name, is_person=person, passage=position)
            for name, person in subjects + groups
        ]
    end = _ROLE_END.search(rest)
    role = rest[: end.start() if end else len(rest)].strip()
    if not role or role.split()[0] in {"be", "not", "have"} or not all(person for _, person in subjects):
        return []
    return [AttendeeRecord(name=name, is_person=True, role=role, passage=position) for name, _ in subjects]


def _subject(chunk: str, index: PersonIndex, referent: Referent | None) -> tuple[str, bool] | None:
    """Return (name, is_person) for one subject of an attendance clause, or None if unknown."""
    chunk = chunk.strip()
    if chunk in {"He", "She", "he", "she"}:
        return (referent.name, True) if referent else None
    mentions = [m for m in index.find(chunk) if m.end == len(chunk) and not m.possessive]
    if mentions and is_title_prefix(chunk[: mentions[-1].start]):
        return mentions[-1].name, True
    words = chunk.split()
    if words and words[-1].lower() in _GROUP_HEADS and len(words) <= 6:
        return chunk, False
    return None


def _agenda(passage: Passage) -> list[AgendaRecord]:
    """Return the agenda items a passage names."""
    text = passage.text
    items = [item for m in _AGENDA_PLANNED.finditer(text) for item in _items(m.group("item"))]
    items += [item for m in _AGENDA_TOPICS.finditer(text) for item in _items(m.group("item"))]
    listed = _AGENDA_LISTED.match(text)
    if listed:
        items.append(listed.group("item").strip())
    unique = dict.fromkeys(item for item in items if 1 <= len(item.split()) <= 15)
    return [AgendaRecord(text=item, passage=passage.position) for item in unique]


def _items(phrase: str) -> list[str]:
    """Return the items of an agenda phrase, cut before a purpose and split if a serial list."""
    end = _ITEM_END.search(phrase)
    phrase = phrase[: end.start()] if end else phrase
    if "," not in phrase:
        return [phrase.strip()]
    items = _LIST_SEPARATOR.split(phrase.strip())
    last = items.pop()
    items += _AND_OR.split(last, maxsplit=1) if not _SERIAL_AND_OR.search(phrase) else [last]
    return [item.strip() for item in items if item.strip()]
