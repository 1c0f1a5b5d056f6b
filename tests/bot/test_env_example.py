"""Settings as an operator writes them: the shipped ``.env.example``, copied to ``.env``, just works."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.launch import briefbot, clean_env

REPO = Path(__file__).resolve().parents[2]


def run_in(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run briefbot in cwd with only the settings its .env gives, its data directory inside cwd."""
    env = clean_env(XDG_DATA_HOME=str(cwd / "data"), HOME=str(cwd))
    return subprocess.run(
        briefbot(*args), cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_env_example_copied_to_env_works(tmp_path: Path) -> None:
    """`cp .env.example .env` leaves every command working: empty values mean "not set"."""
    shutil.copy(REPO / ".env.example", tmp_path / ".env")
    sources = run_in(tmp_path, "sources")
    assert sources.returncode == 0, sources.stderr
    assert "NATO defence spending" in sources.stdout
    assert (tmp_path / "data" / "briefbot" / "briefbot.sqlite3").is_file()  # the default, not the cwd
    answer = run_in(tmp_path, "ask", "/spending Canada")
    assert answer.returncode == 0 and "Canada — defence spending" in answer.stdout, answer.stderr


def test_env_example_with_only_a_dev_guild_filled_in(tmp_path: Path) -> None:
    """Filling in one setting of the example keeps the others (empty) unset."""
    text = (REPO / ".env.example").read_text(encoding="utf-8")
    assert "\nBRIEFBOT_DEV_GUILD=\n" in text and "\nBRIEFBOT_DB=\n" in text
    (tmp_path / ".env").write_text(text.replace("\nBRIEFBOT_DEV_GUILD=\n", "\nBRIEFBOT_DEV_GUILD=123\n"))
    result = run_in(tmp_path, "sources")
    assert result.returncode == 0 and "NATO defence spending" in result.stdout, result.stderr


def test_a_bad_value_in_env_is_one_line(tmp_path: Path) -> None:
    """A setting that cannot work names itself in one line, exit code 2."""
    (tmp_path / ".env").write_text("BRIEFBOT_DEV_GUILD=my server\n")
    result = run_in(tmp_path, "sources")
    assert result.returncode == 2
    assert result.stderr.startswith("briefbot: BRIEFBOT_DEV_GUILD: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
