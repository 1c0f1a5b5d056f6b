"""``briefbot feeds add | list | remove | poll`` and ``briefbot ingest URL``: feeds from the terminal.

Feeds added here are the operator's (global: every server sees their articles) unless
``--guild ID`` gives them to one server, as ``/feeds add`` in that server does: their articles
are then stored in that server's scope. ``ingest URL --guild ID`` stores a page for one server. ``feeds add``
fetches the feed once and refuses a URL that does not serve RSS, Atom or JSON Feed; it stores no
article yet. ``feeds poll`` polls every feed once, also one that is backing off after failures
(an operator asking wants to know now), and prints each page it stored, updated or could not
store, with what the article changed; it exits with 1 when a feed failed.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.settings import Settings
from knowledge.feeds.fetch import Fetcher, FetchError
from knowledge.feeds.parse import NotAFeed, parse_feed
from knowledge.feeds.poll import FEED_ACCEPT, Poller
from knowledge.ingest import open_store
from knowledge.store import Feed


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``feeds`` command and its subcommands."""
    feeds = sub.add_parser("feeds", help="follow RSS, Atom and JSON feeds")
    actions = feeds.add_subparsers(required=True, metavar="ACTION")
    add = actions.add_parser("add", help="follow a feed")
    add.add_argument("url")
    add.add_argument("--guild", type=int, help="the server that follows it (default: every server)")
    add.set_defaults(handler=_add)
    listing = actions.add_parser("list", help="the feeds followed, with their state")
    listing.set_defaults(handler=_list)
    remove = actions.add_parser("remove", help="stop following a feed (its articles stay)")
    remove.add_argument("id", type=int)
    remove.set_defaults(handler=_remove)
    poll = actions.add_parser("poll", help="poll every feed once and print what was stored")
    poll.set_defaults(handler=_poll)


def fetcher_for(settings: Settings) -> Fetcher:
    """Return the fetcher the settings allow."""
    return Fetcher(allow_private=settings.fetch_allow_private)


def _add(args: argparse.Namespace, settings: Settings) -> int:
    """Check that the URL serves a feed, then follow it."""

    async def add() -> int:
        async with fetcher_for(settings) as fetcher:
            try:
                fetched = await fetcher.get(args.url, accept=FEED_ACCEPT)
                parsed = parse_feed(fetched.body, fetched.content_type, fetched.url)
            except (FetchError, NotAFeed) as exc:
                print(f"briefbot: {args.url}: {exc} Not added.", file=sys.stderr)
                return 1
        store = await open_store(settings.db)
        try:
            feed, created = await store.add_feed(args.url, args.guild)
            if created and parsed.title:
                await store.update_feed(feed.id, title=parsed.title)
        finally:
            await store.close()
        if not created:
            print(f"Already following {feed.url} as feed #{feed.id}.")
            return 0
        print(
            f"Following {parsed.title or feed.url} as feed #{feed.id} ({_scope(feed)}): {len(parsed.entries)}"
            " items now; `briefbot feeds poll` (or `briefbot run`) stores them."
        )
        return 0

    return asyncio.run(add())


def _list(args: argparse.Namespace, settings: Settings) -> int:
    """Print every feed with its state."""

    async def listing() -> None:
        store = await open_store(settings.db)
        try:
            feeds = await store.feeds(every=True)
        finally:
            await store.close()
        if not feeds:
            print("No feeds yet; add one with `briefbot feeds add URL`.")
        for feed in feeds:
            print(f"#{feed.id} {feed.url} · {_scope(feed)}" + (f" · {feed.title}" if feed.title else ""))
            print(f"    {feed_state(feed)}")

    asyncio.run(listing())
    return 0


def feed_state(feed: Feed) -> str:
    """Return a feed's fetch state in one line: polled when, failing how, retried when."""
    if feed.polled_at is None:
        return "not polled yet"
    if feed.failures:
        return (
            f"failing: {feed.failures} failure{'s' if feed.failures != 1 else ''} in a row, last {feed.polled_at}"
            f" ({feed.last_error}); next attempt after {feed.retry_at}"
        )
    return f"ok, last polled {feed.polled_at}"


def _scope(feed: Feed) -> str:
    """Return who sees a feed's articles."""
    return "global" if feed.guild_id is None else f"server {feed.guild_id}"


def _remove(args: argparse.Namespace, settings: Settings) -> int:
    """Stop following a feed."""

    async def remove() -> bool:
        store = await open_store(settings.db)
        try:
            return await store.remove_feed(args.id, any_scope=True)
        finally:
            await store.close()

    if asyncio.run(remove()):
        print(f"No longer following feed #{args.id}; its articles stay in the store.")
        return 0
    print(f"briefbot: there is no feed #{args.id}; `briefbot feeds list` shows them.", file=sys.stderr)
    return 1


def _poll(args: argparse.Namespace, settings: Settings) -> int:
    """Poll every feed once; print each feed's result and each page's."""

    async def poll() -> int:
        store = await open_store(settings.db)
        try:
            async with fetcher_for(settings) as fetcher:
                results = await Poller(store, fetcher).poll_all(force=True)
        finally:
            await store.close()
        if not results:
            print("No feeds yet; add one with `briefbot feeds add URL`.")
        for result in results:
            print(result.line())
            for outcome in result.outcomes:
                print(f"    {outcome.line()}")
        return 1 if any(r.error for r in results) else 0

    return asyncio.run(poll())


async def ingest_urls(urls: list[str], settings: Settings, *, guild_id: int | None = None) -> int:
    """Fetch and store single pages (for one server with guild_id); print one line each; return 1 if any failed."""
    store = await open_store(settings.db)
    failed = 0
    try:
        async with fetcher_for(settings) as fetcher:
            poller = Poller(store, fetcher)
            for url in urls:
                outcome = await poller.ingest_url(url, guild_id=guild_id)
                stream = sys.stderr if outcome.status == "failed" else sys.stdout
                print(outcome.line(), file=stream)
                failed += outcome.status == "failed"
    finally:
        await store.close()
    return 1 if failed else 0
