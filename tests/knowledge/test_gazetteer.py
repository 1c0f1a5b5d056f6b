"""Tests for the gazetteer: reference data, name resolution, autocomplete and mention scanning."""

from __future__ import annotations

import pytest

from knowledge.errors import UnknownCountry
from knowledge.gazetteer import (
    ALLIANCE_CODE,
    ALLIANCE_ENTRY,
    COUNTRIES,
    FUZZY_THRESHOLD,
    NATO_MEMBERS,
    ally_of_currency,
    by_code,
    find_country_mentions,
    find_demonyms,
    normalize,
    resolve_country,
    suggest_countries,
)

NATO_NAMES = {
    "Albania", "Belgium", "Bulgaria", "Canada", "Croatia", "Czechia", "Denmark", "Estonia",
    "Finland", "France", "Germany", "Greece", "Hungary", "Iceland", "Italy", "Latvia", "Lithuania",
    "Luxembourg", "Montenegro", "Netherlands", "North Macedonia", "Norway", "Poland", "Portugal",
    "Romania", "Slovakia", "Slovenia", "Spain", "Sweden", "Türkiye", "United Kingdom", "United States",
}  # fmt: skip
RSQUO = "\N{RIGHT SINGLE QUOTATION MARK}"  # the curly apostrophe news copy uses
DOTLESS_I = "\N{LATIN SMALL LETTER DOTLESS I}"


# --- reference data ---------------------------------------------------------------------------


def test_nato_has_exactly_the_32_members() -> None:
    """NATO_MEMBERS holds the 32 allies, each flagged as a member, with unique codes."""
    assert len(NATO_MEMBERS) == 32
    assert {c.name for c in NATO_MEMBERS} == NATO_NAMES
    assert len({c.code for c in NATO_MEMBERS}) == 32
    assert all(c.nato_member for c in NATO_MEMBERS)
    assert ALLIANCE_ENTRY not in NATO_MEMBERS


def test_country_codes_are_unique_and_non_members_are_not_flagged() -> None:
    """Every country has its own code, and non-members such as Russia are not members."""
    assert len({c.code for c in COUNTRIES}) == len(COUNTRIES)
    assert not by_code("RU").nato_member
    assert not by_code("UA").nato_member
    assert by_code("XK").name == "Kosovo"


@pytest.mark.parametrize(
    ("code", "flag"),
    [("CA", "🇨🇦"), ("US", "🇺🇸"), ("GB", "🇬🇧"), ("TR", "🇹🇷"), ("NL", "🇳🇱"), ("MK", "🇲🇰")],
)
def test_flag_literals(code: str, flag: str) -> None:
    """Flags for a few well-known codes are the expected emoji."""
    assert by_code(code).flag == flag


def test_every_flag_is_spelled_by_its_code() -> None:
    """Each country's flag is the two regional-indicator letters of its code."""
    for country in COUNTRIES:
        expected = "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in country.code)
        assert country.flag == expected, country.code


@pytest.mark.parametrize(
    ("code", "name"),
    [("CA", "Canada"), ("ca", "Canada"), (" gb ", "United Kingdom"), ("NATO", "NATO (all allies)")],
)
def test_by_code(code: str, name: str) -> None:
    """by_code finds countries case-insensitively and the alliance entry by "NATO"."""
    assert by_code(code).name == name


def test_by_code_unknown_raises_key_error() -> None:
    """by_code raises KeyError for a code it does not hold."""
    with pytest.raises(KeyError):
        by_code("ZZ")


@pytest.mark.parametrize(
    ("code", "prose"),
    [("NL", "the Netherlands"), ("US", "the United States"), ("GB", "the United Kingdom"), ("CA", "Canada")],
)
def test_prose_name_adds_the_article(code: str, prose: str) -> None:
    """prose_name puts "the" before names that take it."""
    assert by_code(code).prose_name() == prose


# --- normalization ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S.", "us"),
        ("U.S.A.", "usa"),
        ("  The   Netherlands ", "netherlands"),
        ("Türkiye", "turkiye"),
        ("TÜRKİYE", "turkiye"),
        (f"Türk{DOTLESS_I}ye", "turkiye"),
        ("Bosnia-Herzegovina", "bosnia herzegovina"),
        ("Canada\u200b", "canada"),
        ("Can\x00ada", "canada"),
        ("People's Republic of China", "peoples republic of china"),
        (f"People{RSQUO}s Republic of China", "peoples republic of china"),
        ("NATO (all allies)", "nato all allies"),
        ("the", ""),
        ("", ""),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    """normalize folds case, accents, punctuation, spacing and a leading "the"."""
    assert normalize(text) == expected


