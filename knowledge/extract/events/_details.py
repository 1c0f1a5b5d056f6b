"""Who attends a meeting, in what role, and what is on its agenda: read from forward-looking clauses.

Attendees: the known subjects of "<X and Y> are expected to attend" or "will attend/gather for
the summit" (people from ``extract_people``, or groups whose head is "leaders", "ministers" ...);
attending something else ("will attend a dinner") is not attending the meeting. Roles: "<person>
is expected to / will <verb phrase>", cut before "on", "during" and similar; a person with two
roles has one record per role. Agenda: what they "will / aim to discuss, introduce, adopt ..."
and what "discussions on" name -- a serial list giving one item per entry -- and "<item> is on
the agenda".
"""

from __future__ import annotations

import re

from knowledge.extract.people import PersonIndex, Referent, is_title_prefix
from knowledge.models import AgendaRecord, AttendeeRecord, Passage


def _words(text: str) -> tuple[str, ...]:
    """Return the space-separated words of a word list written as one string."""
    return tuple(text.split())


FORWARD = re.compile(
    r"\b(?:will|(?:is|are)\s+(?:also\s+)?(?:expected|set|due|scheduled|slated|likely)\s+to"
    r"|(?:plans?|aims?|hopes?|intends?)\s+to|on\s+the\s+(?:agenda|table)"
    r"|(?:central|main|key|chief|principal)\s+(?:item|issue|topic))\b"
)
_MARKER = re.compile(
    r"\s+(?:(?:is|are)\s+(?:also\s+)?(?:expected|set|due|scheduled|slated|likely)\s+to"
    r"|will(?:\s+also)?|(?:plans?|intends?)\s+to)\s+"
)
# Attending needs no object, or the summit as its object: "attend a dinner" is something else.
_ATTEND = re.compile(
    r"(?:attend|gather|meet|convene)\b"
    r"(?P<object>\s+(?:for\s+|at\s+)?(?:the\s+(?:summit|meeting|gathering|talks)|it|in person)\b)?"
    r"(?:\s*,?\s*along with\s+(?P<group>[^,.;]+))?(?(object)|\s*(?:[,.;]|$))"
)
# a decimal point is no end: "press allies that remain below 3.5% of GDP"
_ROLE_END = re.compile(
    r"\s+(?:on|about|over|regarding|during|at|in|when|while|as|after|before|for)\s+|[,;]|\.(?!\d)"
)
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but)\s+|;\s+")
_SUBJECT_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_GROUP_HEADS = frozenset(
    _words(
        "leaders ministers officials delegations delegates counterparts allies partners presidents"
        " government governments chiefs representatives"
    )
)
_PHRASE = r"(?:[^.;:]|\.(?=\d))+"  # up to the sentence's end; "3.5%" is no end
_AGENDA_VERBS = (
    "introduce|adopt|agree on|approve|launch|unveil|endorse|finali[sz]e|sign|discuss|debate"
    "|review|consider|focus on|tackle|decide on|take up"
)
_AGENDA_PLANNED = re.compile(
    r"\b(?:will|(?:aims?|plans?|hopes?|seeks?|intends?|(?:is|are)\s+(?:also\s+)?"
    rf"(?:expected|set|due|scheduled|likely))\s+to)\s+(?:also\s+)?(?:{_AGENDA_VERBS})\s+(?P<item>{_PHRASE})"
)
_AGENDA_TOPICS = re.compile(
    rf"\b(?:discussions?|talks|debates?|negotiations)\s+(?:on|about|over)\s+(?P<item>{_PHRASE})"
)
# "the agenda will be dominated by three issues: X, Y and Z", "talks will centre on X and Y"
_AGENDA_LED = re.compile(
    r"\b(?:agenda|talks|discussions|summit|meeting)\s+(?:is|are|will\s+be|is\s+expected\s+to\s+be)\s+"
    r"(?:dominated|led|shaped|driven)\s+by\s+(?:(?:\w+\s+)?(?:issues|topics|questions|items|subjects)\s*:\s*)?"
    rf"(?P<item>{_PHRASE})"
    r"|\b(?:agenda|talks|discussions)\s+will\s+(?:centre|center|focus)\s+on\s+"
    rf"(?P<focus>{_PHRASE})"
)
_ON_AGENDA = r"\s+(?:also\s+)?(?:on|high on|at the top of)\s+the\s+agenda\b"
# "<item> is on the agenda" opening the sentence, or after "where"; "with <item> on the agenda".
_AGENDA_LISTED = re.compile(rf"(?:^|\bwhere\s+)(?P<item>[^,;:]+?)\s+(?:is|are){_ON_AGENDA}")
_AGENDA_WITH = re.compile(rf"\bwith\s+(?P<item>[^,;:]+?){_ON_AGENDA}")
# "The central item is a commitment to spend 5% of GDP by 2035, split between ...": the whole phrase.
_AGENDA_CENTRAL = re.compile(
    r"\b(?:central|main|key|chief|principal)\s+(?:item|issue|topic)(?:\s+on\s+the\s+agenda)?\s+"
    rf"(?:is|will\s+be)\s+(?P<item>{_PHRASE}?)(?=,\s+(?:split|which|with|including)\b|[.;:]|$)"
)
_LONGEST_ITEM = 15  # words; longer is a clause, not an item
_LONGEST_CENTRAL_ITEM = 25
_ITEM_END = re.compile(
    r",\s+(?:which|who|as|even|while|amid|after|before)\b"
    r"|(?<!\bhow)(?<!\bwhether)(?<!\bways)\s+(?:to|in order to|so that|at|during|while|when|because|before|after|as|amid)\s+"
)
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+|or\s+)?")
_AND_OR = re.compile(r"\s+(?:and|or)\s+")
_SERIAL_AND_OR = re.compile(r",\s+(?:and|or)\s+")
_ATTEND_VERB = re.compile(r"(?:attend|gather|meet|convene)\b")


