"""/summit: what the meeting is, where it stands, where and when, who, their roles and the agenda."""

from __future__ import annotations

import re

import discord
from discord import app_commands
from discord.ext import commands

from bot import embeds
from bot.app import briefing_of
from bot.options import MAX_NAME_LENGTH, choice_name
from bot.replies import send
from knowledge.errors import NoEvent


class SummitTransformer(app_commands.Transformer[discord.Client]):
    """Turns a chosen meeting ("#id", from the menu) or typed text into a meeting id; autocompletes.

    Menu values carry a "#", so typed text such as "2025" is looked for in the labels (a year)
    and never taken for an event id.
    """

    @property
    def max_value(self) -> int:
        """Return the longest text Discord may send for this option."""
        return MAX_NAME_LENGTH

    async def transform(self, interaction: discord.Interaction, value: str) -> int:
        """Return the summit id chosen, or the one whose label contains the text."""
        if chosen := re.fullmatch(r"#([0-9]{1,18})", value.strip()):  # an id from the menu
            return int(chosen[1])
        wanted = value.strip().casefold()
        for summit in await briefing_of(interaction).summits():
            if wanted and wanted in summit.label.casefold():
                return summit.id
        raise NoEvent("That summit is not in the briefing; pick one from the list.")

    async def autocomplete(  # type: ignore[override]
        self, interaction: discord.Interaction, value: str
    ) -> list[app_commands.Choice[str]]:
        """Return the known meetings whose label contains the text, with where each stands today."""
        wanted = value.strip().casefold()
        summits = await briefing_of(interaction).summits()
        return [
            app_commands.Choice(
                name=choice_name(f"{s.label} — {s.status}" if s.status else s.label), value=f"#{s.id}"
            )
            for s in summits
            if wanted in s.label.casefold()
        ][:25]


class Summit(commands.Cog):
    """Event answers."""

    @app_commands.command(name="summit")
    @app_commands.describe(summit="A meeting the briefing mentions (default: the next NATO summit)")
    async def summit(
        self,
        interaction: discord.Interaction,
        summit: app_commands.Transform[int, SummitTransformer] | None = None,
    ) -> None:
        """The next summit (or one you pick): what it is, where and when, who, the agenda, with sources."""
        answer = await briefing_of(interaction).summit(summit)
        await send(interaction, embeds.summit_embed(answer))


async def setup(bot: commands.Bot) -> None:
    """Add the cog to the bot."""
    await bot.add_cog(Summit())