# --- resolution -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "path"),
    [
        ("Canada", "CA", "exact"),
        ("canada", "CA", "exact"),
        ("  CANADA ", "CA", "exact"),
        ("Türkiye", "TR", "exact"),
        ("turkiye", "TR", "exact"),
        ("the Netherlands", "NL", "exact"),  # the leading "the" normalizes away
        ("Czechia", "CZ", "exact"),
        ("North Macedonia", "MK", "exact"),
        ("U.S.", "US", "alias"),
        ("US", "US", "alias"),
        ("usa", "US", "alias"),
        ("America", "US", "alias"),
        ("United States of America", "US", "alias"),
        ("Britain", "GB", "alias"),
        ("U.K.", "GB", "alias"),
        ("Turkey", "TR", "alias"),
        ("Czech Republic", "CZ", "alias"),
        ("Holland", "NL", "alias"),
        ("Macedonia", "MK", "alias"),
        ("Russian Federation", "RU", "alias"),
        ("Republic of Korea", "KR", "alias"),
        ("Dutch", "NL", "alias"),
        ("German", "DE", "alias"),
        ("Bosnia & Herzegovina", "BA", "alias"),
        ("Xk", "XK", "alias"),
        ("Canada\u200b", "CA", "exact"),
        ("CANADA!", "CA", "exact"),
        ("NATO", ALLIANCE_CODE, "alias"),
        ("all allies", ALLIANCE_CODE, "alias"),
        ("the alliance", ALLIANCE_CODE, "alias"),
        ("NATO (all allies)", ALLIANCE_CODE, "exact"),
        ("North Atlantic Treaty Organization", ALLIANCE_CODE, "alias"),
    ],
)
def test_resolve_exact_and_alias(text: str, code: str, path: str) -> None:
    """Names, aliases, codes and demonyms resolve with full score and the right path."""
    resolution = resolve_country(text)
    assert (resolution.country.code, resolution.path, resolution.score) == (code, path, 100.0)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Germny", "DE"),
        ("Germani", "DE"),
        ("Canda", "CA"),
        ("Polnad", "PL"),
        ("Frnace", "FR"),
        ("Swedn", "SE"),
        ("Untied States", "US"),
        ("Lituania", "LT"),
        ("Irna", "IR"),
        ("Austrai", "AT"),  # not Australia: one edit versus two
    ],
)
def test_resolve_fuzzy(text: str, code: str) -> None:
    """Single typos resolve through the fuzzy path with a score at or above the threshold."""
    resolution = resolve_country(text)
    assert resolution.country.code == code
    assert resolution.path == "fuzzy"
    assert FUZZY_THRESHOLD <= resolution.score < 100.0


@pytest.mark.parametrize(
    ("text", "suggestions"),
    [
        ("Atlantis", []),
        ("xyz", []),
        ("Xyzzy", []),
        ("@everyone", []),
        ("zq", []),  # too short to fuzzy-match
        ("Canadaaaaaaaaaaa", []),  # padding is many edits, not a typo
        ("x" * 6000, []),
        ("Mali", ["Malta"]),
        ("ira", ["Iran", "Iraq"]),  # a tie is a guess, not a match
        ("Slovania", ["Slovakia", "Slovenia", "Albania"]),
    ],
)
def test_resolve_unknown_raises_with_suggestions(text: str, suggestions: list[str]) -> None:
    """Unknown names raise UnknownCountry with a short message and up to three close names."""
    with pytest.raises(UnknownCountry) as caught:
        resolve_country(text)
    assert caught.value.suggestions == suggestions
    assert caught.value.message.startswith("No country called ")
    assert len(caught.value.message) <= 110


def test_unknown_message_quotes_the_input() -> None:
    """The message quotes short input as typed, on one line."""
    with pytest.raises(UnknownCountry) as caught:
        resolve_country("Atlantis\n")
    assert caught.value.message == 'No country called "Atlantis" in the gazetteer.'


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "!!!", "the"])
def test_resolve_empty_asks_for_a_name(text: str) -> None:
    """Input with nothing to look up asks for a country name."""
    with pytest.raises(UnknownCountry) as caught:
        resolve_country(text)
    assert "country name" in caught.value.message
    assert caught.value.suggestions == []


# --- autocomplete -----------------------------------------------------------------------------


def test_suggest_empty_lists_alliance_then_members_alphabetically() -> None:
    """Empty text offers the alliance first, then NATO members in alphabetical order."""
    suggestions = suggest_countries("")
    assert len(suggestions) == 25
    assert suggestions[0] is ALLIANCE_ENTRY
    assert [c.name for c in suggestions[1:4]] == ["Albania", "Belgium", "Bulgaria"]
    assert all(c.nato_member for c in suggestions)


def test_suggest_empty_without_members_first_includes_everyone() -> None:
    """With members_first off and a large limit, empty text offers every country once."""
    suggestions = suggest_countries("", 100, members_first=False)
    assert suggestions[0] is ALLIANCE_ENTRY
    assert {c.code for c in suggestions[1:]} == {c.code for c in COUNTRIES}
    assert suggestions[1].name == "Afghanistan"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("can", "CA"),
        ("Can", "CA"),
        ("ger", "DE"),
        ("u", "GB"),  # members before Ukraine
        ("nato", ALLIANCE_CODE),
        ("holl", "NL"),
        ("kor", "KP"),  # a later word matches: North Korea, South Korea
        ("polnad", "PL"),
        ("grem", "DE"),  # a half-typed typo
    ],
)
def test_suggest_first_result(text: str, first: str) -> None:
    """The best suggestion for typed text comes first."""
    assert suggest_countries(text)[0].code == first


