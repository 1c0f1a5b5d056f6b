"""Find the people an article names, with their roles as stated, and resolve later mentions.

Rules:

* A person is introduced only by a full name: two to four capitalised words, with initials and
  particles ("van", "de", "von der") allowed inside but not first. A bare surname ("Kowalski",
  "De Wit") or "President Kowalski" never introduces anyone; it can only refer to someone already
  introduced.
* Three frames introduce a name, and nothing else does:

  1. a role title right before it, made of role words with at least one head word ("Minister",
     "Secretary General", "chief"), extended to the left by qualifiers -- acronyms ("U.S.",
     "NATO"), country names, possessives and demonyms ("Poland's", "Polish") -- and one modifier
     ("former", "retired"): "former NATO Secretary General Jane Doe";
  2. an apposition holding a role word and opening like a description ("a", "the", lower case,
     a possessive, a demonym or an acronym): "Jane Doe, Poland's defence minister, said" (kept
     without its leading "a", "an" or "the"); a relation to someone else counts as a role:
     "Her successor, Jane Doe, said", "Jane Doe, his rival," (kept as "successor", "rival");
  3. a speech verb right before or after it: "Anna Kowalski said", "said Anna Kowalski" (only
     "said"-like verbs are inverted; after "told" comes a listener), or after a relative clause
     set off by commas: "Anna Kowalski, who leads the campaign, wrote".

* A name containing a country, demonym, organisation word ("Pentagon", "House"), month, weekday,
  role word or clause-opening word is not a person; such words are trimmed from its ends first.
* One record per person: the passage and spelling of the first introduction, the longest role.
* ``PersonIndex`` resolves later mentions: the full name, the surname (with its particles), or a
  title, qualifier or honorific plus either ("President Kowalski", "U.S. Senator Jane Doe",
  "Mr. Smith"), case-insensitively, with a possessive "'s" stripped. A surname two people share
  resolves to nobody. ``subject`` finds the person a sentence opens with (after titles and an
  introductory phrase; never a possessive, never one of "X and Y").
* ``PersonIndex.referents`` says whom a pronoun refers to: the person named in the latest passage
  that names anyone outside quotation marks -- the only one named there, or else the sentence's
  subject (nobody if it has no personal subject). A passage whose subject is itself a pronoun keeps
  the referent. Referents do not cross section headings.
"""

from __future__ import annotations

import bisect
import copy
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from knowledge.extract.reader import opens_paragraph
from knowledge.gazetteer import find_country_mentions, find_demonyms, find_government_seats, normalize
from knowledge.models import Article, Passage, PersonRecord
from knowledge.wordscan import finditer_from, fold_case


def _words(text: str) -> tuple[str, ...]:
    """Return the space-separated words of a word list written as one string."""
    return tuple(text.split())


# Every upper- and lower-case Latin letter, so names such as "Özdemir" or "Łukasz" match.
_UPPER = re.escape("".join(ch for ch in map(chr, range(0x41, 0x250)) if ch.isupper()))
_LOWER = re.escape("".join(ch for ch in map(chr, range(0x61, 0x250)) if ch.islower()))
_NAME_WORD = rf"[{_UPPER}](?:['’][{_UPPER}])?[{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?(?:-[{_UPPER}][{_LOWER}]+)*"
_INITIAL = rf"[{_UPPER}]\."
_PARTICLES = _words("van von de der den da di du del della la le al bin ter")
_PARTICLE = rf"(?i:{'|'.join(_PARTICLES)})"
_NAME_PART = rf"(?:{_INITIAL}\s+)?(?:{_PARTICLE}\s+)*{_NAME_WORD}"
_NAME = rf"(?:{_INITIAL}\s+)*{_NAME_WORD}(?:\s+{_NAME_PART}){{1,3}}(?![\w-])"
_COMMA = re.compile(r",\s+")
_DASH = re.compile(r"\s[—–-]\s+")  # a dateline's dash, written as a hyphen too: "OSLO, March 11 (NWS) - "
# An honorific before a name, as parliamentary reports and appositions write it: "(Mr Julian Ashcombe)".
HONORIFIC_PREFIX = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Prof|Rt\.? Hon|Hon|Lord|Lady|Baroness)\.?\s+)"
# A parliamentary record's member in capitals after an honorific: "Mr. GRAHAM PETTIGREW", "Hon. ALINE KOVAC".
_CAPS_HONORED = re.compile(
    rf"{HONORIFIC_PREFIX}(?P<name>[A-ZÀ-Þ][A-ZÀ-Þ’'.-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ’'.-]+){{1,3}})"
)
_NAME_THEN_BRACKET = re.compile(rf"(?<![\w.])(?P<name>{_NAME})\s+\((?P<role>[^()\n]{{1,60}})\)")
# "The Secretary of State (John Healey)", "the Minister for Defence Resources (Mr Julian Ashcombe)"
_BRACKET_NAME = re.compile(
    rf"(?P<role>(?:[\w’'.-]+\s+){{0,5}}?[\w’'.-]+)\s+\({HONORIFIC_PREFIX}?(?P<name>{_NAME})\)"
)
_BYLINE = re.compile(rf"^(?:[A-Z]+\s*[—–-]\s*)?By\s+(?P<name>{_NAME})(?:,\s+(?P<role>[^\n]{{2,120}}))?$")
# Markdown's strong emphasis around a few words: "**Mark Rutte**"
STRONG = re.compile(r"(?:\*\*|__)([^*_\n]{1,80}?)(?:\*\*|__)")
_NAME_CANDIDATE = re.compile(rf"(?<![\w.-]){_NAME}")
_AFTER_THE = re.compile(rf"\b[Tt]he\s+([{_UPPER}][\w’'-]*)")
_CAPITALISED_WORD = re.compile(rf"(?<![\w-])[{_UPPER}][\w’'-]*")

# Role words: heads make a title on their own; the others only qualify a head.
_ROLE_HEADS = _words(
    "president premier chancellor minister secretary secretary-general general admiral ambassador"
    " senator representative spokesperson spokesman spokeswoman commander chief director governor"
    " mayor king queen chair chairman chairwoman colonel lieutenant captain marshal envoy leader speaker councillor inspector commissioner officer"
    " attorney sen. rep. gen. adm. lt. col. capt. gov. mp mep undersecretary under-secretary"
    # a hyphenated deputy is one word: "Lithuania's vice-minister of defence Rūta Jankauskienė"
    " vice-minister vice-president vice-chancellor vice-premier vice-admiral vice-chair vice-chairman"
    " lawmaker legislator congressman congresswoman parliamentarian"  # "Opposition lawmaker Veronika Mala"
)
_ROLE_QUALIFIERS = _words(
    "vice prime deputy defense defence foreign finance interior economy trade state staff acting interim"
    " supreme allied executive special major brigadier army navy military opposition national transport energy"
    " junior senior associate assistant chief-of-staff"
    " health education justice labour labor environment agriculture culture industry treasury"
    " armed forces security intelligence"  # "French armed forces minister Claire Dubreuil"
)
# Professions that stand before a name as a title but are no office ("analyst Petar Ivanov"): not
# role heads, so such a speaker never speaks for a government (see spending's _spoken).
_PROFESSIONS = _words(
    "analyst economist researcher professor historian strategist critic coach editor columnist"
    " reader caller listener viewer"  # a live chat's "Reader Ana": no part of her name
    " freshman sophomore junior student delegate"  # a school paper's "Sophomore Priya Raman"
)
_ROLE_QUALIFIERS += _PROFESSIONS
# A person named by their relation to another ("Her successor, Jane Doe,", "his deputy"): no title
# before a name, but an apposition's role.
_RELATIONS = ("successor", "predecessor", "rival", "opponent", "counterpart", "shadow", "colleague", "aide")
# Appositions may describe a role in words that never stand before a name as a title.
_APPOSITION_HEADS = (
    *_ROLE_HEADS,
    "member of parliament",
    "member of congress",
    "lawmaker",
    "legislator",
    "mp",
    "official",
    "analyst",
    "adviser",
    "advisor",
    "diplomat",
    "head",
    "economist",
    "expert",
    "researcher",
    "professor",
    "fellow",
    "critic",
    "campaigner",
    "founder",
    "executive",
    "manager",
    "engineer",
    "spokesperson",
    "correspondent",
    "editor",
    "officer",
    "negotiator",
    "journalist",
    "reporter",
    "columnist",
    "scholar",
    # people in a story, named with what they do: "a young sergeant, Jane Doe, told me"
    "sergeant",
    "corporal",
    "soldier",
    "pilot",
    "veteran",
    "cadet",
    "instructor",
    "mechanic",
    "technician",
    "welder",
    "worker",
    "employee",
    "owner",
    "shopkeeper",
    "farmer",
    "teacher",
    "student",
    "nurse",
    "resident",
    *_RELATIONS,
)
_MODIFIERS = ("former", "retired", "then", "outgoing", "incoming", "acting", "late")
_SPEECH_VERBS = _words(
    "said says told stated added warned argued noted insisted claimed declared emphasized emphasised"
    " stressed wrote explained acknowledged announced confirmed urged argues warns insists notes writes"
    " posted tweeted replied believes estimates estimated predicted admitted written demanded complained"
    " asked asks"
)
_HONORIFICS = ("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof")
# Turn labels of whoever asks: no statement of theirs, no person named by them.
QUESTIONER_LABELS = frozenset(
    [
        "q",
        "question",
        "questioner",
        "interviewer",
        "moderator",
        "host",
        "reporter",
        "presenter",
        "anchor",
        "journalist",
        # a parliamentary record's chamber and chair: "Some hon. members: Hear, hear!", "The SPEAKER: Order."
        "some hon. members",
        "hon. members",
        "an hon. member",
        "some honourable members",
        "the speaker",
        "mr. speaker",
        "madam speaker",
        "the deputy speaker",
        "the chair",
        "the chairman",
        "the chairwoman",
        "the chairperson",
    ]
)
# A memo's numbered paragraph: "5.3 The Finance Minister, Irina Costache, has said in writing: ..."
NUMBERED_PARAGRAPH = re.compile(
    # ... and a thread's post counter: "2/12 Mark Rutte on arrival: ..."
    r"\s*(?:\d{1,2}(?:\.\d{1,2}){1,3}|\d{1,3}/\d{1,3})\s+(?=[A-Z])"
)


