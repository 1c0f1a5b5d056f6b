"""Where a meeting is: the place a mention names, as written, with the country it lies in.

* After the meeting word or verb: "summit in Vilnius", "meet again in Oslo", "the summit, to be
  held in Madrid", "in Apulia, southern Italy" (the country after a comma counts), "in the
  Lithuanian capital" (a demonym's capital).
* Before the meeting word: "the Madrid summit", "the Dutch summit" (a demonym's country); and a
  place that is the subject of "was / will be / hosts ... summit": "The Hague, on 24-25 June, was
  the shortest summit", "Vilnius will host the summit", "Vilnius hosted last year's summit"; and
  the subject of a host verb whose object is a group of leaders ("Madrid hosted NATO leaders",
  "The Latvian capital will host leaders").
* A place is a country, a city or region of ``knowledge.places`` (which gives its country), or,
  right after the meeting word, any capitalised name ("summit in Kananaskis").
* A dateline ("THE HAGUE —", "VILNIUS, July 12 —") names the city the first paragraph was
  written in; ``dateline`` reads it for events whose country it matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.events._clauses import clause_start
from knowledge.extract.events._times import Times
from knowledge.extract.timeref import MONTH_NAMES
from knowledge.gazetteer import find_country_mentions, find_demonyms, normalize
from knowledge.places import capital_of, find_place


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A place named in a passage: as written, its country when known, and its span."""

    name: str
    country: str | None
    is_country: bool  # the place is a whole country ("the Netherlands"), not a city in it
    start: int
    end: int
    described: bool = False  # "the Dutch city": a city of the country, named elsewhere (``city_named``)


def words(text: str) -> frozenset[str]:
    """Return the words of a word list written as one string."""
    return frozenset(text.split())


