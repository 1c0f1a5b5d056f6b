"""Articles into the store: read, extract, store, one transaction per document.

Documents are identified by the sha256 of their body: the same text ingested twice (even under
another file name or header) is reported as already ingested and changes nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import multiprocessing
import os
import stat
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from knowledge.errors import MalformedArticle
from knowledge.extract import extract
from knowledge.extract.reader import MAX_ARTICLE_CHARS, read_article
from knowledge.models import Article, Extraction
from knowledge.store import GLOBAL, Store, StoreError, StoreWriteError, default_store_path

BUNDLED_ARTICLES = Path(__file__).parent / "articles"
ARTICLE_SUFFIXES = (".txt", ".md")
MAX_ARTICLE_BYTES = MAX_ARTICLE_CHARS * 4  # UTF-8 takes at most 4 bytes a character
PARALLEL_FROM = 16  # fewer jobs than this are not worth starting worker processes for
IN_FLIGHT_PER_WORKER = 8  # analysed articles waiting per worker: bounded memory, no idle worker
PARENT_CHECK_SECONDS = 0.2  # how often a worker checks that the ingesting process still runs


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What ingesting one article did."""

    name: str
    document_id: int | None  # None for a dry run
    created: bool
    article: Article
    extraction: Extraction


def decode_article(data: bytes, name: str) -> str:
    """Return the text of an article file's bytes; raise MalformedArticle when not usable."""
    if not name.lower().endswith(ARTICLE_SUFFIXES):
        raise MalformedArticle(f"{name}: only .txt and .md articles can be read.")
    if len(data) > MAX_ARTICLE_BYTES:
        raise MalformedArticle(f"{name}: the file is too large for an article.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedArticle(f"{name}: not UTF-8 text (byte {exc.start}).") from None


def analyse(raw: str) -> tuple[Article, Extraction]:
    """Return the parsed article and what extraction finds in it."""
    article = read_article(raw)
    return article, extract(article)


async def ingest_text(
    store: Store, raw: str, *, name: str, dry_run: bool = False, scope: str = GLOBAL
) -> IngestReport:
    """Extract an article and store it in a scope unless dry_run; return what happened."""
    return await _store_analysed(store, name, analyse(raw), dry_run, scope)


async def _store_analysed(
    store: Store, name: str, analysed: tuple[Article, Extraction], dry_run: bool, scope: str
) -> IngestReport:
    """Store an analysed article in a scope (unless dry_run) and return its report."""
    article, extraction = analysed
    if dry_run:
        existing = await store.has_document(article.sha256, (scope,))
        return IngestReport(name, existing, False, article, extraction)
    result = await store.add_document(article, extraction, name=name, scope=scope)
    return IngestReport(name, result.document_id, result.created, article, extraction)


async def ingest_file(store: Store, path: Path, *, dry_run: bool = False) -> IngestReport:
    """Read, extract and store one article file."""
    return await _store_analysed(store, path.name, analyse_file(path), dry_run, GLOBAL)


def analyse_file(path: Path) -> tuple[Article, Extraction]:
    """Return the parsed article file and what extraction finds in it."""
    return analyse(decode_article(read_article_file(path), path.name))


def read_article_file(path: Path) -> bytes:
    """Return the bytes of an article file, at most MAX_ARTICLE_BYTES + 1 of them.

    Only a regular file (or a link to one) is read: a ``.txt`` that is a link to /dev/zero would
    be read forever, and a named pipe would block until something writes to it. The file is
    opened without blocking and checked through its descriptor, so it cannot be swapped between
    the check and the read. One byte past the cap is enough for decode_article to refuse it.
    """
    if not path.name.lower().endswith(ARTICLE_SUFFIXES):
        raise MalformedArticle(f"{path.name}: only .txt and .md articles can be read.")
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise MalformedArticle("not a regular file (a device, pipe or folder); give an article file.")
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            return file.read(MAX_ARTICLE_BYTES + 1)
    finally:
        os.close(descriptor)


# An ingest job: a name for reports and a picklable function returning the analysed article
# (functools.partial(analyse, text) or functools.partial(analyse_file, path)).
Job = tuple[str, Callable[[], tuple[Article, Extraction]]]


async def ingest_many(
    store: Store,
    jobs: Iterable[Job],
    *,
    dry_run: bool = False,
    workers: int | None = None,
    scope: str | Callable[[str], str] = GLOBAL,
) -> AsyncIterator[tuple[str, IngestReport | Exception]]:
    """Analyse articles in worker processes and store them in input order; yield each outcome.

    Extraction is CPU work in Python (about 4 ms an article), so one process ingests at most
    ~150 articles a second. With several jobs, ``workers`` processes (default: one per CPU)
    analyse ahead while this process writes, one transaction per document, in input order (so
    document ids follow the order given). An article that cannot be read, analysed or stored
    yields its exception (MalformedArticle, OSError, UnicodeError, an extractor's bug on that
    text, or StoreWriteError when the store stayed locked, the disk is full or the file is
    read-only) and the others still go on. With one worker or fewer than PARALLEL_FROM jobs,
    everything runs here. ``scope`` is where the documents go, or a function of each job's name
    that says where that one goes.
    """
    scope_of = scope if callable(scope) else lambda name: scope
    pending = list(jobs)
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or len(pending) < PARALLEL_FROM:
        for name, job in pending:
            yield name, await _store_outcome(store, name, _outcome(job), dry_run, scope_of(name))
        return
    loop = asyncio.get_running_loop()
    # spawn, not fork (this process runs the database thread; forking a threaded process can
    # copy a held lock) nor forkserver (its server outlives a killed parent): spawned workers are
    # this process's children, and each ends itself when this process dies, even by SIGKILL.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        count, mp_context=context, initializer=end_with_parent, initargs=(os.getpid(),)
    ) as pool:
        window: deque[tuple[str, asyncio.Future[tuple[Article, Extraction] | Exception]]] = deque()
        queue = iter(pending)
        for name, job in itertools.islice(queue, count * IN_FLIGHT_PER_WORKER):
            window.append((name, loop.run_in_executor(pool, _outcome, job)))
        try:
            while window:
                name, future = window.popleft()
                analysed = await future
                for next_name, next_job in itertools.islice(queue, 1):
                    window.append((next_name, loop.run_in_executor(pool, _outcome, next_job)))
                yield name, await _store_outcome(store, name, analysed, dry_run, scope_of(name))
        finally:  # stopped early (an error, or the caller stopped reading): drop what is queued
            for _, future in window:
                future.cancel()