def _by_first_letter(words: Sequence[str]) -> str:
    """Return an alternation of lower-case words, in their order, grouped by first letter.

    re tries the branches of a case-insensitive alternation one by one wherever a match may start;
    grouped ("(?:s(?:enator|en)|g(?:eneral))"), it tests one letter per group and enters only the
    group that can match. Words keep their order within a group, and words of different groups
    cannot match at the same position, so the pattern matches exactly what the flat one did.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


_ROLE_WORDS = frozenset(w.rstrip(".") for w in _ROLE_HEADS + _ROLE_QUALIFIERS)
_ROLE_ABBREVIATIONS = ("sen", "rep", "gen", "adm", "lt", "col", "capt", "gov")
_LONGEST_ROLE_WORDS_FIRST = sorted(_ROLE_WORDS, key=len)[::-1]
_ROLE_TOKEN = (
    rf"(?i:{_by_first_letter(_ROLE_ABBREVIATIONS)}\.|{_by_first_letter(_LONGEST_ROLE_WORDS_FIRST)}\b)"
)
_ROLE_RUN = rf"(?:{_ROLE_TOKEN}(?:\s+of(?:\s+the)?)?\s+)*{_ROLE_TOKEN}"
# "Colonel (ret.) Hendrik Boersma": a retired officer's mark between the title and the name
_RETIRED = r"\((?i:ret|retd|rtd|retired)\.?\)"
_TITLED_NAME = re.compile(rf"(?<![\w.])(?P<role>{_ROLE_RUN})(?:\s+{_RETIRED})?\s+(?P<name>{_NAME})")
# ... or the surname alone, as the text goes on to quote its holder: "Secretary General Rutte said"
_TITLED_SURNAME = re.compile(
    rf"(?<![\w.])(?P<role>{_ROLE_RUN})\s+(?P<name>{_NAME_WORD})(?=\s+(?:{'|'.join(_SPEECH_VERBS)})\b)"
)
_LEADING_HONORIFIC = re.compile(r"^(?:(?:Sir|Dame|Dr|Prof|Lord|Lady)\.?\s+)+")
# A role run opens with a role word: _ROLE_TOKEN in lower case, searched in the folded text
# (see fold_case), where re skips ahead to the words instead of trying them at every position.
_TITLED_NAME_STARTS = re.compile(
    rf"(?<![\w.])(?:{_by_first_letter(_ROLE_ABBREVIATIONS)}\.|{_by_first_letter(_LONGEST_ROLE_WORDS_FIRST)}\b)"
)
# ... also before a colon that opens the words: "SOT – Alan Rennie, Minister for the Armed Forces: “...”"
_APPOSITION = re.compile(
    # a list's items end at a semicolon: "Witnesses: Jane Doe, Minister of Defence; John Roe, ..."
    # an editor's bracketed note ends with its bracket: "[... Guest: Jane Doe, a senior fellow.]"
    rf"(?<![\w.])(?P<name>{_NAME}),\s+(?P<role>[^,;:()\[\]“”\"]{{2,120}}?)(?=[,;]|:(?:\s|$)|\.?\]?\s*$)"
)
# "Lithuania's defence minister, Jane Doe, said": the role opens the sentence, follows a comma or a
# closing quotation mark, or an inverted speech verb ("..., said the defence minister, Jane Doe.").
_ROLE_THEN_NAME = re.compile(
    rf"(?P<role>(?:[\w’'.-]+\s+){{0,6}}?(?i:{'|'.join(map(re.escape, sorted(_APPOSITION_HEADS, key=len)[::-1]))})"
    # the portfolio after the head: "state secretary for defence", "Secretary of State for Defence"
    # ... one word longer after a possessive: "the chair of the parliament's national security committee"
    r"(?:\s+(?:for|of|to)\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?(?:[\w’'-]+\s+){0,2}?[\w’'-]+)?)"
    rf",\s+{HONORIFIC_PREFIX}?(?P<name>{_NAME})(?=,|\.?\s*$)"  # "..., Mrs Lenka Horakova,"
)
# The words of a clause before a role that follows it: "said on Tuesday that ", "was represented by ".
_ROLE_CLAUSE_LEAD = re.compile(
    r"^.*\b(?:that|by|was|were|is|are|has|had|have|said|says|told|tells|when|while|who|which|whom|because|than"
    r"|as|with|and|but"
    # a verb whose object is the role: "The Minister quoted the Secretary General, Mark Rutte, as ..."
    r"|\w+ed(?=\s+(?:the|a|an|his|her|its|their)\s))\s+",  # "As the minister, Jane Doe, said:"; "an interview with the US ambassador, ..."
    re.I,
)
_NAME_AFTER_COMMA = re.compile(rf",\s+{_NAME}(?=,|\.?\s*$)")  # the tail of every _ROLE_THEN_NAME match
# Only these verbs are inverted with their speaker ("said Anna Kowalski"); after "told" comes a listener.
_INVERTED_VERBS = "said|says|wrote|writes|added|adds|stated|noted|explained|argued|insisted|declared"
# "Jane Doe said", "Jane Doe has argued", "Jane Doe, who had written on X, ..." and "Jane Doe, who
# leads the campaign, wrote".
_NAME_THEN_VERB = re.compile(
    # "Jane Doe, who ..., said", "Jane Doe, a senior who chaired the committee, argued"
    rf"(?<![\w.])(?P<name>{_NAME})(?:,\s+who(?:\s+[^,;:“”\"]{{1,120}},)?|,\s+(?:an?|the)\s+[^,;:“”\"]{{1,120}},"
    # "Mark Rutte, at the closing press conference on Wednesday, said"
    r"|,\s+(?:at|in|on|during|after|before|speaking|addressing|writing)\s+[^,;:“”\"]{1,100},"
    r"|\s+\([^()\n]{1,40}\))?"  # "Ms Priya Castellane (Liberal Democrat) asked"
    # "As Tomasz Wrobel of the Warsaw Institute for Economic Studies put it"
    # ... "Ivana Kroupová of the nationalist Homeland First party argued"
    # ... and "Dana Whitcombe of Indiana told"
    r"(?:\s+of\s+(?:the\s+(?:[a-z-]+\s+){0,2})?(?:[A-Z][\w’'-]*\s+(?:(?:for|of|on)\s+)?){1,6}?"
    r"(?:(?:party|group|faction|bloc|caucus)\s+)?(?=[a-z]))?"
    r"\s*(?:who\s+)?(?:also\s+|has\s+|had\s+)?"  # "Karen Kjeldsen, a lawyer, who said in a statement"
    rf"(?:{'|'.join(_SPEECH_VERBS)}|put\s+it"  # "as Jane Doe put it:"
    # "Mark Rutte called it “...”", "João Tavares Pinto, who ..., calls the plan “a promise written in pencil”"
    r"|call(?:s|ed)\s+(?:it|them|this|that|the|his|her|their|its)\b(?=[^“”\",;:]{0,60}[“\"]))\b"
)
# ... or the object of an encounter: "spoke to Latvia's defence minister, Andris Sprūds, in Riga".
_ROLE_OPENS_AFTER = re.compile(
    rf"[”\"]\s+(?!(?:{_INVERTED_VERBS})\b)|\b(?:{_INVERTED_VERBS})\s+"
    r"|\b(?:spoke|speaking|talked|sat\s+down)\s+(?:to|with)\s+|\binterviewed\s+|\bmet\s+(?:with\s+)?"
)
# "Last week a ...", "In 2024 the ...", "In 2016 my Norwegian counterpart, ..."
_ROLE_ARTICLE = re.compile(r"(?<=[a-z\d] )(?:a|an|the|my|our|his|her|their)\s")
_VERB_THEN_NAME = re.compile(rf"\b(?:{_INVERTED_VERBS})\s+(?P<name>{_NAME})")
# Every match of either pattern has one of these verbs, in the same case.
# Verbs by which one passes on another's words: "quotes Jane Doe as saying", "remembers Jane Doe telling".
RELAY_VERBS = r"(?:quotes|quoted|cites|cited|remembers|remembered|recalls|recalled|heard)"
_RECALLED_SAYING = re.compile(
    rf"\b{RELAY_VERBS}\s+(?P<name>{_NAME})"
    r"\s+(?:as\s+)?(?:saying|telling)\b"
)
_SPEECH_VERB_CUE = re.compile(
    _by_first_letter(sorted({*_SPEECH_VERBS, *_INVERTED_VERBS.split("|"), "put it", "calls", "called"}))
)
_ACRONYM = re.compile(r"(?:(?<=\s)|^)(?:(?:[A-Z]\.){2,}|[A-Z]{2,})(?:['’]s?)?\s+$")
_MODIFIER = re.compile(rf"(?:(?<=\s)|^)(?i:{'|'.join(_MODIFIERS)})-?\s*$")
_POSSESSIVE_TAIL = re.compile(r"(?:['’]s?)?\s+$")
# (a low opening mark, German style, closes with a high one or, as keyboards type it, a straight one)
QUOTATION = re.compile(r"“(?P<curly>[^“”]+)”|„(?P<low>[^“”\"„]+)[“”\"]|\"(?P<straight>[^\"]+)\"")
# An introductory phrase: "In 2019, ", "Speaking on Tuesday, ", "Speaking on the show “Night Desk”, "
# (a short quoted title may stand in it; the alternatives start differently, so no backtracking).
# (a decimal comma is no comma of the sentence's: "3,5% of GDP by 2035 — remains, Pesce admitted,")
INTRO = re.compile(r"(?:[^,“”\"]|(?<=\d),(?=\d)|“[^“”,]{1,60}”|\"[^\",]{1,60}\"){1,160},\s+")

# Words that open clauses and phrases: capitalised at a sentence start, they are still no name.
_FUNCTION_WORDS = frozenset(
    _words(
        "the a an this that these those in on at to for from by with as but and or if when while after before"
        " despite during according he she they we it his her their our its there here meanwhile however also"
        " yet still although though since until unless because whether under over between among not no every"
        " all some both yesterday today tonight now later earlier separately instead finally indeed overall"
        " who whom whose what which why how where"
        " even only just already again"  # "Even Mark Rutte admitted ...": an adverb, no first name
    )
)
# Capitalised words that are never part of a person's name.
_NOT_NAME = _FUNCTION_WORDS | frozenset(
    _words(
        "nato nato's pentagon kremlin white house congress parliament senate commission council ministry"
        " department union alliance agency office administration government army navy air force forces"
        " command institute university center centre foundation party court bank fund summit report treaty"
        " organization organisation committee group times post news press journal wire street square palace"
        " association federation society league chamber"
        " embassy assembly cabinet republic kingdom states united european atlantic pacific north south east"
        " west northern southern eastern western central new capitol downing reuters bloomberg politico"
        " associated affairs security federal national international global world daily war cold"
        " january february march april may june july august september october november december"
        " monday tuesday wednesday thursday friday saturday sunday"
        " first second third"  # "First Sea Lord" is an office, not a name
        # a portfolio a title goes on with: "Minister for Defence Procurement Gareth Pryce"
        " procurement veterans industry energy trade equipment personnel reserves readiness finance economy"
        " interior innovation development exports cyber defence defense"
    )
    + tuple(w.rstrip(".") for w in _ROLE_HEADS + _ROLE_QUALIFIERS)
    + _MODIFIERS
    + _HONORIFICS
)
# Lower-case words that may stand in a title before a name: "the former defence minister", "Minister
# for Defence Procurement".
# "my colleague Jane Doe", "our correspondent": a relation before the name is no part of it
_TITLE_WORDS = _ROLE_WORDS | frozenset(
    _MODIFIERS + _HONORIFICS + ("of", "for", "the", "my", "our", "colleague", "friend", "correspondent")
)
_PRONOUN = re.compile(r"(?:He|She|They)\b")
# A writer or speaker in their own voice (not "the US", not "i.e."): "I", "my", "we", "our", "us".
FIRST_PERSON_VOICE = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|us|[Mm]y)\b")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.I)
_POSSESSIVE_END = re.compile(r"['’]s?$")
_JOINED = re.compile(r"\s*(?:,|and\b|or\b|&)")  # "X and Y", "X, Y": X is not the subject alone


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention of a known person in a text."""

    name: str  # the canonical PersonRecord.name
    start: int
    end: int  # after the name, before any possessive
    possessive: bool


