"""Spending charts: a country's share-of-GDP figures by year, the target line, the sources in the caption.

Drawn with matplotlib (Agg, anti-aliased): one line per source document, each with its own colour
and marker and numbered in the legend and the caption, so two sources' figures for one year are
told apart (they stand side by side, a little apart, at that year). Value labels are moved apart
until none overlaps another; the caption wraps over up to CAPTION_LINES lines instead of being
cut. matplotlib lives in one worker process started on the first chart (see _drawing_process),
not in the bot: it costs about 45 MB and a second of import time. The event loop only waits.

Rendering is deterministic (no timestamps or software version in the PNG), so the same chart
gives the same bytes; PNGs are cached by what they show (``ChartSpec``), so a repeated question
costs no drawing. The target line is drawn only when the store states a target; nothing is
plotted that the answer lacks.
"""

from __future__ import annotations

import asyncio
import functools
import io
import multiprocessing
import os
import signal
import textwrap
import threading
import unicodedata
import warnings
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

import discord

from knowledge.ingest import end_with_parent
from knowledge.models import Figure, FigureStatus, Metric, SpendingAnswer

MIN_POINTS = 2  # one figure is a sentence, not a chart
CACHED_CHARTS = 128  # PNGs kept (about 30 KB each)
CAPTION_LINES = 4  # wrapped; sources past them are counted ("and 3 more")
CAPTION_WIDTH = 120  # characters per caption line at 8.5 pt across 800 px
MAX_TITLE = 90
WIDTH, HEIGHT, DPI = 800, 450, 100
SERIES = (("#2B6CB0", "o"), ("#DD6B20", "s"), ("#2F855A", "^"), ("#6B46C1", "D"), ("#B7791F", "v"))
TARGET = "#C53030"
INK = "#1A202C"
MUTED = "#555555"
DODGE = 0.12  # years between two sources' points for one year
_DRAWING = threading.Lock()  # matplotlib's font cache and text layout are not thread-safe


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """Everything a chart shows, and nothing else: the cache key of its PNG."""

    title: str
    points: tuple[tuple[int, float, int], ...]  # (year, percent of GDP, index into sources), oldest first
    target: float | None
    sources: tuple[str, ...]  # one line per source document: "title · outlet · date"


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
    documents = list(dict.fromkeys(f.source.document for f in points))
    return ChartSpec(
        title=f"{answer.country.name}: defence spending, % of GDP",
        points=tuple(
            (f.when.year, f.value or 0.0, documents.index(f.source.document))
            for f in points
            if f.when and f.when.year
        ),
        target=stated_target(answer),
        sources=tuple(
            " · ".join(
                part
                for part in (
                    d.title or f"document {d.id}",
                    d.outlet or "outlet not stated",
                    d.published or "",
                )
                if part
            )
            for d in documents
        ),
    )


