"""The one way the bot answers an interaction: respond if it can, follow up if it already did."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.embeds import error_embed


async def send(
    interaction: discord.Interaction,
    embed: discord.Embed,
    *,
    view: discord.ui.View | None = None,
    file: discord.File | None = None,
    ephemeral: bool = False,
) -> None:
    """Send an embed as the interaction's answer, as a response or, when one exists, a followup."""
    view_or_missing = view if view is not None else discord.utils.MISSING
    file_or_missing = file if file is not None else discord.utils.MISSING
    if interaction.response.is_done():
        await interaction.followup.send(
            embed=embed, ephemeral=ephemeral, view=view_or_missing, file=file_or_missing
        )
    else:
        await interaction.response.send_message(
            embed=embed, ephemeral=ephemeral, view=view_or_missing, file=file_or_missing
        )


async def deny(interaction: discord.Interaction, message: str, suggestions: Sequence[str] = ()) -> None:
    """Send a short ephemeral red embed explaining what went wrong and what to try."""
    await send(interaction, error_embed(message, suggestions), ephemeral=True)
