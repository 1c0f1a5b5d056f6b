"""Fixtures for the feed tests: the local news site, a store, and a fetcher allowed to reach 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from knowledge.feeds.fetch import Fetcher
from knowledge.feeds.poll import Poller
from knowledge.ingest import open_store
from knowledge.store import Store

from .site import Site, running_site


class Clock:
    """A clock the test moves by hand (the poller's retry schedule reads it)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    """Yield the news site, started on 127.0.0.1."""
    async for started in running_site():
        yield started


@pytest.fixture
async def feed_store(tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> AsyncIterator[Store]:
    """Yield a store seeded with the bundled article (its people are 'already in the store')."""
    opened = await open_store(seeded_copy(tmp_path / "feeds.sqlite3"))
    yield opened
    await opened.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    """Yield a fetcher allowed to reach private addresses (the site is on 127.0.0.1), with no host delay."""
    async with Fetcher(allow_private=True, host_delay=0) as opened:
        yield opened


@pytest.fixture
def poller(feed_store: Store, fetcher: Fetcher, clock: Clock) -> Poller:
    return Poller(feed_store, fetcher, now=clock)
