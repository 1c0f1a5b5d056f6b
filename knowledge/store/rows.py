"""Rows and models: each table's one column list (its INSERT, SELECT list and mapper), the source columns."""

from __future__ import annotations

import functools
import json
import operator
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from knowledge.models import (
    DocumentRef,
    Figure,
    FigureStatus,
    Metric,
    Source,
    StatementKind,
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
    return _parsed_time(value) if value else None


@functools.lru_cache(maxsize=4096)
def _parsed_time(value: str) -> TimeRef:
    """Return the TimeRef of a JSON text, parsed once: a store holds few distinct times, and TimeRef is frozen."""
    return TimeRef.model_validate_json(value)


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
    return Figure(**SPENDING.fields(row), source=source_of(row))


def utc_now() -> str:
    """Return the time now, UTC, ISO 8601 to the microsecond (so stamps order as times do)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def feed_of(row: sqlite3.Row) -> Feed:
    """Return the Feed of a feeds row."""
    return Feed(**{name: row[name] for name in row.keys()})  # noqa: SIM118 (iterating a Row gives values)


def marks(values: Sequence[Any]) -> str:
    """Return the placeholders for an IN list of values."""
    return ", ".join("?" * len(values))


# --- tables: one column list each, from which the INSERT, the SELECT list and the mapper come ---


def _same(value: Any) -> Any:
    """Return a value stored as it is read."""
    return value


def _enum_value(member: Enum | None) -> Any:
    """Return an enum member's stored value (None stays None)."""
    return member.value if member is not None else None


def _json_list(values: list[str]) -> str:
    """Return a list of strings as JSON, non-ASCII kept readable."""
    return json.dumps(values, ensure_ascii=False)


def _list_of_json(value: str | None) -> list[str]:
    """Return the list stored as JSON (none stored: empty)."""
    return list(json.loads(value)) if value else []


@dataclass(frozen=True, slots=True)
class Column:
    """One column: how a record's value is written to it and, if answers read it, read back.

    ``write`` takes the record; ``read`` turns the stored value into the model's field ``field``
    (the column's name unless given). A column with no ``read`` is written for indexes only.
    """

    name: str
    write: Callable[[Any], Any]
    read: Callable[[Any], Any] | None = _same
    field: str | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A table's columns, in one list: its INSERT statement, its SELECT list and its row mapper.

    ``keys`` are the columns the writer fills from where a record is stored (its document,
    passage, scope ...), not from the record itself.
    """

    name: str
    keys: tuple[str, ...]
    columns: tuple[Column, ...]

    def insert(self, verb: str = "INSERT") -> str:
        """Return the statement that inserts one row (keys first, then the columns)."""
        names = [*self.keys, *(c.name for c in self.columns)]
        return f"{verb} INTO {self.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"

    def values(self, record: Any, *keys: Any) -> tuple[Any, ...]:
        """Return the row of a record, its keys given in the order of ``keys``."""
        if len(keys) != len(self.keys):
            raise ValueError(f"{self.name} takes the keys {self.keys}, got {len(keys)} values")
        return (*keys, *(c.write(record) for c in self.columns))

    def selected(self, alias: str) -> str:
        """Return the SELECT list of the columns answers read, qualified by the table's alias."""
        return ", ".join(f"{alias}.{c.name}" for c in self.columns if c.read is not None)

    def fields(self, row: sqlite3.Row) -> dict[str, Any]:
        """Return the model fields a row holds, by field name.

        A row looked up by column name compares the name with each column's in turn; the
        positions of a query's columns are found once (keyed by its column names) and the row
        is read by position, which halves the cost of mapping an answer's rows.
        """
        names = tuple(row.keys())
        readers = _READERS.get((self.name, names))
        if readers is None:
            position = {name: i for i, name in enumerate(names)}
            readers = tuple(
                (c.field or c.name, position[c.name], c.read) for c in self.columns if c.read is not None
            )
            if len(_READERS) < MAX_QUERY_SHAPES:
                _READERS[(self.name, names)] = readers
        return {field: read(row[i]) for field, i, read in readers}


# The readers of each (table, query columns) seen: a handful of query shapes per table.
MAX_QUERY_SHAPES = 256
_READERS: dict[tuple[str, tuple[str, ...]], tuple[tuple[str, int, Callable[[Any], Any]], ...]] = {}


def _year(record: Any) -> int | None:
    """Return the year of a record's time (indexed for newest-first reads)."""
    return record.when.year if record.when else None


SPENDING = Table(
    "spending_facts",
    keys=("document_id", "passage_id", "scope"),
    columns=(
        Column("subject", lambda r: r.subject),
        Column("metric", lambda r: r.metric.value, Metric),
        Column("time_json", lambda r: time_json(r.when), time_ref, field="when"),
        Column("year", _year, read=None),
        Column("value", lambda r: r.value),
        Column("currency", lambda r: r.currency),
        Column("approximate", lambda r: int(r.approximate), bool),
        Column("target", lambda r: r.target),
        Column("total", lambda r: r.total),
        Column("as_written", lambda r: r.as_written),
        Column("equivalents", lambda r: _json_list(r.equivalents), _list_of_json),
        Column("status", lambda r: _enum_value(r.status), lambda v: FigureStatus(v) if v else None),
    ),
)

STATEMENTS = Table(
    "statements",
    keys=("document_id", "passage_id", "person_id", "scope"),
    columns=(
        Column("kind", lambda r: r.kind.value, StatementKind),
        Column("text", lambda r: r.text),
        Column("context", lambda r: r.context),
        Column("time_json", lambda r: time_json(r.when), time_ref, field="when"),
        Column("medium", lambda r: r.medium),
        Column("speaker_type", lambda r: r.speaker_type.value, read=None),  # read with the speaker
        Column("segments", lambda r: _json_list(r.segments) if r.segments else None, _list_of_json),
        Column("place", lambda r: r.place),
    ),
)

EVENTS = Table(
    "events",
    keys=("document_id", "scope"),
    columns=(
        Column("kind", lambda e: e.kind),
        Column("place", lambda e: e.place),
        Column("country", lambda e: e.country),
        Column("time_json", lambda e: time_json(e.when), time_ref, field="when"),
        Column("year", _year, read=None),
        Column("month", lambda e: e.when.month if e.when else None, read=None),
        Column("day", lambda e: e.when.day if e.when else None, read=None),
        Column("status", lambda e: _enum_value(e.status)),
    ),
)

PASSAGES = Table(
    "passages",
    keys=("document_id", "scope"),
    columns=tuple(
        Column(name, operator.attrgetter(name))
        for name in ("position", "start", "end", "paragraph", "section", "text")
    ),
)
