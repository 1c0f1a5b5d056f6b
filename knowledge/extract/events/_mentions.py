"""Mentions of meetings in one passage: what names a meeting, and the kind, place, time and tense it gives.

What names a meeting:

* the word "summit" (not "summit declaration", "pre-summit", "Summit Defence Forum"); an
  indefinite "a summit" with neither place nor time names nothing;
* "meeting of <group>" and "<group>' meeting", where the group is leaders or ministers; "a NATO
  ministerial"; "session of the <...> Contact Group"; a "<topic> conference" (not a press or news
  conference) with a place;
* a group meeting somewhere: "<leaders|ministers|allies ...> (will) meet / met / gather / are due in X",
  "hosts G7 leaders in X" -- the group must be in the clause, so "to meet President Trump" is no
  meeting;
* a decision taken at a place and time, "the target agreed in The Hague last June" (weak: it
  names the place of a meeting, and its kind only through the group that decided), or named by its
  place: "the 2014 Wales pledge", "ten years after the Wales pledge" (counted from the article's year);
* "the first summit in Türkiye since Istanbul in 2004": an earlier meeting of the same kind;
* the allies or their leaders in a known city for a span of days: "in Washington on 9-11 July
  2024, the alliance marked its 75th anniversary" (a single day, "in Brussels on Tuesday, NATO
  said", is no meeting);
* "the next one is in Ankara next year", "the next test comes in Ankara": once a meeting has been
  discussed, the next of its kind, in a known city;
* a table row, list item or fact box naming a meeting, a place and a time, and the heading that
  places the meeting the first sentence under it dates (see ``_layout``);
* "the meeting", "the gathering", "the sessions", "the agenda": the meeting being discussed (with
  its place when one follows: "the meeting in The Hague" is no meeting held elsewhere);
* a group meeting after a place that opens the clause: "In The Hague, leaders will meet ...".

Mentions in one clause that give no place of their own belong to the first: "EU leaders meet in
Brussels on 17-18 October for a European Council summit" is one mention, whose kind is the more
specific of the two.

Time: the time written right before the phrase ("last year's summit", "the July summit") or
right after it and its place ("summit in Ankara on 7-8 July", "meet next month in Brussels",
"arrive in The Hague today"), else a time that opens the sentence ("In June, G7 leaders
meeting in Apulia ..."), else the time a "when" clause hangs from ("in 2014, when leaders met at
a summit in Wales"), else the time of the next clause when that clause is about the meeting and
says when it opens or they arrive ("The summit will be held in Riga; it opens on 7 July"). "on the second and final day of the summit" puts the clause's time inside
the summit. A weekday resolves backwards when the clause is in the past, forwards when it looks
ahead, and stays as written otherwise; so does a day written without its year ("will gather from 7
July" three days after 7 July is next year's). A bracket right after the meeting word may hold
its place and time ("The summit (7-8 July, Ankara) will ..."). The phrase's own year dates days
written without one ("the 2023 summit on 11-12 July"); the day a group gathers for a summit is the
summit's ("Leaders gather on 7-8 July for a NATO summit in Ankara"); a diary's day heading
("Wednesday 1 July") dates a meeting under it with no time of its own, and "runs until Thursday" in
the meeting's clause gives its last day. A meeting moved ("will instead take place in Bucharest on
21-22 October", "moved to Sofia on ...", "postponed from 3-4 to 10-11 November") takes the new time
and, when written, the new place.

Tense: what the clause's words say about the meeting against the article's date: looking ahead
("will", "next", "ahead of", "later this month") or back ("met", "was held", "last week's");
it decides the status only when the dates cannot (the same month as the article's).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

from knowledge.extract.events._clauses import clause_end, clause_start, crosses_clause
from knowledge.extract.events._kinds import NAMED_SUMMITS, kind_of, more_specific
from knowledge.extract.events._layout import LaidOut, heading_place, laid_out_meetings, listed_meetings
from knowledge.extract.events._places import (
    HELD,
    PlaceMatch,
    city_beside,
    city_named,
    dateline,
    host_place,
    last_city,
    opening_place,
    place_after,
    place_before,
    place_in,
    when_clause_place,
    where_place,
    words,
)
from knowledge.extract.events._times import Times, more_telling, precision, times_agree
from knowledge.extract.numbers import parse_count
from knowledge.extract.timeref import (
    DEADLINE_BY,
    MONTH_NAMES,
    MONTHS,
    WEEKDAYS,
    WRITTEN_YEAR,
    find_times,
    year_for_month,
)
from knowledge.gazetteer import find_country_mentions, find_demonyms
from knowledge.models import EventKind, EventStatus, PartialDate, Passage, TimeRef
from knowledge.places import find_place
from knowledge.wordscan import fold_case


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a meeting in a passage."""

    passage: Passage
    start: int
    end: int
    kind: EventKind | None
    place: PlaceMatch | None
    when: TimeRef | None
    tense: EventStatus | None  # what the clause says about the meeting against the article's date
    back_reference: bool = False  # "the meeting": joins the meeting being discussed, never starts one
    upcoming: bool = False  # "the next summit", "the upcoming summit"
    weak: bool = False  # a decision at a place: joins a meeting, or makes one only with a time
    summit: bool = True  # names a summit or leaders' meeting (not a ministerial or conference)
    elliptical: bool = False  # "the next one is in Ankara": the next of the meetings being discussed
    joins_only: bool = False  # only joins a meeting the article names; never starts one


_SUMMIT_KINDS = (None, *NAMED_SUMMITS, EventKind.SUMMIT)
# Every mention has one of these words; most passages have none (looked for in the folded text).
_CUE = re.compile(
    r"summit|meet|met|gather|convene|ministerial|conference|session|agenda|agreed|pledged|committed|host|held|next|due|allies|alliance|leaders|pledge|declaration|communiqu|commitment"
    r"|council|ministers|every ally|each ally|around the table|signed|promised|set a|set the|set their|set its|set new"
    r"|\d\d (?:made|set) "  # "Vilnius 2023 made 2 pct a floor" (see _city_years)
    r"|t(?:ake|akes|ook) place|struck|sealed|clinched|deal reached|agreement reached|bargain reached|compromise reached|deal done"
)
_NAVIGATION = re.compile(r"^(?:Read more|Related|See also|More on this|Also read|Watch)\s*:", re.I)

