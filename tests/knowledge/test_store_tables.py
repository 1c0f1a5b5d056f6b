"""Each table's one column list (knowledge.store.rows) covers the table the migrations make, no more."""

from __future__ import annotations

import sqlite3

import pytest

from knowledge.store.rows import EVENTS, PASSAGES, SPENDING, STATEMENTS, Table
from knowledge.store.schema import steps


@pytest.fixture(scope="module")
def schema() -> sqlite3.Connection:
    """Return an in-memory database with every migration applied."""
    db = sqlite3.connect(":memory:")
    for statement in steps(0):
        db.execute(statement)
    return db


@pytest.mark.parametrize("table", [SPENDING, STATEMENTS, EVENTS, PASSAGES], ids=lambda t: t.name)
def test_a_tables_column_list_is_every_column_but_its_id(schema: sqlite3.Connection, table: Table) -> None:
    """A column the list lacks would be left at its default by every insert, silently."""
    columns = {row[1] for row in schema.execute(f"PRAGMA table_info({table.name})")}
    listed = [*table.keys, *(c.name for c in table.columns)]
    assert len(listed) == len(set(listed))
    assert set(listed) == columns - {"id"}


def test_a_row_needs_every_key() -> None:
    """A writer that forgets a key (the scope, say) is stopped, not given a shifted row."""
    with pytest.raises(ValueError, match="keys"):
        SPENDING.values(object(), 1, 2)
