"""Answers beside an ingest (issue 15): `/spending` in process, idle and while articles are stored.

The store is a fresh seeded one. First `/spending` is answered n times with nothing else running
(idle). Then generated articles are ingested twice over, each time into the same store while
`/spending` is answered again and again in this process, from the first commit to the end:

* by another process: `briefbot ingest`, as an operator runs it beside the bot;
* by this process: ``ingest_many`` on the bot's own store (worker processes analyse, the store's
  writer writes), as the bot's own `/ingest` and feed polling do.

Every commit moves the store's version. Beside each answer a bounded store read with no cache in
front of it (``Store.documents``, what /sources reads) is timed too: the database's part alone.

``bot_beside_ingest`` measures what the issue's target is about: the real bot (``briefbot run``
against the Discord stand-in, as in section 1) answering `/spending`, `/quote`, `/summit` and
`/ask` in turn, idle, then from the first commit to the end of `briefbot ingest` of the articles
by another process on the same store.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import sqlite3
import subprocess
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from bench import e2e
from bench.corpus import generate
from bench.workload import COUNTRIES, SEED_PEOPLE, AnswerPath, Workload, answer_paths, arguments
from knowledge.briefing import Briefing
from knowledge.ingest import analyse, ingest_many, open_store
from knowledge.store import Store
from tests.launch import briefbot, clean_env

_A = TypeVar("_A")
WRITERS = ("process", "here")  # another process, this process


@dataclass(slots=True)
class Timings:
    """Durations in seconds of /spending and of the plain store read, asked in turn."""

    answers: list[float] = field(default_factory=list)
    reads: list[float] = field(default_factory=list)
    stored: int = 0  # documents the ingest stored meanwhile
    seconds: float = 0.0  # from the ingest's first commit to its end


async def spending_beside_ingest(work: Path, articles: int, n: int, budget: float) -> dict[str, Timings]:
    """Return the timings idle ("idle", n of each) and during an ingest of articles by each writer."""
    work.mkdir(parents=True, exist_ok=True)
    db = work / "readers.sqlite3"
    texts = list(generate(articles, seed=15))
    store = await open_store(db)
    try:
        spending = answer_paths(Briefing(store))["spending"]
        countries = arguments(Workload(COUNTRIES, SEED_PEOPLE), "spending")
        await spending(next(countries))  # the first answer loads the snapshot
        results = {"idle": Timings()}
        for _ in range(n):
            await _ask(results["idle"], store, spending, countries)
        for writer in WRITERS:
            # A line added per writer: each ingest stores new documents, none already stored.
            folder = work / writer
            folder.mkdir(exist_ok=True)
            for name, text in texts:
                (folder / name).write_text(f"{text}\n{writer}\n", encoding="utf-8")
            ingest = (
                _ingest_elsewhere(db, work, folder) if writer == "process" else _ingest_here(store, folder)
            )
            results[writer] = await _asked_during(store, spending, countries, ingest, budget)
    finally:
        await store.close()
    return results


async def _asked_during(
    store: Store,
    spending: AnswerPath,
    countries: Iterator[str | None],
    ingest: Awaitable[None],
    budget: float,
) -> Timings:
    """Return the timings of answers asked back to back from the ingest's first commit to its end."""
    timings = Timings()
    before = await store.document_count()
    version = await store.data_version()
    task = asyncio.ensure_future(ingest)
    try:
        while not task.done() and await store.data_version() == version:
            await asyncio.sleep(0.005)  # starting: nothing written yet
        started = time.perf_counter()
        while not task.done() and time.perf_counter() - started < budget:
            await _ask(timings, store, spending, countries)
        await task
    finally:
        task.cancel()
    timings.seconds = time.perf_counter() - started
    timings.stored = await store.document_count() - before
    return timings


async def _ingest_elsewhere(db: Path, work: Path, folder: Path) -> None:
    """Run `briefbot ingest` of a folder in another process; raise if it fails."""
    done = await asyncio.to_thread(
        subprocess.run,
        briefbot("--db", db, "ingest", folder),
        cwd=work,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"briefbot ingest failed ({done.returncode}): {done.stderr[-500:]}")


