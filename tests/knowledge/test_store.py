"""The SQLite store: schema, transactions, idempotence and provenance, on a real file."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

import pytest

from knowledge.extract import extract
from knowledge.extract.reader import read_article
from knowledge.ingest import ingest_text
from knowledge.models import (
    EventRecord,
    Extraction,
    Metric,
    PersonRecord,
    SpeakerType,
    SpendingRecord,
    StatementKind,
    StatementRecord,
    TimeRef,
)
from knowledge.store import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    STATEMENTS_PER_ANSWER,
    Store,
    StoreError,
    StoreWriteError,
)
from knowledge.store import search as search_module
from tests.locking import give_up_on_locks_quickly
from tests.tracing import statements_run

ARTICLE = read_article(
    "Title: Test wire\nSource: Wire\nDate: 2026-03-12\n\n"
    "Poland spent 4.1 percent of GDP on defence in 2025. "
    '"We will do more," said Minister Anna Berg. Nothing else happened.'
)
EXTRACTION = Extraction(
    people=[PersonRecord(name="Anna Berg", role="Minister", passage=1)],
    spending=[
        SpendingRecord(
            passage=0,
            subject="PL",
            metric=Metric.SHARE_OF_GDP,
            value=4.1,
            as_written="4.1 percent",
            when=TimeRef(text="in 2025", year=2025),
        )
    ],
    statements=[
        StatementRecord(passage=1, speaker="Anna Berg", kind=StatementKind.VERBATIM, text="We will do more")
    ],
)


async def test_new_store_has_current_schema_and_wal(tmp_path: Path) -> None:
    """A new file gets the current schema version, WAL and foreign keys."""
    store = await Store.open(tmp_path / "s.sqlite3")
    try:
        assert await store.schema_version() == SCHEMA_VERSION
        assert await store._scalar("PRAGMA journal_mode") == "wal"
        assert await store._scalar("PRAGMA foreign_keys") == 1
        assert await store._scalar("PRAGMA application_id") == APPLICATION_ID
    finally:
        await store.close()


async def test_schema_and_data_survive_reopen(tmp_path: Path) -> None:
    """Closing and reopening keeps the schema and the documents."""
    path = tmp_path / "s.sqlite3"
    store = await Store.open(path)
    await store.add_document(ARTICLE, EXTRACTION, name="a.txt")
    await store.close()
    store = await Store.open(path)
    try:
        assert await store.schema_version() == SCHEMA_VERSION
        assert [d.document.title for d in await store.documents()] == ["Test wire"]
        figures = await store.spending_figures("PL", per_metric=5)
        assert [(f.value, f.when.year if f.when else None) for f in figures] == [(4.1, 2025)]
        assert figures[0].source.passage == "Poland spent 4.1 percent of GDP on defence in 2025."
    finally:
        await store.close()


async def test_same_content_twice_changes_nothing(tmp_path: Path) -> None:
    """Adding the same body again returns the existing id and writes no rows."""
    store = await Store.open(tmp_path / "s.sqlite3")
    try:
        first = await store.add_document(ARTICLE, EXTRACTION, name="a.txt")
        counts = await _counts(store)
        second = await store.add_document(ARTICLE, EXTRACTION, name="copy.txt")
        assert (first.created, second.created, second.document_id) == (True, False, first.document_id)
        assert await _counts(store) == counts
    finally:
        await store.close()


async def test_failed_document_leaves_nothing_behind(tmp_path: Path) -> None:
    """An error mid-document rolls back every row of that document."""
    broken = EXTRACTION.model_copy(
        update={
            "statements": [StatementRecord(passage=99, speaker="X", kind=StatementKind.REPORTED, text="t")]
        }
    )
    store = await Store.open(tmp_path / "s.sqlite3")
    try:
        with pytest.raises(KeyError):
            await store.add_document(ARTICLE, broken, name="a.txt")
        assert await _counts(store) == {
            "documents": 0,
            "passages": 0,
            "people": 0,
            "spending_facts": 0,
            "statements": 0,
        }
        assert await store.integrity_check() == "ok"
    finally:
        await store.close()


async def test_passages_are_slices_of_their_document(tmp_path: Path) -> None:
    """Every stored passage is body[start:end] of its document."""
    store = await Store.open(tmp_path / "s.sqlite3")
    try:
        await store.add_document(ARTICLE, EXTRACTION, name="a.txt")
        for document_id, body in await store.document_bodies():
            for start, end, text in await store.passage_spans(document_id):
                assert body[start:end] == text
    finally:
        await store.close()


async def test_full_text_search_highlights(tmp_path: Path) -> None:
    """FTS5 finds passages by stemmed words and marks the matches."""
    store = await Store.open(tmp_path / "s.sqlite3")
    try:
        await store.add_document(ARTICLE, EXTRACTION, name="a.txt")
        hits = await store.search('"poland" OR "happen"', 5)
    finally:
        await store.close()
    assert sorted(h.source.position for h in hits) == [0, 2]
    poland = next(h for h in hits if h.source.position == 0)
    assert "\x02Poland\x03" in poland.highlighted
    assert "\x02happened\x03" in next(h for h in hits if h.source.position == 2).highlighted


def frigate_report(n: int) -> str:
    """Return a small article, number n, about frigates (a word every one of them shares)."""
    return (
        f"Title: Frigate report {n}\nDate: 2026-03-{n + 1:02d}\n\nFrigate number {n} sailed from port {n}.\n"
    )


async def test_search_ranks_the_newest_candidates_when_too_many_match(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past SEARCH_CANDIDATES matches, only the most recently stored ones are ranked."""
    monkeypatch.setattr(search_module, "SEARCH_CANDIDATES", 2)
    store = await Store.open(tmp_path / "s.sqlite3")
    try:
        for n in range(5):
            await ingest_text(store, frigate_report(n), name=f"{n}.txt")
        hits = await store.search('"frigate"', 5)
        older = await store.search('"frigate" AND "1"', 5)  # fewer matches than the cap: all ranked
    finally:
        await store.close()
    assert sorted(h.source.document.title or "" for h in hits) == ["Frigate report 3", "Frigate report 4"]
    assert [h.source.document.title for h in older] == ["Frigate report 1"]
    assert all("\x02Frigate\x03" in h.highlighted for h in hits)


