"""Answers about the briefing's documents: `/about`, `/sources`, `/brief`, `/forget` and the `/ingest` preview."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import discord

from bot.embeds.base import (
    ERROR_COLOUR,
    FIELD_COUNT_LIMIT,
    INFO_COLOUR,
    TOTAL_LIMIT,
    clip,
    document_line,
    escape,
    fit,
    lines_field,
)
from knowledge.extract.reader import header_warnings
from knowledge.models import (
    Article,
    BriefAnswer,
    Coverage,
    DocumentSummary,
    Extraction,
)
from knowledge.preview import has_facts, plural, read_counts, record_lines

PREVIEW_ITEMS = 6  # records of each kind shown before "and N more"


def about_embed(coverage: Coverage, commands: Iterable[tuple[str, str]]) -> discord.Embed:
    """Return the embed that explains what the bot knows and how to read its answers."""
    embed = discord.Embed(title="briefbot — what I know", colour=INFO_COLOUR)
    embed.description = (
        "I answer briefing questions only from the articles in my store, and show the sentence behind"
        " every fact. No figure or quote comes from anywhere else."
    )
    lines_field(
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
    lines_field(embed, "Commands", [f"`/{name}` — {escape(description)}" for name, description in commands])
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
