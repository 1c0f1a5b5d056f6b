"""/forget through the real command tree: permission, confirmation, and answers that follow at once."""

from __future__ import annotations

from bot.loopback import MEMBER_PERMISSIONS, LocalDiscord, command_data, interaction_payload
from knowledge.briefing import Briefing
from tests.bot.test_ingest import ARTICLE, EPHEMERAL, STORE_WAIT, description, open_form_and_submit


async def stored_article(local: LocalDiscord) -> None:
    """Add the Polish article through /ingest, as an admin would."""
    submission, preview = await open_form_and_submit(local, ARTICLE)
    pressed = await local.press("ingest:confirm", submission, preview)
    (_, stored) = await local.adapter.wait_for(pressed.token, 2, timeout=STORE_WAIT)
    assert description(stored) == "Stored as document #2, for this server."


async def test_forget_asks_then_removes_the_document_and_its_answers(local: LocalDiscord) -> None:
    """The question names the document; Forget it removes it, and /spending and /quote forget it too."""
    await stored_article(local)
    before = await local.command("spending", {"country": "Poland"})
    assert "**4.1%** of GDP in 2025" in str(before.payload)

    origin = interaction_payload(2, command_data("forget", {"document": "2"}))
    (question,) = await local.dispatch(origin)
    assert question.payload is not None and question.payload["data"]["flags"] == EPHEMERAL
    embed = question.message()["embeds"][0]
    assert embed["title"] == "Forget “Poland leads”?"
    assert "1 spending fact, 2 statements" in embed["description"]
    still = await local.command("spending", {"country": "Poland"})
    assert "**4.1%** of GDP in 2025" in str(still.payload), "nothing is removed before the press"

    stranger = await local.press(
        "forget:confirm", origin, question, user_id=42, permissions=MEMBER_PERMISSIONS
    )
    assert "Only the member who asked" in description(stranger)

    pressed = await local.press("forget:confirm", origin, question)
    assert pressed.payload == {"type": 6}, "acknowledged before writing"
    (_, done) = await local.adapter.wait_for(pressed.token, 2, timeout=STORE_WAIT)
    assert description(done) == "Forgot document #2: it and everything read from it are gone."

    after = await local.command("spending", {"country": "Poland"})
    assert "4.1%" not in str(after.payload) and "No figures for Poland" in str(after.payload)
    quote = await local.command("quote", {"person": "Kowalska"})
    assert "We will not wait" not in str(quote.payload)
    sources = await local.command("sources", {})
    assert "1 document" in str(sources.payload) and "Poland leads" not in str(sources.payload)


async def test_cancel_keeps_the_document(local: LocalDiscord) -> None:
    """Cancel removes nothing."""
    await stored_article(local)
    origin = interaction_payload(2, command_data("forget", {"document": "Poland leads"}))
    (question,) = await local.dispatch(origin)
    cancelled = await local.press("forget:cancel", origin, question)
    assert description(cancelled) == "Cancelled; nothing was removed."
    answer = await local.command("spending", {"country": "Poland"})
    assert "**4.1%** of GDP in 2025" in str(answer.payload)


async def test_members_without_manage_server_cannot_forget(local: LocalDiscord, briefing: Briefing) -> None:
    """The check is the bot's own, not only the command's default permissions."""
    sent = await local.command("forget", {"document": "1"}, user_id=42, permissions=MEMBER_PERMISSIONS)
    assert "Manage Server" in description(sent)
    assert len(await briefing.sources()) == 1


async def test_an_unknown_document_is_a_short_answer(local: LocalDiscord) -> None:
    """A number or title that names no document says so, with suggestions."""
    sent = await local.command("forget", {"document": "Weather in Lisbon"})
    assert 'No document matches "Weather in Lisbon"' in description(sent)


async def test_a_server_cannot_forget_a_global_document(local: LocalDiscord, briefing: Briefing) -> None:
    """The bundled article is every server's: a server's admin is told who can remove it, and it stays."""
    sent = await local.command("forget", {"document": "1"})
    assert "shared by every server (global)" in description(sent) and "briefbot forget 1" in description(sent)
    assert len(await briefing.sources()) == 1
