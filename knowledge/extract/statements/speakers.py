"""Who a subject phrase names: a known person, a role noun, a pronoun, a document or an unnamed source.

Rules:

* A known person: their full name, surname or a title plus either ("President Macron"), never
  possessive ("Macron's aides" is no speaker).
* A subject pronoun ("he", "she"; "they" only right after the person was named) is the person the
  article last named (``PersonIndex.referents``), unless the article marks that person's gender
  otherwise (``gender``): then it is the last-mentioned person it marks as agreeing, or nobody.
* A role noun ("the foreign minister", "the Danish leader", "the chair") is the person last
  mentioned whose stated role has the noun's head and every other word of the phrase; a generic
  head ("leader") also fits a head of government. Nobody mentioned yet fits: the one person of
  the article whose role fits, if only one does; else no speaker.
* An unnamed source opens with an indefinite word or is a bare plural, and ends in a source noun:
  "a senior NATO official", "one diplomat", "officials", "two European ambassadors"; a group of
  people ("residents", "two boatmen", "several dock workers"); or it is
  "one of them" (whoever "them" are, the words are not given to anyone named). It is kept as
  written, as an unnamed speaker, never given to a named person -- unless the article names it
  in apposition: "A government spokesman, Jan Lis, said" is Jan Lis.
* "the official" (a singular source noun after "the") is the unnamed source met before; a role
  the article gave someone ("the spokesman" for a named spokesman) is tried first.
* A social-media account ("@DefenceHQ") is the known person whose name it spells, else it speaks
  as itself (type document), kept as written.
* "the document" or "the text" is the document that spoke last in the article, if any.
* A document or body speaks through its noun: "the communiqué", "the final declaration", "the
  Belgian government", "the defence ministry", "Germany's defence ministry" (type document),
  kept as written; a country as the
  subject of a speech verb ("Belgium said") is its government, kept as written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from knowledge.extract.people import HONORIFIC_PREFIX, Mention, PersonIndex, Referent, is_title_prefix
from knowledge.extract.statements.gender import PRONOUN_GENDER
from knowledge.gazetteer import find_country_mentions, find_demonyms
from knowledge.models import PartialDate, SpeakerType
from knowledge.wordscan import PASSAGE_CACHE


@dataclass(frozen=True, slots=True)
class Speaker:
    """A statement's speaker: a canonical name (or a phrase as written) and its type."""

    name: str
    type: SpeakerType = SpeakerType.PERSON


@dataclass(frozen=True, slots=True)
class Cast:
    """What resolving a subject needs: the people, their roles and who was mentioned last."""

    index: PersonIndex
    roles: dict[str, str]  # canonical name -> stated role, lower-cased
    recent: list[str]  # canonical names, most recently mentioned last
    referent: Referent | None
    position: int  # the passage being read
    published: PartialDate | None
    genders: dict[str, str] = field(default_factory=dict)  # canonical name -> "f" or "m", when marked
    document: str | None = None  # the document that spoke last: what "the document" refers to
    author: str | None = None  # the op-ed author "I" is, outside anyone's quoted words
    outlet: str | None = None  # the publication: a turn label with its name is its interviewer asking


