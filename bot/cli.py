"""The ``briefbot`` command: run | ask | console | ingest | sources | feeds.

Errors are one clear line on stderr and a non-zero exit code, never a traceback: 2 for a
setting that cannot work (the line names it), 1 for anything else.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import logging
import signal
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import discord
from pydantic import ValidationError

from bot import feedcli
from bot.app import create_bot, use_endpoints
from bot.console import DEMO_COMMANDS, interactive, local_bot, run_lines
from bot.logs import setup_logging
from bot.settings import ConfigError, Settings, settings_errors
from knowledge.briefing import Briefing
from knowledge.errors import BriefingError
from knowledge.ingest import analyse_file, ingest_many, open_store
from knowledge.store import GLOBAL, StoreError, guild_scope

log = logging.getLogger("briefbot")
CONFIG_ERROR = 2  # exit code for a setting that cannot work (argparse uses 2 for bad arguments too)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the briefbot command line and return its exit code."""
    args = _parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as exc:
        for line in settings_errors(exc):
            print(f"briefbot: {line}", file=sys.stderr)
        return CONFIG_ERROR
    if args.db:
        settings = settings.model_copy(update={"db": Path(args.db)})
    try:
        return int(args.handler(args, settings))
    except ConfigError as exc:
        print(f"briefbot: {exc}", file=sys.stderr)
        return CONFIG_ERROR
    except (StoreError, BriefingError, OSError) as exc:
        print(f"briefbot: {exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:  # the store file changed under us (damaged, removed): say so, briefly
        print(f"briefbot: the store {settings.db} failed: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    """Return the argument parser with one subcommand per job."""
    parser = argparse.ArgumentParser(prog="briefbot", description="A Discord bot for sourced briefings.")
    parser.add_argument("--db", help="the SQLite store (default: BRIEFBOT_DB or the user data directory)")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")
    guild = argparse.ArgumentParser(add_help=False)
    guild.add_argument(
        "--guild",
        type=_guild_id,
        metavar="ID",
        help="as in this Discord server (default: the global documents)",
    )
    run = sub.add_parser("run", help="connect to Discord (no token: answer through the local console)")
    run.set_defaults(handler=_run)
    ask = sub.add_parser(
        "ask", parents=[guild], help='answer one command locally, e.g. briefbot ask "/spending Canada"'
    )
    ask.add_argument("line", nargs="+", help="the command line")
    ask.add_argument("--json", action="store_true", help="print the exact payload Discord would receive")
    ask.add_argument(
        "--save-attachments", metavar="DIR", type=Path, help="write attached files (charts) here"
    )
    ask.set_defaults(handler=_ask)
    console = sub.add_parser("console", parents=[guild], help="type commands in the terminal")
    console.set_defaults(handler=_console)
    ingest = sub.add_parser(
        "ingest", parents=[guild], help="add .txt or .md articles, or web pages (http(s) URLs), to the store"
    )
    ingest.add_argument("files", nargs="+", metavar="FILE_OR_URL")
    ingest.add_argument("--dry-run", action="store_true", help="show what would be stored; change nothing")
    ingest.add_argument(
        "--no-seed", action="store_true", help="create a new store without the bundled article"
    )
    ingest.set_defaults(handler=_ingest)
    sources = sub.add_parser("sources", parents=[guild], help="list the newest documents in the store")
    sources.add_argument("--limit", type=int, default=100, help="how many documents to list (default: 100)")
    sources.set_defaults(handler=_sources)
    feedcli.add_parsers(sub)
    return parser


def _guild_id(text: str) -> int:
    """Return a Discord server id given on the command line."""
    if not (text.isascii() and text.isdigit() and 0 < int(text) < 2**64):
        raise argparse.ArgumentTypeError(f"expected a Discord server id (a number), got {text[:40]!r}")
    return int(text)


def _scope(args: argparse.Namespace) -> str:
    """Return the scope a CLI command works on: the --guild server's, else global."""
    return GLOBAL if args.guild is None else guild_scope(args.guild)


def _run(args: argparse.Namespace, settings: Settings) -> int:
    """Serve Discord, or without a token show the bot answering in the console."""
    if not settings.has_token():
        print("No DISCORD_TOKEN is configured, so briefbot answers here, through the local console.")
        print("(Set DISCORD_TOKEN in .env to connect to Discord; see README.)")
        return asyncio.run(_demo(settings, interactive_after=sys.stdin.isatty()))
    setup_logging(settings.log_level)
    try:
        asyncio.run(serve(settings))
    except discord.LoginFailure:
        print("briefbot: Discord rejected the token in DISCORD_TOKEN.", file=sys.stderr)
        return 1
    return 0


async def serve(settings: Settings) -> None:
    """Connect to Discord and answer until SIGTERM or Ctrl-C, then close the bot and the store."""
    assert settings.discord_token is not None
    token = settings.discord_token.get_secret_value().strip()
    store = await open_store(settings.db, read_only=settings.db_readonly)
    if store.read_only:
        why = "BRIEFBOT_DB_READONLY is set" if settings.db_readonly else "this process may not write it"
        log.warning(
            "The store %s is open read-only (%s): answers come from it; /ingest and /settings changes"
            " are refused. Ingest where the writer runs.",
            settings.db,
            why,
        )
    if settings.shard_ids is not None:
        shards = ", ".join(map(str, settings.shard_ids))
        log.info("Serving shards %s of %d", shards, settings.shard_count)
    bot = create_bot(Briefing(store), settings)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda: asyncio.ensure_future(bot.close()))
    try:
        await use_endpoints(settings, token)
        async with bot:
            await bot.start(token)
    finally:
        await bot.close()  # idempotent; also closes the store when start() never ran
        log.info("briefbot stopped")


async def _demo(settings: Settings, *, interactive_after: bool) -> int:
    """Answer the demo commands, then read more from the terminal if it is one."""
    async with local_bot(settings) as local:
        failures = await run_lines(local, list(DEMO_COMMANDS), sys.stdout)
        if interactive_after:
            await interactive(local)
    return 1 if failures else 0


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer one command line locally."""
    line = " ".join(args.line)
    return asyncio.run(
        _ask_async(line, settings, as_json=args.json, save_dir=args.save_attachments, guild_id=args.guild)
    )


async def _ask_async(
    line: str, settings: Settings, *, as_json: bool, save_dir: Path | None, guild_id: int | None = None
) -> int:
    """Answer one command line (as in a server, or a DM) and return 1 if it was not a valid command."""
    async with local_bot(settings, guild_id) as local:
        failed = await run_lines(local, [line], sys.stdout, as_json=as_json, save_dir=save_dir)
    return 1 if failed else 0


def _console(args: argparse.Namespace, settings: Settings) -> int:
    """Run the interactive console."""

    async def session() -> None:
        async with local_bot(settings, args.guild) as local:
            await interactive(local)

    asyncio.run(session())
    return 0


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Ingest article files or pages; return 1 if any failed (the others still land)."""
    urls = [f for f in args.files if f.lower().startswith(("http://", "https://"))]
    if urls:
        if len(urls) != len(args.files) or args.dry_run:
            print("briefbot: give either files or URLs, and --dry-run only with files.", file=sys.stderr)
            return 1
        return asyncio.run(feedcli.ingest_urls(urls, settings, guild_id=args.guild))
    files = [Path(f) for f in args.files]
    return asyncio.run(
        _ingest_async(files, settings, dry_run=args.dry_run, seed=not args.no_seed, scope=_scope(args))
    )


async def _ingest_async(
    files: list[Path], settings: Settings, *, dry_run: bool, seed: bool, scope: str = GLOBAL
) -> int:
    """Ingest each file in its own transaction, one line per file; return 1 if any file failed."""
    if settings.db_readonly and not dry_run:
        raise ConfigError(
            "BRIEFBOT_DB_READONLY is set: this process may not write the store;"
            " ingest where the writer runs (or use --dry-run)."
        )
    if dry_run and not settings.db.exists():
        store = await open_store(":memory:", seed=False)  # a dry run creates no file
    else:
        store = await open_store(settings.db, seed=seed)
    progress = Progress(len(files)) if len(files) > 1 else None
    failed = 0
    jobs = [(path.name, functools.partial(analyse_file, path)) for path in files]
    try:
        async for name, outcome in ingest_many(store, jobs, dry_run=dry_run, scope=scope):
            if isinstance(outcome, Exception):
                if isinstance(outcome, BriefingError | OSError | UnicodeError | StoreError):
                    reason = outcome.message if isinstance(outcome, BriefingError) else str(outcome)
                else:  # a bug of ours on this text: say so, so it can be reported
                    reason = f"could not be analysed ({type(outcome).__name__}: {outcome}); please report it"
                progress_print(progress, f"{name}: failed: {reason}", sys.stderr)
                failed += 1
            else:
                progress_print(progress, ("(dry run) " if dry_run else "") + outcome.summary(), sys.stdout)
                if dry_run:
                    print(outcome.extraction.model_dump_json(indent=2))
            if progress:
                progress.advance()
    finally:
        if progress:
            progress.finish()
        await store.close()
    return 1 if failed else 0


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    WIDTH = 30

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.visible = sys.stderr.isatty()

    def advance(self) -> None:
        """Count one more file and redraw."""
        self.done += 1
        self.draw()

    def draw(self) -> None:
        """Draw the bar in place."""
        if self.visible:
            filled = self.WIDTH * self.done // max(self.total, 1)
            sys.stderr.write(f"\r[{'#' * filled}{' ' * (self.WIDTH - filled)}] {self.done}/{self.total}")
            sys.stderr.flush()

    def clear(self) -> None:
        """Erase the bar so a message can take its line."""
        if self.visible:
            sys.stderr.write("\r" + " " * (self.WIDTH + 24) + "\r")

    def finish(self) -> None:
        """End the bar's line."""
        if self.visible:
            sys.stderr.write("\n")


def progress_print(progress: Progress | None, message: str, stream: TextIO) -> None:
    """Print a message above the progress bar."""
    if progress:
        progress.clear()
    print(message, file=stream)
    if progress:
        progress.draw()


def _sources(args: argparse.Namespace, settings: Settings) -> int:
    """Print the documents in the store."""

    async def listing() -> None:
        store = await open_store(settings.db)
        try:
            # What the server reads (its own and, unless it hides them, the global documents).
            briefing = Briefing(store).for_guild(args.guild)
            documents = await briefing.sources(max(1, args.limit))
            for d in documents:
                doc = d.document
                print(
                    f"{doc.id}: [{d.scope}] {doc.title or '(untitled)'} · {doc.outlet or 'outlet not stated'} ·"
                    f" {doc.published or 'date not stated'} — {d.passages} passages, {d.spending_facts} spending"
                    f" facts, {d.statements} statements, {d.events} events"
                )
            total = await briefing.document_count()
            if total > len(documents):
                print(f"(the newest {len(documents)} of {total:,} documents; --limit lists more)")
        finally:
            await store.close()

    asyncio.run(listing())
    return 0
