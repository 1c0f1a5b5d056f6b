"""The bot token never shows: not in logs, error messages, the CLI's output or the settings' repr.

Logins run with a known fake token and every logger at DEBUG (discord.http logs each request,
discord.gateway each event): against a REST base that answers 401 to everything, against a
closed port, and against the Discord stand-in, where the login succeeds and the token travels in
the IDENTIFY payload. The same is checked for ``briefbot run`` as a subprocess, stdout and
stderr captured. Each test first proves the token was really used (sent in a header or
IDENTIFY), so "not in the logs" is not true merely because the token never left the settings.
``.env``, where people keep the token, is git-ignored.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shutil
import signal
import socket
import subprocess
import traceback
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import discord
import pytest
from aiohttp import web

from bot.cli import serve
from bot.settings import ConfigError, Settings
from tests.e2e.conftest import running_bot
from tests.e2e.standin import DiscordStandIn
from tests.launch import briefbot, clean_env

FAKE_TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAx.GsEcRt.fake-token-never-to-be-printed_0123456789"
SECRET = FAKE_TOKEN.rsplit(".", 1)[1]  # the part that makes a token a secret
REPO = Path(__file__).resolve().parents[2]
# Loggers that may have been given their own level (by discord.utils.setup_logging, say): all at DEBUG.
LOGGERS = ("discord", "discord.http", "discord.gateway", "discord.client", "bot", "briefbot", "aiohttp")


def assert_no_token(*texts: str) -> None:
    """Fail if the token, or its secret part, is in any of the texts."""
    for text in texts:
        assert FAKE_TOKEN not in text and SECRET not in text, "the token leaked"


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Capture every logger at DEBUG, tracebacks included."""
    caplog.set_level(logging.DEBUG)
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


@pytest.fixture(autouse=True)
def _restore_endpoints(monkeypatch: pytest.MonkeyPatch) -> None:
    """Undo the class attributes that serve() points at the configured endpoints."""
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    )


