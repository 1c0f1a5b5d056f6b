"""The briefbot command line, run in-process: ask, ingest, sources, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main

ARTICLES = Path(__file__).parent.parent / "knowledge" / "articles"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Return the exit code, stdout and stderr of one briefbot invocation."""
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_ask_prints_a_readable_answer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`briefbot ask "/spending Canada"` prints the embed as text."""
    code, out, _ = run(capsys, "--db", str(tmp_path / "s.db"), "ask", "/spending Canada")
    assert code == 0
    assert "🇨🇦 Canada — defence spending" in out and "Missed the 2% of GDP target in 2023" in out


def test_ask_json_is_the_payload(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--json` prints the interaction callback body."""
    code, out, _ = run(capsys, "--db", str(tmp_path / "s.db"), "ask", "--json", "/quote", "person:Hegseth")
    payload = json.loads(out)
    assert code == 0 and payload["type"] == 4
    assert payload["data"]["allowed_mentions"] == {"parse": []}
    assert payload["data"]["embeds"][0]["title"] == "Pete Hegseth — statements"


def test_ask_rejects_unknown_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown command is one line and exit code 1."""
    code, out, _ = run(capsys, "--db", str(tmp_path / "s.db"), "ask", "/weather Paris")
    assert code == 1 and "There is no /weather command" in out


def test_ingest_reports_each_file_and_fails_only_the_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Good files land, a bad one gets a one-line reason, and the exit code says something failed."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Date: yesterday\n\nText.")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    good = ARTICLES / "wire-straight-quotes.txt"
    db = str(tmp_path / "s.db")
    code, out, err = run(capsys, "--db", db, "ingest", str(good), str(bad), str(binary))
    assert code == 1
    assert "wire-straight-quotes.txt: stored as document 2 (10 sentences," in out
    assert "bad.txt: failed: The Date 'yesterday' is not an ISO date" in err
    assert "binary.txt: failed:" in err and "Traceback" not in err
    code, out, _ = run(capsys, "--db", db, "ingest", str(good))
    assert code == 0 and "already ingested" in out
    code, out, _ = run(capsys, "--db", db, "sources")
    assert out.count("\n") == 2  # the seed and the wire story


def test_dry_run_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--dry-run` previews the records as text and creates no store."""
    db = tmp_path / "s.db"
    code, out, _ = run(capsys, "--db", str(db), "ingest", "--dry-run", str(ARTICLES / "traps.txt"))
    assert code == 0 and out.startswith("traps.txt: would be stored (13 sentences,")
    assert "  Spending facts\n" in out and "    • PL · share_of_gdp · 4.2 percent · 2025\n" in out
    assert "{" not in out and not db.exists()


def test_dry_run_json_is_the_extraction(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--dry-run --json` prints the extracted records as JSON, one document per file."""
    code, out, _ = run(
        capsys, "ingest", "--db", str(tmp_path / "s.db"), "--dry-run", "--json", str(ARTICLES / "traps.txt")
    )
    records = json.loads(out)
    assert code == 0 and {r["subject"] for r in records["spending"]} >= {"PL", "DE"}


def test_no_seed_creates_an_empty_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--no-seed` on a new store leaves out the bundled article."""
    db = str(tmp_path / "s.db")
    run(capsys, "--db", db, "ingest", "--no-seed", str(ARTICLES / "traps.txt"))
    code, out, _ = run(capsys, "--db", db, "sources")
    assert code == 0 and out.count("\n") == 1 and "NATO defence spending" not in out


def test_a_store_that_is_not_a_store_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Pointing --db at another kind of file fails with one clear line."""
    other = tmp_path / "notes.db"
    other.write_text("not sqlite" * 100)
    code, _, err = run(capsys, "--db", str(other), "sources")
    assert code == 1 and err.startswith("briefbot: ") and err.count("\n") == 1


def test_run_without_token_answers_in_the_console(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`briefbot run` with no token shows the bot answering the three demo commands."""
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)  # no .env here
    code, out, _ = run(capsys, "--db", str(tmp_path / "s.db"), "run")
    assert code == 0
    assert "No DISCORD_TOKEN is configured" in out
    for marker in (
        "> /spending Canada",
        "> /summit",
        "> /quote Rutte",
        "NATO summit in the Netherlands",
        "“We must step up",
    ):
        assert marker in out


def test_guild_option_keeps_a_server_s_articles_to_that_server(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 13: `ingest --guild` stores for that server; `ask` and `sources` see it only with that --guild."""
    db = str(tmp_path / "s.db")
    article = ARTICLES / "wire-straight-quotes.txt"  # Sweden 2.1% (2025)
    code, out, _ = run(capsys, "--db", db, "ingest", "--guild", "4242", str(article))
    assert code == 0, out
    _, server, _ = run(capsys, "--db", db, "ask", "--guild", "4242", "/spending Sweden")
    _, everyone, _ = run(capsys, "--db", db, "ask", "/spending Sweden")
    _, other, _ = run(capsys, "--db", db, "ask", "--guild", "4343", "/spending Sweden")
    assert "2.1% of GDP in 2025" in server
    assert "2.1%" not in everyone and "2.1%" not in other
    _, listed, _ = run(capsys, "--db", db, "sources", "--guild", "4242")
    _, listed_global, _ = run(capsys, "--db", db, "sources")
    assert "[4242] Sweden to keep raising" in listed and "[global]" in listed
    assert "Sweden" not in listed_global
