"""Figures in a national official's own words: "we are spending 2.3%" is the official's country's.

The sentence readers leave a figure inside quotation marks to a spender the quotation names
itself, and a transcript turn names none: "we" has no country. This reader gives it one.

Rules:

* A verbatim statement -- a quotation, or a transcript turn -- by a person who speaks for one ally
  is read as a text of its own, in which that ally is the topic from the start: "we", "our" and
  an unnamed subject ("the figure", "it", "defence spending") are that ally; a figure the words
  give to another ally by name ("Poland is spending more than 4%") stays that ally's.
* A person speaks for an ally when their stated role names exactly one ("Canada's defence
  minister", "the Dutch prime minister", "Norway's ambassador to NATO"), and the role is not a
  former one or an office of the alliance or the EU ("the former Dutch prime minister", "NATO
  Secretary General": their "we" is not a country's). When the role names no country ("Secretary
  of State", as a hearing introduces its witness), an office holder (a role with a title word of
  ``people``: minister, secretary, chief ...) speaks for the ally whose national currency their
  own words use, if there is exactly one ("an extra £13.4
  billion" is Britain's); the euro and the dollar are shared and say nothing.
* A figure the article's own reading already gave to someone is not read twice, and a figure is
  tied to the article's sentence that holds it, so the answer cites the words as published.
* A whole text that is an office holder's own speech ("Prepared remarks of the Minister of
  Defence ... to the Riigikogu", "Statement by the Prime Minister"), written in the first person
  ("we", "our") without quotation marks, speaks for the one ally its title, source and opening
  name (``speech_ally``): the whole article is read as those words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from knowledge.extract.numbers import find_money
from knowledge.extract.people import FIRST_PERSON_VOICE, QUOTATION, byline_person, has_role_head
from knowledge.extract.reader import split_passages
from knowledge.extract.spending._clauses import FIRST_PERSON
from knowledge.extract.statements.scene import DATELINE
from knowledge.gazetteer import ally_of_currency, by_code, find_country_mentions, find_demonyms, one_ally
from knowledge.models import (
    Article,
    PersonRecord,
    SpeakerType,
    SpendingRecord,
    StatementKind,
    StatementRecord,
)
from knowledge.places import find_place

_NOT_NATIONAL = re.compile(
    r"\b(?:former|ex-|retired|Secretary[- ]General|European\s+(?:Commission|Union|Council|Parliament)|EU)\b",
    re.I,
)
Reader = Callable[[Article, str], list[SpendingRecord]]


def spoken_records(
    article: Article,
    people: list[PersonRecord],
    statements: list[StatementRecord],
    found: list[SpendingRecord],
    read: Reader,
) -> list[SpendingRecord]:
    """Return the figures officials state in their own words for the ally they speak for.

    read: the spending reader, given a text of the official's words and the ally they speak for.
    """
    roles = {p.name: p.role for p in people}
    introduced = {p.name: p.passage for p in people}
    own = [
        s
        for s in statements
        if s.kind is StatementKind.VERBATIM and s.speaker_type is SpeakerType.PERSON and s.speaker in roles
    ]
    if not own:
        return []
    taken = {(r.passage, r.as_written) for r in found}
    records: list[SpendingRecord] = []
    most = max(Counter(s.speaker for s in own).values())  # the interviewee's count of statements
    for speaker in dict.fromkeys(s.speaker for s in own):
        words = [s for s in own if s.speaker == speaker]
        ally = (
            _speaks_for(roles[speaker], words)
            or _placed_office(article, roles[speaker], words)
            or _office_in_title(article, roles[speaker])
            or _capital_of_title_ally(article, roles[speaker], introduced[speaker])
            or _interviewee_of_titled_office(article, roles[speaker], len(words), most)
        )
        if ally is None:
            continue
        for statement in words:
            for record in _read_words(article, statement, ally, read):
                if (record.passage, record.as_written) not in taken:
                    taken.add((record.passage, record.as_written))
                    records.append(record)
    return records


def _speaks_for(role: str | None, words: list[StatementRecord]) -> str | None:
    """Return the ally a person speaks for: the one their role names, else their words' currency."""
    if not role or _NOT_NATIONAL.search(role):
        return None
    if any(c.nato_member for c, _, _ in [*find_country_mentions(role), *find_demonyms(role)]):
        return one_ally(role, demonyms=True)
    if not has_role_head(role):
        return None  # "an economist" speaks for no government
    currencies = {q.currency for s in words for q in find_money(s.text) if q.currency}
    ally = ally_of_currency(currencies.pop()) if len(currencies) == 1 else None
    return ally if ally is not None and by_code(ally).nato_member else None


