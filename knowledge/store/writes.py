"""Writing a document and everything read from it, in one transaction on the writer's thread."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from knowledge.models import (
    Article,
    EventRecord,
    Extraction,
    SpendingRecord,
    StatementRecord,
)
from knowledge.store.base import StoreBase
from knowledge.store.records import AddResult, write_failure
from knowledge.store.rows import EVENTS, PASSAGES, SPENDING, STATEMENTS
from knowledge.store.scopes import GLOBAL, normalize_key


class Writes(StoreBase):
    """Adding, replacing and removing documents."""

    async def has_document(self, sha256: str, scopes: Sequence[str] = (GLOBAL,)) -> int | None:
        """Return the id of the document with this content hash in one of the scopes, if stored."""
        marks = ", ".join("?" * len(scopes))
        value = await self._scalar(
            f"SELECT id FROM documents WHERE scope IN ({marks}) AND sha256 = ? ORDER BY id LIMIT 1",
            (*scopes, sha256),
        )
        return None if value is None else int(value)

    async def add_document(
        self,
        article: Article,
        extraction: Extraction,
        *,
        name: str | None,
        scope: str = GLOBAL,
        replaces: int | None = None,
    ) -> AddResult:
        """Store a document and everything extracted from it in one transaction, in a scope.

        ``replaces`` names an earlier version of the article, removed in the same transaction.
        Raise StoreWriteError, with nothing of the document kept, when SQLite refuses the write.
        """
        try:
            result = await self._writer.run(write_document, article, extraction, name, scope, replaces)
        except sqlite3.OperationalError as exc:  # locked, full, read-only, I/O: the file's state, not ours
            raise write_failure(exc) from exc
        assert result is not None  # only a replacement can miss its document
        if result.created:
            self._committed()
        return result

    async def remove_document(self, document_id: int, scope: str | None = None) -> bool:
        """Remove a document and everything read from it in one transaction; return whether it existed.

        Passages (and their search index), spending facts, statements, events and roles go with
        the document (the schema's ON DELETE CASCADE); people left with nothing to their name go
        too, so no answer, autocomplete or suggestion still knows them. Answers follow at once:
        the write moves the store's data version. With ``scope``, only a document of that scope is
        removed (a server's admin removes the server's own documents, not global ones). Raise
        StoreWriteError when SQLite refuses it.
        """
        try:
            existed = await self._writer.run(remove_rows, document_id, scope)
        except sqlite3.OperationalError as exc:
            raise write_failure(exc) from exc
        if existed:
            self._committed()
        return existed

    async def replace_document(
        self, document_id: int, article: Article, extraction: Extraction, *, name: str | None
    ) -> AddResult | None:
        """Swap a document for a corrected version under the same id, in one transaction.

        Return None when there is no such document, AddResult(id, created=False) with nothing
        changed when the new text is already stored (as this document or another one), and
        AddResult(document_id, created=True) once the new version replaced the old one.
        """
        try:
            result = await self._writer.run(
                write_document, article, extraction, name, GLOBAL, document_id, True
            )
        except sqlite3.OperationalError as exc:
            raise write_failure(exc) from exc
        if result is not None and result.created:
            self._committed()
        return result


DOCUMENT_BY_SHA = "SELECT id FROM documents WHERE scope = ? AND sha256 = ?"

# Full-text search over passages. Each passage's scope is an indexed column too, so a search

# --- writing (synchronous, on the database thread) -------------------------------------------


def write_document(
    db: sqlite3.Connection,
    article: Article,
    extraction: Extraction,
    name: str | None,
    scope: str,
    replaces: int | None = None,
    keep_id: bool = False,
) -> AddResult | None:
    """Store a document and its records in one transaction, unless its content is already stored.

    ``replaces``: the id of an earlier version of the same article (same URL, or a corrected
    file), deleted with everything read from it in the same transaction, so no moment shows both
    or neither. With ``keep_id`` the new version takes the old one's id and scope (``scope`` is
    then ignored), and None is returned when there is no such document.
    """
    # One transaction per document: a crash or error leaves no half-stored document. The content
    # check is inside it, so a second writer storing the same file at the same moment finds the
    # first one's document instead of failing on the UNIQUE sha256.
    db.execute("BEGIN IMMEDIATE")
    try:
        if keep_id:
            row = db.execute("SELECT scope FROM documents WHERE id = ?", (replaces,)).fetchone()
            if row is None:
                db.rollback()
                return None
            scope = row[0]
        found = db.execute(DOCUMENT_BY_SHA, (scope, article.sha256)).fetchone()
        if found is not None:
            db.rollback()
            return AddResult(int(found[0]), created=False)
        if replaces is not None:
            _delete_document(db, replaces)
        document_id = _insert_document(db, article, name, scope, replaces if keep_id else None)
        passage_ids = _insert_passages(db, document_id, article, scope)
        people = _insert_people(db, document_id, extraction, passage_ids, scope)
        _insert_spending(db, document_id, extraction.spending, passage_ids, scope)
        _insert_statements(db, document_id, extraction.statements, passage_ids, people, scope)
        introduced = {p.name: people[p.name] for p in extraction.people}  # attendees link to these
        _insert_events(db, document_id, extraction.events, passage_ids, introduced, scope)
        if replaces is not None:
            _delete_unlinked_people(db)
        db.commit()  # inside the try: a commit refused (disk full) must not leave the transaction open
    except BaseException:
        db.rollback()
        raise
    return AddResult(document_id, created=True)


def remove_rows(db: sqlite3.Connection, document_id: int, scope: str | None) -> bool:
    """Delete a document (of scope, if given), its records and the people only it named, in one transaction; return whether it existed."""
    db.execute("BEGIN IMMEDIATE")
    try:
        in_scope = (
            scope is None
            or db.execute(
                "SELECT 1 FROM documents WHERE id = ? AND scope = ?", (document_id, scope)
            ).fetchone()
        )
        existed = bool(in_scope) and _delete_document(db, document_id)
        if existed:
            _delete_unlinked_people(db)
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return existed


def _delete_document(db: sqlite3.Connection, document_id: int) -> bool:
    """Delete a document row (its records cascade); return whether there was one."""
    return db.execute("DELETE FROM documents WHERE id = ?", (document_id,)).rowcount > 0


def _delete_unlinked_people(db: sqlite3.Connection) -> None:
    """Delete the people no statement, role or attendance names any more (their aliases cascade)."""
    db.execute(
        """
        DELETE FROM people
         WHERE NOT EXISTS (SELECT 1 FROM statements      WHERE person_id = people.id)
           AND NOT EXISTS (SELECT 1 FROM person_roles    WHERE person_id = people.id)
           AND NOT EXISTS (SELECT 1 FROM event_attendees WHERE person_id = people.id)
        """
    )


def _insert_document(
    db: sqlite3.Connection, article: Article, name: str | None, scope: str, document_id: int | None
) -> int:
    """Insert the document row (under document_id, else a new id) and return its id."""
    meta = article.meta
    cursor = db.execute(
        "INSERT INTO documents (id, sha256, name, title, outlet, url, published, body, ingested_at, scope)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            document_id,
            article.sha256,
            name,
            meta.title,
            meta.outlet,
            meta.url,
            meta.published.iso() if meta.published else None,
            article.body,
            datetime.now(UTC).isoformat(timespec="seconds"),
            scope,
        ),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _insert_passages(
    db: sqlite3.Connection, document_id: int, article: Article, scope: str
) -> dict[int, int]:
    """Insert the passages and return their ids by position."""
    db.executemany(PASSAGES.insert(), [PASSAGES.values(p, document_id, scope) for p in article.passages])
    rows = db.execute("SELECT position, id FROM passages WHERE document_id = ?", (document_id,))
    return {row["position"]: row["id"] for row in rows}


def _insert_people(
    db: sqlite3.Connection, document_id: int, extraction: Extraction, passage_ids: dict[int, int], scope: str
) -> dict[str, int]:
    """Insert or reuse the document's people (and speakers) and return their ids by name.

    A person is one row per normalized name: the first spelling stored is kept, and the
    full name and the surname are aliases that find them.
    """
    names = list(
        dict.fromkeys([*(p.name for p in extraction.people), *(s.speaker for s in extraction.statements)])
    )
    keys = {name: normalize_key(name) for name in names}
    db.executemany(
        "INSERT OR IGNORE INTO people (name, key) VALUES (?, ?)", [(name, keys[name]) for name in names]
    )
    unique = list(dict.fromkeys(keys.values()))
    if not unique:
        return {}
    rows = db.execute(f"SELECT key, id FROM people WHERE key IN ({', '.join('?' * len(unique))})", unique)
    ids_by_key = {row["key"]: row["id"] for row in rows}
    ids = {name: ids_by_key[keys[name]] for name in names}
    aliases = {
        (alias, ids[name])
        for name in names
        for alias in (keys[name], normalize_key(name.split()[-1]))  # the surname finds the person too
        if alias
    }
    db.executemany("INSERT OR IGNORE INTO person_aliases (alias, person_id) VALUES (?, ?)", sorted(aliases))
    db.executemany(
        "INSERT OR IGNORE INTO scope_people (scope, person_id) VALUES (?, ?)",
        [(scope, person_id) for person_id in sorted(set(ids.values()))],
    )
    db.executemany(
        "INSERT OR IGNORE INTO person_roles (person_id, document_id, passage_id, role, scope)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (ids[person.name], document_id, passage_ids[person.passage], person.role, scope)
            for person in extraction.people
            if person.role
        ],
    )
    return ids


def _insert_spending(
    db: sqlite3.Connection,
    document_id: int,
    records: Iterable[SpendingRecord],
    passage_ids: dict[int, int],
    scope: str,
) -> None:
    """Insert the document's spending facts."""
    db.executemany(
        SPENDING.insert(),
        [SPENDING.values(r, document_id, passage_ids[r.passage], scope) for r in records],
    )


