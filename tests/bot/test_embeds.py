"""Embed building: escaping before clipping, and every Discord limit enforced."""

from __future__ import annotations

import discord
import pytest

from bot import embeds
from knowledge.models import (
    CountryRef,
    DocumentRef,
    EventKind,
    EventStatus,
    Figure,
    FigureStatus,
    Metric,
    PersonRef,
    Quote,
    SearchAnswer,
    SearchHit,
    Selection,
    Source,
    SpendingAnswer,
    StatementKind,
    StatementsAnswer,
    SummitAnswer,
    TimeRef,
)
from tests.limits import assert_embed_within_limits


def _source(text: str, position: int = 0) -> Source:
    """Return a source in a document with a hostile title."""
    document = DocumentRef(id=1, title="**Bold** @everyone " * 30, outlet=None, published="2025")
    return Source(document=document, passage=text, section=None, position=position)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@everyone", "@\u200beveryone"),
        ("<@123456789012345678>", "<@\u200b123456789012345678>"),
        ("<@&123456789012345678>", "<@\u200b&123456789012345678>"),
        ("**bold**", "\\*\\*bold\\*\\*"),
        ("[click](https://evil.example)", "\\[click](https://evil.example)"),
        (
            "[a](https://x.example) [b](https://y.example)",
            "\\[a](https://x.example) \\[b](https://y.example)",
        ),
        ("[[click](https://evil.example)", "\\[\\[click](https://evil.example)"),
        ("a\x00b\x07c", "abc"),
    ],
)
def test_escape(text: str, expected: str) -> None:
    """Markdown and mentions are neutralised and control characters dropped."""
    assert embeds.escape(text) == expected


def test_clip_never_leaves_half_an_escape() -> None:
    """Clipping after escaping does not end on a lone backslash."""
    clipped = embeds.clip(embeds.escape("*" * 100), 10)
    assert len(clipped) <= 10 and clipped.endswith("…")
    assert not clipped[:-1].endswith("\\") or clipped[:-1].endswith("\\\\")


def test_fit_enforces_every_limit() -> None:
    """An embed far over every limit comes back inside all of them."""
    embed = discord.Embed(title="t" * 1000, description="d" * 9000)
    for i in range(40):
        embed.add_field(name="n" * 500, value="v" * 3000 + str(i))
    embed.set_footer(text="f" * 5000)
    embed.set_author(name="a" * 500)
    assert_embed_within_limits(embeds.fit(embed).to_dict())  # type: ignore[arg-type]


def test_quote_pages_split_long_answers_and_stay_within_limits() -> None:
    """Many long statements become several pages, each inside the limits, verbatim ones quoted."""
    quotes = [
        Quote(
            kind=kind,
            text="word " * 400,
            context="ctx " * 300,
            when=TimeRef(text="in 2024", year=2024),
            medium="@here",
            source=_source("sentence " * 200, i),
        )
        for i, kind in enumerate([StatementKind.VERBATIM, StatementKind.PARTIAL, StatementKind.REPORTED] * 4)
    ]
    answer = StatementsAnswer(
        person=PersonRef(name="A **B**", roles=["x"]), matched_by="exact", statements=quotes
    )
    pages = [embeds.quote_page(answer, n) for n in range(1, embeds.quote_page_count(answer) + 1)]
    assert len(pages) == 12  # each statement this long fills a page of its own
    for page in pages:
        data = page.to_dict()
        assert_embed_within_limits(data)  # type: ignore[arg-type]
        assert "@here" not in str(data)
    fields = [page.to_dict()["fields"][0] for page in pages]  # type: ignore[typeddict-item]
    assert fields[0]["value"].startswith("“word")
    assert fields[2]["name"].startswith("🗣️ Reported") and not fields[2]["value"].startswith("“")


def test_short_quotes_share_a_page_up_to_the_page_size() -> None:
    """Short statements are packed STATEMENTS_PER_PAGE to a page; a partial quote is never wrapped in marks."""
    quotes = [
        Quote(kind=StatementKind.PARTIAL, text=f"allies want “a fair deal” {i}", source=_source("s", i))
        for i in range(embeds.STATEMENTS_PER_PAGE + 1)
    ]
    answer = StatementsAnswer(person=PersonRef(name="A"), matched_by="exact", statements=quotes)
    assert embeds.quote_page_count(answer) == 2
    first = embeds.quote_page(answer, 1).to_dict()["fields"]  # type: ignore[typeddict-item]
    assert first[0]["value"].startswith("*allies want “a fair deal”")


