"""`/spending` answers: an ally's figures with their sources, and the alliance's."""

from __future__ import annotations

from collections import OrderedDict

import discord

from bot.embeds.base import (
    SPENDING_COLOUR,
    SourceNotes,
    escape,
    fit,
    lines_field,
    matched_note,
    set_source_footer,
    when_text,
)
from knowledge.briefing import (
    format_percent,
    is_forecast,
    share_text,
    status_note,
    verdict_verb,
)
from knowledge.models import (
    Figure,
    FigureStatus,
    Metric,
    SpendingAnswer,
    TimeRef,
)


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
    return f"{_figure_text(figure)} {notes.mark(figure.source)}"


def figure_lines(figures: list[Figure], notes: SourceNotes) -> list[str]:
    """Return spending facts as lines, one per distinct line of text with the marks of all its sources.

    Three articles that each give "3.5% of GDP in 2029 (planned)" are one line with three marks
    ("[1][2][3]"): the agreement is shown, and the field keeps room for the facts that differ.
    """
    marks: dict[str, list[str]] = {}
    for figure in figures:
        cited = marks.setdefault(_figure_text(figure), [])
        mark = notes.mark(figure.source)
        if mark not in cited:
            cited.append(mark)
    return [f"{text} {''.join(cited)}" for text, cited in marks.items()]


FIGURE_TEXTS = 16_384  # figure lines kept (a line each: a few MB at most)
_texts: OrderedDict[int, tuple[Figure, str]] = OrderedDict()


def _figure_text(figure: Figure) -> str:
    """Return one spending fact as a line of text, without its source mark.

    Kept by figure: answers are built from the figures the briefing's cache holds, the same
    objects for every server and every repeat, and writing a line (its time, its status, its
    escaping) was most of an embed's time. The figure itself is kept with its line, so its id is
    never another's.
    """
    kept = _texts.get(id(figure))
    if kept is not None and kept[0] is figure:
        _texts.move_to_end(id(figure))  # the least recently used line is the one dropped
        return kept[1]
    text = _write_figure(figure)
    _texts[id(figure)] = (figure, text)
    if len(_texts) > FIGURE_TEXTS:
        _texts.popitem(last=False)
    return text


def _write_figure(figure: Figure) -> str:
    """Return one spending fact as a line of text (see _figure_text)."""
    about = "about " if figure.approximate else ""
    if figure.metric is Metric.SHARE_OF_GDP:
        text = f"{about if figure.value is not None else ''}**{escape(share_text(figure))}** of GDP{_share_time(figure)}"
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
    return text


def spending_embed(answer: SpendingAnswer) -> discord.Embed:
    """Return the embed for a country's or the alliance's spending answer."""
    if answer.country.code == "NATO":
        return alliance_embed(answer)
    country = answer.country
    notes = SourceNotes()
    embed = discord.Embed(
        title=f"{country.flag} {escape(country.name)} — defence spending", colour=SPENDING_COLOUR
    )
    if answer.alias:  # "Turkey" asked, "Türkiye" answered: say they are one
        embed.set_author(name=f"{answer.alias} is listed as {country.name}")
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
            lines_field(embed, "Figures", figure_lines(figures, notes))
        if answer.target_status:
            lines_field(embed, "Target", figure_lines(answer.target_status, notes))
        if answer.comparisons:
            lines_field(embed, "Compared with allies", figure_lines(answer.comparisons, notes))
        if answer.derived:
            lines_field(embed, "Derived", [f"ℹ️ {escape(d)}" for d in dict.fromkeys(answer.derived)])
    _conflict_field(embed, answer, notes)
    if answer.alliance:
        lines_field(embed, "Alliance context", figure_lines(answer.alliance, notes))
    matched_note(embed, answer.matched_by, country.name)
    notes.add_fields(embed)
    set_source_footer(embed, notes)
    return fit(embed)


def alliance_embed(answer: SpendingAnswer) -> discord.Embed:
    """Return the embed for the alliance overview."""
    notes = SourceNotes()
    embed = discord.Embed(
        title=f"{answer.country.flag} NATO — defence spending overview", colour=SPENDING_COLOUR
    )
    embed.description = f"The briefing has spending facts for {len(answer.members)} allies."
    if answer.alliance:
        lines_field(embed, "Target", figure_lines(answer.alliance, notes))
    if answer.figures:
        lines_field(embed, "Alliance totals", figure_lines(answer.figures, notes))
    if answer.members:
        lines_field(
            embed,
            "Allies' own figures (context)",
            [f"{s.country.flag} {escape(s.country.name)} — {escape(s.preview)}" for s in answer.members],
        )
    _conflict_field(embed, answer, notes)
    notes.add_fields(embed)
    set_source_footer(embed, notes)
    if answer.members and not notes.documents():
        # the allies' previews cite nothing here: each ally's own answer does
        embed.set_footer(text="Each ally's figure, with its source: /spending <ally>")
    return fit(embed)


def _conflict_field(embed: discord.Embed, answer: SpendingAnswer, notes: SourceNotes) -> None:
    """Add a warning field when documents disagree."""
    lines = []
    for conflict in answer.conflicts:
        values = " vs ".join(figure_lines(conflict.figures, notes))  # one value, every source that gives it
        lines.append(f"⚠️ Sources disagree for {conflict.year}: {values}")
    if lines:
        lines_field(embed, "Sources disagree", lines)
