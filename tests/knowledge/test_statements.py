"""Statements: verbatim, partial and reported speech, attributed to people, documents or unnamed sources."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import knowledge
from knowledge.extract.people import extract_people
from knowledge.extract.reader import read_article
from knowledge.extract.statements import extract_statements
from knowledge.models import Article, SpeakerType, StatementKind, StatementRecord, TimeRef

SEED = Path(knowledge.__file__).parent / "articles" / "nato-briefing-2025.txt"
VERBATIM, PARTIAL, REPORTED = StatementKind.VERBATIM, StatementKind.PARTIAL, StatementKind.REPORTED
MINISTER = "Defence Minister Anna Kowalski"  # introduces "Anna Kowalski" wherever it is written
KOWALSKI = "Anna Kowalski"


@cache
def seed() -> Article:
    """Return the bundled seed article."""
    return read_article(SEED.read_text(encoding="utf-8"))


def statements(text: str, date: str = "2025-06-10") -> list[StatementRecord]:
    """Return the statements of an article made of text, published on date (a Tuesday by default)."""
    article = read_article(f"Date: {date}\n\n{text}")
    return extract_statements(article, extract_people(article))


def said(text: str) -> list[tuple[str, StatementKind, str]]:
    """Return (speaker, kind, text) of each statement in an article made of text."""
    return [(s.speaker, s.kind, s.text) for s in statements(text)]


def only(text: str) -> StatementRecord:
    """Return the one statement an article made of text makes."""
    (statement,) = statements(text)
    return statement


def test_seed_statements_are_exactly_the_expected_ones() -> None:
    """The seed yields Rutte's, Stoltenberg's and Hegseth's words and nothing else, Trump's included."""
    found = [
        (s.passage, s.speaker, s.kind, s.text) for s in extract_statements(seed(), extract_people(seed()))
    ]
    rutte, hegseth, stoltenberg = "Mark Rutte", "Pete Hegseth", "Jens Stoltenberg"
    assert found == [
        (
            2,
            rutte,
            REPORTED,
            "called on all 32 NATO member states to increase military spending, improve equipment, and show"
            " greater political unity",
        ),
        (3, rutte, VERBATIM, "We must step up our efforts in 2025 to keep NATO militarily dominant"),
        (
            4,
            rutte,
            REPORTED,
            "defending freedom and prosperity depends on a stronger and more committed alliance",
        ),
        (
            11,
            rutte,
            VERBATIM,
            "The will to defend must be shown not just in numbers, but in readiness to act",
        ),
        (13, rutte, REPORTED, "reaffirmed NATO’s support for Ukraine"),
        (14, rutte, VERBATIM, "NATO support for Ukraine remained strong in 2024"),
        (15, rutte, PARTIAL, "alliance members continue to pursue “a just and lasting peace.”"),
        (16, hegseth, REPORTED, "Ukraine is unlikely to regain all of its occupied territory"),
        (17, hegseth, REPORTED, "NATO does not plan to admit Ukraine in the near future"),
        (21, stoltenberg, VERBATIM, "Ukraine must prevail. This is about our own security, not charity."),
    ]


def test_seed_statements_carry_time_medium_and_context_from_their_attribution() -> None:
    """Times come from the attribution, never the quoted words; media as written; a partial quote is its clause."""
    by_passage = {s.passage: s for s in extract_statements(seed(), extract_people(seed()))}
    assert by_passage[3].medium == "NATO’s latest annual report" and by_passage[3].when is None
    assert by_passage[14].when is None  # "in 2024" is inside the quote
    assert by_passage[15].text == "alliance members continue to pursue “a just and lasting peace.”"
    assert by_passage[16].when == TimeRef(text="in February", month=2)  # a year-only date: no year
    assert by_passage[21].when == TimeRef(text="2023", year=2023)
    assert all(s.medium is None for p, s in by_passage.items() if p != 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jane Doe, Canada's defence minister, said the plan was sound.",
            [("Jane Doe", REPORTED, "the plan was sound")],
        ),
        (
            '"We will spend more," said Anna Kowalski. "We have no choice."',
            [(KOWALSKI, VERBATIM, "We will spend more"), (KOWALSKI, VERBATIM, "We have no choice.")],
        ),
        (
            f'{MINISTER} spoke. "We will spend more," she said, "because we have no choice."',
            [(KOWALSKI, VERBATIM, "We will spend more, because we have no choice.")],  # one split quotation
        ),
        (
            f"{MINISTER} spoke. “The alliance is ready,” Kowalski emphasised.",
            [(KOWALSKI, VERBATIM, "The alliance is ready")],
        ),
        (f"In 2023, {MINISTER} declared: “We will win.”", [(KOWALSKI, VERBATIM, "We will win.")]),
        (  # issue 11: calling something a quoted name is a partial quote of the speaker's words
            f"{MINISTER} called the plan “reckless.”",
            [(KOWALSKI, PARTIAL, "called the plan “reckless.”")],
        ),
        (f"{MINISTER} said “we will win.”", [(KOWALSKI, VERBATIM, "we will win.")]),
        (
            '"Kowalski is right," said Gareth Jones, a British member of parliament. '
            + MINISTER
            + " smiled.",
            [("Gareth Jones", VERBATIM, "Kowalski is right")],
        ),
        (
            f"{MINISTER} said the plan was “a start, not a finish.”",
            [(KOWALSKI, PARTIAL, "the plan was “a start, not a finish.”")],
        ),
        (
            f"{MINISTER} urged allies to raise spending.",
            [(KOWALSKI, REPORTED, "urged allies to raise spending")],
        ),
        (
            f"{MINISTER} announced that Poland would buy tanks.",
            [(KOWALSKI, REPORTED, "Poland would buy tanks")],
        ),
        (f"According to {MINISTER}, Poland will buy tanks.", [(KOWALSKI, REPORTED, "Poland will buy tanks")]),
        (f"Poland will buy tanks, according to {MINISTER}.", [(KOWALSKI, REPORTED, "Poland will buy tanks")]),
        (
            f"{MINISTER} also warned that stocks were low, even as output rose.",
            [(KOWALSKI, REPORTED, "stocks were low")],
        ),
        (
            f"{MINISTER} spoke. She told Reuters that the plan was on track.",
            [(KOWALSKI, REPORTED, "the plan was on track")],
        ),
        (
            "John Smith said he was pleased. Mr. Smith added that he would return.",
            [("John Smith", REPORTED, "he was pleased"), ("John Smith", REPORTED, "he would return")],
        ),
        # longer titles before a name after "said": "armed forces minister", "opposition MP", "undersecretary"
        (
            '"We cannot keep buying abroad," said French armed forces minister Claire Dubreuil.',
            [("Claire Dubreuil", VERBATIM, "We cannot keep buying abroad")],
        ),
        (
            '"He wants a war budget," said opposition MP Ewa Lis during the debate.',
            [("Ewa Lis", VERBATIM, "He wants a war budget")],
        ),
        (
            '"Italy is close," said Rome\'s defence undersecretary, Matteo Ferrandi.',
            [("Matteo Ferrandi", VERBATIM, "Italy is close")],
        ),
        # the attribution set inside the words it reports
        (
            f"{MINISTER} visited the plant. Speed, she said, mattered more than origin.",
            [(KOWALSKI, REPORTED, "Speed mattered more than origin")],
        ),
        (
            f"{MINISTER} visited the plant. The army, Kowalski said, needed shells now.",
            [(KOWALSKI, REPORTED, "The army needed shells now")],
        ),
        (  # ... with quoted words, and with listeners and a time in the attribution
            f"{MINISTER} visited the plant. Spain, she told the Senate in July, intends to be “a reliable ally”.",
            [(KOWALSKI, PARTIAL, "Spain intends to be “a reliable ally”")],
        ),
        # a profession before a name introduces its person, so "he" is not the woman named before
        (
            f'{MINISTER} spoke first. In Sofia, analyst Petar Ivanov is sceptical. "It was announced three times before," he said.',
            [("Petar Ivanov", VERBATIM, "It was announced three times before")],
        ),
        # a live blog's time stamp before the quotation that opens an entry
        (
            f'{MINISTER} arrived.\n\n10:15 "This is the day we deliver," Kowalski said.',
            [(KOWALSKI, VERBATIM, "This is the day we deliver")],
        ),
        (
            f'{MINISTER} arrived.\n\n10:15 CET — "This is the day we deliver," Kowalski said.',
            [(KOWALSKI, VERBATIM, "This is the day we deliver")],
        ),
        # a relative clause of speech after the speaker's apposition
        (
            "Poul Erik Kjeldsen, Denmark's defence minister, has died. He is survived by his wife, Inger, and by"
            ' his daughter, Karen Kjeldsen, a lawyer, who said in a statement that her father "read budget tables'
            ' like novels."',
            [("Karen Kjeldsen", PARTIAL, 'her father "read budget tables like novels."')],
        ),
        # a "Minister for ..." title before the name
        (
            'Minister for Defence Procurement Gareth Pryce said the order would "end the boom-and-bust cycle".',
            [("Gareth Pryce", PARTIAL, 'the order would "end the boom-and-bust cycle"')],
        ),
        # a habit of saying is saying
        (
            'Our adviser, Professor Tomasz Wierzbicki, likes to remind delegates that "a target is a wish."',
            [("Tomasz Wierzbicki", PARTIAL, '"a target is a wish."')],
        ),
        # quoted words inside a clause that an attribution closes: the clause is the speaker's
        (
            'ROME — Italy will not reach 2% "before 2028", Defence Minister Lorenzo Barbieri told MPs.',
            [("Lorenzo Barbieri", PARTIAL, 'Italy will not reach 2% "before 2028"')],
        ),
        # a role and name opening the second clause: the person speaks, though named only here
        (
            'Türkiye spent more, and its defence minister, Kemal Aydın, said the summit had "shown resolve."',
            [("Kemal Aydın", PARTIAL, 'the summit had "shown resolve."')],
        ),
        # a titled surname that speaks is someone, named as the text names them (a bare one is not)
        ("President Nowicki said the army was ready.", [("Nowicki", REPORTED, "the army was ready")]),
    ],
)
def test_each_statement_style_gives_its_kind_and_exact_words(
    text: str, expected: list[tuple[str, StatementKind, str]]
) -> None:
    """Quotes before or after their attribution, partial quotes and reported clauses are recognised."""
    assert said(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"Observers noted that {MINISTER}’s message was measured.",
        f"{MINISTER}’s tone suggests a more cautious approach.",
        f"{MINISTER} met Mark Smith. If Kowalski says that Poland will pay, allies will follow.",
        f"{MINISTER} spoke. When Kowalski said that allies must pay, nobody listened.",
        f"{MINISTER} did not say that the army was ready.",
        f"{MINISTER} would say that the army was ready.",
        f"{MINISTER} met officials. Officials met again. They said the talks went well.",
        f'{MINISTER} arrived. Last year\'s summit declaration said allies would "share the burden."',
        f"{MINISTER} has made the figure a point of national pride.",
        "He said the army was ready.",
        "Kowalski said the army was ready.",
        # people named by their relation to someone speak for themselves, not for him
        f"{MINISTER} spoke. Critics of Polish defence minister Jan Kowalski say he is too hawkish.",
    ],
)
def test_traps_yield_no_statement(text: str) -> None:
    """Words about a person, by organisations or unnamed people, negated or hypothetical are no statement."""
    assert said(text) == []


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        (f"{MINISTER} met officials. Officials said the talks went well.", "officials", SpeakerType.UNNAMED),
        (f"{MINISTER} arrived. The report said the army was ready.", "the report", SpeakerType.DOCUMENT),
        (f"{MINISTER} arrived. “We are ready,” the ministry said.", "the ministry", SpeakerType.DOCUMENT),
        (
            f"{MINISTER} arrived. “We are ready,” a senior official said.",
            "a senior official",
            SpeakerType.UNNAMED,
        ),
        (f"A source close to {MINISTER} said the army was ready.", "a source", SpeakerType.UNNAMED),
    ],
)
def test_unnamed_and_document_sources_are_kept_as_written(text: str, speaker: str, kind: SpeakerType) -> None:
    """Officials, reports and ministries speak as themselves, never as the person named before."""
    assert [(s.speaker, s.speaker_type) for s in statements(text)] == [(speaker, kind)]


def test_a_bare_quote_continues_only_the_quote_just_before_in_its_paragraph() -> None:
    """A quotation alone continues the previous passage's speaker, but not across a paragraph break."""
    text = f'{MINISTER} said: "We will win."\n\n"Nobody doubts it."\n\n"We will spend more," she said. "Now."'
    assert said(text) == [
        (KOWALSKI, VERBATIM, "We will win."),
        (KOWALSKI, VERBATIM, "We will spend more"),
        (KOWALSKI, VERBATIM, "Now."),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"{MINISTER} stated in February that stocks were low.",
            TimeRef(text="in February", year=2025, month=2),
        ),
        (
            f"{MINISTER} said on Tuesday that stocks were low.",
            TimeRef(text="on Tuesday", year=2025, month=6, day=10),
        ),
        (f"{MINISTER} said last year that stocks were low.", TimeRef(text="last year", year=2024)),
        (f"In 2023, {MINISTER} declared: “We will win in 2030.”", TimeRef(text="2023", year=2023)),
        (f"“We will win by 2030,” {MINISTER} said.", None),
        (f"{MINISTER} said that stocks would be full by 2030.", None),
    ],
)
def test_when_comes_from_the_attribution_only(text: str, expected: TimeRef | None) -> None:
    """Times in the attribution resolve against the publication date; times in the words are ignored."""
    assert only(text).when == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"“We will win,” {MINISTER} wrote in NATO’s latest annual report.", "NATO’s latest annual report"),
        (f"{MINISTER} told Reuters that stocks were low.", "Reuters"),
        (f"{MINISTER} said in a statement that stocks were low.", "a statement"),
        (
            f"{MINISTER} said in an interview with CNN on Sunday that stocks were low.",
            "an interview with CNN",
        ),
        (f"{MINISTER} wrote on X that stocks were low.", "X"),
        (f'"We will win," {MINISTER} told state television.', "state television"),
        (f"{MINISTER} told reporters that stocks were low.", None),
        (f"{MINISTER} told Parliament that stocks were low.", None),
        (f"{MINISTER} told Prime Minister Mark Rutte that stocks were low.", None),
        (f"“We will win,” {MINISTER} said in Warsaw.", None),
    ],
)
def test_medium_is_where_the_words_appeared(text: str, expected: str | None) -> None:
    """A report, statement, interview, platform or outlet is the medium; listeners and places are not."""
    assert only(text).medium == expected


