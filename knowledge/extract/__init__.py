"""Extraction: article text in, typed records out. Pure functions, no I/O."""

from __future__ import annotations

from knowledge.extract.events import extract_events
from knowledge.extract.people import extract_people, shared_index
from knowledge.extract.spending import extract_spending, speech_ally, spoken_spending
from knowledge.extract.statements import extract_statements, first_name_owners
from knowledge.models import Article, Extraction


def extract(article: Article) -> Extraction:
    """Return every record the extractors find in the article."""
    people = extract_people(article)
    # Whom a pronoun opening each passage refers to: statements and events both need it, and it
    # costs a scan of every passage for every person, so it is worked out once here.
    referents = shared_index(tuple(people)).referents(article.passages)
    statements = extract_statements(article, people, referents)
    # "says Peter" after Peter Lind is introduced: the statements are his, and "Peter" is no one else
    owners = first_name_owners(people)
    people = [p for p in people if p.name not in owners]
    ally = speech_ally(article)  # a minister's speech as a whole text: "we" is their country
    spending = extract_spending(article, speaking_for=ally, about_defence=ally is not None)
    return Extraction(
        people=people,
        spending=spending + spoken_spending(article, people, statements, spending),
        statements=statements,
        events=extract_events(article, people, referents),
    )
