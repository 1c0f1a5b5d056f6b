"""Tree-level tests: real Interaction objects from payloads, dispatched through the real command tree.

Each test feeds an INTERACTION_CREATE payload to the bot's gateway handler (``bot.loopback``) and
asserts the exact JSON the bot sends back. Golden files pin each command's embed; regenerate them
after a deliberate change with ``BRIEFBOT_UPDATE_GOLDEN=1 python -m pytest tests/bot``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from bot.loopback import MEMBER_PERMISSIONS, LocalDiscord, Sent, command_data, interaction_payload
from knowledge.briefing import Briefing
from knowledge.ingest import analyse
from tests.limits import assert_payload_within_limits

GOLDEN = Path(__file__).parent / "golden"
EPHEMERAL = 64


def check_golden(name: str, payload: dict[str, Any]) -> None:
    """Fail unless payload equals the golden file (or rewrite it when asked to)."""
    path = GOLDEN / f"{name}.json"
    text = json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if os.environ.get("BRIEFBOT_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path.name}; run with BRIEFBOT_UPDATE_GOLDEN=1"
    assert json.loads(path.read_text(encoding="utf-8")) == payload


def embed_of(sent: Sent) -> dict[str, Any]:
    """Return the single embed of a response, after checking the payload's limits."""
    assert sent.payload is not None
    assert_payload_within_limits(sent.payload)
    (embed,) = sent.message()["embeds"]
    return embed  # type: ignore[no-any-return]


def text_of(embed: dict[str, Any]) -> str:
    """Return all the visible text of an embed."""
    parts = [
        embed.get("title", ""),
        embed.get("description", ""),
        (embed.get("footer") or {}).get("text", ""),
    ]
    parts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
    return "\n".join(parts)


@pytest.mark.parametrize(
    ("golden", "command", "options"),
    [
        ("spending_canada", "spending", {"country": "Canada"}),
        ("spending_united_states", "spending", {"country": "United States"}),
        ("spending_germany", "spending", {"country": "Germany"}),
        ("spending_nato", "spending", {"country": "NATO"}),
        ("summit", "summit", {}),
        ("quote_rutte", "quote", {"person": "Rutte"}),
        ("quote_hegseth", "quote", {"person": "Hegseth"}),
        ("quote_trump", "quote", {"person": "Trump"}),
        ("sources", "sources", {}),
        ("brief", "brief", {}),
        ("ask_us_2014", "ask", {"question": "How much did the US spend in 2014?"}),
    ],
)
async def test_command_payload_matches_golden(
    local: LocalDiscord, golden: str, command: str, options: dict[str, str]
) -> None:
    """Each command answers with one public embed, inside the limits, exactly as pinned."""
    sent = await local.answer(command, options)
    assert sent.payload is not None
    assert not sent.message().get("flags", 0) & EPHEMERAL
    embed_of(sent)
    check_golden(golden, sent.payload)


async def test_spending_canada_states_the_missed_target_and_no_figure(local: LocalDiscord) -> None:
    """Canada: missed the 2% target in 2023, no number, with the list sentence as source."""
    sent = await local.command("spending", {"country": "Canada"})
    assert sent.payload is not None and sent.payload["type"] == 4  # no chart: answered at once
    text = text_of(embed_of(sent))
    assert "Missed the 2% of GDP target in 2023" in text
    assert "no figure" in text.lower()
    assert "Countries missing the goal include Belgium, Canada" in text
    assert "22** of 32 allies met the 2% target in 2023" in text


@pytest.mark.parametrize("alias", ["usa", "U.S.", "America", "united states", "Untied States"])
async def test_spending_accepts_aliases_and_typos(local: LocalDiscord, alias: str) -> None:
    """Aliases and typos resolve to the United States and its 2024 and 2014 figures."""
    embed = embed_of(await local.answer("spending", {"country": alias}))
    assert embed["title"].startswith("🇺🇸 United States")
    assert "**3.19%** of GDP in 2024" in text_of(embed) and "**3.68%** of GDP in 2014" in text_of(embed)


async def test_two_figures_come_with_a_chart(local: LocalDiscord) -> None:
    """A country with two or more figures is answered after a defer, with a PNG chart attached."""
    origin = interaction_payload(2, command_data("spending", {"country": "United States"}))
    await local.dispatch(origin)
    defer, message = await local.adapter.wait_for(origin["token"], 2, timeout=60)
    assert defer.payload == {"type": 5}
    assert message.kind == "followup"  # Discord turns the first followup after a defer into the answer
    ((filename, png),) = message.files
    assert filename == "spending-US.png" and png.startswith(b"\x89PNG")
    assert message.message()["attachments"][0]["filename"] == "spending-US.png"
    assert embed_of(message)["image"]["url"] == "attachment://spending-US.png"


