"""`briefbot feeds add|list|remove|poll` and `briefbot ingest URL`, run in-process against a local news site."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main
from tests.knowledge.feeds.site import Item, Site, page, rss

POLAND = ["Poland spent 4.1 percent of its GDP on defence in 2025, the defence ministry said on Monday."]
MARCH_2 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """Yield the news site served from its own thread (the CLI runs its own event loop), fetchable."""
    monkeypatch.setenv("BRIEFBOT_FETCH_ALLOW_PRIVATE", "true")
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    served = Site()
    asyncio.run_coroutine_threadsafe(served.start(), loop).result(10)
    try:
        yield served
    finally:
        asyncio.run_coroutine_threadsafe(served.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    """Return the exit code, stdout and stderr of one briefbot invocation on the store db."""
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_add_poll_list_and_remove_a_feed(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A feed is added after one check, poll prints what it stored (once), list shows the state, remove stops it."""
    db = tmp_path / "s.db"
    site.put("/poland", page("Poland lifts defence spending again", POLAND))
    url = site.put(
        "/feed.xml", rss(site, [Item("/poland", "Poland", MARCH_2)]), content_type="application/rss+xml"
    )

    code, out, _ = run(capsys, db, "feeds", "add", url)
    assert code == 0 and "as feed #1 (global): 1 items now" in out

    code, out, _ = run(capsys, db, "feeds", "poll")
    assert code == 0
    assert f"feed #1 {url}: 1 stored" in out
    assert "stored #2: Poland lifts defence spending again" in out
    assert "🇵🇱 Poland defence spending, share of GDP, 2025: 4.1% (new)" in out

    code, out, _ = run(capsys, db, "feeds", "poll")
    assert code == 0 and f"feed #1 {url}: nothing new" in out

    code, out, _ = run(capsys, db, "feeds", "list")
    assert code == 0 and f"#1 {url} · global · Harbour Post: World" in out and "ok, last polled" in out

    code, out, _ = run(capsys, db, "feeds", "remove", "1")
    assert code == 0 and "No longer following feed #1" in out
    code, _, err = run(capsys, db, "feeds", "remove", "1")
    assert code == 1 and "there is no feed #1" in err


def test_a_failing_feed_shows_its_backoff_in_the_list(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A feed answering 500 fails the poll (exit 1); the list shows the failures and the next attempt."""
    db = tmp_path / "s.db"
    url = site.put("/feed.xml", rss(site, []), content_type="application/rss+xml")
    assert run(capsys, db, "feeds", "add", url, "--guild", "123")[0] == 0
    site.resources["/feed.xml"].status = 500

    code, out, _ = run(capsys, db, "feeds", "poll")
    assert code == 1 and "failed:" in out and "500" in out
    code, out, _ = run(capsys, db, "feeds", "list")
    assert "server 123" in out and "failing: 1 failure in a row" in out and "next attempt after" in out


def test_adding_a_page_that_is_no_feed_is_refused(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An HTML page given as a feed is not added, with the reason."""
    url = site.put("/poland", page("Poland lifts defence spending again", POLAND))
    code, _, err = run(capsys, tmp_path / "s.db", "feeds", "add", url)
    assert code == 1 and "not an RSS, Atom or JSON feed" in err and "Not added" in err
    assert "No feeds yet" in run(capsys, tmp_path / "s.db", "feeds", "list")[1]


def test_ingest_url_stores_a_page_once(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`briefbot ingest URL` stores the page's article; the same page again changes nothing."""
    db = tmp_path / "s.db"
    url = site.put("/poland", page("Poland lifts defence spending again", POLAND))
    code, out, _ = run(capsys, db, "ingest", url)
    assert code == 0 and out.startswith("stored #2: Poland lifts defence spending again")
    code, out, _ = run(capsys, db, "ingest", url)
    assert code == 0 and out.startswith("unchanged #2")
    code, out, _ = run(capsys, db, "sources")
    assert "Poland lifts defence spending again · Harbour Post · 2026-03-02" in out


def test_ingest_url_refuses_private_addresses_unless_allowed(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without BRIEFBOT_FETCH_ALLOW_PRIVATE the local page is refused, in one line."""
    monkeypatch.setenv("BRIEFBOT_FETCH_ALLOW_PRIVATE", "false")
    url = site.put("/poland", page("Poland lifts defence spending again", POLAND))
    code, _, err = run(capsys, tmp_path / "s.db", "ingest", url)
    assert code == 1 and "private or local address" in err and "Traceback" not in err
    assert site.hits("/poland") == 0