def test_error_embed_escapes_user_text() -> None:
    """Error messages echoing user text cannot ping or format."""
    data = embeds.error_embed('No country called "@everyone **x**".', ["<@&123456789012345678>"]).to_dict()
    assert "@everyone" not in data["description"]  # type: ignore[typeddict-item]
    assert "<@&123456789012345678>" not in str(data)


def _summit(kind: str, selection: Selection, status: EventStatus | None) -> SummitAnswer:
    """Return a summit answer reported as upcoming on 10 June 2025."""
    return SummitAnswer(
        id=1,
        kind=kind,
        label=f"{kind} in Riga (July 2025)",
        place="Riga",
        selection=selection,
        status=status,
        today="2026-01-01",
        reported=EventStatus.UPCOMING,
        reported_on="2025-06-10",
    )


@pytest.mark.parametrize(
    ("kind", "selection", "status", "expected"),
    [
        (
            EventKind.NATO_SUMMIT,
            Selection.NEXT,
            EventStatus.UPCOMING,
            "**Upcoming** — the next summit in the briefing.\nWhen reported (10 June 2025): upcoming.",
        ),
        (
            EventKind.NATO_SUMMIT,
            Selection.LATEST,
            EventStatus.PAST,
            "**Past** — no summit in the briefing is ahead; this is the most recent one."
            "\nWhen reported (10 June 2025): upcoming.",
        ),
        (
            EventKind.EU_SUMMIT,
            Selection.LATEST,
            EventStatus.PAST,
            "**Past** — no NATO summit in the briefing; the most recent meeting."
            "\nWhen reported (10 June 2025): upcoming.",
        ),
        (
            EventKind.NATO_SUMMIT,
            Selection.CHOSEN,
            None,
            "**Not dated precisely enough** to tell whether it has taken place."
            "\nWhen reported (10 June 2025): upcoming.",
        ),
    ],
)
def test_summit_status_says_which_meeting_and_where_it_stands(
    kind: str, selection: Selection, status: EventStatus | None, expected: str
) -> None:
    """The summit embed says why it shows this meeting, its status today and when it was reported."""
    embed = embeds.summit_embed(_summit(kind, selection, status))
    assert embed.description == expected


@pytest.mark.parametrize(
    ("status", "verb"),
    [
        (FigureStatus.ACTUAL, "allies met"),
        (None, "allies met"),
        (FigureStatus.ESTIMATE, "allies are expected to meet"),
    ],
)
def test_a_forecast_count_of_allies_says_it_is_expected(status: FigureStatus | None, verb: str) -> None:
    """ "all 32 allies will reach the guideline in 2025" is not "32 allies met the target"."""
    figure = Figure(
        subject="NATO",
        metric=Metric.ALLIES_MEETING_TARGET,
        when=TimeRef(text="2025", year=2025),
        value=32.0,
        target=2.0,
        as_written="all 32 allies",
        status=status,
        source=_source("All 32 allies will reach the guideline in 2025."),
    )
    line = embeds.figure_line(figure, embeds.SourceNotes())
    assert f"**32** {verb} the 2% target in 2025" in line


@pytest.mark.parametrize(
    ("target", "expected"),
    [(2.0, "✅ Met the 2% of GDP target in 2024"), (None, "✅ Met the target in 2024")],
)
def test_a_met_claim_names_its_target_only_when_the_article_did(target: float | None, expected: str) -> None:
    """ "France met the guideline in 2024" has no figure for the target: no "the of GDP target"."""
    figure = Figure(
        subject="FR",
        metric=Metric.TARGET_MET,
        when=TimeRef(text="2024", year=2024),
        target=target,
        as_written="met the guideline",
        source=_source("France met the guideline in 2024."),
    )
    line = embeds.figure_line(figure, embeds.SourceNotes())
    assert line.startswith(expected)


def test_a_forecast_verdict_reads_expected_to_meet() -> None:
    """A met claim kept as an estimate ("are expected to meet") is not shown as a verdict."""
    figure = Figure(
        subject="LV",
        metric=Metric.TARGET_MET,
        when=TimeRef(text="2026", year=2026),
        target=2.0,
        status=FigureStatus.ESTIMATE,
        as_written="are expected to meet the 2% target",
        source=_source("Latvia and Lithuania are expected to meet the 2% target in 2026."),
    )
    line = embeds.figure_line(figure, embeds.SourceNotes())
    assert "Expected to meet the 2% of GDP target in 2026" in line and "✅" not in line


