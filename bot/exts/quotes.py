"""/quote: a person's statements, verbatim quotes first, on pages only the asker can turn."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot import embeds
from bot.app import briefing_of
from bot.options import MAX_NAME_LENGTH, choice_name
from bot.replies import deny, send
from knowledge.briefing import PersonMatch
from knowledge.errors import BriefingError
from knowledge.models import SpeakerType, StatementsAnswer

log = logging.getLogger(__name__)

PAGE_TIMEOUT = 300.0  # seconds a page view listens for button presses
_SPEAKER_KIND = {SpeakerType.DOCUMENT: "document", SpeakerType.UNNAMED: "unnamed source"}


class PersonTransformer(app_commands.Transformer[discord.Client]):
    """Turns typed text into a person of the store; autocompletes on people."""

    @property
    def max_value(self) -> int:
        """Return the longest text Discord may send for this option."""
        return MAX_NAME_LENGTH

    async def transform(self, interaction: discord.Interaction, value: str) -> PersonMatch:
        """Return the person the text names; raise UnknownPerson with suggestions."""
        return await briefing_of(interaction).resolve_person(value)

    async def autocomplete(  # type: ignore[override]
        self, interaction: discord.Interaction, value: str
    ) -> list[app_commands.Choice[str]]:
        """Return up to 25 speakers matching any part of the name, with role or kind and statement count."""
        try:
            people = await briefing_of(interaction).people_choices(value, limit=25)
        except BriefingError:
            return []
        choices = []
        for person in people:
            kind = _SPEAKER_KIND.get(person.speaker_type)
            role = f" · {kind}" if kind else (f" · {person.roles[0]}" if person.roles else "")
            label = f"{person.name} — {person.statement_count} statements{role}"
            choices.append(app_commands.Choice(name=choice_name(label), value=person.name))
        return choices


class QuotePages(discord.ui.View):
    """Previous/next buttons over pages of statements; only the invoking user can turn them."""

    def __init__(self, answer: StatementsAnswer, owner_id: int, origin: discord.Interaction) -> None:
        super().__init__(timeout=PAGE_TIMEOUT)
        self.answer = answer
        self.page_count = embeds.quote_page_count(answer)
        self.owner_id = owner_id
        self.origin = origin
        self.index = 0
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Enable the buttons that lead somewhere and show the page number."""
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index == self.page_count - 1
        self.counter.label = f"{self.index + 1}/{self.page_count}"

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Return whether the presser is the person who asked; tell anyone else why not."""
        if interaction.user.id == self.owner_id:
            return True
        await deny(interaction, "Only the person who asked can turn these pages. Run /quote yourself.")
        return False

    async def _show(self, interaction: discord.Interaction, index: int) -> None:
        """Show the page at index in place of the current one."""
        self.index = max(0, min(index, self.page_count - 1))
        self._update_buttons()
        page = embeds.quote_page(self.answer, self.index + 1)
        await interaction.response.edit_message(embed=page, view=self)

    @discord.ui.button(label="◀ Previous", style=discord.ButtonStyle.secondary, custom_id="quote:previous")
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button[QuotePages]) -> None:
        """Show the previous page."""
        await self._show(interaction, self.index - 1)

    @discord.ui.button(
        label="1/1", style=discord.ButtonStyle.secondary, custom_id="quote:page", disabled=True
    )
    async def counter(self, interaction: discord.Interaction, button: discord.ui.Button[QuotePages]) -> None:
        """Show the page number (the button is never enabled)."""

    @discord.ui.button(label="Next ▶", style=discord.ButtonStyle.secondary, custom_id="quote:next")
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button[QuotePages]) -> None:
        """Show the next page."""
        await self._show(interaction, self.index + 1)

    async def on_timeout(self) -> None:
        """Disable the buttons once the view stops listening."""
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        try:
            await self.origin.edit_original_response(view=self)
        except discord.HTTPException as exc:  # the message may be gone or the token expired
            log.debug("Could not disable quote pages: %s", exc)


class Quotes(commands.Cog):
    """Statement answers."""

    @app_commands.command(name="quote")
    @app_commands.describe(person="A person named in the briefing (surname is enough)")
    async def quote(
        self,
        interaction: discord.Interaction,
        person: app_commands.Transform[PersonMatch, PersonTransformer],
    ) -> None:
        """A person's statements: quotes verbatim, partial quotes and reported speech marked, sources."""
        answer = await briefing_of(interaction).statements_for(person)
        paged = embeds.quote_page_count(answer) > 1
        view = QuotePages(answer, interaction.user.id, interaction) if paged else None
        await send(interaction, embeds.quote_page(answer, 1), view=view)


async def setup(bot: commands.Bot) -> None:
    """Add the cog to the bot."""
    await bot.add_cog(Quotes())
