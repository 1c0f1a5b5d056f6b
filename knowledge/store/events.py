"""Reading events (summits, meetings) with their attendees, agenda and sources."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from knowledge.models import (
    AgendaItem,
    Attendee,
)
from knowledge.store.base import StoreBase
from knowledge.store.records import EventKey, StoredEvent
from knowledge.store.rows import EVENTS, SOURCE_COLUMNS, document_ref, source_of, time_ref
from knowledge.store.scopes import GLOBAL


class EventReads(StoreBase):
    """Events and their parts."""

    async def event_index(
        self, scope: str = GLOBAL, documents: Sequence[int] | None = None
    ) -> list[EventKey]:
        """Return the key of every event of a scope (or of some of its documents), earliest first."""
        among = "" if documents is None else " AND e.document_id IN (SELECT value FROM json_each(?))"
        params: list[Any] = [scope] if documents is None else [scope, json.dumps(list(documents))]
        rows = await self._rows(
            f"""SELECT e.id, e.kind, e.place, e.country, e.time_json, e.status, d.published
                 FROM events AS e JOIN documents AS d ON d.id = e.document_id
                WHERE e.scope = ?{among}
                ORDER BY e.year IS NULL, e.year, e.month, e.day, e.id""",
            params,
        )
        return [EventKey(row[0], row[1], row[2], row[3], time_ref(row[4]), row[5], row[6]) for row in rows]

    async def events_by_ids(self, ids: Sequence[int]) -> list[StoredEvent]:
        """Return the events with these ids, with attendees, agenda and sources (four queries)."""
        marks = ", ".join("?" * len(ids))
        rows = await self._rows(
            f"""
            SELECT e.id, {EVENTS.selected("e")}, d.id AS d_id, d.title AS d_title, d.outlet AS d_outlet, d.url AS d_url,
                   d.published AS d_published
              FROM events AS e JOIN documents AS d ON d.id = e.document_id
             WHERE e.id IN ({marks})
             ORDER BY e.year IS NULL, e.year, e.month, e.day, e.id
            """,
            ids,
        )
        attendees = await self._event_parts(
            "event_attendees", "a.name, a.person_id, a.role", "a.position", ids
        )
        agenda = await self._event_parts("event_agenda", "a.text", "a.position", ids)
        passages = await self._event_parts("event_passages", "NULL AS unused", "p.position", ids)
        return [
            StoredEvent(
                id=row["id"],
                **EVENTS.fields(row),
                published=row["d_published"],
                document=document_ref(row),
                attendees=[
                    Attendee(
                        name=a["name"],
                        is_person=a["person_id"] is not None,
                        role=a["role"],
                        source=source_of(a),
                    )
                    for a in attendees.get(row["id"], [])
                ],
                agenda=[AgendaItem(text=g["text"], source=source_of(g)) for g in agenda.get(row["id"], [])],
                sources=[source_of(p) for p in passages.get(row["id"], [])],
            )
            for row in rows
        ]

    async def _event_parts(
        self, table: str, columns: str, order: str, ids: Sequence[int]
    ) -> dict[int, list[sqlite3.Row]]:
        """Return the rows of an event part table (with their sources), grouped by event id."""
        marks = ", ".join("?" * len(ids))
        rows = await self._rows(
            f"""SELECT a.event_id, {columns}, {SOURCE_COLUMNS}
                  FROM {table} AS a
                  JOIN passages  AS p ON p.id = a.passage_id
                  JOIN documents AS d ON d.id = p.document_id
                 WHERE a.event_id IN ({marks})
                 ORDER BY a.event_id, {order}""",
            ids,
        )
        grouped: dict[int, list[sqlite3.Row]] = {}
        for row in rows:
            grouped.setdefault(row["event_id"], []).append(row)
        return grouped

    async def event_ids_of(self, document_id: int) -> list[int]:
        """Return the ids of the events read from a document."""
        return [
            row[0] for row in await self._rows("SELECT id FROM events WHERE document_id = ?", (document_id,))
        ]