def _office_in_title(article: Article, role: str | None) -> str | None:
    """Return the ally whose office the title gives the person's role: "Slovenia's defence minister on
    the long climb" over an interview with "Defence Minister Tanja Resnik" (a role naming no country)."""
    if not role or _NOT_NATIONAL.search(role) or not _OFFICE.search(role):
        return None
    title = article.meta.title or ""
    for country, _start, end in find_country_mentions(title):
        if country.nato_member and re.match(rf"['’]s\s+{re.escape(role)}\b", title[end:], re.I) is not None:
            return country.code
    return None


def _interviewee_of_titled_office(article: Article, role: str | None, said: int, most: int) -> str | None:
    """Return the ally whose office the title names for the person an interview is with, when the
    text gives them no role: "Sweden's defence state secretary on the long climb to 3.5%" over the
    answers of "Johan Ekdahl, who has worked in and around Sweden's Ministry of Defence ...". The
    interviewee says the most, in several answers; the title names one ally's office."""
    if role is not None or said < _INTERVIEW_ANSWERS or said < most:
        return None
    title = article.meta.title or ""
    offices = {
        country.code
        for country, _start, end in find_country_mentions(title)
        if country.nato_member and _TITLED_OFFICE.match(title, end)
    }
    return offices.pop() if len(offices) == 1 else None


_INTERVIEW_ANSWERS = 3
# An office after a possessive ally: "Sweden's defence state secretary", "Norway's Prime Minister"
_TITLED_OFFICE = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:minister|state\s+secretary|secretary\s+of\s+state|chancellor|president)\b",
    re.I,
)


def _capital_of_title_ally(article: Article, role: str | None, passage: int) -> str | None:
    """Return the ally an office holder whose role names no country speaks for when the title names
    one ally and the passage introducing them places them in its capital: "Defence minister sets out
    Portugal's 2026 spending" over "the press conference given by the Minister of National Defence,
    Rui Almada, at the ministry in Lisbon". Both must agree: a minister "on a visit to Washington"
    under a title about Canada speaks for neither."""
    if not role or _NOT_NATIONAL.search(role) or not _OFFICE.search(role):
        return None
    title = article.meta.title or ""
    allies = {c.code for c, _, _ in [*find_country_mentions(title), *find_demonyms(title)] if c.nato_member}
    if len(allies) != 1:
        return None
    introduction = article.passages[passage].text
    if _VISIT.search(title) or _VISIT.search(introduction):
        return None  # "Poland hosts Nordic defence talks": a guest in Warsaw speaks for another ally
    ally = allies.pop()
    for named in _IN_PLACE.finditer(introduction):
        place = find_place(named.group("place"))
        if place is not None and place.capital and place.country == ally:
            return ally
    return None


_VISIT = re.compile(r"\b(?:visit\w*|hosts?|hosted|hosting|guests?|counterparts?|trip|talks\s+with)\b", re.I)
_IN_PLACE = re.compile(r"\b(?:in|at)\s+(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")