def test_they_refers_only_to_the_person_named_in_the_sentence_just_before() -> None:
    """'They' is often a group: it takes a person only when that person was just named."""
    assert said(f"{MINISTER} spoke. They said the army was ready.") == [
        (KOWALSKI, REPORTED, "the army was ready")
    ]


def test_place_comes_from_the_attribution_words() -> None:
    """ "told reporters in Warsaw" places the words in Warsaw; a weekday after "in" is no place."""
    statement = only(f"{MINISTER} spoke on Monday.\n\n“We are ready,” Kowalski told reporters in Warsaw.")
    assert (statement.speaker, statement.place) == (KOWALSKI, "Warsaw")
    assert only(f"{MINISTER} spoke.\n\n“We are ready,” Kowalski said in June.").place is None


def test_a_dash_credit_without_a_verb_names_the_speaker() -> None:
    """A quotation followed by a dash and a known name is that person's; an unknown name is nobody's."""
    text = f"{MINISTER} spoke.\n\n“Ready is a habit.” — Anna Kowalski, at a forum in Gdansk."
    assert said(text) == [(KOWALSKI, VERBATIM, "Ready is a habit.")]
    assert said("Nobody spoke.\n\n“Ready is a habit.” — a poster at the forum.") == []


def test_a_trailing_attribution_reports_the_clause_before_it_with_its_day() -> None:
    """ "<clause>, Kowalski said on Monday." reports the clause, dated by the attribution."""
    statement = only(f"{MINISTER} spoke.\n\nThe army will buy new radars, Kowalski said on Monday.")
    assert (statement.speaker, statement.kind, statement.text) == (
        KOWALSKI,
        REPORTED,
        "The army will buy new radars",
    )
    assert statement.when is not None and (statement.when.year, statement.when.month, statement.when.day) == (
        2025,
        6,
        9,
    )


def test_a_trailing_phrase_without_a_speech_verb_reports_nothing() -> None:
    """ "<clause>, Kowalski's office shows." and "<clause>, Kowalski knew." are no statements."""
    assert said(f"{MINISTER} spoke.\n\nThe army will buy new radars, Kowalski knew.") == []


def test_a_medium_in_the_introductory_phrase_is_kept() -> None:
    """ "In an op-ed for the Daily Post, Kowalski argued that ..." names the op-ed as the medium."""
    statement = only(
        f"{MINISTER} spoke.\n\nIn an op-ed for the Daily Post, Kowalski argued that the army needs “more radars”."
    )
    assert (statement.speaker, statement.kind, statement.medium) == (
        KOWALSKI,
        PARTIAL,
        "an op-ed for the Daily Post",
    )


def test_a_release_label_makes_the_release_the_medium() -> None:
    """A "PRESS RELEASE" line above the text gives its quotations that medium; a plain report gets none."""
    text = f"{MINISTER} spoke.\n\n“We are ready,” Kowalski said."
    assert only(f"PRESS RELEASE\n\n{text}").medium == "press release"
    assert only(text).medium is None


def test_a_possessive_reply_before_a_colon_introduces_its_owner() -> None:
    """ "Kowalski's reply was short: “…”" quotes Kowalski; "Kowalski's office was shut: “…”" quotes nobody."""
    assert said(f"{MINISTER} spoke.\n\nKowalski's reply was short: “Not today.”") == [
        (KOWALSKI, VERBATIM, "Not today.")
    ]
    assert said(f"{MINISTER} spoke.\n\nKowalski's office was shut: “Not today.”") == []


def test_the_sentence_before_sets_the_day_and_the_same_speakers_medium() -> None:
    """A day and a medium the sentence before gives its subject date and place the quotation after it."""
    statement = only(
        f"{MINISTER} spoke.\n\nKowalski made her case in a radio interview on Monday. “We are ready,” Kowalski said."
    )
    assert statement.when is not None and (statement.when.month, statement.when.day) == (6, 9)
    assert statement.medium == "a radio interview"


def test_a_nationality_before_a_role_noun_fits_the_only_holder_stated_without_one() -> None:
    """ "The Polish minister" is the article's one minister with no country; with two ministers, nobody."""
    one = f"{MINISTER} spoke.\n\nThe Polish minister also repeated her call for more radars."
    assert said(one) == [(KOWALSKI, REPORTED, "repeated her call for more radars")]
    two = f"{MINISTER} and Finance Minister Jan Nowak spoke.\n\nThe Polish minister also repeated her call for more radars."
    assert said(two) == []


def test_years_ago_dates_the_words() -> None:
    """ "Six years ago, Kowalski told the Post that ..." dates the statement six years before publication."""
    statement = only(
        f"{MINISTER} spoke.\n\nSix years ago, Kowalski told the Post that the army was “too small”."
    )
    assert statement.when is not None and statement.when.year == 2019


def test_a_nationality_never_fits_a_holder_of_another_country() -> None:
    """ "The French president" is not the article's only president when that one is the U.S. President."""
    text = "U.S. President John Miller spoke.\n\nThe French president also repeated his call for more radars."
    assert said(text) == []


def test_a_post_from_a_persons_own_handle_is_theirs() -> None:
    """ "the premier wrote on X from her @Anna_Kowalski account:" quotes Kowalski though no role fits."""
    text = (
        f"{MINISTER} spoke.\n\nLater the premier wrote on X from her @Anna_Kowalski account: “We are ready.”"
    )
    assert said(text) == [(KOWALSKI, VERBATIM, "We are ready.")]
    other = (
        f"{MINISTER} spoke.\n\nLater the premier wrote on X from her @Someone_Else account: “We are ready.”"
    )
    assert said(other) == []


