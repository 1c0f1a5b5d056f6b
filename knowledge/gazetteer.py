"""Country reference data and pure name resolution: the gazetteer.

Holds the 32 NATO members, the non-members that NATO news names, and a pseudo-country for the
alliance as a whole. Resolves what users type (``resolve_country``, ``suggest_countries``) and
finds country names in article sentences (``find_country_mentions``, ``find_demonyms``).
No I/O: every index is built once at import so lookups are fast.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.errors import UnknownCountry
from knowledge.models import ALLIANCE
from knowledge.wordscan import PASSAGE_CACHE, finditer_after

# --- records ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Country:
    """A country (ISO 3166-1 alpha-2 ``code``) or the alliance pseudo-country (code ``NATO``)."""

    code: str
    name: str  # short common English name
    flag: str
    nato_member: bool
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    article: bool = False  # the name takes "the": "the Netherlands"

    def prose_name(self) -> str:
        """Return the name as it reads in a sentence, with "the" where the name takes it."""
        return f"the {self.name}" if self.article else self.name


PathKind = Literal["exact", "alias", "fuzzy"]


@dataclass(frozen=True, slots=True)
class Resolution:
    """How a typed name resolved: the country, which rule matched, and the match score."""

    country: Country
    path: PathKind
    score: float  # 100.0 for exact and alias matches
    alias: str | None = None  # another name of the country the text gave ("Turkey" for Türkiye), as listed


_REGIONAL_INDICATOR_A = 0x1F1E6


def flag_for(code: str) -> str:
    """Return the flag emoji spelled by the regional-indicator letters of a two-letter code."""
    if len(code) != 2 or not (code.isascii() and code.isalpha()):
        raise ValueError(f"not a two-letter code: {code!r}")
    return "".join(chr(_REGIONAL_INDICATOR_A + ord(letter) - ord("A")) for letter in code.upper())


def _country(
    code: str,
    name: str,
    member: bool,
    aliases: tuple[str, ...] = (),
    demonyms: tuple[str, ...] = (),
    article: bool = False,
) -> Country:
    """Return a Country whose flag is derived from its code."""
    return Country(code, name, flag_for(code), member, aliases, demonyms, article)


# --- reference data ---------------------------------------------------------------------------

# Demonyms list singular forms only; scanning also accepts a plural "s" ("Americans").
# Left out on purpose: words that are common first names or ordinary words ("Finn", "Pole"),
# bare "Korea"/"Korean" (which Korea?) and "Macedonian" (also a Greek region's people).
_MEMBERS: tuple[Country, ...] = (
    _country("AL", "Albania", True, (), ("Albanian",)),
    _country("BE", "Belgium", True, (), ("Belgian",)),
    _country("BG", "Bulgaria", True, (), ("Bulgarian",)),
    _country("CA", "Canada", True, (), ("Canadian",)),
    _country("HR", "Croatia", True, (), ("Croatian", "Croat")),
    _country("CZ", "Czechia", True, ("Czechia", "Czech Republic"), ("Czech",)),
    _country("DK", "Denmark", True, (), ("Danish", "Dane")),
    _country("EE", "Estonia", True, (), ("Estonian",)),
    _country("FI", "Finland", True, (), ("Finnish", "Finns")),
    _country("FR", "France", True, ("French Republic",), ("French",)),
    _country("DE", "Germany", True, ("Federal Republic of Germany", "Deutschland"), ("German",)),
    _country("GR", "Greece", True, ("Hellenic Republic",), ("Greek",)),
    _country("HU", "Hungary", True, (), ("Hungarian",)),
    _country("IS", "Iceland", True, (), ("Icelandic", "Icelander")),
    _country("IT", "Italy", True, ("Italian Republic",), ("Italian",)),
    _country("LV", "Latvia", True, (), ("Latvian",)),
    _country("LT", "Lithuania", True, (), ("Lithuanian",)),
    _country("LU", "Luxembourg", True, ("Luxemburg",), ("Luxembourgish", "Luxembourger")),
    _country("ME", "Montenegro", True, (), ("Montenegrin",)),
    _country("NL", "Netherlands", True, ("the Netherlands", "Netherlands", "Holland"), ("Dutch",), True),
    _country(
        "MK", "North Macedonia", True, ("Macedonia", "Republic of North Macedonia"), ("North Macedonian",)
    ),
    _country("NO", "Norway", True, (), ("Norwegian",)),
    _country("PL", "Poland", True, (), ("Polish", "Pole")),
    _country("PT", "Portugal", True, (), ("Portuguese",)),
    _country("RO", "Romania", True, ("Rumania",), ("Romanian",)),
    _country("SK", "Slovakia", True, ("Slovak Republic",), ("Slovak", "Slovakian")),
    _country("SI", "Slovenia", True, (), ("Slovenian", "Slovene")),
    _country("ES", "Spain", True, (), ("Spanish", "Spaniard")),
    _country("SE", "Sweden", True, (), ("Swedish", "Swede")),
    _country("TR", "Türkiye", True, ("Türkiye", "Turkey", "Turkiye"), ("Turkish", "Turk")),
    _country(
        "GB",
        "United Kingdom",
        True,
        ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
        ("British", "Briton", "Brit"),
        True,
    ),
    _country(
        "US",
        "United States",
        True,
        ("U.S.", "US", "USA", "U.S.A.", "America", "United States", "United States of America"),
        ("American",),
        True,
    ),
)

_NON_MEMBERS: tuple[Country, ...] = (
    _country("RU", "Russia", False, ("Russian Federation",), ("Russian",)),
    _country("UA", "Ukraine", False, (), ("Ukrainian",)),
    _country("CN", "China", False, ("People's Republic of China", "PRC"), ("Chinese",)),
    _country("BY", "Belarus", False, ("Byelorussia", "Belorussia"), ("Belarusian",)),
    _country("GE", "Georgia", False, (), ("Georgian",)),
    _country("MD", "Moldova", False, ("Republic of Moldova",), ("Moldovan",)),
    _country("IR", "Iran", False, ("Islamic Republic of Iran",), ("Iranian",)),
    _country(
        "KP", "North Korea", False, ("DPRK", "Democratic People's Republic of Korea"), ("North Korean",)
    ),
    _country("RS", "Serbia", False, (), ("Serbian", "Serb")),
    _country(
        "BA",
        "Bosnia and Herzegovina",
        False,
        ("Bosnia", "Bosnia-Herzegovina", "Bosnia & Herzegovina"),
        ("Bosnian",),
    ),
    _country("XK", "Kosovo", False, (), ("Kosovar", "Kosovan")),  # XK: user-assigned, not ISO proper
    _country("AT", "Austria", False, (), ("Austrian",)),
    _country("IE", "Ireland", False, ("Republic of Ireland",), ("Irish",)),
    _country("CH", "Switzerland", False, ("Swiss Confederation",), ("Swiss",)),
    _country("MT", "Malta", False, (), ("Maltese",)),
    _country("CY", "Cyprus", False, (), ("Cypriot",)),
    _country("JP", "Japan", False, (), ("Japanese",)),
    _country("KR", "South Korea", False, ("Republic of Korea", "ROK"), ("South Korean",)),
    _country("AU", "Australia", False, (), ("Australian",)),
    _country("NZ", "New Zealand", False, (), ("New Zealander",)),
    _country("IN", "India", False, ("Republic of India",), ("Indian",)),
    _country("IL", "Israel", False, ("State of Israel",), ("Israeli",)),
    _country("SY", "Syria", False, ("Syrian Arab Republic",), ("Syrian",)),
    _country("AF", "Afghanistan", False, (), ("Afghan",)),
    _country("AM", "Armenia", False, (), ("Armenian",)),
    _country("AZ", "Azerbaijan", False, (), ("Azerbaijani", "Azeri")),
    _country("KZ", "Kazakhstan", False, (), ("Kazakh", "Kazakhstani")),
    _country("IQ", "Iraq", False, (), ("Iraqi",)),
    _country("MN", "Mongolia", False, (), ("Mongolian",)),
    _country("SA", "Saudi Arabia", False, ("Saudi",), ("Saudi Arabian",)),
    _country("TW", "Taiwan", False, (), ("Taiwanese",)),
)

ALLIANCE_CODE = ALLIANCE

ALLIANCE_ENTRY = Country(
    code=ALLIANCE_CODE,
    name="NATO (all allies)",
    flag="🛡️",
    nato_member=True,
    aliases=(
        "NATO",
        "the alliance",
        "alliance",
        "all allies",
        "allies",
        "NATO (all allies)",
        "North Atlantic Treaty Organization",
    ),
)

COUNTRIES: tuple[Country, ...] = _MEMBERS + _NON_MEMBERS
NATO_MEMBERS: tuple[Country, ...] = tuple(c for c in COUNTRIES if c.nato_member)

_ALL_ENTRIES: tuple[Country, ...] = (*COUNTRIES, ALLIANCE_ENTRY)
_BY_CODE: dict[str, Country] = {c.code: c for c in _ALL_ENTRIES}


def by_code(code: str) -> Country:
    """Return the country (or the alliance entry for "NATO") with this code; raise KeyError."""
    return _BY_CODE[code.strip().upper()]


# Currencies (ISO 4217) that one ally alone uses; the euro and the dollar are shared and say nothing.
_NATIONAL_CURRENCIES = {
    "GBP": "GB",
    "PLN": "PL",
    "DKK": "DK",
    "SEK": "SE",
    "NOK": "NO",
    "CAD": "CA",
    "CZK": "CZ",
    "HUF": "HU",
    "RON": "RO",
    "BGN": "BG",
    "ISK": "IS",
    "TRY": "TR",
    "ALL": "AL",
    "MKD": "MK",
}


def ally_of_currency(currency: str) -> str | None:
    """Return the code of the one ally whose national currency this is ("GBP" -> "GB"), else None."""
    return _NATIONAL_CURRENCIES.get(currency.upper())


# --- normalization ----------------------------------------------------------------------------

# Dots and apostrophes join their neighbours ("U.S." -> "us"); other punctuation separates words.
_JOINING_PUNCTUATION = frozenset(
    ".'`\N{RIGHT SINGLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}\N{MODIFIER LETTER APOSTROPHE}"
)
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})  # control, zero-width, unassigned


def _fold_char(char: str) -> str:
    """Return what one decomposed, casefolded character contributes to a normalized string."""
    if char.isspace():
        return " "
    if char in _JOINING_PUNCTUATION:
        return ""
    category = unicodedata.category(char)
    if category[0] == "M" or category in _DROPPED_CATEGORIES:
        return ""
    return " " if category[0] in "PSZ" else char


# _fold_char as a str.translate table for the characters of decomposed Latin text (up to the
# combining accents) and for general punctuation (curly quotes, dashes): normalize runs on every
# name mention, and a Python call per character was most of its time. Text with any other
# character takes the per-character path.
_FOLD_RANGES = ((0x0000, 0x0370), (0x2000, 0x2070))
_FOLD_TABLE = {code: _fold_char(chr(code)) for low, high in _FOLD_RANGES for code in range(low, high)}
_BEYOND_FOLD_TABLE = re.compile(
    "[^" + "".join(f"\\u{low:04x}-\\u{high - 1:04x}" for low, high in _FOLD_RANGES) + "]"
)


def normalize(text: str) -> str:
    """Return text casefolded, without accents or punctuation, single-spaced, minus a leading "the"."""
    # NFKD before casefolding so compatibility capitals ("\N{BLACK-LETTER CAPITAL H}") fold too,
    # and after it because casefolding can produce letters that decompose further.
    folded = unicodedata.normalize("NFKD", text).casefold().replace("\N{LATIN SMALL LETTER DOTLESS I}", "i")
    decomposed = unicodedata.normalize("NFKD", folded)
    if _BEYOND_FOLD_TABLE.search(decomposed) is None:
        words = decomposed.translate(_FOLD_TABLE).split()
    else:
        words = "".join(_fold_char(char) for char in decomposed).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


# --- indexes ----------------------------------------------------------------------------------


def _alias_keys(country: Country) -> Iterator[str]:
    """Yield the normalized code, aliases and demonyms of a country."""
    for text in (country.code, *country.aliases, *country.demonyms):
        yield normalize(text)


def _build_indexes() -> tuple[dict[str, Country], dict[str, Country]]:
    """Return (normalized name -> country, normalized alias -> country); raise on a clash."""
    exact = {normalize(c.name): c for c in _ALL_ENTRIES}
    alias: dict[str, Country] = {}
    for country in _ALL_ENTRIES:
        for key in _alias_keys(country):
            owner = exact.get(key) or alias.get(key) or country
            if owner is not country:
                raise ValueError(f"{key!r} names both {owner.code} and {country.code}")
            if key not in exact:
                alias[key] = country
    return exact, alias


_EXACT, _ALIAS = _build_indexes()

# --- fuzzy matching ---------------------------------------------------------------------------

FUZZY_THRESHOLD = 85
"""Lowest score (0-100, see ``_similarity``) at which a typo resolves to a country.

