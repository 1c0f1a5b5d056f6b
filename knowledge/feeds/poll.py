"""Polling feeds and storing their articles, each once, with what each changed.

* ``Poller.ingest_url(url)`` fetches one page, reads its article (``parse.article_text``), and
  stores it unless its content is already stored (by sha256, under any URL). A page whose URL
  (or canonical URL) is already stored with other content is an update: the new version replaces
  the earlier one in the same transaction. What the article changed in the briefing
  (``changes``) is stored with it when it changed anything.
* ``Poller.poll(feed)`` fetches a feed conditionally (ETag, Last-Modified) and ingests the entries
  it has not handled, oldest first, at most MAX_ENTRIES_PER_POLL of them. An entry is handled
  again when its version (updated time) moves. A page that fails for a reason that may pass
  (timeout, 5xx) is tried again at the next poll; one that cannot work (too large, no article
  text, 404) is remembered with its reason and left alone until the entry changes.
* A feed that fails (unreachable, 5xx, not a feed) is retried with backoff: RETRY_FIRST after
  the first failure, doubling up to RETRY_MAX; ``feeds list`` shows the failures and the time
  of the next attempt. A successful poll resets it.

Extraction and HTML reading run in a worker thread, so a bot polling feeds keeps answering.
The clock is injected (``now``), so tests move time instead of sleeping.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from knowledge.errors import MalformedArticle
from knowledge.feeds import changes
from knowledge.feeds.changes import ChangeReport
from knowledge.feeds.fetch import Fetched, Fetcher, FetchError
from knowledge.feeds.parse import Entry, NotAFeed, article_text, parse_feed
from knowledge.ingest import analyse
from knowledge.models import DocumentRef
from knowledge.store import GLOBAL, Feed, Store, StoreWriteError, guild_scope

log = logging.getLogger(__name__)

MAX_ENTRIES_PER_POLL = 200
RETRY_FIRST = timedelta(minutes=5)
RETRY_MAX = timedelta(hours=12)
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


def utc_now() -> datetime:
    """Return the current time in UTC."""
    return datetime.now(UTC)


def retry_delay(failures: int) -> timedelta:
    """Return how long to wait after the given number of failures in a row."""
    delay: timedelta = RETRY_FIRST * 2 ** min(max(0, failures - 1), 16)
    return min(RETRY_MAX, delay)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one page: stored, updated, unchanged, duplicate or failed."""

    url: str
    status: str
    detail: str  # the title, or why it failed
    document_id: int | None = None
    report: ChangeReport | None = None
    transient: bool = False  # failed for a reason that may pass

    def line(self) -> str:
        """Return a one-line summary for people."""
        where = f" #{self.document_id}" if self.document_id is not None else ""
        text = f"{self.status}{where}: {self.detail} <{self.url}>"
        if self.report is not None and not self.report.empty():
            text += " — " + "; ".join(summary_lines(self.report))
        return text


@dataclass(slots=True)
class FeedPoll:
    """What one poll of one feed did."""

    feed: Feed
    outcomes: list[Outcome] = field(default_factory=list)
    error: str | None = None
    not_modified: bool = False
    waiting_until: str | None = None  # not polled: backing off after failures

    def line(self) -> str:
        """Return a one-line summary of the feed's poll."""
        head = f"feed #{self.feed.id} {self.feed.url}"
        if self.waiting_until:
            return f"{head}: not polled, retrying after {self.waiting_until} ({self.feed.failures} failures)"
        if self.error:
            return f"{head}: failed: {self.error}"
        if self.not_modified:
            return f"{head}: not modified"
        counts: dict[str, int] = {}
        for outcome in self.outcomes:
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
        listed = ", ".join(f"{n} {status}" for status, n in counts.items()) or "nothing new"
        return f"{head}: {listed}"


async def read_page(fetcher: Fetcher, url: str, entry: Entry | None = None) -> tuple[Fetched, str]:
    """Return a fetched page and its article text with the ingest header (off the event loop).

    Raise FetchError when it cannot be fetched, MalformedArticle when it holds no article.
    ``entry`` (the feed's item) fills in the title and date the page does not give.
    """
    page = await fetcher.get(url, accept=PAGE_ACCEPT)
    if "html" not in page.content_type:
        raise MalformedArticle(f"{page.url} is not an HTML page ({page.content_type or 'no type'}).")
    raw = await asyncio.to_thread(
        article_text,
        page.text() if page.charset else page.body,  # no charset declared: trafilatura detects it
        page.url,
        title=entry.title if entry else None,
        published=entry.published if entry else None,
    )
    return page, raw


def summary_lines(report: ChangeReport) -> list[str]:
    """Return each change of a report as a short line."""
    lines = [
        f"{f.subject_name} {f.what}: {f.now}" + (f" (was {f.was})" if f.was else " (new)")
        for f in report.figures
    ]
    lines += [f"{s.speaker}: “{s.text}”" for s in report.statements]
    lines += [m.now + (f" (was {', '.join(m.was)})" if m.was else " (new)") for m in report.meetings]
    return lines


