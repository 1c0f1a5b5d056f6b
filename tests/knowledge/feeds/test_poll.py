"""Feeds polled from a local news site: stored once, updated in place, new items picked up, failures retried."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from knowledge.feeds.fetch import Fetcher
from knowledge.feeds.poll import RETRY_FIRST, Poller
from knowledge.store import GLOBAL, Store, guild_scope

from .conftest import Clock
from .site import BOILERPLATE_WORDS, Item, Site, page, rss

POLAND = [
    "Poland spent 4.1 percent of its GDP on defence in 2025, the defence ministry said on Monday.",
    "Defence Minister Anna Kowalska said the army would grow by a third.",
    "“We will not wait for others,” Kowalska told reporters in Warsaw.",
]
POLAND_REVISED = [POLAND[0].replace("4.1 percent", "4.7 percent"), *POLAND[1:]]
RUTTE = [
    "NATO Secretary General Mark Rutte said allies must move faster on air defence.",
    "“We cannot afford to wait another year,” Rutte told reporters in Brussels.",
]
MARCH_2 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


def poland_site(site: Site, paragraphs: list[str] = POLAND, updated: datetime = MARCH_2) -> str:
    """Serve the Poland article and a feed listing it; return the feed's URL."""
    site.put("/world/poland", page("Poland lifts defence spending again", paragraphs))
    return site.put(
        "/feed.xml", rss(site, [Item("/world/poland", "Poland", updated)]), content_type="application/rss+xml"
    )


async def body_of(store: Store, document_id: int) -> str:
    """Return a stored document's body."""
    return dict(await store.document_bodies())[document_id]


async def test_a_feed_s_article_is_stored_with_its_metadata_and_without_boilerplate(
    site: Site, poller: Poller, feed_store: Store
) -> None:
    """Polling stores the article: title, outlet, date and URL from the page; no navigation, banner or boxes."""
    feed, created = await feed_store.add_feed(poland_site(site), None)
    assert created

    result = await poller.poll(feed)

    (outcome,) = result.outcomes
    assert outcome.status == "stored", outcome
    (doc,) = [d.document for d in await feed_store.documents() if d.document.id == outcome.document_id]
    assert (doc.title, doc.outlet, doc.published) == (
        "Poland lifts defence spending again",
        "Harbour Post",
        "2026-03-02",
    )
    assert doc.url == site.url("/world/poland")
    body = await body_of(feed_store, doc.id)
    assert POLAND[0] in body and POLAND[2] in body
    assert [w for w in BOILERPLATE_WORDS if w in body] == []
    figures = await feed_store.spending_figures("PL", per_metric=5)
    assert [(f.value, f.when.year if f.when else None) for f in figures] == [(4.1, 2025)]


async def test_a_second_poll_stores_nothing_twice(site: Site, poller: Poller, feed_store: Store) -> None:
    """Polling again (the feed unchanged, no validators) fetches no page again and stores nothing."""
    feed, _ = await feed_store.add_feed(poland_site(site), None)
    await poller.poll(feed)
    count = len(await feed_store.documents())

    again = await poller.poll(feed)

    assert again.outcomes == [] and again.error is None
    assert len(await feed_store.documents()) == count
    assert site.hits("/world/poland") == 1


async def test_conditional_requests_use_the_feed_s_validators(
    site: Site, poller: Poller, feed_store: Store
) -> None:
    """With an ETag and Last-Modified, the next poll asks conditionally and a 304 is 'not modified'."""
    url = poland_site(site)
    site.resources["/feed.xml"].etag = '"v1"'
    site.resources["/feed.xml"].headers["Last-Modified"] = "Mon, 02 Mar 2026 08:30:00 GMT"
    feed, _ = await feed_store.add_feed(url, None)
    await poller.poll(feed)
    refreshed = await feed_store.feed(feed.id)
    assert refreshed is not None and refreshed.etag == '"v1"'

    result = await poller.poll(refreshed)

    assert result.not_modified
    last = [r for r in site.requests if r.path == "/feed.xml"][-1]
    assert last.headers.get("If-None-Match") == '"v1"'
    assert last.headers.get("If-Modified-Since") == "Mon, 02 Mar 2026 08:30:00 GMT"