def test_words_are_never_dated_after_their_report() -> None:
    """ "In November" in a June article is last November; a written year is kept as written."""
    (past,) = statements(f"{MINISTER} spoke.\n\nIn November, Kowalski said that the army was ready.")
    assert past.when is not None and (past.when.year, past.when.month) == (2024, 11)


def test_critics_and_agencies_speak_as_themselves() -> None:
    """ "Critics said …" is an unnamed source; "…, the roads agency said." is a body speaking."""
    assert [
        (s.speaker, s.speaker_type)
        for s in statements(f"{MINISTER} spoke.\n\nCritics said the plan was rushed.")
    ] == [("critics", SpeakerType.UNNAMED)]
    (agency,) = statements(f"{MINISTER} spoke.\n\nThe bridge will reopen on Monday, the roads agency said.")
    assert (agency.speaker, agency.speaker_type, agency.text) == (
        "the roads agency",
        SpeakerType.DOCUMENT,
        "The bridge will reopen on Monday",
    )


def test_a_listener_at_the_sentence_end_is_no_medium() -> None:
    """ "… ,” she told Parliament." names an audience, not where the words appeared."""
    assert only(f"{MINISTER} spoke.\n\n“We are ready,” she told Parliament.").medium is None


def test_an_attribution_inside_the_sentence_keeps_its_condition() -> None:
    """ "If X, Kowalski said, Y." reports the whole condition, never Y alone as if unconditional."""
    statement = only(f"{MINISTER} spoke.\n\nIf the budget passes, Kowalski said, the army will buy radars.")
    assert statement.text.startswith("If the budget passes") and statement.text.endswith(
        "the army will buy radars"
    )


def test_a_quotation_wrapped_over_lines_keeps_its_words_with_spaces() -> None:
    """A PDF's hard-wrapped quotation reads as one line; its speaker's role may wrap too."""
    statement = only(
        "In a closing note, the board's Vice\nChair, Ola Brekke, writes: \"Ports are\n"
        'slow to build. Ships are quick\nto lose."'
    )
    assert (statement.speaker, statement.kind) == ("Ola Brekke", VERBATIM)
    assert statement.text == "Ports are slow to build. Ships are quick to lose."


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        (
            f"{MINISTER} spoke on Monday. According to her, the depot will open in May.",
            KOWALSKI,
            SpeakerType.PERSON,
        ),
    ],
)
def test_according_to_a_pronoun_reports_for_the_person_it_refers_to(
    text: str, speaker: str, kind: SpeakerType
) -> None:
    """ "According to her, …" is the woman just named."""
    (statement,) = statements(text)
    assert (statement.speaker, statement.speaker_type, statement.kind) == (speaker, kind, REPORTED)
    assert statement.text == "the depot will open in May" or statement.text == "The depot will open in May"


def test_according_to_a_document_sources_a_figure_and_is_no_statement() -> None:
    """ "According to the report, …" sources the sentence; a document speaks only through a speech verb."""
    assert said(f"{MINISTER} spoke. According to the report, ten depots opened.") == []
    assert said(f"{MINISTER} spoke. Ten depots opened, according to the interior ministry.") == []


def test_according_to_a_body_sources_the_words_its_sentence_reports() -> None:
    """ "Tallinn says it will …, according to the ministry": the clause is speech, and the ministry its source."""
    (statement,) = statements(
        "Tallinn says it will open ten depots this year, according to the interior ministry."
    )
    assert (statement.speaker, statement.speaker_type, statement.kind, statement.text) == (
        "the interior ministry",
        SpeakerType.DOCUMENT,
        REPORTED,
        "Tallinn says it will open ten depots this year",
    )


def test_a_word_qualifying_a_role_names_nobody() -> None:
    """ "the finance ministry" is no "finance minister": the ministry speaks, not the minister."""
    (statement,) = statements(
        "Finance Minister Ola Berg spoke on Monday.\n\nTax receipts rose sharply, the finance ministry said."
    )
    assert (statement.speaker, statement.speaker_type) == ("the finance ministry", SpeakerType.DOCUMENT)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The depot will open in May, said the interior ministry on Monday.", "the interior ministry"),
        (
            "The depot will open in May, announced on Monday the Ministry of Interior.",
            "the Ministry of Interior",
        ),
        (f"{MINISTER} spoke. The depot will open in May, said Kowalski, the minister.", KOWALSKI),
        ("The depot will open in May, said a senior official.", "a senior official"),
    ],
)
def test_an_inverted_attribution_closing_the_sentence_reports_the_clause(text: str, speaker: str) -> None:
    """ "<clause>, said X." and "<clause>, announced on Monday X." report the clause for X."""
    assert said(text) == [(speaker, REPORTED, "The depot will open in May")]


def test_an_inverted_verb_followed_by_more_than_details_is_no_attribution() -> None:
    """ "…, said nothing about the cost of the depot." names no speaker."""
    assert said("The depot will open in May, said nothing about the cost.") == []


def test_a_body_reiterating_a_clause_speaks_but_its_promise_of_things_does_not() -> None:
    """ "The council reiterated that …" reports the clause; "The council has promised new ships" is an act."""
    assert said("The council reiterated that the fund would grow.") == [
        ("the council", REPORTED, "the fund would grow")
    ]
    assert said("The council has promised new ships.") == []


def test_a_known_persons_relative_clause_of_speech_inside_a_report_is_their_own() -> None:
    """ "Officials said X, to suit Kowalski, who has complained that Y": X is theirs, Y is hers."""
    assert said(
        f"{MINISTER} spoke.\n\nOfficials said the final text would be short, in part to suit Kowalski,"
        " who has complained that past texts were far too long."
    ) == [
        ("officials", REPORTED, "the final text would be short, in part to suit Kowalski"),
        (KOWALSKI, REPORTED, "past texts were far too long"),
    ]


def test_a_second_report_joined_by_and_with_the_subjects_pronoun_is_the_subjects() -> None:
    """ "X argued A, and she has praised B" is two reports of X; a pronoun of the other gender is not X."""
    text = f"{MINISTER} has argued the alliance must spend far more on radars, and {{}} has praised Oslo for moving fast."
    assert said(text.format("she")) == [
        (KOWALSKI, REPORTED, "the alliance must spend far more on radars"),
        (KOWALSKI, REPORTED, "praised Oslo for moving fast"),
    ]
    assert said(text.format("he")) == [(KOWALSKI, REPORTED, "the alliance must spend far more on radars")]


def test_two_people_speaking_together_each_make_the_statement() -> None:
    """ "X and Y promised …" is a pledge by each; a participle after it ("using …") is the writer's."""
    text = (
        f"{MINISTER} and Foreign Minister Piotr Nowak promised on Monday to speed up radar deliveries,"
        " using a joint press conference to argue the case."
    )
    pledge = "promised on Monday to speed up radar deliveries"
    assert said(text) == [(KOWALSKI, REPORTED, pledge), ("Piotr Nowak", REPORTED, pledge)]
    assert said(f"{MINISTER} and officials said the plan was ready.") == []


def test_a_participle_after_a_report_is_the_writers() -> None:
    """ "…, prompting a sharp reply" tells what followed; "including …" still belongs to the report."""
    assert said(f"{MINISTER} urged allies to buy radars, prompting a sharp reply from Madrid.") == [
        (KOWALSKI, REPORTED, "urged allies to buy radars")
    ]
    assert said(f"{MINISTER} urged allies to buy radars, including mobile ones.") == [
        (KOWALSKI, REPORTED, "urged allies to buy radars, including mobile ones")
    ]


def test_a_bare_noun_with_an_auxiliary_after_it_opens_a_reported_clause() -> None:
    """ "said allies should …" reports; "…, she said, though the plan is late" keeps the writer's aside out."""
    assert said(f"In May, after the vote, {MINISTER} said allies should buy more radars.") == [
        (KOWALSKI, REPORTED, "allies should buy more radars")
    ]
    assert said(f"{MINISTER} spoke. The depot will open in May, Kowalski said, though the road is late.") == [
        (KOWALSKI, REPORTED, "The depot will open in May")
    ]


def test_a_relative_clause_after_the_speech_verb_is_part_of_what_was_said() -> None:
    """The verb governs its clause to the end: an aside inside it, or a "which" closing it, was said too.

    Before a trailing attribution the same aside is the writer's description and stays out.
    """
    assert said(
        f"{MINISTER} argued that the port, which handles most of the grain, was proof that dredging pays."
    ) == [(KOWALSKI, REPORTED, "the port, which handles most of the grain, was proof that dredging pays")]
    assert said(
        f"{MINISTER} said the quay would be paid for by a levy, which the council approved in May."
    ) == [(KOWALSKI, REPORTED, "the quay would be paid for by a levy, which the council approved in May")]
    assert said(
        f"{MINISTER} spoke. The port, which handles most of the grain, will reopen, Kowalski said."
    ) == [(KOWALSKI, REPORTED, "The port will reopen")]


def test_a_summing_up_apposition_after_a_report_is_the_writers_comment() -> None:
    """ "…, a level that no ally reached" and "…, a view other ministers dispute" are not what was said."""
    assert said(f"{MINISTER} said allies should spend 4% of GDP, a level that no ally has reached.") == [
        (KOWALSKI, REPORTED, "allies should spend 4% of GDP")
    ]


def test_an_account_speaks_as_its_owner_or_as_itself() -> None:
    """ "@Anna_Kowalski posted" is Kowalski; an account naming nobody known speaks as itself."""
    assert said(f"{MINISTER} spoke. Later, @Anna_Kowalski posted that the quay would reopen.") == [
        (KOWALSKI, REPORTED, "the quay would reopen")
    ]
    (account,) = statements(
        "At noon, @PortAuthority, the harbour board's account, said the quay would reopen."
    )
    assert (account.speaker, account.speaker_type) == ("@PortAuthority", SpeakerType.DOCUMENT)


