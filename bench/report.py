"""Rows, targets, percentiles, the printed table and the JSON file of a benchmark run."""

from __future__ import annotations

import json
import math
import os
import platform
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

Stat = Literal["p50", "p99", "max", "value"]


@dataclass(frozen=True, slots=True)
class Target:
    """A goal for one statistic of a row, e.g. p99 <= 2 ms."""

    stat: Stat
    op: Literal["<=", "<", ">="]
    limit: float
    text: str

    def met(self, row: Row) -> bool | None:
        """Return whether the row meets the target (None when the statistic is missing)."""
        measured = getattr(row, self.stat)
        if measured is None:
            return None
        if self.op == "<=":
            return bool(measured <= self.limit)
        if self.op == "<":
            return bool(measured < self.limit)
        return bool(measured >= self.limit)


@dataclass(slots=True)
class Row:
    """One figure of the report: a latency distribution (p50/p99/max) or a single value."""

    key: str  # stable identifier, e.g. "seed.e2e.spending"
    section: str
    figure: str
    unit: str
    n: int | None = None
    p50: float | None = None
    p99: float | None = None
    max: float | None = None
    value: float | None = None
    target: Target | None = None
    note: str = ""
    skipped: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def met(self) -> bool | None:
        """Return whether the row's target is met (None without a target or a measurement)."""
        return self.target.met(self) if self.target and self.skipped is None else None

    def has_numbers(self) -> bool:
        """Return whether the row carries at least one finite measured number."""
        numbers = [self.p50, self.p99, self.max] if self.value is None else [self.value]
        return all(x is not None and math.isfinite(x) for x in numbers)

    def as_json(self) -> dict[str, Any]:
        """Return the row as a JSON-ready dict."""
        data = asdict(self)
        data["target"] = self.target.text if self.target else None
        data["met"] = self.met
        return data


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Return the nearest-rank q-th percentile (0 < q <= 100) of already sorted values."""
    if not sorted_values:
        raise ValueError("no values")
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def latency_row(
    key: str,
    section: str,
    figure: str,
    seconds: Sequence[float],
    *,
    target: Target | None = None,
    note: str = "",
) -> Row:
    """Return a row with p50/p99/max in milliseconds of the given durations in seconds."""
    ms = sorted(s * 1000 for s in seconds)
    if not ms:
        return Row(key, section, figure, "ms", n=0, target=target, note=note, skipped="no samples")
    return Row(
        key,
        section,
        figure,
        "ms",
        n=len(ms),
        p50=percentile(ms, 50),
        p99=percentile(ms, 99),
        max=ms[-1],
        target=target,
        note=note,
    )


def _fmt(x: float | None) -> str:
    """Return a number for the table with about three significant digits."""
    if x is None:
        return "-"
    if x == 0 or abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    if abs(x) >= 1:
        return f"{x:.2f}"
    return f"{x:.3f}"


def table(rows: Sequence[Row]) -> str:
    """Return the rows as a fixed-width text table, grouped by section."""
    header: tuple[str, ...] = ("figure", "n", "p50", "p99", "max", "value", "unit", "target", "met")
    lines: list[tuple[str, ...]] = []
    sections: list[tuple[str, int]] = []
    for row in rows:
        if not sections or sections[-1][0] != row.section:
            sections.append((row.section, len(lines)))
        met = {True: "met", False: "NOT MET", None: ""}[row.met]
        cells: tuple[str, ...]
        if row.skipped:
            cells = (row.figure, "", "", "", "", "skipped", "", row.target.text if row.target else "", "")
        else:
            cells = (
                row.figure,
                "" if row.n is None else str(row.n),
                _fmt(row.p50),
                _fmt(row.p99),
                _fmt(row.max),
                "" if row.value is None else _fmt(row.value),
                row.unit,
                row.target.text if row.target else "",
                met,
            )
        lines.append(cells)
    widths = [max(len(header[i]), *(len(c[i]) for c in lines)) if lines else len(header[i]) for i in range(9)]

    def render(cells: tuple[str, ...]) -> str:
        """Return one table line: text columns left-aligned, numbers right-aligned."""
        out = []
        for i, cell in enumerate(cells):
            out.append(cell.rjust(widths[i]) if 1 <= i <= 5 else cell.ljust(widths[i]))
        return "  ".join(out).rstrip()

    out = [render(header), "  ".join("-" * w for w in widths)]
    starts = dict((index, name) for name, index in sections)
    for index, cells in enumerate(lines):
        if index in starts:
            out.append(f"[{starts[index]}]")
        out.append(render(cells))
        note = rows[index].skipped or rows[index].note
        if note:
            out.append(" " * 4 + "↳ " + note)
    return "\n".join(out)


def cpu_model() -> str:
    """Return the CPU model name from /proc/cpuinfo (or the platform's processor string)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> dict[str, Any]:
    """Return what the run ran on: cores, CPU, Python, SQLite, discord.py, load average."""
    import discord

    try:
        load = os.getloadavg()
    except OSError:
        load = (math.nan, math.nan, math.nan)
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu_model(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "sqlite": sqlite3.sqlite_version,
        "discord.py": discord.__version__,
        "loadavg_at_start": [round(x, 2) for x in load],
        "git": git_revision(),
    }


def git_revision() -> str:
    """Return the checked-out commit, with "+dirty" when the working tree has changes."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+dirty" if dirty.strip() else "")


def write_json(path: Path, mode: str, info: dict[str, Any], rows: Sequence[Row], elapsed: float) -> None:
    """Write the run's rows and machine information as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "mode": mode,
        "machine": info,
        "elapsed_s": round(elapsed, 1),
        "rows": [row.as_json() for row in rows],
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
