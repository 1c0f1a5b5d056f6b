"""Readings the twentieth session's blind articles showed missing, each written generally and kept here.

Every case failed on the commit before its rule (a summit dated only by "ago", a committee record's
numbered questions ("Q5 Sarah Kettleborough:") taken for the witness's words, names given to things
in a relative clause or by someone the article introduces with "calls", ...), except the guards,
which keep a rule from overreaching. Four rules the review withdrew left guards here too
(``test_review_mends_twentieth.py`` has the review's cases).
"""

from __future__ import annotations

import pytest

from knowledge.extract import extract
from knowledge.extract.reader import read_article
from knowledge.models import EventStatus, Extraction

HEADER = "Title: Briefing\nSource: Test Wire\nDate: 2025-06-27\n"


def read(body: str, header: str = HEADER) -> Extraction:
    """Return what extraction reads in an article of body under header."""
    return extract(read_article(f"{header}\n{body}\n"))


@pytest.mark.parametrize(
    ("body", "month"),
    [
        ("NATO leaders wrapped up their summit in The Hague three days ago.", 6),
        ("Two weeks ago, NATO leaders met at the summit in The Hague.", 6),
        ("NATO leaders met at the summit in The Hague two months ago.", 4),
    ],
)
def test_a_summit_dated_by_a_span_counted_back(body: str, month: int) -> None:
    events = read(body).events
    assert [(e.place, e.when.year if e.when else None, e.when.month if e.when else None) for e in events] == [
        ("The Hague", 2025, month)
    ]


def test_a_span_after_a_past_day_dates_nothing() -> None:
    # "Two days after the summit, Rutte flew to Kyiv": two days after a day the text does not give
    events = read(
        "Two days after NATO leaders wrapped up their summit in The Hague, Rutte flew to Kyiv."
    ).events
    assert all(e.when is None or e.when.text != "Two days after" for e in events)


def test_a_summit_counted_back_from_the_date_is_past() -> None:
    (event,) = read("Two weeks ago, NATO leaders met at the summit in The Hague.").events
    assert event.status is EventStatus.PAST


COMMITTEE = """Defence Committee
Oral evidence: Meeting the NATO investment pledge

Members present: Helen Marchbanks (Chair); Owain Pryce; Sarah Kettleborough.

Witnesses: Dr Miriam Achterberg, Director, Institute for Alliance Budgets.

Q1 Chair: Good afternoon. Dr Achterberg, is the path to 3.5% credible?

Dr Achterberg: Frankly, not on present numbers. The Department has never sustained that growth.

Q2 Sarah Kettleborough: How do we compare with the others?

Dr Achterberg: Poorly, if you look east. Poland is well over 4%.

Q3 Chair: On that note, thank you very much."""


def test_a_committee_records_numbered_questions_are_the_members_not_the_witness() -> None:
    statements = read(COMMITTEE).statements
    witness = " ".join(s.text for s in statements if s.speaker == "Miriam Achterberg")
    assert "not on present numbers" in witness and "Poorly" in witness
    assert "compare with the others" not in witness
    assert "Q2" not in witness


def test_a_committee_chairs_questions_are_not_the_witnesses() -> None:
    # "Q1 Chair:" names no one surely (a witness may chair something too): never the witness's words
    witness = " ".join(s.text for s in read(COMMITTEE).statements if s.speaker == "Miriam Achterberg")
    assert "credible" not in witness and "thank you very much" not in witness


@pytest.mark.parametrize(
    ("body", "speaker", "words"),
    [
        # someone introduced by "calls" with quoted words is a speaker, as with "says"
        (
            "Her critics are less charitable. João Tavares Pinto, who speaks on defence for the opposition"
            ' Socialists, calls the plan "a promise written in pencil" and says it flattered the figures.',
            "João Tavares Pinto",
            "a promise written in pencil",
        ),
        # a name given in a relative clause: the relative pronoun is what is named
        (
            '"Nobody in Lisbon wakes up afraid of tanks," Ana Moura told me. "But everyone should worry about'
            ' cables." She means the data lines that come ashore near Sesimbra, which she calls "the soft'
            ' underbelly of the Atlantic".',
            "Ana Moura",
            "the soft underbelly of the Atlantic",
        ),
    ],
)
def test_a_name_given_in_quoted_words_is_the_speakers(body: str, speaker: str, words: str) -> None:
    statements = read(body).statements
    assert any(s.speaker == speaker and words in s.text for s in statements), [
        (s.speaker, s.text) for s in statements
    ]


