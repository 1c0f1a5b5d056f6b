"""The fetcher's safety and bounds: schemes, private addresses (after DNS, on every redirect), size, redirects, delay."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from aiohttp.abc import AbstractResolver, ResolveResult

from knowledge.feeds.fetch import Fetcher, FetchError, IPAddress, RefusedAddress, public_only
from knowledge.feeds.parse import parse_feed

from .site import Item, Site, atom, json_feed, rss, running_site

LOOPBACK = ipaddress.ip_address("127.0.0.1")


def site_only(address: IPAddress) -> bool:
    """Allow public addresses and the test site's own address (127.0.0.1) only: the default rule otherwise."""
    return address == LOOPBACK or public_only(address)


class NamesResolver(AbstractResolver):
    """DNS for the test: fixed names to fixed addresses (a public-looking name that points inside)."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        address = self.names[host]
        return [
            ResolveResult(hostname=host, host=address, port=port, family=socket.AF_INET, proto=0, flags=0)
        ]

    async def close(self) -> None:
        return None


@pytest.fixture
async def intranet() -> AsyncIterator[Site]:
    """Yield a second site on 127.0.0.2: an internal service the fetcher must never reach."""
    async for started in running_site("127.0.0.2"):
        started.put("/secret", "internal data", content_type="text/plain")
        yield started


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/feed.xml", "gopher://x/", "not a url"]
)
async def test_only_http_and_https_are_fetched(url: str) -> None:
    """Other schemes are refused before anything is opened."""
    async with Fetcher() as fetcher:
        with pytest.raises(FetchError, match="only http"):
            await fetcher.get(url)


async def test_a_loopback_address_is_refused_by_default(site: Site) -> None:
    """Without BRIEFBOT_FETCH_ALLOW_PRIVATE, 127.0.0.1 (a literal) and localhost (a name) are not fetched."""
    site.put("/x", "hello", content_type="text/plain")
    async with Fetcher() as fetcher:
        with pytest.raises(RefusedAddress):
            await fetcher.get(site.url("/x"))
        with pytest.raises(RefusedAddress):
            await fetcher.get(f"http://localhost:{site.port}/x")
    assert site.hits("/x") == 0


async def test_allow_private_reaches_the_local_site(site: Site) -> None:
    """With allow_private (tests, self-hosted sources) the same URL is fetched."""
    site.put("/x", "hello", content_type="text/plain")
    async with Fetcher(allow_private=True, host_delay=0) as fetcher:
        fetched = await fetcher.get(site.url("/x"))
    assert (fetched.status, fetched.text()) == (200, "hello")


async def test_a_redirect_to_a_private_address_is_refused(site: Site, intranet: Site) -> None:
    """A public page redirecting to an internal address is refused at that hop; the internal service is never hit."""
    site.put("/go", "", status=302, headers={"Location": intranet.url("/secret")})
    async with Fetcher(address_allowed=site_only, host_delay=0) as fetcher:
        with pytest.raises(RefusedAddress, match=r"127\.0\.0\.2"):
            await fetcher.get(site.url("/go"))
    assert site.hits("/go") == 1
    assert intranet.hits("/secret") == 0


async def test_a_redirect_to_a_name_that_resolves_inside_is_refused(site: Site, intranet: Site) -> None:
    """The check runs after DNS: a harmless-looking name that resolves to 127.0.0.2 is refused too."""
    site.put("/go", "", status=301, headers={"Location": f"http://intranet.example:{intranet.port}/secret"})
    resolver = NamesResolver({"news.example": "127.0.0.1", "intranet.example": "127.0.0.2"})
    async with Fetcher(address_allowed=site_only, resolver=resolver, host_delay=0) as fetcher:
        with pytest.raises(RefusedAddress, match=r"intranet\.example resolves to 127\.0\.0\.2"):
            await fetcher.get(f"http://news.example:{site.port}/go")
    assert site.hits("/go") == 1
    assert intranet.hits("/secret") == 0


async def test_redirects_are_followed_up_to_the_bound(site: Site) -> None:
    """A chain of redirects within the bound is followed; a loop is refused after max_redirects."""
    site.put("/r1", "", status=301, headers={"Location": "/r2"})
    site.put("/r2", "", status=307, headers={"Location": "/final"})
    site.put("/final", "arrived", content_type="text/plain")
    site.put("/loop", "", status=302, headers={"Location": "/loop"})
    async with Fetcher(allow_private=True, host_delay=0, max_redirects=3) as fetcher:
        fetched = await fetcher.get(site.url("/r1"))
        assert (fetched.url, fetched.text()) == (site.url("/final"), "arrived")
        with pytest.raises(FetchError, match="more than 3 redirects"):
            await fetcher.get(site.url("/loop"))
    assert site.hits("/loop") == 4  # the first request and three redirects


async def test_a_declared_size_over_the_cap_is_refused_before_reading(site: Site) -> None:
    """A Content-Length over the cap is refused as it is declared; a body just under the cap is fine."""
    site.put("/big", b"x" * 5000, content_type="text/plain")
    site.put("/fits", b"x" * 999, content_type="text/plain")
    async with Fetcher(allow_private=True, host_delay=0, max_bytes=1000) as fetcher:
        with pytest.raises(FetchError, match="larger than") as refused:
            await fetcher.get(site.url("/big"))
        assert not refused.value.transient
        assert len((await fetcher.get(site.url("/fits"))).body) == 999


async def test_server_errors_are_transient_and_not_found_is_not(site: Site) -> None:
    """A 503 may pass (retry later); a 404 will not."""
    site.put("/busy", "busy", status=503, content_type="text/plain")
    async with Fetcher(allow_private=True, host_delay=0) as fetcher:
        with pytest.raises(FetchError) as busy:
            await fetcher.get(site.url("/busy"))
        with pytest.raises(FetchError) as missing:
            await fetcher.get(site.url("/nothing-here"))
    assert busy.value.transient and "503" in str(busy.value)
    assert not missing.value.transient and "404" in str(missing.value)


async def test_requests_to_one_host_are_spaced_by_the_host_delay(site: Site) -> None:
    """The second request to a host waits out the rest of the delay (clock and sleep injected: no real wait)."""
    site.put("/x", "hello", content_type="text/plain")
    now = [100.0]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    async with Fetcher(allow_private=True, host_delay=10.0, clock=lambda: now[0], sleep=sleep) as fetcher:
        await fetcher.get(site.url("/x"))
        now[0] += 4.0
        await fetcher.get(site.url("/x"))
    assert slept == [pytest.approx(6.0)]


async def test_rss_atom_and_json_feed_give_the_same_entries(site: Site) -> None:
    """The three formats list the same items with absolute links, keys and dates (JSON Feed read with json)."""
    items = [Item("/world/one", "One", datetime(2026, 3, 2, 8, 0, tzinfo=UTC), guid="tag:one")]
    parsed = [
        parse_feed(rss(site, items).encode(), "application/rss+xml", site.url("/rss")),
        parse_feed(atom(site, items).encode(), "application/atom+xml", site.url("/atom")),
        parse_feed(json_feed(site, items).encode(), "application/feed+json", site.url("/json")),
    ]
    for feed in parsed:
        (entry,) = feed.entries
        assert (entry.key, entry.url, entry.title) == ("tag:one", site.url("/world/one"), "One")
        assert entry.published is not None and entry.published.iso() == "2026-03-02"
        assert feed.title is not None and feed.title.startswith("Harbour Post")
