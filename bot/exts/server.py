"""/settings: what a server's admins choose for it; for now, whether it reads the global documents.

A server that hides the global documents answers only from what its own members ingested (for
teams with their own sources). Only members with Manage Server can change it, as with /ingest.
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot import embeds
from bot.app import briefing_of
from bot.replies import deny, send
from knowledge.store import StoreWriteError


def _in_a_server(interaction: discord.Interaction) -> bool:
    """Return True where the bot is installed in a server; raise NoPrivateMessage elsewhere."""
    if briefing_of(interaction).guild_id is None:
        raise app_commands.NoPrivateMessage()
    return True


def _state(hidden: bool) -> str:
    """Return what a server reads, in words."""
    if hidden:
        return "This server reads only the documents its members added; the global documents are hidden."
    return "This server reads the global documents and the documents its members added."


class ServerSettings(commands.Cog):
    """A server's own choices."""

    @app_commands.command(name="settings")
    @app_commands.describe(
        hide_global="True: answer only from this server's documents; False: global ones too"
    )
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.check(_in_a_server)
    async def settings(self, interaction: discord.Interaction, hide_global: bool | None = None) -> None:
        """This server's settings (Manage Server): whether it reads the global documents."""
        briefing = briefing_of(interaction)
        if hide_global is not None and briefing.store.read_only:
            await deny(
                interaction, "This briefbot process reads a read-only copy of the store; try again later."
            )
            return
        if hide_global is not None:
            try:
                await briefing.set_hide_global(hide_global)
            except StoreWriteError as exc:
                reason = str(exc)
                await deny(interaction, f"{reason[:1].upper()}{reason[1:]}")
                return
        await send(interaction, embeds.notice_embed(_state(await briefing.hides_global())), ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    """Add the cog to the bot."""
    await bot.add_cog(ServerSettings())
