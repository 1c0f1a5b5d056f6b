"""Attribution frames: a speaker, a speech verb, and the words that say when, where and how.

Rules:

* A frame is a speaker (see ``speakers``) opening a text as its subject -- an introductory phrase
  ("In 2019, ", "Asked about Spain, ") may come first -- followed by a speech verb, possibly
  after an apposition (", the Danish leader,") and adverbs ("also", "later"): "Kallas said",
  "The communiqué states", "A senior official told reporters".
* After a quotation the frame may be inverted: "said Weber", "added the minister".
* Words between the verb and what was said may only say when, where, how or to whom ("told
  reporters on Monday", "wrote on X from his account", "said in a statement"); anything else
  makes the sentence the writer's own. ``when`` comes only from these attribution words, resolved
  against the publication date; ``medium`` is the channel they name (a post on X, an interview,
  a statement), never a listener ("told Parliament").
* REPORTED: ``<speaker> [also] <verb> [details] that <clause>`` gives the clause after "that";
  "said", "says", "added", "wrote", "told" and kin may omit "that" when a clause follows
  directly. Verbs of calling on, urging, pledging and announcing take an object, so their text
  runs from the verb ("urged allies to spend more"). Negated or modal verbs ("did not say",
  "would say") are no frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.people import INTRO
from knowledge.extract.statements.speakers import Cast, Speaker, speaker_at
from knowledge.extract.timeref import find_times
from knowledge.models import PartialDate, TimeRef

OBJECT_VERBS = (
    "called on|calls on|called for|calls for|urged|urges|reaffirmed|reaffirms|pledged|pledges"
    "|promised|promises|vowed|vows|reiterated|reiterates|demanded|demands|compared|compares"
)
_CLAUSE_VERBS = (
    "said|says|stated|states|stressed|stresses|added|adds|warned|warns|argued|argues|noted|notes|told|tells"
    "|insisted|insists|claimed|claims|declared|declares|emphasi[sz]ed|emphasi[sz]es|wrote|writes|explained"
    "|explains|acknowledged|acknowledges|confirmed|confirms|maintained|maintains|suggested|suggests"
    "|believes|believed|predicted|predicts|cautioned|cautions|asserted|asserts|contended|contends|observed"
    "|remarked|replied|replies|responded|responds|posted|posts|tweeted|admitted|admits|conceded|concedes"
    "|estimated|estimates|countered|counters|recalled|recalls|agreed|agrees|complained|complains"
    "|announced|announces|reckoned|reckons|thinks|thought|hopes|hoped|expects|expected|put it|went on|continued"
    "|objected|protested|boasted|joked|quipped|conceded|signalled|signaled|indicated|indicates|assured"
    "|reassured|reminded|told reporters|wrote back|shot back|fired back|pointed out|points out|written"
    "|once put it|put it"
)
VERB = rf"(?:{OBJECT_VERBS}|{_CLAUSE_VERBS})"
# Verbs that may drop "that" before their clause: "She said the army is ready".
_THAT_OPTIONAL = frozenset(
    [
        "said",
        "says",
        "added",
        "adds",
        "wrote",
        "writes",
        "told",
        "tells",
        "warned",
        "warns",
        "argued",
        "argues",
        "insisted",
        "insists",
        "claimed",
        "claims",
        "believes",
        "believed",
        "noted",
        "notes",
        "stressed",
        "stresses",
        "predicted",
        "predicts",
        "admitted",
        "admits",
        "estimated",
        "estimates",
        "posted",
        "posts",
        "thinks",
        "thought",
        "hopes",
        "hoped",
        "expects",
        "expected",
        "stated",
        "states",
        "declared",
        "declares",
        "acknowledged",
        "acknowledges",
        "suggested",
        "suggests",
        "confirmed",
        "confirms",
        "maintained",
        "maintains",
        "reckoned",
        "reckons",
        "cautioned",
        "cautions",
        "signalled",
        "signaled",
        "indicated",
        "indicates",
        "conceded",
        "concedes",
    ]
)
_ADVERBS = (
    "also|again|later|repeatedly|previously|once|further|then|recently|publicly|separately|has|had|have"
    "|only|privately|bluntly|simply|flatly|openly|quickly|firmly|earlier|herself|himself|itself|already"
)
_VERB_AFTER_SUBJECT = re.compile(rf"(?:,\s[^,“”\"‘]{{1,120}},)?,?\s+(?:(?:{_ADVERBS})\s+)*(?P<verb>{VERB})\b")
_VERB_FIRST = re.compile(rf"\s*(?:(?:{_ADVERBS})\s+)?(?P<verb>{VERB})\s+")
_THAT_CLAUSE = re.compile(r"(?P<extras>[^“”\".;‘]{0,100}?)\bthat\s+(?P<clause>\S.*)$", re.S)
# Prepositional attribution details allowed between a speech verb and the quote it introduces.
_ATTRIBUTION_DETAILS = re.compile(
    r"(?:,?\s+(?:in|on|at|during|before|after|from|via|with|last|this|next|to|earlier|later|afterwards"
    r"|only|again|also|simply|bluntly|late|early|when|as|while)\b[^,:“”\"‘]*)*\s*[,:]?\s*"
)
CLAUSE_START = re.compile(
    r"(?:[A-Z0-9]|(?:the|a|an|it|he|she|they|we|there|this|these|those|his|her|its|their|our|no|all|some"
    r"|most|more|every|each|both|many|few|several|such|any|one|two|europe|nato)\b)"
)
_MEDIUM_NOUNS = (
    "report|statement|interview|letter|op-ed|article|post|speech|essay|column|memo|book|blog|tweet"
    "|podcast|address|press release|briefing|message|editorial|foreword|newsletter|video|broadcast"
    "|press conference|news conference|hearing|debate|reply|thread|graphic"
)
_PLATFORMS = (
    "X|Twitter|Facebook|Instagram|Telegram|LinkedIn|Truth Social|Bluesky|YouTube|TikTok|Threads"
    "|Mastodon|Weibo|WhatsApp|Substack|social media"
)
_MEDIUM_PATTERNS = (
    re.compile(
        rf"\b(?:in|on|at|during)\s+(?P<medium>(?:(?!in\b|on\b)[\w’'.-]+\s+){{0,6}}?(?:{_MEDIUM_NOUNS})s?\b"
        rf"(?:\s+(?:with|to|for|on)\s+(?:the\s+)?(?:{_PLATFORMS}|[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*)*))?)"
    ),
    re.compile(
        rf"\b(?:on|to)\s+(?P<medium>{_PLATFORMS}|(?:state |national |public )?(?:television|TV|radio))(?!\w)"
    ),
    re.compile(
        r"\btold\s+(?P<medium>(?:state |national |public )?(?:television|TV|radio)"
        r"|(?:the |The )?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,3})(?=\s+(?:that|in|on)\b|[,.;:]|\s*$)"
    ),
    re.compile(r"\b(?P<medium>posted|tweeted)\b"),
)
_LEADING_MEDIUM = re.compile(
    rf"(?:in|on|at|during)\s+(?:an?|the|his|her|their|its)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_MEDIUM_NOUNS})\b"
    rf"|on\s+(?:{_PLATFORMS})\b|to\s+(?:reporters|journalists|lawmakers|parliament|MPs)\b"
)
# Audiences, not outlets: "told Parliament that ..." names no medium.
_AUDIENCES = re.compile(
    r"parliament|congress|senate|house|cabinet|bundestag|nato|reporters|lawmakers|mps|journalists", re.I
)
_TOLD_OBJECT = re.compile(r"^\s+(?:[\w.’'-]+\s*){1,6}?(?=[,:]|\s+(?:in|on|at|that)\b|\s*$)")
_STAMP = re.compile(r"[^—–\n]{1,40}?\s[—–]{1,2}\s+(?:Update:\s+)?")  # "TALLINN — ", "09:15 CET — Update: "
_AS = re.compile(r"As\s+")
_CHARACTERIZING = re.compile(
    rf"(?:,\s[^,“”\"‘]{{1,120}},)?,?\s+(?:(?:{_ADVERBS})\s+)*"
    r"(?P<verb>called|calls|described|describes|dismissed|branded|labelled|labeled|hailed)\b"
)
_RELATIVE_SPEECH = re.compile(rf",\s+who\s+(?:(?:{_ADVERBS})\s+)*(?:{VERB})\b")
_NEGATED = re.compile(r"\b(?:not|never|n’t|n't|would|could|might|may|will)\s*$")


@dataclass(frozen=True, slots=True)
class Frame:
    """A speaker, the speech verb that follows them, and where the attribution's words are."""

    speaker: Speaker
    verb: str
    verb_start: int
    verb_end: int
    lead: str  # the words before the speaker: an introductory phrase and titles


