"""The real bot, as a separate ``briefbot run`` process, answering through the Discord stand-in.

One bot process serves the whole module (see ``live_bot`` in conftest.py); its teardown checks
the clean SIGTERM shutdown. Every payload the stand-in receives goes through the one shared
limits check, ``tests.limits.assert_payload_within_limits``.
"""

from __future__ import annotations

import asyncio
import copy
import json
import re
from typing import Any

import discord
import pytest

from bot.app import create_bot
from bot.settings import Settings
from knowledge.briefing import Briefing
from knowledge.ingest import open_store
from tests.launch import briefbot, clean_env
from tests.limits import assert_payload_within_limits

from .conftest import BotProcess, embed_text
from .standin import DiscordStandIn, Response

pytestmark = pytest.mark.asyncio(loop_scope="module")

EPHEMERAL = 64
OTHER_USER_ID = "111111111111111111"  # not the stand-in's default user, who asked the question
ARTICLE_TITLE = "NATO defence spending"  # the start of the bundled article's title
BRIEFING_COMMANDS = {"about", "ask", "quote", "spending", "summit"}  # at least these are synced
MESSAGE_CALLBACKS = {4, 7, 8}  # callback types whose data is a message (or autocomplete choices)
CURLY_QUOTED = re.compile(r"“[^”\n]*”")  # text in quotation marks, within one line


async def tree_command_names() -> set[str]:
    """Return the names of the slash commands in the bot's tree, loaded in this process."""
    store = await open_store(":memory:", seed=False)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    bot = create_bot(Briefing(store), settings.model_copy(update={"dev_guild": None}))
    async with bot:  # closes the bot and the store
        await bot.setup_hook()
        return {c.name for c in bot.tree.get_commands()}


async def answer(standin: DiscordStandIn, payload: dict[str, Any], timeout: float = 15) -> Response:
    """Send an interaction and wait for its answer; every message the bot sent passes the limits check."""
    response = await standin.wait_for_response(await standin.send_interaction(payload), timeout=timeout)
    for request in standin.responses_for(response.interaction_id):
        assert request.ok, f"{request}: {request.response_json}"
        if request.kind == "callback" and request.json["type"] not in MESSAGE_CALLBACKS:
            continue  # a deferral (type 5/6) carries no message
        assert_payload_within_limits(request.json)
    return response


async def command(standin: DiscordStandIn, name: str, **options: str) -> Response:
    """Run a slash command as the stand-in's default user and return its checked answer."""
    return await answer(standin, standin.make_command_interaction(name, options))


def message(response: Response) -> dict[str, Any]:
    """Return the message data the user sees: the callback's data, or the followup after a deferral."""
    data = response.final_message
    assert isinstance(data, dict), response.requests
    return data


def only_embed(response: Response) -> dict[str, Any]:
    """Return the single embed of a message answer."""
    (embed,) = message(response)["embeds"]
    return embed


def ephemeral(standin: DiscordStandIn, response: Response) -> bool:
    """Return whether the message that answers the interaction is ephemeral (flag 64, set by its first request)."""
    assert response.original_message_id is not None
    return bool(standin.messages[response.original_message_id]["flags"] & EPHEMERAL)


def plain(text: str) -> str:
    """Return text without bold markers, lowercased, for phrase checks."""
    return text.replace("**", "").lower()


