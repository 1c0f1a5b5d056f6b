"""Find quotations in an article body by pairing quotation marks, paragraph by paragraph.

Rules:

* Marks come in families: straight doubles (``"``, opening after a space or at a paragraph start,
  closing after a word), curly doubles (“ ”), low-high doubles („ “, or „ closed by " or ” after a
  word, as many keyboards type it), guillemets (« » and, read
  from the inside, » «), curly singles (‘ ’) and straight singles (``'``).
* A quotation is what lies between an opening mark and the matching closing mark of its family;
  marks of another family inside it are nested quotations and stay part of its words.
* A closing single mark is told from an apostrophe by its neighbours: between two letters
  ("Europe’s", "don’t") or after a space ("the ’90s") it is an apostrophe; after a word and before
  a space, punctuation or the paragraph end it closes. After an "s" and before a lower-case word
  ("our allies’ patience") it may be a plural possessive: it closes only if no clearer closing
  mark comes before the quotation would have to end.
* A quotation still open at a paragraph's end continues when the next paragraph opens with a mark
  of the same family (the multi-paragraph rule: an opening mark at each paragraph, a closing one
  only at the end); it then has one segment per paragraph. Otherwise it is dropped: unpaired
  marks quote nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_MARK = re.compile("[\"“”„«»‘’']")
# What may stand right before an opening mark: nothing, a space, an opening bracket, a dash.
_BEFORE_OPENING = frozenset(" \t\r\n([{—–-/")
_OPENERS = {"“": "curly", "„": "low", "«": "guillemet", "‘": "single"}


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation: where its marks are and the spans of its words, one per paragraph."""

    start: int  # the opening mark
    end: int  # just after the closing mark
    segments: tuple[tuple[int, int], ...]  # the words inside the marks, without surrounding spaces

    def words(self, body: str) -> str:
        """Return the quoted words, paragraphs separated by a blank line.

        A line break inside a paragraph (a PDF's or an e-mail's wrapped lines) is layout, not
        words: it reads as a space.
        """
        return "\n\n".join(_LINE_BREAK.sub(" ", body[start:end]) for start, end in self.segments)


@dataclass(slots=True)
class _Open:
    """A quotation being read: its family, where it opened, and its segments so far."""

    family: str
    start: int
    segment_start: int
    segments: list[tuple[int, int]]
    nested: list[str]  # families of marks opened inside it, innermost last
    weak_close: int | None = None  # a possible closing single mark ("allies’ patience")


def find_quotations(body: str, paragraphs: Sequence[tuple[int, int]]) -> list[Quotation]:
    """Return the quotations of body's paragraphs (given as (start, end) spans), in text order."""
    found: list[Quotation] = []
    carried: _Open | None = None
    for number, (start, end) in enumerate(paragraphs):
        before = len(found)
        carried = _read_paragraph(body, start, end, carried, found)
        if carried is None:
            dashed = _dash_quotation(body, start, end) if len(found) == before else None
            if dashed is not None:
                found.append(dashed)
            continue
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        opener = _paragraph_opener(body, following) if following else None
        if opener is None or _family(body, opener) != carried.family:
            _close_weak(carried, found, body)
            carried = None
            continue
        carried.segments.append(_trimmed(body, carried.segment_start, end))
        carried.segment_start = opener + 1
        carried.nested = []
    return found


# A paragraph opened by a dash and closed by its attribution is a quotation, as much of European
# journalism (and English translations of it) marks speech: "– The money goes north, said the
# minister." The dash must be an en or em dash (a hyphen opens list items), and the attribution
# a speech verb with its speaker after a comma: then nothing else reads the paragraph as a list.
_DASH_OPENING = re.compile(r"[ \t]*[–—][ \t]+(?=[A-ZÀ-Þ\d])")
_DASH_SPEECH = (
    r"said|says|adds|added|stresses|stressed|underlines|underlined|explains|explained"
    r"|insists|insisted|warns|warned|continues|continued|writes|wrote"
)
_DASH_ATTRIBUTION = re.compile(
    # ", says Elvebakk to Salten Dagblad", ", she said", ", Elvebakk told Reuters"
    rf",\s+(?:(?:[Hh]e|[Ss]he|[Tt]hey|(?:[A-ZÀ-Þ][\w.’'-]*\s+){{1,3}})(?:{_DASH_SPEECH}|told|tells|points\s+out|pointed\s+out)\b"
    # ", said Defence Minister X": the verb first, then its speaker (not ", told Reuters": a listener)
    rf"|(?:{_DASH_SPEECH})\s+(?=[A-ZÀ-Þ]|the\s|an?\s))"
)


def _dash_quotation(body: str, start: int, end: int) -> Quotation | None:
    """Return the quotation a dash opens and its attribution closes ("– ..., says Elvebakk."), if any."""
    opening = _DASH_OPENING.match(body, start, end)
    if opening is None:
        return None
    # the last one: a quotation may hold commas and even "said"
    attribution = max(
        _DASH_ATTRIBUTION.finditer(body, opening.end(), end), key=lambda m: m.start(), default=None
    )
    if attribution is None or body.find("\n", attribution.end(), end) >= 0:
        return None
    words = _trimmed(body, opening.end(), attribution.start())
    if words[1] - words[0] < 10:
        return None
    dash = body.index("–" if "–" in body[opening.start() : opening.end()] else "—", opening.start())
    return Quotation(dash, attribution.start() + 1, (words,))


