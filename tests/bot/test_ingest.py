"""/ingest through the real command tree: permissions, the paste form, preview, confirm, limits."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from bot.loopback import MEMBER_PERMISSIONS, LocalDiscord, Sent, command_data, interaction_payload
from knowledge.store import Store
from tests.limits import assert_payload_within_limits
from tests.locking import give_up_on_locks_quickly

ARTICLE = (
    "Poland spent 4.1 percent of GDP on defence in 2025, the highest share in the alliance. "
    '"We will not wait for others," said Defence Minister Anna Kowalska. '
    "She added that the army would grow by a third."
)
EPHEMERAL = 64
STORE_WAIT = 30.0  # a press waits for the store's write (up to its 5 s busy timeout)


def paste_submission(
    text: str,
    *,
    form: Sent,
    title: str = "Poland leads",
    date: str = "2026-01-15",
    **member: Any,
) -> dict[str, Any]:
    """Return the modal-submit payload of the paste form."""
    fields = {"ingest:title": title, "ingest:outlet": "Test Wire", "ingest:date": date, "ingest:text": text}
    rows = [
        {"type": 1, "components": [{"type": 4, "custom_id": key, "value": value}]}
        for key, value in fields.items()
    ]
    custom_id = form.message()["custom_id"]  # each opened form has its own
    return interaction_payload(5, {"custom_id": custom_id, "components": rows}, **member)


async def open_form_and_submit(local: LocalDiscord, text: str, **fields: str) -> tuple[dict[str, Any], Sent]:
    """Open the paste form (a modal lives for one submission) and submit it; return payload and reply."""
    form = await local.command("ingest", {})
    assert form.payload is not None and form.payload["type"] == 9
    submission = paste_submission(text, form=form, **fields)
    (reply,) = await local.dispatch(submission)
    return submission, reply


def attachment_command(filename: str, size: int, **member: Any) -> dict[str, Any]:
    """Return an /ingest payload with an attachment option (never downloaded by these tests)."""
    data = command_data("ingest", {})
    data["options"] = [{"name": "file", "type": 11, "value": "900000000000000001"}]
    data["resolved"] = {
        "attachments": {
            "900000000000000001": {
                "id": "900000000000000001",
                "filename": filename,
                "size": size,
                "url": "https://cdn.invalid/a",
                "proxy_url": "https://cdn.invalid/a",
                "content_type": "text/plain; charset=utf-8",
            }
        }
    }
    return interaction_payload(2, data, **member)


async def press_for_answer(
    local: LocalDiscord, custom_id: str, origin: dict[str, Any], answer: Sent, **member: Any
) -> Sent:
    """Press a button and return what the member ends up seeing: the answer, or after a deferral (6) the edit or followup."""
    first = await local.press(custom_id, origin, answer, **member)
    if first.payload is None or first.payload.get("type") != 6:
        return first
    _, final = await local.adapter.wait_for(first.token, 2, timeout=STORE_WAIT)
    return final


def description(sent: Sent) -> str:
    """Return the first embed's description of a response, after checking its limits."""
    assert sent.payload is not None
    assert_payload_within_limits(sent.payload)
    return str(sent.message()["embeds"][0].get("description", ""))


async def test_members_without_manage_server_are_refused(local: LocalDiscord) -> None:
    """A member without Manage Server is refused for that reason every time, never by the cooldown."""
    for _ in range(5):
        sent = await local.command("ingest", {}, user_id=42, permissions=MEMBER_PERMISSIONS)
        assert sent.payload is not None and sent.payload["data"]["flags"] == EPHEMERAL
        assert "Manage Server" in description(sent)


async def test_paste_preview_then_confirm_stores_the_article(local: LocalDiscord) -> None:
    """The form opens, the preview lists what was read, and Store it makes it answerable."""
    form = await local.command("ingest", {})
    assert form.payload is not None and form.payload["type"] == 9
    assert form.payload["data"]["custom_id"].startswith("ingest:paste")

    submission = paste_submission(ARTICLE, form=form)
    (preview,) = await local.dispatch(submission)
    assert preview.payload is not None and preview.payload["data"]["flags"] == EPHEMERAL
    text = description(preview)
    assert "1 spending fact" in text and "2 statements" in text and "Nothing is stored until" in text

    stranger = await local.press(
        "ingest:confirm", submission, preview, user_id=42, permissions=MEMBER_PERMISSIONS
    )
    assert "Only the member who added" in description(stranger)

    pressed = await local.press("ingest:confirm", submission, preview)
    assert pressed.payload == {"type": 6}, "acknowledged before writing"
    (_, stored) = await local.adapter.wait_for(pressed.token, 2)
    assert stored.kind == "edit" and stored.payload is not None and stored.payload["components"] == []
    assert description(stored) == "Stored as document #2, for this server."

    answer = await local.command("spending", {"country": "Poland"})
    assert "**4.1%** of GDP in 2025" in str(answer.payload)
    _, again = await open_form_and_submit(local, ARTICLE)
    assert "Already in the store as document #2" in description(again)


