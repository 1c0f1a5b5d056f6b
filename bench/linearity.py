"""How long extraction takes on one very long article, and how that time grows with length (issue 12 item 3).

``long_article(chars)`` joins generated articles (``bench.corpus``) into one article of about
``chars`` characters. ``time_extractors`` times each extractor (CPU time, best of ``repeats``) on
the article and on its first half: linear work takes about twice as long on twice the text, so the
printed 2n/n ratio should sit near 2 (a quadratic rule shows 4).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.corpus import generate
from knowledge.extract.events import extract_events
from knowledge.extract.people import extract_people
from knowledge.extract.reader import read_article, split_header
from knowledge.extract.spending import extract_spending
from knowledge.extract.statements import extract_statements
from knowledge.models import Article


@dataclass(frozen=True, slots=True)
class Timing:
    """One extractor's CPU seconds on the whole article and on its first half."""

    name: str
    whole: float
    half: float

    @property
    def ratio(self) -> float:
        """Return whole / half: about 2 for linear work."""
        return self.whole / max(self.half, 1e-6)


def long_article(chars: int) -> str:
    """Return one article of about chars characters, made of generated articles' bodies."""
    bodies: list[str] = []
    size = 0
    for _, text in generate(max(1, chars // 1500) + 1, seed=11):
        body = split_header(text)[1]
        bodies.append(body)
        size += len(body)
        if size >= chars:
            break
    return "Title: One very long briefing\nDate: 2025-06-01\n\n" + "\n\n".join(bodies)


def _cpu(run: Callable[[], object], repeats: int) -> float:
    """Return the least CPU time of repeats runs."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def time_extractors(raw: str, repeats: int = 1) -> list[Timing]:
    """Return each extractor's time on the article and on its first half, and the total as "all"."""
    whole = read_article(raw)
    half = read_article(raw[: len(raw) // 2])

    def runners(article: Article) -> dict[str, Callable[[], object]]:
        people = extract_people(article)
        return {
            "people": lambda: extract_people(article),
            "spending": lambda: extract_spending(article),
            "statements": lambda: extract_statements(article, people),
            "events": lambda: extract_events(article, people),
        }

    timings = []
    big, small = runners(whole), runners(half)
    for name in big:
        timings.append(Timing(name, _cpu(big[name], repeats), _cpu(small[name], repeats)))
    timings.append(Timing("all", sum(t.whole for t in timings), sum(t.half for t in timings)))
    return timings
