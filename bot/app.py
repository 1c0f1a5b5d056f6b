"""The Discord client: BriefingBot, with its dependencies injected and extensions loaded in setup_hook.

Endpoints: discord.py has no base-URL setting, so ``use_endpoints`` sets ``discord.http.Route.BASE``
(REST, interaction callbacks and webhooks all build on it) and, because a non-sharded client
otherwise connects to its built-in gateway, ``DiscordWebSocket.DEFAULT_GATEWAY`` from the base's
``GET /gateway/bot`` (or from ``DISCORD_GATEWAY_URL``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

import aiohttp
import discord
import yarl
from discord.ext import commands

from bot.errors import BriefingTree
from bot.settings import ConfigError, Settings
from knowledge.briefing import Briefing

log = logging.getLogger(__name__)

EXTENSIONS = (
    "bot.exts.spending",
    "bot.exts.summit",
    "bot.exts.quotes",
    "bot.exts.documents",
    "bot.exts.ingest",
    "bot.exts.forget",
    "bot.exts.about",
    "bot.exts.admin",
    "bot.exts.feeds",
    "bot.exts.server",
)


# discord.py opens its HTTP session with no connection limit, so a burst of interactions opens
# one new connection per answer in flight (a fresh TCP, and on Discord TLS, handshake each): a
# quarter of the bot's time in a burst of 1,000 went to connecting. A bounded pool makes answers
# queue briefly for a kept-alive connection instead.
HTTP_CONNECTIONS = 16
GATEWAY_PROBE_SECONDS = 10.0
RECONNECT_FIRST_SECONDS = 1.0  # after a frame discord.py could not handle; doubles each time
RECONNECT_MAX_SECONDS = 60.0
RECONNECT_RESET_SECONDS = 60.0  # a connection that lasted this long starts the backoff afresh  # a configured gateway that accepts no TCP connection in this long is wrong


class BriefingMixin:
    """What every briefbot client adds to discord.py's Bot: the briefing, extensions, clean close."""

    briefing: Briefing
    settings: Settings
    connected_once = False  # a gateway connection has been made (see connect)

    async def on_connect(self) -> None:
        """Note that the gateway was reached: from now on a failure is a fault to recover from."""
        self.connected_once = True

    async def on_ready(self) -> None:
        """Log the line an operator looks for: who the bot is and how many servers it is in (no sync here)."""
        bot: Any = self
        log.info(
            "briefbot ready: logged in as %s (id %s) in %d servers", bot.user, bot.user.id, len(bot.guilds)
        )

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
            await self._sync_dev_guild(self.settings.dev_guild)

    async def _sync_dev_guild(self, guild_id: int) -> None:
        """Copy the commands to the development guild and sync it; raise ConfigError if the bot cannot."""
        bot: Any = self
        guild = discord.Object(id=guild_id)
        bot.tree.copy_global_to(guild=guild)
        try:
            synced = await bot.tree.sync(guild=guild)
        except (discord.Forbidden, discord.NotFound) as exc:
            raise ConfigError(
                f"BRIEFBOT_DEV_GUILD: the bot cannot sync commands to server {guild_id} ({exc.status}"
                f" {exc.text or exc.response.reason}): invite it there with the applications.commands scope,"
                " or correct the id."
            ) from None
        log.info("Synced %d commands to the development guild %s", len(synced), guild_id)

    async def connect(self, *, reconnect: bool = True) -> None:
        """Stay connected to the gateway until closed, whatever frame arrives.

        discord.py resumes after network faults, but a frame it cannot handle (not JSON, not an
        object, an event whose data is null or lacks a field) escapes its loop and would end
        ``briefbot run``. Such an error is logged in one line and the bot connects again after a
        backoff (1 s, doubling to a minute; back to 1 s after a connection that lasted
        RECONNECT_RESET_SECONDS). Errors that mean the bot must not go on (a rejected token,
        intents Discord refuses, a close code discord.py cannot handle) still end it, and a very
        first connection that fails raises ConfigError naming the setting behind the gateway URL.
        """
        bot: Any = self
        if not self.connected_once:
            await _reachable(self.settings)
        failures = 0
        while not bot.is_closed():
            started = time.monotonic()
            try:
                await super().connect(reconnect=reconnect)  # type: ignore[misc]
                return
            except (discord.ClientException, discord.ConnectionClosed):
                raise
            except Exception as exc:
                if not self.connected_once:
                    # discord.py's retry of a failed first connection trips over its own missing
                    # socket (AttributeError: 'NoneType' ... 'sequence'): the reason is the error before.
                    cause = exc.__context__ if isinstance(exc, AttributeError) and exc.__context__ else exc
                    raise _gateway_error(self.settings, cause) from None
                failures = 0 if time.monotonic() - started >= RECONNECT_RESET_SECONDS else failures
                delay = min(RECONNECT_MAX_SECONDS, RECONNECT_FIRST_SECONDS * 2**failures)
                failures += 1
                log.error(
                    "The gateway sent something discord.py could not handle (%s); reconnecting in %g s",
                    _reason(exc),
                    delay,
                )
                if bot.ws is not None:
                    await bot.ws.close(code=4000)  # stops its heartbeat too
                await asyncio.sleep(delay)

    async def close(self) -> None:
        """Close the Discord connection, then the store.

        discord.py waits for the servers after READY (``ConnectionState._delay_ready``, up to two
        seconds per shard) and then dispatches ``ready`` on ``self.loop``; ``Client.close`` sets
        that loop to MISSING without cancelling the wait, so a stop in those seconds ended with an
        AttributeError traceback. The wait is cancelled first: a bot stopping is not getting ready.
        """
        state = getattr(self, "_connection", None)
        for task in (getattr(state, "_ready_task", None), *getattr(state, "_ready_tasks", {}).values()):
            if task is not None and not task.done():
                task.cancel()
        await super().close()  # type: ignore[misc]
        self.briefing.close()
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
    """briefbot with discord.py's sharding: every shard (automatic), or the shards this process owns.

    BRIEFBOT_SHARD_IDS and BRIEFBOT_SHARD_COUNT give discord.py's ``shard_ids`` and ``shard_count``:
    several processes, each with its own range of shards, serve one application.
    """

    def __init__(self, briefing: Briefing, settings: Settings) -> None:
        shards: dict[str, Any] = {}
        if settings.shard_count is not None:
            shards["shard_count"] = settings.shard_count
        if settings.shard_ids is not None:
            shards["shard_ids"] = list(settings.shard_ids)
        super().__init__(**_client_options(settings), **shards)
        self.briefing = briefing
        self.settings = settings


