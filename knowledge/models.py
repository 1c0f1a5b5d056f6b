"""Typed records: what extraction produces, what the store holds, and the answers users get.

Extraction records point at passages by their position in the document (``passage``); the
store turns positions into row ids. Answer models carry a ``Source`` for every fact they show.
"""

from __future__ import annotations

import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    """Base for immutable value records."""

    model_config = ConfigDict(frozen=True)


# --- time -------------------------------------------------------------------------------------

# The years an article can be dated in, and a time in it resolved to: wide enough for historical
# coverage and long-range plans, narrow enough that one absurd header ("Date: 9999-12-31") cannot
# put "next June" in the year 10000 or make a figure "the newest" for every user.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


class PartialDate(Frozen):
    """A date known to year, month or day precision (ISO 8601 reduced precision)."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """Return the date as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Return the date written as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError."""
        parts = text.strip().split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isascii() and p.isdigit() and len(p) <= 4 for p in parts):
            raise ValueError(f"not an ISO date: {text!r}")
        if len(parts[0]) != 4:
            raise ValueError(f"not an ISO date: {text!r}")
        numbers = [int(p) for p in parts]
        date = cls(
            year=numbers[0],
            month=numbers[1] if len(numbers) > 1 else None,
            day=numbers[2] if len(numbers) > 2 else None,
        )
        if date.month is not None and not 1 <= date.month <= 12:
            raise ValueError(f"month out of range: {text!r}")
        if date.day is not None:
            datetime.date(date.year, date.month or 1, date.day)  # raises ValueError when invalid
        return date

    def plausible(self) -> bool:
        """Return whether the year lies within EARLIEST_YEAR..LATEST_YEAR."""
        return EARLIEST_YEAR <= self.year <= LATEST_YEAR


class TimeRef(Frozen):
    """A time expression as written, with what could be resolved against the document date."""

    # as written: "last year", "in February", "in 2023", "this June"; or, in brackets, how a time
    # the text does not write was inferred: "(year in context)" (see ``inferred``)
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_day: int | None = None  # for ranges such as "June 24-25"

    @classmethod
    def inferred_as(cls, how: str, **resolved: int | None) -> TimeRef:
        """Return a time the text does not write, labelled with how it was inferred ("year in context")."""
        return cls(text=f"({how})", **resolved)

    @property
    def inferred(self) -> bool:
        """Return whether the time was inferred rather than written (shown so, never quoted)."""
        return self.text.startswith("(") and self.text.endswith(")")

    def resolved(self) -> bool:
        """Return whether at least the year is known."""
        return self.year is not None

    def first_day(self) -> datetime.date | None:
        """Return the earliest day the time can mean, or None when the year is unknown or the date impossible."""
        return _calendar_day(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> datetime.date | None:
        """Return the day a range ("June 24-25") ends on, or None when it is not a range or impossible."""
        return _calendar_day(self.year, self.month, self.end_day) if self.end_day else None

    def status_on(self, day: PartialDate | None) -> EventStatus | None:
        """Return whether this time is ahead of, around or before a day, when the dates tell.

        Compared at the precision both know: June 2025 is past on 1 July 2025 and unknown on
        20 June 2025; 24-25 June is in progress on 24 June.
        """
        if self.year is None or day is None:
            return None
        start = (self.year, self.month, self.day)
        end = (self.year, self.month, self.end_day or self.day)
        known = sum(part is not None for part in start)
        now = (day.year, day.month, day.day)[:known]
        if any(part is None for part in now):
            return None
        if end[:known] < now:
            return EventStatus.PAST
        if start[:known] > now:
            return EventStatus.UPCOMING
        return EventStatus.IN_PROGRESS if known == 3 else None


def _calendar_day(year: int | None, month: int | None, day: int | None) -> datetime.date | None:
    """Return the date, or None when a part is missing or the date does not exist (stored by an older version)."""
    if year is None or month is None or day is None:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


# --- documents and passages -------------------------------------------------------------------


class ArticleMeta(Frozen):
    """What an article's header says about it; unknown fields stay empty."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: PartialDate | None = None