def _insert_statements(
    db: sqlite3.Connection,
    document_id: int,
    records: Iterable[StatementRecord],
    passage_ids: dict[int, int],
    people: dict[str, int],
    scope: str,
) -> None:
    """Insert the document's statements (every speaker is among people: see _insert_people)."""
    db.executemany(
        STATEMENTS.insert(),
        [
            STATEMENTS.values(r, document_id, passage_ids[r.passage], people[r.speaker], scope)
            for r in records
        ],
    )


def _insert_events(
    db: sqlite3.Connection,
    document_id: int,
    records: Iterable[EventRecord],
    passage_ids: dict[int, int],
    people: dict[str, int],
    scope: str,
) -> None:
    """Insert the document's events with attendees, agenda and passages."""
    for event in records:
        cursor = db.execute(EVENTS.insert(), EVENTS.values(event, document_id, scope))
        event_id = cursor.lastrowid
        db.executemany(
            "INSERT INTO event_attendees (event_id, position, name, person_id, role, passage_id)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    event_id,
                    i,
                    a.name,
                    people.get(a.name) if a.is_person else None,
                    a.role,
                    passage_ids[a.passage],
                )
                for i, a in enumerate(event.attendees)
            ],
        )
        db.executemany(
            "INSERT INTO event_agenda (event_id, position, text, passage_id) VALUES (?, ?, ?, ?)",
            [(event_id, i, item.text, passage_ids[item.passage]) for i, item in enumerate(event.agenda)],
        )
        db.executemany(
            "INSERT OR IGNORE INTO event_passages (event_id, passage_id) VALUES (?, ?)",
            [(event_id, passage_ids[p]) for p in event.passages],
        )
