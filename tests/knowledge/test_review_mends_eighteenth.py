"""Misreadings a review of the eighteenth session's rules reproduced, each mended and kept here.

Every case failed (a wrong fact, or a fact given to the wrong ally, person or meeting) on the commit
before the mends; the rules they test are named in each case's comment.
"""

from __future__ import annotations

import pytest

from knowledge.extract import extract
from knowledge.extract.reader import read_article
from knowledge.models import Extraction


def read(body: str, header: str = "Title: Defence spending\nDate: 2025-05-10\n") -> Extraction:
    """Return what extraction reads in an article of body under header."""
    return extract(read_article(f"{header}\n{body}\n"))


def spending(
    body: str, header: str = "Title: Defence spending\nDate: 2025-05-10\n"
) -> set[tuple[str, float | None]]:
    """Return (ally, value) of each spending record of an article."""
    return {(r.subject, r.value) for r in read(body, header).spending}


@pytest.mark.parametrize(
    ("body", "wrong"),
    [
        # a demonym joined to a noun by a hyphen still names its country ("Estonian-language")
        (
            "Lithuania spent 2.85% of GDP on defence in 2024. The Estonian-language budget document,"
            " published on Monday, puts spending at 3.4% in 2025.",
            ("LT", 3.4),
        ),
        # "NATO-wide" is the alliance's, not a kind of the topic's spending
        (
            "Canada spent 1.37% of GDP on defence in 2024. NATO-wide, defence spending averaged 2.71% of GDP in 2024.",
            ("CA", 2.71),
        ),
        # "apiece of NATO's common budget" is no share of GDP
        ("On defence, Italy and Spain hold 1.5% apiece of NATO's common budget.", ("IT", 1.5)),
        # other ministers than the topic's
        (
            "Sweden spent 2.2% of GDP on defence in 2024. Baltic ministers have promised 5% by 2026.",
            ("SE", 5.0),
        ),
        # what the topic says of others is theirs
        ("Take Poland: it says the European average of 2.0% in 2024 is far too low.", ("PL", 2.0)),
        # a verbless answer to a question about something else
        ("Germany spent 2.1% of GDP on defence in 2024. And the alliance average? About 2.7%.", ("DE", 2.7)),
        # a breakdown after a colon
        (
            "Germany's defence budget is rising fast. Where the extra money goes: 1.2% to ammunition, 0.8% to personnel.",
            ("DE", 1.2),
        ),
        # a by-the-numbers entry on what the ally says all allies should spend
        (
            "By the numbers on defence spending.\n\n3.5% — What Poland says all allies should spend by 2030.",
            ("PL", 3.5),
        ),
    ],
)
def test_no_wrong_spending(body: str, wrong: tuple[str, float]) -> None:
    """None of these gives the ally the figure."""
    assert wrong not in spending(body)


def test_a_change_column_headed_like_a_fiscal_year_is_no_year() -> None:
    """'| Ally | 2024 | 2025 | 2024-25 |': the last column is the change between the two."""
    body = "Defence spending, % of GDP\n\n| Ally | 2024 | 2025 | 2024-25 |\n| Poland | 4.1 | 4.7 | 0.6 |\n| Estonia | 3.4 | 3.7 | 0.3 |"
    assert spending(body) == {("PL", 4.1), ("PL", 4.7), ("EE", 3.4), ("EE", 3.7)}


def test_an_ambassadors_own_country_is_the_one_served_not_the_host() -> None:
    """'By Hiroshi Tanaka, Japan's ambassador to Poland': his "my own country" is not Poland."""
    header = (
        "Title: Pay more\nDate: 2025-05-10\n\nOPINION\n\nBy Hiroshi Tanaka, Japan's ambassador to Poland\n"
    )
    body = (
        "I think we all must do more. I have said so for years. We cannot wait.\n\n"
        "My own country spent 1.6% in 2024."
    )
    assert ("PL", 1.6) not in spending(body, header)


