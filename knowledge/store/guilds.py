"""What each server chose (whether it hides the global documents)."""

from __future__ import annotations

from knowledge.store.base import StoreBase


class GuildSettings(StoreBase):
    """Per-server settings."""

    async def hides_global(self, guild_id: int) -> bool:
        """Return whether a server chose to read only its own documents."""
        value = await self._scalar("SELECT hide_global FROM guild_settings WHERE guild_id = ?", (guild_id,))
        return bool(value)

    async def guilds_hiding_global(self) -> frozenset[int]:
        """Return the servers that chose to read only their own documents."""
        rows = await self._rows("SELECT guild_id FROM guild_settings WHERE hide_global")
        return frozenset(int(row[0]) for row in rows)

    async def set_hide_global(self, guild_id: int, hide: bool) -> None:
        """Record whether a server reads only its own documents; raise StoreWriteError if refused."""
        await self._write(
            "INSERT INTO guild_settings (guild_id, hide_global) VALUES (?, ?)"
            " ON CONFLICT (guild_id) DO UPDATE SET hide_global = excluded.hide_global",
            (guild_id, int(hide)),
        )
