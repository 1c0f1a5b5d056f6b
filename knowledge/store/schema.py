"""The schema: numbered migrations in ``migrations/``, the only path to every version.

``migrations/NNNN_name.sql`` takes a store from schema NNNN - 1 to NNNN; a new store is every
migration applied in order from an empty file, an older one the migrations after its version. So
a fresh store and an upgraded one are made by the same statements, and a change to the schema is
one new file. The version is recorded with ``PRAGMA user_version``; ``PRAGMA application_id``
marks the file as briefbot's.
"""

from __future__ import annotations

import re
import sqlite3
from importlib import resources

# PRAGMA application_id marks a file as a briefbot store ("brfb"), so another program's SQLite
# file given by mistake is refused instead of getting briefbot's tables written into it.
APPLICATION_ID = int.from_bytes(b"brfb", "big")

_NAME = re.compile(r"(\d{4})_\w+\.sql")


def _load() -> dict[int, str]:
    """Return each migration's SQL by the schema version it makes, checking they run 1, 2, 3 ..."""
    found: dict[int, str] = {}
    for entry in resources.files(__package__).joinpath("migrations").iterdir():
        match = _NAME.fullmatch(entry.name)
        if match:
            found[int(match.group(1))] = entry.read_text(encoding="utf-8")
    if sorted(found) != list(range(1, len(found) + 1)):
        raise RuntimeError(f"the store's migrations are not numbered 1 to {len(found)}: {sorted(found)}")
    return found


MIGRATIONS = _load()
SCHEMA_VERSION = max(MIGRATIONS)


def split_statements(script: str) -> list[str]:
    """Return the SQL statements of a script, triggers (with their inner semicolons) whole."""
    statements, pending = [], ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    return [s for s in statements if s != ";"]


def steps(version: int) -> list[str]:
    """Return the statements that take a store from schema version (0: an empty file) to the current one."""
    return [
        statement
        for n in range(version + 1, SCHEMA_VERSION + 1)
        for statement in split_statements(MIGRATIONS[n])
    ]


def _tables() -> list[str]:
    """Return the tables of the current schema, in the order they are made (for checking a file)."""
    with sqlite3.connect(":memory:") as db:
        for statement in steps(0):
            db.execute(statement)
        rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid").fetchall()
    db.close()
    # The full-text index's own shadow tables come and go with it.
    return [name for (name,) in rows if not name.startswith(("passages_fts_", "sqlite_"))]


TABLES = _tables()
