"""Watch the SQL a store runs: every statement of every connection (writer, readers, watcher)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from knowledge.store import Store


@contextlib.asynccontextmanager
async def statements_run(store: Store) -> AsyncIterator[list[str]]:
    """Yield the list that collects each statement any of the store's connections starts meanwhile.

    The trace replaces the time limit's own (see knowledge.store._TimeLimit) while it lasts; the
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
