"""``python -m bench``: run the benchmarks of issue 6, print the table and write it as JSON.

    python -m bench            # the full run (several minutes; 10,000 articles, 1,000 interactions)
    python -m bench --smoke    # a tiny run of everything, for CI (seconds)

Run it from the repository root (it imports the Discord stand-in from ``tests/e2e``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import math
import statistics
import sys
import tempfile
import time
import traceback
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bench import barebot, baseline, e2e, feeds, linearity, ranking, readers, scale
from bench.report import Row, Target, latency_row, machine, percentile, table, write_json
from bench.workload import (
    ASK_QUERIES,
    COMMANDS,
    COUNTRIES,
    SEED_PEOPLE,
    STRUCTURED,
    Workload,
    people_for,
    time_charts,
    time_in_process,
    time_scoped,
)
from knowledge.briefing import Briefing
from knowledge.collector import Freezer
from knowledge.ingest import analyse, open_store

DEFAULT_OUT = Path(__file__).parent / "results" / "latest.json"

STRUCTURED_P99 = Target("p99", "<=", 2.0, "p99 ≤ 2 ms")
ASK_P99 = Target("p99", "<=", 20.0, "p99 ≤ 20 ms")
E2E_P99 = Target("p99", "<=", 25.0, "p99 ≤ 25 ms")
BURST_SLOWEST = Target("max", "<", 1000.0, "slowest < 1 s")
INGEST_RATE = Target("value", ">=", 200.0, "≥ 200 articles/s")
BOT_RSS = Target("value", "<", 150.0, "< 150 MB")
COLD_START = Target("value", "<", 1.5, "< 1.5 s")
LONG_ARTICLE = Target("value", "<", 2.0, "< 2 s")
EXTRACTORS = ("people", "spending", "statements", "events", "all")
READERS_ROWS = ("idle", "process", "process_ratio", "here", "here_ratio")
READERS_BOT_ROWS = ("idle", "process", "process_ratio")
# Issue 15: during another process's ingest, through the real bot.
DURING_INGEST_P99 = Target("p99", "<=", 10.0, "p99 ≤ 10 ms")
DURING_INGEST_ASK_P99 = Target("p99", "<=", 25.0, "p99 ≤ 25 ms")
DURING_INGEST_RATIO = Target("value", "<=", 3.0, "≤ 3× idle")
FLOOR_RATIO = Target("value", "<=", 1.3, "≤ 1.3× the bare bot")


@dataclass(frozen=True, slots=True)
class Config:
    """The sizes of one run."""

    mode: str
    n: int  # interactions (and in-process answers) per command
    articles: int  # synthetic articles in the scale store
    burst: int
    budget: float  # seconds at most per latency row; fewer than n samples past it (reported)
    cold_runs: int
    corpus_sample: int
    charts: int  # chart renderings timed (each takes about 0.1 s)
    long_article: int  # characters of the one long article extraction is timed on
    feed_items: int  # new items in the feed `briefbot feeds poll` reads
    scopes: int  # scopes the scoped store's articles are dealt to (global and scopes - 1 servers)
    corpus: Path | None = None  # a corpus folder (articles/, expected/) for the /ask ranking rows


FULL = Config(
    "full",
    n=1000,
    articles=10_000,
    burst=1000,
    budget=60.0,
    cold_runs=5,
    corpus_sample=200,
    charts=200,
    long_article=1_000_000,
    feed_items=200,
    scopes=100,
)
SMOKE = Config(
    "smoke",
    n=20,
    articles=50,
    burst=50,
    budget=5.0,
    cold_runs=1,
    corpus_sample=10,
    charts=3,
    long_article=50_000,
    feed_items=3,
    scopes=5,
)


def expected_keys() -> list[str]:
    """Return the key of every row a run produces, in order."""
    keys = [f"seed.inprocess.{key}" for key, _ in COMMANDS]
    keys += ["seed.e2e.ready", "seed.e2e.first", *(f"seed.e2e.{key}" for key, _ in COMMANDS)]
    keys += ["burst.answered", "burst.latency"]
    keys += ["bare.spending", "bare.burst", "bare.ratio.p99", "bare.ratio.burst"]
    keys += ["scale.records", "scale.ingest", "scale.size"]
    keys += [f"scale.inprocess.{key}" for key, _ in COMMANDS]
    keys += ["scale.e2e.ready", "scale.e2e.first", *(f"scale.e2e.{key}" for key, _ in COMMANDS)]
    keys += ["scale.rss", "baseline.fts", "baseline.bm25", "baseline.ratio", "baseline.agreement"]
    keys += ["ranking.store", "ranking.bm25"]
    keys += ["extract.read", *(f"extract.ratio.{name}" for name in EXTRACTORS)]
    keys += ["feeds.poll", "feeds.cpu", "feeds.rss", "feeds.again"]
    keys += ["scopes.ingest", "scopes.first", *(f"scopes.{key}" for key in STRUCTURED)]
    keys += [f"readers.{what}.{when}" for what in ("answer", "read") for when in READERS_ROWS]
    keys += [f"readers.bot.{key}.{when}" for key in readers.BOT_COMMANDS for when in READERS_BOT_ROWS]
    return [*keys, "cold.start"]


def progress(message: str) -> None:
    """Print a progress line on stderr."""
    print(f"· {message}", file=sys.stderr, flush=True)


class Run:
    """One benchmark run: its configuration, scratch directory and the rows collected so far."""

    def __init__(self, config: Config, work: Path) -> None:
        self.config = config
        self.work = work
        self.rows: list[Row] = []
        self.failed = False

    def add(self, row: Row) -> None:
        """Record a row."""
        self.rows.append(row)

    @contextlib.contextmanager
    def phase(self, name: str, keys: list[str], section: str) -> Iterator[None]:
        """Run a phase; if it fails, record its missing rows as failed and carry on."""
        progress(name)
        started = time.perf_counter()
        try:
            yield
        except Exception as exc:  # one broken phase must not hide the others' figures
            self.failed = True
            traceback.print_exc()
            have = {row.key for row in self.rows}
            for key in keys:
                if key not in have:
                    self.add(Row(key, section, key, "", skipped=f"failed: {type(exc).__name__}: {exc}"))
        progress(f"{name}: {time.perf_counter() - started:.1f} s")

    def latency_rows(
        self,
        prefix: str,
        section: str,
        results: dict[str, list[float]],
        targets: Callable[[str], Target | None],
        notes: dict[str, str] | None = None,
    ) -> None:
        """Add one latency row per command."""
        for key, label in COMMANDS:
            samples = results[key]
            note = (notes or {}).get(key, "")
            if len(samples) < self.config.n:
                note = "; ".join(filter(None, [note, f"stopped at the {self.config.budget:.0f} s budget"]))
            self.add(latency_row(f"{prefix}.{key}", section, label, samples, target=targets(key), note=note))

    async def chart_row(self, prefix: str, section: str, briefing: Briefing, workload: Workload) -> None:
        """Add the /spending chart rendering row when this version of the bot draws charts."""
        durations = await time_charts(briefing, workload, self.config.charts, self.config.budget)
        if durations:
            self.add(
                latency_row(
                    f"{prefix}.spending_chart",
                    section,
                    "/spending chart (PNG, drawn, not cached)",
                    durations,
                    note="drawn in a worker thread after a deferral; repeated charts come from a cache",
                )
            )


def _e2e_notes(results: dict[str, list[e2e.Sample]]) -> dict[str, str]:
    """Return a note for each command that some answers deferred (acknowledged, then followed up)."""
    notes = {}
    for key, samples in results.items():
        deferred = sorted(s.ack * 1000 for s in samples if s.deferred)
        if deferred:
            notes[key] = (
                f"{len(deferred)}/{len(samples)} deferred (chart): latency is to the followup;"
                f" acknowledged in p99 {percentile(deferred, 99):.1f} ms"
            )
    return notes


def _inprocess_target(key: str) -> Target | None:
    """Return the in-process target of a command on the scale store."""
    if key in STRUCTURED:
        return STRUCTURED_P99
    return ASK_P99 if key == "ask" else None


async def with_briefing(path: Path, work: Callable[[Briefing], Awaitable[None]]) -> None:
    """Open the store at path, run work on a briefing over it, and close the store."""
    store = await open_store(path, seed=False)
    try:
        await work(Briefing(store, freezer=Freezer()))  # as `briefbot run` answers
    finally:
        await store.close()


async def run_e2e(run: Run, prefix: str, section: str, db: Path, workload: Workload, *, seed: bool) -> None:
    """Start the real bot on db, measure each command, then (seed store) the burst or (scale) RSS."""
    config = run.config
    async with e2e.running_bot(db, run.work / f"{prefix}-bot") as bot:
        run.add(Row(f"{prefix}.ready", section, "bot start → READY", "s", value=bot.ready_after))
        first = await e2e.warm_up(bot, workload)
        run.add(
            Row(
                f"{prefix}.first",
                section,
                "first answer after READY",
                "ms",
                value=first * 1000,
                note="the store's snapshot is loaded before READY (setup_hook); first chart font load",
            )
        )
        results = await e2e.sequential(bot, workload, config.n, config.budget)
        latencies = {key: [s.latency for s in samples] for key, samples in results.items()}
        run.latency_rows(
            prefix, section, latencies, lambda key: E2E_P99 if seed else None, _e2e_notes(results)
        )
        if seed:
            progress(f"burst of {config.burst}")
            result = await e2e.burst(bot, workload, config.burst)
            burst_section = f"2 burst · {config.burst:,} interactions at once · seed store · real bot"
            run.add(
                Row(
                    "burst.answered",
                    burst_section,
                    "answered exactly once",
                    f"of {result.sent}",
                    value=result.answered_once,
                    target=Target("value", ">=", result.sent, "all"),
                    note=f"{result.refused} error answers, {result.deferred} deferred;"
                    f" duplicates {result.duplicates}, rejected {result.rejected}",
                )
            )
            run.add(
                latency_row(
                    "burst.latency",
                    burst_section,
                    "answer latency in the burst",
                    result.latencies,
                    target=BURST_SLOWEST,
                    note=f"Discord's deadline is 3 s; first sent → last answered {result.span * 1000:,.0f} ms",
                )
            )
        else:
            memory = bot.memory_kb()
            run.add(
                Row(
                    "scale.rss",
                    section,
                    "bot resident memory (VmRSS)",
                    "MB",
                    value=memory["VmRSS"] / 1024,
                    target=BOT_RSS,
                    note=f"peak (VmHWM) {memory['VmHWM'] / 1024:.0f} MB, after all the interactions above",
                )
            )


async def main_async(config: Config, work: Path) -> Run:
    """Run every benchmark and return the collected rows."""
    run = Run(config, work)
    seed_db = work / "seed.sqlite3"
    store = await open_store(seed_db)
    await store.close()
    seed_workload = Workload(COUNTRIES, SEED_PEOPLE)

    # 1. latency on the seed store: the answer path alone, then the real bot.
    section = "1 latency · seed store · in process (briefing + embed)"
    with run.phase("in-process answers, seed store", [f"seed.inprocess.{k}" for k, _ in COMMANDS], section):

        async def seed_inprocess(briefing: Briefing) -> None:
            """Time the answer paths on the seed store."""
            results = await time_in_process(briefing, seed_workload, config.n, config.budget)
            run.latency_rows("seed.inprocess", section, results, lambda key: None)
            await run.chart_row("seed.inprocess", section, briefing, seed_workload)

        await with_briefing(seed_db, seed_inprocess)

    section = "1 latency · seed store · real bot via the stand-in"
    keys = [k for k in expected_keys() if k.startswith(("seed.e2e", "burst."))]
    with run.phase("real bot, seed store (and 2. burst)", keys, section):
        await run_e2e(run, "seed.e2e", section, seed_db, seed_workload, seed=True)

    # 11. the framework's floor: a bare discord.py bot answering a static embed, same stand-in.
    section = "11 framework floor · a bare discord.py bot (static embed) · same stand-in"
    keys = ["bare.spending", "bare.burst", "bare.ratio.p99", "bare.ratio.burst"]
    with run.phase("bare discord.py bot", keys, section):
        async with barebot.running_bare_bot(run.work / "bare-bot") as bare:
            await e2e.warm_up(bare, seed_workload)
            samples = (await e2e.sequential(bare, seed_workload, config.n, config.budget))["spending"]
            run.add(
                latency_row(
                    "bare.spending", section, "/spending, one after another", [s.latency for s in samples]
                )
            )
            result = await e2e.burst(bare, seed_workload, config.burst)
            run.add(
                latency_row(
                    "bare.burst",
                    section,
                    f"answer latency in a burst of {config.burst:,}",
                    result.latencies,
                    note=f"answered exactly once: {result.answered_once} of {result.sent}",
                )
            )
        rows = {row.key: row for row in run.rows}
        for key, ours, floor, what in (
            ("bare.ratio.p99", "seed.e2e.spending", "bare.spending", ("p99", "/spending p99")),
            ("bare.ratio.burst", "burst.latency", "bare.burst", ("max", "slowest answer in the burst")),
        ):
            field, label = what
            mine, theirs = getattr(rows[ours], field), getattr(rows[floor], field)
            run.add(
                Row(
                    key,
                    section,
                    f"briefbot / bare bot, {label}",
                    "×",
                    value=mine / theirs,
                    target=FLOOR_RATIO,
                    note=f"briefbot {mine:.2f} ms, bare {theirs:.2f} ms",
                )
            )

    # 3. scale: a synthetic corpus, ingested fresh, then 1 again on it.
    scale_db = work / "scale.sqlite3"
    section = f"3 scale · {config.articles:,} synthetic articles · corpus and ingest"
    with run.phase(
        f"generating and ingesting {config.articles:,} articles",
        ["scale.records", "scale.ingest", "scale.size"],
        section,
    ):
        check = scale.check_corpus(config.corpus_sample)
        kinds = ", ".join(f"{kind} {count:.1f}" for kind, count in check.by_kind.items())
        run.add(
            Row(
                "scale.records",
                section,
                f"records per article (extract, {check.articles} articles)",
                "records",
                value=check.records_per_article,
                note=f"{kinds}; {check.mean_words:.0f} words on average;"
                f" read + extract {check.extract_seconds_per_article * 1000:.1f} ms per article",
            )
        )
        ingest = await scale.build_store(scale_db, config.articles)
        run.add(
            Row(
                "scale.ingest",
                section,
                "ingest (read + extract + store)",
                "articles/s",
                value=ingest.per_second,
                target=INGEST_RATE,
                note=f"{ingest.created:,} new documents in {ingest.seconds:.1f} s",
            )
        )
        run.add(Row("scale.size", section, "store size", "MB", value=ingest.store_bytes / 1e6))

    scale_workload = seed_workload
    section = f"3 scale · {config.articles:,} articles · in process (briefing + embed)"
    with run.phase("in-process answers, scale store", [f"scale.inprocess.{k}" for k, _ in COMMANDS], section):

        async def scale_inprocess(briefing: Briefing) -> None:
            """Pick people from the store and time the answer paths on it."""
            nonlocal scale_workload
            scale_workload = Workload(COUNTRIES, await people_for(briefing))
            results = await time_in_process(briefing, scale_workload, config.n, config.budget)
            run.latency_rows("scale.inprocess", section, results, _inprocess_target)
            await run.chart_row("scale.inprocess", section, briefing, scale_workload)

        await with_briefing(scale_db, scale_inprocess)

    section = f"3 scale · {config.articles:,} articles · real bot via the stand-in"
    keys = [k for k in expected_keys() if k.startswith("scale.e2e") or k == "scale.rss"]
    with run.phase("real bot, scale store", keys, section):
        await run_e2e(run, "scale.e2e", section, scale_db, scale_workload, seed=False)

    # 4. the /ask baseline, on the scale store.
    section = f"4 baseline · /ask retrieval vs rank_bm25 · {config.articles:,}-article store"
    keys = ["baseline.fts", "baseline.bm25", "baseline.ratio", "baseline.agreement"]
    with run.phase("baseline: FTS5 vs rank_bm25", keys, section):
        bm25_class = baseline.load_bm25()
        if bm25_class is None:
            progress(baseline.INSTALL_HINT)
            for key in keys:
                run.add(Row(key, section, key.removeprefix("baseline."), "", skipped=baseline.INSTALL_HINT))
        else:

            async def compare(briefing: Briefing) -> None:
                """Compare the store's search with rank_bm25."""
                result = await baseline.compare(briefing, ASK_QUERIES, bm25_class)
                over = f"{result.queries} queries over {result.passages:,} passages"
                run.add(
                    Row(
                        "baseline.fts",
                        section,
                        "FTS5 (Briefing.search, top 3) per query",
                        "ms",
                        value=result.fts_seconds * 1000,
                        note=over,
                    )
                )
                run.add(
                    Row(
                        "baseline.bm25",
                        section,
                        "rank_bm25 BM25Okapi per query",
                        "ms",
                        value=result.bm25_seconds * 1000,
                        note=f"index built in {result.bm25_build_seconds:.1f} s",
                    )
                )
                run.add(
                    Row(
                        "baseline.ratio",
                        section,
                        "query time ratio (rank_bm25 / FTS5)",
                        "×",
                        value=result.ratio,
                    )
                )
                run.add(
                    Row(
                        "baseline.agreement",
                        section,
                        "top-3 agreement",
                        "%",
                        value=result.top3_agreement * 100,
                        note=f"same top hit in {result.top1_agreement * 100:.0f}% of queries",
                    )
                )

            await with_briefing(scale_db, compare)

    # 10. /ask ranking quality (bench.ranking) on a corpus folder, when one is given.
    section = "10 /ask ranking · answering sentence in the top 3 · the seed and a corpus"
    keys = ["ranking.store", "ranking.bm25"]
    with run.phase("/ask ranking on a corpus", keys, section):
        hint = "give --corpus DIR (a folder with articles/ and expected/, see bench/README.md)"
        scored = await ranking.rank(config.corpus) if config.corpus else None
        if scored is not None and scored.bm25 is None:
            hint = baseline.INSTALL_HINT
        rankings = {"store": scored.store if scored else None, "bm25": scored.bm25 if scored else None}
        names = {"store": "store (FTS5, Briefing.search)", "bm25": "rank_bm25 BM25Okapi, same terms"}
        for name, ranked in rankings.items():
            if scored is None or ranked is None:
                run.add(Row(f"ranking.{name}", section, names[name], "%", skipped=hint))
                continue
            run.add(
                Row(
                    f"ranking.{name}",
                    section,
                    names[name],
                    "%",
                    value=ranking.RankingScore.share(ranked, ranking.TOP) * 100,
                    note=f"first: {ranking.RankingScore.share(ranked, 1) * 100:.0f}%; {len(ranked)} of"
                    f" {scored.checks} /ask checks answerable by a sentence; {scored.passages:,} passages",
                )
            )

    # 6 (run before 5, which ends the run). extraction of one very long article, and its growth.
    section = f"6 extraction · one article of {config.long_article / 1e6:g} MB"
    keys = ["extract.read", *(f"extract.ratio.{name}" for name in EXTRACTORS)]
    with run.phase("long article", keys, section):
        raw = linearity.long_article(config.long_article)
        started = time.process_time()
        analyse(raw)
        run.add(
            Row(
                "extract.read",
                section,
                "read + extract (CPU)",
                "s",
                value=time.process_time() - started,
                target=LONG_ARTICLE,
                note=f"{len(raw) / 1e6:.2f} MB",
            )
        )
        for timing in linearity.time_extractors(raw):
            run.add(
                Row(
                    f"extract.ratio.{timing.name}",
                    section,
                    f"{timing.name}: time(2n) / time(n)",
                    "×",
                    value=timing.ratio,
                    note=f"{timing.half:.2f} s → {timing.whole:.2f} s",
                )
            )

    # 8 (also before 5). `briefbot feeds poll` over a feed of new items, from a local site.
    section = f"8 feeds · briefbot feeds poll · one feed of {config.feed_items} new items on one host"
    keys = ["feeds.poll", "feeds.cpu", "feeds.rss", "feeds.again"]
    with run.phase("feeds poll", keys, section):
        first, again = await asyncio.to_thread(feeds.poll_feed, work / "feeds", config.feed_items)
        run.add(
            Row(
                "feeds.poll",
                section,
                "first poll, wall time",
                "s",
                value=first.wall,
                note=f"{first.stored} of {config.feed_items} pages stored; includes the 1 s per-host delay"
                f" between requests ({first.wall / max(config.feed_items, 1):.2f} s a page)",
            )
        )
        run.add(Row("feeds.cpu", section, "first poll, CPU (user + system)", "s", value=first.cpu))
        run.add(Row("feeds.rss", section, "first poll, peak resident memory", "MB", value=first.peak_rss_mb))
        run.add(
            Row(
                "feeds.again",
                section,
                "second poll (304, nothing new), wall time",
                "s",
                value=again.wall,
                note="process start included",
            )
        )
    # 7 (before 5). scopes: as many articles, dealt to global and servers; answers from every server.
    await scoped_phase(run, work / "scoped.sqlite3")
    # 9 (before 5). answers in this process while another process ingests into the same store.
    await readers_phase(run, work / "readers")

    # 5. cold start.
    section = "5 cold start · seed store"
    with run.phase("cold start", ["cold.start"], section):
        times = e2e.cold_start(seed_db, work / "cold", config.cold_runs)
        run.add(
            Row(
                "cold.start",
                section,
                'briefbot ask "/spending Canada" (median)',
                "s",
                n=len(times),
                value=statistics.median(times),
                target=COLD_START,
                note="runs: " + ", ".join(f"{t:.2f}" for t in times),
            )
        )
    return run


