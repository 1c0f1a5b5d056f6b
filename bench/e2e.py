"""The real bot process against the Discord stand-in: latency, burst, memory and cold start.

The bot is started the way a user starts it -- ``briefbot run`` with ``DISCORD_TOKEN``,
``DISCORD_API_BASE`` and ``BRIEFBOT_DB`` in its environment and a scratch working directory (so no
``.env`` is read) -- against ``tests.e2e.standin.DiscordStandIn`` on 127.0.0.1. Latency is the
stand-in's own measure: from INTERACTION_CREATE written to the gateway socket to the arrival of
the interaction callback request (for a deferred answer, of the followup that carries it).
Every interaction comes from a new member, so per-member cooldowns never answer instead of the
command; an error answer fails the run.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import signal
import subprocess
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.workload import COMMANDS, Workload, arguments, interaction_options
from tests.e2e.standin import DiscordStandIn, Response
from tests.launch import briefbot, clean_env

INTERACTION_AUTOCOMPLETE = 4
EPHEMERAL = 64
_members = itertools.count(300_000_000_000_000_000)  # a new member id for every interaction

READY_TIMEOUT = 60.0
ANSWER_TIMEOUT = 30.0


@dataclass
class BotProcess:
    """A running ``briefbot run`` connected to a stand-in."""

    standin: DiscordStandIn
    process: asyncio.subprocess.Process
    log: Path
    ready_after: float  # seconds from spawn to READY sent

    def memory_kb(self) -> dict[str, int]:
        """Return the process's VmRSS and VmHWM (peak) in kB, from /proc/<pid>/status."""
        found: dict[str, int] = {}
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    found[key] = int(rest.split()[0])
        return found

    def log_tail(self, lines: int = 20) -> str:
        """Return the last lines of the bot's output."""
        with contextlib.suppress(OSError):
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        return ""


def running_bot(db: Path, workdir: Path) -> contextlib.AbstractAsyncContextManager[BotProcess]:
    """Return the context that yields the real bot process serving the store at db, connected to a fresh stand-in."""
    return running_process(briefbot("run"), workdir, "bot.log", "the bot", BRIEFBOT_DB=str(db))


