"""The feed tables: schema 8 by creation and by migration, scopes of feeds and changes, delivery marks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from knowledge.ingest import open_store
from knowledge.store import SCHEMA_VERSION, Store

FEED_TABLES = ("feeds", "feed_items", "changes", "feed_channels")


def schema_of(path: Path) -> list[tuple[str, str]]:
    """Return every table's and index's SQL, normalized (IF NOT EXISTS aside), by name."""
    with sqlite3.connect(path) as raw:
        rows = raw.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()
    return [(name, " ".join(sql.replace("IF NOT EXISTS ", "").split())) for name, sql in rows]


async def test_a_version_7_store_migrates_to_the_schema_a_new_store_gets(tmp_path: Path) -> None:
    """Dropping the feed tables (and schema 9's document log) and marking the file as version 7, then opening it, gives the new store's schema."""
    fresh, old = tmp_path / "fresh.sqlite3", tmp_path / "old.sqlite3"
    for path in (fresh, old):
        await (await Store.open(path)).close()
    with sqlite3.connect(old) as raw:
        raw.executescript(
            "".join(f"DROP TABLE {t};" for t in FEED_TABLES)
            + "DROP INDEX documents_by_url; DROP TRIGGER documents_logged_ai; DROP TRIGGER documents_logged_ad;"
            + "DROP TABLE document_log; PRAGMA user_version = 7;"
        )
    assert not {t for (t, _) in schema_of(old)} & set(FEED_TABLES)

    store = await Store.open(old)
    try:
        assert await store.schema_version() == SCHEMA_VERSION == 9
    finally:
        await store.close()
    assert schema_of(old) == schema_of(fresh)


async def test_feeds_are_one_per_url_and_scope(tmp_path: Path) -> None:
    """The same URL is one feed per scope: again in the same scope is not new; another server gets its own."""
    store = await Store.open(tmp_path / "s.sqlite3")
    try:
        first, created = await store.add_feed("https://news.example/feed.xml", None)
        again, created_again = await store.add_feed("https://news.example/feed.xml", None)
        other, created_other = await store.add_feed("https://news.example/feed.xml", 42)
        assert (created, created_again, created_other) == (True, False, True)
        assert again.id == first.id != other.id
        assert [f.id for f in await store.feeds(42)] == [other.id]
        assert [f.id for f in await store.feeds(None)] == [first.id]
        assert not await store.remove_feed(first.id, 42)  # not that server's feed
        assert await store.remove_feed(first.id, None)
        assert [f.id for f in await store.feeds(every=True)] == [other.id]
    finally:
        await store.close()


async def test_a_server_sees_global_changes_and_its_own_only(tmp_path: Path) -> None:
    """Changes of one server's feeds never reach another server; the operator's reach every server."""
    store = await open_store(tmp_path / "s.sqlite3")  # document 1: the seed
    try:
        everyone = await store.add_change(1, None, '"global"')
        mine = await store.add_change(1, 42, '"for 42"')
        theirs = await store.add_change(1, 7, '"for 7"')
        assert [c.id for c in await store.changes(42)] == [everyone, mine]
        assert [c.id for c in await store.changes(7)] == [everyone, theirs]
        assert [c.id for c in await store.changes(None)] == [everyone]
        assert [c.id for c in await store.changes(42, after_id=everyone)] == [mine]
    finally:
        await store.close()


async def test_a_channel_chosen_gets_only_later_changes(tmp_path: Path) -> None:
    """Choosing a channel marks every earlier change as delivered; delivery marks only move forward."""
    store = await open_store(tmp_path / "s.sqlite3")
    try:
        earlier = await store.add_change(1, None, '"before"')
        await store.set_feed_channel(42, 1000)
        assert await store.feed_channels() == [(42, 1000, earlier)]
        later = await store.add_change(1, None, '"after"')
        await store.set_feed_channel(42, 2000)  # another channel: the mark stays
        await store.mark_delivered(42, later)
        await store.mark_delivered(42, earlier)
        assert await store.feed_channels() == [(42, 2000, later)]
    finally:
        await store.close()
