"""Issue 12: one bad article, file, store or setting never takes briefbot down or hides its cause.

Each test runs ``briefbot`` as a user does (a subprocess started by ``tests.launch``, with a clean
environment and a temporary working directory) and checks what the user sees: one line naming
the problem, the exit code, and that everything else still works.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from knowledge.extract.reader import read_article
from knowledge.ingest import open_store
from knowledge.models import Article, EventRecord, Extraction, PartialDate, TimeRef
from tests.launch import briefbot, clean_env

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
    assert summit.returncode == 0 and "Summit in the Netherlands (June 2025)" in summit.stdout
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
    assert "Summit in Poland" in answer.stdout and "2101" not in answer.stdout
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
async def test_an_impossible_stored_date_never_breaks_an_answer(tmp_path: Path, when: TimeRef) -> None:
    """Issue 12 item 1: a summit stored with an impossible date (older store) still gets /summit answers."""
    db = tmp_path / "store.sqlite3"
    await stored_event(db, when)
    for line in ("/summit", "/summit Poland", "/quote Rutte"):
        answer = cli("--db", db, "ask", line, cwd=tmp_path)
        assert answer.returncode == 0, (line, answer.stdout, answer.stderr)
        assert "Something went wrong" not in answer.stdout and "Traceback" not in answer.stderr


def test_partial_date_bounds() -> None:
    """The plausible years are 1900 to 2100, both included."""
    assert PartialDate(year=1900).plausible() and PartialDate(year=2100).plausible()
    assert not PartialDate(year=1899).plausible() and not PartialDate(year=9999).plausible()
