"""The time expressions of a passage, looked up by position.

``find_times`` gives them in order and without overlaps, so their starts and ends are both sorted:
each question ("which time covers this position?", "which one ends right before it?") is a
bisection, and asking it for every mention stays linear in the passage's length.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from knowledge.models import TimeRef

Span = tuple[TimeRef, int, int]


class Times:
    """A passage's time expressions with their spans, in text order."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self._starts = [start for _, start, _ in spans]
        self._ends = [end for _, _, end in spans]

    def covering(self, position: int) -> Span | None:
        """Return the time whose span holds position, if any."""
        index = bisect_right(self._starts, position) - 1
        return self.spans[index] if index >= 0 and position < self._ends[index] else None

    def ending_by(self, position: int) -> Span | None:
        """Return the last time that ends at or before position."""
        index = bisect_right(self._ends, position) - 1
        return self.spans[index] if index >= 0 else None

    def starting_from(self, position: int) -> Span | None:
        """Return the first time that starts at or after position."""
        index = bisect_left(self._starts, position)
        return self.spans[index] if index < len(self.spans) else None

    def within(self, start: int, end: int) -> list[Span]:
        """Return the times that start at or after start and end at or before end."""
        first = bisect_left(self._starts, start)
        last = bisect_right(self._ends, end)
        return self.spans[first:last] if first < last else []


def times_agree(a: TimeRef, b: TimeRef) -> bool:
    """Return whether two times could be the same meeting: no known year or month differs, and the
    days overlap ("today", the 25th, falls within "24-25 June")."""
    if any(x is not None and y is not None and x != y for x, y in ((a.year, b.year), (a.month, b.month))):
        return False
    if a.day is None or b.day is None:
        return True
    return a.day <= (b.end_day or b.day) and b.day <= (a.end_day or a.day)


def precision(when: TimeRef) -> int:
    """Return how many of year, month and day a time knows."""
    return sum(value is not None for value in (when.year, when.month, when.day))


def more_telling(new: TimeRef, old: TimeRef) -> bool:
    """Return whether a time says more than another: more of year, month and day, or the same day
    as part of the meeting's range ("24-25 June" over "today")."""
    if precision(new) != precision(old):
        return precision(new) > precision(old)
    return new.end_day is not None and old.end_day is None and times_agree(new, old)