The score is ``100 * (1 - edits / (len(a) + len(b)))`` where edits is the optimal-string-alignment
distance: fuzz.ratio's scale, but a wrong key or two swapped letters cost one edit, not two.
At 85, one typo in a name of four or more letters resolves ("Germny", "Canda", "Polnad",
"Frnace", "Irna"), while two typos in a short name do not ("Mali" scores 78 against "Malta"),
and neither does padding ("Canadaaaaaaaaaaa" scores 58).
"""
SUGGESTION_THRESHOLD = 75  # looser, for "did you mean" hints only; below it hints are mostly noise
_MIN_FUZZY_LENGTH = 3  # shorter inputs and keys (ISO codes) would match almost anything

_FUZZY_KEYS: list[str] = [k for k in (*_EXACT, *_ALIAS) if len(k) >= _MIN_FUZZY_LENGTH]
_FUZZY_OWNERS: list[Country] = [_EXACT.get(k) or _ALIAS[k] for k in _FUZZY_KEYS]
_MAX_KEY_LENGTH = max(len(k) for k in _FUZZY_KEYS)


def _similarity(a: str, b: str) -> float:
    """Return 100 * (1 - OSA edits / combined length) for two normalized strings."""
    return 100.0 * (1.0 - OSA.distance(a, b) / (len(a) + len(b)))


def _rank(query: str, keys: list[str], owners: list[Country], cutoff: float) -> list[tuple[Country, float]]:
    """Return each owner whose best key scores at least cutoff against query, best first."""
    # The C scorer prunes by a distance bound; exact scores are computed for the few survivors.
    max_edits = int((1.0 - cutoff / 100.0) * (len(query) + max(map(len, keys))))
    best: dict[str, tuple[Country, float]] = {}
    for key, _, index in process.extract(
        query, keys, scorer=OSA.distance, score_cutoff=max_edits, limit=None
    ):
        country, score = owners[index], _similarity(query, key)
        if score >= cutoff and score > best.get(country.code, (country, -1.0))[1]:
            best[country.code] = (country, score)
    return sorted(best.values(), key=lambda pair: (-pair[1], pair[0].name))


def _fuzzy_ranking(query: str, cutoff: float) -> list[tuple[Country, float]]:
    """Return each country with a name, alias or demonym close to query, best first."""
    # Past four times the longest key, every score is below 40: skip the work for pasted essays.
    if not _MIN_FUZZY_LENGTH <= len(query) <= 4 * _MAX_KEY_LENGTH:
        return []
    return _rank(query, _FUZZY_KEYS, _FUZZY_OWNERS, cutoff)


# --- resolution -------------------------------------------------------------------------------

_ECHO_LIMIT = 60


def _echo(text: str) -> str:
    """Return user input fit to quote in a message: one line, no control characters, shortened."""
    visible = "".join(ch for ch in text if unicodedata.category(ch) not in _DROPPED_CATEGORIES)
    line = " ".join(visible.split())
    return line if len(line) <= _ECHO_LIMIT else line[: _ECHO_LIMIT - 1] + "…"


def _unknown(text: str, ranking: list[tuple[Country, float]]) -> UnknownCountry:
    """Return the error for a name that matched nothing, with up to three close names."""
    suggestions = [country.name for country, _ in ranking[:3]]
    return UnknownCountry(f'No country called "{_echo(text)}" in the gazetteer.', suggestions)


def resolve_country(text: str) -> Resolution:
    """Return the country a typed name means (exact, then alias, then fuzzy); raise UnknownCountry."""
    key = normalize(text)
    if not key:
        raise UnknownCountry("Give a country name, for example Canada or the United States.")
    if key in _EXACT:
        return Resolution(_EXACT[key], "exact", 100.0)
    if key in _ALIAS:
        country = _ALIAS[key]
        # the name as listed when the text is another name of the country, not its code or demonym
        # (an abbreviation, "UK" or "USA", needs no saying)
        named = next(
            (a for a in country.aliases if normalize(a) == key and a != country.name and not a.isupper()),
            None,
        )
        return Resolution(country, "alias", 100.0, named)
    ranking = _fuzzy_ranking(key, SUGGESTION_THRESHOLD)
    top = ranking[0] if ranking else None
    # A tie between two countries is a guess, not a match: offer both instead.
    tied = len(ranking) > 1 and ranking[1][1] == ranking[0][1]
    if top is None or top[1] < FUZZY_THRESHOLD or tied:
        raise _unknown(text, ranking)
    return Resolution(top[0], "fuzzy", top[1])


# --- autocomplete -----------------------------------------------------------------------------

_PREFIX_KEYS: list[tuple[str, int, Country]] = [
    *((k, 0, c) for k, c in _EXACT.items()),  # tier 0: the name starts with the text
    *((k, 1, c) for k, c in _ALIAS.items()),  # tier 1: an alias, demonym or code does
]
# Autocomplete's close matches leave out codes and demonyms: "can" should not offer "American".
_AUTOCOMPLETE: list[tuple[str, Country]] = [
    (key, c)
    for c in _ALL_ENTRIES
    for key in dict.fromkeys(normalize(f) for f in (c.name, *c.aliases))
    if len(key) >= _MIN_FUZZY_LENGTH
]
_AUTOCOMPLETE_OWNERS: list[Country] = [c for _, c in _AUTOCOMPLETE]


def _sort_key(country: Country, members_first: bool) -> tuple[bool, str]:
    """Return the tie-break order within a rank: members first when asked, then by name."""
    return (members_first and not country.nato_member, normalize(country.name))


def _prefix_matches(query: str, members_first: bool) -> list[Country]:
    """Return countries with a name, alias or word in one starting with query, best tier first."""
    tiers: dict[str, tuple[int, Country]] = {}
    for key, tier, country in _PREFIX_KEYS:
        if key.startswith(query):
            rank = tier
        elif any(word.startswith(query) for word in key.split()[1:]):
            rank = 2  # tier 2: a later word starts with it ("kor" -> "south korea")
        else:
            continue
        if rank < tiers.get(country.code, (3, country))[0]:
            tiers[country.code] = (rank, country)
    ranked = sorted(tiers.values(), key=lambda item: (item[0], *_sort_key(item[1], members_first)))
    return [country for _, country in ranked]


def _close_matches(query: str) -> list[Country]:
    """Return countries with a name or alias that starts with a near-spelling of query, best first."""
    if len(query) < _MIN_FUZZY_LENGTH:
        return []
    # Compare with each key cut to the query's length, so half-typed typos match too ("grem").
    heads = [key[: len(query)] for key, _ in _AUTOCOMPLETE]
    return [country for country, _ in _rank(query, heads, _AUTOCOMPLETE_OWNERS, FUZZY_THRESHOLD)]


def _unique(countries: Iterable[Country]) -> list[Country]:
    """Return countries in first-seen order without repeats."""
    unique: dict[str, Country] = {}
    for country in countries:
        unique.setdefault(country.code, country)
    return list(unique.values())


def suggest_countries(text: str, limit: int = 25, *, members_first: bool = True) -> list[Country]:
    """Return up to limit countries for autocomplete: prefix matches first, then close matches."""
    if limit <= 0:
        return []
    query = normalize(text)
    if not query:
        pool = NATO_MEMBERS if members_first else COUNTRIES
        return [ALLIANCE_ENTRY, *sorted(pool, key=lambda c: normalize(c.name))][:limit]
    ranked = [*_prefix_matches(query, members_first), *_close_matches(query)]
    return _unique(ranked)[:limit]


# --- scanning prose ---------------------------------------------------------------------------

Mention = tuple[Country, int, int]

# Words that, just before a form, make it mean something else ("South America", "Northern Ireland").
_CONTINENT_PREFIXES = ("South", "Latin", "Central", "North")
_BLOCKING_PREFIXES: dict[str, tuple[str, ...]] = {
    "America": _CONTINENT_PREFIXES,
    "American": _CONTINENT_PREFIXES,
    "Ireland": ("Northern",),
    "Irish": ("Northern",),
    "Pole": ("North", "South", "Magnetic"),
}
_BLOCKERS: dict[str, re.Pattern[str]] = {
    form: re.compile(rf"\b(?:{'|'.join(words)})\s+\Z") for form, words in _BLOCKING_PREFIXES.items()
}


def _mention_forms(country: Country) -> Iterator[str]:
    """Yield the surface forms of a country's name as written in prose, without a leading "the"."""
    for form in (country.name, *country.aliases):
        yield form.removeprefix("the ")