_SUMMIT = re.compile(
    r"(?<![\w‐-])[Ss]ummit(?![\w‐-])"
    r"(?!\s+(?:declarations?|communiqu[eé]s?|statements?|documents?|texts?)\b)(?!\s+[A-Z])"
)
_INDEFINITE = re.compile(r"(?i:an?)\s")
_ANY_ONE = re.compile(r"\b(?i:an?|any|no|every)\s+$")
_GROUP_HEAD = (
    # an official title capitalises them: "an informal meeting of NATO Defence Ministers"
    r"(?:(?i:leaders|ministers)|(?i:heads\s+of\s+(?:state(?:\s+and\s+(?:of\s+)?government)?|government)))"
)
_MEETING_OF = re.compile(rf"\bmeeting\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,4}}?{_GROUP_HEAD}\b")
_GROUP_MEETING = re.compile(rf"\b(?:[\w-]+\s+){{0,3}}?{_GROUP_HEAD}['’]\s+meeting\b")
_MINISTERIAL = re.compile(
    r"\b(?:NATO|Nato|EU|alliance['’]s)\s+(?:(?:defen[cs]e|foreign)\s+)?ministerial\b"
    # as translations write it: "the ministerial of the Defence of the NATO in Brussels"
    r"|\bministerial\s+of\s+(?:the\s+)?(?:(?i:defen[cs]e|foreign(?:\s+affairs)?)\s+of\s+(?:the\s+)?)?(?:NATO|Nato|Alliance|alliance)\b"
)
_CONTACT_GROUP = re.compile(r"\b(?:session|meeting)\s+of\s+the\s+(?:[A-Z][\w-]*\s+){1,4}Contact\s+Group\b")
# The European Council is an institution and the name of its meetings: "a special European Council
# on defence planned for 6 March", "at the EU Council in Brussels on 19-20 March". Only a dated one
# is a meeting; "the European Council said" is the institution.
_EU_COUNCIL = re.compile(r"\b(?:European|EU)\s+Council\b(?!['’]s|\s+(?:[Pp]resident|conclusions|decision))")
_CONFERENCE = re.compile(r"\b(?!press\b|news\b|video\b|phone\b|telephone\b|joint\b)[a-z]+\s+conference\b")
_THERE = re.compile(r"\s+there\b")
_MEET = re.compile(
    r"\b(?:meet|meets|met|meeting|gather|gathers|gathered|gathering|convene|convenes|convened"
    r"|assemble|assembles|assembled|sit\s+down|sits\s+down|sat\s+down"
    # "heads of state are due in Ankara on 7 July", "With leaders due in Tirana in mid-July"
    r"|(?:(?:are|is)\s+|(?<=leaders\s)|(?<=ministers\s))due(?=\s+(?:in|at)\s))"
    r"(?:\s+(?:again|together|next(?=\s+(?:in|at)\s)))?\b"  # "Leaders meet next in Ankara"
    # "Defence ministers will meet their NATO counterparts in Brussels next month"
    r"(?:\s+(?:their|his|her)\s+(?:NATO\s+|allied\s+|European\s+)?counterparts(?=\s+(?:in|at)\s))?"
    # "When we meet allies in Tirana next year": the allies we meet are the group (not a minister's)
    r"(?:(?:(?<=\bwe\smeet)|(?<=\bwe\swill\smeet))\s+(?:our\s+|the\s+|fellow\s+)?(?:NATO\s+)?allies(?=\s+(?:in|at)\s))?"
)
# the group that meets: leaders, ministers, the allies, or a club of leaders ("The G7 will meet in Evian")
_GROUP = re.compile(rf"\b(?:{_GROUP_HEAD}|allies|G-?7|G-?20)\b", re.I)
_DENIED = re.compile(r"\bnot\s+(?:a|an|the)\s+$", re.I)
# How a summit's declaration names the next one: the leaders speak as "we".
_WE_THE = re.compile(r"\s*We,\s+the\s+")  # a declaration's opening: "We, the Heads of State ..."
_WE_THE_REACH = 60  # the group is named at once: "We, the Defence Ministers of ..."
# "We will meet again in Türkiye in 2026", a numbered "8. We agreed to meet next in Riga on 5 November"
_WE_MEET_AGAIN = re.compile(
    r"\s*(?:\d{1,2}\.\s+)?We\s+(?:will|shall|(?:have\s+)?(?:agreed|decided)\s+to)\s+meet\s+(?:again|next)\b"
)
# leaders somewhere at some time are their meeting: "to Ankara on 7-8 July, where NATO leaders are
# expected to review ..."
_WHERE_GROUP = re.compile(
    r"(?<=,\s)where\s+(?:(?:NATO|Nato|allied|alliance)\s+)?(?:leaders|heads\s+of\s+state(?:\s+and\s+government)?)\b"
)
_THEY_MEET_AGAIN = re.compile(
    r"\s*They\s+(?:will|shall|are\s+to|are\s+due\s+to|are\s+set\s+to)\s+meet\s+again\b"
)
_THEY_BEFORE = re.compile(r"\bthey\s+(?:will\s+)?$", re.I)
_THEY_OPENING = re.compile(
    r"\s*(?:[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3},\s+)?(?:[Ww]hen|[Aa]s|[Oo]nce|[Aa]fter|[Bb]efore)\s+"
)
_LEADERS_BEFORE = re.compile(r"\b(?:leaders|heads\s+of\s+(?:state|government))\b", re.I)
_HOSTS_GROUP = re.compile(r"\bhost(?:s|ed|ing)?\s+(?:[\w’'-]+\s+){0,4}?leaders\b")
_DECIDED = re.compile(
    r"\b(?:[Aa]greed|pledged|promised|committed|adopted|endorsed|decided|signed(?:\s+up)?"
    r"|set\s+(?:a\s+|the\s+|their\s+|its\s+)?(?:new\s+)?(?:goal|target|benchmark)"  # "allies set a new goal"
    r"|made\s+(?:a\s+|the\s+|their\s+|our\s+)?(?:promise|pledge|commitment)"  # "we and our allies made a promise"
    # "the commitments made by allies at The Hague in 2025", "commitments assumed at The Hague"
    r"|(?:commitments?|pledges?|promises?)\s+(?:(?:the\s+)?(?:allies|leaders)\s+)?(?:made|assumed|gave|given|took|taken)"
    # "the deal struck at The Hague on 24-25 June 2025: 3.5% of GDP ..." (only on spending: see _DEAL_ON)
    r"|(?P<deal>(?:deal|agreement|bargain|compromise)\s+(?:(?:the\s+)?(?:allies|leaders)\s+)?(?:struck|reached|sealed|clinched|done)))"
    r"(?:\s+(?:to|on|upon))?"
    r"(?:\s+by\s+(?:the\s+)?(?:allies|leaders|members|(?:NATO|allied)\s+leaders))?"
)
_THE_DEAL = re.compile(r"\b(?:the|this|that)\s+$", re.I)
_DEAL_ON = re.compile(r"%|\bper\s*cent\b|\b(?:defen[cs]e|spending|target|goal)\b", re.I)
_LEADERS = re.compile(r"(?i:leaders|heads\s+of\s+(?:state|government))\b")
_DECIDING_GROUP = re.compile(
    r"\b(?:(?:(?:NATO|the|all|\d+)\s+)*(?:allies|leaders|members)"
    # a leader speaking for the country: "At The Hague last June, the Prime Minister signed up to 3.5%"
    r"|(?P<leader>I|[Ww]e|(?:the\s+|[A-Z][\w-]+['’]s\s+)?(?i:prime\s+minister|president|chancellor|premier)))\s+$"
)
# What a leader signs at a summit: "signed up to 3.5%", "signed ... a commitment" (not a contract).
_UP_TO_SHARE = r"\s+up\s+to\s+\d[\d.,]*\s*(?:%|per\s*cent)"  # "signed up to 3.5%"
_WITHIN_CLAUSE = r"(?:[^.;]|\.\d){0,80}?"  # the rest of the clause, a decimal point included
_SIGNED_WHAT = re.compile(rf"{_UP_TO_SHARE}|{_WITHIN_CLAUSE}(?:commitment|pledge|declaration|target)")
# What was signed, right after the verb: "signed the declaration", "signed the summit's pledge".
_SIGNED_OBJECT = re.compile(
    r"\s+(?:the|its|their)\s+(?:[\w’'-]+\s+){0,2}?(?:commitment|pledge|declaration|target)"
)
_JOINT_SIGNERS = re.compile(r"\b(?:and|with)\s+[A-Z]")  # "Poland and Ukraine signed", "signed with France"
# A leader alone decides for the allies only over a share of GDP or with the allies: "At The Hague last
# June, the Prime Minister signed up to 3.5%", "I signed, together with every other allied leader, ..."
_FOR_THE_ALLIES = re.compile(rf"{_UP_TO_SHARE}|{_WITHIN_CLAUSE}(?:\ballied\b|\ballies\b)")
_SINCE = re.compile(
    r"\s+since\s+(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+in\s+"
    rf"(?:(?P<month>{MONTH_NAMES})\s+)?(?P<year>(?:19|20)\d\d)\b"
)
# "It will be the first in the country since Istanbul in June 2004": after a sentence about a summit
_FIRST_SINCE = re.compile(r"^\s*(?:It|This|That)\s+(?:will\s+be|is|was|would\s+be)\s+the\s+first\b")
_HELD_PRONOUN = re.compile(
    r"\b[Ii]t(?=\s+(?:will\s+be|is\s+to\s+be|was|is)\s+held\s+(?:in|at|on|from)\b"
    # "... to host our next Summit in Lisbon. It will take place on 13 and 14 July 2028"
    r"|\s+(?:will|is\s+to|is\s+due\s+to|is\s+set\s+to)\s+take\s+place\s+(?:in|at|on|from)\b"
    r"|\s+(?:took|takes)\s+place\s+(?:in|at|on|from)\b)"
)
_BACK_REFERENCE = re.compile(r"\b(?i:the)\s+(?:meeting|gathering|sessions|agenda)\b")
_MOVED = re.compile(
    r"\b(?:left|leave|leaves|leaving|arrive|arrives|arrived|arriving|head|heads|headed|travel|travels"
    r"|travelled|fly|flies|flew|return|returns|returned)(?:\s+(?:in|to|for|from))?\s+"
    # "Leaders of all 32 allies are in Tirana for the two-day summit"
    r"|\b(?:are|were)\s+(?:all\s+)?in\s+(?=[A-Z])"
)
_ASKS_AHEAD = re.compile(r"\b(?:next|upcoming|coming|forthcoming|will)\b", re.I)
_UPCOMING = re.compile(r"\b(?:next|upcoming|coming|forthcoming)\s+(?:[\w-]+\s+)?$", re.I)
# What is being prepared is still ahead: "the real business was preparing July's summit" (unless the
# sentence dates the preparing: "In 2022 ministers were preparing July's summit")
_PREPARING = re.compile(
    r"\b(?:prepar(?:e|es|ed|ing)|preparations?)\s+(?:for\s+)?(?:the\s+|this\s+)?(?:[A-Z][a-z]+['’]s\s+)?$",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DAY_OF = re.compile(
    r"\b(?:first|second|third|final|last|opening|closing)(?:\s+and\s+(?:final|last))?\s+day\s+of\s+"
    r"(?:the\s+|this\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,2}$"
)
_TIME_BEFORE_GAP = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+)?")
# Between a group's meeting verb and its time ("meet in mid-July 2028"); after a meeting noun, a verb
# of its own may come first ("the summit, to be held in ...").
_VERB_TIME_GAP = re.compile(
    # "the summit in The Hague (24-25 June 2025)": the time may stand in brackets
    # a translation keeps French articles before its days: "meet in Brussels le 12 février"
    r"\s*(?:,|\()?\s*(?:(?:on|in|of|from|for|between|until|le|les|du)\s+)?(?:the\s+)?(?:days?\s+)?(?:(?i:early|mid|late|later|earlier)[-\s]+)?"
    # "the summit in The Hague at the end of this month": a part of the month is in the month
    r"(?:(?:at|towards?|by)\s+the\s+(?:(?:very\s+)?end|start|beginning|middle|turn)\s+of\s+)?"
)
_TIME_AFTER_GAP = re.compile(rf"{HELD}{_VERB_TIME_GAP.pattern}")
_WHEN_CLAUSE = re.compile(r",\s+when\s+")
_DEADLINE_BEFORE = re.compile(r"\b(?:by|for|until|before)\s+$", re.I)
_DEADLINE_GAP = re.compile(r"\s*,?\s*(?:for|by|until|before)\s+")
_TODAY = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|(?P<tomorrow>tomorrow))\b")
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|due|set\s+to|expect|expects|expected|expecting|anticipat\w+|look(?:s|ing)?\s+forward"
    r"|scheduled|next|upcoming|coming|forthcoming"
    r"|ahead|before|later|prepar\w+|plans?\s+to|aims?\s+to|opens?|starts|begins|runs|convenes?"
    # a timetable's present: "EU leaders hold their own summit on Thursday", "ministers meet on Friday"
    r"|hold|holds|meet|meets|gather|gathers|assemble|assembles|travel|travels|arrive|arrives|takes\s+place)\b|['’]ll\b",
    re.I,
)
_LOOKS_BACK = re.compile(
    r"\b(?:met|was|were|took|left|gathered|agreed|ended|pledged|committed|last|previous|earlier"
    r"|ago|marked|produced|decided|signed|adopted|sat|said|told|gave|made|came|went|assembled"
    r"|reaffirmed|endorsed|approved|promised|welcomed|backed|confirmed|renewed|vowed"
    r"|began|spoke|saw|rose|fell|became|won|chose|had"
    # a participle with its agent tells no time: "the summit in Ankara on 7-8 July, hosted by Turkey"
    r"|(?:held|hosted|attended)(?!\s+by\b))\b",
    re.I,
)


