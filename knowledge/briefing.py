"""The questions users ask, answered from the store as pydantic models that carry their sources.

* ``spending(text)``: a country's (or the alliance's) figures, target status and comparisons,
  with the alliance context. A known country without facts gets an answer that says so and lists
  what is covered; an unknown name raises UnknownCountry with suggestions.
* ``summit(choice)``: the next NATO summit ahead of today (or the latest when none is ahead), or
  the meeting chosen; the same meeting in several documents is one (see ``knowledge.meetings``).
* ``statements(text)``: a person's statements, verbatim first, then partial quotes, then
  reported speech, and the events they are expected at.
* ``search(text)``: FTS5/BM25 over passages; user text is reduced to quoted terms, so no
  operator or punctuation can reach FTS syntax.
* ``coverage()``: documents, countries with facts, people with statements; ``sources()`` the
  documents; ``brief(document)`` a document's key points: per section, its first sentence and
  the (at most two) sentences the most records were read from, in reading order.

Derived statements (a share of GDP compared with a target stated in the store) are labelled
as derived; no number is ever filled in from outside the store.

Scopes: a ``Briefing`` answers for one place. ``Briefing(store)`` reads the ``global`` documents;
``briefing.for_guild(id)`` reads ``global`` plus that server's (only the server's when its admins
hid the global ones) and stores what it adds in the server's scope. Views share their caches:
each scope's data (previews, people, meetings) is loaded on first use, kept per generation of the
cache (see ``_Caches``: grown by new documents, built in the background after another process's
commit) and merged for a view; at most SCOPES_CACHED scopes and views are kept, and any idle for
SCOPE_IDLE_SECONDS are dropped.
"""

from __future__ import annotations

import asyncio
import bisect
import calendar
import contextlib
import functools
import logging
import math
import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from rapidfuzz import fuzz, process

from knowledge import gazetteer, meetings
from knowledge.collector import Freezer
from knowledge.errors import EmptyQuery, NoEvent, UnknownDocument, UnknownPerson
from knowledge.extract.timeref import find_times
from knowledge.models import (
    ALLIANCE,
    Appearance,
    Article,
    BriefAnswer,
    BriefSection,
    Conflict,
    CountryRef,
    CountryStatus,
    Coverage,
    DocumentSummary,
    EventSummary,
    Extraction,
    Figure,
    FigureStatus,
    Metric,
    PartialDate,
    PersonRef,
    Quote,
    SearchAnswer,
    Selection,
    Source,
    SpendingAnswer,
    StatementKind,
    StatementsAnswer,
    SummitAnswer,
    TimeRef,
)
from knowledge.store import (
    DOCUMENTS_PER_LIST,
    GLOBAL,
    STATEMENTS_PER_ANSWER,
    AddResult,
    EventKey,
    Store,
    StoredPerson,
    guild_scope,
    normalize_key,
)

BRIEF_POINTS_PER_SECTION = 3
FIGURES_PER_METRIC = 8  # newest facts of each kind in an answer; an embed cannot show hundreds anyway
ALLIANCE_FIGURES_PER_METRIC = 3
ANSWERS_CACHED = 512  # answers kept between writes to the store (a few KB each)
DOCUMENT_MATCH_THRESHOLD = 80  # partial match on titles: "annual report" finds a long title
PERSON_FUZZY_THRESHOLD = 85  # same bar as countries: a typo of a surname, not a different name
MAX_QUERY_TERMS = 12
COMMON_PASSAGES = 10_000  # a word in more passages than this is left out of the any-word fallback
SCOPES_CACHED = 256  # scopes (and views) whose data is kept in memory at once
SCOPE_IDLE_SECONDS = 900.0  # a scope or view nobody asked about for this long is dropped
FIGURE_SUBJECTS_PER_SCOPE = 64  # subjects whose figures are kept per scope (about 40 countries have any)
PEOPLE_PER_SCOPE = 64  # people whose statements are kept per scope (the most asked about)
# Another process's commit is in answers about this long after it (see _Caches), and background
# rebuilds of what answers share start at least this far apart.
RELOAD_WITHIN_SECONDS = 1.0
RELOAD_GAP_SECONDS = 0.5
# A change first seen longer than this after the store was last seen unchanged may be that old, so
# the answer that sees it waits for it instead of answering from before it.
UNWATCHED_SECONDS = RELOAD_WITHIN_SECONDS

log = logging.getLogger(__name__)
_Answer = TypeVar("_Answer")
_Loaded = TypeVar("_Loaded")
_Key = TypeVar("_Key", bound=Hashable)
MAX_QUERY_CHARS = 300
_KIND_ORDER = {StatementKind.VERBATIM: 0, StatementKind.PARTIAL: 1, StatementKind.REPORTED: 2}
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "how",
        "i",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "about",
        "did",
        "much",
        "many",
    ]
)


@dataclass(frozen=True, slots=True)
class PersonMatch:
    """A person found for a typed name, and which rule matched (exact, alias, fuzzy)."""

    person: StoredPerson
    path: str


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """A view's people and previews: each subject's newest fact per metric, people and their aliases."""

    latest: dict[str, list[Figure]]
    people: dict[int, StoredPerson]
    aliases: dict[str, list[int]]
    ranked: list[StoredPerson]  # most quoted first
    ranked_keys: list[str]  # their normalized names, same order


@dataclass(frozen=True, slots=True)
class _ScopeChange:
    """What happened to one scope's documents between two generations."""

    added: frozenset[int]  # documents stored
    removed: bool  # whether any was removed (or replaced): then the scope is read again whole
    subjects: frozenset[str]  # the subjects of the added documents' spending facts


class _Generation:
    """One version of the store as answers see it: the version of the one cache.

    Everything answers share (each scope's data, each view's snapshot and meetings, figures,
    computed answers) is kept per generation and moves to the next one together. A generation
    knows what changed since the one before it (``changes``, from the store's document log), so
    the next one is built from it: a scope nobody wrote to is kept as it is, a scope that only
    gained documents is grown by them, and only a scope that lost one is read again whole.
    """

    __slots__ = ("changes", "checked_at", "hiding", "log_position", "number", "version", "writes")

    def __init__(
        self,
        number: int,
        version: tuple[int, int],
        writes: int,
        log_position: int,
        changes: dict[str, _ScopeChange] | None,
        hiding: frozenset[int],
        checked_at: float,
    ) -> None:
        self.number = number
        self.version = version  # the store's data_version, read before anything else
        self.writes = writes  # this process's commits it holds (Store.writes)
        self.log_position = log_position
        self.changes = changes  # since the generation before; None: the first, read whole
        self.hiding = hiding  # the servers reading only their own documents
        self.checked_at = checked_at  # when the store was last seen at this version

    def change(self, scope: str) -> _ScopeChange | None:
        """Return how a scope changed since the generation before (None: not at all)."""
        assert self.changes is not None
        return self.changes.get(scope)

    def keeps(self, scope: str, subject: str | None = None) -> bool:
        """Return whether a scope's data (or one subject's figures) is as in the generation before."""
        if self.changes is None:
            return False
        change = self.changes.get(scope)
        return change is None or (
            subject is not None and not change.removed and subject not in change.subjects
        )


@dataclass(frozen=True, slots=True)
class _View:
    """What one answer reads: the generation current when it was asked, and the scopes it reads."""

    generation: _Generation
    scopes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _ScopeData:
    """One scope's part of a snapshot: its newest facts per subject, people, aliases and meetings."""

    newest: dict[
        tuple[str, Metric], tuple[int, int, Figure]
    ]  # (year, fact id, figure) per subject and metric
    latest: dict[str, list[Figure]]  # the same by subject
    people: list[StoredPerson]
    aliases: list[tuple[str, int]]
    events: list[EventKey]  # in _event_order
    event_ids: frozenset[int]


@dataclass(frozen=True, slots=True)
class _Summits:
    """Meetings of a view: grouped into real-world meetings, and by event id."""

    groups: list[list[EventKey]]
    by_id: dict[int, EventKey]


_Load = Callable[[_Generation, "_Loaded | None"], Awaitable[_Loaded]]