@dataclass(frozen=True, slots=True)
class Referent:
    """Whom a pronoun refers to, and the passage that named them last.

    ``unnamed``: the referent is an unnamed source the sentence before made its subject ("A senior
    official was blunter. The debate, he said, ..."), kept as the article words it.
    """

    name: str
    passage: int
    unnamed: bool = False


# --- finding people ---------------------------------------------------------------------------


def extract_people(article: Article) -> list[PersonRecord]:
    """Return one record per person the article introduces by full name, in order of introduction."""
    cast = _Cast()
    for passage in article.passages:
        for name, role in introductions(passage.text):
            cast.add(PersonRecord(name=name, role=role, passage=passage.position))
    # a transcript's title may be the only place its speaker is named: "Press briefing by the NATO
    # Spokesperson, Ilse Vandermeulen" over turns labelled "SPOKESPERSON:"
    for name, role in introductions(article.meta.title or ""):
        cast.add(PersonRecord(name=name, role=role, passage=0))
    # ... or a heading over them: "Press briefing by NATO Spokesperson Dana Moreau"
    first_under = {}
    for passage in reversed(article.passages):
        first_under[passage.section] = passage.position
    for heading in dict.fromkeys(article.sections):
        for name, role in introductions(heading):
            cast.add(PersonRecord(name=name, role=role, passage=first_under.get(heading, 0)))
    for passage in article.passages:
        labelled = _turn_label(passage.text)
        if labelled is not None and not dateline_label(passage.text, article.meta.outlet):
            cast.add(PersonRecord(name=labelled[0], role=labelled[1], passage=passage.position))
    byline = byline_person(article)
    if byline is not None:
        cast.add(byline)
    for author in _authors(article):  # "Authors: Henrike Aas and Julien Moreau-Baptiste"
        cast.add(author)
    for name, position in [*_named_again(article), *_pronoun_speakers(article)]:
        cast.add(PersonRecord(name=name, passage=position))
    known = {_surname(person.name).split()[-1] for person in cast.people}
    for name, position in _surname_speakers(article, known):
        cast.add(PersonRecord(name=name, passage=position))
    return sorted(_without_name_tails(cast.people), key=lambda person: person.passage)


def _without_name_tails(people: list[PersonRecord]) -> list[PersonRecord]:
    """Return people less any named only by the end of another's full name, with no role of their
    own ("Lund Poulsen" after "Danish Defence Minister Troels Lund Poulsen"): the same person. A
    titled surname ("Secretary General Rutte said") is the one full name it ends, whose role it
    gives when that name has none."""
    tails: dict[str, list[int]] = {}
    for index, person in enumerate(people):
        words = person.name.split()
        for i in range(1, len(words)):
            tails.setdefault(" ".join(words[i:]), []).append(index)
    kept = list(people)
    for person in people:
        owners = tails.get(person.name, [])
        if person.role is not None and " " not in person.name and len(owners) == 1:
            owner = kept[owners[0]]
            if owner.role is None:
                kept[owners[0]] = owner.model_copy(update={"role": person.role})
    return [
        p
        for p in kept
        if p.name not in tails or (p.role is not None and (" " in p.name or len(tails[p.name]) != 1))
    ]


# "Rutte warned that", "Trump, who has complained that", "“...,” said Rutte": a lone surname as
# the speaker of a report or a quotation.
_SURNAME_SPEAKS = re.compile(
    rf"(?<![\w.’'-])(?P<name>{_NAME_WORD})(?:,\s+who(?:\s+has|\s+had)?)?\s+(?:also\s+|has\s+|had\s+)?"
    rf"(?:{'|'.join(_SPEECH_VERBS)})\s+(?:that\b|[“\"‘])"
    rf"|[”\"’],?\s+(?:{_INVERTED_VERBS})\s+(?P<after>{_NAME_WORD})(?![\w’'-]|\s+[{_UPPER}])"
    # not a word that qualifies a title before a name: "said Legia coach Goncalo Feio", "said
    # Conservative defence critic James Bezan" (a club, a party)
    rf"(?!\s+(?:[a-z][\w-]*\s+){{1,3}}[{_UPPER}][{_LOWER}]+\s+[{_UPPER}])"
)


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_INSIDE_SENTENCE = re.compile(rf"[\w,;] +({_NAME_WORD})(?!\w)")


def _surname_speakers(article: Article, known: set[str]) -> list[tuple[str, int]]:
    """Return (surname, passage) for people the article only ever names by surname, as speakers.

    Short copy names the famous by surname alone: "In Berlin, Rutte warned that “...”". Such a word
    introduces a person only as the speaker of a report or quotation, only when the article also
    writes it capitalised inside a sentence (a proper noun, not "Officials said that"), and never
    when it is a country, a capital, an institution or another listed non-name, or the surname of
    someone already introduced in full.
    """
    found: dict[str, int] = {}
    proper: set[str] | None = None  # words the text capitalises inside a sentence, read once if needed
    for passage in article.passages:
        if "that" not in passage.text and not any(mark in passage.text for mark in '“"‘”’'):
            continue
        for match in _SURNAME_SPEAKS.finditer(passage.text):
            name = match.group("name") or match.group("after")
            if match.group("name") and _THE_BEFORE.search(
                passage.text, max(0, match.start() - 4), match.start()
            ):
                continue  # "officials in The Hague warned that": a place, not a person
            if name in known or name in found or _not_name_word(name) or find_government_seats(name):
                continue
            if proper is None:
                proper = set(_INSIDE_SENTENCE.findall(article.body))
            if name not in proper:
                continue  # only ever capitalised as a sentence's first word: maybe a common noun
            found[name] = passage.position
    return list(found.items())