@contextlib.asynccontextmanager
async def running_process(
    command: Sequence[str], workdir: Path, log_name: str, name: str, **env: str
) -> AsyncIterator[BotProcess]:
    """Yield a bot process (command, with env) connected to a fresh stand-in, stopped as a user would.

    The real bot (``running_bot``) and the bare discord.py bot of ``bench.barebot`` start the same way.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / log_name
    async with DiscordStandIn() as standin:
        environ = clean_env(DISCORD_TOKEN=standin.token, DISCORD_API_BASE=standin.base_url, **env)
        started = time.perf_counter()
        with log.open("wb") as out:
            process = await asyncio.create_subprocess_exec(
                *command, cwd=workdir, env=environ, stdout=out, stderr=subprocess.STDOUT
            )
        bot = BotProcess(standin, process, log, 0.0)
        try:
            await standin.wait_until_ready(timeout=READY_TIMEOUT)
            bot.ready_after = time.perf_counter() - started
            yield bot
        except TimeoutError as exc:
            raise RuntimeError(f"{name} did not connect: {exc}\n{bot.log_tail()}") from None
        finally:
            await _stop(process)


async def _stop(process: asyncio.subprocess.Process) -> None:
    """Stop the bot with SIGTERM as a user would, killing it if it does not exit in 10 s."""
    if process.returncode is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        await asyncio.wait_for(process.wait(), 10)
    except TimeoutError:
        process.kill()
        await process.wait()


def payload(standin: DiscordStandIn, key: str, argument: str | None) -> dict[str, Any]:
    """Return the INTERACTION_CREATE payload for one command (or autocomplete) from a new member.

    Every interaction comes from a different member, as on a busy server: one member asking a
    thousand times would meet the per-member cooldown of ``/ask`` and get cheap refusals.
    """
    name, options, focused = interaction_options(key, argument)
    user_id = str(next(_members))
    if focused is not None:
        return standin.make_autocomplete_interaction(name, options, focused, user_id=user_id)
    return standin.make_command_interaction(name, options, user_id=user_id)


def is_refusal(response: Response) -> bool:
    """Return whether a command was answered with an error (errors are ephemeral; answers are not)."""
    if response.interaction_type == INTERACTION_AUTOCOMPLETE:
        return False
    message = response.final_message or {}
    return bool(int(message.get("flags") or 0) & EPHEMERAL)


def refusal_text(response: Response) -> str:
    """Return the text of an error answer, for the failure message."""
    embeds = (response.final_message or {}).get("embeds") or [{}]
    return str(embeds[0].get("description") or embeds[0].get("title") or "")


@dataclass(frozen=True, slots=True)
class Sample:
    """One answered interaction: seconds to the complete answer and to the acknowledgement."""

    latency: float  # to the callback, or for a deferral to the followup carrying the answer
    ack: float  # to the callback
    deferred: bool


async def ask_once(bot: BotProcess, key: str, argument: str | None) -> Sample:
    """Send one interaction, wait for its complete answer and return its timings."""
    standin = bot.standin
    interaction_id = await standin.send_interaction(payload(standin, key, argument))
    try:
        response = await standin.wait_for_response(interaction_id, timeout=ANSWER_TIMEOUT)
    except TimeoutError as exc:
        raise RuntimeError(f"{key} {argument!r} was not answered: {exc}\n{bot.log_tail()}") from None
    if response.callback_type not in (4, 5, 8) or response.rejected:
        rejected = ", ".join(f"{r} {r.response_json}" for r in response.rejected)
        raise RuntimeError(
            f"{key} {argument!r}: callback type {response.callback_type}; rejected: {rejected}"
        )
    if is_refusal(response):
        raise RuntimeError(f"{key} {argument!r} was refused: {refusal_text(response)}")
    assert response.latency is not None and response.ack_latency is not None
    return Sample(response.latency, response.ack_latency, response.deferred)


async def warm_up(bot: BotProcess, workload: Workload) -> float:
    """Answer each command once (loading the bot's caches); return the first answer's latency."""
    first = None
    for key, _ in COMMANDS:
        sample = await ask_once(bot, key, next(arguments(workload, key)))
        first = sample.latency if first is None else first
    assert first is not None
    return first


async def sequential(bot: BotProcess, workload: Workload, n: int, budget: float) -> dict[str, list[Sample]]:
    """Return, per command, the timings of up to n interactions sent one after another."""
    results: dict[str, list[Sample]] = {}
    for key, _ in COMMANDS:
        args = arguments(workload, key)
        deadline = time.perf_counter() + budget
        samples: list[Sample] = []
        for _ in range(n):
            samples.append(await ask_once(bot, key, next(args)))
            if time.perf_counter() > deadline:
                break
        results[key] = samples
    return results


@dataclass(frozen=True, slots=True)
class BurstResult:
    """What happened to a burst of interactions sent at once."""

    sent: int
    answered_once: int
    refused: int  # answered with an error
    deferred: int
    duplicates: int
    rejected: int
    latencies: list[float]
    span: float  # first INTERACTION_CREATE sent to last answer received

    @property
    def all_answered_once(self) -> bool:
        """Return whether every interaction got exactly one accepted answer and nothing else."""
        return self.answered_once == self.sent and not self.duplicates and not self.rejected


async def burst(bot: BotProcess, workload: Workload, count: int, timeout: float = 60.0) -> BurstResult:
    """Send count interactions at once (commands round-robin) and collect every answer."""
    standin = bot.standin
    keys = [key for key, _ in COMMANDS]
    args = {key: arguments(workload, key) for key in keys}
    payloads = [payload(standin, key, next(args[key])) for key in round_robin(keys, count)]
    await asyncio.gather(*(standin.send_interaction(p) for p in payloads))
    records = [standin.interactions[str(p["id"])] for p in payloads]
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline and not all(r.complete for r in records):
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.5)  # a second answer to the same interaction would arrive by now
    answers = [
        [r for r in record.requests if r.kind == "callback" or (record.deferred and r.kind == "followup")]
        for record in records
    ]
    expected = [2 if record.deferred else 1 for record in records]
    answered_once = sum(
        1 for a, e in zip(answers, expected, strict=True) if len(a) == e and all(r.ok for r in a)
    )
    duplicates = sum(1 for a, e in zip(answers, expected, strict=True) if len(a) > e)
    deferred = sum(1 for record in records if record.deferred)
    refused = sum(1 for record in records if record.complete and is_refusal(record))
    rejected = sum(1 for record in records if record.rejected)
    latencies = [r.latency for r in records if r.latency is not None]
    sent_times = [r.sent_at for r in records if r.sent_at is not None]
    answer_times = [r.completed_at for r in records if r.completed_at is not None]
    span = max(answer_times) - min(sent_times) if answer_times and sent_times else float("nan")
    return BurstResult(count, answered_once, refused, deferred, duplicates, rejected, latencies, span)


def round_robin(keys: list[str], count: int) -> list[str]:
    """Return count keys taken round-robin."""
    return [keys[i % len(keys)] for i in range(count)]


def cold_start(db: Path, workdir: Path, runs: int) -> list[float]:
    """Return the wall times in seconds of runs ``briefbot ask "/spending Canada"`` processes."""
    workdir.mkdir(parents=True, exist_ok=True)
    env = clean_env(BRIEFBOT_DB=str(db))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            briefbot("ask", "/spending Canada"),
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        times.append(time.perf_counter() - start)
        if done.returncode != 0 or "Canada" not in done.stdout:
            raise RuntimeError(f"briefbot ask failed ({done.returncode}): {done.stderr[-500:]}")
    return times