async def scoped_phase(run: Run, db: Path) -> None:
    """Build a store of the scale size in config.scopes scopes and time structured answers per server."""
    config = run.config
    section = (
        f"7 scopes · {config.articles:,} articles in {config.scopes} scopes · in process (briefing + embed)"
    )
    keys = [k for k in expected_keys() if k.startswith("scopes.")]
    with run.phase(f"{config.articles:,} articles in {config.scopes} scopes", keys, section):
        ingest = await scale.build_store(db, config.articles, scopes=config.scopes)
        run.add(
            Row(
                "scopes.ingest",
                section,
                "ingest into the scopes (read + extract + store)",
                "articles/s",
                value=ingest.per_second,
                note=f"{ingest.created:,} documents; global and {config.scopes - 1} servers,"
                f" about {config.articles // config.scopes} articles each",
            )
        )

        async def scoped(briefing: Briefing) -> None:
            """Time answers asked from every server in turn."""
            guilds = list(range(1, config.scopes))
            people = Workload(COUNTRIES, await people_for(briefing))  # global's: every server reads them
            results = await time_scoped(briefing, guilds, people, config.n, config.budget)
            run.add(
                latency_row(
                    "scopes.first",
                    section,
                    "a server's first answer (its data loaded)",
                    results["first"],
                    note=f"one per server ({len(guilds)}); the first also loads global's data",
                )
            )
            for key, label in COMMANDS:
                if key in STRUCTURED:
                    note = f"asked round-robin from {len(guilds)} servers, each reading global + its own"
                    run.add(
                        latency_row(
                            f"scopes.{key}", section, label, results[key], target=STRUCTURED_P99, note=note
                        )
                    )

        await with_briefing(db, scoped)


