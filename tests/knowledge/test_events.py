"""Events: summits gathered from their passages, with place, time, attendees, roles and agenda."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import knowledge
from knowledge.extract.events import extract_events
from knowledge.extract.events._clauses import clause_end, clause_start, crosses_clause
from knowledge.extract.events._times import Times
from knowledge.extract.people import extract_people
from knowledge.extract.reader import read_article
from knowledge.extract.timeref import find_times
from knowledge.models import (
    AgendaRecord,
    Article,
    AttendeeRecord,
    EventKind,
    EventRecord,
    EventStatus,
    PartialDate,
    TimeRef,
)

SEED = Path(knowledge.__file__).parent / "articles" / "nato-briefing-2025.txt"
OPENER = "The summit in Vilnius opens in July. "  # a summit with a place and time, for the tables below
Where = tuple[str | None, str | None, TimeRef | None]


@cache
def seed() -> Article:
    """Return the bundled seed article."""
    return read_article(SEED.read_text(encoding="utf-8"))


def events(text: str, date: str = "2025") -> list[EventRecord]:
    """Return the events of an article made of text, published on date."""
    article = read_article(f"Date: {date}\n\n{text}")
    return extract_events(article, extract_people(article))


def where(event: EventRecord) -> Where:
    """Return an event's place, country and time."""
    return event.place, event.country, event.when


def attendees(text: str) -> list[tuple[str, bool, str | None]]:
    """Return (name, is_person, role) of the attendees of the one event an article makes."""
    (event,) = events(text)
    return [(a.name, a.is_person, a.role) for a in event.attendees]


def agenda(text: str) -> list[str]:
    """Return the agenda items of the one event an article makes."""
    (event,) = events(text)
    return [item.text for item in event.agenda]


def test_seed_has_exactly_one_summit_with_everything_the_article_says() -> None:
    """The seed's Netherlands summit: June 2025, Trump and other leaders, Rutte's roles, the agenda."""
    assert extract_events(seed(), extract_people(seed())) == [
        EventRecord(
            kind=EventKind.NATO_SUMMIT,
            place="the Netherlands",
            country="NL",
            when=TimeRef(text="this June", year=2025, month=6),
            status=EventStatus.UPCOMING,
            attendees=[
                AttendeeRecord(name="other world leaders", is_person=False, passage=1),
                AttendeeRecord(name="Mark Rutte", is_person=True, role="play a central role", passage=12),
                AttendeeRecord(
                    name="Mark Rutte", is_person=True, role="lead high-level discussions", passage=25
                ),
                AttendeeRecord(
                    name="Donald Trump", is_person=True, role="lead high-level discussions", passage=25
                ),
            ],
            agenda=[
                AgendaRecord(text="new financial and strategic commitments", passage=10),
                AgendaRecord(
                    text="how to keep the alliance effective in a rapidly changing world", passage=24
                ),
                AgendaRecord(text="defense spending", passage=25),
                AgendaRecord(text="military readiness", passage=25),
                AgendaRecord(text="long-term goals", passage=25),
            ],
            passages=[0, 1, 10, 12, 23, 24, 25, 26],
        )
    ]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "Leaders meet at a summit in the Netherlands this June.",
            "2025",
            ("the Netherlands", "NL", TimeRef(text="this June", year=2025, month=6)),
        ),
        (
            "The summit in The Hague, Netherlands, will run on June 24-25, 2025.",
            "2025",
            (
                "The Hague, Netherlands",
                "NL",
                TimeRef(text="June 24-25, 2025", year=2025, month=6, day=24, end_day=25),
            ),
        ),
        (
            "Allies prepare for the Vilnius summit in July 2023.",
            "2023-05",
            ("Vilnius", "LT", TimeRef(text="July 2023", year=2023, month=7)),
        ),
        (
            "NATO leaders will gather for the summit in Ankara on July 7-8, 2026, the first time Türkiye has hosted.",
            "2026-06-30",
            ("Ankara", "TR", TimeRef(text="July 7-8, 2026", year=2026, month=7, day=7, end_day=8)),
        ),
        (
            "The summit in Ankara opens in July.",
            "2026-06-30",
            ("Ankara", "TR", TimeRef(text="in July", year=2026, month=7)),
        ),
        (
            "The summit, to be held in Madrid on June 29-30, will focus on Russia.",
            "2022-06-01",
            ("Madrid", "ES", TimeRef(text="June 29-30", year=2022, month=6, day=29, end_day=30)),
        ),
        (
            "The meeting of NATO leaders in Washington opens on Tuesday.",
            "2024-07-01",
            ("Washington", "US", TimeRef(text="on Tuesday", year=2024, month=7, day=2)),  # opens: ahead
        ),
        (
            "NATO leaders will meet in Washington on Monday.",
            "2024-07-01",  # a Monday: the next one
            ("Washington", "US", TimeRef(text="on Monday", year=2024, month=7, day=8)),
        ),
        (  # "here" is the dateline's city; leaders "open" a summit still ahead
            "WASHINGTON — NATO leaders open a three-day summit here on Tuesday.",
            "2024-07-08",  # a Monday
            ("Washington", "US", TimeRef(text="on Tuesday", year=2024, month=7, day=9)),
        ),
        (  # who meets, between the summit and its place
            "It will dominate the summit of the heads of State and Government of the Alliance, in The Hague, in June.",
            "2025-03-12",
            ("The Hague", "NL", TimeRef(text="in June", year=2025, month=6)),
        ),
        (  # the allies one meets are the group that meets
            "When we meet allies in Tirana next year, we will bring a funded plan.",
            "2026-11-18",
            ("Tirana", "AL", TimeRef(text="next year", year=2027)),
        ),
        (  # leaders who "sat down" in a city for a summit meet there
            "Leaders of NATO's allies sat down in Ankara this afternoon for a two-day summit.",
            "2026-07-07",
            ("Ankara", "TR", TimeRef(text="this afternoon", year=2026, month=7, day=7)),
        ),
        (  # a memo's paragraph number before the opening time
            "5.1 In June, at the NATO Summit in The Hague, Canada joined its allies.",
            "2025-11-04",
            ("The Hague", "NL", TimeRef(text="In June", year=2025, month=6)),
        ),
        (
            "NATO leaders met in Washington on Tuesday.",
            "2024-07-05",  # a Friday
            ("Washington", "US", TimeRef(text="on Tuesday", year=2024, month=7, day=2)),
        ),
    ],
)
def test_a_summit_mention_gives_its_place_country_and_time(text: str, date: str, expected: Where) -> None:
    """Places after "in"/"at" or before "summit", countries only when written, times next to it."""
    assert [where(event) for event in events(text, date)] == [expected]


def test_distinct_summits_stay_apart_and_keep_their_attendees() -> None:
    """Last year's Washington summit and this year's Hague summit are two events."""
    text = (
        "At last year's summit in Washington, allies agreed to spend more. This year's summit in The Hague"
        " will take place on June 24-25. U.S. President Donald Trump is expected to attend."
    )
    found = events(text, "2025-05-01")
    assert [where(event) for event in found] == [
        ("Washington", "US", TimeRef(text="last year", year=2024)),
        ("The Hague", "NL", TimeRef(text="June 24-25", year=2025, month=6, day=24, end_day=25)),
    ]
    assert [[a.name for a in event.attendees] for event in found] == [[], ["Donald Trump"]]


