"""Shared fixtures: a real SQLite store seeded with the bundled article, and the bot around it."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from discord.ext import commands

from bot.app import create_bot
from bot.loopback import LocalDiscord
from bot.settings import Settings
from knowledge.briefing import Briefing
from knowledge.ingest import open_store
from knowledge.store import Store


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a store file seeded from the bundled article by open_store, built once per session.

    Tests never open it: they get a copy (``seeded_copy``), which is byte for byte the store a first
    run creates, without extracting the bundled article again for every test.
    """
    path = tmp_path_factory.mktemp("seeded") / "briefbot.sqlite3"

    async def build() -> None:
        await (await open_store(path)).close()  # the last connection closed: the WAL is in the file

    loop = asyncio.new_event_loop()  # its own loop: pytest-asyncio's loops are left alone
    try:
        loop.run_until_complete(build())
    finally:
        loop.close()
    return path


@pytest.fixture
def seeded_copy(seeded_template: Path) -> Callable[[Path], Path]:
    """Return a function that copies the seeded store to a path (a new store a first run made) and returns it."""

    def copy(target: Path) -> Path:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(seeded_template, target)
        return target

    return copy


@pytest.fixture
async def store(tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> AsyncIterator[Store]:
    """Yield a store in a temporary file, seeded from the bundled article."""
    opened = await open_store(seeded_copy(tmp_path / "briefbot.sqlite3"))
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