class _PerGeneration(Generic[_Loaded]):
    """A value read from the store once per generation for all who ask, from the last one's where it can.

    After a write every interaction in flight meets the new generation at once; each loading the
    value itself would repeat the same queries as many times as there are interactions. Callers
    asking while a load for their generation runs share it; a failed load is retried by the next
    caller. The loader gets the previous generation's value (None when there is none) to keep or
    grow it. The values of the two newest generations are kept: answers still reading the older
    one while the newer one is built get theirs.
    """

    def __init__(self, load: _Load[_Loaded], loaded: Callable[[], None] | None = None) -> None:
        self._load = load
        self._loaded = loaded  # told after each value is loaded (the cache's Freezer, if any)
        self._values: dict[int, _Loaded] = {}
        self._pending: dict[int, asyncio.Future[_Loaded]] = {}

    def has(self, generation: _Generation) -> bool:
        """Return whether the value of a generation is loaded."""
        return generation.number in self._values

    async def get(self, generation: _Generation) -> _Loaded:
        """Return the value as of a generation, loading it unless it is kept or already being loaded."""
        number = generation.number
        if number in self._values:
            return self._values[number]
        future = self._pending.get(number)
        if future is None or _failed(future):
            future = asyncio.ensure_future(self._load(generation, self._values.get(number - 1)))
            self._pending[number] = future
        value = await asyncio.shield(future)
        if self._pending.get(number) is future:
            del self._pending[number]
        if number not in self._values and self._loaded is not None:
            self._loaded()
        self._values[number] = value
        for old in sorted(self._values)[:-2]:
            del self._values[old]
        return value


class _Bounded(Generic[_Key, _Loaded]):
    """Values made on first use, the most recently used `capacity` kept; any idle too long dropped."""

    def __init__(self, make: Callable[[_Key], _Loaded], capacity: int, idle_seconds: float) -> None:
        self._make = make
        self._capacity = capacity
        self._idle = idle_seconds
        self._entries: OrderedDict[_Key, tuple[float, _Loaded]] = OrderedDict()

    def get(self, key: _Key) -> _Loaded:
        """Return the value for key, made now if it was not kept."""
        now = time.monotonic()
        entry = self._entries.pop(key, None)
        value = entry[1] if entry is not None else self._make(key)
        self._entries[key] = (now, value)
        while len(self._entries) > self._capacity:
            self._entries.popitem(last=False)
        while self._entries and now - next(iter(self._entries.values()))[0] > self._idle:
            self._entries.popitem(last=False)  # least recently used first: stop at the first fresh one
        return value

    def values(self) -> list[_Loaded]:
        """Return the values kept, without counting it as a use."""
        return [value for _, value in self._entries.values()]

    def __len__(self) -> int:
        """Return how many values are kept."""
        return len(self._entries)


_ViewLoaders = tuple["_PerGeneration[_Snapshot]", "_PerGeneration[_Summits]"]


class _Caches:
    """The one cache every view of one store shares, one generation at a time.

    Answers read the current generation and never wait for the next one to be built, with two
    exceptions: the first (nothing to answer from yet), and a commit of this process's own
    writer (/ingest, /forget, a feed poll), after which answers wait for a generation that holds
    it, so what a user just did shows in the next answer. Another process's commits (an operator's
    `briefbot ingest`) are seen in the store's data_version; the generation holding them is
    built in the background, at most one build at a time, and started again at once when
    commits keep coming, but no sooner than RELOAD_GAP_SECONDS after the last one started, and
    later by the last build's time, so that a commit is in answers about RELOAD_WITHIN_SECONDS
    after it: under a stream of commits about one build a second. A change nobody was watching
    for longer than that (the store idle, then written by another process) could be any age, so
    that answer waits for it, as after an own write. A build reads only what changed (see
    _Generation) and loads, before it is swapped in, every part the last generation had in use,
    so answers after the swap find them ready. ``reloads`` counts the generations built.
    """

    def __init__(self, store: Store, freezer: Freezer | None = None) -> None:
        self.store = store
        self._freezer = freezer
        self.current: _Generation | None = None
        self.reloads = 0
        self._task: asyncio.Task[None] | None = None
        self._wanted: asyncio.Future[_Generation] | None = None  # waiters for the next build to start
        self._wake = asyncio.Event()
        self._last_start = -math.inf
        self._gap = RELOAD_GAP_SECONDS
        self.scopes: _Bounded[str, _PerGeneration[_ScopeData]] = _Bounded(
            lambda scope: _PerGeneration(functools.partial(_load_scope, store, scope), self._loaded),
            SCOPES_CACHED,
            SCOPE_IDLE_SECONDS,
        )
        self.views: _Bounded[tuple[str, ...], _ViewLoaders] = _Bounded(
            self._view_loaders, SCOPES_CACHED, SCOPE_IDLE_SECONDS
        )
        # A subject's newest figures in one scope: global's are read once for every server's view.
        self.figures: _Bounded[tuple[str, str, int], _PerGeneration[list[Figure]]] = _Bounded(
            lambda key: _PerGeneration(functools.partial(_load_figures, store, key), self._loaded),
            SCOPES_CACHED * FIGURE_SUBJECTS_PER_SCOPE,
            SCOPE_IDLE_SECONDS,
        )
        # A person's newest statements in one scope: global's, likewise, once for every server.
        self.statements: _Bounded[tuple[str, int], _PerGeneration[list[Quote]]] = _Bounded(
            lambda key: _PerGeneration(functools.partial(_load_statements, store, key), self._loaded),
            SCOPES_CACHED * PEOPLE_PER_SCOPE,
            SCOPE_IDLE_SECONDS,
        )
        self.answers: OrderedDict[Hashable, Any] = OrderedDict()
        self.answers_generation: int | None = None

    def _loaded(self) -> None:
        """Keep what was just loaded out of full collections, when this cache has a Freezer."""
        if self._freezer is not None:
            self._freezer.loaded()

    async def generation(self) -> _Generation:
        """Return the generation an answer reads now (one trip to the database thread, mostly)."""
        writes = self.store.writes
        version = await self.store.data_version()
        current = self.current
        if current is not None and current.writes == writes == self.store.writes:
            now = time.monotonic()
            if version == current.version:
                current.checked_at = now
                return current
            if self._building() or now - current.checked_at <= UNWATCHED_SECONDS:
                self._start()  # another process's commit, just seen: answer from the last generation
                return current
        return await self.fresh()

    async def fresh(self) -> _Generation:
        """Return a generation whose build starts after this call (one build for all who ask meanwhile)."""
        if self._wanted is None:
            self._wanted = asyncio.get_running_loop().create_future()
        wanted = self._wanted
        self._wake.set()
        self._start()
        return await asyncio.shield(wanted)

    def close(self) -> None:
        """Stop building generations (the store is closing)."""
        if self._task is not None:
            self._task.cancel()

    def _building(self) -> bool:
        """Return whether builds are under way (running, or paused before the next one)."""
        return self._task is not None and not self._task.done()

    def _start(self) -> None:
        """Make sure builds are under way."""
        if not self._building():
            self._task = asyncio.ensure_future(self._builds())

    async def _builds(self) -> None:
        """Build generations until one finds the store unchanged since it was read."""
        wanted: asyncio.Future[_Generation] | None = None
        try:
            while True:
                wanted, self._wanted = self._wanted, None
                if wanted is None:  # nobody waits: keep to the pace
                    delay = self._last_start + self._gap - time.monotonic()
                    if delay > 0:
                        self._wake.clear()
                        with contextlib.suppress(TimeoutError):
                            await asyncio.wait_for(self._wake.wait(), delay)
                        wanted, self._wanted = self._wanted, None
                self._last_start = started = time.monotonic()
                generation = await self._build()
                if wanted is not None:
                    wanted.set_result(generation)
                    wanted = None
                self._gap = max(RELOAD_GAP_SECONDS, RELOAD_WITHIN_SECONDS - (time.monotonic() - started))
                if self._wanted is None:
                    version = await self.store.data_version()
                    unchanged = version == generation.version and generation.writes == self.store.writes
                    if unchanged and self._wanted is None:
                        generation.checked_at = time.monotonic()
                        return
        except BaseException as exc:
            # Those waiting (and any who came meanwhile) get the error; the next answer tries again.
            for waiting in (wanted, self._wanted):
                if waiting is not None and not waiting.done():
                    if isinstance(exc, Exception):
                        waiting.set_exception(exc)
                        waiting.add_done_callback(_retrieved)
                    else:
                        waiting.cancel()
            self._wanted = None
            if not isinstance(exc, Exception):
                raise
            if not self.store.closed:  # else it was only cut short by the store closing under it
                log.warning("reloading the briefing's data failed: %s", exc)

    async def _build(self) -> _Generation:
        """Return the next generation, its parts in use loaded, and make it the current one."""
        store, previous = self.store, self.current
        checked_at = time.monotonic()
        writes = store.writes  # first: a generation never claims a write it may not hold
        version = await store.data_version()
        position, entries = await store.document_log(None if previous is None else previous.log_position)
        changes = None if previous is None else await _changes(store, entries)
        generation = _Generation(
            0 if previous is None else previous.number + 1,
            version,
            writes,
            position,
            changes,
            await store.guilds_hiding_global(),
            checked_at,
        )
        if previous is not None:
            await self._load_in_use(previous, generation)
        self.current = generation
        self.reloads += 1
        return generation

    async def _load_in_use(self, previous: _Generation, generation: _Generation) -> None:
        """Load into a generation every part the previous one had loaded (scopes first: views use them)."""
        for scope in self.scopes.values():
            if scope.has(previous):
                await scope.get(generation)
        for snapshot, summits in self.views.values():
            if snapshot.has(previous):
                await snapshot.get(generation)
            if summits.has(previous):
                await summits.get(generation)
        for figures in self.figures.values():
            if figures.has(previous):
                await figures.get(generation)

    def _view_loaders(self, scopes: tuple[str, ...]) -> _ViewLoaders:
        """Return the snapshot and meeting loaders of a view (the union of some scopes)."""

        async def parts(generation: _Generation) -> list[_ScopeData]:
            return [await self.scopes.get(scope).get(generation) for scope in scopes]

        def kept(generation: _Generation) -> bool:
            return all(generation.keeps(scope) for scope in scopes)

        async def snapshot(generation: _Generation, previous: _Snapshot | None) -> _Snapshot:
            if previous is not None and kept(generation):
                return previous
            return _merge_snapshot(await parts(generation))

        async def summits(generation: _Generation, previous: _Summits | None) -> _Summits:
            if previous is not None and kept(generation):
                return previous
            data = await parts(generation)
            events = (
                data[0].events
                if len(data) == 1
                else sorted((e for d in data for e in d.events), key=_event_order)
            )
            groups = meetings.group_meetings(events)
            return _Summits(groups, {event.id: event for group in groups for event in group})

        return _PerGeneration(snapshot, self._loaded), _PerGeneration(summits, self._loaded)


