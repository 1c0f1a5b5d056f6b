"""Benchmarks for briefbot (issue 6): latency, burst, scale, a rank_bm25 baseline and cold start.

Run ``python -m bench`` (full, several minutes) or ``python -m bench --smoke`` (seconds) from the
repository root; see ``bench/__main__.py`` and bench/README.md.
"""
