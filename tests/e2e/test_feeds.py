"""Feeds end to end: an admin follows a feed and chooses a channel; the real bot polls a local news
site on its schedule and posts what each article changed there, through the Discord stand-in.

The bot runs as ``briefbot run`` with ``BRIEFBOT_FEED_INTERVAL=1s`` (rounds follow each other
quickly, so the test waits for events, never for time) and ``BRIEFBOT_FETCH_ALLOW_PRIVATE=true``
(the site is on 127.0.0.1). The tests run in file order on one bot process.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import pytest_asyncio

from tests.knowledge.feeds.site import Item, Site, page, rss, running_site

from .conftest import (
    ADMIN_PERMISSIONS,
    EPHEMERAL,
    BotProcess,
    checked_answer,
    embed_text,
    only_embed,
    running_bot,
)
from .standin import DiscordStandIn, Response

pytestmark = pytest.mark.asyncio(loop_scope="module")

POLAND = "Poland spent 4.1 percent of its GDP on defence in 2025, the defence ministry said on Monday."
POLAND_REVISED = (
    "Poland spent 4.7 percent of its GDP on defence in 2025, the defence ministry said on Tuesday."
)
WEATHER = "Heavy rain is expected along the coast on Friday, forecasters said."
MARCH_2 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
POST_TIMEOUT = 30.0  # a round is a second apart; the rest is the loaded machine


class World:
    """The running bot, the stand-in and the news site."""

    def __init__(self, bot: BotProcess, site: Site) -> None:
        self.bot = bot
        self.site = site
        self.standin: DiscordStandIn = bot.standin

    def serve_feed(self, items: list[Item]) -> str:
        return self.site.put("/feed.xml", rss(self.site, items), content_type="application/rss+xml")

    def posted(self) -> list[dict[str, Any]]:
        """Return the embeds the bot posted in the channel (not replies to commands), in order."""
        return [e for m in self.standin.channel_messages for e in m.get("embeds") or []]

    async def wait_for_posts(self, count: int) -> list[dict[str, Any]]:
        """Wait until the bot has posted count embeds in the channel; return them."""
        await self.bot.wait_until(
            lambda: len(self.posted()) >= count, POST_TIMEOUT, f"{count} posted changes"
        )
        return self.posted()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    """Yield the bot (polling every second, allowed to fetch from 127.0.0.1) and the site."""
    workdir = tmp_path_factory.mktemp("briefbot-feeds")
    env = {"BRIEFBOT_FEED_INTERVAL": "1s", "BRIEFBOT_FETCH_ALLOW_PRIVATE": "true"}
    async for site in running_site():
        async with DiscordStandIn() as standin, running_bot(standin, workdir, env=env) as bot:
            yield World(bot, site)


async def feeds(world: World, action: str, permissions: str = ADMIN_PERMISSIONS, **options: Any) -> Response:
    """Run /feeds <action> with options and return its checked answer."""
    sub = {
        "name": action,
        "type": 1,
        "options": [
            {"name": k, "type": 3 if isinstance(v, str) else 4, "value": v} for k, v in options.items()
        ],
    }
    payload = world.standin.make_command_interaction("feeds", [sub], permissions=permissions)
    return await checked_answer(world.standin, payload, timeout=30)


async def test_a_member_without_manage_server_cannot_add_a_feed(world: World) -> None:
    """The bot itself refuses /feeds for a member without Manage Server, ephemerally."""
    response = await feeds(world, "add", permissions="0", url="http://127.0.0.1/x.xml")
    embed = only_embed(response)
    assert "Manage Server" in embed_text(embed)
    assert response.callback_json["data"]["flags"] & EPHEMERAL


async def test_an_admin_chooses_the_channel_and_follows_a_feed(world: World) -> None:
    """/feeds channel picks this channel; /feeds add checks the feed and follows it."""
    world.site.put("/world/poland", page("Poland lifts defence spending again", [POLAND]))
    url = world.serve_feed([Item("/world/poland", "Poland", MARCH_2)])

    chosen = only_embed(await feeds(world, "channel"))
    assert f"<#{world.standin.channel_id}>" in chosen["description"]
    added = only_embed(await feeds(world, "add", url=url))
    assert "as feed #1 (1 items now)" in added["description"], added

    listed = only_embed(await feeds(world, "list"))
    assert listed["fields"][0]["name"].startswith("#1 · Harbour Post: World")


async def test_the_first_article_s_new_figure_is_posted_in_the_channel(world: World) -> None:
    """The scheduled poll stores the article and posts one embed: Poland's 2025 figure, new, with its sentence."""
    (embed,) = await world.wait_for_posts(1)

    assert embed["title"] == "What changed: Poland lifts defence spending again"
    text = embed_text(embed)
    assert "Poland — defence spending, share of GDP, 2025: **4.1%** (new)" in text
    assert POLAND in text
    assert (
        embed["footer"]["text"] == "Source: Poland lifts defence spending again · Harbour Post · 2026-03-02"
    )