def end_with_parent(parent: int) -> None:
    """Worker initializer: exit as soon as the parent process is gone (killed, crashed)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _outcome(job: Callable[[], tuple[Article, Extraction]]) -> tuple[Article, Extraction] | Exception:
    """Run one job, returning its error instead of raising it: one bad article must not stop a batch."""
    try:
        return job()
    except Exception as exc:  # reported per article by the caller, with the exception's type
        return exc


async def _store_outcome(
    store: Store, name: str, analysed: tuple[Article, Extraction] | Exception, dry_run: bool, scope: str
) -> IngestReport | Exception:
    """Store an analysed article and return its report, or its error (reading or writing)."""
    if isinstance(analysed, Exception):
        return analysed
    try:
        return await _store_analysed(store, name, analysed, dry_run, scope)
    except StoreWriteError as exc:  # this document is not kept; the next one may well be
        return exc


def bundled_articles() -> list[Path]:
    """Return the articles shipped with the package, in name order."""
    return sorted(p for p in BUNDLED_ARTICLES.iterdir() if p.suffix in ARTICLE_SUFFIXES)


async def open_store(path: str | Path | None = None, *, seed: bool = True, read_only: bool = False) -> Store:
    """Return the store at path, creating it and ingesting the bundled articles if it is new.

    read_only opens an existing store without ever writing to it (a replica); a missing one is
    an error then, since creating it would be a write.
    """
    target = str(path) if path is not None else str(default_store_path())
    if read_only:
        if target == ":memory:" or not Path(target).is_file():
            raise StoreError(f"{target} does not exist, and a read-only process cannot create it.")
        return await Store.open(target, read_only=True)
    if target == ":memory:":
        store = await Store.open(target)
        if seed:
            await _seed(store)
        return store
    if not seed or Path(target).exists():
        return await Store.open(target)
    await _build_seeded(target)
    return await Store.open(target)


async def _seed(store: Store) -> None:
    """Ingest the bundled articles into a store."""
    for article in bundled_articles():
        await ingest_file(store, article)


async def _build_seeded(target: str) -> None:
    """Create a seeded store at target atomically: it appears only once it is complete."""
    # Built under a private name and linked into place, so a process killed meanwhile (SIGKILL,
    # power loss) leaves no file that looks like a finished store, and two processes opening a
    # new store at once do not overwrite each other: the first link wins, the other is dropped.
    building = f"{target}.{os.getpid()}.new"
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    try:
        store = await Store.open(building)
        try:
            await _seed(store)
        finally:
            await store.close()  # the last connection: the WAL is folded into the file
        with contextlib.suppress(FileExistsError):
            os.link(building, target)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(building + suffix).unlink(missing_ok=True)