def _placed_office(article: Article, role: str | None, words: list[StatementRecord]) -> str | None:
    """Return the ally an office holder whose role names no country speaks for by where they speak:
    the capital a wire's paragraph is datelined from ("WARSAW — “We finished 2026 at 4.6%,” Deputy
    Defence Minister Kamil Nowak said"), or the one ally their own words open with ("Italy reached
    2.05 percent last year, and we intend to stay above the line"). Every statement must agree."""
    if not role or _NOT_NATIONAL.search(role) or not (_OFFICE.search(role) or "spokes" in role.lower()):
        return (
            None  # a government's office or its spokeswoman; a senator or an analyst speaks for no government
        )
    allies = set()
    for statement in words:
        text = article.passages[statement.passage].text
        dateline = DATELINE.match(text)  # a wire's "WARSAW — "
        place = find_place(dateline.group("place")) if dateline else None
        if place is not None and place.capital:
            allies.add(place.country)
            continue
        opening = find_country_mentions(statement.text[:40])
        if len(opening) == 1 and opening[0][1] == 0 and opening[0][0].nato_member:
            allies.add(opening[0][0].code)
        else:
            return None
    ally = allies.pop() if len(allies) == 1 else None
    return ally if ally is not None and by_code(ally).nato_member else None


def _read_words(
    article: Article, statement: StatementRecord, ally: str, read: Reader
) -> list[SpendingRecord]:
    """Return the figures of one statement, tied to the article's passages that hold them."""
    text = statement.text.rstrip(" ,;:—–-")
    if not text.endswith((".", "!", "?", "…")):
        text += "."  # a quotation cut by its attribution ("... by 2027," she said) is still a sentence
    passages, _ = split_passages(text)
    if not passages:
        return []
    words = Article(meta=article.meta, body=text, sha256=article.sha256, passages=passages)
    records = []
    for record in read(words, ally):
        sentence = passages[record.passage].text
        if _CORRECTING.search(sentence):
            continue  # "That was a transposition error; the correct figure is 2.38 per cent": the corrected figure's owner's
        holder = _holding_passage(article, statement.passage, sentence, record.as_written)
        if holder is not None:
            records.append(record.model_copy(update={"passage": holder}))
    return records


_CORRECTING = re.compile(r"\bcorrect(?:ed)?\s+(?:figure|number|share)\b|\bcorrection\b", re.I)
_LOOKAHEAD = 12  # a statement's words run over at most this many of the article's passages


def _holding_passage(article: Article, first: int, sentence: str, figure: str) -> int | None:
    """Return the article passage, from the statement's first on, that holds the sentence's figure."""
    probe = " ".join(sentence.split()).rstrip(".!?…")[:60]
    for passage in article.passages[first : first + _LOOKAHEAD]:
        flat = " ".join(passage.text.split())
        if figure in passage.text and (probe in flat or flat in " ".join(sentence.split())):
            return passage.position
    return None


# A title that says the text is someone's own words, and an office that speaks for a government.
_SPEECH_TITLE = re.compile(
    r"\b(?:remarks|speech|address|statement\s+(?:by|of|from)|testimony|keynote|opening\s+statement)\b", re.I
)
_OFFICE = re.compile(
    r"\b(?:minister|president|prime\s+minister|chancellor|secretary\s+of\s+state|premier|government|ministry)\b",
    re.I,
)
_OPINION = re.compile(r"\b(?:opinion|op-?ed|comment(?:ary)?|viewpoint|guest\s+column)\b", re.I)
_HELD_OFFICE = re.compile(
    r"\b(?:is|was|served\s+as|has\s+been)\s+(?:[\w’'-]+\s+){0,3}?(?:minister|president|prime\s+minister|chancellor"
    r"|secretary\s+of\s+state|premier)\b",
    re.I,
)
# An office that speaks for an organisation of states, whose "we" is no one ally.
_ALLIANCE_OFFICE = re.compile(
    r"\bNATO(?:['’]s)?\s+(?:Deputy\s+)?Secretary[\s-]General\b|\bSecretary[\s-]General\s+of\s+NATO\b"
    r"|\bNATO\s+(?:Newsroom|Spokesperson|Press\s+Office)\b",
    re.I,
)
_SPEECH_FIRST_PERSON = 3  # passages in the first person, outside quotation marks, that make a speech
_OPENING = 2  # passages of the opening that may name the ally


