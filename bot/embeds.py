"""Answer models -> discord.Embed, in one visual theme and inside Discord's limits.

Theme: a colour per command family, the flag for countries, facts followed by ``[n]`` marks that
point at the numbered source sentences, and a footer naming the source document(s) and date.
Verbatim quotes are in quotation marks; partial quotes are marked; reported speech is never
put in quotation marks.

All text from articles or users is escaped (markdown and mentions) before it is clipped, and
``fit`` enforces every limit (title 256, description 4096, 25 fields, field name 256 / value 1024,
footer 2048, author 256, 6000 in total) as the last step of every builder.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

import discord

from knowledge.briefing import (
    describe_time,
    format_percent,
    is_forecast,
    share_text,
    status_note,
    verdict_verb,
)
from knowledge.extract.reader import header_warnings
from knowledge.models import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    Article,
    BriefAnswer,
    Coverage,
    DocumentRef,
    DocumentSummary,
    EventKind,
    EventStatus,
    Extraction,
    Figure,
    FigureStatus,
    Metric,
    PartialDate,
    Quote,
    SearchAnswer,
    Selection,
    Source,
    SpendingAnswer,
    StatementKind,
    StatementsAnswer,
    SummitAnswer,
    TimeRef,
)
from knowledge.preview import has_facts, read_counts, record_lines
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

STATEMENTS_PER_PAGE = 6  # more than this reads as a wall; the rest go on pages
QUOTE_PAGE_CHARS = 4_200  # quotes and their source sentences on one page: room left under 6,000
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
        lines = [
            f"`[{number}]` {clip(escape(' '.join(source.passage.split())), SOURCE_EXCERPT)}"
            for number, source in self._sources.values()
        ]
        _lines_field(embed, "Sources", lines)


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


def _in_year(when: TimeRef | None) -> str:
    """Return " in 2024" (or " (“in February”)") for a fact's time, "" when undated."""
    shown = when_text(when)
    if not shown:
        return ""
    return f" in {shown}" if when and when.year else f" ({shown})"


def _share_time(figure: Figure) -> str:
    """Return a share's time and status: " in 2024", " by 2035 (target)", " (target set in July 2023)"."""
    if figure.status is not FigureStatus.TARGET or figure.when is None:
        return f"{_in_year(figure.when)}{status_note(figure)}"
    if figure.when.text.lower().startswith("by ") or figure.subject != "NATO":
        return f" by {when_text(figure.when)} (target)"
    return f" (target set {_in_year(figure.when).strip()})"


def figure_line(figure: Figure, notes: SourceNotes) -> str:
    """Return one spending fact as a line of text with its source mark."""
    mark = notes.mark(figure.source)
    about = "about " if figure.approximate else ""
    if figure.metric is Metric.SHARE_OF_GDP:
        text = f"**{escape(share_text(figure))}** of GDP{_share_time(figure)}"
    elif figure.metric is Metric.AMOUNT:
        equivalents = f" ({', '.join(escape(e) for e in figure.equivalents)})" if figure.equivalents else ""
        text = f"{about}**{escape(figure.as_written.removeprefix('around ').removeprefix('about '))}**{equivalents}"
        text += f" in total{_in_year(figure.when)}" if figure.subject == "NATO" else _in_year(figure.when)
        text += status_note(figure)
    elif figure.metric is Metric.AMOUNT_INCREASE:
        text = f"an increase of {about}**{escape(figure.as_written)}**{_in_year(figure.when)}{status_note(figure)}"
    elif figure.metric in (Metric.TARGET_MET, Metric.TARGET_MISSED):
        icon = "✅" if figure.metric is Metric.TARGET_MET else "❌"
        if is_forecast(figure):
            icon = "🔮"  # a forecast: not yet a verdict
        verb = verdict_verb(figure).capitalize()
        # a claim that names no figure ("met the guideline") says "the target", not "the of GDP target"
        target = (
            f"the {format_percent(figure.target)} of GDP target"
            if figure.target is not None
            else "the target"
        )
        text = f"{icon} {verb} {target}{_in_year(figure.when)}"
    elif figure.metric is Metric.ALLIES_MEETING_TARGET:
        target = f"the {format_percent(figure.target)} target" if figure.target is not None else "the target"
        total = f" of {figure.total}" if figure.total else ""
        verb = "are expected to meet" if is_forecast(figure) else "met"
        text = f"**{figure.value:g}**{total} allies {verb} {target}{_in_year(figure.when)}"
    else:
        text = f"“{escape(figure.as_written)}”"
    return f"{text} {mark}"


