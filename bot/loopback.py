"""Answer interactions locally through the bot's real code path, capturing what Discord would receive.

An interaction payload goes into ``ConnectionState.parse_interaction_create`` (exactly what the
gateway handler calls), so the real command tree, transformers, checks, cooldowns, views and the
error handler all run. discord.py sends responses through the webhook adapter in the
``async_context`` ContextVar; a capturing adapter records each request's JSON instead of sending
it. The console, ``briefbot ask --json`` and the tree-level tests all use this, so the payload
they show is the payload the bot sends to Discord.

This relies on private discord.py APIs (``_connection``, ``async_context``); discord.py is pinned
to its minor version for that reason.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from dataclasses import dataclass, field
from typing import Any

import discord
from discord.webhook import async_ as webhook_async

APPLICATION_ID = 100000000000000001
GUILD_ID = 100000000000000002
CHANNEL_ID = 100000000000000003
CONSOLE_USER_ID = 100000000000000004
ALL_PERMISSIONS = str(discord.Permissions.all().value)
MEMBER_PERMISSIONS = str(discord.Permissions(send_messages=True, use_application_commands=True).value)

FOLLOWUP_TIMEOUT = 60.0

_ids = itertools.count(200000000000000000)


@dataclass
class Sent:
    """One request the bot made in answer to an interaction."""

    def message(self) -> dict[str, Any]:
        """Return the message part of the request: a callback's data, or a followup's body."""
        if self.kind == "callback":
            return dict((self.payload or {}).get("data") or {})
        return dict(self.payload or {})

    kind: str  # "callback", "followup", "edit", "delete"
    interaction_id: int | None
    token: str
    payload: dict[str, Any] | None
    files: list[tuple[str, bytes]] = field(default_factory=list)
    message_id: int | None = None  # the message a callback created, for pressing its buttons


class CapturingAdapter(webhook_async.AsyncWebhookAdapter):
    """A webhook adapter that records interaction responses instead of sending them."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.sent: list[Sent] = []
        self._changed = asyncio.Condition()

    async def _record(self, sent: Sent) -> None:
        """Record a request and wake whoever waits for it."""
        async with self._changed:
            self.sent.append(sent)
            self._changed.notify_all()

    async def wait_for(self, token: str, count: int = 1, timeout: float = 3.0) -> list[Sent]:
        """Return the requests made with a token once there are count of them; raise TimeoutError."""
        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(lambda: len(self.for_token(token)) >= count)
        return self.for_token(token)

    def for_token(self, token: str) -> list[Sent]:
        """Return the requests made with an interaction token, in order."""
        return [s for s in self.sent if s.token == token]

    async def create_interaction_response(  # type: ignore[override]
        self, interaction_id: int, token: str, *, params: Any, **_: Any
    ) -> dict[str, Any]:
        """Record an initial response and answer as Discord does."""
        payload = params.payload if params.payload is not None else _multipart_payload(params.multipart)
        message_id = next(_ids) if payload.get("type") in (4, 5) else None
        await self._record(Sent("callback", interaction_id, token, payload, _files(params.files), message_id))
        flags = (payload.get("data") or {}).get("flags", 0) or 0
        interaction = {
            "id": str(interaction_id),
            "type": 2,
            "response_message_loading": payload.get("type") == 5,
            "response_message_ephemeral": bool(flags & 64),
        }
        if message_id is not None:
            interaction["response_message_id"] = str(message_id)
        return {"interaction": interaction}

    async def execute_webhook(  # type: ignore[override]
        self, webhook_id: int, token: str, *, payload: Any = None, files: Any = None, **extra: Any
    ) -> dict[str, Any]:
        """Record a followup message and return it as Discord would."""
        payload = payload if payload is not None else _multipart_payload(extra.get("multipart"))
        await self._record(Sent("followup", None, token, payload, _files(files)))
        return _message(payload or {})

    async def edit_webhook_message(  # type: ignore[override]
        self,
        webhook_id: int,
        token: str,
        message_id: int,
        *,
        payload: Any = None,
        files: Any = None,
        **extra: Any,
    ) -> dict[str, Any]:
        """Record an edit of the original response and return the message."""
        payload = payload if payload is not None else _multipart_payload(extra.get("multipart"))
        await self._record(Sent("edit", None, token, payload, _files(files)))
        return _message(payload or {})

    async def edit_original_interaction_response(  # type: ignore[override]
        self,
        application_id: int,
        token: str,
        *,
        payload: Any = None,
        files: Any = None,
        **extra: Any,
    ) -> dict[str, Any]:
        """Record an edit of the message an interaction answered (after a deferral) and return it."""
        payload = payload if payload is not None else _multipart_payload(extra.get("multipart"))
        await self._record(Sent("edit", None, token, payload, _files(files)))
        return _message(payload or {})

    async def get_webhook_message(  # type: ignore[override]
        self, webhook_id: int, token: str, message_id: int, **_: Any
    ) -> dict[str, Any]:
        """Return an empty message (nothing is stored remotely)."""
        return _message({})

    async def delete_webhook_message(self, webhook_id: int, token: str, message_id: int, **_: Any) -> None:
        """Record a deletion."""
        await self._record(Sent("delete", None, token, None))


