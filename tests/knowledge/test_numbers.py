"""Numbers as news prose writes them: percentages, money, qualifiers, counts and fractions."""

from __future__ import annotations

import pytest

from knowledge.extract.numbers import (
    KRONER,
    QualifierKind,
    find_money,
    find_percents,
    is_approximate,
    parse_count,
    parse_fraction,
    parse_money,
    parse_percent,
    qualifier_before,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.19%", 3.19),
        ("2 %", 2.0),
        ("2 percent", 2.0),
        ("2.1 per cent", 2.1),
        ("2.1 per-cent", 2.1),
        ("two percent", 2.0),
        ("Two per cent", 2.0),
        ("3.73pc", 3.73),
        ("12 pct", 12.0),
        ("twenty-two percent", 22.0),
        ("two and a half per cent", 2.5),
        ("3.5 percentage points", None),  # a change, not a share
        ("2-3%", None),  # a range is not one value
        ("3,5%", 3.5),  # a decimal comma, as much of Europe writes it (never "5%")
        ("2,85 %", 2.85),
        ("1,500%", 1500.0),  # a thousands comma: three digits after it
        ("3.19", None),
        ("the 2% target", None),  # more than one number's worth of text
    ],
)
def test_parse_percent(text: str, expected: float | None) -> None:
    """A text that is exactly one percentage reads as its value; anything else as None."""
    assert parse_percent(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("spent 3.19% of its GDP in 2024, down from 3.68% in 2014", [("3.19%", 3.19), ("3.68%", 3.68)]),
        ("rose from 1.9% to 2.1%", [("1.9%", 1.9), ("2.1%", 2.1)]),
        ("up from 1.9% in 2014 to 2.1% in 2024", [("1.9%", 1.9), ("2.1%", 2.1)]),
        ("between 2 and 3 percent of GDP", []),
        ("2 to 3 percent of GDP", []),
        ("a 10% rise and a percentage point", [("10%", 10.0)]),
        # bare numbers listed before a percentage share its unit
        ("spent 2.6 and 2.2 per cent respectively", [("2.6", 2.6), ("2.2 per cent", 2.2)]),
        ("at 4.2, 3.9 and 3.1% of GDP", [("4.2", 4.2), ("3.9", 3.9), ("3.1%", 3.1)]),
        ("in 2023 and 2% in 2024", [("2%", 2.0)]),  # a year is no listed share
        ("$40 and 2% more", [("2%", 2.0)]),  # nor is money
        # decimals said aloud, as a transcript writes them; never their last word alone
        ("one point five percent of output", [("one point five percent", 1.5)]),
        ("around Two Point Four Five per cent", [("Two Point Four Five per cent", 2.45)]),
        ("Point five percent", []),
    ],
)
def test_find_percents(text: str, expected: list[tuple[str, float]]) -> None:
    """Every percentage in a sentence is found with its exact text, ranges excepted."""
    assert [(q.text, q.value) for q in find_percents(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$1.3 trillion", (1.3e12, "USD", "$1.3 trillion")),
        ("€1.1 trillion", (1.1e12, "EUR", "€1.1 trillion")),
        ("€1.1trn", (1.1e12, "EUR", "€1.1trn")),
        ("USD 1.3 trillion", (1.3e12, "USD", "USD 1.3 trillion")),
        ("US$1.3tn", (1.3e12, "USD", "US$1.3tn")),
        ("C$9 billion", (9e9, "CAD", "C$9 billion")),
        ("£64bn", (6.4e10, "GBP", "£64bn")),
        ("$968 billion", (9.68e11, "USD", "$968 billion")),
        ("968 billion dollars", (9.68e11, "USD", "968 billion dollars")),
        ("41 billion Canadian dollars", (4.1e10, "CAD", "41 billion Canadian dollars")),
        ("90 billion euros", (9e10, "EUR", "90 billion euros")),
        ("EUR 90bn", (9e10, "EUR", "EUR 90bn")),
        ("1,300 billion euros", (1.3e12, "EUR", "1,300 billion euros")),
        ("$90m", (9e7, "USD", "$90m")),
        ("186 billion zloty", (1.86e11, "PLN", "186 billion zloty")),
        ("190 billion złoty", (1.9e11, "PLN", "190 billion złoty")),  # the Polish spelling
        ("4.1 milliard euro", (4.1e9, "EUR", "4.1 milliard euro")),  # European English
        ("$12.5-billion", (1.25e10, "USD", "$12.5-billion")),  # Canadian newspaper style
        ("5 billion kroner", (5e9, KRONER, "5 billion kroner")),  # Norwegian or Danish: the spender says
        ("48 billion lei", (4.8e10, "RON", "48 billion lei")),
        ("740 billion forints", (7.4e11, "HUF", "740 billion forints")),
        ("160 billion koruna", (1.6e11, "CZK", "160 billion koruna")),
        ("90 billion Norwegian crowns", (9e10, "NOK", "90 billion Norwegian crowns")),
        ("40 billion Danish crowns", (4e10, "DKK", "40 billion Danish crowns")),
        ("150 billion Swedish crowns", (1.5e11, "SEK", "150 billion Swedish crowns")),
        ("3 billion leva", (3e9, "BGN", "3 billion leva")),
        ("186.6 billion zł", (1.866e11, "PLN", "186.6 billion zł")),  # the złoty's sign
        # a decimal comma before a scale word, and Central European "mld"/"mrd" for milliard
        ("CZK 160,1 mld", (1.601e11, "CZK", "CZK 160,1 mld")),
        ("86,5 mrd euros", (8.65e10, "EUR", "86,5 mrd euros")),
        ("€2,5 billion", (2.5e9, "EUR", "€2,5 billion")),
        ("kr 60 billion", (6e10, KRONER, "kr 60 billion")),  # a crown's sign: the spender says whose
        ("170 billion kr", (1.7e11, KRONER, "170 billion kr")),
        ("¥5 billion", None),  # yen or yuan?
        ("1.3 trillion", None),  # no currency
    ],
)
def test_parse_money(text: str, expected: tuple[float, str, str] | None) -> None:
    """Money reads as (value in units, ISO currency, text as written)."""
    assert parse_money(text) == expected


