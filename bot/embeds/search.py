"""`/ask` answers: the passages that answer a question, their matched words in bold."""

from __future__ import annotations

import re

import discord

from bot.embeds.base import INFO_COLOUR, SourceNotes, clip, escape, fit, set_source_footer
from knowledge.models import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SearchAnswer,
)


def search_embed(answer: SearchAnswer) -> discord.Embed:
    """Return the embed for a free-text search: best passages with matched words in bold."""
    notes = SourceNotes()
    embed = discord.Embed(title=f"Search: {escape(answer.query)}", colour=INFO_COLOUR)
    if not answer.hits:
        embed.description = "No sentence in the briefing matches those words."
    several = len({hit.source.document.id for hit in answer.hits}) > 1
    for hit in answer.hits:
        where = [hit.source.section or "Opening"]
        if several:
            where.append(clip(hit.source.document.title or f"Document {hit.source.document.id}", 80))
        dates = clip("🗓️ " + " · ".join(escape(d) for d in hit.dates), 200) if hit.dates else ""
        embed.add_field(
            name=escape(" · ".join(where)),
            value=f"{highlighted(hit.highlighted, 980 - len(dates))} {notes.mark(hit.source)}"
            + (f"\n{dates}" if dates else ""),
            inline=False,
        )
    if answer.pointers:
        commands = "\n".join(f"`{p.replace('`', chr(39))}`" for p in answer.pointers)
        embed.add_field(name="Try", value=commands, inline=False)
    set_source_footer(embed, notes)
    return fit(embed)


def highlighted(text: str, limit: int) -> str:
    """Return a passage with its match marks turned into bold, everything else escaped, in limit characters.

    Cut piece by piece, so a cut never falls inside a bold word's markers: clipping the joined
    text could leave "**" open and make the rest of the answer bold.
    """
    pieces = re.split(f"[{HIGHLIGHT_START}{HIGHLIGHT_END}]", " ".join(text.split()))
    shown = ""
    # Marks alternate start/end, so odd pieces are the matched words.
    for i, piece in enumerate(pieces):
        part, bold = escape(piece), "**" if i % 2 else ""
        room = limit - len(shown) - 2 * len(bold)
        if len(part) > room:
            cut = clip(part, room).removesuffix("…") if room > 1 else ""
            return (f"{shown}{bold}{cut}{bold}" if cut.strip() else shown.rstrip()) + "…"
        if part:
            shown += f"{bold}{part}{bold}"
    return shown
