"""Documents end to end: /ingest, /ask, /brief, /sources and a chart upload, through the real bot.

One ``briefbot run`` process (``live_bot``, a fresh store seeded with the bundled article) serves
the module; the tests run in file order: the searches see the seed alone, then an admin adds a
second article. Every payload the bot sends goes through ``tests.limits.assert_payload_within_limits``
(in ``checked_answer``), and every interaction must be answered exactly once.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from .conftest import (
    ADMIN_PERMISSIONS,
    EPHEMERAL,
    BotProcess,
    assert_answered_once,
    checked_answer,
    embed_text,
    only_embed,
)
from .standin import DiscordStandIn, Response

pytestmark = pytest.mark.asyncio(loop_scope="module")

ARTICLES = Path(__file__).parents[1] / "knowledge" / "articles"
NEW_ARTICLE = ARTICLES / "wire-straight-quotes.txt"  # Sweden 2.1% (2025) and 1.3% (2021), Nordic Wire
NEW_TITLE = "Sweden to keep raising defence budget, minister says"
SEED_TITLE = "NATO defence spending"  # the start of the bundled article's title
MEMBER_ID = "222222222222222222"  # a member without Manage Server
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
PASTED_TEXT = (
    "Lithuania spent 3.4 percent of its GDP on defence in 2025, the government said on Monday. "
    "Defence Minister Rasa Kairiene said the money would go to air defence and a new brigade.\n\n"
    "“We are buying time and security at once,” Kairiene told reporters in Vilnius."
)


async def run(standin: DiscordStandIn, name: str, user_id: str | None = None, **options: Any) -> Response:
    """Run a slash command (default user: the server owner) and return its checked, single answer."""
    response = await checked_answer(standin, standin.make_command_interaction(name, options, user_id=user_id))
    assert_answered_once(standin, response)
    return response


def is_ephemeral(standin: DiscordStandIn, response: Response) -> bool:
    """Return whether the message answering the interaction is ephemeral (set by its first request)."""
    assert response.original_message_id is not None
    return bool(standin.messages[response.original_message_id]["flags"] & EPHEMERAL)


def custom_ids(message: dict[str, Any]) -> list[str]:
    """Return the custom_ids of a message's (or modal's) components, in order."""
    return [c["custom_id"] for row in message.get("components") or [] for c in row["components"]]


async def document_count(standin: DiscordStandIn) -> int:
    """Return how many documents /sources lists (one field each; the footer agrees)."""
    embed = only_embed(await run(standin, "sources"))
    count = len(embed.get("fields", []))
    assert embed["footer"]["text"] == f"{count} document{'s' if count != 1 else ''}"
    return count


async def test_ask_ranks_the_answering_sentence_first(live_bot: BotProcess) -> None:
    """/ask "How much did the US spend in 2014?" puts the 2014 sentence first, 2014 in bold, with a pointer."""
    standin = live_bot.standin
    response = await run(standin, "ask", question="How much did the US spend in 2014?")

    assert response.callback_type == 4
    embed = only_embed(response)
    first = embed["fields"][0]
    assert "**2014**" in first["value"], first
    assert "3.68%" in first["value"] and "defense in 2024" in first["value"], first
    (pointer,) = [f for f in embed["fields"] if f["name"] == "Try"]
    assert "`/spending country:United States`" in pointer["value"].splitlines()
    assert embed["footer"]["text"].startswith("Source: " + SEED_TITLE)


@pytest.mark.parametrize(
    "question",
    ['NEAR(" * AND', '"unbalanced', "-) OR ( AND NOT *", "spending^2 OR {x}", "'; DROP TABLE passages; --"],
)
async def test_ask_hostile_text(live_bot: BotProcess, question: str) -> None:
    """FTS syntax in the question never fails: a search answer (no error embed), within limits."""
    standin = live_bot.standin
    user = str(300_000_000_000_000_000 + len(question))  # one member per question: /ask has a cooldown
    response = await run(standin, "ask", user_id=user, question=question)

    assert response.callback_type == 4
    embed = only_embed(response)
    assert embed["title"].startswith("Search: "), embed
    assert "Something went wrong" not in embed_text(embed)
    assert "Command /ask failed" not in live_bot.output()


async def test_brief_sections_and_source(live_bot: BotProcess) -> None:
    """/brief: the seed's sections as fields of bullet points, the footer naming the document."""
    standin = live_bot.standin
    for options in ({}, {"document": "1"}):
        embed = only_embed(await run(standin, "brief", **options))
        assert embed["title"].startswith("Brief: " + SEED_TITLE)
        names = [f["name"] for f in embed["fields"]]
        assert len(names) >= 3 and "Defense Spending Still Falls Short" in names, names
        assert all(f["value"].startswith("• ") for f in embed["fields"])
        assert embed["footer"]["text"].startswith("Source: " + SEED_TITLE)


