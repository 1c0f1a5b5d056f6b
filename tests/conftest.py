"""Shared fixtures: a real SQLite store seeded with the bundled article, and the bot around it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from discord.ext import commands

from bot.app import create_bot
from bot.loopback import LocalDiscord
from bot.settings import Settings
from knowledge.briefing import Briefing
from knowledge.ingest import open_store
from knowledge.store import Store


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    """Yield a store in a temporary file, seeded from the bundled article."""
    opened = await open_store(tmp_path / "briefbot.sqlite3")
    yield opened
    await opened.close()


@pytest.fixture
async def briefing(store: Store) -> Briefing:
    """Return the briefing over the seeded store."""
    return Briefing(store)


@pytest.fixture
async def local(briefing: Briefing, tmp_path: Path) -> AsyncIterator[LocalDiscord]:
    """Yield the real bot, extensions loaded, answering interactions locally."""
    settings = Settings(_env_file=None, BRIEFBOT_DB=str(tmp_path / "unused.sqlite3"))  # type: ignore[call-arg]
    bot = create_bot(briefing, settings)
    async with bot:
        await bot.setup_hook()
        yield LocalDiscord(bot)


@pytest.fixture
async def bot() -> AsyncIterator[commands.Bot]:
    """Yield the bot with its extensions loaded, over an empty in-memory store (for schema checks)."""
    store = await open_store(":memory:", seed=False)
    client = create_bot(Briefing(store), Settings(_env_file=None))  # type: ignore[call-arg]
    async with client:
        await client.setup_hook()
        yield client