# A transcript's or parliamentary record's turn label names its speaker, who may be named nowhere
# else: "Mr James Carter (Harlow) (Con):", "The Secretary of State for Defence (Mr David Hale):",
# "[18:02:31] METTE FREDERIKSEN (PRIME MINISTER, clip):".
# The label that opens a transcript turn (read by statements' transcripts too). A label may be set in
# bold, with its colon inside or outside ("**Dahl:** ...", "**Q**: ..."); a broadcast transcript
# stamps its turns ("[18:02:31] ANCHOR: ..."); a parliamentary record adds the member's seat and
# party ("Mr James Carter (Harlow) (Con): ...").
_TURN_LABEL = re.compile(
    r"(?:\[[\d:.]+\]\s*)?"
    r"(?P<bold>\*\*|__)?(?P<label>(?:(?:[A-Z][\w’'.-]*|of|the|for|and|van|von|de|den|der|da|di|du|la|le|ten|ter)\s+){0,6}?"
    r"[A-Z][\w’'.-]*"  # "Van den Broeck:", "MINISTER OF DEFENCE:"
    r"(?:\s\d{1,2})?"  # "HOST 1:", "SPEAKER 2:"
    # the brackets may hold brackets: "Mr. Derek Osei (Assistant Deputy Minister (Finance), Department ...)"
    r"(?:\s+\((?P<inside>(?:[^()\n]|\([^()\n]{1,30}\)){1,110})\))?(?:\s+\([^()\n]{1,40}\))?|Q|A"
    r"|(?:Some|An)\s+hon(?:\.|ourable)\s+members?"  # the chamber: "Some hon. members: Hear, hear!"
    r"|(?:Q|Question)\s+(?:from|by)\s+[^:\n]{2,80}?"  # "Q from Anna Lindqvist, Radio Baltica:"
    r"|u/[\w-]{2,30})"  # a forum user's post in a question-and-answer thread: "u/maple_bayonet:"
    r"(?:\*\*|__)?\s*:(?:\*\*|__)?\s+(?=\S)"
)
# A print interview's "Q. ..." and "A. ..." (a full stop, no colon); not an initial ("A. Smith said").
_QA_DOT = re.compile(
    r"(?P<bold>\*\*|__)?(?P<label>[QA])(?P<inside>(?!))?\.(?![ \t]+[A-Z][a-z]+[ \t]+(?:said|says|told|wrote)\b)\s+(?=\S)"
)


# A TV script's clip labelled with a dash: "SOT - HENDRIKA VAN DER LINDEN, DUTCH DEFENCE MINISTER: ..."
# (read as "SOT (HENDRIKA VAN DER LINDEN, DUTCH DEFENCE MINISTER):" is).
_DASHED_CLIP = re.compile(
    # (the name in capitals, as the script writes the speaker: "CLIP - The moment Trump arrived:" is a title)
    r"(?P<bold>)(?P<label>SOT|SOUNDBITE|SYNC|CLIP|GRAB|BITE)[ \t]*[-–—][ \t]*"
    r"(?P<inside>(?!THE\s)(?-i:[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž.'’ -]{2,60})(?:,[^:\n()]{1,80})?)[ \t]*:\s+(?=\S)"
)


def turn_label(text: str) -> re.Match[str] | None:
    """Return the turn label a paragraph opens with ("ASHER:", "Q:", "**Q.** ..."), if any."""
    return _DASHED_CLIP.match(text) or _TURN_LABEL.match(text) or _QA_DOT.match(text)


_HONORED_NAME = re.compile(rf"(?i:{'|'.join(_HONORIFICS)})\.?\s+(?P<name>{_NAME})")
_PLAIN_NAME = re.compile(_NAME)


# The wires a dateline credits: "OSLO (NTB): ...", as "OSLO (Reuters) -" in English wire copy.
_AGENCIES = frozenset(
    [
        "reuters",
        "ap",
        "afp",
        "dpa",
        "ntb",
        "tt",
        "ritzau",
        "stt",
        "ansa",
        "efe",
        "pap",
        "ctk",
        "čtk",
        "bta",
        "mti",
        "lusa",
        "belga",
        "anp",
        "apa",
        "kyodo",
        "bloomberg",
        "upi",
        "tass",
        "ukrinform",
    ]
)


_ASKED_BY = re.compile(r"(?:Q|Question)\s+(?:from|by)\s+[A-Z]")  # not "Question by question:"


def is_questioner(label: str) -> bool:
    """Return whether a turn label is the one who asks: "Q", "INTERVIEWER", "Q from Anna Lindqvist, Radio Baltica"."""
    bare = _LABEL_NUMBER.sub("", label.split("(")[0].strip())  # "HOST 1 (Maya Ellison)", "HOST B"
    # a forum user ("u/maple_bayonet") asks the thread's guest: their claims are questions, not facts
    return bare.lower() in QUESTIONER_LABELS or _ASKED_BY.match(bare) is not None or bare.startswith("u/")


def is_outlet_label(words: str, outlet: str | None) -> bool:
    """Return whether a turn label is the publication's name ("MERIDIAN:" in Meridian Magazine,
    "**Bastion:**" in "Bastion — European Security Magazine"): its interviewer, who asks."""
    if not outlet:
        return False
    name = _OUTLET_NAME_END.split(outlet, maxsplit=1)[0].strip().lower()
    label = words.strip().lower()
    return bool(label) and (name == label or name.startswith(f"{label} ") or name == f"the {label}")


_OUTLET_NAME_END = re.compile(r"\s+[—–-]\s+|\s*[(:|,]")


_LABEL_NUMBER = re.compile(r"(?:\s*\d+|\s+[A-Z])$")  # one of several: "HOST 2", "REPORTER B"


def from_capitals(name: str) -> str:
    """Return a name written in capitals as names are written: "HENDRIKA VAN DER LINDEN" ->
    "Hendrika van der Linden" (a particle after the first word stays lower-case)."""
    words = name.title().split(" ")
    return " ".join(w.lower() if i and w.lower() in _PARTICLES else w for i, w in enumerate(words))


def dateline_label(text: str, outlet: str | None) -> bool:
    """Return whether a paragraph opens with a dateline written like a turn label: a place in
    capitals crediting the outlet or a wire ("BODØ (Salten Dagblad): The Armed Forces ..."), no speaker."""
    label = turn_label(text)
    if label is None or not label.group("inside"):
        return False
    place, credited = label.group("label").split("(")[0].strip(), label.group("inside").strip().lower()
    own = (outlet or "").split("(")[0].strip().lower()
    return place.isupper() and (credited in _AGENCIES or (bool(own) and credited == own))


def _turn_label(text: str) -> tuple[str, str | None] | None:
    """Return (name, role) of the speaker a turn label names, if it names one by full name.

    A name with an honorific ("Mr James Carter"), a name in brackets after a role ("The Secretary
    of State for Defence (Mr David Hale)") or a name in capitals with its role in brackets
    ("METTE FREDERIKSEN (PRIME MINISTER, clip)"). A bare label ("ANCHOR:", "Q:") names nobody.
    """
    if ":" not in text[:200]:
        return None  # no label's colon near the start: most sentences
    label = turn_label(text)
    if label is None:
        return None
    outside, first = label.group("label").split("(")[0].strip(), (label.group("inside") or "").strip()
    if is_questioner(outside):
        return None  # "QUESTION (Zagreb Daily):", "Q (Jane Doe, Radio One):": whoever asks says nothing here
    capitals = _CAPS_HONORED.fullmatch(outside)
    if capitals:
        # "Hon. ALINE KOVAC (Minister of National Defence, Lib.)": her role; "Mr. GRAHAM PETTIGREW
        # (Calgary Midnapore, CPC)": his seat and party, no role
        role = first.split(",")[0].strip()
        return from_capitals(capitals.group("name")), (role if role and has_role_head(role) else None)
    honored = _HONORED_NAME.fullmatch(outside)
    if honored:
        return honored.group("name"), None  # "Ms Priya Nair (Leeds East) (Lab)": her seat, her party
    if outside.isupper() and first and not has_role_head(outside) and _PLAIN_NAME.fullmatch(outside.title()):
        # "METTE FREDERIKSEN (PRIME MINISTER, clip)": a name in capitals, its role in brackets;
        # "KARI LUNDE (Nordlys Radio)", "(BBC)": a journalist's outlet, which is no role
        role = first.split(",")[0].strip()
        described = has_role_head(role) or any(word in _PROFESSIONS for word in role.lower().split())
        return from_capitals(outside), (role.lower() if described else None)
    named, _, described_as = first.partition(",")
    if outside.isupper() and named.strip().isupper() and _PLAIN_NAME.fullmatch(named.strip().title()):
        # a broadcast's "SOUNDBITE (CLAIRE BOUCHARD, MINISTER OF NATIONAL DEFENCE):", "REPORTER (RAJ MEHTA):"
        return from_capitals(named.strip()), described_as.strip().lower() or None
    if first and (inside := _HONORED_NAME.fullmatch(first) or _PLAIN_NAME.fullmatch(first)):
        name = inside.group("name") if "name" in inside.groupdict() else inside.group(0)
        role = outside.removeprefix("The ").removeprefix("the ") if outside[:1].isupper() else None
        # "Mr Carter (Harlow)" puts a seat in brackets; "The Finnish Defence Minister (Mr Olli Saari)" a name
        return (name, role) if role and (has_role_head(role) or not _PLAIN_NAME.fullmatch(outside)) else None
    return None


def byline_person(article: Article) -> PersonRecord | None:
    """Return the author a byline line near the top names ("By Jane Doe, a former minister"), with
    the role the byline gives or, failing that, the note on the author at the end ("Jane Doe was
    Belgium's minister of defence from 2014 to 2019.").

    The reader may take a byline for a heading, so the body's first lines are read as lines.
    """
    for line in [line.strip() for line in article.body.splitlines() if line.strip()][:6]:
        match = _BYLINE.match(line)
        if match:
            name = _clean_name(match.group("name"), trim_left=False)
            role = _LEADING_ARTICLE.sub("", (match.group("role") or "").strip()) or None
            if name and role is None:
                role = author_note_role(article, name)
            return PersonRecord(name=name, role=role, passage=0) if name else None
    return None


