"""Spending charts: a country's share-of-GDP figures by year, the target line, the source in the caption.

Charts are drawn with Pillow (a line of points over a year axis, value labels, the stated target
as a dashed line, the sources as a caption). Pillow replaced matplotlib here: a chart this simple
does not need a plotting library, and matplotlib cost 39 MB of the bot's memory, a second of
import time and ~0.1 s per chart, where Pillow draws one in a few milliseconds.

Rendering is deterministic (no timestamps in the PNG), so the same chart gives the same bytes;
PNGs are cached by what they show (``ChartSpec``), so a repeated question costs no drawing. The
drawing runs in a worker thread, never on the event loop. The target line is drawn only when the
store states a target; nothing is plotted that the answer lacks.
"""

from __future__ import annotations

import asyncio
import functools
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import discord
from PIL import Image, ImageDraw, ImageFont

from knowledge.models import Figure, FigureStatus, Metric, SpendingAnswer

MIN_POINTS = 2  # one figure is a sentence, not a chart
CACHED_CHARTS = 128  # PNGs kept (about 20 KB each)
MAX_CAPTION = 150
FONT = Path(__file__).parent / "fonts" / "DejaVuSans.ttf"  # Latin, Greek, Cyrillic: "Türkiye" needs ü

WIDTH, HEIGHT = 800, 450
LEFT, RIGHT, TOP, BOTTOM = 64, 32, 56, 72  # plot margins, in pixels
LINE = "#2B6CB0"
TARGET = "#C53030"
GRID = "#E2E8F0"
INK = "#1A202C"
MUTED = "#555555"


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """Everything a chart shows, and nothing else: the cache key of its PNG."""

    title: str
    points: tuple[tuple[int, float], ...]  # (year, percent of GDP), oldest first
    target: float | None
    caption: str


def chart_points(answer: SpendingAnswer) -> list[Figure]:
    """Return the dated share-of-GDP figures worth plotting, oldest first."""
    points = [
        f
        for f in answer.figures
        if f.metric is Metric.SHARE_OF_GDP
        and f.value is not None
        and f.when
        and f.when.year
        and f.status is not FigureStatus.TARGET  # a goal is not a point on the spending line
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


def chart_spec(answer: SpendingAnswer) -> ChartSpec:
    """Return what the answer's chart shows."""
    points = chart_points(answer)
    titles = dict.fromkeys(f.source.document.title or f"document {f.source.document.id}" for f in points)
    return ChartSpec(
        title=f"{answer.country.name}: defence spending, % of GDP",
        points=tuple((f.when.year, f.value or 0.0) for f in points if f.when and f.when.year),
        target=stated_target(answer),
        caption="Source: " + "; ".join(titles),
    )


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    """Return the bundled DejaVu Sans at a size (loaded once per size).

    The basic layout engine, not raqm: raqm is present on some machines and not others (so the
    same chart would differ between them), and it fails on some text that articles can contain.
    """
    return ImageFont.truetype(FONT, size=size, layout_engine=ImageFont.Layout.BASIC)


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """Return text, cut with an ellipsis where it would be wider than width pixels."""
    text = text if len(text) <= MAX_CAPTION else text[: MAX_CAPTION - 1] + "…"
    while len(text) > 1 and draw.textlength(text, font=font) > width:
        text = text[:-2] + "…"
    return text


def _one_line(text: str) -> str:
    """Return text on one line without control characters (Pillow measures single lines only)."""
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Cc").split())


def _ticks(top: float) -> list[float]:
    """Return evenly spaced y-axis ticks from 0 up to top (about five of them, round steps)."""
    raw = top / 5
    step = next(s for s in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 1e9) if s >= raw)
    return [i * step for i in range(int(top / step) + 1)]


def render_png(spec: ChartSpec) -> bytes:
    """Return the chart as PNG bytes (blocking: call it in a worker thread)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    small, label, heading = _font(11), _font(12), _font(16)
    years = [year for year, _ in spec.points]
    values = [value for _, value in spec.points]
    top = max([*values, spec.target or 0.0]) * 1.25 or 1.0
    first, last = min(years) - 0.5, max(years) + 0.5  # half a year of room at each end
    plot_right, plot_bottom = WIDTH - RIGHT, HEIGHT - BOTTOM

    def x(year: float) -> float:
        return LEFT + (year - first) / (last - first) * (plot_right - LEFT)

    def y(value: float) -> float:
        return plot_bottom - value / top * (plot_bottom - TOP)

    title = _fit(draw, _one_line(spec.title), heading, WIDTH - 16)
    draw.text((WIDTH / 2, 18), title, fill=INK, font=heading, anchor="mt")
    for tick in _ticks(top):
        draw.line([(LEFT, y(tick)), (plot_right, y(tick))], fill=GRID)
        draw.text((LEFT - 8, y(tick)), f"{tick:g}%", fill=MUTED, font=small, anchor="rm")
    draw.line([(LEFT, plot_bottom), (plot_right, plot_bottom)], fill=MUTED)
    for year in sorted(set(years)):
        draw.line([(x(year), plot_bottom), (x(year), plot_bottom + 4)], fill=MUTED)
        draw.text((x(year), plot_bottom + 8), str(year), fill=INK, font=label, anchor="mt")
    if spec.target is not None:
        for start in range(LEFT, plot_right, 12):  # dashed: 7 px drawn, 5 px gap
            draw.line([(start, y(spec.target)), (min(start + 7, plot_right), y(spec.target))], fill=TARGET)
        draw.text((LEFT + 6, y(spec.target) + 4), f"{spec.target:g}% target", fill=TARGET, font=small)
    centres = [(x(year), y(value)) for year, value in spec.points]
    draw.line(centres, fill=LINE, width=2)
    for (cx, cy), value in zip(centres, values, strict=True):
        draw.ellipse([(cx - 4, cy - 4), (cx + 4, cy + 4)], fill=LINE)
        draw.text((cx, cy - 9), f"{value:g}%", fill=INK, font=label, anchor="mb")
    caption = _fit(draw, _one_line(spec.caption), small, WIDTH - 16)
    draw.text((8, HEIGHT - 8), caption, fill=MUTED, font=small, anchor="ld")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)  # zlib level 1: 3x faster, still ~30 KB
    return buffer.getvalue()


cached_png = functools.lru_cache(maxsize=CACHED_CHARTS)(render_png)


async def spending_chart(answer: SpendingAnswer) -> discord.File:
    """Return the chart as a Discord attachment, drawn off the event loop (or taken from the cache)."""
    data = await asyncio.to_thread(cached_png, chart_spec(answer))
    return discord.File(
        io.BytesIO(data), filename=chart_filename(answer), description="Spending by year, from the briefing"
    )
