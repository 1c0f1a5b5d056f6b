"""Owner-only command sync, as a mention command so it needs no message-content intent.

``@briefbot sync`` syncs globally; ``@briefbot sync guild`` copies the global commands to this
server and syncs it (instant, for testing); ``@briefbot sync clear`` removes this server's copies.
Commands are never synced on ready: every sync is a deliberate owner action (or the dev guild at
start, see BRIEFBOT_DEV_GUILD).
"""

from __future__ import annotations

import logging
from typing import Literal

import discord
from discord.ext import commands

log = logging.getLogger(__name__)


class Admin(commands.Cog):
    """Owner-only maintenance."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @commands.command(name="sync")
    @commands.is_owner()
    async def sync(
        self, ctx: commands.Context[commands.Bot], scope: Literal["global", "guild", "clear"] = "global"
    ) -> None:
        """Sync the slash commands globally, to this server, or clear this server's copies."""
        tree = self.bot.tree
        if scope == "global":
            synced = await tree.sync()
            await ctx.reply(f"Synced {len(synced)} commands globally.", mention_author=False)
            return
        if ctx.guild is None:
            await ctx.reply("Use this in a server.", mention_author=False)
            return
        guild = discord.Object(id=ctx.guild.id)
        if scope == "guild":
            tree.copy_global_to(guild=guild)
        else:
            tree.clear_commands(guild=guild)
        synced = await tree.sync(guild=guild)
        await ctx.reply(f"Synced {len(synced)} commands to this server.", mention_author=False)

    @commands.Cog.listener()
    async def on_command_error(
        self, ctx: commands.Context[commands.Bot], error: commands.CommandError
    ) -> None:
        """Answer a failed mention command: silence for chatter, a reason for people, a log for bugs.

        Being a listener, it also replaces discord.py's default handler, which logged every
        "@briefbot hello" as an ERROR with a traceback.
        """
        if isinstance(error, commands.CommandNotFound):
            return  # a mention of the bot in conversation, not a command
        if isinstance(error, commands.NotOwner):
            reply = "Only the bot's owners can sync its commands."
        elif isinstance(error, commands.UserInputError):
            reply = "Use `sync`, `sync guild` or `sync clear` after mentioning me."
        else:
            log.error("Mention command %s failed", ctx.command, exc_info=error)
            reply = "Something went wrong; it has been logged."
        try:
            await ctx.reply(reply, mention_author=False)
        except discord.HTTPException as exc:  # no right to speak in that channel: nothing more to do
            log.warning("Could not reply to a mention command: %s", exc)


async def setup(bot: commands.Bot) -> None:
    """Add the cog to the bot."""
    await bot.add_cog(Admin(bot))
