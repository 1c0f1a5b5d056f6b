"""Feeds followed, the items seen in each, and the changes stored articles made."""

from __future__ import annotations

from typing import Any

from knowledge.store.base import StoreBase
from knowledge.store.records import FEED_STATE_FIELDS, Feed, SeenItem, StoredChange
from knowledge.store.rows import feed_of, utc_now


class FeedStore(StoreBase):
    """Feeds, their items and the changes delivered to servers."""

    async def add_feed(self, url: str, guild_id: int | None) -> tuple[Feed, bool]:
        """Follow a feed; return it and whether it is new (the same URL in the same scope is one feed)."""
        await self._write(
            "INSERT OR IGNORE INTO feeds (url, guild_id, added_at) VALUES (?, ?, ?)",
            (url, guild_id, utc_now()),
        )
        created = self._changed
        rows = await self._rows(
            "SELECT * FROM feeds WHERE url = ? AND coalesce(guild_id, 0) = coalesce(?, 0)", (url, guild_id)
        )
        return feed_of(rows[0]), created

    async def feeds(self, guild_id: int | None = None, *, every: bool = False) -> list[Feed]:
        """Return the feeds of one scope (None: the global ones), or every feed, oldest first."""
        if every:
            rows = await self._rows("SELECT * FROM feeds ORDER BY id")
        else:
            rows = await self._rows(
                "SELECT * FROM feeds WHERE coalesce(guild_id, 0) = coalesce(?, 0) ORDER BY id", (guild_id,)
            )
        return [feed_of(row) for row in rows]

    async def feed(self, feed_id: int) -> Feed | None:
        """Return the feed with this id, if followed."""
        rows = await self._rows("SELECT * FROM feeds WHERE id = ?", (feed_id,))
        return feed_of(rows[0]) if rows else None

    async def remove_feed(
        self, feed_id: int, guild_id: int | None = None, *, any_scope: bool = False
    ) -> bool:
        """Stop following a feed (of this scope, unless any_scope); return whether one was removed."""
        if any_scope:
            await self._write("DELETE FROM feeds WHERE id = ?", (feed_id,))
        else:
            await self._write(
                "DELETE FROM feeds WHERE id = ? AND coalesce(guild_id, 0) = coalesce(?, 0)",
                (feed_id, guild_id),
            )
        return self._changed

    async def update_feed(self, feed_id: int, **state: Any) -> None:
        """Record a feed's fetch state (the columns of FEED_STATE_FIELDS)."""
        unknown = set(state) - FEED_STATE_FIELDS
        if unknown:
            raise ValueError(f"not feed state: {sorted(unknown)}")
        columns = ", ".join(f"{name} = ?" for name in state)
        await self._write(f"UPDATE feeds SET {columns} WHERE id = ?", (*state.values(), feed_id))

    async def seen_items(self, feed_id: int) -> dict[str, SeenItem]:
        """Return the items of a feed already handled, by key."""
        rows = await self._rows(
            "SELECT key, version, document_id, error FROM feed_items WHERE feed_id = ?", (feed_id,)
        )
        return {row[0]: SeenItem(row[1], row[2], row[3]) for row in rows}

    async def record_item(
        self,
        feed_id: int,
        key: str,
        url: str,
        version: str | None,
        document_id: int | None,
        error: str | None,
    ) -> None:
        """Remember a feed item as handled (stored as document_id, or not stored because of error)."""
        await self._write(
            "INSERT OR REPLACE INTO feed_items (feed_id, key, url, version, document_id, error, seen_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (feed_id, key, url, version, document_id, error, utc_now()),
        )

    async def add_change(self, document_id: int, guild_id: int | None, report: str) -> int:
        """Store what an article changed in the briefing; return the change's id."""
        return await self._write(
            "INSERT INTO changes (document_id, guild_id, created_at, report) VALUES (?, ?, ?, ?)",
            (document_id, guild_id, utc_now(), report),
        )

    async def changes(
        self,
        guild_id: int | None,
        *,
        since: str | None = None,
        after_id: int = 0,
        limit: int = 50,
        include_global: bool = True,
    ) -> list[StoredChange]:
        """Return the changes a scope sees (global ones, unless left out, and its own), oldest first.

        ``since`` (ISO 8601, UTC) and ``after_id`` leave out older ones; at most limit, the newest.
        """
        rows = await self._rows(
            """SELECT id, guild_id, created_at, report FROM (
                   SELECT * FROM changes
                    WHERE ((guild_id IS NULL AND ?) OR guild_id = ?) AND id > ? AND created_at >= ?
                    ORDER BY id DESC LIMIT ?)
                ORDER BY id""",
            (int(include_global), guild_id, after_id, since or "", limit),
        )
        return [StoredChange(row[0], row[1], row[2], row[3]) for row in rows]

    async def last_change_id(self) -> int:
        """Return the id of the newest change (0 when none)."""
        return int(await self._scalar("SELECT coalesce(max(id), 0) FROM changes"))

    async def set_feed_channel(self, guild_id: int, channel_id: int) -> None:
        """Choose the channel a server's changes are posted in; only changes from now on are posted."""
        await self._write(
            "INSERT INTO feed_channels (guild_id, channel_id, delivered)"
            " VALUES (?1, ?2, (SELECT coalesce(max(id), 0) FROM changes))"
            " ON CONFLICT (guild_id) DO UPDATE SET channel_id = ?2",
            (guild_id, channel_id),
        )

    async def feed_channels(self) -> list[tuple[int, int, int]]:
        """Return (guild id, channel id, last change id posted) of every server with a channel."""
        rows = await self._rows("SELECT guild_id, channel_id, delivered FROM feed_channels ORDER BY guild_id")
        return [(row[0], row[1], row[2]) for row in rows]

    async def mark_delivered(self, guild_id: int, change_id: int) -> None:
        """Record that a server's channel has been sent every change up to change_id."""
        await self._write(
            "UPDATE feed_channels SET delivered = max(delivered, ?) WHERE guild_id = ?", (change_id, guild_id)
        )