class Passage(Frozen):
    """One sentence of a document, verbatim, with its place in the text."""

    position: int  # 0-based order within the document
    text: str  # == body[start:end]
    start: int
    end: int
    section: str | None = None  # heading above it, if any
    paragraph: int = 0  # 0-based paragraph (line block) index


class Article(Frozen):
    """A parsed article: metadata, body text and its passages."""

    meta: ArticleMeta
    body: str
    sha256: str  # of the body, UTF-8
    passages: list[Passage]
    sections: list[str] = Field(default_factory=list)


# --- extraction records -----------------------------------------------------------------------


ALLIANCE = "NATO"  # the subject code for facts about the alliance as a whole


class Metric(StrEnum):
    """What a spending fact measures."""

    SHARE_OF_GDP = "share_of_gdp"  # value: percent of GDP
    AMOUNT = "amount"  # value: money, in units of ``currency``
    AMOUNT_INCREASE = "amount_increase"  # value: money added to the budget ("an extra €4bn")
    TARGET_MET = "target_met"  # value: None; target: the percent target
    TARGET_MISSED = "target_missed"
    ALLIES_MEETING_TARGET = "allies_meeting_target"  # value: count; total: of how many
    COMPARISON = "comparison"  # qualitative: ``text`` holds the claim


class FigureStatus(StrEnum):
    """How sure a figure is, as the text says it: measured, estimated, planned, or a goal."""

    ACTUAL = "actual"  # spent: "spent 2.1% in 2023"
    ESTIMATE = "estimate"  # "an estimated 2.3%", "is expected to reach", this year's figure
    PLANNED = "planned"  # a budget or a plan: "will spend", "budgeted", "plans to"
    TARGET = "target"  # a goal: "aims to reach 3% by 2030", "pledged", "committed to"


class SpendingRecord(Frozen):
    """One spending fact about a country (ISO alpha-2 code) or the alliance (``ALLIANCE``)."""

    passage: int
    subject: str
    metric: Metric
    when: TimeRef | None = None
    value: float | None = None
    currency: str | None = None  # ISO 4217 for amounts ("USD", "EUR", "CAD")
    approximate: bool = False
    target: float | None = None  # the percent-of-GDP target the fact refers to
    total: int | None = None  # for counts: "22 of 32"
    as_written: str  # the figure or claim exactly as in the passage: "3.19%", "$1.3 trillion"
    equivalents: list[str] = Field(default_factory=list)  # "(€1.1 trillion)" -> ["€1.1 trillion"]
    status: FigureStatus | None = None  # None: the text does not say how sure (older readings)


class StatementKind(StrEnum):
    """How faithfully the words are the speaker's."""

    VERBATIM = "verbatim"
    PARTIAL = "partial"
    REPORTED = "reported"


class SpeakerType(StrEnum):
    """Who a statement is attributed to: a named person, a document, or an unnamed source."""

    PERSON = "person"  # a person the article names
    DOCUMENT = "document"  # a communiqué, declaration, ministry or government speaking as a body
    UNNAMED = "unnamed"  # "a senior NATO official", "diplomats": kept as the article words it


class PersonRecord(Frozen):
    """A person named in a document."""

    name: str  # full name as first written: "Mark Rutte"
    role: str | None = None  # as stated: "Dutch Prime Minister"
    passage: int  # where the person is introduced


class StatementRecord(Frozen):
    """Something a person said or wrote, tied to its passage."""

    passage: int
    speaker: str  # PersonRecord.name, or a document or unnamed source as written
    kind: StatementKind
    text: str  # verbatim/partial: the exact quoted words; reported: the reported clause
    context: str | None = None  # partial quotes: the clause around the quoted words
    when: TimeRef | None = None
    medium: str | None = None  # "NATO's latest annual report"
    speaker_type: SpeakerType = SpeakerType.PERSON
    segments: list[str] = Field(default_factory=list)  # a split quotation's parts, in order
    place: str | None = None  # where it was said, as written: "Strasbourg"


class AttendeeRecord(Frozen):
    """Someone expected at an event, and the role they will play when stated."""

    name: str  # a PersonRecord.name, or a group as written ("other world leaders")
    is_person: bool
    role: str | None = None
    passage: int