async def test_newer_schema_is_refused(tmp_path: Path) -> None:
    """A store written by a newer briefbot is not opened (or changed)."""
    path = tmp_path / "s.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="schema"):
        await Store.open(path)


async def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    """Opening a random file as a store fails with a clear StoreError."""
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="not a usable briefbot store"):
        await Store.open(path)


async def _counts(store: Store) -> dict[str, int]:
    """Return the row count of each main table."""
    tables = ("documents", "passages", "people", "spending_facts", "statements")
    return {t: int(await store._scalar(f"SELECT count(*) FROM {t}")) for t in tables}


async def test_overlapping_closes_both_finish(tmp_path: Path) -> None:
    """Two close() calls at once (signal handler and shutdown path) both return."""
    store = await Store.open(tmp_path / "s.sqlite3")
    await asyncio.wait_for(asyncio.gather(store.close(), store.close()), timeout=5)
    await asyncio.wait_for(store.close(), timeout=5)


async def test_failed_seeding_leaves_no_store_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If seeding a new store fails, the half-made file is removed so the next open seeds again."""
    import knowledge.ingest as ingest

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("extractor crashed")

    monkeypatch.setattr(ingest, "analyse", broken)
    path = tmp_path / "s.sqlite3"
    with pytest.raises(RuntimeError):
        await ingest.open_store(path)
    assert not path.exists()
    monkeypatch.undo()
    store = await ingest.open_store(path)
    try:
        assert len(await store.documents()) == 1
    finally:
        await store.close()


# What the statements table lacked before schema 5.
_BEFORE_SPEAKER_TYPES = (
    "ALTER TABLE statements DROP COLUMN speaker_type; ALTER TABLE statements DROP COLUMN segments;"
    " ALTER TABLE statements DROP COLUMN place;"
)


# What the events table lacked before schema 6.
_BEFORE_EVENT_STATUS = "ALTER TABLE events DROP COLUMN status;"

# What schema 9 added: the document log (every older schema lacks it).
_BEFORE_DOCUMENT_LOG = (
    "DROP TRIGGER documents_logged_ai; DROP TRIGGER documents_logged_ad; DROP TABLE document_log;"
)

# Schema 6, before scopes: one pool of documents, content unique in the whole store, no scope in
# the full-text index. (A raw sqlite3 connection has foreign keys off, so documents can be rebuilt.)
_BEFORE_SCOPES = (
    _BEFORE_DOCUMENT_LOG
    + """
