"""Scopes end to end (issue 13): two servers on one bot, through the real ``briefbot run`` and the stand-in.

Server A (the stand-in's guild) ingests an article; server B (another guild id, the same bot)
must not see it anywhere: not in answers, autocomplete, /sources, /ask, "did you mean" or by its
document id, and a DM reads the global documents only. The tests run in file order on one
process and one store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import (
    ADMIN_PERMISSIONS,
    BotProcess,
    assert_answered_once,
    checked_answer,
    embed_text,
    only_embed,
)
from .standin import DiscordStandIn, Response

pytestmark = pytest.mark.asyncio(loop_scope="module")

ARTICLE = Path(__file__).parents[1] / "knowledge" / "articles" / "wire-straight-quotes.txt"
TITLE = "Sweden to keep raising defence budget, minister says"  # its title line
SERVER_B = "987654321098765432"
A_ADMIN, B_ADMIN, B_MEMBER = "411111111111111111", "422222222222222222", "433333333333333333"


async def run(standin: DiscordStandIn, name: str, guild: bool | str = True, **options: Any) -> Response:
    """Run a slash command in a server (True: A; an id: that server; False: a DM); return its single answer."""
    payload = standin.make_command_interaction(name, options, guild=guild, user_id=B_MEMBER)
    response = await checked_answer(standin, payload)
    assert_answered_once(standin, response)
    return response


async def text_of(standin: DiscordStandIn, name: str, guild: bool | str = True, **options: Any) -> str:
    """Return the visible text of a command's answer."""
    return embed_text(only_embed(await run(standin, name, guild, **options)))


async def choices(
    standin: DiscordStandIn, name: str, focused: str, value: str, guild: bool | str
) -> list[str]:
    """Return the autocomplete choice names offered for an option."""
    payload = standin.make_autocomplete_interaction(
        name, {focused: value}, focused, guild=guild, user_id=B_MEMBER
    )
    response = await checked_answer(standin, payload)
    return [c["name"] for c in response.callback_json["data"]["choices"]]


async def ingest(standin: DiscordStandIn, guild: bool | str, admin: str, **extra: Any) -> str:
    """Ingest the article by attachment in a server as an admin, press Store it, and return what the bot said."""
    attachment = standin.make_attachment(ARTICLE.name, ARTICLE.read_bytes())
    payload = standin.make_command_interaction(
        "ingest",
        {"file": attachment["id"], **extra},
        permissions=ADMIN_PERMISSIONS,
        attachments=[attachment],
        guild=guild,
        user_id=admin,
    )
    preview = await checked_answer(standin, payload)
    assert preview.original_message_id is not None, preview.requests
    confirm = standin.make_component_interaction(
        "ingest:confirm",
        preview.original_message_id,
        permissions=ADMIN_PERMISSIONS,
        guild=guild,
        user_id=admin,
    )
    confirmed = await checked_answer(standin, confirm)
    return str(only_embed(confirmed)["description"])


async def test_an_article_ingested_in_a_is_answered_in_a(live_bot: BotProcess) -> None:
    """A's admin stores the article in A; A's answers, autocomplete and /sources use it."""
    standin = live_bot.standin
    assert "2.1%" not in await text_of(standin, "spending", country="Sweden")  # the seed has no Sweden figure
    stored = await ingest(standin, True, A_ADMIN)
    assert stored == "Stored as document #2, for this server.", stored
    assert "**2.1%** of GDP in 2025" in await text_of(standin, "spending", country="Sweden")
    assert any("2.1% of GDP" in c for c in await choices(standin, "spending", "country", "Swed", True))
    assert "We will spend more" in await text_of(standin, "quote", person="Berg")
    sources = await text_of(standin, "sources")
    assert TITLE in sources and "🏠 this server" in sources and "🌐 global" in sources


