"""`/summit` answers: where and when, who and what, and whether it is ahead or past."""

from __future__ import annotations

from datetime import UTC, date, datetime

import discord

from bot.embeds.base import SUMMIT_COLOUR, SourceNotes, escape, fit, lines_field, set_source_footer, when_text
from knowledge.briefing import (
    describe_time,
)
from knowledge.meetings import place_name
from knowledge.models import (
    EventKind,
    EventStatus,
    PartialDate,
    Selection,
    SummitAnswer,
    TimeRef,
)

_STATUS_TODAY = {
    EventStatus.UPCOMING: "**Upcoming**",
    EventStatus.IN_PROGRESS: "**In progress** today",
    EventStatus.PAST: "**Past**",
}


def summit_embed(answer: SummitAnswer) -> discord.Embed:
    """Return the embed for a meeting: what it is, where it stands, where and when, who, what."""
    notes = SourceNotes()
    flag = f"{answer.country.flag} " if answer.country else ""
    embed = discord.Embed(
        title=f"{flag}{escape(answer.label[:1].upper() + answer.label[1:])}",
        description=summit_status(answer),
        colour=SUMMIT_COLOUR,
    )
    embed.add_field(name="Where", value=escape(_where(answer)), inline=True)
    embed.add_field(name="When", value=summit_when(answer.when), inline=True)
    attendees = [
        f"• {escape(name)} — {'; '.join(escape(r) for r in roles) or 'expected to attend'} {marks}"
        for name, roles, marks in _attendee_lines(answer, notes)
    ]
    if attendees:
        lines_field(embed, "Who", attendees)
    agenda = [f"• {escape(item.text)} {notes.mark(item.source)}" for item in answer.agenda]
    if agenda:
        lines_field(embed, "Agenda", agenda)
    if answer.others:
        others = [f"• {escape(o.label)}{f' — {o.status}' if o.status else ''}" for o in answer.others]
        lines_field(embed, "Other meetings in the briefing", others)
    for source in answer.sources:
        notes.mark(source)
    notes.add_fields(embed)
    set_source_footer(embed, notes)
    return fit(embed)


def _where(answer: SummitAnswer) -> str:
    """Return a meeting's place as written, with its country when the place does not name it."""
    if answer.place is None:
        return answer.country.name if answer.country else "not stated"
    return place_name(answer.place, answer.country.code if answer.country else None)


def summit_status(answer: SummitAnswer) -> str:
    """Return where a meeting stands today and when it was reported, and why it is the one shown."""
    summit = answer.kind in (EventKind.NATO_SUMMIT, "summit")
    if answer.status is not None:
        line = _STATUS_TODAY[answer.status]
    else:
        line = "**Not dated precisely enough** to tell whether it has taken place"
    if answer.selection is Selection.NEXT:
        line += (
            " — the next summit in the briefing."
            if summit
            else " — no NATO summit in the briefing; the next meeting."
        )
    elif answer.selection is Selection.LATEST:
        line += (
            " — no summit in the briefing is ahead; this is the most recent one."
            if summit
            else " — no NATO summit in the briefing; the most recent meeting."
        )
    else:
        line += "."
    if answer.reported is not None:
        line += f"\nWhen reported{_reported_on(answer.reported_on)}: {answer.reported}."
    return line


def _reported_on(published: str | None) -> str:
    """Return " (10 June 2025)" for a document's ISO date, " (2025)" for a year, "" when unknown."""
    if not published:
        return ""
    try:
        day = PartialDate.parse(published)
    except ValueError:
        return ""
    shown = TimeRef(text=str(day.year), year=day.year, month=day.month, day=day.day)
    return f" ({describe_time(shown)})"


def _attendee_lines(answer: SummitAnswer, notes: SourceNotes) -> list[tuple[str, list[str], str]]:
    """Return (name, roles, source marks) per attendee, merging several mentions of one name."""
    merged: dict[str, tuple[list[str], list[str]]] = {}
    for a in answer.attendees:
        roles, marks = merged.setdefault(a.name, ([], []))
        if a.role and a.role not in roles:
            roles.append(a.role)
        mark = notes.mark(a.source)
        if mark not in marks:
            marks.append(mark)
    return [(name, roles, "".join(marks)) for name, (roles, marks) in merged.items()]


def summit_when(when: TimeRef | None) -> str:
    """Return a Discord timestamp for an exact date, else the time as written."""
    if when is None:
        return "not stated"
    first = when.first_day() if when.day else None
    if first is not None:
        shown = f"<t:{_noon(first)}:D>"
        last = when.last_day()
        if last is not None:
            shown += f" – <t:{_noon(last)}:D>"
        return shown
    return when_text(when) or "not stated"


def _noon(day: date) -> int:
    """Return the Unix time of noon UTC on a day: the calendar day is the same in every time zone."""
    return int(datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp())
