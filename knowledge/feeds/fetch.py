"""Fetching feeds and pages over HTTP(S), politely and safely.

* **Conditional requests.** ``get`` sends ``If-None-Match`` / ``If-Modified-Since`` when given
  the validators of the last fetch; a 304 comes back as ``Fetched.not_modified``.
* **Politeness.** Requests to one host are spaced ``host_delay`` seconds apart (one at a time per
  host); every request has a connect, read and total timeout.
* **Bounds.** A body larger than ``max_bytes`` is refused, whether its ``Content-Length`` says so or
  it only turns out so while streaming (the download stops there). At most ``max_redirects``
  redirects are followed.
* **Safety.** Only ``http`` and ``https`` URLs, on every hop. A host's addresses are checked after
  DNS resolution, in the resolver the connection itself uses (so a public name that points
  inside, or changes its answer between a check and the connection, is refused too); an address
  literal in a URL is checked before any connection. Private, loopback, link-local, shared,
  reserved and multicast addresses are refused unless ``allow_private`` (the setting
  ``BRIEFBOT_FETCH_ALLOW_PRIVATE=true``: tests and self-hosted sources).

Failures raise ``FetchError`` with a short reason for people; ``transient`` says whether trying
again later may help (timeouts, 5xx, 429, connection errors) or not (refused, too large, 404).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
import yarl
from aiohttp.abc import AbstractResolver, ResolveResult

MAX_BYTES = 5 * 1024 * 1024  # a feed of a few hundred full items, or a long article page with markup
MAX_REDIRECTS = 5
HOST_DELAY_SECONDS = 1.0
TOTAL_SECONDS = 30.0
CONNECT_SECONDS = 10.0
READ_SECONDS = 15.0
USER_AGENT = "briefbot/0.1 (+feed reader; a Discord briefing bot)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(Exception):
    """A URL could not be fetched; ``str()`` is the reason for people."""

    def __init__(self, message: str, *, transient: bool) -> None:
        super().__init__(message)
        self.transient = transient


class RefusedAddress(FetchError):
    """The URL's host is (or resolves to) an address briefbot may not fetch from."""

    def __init__(self, message: str) -> None:
        super().__init__(message, transient=False)


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched URL: where it ended up after redirects, its body and validators."""

    url: str  # the final URL
    status: int  # 200, or 304 for not_modified
    body: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        """Return whether the server said the resource is unchanged since the validators given."""
        return self.status == 304

    def text(self) -> str:
        """Return the body decoded with its declared charset (else UTF-8), bad bytes replaced."""
        try:
            return self.body.decode(self.charset or "utf-8", errors="replace")
        except LookupError:  # a charset Python does not know
            return self.body.decode("utf-8", errors="replace")


def public_only(address: IPAddress) -> bool:
    """Return whether an address is a public one (not private, loopback, link-local, reserved, ...)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return address.is_global and not address.is_multicast


def any_address(address: IPAddress) -> bool:
    """Return True: every address may be fetched from (BRIEFBOT_FETCH_ALLOW_PRIVATE=true)."""
    return True


class _CheckingResolver(AbstractResolver):
    """A resolver that refuses hosts resolving to an address the policy does not allow."""

    def __init__(self, inner: AbstractResolver, allowed: Callable[[IPAddress], bool]) -> None:
        self.inner = inner
        self.allowed = allowed

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        """Return the host's addresses; raise RefusedAddress if any of them is not allowed."""
        results = await self.inner.resolve(host, port, family)
        for result in results:
            address = ipaddress.ip_address(result["host"])
            if not self.allowed(address):
                raise RefusedAddress(
                    f"{host} resolves to {address}, a private or local address; not fetched."
                )
        return results

    async def close(self) -> None:
        """Close the wrapped resolver."""
        await self.inner.close()


