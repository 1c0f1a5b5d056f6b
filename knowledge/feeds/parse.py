"""Feeds into entries, and web pages into article text with the ingest header.

* ``parse_feed``: RSS (0.9x, 1.0, 2.0) and Atom through ``feedparser``; JSON Feed (1.0 and 1.1)
  with ``json``, because feedparser 6 does not read it. An entry is known by its id (``guid``,
  Atom ``id``, JSON Feed ``id``), else its link; its version is its updated time, else its
  published time, as the feed writes it, so an entry whose time moves is fetched again.
* ``article_text``: the main text of an HTML page through ``trafilatura`` (precision first, so
  navigation, cookie banners, ads and "most read" boxes stay out), with a header of ``Title``,
  ``Source`` (the site's name), ``Date`` and ``URL`` taken from the page's metadata, in the format
  ``knowledge.extract.reader`` reads. What the page does not say, the feed entry may (its title
  and date); what neither says stays out of the header.

Both libraries are imported on first use: they take a noticeable part of a second to import,
and most briefbot commands never read a feed.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import yarl

from knowledge.errors import MalformedArticle
from knowledge.models import PartialDate

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_LINE_BREAKS = re.compile(r"\s+")
MAX_HEADER_CHARS = 300


class NotAFeed(Exception):
    """The body is not RSS, Atom or JSON Feed; ``str()`` says so for people."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed."""

    key: str  # the entry's id, else its link
    url: str  # absolute
    title: str | None = None
    version: str | None = None  # updated time, else published time, as written in the feed
    published: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title and its entries with a link, in feed order."""

    title: str | None
    entries: list[Entry] = field(default_factory=list)


def parse_feed(body: bytes, content_type: str, url: str) -> ParsedFeed:
    """Return the feed in body (relative links resolved against url); raise NotAFeed when it is none."""
    start = body.lstrip()[:1]
    if "json" in content_type or start == b"{":
        return _json_feed(body, url)
    import feedparser  # see the module docstring

    parsed: Any = feedparser.parse(
        body, response_headers={"content-location": url, "content-type": content_type}
    )
    if not parsed.get("version") and not parsed.entries:
        raise NotAFeed("not an RSS, Atom or JSON feed.")
    entries = []
    for item in parsed.entries:
        link = _absolute(item.get("link"), url)
        if link is None:
            continue  # an entry with no page to read
        # dict.get: feedparser's own get() maps a missing "updated" to "published", with a warning.
        stamp = dict.get(item, "updated_parsed") or dict.get(item, "published_parsed")
        entries.append(
            Entry(
                key=str(item.get("id") or link),
                url=link,
                title=_one_line(item.get("title")),
                version=dict.get(item, "updated") or dict.get(item, "published"),
                published=_date_of(stamp),
            )
        )
    return ParsedFeed(title=_one_line(parsed.feed.get("title")), entries=entries)


def _json_feed(body: bytes, url: str) -> ParsedFeed:
    """Return a JSON Feed (https://www.jsonfeed.org/version/1.1/) as a ParsedFeed."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise NotAFeed("not valid JSON, so not a JSON feed.") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith("https://jsonfeed.org/"):
        raise NotAFeed("JSON, but not a JSON feed (no jsonfeed.org version).")
    entries = []
    for item in data.get("items") or []:
        if not isinstance(item, dict):
            continue
        link = _absolute(item.get("url") or item.get("external_url"), url)
        if link is None:
            continue
        stamp = item.get("date_modified") or item.get("date_published")
        published = item.get("date_published") or item.get("date_modified")
        entries.append(
            Entry(
                key=str(item.get("id") or link),
                url=link,
                title=_one_line(item.get("title")),
                version=str(stamp) if stamp else None,
                published=_iso_date(str(published)) if published else None,
            )
        )
    return ParsedFeed(title=_one_line(data.get("title")), entries=entries)


def article_text(
    html: str | bytes, url: str, *, title: str | None = None, published: PartialDate | None = None
) -> str:
    """Return a page's main text with its ingest header; raise MalformedArticle when there is none.

    ``title`` and ``published`` (from the feed entry) fill in what the page's metadata lacks.
    """
    import trafilatura  # see the module docstring

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
    )
    found: dict[str, Any] = {}
    if isinstance(document, dict):
        found = document
    elif document is not None:
        found = document.as_dict()
    text = str(found.get("text") or "").strip()
    if not text:
        raise MalformedArticle(f"{url}: no article text found on the page.")
    page_title = _one_line(found.get("title")) or title
    lines = text.splitlines()
    if page_title and lines and lines[0].strip() == page_title:
        text = "\n".join(lines[1:]).strip() or text  # the headline is the title, not a section heading
    date = (_iso_date(str(found["date"])) if found.get("date") else None) or published
    canonical = _absolute(found.get("url"), url) or url
    header = [
        ("Title", page_title),
        ("Source", _one_line(found.get("sitename"))),
        ("Date", date.iso() if date else None),
        ("URL", canonical),
    ]
    return "".join(f"{key}: {value}\n" for key, value in header if value) + "\n" + text + "\n"


def _absolute(link: object, base: str) -> str | None:
    """Return link made absolute against base, if it is an http(s) URL."""
    if not isinstance(link, str) or not link.strip():
        return None
    try:
        joined = yarl.URL(base).join(yarl.URL(link.strip()))
    except ValueError:
        return None
    return str(joined) if joined.scheme in ("http", "https") and joined.host else None


def _one_line(value: object) -> str | None:
    """Return text on one line, bounded, for a header or a listing (None when empty)."""
    if not isinstance(value, str):
        return None
    flat = _LINE_BREAKS.sub(" ", value).strip()
    return flat[:MAX_HEADER_CHARS] or None


def _date_of(stamp: Any) -> PartialDate | None:
    """Return the day of a feedparser time tuple (UTC), if plausible."""
    if not stamp:
        return None
    moment = datetime.fromtimestamp(calendar.timegm(stamp), UTC)
    date = PartialDate(year=moment.year, month=moment.month, day=moment.day)
    return date if date.plausible() else None


def _iso_date(text: str) -> PartialDate | None:
    """Return the day an ISO 8601 date or time starts with, if valid and plausible."""
    match = _ISO_DAY.match(text.strip())
    if match is None:
        return None
    try:
        date = PartialDate.parse(match.group(0))
    except ValueError:
        return None
    return date if date.plausible() else None
