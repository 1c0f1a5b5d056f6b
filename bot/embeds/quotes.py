"""`/quote` answers: a person's statements, on pages that stay inside Discord's limits."""

from __future__ import annotations

import discord

from bot.embeds.base import (
    QUOTE_COLOUR,
    SOURCE_EXCERPT,
    SourceNotes,
    escape,
    fit,
    lines_field,
    matched_note,
    set_source_footer,
    when_text,
)
from knowledge.models import (
    Quote,
    StatementKind,
    StatementsAnswer,
)

STATEMENTS_PER_PAGE = 6  # more than this reads as a wall; the rest go on pages
QUOTE_PAGE_CHARS = 4_200  # quotes and their source sentences on one page: room left under 6,000


_KIND_LABEL = {
    StatementKind.VERBATIM: "💬 Quote",
    StatementKind.PARTIAL: "✂️ Partial quote",
    StatementKind.REPORTED: "🗣️ Reported (not a quote)",
}


def quote_field(quote: Quote, notes: SourceNotes) -> tuple[str, str]:
    """Return (name, value) of the field that shows one statement.

    Only verbatim words stand inside quotation marks. A partial quote is the article's clause with
    the speaker's words in the marks the article gave them; reported speech is the article's
    wording, in italics, never in quotation marks. A split quotation shows its parts joined by "…".
    """
    details = [
        x
        for x in (
            when_text(quote.when),
            escape(quote.medium) if quote.medium else "",
            escape(quote.place) if quote.place else "",
        )
        if x
    ]
    name = _KIND_LABEL[quote.kind] + (f" · {' · '.join(details)}" if details else "")
    words = " … ".join(quote.segments) if quote.segments else quote.text
    text = escape(" ".join(words.split()))
    mark = notes.mark(quote.source)
    if quote.kind is StatementKind.VERBATIM:
        return name, f"“{text}” {mark}"
    return name, f"*{text}* {mark}"


def quote_page_ranges(answer: StatementsAnswer) -> list[tuple[int, int]]:
    """Return the (start, end) statement ranges of each page, packed to fit one embed each.

    A page takes statements until STATEMENTS_PER_PAGE or about QUOTE_PAGE_CHARS of quotes and
    source sentences: short quotes share a page, long ones get fewer to a page.
    """
    ranges: list[tuple[int, int]] = []
    start, size = 0, 0
    for i, quote in enumerate(answer.statements):
        cost = (
            len(quote.text) + len(quote.context or "") + min(len(quote.source.passage), SOURCE_EXCERPT) + 120
        )
        if i > start and (i - start >= STATEMENTS_PER_PAGE or size + cost > QUOTE_PAGE_CHARS):
            ranges.append((start, i))
            start, size = i, 0
        size += cost
    ranges.append((start, len(answer.statements)))
    return ranges


def quote_page_count(answer: StatementsAnswer) -> int:
    """Return how many pages a person's statements take (at least one)."""
    return len(quote_page_ranges(answer))


def quote_page(answer: StatementsAnswer, number: int) -> discord.Embed:
    """Return page number (1-based) of a person's statements; the appearances close the last page.

    Pages are built one at a time, when shown: someone quoted hundreds of times has dozens.
    """
    person = answer.person
    ranges = quote_page_ranges(answer)
    count = len(ranges)
    start, end = ranges[max(0, min(number, count) - 1)]
    notes = SourceNotes()
    embed = discord.Embed(title=f"{escape(person.name)} — statements", colour=QUOTE_COLOUR)
    embed.description = _person_line(answer)
    for quote in answer.statements[start:end]:
        name, value = quote_field(quote, notes)
        embed.add_field(name=name, value=value, inline=False)
    if number == count and answer.appearances:
        lines_field(
            embed,
            "Also in the briefing",
            [
                f"• {escape(a.event)}: {escape(a.role) if a.role else 'expected to attend'} {notes.mark(a.source)}"
                for a in answer.appearances
            ],
        )
    matched_note(embed, answer.matched_by, person.name)
    notes.add_fields(embed)
    set_source_footer(embed, notes, f"Page {number}/{count}" if count > 1 else "")
    return fit(embed)


def _person_line(answer: StatementsAnswer) -> str:
    """Return the description line: role as stated and the count of each kind."""
    role = f"{escape(answer.person.roles[0])} (role as stated). " if answer.person.roles else ""
    counts = {kind: sum(q.kind is kind for q in answer.statements) for kind in StatementKind}
    if not answer.statements:
        return f"{role}**No statements by {escape(answer.person.name)} in the briefing.**"
    parts = [f"{n} {kind.value}" for kind, n in counts.items() if n]
    return f"{role}{', '.join(parts)}. Quotes are verbatim; reported speech is the article's wording."