def test_find_money_in_a_sentence() -> None:
    """Amounts are found in order with their spans, and a year is not money."""
    text = "In 2024 NATO spent around $1.3 trillion (€1.1 trillion)."
    found = find_money(text)
    assert [(q.text, q.currency) for q in found] == [("$1.3 trillion", "USD"), ("€1.1 trillion", "EUR")]
    assert text[found[0].start : found[0].end] == "$1.3 trillion"


@pytest.mark.parametrize(
    ("before", "kind", "written"),
    [
        ("reached around ", QualifierKind.APPROXIMATE, "around"),
        ("about ", QualifierKind.APPROXIMATE, "about"),
        ("roughly ", QualifierKind.APPROXIMATE, "roughly"),
        ("nearly ", QualifierKind.UPPER_BOUND, "nearly"),
        ("almost ", QualifierKind.UPPER_BOUND, "almost"),
        ("some ", QualifierKind.APPROXIMATE, "some"),
        ("approximately ", QualifierKind.APPROXIMATE, "approximately"),
        ("close to ", QualifierKind.APPROXIMATE, "close to"),
        ("an estimated ", QualifierKind.APPROXIMATE, "an estimated"),
        ("~", QualifierKind.APPROXIMATE, "~"),
        ("more than ", QualifierKind.LOWER_BOUND, "more than"),
        ("over ", QualifierKind.LOWER_BOUND, "over"),
        ("at least ", QualifierKind.LOWER_BOUND, "at least"),
        ("no more than ", QualifierKind.UPPER_BOUND, "no more than"),
        ("no less than ", QualifierKind.LOWER_BOUND, "no less than"),  # not "less than": the longer phrase
        ("spending at no less than ", QualifierKind.LOWER_BOUND, "no less than"),
        ("less than ", QualifierKind.UPPER_BOUND, "less than"),
        ("just under ", QualifierKind.UPPER_BOUND, "just under"),
        ("up to ", QualifierKind.UPPER_BOUND, "up to"),
    ],
)
def test_qualifier_before(before: str, kind: QualifierKind, written: str) -> None:
    """The words just before a number say whether it is approximate or a bound."""
    qualifier = qualifier_before(before + "2%", len(before))
    assert qualifier is not None
    assert (qualifier.kind, qualifier.text) == (kind, written)
    assert before[qualifier.start :].startswith(written)


@pytest.mark.parametrize(
    ("before", "expected"),
    [("around ", True), ("more than ", False), ("spent ", False), ("handsome ", False), ("", False)],
)
def test_is_approximate(before: str, expected: bool) -> None:
    """Only approximation words (whole words) make a number approximate; bounds do not."""
    assert is_approximate(before + "$5 billion", len(before)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("22", 22),
        ("1,000", 1000),
        ("twenty-two", 22),
        ("Twenty three", 23),
        ("seventeen", 17),
        ("thirty", 30),
        ("one", 1),
        ("twenty-eleven", None),
        ("many", None),
    ],
)
def test_parse_count(text: str, expected: int | None) -> None:
    """Counts read from digits or number words."""
    assert parse_count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("half", 0.5),
        ("one third", 1 / 3),
        ("a third", 1 / 3),
        ("two-thirds", 2 / 3),
        ("three quarters", 0.75),
        ("two third", None),
        ("thirds", None),
    ],
)
def test_parse_fraction(text: str, expected: float | None) -> None:
    """Fractions written in words read as their value."""
    assert parse_fraction(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [("53,25 Mrd. Euro", 53.25e9), ("86,5 mrd euros", 86.5e9), ("2,5 Mio. Euro", 2.5e6)],
)
def test_an_abbreviated_scale_is_read_whatever_its_case(text: str, value: float) -> None:
    """ "Mrd." and "Mio." as German writes them: the reader keeps the sentence whole, and the amount
    is read too."""
    assert [(q.value, q.currency) for q in find_money(text)] == [(value, "EUR")]
