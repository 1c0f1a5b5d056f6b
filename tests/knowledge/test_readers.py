"""Answers are read beside writes: readers never wait for the writer, and see every commit (issue 15)."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import threading
from pathlib import Path

from knowledge.briefing import Briefing
from knowledge.ingest import ingest_text, open_store
from knowledge.models import SpendingAnswer
from knowledge.store import Store
from tests.launch import briefbot, clean_env
from tests.tracing import statements_run

MEMO = "Title: Lisbon memo\nSource: Desk\nDate: 2025-03-01\n\nPortugal spent 1.93 percent of its GDP on defence in 2024.\n"
# Only a deadlock guard: a read that waits for the held writer never ends, and this ends the test.
NEVER = 60


def titles(answer: SpendingAnswer) -> set[str | None]:
    """Return the titles of the documents an answer's figures come from."""
    return {figure.source.document.title for figure in answer.figures}


async def test_an_answer_is_read_while_the_writer_holds_a_write_transaction(
    store: Store, briefing: Briefing
) -> None:
    """With the writer held inside BEGIN IMMEDIATE (every row deleted, not committed), answers and lists still come, unchanged."""
    loop = asyncio.get_running_loop()
    holding = asyncio.Event()
    release = threading.Event()

    def hold(db: sqlite3.Connection) -> None:
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM documents")  # uncommitted: no reader may see it
            loop.call_soon_threadsafe(holding.set)
            release.wait(timeout=NEVER)
        finally:
            db.rollback()

    held = asyncio.ensure_future(store._writer.run(hold))
    try:
        await holding.wait()
        answer = await asyncio.wait_for(briefing.spending("NATO"), NEVER)
        documents = await asyncio.wait_for(store.documents(), NEVER)
        assert not held.done()  # the answers came while the write transaction was open
    finally:
        release.set()
        await held
    assert answer.figures and [d.document.id for d in documents] == [1]


async def test_another_process_s_ingest_is_answered_on_the_next_question(tmp_path: Path) -> None:
    """`briefbot ingest` in another process while this store is open: the next answer has its figure."""
    db = tmp_path / "store.sqlite3"
    store = await open_store(db)
    try:
        briefing = Briefing(store)
        assert "Lisbon memo" not in titles(await briefing.spending("Portugal"))  # cached from now on
        memo = tmp_path / "memo.txt"
        memo.write_text(MEMO, encoding="utf-8")
        done = await asyncio.to_thread(
            subprocess.run,
            briefbot("--db", db, "ingest", memo),
            env=clean_env(),
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert "Lisbon memo" in titles(await briefing.spending("Portugal"))
    finally:
        await store.close()


async def test_a_burst_after_another_store_s_write_loads_the_snapshot_once(tmp_path: Path) -> None:
    """Answers that meet another connection's commit at once share one reload, and all see the new document."""
    db = tmp_path / "store.sqlite3"
    store = await open_store(db)
    other = await Store.open(db)
    try:
        briefing = Briefing(store)
        await briefing.warm_up()
        await ingest_text(other, MEMO, name="memo.txt")
        async with statements_run(store) as statements:
            answers = await asyncio.gather(
                *(briefing.spending(name) for name in ["Portugal"] * 10 + ["Canada"])
            )
        people_loads = sum("FROM scope_people AS sp JOIN people AS pe" in s for s in statements)
        assert people_loads == 1, statements
        assert all("Lisbon memo" in titles(answer) for answer in answers[:10])
    finally:
        await other.close()
        await store.close()
