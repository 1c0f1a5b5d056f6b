"""The SQLite knowledge store: the only package with SQL.

Reads and writes run off the event loop: a pool of read-only aiosqlite connections answers
while one writer (the standard library's sqlite3 on its own thread, see ``connection.Writer``)
writes; WAL lets every reader (this bot's, another process's) see a consistent snapshot while it
does. Each document is written in one transaction and identified by the sha256 of its body within
its scope, so ingesting the same content twice into one scope changes nothing. Scopes (schema 7):
every document belongs to ``global`` or to one Discord server (its id); answers read the scopes
of a view, always through an index that starts with the scope.

The parts:

* ``migrations/`` and ``schema``: the schema as numbered SQL files, the one path to every version;
* ``connection``: the writer thread, the read-only readers and the time limit on reads;
* ``base``: opening, checking and migrating a file, versions, the query helpers every part uses;
* ``writes``: a document and everything read from it, written in one transaction;
* ``rows``: rows into models;
* reads by topic: ``documents``, ``facts``, ``people``, ``events``, ``search``, and ``feeds``
  and ``guilds`` (which write their own small rows too);
* ``files``: the store file as a file (default location, read-only count, checked backup).
"""

from __future__ import annotations

from knowledge.errors import TooSlow
from knowledge.store.documents import DocumentReads
from knowledge.store.events import EventReads
from knowledge.store.facts import FactReads
from knowledge.store.feeds import FeedStore
from knowledge.store.files import backup_file, default_store_path, document_count
from knowledge.store.guilds import GuildSettings
from knowledge.store.limits import (
    BUSY_TIMEOUT_SECONDS,
    DOCUMENTS_PER_LIST,
    STATEMENTS_PER_ANSWER,
)
from knowledge.store.people import PeopleReads
from knowledge.store.records import (
    FEED_STATE_FIELDS,
    AddResult,
    EventKey,
    Feed,
    SeenItem,
    StoredChange,
    StoredEvent,
    StoredPerson,
    StoreError,
    StoreWriteError,
)
from knowledge.store.schema import APPLICATION_ID, SCHEMA_VERSION
from knowledge.store.scopes import GLOBAL, guild_scope, normalize_key
from knowledge.store.search import SearchReads
from knowledge.store.writes import Writes


class Store(DocumentReads, FactReads, PeopleReads, EventReads, SearchReads, FeedStore, GuildSettings, Writes):
    """The knowledge store on one SQLite file: readers beside one writer (see ``base.StoreBase``)."""


__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT_SECONDS",
    "DOCUMENTS_PER_LIST",
    "FEED_STATE_FIELDS",
    "GLOBAL",
    "SCHEMA_VERSION",
    "STATEMENTS_PER_ANSWER",
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
    "backup_file",
    "default_store_path",
    "document_count",
    "guild_scope",
    "normalize_key",
]
