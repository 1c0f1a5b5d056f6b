"""What the command options share: the input cap on names and Discord's limit on choice labels."""

from __future__ import annotations

MAX_NAME_LENGTH = 100  # longer than any country, person or summit name; Discord rejects longer input
CHOICE_NAME_LIMIT = 100  # Discord: autocomplete choice names are 1-100 characters


def choice_name(text: str) -> str:
    """Return text fitted to Discord's 1-100 character limit for choice names."""
    text = " ".join(text.split()) or "?"
    return text if len(text) <= CHOICE_NAME_LIMIT else text[: CHOICE_NAME_LIMIT - 1] + "…"