# The note on an op-ed's author after its text: "Marc Vandersteen was Belgium's minister of defence
# from 2014 to 2019." (set in italics or after a rule, too).
_AUTHOR_NOTE = re.compile(
    r"\s*[*_]?(?P<name>[^\n]{3,60}?)\s+(?:is|was|served\s+as)\s+(?:(?:a|an|the)\s+)?(?P<role>[^.;\n]{3,160}?)"
    r"(?=\s+(?:from|between|until|since|in)\s+(?:19|20)\d\d\b|[.;,]|\s*$)"
)
_AUTHOR_NOTE_REACH = 4  # the last paragraphs, where a note on the author stands


def author_note_role(article: Article, name: str) -> str | None:
    """Return the role a closing note on the author gives ("... was Belgium's minister of defence"),
    if one of the last paragraphs opens with the author's name and a role phrase."""
    paragraphs = sorted({p.paragraph for p in article.passages})[-_AUTHOR_NOTE_REACH:]
    for passage in article.passages:
        if passage.paragraph not in paragraphs:
            continue
        note = _AUTHOR_NOTE.match(passage.text)
        if note is not None and note.group("name").strip() == name and _is_role_phrase(note.group("role")):
            return note.group("role").strip()
    return None


# A paper's or a report's credit line of several authors: "Authors: Henrike Aas and Julien Moreau-Baptiste".
_AUTHORS = re.compile(
    rf"^(?:Authors?|Written\s+by|By)\s*:?\s+(?P<names>{_NAME}(?:(?:,|\s+and|\s*&)\s+{_NAME})+)\s*$"
)
_AUTHOR_JOIN = re.compile(r",\s+|\s+and\s+|\s*&\s+")


def _authors(article: Article) -> list[PersonRecord]:
    """Return the people a credit line of two or more authors near the top names, in order."""
    for line in [line.strip() for line in article.body.splitlines() if line.strip()][:6]:
        match = _AUTHORS.match(line)
        if match:
            names = [_clean_name(n, trim_left=False) for n in _AUTHOR_JOIN.split(match.group("names"))]
            return [PersonRecord(name=n, role=None, passage=0) for n in names if n and " " in n]
    return []


def _full_names(text: str) -> Iterator[tuple[int, str]]:
    """Yield (start, name) for each full name a text writes (two words or more), not one after
    "the": "the Financial Ledger" is a title, a paper, a body; no one is "the" Name."""
    for match in _NAME_CANDIDATE.finditer(text):
        if (
            text[max(0, match.start() - 4) : match.start()].lower() == "the "
            or match.group(0).split()[0] == "The"
        ):
            continue
        name = _clean_name(match.group(0), trim_left=True)
        if name and " " in name:
            yield match.start(), name


def _named_again(article: Article) -> list[tuple[str, int]]:
    """Return (name, passage) for full names whose surname the article uses again on its own.

    News copy names a person in full once and by surname after: "Manfred Weber, who leads the
    group, ..." then "said Weber". A full name with no title, apposition or speech verb is still a
    person when its surname comes back alone; words that merely look like names ("Lancaster
    House") are filtered as any name is, and their last word rarely stands alone.
    """
    candidates: dict[str, int] = {}
    full_uses: Counter[str] = Counter()
    for passage in article.passages:
        for _, name in _full_names(passage.text):
            candidates.setdefault(name, passage.position)
    if not candidates:
        return []
    # full uses are counted where the lone surnames are, in the whole body: a heading's "Defence: Joint
    # Expeditionary Force" uses "Expeditionary" in full too
    for line in article.body.splitlines():
        for match in _NAME_CANDIDATE.finditer(line):
            used = _clean_name(match.group(0), trim_left=True)
            if used in candidates:
                full_uses[_surname(used)] += 1
    # A transcript's turn label is the surname in capitals: "KALLAS:" counts as "Kallas"; "the Ledger"
    # is a paper's name said short, never a person's surname
    words = Counter(w.title() if w.isupper() else w for w in _CAPITALISED_WORD.findall(article.body))
    words.subtract(m.group(1) for m in _AFTER_THE.finditer(article.body))
    return [
        (name, position)
        for name, position in candidates.items()
        if words[_surname(name).split()[-1]] > full_uses[_surname(name)]
    ]


# A pronoun that speaks right after a sentence: '"The Hague was the promise," he says.', "She told reporters:".
_PRONOUN_SPEAKS = re.compile(
    rf"(?:^|[,”\"’]\s*)(?:[Hh]e|[Ss]he)\s+(?:{'|'.join(_SPEECH_VERBS)}|adds|tells)\b"
)


def _pronoun_speakers(article: Article) -> list[tuple[str, int]]:
    """Return (name, passage) for the one full name of a sentence whose next sentence, in the same
    paragraph, has "he" or "she" speak ("Mark Rutte's first press conference runs long. 'The Hague
    was the promise,' he says.") or the interviewer meet "him" or "her" ("We met him in his
    office"), or of the words before a pronoun that speaks in the same sentence
    ("When I saw Mark Rutte in Brussels, he told me, ..."). The name is a person's."""
    # (passage, the words to look in, what must stand right before the name)
    spans: list[tuple[Passage, str, re.Pattern[str]]] = []
    for passage in article.passages:
        speaks = _PRONOUN_SPEAKS.search(passage.text, 1)
        if speaks is not None:  # "When I saw Mark Rutte in Brussels, he told me": whom the speaker met
            spans.append((passage, passage.text[: speaks.start()], _MET_BEFORE))
    opening = -1  # the paragraph's first passage: the lead that introduces an interview's subject
    for before, after in itertools.pairwise(article.passages):
        if opens_paragraph(article.passages, before.position):
            opening = before.position
        if before.paragraph == after.paragraph and (
            _PRONOUN_SPEAKS.search(after.text)
            or (_MET_PRONOUN.search(after.text) and before.position == opening)
        ):
            spans.append(
                (before, before.text, _SUBJECT_LEAD)
            )  # the sentence's subject, not "after Putin ordered"
    found = []
    for passage, text, lead in spans:
        names = {name for start, name in _full_names(text) if lead.search(text, 0, start) is not None}
        if len(names) == 1:
            found.append((names.pop(), passage.position))
    return found


# Before a name that is its sentence's subject: nothing, or title words ("Secretary General", "NATO chief").
# A list's marker or a live blog's time may come first: "a) Mark Rutte, at ...", "17:35 — Mark Rutte has ...".
# An introductory phrase may open the sentence, and an occupation stand before the name: "At the
# Saturday market, fishmonger Jari Toivanen shrugged ..."
_SUBJECT_LEAD = re.compile(
    r"^(?:[a-z0-9]\)\s+|[-*•]\s+|\d{1,2}[:.]\d{2}\s*(?:[—–-]\s*)?)?(?:(?:In|At|On|For|After|Before|Outside|Inside)\s[^,;:“”\"]{1,50},\s+)?"
    r"(?:(?:[A-Z][\w’'.-]*|chief|of|the)\s+){0,4}(?:(?!(?:he|she|they|we|it|and|but|then)\s)[a-z][\w-]*(?<!ed)(?<!s)(?<!ing)\s+)?$"
)
# An interviewer meeting the person just named: "Johan Ekdahl has been state secretary since 2022. We met him ..."
_MET_PRONOUN = re.compile(
    r"\b(?:We|I)\s+(?:met|interviewed|spoke\s+(?:to|with)|talked\s+(?:to|with)|sat\s+down\s+with"
    r"|caught\s+up\s+with|visited)\s+(?:him|her)\b"
    # ... or the person speaking to the interviewer: "She spoke to Paul Renner about budgets"
    r"|^(?:He|She)\s+(?:spoke|talked)\s+(?:to|with)\s"
)
_MET_BEFORE = re.compile(r"\b(?:saw|met|meet|asked|visited|phoned|called|interviewed)\s+$")


# A live blog's time on a line of its own over an entry: "09:10 CET\nSecretary General Mark Rutte ...".
_LINE_STAMP = re.compile(r"\s*\[?\d{1,2}[:.]\d{2}\]?(?:[ \t]+[A-Z]{2,4})?[ \t]*\n")


def introductions(text: str) -> list[tuple[str, str | None]]:
    """Return (name, role) for each person a sentence introduces, in text order."""
    stamp = _LINE_STAMP.match(text)
    if stamp is not None:
        text = text[stamp.end() :]  # a label of the entry, no word of its sentence
    if "**" in text or "__" in text:
        text = STRONG.sub(r"\1", text)  # "**Mark Rutte**, NATO Secretary General:": the name, not its bold
    found = [
        *_card(text),
        *_aged(text),
        *_titled(text),
        *_appositions(text),
        *_speakers(text),
        *_bracketed(text),
        *_became(text),
        *_who_runs(text),
    ]
    found.sort(key=lambda item: (item[0], item[2] is None))
    return [(name, role) for _, name, role in found]


# A broadcast's on-screen caption over the next speaker: "[CAPTION: MARK RUTTE, NATO SECRETARY GENERAL]",
# "[CAPTION: DR PRIYA NANDAKUMAR, DEFENCE ECONOMIST, WHITCOMBE INSTITUTE]".
_CAPTION_CARD = re.compile(
    r"\[\s*(?:CAPTION|CAP|SUPER|LOWER\s+THIRD|ON[\s-]SCREEN|ASTON)\s*:\s*(?P<name>[^,\]\n]{3,60}?)\s*,\s*(?P<role>[^\]\n]{2,120})\]"
)


def _card(text: str) -> Iterator[tuple[int, str, str | None]]:
    """Yield (start, name, role) for the person an on-screen caption names (written in capitals)."""
    if "[" not in text:
        return
    for match in _CAPTION_CARD.finditer(text):
        written = match.group("name").strip()
        name = _clean_name(from_capitals(written) if written.isupper() else written, trim_left=False)
        if name:
            role = match.group("role").split(",")[0].strip()
            if role.isupper():  # "NATO SECRETARY GENERAL": its words in lower case, its acronyms kept
                role = " ".join(w if w in _ACRONYMS else w.lower() for w in role.split())
            yield match.start("name"), name, role


