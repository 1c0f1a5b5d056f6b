"""/feeds add|list|remove|channel (Manage Server) and /changes: news that arrives by itself.

The bot polls every feed on a schedule (``BRIEFBOT_FEED_INTERVAL``, default 15 minutes; a feed
backing off after failures waits for its retry time), in the background: fetching is
asynchronous and reading pages runs in worker threads, so answers never wait for a poll. After
each round it posts, in each server's chosen channel (``/feeds channel``), one embed per stored
article that changed the briefing: the operator's feeds' changes in every server with a channel,
a server's own feeds' changes only there. Only changes stored after the channel was chosen are
posted; one that cannot be posted (the channel is gone, no permission) is tried again next round.

A server's feeds are its own: ``/feeds list`` and ``/feeds remove`` see only them, their articles
are stored in the server's scope (only that server reads them), and their changes are posted and
listed there only. A server that hides the global documents (``/settings``) gets no global changes.

With several processes (``BRIEFBOT_SHARD_IDS``), the one serving shard 0 polls; each posts for
the servers it serves. A read-only process (``BRIEFBOT_DB_READONLY``) neither polls nor posts,
and refuses ``/feeds add|remove|channel``.
"""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import embeds
from bot.embeds import INFO_COLOUR, clip, document_line, escape, fit
from bot.replies import send
from knowledge.errors import BriefingError
from knowledge.feeds import schedule
from knowledge.feeds.changes import ChangeReport
from knowledge.feeds.fetch import Fetcher, FetchError
from knowledge.feeds.parse import NotAFeed, parse_feed
from knowledge.feeds.poll import FEED_ACCEPT, Poller
from knowledge.store import Feed, Store

log = logging.getLogger(__name__)

CHANGES_SHOWN = 10  # /changes: the newest this many, newest first
DEFAULT_SINCE = timedelta(hours=24)
FEEDS_PER_SERVER = 50
_SINCE = re.compile(r"(\d{1,4})\s*([hdw])")
_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


class FeedProblem(BriefingError):
    """A feed that cannot be added or found; the message says why."""


def parse_since(text: str | None, now: datetime) -> datetime:
    """Return the moment "24h", "7d", "2w" or an ISO date ("2026-03-01") names; raise FeedProblem."""
    if not text or not text.strip():
        return now - DEFAULT_SINCE
    cleaned = text.strip().lower()
    if match := _SINCE.fullmatch(cleaned):
        return now - int(match.group(1)) * _UNITS[match.group(2)]
    try:
        day = datetime.fromisoformat(cleaned)
    except ValueError:
        raise FeedProblem("Give `since` as 24h, 7d, 2w or a date such as 2026-03-01.") from None
    return day if day.tzinfo else day.replace(tzinfo=UTC)


def change_embed(report: ChangeReport) -> discord.Embed:
    """Return the embed saying what one article changed, with its sentences and source."""
    doc = report.document
    verb = "Updated article" if report.replaced else "New article"
    embed = discord.Embed(
        title=clip(f"What changed: {escape(doc.title or f'Document {doc.id}')}", embeds.TITLE_LIMIT),
        url=doc.url if doc.url and doc.url.startswith(("http://", "https://")) else None,
        colour=INFO_COLOUR,
        description=f"{verb} · {embeds.plural(len(report.figures) + len(report.statements) + len(report.meetings), 'change')}"
        " to the briefing.",
    )
    sentences: dict[str, int] = {}

    def mark(sentence: str | None) -> str:
        if not sentence:
            return ""
        return f" `[{sentences.setdefault(sentence, len(sentences) + 1)}]`"

    figures = [
        f"{escape(f.subject_name)} — {escape(f.what)}: **{escape(f.now)}**"
        + (f" (was {escape(f.was)})" if f.was else " (new)")
        + mark(f.sentence)
        for f in report.figures
    ]
    statements = [
        (
            f"{escape(s.speaker)}: “{escape(s.text)}”"
            if s.kind != "reported"
            else f"🗣️ {escape(s.speaker)}: {escape(s.text)}"
        )
        + mark(s.sentence)
        for s in report.statements
    ]
    meetings = [
        escape(m.now) + (f" (was {escape('; '.join(m.was))})" if m.was else " (new)") + mark(m.sentence)
        for m in report.meetings
    ]
    for name, lines in (("Figures", figures), ("New statements", statements), ("Meetings", meetings)):
        if lines:
            embed.add_field(name=name, value=clip("\n".join(lines), embeds.FIELD_VALUE_LIMIT), inline=False)
    if sentences:
        listed = [
            f"`[{n}]` {clip(escape(' '.join(s.split())), embeds.SOURCE_EXCERPT)}"
            for s, n in sentences.items()
        ]
        embed.add_field(name="Sources", value=clip("\n".join(listed), embeds.FIELD_VALUE_LIMIT), inline=False)
    embed.set_footer(text=f"Source: {document_line(doc)}")
    return fit(embed)