def _retrieved(future: asyncio.Future[Any]) -> None:
    """Mark a future's error as seen (its waiters got it; nobody else needs a warning)."""
    if not future.cancelled():
        future.exception()


async def _changes(store: Store, entries: list[tuple[int, str, bool]]) -> dict[str, _ScopeChange]:
    """Return how each scope changed, from the document log's entries since the last generation."""
    added: dict[str, set[int]] = {}
    removed: set[str] = set()
    for document_id, scope, stored in entries:
        if stored:
            added.setdefault(scope, set()).add(document_id)
        else:
            removed.add(scope)
    return {
        scope: _ScopeChange(
            frozenset(added.get(scope, ())),
            scope in removed,
            frozenset() if scope in removed else frozenset(await store.fact_subjects(sorted(added[scope]))),
        )
        for scope in added.keys() | removed
    }


async def _load_scope(
    store: Store, scope: str, generation: _Generation, previous: _ScopeData | None
) -> _ScopeData:
    """Return a scope's data as of a generation: the previous one kept or grown where it can be."""
    if previous is not None and generation.keeps(scope):
        return previous
    change = None if previous is None or generation.changes is None else generation.change(scope)
    if previous is None or change is None or change.removed:
        return _scope_data(
            {(f.subject, f.metric): (year, fact, f) for year, fact, f in await store.newest_facts(scope)},
            await store.people(scope),
            await store.person_aliases(scope),
            await store.event_index(scope),
        )
    # Only documents added: their newest facts and events join the scope's. Who a scope knows is
    # not kept per document (a person named in passing is in scope_people only), so people and
    # aliases, a few milliseconds, are read again.
    added = sorted(change.added)
    newest = dict(previous.newest)
    for year, fact, figure in await store.newest_facts(scope, added):
        kept = newest.get((figure.subject, figure.metric))
        if kept is None or (year, -fact) > (kept[0], -kept[1]):
            newest[(figure.subject, figure.metric)] = (year, fact, figure)
    events = list(previous.events)
    for event in await store.event_index(scope, added):
        if event.id not in previous.event_ids:  # already read by a whole load of the last generation
            bisect.insort(events, event, key=_event_order)
    return _scope_data(newest, await store.people(scope), await store.person_aliases(scope), events)


def _scope_data(
    newest: dict[tuple[str, Metric], tuple[int, int, Figure]],
    people: list[StoredPerson],
    aliases: list[tuple[str, int]],
    events: list[EventKey],
) -> _ScopeData:
    """Return a scope's data, its newest facts listed by subject too."""
    latest: dict[str, list[Figure]] = {}
    for _, _, figure in sorted(newest.values(), key=lambda entry: entry[1]):
        latest.setdefault(figure.subject, []).append(figure)
    return _ScopeData(newest, latest, people, aliases, events, frozenset(event.id for event in events))


async def _load_figures(
    store: Store, key: tuple[str, str, int], generation: _Generation, previous: list[Figure] | None
) -> list[Figure]:
    """Return a subject's newest figures in a scope, kept from the last generation when no document changed them."""
    scope, subject, per_metric = key
    if previous is not None and generation.keeps(scope, subject):
        return previous
    return await store.spending_figures(subject, per_metric, scope)


async def _load_statements(
    store: Store, key: tuple[str, int], generation: _Generation, previous: list[Quote] | None
) -> list[Quote]:
    """Return a person's newest statements in a scope, kept from the last generation when the scope is unchanged."""
    scope, person_id = key
    if previous is not None and generation.keeps(scope):
        return previous
    return await store.statements_by(person_id, scopes=(scope,))


def _newest_first(parts: list[list[Quote]]) -> list[Quote]:
    """Return several scopes' statements in the store's order: newest document first, then as written.

    A document is in one scope, so each part already holds its documents' statements in order;
    stable sorts keep that order within a document.
    """
    if len(parts) == 1:
        return parts[0]
    merged = sorted(
        (q for part in parts for q in part), key=lambda q: (q.source.document.id, q.source.position)
    )
    merged.sort(key=lambda q: q.source.document.published or "", reverse=True)
    merged.sort(key=lambda q: q.source.document.published is None)
    return merged[:STATEMENTS_PER_ANSWER]


# Words a headline quotes: "'You cannot fly an F-35 with a spreadsheet': the minister on money".
_HEADLINE_QUOTE = re.compile(
    r"(?:^|(?<=[\s(]))[\"“‘'](?P<words>[^\"“”‘’']{12,200}?)[\"”’'](?=[\s:;,.!?)—–-]|$)"
)


def _headline_words(title: str | None) -> list[str]:
    """Return the quotations a document's title holds, folded for comparison."""
    return [_folded(m.group("words")) for m in _HEADLINE_QUOTE.finditer(title or "")]


def _folded(text: str) -> str:
    """Return text lower-cased with its spaces collapsed and its end's punctuation dropped."""
    return " ".join(text.lower().split()).rstrip(".,;:!?…")