def test_the_next_summit_is_not_the_past_one() -> None:
    """'The next summit' after a past one starts a new event."""
    text = "NATO leaders met at the Vilnius summit in July 2023.\n\nThe next summit will be held in Washington in July 2024."
    assert [where(event) for event in events(text, "2023-08-01")] == [
        ("Vilnius", "LT", TimeRef(text="July 2023", year=2023, month=7)),
        ("Washington", "US", TimeRef(text="July 2024", year=2024, month=7)),
    ]


def test_mentions_of_the_same_summit_merge() -> None:
    """A place, a month, a bare "the summit" and "the meeting" all add to one event."""
    text = (
        "A summit in Vilnius is planned for July. The July summit will be short.\n\n"
        "The meeting will be tense. Leaders hope the summit ends well."
    )
    (event,) = events(text, "2023-05")
    assert where(event) == ("Vilnius", "LT", TimeRef(text="July", year=2023, month=7))
    assert event.passages == [0, 1, 2, 3]


@pytest.mark.parametrize(
    "text",
    [
        "Last year's summit declaration said allies would pay.",
        "Rutte held a press conference. Leaders will discuss aid.",
        "Leaders hope the summit goes well. Trump is expected to attend.",
        "Ministers met in Brussels to discuss the future of NATO.",
        "Allies look ahead to the June summit.",
    ],
)
def test_no_event_without_a_meeting_that_has_a_year_or_a_place_and_time(text: str) -> None:
    """Documents, press conferences and meetings with no year (and no place and time) make no event."""
    assert events(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Polish President Andrzej Duda and other leaders are expected to attend.",
            [("Andrzej Duda", True, None), ("other leaders", False, None)],
        ),
        (
            "Polish President Andrzej Duda will chair the talks on drones.",
            [("Andrzej Duda", True, "chair the talks")],
        ),
        (
            "Polish President Andrzej Duda will host the meeting, and Lithuanian President Gitanas Nauseda will open it.",
            [("Andrzej Duda", True, "host the meeting"), ("Gitanas Nauseda", True, "open it")],
        ),
        (
            "Polish President Andrzej Duda spoke. Duda and Lithuanian President Gitanas Nauseda are expected to attend.",
            [("Andrzej Duda", True, None), ("Gitanas Nauseda", True, None)],
        ),
        (
            "Polish President Andrzej Duda spoke. He is expected to play a central role during the summit.",
            [("Andrzej Duda", True, "play a central role")],
        ),
        ("Polish President Andrzej Duda spoke. Officials said Duda will attend.", []),
        ("Polish President Andrzej Duda will attend a dinner in Riga.", []),
        ("Ministers will gather in Brussels first.", []),
        ("Polish President Andrzej Duda attended the opening.", []),
    ],
)
def test_attendees_and_roles_come_from_forward_looking_clauses(
    text: str, expected: list[tuple[str, bool, str | None]]
) -> None:
    """People and groups expected to attend, and the roles people will play, as written."""
    assert attendees(OPENER + text) == expected


def test_attendance_of_a_past_summit_is_not_invented() -> None:
    """A forward-looking sentence never attaches to a summit that already took place."""
    (event,) = events(
        "At last year's summit in Washington, allies agreed to spend more. Trump is expected to attend."
    )
    assert event.attendees == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "They will discuss drones, cyber defence, and ammunition.",
            ["drones", "cyber defence", "ammunition"],
        ),
        (
            "Leaders are expected to discuss air and missile defence, drone production and support for Ukraine.",
            ["air and missile defence", "drone production", "support for Ukraine"],
        ),
        (
            "Leaders aim to agree on a new spending target of 3.5% to deter Russia.",
            ["a new spending target of 3.5%"],
        ),
        (
            "A plan to speed up ammunition deliveries is also on the agenda.",
            ["A plan to speed up ammunition deliveries"],
        ),
        ("Leaders will discuss how to keep the alliance effective.", ["how to keep the alliance effective"]),
        ("Leaders will not discuss enlargement.", []),
        ("Leaders discussed enlargement last year.", []),
    ],
)
def test_agenda_items_are_what_leaders_will_discuss_or_decide(text: str, expected: list[str]) -> None:
    """Planned discussions and decisions give agenda items, one per item of a serial list."""
    assert agenda(OPENER + text) == expected


def kinds_and_places(text: str, date: str) -> list[tuple[str, str | None, str | None]]:
    """Return (kind, place, status) of each event an article made of text has."""
    return [(event.kind, event.place, event.status) for event in events(text, date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EU leaders meet in Brussels on 18 and 19 March.", EventKind.EU_SUMMIT),
        ("Group of Seven leaders met in Kyoto on 2 March.", EventKind.G7_SUMMIT),
        ("Foreign ministers of the Group of Seven met in Kyoto on 2 March.", EventKind.MINISTERIAL),
        ("NATO defence ministers met in Brussels on 2 March.", EventKind.NATO_MINISTERIAL),
        (
            "Ministers met at Ramstein on 2 March for a session of the Ukraine Defence Contact Group.",
            EventKind.CONTACT_GROUP,
        ),
        ("Experts spoke at a security conference in Prague on 2 March.", EventKind.CONFERENCE),
        ("Allied leaders met in Riga on 2 March.", EventKind.NATO_SUMMIT),
        ("Nordic leaders met in Oslo on 2 March.", EventKind.SUMMIT),
        ("The alliance's summit in Riga opened on 2 March.", EventKind.NATO_SUMMIT),
    ],
)
def test_each_meeting_is_labelled_as_what_it_is(text: str, expected: EventKind) -> None:
    """A named body, then a group of ministers or leaders, then NATO's name decide the kind."""
    assert [event.kind for event in events(text, "2027-03-10")] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Officials will hold a press conference in Warsaw on Tuesday.",
        "Starmer flies to Washington on Thursday to meet President Trump.",
        "Zelensky's meeting with Trump in the Oval Office ended badly on Friday.",
        "Allies met.\n\nRead more: What the 2026 Ankara summit decided",
        "Critics said the party discovered defence the week before a summit.",
    ],
)
def test_no_meeting_is_made_of_conferences_bilateral_talks_links_or_a_summit_in_passing(text: str) -> None:
    """Press conferences, one leader meeting another, navigation links and "a summit" make no event."""
    assert events(text, "2027-03-10") == []


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Leaders will meet at their summit in Riga later this month.", "2027-06-06", EventStatus.UPCOMING),
        ("At last week's summit in Riga, allies agreed to spend more.", "2027-07-01", EventStatus.PAST),
        ("NATO leaders arrive in Riga today for a summit.", "2027-06-24", EventStatus.IN_PROGRESS),
        # "this afternoon" is the article's day, as "today" is
        ("NATO leaders met in Riga this afternoon for a summit.", "2027-06-24", EventStatus.IN_PROGRESS),
        (  # ... but the meeting's own day wins: the travel is this afternoon, the meeting tomorrow
            "The minister travels to Riga this afternoon for tomorrow's meeting of NATO defence ministers.",
            "2027-06-24",
            EventStatus.UPCOMING,
        ),
        # what was being prepared is still ahead, though the preparing is past
        (
            "Last week the real business was preparing July's summit in Riga.",
            "2027-02-19",
            EventStatus.UPCOMING,
        ),
        (
            "The summit of NATO takes place in Riga on 24.06.2027 and 25.06.2027.",
            "2027-06-24",
            EventStatus.IN_PROGRESS,
        ),
        (
            "Leaders met on Tuesday, on the second and final day of the summit in Riga.",
            "2027-06-22",  # a Tuesday
            EventStatus.IN_PROGRESS,
        ),
        (
            "Prague and Riga are slow to meet the targets agreed in Riga in June.",
            "2027-08-29",
            EventStatus.PAST,
        ),
    ],
)
def test_status_against_the_article_date(text: str, date: str, expected: EventStatus) -> None:
    """Dates decide when they can; words ("later this month", "last week's", "today") when they cannot."""
    assert [(event.place, event.status) for event in events(text, date)] == [("Riga", expected)]