def _surface_index(pairs: Iterable[tuple[str, Country]]) -> dict[str, Country]:
    """Return surface form -> country; raise ValueError when two countries share a form."""
    index: dict[str, Country] = {}
    for form, country in pairs:
        if index.setdefault(form, country) is not country:
            raise ValueError(f"{form!r} names both {index[form].code} and {country.code}")
    return index


def _surface_pattern(forms: Iterable[str], plural: bool) -> re.Pattern[str]:
    """Return a case-sensitive pattern for the forms, longer forms first, not followed by a word character.

    It is scanned after ``_NOT_AFTER_WORD``, so together they match whole words only.
    """
    alternation = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    suffix = "s?" if plural else ""
    return re.compile(rf"(?P<form>{alternation}){suffix}(?!\w)")


_NOT_AFTER_WORD = re.compile(r"(?<!\w)")


_NAME_FORMS = _surface_index((form, c) for c in COUNTRIES for form in _mention_forms(c))
# A wire factbox or a dateline writes names in capitals ("* POLAND - 4.48%"); a form of one word
# that is also an ordinary word in capitals ("TURKEY" in a recipe) is rare enough in defence news.
_NAME_FORMS |= {
    form.upper(): c
    for form, c in list(_NAME_FORMS.items())
    if len(form) > 3 and form.upper() != form and form.upper() not in _NAME_FORMS
}
# ... and Turkish capitals dot their i: "TÜRKİYE"
_NAME_FORMS |= {form.replace("I", "\u0130"): c for form, c in list(_NAME_FORMS.items()) if form == "TÜRKIYE"}
_DEMONYM_FORMS = _surface_index((form, c) for c in COUNTRIES for form in c.demonyms)
_NAME_PATTERN = _surface_pattern(_NAME_FORMS, plural=False)
_DEMONYM_PATTERN = _surface_pattern(_DEMONYM_FORMS, plural=True)


