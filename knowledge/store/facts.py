"""Reading spending facts: a country's newest figures, every subject's, a document's."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from knowledge.models import (
    Figure,
    Metric,
)
from knowledge.store.base import StoreBase
from knowledge.store.rows import SOURCE_COLUMNS, figure_of
from knowledge.store.scopes import GLOBAL


class FactReads(StoreBase):
    """Spending figures and facts."""

    async def spending_figures(self, subject: str, per_metric: int, scope: str = GLOBAL) -> list[Figure]:
        """Return a subject's newest per_metric facts of each metric in a scope, newest year first, with sources."""
        # One LIMIT per metric, each walking the (scope, subject, metric, year) index from the newest
        # year: milliseconds however many thousand facts a subject has.
        newest = " UNION ALL ".join(
            "SELECT * FROM (SELECT id FROM spending_facts WHERE scope = ? AND subject = ? AND metric = ?"
            " ORDER BY year DESC, id DESC LIMIT ?)"
            for _ in Metric
        )
        params: list[Any] = [
            value for metric in Metric for value in (scope, subject, metric.value, per_metric)
        ]
        return await self._figures_by_ids(newest, params)

    async def latest_figures(self, scope: str = GLOBAL) -> dict[str, list[Figure]]:
        """Return, for every subject of a scope, its newest fact of each metric (for previews and coverage)."""
        subjects: dict[str, list[Figure]] = {}
        for _, _, figure in await self.newest_facts(scope):
            subjects.setdefault(figure.subject, []).append(figure)
        return subjects

    async def newest_facts(
        self, scope: str = GLOBAL, documents: Sequence[int] | None = None
    ) -> list[tuple[int, int, Figure]]:
        """Return each (subject, metric)'s newest fact in a scope (or among some of its documents) as (year, id, figure).

        Newest: the latest year (undated counts as 0), then the first stored (lowest id) of that
        year, so the newest over two sets of documents is the newest of their two newest.
        """
        if documents is None:
            # Each group's newest year from the (scope, subject, metric, year) index, then its first fact.
            newest = (
                "SELECT min(f.id) FROM (SELECT subject, metric, max(coalesce(year, 0)) AS y FROM spending_facts"
                " WHERE scope = ?1 GROUP BY subject, metric) AS m JOIN spending_facts AS f ON f.scope = ?1"
                " AND f.subject = m.subject AND f.metric = m.metric AND coalesce(f.year, 0) = m.y"
                " GROUP BY m.subject, m.metric"
            )
            params: list[Any] = [scope]
        else:
            # A few documents' facts, found by document (+scope: not through the scope's whole index).
            newest = (
                "SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY subject, metric"
                " ORDER BY coalesce(year, 0) DESC, id) AS r FROM spending_facts"
                " WHERE document_id IN (SELECT value FROM json_each(?2)) AND +scope = ?1) WHERE r = 1"
            )
            params = [scope, json.dumps(list(documents))]
        rows = await self._fact_rows(newest, params, "f.id")
        return [(row["year"] or 0, row["id"], figure_of(row)) for row in rows]

    async def fact_subjects(self, documents: Sequence[int]) -> set[str]:
        """Return the subjects the spending facts of these documents are about."""
        rows = await self._rows(
            "SELECT DISTINCT subject FROM spending_facts WHERE document_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(documents)),),
        )
        return {row[0] for row in rows}

    async def _figures_by_ids(self, ids_query: str, params: Sequence[Any]) -> list[Figure]:
        """Return the facts whose ids the subquery selects, with sources, newest year first."""
        order = "f.subject, f.year IS NULL, f.year DESC, d.published IS NULL, d.published DESC, d.id, p.position, f.id"
        return [figure_of(row) for row in await self._fact_rows(ids_query, params, order)]

    async def _fact_rows(self, ids_query: str, params: Sequence[Any], order: str) -> list[sqlite3.Row]:
        """Return the rows of the facts whose ids the subquery selects, with their sources' columns, in order."""
        return await self._rows(
            f"""
            SELECT f.*, {SOURCE_COLUMNS}
              FROM spending_facts AS f
              JOIN passages  AS p ON p.id = f.passage_id
              JOIN documents AS d ON d.id = f.document_id
             WHERE f.id IN ({ids_query})
             ORDER BY {order}
            """,
            params,
        )
