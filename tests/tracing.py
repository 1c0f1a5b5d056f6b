"""Watch the SQL a store runs: every statement of every connection (writer, readers, watcher)."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator

from knowledge.store import Store


@contextlib.asynccontextmanager
async def statements_run(store: Store) -> AsyncIterator[list[str]]:
    """Yield the list that collects each statement any of the store's connections starts meanwhile.

    The trace replaces the time limit's own (see knowledge.store.connection.TimeLimit) while it lasts; the
    limit is set up again afterwards.
    """
    seen: list[str] = []
    for connection in store._connections():
        await connection.set_trace_callback(seen.append)  # list.append is safe from several threads
    try:
        yield seen
    finally:
        for connection in store._connections():
            await store._configure(connection)


class Held:
    """Statements held at their start in their connection's thread until released (see holding)."""

    def __init__(self, fragment: str, loop: asyncio.AbstractEventLoop) -> None:
        self.fragment = fragment
        self.reached = asyncio.Event()  # set when a held statement has started
        self._loop = loop
        self._release = threading.Event()

    def __call__(self, sql: str) -> None:
        """Trace callback: hold a statement containing the fragment (the thread waits here)."""
        if self.fragment in sql and not self._release.is_set():
            self._loop.call_soon_threadsafe(self.reached.set)
            self._release.wait(timeout=HOLD_AT_MOST)

    def release(self) -> None:
        """Let held statements run, and any later ones pass."""
        self._release.set()


# Only a guard: a test that forgets to release must still end.
HOLD_AT_MOST = 60


@contextlib.asynccontextmanager
async def holding(store: Store, fragment: str) -> AsyncIterator[Held]:
    """Yield a Held that stops each statement containing fragment, on any of the store's connections, until released.

    The statement really runs, on its connection's own thread, once released: what waits for
    it waits as it would for a slow query. Released on leaving, whatever happened.
    """
    held = Held(fragment, asyncio.get_running_loop())
    for connection in store._connections():
        await connection.set_trace_callback(held)
    try:
        yield held
    finally:
        held.release()
        for connection in store._connections():
            await store._configure(connection)