@pytest.mark.parametrize("text", ["", "a", "an", "the", "e", "i", "xyz", "x" * 500])
@pytest.mark.parametrize("limit", [0, 1, 5, 25])
def test_suggest_respects_limit_without_duplicates(text: str, limit: int) -> None:
    """Suggestions never exceed the limit and never repeat a country."""
    suggestions = suggest_countries(text, limit)
    assert len(suggestions) <= limit
    assert len({c.code for c in suggestions}) == len(suggestions)


def test_suggest_unmatched_text_is_empty() -> None:
    """Text that matches nothing suggests nothing."""
    assert suggest_countries("xyz") == []


# --- scanning prose ---------------------------------------------------------------------------

MISSING_GOAL = (
    "Countries missing the goal include Belgium, Canada, Croatia, Italy, Luxembourg, "
    "Montenegro, Portugal, Slovenia, and Spain."
)
MISSING_GOAL_CODES = [
    ("BE", "Belgium"), ("CA", "Canada"), ("HR", "Croatia"), ("IT", "Italy"), ("LU", "Luxembourg"),
    ("ME", "Montenegro"), ("PT", "Portugal"), ("SI", "Slovenia"), ("ES", "Spain"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States, by comparison, spent", [("US", "United States")]),
        ("the U.S. still spends", [("US", "U.S.")]),
        ("Tell us about it", []),
        ("American officials", []),
        (MISSING_GOAL, MISSING_GOAL_CODES),
        ("a summit in the Netherlands this June", [("NL", "Netherlands")]),
        ("South America", []),
        ("trade with Latin America and Central\nAmerica", []),
        ("America and South America", [("US", "America")]),
        ("the United States of America", [("US", "United States of America")]),
        (f"the United States{RSQUO} long-term commitment", [("US", "United States")]),
        (f"Canada's budget and Canada{RSQUO}s army", [("CA", "Canada"), ("CA", "Canada")]),
        (f"NATO{RSQUO}s report", []),
        ("the UK and the U.K. and the USA", [("GB", "UK"), ("GB", "U.K."), ("US", "USA")]),
        ("USB sticks and AUKUS", []),
        ("Turkey and turkey", [("TR", "Turkey")]),
        ("Türkiye hosts", [("TR", "Türkiye")]),
        ("North Macedonia, not Macedonia", [("MK", "North Macedonia"), ("MK", "Macedonia")]),
        ("Northern Ireland and Ireland", [("IE", "Ireland")]),
        ("Great Britain and Britain", [("GB", "Great Britain"), ("GB", "Britain")]),
        ("U.S.-led talks with Russia", [("US", "U.S."), ("RU", "Russia")]),
        ("Chad and Jordan", []),
    ],
)
def test_find_country_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    """Country names are found case-sensitively, whole-word, longest first and in text order."""
    mentions = find_country_mentions(text)
    assert [(c.code, text[start:end]) for c, start, end in mentions] == expected


def test_mention_spans_index_the_text() -> None:
    """Mention spans are character offsets into the original text."""
    text = "At the summit in the Netherlands, the U.S. spoke."
    assert [(start, end) for _, start, end in find_country_mentions(text)] == [(21, 32), (38, 42)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("American officials", [("US", "American")]),
        ("Dutch Prime Minister Mark Rutte", [("NL", "Dutch")]),
        ("Americans and Latin Americans", [("US", "Americans")]),
        ("British and German troops", [("GB", "British"), ("DE", "German")]),
        ("North Korean and South Korean envoys", [("KP", "North Korean"), ("KR", "South Korean")]),
        ("The United States, by comparison", []),
        ("Tell us about it", []),
        # the people of a country as a noun: "the Poles", "the Finns" (not a pole or a first name)
        ("The Poles and the Finns", [("PL", "Poles"), ("FI", "Finns")]),
        ("from the North Pole; Finn Larsen", []),
    ],
)
def test_find_demonyms(text: str, expected: list[tuple[str, str]]) -> None:
    """Demonyms are reported separately from country mentions, plurals included."""
    found = find_demonyms(text)
    assert [(c.code, text[start:end]) for c, start, end in found] == expected


@pytest.mark.parametrize(("currency", "ally"), [("GBP", "GB"), ("pln", "PL"), ("EUR", None), ("USD", None)])
def test_a_national_currency_names_its_one_ally_and_a_shared_one_none(
    currency: str, ally: str | None
) -> None:
    """The pound is Britain's alone; the euro and the dollar name no one ally."""
    assert ally_of_currency(currency) == ally