def test_a_city_its_country_and_its_demonym_are_one_place() -> None:
    """ "Lisbon", "the Portuguese summit" and "the summit in Portugal" in June 2028 make one event."""
    text = (
        "Leaders gather in Lisbon on 12-13 June for the summit. The Portuguese summit will be short.\n\n"
        "Ahead of the summit in Portugal next month, roads will close."
    )
    (event,) = events(text, "2028-05-30")
    assert where(event) == (
        "Lisbon",
        "PT",
        TimeRef(text="12-13 June", year=2028, month=6, day=12, end_day=13),
    )
    assert event.passages == [0, 1, 2]


@pytest.mark.parametrize(
    "text",
    [
        "Leaders meet in Lisbon today for the summit's second day.\n\n"
        "The summit in Portugal on 12-13 June is the shortest ever.",
        "The NATO summit in Lisbon runs on 12-13 June.\n\nOn Tuesday, leaders at the Portuguese summit agreed.",
    ],
)
def test_a_day_within_a_summits_dates_is_that_summit(text: str) -> None:
    """ "today" or "on Tuesday" (13 June) and "12-13 June" in Lisbon and Portugal are one summit, dated by its range."""
    (event,) = events(text, "2028-06-13")  # a Tuesday, the second day
    assert where(event) == (
        "Lisbon",
        "PT",
        TimeRef(text="12-13 June", year=2028, month=6, day=12, end_day=13),
    )
    assert (event.status, event.passages) == (EventStatus.IN_PROGRESS, [0, 1])


LIVE_BLOG = (
    "Title: {title}\nDate: 2029-03-06\n\n"
    "Follow our coverage of the NATO foreign ministers' meeting at the alliance's headquarters in Brussels.\n\n"
    "09:10 — Ministers are arriving. Kallas said the Madrid summit had changed the alliance.\n\n"
    "10:45 — The first session has started."
)


@pytest.mark.parametrize(
    "title", ["Live: foreign ministers weigh Ukraine aid", "Ukraine aid talks as it happened"]
)
def test_the_meeting_a_live_blog_follows_is_in_progress_on_its_date(title: str) -> None:
    """A live blog's meeting, named with its place but no date, is held on the blog's date; the summit
    it recalls in passing gets no date."""
    article = read_article(LIVE_BLOG.format(title=title))
    (event,) = extract_events(article, extract_people(article))
    assert (event.kind, event.place, event.status) == (
        EventKind.NATO_MINISTERIAL,
        "Brussels",
        EventStatus.IN_PROGRESS,
    )
    assert event.when is not None and (event.when.year, event.when.month, event.when.day) == (2029, 3, 6)


def test_a_live_blogs_summit_placed_through_where_is_its_own_not_the_next_one() -> None:
    """'from the congress centre in Riga, where NATO leaders begin the second day of their summit': the
    blog's summit is in Riga, in progress; the next summit it reports stays apart."""
    article = read_article(
        "Title: Live: day two\nDate: 2031-07-09\n\n"
        "08:55 - Good morning from the congress centre in Riga, where NATO leaders begin the second and final"
        " day of their summit.\n\n"
        "15:10 - Leaders agreed to hold their next summit in Lisbon, Portugal, on 5-6 July 2032."
    )
    found = {(e.place, e.status, e.when.year if e.when else None) for e in extract_events(article, [])}
    assert found == {
        ("Riga", EventStatus.IN_PROGRESS, 2031),
        ("Lisbon, Portugal", EventStatus.UPCOMING, 2032),
    }


def test_a_meeting_of_ministers_is_never_the_summit_just_named() -> None:
    """ "... before leaders meet at the summit in Riga on 7-8 July. The next meeting of defence ministers
    is due in the autumn.": the summit stays a summit, not a ministerial meeting."""
    found = events(
        "BRUSSELS — NATO defence ministers on Thursday approved new targets at a meeting in Brussels.\n\n"
        "The ministerial, chaired by Secretary General Jan Kowal, was the last gathering of defence ministers"
        " before leaders meet at the summit in Riga on 7-8 July 2031.\n\n"
        "Ministers agreed targets for air defence.\n\n"
        "The next meeting of defence ministers is scheduled for October in Brussels.",
        date="2031-06-05",
    )
    riga = [e for e in found if e.place == "Riga"]
    assert [e.kind for e in riga] == [EventKind.NATO_SUMMIT]


def test_a_declarations_we_will_meet_again_names_the_next_summit() -> None:
    """A leaders' declaration closes "We will meet again in Lisbon in 2032": that summit, ahead."""
    found = events(
        "1. We, the Heads of State and Government of the North Atlantic Alliance, have gathered in Riga.\n\n"
        "2. We will meet again in Lisbon in 2032.",
        date="2031-07-08",
    )
    lisbon = [(e.kind, e.when.year if e.when else None, e.status) for e in found if e.place == "Lisbon"]
    assert lisbon == [(EventKind.NATO_SUMMIT, 2032, EventStatus.UPCOMING)]


def test_the_summit_a_later_sentence_names_is_the_summit_not_the_last_meeting_named() -> None:
    """After "foreign ministers meet in Sweden in May", "X is expected to use the summit to press for
    ..." is about the summit in Riga; and "not a summit" names none."""
    found = events(
        "Allied leaders will gather in Riga on 7-8 July 2031 for the annual summit.\n\n"
        "Officials expect a foreign ministers' meeting in Sweden in May.\n\n"
        "Latvian President Anna Berzina is expected to use the summit to press for more air defence.\n\n"
        "The Oslo talks were a ministerial meeting, not a summit.",
        date="2031-01-14",
    )
    by_place = {e.place: e for e in found}
    assert [a.name for a in by_place["Riga"].attendees] == ["Anna Berzina"]
    assert by_place["Sweden"].attendees == []
    assert 3 not in by_place["Riga"].passages


def test_a_summit_held_on_two_days_keeps_both_over_the_day_it_ended() -> None:
    """ "wrapped up their two-day summit in Riga on Wednesday, July 9 ... The summit, held on July 8 and 9,
    2031, ...": 8-9 July, not the single day it ended."""
    (found,) = events(
        "NATO leaders wrapped up their two-day summit in Riga on Wednesday, July 9, after agreeing a plan.\n\n"
        "The summit, held on July 8 and 9, 2031, was hosted by the Latvian president.",
        date="2031-07-10",
    )
    assert found.when is not None and (found.when.day, found.when.end_day) == (8, 9)