def changes_embed(reports: list[tuple[str, ChangeReport]], since: datetime) -> discord.Embed:
    """Return the embed listing changes (stored at, report), newest first."""
    embed = discord.Embed(title="What changed in the briefing", colour=INFO_COLOUR)
    if not reports:
        embed.description = f"Nothing changed since {since:%Y-%m-%d %H:%M} UTC."
        return fit(embed)
    embed.description = f"Since {since:%Y-%m-%d %H:%M} UTC, newest first."
    for stored_at, report in reports:
        lines = [
            f"{escape(f.subject_name)} — {escape(f.what)}: **{escape(f.now)}**"
            + (f" (was {escape(f.was)})" if f.was else " (new)")
            for f in report.figures
        ]
        lines += [
            f"{escape(s.speaker)}: “{escape(s.text)}”"
            if s.kind != "reported"
            else f"🗣️ {escape(s.speaker)}: {escape(s.text)}"
            for s in report.statements
        ]
        lines += [
            escape(m.now) + (f" (was {escape('; '.join(m.was))})" if m.was else " (new)")
            for m in report.meetings
        ]
        name = f"{stored_at[:16].replace('T', ' ')} · {document_line(report.document)}"
        embed.add_field(
            name=clip(escape(name), embeds.FIELD_NAME_LIMIT), value=clip("\n".join(lines), 400), inline=False
        )
    return fit(embed)


def feed_line(feed: Feed) -> str:
    """Return a feed's state for /feeds list."""
    if feed.polled_at is None:
        state = "not polled yet"
    elif feed.failures:
        state = f"failing ({feed.failures} in a row: {feed.last_error}); next try after {feed.retry_at}"
    else:
        state = f"ok, last polled {feed.polled_at}"
    return state


def _in_a_server(interaction: discord.Interaction) -> bool:
    """Return True in a server; raise NoPrivateMessage in a DM (guild_only is only a hint to Discord)."""
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage()
    return True