class Poller:
    """Feeds and pages into the store."""

    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        *,
        now: Callable[[], datetime] = utc_now,
        max_entries: int = MAX_ENTRIES_PER_POLL,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.now = now
        self.max_entries = max_entries
        self._polling = asyncio.Lock()  # one poll at a time: a slow poll is not overtaken by the next

    async def ingest_url(
        self, url: str, *, guild_id: int | None = None, entry: Entry | None = None
    ) -> Outcome:
        """Fetch one page and store its article (see the module docstring); return what happened."""
        try:
            page, raw = await read_page(self.fetcher, url, entry)
            article, extraction = await asyncio.to_thread(analyse, raw)
        except FetchError as exc:
            return Outcome(url, "failed", str(exc), transient=exc.transient)
        except MalformedArticle as exc:
            return Outcome(url, "failed", exc.message)
        title = article.meta.title or url
        scope = GLOBAL if guild_id is None else guild_scope(guild_id)
        view = (GLOBAL,) if guild_id is None else (GLOBAL, scope)  # what the server reads
        existing = await self.store.has_document(article.sha256, view)
        if existing is not None:
            return Outcome(url, "unchanged", title, existing)
        earlier = await self._earlier_version(scope, url, page.url, article.meta.url)
        before = await changes.before(self.store, extraction, view)
        try:
            result = await self.store.add_document(
                article, extraction, name=url, scope=scope, replaces=earlier
            )
        except StoreWriteError as exc:
            return Outcome(url, "failed", str(exc), transient=True)
        if not result.created:  # another writer stored the same content meanwhile
            return Outcome(url, "unchanged", title, result.document_id)
        meta = article.meta
        document = DocumentRef(
            id=result.document_id,
            title=meta.title,
            outlet=meta.outlet,
            url=meta.url,
            published=meta.published.iso() if meta.published else None,
        )
        report = await changes.compare(
            self.store, before, document, article, extraction, view, replaced=earlier is not None
        )
        if not report.empty():
            await self.store.add_change(result.document_id, guild_id, report.model_dump_json())
        status = "updated" if earlier is not None else "stored"
        return Outcome(url, status, title, result.document_id, report)

    async def _earlier_version(self, scope: str, *urls: str | None) -> int | None:
        """Return the id of a document of the scope stored from any of these URLs, if one is."""
        for url in dict.fromkeys(u for u in urls if u):
            found = await self.store.document_by_url(url, scope)
            if found is not None:
                return found[0]
        return None

    async def poll_all(self, *, force: bool = False) -> list[FeedPoll]:
        """Poll every feed once (those backing off only when force); return what each poll did."""
        async with self._polling:
            return [await self._poll(feed, force=force) for feed in await self.store.feeds(every=True)]

    async def poll(self, feed: Feed, *, force: bool = False) -> FeedPoll:
        """Poll one feed once; return what it did."""
        async with self._polling:
            return await self._poll(feed, force=force)

    async def _poll(self, feed: Feed, *, force: bool) -> FeedPoll:
        """Poll one feed (the caller holds the polling lock)."""
        now = self.now()
        if not force and feed.retry_at and datetime.fromisoformat(feed.retry_at) > now:
            return FeedPoll(feed, waiting_until=feed.retry_at)
        try:
            fetched = await self.fetcher.get(
                feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=FEED_ACCEPT
            )
            parsed = (
                None if fetched.not_modified else parse_feed(fetched.body, fetched.content_type, fetched.url)
            )
        except (FetchError, NotAFeed) as exc:
            failures = feed.failures + 1
            retry_at = _stamp(now + retry_delay(failures))
            await self.store.update_feed(
                feed.id, polled_at=_stamp(now), failures=failures, retry_at=retry_at, last_error=str(exc)
            )
            log.warning("Feed %s failed (%d in a row): %s", feed.url, failures, exc)
            return FeedPoll(feed, error=str(exc))
        state = {
            "polled_at": _stamp(now),
            "succeeded_at": _stamp(now),
            "failures": 0,
            "retry_at": None,
            "last_error": None,
        }
        if parsed is None:
            await self.store.update_feed(feed.id, **state)
            return FeedPoll(feed, not_modified=True)
        outcomes = await self._entries(feed, parsed.entries)
        if not any(o.transient for o in outcomes):
            # Only now: with a page still to fetch again, the next poll must get the feed in full.
            state |= {"etag": fetched.etag, "last_modified": fetched.last_modified}
        await self.store.update_feed(feed.id, title=parsed.title or feed.title, **state)
        return FeedPoll(feed, outcomes)

    async def _entries(self, feed: Feed, entries: list[Entry]) -> list[Outcome]:
        """Ingest the entries not handled yet (or changed since), oldest first; return their outcomes."""
        seen = await self.store.seen_items(feed.id)
        todo = [
            e for e in entries[: self.max_entries] if e.key not in seen or seen[e.key].version != e.version
        ]
        ordered = list(reversed(todo))  # feeds list the newest first ...
        if all(e.published for e in ordered):  # ... unless their dates say otherwise
            ordered.sort(key=lambda e: e.published.iso() if e.published else "")
        outcomes = []
        for entry in ordered:
            outcome = await self.ingest_url(entry.url, guild_id=feed.guild_id, entry=entry)
            outcomes.append(outcome)
            if outcome.transient:
                continue  # tried again at the next poll
            error = outcome.detail if outcome.status == "failed" else None
            await self.store.record_item(
                feed.id, entry.key, entry.url, entry.version, outcome.document_id, error
            )
        return outcomes


def _stamp(moment: datetime) -> str:
    """Return a time as stored: ISO 8601, UTC, to the second."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")