def test_a_role_play_with_a_nod_to_reality_is_still_a_role_play() -> None:
    """'In a nod to reality, the delegate for Germany offered 3.5% of GDP by 2030' at a Model NATO."""
    body = (
        "About 100 students took part in Model NATO, a simulation of the alliance.\n\n"
        "In a nod to reality, the delegate for Germany offered 3.5% of GDP by 2030."
    )
    assert ("DE", 3.5) not in spending(body, "Title: Students play NATO\nDate: 2025-05-10\n")


@pytest.mark.parametrize(
    ("body", "header", "speaker", "words"),
    [
        # a Finnish "Kari" is a man: "he said" is his
        (
            "HELSINKI — Defence Minister Antti Häkkänen presented the plan on Friday. Kari Lehtonen, the chair"
            ' of parliament\'s defence committee, backed it. "Finland will reach 3% of GDP by 2029," he said.',
            "Title: Finland's plan\nDate: 2025-05-10\n",
            "Antti Häkkänen",
            "Finland will reach 3% of GDP by 2029",
        ),
        # an aide's words are not the minister's
        (
            "MADRID — The figure was queried by an aide to Defence Minister Margarita Robles, a career"
            ' diplomat, who said that Spain would "not reach 2% before 2029."',
            "Title: Spain\nDate: 2025-05-10\n",
            "Margarita Robles",
            "not reach 2% before 2029",
        ),
        # a reply to a speech printed whole is the replier's, not the speaker's
        (
            "Below is the full text of the reply by opposition leader Jonas Berg to Ingrid Solheim's Bergen"
            " address.\n\nNorway's Minister of Defence, Ingrid Solheim, spoke in Bergen on Wednesday.\n\n"
            "I listened carefully to the minister. We in the opposition believe Norway must reach 3% of GDP by 2027.",
            "Title: A reply to the minister\nDate: 2025-05-10\n",
            "Ingrid Solheim",
            "We in the opposition",
        ),
    ],
)
def test_no_wrong_speaker(body: str, header: str, speaker: str, words: str) -> None:
    """The words are never given to that person."""
    found = read(body, header).statements
    assert not any(s.speaker == speaker and words in s.text for s in found)


@pytest.mark.parametrize(
    ("body", "wrong_place"),
    [
        # "here" inside someone's words spoken from elsewhere
        (
            'BRUSSELS — Speaking by video link from Ankara, Turkey\'s defence minister said: "NATO leaders will meet here in July."',
            "Brussels",
        ),
        # "they" who gather are the protesters, not the leaders of the sentence before
        (
            "NATO leaders will come to The Hague in June. Thousands of protesters are expected too; when they"
            " gather in Amsterdam on Saturday, police will be ready.",
            "Amsterdam",
        ),
        # one minister meeting allies is no meeting of the alliance
        (
            "Estonia's foreign minister will meet allies in Washington next week to discuss Ukraine.",
            "Washington",
        ),
    ],
)
def test_no_wrong_meeting(body: str, wrong_place: str) -> None:
    """No meeting is placed there."""
    assert wrong_place not in {e.place for e in read(body).events}


def test_this_morning_in_the_next_clause_does_not_date_the_summit() -> None:
    """'NATO leaders met in Vilnius, and this morning Rutte said ...': the summit is not today's."""
    found = read(
        "NATO leaders met in Vilnius, and this morning Rutte said the next summit would be shorter."
    ).events
    assert not any(e.when is not None and e.when.day == 10 for e in found)


def test_an_op_eds_author_is_not_the_i_of_someone_elses_words() -> None:
    """'Mark Rutte put it bluntly. As I told the allies in Washington, he wrote, "5% is the new floor."'
    in an op-ed with a byline: the "I" is Rutte's, and so are the words."""
    header = "Title: Europe's moment\nDate: 2025-05-10\n\nBy Annelise Vermeulen, a former Dutch ambassador to NATO\n"
    body = (
        "I served in Brussels for five years, and I learned how slowly allies move.\n\n"
        'Mark Rutte put it bluntly in a letter. As I told the allies in Washington, he wrote, "5% is the new floor."'
    )
    found = {(s.speaker, s.text) for s in read(body, header).statements}
    assert ("Mark Rutte", "5% is the new floor.") in found
