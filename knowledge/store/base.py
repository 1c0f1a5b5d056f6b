"""The store's plumbing: opening, checking and migrating a file, the readers, the writer, versions."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Self

import aiosqlite

from knowledge.errors import TooSlow
from knowledge.store.connection import (
    Connection,
    TimeLimit,
    Writer,
    address,
    check_location,
    execute_write,
    without_time_limit,
)
from knowledge.store.limits import BUSY_TIMEOUT_SECONDS, QUERY_SECONDS, READERS
from knowledge.store.records import StoreError, write_failure
from knowledge.store.schema import APPLICATION_ID, SCHEMA_VERSION, TABLES, steps


class StoreBase:
    """The knowledge store on one SQLite file: readers beside one writer.

    A store on a file has one writer (``Writer``, its own thread) for every write, and READERS
    read-only aiosqlite connections (each its own thread) for every read; WAL lets them read
    while the writer writes, so no answer waits for an ingest. A read goes to the reader with
    the fewest reads in flight. One more read-only connection only watches the store's version
    (``data_version``), so checking it never waits behind a long read. An in-memory store is
    one database per connection, so there the writer reads too (and is watched).
    """

    def __init__(self, writer: Writer, path: str) -> None:
        self._writer = writer
        self._readers: list[Connection] = [writer]  # until the readers are open (see open)
        self._reads_in_flight = [0]
        self._watch: Connection = writer
        self.path = path
        self._own_commits = 0
        self.writes = 0  # commits of this store's writer so far (see _committed)
        self._closing: asyncio.Future[None] | None = None
        self._version_query: asyncio.Future[Any] | None = None
        self._changed = False  # whether the last _write changed a row
        self.read_only = False
        self.query_seconds = QUERY_SECONDS  # the time limit of one read query (see TimeLimit)

    @classmethod
    async def open(cls, path: str | Path, *, read_only: bool = False) -> Self:
        """Return an open store, creating or migrating the schema as needed.

        A store file this process may not write, or any when read_only is asked (a replica kept
        by a replication tool), is opened read-only (``mode=ro``): answers work, and adding a
        document raises StoreWriteError. Raise StoreError, with the reason, for a directory,
        another program's SQLite file, a store of a newer briefbot or a damaged one.
        """
        path = str(path)
        read_only = path != ":memory:" and (check_location(Path(path)) or read_only)
        try:
            writer = await Writer.connect(address(path, read_only))
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
        location = address(self.path, read_only=True)
        readers: list[Connection] = []
        try:
            for _ in range(READERS + 1):
                connection = await aiosqlite.connect(location, isolation_level=None, uri=True)
                readers.append(connection)
                connection.row_factory = sqlite3.Row
                await self._configure(connection)
        except BaseException:
            for opened in readers:
                await opened.close()
            raise
        self._watch, *self._readers = readers
        self._reads_in_flight = [0] * len(self._readers)
        await self._configure(self._writer)  # it answers no reads now: its time limit goes

    def _connections(self) -> list[Connection]:
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

    async def _configure(self, connection: Connection) -> None:
        """Set the pragmas every connection needs (none of them writes to the file) and, where it reads, the time limit."""
        await connection.execute_fetchall("PRAGMA foreign_keys = ON")
        await connection.execute_fetchall(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        if connection is self._writer and connection not in self._readers:
            # A file store's writer only writes once its readers are open, and a write is never
            # stopped halfway. The limit's trace callback would still run for every statement,
            # trigger step and executemany row: over 300 per stored document, a fifth of the CPU
            # of storing one.
            await self._writer.run(without_time_limit)
        else:
            await TimeLimit(self, connection).install()

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
            # A new store is every migration from an empty file; an older one, those after its version.
            # One statement at a time: executescript() would commit the transaction first.
            for statement in steps(0 if identity == "empty" else version):
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
        missing = [name for name in TABLES if name not in present]
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
            # Only TimeLimit interrupts a statement (nothing calls interrupt()).
            if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_INTERRUPT:
                raise TooSlow(
                    f"That took too long to look up (more than {self.query_seconds:g} s), so I stopped."
                    " Try a narrower question, or again in a moment."
                ) from exc
            raise
        finally:
            self._reads_in_flight[reader] -= 1

    async def _write(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one writing statement in its own transaction; return the new row's id.

        ``_changed`` says afterwards whether it changed any row. Raise StoreWriteError when
        SQLite refuses the write.
        """
        try:
            changed, row_id = await self._writer.run(execute_write, sql, params)
        except sqlite3.OperationalError as exc:
            raise write_failure(exc) from exc
        self._changed = changed > 0
        if self._changed:
            self._committed()
        return row_id
