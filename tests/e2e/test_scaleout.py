"""Scale-out (issue 13): a ``briefbot run`` on a read-only store answers from it, says so, and refuses to write.

The store is built first (as the one writer would), then served by a process started with
BRIEFBOT_DB_READONLY=true, which opens it ``mode=ro``: SQLite itself refuses every write, so
the file cannot change whatever the bot is asked.
"""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

import pytest

from knowledge.ingest import open_store
from tests.launch import briefbot, clean_env

from .conftest import (
    ADMIN_PERMISSIONS,
    assert_answered_once,
    checked_answer,
    embed_text,
    only_embed,
    running_bot,
)
from .standin import DiscordStandIn

pytestmark = pytest.mark.asyncio


def digest(path: Path) -> str:
    """Return the sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_a_read_only_process_answers_and_refuses_to_write(tmp_path: Path) -> None:
    """Answers come from the replica; /ingest and /settings are refused; the file is unchanged; the log says so."""
    store_path = tmp_path / "replica.sqlite3"
    await (await open_store(store_path)).close()  # the writer's store, copied here as a replica would be
    before = digest(store_path)
    env = {"BRIEFBOT_DB": str(store_path), "BRIEFBOT_DB_READONLY": "true"}
    async with DiscordStandIn() as standin, running_bot(standin, tmp_path, env=env) as bot:
        assert "open read-only (BRIEFBOT_DB_READONLY is set)" in bot.output()
        answer = await checked_answer(
            standin, standin.make_command_interaction("spending", {"country": "Canada"})
        )
        assert_answered_once(standin, answer)
        assert "Missed the 2% of GDP target" in embed_text(only_embed(answer))
        attachment = standin.make_attachment(
            "new.txt", b"Title: New\n\nPoland spent 4 percent of GDP in 2025."
        )
        ingest = standin.make_command_interaction(
            "ingest", {"file": attachment["id"]}, permissions=ADMIN_PERMISSIONS, attachments=[attachment]
        )
        refused = only_embed(await checked_answer(standin, ingest))
        assert "read-only copy of the store" in refused["description"], refused
        settings = standin.make_command_interaction(
            "settings", {"hide_global": True}, permissions=ADMIN_PERMISSIONS
        )
        assert "read-only" in only_embed(await checked_answer(standin, settings))["description"]
        sources = embed_text(
            only_embed(await checked_answer(standin, standin.make_command_interaction("sources")))
        )
        assert "1 document" in sources
    assert digest(store_path) == before


SERVER_A = str((1000 << 22) | 5)  # on shard 0 of 2: (id >> 22) % 2
SERVER_B = str((1001 << 22) | 7)  # on shard 1 of 2
ARTICLE = Path(__file__).parents[1] / "knowledge" / "articles" / "wire-straight-quotes.txt"  # Sweden 2.1%


async def test_two_processes_serve_their_own_shards_from_one_store(tmp_path: Path) -> None:
    """Shards 0 and 1 in two `briefbot run` processes, one store; a third process ingests while they run."""
    db = tmp_path / "store.sqlite3"
    await (await open_store(db)).close()
    shard = {"BRIEFBOT_DB": str(db), "BRIEFBOT_SHARD_COUNT": "2"}
    (tmp_path / "p0").mkdir()
    (tmp_path / "p1").mkdir()
    async with (
        DiscordStandIn(shard_count=2, guild_id=SERVER_A) as standin,
        running_bot(standin, tmp_path / "p0", env=shard | {"BRIEFBOT_SHARD_IDS": "0"}) as first,
    ):
        async with running_bot(standin, tmp_path / "p1", env=shard | {"BRIEFBOT_SHARD_IDS": "1"}) as second:
            await second.wait_until(lambda: 1 in standin.shards, 30, "shard 1's READY")
            assert sorted(p["shard"] for p in standin.identify_payloads) == [[0, 2], [1, 2]]
            assert "Serving shards 0 of 2" in first.output() and "Serving shards 1 of 2" in second.output()
            writer = await asyncio.create_subprocess_exec(
                *briefbot("--db", db, "ingest", "--guild", SERVER_A, ARTICLE),
                env=clean_env(),
                stdout=asyncio.subprocess.DEVNULL,
            )
            assert await writer.wait() == 0
            for guild, expected in ((SERVER_A, True), (SERVER_B, False)):
                payload = standin.make_command_interaction("spending", {"country": "Sweden"}, guild=guild)
                answer = await checked_answer(standin, payload)
                assert_answered_once(standin, answer)
                assert ("**2.1%** of GDP in 2025" in embed_text(only_embed(answer))) is expected, guild
                (frame,) = [
                    f
                    for f in standin.gateway_sent
                    if f.t == "INTERACTION_CREATE" and f.d["id"] == payload["id"]
                ]
                assert frame.connection == standin.shards[standin.shard_of(guild)][0].index
        # Shard 1's process has stopped: server B has no one to answer it; server A is still served.
        with pytest.raises(RuntimeError, match="shard 1 is not connected"):
            await standin.send_interaction(standin.make_command_interaction("sources", guild=SERVER_B))
        answer = await checked_answer(standin, standin.make_command_interaction("sources"))
        assert "wire" in embed_text(only_embed(answer)).lower()
