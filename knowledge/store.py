"""The SQLite knowledge store: the only module with SQL.

Reads and writes run off the event loop: a pool of read-only aiosqlite connections answers
while one writer (the standard library's sqlite3 on its own thread, see ``_Writer``) writes; WAL
lets every reader (this bot's, another process's) see a consistent snapshot while it does. The
schema is versioned with ``PRAGMA user_version``. Each document is written in one transaction and
identified by the sha256 of its body within its scope, so ingesting the same content twice into
one scope changes nothing. Scopes (schema 7): every document belongs to ``global`` or to one
Discord server (its id); answers read the scopes of a view, always through an index that starts
with the scope (see ``_SCOPES``).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

import aiosqlite

from knowledge.errors import TooSlow
from knowledge.models import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    AgendaItem,
    Article,
    Attendee,
    DocumentRef,
    DocumentSummary,
    EventRecord,
    Extraction,
    Figure,
    FigureStatus,
    Metric,
    Quote,
    SearchHit,
    Source,
    SpeakerType,
    SpendingRecord,
    StatementKind,
    StatementRecord,
    TimeRef,
)

STATEMENTS_PER_ANSWER = 60  # ten /quote pages
DOCUMENTS_PER_LIST = 25  # a Discord embed's fields and an autocomplete's choices
TITLE_WINDOW = 1_000  # documents per scope whose titles a title lookup reads: the newest ones
PASSAGES_PER_BRIEF = 100_000  # a 1,000,000-character article has about 10,000 sentences
SCHEMA_VERSION = 9
GLOBAL = "global"  # the scope of the bundled seed and the operator's documents; a server's is its id
SEARCH_CANDIDATES = 1_000  # matches ranked per search at most: the most recently stored ones
# How long a writer waits for another writer's transaction (one document: milliseconds) before it
# gives up on that document and says so. Readers never wait: WAL gives them a snapshot.
BUSY_TIMEOUT_SECONDS = 5
# A read query running longer than this is stopped and the asker told so (Store.query_seconds):
# Discord drops an answer after 3 s (15 min once acknowledged), and a runaway query would hold one
# of the few reader threads the other answers share.
QUERY_SECONDS = 2.0
# SQLite calls the progress handler every this many virtual-machine steps (about a millisecond of
# work): a query shorter than that never calls back into Python, so answers pay nothing for it.
PROGRESS_STEPS = 10_000
# Read-only connections answering at once: a long read (a /brief of a huge document) leaves the
# others free, and two cores gain nothing from more threads waiting on SQLite.
READERS = 3
_READ_STATEMENT = re.compile(r"\s*(?:SELECT|WITH)\b", re.IGNORECASE)

_T = TypeVar("_T")
# Documents are identified by content within their scope: two servers may each store one article.
_DOCUMENT_BY_SHA = "SELECT id FROM documents WHERE scope = ? AND sha256 = ?"

# Full-text search over passages. Each passage's scope is an indexed column too, so a search
# reads only the visible scopes' doclists ("scope : (...)" in the MATCH), however many others there are.
_FTS = """
CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, section, scope, content='passages', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts (rowid, text, section, scope) VALUES (new.id, new.text, new.section, new.scope);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text, section, scope)
    VALUES ('delete', old.id, old.text, old.section, old.scope);
END;
"""

# Scopes (schema 7): every row that an answer reads carries its document's scope, and every read
# goes through an index that starts with the scope. scope_people lists who each scope knows
# (people rows are shared: one per normalized name), guild_settings what a server chose.
_SCOPES = """
CREATE INDEX documents_by_scope ON documents (scope, published);
CREATE INDEX spending_by_subject ON spending_facts (scope, subject, metric, year);
CREATE INDEX statements_by_scope ON statements (scope, person_id);
CREATE INDEX roles_by_scope ON person_roles (scope, person_id);
CREATE INDEX events_by_scope ON events (scope, year, month, day);
CREATE INDEX aliases_by_person ON person_aliases (person_id);
CREATE TABLE scope_people (
    scope     TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (scope, person_id)
);
CREATE TABLE guild_settings (
    guild_id    INTEGER PRIMARY KEY,
    hide_global INTEGER NOT NULL DEFAULT 0
);
"""

_SCHEMA = (
    """
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL,
    name        TEXT,
    title       TEXT,
    outlet      TEXT,
    url         TEXT,
    published   TEXT,
    body        TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    scope       TEXT NOT NULL DEFAULT 'global',
    UNIQUE (scope, sha256)
);
CREATE TABLE passages (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    paragraph   INTEGER NOT NULL,
    section     TEXT,
    text        TEXT NOT NULL,
    scope       TEXT NOT NULL DEFAULT 'global',
    UNIQUE (document_id, position)
);
"""
    + _FTS
    + """CREATE TABLE people (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    key  TEXT NOT NULL UNIQUE
);
CREATE TABLE person_aliases (
    alias     TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (alias, person_id)
);
CREATE TABLE person_roles (
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    passage_id  INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    scope       TEXT NOT NULL DEFAULT 'global',
    PRIMARY KEY (person_id, document_id, role)
);
CREATE TABLE spending_facts (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    passage_id  INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    subject     TEXT NOT NULL,
    metric      TEXT NOT NULL,
    time_json   TEXT,
    year        INTEGER,
    value       REAL,
    currency    TEXT,
    approximate INTEGER NOT NULL,
    target      REAL,
    total       INTEGER,
    as_written  TEXT NOT NULL,
    equivalents TEXT NOT NULL,
    status      TEXT,
    scope       TEXT NOT NULL DEFAULT 'global'
);
CREATE TABLE statements (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    passage_id  INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    text        TEXT NOT NULL,
    context     TEXT,
    time_json   TEXT,
    medium      TEXT,
    speaker_type TEXT NOT NULL DEFAULT 'person',
    segments    TEXT,
    place       TEXT,
    scope       TEXT NOT NULL DEFAULT 'global'
);
CREATE INDEX statements_by_person ON statements (person_id);
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    place       TEXT,
    country     TEXT,
    time_json   TEXT,
    year        INTEGER,
    month       INTEGER,
    day         INTEGER,
    status      TEXT,
    scope       TEXT NOT NULL DEFAULT 'global'
);
CREATE INDEX events_by_kind ON events (kind, year, month, day);
CREATE TABLE event_attendees (
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    person_id  INTEGER REFERENCES people(id) ON DELETE SET NULL,
    role       TEXT,
    passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE
);
CREATE INDEX attendees_by_person ON event_attendees (person_id);
CREATE TABLE event_agenda (
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE
);
CREATE TABLE event_passages (
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, passage_id)
);
CREATE INDEX spending_by_document ON spending_facts (document_id);
CREATE INDEX statements_by_document ON statements (document_id);
CREATE INDEX events_by_document ON events (document_id);
"""
    + _SCOPES
)


# The feed tables (schema 8), in a new store as in an upgraded one.
_FEED_TABLES = """
CREATE INDEX IF NOT EXISTS documents_by_url ON documents (url);
CREATE TABLE IF NOT EXISTS feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL,
    guild_id      INTEGER,
    title         TEXT,
    etag          TEXT,
    last_modified TEXT,
    added_at      TEXT NOT NULL,
    polled_at     TEXT,
    succeeded_at  TEXT,
    failures      INTEGER NOT NULL DEFAULT 0,
    retry_at      TEXT,
    last_error    TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS feeds_by_url ON feeds (url, coalesce(guild_id, 0));
CREATE TABLE IF NOT EXISTS feed_items (
    feed_id     INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    url         TEXT NOT NULL,
    version     TEXT,
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    error       TEXT,
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (feed_id, key)
);
CREATE TABLE IF NOT EXISTS changes (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    guild_id    INTEGER,
    created_at  TEXT NOT NULL,
    report      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_by_time ON changes (created_at);
CREATE TABLE IF NOT EXISTS feed_channels (
    guild_id   INTEGER PRIMARY KEY,
    channel_id INTEGER NOT NULL,
    delivered  INTEGER NOT NULL DEFAULT 0
);
"""
_SCHEMA += _FEED_TABLES

# The document log (schema 9): one row per document stored or removed, written by triggers in the
# same transaction, whichever process writes. Its sequence (AUTOINCREMENT: never reused, unlike a
# deleted document's id) tells a reader what changed since the version it has loaded, so the data
# answers share is brought up to date with the new documents alone instead of read again whole.
_DOCUMENT_LOG = """
CREATE TABLE document_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL,
    scope       TEXT NOT NULL,
    added       INTEGER NOT NULL
);
CREATE TRIGGER documents_logged_ai AFTER INSERT ON documents BEGIN
    INSERT INTO document_log (document_id, scope, added) VALUES (new.id, new.scope, 1);
END;
CREATE TRIGGER documents_logged_ad AFTER DELETE ON documents BEGIN
    INSERT INTO document_log (document_id, scope, added) VALUES (old.id, old.scope, 0);
