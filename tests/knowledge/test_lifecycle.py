"""Forgetting and replacing documents: everything read from one goes with it, in one transaction."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from knowledge.briefing import Briefing
from knowledge.errors import UnknownPerson
from knowledge.ingest import analyse, ingest_text
from knowledge.store import Store, StoreWriteError
from tests.locking import give_up_on_locks_quickly

ARTICLE = (
    "Title: Poland leads\nSource: Test Wire\nDate: 2026-01-15\n\n"
    "Poland spent 4.1 percent of GDP on defence in 2025. "
    '"We will not wait for others," said Defence Minister Anna Kowalska. '
    "Leaders will meet at a NATO summit in Warsaw in June 2027."
)
TABLES = ("passages", "spending_facts", "statements", "events", "person_roles", "people", "person_aliases")


def counts(path: str) -> dict[str, int]:
    """Return the row count of every table a document fills, and of the search index's matches."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        found = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        found["fts:Kowalska"] = db.execute(
            "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'Kowalska'"
        ).fetchone()[0]
    return found


async def test_forget_leaves_the_store_as_before_the_document(store: Store) -> None:
    """Every row the document brought, people and search index included, is gone; the seed's stay."""
    before = counts(store.path)
    report = await ingest_text(store, ARTICLE, name="poland.txt")
    assert report.document_id == 2
    assert counts(store.path)["fts:Kowalska"] == 1
    assert await store.remove_document(2) is True
    assert counts(store.path) == before
    assert await store.remove_document(2) is False  # a second removal finds nothing


async def test_answers_follow_a_forget_at_once(briefing: Briefing) -> None:
    """A cached answer does not outlive the document it came from."""
    await ingest_text(briefing.store, ARTICLE, name="poland.txt")
    assert (await briefing.spending("Poland")).figures
    await briefing.resolve_person("Kowalska")
    assert await briefing.forget(2)
    assert not (await briefing.spending("Poland")).figures
    assert not (await briefing.search("Kowalska")).hits
    with pytest.raises(UnknownPerson):
        await briefing.resolve_person("Kowalska")


async def test_a_forget_that_cannot_write_changes_nothing(store: Store, tmp_path: Path) -> None:
    """With another writer holding the store, the removal fails whole and the document stays."""
    await ingest_text(store, ARTICLE, name="poland.txt")
    before = counts(store.path)
    await give_up_on_locks_quickly(store)
    with contextlib.closing(sqlite3.connect(store.path, isolation_level=None, timeout=0)) as holder:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreWriteError):
            await store.remove_document(2)
        holder.execute("ROLLBACK")
    assert counts(store.path) == before


async def test_replace_swaps_the_content_under_the_same_id(briefing: Briefing) -> None:
    """The corrected text takes the old one's id; its figure replaces the old figure."""
    await ingest_text(briefing.store, ARTICLE, name="poland.txt")
    assert [f.value for f in (await briefing.spending("Poland")).figures] == [4.1]
    article, extraction = analyse(ARTICLE.replace("4.1 percent", "4.3 percent"))
    result = await briefing.replace(2, article, extraction, name="poland-fixed.txt")
    assert result is not None and (result.document_id, result.created) == (2, True)
    assert [f.value for f in (await briefing.spending("Poland")).figures] == [4.3]
    assert [d.document.id for d in await briefing.sources()] == [2, 1]
    same = await briefing.replace(2, article, extraction, name="again.txt")
    assert same is not None and (same.document_id, same.created) == (2, False)
    assert await briefing.replace(9, *analyse(ARTICLE + " More."), name="x.txt") is None
