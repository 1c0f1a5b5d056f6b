"""The briefbot command as an operator runs it: a separate process, its output and exit code.

Issue 14: folders, a readable dry run, "stored as document N", header warnings, plurals, a
closed pipe, options on either side of the subcommand, and one-line errors.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge.ingest import ingest_file, open_store
from tests.here import cli_here
from tests.launch import briefbot, clean_env

ARTICLES = Path(__file__).parent.parent / "knowledge" / "articles"
ONE_SENTENCE = "Title: Short note\nSource: Test Wire\nDate: 2026-02-01\n\nPoland spent 4.1 percent of GDP on defence in 2025.\n"


def cli(cwd: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run briefbot in cwd with a clean environment and return what it did."""
    return subprocess.run(
        briefbot(*args),
        cwd=cwd,
        env=clean_env(XDG_DATA_HOME=str(cwd / "data")),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def store_short_note(db: Path, article: Path) -> None:
    """Store an article in the seeded store db as document 2, in this process (a test's starting point)."""

    async def ingest() -> None:
        store = await open_store(db)
        try:
            assert (await ingest_file(store, article)).document_id == 2
        finally:
            await store.close()

    asyncio.run(ingest())


def test_a_folder_is_ingested_recursively(tmp_path: Path) -> None:
    """A folder brings in its .txt and .md files, subfolders included; other files are left alone."""
    folder = tmp_path / "articles"
    (folder / "2026" / "march").mkdir(parents=True)
    shutil.copy(ARTICLES / "traps.txt", folder / "traps.txt")
    shutil.copy(ARTICLES / "explainer-markdown.md", folder / "2026" / "march" / "explainer.md")
    (folder / "notes.json").write_text("{}")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "draft.txt").write_text(ONE_SENTENCE)
    result = cli(tmp_path, "ingest", folder, "--db", "s.db")  # --db after the subcommand
    assert result.returncode == 0, result.stderr
    stored = re.findall(r"^(\S+): stored as document (\d+) ", result.stdout, re.M)
    assert stored == [("explainer.md", "2"), ("traps.txt", "3")], result.stdout
    listing = cli(tmp_path, "--db", "s.db", "sources").stdout  # --db before it
    assert listing.count("\n") == 3 and "draft" not in listing and "Short note" not in listing