async def test_server_b_never_sees_a_s_article(live_bot: BotProcess) -> None:
    """B's answers, autocomplete, /sources, /ask and suggestions show nothing of A's article."""
    standin = live_bot.standin
    sweden = await text_of(standin, "spending", SERVER_B, country="Sweden")
    assert "2.1%" not in sweden and "no figures for sweden" in sweden.lower(), sweden
    swedish_choices = await choices(standin, "spending", "country", "Swed", SERVER_B)
    assert swedish_choices and not any("2.1%" in c for c in swedish_choices), swedish_choices
    assert not any(
        "Berg" in c or "Laine" in c for c in await choices(standin, "quote", "person", "", SERVER_B)
    )
    assert not any("Anna Berg" in c for c in await choices(standin, "quote", "person", "Berg", SERVER_B))
    unknown = await text_of(standin, "quote", SERVER_B, person="Berg")
    assert "No one called" in unknown and "Anna Berg" not in unknown, unknown  # no "did you mean" either
    sources = await text_of(standin, "sources", SERVER_B)
    assert TITLE not in sources and "1 document" in sources, sources
    search = await text_of(standin, "ask", SERVER_B, question="Stockholm Nordic defence ministers")
    assert "Berg spoke" not in search and TITLE not in search, search
    assert "Berg spoke" in await text_of(standin, "ask", question="Stockholm Nordic defence ministers")
    assert "Anna Berg" not in await text_of(standin, "about", SERVER_B)
    # A DM (or a user install) reads the global documents only.
    assert "2.1%" not in await text_of(standin, "spending", False, country="Sweden")
    assert TITLE not in await text_of(standin, "sources", False)


async def test_server_b_cannot_reach_a_s_document_by_id(live_bot: BotProcess) -> None:
    """/brief with A's document id, or its title, is refused in B; B's /brief menu does not offer it."""
    standin = live_bot.standin
    assert TITLE in await text_of(standin, "brief", document="2")  # A reaches it by id
    for guess in ("2", "#2", "Sweden to keep raising"):
        refused = only_embed(await run(standin, "brief", SERVER_B, document=guess))
        assert TITLE not in embed_text(refused) and "No document matches" in refused["description"], refused
    assert not any(TITLE[:20] in c for c in await choices(standin, "brief", "document", "", SERVER_B))
    assert await choices(standin, "brief", "document", "2", SERVER_B) == []


async def test_b_ingests_the_same_article_as_its_own_copy(live_bot: BotProcess) -> None:
    """The same text stored in B is B's own document (A's copy is neither revealed nor reused)."""
    standin = live_bot.standin
    stored = await ingest(standin, SERVER_B, B_ADMIN)
    assert stored == "Stored as document #3, for this server.", stored
    assert "**2.1%** of GDP in 2025" in await text_of(standin, "spending", SERVER_B, country="Sweden")
    sources = await text_of(standin, "sources", SERVER_B)
    assert "#3 · " + TITLE in sources and "#2 · " not in sources, sources


async def test_only_owners_ingest_into_global(live_bot: BotProcess) -> None:
    """scope:global from a server admin who is not an owner is refused; nothing is stored."""
    standin = live_bot.standin
    attachment = standin.make_attachment(ARTICLE.name, ARTICLE.read_bytes())
    payload = standin.make_command_interaction(
        "ingest",
        {"file": attachment["id"], "scope": "global"},
        permissions=ADMIN_PERMISSIONS,
        attachments=[attachment],
        user_id=A_ADMIN,
    )
    refused = only_embed(await checked_answer(standin, payload))
    assert "Only the bot's owners" in refused["description"], refused
    assert TITLE not in await text_of(standin, "sources", False)


async def test_settings_hide_global_in_b_only(live_bot: BotProcess) -> None:
    """B's admin hides the global documents: B then reads only its own; A still reads global and its own."""
    standin = live_bot.standin
    member = standin.make_command_interaction(
        "settings", {"hide_global": True}, guild=SERVER_B, user_id=B_MEMBER
    )
    denied = only_embed(await checked_answer(standin, member))
    assert "Manage Server" in embed_text(denied), denied
    payload = standin.make_command_interaction(
        "settings", {"hide_global": True}, guild=SERVER_B, user_id=B_ADMIN, permissions=ADMIN_PERMISSIONS
    )
    changed = only_embed(await checked_answer(standin, payload))
    assert "global documents are hidden" in changed["description"], changed
    sources = await text_of(standin, "sources", SERVER_B)
    assert "1 document" in sources and TITLE in sources and "🌐 global" not in sources, sources
    hidden = await text_of(standin, "ask", SERVER_B, question="Rutte summit Netherlands")
    assert "No sentence in the briefing matches" in hidden, hidden  # the seed (global) is hidden
    assert "🌐 global" in await text_of(standin, "sources")  # A is unaffected