def _headlined_first(quotes: list[Quote]) -> list[Quote]:
    """Return quotes with each document's statements that its headline quotes before its others.

    A speech or an interview printed whole gives one statement per sentence or turn, as written;
    the words its editors chose for the headline are the ones a reader asks for first. The order
    of documents and of kinds is kept: only statements of one kind in one document change places.
    """
    words = {q.source.document.id: _headline_words(q.source.document.title) for q in quotes}
    if not any(words.values()):
        return quotes
    rank: dict[tuple[StatementKind, int], int] = {}
    for q in quotes:
        rank.setdefault((q.kind, q.source.document.id), len(rank))

    def headlined(q: Quote) -> bool:
        text = _folded(q.text)
        return any(quoted in text for quoted in words[q.source.document.id])

    return sorted(quotes, key=lambda q: (rank[(q.kind, q.source.document.id)], not headlined(q)))


def _event_order(event: EventKey) -> tuple[bool, int, int, int, int]:
    """Return the order the store lists events in: by year, month, day (undated last), then id."""
    when = event.when
    year = when.year if when else None
    month = when.month if when and when.month is not None else -1
    day = when.day if when and when.day is not None else -1
    return (year is None, year or 0, month, day, event.id)


def _merge_snapshot(parts: list[_ScopeData]) -> _Snapshot:
    """Return the snapshot of a view from its scopes' data: counts added, the newest fact kept."""
    people: dict[int, StoredPerson] = {}
    for part in parts:
        for person in part.people:
            known = people.get(person.id)
            people[person.id] = person if known is None else _merge_person(known, person)
    aliases: dict[str, list[int]] = {}
    for alias, person_id in (pair for part in parts for pair in part.aliases):
        ids = aliases.setdefault(person_key(alias), [])
        if person_id not in ids:
            ids.append(person_id)
    for person in people.values():
        for token in name_tokens(person.name):
            ids = aliases.setdefault(token, [])
            if person.id not in ids:
                ids.append(person.id)
    latest = _merge_latest([part.latest for part in parts])
    ranked = sorted(people.values(), key=lambda p: (-p.statement_count, p.name))
    return _Snapshot(latest, people, aliases, ranked, [person_key(p.name) for p in ranked])


def _merge_person(a: StoredPerson, b: StoredPerson) -> StoredPerson:
    """Return one person as two scopes know them: statements added, roles of both."""
    return StoredPerson(
        id=a.id,
        name=a.name,
        roles=tuple(dict.fromkeys(a.roles + b.roles)),
        statement_count=a.statement_count + b.statement_count,
        speaker_type=a.speaker_type if a.statement_count else b.speaker_type,
    )


def _merge_latest(parts: list[dict[str, list[Figure]]]) -> dict[str, list[Figure]]:
    """Return each subject's newest fact per metric over several scopes."""
    if len(parts) == 1:
        return parts[0]
    merged: dict[str, dict[Metric, Figure]] = {}
    for part in parts:
        for subject, figures in part.items():
            newest = merged.setdefault(subject, {})
            for figure in figures:
                kept = newest.get(figure.metric)
                if kept is None or _year(figure) > _year(kept):
                    newest[figure.metric] = figure
    return {subject: list(by_metric.values()) for subject, by_metric in merged.items()}


def _year(figure: Figure) -> int:
    """Return a figure's year (0 when undated), as the store ranks facts."""
    return figure.when.year if figure.when and figure.when.year is not None else 0


def _failed(future: asyncio.Future[Any]) -> bool:
    """Return whether a future has ended without a result (an error, or cancelled)."""
    return future.done() and (future.cancelled() or future.exception() is not None)