def test_a_medium_saying_that_carries_its_authors_words() -> None:
    """ "posted a graphic saying that … “…”" is a partial quote of the poster."""
    assert said(
        f'{MINISTER} posted a graphic saying that the quay would reopen "by Friday at the latest".'
    ) == [(KOWALSKI, PARTIAL, 'the quay would reopen "by Friday at the latest"')]


def test_a_text_posted_or_signed_by_someone_is_theirs() -> None:
    """ "The notice, posted by X, read: “…”" is X's; signed by X "and two deputies" is not X's alone."""
    assert said(f'{MINISTER} spoke. The notice, posted by Kowalski at noon, read: "The quay reopens."') == [
        (KOWALSKI, VERBATIM, "The quay reopens.")
    ]
    assert (
        said(f'{MINISTER} spoke. The letter, signed by Kowalski and two deputies, said: "We are ready."')
        == []
    )


def test_a_relative_clause_of_speech_is_not_dated_by_the_main_clause() -> None:
    """ "X flies to Oslo on Thursday to meet Doe, who has demanded that …": Thursday is the trip's."""
    (demand,) = statements(
        f"{MINISTER} spoke.\n\nThe envoy flies to Oslo on Thursday to meet Kowalski, who has demanded"
        " that allies pay more."
    )
    assert (demand.speaker, demand.text, demand.when) == (KOWALSKI, "allies pay more", None)


def test_one_of_them_is_an_unnamed_source_even_after_named_people() -> None:
    """ "…, one of them said" keeps the source unnamed, never one of the people named before."""
    assert [
        (s.speaker, s.speaker_type)
        for s in statements(f"{MINISTER} and Piotr Nowak met on Monday. The deal is close, one of them said.")
    ] == [("one of them", SpeakerType.UNNAMED)]


def test_the_document_is_the_text_that_spoke_last() -> None:
    """ "According to the document, …" after the communiqué spoke is the communiqué; never a ministry."""
    communique = "“Allies will deliver,” the communiqué says. According to the document, reviews come yearly."
    assert said(communique) == [
        ("the communiqué", VERBATIM, "Allies will deliver"),
        ("the communiqué", REPORTED, "reviews come yearly"),
    ]
    ministry = "“Allies will deliver,” the ministry says. According to the document, reviews come yearly."
    assert said(ministry) == [("the ministry", VERBATIM, "Allies will deliver")]


def test_a_speech_frame_inside_a_relative_clause_reports_its_predicate() -> None:
    """ "a method that she says could cut costs" reports "could cut costs"; a comma-set one ends at its comma."""
    assert said(f"{MINISTER} spoke. Her team tests a method that she says could cut costs by a third.") == [
        (KOWALSKI, REPORTED, "could cut costs by a third")
    ]
    assert said(f"{MINISTER} spoke. The depot, which Kowalski said would open in May, is late.") == [
        (KOWALSKI, REPORTED, "would open in May")
    ]
    assert said(f"{MINISTER} spoke. It is a plan that nobody says will work.") == []


def test_a_new_subject_after_and_without_that_is_the_writers_clause() -> None:
    """ "demanded that A, and Oslo's pressure has …" ends the report at A; "and that B" is still the speaker's."""
    assert said(
        f"{MINISTER} has demanded that allies spend more, and Oslo’s pressure has pushed others to act."
    ) == [(KOWALSKI, REPORTED, "allies spend more")]
    assert said(f"{MINISTER} said that allies spend more, and that Oslo has pushed others to act.") == [
        (KOWALSKI, REPORTED, "allies spend more, and that Oslo has pushed others to act")
    ]


def test_an_expectation_with_an_object_and_infinitive_reports_nothing() -> None:
    """ "Denmark expects its outlays to fall …" is no clause; "expects spending will rise" is one."""
    assert said("Denmark expects its outlays this year to fall below 3% of GDP.") == []
    assert said("Denmark expects spending will rise this year.") == [
        ("Denmark", REPORTED, "spending will rise this year")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Residents said the repairs were overdue.", "residents"),
        ("Two boatmen said the closure came at the worst time.", "two boatmen"),
        ("Several dock workers said the cranes stood idle.", "several dock workers"),
    ],
)
def test_a_group_of_people_speaks_as_an_unnamed_source(text: str, speaker: str) -> None:
    """Residents, a counted group of any people: unnamed sources kept as written."""
    (statement,) = statements(text)
    assert (statement.speaker, statement.speaker_type) == (speaker, SpeakerType.UNNAMED)


def test_a_count_of_time_is_no_group_of_speakers() -> None:
    """ "Two years ago said …" and "Observers noted …" name no source."""
    assert said("Two years later said nothing.") == []
    assert said("Observers noted that the depot was late.") == []


def test_a_time_right_after_a_pledge_dates_it() -> None:
    """ "promised on Tuesday to …" is dated Tuesday; the text keeps the verb and its object."""
    (pledge,) = statements(f"{MINISTER} promised on Tuesday to keep the road open.", date="2026-10-15")
    assert pledge.text == "promised on Tuesday to keep the road open"
    assert pledge.when is not None and (pledge.when.month, pledge.when.day) == (10, 13)


def test_guillemets_open_a_sentence_and_a_quotation() -> None:
    """ "… spoke. «We are ready», Kowalski said." is her verbatim quote, as with any other marks."""
    assert said(f"{MINISTER} spoke. «We are ready», Kowalski said.") == [(KOWALSKI, VERBATIM, "We are ready")]


def test_a_quotation_over_paragraphs_is_attributed_where_it_closes() -> None:
    """An opening mark at each paragraph, the attribution after the closing one: one statement."""
    (statement,) = statements(f"{MINISTER} spoke.\n\n“Ships first.\n\n“Then radars,” she said.")
    assert (statement.speaker, statement.kind, statement.text) == (
        KOWALSKI,
        VERBATIM,
        "Ships first.\n\nThen radars",
    )


def test_words_a_correction_says_were_misquoted_are_nobodys() -> None:
    """ "misquoted Kowalski as saying “A”. She said “B”." keeps B as hers and drops A everywhere."""
    text = (
        f"{MINISTER} spoke. “The plan is sound,” she said.\n\nCorrection: An earlier version of this"
        " article misquoted Kowalski as saying “the plan is sound”. She said “the plan is safe”."
    )
    assert said(text) == [(KOWALSKI, VERBATIM, "the plan is safe")]


@pytest.mark.parametrize(
    "note",
    [
        # the words given: they leave the one named and go to the real speaker
        "Correction: An earlier version of this article attributed the quote “We will buy radars first”"
        " to Prime Minister Marek Nowicki. It was said by Defence Minister Ewa Lis.",
        # no words: the one verbatim statement of the wrong speaker moves
        "Correction: We attributed a quote to Marek Nowicki. The quote was in fact from Defence Minister Ewa Lis.",
    ],
)
def test_a_correction_moves_a_quote_to_its_real_speaker(note: str) -> None:
    """ "attributed the quote ... to X. It was said by Y." : the words are Y's, and no longer X's."""
    text = f"“We will buy radars first,” said Prime Minister Marek Nowicki.\n\n{note}"
    assert [(s.speaker, s.text) for s in statements(text) if s.kind is VERBATIM] == [
        ("Ewa Lis", "We will buy radars first")
    ]


def test_a_retracted_report_is_nobodys_statement_and_an_entrys_timestamp_is_not_its_words() -> None:
    """ "Earlier, we reported that X. That was incorrect." withdraws the report; "09:40 - " is no one's words."""
    text = (
        "09:40 - Slovenia has agreed to spend 3.5 percent of GDP by 2035, a Slovenian official told reporters.\n\n"
        "10:05 - Croatia will buy new radars this year, Defence Minister Ivan Horvat said.\n\n"
        "10:30 - UPDATE: Earlier, we reported that Slovenia had agreed to spend 3.5 percent by 2035."
        " That was incorrect."
    )
    assert [(s.speaker, s.text) for s in statements(text)] == [
        ("Ivan Horvat", "Croatia will buy new radars this year")
    ]


def test_the_unnamed_source_named_again_is_one_source() -> None:
    """ "A senior diplomat said ... 'Nobody disputes it,' the diplomat said": one unnamed source, and
    two sources so described leave "the official" to neither."""
    text = (
        "A senior diplomat from a Nordic country said the disagreements were normal. “Nobody disputes the"
        " direction, only the speed,” the diplomat said.\n\n"
        "An Estonian official said the plan was sound. A Latvian official said it was late.\n\n"
        "“We will see,” the official said."
    )
    speakers = [(s.speaker, s.kind) for s in statements(text)]
    assert speakers[:2] == [("a senior diplomat", StatementKind.REPORTED), ("a senior diplomat", VERBATIM)]
    assert speakers[-1] == ("the official", VERBATIM)


@pytest.mark.parametrize(
    "lead",
    [
        "LJUBLJANA — Two politicians named Novak clashed on Monday, on opposite sides of the debate.",
        "LJUBLJANA — The debate over the 2 percent guideline has moved on.",
        "Every year the alliance publishes its table, and every year the debate stops at the 2% line.",
    ],
)
def test_a_figurative_debate_is_no_occasion_for_every_quote(lead: str) -> None:
    """ "on opposite sides of the debate", "the debate over ..." in the lead do not make each
    quotation's medium a debate."""
    text = f"{lead}\n\n“The question is whether we can afford not to,” Ana Novak said."
    assert [s.medium for s in statements(text)] == [None]


def test_a_debate_the_lead_puts_someone_in_is_the_occasion() -> None:
    """ "... approved the budget after a seven-hour debate." makes the debate the quotations' occasion."""
    text = (
        "LJUBLJANA — Parliament approved the defence budget on Thursday after a seven-hour debate.\n\n"
        "“This is accounting, not security,” said opposition MP Ana Novak."
    )
    assert [s.medium for s in statements(text)] == ["debate"]


def test_a_reported_statement_does_not_open_with_the_dateline() -> None:
    """ "BRUSSELS, Oct 3 - Ministers will meet next week, a spokesperson said." is reported without
    "BRUSSELS, Oct 3 - "."""
    (statement,) = statements("BRUSSELS, Oct 3 - Ministers will meet next week, a spokesperson said.")
    assert statement.text == "Ministers will meet next week"


