"""Issue 12: one bad article, file, store or setting never takes briefbot down or hides its cause.

Each test runs ``briefbot`` as a user does (a subprocess started by ``tests.launch``, with a clean
environment and a temporary working directory) and checks what the user sees: one line naming
the problem, the exit code, and that everything else still works. Where a test runs the same check
over a table of cases (stored impossible dates, malformed settings, the commands given an unusable
--db), the cases run ``bot.cli.main`` in this process instead, with the same clean environment and
working directory (``tests.here.cli_here``): the code and the output are the same, the process
start-up (about a second each) is not; at least one case of each table still runs as a process, so
the exit code a shell sees is checked too.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import resource
import shutil
import socket
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from aiohttp import web

from bot.loopback import LocalDiscord, command_data, interaction_payload
from knowledge.extract.reader import read_article
from knowledge.ingest import ingest_text, open_store
from knowledge.models import Article, EventRecord, Extraction, PartialDate, TimeRef
from knowledge.store import APPLICATION_ID, Store
from tests.e2e.standin import DiscordStandIn
from tests.here import cli_here
from tests.launch import briefbot, clean_env
from tests.tracing import statements_run

ARTICLES = Path(__file__).parent.parent / "knowledge" / "articles"
CLI_TIMEOUT = 120.0  # a generous bound for a command that takes about a second


def cli(
    *args: str | Path, cwd: Path, timeout: float = CLI_TIMEOUT, **settings: str
) -> subprocess.CompletedProcess[str]:
    """Return the finished ``briefbot`` process run with args, in cwd, with only the settings given."""
    return subprocess.run(
        briefbot(*args),
        cwd=cwd,
        env=clean_env(**settings),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def assert_one_line(result: subprocess.CompletedProcess[str], code: int, *needles: str) -> str:
    """Fail unless the process exited with code and said why on stderr in lines without a traceback."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    for needle in needles:
        assert needle in result.stderr, (needle, result.stderr)
    return result.stderr


def write(path: Path, text: str) -> Path:
    """Write text to path and return the path."""
    path.write_text(text, encoding="utf-8")
    return path


# --- item 1: an absurd Date ---------------------------------------------------------------------


def test_absurd_dates_are_refused_and_answers_stay_whole(tmp_path: Path) -> None:
    """Issue 12 item 1: articles dated 9999-12-31 or 0001 are refused in one line; /summit and /spending still answer."""
    far = write(
        tmp_path / "far.txt",
        "Title: Far future\nDate: 9999-12-31\n\nAllied leaders will meet at a summit in Poland next June.\n"
        "Poland spent 4.1% of its GDP on defence last year.\n",
    )
    early = write(
        tmp_path / "early.txt",
        "Title: Year one\nDate: 0001\n\nThe summit in Poland last July ended early.\n",
    )
    db = tmp_path / "store.sqlite3"
    result = cli("--db", db, "ingest", far, early, cwd=tmp_path)
    err = assert_one_line(result, 1, "far.txt: failed: The Date '9999-12-31' is not between 1900 and 2100")
    assert "early.txt: failed: The Date '0001' is not between 1900 and 2100" in err

    summit = cli("--db", db, "ask", "/summit", cwd=tmp_path)
    assert summit.returncode == 0 and "NATO summit in the Netherlands (June 2025)" in summit.stdout
    spending = cli("--db", db, "ask", "/spending Poland", cwd=tmp_path)
    assert spending.returncode == 0 and "9998" not in spending.stdout


def test_times_past_the_year_bounds_stay_as_written(tmp_path: Path) -> None:
    """Issue 12 item 1: "next June" in an article dated November 2100 is shown as written, not as June 2101."""
    late = write(
        tmp_path / "late.txt",
        "Title: Edge\nDate: 2100-11\n\nAllied leaders will meet at a summit in Poland next June.\n",
    )
    db = tmp_path / "store.sqlite3"
    assert cli("--db", db, "ingest", late, cwd=tmp_path).returncode == 0
    answer = cli("--db", db, "ask", "/summit Poland", cwd=tmp_path)
    assert answer.returncode == 0, answer.stderr
    assert "NATO summit in Poland" in answer.stdout and "2101" not in answer.stdout
    assert "next June" in answer.stdout


