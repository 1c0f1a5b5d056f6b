"""/ingest: members with Manage Server add an article (a text attachment, a web page or a pasted text).

The reply previews what was extracted and asks to confirm before anything is written; all of it
is ephemeral. The Manage Server requirement is a check enforced here, not only the command's
default permissions (which a server can change), and rechecked when Store it is pressed.
Attachments are fetched only from Discord's file host (or the configured API base, for a
stand-in), streamed and cut off at MAX_ATTACHMENT_BYTES whatever size they declare. Extraction
runs in a worker thread so a long article never blocks the event loop. An article with no
extractable facts is still stored, as searchable text, and the preview says so. A web page
(``url:``) is fetched as feeds are (``knowledge.feeds.fetch``: http(s) only, no private addresses
unless BRIEFBOT_FETCH_ALLOW_PRIVATE, bounded) and its article text read with its metadata; it is
previewed and stored like a file (an earlier version of the page is not replaced, as a feed's is).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from typing import Literal

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.ext import commands

from bot import embeds
from bot.app import briefing_of
from bot.replies import deny, send
from knowledge.briefing import Briefing
from knowledge.errors import MalformedArticle
from knowledge.feeds.fetch import Fetcher, FetchError
from knowledge.feeds.poll import read_page
from knowledge.ingest import ARTICLE_SUFFIXES, analyse, decode_article
from knowledge.models import Article, Extraction
from knowledge.store import StoreWriteError

log = logging.getLogger(__name__)

MAX_ATTACHMENT_BYTES = 256 * 1024  # a long feature is ~40 KB of text; more is not an article
CONFIRM_TIMEOUT = 300.0
DISCORD_CDN_HOSTS = frozenset({"cdn.discordapp.com", "media.discordapp.net"})  # where attachments live
DOWNLOAD_SECONDS = 30.0
PASTE_LIMIT = 4000  # Discord's maximum for a modal text input


def pasted_article(text: str, title: str, date: str, outlet: str) -> str:
    """Return a pasted article with a header made from the modal's fields."""
    header = [
        f"{key}: {value.strip()}"
        for key, value in (("Title", title), ("Source", outlet), ("Date", date))
        if value.strip()
    ]
    return ("\n".join(header) + "\n\n" if header else "") + text.strip()