def test_an_attendees_role_keeps_its_decimal() -> None:
    """ "is expected to press allies that remain below 3.5% of GDP": the role is not cut at "3"."""
    article = read_article(
        "Date: 2031-04-12\n\nNATO defence ministers will meet in Brussels on 14 April 2031. Secretary General"
        " Jan Kowal is expected to press allies that remain below 3.5% of GDP to move faster."
    )
    (event,) = extract_events(article, extract_people(article))
    assert [a.role for a in event.attendees] == ["press allies that remain below 3.5% of GDP to move faster"]


def test_a_meeting_named_without_a_date_outside_live_coverage_stays_undated() -> None:
    """The same text under an ordinary headline gives the meeting no date, so no event."""
    article = read_article(LIVE_BLOG.format(title="Foreign ministers weigh Ukraine aid"))
    assert extract_events(article, extract_people(article)) == []


def test_ministers_meeting_somewhere_is_one_ministerial_however_named() -> None:
    """ "Defence ministers meet in Oslo" and "the ministers' meeting in Oslo" are one ministerial, no summit."""
    text = (
        "NATO defence ministers meet in Oslo on 3 May. The defence ministers' meeting in Oslo will be short."
    )
    assert [(e.kind, e.place) for e in events(text, "2029-04-01")] == [(EventKind.NATO_MINISTERIAL, "Oslo")]


def test_the_city_a_demonym_summit_is_held_in_is_its_place() -> None:
    """ "The Danish summit" dated "next Tuesday", "In Copenhagen, leaders will meet ..." and "the meeting in
    Copenhagen" are one summit in Copenhagen on the Tuesday after the article's date."""
    text = (
        "The Danish summit opens next Tuesday.\n\n"
        "In Copenhagen, leaders will meet for two days.\n\n"
        "The meeting in Copenhagen is the first in the country."
    )
    (event,) = events(text, "2029-05-02")  # a Wednesday
    assert where(event) == ("Copenhagen", "DK", TimeRef(text="next Tuesday", year=2029, month=5, day=8))
    assert event.passages == [0, 1, 2]


def test_a_back_reference_to_a_meeting_elsewhere_joins_nothing() -> None:
    """ "the meeting in Oslo" after a summit in Copenhagen is not that summit."""
    text = "Leaders meet in Copenhagen on 8-9 May. The meeting in Oslo last year was longer."
    assert [event.place for event in events(text, "2029-05-02")] == ["Copenhagen"]


def test_a_building_between_the_meeting_and_its_city_is_skipped() -> None:
    """ "the summit at the Congress Centre in Riga" is a summit in Riga."""
    (event,) = events("The summit at the Congress Centre in Riga on 7-8 July will be short.", "2027-05-01")
    assert (event.place, event.country) == ("Riga", "LV")


def test_a_dateline_names_the_city_of_a_summit_only_its_country_names() -> None:
    """ "LISBON — leaders left Portugal ..." is the summit in Lisbon; the dateline adds no other city."""
    text = "LISBON — NATO leaders left Portugal on Wednesday at the end of a two-day summit."
    (event,) = events(text, "2028-06-16")
    assert (event.place, event.country, event.when and event.when.month) == ("Lisbon", "PT", 6)


def test_the_text_gives_the_month_and_city_or_none_is_added() -> None:
    """A summit known by its country and year keeps no city or month."""
    (event,) = events("Next year's summit in Canada will review the plans.", "2028-06-16")
    assert where(event) == ("Canada", "CA", TimeRef(text="Next year", year=2029))


def test_a_day_counted_from_another_is_the_meeting_day() -> None:
    """ "on Friday, four days before leaders gather in Riga" puts the meeting four days after Friday."""
    text = "Diplomats said on Friday, four days before leaders gather in Riga for the summit, that a deal was near."
    (event,) = events(text, "2027-06-20")  # a Sunday: Friday is 18 June
    assert event.when is not None and (event.when.month, event.when.day) == (6, 22)
    assert event.status is EventStatus.UPCOMING


def test_earlier_summits_named_in_passing_are_past_events_with_their_years() -> None:
    """ "the first summit in Estonia since Riga in 2006" names the 2006 summit in Riga."""
    text = "The NATO summit in Tallinn on 7-8 July 2027 is the first summit in the Baltic states since Riga in 2006."
    assert kinds_and_places(text, "2027-07-01") == [
        (EventKind.NATO_SUMMIT, "Tallinn", EventStatus.UPCOMING),
        (EventKind.NATO_SUMMIT, "Riga", EventStatus.PAST),
    ]


def test_a_month_the_clause_looks_ahead_to_is_the_next_one() -> None:
    """ "will meet again in Oslo in November" in April is this November, not last."""
    (event,) = events("Council ministers will meet again in Oslo in November.", "2025-04-10")
    assert event.when is not None and (event.when.year, event.when.month) == (2025, 11)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Riga, on 7-8 July 2027, was the shortest summit in memory.", "Riga"),
        (
            "Allies agreed, but Spain is still refusing to back the plan before the summit in Riga in July.",
            "Riga",
        ),
    ],
)
def test_a_place_is_the_subject_of_a_summit_only_when_the_summit_is_its_predicate(
    text: str, place: str
) -> None:
    """ "Riga ... was the shortest summit" names the place; "Spain is refusing ... summit" does not."""
    assert [event.place for event in events(text, "2027-08-01")] == [place]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "Copenhagen hosted NATO leaders on 3-4 May 2029.",
            "2029-06-01",
            ("Copenhagen", "DK", TimeRef(text="3-4 May 2029", year=2029, month=5, day=3, end_day=4)),
        ),
        (
            "In April 2029, Copenhagen hosted the alliance's leaders for two days.",
            "2029-06-01",
            ("Copenhagen", "DK", TimeRef(text="April 2029", year=2029, month=4)),
        ),
        (
            "The Danish capital will host leaders on 3-4 May.",
            "2029-02-01",
            ("Copenhagen", "DK", TimeRef(text="3-4 May", year=2029, month=5, day=3, end_day=4)),
        ),
        (
            "Copenhagen hosted last year's summit.",
            "2029-06-01",
            ("Copenhagen", "DK", TimeRef(text="last year", year=2028)),
        ),
    ],
)
def test_a_host_city_as_subject_is_the_meeting_place(text: str, date: str, expected: Where) -> None:
    """ "<City> hosted leaders", "the <demonym> capital will host leaders", "<City> hosted last year's summit"."""
    assert [where(event) for event in events(text, date)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The summit will be held in Copenhagen; it opens on 3 May.",
        "Leaders will gather for the summit in Copenhagen, and the meeting itself starts on 3 May.",
        "The Danish capital hosts the summit, with leaders due to arrive on 3 May.",
    ],
)
def test_a_summit_date_in_the_next_clause_is_its_date(text: str) -> None:
    """A clause about the meeting right after the one naming its place gives its date (a future one)."""
    (event,) = events(text, "2029-04-10")
    assert (event.place, event.when and (event.when.year, event.when.month, event.when.day)) == (
        "Copenhagen",
        (2029, 5, 3),
    )
    assert event.status is EventStatus.UPCOMING


def test_a_date_in_a_clause_about_something_else_is_not_the_summits() -> None:
    """ "The summit will be held in Copenhagen; taxes rise on 3 May" gives the summit no date."""
    assert events("The summit will be held in Copenhagen; taxes rise on 3 May.", "2029-04-10") == []


