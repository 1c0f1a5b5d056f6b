"""Tests that hold a store's write lock on purpose: how briefbot gives up on it, without the 5 s wait.

briefbot waits ``BUSY_TIMEOUT_SECONDS`` (5 s) for another writer before it refuses a write. The
in-process tests that lock the store show what happens once that wait is outwaited (the error,
the store left intact), not how long the wait is, so they shorten it on the store's connections.
The subprocess test in tests/bot/test_reliability.py still waits the full time.
"""

from __future__ import annotations

from knowledge.store import Store

SHORT_BUSY_TIMEOUT_MS = 250


async def give_up_on_locks_quickly(store: Store) -> None:
    """Make the store's connections wait SHORT_BUSY_TIMEOUT_MS (not 5 s) for a write lock held elsewhere."""
    for connection in store._connections():  # the writer is the one that waits; readers never do in WAL
        await connection.execute_fetchall(f"PRAGMA busy_timeout = {SHORT_BUSY_TIMEOUT_MS}")