async def stored_event(db: Path, when: TimeRef) -> None:
    """Store a document with a summit at when, as an older briefbot (with no date checks) could have."""
    article: Article = read_article("Title: Old store\n\nThe summit in Poland will be remembered.\n")
    extraction = Extraction(
        events=[EventRecord(kind="summit", place="Poland", country="PL", when=when, passages=[0])]
    )
    store = await open_store(db)
    try:
        await store.add_document(article, extraction, name="old.txt")
    finally:
        await store.close()


@pytest.mark.parametrize(
    "when",
    [
        TimeRef(text="next June", year=10000, month=6),
        TimeRef(text="last July", year=0, month=7),
        TimeRef(text="June 31, 2025", year=2025, month=6, day=31),
        TimeRef(text="June 24-45, 2025", year=2025, month=6, day=24, end_day=45),
    ],
    ids=["year-10000", "year-0", "june-31", "end-day-45"],
)
def test_an_impossible_stored_date_never_breaks_an_answer(
    tmp_path: Path, when: TimeRef, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12 item 1: a summit stored with an impossible date (older store) still gets /summit answers."""
    db = tmp_path / "store.sqlite3"
    asyncio.run(stored_event(db, when))
    for line in ("/summit", "/summit Poland", "/quote Rutte"):
        answer = cli_here(monkeypatch, capsys, "--db", db, "ask", line, cwd=tmp_path)
        assert answer.returncode == 0, (line, answer.stdout, answer.stderr)
        assert "Something went wrong" not in answer.stdout and "Traceback" not in answer.stderr


def test_partial_date_bounds() -> None:
    """The plausible years are 1900 to 2100, both included."""
    assert PartialDate(year=1900).plausible() and PartialDate(year=2100).plausible()
    assert not PartialDate(year=1899).plausible() and not PartialDate(year=9999).plausible()


# --- item 5: two writers, a locked store, a full disk -------------------------------------------

WIRE_STORY = (
    "Title: Wire {n}\nDate: 2026-01-{day:02d}\n\n"
    "Ruritania spent {n}.5 percent of its GDP on defence in 2025, officials said on Monday.\n"
    "The ministry said story number {n} would be followed by more.\n"
)


def wire_stories(folder: Path, count: int) -> list[Path]:
    """Write count small distinct articles into folder and return their paths."""
    folder.mkdir(exist_ok=True)
    return [write(folder / f"wire-{n:02d}.txt", WIRE_STORY.format(n=n, day=n % 28 + 1)) for n in range(count)]


def documents_in(db: Path) -> int:
    """Return how many documents the store holds (read directly, read-only)."""
    with contextlib.closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)) as con:
        return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])


def test_two_ingests_of_the_same_files_store_each_once(
    tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    """Issue 12 item 5: two `briefbot ingest` runs over the same files at once both succeed; each file is stored once."""
    db = seeded_copy(tmp_path / "store.sqlite3")  # the seeded store exists first
    files = wire_stories(tmp_path / "wire", 12)
    runs = [
        subprocess.Popen(
            briefbot("--db", db, "ingest", *files),
            cwd=tmp_path,
            env=clean_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=CLI_TIMEOUT) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0 and "Traceback" not in err, err
        assert out.count("\n") == len(files)
    created = sum(out.count(": stored as document ") for out, _ in outputs)
    assert created == len(files), outputs  # each file stored by exactly one of the two
    assert documents_in(db) == 1 + len(files)


def test_a_store_locked_by_another_writer_is_one_line_per_file(
    tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    """Issue 12 item 5: while another program holds the write lock, each file says so in one line; the rerun stores them."""
    db = seeded_copy(tmp_path / "store.sqlite3")
    files = wire_stories(tmp_path / "wire", 2)
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as holder:
        holder.execute("BEGIN IMMEDIATE")  # another writer, mid-transaction for longer than the busy timeout
        result = cli("--db", db, "ingest", *files, cwd=tmp_path)
        holder.execute("ROLLBACK")
    err = assert_one_line(result, 1, "stayed locked by another writer")
    assert err.count("failed: not stored:") == len(files), err  # the second file was tried too
    rerun = cli("--db", db, "ingest", *files, cwd=tmp_path)
    assert rerun.returncode == 0 and rerun.stdout.count(": stored as document ") == len(files)
    assert documents_in(db) == 1 + len(files)


def limit_file_size(limit: int) -> Callable[[], None]:
    """Return a preexec function that caps the size of any file the child writes (a full disk, to SQLite)."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_full_disk_fails_one_file_and_the_batch_goes_on(
    tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    """Issue 12 item 5: a document too big for the space left fails in one line; the files after it are stored."""
    db = seeded_copy(tmp_path / "store.sqlite3")
    small = wire_stories(tmp_path / "wire", 2)
    sentence = "The alliance reviewed budget figure {n} for every country in the report. "
    big = write(tmp_path / "big.txt", "Title: Big\n\n" + "".join(sentence.format(n=n) for n in range(2000)))
    result = subprocess.run(
        briefbot("--db", db, "ingest", small[0], big, small[1]),
        cwd=tmp_path,
        env=clean_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT,
        preexec_fn=limit_file_size(300 * 1024),  # the store and its WAL stay below 300 KB
    )
    err = assert_one_line(result, 1, "big.txt: failed: not stored:")
    assert err.count("\n") == 1, err
    assert result.stdout.count(": stored as document ") == 2, result.stdout  # before and after the failure
    assert documents_in(db) == 3


# --- item 7: unusual store files ---------------------------------------------------------------


def tables_of(db: Path) -> list[str]:
    """Return the table names of an SQLite file, read-only."""
    with contextlib.closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)) as con:
        return sorted(row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))