class AgendaRecord(Frozen):
    """An item an event will discuss or decide."""

    text: str
    passage: int


class EventKind(StrEnum):
    """What a meeting is: users ask for NATO summits, and other meetings must say what they are."""

    NATO_SUMMIT = "NATO summit"
    NATO_MINISTERIAL = "NATO ministerial"
    MINISTERIAL = "ministerial meeting"
    EU_SUMMIT = "EU summit"
    G7_SUMMIT = "G7 summit"
    G20_SUMMIT = "G20 summit"
    CONTACT_GROUP = "Ukraine Defence Contact Group meeting"
    CONFERENCE = "conference"
    SUMMIT = "summit"  # leaders of no group the text names ("European leaders met in London")


class EventStatus(StrEnum):
    """Where an event stands against a date: the article's or today."""

    UPCOMING = "upcoming"
    IN_PROGRESS = "in progress"
    PAST = "past"


class EventRecord(Frozen):
    """A meeting (a summit, a ministerial ...) gathered from the passages that talk about it."""

    kind: str  # an EventKind
    place: str | None = None  # as written: "the Netherlands", "Vilnius"
    country: str | None = None  # ISO alpha-2 of the place, or of the country a city lies in
    when: TimeRef | None = None
    status: EventStatus | None = None  # against the article's date, when the text or dates tell
    attendees: list[AttendeeRecord] = Field(default_factory=list)
    agenda: list[AgendaRecord] = Field(default_factory=list)
    passages: list[int] = Field(default_factory=list)


class Extraction(Frozen):
    """Everything extracted from one article."""

    people: list[PersonRecord] = Field(default_factory=list)
    spending: list[SpendingRecord] = Field(default_factory=list)
    statements: list[StatementRecord] = Field(default_factory=list)
    events: list[EventRecord] = Field(default_factory=list)


# --- answers ----------------------------------------------------------------------------------


class DocumentRef(Frozen):
    """Where a fact comes from: the document, as much as is known about it."""

    id: int
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO, at the precision known


class Source(Frozen):
    """The exact sentence a fact was read from, and its document."""

    document: DocumentRef
    passage: str
    section: str | None = None
    position: int


class CountryRef(Frozen):
    """A country (or the alliance, code ``NATO``) as shown to users."""

    code: str
    name: str
    flag: str
    nato_member: bool


class Figure(Frozen):
    """One stored spending fact with its source."""

    subject: str
    metric: Metric
    when: TimeRef | None = None
    value: float | None = None
    currency: str | None = None
    approximate: bool = False
    target: float | None = None
    total: int | None = None
    as_written: str
    equivalents: list[str] = Field(default_factory=list)
    status: FigureStatus | None = None
    source: Source


class Conflict(Frozen):
    """Two documents that give different values for the same subject, year and metric."""

    metric: Metric
    year: int | None
    figures: list[Figure]


class CountryStatus(Frozen):
    """A country the store has spending facts for, with a one-line preview."""

    country: CountryRef
    preview: str  # "missed 2% target (2023)", "3.19% of GDP (2024)"


class SpendingAnswer(Frozen):
    """What the store knows about a country's (or the alliance's) defence spending."""

    country: CountryRef
    matched_by: str  # "exact", "alias" or "fuzzy": how the user's text resolved
    alias: str | None = None  # the other name the user gave the country ("Turkey" for Türkiye)
    figures: list[Figure] = Field(default_factory=list)  # shares of GDP and amounts, newest first
    target_status: list[Figure] = Field(default_factory=list)
    comparisons: list[Figure] = Field(default_factory=list)
    alliance: list[Figure] = Field(default_factory=list)  # alliance-wide context
    members: list[CountryStatus] = Field(default_factory=list)  # alliance overview: who is covered
    derived: list[str] = Field(default_factory=list)  # statements computed from figures, labelled
    conflicts: list[Conflict] = Field(default_factory=list)
    covered: list[CountryStatus] = Field(default_factory=list)  # set when the country has no facts

    def has_facts(self) -> bool:
        """Return whether the store holds any fact about this subject itself."""
        return bool(self.figures or self.target_status or self.comparisons or self.members)