def _multipart_payload(multipart: Any) -> dict[str, Any]:
    """Return the JSON part of a multipart request (discord.py sends it as "payload_json")."""
    for part in multipart or []:
        if part.get("name") == "payload_json":
            return json.loads(part["value"])  # type: ignore[no-any-return]
    return {}


def _files(files: Any) -> list[tuple[str, bytes]]:
    """Return (filename, bytes) for each file of a request."""
    result = []
    for f in files or []:
        f.reset()
        result.append((f.filename, f.fp.read()))
    return result


def _message(payload: dict[str, Any]) -> dict[str, Any]:
    """Return a message object as Discord answers a webhook call."""
    return {
        "id": str(next(_ids)),
        "channel_id": str(CHANNEL_ID),
        "type": 20,
        "content": payload.get("content") or "",
        "embeds": payload.get("embeds") or [],
        "components": payload.get("components") or [],
        "attachments": [],
        "author": _user(APPLICATION_ID, "briefbot", bot=True),
        "mentions": [],
        "mention_roles": [],
        "pinned": False,
        "mention_everyone": False,
        "tts": False,
        "timestamp": "2025-01-01T00:00:00+00:00",
        "edited_timestamp": None,
        "flags": payload.get("flags") or 0,
    }


def _user(user_id: int, name: str, *, bot: bool = False) -> Any:
    """Return a user object."""
    return {"id": str(user_id), "username": name, "discriminator": "0", "avatar": None, "bot": bot}


def _member(user_id: int, permissions: str) -> dict[str, Any]:
    """Return the member object of an interaction payload."""
    return {
        "user": _user(user_id, f"user{user_id % 10000}"),
        "roles": [],
        "joined_at": "2025-01-01T00:00:00+00:00",
        "deaf": False,
        "mute": False,
        "permissions": permissions,
        "flags": 0,
    }


def interaction_payload(
    kind: int,
    data: dict[str, Any],
    *,
    user_id: int = CONSOLE_USER_ID,
    permissions: str = ALL_PERMISSIONS,
    message: dict[str, Any] | None = None,
    guild_id: int | None = GUILD_ID,
) -> dict[str, Any]:
    """Return an INTERACTION_CREATE payload as Discord sends it for a guild channel (guild_id None: a DM)."""
    payload: dict[str, Any] = {
        "id": str(next(_ids)),
        "application_id": str(APPLICATION_ID),
        "type": kind,
        "data": data,
        "guild_id": str(GUILD_ID),
        "channel_id": str(CHANNEL_ID),
        "channel": {
            "id": str(CHANNEL_ID),
            "type": 0,
            "guild_id": str(GUILD_ID),
            "name": "briefing",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "rate_limit_per_user": 0,
            "topic": None,
            "last_message_id": None,
        },
        "member": _member(user_id, permissions),
        "token": f"token-{next(_ids)}",
        "version": 1,
        "app_permissions": ALL_PERMISSIONS,
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(GUILD_ID)},
        "context": 0,
        "attachment_size_limit": 10 * 1024 * 1024,
    }
    if guild_id is None:  # a DM with the bot: a user instead of a member, no server anywhere
        for key in ("guild_id", "member", "guild_locale"):
            del payload[key]
        payload["channel"] = {
            "id": str(CHANNEL_ID),
            "type": 1,
            "recipients": [_user(user_id, f"user{user_id % 10000}")],
        }
        payload.update(user=_user(user_id, f"user{user_id % 10000}"), context=1)
        payload["authorizing_integration_owners"] = {"1": str(user_id)}
    elif guild_id != GUILD_ID:
        payload["guild_id"] = payload["channel"]["guild_id"] = str(guild_id)
        payload["authorizing_integration_owners"] = {"0": str(guild_id)}
    if message is not None:
        payload["message"] = message
    return payload