def test_dry_run_is_a_readable_preview_and_stores_nothing(
    tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    """The dry run lists the header and each record in words; the store keeps only the seed."""
    seeded_copy(tmp_path / "s.db")
    result = cli(tmp_path, "--db", "s.db", "ingest", "--dry-run", ARTICLES / "wire-straight-quotes.txt")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("wire-straight-quotes.txt: would be stored (10 sentences, ")
    assert "  Title: Sweden to keep raising defence budget, minister says" in lines
    assert "  Source: Nordic Wire · Date: 2026-03-12" in lines
    assert "  Statements" in lines and not result.stdout.lstrip().startswith("{")
    assert cli(tmp_path, "--db", "s.db", "sources").stdout.count("\n") == 1


def test_plurals_follow_the_count(tmp_path: Path) -> None:
    """One sentence is "1 sentence", one fact "1 spending fact"; none are "0 statements"."""
    article = tmp_path / "short.txt"
    article.write_text(ONE_SENTENCE)
    result = cli(tmp_path, "--db", "s.db", "ingest", article)
    assert result.returncode == 0, result.stderr
    assert (
        "short.txt: stored as document 2 (1 sentence, 1 spending fact, 0 statements, 0 events)"
        in result.stdout
    )
    listing = cli(tmp_path, "--db", "s.db", "sources").stdout
    assert "— 27 sentences, 14 spending facts, 10 statements, 1 event\n" in listing  # the seed
    assert "— 1 sentence, 1 spending fact, 0 statements, 0 events\n" in listing


@pytest.mark.parametrize(
    ("header", "warning"),
    [
        (
            "Titel: Poland leads\nDate: 2026-02-01\n\n",
            "'Titel: Poland leads' is not a header line (read as text); did you mean Title:?",
        ),
        ("", "no header: add Title:, Source: and Date: lines"),
        ("Title: Poland leads\nAuthor: A. Writer\n\n", "'Author: A. Writer' is not a header line"),
        ("Title: Poland leads\n\n", "no Date: line"),
    ],
)
def test_a_missing_or_unknown_header_line_is_a_warning(tmp_path: Path, header: str, warning: str) -> None:
    """The article is stored all the same, and the operator is told what the header lacks."""
    article = tmp_path / "poland.txt"
    article.write_text(header + "Poland spent 4.1 percent of GDP on defence in 2025.\n")
    result = cli(tmp_path, "--db", "s.db", "ingest", article)
    assert result.returncode == 0 and "poland.txt: stored as document 2" in result.stdout, result.stderr
    assert f"  warning: {warning}" in result.stdout


def test_a_good_header_gives_no_warning(tmp_path: Path) -> None:
    """Title, Source and Date present: no warning at all."""
    result = cli(tmp_path, "--db", "s.db", "ingest", ARTICLES / "traps.txt")
    assert result.returncode == 0 and "warning" not in result.stdout


def test_a_closed_pipe_ends_quietly(tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> None:
    """`briefbot ingest FOLDER | head`: no "Broken pipe", no traceback; what was stored stays."""
    seeded_copy(tmp_path / "s.db")
    process = subprocess.Popen(
        briefbot("--db", "s.db", "ingest", ARTICLES),
        cwd=tmp_path,
        env=clean_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line: every write hits a closed pipe
    err = process.stderr.read()
    assert process.wait(timeout=300) == 141  # as a shell reports a program ended by SIGPIPE
    assert err == ""
    listing = cli(tmp_path, "--db", "s.db", "sources").stdout
    assert listing.count("\n") == 2  # the seed and the first article, stored before its line was printed


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--db", "folder", "sources"), 1, "folder is a directory; give --db (or BRIEFBOT_DB) a file name."),
        (("sources", "--db", "folder"), 1, "folder is a directory"),
        (("ingest", "missing.txt"), 1, "missing.txt: failed: no such file or folder"),
        (("ingest", "folder"), 1, "folder: failed: no .txt or .md articles in this folder"),
        (("frobnicate",), 2, "invalid choice: 'frobnicate'"),
        (("ask",), 2, "ask: the following arguments are required: line"),
        (("ingest", "--json", "x.txt"), 2, "ingest: --json only goes with --dry-run"),
        (("sources", "--verbose"), 2, "unrecognized arguments: --verbose"),
    ],
)
def test_every_error_is_one_line(
    tmp_path: Path,
    args: tuple[str, ...],
    code: int,
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A mistake is one line on stderr, exit code 1 (what failed) or 2 (how it was asked).

    The table runs ``bot.cli.main`` in this process (``tests.here``), with the environment and
    working directory the process would have; the test below runs one case of each code as a process.
    """
    (tmp_path / "folder").mkdir()
    result = cli_here(monkeypatch, capsys, *args, cwd=tmp_path, XDG_DATA_HOME=str(tmp_path / "data"))
    assert result.returncode == code, result.stderr
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--db", "folder", "sources"), 1, "folder is a directory; give --db (or BRIEFBOT_DB) a file name."),
        (("frobnicate",), 2, "invalid choice: 'frobnicate'"),
    ],
)
def test_an_error_ends_the_process_with_its_code(
    tmp_path: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    """The briefbot process itself prints the one line and exits 1 or 2 (the table above runs in-process)."""
    (tmp_path / "folder").mkdir()
    result = cli(tmp_path, *args)
    assert result.returncode == code, result.stderr
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_saving_attachments_says_where_not_how(tmp_path: Path) -> None:
    """With --save-attachments the chart is written and no hint to use the option is printed."""
    saved = cli(tmp_path, "--db", "s.db", "ask", "/spending usa", "--save-attachments", "charts")
    assert saved.returncode == 0, saved.stderr
    assert "saved charts/spending-US.png" in saved.stdout and "--save-attachments" not in saved.stdout
    assert (tmp_path / "charts" / "spending-US.png").read_bytes().startswith(b"\x89PNG")
    plain = cli(tmp_path, "--db", "s.db", "ask", "/spending usa")
    assert "(attached: spending-US.png" in plain.stdout and "--save-attachments DIR" in plain.stdout


def test_forget_removes_a_document_and_its_answers(
    tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    """`briefbot forget ID --yes` removes it; answers no longer show it; a second try is one line."""
    article = tmp_path / "short.txt"
    article.write_text(ONE_SENTENCE)
    store_short_note(seeded_copy(tmp_path / "s.db"), article)
    assert "4.1% of GDP in 2025" in cli(tmp_path, "--db", "s.db", "ask", "/spending Poland").stdout
    result = cli(tmp_path, "forget", "2", "--yes", "--db", "s.db")
    assert (
        result.returncode == 0
        and result.stdout == "Forgot document 2: it and everything read from it are gone.\n"
    )
    answer = cli(tmp_path, "--db", "s.db", "ask", "/spending Poland").stdout
    assert "4.1%" not in answer and "No figures for Poland" in answer
    again = cli(tmp_path, "--db", "s.db", "forget", "2", "--yes")
    assert again.returncode == 1 and again.stderr.startswith("briefbot: there is no document 2 ")
    assert again.stderr.count("\n") == 1


def test_forget_without_yes_needs_a_terminal(tmp_path: Path) -> None:
    """With no terminal to ask on, forget refuses in one line and removes nothing."""
    result = cli(tmp_path, "--db", "s.db", "forget", "1")
    assert result.returncode == 2 and "add --yes" in result.stderr and result.stderr.count("\n") == 1
    assert cli(tmp_path, "--db", "s.db", "sources").stdout.count("\n") == 1


def test_replace_swaps_in_a_corrected_version(tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> None:
    """`ingest --replace ID FILE` keeps the id and the answers show the corrected figure at once."""
    article = tmp_path / "short.txt"
    article.write_text(ONE_SENTENCE)
    store_short_note(seeded_copy(tmp_path / "s.db"), article)
    fixed = tmp_path / "short-fixed.txt"
    fixed.write_text(ONE_SENTENCE.replace("4.1 percent", "4.4 percent"))
    preview = cli(tmp_path, "--db", "s.db", "ingest", "--replace", "2", "--dry-run", fixed)
    assert preview.stdout.startswith("short-fixed.txt: would replace document 2 (1 sentence,")
    assert "4.1% of GDP" in cli(tmp_path, "--db", "s.db", "ask", "/spending Poland").stdout
    result = cli(tmp_path, "--db", "s.db", "ingest", "--replace", "2", fixed)
    assert result.returncode == 0 and result.stdout.startswith("short-fixed.txt: replaced document 2 (")
    answer = cli(tmp_path, "--db", "s.db", "ask", "/spending Poland").stdout
    assert "4.4% of GDP in 2025" in answer and "4.1%" not in answer
    assert cli(tmp_path, "--db", "s.db", "sources").stdout.count("\n") == 2
    missing = cli(tmp_path, "--db", "s.db", "ingest", "--replace", "7", fixed)
    assert missing.returncode == 1 and "there is no document 7" in missing.stderr
    two = cli(tmp_path, "--db", "s.db", "ingest", "--replace", "2", fixed, article)
    assert two.returncode == 2 and "--replace ID takes exactly one article file" in two.stderr


def test_backup_copies_a_consistent_store_while_a_writer_is_busy(
    tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    """`briefbot backup PATH` works while another writer holds its transaction; the copy is a store."""
    article = tmp_path / "short.txt"
    article.write_text(ONE_SENTENCE)
    store_short_note(seeded_copy(tmp_path / "s.db"), article)
    with contextlib.closing(sqlite3.connect(tmp_path / "s.db", isolation_level=None)) as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM documents WHERE id = 2")  # not committed: the backup must not see it
        result = cli(tmp_path, "--db", "s.db", "backup", "copy.sqlite3")
        writer.execute("ROLLBACK")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Backed up 2 documents to copy.sqlite3 (")
    listing = cli(tmp_path, "--db", "copy.sqlite3", "sources")
    assert listing.returncode == 0 and "Short note" in listing.stdout and listing.stdout.count("\n") == 2
    again = cli(tmp_path, "--db", "s.db", "backup", "copy.sqlite3")
    assert again.returncode == 1 and "copy.sqlite3 already exists" in again.stderr
    assert not list(tmp_path.glob("*.partial"))
    (tmp_path / "backups").mkdir()
    into = cli(tmp_path, "--db", "s.db", "backup", "backups")
    assert into.returncode == 0 and len(list((tmp_path / "backups").glob("briefbot-*.sqlite3"))) == 1
    missing = cli(tmp_path, "--db", "none.db", "backup", "x.sqlite3")
    assert missing.returncode == 1 and "there is no store at none.db" in missing.stderr