def test_a_company_called_something_is_no_speaker() -> None:
    assert read('A company called Rheinmetall called the plan "good".').people == []


def test_the_person_an_interviewer_meets_is_the_interviews_speaker() -> None:
    body = (
        "THE INTERVIEW\n\n"
        "Johan Ekdahl has worked in Sweden's Ministry of Defence for two decades. We met him in his"
        " Stockholm office on Thursday. The conversation has been edited for length.\n\n"
        "**What has changed in the way you build a budget?**\n\n"
        "Almost everything about the process and remarkably little about the instinct.\n\n"
        "**And next year?**\n\nWe will spend more."
    )
    extraction = read(body, "Title: Interview\nSource: Test\nDate: 2025-06-27\n")
    assert [p.name for p in extraction.people] == ["Johan Ekdahl"]
    assert any(
        s.speaker == "Johan Ekdahl" and "remarkably little about the instinct" in s.text
        for s in extraction.statements
    )


def test_a_fact_checks_claim_dates_no_summit() -> None:
    body = (
        'CLAIM: "Leaders will sign off on a 5% target when they meet in July." — an MP, in a column.\n\n'
        "VERDICT: PARTLY FALSE. The summit takes place in June, not July: leaders are scheduled to meet"
        " in The Hague on 24-25 June 2025."
    )
    events = read(body, "Title: Fact-check\nSource: Test\nDate: 2025-05-12\n").events
    assert [(e.place, e.when.month if e.when else None) for e in events] == [("The Hague", 6)]


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        # the clause's object before the possessor is not the role
        (
            "It is my pleasure to invite to the stage Romania's Minister of National Defence, Cristian Vlădescu.",
            "Romania's Minister of National Defence",
        ),
        # a role that hangs on the possessor keeps its head
        (
            "The deputy to Poland's defence minister, Jan Kowal, said it was fine.",
            "deputy to Poland's defence minister",
        ),
    ],
)
def test_a_role_before_a_name_starts_where_the_role_does(sentence: str, role: str) -> None:
    assert [p.role for p in read(sentence).people] == [role]


def spending(body: str, header: str = HEADER) -> set[tuple[str, float | None]]:
    """Return (ally, value) of each spending record of an article (the alliance's left out)."""
    return {(r.subject, r.value) for r in read(body, header).spending if r.subject != "NATO"}


def test_what_a_goal_would_cost_is_no_allys_figure() -> None:
    body = (
        'Spain will spend 2.1% of GDP on defence this year. "The capability targets that NATO assigned to Spain cost,'
        ' according to our calculations, between 2.8% and 3% of GDP," he explained.'
    )
    assert spending(body) == {("ES", 2.1)}


def test_an_update_note_replaces_the_figure_it_restates() -> None:
    body = (
        "14:10\n\nCanada will spend 2.3 per cent of GDP on defence this year, Defence Minister Danielle"
        " Arsenault told reporters.\n\n"
        "Update, 15:40: Arsenault's office says the minister misspoke. Canada's projected figure for 2026 is"
        " 2.1 per cent."
    )
    header = "Title: Summit live\nSource: Test\nDate: 2026-07-08\n"
    assert {(r.subject, r.value, r.when.year if r.when else None) for r in read(body, header).spending} == {
        ("CA", 2.1, 2026)
    }


def test_a_correction_that_restates_the_wrong_figure_keeps_the_right_one() -> None:
    # the note's "2.0%" is the earlier version's wrong figure: the book's 2.2% stands
    body = (
        "Norway spent 2.2% of GDP on defence last year, the book says.\n\n"
        "Correction: An earlier version of this review gave Norway's figure for last year as 2.0% of GDP."
        " The book gives 2.2%."
    )
    assert ("NO", 2.2) in spending(body)


