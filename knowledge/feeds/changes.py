"""What a stored article changed in the briefing: the same questions asked before and after.

``before(store, extraction)`` reads what the briefing says about the article's subjects; after the
article is stored, ``compare(store, before, ...)`` reads it again and keeps what differs:

* **Figures.** For each spending figure the article gives, the briefing's leading figure for that
  country (or the alliance), metric, year and currency — the newest publication's, the first one
  ``/spending`` lists in a scope; in a server's view, global's and the server's together — before
  and after. A new one, or one whose value (or, for a bound, wording)
  changed, is reported with the old value. A figure the article only repeats is not a change.
* **Statements.** Statements by people already in the store before the article (a known name,
  case and accents aside) whose words the store did not have yet. Statements of people new to
  the store are not reported (nobody follows them yet), nor those of documents and unnamed
  sources ("the ministry said"), which restate the article's figures more often than not.
* **Meetings.** For each meeting the article reports, the meetings of that kind and year as
  ``/summit`` labels them (place and date), before and after: a label that was not there before is
  a new date or place (with the old label), or a new meeting when there was none of that kind
  and year.

Only what the new document itself states is reported, and each item carries its sentence.
An article that changes nothing gets an empty report, and nothing is posted for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, Field

from knowledge import gazetteer, meetings
from knowledge.briefing import format_percent, share_text, status_note, verdict_verb
from knowledge.models import (
    ALLIANCE,
    Article,
    DocumentRef,
    Extraction,
    Figure,
    FigureStatus,
    Metric,
    SpeakerType,
    StatementKind,
)
from knowledge.store import EventKey, Store, normalize_key

FIGURES_COMPARED = 50  # per subject and metric: far more years than any answer shows
_METRICS = (
    Metric.SHARE_OF_GDP,
    Metric.AMOUNT,
    Metric.AMOUNT_INCREASE,
    Metric.TARGET_MET,
    Metric.TARGET_MISSED,
    Metric.ALLIES_MEETING_TARGET,
)
_VERDICTS = (Metric.TARGET_MET, Metric.TARGET_MISSED)

FigureKey = tuple[str, str, int | None, str | None, bool]


class FigureChange(BaseModel):
    """A figure the briefing gives differently now (or newly)."""

    subject: str  # ISO code or NATO
    subject_name: str  # "🇵🇱 Poland"
    what: str  # "share of GDP, 2025"
    now: str  # "4.7%"
    was: str | None = None  # None: the briefing had no such figure
    sentence: str


class StatementChange(BaseModel):
    """Something a person already in the store said, new to the store."""

    speaker: str
    kind: StatementKind
    text: str
    sentence: str


class MeetingChange(BaseModel):
    """A meeting whose place or date the briefing gives differently now (or a new meeting)."""

    now: str  # "NATO summit in Ankara, Türkiye (July 2026)"
    was: list[str] = Field(default_factory=list)  # the labels of that kind and year before
    sentence: str | None = None


class ChangeReport(BaseModel):
    """What one stored article changed in the briefing."""

    document: DocumentRef
    replaced: bool = False  # an earlier version of the article was replaced
    figures: list[FigureChange] = Field(default_factory=list)
    statements: list[StatementChange] = Field(default_factory=list)
    meetings: list[MeetingChange] = Field(default_factory=list)

    def empty(self) -> bool:
        """Return whether the article changed nothing."""
        return not (self.figures or self.statements or self.meetings)


@dataclass(frozen=True, slots=True)
class Before:
    """What the briefing said about an article's subjects before it was stored."""

    figures: dict[FigureKey, Figure]
    people: dict[str, int]  # normalized name -> person id, for the article's speakers already stored
    said: dict[int, set[str]]  # person id -> texts already stored
    meetings: dict[tuple[str, int | None], set[str]]  # (kind, year) -> labels


async def before(store: Store, extraction: Extraction, scopes: Sequence[str]) -> Before:
    """Return what the briefing of the scopes says now about the subjects, speakers and meetings of an extraction."""
    subjects = sorted({r.subject for r in extraction.spending})
    speakers = sorted({normalize_key(s.speaker) for s in extraction.statements})
    people = await store.people_by_keys(speakers, scopes)
    return Before(
        figures=await _leading_figures(store, subjects, scopes),
        people=people,
        said={pid: await store.statement_texts(pid, scopes) for pid in people.values()},
        meetings=_meeting_labels(await _events(store, scopes)),
    )


async def _events(store: Store, scopes: Sequence[str]) -> list[EventKey]:
    """Return the events the scopes' briefing holds."""
    return [event for scope in scopes for event in await store.event_index(scope)]


async def compare(
    store: Store,
    old: Before,
    document: DocumentRef,
    article: Article,
    extraction: Extraction,
    scopes: Sequence[str],
    *,
    replaced: bool,
) -> ChangeReport:
    """Return what storing the document changed, against what the briefing said before."""
    subjects = sorted({r.subject for r in extraction.spending})
    figures = [
        _figure_change(figure, old.figures.get(key))
        for key, figure in (await _leading_figures(store, subjects, scopes)).items()
        if figure.source.document.id == document.id and _differs(figure, old.figures.get(key))
    ]
    statements = [
        StatementChange(
            speaker=s.speaker, kind=s.kind, text=s.text, sentence=article.passages[s.passage].text
        )
        for s in extraction.statements
        if s.speaker_type is SpeakerType.PERSON
        and (pid := old.people.get(normalize_key(s.speaker))) is not None
        and s.text not in old.said[pid]
    ]
    return ChangeReport(
        document=document,
        replaced=replaced,
        figures=figures,
        statements=_unique(statements),
        meetings=await _meeting_changes(store, old, document, article, extraction, scopes),
    )


