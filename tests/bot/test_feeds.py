"""/feeds and /changes through the real command tree (local dispatch), and the change embed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.exts.feeds import FeedProblem, change_embed, parse_since
from bot.loopback import GUILD_ID, LocalDiscord, command_data, interaction_payload
from knowledge.feeds.changes import ChangeReport, FigureChange, MeetingChange, StatementChange
from knowledge.models import DocumentRef, StatementKind
from knowledge.store import Store
from tests.limits import assert_payload_within_limits

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
REPORT = ChangeReport(
    document=DocumentRef(
        id=2,
        title="Poland revises",
        outlet="Harbour Post",
        url="https://news.example/p",
        published="2026-03-03",
    ),
    replaced=True,
    figures=[
        FigureChange(
            subject="PL",
            subject_name="🇵🇱 Poland",
            what="defence spending, share of GDP, 2025",
            now="4.7%",
            was="4.1%",
            sentence="Poland spent 4.7 percent of its GDP on defence in 2025.",
        )
    ],
    statements=[
        StatementChange(
            speaker="Mark Rutte",
            kind=StatementKind.VERBATIM,
            text="We move *now* @everyone",
            sentence="“We move *now* @everyone,” Rutte said.",
        )
    ],
    meetings=[
        MeetingChange(
            now="NATO summit in Ankara, Türkiye (7–8 July 2026)",
            was=["NATO summit in Istanbul, Türkiye (July 2026)"],
        )
    ],
)


def feeds_data(action: str, **options: Any) -> dict[str, Any]:
    """Return the data of /feeds <action> with options."""
    data = command_data("feeds", {})
    data["options"] = [
        {
            "name": action,
            "type": 1,
            "options": [
                {"name": k, "type": 3 if isinstance(v, str) else 4, "value": v} for k, v in options.items()
            ],
        }
    ]
    return data


async def feeds(
    local: LocalDiscord, action: str, permissions: str | None = None, **options: Any
) -> dict[str, Any]:
    """Run /feeds <action> and return the message that answers it."""
    member = {"permissions": permissions} if permissions is not None else {}
    sent = await local.dispatch(interaction_payload(2, feeds_data(action, **options), **member), count=1)
    first = sent[0]
    if (first.payload or {}).get("type") == 5:  # deferred: the followup answers
        first = (await local.adapter.wait_for(first.token, 2, 10))[1]
    return first.message()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, NOW - timedelta(hours=24)),
        ("7d", NOW - timedelta(days=7)),
        ("12h", NOW - timedelta(hours=12)),
        ("2026-03-01", datetime(2026, 3, 1, tzinfo=UTC)),
    ],
)
def test_since_reads_durations_and_dates(text: str | None, expected: datetime) -> None:
    """since: a duration back from now, or a date; nothing is 24 hours."""
    assert parse_since(text, NOW) == expected


def test_since_refuses_anything_else_with_the_forms_it_takes() -> None:
    with pytest.raises(FeedProblem, match="24h, 7d, 2w"):
        parse_since("last tuesday", NOW)


def test_a_change_embed_shows_old_values_sources_and_escapes_article_text() -> None:
    """Figures with their old value, the sentence marks, and no live mention or markdown from the article."""
    payload = {"embeds": [change_embed(REPORT).to_dict()], "allowed_mentions": {"parse": []}}
    assert_payload_within_limits(payload)
    embed = payload["embeds"][0]
    assert embed["title"] == "What changed: Poland revises" and embed["url"] == "https://news.example/p"
    assert embed["description"] == "Updated article · 3 changes to the briefing."
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Figures"] == "🇵🇱 Poland — defence spending, share of GDP, 2025: **4.7%** (was 4.1%) `[1]`"
    assert "@everyone" not in fields["New statements"] and "\\*now\\*" in fields["New statements"]
    assert "(was NATO summit in Istanbul, Türkiye (July 2026))" in fields["Meetings"]
    assert fields["Sources"].startswith("`[1]` Poland spent 4.7 percent")


async def test_changes_lists_what_the_store_recorded(local: LocalDiscord, store: Store) -> None:
    """/changes shows a recorded change of the operator's feeds."""
    await store.add_change(1, None, REPORT.model_dump_json())
    answer = (await local.answer("changes", {})).message()
    (embed,) = answer["embeds"]
    (field,) = embed["fields"]
    assert "Poland revises · Harbour Post · 2026-03-03" in field["name"]
    assert "**4.7%** (was 4.1%)" in field["value"]


async def test_changes_with_a_bad_since_is_a_short_private_error(local: LocalDiscord) -> None:
    answer = (await local.answer("changes", {"since": "whenever"})).message()
    assert answer["flags"] & 64 and "24h, 7d, 2w" in answer["embeds"][0]["description"]


async def test_a_member_without_manage_server_is_refused(local: LocalDiscord, store: Store) -> None:
    """The bot refuses /feeds channel for a member without Manage Server, and changes nothing."""
    answer = await feeds(local, "channel", permissions="0")
    assert "Manage Server" in answer["embeds"][0]["description"]
    assert await store.feed_channels() == []


async def test_feeds_channel_defaults_to_this_channel(local: LocalDiscord, store: Store) -> None:
    answer = await feeds(local, "channel")
    (chosen,) = await store.feed_channels()
    assert chosen[0] == GUILD_ID and f"<#{chosen[1]}>" in answer["embeds"][0]["description"]


async def test_a_server_cannot_remove_another_server_s_feed(local: LocalDiscord, store: Store) -> None:
    """A feed of the operator (or of another server) is not this server's to remove."""
    other, _ = await store.add_feed("https://news.example/feed.xml", None)
    answer = await feeds(local, "remove", feed=other.id)
    assert f"follows no feed #{other.id}" in answer["embeds"][0]["description"]
    assert [f.id for f in await store.feeds(every=True)] == [other.id]


async def test_adding_a_private_address_is_refused_with_the_reason(local: LocalDiscord, store: Store) -> None:
    """Without BRIEFBOT_FETCH_ALLOW_PRIVATE a feed on a loopback address is refused, and not added."""
    answer = await feeds(local, "add", url="http://127.0.0.1:9/feed.xml")
    assert (
        "Not added" in answer["embeds"][0]["description"]
        and "private or local" in answer["embeds"][0]["description"]
    )
    assert await store.feeds(every=True) == []


async def test_ingest_url_refuses_a_private_address(local: LocalDiscord, store: Store) -> None:
    """/ingest url: a loopback page is refused (BRIEFBOT_FETCH_ALLOW_PRIVATE is off), privately, with the reason."""
    before = len(await store.documents())
    answer = (await local.answer("ingest", {"url": "http://127.0.0.1:9/article"})).message()
    assert answer["flags"] & 64
    assert "private or local address" in answer["embeds"][0]["description"]
    assert len(await store.documents()) == before
