"""Gender marks: which people an article marks as women or men, for pronoun agreement."""

from __future__ import annotations

from knowledge.extract.statements.gender import FEMALE, MALE, genders
from knowledge.models import PersonRecord


def person(name: str, role: str | None = None) -> PersonRecord:
    """Return a person record introduced in the first passage."""
    return PersonRecord(name=name, role=role, passage=0)


def test_an_honorific_before_the_surname_marks_the_person() -> None:
    """ "Ms Okoro" marks Ada Okoro a woman and "Mr. Brandt" marks Kim Brandt a man."""
    people = [person("Ada Okoro"), person("Kim Brandt")]
    assert genders(people, "Ms Okoro spoke first. Then Mr. Brandt replied.") == {
        "Ada Okoro": FEMALE,
        "Kim Brandt": MALE,
    }


def test_a_role_word_or_a_first_name_marks_the_person() -> None:
    """A spokeswoman is a woman; a listed first name marks its bearer; an unknown name marks nobody."""
    people = [person("Kim Brandt", "party spokeswoman"), person("Henrik Lund"), person("Noor Said")]
    assert genders(people, "") == {"Kim Brandt": FEMALE, "Henrik Lund": MALE}


def test_conflicting_marks_leave_the_person_unmarked() -> None:
    """A man's first name with "Ms" before the surname tells nothing either way."""
    assert genders([person("Henrik Lund")], "Ms Lund disagreed.") == {}


def test_first_names_of_the_allies_languages_mark_their_people() -> None:
    """Czech, Polish, Baltic, Nordic and Turkish first names count, so "she" never lands on Pavel Mareš."""
    people = [
        person("Pavel Mareš"),
        person("Ivana Kroupová"),
        person("Kemal Aydın"),
        person("Solveig Brekke"),
    ]
    assert genders(people, "") == {
        "Pavel Mareš": MALE,
        "Ivana Kroupová": FEMALE,
        "Kemal Aydın": MALE,
        "Solveig Brekke": FEMALE,
    }