def strings(value: Any) -> list[str]:
    """Return every string inside a JSON value (keys excluded)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def assert_short_error(standin: DiscordStandIn, response: Response) -> dict[str, Any]:
    """Check an answer is one short, red, ephemeral error embed without a traceback; return it."""
    assert response.callback_type == 4
    assert response.callback_json["data"]["flags"] & EPHEMERAL and ephemeral(standin, response)
    embed = only_embed(response)
    red, green, blue = (embed["color"] >> 16) & 0xFF, (embed["color"] >> 8) & 0xFF, embed["color"] & 0xFF
    assert red >= 0x80 and green < red // 2 and blue < red // 2, f"not red: {embed['color']:#08x}"
    text = embed_text(embed)
    assert 0 < len(text) < 400, text
    assert "Traceback" not in text and 'File "' not in text
    return embed


async def test_login_and_guild_sync(live_bot: BotProcess) -> None:
    """The bot identifies with the default intents and syncs its five commands to the dev guild only."""
    standin = live_bot.standin
    (identify,) = standin.identify_payloads
    assert identify["token"] == standin.token
    assert identify["intents"] == discord.Intents.default().value == standin.intents

    assert [guild for guild, _ in standin.command_syncs] == [standin.guild_id]
    assert standin.find_requests("PUT", f"/applications/{standin.application_id}/commands") == []
    ((_, synced),) = standin.command_syncs
    names = {c["name"] for c in synced}
    assert names == await tree_command_names()
    assert names >= BRIEFING_COMMANDS
    # Free text (a fixed set of choices has nothing to cap).
    string_options = [
        (c["name"], o)
        for c in synced
        for o in c.get("options", [])
        if o["type"] == 3 and not o.get("choices")
    ]
    assert {name for name, _ in string_options} >= {"ask", "quote", "spending", "summit"}
    for name, option in string_options:
        assert isinstance(option.get("max_length"), int), f"/{name} {option['name']} has no max_length"
        assert 1 <= option["max_length"] <= 6000
    assert {c["name"] for c in standin.guild_commands[standin.guild_id]} == names
    assert standin.unexpected_requests == []


async def test_spending_canada(live_bot: BotProcess) -> None:
    """/spending Canada: one public embed with the missed 2023 target, no figure, and the source."""
    standin = live_bot.standin
    response = await command(standin, "spending", country="Canada")

    assert response.callback_type == 4
    assert not ephemeral(standin, response)
    assert response.callback_json["data"]["allowed_mentions"] == {"parse": []}
    embed = only_embed(response)
    assert "Canada" in embed["title"]
    text = embed_text(embed)
    assert "2023" in text
    (target,) = [f for f in embed["fields"] if f["name"] == "Target"]
    assert "Missed" in target["value"] and "2023" in target["value"]
    assert re.search(r"no figures? for canada", plain(embed["description"])), embed["description"]
    assert embed["footer"]["text"].startswith("Source: " + ARTICLE_TITLE)
    await asyncio.sleep(0.3)  # a duplicate answer would arrive right after the first one
    assert [(r.kind, r.status) for r in standin.responses_for(response.interaction_id)] == [("callback", 200)]


async def test_spending_usa_alias(live_bot: BotProcess) -> None:
    """/spending usa resolves to the United States with its 3.19% (2024) and 3.68% (2014) figures."""
    response = await command(live_bot.standin, "spending", country="usa")
    embed = only_embed(response)

    assert "United States" in embed["title"]
    text = embed_text(embed)
    assert "3.19%" in text and "3.68%" in text
    if "image" in embed:  # a chart: the image the embed shows is a PNG uploaded with the answer
        (chart,) = response.files
        assert embed["image"]["url"] == f"attachment://{chart.filename}"
        assert chart.data.startswith(b"\x89PNG\r\n\x1a\n")


async def test_summit(live_bot: BotProcess) -> None:
    """/summit names the Netherlands, June and Trump."""
    response = await command(live_bot.standin, "summit")

    assert not ephemeral(live_bot.standin, response)
    text = embed_text(only_embed(response))
    for fact in ("Netherlands", "June", "Trump"):
        assert fact in text, f"{fact} missing from\n{text}"


async def test_quote_rutte_pages(live_bot: BotProcess) -> None:
    """/quote Rutte quotes verbatim; only the asker can turn to page 2, others get an ephemeral refusal."""
    standin = live_bot.standin
    response = await command(standin, "quote", person="Rutte")
    embed = only_embed(response)
    assert "Rutte" in embed["title"]
    quoted = CURLY_QUOTED.findall(embed_text(embed))
    assert any("We must step up our efforts in 2025" in q for q in quoted), quoted

    pages = re.search(r"Page 1/(\d+)", embed["footer"]["text"])
    components = message(response).get("components") or []
    assert pages is not None, f"Rutte's statements fit one page: {embed['footer']['text']}"
    assert int(pages.group(1)) >= 2
    custom_ids = [c["custom_id"] for row in components for c in row["components"]]
    assert "quote:next" in custom_ids

    message_id = response.original_message_id
    assert message_id is not None
    turned = await answer(standin, standin.make_component_interaction("quote:next", message_id))
    assert turned.callback_type == 7
    page_two = only_embed(turned)
    assert f"Page 2/{pages.group(1)}" in page_two["footer"]["text"]
    assert embed_text(page_two) != embed_text(embed)
    labels = [c.get("label") for row in message(turned)["components"] for c in row["components"]]
    assert f"2/{pages.group(1)}" in labels
    assert standin.messages[message_id]["embeds"][0]["footer"] == page_two["footer"]

    # Another user presses the (enabled) Previous button: refused, and the page stays as it is.
    before = copy.deepcopy(standin.messages[message_id])
    refused = await answer(
        standin, standin.make_component_interaction("quote:previous", message_id, user_id=OTHER_USER_ID)
    )
    assert_short_error(standin, refused)
    assert refused.original_message_id != message_id
    assert standin.messages[message_id] == before
    assert [r.kind for r in standin.responses_for(refused.interaction_id)] == ["callback"]


async def test_quote_hegseth_reported(live_bot: BotProcess) -> None:
    """/quote Hegseth marks his statements as reported and never puts them in quotation marks."""
    embed = only_embed(await command(live_bot.standin, "quote", person="Hegseth"))

    assert "Hegseth" in embed["title"]
    statements = [
        f
        for f in embed["fields"]
        if "Ukraine is unlikely to regain" in f["value"] and not f["name"].startswith("Sources")
    ]
    assert statements, embed_text(embed)
    assert all("Reported" in f["name"] for f in statements), statements
    quoted = CURLY_QUOTED.findall(embed_text(embed))
    assert not any("Ukraine is unlikely to regain" in q for q in quoted), quoted


async def test_unknown_country_and_typo(live_bot: BotProcess) -> None:
    """An unknown country gets a short red ephemeral error; the typo "Germny" resolves to Germany."""
    standin = live_bot.standin
    unknown = await command(standin, "spending", country="Atlantis")
    assert_short_error(standin, unknown)

    typo = await command(standin, "spending", country="Germny")
    assert not ephemeral(standin, typo)
    embed = only_embed(typo)
    assert "Germany" in embed["title"]
    assert "Germany" in embed["author"]["name"]  # the fuzzy match is shown, so a wrong guess is visible
    assert re.search(r"no figures? for germany", plain(embed["description"])), embed["description"]


async def test_spending_autocomplete(live_bot: BotProcess) -> None:
    """Autocomplete for "ca" offers Canada among at most 25 choices, previewing the missed target."""
    standin = live_bot.standin
    payload = standin.make_autocomplete_interaction("spending", {"country": "ca"}, focused="country")
    response = await answer(standin, payload)

    assert response.callback_type == 8
    choices = response.callback_json["data"]["choices"]
    assert 1 <= len(choices) <= 25
    assert all(1 <= len(c["name"]) <= 100 for c in choices)
    (canada,) = [c for c in choices if c["value"] == "Canada"]
    assert "missed" in canada["name"].lower()


async def test_hostile_input_is_escaped(live_bot: BotProcess) -> None:
    """A country made of mentions and markdown gets an ephemeral error that pings no one."""
    hostile = "@everyone **bold** <@&123456789012345678>"
    response = await command(live_bot.standin, "spending", country=hostile)

    assert_short_error(live_bot.standin, response)
    texts = strings(response.callback_json)
    assert not any("@everyone" in s for s in texts), texts
    assert not any("<@&123456789012345678>" in s for s in texts), texts
    assert not any("**bold**" in s for s in texts), texts  # user text is shown, not rendered


async def test_console_json_equals_bot_callback(live_bot: BotProcess) -> None:
    """``briefbot ask --json "/spending Canada"`` prints exactly the callback the bot sent Discord."""
    standin = live_bot.standin
    response = await command(standin, "spending", country="Canada")
    # A separate, fresh store: two processes seeding one new file would race; the seed is deterministic.
    workdir = live_bot.workdir / "console"
    workdir.mkdir(exist_ok=True)
    process = await asyncio.create_subprocess_exec(
        *briefbot(),
        "ask",
        "--json",
        "/spending Canada",
        cwd=workdir,
        env=clean_env(BRIEFBOT_DB=str(workdir / "console.sqlite3")),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 0, stderr.decode(errors="replace")
    assert b"Traceback" not in stderr
    printed = json.loads(stdout)
    assert_payload_within_limits(printed)

    assert response.final_request is not None
    assert printed == response.final_request.json


# --- issue 12 item 11: mentions ------------------------------------------------------------------

NON_OWNER_ID = "222222222222222222"


def bot_log(bot: BotProcess) -> str:
    """Return what the bot has logged so far (stderr)."""
    return bot.stderr_path.read_text(errors="replace")


async def test_mentions_log_no_error_and_a_non_owner_s_sync_gets_a_reply(live_bot: BotProcess) -> None:
    """Issue 12 item 11: "@briefbot hello" logs no ERROR and gets no reply; "@briefbot sync" by a non-owner is told why.

    The reply to the sync, handled after the chatter, is the barrier before the log is read.
    """
    standin = live_bot.standin
    logged, syncs = len(bot_log(live_bot)), len(standin.command_syncs)
    await standin.dispatch(
        "MESSAGE_CREATE", standin.make_mention("hello, what can you do?", user_id=NON_OWNER_ID)
    )
    mention = standin.make_mention("sync", user_id=NON_OWNER_ID)
    await standin.dispatch("MESSAGE_CREATE", mention)
    (reply,) = await standin.wait_for(lambda: standin.channel_messages, 15, "a reply in the channel")

    assert reply["content"] == "Only the bot's owners can sync its commands."
    assert len(standin.command_syncs) == syncs
    (request,) = standin.find_requests("POST", f"/channels/{standin.channel_id}/messages")
    assert str(request.json["message_reference"]["message_id"]) == mention["id"]
    assert request.json["allowed_mentions"]["parse"] == []
    since = bot_log(live_bot)[logged:]
    assert "ERROR" not in since and "Traceback" not in since, since
    standin.channel_messages.clear()