def test_another_program_s_database_is_refused_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12 item 7: --db naming another program's SQLite file is refused in one line, and nothing is written to it."""
    notes = tmp_path / "notes.db"
    with contextlib.closing(sqlite3.connect(notes)) as con:
        con.execute("CREATE TABLE notes (body TEXT)")
        con.execute("INSERT INTO notes VALUES ('remember the milk')")
        con.commit()
    before = notes.read_bytes()
    results = [cli("--db", notes, "sources", cwd=tmp_path)]  # as a process; the other commands in-process
    for args in (("ask", "/spending Canada"), ("ingest", ARTICLES / "traps.txt")):
        results.append(cli_here(monkeypatch, capsys, "--db", notes, *args, cwd=tmp_path))
    for result in results:
        assert_one_line(result, 1, "is another program's SQLite database, not a briefbot store")
    assert tables_of(notes) == ["notes"] and notes.read_bytes() == before


@pytest.mark.parametrize("marked", [False, True], ids=["unmarked", "briefbot-marked"])
def test_a_negative_schema_version_is_refused(tmp_path: Path, marked: bool) -> None:
    """Issue 12 item 7: a file with PRAGMA user_version = -1 gets one line and exit 1, not a KeyError and a hang."""
    db = tmp_path / "odd.sqlite3"
    with contextlib.closing(sqlite3.connect(db)) as con:
        con.execute("PRAGMA user_version = -1")
        if marked:
            con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        con.commit()
    result = cli("--db", db, "sources", cwd=tmp_path, timeout=60)
    assert_one_line(result, 1, "briefbot: ")
    assert result.stderr.count("\n") == 1


