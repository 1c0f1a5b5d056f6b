"""Where an interaction comes from decides what it reads (issue 13), through the real command tree."""

from __future__ import annotations

from bot.loopback import GUILD_ID, LocalDiscord, Sent, command_data, interaction_payload
from knowledge.ingest import ingest_text
from knowledge.store import Store, guild_scope

ARTICLE = "Title: Depot wire\n\nNorway spent 2.2 percent of GDP on defence in 2025, the ministry said.\n"


def text_of(sent: Sent) -> str:
    """Return the description and field values of an answer's embed."""
    assert sent.payload is not None
    (embed,) = sent.payload["data"]["embeds"]
    return " ".join([embed.get("description", "")] + [f["value"] for f in embed.get("fields", [])])


async def test_a_user_install_in_a_server_reads_only_global(local: LocalDiscord, store: Store) -> None:
    """The server's documents answer where the bot is installed in it, not where a member installed the app."""
    await ingest_text(store, ARTICLE, name="depot.txt", scope=guild_scope(GUILD_ID))
    in_server = await local.command("spending", {"country": "Norway"})
    assert "2.2%" in text_of(in_server)
    user_install = interaction_payload(2, command_data("spending", {"country": "Norway"}))
    user_install["authorizing_integration_owners"] = {"1": user_install["member"]["user"]["id"]}
    (sent,) = await local.dispatch(user_install)
    assert "2.2%" not in text_of(sent)
    dm = LocalDiscord(local.bot, guild_id=None)
    assert "2.2%" not in text_of(await dm.command("spending", {"country": "Norway"}))
