"""``briefbot feeds poll`` over one feed of N new items: time and memory (issue 16).

A local news site (``tests/knowledge/feeds/site.py``, served from a thread on 127.0.0.1) serves an
RSS feed of N items and N article pages: generated articles (``bench.corpus``, seed 16) set in
HTML with navigation, a cookie banner, an advert and a "most read" box around them. The real
``briefbot`` command runs as a user runs it (``BRIEFBOT_FETCH_ALLOW_PRIVATE=true`` because the
site is local): ``feeds add``, then ``feeds poll`` (measured: wall time, the process's CPU time
and peak resident memory from ``wait4``), then ``feeds poll`` again (conditional: nothing new).

All pages are on one host, so the first poll includes the fetcher's politeness delay between
requests to a host (``HOST_DELAY_SECONDS`` for each page): the wall time is mostly waiting, the
CPU time is the work.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.corpus import generate
from knowledge.extract.reader import split_header
from tests.knowledge.feeds.site import Item, Site, page, rss
from tests.launch import briefbot, clean_env


@dataclass(frozen=True, slots=True)
class PollRun:
    """One ``briefbot feeds poll`` process."""

    wall: float  # seconds
    cpu: float  # user + system seconds of the process
    peak_rss_mb: float
    stored: int  # pages reported stored
    output: str


@contextmanager
def served_site() -> Iterator[Site]:
    """Yield the site running on its own event loop in a thread."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    site = Site()
    asyncio.run_coroutine_threadsafe(site.start(), loop).result(30)
    try:
        yield site
    finally:
        asyncio.run_coroutine_threadsafe(site.stop(), loop).result(30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(30)
        loop.close()


def publish(site: Site, items: int) -> str:
    """Serve items generated articles as pages and an RSS feed listing them; return the feed's URL."""
    listed = []
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for index, (_, text) in enumerate(generate(items, seed=16)):
        meta, body = split_header(text)
        paragraphs = [line for line in body.splitlines() if line.strip()]
        path = f"/news/{index}"
        day = start + timedelta(hours=index)
        site.put(path, page(meta.title or f"Article {index}", paragraphs, date=day.date().isoformat()))
        listed.append(Item(path, meta.title or f"Article {index}", day))
    return site.put("/feed.xml", rss(site, listed[::-1]), content_type="application/rss+xml", etag='"feed-1"')


def run_cli(args: list[str], env: dict[str, str], cwd: Path) -> PollRun:
    """Run briefbot with args; return its wall time, CPU time and peak memory (from wait4)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        briefbot(*args), cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert process.stdout is not None
    output = process.stdout.read()  # until the process closes it, at exit
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"briefbot {' '.join(args)} failed ({process.returncode}): {output[-800:]}")
    return PollRun(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=usage.ru_maxrss / 1024,  # KB on Linux
        stored=sum(line.lstrip().startswith("stored #") for line in output.splitlines()),
        output=output,
    )


def poll_feed(work: Path, items: int) -> tuple[PollRun, PollRun]:
    """Return the first poll (items new pages) and the second (nothing new) of a feed of items."""
    work.mkdir(parents=True, exist_ok=True)
    env = clean_env(BRIEFBOT_DB=str(work / "feeds.sqlite3"), BRIEFBOT_FETCH_ALLOW_PRIVATE="true")
    with served_site() as site:
        url = publish(site, items)
        run_cli(["feeds", "add", url], env, work)
        first = run_cli(["feeds", "poll"], env, work)
        second = run_cli(["feeds", "poll"], env, work)
    return first, second