async def test_the_same_article_under_two_urls_is_stored_once(
    site: Site, poller: Poller, feed_store: Store
) -> None:
    """Two items whose pages carry the same article text: the second is recognised by its content hash."""
    site.put("/a", page("Poland lifts defence spending again", POLAND))
    site.put("/b", page("Poland lifts defence spending again", POLAND))
    items = [Item("/b", "copy", MARCH_2 + timedelta(hours=1)), Item("/a", "original", MARCH_2)]
    feed, _ = await feed_store.add_feed(site.put("/feed.xml", rss(site, items)), None)
    before = len(await feed_store.documents())

    result = await poller.poll(feed)

    assert [o.status for o in result.outcomes] == ["stored", "unchanged"]
    assert result.outcomes[0].document_id == result.outcomes[1].document_id
    assert len(await feed_store.documents()) == before + 1


async def test_an_updated_article_replaces_its_earlier_version(
    site: Site, poller: Poller, feed_store: Store
) -> None:
    """The entry's time moves and the page changed: the new version replaces the old; its figure is reported."""
    feed, _ = await feed_store.add_feed(poland_site(site), None)
    await poller.poll(feed)
    count = len(await feed_store.documents())
    poland_site(site, POLAND_REVISED, updated=MARCH_2 + timedelta(days=1))

    result = await poller.poll(feed)

    (outcome,) = result.outcomes
    assert outcome.status == "updated"
    assert len(await feed_store.documents()) == count
    figures = await feed_store.spending_figures("PL", per_metric=5)
    assert [f.value for f in figures] == [4.7]  # the earlier 4.1% left with its version
    assert outcome.report is not None
    (change,) = outcome.report.figures
    assert (change.subject, change.now, change.was) == ("PL", "4.7%", "4.1%")
    assert change.sentence == POLAND_REVISED[0]
    assert outcome.report.statements == []  # Kowalska's words were stored before


async def test_a_new_item_is_picked_up_and_the_old_one_left_alone(
    site: Site, poller: Poller, feed_store: Store
) -> None:
    """An item added to the feed is stored at the next poll; the item already stored is not fetched again."""
    url = poland_site(site)
    feed, _ = await feed_store.add_feed(url, None)
    await poller.poll(feed)
    site.put("/world/rutte", page("Rutte urges faster air defence", RUTTE, date="2026-03-03"))
    site.put(
        "/feed.xml",
        rss(
            site,
            [
                Item("/world/rutte", "Rutte", MARCH_2 + timedelta(days=1)),
                Item("/world/poland", "Poland", MARCH_2),
            ],
        ),
    )

    result = await poller.poll(feed)

    (outcome,) = result.outcomes
    assert (outcome.status, outcome.url) == ("stored", site.url("/world/rutte"))
    assert site.hits("/world/poland") == 1
    assert outcome.report is not None  # Rutte is in the bundled article: his new words are a change
    assert [(s.speaker, s.text) for s in outcome.report.statements] == [
        ("Mark Rutte", "We cannot afford to wait another year")
    ]


async def test_a_failing_feed_backs_off_then_recovers(
    site: Site, poller: Poller, feed_store: Store, clock: Clock
) -> None:
    """A 500 counts a failure and sets a retry time; no fetch before it; after it the feed is polled and reset."""
    url = poland_site(site)
    site.resources["/feed.xml"].status = 500
    feed, _ = await feed_store.add_feed(url, None)

    failed = await poller.poll(feed)
    state = await feed_store.feed(feed.id)
    assert failed.error is not None and "500" in failed.error
    assert state is not None and state.failures == 1 and state.last_error == failed.error
    assert state.retry_at is not None and datetime.fromisoformat(state.retry_at) == clock.now + RETRY_FIRST

    waiting = await poller.poll(state)
    assert waiting.waiting_until == state.retry_at and site.hits("/feed.xml") == 1

    site.resources["/feed.xml"].status = 200
    clock.advance(RETRY_FIRST + timedelta(seconds=1))
    recovered = await poller.poll(state)
    final = await feed_store.feed(feed.id)
    assert [o.status for o in recovered.outcomes] == ["stored"]
    assert final is not None and (final.failures, final.retry_at, final.last_error) == (0, None, None)


