"""The bot's commands in a terminal: the same command tree, answered locally, printed readably.

``/spending Canada`` puts all the text after the command into its first option;
``/spending country:Canada`` names the option. ``--json`` output is the exact interaction
response payload the bot would send to Discord (see ``bot.loopback``).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import re
import signal
import sys
import termios
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from discord import app_commands
from discord.ext import commands

from bot.app import create_bot
from bot.loopback import CONSOLE_USER_ID, LocalDiscord, Sent, command_data
from bot.settings import Settings
from knowledge.briefing import Briefing
from knowledge.ingest import open_store
from knowledge.store import default_store_path

DEMO_COMMANDS = ("/spending Canada", "/summit", "/quote Rutte")


class ConsoleError(Exception):
    """A console line that is not a command the bot has."""


@asynccontextmanager
async def local_bot(settings: Settings, guild_id: int | None = None) -> AsyncIterator[LocalDiscord]:
    """Yield a bot with its extensions loaded, wired to a local Discord, and close it after.

    Commands run as in that server (its documents and the global ones), or without one as in a
    DM with the bot: the global documents only.
    """
    store = await open_store(settings.db, read_only=settings.db_readonly)
    bot = create_bot(Briefing(store), settings)
    async with bot:  # runs discord.py's own async setup, then closes the bot and store on exit
        await bot.setup_hook()
        yield LocalDiscord(bot, guild_id=guild_id)


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
        missing = [p.name for p in command.parameters if p.required and not named.get(p.name)]
        if missing:
            raise missing_option(command, missing[0])
        return command.name, named
    rest = rest.strip()
    if rest and not parameters:
        raise ConsoleError(f"/{command.name} takes no options.")
    options = {parameters[0]: rest} if rest else {}
    missing = [p.name for p in command.parameters if p.required and p.name not in options]
    if missing:
        raise missing_option(command, missing[0])
    return command.name, options


def missing_option(command: app_commands.Command[Any, ..., Any], name: str) -> ConsoleError:
    """Return the error naming a required option that was not given, and what it takes."""
    parameter = next(p for p in command.parameters if p.name == name)
    return ConsoleError(f"/{command.name} needs {name} ({parameter.description}): type {usage(command)}")


def usage(command: app_commands.Command[Any, ..., Any]) -> str:
    """Return how a command is typed: "/spending country", optional options in brackets."""
    options = [p.name if p.required else f"[{p.name}]" for p in command.parameters]
    return " ".join([f"/{command.name}", *options])


def _named_options(rest: str, parameters: list[str]) -> dict[str, str] | None:
    """Return options written as ``name:value`` pairs, or None when the text is not in that form."""
    pattern = r"(?:^|\s)(" + "|".join(map(re.escape, parameters)) + r"):" if parameters else None
    if pattern is None or not re.match(r"\s*" + pattern.removeprefix("(?:^|\\s)"), rest):
        return None
    pieces = re.split(pattern, rest)
    return {pieces[i]: pieces[i + 1].strip() for i in range(1, len(pieces) - 1, 2)}


async def answer(local: LocalDiscord, line: str, **member: Any) -> Sent:
    """Return the message the bot answers a console line with (member: who asks, as ``payload`` takes it)."""
    name, options = parse_command(line, local.bot)  # type: ignore[arg-type]
    return await local.answer(name, options, **member)


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
    """Answer each line after echoing it, printing the result (and saving attachments); return how many failed."""
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


HISTORY_LINES = 1000


class Session:
    """One person at the terminal: the last answer (to press its buttons) and a user id per command.

    Each command comes from a new local user id, so the per-member cooldowns that protect a busy
    server never stop the one person at the terminal; presses use the id of the command that
    showed the buttons, as Discord requires of the member who asked.
    """

    def __init__(self, local: LocalDiscord, out: TextIO) -> None:
        self.local = local
        self.out = out
        self.users = itertools.count(CONSOLE_USER_ID)
        self.origin: dict[str, Any] | None = None
        self.shown: Sent | None = None  # the message the buttons belong to
        self.buttons: dict[str, str] = {}  # word typed -> custom_id of an enabled button

    async def handle(self, line: str) -> None:
        """Answer one line: /help, a button's word, or a command."""
        text = line.strip()
        if text.lower() in ("/help", "help", "?"):
            print(help_text(self.local.bot), file=self.out)  # type: ignore[arg-type]
        elif text.lower() in self.buttons:
            await self.press(self.buttons[text.lower()])
        elif not text.startswith("/") and text.lower() in BUTTON_WORDS:
            print("There is no such button on the last answer.", file=self.out)
        else:
            await self.command(text)

    async def command(self, line: str) -> None:
        """Run a command line and show its answer."""
        try:
            name, options = parse_command(line, self.local.bot)  # type: ignore[arg-type]
        except ConsoleError as exc:
            print(str(exc), file=self.out)
            return
        payload = self.local.payload(2, command_data(name, options), user_id=next(self.users))
        await self.show(payload, await self.local.final(payload))

    async def press(self, custom_id: str) -> None:
        """Press a button of the last answer and show what it shows."""
        assert self.origin is not None and self.shown is not None
        asker = (self.origin.get("member") or self.origin)["user"]["id"]
        payload = self.local.press_payload(custom_id, self.origin, self.shown, user_id=int(asker))
        sent = await self.local.final(payload)
        print(render(sent), file=self.out)
        self.buttons = _button_words(sent.message()) if sent.message().get("components") else {}
        self._hint()

    async def show(self, origin: dict[str, Any], sent: Sent) -> None:
        """Print an answer and remember its buttons."""
        print(render(sent), file=self.out)
        self.origin, self.shown = origin, sent
        self.buttons = _button_words(sent.message())
        self._hint()

    def _hint(self) -> None:
        """Say which words press the answer's buttons."""
        shortest: dict[str, str] = {}
        for word, custom_id in self.buttons.items():
            if len(word) < len(shortest.get(custom_id, word + " ")):
                shortest[custom_id] = word
        if shortest:
            print(f"(type {', '.join(sorted(shortest.values()))} to press a button)", file=self.out)