def test_times_are_found_by_position() -> None:
    """The time covering, ending before or starting after a position is found by bisection."""
    text = "On Monday leaders met; in July 2027 they meet again, and in 2028 once more."
    times = Times(find_times(text, PartialDate(year=2027, month=1, day=4)))
    texts = [ref.text for ref, _, _ in times.spans]
    assert texts == ["Monday", "July 2027", "2028"]
    covering = times.covering(text.index("July"))
    assert covering is not None and covering[0].text == "July 2027"
    assert times.covering(text.index("leaders")) is None
    ending = times.ending_by(text.index("they"))
    starting = times.starting_from(text.index("they"))
    assert ending is not None and ending[0].text == "July 2027"
    assert starting is not None and starting[0].text == "2028"
    assert [ref.text for ref, _, _ in times.within(0, text.index(";"))] == ["Monday"]


def test_clauses_end_at_semicolons_dashes_and_joined_clauses() -> None:
    """A clause runs from the last boundary before a position to the next one after it."""
    text = "Leaders met in Riga; ministers will meet in Oslo, and experts met in Prague."
    oslo = text.index("Oslo")
    assert text[clause_start(text, oslo) : clause_end(text, oslo)] == "ministers will meet in Oslo"
    assert crosses_clause(text, 0, oslo) and not crosses_clause(text, text.index("ministers"), oslo)


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "The Madrid summit of June 2022 was a turning point for NATO.",
            "2024-01-10",
            ("Madrid", "ES", TimeRef(text="June 2022", year=2022, month=6)),
        ),
        (
            "A NATO summit is scheduled for 7-8 July in Ankara.",
            "2026-03-01",
            ("Ankara", "TR", TimeRef(text="7-8 July", year=2026, month=7, day=7, end_day=8)),
        ),
        (
            "Vilnius will host the NATO summit on July 11-12.",
            "2023-03-01",
            ("Vilnius", "LT", TimeRef(text="July 11-12", year=2023, month=7, day=11, end_day=12)),
        ),
        (
            "NATO leaders head to Vilnius next week for a two-day summit.",
            "2023-07-03",
            ("Vilnius", "LT", TimeRef(text="next week", year=2023, month=7)),
        ),
        (
            "The 2025 NATO summit will be decisive.\n\nLeaders will meet in The Hague on 24-25 June.",
            "2025-03-01",
            ("The Hague", "NL", TimeRef(text="24-25 June", year=2025, month=6, day=24, end_day=25)),
        ),
    ],
)
def test_places_and_times_in_other_orders(text: str, date: str, expected: Where) -> None:
    """A time before its place, a host city as subject, a trip to the summit, a summit named by year first."""
    assert [where(event) for event in events(text, date)] == [expected]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "The Trump-Putin summit in Anchorage on 15 August ended, NATO officials said.",
            "2025-08-20",
            EventKind.SUMMIT,
        ),
        (
            "The European Political Community summit in Tirana on 16 May drew NATO leaders.",
            "2025-05-20",
            EventKind.SUMMIT,
        ),
        (
            "Leaders met at a peace summit in Lucerne on 15-16 June, NATO said.",
            "2024-06-20",
            EventKind.SUMMIT,
        ),
        ("At The Hague summit on 24-25 June NATO allies agreed.", "2025-07-01", EventKind.NATO_SUMMIT),
        ("The Dutch summit in June will be short, NATO says.", "2025-03-01", EventKind.NATO_SUMMIT),
    ],
)
def test_a_summit_of_another_body_or_purpose_is_no_nato_summit(
    text: str, date: str, expected: EventKind
) -> None:
    """A name before "summit" that is no place, demonym or NATO's, or a topic, makes another summit."""
    (event,) = events(text, date)
    assert event.kind == expected and event.place is not None


def test_it_will_be_held_gives_the_meeting_being_discussed_its_place_and_time() -> None:
    """ "It will be held in Ankara on 7-8 July 2026" after a question about the next summit."""
    text = "Q: When is the next NATO summit?\n\nA: It will be held in Ankara on 7-8 July 2026."
    (event,) = events(text, "2025-09-15")
    assert where(event) == (
        "Ankara",
        "TR",
        TimeRef(text="7-8 July 2026", year=2026, month=7, day=7, end_day=8),
    )


@pytest.mark.parametrize(
    "text",
    [
        "The trial opened in March. It was held in Paris on 3 March.",  # no meeting is being discussed
        "NATO leaders met in Vilnius in July 2023. It was held in Riga.",  # another place: not that meeting
    ],
)
def test_it_was_held_names_no_other_meeting(text: str) -> None:
    """ "It was held in X" only places the meeting being discussed, and only where it fits."""
    assert [event.place for event in events(text, "2025-06-01")] in ([], ["Vilnius"])


def test_a_table_row_with_a_meeting_a_place_and_a_date_is_a_meeting() -> None:
    """Rows "| NATO summit | The Hague | 24–25 June 2025 |" give one event each, of their kind."""
    text = (
        "| Meeting | Place | Dates |\n|---|---|---|\n| NATO summit | The Hague | 24–25 June 2025 |\n"
        "| EU summit | Brussels | 26–27 June 2025 |"
    )
    found = [(event.kind, event.place, event.when and event.when.day) for event in events(text, "2025-06-01")]
    assert found == [(EventKind.NATO_SUMMIT, "The Hague", 24), (EventKind.EU_SUMMIT, "Brussels", 26)]


def test_the_next_one_after_a_meeting_is_the_next_meeting_of_its_kind() -> None:
    """ "The next one is in Lisbon next year" after a NATO summit is next year's NATO summit in Lisbon."""
    text = "NATO leaders met in Copenhagen last week.\n\nThe next one is in Lisbon next year."
    assert kinds_and_places(text, "2029-05-20") == [
        (EventKind.NATO_SUMMIT, "Copenhagen", EventStatus.PAST),
        (EventKind.NATO_SUMMIT, "Lisbon", EventStatus.UPCOMING),
    ]
    assert events(text, "2029-05-20")[1].when == TimeRef(text="next year", year=2030)


@pytest.mark.parametrize(
    "text",
    [
        "The next exam comes in Lisbon next year.",  # no meeting discussed before it
        "NATO leaders met in Copenhagen last week. The next one is in Portugal next year.",  # a country, not a venue
    ],
)
def test_the_next_one_needs_a_meeting_before_it_and_a_city(text: str) -> None:
    """An elliptical "the next one" names a meeting only after one, and only in a known city."""
    assert [event.place for event in events(text, "2029-05-20")] in ([], ["Copenhagen"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Allied leaders will gather for a summit in Lisbon from 3 May.", ("Lisbon", 2030, 5, 3)),
        ("Diplomats are preparing for the May 3-4 summit in Lisbon.", ("Lisbon", 2030, 5, 3)),
        ("The NATO summit, set for May 3-4 in Lisbon, will focus on drones.", ("Lisbon", 2030, 5, 3)),
        ("NATO heads of state and government are due in Lisbon on May 3.", ("Lisbon", 2030, 5, 3)),
        ("The summit (3-4 May, Lisbon) will focus on drones.", ("Lisbon", 2030, 5, 3)),
        (
            "Leaders met in Lisbon on 20 May.",
            ("Lisbon", 2028, 5, 20),
        ),  # a past day after the date: last year's
    ],
)
def test_a_day_without_its_year_is_in_the_year_the_clause_looks_to(
    text: str, expected: tuple[str, int, int, int]
) -> None:
    """A day the article has passed, written without a year, is next year's when the clause looks ahead
    (and last year's when it looks back); "set for", "are due in" and a bracket give place and date."""
    (event,) = events(text, "2029-05-10")
    assert event.when is not None
    assert (event.place, event.when.year, event.when.month, event.when.day) == expected


