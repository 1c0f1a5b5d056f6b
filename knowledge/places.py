"""Cities and regions with the country they are in, for telling that "The Hague" is in the Netherlands.

Reference data, not facts of the briefing: it only says which country a place named in an article
lies in (and which city is a country's capital, for "the Lithuanian capital"). The table is
``data/cities.tsv``; its header says where it comes from. Lookups are case- and
accent-insensitive and ignore a leading "the", as country lookups are.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.resources import files

from knowledge.gazetteer import normalize


@dataclass(frozen=True, slots=True)
class Place:
    """A city or region: its name as the table spells it, its country, and whether it is the capital."""

    name: str
    country: str  # ISO 3166-1 alpha-2
    capital: bool = False
    region: bool = False


@functools.cache
def _tables() -> tuple[dict[str, Place], dict[str, Place]]:
    """Return (place by normalized name or alias, capital by country code), read once."""
    by_name: dict[str, Place] = {}
    capitals: dict[str, Place] = {}
    text = files("knowledge").joinpath("data/cities.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, country, flag, aliases = [*line.split("\t"), "", "", ""][:4]
        place = Place(name, country, capital=flag == "capital", region=flag == "region")
        for key in [name, *filter(None, aliases.split(";"))]:
            by_name.setdefault(normalize(key), place)
        if place.capital:
            capitals[country] = place
    return by_name, capitals


def find_place(name: str) -> Place | None:
    """Return the city or region with this name or alias, or None when the table lacks it."""
    return _tables()[0].get(normalize(name)) if name.strip() else None


def capital_of(country: str) -> Place | None:
    """Return a country's capital, or None when the table has none for it."""
    return _tables()[1].get(country)