def mentions(
    passage: Passage,
    published: PartialDate | None,
    *,
    opens_section: bool = False,
    asked: str = "",
    before: str = "",
    frame: str = "",
    summits_before: bool = False,
    ministers_declare: bool = False,
) -> list[Mention]:
    """Return the meeting mentions and back references in a passage, in text order, one per meeting.

    opens_section: the passage is the first under its heading, so a meeting the heading places
    ("The Ankara summit") is where the passage's placeless meeting is ("Leaders meet on 7 July").
    asked: the question the passage answers ("When do leaders meet next?"), which names the meeting
    a terse answer gives the place and time of ("In Ankara, on 7 and 8 July 2026.").
    before: the sentence before in the paragraph, whose place a "there" refers to ("Ankara, not
    Istanbul. Leaders meet there on 7-8 July").
    frame: the article's title and the passage before, which may say what a table's rows are
    ("List of NATO summits"; see ``listed_meetings``).
    ministers_declare: the text is a declaration of ministers (see ``_verb_mentions``).
    summits_before: an earlier sentence of the paragraph speaks of summits, so the cities its
    sentences open with may be summits ("The summits blur, but some stand out. Warsaw in July 2016
    was ... Vilnius in July 2023 was ...").
    """
    text = passage.text
    section = passage.section or ""
    context = asked or section  # what names the meeting of a terse answer, list item or fact box
    cued = (
        _CUE.search(fold_case(text))
        or _CUE.search(fold_case(context))
        or ("|" in text and _CUE.search(fold_case(frame)))  # a table the title says is of summits
    )
    if not cued and summits_before and _CITY_OPENING.match(text):
        # "The summits blur, she admits, but some stand out. Brussels in 2018, the first at the new
        # headquarters, was 'the loudest'.": the paragraph names what the city and year are
        return _city_opening(passage, Times(find_times(text, published)), published, summits_before)
    if not cued or _NAVIGATION.match(text):
        return []
    times = Times(find_times(text, published))
    above = heading_place(section, published) if opens_section and section else None
    found = [
        replace(m, place=above) if above and m.place is None and not m.upcoming else m
        for m in _noun_mentions(passage, times, published)
        if m is not None
    ]
    found += [
        m
        for m in _verb_mentions(passage, times, published, above, before, ministers_declare)
        if m is not None
    ]
    found += [  # "the meeting in The Hague": the meeting being discussed, with its place when written
        Mention(
            passage,
            m.start(),
            m.end(),
            None,
            place_after(text, m.end(), times),
            _time_after(text, times, m.end()),  # "The meeting, on 7 and 8 July, will be ..."
            None,
            back_reference=True,
        )
        for m in _BACK_REFERENCE.finditer(text)
    ]
    found += [m for m in _held_pronouns(passage, times, published) if m is not None]
    # an answer to "When is the next summit?" ("Tirana, on 14 and 15 October") is ahead of the date
    ahead = EventStatus.UPCOMING if asked and _ASKS_AHEAD.search(asked) else None
    found += [
        _laid_out(
            passage, replace(meeting, when=_settle_time(meeting.when, ahead, published) or meeting.when)
        )
        for meeting in laid_out_meetings(text, context, published, opens_section=opens_section and not asked)
    ]
    if "|" in text:
        found += [_laid_out(passage, meeting) for meeting in listed_meetings(text, frame, published)]
    found += [m for m in _next_ones(passage, times, published, before) if m is not None]
    found += _stays(passage, times, published)
    found += _group_at(passage, times, published)
    found += _city_opening(passage, times, published, summits_before)
    found += _listed_summits(passage, times)
    found += _named_decisions(passage, times, published)
    found += _appointments(passage, times, published, [m.start for m in found])
    found = [_placed(m, context) if m.place is not None and m.place.described else m for m in found]
    found.sort(key=lambda mention: mention.start)
    found += _since(passage, found)
    return _fold_clauses(found)


def _placed(mention: Mention, context: str) -> Mention:
    """Return a mention of "the Dutch city" in the city the heading above names ("The Hague, June
    2025"); else the meeting is placed in the country alone, and joins an event the text places in
    one of its cities."""
    assert mention.place is not None and mention.place.country is not None
    city = city_named(context, mention.place.country)
    if city is None:
        return mention
    return replace(mention, place=replace(city, start=mention.place.start, end=mention.place.end))


# Who meets, between a summit and its place set off by a comma: " of NATO leaders" before ", in Ankara"
_OF_WHOM = re.compile(r"\s+of\s+(?:the\s+)?[^,;.()“”\"]{3,90}?(?=,\s+(?:in|at)\s+(?:the\s+)?[A-Z])")


# A relative clause that says where the summit is held: "the next summit, which allied leaders will
# hold in Albania this summer" (its place follows).
_HELD_WHERE = re.compile(
    r",\s+which\s+(?:(?:NATO|allied|alliance|the)\s+)?(?:leaders|allies|ministers|heads\s+of\s+state"
    r"(?:\s+and\s+government)?|[A-Z][\w’'-]+)?\s*(?:will|is\s+to|are\s+to|is\s+due\s+to|are\s+due\s+to)\s+"
    r"(?:be\s+)?(?:hold|host|stage|convene|held|hosted|staged|convened)(?=\s+(?:in|at)\s)"
)


def _noun_mentions(passage: Passage, times: Times, published: PartialDate | None) -> list[Mention | None]:
    """Return the mentions made by a meeting noun: summit, meeting of ministers, ministerial ..."""
    text = passage.text
    found: list[Mention | None] = []
    for match in _SUMMIT.finditer(text):
        if _DENIED.search(text, max(0, match.start() - 12), match.start()):
            continue  # "It was a ministerial meeting, not a summit"
        # "the summit of the heads of State and Government of the Alliance, in The Hague, in June"
        whose = _OF_WHOM.match(text, match.end()) or _HELD_WHERE.match(text, match.end())
        end = whose.end() if whose else match.end()
        mention = _mention(passage, match.start(), end, times, published, noun=True, summit=True)
        if (
            mention is not None
            and mention.place is None
            and mention.when is None
            and _ANY_ONE.search(text, max(0, match.start() - 12), match.start())
        ):
            continue  # "Nobody needs a summit to tell them ...": any summit, not the one discussed
        found.append(mention)
        if mention is not None and mention.place is not None and mention.when is not None:
            # "At the summit in The Hague in June 2025, and again in Ankara this July, ...": only
            # "again" carries a summit to a second place ("and in Berlin in January, in a speech" does not)
            found += [m for m in _and_in(passage, mention, times) if _AGAIN.match(passage.text, m.start)]
    for pattern in (_MEETING_OF, _GROUP_MEETING, _MINISTERIAL, _CONTACT_GROUP):
        for match in pattern.finditer(text):
            summit = kind_of(match.group(0)) in _SUMMIT_KINDS
            found.append(
                _mention(passage, match.start(), match.end(), times, published, noun=True, summit=summit)
            )
    for match in _CONFERENCE.finditer(text):
        mention = _mention(passage, match.start(), match.end(), times, published, noun=True, summit=False)
        found.append(mention if mention and mention.place else None)  # a conference needs its place
    for match in _EU_COUNCIL.finditer(text):
        if _SUMMIT.match(text, match.end() + 1):
            continue  # "a European Council summit": the summit's own mention
        mention = _mention(passage, match.start(), match.end(), times, published, noun=True, summit=True)
        found.append(mention if mention and mention.when else None)
    return found


def _verb_mentions(
    passage: Passage,
    times: Times,
    published: PartialDate | None,
    above: PlaceMatch | None = None,
    sentence_before: str = "",
    ministers_declare: bool = False,
) -> list[Mention | None]:
    """Return the mentions made by a group meeting somewhere, and by decisions taken at a place.

    ministers_declare: the text is a declaration of ministers ("We, the Defence Ministers of ..."),
    whose "we will meet again" is their next meeting, not a summit.

    above: the place of the meeting the passage's heading names, for a group meeting with no place.
    """
    text = passage.text
    found: list[Mention | None] = []
    for pattern in (_MEET, _HOSTS_GROUP, _WHERE_GROUP):
        for match in pattern.finditer(text):
            clause = clause_start(text, match.start())
            # the group nearest the verb meets: "ministers will meet in Brussels, a month before
            # leaders gather in Ankara" (leaders gather, not the ministers)
            groups = list(_GROUP.finditer(text, max(clause, match.start() - 80), match.end()))
            if not groups and _WE_THE.match(text):
                # "We, the Defence Ministers of Bulgaria, Czechia, ... and Slovakia, met today in
                # Bucharest": a declaration's "we", named however long the list after it
                groups = list(_GROUP.finditer(text, 0, min(match.start(), _WE_THE_REACH)))[:1]
            group = groups[-1] if groups else None
            if group is None:
                again = _WE_MEET_AGAIN.match(text, clause)
                if again is not None:  # a declaration's close: "We will meet again in Türkiye in 2026"
                    found.append(
                        _mention(
                            passage,
                            again.start(),
                            match.end(),
                            times,
                            published,
                            noun=False,
                            summit=not ministers_declare,
                        )
                    )
                pronoun = _THEY_BEFORE.search(text, max(clause, match.start() - 12), match.start())
                if (
                    pronoun is not None
                    and _LEADERS_BEFORE.search(sentence_before)
                    # the sentence opens on the time or a "when" clause: "This June, when they gather"
                    and _THEY_OPENING.fullmatch(text, 0, pronoun.start()) is not None
                ):
                    # "At last year's summit in Washington, leaders celebrated ... This June, when they
                    # gather in The Hague, ...": the leaders of the sentence before
                    found.append(
                        _mention(
                            passage, pronoun.start(), match.end(), times, published, noun=False, summit=True
                        )
                    )
                    continue
                they = _THEY_MEET_AGAIN.match(text, clause)
                if they is not None:
                    # "Leaders met in Ankara in July ... They will meet again in Tirana next year": the
                    # next of the meetings just told of
                    mention = _mention(
                        passage, they.start(), match.end(), times, published, noun=False, summit=True
                    )
                    found.append(replace(mention, elliptical=True) if mention else None)
                continue  # else "to meet President Trump": no group meets
            summit = kind_of(text[_group_start(text, group.start()) : match.end()]) in _SUMMIT_KINDS
            mention = _mention(
                passage, group.start(), match.end(), times, published, noun=False, summit=summit
            )
            if mention and mention.place is None and pattern is _HOSTS_GROUP:
                mention = replace(mention, place=host_place(text, match.start()))  # "Madrid hosted leaders"
            there = _THERE.match(text, match.end()) if mention and mention.place is None else None
            if mention and there is not None:
                # "Ankara, not Istanbul. Leaders meet there on 7-8 July": the city named last, dated by
                # the time after "there"
                city = last_city(text[: group.start()]) or last_city(sentence_before)
                if city is not None:
                    found_at = replace(city, start=there.start() + 1, end=there.end())
                    mention = _mention(
                        passage, group.start(), there.end(), times, published, noun=False, summit=summit
                    )
                    mention = replace(mention, place=found_at) if mention else None
            if mention and mention.place is None:  # "In The Hague, leaders will meet on 24-25 June"
                mention = replace(
                    mention,
                    place=opening_place(text, clause, group.start())
                    or when_clause_place(text, group.start())
                    or above,
                )
            # a place, or leaders meeting at a time: "before NATO leaders meet next month" dates the
            # summit another sentence places ("The summit will take place in Ankara")
            kept = mention and (
                mention.place
                or (
                    mention.when
                    and mention.summit
                    and mention.tense is not EventStatus.PAST  # a past meeting no sentence places is no news
                    and _LEADERS.match(text, group.start())
                )
            )
            found.append(mention if kept else None)
            if mention and mention.place and mention.when:
                found += _and_in(passage, mention, times)
    for match in _DECIDED.finditer(text):
        if match.group("deal") and (
            not _DEAL_ON.search(text) or not _THE_DEAL.search(text, max(0, match.start() - 6), match.start())
        ):
            continue  # a trade or coalition deal struck in Brussels is no allies' meeting: only "the deal"
        signed = (
            _SIGNED_WHAT.match(text, match.start() + len("signed"))
            if match.group(0).startswith("signed")
            else None
        )
        if match.group(0).startswith("signed") and signed is None:
            continue
        place = place_after(text, match.end(), times)
        if (
            place is None
            and signed is not None
            and _SIGNED_OBJECT.fullmatch(text, match.end(), signed.end())
            and not _JOINT_SIGNERS.search(text, clause_start(text, match.start()), match.start())
        ):
            # "Portugal signed the declaration in The Hague last June"; but "Poland and Ukraine signed
            # a declaration in Warsaw" is their own, no allies' meeting
            place = place_after(text, signed.end(), times)
        subject = _DECIDING_GROUP.search(text, max(0, match.start() - 40), match.start())
        if (
            subject
            and subject.group("leader")
            and not (
                match.group(0).startswith("signed")
                and _FOR_THE_ALLIES.match(text, match.start() + len("signed"))
            )
        ):
            subject = None
        opening = None
        if place is None and subject is not None:  # "At The Hague in June 2025, allies agreed ..."
            place = opening = opening_place(text, clause_start(text, match.start()), subject.start())
            if place is None:  # "in Newport, Wales, in September 2014, when leaders promised ..."
                place = opening = when_clause_place(text, subject.start())
        if place is None or place.is_country or place.country is None:
            continue  # only a known city or region: "agreed in principle" is no place
        clause = clause_start(text, match.start())
        after = times.starting_from(place.end)
        if after and _DEADLINE_GAP.fullmatch(text, place.end, after[1]):
            continue  # "the target leaders agreed in The Hague for 2035": the target's year, not the meeting's
        when = _time_near(text, times, match.start(), place.end)
        if when is None and opening is not None and subject is not None:
            # the opening's own time: "Last June in The Hague, we and our allies made a promise"
            inside = times.within(clause, subject.start())
            when = inside[0][0] if len(inside) == 1 else None
        before = times.ending_by(match.start())
        if (
            when is not None
            and before is not None
            and before[0] is when
            and _DEADLINE_BEFORE.search(text, max(0, before[1] - 8), before[1])
        ):
            when = None  # "the 3.5% target for 2035 agreed at The Hague": the target's year
        tense = _tense(text, match.start(), match.end())
        kind = kind_of(text[clause : match.start()]) if _GROUP.search(text, clause, match.start()) else None
        when = _settle_time(when, tense, published)
        found.append(Mention(passage, match.start(), place.end, kind, place, when, tense, weak=True))
    return found + _city_years(passage, published)


