"""Answers are read beside writes: readers never wait for the writer, and see every commit (issue 15)."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from knowledge import briefing as briefing_module
from knowledge.briefing import Briefing
from knowledge.ingest import ingest_text, open_store
from knowledge.models import SpendingAnswer
from knowledge.store import GLOBAL, Store
from tests.launch import briefbot, clean_env
from tests.polling import answer_showing
from tests.tracing import holding, statements_run

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


async def test_another_process_s_ingest_is_answered_soon(tmp_path: Path) -> None:
    """`briefbot ingest` in another process while this store is open: its figure is in an answer soon after."""
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
        await answer_showing(lambda: briefing.spending("Portugal"), lambda a: "Lisbon memo" in titles(a))
    finally:
        await store.close()


@pytest.fixture
async def two(tmp_path: Path) -> AsyncIterator[tuple[Store, Store]]:
    """Return this process's store (seeded) and a second connection to the same file, as another process's."""
    db = tmp_path / "store.sqlite3"
    store = await open_store(db)
    other = await Store.open(db)
    try:
        yield store, other
    finally:
        await other.close()
        await store.close()


@pytest.fixture
def watched(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat every change as one the cache is already watching for, so no answer waits for a build.

    (Otherwise an answer more than UNWATCHED_SECONDS after the store was last seen unchanged waits,
    as it should: the change it sees could be that old. On a loaded machine that could happen in
    any of these tests, and then the answers asserted to come during a held build would wait.)
    """
    monkeypatch.setattr(briefing_module, "UNWATCHED_SECONDS", 3600.0)


async def test_an_answer_during_a_reload_comes_from_the_last_generation_without_waiting(
    two: tuple[Store, Store], watched: None
) -> None:
    """Another connection commits; while the build of the new generation is held, answers come from the last one."""
    store, other = two
    briefing = Briefing(store)
    caches = briefing._caches
    assert "Lisbon memo" not in titles(await briefing.spending("Portugal"))
    before = caches.current
    await ingest_text(other, MEMO, name="memo.txt")
    async with holding(store, "FROM document_log WHERE seq >") as held:
        first = await asyncio.wait_for(briefing.spending("Portugal"), NEVER)  # starts the build
        await asyncio.wait_for(held.reached.wait(), NEVER)
        # The build is stopped inside its first read of the change; answers still come.
        during = [
            await asyncio.wait_for(briefing.spending(name), NEVER) for name in ("Portugal", "Canada", "NATO")
        ]
        choices = await asyncio.wait_for(briefing.country_choices("Portugal"), NEVER)
        assert caches.current is before and caches._building()
    assert all("Lisbon memo" not in titles(answer) for answer in [first, *during])
    assert all("1.93" not in choice.preview for choice in choices)
    after = await answer_showing(lambda: briefing.spending("Portugal"), lambda a: "Lisbon memo" in titles(a))
    assert caches.current is not before and [f.value for f in after.figures] == [1.93]


async def test_a_burst_of_commits_is_loaded_in_far_fewer_builds(
    two: tuple[Store, Store], watched: None
) -> None:
    """Ten commits by another connection, answers asked after each: two builds, and then every document shows."""
    store, other = two
    briefing = Briefing(store)
    await briefing.warm_up()
    caches = briefing._caches
    built = caches.reloads
    async with holding(store, "FROM document_log WHERE seq >") as held:
        for n in range(10):
            await ingest_text(other, country_memo(n), name=f"{n}.txt")
            await asyncio.wait_for(briefing.spending("Portugal"), NEVER)
            await asyncio.wait_for(held.reached.wait(), NEVER)  # the first build holds, single
            assert caches._building()
    # Released: the held build reads the log with all ten in it; one more finds the version moved
    # past what it read first, and after it the store is unchanged.
    await answer_showing(
        lambda: briefing.country_choices("Portugal"),
        lambda cs: any("1.95% of GDP (2009)" in c.preview for c in cs),
    )
    answer = await briefing.spending("Portugal")
    assert {f"Memo {n}" for n in range(2, 10)} <= titles(answer)  # the newest FIGURES_PER_METRIC
    await asyncio.wait_for(caches._task, NEVER) if caches._task else None
    assert caches.reloads - built <= 2