DROP TABLE scope_people; DROP TABLE guild_settings;
DROP INDEX documents_by_scope; DROP INDEX statements_by_scope; DROP INDEX roles_by_scope;
DROP INDEX events_by_scope; DROP INDEX aliases_by_person; DROP INDEX spending_by_subject;
DROP TRIGGER passages_ai; DROP TRIGGER passages_ad; DROP TABLE passages_fts;
ALTER TABLE passages DROP COLUMN scope; ALTER TABLE person_roles DROP COLUMN scope;
ALTER TABLE spending_facts DROP COLUMN scope; ALTER TABLE statements DROP COLUMN scope;
ALTER TABLE events DROP COLUMN scope;
CREATE INDEX spending_by_subject ON spending_facts (subject, metric, year);
CREATE TABLE documents_v6 (
    id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, name TEXT, title TEXT, outlet TEXT, url TEXT,
    published TEXT, body TEXT NOT NULL, ingested_at TEXT NOT NULL
);
INSERT INTO documents_v6 SELECT id, sha256, name, title, outlet, url, published, body, ingested_at FROM documents;
DROP TABLE documents; ALTER TABLE documents_v6 RENAME TO documents;
CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, section, content='passages', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts (rowid, text, section) VALUES (new.id, new.text, new.section);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text, section) VALUES ('delete', old.id, old.text, old.section);
END;
INSERT INTO passages_fts (passages_fts) VALUES ('rebuild');
"""
)


async def test_a_version_5_store_gains_the_events_status(tmp_path: Path) -> None:
    """Schema 6 adds each event's status; older events read as having none."""
    path = tmp_path / "s.sqlite3"
    store = await Store.open(path)
    event = EventRecord(kind="NATO summit", place="Riga", when=TimeRef(text="2027", year=2027), passages=[0])
    await store.add_document(ARTICLE, EXTRACTION.model_copy(update={"events": [event]}), name="a.txt")
    await store.close()
    with sqlite3.connect(path) as raw:
        raw.executescript(f"{_BEFORE_SCOPES} {_BEFORE_EVENT_STATUS} PRAGMA user_version = 5;")
    store = await Store.open(path)
    try:
        assert await store.schema_version() == SCHEMA_VERSION
        assert [(e.place, e.status) for e in await store.event_index()] == [("Riga", None)]
    finally:
        await store.close()


async def test_a_version_4_store_gains_speaker_types_and_keeps_its_statements(tmp_path: Path) -> None:
    """Schema 5 adds who spoke, a split quote's parts and the place; old statements read as a person's."""
    path = tmp_path / "s.sqlite3"
    store = await Store.open(path)
    await store.add_document(ARTICLE, EXTRACTION, name="a.txt")
    await store.close()
    with sqlite3.connect(path) as raw:
        raw.executescript(
            f"{_BEFORE_SCOPES} {_BEFORE_SPEAKER_TYPES} {_BEFORE_EVENT_STATUS} PRAGMA user_version = 4;"
        )
    store = await Store.open(path)
    try:
        assert await store.schema_version() == SCHEMA_VERSION
        (person,) = [p for p in await store.people() if p.statement_count]
        assert person.speaker_type is SpeakerType.PERSON
        assert [q.text for q in await store.statements_by(person.id)] == ["We will do more"]
    finally:
        await store.close()


