"""Clauses of a passage: where the clause holding a position starts and ends.

A clause ends at ";", ":", a dash, a full stop before a space, or ", and" / ", but" / ", while" /
", whereas". The boundaries of a passage are found once (one scan) and looked up by bisection,
so asking for the clause of every mention stays linear in the passage's length.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right

from knowledge.wordscan import PASSAGE_CACHE

_BOUNDARY = re.compile(r"[;:—]\s*|\.(?:\s+|$)|,\s+(?:and|but|while|whereas)\s+")


@functools.lru_cache(maxsize=PASSAGE_CACHE)
def _boundaries(text: str) -> tuple[list[int], list[int]]:
    """Return the (start, end) offsets of the clause boundaries of a text, in order."""
    spans = [(m.start(), m.end()) for m in _BOUNDARY.finditer(text)]
    return [start for start, _ in spans], [end for _, end in spans]


def clause_start(text: str, position: int) -> int:
    """Return where the clause holding position starts: after the last boundary that ends by it."""
    _starts, ends = _boundaries(text)
    index = bisect_right(ends, position)
    return ends[index - 1] if index else 0


def clause_end(text: str, position: int) -> int:
    """Return where the clause holding position ends: at the first boundary starting at or after it."""
    starts, _ends = _boundaries(text)
    index = bisect_left(starts, position)
    return starts[index] if index < len(starts) else len(text)


def crosses_clause(text: str, start: int, end: int) -> bool:
    """Return whether a clause boundary starts within text[start:end]."""
    return clause_end(text, start) < end
