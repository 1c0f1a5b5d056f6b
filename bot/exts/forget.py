"""/forget: members with Manage Server remove a document and everything read from it.

The reply (ephemeral) names the document and what would go with it, and nothing is removed until
the member who asked presses **Forget it**; Manage Server is enforced by the bot (a server can
change the command's default permissions) and checked again on the press. The removal is one
transaction in the store, and every answer reflects it at once. A server removes only its own
documents; global ones (the bundled seed, the operator's) are removed with ``briefbot forget``.
"""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot import embeds
from bot.app import briefing_of
from bot.exts.documents import document_autocomplete
from bot.exts.ingest import CONFIRM_TIMEOUT, in_a_server
from bot.replies import deny, send
from knowledge.briefing import Briefing
from knowledge.models import DocumentSummary
from knowledge.store import StoreWriteError

log = logging.getLogger(__name__)


class ConfirmForget(discord.ui.View):
    """Remove a document or keep it; only the member who asked can decide."""

    def __init__(self, briefing: Briefing, summary: DocumentSummary, owner_id: int) -> None:
        super().__init__(timeout=CONFIRM_TIMEOUT)
        self.briefing = briefing
        self.summary = summary
        self.owner_id = owner_id

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Return whether the presser asked to forget this document."""
        if interaction.user.id == self.owner_id:
            return True
        await deny(interaction, "Only the member who asked can confirm this.")
        return False

    @discord.ui.button(label="Forget it", style=discord.ButtonStyle.danger, custom_id="forget:confirm")
    async def confirm(
        self, interaction: discord.Interaction, button: discord.ui.Button[ConfirmForget]
    ) -> None:
        """Acknowledge, remove the document, then say so (or why not, keeping the buttons to retry)."""
        if not interaction.permissions.manage_guild:  # it can be taken away while the question is open
            await deny(interaction, "You need the Manage Server permission to do that.")
            return
        await interaction.response.defer()  # a write can outlast Discord's 3 seconds (a busy store)
        document_id = self.summary.document.id
        try:
            removed = await self.briefing.forget(document_id)
        except StoreWriteError as exc:
            reason = str(exc)
            await deny(interaction, f"{reason[:1].upper()}{reason[1:]} Press Forget it to try again.")
            return
        self.stop()
        message = (
            f"Forgot document #{document_id}: it and everything read from it are gone."
            if removed
            else f"Document #{document_id} was already removed; nothing changed."
        )
        await interaction.edit_original_response(embed=embeds.notice_embed(message), view=None)

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary, custom_id="forget:cancel")
    async def cancel(
        self, interaction: discord.Interaction, button: discord.ui.Button[ConfirmForget]
    ) -> None:
        """Keep the document; nothing is removed."""
        self.stop()
        await interaction.response.edit_message(
            embed=embeds.notice_embed("Cancelled; nothing was removed."), view=None
        )

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[ConfirmForget]
    ) -> None:
        """Answer a press that failed unexpectedly once, and log it."""
        log.error("Forgetting a document failed", exc_info=error)
        await deny(interaction, "Something went wrong while removing the document. It has been logged.")


class Forget(commands.Cog):
    """Removing documents from Discord."""

    @app_commands.command(name="forget")
    @app_commands.describe(document="The document's number or title (see /sources)")
    @app_commands.autocomplete(document=document_autocomplete)
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.check(in_a_server)
    async def forget(
        self, interaction: discord.Interaction, document: app_commands.Range[str, 1, 100]
    ) -> None:
        """Remove a document and everything read from it (Manage Server), after confirmation."""
        briefing = briefing_of(interaction)
        summary = await briefing.resolve_document(document)
        if not await briefing.owns(summary.document.id):
            await deny(
                interaction,
                f"Document #{summary.document.id} is shared by every server (global); only the bot's"
                f" operator can remove it, with `briefbot forget {summary.document.id}`.",
            )
            return
        view = ConfirmForget(briefing, summary, interaction.user.id)
        await send(interaction, embeds.forget_preview_embed(summary), view=view, ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    """Add the cog to the bot."""
    await bot.add_cog(Forget())