async def test_failures_in_a_row_double_the_wait(
    site: Site, poller: Poller, feed_store: Store, clock: Clock
) -> None:
    """The second failure in a row waits twice as long as the first."""
    feed, _ = await feed_store.add_feed(site.url("/missing-feed.xml"), None)  # 404
    await poller.poll(feed)
    clock.advance(RETRY_FIRST)
    state = await feed_store.feed(feed.id)
    assert state is not None
    await poller.poll(state)
    state = await feed_store.feed(feed.id)
    assert state is not None and state.failures == 2
    assert (
        state.retry_at is not None and datetime.fromisoformat(state.retry_at) == clock.now + 2 * RETRY_FIRST
    )


async def test_a_page_too_large_is_not_stored_and_not_fetched_again(
    site: Site, feed_store: Store, clock: Clock
) -> None:
    """A page over the size cap (streamed, with no Content-Length) is refused, remembered, and left alone."""
    padding = "<p>" + "filler text " * 4000 + "</p>"
    site.put("/big", page("Huge page", [*POLAND, padding]), chunked=True)
    feed, _ = await feed_store.add_feed(
        site.put("/feed.xml", rss(site, [Item("/big", "Huge", MARCH_2)])), None
    )
    count = len(await feed_store.documents())
    async with Fetcher(allow_private=True, host_delay=0, max_bytes=20_000) as small:
        poller = Poller(feed_store, small, now=clock)
        (outcome,) = (await poller.poll(feed)).outcomes
        again = await poller.poll(feed)

    assert outcome.status == "failed" and "larger than" in outcome.detail and not outcome.transient
    assert len(await feed_store.documents()) == count
    assert again.outcomes == [] and site.hits("/big") == 1


async def test_an_article_that_changes_nothing_stores_no_change(
    site: Site, poller: Poller, feed_store: Store
) -> None:
    """An article with no figures, no known speaker and no meeting is stored, and no change is recorded."""
    site.put(
        "/weather", page("Storm expected on the coast", ["Heavy rain is expected along the coast on Friday."])
    )
    outcome = await poller.ingest_url(site.url("/weather"))

    assert outcome.status == "stored"
    assert outcome.report is not None and outcome.report.empty()
    assert await feed_store.changes(None) == []


async def test_a_meeting_s_new_place_and_date_are_reported_with_the_old_ones(
    site: Site, poller: Poller, feed_store: Store
) -> None:
    """A second article puts next year's summit elsewhere, on given days: reported with the old label."""
    site.put(
        "/s1",
        page("Allies plan the next summit", ["The next NATO summit will be held in Istanbul in July 2026."]),
    )
    site.put(
        "/s2",
        page(
            "Summit moves to Ankara",
            ["The next NATO summit will be held in Ankara on 7 and 8 July 2026."],
            date="2026-03-05",
        ),
    )
    first = await poller.ingest_url(site.url("/s1"))
    second = await poller.ingest_url(site.url("/s2"))

    assert first.report is not None and [m.now for m in first.report.meetings] == [
        "NATO summit in Istanbul, Türkiye (July 2026)"
    ]
    assert second.report is not None
    (moved,) = second.report.meetings
    assert moved.now.startswith("NATO summit in Ankara") and "July 2026" in moved.now
    assert moved.was == ["NATO summit in Istanbul, Türkiye (July 2026)"]
    assert len(await feed_store.changes(None)) == 2


