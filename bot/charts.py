"""Spending charts: a country's share-of-GDP figures by year, the target line, the source in the caption.

Rendering uses matplotlib's Agg backend in a worker thread (never on the event loop) and is
deterministic (no timestamps in the PNG), so the same answer gives the same file. The target
line is drawn only when the store states a target; nothing is plotted that the answer lacks.
"""

from __future__ import annotations

import asyncio
import io

import discord

from knowledge.models import Figure, Metric, SpendingAnswer

MIN_POINTS = 2  # one figure is a sentence, not a chart


def chart_points(answer: SpendingAnswer) -> list[Figure]:
    """Return the dated share-of-GDP figures worth plotting, oldest first."""
    points = [
        f
        for f in answer.figures
        if f.metric is Metric.SHARE_OF_GDP and f.value is not None and f.when and f.when.year
    ]
    return sorted(points, key=lambda f: (f.when.year if f.when else 0, f.source.document.id))


def has_chart(answer: SpendingAnswer) -> bool:
    """Return whether the answer has enough numeric figures for a chart."""
    return len(chart_points(answer)) >= MIN_POINTS


def chart_filename(answer: SpendingAnswer) -> str:
    """Return the attachment's file name, e.g. spending-US.png."""
    return f"spending-{answer.country.code}.png"


def stated_target(answer: SpendingAnswer) -> float | None:
    """Return the percent-of-GDP target the store states, if any."""
    return next((f.target for f in answer.alliance + answer.target_status if f.target is not None), None)


def render_png(answer: SpendingAnswer) -> bytes:
    """Return the chart as PNG bytes (blocking: call it in a worker thread)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure as PlotFigure

    points = chart_points(answer)
    years = [f.when.year for f in points if f.when and f.when.year]
    values = [f.value or 0.0 for f in points]
    plot = PlotFigure(figsize=(6.4, 3.6), dpi=100)
    axes = plot.subplots()
    axes.plot(years, values, marker="o", color="#2B6CB0")
    for year, value in zip(years, values, strict=True):
        axes.annotate(f"{value:g}%", (year, value), textcoords="offset points", xytext=(0, 7), ha="center")
    target = stated_target(answer)
    if target is not None:
        axes.axhline(target, color="#C53030", linestyle="--", linewidth=1)
        axes.annotate(
            f"{target:g}% target",
            (min(years), target),
            textcoords="offset points",
            xytext=(0, -12),
            color="#C53030",
        )
    axes.set_title(f"{answer.country.name}: defence spending, % of GDP")
    axes.set_ylim(0, max([*values, target or 0]) * 1.25)
    axes.set_xticks(sorted(set(years)))
    axes.grid(axis="y", alpha=0.3)
    titles = list(
        dict.fromkeys(f.source.document.title or f"document {f.source.document.id}" for f in points)
    )
    caption = "Source: " + "; ".join(titles)
    plot.text(0.01, 0.01, caption[:150], fontsize=7, color="#555555")
    plot.subplots_adjust(bottom=0.16)
    buffer = io.BytesIO()
    plot.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


async def spending_chart(answer: SpendingAnswer) -> discord.File:
    """Return the chart as a Discord attachment, rendered off the event loop."""
    data = await asyncio.to_thread(render_png, answer)
    return discord.File(
        io.BytesIO(data), filename=chart_filename(answer), description="Spending by year, from the briefing"
    )
