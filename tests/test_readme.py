"""The README's command list matches the real command tree, so the docs cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

from discord import app_commands
from discord.ext import commands

README = Path(__file__).resolve().parent.parent / "README.md"


def _documented_commands(groups: set[str]) -> dict[str, list[str]]:
    """Return each command heading in the README's Commands section with its option names.

    A heading of a group's subcommand names the group first: ``/feeds add url``.
    """
    section = README.read_text(encoding="utf-8").split("## Commands", 1)[1].split("\n## ", 1)[0]
    headings = re.findall(r"^### `/([\w-]+)((?: \[?\w+\]?)*)`", section, re.M)
    documented = {}
    for name, options in headings:
        words = [o.strip("[]") for o in options.split()]
        if name in groups and words:
            name, words = f"{name} {words[0]}", words[1:]
        documented[name] = words
    return documented


def test_readme_lists_exactly_the_commands_of_the_tree(bot: commands.Bot) -> None:
    """Every command and subcommand (``/feeds add``), with its options in order, is documented, and nothing else is."""
    tree = {
        c.qualified_name: [p.name for p in c.parameters]
        for c in bot.tree.walk_commands()
        if isinstance(c, app_commands.Command)
    }
    groups = {c.name for c in bot.tree.get_commands() if isinstance(c, app_commands.Group)}
    assert _documented_commands(groups) == tree


def test_quick_start_is_two_commands() -> None:
    """The quick start is exactly two commands: run the bot, run the tests."""
    quick = README.read_text(encoding="utf-8").split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", quick, re.S)
    assert block is not None
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(lines) == 2 and "briefbot run" in lines[0] and "pytest" in lines[1]