def test_a_turn_that_quotes_someone_gives_the_quote_to_them() -> None:
    """A correspondent's turn "... Ana Novak, stopped for a moment. He told us: “...”": her turn, and
    the quotation is the minister's own words."""
    text = (
        "Transcript of the noon bulletin, with our correspondent Jan Kos in Brussels.\n\n"
        "PRESENTER: Did anyone speak to reporters?\n\n"
        "JAN KOS: Yes. The Slovenian defence minister, Marko Novak, stopped for a moment."
        " He told us: “We are doing it because the threat is real.” The others did not stop."
    )
    found = [(s.speaker, s.kind) for s in statements(text)]
    assert found == [("Jan Kos", VERBATIM), ("Marko Novak", VERBATIM)]


def test_what_a_country_said_according_to_a_source_is_the_sources_report() -> None:
    """ "Slovenia warned that a 5 percent goal would be unrealistic, according to a Slovenian diplomat":
    the diplomat reports it; no statement is the country's own."""
    (statement,) = statements(
        "Slovenia warned that a 5 percent goal would be unrealistic, according to a Slovenian diplomat."
    )
    assert (statement.speaker, statement.speaker_type) == ("a Slovenian diplomat", SpeakerType.UNNAMED)


def test_an_acronym_outlet_keeps_no_full_stop_and_a_blockquote_no_marks() -> None:
    """ "told the BBC." names "the BBC"; a blockquote after "said in a statement:" is her words without ">"."""
    assert only(f"{MINISTER} spoke. ‘We will not back down,’ she told the BBC.").medium == "the BBC"
    statement = only(f"{MINISTER} said in a statement:\n\n> We will buy radars.\n> And ships.")
    assert statement.text == "We will buy radars.\nAnd ships."


@pytest.mark.parametrize(
    "attribution",
    [
        "Latvia's foreign minister, Lena Maris, said on Friday",
        "Lena Maris, Latvia's foreign minister, said on Friday",
    ],
)
def test_a_trailing_attribution_may_hold_an_apposition(attribution: str) -> None:
    """ "<clause>, Lena Maris, Latvia's foreign minister, said." reports the clause for her."""
    (statement,) = statements(f"The border is calm, {attribution}.", date="2026-03-10")
    assert (statement.speaker, statement.kind, statement.text) == (
        "Lena Maris",
        REPORTED,
        "The border is calm",
    )
    assert statement.when is not None and statement.when.day == 6


def test_a_persons_spokesman_speaks_as_an_unnamed_source_unless_named() -> None:
    """ "Kowalski’s spokesman said" is never Kowalski; "Kowalski’s spokesman, Jan Lis, said" is Lis."""
    (staff,) = statements(f"{MINISTER} spoke. Kowalski’s spokesman said the plan was sound.")
    assert (staff.speaker, staff.speaker_type) == ("Kowalski’s spokesman", SpeakerType.UNNAMED)
    assert said(f"{MINISTER} spoke. Kowalski’s spokesman, Jan Lis, said the plan was sound.") == [
        ("Jan Lis", REPORTED, "the plan was sound")
    ]


def test_a_rival_is_an_unnamed_source() -> None:
    """ "“…,” a rival said of Kowalski." is the rival's, not Kowalski's."""
    (statement,) = statements(f"{MINISTER} spoke. “She has no plan,” a rival said of Kowalski.")
    assert (statement.speaker, statement.speaker_type) == ("a rival", SpeakerType.UNNAMED)


def test_an_attribution_set_inside_a_subject_reports_the_whole_sentence() -> None:
    """ "The plan, Kowalski said, is dead." reports the sentence, as "If …, she said, …" does."""
    assert said(f"{MINISTER} spoke. The plan, Kowalski said, is dead.") == [
        (KOWALSKI, REPORTED, "The plan, Kowalski said, is dead")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts say the harbour tax will pay for the new locks.",
        "The city council says the harbour tax raised 40 million last year.",
        "The previous ministry had said the locks would open in 2031.",
        "The new locks will open in 2031, the transport ministry says.",
    ],
)
def test_a_bodys_standing_claim_is_background(sentence: str) -> None:
    """A group's or body's plain-present "says" and past-perfect "had said" are background, not statements."""
    assert said(f"{MINISTER} visited the docks. {sentence}") == []


def test_a_persons_present_says_and_a_bodys_occasion_stay_statements() -> None:
    """ "Kowalski says …" and "the port authority said on Monday …" are still reported statements."""
    assert said(f"{MINISTER} says the locks will open in 2031.") == [
        (KOWALSKI, REPORTED, "the locks will open in 2031")
    ]
    assert said("The transport ministry said on Monday the locks would open in 2031.") == [
        ("the transport ministry", REPORTED, "the locks would open in 2031")
    ]


def test_an_op_eds_author_claims_beliefs_lessons_and_standing_figures() -> None:
    """A guest author's beliefs, lessons and present or future figures are her words; narration is not."""
    text = (
        "OPINION\n\nBy Ines Varga, a former harbour master\n\n"
        "In 2019 the harbour spent 12% of its budget on dredging. The city will spend 4% on it this year. "
        "I doubt the new dredgers will arrive on time. The council has promised to double the sum.\n\n"
        "I ran the harbour for six years. I learned one thing there: silt never waits for a budget."
    )
    assert said(text) == [
        ("Ines Varga", VERBATIM, "The city will spend 4% on it this year."),
        ("Ines Varga", VERBATIM, "I doubt the new dredgers will arrive on time."),
        ("Ines Varga", VERBATIM, "I learned one thing there: silt never waits for a budget."),
    ]


def test_a_quoted_question_is_asked_by_its_speaker() -> None:
    """ "“Where is the money?” Kowalski asked reporters." is her verbatim question."""
    assert said(f"{MINISTER} spoke. “Where is the money?” Kowalski asked reporters. “Nobody knows.”") == [
        (KOWALSKI, VERBATIM, "Where is the money?"),
        (KOWALSKI, VERBATIM, "Nobody knows."),
    ]


def test_the_official_is_the_unnamed_source_met_before() -> None:
    """ "“…,” the official said." after "A senior official said …" stays an unnamed source: that one."""
    text = f"{MINISTER} spoke. A senior official said the deal was close.\n\n“We are days away,” the official said."
    assert [(s.speaker, s.speaker_type, s.kind) for s in statements(text)] == [
        ("a senior official", SpeakerType.UNNAMED, REPORTED),
        ("a senior official", SpeakerType.UNNAMED, VERBATIM),
    ]


def test_a_person_named_by_relation_is_quoted() -> None:
    """A columnist's quotation of "Her successor, Karl Obst," is Obst's, dated by its own words."""
    text = (
        f"{MINISTER} left in 2020. Her successor, Karl Obst, put it differently last month: “We have money.”"
    )
    (statement,) = statements(text)
    assert (statement.speaker, statement.kind, statement.text) == ("Karl Obst", VERBATIM, "We have money.")
    assert statement.when is not None and statement.when.month == 5


def test_a_mixed_case_turn_label_naming_someone_is_a_turn() -> None:
    """ "Admiral Carr: …" is Carr's turn; "Meanwhile: …" and an unknown "Ms Ode (Green):" are not hers."""
    text = (
        "The Chief of Staff, Admiral Helen Carr, gave evidence on Wednesday.\n\n"
        "Ms Ode (Green): Are we ready?\n\n"
        "Admiral Carr: Ready to fight, yes. Ready to fight for long, no.\n\n"
        "Meanwhile: the hearing overran."
    )
    assert said(text) == [("Helen Carr", VERBATIM, "Ready to fight, yes. Ready to fight for long, no.")]


def test_a_blockquote_after_its_speakers_sentence_is_her_words() -> None:
    """A blockquote after "Kowalski closed the forum with a warning." is her verbatim words, no marks."""
    text = f"{MINISTER} closed the forum with a warning.\n\n> Stocks are strategy.\n> Orders are not stocks."
    assert said(text) == [(KOWALSKI, VERBATIM, "Stocks are strategy.\nOrders are not stocks.")]
    assert said("The forum closed late.\n\n> Stocks are strategy.") == []
    assert said(f"{MINISTER} arrived at nine.\n\n> Times are local.") == []  # no words told of


def test_according_to_leaves_the_dateline_out() -> None:
    """ "BRUSSELS — X, according to a senior official." reports X without the dateline."""
    assert said("BRUSSELS — The fund will hold €20 billion, according to a senior official.") == [
        ("a senior official", REPORTED, "The fund will hold €20 billion")
    ]


def test_a_countrys_ministry_speaks_as_a_body() -> None:
    """ "Germany's defence ministry said …" is the ministry's report, kept as written."""
    (statement,) = statements("Germany's defence ministry said in a statement that the radar had arrived.")
    assert (statement.speaker, statement.speaker_type, statement.text) == (
        "Germany's defence ministry",
        SpeakerType.DOCUMENT,
        "the radar had arrived",
    )


@pytest.mark.parametrize(
    ("sentence", "reported"),
    [
        ("Kowalski confirmed the delivery on Friday, pointing to the new radar.", []),
        ("Kowalski noted the progress of the talks.", []),
        ("Kowalski said the allies spend too little.", ["the allies spend too little"]),
        ("Kowalski said the navy needs more sailors.", ["the navy needs more sailors"]),
    ],
)
def test_a_speech_verbs_object_is_no_reported_clause(sentence: str, reported: list[str]) -> None:
    """ "confirmed the delivery on Friday" reports nothing; "said the allies spend …" reports its clause."""
    assert [s.text for s in statements(f"{MINISTER} spoke. {sentence}")] == reported


