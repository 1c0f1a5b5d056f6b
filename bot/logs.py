"""Logging: discord.py's own setup, plus a warning whenever Discord answers a request with a 5xx.

discord.py retries 5xx answers to interaction callbacks and followups silently (its only trace is a
DEBUG line), so an outage on Discord's side would leave nothing in an INFO log. The filter below
lets exactly those status lines through, raised to WARNING, with the interaction token removed
from the URL (tokens are credentials for 15 minutes).
"""

from __future__ import annotations

import logging
import re

import discord

WEBHOOK_LOGGER = "discord.webhook.async_"
_STATUS_LINE = "Webhook ID %s with %s %s has returned status code %s"  # discord.py 2.7's wording


def redact(url: str) -> str:
    """Return a Discord URL with interaction and webhook tokens replaced by "<token>"."""
    return re.sub(r"/(interactions|webhooks)/(\d+)/[^/?]+", r"/\1/\2/<token>", url)


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
    webhook = logging.getLogger(WEBHOOK_LOGGER)
    if not any(isinstance(f, ServerErrorFilter) for f in webhook.filters):
        webhook.addFilter(ServerErrorFilter())
    if webhook.getEffectiveLevel() > logging.DEBUG:
        webhook.setLevel(logging.DEBUG)  # the filter decides what of it is shown