def command_data(name: str, options: dict[str, str], *, focused: str | None = None) -> dict[str, Any]:
    """Return the data of a slash command (or, with focused, an autocomplete) interaction."""
    return {
        "id": str(next(_ids)),
        "name": name,
        "type": 1,
        "options": [
            {"name": key, "type": 3, "value": value, **({"focused": True} if key == focused else {})}
            for key, value in options.items()
        ],
    }


class LocalDiscord:
    """Runs interactions through a bot's real gateway handler and returns what it sent."""

    def __init__(self, bot: discord.Client, *, timeout: float = 3.0, guild_id: int | None = GUILD_ID) -> None:
        self.bot = bot
        self.timeout = timeout
        self.guild_id = guild_id  # None: interactions come from a DM
        self.adapter = CapturingAdapter()
        state = bot._connection
        if state.user is None:  # as READY would set them
            state.application_id = APPLICATION_ID
            state.user = discord.ClientUser(state=state, data=_user(APPLICATION_ID, "briefbot", bot=True))

    async def dispatch(self, payload: dict[str, Any], *, count: int = 1) -> list[Sent]:
        """Feed one INTERACTION_CREATE payload to the bot; return its first count requests."""
        # The command runs in a task created here, so it inherits this context's adapter.
        webhook_async.async_context.set(self.adapter)
        self.bot._connection.parse_interaction_create(payload)  # type: ignore[arg-type]
        return await self.adapter.wait_for(payload["token"], count, self.timeout)

    async def command(self, name: str, options: dict[str, str], **member: Any) -> Sent:
        """Run a slash command and return its initial response."""
        sent = await self.dispatch(self.payload(2, command_data(name, options), **member))
        return sent[0]

    async def answer(self, name: str, options: dict[str, str], **member: Any) -> Sent:
        """Run a slash command and return the message that answers it (the followup after a defer)."""
        return await self.final(self.payload(2, command_data(name, options), **member))

    async def final(self, payload: dict[str, Any]) -> Sent:
        """Dispatch an interaction and return what the user ends up seeing: the answer, or after a defer its followup or edit."""
        first = (await self.dispatch(payload))[0]  # a fast followup may already be there too
        if first.payload is None or first.payload.get("type") not in (5, 6):
            return first
        # A deferred answer may take longer than the 3 s acknowledgement; Discord allows 15 min.
        return (await self.adapter.wait_for(payload["token"], 2, FOLLOWUP_TIMEOUT))[1]

    async def autocomplete(self, name: str, options: dict[str, str], focused: str, **member: Any) -> Sent:
        """Run an autocomplete request and return the choices response."""
        data = command_data(name, options, focused=focused)
        return (await self.dispatch(self.payload(4, data, **member)))[0]

    async def press(self, custom_id: str, origin: dict[str, Any], answer: Sent, **member: Any) -> Sent:
        """Press a button on the message answer created for the interaction payload origin."""
        return (await self.dispatch(self.press_payload(custom_id, origin, answer, **member)))[0]

    def press_payload(
        self, custom_id: str, origin: dict[str, Any], answer: Sent, **member: Any
    ) -> dict[str, Any]:
        """Return the payload of pressing a button on the message answer created for the interaction origin."""
        message = _message({}) | {
            "id": str(answer.message_id),
            "interaction_metadata": {
                "id": origin["id"],
                "type": 2,
                "user": origin["member"]["user"] if "member" in origin else origin["user"],
                "authorizing_integration_owners": {},
            },
        }
        data = {"custom_id": custom_id, "component_type": 2}
        return self.payload(3, data, message=message, **member)

    def payload(self, kind: int, data: dict[str, Any], **member: Any) -> dict[str, Any]:
        """Return an interaction payload from this local Discord's server, or from a DM."""
        return interaction_payload(kind, data, guild_id=self.guild_id, **member)
