"""Full-text search over passages, within the scopes a view reads."""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.models import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SearchHit,
    Source,
)
from knowledge.store.base import StoreBase
from knowledge.store.limits import SEARCH_CANDIDATES
from knowledge.store.rows import SOURCE_COLUMNS, marks, source_of
from knowledge.store.scopes import GLOBAL, scoped_match


class SearchReads(StoreBase):
    """Passages that match a query."""

    async def search(self, fts_query: str, limit: int, scopes: Sequence[str] = (GLOBAL,)) -> list[SearchHit]:
        """Return the passages best matching an FTS5 query (already escaped), by BM25.

        Two steps: rank inside FTS5 alone (no joins, no highlighting), then read and highlight
        only the top rows. Joining and highlighting every match before sorting cost half the
        time on a large store, where a common word matches tens of thousands of passages.

        When more than SEARCH_CANDIDATES passages match, only the most recently stored
        SEARCH_CANDIDATES of them are ranked: FTS5 scores every candidate (about 2 µs each), so
        a question matching 85,000 passages took 120 ms. BM25's word statistics still come from
        the whole store; only the candidates are limited, and for a news archive the newest
        coverage is the one to show when thousands of passages match equally well.

        Only the scopes' passages are searched: the query matches the text and section columns,
        and the scope column (weight 0) names the scopes.
        """
        fts_query = scoped_match(fts_query, scopes)
        ranked = await self._rows(
            """SELECT rowid, rank FROM passages_fts
                WHERE passages_fts MATCH ?1 AND rank MATCH 'bm25(1.0, 0.3, 0.0)'
                  AND rowid >= (SELECT coalesce(min(rowid), 0) FROM (
                        SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?1
                         ORDER BY rowid DESC LIMIT ?3))
                ORDER BY rank, rowid LIMIT ?2""",
            (fts_query, limit, SEARCH_CANDIDATES),
        )
        if not ranked:
            return []
        scores = {row["rowid"]: row["rank"] for row in ranked}
        marks = ", ".join("?" * len(scores))
        # MATERIALIZED: highlight the few rows inside FTS5 first, then join them (joining first
        # let SQLite walk the match per joined row, 5x slower on a large store).
        rows = await self._rows(
            f"""WITH marked AS MATERIALIZED (
                    SELECT rowid AS id, highlight(passages_fts, 0, ?, ?) AS highlighted
                      FROM passages_fts WHERE passages_fts MATCH ? AND rowid IN ({marks}))
                SELECT p.id AS p_id, marked.highlighted, {SOURCE_COLUMNS}
                  FROM marked
                  JOIN passages  AS p ON p.id = marked.id
                  JOIN documents AS d ON d.id = p.document_id""",
            (HIGHLIGHT_START, HIGHLIGHT_END, fts_query, *scores),
        )
        hits = {
            row["p_id"]: SearchHit(
                source=source_of(row), highlighted=row["highlighted"], score=scores[row["p_id"]]
            )
            for row in rows
        }
        return [hits[rowid] for rowid in scores if rowid in hits]

    async def match_counts(
        self, fts_queries: Sequence[str], cap: int, scopes: Sequence[str] = (GLOBAL,)
    ) -> list[int]:
        """Return how many passages of the scopes each FTS5 query matches, counting no further than cap."""
        if not fts_queries:
            return []
        fts_queries = [scoped_match(query, scopes) for query in fts_queries]
        counts = ", ".join(
            f"(SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ?{i} LIMIT {int(cap)}))"
            for i in range(1, len(fts_queries) + 1)
        )
        (row,) = await self._rows(f"SELECT {counts}", tuple(fts_queries))
        return [int(value) for value in row]

    async def appearances(
        self, person_id: int, scopes: Sequence[str] = (GLOBAL,)
    ) -> list[tuple[int, str | None, Source]]:
        """Return (event id, role, source) for every event of the scopes a person is expected at."""
        rows = await self._rows(
            f"""SELECT a.event_id, a.role, {SOURCE_COLUMNS}
                  FROM event_attendees AS a
                  JOIN passages AS p ON p.id = a.passage_id JOIN documents AS d ON d.id = p.document_id
                 WHERE a.person_id = ? AND p.scope IN ({marks(scopes)}) ORDER BY a.event_id, a.position""",
            (person_id, *scopes),
        )
        return [(row["event_id"], row["role"], source_of(row)) for row in rows]
