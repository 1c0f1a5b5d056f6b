"""What the seed must yield, asked through the briefing API on a real seeded store."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import briefing as briefing_module
from knowledge.briefing import Briefing, describe_time, fts_query
from knowledge.errors import EmptyQuery, UnknownCountry, UnknownPerson
from knowledge.ingest import ingest_text, open_store
from knowledge.models import Metric, StatementKind, TimeRef
from knowledge.store import Store
from tests.polling import answer_showing

MISSED = [
    "Belgium",
    "Canada",
    "Croatia",
    "Italy",
    "Luxembourg",
    "Montenegro",
    "Portugal",
    "Slovenia",
    "Spain",
]


@pytest.mark.parametrize("country", MISSED)
async def test_countries_that_missed_the_target(briefing: Briefing, country: str) -> None:
    """Each listed country missed the 2% target in 2023 and has no figure."""
    answer = await briefing.spending(country)
    assert [(f.metric, f.target, f.when.year if f.when else None) for f in answer.target_status] == [
        (Metric.TARGET_MISSED, 2.0, 2023)
    ]
    assert answer.figures == [] and answer.comparisons == []
    assert "Countries missing the goal include" in answer.target_status[0].source.passage


async def test_united_states(briefing: Briefing) -> None:
    """US: 3.19% in 2024, 3.68% in 2014, and more than all other allies combined."""
    answer = await briefing.spending("United States")
    assert [(f.value, f.when.year if f.when else None) for f in answer.figures] == [
        (3.19, 2024),
        (3.68, 2014),
    ]
    assert [c.as_written for c in answer.comparisons] == [
        "the U.S. still spends more on defense than all other allies combined"
    ]
    assert answer.target_status == []
    assert answer.derived and all("derived" in d for d in answer.derived)


async def test_alliance(briefing: Briefing) -> None:
    """The alliance: 22 of 32 met the 2% target in 2023; around $1.3 trillion (€1.1 trillion) last year."""
    answer = await briefing.spending("NATO")
    (count,) = answer.alliance
    assert (count.value, count.total, count.target, count.when.year if count.when else None) == (
        22,
        32,
        2.0,
        2023,
    )
    (total,) = answer.figures
    assert (total.value, total.currency, total.approximate, total.equivalents) == (
        1.3e12,
        "USD",
        True,
        ["€1.1 trillion"],
    )
    assert total.when is not None and (total.when.text, total.when.year) == ("last year", 2024)
    assert {s.country.name for s in answer.members} == set(MISSED) | {"United States"}


async def test_the_alliance_overview_lists_allies_only(store: Store) -> None:
    """A non-member's figure is answered for it, but never listed among the allies' own figures."""
    article = (
        "Title: Who spends what\nDate: 2024-09-02\nSource: Test Wire\n\n"
        "Slovenia spent 1.3% of GDP on defence in 2023. China spends about 1.7% of GDP on its military."
    )
    await ingest_text(store, article, name="who.txt")
    briefing = Briefing(store)
    answer = await briefing.spending("NATO")
    assert "Slovenia" in {s.country.name for s in answer.members}
    assert "China" not in {s.country.name for s in answer.members}
    china = await briefing.spending("China")
    assert [f.value for f in china.figures] == [1.7]
    assert china.derived == []  # NATO's 2% is no yardstick for a non-member


async def test_a_member_is_judged_against_the_alliance_target(store: Store) -> None:
    """The same kind of figure for an ally is compared with the target the article gives."""
    article = (
        "Title: Who spends what\nDate: 2024-09-02\nSource: Test Wire\n\n"
        "Allies agreed in 2014 to spend 2% of GDP on defence. Slovenia spent 1.3% of GDP on defence in 2023. "
        "Russia spent an estimated 6.7% of GDP on its military in 2023."
    )
    await ingest_text(store, article, name="who.txt")
    briefing = Briefing(store)
    assert (await briefing.spending("Slovenia")).derived
    assert (await briefing.spending("Russia")).derived == []


async def test_known_country_without_facts(briefing: Briefing) -> None:
    """Germany is a known member with nothing in the briefing: an answer that says so, with coverage."""
    answer = await briefing.spending("Germany")
    assert answer.country.nato_member and not answer.has_facts()
    assert answer.target_status == [] and answer.figures == []
    assert "Canada" in {s.country.name for s in answer.covered}


async def test_unknown_country_raises_with_suggestions(briefing: Briefing) -> None:
    """An unknown name is a domain error carrying suggestions."""
    with pytest.raises(UnknownCountry) as caught:
        await briefing.spending("Slovania")
    assert set(caught.value.suggestions) >= {"Slovenia", "Slovakia"}


async def test_rutte_statements(briefing: Briefing) -> None:
    """Rutte: three verbatim quotes first, then the partial quote, then three reported statements."""
    answer = await briefing.statements("Rutte")
    assert answer.person.name == "Mark Rutte"
    kinds = [q.kind for q in answer.statements]
    assert kinds == [StatementKind.VERBATIM] * 3 + [StatementKind.PARTIAL] + [StatementKind.REPORTED] * 3
    verbatim = [q.text for q in answer.statements[:3]]
    assert verbatim[0].startswith("We must step up our efforts in 2025")
    assert verbatim[1].startswith("The will to defend must be shown")
    assert verbatim[2].startswith("NATO support for Ukraine remained strong in 2024")
    assert answer.statements[3].text == "alliance members continue to pursue “a just and lasting peace.”"
    reported = " | ".join(q.text for q in answer.statements[4:])
    for words in ("32 NATO member states", "defending freedom and prosperity", "support for Ukraine"):
        assert words in reported


async def test_stoltenberg_statement(briefing: Briefing) -> None:
    """Stoltenberg: one verbatim quote from 2023."""
    (quote,) = (await briefing.statements("Stoltenberg")).statements
    assert quote.kind is StatementKind.VERBATIM
    assert quote.text == "Ukraine must prevail. This is about our own security, not charity."
    assert quote.when is not None and quote.when.year == 2023


async def test_hegseth_statements_are_reported(briefing: Briefing) -> None:
    """Hegseth: two reported statements, the first "in February", none quoted."""
    statements = (await briefing.statements("Hegseth")).statements
    assert [q.kind for q in statements] == [StatementKind.REPORTED, StatementKind.REPORTED]
    assert statements[0].when is not None and statements[0].when.text == "in February"
    assert "unlikely to regain all of its occupied territory" in statements[0].text
    assert "does not plan to admit Ukraine" in statements[1].text


async def test_trump_has_no_statements_but_is_expected_at_the_summit(briefing: Briefing) -> None:
    """Trump said nothing in the briefing; he appears as expected at the summit."""
    answer = await briefing.statements("trump")
    assert answer.statements == []
    assert answer.appearances and "summit" in answer.appearances[0].event


async def test_the_words_a_headline_quotes_lead_their_documents_statements(store: Store) -> None:
    """An interview's turns are shown as given, except the one its headline quotes, which comes first."""
    turns = [
        "We crossed the line in 2024 and we are not going back.",
        "The budget for this year puts us at roughly 2.4 per cent.",
        "A percentage is an input. You cannot fly a jet with a spreadsheet, and voters know it.",
        "Ask me again after the budget talks in the autumn.",
    ]
    article = (
        "Title: 'You cannot fly a jet with a spreadsheet': the defence minister on money\n"
        "Date: 2026-03-12\nSource: Test Magazine\n\n"
        "Ruben Castelein has been the Netherlands' defence minister for a year. We met him in February.\n\n"
        + "\n\n".join(f"MAGAZINE: Question {n}?\n\nCASTELEIN: {turn}" for n, turn in enumerate(turns))
    )
    await ingest_text(store, article, name="interview.txt")
    statements = (await Briefing(store).statements("Castelein")).statements
    assert [q.text for q in statements] == [turns[2], turns[0], turns[1], turns[3]]