async def test_a_page_s_own_charset_is_honoured_when_the_server_declares_none(
    site: Site, poller: Poller, feed_store: Store
) -> None:
    """A windows-1252 page (charset only in its meta tag) keeps its curly quotes and accents."""
    html = page("Poland’s budget", ["Poland’s défense minister said the army would grow."]).replace(
        '<meta charset="utf-8">', '<meta charset="windows-1252">'
    )
    site.put("/cp1252", html.encode("cp1252"), content_type="text/html")
    outcome = await poller.ingest_url(site.url("/cp1252"))
    assert outcome.status == "stored", outcome
    assert outcome.document_id is not None
    assert "Poland’s défense minister" in await body_of(feed_store, outcome.document_id)


async def test_a_server_s_feed_stores_into_that_server_only(
    site: Site, poller: Poller, feed_store: Store
) -> None:
    """A server's feed: its article is that server's (not global, not another's), and so is its change."""
    feed, _ = await feed_store.add_feed(poland_site(site), 42)

    (outcome,) = (await poller.poll(feed)).outcomes

    assert outcome.status == "stored"
    assert await feed_store.spending_figures("PL", 5, GLOBAL) == []
    assert await feed_store.spending_figures("PL", 5, guild_scope(7)) == []
    assert [f.value for f in await feed_store.spending_figures("PL", 5, guild_scope(42))] == [4.1]
    assert [c.guild_id for c in await feed_store.changes(42)] == [42]
    assert await feed_store.changes(7) == [] and await feed_store.changes(None) == []


async def test_an_article_the_server_already_reads_globally_is_not_stored_again(
    site: Site, poller: Poller, feed_store: Store
) -> None:
    """A page already stored for everyone is 'unchanged' for a server's feed: no second copy in its view."""
    url = site.put("/world/poland", page("Poland lifts defence spending again", POLAND))
    first = await poller.ingest_url(url)
    again = await poller.ingest_url(url, guild_id=42)
    assert (first.status, again.status) == ("stored", "unchanged")
    assert again.document_id == first.document_id


async def test_a_server_s_article_is_compared_with_what_that_server_reads(
    site: Site, poller: Poller, feed_store: Store
) -> None:
    """A server's newer article revising a global figure reports it with the global value as the old one."""
    site.put("/global/poland", page("Poland lifts defence spending again", POLAND))
    site.put("/local/poland", page("Poland revises its figure", POLAND_REVISED, date="2026-03-05"))
    await poller.ingest_url(site.url("/global/poland"))

    local = await poller.ingest_url(site.url("/local/poland"), guild_id=42)

    assert local.status == "stored" and local.report is not None
    assert [(f.now, f.was) for f in local.report.figures] == [("4.7%", "4.1%")]
    assert [c.guild_id for c in await feed_store.changes(None)] == [None]  # the global one only


async def test_a_person_known_only_to_one_server_is_new_everywhere_else(
    site: Site, poller: Poller, feed_store: Store
) -> None:
    """Kowalska is known to server 7 only: her new words are a change there, and not in the global briefing."""
    site.put("/s7/poland", page("Poland lifts defence spending again", POLAND))
    quote = "“The brigade will be ready next year,” Defence Minister Anna Kowalska said in Gdansk."
    site.put("/global/brigade", page("Brigade ready next year", [quote]))
    other = "“We will train twice as many reservists,” Defence Minister Anna Kowalska said in Gdynia."
    site.put("/s7/reservists", page("Reservists to double, minister says", [other]))
    await poller.ingest_url(site.url("/s7/poland"), guild_id=7)

    everyone = await poller.ingest_url(site.url("/global/brigade"))
    server = await poller.ingest_url(site.url("/s7/reservists"), guild_id=7)

    assert everyone.report is not None and everyone.report.statements == []
    assert server.status == "stored", server
    assert server.report is not None
    assert [s.speaker for s in server.report.statements] == ["Anna Kowalska"]
