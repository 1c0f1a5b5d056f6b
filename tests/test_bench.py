"""The benchmark's smoke run completes and reports every figure (timings are not asserted)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

from bench.__main__ import expected_keys
from bench.baseline import INSTALL_HINT

ROOT = Path(__file__).resolve().parent.parent


CORPUS_ARTICLE = """Title: Harbour notes
Source: Test Desk
Date: 2024-03-01

The harbour at Tromsø gets a new icebreaker berth in 2026.
"""


def _corpus(folder: Path) -> Path:
    """Write a one-article corpus with one /ask check (for the ranking rows) and return its folder."""
    (folder / "articles").mkdir(parents=True)
    (folder / "expected").mkdir()
    (folder / "articles" / "01-harbour.txt").write_text(CORPUS_ARTICLE, encoding="utf-8")
    check = {"id": "c1", "input": "/ask When does the icebreaker berth open?", "must_include": [["2026"]]}
    (folder / "expected" / "01-harbour.json").write_text(
        json.dumps({"command_checks": [check]}), encoding="utf-8"
    )
    return folder


def test_smoke_benchmark_reports_every_row(tmp_path: Path) -> None:
    """``python -m bench --smoke`` exits 0 and writes a number for every row (rank_bm25 optional)."""
    out = tmp_path / "smoke.json"
    corpus = _corpus(tmp_path / "corpus")
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--out", str(out), "--corpus", str(corpus)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["mode"] == "smoke"
    rows = {row["key"]: row for row in report["rows"]}
    assert set(expected_keys()) <= set(rows), set(expected_keys()) - set(rows)
    for key in expected_keys():
        row = rows[key]
        if row["skipped"]:
            assert key.startswith(("baseline.", "ranking.bm25")) and row["skipped"] == INSTALL_HINT, row
            continue
        numbers = [row["value"]] if row["value"] is not None else [row["p50"], row["p99"], row["max"]]
        assert all(isinstance(x, int | float) and math.isfinite(x) for x in numbers), row
    assert "p99" in done.stdout and "cold start" in done.stdout