class PasteModal(discord.ui.Modal, title="Add an article"):
    """A form to paste an article's text and what is known about it."""

    article_title: discord.ui.TextInput[PasteModal] = discord.ui.TextInput(
        label="Title", required=False, max_length=200, custom_id="ingest:title"
    )
    outlet: discord.ui.TextInput[PasteModal] = discord.ui.TextInput(
        label="Outlet", required=False, max_length=100, custom_id="ingest:outlet"
    )
    date: discord.ui.TextInput[PasteModal] = discord.ui.TextInput(
        label="Date (2026, 2026-06 or 2026-06-24)", required=False, max_length=10, custom_id="ingest:date"
    )
    text: discord.ui.TextInput[PasteModal] = discord.ui.TextInput(
        label="Article text",
        style=discord.TextStyle.paragraph,
        min_length=20,
        max_length=PASTE_LIMIT,
        custom_id="ingest:text",
    )

    def __init__(self, cog: Ingest, briefing: Briefing) -> None:
        # One custom id per opened form: discord.py keys pending modals by custom id alone, so with
        # a shared id one manager's submission ends (and unregisters) another manager's open form.
        super().__init__(custom_id=f"ingest:paste:{secrets.token_hex(8)}", timeout=CONFIRM_TIMEOUT)
        self.cog = cog
        self.briefing = briefing

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Return whether the member still has Manage Server (it can be taken away while the form is open)."""
        if interaction.permissions.manage_guild:
            return True
        await deny(interaction, "You need the Manage Server permission to do that.")
        return False

    async def on_submit(self, interaction: discord.Interaction) -> None:
        """Preview the pasted article."""
        raw = pasted_article(self.text.value, self.article_title.value, self.date.value, self.outlet.value)
        await self.cog.preview(interaction, self.briefing, raw, name="pasted article")

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:  # type: ignore[override]
        """Answer a failed submission once."""
        if isinstance(error, MalformedArticle):
            await deny(interaction, error.message)
            return
        log.error("Pasted article failed", exc_info=error)
        await deny(interaction, "Something went wrong while reading the article. It has been logged.")


class ConfirmIngest(discord.ui.View):
    """Store or discard a previewed article; only the member who asked can decide."""

    def __init__(
        self, briefing: Briefing, article: Article, extraction: Extraction, name: str, owner_id: int
    ) -> None:
        super().__init__(timeout=CONFIRM_TIMEOUT)
        self.briefing = briefing
        self.article = article
        self.extraction = extraction
        self.name = name
        self.owner_id = owner_id

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Return whether the presser asked for this preview."""
        if interaction.user.id == self.owner_id:
            return True
        await deny(interaction, "Only the member who added this article can confirm it.")
        return False

    @discord.ui.button(label="Store it", style=discord.ButtonStyle.success, custom_id="ingest:confirm")
    async def confirm(
        self, interaction: discord.Interaction, button: discord.ui.Button[ConfirmIngest]
    ) -> None:
        """Acknowledge, write the article, then say where it went, or why not (the buttons stay to retry)."""
        if not interaction.permissions.manage_guild:  # it can be taken away while the preview is open
            await deny(interaction, "You need the Manage Server permission to do that.")
            return
        # A write can outlast Discord's 3 seconds (another writer holds the store for up to the busy
        # timeout), so the press is acknowledged first and the preview edited when the write is done.
        await interaction.response.defer()
        try:
            result = await self.briefing.add(self.article, self.extraction, name=self.name)
        except StoreWriteError as exc:  # locked, disk full, read-only: nothing of it was kept
            reason = str(exc)
            await deny(interaction, f"{reason[:1].upper()}{reason[1:]} Press Store it to try again.")
            return
        self.stop()
        where = "every server (global)" if self.briefing.guild_id is None else "this server"
        message = (
            f"Stored as document #{result.document_id}, for {where}."
            if result.created
            else (f"Already in the store as document #{result.document_id}; nothing changed.")
        )
        await interaction.edit_original_response(embed=embeds.notice_embed(message), view=None)

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[ConfirmIngest]
    ) -> None:
        """Answer a press that failed unexpectedly once, and log it."""
        log.error("Storing a previewed article failed", exc_info=error)
        await deny(interaction, "Something went wrong while storing the article. It has been logged.")

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary, custom_id="ingest:cancel")
    async def cancel(
        self, interaction: discord.Interaction, button: discord.ui.Button[ConfirmIngest]
    ) -> None:
        """Discard the preview; nothing is written."""
        self.stop()
        await interaction.response.edit_message(
            embed=embeds.notice_embed("Cancelled; nothing was stored."), view=None
        )


def attachment_allowed(url: str, api_base: str | None) -> bool:
    """Return whether an attachment URL is on Discord's CDN (https), or on the configured API base's origin."""
    try:
        where = yarl.URL(url)
    except ValueError:
        return False
    if where.scheme == "https" and where.host in DISCORD_CDN_HOSTS:
        return True
    if not api_base:
        return False
    base = yarl.URL(api_base)  # a stand-in or proxy for Discord serves its attachments too
    return (where.scheme, where.host, where.port) == (base.scheme, base.host, base.port)


async def download(url: str, limit: int) -> bytes:
    """Return the file at url, streamed and stopped past limit bytes; raise MalformedArticle saying why not.

    The size an attachment declares is only a claim: a file that says 100 B may serve 60 MB, so
    the download itself stops at the cap instead of reading everything first.
    """
    try:
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=DOWNLOAD_SECONDS)) as session,
            session.get(url) as response,
        ):
            _check_status(response.status)
            data = bytearray()
            async for chunk in response.content.iter_chunked(64 * 1024):
                data += chunk
                if len(data) > limit:
                    raise MalformedArticle(
                        f"That file is larger than {limit // 1024} KB, the limit for an article."
                    )
            return bytes(data)
    except (aiohttp.ClientError, TimeoutError) as exc:
        reason = type(exc).__name__
        raise MalformedArticle(f"The file could not be fetched from Discord ({reason}); try again.") from None


def _check_status(status: int) -> None:
    """Raise MalformedArticle with what a non-200 answer of the file host means to the member."""
    if status in (403, 404, 410):
        raise MalformedArticle(f"Discord no longer has that file ({status}); attach it again.")
    if status >= 500:
        raise MalformedArticle(f"Discord's file host is failing ({status}); try again in a minute.")
    if status != 200:
        raise MalformedArticle(f"Discord's file host refused the download ({status}); attach the file again.")