END;
"""
_SCHEMA += _DOCUMENT_LOG

_TABLES = re.findall(r"^CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?(\w+)", _SCHEMA, re.MULTILINE)
# PRAGMA application_id marks a file as a briefbot store ("brfb"), so another program's SQLite
# file given by mistake is refused instead of getting briefbot's tables written into it.
APPLICATION_ID = int.from_bytes(b"brfb", "big")

# _MIGRATIONS[n] takes a store from schema n to n + 1 (a new store gets _SCHEMA at once).
_MIGRATIONS = {
    # 2: newest facts per metric are read through the index, however many facts a country has.
    1: """DROP INDEX IF EXISTS spending_by_subject;
          CREATE INDEX spending_by_subject ON spending_facts (subject, metric, year)""",
    # 3: per-document counts (/sources, /about, /brief) read indexes instead of scanning every fact.
    2: """CREATE INDEX IF NOT EXISTS spending_by_document ON spending_facts (document_id);
          CREATE INDEX IF NOT EXISTS statements_by_document ON statements (document_id);
          CREATE INDEX IF NOT EXISTS events_by_document ON events (document_id)""",
    # 4: how sure a figure is (actual, estimate, planned, target); older facts stay unlabelled.
    3: "ALTER TABLE spending_facts ADD COLUMN status TEXT",
    # 5: statements say who spoke (person, document, unnamed source), a split quote's parts, and where.
    4: """ALTER TABLE statements ADD COLUMN speaker_type TEXT NOT NULL DEFAULT 'person';
          ALTER TABLE statements ADD COLUMN segments TEXT;
          ALTER TABLE statements ADD COLUMN place TEXT""",
    # 6: an event's status against its article's date (upcoming, in progress, past), as the text tells.
    5: "ALTER TABLE events ADD COLUMN status TEXT",
    # 7: scopes. Every document belongs to "global" or one server; existing ones become global.
    # documents is rebuilt (content is unique per scope now, not in the whole store), which is why
    # migrations run with foreign keys off (see _prepare); the full-text index gains the scope.
    6: """CREATE TABLE documents_v7 (
              id          INTEGER PRIMARY KEY,
              sha256      TEXT NOT NULL,
              name        TEXT,
              title       TEXT,
              outlet      TEXT,
              url         TEXT,
              published   TEXT,
              body        TEXT NOT NULL,
              ingested_at TEXT NOT NULL,
              scope       TEXT NOT NULL DEFAULT 'global',
              UNIQUE (scope, sha256)
          );
          INSERT INTO documents_v7 (id, sha256, name, title, outlet, url, published, body, ingested_at)
               SELECT id, sha256, name, title, outlet, url, published, body, ingested_at FROM documents;
          DROP TABLE documents;
          ALTER TABLE documents_v7 RENAME TO documents;
          ALTER TABLE passages ADD COLUMN scope TEXT NOT NULL DEFAULT 'global';
          ALTER TABLE person_roles ADD COLUMN scope TEXT NOT NULL DEFAULT 'global';
          ALTER TABLE spending_facts ADD COLUMN scope TEXT NOT NULL DEFAULT 'global';
          ALTER TABLE statements ADD COLUMN scope TEXT NOT NULL DEFAULT 'global';
          ALTER TABLE events ADD COLUMN scope TEXT NOT NULL DEFAULT 'global';
          DROP INDEX spending_by_subject;
          DROP TRIGGER passages_ai;
          DROP TRIGGER passages_ad;
          DROP TABLE passages_fts;"""
    + _FTS
    + _SCOPES
    + """INSERT INTO scope_people (scope, person_id) SELECT 'global', id FROM people;
          INSERT INTO passages_fts (passages_fts) VALUES ('rebuild')""",
    # 8: feeds followed (global, guild_id NULL, or one server's), the items seen in each, the
    # changes each stored article made to the briefing, and the channel each server has them posted in.
    7: _FEED_TABLES,
    # 9: the document log; documents stored before it are in every snapshot's first full load.
    8: _DOCUMENT_LOG,
}

# Columns that, joined with passages and documents, make a Source.
_SOURCE_COLUMNS = """
    p.text AS p_text, p.section AS p_section, p.position AS p_position,
    d.id AS d_id, d.title AS d_title, d.outlet AS d_outlet, d.url AS d_url, d.published AS d_published
"""


class StoreError(Exception):
    """The store file cannot be used (newer schema, not a briefbot store, corrupt)."""


class StoreWriteError(StoreError):
    """A document could not be written (store locked, disk full, read-only); nothing of it was kept."""


# SQLite's primary result codes (the low byte of sqlite_errorcode) for the write failures people
# can act on, and what to tell them.
_WRITE_FAILURES = {
    5: f"the store stayed locked by another writer for more than {BUSY_TIMEOUT_SECONDS} s; try again",
    6: f"the store stayed locked by another writer for more than {BUSY_TIMEOUT_SECONDS} s; try again",
    8: "the store is read-only; nothing can be added to it",
    10: "the store could not be written (disk I/O error; is the disk full?)",
    13: "the disk holding the store is full",
}


def write_failure(exc: sqlite3.Error) -> StoreWriteError:
    """Return the StoreWriteError that tells a person why SQLite refused a write."""
    code = getattr(exc, "sqlite_errorcode", None)
    reason = _WRITE_FAILURES.get(code & 0xFF) if isinstance(code, int) else None
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


def _check_location(path: Path) -> bool:
    """Raise StoreError when path cannot hold a store; return whether it must be opened read-only."""
    if path.is_dir():
        raise StoreError(f"{path} is a directory; give --db (or BRIEFBOT_DB) a file name.")
    if path.exists() and not path.is_file():
        raise StoreError(f"{path} is not a regular file; give --db (or BRIEFBOT_DB) a file name.")
    if path.exists():
        return not os.access(path, os.W_OK)
    path.parent.mkdir(parents=True, exist_ok=True)
    return False


def _address(path: str, read_only: bool) -> str:
    """Return the SQLite URI that opens path, read-only when asked."""
    if path == ":memory:":
        return path
    uri = Path(path).absolute().as_uri()
    if not read_only:
        return f"{uri}?mode=rwc"
    # A WAL store needs its -shm file: in a folder we may not write, with none there, no writer is
    # at work either (a writer makes one), so the file is read as immutable.
    shm = Path(f"{path}-shm")
    immutable = not shm.exists() and not os.access(Path(path).absolute().parent, os.W_OK)
    return f"{uri}?mode=ro" + ("&immutable=1" if immutable else "")


def _statements(script: str) -> list[str]:
    """Return the SQL statements of a script, triggers (with their inner semicolons) whole."""
    statements, pending = [], ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    return [s for s in statements if s != ";"]


def document_count(path: Path) -> int:
    """Return how many documents the store file at path holds, read without writing; raise sqlite3.Error."""
    with contextlib.closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)) as db:
        return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])


def backup_file(source: Path, target: Path) -> int:
    """Copy a store to target through a temporary file, check the copy, and return its document count.

    The copy is SQLite's online backup (page by page, each step a consistent snapshot, writers not
    blocked long); it must pass ``integrity_check`` and then appears whole or not at all.
    """
    partial = target.with_name(target.name + ".partial")
    try:
        with (
            contextlib.closing(sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)) as db,
            contextlib.closing(sqlite3.connect(partial)) as copy,
        ):
            db.execute("SELECT count(*) FROM documents")  # a briefbot store, not any file
            db.backup(copy)
            verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
            documents = int(copy.execute("SELECT count(*) FROM documents").fetchone()[0])
        if verdict != "ok":
            raise StoreError(f"the copy failed its integrity check ({verdict}); the store may be damaged")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return documents


def default_store_path() -> Path:
    """Return the store's default location in the user's data directory."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "briefbot" / "briefbot.sqlite3"


def normalize_key(text: str) -> str:
    """Return the lookup key for a person's name or alias (case- and accent-insensitive)."""
    from knowledge.gazetteer import normalize  # one normalization for every name lookup

    return normalize(text)


class _Connection(Protocol):
    """What the store asks of every connection: aiosqlite's, or the writer's (same names, same meaning)."""

    @property
    def in_transaction(self) -> bool:
        """Return whether a transaction is open on the connection."""

    async def execute_fetchall(
        self, sql: str, parameters: Iterable[Any] | None = None
    ) -> Iterable[sqlite3.Row]:
        """Return all rows of one statement, in one hop to the connection's thread."""

    async def set_trace_callback(self, handler: Callable[..., Any]) -> None:
        """Have SQLite report each statement as it starts (on the connection's thread)."""

    async def set_progress_handler(self, handler: Callable[[], int | None], n: int) -> None:
        """Have SQLite call handler every n steps of a running statement (on the connection's thread)."""

    async def close(self) -> None:
        """Close the connection and end its thread."""


class _Writer:
    """The one writing connection: the standard library's sqlite3 on a thread of its own.

    Why not aiosqlite, as the readers: writing a document is one transaction of about fifteen
    statements, and aiosqlite's public API takes one statement per hop between the event loop and
    its thread (0.1-0.25 ms each on a busy machine: more than the SQL). Only its private
    ``_execute`` runs a whole function there, and relying on it pinned aiosqlite's version. So the
    writer is a sqlite3 connection on a ThreadPoolExecutor of one thread (what aiosqlite is),
    with ``run`` for a whole transaction in one hop and aiosqlite's names for everything else,
    so that an in-memory store, which is one connection, can be its own reader too.
    """

    def __init__(self, connection: sqlite3.Connection, thread: ThreadPoolExecutor) -> None:
        self._connection = connection
        self._thread = thread

    @classmethod
    async def connect(cls, address: str) -> _Writer:
        """Return the writer on the SQLite URI address (autocommit: transactions are explicit)."""
        thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefbot-writer")
        # Opened on its own thread and used only there (run); its in_transaction is read from anywhere.
        opening = functools.partial(
            sqlite3.connect, address, uri=True, isolation_level=None, check_same_thread=False
        )
        try:
            connection = await asyncio.get_running_loop().run_in_executor(thread, opening)
        except BaseException:
            thread.shutdown(wait=False)
            raise
        connection.row_factory = sqlite3.Row
        return cls(connection, thread)

    async def run(self, fn: Callable[..., _T], *args: Any) -> _T:
        """Return fn(sqlite3_connection, *args), run on the writer's thread in one hop."""
        return await asyncio.get_running_loop().run_in_executor(self._thread, fn, self._connection, *args)

    @property
    def in_transaction(self) -> bool:
        """Return whether a transaction is open on the connection."""
        return self._connection.in_transaction

    async def execute_fetchall(self, sql: str, parameters: Iterable[Any] | None = None) -> list[sqlite3.Row]:
        """Return all rows of one statement."""
        return await self.run(_fetch_all, sql, tuple(parameters or ()))

    async def set_trace_callback(self, handler: Callable[..., Any]) -> None:
        """Have SQLite report each statement as it starts."""
        await self.run(sqlite3.Connection.set_trace_callback, handler)

    async def set_progress_handler(self, handler: Callable[[], int | None], n: int) -> None:
        """Have SQLite call handler every n steps of a running statement."""
        await self.run(sqlite3.Connection.set_progress_handler, handler, n)

    async def close(self) -> None:
        """Close the connection, then let its thread end."""
        try:
            await self.run(sqlite3.Connection.close)
        finally:
            self._thread.shutdown(wait=False)