async def test_cancel_stores_nothing(local: LocalDiscord) -> None:
    """Cancel discards the preview and the store is unchanged."""
    submission, preview = await open_form_and_submit(local, ARTICLE)
    cancelled = await local.press("ingest:cancel", submission, preview)
    assert description(cancelled) == "Cancelled; nothing was stored."
    sources = await local.command("sources", {})
    assert "1 document" in str(sources.payload)


async def test_article_without_facts_is_accepted_as_searchable_text(local: LocalDiscord) -> None:
    """A text with no extractable facts is previewed as searchable text, not refused."""
    _, preview = await open_form_and_submit(
        local, "The weather in Brussels was mild and the talks went on late."
    )
    assert "stored as searchable text" in description(preview)


async def test_malformed_paste_gets_a_clear_error(local: LocalDiscord) -> None:
    """A bad date in the form is a short ephemeral error, and nothing is stored."""
    _, sent = await open_form_and_submit(local, ARTICLE, date="15 Jan")
    assert sent.payload is not None and sent.payload["data"]["flags"] == EPHEMERAL
    assert "not an ISO date" in description(sent)


@pytest.mark.parametrize(
    ("filename", "size", "fragment"),
    [("report.pdf", 1000, "Attach a .txt or .md file"), ("huge.txt", 5 * 1024 * 1024, "limited to 256 KB")],
)
async def test_attachment_type_and_size_limits(
    local: LocalDiscord, filename: str, size: int, fragment: str
) -> None:
    """Wrong file types and oversized files are refused before anything is downloaded."""
    (sent,) = await local.dispatch(attachment_command(filename, size))
    assert sent.payload is not None and sent.payload["data"]["flags"] == EPHEMERAL
    assert fragment in description(sent)


async def test_ingest_has_a_per_user_cooldown(local: LocalDiscord) -> None:
    """The fourth /ingest within a minute is told when to try again."""
    for _ in range(3):
        form = await local.command("ingest", {})
        assert form.payload is not None and form.payload["type"] == 9
    refused = await local.command("ingest", {})
    assert "try again in" in description(refused)


# --- issue 12 item 6: Store it acknowledges first and answers every outcome ---------------------


async def test_store_it_is_acknowledged_before_the_write(local: LocalDiscord, store: Store) -> None:
    """Issue 12 item 6: pressing Store it while another writer holds the store is acknowledged at once; the edit follows the write."""
    submission, preview = await open_form_and_submit(local, ARTICLE)
    with sqlite3.connect(store.path, isolation_level=None) as holder:
        holder.execute("BEGIN IMMEDIATE")  # the write cannot happen until this lets go
        pressed = await local.press("ingest:confirm", submission, preview)
        assert pressed.payload == {"type": 6}, "a deferral, sent while the store was still locked"
        # (counted by the holder: the bot's own connection is busy waiting for the lock)
        assert holder.execute("SELECT count(*) FROM documents").fetchone() == (1,)
        holder.execute("ROLLBACK")
    (_, stored) = await local.adapter.wait_for(pressed.token, 2, timeout=STORE_WAIT)
    assert stored.kind == "edit" and description(stored) == "Stored as document #2, for this server."


async def test_store_it_on_a_locked_store_says_so_and_can_be_pressed_again(
    local: LocalDiscord, store: Store
) -> None:
    """Issue 12 item 6: a write refused (store locked past the busy timeout) gets a short error; pressing again stores it."""
    submission, preview = await open_form_and_submit(local, ARTICLE)
    await give_up_on_locks_quickly(store)
    with sqlite3.connect(store.path, isolation_level=None) as holder:
        holder.execute("BEGIN IMMEDIATE")
        refused = await press_for_answer(local, "ingest:confirm", submission, preview)
        holder.execute("ROLLBACK")
    assert refused.kind == "followup" and refused.message()["flags"] == EPHEMERAL
    text = description(refused)
    assert text.startswith("Not stored: the store stayed locked by another writer") and "try again" in text
    stored = await press_for_answer(local, "ingest:confirm", submission, preview)
    assert description(stored) == "Stored as document #2, for this server."


async def test_store_it_rechecks_manage_server(local: LocalDiscord, store: Store) -> None:
    """Issue 12 item 6: a member who lost Manage Server after the preview cannot store it."""
    submission, preview = await open_form_and_submit(local, ARTICLE)
    refused = await local.press("ingest:confirm", submission, preview, permissions=MEMBER_PERMISSIONS)
    assert "Manage Server" in description(refused)
    assert len(await store.documents()) == 1