class Briefing:
    """Answers briefing questions from one store, for one place: global (DMs, the CLI) or a server."""

    def __init__(
        self,
        store: Store,
        *,
        guild_id: int | None = None,
        caches: _Caches | None = None,
        freezer: Freezer | None = None,
    ) -> None:
        """Answer from store for a server (guild_id) or global; a long-running bot passes a Freezer.

        ``freezer`` keeps the cache's objects out of the collector's full collections (see
        ``knowledge.collector``); views made by for_guild share the caches and so the freezer.
        """
        self.store = store
        self.guild_id = guild_id
        self._caches = caches or _Caches(store, freezer)

    def for_guild(self, guild_id: int | None) -> Briefing:
        """Return the view of a server (None: global only), sharing this briefing's caches."""
        if guild_id == self.guild_id:
            return self
        return Briefing(self.store, guild_id=guild_id, caches=self._caches)

    @property
    def home_scope(self) -> str:
        """Return the scope this view stores into: the server's, else global."""
        return GLOBAL if self.guild_id is None else guild_scope(self.guild_id)

    async def scopes(self) -> tuple[str, ...]:
        """Return the scopes this view reads: global, the server's, or the server's alone."""
        return (await self._view()).scopes

    async def _view(self) -> _View:
        """Return the store's version and the scopes read now (one trip to the database thread).

        An answer asks this once and passes it on: each trip costs 0.1-0.25 ms on a busy machine,
        more than most of the answer's own work.
        """
        generation = await self._caches.generation()
        if self.guild_id is None:
            return _View(generation, (GLOBAL,))
        own = guild_scope(self.guild_id)
        return _View(generation, (own,) if self.guild_id in generation.hiding else (GLOBAL, own))

    async def hides_global(self) -> bool:
        """Return whether this server reads only its own documents."""
        return self.guild_id is not None and await self.scopes() == (self.home_scope,)

    async def set_hide_global(self, hide: bool) -> None:
        """Let this server read only its own documents (hide=True) or global ones too."""
        if self.guild_id is None:
            raise ValueError("only a server can hide the global documents")
        await self.store.set_hide_global(self.guild_id, hide)

    async def _memo(self, key: Hashable, compute: Callable[[_View], Awaitable[_Answer]]) -> _Answer:
        """Return the answer for key computed since the store last changed, else compute it.

        Between two generations of the cache the same question has the same answer; the newest
        ANSWERS_CACHED are kept. Answers are treated as immutable by every caller. An answer
        computed while a new generation is swapped in is tagged with the generation it read, so
        it is not kept for the new one.
        """
        caches = self._caches
        view = await self._view()
        number = view.generation.number
        key = (view.scopes, key)  # one view's answer is never another's
        if number != caches.answers_generation:
            caches.answers.clear()
            caches.answers_generation = number
        if key in caches.answers:
            caches.answers.move_to_end(key)
            answer: _Answer = caches.answers[key]
            return answer
        answer = await compute(view)
        if caches.answers_generation == number:
            caches.answers[key] = answer
            if len(caches.answers) > ANSWERS_CACHED:
                caches.answers.popitem(last=False)
        return answer

    def close(self) -> None:
        """Stop the background reloads of what answers share (before the store closes)."""
        self._caches.close()

    async def warm_up(self) -> None:
        """Load what answers share (previews, people), so the first question is not the slow one."""
        await self._current()

    async def _current(self, view: _View | None = None) -> _Snapshot:
        """Return the view's snapshot, reloaded (once, however many ask) when the store has changed."""
        view = view or await self._view()
        snapshot, _ = self._caches.views.get(view.scopes)
        return await snapshot.get(view.generation)

    # --- spending -----------------------------------------------------------------------------

    async def spending(self, text: str) -> SpendingAnswer:
        """Return what the store knows about the spending of the country text names."""
        return await self.spending_for(gazetteer.resolve_country(text))

    async def spending_for(self, resolution: gazetteer.Resolution) -> SpendingAnswer:
        """Return what the store knows about a country's defence spending (or the alliance's)."""
        key = ("spending", resolution.country.code, resolution.path)
        answer = await self._memo(key, lambda view: self._spending_for(resolution, view))
        # the name the user gave is shown with the answer, which is the same for every name of it
        return answer.model_copy(update={"alias": resolution.alias}) if resolution.alias else answer

    async def _spending_for(self, resolution: gazetteer.Resolution, view: _View) -> SpendingAnswer:
        """Compute spending_for's answer from the store."""
        snapshot = await self._current(view)
        country = country_ref(resolution.country)
        if country.code == ALLIANCE:
            alliance = distinct(await self._figures(ALLIANCE, FIGURES_PER_METRIC, view))
            totals = [f for f in alliance if f.metric in (Metric.AMOUNT, Metric.SHARE_OF_GDP)]
            return SpendingAnswer(
                country=country,
                matched_by=resolution.path,
                figures=[f for f in totals if f.status is not FigureStatus.TARGET],
                alliance=[f for f in alliance if f not in totals or f.status is FigureStatus.TARGET],
                members=[s for s in self._statuses(snapshot) if s.country.nato_member],
                conflicts=_conflicts(alliance),
            )
        alliance = distinct(await self._figures(ALLIANCE, ALLIANCE_FIGURES_PER_METRIC, view))
        facts = await self._figures(country.code, FIGURES_PER_METRIC, view)
        answer = SpendingAnswer(
            country=country,
            matched_by=resolution.path,
            figures=[
                f for f in facts if f.metric in (Metric.SHARE_OF_GDP, Metric.AMOUNT, Metric.AMOUNT_INCREASE)
            ],
            target_status=[f for f in facts if f.metric in (Metric.TARGET_MET, Metric.TARGET_MISSED)],
            comparisons=[f for f in facts if f.metric is Metric.COMPARISON],
            alliance=alliance,
            # the alliance's targets are its members' yardstick, not a non-member's
            derived=_derived(facts, alliance) if resolution.country.nato_member else [],
            conflicts=_conflicts(facts),
        )
        if answer.has_facts():
            return answer
        return answer.model_copy(update={"covered": self._statuses(snapshot)})

    async def _figures(self, subject: str, per_metric: int, view: _View) -> list[Figure]:
        """Return a subject's newest per_metric figures of each metric in the view's scopes, newest first.

        Each scope's figures are read once per write and kept (``_Caches.figures``), so the global
        ones serve every server; a server's view merges them with its own.
        """
        parts = [
            await self._caches.figures.get((scope, subject, per_metric)).get(view.generation)
            for scope in view.scopes
        ]
        if len(parts) == 1:
            return parts[0]
        # Stable: within a year, the scopes' own order (each is newest publication first) is kept.
        merged = sorted((f for part in parts for f in part), key=lambda f: (_year(f) == 0, -_year(f)))
        counts: dict[Metric, int] = {}
        kept = []
        for figure in merged:
            counts[figure.metric] = counts.get(figure.metric, 0) + 1
            if counts[figure.metric] <= per_metric:
                kept.append(figure)
        return kept

    def _statuses(self, snapshot: _Snapshot) -> list[CountryStatus]:
        """Return every country with facts and its preview, by name."""
        statuses = [
            CountryStatus(country=country_ref(gazetteer.by_code(code)), preview=preview(figures))
            for code, figures in snapshot.latest.items()
            if code != ALLIANCE and _is_known_code(code)
        ]
        return sorted(statuses, key=lambda s: s.country.name)

    async def country_choices(self, text: str, limit: int = 25) -> list[CountryStatus]:
        """Return up to limit countries matching partial text, each with a preview of its answer."""
        snapshot = await self._current()
        choices = []
        for country in gazetteer.suggest_countries(text, limit):
            figures = snapshot.latest.get(country.code, [])
            if country.code == ALLIANCE:
                summary = preview(figures) if figures else "alliance overview"
            else:
                summary = preview(figures) if figures else "no figures in the briefing"
            choices.append(CountryStatus(country=country_ref(country), preview=summary))
        return choices

    # --- people and statements ----------------------------------------------------------------

    async def statements(self, text: str) -> StatementsAnswer:
        """Return the statements of the person text names."""
        return await self.statements_for(await self.resolve_person(text))

    async def statements_for(self, match: PersonMatch) -> StatementsAnswer:
        """Return a person's statements (verbatim first) and their expected appearances."""
        return await self._memo(
            ("statements", match.person.id, match.path), lambda view: self._statements_for(match, view)
        )

    async def _statements_for(self, match: PersonMatch, view: _View) -> StatementsAnswer:
        """Compute statements_for's answer from the store."""
        person, matched_by = match.person, match.path
        scopes = view.scopes
        # Each scope's statements are read once per write to it and kept (``_Caches.statements``):
        # a collective source's thousands of global statements are not sorted again for every server.
        quotes = _newest_first(
            [await self._caches.statements.get((scope, person.id)).get(view.generation) for scope in scopes]
        )
        quotes = _headlined_first(sorted(quotes, key=lambda q: _KIND_ORDER[q.kind]))  # stable: as written
        events = (await self._summit_index(view)).by_id
        appearances = [
            Appearance(
                event=meetings.event_label(events[event_id]) if event_id in events else "an event",
                role=role,
                source=src,
            )
            for event_id, role, src in await self.store.appearances(person.id, scopes)
        ]
        return StatementsAnswer(
            person=_person_ref(person), matched_by=matched_by, statements=quotes, appearances=appearances
        )

    async def resolve_person(self, text: str) -> PersonMatch:
        """Return the person a name refers to and how it matched; raise UnknownPerson otherwise."""
        snapshot = await self._current()
        key = person_key(text)
        if not key:
            raise UnknownPerson("Give the name of a person, e.g. a surname.", _top_people(snapshot))
        ids = snapshot.aliases.get(key)
        path = "alias"
        if not ids and " " in key:
            # a surname of two words ("Ruiz Arrieta", "de Wit", "Cordeiro Vaz") ends a full name
            ids = sorted(
                {i for alias, found in snapshot.aliases.items() if alias.endswith(f" {key}") for i in found}
            )
            path = "alias"
        if not ids:
            match = (
                process.extractOne(key, list(snapshot.aliases), scorer=fuzz.ratio) if len(key) >= 3 else None
            )
            if match is not None and match[1] >= PERSON_FUZZY_THRESHOLD:
                ids, path = snapshot.aliases[match[0]], "fuzzy"
        if ids:
            people = sorted((snapshot.people[i] for i in ids), key=lambda p: (-p.statement_count, p.name))
            exact = [p for p in people if person_key(p.name) == key]
            if exact:
                return PersonMatch(exact[0], "exact")
            if len({person_key(p.name) for p in people}) > 1:
                # "Johansson" (or "Johanson") when Anna and Erik Johansson both speak: never a silent guess
                names = [p.name for p in people]
                raise UnknownPerson(
                    f'"{text.strip()[:60]}" could be {_either(names)}: give the full name.', names
                )
            return PersonMatch(people[0], path)
        suggestions = _close_people(key, snapshot)
        raise UnknownPerson(f'No one called "{text.strip()[:60]}" in the briefing.', suggestions)

    async def people_choices(self, text: str, limit: int = 25) -> list[PersonRef]:
        """Return up to limit people whose names match partial text, most quoted first."""
        snapshot = await self._current()
        key = person_key(text)
        if not key:
            return [_person_ref(p) for p in snapshot.ranked[:limit]]
        prefix = [
            i
            for i, name in enumerate(snapshot.ranked_keys)
            if name.startswith(key) or f" {key}" in f" {name}"
        ][:limit]
        if len(prefix) < limit:  # then near spellings, scored in C over the precomputed names
            close = process.extract(
                key, snapshot.ranked_keys, scorer=fuzz.partial_ratio, score_cutoff=70, limit=limit * 2
            )
            prefix += sorted(i for _, _, i in close if i not in prefix)
        return [_person_ref(snapshot.ranked[i]) for i in prefix[:limit]]

    # --- events -------------------------------------------------------------------------------

    async def summits(self) -> list[EventSummary]:
        """Return every known meeting (merged across documents), earliest first."""
        today = date.today()
        return [meetings.summary(g, today) for g in (await self._summit_index()).groups]

    async def summit(self, choice: int | None = None, *, today: date | None = None) -> SummitAnswer:
        """Return the chosen meeting, else the next NATO summit ahead, else the latest one."""
        day = today or date.today()
        key = ("summit", choice, day)  # statuses and "next" depend on the day
        return await self._memo(key, lambda view: self._summit(choice, day, view))

    async def _summit(self, choice: int | None, today: date, view: _View) -> SummitAnswer:
        """Compute summit's answer from the store."""
        groups = (await self._summit_index(view)).groups
        if not groups:
            raise NoEvent("The briefing mentions no summit yet.")
        chosen = next((g for g in groups if any(e.id == choice for e in g)), None) if choice else None
        if choice is not None and chosen is None:
            raise NoEvent("That summit is not in the briefing; pick one from the list.")
        group, selection = (chosen, Selection.CHOSEN) if chosen else meetings.default_meeting(groups, today)
        details = await self.store.events_by_ids([e.id for e in group])
        others = meetings.nearest(group, [g for g in groups if g is not group and meetings.beside(group, g)])
        return meetings.summit_answer(details, others, today, selection)

    async def _summit_index(self, view: _View | None = None) -> _Summits:
        """Return the view's meetings grouped into real-world meetings (loaded once per write)."""
        view = view or await self._view()
        _, summits = self._caches.views.get(view.scopes)
        return await summits.get(view.generation)

    # --- search and coverage ------------------------------------------------------------------

    async def search(self, text: str, limit: int = 5) -> SearchAnswer:
        """Return the passages that best match a free-text question, and pointers to commands."""
        query = fts_query(text)
        if not query.terms:
            raise EmptyQuery("Ask with a few words, e.g. “How much did the US spend in 2014?”.")
        # Passages with every word rank first; only when there are too few, any word will do.
        # A question in the text ("Q: Is 2% a ceiling or a floor?") matches a question best and
        # answers nothing, so questions come after every other hit: twice as many are read to
        # have answers to put before them.
        scopes = await self.scopes()
        wanted = 2 * limit
        hits = await self.store.search(query.all_groups, wanted, scopes)
        if len([h for h in hits if not _is_question(h.source.passage)]) < limit:
            seen = {(h.source.document.id, h.source.position) for h in hits}
            broad = await self.store.search(await self._broad_query(query, wanted, scopes), wanted, scopes)
            hits += [h for h in broad if (h.source.document.id, h.source.position) not in seen]
        hits = sorted(hits, key=lambda h: _is_question(h.source.passage))[:limit]
        return SearchAnswer(
            query=" ".join(text.split())[:MAX_QUERY_CHARS],
            terms=query.terms,
            hits=[h.model_copy(update={"dates": resolved_times(h.source)}) for h in hits],
            pointers=await self._pointers(text),
        )

    async def _broad_query(self, query: FtsQuery, limit: int, scopes: tuple[str, ...] = (GLOBAL,)) -> str:
        """Return the any-word query, leaving out words so common that they only cost time.

        A word in more than COMMON_PASSAGES passages ("defence" in a defence news archive) adds
        almost nothing to a BM25 score (its inverse document frequency is near zero) but makes
        FTS5 score every passage it is in: 85,000 of them on the 10,000-article benchmark store,
        150 ms. So when the rarer words of a question match at least `limit` passages, the
        any-word query uses only those. Passages with every word are found by the first query
        either way; on a small store no word is that common and nothing changes.
        """
        counts = await self.store.match_counts(query.groups, COMMON_PASSAGES, scopes)
        rare = [(g, n) for g, n in zip(query.groups, counts, strict=True) if n < COMMON_PASSAGES]
        if len(rare) < len(query.groups) and sum(n for _, n in rare) >= limit:
            return " OR ".join(g for g, _ in rare)
        return query.any_term

    async def _pointers(self, text: str) -> list[str]:
        """Return the structured commands that answer a question better, if it names someone known."""
        snapshot = await self._current()
        pointers = [
            f"/spending country:{country.name}"
            for country, _, _ in gazetteer.find_country_mentions(text)
            if country.code in snapshot.latest
        ]
        for word in set(re.findall(r"\w+", text)):
            for person_id in snapshot.aliases.get(normalize_key(word), []):
                person = snapshot.people[person_id]
                if person.statement_count:
                    pointers.append(f"/quote person:{person.name}")
        return list(dict.fromkeys(pointers))[:3]

    async def stored_id(self, article: Article) -> int | None:
        """Return the id of a document with this content that this view reads, if any."""
        return await self.store.has_document(article.sha256, await self.scopes())

    async def add(self, article: Article, extraction: Extraction, *, name: str) -> AddResult:
        """Store an analysed article in this view's home scope (one transaction); answers reflect it at once."""
        return await self.store.add_document(article, extraction, name=name, scope=self.home_scope)

    async def forget(self, document_id: int) -> bool:
        """Remove a document and everything read from it; return whether it existed. Answers follow at once.

        A server's view removes only the server's own documents (global ones are the operator's:
        ``briefbot forget``); the global view (the CLI) removes any.
        """
        scope = None if self.guild_id is None else self.home_scope
        return await self.store.remove_document(document_id, scope)

    async def owns(self, document_id: int) -> bool:
        """Return whether the document is in this view's home scope (a server's own, or global for the CLI)."""
        return await self.store.document(document_id, (self.home_scope,)) is not None

    async def replace(
        self, document_id: int, article: Article, extraction: Extraction, *, name: str
    ) -> AddResult | None:
        """Swap a document for a corrected version under the same id (see Store.replace_document)."""
        return await self.store.replace_document(document_id, article, extraction, name=name)

    async def sources(self, limit: int = DOCUMENTS_PER_LIST) -> list[DocumentSummary]:
        """Return the newest limit documents this view reads, with their counts, newest first."""
        return await self.store.documents(await self.scopes(), limit)

    async def document_count(self) -> int:
        """Return how many documents this view reads."""
        return await self.store.document_count(await self.scopes())

    async def document_choices(self, text: str, limit: int = DOCUMENTS_PER_LIST) -> list[DocumentSummary]:
        """Return the document numbered text and the newest whose title contains it, at most limit.

        Titles are looked up among each scope's newest ``TITLE_WINDOW`` documents (a bounded read
        per keystroke at any store size); an older document is still found by its number.
        """
        scopes = await self.scopes()
        wanted = text.strip()
        if not wanted:
            return await self.store.documents(scopes, limit)
        numbered = (
            await self.store.document(int(wanted), scopes) if re.fullmatch(r"[0-9]{1,18}", wanted) else None
        )
        titled = await self.store.documents_titled(wanted, scopes, limit)
        return ([numbered] if numbered else []) + [d for d in titled if d != numbered][
            : limit - bool(numbered)
        ]

    async def resolve_document(self, text: str | None) -> DocumentSummary:
        """Return the document of this view an id or title names (the newest when text is empty).

        Another scope's document is not found, even by its id: it is not in the scopes searched.
        A title is matched (fuzzily) among each scope's newest ``TITLE_WINDOW`` documents.
        """
        scopes = await self.scopes()
        wanted = (text or "").strip()
        if not wanted:
            newest = await self.store.documents(scopes, 1)
            if not newest:
                raise UnknownDocument("The store has no documents yet.")
            return newest[0]
        if re.fullmatch(r"[0-9]{1,18}", wanted):
            found = await self.store.document(int(wanted), scopes)
            if found:
                return found
        titles = await self.store.document_titles(scopes)
        if not titles:
            raise UnknownDocument("The store has no documents yet.")
        by_key: dict[str, int] = {}
        for document_id, title in titles:  # newest first: of two equal titles, the newest is meant
            by_key.setdefault(normalize_key(title or ""), document_id)
        match = process.extractOne(normalize_key(wanted), list(by_key), scorer=fuzz.partial_ratio)
        if match is not None and match[1] >= DOCUMENT_MATCH_THRESHOLD:
            found = await self.store.document(by_key[match[0]], scopes)
            if found:  # else forgotten since the titles were read
                return found
        raise UnknownDocument(
            f'No document matches "{wanted[:60]}".',
            [title or str(document_id) for document_id, title in titles[:3]],
        )

    async def brief(self, text: str | None = None) -> BriefAnswer:
        """Return a document's key points: per section, the sentences most facts were read from."""
        summary = await self.resolve_document(text)
        sections: dict[str | None, list[tuple[Source, int]]] = {}
        for source, weight in await self.store.passages_with_weight(summary.document.id):
            sections.setdefault(source.section, []).append((source, weight))
        return BriefAnswer(
            document=summary,
            sections=[
                BriefSection(title=title, points=key_points(passages)) for title, passages in sections.items()
            ],
        )

    async def coverage(self) -> Coverage:
        """Return the documents, the countries with facts and the people the store knows."""
        snapshot = await self._current()
        people = sorted(snapshot.people.values(), key=lambda p: (-p.statement_count, p.name))
        return Coverage(
            documents=await self.sources(),
            document_count=await self.document_count(),
            countries=self._statuses(snapshot),
            people=[_person_ref(p) for p in people],
        )