async def test_a_version_1_store_is_migrated(tmp_path: Path) -> None:
    """A store written with schema 1 gets the per-metric index and the events' status, keeping its data."""
    path = tmp_path / "s.sqlite3"
    store = await Store.open(path)
    await store.add_document(ARTICLE, EXTRACTION, name="a.txt")
    await store.close()
    with sqlite3.connect(path) as raw:  # what schema 1 looked like
        raw.executescript(
            f"{_BEFORE_SCOPES} DROP INDEX spending_by_subject;"
            " CREATE INDEX spending_by_subject ON spending_facts (subject, year);"
            f" ALTER TABLE spending_facts DROP COLUMN status; {_BEFORE_SPEAKER_TYPES} {_BEFORE_EVENT_STATUS}"
            " PRAGMA user_version = 1; PRAGMA application_id = 0;"  # (stores were not marked then)
        )
    store = await Store.open(path)
    try:
        assert await store.schema_version() == SCHEMA_VERSION
        assert await store._scalar("PRAGMA application_id") == APPLICATION_ID  # marked as briefbot's now
        index = await store._scalar("SELECT sql FROM sqlite_master WHERE name = 'spending_by_subject'")
        assert "(scope, subject, metric, year)" in index
        assert len(await store.spending_figures("PL", per_metric=5)) == 1
    finally:
        await store.close()


async def test_overlapping_version_checks_share_one_query(tmp_path: Path) -> None:
    """A burst of answers asks data_version at once: one query serves them; later calls ask again."""
    store = await Store.open(tmp_path / "s.sqlite3")
    try:
        async with statements_run(store) as statements:
            versions = await asyncio.gather(*(store.data_version() for _ in range(100)))
            burst = sum("data_version" in s for s in statements)
        await store.add_document(ARTICLE, EXTRACTION, name="a.txt")
        after = await store.data_version()
    finally:
        await store.close()
    assert len(set(versions)) == 1 and burst == 1
    assert after != versions[0]  # a commit is seen by the next call


async def test_a_writer_that_lost_the_race_finds_the_winner_s_document(tmp_path: Path) -> None:
    """Issue 12 item 5: the same document written by another connection while this one waits for the lock is found, not a UNIQUE error.

    The order is forced, not timed: the other store begins its write and is held (in its own
    database thread) right after its BEGIN IMMEDIATE took the lock; this store then starts the
    same write and waits for the lock (its BEGIN IMMEDIATE has been issued, as its trace shows);
    only then is the other released to commit. So this store always loses the race.
    """
    path = tmp_path / "s.sqlite3"
    store = await Store.open(path)
    other = await Store.open(path)
    loop = asyncio.get_running_loop()
    holding = asyncio.Event()  # the other writer holds the lock
    waiting = asyncio.Event()  # this store waits for it
    release = threading.Event()
    began = False

    def hold(statement: str) -> None:
        nonlocal began
        if began and not release.is_set():
            loop.call_soon_threadsafe(holding.set)
            release.wait(timeout=60)  # inside the other's transaction: the lock stays taken
        began = began or statement.startswith("BEGIN IMMEDIATE")

    def trace(statement: str) -> None:
        if statement.startswith("BEGIN IMMEDIATE"):
            loop.call_soon_threadsafe(waiting.set)

    try:
        await other._writer.run(sqlite3.Connection.set_trace_callback, hold)
        await store._writer.run(sqlite3.Connection.set_trace_callback, trace)
        win = asyncio.ensure_future(other.add_document(ARTICLE, EXTRACTION, name="theirs.txt"))
        await holding.wait()
        write = asyncio.ensure_future(store.add_document(ARTICLE, EXTRACTION, name="mine.txt"))
        await waiting.wait()
        release.set()
        won, lost = await win, await write
        assert won.created and not lost.created and lost.document_id == won.document_id
        assert len(await store.documents()) == 1
    finally:
        release.set()
        await store.close()
        await other.close()


