"""Fixtures for the e2e tests: the real ``briefbot run`` process, started as a user starts it.

The bot runs as a separate process (the ``briefbot`` console script next to the test
interpreter, or ``python -m bot``) against :class:`DiscordStandIn`, configured only through
its environment (``DISCORD_TOKEN``, ``DISCORD_API_BASE``, ``BRIEFBOT_DB``, ``BRIEFBOT_DEV_GUILD``)
with a temporary working directory, so no ``.env`` file and no user store can leak in.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio

from .standin import DiscordStandIn

STARTUP_TIMEOUT = 60.0  # a fresh store is seeded (extraction of the bundled article) before login
SHUTDOWN_TIMEOUT = 10.0
# Signs of an unclean run in the bot's output: tracebacks and asyncio's "forgot to clean up" notes.
UNCLEAN_MARKERS = ("Traceback", "Task was destroyed but it is pending", "Unclosed client session")


def briefbot_command() -> list[str]:
    """Return the command that starts briefbot: the console script if installed, else ``python -m bot``."""
    script = Path(sys.executable).parent / "briefbot"
    if script.exists():
        return [str(script)]
    # bot/cli.py has no ``__main__`` guard; bot/__main__.py runs its main().
    return [sys.executable, "-m", "bot"]


def clean_env(**settings: str) -> dict[str, str]:
    """Return this process's environment without any DISCORD_/BRIEFBOT_ variable, plus settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "BRIEFBOT_"))}
    env["PYTHONUNBUFFERED"] = "1"
    env.update(settings)
    return env


@dataclass
class BotProcess:
    """The running ``briefbot run`` process and the stand-in it talks to."""

    standin: DiscordStandIn
    process: asyncio.subprocess.Process
    workdir: Path

    @property
    def stdout_path(self) -> Path:
        return self.workdir / "bot.stdout"

    @property
    def stderr_path(self) -> Path:
        return self.workdir / "bot.stderr"

    def output(self) -> str:
        """Return everything the bot wrote so far, stdout then stderr."""
        out = self.stdout_path.read_text(errors="replace")
        err = self.stderr_path.read_text(errors="replace")
        return f"--- briefbot stdout ---\n{out}\n--- briefbot stderr ---\n{err}"

    async def wait_until(self, predicate: Callable[[], object], timeout: float, what: str) -> None:
        """Poll predicate until it is true; fail early, with the bot's output, if the bot exits."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if self.process.returncode is not None:
                pytest.fail(f"briefbot exited with {self.process.returncode} before {what}\n{self.output()}")
            if time.monotonic() > deadline:
                pytest.fail(f"no {what} within {timeout:.0f} s\n{self.output()}")
            await asyncio.sleep(0.05)

    async def stop(self) -> int:
        """Send SIGTERM and return the exit code (kill and fail after SHUTDOWN_TIMEOUT)."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        with contextlib.suppress(TimeoutError):
            return await asyncio.wait_for(self.process.wait(), SHUTDOWN_TIMEOUT)
        self.process.kill()
        await self.process.wait()
        pytest.fail(f"briefbot did not exit within {SHUTDOWN_TIMEOUT:.0f} s of SIGTERM\n{self.output()}")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def live_bot(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[BotProcess]:
    """Yield ``briefbot run`` logged in to the stand-in, READY, with its dev-guild commands synced.

    Teardown sends SIGTERM and requires exit code 0 within 10 s and no traceback in the output.
    """
    workdir = tmp_path_factory.mktemp("briefbot-run")
    async with DiscordStandIn() as standin:
        env = clean_env(
            DISCORD_TOKEN=standin.token,
            DISCORD_API_BASE=standin.base_url,
            BRIEFBOT_DB=str(workdir / "store.sqlite3"),
            BRIEFBOT_DEV_GUILD=standin.guild_id,
            BRIEFBOT_LOG_LEVEL="INFO",
        )
        with (workdir / "bot.stdout").open("wb") as out, (workdir / "bot.stderr").open("wb") as err:
            process = await asyncio.create_subprocess_exec(
                *briefbot_command(),
                "run",
                cwd=workdir,
                env=env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=out,
                stderr=err,
            )
        bot = BotProcess(standin, process, workdir)
        started = False
        try:
            # setup_hook syncs the dev guild before the gateway connection, so READY implies the sync.
            await bot.wait_until(lambda: standin.command_syncs, STARTUP_TIMEOUT, "command sync")
            await bot.wait_until(lambda: standin.ready_count >= 1, STARTUP_TIMEOUT, "READY")
            started = True
            yield bot
        finally:
            if not started:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()
        code = await bot.stop()
        output = bot.output()
        print(output)  # shown by pytest when the teardown fails
        assert code == 0, f"briefbot exited with {code} after SIGTERM\n{output}"
        for marker in UNCLEAN_MARKERS:
            assert marker not in output, f"{marker!r} in briefbot's output\n{output}"
        assert standin.internal_errors == [], standin.internal_errors