def _in_a_server(interaction: discord.Interaction) -> bool:
    """Return True in a server; raise NoPrivateMessage in a DM (guild_only is only a hint to Discord)."""
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage()
    return True


class Ingest(commands.Cog):
    """Adding articles from Discord."""

    def __init__(self, api_base: str | None, fetcher: Fetcher) -> None:
        self.api_base = api_base
        self.fetcher = fetcher

    async def cog_unload(self) -> None:
        """Close the HTTP session pages are fetched with."""
        await self.fetcher.close()

    @app_commands.command(name="ingest")
    @app_commands.describe(
        file="A .txt or .md article in UTF-8 (leave empty to paste the text instead)",
        scope="Who reads it: this server (default), or every server (global; the bot's owners only)",
        url="A web page (http or https) to read the article from, instead of a file",
    )
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    # Checks run bottom-up: a DM first, then permission, so a refused member never meets the cooldown.
    @app_commands.checks.cooldown(3, 60.0, key=lambda i: i.user.id)
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.check(_in_a_server)
    async def ingest(
        self,
        interaction: discord.Interaction,
        file: discord.Attachment | None = None,
        scope: Literal["server", "global"] = "server",
        url: app_commands.Range[str, 1, 300] | None = None,
    ) -> None:
        """Add an article to this server's briefing (Manage Server): preview what was read, then confirm."""
        briefing = briefing_of(interaction)
        if briefing.store.read_only:
            await deny(
                interaction,
                "This briefbot process answers from a read-only copy of the store, so it cannot add"
                " articles. Ask the bot's operator, who ingests where the writer runs.",
            )
            return
        if scope == "global":
            if not await interaction.client.is_owner(interaction.user):  # type: ignore[attr-defined]
                await deny(interaction, "Only the bot's owners can add documents for every server (global).")
                return
            briefing = briefing.for_guild(None)
        if url is not None:
            if file is not None:
                raise MalformedArticle("Give a file or a url, not both.")
            await interaction.response.defer(ephemeral=True, thinking=True)
            try:
                _, raw = await read_page(self.fetcher, url.strip())
            except FetchError as exc:
                raise MalformedArticle(f"The page could not be read: {exc}") from None
            await self.preview(interaction, briefing, raw, name=url.strip())
            return
        if file is None:
            await interaction.response.send_modal(PasteModal(self, briefing))
            return
        if not file.filename.lower().endswith(ARTICLE_SUFFIXES):
            raise MalformedArticle(
                "Attach a .txt or .md file, or run /ingest without a file to paste the text."
            )
        if file.size > MAX_ATTACHMENT_BYTES:
            raise MalformedArticle(
                f"That file is {file.size // 1024} KB; articles are limited to {MAX_ATTACHMENT_BYTES // 1024} KB."
            )
        if not attachment_allowed(file.url, self.api_base):
            raise MalformedArticle(
                "That file is not on Discord's file host; attach it to the command itself."
            )
        await interaction.response.defer(ephemeral=True, thinking=True)
        raw = decode_article(await download(file.url, MAX_ATTACHMENT_BYTES), file.filename)
        await self.preview(interaction, briefing, raw, name=file.filename)

    async def preview(
        self, interaction: discord.Interaction, briefing: Briefing, raw: str, *, name: str
    ) -> None:
        """Extract an article off the event loop and show what would be stored, with confirm buttons."""
        article, extraction = await asyncio.to_thread(analyse, raw)
        existing = await briefing.stored_id(article)
        if existing is not None:
            await send(
                interaction,
                embeds.notice_embed(f"Already in the store as document #{existing}; nothing to add."),
                ephemeral=True,
            )
            return
        view = ConfirmIngest(briefing, article, extraction, name, interaction.user.id)
        await send(
            interaction, embeds.ingest_preview_embed(article, extraction, name), view=view, ephemeral=True
        )


async def setup(bot: commands.Bot) -> None:
    """Add the cog to the bot."""
    settings = bot.settings  # type: ignore[attr-defined]
    fetcher = Fetcher(allow_private=settings.fetch_allow_private)
    await bot.add_cog(Ingest(settings.api_base, fetcher))