def _fetch_all(db: sqlite3.Connection, sql: str, params: Sequence[Any]) -> list[sqlite3.Row]:
    """Return all rows of one statement."""
    return db.execute(sql, params).fetchall()


def _execute_write(db: sqlite3.Connection, sql: str, params: Sequence[Any]) -> tuple[int, int]:
    """Run one writing statement (autocommit: its own transaction); return (rows changed, new row id)."""
    cursor = db.execute(sql, params)
    return cursor.rowcount, int(cursor.lastrowid or 0)


class _TimeLimit:
    """The read time limit of one connection, on public APIs only.

    SQLite reports each statement as it starts (trace callback) and calls back while it runs
    (progress handler), both on the connection's own thread, so each read is measured from its
    own start, not from when it was queued, and each connection keeps its own clock.
    """

    def __init__(self, store: Store, connection: _Connection) -> None:
        self._store = store
        self._connection = connection
        self._started = 0.0
        self._limited = False

    async def install(self) -> None:
        """Start timing the connection's reads."""
        await self._connection.set_trace_callback(self._starts)
        await self._connection.set_progress_handler(self._within_time, PROGRESS_STEPS)

    def _starts(self, sql: str) -> None:
        """Note when a statement starts and whether it is an answer's read (a write is never stopped halfway)."""
        self._started = time.monotonic()
        # Reads inside a transaction belong to a write (a document's passage ids): not limited.
        # SQLite calls this for every statement, trigger step and executemany row (over 300 per
        # stored document), so the cheap test comes first: an INSERT fails the pattern at once.
        self._limited = _READ_STATEMENT.match(sql) is not None and not self._connection.in_transaction

    def _within_time(self) -> int:
        """Return 1 (SQLite then interrupts the statement) once a read has run past query_seconds."""
        if self._limited and time.monotonic() - self._started > self._store.query_seconds:
            return 1
        return 0


