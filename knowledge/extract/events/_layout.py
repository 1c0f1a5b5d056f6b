"""Meetings laid out rather than written in sentences: table rows, list items, fact boxes, headings.

* A table row with a cell naming a meeting, a cell naming a place and one with a time:
  ``| NATO summit | Ankara | 7-8 July 2026 |``.
* A list item or fact box of terse parts -- a meeting, one place (a city and its own country may
  both be given) and a time: "- NATO summit, Ankara: 7-8 July", "When: 7-8 July 2026 / Where:
  Ankara, Türkiye" under the heading "NATO summit at a glance". Every part is a few words at most;
  prose is left to the sentence rules (``_mentions``), and a dateline with prose after it is no list.
  A terse answer to a question naming a meeting reads the same way: "Q: When do leaders meet
  next?" / "A: In Ankara, on 7 and 8 July 2026."
* A heading naming a meeting with its place ("The Ankara summit") gives that place to the first
  sentence under it ("NATO leaders meet on 7 and 8 July"): see ``heading_place``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from knowledge.extract.events._kinds import kind_of
from knowledge.extract.events._places import PlaceMatch, cell_place, place_after, place_before, place_in
from knowledge.extract.events._times import Times, precision
from knowledge.extract.timeref import find_times
from knowledge.models import EventKind, PartialDate, TimeRef

_MEETING = re.compile(r"\b(?:[Ss]ummit|[Mm]inisterial|[Mm]eeting|[Cc]onference)\b")
# a calendar line names a ministers' meeting by who meets: "4-5 June 2026: NATO defence ministers, Brussels"
_MINISTERS = re.compile(r"\b(?:[Dd]efen[cs]e|[Ff]oreign)\s+[Mm]inisters\b")
# What names a meeting in the heading or question above terse parts: also "When do leaders meet?".
_NAMES_MEETING = re.compile(
    r"\b(?:[Ss]ummit|[Mm]inisterial|[Mm]eet(?:ing|s)?|[Cc]onference|gather|convene)\b"
)
_COUNCIL = re.compile(r"\bEuropean\s+Council\b")  # a meeting by its name alone
_PREPOSITION = re.compile(r"(?:[Ii]n|[Aa]t)\s+")  # "In Ankara" in an answer is the place Ankara
# a row of cells, with or without the outer bars: "| NATO summit | Ankara | 7-8 July |", or a
# calendar's "7-8 July | NATO summit | Ankara, Türkiye"
_TABLE_ROW = re.compile(r"^[^|\n]*(?:\|[^|\n]*){2,}$", re.M)
_CELL = re.compile(r"[^|]+")
_LONGEST = 240  # characters: a list item or fact box; longer text is prose
_PART_WORDS = 6
_PART = re.compile(r"(?:[^,:;|—–\n.*]|\.(?=\S))+")
_CLOSING_NOTE = re.compile(r"\s*\([^()\n]{1,120}\)\s*$")


@dataclass(frozen=True, slots=True)
class LaidOut:
    """A meeting a layout names: where its name is in the text, its kind, place and time."""

    start: int
    end: int
    kind: EventKind | None
    place: PlaceMatch
    when: TimeRef


def laid_out_meetings(
    text: str, section: str, published: PartialDate | None, *, opens_section: bool = False
) -> list[LaidOut]:
    """Return the meetings of a passage's table rows, or of the passage as a list item or fact box.

    opens_section: the passage is the first under its heading, so a heading that is itself a row
    ("21-22 May | NATO foreign ministers | Helsingborg, Sweden", the text under it its notes)
    gives its meeting with the passage's.
    """
    found = _table_rows(text, published) + _calendar_lines(text, published)
    if opens_section and "|" in section:
        found = [replace(m, start=0, end=0) for m in _table_rows(section, published)] + found
    item = _labelled(text, section, published)
    return [*found, item] if item else found


@functools.lru_cache(maxsize=256)  # asked once per section, and sections repeat across articles
def heading_place(heading: str, published: PartialDate | None) -> PlaceMatch | None:
    """Return the place of the meeting a heading names ("The Ankara summit", "Summit in Vilnius")."""
    times = Times(find_times(heading, published))
    for match in _MEETING.finditer(heading):
        place = place_after(heading, match.end(), times) or place_before(heading, match.start(), times)
        if place is not None:
            return replace(place, start=0, end=0)
    return None


def _labelled(text: str, section: str, published: PartialDate | None) -> LaidOut | None:
    """Return the meeting of a list item, fact box or terse answer, if the passage is one.

    section: the heading above it, or the question it answers, which may name the meeting.
    """
    if len(text) > _LONGEST or not (
        _MEETING.search(text) or _NAMES_MEETING.search(section) or _MINISTERS.search(text)
    ):
        return None
    # a note in brackets closing the item is no part of it: "February 2026: NATO defence ministers,
    # Brussels (first look at the national plans)"
    note = _CLOSING_NOTE.search(text)
    parts = [
        _stripped(m)
        for m in _PART.finditer(text, 0, note.start() if note else len(text))
        if m.group(0).strip()
    ]
    if any(len(text[s:e].split()) > 2 * _PART_WORDS for s, e in parts):
        return None  # prose (most passages): no need to find its times
    found = [t for t in find_times(text, published) if note is None or t[1] < note.start()]
    # a date counts as one word: "on the 7th and 8th of July" is as terse as "on 7 July"
    if any(_words(text, s, e, found) > _PART_WORDS for s, e in parts):
        return None
    places = [p for s, e in parts if (p := place_in(text, _after_preposition(text, s, e), e)) and p.end == e]
    meeting = next(
        ((s, e) for s, e in parts if _MEETING.search(text, s, e) or _MINISTERS.fullmatch(text, s, e)), None
    ) or next(((s, e) for s, e in parts if _MINISTERS.search(text, s, e)), None)
    named = text[meeting[0] : meeting[1]] if meeting else section
    times = [ref for ref, _, _ in found if ref.year is not None or ref.month is not None]
    if (
        not places
        or len({p.country for p in places}) != 1
        or not times
        or not (_NAMES_MEETING.search(named) or _MINISTERS.search(named))
    ):
        return None
    place = next((p for p in places if not p.is_country), places[0])
    start, end = meeting or (0, len(text))
    return LaidOut(start, end, kind_of(named), place, max(times, key=precision))


def _words(text: str, start: int, end: int, times: list[tuple[TimeRef, int, int]]) -> int:
    """Return the words of a part, each time written in it counted as one."""
    inside = [(s, e) for _, s, e in times if start <= s and e <= end]
    return len(text[start:end].split()) - sum(len(text[s:e].split()) - 1 for s, e in inside)


def _after_preposition(text: str, start: int, end: int) -> int:
    """Return where a part's words start after a leading "in" or "at"."""
    match = _PREPOSITION.match(text, start, end)
    return match.end() if match else start