async def test_sources_one_field_per_document(live_bot: BotProcess) -> None:
    """/sources on the seeded store: one field for document #1, with its counts."""
    embed = only_embed(await run(live_bot.standin, "sources"))

    (field,) = embed["fields"]
    assert field["name"].startswith("#1 · " + SEED_TITLE)
    assert re.search(r"\d+ spending facts · \d+ statements", field["value"]), field
    assert embed["footer"]["text"] == "1 document"


async def test_chart_arrives_as_multipart_upload(live_bot: BotProcess) -> None:
    """/spending United States: a type-5 deferral, then one multipart followup with the PNG chart."""
    standin = live_bot.standin
    response = await run(standin, "spending", country="United States")

    assert response.callback_json["type"] == 5
    assert not (response.callback_json.get("data") or {}).get("flags", 0) & EPHEMERAL
    (followup,) = response.followups
    assert followup.multipart, "the chart must be uploaded as multipart/form-data"
    payload = followup.json  # parsed from the payload_json part
    assert isinstance(payload, dict), "no payload_json part"
    (embed,) = payload["embeds"]
    assert embed["image"]["url"] == "attachment://spending-US.png"
    assert [a["filename"] for a in payload["attachments"]] == ["spending-US.png"]
    (part,) = followup.files
    assert (part.field, part.filename) == ("files[0]", "spending-US.png")
    assert part.data.startswith(PNG_MAGIC)
    assert "United States" in embed["title"] and "3.68%" in embed_text(embed)

    # The public message now carries the attachment, and its URL serves the very same PNG.
    message = standin.messages[response.original_message_id or ""]
    (attachment,) = message["attachments"]
    assert attachment["filename"] == "spending-US.png" and not message["flags"] & EPHEMERAL
    async with aiohttp.ClientSession() as session, session.get(attachment["url"]) as served:
        assert served.status == 200
        assert await served.read() == part.data


async def test_ingest_attachment_by_admin(live_bot: BotProcess) -> None:
    """An admin's attachment: ephemeral deferral, download, preview with buttons, confirm, then answers use it."""
    standin = live_bot.standin
    before = await document_count(standin)
    sweden = only_embed(await run(standin, "spending", country="Sweden"))
    assert "2.1%" not in embed_text(sweden)

    raw = NEW_ARTICLE.read_bytes()
    attachment = standin.make_attachment(NEW_ARTICLE.name, raw)
    payload = standin.make_command_interaction(
        "ingest", {"file": attachment["id"]}, permissions=ADMIN_PERMISSIONS, attachments=[attachment]
    )
    assert payload["data"]["options"] == [{"name": "file", "type": 11, "value": attachment["id"]}]
    response = await checked_answer(standin, payload)
    assert_answered_once(standin, response)

    assert response.callback_json == {"type": 5, "data": {"flags": EPHEMERAL}}
    path = attachment["url"].removeprefix(standin.origin)
    (download,) = standin.find_requests("GET", path)  # the bot fetched the file from the attachment URL
    assert download.kind == "cdn" and download.status == 200
    assert response.callback is not None and response.callback.time <= download.time
    (followup,) = response.followups
    assert download.time <= followup.time
    assert is_ephemeral(standin, response)
    preview = only_embed(response)
    assert preview["title"] == f"Add “{NEW_TITLE}”?"
    assert "Nordic Wire" in preview["description"] and "6 spending facts" in preview["description"]
    assert "Nothing is stored until you press **Store it**" in preview["description"]
    assert custom_ids(followup.json) == ["ingest:confirm", "ingest:cancel"]
    assert await document_count(standin) == before, "stored before confirming"

    message_id = response.original_message_id
    assert message_id is not None
    # Another member cannot press the admin's button: refused, and the preview stays as it was.
    intruder = await checked_answer(
        standin,
        standin.make_component_interaction(
            "ingest:confirm", message_id, user_id=MEMBER_ID, permissions=ADMIN_PERMISSIONS
        ),
    )
    assert_answered_once(standin, intruder)
    assert intruder.callback_type == 4 and is_ephemeral(standin, intruder)
    assert "Only the member who added this article" in only_embed(intruder)["description"]
    assert standin.messages[message_id]["embeds"][0]["title"] == preview["title"]
    assert await document_count(standin) == before

    confirmed = await checked_answer(
        standin,
        standin.make_component_interaction("ingest:confirm", message_id, permissions=ADMIN_PERMISSIONS),
    )
    assert_answered_once(standin, confirmed)
    assert confirmed.callback_type == 6  # acknowledged before the write (issue 12 item 6)
    (edit,) = confirmed.edits
    stored = only_embed(confirmed)
    assert stored["description"] == f"Stored as document #{before + 1}, for this server."
    assert edit.json["components"] == []  # the buttons are gone
    assert standin.messages[message_id]["embeds"][0]["description"] == stored["description"]

    sources = only_embed(await run(standin, "sources"))
    assert len(sources["fields"]) == before + 1 == 2
    assert any(f["name"] == f"#{before + 1} · {NEW_TITLE}" for f in sources["fields"]), sources["fields"]

    sweden = only_embed(await run(standin, "spending", country="Sweden"))
    text = embed_text(sweden)
    assert "**2.1%** of GDP in 2025" in text and "**1.3%** of GDP in 2021" in text, text
    assert NEW_TITLE in sweden["footer"]["text"]