# A summit named by its city and year: "The last summit held in the region was Vilnius 2023",
# "Vilnius 2023 made 2 pct a floor, The Hague 2025 set the 5 pct goal".
_CITY_YEAR = re.compile(
    r"(?<![\w-])(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-–—/]\s*\d|\s*%|\.\d)"
)
_DECISION_AFTER = re.compile(r"\s+(?:made|set|agreed|adopted|pledged|decided|committed)\b")


def _city_years(passage: Passage, published: PartialDate | None) -> list[Mention | None]:
    """Return the summits a passage names by city and year, where it speaks of a summit or the
    city-and-year decided something; a year after the article's date is ahead, one before it past."""
    text = passage.text
    speaks_of_summit = "summit" in fold_case(text)
    found: list[Mention | None] = []
    for match in _CITY_YEAR.finditer(text):
        if not speaks_of_summit and not _DECISION_AFTER.match(text, match.end()):
            continue
        place = place_in(text, match.start("place"), match.end("place"))
        if place is None or place.is_country:
            continue
        year = int(match.group("year"))
        tense = None
        if published is not None and year != published.year:
            tense = EventStatus.PAST if year < published.year else EventStatus.UPCOMING
        when = TimeRef(text=match.group("year"), year=year)
        found.append(Mention(passage, match.start(), match.end(), None, place, when, tense, weak=True))
    return found


def _mention(
    passage: Passage,
    start: int,
    end: int,
    times: Times,
    published: PartialDate | None,
    *,
    noun: bool,
    summit: bool,
) -> Mention | None:
    """Return what one meeting phrase text[start:end] says about the meeting's kind, place and time."""
    text = passage.text
    place = place_after(text, end, times) or _place_after_time(text, end, times) or _here(text, end)
    bracket = _BRACKET.match(text, end)
    if place is None and bracket:  # "The summit (7-8 July, Ankara) will ...": its place and time in brackets
        place = _bracketed_place(text, bracket)
        end = bracket.end() if place else end
    phrase_start = _phrase_start(text, start)
    if place is None and noun:
        place = place_before(text, start, times)
        if place is None and _TIME_OF_OTHER.search(text, max(0, phrase_start - 12), phrase_start) is None:
            # "the meeting in Brussels in June, where allies will review plans ahead of the summit":
            # the summit is another meeting than the one "where" places
            place = where_place(text, start)
    if place is None and not noun:
        place = _moved_to(text, start, end) or where_place(text, start)
    if place is None and noun:
        place = _moved_to(text, clause_start(text, start), start)
    span_start = min(start, place.start) if place else start
    span_end = max(end, place.end) if place and place.start >= end else end
    # the time of the gathering a summit is the purpose of: "Leaders gather on 7-8 July for a NATO summit in Ankara"
    before = times.ending_by(phrase_start) if noun else None
    gathering = (
        before is not None
        and _FOR_A.fullmatch(text, before[2], phrase_start) is not None
        and _INDEFINITE.match(text, phrase_start) is not None
    )
    near_start = phrase_start if gathering else span_start
    dated = _heading_day(passage, published)  # under a diary's day heading, "today" is that day
    today = PartialDate(year=dated.year, month=dated.month, day=dated.day) if dated else published
    when = _time_near(text, times, near_start, span_end, verb=not noun) or _today(
        text, span_start, span_end, today
    )
    when = when or _opening_time(text, times, span_start) or _when_clause_time(text, times, span_start)
    when = when or _next_clause_time(text, times, span_end)
    heading = dated if when is None else None
    when = when or heading
    upcoming = bool(_UPCOMING.search(text, max(0, phrase_start - 40), start)) or bool(
        _PREPARING.search(text, max(0, phrase_start - 40), start) and not _YEAR.search(text)
    )
    tense = EventStatus.UPCOMING if upcoming else _tense(text, start, end)
    when = (
        when
        or _days_before(text, times, start, published)
        or _opened_yesterday(text, phrase_start, end, published)
    )
    day_of = _DAY_OF.search(text, max(0, phrase_start - 80), phrase_start)
    if day_of and when is None:
        inside = times.within(clause_start(text, start), start)
        when = inside[0][0] if inside else None
    moved = _rescheduled(text, times, span_end)
    if moved is not None:  # the new date's own words tell its tense, not "has been postponed"
        when, tense = _nearest_year(moved[0], published), None
        place = moved[1] or place
    # a diary's day heading is a calendar date: the clause's tense does not move it to another year
    settled = when if heading is not None and when is heading else _settle_time(when, tense, published)
    when = _until_weekday(text, end, _weekday_span(text, settled))
    when = _running_until(text, span_end, when, published)
    if day_of and when is not None and when.day is not None:
        tense = when.status_on(published) or tense
        when = TimeRef(text=when.text, year=when.year, month=when.month)  # a day of it, not its dates
    if summit and noun and place is None and when is None and _INDEFINITE.match(text, phrase_start):
        return None  # "a summit" in passing names no meeting
    kind = kind_of(_kind_phrase(text, phrase_start, end) if noun else text[_group_start(text, start) : end])
    if kind is None and noun and summit and _other_body(text[phrase_start:start]):
        kind = EventKind.SUMMIT  # "the G20 summit", "the Trump-Putin summit", "a peace summit"
    return Mention(passage, start, span_end, kind, place, when, tense, upcoming=upcoming, summit=summit)


def _here(text: str, end: int) -> PlaceMatch | None:
    """Return the dateline's city for a meeting "here": "WASHINGTON — Leaders open a summit here on Tuesday"."""
    here = _HERE.match(text, end)
    # (not inside someone's quoted words: "Speaking from Ankara, he said: “Leaders will meet here”")
    quoted = here is not None and (
        text.count('"', 0, end) % 2 == 1 or text.count("“", 0, end) > text.count("”", 0, end)
    )
    line = dateline(text) if here and not quoted else None
    if here is None or line is None:
        return None
    return PlaceMatch(line.name, line.country, False, here.start("here"), here.end("here"))


_HERE = re.compile(r"\s+(?P<here>here)\b")
_BRACKET = re.compile(r"\s*\((?P<inside>[^()]{1,60})\)")
_BRACKET_PART = re.compile(r"[^,;]+")


def _bracketed_place(text: str, bracket: re.Match[str]) -> PlaceMatch | None:
    """Return the one known place named in a bracket after a meeting word ("(7-8 July, Ankara)")."""
    places = []
    for part in _BRACKET_PART.finditer(text, bracket.start("inside"), bracket.end("inside")):
        start = part.start() + len(part.group(0)) - len(part.group(0).lstrip())
        place = place_in(text, start, part.end())
        if place is not None:
            places.append(place)
    return places[0] if len(places) == 1 else None


def _laid_out(passage: Passage, meeting: LaidOut) -> Mention:
    """Return the mention of a meeting laid out in a table row, a list item or a fact box."""
    kind = meeting.kind
    return Mention(
        passage,
        meeting.start,
        meeting.end,
        kind,
        meeting.place,
        meeting.when,
        None,
        summit=kind in _SUMMIT_KINDS,
    )


def _held_pronouns(passage: Passage, times: Times, published: PartialDate | None) -> list[Mention | None]:
    """Return "It will be held in Ankara on 7-8 July", "It will take place on 13 and 14 July 2028": the
    meeting being discussed, its place and time."""
    found: list[Mention | None] = []
    for match in _HELD_PRONOUN.finditer(passage.text):
        mention = _mention(passage, match.start(), match.end(), times, published, noun=True, summit=True)
        # with its place or, after the sentence that placed it, only its date
        found.append(
            replace(mention, back_reference=True) if mention and (mention.place or mention.when) else None
        )
    return found


def _next_ones(
    passage: Passage, times: Times, published: PartialDate | None, before: str = ""
) -> list[Mention | None]:
    """Return "the next one is in Ankara next year", "the next test comes in Ankara": the next meeting
    of the kind being discussed, in a known city (a country or an unknown name is no venue here)."""
    found: list[Mention | None] = []
    for match in _NEXT_ONE.finditer(passage.text):
        mention = _mention(passage, match.start(), match.end(), times, published, noun=False, summit=True)
        if (
            mention is None
            or mention.place is None
            or mention.place.is_country
            or mention.place.country is None
        ):
            continue
        found.append(replace(mention, kind=None, tense=EventStatus.UPCOMING, upcoming=True, elliptical=True))
    for match in (
        _NEXT_ONE_PAST.finditer(passage.text) if _SUMMIT_WORD.search(f"{before} {passage.text}") else ()
    ):
        # "The next one was in Washington in 2024", "She was in Washington for the next one in 2024":
        # the next of the meetings just told of, in a known city, dated by its own year
        end = match.end("one") if match.group("one") else match.end()
        mention = _mention(passage, match.start(), end, times, published, noun=False, summit=True)
        if match.group("city") is not None:
            place = place_after(passage.text, match.start("at") - 1, times)
            mention = replace(mention, place=place) if mention else None
        if (
            mention is None
            or mention.place is None
            or mention.place.is_country
            or mention.when is None
            or mention.when.year is None
        ):
            continue
        found.append(replace(mention, kind=None, tense=EventStatus.PAST, elliptical=True))
    return found