def _blocked(form: str, text: str, start: int) -> bool:
    """Return whether the words just before a match give the form another meaning."""
    blocker = _BLOCKERS.get(form)
    return blocker is not None and blocker.search(text, max(0, start - 20), start) is not None


def _scan(pattern: re.Pattern[str], forms: dict[str, Country], text: str) -> list[Mention]:
    """Return (country, start, end) for each unblocked match of pattern, in text order."""
    found: list[Mention] = []
    for match in finditer_after(_NOT_AFTER_WORD, pattern, text):
        form = match.group("form")
        if not _blocked(form, text, match.start()):
            found.append((forms[form], match.start(), match.end()))
    return found


def find_country_mentions(text: str) -> list[Mention]:
    """Return (country, start, end) for each country name in a sentence, in text order.

    Matching is case-sensitive on forms as written in edited prose: "US" and "U.S." but never
    "us", "Turkey" but not "turkey". Longer forms win ("United States of America" over "United
    States"), matches never overlap, and demonyms ("American") are not mentions: see
    ``find_demonyms``. A leading article stays outside the span: "the Netherlands" yields the
    span of "Netherlands". The alliance entry is never reported.
    """
    return list(_country_mentions(text))


@functools.lru_cache(maxsize=PASSAGE_CACHE)  # each extractor looks for the countries of the same passage
def _country_mentions(text: str) -> tuple[Mention, ...]:
    """Return find_country_mentions' answer as a tuple, computed once per text."""
    return tuple(_scan(_NAME_PATTERN, _NAME_FORMS, text))