async def test_answers_go_on_while_a_poll_waits_for_a_slow_page(world: World) -> None:
    """While the bot waits for a page that does not answer yet, /sources is answered; then the page arrives."""
    gate = asyncio.Event()
    world.site.put("/world/weather", page("Storm on the coast", [WEATHER], date="2026-03-03"), gate=gate)
    world.serve_feed(
        [
            Item("/world/weather", "Weather", MARCH_2 + timedelta(days=1)),
            Item("/world/poland", "Poland", MARCH_2),
        ]
    )
    await world.bot.wait_until(
        lambda: world.site.hits("/world/weather") >= 1, POST_TIMEOUT, "the slow page requested"
    )

    embed = only_embed(
        await checked_answer(world.standin, world.standin.make_command_interaction("sources", {}))
    )
    assert embed["footer"]["text"] == "2 documents"  # the seed and Poland; the weather is still on its way
    gate.set()


async def test_an_updated_figure_is_posted_with_the_old_value_and_nothing_for_an_unchanging_article(
    world: World,
) -> None:
    """The article is revised: one embed says 4.7% (was 4.1%); the weather article, which changed nothing, got none."""
    world.site.put("/world/poland", page("Poland lifts defence spending again", [POLAND_REVISED]))
    world.serve_feed(
        [
            Item("/world/poland", "Poland", MARCH_2 + timedelta(days=2)),
            Item("/world/weather", "Weather", MARCH_2 + timedelta(days=1)),
        ]
    )
    posted = await world.wait_for_posts(2)

    assert len(posted) == 2, [p["title"] for p in posted]  # nothing for the weather
    update = posted[1]
    assert update["title"] == "What changed: Poland lifts defence spending again"
    assert update["description"].startswith("Updated article · 1 change")
    text = embed_text(update)
    assert "2025: **4.7%** (was 4.1%)" in text and POLAND_REVISED in text
    assert all("Storm" not in embed_text(p) for p in posted)


async def test_changes_on_demand_lists_both(world: World) -> None:
    """/changes shows the same changes, newest first."""
    response = await checked_answer(world.standin, world.standin.make_command_interaction("changes", {}))
    embed = only_embed(response)
    values = [f["value"] for f in embed["fields"]]
    assert len(values) == 2
    assert "**4.7%** (was 4.1%)" in values[0] and "**4.1%** (new)" in values[1]


async def test_ingest_url_previews_a_page_and_stores_it_on_confirm(world: World) -> None:
    """/ingest url: the page's article is previewed with its metadata, and stored when confirmed."""
    standin = world.standin
    url = world.site.put(
        "/world/latvia",
        page(
            "Latvia raises its budget",
            ["Latvia spent 3.5 percent of its GDP on defence in 2025."],
            date="2026-03-04",
        ),
    )
    payload = standin.make_command_interaction("ingest", {"url": url}, permissions=ADMIN_PERMISSIONS)
    response = await checked_answer(standin, payload, timeout=30)
    preview = only_embed(response)
    assert preview["title"] == "Add “Latvia raises its budget”?"
    assert "Harbour Post" in preview["description"] and "2026-03-04" in preview["description"]

    assert response.original_message_id is not None
    confirmed = await checked_answer(
        standin,
        standin.make_component_interaction(
            "ingest:confirm", response.original_message_id, permissions=ADMIN_PERMISSIONS
        ),
        timeout=30,
    )
    assert only_embed(confirmed)["description"].startswith("Stored as document #")
    assert "Latvia raises its budget" in embed_text(
        only_embed(await checked_answer(standin, standin.make_command_interaction("sources", {})))
    )


async def test_ingest_url_of_a_page_that_is_not_there_says_why(world: World) -> None:
    """A 404 page: a short private error naming the status; nothing is previewed."""
    payload = world.standin.make_command_interaction(
        "ingest",
        {"url": world.site.url("/nowhere")},
        permissions=ADMIN_PERMISSIONS,
        user_id="444444444444444444",
    )
    embed = only_embed(await checked_answer(world.standin, payload, timeout=30))
    assert "The page could not be read" in embed["description"] and "404" in embed["description"]