def _stripped(match: re.Match[str]) -> tuple[int, int]:
    """Return the span of a match without its surrounding spaces."""
    word = match.group(0)
    return match.start() + len(word) - len(word.lstrip()), match.end() - len(word) + len(word.rstrip())


def _row_cells(row: re.Match[str]) -> list[tuple[str, int]]:
    """Return a table row's cells, each stripped, with where it starts in the passage."""
    return [(cell.group(0).strip(), row.start() + cell.start()) for cell in _CELL.finditer(row.group(0))]


def _table_rows(text: str, published: PartialDate | None) -> list[LaidOut]:
    """Return the meetings of table rows: a cell naming a meeting, one a place, one a time."""
    found: list[LaidOut] = []
    for row in _TABLE_ROW.finditer(text):
        cells = _row_cells(row)
        meeting = next(
            ((cell, at) for cell, at in cells if _MEETING.search(cell) or _COUNCIL.search(cell)), None
        )
        places = [cell_place(cell) for cell, _ in cells if cell and cell != (meeting or ("",))[0]]
        times = [ref for cell, _ in cells for ref, _, _ in find_times(cell, published)]
        place = next((p for p in places if p is not None), None)
        if meeting is None or place is None or not times:
            continue
        at = meeting[1]
        found.append(
            LaidOut(at, at + len(meeting[0]), kind_of(meeting[0]), replace(place, start=at, end=at), times[0])
        )
    return found


# A calendar's line: its date, a dash, the meeting and its place after a comma ("21-22 May —
# Informal meeting of NATO foreign ministers, Tallinn", "7-8 July — NATO summit, Ankara").
_CALENDAR_LINE = re.compile(
    r"^[ \t]*(?:[-*•][ \t]+)?(?P<date>[^—–\n|]{3,30}?)[ \t]+[—–][ \t]+(?P<what>[^,\n]{3,80}),[ \t]+"
    r"(?P<place>[^,\n]{2,40}?)[ \t]*\.?[ \t]*$",
    re.M,
)