def test_a_participle_of_speech_reports_for_the_sentences_speaker() -> None:
    """ "…,’ she said, adding that …", "She rejected it, saying …" and "…, adding that …" are hers."""
    assert said(
        f"{MINISTER} spoke. ‘We are ready,’ she said, adding that the crews’ patience was ‘thin’."
    ) == [
        (KOWALSKI, VERBATIM, "We are ready"),
        (KOWALSKI, PARTIAL, "the crews’ patience was ‘thin’"),
    ]
    assert said(f"{MINISTER} rejected the plan, saying it was “a waste”.") == [
        (KOWALSKI, PARTIAL, "it was “a waste”")
    ]
    assert said("The ministry confirmed the order, saying the radar had arrived.") == [
        ("the ministry", REPORTED, "the radar had arrived")
    ]
    assert said(f"{MINISTER} said the talks had failed, adding that she would try again.") == [
        (KOWALSKI, REPORTED, "the talks had failed"),
        (KOWALSKI, REPORTED, "she would try again"),
    ]
    assert said(f"{MINISTER} urged allies to act, arguing that time was short.") == [
        (KOWALSKI, REPORTED, "urged allies to act")
    ]


def test_a_bold_turn_label_is_a_turn() -> None:
    """ "**Kowalski:** …" in a Markdown interview is her answer; "**Q: …**" is a question."""
    text = f"{MINISTER} spoke to us.\n\n**Q: Are you ready?**\n\n**Kowalski:** Readier than last year.\n\n**Q**: Why?"
    assert said(text) == [(KOWALSKI, VERBATIM, "Readier than last year.")]


def test_a_turn_labelled_with_the_outlets_name_is_its_question() -> None:
    """ "**Bastion:** And this year?" in Bastion magazine's interview: the magazine asks; only the
    answers under the interviewee's label are his."""
    article = read_article(
        "Title: An interview\nSource: Bastion — European Security Magazine (interview)\nDate: 2027-03-11\n\n"
        "General Konrad Wallenfels retired from the army in 2023. He spoke to us in Koblenz.\n\n"
        "**Bastion:** Is the job done?\n\n**Konrad Wallenfels:** Not yet.\n\n"
        "**Bastion:** And this year?\n\n**Konrad Wallenfels:** The plan says 3.1%."
    )
    found = [(s.speaker, s.kind, s.text) for s in extract_statements(article, extract_people(article))]
    assert found == [
        ("Konrad Wallenfels", VERBATIM, "Not yet."),
        ("Konrad Wallenfels", VERBATIM, "The plan says 3.1%."),
    ]


@pytest.mark.parametrize(
    "opening",
    ["PRAGUE, Feb 10 (Northbridge Wire) - ", "0903 - ", "09:03 GMT - ", ""],
)
def test_a_wires_hyphen_dateline_or_clock_opens_the_sentence_before_its_speaker(opening: str) -> None:
    """ "PRAGUE, Feb 10 (Wire) - " and an agency's "0903 - " are layout: the speaker after them speaks,
    and the reasons a participle gives in quoted words stay in the partial quote."""
    text = (
        f"{opening}{MINISTER} told parliament on Wednesday that the government would lift spending,"
        ' arguing that the army was no longer "the ministry we cut first".'
    )
    assert said(text) == [
        (
            KOWALSKI,
            PARTIAL,
            'the government would lift spending, arguing that the army was no longer "the ministry we cut first"',
        )
    ]


def test_a_long_subject_before_an_inserted_attribution_completes_with_the_quotation() -> None:
    """ "The commitment signed in June in The Hague — 3,5% of GDP ... — remains, Kowalski admitted,
    “...”": hers however long the subject (decimal commas included); the subject's own June and
    The Hague are not when and where she said it."""
    text = (
        f"{MINISTER} spoke in Rome on Tuesday.\n\nThe commitment signed in June at the summit in The Hague"
        " — 3,5% of GDP for core defence plus 1,5% for related security spending by 2035 — remains,"
        ' Kowalski admitted, "a mountain to climb with a rucksack full of stones".'
    )
    (statement,) = [s for s in statements(text) if "mountain" in s.text]
    assert (statement.speaker, statement.kind) == (KOWALSKI, VERBATIM)
    assert statement.when is None and statement.place is None


@pytest.mark.parametrize("close", ["“", '"'])
def test_german_low_quotation_marks_quote_and_end_sentences(close: str) -> None:
    """„...“ as German prints it and „..." as keyboards type it: quotations, and a sentence may open
    with one (so the one after the attribution is the same speaker's, and the next paragraph's its own)."""
    text = (
        f"„We are catching up{close}, {MINISTER} said in Berlin. „Every euro has to arrive with the troops.{close}"
        f" The army will grow, she said.\n\nCriticism came from the opposition. „Money alone does not make an"
        f" army{close}, said Felix Stegemann, budget spokesman of the Greens."
    )
    quoted = [(s.speaker, s.text) for s in statements(text) if s.kind is VERBATIM]
    assert quoted == [
        (KOWALSKI, "We are catching up"),
        (KOWALSKI, "Every euro has to arrive with the troops."),
        ("Felix Stegemann", "Money alone does not make an army"),
    ]


@pytest.mark.parametrize("title", ["Rep. ", ""])
def test_where_a_speaker_is_from_may_stand_between_the_name_and_the_verb(title: str) -> None:
    """ "Rep. Dana Whitcombe of Indiana told a House hearing that allies were “...”": hers."""
    text = f'{title}Dana Whitcombe of Indiana told a House hearing that allies were "finally doing the math."'
    assert said(text) == [("Dana Whitcombe", PARTIAL, 'allies were "finally doing the math."')]


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        # an office with its portfolio before the name
        (
            'US Ambassador to NATO Carter Hollis said allies whose plans slip "should expect a conversation".',
            "Carter Hollis",
            'allies whose plans slip "should expect a conversation"',
        ),
        # a thousands comma inside the apposition between the name and the verb
        (
            "Mike Brodeur, president of the union local that represents about 1,500 of the plant's workers,"
            ' said the new positions had to be "good union jobs".',
            "Mike Brodeur",
            'the new positions had to be "good union jobs"',
        ),
        # a clause after a semicolon, its subject a role and a name
        (
            "Spain spent 2% last year; its defence minister, Lucía Ferrer, insists the level is"
            ' "sufficient and realistic" for Spain.',
            "Lucía Ferrer",
            'the level is "sufficient and realistic" for Spain',
        ),
        # a lawmaker's title, and a relative clause before the verb
        (
            "Opposition lawmaker Veronika Mala, who chairs the defence committee, said the resignation was"
            ' "the first honest thing".',
            "Veronika Mala",
            'the resignation was "the first honest thing"',
        ),
    ],
)
def test_titles_before_a_name_and_a_subjects_relative_clause(text: str, speaker: str, words: str) -> None:
    """ "US Ambassador to NATO Carter Hollis said allies whose plans slip “...”": his partial quote."""
    assert said(text) == [(speaker, PARTIAL, words)]


def test_a_turn_of_greetings_is_no_statement_and_a_named_speakers_words_in_a_turn_are_theirs() -> None:
    """ "GUEST: Good morning, Tom." says nothing; "GUEST: Ian Harcourt told the House last week, and I
    wrote it down, “...”" gives the quoted words to Harcourt, the turn to the guest."""
    text = (
        "The guest is Caroline Ashdown, MP for North Wessex.\n\n"
        "HOST: Caroline Ashdown, good morning.\n\nGUEST: Good morning, Tom.\n\n"
        "HOST: Does the minister agree?\n\nGUEST: He does. Ian Harcourt told the House last week, and I wrote it"
        ' down, "We will be at three per cent in the next parliament." I want a year.\n\nGUEST: Thank you, Tom.'
    )
    found = [(s.speaker, s.text) for s in statements(text)]
    assert ("Ian Harcourt", "We will be at three per cent in the next parliament.") in found
    assert [t for who, t in found if who == "Caroline Ashdown"] == [
        'He does. Ian Harcourt told the House last week, and I wrote it down, "We will be at three per cent'
        ' in the next parliament." I want a year.'
    ]


def test_a_quotation_may_be_credited_with_according_to() -> None:
    """ "“It is over,” according to one diplomat present at the talks." is the diplomat's; a figure's source is no one."""
    assert said("“It is over,” according to one diplomat present at the talks.") == [
        ("one diplomat", VERBATIM, "It is over")
    ]
    assert said("“Peace dividend,” according to the ministry's figures, is a myth.") == []


def test_a_name_given_in_quotation_marks_ends_what_was_said() -> None:
    """ "called the plan “a paper tiger”, and the so-called “gap” …" is the critics' name, not the rest."""
    text = f"{MINISTER} spoke. Critics called the plan “a paper tiger”, and the so-called “gap” grew."
    assert said(text) == [("critics", PARTIAL, "called the plan “a paper tiger”")]
    text = f"{MINISTER} spoke. Critics called the plan “a paper tiger”, and Kowalski called it “a wise step”."
    assert said(text) == [
        ("critics", PARTIAL, "called the plan “a paper tiger”"),
        (KOWALSKI, PARTIAL, "called it “a wise step”"),
    ]
    # a call is no name: its words go on after the quotation
    assert said(f"{MINISTER} called for “steady growth” in the budgets.") == [
        (KOWALSKI, PARTIAL, "called for “steady growth” in the budgets")
    ]


def test_a_line_naming_the_speaker_introduces_the_paragraph_after_it() -> None:
    """A line "Defence Minister Anna Kowalski:" on its own introduces the next paragraph as her words."""
    text = f"{MINISTER} gave these remarks.\n\n{MINISTER}:\n\nThank you. Today we speak about a floor."
    assert said(text) == [(KOWALSKI, VERBATIM, "Thank you. Today we speak about a floor.")]
    # a country or a group heading a section is no speaker
    assert (
        said("Allies in brief.\n\nGermany:\n\nSpending rose.\n\nOfficials:\n\nTalks went well today.") == []
    )


def test_a_listener_before_the_clause_is_not_what_was_said() -> None:
    """ "warned MPs that the fleet was too small" reports "the fleet was too small"."""
    assert said(f"{MINISTER} warned MPs that the fleet was too small.") == [
        (KOWALSKI, REPORTED, "the fleet was too small")
    ]