async def _ingest_here(store: Store, folder: Path) -> None:
    """Ingest the folder's articles into the store from this process; raise the first failure."""
    jobs = [
        (path.name, functools.partial(analyse, path.read_text(encoding="utf-8"))) for path in folder.iterdir()
    ]
    async for _, report in ingest_many(store, sorted(jobs, key=lambda job: job[0])):
        if isinstance(report, Exception):
            raise report


async def _ask(timings: Timings, store: Store, spending: AnswerPath, countries: Iterator[str | None]) -> None:
    """Time one /spending answer and one plain store read."""
    timings.answers.append(await _timed(spending, next(countries)))
    timings.reads.append(await _timed(_read, store))


async def _read(store: Store) -> None:
    """Read a bounded page from the store, no cache involved (what /sources reads)."""
    await store.documents()


async def _timed(work: Callable[[_A], Awaitable[object]], argument: _A) -> float:
    """Return the seconds one call takes."""
    start = time.perf_counter()
    await work(argument)
    return time.perf_counter() - start


BOT_COMMANDS = ("spending", "quote", "summit", "ask")


@dataclass(slots=True)
class BotTimings:
    """Latencies in seconds per command through the real bot, asked in turn."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: {key: [] for key in BOT_COMMANDS})
    stored: int = 0  # documents the ingest stored meanwhile
    seconds: float = 0.0  # from the ingest's first commit to its end


async def bot_beside_ingest(work: Path, articles: int, n: int, budget: float) -> dict[str, BotTimings]:
    """Return the real bot's latencies idle (n rounds) and during `briefbot ingest` of articles by another process."""
    work.mkdir(parents=True, exist_ok=True)
    db = work / "bot.sqlite3"
    folder = work / "bot-articles"
    folder.mkdir(exist_ok=True)
    for name, text in generate(articles, seed=15):
        (folder / name).write_text(f"{text}\nbot\n", encoding="utf-8")
    await (await open_store(db)).close()  # the seeded store the bot opens
    workload = Workload(COUNTRIES, SEED_PEOPLE)
    args = {key: arguments(workload, key) for key in BOT_COMMANDS}
    results = {"idle": BotTimings(), "process": BotTimings()}
    async with e2e.running_bot(db, work / "bot") as bot:
        await e2e.warm_up(bot, workload)
        deadline = time.perf_counter() + budget
        for _ in range(n):
            await _round(bot, args, results["idle"])
            if time.perf_counter() > deadline:
                break
        during = results["process"]
        before = await asyncio.to_thread(_count, db)
        version = await asyncio.to_thread(_stored_state, db)
        task = asyncio.ensure_future(_ingest_elsewhere(db, work, folder))
        try:
            while not task.done() and await asyncio.to_thread(_stored_state, db) == version:
                await asyncio.sleep(0.005)  # starting: nothing written yet
            started = time.perf_counter()
            while not task.done() and time.perf_counter() - started < budget:
                await _round(bot, args, during)
            await task
        finally:
            task.cancel()
        during.seconds = time.perf_counter() - started
        during.stored = await asyncio.to_thread(_count, db) - before
    return results


async def _round(bot: e2e.BotProcess, args: dict[str, Iterator[str | None]], timings: BotTimings) -> None:
    """Ask each command once, one after another, and keep their latencies."""
    for key in BOT_COMMANDS:
        timings.latencies[key].append((await e2e.ask_once(bot, key, next(args[key]))).latency)


def _stored_state(db: Path) -> tuple[int, int]:
    """Return how many documents the store holds and where its document log ends (it moves with every document)."""
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as con:
        row = con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT coalesce(max(seq), 0) FROM document_log)"
        )
        return tuple(row.fetchone())  # type: ignore[return-value]


def _count(db: Path) -> int:
    """Return how many documents the store holds."""
    return _stored_state(db)[0]
