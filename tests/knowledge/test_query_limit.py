"""A read query that runs too long is stopped with a clear answer; writes and the store are untouched (issue 15)."""

from __future__ import annotations

import pytest

from knowledge.errors import TooSlow
from knowledge.ingest import ingest_text
from knowledge.store import Store

# Counts forever: only the time limit ends it.
ENDLESS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
ARTICLE = "Title: Memo\nSource: Desk\nDate: 2010-01-01\n\nNorway spent 1.5% of its GDP on defence in 2009."


async def test_a_runaway_read_is_stopped_with_a_clear_message(store: Store) -> None:
    """A query past query_seconds raises TooSlow saying it took too long; the next query works."""
    store.query_seconds = 0.05
    with pytest.raises(TooSlow, match="took too long"):
        await store._rows(ENDLESS)
    assert [d.document.id for d in await store.documents()] == [1]
    assert await store.integrity_check() == "ok"


async def test_writes_are_not_stopped_by_the_read_limit(store: Store) -> None:
    """With a limit no read could meet, a document is still stored whole."""
    store.query_seconds = 0.0
    report = await ingest_text(store, ARTICLE, name="memo.txt")
    store.query_seconds = 5.0
    summary = await store.document(report.document_id)
    assert report.created and summary is not None and summary.spending_facts == 1