def test_a_search_hit_shows_its_resolved_times_under_the_sentence_within_the_field_limit() -> None:
    """The dates line follows the passage, and a passage at its longest still fits the field."""
    hit = SearchHit(
        source=_source("Latvia opened the site last March. " * 60),
        highlighted="Latvia opened the site last March. " * 60,
        score=1.0,
        dates=["“last March”: March 2024"],
    )
    embed = embeds.search_embed(SearchAnswer(query="Latvia site", hits=[hit]))
    value = embed.fields[0].value or ""
    assert value.endswith("🗓️ “last March”: March 2024") and len(value) <= 1024


def test_the_same_fact_from_several_sources_is_one_line_with_every_mark() -> None:
    """Three articles giving "3.5% of GDP in 2029 (planned)" show one line cited [1][2][3]; a
    different status or year stays a line of its own, and every source is still listed."""

    def planned(year: int, position: int, status: FigureStatus = FigureStatus.PLANNED) -> Figure:
        return Figure(
            subject="DE",
            metric=Metric.SHARE_OF_GDP,
            when=TimeRef(text=str(year), year=year),
            value=3.5,
            as_written="3.5%",
            status=status,
            source=_source(f"Sentence {position}: Germany will spend 3.5% of GDP in {year}.", position),
        )

    figures = [planned(2029, 1), planned(2029, 2), planned(2029, 3), planned(2029, 4, FigureStatus.TARGET)]
    figures.append(planned(2028, 5))
    answer = SpendingAnswer(
        country=CountryRef(code="DE", name="Germany", flag="🇩🇪", nato_member=True),
        matched_by="exact",
        figures=figures,
        derived=["3.5% (2029) is below the 5% target"] * 3,
    )
    embed = embeds.spending_embed(answer)
    shown = {field.name: field.value or "" for field in embed.fields}
    lines = shown["Figures"].splitlines()
    assert lines[0] == "**3.5%** of GDP in 2029 (planned) [1][2][3]"
    assert len(lines) == 3 and lines[1].endswith("[4]") and lines[2].endswith("[5]")
    assert shown["Derived"].count("below the 5% target") == 1
    assert all(f"`[{n}]` Sentence {n}:" in shown["Sources"] for n in range(1, 6))
    assert_embed_within_limits(embed.to_dict())


@pytest.mark.parametrize(
    ("written", "value", "shown"),
    [
        ("3.30%", 3.30, "**3.30%** of GDP"),  # the precision it was written with
        ("2,35 %", 2.35, "**2.35%** of GDP"),  # a decimal comma is the same number, not 2%
        ("one point five percent", 1.5, "**1.5%** of GDP"),
    ],
)
def test_a_share_is_shown_with_the_digits_it_was_written_with(written: str, value: float, shown: str) -> None:
    """A share keeps its written precision and never loses the digits after a decimal comma."""
    figure = Figure(
        subject="CZ",
        metric=Metric.SHARE_OF_GDP,
        when=TimeRef(text="2026", year=2026),
        value=value,
        as_written=written,
        source=_source(f"Defence spending corresponds to {written} of GDP."),
    )
    assert embeds.figure_line(figure, embeds.SourceNotes()).startswith(shown)


@pytest.mark.parametrize(
    ("approximate", "as_written", "expected"),
    [
        (True, "about 2.4%", "about **2.4%** of GDP in 2025"),
        (False, "2.4%", "**2.4%** of GDP in 2025"),
        (False, "more than 4%", "**more than 4%** of GDP in 2025"),  # a bound keeps its own words
    ],
)
def test_a_share_written_as_approximate_says_about(approximate: bool, as_written: str, expected: str) -> None:
    """ "about 2.4% of GDP" is shown with its "about", as an amount's "about €86bn" is."""
    figure = Figure(
        subject="DE",
        metric=Metric.SHARE_OF_GDP,
        when=TimeRef(text="2025", year=2025),
        value=None if as_written.startswith("more") else 2.4,
        approximate=approximate,
        as_written=as_written,
        source=_source(f"Germany will spend {as_written} of GDP in 2025."),
    )
    assert embeds.figure_line(figure, embeds.SourceNotes()).startswith(expected)