async def _leading_figures(
    store: Store, subjects: list[str], scopes: Sequence[str]
) -> dict[FigureKey, Figure]:
    """Return, per subject, metric, year and currency, the briefing's current figure in the scopes.

    That is the newest publication's: the one /spending lists first within a scope. Across scopes
    (a server's view) the newest publication wins too, so a server's newer article revising a
    global figure is a change for that server.
    """
    leading: dict[FigureKey, Figure] = {}
    for subject in subjects:
        parts = [await store.spending_figures(subject, FIGURES_COMPARED, scope) for scope in scopes]
        merged = [f for part in parts for f in part]  # each part: newest publication first
        merged.sort(key=lambda f: f.source.document.published or "", reverse=True)  # stable
        merged.sort(key=lambda f: f.source.document.published is None)
        for figure in merged:
            if figure.metric in _METRICS:
                leading.setdefault(_key(figure), figure)
    return leading


def _key(figure: Figure) -> FigureKey:
    """Return what a figure is about: a met and a missed verdict for one year are about the same thing."""
    metric = "verdict" if figure.metric in _VERDICTS else figure.metric.value
    year = figure.when.year if figure.when else None
    return (figure.subject, metric, year, figure.currency, figure.status is FigureStatus.TARGET)


def _differs(now: Figure, was: Figure | None) -> bool:
    """Return whether the briefing's figure is new or says something else than before."""
    return was is None or value_text(now) != value_text(was)


def value_text(figure: Figure) -> str:
    """Return a figure's value as an answer shows it: "4.7%", "$1.3 trillion", "missed the 2% target"."""
    if figure.metric is Metric.SHARE_OF_GDP:
        return share_text(figure) + status_note(figure)
    if figure.metric in _VERDICTS:
        verb = verdict_verb(figure)
        target = f"the {format_percent(figure.target)} target" if figure.target is not None else "the target"
        return f"{verb} {target}"
    if figure.metric is Metric.ALLIES_MEETING_TARGET and figure.value is not None:
        return f"{figure.value:g} of {figure.total} allies" if figure.total else f"{figure.value:g} allies"
    return figure.as_written + status_note(figure)


def _figure_change(now: Figure, was: Figure | None) -> FigureChange:
    """Return the change from was to now."""
    year = now.when.year if now.when else None
    what = {
        Metric.SHARE_OF_GDP: "defence spending, share of GDP",
        Metric.AMOUNT: "defence spending",
        Metric.AMOUNT_INCREASE: "budget increase",
        Metric.TARGET_MET: "spending target",
        Metric.TARGET_MISSED: "spending target",
        Metric.ALLIES_MEETING_TARGET: "allies meeting the target",
    }[now.metric]
    return FigureChange(
        subject=now.subject,
        subject_name=_subject_name(now.subject),
        what=f"{what}, {year}" if year else what,
        now=value_text(now),
        was=value_text(was) if was else None,
        sentence=now.source.passage,
    )


def _subject_name(code: str) -> str:
    """Return a subject as shown: flag and name, or the alliance."""
    if code == ALLIANCE:
        return "NATO (all allies)"
    try:
        country = gazetteer.by_code(code)
    except KeyError:
        return code
    return f"{country.flag} {country.name}"


def _unique(statements: list[StatementChange]) -> list[StatementChange]:
    """Return statements without repeats (the same words by the same speaker), in order."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for s in statements:
        if (s.speaker, s.text) not in seen:
            seen.add((s.speaker, s.text))
            kept.append(s)
    return kept


def _meeting_labels(events: list[EventKey]) -> dict[tuple[str, int | None], set[str]]:
    """Return the labels of the stored meetings, by kind and year."""
    labels: dict[tuple[str, int | None], set[str]] = {}
    for group in meetings.group_meetings(events):
        first = group[0]
        labels.setdefault((first.kind, first.when.year if first.when else None), set()).add(
            meetings.event_label(first)
        )
    return labels


async def _meeting_changes(
    store: Store,
    old: Before,
    document: DocumentRef,
    article: Article,
    extraction: Extraction,
    scopes: Sequence[str],
) -> list[MeetingChange]:
    """Return the meetings of the document whose label is new for their kind and year."""
    if not extraction.events:
        return []
    mine = set(await store.event_ids_of(document.id))
    changes: dict[str, MeetingChange] = {}
    for group in meetings.group_meetings(await _events(store, scopes)):
        first = group[0]
        if not any(e.id in mine for e in group):
            continue
        year = first.when.year if first.when else None
        label = meetings.event_label(first)
        was = old.meetings.get((first.kind, year), set())
        if label in was:
            continue
        told = next(
            (
                e
                for e in extraction.events
                if e.kind == first.kind and e.passages and (e.when.year if e.when else None) in (year, None)
            ),
            None,
        )
        sentence = article.passages[told.passages[0]].text if told else None
        changes[label] = MeetingChange(now=label, was=sorted(was), sentence=sentence)
    return list(changes.values())