def attendees(passage: Passage, index: PersonIndex, referent: Referent | None) -> list[AttendeeRecord]:
    """Return who each forward-looking clause says will attend, or what role a person will play."""
    text = passage.text
    markers = list(_MARKER.finditer(text))
    found: list[AttendeeRecord] = []
    for number, marker in enumerate(markers):
        head = text[markers[number - 1].end() if number else 0 : marker.start()]
        if number:  # skip the previous clause's verb phrase: "X will host the meeting, and Y will ..."
            clause_break = _CLAUSE_BREAK.search(head)
            head = head[clause_break.end() :] if clause_break else ""
        subjects = _subjects(head, index, referent)
        found += _attendance(subjects, text[marker.end() :], passage.position)
    return found


def _subjects(head: str, index: PersonIndex, referent: Referent | None) -> list[tuple[str, bool]]:
    """Return (name, is_person) for the known subjects that end a clause's head, in order."""
    subjects: list[tuple[str, bool]] = []
    for chunk in reversed(_SUBJECT_SEPARATOR.split(head)):
        subject = _subject(chunk, index, referent)
        if subject is None:
            break  # the rest is an introductory phrase or someone unknown
        subjects.insert(0, subject)
    return subjects


def _attendance(subjects: list[tuple[str, bool]], rest: str, position: int) -> list[AttendeeRecord]:
    """Return the attendees a clause's verb phrase makes of its subjects."""
    attend = _ATTEND.match(rest)
    if attend is None and _ATTEND_VERB.match(rest):
        return []  # attending something else: "will attend a G7 meeting"
    if attend:
        groups = [(group.strip(), False) for group in [attend.group("group")] if group]
        return [
            AttendeeRecord(name=name, is_person=person, passage=position)
            for name, person in subjects + groups
        ]
    end = _ROLE_END.search(rest)
    role = rest[: end.start() if end else len(rest)].strip()
    if not role or role.split()[0] in {"be", "not", "have"} or not all(person for _, person in subjects):
        return []
    return [AttendeeRecord(name=name, is_person=True, role=role, passage=position) for name, _ in subjects]


def _subject(chunk: str, index: PersonIndex, referent: Referent | None) -> tuple[str, bool] | None:
    """Return (name, is_person) for one subject of an attendance clause, or None if unknown."""
    chunk = chunk.strip()
    if chunk in {"He", "She", "he", "she"}:
        return (referent.name, True) if referent else None
    mentions = [m for m in index.find(chunk) if m.end == len(chunk) and not m.possessive]
    if mentions and is_title_prefix(chunk[: mentions[-1].start]):
        return mentions[-1].name, True
    words = chunk.split()
    if words and words[-1].lower() in _GROUP_HEADS and len(words) <= 6:
        return chunk, False
    return None


def agenda(passage: Passage) -> list[AgendaRecord]:
    """Return the agenda items a passage names."""
    text = passage.text
    items = [item for m in _AGENDA_PLANNED.finditer(text) for item in _items(m.group("item"))]
    items += [item for m in _AGENDA_TOPICS.finditer(text) for item in _items(m.group("item"))]
    items += [
        item for m in _AGENDA_LED.finditer(text) for item in _items(m.group("item") or m.group("focus"))
    ]
    items += [m.group("item").strip() for p in (_AGENDA_LISTED, _AGENDA_WITH) for m in p.finditer(text)]
    items = [item for item in items if 1 <= len(item.split()) <= _LONGEST_ITEM]
    central = [m.group("item").strip() for m in _AGENDA_CENTRAL.finditer(text)]
    items = [item for item in central if len(item.split()) <= _LONGEST_CENTRAL_ITEM] + items
    return [AgendaRecord(text=item, passage=passage.position) for item in dict.fromkeys(items)]


def _items(phrase: str) -> list[str]:
    """Return the items of an agenda phrase, cut before a purpose and split if a serial list."""
    end = _ITEM_END.search(phrase)
    phrase = phrase[: end.start()] if end else phrase
    if "," not in phrase:
        return [phrase.strip()]
    items = _LIST_SEPARATOR.split(phrase.strip())
    last = items.pop()
    items += _AND_OR.split(last, maxsplit=1) if not _SERIAL_AND_OR.search(phrase) else [last]
    return [item.strip() for item in items if item.strip()]
