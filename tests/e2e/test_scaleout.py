"""Scale-out (issue 13): a ``briefbot run`` on a read-only store answers from it, says so, and refuses to write.

The store is built first (as the one writer would), then served by a process started with
BRIEFBOT_DB_READONLY=true, which opens it ``mode=ro``: SQLite itself refuses every write, so
the file cannot change whatever the bot is asked.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from knowledge.ingest import open_store

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