INTERVIEW = """THE INTERVIEW

Johan Ekdahl has worked in and around Sweden's Ministry of Defence for two decades. We met him in his
Stockholm office on Thursday. The conversation has been edited for length and clarity.

**What has changed in the way you build a budget?**

Almost everything about the process. For this year we expect to land at roughly 2.4 per cent of GDP.

**You told a committee in May that Sweden would reach 2.8 per cent next year. Is that still the plan?**

That is a number that has taken on a life of its own. It was never the government's plan.

**And after that?**

After 2026 the path gets steeper. We intend to reach 3.5 per cent by 2030."""


def test_an_interviewee_with_no_role_speaks_for_the_office_the_title_names() -> None:
    header = (
        "Title: Sweden's defence state secretary on the long climb to 3.5%\nSource: Test\nDate: 2025-09-14\n"
    )
    found = {(r.subject, r.value) for r in read(INTERVIEW, header).spending}
    assert ("SE", 2.4) in found and ("SE", 3.5) in found


def test_a_figure_in_an_interviewers_bold_question_is_no_fact() -> None:
    header = (
        "Title: Sweden's defence state secretary on the long climb to 3.5%\nSource: Test\nDate: 2025-09-14\n"
    )
    assert all(r.value != 2.8 for r in read(INTERVIEW, header).spending)


@pytest.mark.parametrize(
    ("sentence", "place", "month"),
    [
        # a part of a month is in the month
        (
            "How much further is the question hanging over the NATO summit in The Hague at the end of this month.",
            "The Hague",
            6,
        ),
        # a meeting scheduled for a place, as a list item of notes
        ("6. The next NATO summit is scheduled for Ankara in July 2026.", "Ankara", 7),
    ],
)
def test_a_summit_placed_and_dated_in_other_words(sentence: str, place: str, month: int) -> None:
    events = read(sentence, "Title: Notes\nSource: Test\nDate: 2025-06-12\n").events
    assert [(e.place, e.when.month if e.when else None) for e in events] == [(place, month)]


def test_a_summit_scheduled_for_a_day_is_not_placed_by_it() -> None:
    events = read("The next NATO summit is scheduled for July 2026.").events
    assert [(e.place, e.when.month if e.when else None) for e in events] == [(None, 7)]


WREN = (
    'Tobias Wren, a fellow at the Kestrel Institute, says "nobody knows what it buys". Allies have agreed'
    " to submit plans, he notes.\n\n"
    "A senior alliance official, speaking on condition of anonymity, was blunter. The two per cent debate,"
    ' he said, "took twenty years to win, and we have given ourselves ten for the next one".'
)


def test_he_after_an_unnamed_source_made_the_subject_is_that_source() -> None:
    statements = read(WREN).statements
    words = [s for s in statements if "took twenty years to win" in s.text]
    assert [(s.speaker, s.speaker_type.value) for s in words] == [("a senior alliance official", "unnamed")]


def test_he_in_the_next_paragraph_is_not_the_unnamed_source() -> None:
    body = (
        "Tomasz Wierzbicki, the head of the budget division, has kept the books for thirty years."
        ' "It is a ledger," he said.\n\n'
        "A senior official who asked not to be named said the division would struggle to replace him:"
        ' "He knows where every footnote is buried."\n\n'
        'He will not be in Tirana next year. "I\'ll watch it on television," he said, "and count."'
    )
    words = [s for s in read(body).statements if "watch it on television" in s.text]
    assert [s.speaker for s in words] == ["Tomasz Wierzbicki"]


def test_a_role_with_a_longer_portfolio_before_a_name() -> None:
    body = (
        "VILNIUS, Sept. 16 — Lithuania will spend between 5% and 6% of GDP on defence next year, the chair of"
        " the parliament's national security committee, Rasa Žemaitienė, said. \"Six per cent is not a slogan"
        ' for us, it is a shopping list," she said.'
    )
    extraction = read(body, "Title: Digest\nSource: Test\nDate: 2026-09-18\n")
    assert [(p.name, p.role) for p in extraction.people] == [
        ("Rasa Žemaitienė", "chair of the parliament's national security committee")
    ]
    said = {s.text for s in extraction.statements if s.speaker == "Rasa Žemaitienė"}
    assert "Lithuania will spend between 5% and 6% of GDP on defence next year" in said
    assert any("not a slogan for us" in t for t in said)