# Capitals that news writes for a country's government ("Ottawa has promised", "WARSAW —"). Left out:
# Brussels (NATO's and the EU's seat as much as Belgium's) and The Hague (a summit city).
GOVERNMENT_SEATS: dict[str, str] = {
    "Tirana": "AL", "Sofia": "BG", "Ottawa": "CA", "Zagreb": "HR", "Prague": "CZ", "Copenhagen": "DK",
    "Tallinn": "EE", "Helsinki": "FI", "Paris": "FR", "Berlin": "DE", "Athens": "GR", "Budapest": "HU",
    "Reykjavik": "IS", "Rome": "IT", "Riga": "LV", "Vilnius": "LT", "Podgorica": "ME", "Amsterdam": "NL",
    "Skopje": "MK", "Oslo": "NO", "Warsaw": "PL", "Lisbon": "PT", "Bucharest": "RO", "Bratislava": "SK",
    "Ljubljana": "SI", "Madrid": "ES", "Stockholm": "SE", "Ankara": "TR", "London": "GB", "Washington": "US",
    # Non-members' seats are named too, so "Moscow will spend 6%" is never the nearest ally's figure.
    "Moscow": "RU", "Kyiv": "UA", "Kiev": "UA", "Beijing": "CN", "Minsk": "BY",
    # Legislatures and ministries that English news names without their country.
    "Congress": "US", "Pentagon": "US", "Bundestag": "DE", "Sejm": "PL", "Storting": "NO", "Folketing": "DK",
    "Riksdag": "SE", "Eduskunta": "FI", "Saeima": "LV", "Seimas": "LT", "Riigikogu": "EE",
    "Commons": "GB", "Westminster": "GB", "Whitehall": "GB",
    # Seats of heads of government: "the White House is preparing a $1.2tn request".
    "White House": "US", "Downing Street": "GB", "Élysée": "FR", "Elysee": "FR", "Kremlin": "RU",
}  # fmt: skip
# Scanned after _NOT_AFTER_WORD (whole words only): a leading \b would keep re from skipping
# straight to where a name can start.
_SEAT_PATTERN = re.compile(
    r"("
    + "|".join(sorted((*GOVERNMENT_SEATS, *(k.upper() for k in GOVERNMENT_SEATS)), key=len, reverse=True))
    + r")\b"
)


