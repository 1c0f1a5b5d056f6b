"""One shared check that a message payload stays inside Discord's limits and pings no one."""

from __future__ import annotations

from typing import Any

EMBED_LIMITS = {"title": 256, "description": 4096, "footer": 2048, "author": 256}
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
MAX_FIELDS = 25
MAX_EMBEDS = 10
TOTAL_LIMIT = 6000
CONTENT_LIMIT = 2000


def embed_length(embed: dict[str, Any]) -> int:
    """Return the characters Discord counts towards an embed's 6000 total."""
    total = len(embed.get("title", "")) + len(embed.get("description", ""))
    total += len((embed.get("footer") or {}).get("text", "")) + len(
        (embed.get("author") or {}).get("name", "")
    )
    return total + sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))


def assert_embed_within_limits(embed: dict[str, Any]) -> None:
    """Fail unless one embed respects every per-embed limit."""
    for key, limit in EMBED_LIMITS.items():
        value = embed.get(key)
        text = (
            value.get("text" if key == "footer" else "name", "") if isinstance(value, dict) else value or ""
        )
        assert len(text) <= limit, f"{key} is {len(text)} > {limit}"
    fields = embed.get("fields", [])
    assert len(fields) <= MAX_FIELDS, f"{len(fields)} fields"
    for f in fields:
        assert 1 <= len(f["name"].strip()) <= FIELD_NAME_LIMIT, f"field name {f['name']!r}"
        assert 1 <= len(f["value"].strip()) <= FIELD_VALUE_LIMIT, (
            f"field value of {f['name']!r} is {len(f['value'])}"
        )
    assert embed_length(embed) <= TOTAL_LIMIT


def assert_payload_within_limits(payload: dict[str, Any]) -> None:
    """Fail unless an interaction response or message payload is valid for Discord and pings no one."""
    data = payload.get("data", payload)
    if payload.get("type") == 8:  # autocomplete result
        choices = data["choices"]
        assert len(choices) <= 25
        for choice in choices:
            assert 1 <= len(choice["name"]) <= 100 and len(str(choice["value"])) <= 100
        return
    embeds = data.get("embeds", [])
    assert len(embeds) <= MAX_EMBEDS
    for embed in embeds:
        assert_embed_within_limits(embed)
    assert sum(embed_length(e) for e in embeds) <= TOTAL_LIMIT
    assert len(data.get("content") or "") <= CONTENT_LIMIT
    assert data.get("allowed_mentions") == {"parse": []}, "every reply must mention no one"