def test_a_directory_as_the_store_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12 item 7: --db naming a directory says so in one line."""
    folder = tmp_path / "folder"
    folder.mkdir()
    assert_one_line(cli("--db", folder, "sources", cwd=tmp_path), 1, "is a directory")  # as a process
    for args in (("ask", "/summit"), ("ingest", ARTICLES / "traps.txt")):
        assert_one_line(
            cli_here(monkeypatch, capsys, "--db", folder, *args, cwd=tmp_path), 1, "is a directory"
        )


def test_a_store_with_a_missing_table_is_one_line(
    tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    """Issue 12 item 7: a store that lost a table names the table in one line."""
    db = seeded_copy(tmp_path / "store.sqlite3")
    with contextlib.closing(sqlite3.connect(db)) as con:
        con.execute("DROP TABLE statements")
        con.commit()
    assert_one_line(cli("--db", db, "ask", "/quote Rutte", cwd=tmp_path), 1, "table statements is missing")


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Callable[[Path], None]]:
    """Yield a function that makes a file or folder read-only for briefbot, undone after the test.

    For a user that is chmod; root writes whatever the mode says, so for root it is the immutable
    attribute (chattr +i), and the test is skipped where the file system or the container has none.
    """
    made: list[Path] = []

    def make(path: Path) -> None:
        path.chmod(0o555 if path.is_dir() else 0o444)
        if os.geteuid() == 0:
            chattr = shutil.which("chattr")
            if chattr is None or subprocess.run([chattr, "+i", path], capture_output=True).returncode:
                pytest.skip("root ignores file modes, and chattr +i is not available here")
        made.append(path)

    yield make
    for path in reversed(made):
        if os.geteuid() == 0:
            subprocess.run([shutil.which("chattr") or "chattr", "-i", path], check=True)
        path.chmod(0o755 if path.is_dir() else 0o644)


def test_a_read_only_store_answers_and_refuses_writes(
    tmp_path: Path, read_only: Callable[[Path], None], seeded_copy: Callable[[Path], Path]
) -> None:
    """Issue 12 item 7: a store the user may not write is opened read-only: answers work, ingest says read-only."""
    folder = tmp_path / "shared"
    db = seeded_copy(folder / "store.sqlite3")
    article = write(tmp_path / "new.txt", WIRE_STORY.format(n=1, day=1))
    before = db.read_bytes()
    read_only(db)
    read_only(folder)  # so no -wal or -shm file can be made beside it either

    answer = cli("--db", db, "ask", "/spending Canada", cwd=tmp_path)
    assert answer.returncode == 0 and "Canada — defence spending" in answer.stdout, answer.stderr
    assert cli("--db", db, "sources", cwd=tmp_path).stdout.count("\n") == 1
    assert_one_line(
        cli("--db", db, "ingest", article, cwd=tmp_path),
        1,
        "new.txt: failed: not stored: the store is read-only",
    )
    assert db.read_bytes() == before


# --- item 4: only regular files, read at most the size cap -------------------------------------

MEMORY_CAP = 1536 * 1024 * 1024  # address space for the CLI: plenty for briefbot, not for /dev/zero


def limit_memory() -> None:
    """Cap the child's address space, so a file read without a limit fails fast instead of filling memory."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def test_only_regular_files_are_read_and_at_most_the_cap(tmp_path: Path) -> None:
    """Issue 12 item 4: a link to /dev/zero, a FIFO, a folder and a 3 GB file named .txt each fail at once in one line; the good file lands."""
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.txt")  # nothing ever writes to it: reading it would block forever
    (tmp_path / "folder.txt").mkdir()
    with (tmp_path / "huge.txt").open("wb") as huge:
        huge.truncate(3 * 1024**3)  # sparse: no disk used
    good = write(tmp_path / "good.txt", WIRE_STORY.format(n=1, day=1))
    names = ["zero.txt", "pipe.txt", "folder.txt", "huge.txt"]
    result = subprocess.run(
        briefbot("--db", tmp_path / "store.sqlite3", "ingest", "--no-seed", *names, good),
        cwd=tmp_path,
        env=clean_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit_memory,
    )
    err = assert_one_line(result, 1)
    for name in names[:2]:
        assert f"{name}: failed: not a regular file" in err, err
    assert "folder.txt: failed: no .txt or .md articles in this folder" in err, err  # a folder is read as one
    assert "huge.txt: failed: huge.txt: the file is too large for an article." in err
    assert re.search(r"good.txt: stored as document \d+ \(2 sentences", result.stdout), result.stdout


