"""The running bot's collector policy (knowledge.collector): the cache frozen, one full collection an hour."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge.briefing import Briefing
from knowledge.collector import Freezer
from knowledge.ingest import ingest_text
from knowledge.store import Store

ARTICLE = (
    "Title: Wire\nSource: Wire\nDate: 2026-01-10\n\n"
    "Poland spent 4.1 percent of GDP on defence in 2025, the ministry said."
)


class _Node:
    """An object that can be part of a reference cycle and be watched through a weak reference."""

    other: _Node | None = None


@pytest.fixture(autouse=True)
def thawed() -> Iterator[None]:
    """Start and end each test with nothing frozen, so the rest of the suite keeps the usual collector."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_loaded_moves_what_is_alive_out_of_collections() -> None:
    """After loaded(), the objects alive are in the permanent generation, which collections skip."""
    assert gc.get_freeze_count() == 0
    Freezer().loaded()
    assert gc.get_freeze_count() > 0


def test_a_frozen_cycle_is_collected_by_the_hourly_full_collection_only() -> None:
    """A cycle frozen while alive outlives its use until the next full collection, at most an hour later."""
    now = [1000.0]
    freezer = Freezer(full_every=3600.0, clock=lambda: now[0])
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    watched = weakref.ref(a)
    freezer.loaded()
    del a, b
    gc.collect()
    assert watched() is not None  # frozen: a full collection does not reach it
    now[0] += 3599.0
    freezer.loaded()
    assert watched() is not None and freezer.full_collections == 0
    now[0] += 1.0
    freezer.loaded()
    assert watched() is None and freezer.full_collections == 1
    assert gc.get_freeze_count() > 0  # and what is alive is frozen again


async def test_a_briefing_freezes_its_cache_only_when_given_a_freezer(tmp_path: Path) -> None:
    """Library use leaves the collector alone; the bot's briefing freezes what its answers loaded."""
    store = await Store.open(tmp_path / "s.sqlite3")
    try:
        await ingest_text(store, ARTICLE, name="wire.txt")
        assert (await Briefing(store).spending("Poland")).has_facts()
        assert gc.get_freeze_count() == 0
        assert (await Briefing(store, freezer=Freezer()).spending("Poland")).has_facts()
        assert gc.get_freeze_count() > 0
    finally:
        await store.close()