def frame(text: str, cast: Cast, *, allow_intro: bool) -> Frame | None:
    """Return the speaker who opens text as subject and the speech verb right after them."""
    for start in _subject_starts(text, allow_intro=allow_intro):
        speaker, end = speaker_at(text, start, cast)
        verb = _VERB_AFTER_SUBJECT.match(text, end) if speaker else None
        if speaker and verb and not _NEGATED.search(text[end : verb.start("verb")]):
            return Frame(speaker, verb.group("verb"), verb.start("verb"), verb.end("verb"), text[:start])
    return None


def _subject_starts(text: str, *, allow_intro: bool) -> list[int]:
    """Return where a sentence's subject may start: its start, after a dateline or time stamp
    ("TALLINN — ", "09:15 CET — "), after "As" ("As Jane Doe put it, ...") and after an
    introductory phrase ("In 2019, ")."""
    starts = [len(text) - len(text.lstrip())]
    stamp = _STAMP.match(text)
    if stamp:
        starts.append(stamp.end())
    if allow_intro:
        starts += [
            match.end() for match in (_AS.match(text, starts[-1]), INTRO.match(text, starts[-1])) if match
        ]
    return starts


def subject_of(text: str, cast: Cast) -> Speaker | None:
    """Return the speaker a sentence opens with (an introductory phrase allowed), whatever its verb."""
    for start in _subject_starts(text, allow_intro=True):
        speaker, end = speaker_at(text, start, cast)
        if speaker and re.match(r"[\s,]", text[end : end + 1] or " ") and not text[end:].startswith(" and "):
            return speaker
    return None


