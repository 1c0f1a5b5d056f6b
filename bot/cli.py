"""The ``briefbot`` command: run | ask | console | ingest | sources | forget | check | backup | feeds.

Errors are one clear line on stderr and a non-zero exit code, never a traceback: 2 for a
setting that cannot work (the line names it), 1 for anything else.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import logging
import os
import signal
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

import discord
from pydantic import ValidationError

from bot import feedcli
from bot.app import create_bot, use_endpoints
from bot.check import check
from bot.console import DEMO_COMMANDS, interactive, local_bot, run_lines
from bot.logs import setup_logging
from bot.settings import ConfigError, Settings, settings_errors
from knowledge.briefing import Briefing
from knowledge.collector import Freezer
from knowledge.errors import BriefingError
from knowledge.extract.reader import header_warnings
from knowledge.ingest import ARTICLE_SUFFIXES, IngestReport, Job, analyse_file, ingest_many, open_store
from knowledge.models import Article, DocumentSummary, Extraction
from knowledge.preview import has_facts, plural, read_counts, record_lines
from knowledge.store import GLOBAL, Store, StoreError, backup_file, guild_scope

log = logging.getLogger("briefbot")
CONFIG_ERROR = 2  # exit code for a setting that cannot work
USAGE_ERROR = 2  # and for arguments that make no sense, as argparse and most tools do
CLOSED_PIPE = 141  # what a shell reports for a program ended by SIGPIPE (128 + 13), as `cat` would be


class UsageError(Exception):
    """Arguments that cannot be parsed; the message is one line."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (raised, printed by main) instead of usage text."""

    def error(self, message: str) -> NoReturn:
        """Raise the parse error as a UsageError naming the subcommand."""
        where = self.prog.removeprefix("briefbot").strip()
        raise UsageError(f"{where}: {message}" if where else message)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the briefbot command line and return its exit code."""
    try:
        return _main(argv)
    except BrokenPipeError:  # `briefbot sources | head`: the reader is gone, so say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # also for the flush at exit
        return CLOSED_PIPE


def _main(argv: Sequence[str] | None) -> int:
    """Parse the arguments, load the settings and run the chosen command."""
    try:
        args = _parser().parse_args(argv)
    except UsageError as exc:
        print(f"briefbot: {exc} (see briefbot --help)", file=sys.stderr)
        return USAGE_ERROR
    try:
        settings = Settings()
    except ValidationError as exc:
        for line in settings_errors(exc):
            print(f"briefbot: {line}", file=sys.stderr)
        return CONFIG_ERROR
    if getattr(args, "db", None):  # absent unless given, before or after the subcommand
        settings = settings.model_copy(update={"db": Path(args.db)})
    try:
        return int(args.handler(args, settings))
    except ConfigError as exc:
        print(f"briefbot: {exc}", file=sys.stderr)
        return CONFIG_ERROR
    except UsageError as exc:
        print(f"briefbot: {exc} (see briefbot --help)", file=sys.stderr)
        return USAGE_ERROR
    except BrokenPipeError:
        raise  # not a failure to report: main ends quietly
    except (StoreError, BriefingError, OSError) as exc:
        print(f"briefbot: {exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:  # the store file changed under us (damaged, removed): say so, briefly
        print(f"briefbot: the store {settings.db} failed: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    """Return the argument parser with one subcommand per job; --db goes before or after the subcommand."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,  # so a subcommand's unset --db does not undo one given before it
        help="the SQLite store (default: BRIEFBOT_DB or the user data directory)",
    )
    guild = _Parser(add_help=False)
    guild.add_argument(
        "--guild",
        type=_guild_id,
        metavar="ID",
        help="as in this Discord server (default: the global documents)",
    )
    parser = _Parser(prog="briefbot", description="A Discord bot for sourced briefings.", parents=[common])
    sub = parser.add_subparsers(required=True, metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help: str, *, in_a_guild: bool = False) -> argparse.ArgumentParser:
        parents = [common, guild] if in_a_guild else [common]
        return sub.add_parser(name, help=help, description=help, parents=parents)

    command("run", "connect to Discord (no token: answer through the local console)").set_defaults(
        handler=_run
    )
    ask = command("ask", 'answer one command locally, e.g. briefbot ask "/spending Canada"', in_a_guild=True)
    ask.add_argument("line", nargs="+", help="the command line")
    ask.add_argument("--json", action="store_true", help="print the exact payload Discord would receive")
    ask.add_argument(
        "--save-attachments", metavar="DIR", type=Path, help="write attached files (charts) here"
    )
    ask.set_defaults(handler=_ask)
    command("console", "type commands in the terminal", in_a_guild=True).set_defaults(handler=_console)
    ingest = command(
        "ingest", "add .txt or .md articles (files or folders), or web pages (http(s) URLs)", in_a_guild=True
    )
    ingest.add_argument(
        "paths", nargs="+", metavar="PATH_OR_URL", help="an article, a folder of them, or a URL"
    )
    ingest.add_argument("--dry-run", action="store_true", help="show what would be stored; change nothing")
    ingest.add_argument("--json", action="store_true", help="with --dry-run: print the records as JSON")
    ingest.add_argument(
        "--no-seed", action="store_true", help="create a new store without the bundled article"
    )
    ingest.add_argument(
        "--replace", type=int, metavar="ID", help="swap document ID (see sources) for a corrected FILE"
    )
    ingest.set_defaults(handler=_ingest)
    sources = command("sources", "list the newest documents in the store", in_a_guild=True)
    sources.add_argument("--limit", type=int, default=100, help="how many documents to list (default: 100)")
    sources.set_defaults(handler=_sources)
    forget = command("forget", "remove a document and everything read from it")
    forget.add_argument("document_id", type=int, metavar="ID", help="the document's number (see sources)")
    forget.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    forget.set_defaults(handler=_forget)
    command("check", "check the configuration, the store and the Discord setup").set_defaults(handler=_check)
    backup = command("backup", "copy the store to a file, safely while the bot runs")
    backup.add_argument("target", type=Path, metavar="PATH", help="a new file, or a folder to put it in")
    backup.set_defaults(handler=_backup)
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
    # A long-running process: the cache it loads is kept out of the collector's full collections.
    bot = create_bot(Briefing(store, freezer=Freezer()), settings)
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
    """Ingest article files, folders or pages; return 1 if any failed (the others still land)."""
    if args.json and not args.dry_run:
        raise UsageError("ingest: --json only goes with --dry-run")
    urls = [f for f in args.paths if f.lower().startswith(("http://", "https://"))]
    if urls:
        if len(urls) != len(args.paths) or args.dry_run or args.replace is not None:
            print("briefbot: give either files or URLs, and --dry-run only with files.", file=sys.stderr)
            return 1
        return asyncio.run(feedcli.ingest_urls(urls, settings, guild_id=args.guild))
    paths = [Path(p) for p in args.paths]
    if args.replace is not None:
        if len(paths) != 1 or paths[0].is_dir():
            raise UsageError("ingest: --replace ID takes exactly one article file")
        return asyncio.run(_replace(args.replace, paths[0], settings, dry_run=args.dry_run))
    jobs = article_jobs(paths)
    return asyncio.run(
        _ingest_async(
            jobs, settings, dry_run=args.dry_run, as_json=args.json, seed=not args.no_seed, scope=_scope(args)
        )
    )