_CALENDAR_GROUP = re.compile(
    r"\b(?:ministers|leaders|heads\s+of\s+(?:state|government))\b", re.I
)  # "NATO defence ministers, Brussels"


def _calendar_lines(text: str, published: PartialDate | None) -> list[LaidOut]:
    """Return the meetings of a calendar's lines (see ``_CALENDAR_LINE``): a date alone before the
    dash, a meeting's words, a known place."""
    if "—" not in text and "–" not in text:
        return []
    found: list[LaidOut] = []
    for line in _CALENDAR_LINE.finditer(text):
        what = line.group("what")
        if not (_MEETING.search(what) or _COUNCIL.search(what) or _CALENDAR_GROUP.search(what)):
            continue  # "September — Latvia presents its 2027 budget, in Riga": no meeting
        times = find_times(line.group("date"), published)
        if (
            len(times) != 1
            or times[0][1] != 0
            or times[0][2] != len(line.group("date"))
            or times[0][0].month is None
        ):
            continue
        place = cell_place(line.group("place"))
        if place is None or place.is_country:
            continue
        at = line.start("what")
        found.append(
            LaidOut(at, at + len(what), kind_of(what), replace(place, start=at, end=at), times[0][0])
        )
    return found


# A table of meetings whose rows name no meeting, under a title or sentence that says what they are:
# "List of NATO summits" over "| Year | City | Country | Dates | Key decision |".
_PLACE_HEADER = re.compile(r"(?:host\s+)?(?:city|place|venue|location|where)", re.I)
_COUNTRY_HEADER = re.compile(r"(?:host\s+)?(?:country|nation)", re.I)
_DATES_HEADER = re.compile(r"dates?|days?|when", re.I)
_YEAR_HEADER = re.compile(r"year", re.I)
_RULE_ROW = re.compile(r"[\s|:-]*")
_TABLE_FRAME = re.compile(r"\b(?:summits?|ministerials?|meetings?)\b", re.I)
_SUMMITS_FRAME = re.compile(
    r"\b(?:NATO|alliance|allied|leaders['’]?)\s+(?:summits?|meetings?)\b|\bsummits\b", re.I
)
_NATO_FRAME = re.compile(r"\b(?:NATO|alliance|allies|allied)\b", re.I)


def listed_meetings(text: str, frame: str, published: PartialDate | None) -> list[LaidOut]:
    """Return the meetings of a table with a city column and a date or year column, one per row,
    when its frame (the article's title, or the sentence before it) names the meetings ("List of
    NATO summits", "The table covers summits since 2014"): "| 2014 | Newport | United Kingdom |
    4–5 September | ..." is the summit in Newport in September 2014."""
    if not (_SUMMITS_FRAME.search(frame) or (_TABLE_FRAME.search(frame) and _NATO_FRAME.search(frame))):
        return []  # the alliance's meetings: "List of NATO summits", not a Nordic club's venues
    rows = [row for row in _TABLE_ROW.finditer(text) if not _RULE_ROW.fullmatch(row.group(0))]
    if len(rows) < 2:
        return []
    header = [cell for cell, _ in _row_cells(rows[0])]

    def column(pattern: re.Pattern[str]) -> int | None:
        return next((i for i, cell in enumerate(header) if pattern.fullmatch(cell)), None)

    city, country, dates, year = (
        column(p) for p in (_PLACE_HEADER, _COUNTRY_HEADER, _DATES_HEADER, _YEAR_HEADER)
    )
    if city is None or (dates is None and year is None):
        return []
    kind = kind_of(frame)
    found: list[LaidOut] = []
    for row in rows[1:]:
        cells = _row_cells(row)
        if len(cells) != len(header):
            continue
        named = cells[city][0] + (f", {cells[country][0]}" if country is not None else "")
        place = cell_place(named) or cell_place(cells[city][0])
        written = " ".join(cells[i][0] for i in (dates, year) if i is not None)
        times = [ref for ref, _, _ in find_times(written, published) if ref.year is not None]
        if place is None or place.country is None or not times:
            continue
        at = cells[city][1]
        found.append(
            LaidOut(
                at,
                at + len(cells[city][0]),
                kind,
                replace(place, start=at, end=at),
                max(times, key=precision),
            )
        )
    return found