def test_a_note_in_brackets_after_a_name_keeps_it_the_subject() -> None:
    body = (
        "General Sir Malcolm Fenwick (retd), a former Vice Chief of the Defence Staff, told the Committee"
        ' that the Armed Forces had been "hollowed out by two decades of salami-slicing".'
    )
    statements = read(body).statements
    assert any(s.speaker == "Malcolm Fenwick" and "salami-slicing" in s.text for s in statements)


def test_the_person_who_spoke_to_the_interviewer_is_the_interviews_speaker() -> None:
    body = (
        "Margit Hallström heads the defence economics programme at the Stockholm Institute. She spoke to"
        " Paul Renner about budgets. The interview has been edited for length and clarity.\n\n"
        "**Are allies spending more?**\n\nBoth, but the promises are running ahead.\n\n"
        "**Who is?**\n\nPoland, obviously."
    )
    extraction = read(body, "Title: An economist on the new goal\nSource: Test\nDate: 2025-11-22\n")
    assert any(
        s.speaker == "Margit Hallström" and "promises are running ahead" in s.text
        for s in extraction.statements
    )


NEWSLETTER = """== REAL WORLD ROUND-UP ==

The alliance's latest estimates for 2026 make for interesting reading. Germany spends 2.6% of GDP this year.

== OUR SUMMIT: HARTWELL MODEL NATO 2026 ==

On Saturday, 64 delegates packed into Marlowe Hall. Remember: everything below is make-believe!

The "German" delegation, led by Tom Reyes, opened by pledging 4.2% of GDP by 2028. "Berlin will not be the weak link in this room," Tom Reyes declared."""


def test_a_section_headed_as_the_clubs_simulation_is_the_games() -> None:
    extraction = read(NEWSLETTER, "Title: The Delegate, issue 3\nSource: Club newsletter\nDate: 2026-11-18\n")
    # (the players' own words stay theirs, as quotes of students: only the game's figures are no ally's)
    assert {(r.subject, r.value) for r in extraction.spending} == {("DE", 2.6)}


def test_a_heading_between_equals_signs_is_a_section() -> None:
    article = read_article(f"{HEADER}\n{NEWSLETTER}\n")
    assert article.sections[:2] == ["REAL WORLD ROUND-UP", "OUR SUMMIT: HARTWELL MODEL NATO 2026"]
    assert not any(p.text.startswith("==") for p in article.passages)


@pytest.mark.parametrize(
    ("body", "figure"),
    [
        ("Denmark has passed a budget that takes it above 3.5% in 2027.", ("DK", None, 2027)),
        (
            "Norway closed last year at roughly 2.2% of GDP, and the long-term plan takes it to about 2.6% next year.",
            ("NO", 2.6, 2026),
        ),
    ],
)
def test_it_as_the_object_of_a_plan_that_takes_it_somewhere_is_the_ally(
    body: str, figure: tuple[str, float | None, int]
) -> None:
    header = "Title: Defence spending\nSource: Test\nDate: 2025-06-27\n"
    found = {(r.subject, r.value, r.when.year if r.when else None) for r in read(body, header).spending}
    assert figure in found


def test_should_states_no_figure() -> None:
    # "should" of a duty and of a demand alike: "Critics say Canada should land at 2% this year"
    header = "Title: Defence spending\nSource: Test\nDate: 2025-11-22\n"
    assert read("Germany should spend 3% of GDP this year, critics say.", header).spending == []
    assert read("Critics say Canada should land at 2% of GDP this year, not next.", header).spending == []


def test_a_condition_on_the_alternative_figure_leaves_the_first_stated() -> None:
    body = (
        "Britain put 2.3% of its national income into defence last year. Ministers have promised to lift that"
        " to 2.5% by April 2027, or 2.6% if intelligence spending is counted."
    )
    found = {(r.subject, r.value, r.when.year if r.when else None) for r in read(body).spending}
    assert ("GB", 2.5, 2027) in found
    assert all(value != 2.6 for _, value, _ in found)


