"""Extraction: article text in, typed records out. Pure functions, no I/O."""

from __future__ import annotations

from knowledge.extract.events import extract_events
from knowledge.extract.people import extract_people
from knowledge.extract.spending import extract_spending
from knowledge.extract.statements import extract_statements
from knowledge.models import Article, Extraction


def extract(article: Article) -> Extraction:
    """Return every record the extractors find in the article."""
    people = extract_people(article)
    return Extraction(
        people=people,
        spending=extract_spending(article),
        statements=extract_statements(article, people),
        events=extract_events(article, people),
    )
