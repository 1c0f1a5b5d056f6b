"""The framework's floor: a bare discord.py bot that answers every command with a static embed (issue 15).

Run against the same Discord stand-in as the real bot (``bench.e2e``), it shows what discord.py
and the stand-in cost by themselves, so briefbot's own share of a latency is the difference. It
has the four commands and two autocompletes the benchmark sends, with the same option names; each
answers at once with one fixed embed (autocompletes with one fixed choice), reading nothing.

``python -m bench.barebot`` is the process; ``running_bare_bot`` starts it as ``bench.e2e``
starts ``briefbot run``. Like briefbot, it finds the stand-in from ``DISCORD_API_BASE``
(REST base, and the gateway that base reports at ``GET /gateway/bot``): discord.py has no setting
for either, so both are set on its classes, as ``bot.app.use_endpoints`` does.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from pathlib import Path

import aiohttp
import discord
import yarl
from discord import app_commands

from bench.e2e import BotProcess, running_process

ROOT = Path(__file__).resolve().parent.parent
EMBED = discord.Embed(title="Static answer", description="The same embed for every command.", colour=0x2B6CB0)
CHOICE = app_commands.Choice(name="Static choice", value="static")


class BareBot(discord.Client):
    """A client with the benchmark's commands, each answering one fixed embed."""

    def __init__(self) -> None:
        super().__init__(intents=discord.Intents.none())
        self.tree = app_commands.CommandTree(self)
        self.tree.add_command(app_commands.Command(name="spending", description="static", callback=_spending))
        self.tree.add_command(app_commands.Command(name="quote", description="static", callback=_quote))
        self.tree.add_command(app_commands.Command(name="summit", description="static", callback=_summit))
        self.tree.add_command(app_commands.Command(name="ask", description="static", callback=_ask))


async def _answer(interaction: discord.Interaction) -> None:
    """Answer with the fixed embed."""
    await interaction.response.send_message(embed=EMBED)


async def _choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Offer the fixed choice."""
    return [CHOICE]


@app_commands.autocomplete(country=_choices)
async def _spending(interaction: discord.Interaction, country: str) -> None:
    """/spending country."""
    await _answer(interaction)


@app_commands.autocomplete(person=_choices)
async def _quote(interaction: discord.Interaction, person: str) -> None:
    """/quote person."""
    await _answer(interaction)


async def _summit(interaction: discord.Interaction) -> None:
    """/summit."""
    await _answer(interaction)


async def _ask(interaction: discord.Interaction, question: str) -> None:
    """/ask question."""
    await _answer(interaction)


async def _serve(token: str, api_base: str) -> None:
    """Point discord.py at the stand-in and run the bare bot until it is stopped."""
    discord.http.Route.BASE = api_base
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{api_base}/gateway/bot", headers={"Authorization": f"Bot {token}"}) as resp,
    ):
        gateway = (await resp.json(content_type=None))["url"]
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)
    async with BareBot() as bot:
        await bot.start(token)


def main() -> None:
    """Run the bare bot with DISCORD_TOKEN and DISCORD_API_BASE from the environment."""
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(os.environ["DISCORD_TOKEN"], os.environ["DISCORD_API_BASE"]))


def running_bare_bot(workdir: Path) -> contextlib.AbstractAsyncContextManager[BotProcess]:
    """Return the context that yields the bare bot process connected to a fresh stand-in (as ``bench.e2e.running_bot``)."""
    command = (sys.executable, "-m", "bench.barebot")
    return running_process(command, workdir, "bare.log", "the bare bot", PYTHONPATH=str(ROOT))


if __name__ == "__main__":
    main()
