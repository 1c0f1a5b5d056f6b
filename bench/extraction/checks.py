"""Answer an article's command checks with the real command tree and judge them by the corpus rules.

Each article gets a fresh store holding only that article (``briefbot ingest --no-seed FILE``);
each check's ``input`` is answered as ``briefbot ask --json`` answers it, and the reply is read as
a user sees it (Discord markdown rendered: escapes and emphasis removed, timestamps as dates).

- ``must_include``: every group has one alternative in the whole reply (case-insensitive);
- ``must_not_include`` / ``must_not_match_regex``: none in the reply. For ``/spending COUNTRY``
  they read only the country's own part: the embed's title, description and fields, less any
  field whose name mentions the alliance, NATO, context or sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.console import ConsoleError, answer, local_bot, plain
from bot.loopback import CONSOLE_USER_ID
from bot.settings import Settings
from knowledge.ingest import ingest_file, open_store

_NOT_THE_COUNTRY = re.compile(r"alliance|nato|context|source", re.I)


@dataclass
class CheckResult:
    """One command check: whether it passed, and why not."""

    id: str
    command: str
    input: str
    passed: bool
    reasons: list[str]
    reply: str


def reply_text(message: dict[str, Any], *, country_part: bool = False) -> str:
    """Return the reply as a user reads it; with country_part, only a /spending answer's country part."""
    parts = [] if country_part else [message.get("content") or ""]
    for embed in message.get("embeds", []):
        parts += [embed.get("title") or "", embed.get("description") or ""]
        for f in embed.get("fields", []):
            if not (country_part and _NOT_THE_COUNTRY.search(f.get("name", ""))):
                parts += [f.get("name", ""), f.get("value", "")]
        if not country_part:
            parts += [
                (embed.get("footer") or {}).get("text", ""),
                (embed.get("author") or {}).get("name", ""),
            ]
    return plain("\n".join(p for p in parts if p))


def judge(check: dict[str, Any], message: dict[str, Any]) -> list[str]:
    """Return why a reply fails a check (empty when it passes)."""
    whole = reply_text(message)
    command = check["input"].split()[0].lower()
    narrow = reply_text(message, country_part=True) if command == "/spending" else whole
    reasons = []
    for group in check.get("must_include", []):
        if not any(alt.lower() in whole.lower() for alt in group):
            reasons.append(f"missing one of {group}")
    for text in check.get("must_not_include", []):
        if text.lower() in narrow.lower():
            reasons.append(f"includes {text!r}")
    for pattern in check.get("must_not_match_regex", []):
        if found := re.search(pattern, narrow, re.I):
            reasons.append(f"matches /{pattern}/: {found.group(0)!r}")
    return reasons


async def run_checks(article: Path, checks: list[dict[str, Any]], scratch: Path) -> list[CheckResult]:
    """Ingest the article into a fresh store in scratch and answer and judge each check."""
    db = scratch / "store.sqlite3"
    store = await open_store(db, seed=False)
    try:
        await ingest_file(store, article)
    finally:
        await store.close()
    settings = Settings(_env_file=None).model_copy(update={"db": db})  # type: ignore[call-arg]
    results = []
    async with local_bot(settings) as local:
        for index, check in enumerate(checks):
            command = check["input"].split()[0].lower()
            try:
                # each check is a different reader's question: one member's cooldown must not answer it
                sent = await answer(local, check["input"], user_id=CONSOLE_USER_ID + index)
            except (ConsoleError, TimeoutError) as exc:
                results.append(CheckResult(check["id"], command, check["input"], False, [repr(exc)], ""))
                continue
            message = sent.message()
            reasons = judge(check, message)
            results.append(
                CheckResult(check["id"], command, check["input"], not reasons, reasons, reply_text(message))
            )
    return results
