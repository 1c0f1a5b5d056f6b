"""Scale-out settings (issue 13): shard ranges, the client they make, and the read-only store."""

from __future__ import annotations

from pathlib import Path

import pytest
from discord.ext import commands
from pydantic import ValidationError

from bot.app import ShardedBriefingBot, create_bot
from bot.cli import main
from bot.settings import Settings
from knowledge.briefing import Briefing
from knowledge.ingest import open_store
from knowledge.store import Store, StoreError, StoreWriteError

ARTICLE = "Title: Depot wire\n\nNorway spent 2.2 percent of GDP on defence in 2025, the ministry said.\n"


@pytest.mark.parametrize(
    ("written", "ids"),
    [("0-3", (0, 1, 2, 3)), ("4,5", (4, 5)), ("0-1, 6", (0, 1, 6)), ("7", (7,)), ("2-2,2", (2,))],
)
def test_shard_ids_are_read_as_people_write_them(
    monkeypatch: pytest.MonkeyPatch, written: str, ids: tuple[int, ...]
) -> None:
    """Ranges are inclusive, lists may mix ranges and ids, duplicates count once."""
    monkeypatch.setenv("BRIEFBOT_SHARD_IDS", written)
    monkeypatch.setenv("BRIEFBOT_SHARD_COUNT", "8")
    assert Settings(_env_file=None).shard_ids == ids  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("written", "said"), [("3-1", "runs backwards"), ("0-8", "not below BRIEFBOT_SHARD_COUNT")]
)
def test_shard_ids_outside_the_count_are_refused(
    monkeypatch: pytest.MonkeyPatch, written: str, said: str
) -> None:
    """A range that runs backwards, or a shard the count does not have, is a configuration error."""
    monkeypatch.setenv("BRIEFBOT_SHARD_IDS", written)
    monkeypatch.setenv("BRIEFBOT_SHARD_COUNT", "8")
    with pytest.raises(ValidationError, match=said):
        Settings(_env_file=None)  # type: ignore[call-arg]


async def test_shard_settings_make_a_sharded_client_with_those_shards(tmp_path: Path) -> None:
    """BRIEFBOT_SHARD_IDS and BRIEFBOT_SHARD_COUNT reach discord.py's shard_ids and shard_count."""
    store = await Store.open(tmp_path / "s.sqlite3")
    try:
        settings = Settings(_env_file=None, BRIEFBOT_SHARD_IDS="2-3", BRIEFBOT_SHARD_COUNT=4)  # type: ignore[call-arg]
        bot = create_bot(Briefing(store), settings)
        assert isinstance(bot, ShardedBriefingBot) and isinstance(bot, commands.AutoShardedBot)
        assert (bot.shard_ids, bot.shard_count) == ([2, 3], 4)
        plain = create_bot(Briefing(store), Settings(_env_file=None))  # type: ignore[call-arg]
        assert not isinstance(plain, commands.AutoShardedBot)
    finally:
        await store.close()


def test_cli_ingest_is_refused_on_a_read_only_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`briefbot ingest` with BRIEFBOT_DB_READONLY=true says why in one line, exit 2, and writes nothing."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    monkeypatch.setenv("BRIEFBOT_DB_READONLY", "true")
    assert main(["--db", str(db), "ingest", str(article)]) == 2
    assert "BRIEFBOT_DB_READONLY is set" in capsys.readouterr().err
    assert not db.exists()


async def test_a_read_only_store_answers_and_refuses_writes(tmp_path: Path) -> None:
    """open_store(read_only=True) reads an existing store; it will not create one; SQLite refuses writes."""
    db = tmp_path / "s.sqlite3"
    with pytest.raises(StoreError, match="cannot create it"):
        await open_store(db, read_only=True)
    await (await open_store(db)).close()
    store = await open_store(db, read_only=True)
    try:
        assert store.read_only and len(await store.documents()) == 1
        with pytest.raises(StoreWriteError, match="read-only"):
            await store.set_hide_global(1, True)
    finally:
        await store.close()