# --- item 9: configuration mistakes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "value", "said"),
    [
        ("BRIEFBOT_DEV_GUILD", "my-server", "BRIEFBOT_DEV_GUILD: Input should be a valid integer"),
        ("BRIEFBOT_OWNER_IDS", "123, bob", "BRIEFBOT_OWNER_IDS: expected Discord user ids (numbers)"),
        (
            "BRIEFBOT_LOG_LEVEL",
            "LOUD",
            "BRIEFBOT_LOG_LEVEL: Input should be 'DEBUG', 'INFO', 'WARNING' or 'ERROR'",
        ),
        ("BRIEFBOT_SHARDING", "sometimes", "BRIEFBOT_SHARDING: Input should be 'off' or 'auto'"),
        ("BRIEFBOT_SHARD_IDS", "0-x", "BRIEFBOT_SHARD_IDS: expected shard ids such as 0-3 or 0,1,2"),
        ("BRIEFBOT_SHARD_IDS", "0-3", "BRIEFBOT_SHARD_IDS needs BRIEFBOT_SHARD_COUNT"),
        ("DISCORD_TOKEN", "MTAw.first-half\nsecond-half", "DISCORD_TOKEN: contains a line break"),
        (
            "DISCORD_API_BASE",
            "localhost:8080",
            "DISCORD_API_BASE: expected a URL starting with http:// or https://",
        ),
        (
            "DISCORD_GATEWAY_URL",
            "gateway.example",
            "DISCORD_GATEWAY_URL: expected a URL starting with ws:// or wss://",
        ),
    ],
    ids=[
        "dev-guild",
        "owner-ids",
        "log-level",
        "sharding",
        "shard-ids",
        "shard-ids-alone",
        "token-newline",
        "api-base",
        "gateway-url",
    ],
)
@pytest.mark.parametrize("command", ["run", "sources"])
def test_a_malformed_setting_is_one_line_and_exit_code_2(
    tmp_path: Path,
    setting: str,
    value: str,
    said: str,
    command: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 12 item 9: a setting that cannot be read gets one line naming it, exit code 2, never a traceback."""
    settings = {"DISCORD_TOKEN": "MTAw.token.for-tests", setting: value}
    result = cli_here(
        monkeypatch, capsys, "--db", tmp_path / "store.sqlite3", command, cwd=tmp_path, **settings
    )
    err = assert_one_line(result, 2, f"briefbot: {said}")
    assert err.count("\n") == 1, err
    assert "second-half" not in err  # a token is never echoed, not even a broken one


@pytest.mark.parametrize("command", ["run", "sources"])
def test_a_malformed_setting_ends_the_process_with_exit_code_2(tmp_path: Path, command: str) -> None:
    """Issue 12 item 9: the briefbot process itself exits 2 with the one line (the table above runs in-process)."""
    settings = {"DISCORD_TOKEN": "MTAw.first-half\nsecond-half", "BRIEFBOT_LOG_LEVEL": "LOUD"}
    result = cli("--db", tmp_path / "store.sqlite3", command, cwd=tmp_path, timeout=60, **settings)
    err = assert_one_line(
        result,
        2,
        "briefbot: DISCORD_TOKEN: contains a line break",
        "briefbot: BRIEFBOT_LOG_LEVEL: Input should be 'DEBUG', 'INFO', 'WARNING' or 'ERROR'",
    )
    assert err.count("\n") == 2, err
    assert "second-half" not in err


def test_env_example_as_env_is_a_valid_configuration(tmp_path: Path) -> None:
    """Issue 12 item 9: `cp .env.example .env` (every setting empty or default) starts cleanly; empty means unset."""
    shutil.copy(Path(__file__).parents[2] / ".env.example", tmp_path / ".env")
    result = cli("--db", tmp_path / "store.sqlite3", "sources", cwd=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


async def html_site() -> tuple[web.AppRunner, str]:
    """Start a site that answers every request with an HTML page (a proxy's login page); return it and its base URL."""

    async def page(request: web.Request) -> web.Response:
        return web.Response(text="<html><body>Please log in</body></html>", content_type="text/html")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", page)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}/api/v10"


def closed_port() -> int:
    """Return a local port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def run_against(tmp_path: Path, **settings: str) -> subprocess.CompletedProcess[str]:
    """Return the finished `briefbot run` with settings (off the event loop, which serves the stand-in)."""
    return await asyncio.to_thread(cli, "--db", tmp_path / "store.sqlite3", "run", cwd=tmp_path, **settings)


async def test_an_api_base_answering_html_is_one_line(tmp_path: Path) -> None:
    """Issue 12 item 9: a DISCORD_API_BASE that answers an HTML page is named in one line, exit code 2."""
    runner, base = await html_site()
    try:
        result = await run_against(tmp_path, DISCORD_TOKEN="MTAw.token.for-tests", DISCORD_API_BASE=base)
    finally:
        await runner.cleanup()
    assert_one_line(result, 2, "briefbot: DISCORD_API_BASE: GET ", "did not answer JSON (text/html)")


async def test_an_unreachable_gateway_is_one_line(tmp_path: Path) -> None:
    """Issue 12 item 9: a DISCORD_GATEWAY_URL nothing listens at is named in one line, exit 2 (not AttributeError 'sequence')."""
    async with DiscordStandIn() as standin:
        gateway = f"ws://127.0.0.1:{closed_port()}/gateway"
        result = await run_against(
            tmp_path,
            DISCORD_TOKEN=standin.token,
            DISCORD_API_BASE=standin.base_url,
            DISCORD_GATEWAY_URL=gateway,
        )
    err = assert_one_line(result, 2, f"briefbot: DISCORD_GATEWAY_URL: cannot connect to {gateway}")
    assert "sequence" not in err


async def test_a_dev_guild_the_bot_cannot_reach_is_one_line(tmp_path: Path) -> None:
    """Issue 12 item 9: a BRIEFBOT_DEV_GUILD the bot is not in (403 Missing Access on sync) is named in one line, exit 2."""
    async with DiscordStandIn() as standin:
        result = await run_against(
            tmp_path,
            DISCORD_TOKEN=standin.token,
            DISCORD_API_BASE=standin.base_url,
            BRIEFBOT_DEV_GUILD="123456789012345678",  # not the stand-in's guild
        )
    assert_one_line(
        result, 2, "briefbot: BRIEFBOT_DEV_GUILD: the bot cannot sync commands to server 123456789012345678"
    )


# --- item 11: found by reading the code (outside people.py) ---------------------------------------

BURST_QUESTIONS = (
    [
        ("spending", {"country": name})
        for name in ("Canada", "Belgium", "Italy", "Spain", "Portugal", "Croatia", "Poland", "NATO")
    ]
    + [("quote", {"person": name}) for name in ("Rutte", "Hegseth", "Trump", "Stoltenberg")]
    + [("summit", {})]
)


async def test_a_burst_after_a_write_loads_the_snapshot_once(local: LocalDiscord, store: Store) -> None:
    """Issue 12 item 11: the interactions that meet a changed store at once share one reload of people and summits."""
    await ingest_text(store, WIRE_STORY.format(n=7, day=7), name="wire.txt")  # a write: every cache is stale
    async with statements_run(store) as statements:
        answers = await asyncio.gather(
            *(
                local.dispatch(interaction_payload(2, command_data(name, options)))
                for name, options in BURST_QUESTIONS
            )
        )
    assert all(len(sent) == 1 for sent in answers)
    # One load of each scope the server reads (global and its own), shared by the whole burst.
    people_loads = sum("FROM scope_people AS sp JOIN people AS pe" in s for s in statements)
    # Store.event_index (Store.events_by_ids, the answer's own summit, selects the same first columns)
    summit_loads = sum("e.status, d.published" in s and "FROM events AS e" in s for s in statements)
    assert (people_loads, summit_loads) == (2, 2), (people_loads, summit_loads)


async def test_summit_typed_as_a_year_is_not_an_event_id(local: LocalDiscord, store: Store) -> None:
    """Issue 12 item 11: `/summit 2025` finds the summit of 2025 (it was taken for event id 2025); menu picks still work."""
    await ingest_text(
        store,
        "Title: Ankara preview\nDate: 2026-03-01\n\nAllied leaders will meet at a NATO summit in Ankara on July 7-8, 2026.\n",
        name="ankara.txt",
    )
    for typed, place in (("2025", "Netherlands"), ("2026", "Ankara")):
        answer = await local.command("summit", {"summit": typed})
        assert place in answer.message()["embeds"][0]["title"], (typed, answer.message())
    menu = await local.autocomplete("summit", {"summit": "ankara"}, "summit")
    (choice,) = menu.payload["data"]["choices"] if menu.payload else []
    picked = await local.command("summit", {"summit": choice["value"]})
    assert "Ankara" in picked.message()["embeds"][0]["title"]


async def test_ask_never_leaves_bold_open_where_it_cuts(local: LocalDiscord, store: Store) -> None:
    """Issue 12 item 11: a matched word just where /ask cuts a long sentence stays bold-closed ("**" paired)."""
    lead = "The committee went through budget lines for every brigade and depot"
    filler = " and then more budget lines"
    sentence = (
        lead
        + filler * ((975 - len(lead)) // len(filler))
        + " before the zygomorphic audit report finally ended."
    )
    await ingest_text(store, f"Title: Long sentence\n\n{sentence}\n", name="long.txt")
    answer = await local.command("ask", {"question": "zygomorphic audit"})
    (hit, *_) = answer.message()["embeds"][0]["fields"]
    assert hit["value"].count("**") % 2 == 0, hit["value"][-80:]
    assert "…" in hit["value"] and len(hit["value"]) <= 1024


async def test_stopping_while_discord_waits_for_servers_after_ready_raises_nothing(tmp_path: Path) -> None:
    """discord.py's wait for the servers after READY (``_delay_ready``) then dispatches ``ready`` on a
    loop ``close`` has unset: a stop in those seconds ended in an AttributeError traceback. The real
    client's own wait is started here and the bot closed during it; the wait must end quietly."""
    from bot.app import create_bot
    from bot.settings import Settings
    from knowledge.briefing import Briefing

    store = await open_store(tmp_path / "store.sqlite3", seed=False)
    settings = Settings(_env_file=None, BRIEFBOT_DB=str(tmp_path / "store.sqlite3"))  # type: ignore[call-arg]
    bot = create_bot(Briefing(store), settings)
    await bot._async_setup_hook()  # what login does first: the client takes the running loop
    state = bot._connection
    state.guild_ready_timeout = 0.05
    state._ready_state = asyncio.Queue()
    waiting = asyncio.ensure_future(state._delay_ready())
    state._ready_task = waiting
    await bot.close()
    await asyncio.wait({waiting}, timeout=5)
    assert waiting.done()
    assert waiting.cancelled() or waiting.exception() is None
