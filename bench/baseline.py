"""/ask retrieval side by side with rank_bm25 (BM25Okapi in memory) over the same passages.

rank_bm25 is what a user might reach for instead of SQLite FTS5. It is not a briefbot dependency:
it is imported here lazily, and without it the baseline row is skipped with a hint.
The store's search is timed as ``/ask`` calls it (``Briefing.search``, top 3: FTS5 queries built
from the question, BM25-ranked by SQLite); rank_bm25 is given the same search terms
(``SearchAnswer.terms``), scores every passage in Python and takes the top 3 with a positive score.
Passages are tokenised simply (lower-cased ``\\w+`` runs); the store uses porter stemming and
diacritic folding, so perfect agreement is not expected.
"""

from __future__ import annotations

import re
import statistics
import time
from dataclasses import dataclass
from typing import Any

from knowledge.briefing import Briefing
from knowledge.store import Store

TOP = 3
INSTALL_HINT = "the baseline needs `pip install rank_bm25`"


@dataclass(frozen=True, slots=True)
class BaselineResult:
    """Query times of both retrievers and how often their top 3 agree."""

    passages: int
    queries: int
    fts_seconds: float  # mean per query
    bm25_seconds: float  # mean per query
    bm25_build_seconds: float
    top3_agreement: float  # mean share of the top 3 found by both
    top1_agreement: float

    @property
    def ratio(self) -> float:
        """Return how many times slower rank_bm25 answers a query than the store."""
        return self.bm25_seconds / self.fts_seconds


def tokens(text: str) -> list[str]:
    """Return the simple tokens of a text: lower-cased runs of word characters."""
    return re.findall(r"\w+", text.casefold())


def load_bm25() -> Any | None:
    """Return rank_bm25's BM25Okapi class, or None when rank_bm25 is not installed."""
    try:
        from rank_bm25 import BM25Okapi  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return None
    return BM25Okapi


def top_indices(scores: Any, count: int) -> list[int]:
    """Return the indices of the count highest scores (a numpy array), best first, ties by index."""
    import numpy as np  # installed with rank_bm25

    if len(scores) == 0:
        return []
    threshold = (
        np.partition(scores, len(scores) - count)[len(scores) - count] if len(scores) > count else -np.inf
    )
    candidates = np.flatnonzero(scores >= threshold)  # in index order, so ties go to the lower index
    return [int(i) for i in candidates[np.argsort(-scores[candidates], kind="stable")][:count]]


async def passages(store: Store) -> list[tuple[tuple[int, str], str]]:
    """Return every passage of the store as ((document id, text), text)."""
    found = []
    for document_id, _ in await store.document_bodies():
        for _, _, text in await store.passage_spans(document_id):
            found.append(((document_id, text), text))
    return found


async def compare(
    briefing: Briefing, queries: tuple[str, ...], bm25_class: Any, repeats: int = 3
) -> BaselineResult:
    """Return both retrievers' mean query times and their top-3 agreement over the queries."""
    corpus = await passages(briefing.store)
    keys = [key for key, _ in corpus]
    start = time.perf_counter()
    bm25 = bm25_class([tokens(text) for _, text in corpus])
    build = time.perf_counter() - start
    fts_times, bm25_times, overlaps, firsts = [], [], [], []
    for question in queries:
        for _ in range(repeats):
            start = time.perf_counter()
            answer = await briefing.search(question, TOP)
            fts_times.append(time.perf_counter() - start)
        words = [w for term in answer.terms for w in tokens(term)]
        for _ in range(repeats):
            start = time.perf_counter()
            scores = bm25.get_scores(words)
            ranked = top_indices(scores, TOP)
            bm25_times.append(time.perf_counter() - start)
        ours = [(h.source.document.id, h.source.passage) for h in answer.hits]
        theirs = [keys[i] for i in ranked if scores[i] > 0]
        overlaps.append(len(set(ours) & set(theirs)) / max(len(ours), len(theirs), 1))
        firsts.append(float(ours[:1] == theirs[:1]))
    return BaselineResult(
        passages=len(corpus),
        queries=len(queries),
        fts_seconds=statistics.mean(fts_times),
        bm25_seconds=statistics.mean(bm25_times),
        bm25_build_seconds=build,
        top3_agreement=statistics.mean(overlaps),
        top1_agreement=statistics.mean(firsts),
    )