def _lines_field(embed: discord.Embed, name: str, lines: Sequence[str]) -> None:
    """Add a field with one line per item, splitting into more fields past the value limit."""
    chunk: list[str] = []
    for line in lines:
        if chunk and sum(len(x) + 1 for x in chunk) + len(line) > FIELD_VALUE_LIMIT:
            embed.add_field(name=name, value="\n".join(chunk), inline=False)
            name, chunk = f"{name} (cont.)", []
        chunk.append(clip(line, FIELD_VALUE_LIMIT))
    if chunk:
        embed.add_field(name=name, value="\n".join(chunk), inline=False)


# --- /spending --------------------------------------------------------------------------------


def spending_embed(answer: SpendingAnswer) -> discord.Embed:
    """Return the embed for a country's or the alliance's spending answer."""
    if answer.country.code == "NATO":
        return alliance_embed(answer)
    country = answer.country
    notes = SourceNotes()
    embed = discord.Embed(
        title=f"{country.flag} {escape(country.name)} — defence spending", colour=SPENDING_COLOUR
    )
    member = "NATO member" if country.nato_member else "Not a NATO member"
    if not answer.has_facts():
        covered = (
            ", ".join(f"{s.country.flag} {escape(s.country.name)}" for s in answer.covered) or "none yet"
        )
        embed.description = (
            f"{member}. **No figures for {escape(country.name)} in the briefing**, and no statement"
            f" on whether it met the target.\nCountries with spending facts: {covered}."
        )
    else:
        figures = answer.figures
        embed.description = f"{member}." + (
            "" if figures else f" The briefing gives **no figure** for {escape(country.name)}'s spending."
        )
        if figures:
            _lines_field(embed, "Figures", [figure_line(f, notes) for f in figures])
        if answer.target_status:
            _lines_field(embed, "Target", [figure_line(f, notes) for f in answer.target_status])
        if answer.comparisons:
            _lines_field(embed, "Compared with allies", [figure_line(f, notes) for f in answer.comparisons])
        if answer.derived:
            _lines_field(embed, "Derived", [f"ℹ️ {escape(d)}" for d in answer.derived])
    _conflict_field(embed, answer, notes)
    if answer.alliance:
        _lines_field(embed, "Alliance context", [figure_line(f, notes) for f in answer.alliance])
    _matched_note(embed, answer.matched_by, country.name)
    notes.add_fields(embed)
    set_source_footer(embed, notes)
    return fit(embed)


def alliance_embed(answer: SpendingAnswer) -> discord.Embed:
    """Return the embed for the alliance overview."""
    notes = SourceNotes()
    embed = discord.Embed(
        title=f"{answer.country.flag} NATO — defence spending overview", colour=SPENDING_COLOUR
    )
    embed.description = f"The briefing has spending facts for {len(answer.members)} countries."
    if answer.alliance:
        _lines_field(embed, "Target", [figure_line(f, notes) for f in answer.alliance])
    if answer.figures:
        _lines_field(embed, "Alliance totals", [figure_line(f, notes) for f in answer.figures])
    if answer.members:
        _lines_field(
            embed,
            "Allies' own figures (context)",
            [f"{s.country.flag} {escape(s.country.name)} — {escape(s.preview)}" for s in answer.members],
        )
    _conflict_field(embed, answer, notes)
    notes.add_fields(embed)
    set_source_footer(embed, notes)
    return fit(embed)


def _conflict_field(embed: discord.Embed, answer: SpendingAnswer, notes: SourceNotes) -> None:
    """Add a warning field when documents disagree."""
    lines = []
    for conflict in answer.conflicts:
        values = " vs ".join(figure_line(f, notes) for f in conflict.figures)
        lines.append(f"⚠️ Sources disagree for {conflict.year}: {values}")
    if lines:
        _lines_field(embed, "Sources disagree", lines)


def _matched_note(embed: discord.Embed, matched_by: str, name: str) -> None:
    """Say so when a fuzzy match picked the name, so a wrong guess is visible."""
    if matched_by == "fuzzy":
        embed.set_author(name=f"Closest match: {name}")


# --- /summit ----------------------------------------------------------------------------------


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
        _lines_field(embed, "Who", attendees)
    agenda = [f"• {escape(item.text)} {notes.mark(item.source)}" for item in answer.agenda]
    if agenda:
        _lines_field(embed, "Agenda", agenda)
    if answer.others:
        others = [f"• {escape(o.label)}{f' — {o.status}' if o.status else ''}" for o in answer.others]
        _lines_field(embed, "Other meetings in the briefing", others)
    for source in answer.sources:
        notes.mark(source)
    notes.add_fields(embed)
    set_source_footer(embed, notes)
    return fit(embed)