class Store:
    """The knowledge store on one SQLite file: readers beside one writer.

    A store on a file has one writer (``_Writer``, its own thread) for every write, and READERS
    read-only aiosqlite connections (each its own thread) for every read; WAL lets them read
    while the writer writes, so no answer waits for an ingest. A read goes to the reader with
    the fewest reads in flight. One more read-only connection only watches the store's version
    (``data_version``), so checking it never waits behind a long read. An in-memory store is
    one database per connection, so there the writer reads too (and is watched).
    """

    def __init__(self, writer: _Writer, path: str) -> None:
        self._writer = writer
        self._readers: list[_Connection] = [writer]  # until the readers are open (see open)
        self._reads_in_flight = [0]
        self._watch: _Connection = writer
        self.path = path
        self._own_commits = 0
        self.writes = 0  # commits of this store's writer so far (see _committed)
        self._closing: asyncio.Future[None] | None = None
        self._version_query: asyncio.Future[Any] | None = None
        self._changed = False  # whether the last _write changed a row
        self.read_only = False
        self.query_seconds = QUERY_SECONDS  # the time limit of one read query (see _TimeLimit)

    @classmethod
    async def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Return an open store, creating or migrating the schema as needed.

        A store file this process may not write, or any when read_only is asked (a replica kept
        by a replication tool), is opened read-only (``mode=ro``): answers work, and adding a
        document raises StoreWriteError. Raise StoreError, with the reason, for a directory,
        another program's SQLite file, a store of a newer briefbot or a damaged one.
        """
        path = str(path)
        read_only = path != ":memory:" and (_check_location(Path(path)) or read_only)
        try:
            writer = await _Writer.connect(_address(path, read_only))
        except sqlite3.Error as exc:
            raise StoreError(f"{path} cannot be opened as a store: {exc}.") from exc
        store = cls(writer, path)
        store.read_only = read_only
        try:
            await store._configure(writer)
            await store._prepare()
            if path != ":memory:":
                # After _prepare: the file is known to be a store and in WAL mode now.
                await store._open_readers()
        except BaseException as exc:
            await store.close()  # else the threads keep the process alive after the error
            if isinstance(exc, sqlite3.DatabaseError):
                raise StoreError(f"{path} is not a usable briefbot store: {exc}.") from exc
            raise
        return store

    async def _open_readers(self) -> None:
        """Open the read-only connections that answer and the one that watches the version."""
        address = _address(self.path, read_only=True)
        readers: list[_Connection] = []
        try:
            for _ in range(READERS + 1):
                connection = await aiosqlite.connect(address, isolation_level=None, uri=True)
                readers.append(connection)
                connection.row_factory = sqlite3.Row
                await self._configure(connection)
        except BaseException:
            for opened in readers:
                await opened.close()
            raise
        self._watch, *self._readers = readers
        self._reads_in_flight = [0] * len(self._readers)

    def _connections(self) -> list[_Connection]:
        """Return every open connection: the writer, the readers and the watcher (each once)."""
        return list(dict.fromkeys([self._writer, self._watch, *self._readers]))

    @property
    def closed(self) -> bool:
        """Return whether the store is closed or closing."""
        return self._closing is not None

    async def close(self) -> None:
        """Close the connections; safe to call again, also while another close is running."""
        # aiosqlite hangs when two close() calls overlap (SIGTERM handler and shutdown path both
        # closing), so every caller awaits the one close task.
        if self._closing is None:
            self._closing = asyncio.ensure_future(self._close_all())
        await asyncio.shield(self._closing)

    async def _close_all(self) -> None:
        """Close the readers and the watcher, then the writer (last, so WAL's files are tidied once)."""
        for connection in reversed(self._connections()):
            with contextlib.suppress(sqlite3.Error):
                await connection.close()

    async def _configure(self, connection: _Connection) -> None:
        """Set the pragmas every connection needs (none of them writes to the file) and the read time limit."""
        await connection.execute_fetchall("PRAGMA foreign_keys = ON")
        await connection.execute_fetchall(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        await _TimeLimit(self, connection).install()

    async def _prepare(self) -> None:
        """Check that the file is a briefbot store (or empty), then create, mark or migrate its schema."""
        execute = self._writer.execute_fetchall
        identity = self._identity(*await self._file_state())
        if self.path != ":memory:" and not self.read_only:
            # Only now that the file is known to be ours: switching to WAL rewrites its header.
            await execute("PRAGMA journal_mode = WAL")
            await execute("PRAGMA synchronous = NORMAL")
        if identity == "current":
            await self._check_tables()
            return
        if self.read_only:
            raise StoreError(
                f"{self.path} is read-only and needs {'its schema created' if identity == 'empty' else 'an upgrade'};"
                " open it once with write access."
            )
        # Foreign keys off while the schema changes (SQLite's way to rebuild a table: dropping
        # the old documents table must not cascade to its passages); checked before commit.
        await execute("PRAGMA foreign_keys = OFF")
        # Under the write lock, so two processes opening a new store do not both create it.
        await execute("BEGIN IMMEDIATE")
        try:
            identity = self._identity(*await self._file_state())
            version = await self.schema_version()
            steps = (
                [_SCHEMA] if identity == "empty" else [_MIGRATIONS[n] for n in range(version, SCHEMA_VERSION)]
            )
            # One statement at a time: executescript() would commit the transaction first.
            for statement in (st for step in steps for st in _statements(step)):
                await execute(statement)
            if await self._rows("PRAGMA foreign_key_check"):
                raise StoreError(f"{self.path} has rows that point at nothing; it cannot be upgraded.")
            await execute(f"PRAGMA application_id = {APPLICATION_ID}")
            await execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            await execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):  # the error that got us here is the one to report
                await execute("ROLLBACK")
            raise
        finally:
            await execute("PRAGMA foreign_keys = ON")
        await self._check_tables()

    async def _file_state(self) -> tuple[int, int, set[str]]:
        """Return the file's application id, schema version and table names."""
        (row,) = await self._rows(
            "SELECT (SELECT application_id FROM pragma_application_id),"
            " (SELECT user_version FROM pragma_user_version)"
        )
        return int(row[0]), int(row[1]), await self._table_names()

    async def _table_names(self) -> set[str]:
        """Return the names of the file's tables."""
        return {row[0] for row in await self._rows("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def _identity(self, application_id: int, version: int, tables: set[str]) -> str:
        """Return "current", "empty" or "older" for a briefbot store file; raise StoreError for anything else."""
        ours = application_id == APPLICATION_ID
        # Stores made before the application id was set: unmarked, with a version this code wrote.
        unmarked_store = application_id == 0 and 1 <= version <= SCHEMA_VERSION and "documents" in tables
        if application_id == 0 and version == 0 and not tables:
            return "empty"
        if not ours and not unmarked_store:
            raise StoreError(
                f"{self.path} is another program's SQLite database, not a briefbot store;"
                " give --db (or BRIEFBOT_DB) a new file name."
            )
        if version > SCHEMA_VERSION:
            raise StoreError(f"The store has schema {version}; this briefbot knows up to {SCHEMA_VERSION}.")
        if version < 1:
            raise StoreError(f"{self.path} is a damaged briefbot store (schema version {version}).")
        return "current" if ours and version == SCHEMA_VERSION else "older"

    async def _check_tables(self) -> None:
        """Raise StoreError naming the first table the schema has and the file lacks."""
        present = await self._table_names()
        missing = [name for name in _TABLES if name not in present]
        if missing:
            raise StoreError(
                f"{self.path} is a damaged briefbot store: table {missing[0]} is missing."
                " Move it aside and ingest the articles again."
            )

    async def schema_version(self) -> int:
        """Return the schema version recorded in the file."""
        return int(await self._scalar("PRAGMA user_version"))

    async def data_version(self) -> tuple[int, int]:
        """Return a value that changes whenever this or any other connection commits to the file.

        SQLite's ``PRAGMA data_version`` moves when a connection other than the one asking has
        committed, and its values are that connection's own (two connections' are not
        comparable), so it is always asked on the same connection: the watcher, which sees the
        writer's commits as it sees another process's. Every answer asks this first (to know
        whether its cached answer still holds), so calls that overlap share one query: in a
        burst of a thousand interactions that is a handful of round trips instead of a
        thousand. A caller that joins a query already on its way gets the version as of a
        moment before it asked; a write of this store's ends that sharing (``_committed``), so
        after a write returns the next call sees a new version.
        """
        if self._version_query is None or self._version_query.done():
            self._version_query = asyncio.ensure_future(self._watch.execute_fetchall("PRAGMA data_version"))
        rows = list(await asyncio.shield(self._version_query))
        return int(rows[0][0]), self._own_commits

    def _committed(self) -> None:
        """Note a commit of this store's writer: the next data_version() asks anew, and sees it.

        The watcher sees the writer's commits as any other connection's, so they are counted once,
        at the commit itself; counting them here too made two versions of every write, each
        reloading what answers share. Only an in-memory store, watched by its writer (whose
        data_version does not move for its own commits), counts them here.
        """
        self._version_query = None
        self.writes += 1
        if self._watch is self._writer:
            self._own_commits += 1

    async def integrity_check(self) -> str:
        """Return SQLite's integrity verdict ("ok" when sound)."""
        return str(await self._scalar("PRAGMA integrity_check"))

    async def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Return the first column of the first row (None when there is no row)."""
        rows = await self._rows(sql, params)
        return rows[0][0] if rows else None

    async def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Return all rows of a query, read by the least busy reader in one round trip to its thread.

        (A cursor costs three: execute, fetch and close, each a hop between threads.)
        Raise TooSlow when the query runs longer than query_seconds.
        """
        reader = min(range(len(self._readers)), key=self._reads_in_flight.__getitem__)
        self._reads_in_flight[reader] += 1
        try:
            return list(await self._readers[reader].execute_fetchall(sql, params))
        except sqlite3.OperationalError as exc:
            # Only _TimeLimit interrupts a statement (nothing calls interrupt()).
            if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_INTERRUPT:
                raise TooSlow(
                    f"That took too long to look up (more than {self.query_seconds:g} s), so I stopped."
                    " Try a narrower question, or again in a moment."
                ) from exc
            raise
        finally:
            self._reads_in_flight[reader] -= 1

    # --- writing ------------------------------------------------------------------------------

    async def has_document(self, sha256: str, scopes: Sequence[str] = (GLOBAL,)) -> int | None:
        """Return the id of the document with this content hash in one of the scopes, if stored."""
        marks = ", ".join("?" * len(scopes))
        value = await self._scalar(
            f"SELECT id FROM documents WHERE scope IN ({marks}) AND sha256 = ? ORDER BY id LIMIT 1",
            (*scopes, sha256),
        )
        return None if value is None else int(value)

    async def add_document(
        self,
        article: Article,
        extraction: Extraction,
        *,
        name: str | None,
        scope: str = GLOBAL,
        replaces: int | None = None,
    ) -> AddResult:
        """Store a document and everything extracted from it in one transaction, in a scope.

        ``replaces`` names an earlier version of the article, removed in the same transaction.
        Raise StoreWriteError, with nothing of the document kept, when SQLite refuses the write.
        """
        try:
            result = await self._writer.run(_write_document, article, extraction, name, scope, replaces)
        except sqlite3.OperationalError as exc:  # locked, full, read-only, I/O: the file's state, not ours
            raise write_failure(exc) from exc
        assert result is not None  # only a replacement can miss its document
        if result.created:
            self._committed()
        return result

    async def remove_document(self, document_id: int, scope: str | None = None) -> bool:
        """Remove a document and everything read from it in one transaction; return whether it existed.

        Passages (and their search index), spending facts, statements, events and roles go with
        the document (the schema's ON DELETE CASCADE); people left with nothing to their name go
        too, so no answer, autocomplete or suggestion still knows them. Answers follow at once:
        the write moves the store's data version. With ``scope``, only a document of that scope is
        removed (a server's admin removes the server's own documents, not global ones). Raise
        StoreWriteError when SQLite refuses it.
        """
        try:
            existed = await self._writer.run(_remove_document, document_id, scope)
        except sqlite3.OperationalError as exc:
            raise write_failure(exc) from exc
        if existed:
            self._committed()
        return existed

    async def replace_document(
        self, document_id: int, article: Article, extraction: Extraction, *, name: str | None
    ) -> AddResult | None:
        """Swap a document for a corrected version under the same id, in one transaction.

        Return None when there is no such document, AddResult(id, created=False) with nothing
        changed when the new text is already stored (as this document or another one), and
        AddResult(document_id, created=True) once the new version replaced the old one.
        """
        try:
            result = await self._writer.run(
                _write_document, article, extraction, name, GLOBAL, document_id, True
            )
        except sqlite3.OperationalError as exc:
            raise write_failure(exc) from exc
        if result is not None and result.created:
            self._committed()
        return result

    # --- reading ------------------------------------------------------------------------------

    async def documents(
        self, scopes: Sequence[str] = (GLOBAL,), limit: int = DOCUMENTS_PER_LIST
    ) -> list[DocumentSummary]:
        """Return the newest limit documents of the scopes with their counts, newest publication first."""
        # Each scope's newest documents walk its (scope, published) index and stop at limit; only
        # the page found is read and counted, however many documents the store holds.
        newest = " UNION ALL ".join(
            "SELECT * FROM (SELECT id FROM documents WHERE scope = ? ORDER BY published DESC, id LIMIT ?)"
            for _ in scopes
        )
        return await self._summaries(newest, [v for scope in scopes for v in (scope, limit)], limit)

    async def document_count(self, scopes: Sequence[str] = (GLOBAL,)) -> int:
        """Return how many documents the scopes hold (counted in the scope index, not the rows)."""
        return int(
            await self._scalar(f"SELECT count(*) FROM documents WHERE scope IN ({_marks(scopes)})", scopes)
        )

    async def document(self, document_id: int, scopes: Sequence[str] = (GLOBAL,)) -> DocumentSummary | None:
        """Return the document with this id if one of the scopes holds it, with its counts."""
        found = await self._summaries(
            f"SELECT id FROM documents WHERE id = ? AND scope IN ({_marks(scopes)})",
            [document_id, *scopes],
            1,
        )
        return found[0] if found else None

    async def documents_titled(
        self, text: str, scopes: Sequence[str] = (GLOBAL,), limit: int = DOCUMENTS_PER_LIST
    ) -> list[DocumentSummary]:
        """Return the newest limit documents among the scopes' newest TITLE_WINDOW whose title contains text.

        Case-insensitive for ASCII letters (SQLite's LIKE). Only the newest TITLE_WINDOW documents of
        each scope are looked at, so a keystroke of autocomplete reads a bounded number of rows at
        any store size; an older document is still found by its number (``document``).
        """
        pattern = "%" + re.sub(r"([\\%_])", r"\\\1", text) + "%"
        # Per scope: walk its newest TITLE_WINDOW documents in order and stop at the limit-th match
        # (a common word stops after a few dozen rows; no match reads the whole window).
        matching = " UNION ALL ".join(
            "SELECT * FROM (SELECT id FROM (SELECT id, title FROM documents WHERE scope = ?"
            " ORDER BY published DESC, id LIMIT ?) WHERE title LIKE ? ESCAPE '\\' LIMIT ?)"
            for _ in scopes
        )
        params = [v for scope in scopes for v in (scope, TITLE_WINDOW, pattern, limit)]
        return await self._summaries(matching, params, limit)

    async def document_titles(self, scopes: Sequence[str] = (GLOBAL,)) -> list[tuple[int, str | None]]:
        """Return (id, title) of each scope's newest TITLE_WINDOW documents, newest first (for fuzzy matching)."""
        rows = await self._rows(
            f"""SELECT id, title FROM documents WHERE scope IN ({_marks(scopes)})
                 ORDER BY published DESC, id LIMIT ?""",
            (*scopes, TITLE_WINDOW * len(scopes)),
        )
        return [(row[0], row[1]) for row in rows]

    async def _summaries(self, ids_query: str, params: Sequence[Any], limit: int) -> list[DocumentSummary]:
        """Return the documents whose ids the subquery selects (at most limit), with counts, newest first."""
        # Four counts per document, each over an index that starts with document_id (no row is
        # read): bounded by limit, so a page of 25 costs 100 index range counts, not a table scan.
        rows = await self._rows(
            f"""
            SELECT d.id, d.title, d.outlet, d.url, d.published, d.scope,
                   (SELECT count(*) FROM passages WHERE document_id = d.id)       AS passages,
                   (SELECT count(*) FROM spending_facts WHERE document_id = d.id) AS spending,
                   (SELECT count(*) FROM statements WHERE document_id = d.id)     AS statements,
                   (SELECT count(*) FROM events WHERE document_id = d.id)         AS events
              FROM documents AS d
             WHERE d.id IN ({ids_query})
             ORDER BY d.published DESC, d.id
             LIMIT ?
            """,
            (*params, limit),
        )
        return [
            DocumentSummary(
                document=_document(row, prefix=""),
                passages=row["passages"],
                spending_facts=row["spending"],
                statements=row["statements"],
                events=row["events"],
                scope=row["scope"],
            )
            for row in rows
        ]

    async def passages_with_weight(self, document_id: int) -> list[tuple[Source, int]]:
        """Return a document's passages in order, each with how many records were read from it."""
        # The document's records are grouped by passage once (each table read through an index that
        # starts with the document or its events), then joined to the passages: a 3,000-passage
        # document used to cost four scans of the fact tables per passage.
        rows = await self._rows(
            f"""
            WITH weights AS MATERIALIZED (
                SELECT passage_id, count(*) AS n FROM (
                    SELECT passage_id FROM spending_facts WHERE document_id = ?1
                    UNION ALL SELECT passage_id FROM statements WHERE document_id = ?1
                    UNION ALL SELECT a.passage_id FROM events AS e
                              JOIN event_agenda AS a ON a.event_id = e.id WHERE e.document_id = ?1
                    UNION ALL SELECT a.passage_id FROM events AS e
                              JOIN event_attendees AS a ON a.event_id = e.id WHERE e.document_id = ?1)
                 GROUP BY passage_id)
            SELECT {_SOURCE_COLUMNS}, coalesce(w.n, 0) AS weight
              FROM passages AS p JOIN documents AS d ON d.id = p.document_id
              LEFT JOIN weights AS w ON w.passage_id = p.id
             WHERE p.document_id = ?1
             ORDER BY p.position
             LIMIT ?2
            """,
            (document_id, PASSAGES_PER_BRIEF),
        )
        return [(_source(row), row["weight"]) for row in rows]

    async def document_bodies(self) -> list[tuple[int, str]]:
        """Return (id, body) of every document."""
        return [(row[0], row[1]) for row in await self._rows("SELECT id, body FROM documents ORDER BY id")]

    async def passage_spans(self, document_id: int) -> list[tuple[int, int, str]]:
        """Return (start, end, text) of a document's passages, in order."""
        rows = await self._rows(
            "SELECT start, end, text FROM passages WHERE document_id = ? ORDER BY position", (document_id,)
        )
        return [(row[0], row[1], row[2]) for row in rows]

    async def spending_figures(self, subject: str, per_metric: int, scope: str = GLOBAL) -> list[Figure]:
        """Return a subject's newest per_metric facts of each metric in a scope, newest year first, with sources."""
        # One LIMIT per metric, each walking the (scope, subject, metric, year) index from the newest
        # year: milliseconds however many thousand facts a subject has.
        newest = " UNION ALL ".join(
            "SELECT * FROM (SELECT id FROM spending_facts WHERE scope = ? AND subject = ? AND metric = ?"
            " ORDER BY year DESC, id DESC LIMIT ?)"
            for _ in Metric
        )
        params: list[Any] = [
            value for metric in Metric for value in (scope, subject, metric.value, per_metric)
        ]
        return await self._figures_by_ids(newest, params)

    async def latest_figures(self, scope: str = GLOBAL) -> dict[str, list[Figure]]:
        """Return, for every subject of a scope, its newest fact of each metric (for previews and coverage)."""
        subjects: dict[str, list[Figure]] = {}
        for _, _, figure in await self.newest_facts(scope):
            subjects.setdefault(figure.subject, []).append(figure)
        return subjects

    async def newest_facts(
        self, scope: str = GLOBAL, documents: Sequence[int] | None = None
    ) -> list[tuple[int, int, Figure]]:
        """Return each (subject, metric)'s newest fact in a scope (or among some of its documents) as (year, id, figure).

        Newest: the latest year (undated counts as 0), then the first stored (lowest id) of that
        year, so the newest over two sets of documents is the newest of their two newest.
        """
        if documents is None:
            # Each group's newest year from the (scope, subject, metric, year) index, then its first fact.
            newest = (
                "SELECT min(f.id) FROM (SELECT subject, metric, max(coalesce(year, 0)) AS y FROM spending_facts"
                " WHERE scope = ?1 GROUP BY subject, metric) AS m JOIN spending_facts AS f ON f.scope = ?1"
                " AND f.subject = m.subject AND f.metric = m.metric AND coalesce(f.year, 0) = m.y"
                " GROUP BY m.subject, m.metric"
            )
            params: list[Any] = [scope]
        else:
            # A few documents' facts, found by document (+scope: not through the scope's whole index).
            newest = (
                "SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY subject, metric"
                " ORDER BY coalesce(year, 0) DESC, id) AS r FROM spending_facts"
                " WHERE document_id IN (SELECT value FROM json_each(?2)) AND +scope = ?1) WHERE r = 1"
            )
            params = [scope, json.dumps(list(documents))]
        rows = await self._fact_rows(newest, params, "f.id")
        return [(row["year"] or 0, row["id"], _figure(row)) for row in rows]

    async def fact_subjects(self, documents: Sequence[int]) -> set[str]:
        """Return the subjects the spending facts of these documents are about."""
        rows = await self._rows(
            "SELECT DISTINCT subject FROM spending_facts WHERE document_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(documents)),),
        )
        return {row[0] for row in rows}

    async def document_log(self, after: int | None) -> tuple[int, list[tuple[int, str, bool]]]:
        """Return the document log's last position and, after position ``after``, its entries.

        Each entry is (document id, scope, added): True when the document was stored, False when
        it was removed (a replacement under the same id is both). With ``after`` None only the
        position is read (a reader about to load everything).
        """
        if after is None:
            return int(await self._scalar("SELECT coalesce(max(seq), 0) FROM document_log")), []
        rows = await self._rows(
            "SELECT seq, document_id, scope, added FROM document_log WHERE seq > ? ORDER BY seq", (after,)
        )
        return (rows[-1][0] if rows else after), [(row[1], row[2], bool(row[3])) for row in rows]

    async def _figures_by_ids(self, ids_query: str, params: Sequence[Any]) -> list[Figure]:
        """Return the facts whose ids the subquery selects, with sources, newest year first."""
        order = "f.subject, f.year IS NULL, f.year DESC, d.published IS NULL, d.published DESC, d.id, p.position, f.id"
        return [_figure(row) for row in await self._fact_rows(ids_query, params, order)]

    async def _fact_rows(self, ids_query: str, params: Sequence[Any], order: str) -> list[sqlite3.Row]:
        """Return the rows of the facts whose ids the subquery selects, with their sources' columns, in order."""
        return await self._rows(
            f"""
            SELECT f.*, {_SOURCE_COLUMNS}
              FROM spending_facts AS f
              JOIN passages  AS p ON p.id = f.passage_id
              JOIN documents AS d ON d.id = f.document_id
             WHERE f.id IN ({ids_query})
             ORDER BY {order}
            """,
            params,
        )

    async def people(self, scope: str = GLOBAL) -> list[StoredPerson]:
        """Return every person a scope's documents name, with that scope's roles and statement counts."""
        rows = await self._rows(
            """
            SELECT pe.id, pe.name,
                   (SELECT group_concat(role, char(31)) FROM (
                        SELECT DISTINCT role FROM person_roles WHERE scope = ?1 AND person_id = pe.id)) AS roles,
                   (SELECT count(*) FROM statements WHERE scope = ?1 AND person_id = pe.id) AS statements,
                   (SELECT speaker_type FROM statements WHERE scope = ?1 AND person_id = pe.id LIMIT 1)
                       AS speaker_type
              FROM scope_people AS sp JOIN people AS pe ON pe.id = sp.person_id
             WHERE sp.scope = ?1
             ORDER BY pe.name
            """,
            (scope,),
        )
        return [
            StoredPerson(
                id=row["id"],
                name=row["name"],
                roles=tuple(row["roles"].split("\x1f")) if row["roles"] else (),
                statement_count=row["statements"],
                speaker_type=SpeakerType(row["speaker_type"] or SpeakerType.PERSON),
            )
            for row in rows
        ]

    async def person_aliases(self, scope: str = GLOBAL) -> list[tuple[str, int]]:
        """Return every (normalized alias, person id) pair of the people a scope knows."""
        rows = await self._rows(
            "SELECT a.alias, a.person_id FROM scope_people AS sp"
            " JOIN person_aliases AS a ON a.person_id = sp.person_id WHERE sp.scope = ?",
            (scope,),
        )
        return [(row[0], row[1]) for row in rows]

    async def statements_by(
        self, person_id: int, limit: int = STATEMENTS_PER_ANSWER, scopes: Sequence[str] = (GLOBAL,)
    ) -> list[Quote]:
        """Return a person's statements, newest documents first, at most limit of them, with sources.

        A collective source ("analysts", "officials") can gather thousands of statements in a large
        store; an answer shows pages of six, so the newest few dozen are what anyone reads.
        """
        rows = await self._rows(
            f"""
            SELECT s.kind, s.text, s.context, s.time_json, s.medium, s.segments, s.place, {_SOURCE_COLUMNS}
              FROM statements AS s
              JOIN passages  AS p ON p.id = s.passage_id
              JOIN documents AS d ON d.id = s.document_id
             WHERE s.scope IN ({_marks(scopes)}) AND s.person_id = ?
             ORDER BY d.published IS NULL, d.published DESC, d.id, p.position, s.id
             LIMIT ?
            """,
            (*scopes, person_id, limit),
        )
        return [
            Quote(
                kind=StatementKind(row["kind"]),
                text=row["text"],
                context=row["context"],
                when=_time(row["time_json"]),
                medium=row["medium"],
                segments=json.loads(row["segments"]) if row["segments"] else [],
                place=row["place"],
                source=_source(row),
            )
            for row in rows
        ]

    async def event_index(
        self, scope: str = GLOBAL, documents: Sequence[int] | None = None
    ) -> list[EventKey]:
        """Return the key of every event of a scope (or of some of its documents), earliest first."""
        among = "" if documents is None else " AND e.document_id IN (SELECT value FROM json_each(?))"
        params: list[Any] = [scope] if documents is None else [scope, json.dumps(list(documents))]
        rows = await self._rows(
            f"""SELECT e.id, e.kind, e.place, e.country, e.time_json, e.status, d.published
                 FROM events AS e JOIN documents AS d ON d.id = e.document_id
                WHERE e.scope = ?{among}
                ORDER BY e.year IS NULL, e.year, e.month, e.day, e.id""",
            params,
        )
        return [EventKey(row[0], row[1], row[2], row[3], _time(row[4]), row[5], row[6]) for row in rows]

    async def events_by_ids(self, ids: Sequence[int]) -> list[StoredEvent]:
        """Return the events with these ids, with attendees, agenda and sources (four queries)."""
        marks = ", ".join("?" * len(ids))
        rows = await self._rows(
            f"""
            SELECT e.*, d.id AS d_id, d.title AS d_title, d.outlet AS d_outlet, d.url AS d_url,
                   d.published AS d_published
              FROM events AS e JOIN documents AS d ON d.id = e.document_id
             WHERE e.id IN ({marks})
             ORDER BY e.year IS NULL, e.year, e.month, e.day, e.id
            """,
            ids,
        )
        attendees = await self._event_parts(
            "event_attendees", "a.name, a.person_id, a.role", "a.position", ids
        )
        agenda = await self._event_parts("event_agenda", "a.text", "a.position", ids)
        passages = await self._event_parts("event_passages", "NULL AS unused", "p.position", ids)
        return [
            StoredEvent(
                id=row["id"],
                kind=row["kind"],
                place=row["place"],
                country=row["country"],
                when=_time(row["time_json"]),
                status=row["status"],
                published=row["d_published"],
                document=_document(row),
                attendees=[
                    Attendee(
                        name=a["name"],
                        is_person=a["person_id"] is not None,
                        role=a["role"],
                        source=_source(a),
                    )
                    for a in attendees.get(row["id"], [])
                ],
                agenda=[AgendaItem(text=g["text"], source=_source(g)) for g in agenda.get(row["id"], [])],
                sources=[_source(p) for p in passages.get(row["id"], [])],
            )
            for row in rows
        ]

    async def _event_parts(
        self, table: str, columns: str, order: str, ids: Sequence[int]
    ) -> dict[int, list[sqlite3.Row]]:
        """Return the rows of an event part table (with their sources), grouped by event id."""
        marks = ", ".join("?" * len(ids))
        rows = await self._rows(
            f"""SELECT a.event_id, {columns}, {_SOURCE_COLUMNS}
                  FROM {table} AS a
                  JOIN passages  AS p ON p.id = a.passage_id
                  JOIN documents AS d ON d.id = p.document_id
                 WHERE a.event_id IN ({marks})
                 ORDER BY a.event_id, {order}""",
            ids,
        )
        grouped: dict[int, list[sqlite3.Row]] = {}
        for row in rows:
            grouped.setdefault(row["event_id"], []).append(row)
        return grouped

    async def search(self, fts_query: str, limit: int, scopes: Sequence[str] = (GLOBAL,)) -> list[SearchHit]:
        """Return the passages best matching an FTS5 query (already escaped), by BM25.

        Two steps: rank inside FTS5 alone (no joins, no highlighting), then read and highlight
        only the top rows. Joining and highlighting every match before sorting cost half the
        time on a large store, where a common word matches tens of thousands of passages.

        When more than SEARCH_CANDIDATES passages match, only the most recently stored
        SEARCH_CANDIDATES of them are ranked: FTS5 scores every candidate (about 2 µs each), so
        a question matching 85,000 passages took 120 ms. BM25's word statistics still come from
        the whole store; only the candidates are limited, and for a news archive the newest
        coverage is the one to show when thousands of passages match equally well.

        Only the scopes' passages are searched: the query matches the text and section columns,
        and the scope column (weight 0) names the scopes.
        """
        fts_query = scoped_match(fts_query, scopes)
        ranked = await self._rows(
            """SELECT rowid, rank FROM passages_fts
                WHERE passages_fts MATCH ?1 AND rank MATCH 'bm25(1.0, 0.3, 0.0)'
                  AND rowid >= (SELECT coalesce(min(rowid), 0) FROM (
                        SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?1
                         ORDER BY rowid DESC LIMIT ?3))
                ORDER BY rank, rowid LIMIT ?2""",
            (fts_query, limit, SEARCH_CANDIDATES),
        )
        if not ranked:
            return []
        scores = {row["rowid"]: row["rank"] for row in ranked}
        marks = ", ".join("?" * len(scores))
        # MATERIALIZED: highlight the few rows inside FTS5 first, then join them (joining first
        # let SQLite walk the match per joined row, 5x slower on a large store).
        rows = await self._rows(
            f"""WITH marked AS MATERIALIZED (
                    SELECT rowid AS id, highlight(passages_fts, 0, ?, ?) AS highlighted
                      FROM passages_fts WHERE passages_fts MATCH ? AND rowid IN ({marks}))
                SELECT p.id AS p_id, marked.highlighted, {_SOURCE_COLUMNS}
                  FROM marked
                  JOIN passages  AS p ON p.id = marked.id
                  JOIN documents AS d ON d.id = p.document_id""",
            (HIGHLIGHT_START, HIGHLIGHT_END, fts_query, *scores),
        )
        hits = {
            row["p_id"]: SearchHit(
                source=_source(row), highlighted=row["highlighted"], score=scores[row["p_id"]]
            )
            for row in rows
        }
        return [hits[rowid] for rowid in scores if rowid in hits]

    async def match_counts(
        self, fts_queries: Sequence[str], cap: int, scopes: Sequence[str] = (GLOBAL,)
    ) -> list[int]:
        """Return how many passages of the scopes each FTS5 query matches, counting no further than cap."""
        if not fts_queries:
            return []
        fts_queries = [scoped_match(query, scopes) for query in fts_queries]
        counts = ", ".join(
            f"(SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ?{i} LIMIT {int(cap)}))"
            for i in range(1, len(fts_queries) + 1)
        )
        (row,) = await self._rows(f"SELECT {counts}", tuple(fts_queries))
        return [int(value) for value in row]

    async def appearances(
        self, person_id: int, scopes: Sequence[str] = (GLOBAL,)
    ) -> list[tuple[int, str | None, Source]]:
        """Return (event id, role, source) for every event of the scopes a person is expected at."""
        rows = await self._rows(
            f"""SELECT a.event_id, a.role, {_SOURCE_COLUMNS}
                  FROM event_attendees AS a
                  JOIN passages AS p ON p.id = a.passage_id JOIN documents AS d ON d.id = p.document_id
                 WHERE a.person_id = ? AND p.scope IN ({_marks(scopes)}) ORDER BY a.event_id, a.position""",
            (person_id, *scopes),
        )
        return [(row["event_id"], row["role"], _source(row)) for row in rows]

    # --- feeds, their items, and the changes stored articles made -----------------------------

    async def document_by_url(self, url: str, scope: str = GLOBAL) -> tuple[int, str] | None:
        """Return (id, sha256) of the newest document of a scope stored from url, if any."""
        rows = await self._rows(
            "SELECT id, sha256 FROM documents WHERE url = ? AND scope = ? ORDER BY id DESC LIMIT 1",
            (url, scope),
        )
        return (rows[0][0], rows[0][1]) if rows else None

    async def add_feed(self, url: str, guild_id: int | None) -> tuple[Feed, bool]:
        """Follow a feed; return it and whether it is new (the same URL in the same scope is one feed)."""
        await self._write(
            "INSERT OR IGNORE INTO feeds (url, guild_id, added_at) VALUES (?, ?, ?)", (url, guild_id, _now())
        )
        created = self._changed
        rows = await self._rows(
            "SELECT * FROM feeds WHERE url = ? AND coalesce(guild_id, 0) = coalesce(?, 0)", (url, guild_id)
        )
        return _feed(rows[0]), created

    async def feeds(self, guild_id: int | None = None, *, every: bool = False) -> list[Feed]:
        """Return the feeds of one scope (None: the global ones), or every feed, oldest first."""
        if every:
            rows = await self._rows("SELECT * FROM feeds ORDER BY id")
        else:
            rows = await self._rows(
                "SELECT * FROM feeds WHERE coalesce(guild_id, 0) = coalesce(?, 0) ORDER BY id", (guild_id,)
            )
        return [_feed(row) for row in rows]

    async def feed(self, feed_id: int) -> Feed | None:
        """Return the feed with this id, if followed."""
        rows = await self._rows("SELECT * FROM feeds WHERE id = ?", (feed_id,))
        return _feed(rows[0]) if rows else None

    async def remove_feed(
        self, feed_id: int, guild_id: int | None = None, *, any_scope: bool = False
    ) -> bool:
        """Stop following a feed (of this scope, unless any_scope); return whether one was removed."""
        if any_scope:
            await self._write("DELETE FROM feeds WHERE id = ?", (feed_id,))
        else:
            await self._write(
                "DELETE FROM feeds WHERE id = ? AND coalesce(guild_id, 0) = coalesce(?, 0)",
                (feed_id, guild_id),
            )
        return self._changed

    async def update_feed(self, feed_id: int, **state: Any) -> None:
        """Record a feed's fetch state (the columns of FEED_STATE_FIELDS)."""
        unknown = set(state) - FEED_STATE_FIELDS
        if unknown:
            raise ValueError(f"not feed state: {sorted(unknown)}")
        columns = ", ".join(f"{name} = ?" for name in state)
        await self._write(f"UPDATE feeds SET {columns} WHERE id = ?", (*state.values(), feed_id))

    async def seen_items(self, feed_id: int) -> dict[str, SeenItem]:
        """Return the items of a feed already handled, by key."""
        rows = await self._rows(
            "SELECT key, version, document_id, error FROM feed_items WHERE feed_id = ?", (feed_id,)
        )
        return {row[0]: SeenItem(row[1], row[2], row[3]) for row in rows}

    async def record_item(
        self,
        feed_id: int,
        key: str,
        url: str,
        version: str | None,
        document_id: int | None,
        error: str | None,
    ) -> None:
        """Remember a feed item as handled (stored as document_id, or not stored because of error)."""
        await self._write(
            "INSERT OR REPLACE INTO feed_items (feed_id, key, url, version, document_id, error, seen_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (feed_id, key, url, version, document_id, error, _now()),
        )

    async def add_change(self, document_id: int, guild_id: int | None, report: str) -> int:
        """Store what an article changed in the briefing; return the change's id."""
        return await self._write(
            "INSERT INTO changes (document_id, guild_id, created_at, report) VALUES (?, ?, ?, ?)",
            (document_id, guild_id, _now(), report),
        )

    async def changes(
        self,
        guild_id: int | None,
        *,
        since: str | None = None,
        after_id: int = 0,
        limit: int = 50,
        include_global: bool = True,
    ) -> list[StoredChange]:
        """Return the changes a scope sees (global ones, unless left out, and its own), oldest first.

        ``since`` (ISO 8601, UTC) and ``after_id`` leave out older ones; at most limit, the newest.
        """
        rows = await self._rows(
            """SELECT id, guild_id, created_at, report FROM (
                   SELECT * FROM changes
                    WHERE ((guild_id IS NULL AND ?) OR guild_id = ?) AND id > ? AND created_at >= ?
                    ORDER BY id DESC LIMIT ?)
                ORDER BY id""",
            (int(include_global), guild_id, after_id, since or "", limit),
        )
        return [StoredChange(row[0], row[1], row[2], row[3]) for row in rows]

    async def last_change_id(self) -> int:
        """Return the id of the newest change (0 when none)."""
        return int(await self._scalar("SELECT coalesce(max(id), 0) FROM changes"))

    async def set_feed_channel(self, guild_id: int, channel_id: int) -> None:
        """Choose the channel a server's changes are posted in; only changes from now on are posted."""
        await self._write(
            "INSERT INTO feed_channels (guild_id, channel_id, delivered)"
            " VALUES (?1, ?2, (SELECT coalesce(max(id), 0) FROM changes))"
            " ON CONFLICT (guild_id) DO UPDATE SET channel_id = ?2",
            (guild_id, channel_id),
        )

    async def feed_channels(self) -> list[tuple[int, int, int]]:
        """Return (guild id, channel id, last change id posted) of every server with a channel."""
        rows = await self._rows("SELECT guild_id, channel_id, delivered FROM feed_channels ORDER BY guild_id")
        return [(row[0], row[1], row[2]) for row in rows]

    async def mark_delivered(self, guild_id: int, change_id: int) -> None:
        """Record that a server's channel has been sent every change up to change_id."""
        await self._write(
            "UPDATE feed_channels SET delivered = max(delivered, ?) WHERE guild_id = ?", (change_id, guild_id)
        )

    async def event_ids_of(self, document_id: int) -> list[int]:
        """Return the ids of the events read from a document."""
        return [
            row[0] for row in await self._rows("SELECT id FROM events WHERE document_id = ?", (document_id,))
        ]

    async def people_by_keys(self, keys: Sequence[str], scopes: Sequence[str] = (GLOBAL,)) -> dict[str, int]:
        """Return the ids of the people the scopes know by these normalized names or aliases, by name.

        A name is an alias of the person it finds ("kowalska" finds Anna Kowalska); one that finds
        several people in the scopes finds none of them.
        """
        if not keys:
            return {}
        rows = await self._rows(
            f"""SELECT DISTINCT a.alias, a.person_id FROM person_aliases AS a
                  JOIN scope_people AS sp ON sp.person_id = a.person_id
                 WHERE a.alias IN ({_marks(keys)}) AND sp.scope IN ({_marks(scopes)})""",
            (*keys, *scopes),
        )
        found: dict[str, list[int]] = {}
        for alias, person_id in rows:
            found.setdefault(alias, []).append(person_id)
        return {alias: ids[0] for alias, ids in found.items() if len(ids) == 1}

    async def statement_texts(self, person_id: int, scopes: Sequence[str] = (GLOBAL,)) -> set[str]:
        """Return the texts of everything a person is stored as having said in the scopes."""
        rows = await self._rows(
            f"SELECT text FROM statements WHERE scope IN ({_marks(scopes)}) AND person_id = ?",
            (*scopes, person_id),
        )
        return {row[0] for row in rows}

    async def _write(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one writing statement in its own transaction; return the new row's id.

        ``_changed`` says afterwards whether it changed any row. Raise StoreWriteError when
        SQLite refuses the write.
        """
        try:
            changed, row_id = await self._writer.run(_execute_write, sql, params)
        except sqlite3.OperationalError as exc:
            raise write_failure(exc) from exc
        self._changed = changed > 0
        if self._changed:
            self._committed()
        return row_id

    async def hides_global(self, guild_id: int) -> bool:
        """Return whether a server chose to read only its own documents."""
        value = await self._scalar("SELECT hide_global FROM guild_settings WHERE guild_id = ?", (guild_id,))
        return bool(value)

    async def guilds_hiding_global(self) -> frozenset[int]:
        """Return the servers that chose to read only their own documents."""
        rows = await self._rows("SELECT guild_id FROM guild_settings WHERE hide_global")
        return frozenset(int(row[0]) for row in rows)

    async def set_hide_global(self, guild_id: int, hide: bool) -> None:
        """Record whether a server reads only its own documents; raise StoreWriteError if refused."""
        await self._write(
            "INSERT INTO guild_settings (guild_id, hide_global) VALUES (?, ?)"
            " ON CONFLICT (guild_id) DO UPDATE SET hide_global = excluded.hide_global",
            (guild_id, int(hide)),
        )


def guild_scope(guild_id: int) -> str:
    """Return the scope of a server's documents."""
    return str(guild_id)


def scoped_match(fts_query: str, scopes: Sequence[str]) -> str:
    """Return an FTS5 query (of quoted terms) limited to the text of the scopes' passages."""
    names = " OR ".join(f'"{scope}"' for scope in scopes if scope.isalnum()) or '"none"'
    return f"{{text section}} : ({fts_query}) AND scope : ({names})"


def _marks(values: Sequence[Any]) -> str:
    """Return the placeholders for an IN list of values."""
    return ", ".join("?" * len(values))


# --- writing (synchronous, on the database thread) -------------------------------------------


def _write_document(
    db: sqlite3.Connection,
    article: Article,
    extraction: Extraction,
    name: str | None,
    scope: str,
    replaces: int | None = None,
    keep_id: bool = False,
) -> AddResult | None:
    """Store a document and its records in one transaction, unless its content is already stored.

    ``replaces``: the id of an earlier version of the same article (same URL, or a corrected
    file), deleted with everything read from it in the same transaction, so no moment shows both
    or neither. With ``keep_id`` the new version takes the old one's id and scope (``scope`` is
    then ignored), and None is returned when there is no such document.
    """
    # One transaction per document: a crash or error leaves no half-stored document. The content
    # check is inside it, so a second writer storing the same file at the same moment finds the
    # first one's document instead of failing on the UNIQUE sha256.
    db.execute("BEGIN IMMEDIATE")
    try:
        if keep_id:
            row = db.execute("SELECT scope FROM documents WHERE id = ?", (replaces,)).fetchone()
            if row is None:
                db.rollback()
                return None
            scope = row[0]
        found = db.execute(_DOCUMENT_BY_SHA, (scope, article.sha256)).fetchone()
        if found is not None:
            db.rollback()
            return AddResult(int(found[0]), created=False)
        if replaces is not None:
            _delete_document(db, replaces)
        document_id = _insert_document(db, article, name, scope, replaces if keep_id else None)
        passage_ids = _insert_passages(db, document_id, article, scope)
        people = _insert_people(db, document_id, extraction, passage_ids, scope)
        _insert_spending(db, document_id, extraction.spending, passage_ids, scope)
        _insert_statements(db, document_id, extraction.statements, passage_ids, people, scope)
        introduced = {p.name: people[p.name] for p in extraction.people}  # attendees link to these
        _insert_events(db, document_id, extraction.events, passage_ids, introduced, scope)
        if replaces is not None:
            _delete_unlinked_people(db)
        db.commit()  # inside the try: a commit refused (disk full) must not leave the transaction open
    except BaseException:
        db.rollback()
        raise
    return AddResult(document_id, created=True)


def _remove_document(db: sqlite3.Connection, document_id: int, scope: str | None) -> bool:
    """Delete a document (of scope, if given), its records and the people only it named, in one transaction; return whether it existed."""
    db.execute("BEGIN IMMEDIATE")
    try:
        in_scope = (
            scope is None
            or db.execute(
                "SELECT 1 FROM documents WHERE id = ? AND scope = ?", (document_id, scope)
            ).fetchone()
        )
        existed = bool(in_scope) and _delete_document(db, document_id)
        if existed:
            _delete_unlinked_people(db)
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return existed


def _delete_document(db: sqlite3.Connection, document_id: int) -> bool:
    """Delete a document row (its records cascade); return whether there was one."""
    return db.execute("DELETE FROM documents WHERE id = ?", (document_id,)).rowcount > 0


def _delete_unlinked_people(db: sqlite3.Connection) -> None:
    """Delete the people no statement, role or attendance names any more (their aliases cascade)."""
    db.execute(
        """
        DELETE FROM people
         WHERE NOT EXISTS (SELECT 1 FROM statements      WHERE person_id = people.id)
           AND NOT EXISTS (SELECT 1 FROM person_roles    WHERE person_id = people.id)
           AND NOT EXISTS (SELECT 1 FROM event_attendees WHERE person_id = people.id)
        """
    )


def _insert_document(
    db: sqlite3.Connection, article: Article, name: str | None, scope: str, document_id: int | None
) -> int:
    """Insert the document row (under document_id, else a new id) and return its id."""
    meta = article.meta
    cursor = db.execute(
        "INSERT INTO documents (id, sha256, name, title, outlet, url, published, body, ingested_at, scope)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            document_id,
            article.sha256,
            name,
            meta.title,
            meta.outlet,
            meta.url,
            meta.published.iso() if meta.published else None,
            article.body,
            datetime.now(UTC).isoformat(timespec="seconds"),
            scope,
        ),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _insert_passages(
    db: sqlite3.Connection, document_id: int, article: Article, scope: str
) -> dict[int, int]:
    """Insert the passages and return their ids by position."""
    db.executemany(
        "INSERT INTO passages (document_id, position, start, end, paragraph, section, text, scope)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (document_id, p.position, p.start, p.end, p.paragraph, p.section, p.text, scope)
            for p in article.passages
        ],
    )
    rows = db.execute("SELECT position, id FROM passages WHERE document_id = ?", (document_id,))
    return {row["position"]: row["id"] for row in rows}


def _insert_people(
    db: sqlite3.Connection, document_id: int, extraction: Extraction, passage_ids: dict[int, int], scope: str
) -> dict[str, int]:
    """Insert or reuse the document's people (and speakers) and return their ids by name.

    A person is one row per normalized name: the first spelling stored is kept, and the
    full name and the surname are aliases that find them.
    """
    names = list(
        dict.fromkeys([*(p.name for p in extraction.people), *(s.speaker for s in extraction.statements)])
    )
    keys = {name: normalize_key(name) for name in names}
    db.executemany(
        "INSERT OR IGNORE INTO people (name, key) VALUES (?, ?)", [(name, keys[name]) for name in names]
    )
    unique = list(dict.fromkeys(keys.values()))
    if not unique:
        return {}
    rows = db.execute(f"SELECT key, id FROM people WHERE key IN ({', '.join('?' * len(unique))})", unique)
    ids_by_key = {row["key"]: row["id"] for row in rows}
    ids = {name: ids_by_key[keys[name]] for name in names}
    aliases = {
        (alias, ids[name])
        for name in names
        for alias in (keys[name], normalize_key(name.split()[-1]))  # the surname finds the person too
        if alias
    }
    db.executemany("INSERT OR IGNORE INTO person_aliases (alias, person_id) VALUES (?, ?)", sorted(aliases))
    db.executemany(
        "INSERT OR IGNORE INTO scope_people (scope, person_id) VALUES (?, ?)",
        [(scope, person_id) for person_id in sorted(set(ids.values()))],
    )
    db.executemany(
        "INSERT OR IGNORE INTO person_roles (person_id, document_id, passage_id, role, scope)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (ids[person.name], document_id, passage_ids[person.passage], person.role, scope)
            for person in extraction.people
            if person.role
        ],
    )
    return ids


def _insert_spending(
    db: sqlite3.Connection,
    document_id: int,
    records: Iterable[SpendingRecord],
    passage_ids: dict[int, int],
    scope: str,
) -> None:
    """Insert the document's spending facts."""
    db.executemany(
        "INSERT INTO spending_facts (document_id, passage_id, subject, metric, time_json, year, value,"
        " currency, approximate, target, total, as_written, equivalents, status, scope)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                document_id,
                passage_ids[r.passage],
                r.subject,
                r.metric.value,
                _time_json(r.when),
                r.when.year if r.when else None,
                r.value,
                r.currency,
                int(r.approximate),
                r.target,
                r.total,
                r.as_written,
                json.dumps(r.equivalents, ensure_ascii=False),
                r.status.value if r.status else None,
                scope,
            )
            for r in records
        ],
    )


