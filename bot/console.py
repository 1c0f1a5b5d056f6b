"""The bot's commands in a terminal: the same command tree, answered locally, printed readably.

``/spending Canada`` puts all the text after the command into its first option;
``/spending country:Canada`` names the option. ``--json`` output is the exact interaction
response payload the bot would send to Discord (see ``bot.loopback``).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from discord import app_commands
from discord.ext import commands

from bot.app import create_bot
from bot.loopback import LocalDiscord, Sent
from bot.settings import Settings
from knowledge.briefing import Briefing
from knowledge.ingest import open_store

DEMO_COMMANDS = ("/spending Canada", "/summit", "/quote Rutte")


class ConsoleError(Exception):
    """A console line that is not a command the bot has."""


@asynccontextmanager
async def local_bot(settings: Settings) -> AsyncIterator[LocalDiscord]:
    """Yield a bot with its extensions loaded, wired to a local Discord, and close it after."""
    store = await open_store(settings.db)
    bot = create_bot(Briefing(store), settings)
    async with bot:  # runs discord.py's own async setup, then closes the bot and store on exit
        await bot.setup_hook()
        yield LocalDiscord(bot)


def parse_command(line: str, bot: commands.Bot) -> tuple[str, dict[str, str]]:
    """Return the command name and options for a console line such as ``/spending Canada``."""
    text = line.strip()
    if not text.startswith("/"):
        raise ConsoleError("Commands start with /, e.g. /spending Canada. Type /about for the list.")
    name, _, rest = text[1:].partition(" ")
    command = bot.tree.get_command(name.lower())
    if not isinstance(command, app_commands.Command):
        known = ", ".join(f"/{c.name}" for c in bot.tree.get_commands())
        raise ConsoleError(f"There is no /{name[:40]} command. Commands: {known}.")
    parameters = [p.name for p in command.parameters]
    named = _named_options(rest, parameters)
    if named is not None:
        return command.name, named
    rest = rest.strip()
    if rest and not parameters:
        raise ConsoleError(f"/{command.name} takes no options.")
    return command.name, ({parameters[0]: rest} if rest else {})


def _named_options(rest: str, parameters: list[str]) -> dict[str, str] | None:
    """Return options written as ``name:value`` pairs, or None when the text is not in that form."""
    pattern = r"(?:^|\s)(" + "|".join(map(re.escape, parameters)) + r"):" if parameters else None
    if pattern is None or not re.match(r"\s*" + pattern.removeprefix("(?:^|\\s)"), rest):
        return None
    pieces = re.split(pattern, rest)
    return {pieces[i]: pieces[i + 1].strip() for i in range(1, len(pieces) - 1, 2)}


async def answer(local: LocalDiscord, line: str) -> Sent:
    """Return the message the bot answers a console line with."""
    name, options = parse_command(line, local.bot)  # type: ignore[arg-type]
    return await local.answer(name, options)


def payload_json(sent: Sent) -> str:
    """Return the JSON body of the request that carries the answer, exactly as Discord receives it."""
    return json.dumps(sent.payload, ensure_ascii=False, indent=2, sort_keys=True)


def render(sent: Sent) -> str:
    """Return a response payload as readable terminal text."""
    data = sent.message()
    lines: list[str] = []
    if data.get("flags", 0) & 64:
        lines.append("(only you can see this)")
    for embed in data.get("embeds", []):
        lines.extend(_render_embed(embed))
    for row in data.get("components", []):
        labels = [c.get("label", "") for c in row.get("components", [])]
        lines.append("[" + "] [".join(labels) + "]")
    if (sent.payload or {}).get("type") == 9:
        lines.append(f"(opens the form “{data.get('title', '')}”; in the terminal use: briefbot ingest FILE)")
    for filename, content in sent.files:
        lines.append(f"(attached: {filename}, {len(content) // 1024 + 1} KB)")
    for choice in data.get("choices", []):
        lines.append(f"  • {choice['name']}")
    return "\n".join(lines)


def _render_embed(embed: dict[str, Any]) -> list[str]:
    """Return an embed's parts as lines of plain text."""
    lines = []
    if embed.get("author"):
        lines.append(plain(embed["author"]["name"]))
    if embed.get("title"):
        lines.append("═" * 3 + " " + plain(embed["title"]) + " " + "═" * 3)
    if embed.get("description"):
        lines.append(plain(embed["description"]))
    for f in embed.get("fields", []):
        lines.append("")
        lines.append(plain(f["name"]))
        lines.extend("  " + line for line in plain(f["value"]).splitlines())
    if embed.get("footer"):
        lines.append("")
        lines.append("— " + plain(embed["footer"]["text"]))
    return lines


def plain(text: str) -> str:
    """Return Discord markdown as terminal text: escapes and emphasis removed, timestamps as dates."""
    text = re.sub(
        r"<t:(\d+):[a-zA-Z]>",
        lambda m: datetime.fromtimestamp(int(m.group(1)), UTC).strftime("%-d %B %Y"),
        text,
    )
    text = text.replace("**", "").replace("`", "").replace("\u200b", "")
    text = re.sub(r"(?<!\\)\*(.+?)(?<!\\)\*", r"\1", text)
    return re.sub(r"\\([\\*_~|`>#\-\[\]()])", r"\1", text)


async def run_lines(
    local: LocalDiscord, lines: list[str], out: TextIO, *, as_json: bool = False, save_dir: Path | None = None
) -> int:
    """Answer each line, printing the result (and saving attachments); return how many failed."""
    failures = 0
    for line in lines:
        if not as_json:
            print(f"\n> {line}", file=out)
        try:
            sent = await answer(local, line)
        except ConsoleError as exc:
            print(str(exc), file=out)
            failures += 1
            continue
        except TimeoutError:
            print("The bot gave no answer within Discord's 3 seconds.", file=out)
            failures += 1
            continue
        print(payload_json(sent) if as_json else render(sent), file=out)
        if save_dir is not None:
            save_attachments(sent, save_dir, out)
        elif sent.files and not as_json:
            print("(briefbot ask … --save-attachments DIR writes it to a folder)", file=out)
    return failures


def save_attachments(sent: Sent, directory: Path, out: TextIO) -> None:
    """Write the answer's attachments into directory."""
    directory.mkdir(parents=True, exist_ok=True)
    for filename, content in sent.files:
        path = directory / Path(filename).name
        path.write_bytes(content)
        print(f"saved {path}", file=out)


async def interactive(local: LocalDiscord, out: TextIO = sys.stdout) -> None:
    """Read commands from the terminal until end of input or /quit."""
    print("\nType a command (e.g. /spending Germany, /quote Hegseth, /about), or /quit.", file=out)
    while True:
        try:
            line = input("briefbot> ")
        except EOFError:
            return
        if line.strip() in ("/quit", "/exit", "quit", "exit"):
            return
        if line.strip():
            await run_lines(local, [line], out)
