"""Bulk ingest: articles analysed in worker processes, stored in input order, bad ones reported."""

from __future__ import annotations

import functools
from pathlib import Path

from knowledge.errors import MalformedArticle
from knowledge.ingest import PARALLEL_FROM, IngestReport, Job, analyse, analyse_file, ingest_many
from knowledge.models import Article, Extraction
from knowledge.store import Store


def article(n: int) -> str:
    """Return a small article, number n, with one spending fact and one statement."""
    return (
        f"Title: Wire {n}\nDate: 2026-05-{n % 28 + 1:02d}\n\n"
        f"Norway spent {1 + n / 100:.2f} percent of GDP on defence in {2000 + n}. "
        f'"Report {n} is out," said Defence Minister Kari Holm.\n'
    )


async def ingest_all(
    store: Store, texts: list[str], workers: int
) -> list[tuple[str, IngestReport | Exception]]:
    """Ingest texts with ingest_many and return every outcome."""
    jobs = [(f"{i}.txt", functools.partial(analyse, text)) for i, text in enumerate(texts)]
    return [outcome async for outcome in ingest_many(store, jobs, workers=workers)]


async def test_workers_store_the_same_documents_in_input_order(tmp_path: Path) -> None:
    """Two worker processes give the same store as one process: same order, ids and facts."""
    texts = [article(n) for n in range(PARALLEL_FROM + 4)]
    texts[5] = "Title: broken\n\n"  # no body: reported, the rest still land
    results = {}
    for workers in (1, 2):
        store = await Store.open(tmp_path / f"w{workers}.sqlite3")
        try:
            outcomes = await ingest_all(store, texts, workers)
            figures = await store.spending_figures("NO", 100)
            documents = await store.documents()
        finally:
            await store.close()
        assert [name for name, _ in outcomes] == [f"{i}.txt" for i in range(len(texts))]
        assert isinstance(outcomes[5][1], MalformedArticle)
        reports = [r for _, r in outcomes if isinstance(r, IngestReport)]
        assert len(reports) == len(texts) - 1 and all(r.created for r in reports)
        assert [r.document_id for r in reports] == sorted(r.document_id for r in reports)
        results[workers] = (
            [(r.name, r.document_id) for r in reports],
            sorted((f.value, f.when.year if f.when else None) for f in figures),
            sorted((d.document.title, d.spending_facts, d.statements) for d in documents),
        )
    assert results[1] == results[2]
    assert len(results[2][1]) == len(texts) - 1


async def test_files_that_cannot_be_read_are_reported_by_name(tmp_path: Path) -> None:
    """analyse_file in a worker: a missing file and a binary file are failures, not a crash."""
    paths = []
    for n in range(PARALLEL_FROM):
        path = tmp_path / f"a{n:02d}.txt"
        path.write_text(article(n), encoding="utf-8")
        paths.append(path)
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x00garbage")
    paths += [tmp_path / "missing.txt", tmp_path / "binary.txt"]
    store = await Store.open(tmp_path / "s.sqlite3")
    try:
        jobs = [(p.name, functools.partial(analyse_file, p)) for p in paths]
        outcomes = dict([o async for o in ingest_many(store, jobs, workers=2)])
    finally:
        await store.close()
    assert isinstance(outcomes["missing.txt"], OSError)
    assert isinstance(outcomes["binary.txt"], MalformedArticle)
    assert sum(isinstance(o, IngestReport) and o.created for o in outcomes.values()) == PARALLEL_FROM


def broken_extractor() -> tuple[Article, Extraction]:
    """Stand in for an extractor bug on one article's text."""
    raise RuntimeError("extractor bug")


async def test_an_extractor_bug_fails_one_article_not_the_batch(tmp_path: Path) -> None:
    """In a worker or not, an unexpected error on one article is its outcome; the rest land."""
    for workers in (1, 2):
        jobs: list[Job] = [(f"{n}.txt", functools.partial(analyse, article(n))) for n in range(PARALLEL_FROM)]
        jobs.insert(3, ("bug.txt", broken_extractor))
        store = await Store.open(tmp_path / f"w{workers}.sqlite3")
        try:
            outcomes = dict([o async for o in ingest_many(store, jobs, workers=workers)])
            stored = await store.document_count()
        finally:
            await store.close()
        assert isinstance(outcomes.pop("bug.txt"), RuntimeError)
        assert all(isinstance(o, IngestReport) and o.created for o in outcomes.values())
        assert stored == PARALLEL_FROM
