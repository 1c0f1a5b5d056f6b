"""Reading documents: lists, summaries, titles, passages, the document log."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from knowledge.models import (
    DocumentSummary,
    Source,
)
from knowledge.store.base import StoreBase
from knowledge.store.limits import DOCUMENTS_PER_LIST, PASSAGES_PER_BRIEF, TITLE_WINDOW
from knowledge.store.rows import SOURCE_COLUMNS, document_ref, marks, source_of
from knowledge.store.scopes import GLOBAL


class DocumentReads(StoreBase):
    """The documents of the scopes a view reads."""

    async def documents(
        self, scopes: Sequence[str] = (GLOBAL,), limit: int = DOCUMENTS_PER_LIST
    ) -> list[DocumentSummary]:
        """Return the newest limit documents of the scopes with their counts, newest publication first."""
        # Each scope's newest documents walk its (scope, published) index and stop at limit; only
        # the page found is read and counted, however many documents the store holds.
        newest = " UNION ALL ".join(
            "SELECT * FROM (SELECT id FROM documents WHERE scope = ? ORDER BY published DESC, id LIMIT ?)"
            for _ in scopes
        )
        return await self._summaries(newest, [v for scope in scopes for v in (scope, limit)], limit)

    async def document_count(self, scopes: Sequence[str] = (GLOBAL,)) -> int:
        """Return how many documents the scopes hold (counted in the scope index, not the rows)."""
        return int(
            await self._scalar(f"SELECT count(*) FROM documents WHERE scope IN ({marks(scopes)})", scopes)
        )

    async def document(self, document_id: int, scopes: Sequence[str] = (GLOBAL,)) -> DocumentSummary | None:
        """Return the document with this id if one of the scopes holds it, with its counts."""
        found = await self._summaries(
            f"SELECT id FROM documents WHERE id = ? AND scope IN ({marks(scopes)})",
            [document_id, *scopes],
            1,
        )
        return found[0] if found else None

    async def documents_titled(
        self, text: str, scopes: Sequence[str] = (GLOBAL,), limit: int = DOCUMENTS_PER_LIST
    ) -> list[DocumentSummary]:
        """Return the newest limit documents among the scopes' newest TITLE_WINDOW whose title contains text.

        Case-insensitive for ASCII letters (SQLite's LIKE). Only the newest TITLE_WINDOW documents of
        each scope are looked at, so a keystroke of autocomplete reads a bounded number of rows at
        any store size; an older document is still found by its number (``document``).
        """
        pattern = "%" + re.sub(r"([\\%_])", r"\\\1", text) + "%"
        # Per scope: walk its newest TITLE_WINDOW documents in order and stop at the limit-th match
        # (a common word stops after a few dozen rows; no match reads the whole window).
        matching = " UNION ALL ".join(
            "SELECT * FROM (SELECT id FROM (SELECT id, title FROM documents WHERE scope = ?"
            " ORDER BY published DESC, id LIMIT ?) WHERE title LIKE ? ESCAPE '\\' LIMIT ?)"
            for _ in scopes
        )
        params = [v for scope in scopes for v in (scope, TITLE_WINDOW, pattern, limit)]
        return await self._summaries(matching, params, limit)

    async def document_titles(self, scopes: Sequence[str] = (GLOBAL,)) -> list[tuple[int, str | None]]:
        """Return (id, title) of each scope's newest TITLE_WINDOW documents, newest first (for fuzzy matching)."""
        rows = await self._rows(
            f"""SELECT id, title FROM documents WHERE scope IN ({marks(scopes)})
                 ORDER BY published DESC, id LIMIT ?""",
            (*scopes, TITLE_WINDOW * len(scopes)),
        )
        return [(row[0], row[1]) for row in rows]

    async def _summaries(self, ids_query: str, params: Sequence[Any], limit: int) -> list[DocumentSummary]:
        """Return the documents whose ids the subquery selects (at most limit), with counts, newest first."""
        # Four counts per document, each over an index that starts with document_id (no row is
        # read): bounded by limit, so a page of 25 costs 100 index range counts, not a table scan.
        rows = await self._rows(
            f"""
            SELECT d.id, d.title, d.outlet, d.url, d.published, d.scope,
                   (SELECT count(*) FROM passages WHERE document_id = d.id)       AS passages,
                   (SELECT count(*) FROM spending_facts WHERE document_id = d.id) AS spending,
                   (SELECT count(*) FROM statements WHERE document_id = d.id)     AS statements,
                   (SELECT count(*) FROM events WHERE document_id = d.id)         AS events
              FROM documents AS d
             WHERE d.id IN ({ids_query})
             ORDER BY d.published DESC, d.id
             LIMIT ?
            """,
            (*params, limit),
        )
        return [
            DocumentSummary(
                document=document_ref(row, prefix=""),
                passages=row["passages"],
                spending_facts=row["spending"],
                statements=row["statements"],
                events=row["events"],
                scope=row["scope"],
            )
            for row in rows
        ]

    async def passages_with_weight(self, document_id: int) -> list[tuple[Source, int]]:
        """Return a document's passages in order, each with how many records were read from it."""
        # The document's records are grouped by passage once (each table read through an index that
        # starts with the document or its events), then joined to the passages: a 3,000-passage
        # document used to cost four scans of the fact tables per passage.
        rows = await self._rows(
            f"""
            WITH weights AS MATERIALIZED (
                SELECT passage_id, count(*) AS n FROM (
                    SELECT passage_id FROM spending_facts WHERE document_id = ?1
                    UNION ALL SELECT passage_id FROM statements WHERE document_id = ?1
                    UNION ALL SELECT a.passage_id FROM events AS e
                              JOIN event_agenda AS a ON a.event_id = e.id WHERE e.document_id = ?1
                    UNION ALL SELECT a.passage_id FROM events AS e
                              JOIN event_attendees AS a ON a.event_id = e.id WHERE e.document_id = ?1)
                 GROUP BY passage_id)
            SELECT {SOURCE_COLUMNS}, coalesce(w.n, 0) AS weight
              FROM passages AS p JOIN documents AS d ON d.id = p.document_id
              LEFT JOIN weights AS w ON w.passage_id = p.id
             WHERE p.document_id = ?1
             ORDER BY p.position
             LIMIT ?2
            """,
            (document_id, PASSAGES_PER_BRIEF),
        )
        return [(source_of(row), row["weight"]) for row in rows]

    async def document_bodies(self) -> list[tuple[int, str]]:
        """Return (id, body) of every document."""
        return [(row[0], row[1]) for row in await self._rows("SELECT id, body FROM documents ORDER BY id")]

    async def passage_spans(self, document_id: int) -> list[tuple[int, int, str]]:
        """Return (start, end, text) of a document's passages, in order."""
        rows = await self._rows(
            "SELECT start, end, text FROM passages WHERE document_id = ? ORDER BY position", (document_id,)
        )
        return [(row[0], row[1], row[2]) for row in rows]

    async def document_log(self, after: int | None) -> tuple[int, list[tuple[int, str, bool]]]:
        """Return the document log's last position and, after position ``after``, its entries.

        Each entry is (document id, scope, added): True when the document was stored, False when
        it was removed (a replacement under the same id is both). With ``after`` None only the
        position is read (a reader about to load everything).
        """
        if after is None:
            return int(await self._scalar("SELECT coalesce(max(seq), 0) FROM document_log")), []
        rows = await self._rows(
            "SELECT seq, document_id, scope, added FROM document_log WHERE seq > ? ORDER BY seq", (after,)
        )
        return (rows[-1][0] if rows else after), [(row[1], row[2], bool(row[3])) for row in rows]

    async def document_by_url(self, url: str, scope: str = GLOBAL) -> tuple[int, str] | None:
        """Return (id, sha256) of the newest document of a scope stored from url, if any."""
        rows = await self._rows(
            "SELECT id, sha256 FROM documents WHERE url = ? AND scope = ? ORDER BY id DESC LIMIT 1",
            (url, scope),
        )
        return (rows[0][0], rows[0][1]) if rows else None
