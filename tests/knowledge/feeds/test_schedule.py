"""The schedule runs its job now and after each interval, and goes on after a failing run."""

from __future__ import annotations

import pytest

from knowledge.feeds.schedule import every


class Stop(BaseException):
    """Ends the schedule in the test (a BaseException, like the cancellation that ends it in the bot)."""


async def test_the_job_runs_now_then_after_each_interval_and_survives_a_failure() -> None:
    """Three rounds: the second job fails; every sleep is for the interval; no real time passes."""
    runs: list[int] = []
    sleeps: list[float] = []

    async def job() -> None:
        runs.append(len(runs))
        if len(runs) == 2:
            raise RuntimeError("feed host down")

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        if len(sleeps) == 3:
            raise Stop

    with pytest.raises(Stop):
        await every(900.0, job, sleep=sleep)
    assert runs == [0, 1, 2]
    assert sleeps == [900.0, 900.0, 900.0]