# --- pure helpers -----------------------------------------------------------------------------


def key_points(passages: list[tuple[Source, int]], limit: int = BRIEF_POINTS_PER_SECTION) -> list[Source]:
    """Return a section's first sentence and the sentences most records came from, in reading order."""
    lead, rest = passages[:1], passages[1:]
    ranked = sorted((p for p in rest if p[1] > 0), key=lambda p: -p[1])[: limit - 1]
    return [source for source, _ in sorted(lead + ranked, key=lambda p: p[0].position)]


def country_ref(country: gazetteer.Country) -> CountryRef:
    """Return the user-facing reference for a gazetteer country."""
    return CountryRef(
        code=country.code, name=country.name, flag=country.flag, nato_member=country.nato_member
    )


def _is_known_code(code: str) -> bool:
    """Return whether the gazetteer knows a code."""
    try:
        gazetteer.by_code(code)
    except KeyError:
        return False
    return True


def distinct(figures: list[Figure]) -> list[Figure]:
    """Return figures without restatements: the same claim (metric, value, time, status) is shown once.

    Used for the alliance's figures, which many articles restate ("the 2% guideline"); a country's
    figures keep every source, so agreeing sources stay visible.
    """
    seen: set[tuple[object, ...]] = set()
    kept = []
    for f in figures:
        key = (
            f.metric,
            f.value,
            f.as_written if f.value is None else None,
            f.when.year if f.when else None,
            f.currency,
            f.status,
            f.total,
        )
        if key not in seen:
            seen.add(key)
            kept.append(f)
    return kept


