"""What every answer shares: Discord's limits, escaping and clipping, the theme's colours, source notes and footers."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import discord

from knowledge.briefing import (
    describe_time,
)
from knowledge.models import (
    DocumentRef,
    Source,
    TimeRef,
)
from knowledge.preview import plural as plural  # re-exported: answers and feeds count with it

TITLE_LIMIT = 256


DESCRIPTION_LIMIT = 4096


FIELD_COUNT_LIMIT = 25


FIELD_NAME_LIMIT = 256


FIELD_VALUE_LIMIT = 1024


FOOTER_LIMIT = 2048


AUTHOR_LIMIT = 256


TOTAL_LIMIT = 6000


SPENDING_COLOUR = discord.Colour(0x2B6CB0)


SUMMIT_COLOUR = discord.Colour(0x6B46C1)


QUOTE_COLOUR = discord.Colour(0xB7791F)


INFO_COLOUR = discord.Colour(0x2F855A)


ERROR_COLOUR = discord.Colour(0xC53030)


SOURCE_EXCERPT = 280  # characters of a source sentence shown under an answer


ESCAPED_STRINGS = 8192  # escape() results kept (short strings; a few MB at most)


@functools.lru_cache(maxsize=ESCAPED_STRINGS)
def escape(text: str) -> str:
    """Return text safe to show: markdown and mentions escaped, control characters removed.

    Cached: an answer's titles, sentences and quotes come back with every repeat of a question,
    and escaping them (three regex passes each) was most of the time spent building an embed.
    """
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text)
    # escape_markdown takes everything from a line's first "[" to its last "](…)" for one masked
    # link and escapes none of it but the "[": so it never sees a "[" (NUL, removed above, stands
    # in for it) and every "[" is escaped here.
    escaped = discord.utils.escape_markdown(text.replace("[", "\x00")).replace("\x00", "\\[")
    return discord.utils.escape_mentions(escaped)


def clip(text: str, limit: int) -> str:
    """Return text cut to at most limit characters, ending with … when cut."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    trailing = len(cut) - len(cut.rstrip("\\"))
    if trailing % 2:  # never leave half of an escape sequence at the end
        cut = cut[:-1]
    return cut.rstrip() + "…"


def fit(embed: discord.Embed) -> discord.Embed:
    """Return the embed with every Discord limit enforced (clipping, dropping extra fields)."""
    if embed.title:
        embed.title = clip(embed.title, TITLE_LIMIT)
    if embed.description:
        embed.description = clip(embed.description, DESCRIPTION_LIMIT)
    # Footers and author names show no markdown, but titles from articles can hold mentions.
    if embed.footer.text:
        embed.set_footer(text=clip(discord.utils.escape_mentions(embed.footer.text), FOOTER_LIMIT))
    if embed.author.name:
        embed.set_author(name=clip(discord.utils.escape_mentions(embed.author.name), AUTHOR_LIMIT))
    within = len(embed.fields) <= FIELD_COUNT_LIMIT and all(
        f.name and f.value and len(f.name) <= FIELD_NAME_LIMIT and len(f.value) <= FIELD_VALUE_LIMIT
        for f in embed.fields
    )
    if within and len(embed) <= TOTAL_LIMIT:
        return embed  # every field already within its limits (lines_field clips): nothing to redo
    fields = [
        (
            clip(f.name or "\u200b", FIELD_NAME_LIMIT),
            clip(f.value or "\u200b", FIELD_VALUE_LIMIT),
            bool(f.inline),
        )
        for f in embed.fields[:FIELD_COUNT_LIMIT]
    ]
    embed.clear_fields()
    for name, value, inline in fields:
        embed.add_field(name=name, value=value, inline=inline)
    while len(embed) > TOTAL_LIMIT and embed.fields:
        embed.remove_field(len(embed.fields) - 1)  # the last fields are the least important
    if len(embed) > TOTAL_LIMIT and embed.description:
        embed.description = clip(
            embed.description, max(len(embed.description) - (len(embed) - TOTAL_LIMIT), 1)
        )
    return embed


