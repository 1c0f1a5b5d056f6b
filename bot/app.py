"""The Discord client: BriefingBot, with its dependencies injected and extensions loaded in setup_hook.

Endpoints: discord.py has no base-URL setting, so ``use_endpoints`` sets ``discord.http.Route.BASE``
(REST, interaction callbacks and webhooks all build on it) and, because a non-sharded client
otherwise connects to its built-in gateway, ``DiscordWebSocket.DEFAULT_GATEWAY`` from the base's
``GET /gateway/bot`` (or from ``DISCORD_GATEWAY_URL``).
"""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
import discord
import yarl
from discord.ext import commands

from bot.errors import BriefingTree
from bot.settings import Settings
from knowledge.briefing import Briefing

log = logging.getLogger(__name__)

EXTENSIONS = (
    "bot.exts.spending",
    "bot.exts.summit",
    "bot.exts.quotes",
    "bot.exts.documents",
    "bot.exts.ingest",
    "bot.exts.about",
    "bot.exts.admin",
)


# discord.py opens its HTTP session with no connection limit, so a burst of interactions opens
# one new connection per answer in flight (a fresh TCP, and on Discord TLS, handshake each): a
# quarter of the bot's time in a burst of 1,000 went to connecting. A bounded pool makes answers
# queue briefly for a kept-alive connection instead.
HTTP_CONNECTIONS = 16


class BriefingMixin:
    """What every briefbot client adds to discord.py's Bot: the briefing, extensions, clean close."""

    briefing: Briefing
    settings: Settings

    async def login(self, token: str) -> None:
        """Log in over a bounded pool of HTTP connections (see HTTP_CONNECTIONS), then as usual."""
        bot: Any = self
        if bot.http.connector is discord.utils.MISSING:
            bot.http.connector = aiohttp.TCPConnector(limit=HTTP_CONNECTIONS)
        await super().login(token)  # type: ignore[misc]

    async def setup_hook(self) -> None:
        """Load the command extensions; in development, sync the dev guild."""
        bot: Any = self
        for extension in EXTENSIONS:
            await bot.load_extension(extension)
        # Load the briefing's snapshot now, not in the first interaction (0.7 s on 10,000 articles).
        await self.briefing.warm_up()
        if self.settings.dev_guild and bot.http.token:
            guild = discord.Object(id=self.settings.dev_guild)
            bot.tree.copy_global_to(guild=guild)
            synced = await bot.tree.sync(guild=guild)
            log.info("Synced %d commands to the development guild %s", len(synced), self.settings.dev_guild)

    async def close(self) -> None:
        """Close the Discord connection, then the store."""
        await super().close()  # type: ignore[misc]
        await self.briefing.store.close()


def _client_options(settings: Settings) -> dict[str, Any]:
    """Return the constructor arguments shared by both client classes."""
    return {
        "command_prefix": commands.when_mentioned,  # owner text commands without message content
        "intents": discord.Intents.default(),
        "allowed_mentions": discord.AllowedMentions.none(),
        "tree_cls": BriefingTree,
        "help_command": None,
        "owner_ids": set(settings.owner_ids) or None,
    }


class BriefingBot(BriefingMixin, commands.Bot):
    """briefbot on one gateway connection."""

    def __init__(self, briefing: Briefing, settings: Settings) -> None:
        super().__init__(**_client_options(settings))
        self.briefing = briefing
        self.settings = settings


class ShardedBriefingBot(BriefingMixin, commands.AutoShardedBot):
    """briefbot with discord.py's automatic sharding (for about 1,000 guilds and more)."""

    def __init__(self, briefing: Briefing, settings: Settings) -> None:
        super().__init__(**_client_options(settings))
        self.briefing = briefing
        self.settings = settings


def create_bot(briefing: Briefing, settings: Settings) -> BriefingBot | ShardedBriefingBot:
    """Return the client class the settings ask for."""
    cls = ShardedBriefingBot if settings.sharding == "auto" else BriefingBot
    return cls(briefing, settings)


def briefing_of(interaction: discord.Interaction) -> Briefing:
    """Return the briefing of the bot that received an interaction."""
    client: Any = interaction.client
    return client.briefing  # type: ignore[no-any-return]


async def use_endpoints(settings: Settings, token: str) -> None:
    """Point discord.py's REST and gateway at the configured base URL, if one is set."""
    if settings.api_base:
        discord.http.Route.BASE = settings.api_base
        log.info("REST base URL: %s", settings.api_base)
    gateway = settings.gateway_url
    if gateway is None and settings.api_base:
        gateway = await _gateway_from(settings.api_base, token)
    if gateway:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)
        log.info("Gateway URL: %s", gateway)


async def _gateway_from(api_base: str, token: str) -> str:
    """Return the gateway URL that a REST base reports at GET /gateway/bot."""
    headers = {"Authorization": f"Bot {token}"}
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{api_base}/gateway/bot", headers=headers) as resp,
    ):
        if resp.status == 401:
            raise discord.LoginFailure("The configured DISCORD_API_BASE rejected the token.")
        if resp.status != 200:
            raise ConnectionError(
                f"GET /gateway/bot at the configured DISCORD_API_BASE answered {resp.status}"
            )
        data = await resp.json()
    return str(data["url"])