def _where(answer: SummitAnswer) -> str:
    """Return a meeting's place as written, with its country when the place does not name it."""
    if answer.place is None:
        return answer.country.name if answer.country else "not stated"
    country = answer.country.name if answer.country else None
    if country is None or country.casefold() in answer.place.casefold():
        return answer.place
    return f"{answer.place}, {country}"


_STATUS_TODAY = {
    EventStatus.UPCOMING: "**Upcoming**",
    EventStatus.IN_PROGRESS: "**In progress** today",
    EventStatus.PAST: "**Past**",
}


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


# --- /quote -----------------------------------------------------------------------------------

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
        _lines_field(
            embed,
            "Also in the briefing",
            [
                f"• {escape(a.event)}: {escape(a.role) if a.role else 'expected to attend'} {notes.mark(a.source)}"
                for a in answer.appearances
            ],
        )
    _matched_note(embed, answer.matched_by, person.name)
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


# --- /about, /ask, errors ---------------------------------------------------------------------


def about_embed(coverage: Coverage, commands: Iterable[tuple[str, str]]) -> discord.Embed:
    """Return the embed that explains what the bot knows and how to read its answers."""
    embed = discord.Embed(title="briefbot — what I know", colour=INFO_COLOUR)
    embed.description = (
        "I answer briefing questions only from the articles in my store, and show the sentence behind"
        " every fact. No figure or quote comes from anywhere else."
    )
    _lines_field(
        embed,
        "Documents",
        [
            f"• {escape(document_line(d.document))} — {plural(d.spending_facts, 'spending fact')},"
            f" {plural(d.statements, 'statement')}"
            for d in coverage.documents
        ]
        or ["None yet."],
    )
    countries = ", ".join(f"{s.country.flag} {escape(s.country.name)}" for s in coverage.countries)
    embed.add_field(name="Countries with spending facts", value=countries or "None yet.", inline=False)
    people = ", ".join(
        f"{escape(p.name)} ({p.statement_count})" for p in coverage.people if p.statement_count
    )
    embed.add_field(name="People quoted (statements)", value=people or "None yet.", inline=False)
    _lines_field(embed, "Commands", [f"`/{name}` — {escape(description)}" for name, description in commands])
    embed.add_field(
        name="How to read answers",
        value=(
            "`[n]` points at the numbered source sentence under the answer. “Quoted” text is verbatim;"
            " ✂️ marks a partial quote; 🗣️ marks reported speech (the article's words, not the speaker's)."
            " ℹ️ Derived lines are computed by briefbot from stored figures. Relative dates such as"
            " “last year” are resolved against the article's date and shown as written."
        ),
        inline=False,
    )
    embed.set_footer(
        text=f"{documents_footer(len(coverage.documents), coverage.document_count)} in the store"
    )
    return fit(embed)


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


def error_embed(message: str, suggestions: Sequence[str] = ()) -> discord.Embed:
    """Return the red embed for an error the user can act on."""
    embed = discord.Embed(description=escape(message), colour=ERROR_COLOUR)
    if suggestions:
        embed.add_field(
            name="Did you mean", value=", ".join(escape(s) for s in suggestions[:5]), inline=False
        )
    return fit(embed)


# --- /sources, /brief -------------------------------------------------------------------------


def scope_label(scope: str, home: str) -> str:
    """Return who reads a document of a scope, seen from the view whose own scope is home."""
    if scope == "global":
        return "🌐 global"
    return "🏠 this server" if scope == home else "another server"


def documents_footer(shown: int, total: int) -> str:
    """Return how many documents there are, and how many of them (the newest) a list shows."""
    total = max(shown, total)
    return plural(total, "document") if shown == total else f"the newest {shown} of {total:,} documents"


