"""Prove the Discord stand-in is faithful enough for a real discord.py 2.7 bot.

A minimal ``commands.Bot`` with one slash command (``/echo text``, with autocomplete)
runs in-process against :class:`DiscordStandIn`, pointed at it exactly the way the
real bot does it: ``Route.BASE`` for REST and ``GET /gateway/bot`` for the gateway.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator, Callable

import aiohttp
import discord
import pytest
import yarl
from discord import app_commands
from discord.ext import commands
from discord.gateway import DiscordWebSocket

from .standin import DiscordStandIn, FilePart, Response

ECHO_COMMAND_PAYLOAD = {
    "name": "echo",
    "description": "Echo text back in an embed.",
    "type": 1,
    "options": [
        {"type": 3, "name": "text", "description": "The text to echo", "required": True, "autocomplete": True}
    ],
    "nsfw": False,
    "dm_permission": True,
    "default_member_permissions": None,
    "contexts": None,
    "integration_types": None,
}
PAGES_COMMAND_PAYLOAD = {
    "name": "pages",
    "description": "Defer, then send a paged report with a file.",
    "type": 1,
    "options": [],
    "nsfw": False,
    "dm_permission": True,
    "default_member_permissions": None,
    "contexts": None,
    "integration_types": None,
}


class PagerView(discord.ui.View):
    """One "Next" button that turns the message into page 2."""

    @discord.ui.button(label="Next", custom_id="pager:next")
    async def next_page(self, interaction: discord.Interaction, button: discord.ui.Button[PagerView]) -> None:
        await interaction.response.edit_message(content="page 2", view=None)
        self.stop()  # also cancels the view's timeout task, which Client.close() would leave pending


class EchoBot(commands.Bot):
    """A tiny slash-command bot: ``/echo text`` replies with an embed; ``/pages`` defers and pages."""

    def __init__(self) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            allowed_mentions=discord.AllowedMentions.none(),
            guild_ready_timeout=0.1,
        )
        self.synced: list[app_commands.AppCommand] = []
        self.callback_responses: asyncio.Queue[discord.InteractionCallbackResponse] = asyncio.Queue()
        self.tree_errors: list[BaseException] = []
        self.ready_events = 0

        @app_commands.command(name="echo", description="Echo text back in an embed.")
        @app_commands.describe(text="The text to echo")
        async def echo(interaction: discord.Interaction, text: str) -> None:
            response = await interaction.response.send_message(
                embed=discord.Embed(title="Echo", description=text)
            )
            self.callback_responses.put_nowait(response)

        @echo.autocomplete("text")
        async def echo_autocomplete(
            interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            return [
                app_commands.Choice(name=f"{current} {n}", value=f"{current} {n}") for n in ("one", "two")
            ]

        @app_commands.command(name="pages", description="Defer, then send a paged report with a file.")
        async def pages(interaction: discord.Interaction) -> None:
            await interaction.response.defer(thinking=True)
            report = discord.File(io.BytesIO(b"page one body"), filename="page1.txt")
            await interaction.followup.send("page 1", file=report, view=PagerView(timeout=30))

        async def on_tree_error(
            interaction: discord.Interaction, error: app_commands.AppCommandError
        ) -> None:
            self.tree_errors.append(error)

        self.tree.add_command(echo)
        self.tree.add_command(pages)
        self.tree.on_error = on_tree_error

    async def setup_hook(self) -> None:
        self.synced = await self.tree.sync()

    async def on_ready(self) -> None:
        self.ready_events += 1

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Skip discord.py's 5 s sleep before every non-initial IDENTIFY (keeps the suite fast)."""


@pytest.fixture
async def standin() -> AsyncIterator[DiscordStandIn]:
    async with DiscordStandIn(heartbeat_interval=500) as server:
        yield server


