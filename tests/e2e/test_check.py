"""`briefbot check` as a process, asking the Discord stand-in what it asks Discord (issue 14)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.launch import briefbot, clean_env

from .conftest import running_bot
from .standin import DiscordStandIn


async def run_check(tmp_path: Path, **settings: str) -> tuple[int, str, str]:
    """Run `briefbot check` with only these settings; return its exit code, stdout and stderr."""
    process = await asyncio.create_subprocess_exec(
        *briefbot("--db", tmp_path / "store.sqlite3", "check"),
        cwd=tmp_path,
        env=clean_env(**settings),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_a_good_setup_is_ready(tmp_path: Path) -> None:
    """The token is accepted (the bot is named), no intent is missing, the dev guild can be synced."""
    async with DiscordStandIn() as standin:
        code, out, err = await run_check(
            tmp_path,
            DISCORD_TOKEN=standin.token,
            DISCORD_API_BASE=standin.base_url,
            BRIEFBOT_DEV_GUILD=standin.guild_id,
        )
        asked = [(r.method, r.path) for r in standin.requests]
    assert code == 0, out + err
    assert f"it is the bot {standin.bot_user()['username']}" in out
    assert "intents: briefbot needs no privileged intent" in out
    assert f"BRIEFBOT_DEV_GUILD {standin.guild_id}: the bot may sync its commands there" in out
    assert "does not exist yet" in out and not (tmp_path / "store.sqlite3").exists()  # nothing created
    assert out.rstrip().endswith("Ready to run.") and "PROBLEM" not in out
    assert ("PUT", f"/applications/{standin.application_id}/guilds/{standin.guild_id}/commands") not in asked


async def test_a_rejected_token_and_a_foreign_server_are_problems(tmp_path: Path) -> None:
    """A wrong token is said in plain words; so is a dev guild the bot cannot manage."""
    async with DiscordStandIn() as standin:
        code, out, _ = await run_check(
            tmp_path, DISCORD_TOKEN="not.the.token", DISCORD_API_BASE=standin.base_url
        )
        assert code == 1 and "PROBLEM  Discord rejected DISCORD_TOKEN" in out
        assert standin.token not in out
        code, out, _ = await run_check(
            tmp_path, DISCORD_TOKEN=standin.token, DISCORD_API_BASE=standin.base_url, BRIEFBOT_DEV_GUILD="42"
        )
    assert code == 1 and "PROBLEM  BRIEFBOT_DEV_GUILD 42: the bot is not in that server" in out
    assert out.rstrip().endswith("1 problem to fix before `briefbot run`.")


async def test_no_token_is_fine_for_the_console(tmp_path: Path) -> None:
    """Without a token, check says run answers in the console, and that is not a problem."""
    code, out, _ = await run_check(tmp_path)
    assert code == 0 and "DISCORD_TOKEN is not set" in out


async def test_a_good_start_logs_the_ready_line(tmp_path: Path) -> None:
    """The line the README tells operators to look for: who the bot is and in how many servers."""
    async with DiscordStandIn() as standin, running_bot(standin, tmp_path) as bot:
        name = standin.bot_user()["username"]
        await bot.wait_until(
            lambda: f"briefbot ready: logged in as {name}" in bot.output(), 60, "the ready line"
        )
        assert "in 1 servers" in bot.output()