_SAYS_AFTER = re.compile(r"\s+(?:said|says|announced|confirmed|stated|added|told)\b")


def _stays(passage: Passage, times: Times, published: PartialDate | None) -> list[Mention]:
    """Return "in Washington on 9-11 July 2024, the alliance marked ...": the allies (or their
    leaders) in a known city for a span of days, the way a retrospective names a summit."""
    text = passage.text
    found: list[Mention] = []
    for match in _IN_CITY.finditer(text):
        place = place_in(text, match.end(), min(len(text), match.end() + 40))
        if place is None or place.is_country:
            continue
        after = times.starting_from(place.end)
        if after is None or after[0].end_day is None or not _STAY_GAP.fullmatch(text, place.end, after[1]):
            continue  # one day in a city ("in Brussels on Tuesday, NATO said") is no meeting
        subject = _STAY_SUBJECT.match(text, after[2])
        if subject is None or _SAYS_AFTER.match(text, subject.end()):
            continue  # "..., the alliance said": who reports the meeting, not who stays there
        tense = _tense(text, match.start(), subject.end())
        when = _settle_time(after[0], tense, published)
        kind = kind_of(subject.group(0))
        found.append(Mention(passage, match.start(), subject.end(), kind, place, when, tense))
    return found


def _city_opening(
    passage: Passage, times: Times, published: PartialDate | None, summits_before: bool
) -> list[Mention]:
    """Return the summit a sentence names by opening with its city and time, where it or the
    sentence before speaks of summits: "London in December 2019 was officially a leaders' meeting
    rather than a summit", "Madrid in June 2022, where Finland and Sweden were invited, ...". A
    known city only, right before "in <time>", and the time right before a comma or "was"."""
    text = passage.text
    opening = _CITY_OPENING.match(text)
    if opening is None or not (summits_before or _SUMMIT_WORD.search(text)):
        return []
    if _NOT_A_MEETING_AFTER.match(text, opening.end()):
        return []
    place = place_in(text, 0, opening.end("place"))
    if place is None or place.is_country or place.end != opening.end("place"):
        return []
    after = times.starting_from(opening.end())
    if after is None or after[1] != opening.end() or after[0].year is None:
        return []
    if not _OPENING_SUBJECT_END.match(text, after[2]):
        return []
    tense = (
        EventStatus.PAST if published is None or after[0].year < published.year else _tense(text, 0, after[2])
    )
    return [Mention(passage, 0, after[2], None, place, after[0], tense, summit=True)]


_CITY_OPENING = re.compile(r"(?P<place>(?:The\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+in\s+")
_SUMMIT_WORD = re.compile(r"\bsummits?\b", re.I)
# "Berlin in 2025 was the capital that moved fastest": the city itself, no meeting in it
_NOT_A_MEETING_AFTER = re.compile(
    r"[^,]{0,30}?\b(?:was|is)\s+(?:the|a)\s+(?:\w+\s+)?(?:capital|city|country|government|economy|ally)\b",
    re.I,
)
_OPENING_SUBJECT_END = re.compile(r"\s*(?:,|(?:was|were|is|will\s+be)\b)")


def _group_at(passage: Passage, times: Times, published: PartialDate | None) -> list[Mention]:
    """Return leaders or ministers doing anything in a known city on a named day or month: "Defence
    ministers prepared the ground in Brussels on 5 June", "leaders will decide in Ankara on July
    7-8". Their being there together then is the meeting, whatever the verb; a verb of meeting is
    read by _verb_mentions, and a group somewhere with no day or month is not read here."""
    text = passage.text
    found: list[Mention] = []
    if _GROUP_CUE.search(text) is None:
        return found  # most passages name no group: spare them the scan from every word
    # the allies' leaders or ministers: the passage or its heading speaks of NATO, the allies or a
    # summit ("Opposition leaders protested in Warsaw on 5 May" meets nobody)
    allied = _ALLIED_CONTEXT.search(f"{passage.section or ''} {text}") is not None
    for match in _GROUP_ACTS_IN.finditer(text):
        if not (allied or match.group("qualifier") or _PORTFOLIO.match(match.group("group"))):
            continue  # defence or foreign ministers meet as such; leaders, only the allies' ones
        place = place_after(text, match.end() - 1, times)  # from the space before "in"
        if place is None or place.is_country:
            continue
        after = times.starting_from(place.end)
        if after is None or after[0].month is None or not _ON_DAY_GAP.fullmatch(text, place.end, after[1]):
            continue
        if _NOT_ALLIES_GROUP.search(text, max(0, match.start() - 12), match.start()):
            continue  # "Its ministers", "Canada's leaders", "EU defence ministers": no allies' meeting
        if _MEET.search(text, match.end("group"), match.end()):
            continue  # "ministers were due to meet in Brussels": the meeting verb's own mention
        summit = _LEADERS.match(text, match.start("group")) is not None
        verb = _GROUP_VERB.match(text, match.end("group"))
        tense = (
            (EventStatus.UPCOMING if verb.group("ahead") else EventStatus.PAST)
            if verb is not None
            else _tense(text, match.start(), place.end)
        )
        when = _settle_time(after[0], tense, published)
        kind = kind_of(text[match.start() : match.end("group")])
        found.append(Mention(passage, match.start(), after[2], kind, place, when, tense, summit=summit))
    return found


_GROUP_CUE = re.compile(r"[Mm]inisters|[Ll]eaders|[Hh]eads\s+of")  # in every match of _GROUP_ACTS_IN
# A group that acts somewhere: "(NATO) defence ministers prepared the ground in ", "leaders will decide in "
_GROUP_ACTS_IN = re.compile(
    r"\b(?P<qualifier>(?:NATO|[Aa]llied|[Aa]lliance)\s+)?(?P<group>(?:(?:[Dd]efen[cs]e|[Ff]oreign)\s+)?"
    r"(?:[Mm]inisters|[Ll]eaders|[Hh]eads\s+of\s+(?:state|government)(?:\s+and\s+government)?))"
    r"\s+(?:will\s+|would\s+|had\s+|have\s+|are\s+to\s+)?(?:[a-z]+\s+){0,5}?(?=(?:in|at)\s+[A-Z])"
)
# "Its ministers", "Canada's leaders", "EU defence ministers"; "the meeting of (NATO) Defence
# Ministers in Brussels" is the meeting noun's own mention.
_NOT_ALLIES_GROUP = re.compile(
    r"(?:\b(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|EU|European|[Oo]ur|of(?:\s+the)?|[Oo]pposition|[Bb]usiness|[Uu]nion"
    r"|[Pp]arty|[Ii]ndustry|[Cc]ommunity|[Rr]eligious|[Ss]tudent|[Ww]orld|G7|G20)|['’]s)\s+$"
)
_PORTFOLIO = re.compile(r"(?:[Dd]efen[cs]e|[Ff]oreign)\s")
_ALLIED_CONTEXT = re.compile(r"\b(?:NATO|[Aa]llied|[Aa]lliance|[Aa]llies|[Ss]ummits?)\b")
# The verb after the group says when: "will decide" ahead, "prepared", "were" back.
_GROUP_VERB = re.compile(
    r"\s+(?:(?P<ahead>will|are\s+to|are\s+due|are\s+set\s+to|are\s+expected)\b"
    r"|(?:[a-z]+ed|were|was|met|held|made|took|gave|set|sat|went|came|began)\b)"
)
_ON_DAY_GAP = re.compile(r"\s*,?\s*(?:on|in|from)\s+(?:the\s+)?")