def test_a_second_speech_verb_of_the_speaker_opens_a_second_statement() -> None:
    """ "said … ‘find the money’ …, but warned MPs that ‘…’" is two partial statements, not one."""
    text = (
        f"{MINISTER} said the Treasury would ‘find the money’, but warned MPs that ‘there is no magic tree’."
    )
    assert said(text) == [
        (KOWALSKI, PARTIAL, "the Treasury would ‘find the money’"),
        (KOWALSKI, PARTIAL, "‘there is no magic tree’"),
    ]


def test_a_time_to_come_in_the_sentence_before_does_not_date_a_quotation() -> None:
    """ "Kowalski, who takes over next week, agreed. “…,” she said." is not dated next week."""
    (statement,) = statements(f"{MINISTER}, who takes over next week, agreed. “She is right,” she said.")
    assert statement.when is None


def test_details_after_an_inverted_speakers_apposition_date_the_words() -> None:
    """ "“…,” said Jane Roe, the minister, on Monday in an interview." keeps Monday and the interview."""
    (statement,) = statements("“We are ready,” said Jane Roe, the minister, on Monday in an interview.")
    assert statement.speaker == "Jane Roe" and statement.medium == "an interview"
    assert statement.when is not None and statement.when.day == 9


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("A senior official close to Kowalski said the plan was dead.", "a senior official"),
        ("An aide to Kowalski said the plan was dead.", "an aide"),
        ("People close to Kowalski said the plan was dead.", "people close to Kowalski"),
        ("According to a person close to Kowalski, the plan was dead.", "a person close to Kowalski"),
    ],
)
def test_a_source_close_to_a_person_is_never_that_person(sentence: str, source: str) -> None:
    """ "an aide to Kowalski", "people close to Kowalski" speak as unnamed sources, never as Kowalski."""
    assert [(s.speaker, s.speaker_type) for s in statements(f"{MINISTER} spoke. {sentence}")] == [
        (source, SpeakerType.UNNAMED)
    ]


def test_questions_set_out_as_turns_make_the_answers_an_interview() -> None:
    """ "Q: …" / "A: …" answers are an interview on the lead's day; a quotation outside the turns is not."""
    text = f"{MINISTER} spoke to us on Monday.\n\nQ: Ready?\n\nA: Not yet.\n\n“Soon,” a senior official said."
    answer, remark = statements(text)
    assert (answer.speaker, answer.medium) == (KOWALSKI, "interview")
    assert answer.when is not None and answer.when.day == 9
    assert (remark.speaker, remark.medium) == ("a senior official", None)


def test_a_subjects_role_before_its_apposed_name_is_no_reported_clause() -> None:
    """ "Latvia's foreign minister, Lena Maris, wrote on X:" reports nothing; her post follows."""
    text = "Latvia's foreign minister, Lena Maris, wrote on X:\n\n> The border is calm."
    assert said(text) == [("Lena Maris", VERBATIM, "The border is calm.")]


def test_a_long_clause_whose_plural_verb_is_unmarked_is_still_reported() -> None:
    """ "Officials said the Dutch want a cap on joint borrowing." keeps its clause: only short phrases are objects."""
    assert said("Officials said the Dutch want a cap on joint borrowing.") == [
        ("officials", REPORTED, "the Dutch want a cap on joint borrowing")
    ]


def test_the_official_programme_is_no_source() -> None:
    """ "The official programme is below." names no source: the blockquote after it is nobody's words."""
    assert said("The official programme is below.\n\n> 09:00 Arrival of ministers") == []


def test_a_participles_quoted_words_are_not_the_main_verbs_object() -> None:
    """ "confirmed the delivery, saying it had come “early”" is a partial of what was said, not "the delivery"."""
    assert said("The ministry confirmed the delivery in a statement, saying the radar had come “early”.") == [
        ("the ministry", PARTIAL, "the radar had come “early”")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A government spokesman, Jan Lis, said the plan was “sound”.",
        "“The plan is sound,” said a government spokesman, Jan Lis.",
    ],
)
def test_an_unnamed_source_named_in_apposition_is_that_person(text: str) -> None:
    """ "A government spokesman, Jan Lis, said" is Jan Lis's, as "the council's chair, Jan Lis," is."""
    assert [s.speaker for s in statements(text)] == ["Jan Lis"]


def test_a_bracketed_original_between_quotation_and_attribution_is_skipped() -> None:
    """ "“We hold” («Nous tenons»), she said." is her words once; the original is no second statement."""
    assert said(f"{MINISTER} spoke. “We hold” («Nous tenons»), she said.") == [
        (KOWALSKI, VERBATIM, "We hold")
    ]


def test_a_speech_verb_after_another_of_the_same_subject_reports() -> None:
    """ "Kowalski agreed, but said money alone would not fix it." reports what she said."""
    assert said(f"{MINISTER} agreed, but said money alone would not fix it.") == [
        (KOWALSKI, REPORTED, "money alone would not fix it")
    ]


def test_quoted_words_credited_with_according_to_are_the_sources_partial() -> None:
    """ "… “extend an invitation”, according to the communiqué." is the communiqué's; NATO estimates are no one."""
    text = "Leaders agreed the alliance would “extend an invitation”, according to the communiqué."
    assert [(s.speaker, s.speaker_type, s.kind) for s in statements(text)] == [
        ("the communiqué", SpeakerType.DOCUMENT, PARTIAL)
    ]
    assert said("Spending rose to “record levels”, according to NATO estimates.") == []


def test_an_explainers_answers_are_not_the_last_named_persons() -> None:
    """In an explainer, "A: …" after "Kowalski wants 3%." is the writer's; after "Kowalski spoke to us." it is hers."""
    explainer = f"{MINISTER} wants 3%. Here is what that means.\n\nQ: What is 3%?\n\nA: A share of GDP."
    assert said(explainer) == []
    interview = f"{MINISTER} spoke to us.\n\nQ: What is 3%?\n\nA: A share of GDP."
    assert said(interview) == [(KOWALSKI, VERBATIM, "A share of GDP.")]


@pytest.mark.parametrize(
    ("sentence", "medium"),
    [
        ("“We hold,” Kowalski said in a video address.", "a video address"),
        (
            "In a post on her Telegram channel, Kowalski wrote that the line held.",
            "a post on her Telegram channel",
        ),
    ],
)
def test_the_medium_keeps_its_qualifier_and_platform(sentence: str, medium: str) -> None:
    """ "in a video address" and "a post on her Telegram channel" are kept whole, platform included."""
    (statement,) = statements(f"{MINISTER} spoke. {sentence}")
    assert statement.medium == medium


def test_an_organisations_chief_is_its_secretary_general() -> None:
    """ "the NATO chief said" is NATO's secretary general; "the army chief" is nobody named."""
    rutte = "NATO Secretary General Mark Rutte arrived."
    assert said(f"{rutte} “We are ready,” the NATO chief said.") == [("Mark Rutte", VERBATIM, "We are ready")]
    assert said(f"{rutte} The army chief said the troops were ready.") == []


@pytest.mark.parametrize("role", ["Defence Correspondent", "in Brussels", "Political Editor"])
def test_a_reporters_byline_makes_no_statements(role: str) -> None:
    """ "By Jane Roe, Defence Correspondent": her report's sentences are the outlet's, nobody's statements."""
    text = f"By Jane Roe, {role}\n\nAllies must agree by June. Germany will spend 2.1% this year. I doubt it."
    assert said(text) == []


def test_a_bare_weekday_after_the_verb_dates_a_trailing_attribution() -> None:
    """ "The army is ready, Kowalski said Tuesday." (wire style) reports the clause, dated Tuesday."""
    (statement,) = statements(f"{MINISTER} spoke. The army is ready, Kowalski said Tuesday.")
    assert (statement.kind, statement.text) == (REPORTED, "The army is ready")
    assert statement.when is not None and statement.when.day == 10


def test_a_pronoun_after_a_speaker_never_introduced_is_nobodys() -> None:
    """'Holm, asked about the budget, said: ...' with Holm never introduced: 'He added ...' is not the
    person named before him (no quote given to someone who did not say it)."""
    text = (
        "Latvia's defence minister, Ilze Ozola, said the plan was ready.\n\n"
        '"We will do our share," Ozola told reporters.\n\n'
        'Holm, asked about the budget, said: "Every ally will have to deliver." '
        'He added that he was "confident" of a deal.'
    )
    assert all("confident" not in s.text for s in statements(text) if s.speaker == "Ilze Ozola")


def test_a_surname_names_the_one_person_introduced_so_far() -> None:
    """Before a second Berecki is introduced, "Berecki said" can only be the first; after, it names neither."""
    found = said(
        "Hungary's foreign minister, Zoltan Berecki, spoke on Thursday.\n\n"
        '"We will not be lectured," Berecki said.\n\n'
        "His deputy, Ildiko Berecki, spoke later.\n\n"
        '"The forum is open," Ildiko Berecki said. "All are welcome," Berecki added.'
    )
    assert ("Zoltan Berecki", VERBATIM, "We will not be lectured") in found
    assert ("Ildiko Berecki", VERBATIM, "The forum is open") in found
    assert not any(text == "All are welcome" and who == "Zoltan Berecki" for who, _, text in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role with its portfolio before the name: "secretary for defence, Name"
        (
            '"We need contracts, not speeches," said Estonia\'s state secretary for defence, Kaarel Mets.',
            [("Kaarel Mets", StatementKind.VERBATIM, "We need contracts, not speeches")],
        ),
        (
            '"The order is signed," said the Minister of State for Procurement, Alan Brisk.',
            [("Alan Brisk", StatementKind.VERBATIM, "The order is signed")],
        ),
        # an attribution set inside the sentence: the one who says it, not the sentence's subject
        (
            "Finance Minister Ruta Vaitkus met Admiral Jonas Petraitis on Monday. The admiral, she said,"
            " had promised two ships for the exercise.",
            [
                (
                    "Ruta Vaitkus",
                    StatementKind.REPORTED,
                    "The admiral had promised two ships for the exercise",
                )
            ],
        ),
        # the speaker's own words in a participle belong to the report
        (
            "Finance Minister Ruta Vaitkus said she had met the bankers, describing the meeting as"
            ' "frank but useful".',
            [
                (
                    "Ruta Vaitkus",
                    StatementKind.PARTIAL,
                    'she had met the bankers, describing the meeting as "frank but useful"',
                )
            ],
        ),
    ],
)
def test_who_said_it_and_what_they_said(text: str, expected: list[tuple[str, StatementKind, str]]) -> None:
    """A role's portfolio, an inserted "she said" and a quoting participle do not lose or move a statement."""
    assert said(text) == expected