_PRONOUN = re.compile(r"(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey)\b")
_FIRST_PERSON_I = re.compile(r"I(?=\s)")
_OTHER_TELLER = re.compile(
    r",\s+(?:he|she|they|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+(?:wrote|writes|said|says|recalled|recalls|added|told)\b"
)
_GENERIC_HEADS = {
    "leader": ("president", "prime minister", "chancellor", "premier", "leader"),
    "premier": ("prime minister", "premier"),
    # "the NATO chief", "the alliance chief": an organisation's head is its secretary general
    "chief": ("chief", "secretary general", "secretary-general"),
}
_ROLE_HEADS = (
    "prime minister|minister|president|chancellor|premier|secretary general|secretary-general|secretary"
    "|leader|chair|chairman|chairwoman|chief|commander|spokesperson|spokesman|spokeswoman|ambassador"
    "|envoy|general|admiral|governor|mayor|senator|director|head|king|queen"
)
_ROLE_NOUN = re.compile(
    rf"(?P<phrase>(?:[Tt]he|[Hh]er|[Hh]is|[Ii]ts|[Tt]heir)\s+(?P<words>(?:[\w’'.-]+\s+){{0,3}}?)(?P<head>(?i:{_ROLE_HEADS})))\b"
    r"(?![’']s\b)"
)
# Any noun may name a role the article stated: "the engineer" for "a process engineer at the plant".
# "Italy's defence minister": a possessor's role, named only by the apposition after it.
_POSSESSOR_ROLE = re.compile(
    rf"[A-Z][\w-]+[’']s\s+(?P<words>(?:[\w’'.-]+\s+){{0,3}}?)(?P<head>(?i:{_ROLE_HEADS}))\b"
)
_TITLE_REACH = 160  # characters from a subject's start to the end of its name
# ", Jane Doe," after a role, or in brackets as parliamentary reports write it: "the Minister (Mr Colin Ashworth)"
_APPOSITION_COMMA = re.compile(rf",\s+|\s+\((?=[^()\n]{{3,60}}\)){HONORIFIC_PREFIX}?")
_DESCRIBED = re.compile(
    r"(?:[Tt]he)\s+(?P<words>(?:[a-z][\w’'-]*\s+){0,2}?)(?P<head>[a-z][\w-]{3,})\b(?![’'])"
)
_SOURCE_NOUNS = (
    "officials?|diplomats?|sources?|aides?|spokes(?:person|man|woman)|ministers?|ambassadors?|advisers?"
    "|advisors?|commanders?|officers?|lawmakers?|negotiators?|insiders?|analysts?|people familiar[^,]*?"
    "|person familiar[^,]*?|people close to(?:\\s+[\\w’'.-]+){1,4}?|person close to(?:\\s+[\\w’'.-]+){1,4}?|members?|envoys?|critics?|experts?|rivals?|opponents?|supporters?|colleagues?"
)
# People speaking as a group: "residents said", "two boatmen said".
_COLLECTIVE = (
    "residents|witnesses|locals|workers|farmers|voters|protesters|campaigners|economists|scientists"
    "|engineers|researchers|investors|traders|doctors|teachers|fishermen|boatmen|villagers"
    "|parents|students|activists|executives|soldiers|veterans|officers|organisers|organizers|participants"
)
# "Residents" or "residents": spelt out, since a case-insensitive group is slow at every position.
_CAPITALISABLE_COLLECTIVE = "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in _COLLECTIVE.split("|"))
# A counted group of any plural noun but a unit of time: "three dock workers", not "two years".
_COUNTED = (
    r"(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?!(?:years|months|weeks|days|hours|minutes|times|decades|percent)\b)[a-z][\w-]*[a-z]s"
)
_UNNAMED = re.compile(
    r"(?P<phrase>(?:[Oo]ne|[Tt]wo|[Ss]ome|[Bb]oth|[Nn]either|[Ee]ach)\s+of\s+them"
    # "the official", "the diplomat": the unnamed source met before ("a senior official")
    r"|[Tt]he\s+(?:official|diplomat|source|insider|aide|negotiator|spokes(?:person|man|woman))"
    r"(?=[,.:;]|\s+(?:who|has|had|also|later|then|said|says|told|tells|wrote|writes|put|[a-z]+ed)\b)"
    r"|(?:(?:[Aa]n?|[Aa]nother|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Tt]op|[Ss]enior)\s+)"
    rf"(?:[\w’'.@-]+\s+){{0,4}}?(?:{_SOURCE_NOUNS})|{_COUNTED}|(?:[A-Z][\w’'-]*\s+){{0,2}}"
    r"(?:[Oo]fficials|[Dd]iplomats|[Ss]ources|[Aa]ides|[Pp]eople close to(?:\s+[\w’'.-]+){1,4}?|[Mm]inisters|[Ll]awmakers|[Nn]egotiators|[Cc]ritics"
    rf"|[Aa]nalysts|[Ee]xperts|{_CAPITALISABLE_COLLECTIVE}))\b"
    r"(?![’']s?\b)(?!\s+[A-Z][a-z])"  # "Residents Association" is a body's name
)
_STAFF = re.compile(
    r"[’']s?\s+(?:(?:chief|senior|top|former|deputy|press|own)\s+)?"
    r"(?:spokes(?:person|man|woman)|aides?|advisers?|advisors?|lawyers?)\b"
)
_GROUP_NOUN = re.compile(f"{_SOURCE_NOUNS}|{_COLLECTIVE}")
# The last word of a role's noun phrase: before a preposition, a comma or the end.
_PHRASE_END = re.compile(r"([\w-]+)(?=$|[,;]|\s+(?:at|of|for|in|on|with|to|and|from)\b)")
_BACK_REFERENCE = re.compile(r"[Tt]he\s+(?:document|text)\b(?![’']s\b)")
_HANDLE = re.compile(r"@(?P<name>[A-Za-z][\w.]{2,40}\w)\b(?![’']s\b)")
_DOCUMENT_NOUNS = (
    "communiqué|communique|declaration|statement|report|government|ministry|department|office|commission|agency"
    "|council|secretariat|administration|kremlin|pentagon|white house"
)
# A body's proper name may go on with "of": "the Ministry of National Defence"; a country or an
# organisation may own it: "Germany's defence ministry", "the EU's executive commission".
_POSSESSOR = r"(?:[Tt]he\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?[’']s"
_DOCUMENT = re.compile(
    rf"(?P<phrase>(?:[Tt]he|[Ii]ts|[Tt]heir|{_POSSESSOR})\s+(?:[\w’'-]+\s+){{0,3}}?(?i:{_DOCUMENT_NOUNS})"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})?)\b(?![’']s\b)"
)


def speaker_at(text: str, start: int, cast: Cast) -> tuple[Speaker | None, int]:
    """Return the speaker whose name opens text at start (titles allowed) and where it ends."""
    if cast.author is not None and (first := _FIRST_PERSON_I.match(text, start)):
        if _OTHER_TELLER.search(text, first.end()):
            return None, first.end()  # "As I told the allies, he wrote, “...”": his "I", not the author's
        return Speaker(cast.author), first.end()  # "As I told the North Atlantic Council in 2018, “...”"
    pronoun = _PRONOUN.match(text, start)
    if pronoun:
        name = resolve_pronoun(pronoun.group("pronoun"), cast)
        if name and cast.referent is not None and cast.referent.unnamed and name == cast.referent.name:
            return Speaker(name, SpeakerType.UNNAMED), pronoun.end()  # "A senior official ... he said"
        return (Speaker(name) if name else None), pronoun.end()
    # Titles before a name are short: searching a bounded window keeps callers that try many
    # starts in one sentence (after each comma) linear in its length.
    mention = cast.index.first_from(text[: start + _TITLE_REACH], start)
    if mention and is_title_prefix(text[start : mention.start]) and not mention.possessive:
        # a short note in brackets after the name is still the subject: "General Sir Malcolm
        # Fenwick (retd), a former Vice Chief of the Defence Staff, told ...", "Jane Doe (Lab) said"
        noted = _NAME_NOTE.match(text, mention.end)
        return Speaker(mention.name), noted.end() if noted else mention.end
    if mention and mention.possessive and is_title_prefix(text[start : mention.start]):
        # "Doe's spokesman said": her staff speak for her, as an unnamed source, never as her
        staff = _STAFF.match(text, mention.end)
        if staff and (named := _apposed_name(text, staff.end(), cast)) is not None:
            return Speaker(named.name), named.end  # "Doe's spokesman, John Roe, said"
        if staff:
            return Speaker(" ".join(text[start : staff.end()].split()), SpeakerType.UNNAMED), staff.end()
    role = _ROLE_NOUN.match(text, start)
    if role:
        named = _apposed_name(text, _past_portfolio(text, role.end()), cast)
        if named is not None:
            return Speaker(named.name), named.end  # "the council's chair, Jane Doe, said"
        name = _by_role(role.group("words"), role.group("head"), cast)
        if name is None and role.group("head").lower().startswith("spokes"):
            # "the spokesperson said": the unnamed one the article spoke of (see _unnamed_again)
            return Speaker(_as_written(role.group("phrase")), SpeakerType.UNNAMED), role.end()
        return (Speaker(name) if name else None), role.end()
    apposed = _DESCRIBED.match(text, start) or _POSSESSOR_ROLE.match(text, start)
    if apposed and (named := _apposed_name(text, _past_portfolio(text, apposed.end()), cast)) is not None:
        return Speaker(
            named.name
        ), named.end  # "the host, Jane Doe, said"; "Italy's minister, Jane Doe, said"
    described = _DESCRIBED.match(text, start)
    if described and (name := _by_role(described.group("words"), described.group("head"), cast, final=True)):
        return Speaker(name), described.end()  # "the engineer": a word of someone's stated role
    back = _BACK_REFERENCE.match(text, start) if cast.document else None
    if back and cast.document:
        return Speaker(cast.document, SpeakerType.DOCUMENT), back.end()  # "the document": the one that spoke
    handle = _HANDLE.match(text, start) if text.startswith("@", start) else None
    if handle:
        # "@Jane_Doe" is Jane Doe when the article names her; else the account speaks as itself
        owner = handle_person(handle.group("name"), cast)
        return (Speaker(owner) if owner else Speaker(handle.group(0), SpeakerType.DOCUMENT)), handle.end()
    unnamed = _UNNAMED.match(text, start)
    if unnamed and (named := _apposed_name(text, _past_portfolio(text, unnamed.end()), cast)) is not None:
        return Speaker(named.name), named.end  # "A government spokesman, Jan Lis, said": Lis
    if unnamed:
        return Speaker(_as_written(unnamed.group("phrase")), SpeakerType.UNNAMED), unnamed.end()
    owned = mention is not None and mention.possessive and is_title_prefix(text[start : mention.start])
    document = _DOCUMENT.match(text, start) if not owned else None  # "Doe's office was shut": no body
    if document:
        return Speaker(_as_written(document.group("phrase")), SpeakerType.DOCUMENT), document.end()
    country = _country_at(text, start)
    if country is not None:
        return Speaker(text[start:country], SpeakerType.DOCUMENT), country  # "Belgium said": its government
    return None, start


_NAME_NOTE = re.compile(r"(?:\s+\([^()\n]{1,30}\)){1,2}(?=[\s,])")


def _past_portfolio(text: str, end: int) -> int:
    """Return where a role's portfolio ends, or end when none follows: "the Secretary of State| for
    Defence|, John Carver"."""
    portfolio = _PORTFOLIO.match(text, end)
    return portfolio.end() if portfolio else end


_PORTFOLIO = re.compile(
    r"\s+(?:for|of|to)\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?(?:[\w’'-]+\s+){0,2}?[\w’'-]+(?=,\s|\s+\()"
)


def _country_at(text: str, start: int) -> int | None:
    """Return where a country's name that opens text at start ends, unless it is possessive."""
    if not text[start : start + 1].isupper():
        return None
    found = find_country_mentions(text[start : start + 40])
    if not found or found[0][1] != 0:
        return None
    end = start + found[0][2]
    return None if text[end : end + 1] in ("'", "’") else end


def _apposed_name(text: str, end: int, cast: Cast) -> Mention | None:
    """Return the person whose name follows a role noun as its apposition (", Jane Doe,"), if any."""
    comma = _APPOSITION_COMMA.match(text, end)
    if comma is None:
        return None
    mention = cast.index.first_from(text[: comma.end() + 80], comma.end())
    if mention is None or mention.possessive or not is_title_prefix(text[comma.end() : mention.start]):
        return None  # "the host, Turkish Foreign Minister Jane Doe,": titles may come first
    if text.startswith("(", comma.start() + 1) or text[comma.start() : comma.end()].lstrip().startswith("("):
        close = re.match(r"\s*\)", text[mention.end : mention.end + 3])
        return replace(mention, end=mention.end + close.end()) if close else None
    return mention if re.match(r"\s*[,:]|\.?\s*$", text[mention.end : mention.end + 3]) else None


def handle_person(handle: str, cast: Cast) -> str | None:
    """Return the known person an account's handle spells, if any: "Jane_Doe", "jane.doe", and
    in camel case with an office's letters after the name ("DanMoreauMND", "ClaireBoudreauMP")."""
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", re.sub(r"[_.]+", " ", handle)).split()
    while words and words[-1].isupper() and len(words) > 1:
        words.pop()  # "MND", "MP": the office, not the name
    name = cast.index.resolve(" ".join(words)) if words else None
    if name is None and len(words) == 2:
        # "DanMoreau": the surname, when the word before it begins the person's first name (a
        # parody's "ParodyRutte" or "NotMarkRutte" is not Mark Rutte)
        by_surname = cast.index.resolve(words[1])
        first = by_surname.split()[0].lower() if by_surname else ""
        if by_surname is not None and len(words[0]) >= 2 and first.startswith(words[0].lower()):
            name = by_surname
    return name


def resolve_pronoun(pronoun: str, cast: Cast) -> str | None:
    """Return the person a subject pronoun refers to, if known."""
    referent = cast.referent
    if referent is None:
        return None
    wanted = PRONOUN_GENDER.get(pronoun.lower())
    if wanted is not None and cast.genders.get(referent.name, wanted) != wanted:
        # "she" after a man is the woman mentioned last, if the article marks one; else nobody
        return next((n for n in reversed(cast.recent) if cast.genders.get(n) == wanted), None)
    # "They" is as often a group as a person: only the person named just before qualifies.
    return referent.name if pronoun.lower() != "they" or referent.passage == cast.position - 1 else None


def _by_role(words: str, head: str, cast: Cast, *, final: bool = False) -> str | None:
    """Return the person last mentioned whose stated role fits a role noun, if any.

    With ``final``, the noun must be the head of the stated role, its last noun before a
    preposition: "the engineer" is "a process engineer at the plant", but "the finance ministry"
    is not the "finance minister" (a word that only qualifies a role names nobody).
    """
    heads = _GENERIC_HEADS.get(head.lower(), (head.lower(),))
    wanted = [w for w in words.lower().split() if w not in ("the", "then", "former")]
    asked = (heads, tuple(wanted), final)
    roles = cast.roles
    for name in reversed(cast.recent):
        if _fits_role(roles.get(name, ""), asked):
            return name
    # Nobody mentioned yet holds it: a release may say "The Minister said:" before naming her. A
    # spokesperson not yet named is the unnamed one of "A government spokesperson said ...".
    if head.lower().startswith("spokes"):
        return None
    holders = [name for name, role in roles.items() if _fits_role(role, asked)]
    if holders:
        return holders[0] if len(holders) == 1 else None
    # "the French president" when the article's only president is stated without a country: the
    # nationality adds nothing the role contradicts. Two presidents, or one of another country: nobody.
    local = [w for w in wanted if not _names_place(w)]
    if local == wanted:
        return None
    holders = [
        name
        for name, role in cast.roles.items()
        if _holds(role, heads, local) and (not final or _heads_role(role, heads))
    ]
    if len(holders) != 1 or _names_place(cast.roles[holders[0]]):
        return None
    return holders[0]


# A long article mentions many people and asks for "the minister" in many sentences: each stated
# role is judged once per question, not once per person per sentence.
@functools.lru_cache(maxsize=PASSAGE_CACHE)
def _fits_role(role: str, asked: tuple[tuple[str, ...], tuple[str, ...], bool]) -> bool:
    """Return whether a stated role fits a role noun: (its heads, the wanted words, whether it must head the role)."""
    heads, wanted, final = asked
    # a deputy holds another office: "the Mayor" is not the Deputy Mayor, though "the deputy prime
    # minister and defence minister" is the defence minister
    if not any(w in _LESSER_WORDS for w in wanted) and _LESSER_OFFICE.search(role):
        role = _LESSER_OFFICE.sub(" ", role)
    return _holds(role, heads, wanted) and (not final or _heads_role(role, heads))


_LESSER_WORDS = ("deputy", "vice", "assistant", "associate", "under")
# a lesser office, to the end of its title: "deputy mayor", "vice-president", "deputy prime minister"
_LESSER_OFFICE = re.compile(
    rf"\b(?:{'|'.join(_LESSER_WORDS)})[- ](?:[\w-]+\s+){{0,2}}?[\w-]+(?=\s+and\b|,|$)", re.I
)


def _names_place(text: str) -> bool:
    """Return whether lower-cased text names a country or its people ("french", "poland's")."""
    # Roles and role nouns are compared lower-cased; the gazetteer reads capitals ("U.S.", "UK").
    for form in (" ".join(w[:1].upper() + w[1:] for w in text.split()), text.upper()):
        if find_demonyms(form) or find_country_mentions(form):
            return True
    return False


def _heads_role(stated: str, heads: tuple[str, ...]) -> bool:
    """Return whether one of the heads ends a stated role's noun phrase (before a preposition or a comma)."""
    ends = {match.group(1) for match in _PHRASE_END.finditer(stated)}
    return any(h.split()[-1] in ends for h in heads)


def _holds(stated: str, heads: tuple[str, ...], wanted: Sequence[str]) -> bool:
    """Return whether a stated role has one of the heads and every wanted word."""
    role = f" {stated} "
    return any(f" {h} " in role or f" {h}-" in role for h in heads) and all(w in role for w in wanted)


def _as_written(phrase: str) -> str:
    """Return a source phrase as it would stand mid-sentence: "A senior official" -> "a senior official"."""
    first, _, rest = phrase.partition(" ")
    if first in (
        "A",
        "An",
        "Another",
        "One",
        "Two",
        "Three",
        "Several",
        "Some",
        "Many",
        "Other",
        "The",
        "Its",
        "Their",
        "People",
    ) or _GROUP_NOUN.fullmatch(first.lower()):
        first = first.lower()  # "Diplomats said" -> "diplomats"; "Spanish officials" keeps its capital
    return " ".join(f"{first} {rest}".split())