def relative_speaker(text: str, cast: Cast) -> Speaker | None:
    """Return the person a relative clause makes the speaker: "a message from Jane Doe, who wrote: …"."""
    found = None
    for mention in cast.index.find(text):
        if not mention.possessive and _RELATIVE_SPEECH.match(text, mention.end):
            found = Speaker(mention.name)
    return found


def attribution_after(segment: str, cast: Cast) -> tuple[Speaker, str, str] | None:
    """Return (speaker, attribution details, rest) for the words after a quotation."""
    body = segment.lstrip(" ,—–-")
    found = frame(body, cast, allow_intro=False)
    if found is not None:
        details, _, rest = body[found.verb_start :].partition(",")
        return found.speaker, details, rest
    verb_first = _VERB_FIRST.match(body)
    if verb_first is None:
        return None
    speaker, end = speaker_at(body, verb_first.end(), cast)
    if speaker is None:
        return None
    details, _, rest = re.sub(r"^,\s+(?:a|an|the|who)\s+[^,]*", "", body[end:]).partition(",")
    return speaker, f"{verb_first.group('verb')} {details}", rest


def only_details(words: str, verb: str) -> bool:
    """Return whether the words after a verb only say where, when, how or to whom it was said."""
    if verb.startswith("told") or verb in ("tells", "assured", "reminded", "reassured"):
        words = _TOLD_OBJECT.sub("", words)  # its object comes first: "told reporters"
    return bool(_ATTRIBUTION_DETAILS.fullmatch(words))


def reported_clause(text: str, cast: Cast) -> tuple[Frame, int, str] | None:
    """Return the frame, where the reported clause starts, and the attribution details between."""
    found = frame(text, cast, allow_intro=True)
    if found is None:
        return None
    rest = text[found.verb_end :]
    that = _THAT_CLAUSE.match(rest)
    if that and only_details(that.group("extras"), found.verb):
        return found, found.verb_end + that.start("clause"), that.group("extras")
    if re.fullmatch(OBJECT_VERBS, found.verb):
        return found, found.verb_start, ""
    if found.verb not in _THAT_OPTIONAL:
        return None
    details_end = skip_details(rest, found.verb, cast.published)
    if not CLAUSE_START.match(rest, details_end):
        return None
    return found, found.verb_end + details_end, rest[:details_end]


def characterization(text: str, cast: Cast) -> tuple[Frame, int, str] | None:
    """Return a frame of calling something a name ("X called the cut ‘a false economy’"), clause from the verb.

    Only with quoted words after it: without them "called" is as often a telephone call.
    """
    for start in _subject_starts(text, allow_intro=True):
        speaker, end = speaker_at(text, start, cast)
        verb = _CHARACTERIZING.match(text, end) if speaker else None
        if speaker and verb:
            found = Frame(speaker, verb.group("verb"), verb.start("verb"), verb.end("verb"), text[:start])
            return found, found.verb_start, ""
    return None


def skip_details(rest: str, verb: str, published: PartialDate | None) -> int:
    """Return where the clause after the verb starts, past its object, times and media."""
    position = len(rest) - len(rest.lstrip())
    if verb.startswith("told") or verb == "tells":
        listener = re.match(
            r"(?:the\s+)?(?:reporters|journalists|lawmakers|parliament|MPs|[A-Z][\w’'.-]*"
            r"(?:\s+[A-Z][\w’'.-]*){0,3})\s+",
            rest[position:],
        )
        if listener is None:
            return len(rest)  # "told" needs its listener before the clause
        position += listener.end()
    while length := _detail_length(rest[position:], published):
        position += length
        position += len(rest[position:]) - len(rest[position:].lstrip(" ,"))
    return position


def _detail_length(words: str, published: PartialDate | None) -> int:
    """Return the length of a time ("on Tuesday") or medium ("in a statement") opening words, else 0."""
    medium = _LEADING_MEDIUM.match(words)
    if medium:
        return medium.end()
    return next((end for _ref, start, end in find_times(words, published) if start == 0), 0)


def when_of(attribution: str, published: PartialDate | None) -> TimeRef | None:
    """Return the first time named in an attribution's words, resolved."""
    times = find_times(attribution, published)
    return times[0][0] if times else None


def medium_of(attribution: str, cast: Cast) -> str | None:
    """Return where the words appeared, as written, when the attribution says so."""
    for pattern in _MEDIUM_PATTERNS:
        match = pattern.search(attribution)
        medium = match.group("medium") if match else ""
        if medium in ("posted", "tweeted"):
            return "post"
        # "told Parliament" and "told Jane Doe" name listeners, not outlets.
        if medium and not _AUDIENCES.fullmatch(medium.removeprefix("the ")) and not cast.index.find(medium):
            return medium
    return None
