"""The README's command list matches the real command tree, so the docs cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

from discord.ext import commands

README = Path(__file__).resolve().parent.parent / "README.md"


def _documented_commands() -> dict[str, list[str]]:
    """Return each command heading in the README's Commands section with its option names."""
    section = README.read_text(encoding="utf-8").split("## Commands", 1)[1].split("\n## ", 1)[0]
    headings = re.findall(r"^### `/([\w-]+)((?: \[?\w+\]?)*)`", section, re.M)
    return {name: [o.strip("[]") for o in options.split()] for name, options in headings}


def test_readme_lists_exactly_the_commands_of_the_tree(bot: commands.Bot) -> None:
    """Every command (with its options, in order) is documented, and nothing else is."""
    tree = {c.name: [p.name for p in c.parameters] for c in bot.tree.get_commands()}  # type: ignore[union-attr]
    assert _documented_commands() == tree


def test_quick_start_is_two_commands() -> None:
    """The quick start is exactly two commands: run the bot, run the tests."""
    quick = README.read_text(encoding="utf-8").split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", quick, re.S)
    assert block is not None
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(lines) == 2 and "briefbot run" in lines[0] and "pytest" in lines[1]