def test_a_timestamped_entry_of_a_live_blog_names_the_meeting_it_follows() -> None:
    """ "10:32 BST: Leaders pose for the family photo at the Riga summit" in a live blog: Riga, in progress."""
    text = (
        "Title: NATO summit live: leaders gather\nDate: 2027-07-07\n\n"
        "Welcome to our rolling coverage.\n\n"
        "10:32 BST: Leaders pose for the family photo at the Riga summit.\n\n"
        "11:05 BST: Zelensky is on his way to the Latvian capital."
    )
    article = read_article(text)
    (event,) = extract_events(article, extract_people(article))
    assert (event.place, event.status) == ("Riga", EventStatus.IN_PROGRESS)


@pytest.mark.parametrize(
    "text",
    [
        "Dates to watch:\n\n- NATO summit, Lisbon: 3–4 May\n- Budget vote, Oslo: 10 May",
        "## NATO summit at a glance\n\n**When:** 3–4 May 2030\n**Where:** Lisbon, Portugal\n**Who:** Leaders of the allies",
        "## The Lisbon summit\n\nNATO leaders meet on 3 and 4 May. The agenda is short.",
    ],
)
def test_list_items_fact_boxes_and_headings_place_and_date_a_summit(text: str) -> None:
    """A list item or fact box of terse parts, or a heading naming the summit's city over the sentence
    that dates it, make the summit in Lisbon on 3 May 2030."""
    (event,) = events(text, "2030-03-01")
    assert event.when is not None
    assert (event.kind, event.place, event.when.year, event.when.month, event.when.day) == (
        EventKind.NATO_SUMMIT,
        "Lisbon",
        2030,
        5,
        3,
    )


@pytest.mark.parametrize(
    "text",
    [
        "## The Lisbon summit\n\nThe allies' budgets grew.\n\nLeaders met in 2014 to agree the pledge.",
        "BRUSSELS, 12 March — Defence ministers will discuss drones, officials in the Belgian capital said.",
    ],
)
def test_a_heading_places_only_its_first_sentence_and_prose_is_no_list(text: str) -> None:
    """A meeting two sentences under a city's heading is not placed there, and a dateline with prose after
    it is no list item."""
    assert events(text, "2030-03-12") == []


def test_the_allies_in_a_city_for_days_are_a_summit() -> None:
    """ "in Lisbon on 3-4 May 2028, the alliance marked ..." names the summit a retrospective recalls."""
    text = "A year later, in Lisbon on 3-4 May 2028, the alliance marked its 80th anniversary."
    (event,) = events(text, "2029-01-10")
    assert (event.kind, event.place, event.status) == (EventKind.NATO_SUMMIT, "Lisbon", EventStatus.PAST)
    assert event.when == TimeRef(text="3-4 May 2028", year=2028, month=5, day=3, end_day=4)


@pytest.mark.parametrize(
    "text",
    [
        "In Brussels on Tuesday, the alliance said it would send more jets.",  # one day: no meeting
        "In Lisbon on 3-4 May 2028, prices rose.",  # no allies
    ],
)
def test_one_day_in_a_city_or_a_city_without_the_allies_is_no_summit(text: str) -> None:
    """A single day in a city, or a city and dates with no allies as subject, names no meeting."""
    assert events(text, "2029-01-10") == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Spending has risen steadily since the 2027 Riga declaration.", 2027),
        ("Five years after the Riga pledge, every ally now spends at least 2.5%.", 2027),
    ],
)
def test_a_decision_named_by_its_place_recalls_a_past_summit(text: str, year: int) -> None:
    """ "the 2027 Riga declaration", "five years after the Riga pledge" (in 2032): the summit in Riga that year."""
    (event,) = events(text, "2032-03-01")
    assert (event.place, event.country, event.when and event.when.year, event.status) == (
        "Riga",
        "LV",
        year,
        EventStatus.PAST,
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Riga declaration still shapes the debate.",  # no time: no meeting to tell apart
        "The Polish commitment of 4% stands.",  # a country's own commitment, named by its demonym
    ],
)
def test_a_decision_named_without_a_time_or_by_a_demonym_recalls_no_summit(text: str) -> None:
    """A decision named by its place but with no time, or a country's own commitment, makes no meeting."""
    assert events(text, "2032-03-01") == []


@pytest.mark.parametrize(
    "text",
    [
        "Q: When do leaders meet next?\nA: In Lisbon, on 3 and 4 May 2030.",
        "Where and when is the next summit? Lisbon, 3-4 May 2030.",
    ],
)
def test_a_terse_answer_gives_the_place_and_date_of_the_meeting_asked_about(text: str) -> None:
    """ "When do leaders meet next?" answered "In Lisbon, on 3 and 4 May 2030." is that meeting."""
    (event,) = events(text, "2030-01-10")
    assert event.when is not None
    assert (event.place, event.when.year, event.when.month, event.when.day) == ("Lisbon", 2030, 5, 3)


def test_an_answer_about_something_else_names_no_meeting() -> None:
    """A question that names no meeting makes its terse answer no meeting."""
    assert events("Q: Where is the new factory?\nA: In Lisbon, from May 2030.", "2030-01-10") == []


def test_a_city_and_its_country_at_the_sentence_end_keep_no_full_stop() -> None:
    """'will be held in Skopje, North Macedonia.': the place is shown without the sentence's full stop."""
    (event,) = events("Next year's summit will be held in Skopje, North Macedonia.", date="2026-07-05")
    assert (event.place, event.country) == ("Skopje, North Macedonia", "MK")


@pytest.mark.parametrize(
    "title", ["Live: Day one of the Tirana summit", "Live: NATO summit in Tirana, day one"]
)
def test_a_live_blogs_title_places_the_summit_its_entries_follow(title: str) -> None:
    """Entries that never name the city ('the first day of the NATO summit'): the blog's title does."""
    text = (
        f"Title: {title}\nDate: 2027-06-29\n\n"
        "10:02 — Leaders are arriving for the first day of the NATO summit.\n\n10:30 — The summit opened."
    )
    article = read_article(text)
    (event,) = extract_events(article, extract_people(article))
    assert (event.place, event.country, event.status, event.when.day if event.when else None) == (
        "Tirana",
        "AL",
        EventStatus.IN_PROGRESS,
        29,
    )


def test_a_timetables_present_tense_looks_ahead_to_its_weekday() -> None:
    """'EU leaders hold their own summit in Brussels on Thursday', written on a Tuesday: two days on."""
    (event,) = events("EU leaders hold their own summit in Brussels on Thursday.", date="2027-06-29")
    assert event.when is not None
    assert (event.when.month, event.when.day, event.status) == (7, 1, EventStatus.UPCOMING)


def test_a_club_of_leaders_that_meets_is_a_meeting() -> None:
    """'The G7 will meet in Evian next month': the G7 is the group that meets, so its summit is one."""
    (event,) = events("The G7 will meet in Evian next month.", date="2027-06-29")
    assert (event.kind, event.place, event.when.month if event.when else None) == (
        EventKind.G7_SUMMIT,
        "Evian",
        7,
    )


