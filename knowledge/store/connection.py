"""The connections: one writer thread (standard sqlite3), read-only aiosqlite readers, a time limit on reads."""

from __future__ import annotations

import asyncio
import functools
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from knowledge.store.limits import PROGRESS_STEPS
from knowledge.store.records import StoreError

if TYPE_CHECKING:
    from knowledge.store.base import StoreBase


def check_location(path: Path) -> bool:
    """Raise StoreError when path cannot hold a store; return whether it must be opened read-only."""
    if path.is_dir():
        raise StoreError(f"{path} is a directory; give --db (or BRIEFBOT_DB) a file name.")
    if path.exists() and not path.is_file():
        raise StoreError(f"{path} is not a regular file; give --db (or BRIEFBOT_DB) a file name.")
    if path.exists():
        return not os.access(path, os.W_OK)
    path.parent.mkdir(parents=True, exist_ok=True)
    return False


def address(path: str, read_only: bool) -> str:
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


def split_statements(script: str) -> list[str]:
    """Return the SQL statements of a script, triggers (with their inner semicolons) whole."""
    statements, pending = [], ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    return [s for s in statements if s != ";"]


READ_STATEMENT = re.compile(r"\s*(?:SELECT|WITH)\b", re.IGNORECASE)

_T = TypeVar("_T")
# Documents are identified by content within their scope: two servers may each store one article.


class Connection(Protocol):
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


class Writer:
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
    async def connect(cls, address: str) -> Writer:
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
        return await self.run(fetch_all, sql, tuple(parameters or ()))

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


def fetch_all(db: sqlite3.Connection, sql: str, params: Sequence[Any]) -> list[sqlite3.Row]:
    """Return all rows of one statement."""
    return db.execute(sql, params).fetchall()


def execute_write(db: sqlite3.Connection, sql: str, params: Sequence[Any]) -> tuple[int, int]:
    """Run one writing statement (autocommit: its own transaction); return (rows changed, new row id)."""
    cursor = db.execute(sql, params)
    return cursor.rowcount, int(cursor.lastrowid or 0)


def without_time_limit(db: sqlite3.Connection) -> None:
    """Remove a connection's read time limit (see TimeLimit): its trace callback and progress handler."""
    db.set_trace_callback(None)
    db.set_progress_handler(None, 0)


class TimeLimit:
    """The read time limit of one connection, on public APIs only.

    SQLite reports each statement as it starts (trace callback) and calls back while it runs
    (progress handler), both on the connection's own thread, so each read is measured from its
    own start, not from when it was queued, and each connection keeps its own clock.
    """

    def __init__(self, store: StoreBase, connection: Connection) -> None:
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
        self._limited = READ_STATEMENT.match(sql) is not None and not self._connection.in_transaction

    def _within_time(self) -> int:
        """Return 1 (SQLite then interrupts the statement) once a read has run past query_seconds."""
        if self._limited and time.monotonic() - self._started > self._store.query_seconds:
            return 1
        return 0
