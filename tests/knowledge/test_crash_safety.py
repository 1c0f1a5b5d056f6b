"""Crash-safe ingest: ``briefbot ingest`` killed with SIGKILL at random points of a large batch.

A batch of generated articles (the seed article's opening with other numbers, names and dates,
so every body is distinct and every article gives spending facts, statements and an event) is
ingested by the real console script in a subprocess, which is killed with SIGKILL at random
points, many times (a seeded RNG picks how many new documents to let through and what fraction of
the last document's time to wait after it, so kills land in start-up, in extraction and inside a
document's transaction, on a slow machine or a fast one). After every kill, through a read-only connection:

* ``PRAGMA integrity_check`` is ok and ``PRAGMA foreign_key_check`` finds nothing;
* no document is half-stored: each stored document is one of the files (matched by the sha256
  of its body), with exactly the passages, spending facts, statements and events that reading
  and extracting that file gives, every record points at a passage of its own document, and
  the full-text index finds the document's own marker word in its own passages only.

Then the same command, run again, completes the batch: every file is stored exactly once.
Meanwhile an in-process reader (a ``Briefing`` over its own connection) keeps asking
``/spending`` questions while another ingest runs and is killed: every figure it shows comes from
a document that is stored whole, and no question fails. And a first run killed after it created a
new store's schema but before it stored the bundled seed article does not leave a store that the
next run takes for finished: the next run seeds it.

The kill test prints how many documents were stored after each kill (``pytest -s``).
"""

from __future__ import annotations

import asyncio
import random
import signal
import sqlite3
import subprocess
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from knowledge.extract.reader import split_header
from knowledge.ingest import BUNDLED_ARTICLES, analyse
from knowledge.models import Figure
from knowledge.store import SCHEMA_VERSION, Store
from tests.launch import briefbot, clean_env

# The kills let through 57 new documents in all (the RNG is seeded) and a few more land between
# a line and its kill: about 70 are stored at the last kill, well short of BATCH, so every kill
# lands mid-batch. More files would only lengthen the final run and the reader test.
BATCH = 120
KILLS = 14
RNG_SEED = 20250624
SEED_ARTICLE = BUNDLED_ARTICLES / "nato-briefing-2025.txt"
SURNAMES = ["Kowalska", "Nowak", "Wiśniewska", "Lewandowski", "Zielińska", "Szymański", "Dąbrowska"]


@dataclass(frozen=True)
class Expected:
    """What one article file must give once stored."""

    path: Path
    marker: str  # a word only this article has
    passages: int
    spending: int
    statements: int
    events: int


@dataclass(frozen=True)
class Batch:
    """The generated article files and what each must give, by the sha256 of its body."""

    files: list[Path]
    by_sha: dict[str, Expected]


def article(index: int, rng: random.Random) -> str:
    """Return a variant of the seed article's opening with its own numbers, names and date."""
    _, body = split_header(SEED_ARTICLE.read_text(encoding="utf-8"))
    opening = "\n".join(body.split("\n")[:6])
    us, us_before = rng.uniform(2.5, 4.0), rng.uniform(3.0, 4.5)
    opening = (
        opening.replace("3.19%", f"{us:.2f}%")
        .replace("3.68%", f"{us_before:.2f}%")
        .replace("just 22 of", f"just {rng.randint(10, 31)} of")
    )
    marker = f"marker{index:03d}"
    minister = f"{rng.choice(['Anna', 'Ewa', 'Jan', 'Piotr'])} {rng.choice(SURNAMES)}"
    opening += (
        f"\nPoland spent {rng.uniform(2.0, 5.0):.1f} percent of GDP on defence in {rng.randint(2015, 2025)},"
        f" said Defence Minister {minister} in Warsaw ({marker})."
    )
    date = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"Title: Briefing {index}\nDate: {date}\n\n{opening}\n"


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    """Write BATCH distinct articles and record what each must give."""
    folder = tmp_path_factory.mktemp("articles")
    rng = random.Random(RNG_SEED)
    files, by_sha = [], {}
    for index in range(BATCH):
        path = folder / f"article-{index:03d}.txt"
        path.write_text(article(index, rng), encoding="utf-8")
        parsed, extraction = analyse(path.read_text(encoding="utf-8"))
        assert extraction.spending and extraction.statements and extraction.events, path.name
        by_sha[parsed.sha256] = Expected(
            path,
            f"marker{index:03d}",
            len(parsed.passages),
            len(extraction.spending),
            len(extraction.statements),
            len(extraction.events),
        )
        files.append(path)
    assert len(by_sha) == BATCH, "every article has a distinct body"
    return Batch(files, by_sha)