def _read_paragraph(
    body: str, start: int, end: int, carried: _Open | None, found: list[Quotation]
) -> _Open | None:
    """Read one paragraph's marks, adding closed quotations to found; return the one left open."""
    current = carried
    skip = carried.segment_start - 1 if carried else -1  # the continuing paragraph's opening mark
    for match in _MARK.finditer(body, start, end):
        at = match.start()
        if at == skip:
            continue
        role = _role(body, at, start, end, current)
        if role is None:
            continue
        action, family = role
        if current is None:
            if action == "open":
                current = _Open(family, at, at + 1, [], [])
            continue
        current = _advance(body, current, at, action, family, found)
    return current


def _advance(
    body: str, current: _Open, at: int, action: str, family: str, found: list[Quotation]
) -> _Open | None:
    """Return the open quotation after one more mark inside it (None once it has closed)."""
    if current.nested:
        if action in ("close", "weak") and family == current.nested[-1]:
            current.nested.pop()
        elif action == "open":
            current.nested.append(family)
        return current
    if family == current.family and action == "close":
        found.append(_finished(body, current, at))
        return None
    if family == current.family and action == "weak":
        current.weak_close = at
        return current
    if family == current.family and action == "open" and current.weak_close is not None:
        found.append(_finished(body, current, current.weak_close))  # "allies’" closed it after all
        return _Open(family, at, at + 1, [], [])
    if action == "open" and family != current.family:
        current.nested.append(family)
    return current


def _role(body: str, at: int, start: int, end: int, current: _Open | None) -> tuple[str, str] | None:
    """Return (open | close | weak, family) for the mark at ``at``, or None for an apostrophe."""
    mark = body[at]
    before = body[at - 1] if at > start else " "
    after = body[at + 1] if at + 1 < end else " "
    inner = (current.nested[-1] if current.nested else current.family) if current else None
    if mark == "“" and inner == "low":
        return "close", "low"
    if mark in '"”' and inner == "low" and not before.isspace():
        return "close", "low"  # „... " and „...”: a low opening closed as plain keyboards type it
    if mark == "»" and inner == "reversed":
        return "close", "reversed"
    if mark in _OPENERS:
        return ("open", _OPENERS[mark]) if not after.isspace() or mark == "«" else None
    if mark == "”":
        return "close", "curly"
    if mark == "»":
        return ("close", "guillemet") if inner == "guillemet" else ("open", "reversed")
    if mark == "«":
        return "close", "reversed"
    if mark == '"':
        if inner == "straight" and not before.isspace():
            return "close", "straight"
        return ("open", "straight") if before in _BEFORE_OPENING and not after.isspace() else None
    family = "single" if mark == "’" else "plain"
    return _single_role(body, at, end, before, after, family, inner)


def _single_role(
    body: str, at: int, end: int, before: str, after: str, family: str, inner: str | None
) -> tuple[str, str] | None:
    """Return the role of a closing curly single or a straight single mark, or None for an apostrophe."""
    if before.isalnum() and after.isalnum():
        return None  # "Europe’s", "don't"
    if family == "plain" and before in _BEFORE_OPENING and after.isalpha():
        return "open", "plain"
    if before.isspace() or inner != family:
        return None  # "the ’90s", or a possessive outside any single quotation
    following = body[at + 2] if at + 2 < end else ""
    if before in "sS" and after == " " and following.islower():
        return "weak", family  # "allies’ patience" -- or "more ships’ for": decided later
    return "close", family


def _finished(body: str, current: _Open, close: int) -> Quotation:
    """Return the quotation that closes at ``close``."""
    segments = (*current.segments, _trimmed(body, current.segment_start, close))
    return Quotation(current.start, close + 1, tuple(s for s in segments if s[1] > s[0]))


def _close_weak(current: _Open, found: list[Quotation], body: str) -> None:
    """Close a quotation left open at its paragraph's end at its possible closing mark, if any."""
    if current.weak_close is not None and not current.segments:
        found.append(_finished(body, current, current.weak_close))


def _paragraph_opener(body: str, paragraph: tuple[int, int]) -> int | None:
    """Return where a paragraph's opening quotation mark is, when it starts with one."""
    start, end = paragraph
    while start < end and body[start] in " \t>":
        start += 1  # a Markdown blockquote's ">" comes before the mark
    return start if start < end and body[start] in "\"“„«‘'" else None


def _family(body: str, at: int) -> str:
    """Return the family of the opening mark at ``at``."""
    mark = body[at]
    return {'"': "straight", "'": "plain"}.get(mark) or _OPENERS.get(mark, "straight")


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    """Return the span without surrounding whitespace."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end
