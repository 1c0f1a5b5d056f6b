"""Scopes: every document belongs to ``global`` or to one Discord server (its id)."""

from __future__ import annotations

from collections.abc import Sequence

GLOBAL = "global"  # the scope of the bundled seed and the operator's documents; a server's is its id


def guild_scope(guild_id: int) -> str:
    """Return the scope of a server's documents."""
    return str(guild_id)


def scoped_match(fts_query: str, scopes: Sequence[str]) -> str:
    """Return an FTS5 query (of quoted terms) limited to the text of the scopes' passages."""
    names = " OR ".join(f'"{scope}"' for scope in scopes if scope.isalnum()) or '"none"'
    return f"{{text section}} : ({fts_query}) AND scope : ({names})"


def normalize_key(text: str) -> str:
    """Return the lookup key for a person's name or alias (case- and accent-insensitive)."""
    from knowledge.gazetteer import normalize  # one normalization for every name lookup

    return normalize(text)
