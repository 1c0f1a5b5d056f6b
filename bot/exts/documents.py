"""/sources and /brief: which documents the bot has read, and a document's key points."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot import embeds
from bot.app import briefing_of
from bot.options import choice_name
from bot.replies import send


async def document_autocomplete(
    interaction: discord.Interaction, value: str
) -> list[app_commands.Choice[str]]:
    """Return up to 25 documents: the one numbered so, then the newest whose title contains the text."""
    return [
        app_commands.Choice(
            name=choice_name(f"#{d.document.id} {d.document.title or 'Untitled'}"), value=str(d.document.id)
        )
        for d in await briefing_of(interaction).document_choices(value)
    ]


class Documents(commands.Cog):
    """Answers about the documents themselves."""

    @app_commands.command(name="sources")
    async def sources(self, interaction: discord.Interaction) -> None:
        """The documents in the briefing: title, outlet, date and how many facts each gave."""
        briefing = briefing_of(interaction)
        documents, total = await briefing.sources(), await briefing.document_count()
        await send(interaction, embeds.sources_embed(documents, home=briefing.home_scope, total=total))

    @app_commands.command(name="brief")
    @app_commands.describe(document="A document title or number (default: the newest)")
    @app_commands.autocomplete(document=document_autocomplete)
    async def brief(
        self, interaction: discord.Interaction, document: app_commands.Range[str, 1, 100] | None = None
    ) -> None:
        """A document's key points, section by section, in its own words."""
        await send(interaction, embeds.brief_embed(await briefing_of(interaction).brief(document)))


async def setup(bot: commands.Bot) -> None:
    """Add the cog to the bot."""
    await bot.add_cog(Documents())