def _one_line(text: str) -> str:
    """Return text on one line without control characters."""
    return " ".join("".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf")).split())


def _clip(text: str, limit: int) -> str:
    """Return text cut to limit characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def caption_lines(sources: tuple[str, ...]) -> list[str]:
    """Return the caption, numbered by source and wrapped to at most CAPTION_LINES lines."""
    lines: list[str] = []
    for number, source in enumerate(sources, 1):
        wrapped = textwrap.wrap(f"[{number}] {_one_line(source)}", CAPTION_WIDTH, subsequent_indent="     ")
        if len(lines) + len(wrapped) > CAPTION_LINES:
            lines[-1:] = [_clip(lines[-1], CAPTION_WIDTH - 22) + f" … and {len(sources) - number + 1} more"]
            break
        lines.extend(wrapped)
    return lines


def render_png(spec: ChartSpec) -> bytes:
    """Return the chart as PNG bytes (blocking: call it in a worker thread)."""
    with _DRAWING, warnings.catch_warnings():
        # A glyph the font lacks (an emoji in a title) draws as a box; not worth a log line each time.
        warnings.simplefilter("ignore", UserWarning)
        return _render(spec)


def _render(spec: ChartSpec) -> bytes:
    """Draw the chart with matplotlib's Agg backend and return the PNG."""
    figure, _ = draw(spec)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def draw(spec: ChartSpec) -> tuple[Any, list[Any]]:
    """Return the chart's matplotlib figure and its value labels, laid out (no lock: see render_png)."""
    from matplotlib.figure import Figure as PlotFigure  # imported on first use: see the module docstring

    figure = PlotFigure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI)
    caption = caption_lines(spec.sources)
    bottom = (30 + 13 * len(caption)) / HEIGHT
    axes = figure.add_axes((0.08, bottom + 0.06, 0.89, 0.84 - bottom - 0.06))
    figure.text(
        0.5,
        0.96,
        _clip(_one_line(spec.title), MAX_TITLE),
        ha="center",
        va="top",
        fontsize=13,
        color=INK,
        parse_math=False,
    )
    for row, line in enumerate(caption):
        figure.text(
            0.01,
            (8 + 13 * (len(caption) - 1 - row)) / HEIGHT,
            line,
            fontsize=8.5,
            color=MUTED,
            parse_math=False,
        )
    years = sorted({year for year, _, _ in spec.points})
    values = [value for _, value, _ in spec.points]
    labels = []
    sources = sorted({source for _, _, source in spec.points})
    for source in sources:
        colour, marker = SERIES[source % len(SERIES)]
        offset = (sources.index(source) - (len(sources) - 1) / 2) * DODGE if len(sources) > 1 else 0.0
        mine = [(year + offset, value) for year, value, s in spec.points if s == source]
        axes.plot(
            [x for x, _ in mine],
            [v for _, v in mine],
            color=colour,
            marker=marker,
            linewidth=2,
            markersize=6,
            label=f"[{source + 1}]",
        )
        for x, value in mine:
            labels.append(
                axes.annotate(
                    f"{value:g}%",
                    (x, value),
                    xytext=(0, 7),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=9,
                    color=INK,
                    parse_math=False,
                )
            )
    top = max([*values, spec.target or 0.0]) * 1.3 or 1.0
    if spec.target is not None:
        axes.axhline(spec.target, color=TARGET, linestyle="--", linewidth=1.2)
        axes.text(
            1.0,
            spec.target,
            f"{spec.target:g}% target ",
            transform=axes.get_yaxis_transform(),
            ha="right",
            va="bottom",
            fontsize=8.5,
            color=TARGET,
        )
    axes.set_ylim(0, top)
    axes.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    axes.set_xticks(years, [str(y) for y in years])
    axes.yaxis.set_major_formatter("{x:g}%")
    axes.grid(axis="y", color="#E2E8F0")
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(colors=MUTED, labelsize=9)
    if len(sources) > 1:
        axes.legend(loc="upper left", fontsize=8.5, frameon=False, ncols=min(len(sources), 5))
    _separate(figure, labels)
    return figure, labels


def _separate(figure: Any, labels: list[Any]) -> None:
    """Move value labels up (in steps of their height) until no two overlap."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(figure).get_renderer()  # type: ignore[no-untyped-call]
    placed: list[Any] = []
    for label in sorted(labels, key=lambda t: (t.xy[1], t.xy[0])):
        box = label.get_window_extent(renderer)
        for _ in range(len(labels)):
            clash = next((other for other in placed if box.overlaps(other)), None)
            if clash is None:
                break
            x, y = label.xyann
            label.xyann = (x, y + (clash.y1 - box.y0) * 72 / DPI + 1)
            box = label.get_window_extent(renderer)
        placed.append(box)


_workers: ProcessPoolExecutor | None = None
_workers_lock = threading.Lock()


def _drawing_process() -> ProcessPoolExecutor:
    """Return the one worker process that draws charts, starting it on first use.

    matplotlib lives there, not in the bot: the bot's memory stays what it was with a
    hand-drawn chart (about 45 MB less), and a slow chart never holds the GIL the event loop needs.
    Spawned, not forked (the bot runs threads), and it ends itself when the bot's process is gone.
    """
    global _workers
    with _workers_lock:
        if _workers is None:
            _workers = ProcessPoolExecutor(
                1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(os.getpid(),),
            )
        return _workers


def _start_worker(parent: int) -> None:
    """Worker initializer: leave Ctrl-C to the bot (a terminal sends it to both), end with the bot."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with_parent(parent)


def _draw_in_worker(spec: ChartSpec) -> bytes:
    """Return the PNG drawn by the worker process (blocking; a worker that died is replaced once)."""
    global _workers
    try:
        return _drawing_process().submit(render_png, spec).result()
    except BrokenProcessPool:
        with _workers_lock:
            _workers = None
        return _drawing_process().submit(render_png, spec).result()


cached_png = functools.lru_cache(maxsize=CACHED_CHARTS)(_draw_in_worker)


async def spending_chart(answer: SpendingAnswer) -> discord.File:
    """Return the chart as a Discord attachment, drawn in the worker process (or taken from the cache)."""
    data = await asyncio.to_thread(cached_png, chart_spec(answer))
    return discord.File(
        io.BytesIO(data), filename=chart_filename(answer), description="Spending by year, from the briefing"
    )