async def test_ingest_refused_to_member(live_bot: BotProcess) -> None:
    """A member without Manage Server gets an ephemeral refusal naming it; nothing is downloaded or stored."""
    standin = live_bot.standin
    before = await document_count(standin)
    attachment = standin.make_attachment("traps.txt", (ARTICLES / "traps.txt").read_bytes())
    payload = standin.make_command_interaction(
        "ingest", {"file": attachment["id"]}, user_id=MEMBER_ID, attachments=[attachment]
    )
    response = await checked_answer(standin, payload)
    assert_answered_once(standin, response)

    assert response.callback_type == 4
    assert response.callback_json["data"]["flags"] & EPHEMERAL and is_ephemeral(standin, response)
    assert "Manage Server" in only_embed(response)["description"]
    assert standin.find_requests("GET", attachment["url"].removeprefix(standin.origin)) == []
    assert await document_count(standin) == before


async def test_ingest_paste_modal(live_bot: BotProcess) -> None:
    """/ingest without a file opens the paste modal; its submission gets an ephemeral preview; Cancel stores nothing."""
    standin = live_bot.standin
    before = await document_count(standin)
    opened = await checked_answer(
        standin, standin.make_command_interaction("ingest", permissions=ADMIN_PERMISSIONS)
    )
    assert_answered_once(standin, opened)
    assert opened.callback_type == 9
    modal = opened.callback_json["data"]
    assert modal["custom_id"].startswith("ingest:paste") and 1 <= len(modal["title"]) <= 45
    assert custom_ids(modal) == ["ingest:title", "ingest:outlet", "ingest:date", "ingest:text"]

    values = {
        "ingest:title": "Lithuania raises its defence budget again",
        "ingest:outlet": "Baltic Ledger",
        "ingest:date": "2026-02-16",
        "ingest:text": PASTED_TEXT,
    }
    submitted = await checked_answer(
        standin,
        standin.make_modal_submit_interaction(modal["custom_id"], values, permissions=ADMIN_PERMISSIONS),
    )
    assert_answered_once(standin, submitted)
    assert submitted.callback_type == 4
    assert submitted.callback_json["data"]["flags"] & EPHEMERAL and is_ephemeral(standin, submitted)
    preview = only_embed(submitted)
    assert preview["title"] == "Add “Lithuania raises its defence budget again”?"
    assert "Baltic Ledger" in preview["description"] and "2026-02-16" in preview["description"]
    assert "1 spending fact" in preview["description"], preview["description"]
    assert custom_ids(submitted.callback_json["data"]) == ["ingest:confirm", "ingest:cancel"]

    message_id = submitted.original_message_id
    assert message_id is not None
    cancelled = await checked_answer(standin, standin.make_component_interaction("ingest:cancel", message_id))
    assert_answered_once(standin, cancelled)
    assert cancelled.callback_type == 7
    assert only_embed(cancelled)["description"] == "Cancelled; nothing was stored."
    assert await document_count(standin) == before


