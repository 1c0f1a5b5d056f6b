"""Live coverage: the meeting a live blog follows is going on on the blog's date.

A live blog ("Live: ...", "... as it happened", "live updates", "our live coverage" in its title
or opening paragraph) is written while the meeting it follows goes on, and its entries rarely
repeat the date. So the one meeting it names with a place but no date of its own, and no word
setting it before or after the article's date (a decision taken at it, "allies agreed in Lisbon",
or what is left of it, "the meeting is due to end at lunchtime", tells of moments within it and
does not count), is held on the blog's date when the blog names it
in its opening paragraph, in a timestamped entry ("10:32 BST: Leaders pose for the family photo
at the Vilnius summit") or in a passage that says it is going on ("Leaders are arriving at the
summit venue in Riga", "on the second day"): its status is then "in progress". The date is shown
as derived ("the day of this live coverage"), never as if the text had written it. When no entry
names the meeting's place ("Leaders are arriving for the first day of the NATO summit"), the
blog's title may: "Live: Day one of the Copenhagen summit" places the one such summit there.
"""

from __future__ import annotations

import re

from knowledge.extract.events._merge import Event
from knowledge.extract.events._places import place_after, place_before
from knowledge.extract.events._times import Times
from knowledge.models import Article, TimeRef

_LIVE = re.compile(r"^\s*live\b|\blive\s*(?::|updates?\b|blog\b|coverage\b)|\bas\s+it\s+happened\b", re.I)
_GOING_ON = re.compile(
    r"\b(?:now|today|under\s*way|(?:is|are)\s+(?:now\s+)?\w+ing|(?:first|second|third|final|last|opening|closing)"
    r"\s+day|day\s+(?:one|two|three|\d))\b",
    re.I,
)
_ENTRY = re.compile(r"\s*\d{1,2}[:.]\d{2}\b")  # a live entry's timestamp: "10:32 BST:", "09:15 CET —"
LIVE_DAY = "the day of this live coverage"


def date_live_meeting(article: Article, events: list[Event]) -> None:
    """Give the one undated meeting a live blog follows the blog's date."""
    published = article.meta.published
    if published is None or published.month is None or published.day is None or not _is_live(article):
        return
    followed = [event for event in events if _followed(article, event)]
    if not followed:
        followed = _placed_by_title(article, events)
    if len(followed) == 1:
        followed[0].when = TimeRef.inferred_as(
            LIVE_DAY, year=published.year, month=published.month, day=published.day
        )


_SUMMIT_WORD = re.compile(r"\b[Ss]ummit\b")


def _placed_by_title(article: Article, events: list[Event]) -> list[Event]:
    """Return the one placeless, undated summit of the blog's opening or of a passage that says it
    goes on ("the first day of the NATO summit"), given the place the blog's title names, read as
    a sentence's is ("Live: Day one of the Copenhagen summit", "Live: NATO summit in Vilnius")."""
    title = article.meta.title or ""
    untimed = Times([])  # a title's times date no place
    places = [
        place_before(title, word.start(), untimed) or place_after(title, word.end(), untimed)
        for word in _SUMMIT_WORD.finditer(title)
    ]
    # only a known city or country: any other capitalised word after "summit in" names nothing known
    place = next((p for p in places if p is not None and p.country is not None), None)
    if place is None:
        return []
    opening = article.passages[0].paragraph if article.passages else -1
    candidates = [
        event
        for event in events
        if event.place is None
        and event.summit
        and event.when is None
        and not event.own_tenses
        and (opening in event.paragraphs or any(_now(article.passages[p].text) for p in event.passages))
    ]
    if len(candidates) != 1:
        return []
    event = candidates[0]
    event.place, event.country, event.is_country = place.name, place.country, place.is_country
    return [event]


def _is_live(article: Article) -> bool:
    """Return whether the article is live coverage: said in its title, first heading or opening paragraph."""
    first = article.passages[0] if article.passages else None
    opening = " ".join(p.text for p in article.passages if first and p.paragraph == first.paragraph)
    heading = first.section if first else None
    return any(_LIVE.search(text or "") for text in (article.meta.title, heading, opening))


def _followed(article: Article, event: Event) -> bool:
    """Return whether an event may be the one the blog follows: placed, undated, timeless, and
    named in the opening paragraph, in a timestamped entry, or where it is said to go on."""
    if event.place is None or event.when is not None or event.own_tenses or not article.passages:
        return False
    opening = article.passages[0].paragraph
    return opening in event.paragraphs or any(_now(article.passages[p].text) for p in event.passages)


def _now(text: str) -> bool:
    """Return whether a passage is a timestamped entry ("10:32 BST: ...") or says something goes on now."""
    return bool(_ENTRY.match(text) or _GOING_ON.search(text))