def _insert_statements(
    db: sqlite3.Connection,
    document_id: int,
    records: Iterable[StatementRecord],
    passage_ids: dict[int, int],
    people: dict[str, int],
    scope: str,
) -> None:
    """Insert the document's statements (every speaker is among people: see _insert_people)."""
    db.executemany(
        "INSERT INTO statements (document_id, passage_id, person_id, kind, text, context, time_json,"
        " medium, speaker_type, segments, place, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                document_id,
                passage_ids[r.passage],
                people[r.speaker],
                r.kind.value,
                r.text,
                r.context,
                _time_json(r.when),
                r.medium,
                r.speaker_type.value,
                json.dumps(r.segments, ensure_ascii=False) if r.segments else None,
                r.place,
                scope,
            )
            for r in records
        ],
    )


def _insert_events(
    db: sqlite3.Connection,
    document_id: int,
    records: Iterable[EventRecord],
    passage_ids: dict[int, int],
    people: dict[str, int],
    scope: str,
) -> None:
    """Insert the document's events with attendees, agenda and passages."""
    for event in records:
        when = event.when
        cursor = db.execute(
            "INSERT INTO events (document_id, kind, place, country, time_json, year, month, day, status, scope)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document_id,
                event.kind,
                event.place,
                event.country,
                _time_json(when),
                when.year if when else None,
                when.month if when else None,
                when.day if when else None,
                event.status.value if event.status else None,
                scope,
            ),
        )
        event_id = cursor.lastrowid
        db.executemany(
            "INSERT INTO event_attendees (event_id, position, name, person_id, role, passage_id)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    event_id,
                    i,
                    a.name,
                    people.get(a.name) if a.is_person else None,
                    a.role,
                    passage_ids[a.passage],
                )
                for i, a in enumerate(event.attendees)
            ],
        )
        db.executemany(
            "INSERT INTO event_agenda (event_id, position, text, passage_id) VALUES (?, ?, ?, ?)",
            [(event_id, i, item.text, passage_ids[item.passage]) for i, item in enumerate(event.agenda)],
        )
        db.executemany(
            "INSERT OR IGNORE INTO event_passages (event_id, passage_id) VALUES (?, ?)",
            [(event_id, passage_ids[p]) for p in event.passages],
        )


