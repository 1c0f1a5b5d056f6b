"""The briefing's cache and Python's cyclic garbage collector, in a long-running bot.

Answers are built from a cache of tens of thousands of small objects (figures, sources, people,
events; ``knowledge.briefing``). CPython's collector walks every tracked object in a full
collection, and it runs one whenever the objects that survived since the last one reach a
quarter of those that survived before. A cache that keeps growing (each server's first
answers, each new document) sets that off while users ask: measured in ``python -m bench``'s
scopes section (10,000 articles in 100 scopes), pauses of 100-440 ms in the middle of answers,
enough to put 2-4 % of ``/spending`` answers above 2 ms.

``Freezer.loaded()`` is called after each part of the cache is loaded: it moves every object the
collector tracks then into its permanent generation (``gc.freeze``, a constant-time splice),
which full collections skip. That is the cache just loaded, everything else alive, and any
reference cycle already unreachable but not yet collected. Reference counting still frees frozen
objects as usual; only a reference cycle among them outlives its use. So, at most once every
``FULL_COLLECTION_SECONDS``, ``loaded()`` first unfreezes everything and runs one full
collection: one pause of that size an hour instead of several a minute, and no cycle outlives
the hour. The policy is the running bot's (``briefbot run``, and the benchmark that measures
it); it changes the whole process's collector, so a library user or a test suite that builds
many briefings in one process leaves it off (the default).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

FULL_COLLECTION_SECONDS = 3600.0


class Freezer:
    """Keeps what the cache loaded out of full collections, with one full collection an hour."""

    def __init__(
        self, full_every: float = FULL_COLLECTION_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._full_every = full_every
        self._clock = clock
        self._last_full = clock()
        self.full_collections = 0

    def loaded(self) -> None:
        """Freeze what is alive now, after a full collection when the last is an hour old."""
        now = self._clock()
        if now - self._last_full >= self._full_every:
            gc.unfreeze()
            gc.collect()
            self._last_full = now
            self.full_collections += 1
        gc.freeze()