# Summits listed after a colon, each a place and its time: "She attended two more summits as
# minister: Strasbourg and Kehl in 2009, where ..., and Lisbon in November 2010, where ..."
_SUMMITS_LISTED = re.compile(r"\bsummits\b[^.:;]{0,80}:\s+")
_LISTED_PLACE = re.compile(
    r"(?:^|(?<=:\s)|(?<=[:,])\s+(?:and\s+)?|(?<=\s)and\s+)(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"(?:\s+and\s+[A-Z][\w'’-]+)?\s+(?:in|on)\s+$"
)


def _listed_summits(passage: Passage, times: Times) -> list[Mention]:
    """Return the summits a list after a colon names by place and time ("summits as minister:
    Strasbourg and Kehl in 2009, ..., and Lisbon in November 2010, ...")."""
    text = passage.text
    if "summits" not in text or ":" not in text:
        return []
    found: list[Mention] = []
    for listed in _SUMMITS_LISTED.finditer(text):
        for when, start, end in times.within(listed.end(), len(text)):
            item = _LISTED_PLACE.search(text, max(listed.end(), start - 50), start)
            if item is None or item.start("place") < listed.end():
                continue
            place = place_in(text, item.start("place"), item.end("place"))
            if place is None or place.country is None or place.is_country or when.year is None:
                continue
            found.append(Mention(passage, item.start("place"), end, None, place, when, None))
    return found


def _named_decisions(passage: Passage, times: Times, published: PartialDate | None) -> list[Mention]:
    """Return the meetings a decision named by its place recalls: "the 2014 Wales pledge", "ten years
    after the Madrid declaration". Like a decision taken at a place, it makes a meeting only with a time:
    the one written before it, or the years after it when the clause is about the article's own time."""
    text = passage.text
    found: list[Mention] = []
    for match in _NAMED_DECISION.finditer(text):
        place = place_in(text, match.start("place"), match.end("place"))
        if place is None or place.country is None or place.end != match.end("place"):
            continue
        when = _time_near(text, times, match.start(), match.start("place")) or _years_after(
            text, times, match.start(), match.end(), published
        )
        if when is not None:
            found.append(
                Mention(passage, match.start(), match.end(), None, place, when, EventStatus.PAST, weak=True)
            )
    return found


# What the allies will do together at a place and time no meeting word names: "In July, in Ankara,
# we will sit around the table again", "will ask every ally in Ankara this July to show ...", "Next
# July, in Ankara, I will report to our allies". The whole alliance, which only its meeting gathers
# ("In Ankara in July every ally will present a national plan", "with the other leaders of the
# alliance"), may make the meeting; "allies" alone may not ("will brief allies in Washington in April").
_WHOLE_ALLIANCE = re.compile(
    r"\b(?:(?:every|each)\s+ally|all\s+(?:\d+\s+|thirty-two\s+)?(?:the\s+)?allies|around\s+the\s+table"
    r"|(?:fellow|other)\s+(?:allied\s+)?leaders|leaders\s+of\s+the\s+alliance|allied\s+leaders)\b",
    re.I,
)
# ... or the allies at all: what a meeting no meeting word names must be among (see _appointments)
_AMONG_ALLIES = re.compile(rf"\ballies\b|{_WHOLE_ALLIANCE.pattern}", re.I)
_SENTENCE_BREAK = re.compile(r"[.!?](?=\s)")
_NAMED_MONTH = re.compile(rf"\b(?:{MONTH_NAMES})\b")


def _gathers_alliance(text: str, first: int, last: int) -> bool:
    """Return whether a sentence has the whole alliance gather: "every ally" as its subject, not the
    ones something is shown or sent to ("will demonstrate the drone to all allies at Eurosatory"),
    and at no other event (a trade fair, an air show, a conference)."""
    whole = _WHOLE_ALLIANCE.search(text, first, last)
    return (
        whole is not None
        and _GIVEN_TO.search(text, max(first, whole.start() - 10), whole.start()) is None
        and _OTHER_EVENT.search(text, first, last) is None
    )


_GIVEN_TO = re.compile(r"\b(?:to|with|for|from|among|by)\s+$", re.I)
_OTHER_EVENT = re.compile(
    r"\b(?:fair|air\s+show|trade\s+show|expo|exhibition|conference|forum|festival|delegations?|Eurosatory|Farnborough)\b",
    re.I,
)


def _appointments(
    passage: Passage, times: Times, published: PartialDate | None, named: list[int]
) -> list[Mention]:
    """Return the meetings a sentence about the allies gives only a known city and a named month
    ahead of the article's date for (see ``_AMONG_ALLIES``), in a sentence where no other mention
    starts (named: where the passage's other mentions start). Weak: such a mention joins the
    meeting the article names at that place and time, or makes one of no named kind (NATO's summit
    in an article about NATO, as any summit no words qualify)."""
    text = passage.text
    if published is None or published.month is None or _AMONG_ALLIES.search(text) is None:
        return []
    found: list[Mention] = []
    for when, start, end in times.spans:
        if when.year is None or when.month is None or not _NAMED_MONTH.search(when.text):
            continue  # "next month" is too loose a time for a meeting no word names
        if (when.year, when.month) <= (published.year, published.month):
            continue
        place = city_beside(text, start, end)
        if place is None:
            continue
        breaks = [m.start() for m in _SENTENCE_BREAK.finditer(text)]
        first = max((b + 1 for b in breaks if b < start), default=0)
        last = min((b for b in breaks if b >= end), default=len(text))
        if _AMONG_ALLIES.search(text, first, last) is None or any(first <= at < last for at in named):
            continue
        found.append(
            Mention(
                passage,
                min(start, place.start),
                max(end, place.end),
                None,
                place,
                when,
                EventStatus.UPCOMING,
                weak=True,
                joins_only=not _gathers_alliance(text, first, last),
            )
        )
    return found


def _years_after(
    text: str, times: Times, start: int, end: int, published: PartialDate | None
) -> TimeRef | None:
    """Return the year "<n> years after <decision>" (the decision at text[start:end]) puts the
    decision in, counted back from the article's year when the clause gives no year of its own."""
    match = _YEARS_AFTER.search(text, max(0, start - 30), start)
    if match is None or published is None:
        return None
    clause = clause_start(text, match.start())
    if times.within(clause, clause_end(text, start)):
        return None  # the clause has a year of its own: count from it or not at all
    n = parse_count(fold_case(match.group("n")))
    return TimeRef(text=text[match.start() : end], year=published.year - n) if n else None


_NAMED_DECISION = re.compile(
    r"(?P<place>\b[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+(?:pledge|declaration|communiqu[eé]|commitment)\b"
)
_YEARS_AFTER = re.compile(r"\b(?P<n>\d{1,2}|[A-Za-z]+)\s+years\s+(?:after|on\s+from)\s+(?:the\s+)?$")
_IN_CITY = re.compile(r"\b[Ii]n\s+(?=[A-Z])")
_STAY_GAP = re.compile(r"\s*,?\s*(?:on|from|les?|du)\s+")
_STAY_SUBJECT = re.compile(
    r"\s*,\s*(?:the\s+alliance|(?:NATO|allied)\s+leaders|the\s+allies|leaders|allies|heads\s+of\s+(?:state|government))\b"
)
# not "the next summit", which its noun names as what it is
_NEXT_ONE_PAST = re.compile(
    r"\b[Tt]he\s+next\s+one\s+(?:was|came)\b"
    r"|\b(?:was|were)\s+(?P<at>in)\s+(?P<city>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+for\s+the\s+(?P<one>next\s+one)\b"
)
_NEXT_ONE = re.compile(
    r"\b[Tt]he\s+next\s+(?:one|(?!(?:summit|meeting|ministerial|gathering)s?\b)[a-z]+)\s+(?:comes|is|will\s+(?:be|come))\b"
)


def _since(passage: Passage, found: list[Mention]) -> list[Mention]:
    """Return the earlier meetings "the first summit in X since <place> in <year>" names."""
    text = passage.text
    earlier: list[Mention] = []
    for mention in found:
        if mention.back_reference or mention.weak:
            continue
        match = _SINCE.search(text, mention.end, clause_end(text, mention.end))
        if match is None:
            continue
        earlier += _since_mention(passage, match, mention.kind)
    return earlier


def _since_mention(passage: Passage, match: re.Match[str], kind: EventKind | None) -> list[Mention]:
    """Return the earlier meeting a "since <place> in <month> <year>" names, if the place is known."""
    text = passage.text
    place = place_in(text, match.start("place"), match.end("place"))
    if place is None:
        return []
    year, month = int(match.group("year")), match.group("month")
    when = TimeRef(
        text=text[match.start("month") if month else match.start("year") : match.end("year")],
        year=year,
        month=MONTHS[month.lower()] if month else None,
    )
    return [Mention(passage, match.start(), match.end(), kind, place, when, EventStatus.PAST)]


# "Leaders met in Vilnius, in July 2023, and in Washington in July 2024": the same verb, another meeting
_AND_IN = re.compile(r"\s*,?\s+and\s+(?:again\s+|then\s+|later\s+)?in\s+(?=[A-Z])")
_AGAIN = re.compile(r"\s*,?\s+and\s+again\s+in\s")
_PLACE_TIME_GAP = re.compile(r"\s*,?\s*(?:(?:in|on|les?|du)\s+)?")


def _and_in(passage: Passage, mention: Mention, times: Times) -> list[Mention]:
    """Return the meeting a group's meeting verb governs again after "and in" ("met in Vilnius in July
    2023, and in Washington in July 2024"), with its own place and time."""
    text = passage.text
    own = times.starting_from(mention.end)
    after = own[2] if own and own[1] - mention.end <= 12 else mention.end
    again = _AND_IN.match(text, after)
    place = place_in(text, again.end(), min(len(text), again.end() + 40)) if again else None
    when = times.starting_from(place.end) if place else None
    if (
        again is None
        or place is None
        or when is None
        or not _PLACE_TIME_GAP.fullmatch(text, place.end, when[1])
    ):
        return []
    return [replace(mention, start=again.start(), end=when[2], place=place, when=when[0])]


def first_since(passage: Passage) -> list[Mention]:
    """Return the earlier summit a sentence about the summit just named dates: "It will be the first
    in the country since Istanbul in June 2004"."""
    text = passage.text
    opening = _FIRST_SINCE.match(text)
    match = _SINCE.search(text, opening.end(), clause_end(text, opening.end())) if opening else None
    return _since_mention(passage, match, None) if match else []


def _fold_clauses(found: list[Mention]) -> list[Mention]:
    """Return mentions with those that add no place to an earlier one in their clause folded into it."""
    folded: list[Mention] = []
    for mention in found:
        previous = folded[-1] if folded else None
        if (
            previous is not None
            and not previous.back_reference
            and not mention.back_reference
            and not mention.weak
            and not mention.upcoming
            and mention.place is None
            and (previous.when is None or mention.when is None or times_agree(previous.when, mention.when))
            and not crosses_clause(mention.passage.text, previous.end, mention.start)
        ):
            folded[-1] = replace(
                previous,
                kind=more_specific(previous.kind, mention.kind),
                # "gather in Tirana for this year's summit, which runs on 7 and 8 July": the days
                when=(
                    mention.when
                    if previous.when is None
                    or (mention.when is not None and more_telling(mention.when, previous.when))
                    else previous.when
                ),
                summit=previous.summit or mention.summit,
            )
            continue
        folded.append(mention)
    return folded


# --- the parts of a mention -------------------------------------------------------------------


def _phrase_start(text: str, start: int) -> int:
    """Return where the noun phrase ending at start begins: back over its words, up to a preposition."""
    position = start
    for word in reversed(list(_WORDS_BEFORE.finditer(text, max(0, start - 60), start))):
        if (word.end() != position - 1 and word.end() != position) or word.group(0).lower() in _NOT_IN_PHRASE:
            break
        position = word.start()
    return position


_WORDS_BEFORE = re.compile(r"[\w’'-]+")
_NOT_IN_PHRASE = words(
    "of on in at for to with by from into during before after ahead since until about over and or but"
    " that which who when where while as than is are was were will be"
)


def _place_after_time(text: str, end: int, times: Times) -> PlaceMatch | None:
    """Return the place after a time that follows the phrase: "meet next month in Brussels"."""
    after = times.starting_from(end)
    if after is None or not _TIME_AFTER_GAP.fullmatch(text, end, after[1]):
        today = _TODAY_WORD.match(text, end)  # "met today in Bucharest": a day find_times leaves to _today
        return place_after(text, today.end(), times) if today else None
    return place_after(text, after[2], times)


_TODAY_WORD = re.compile(r"\s+(?:today|yesterday|tonight|this\s+(?:morning|afternoon|evening))(?=\s)", re.I)


def _other_body(phrase: str) -> bool:
    """Return whether the words before "summit" name another body or purpose than NATO's.

    A topic ("a peace summit") or a name that is no place, demonym, month or NATO's ("the G20
    summit", "the European Political Community summit", "the Trump-Putin summit").
    """
    for word in _PHRASE_WORD.findall(phrase):
        bare = _POSSESSIVE.sub("", word)
        if bare.lower() in _OTHER_TOPICS:
            return True
        if not (bare[:1].isupper() or bare[:1].isdigit()) or bare.isdigit():
            continue
        if bare in _DETERMINERS or bare.lower() in MONTHS or kind_of(bare) is not None:
            continue
        if find_place(bare) or find_country_mentions(bare) or find_demonyms(bare):
            continue
        return True
    return False


_PHRASE_WORD = re.compile(r"[\w’'-]+")
_POSSESSIVE = re.compile(r"['’]s$")
_THEIR = re.compile(r"(?i:their)\b")
_DETERMINERS = words("The A An This That Next Last Its Their Our")
_OTHER_TOPICS = words(
    "peace climate energy trade economic bilateral trilateral food health investment business digital"
)


def _group_start(text: str, start: int) -> int:
    """Return where the words naming a meeting group start: a few words before its head, in its clause."""
    return max(clause_start(text, start), start - 40)


def _kind_phrase(text: str, phrase_start: int, end: int) -> str:
    """Return the words that say what a meeting is: its phrase, or its group for "their summit"."""
    phrase = text[phrase_start:end]
    if _THEIR.match(phrase):
        clause = clause_start(text, phrase_start)
        group = _GROUP.search(text, clause, phrase_start)
        if group:
            return text[max(clause, group.start() - 40) : group.end()] + " " + phrase
    return phrase


def _moved_to(text: str, start: int, end: int) -> PlaceMatch | None:
    """Return the one known place a group went to or left in text[start:end] ("left the Netherlands")."""
    places = []
    for match in _MOVED.finditer(text, start, end + 80):
        if match.start() >= end and match.start() > start:
            break
        place = place_in(text, match.end(), min(len(text), match.end() + 40))
        if place:
            places.append(place)
    return places[0] if len(places) == 1 else None


_FOR_A = re.compile(r"\s+for\s+", re.I)  # "gather on 7-8 July for a NATO summit"
# A diary's day heading: "Wednesday 1 July", "Thursday, 2 July 2026", "July 2".
_MONTH_WORD = rf"(?i:{'|'.join(sorted(MONTHS, key=len, reverse=True))})"
_DAY_HEADING = re.compile(
    rf"\s*(?:(?i:{'|'.join(WEEKDAYS)}),?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD}|{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"(?:,?\s+(?:19|20)\d\d)?\s*"
)


def _heading_day(passage: Passage, published: PartialDate | None) -> TimeRef | None:
    """Return the one day a diary's heading gives ("Wednesday 1 July"), the day of the meetings under it."""
    heading = passage.section or ""
    if not _DAY_HEADING.fullmatch(heading):
        return None  # "Since 24 February 2022" is a heading about a time, not a diary's day
    # "Wednesday 1 July": the written date, not the weekday read on its own
    days = [
        t
        for t, _, _ in find_times(heading, published)
        if t.day is not None and any(c.isdigit() for c in t.text)
    ]
    return days[0] if len(days) == 1 else None


def _time_near(text: str, times: Times, start: int, end: int, *, verb: bool = False) -> TimeRef | None:
    """Return the most precise time written right before text[start:end], right after it, or inside.

    verb: the phrase is a group's meeting verb ("leaders gather in Tirana"), which says what they do:
    a verb after it is another subject's ("the drill before leaders gather in Tirana ended on Sunday").
    """
    before, after = times.ending_by(start), times.starting_from(end)
    near = [ref for ref, _, _ in times.within(start, end)]
    if (
        before
        and _TIME_BEFORE_GAP.fullmatch(text, before[2], start)
        and (
            DEADLINE_BY.search(text, max(0, before[1] - 4), before[1]) is None
            # "by next year's summit in Ankara": the summit's own time, which "by" only reaches
            or text.startswith(("'s", "’s"), before[2])
        )
    ):
        near.append(before[0])  # not a deadline's: "a plan for 3.5% by 2035 to the Ankara summit"
    gap = _VERB_TIME_GAP if verb else _TIME_AFTER_GAP
    if after and gap.fullmatch(text, end, after[1]):
        near.append(after[0])
        restated = times.starting_from(after[2])
        if (
            restated
            and _RESTATED.fullmatch(text, after[2], restated[1])
            and after[0].year is not None
            and restated[0].year is not None
            and times_agree(after[0], restated[0])
        ):
            near.append(restated[0])  # "next week, on 7 and 8 July": the days say which
    best = max(near, key=precision, default=None)
    years = {ref.year for ref in near if ref.month is None and WRITTEN_YEAR.fullmatch(ref.text)}
    if best is not None and best.month is not None and not _ANCHORED.search(best.text) and len(years) == 1:
        # "the 2023 NATO summit on 11-12 July": the phrase's own year dates the days after it
        best = best.model_copy(update={"year": years.pop()})
    return best


_TIME_OF_OTHER = re.compile(r"\b(?:ahead\s+of|before|after|until|since)\s+$", re.I)
_RESTATED = re.compile(r"\s*,\s*(?:(?:on|from|between)\s+)?(?:the\s+)?")


def _time_after(text: str, times: Times, end: int) -> TimeRef | None:
    """Return the day or month written right after a meeting word ("the meeting, on 7 and 8 July")."""
    after = times.starting_from(end)
    if after is None or after[0].month is None or not _TIME_AFTER_GAP.fullmatch(text, end, after[1]):
        return None
    return after[0]


def _days_before(text: str, times: Times, start: int, published: PartialDate | None) -> TimeRef | None:
    """Return the day "<n> days before <the meeting>" names, counted from the day written before it;
    for "<n> weeks before", only its month (a week is no exact count of days to a meeting)."""
    match = _DAYS_BEFORE.search(text, max(0, start - 40), start)
    if match is None:
        return None
    n = parse_count(fold_case(match.group("n")))
    written = times.ending_by(match.start())
    anchor = written[0] if written and written[0].day is not None else None
    if anchor is not None and anchor.year is not None and anchor.month is not None and anchor.day is not None:
        day = datetime.date(anchor.year, anchor.month, anchor.day)
    elif published is not None and published.month is not None and published.day is not None:
        day = datetime.date(published.year, published.month, published.day)
    else:
        return None
    if n is None:
        return None
    weeks = match.group("unit").lower().startswith("week")
    later = times.starting_from(start)
    if weeks and later is not None and later[0].month is not None:
        return None  # "six weeks before leaders meet in Ankara ... on 14-15 June": its own date says
    date = day + datetime.timedelta(days=n * 7 if weeks else n)
    if weeks:
        return TimeRef(text=match.group(0).strip(), year=date.year, month=date.month)
    return TimeRef(text=match.group(0).strip(), year=date.year, month=date.month, day=date.day)


_DAYS_BEFORE = re.compile(
    r"\b(?P<n>\d{1,2}|[a-z]+)\s+(?P<unit>days?|weeks?)\s+(?:before|ahead\s+of)\s+(?:(?:the|its|their)\s+)?"
    r"(?:(?:NATO|Nato|allied|alliance|EU|G7)\s+)?$",
    re.I,
)


# "the two-day summit, which opened yesterday and is due to close this afternoon"
_OPENED_YESTERDAY = re.compile(r"\b(?:opened|began|started|kicked\s+off)\s+yesterday\b")
_DAYS_LONG = re.compile(r"\b(?P<days>two|three|2|3)-day\b", re.I)


_GOES_ON = re.compile(
    r"\b(?:second|final|last|closing)\s+(?:and\s+(?:final|last)\s+)?day\b|\bday\s+two\b|\bcontinues\b|\blive\b",
    re.I,
)


def _opened_yesterday(
    text: str, phrase_start: int, end: int, published: PartialDate | None
) -> TimeRef | None:
    """Return the days of a meeting whose clause says it opened yesterday: from the day before the
    article's, for as many days as the phrase says ("the two-day summit"), else that day."""
    if published is None or published.day is None or published.month is None:
        return None
    opened = _OPENED_YESTERDAY.search(text, end, clause_end(text, end) + 1)
    if opened is None:
        return None
    first = datetime.date(published.year, published.month, published.day) - datetime.timedelta(days=1)
    days = _DAYS_LONG.search(text, max(0, phrase_start - 30), end)
    length = (parse_count(days.group("days").lower()) or 1) if days else 1
    if length == 1 and _GOES_ON.search(text, max(0, phrase_start - 80), min(len(text), end + 80)):
        length = 2  # "the second and final day of the summit, which opened yesterday": it runs today too
    last = first + datetime.timedelta(days=length - 1)
    return TimeRef(
        text=opened.group(0),
        year=first.year,
        month=first.month,
        day=first.day,
        end_day=last.day if length > 1 and last.month == first.month else None,
    )


def _today(text: str, start: int, end: int, published: PartialDate | None) -> TimeRef | None:
    """Return the article's date for "today" right after the phrase ("arrive in X today"), and the
    day after it for "tomorrow" ("the summit that opens in Vilnius tomorrow")."""
    # "in Ankara this afternoon"; of two ("travels to Brussels this afternoon for tomorrow's meeting"),
    # the one nearest the phrase's end
    match = min(
        # in the phrase's own clause: "met in Vilnius, and this morning Rutte said" is another time's
        (m for m in _TODAY.finditer(text, start, end + 20) if not re.search(r"[,;]", text[end : m.start()])),
        key=lambda m: abs(m.start() - end),
        default=None,
    )
    if match is None or published is None or published.month is None or published.day is None:
        return None
    # "opens in The Hague tomorrow": the day after the article's
    # ("arrived yesterday for the summit" dates the arrival, not the meeting: see _opened_yesterday)
    shift = 1 if match.group("tomorrow") else 0
    day = datetime.date(published.year, published.month, published.day) + datetime.timedelta(days=shift)
    return TimeRef(text=match.group(0), year=day.year, month=day.month, day=day.day)


def _opening_time(text: str, times: Times, start: int) -> TimeRef | None:
    """Return the most precise time of the adverbials that open the phrase's clause.

    "In June, G7 leaders meeting in Apulia ...", "Two years ago, on 11.-12.07.2023, the summit ...".
    """
    clause = clause_start(text, start)
    opening = times.within(clause, start)
    lead = _OPENING_LEAD.match(text, clause)  # "5.1 In June, ...", "Then in June, ..."
    if not opening or opening[0][1] > (lead.end() if lead else clause) + 3:
        return None
    if text[opening[0][2] : opening[0][2] + 1] != "," and not (
        _IN_TIME.match(opening[0][0].text) and _SUBJECT_AFTER.match(text, opening[0][2])
    ):
        return None  # "In July the Prime Minister will fly to Ankara ...": no comma after "In <month>"
    run = [opening[0][0]]
    for (ref, t_start, _), (_, _, previous_end) in zip(opening[1:], opening, strict=False):
        if not _OPENING_GAP.fullmatch(text, previous_end, t_start):
            break
        run.append(ref)
    return max(run, key=precision)


_OPENING_GAP = re.compile(r"[\s,]*(?:(?:on|in|at)\s+)?")
# What may stand before a clause's opening time: a memo's paragraph number, a linking adverb
_OPENING_LEAD = re.compile(
    r"\s*(?:\d{1,2}(?:\.\d{1,2}){1,3}\s+|(?:[Tt]hen|[Ll]ater|[Aa]nd|[Bb]ut|[Ee]arlier)\s+)"
)
_IN_TIME = re.compile(r"[Ii]n\s")
# "In July she will ..." (not "In February he said ...", which dates the saying)
_SUBJECT_AFTER = re.compile(
    r"\s+(?:the\s|[A-Z]|(?:she|he|they|we|it)\s(?!(?:said|says|told|tells|added|wrote|announced|noted)\b))"
)


def _when_clause_time(text: str, times: Times, start: int) -> TimeRef | None:
    """Return the time a "when" clause hangs from: "up from three in 2014, when leaders met at ..."."""
    before = times.ending_by(start)
    gap = _WHEN_CLAUSE.match(text, before[2]) if before else None
    if before is None or gap is None or crosses_clause(text, gap.end(), start):
        return None
    return before[0]


def _next_clause_time(text: str, times: Times, end: int) -> TimeRef | None:
    """Return the time the next clause gives the meeting: "The summit is in Riga; it opens on 7 July".

    The clause must be about the meeting ("it", "the summit", the leaders) and say when it opens,
    runs or when they arrive; a time in any other clause is another matter's.
    """
    after = times.starting_from(end)
    if after is None or after[1] - end > _NEXT_CLAUSE_REACH:
        return None
    return after[0] if _NEXT_CLAUSE_GAP.fullmatch(text, end, after[1]) else None


_NEXT_CLAUSE_REACH = 90
_NEXT_CLAUSE_GAP = re.compile(
    r"\s*(?:[;:—–]|,(?:\s+(?:and|with|so))?)\s+"
    r"(?:(?:[Ii]t|(?:[Tt]he|[Tt]his)\s+(?:summit|meeting|gathering|talks)(?:\s+itself)?|(?:[Tt]he\s+)?(?:leaders|ministers"
    r"|delegations|heads\s+of\s+(?:state|government)(?:\s+and\s+government)?))\s+)"
    r"(?:(?:will|is|are|was|were)\s+)?(?:(?:due|set|expected|scheduled)\s+(?:to\s+)?)?(?:be\s+)?"
    r"(?:opens?|opened|starts?|started|begins?|began|runs?|ran|takes?\s+place|took\s+place|convenes?|convened|held"
    r"|arrive[sd]?|meets?|met|gathers?|gathered)"
    r"(?:\s+(?:for\s+\w+\s+days|again|together))?\s*,?\s*(?:(?:on|in|from|between)\s+)?"
)


def _tense(text: str, start: int, end: int) -> EventStatus | None:
    """Return what the words around text[start:end] say: ahead (upcoming) or back (past).

    Read from the meeting's own clause: after a reporting verb ("Kallas said ... when leaders meet
    in July") and from the subordinator that opens it ("four days before leaders gather").
    """
    begin = clause_start(text, start)
    opener = max(_SUBORDINATE.finditer(text, begin, start), key=lambda m: m.start(), default=None)
    if opener is not None:
        begin = opener.end() if opener.group("reporting") else opener.start()
    clause = text[begin : clause_end(text, end)]
    ahead = _LOOKS_AHEAD.search(clause) is not None
    back = _LOOKS_BACK.search(clause) is not None
    if ahead == back:
        return None
    return EventStatus.UPCOMING if ahead else EventStatus.PAST


_SUBORDINATE = re.compile(
    r"\b(?:when|where|while|after|before|until|once|as|that|which|who|because|if)\b"
    r"|\b(?P<reporting>said|says|told|wrote|writes|added|argued|announced|confirmed|stated)\b"
)


# "on Tuesday and Wednesday", "from Tuesday to Thursday": a meeting of consecutive days.
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WEEKDAY_SPAN = re.compile(
    rf"\b(?P<first>{_WEEKDAY})\s*(?P<joint>and|to|through|until|-|–)\s*(?P<last>{_WEEKDAY})\b"
)


def _weekday_span(text: str, when: TimeRef | None) -> TimeRef | None:
    """Return a weekday's time with the last day of the span it opens ("on Tuesday and Wednesday")."""
    if when is None or _one_day(when) is None:
        return when
    first = when.text.lower().removeprefix("on ").strip()
    if first not in WEEKDAYS:
        return when
    for match in _WEEKDAY_SPAN.finditer(text):
        if match.group("first").lower() != first:
            continue
        spanned = _through(when, match.group("last"))
        if spanned is not None:
            return spanned.model_copy(
                update={"text": f"{when.text} {match.group('joint')} {match.group('last')}"}
            )
    return when


# "The NATO summit opens in Ankara and runs until Thursday": the last day of a meeting whose first is known.
_UNTIL_WEEKDAY = re.compile(
    rf"\b(?:runs?|continues?|lasts?|goes\s+on)\s+(?:until|till|through|to)\s+(?P<last>{_WEEKDAY})\b"
)


def _until_weekday(text: str, end: int, when: TimeRef | None) -> TimeRef | None:
    """Return a day with the last day its meeting runs until, when the meeting's own clause says so
    ("opens in Ankara and runs until Thursday"; not "while a fair next door runs until Sunday")."""
    until = _UNTIL_WEEKDAY.search(text, end, clause_end(text, end)) if when is not None else None
    spanned = _through(when, until.group("last")) if when is not None and until is not None else None
    return spanned or when


def _one_day(when: TimeRef) -> datetime.date | None:
    """Return the day a time is, when it is one known day and no span."""
    if when.year is None or when.month is None or when.day is None or when.end_day is not None:
        return None
    return datetime.date(when.year, when.month, when.day)


def _through(when: TimeRef, weekday: str) -> TimeRef | None:
    """Return a day's time running through the next such weekday, within four days and its month."""
    first = _one_day(when)
    if first is None:
        return None
    gap = (WEEKDAYS.index(weekday.lower()) - first.weekday()) % 7
    last = first + datetime.timedelta(days=gap)
    return (
        when.model_copy(update={"end_day": last.day}) if 1 <= gap <= 4 and last.month == first.month else None
    )


# "originally planned for 7-8 July but has been moved to 9-10 July": the new dates are the meeting's;
# "will instead take place in Bucharest on 21-22 October", "moved to Bucharest on ...": and the new place.
_NEW_PLACE = r"(?P<{0}>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
_MOVED_IN_TIME = re.compile(
    r"\b(?:moved|postponed|pushed\s+back|put\s+back|put\s+off|brought\s+forward|rescheduled|delayed|shifted"
    r"|pushed|switched)\s+(?:(?:the|their|its|this|that)\s+(?:meeting|summit|talks|gathering|session)\s+)?"
    r"(?:(?:by\s+\w+\s+(?:days?|weeks?)\s+)?(?:from\s+[^,;.]{1,25}?\s+)?(?:until|till|to|for)\s+)"
    rf"(?:{_NEW_PLACE.format('moved_to')}\s+)?(?:(?:on|in)\s+)?$"
    # "..., originally planned for 7-8 July, will now take place on 9-10 July" (or "in Bucharest on ...")
    r"|\b(?:now|instead)\s+(?:be\s+held|take\s+place|takes\s+place|opens?|starts?|begins?|runs?)\s+"
    rf"(?:in\s+{_NEW_PLACE.format('held_in')}\s+)?(?:(?:on|in|from|between)\s+)?$",
    re.I,
)
_MOVED_REACH = 120


def _rescheduled(text: str, times: Times, end: int) -> tuple[TimeRef, PlaceMatch | None] | None:
    """Return the time a meeting was moved to later in its sentence, if it was ("postponed to 20 March"),
    and the new place when the move names one ("will instead take place in Bucharest on 21-22 October")."""
    position = end
    while (after := times.starting_from(position)) is not None and after[1] - end <= _MOVED_REACH:
        moved = _MOVED_IN_TIME.search(text, max(end, after[1] - 60), after[1])
        if moved:
            group = "moved_to" if moved.group("moved_to") else "held_in" if moved.group("held_in") else None
            place = place_in(text, moved.start(group), moved.end(group)) if group else None
            return after[0], place
        position = after[2]
    return None


def _nearest_year(when: TimeRef, published: PartialDate | None) -> TimeRef:
    """Return a day written without its year ("9-10 July") in the year find_times gives a month no
    verb decides (within six months of publication): the sentence's verb ("has been moved to")
    tells of the change, not of when the new date falls."""
    year = year_for_month(when.month, published)
    if year is None or _ANCHORED.search(when.text):
        return when
    return when.model_copy(update={"year": year})


# "The G7 summit, which runs until Tuesday, ...": a meeting under way on the article's date, ending then.
_RUNS_UNTIL = re.compile(
    r"[^.;]{0,40}?\b(?:runs|continues|goes\s+on|lasts|is\s+under\s?way)\s+(?:until|till|through|to)\s+$", re.I
)


def _running_until(
    text: str, end: int, when: TimeRef | None, published: PartialDate | None
) -> TimeRef | None:
    """Return a meeting's dates from the article's day to the day it runs until, when the text says so.

    "The summit, which runs until Tuesday" on a Monday: the meeting is on from Monday to Tuesday
    (at least), so it is in progress, not a meeting that is yet to open on Tuesday.
    """
    if (
        when is None
        or published is None
        or published.day is None
        or when.day is None
        or when.end_day is not None
        or (when.year, when.month) != (published.year, published.month)
        or not published.day < when.day <= published.day + 6
    ):
        return when
    at = text.find(when.text, end)
    if at < 0 or not _RUNS_UNTIL.fullmatch(text, end, at):
        return when
    return TimeRef(
        text=f"until {when.text}", year=when.year, month=when.month, day=published.day, end_day=when.day
    )


def _settle_time(
    when: TimeRef | None, tense: EventStatus | None, published: PartialDate | None
) -> TimeRef | None:
    """Return a time whose direction the clause decides: a weekday or a bare month ahead or behind.

    ``find_times`` resolves a weekday backwards (news reports past days) and a bare month to the
    nearest such month; a meeting the clause looks ahead to is on the next such day or month, and
    one it looks back on, the last.
    """
    if when is None or published is None or published.month is None or tense is None:
        return when
    weekday = when.text.lower().removeprefix("on ").strip()
    if weekday in WEEKDAYS and tense is EventStatus.UPCOMING and published.day is not None:
        day = datetime.date(published.year, published.month, published.day)
        date = day + datetime.timedelta(days=(WEEKDAYS.index(weekday) - day.weekday()) % 7 or 7)
        return TimeRef(text=when.text, year=date.year, month=date.month, day=date.day)
    if when.year is not None and when.month is not None and when.day is not None:
        return _settle_day(when, tense, published)
    if (
        when.year is None
        or when.month is None
        or when.day is not None
        or not _BARE_MONTH.fullmatch(when.text)
    ):
        return when
    now = (published.year, published.month)
    if tense is EventStatus.UPCOMING and (when.year, when.month) < now:
        return when.model_copy(update={"year": when.year + 1})
    if tense is EventStatus.PAST and (when.year, when.month) > now:
        return when.model_copy(update={"year": when.year - 1})
    return when


def _settle_day(when: TimeRef, tense: EventStatus, published: PartialDate) -> TimeRef:
    """Return a day written without its year ("from 7 July") in the year the clause looks to.

    Three days after 7 July, "leaders will gather on 7 July" is next year's 7 July; before it,
    "leaders met on 20 July" is last year's. A written year, or a weekday or "today", stays.
    """
    if published.day is None or _ANCHORED.search(when.text) or when.year is None or when.month is None:
        return when
    now = (published.year, published.month, published.day)
    if tense is EventStatus.UPCOMING and (when.year, when.month, when.end_day or when.day or 1) < now:
        return when.model_copy(update={"year": when.year + 1})
    if tense is EventStatus.PAST and (when.year, when.month, when.day or 1) > now:
        return when.model_copy(update={"year": when.year - 1})
    return when


# A day whose year is written or follows from the date itself ("today", "next Tuesday").
_ANCHORED = re.compile(r"\d{4}|\b(?i:today|tonight|tomorrow|yesterday|next|last|this)\b")
_BARE_MONTH = re.compile(r"(?:(?i:in|the|by|until|since|from|during|early|late|mid-?)\s+)?[A-Z][a-z]+")