async def test_a_locked_store_refuses_the_write_with_a_reason(tmp_path: Path) -> None:
    """Issue 12 item 5: a write that outwaits the busy timeout raises StoreWriteError naming the lock; nothing is kept."""
    path = tmp_path / "s.sqlite3"
    store = await Store.open(path)
    try:
        await give_up_on_locks_quickly(store)
        with sqlite3.connect(path, isolation_level=None) as holder:
            holder.execute("BEGIN IMMEDIATE")
            with pytest.raises(StoreWriteError, match="locked by another writer"):
                await store.add_document(ARTICLE, EXTRACTION, name="a.txt")
            holder.execute("ROLLBACK")
        assert (await store.add_document(ARTICLE, EXTRACTION, name="a.txt")).created
    finally:
        await store.close()


async def test_an_answer_reads_at_most_a_bounded_number_of_a_persons_statements(tmp_path: Path) -> None:
    """A source quoted thousands of times costs an answer no more than a few dozen statements (issue 15)."""
    store = await Store.open(tmp_path / "s.sqlite3")
    try:
        body = " ".join(f'"We will spend more in year {n}," Jan Kowalski said.' for n in range(80))
        article = read_article(f"Title: Many words\nDate: 2025-01-01\n\n{body}")
        await store.add_document(article, extract(article), name="many.txt")
        (person,) = [p for p in await store.people() if p.name == "Jan Kowalski"]
        assert person.statement_count == 80
        assert len(await store.statements_by(person.id)) == STATEMENTS_PER_ANSWER < 80
    finally:
        await store.close()


def _schema_of(path: Path) -> dict[str, object]:
    """Return a store file's schema as SQLite reports it: columns, indexes (with columns) and triggers."""
    with sqlite3.connect(path) as raw:
        names = [
            r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        ]
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        schema: dict[str, object] = {"names": sorted(names)}
        for table in tables:
            schema[table] = [tuple(r) for r in raw.execute(f"PRAGMA table_info('{table}')")]
            indexes = raw.execute(f"PRAGMA index_list('{table}')").fetchall()
            schema[f"{table} indexes"] = sorted(
                (bool(unique), tuple(r[2] for r in raw.execute(f"PRAGMA index_info('{name}')")))
                for _, name, unique, *_ in indexes
            )
    return schema


async def test_a_version_6_store_becomes_global_and_matches_a_new_one(tmp_path: Path) -> None:
    """Schema 7 (issue 13): existing documents become global, stay searchable, and the schema equals a new store's."""
    path = tmp_path / "s.sqlite3"
    store = await Store.open(path)
    await store.add_document(ARTICLE, EXTRACTION, name="a.txt")
    await store.close()
    with sqlite3.connect(path) as raw:
        raw.executescript(f"{_BEFORE_SCOPES} PRAGMA user_version = 6;")
    assert "scope" not in str(_schema_of(path)["documents"])  # really the old layout
    store = await Store.open(path)
    try:
        assert await store.schema_version() == SCHEMA_VERSION
        (document,) = await store.documents()
        assert document.scope == "global" and document.passages == 3
        assert len(await store.search('"poland"', 5)) == 1  # the full-text index was rebuilt with scopes
        assert [p.name for p in await store.people() if p.statement_count] == ["Anna Berg"]
        assert await store.documents(["123"]) == [] and await store.search('"poland"', 5, ["123"]) == []
        copy = await store.add_document(ARTICLE, EXTRACTION, name="a.txt", scope="123")  # one per scope
        assert copy.created and copy.document_id != document.document.id
    finally:
        await store.close()
    new = tmp_path / "new.sqlite3"
    await (await Store.open(new)).close()
    assert _schema_of(path) == _schema_of(new)