# --- checking a store a killed process left behind --------------------------------------------

# Records that name a passage, and the document they must share it with.
_CROSS_DOCUMENT = {
    "spending facts": "SELECT count(*) FROM spending_facts AS r JOIN passages AS p ON p.id = r.passage_id"
    " WHERE p.document_id != r.document_id",
    "statements": "SELECT count(*) FROM statements AS r JOIN passages AS p ON p.id = r.passage_id"
    " WHERE p.document_id != r.document_id",
    "roles": "SELECT count(*) FROM person_roles AS r JOIN passages AS p ON p.id = r.passage_id"
    " WHERE p.document_id != r.document_id",
    "attendees": "SELECT count(*) FROM event_attendees AS a JOIN events AS e ON e.id = a.event_id"
    " JOIN passages AS p ON p.id = a.passage_id WHERE p.document_id != e.document_id",
    "agenda": "SELECT count(*) FROM event_agenda AS g JOIN events AS e ON e.id = g.event_id"
    " JOIN passages AS p ON p.id = g.passage_id WHERE p.document_id != e.document_id",
    "event passages": "SELECT count(*) FROM event_passages AS x JOIN events AS e ON e.id = x.event_id"
    " JOIN passages AS p ON p.id = x.passage_id WHERE p.document_id != e.document_id",
}
_COUNTS = """
    SELECT (SELECT count(*) FROM passages       WHERE document_id = :id),
           (SELECT count(*) FROM spending_facts WHERE document_id = :id),
           (SELECT count(*) FROM statements     WHERE document_id = :id),
           (SELECT count(*) FROM events         WHERE document_id = :id)
"""


def read_only(db: Path) -> sqlite3.Connection:
    """Return a read-only connection to a store."""
    return sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)


def document_is_whole(con: sqlite3.Connection, document_id: int, sha256: str, batch: Batch) -> None:
    """Fail unless a stored document is one of the files with everything read from it."""
    assert sha256 in batch.by_sha, f"document {document_id} is none of the files"
    expected = batch.by_sha[sha256]
    counts = con.execute(_COUNTS, {"id": document_id}).fetchone()
    wanted = (expected.passages, expected.spending, expected.statements, expected.events)
    assert counts == wanted, f"{expected.path.name} is half-stored: {counts} != {wanted}"
    hits = con.execute(
        "SELECT p.document_id FROM passages_fts JOIN passages AS p ON p.id = passages_fts.rowid"
        " WHERE passages_fts MATCH ?",
        (expected.marker,),
    ).fetchall()
    assert hits and {h[0] for h in hits} == {document_id}, f"full-text index of {expected.path.name}"


def check_store(db: Path, batch: Batch) -> set[str]:
    """Fail unless the store is sound and holds only whole documents; return their sha256s."""
    if not db.exists():
        return set()  # killed before the store was created
    with closing(read_only(db)) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        if con.execute("PRAGMA user_version").fetchone() == (0,):
            # killed before the schema transaction committed: nothing of it may remain
            assert con.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
            return set()
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        for what, query in _CROSS_DOCUMENT.items():
            assert con.execute(query).fetchone() == (0,), f"{what} point at another document's passage"
        stored = con.execute("SELECT id, sha256 FROM documents").fetchall()
        for document_id, sha256 in stored:
            document_is_whole(con, document_id, sha256, batch)
        shas = {sha for _, sha in stored}
        for sha, expected in batch.by_sha.items():
            if sha not in shas:  # nothing of a file that is not stored is indexed
                found = con.execute(
                    "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?", (expected.marker,)
                ).fetchone()
                assert found == (0,), f"{expected.path.name} is indexed but not stored"
        return shas


