"""Ask again until an answer shows what it should: for what the bot promises within a time, not at once."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

_A = TypeVar("_A")
# Only a guard against a test that would never end: another process's commit is promised in
# answers within about a second (knowledge.briefing._Caches); a loaded machine may take longer.
DEADLINE = 60.0


async def answer_showing(ask: Callable[[], Awaitable[_A]], shows: Callable[[_A], bool]) -> _A:
    """Return the first answer that shows what is expected; fail with the last one past the deadline."""
    give_up = time.monotonic() + DEADLINE
    while True:
        answer = await ask()
        if shows(answer):
            return answer
        assert time.monotonic() < give_up, f"never shown: {answer!r}"
        await asyncio.sleep(0.05)