async def test_fuzzy_match_is_shown(local: LocalDiscord) -> None:
    """A typo that resolves says which country it picked."""
    embed = embed_of(await local.command("spending", {"country": "Germny"}))
    assert embed["author"]["name"] == "Closest match: Germany"
    assert "No figures for Germany in the briefing" in embed["description"]


async def test_another_name_of_a_country_is_shown_with_its_listed_name(local: LocalDiscord) -> None:
    """A country asked by another of its names ("Turkey") is answered under its listed one (Türkiye),
    and says so; an abbreviation ("UK") needs no saying."""
    embed = embed_of(await local.command("spending", {"country": "Turkey"}))
    assert embed["author"]["name"] == "Turkey is listed as Türkiye"
    assert embed["title"].endswith("Türkiye — defence spending")
    assert "author" not in embed_of(await local.command("spending", {"country": "UK"}))


@pytest.mark.parametrize(
    ("command", "options", "fragment"),
    [
        ("spending", {"country": "Atlantis"}, "No country called"),
        ("spending", {"country": "   "}, "country"),
        ("spending", {"country": "@everyone **x** <@&123456789012345678>"}, "No country called"),
        ("quote", {"person": "Zelensky"}, "No one called"),
        ("quote", {"person": ""}, "name"),
        ("summit", {"summit": "Mars"}, "not in the briefing"),
    ],
)
async def test_bad_input_gets_a_short_ephemeral_error(
    local: LocalDiscord, command: str, options: dict[str, str], fragment: str
) -> None:
    """Unknown names and empty input get an ephemeral red embed that pings no one."""
    sent = await local.command(command, options)
    assert sent.payload is not None and sent.payload["type"] == 4
    assert sent.payload["data"]["flags"] == EPHEMERAL
    embed = embed_of(sent)
    assert embed["color"] == 0xC53030
    assert fragment in embed["description"]
    assert "@everyone" not in json.dumps(sent.payload, ensure_ascii=False)
    assert len(embed["description"]) < 200


async def test_unknown_country_suggests_close_names(local: LocalDiscord) -> None:
    """A near miss that does not resolve offers "did you mean"."""
    embed = embed_of(await local.command("spending", {"country": "Slovania"}))
    assert embed["fields"][0]["name"] == "Did you mean"
    assert "Slovenia" in embed["fields"][0]["value"] and "Slovakia" in embed["fields"][0]["value"]


async def test_country_autocomplete_previews_answers(local: LocalDiscord) -> None:
    """Autocomplete gives at most 25 choices whose labels preview the answer."""
    sent = await local.autocomplete("spending", {"country": "ca"}, focused="country")
    assert sent.payload is not None
    assert_payload_within_limits(sent.payload)
    assert sent.payload["type"] == 8
    choices = {c["value"]: c["name"] for c in sent.payload["data"]["choices"]}
    assert choices["Canada"] == "🇨🇦 Canada — missed 2% target (2023)"


async def test_empty_autocomplete_offers_the_alliance_and_members(local: LocalDiscord) -> None:
    """With nothing typed, the alliance overview comes first and there are exactly 25 choices."""
    sent = await local.autocomplete("spending", {"country": ""}, focused="country")
    assert sent.payload is not None
    choices = sent.payload["data"]["choices"]
    assert len(choices) == 25
    assert choices[0]["value"] == "NATO (all allies)"


async def test_person_autocomplete(local: LocalDiscord) -> None:
    """Person autocomplete matches surnames and shows how many statements each has."""
    sent = await local.autocomplete("quote", {"person": "heg"}, focused="person")
    assert sent.payload is not None
    assert [c["value"] for c in sent.payload["data"]["choices"]] == ["Pete Hegseth"]
    assert "2 statements" in sent.payload["data"]["choices"][0]["name"]


