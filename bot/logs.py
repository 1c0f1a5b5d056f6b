"""Logging: discord.py's own setup, plus a warning whenever Discord answers a request with a 5xx.

discord.py retries 5xx answers to interaction callbacks and followups silently (its only trace is a
DEBUG line), so an outage on Discord's side would leave nothing in an INFO log. The filter below
lets exactly those status lines through, raised to WARNING, with the interaction token removed
from the URL (tokens are credentials for 15 minutes).

At DEBUG, discord.py logs every gateway event whole, and an INTERACTION_CREATE carries the
interaction's token: every line that reaches a handler goes through ``TokenRedactor`` first, which
replaces the value of any ``token`` field and the token in webhook and interaction URLs.
"""

from __future__ import annotations

import logging
import re

import discord

WEBHOOK_LOGGER = "discord.webhook.async_"
_STATUS_LINE = "Webhook ID %s with %s %s has returned status code %s"  # discord.py 2.7's wording


_URL_TOKEN = re.compile(r"""/(interactions|webhooks)/(\d+)/[^/?\s'"]+""")
_TOKEN_FIELD = re.compile(r"""(?P<key>(?P<q>['"])token(?P=q)\s*:\s*)(?P<v>['"])(?:\\.|(?!(?P=v)).)*(?P=v)""")


def redact(url: str) -> str:
    """Return a Discord URL with interaction and webhook tokens replaced by "<token>"."""
    return _URL_TOKEN.sub(r"/\1/\2/<token>", url)


def redact_tokens(text: str) -> str:
    """Return text with the value of every token field ('token': '…' or "token": "…") and URL token hidden."""
    return redact(_TOKEN_FIELD.sub(r"\g<key>\g<v><token>\g<v>", text))


class TokenRedactor(logging.Filter):
    """Rewrite each record's message with tokens hidden (see redact_tokens); keep every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Return True after replacing a message that shows a token by its redacted text."""
        message = record.getMessage()
        redacted = redact_tokens(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


class ServerErrorFilter(logging.Filter):
    """Pass INFO and above unchanged; of DEBUG records, keep only 5xx status lines, as warnings."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Return whether to keep the record (rewriting a 5xx status line into a warning)."""
        if record.levelno >= logging.INFO:
            return True
        if record.msg != _STATUS_LINE or not isinstance(record.args, tuple) or len(record.args) != 4:
            return False
        _, method, url, status = record.args
        if not str(status).isdigit() or int(str(status)) < 500:
            return False
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.msg = "Discord answered %s %s with status %s; discord.py retries it"
        record.args = (method, redact(str(url)), status)
        return True


def setup_logging(level: str) -> None:
    """Configure discord.py's log output at level and surface Discord's server errors."""
    discord.utils.setup_logging(level=logging.getLevelName(level))
    for handler in logging.getLogger().handlers:  # every logger's lines end up at the root's handlers
        if not any(isinstance(f, TokenRedactor) for f in handler.filters):
            handler.addFilter(TokenRedactor())
    webhook = logging.getLogger(WEBHOOK_LOGGER)
    if not any(isinstance(f, ServerErrorFilter) for f in webhook.filters):
        webhook.addFilter(ServerErrorFilter())
    if webhook.getEffectiveLevel() > logging.DEBUG:
        webhook.setLevel(logging.DEBUG)  # the filter decides what of it is shown
