"""The one error handler: every failed command gets exactly one short, ephemeral answer.

Order in which errors are treated (first match wins):

1. Domain errors from ``knowledge`` (unknown country or person, no event, bad article), raised in
   a command or a transformer: their own message and suggestions.
2. Cooldowns: "try again in N s".
3. Missing permissions, not the owner, other failed checks: what is required.
4. A command Discord knows but this process does not (stale sync): ask to retry later.
5. Anything else: logged with its traceback; the user gets a generic apology.
"""

from __future__ import annotations

import logging
import math

import discord
from discord import app_commands

from bot.replies import deny
from knowledge.errors import BriefingError

log = logging.getLogger(__name__)

GENERIC_FAILURE = "Something went wrong while answering. It has been logged; please try again."


def describe_error(error: BaseException) -> tuple[str, list[str]] | None:
    """Return the user-facing message and suggestions for an error, or None if unexpected."""
    cause = _root(error)
    if isinstance(cause, BriefingError):
        return cause.message, list(cause.suggestions)
    if isinstance(cause, app_commands.CommandOnCooldown):
        return f"Easy there: try again in {math.ceil(cause.retry_after)} s.", []
    if isinstance(cause, app_commands.MissingPermissions):
        needed = ", ".join(
            p.replace("_", " ").replace("guild", "server").title() for p in cause.missing_permissions
        )
        return f"You need the {needed} permission to do that.", []
    if isinstance(cause, app_commands.NoPrivateMessage):
        return "This command only works in a server.", []
    if isinstance(cause, app_commands.CheckFailure):
        return "You are not allowed to use this command here.", []
    if isinstance(cause, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
        return "This command is being updated. Please try again in a minute.", []
    return None


def _root(error: BaseException) -> BaseException:
    """Return the exception a command or transformer actually raised."""
    if isinstance(error, app_commands.CommandInvokeError):
        return error.original
    if isinstance(error, app_commands.TransformerError) and error.__cause__ is not None:
        return error.__cause__
    return error


class BriefingTree(app_commands.CommandTree[discord.Client]):
    """The command tree with briefbot's single error handler."""

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        """Answer the user once for any failed command, logging what was not expected."""
        described = describe_error(error)
        if described is None:
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("Command /%s failed", command, exc_info=error)
            described = (GENERIC_FAILURE, [])
        message, suggestions = described
        try:
            await deny(interaction, message, suggestions)
        except discord.HTTPException as exc:  # the interaction may have expired; nothing else to do
            log.warning("Could not send the error reply: %s", exc)