async def test_unknown_person(briefing: Briefing) -> None:
    """A person the store does not know raises with suggestions of people it does know."""
    with pytest.raises(UnknownPerson) as caught:
        await briefing.statements("Zelensky")
    assert caught.value.suggestions


async def test_summit(briefing: Briefing) -> None:
    """The summit: the Netherlands, June 2025, Trump expected, Rutte's role, the agenda."""
    summit = await briefing.summit()
    assert summit.country is not None and summit.country.code == "NL"
    assert summit.when is not None and (summit.when.year, summit.when.month) == (2025, 6)
    names = {a.name for a in summit.attendees}
    assert "Donald Trump" in names and "Mark Rutte" in names
    assert any(a.name == "Mark Rutte" and a.role and "central role" in a.role for a in summit.attendees)
    agenda = " | ".join(item.text for item in summit.agenda)
    for item in (
        "new financial and strategic commitments",
        "defense spending",
        "military readiness",
        "long-term goals",
    ):
        assert item in agenda


async def test_search_ranks_the_2014_sentence_first(briefing: Briefing) -> None:
    """The sentence that answers the question comes first, with a pointer to /spending."""
    answer = await briefing.search("How much did the US spend in 2014?")
    assert "3.68% in 2014" in answer.hits[0].source.passage
    assert "/spending country:United States" in answer.pointers


async def test_search_of_nothing_searchable(briefing: Briefing) -> None:
    """A question of only stopwords and punctuation is a domain error, not an FTS error."""
    with pytest.raises(EmptyQuery):
        await briefing.search('"" the of ((')


