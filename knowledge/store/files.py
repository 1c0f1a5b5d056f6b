"""Store files as files: where the default store lives, a read-only count, a checked backup."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from knowledge.store.records import StoreError


def document_count(path: Path) -> int:
    """Return how many documents the store file at path holds, read without writing; raise sqlite3.Error."""
    with contextlib.closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)) as db:
        return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])


def backup_file(source: Path, target: Path) -> int:
    """Copy a store to target through a temporary file, check the copy, and return its document count.

    The copy is SQLite's online backup (page by page, each step a consistent snapshot, writers not
    blocked long); it must pass ``integrity_check`` and then appears whole or not at all.
    """
    partial = target.with_name(target.name + ".partial")
    try:
        with (
            contextlib.closing(sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)) as db,
            contextlib.closing(sqlite3.connect(partial)) as copy,
        ):
            db.execute("SELECT count(*) FROM documents")  # a briefbot store, not any file
            db.backup(copy)
            verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
            documents = int(copy.execute("SELECT count(*) FROM documents").fetchone()[0])
        if verdict != "ok":
            raise StoreError(f"the copy failed its integrity check ({verdict}); the store may be damaged")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return documents


def default_store_path() -> Path:
    """Return the store's default location in the user's data directory."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "briefbot" / "briefbot.sqlite3"