BUTTON_WORDS = ("next", "prev", "previous", "cancel")


def _button_words(message: dict[str, Any]) -> dict[str, str]:
    """Return the words that press each enabled button: its label in lower case, and next/prev."""
    words: dict[str, str] = {}
    for row in message.get("components", []):
        for button in row.get("components", []):
            if button.get("disabled") or "custom_id" not in button:
                continue
            label = re.sub(r"[^\w ]", "", button.get("label", "")).strip().lower()
            if not label:
                continue
            words[label] = button["custom_id"]
            if label.startswith("prev"):
                words["prev"] = words["previous"] = button["custom_id"]
    return words


def help_text(bot: commands.Bot) -> str:
    """Return the console's help: every command with its options and description, then the console's own words."""
    lines = ["Commands (options in [brackets] are optional; name:value picks an option):"]
    for command in sorted(bot.tree.get_commands(), key=lambda c: c.name):
        if isinstance(command, app_commands.Command):
            lines.append(f"  {usage(command):<24} {command.description}")
    lines += [
        "In the terminal:",
        "  next, prev               turn the pages of the last answer (and other buttons by their label)",
        "  /help                    this list",
        "  /quit, Ctrl-D            leave; Ctrl-C clears the line; up and down arrows recall commands",
    ]
    return "\n".join(lines)


def history_path() -> Path:
    """Return where the console keeps its command history (next to the default store)."""
    return default_store_path().parent / "console_history"


async def interactive(local: LocalDiscord, out: TextIO = sys.stdout) -> None:
    """Read commands from the terminal until end of input (Ctrl-D) or /quit; Ctrl-C clears the line.

    With readline (when stdin is a terminal), lines can be edited and the arrows recall earlier
    commands, kept between sessions in ``history_path()``.
    """
    history = _start_history() if sys.stdin.isatty() else None
    session = Session(local, out)
    print(
        "\nType a command (e.g. /spending Germany, /quote Hegseth), /help for the list, or /quit.", file=out
    )
    try:
        while True:
            line = _read_line("briefbot> ", out)
            if line is None:
                print(file=out)  # end the prompt's line before leaving
                return
            if line.strip() in ("/quit", "/exit", "quit", "exit"):
                return
            if line.strip():
                await session.handle(line)
    finally:
        if history is not None:
            _save_history(history)


CTRL_C = "\x03"


def _read_line(prompt: str, out: TextIO) -> str | None:
    """Return a line typed at the prompt ("" after Ctrl-C), or None at end of input.

    At a terminal with readline, Ctrl-C is a key while a line is read, not a signal: the terminal
    stops turning it into SIGINT (``_ctrl_c_as_a_key``) and readline's binding (see
    ``_start_history``) clears the line, shows ^C and ends the line with it. As a signal it
    raced with Python's readline: a SIGINT landing after the prompt was drawn but before readline
    waited for input was noted and never acted on, and the console hung until the next key (seen
    on a loaded machine). Elsewhere (no readline, or a SIGINT sent by kill) asyncio.run() would
    turn Ctrl-C into a cancellation delivered at the loop's next await, which would abort the
    command typed after it; while waiting for a line, it is Python's KeyboardInterrupt instead,
    caught here, and the prompt starts again.
    """
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with _ctrl_c_as_a_key():
            line = input(prompt)
        if CTRL_C not in line:
            return line
        _forget_last_line()  # readline kept it in the history: the up arrow must not bring back ^C
        return ""
    except KeyboardInterrupt:
        print("^C", file=out)
        return ""
    except EOFError:
        return None
    finally:
        signal.signal(signal.SIGINT, previous)


def _forget_last_line() -> None:
    """Drop the newest line of readline's history."""
    import readline

    length = readline.get_current_history_length()
    if length:
        readline.remove_history_item(length - 1)


@contextlib.contextmanager
def _ctrl_c_as_a_key() -> Iterator[None]:
    """While a line is read at a terminal with readline, let Ctrl-C reach readline as a key (Ctrl-Z still suspends)."""
    if "readline" not in sys.modules or not sys.stdin.isatty():
        yield
        return
    fd = sys.stdin.fileno()
    try:
        saved = termios.tcgetattr(fd)
    except termios.error:
        yield
        return
    keyed = termios.tcgetattr(fd)
    keyed[6][termios.VINTR] = b"\0"  # _POSIX_VDISABLE: no character sends SIGINT
    termios.tcsetattr(fd, termios.TCSANOW, keyed)
    try:
        yield
    finally:
        with contextlib.suppress(termios.error):
            termios.tcsetattr(fd, termios.TCSANOW, saved)


def _start_history() -> Path | None:
    """Load the command history into readline; return its file, or None without readline."""
    try:
        import readline
    except ImportError:
        return None
    # Ctrl-C (a key while a line is read, see _read_line): to the end of the line, clear it, put a
    # literal ^C in it (shown as "^C"), and end the line, which _read_line then drops.
    readline.parse_and_bind(r'"\C-c": "\C-e\C-u\C-v\C-c\C-m"')
    path = history_path()
    with contextlib.suppress(OSError):
        readline.read_history_file(path)
    readline.set_history_length(HISTORY_LINES)
    return path


def _save_history(path: Path) -> None:
    """Write the command history; a history that cannot be written is not worth an error."""
    import readline

    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        readline.write_history_file(path)