def find_government_seats(text: str) -> list[Mention]:
    """Return (country, start, end) for each capital named as a country's government, in text order."""
    return list(_government_seats(text))


@functools.lru_cache(maxsize=PASSAGE_CACHE)  # the spending readers each look for the seats of a passage
def _government_seats(text: str) -> tuple[Mention, ...]:
    """Return find_government_seats' answer as a tuple, computed once per text."""
    return tuple(
        (by_code(GOVERNMENT_SEATS[m.group(1).title()]), m.start(), m.end())
        for m in finditer_after(_NOT_AFTER_WORD, _SEAT_PATTERN, text)
        if m.group(1).title() in _INSTITUTIONS
        or not (
            (
                _ARTICLE_BEFORE.search(text, max(0, m.start() - 4), m.start())
                or _YEAR_AFTER.match(text, m.end())
            )
            and _NOUN_AFTER.match(text, m.end())
        )
    )


# A capital that qualifies a noun names a place, not a government: "the Stockholm peace researchers",
# "a Brussels-based think tank" ("the Berlin government" is still Germany's); with a year, a summit.
# Seats that are buildings or bodies, named with "the" as they act: "The White House is preparing ..."
_INSTITUTIONS = frozenset(
    {"Bundestag", "Commons", "Congress", "Eduskunta", "Elysee", "Élysée", "Folketing", "Kremlin", "Pentagon"}
    | {"Riigikogu", "Riksdag", "Saeima", "Seimas", "Sejm", "Storting", "White House", "Downing Street"}
)
_YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d\b")  # "Vilnius 2023 made 2 pct a floor": a summit
_ARTICLE_BEFORE = re.compile(r"(?:\b[Tt]he|\b[Aa]n?)\s+$")
_NOUN_AFTER = re.compile(
    r"\s+(?:19|20)\d\d\b|-based\b|\s+(?!(?:government|administration|cabinet|coalition|authorities|leadership|executive)\b)[a-z]"
)


def one_ally(text: str, *, demonyms: bool = False) -> str | None:
    """Return the code of the one NATO member a text names (by its names, and its demonyms when
    asked: "Canada's defence minister", "the Dutch prime minister"), or None for none or several."""
    mentions = [*find_country_mentions(text), *(find_demonyms(text) if demonyms else [])]
    named = {country.code for country, _, _ in mentions if country.nato_member}
    return named.pop() if len(named) == 1 else None


def find_demonyms(text: str) -> list[Mention]:
    """Return (country, start, end) for each demonym ("Dutch", "Americans") in a sentence, in text order."""
    return list(_demonyms(text))


@functools.lru_cache(maxsize=PASSAGE_CACHE)
def _demonyms(text: str) -> tuple[Mention, ...]:
    """Return find_demonyms' answer as a tuple, computed once per text."""
    return tuple(_scan(_DEMONYM_PATTERN, _DEMONYM_FORMS, text))
