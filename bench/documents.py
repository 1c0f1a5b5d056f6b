"""Listing and briefing documents at scale (issue 15): /sources, /brief autocomplete, /brief of a long document.

    .venv/bin/python -m bench.documents                       # 10,000 articles, store built in a temp dir
    .venv/bin/python -m bench.documents --store s.sqlite3     # build once at that path, reuse it after

The store is ``bench.scale.build_store``'s (generated articles, real extraction) plus one long
document: the bodies of 160 more generated articles under one title, about 3,000 passages. Each
row prints the median and p99 of n in-process calls of the briefing method the command uses.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from bench import scale
from bench.corpus import generate
from knowledge.briefing import Briefing
from knowledge.ingest import analyse, open_store
from knowledge.store import Store

LONG_TITLE = "A very long report"


async def build(path: Path, articles: int) -> None:
    """Create the scale store at path and add the long document to it."""
    await scale.build_store(path, articles)
    bodies = [text.split("\n\n", 1)[1] for _, text in generate(160, 99)]
    article, extraction = analyse(
        f"Title: {LONG_TITLE}\nSource: Bench\nDate: 2025-01-01\n\n" + "\n\n".join(bodies)
    )
    store = await open_store(path)
    try:
        await store.add_document(article, extraction, name="long.txt")
    finally:
        await store.close()


async def timed(n: int, call: Callable[[], Awaitable[object]]) -> tuple[float, float]:
    """Return the median and p99 milliseconds of n calls (after one warm-up call)."""
    await call()
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(n - 1, int(n * 0.99))]


async def measure(path: Path, n: int) -> list[tuple[str, float, float]]:
    """Return (row, median ms, p99 ms) for each measured call on the store at path."""
    store = await Store.open(path, read_only=True)
    try:
        briefing = Briefing(store)
        count = await briefing.document_count()
        # Added last to a fresh store, the long document has the highest id: the count.
        long_document = await briefing.resolve_document(str(count))
        if long_document.document.title != LONG_TITLE:
            raise RuntimeError(f"document {count} is not the long one: build the store with this module")
        long_id = str(long_document.document.id)
        rows = [
            (f"/sources (newest 25 of {count:,})", lambda: briefing.sources()),
            ("/brief autocomplete, empty", lambda: briefing.document_choices("")),
            ("/brief autocomplete, common word", lambda: briefing.document_choices("nato")),
            ("/brief autocomplete, no match", lambda: briefing.document_choices("zzqx")),
            ("/brief autocomplete, a number", lambda: briefing.document_choices(long_id)),
            ("/brief resolve a title (fuzzy)", lambda: briefing.resolve_document("hybrid threats")),
            (f"/brief of {long_document.passages:,} passages", lambda: briefing.brief(long_id)),
        ]
        return [
            (name, *await timed(n if "passages" not in name else max(1, n // 10), call))
            for name, call in rows
        ]
    finally:
        await store.close()


def main(argv: list[str] | None = None) -> int:
    """Build (or reuse) the store, measure, print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench.documents", description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="generated articles (default 10,000)")
    parser.add_argument("--n", type=int, default=200, help="calls per row (default 200; /brief n/10)")
    parser.add_argument("--store", type=Path, help="build the store here once, then reuse it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        path = args.store or Path(scratch) / "documents.sqlite3"
        if not path.exists():
            print(f"building {args.articles:,} articles into {path} …", file=sys.stderr)
            asyncio.run(build(path, args.articles))
        print(f"{'row':<42} {'median ms':>10} {'p99 ms':>10}")
        for name, median, p99 in asyncio.run(measure(path, args.n)):
            print(f"{name:<42} {median:>10.2f} {p99:>10.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