class PersonRef(Frozen):
    """A person the store knows, with the roles documents give them."""

    name: str
    roles: list[str] = Field(default_factory=list)
    statement_count: int = 0
    speaker_type: SpeakerType = SpeakerType.PERSON


class Quote(Frozen):
    """A statement as shown to users."""

    kind: StatementKind
    text: str
    context: str | None = None
    when: TimeRef | None = None
    medium: str | None = None
    segments: list[str] = Field(default_factory=list)
    place: str | None = None
    source: Source


class Appearance(Frozen):
    """A person's part in an event."""

    event: str  # "summit in the Netherlands (June 2025)"
    role: str | None = None
    source: Source


class StatementsAnswer(Frozen):
    """A person's statements, verbatim first, and where else they appear."""

    person: PersonRef
    matched_by: str
    statements: list[Quote] = Field(default_factory=list)
    appearances: list[Appearance] = Field(default_factory=list)


class Attendee(Frozen):
    """Someone expected at an event."""

    name: str
    is_person: bool
    role: str | None = None
    source: Source


class AgendaItem(Frozen):
    """An item on an event's agenda."""

    text: str
    source: Source


class EventSummary(Frozen):
    """A short reference to an event, for choosing among several."""

    id: int
    label: str  # "NATO summit in the Netherlands (June 2025)"
    when: TimeRef | None = None
    status: EventStatus | None = None  # as of today, when the dates tell


class Selection(StrEnum):
    """Why /summit shows the event it shows."""

    CHOSEN = "chosen"  # the user picked it
    NEXT = "next"  # the next one ahead of today
    LATEST = "latest"  # none is ahead: the most recent one


class SummitAnswer(Frozen):
    """An event: where, when, who, what, and from which sentences."""

    id: int
    kind: str
    label: str
    place: str | None = None
    country: CountryRef | None = None
    when: TimeRef | None = None
    selection: Selection = Selection.CHOSEN
    status: EventStatus | None = None  # as of today
    today: str  # ISO date the status was computed for
    reported: EventStatus | None = None  # as of the latest document about it
    reported_on: str | None = None  # that document's date (ISO, as precise as known)
    attendees: list[Attendee] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    others: list[EventSummary] = Field(default_factory=list)


class SearchHit(Frozen):
    """A passage matching a free-text query; matched words are wrapped in HIGHLIGHT marks."""

    source: Source
    highlighted: str
    score: float
    # relative times in the passage resolved against its document's date: "“last March”: March 2024"
    dates: list[str] = Field(default_factory=list)


HIGHLIGHT_START = "\x02"  # control characters never occur in passages, so they mark matches safely
HIGHLIGHT_END = "\x03"


class SearchAnswer(Frozen):
    """The best passages for a question, and structured commands that answer it better."""

    query: str  # the question as asked, whitespace collapsed
    terms: list[str] = Field(default_factory=list)  # what was searched for
    hits: list[SearchHit] = Field(default_factory=list)
    pointers: list[str] = Field(default_factory=list)  # "/spending country:Canada"


class DocumentSummary(Frozen):
    """A stored document with how much was read from it."""

    document: DocumentRef
    passages: int
    spending_facts: int
    statements: int
    events: int
    scope: str = "global"  # "global", or the id of the server it belongs to


class BriefSection(Frozen):
    """A section of a document and its key sentences."""

    title: str | None  # None for the text before the first heading
    points: list[Source] = Field(default_factory=list)


class BriefAnswer(Frozen):
    """The key points of one document, section by section."""

    document: DocumentSummary
    sections: list[BriefSection] = Field(default_factory=list)


class Coverage(Frozen):
    """What the store knows: documents, countries with facts, people with statements."""

    documents: list[DocumentSummary] = Field(default_factory=list)  # the newest ones (a page)
    document_count: int = 0  # all of them
    countries: list[CountryStatus] = Field(default_factory=list)
    people: list[PersonRef] = Field(default_factory=list)
