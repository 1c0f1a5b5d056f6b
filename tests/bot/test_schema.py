"""The command definitions, checked offline against Discord's rules before any sync."""

from __future__ import annotations

import re
from typing import Any

import pytest
from discord.ext import commands

NAME = re.compile(r"^[-_\w]{1,32}$")
EXPECTED = {
    "about": [],
    "ask": [("question", True)],
    "changes": [("since", False)],
    "feeds": [("add", False), ("list", False), ("remove", False), ("channel", False)],
    "brief": [("document", False)],
    "ingest": [("file", False), ("scope", False), ("url", False)],
    "settings": [("hide_global", False)],
    "sources": [],
    "quote": [("person", True)],
    "spending": [("country", True)],
    "summit": [("summit", False)],
}


@pytest.fixture
def definitions(bot: commands.Bot) -> list[dict[str, Any]]:
    """Return the command payloads exactly as a sync would send them."""
    return [command.to_dict(bot.tree) for command in bot.tree.get_commands()]


def test_command_names_and_options(definitions: list[dict[str, Any]]) -> None:
    """The tree has exactly the documented commands, with options in order and required first."""
    found = {
        d["name"]: [(o["name"], o.get("required", False)) for o in d.get("options", [])] for d in definitions
    }
    assert found == EXPECTED


def test_definitions_respect_discord_limits(definitions: list[dict[str, Any]]) -> None:
    """Names, descriptions, option counts and string lengths are within Discord's limits."""
    for d in definitions:
        assert NAME.match(d["name"]) and d["name"] == d["name"].lower()
        assert 1 <= len(d["description"]) <= 100
        assert len(d.get("options", [])) <= 25
        # A group's subcommands (type 1) carry their own options: each is checked like a command's.
        options = [o for o in d.get("options", []) if o["type"] != 1]
        options += [sub for o in d.get("options", []) if o["type"] == 1 for sub in o.get("options", [])]
        for option in options:
            assert NAME.match(option["name"])
            assert 1 <= len(option["description"]) <= 100
            if option["type"] in (7, 11):  # a channel; an attachment (its size is checked by the command)
                continue
            if option["type"] == 4:  # an integer: bounded below (feed numbers)
                assert option["min_value"] >= 1, f"{d['name']}.{option['name']} must be bounded"
                continue
            if option["type"] == 5 or option.get("choices"):  # a boolean, a fixed set: nothing to cap
                continue
            assert option["type"] == 3, "every other option is text"
            assert 1 <= option["max_length"] <= 300, f"{d['name']}.{option['name']} must cap its length"
        size = len(d["name"]) + len(d["description"])
        size += sum(len(o["name"]) + len(o["description"]) for o in d.get("options", []))
        size += sum(len(o["name"]) + len(o["description"]) for o in options)
        assert size <= 8000


def test_ingest_is_for_server_managers_only(definitions: list[dict[str, Any]]) -> None:
    """/ingest defaults to Manage Server and is not offered in DMs (the check enforces it too)."""
    (ingest,) = [d for d in definitions if d["name"] == "ingest"]
    assert int(ingest["default_member_permissions"]) == 1 << 5  # MANAGE_GUILD
    assert ingest["contexts"] == [0]


def test_names_are_unique(definitions: list[dict[str, Any]]) -> None:
    """No two commands share a name."""
    names = [d["name"] for d in definitions]
    assert len(names) == len(set(names))


def test_lookup_options_autocomplete(definitions: list[dict[str, Any]]) -> None:
    """Country, person and summit options autocomplete; free questions do not."""
    autocomplete = {
        (d["name"], o["name"]) for d in definitions for o in d.get("options", []) if o.get("autocomplete")
    }
    assert autocomplete == {
        ("spending", "country"),
        ("quote", "person"),
        ("summit", "summit"),
        ("brief", "document"),
    }


def test_feeds_is_for_server_managers_only(definitions: list[dict[str, Any]]) -> None:
    """/feeds defaults to Manage Server and is not offered in DMs (each subcommand's check enforces it too)."""
    (feeds,) = [d for d in definitions if d["name"] == "feeds"]
    assert int(feeds["default_member_permissions"]) == 1 << 5  # MANAGE_GUILD
    assert feeds["contexts"] == [0]