def closed_port() -> int:
    """Return a local port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.asynccontextmanager
async def refusing_discord() -> AsyncIterator[tuple[str, list[str]]]:
    """Serve a REST base that answers 401 to everything; yield its URL and the Authorization headers."""
    seen: list[str] = []

    async def refuse(request: web.Request) -> web.Response:
        seen.append(request.headers.get("Authorization", ""))
        return web.json_response({"message": "401: Unauthorized", "code": 0}, status=401)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", refuse)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}/api/v10", seen
    finally:
        await runner.cleanup()


def settings_for(tmp_path: Path, **env: Any) -> Settings:
    """Return settings with the fake token and a store in tmp_path, ignoring any .env file."""
    return Settings(  # type: ignore[call-arg]
        _env_file=None, DISCORD_TOKEN=FAKE_TOKEN, BRIEFBOT_DB=str(tmp_path / "store.sqlite3"), **env
    )


def everything_said(failure: pytest.ExceptionInfo[BaseException], logs: pytest.LogCaptureFixture) -> str:
    """Return the exception with its traceback and every captured log line."""
    shown = "".join(traceback.format_exception(failure.value))
    return f"{shown}\n{logs.text}\n" + "\n".join(repr(r.args) for r in logs.records)


# --- in-process logins ------------------------------------------------------------------------


async def test_rejected_token_is_not_logged(tmp_path: Path, debug_logs: pytest.LogCaptureFixture) -> None:
    """Discord answers 401 to the login: the failure and the DEBUG logs do not contain the token."""
    async with refusing_discord() as (base, seen):
        settings = settings_for(
            tmp_path, DISCORD_API_BASE=base, DISCORD_GATEWAY_URL=f"ws://127.0.0.1:{closed_port()}/gateway"
        )
        with pytest.raises(discord.LoginFailure) as failure:
            await serve(settings)
    assert seen == [f"Bot {FAKE_TOKEN}"], "the login sent the token"
    assert "GET" in debug_logs.text, "discord.http logged the request at DEBUG"
    assert_no_token(everything_said(failure, debug_logs))


async def test_refused_gateway_lookup_is_not_logged(
    tmp_path: Path, debug_logs: pytest.LogCaptureFixture
) -> None:
    """The configured REST base refuses GET /gateway/bot: the error names the status, not the token."""
    async with refusing_discord() as (base, seen):
        with pytest.raises(Exception) as failure:  # RuntimeError today; LoginFailure would do too
            await serve(settings_for(tmp_path, DISCORD_API_BASE=base))
    assert seen == [f"Bot {FAKE_TOKEN}"]
    assert "401" in str(failure.value) or isinstance(failure.value, discord.LoginFailure)
    assert_no_token(everything_said(failure, debug_logs))


@pytest.mark.parametrize("gateway", [False, True], ids=["gateway-lookup", "login"])
async def test_unreachable_discord_is_not_logged(
    tmp_path: Path, debug_logs: pytest.LogCaptureFixture, gateway: bool
) -> None:
    """Nothing listens at the REST base: the connection error does not contain the token."""
    base = f"http://127.0.0.1:{closed_port()}/api/v10"
    extra = {"DISCORD_GATEWAY_URL": f"ws://127.0.0.1:{closed_port()}/gateway"} if gateway else {}
    with pytest.raises((OSError, ConfigError)) as failure:  # ConfigError names DISCORD_API_BASE
        await serve(settings_for(tmp_path, DISCORD_API_BASE=base, **extra))
    assert_no_token(everything_said(failure, debug_logs))


async def test_successful_login_is_not_logged(tmp_path: Path, debug_logs: pytest.LogCaptureFixture) -> None:
    """A full login against the stand-in (REST, IDENTIFY, READY) logs at DEBUG without the token."""
    async with DiscordStandIn(token=FAKE_TOKEN) as standin:
        task = asyncio.ensure_future(serve(settings_for(tmp_path, DISCORD_API_BASE=standin.base_url)))
        try:
            await standin.wait_until_ready(timeout=60)
            async with asyncio.timeout(30):  # the bot has received READY, not only the stand-in sent it
                while "READY" not in debug_logs.text:
                    await asyncio.sleep(0.02)
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        assert [p["token"] for p in standin.identify_payloads][:1] == [FAKE_TOKEN], "IDENTIFY carried it"
    assert "READY" in debug_logs.text, "discord.gateway logged the events at DEBUG"
    assert_no_token(debug_logs.text, "\n".join(repr(r.args) for r in debug_logs.records))


# --- briefbot run as a subprocess -------------------------------------------------------------


def briefbot_run() -> list[str]:
    """Return the command line of ``briefbot run``."""
    return briefbot("run")


def run_env(tmp_path: Path, **settings: str) -> dict[str, str]:
    """Return a clean environment for briefbot with the fake token, at DEBUG."""
    return clean_env(
        DISCORD_TOKEN=FAKE_TOKEN,
        BRIEFBOT_DB=str(tmp_path / "store.sqlite3"),
        BRIEFBOT_LOG_LEVEL="DEBUG",
        **settings,
    )


async def test_briefbot_run_with_a_rejected_token_prints_no_token(tmp_path: Path) -> None:
    """``briefbot run`` refused by Discord: one clear line, exit 1, and no token in its output."""
    async with refusing_discord() as (base, seen):
        process = await asyncio.create_subprocess_exec(
            *briefbot_run(),
            cwd=tmp_path,  # no .env here
            env=run_env(
                tmp_path, DISCORD_API_BASE=base, DISCORD_GATEWAY_URL=f"ws://127.0.0.1:{closed_port()}/gateway"
            ),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(process.communicate(), 120)
    assert seen == [f"Bot {FAKE_TOKEN}"]
    assert process.returncode == 1
    stdout, stderr = out.decode(errors="replace"), err.decode(errors="replace")
    assert "Discord rejected the token" in stderr
    assert "discord.http" in stdout + stderr, "DEBUG logging was on"
    assert_no_token(stdout, stderr)


async def test_briefbot_run_logged_in_prints_no_token(tmp_path: Path) -> None:
    """``briefbot run`` logged in to the stand-in at DEBUG, then stopped: no token in its output."""
    out_path, err_path = tmp_path / "stdout", tmp_path / "stderr"

    def output() -> str:
        return out_path.read_text(errors="replace") + err_path.read_text(errors="replace")

    async with DiscordStandIn(token=FAKE_TOKEN) as standin:
        with out_path.open("wb") as out, err_path.open("wb") as err:
            process = await asyncio.create_subprocess_exec(
                *briefbot_run(),
                cwd=tmp_path,
                env=run_env(tmp_path, DISCORD_API_BASE=standin.base_url),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=out,
                stderr=err,
            )
        try:
            async with asyncio.timeout(60):  # until the bot has logged the READY it received
                while "READY" not in output() and process.returncode is None:
                    await asyncio.sleep(0.05)
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), 30)
        assert [p["token"] for p in standin.identify_payloads][:1] == [FAKE_TOKEN]
    assert "READY" in output(), "DEBUG logging was on"
    assert_no_token(output())


# --- configuration ----------------------------------------------------------------------------


def test_settings_never_show_the_token(tmp_path: Path) -> None:
    """repr, str, format and the JSON dump of the settings hide the token (it is a SecretStr)."""
    settings = settings_for(tmp_path)
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == FAKE_TOKEN
    assert_no_token(
        repr(settings),
        str(settings),
        f"{settings}",
        settings.model_dump_json(),
        repr(settings.model_dump()),
        repr(settings.discord_token),
        str(settings.discord_token),
    )


def test_env_file_is_git_ignored() -> None:
    """.env (where the token lives) is ignored by git and not tracked; .env.example holds no token."""
    if shutil.which("git") and (REPO / ".git").exists():
        ignored = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=REPO, check=False)
        assert ignored.returncode == 0, ".env is not git-ignored"
        tracked = subprocess.run(["git", "ls-files", ".env"], cwd=REPO, capture_output=True, text=True)
        assert tracked.stdout.strip() == "", ".env is tracked"
    else:  # a source tree without git: read the ignore file
        patterns = (REPO / ".gitignore").read_text(encoding="utf-8").split()
        assert ".env" in patterns or "/.env" in patterns
    example = (REPO / ".env.example").read_text(encoding="utf-8").splitlines()
    assert "DISCORD_TOKEN=" in example, ".env.example leaves the token empty"


async def test_interaction_tokens_are_not_logged_at_debug(tmp_path: Path) -> None:
    """Issue 12 item 10: at DEBUG, `briefbot run` logs each INTERACTION_CREATE without its interaction token.

    The token is a credential for 15 minutes (it answers and edits as the bot); discord.py logs
    every gateway event whole at DEBUG.
    """
    async with (
        DiscordStandIn() as standin,
        running_bot(standin, tmp_path, env={"BRIEFBOT_LOG_LEVEL": "DEBUG"}) as bot,
    ):
        payload = standin.make_command_interaction("spending", {"country": "Canada"})
        response = await standin.wait_for_response(await standin.send_interaction(payload), timeout=30)
        assert response.callback_type == 4  # answered: the token was used, so it was really there
        await bot.wait_until(lambda: "INTERACTION_CREATE" in bot.output(), 10, "the event in the DEBUG log")
        output = bot.output()
    assert payload["token"] not in output
    assert "'token': '<token>'" in output, "the event was logged, with its token hidden"