_ACRONYMS = frozenset(["NATO", "EU", "UK", "US", "USA", "UN", "MP", "MEP", "CEO"])


# "Jonas Petersen, 19, left a supermarket job": a full name with an age is a person
_AGE_CUE = re.compile(r",\s+(?:aged\s+)?\d{1,3},")
_AGED = re.compile(rf"(?<![\w.])(?P<name>{_NAME}),\s+(?:aged\s+)?\d{{1,3}},\s")


def _aged(text: str) -> Iterator[tuple[int, str, str | None]]:
    """Yield (start, name, None) for a full name given with an age ("Jonas Petersen, 19,")."""
    if _AGE_CUE.search(text) is None:
        return  # no ", 19," in the sentence: no name with an age (most sentences)
    for match in _AGED.finditer(text):
        name = _clean_name(match.group("name"), trim_left=True)
        if name and " " in name:
            yield match.start("name"), name, None


def _titled(text: str) -> Iterator[tuple[int, str, str | None]]:
    """Yield (start, name, role) for names right after a role title."""
    folded = fold_case(text)
    for match in finditer_from(_TITLED_NAME_STARTS, _TITLED_NAME, text, folded):
        start = _extend_role_left(text, match.start("role"))
        inner = _TITLED_NAME_STARTS.search(folded, match.start("name"), match.end("name"))
        if inner is not None and (titled := _TITLED_NAME.match(text, inner.start())) is not None:
            # "Defence Procurement Minister Jane Doe": a word no title knows ("Procurement") split
            # the title; the title goes on inside what looked like the name
            match = titled
        role_words = match.group("role").lower().split()
        # "Admiral Sir John Keel": an honorific may stand between the title and the name
        name = _clean_name(_LEADING_HONORIFIC.sub("", match.group("name")), trim_left=False, titled=True)
        if name and any(word in _ROLE_HEADS or word in _PROFESSIONS for word in role_words):
            yield match.start("name"), name, text[start : match.end("role")]
    for match in finditer_from(_TITLED_NAME_STARTS, _TITLED_SURNAME, text, folded):
        # "Secretary General Rutte said", "Defence Minister Melo told MPs": a titled surname that
        # speaks is a person, named as the text names them
        surname = match.group("name")
        role_words = match.group("role").lower().split()
        if role_words in (["general"], ["captain"], ["major"], ["chief"]):
            continue  # "General Dynamics said", "Captain Marvel": a name, not a title and a surname
        if not _not_name_word(surname) and any(word in _ROLE_HEADS for word in role_words):
            yield (
                match.start("name"),
                surname,
                text[_extend_role_left(text, match.start("role")) : match.end("role")],
            )


# A clause the writer joins with a semicolon: "Spain spent 2% last year; its defence minister, X, says"
SEMICOLON_JOIN = re.compile(r";\s+(?=[a-zA-Z])")
_MEDIUM_BEFORE = re.compile(
    r"\b(?:programme|program|show|newspaper|paper|broadcaster|channel|magazine|podcast|daily|weekly|station)\s+$",
    re.I,
)


def _appositions(text: str) -> Iterator[tuple[int, str, str | None]]:
    """Yield (start, name, role) for "Name, <role phrase>," appositions."""
    if "," not in text:
        return  # no apposition without its comma: spare the sentence the scan
    position = 0
    while (match := _APPOSITION.search(text, position)) is not None:
        name = _clean_name(match.group("name"), trim_left=True)
        written = " ".join(match.group("role").split())
        if _MEDIUM_BEFORE.search(text, max(0, match.start("name") - 30), match.start("name")):
            name = ""  # "on the programme Morning Brief, Romania's defence minister, ...": a title, no person
        if name and _is_role_phrase(written):  # judged with its article: "a Green spokeswoman"
            yield match.start("name"), name, _LEADING_ARTICLE.sub("", written)
            position = match.end()
        else:  # "the Financial Times, Jane Doe, the EU's envoy,": the name may open the next one
            position = match.start("role")
    # Every role-then-name match holds a name after a comma, then a comma or the end: with none
    # (most sentences), no start can match, so the starts are not tried.
    if _NAME_AFTER_COMMA.search(text) is None:
        return
    # where such a role may open: the sentence's start, after a comma, after a dateline's dash
    for start in (
        0,
        *(comma.end() for comma in _COMMA.finditer(text)),
        *(d.end() for d in _DASH.finditer(text)),
        # a clause after a semicolon: "Spain spent 2% last year; its defence minister, Lucía Ferrer, ..."
        *(m.end() for m in SEMICOLON_JOIN.finditer(text)),
        *(m.end() for m in _ROLE_OPENS_AFTER.finditer(text)),
        # a role its article opens after an introductory time: "Last week a young sergeant, Jane Doe,"
        *(m.start() for m in _ROLE_ARTICLE.finditer(text)),
        # "given by Croatia's defence minister, Davor Matic, and Norway's defence minister, Kari Solheim,"
        *(m.end() for m in _ROLE_AFTER_WORD.finditer(text)),
        # a memo's numbered paragraph: "5.3 The Finance Minister, Irina Costache, has said"
        *(m.end() for m in [NUMBERED_PARAGRAPH.match(text)] if m),
        # a transcript turn's words: "REYES: The alliance's deputy secretary general, Ingrid Holm-Sørensen,"
        *(m.end() for m in [_TURN_LABEL.match(text)] if m),
    ):
        reverse = _ROLE_THEN_NAME.match(text, start)
        if reverse is None:
            continue
        name = _clean_name(reverse.group("name"), trim_left=False)
        # "said on Tuesday that her Danish counterpart, Jane Doe,": the role starts after the clause's words
        role = _ROLE_CLAUSE_LEAD.sub("", " ".join(reverse.group("role").split()))
        role = _OBJECT_BEFORE_POSSESSOR.sub("", role)
        if name and _is_role_phrase(role):
            yield reverse.start("name"), name, _LEADING_ARTICLE.sub("", role)


# The words of the clause before a possessor that opens the role: "invite to the stage Romania's
# Minister of National Defence, Cristian Vlădescu" (not "deputy to Poland's minister": the deputy's role)
_OBJECT_BEFORE_POSSESSOR = re.compile(
    r"^(?:[a-z][\w-]*\s+)*(?!(?:to|of|for|at|with|and|or|by|from)\s)[a-z][\w-]*\s+(?=[A-Z][\w.-]*[’']s\s)"
)
_ROLE_AFTER_WORD = re.compile(
    r"\b(?:by|from|with|and|between|asked|told|is|was)\s+(?=[A-Z])"
)  # "My guest is Portugal's Defence Minister, Helena Marques,"
# "Conrad Pell, who runs the defence economics programme at the Lindqvist Institute": a person.
_RUNS = r"(?:runs|heads|leads|chairs|directs|manages|founded)"
_WHO_RUNS_CUE = re.compile(rf", who {_RUNS}\s")
_WHO_RUNS = re.compile(
    rf"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{1,2}}),\s+who\s+{_RUNS}\s+(?:the|a|an|its|their)\s+[^,.;:()]{{3,80}}?"
    r"(?=[,.;:]|\s+(?:to|and|since|for)\s|$)"
)
_WHO_LIVED = re.compile(
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}),\s+who\s+(?:came|grew\s+up|moved|lives|lived|was\s+born"
    r"|has\s+(?:lived|worked)|works|worked|supervises|studied|trained|retired|served)\b"
)
# "Solveig Brekke became Norway's minister of defence in 2025": a name, a verb of taking a post, the post.
# "Jane Doe has been Canada's Minister of National Defence since May 2025" holds the post too.
# A verb of taking or holding a post; a bare "was"/"is" only before an article, and only when the
# role's own head is a post ("Sir Edmund Hale was the United Kingdom's Permanent Representative to
# NATO"; not "Donald Trump was a critic of the secretary general").
_TOOK_POST = (
    r"(?:became|becomes|was\s+appointed|was\s+named|took\s+office\s+as|has\s+been|has\s+served\s+as|serves\s+as"
    r"|(?P<copula>was|is)(?=\s+(?:the|a|an)\s))"
)
_BECAME_CUE = re.compile(r"\b(?:became|becomes|was|is|has\s+been|has\s+served|serves|took\s+office)\s")
_ROLE_OWN_HEAD = re.compile(r"\s+(?:of|to|for|at|in|with)\s+")
_BECAME = re.compile(
    rf"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{1,2}})\s+{_TOOK_POST}"
    r"\s+(?P<role>(?:the\s+|a\s+|an\s+)?[^,.;:()]{3,60}?)(?=\s+(?:in|on|at|since|after|before|last|this|when|and|from|until)\b|[,.;:]|$)"
)


def _became(text: str) -> Iterator[tuple[int, str, str | None]]:
    """Yield (start, name, role) for "Name became <role phrase>", "Name was appointed <role>"."""
    if _BECAME_CUE.search(text) is None:
        return
    for match in _BECAME.finditer(text):
        name = _clean_name(match.group("name"), trim_left=True)
        role = " ".join(match.group("role").split())
        if match.group("copula") and not has_role_head(_ROLE_OWN_HEAD.split(role, maxsplit=1)[0]):
            continue  # "was a critic of the NATO secretary general": no post of hers
        if name and _is_role_phrase(role):
            yield match.start("name"), name, _LEADING_ARTICLE.sub("", role)


