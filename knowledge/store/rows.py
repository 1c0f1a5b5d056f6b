"""Rows into models: the columns a source is read from and the mappers from rows to models."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from knowledge.models import (
    DocumentRef,
    Figure,
    FigureStatus,
    Metric,
    Source,
    TimeRef,
)
from knowledge.store.records import Feed

# Columns that, joined with passages and documents, make a Source.
SOURCE_COLUMNS = """
    p.text AS p_text, p.section AS p_section, p.position AS p_position,
    d.id AS d_id, d.title AS d_title, d.outlet AS d_outlet, d.url AS d_url, d.published AS d_published
"""


def time_json(when: TimeRef | None) -> str | None:
    """Return a TimeRef as JSON for storage."""
    return when.model_dump_json(exclude_none=True) if when else None


def time_ref(value: str | None) -> TimeRef | None:
    """Return the TimeRef stored as JSON."""
    return TimeRef.model_validate_json(value) if value else None


def document_ref(row: sqlite3.Row, prefix: str = "d_") -> DocumentRef:
    """Return the DocumentRef in a row's document columns (named with prefix)."""
    return DocumentRef(
        id=row[f"{prefix}id"],
        title=row[f"{prefix}title"],
        outlet=row[f"{prefix}outlet"],
        url=row[f"{prefix}url"],
        published=row[f"{prefix}published"],
    )


def source_of(row: sqlite3.Row) -> Source:
    """Return the Source built from the SOURCE_COLUMNS of a row."""
    return Source(
        document=document_ref(row),
        passage=row["p_text"],
        section=row["p_section"],
        position=row["p_position"],
    )


def figure_of(row: sqlite3.Row) -> Figure:
    """Return the Figure for a spending_facts row joined with its source."""
    return Figure(
        subject=row["subject"],
        metric=Metric(row["metric"]),
        when=time_ref(row["time_json"]),
        value=row["value"],
        currency=row["currency"],
        approximate=bool(row["approximate"]),
        target=row["target"],
        total=row["total"],
        as_written=row["as_written"],
        equivalents=json.loads(row["equivalents"]),
        status=FigureStatus(row["status"]) if row["status"] else None,
        source=source_of(row),
    )


def utc_now() -> str:
    """Return the time now, UTC, ISO 8601 to the microsecond (so stamps order as times do)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def feed_of(row: sqlite3.Row) -> Feed:
    """Return the Feed of a feeds row."""
    return Feed(**{name: row[name] for name in row.keys()})  # noqa: SIM118 (iterating a Row gives values)


def marks(values: Sequence[Any]) -> str:
    """Return the placeholders for an IN list of values."""
    return ", ".join("?" * len(values))
