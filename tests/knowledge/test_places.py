"""Places: which country a city or region named in an article lies in."""

from __future__ import annotations

import pytest

from knowledge.places import capital_of, find_place


@pytest.mark.parametrize(
    ("name", "country"),
    [("The Hague", "NL"), ("the hague", "NL"), ("Den Haag", "NL"), ("Ankara", "TR"), ("Wales", "GB")],
)
def test_a_city_or_region_has_its_country(name: str, country: str) -> None:
    """Names, aliases and any capitalisation find the place and its country."""
    place = find_place(name)
    assert place is not None and place.country == country


def test_unknown_names_are_not_places() -> None:
    """A name the table lacks, or no name at all, is no place."""
    assert find_place("Atlantis") is None
    assert find_place(" ") is None


def test_capitals_are_known() -> None:
    """A country's capital is its capital city, and only a capital is marked as one."""
    vilnius = capital_of("LT")
    assert vilnius is not None and vilnius.name == "Vilnius"
    newport = find_place("Newport")
    assert newport is not None and not newport.capital