def sources_embed(
    documents: Sequence[DocumentSummary], home: str = "global", total: int = 0
) -> discord.Embed:
    """Return the embed listing the newest documents a view reads (of total), each with its scope and counts."""
    embed = discord.Embed(title="Sources in the briefing", colour=INFO_COLOUR)
    if not documents:
        embed.description = "No documents yet. Members with Manage Server can add one with /ingest."
    for d in documents:
        counts = (
            f"{plural(d.spending_facts, 'spending fact')} · {plural(d.statements, 'statement')} ·"
            f" {plural(d.events, 'event')} · {plural(d.passages, 'sentence')}"
        )
        link = f"\n{escape(d.document.url)}" if d.document.url else ""
        embed.add_field(
            name=f"#{d.document.id} · {escape(d.document.title or 'Untitled')}",
            value=(
                f"{scope_label(d.scope, home)} · {escape(d.document.outlet or 'outlet not stated')}"
                f" · {escape(d.document.published or 'date not stated')}"
                f"\n{counts}{link}"
            ),
            inline=False,
        )
    embed.set_footer(text=documents_footer(len(documents), total))
    return fit(embed)


def forget_preview_embed(summary: DocumentSummary) -> discord.Embed:
    """Return the question whether to forget a document, saying what would go with it."""
    doc = summary.document
    embed = discord.Embed(title=f"Forget “{escape(doc.title or 'Untitled')}”?", colour=ERROR_COLOUR)
    embed.description = (
        f"Document #{doc.id} · {escape(doc.outlet or 'outlet not stated')} · {escape(doc.published or 'date not stated')}"
        f"\nRemoves it and everything read from it: {plural(summary.passages, 'sentence')},"
        f" {plural(summary.spending_facts, 'spending fact')}, {plural(summary.statements, 'statement')},"
        f" {plural(summary.events, 'event')}. Answers change at once; this cannot be undone"
        " (the article can be added again with /ingest).\nNothing is removed until you press **Forget it**."
    )
    return fit(embed)


def brief_embed(answer: BriefAnswer) -> discord.Embed:
    """Return the embed with a document's key points, section by section."""
    doc = answer.document.document
    embed = discord.Embed(title=f"Brief: {escape(doc.title or f'Document {doc.id}')}", colour=INFO_COLOUR)
    embed.description = (
        f"{plural(answer.document.spending_facts, 'spending fact')}, {plural(answer.document.statements, 'statement')}"
        f" and {plural(answer.document.events, 'event')} were read from this document. Key sentences, verbatim:"
    )
    budget = TOTAL_LIMIT - 600  # leave room for title, description and footer
    per_point = max(120, min(400, budget // max(1, sum(len(s.points) for s in answer.sections))))
    for section in answer.sections[:FIELD_COUNT_LIMIT]:
        points = [f"• {clip(escape(' '.join(p.passage.split())), per_point)}" for p in section.points]
        embed.add_field(name=escape(section.title or "Opening"), value="\n".join(points), inline=False)
    embed.set_footer(text=f"Source: {document_line(doc)}")
    return fit(embed)


# --- /ingest ----------------------------------------------------------------------------------

PREVIEW_ITEMS = 6  # records of each kind shown before "and N more"


def notice_embed(message: str) -> discord.Embed:
    """Return a plain informational embed."""
    return fit(discord.Embed(description=escape(message), colour=INFO_COLOUR))


def ingest_preview_embed(article: Article, extraction: Extraction, name: str) -> discord.Embed:
    """Return the preview of what ingesting an article would store."""
    meta = article.meta
    title = meta.title or name
    embed = discord.Embed(title=f"Add “{escape(title)}”?", colour=INFO_COLOUR)
    found = read_counts(article, extraction) + "."
    if not has_facts(extraction):
        found += " No facts could be read from it: it will be stored as searchable text for /ask."
    embed.description = (
        f"Outlet: {escape(meta.outlet or 'not stated')} · Date: {escape(meta.published.iso() if meta.published else 'not stated')}"
        f"\nRead: {found}\nNothing is stored until you press **Store it**."
    )
    warnings = header_warnings(article)
    if warnings:
        embed.description += "\n" + "\n".join(f"⚠️ {escape(w)}" for w in warnings)
    for kind, lines in record_lines(extraction):
        _preview_field(embed, kind, [escape(line) for line in lines])
    embed.set_footer(text=f"File: {name} · sha256 {article.sha256[:12]}")
    return fit(embed)


def _preview_field(embed: discord.Embed, name: str, lines: Sequence[str]) -> None:
    """Add up to PREVIEW_ITEMS lines of a record kind, and how many more there are."""
    if not lines:
        return
    shown = [f"• {clip(line, 150)}" for line in lines[:PREVIEW_ITEMS]]
    if len(lines) > PREVIEW_ITEMS:
        shown.append(f"… and {len(lines) - PREVIEW_ITEMS} more")
    embed.add_field(name=name, value="\n".join(shown), inline=False)