@pytest.fixture
async def bot(standin: DiscordStandIn, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[EchoBot]:
    """A logged-in, connected EchoBot; Route.BASE and DEFAULT_GATEWAY are restored by monkeypatch."""
    monkeypatch.setattr(discord.http.Route, "BASE", standin.base_url)
    client = EchoBot()
    task: asyncio.Task[None] | None = None
    try:
        await client.login(standin.token)
        _shards, url, _limits = await client.http.get_bot_gateway()
        monkeypatch.setattr(DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(url))
        task = asyncio.create_task(client.connect())
        await standin.wait_until_ready()
        # Let discord.py's own ready task finish: Client.close() does not cancel it.
        await eventually(lambda: client.ready_events == 1)
        yield client
    finally:
        # Let in-flight command / button handlers finish before the HTTP session goes away.
        handlers = [
            t
            for t in asyncio.all_tasks()
            if t.get_name().startswith(("CommandTree-invoker", "discord-ui-view-dispatch"))
        ]
        if handlers:
            await asyncio.wait(handlers, timeout=5)
        await client.close()
        if task is not None:
            await asyncio.wait_for(task, 5)


async def eventually(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    """Poll a bot-side condition (the stand-in's own waits are event driven)."""
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.01)


async def ask_echo(standin: DiscordStandIn, text: str, timeout: float = 5.0) -> Response:
    interaction_id = await standin.send_interaction(standin.make_command_interaction("echo", {"text": text}))
    return await standin.wait_for_response(interaction_id, timeout=timeout)


def echo_callback(text: str) -> dict[str, object]:
    return {
        "type": 4,
        "data": {
            "tts": False,
            "embeds": [{"flags": 0, "type": "rich", "description": text, "title": "Echo"}],
            "content": None,
            "allowed_mentions": {"parse": []},
        },
    }


def assert_clean(standin: DiscordStandIn, client: EchoBot) -> None:
    assert standin.unexpected_requests == []
    assert standin.internal_errors == []
    assert client.tree_errors == []


async def test_login_sync_and_ready(standin: DiscordStandIn, bot: EchoBot) -> None:
    """Login, command sync and IDENTIFY/READY/GUILD_CREATE go through the stand-in as on Discord."""
    assert [f"{r.method} {r.path}" for r in standin.requests] == [
        "GET /users/@me",
        "GET /oauth2/applications/@me",
        f"PUT /applications/{standin.application_id}/commands",
        "GET /gateway/bot",
    ]
    assert [r.status for r in standin.requests] == [200, 200, 200, 200]
    assert standin.command_syncs == [(None, [ECHO_COMMAND_PAYLOAD, PAGES_COMMAND_PAYLOAD])]
    assert [c.id for c in bot.synced] == [int(c["id"]) for c in standin.global_commands]
    assert bot.synced[0].options[0].autocomplete is True

    assert standin.connections[0].path == "/gateway"
    assert standin.connections[0].query == {"v": "10", "encoding": "json", "compress": "zlib-stream"}
    (identify,) = standin.identify_payloads
    assert identify["token"] == standin.token
    assert identify["intents"] == discord.Intents.default().value == standin.intents

    assert bot.is_ready() and bot.ready_events == 1
    assert bot.user is not None and bot.user.id == int(standin.bot_user_id)
    assert bot.application_id == int(standin.application_id)
    guild = bot.get_guild(int(standin.guild_id))
    assert guild is not None and guild.name == standin.guild_name
    channel = guild.get_channel(int(standin.channel_id))
    assert isinstance(channel, discord.TextChannel) and channel.name == "general"

    conn = standin.connections[0]
    await standin.wait_for(lambda: conn.heartbeats >= 2, 3, "two heartbeats")
    assert bot.latency < 1.0
    standin.stop_heartbeat_acks()
    acks = sum(1 for f in standin.gateway_sent if f.op == 11)
    beats = conn.heartbeats
    await standin.wait_for(lambda: conn.heartbeats > beats, 3, "a heartbeat without ack")
    assert sum(1 for f in standin.gateway_sent if f.op == 11) == acks
    assert_clean(standin, bot)


async def test_echo_callback_json_is_exact(standin: DiscordStandIn, bot: EchoBot) -> None:
    """A slash command gets exactly one type-4 callback with the embed and no mentions allowed."""
    response = await ask_echo(standin, "hello @everyone")

    assert response.callback_json == echo_callback("hello @everyone")
    assert response.callback is not None and response.callback.query == {"with_response": "1"}
    assert [r.kind for r in standin.responses_for(response.interaction_id)] == ["callback"]
    assert response.latency is not None and 0 < response.latency < 5
    message = standin.messages[response.original_message_id or ""]
    assert message["embeds"][0]["description"] == "hello @everyone"

    parsed = await asyncio.wait_for(bot.callback_responses.get(), 2)
    assert parsed.id == int(response.interaction_id)
    assert parsed.message_id == int(message["id"])
    assert isinstance(parsed.resource, discord.InteractionMessage)
    assert parsed.resource.embeds[0].description == "hello @everyone"
    assert_clean(standin, bot)


async def test_autocomplete_gets_type_8_choices(standin: DiscordStandIn, bot: EchoBot) -> None:
    """An autocomplete interaction is answered with a type-8 callback listing the choices."""
    payload = standin.make_autocomplete_interaction("echo", {"text": "br"}, focused="text")
    assert payload["data"]["options"] == [{"name": "text", "type": 3, "value": "br", "focused": True}]

    response = await standin.wait_for_response(await standin.send_interaction(payload))

    assert response.callback_json == {
        "type": 8,
        "data": {"choices": [{"name": "br one", "value": "br one"}, {"name": "br two", "value": "br two"}]},
    }
    assert len(standin.responses_for(response.interaction_id)) == 1
    assert_clean(standin, bot)


async def test_deferred_followup_with_file_then_button(standin: DiscordStandIn, bot: EchoBot) -> None:
    """A deferral is completed by a multipart followup; its button click edits the same message."""
    interaction_id = await standin.send_interaction(standin.make_command_interaction("pages"))
    response = await standin.wait_for_response(interaction_id)

    assert response.callback_json == {"type": 5}
    (followup,) = response.followups
    assert followup.multipart and followup.query == {"wait": "1", "with_components": "1"}
    assert followup.files == [FilePart("files[0]", "page1.txt", "application/octet-stream", b"page one body")]
    assert response.final_message == {
        "content": "page 1",
        "tts": False,
        "components": [
            {
                "type": 1,
                "components": [
                    {"type": 2, "style": 2, "disabled": False, "label": "Next", "custom_id": "pager:next"}
                ],
            }
        ],
        "attachments": [{"id": 0, "filename": "page1.txt"}],
        "allowed_mentions": {"parse": []},
    }
    message_id = followup.response_json["id"]
    assert message_id == response.original_message_id  # the first followup replaces the "thinking" message

    click = standin.make_component_interaction("pager:next", message_id)
    clicked = await standin.wait_for_response(await standin.send_interaction(click))
    assert clicked.callback_json == {
        "type": 7,
        "data": {"tts": False, "content": "page 2", "components": [], "allowed_mentions": {"parse": []}},
    }
    assert standin.messages[message_id]["content"] == "page 2"
    assert_clean(standin, bot)


async def test_dropped_connection_resumes_and_replays(standin: DiscordStandIn, bot: EchoBot) -> None:
    """After an abrupt disconnect the bot RESUMEs and answers the interaction sent meanwhile."""
    session_id = standin.session_id
    assert await standin.drop_connection()
    response = await ask_echo(standin, "after drop", timeout=10)

    assert response.callback_json == echo_callback("after drop")
    assert standin.resumed_count == 1
    assert len(standin.identify_payloads) == 1
    assert standin.resume_payloads[0]["session_id"] == session_id
    assert standin.connections[0].dropped and standin.connections[-1].path == "/gateway/resume"
    assert len(standin.responses_for(response.interaction_id)) == 1
    assert_clean(standin, bot)


async def test_op7_reconnect_resumes(standin: DiscordStandIn, bot: EchoBot) -> None:
    """Op 7 RECONNECT makes the bot reconnect to resume_gateway_url and keep answering."""
    assert await standin.send_reconnect()
    await standin.wait_for_resume(timeout=10)
    response = await ask_echo(standin, "after reconnect")

    assert response.callback_json == echo_callback("after reconnect")
    assert len(standin.identify_payloads) == 1
    assert standin.connections[-1].path == "/gateway/resume"
    assert_clean(standin, bot)


async def test_invalid_session_reidentifies(standin: DiscordStandIn, bot: EchoBot) -> None:
    """A non-resumable INVALID_SESSION makes the bot IDENTIFY again on the default gateway."""
    first_session = standin.session_id
    assert await standin.send_invalid_session(resumable=False)
    await standin.wait_until_ready(timeout=10, count=2)
    await eventually(lambda: bot.ready_events == 2)
    response = await ask_echo(standin, "new session")

    assert response.callback_json == echo_callback("new session")
    assert len(standin.identify_payloads) == 2
    assert standin.session_id != first_session
    assert standin.connections[-1].path == "/gateway"
    assert_clean(standin, bot)


async def test_rate_limited_callback_is_retried(standin: DiscordStandIn, bot: EchoBot) -> None:
    """A 429 on the interaction callback is retried after retry_after and answered once."""
    standin.rate_limit_next("/callback", retry_after=0.2)
    response = await ask_echo(standin, "limited")

    limited, accepted = standin.responses_for(response.interaction_id)
    assert (limited.status, limited.fault_injected, accepted.status) == (429, True, 200)
    assert limited.response_json == {
        "message": "You are being rate limited.",
        "retry_after": 0.2,
        "global": False,
    }
    assert accepted.time - limited.time >= 0.2
    assert response.callback_json == echo_callback("limited")
    assert_clean(standin, bot)


async def test_auth_errors_and_unknown_routes(
    standin: DiscordStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Wrong tokens get 401 / close code 4004, unknown routes 404, and all of it is recorded."""
    monkeypatch.setattr(discord.http.Route, "BASE", standin.base_url)
    client = discord.Client(intents=discord.Intents.default())
    try:
        with pytest.raises(discord.LoginFailure):
            await client.login("not-the-token")
    finally:
        await client.close()
    assert (standin.requests[0].path, standin.requests[0].status) == ("/users/@me", 401)
    assert standin.requests[0].response_json == {"message": "401: Unauthorized", "code": 0}

    async with aiohttp.ClientSession() as session:
        headers = {"Authorization": f"Bot {standin.token}"}
        async with session.get(f"{standin.base_url}/channels/1/pins", headers=headers) as resp:
            assert (resp.status, await resp.json()) == (404, {"message": "404: Not Found", "code": 0})
        async with session.ws_connect(f"{standin.gateway_url}?v=10&encoding=json") as ws:
            hello = await ws.receive_json()
            assert hello == {"t": None, "s": None, "op": 10, "d": {"heartbeat_interval": 500}}
            await ws.send_json({"op": 2, "d": {"token": "wrong", "intents": 0, "properties": {}}})
            closed = await ws.receive()
            assert (closed.type, ws.close_code) == (aiohttp.WSMsgType.CLOSE, 4004)
    assert [r.path for r in standin.unexpected_requests] == ["/channels/1/pins"]