async def test_quote_pages_turn_for_the_asker_only(local: LocalDiscord) -> None:
    """The asker can turn to page 2; anyone else gets an ephemeral refusal and nothing changes."""
    lines = [f"“We will build depot number {n} before the winter,” Ilona Varga said." for n in range(12)]
    raw = "Title: Depots\nDate: 2025-05-02\n\n" + "\n\n".join(["Engineer Ilona Varga spoke.", *lines])
    briefing: Briefing = local.bot.briefing  # type: ignore[attr-defined]
    await briefing.add(*analyse(raw), name="depots.txt")
    origin = interaction_payload(2, command_data("quote", {"person": "Varga"}))
    (first,) = await local.dispatch(origin)
    assert first.payload is not None
    buttons = first.payload["data"]["components"][0]["components"]
    assert [b["custom_id"] for b in buttons] == ["quote:previous", "quote:page", "quote:next"]
    assert buttons[1]["label"] == "1/2"

    stranger = await local.press("quote:next", origin, first, user_id=42, permissions=MEMBER_PERMISSIONS)
    assert stranger.payload is not None and stranger.payload["data"]["flags"] == EPHEMERAL
    assert "Only the person who asked" in stranger.payload["data"]["embeds"][0]["description"]

    turned = await local.press("quote:next", origin, first)
    assert turned.payload is not None and turned.payload["type"] == 7  # update the message in place
    assert "Page 2/2" in turned.payload["data"]["embeds"][0]["footer"]["text"]
    assert turned.payload["data"]["components"][0]["components"][2]["disabled"] is True


async def test_about_lists_coverage_and_commands(local: LocalDiscord) -> None:
    """/about is ephemeral and names the document, the covered countries and every command."""
    sent = await local.command("about", {})
    assert sent.payload is not None and sent.payload["data"]["flags"] == EPHEMERAL
    text = text_of(embed_of(sent))
    for name in ("/spending", "/summit", "/quote", "/ask", "/about", "Canada", "United States", "Rutte (7)"):
        assert name in text


async def test_ask_ranks_the_answering_sentence_first(local: LocalDiscord) -> None:
    """ "How much did the US spend in 2014?" finds the sentence with the 2014 figure first."""
    embed = embed_of(await local.command("ask", {"question": "How much did the US spend in 2014?"}))
    assert "3.68% in **2014**" in embed["fields"][0]["value"]
    assert "/spending country:United States" in text_of(embed)


@pytest.mark.parametrize("question", ['"', "NEAR(a b)", "* - AND OR NOT", "col:umn", "((((", "“”'"])
async def test_ask_survives_fts_syntax(local: LocalDiscord, question: str) -> None:
    """Search operators and quotes in a question never raise: an answer or a short error."""
    sent = await local.command("ask", {"question": question})
    embed_of(sent)


async def test_ask_has_a_per_user_cooldown(local: LocalDiscord) -> None:
    """The sixth question within 30 s is told when to try again; another member is not affected."""
    for _ in range(5):
        embed_of(await local.command("ask", {"question": "summit"}))
    refused = await local.command("ask", {"question": "summit"})
    assert refused.payload is not None and refused.payload["data"]["flags"] == EPHEMERAL
    assert "try again in" in embed_of(refused)["description"]
    other = await local.command("ask", {"question": "summit"}, user_id=43)
    assert other.payload is not None and not other.payload["data"].get("flags")


async def test_sources_lists_the_newest_page_and_counts_them_all(
    local: LocalDiscord, briefing: Briefing
) -> None:
    """With more documents than an embed holds, /sources shows the newest 25 and says of how many."""
    for n in range(30):
        text = f"Title: Memo {n}\nSource: Desk\nDate: 2010-01-{1 + n:02d}\n\nNorway spent {1 + n / 100:.2f}% of GDP in 2009."
        await briefing.add(*analyse(text), name=f"{n}.txt")
    embed = embed_of(await local.command("sources", {}))
    assert len(embed["fields"]) == 25
    assert embed["footer"]["text"] == "the newest 25 of 31 documents"
    assert embed["fields"][1]["name"].endswith("Memo 29")  # after the seed, published 2025


async def test_brief_autocomplete_matches_titles_newest_first(
    local: LocalDiscord, briefing: Briefing
) -> None:
    """/brief's autocomplete offers the documents whose title holds the text, newest first."""
    for n in range(3):
        text = (
            f"Title: Memo {n}\nSource: Desk\nDate: 2010-01-{1 + n:02d}\n\nNorway spent 1.{n}% of GDP in 2009."
        )
        await briefing.add(*analyse(text), name=f"{n}.txt")
    sent = await local.autocomplete("brief", {"document": "MEMO"}, focused="document")
    assert sent.payload is not None
    assert [c["name"] for c in sent.payload["data"]["choices"]] == ["#4 Memo 2", "#3 Memo 1", "#2 Memo 0"]