def test_a_summit_on_two_named_weekdays_spans_both() -> None:
    """'will gather in Tirana on Tuesday and Wednesday', written on Sunday 4 July: 6-7 July."""
    (event,) = events(
        "NATO leaders will gather in Tirana on Tuesday and Wednesday for a summit.", date="2027-07-04"
    )
    assert event.when is not None
    assert (event.when.month, event.when.day, event.when.end_day) == (7, 6, 7)


def test_a_meeting_that_runs_until_a_day_is_in_progress_until_then() -> None:
    """On a Monday, "the G7 summit, which runs until Tuesday" is under way, not opening on Tuesday."""
    (found,) = events(
        "The G7 summit in Kananaskis, which runs until Tuesday, has been overshadowed by the war.",
        date="2025-06-16",
    )
    assert (found.when and (found.when.day, found.when.end_day)) == (16, 17)
    assert found.status is EventStatus.IN_PROGRESS


@pytest.mark.parametrize(
    "text",
    [
        "The next NATO summit, in Ankara, was originally planned for 7-8 July but has been moved to 9-10 July.",
        "The NATO summit in Ankara, originally planned for 7-8 July, will now take place on 9-10 July.",
        "NATO leaders, originally due to meet in Ankara on 7-8 July, have postponed their summit to 9-10 July.",
    ],
)
def test_a_moved_meeting_takes_its_new_dates(text: str) -> None:
    """A meeting moved to other dates is on the new ones, whatever dates it was first planned for."""
    (found,) = events(text, date="2026-03-02")
    assert (found.place, found.when and (found.when.year, found.when.month, found.when.day)) == (
        "Ankara",
        (2026, 7, 9),
    )
    assert found.status is EventStatus.UPCOMING


def test_a_postponed_european_council_is_a_meeting_on_its_new_date() -> None:
    """ "A special European Council ... has been postponed to 20 March" is an EU summit on 20 March, ahead."""
    (found,) = events(
        "A special European Council on defence planned for 6 March has been postponed to 20 March.",
        date="2025-03-04",
    )
    assert found.kind == EventKind.EU_SUMMIT
    assert (found.when and (found.when.year, found.when.month, found.when.day)) == (2025, 3, 20)
    assert found.status is EventStatus.UPCOMING


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The ministers will meet again at the EU Council in Brussels on 19-20 March.", 1),
        ("The European Council said on 3 March that defence was a priority.", 0),  # the institution
        ("The G7 summit in Ottawa is due to take place on 15-17 June.", 1),
    ],
)
def test_dated_council_meetings_and_due_summits_are_events(text: str, count: int) -> None:
    """A dated European Council is a meeting, the institution speaking is not; "is due to take place" dates one."""
    found = events(text, date="2025-03-02")
    assert len(found) == count
    assert all(e.when and e.when.day is not None for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Leaders will meet again at next year's NATO summit, which Albania will host in Tirana on 6-7 July 2027.",
        "Next year's NATO summit will be hosted by Albania in Tirana on 6-7 July 2027.",
    ],
)
def test_a_summit_a_host_will_host_takes_its_place_and_dates(text: str) -> None:
    """ "..., which Albania will host in Tirana on 6-7 July 2027": Tirana, 6-7 July, not "next year"."""
    (found,) = events(text, date="2026-06-01")
    assert (found.place, found.when and (found.when.month, found.when.day, found.when.end_day)) == (
        "Tirana",
        (7, 6, 7),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the group nearest the verb meets: the ministers meet in Brussels, the leaders in Ankara
        (
            "Defence ministers of the alliance will gather in Brussels on 2-3 May, six weeks before"
            " leaders meet in Ankara for the NATO summit on 14-15 June.",
            [("NATO ministerial", "Brussels", 5, 2), ("NATO summit", "Ankara", 6, 14)],
        ),
        # a copula before the time or the place: "is on", "is in"
        ("The NATO summit in Ankara is on 14-15 June.", [("NATO summit", "Ankara", 6, 14)]),
        ("The NATO summit is in Ankara on 14 June.", [("NATO summit", "Ankara", 6, 14)]),
        # the European Council as the subject of "meets"
        ("The European Council meets in Brussels on 18 June.", [("EU summit", "Brussels", 6, 18)]),
        # the Group of Twenty is its own club, not NATO
        ("G20 leaders gather in Johannesburg in November.", [("G20 summit", "Johannesburg", 11, None)]),
    ],
)
def test_each_meeting_gets_its_own_group_place_and_date(
    text: str, expected: list[tuple[str, str, int, int | None]]
) -> None:
    """Two meetings of one sentence keep their own group, place and days; other clubs stay other clubs."""
    found = [
        (e.kind, e.place, e.when.month if e.when else None, e.when.day if e.when else None)
        for e in events(f"Title: NATO diary\n\n{text}", "2026-04-20")
    ]
    assert found == expected


def test_a_meeting_that_takes_place_later_in_the_year_is_upcoming() -> None:
    """ "takes place" in a timetable looks ahead: December of the article's year, not last December."""
    (event,) = events("The G20 summit takes place in Johannesburg in December.", "2026-04-20")
    assert (event.when.year if event.when else None, event.status) == (2026, EventStatus.UPCOMING)


def test_a_summit_named_with_its_year_takes_that_year_for_its_days() -> None:
    """ "the 2019 summit on 3-4 December" is December 2019, not the article's December."""
    (event,) = events("London hosted the 2019 NATO summit on 3–4 December.", "2026-04-20")
    assert event.when is not None and (event.when.year, event.when.month, event.when.day) == (2019, 12, 3)


def test_a_chronology_entry_dates_the_meetings_it_names() -> None:
    """A line that opens with its year ("2016 — ...") dates a meeting its paragraph names by month only."""
    text = (
        "Title: A NATO timeline\n\n2016 — Allies worry about the east. At the Warsaw summit in July,"
        " leaders agree to send battlegroups.\n\n2026: Leaders prepare for Ankara."
    )
    (event,) = events(text, "2026-04-20")
    assert (event.place, event.when.year if event.when else None, event.status) == (
        "Warsaw",
        2016,
        EventStatus.PAST,
    )


def test_a_diary_heading_dates_the_meeting_under_it_and_its_last_day() -> None:
    """Under "Tuesday 7 July", "The NATO summit opens in Riga and runs until Wednesday" is 7-8 July, and
    "Leaders close the summit" under the next day's heading is the same summit."""
    text = (
        "Title: NATO week ahead\n\nTuesday 7 July\n\nThe NATO summit opens in Riga and runs until Wednesday.\n\n"
        "Wednesday 8 July\n\nLeaders close the summit with a declaration.\n\n"
        "Thursday 9 July\n\nIn Brussels, where the European Council meets on 9 and 10 July, leaders discuss Ukraine."
    )
    found = [
        (e.kind, e.place, e.when.day if e.when else None, e.when.end_day if e.when else None)
        for e in events(text, "2026-07-01")
    ]
    assert found == [(EventKind.NATO_SUMMIT, "Riga", 7, 8), (EventKind.EU_SUMMIT, "Brussels", 9, 10)]