_ENVOY_OR_OFFICE = re.compile(
    rf"{_OFFICE.pattern}|\b(?:ambassador|permanent\s+representative|envoy|chief\s+of\s+defen[cs]e)\b", re.I
)


def _byline_ally(article: Article) -> str | None:
    """Return the one ally an op-ed byline's office names, if its author held one ("By X, Norway's former
    defence minister"); a reporter's or a columnist's byline names no office."""
    author = byline_person(article)
    role = author.role if author is not None else None
    office = _ENVOY_OR_OFFICE.search(role) if role is not None else None
    if role is None or office is None:
        return None
    # the country the office serves is named before the office: "Japan's ambassador to Poland" serves
    # Japan; "a fellow at the German Marshall Fund and a former Estonian minister" served Estonia
    named = sorted([*find_country_mentions(role), *find_demonyms(role)], key=lambda m: m[1])
    before = [m for m in named if m[2] <= office.start()]
    chosen = before[-1] if before else (named[0] if named else None)
    return chosen[0].code if chosen is not None and chosen[0].nato_member else None


def speech_ally(article: Article) -> str | None:
    """Return the ally a speech-like article's own first-person words speak for, if it is one.

    The title must say the text is an office holder's remarks, speech or statement, or its source must
    be an ally's government office (a ministry's press release), or it is an opinion piece whose
    byline says its author holds or held an office; the text must
    speak in the first person in several passages; and the title, source and opening passages
    must name exactly one ally. NATO's own offices (its Secretary General, spokesperson or
    newsroom) speak for the alliance: "NATO", whatever country the speech is given in.
    """
    title = article.meta.title or ""
    outlet = article.meta.outlet or ""
    framing = " ".join([title, outlet, *(p.text for p in article.passages[:_OPENING])])
    # a government office's own release ("Ministry of Defence of the Czech Republic — Press Office")
    # speaks in the first person as a speech does
    publisher = one_ally(outlet, demonyms=True) if _OFFICE.search(outlet) else None
    released = publisher is not None
    # an opinion piece by an office holder, past or present, whose byline says so: "Luc Vandermeulen
    # was Belgium's minister of defence from 2018 to 2020."
    opinion = _OPINION.search(f"{title} {outlet}") is not None and any(
        _HELD_OFFICE.search(p.text) for p in article.passages[:_OPENING]
    )
    byline = _byline_ally(article)
    if byline is not None and (opinion or _OPINION.search(" ".join([title, outlet, *article.sections[:2]]))):
        # "OPINION / By Annelise Vermeulen, the Netherlands' ambassador to NATO from 2016 to 2021":
        # the author's "my own country" and "we" are the ally their office served
        own = sum(1 for p in article.passages if FIRST_PERSON_VOICE.search(QUOTATION.sub(" ", p.text)))
        return byline if own >= _SPEECH_FIRST_PERSON else None
    if not (_SPEECH_TITLE.search(title) or released or opinion) or not _OFFICE.search(framing):
        return None
    if _ALLIANCE_OFFICE.search(f"{title} {outlet}"):
        # "Speech by NATO Secretary General ... in Bucharest": "we" are the allies, not the host
        return "NATO"
    first_person = sum(1 for p in article.passages if FIRST_PERSON.search(QUOTATION.sub(" ", p.text)))
    if first_person < (1 if released else _SPEECH_FIRST_PERSON):
        return None  # a ministry's own release is its words from its first "we"
    # the release's office names its ally, whatever other ally its opening mentions (a shipyard abroad)
    return publisher if released else one_ally(framing, demonyms=True)