# --- issue 12 item 8: attachments ----------------------------------------------------------------

ADMINS = itertools.count(333_000_000_000_000_000)  # one admin per /ingest: it has a per-member cooldown


async def ingest_file(standin: DiscordStandIn, attachment: dict[str, Any]) -> Response:
    """Send /ingest with an attachment, by an admin of its own (no cooldown), and return its checked, single answer."""
    payload = standin.make_command_interaction(
        "ingest",
        {"file": attachment["id"]},
        user_id=str(next(ADMINS)),
        permissions=ADMIN_PERMISSIONS,
        attachments=[attachment],
    )
    response = await checked_answer(standin, payload)
    assert_answered_once(standin, response)
    assert is_ephemeral(standin, response)
    return response


def cdn_path(standin: DiscordStandIn, attachment: dict[str, Any]) -> str:
    """Return the stand-in CDN path an attachment's URL points at."""
    return str(attachment["url"]).removeprefix(standin.origin)


async def test_ingest_attachment_on_another_host_is_not_fetched(live_bot: BotProcess) -> None:
    """Issue 12 item 8: an attachment whose URL is not Discord's file host is refused without a request to it."""
    standin = live_bot.standin
    seen: list[str] = []

    async def record(request: web.Request) -> web.Response:
        seen.append(request.path)
        return web.Response(text="Title: Planted\n\nPoland spent 9% of GDP on defence in 2025.\n")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", record)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        attachment = standin.make_attachment("planted.txt", b"unused")
        elsewhere = f"http://127.0.0.1:{runner.addresses[0][1]}/planted.txt"
        attachment |= {"url": elsewhere, "proxy_url": elsewhere}
        response = await ingest_file(standin, attachment)
    finally:
        await runner.cleanup()
    assert response.callback_type == 4
    assert "not on Discord's file host" in only_embed(response)["description"]
    assert seen == []


async def test_ingest_attachment_larger_than_declared_is_cut_off(live_bot: BotProcess) -> None:
    """Issue 12 item 8: a file that declares 100 B but serves 60 MB is refused after at most a few MB read."""
    standin = live_bot.standin
    body = b"Title: Huge\n\n" + b"Poland spent 4% of GDP on defence. " * (60 * 1024 * 1024 // 35)
    attachment = standin.make_attachment("huge.txt", body) | {"size": 100}
    response = await ingest_file(standin, attachment)

    assert response.callback_type == 5  # the download starts after the deferral
    assert "larger than 256 KB" in only_embed(response)["description"]
    (download,) = standin.find_requests("GET", cdn_path(standin, attachment))
    await standin.wait_for(lambda: download.served > 0, 30, "the download to end")
    print(
        f"\n60 MB attachment declared as 100 B: {download.served / 2**20:.1f} MB written before the bot hung up"
    )
    assert download.served < len(body) // 4  # socket buffers hold a few MB; the rest was never read


@pytest.mark.parametrize(
    ("status", "said"), [(404, "no longer has that file (404)"), (502, "is failing (502)")]
)
async def test_ingest_attachment_host_errors_are_explained(
    live_bot: BotProcess, status: int, said: str
) -> None:
    """Issue 12 item 8: a 404 or 502 from the file host gets its own message, not "Something went wrong"."""
    standin = live_bot.standin
    attachment = standin.make_attachment(f"gone-{status}.txt", NEW_ARTICLE.read_bytes())
    if status == 404:
        del standin.cdn_files[cdn_path(standin, attachment)]
    else:
        standin.fail_next(cdn_path(standin, attachment), status)
    response = await ingest_file(standin, attachment)
    assert said in only_embed(response)["description"]


async def test_ingest_in_a_dm_says_it_only_works_in_a_server(live_bot: BotProcess) -> None:
    """Issue 12 item 8: /ingest in a DM is refused as a server-only command (not as a missing permission)."""
    standin = live_bot.standin
    response = await checked_answer(standin, standin.make_command_interaction("ingest", guild=False))
    assert_answered_once(standin, response)
    assert only_embed(response)["description"] == "This command only works in a server."