async def test_coverage(briefing: Briefing) -> None:
    """Coverage lists the one document, the ten countries with facts, and the people."""
    coverage = await briefing.coverage()
    assert len(coverage.documents) == 1
    assert len(coverage.countries) == 10
    assert {p.name for p in coverage.people} == {
        "Mark Rutte",
        "Donald Trump",
        "Pete Hegseth",
        "Jens Stoltenberg",
    }


CANADA_2025 = """Title: Canada raises its defence budget
Date: 2025-07-01

Canada spent 2.1 percent of GDP on defence in 2025, Ottawa said.
"""


async def test_repeated_answers_are_reused_until_the_store_changes(store: Store, tmp_path: Path) -> None:
    """Same question, same answer object; a write by another connection (the CLI) is seen soon (within about a second)."""
    briefing = Briefing(store)
    before = await briefing.spending("Canada")
    assert await briefing.spending("Canada") is before  # from the memo, no store work
    assert before.figures == []
    writer = await Store.open(tmp_path / "briefbot.sqlite3")  # what `briefbot ingest` opens
    try:
        await ingest_text(writer, CANADA_2025, name="canada.txt")
    finally:
        await writer.close()
    after = await answer_showing(lambda: briefing.spending("Canada"), lambda answer: bool(answer.figures))
    assert [(f.value, f.when.year if f.when else None) for f in after.figures] == [(2.1, 2025)]
    assert (await briefing.summit()) is (await briefing.summit())


def naval_report(n: int, *, coastal: bool) -> str:
    """Return a small article about naval defence; some also mention coastal radars."""
    extra = " Coastal radars were upgraded." if coastal else ""
    return f"Title: Naval report {n}\nDate: 2026-04-{n + 1:02d}\n\nThe naval defence plan {n} was approved.{extra}\n"


