"""Fixtures for the e2e tests: the real ``briefbot run`` process, started as a user starts it.

The bot runs as a separate process (the ``briefbot`` console script next to the test
interpreter, or ``python -m bot``) against :class:`DiscordStandIn`, configured only through
its environment (``DISCORD_TOKEN``, ``DISCORD_API_BASE``, ``BRIEFBOT_DB``, ``BRIEFBOT_DEV_GUILD``)
with a temporary working directory, so no ``.env`` file and no user store can leak in.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from tests.launch import briefbot, clean_env
from tests.limits import assert_payload_within_limits

from .standin import DEFAULT_PERMISSIONS, DiscordStandIn, RecordedRequest, Response

STARTUP_TIMEOUT = 60.0  # a fresh store is seeded (extraction of the bundled article) before login
SHUTDOWN_TIMEOUT = 10.0
# Signs of an unclean run in the bot's output: tracebacks and asyncio's "forgot to clean up" notes.
UNCLEAN_MARKERS = ("Traceback", "Task was destroyed but it is pending", "Unclosed client session")
EPHEMERAL = 64
MANAGE_GUILD = 1 << 5
# A member allowed to manage the server (Discord computes the invoking member's permissions).
ADMIN_PERMISSIONS = str(int(DEFAULT_PERMISSIONS) | MANAGE_GUILD)
DEFERRED_UPDATE = 6  # a component acknowledged first; the answer edits its message
MESSAGE_CALLBACKS = {4, 7, 8}  # callback types whose data is a message (or autocomplete choices)
MESSAGE_KINDS = {"callback", "followup", "edit_message"}  # requests that show the user something


async def checked_answer(standin: DiscordStandIn, payload: dict[str, Any], timeout: float = 15) -> Response:
    """Send an interaction and wait for its answer; every message the bot sent passes the limits check.

    Requests answered with an injected fault are allowed (and skipped); any other non-2xx fails.
    """
    response = await standin.wait_for_response(await standin.send_interaction(payload), timeout=timeout)
    for request in standin.responses_for(response.interaction_id):
        if request.fault_injected:
            continue
        assert request.ok, f"{request}: {request.response_json}"
        if request.kind == "callback" and request.json["type"] not in MESSAGE_CALLBACKS:
            continue  # a deferral (type 5/6) or a modal (9) carries no message
        assert_payload_within_limits(request.json)
    return response


def answer_requests(standin: DiscordStandIn, interaction_id: str) -> list[RecordedRequest]:
    """Return the accepted requests by which the bot answered an interaction (callback, followups, edits)."""
    return [r for r in standin.responses_for(interaction_id) if r.ok and r.kind in MESSAGE_KINDS]


def assert_answered_once(standin: DiscordStandIn, response: Response) -> None:
    """Fail unless the interaction got exactly one answer: one callback, plus one followup after a deferral.

    Rejected requests other than injected faults (e.g. 40060 "already acknowledged") also fail:
    they are a second attempt at answering.
    """
    requests = standin.responses_for(response.interaction_id)
    accepted = [
        (r.kind, r.json.get("type") if r.kind == "callback" else None)
        for r in answer_requests(standin, response.interaction_id)
    ]
    expected = [("callback", response.callback_type)]
    if (
        response.callback_type == DEFERRED_UPDATE
    ):  # a button press: its message is edited, or an error follows
        second = accepted[1:2] if accepted[1:2] in ([("edit_message", None)], [("followup", None)]) else []
        expected += second or [("edit_message", None)]
    elif response.deferred:
        expected.append(("followup", None))
    assert accepted == expected, [str(r) for r in requests]
    rejected = [f"{r} {r.response_json}" for r in requests if not r.ok and not r.fault_injected]
    assert rejected == [], rejected


def embed_text(embed: dict[str, Any]) -> str:
    """Return every visible text of an embed, one part per line."""
    parts = [
        embed.get("title", ""),
        (embed.get("author") or {}).get("name", ""),
        embed.get("description", ""),
    ]
    for field in embed.get("fields", []):
        parts += [field["name"], field["value"]]
    parts.append((embed.get("footer") or {}).get("text", ""))
    return "\n".join(p for p in parts if p)


def only_embed(response: Response) -> dict[str, Any]:
    """Return the single embed of the message the user sees (callback data, or the followup)."""
    data = response.final_message
    assert isinstance(data, dict), response.requests
    (embed,) = data["embeds"]
    return embed


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


@contextlib.asynccontextmanager
async def running_bot(
    standin: DiscordStandIn,
    workdir: Path,
    *,
    command: Sequence[str] | None = None,
    env: Mapping[str, str] | None = None,
) -> AsyncIterator[BotProcess]:
    """Run ``briefbot run`` (or ``command``) against ``standin`` until READY; stop it cleanly on exit.

    ``env`` adds to the bot's clean environment. On exit: SIGTERM, exit code 0 within 10 s,
    no traceback or asyncio clean-up warning in the output, no stand-in internal error.
    """
    env_vars = clean_env(
        DISCORD_TOKEN=standin.token,
        DISCORD_API_BASE=standin.base_url,
        BRIEFBOT_DB=str(workdir / "store.sqlite3"),
        BRIEFBOT_DEV_GUILD=standin.guild_id,
        BRIEFBOT_LOG_LEVEL="INFO",
    )
    env_vars.update(env or {})
    with (workdir / "bot.stdout").open("wb") as out, (workdir / "bot.stderr").open("wb") as err:
        process = await asyncio.create_subprocess_exec(
            *(command or briefbot("run")),
            cwd=workdir,
            env=env_vars,
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


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def live_bot(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[BotProcess]:
    """Yield ``briefbot run`` logged in to the stand-in, READY, with its dev-guild commands synced.

    One process (and one fresh store, seeded with the bundled article) per test module.
    Teardown sends SIGTERM and requires exit code 0 within 10 s and no traceback in the output.
    """
    workdir = tmp_path_factory.mktemp("briefbot-run")
    async with DiscordStandIn() as standin, running_bot(standin, workdir) as bot:
        yield bot