def _who_runs(text: str) -> Iterator[tuple[int, str, str | None]]:
    """Yield (start, name, None) for "Name, who runs the <body>": a person, though a clause is no
    role as written (roles are noun phrases: "director of ..."); and for "Name, who came to Sweden
    as a child", "Name, who grew up here": a life told, which only a person has."""
    if ", who " not in text:
        return
    matches = [*(_WHO_RUNS.finditer(text) if _WHO_RUNS_CUE.search(text) else ()), *_WHO_LIVED.finditer(text)]
    for match in matches:
        name = _clean_name(match.group("name"), trim_left=True)
        if name and " " in name:
            yield match.start("name"), name, None


def _bracketed(text: str) -> Iterator[tuple[int, str, str | None]]:
    """Yield (start, name, role) for "Name (Chair)" and "The Secretary of State (Name)", as transcripts write."""
    if "(" not in text:
        return
    for match in _NAME_THEN_BRACKET.finditer(text):
        name = _clean_name(match.group("name"), trim_left=True)
        role = match.group("role").strip()
        if match.group("name").split()[0].lower().rstrip(".") in _ROLE_WORDS:
            continue  # "Mayor Andrea Fougère (Chair)": her title is her office, the brackets her part today
        if name and has_role_head(role):
            yield match.start("name"), name, role
    for match in _BRACKET_NAME.finditer(text):
        name = _clean_name(match.group("name"), trim_left=False)
        role = _LEADING_ARTICLE.sub("", match.group("role").strip())
        if name and has_role_head(role):
            yield match.start("name"), name, role


def has_role_head(role: str) -> bool:
    """Return whether a phrase holds a role head word ("Chair", "Secretary of State")."""
    return any(word.strip(".,").lower() in _ROLE_HEADS for word in role.replace("-", " ").split())


def _speakers(text: str) -> Iterator[tuple[int, str, str | None]]:
    """Yield (start, name, None) for names right before or after a speech verb, or remembered or
    quoted saying something ("She remembers Mark Rutte telling the leaders' dinner that ...")."""
    if "saying" in text or "telling" in text:
        for match in _RECALLED_SAYING.finditer(text):
            name = _clean_name(match.group("name"), trim_left=False)
            if name and " " in name:
                yield match.start("name"), name, None
    if _SPEECH_VERB_CUE.search(text) is None:
        return  # most sentences report no speech: spare them the two scans for a name
    for pattern, trim_left in ((_NAME_THEN_VERB, True), (_VERB_THEN_NAME, False)):
        for match in pattern.finditer(text):
            name = _clean_name(match.group("name"), trim_left=trim_left)
            if name:
                yield match.start("name"), name, None


def _is_role_phrase(role: str) -> bool:
    """Return whether an apposition describes a role ("Poland's defence minister")."""
    words = role.split()
    if not words or len(words) > 14 or not _opens_role(words[0]):
        return False
    # "co-chair" has the head "chair"; a line break inside the phrase ("Secretary\nGeneral") is a space
    lowered = f" {' '.join(role.lower().replace('-', ' ').split())} "
    heads = [head for head in _APPOSITION_HEADS if f" {head} " in lowered]
    # "Its rival, Acme Motors,": a body's relation is a body; a person's ("her successor") a person
    return bool(heads) and not (set(heads) <= set(_RELATIONS) and words[0].lower() in ("its", "their"))


def _opens_role(word: str) -> bool:
    """Return whether a word can open a role apposition: "a", "Poland's", "Polish", "NATO", "defence"."""
    if word.lower() in {
        "who",
        "which",
        "that",
        "whose",
        "and",
        "or",
        "but",
        "is",
        "was",
        "has",
        "had",
        "will",
        "would",
        *_SPEECH_VERBS,
    }:
        # "..., said the defence minister, Jane Doe": the role opens after the verb; "The minister,
        # Jane Doe, is an old colleague": a predicate, no role
        return False
    if (
        word[:1].islower()
        or word.lower() in {"a", "an", "the", "its", "their", "his", "her", "your", "our", "my"}
        or _POSSESSIVE_END.search(word)
    ):
        return True
    if word.lower().strip(".,") in _ROLE_WORDS:
        return True  # a title in capitals: "Jane Doe, Minister for the Armed Forces:"
    return bool(_ACRONYM.match(f"{word} ") or find_country_mentions(word) or find_demonyms(word))


def _clean_name(candidate: str, *, trim_left: bool, titled: bool = False) -> str | None:
    """Return the candidate without title or stop words at its ends, or None if no name is left.

    titled: a role title stands right before it, so a country's name after one given name is a
    surname ("Prime Minister Luís Montenegro"), not the start of another phrase.
    """
    words = candidate.split()
    while words and words[0].lower().rstrip(".") in _HONORIFICS:
        words.pop(0)  # "said Dr Ruth Adeyemi": the honorific is no part of the name
    while trim_left and words and _not_name_word(words[0]):
        words.pop(0)
    surname = titled and len(words) == 2 and not _not_name_word(words[0]) and words[1] == words[-1]
    while words and _not_name_word(words[-1]) and not (surname and len(words) == 2):
        words.pop()
    capitalised = [w for w in words if w[0].isupper() and not w.endswith(".")]
    if not 2 <= len(capitalised) <= 4 or any(
        _not_name_word(w) for w in capitalised[: -1 if surname else None]
    ):
        return None
    if words[0].lower() in _PARTICLES:
        return None  # "De Wit" is a surname: it refers to someone, it introduces nobody
    if words[0].lower() in _FOREIGN_ARTICLES:
        return None  # "says El Observador Económico": a newspaper's name opens with its article
    return " ".join(words)


_FOREIGN_ARTICLES = _words("el los las il lo gli het das")  # not "les": Les Aspin


def _not_name_word(word: str) -> bool:
    """Return whether a capitalised word cannot be part of a person's name."""
    if word.lower() in _PARTICLES:
        return False
    return (
        word.lower().rstrip(".") in _NOT_NAME
        # a title over a list of names: "Councillors Grace Osei, Luc Moreau and ..."
        or (word.endswith("s") and word[:-1].lower() in _ROLE_HEADS)
        or bool(find_country_mentions(word))
        or bool(find_demonyms(word))
    )


def _extend_role_left(text: str, start: int) -> int:
    """Return where a role title begins once its qualifiers and one modifier are included."""
    while (qualifier := _qualifier_start(text[:start])) is not None:
        start = qualifier
    modifier = _MODIFIER.search(text[:start])
    return modifier.start() if modifier else start


def _qualifier_start(before: str) -> int | None:
    """Return where an acronym, country name or demonym ending the text begins, or None."""
    acronym = _ACRONYM.search(before)
    if acronym:
        return acronym.start()
    tail = _POSSESSIVE_TAIL.search(before)
    if tail is None:
        return None
    ends = {end: start for _country, start, end in [*find_country_mentions(before), *find_demonyms(before)]}
    return ends.get(tail.start())


class _Cast:
    """The people found so far and the forms that name them, kept up to date as each is added.

    Adding a person costs the same however many came before (rebuilding an index for every
    introduction made a long report's people quadratic in its length).
    """

    def __init__(self) -> None:
        self.people: list[PersonRecord] = []
        self._owners: dict[str, set[str]] = {}
        self._position: dict[str, int] = {}

    def add(self, found: PersonRecord) -> None:
        """Add a new introduction, or merge it into the person it names (keeping the longer role)."""
        key = _mention_key(found.name)
        names = self._owners.get(key) if key else None
        existing = next(iter(names)) if names and len(names) == 1 else None
        if existing is None:
            self._position[found.name] = len(self.people)
            self.people.append(found)
            for form in _forms(found.name):
                self._owners.setdefault(normalize(form), set()).add(found.name)
            return
        index = self._position[existing]
        person = self.people[index]
        if len(found.role or "") > len(person.role or ""):
            self.people[index] = person.model_copy(update={"role": found.role})


# --- resolving mentions -----------------------------------------------------------------------


def _surname(name: str) -> str:
    """Return the surname with its particles: "Sanne de Wit" -> "de Wit"."""
    words = name.split()
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def _forms(name: str) -> set[str]:
    """Return the ways a text may mention a person: full name, surname, first-and-last name."""
    words = name.split()
    surname = _surname(name)
    return {name, surname, surname[:1].upper() + surname[1:], f"{words[0]} {words[-1]}"}


def _mention_key(mention: str) -> str | None:
    """Return the normalized name a mention gives, without titles ("U.S. President", "Mr.") or possessive."""
    words = _POSSESSIVE_END.sub("", mention.strip()).split()
    while len(words) > 1 and (_not_name_word(words[0]) or _ACRONYM.match(f"{words[0]} ")):
        words.pop(0)
    return normalize(" ".join(words)) if words else None