def country_memo(n: int) -> str:
    """Return an article with one new figure for Portugal (a year of its own, so every one is listed)."""
    return f"Title: Memo {n}\nSource: Desk\nDate: 2025-03-01\n\nPortugal spent 1.{n}5 percent of its GDP on defence in {2000 + n}.\n"


async def test_a_burst_of_answers_after_another_store_s_write_shares_one_build(
    two: tuple[Store, Store], watched: None
) -> None:
    """Answers that meet another connection's commit at once start one build between them, which reads people once."""
    store, other = two
    briefing = Briefing(store)
    await briefing.warm_up()
    caches = briefing._caches
    built = caches.reloads
    await ingest_text(other, MEMO, name="memo.txt")
    async with statements_run(store) as statements:
        await asyncio.gather(*(briefing.spending(name) for name in ["Portugal"] * 10 + ["Canada"]))
        # Previews come from the scope's data, which only a build brings (figures may be read sooner).
        await answer_showing(
            lambda: briefing.country_choices("Portugal"), lambda cs: any("1.93" in c.preview for c in cs)
        )
    people_loads = sum("FROM scope_people AS sp JOIN people AS pe" in s for s in statements)
    assert (caches.reloads - built, people_loads) == (1, 1), statements


async def test_a_forget_by_another_connection_is_honoured(two: tuple[Store, Store], watched: None) -> None:
    """A document removed by another connection leaves the answers (figures, previews) once its generation is built."""
    store, other = two
    briefing = Briefing(store)
    await briefing.warm_up()
    added = await ingest_text(other, MEMO, name="memo.txt")
    await answer_showing(lambda: briefing.spending("Portugal"), lambda a: "Lisbon memo" in titles(a))
    await answer_showing(
        lambda: briefing.country_choices("Portugal"), lambda cs: any("1.93" in c.preview for c in cs)
    )
    assert added.document_id is not None and await other.remove_document(added.document_id)
    await answer_showing(lambda: briefing.spending("Portugal"), lambda a: "Lisbon memo" not in titles(a))
    await answer_showing(
        lambda: briefing.country_choices("Portugal"), lambda cs: all("1.93" not in c.preview for c in cs)
    )


async def test_this_process_s_own_forget_shows_in_the_next_answer(store: Store, briefing: Briefing) -> None:
    """A write of this process (a user's /forget) is in the very next answer: that answer waits for its build."""
    added = await ingest_text(store, MEMO, name="memo.txt")
    assert "Lisbon memo" in titles(await briefing.spending("Portugal"))
    assert added.document_id is not None and await briefing.forget(added.document_id)
    assert "Lisbon memo" not in titles(await briefing.spending("Portugal"))
    assert all("1.93" not in c.preview for c in await briefing.country_choices("Portugal"))


async def test_a_grown_generation_holds_what_reading_it_whole_gives(
    two: tuple[Store, Store], watched: None
) -> None:
    """Documents added by another connection, in several builds: each scope's data as grown equals a whole read."""
    store, other = two
    briefing = Briefing(store)
    await briefing.summit()  # people, previews and meetings in use: each build grows them
    caches = briefing._caches
    assert caches.current is not None
    first = await caches.scopes.get(GLOBAL).get(caches.current)
    for n in range(3):
        await ingest_text(other, country_memo(n), name=f"{n}.txt")
        await ingest_text(other, summit_memo(n), name=f"summit-{n}.txt")
        await answer_showing(
            lambda: briefing.country_choices("Portugal"),
            lambda cs, n=n: any(f"(200{n})" in c.preview for c in cs),  # type: ignore[misc]
        )
    generation = caches.current
    assert generation is not None and generation.changes  # grown, not read whole
    grown = await caches.scopes.get(GLOBAL).get(generation)
    whole = await briefing_module._load_scope(store, GLOBAL, generation, None)
    assert grown == whole
    quoted = sum(p.statement_count for p in grown.people) - sum(p.statement_count for p in first.people)
    assert len(grown.events) == len(first.events) + 3 and quoted == 3  # one summit and one quote each


def summit_memo(n: int) -> str:
    """Return an article announcing a summit."""
    return (
        f"Title: Summit {n}\nDate: 2026-03-0{n + 1}\n\n"
        f'NATO leaders will meet at a summit in Vilnius on July {n + 7}, {2030 + n}. Mark Rutte said "We are ready."\n'
    )