def create_bot(briefing: Briefing, settings: Settings) -> BriefingBot | ShardedBriefingBot:
    """Return the client class the settings ask for."""
    cls = ShardedBriefingBot if settings.sharded() else BriefingBot
    return cls(briefing, settings)


def guild_of(interaction: discord.Interaction) -> int | None:
    """Return the server whose documents an interaction reads, or None for the global ones only.

    Only where the bot is installed in the server (a guild integration): in DMs and where a member
    installed the app for themselves, the server's documents are not the bot's to show.
    """
    return interaction.guild_id if interaction.is_guild_integration() else None


def briefing_of(interaction: discord.Interaction) -> Briefing:
    """Return the briefing of the bot that received an interaction, as seen from where it was sent."""
    client: Any = interaction.client
    briefing: Briefing = client.briefing
    return briefing.for_guild(guild_of(interaction))


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


async def _reachable(settings: Settings) -> None:
    """Raise ConfigError unless a TCP connection to a configured gateway's host and port opens.

    discord.py would retry a first connection that fails, log a traceback, then trip over its own
    missing socket; a wrong URL in the settings deserves one line instead.
    """
    if not (settings.gateway_url or settings.api_base):
        return  # Discord's own gateway: an outage there is no setting of ours
    url = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    try:
        async with asyncio.timeout(GATEWAY_PROBE_SECONDS):
            _, writer = await asyncio.open_connection(url.host, url.port)
    except (OSError, TimeoutError) as exc:
        raise _gateway_error(settings, exc) from None
    writer.close()
    with contextlib.suppress(OSError):
        await writer.wait_closed()


async def _gateway_from(api_base: str, token: str) -> str:
    """Return the gateway URL that a REST base reports at GET /gateway/bot; raise ConfigError if it does not."""
    headers = {"Authorization": f"Bot {token}"}
    problem = f"DISCORD_API_BASE: GET {api_base}/gateway/bot"
    try:
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"{api_base}/gateway/bot", headers=headers) as resp,
        ):
            if resp.status == 401:
                raise discord.LoginFailure("The configured DISCORD_API_BASE rejected the token.")
            if resp.status != 200:
                raise ConfigError(f"{problem} answered {resp.status}; is it a Discord API base URL?")
            data = await resp.json(content_type=None)
    except (aiohttp.ClientError, OSError, TimeoutError) as exc:
        raise ConfigError(f"{problem} failed: {_reason(exc)}") from None
    except ValueError:  # not JSON: a login page, a proxy's error page
        raise ConfigError(
            f"{problem} did not answer JSON ({resp.content_type}); is it a Discord API base URL?"
        ) from None
    url = data.get("url") if isinstance(data, dict) else None
    if not isinstance(url, str) or not url.startswith(("ws://", "wss://")):
        raise ConfigError(f"{problem} named no gateway URL; is it a Discord API base URL?")
    return url


def _gateway_error(settings: Settings, cause: BaseException) -> Exception:
    """Return the one-line error for a gateway that could not be reached at all, naming the setting behind it."""
    url = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    if settings.gateway_url:
        return ConfigError(f"DISCORD_GATEWAY_URL: cannot connect to {url}: {_reason(cause)}")
    if settings.api_base:
        return ConfigError(
            f"DISCORD_API_BASE: cannot connect to the gateway it named ({url}): {_reason(cause)}"
        )
    return ConnectionError(f"cannot connect to Discord's gateway ({url}): {_reason(cause)}")


def _reason(exc: BaseException) -> str:
    """Return an exception as a short phrase for a one-line message."""
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