async def readers_phase(run: Run, work: Path) -> None:
    """Time /spending and a plain read in process, idle and while articles are ingested by each writer."""
    config = run.config
    articles = min(config.articles, 1000)
    section = f"9 readers · in process · idle vs during an ingest of {articles:,} articles"
    keys = [k for k in expected_keys() if k.startswith("readers.")]
    with run.phase(f"answers beside an ingest of {articles:,} articles", keys, section):
        results = await readers.spending_beside_ingest(work, articles, config.n, config.budget)
        labels = {"process": "another process ingesting", "here": "this process ingesting"}
        for what, label in (("answer", "/spending"), ("read", "a store read (/sources page, no cache)")):
            idle = latency_row(f"readers.{what}.idle", section, f"{label}, idle", _of(results["idle"], what))
            run.add(idle)
            for writer in readers.WRITERS:
                timings = results[writer]
                note = f"{timings.stored:,} documents stored in {timings.seconds:.1f} s meanwhile"
                during = latency_row(
                    f"readers.{what}.{writer}",
                    section,
                    f"{label}, {labels[writer]}",
                    _of(timings, what),
                    note=note,
                )
                run.add(during)
                ratio = (during.p99 or math.nan) / (idle.p99 or math.nan)
                run.add(
                    Row(f"readers.{what}.{writer}_ratio", section, "    p99 / idle p99", "×", value=ratio)
                )

    bot_section = f"9 readers · real bot · idle vs during another process's ingest of {articles:,} articles"
    bot_keys = [k for k in expected_keys() if k.startswith("readers.bot.")]
    with run.phase(f"the real bot beside an ingest of {articles:,} articles", bot_keys, bot_section):
        timed = await readers.bot_beside_ingest(work, articles, config.n, config.budget)
        during = timed["process"]
        note = f"{during.stored:,} documents stored in {during.seconds:.1f} s meanwhile"
        for key, label in COMMANDS:
            if key not in readers.BOT_COMMANDS:
                continue
            idle = latency_row(
                f"readers.bot.{key}.idle", bot_section, f"{label}, idle", timed["idle"].latencies[key]
            )
            run.add(idle)
            busy = latency_row(
                f"readers.bot.{key}.process",
                bot_section,
                f"{label}, another process ingesting",
                during.latencies[key],
                target=DURING_INGEST_ASK_P99 if key == "ask" else DURING_INGEST_P99,
                note=note,
            )
            run.add(busy)
            ratio = (busy.p99 or math.nan) / (idle.p99 or math.nan)
            run.add(
                Row(
                    f"readers.bot.{key}.process_ratio",
                    bot_section,
                    "    p99 / idle p99",
                    "×",
                    value=ratio,
                    target=None if key == "ask" else DURING_INGEST_RATIO,
                )
            )