def _time_json(when: TimeRef | None) -> str | None:
    """Return a TimeRef as JSON for storage."""
    return when.model_dump_json(exclude_none=True) if when else None


def _time(value: str | None) -> TimeRef | None:
    """Return the TimeRef stored as JSON."""
    return TimeRef.model_validate_json(value) if value else None


def _document(row: sqlite3.Row, prefix: str = "d_") -> DocumentRef:
    """Return the DocumentRef in a row's document columns (named with prefix)."""
    return DocumentRef(
        id=row[f"{prefix}id"],
        title=row[f"{prefix}title"],
        outlet=row[f"{prefix}outlet"],
        url=row[f"{prefix}url"],
        published=row[f"{prefix}published"],
    )


def _source(row: sqlite3.Row) -> Source:
    """Return the Source built from the _SOURCE_COLUMNS of a row."""
    return Source(
        document=_document(row),
        passage=row["p_text"],
        section=row["p_section"],
        position=row["p_position"],
    )


def _figure(row: sqlite3.Row) -> Figure:
    """Return the Figure for a spending_facts row joined with its source."""
    return Figure(
        subject=row["subject"],
        metric=Metric(row["metric"]),
        when=_time(row["time_json"]),
        value=row["value"],
        currency=row["currency"],
        approximate=bool(row["approximate"]),
        target=row["target"],
        total=row["total"],
        as_written=row["as_written"],
        equivalents=json.loads(row["equivalents"]),
        status=FigureStatus(row["status"]) if row["status"] else None,
        source=_source(row),
    )


def _now() -> str:
    """Return the time now, UTC, ISO 8601 to the microsecond (so stamps order as times do)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _feed(row: sqlite3.Row) -> Feed:
    """Return the Feed of a feeds row."""
    return Feed(**{name: row[name] for name in row.keys()})  # noqa: SIM118 (iterating a Row gives values)


__all__ = [
    "BUSY_TIMEOUT_SECONDS",
    "FEED_STATE_FIELDS",
    "GLOBAL",
    "AddResult",
    "EventKey",
    "Feed",
    "SeenItem",
    "Store",
    "StoreError",
    "StoreWriteError",
    "StoredChange",
    "StoredEvent",
    "StoredPerson",
    "TooSlow",
    "default_store_path",
    "guild_scope",
]
