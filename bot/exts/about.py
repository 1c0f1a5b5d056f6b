"""/about: what the bot knows, its commands and how to read its answers; /ask: free-text search."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot import embeds
from bot.app import briefing_of
from bot.replies import send

MAX_QUESTION_LENGTH = 300
ASK_RATE, ASK_PER_SECONDS = 5, 30.0  # full-text search is the most expensive lookup: 5 per 30 s a member


class About(commands.Cog):
    """Help and free-text questions."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="about")
    async def about(self, interaction: discord.Interaction) -> None:
        """What briefbot knows (documents, countries, people), its commands and how to read answers."""
        listed = [
            (c.name, c.description)
            for c in self.bot.tree.get_commands()
            if isinstance(c, app_commands.Command)
        ]
        embed = embeds.about_embed(await briefing_of(interaction).coverage(), sorted(listed))
        await send(interaction, embed, ephemeral=True)

    @app_commands.command(name="ask")
    @app_commands.describe(question="A question in your own words, e.g. “How much did the US spend in 2014?”")
    @app_commands.checks.cooldown(ASK_RATE, ASK_PER_SECONDS, key=lambda i: i.user.id)
    async def ask(
        self, interaction: discord.Interaction, question: app_commands.Range[str, 1, MAX_QUESTION_LENGTH]
    ) -> None:
        """Search every sentence in the briefing for your words; shows the best passages and sources."""
        await send(interaction, embeds.search_embed(await briefing_of(interaction).search(question)))


async def setup(bot: commands.Bot) -> None:
    """Add the cog to the bot."""
    await bot.add_cog(About(bot))