def article_jobs(paths: Sequence[Path]) -> list[Job]:
    """Return an ingest job per file named and per .txt or .md file under each folder named, sorted.

    Hidden files and folders under a folder are skipped. A file named directly is read whatever
    its suffix (ingest then says which suffixes it reads). A path that does not exist, or a
    folder without articles, becomes a job that fails with that reason: the others still land.
    """
    jobs: list[Job] = []
    for path in paths:
        if not path.is_dir():
            reason = None if path.exists() or path.is_symlink() else "no such file or folder"
            jobs.append((path.name, _failing(reason) if reason else functools.partial(analyse_file, path)))
            continue
        found = sorted(
            p
            for p in path.rglob("*")
            if p.suffix.lower() in ARTICLE_SUFFIXES
            and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not found:
            jobs.append((path.name, _failing("no .txt or .md articles in this folder")))
        jobs.extend((p.name, functools.partial(analyse_file, p)) for p in found)
    return jobs


def _failing(reason: str) -> functools.partial[tuple[Article, Extraction]]:
    """Return a job that fails with reason (picklable, like every job)."""
    return functools.partial(_fail, reason)


def _fail(reason: str) -> tuple[Article, Extraction]:
    """Raise OSError(reason): a path that cannot be ingested."""
    raise OSError(reason)


async def _ingest_async(
    jobs: list[Job], settings: Settings, *, dry_run: bool, as_json: bool, seed: bool, scope: str = GLOBAL
) -> int:
    """Ingest each file in its own transaction and say what became of it; return 1 if any failed."""
    if settings.db_readonly and not dry_run:
        raise ConfigError(
            "BRIEFBOT_DB_READONLY is set: this process may not write the store;"
            " ingest where the writer runs (or use --dry-run)."
        )
    if dry_run and not settings.db.exists():
        store = await open_store(":memory:", seed=False)  # a dry run creates no file
    else:
        store = await open_store(settings.db, seed=seed)
    progress = Progress(len(jobs)) if len(jobs) > 1 else None
    failed = 0
    try:
        async for name, outcome in ingest_many(store, jobs, dry_run=dry_run, scope=scope):
            if isinstance(outcome, Exception):
                progress_print(progress, f"{name}: failed: {_failure(outcome)}", sys.stderr)
                failed += 1
            elif as_json:
                progress_print(progress, outcome.extraction.model_dump_json(indent=2), sys.stdout)
            else:
                progress_print(progress, "\n".join(report_lines(outcome, dry_run=dry_run)), sys.stdout)
            if progress:
                progress.advance()
    finally:
        if progress:
            progress.finish()
        await store.close()
    return 1 if failed else 0


def _failure(error: Exception) -> str:
    """Return why a file was not stored, in one line."""
    if isinstance(error, BriefingError):
        return error.message
    if isinstance(error, OSError | UnicodeError | StoreError):
        return str(error)
    # a bug of ours on this text: say so, so it can be reported
    return f"could not be analysed ({type(error).__name__}: {error}); please report it"


def report_lines(report: IngestReport, *, dry_run: bool) -> list[str]:
    """Return what ingesting one article did (or, in a dry run, would do), in words."""
    article, extraction = report.article, report.extraction
    if report.document_id is not None and not report.created:
        return [f"{report.name}: already ingested (document {report.document_id}); nothing changed"]
    counts = read_counts(article, extraction)
    lines = [
        f"{report.name}: would be stored ({counts})"
        if dry_run
        else f"{report.name}: stored as document {report.document_id} ({counts})"
    ]
    lines += [f"  warning: {warning}" for warning in header_warnings(article)]
    if not has_facts(extraction):
        lines.append("  no facts could be read: it is kept as searchable text for /ask")
    if dry_run:
        meta = article.meta
        lines.append(f"  Title: {meta.title or '(none)'}")
        lines.append(
            f"  Source: {meta.outlet or 'not stated'} · Date: {meta.published.iso() if meta.published else 'not stated'}"
        )
        for kind, records in record_lines(extraction):
            if records:
                lines.append(f"  {kind}")
                lines.extend(f"    • {record}" for record in records)
    return lines


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
            for summary in documents:
                print(document_line(summary))
            total = await briefing.document_count()
            if total > len(documents):
                print(f"(the newest {len(documents)} of {total:,} documents; --limit lists more)")
        finally:
            await store.close()

    asyncio.run(listing())
    return 0


def document_line(summary: DocumentSummary) -> str:
    """Return "3: Title · Outlet · 2025-06 — 12 sentences, 1 spending fact, 0 statements, 2 events"."""
    doc = summary.document
    counts = ", ".join(
        plural(n, noun)
        for n, noun in (
            (summary.passages, "sentence"),
            (summary.spending_facts, "spending fact"),
            (summary.statements, "statement"),
            (summary.events, "event"),
        )
    )
    return (
        f"{doc.id}: [{summary.scope}] {doc.title or '(untitled)'} · {doc.outlet or 'outlet not stated'} ·"
        f" {doc.published or 'date not stated'} — {counts}"
    )


async def _stored(store: Store, document_id: int) -> DocumentSummary:
    """Return the stored document with this id; raise StoreError naming the id when there is none."""
    summary = await store.document(document_id)
    if summary is not None:
        return summary
    raise StoreError(f"there is no document {document_id} in {store.path}; `briefbot sources` lists them")


def _forget(args: argparse.Namespace, settings: Settings) -> int:
    """Remove a document after confirmation (or --yes); return 1 when there is no such document."""

    async def forget() -> int:
        store = await open_store(settings.db)
        try:
            summary = await _stored(store, args.document_id)
            if not args.yes and not _confirmed(f"Forget {document_line(summary)}?"):
                print("Nothing was removed.")
                return 1
            if not await store.remove_document(args.document_id):  # removed meanwhile by someone else
                raise StoreError(f"document {args.document_id} was removed meanwhile")
            print(f"Forgot document {args.document_id}: it and everything read from it are gone.")
            return 0
        finally:
            await store.close()

    return asyncio.run(forget())


def _confirmed(question: str) -> bool:
    """Return whether the person at the terminal answers yes; raise UsageError when there is none to ask."""
    if not sys.stdin.isatty():
        raise UsageError("forget: no terminal to confirm on; add --yes")
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


async def _replace(document_id: int, path: Path, settings: Settings, *, dry_run: bool) -> int:
    """Swap a stored document for the corrected article in path, under the same id."""
    store = await open_store(settings.db)
    try:
        old = await _stored(store, document_id)
        try:
            article, extraction = analyse_file(path)
        except BriefingError as exc:
            print(f"{path.name}: failed: {exc.message}", file=sys.stderr)
            return 1
        report = IngestReport(path.name, None, False, article, extraction)
        if dry_run:
            lines = report_lines(report, dry_run=True)
            lines[0] = lines[0].replace(": would be stored (", f": would replace document {document_id} (", 1)
            print("\n".join([*lines, f"  replacing {document_line(old)}"]))
            return 0
        result = await store.replace_document(document_id, article, extraction, name=path.name)
        if result is None:
            raise StoreError(f"document {document_id} was removed meanwhile")
        if not result.created:
            same = result.document_id == document_id
            print(
                f"{path.name}: unchanged: the text is already document {result.document_id}"
                + (
                    ""
                    if same
                    else f"; forget one of them, or edit this file, to replace document {document_id}"
                )
            )
            return 0 if same else 1
        print(f"{path.name}: replaced document {document_id} ({read_counts(article, extraction)})")
        for warning in header_warnings(article):
            print(f"  warning: {warning}")
        return 0
    finally:
        await store.close()


def _check(args: argparse.Namespace, settings: Settings) -> int:
    """Print what is right and wrong with the setup; return 1 if anything is wrong."""
    findings = asyncio.run(check(settings))
    for finding in findings:
        print(finding.line())
    problems = sum(not f.ok for f in findings)
    print("Ready to run." if not problems else f"{plural(problems, 'problem')} to fix before `briefbot run`.")
    return 1 if problems else 0


def _backup(args: argparse.Namespace, settings: Settings) -> int:
    """Copy the store with SQLite's online backup (consistent while the bot writes); return 0 when done."""
    source = settings.db
    if not source.is_file():
        raise StoreError(f"there is no store at {source} to back up")
    target: Path = args.target
    if target.is_dir():
        target = target / f"briefbot-{time.strftime('%Y%m%d-%H%M%S')}.sqlite3"
    if target.exists():
        raise OSError(f"{target} already exists; give a new file name")
    documents = backup_file(source, target)
    print(f"Backed up {plural(documents, 'document')} to {target} ({target.stat().st_size // 1024 + 1} KB).")
    return 0