def kill_at_random_point(command: list[str], cwd: Path, rng: random.Random) -> int:
    """Start an ingest, SIGKILL it at a point chosen from its observed progress; return the new documents seen.

    No wall-clock delay decides where a kill lands (a faster machine would finish the batch within
    any fixed delay): the kill follows a chosen number of committed documents, then waits a random
    fraction of the time the last document took, so it lands in the next one's extraction or
    transaction whatever the machine's speed.
    """
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=clean_env(), cwd=cwd
    )
    assert process.stdout is not None
    let_through = rng.randint(0, 8)
    seen = 0
    if let_through == 0:  # in start-up, or once the first file's line is out
        if rng.random() < 0.5:
            process.stdout.readline()
    else:
        commits: list[float] = []
        fraction = rng.random()
        while seen < let_through and (line := process.stdout.readline()):
            if ": stored as document " in line:  # a new document was committed
                seen += 1
                commits.append(time.monotonic())
        if len(commits) >= 2:  # the first commit's time includes start-up: no measure of one document
            time.sleep(fraction * (commits[-1] - commits[-2]))
    workers = children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()
    deadline = time.monotonic() + 10
    while (left := [pid for pid in workers if alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not left, f"worker processes {left} outlived the killed ingest"
    return seen


def children(pid: int) -> list[int]:
    """Return the ids of the processes whose parent is pid (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    """Return whether a process exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_sigkill_at_random_points_never_leaves_a_half_stored_document(batch: Batch, tmp_path: Path) -> None:
    """Kill the batch many times: the store stays sound and whole; rerunning completes it."""
    db = tmp_path / "store.sqlite3"
    command = briefbot("--db", db, "ingest", "--no-seed", *batch.files)
    rng = random.Random(RNG_SEED)
    progress = []
    for _ in range(KILLS):
        kill_at_random_point(command, tmp_path, rng)
        progress.append(len(check_store(db, batch)))
    assert progress == sorted(progress), "a kill lost documents that were stored"
    assert 0 < progress[-1] < BATCH, f"the kills landed mid-batch: {progress}"

    done = subprocess.run(command, capture_output=True, text=True, env=clean_env(), cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    assert sum("already ingested" in line for line in lines) == progress[-1]
    assert sum(": stored as document " in line for line in lines) == BATCH - progress[-1]
    assert check_store(db, batch) == set(batch.by_sha), "every file is stored"
    with closing(sqlite3.connect(db)) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (BATCH,), "each exactly once"
        con.execute("INSERT INTO passages_fts (passages_fts, rank) VALUES ('integrity-check', 1)")
    print(f"\ncrash safety: {KILLS} SIGKILLs, documents stored after each: {progress}")


# --- a reader while the writer runs and dies --------------------------------------------------


def figure_sources_are_whole(figures: list[Figure], db: Path, batch: Batch, verified: set[int]) -> None:
    """Fail unless every figure's source passage belongs to a document that is stored whole."""
    with closing(read_only(db)) as con:
        for figure in figures:
            document_id = figure.source.document.id
            passages = [
                row[0]
                for row in con.execute(
                    "SELECT text FROM passages WHERE document_id = ? AND position = ?",
                    (document_id, figure.source.position),
                )
            ]
            assert passages == [figure.source.passage], "the figure's source is a passage of its document"
            if document_id not in verified:
                (sha256,) = con.execute(
                    "SELECT sha256 FROM documents WHERE id = ?", (document_id,)
                ).fetchone()
                document_is_whole(con, document_id, sha256, batch)
                verified.add(document_id)


async def test_a_reader_sees_only_whole_documents_while_ingest_runs_and_dies(
    batch: Batch, tmp_path: Path
) -> None:
    """Questions asked during an ingest (killed once, then rerun) always get consistent answers."""
    from knowledge.briefing import FIGURES_PER_METRIC, Briefing  # the bot's reader, over its own connection

    db = tmp_path / "store.sqlite3"
    store = await Store.open(db)  # the schema exists before the writer starts
    briefing = Briefing(store)
    command = briefbot("--db", db, "ingest", "--no-seed", *batch.files)
    verified: set[int] = set()
    answers, poland = 0, [0]

    async def read_while(process: asyncio.subprocess.Process) -> None:
        nonlocal answers
        finished = asyncio.ensure_future(process.wait())
        while not finished.done():
            for country in ("Poland", "United States", "NATO"):
                answer = await briefing.spending(country)
                figures = answer.figures + answer.target_status + answer.comparisons + answer.alliance
                figure_sources_are_whole(figures, db, batch, verified)
                if country == "Poland":
                    assert len(answer.figures) >= poland[-1], "a figure disappeared"
                    poland.append(len(answer.figures))
                answers += 1
            await asyncio.sleep(0.005)
        await finished

    try:
        first = await asyncio.create_subprocess_exec(
            *command,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
            env=clean_env(),
            cwd=tmp_path,
        )

        async def kill_midway() -> None:
            # (an ingest that dies by itself ends the wait: the test then fails, it does not hang)
            while await store.document_count() < BATCH // 3 and first.returncode is None:
                await asyncio.sleep(0.01)
            assert first.returncode is None, f"the first ingest exited by itself ({first.returncode})"
            first.send_signal(signal.SIGKILL)

        await asyncio.gather(read_while(first), kill_midway())
        killed_at = await store.document_count()
        assert killed_at < BATCH, "the first ingest was killed before it finished"
        second = await asyncio.create_subprocess_exec(
            *command,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
            env=clean_env(),
            cwd=tmp_path,
        )
        await read_while(second)
        assert second.returncode == 0
        assert await store.document_count() == BATCH
        final = await briefing.spending("Poland")
        figure_sources_are_whole(final.figures, db, batch, verified)
        assert len(final.figures) == FIGURES_PER_METRIC  # answers show the newest few of each kind
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as raw:
            (stored,) = raw.execute("SELECT count(*) FROM spending_facts WHERE subject = 'PL'").fetchone()
        assert stored == BATCH
    finally:
        await store.close()
    assert check_store(db, batch) == set(batch.by_sha)
    assert answers > 20, f"the reader asked {answers} questions"
    print(f"\nreader: {answers} answers during ingest; killed at {killed_at} documents")


# --- the first run of a new store -------------------------------------------------------------


def _empty_store_exists(db: Path) -> bool:
    """Return whether a file of the new store (under its name, or one starting with it) has the schema but no document."""
    for path in db.parent.glob(f"{db.name}*"):
        if path.name.endswith(("-wal", "-shm", "-journal")):
            continue
        try:
            with closing(read_only(path)) as con:
                if con.execute("PRAGMA user_version").fetchone() != (SCHEMA_VERSION,):
                    continue
                if con.execute("SELECT count(*) FROM documents").fetchone() == (0,):
                    return True
        except sqlite3.Error:
            continue  # being created
    return False


def _kill_between_schema_and_seed(command: list[str], db: Path, cwd: Path) -> bool:
    """Run the first ingest of a new store; SIGKILL it once the schema exists but before the seed.

    The process is stopped (SIGSTOP) when the poll sees the schema without a document, and the
    store is looked at again while it cannot move: the kill is known to have landed between schema
    and seed, not guessed from timing. Return whether it did (the process may seed before a poll).
    """
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=clean_env(), cwd=cwd
    )
    landed = False
    try:
        while process.poll() is None:
            if _empty_store_exists(db):
                process.send_signal(signal.SIGSTOP)
                landed = _empty_store_exists(db)
                break
            time.sleep(0.0005)
    finally:
        process.kill()
        process.wait(timeout=30)
    return landed


def test_a_store_killed_while_being_seeded_is_seeded_by_the_next_run(batch: Batch, tmp_path: Path) -> None:
    """A first run killed after creating the store's schema but before seeding it: the next run seeds it."""
    for attempt in range(20):
        db = tmp_path / f"store-{attempt}.sqlite3"
        command = briefbot("--db", db, "ingest", batch.files[0])
        if _kill_between_schema_and_seed(command, db, tmp_path):
            break
    else:
        pytest.skip("the first run was never seen between schema and seed on this machine")
    done = subprocess.run(command, capture_output=True, text=True, env=clean_env(), cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    with closing(read_only(db)) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        titles = [row[0] for row in con.execute("SELECT title FROM documents")]
    seed_title = SEED_ARTICLE.read_text(encoding="utf-8").splitlines()[0].removeprefix("Title: ")
    assert titles.count(seed_title) == 1, f"the bundled article is not stored (once): {titles}"
    assert titles.count("Briefing 0") == 1
