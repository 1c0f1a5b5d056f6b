"""Running a job on a schedule: now, then every ``interval`` seconds, until cancelled.

The job's failures are logged and the schedule goes on (a feed host that is down must not stop
the polling of the others, nor the bot). The sleep is injected so tests step through rounds
without waiting.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger(__name__)


async def every(
    interval: float,
    job: Callable[[], Awaitable[Any]],
    *,
    sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
) -> None:
    """Run job now and then every interval seconds (after each run ends), until cancelled."""
    while True:
        try:
            await job()
        except Exception:  # logged with its traceback; the next round may well succeed
            log.exception("A scheduled run failed; the next one is in %g s", interval)
        await sleep(interval)
