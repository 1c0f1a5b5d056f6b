"""Places named as where a meeting met or a decision was taken: venues, never spenders.

"the summit in The Hague", "allies agreed in Vilnius", "ministers who met at Brussels", "the Dutch
summit", "the first summit in Türkiye since Istanbul": the city or country says where people met,
not whose budget a figure after it is. So "what was agreed in Vilnius, 3% of GDP" is not
Lithuania's figure, and "at the summit in The Hague, allies adopted 5%" is the alliance's.

A host is not a venue: "Türkiye, which hosts next year's summit, spends 2.1%" is Türkiye's figure;
nor is a capital where a national body meets ("at a cabinet meeting in Warsaw, the government
approved 4.7%" is Poland's).
"""

from __future__ import annotations

import re

# A meeting, or a decision taken at one, right before "in"/"at" and the place; a time may sit
# between ("agreed last year in Madrid").
_VENUE_BEFORE = re.compile(
    r"\b(?:summits?|meetings?|talks|ministerials?|gatherings?|conferences?|agenda|met|meet|meets|gather(?:s|ed)?"
    r"|convene[sd]?|agreed|pledged|adopted|endorsed|signed|decided|held|set|made|struck|sat(?:\s+down)?"
    r"|t(?:ake|akes|aking|ook)\s+place)"
    r"(?:\s+(?:last|this|next|in)\s+[\w-]+)?\s*,?\s+(?:in|at)\s+(?:the\s+)?$"
    # a label's summit: "Last summit: Ankara, July 2026"
    r"|\b(?:summit|meeting|ministerial|venue|host\s+city)\s*:\s*$"
    # where someone takes their plan: "What I will take to Lisbon is a credible path"
    r"|\b(?:take|takes|taking|took|bring|brings|bringing|brought|carry|carries)\s+(?:[\w’'-]+\s+){0,3}?to\s+$"
    # where someone goes: "if the Americans arrive in Lisbon demanding ...", "before she flies to Oslo"
    r"|\b(?:arrive|arrives|arrived|arriving|travel\w*|fly|flies|flew|flying|head|heads|headed|heading"
    r"|go|goes|going|went)\s+(?:to|in)\s+$"
    # "the first summit in Türkiye since Istanbul": the earlier venue
    r"|\b(?:summits?|meetings?)\s+(?:in|at)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?\s+since\s+$",
    re.I,
)
# The place as the meeting's modifier: "the Vilnius summit", "the Dutch summit", "the Madrid talks".
_VENUE_AFTER = re.compile(r"\s+(?:summit|meeting|talks|ministerial|conference|gathering)\b", re.I)
# A national body meeting in its own capital is that government at work: "At a cabinet meeting in
# Warsaw, the government approved 4.7%" is Poland's figure.
# The body must be the one meeting ("The cabinet met in Warsaw"): "calls on the Government to
# publish, before the NATO summit in Ankara, ..." is a summit's venue.
_NATIONAL_BODY = re.compile(
    r"\b(?:cabinet|government|parliament(?:ary)?|coalition|party|ministry|council\s+of\s+ministers)"
    r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:meetings?|sessions?|conferences?|retreats?|talks|congress|met|meets|gathered"
    r"|convened)\b[^.;]{0,20}$",
    re.I,
)
# What a capital will decide is its government's: "Much of what happens next will be decided in
# Berlin" (a decision already taken there is a meeting's: "what was agreed in Vilnius").
_DECIDED_THERE = re.compile(
    r"\bwill\s+be\s+(?:decided|settled|determined)\s+in\s+$|\b(?:is|are)\s+(?:being\s+)?"
    r"(?:decided|settled|determined)\s+in\s+$",
    re.I,
)
_LOOK_BACK = 60


def is_venue(text: str, start: int, end: int) -> bool:
    """Return whether the place named at text[start:end] is where a meeting met or decided."""
    before = max(0, start - _LOOK_BACK)
    if _NATIONAL_BODY.search(text, before, start) or _DECIDED_THERE.search(text, before, start):
        return False
    return bool(_VENUE_BEFORE.search(text, before, start) or _VENUE_AFTER.match(text, end))
