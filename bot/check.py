"""`briefbot check`: is this configuration ready to run? Each finding is one line in plain words.

It reads the settings (a setting that cannot work has already stopped briefbot with exit code
2), looks at the store without creating it, and, with a token, asks Discord (or the configured
``DISCORD_API_BASE``) three questions: who the token belongs to (``GET /users/@me``), which
application that is (``GET /applications/@me``: the privileged intents it was granted, which
briefbot does not need), and, with ``BRIEFBOT_DEV_GUILD``, whether the bot may manage commands in
that server (``GET /applications/{id}/guilds/{guild}/commands``: 403 means it is not in the
server or was invited without the ``applications.commands`` scope). Nothing is changed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

import aiohttp

from bot.settings import Settings
from knowledge.store import document_count

DISCORD_API = "https://discord.com/api/v10"
REQUEST_SECONDS = 15
# Application flags for the privileged intents (Discord: "Application flags").
PRIVILEGED_FLAGS = {
    1 << 12: "presence",
    1 << 13: "presence",
    1 << 14: "server members",
    1 << 15: "server members",
    1 << 18: "message content",
    1 << 19: "message content",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing check found: good or a problem, in words."""

    ok: bool
    text: str

    def line(self) -> str:
        """Return the finding as printed."""
        return f"{'ok     ' if self.ok else 'PROBLEM'}  {self.text}"


async def check(settings: Settings) -> list[Finding]:
    """Return what is right and wrong with the configuration, the store and the Discord setup."""
    findings = [store_finding(settings)]
    if not settings.has_token():
        findings.append(
            Finding(
                True, "DISCORD_TOKEN is not set: `briefbot run` answers in the local console, not on Discord"
            )
        )
        return findings
    assert settings.discord_token is not None
    token = settings.discord_token.get_secret_value().strip()
    base = settings.api_base or DISCORD_API
    timeout = aiohttp.ClientTimeout(total=REQUEST_SECONDS)
    async with aiohttp.ClientSession(headers={"Authorization": f"Bot {token}"}, timeout=timeout) as http:
        try:
            findings += await _discord_findings(http, base, settings.dev_guild)
        except (aiohttp.ClientError, TimeoutError) as exc:
            findings.append(Finding(False, f"could not reach Discord at {base}: {exc or type(exc).__name__}"))
    return findings


def store_finding(settings: Settings) -> Finding:
    """Return what the store file is: missing (created on first use), a briefbot store, or not usable."""
    path = settings.db
    if path.is_dir():
        return Finding(False, f"the store {path} is a folder; set BRIEFBOT_DB (or --db) to a file name")
    if not path.exists():
        return Finding(True, f"the store {path} does not exist yet; it is created and seeded on first use")
    try:
        documents = document_count(path)
    except sqlite3.Error as exc:
        return Finding(False, f"the store {path} cannot be read as a briefbot store: {exc}")
    return Finding(True, f"the store {path} holds {documents} document{'s' if documents != 1 else ''}")


async def _discord_findings(http: aiohttp.ClientSession, base: str, dev_guild: int | None) -> list[Finding]:
    """Return what Discord says about the token, the application and the dev guild."""
    status, me = await _get(http, f"{base}/users/@me")
    if status == 401:
        return [
            Finding(
                False,
                "Discord rejected DISCORD_TOKEN: copy it again from the Developer Portal (Bot -> Reset Token)",
            )
        ]
    if status != 200:
        return [Finding(False, f"Discord answered {status} when asked who the token belongs to")]
    findings = [
        Finding(True, f"the token is accepted: it is the bot {me.get('username')} (id {me.get('id')})")
    ]
    status, app = await _get(http, f"{base}/applications/@me")
    if status != 200:
        return [*findings, Finding(False, f"Discord answered {status} when asked for the bot's application")]
    granted = sorted({name for bit, name in PRIVILEGED_FLAGS.items() if int(app.get("flags") or 0) & bit})
    findings.append(
        Finding(
            True,
            "intents: briefbot needs no privileged intent"
            + (f" (granted but unused: {', '.join(granted)})" if granted else ""),
        )
    )
    if dev_guild is None:
        findings.append(
            Finding(True, "BRIEFBOT_DEV_GUILD is not set: sync commands with `@briefbot sync` (see README)")
        )
        return findings
    status, _ = await _get(http, f"{base}/applications/{app.get('id')}/guilds/{dev_guild}/commands")
    if status == 200:
        findings.append(Finding(True, f"BRIEFBOT_DEV_GUILD {dev_guild}: the bot may sync its commands there"))
    elif status == 403:
        findings.append(
            Finding(
                False,
                f"BRIEFBOT_DEV_GUILD {dev_guild}: the bot is not in that server, or was invited without the"
                " applications.commands scope; invite it again with the URL from OAuth2 -> URL Generator",
            )
        )
    else:
        findings.append(Finding(False, f"BRIEFBOT_DEV_GUILD {dev_guild}: Discord answered {status}"))
    return findings


async def _get(http: aiohttp.ClientSession, url: str) -> tuple[int, Any]:
    """Return the status and JSON body (None when there is none) of a GET."""
    async with http.get(url) as response:
        body = await response.json(content_type=None) if response.status == 200 else None
        return response.status, body