def is_forecast(figure: Figure) -> bool:
    """Return whether a verdict or a count of allies is expected rather than stated ("are expected to meet")."""
    return figure.status not in (None, FigureStatus.ACTUAL)


def verdict_verb(figure: Figure) -> str:
    """Return how a met/missed claim reads: "met", "missed", or a forecast's "expected to meet"."""
    met = figure.metric is Metric.TARGET_MET
    if is_forecast(figure):
        return "expected to meet" if met else "expected to miss"
    return "met" if met else "missed"


def preview(figures: list[Figure]) -> str:
    """Return a short summary of a subject's facts for menus: the most telling figure first."""
    by_metric = {metric: [f for f in figures if f.metric is metric] for metric in Metric}
    if by_metric[Metric.SHARE_OF_GDP]:
        f = by_metric[Metric.SHARE_OF_GDP][0]
        return f"{share_text(f)} of GDP{_year_suffix(f.when)}{status_note(f)}"
    status = by_metric[Metric.TARGET_MISSED] + by_metric[Metric.TARGET_MET]
    if status:
        f = max(status, key=lambda x: x.when.year if x.when and x.when.year else 0)
        verb = verdict_verb(f)
        target = f"{format_percent(f.target)} target" if f.target is not None else "the target"
        return f"{verb} {target}{_year_suffix(f.when)}"
    if by_metric[Metric.ALLIES_MEETING_TARGET]:
        f = by_metric[Metric.ALLIES_MEETING_TARGET][0]
        verb = "are expected to meet" if is_forecast(f) else "met"
        return f"{f.value:g} of {f.total} allies {verb} the target{_year_suffix(f.when)}"
    if by_metric[Metric.AMOUNT]:
        f = by_metric[Metric.AMOUNT][0]
        return f"{f.as_written}{_year_suffix(f.when)}"
    return "comparisons only" if by_metric[Metric.COMPARISON] else "no figures"


def format_percent(value: float | None) -> str:
    """Return a percentage as written in briefings: 2% or 3.19%."""
    return "?" if value is None else f"{value:g}%"


_WRITTEN_NUMBER = re.compile(r"\d+(?:[.,](\d+))?")  # a number as written, its decimals the group
_OF_GDP = re.compile(r"\s*of\s+(?:its\s+|their\s+)?GDP\b.*$", re.I)


def share_text(figure: Figure) -> str:
    """Return a share of GDP with the precision it was written with: 3.30% stays 3.30%; a bound stays words."""
    if figure.value is None:  # "more than 4%", "between 5 and 6%"
        return _OF_GDP.sub("", figure.as_written)
    written = _WRITTEN_NUMBER.search(figure.as_written)
    digits = written.group(0).replace(",", ".") if written else ""  # "2,35 %" as much of Europe writes it
    if not digits or float(digits) != figure.value:
        return format_percent(figure.value)  # "one point five percent": no digits to keep
    return f"{digits}%"


def status_note(figure: Figure) -> str:
    """Return " (planned)", " (target)" or " (estimate)" for a figure that is not a spent one."""
    if figure.status is None or figure.status is FigureStatus.ACTUAL:
        return ""
    return f" ({figure.status.value})"


def _year_suffix(when: TimeRef | None) -> str:
    """Return " (2023)" for a dated fact, "" otherwise."""
    return f" ({when.year})" if when and when.year else ""


MAX_RESOLVED_TIMES = 3  # a sentence's relative times worth spelling out under a search hit


def resolved_times(source: Source) -> list[str]:
    """Return the relative times of a passage resolved against its document's date.

    "Sweden joined NATO last March" in an article of 5 March 2025 gives "“last March”: March 2024",
    so a search answer says when without the reader working it out. Times written as dates
    ("in 2004", "on 24 June 2025") need no note; an undated document resolves nothing.
    """
    if not source.document.published:
        return []
    try:
        published = PartialDate.parse(source.document.published)
    except ValueError:
        return []
    notes = []
    for when, _, _ in find_times(source.passage, published):
        if when.year is None:
            continue
        shown = _calendar_date(when.year, when)
        if _is_relative(when, shown):
            notes.append(f"“{when.text.strip()}”: {shown}")
    return list(dict.fromkeys(notes))[:MAX_RESOLVED_TIMES]


def describe_time(when: TimeRef | None) -> str:
    """Return a time for display: resolved date, with the written form when it was relative."""
    if when is None:
        return ""
    if when.year is None:
        return when.text
    shown = _calendar_date(when.year, when)
    if when.inferred:  # not written: "2025 (year in context)", never in quotation marks
        return f"{shown} {when.text}"
    return f"{shown} (“{when.text.strip()}”)" if _is_relative(when, shown) else shown


def _calendar_date(year: int, when: TimeRef) -> str:
    """Return a resolved time as a calendar date: "2024", "March 2024", "24–25 June 2025"."""
    if when.month is None or not 1 <= when.month <= 12:  # (a month out of range: a damaged row)
        return str(year)
    if when.day is None:
        return f"{calendar.month_name[when.month]} {year}"
    days = f"{when.day}–{when.end_day}" if when.end_day else str(when.day)
    return f"{days} {calendar.month_name[when.month]} {year}"


def _is_relative(when: TimeRef, shown: str) -> bool:
    """Return whether a time was written relative to the article ("last March"), not as its date."""
    written = when.text.strip()
    return written not in (shown, str(when.year)) and not written.endswith(str(when.year))


def _derived(facts: list[Figure], alliance: list[Figure]) -> list[str]:
    """Return labelled comparisons of a country's GDP shares with targets stated in the store."""
    targets: dict[int | None, float] = {}
    for f in alliance + facts:
        if f.target is not None and f.when and f.when.year:
            targets.setdefault(f.when.year, f.target)  # the headline target of a year is named first
    any_target = next((f.target for f in alliance + facts if f.target is not None), None)
    # the years the alliance's own targets are due by ("5% of GDP by 2035"), as the article wrote them
    deadlines = {
        f.when.year
        for f in alliance
        if f.status is FigureStatus.TARGET
        and f.when
        and f.when.year
        and f.when.text.lower().startswith("by ")
    }
    derived = []
    for f in facts:
        if f.metric is not Metric.SHARE_OF_GDP or f.value is None or f.status is FigureStatus.TARGET:
            continue  # an ally's own goal says nothing about where it stands against the alliance's
        year = f.when.year if f.when else None
        deadline, target = _target_in_force(year, targets, any_target)
        if target is None or (f.approximate and abs(f.value - target) <= _rounding(f)):
            continue  # "about 2%" says nothing about which side of a 2% target it is
        side = "at" if f.value == target else "above" if f.value > target else "below"
        # a target due later is named with its deadline: "2.2% (2026) is below the 5% target due by 2035"
        due = f" due by {deadline}" if deadline in deadlines and year is not None and deadline > year else ""
        derived.append(
            f"{format_percent(f.value)}{_year_suffix(f.when)} is {side} the {format_percent(target)} target{due}"
            " (derived by briefbot from the figures above)"
        )
    return derived