class SourceNotes:
    """Numbers source sentences in order of first use and renders them as a Sources field."""

    def __init__(self) -> None:
        self._sources: dict[tuple[int, int], tuple[int, Source]] = {}

    def mark(self, source: Source) -> str:
        """Return the ``[n]`` mark for a source, numbering it on first use."""
        key = (source.document.id, source.position)
        if key not in self._sources:
            self._sources[key] = (len(self._sources) + 1, source)
        return f"[{self._sources[key][0]}]"

    def documents(self) -> list[DocumentRef]:
        """Return the distinct documents cited, in order of first use."""
        seen: dict[int, DocumentRef] = {}
        for _, source in self._sources.values():
            seen.setdefault(source.document.id, source.document)
        return list(seen.values())

    def add_fields(self, embed: discord.Embed) -> None:
        """Add the numbered source sentences as one or more "Sources" fields."""
        lines = [f"`[{number}]` {_excerpt(source.passage)}" for number, source in self._sources.values()]
        lines_field(embed, "Sources", lines)


@functools.lru_cache(maxsize=ESCAPED_STRINGS)
def _excerpt(passage: str) -> str:
    """Return a source sentence as shown under an answer: one line, escaped, clipped (cached: the
    same sentences back every repeat of a question)."""
    return clip(escape(" ".join(passage.split())), SOURCE_EXCERPT)


def document_line(document: DocumentRef) -> str:
    """Return "Title · outlet · date", saying plainly what the document does not state."""
    title = document.title or f"Document {document.id}"
    outlet = document.outlet or "outlet not stated"
    date = document.published or "date not stated"
    return f"{title} · {outlet} · {date}"


def set_source_footer(embed: discord.Embed, notes: SourceNotes, extra: str = "") -> None:
    """Set the footer to the cited document (or documents) and their dates."""
    documents = notes.documents()
    if len(documents) == 1:
        text = f"Source: {document_line(documents[0])}"
    elif documents:
        text = f"Sources: {len(documents)} documents · " + " | ".join(document_line(d) for d in documents)
    else:
        text = "No source: nothing in the briefing answers this"
    embed.set_footer(text=text + (f" · {extra}" if extra else ""))


def when_text(when: TimeRef | None) -> str:
    """Return a time for display, escaped."""
    return escape(describe_time(when))


def lines_field(embed: discord.Embed, name: str, lines: Sequence[str]) -> None:
    """Add a field with one line per item, splitting into more fields past the value limit."""
    chunk: list[str] = []
    size = 0  # the chunk's length joined by line breaks, plus one: kept, not summed for every line
    for line in lines:
        if chunk and size + len(line) > FIELD_VALUE_LIMIT:
            embed.add_field(name=name, value="\n".join(chunk), inline=False)
            name, chunk, size = f"{name} (cont.)", [], 0
        chunk.append(clip(line, FIELD_VALUE_LIMIT))
        size += len(chunk[-1]) + 1
    if chunk:
        embed.add_field(name=name, value="\n".join(chunk), inline=False)


def matched_note(embed: discord.Embed, matched_by: str, name: str) -> None:
    """Say so when a fuzzy match picked the name, so a wrong guess is visible."""
    if matched_by == "fuzzy":
        embed.set_author(name=f"Closest match: {name}")


def error_embed(message: str, suggestions: Sequence[str] = ()) -> discord.Embed:
    """Return the red embed for an error the user can act on."""
    embed = discord.Embed(description=escape(message), colour=ERROR_COLOUR)
    if suggestions:
        embed.add_field(
            name="Did you mean", value=", ".join(escape(s) for s in suggestions[:5]), inline=False
        )
    return fit(embed)


def notice_embed(message: str) -> discord.Embed:
    """Return a plain informational embed."""
    return fit(discord.Embed(description=escape(message), colour=INFO_COLOUR))