LAGGARDS = "Title: Defence spending laggards\nSource: Test\nDate: 2026-05-18\n"


def test_allies_that_missed_it_at_figures_respectively() -> None:
    body = "Portugal and Spain missed it too, at 1.86% and 1.94% respectively."
    assert spending(body, LAGGARDS) == {("PT", 1.86), ("ES", 1.94)}


def test_an_apposition_led_by_long_is_an_aside_of_its_ally() -> None:
    body = (
        "Canada, long a target of U.S. criticism, crossed the threshold for the first time at 2.01%,"
        " helped by a one-off payment."
    )
    records = read(body, LAGGARDS).spending
    assert [(r.subject, r.value, r.status.value if r.status else None) for r in records] == [
        ("CA", 2.01, "actual")
    ]


QA = """CHAIR (Professor Rajiv Menon): We have about twenty minutes.

Q (Jonas Petrauskas, MA student): Everything I read says Spain spends 1.3% of GDP on defence. How can the alliance plan around that?

ASHCOMBE: Madrid told the alliance it would reach 2% this year, and as far as I can tell it has.

Q (Rebecca Hale, retired Royal Navy commander): On Britain, then. Is that enough after what was agreed in The Hague?

ASHCOMBE: Let me correct one thing first. The government's own figure for this year is nearer 2.4%."""


def test_an_answer_is_about_the_ally_its_question_turned_to() -> None:
    header = "Title: Transcript: audience questions on defence spending\nSource: Test\nDate: 2025-11-06\n"
    found = {(r.subject, r.value) for r in read(QA, header).spending}
    assert ("GB", 2.4) in found and ("ES", 2.4) not in found


def test_who_follows_whom_in_aid_is_no_ranking_of_spending() -> None:
    body = (
        "Poland spends 4.7% of GDP on defence this year and Estonia 3.4%.\n\n"
        "On military aid to Ukraine, the United States leads the way with $66 billion since 2022. Germany"
        " follows with about $17 billion, ahead of the United Kingdom on $13 billion."
    )
    assert spending(body, "Title: Defence spending\nSource: Test\nDate: 2025-06-27\n") == {
        ("PL", 4.7),
        ("EE", 3.4),
    }


def test_an_occupation_and_an_opening_phrase_before_a_name_whose_he_speaks_next() -> None:
    body = (
        'At the Saturday market, fishmonger Jari Toivanen shrugged when asked about the target. "Five per'
        ' cent sounds like a lot," he said, "until you remember who lives over there."'
    )
    extraction = read(body)
    assert [p.name for p in extraction.people] == ["Jari Toivanen"]
    assert any(
        s.speaker == "Jari Toivanen" and "who lives over there" in s.text for s in extraction.statements
    )


@pytest.mark.parametrize(
    ("line", "figure"),
    [
        ("**4.8%** - The share of GDP Poland plans to spend on defence this year.", ("PL", 4.8)),
        ("**2.6%** - What the Netherlands now projects for this year, up from 2.2% in 2025.", ("NL", 2.6)),
    ],
)
def test_a_numbers_of_the_week_item_names_its_spender_after_the_figure(
    line: str, figure: tuple[str, float]
) -> None:
    body = f"NUMBERS OF THE WEEK\n\n{line}"
    assert figure in spending(
        body, "Title: Numbers of the week: defence budgets\nSource: Test\nDate: 2026-02-06\n"
    )


def test_a_tv_scripts_clip_labelled_with_a_dash_is_the_named_speakers() -> None:
    body = (
        "CASTELLANOS (V/O): Inside, the argument is about money.\n\n"
        'SOT - HENDRIKA VAN DER LINDEN, DUTCH DEFENCE MINISTER: "We are the hosts, so we cannot ask others'
        ' to do what we will not do ourselves."'
    )
    extraction = read(body, "Title: Evening Report\nSource: TV (broadcast script)\nDate: 2025-06-24\n")
    assert [(s.speaker, s.text) for s in extraction.statements] == [
        (
            "Hendrika van der Linden",
            "We are the hosts, so we cannot ask others to do what we will not do ourselves.",
        )
    ]