def _target_in_force(
    year: int | None, dated: dict[int | None, float], fallback: float | None
) -> tuple[int | None, float | None]:
    """Return (deadline, target) a share of a year is judged against: the one due soonest in or after
    that year.

    A 2023 figure is judged against the 2% due by 2024, not the 5% due by 2035; a year past every
    deadline, or an undated figure, against the target the store names first (no deadline given).
    """
    if year is None:
        return None, fallback
    due = [
        (deadline, target) for deadline, target in dated.items() if deadline is not None and deadline >= year
    ]
    return min(due) if due else (None, fallback)


def _conflicts(facts: list[Figure]) -> list[Conflict]:
    """Return groups of figures where documents disagree on the same metric and year."""
    groups: dict[tuple[Metric, int | None, str | None, bool], list[Figure]] = {}
    for f in facts:
        if f.value is not None and f.metric in (
            Metric.SHARE_OF_GDP,
            Metric.AMOUNT,
            Metric.ALLIES_MEETING_TARGET,
        ):
            goal = f.status is FigureStatus.TARGET  # a target and a spent figure for one year do not disagree
            groups.setdefault((f.metric, f.when.year if f.when else None, f.currency, goal), []).append(f)
    conflicts = []
    for (metric, year, _, _), figures in groups.items():
        if year is None or len({f.source.document.id for f in figures}) < 2:
            continue
        if _disagree(figures):
            conflicts.append(Conflict(metric=metric, year=year, figures=figures))
    return conflicts + _met_and_missed(facts)


def _disagree(figures: list[Figure]) -> bool:
    """Return whether any two figures disagree (see _agree), comparing each distinct value once."""
    # the same value written the same way agrees with itself: most groups are one value many times
    distinct = list({(f.value, f.as_written, f.approximate): f for f in figures}.values())
    return any(not _agree(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1 :])


def _met_and_missed(facts: list[Figure]) -> list[Conflict]:
    """Return the years one document says a target was met and another that it was missed."""
    verdicts: dict[tuple[int, float | None], list[Figure]] = {}
    for f in facts:
        if (
            f.metric in (Metric.TARGET_MET, Metric.TARGET_MISSED)
            and f.when
            and f.when.year is not None
            and not is_forecast(f)  # a forecast contradicts no verdict
        ):
            verdicts.setdefault((f.when.year, f.target), []).append(f)
    return [
        Conflict(metric=Metric.TARGET_MET, year=year, figures=figures)
        for (year, _), figures in verdicts.items()
        if {f.metric for f in figures} == {Metric.TARGET_MET, Metric.TARGET_MISSED}
        and len({f.source.document.id for f in figures}) > 1
    ]


def _agree(a: Figure, b: Figure) -> bool:
    """Return whether two figures agree: equal, or within the rounding an "about" figure admits."""
    if a.value is None or b.value is None:
        return a.value == b.value
    tolerance = max(_rounding(a), _rounding(b))
    return abs(a.value - b.value) <= tolerance + 1e-9 * max(abs(a.value), abs(b.value))


def _rounding(figure: Figure) -> float:
    """Return half a unit of the last digit written, for approximate figures ("about 3.4%": 0.05)."""
    written = _WRITTEN_NUMBER.search(figure.as_written)
    if not figure.approximate or written is None or figure.value is None:
        return 0.0
    number = float(written.group(0).replace(",", "."))
    scale = figure.value / number if number else 1.0  # "$1.3 trillion": value 1.3e12, written 1.3
    return 0.5 * 10.0 ** -len(written.group(1) or "") * scale


def _either(names: list[str]) -> str:
    """Return "A or B", "A, B or C" (at most five names)."""
    shown = names[:5]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"


def _person_ref(person: StoredPerson) -> PersonRef:
    """Return the user-facing reference for a stored person."""
    return PersonRef(
        name=person.name,
        roles=list(person.roles),
        statement_count=person.statement_count,
        speaker_type=person.speaker_type,
    )


# Letters that accent stripping leaves alone but a user types plainly: "Błaszczak" as "Blaszczak".
_PLAIN_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ð": "d"}
)
_NAME_PARTICLES = frozenset(
    ["van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "al", "bin", "ter"]
)


def person_key(text: str) -> str:
    """Return the lookup key of a name: case, accents and letters such as "ł" folded."""
    return normalize_key(text).translate(_PLAIN_LETTERS)


def name_tokens(name: str) -> list[str]:
    """Return the keys that find a person by one part of their name.

    Every word of two letters or more ("kosiniak" and "kamysz" of "Kosiniak-Kamysz"), and the
    surname with its particles ("von der leyen"); particles alone find nobody.
    """
    words = person_key(name).split()
    tokens = [w for w in words if len(w) > 1 and w not in _NAME_PARTICLES]
    first_particle = next((i for i, w in enumerate(words) if i > 0 and w in _NAME_PARTICLES), None)
    if first_particle is not None:
        tokens.append(" ".join(words[first_particle:]))
    return tokens


def _top_people(snapshot: _Snapshot) -> list[str]:
    """Return the names of the most quoted people."""
    people = sorted(snapshot.people.values(), key=lambda p: (-p.statement_count, p.name))
    return [p.name for p in people[:3]]


def _close_people(key: str, snapshot: _Snapshot) -> list[str]:
    """Return up to three names close to a key, else the most quoted people."""
    matches = process.extract(key, list(snapshot.aliases), scorer=fuzz.ratio, limit=6, score_cutoff=55)
    names = [snapshot.people[i].name for alias, _, _ in matches for i in snapshot.aliases[alias]]
    return list(dict.fromkeys(names))[:3] or _top_people(snapshot)


@dataclass(frozen=True, slots=True)
class FtsQuery:
    """A question as FTS5 queries: every group must match (precise), or any term (broad)."""

    all_groups: str
    any_term: str
    terms: list[str]
    groups: list[str]  # one FTS5 query per word (a country's names are one group)


def fts_query(text: str) -> FtsQuery:
    """Return FTS5 queries made only of quoted terms, so no operator in user text survives."""
    text = text[:MAX_QUERY_CHARS]
    groups: list[list[str]] = []
    rest = text
    for country, start, end in reversed(gazetteer.find_country_mentions(text)):
        # A country is one group of alternatives: its name and initialisms ("U.S." is indexed "u s").
        alternatives = [" ".join(re.findall(r"\w+", gazetteer.normalize(country.name)))]
        for alias in country.aliases:
            alias_words = re.findall(r"\w+", alias.casefold())
            if len(alias_words) > 1 and all(len(w) == 1 for w in alias_words):
                alternatives.append(" ".join(alias_words))
        groups.insert(0, list(dict.fromkeys(alternatives)))
        rest = rest[:start] + " " + rest[end:]
    words = [w for w in re.findall(r"\w+", rest.casefold()) if w not in _STOPWORDS]
    groups = [[w] for w in dict.fromkeys(words)] + groups
    groups = groups[:MAX_QUERY_TERMS]
    group_queries = ["(" + " OR ".join(map(_quoted, g)) + ")" for g in groups]
    terms = [term for g in groups for term in g]
    return FtsQuery(
        all_groups=" AND ".join(group_queries),
        any_term=" OR ".join(map(_quoted, terms)),
        terms=terms,
        groups=group_queries,
    )


def _quoted(term: str) -> str:
    """Return a term as an FTS5 string (a phrase), which no operator can escape."""
    return '"' + term.replace('"', "") + '"'


def _is_question(passage: str) -> bool:
    """Return whether a passage asks rather than tells (it ends with a question mark)."""
    return passage.rstrip().rstrip("\"”’'*_").endswith("?")
