"""Who a subject phrase names: a known person, a role noun, a pronoun, a document or an unnamed source.

Rules:

* A known person: their full name, surname or a title plus either ("President Macron"), never
  possessive ("Macron's aides" is no speaker).
* A subject pronoun ("he", "she"; "they" only right after the person was named) is the person the
  article last named (``PersonIndex.referents``).
* A role noun ("the foreign minister", "the Danish leader", "the chair") is the person last
  mentioned whose stated role has the noun's head and every other word of the phrase; a generic
  head ("leader") also fits a head of government. Nobody fits: no speaker.
* An unnamed source opens with an indefinite word or is a bare plural, and ends in a source noun:
  "a senior NATO official", "one diplomat", "officials", "two European ambassadors". It is kept as
  written, as an unnamed speaker, never given to a named person.
* A document or body speaks through its noun: "the communiqué", "the final declaration", "the
  Belgian government", "the defence ministry" (type document), kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.people import PersonIndex, Referent, is_title_prefix
from knowledge.models import PartialDate, SpeakerType


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


_PRONOUN = re.compile(r"(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey)\b")
_GENERIC_HEADS = {
    "leader": ("president", "prime minister", "chancellor", "premier", "leader"),
    "premier": ("prime minister", "premier"),
}
_ROLE_HEADS = (
    "prime minister|minister|president|chancellor|premier|secretary general|secretary-general|secretary"
    "|leader|chair|chairman|chairwoman|chief|commander|spokesperson|spokesman|spokeswoman|ambassador"
    "|envoy|general|admiral|governor|mayor|senator|director|head|king|queen"
)
_ROLE_NOUN = re.compile(
    rf"(?P<phrase>(?:[Tt]he|[Hh]er|[Hh]is)\s+(?P<words>(?:[\w’'.-]+\s+){{0,3}}?)(?P<head>{_ROLE_HEADS}))\b"
    r"(?![’']s\b)"
)
# Any noun may name a role the article stated: "the engineer" for "a process engineer at the plant".
_DESCRIBED = re.compile(
    r"(?:[Tt]he)\s+(?P<words>(?:[a-z][\w’'-]*\s+){0,2}?)(?P<head>[a-z][\w-]{3,})\b(?![’'])"
)
_SOURCE_NOUNS = (
    "officials?|diplomats?|sources?|aides?|spokes(?:person|man|woman)|ministers?|ambassadors?|advisers?"
    "|advisors?|commanders?|officers?|lawmakers?|negotiators?|insiders?|analysts?|people familiar[^,]*?"
    "|person familiar[^,]*?|members?|envoys?"
)
_UNNAMED = re.compile(
    r"(?P<phrase>(?:(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Tt]op|[Ss]enior)\s+)"
    rf"(?:[\w’'.@-]+\s+){{0,4}}?(?:{_SOURCE_NOUNS})|(?:[A-Z][\w’'-]*\s+){{0,2}}"
    r"(?:[Oo]fficials|[Dd]iplomats|[Ss]ources|[Aa]ides|[Mm]inisters|[Ll]awmakers|[Nn]egotiators))\b"
    r"(?![’']s?\b)"
)
_DOCUMENT_NOUNS = (
    "communiqué|communique|declaration|statement|report|government|ministry|department|office|commission"
    "|council|secretariat|administration|kremlin|pentagon|white house"
)
_DOCUMENT = re.compile(
    rf"(?P<phrase>(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w’'-]+\s+){{0,3}}?(?i:{_DOCUMENT_NOUNS}))\b(?![’']s\b)"
)


def speaker_at(text: str, start: int, cast: Cast) -> tuple[Speaker | None, int]:
    """Return the speaker whose name opens text at start (titles allowed) and where it ends."""
    pronoun = _PRONOUN.match(text, start)
    if pronoun:
        name = resolve_pronoun(pronoun.group("pronoun"), cast)
        return (Speaker(name) if name else None), pronoun.end()
    mention = cast.index.first_from(text, start)
    if mention and is_title_prefix(text[start : mention.start]) and not mention.possessive:
        return Speaker(mention.name), mention.end
    role = _ROLE_NOUN.match(text, start)
    if role:
        name = _by_role(role.group("words"), role.group("head"), cast)
        return (Speaker(name) if name else None), role.end()
    described = _DESCRIBED.match(text, start)
    if described and (name := _by_role(described.group("words"), described.group("head"), cast)):
        return Speaker(name), described.end()  # "the engineer": a word of someone's stated role
    unnamed = _UNNAMED.match(text, start)
    if unnamed:
        return Speaker(_as_written(unnamed.group("phrase")), SpeakerType.UNNAMED), unnamed.end()
    document = _DOCUMENT.match(text, start)
    if document:
        return Speaker(_as_written(document.group("phrase")), SpeakerType.DOCUMENT), document.end()
    return None, start


def resolve_pronoun(pronoun: str, cast: Cast) -> str | None:
    """Return the person a subject pronoun refers to, if known."""
    referent = cast.referent
    if referent is None:
        return None
    # "They" is as often a group as a person: only the person named just before qualifies.
    return referent.name if pronoun.lower() != "they" or referent.passage == cast.position - 1 else None


def _by_role(words: str, head: str, cast: Cast) -> str | None:
    """Return the person last mentioned whose stated role fits a role noun, if any."""
    heads = _GENERIC_HEADS.get(head.lower(), (head.lower(),))
    wanted = [w for w in words.lower().split() if w not in ("the", "then", "former")]
    for name in reversed(cast.recent):
        role = f" {cast.roles.get(name, '')} "
        if any(f" {h} " in role or f" {h}-" in role for h in heads) and all(w in role for w in wanted):
            return name
    return None


def _as_written(phrase: str) -> str:
    """Return a source phrase as it would stand mid-sentence: "A senior official" -> "a senior official"."""
    first, _, rest = phrase.partition(" ")
    if first in (
        "A",
        "An",
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
    ) or (re.fullmatch(_SOURCE_NOUNS, first.lower())):
        first = first.lower()  # "Diplomats said" -> "diplomats"; "Spanish officials" keeps its capital
    return " ".join(f"{first} {rest}".split())
