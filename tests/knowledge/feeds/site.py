"""A small news site on 127.0.0.1 for the feed tests: feeds and article pages with boilerplate around them.

Each path serves what the test put there (``site.put``), and every request is recorded with its
headers, so a test can see conditional requests and count fetches. The pages carry what real news
pages carry around the article: navigation, a cookie banner, an advert and a "most read" box.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from aiohttp import web

BOILERPLATE_WORDS = ("Accept all cookies", "Most read", "Subscribe now", "Home", "Celebrity")


@dataclass
class Resource:
    """What one path serves."""

    body: bytes
    content_type: str = "text/html"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # when set, If-None-Match with it gets 304
    chunked: bool = False  # streamed without a Content-Length
    gate: asyncio.Event | None = None  # when set, the answer waits until the test opens the gate


@dataclass
class Request:
    """A request the site received."""

    path: str
    headers: dict[str, str]


class Site:
    """The site: resources by path, and the requests received."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.resources: dict[str, Resource] = {}
        self.requests: list[Request] = []
        self._runner: web.AppRunner | None = None
        self.port = 0

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def put(self, path: str, body: str | bytes, **options: Any) -> str:
        """Serve body at path; return its URL."""
        data = body.encode() if isinstance(body, str) else body
        self.resources[path] = Resource(data, **options)
        return self.url(path)

    def hits(self, path: str) -> int:
        return sum(r.path == path for r in self.requests)

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(Request(request.path, dict(request.headers)))
        resource = self.resources.get(request.path)
        if resource is None:
            return web.Response(status=404, text="not found")
        if resource.gate is not None:
            await resource.gate.wait()
        headers = dict(resource.headers)
        if resource.etag:
            headers["ETag"] = resource.etag
            if request.headers.get("If-None-Match") == resource.etag:
                return web.Response(status=304, headers=headers)
        if resource.chunked:
            response = web.StreamResponse(status=resource.status, headers=headers)
            response.content_type = resource.content_type
            response.enable_chunked_encoding()
            await response.prepare(request)
            with contextlib.suppress(ConnectionError):  # a client that stops reading at its size cap
                for start in range(0, len(resource.body), 16 * 1024):
                    await response.write(resource.body[start : start + 16 * 1024])
                await response.write_eof()
            return response
        return web.Response(
            status=resource.status, body=resource.body, content_type=resource.content_type, headers=headers
        )

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


async def running_site(host: str = "127.0.0.1") -> AsyncIterator[Site]:
    """Yield a started site; stop it afterwards."""
    site = Site(host)
    await site.start()
    try:
        yield site
    finally:
        await site.stop()


def page(title: str, paragraphs: list[str], *, outlet: str = "Harbour Post", date: str = "2026-03-02") -> str:
    """Return an article page: metadata in the head, the article among navigation, banner, advert and links."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head>
<meta charset="utf-8"><title>{title} | {outlet}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{date}T08:30:00Z">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience. Accept all cookies or manage your choices.</p><button>Accept all cookies</button></div>
<main><article>
<h1>{title}</h1>
<div class="byline">By Staff Reporter</div>
{body}
</article>
<div class="advert"><p>Subscribe now and get three months free of our premium newsletter!</p></div>
<aside class="most-read"><h2>Most read</h2><ol>
<li><a href="/a">Celebrity chef opens a third restaurant downtown</a></li>
<li><a href="/b">Ten tips for a better night's sleep this winter</a></li>
</ol></aside></main>
<footer><p>© Harbour Post. All rights reserved. Contact us · Privacy</p></footer>
</body></html>"""


@dataclass
class Item:
    """A feed item."""

    path: str
    title: str
    updated: datetime
    guid: str | None = None


def rss(site: Site, items: list[Item], title: str = "Harbour Post: World") -> str:
    """Return an RSS 2.0 feed of items (links on the site)."""
    entries = "".join(
        f"<item><title>{i.title}</title><link>{site.url(i.path)}</link>"
        f"<guid>{i.guid or site.url(i.path)}</guid><pubDate>{format_datetime(i.updated)}</pubDate></item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>{site.url('/')}</link><description>News</description>{entries}</channel></rss>"
    )


def atom(site: Site, items: list[Item], title: str = "Harbour Post: Atom") -> str:
    """Return an Atom feed of items, with relative links."""
    entries = "".join(
        f'<entry><title>{i.title}</title><link href="{i.path}"/><id>{i.guid or i.path}</id>'
        f"<updated>{i.updated.isoformat()}</updated></entry>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:test</id><updated>{datetime.now(UTC).isoformat()}</updated>"
        f'<link href="{site.url("/")}"/>{entries}</feed>'
    )


def json_feed(site: Site, items: list[Item], title: str = "Harbour Post: JSON") -> str:
    """Return a JSON Feed 1.1 of items."""
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "items": [
                {
                    "id": i.guid or i.path,
                    "url": site.url(i.path),
                    "title": i.title,
                    "date_modified": i.updated.isoformat(),
                }
                for i in items
            ],
        }
    )
