"""The scale run's store: a synthetic corpus checked against the extractors and ingested fresh."""

from __future__ import annotations

import functools
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import generate, word_count
from knowledge.extract import extract
from knowledge.extract.reader import read_article
from knowledge.ingest import analyse, ingest_many, open_store
from knowledge.store import GLOBAL, guild_scope

SEED = 6


@dataclass(frozen=True, slots=True)
class CorpusCheck:
    """What the extractors find in a sample of the generated articles."""

    articles: int
    mean_words: float
    records_per_article: float
    by_kind: dict[str, float]
    extract_seconds_per_article: float


def check_corpus(sample: int, seed: int = SEED) -> CorpusCheck:
    """Return what read_article + extract find in the first sample generated articles."""
    counts = {"people": 0, "spending": 0, "statements": 0, "events": 0}
    words = []
    elapsed = 0.0
    for _, text in generate(sample, seed):
        start = time.perf_counter()
        extraction = extract(read_article(text))
        elapsed += time.perf_counter() - start
        words.append(word_count(text))
        for kind in counts:
            counts[kind] += len(getattr(extraction, kind))
    if sum(counts.values()) == 0:
        raise RuntimeError("the synthetic articles produce no records: the generator and extractors disagree")
    return CorpusCheck(
        articles=sample,
        mean_words=statistics.mean(words),
        records_per_article=sum(counts.values()) / sample,
        by_kind={kind: count / sample for kind, count in counts.items()},
        extract_seconds_per_article=elapsed / sample,
    )


@dataclass(frozen=True, slots=True)
class IngestResult:
    """How building the scale store went."""

    articles: int
    created: int
    seconds: float
    store_bytes: int

    @property
    def per_second(self) -> float:
        """Return the ingest throughput in articles per second."""
        return self.articles / self.seconds


def scope_of(index: int, scopes: int) -> str:
    """Return the scope of the index-th generated article: global, or server index % scopes."""
    return GLOBAL if index % scopes == 0 else guild_scope(index % scopes)


async def build_store(path: Path, count: int, seed: int = SEED, scopes: int = 1) -> IngestResult:
    """Create a fresh store at path (seeded) and ingest count generated articles, timing the ingest.

    With scopes > 1, the articles are dealt round-robin to global and scopes - 1 servers (ids
    1, 2, ...; see ``scope_of``), as many servers' own articles beside the global ones.
    """
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    texts = list(generate(count, seed))  # generated up front: the generator is not what is measured
    where = {name: scope_of(index, scopes) for index, (name, _) in enumerate(texts)}
    store = await open_store(path, seed=True)
    created = 0
    try:
        # The path `briefbot ingest` takes: worker processes analyse, this process writes.
        start = time.perf_counter()
        async for _, report in ingest_many(
            store, [(name, functools.partial(analyse, text)) for name, text in texts], scope=where.__getitem__
        ):
            if isinstance(report, Exception):
                raise report
            created += int(report.created)
        seconds = time.perf_counter() - start
    finally:
        await store.close()
    return IngestResult(count, created, seconds, path.stat().st_size)
