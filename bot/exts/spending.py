"""/spending: a country's defence spending, or the alliance overview, with sources."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot import charts, embeds
from bot.app import briefing_of
from bot.options import MAX_NAME_LENGTH, choice_name
from bot.replies import send
from knowledge import gazetteer
from knowledge.errors import BriefingError

log = logging.getLogger(__name__)


class CountryTransformer(app_commands.Transformer[discord.Client]):
    """Turns typed text into a resolved country; autocompletes with a preview of each answer."""

    @property
    def max_value(self) -> int:
        """Return the longest text Discord may send for this option."""
        return MAX_NAME_LENGTH

    async def transform(self, interaction: discord.Interaction, value: str) -> gazetteer.Resolution:
        """Return the country the text names (exact, alias or fuzzy); raise UnknownCountry."""
        return gazetteer.resolve_country(value)

    async def autocomplete(  # type: ignore[override]
        self, interaction: discord.Interaction, value: str
    ) -> list[app_commands.Choice[str]]:
        """Return up to 25 countries matching the text, labelled with a preview of the answer."""
        try:
            statuses = await briefing_of(interaction).country_choices(value, limit=25)
        except BriefingError:
            return []
        return [
            app_commands.Choice(
                name=choice_name(f"{s.country.flag} {s.country.name} — {s.preview}"), value=s.country.name
            )
            for s in statuses
        ]


class Spending(commands.Cog):
    """Defence spending answers."""

    @app_commands.command(name="spending")
    @app_commands.describe(
        country="A country (aliases and typos are fine), or “NATO” for the alliance overview"
    )
    async def spending(
        self,
        interaction: discord.Interaction,
        country: app_commands.Transform[gazetteer.Resolution, CountryTransformer],
    ) -> None:
        """A country's defence spending: figures by year, the 2% target, alliance context, sources."""
        answer = await briefing_of(interaction).spending_for(country)
        embed = embeds.spending_embed(answer)
        if not charts.has_chart(answer):
            await send(interaction, embed)
            return
        # Drawing takes longer than a lookup (and waits for a worker thread): acknowledge first.
        await interaction.response.defer(thinking=True)
        try:
            chart = await charts.spending_chart(answer)
        except Exception:  # the chart is an extra: a drawing bug must not cost the user the answer
            log.exception("Could not draw the %s chart; answering without it", answer.country.code)
            await send(interaction, embed)
            return
        embed.set_image(url=f"attachment://{chart.filename}")
        await send(interaction, embed, file=chart)


async def setup(bot: commands.Bot) -> None:
    """Add the cog to the bot."""
    await bot.add_cog(Spending())