_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+(?:-[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+)*"
_NAME = rf"(?:[Tt]he\s+)?{_WORD}(?:\s+{_WORD}){{0,2}}"
# Words between a meeting word and its place: "the summit, to be held in Ankara on July 7-8".
HELD = (
    # "the summit, held on July 7 and 8": the participle alone too
    r"(?:\s*,?\s+(?:which\s+|that\s+)?(?:(?:this|next)\s+(?:year|time)\s+|also\s+|again\s+|now\s+)?(?:(?:(?:will\s+be|is\s+to\s+be|to\s+be|is\s+being|was|is)\s+)?(?:held|hosted"
    # "..., which Albania will host in Tirana", "will be hosted by Albania in Tirana"
    r"(?:\s+by\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})?)"
    r"|[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}\s+(?:will\s+|is\s+to\s+|is\s+due\s+to\s+)?host(?:s|ed)?"
    r"|(?:(?:is|are|was)\s+)?(?:planned|scheduled|set|due)"
    # "is due to take place", "is set to be held", "is scheduled to open"
    r"(?:\s+to\s+(?:take\s+place|be\s+held|open|start|begin|run|convene))?"
    r"|(?:will\s+)?(?:take|takes|took)\s+place"
    r"|(?:will\s+)?(?:run|runs|ran|open|opens|opened|convene|convenes|convened|start|starts|started|begin|begins"
    r"|began|end|ends|ended|close|closes|closed|meet|meets|met)"
    # a bare copula before its time or place: "The NATO summit in Ankara is on 7-8 July"
    # (or right before the time, when the time's own words start with "in": "is in July")
    r"|(?:is|are|was|will\s+be)(?=\s+(?:on|in|from|between)\s|\s+$)))?"
)
_SUFFIX_QUALIFIER = r"(?:(?:north|south|east|west)(?:ern|-eastern|-western)?\s+|central\s+)?"
# "the summit of NATO takes place in Hague", "the summit of the Alliance in Hague".
# ... and "the Summit of Heads of State and Government in Ankara"
_OF_BODY = (
    r"(?:\s+of\s+(?:the\s+)?(?:(?i:(?:NATO\s+|allied\s+|the\s+alliance['’]s\s+)?heads\s+of\s+(?:state|government)(?:\s+and\s+(?:of\s+)?(?:state|government))?)"
    r"|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}))?"
    # "a meeting of the heads of state and government of the 32 member states of the North Atlantic
    # Treaty Organization, held at ..."
    r"(?:\s+of\s+(?:the\s+|its\s+)?(?:\d+\s+)?(?:member\s+states|members|allies|nations)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})?)?"
)
# The building between the meeting and its city: "the summit venue in", "the meeting at the
# alliance's headquarters in Brussels", "the summit at the World Forum in The Hague".
_BUILDING = (
    r"(?:\s+(?:venue|site)"
    r"|\s*,?\s+(?:at|inside)\s+(?:the\s+|an?\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?i:headquarters|venue|cent(?:re|er)|palace|hall|forum|complex|building|hotel|castle|base|resort|estate"
    r"|manor|lodge|arena))?"
)
# "gathered at a golf resort outside Newport, Wales": a building's town may be near the city named.
_AFTER = re.compile(
    # "held at the World Forum in The Hague": the building may follow the verb
    # "will meet again here in Brussels in June": a briefer's "here" before the place
    rf"{_OF_BODY}{_BUILDING}{HELD}{_BUILDING}\s*,?(?:\s+(?:here|there))?\s+(?:in|at|outside|near)\s+(?P<place>{_NAME})"
    # "in Ankara in Turkey", "in Ankara, in Turkey": the country may follow as a second "in", as
    # translations write it
    rf"(?P<suffix>,\s+{_SUFFIX_QUALIFIER}{_NAME}\.?|,?\s+in\s+{_NAME}\b(?![’']s)"
    # "the NATO summit in Ankara (Türkiye) on 7. and 8. Juli 2026": the country in brackets
    rf"|\s+\({_NAME}\))?"
)
# A meeting scheduled for a place: "The next NATO summit is scheduled for Ankara in July 2026."
_SCHEDULED_FOR = re.compile(
    rf"\s*,?\s+(?:is|are|was|has\s+been)\s+(?:planned|scheduled|set|slated|pencilled|penciled)\s+(?:in\s+)?for\s+"
    rf"(?P<place>{_NAME})(?P<suffix>)"
)
# A list's or a label's meeting: "Defence ministers' meeting, Brussels, 11-12 February 2027", "Last
# summit: Ankara, July 2026" -- the place, then its date.
_LISTED = re.compile(
    # "Next summit: Tirana, Albania, June 2027": the country may follow the city
    rf"s?\s*[,:](?:\*\*|__)?\s+(?P<place>{_NAME})(?P<suffix>(?:,\s+{_NAME})?)"
    rf"(?=,\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\b|(?:{MONTH_NAMES})\b))"
)
_IN_SUFFIX = re.compile(r",?\s+in\s")
_SUFFIX_START = re.compile(rf"^(?:,?\s+in\s+|,\s+{_SUFFIX_QUALIFIER})")
_NAME_PATTERN = re.compile(_NAME)
# "the Lithuanian capital", and a country's: "Albania's capital"
_CAPITAL = re.compile(r"(?:[Tt]he\s+)?(?P<demonym>[A-Z]\w+)(?:['’]s)?\s+capital\b")
# "in the Dutch city", "the Turkish resort": a city the text names elsewhere, in the demonym's country
_DESCRIBED = re.compile(
    r"[Tt]he\s+(?P<demonym>[A-Z]\w+)\s+(?:(?:coastal|port|seaside|spa|border|harbour)\s+)?"
    r"(?:city|town|port|resort)\b"
)
_BEFORE = re.compile(rf"(?<![\w’'])(?P<place>{_NAME})\s+$")
# "fly to Ankara for the NATO summit", "arrive in Vilnius for this year's summit"
_TRAVEL_FOR = re.compile(
    rf"\b(?:to|in)\s+(?P<place>{_NAME})\s+for\s+(?:the|a|an|this\s+year['’]s|next\s+week['’]s)\s+(?:[\w-]+\s+){{0,2}}$"
)
# "The Hague, on 24-25 June 2025, was the shortest summit": the place is the clause's subject.
_SUBJECT = re.compile(
    rf"(?P<place>(?:[Tt]he\s+[A-Z]\w+\s+capital)|{_NAME})(?:,[^,;:]{{1,40}},)?\s+(?:was|is|will\s+be|became"
    r"|(?:will\s+|(?:is|was)\s+(?:set|due)\s+to\s+)?host(?:s|ed)?)\s+"
)
# "was [the shortest] summit", "hosts [next year's] summit"
_PREDICATE = re.compile(r"(?:the|a|an|this|next|last|its|their)\b(?:['’]s)?\s+(?:[\w’'-]+\s+){0,4}")
# "Madrid hosted NATO leaders", "The Latvian capital will host leaders": the host verb's subject.
_HOST_SUBJECT = re.compile(
    rf"(?P<place>(?:[Tt]he\s+[A-Z]\w+\s+capital)|{_NAME})(?:,[^,;:]{{1,40}},)?\s+"
    r"(?:(?:has|have|had|will|(?:is|was)\s+(?:set|due)\s+to)\s+)?$"
)
_NOT_PLACES = words(
    "nato alliance leaders upcoming next last this emergency extraordinary annual special first second"
    " european eu council group read"
)
_DATELINE = re.compile(r"(?P<place>[A-Z][A-Z’'.\- ]*[A-Z])(?:,[^—–\n]{1,40}?)?\s+[—–]\s+")


_VENUE_AFTER = re.compile(
    r"\s+(?i:congress|conference|convention|exhibition|press)?\s*(?i:centre|center|hall|palace|hotel|forum|complex"
    r"|building|venue|stadium|arena|castle)\b"
)


# The alliance's headquarters are in Brussels (reference data, as a city's country is): "NATO
# defence ministers meet at NATO headquarters", "at alliance headquarters".
_IN_PLACE_AFTER = re.compile(r"\s+in\s+[A-Z]")
_HEADQUARTERS = re.compile(
    r"\s+(?:at|in)\s+(?:the\s+)?(?:NATO|[Aa]lliance|[Aa]llied)(?:['’]s)?\s+(?:headquarters|HQ)\b"
)


def place_after(text: str, end: int, times: Times) -> PlaceMatch | None:
    """Return the place written right after a meeting word or verb ending at end ("summit in X")."""
    headquarters = _HEADQUARTERS.match(text, end)
    if headquarters is not None and not _IN_PLACE_AFTER.match(
        text, headquarters.end()
    ):  # "... in Brussels" says it
        known = find_place("Brussels")
        if known is not None:
            at = headquarters.start() + len(headquarters.group(0)) - len(headquarters.group(0).lstrip())
            return PlaceMatch(known.name, known.country, False, at, headquarters.end())
    match = _AFTER.match(text, end) or _LISTED.match(text, end) or _SCHEDULED_FOR.match(text, end)
    if match is None or times.covering(match.start("place")) is not None:
        return None
    if _VENUE_AFTER.match(text, match.end("place")):
        return None  # "at the Beştepe congress centre": a building, not the city
    start = match.start("place")
    capital = _CAPITAL.match(text, start)
    if capital:
        return _capital(capital, start, text)
    described = _DESCRIBED.match(text, start)
    if described:
        return _described(described, start)
    place = resolve(match.group("place"), start == 0, start, match.end("place"), strong=True)
    suffix = match.group("suffix")
    if place is None or not suffix:
        return place
    suffix_name = _SUFFIX_START.sub("", suffix).removesuffix(".").strip("() ")
    suffix_country = _country_of(suffix_name) or _NATIONS_OF_COUNTRIES.get(suffix_name)
    if suffix_country and place.country == suffix_country and not place.is_country and match.re is _LISTED:
        # "Next summit: Tirana, Albania, June 2027": a list's city is named as its other entries are
        return PlaceMatch(place.name, place.country, False, start, match.end())
    if suffix_country and place.country not in (None, suffix_country):
        # "At the summit in The Hague, Belgium signs up to ...": another country, the next clause's subject
        return place
    if suffix_country:  # "Apulia, southern Italy": the country after the comma counts
        # "in Tirana, Albania.": the full stop ends the sentence; no country's name ends with one
        # "in Ankara, in Turkey" is shown as "Ankara, Turkey"
        written = (
            f", {suffix_name}"
            if _IN_SUFFIX.match(suffix) or suffix.lstrip().startswith("(")
            else suffix.removesuffix(".")
        )
        return PlaceMatch(
            f"{place.name}{written}",
            place.country or suffix_country,
            False,
            start,
            match.end(),
        )
    if not suffix.startswith(","):
        return place  # "in Ankara in July": no country
    if suffix.endswith("."):  # "Kananaskis, Alta.": a region's abbreviation, shown as written
        return PlaceMatch(f"{place.name}{suffix}", place.country, False, start, match.end())
    return place


def place_before(text: str, start: int, times: Times) -> PlaceMatch | None:
    """Return the place written before a meeting word at start ("the Madrid summit", "Dutch summit",
    "will fly to Ankara for the NATO summit")."""
    travel = _TRAVEL_FOR.search(text, max(0, start - 80), start)
    if travel is not None:
        place = resolve(travel.group("place"), False, travel.start("place"), travel.end("place"))
        if place is not None and place.country is not None:
            return place
    match = _BEFORE.search(text, max(0, start - 60), start)
    if match and times.covering(match.start("place")) is None:
        words = match.group("place")
        demonyms = find_demonyms(words)
        if demonyms and words[demonyms[-1][1] : demonyms[-1][2]] == words.split()[-1]:
            country = demonyms[-1][0]
            return PlaceMatch(
                country.prose_name(), country.code, True, match.start("place"), match.end("place")
            )
        for suffix in _suffixes(text, match.start("place"), match.end("place")):
            # "At The Hague summit": the name may start after a capitalised word that is not one.
            place = resolve(text[suffix : match.end("place")], suffix == 0, suffix, match.end("place"))
            if place:
                return place
    subject = _SUBJECT.match(text, clause_start(text, start))
    if subject and subject.end() <= start and _PREDICATE.fullmatch(text, subject.end(), start):
        place_start = subject.start("place")
        capital = _CAPITAL.fullmatch(text, place_start, subject.end("place"))
        if capital:  # "The Latvian capital hosts the summit"
            return _capital(capital, place_start, text)
        return resolve(subject.group("place"), place_start == 0, place_start, subject.end("place"))
    return None


# "In The Hague, leaders will meet on 24-25 June": a known place opening the clause.
# ... and with its time: "At The Hague in June 2025, allies agreed ..."
_OPENING_PLACE = re.compile(
    # ... "At The Hague last June, the Prime Minister signed up to ...", "Last June in The Hague, we ..."
    rf"\s*(?:(?:[Ll]ast|[Tt]his|[Nn]ext)\s+[A-Z][a-z]+\s+)?(?:[Ii]n|[Aa]t)\s+(?P<place>{_NAME})(?:\s+(?:(?:in|on)\s+|(?=(?:last|this|next)\s))[^,;:]{{3,25}})?\s*,\s+"
)
# between the opening and the group that decides: "Last June in The Hague, we and our allies made a promise"
_GROUP_LEAD = re.compile(r"(?:(?:we|they)\s+and\s+)?(?:(?:our|their)\s+)?")
_HOST_REACH = 60  # characters before the verb where its subject may start


def opening_place(text: str, clause: int, start: int) -> PlaceMatch | None:
    """Return the known place of an adverbial opening a clause ("In The Hague, leaders meet ..."),
    when the meeting's words follow it directly (from start)."""
    match = _OPENING_PLACE.match(text, clause)
    if match is None or not _GROUP_LEAD.fullmatch(text, match.end(), start):
        return None
    place = resolve(match.group("place"), match.start("place") == 0, match.start("place"), match.end("place"))
    return place if place and place.country else None


def when_clause_place(text: str, start: int) -> PlaceMatch | None:
    """Return the known city a "when" clause hangs from, for the group whose words start at start:
    "That changed in Newport, Wales, in September 2014, when leaders promised ...", "She will not
    be in Ankara in July, when leaders meet for the first summit ..."."""
    match = _WHEN_CLAUSE_PLACE.search(text, max(0, start - 90), start)
    if match is None:
        return None
    place = resolve(match.group("place"), False, match.start("place"), match.end("place"))
    return place if place and place.country and not place.is_country else None


# "in <City>(, <Region>)(,) in <a time>, when " right before the group
_WHEN_CLAUSE_PLACE = re.compile(
    r"\b(?:in|at)\s+(?P<place>(?:The\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)(?:,\s+[A-Z][\w’'-]+)?,?"
    r"\s+(?:in|on)\s+[^,;.]{3,30},\s+when\s+$"
)


def host_place(text: str, verb_start: int) -> PlaceMatch | None:
    """Return the place that is the subject of a host verb at verb_start ("Madrid hosted ...")."""
    clause = clause_start(text, verb_start)
    begin = max(clause, verb_start - _HOST_REACH)
    for start in _suffixes(text, begin, verb_start):  # "In July 2023, Vilnius hosted": from each word
        match = _HOST_SUBJECT.fullmatch(text, start, verb_start)
        if match is None:
            continue
        capital = _CAPITAL.fullmatch(text, match.start("place"), match.end("place"))
        if capital:
            return _capital(capital, match.start("place"), text)
        return resolve(match.group("place"), start == 0, start, match.end("place"))
    return None


def _suffixes(text: str, start: int, end: int) -> list[int]:
    """Return where each word of text[start:end] starts, first word first ("At The Hague": 3 starts)."""
    return [start] + [start + m.end() for m in _SPACES.finditer(text[start:end])]


_SPACES = re.compile(r"\s+")


def place_in(text: str, start: int, end: int) -> PlaceMatch | None:
    """Return the one country or known city named at a position (for "left the Netherlands")."""
    match = _NAME_PATTERN.match(text, start, end)
    if match is None:
        return None
    place = resolve(match.group(0), start == 0, start, match.end())
    return place if place and place.country else None


# A cell of a calendar or table that is only "City, Country": a city the gazetteer need not know.
_CITY_AND_COUNTRY = re.compile(r"(?P<city>[A-ZÀ-Þ][\w'’.-]+(?:[ -][\w'’.-]+){0,3}),\s+(?P<country>[^,]+?)\s*")


def cell_place(cell: str) -> PlaceMatch | None:
    """Return the place a table cell names: a known place, or any city followed by its country."""
    known = place_in(cell, 0, len(cell))
    if known is not None:
        return known
    match = _CITY_AND_COUNTRY.fullmatch(cell)
    country = _country_of(match.group("country")) if match else None
    if match is None or country is None or _country_of(match.group("city")) is not None:
        return None
    return PlaceMatch(match.group("city"), country, False, 0, match.end("city"))


# A chronology's entry that opens with where and when it happened: "2014 – Newport, Wales, 4-5
# September: ...", "2023 – Vilnius, 11-12 July: ...".
_ENTRY_PLACE = re.compile(rf"(?P<place>{_NAME})(?:,\s+(?P<country>{_NAME}))?,\s+(?=[^,:;.]{{3,30}}:\s)")


def entry_place(text: str, start: int) -> tuple[PlaceMatch, int] | None:
    """Return the known place a chronology's entry names right after its year label, and where the
    words after it (its date) start."""
    match = _ENTRY_PLACE.match(text, start)
    if match is None:
        return None
    place = resolve(match.group("place"), False, match.start("place"), match.end("place"))
    if place is None or place.country is None or place.is_country:
        return None
    country = match.group("country")
    if country and _country_of(country) not in (None, place.country):
        return None
    return place, match.end()


# "from the World Forum in The Hague, where NATO leaders begin the second day of their summit"
# "will travel to Ankara on 7-8 July, where NATO leaders are expected to ...": a time may follow the place
_WHERE_PLACE = re.compile(
    rf"\b(?:[Ii]n|[Aa]t|to)\s+(?P<place>{_NAME})(?:\s+(?:on|in)\s+[^,;:.]{{1,30}})?\s*,\s+where\b[^.;:!?]*$"
)


def where_place(text: str, start: int) -> PlaceMatch | None:
    """Return the known place a meeting word at start is in through "in <place>, where ...", if any."""
    match = _WHERE_PLACE.search(text, max(0, start - 160), start)
    if match is None:
        return None
    place = resolve(match.group("place"), False, match.start("place"), match.end("place"))
    return place if place and place.country else None


def resolve(
    words: str, sentence_start: bool, start: int, end: int, *, strong: bool = False
) -> PlaceMatch | None:
    """Return the place words name: a country, a known city, or (strong position) any name."""
    country = _country_of(words)
    if country:
        return PlaceMatch(words, country, True, start, end)
    bare = words.split()
    if bare[0] == "the" or (bare[0] == "The" and sentence_start):
        bare = bare[1:]  # "the Vilnius summit": the article belongs to the phrase, not the name
    if not bare:
        return None
    known = find_place(words) or find_place(" ".join(bare))
    if known:
        name = words if words.startswith("The ") and known.name.startswith("The ") else " ".join(bare)
        if normalize(name) != normalize(known.name) and normalize(" ".join(bare)) != normalize(known.name):
            name = known.name  # another language's name for the city ("Den Haag"): the table's, as users ask
        return PlaceMatch(name, known.country, False, start, end)
    if not strong or bare[0].lower() in _NOT_PLACES or (sentence_start and len(bare) == 1):
        return None
    return PlaceMatch(" ".join(bare), None, False, start, end)


def dateline(text: str) -> PlaceMatch | None:
    """Return the known city of a dateline that opens a passage ("THE HAGUE — ..."), if any."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    known = find_place(match.group("place"))
    return (
        PlaceMatch(known.name, known.country, False, 0, match.end()) if known and not known.region else None
    )


def _capital(match: re.Match[str], start: int, text: str) -> PlaceMatch | None:
    """Return the capital of the country a demonym names ("the Lithuanian capital"), and the city
    named after it when the text names one there ("the Albanian capital Tirana", "..., Tirana,")."""
    demonyms = find_demonyms(match.group("demonym")) or find_country_mentions(match.group("demonym"))
    capital = capital_of(demonyms[0][0].code) if demonyms else None
    if capital is None:
        return None
    named = _NAMED_AFTER.match(text, match.end())
    city = find_place(named.group("name")) if named else None
    if named is not None and city is not None and city.country == capital.country:
        return PlaceMatch(city.name, city.country, False, start, named.end("name"))
    return PlaceMatch(capital.name, capital.country, False, start, match.end())


_NAMED_AFTER = re.compile(rf",?\s+(?P<name>{_NAME})")


def _described(match: re.Match[str], start: int) -> PlaceMatch | None:
    """Return the country of a described city ("the Dutch city"): the city itself is named elsewhere."""
    demonyms = find_demonyms(match.group("demonym"))
    if not demonyms:
        return None
    country = demonyms[0][0]
    return PlaceMatch(country.prose_name(), country.code, True, start, match.end(), described=True)


_NOT_THERE = re.compile(r"\b(?:not|than|from|of|instead\s+of)\s+$", re.I)


def last_city(text: str) -> PlaceMatch | None:
    """Return the last known city text names, the one a following "there" refers to."""
    found = None
    for match in _NAME_PATTERN.finditer(text):
        if _NOT_THERE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "Ankara, not Istanbul", "rather than Istanbul", "travelled from Brussels"
        place = resolve(match.group(0), match.start() == 0, 0, 0)
        if place is not None and place.country and not place.is_country:
            found = place
    return found


def city_named(text: str, country: str) -> PlaceMatch | None:
    """Return the first known city of a country that text names ("The Hague, June 2025"), if any."""
    for match in _NAME_PATTERN.finditer(text):
        place = resolve(match.group(0), match.start() == 0, 0, 0)
        if place is not None and place.country == country and not place.is_country:
            return place
    return None


def _country_of(text: str) -> str | None:
    """Return the country code when text is exactly a country's name."""
    mentions = find_country_mentions(text)
    bare = text.removeprefix("the ").removeprefix("The ")
    if len(mentions) == 1 and text[mentions[0][1] : mentions[0][2]] == bare:
        return mentions[0][0].code
    return None


# Nations within a country, written after a city as its country is: "Newport, Wales". Not country
# names in the gazetteer: "the Wales pledge" names no spender.
_NATIONS_OF_COUNTRIES = {"Wales": "GB", "Scotland": "GB", "England": "GB", "Northern Ireland": "GB"}


# "in Ankara this July", "In July, in Ankara": a known city written beside a time.
_IN_CITY_BEFORE = re.compile(rf"\b[Ii]n\s+(?P<place>{_NAME})\s*,?\s+(?:(?:in|on|this|next)\s+)?$")
_IN_CITY_AFTER = re.compile(rf"(?:\s*,)?\s+in\s+(?P<place>{_NAME})\b")


def city_beside(text: str, start: int, end: int) -> PlaceMatch | None:
    """Return the known city written as "in <city>" right before or right after text[start:end]."""
    for match in (_IN_CITY_AFTER.match(text, end), _IN_CITY_BEFORE.search(text, max(0, start - 60), start)):
        if match is None:
            continue
        place = resolve(match.group("place"), False, match.start("place"), match.end("place"))
        if place is not None and place.country is not None and not place.is_country:
            return place
    return None
