"""What kind of meeting a mention names, read from the words of its noun phrase and its group.

"the G7 summit", "Group of Seven leaders meeting in Apulia" -> G7; "EU leaders ... at their
summit", "a European Council summit" -> EU; "defence ministers are to meet", "a NATO ministerial"
-> ministerial (NATO's when NATO is named); "the alliance's summit", "NATO leaders meet" -> NATO
summit. A named body wins over a group, and a group over NATO's name: "EU leaders" who discuss
NATO still hold an EU summit. Words the rules do not know leave the kind open (``None``): the
event then takes the kind of the mentions it merges with, else a default (see ``default_kind``).
"""

from __future__ import annotations

import re

from knowledge.models import EventKind

# The summits of a body the text names.
NAMED_SUMMITS = (EventKind.NATO_SUMMIT, EventKind.EU_SUMMIT, EventKind.G7_SUMMIT, EventKind.G20_SUMMIT)

# (pattern, kind) in order of precedence: the first that matches the phrase decides.
_NAMED = [
    (re.compile(r"\bG-?7\b|\bGroup of Seven\b"), EventKind.G7_SUMMIT),
    (re.compile(r"\bG-?20\b|\bGroup of (?:Twenty|20)\b"), EventKind.G20_SUMMIT),
    (re.compile(r"\bContact Group\b"), EventKind.CONTACT_GROUP),
    (re.compile(r"\bEU\b|\bEuropean Union\b|\bEuropean Council\b"), EventKind.EU_SUMMIT),
]
_MINISTERS = re.compile(r"\bministers?\b|\bministerial\b", re.I)
_NATO = re.compile(r"\bNATO\b|\bNato\b|\balliance(?:['’]s)?\b|\ballied\b|\ballies\b|\bNorth Atlantic\b", re.I)
# Leaders qualified by something other than NATO: "European leaders", "Nordic leaders".
_OTHER_LEADERS = re.compile(r"\b(?!NATO\b|Nato\b|Allied\b)[A-Z][a-z]+\s+(?:leaders|heads of)\b")
_CONFERENCE = re.compile(r"\bconference\b", re.I)


def kind_of(phrase: str) -> EventKind | None:
    """Return the kind the words of a meeting's phrase name, or None when they name none."""
    for pattern, kind in _NAMED:
        if pattern.search(phrase):
            if kind is not EventKind.CONTACT_GROUP and _MINISTERS.search(phrase):
                return EventKind.MINISTERIAL  # G7 or EU ministers: a ministerial, not a summit
            return kind
    if _CONFERENCE.search(phrase):
        return EventKind.CONFERENCE
    if _MINISTERS.search(phrase):
        return EventKind.NATO_MINISTERIAL if _NATO.search(phrase) else EventKind.MINISTERIAL
    if _NATO.search(phrase):
        return EventKind.NATO_SUMMIT
    if _OTHER_LEADERS.search(phrase):
        return EventKind.SUMMIT
    return None


def default_kind(about_nato: bool) -> EventKind:
    """Return the kind of a summit no words qualify: NATO's in an article about NATO."""
    return EventKind.NATO_SUMMIT if about_nato else EventKind.SUMMIT


def article_is_about_nato(text: str) -> bool:
    """Return whether a text names NATO or the alliance at all."""
    return _NATO.search(text) is not None


def more_specific(a: EventKind | None, b: EventKind | None) -> EventKind | None:
    """Return the more specific of two kinds one event was given (a named body over a group ...)."""
    if a is None or b is None:
        return a or b
    return a if _RANK[a] <= _RANK[b] else b


def compatible(a: EventKind | None, b: EventKind | None) -> bool:
    """Return whether two mentions' kinds can name the same event."""
    if a is None or b is None or a == b:
        return True
    # A summit of leaders no group names may be any summit; ministers never hold a summit.
    summits = {*NAMED_SUMMITS, EventKind.SUMMIT}
    return EventKind.SUMMIT in (a, b) and a in summits and b in summits


_RANK = {
    kind: rank
    for rank, kind in enumerate(
        [
            EventKind.G7_SUMMIT,
            EventKind.G20_SUMMIT,
            EventKind.CONTACT_GROUP,
            EventKind.EU_SUMMIT,
            EventKind.CONFERENCE,
            EventKind.NATO_MINISTERIAL,
            EventKind.MINISTERIAL,
            EventKind.NATO_SUMMIT,
            EventKind.SUMMIT,
        ]
    )
}