class PersonIndex:
    """Resolve mentions of the people an article names to their canonical names."""

    def __init__(self, people: Sequence[PersonRecord], extra: Mapping[str, str] | None = None) -> None:
        owners: dict[str, set[str]] = {}
        introduced: dict[str, int] = {}
        for person in people:
            introduced[person.name] = min(introduced.get(person.name, person.passage), person.passage)
            for form in _forms(person.name):
                owners.setdefault(normalize(form), set()).add(person.name)
        # A surname shared by two people names neither of them -- except before the second is
        # introduced, when it can only be the first (``at``): ``extra`` holds such forms' owners.
        self.keys = {key: next(iter(names)) for key, names in owners.items() if len(names) == 1}
        self.keys |= dict(extra or {})
        self._people = tuple(people)
        self._shared = {
            key: sorted((introduced[name], name) for name in names)
            for key, names in owners.items()
            if len(names) > 1 and key not in self.keys
        }
        self._variants: dict[frozenset[tuple[str, str]], PersonIndex] = {}
        # where the answer of ``at`` can change: a shared form's first and second introductions
        self._bounds = sorted({owners[i][0] for owners in self._shared.values() for i in (0, 1)})
        self._segments: dict[int, PersonIndex] = {}
        # Every form of every person, shared ones included: the variants of ``at`` search with the
        # same compiled pattern and skip the forms they do not resolve (``_known``). Longest first,
        # so a full name wins over its surname; ties in a fixed order, so the same people give the
        # same tuple and share one compiled pattern.
        forms = {f for p in people for f in _forms(p.name)}
        self._forms = tuple(sorted(forms, key=lambda form: (-len(form), form)))

    def at(self, position: int) -> PersonIndex:
        """Return the index for a passage: a form two people share names the one introduced by then.

        "Berecki said" before the second Berecki is introduced can only be the first. Nearly every
        article has no shared form, and this is the index itself; else one variant per set of
        such forms, made once.
        """
        if not self._shared:
            return self
        segment = bisect.bisect_right(self._bounds, position)  # positions between two bounds agree
        found = self._segments.get(segment)
        if found is None:
            found = self._segments[segment] = self._variant_at(position)
        return found

    def _variant_at(self, position: int) -> PersonIndex:
        """Return ``at``'s answer, worked out (once per stretch of passages between two bounds)."""
        extra = frozenset(
            (key, owners[0][1])
            for key, owners in self._shared.items()
            if owners[0][0] <= position < owners[1][0]
        )
        if not extra:
            return self
        variant = self._variants.get(extra)
        if variant is None:
            # the same people and forms, so the same pattern: only the keys differ
            variant = self._variants[extra] = copy.copy(self)
            variant.keys = self.keys | dict(extra)
            variant._shared, variant._bounds, variant._segments, variant._variants = {}, [], {}, {}
        return variant

    @functools.cached_property
    def _pattern(self) -> re.Pattern[str]:
        """Return the pattern of every form that names one known person (built on first use)."""
        return _mention_pattern(self._forms)

    def by_initials(self, label: str) -> str | None:
        """Return the one person whose name's initials a transcript's label is ("MK:" for Maude
        Kirkland), or None when no one's or several people's are."""
        names = {
            person.name
            for person in self._people
            if "".join(part[0] for part in person.name.replace("-", " ").split()).upper() == label
        }
        return names.pop() if len(names) == 1 else None

    def resolve(self, mention: str) -> str | None:
        """Return the canonical name a mention refers to, or None when it names nobody known."""
        key = _mention_key(mention)
        return self.keys.get(key) if key else None

    def find(self, text: str) -> list[Mention]:
        """Return the mentions of known people in text, in order."""
        found = []
        position = 0
        while (match := self._pattern.search(text, position)) is not None:
            known = self._known(text, match) if _NOT_AFTER_NAME.match(text, match.start()) else None
            if known is None:
                position = match.start() + 1
            else:
                found.append(known[0])
                position = known[1]
        return found

    def first_from(self, text: str, start: int) -> Mention | None:
        """Return the first mention of a known person that starts at or after start."""
        position = start
        while (match := self._pattern.search(text, position)) is not None:
            if _NOT_AFTER_NAME.match(text, match.start()) and (known := self._known(text, match)):
                return known[0]
            position = match.start() + 1
        return None

    def _known(self, text: str, match: re.Match[str]) -> tuple[Mention, int] | None:
        """Return the mention a match of the pattern makes and where it ends, or None if it names no one here.

        The pattern (which every variant of ``at`` shares) holds the forms two people share too;
        where this index does not resolve such a form, the words name no one: not the person a
        shorter form inside them names either ("Martin" in a shared "Martin Schulz").
        """
        owner = self.keys.get(normalize(match.group("form")))
        if owner is None:
            return None
        return Mention(owner, match.start(), match.end("form"), bool(match.group("poss"))), match.end()

    def subject(self, text: str) -> Mention | None:
        """Return the known person a sentence opens with as its subject, titles and intro allowed."""
        intro = INTRO.match(text)
        for start in (0, intro.end()) if intro else (0,):
            mention = next((m for m in self.find(text) if m.start >= start), None)
            if mention and is_title_prefix(text[start : mention.start]) and not mention.possessive:
                joined = _JOINED.match(text[mention.end :])
                return None if joined and not text[mention.end :].startswith(", ") else mention
        return None

    def referents(self, passages: Sequence[Passage]) -> list[Referent | None]:
        """Return, for each passage, whom a pronoun opening it refers to.

        Computed afresh on every call and kept nowhere: ingest threads share one index per cast of
        people (``shared_index``), so an answer kept on the index could reach another analysis.
        """
        result: list[Referent | None] = []
        current: Referent | None = None
        section: str | None = None
        for passage in passages:
            if passage.section != section:
                current, section = None, passage.section
            result.append(current)
            if _opens_with_pronoun(passage.text):
                continue
            named = {m.name for m in self.find(QUOTATION.sub(_blank, passage.text))}
            if not named and _UNKNOWN_SPEAKER.match(passage.text):
                # "Rutte, asked about Spain, said: ...", never introduced: a "he" after it is not
                # the person named before
                current = None
                continue
            if len(named) > 1:
                subject = self.subject(passage.text)
                named = {subject.name} if subject else set()
                current = None
            if len(named) == 1:
                current = Referent(named.pop(), passage.position)
        return result


# A sentence whose subject is a speaker the article never introduced: one capitalised word (a surname,
# or "Officials"), an optional aside, then a speech verb.
_UNKNOWN_SPEAKER = re.compile(
    r"\s*(?!(?:It|This|That|These|Those|There|He|She|They|We|I|You|The|A|An)\b)[A-Z][\w’'-]+"
    rf"(?:\s*,[^,.;]{{1,60}},)?\s+(?:{'|'.join(_SPEECH_VERBS)})\b"
)


@functools.lru_cache(maxsize=16)
def shared_index(people: tuple[PersonRecord, ...]) -> PersonIndex:
    """Return the one index of these people that all callers share.

    Statements and events both search an article for the same people; the index holds only what
    the people determine (their forms and pattern), never anything about one article.
    """
    return PersonIndex(people)


_NOT_AFTER_NAME = re.compile(r"(?<![\w-])")


# extract_people builds an index per introduction only to resolve names, while statements and events
# each build one for the same people and search with it: compile each alternation once, not per index.
@functools.lru_cache(maxsize=64)
def _mention_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """Return the pattern that finds any of the forms, with an optional possessive, before no word.

    It is scanned after ``_NOT_AFTER_NAME``, so together they find whole words only.
    """
    alternation = "|".join(re.escape(form) for form in forms) or r"(?!)"
    return re.compile(rf"(?P<form>{alternation})(?P<poss>['’]s?(?!\w))?(?![\w-])")


def _blank(match: re.Match[str]) -> str:
    """Return spaces as long as the match, to hide quoted words while keeping offsets."""
    return " " * len(match.group(0))


def _opens_with_pronoun(text: str) -> bool:
    """Return whether a sentence's subject, after any introductory phrase, is a pronoun."""
    intro = INTRO.match(text)
    return bool(_PRONOUN.match(text) or (intro and _PRONOUN.match(text, intro.end())))


# People named by their relation to someone are not that someone: "Critics of Polish defence
# minister Jan Kowal say ...", "Aides to Jane Doe said ...".
_RELATED_GROUP = re.compile(
    r"\b(?:critics|supporters|opponents|allies|friends|aides|colleagues|rivals|advisers|advisors|associates"
    r"|backers|detractors|enemies|relatives|lawyers|fans|admirers|voters|members|officials|staff|people)"
    r"\s+(?:of|to|close\s+to|around|for)\b",
    re.I,
)


_TITLE_THEN_NAME = re.compile(rf"(?:[{_UPPER}][\w.’'-]*\s+){{0,4}}{_NAME_WORD}(?:\s+{_NAME_PART}){{0,3}}")


def titled_name(text: str, start: int) -> tuple[str, int] | None:
    """Return (name, end) of a titled name written at start ("King Willem-Alexander", "Defence
    Minister Nuno Melo"), read as written: a name the article need not have introduced, one word
    long after a title. None when no title word opens it, or nothing is left for a name."""
    match = _TITLE_THEN_NAME.match(text, start)
    if match is None:
        return None
    words = match.group(0).split()
    title = 0
    while title < len(words) and words[title].lower().rstrip(".") in _TITLE_WORDS:
        title += 1
    if title == 0 or title == len(words):
        return None
    return " ".join(words[title:]), match.end()


_RETIRED_MARK = re.compile(_RETIRED)


def is_title_prefix(text: str) -> bool:
    """Return whether text is empty or only title words that may stand before a name."""
    if _RELATED_GROUP.search(text):
        return False
    words = text.split()
    for index, word in enumerate(words):
        if _RETIRED_MARK.fullmatch(word):
            continue  # "Colonel (ret.) Jane Doe"
        bare = _title_word(word)
        if (word[:1].isupper() and bare not in _FUNCTION_WORDS) or bare in _TITLE_WORDS or bare.endswith("-"):
            continue
        if (
            bare in ("to", "for", "of", "at")
            and index > 0
            and _title_word(words[index - 1]) in _ROLE_HEADS
            and index + 1 < len(words)
            and words[index + 1][:1].isupper()
        ):
            continue  # "US Ambassador to NATO Carter Hollis": the office's portfolio
        # "plant director Ivana Kollárová": a word of what is directed, right before a title word
        if not (
            bare.isalpha()
            and bare not in _FUNCTION_WORDS
            and index + 1 < len(words)
            and _title_word(words[index + 1]) in _ROLE_HEADS
        ):
            return False
    return True


def _title_word(word: str) -> str:
    """Return a word of a title as looked up: lower case, without a possessive, comma or full stop."""
    return _POSSESSIVE_END.sub("", word.rstrip(",")).lower().rstrip(".")