def test_a_transcript_label_with_an_outlet_names_the_journalist() -> None:
    """ "NAME (Outlet):" is the journalist named in capitals; the outlet is neither the speaker nor a role."""
    text = (
        "Title: Press conference transcript\n\nMINISTER VEGA: We will buy four frigates.\n\n"
        "LOTTA BERG (Baltic Wire): When will they arrive?\n\nMARK OSEI (DEFENCE ANALYST, clip): Not soon."
    )
    article = read_article(f"Date: 2025-06-10\n{text}")
    people = extract_people(article)
    assert [(p.name, p.role) for p in people] == [("Lotta Berg", None), ("Mark Osei", "defence analyst")]
    spoken = [(s.speaker, s.text) for s in extract_statements(article, people)]
    assert ("Lotta Berg", "When will they arrive?") in spoken


def test_words_are_never_dated_after_the_article() -> None:
    """A debate on 11 June that speaks of the summit "on 24 and 25 June" was not held on those days."""
    text = (
        "Title: Defence spending — House of Commons debate\nDate: 2025-06-11\n\n10.02 am\n\n"
        "Mrs Jane Hollis (Bath West) (Con): What will the Government commit to at the summit?\n\n"
        "The Secretary of State for Defence (Mr Alan Brisk): At The Hague on 24 and 25 June, we will"
        " back the new target of 5% of GDP by 2035."
    )
    article = read_article(text)
    found = extract_statements(article, extract_people(article))
    assert [s.speaker for s in found] == ["Jane Hollis", "Alan Brisk"]
    assert all(s.when is None or (s.when.month, s.when.day) != (6, 24) for s in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name after a role noun, or a role after a name, is the person, never an unnamed source
        (
            "The diplomat, Marta Lind, said her country expected a firm answer.",
            ("Marta Lind", "her country expected a firm answer"),
        ),
        (
            "An adviser to the prime minister, Marta Lind, said the plan was ready.",
            ("Marta Lind", "the plan was ready"),
        ),
        (
            "Marta Lind, a former naval officer, told the committee that two ships were under contract.",
            ("Marta Lind", "two ships were under contract"),
        ),
        # the clause before a trailing attribution is what was said, not the writer's words after it
        (
            "Greece will raise defence spending to 3.2% of GDP this year, Defence Minister Nikos Vardas said"
            " on Monday, a day before he hosts his counterparts in Athens.",
            ("Nikos Vardas", "Greece will raise defence spending to 3.2% of GDP this year"),
        ),
        # a retired officer's mark between the title and the name
        (
            '"Ten per cent goes to ammunition," said Colonel (ret.) Pieter Smit.',
            ("Pieter Smit", "Ten per cent goes to ammunition"),
        ),
        # "who said" with its clause and no "that"
        (
            "The plan was attacked by opposition MP Lars Holm, who said the budget was a brochure.",
            ("Lars Holm", "the budget was a brochure"),
        ),
        # "but would not sign" is hers; only "but would not say ..." is the writer's
        (
            "Finance Minister Marta Lind said she would attend the talks but would not sign any new pledge.",
            ("Marta Lind", "she would attend the talks but would not sign any new pledge"),
        ),
    ],
)
def test_the_named_speaker_and_the_clause_they_said(text: str, expected: tuple[str, str]) -> None:
    """Appositions name the speaker; a trailing attribution reports the clause before it."""
    assert [(s.speaker, s.text) for s in statements(text)] == [expected]


def test_the_spokesperson_is_the_unnamed_one_not_a_spokesperson_named_later() -> None:
    """ "the spokesperson said" after "A government spokesperson said" is that unnamed source, never the
    spokesman of another country the next paragraph names."""
    text = (
        'A government spokesperson said the depot would be in Kielce. "We are looking at Kielce first,"'
        " the spokesperson said.\n\nIn Riga, Latvian government spokesman Janis Ozols said Latvia had"
        " budgeted 3.6% of GDP for defence."
    )
    speakers = {(s.speaker, s.text) for s in statements(text)}
    assert ("a government spokesperson", "We are looking at Kielce first") in speakers
    assert not any(speaker == "Janis Ozols" and "Kielce" in said for speaker, said in speakers)


def test_an_interview_is_the_interviewees_occasion_only() -> None:
    """The lead's interview dates and places its speaker's words; a reaction quoted further down was
    not given in that interview, and a press conference still to come is no one's occasion."""
    text = (
        "Title: Minister speaks\nDate: 2026-10-02\n\nPARIS — Claire Duval told the newspaper Le Soir in an"
        " interview on Thursday that she was still waiting for Berlin.\n\nThe ministry had no comment.\n\n"
        'Hans Weber, a German MP, said: "Everyone remembers the promises."'
    )
    article = read_article(text)
    found = {s.speaker: s for s in extract_statements(article, extract_people(article))}
    assert found["Claire Duval"].medium is not None
    assert (found["Hans Weber"].medium, found["Hans Weber"].when) == (None, None)
    ahead = read_article(
        "Title: Summit\nDate: 2026-07-06\n\nLeaders gather in Riga on Tuesday for a NATO summit. The Secretary"
        ' General will give a press conference.\n\n"Lunch matters," said Greek Foreign Minister Eleni Vassou.'
    )
    (lunch,) = extract_statements(ahead, extract_people(ahead))
    assert lunch.medium is None


def test_a_role_in_capitals_is_no_person_and_an_outlet_in_capitals_no_role() -> None:
    """ "DEFENCE MINISTER (Olli Saari):" names Olli Saari only; "(BBC)" after a journalist is no role."""
    text = (
        "Title: Press conference transcript\n\nDEFENCE MINISTER (Olli Saari): We will buy more.\n\n"
        "KARI LUNDE (BBC): When?\n\nMARK OSEI (DEFENCE ANALYST, clip): Not soon."
    )
    people = {(p.name, p.role) for p in extract_people(read_article(f"Date: 2025-06-10\n{text}"))}
    assert ("Defence Minister", None) not in people
    assert ("Kari Lunde", None) in people and ("Mark Osei", "defence analyst") in people


def test_an_inserted_report_leaves_a_second_speakers_clause_to_them() -> None:
    """ "The admiral, she said, had promised ..., and Minister X said ...": X's words stay X's."""
    text = (
        "Finance Minister Ruta Vaitkus met Admiral Jonas Petraitis on Monday. The admiral, she said, had"
        " promised two ships, and Defence Minister Nikos Vardas said the navy would wait."
    )
    assert "Nikos Vardas" in {s.speaker for s in statements(text)}


def test_a_programme_named_before_an_apposition_is_no_person() -> None:
    """ "on the programme Morning Brief, Romania's defence minister, Name, said": the programme is a title."""
    article = read_article(
        "Date: 2025-05-01\n\nSpeaking on the programme Morning Brief, Romania's defence minister, Sorin"
        ' Dumitrescu, said: "The Black Sea is the front line."'
    )
    assert [p.name for p in extract_people(article)] == ["Sorin Dumitrescu"]


@pytest.mark.parametrize(
    "title",
    [
        "Title: Full text of Defence Minister Ingrid Solheim's Bergen address\n",  # a word before "address"
        "Title: Bergen address\n",  # the lead: "given on Wednesday by ..."
    ],
)
def test_a_speech_given_whole_is_its_speakers_whatever_words_stand_around_address(title: str) -> None:
    """The speaker of a speech printed whole is read from "X's Bergen address" and from "the address
    given on Wednesday by X": their own sentences are their statements."""
    article = read_article(
        f"{title}Date: 2025-04-10\n\nThe following is the full text of the address given on Wednesday by"
        " Norway's Minister of Defence, Ingrid Solheim, to the Bergen conference.\n\n---\n\n"
        "Thank you, Chair.\n\nThis year we will spend about 2.4 per cent on defence.\n"
    )
    found = [(s.speaker, s.text) for s in extract_statements(article, extract_people(article))]
    assert found == [("Ingrid Solheim", "This year we will spend about 2.4 per cent on defence.")]


def test_a_forum_users_post_is_a_question_and_a_rule_line_no_statement() -> None:
    """In an ask-me-anything thread, "u/name:" posts ask: their words are nobody's statement, the
    guest's turns are hers, and the rule lines between threads ("---") are no words at all."""
    text = (
        "Mod note: the answers are Jana Holt's own.\n\nJANA HOLT: Hi all. Ask away about the budget.\n\n---\n\n"
        "u/maple_bayonet: Be honest, we spend like 1.1% and everyone knows it.\n\n"
        "JANA HOLT: That number is out of date by a decade.\n"
    )
    assert [(s.speaker, s.text) for s in statements(text)] == [
        ("Jana Holt", "Hi all. Ask away about the budget."),
        ("Jana Holt", "That number is out of date by a decade."),
    ]


def test_an_op_ed_authors_i_is_the_author() -> None:
    """'As I told the North Atlantic Council in 2018, “Two per cent is a floor.”' in an op-ed by a named
    author with a role: her own words, from 2018; without a byline "I" is nobody."""
    body = "As I told the North Atlantic Council in 2018, “Two per cent is a floor, not a ceiling.”\n"
    byline = "OPINION\n\nBy Annelise Vermeulen, the Netherlands' ambassador to NATO from 2016 to 2021\n\n"
    article = read_article(f"Title: Pay the bill\nDate: 2025-03-10\n\n{byline}{body}")
    found = [
        (s.speaker, s.text, s.when.year if s.when else None)
        for s in extract_statements(article, extract_people(article))
    ]
    assert found == [("Annelise Vermeulen", "Two per cent is a floor, not a ceiling.", 2018)]
    assert statements(body) == []