class Feeds(commands.Cog):
    """Following feeds, and posting what their articles changed."""

    feeds = app_commands.Group(
        name="feeds",
        description="Follow news feeds in this server (Manage Server)",
        allowed_contexts=app_commands.AppCommandContext(guild=True, dm_channel=False, private_channel=False),
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: commands.Bot, store: Store, fetcher: Fetcher, interval: float) -> None:
        self.bot = bot
        self.store = store
        self.fetcher = fetcher
        self.poller = Poller(store, fetcher)
        self.interval = interval
        self._task: asyncio.Task[None] | None = None

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        """Start polling on the schedule, once connected (never in the local console)."""
        if self._task is None and not self.store.read_only:  # a read-only replica can record nothing
            self._task = asyncio.create_task(schedule.every(self.interval, self.poll_and_post), name="feeds")

    async def cog_unload(self) -> None:
        """Stop polling and close the HTTP session."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        await self.fetcher.close()

    def _writable(self) -> None:
        """Raise FeedProblem when this process reads a read-only copy of the store."""
        if self.store.read_only:
            raise FeedProblem("This briefbot process reads a read-only copy of the store; try again later.")

    def polls(self) -> bool:
        """Return whether this process polls the feeds: the one that serves shard 0 (or all), if it may write."""
        shards: Any = getattr(self.bot, "shard_ids", None)
        return not self.store.read_only and (shards is None or 0 in shards)

    async def poll_and_post(self) -> None:
        """Poll the feeds that are due (if this process polls), then post the changes not posted yet."""
        if self.polls():
            for result in await self.poller.poll_all():
                if result.error or result.outcomes:
                    log.info("%s", result.line())
        await self.post_changes()

    async def post_changes(self) -> None:
        """Post, in each server's chosen channel, the changes stored since the last one posted there."""
        for guild_id, channel_id, delivered in await self.store.feed_channels():
            if self.bot.get_guild(guild_id) is None:
                continue  # not (or no longer) in that server
            hiding = await self.store.hides_global(guild_id)
            for change in await self.store.changes(guild_id, after_id=delivered, include_global=not hiding):
                report = ChangeReport.model_validate_json(change.report)
                try:
                    channel: Any = self.bot.get_channel(channel_id) or await self.bot.fetch_channel(
                        channel_id
                    )
                    await channel.send(embed=change_embed(report))
                except discord.HTTPException as exc:  # gone, or no right to post: try again next round
                    log.warning(
                        "Could not post a change in channel %s of server %s: %s", channel_id, guild_id, exc
                    )
                    break
                await self.store.mark_delivered(guild_id, change.id)

    @feeds.command(name="add")
    @app_commands.describe(url="The address of an RSS, Atom or JSON feed (http or https)")
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.check(_in_a_server)
    async def add(self, interaction: discord.Interaction, url: app_commands.Range[str, 1, 300]) -> None:
        """Follow a feed: its new articles are read and stored, and changes posted."""
        assert interaction.guild_id is not None
        self._writable()
        if len(await self.store.feeds(interaction.guild_id)) >= FEEDS_PER_SERVER:
            raise FeedProblem(f"This server already follows {FEEDS_PER_SERVER} feeds; remove one first.")
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            fetched = await self.fetcher.get(url.strip(), accept=FEED_ACCEPT)
            parsed = parse_feed(fetched.body, fetched.content_type, fetched.url)
        except (FetchError, NotAFeed) as exc:
            raise FeedProblem(f"Not added: {exc}") from None
        feed, created = await self.store.add_feed(url.strip(), interaction.guild_id)
        if created and parsed.title:
            await self.store.update_feed(feed.id, title=parsed.title)
        if not created:
            message = f"This server already follows that feed (#{feed.id})."
        else:
            channel = (
                ""
                if any(g == interaction.guild_id for g, _, _ in await self.store.feed_channels())
                else (" Choose where changes are posted with /feeds channel.")
            )
            message = (
                f"Following {parsed.title or feed.url} as feed #{feed.id} ({len(parsed.entries)} items now)."
                f" New articles are read every {self.interval / 60:g} minutes.{channel}"
            )
        await send(interaction, embeds.notice_embed(message), ephemeral=True)

    @feeds.command(name="list")
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.check(_in_a_server)
    async def list_feeds(self, interaction: discord.Interaction) -> None:
        """The feeds this server follows, and how their polling goes."""
        assert interaction.guild_id is not None
        followed = await self.store.feeds(interaction.guild_id)
        embed = discord.Embed(title="Feeds this server follows", colour=INFO_COLOUR)
        if not followed:
            embed.description = "None yet. Add one with /feeds add."
        for feed in followed[: embeds.FIELD_COUNT_LIMIT]:
            embed.add_field(
                name=f"#{feed.id} · {escape(feed.title or 'untitled feed')}",
                value=f"{escape(feed.url)}\n{escape(feed_line(feed))}",
                inline=False,
            )
        channel = next((c for g, c, _ in await self.store.feed_channels() if g == interaction.guild_id), None)
        embed.set_footer(
            text=f"Changes are posted in channel {channel}."
            if channel
            else "No channel chosen: /feeds channel."
        )
        await send(interaction, fit(embed), ephemeral=True)

    @feeds.command(name="remove")
    @app_commands.describe(feed="The feed's number, as /feeds list shows it")
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.check(_in_a_server)
    async def remove(self, interaction: discord.Interaction, feed: app_commands.Range[int, 1]) -> None:
        """Stop following a feed (the articles already read stay)."""
        self._writable()
        if not await self.store.remove_feed(feed, interaction.guild_id):
            raise FeedProblem(f"This server follows no feed #{feed}; /feeds list shows its feeds.")
        await send(interaction, embeds.notice_embed(f"No longer following feed #{feed}."), ephemeral=True)

    @feeds.command(name="channel")
    @app_commands.describe(channel="Where to post what new articles change (default: this channel)")
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.check(_in_a_server)
    async def channel(
        self, interaction: discord.Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        """Choose the channel where the bot posts what each new article changed."""
        assert interaction.guild_id is not None
        self._writable()
        chosen = channel.id if channel is not None else interaction.channel_id
        assert chosen is not None
        await self.store.set_feed_channel(interaction.guild_id, chosen)
        await send(
            interaction,
            embeds.notice_embed(f"What new articles change will be posted in <#{chosen}>."),
            ephemeral=True,
        )

    @app_commands.command(name="changes")
    @app_commands.describe(since="How far back: 24h, 7d, 2w or a date such as 2026-03-01 (default 24h)")
    @app_commands.checks.cooldown(5, 30.0, key=lambda i: i.user.id)
    async def changes(
        self, interaction: discord.Interaction, since: app_commands.Range[str, 0, 40] | None = None
    ) -> None:
        """What the articles stored recently changed in the briefing."""
        moment = parse_since(since, datetime.now(UTC))
        hiding = interaction.guild_id is not None and await self.store.hides_global(interaction.guild_id)
        stored = await self.store.changes(
            interaction.guild_id,
            since=moment.isoformat(timespec="microseconds"),
            limit=CHANGES_SHOWN,
            include_global=not hiding,
        )
        reports = [(c.created_at, ChangeReport.model_validate_json(c.report)) for c in reversed(stored)]
        await send(interaction, changes_embed(reports, moment))


async def setup(bot: commands.Bot) -> None:
    """Add the cog to the bot."""
    settings: Any = bot.settings  # type: ignore[attr-defined]
    fetcher = Fetcher(allow_private=settings.fetch_allow_private)
    await bot.add_cog(Feeds(bot, bot.briefing.store, fetcher, settings.feed_interval))  # type: ignore[attr-defined]