def _of(timings: readers.Timings, what: str) -> list[float]:
    """Return the answers' or the reads' durations."""
    return timings.answers if what == "answer" else timings.reads


def _shown(path: Path) -> str:
    """Return a path relative to the working directory when it is inside it."""
    with contextlib.suppress(ValueError):
        return str(path.resolve().relative_to(Path.cwd()))
    return str(path)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the table, write the JSON and return 1 if any phase failed."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a tiny run of everything (CI)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON file to write")
    parser.add_argument("--n", type=int, help="interactions per command")
    parser.add_argument("--articles", type=int, help="synthetic articles in the scale store")
    parser.add_argument("--burst", type=int, help="interactions in the burst")
    parser.add_argument("--budget", type=float, help="at most this many seconds per latency row")
    parser.add_argument("--keep", type=Path, help="keep the stores and bot logs in this directory")
    parser.add_argument(
        "--corpus", type=Path, help="a corpus folder for the /ask ranking rows (bench.ranking)"
    )
    args = parser.parse_args(argv)
    config = SMOKE if args.smoke else FULL
    overrides = {
        k: getattr(args, k) for k in ("n", "articles", "burst", "budget", "corpus") if getattr(args, k)
    }
    config = dataclasses.replace(config, **overrides)
    info = machine()
    started = time.perf_counter()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run = asyncio.run(main_async(config, args.keep))
    else:
        with tempfile.TemporaryDirectory(prefix="briefbot-bench-") as scratch:
            run = asyncio.run(main_async(config, Path(scratch)))
    elapsed = time.perf_counter() - started
    load = ", ".join(f"{x:g}" for x in info["loadavg_at_start"])
    title = (
        f"briefbot benchmark ({config.mode}, {info['git']}): {info['nproc']} cores, {info['cpu']},"
        f" Python {info['python']}, SQLite {info['sqlite']}; load average at start {load}; {elapsed:.0f} s"
    )
    print(title)
    print(table(run.rows))
    write_json(args.out, config.mode, info, run.rows, elapsed)
    print(f"\nJSON: {_shown(args.out)}")
    unmet = [r for r in run.rows if r.met is False]
    if unmet:
        print(f"{len(unmet)} target(s) not met.")
    return 1 if run.failed or any(not math.isfinite(r.value) for r in run.rows if r.value is not None) else 0


if __name__ == "__main__":
    sys.exit(main())