async def test_any_word_fallback_leaves_out_words_that_are_everywhere(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No passage has every word: rarer words find the passages, a word in most of them is dropped."""
    monkeypatch.setattr(briefing_module, "COMMON_PASSAGES", 5)
    for n in range(8):
        await ingest_text(store, naval_report(n, coastal=n < 3), name=f"{n}.txt")
    briefing = Briefing(store)
    question = fts_query("coastal radars naval zanzibar")  # "naval": in 8 passages, over the bar
    assert await briefing._broad_query(question, 3) == '("coastal") OR ("radars") OR ("zanzibar")'
    answer = await briefing.search("coastal radars naval zanzibar", limit=3)
    assert len(answer.hits) == 3 and all("radars" in h.source.passage for h in answer.hits)
    few = fts_query("zanzibar naval")  # no rarer word matches enough passages: "naval" is kept
    assert await briefing._broad_query(few, 3) == few.any_term
    assert len((await briefing.search("zanzibar naval", limit=3)).hits) == 3


NAMES_ARTICLE = """Title: Names
Date: 2026-03-03

“We will keep the border open,” Defence Minister Władysław Nowak-Błaszczyk said.

“The plan is sound,” said Chancellor Ursula van der Berg.

“We will deliver the capabilities,” said Defence Minister Elena Ruiz Arrieta.

“Nobody expected this,” a senior alliance official said.
"""


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Blaszczyk", "Władysław Nowak-Błaszczyk"),
        ("nowak", "Władysław Nowak-Błaszczyk"),
        ("WLADYSLAW", "Władysław Nowak-Błaszczyk"),
        ("van der Berg", "Ursula van der Berg"),
        ("Berg", "Ursula van der Berg"),
        ("Ruiz Arrieta", "Elena Ruiz Arrieta"),  # a surname of two words
        ("Arrieta", "Elena Ruiz Arrieta"),
    ],
)
async def test_quote_finds_a_person_by_any_part_of_the_name(store: Store, typed: str, expected: str) -> None:
    """Any word of a name, or a surname with its particles, finds the person, accents and case aside."""
    await ingest_text(store, NAMES_ARTICLE, name="names.txt")
    match = await Briefing(store).resolve_person(typed)
    assert match.person.name == expected


async def test_a_derived_comparison_names_a_later_deadline_and_skips_an_allys_own_goal(store: Store) -> None:
    """ "2.2% (2032) is below the 5% target due by 2041", and no comparison of the ally's own 3% goal."""
    article = (
        "Title: Defence spending\nDate: 2031-07-01\nSource: Test Wire\n\n"
        "Allies agreed to spend 5% of GDP on defence by 2041.\n\n"
        "Slovenia will spend 2.2% of GDP in 2032 and aims to reach 3% by 2036."
    )
    await ingest_text(store, article, name="goals.txt")
    answer = await Briefing(store).spending("Slovenia")
    assert [d.split(" (derived")[0] for d in answer.derived] == [
        "2.2% (2032) is below the 5% target due by 2041"
    ]


async def test_a_surname_two_speakers_share_is_asked_back_not_guessed(store: Store) -> None:
    """/quote Novak with Ana and Marko Novak both quoted names both and picks neither."""
    article = (
        "Title: Two Novaks\nDate: 2031-02-04\nSource: Test Wire\n\n"
        "Liberal MP Ana Novak backed the plan. “We can afford it,” Ana Novak said.\n\n"
        "Economist Marko Novak disagreed. “This money comes from hospitals,” Marko Novak said."
    )
    await ingest_text(store, article, name="novaks.txt")
    briefing = Briefing(store)
    for typed in ("Novak", "Novack"):  # a misspelt surname asks back too
        with pytest.raises(UnknownPerson) as asked:
            await briefing.resolve_person(typed)
        assert set(asked.value.suggestions) == {"Ana Novak", "Marko Novak"}
    assert (await briefing.resolve_person("Marko Novak")).person.name == "Marko Novak"


async def test_autocomplete_lists_unnamed_sources_as_such(store: Store) -> None:
    """An unnamed source with statements is offered under its own words, marked as unnamed."""
    await ingest_text(store, NAMES_ARTICLE, name="names.txt")
    choices = await Briefing(store).people_choices("official")
    assert [(c.name, c.speaker_type.value) for c in choices] == [("a senior alliance official", "unnamed")]


async def test_a_search_hit_spells_out_its_relative_times_against_the_articles_date(store: Store) -> None:
    """ "last March" in an article of 5 March 2025 is March 2024; a written year needs no note."""
    article = (
        "Title: Baltic notes\nDate: 2025-03-05\n\n"
        "Latvia opened its new radar site last March, and the navy follows next month. "
        "The old site dates from 1998.\n"
    )
    await ingest_text(store, article, name="notes.txt")
    answer = await Briefing(store).search("When did Latvia open its radar site?")
    assert answer.hits[0].dates == ["“last March”: March 2024", "“next month”: April 2025"]


async def test_a_question_in_the_text_comes_after_the_sentences_that_answer(store: Store) -> None:
    """An interviewer's question matches the same question best, and answers nothing: answers come first."""
    article = (
        "Title: Radio interview\nDate: 2025-03-05\n\n"
        "Q: Will the new frigates for Norway arrive before winter?\n\n"
        "A: The first frigates arrive in November, before winter, and the rest in spring.\n"
    )
    await ingest_text(store, article, name="interview.txt")
    answer = await Briefing(store).search("Will the new frigates for Norway arrive before winter?")
    passages = [h.source.passage for h in answer.hits]
    assert passages[0].startswith("A: The first frigates")
    assert any(p.startswith("Q:") for p in passages[1:])  # still found, after the answer


async def test_an_undated_article_resolves_no_relative_time(store: Store) -> None:
    """Without the article's date, "last March" is left as written: no note is made up."""
    await ingest_text(store, "Title: Notes\n\nLatvia opened its radar site last March.\n", name="n.txt")
    answer = await Briefing(store).search("Latvia radar site")
    assert answer.hits and answer.hits[0].dates == []


@pytest.mark.parametrize(
    ("when", "shown"),
    [
        (TimeRef(text="last year", year=2024), "2024 (“last year”)"),
        (TimeRef(text="(year in context)", year=2025), "2025 (year in context)"),  # inferred: never quoted
        (  # a live blog's meeting is dated by the blog, not by its words
            TimeRef.inferred_as("the day of this live coverage", year=2027, month=6, day=29),
            "29 June 2027 (the day of this live coverage)",
        ),
        (TimeRef(text="in 2024", year=2024), "2024"),
    ],
)
def test_a_time_shows_its_written_words_in_quotes_and_an_inferred_year_without(
    when: TimeRef, shown: str
) -> None:
    """Only words the article wrote go in quotation marks; a year read from context says so plainly."""
    assert describe_time(when) == shown


TARGETS_ARTICLE = """Title: Slovenia and the two targets
Source: Test Wire
Date: 2025-09-01

NATO allies agreed in 2014 to spend 2% of GDP on defence by 2024.

At The Hague in June, leaders agreed to raise the target to 5% of GDP by 2035.

Slovenia spent 1.6% of GDP on defence in 2023 and plans to spend 3% in 2030.
"""


async def test_a_share_is_judged_against_the_target_due_in_its_year(tmp_path: Path) -> None:
    """A 2023 figure is judged against the 2% due by 2024, a 2030 plan against the 5% due by 2035."""
    store = await open_store(tmp_path / "targets.sqlite3", seed=False)  # only this article's targets
    try:
        await ingest_text(store, TARGETS_ARTICLE, name="targets.txt")
        answer = await Briefing(store).spending("Slovenia")
    finally:
        await store.close()
    assert any(d.startswith("1.6% (2023) is below the 2% target") for d in answer.derived), answer.derived
    assert any(d.startswith("3% (2030) is below the 5% target") for d in answer.derived), answer.derived