class Fetcher:
    """An HTTP client for feeds and pages (one aiohttp session; use ``async with``)."""

    def __init__(
        self,
        *,
        allow_private: bool = False,
        address_allowed: Callable[[IPAddress], bool] | None = None,
        resolver: AbstractResolver | None = None,
        max_bytes: int = MAX_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        host_delay: float = HOST_DELAY_SECONDS,
        timeout: aiohttp.ClientTimeout | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self.allowed = address_allowed or (any_address if allow_private else public_only)
        self._resolver = _CheckingResolver(resolver or aiohttp.ThreadedResolver(), self.allowed)
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.host_delay = host_delay
        self._timeout = timeout or aiohttp.ClientTimeout(
            total=TOTAL_SECONDS, connect=CONNECT_SECONDS, sock_read=READ_SECONDS
        )
        self._clock = clock
        self._sleep = sleep
        self._last_request: dict[str, float] = {}
        self._host_locks: dict[str, asyncio.Lock] = {}
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the HTTP session (and its resolver)."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _client(self) -> aiohttp.ClientSession:
        """Return the session, opened on first use (inside the running event loop)."""
        if self._session is None:
            connector = aiohttp.TCPConnector(resolver=self._resolver, limit_per_host=2)
            self._session = aiohttp.ClientSession(
                connector=connector, timeout=self._timeout, headers={"User-Agent": USER_AGENT}
            )
        return self._session

    async def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None, accept: str = "*/*"
    ) -> Fetched:
        """Return the resource at url, following redirects; raise FetchError saying why not."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = self._checked_url(url)
        for _ in range(self.max_redirects + 1):
            fetched_or_next = await self._one_hop(current, headers)
            if isinstance(fetched_or_next, Fetched):
                return fetched_or_next
            current = self._checked_url(str(fetched_or_next))
        raise FetchError(
            f"more than {self.max_redirects} redirects from {url}; not followed.", transient=False
        )

    def _checked_url(self, url: str) -> yarl.URL:
        """Return url parsed; raise FetchError unless it is http(s) with a host, on an allowed address if literal."""
        try:
            parsed = yarl.URL(url)
        except (ValueError, TypeError):
            raise FetchError(f"{url[:100]!r} is not a URL.", transient=False) from None
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise FetchError(f"only http(s) URLs can be fetched, not {url[:100]!r}.", transient=False)
        try:
            literal = ipaddress.ip_address(parsed.host.strip("[]"))
        except ValueError:
            return parsed  # a name: checked after resolution, by the connection's resolver
        if not self.allowed(literal):
            raise RefusedAddress(f"{literal} is a private or local address; not fetched.")
        return parsed

    async def _one_hop(self, url: yarl.URL, headers: dict[str, str]) -> Fetched | yarl.URL:
        """Request url once; return what it served, or the URL it redirects to."""
        host = url.host or ""
        async with self._host_locks.setdefault(host, asyncio.Lock()):
            await self._wait_for_host(host)
            try:
                async with self._client().get(url, headers=headers, allow_redirects=False) as response:
                    return await self._read(url, response)
            except FetchError:
                raise
            except TimeoutError:
                raise FetchError(f"{host} did not answer in time.", transient=True) from None
            except aiohttp.ClientConnectorError as exc:
                if isinstance(exc.os_error, RefusedAddress):
                    raise exc.os_error from None
                raise FetchError(f"cannot connect to {host} ({_reason(exc)}).", transient=True) from None
            except (aiohttp.ClientError, OSError) as exc:
                cause = exc.__cause__ or exc.__context__
                if isinstance(cause, RefusedAddress):
                    raise cause from None
                raise FetchError(f"fetching from {host} failed ({_reason(exc)}).", transient=True) from None
            finally:
                self._last_request[host] = self._clock()

    async def _wait_for_host(self, host: str) -> None:
        """Sleep until host_delay has passed since the last request to host."""
        last = self._last_request.get(host)
        if last is not None:
            remaining = self.host_delay - (self._clock() - last)
            if remaining > 0:
                await self._sleep(remaining)

    async def _read(self, url: yarl.URL, response: aiohttp.ClientResponse) -> Fetched | yarl.URL:
        """Return the response's body (bounded), or where it redirects to; raise FetchError for errors."""
        if response.status in _REDIRECTS:
            location = response.headers.get("Location")
            if not location:
                raise FetchError(f"{url} redirects without saying where to.", transient=False)
            return url.join(yarl.URL(location))
        if response.status == 304:
            return self._fetched(url, response, b"")
        if response.status != 200:
            transient = response.status >= 500 or response.status in (408, 429)
            raise FetchError(
                f"{url.host} answered {response.status} {response.reason or ''}".rstrip() + ".",
                transient=transient,
            )
        declared = response.content_length
        if declared is not None and declared > self.max_bytes:
            raise FetchError(self._too_large(url), transient=False)
        body = bytearray()
        async for chunk in response.content.iter_chunked(_CHUNK):
            body += chunk
            if len(body) > self.max_bytes:
                raise FetchError(self._too_large(url), transient=False)
        return self._fetched(url, response, bytes(body))

    def _too_large(self, url: yarl.URL) -> str:
        """Return the reason given for a body over the cap."""
        return f"{url} is larger than {self.max_bytes // 1024} KB, the limit; not stored."

    @staticmethod
    def _fetched(url: yarl.URL, response: aiohttp.ClientResponse, body: bytes) -> Fetched:
        """Return the Fetched for a response and its body."""
        return Fetched(
            url=str(url),
            status=response.status,
            body=body,
            content_type=response.content_type,
            charset=response.charset,
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )


def _reason(exc: BaseException) -> str:
    """Return an exception as a short phrase."""
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