def test_a_summit_of_a_named_body_held_in_a_city_the_day_after() -> None:
    """A translation's "the summit of the Atlantic Alliance, which will be held in Riga the 7 and 8 July"."""
    (event,) = events(
        "Title: NATO\n\nThe ministers will go to the summit of the Atlantic Alliance, which will be held in Riga"
        " the 7 and 8 July.",
        "2026-06-01",
    )
    assert (event.place, event.when.day if event.when else None) == ("Riga", 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a move names the new place and days; the old ones are no meeting of their own
        (
            "A meeting of NATO defence ministers originally scheduled for 3-4 November in Brussels will"
            " instead take place in Sofia on 10-11 November, the alliance said.",
            [(EventKind.NATO_MINISTERIAL, "Sofia", 10)],
        ),
        (
            "A meeting of NATO defence ministers set for 3-4 November in Brussels has been moved to Sofia"
            " on 10-11 November.",
            [(EventKind.NATO_MINISTERIAL, "Sofia", 10)],
        ),
        (
            "The meeting of NATO defence ministers in Brussels has been postponed from 3-4 November to"
            " 10-11 November.",
            [(EventKind.NATO_MINISTERIAL, "Brussels", 10)],
        ),
        # "were due to meet" looks ahead from then: this November, not last year's
        (
            "NATO defence ministers were due to meet in Brussels on 3-4 November.",
            [(EventKind.NATO_MINISTERIAL, "Brussels", 3)],
        ),
    ],
)
def test_a_moved_meeting_is_where_and_when_it_moved_to(
    text: str, expected: list[tuple[EventKind, str, int]]
) -> None:
    """The new place and dates of a moved meeting are its own; "the alliance said" stays nobody's meeting."""
    found = events(f"Title: NATO\n\n{text}", "2026-09-20")
    assert [(e.kind, e.place, e.when.day if e.when else None) for e in found] == expected
    assert all(e.when is not None and e.when.year == 2026 for e in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leaders gather on 14-15 June for a NATO summit in Riga.", ("Riga", 6, 14)),
        ("Leaders gather on Tuesday for a two-day NATO summit in Riga.", ("Riga", 6, 16)),
        # a congress centre is the venue, not a place of its own
        (
            "RIGA — Leaders gather in the Latvian capital on Tuesday for a two-day NATO summit at the Ķīpsala"
            " congress centre.",
            ("Riga", 6, 16),
        ),
    ],
)
def test_the_day_leaders_gather_for_a_summit_is_the_summits(
    text: str, expected: tuple[str, int, int]
) -> None:
    """ "gather on <day> for a summit in <city>": the day is the summit's; a venue is no second summit."""
    found = events(f"Title: NATO summit\n\n{text}", "2026-06-15")
    assert [(e.place, e.when.month if e.when else None, e.when.day if e.when else None) for e in found] == [
        expected
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "were scheduled to" says nothing of the year: June, a month before a July article, is past
        ("NATO defence ministers were scheduled to meet in Brussels on 5 June.", (2025, 5, None)),
        # an arms fair's "runs until Sunday" in another clause is not the meeting's last day
        (
            "NATO defence ministers meet in Brussels on 15 July, while an arms fair next door runs until Sunday.",
            (2025, 15, None),
        ),
    ],
)
def test_a_meetings_dates_are_its_own_clauses(text: str, expected: tuple[int, int, int | None]) -> None:
    """Only the meeting's own clause and tense date it."""
    (event,) = events(f"Title: NATO\n\n{text}", "2025-07-10")
    assert event.when is not None and (event.when.year, event.when.day, event.when.end_day) == expected


def test_a_heading_that_is_not_a_day_dates_no_meeting() -> None:
    """ "Since 24 February 2022" heads a section about a time; only a diary's day heading dates a meeting."""
    text = "Title: NATO\n\n## Since 24 February 2022\n\nLeaders met in Vilnius for a NATO summit in July."
    assert [(e.when.month if e.when else None) for e in events(text, "2025-05-01")] == [7]


def test_today_under_a_live_blogs_day_heading_is_that_day() -> None:
    """Under "Tuesday 24 June", "leaders gather in The Hague today" is 24 June of the blog's year, one
    summit, not a second one a year later."""
    text = (
        "Title: Live: NATO summit\n\nTuesday 24 June\n\n"
        "09:05 Allied leaders gather in The Hague today and tomorrow for the NATO summit."
    )
    found = [
        (e.place, e.when.year if e.when else None, e.when.day if e.when else None)
        for e in events(text, "2025-06-25")
    ]
    assert found == [("The Hague", 2025, 24)]


def test_any_summit_in_general_is_no_mention_of_the_one_discussed() -> None:
    """'Nobody needs a summit to ...' names no meeting: it adds no passage to the summit in Ankara."""
    (summit,) = events(
        "Leaders meet at the NATO summit in Ankara next July.\n\n"
        '"Nobody in Riga needs a summit to tell them where the border is," said an analyst.',
        "2025-11-03",
    )
    assert summit.place == "Ankara"
    assert summit.passages == [0]


def test_a_gathering_at_a_resort_outside_a_city_is_in_that_city() -> None:
    """'gathered at a golf resort outside Newport, Wales, on 4 and 5 September 2014': Newport, those days."""
    (summit,) = events(
        "When NATO leaders gathered at a golf resort outside Newport, Wales, on 4 and 5 September 2014,"
        " the crisis in Ukraine had only just begun.",
        "2025-06-12",
    )
    assert (summit.place, summit.country) == ("Newport, Wales", "GB")
    assert summit.when is not None and (summit.when.year, summit.when.month, summit.when.day) == (2014, 9, 4)
    assert summit.status is EventStatus.PAST


def test_they_who_gather_are_the_leaders_of_the_sentence_before() -> None:
    """'At last year's summit in Washington, leaders celebrated. This June, when they gather in The
    Hague, ...': the leaders meet again, in The Hague this June."""
    found = events(
        "At last year's summit in Washington, leaders celebrated. This June, when they gather in The Hague,"
        " the talk will be of a higher bar.",
        "2025-02-14",
    )
    assert {(e.place, e.when.year if e.when else None, e.when.month if e.when else None) for e in found} == {
        ("Washington", 2024, None),
        ("The Hague", 2025, 6),
    }


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "The numbers will hang over the next summit, which allied leaders will hold in Albania this summer.",
            "Albania",
        ),
        (
            "The numbers will hang over the next NATO summit, which will be held in Tirana this summer.",
            "Tirana",
        ),
    ],
)
def test_a_relative_clause_may_say_where_a_summit_is_held(text: str, place: str) -> None:
    """ "the next summit, which allied leaders will hold in Albania this summer": the summit's place and time."""
    (event,) = events(text, date="2027-02-15")
    assert (event.place, event.when.text if event.when else None, event.status) == (
        place,
        "this summer",
        EventStatus.UPCOMING,
    )


@pytest.mark.parametrize(
    "text",
    [
        "By next year's summit in Ankara the gap will not have closed.",
        "What I want to see by next year's summit in Tirana is ships in the water.",
    ],
)
def test_by_a_summit_keeps_the_summits_own_time(text: str) -> None:
    """ "by next year's summit in Ankara": "by" reaches the summit, whose time is next year's."""
    (event,) = events(text, date="2026-10-15")
    assert (event.when.text.lower() if event.when else None, event.when.year if event.when else None) == (
        "next year",
        2027,
    )
