"""A local stand-in for Discord's REST API (v10) and gateway, for end-to-end tests.

Discord is unreachable from the test machines, so the e2e tests run the *real*
discord.py client against this aiohttp server on ``127.0.0.1`` (OS-chosen port).
The client is pointed at it by patching two class attributes::

    discord.http.Route.BASE = standin.base_url                  # REST, interaction callbacks, webhooks
    url = (await client.http.get_bot_gateway())[1]               # GET /gateway/bot -> standin.gateway_url
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)

Typical use::

    async with DiscordStandIn() as standin:
        ...  # log the bot in with standin.token, start bot.connect() as a task
        await standin.wait_until_ready()
        iid = await standin.send_interaction(standin.make_command_interaction("echo", {"text": "hi"}))
        response = await standin.wait_for_response(iid)
        assert response.callback_json["type"] == 4

Implemented
-----------
REST (everything below ``/api/v10``; every request, known or not, is appended to
:attr:`DiscordStandIn.requests` with its parsed JSON or multipart body):

* ``GET /users/@me``, ``GET /gateway``, ``GET /gateway/bot``,
  ``GET /oauth2/applications/@me``, ``GET /applications/@me``.
* ``PUT``/``GET /applications/{app}/commands`` and
  ``/applications/{app}/guilds/{guild}/commands`` (bulk overwrite). Every PUT payload
  is recorded in :attr:`DiscordStandIn.command_syncs`; commands keep their id across
  re-syncs (by type and name) like on Discord. Names, descriptions and option order
  are validated roughly like Discord does (400, code 50035 "Invalid Form Body").
* ``POST /interactions/{id}/{token}/callback`` (types 4, 5, 6, 7, 8, 9; answers the
  ``with_response`` variant with an ``InteractionCallbackResponse`` body including the
  created message resource). A second callback for the same interaction gets
  400/40060 "Interaction has already been acknowledged.", an unknown one 404/10062.
* ``POST /webhooks/{app}/{token}`` (followups, ``wait=true`` returns the message) and
  ``GET``/``PATCH``/``DELETE /webhooks/{app}/{token}/messages/{@original|id}``.
  Using the webhook before the interaction was acknowledged gets 404/10015.
* Message payloads are accepted as JSON or ``multipart/form-data`` (``payload_json``
  + ``files[n]``); file parts are recorded as :class:`FilePart` and turned into
  attachment objects. Messages are checked against Discord's main limits (empty
  message 50006; content 2000; 10 embeds; embed title/description/field/footer
  lengths and the 6000 total; 25 autocomplete choices).
* ``POST /channels/{channel}/messages`` (the text channel only; a reply to a mention command),
  recorded in :attr:`DiscordStandIn.channel_messages`; :meth:`DiscordStandIn.make_mention` builds
  the MESSAGE_CREATE of a member mentioning the bot.
* ``GET /attachments/{channel}/{id}/{filename}`` (outside ``/api/v10``, like Discord's CDN):
  the bytes of an attachment, streamed in 64 KiB chunks (``RecordedRequest.served`` counts the
  bytes written before the client stopped reading), whether the bot uploaded it or a test made it with
  :meth:`DiscordStandIn.make_attachment` (recorded with ``kind="cdn"``; unknown ones 404).
* Bot-authenticated routes require ``Authorization: Bot <token>`` (401 otherwise);
  interaction callbacks and webhook routes are authenticated by their token, as on
  Discord. Unknown routes answer 404 ``{"message": "404: Not Found", "code": 0}``.

Gateway (``/gateway``; READY's ``resume_gateway_url`` points at ``/gateway/resume`` so
tests can tell a RESUME connection from a fresh one):

* HELLO (configurable ``heartbeat_interval``), HEARTBEAT -> HEARTBEAT_ACK, IDENTIFY ->
  READY + GUILD_CREATE (one guild with one text channel, the @everyone role and the
  bot's own member), RESUME -> replay of every dispatch after ``seq`` + RESUMED, or
  INVALID_SESSION(false) when the session is unknown.
* Close codes: 4001 unknown opcode, 4002 decode error, 4003 not authenticated,
  4004 bad token, 4005 already authenticated, 4010 invalid shard, 4013 invalid
  intents, 4014 disallowed (privileged) intents.
* Dispatches sent while no connection is live are kept and replayed on RESUME (and
  lost on a new IDENTIFY), like Discord.
* Every payload received is recorded in :attr:`DiscordStandIn.gateway_received`, every
  payload sent in :attr:`DiscordStandIn.gateway_sent`.

Interactions are built with ``make_command_interaction`` (``attachments=`` fills
``data.resolved.attachments`` for attachment options), ``make_autocomplete_interaction``,
``make_component_interaction`` and ``make_modal_submit_interaction`` (type 5, the text
inputs' values by ``custom_id``).

Fault injection: :meth:`~DiscordStandIn.drop_connection`,
:meth:`~DiscordStandIn.close_connection`, :meth:`~DiscordStandIn.send_reconnect`,
:meth:`~DiscordStandIn.send_invalid_session`, :meth:`~DiscordStandIn.request_heartbeat`,
:meth:`~DiscordStandIn.stop_heartbeat_acks` / :meth:`~DiscordStandIn.resume_heartbeat_acks`,
:meth:`~DiscordStandIn.send_raw` (any text as a frame: malformed JSON, an array),
and a REST fault queue: :meth:`~DiscordStandIn.fail_next` / :meth:`~DiscordStandIn.rate_limit_next`.

Things discord.py insists on (easy to get wrong in a fake)
---------------------------------------------------------
* JSON answers must carry ``Content-Type: application/json`` *exactly*: ``json_or_text()``
  compares the header verbatim, so aiohttp's default ``; charset=utf-8`` makes every
  answer a plain string.
* A 429 is only retried if it has a ``Via`` header (else discord.py assumes a Cloudflare
  ban and raises); 500/502/504/524 are retried after ``1 + 2 * attempt`` seconds.
* Every interaction callback is sent with ``?with_response=1`` and the answer is parsed
  as ``InteractionCallbackResponse``: ``{"interaction": {...}, "resource": {...}}``.
* ``Interaction`` needs ``version``, ``token``, ``application_id`` and
  ``attachment_size_limit``; guild members need ``roles`` and ``flags``.
* discord.py sleeps 5 s before every non-initial IDENTIFY (``before_identify_hook``).

Deliberately not implemented
----------------------------
* No zlib/zstd transport compression and no ETF: every frame is a JSON text frame
  (discord.py accepts text frames uncompressed even when it asked for ``zlib-stream``).
* No real rate limiting: no buckets, no ``X-RateLimit-*`` headers on normal answers;
  429s only come from the fault queue.
* No gateway-side heartbeat enforcement (Discord closes silent clients), no
  identify rate limit / ``max_concurrency``; with ``shard_count`` > 1, each shard is a session of
  its own (IDENTIFY ``[id, shard_count]``, READY, the guild on the shard Discord's formula gives
  it), without RESUME or replay; interactions go to the shard of their guild (DMs: shard 0).
* No guild/channel/member/message REST routes other than the interaction webhooks and
  posting in the text channel,
  no permissions computation, no 15-minute interaction token expiry, no CDN.
* One guild, one text channel; no member chunking, presences or voice.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import re
import secrets
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import quote

from aiohttp import BodyPartReader, WSMsgType, web

__all__ = [
    "DiscordStandIn",
    "FilePart",
    "GatewayConnection",
    "GatewayFrame",
    "RecordedRequest",
    "Response",
]

T = TypeVar("T")

HOST = "127.0.0.1"
API_VERSION = 10
API_PREFIX = f"/api/v{API_VERSION}"
DISCORD_EPOCH_MS = 1_420_070_400_000

# Gateway opcodes.
OP_DISPATCH = 0
OP_HEARTBEAT = 1
OP_IDENTIFY = 2
OP_PRESENCE_UPDATE = 3
OP_VOICE_STATE_UPDATE = 4
OP_RESUME = 6
OP_RECONNECT = 7
OP_REQUEST_GUILD_MEMBERS = 8
OP_INVALID_SESSION = 9
OP_HELLO = 10
OP_HEARTBEAT_ACK = 11
OP_REQUEST_SOUNDBOARD_SOUNDS = 31
_ACCEPTED_SEND_OPS = {
    OP_PRESENCE_UPDATE,
    OP_VOICE_STATE_UPDATE,
    OP_REQUEST_GUILD_MEMBERS,
    OP_REQUEST_SOUNDBOARD_SOUNDS,
}

# Interaction types and callback types.
INTERACTION_PING = 1
INTERACTION_COMMAND = 2
INTERACTION_COMPONENT = 3
INTERACTION_AUTOCOMPLETE = 4
INTERACTION_MODAL_SUBMIT = 5
CALLBACK_CHANNEL_MESSAGE = 4
CALLBACK_DEFERRED_CHANNEL_MESSAGE = 5
CALLBACK_DEFERRED_UPDATE_MESSAGE = 6
CALLBACK_UPDATE_MESSAGE = 7
CALLBACK_AUTOCOMPLETE_RESULT = 8
CALLBACK_MODAL = 9
_ALLOWED_CALLBACKS = {
    INTERACTION_COMMAND: {4, 5, 9},
    INTERACTION_COMPONENT: {4, 5, 6, 7, 9},
    INTERACTION_AUTOCOMPLETE: {8},
    INTERACTION_MODAL_SUBMIT: {4, 5, 6, 7},
}
_DEFERRED_CALLBACKS = {CALLBACK_DEFERRED_CHANNEL_MESSAGE, CALLBACK_DEFERRED_UPDATE_MESSAGE}
_CDN_CHUNK = 64 * 1024

# Message flags.
FLAG_SUPPRESS_EMBEDS = 1 << 2
FLAG_EPHEMERAL = 1 << 6
FLAG_LOADING = 1 << 7
FLAG_SUPPRESS_NOTIFICATIONS = 1 << 12
FLAG_IS_COMPONENTS_V2 = 1 << 15
_SETTABLE_FLAGS = FLAG_SUPPRESS_EMBEDS | FLAG_EPHEMERAL | FLAG_SUPPRESS_NOTIFICATIONS | FLAG_IS_COMPONENTS_V2

MESSAGE_TYPE_DEFAULT = 0
MESSAGE_TYPE_CHAT_INPUT_COMMAND = 20

# GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT
PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15)
# The permissions Discord gives @everyone in a new guild.
DEFAULT_PERMISSIONS = "2248473465835073"
OPTION_TYPE_STRING = 3
OPTION_TYPE_INTEGER = 4
OPTION_TYPE_BOOLEAN = 5
OPTION_TYPE_NUMBER = 10
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024

_NAME_RE = re.compile(r"^[-_'\w]{1,32}$")


def _iso_now() -> str:
    return datetime.now(UTC).isoformat()


def _error(status: int, message: str, code: int = 0, errors: dict[str, Any] | None = None) -> tuple[int, Any]:
    body: dict[str, Any] = {"message": message, "code": code}
    if errors:
        body["errors"] = errors
    return status, body


class _FormErrors:
    """Collects Discord-style 400/50035 "Invalid Form Body" errors (nested by field path)."""

    def __init__(self) -> None:
        self.errors: dict[str, Any] = {}

    def add(self, path: Sequence[str | int], code: str, message: str) -> None:
        node = self.errors
        for part in path:
            node = node.setdefault(str(part), {})
        node.setdefault("_errors", []).append({"code": code, "message": message})

    def max_items(self, path: Sequence[str | int], items: Sequence[Any], limit: int) -> None:
        if len(items) > limit:
            self.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")

    def length(self, path: Sequence[str | int], text: Any, low: int, high: int) -> None:
        if not isinstance(text, str) or not low <= len(text) <= high:
            if low == 0:
                self.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {high} or fewer in length.")
            else:
                self.add(path, "BASE_TYPE_BAD_LENGTH", f"Must be between {low} and {high} in length.")

    def answer(self) -> tuple[int, Any] | None:
        return _error(400, "Invalid Form Body", 50035, self.errors) if self.errors else None

    @classmethod
    def single(cls, path: Sequence[str | int], code: str, message: str) -> tuple[int, Any]:
        form = cls()
        form.add(path, code, message)
        return _error(400, "Invalid Form Body", 50035, form.errors)


class _Snowflakes:
    """Unique, strictly increasing, timestamp-based snowflake strings."""

    def __init__(self) -> None:
        self._last = 0

    def __call__(self) -> str:
        candidate = ((int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22) | (1 << 17)
        self._last = max(candidate, self._last + 1)
        return str(self._last)


@dataclass(frozen=True)
class FilePart:
    """One uploaded file of a multipart request (``files[n]`` part)."""

    field: str
    filename: str | None
    content_type: str | None
    data: bytes


@dataclass
class RecordedRequest:
    """One REST request the stand-in received, with the answer it gave.

    ``path`` is relative to ``/api/v10`` (e.g. ``"/users/@me"``); ``json`` is the
    parsed JSON body, or the parsed ``payload_json`` part of a multipart body.
    ``kind`` classifies it: ``"rest"``, ``"callback"``, ``"followup"``,
    ``"get_message"``, ``"edit_message"``, ``"delete_message"`` or ``"unknown"``
    (no such route: 404). ``time`` is ``time.monotonic()`` at arrival.
    """

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    files: list[FilePart]
    time: float
    multipart: bool = False
    kind: str = "rest"
    status: int = 0
    response_json: Any = None
    fault_injected: bool = False
    interaction_id: str | None = None
    served: int = 0  # bytes of a CDN file written before the client finished or hung up (set at the end)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def __str__(self) -> str:
        return f"{self.method} {self.path} -> {self.status}"


@dataclass(frozen=True)
class GatewayFrame:
    """One gateway payload, sent or received, on connection number ``connection``."""

    connection: int
    op: int | None
    t: str | None
    s: int | None
    d: Any
    time: float


@dataclass
class GatewayConnection:
    """Bookkeeping for one websocket connection (``path`` is ``/gateway`` or ``/gateway/resume``).

    ``close_code`` is the code the stand-in closed with (1006 for :meth:`DiscordStandIn.drop_connection`),
    or else the one the client sent.
    """

    index: int
    path: str
    query: dict[str, str]
    opened_at: float
    closed_at: float | None = None
    close_code: int | None = None
    authenticated: bool = False
    resumed: bool = False
    dropped: bool = False
    heartbeats: int = 0
    _ws: web.WebSocketResponse | None = field(default=None, repr=False)
    _request: web.BaseRequest | None = field(default=None, repr=False)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)

    @property
    def open(self) -> bool:
        return self.closed_at is None


@dataclass
class Response:
    """Everything the bot sent back for one interaction, plus timing.

    ``sent_at`` is the ``time.monotonic()`` at which INTERACTION_CREATE was first
    written to a gateway socket; request times use the same clock.
    """

    interaction_id: str
    token: str
    interaction_type: int
    payload: dict[str, Any]
    sent_at: float | None = None
    requests: list[RecordedRequest] = field(default_factory=list)
    original_message_id: str | None = None

    def _ok(self, kind: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.kind == kind and r.ok]

    @property
    def callback(self) -> RecordedRequest | None:
        """The accepted (2xx) interaction callback request, if any."""
        ok = self._ok("callback")
        return ok[0] if ok else None

    @property
    def callback_json(self) -> Any:
        return self.callback.json if self.callback else None

    @property
    def callback_type(self) -> int | None:
        body = self.callback_json
        return body.get("type") if isinstance(body, dict) else None

    @property
    def deferred(self) -> bool:
        return self.callback_type in _DEFERRED_CALLBACKS

    @property
    def followups(self) -> list[RecordedRequest]:
        return self._ok("followup")

    @property
    def edits(self) -> list[RecordedRequest]:
        return self._ok("edit_message")

    @property
    def rejected(self) -> list[RecordedRequest]:
        """Requests for this interaction that got a non-2xx answer (errors and injected faults)."""
        return [r for r in self.requests if not r.ok]

    @property
    def files(self) -> list[FilePart]:
        return [f for r in self.requests if r.ok for f in r.files]

    @property
    def complete(self) -> bool:
        """True once the callback arrived and, for a deferral (5/6), the first followup or edit."""
        if self.callback is None:
            return False
        return not self.deferred or bool(self.followups or self.edits)

    @property
    def received_at(self) -> float | None:
        return self.callback.time if self.callback else None

    @property
    def completed_at(self) -> float | None:
        if not self.complete:
            return None
        if not self.deferred:
            return self.received_at
        return min(r.time for r in self.followups + self.edits)

    @property
    def final_request(self) -> RecordedRequest | None:
        """The request carrying the visible answer: the callback, or for deferrals the first followup/edit."""
        if not self.complete:
            return None
        if not self.deferred:
            return self.callback
        return min(self.followups + self.edits, key=lambda r: r.time)

    @property
    def final_message(self) -> Any:
        """The message data the user ends up seeing (callback ``data`` or the followup/edit body)."""
        request = self.final_request
        if request is None:
            return None
        if request.kind == "callback":
            return (request.json or {}).get("data")
        return request.json

    @property
    def ack_latency(self) -> float | None:
        if self.sent_at is None or self.received_at is None:
            return None
        return self.received_at - self.sent_at

    @property
    def latency(self) -> float | None:
        """Seconds from sending INTERACTION_CREATE to the complete answer."""
        if self.sent_at is None or self.completed_at is None:
            return None
        return self.completed_at - self.sent_at


@dataclass
class _Fault:
    substring: str
    method: str | None
    status: int
    body: Any
    headers: dict[str, str]
    remaining: int


_Handler = Callable[[RecordedRequest, dict[str, str]], Any]

_REASONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


class DiscordStandIn:
    """A fake Discord (REST v10 + gateway) for one bot, one guild and one text channel.

    Use as ``async with DiscordStandIn() as standin:`` or call :meth:`start` /
    :meth:`stop`. All ids are snowflake strings; pass your own to pin them.
    ``user_id`` (the default invoking user) defaults to the application owner.
    ``privileged_intents`` is the set of privileged intents "enabled in the
    developer portal": an IDENTIFY asking for others is closed with 4014.

    Recorded state (all lists in arrival order, times from ``time.monotonic()``):
    ``requests`` (:class:`RecordedRequest`), ``command_syncs`` (``(guild_id | None, payload)``),
    ``global_commands`` / ``guild_commands`` (what the GET routes return), ``interactions``
    (id -> :class:`Response`), ``messages`` (id -> message object created via interactions),
    ``connections`` (:class:`GatewayConnection`), ``gateway_received`` / ``gateway_sent``
    (:class:`GatewayFrame`), ``intents`` (of the last IDENTIFY), ``ready_count``,
    ``resumed_count`` and ``internal_errors`` (stand-in bugs, answered with a 500).
    """

    def __init__(
        self,
        *,
        token: str = "standin.bot.token",
        heartbeat_interval: int = 41250,
        application_id: str | None = None,
        bot_user_id: str | None = None,
        guild_id: str | None = None,
        channel_id: str | None = None,
        owner_id: str | None = None,
        user_id: str | None = None,
        bot_username: str = "briefbot",
        guild_name: str = "Stand-in Guild",
        channel_name: str = "general",
        application_flags: int = 0,
        privileged_intents: int = 0,
        shard_count: int = 1,
    ) -> None:
        self._snowflake = _Snowflakes()
        self.token = token
        self.heartbeat_interval = heartbeat_interval
        self.application_id = application_id or self._snowflake()
        self.bot_user_id = bot_user_id or self.application_id
        self.guild_id = guild_id or self._snowflake()
        self.channel_id = channel_id or self._snowflake()
        self.owner_id = owner_id or self._snowflake()
        self.user_id = user_id or self.owner_id
        self.bot_username = bot_username
        self.guild_name = guild_name
        self.channel_name = channel_name
        self.application_flags = application_flags
        self.privileged_intents = privileged_intents
        self.shard_count = shard_count
        self.shards: dict[int, tuple[GatewayConnection, list[int]]] = {}  # shard id -> (connection, [seq])

        self.port: int | None = None
        self.requests: list[RecordedRequest] = []
        self.command_syncs: list[tuple[str | None, Any]] = []
        self.global_commands: list[dict[str, Any]] = []
        self.guild_commands: dict[str, list[dict[str, Any]]] = {}
        self.messages: dict[str, dict[str, Any]] = {}
        self.connections: list[GatewayConnection] = []
        self.gateway_received: list[GatewayFrame] = []
        self.gateway_sent: list[GatewayFrame] = []
        self.interactions: dict[str, Response] = {}
        self.internal_errors: list[str] = []
        self.cdn_files: dict[str, tuple[bytes, str | None]] = {}  # URL path -> (bytes, content type)
        self.channel_messages: list[dict[str, Any]] = []  # messages the bot posted in the text channel
        self.intents: int | None = None
        self.ready_count = 0
        self.resumed_count = 0
        self.heartbeat_acks_enabled = True

        self._runner: web.AppRunner | None = None
        self._routes = self._build_routes()
        self._faults: list[_Fault] = []
        self._by_token: dict[str, Response] = {}
        self._command_ids: dict[tuple[str | None, int, str], str] = {}
        self._session_id: str | None = None
        self._seq = 0
        self._history: list[dict[str, Any]] = []
        self._active: GatewayConnection | None = None
        self._changed = asyncio.Event()

    # ------------------------------------------------------------------ lifecycle

    async def __aenter__(self) -> DiscordStandIn:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def start(self) -> None:
        """Start listening on 127.0.0.1 with an OS-chosen port."""
        if self._runner is not None:
            raise RuntimeError("stand-in already started")
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._handle_gateway)
        app.router.add_get("/gateway/resume", self._handle_gateway)
        app.router.add_get("/attachments/{tail:.*}", self._handle_cdn)
        app.router.add_route("*", "/{tail:.*}", self._handle_http)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await runner.setup()
        site = web.TCPSite(runner, HOST, 0)
        await site.start()
        self._runner = runner
        self.port = runner.addresses[0][1]

    async def stop(self) -> None:
        """Close every open gateway connection (code 1001) and shut the server down."""
        runner, self._runner = self._runner, None
        if runner is None:
            return
        self._active = None
        for conn in self.connections:
            if conn.open and conn._ws is not None and not conn._ws.closed:
                with contextlib.suppress(Exception):
                    await conn._ws.close(code=1001, message=b"stand-in shutting down")
        await runner.cleanup()

    @property
    def origin(self) -> str:
        if self.port is None:
            raise RuntimeError("stand-in not started")
        return f"http://{HOST}:{self.port}"

    @property
    def base_url(self) -> str:
        """Value for ``discord.http.Route.BASE``."""
        return self.origin + API_PREFIX

    @property
    def gateway_url(self) -> str:
        """What ``GET /gateway/bot`` returns as ``url``."""
        return f"ws://{HOST}:{self.port}/gateway"

    @property
    def resume_gateway_url(self) -> str:
        """What READY returns as ``resume_gateway_url``."""
        return f"ws://{HOST}:{self.port}/gateway/resume"

    # ------------------------------------------------------------------ waiting

    def _notify(self) -> None:
        event, self._changed = self._changed, asyncio.Event()
        event.set()

    async def wait_for(self, predicate: Callable[[], T], timeout: float = 5.0, what: str = "condition") -> T:
        """Wait until ``predicate()`` is truthy (re-checked whenever the stand-in records something)."""
        try:
            async with asyncio.timeout(timeout):
                while True:
                    event = self._changed
                    result = predicate()
                    if result:
                        return result
                    await event.wait()
        except TimeoutError:
            recent = ", ".join(str(r) for r in self.requests[-8:]) or "none"
            raise TimeoutError(f"stand-in: no {what} within {timeout}s (recent requests: {recent})") from None

    async def wait_until_ready(self, timeout: float = 5.0, *, count: int = 1) -> None:
        """Wait until READY + GUILD_CREATE were sent after ``count`` successful IDENTIFYs in total."""
        await self.wait_for(lambda: self.ready_count >= count, timeout, f"READY #{count}")

    async def wait_for_resume(self, timeout: float = 5.0, *, count: int = 1) -> None:
        """Wait until ``count`` RESUMEs in total were accepted (replay + RESUMED sent)."""
        await self.wait_for(lambda: self.resumed_count >= count, timeout, f"RESUMED #{count}")

    async def wait_for_sync(self, timeout: float = 5.0, *, count: int = 1) -> tuple[str | None, Any]:
        """Wait until ``count`` command syncs (bulk PUTs) were recorded; return the ``count``-th one."""
        await self.wait_for(lambda: len(self.command_syncs) >= count, timeout, f"command sync #{count}")
        return self.command_syncs[count - 1]

    async def wait_for_response(self, interaction_id: str, timeout: float = 5.0) -> Response:
        """Wait until the interaction is answered (callback, plus first followup/edit after a deferral)."""
        record = self._interaction(interaction_id)
        try:
            await self.wait_for(lambda: record.complete, timeout, f"answer to interaction {interaction_id}")
        except TimeoutError as exc:
            rejected = ", ".join(f"{r} {r.response_json}" for r in record.rejected) or "none"
            raise TimeoutError(f"{exc}; rejected attempts: {rejected}") from None
        return record

    def responses_for(self, interaction_id: str) -> list[RecordedRequest]:
        """Every request (any status) the bot made for this interaction, in arrival order."""
        return list(self._interaction(interaction_id).requests)

    def _interaction(self, interaction_id: str) -> Response:
        try:
            return self.interactions[str(interaction_id)]
        except KeyError:
            raise KeyError(
                f"unknown interaction {interaction_id}; build it with make_*_interaction()"
            ) from None

    # ------------------------------------------------------------------ inspection helpers

    def find_requests(self, method: str | None = None, path: str | None = None) -> list[RecordedRequest]:
        """Recorded requests filtered by exact method and by path substring."""
        return [
            r
            for r in self.requests
            if (method is None or r.method == method.upper()) and (path is None or path in r.path)
        ]

    @property
    def unexpected_requests(self) -> list[RecordedRequest]:
        """Requests to routes the stand-in does not know (answered 404)."""
        return [r for r in self.requests if r.kind == "unknown"]

    @property
    def identify_payloads(self) -> list[dict[str, Any]]:
        return [f.d for f in self.gateway_received if f.op == OP_IDENTIFY]

    @property
    def resume_payloads(self) -> list[dict[str, Any]]:
        return [f.d for f in self.gateway_received if f.op == OP_RESUME]

    @property
    def session_id(self) -> str | None:
        return self._session_id

    @property
    def sequence(self) -> int:
        return self._seq

    @property
    def connected(self) -> bool:
        """True while an identified/resumed connection is live."""
        return self._active is not None and self._active.open

    # ------------------------------------------------------------------ static payloads

    def bot_user(self) -> dict[str, Any]:
        return {
            "id": self.bot_user_id,
            "username": self.bot_username,
            "global_name": None,
            "discriminator": "0",
            "avatar": None,
            "bot": True,
            "system": False,
            "public_flags": 0,
            "flags": 0,
            "banner": None,
            "accent_color": None,
            "avatar_decoration_data": None,
            "collectibles": None,
            "primary_guild": None,
            "verified": True,
            "mfa_enabled": False,
            "locale": "en-US",
            "email": None,
            "bio": "",
        }

    def user(self, user_id: str | None = None) -> dict[str, Any]:
        """A (non-bot) user object; the default user is the application owner."""
        user_id = user_id or self.user_id
        return {
            "id": user_id,
            "username": f"user{user_id[-4:]}",
            "global_name": f"User {user_id[-4:]}",
            "discriminator": "0",
            "avatar": None,
            "public_flags": 0,
            "avatar_decoration_data": None,
            "collectibles": None,
            "primary_guild": None,
        }

    def application(self) -> dict[str, Any]:
        return {
            "id": self.application_id,
            "name": self.bot_username,
            "icon": None,
            "description": "",
            "summary": "",
            "type": None,
            "hook": True,
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "flags": self.application_flags,
            "owner": self.user(self.owner_id),
            "team": None,
            "bot": self.bot_user(),
            "redirect_uris": [],
            "interactions_endpoint_url": None,
            "role_connections_verification_url": None,
            "tags": [],
            "approximate_guild_count": 1,
            "integration_types_config": {"0": {}},
            "is_monetized": False,
        }

    def text_channel(self) -> dict[str, Any]:
        return {
            "id": self.channel_id,
            "type": 0,
            "guild_id": self.guild_id,
            "name": self.channel_name,
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "topic": None,
            "last_message_id": None,
            "parent_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }

    def _member(self, user: dict[str, Any], permissions: str | None = None) -> dict[str, Any]:
        member = {
            "user": user,
            "roles": [],
            "nick": None,
            "avatar": None,
            "banner": None,
            "joined_at": "2024-01-01T00:00:00+00:00",
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": None,
        }
        if permissions is not None:
            member["permissions"] = permissions
        return member

    def guild_create(self) -> dict[str, Any]:
        """The GUILD_CREATE payload (roughly what Discord sends without privileged intents)."""
        everyone = {
            "id": self.guild_id,
            "name": "@everyone",
            "permissions": DEFAULT_PERMISSIONS,
            "position": 0,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "icon": None,
            "unicode_emoji": None,
            "flags": 0,
        }
        return {
            "id": self.guild_id,
            "name": self.guild_name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": self.owner_id,
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "premium_progress_bar_enabled": False,
            "preferred_locale": "en-US",
            "features": [],
            "application_id": None,
            "system_channel_id": self.channel_id,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "vanity_url_code": None,
            "max_members": 500000,
            "max_video_channel_users": 25,
            "max_stage_video_channel_users": 50,
            "incidents_data": None,
            "joined_at": "2024-01-01T00:00:00+00:00",
            "large": False,
            "lazy": True,
            "unavailable": False,
            "member_count": 2,
            "roles": [everyone],
            "emojis": [],
            "stickers": [],
            "channels": [self.text_channel()],
            "threads": [],
            "members": [self._member(self.bot_user())],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "embedded_activities": [],
        }

    # ------------------------------------------------------------------ interaction builders

    def _find_command(
        self, name: str, command_type: int, guild: bool | str
    ) -> tuple[dict[str, Any] | None, bool]:
        if guild:
            for command in self.guild_commands.get(self.guild_id, []):
                if command["name"] == name and command.get("type", 1) == command_type:
                    return command, True
        for command in self.global_commands:
            if command["name"] == name and command.get("type", 1) == command_type:
                return command, False
        return None, False

    @staticmethod
    def _infer_option_type(value: Any) -> int:
        if isinstance(value, bool):
            return OPTION_TYPE_BOOLEAN
        if isinstance(value, int):
            return OPTION_TYPE_INTEGER
        if isinstance(value, float):
            return OPTION_TYPE_NUMBER
        return OPTION_TYPE_STRING

    def _build_options(
        self, command: dict[str, Any] | None, options: Mapping[str, Any] | Sequence[dict[str, Any]] | None
    ) -> list[dict[str, Any]]:
        if options is None:
            return []
        if not isinstance(options, Mapping):
            return [dict(option) for option in options]
        declared = {o["name"]: o for o in (command or {}).get("options", []) if isinstance(o, dict)}
        built = []
        for name, value in options.items():
            option_type = declared.get(name, {}).get("type") or self._infer_option_type(value)
            built.append({"name": name, "type": option_type, "value": value})
        return built

    def _base_interaction(
        self,
        interaction_type: int,
        data: dict[str, Any],
        *,
        user_id: str | None,
        permissions: str,
        guild: bool | str,
        locale: str,
    ) -> dict[str, Any]:
        interaction_id = self._snowflake()
        guild_id = guild if isinstance(guild, str) else self.guild_id  # another server: its id
        payload: dict[str, Any] = {
            "id": interaction_id,
            "application_id": self.application_id,
            "type": interaction_type,
            "data": data,
            "token": f"standin-itoken-{interaction_id}-{secrets.token_urlsafe(16)}",
            "version": 1,
            "app_permissions": DEFAULT_PERMISSIONS,
            "locale": locale,
            "entitlements": [],
            "entitlement_sku_ids": [],
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
        }
        user = self.user(user_id)
        if guild:
            channel = self.text_channel()
            channel["permissions"] = permissions
            channel["guild_id"] = guild_id
            payload.update(
                guild_id=guild_id,
                guild={"id": guild_id, "locale": "en-US", "features": []},
                guild_locale="en-US",
                channel_id=self.channel_id,
                channel=channel,
                member=self._member(user, permissions),
                authorizing_integration_owners={"0": guild_id},
                context=0,
            )
        else:
            dm_channel_id = self._snowflake()
            payload.update(
                channel_id=dm_channel_id,
                channel={
                    "id": dm_channel_id,
                    "type": 1,
                    "last_message_id": None,
                    "flags": 0,
                    "recipients": [user],
                },
                user=user,
                authorizing_integration_owners={"0": "0"},
                context=1,
            )
        self._register_interaction(payload)
        return payload

    def _register_interaction(self, payload: dict[str, Any]) -> Response:
        interaction_id = str(payload["id"])
        record = self.interactions.get(interaction_id)
        if record is None:
            record = Response(
                interaction_id=interaction_id,
                token=payload["token"],
                interaction_type=payload["type"],
                payload=payload,
            )
            self.interactions[interaction_id] = record
            self._by_token[record.token] = record
        return record

    def make_command_interaction(
        self,
        name: str,
        options: Mapping[str, Any] | Sequence[dict[str, Any]] | None = None,
        *,
        user_id: str | None = None,
        permissions: str = DEFAULT_PERMISSIONS,
        guild: bool | str = True,
        locale: str = "en-US",
        attachments: Sequence[dict[str, Any]] = (),
    ) -> dict[str, Any]:
        """Build an INTERACTION_CREATE payload for the chat-input command ``/name``.

        ``options`` maps option name to value; option types come from the synced
        command when known, else from the Python type (str -> STRING 3, int -> 4,
        bool -> 5, float -> 10). Pass a list of raw option dicts for subcommands.
        ``guild=False`` builds a bot-DM interaction (``user`` instead of ``member``); a string
        builds one from that other server (the bot installed there too; only the id differs).
        ``attachments`` (from :meth:`make_attachment`) go into ``data.resolved.attachments``;
        an attachment option's value is the attachment's ``id``.
        """
        command, is_guild_command = self._find_command(name, 1, guild)
        data: dict[str, Any] = {
            "id": command["id"] if command else self._snowflake(),
            "name": name,
            "type": 1,
        }
        built = self._build_options(command, options)
        if built:
            data["options"] = built
        if is_guild_command:
            data["guild_id"] = guild if isinstance(guild, str) else self.guild_id
        if attachments:
            data["resolved"] = {"attachments": {a["id"]: copy.deepcopy(a) for a in attachments}}
        return self._base_interaction(
            INTERACTION_COMMAND, data, user_id=user_id, permissions=permissions, guild=guild, locale=locale
        )

    def make_autocomplete_interaction(
        self,
        name: str,
        options: Mapping[str, Any] | None,
        focused: str,
        *,
        user_id: str | None = None,
        permissions: str = DEFAULT_PERMISSIONS,
        guild: bool | str = True,
        locale: str = "en-US",
    ) -> dict[str, Any]:
        """Build an autocomplete interaction (type 4); option ``focused`` gets ``"focused": true``."""
        values = dict(options or {})
        values.setdefault(focused, "")
        payload = self.make_command_interaction(
            name, values, user_id=user_id, permissions=permissions, guild=guild, locale=locale
        )
        payload["type"] = INTERACTION_AUTOCOMPLETE
        self.interactions[payload["id"]].interaction_type = INTERACTION_AUTOCOMPLETE
        for option in payload["data"].get("options", []):
            if option["name"] == focused:
                option["focused"] = True
                option["value"] = str(option["value"])
        return payload

    def make_component_interaction(
        self,
        custom_id: str,
        message_id: str,
        *,
        component_type: int = 2,
        values: Sequence[str] | None = None,
        user_id: str | None = None,
        permissions: str = DEFAULT_PERMISSIONS,
        guild: bool | str = True,
        locale: str = "en-US",
    ) -> dict[str, Any]:
        """Build a component interaction (type 3; default a button, component_type 2) on ``message_id``.

        The attached ``message`` is the stand-in's stored copy when the bot created it
        (e.g. ``Response.original_message_id``), so discord.py finds the view it stored.
        """
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = list(values)
        payload = self._base_interaction(
            INTERACTION_COMPONENT, data, user_id=user_id, permissions=permissions, guild=guild, locale=locale
        )
        message = self.messages.get(str(message_id))
        if message is None:  # a message the stand-in never saw: synthesize one from the bot
            message = self._new_message({"content": ""}, [], message_type=MESSAGE_TYPE_DEFAULT)
            del self.messages[message["id"]]
            message["id"] = str(message_id)
        payload["message"] = copy.deepcopy(message)
        return payload

    def make_modal_submit_interaction(
        self,
        custom_id: str,
        values: Mapping[str, str],
        *,
        message_id: str | None = None,
        user_id: str | None = None,
        permissions: str = DEFAULT_PERMISSIONS,
        guild: bool | str = True,
        locale: str = "en-US",
    ) -> dict[str, Any]:
        """Build a modal submit interaction (type 5) for the modal ``custom_id``.

        ``values`` maps each text input's ``custom_id`` to the text typed; each input is
        sent in its own action row, as Discord does for modals built from action rows.
        discord.py finds the modal it sent by (user, ``custom_id``), so submit as the
        user who got the modal. ``message_id`` attaches that message (a modal opened
        from a component).
        """
        data: dict[str, Any] = {
            "custom_id": custom_id,
            "components": [
                {"type": 1, "components": [{"type": 4, "custom_id": input_id, "value": value}]}
                for input_id, value in values.items()
            ],
        }
        payload = self._base_interaction(
            INTERACTION_MODAL_SUBMIT,
            data,
            user_id=user_id,
            permissions=permissions,
            guild=guild,
            locale=locale,
        )
        if message_id is not None and str(message_id) in self.messages:
            payload["message"] = copy.deepcopy(self.messages[str(message_id)])
        return payload

    def make_attachment(
        self, filename: str, data: bytes, content_type: str | None = "text/plain; charset=utf-8"
    ) -> dict[str, Any]:
        """Return an attachment object for ``data`` (as a user upload); its ``url`` serves the bytes."""
        return self._attachment(FilePart("files[0]", filename, content_type, bytes(data)), None, None)

    # ------------------------------------------------------------------ gateway: public controls

    async def send_interaction(self, payload: dict[str, Any]) -> str:
        """Dispatch INTERACTION_CREATE and return the interaction id.

        Without a live connection the event is queued and replayed on RESUME. Raises
        RuntimeError when there is no session at all (before the first IDENTIFY or
        after a non-resumable INVALID_SESSION).
        """
        if self.shard_count > 1:
            return await self._send_to_shard(payload)
        if self._session_id is None:
            raise RuntimeError("no gateway session yet: await wait_until_ready() first")
        self._register_interaction(payload)
        await self.dispatch("INTERACTION_CREATE", payload)
        return str(payload["id"])

    def shard_of(self, guild_id: str | None) -> int:
        """Return the shard a guild's events go to (Discord's formula); DMs go to shard 0."""
        return (int(guild_id) >> 22) % self.shard_count if guild_id else 0

    async def _send_to_shard(self, payload: dict[str, Any]) -> str:
        """Dispatch INTERACTION_CREATE on the connection of its guild's shard; raise if that shard is not connected."""
        shard = self.shard_of(payload.get("guild_id"))
        if shard not in self.shards or not self.shards[shard][0].open:
            raise RuntimeError(f"shard {shard} is not connected")
        conn, seq = self.shards[shard]
        self._register_interaction(payload)
        seq[0] += 1
        await self._send(conn, {"t": "INTERACTION_CREATE", "s": seq[0], "op": OP_DISPATCH, "d": payload})
        return str(payload["id"])

    async def dispatch(self, event: str, data: Any) -> dict[str, Any]:
        """Send an arbitrary dispatch (op 0) in the current session; returns the payload with its ``s``."""
        self._seq += 1
        payload = {"t": event, "s": self._seq, "op": OP_DISPATCH, "d": data}
        self._history.append(payload)
        if self._active is not None:
            await self._send(self._active, payload)
        return payload

    async def send_raw(self, text: str) -> bool:
        """Send text as one frame on the live connection, as is (a malformed frame, for fault tests)."""
        conn = self._active
        if conn is None or conn._ws is None or conn._ws.closed:
            return False
        async with conn._lock:
            await conn._ws.send_str(text)
        return True

    async def drop_connection(self) -> bool:
        """Abort the live connection's TCP socket: no close frame (the client sees 1006)."""
        conn, self._active = self._active, None
        if conn is None or conn._request is None or conn._request.transport is None:
            return False
        conn.dropped = True
        conn.close_code = 1006
        conn._request.transport.abort()
        return True

    async def close_connection(self, code: int = 4000, reason: str = "") -> bool:
        """Close the live connection with a close frame carrying ``code`` (4000 is resumable)."""
        conn = self._active
        if conn is None:
            return False
        await self._close(conn, code, reason)
        return True

    async def send_reconnect(self) -> bool:
        """Send op 7 RECONNECT; later dispatches wait for the client's RESUME."""
        conn, self._active = self._active, None
        if conn is None:
            return False
        return await self._send(conn, {"t": None, "s": None, "op": OP_RECONNECT, "d": None})

    async def send_invalid_session(self, resumable: bool) -> bool:
        """Send op 9 INVALID_SESSION; with ``resumable=False`` the session is forgotten too."""
        conn, self._active = self._active, None
        if not resumable:
            self._session_id = None
        if conn is None:
            return False
        return await self._send(conn, {"t": None, "s": None, "op": OP_INVALID_SESSION, "d": resumable})

    async def request_heartbeat(self) -> bool:
        """Send op 1 (the gateway asking for an immediate heartbeat)."""
        if self._active is None:
            return False
        return await self._send(self._active, {"t": None, "s": None, "op": OP_HEARTBEAT, "d": None})

    def stop_heartbeat_acks(self) -> None:
        """Stop answering heartbeats (a zombie connection, as far as the client can tell)."""
        self.heartbeat_acks_enabled = False

    def resume_heartbeat_acks(self) -> None:
        self.heartbeat_acks_enabled = True

    # ------------------------------------------------------------------ REST: fault queue

    def fail_next(
        self,
        route_substring: str,
        status: int = 500,
        json_body: Any = None,
        headers: Mapping[str, str] | None = None,
        *,
        method: str | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` requests whose ``"METHOD /path"`` contains ``route_substring``.

        The path is relative to /api/v10, e.g. ``fail_next("/callback", 500)`` or
        ``fail_next("PUT /applications/", 503)``. The default body is Discord's generic
        ``{"message": "500: Internal Server Error", "code": 0}``. For 429s prefer
        :meth:`rate_limit_next`: discord.py only retries a 429 that carries a ``Via``
        header (otherwise it assumes a Cloudflare ban and raises).
        """
        if json_body is None:
            json_body = {"message": f"{status}: {_REASONS.get(status, 'Error')}", "code": 0}
        self._faults.append(
            _Fault(
                substring=route_substring,
                method=method.upper() if method else None,
                status=status,
                body=json_body,
                headers=dict(headers or {}),
                remaining=times,
            )
        )

    def rate_limit_next(
        self,
        route_substring: str,
        retry_after: float = 0.2,
        *,
        is_global: bool = False,
        method: str | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next matching request(s) with a realistic 429 (body, Retry-After, X-RateLimit-*, Via).

        discord.py sleeps ``retry_after`` and retries; ``X-RateLimit-Remaining`` is 0.
        """
        body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": is_global}
        headers = {
            "Retry-After": f"{retry_after:g}",
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": f"{time.time() + retry_after:.3f}",
            "X-RateLimit-Reset-After": f"{retry_after:.3f}",
            "X-RateLimit-Bucket": "standin" + secrets.token_hex(8),
            "X-RateLimit-Scope": "global" if is_global else "user",
            "Via": "1.1 google",
        }
        if is_global:
            headers["X-RateLimit-Global"] = "true"
        self.fail_next(route_substring, 429, body, headers, method=method, times=times)

    def _take_fault(self, method: str, path: str) -> _Fault | None:
        key = f"{method} {path}"
        for fault in self._faults:
            if (fault.method is None or fault.method == method) and fault.substring in key:
                fault.remaining -= 1
                if fault.remaining <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    # ------------------------------------------------------------------ REST: plumbing

    def _build_routes(self) -> list[tuple[str, re.Pattern[str], _Handler, bool]]:
        snowflake = r"(?P<{}>\d+)"
        app = snowflake.format("app_id")
        guild = snowflake.format("guild_id")
        token = r"(?P<token>[^/]+)"
        message = r"(?P<message_id>@original|\d+)"
        table: list[tuple[str, str, _Handler, bool]] = [
            ("GET", "/users/@me", self._h_users_me, True),
            ("GET", "/gateway", self._h_gateway, False),
            ("GET", "/gateway/bot", self._h_gateway_bot, True),
            ("GET", "/oauth2/applications/@me", self._h_application, True),
            ("GET", "/applications/@me", self._h_application, True),
            ("GET", f"/applications/{app}/commands", self._h_get_commands, True),
            ("PUT", f"/applications/{app}/commands", self._h_put_commands, True),
            ("GET", f"/applications/{app}/guilds/{guild}/commands", self._h_get_commands, True),
            ("PUT", f"/applications/{app}/guilds/{guild}/commands", self._h_put_commands, True),
            ("POST", rf"/interactions/(?P<interaction_id>\d+)/{token}/callback", self._h_callback, False),
            ("POST", f"/webhooks/{app}/{token}", self._h_followup, False),
            ("GET", f"/webhooks/{app}/{token}/messages/{message}", self._h_get_message, False),
            ("PATCH", f"/webhooks/{app}/{token}/messages/{message}", self._h_edit_message, False),
            ("DELETE", f"/webhooks/{app}/{token}/messages/{message}", self._h_delete_message, False),
            ("POST", r"/channels/(?P<channel_id>\d+)/messages", self._h_channel_message, True),
        ]
        return [
            (method, re.compile(pattern + "$"), handler, auth) for method, pattern, handler, auth in table
        ]

    async def _read_body(self, request: web.Request, record: RecordedRequest) -> tuple[int, Any] | None:
        """Fill ``record.json``/``record.files``; returns an error answer for unparsable bodies."""
        if not request.can_read_body:
            return None
        if request.content_type == "multipart/form-data":
            record.multipart = True
            reader = await request.multipart()
            while (part := await reader.next()) is not None:
                if not isinstance(part, BodyPartReader):  # nested multipart: not used by Discord
                    continue
                raw = await part.read()
                if part.name == "payload_json":
                    try:
                        record.json = json.loads(raw)
                    except ValueError:
                        return _error(400, "The request body contains invalid JSON.", 50109)
                else:
                    record.files.append(
                        FilePart(
                            field=part.name or "",
                            filename=part.filename,
                            content_type=part.headers.get("Content-Type"),
                            data=bytes(raw),
                        )
                    )
            return None
        raw = await request.read()
        if not raw:
            return None
        try:
            record.json = json.loads(raw)
        except ValueError:
            return _error(400, "The request body contains invalid JSON.", 50109)
        return None

    async def _handle_http(self, request: web.Request) -> web.StreamResponse:
        full_path = request.path
        path = full_path[len(API_PREFIX) :] if full_path.startswith(API_PREFIX + "/") else full_path
        record = RecordedRequest(
            method=request.method,
            path=path,
            query=dict(request.query),
            headers={
                k: v for k, v in request.headers.items() if k.lower() in {"authorization", "content-type"}
            },
            json=None,
            files=[],
            time=time.monotonic(),
        )
        self.requests.append(record)
        headers: dict[str, str] = {}
        try:
            status, body, headers = await self._route(
                request, record, is_api=full_path.startswith(API_PREFIX + "/")
            )
        except Exception as exc:  # a stand-in bug must show up as a loud 500, not a hang
            self.internal_errors.append(f"{record.method} {record.path}: {exc!r}")
            status, body = _error(500, f"stand-in error: {exc!r}")
        record.status = status
        record.response_json = body
        self._notify()
        if status == 204 or body is None:
            return web.Response(status=status, headers=headers)
        # Exactly "application/json" (no charset), as Discord sends it: discord.py's json_or_text()
        # compares the header verbatim and would otherwise hand the raw text to its parsers.
        return web.Response(
            body=json.dumps(body).encode(),
            status=status,
            headers={**headers, "Content-Type": "application/json"},
        )

    async def _handle_cdn(self, request: web.Request) -> web.StreamResponse:
        """Serve an attachment's bytes (Discord's CDN): recorded with kind ``"cdn"``."""
        record = RecordedRequest(
            method=request.method,
            path=request.raw_path.split("?", 1)[0],
            query=dict(request.query),
            headers={},
            json=None,
            files=[],
            time=time.monotonic(),
            kind="cdn",
        )
        self.requests.append(record)
        fault = self._take_fault(record.method, record.path)
        stored = self.cdn_files.get(record.path)
        if fault is not None:
            record.fault_injected = True
            record.status, record.response_json = fault.status, fault.body
            response = web.json_response(fault.body, status=fault.status, headers=fault.headers)
        elif stored is None:
            record.status, record.response_json = 404, {"message": "404: Not Found", "code": 0}
            response = web.json_response(record.response_json, status=404)
        else:
            self._notify()
            return await self._stream_cdn_file(request, record, *stored)
        self._notify()
        return response

    async def _stream_cdn_file(
        self, request: web.Request, record: RecordedRequest, data: bytes, content_type: str | None
    ) -> web.StreamResponse:
        """Write a file in chunks, counting in ``record.served`` what went out before the client stopped reading."""
        record.status = 200
        response = web.StreamResponse(
            status=200, headers={"Content-Type": content_type or "application/octet-stream"}
        )
        response.content_length = len(data)
        await response.prepare(request)
        served = 0
        try:
            for start in range(0, len(data), _CDN_CHUNK):
                await response.write(data[start : start + _CDN_CHUNK])
                served = min(len(data), start + _CDN_CHUNK)
            await response.write_eof()
        except (ConnectionError, RuntimeError):  # the client hung up: a capped download stops here
            pass
        finally:
            record.served = served  # set once, when the response is over
            self._notify()
        return response

    async def _route(
        self, request: web.Request, record: RecordedRequest, *, is_api: bool
    ) -> tuple[int, Any, dict[str, str]]:
        matched = None
        path_known = False
        if is_api:
            for method, pattern, handler, needs_auth in self._routes:
                match = pattern.match(record.path)
                if match:
                    path_known = True
                    if method == record.method:
                        matched = (handler, match.groupdict(), needs_auth)
                        break
        if matched is not None:
            record.kind = {
                self._h_callback: "callback",
                self._h_followup: "followup",
                self._h_get_message: "get_message",
                self._h_edit_message: "edit_message",
                self._h_delete_message: "delete_message",
            }.get(matched[0], "rest")
            self._attach_to_interaction(record, matched[1])
        else:
            record.kind = "unknown" if not path_known else "rest"
        body_error = await self._read_body(request, record)
        fault = self._take_fault(record.method, record.path)
        if fault is not None:
            record.fault_injected = True
            return fault.status, fault.body, fault.headers
        if matched is None:
            if path_known:
                return (*_error(405, "405: Method Not Allowed"), {})
            return (*_error(404, "404: Not Found"), {})
        handler, params, needs_auth = matched
        if needs_auth and request.headers.get("Authorization") != f"Bot {self.token}":
            return (*_error(401, "401: Unauthorized"), {})
        if body_error is not None:
            return (*body_error, {})
        status, body = await handler(record, params)
        return status, body, {}

    def _attach_to_interaction(self, record: RecordedRequest, params: dict[str, str]) -> None:
        interaction: Response | None = None
        if "interaction_id" in params:
            interaction = self.interactions.get(params["interaction_id"])
        elif "token" in params:
            interaction = self._by_token.get(params["token"])
        if interaction is not None:
            record.interaction_id = interaction.interaction_id
            interaction.requests.append(record)

    # ------------------------------------------------------------------ REST: handlers

    async def _h_users_me(self, record: RecordedRequest, params: dict[str, str]) -> tuple[int, Any]:
        return 200, self.bot_user()

    async def _h_gateway(self, record: RecordedRequest, params: dict[str, str]) -> tuple[int, Any]:
        return 200, {"url": self.gateway_url}

    async def _h_gateway_bot(self, record: RecordedRequest, params: dict[str, str]) -> tuple[int, Any]:
        return 200, {
            "url": self.gateway_url,
            "shards": 1,
            "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1},
        }

    async def _h_application(self, record: RecordedRequest, params: dict[str, str]) -> tuple[int, Any]:
        return 200, self.application()

    def _check_app_and_guild(self, params: dict[str, str]) -> tuple[int, Any] | None:
        if params.get("app_id", self.application_id) != self.application_id:
            return _error(404, "Unknown Application", 10002)
        if params.get("guild_id", self.guild_id) != self.guild_id:
            return _error(403, "Missing Access", 50001)
        return None

    async def _h_get_commands(self, record: RecordedRequest, params: dict[str, str]) -> tuple[int, Any]:
        if (problem := self._check_app_and_guild(params)) is not None:
            return problem
        guild_id = params.get("guild_id")
        commands = self.guild_commands.get(guild_id, []) if guild_id else self.global_commands
        return 200, copy.deepcopy(commands)

    async def _h_put_commands(self, record: RecordedRequest, params: dict[str, str]) -> tuple[int, Any]:
        if (problem := self._check_app_and_guild(params)) is not None:
            return problem
        guild_id = params.get("guild_id")
        payload = record.json
        self.command_syncs.append((guild_id, copy.deepcopy(payload)))
        if not isinstance(payload, list):
            return _FormErrors.single([], "LIST_TYPE_CONVERT", "Must be an array.")
        form = _FormErrors()
        self._validate_commands(form, payload)
        if (problem := form.answer()) is not None:
            return problem
        commands = [self._normalize_command(command, guild_id) for command in payload]
        if guild_id:
            self.guild_commands[guild_id] = commands
        else:
            self.global_commands = commands
        return 200, copy.deepcopy(commands)

    @staticmethod
    def _validate_names(
        form: _FormErrors, item: dict[str, Any], path: list[str | int], chat_input: bool
    ) -> None:
        name = item.get("name")
        if not isinstance(name, str) or not _NAME_RE.match(name) or (chat_input and name != name.lower()):
            form.add([*path, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
        if chat_input:
            form.length([*path, "description"], item.get("description"), 1, 100)

    def _validate_commands(self, form: _FormErrors, payload: list[Any]) -> None:
        form.max_items([], payload, 100)
        seen: set[tuple[int, str]] = set()
        for index, command in enumerate(payload):
            if not isinstance(command, dict):
                form.add([index], "DICT_TYPE_CONVERT", "Only dictionaries may be used.")
                continue
            command_type = command.get("type", 1)
            self._validate_names(form, command, [index], command_type == 1)
            key = (command_type, str(command.get("name")))
            if key in seen:
                form.add(
                    [index, "name"],
                    "APPLICATION_COMMANDS_DUPLICATE_NAME",
                    "Application command names must be unique",
                )
            seen.add(key)
            self._validate_options(form, command.get("options") or [], [index, "options"])

    def _validate_options(self, form: _FormErrors, options: list[Any], path: list[str | int]) -> None:
        form.max_items(path, options, 25)
        seen_optional = False
        for index, option in enumerate(options):
            if not isinstance(option, dict):
                continue
            here = [*path, index]
            self._validate_names(form, option, here, True)
            if option.get("type") in (1, 2):  # subcommand / group
                self._validate_options(form, option.get("options") or [], [*here, "options"])
                continue
            if option.get("required") and seen_optional:
                form.add(
                    [*here, "required"],
                    "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                    "Required options must be placed before non-required options",
                )
            seen_optional = seen_optional or not option.get("required")
            if option.get("autocomplete") and option.get("choices"):
                form.add(
                    [*here, "autocomplete"],
                    "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_CHOICES",
                    "Autocomplete cannot be set if there are choices present.",
                )

    def _normalize_command(self, command: dict[str, Any], guild_id: str | None) -> dict[str, Any]:
        command_type = command.get("type", 1)
        key = (guild_id, command_type, command["name"])
        if key not in self._command_ids:
            self._command_ids[key] = self._snowflake()
        normalized: dict[str, Any] = {
            "id": self._command_ids[key],
            "application_id": self.application_id,
            "version": self._snowflake(),
            "default_member_permissions": None,
            "type": command_type,
            "name": command["name"],
            "name_localizations": None,
            "description": command.get("description", ""),
            "description_localizations": None,
            "dm_permission": True,
            "contexts": None,
            "integration_types": [0],
            "nsfw": False,
        }
        if guild_id:
            normalized["guild_id"] = guild_id
            del normalized["dm_permission"]
        for key_name, value in command.items():
            if key_name not in {"id", "application_id", "version", "guild_id"} and value is not None:
                normalized[key_name] = copy.deepcopy(value)
        return normalized

    # ---- interaction callback & webhooks

    def _validate_message(
        self, data: Any, files: list[FilePart], *, require_content: bool
    ) -> tuple[int, Any] | None:
        if not isinstance(data, dict):
            return _FormErrors.single(["data"], "DICT_TYPE_CONVERT", "Only dictionaries may be used.")
        form = _FormErrors()
        content = data.get("content") or ""
        form.length(["content"], content, 0, 2000)
        embeds = data.get("embeds") or []
        form.max_items(["embeds"], embeds, 10)
        total = 0
        for index, embed in enumerate(embeds):
            texts: list[tuple[list[str | int], str, int, int]] = [
                (["embeds", index, "title"], embed.get("title") or "", 0, 256),
                (["embeds", index, "description"], embed.get("description") or "", 0, 4096),
                (["embeds", index, "footer", "text"], (embed.get("footer") or {}).get("text") or "", 0, 2048),
                (["embeds", index, "author", "name"], (embed.get("author") or {}).get("name") or "", 0, 256),
            ]
            fields = embed.get("fields") or []
            form.max_items(["embeds", index, "fields"], fields, 25)
            for n, embed_field in enumerate(fields):
                texts.append((["embeds", index, "fields", n, "name"], embed_field.get("name") or "", 1, 256))
                texts.append(
                    (["embeds", index, "fields", n, "value"], embed_field.get("value") or "", 1, 1024)
                )
            for path, text, low, high in texts:
                total += len(text)
                form.length(path, text, low, high)
        if total > 6000:
            form.add(["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")
        components = data.get("components") or []
        if not int(data.get("flags") or 0) & FLAG_IS_COMPONENTS_V2:
            form.max_items(["components"], components, 5)
        form.max_items(["files"], files, 10)
        if (problem := form.answer()) is not None:
            return problem
        has_body = content or embeds or components or files or data.get("poll") or data.get("sticker_ids")
        if require_content and not has_body:
            return _error(400, "Cannot send an empty message", 50006)
        return None

    def _attachments(self, data: dict[str, Any], files: list[FilePart]) -> list[dict[str, Any]]:
        by_index = {}
        for part in files:
            match = re.fullmatch(r"files\[(\d+)\]", part.field)
            by_index[match.group(1) if match else part.field] = part
        attachments = []
        for attachment in data.get("attachments") or []:
            part = by_index.pop(str(attachment.get("id")), None)
            if part is None:  # a kept, already uploaded attachment
                attachments.append(attachment)
                continue
            attachments.append(
                self._attachment(part, attachment.get("filename"), attachment.get("description"))
            )
        attachments.extend(self._attachment(part, None, None) for part in by_index.values())
        return attachments

    def _attachment(self, part: FilePart, filename: str | None, description: str | None) -> dict[str, Any]:
        attachment_id = self._snowflake()
        name = filename or part.filename or "file"
        path = f"/attachments/{self.channel_id}/{attachment_id}/{quote(name)}"
        url = self.origin + path
        self.cdn_files[path] = (part.data, part.content_type)
        attachment = {
            "id": attachment_id,
            "filename": name,
            "size": len(part.data),
            "url": url,
            "proxy_url": url,
            "content_type": part.content_type,
        }
        if description:
            attachment["description"] = description
        return attachment

    def _new_message(
        self,
        data: dict[str, Any],
        files: list[FilePart],
        *,
        message_type: int,
        extra_flags: int = 0,
        channel_id: str | None = None,
    ) -> dict[str, Any]:
        message = {
            "id": self._snowflake(),
            "type": message_type,
            "channel_id": channel_id or self.channel_id,
            "author": self.bot_user(),
            "content": data.get("content") or "",
            "embeds": [{"type": "rich", **embed} for embed in data.get("embeds") or []],
            "attachments": self._attachments(data, files),
            "components": copy.deepcopy(data.get("components") or []),
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": bool(data.get("tts", False)),
            "timestamp": _iso_now(),
            "edited_timestamp": None,
            "flags": (int(data.get("flags") or 0) & _SETTABLE_FLAGS) | extra_flags,
            "webhook_id": self.application_id,
            "application_id": self.application_id,
        }
        if data.get("poll"):
            message["poll"] = copy.deepcopy(data["poll"])
        self.messages[message["id"]] = message
        return message

    def _edit_message(self, message: dict[str, Any], data: dict[str, Any], files: list[FilePart]) -> None:
        if "content" in data:
            message["content"] = data["content"] or ""
        if "embeds" in data:
            message["embeds"] = [{"type": "rich", **embed} for embed in data["embeds"] or []]
        if "components" in data:
            message["components"] = copy.deepcopy(data["components"] or [])
        if "attachments" in data or files:
            message["attachments"] = self._attachments(data, files)
        if "flags" in data and data["flags"] is not None:
            message["flags"] = (message["flags"] & ~_SETTABLE_FLAGS) | (int(data["flags"]) & _SETTABLE_FLAGS)
        message["flags"] &= ~FLAG_LOADING
        message["edited_timestamp"] = _iso_now()

    def _message_type_for(self, interaction: Response) -> int:
        return (
            MESSAGE_TYPE_CHAT_INPUT_COMMAND
            if interaction.interaction_type == INTERACTION_COMMAND
            else MESSAGE_TYPE_DEFAULT
        )

    async def _h_callback(self, record: RecordedRequest, params: dict[str, str]) -> tuple[int, Any]:
        interaction = self.interactions.get(params["interaction_id"])
        if interaction is None or interaction.token != params["token"]:
            return _error(404, "Unknown interaction", 10062)
        if interaction.callback is not None:
            return _error(400, "Interaction has already been acknowledged.", 40060)
        body = record.json
        if not isinstance(body, dict) or not isinstance(body.get("type"), int):
            return _FormErrors.single(["type"], "BASE_TYPE_REQUIRED", "This field is required")
        callback_type = body["type"]
        allowed = _ALLOWED_CALLBACKS.get(interaction.interaction_type, set())
        if callback_type not in allowed:
            return _FormErrors.single(
                ["type"], "BASE_TYPE_CHOICES", f"Value must be one of {sorted(allowed)}."
            )
        data = body.get("data") or {}
        message: dict[str, Any] | None = None
        if callback_type in (CALLBACK_CHANNEL_MESSAGE, CALLBACK_UPDATE_MESSAGE):
            problem = self._validate_message(data, record.files, require_content=callback_type == 4)
            if problem is not None:
                return problem
        if callback_type == CALLBACK_CHANNEL_MESSAGE:
            message = self._new_message(data, record.files, message_type=self._message_type_for(interaction))
        elif callback_type == CALLBACK_DEFERRED_CHANNEL_MESSAGE:
            flags = int(data.get("flags") or 0) & FLAG_EPHEMERAL
            message_type = self._message_type_for(interaction)
            message = self._new_message(
                {"flags": flags}, [], message_type=message_type, extra_flags=FLAG_LOADING
            )
        elif callback_type in (CALLBACK_DEFERRED_UPDATE_MESSAGE, CALLBACK_UPDATE_MESSAGE):
            source = interaction.payload.get("message") or {}
            message = self.messages.get(str(source.get("id")))
            if message is None and source:
                message = copy.deepcopy(source)
                self.messages[str(message["id"])] = message
            if message is not None and callback_type == CALLBACK_UPDATE_MESSAGE:
                self._edit_message(message, data, record.files)
        elif callback_type == CALLBACK_AUTOCOMPLETE_RESULT:
            choices = data.get("choices")
            if not isinstance(choices, list):
                return _FormErrors.single(["data", "choices"], "BASE_TYPE_REQUIRED", "This field is required")
            form = _FormErrors()
            form.max_items(["data", "choices"], choices, 25)
            for index, choice in enumerate(choices):
                form.length(["data", "choices", index, "name"], choice.get("name"), 1, 100)
                if isinstance(choice.get("value"), str):
                    form.length(["data", "choices", index, "value"], choice["value"], 0, 100)
            if (problem := form.answer()) is not None:
                return problem
        if message is not None:
            interaction.original_message_id = message["id"]
        if record.query.get("with_response", "").lower() not in {"1", "true"}:
            return 204, None
        response: dict[str, Any] = {
            "interaction": {
                "id": interaction.interaction_id,
                "type": interaction.interaction_type,
                "activity_instance_id": None,
                "response_message_id": message["id"] if message else None,
                "response_message_loading": callback_type == CALLBACK_DEFERRED_CHANNEL_MESSAGE,
                "response_message_ephemeral": bool(message and message["flags"] & FLAG_EPHEMERAL),
            }
        }
        if message is not None:
            response["resource"] = {"type": callback_type, "message": copy.deepcopy(message)}
        return 200, response

    def _webhook_interaction(self, params: dict[str, str]) -> Response | tuple[int, Any]:
        interaction = self._by_token.get(params["token"])
        if params["app_id"] != self.application_id or interaction is None or interaction.callback is None:
            return _error(404, "Unknown Webhook", 10015)
        return interaction

    def _webhook_message(self, params: dict[str, str]) -> dict[str, Any] | tuple[int, Any]:
        interaction = self._webhook_interaction(params)
        if isinstance(interaction, tuple):
            return interaction
        message_id = params["message_id"]
        if message_id == "@original":
            message_id = interaction.original_message_id or ""
        message = self.messages.get(message_id)
        if message is None:
            return _error(404, "Unknown Message", 10008)
        return message

    async def _h_followup(self, record: RecordedRequest, params: dict[str, str]) -> tuple[int, Any]:
        interaction = self._webhook_interaction(params)
        if isinstance(interaction, tuple):
            return interaction
        data = record.json if isinstance(record.json, dict) else {}
        if (problem := self._validate_message(data, record.files, require_content=True)) is not None:
            return problem
        original = self.messages.get(interaction.original_message_id or "")
        if (
            interaction.callback_type == CALLBACK_DEFERRED_CHANNEL_MESSAGE
            and original
            and original["flags"] & FLAG_LOADING
        ):
            # The first followup after a "thinking" deferral replaces the loading message.
            self._edit_message(original, data, record.files)
            original["edited_timestamp"] = None
            message = original
        else:
            message = self._new_message(data, record.files, message_type=self._message_type_for(interaction))
        if record.query.get("wait", "").lower() not in {"1", "true"}:
            return 204, None
        return 200, copy.deepcopy(message)

    async def _h_channel_message(self, record: RecordedRequest, params: dict[str, str]) -> tuple[int, Any]:
        """Create a bot message in the guild's text channel (a reply to a mention command)."""
        if params["channel_id"] != self.channel_id:
            return _error(404, "Unknown Channel", 10003)
        data = record.json if isinstance(record.json, dict) else {}
        if (problem := self._validate_message(data, record.files, require_content=True)) is not None:
            return problem
        reply = data.get("message_reference") is not None
        message = self._new_message(data, record.files, message_type=19 if reply else 0)
        message.pop("webhook_id")
        self.channel_messages.append(message)
        self._notify()
        return 200, copy.deepcopy(message)

    def make_mention(self, text: str, *, user_id: str | None = None) -> dict[str, Any]:
        """Return a MESSAGE_CREATE payload by a member in the text channel: the bot's mention, then text."""
        user = self.user(user_id)
        bot = self.bot_user()
        return {
            "id": self._snowflake(),
            "type": 0,
            "channel_id": self.channel_id,
            "guild_id": self.guild_id,
            "author": user,
            "member": {k: v for k, v in self._member(user, DEFAULT_PERMISSIONS).items() if k != "user"},
            "content": f"<@{bot['id']}> {text}",
            "timestamp": _iso_now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [bot],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "flags": 0,
        }

    async def _h_get_message(self, record: RecordedRequest, params: dict[str, str]) -> tuple[int, Any]:
        message = self._webhook_message(params)
        return message if isinstance(message, tuple) else (200, copy.deepcopy(message))

    async def _h_edit_message(self, record: RecordedRequest, params: dict[str, str]) -> tuple[int, Any]:
        message = self._webhook_message(params)
        if isinstance(message, tuple):
            return message
        data = record.json if isinstance(record.json, dict) else {}
        if (problem := self._validate_message(data, record.files, require_content=False)) is not None:
            return problem
        self._edit_message(message, data, record.files)
        return 200, copy.deepcopy(message)

    async def _h_delete_message(self, record: RecordedRequest, params: dict[str, str]) -> tuple[int, Any]:
        message = self._webhook_message(params)
        if isinstance(message, tuple):
            return message
        del self.messages[message["id"]]
        return 204, None

    # ------------------------------------------------------------------ gateway: plumbing

    async def _send(self, conn: GatewayConnection, payload: dict[str, Any]) -> bool:
        ws = conn._ws
        if ws is None:
            return False
        async with conn._lock:
            if ws.closed:
                return False
            try:
                await ws.send_str(json.dumps(payload))
            except (ConnectionError, RuntimeError):
                return False
        now = time.monotonic()
        self.gateway_sent.append(
            GatewayFrame(
                conn.index, payload.get("op"), payload.get("t"), payload.get("s"), payload.get("d"), now
            )
        )
        if payload.get("t") == "INTERACTION_CREATE":
            record = self.interactions.get(str(payload["d"]["id"]))
            if record is not None and record.sent_at is None:
                record.sent_at = now
        return True

    async def _close(self, conn: GatewayConnection, code: int, reason: str) -> None:
        if self._active is conn:
            self._active = None
        if conn._ws is not None and not conn._ws.closed:
            conn.close_code = code
            await conn._ws.close(code=code, message=reason.encode())

    async def _handle_gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True, compress=False, max_msg_size=0, timeout=2.0)
        await ws.prepare(request)
        conn = GatewayConnection(
            index=len(self.connections),
            path=request.path,
            query=dict(request.query),
            opened_at=time.monotonic(),
            _ws=ws,
            _request=request,
        )
        self.connections.append(conn)
        self._notify()
        try:
            await self._send(
                conn,
                {"t": None, "s": None, "op": OP_HELLO, "d": {"heartbeat_interval": self.heartbeat_interval}},
            )
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    await self._close(conn, 4002, "Error while decoding payload.")
                    break
                try:
                    payload = json.loads(msg.data)
                    if not isinstance(payload, dict):
                        raise ValueError("payload is not an object")
                except ValueError:
                    await self._close(conn, 4002, "Error while decoding payload.")
                    break
                await self._on_gateway_payload(conn, payload)
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            conn.closed_at = time.monotonic()
            if conn.close_code is None:  # closed by the client: record its code
                conn.close_code = ws.close_code
            if self._active is conn:
                self._active = None
            self._notify()
        return ws

    async def _on_gateway_payload(self, conn: GatewayConnection, payload: dict[str, Any]) -> None:
        op, data = payload.get("op"), payload.get("d")
        self.gateway_received.append(
            GatewayFrame(conn.index, op, payload.get("t"), payload.get("s"), data, time.monotonic())
        )
        self._notify()
        if op == OP_HEARTBEAT:
            conn.heartbeats += 1
            if self.heartbeat_acks_enabled:
                await self._send(conn, {"t": None, "s": None, "op": OP_HEARTBEAT_ACK, "d": None})
        elif op == OP_IDENTIFY:
            await self._on_identify(conn, data if isinstance(data, dict) else {})
        elif op == OP_RESUME:
            await self._on_resume(conn, data if isinstance(data, dict) else {})
        elif op in _ACCEPTED_SEND_OPS:
            if not conn.authenticated:
                await self._close(conn, 4003, "Not authenticated.")
        else:
            await self._close(conn, 4001, "Unknown opcode.")

    async def _on_identify(self, conn: GatewayConnection, data: dict[str, Any]) -> None:
        if conn.authenticated:
            await self._close(conn, 4005, "Already authenticated.")
            return
        if data.get("token") != self.token:
            await self._close(conn, 4004, "Authentication failed.")
            return
        intents = data.get("intents")
        if not isinstance(intents, int) or isinstance(intents, bool) or intents < 0:
            await self._close(conn, 4013, "Invalid intent(s).")
            return
        if intents & PRIVILEGED_INTENTS & ~self.privileged_intents:
            await self._close(conn, 4014, "Disallowed intent(s).")
            return
        shard = data.get("shard")
        if self.shard_count > 1:
            await self._identify_shard(conn, shard, intents)
            return
        if shard is not None and list(shard) != [0, 1]:
            await self._close(conn, 4010, "Invalid shard.")
            return
        self.intents = intents
        self._session_id = secrets.token_hex(16)
        self._seq = 0
        self._history = []
        conn.authenticated = True
        self._active = conn
        ready: dict[str, Any] = {
            "v": API_VERSION,
            "user": self.bot_user(),
            "guilds": [{"id": self.guild_id, "unavailable": True}],
            "session_id": self._session_id,
            "session_type": "normal",
            "resume_gateway_url": self.resume_gateway_url,
            "application": {"id": self.application_id, "flags": self.application_flags},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "auth_session_id_hash": secrets.token_urlsafe(32),
            "_trace": ['["standin-gateway",{"micros":1}]'],
        }
        if shard is not None:
            ready["shard"] = list(shard)
        await self.dispatch("READY", ready)
        await self.dispatch("GUILD_CREATE", self.guild_create())
        self.ready_count += 1
        self._notify()

    async def _identify_shard(self, conn: GatewayConnection, shard: Any, intents: int) -> None:
        """Start the session of one shard: READY, then GUILD_CREATE if the guild is on it."""
        valid = isinstance(shard, list) and len(shard) == 2 and shard[1] == self.shard_count
        if not valid or not 0 <= shard[0] < self.shard_count:
            await self._close(conn, 4010, "Invalid shard.")
            return
        self.intents = intents
        conn.authenticated = True
        seq = [0]
        self.shards[shard[0]] = (conn, seq)
        on_shard = self.shard_of(self.guild_id) == shard[0]
        ready = {
            "v": API_VERSION,
            "user": self.bot_user(),
            "guilds": [{"id": self.guild_id, "unavailable": True}] if on_shard else [],
            "session_id": secrets.token_hex(16),
            "session_type": "normal",
            "resume_gateway_url": self.resume_gateway_url,
            "application": {"id": self.application_id, "flags": self.application_flags},
            "private_channels": [],
            "relationships": [],
            "shard": list(shard),
        }
        events = [("READY", ready)] + ([("GUILD_CREATE", self.guild_create())] if on_shard else [])
        for event, body in events:
            seq[0] += 1
            await self._send(conn, {"t": event, "s": seq[0], "op": OP_DISPATCH, "d": body})
        self.ready_count += 1
        self._notify()

    async def _on_resume(self, conn: GatewayConnection, data: dict[str, Any]) -> None:
        if conn.authenticated:
            await self._close(conn, 4005, "Already authenticated.")
            return
        if data.get("token") != self.token:
            await self._close(conn, 4004, "Authentication failed.")
            return
        seq = data.get("seq") or 0
        if self._session_id is None or data.get("session_id") != self._session_id or seq > self._seq:
            await self._send(conn, {"t": None, "s": None, "op": OP_INVALID_SESSION, "d": False})
            return
        conn.authenticated = True
        conn.resumed = True
        index = next((i for i, p in enumerate(self._history) if p["s"] > seq), len(self._history))
        while index < len(self._history):
            if not await self._send(conn, self._history[index]):
                return
            index += 1
        # No await between the last length check and this: nothing dispatched in between is lost.
        self._active = conn
        await self.dispatch("RESUMED", {"_trace": ['["standin-gateway",{"micros":1}]']})
        self.resumed_count += 1
        self._notify()
