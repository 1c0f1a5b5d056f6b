"""What the store hands back beyond the models: its errors and its own row types."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from knowledge.models import (
    AgendaItem,
    Attendee,
    DocumentRef,
    Source,
    SpeakerType,
    TimeRef,
)
from knowledge.store.limits import BUSY_TIMEOUT_SECONDS


class StoreError(Exception):
    """The store file cannot be used (newer schema, not a briefbot store, corrupt)."""


class StoreWriteError(StoreError):
    """A document could not be written (store locked, disk full, read-only); nothing of it was kept."""


# SQLite's primary result codes (the low byte of sqlite_errorcode) for the write failures people
# can act on, and what to tell them.
WRITE_FAILURES = {
    5: f"the store stayed locked by another writer for more than {BUSY_TIMEOUT_SECONDS} s; try again",
    6: f"the store stayed locked by another writer for more than {BUSY_TIMEOUT_SECONDS} s; try again",
    8: "the store is read-only; nothing can be added to it",
    10: "the store could not be written (disk I/O error; is the disk full?)",
    13: "the disk holding the store is full",
}


def write_failure(exc: sqlite3.Error) -> StoreWriteError:
    """Return the StoreWriteError that tells a person why SQLite refused a write."""
    code = getattr(exc, "sqlite_errorcode", None)
    reason = WRITE_FAILURES.get(code & 0xFF) if isinstance(code, int) else None
    return StoreWriteError(f"not stored: {reason or f'the store refused the write ({exc})'}.")


@dataclass(frozen=True, slots=True)
class AddResult:
    """The outcome of adding one document."""

    document_id: int
    created: bool  # False: the same content was already stored


@dataclass(frozen=True, slots=True)
class StoredPerson:
    """A person row with the normalized aliases that find it."""

    id: int
    name: str
    roles: tuple[str, ...]
    statement_count: int
    speaker_type: SpeakerType = SpeakerType.PERSON  # a document or unnamed source speaks as itself


@dataclass(frozen=True, slots=True)
class EventKey:
    """What identifies an event: kind, place and time (cheap to keep for thousands of events).

    ``status`` is where it stood on ``published``, its document's date (ISO, as precise as known).
    """

    id: int
    kind: str
    place: str | None
    country: str | None
    when: TimeRef | None
    status: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class StoredEvent(EventKey):
    """An event row with its document, people, agenda and passages."""

    document: DocumentRef
    attendees: list[Attendee]
    agenda: list[AgendaItem]
    sources: list[Source]


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed followed, with its fetch state (times are ISO 8601 in UTC)."""

    id: int
    url: str
    guild_id: int | None  # None: the operator's (global); else the server that follows it
    title: str | None
    etag: str | None
    last_modified: str | None
    added_at: str
    polled_at: str | None
    succeeded_at: str | None
    failures: int  # failed polls in a row
    retry_at: str | None  # no poll before this time (set after a failure)
    last_error: str | None


@dataclass(frozen=True, slots=True)
class SeenItem:
    """A feed item already handled: the entry's version then, its document or why it was not stored."""

    version: str | None
    document_id: int | None
    error: str | None


@dataclass(frozen=True, slots=True)
class StoredChange:
    """A change report as stored: JSON of ``knowledge.feeds.changes.ChangeReport``."""

    id: int
    guild_id: int | None
    created_at: str
    report: str


FEED_STATE_FIELDS = frozenset(
    {"title", "etag", "last_modified", "polled_at", "succeeded_at", "failures", "retry_at", "last_error"}
)
