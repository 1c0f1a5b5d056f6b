"""Spending facts: each sentence style yields its records, and each trap yields none."""

from __future__ import annotations

from pathlib import Path

import pytest

import knowledge
from knowledge.extract import extract
from knowledge.extract.reader import read_article
from knowledge.extract.spending import extract_spending
from knowledge.models import ALLIANCE, FigureStatus, Metric, SpendingRecord

SEED = Path(knowledge.__file__).parent / "articles" / "nato-briefing-2025.txt"

SHARE = Metric.SHARE_OF_GDP
AMOUNT = Metric.AMOUNT
MET = Metric.TARGET_MET
MISSED = Metric.TARGET_MISSED
ALLIES = Metric.ALLIES_MEETING_TARGET
COMPARISON = Metric.COMPARISON

Fact = tuple[str, Metric, int | None, float | None]


def records(text: str, date: str | None = "2025", title: str | None = None) -> list[SpendingRecord]:
    """Return the spending records of an article made of text, dated and titled as given."""
    header = "".join(f"{key}: {value}\n" for key, value in (("Title", title), ("Date", date)) if value)
    return extract_spending(read_article(f"{header}\n{text}" if header else text))


def facts(text: str, title: str | None = None) -> set[Fact]:
    """Return (subject, metric, year, value) for every record of a text dated 2025."""
    return {
        (r.subject, r.metric, r.when.year if r.when else None, r.value) for r in records(text, title=title)
    }


@pytest.fixture(scope="module")
def seed() -> list[SpendingRecord]:
    """Return the records of the bundled seed article."""
    return extract_spending(read_article(SEED.read_text(encoding="utf-8")))


# --- the seed article -------------------------------------------------------------------------

SEED_MISSING = ["BE", "CA", "HR", "IT", "LU", "ME", "PT", "SI", "ES"]


def test_seed_has_exactly_the_expected_facts(seed: list[SpendingRecord]) -> None:
    """The seed yields these facts and nothing else: an extra fact fails the test."""
    expected: set[Fact] = {(code, MISSED, 2023, None) for code in SEED_MISSING} | {
        ("US", SHARE, 2024, 3.19),
        ("US", SHARE, 2014, 3.68),
        ("US", COMPARISON, None, None),
        (ALLIANCE, ALLIES, 2023, 22.0),
        (ALLIANCE, AMOUNT, 2024, 1.3e12),
    }
    found = [(r.subject, r.metric, r.when.year if r.when else None, r.value) for r in seed]
    assert sorted(found) == sorted(expected)  # also: no fact twice


def test_seed_missing_countries_inherit_the_target(seed: list[SpendingRecord]) -> None:
    """The nine listed countries missed the 2% target of 2023, set by the sentence before."""
    missed = [r for r in seed if r.metric is MISSED]
    assert [r.subject for r in missed] == SEED_MISSING
    assert {(r.target, r.when.text if r.when else None, r.passage) for r in missed} == {(2.0, "2023", 6)}
    assert not [r for r in seed if r.metric is SHARE and r.subject in SEED_MISSING]
    assert not [r for r in seed if r.subject == "DE"]


def test_seed_allies_meeting_target(seed: list[SpendingRecord]) -> None:
    """22 of NATO's 32 members met the 2% target in 2023."""
    (count,) = [r for r in seed if r.metric is ALLIES]
    assert (count.value, count.total, count.target, count.approximate) == (22.0, 32, 2.0, False)
    assert count.as_written == "22 of NATO’s 32 members"


def test_seed_us_share_and_comparison(seed: list[SpendingRecord]) -> None:
    """Each US share keeps its own year and text; the comparison keeps its claim."""
    shares = [(r.as_written, r.when.text if r.when else None, r.passage) for r in seed if r.metric is SHARE]
    assert shares == [("3.19%", "2024", 7), ("3.68%", "2014", 7)]
    (comparison,) = [r for r in seed if r.metric is COMPARISON]
    assert comparison.subject == "US"
    assert comparison.as_written == "the U.S. still spends more on defense than all other allies combined"


def test_seed_alliance_amount(seed: list[SpendingRecord]) -> None:
    """Total NATO spending was about $1.3 trillion last year (2024), with its euro equivalent."""
    (amount,) = [r for r in seed if r.metric is AMOUNT]
    assert (amount.subject, amount.value, amount.currency, amount.approximate) == (
        ALLIANCE,
        1.3e12,
        "USD",
        True,
    )
    assert (amount.as_written, amount.equivalents) == ("$1.3 trillion", ["€1.1 trillion"])
    assert amount.when is not None
    assert (amount.when.text, amount.when.year) == ("last year", 2024)


def test_every_record_points_at_its_passage(seed: list[SpendingRecord]) -> None:
    """Each record's as_written text is found in the passage it points at."""
    passages = read_article(SEED.read_text(encoding="utf-8")).passages
    for record in seed:
        assert record.as_written in passages[record.passage].text


# --- shares of GDP ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The United States, by comparison, spent 3.19% of its GDP on defense in 2024, down from 3.68% in 2014.",
            {("US", SHARE, 2024, 3.19), ("US", SHARE, 2014, 3.68)},
        ),
        ("Poland's defence spending rose to 4.1 per cent of GDP this year.", {("PL", SHARE, 2025, 4.1)}),
        # the present tense with no time: the article's own year (issue 10)
        ("Britain spends 2.3 percent of GDP on defence.", {("GB", SHARE, 2025, 2.3)}),
        ("The U.K. spent 2.33% of GDP on defence in 2024.", {("GB", SHARE, 2024, 2.33)}),
        ("Estonia spent 3.73pc of GDP on defence in 2024.", {("EE", SHARE, 2024, 3.73)}),
        ("Italy spent two percent of its GDP on the military last year.", {("IT", SHARE, 2024, 2.0)}),
        ("Turkey spent 2.1% of GDP on defence in 2024.", {("TR", SHARE, 2024, 2.1)}),
        ("Türkiye has spent 2.1% of GDP on defence in 2024.", {("TR", SHARE, 2024, 2.1)}),
        ("Defence spending in Czechia reached 2.1% of GDP in 2024.", {("CZ", SHARE, 2024, 2.1)}),
        ("In Poland, defence spending reached 4.1% of GDP in 2024.", {("PL", SHARE, 2024, 4.1)}),
        ("British defence spending stood at 2.3% of GDP in 2024.", {("GB", SHARE, 2024, 2.3)}),
        # a country's people as the subject stand for its state
        ("On defence, the Poles are at 4.1% of GDP this year.", {("PL", SHARE, 2025, 4.1)}),
        # the economy a share is of is its GDP
        ("Poland spent 4.5% of its economy on defence in 2024.", {("PL", SHARE, 2024, 4.5)}),
        ("Greece puts about 3.1 per cent of the economy into defence.", {("GR", SHARE, 2025, 3.1)}),
        # a rank among all the allies is no share of all of them
        (
            "Italy devotes 1.49% of GDP to defence, while Spain, at 1.28%, is the lowest of all 32 members.",
            {("IT", SHARE, 2025, 1.49), ("ES", SHARE, 2025, 1.28)},
        ),
        # an aside between dashes describes the subject before it; a name between dashes is the subject
        (
            "France closed 2024 at 2.06%, while Spain — the ally in Washington's sights — stood at 1.28% in 2024.",
            {("FR", SHARE, 2024, 2.06), ("ES", SHARE, 2024, 1.28)},
        ),
        ("The top spender — Poland — spent 4.1% of GDP on defence in 2024.", {("PL", SHARE, 2024, 4.1)}),
        # a reporting aside in the present tense; which ally a country is, not the alliance
        ("Germany, he notes, was at 1.2% of GDP on defence in 2014.", {("DE", SHARE, 2014, 1.2)}),
        # a year the text names only by its event is no year it gives
        ("Germany was at 1.2% of GDP on defence the year of the Wales pledge.", {("DE", SHARE, None, 1.2)}),
        (
            "Sweden joined as the 32nd ally in March 2024 and now plans to spend 3.5% of GDP on defence by 2030.",
            {("SE", SHARE, 2030, 3.5)},
        ),
        # "as does X" opens no aside when X's own relative clause gives the figure
        (
            "Poland gets a hearing, as does Norway, which the book credits with 2.2% of GDP on defence in 2024.",
            {("NO", SHARE, 2024, 2.2)},
        ),
        # the economy's size in an aside comes between the share and its year
        (
            "Germany will spend 3.5% of the economy, now €4.3 trillion, on defence by 2029.",
            {("DE", SHARE, 2029, 3.5)},
        ),
        # GDP as a translation keeps it ("PIB"), with a decimal comma
        ("Portugal spent last year 1,55% of the PIB with the Armed Forces.", {("PT", SHARE, 2024, 1.55)}),
        # a relative clause after an ally named inside another country's description: either's figure
        (
            "Outside the alliance, the comparison is made with Brazil, partner of Portugal in a club of"
            " states, which dedicates to the defence around 1.1% of its GDP.",
            set(),
        ),
        # a vote's tally before "to lift" is no poll
        (
            "Lithuania's parliament voted 101-2 on Thursday to lift defence spending from 2.85% of GDP this year"
            " to 3.1% in 2026.",
            {("LT", SHARE, 2025, 2.85), ("LT", SHARE, 2026, 3.1)},
        ),
        # the topic ally's ministers promise its figure
        (
            "Sweden is expected to spend 2.4% of its GDP on defence this year. Ministers have promised 3.5% by 2030.",
            {("SE", SHARE, 2025, 2.4), ("SE", SHARE, 2030, 3.5)},
        ),
        # a vote on a budget is no vote count: its figure is the budget's
        (
            "The Sejm votes on an amended budget that would lift Poland's defence outlays to 4.8% of GDP this year.",
            {("PL", SHARE, 2025, 4.8)},
        ),
        # "apiece": each ally listed has the figure
        (
            "On defence spending, four allies sit below Canada: Belgium at 1.30%, Slovenia and Luxembourg on"
            " 1.29% apiece, and Spain at 1.28%.",
            {
                ("BE", SHARE, 2025, 1.3),
                ("SI", SHARE, 2025, 1.29),
                ("LU", SHARE, 2025, 1.29),
                ("ES", SHARE, 2025, 1.28),
            },
        ),
        # a speaker's aside with a modal is no hypothesis
        ("Finland, I should add, is already at 2.4 per cent of GDP on defence.", {("FI", SHARE, 2025, 2.4)}),
        # a sentence that opens on its topic, then "it": the topic is the spender
        ("As for Norway, it spent 2.2% of GDP on defence last year.", {("NO", SHARE, 2024, 2.2)}),
        ("Look at Denmark: it will spend 3.2% of GDP on defence next year.", {("DK", SHARE, 2026, 3.2)}),
        (
            "As for Denmark, it is clear that Germany spent 2.4% of GDP on defence.",
            {("DE", SHARE, 2025, 2.4)},
        ),
        (
            "In 2024, America spent 3.4% of GDP on defence, up from 3.1% in 2014.",
            {("US", SHARE, 2024, 3.4), ("US", SHARE, 2014, 3.1)},
        ),
        (
            "Defence spending in Latvia rose from 2.1% of GDP in 2023 to 3.2% in 2024.",
            {("LV", SHARE, 2023, 2.1), ("LV", SHARE, 2024, 3.2)},
        ),
        # A non-member's own spending is its fact, never another country's.
        ("Russia spent 6.7% of GDP on its military in 2024.", {("RU", SHARE, 2024, 6.7)}),
        (
            "Unlike Russia, which spends 6% of GDP on its military, Germany spends 2.1% of GDP on defence.",
            {("RU", SHARE, 2025, 6.0), ("DE", SHARE, 2025, 2.1)},
        ),
        # The second figure is Germany's, not France's: it is dropped rather than misattributed.
        (
            "France spent 2.1% of GDP on defence in 2024, compared with 2.4% for Germany.",
            {("FR", SHARE, 2024, 2.1), ("DE", SHARE, 2024, 2.4)},
        ),
        # Clauses are read apart: the debt figure is not spending.
        (
            "Spain's debt reached 105% of GDP, while Spain spent 1.3% of GDP on defence.",
            {("ES", SHARE, None, 1.3)},
        ),
    ],
)
def test_share_of_gdp(text: str, expected: set[Fact]) -> None:
    """A country's defence spending as a share of GDP, each figure with its own year."""
    assert facts(text) == expected


DEFENCE_TITLE = "Where allies stand on defence spending"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Elliptical figures take the metric (and, within a sentence, the year) of the one before.
        (
            "The US spent 3.38 percent of its GDP on defence in 2025, while Canada spent 1.45 percent.",
            {("US", SHARE, 2025, 3.38), ("CA", SHARE, 2025, 1.45)},
        ),
        (
            "In 2015, America spent 3.5 percent of GDP on defence and the U.K. 2.0 percent.",
            {("US", SHARE, 2015, 3.5), ("GB", SHARE, 2015, 2.0)},
        ),
        (
            "In 2015, America spent 3.5 percent of GDP on defence. "
            "Turkey spent 1.4 percent in 2015 and the Czech Republic 1.0 percent.",
            {("US", SHARE, 2015, 3.5), ("TR", SHARE, 2015, 1.4), ("CZ", SHARE, 2015, 1.0)},
        ),
        (
            "Denmark spent two percent of GDP on defence in 2024 and 2.4 percent in 2025.",
            {("DK", SHARE, 2024, 2.0), ("DK", SHARE, 2025, 2.4)},
        ),
        # A restatement in another unit is its own fact, with the same year.
        (
            "Germany spent €86.5bn on defence, or 2.4 percent of GDP, in 2025.",
            {("DE", AMOUNT, 2025, 8.65e10), ("DE", SHARE, 2025, 2.4)},
        ),
        (
            "The United States spent $968 billion on defence last year, or about 3.4 percent of GDP.",
            {("US", AMOUNT, 2024, 9.68e11), ("US", SHARE, 2024, 3.4)},
        ),
        # "A decade earlier" counts back from the figure it is compared with, not from publication.
        (
            "The Netherlands spent 2.2 percent of its GDP on defence last year, up from 1.2 percent a decade earlier.",
            {("NL", SHARE, 2024, 2.2), ("NL", SHARE, 2014, 1.2)},
        ),
        # A participle takes the clause's subject.
        (
            "Britain met the 2 percent target in 2025, spending 2.33 percent of GDP on defence.",
            {("GB", MET, 2025, None), ("GB", SHARE, 2025, 2.33)},
        ),
        (
            "Canada spent 1.45 percent of its GDP on defence in 2025, still short of the alliance's two percent "
            "target, according to figures released on Friday.",
            # the alliance's target, named, is the alliance's (undated: the text does not say when it was set)
            {("CA", SHARE, 2025, 1.45), ("CA", MISSED, 2025, None), ("NATO", SHARE, None, 2.0)},
        ),
        # What a minister reports about the country's spending is stated as fact.
        (
            "Finnish Defence Minister Mikko Laine told reporters that Finland spent 2.4 percent of GDP on "
            "defence last year and would not let that share slip.",
            {("FI", SHARE, 2024, 2.4)},
        ),
    ],
)
def test_elliptical_and_attached_figures(text: str, expected: set[Fact]) -> None:
    """Figures without their own verb or metric borrow them from the figure or subject they continue."""
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Key figures:\nPoland: 4.1 percent of GDP in 2025", {("PL", SHARE, 2025, 4.1)}),
        ("Key figures:\n- Lithuania: 3.73pc of GDP in 2025", {("LT", SHARE, 2025, 3.73)}),
        ("Poland spent 4.2 percent of GDP in 2025.", {("PL", SHARE, 2025, 4.2)}),
        # Not defence even in a defence article: spent on something else, or not spending at all.
        ("Italy spent 3.9% of GDP on interest payments last year.", set()),
        ("Germany's economy grew 0.2 percent in 2024, while France grew 1.1 percent.", set()),
        ("Britain's army met its recruitment target, spending £2bn on advertising.", set()),
        ("Unemployment: 6.1 percent in Spain.", set()),
    ],
)
def test_defence_from_the_title(text: str, expected: set[Fact]) -> None:
    """A list line or a bare figure counts as defence spending when the article is about it."""
    assert facts(text, title=DEFENCE_TITLE) == expected
    assert facts(text) == set()  # without the title nothing says it is defence


def test_defence_from_the_section_and_unresolved_last_year() -> None:
    """Earlier sentences of the section say what the money is for; "last year" needs a document date."""
    text = (
        "Canada spent 1.45 percent of its GDP on defence in 2025.\n"
        "In 2000 Canada spent just C$9 billion on its armed forces. Last year Canada spent C$41 billion."
    )
    found = {
        (r.subject, r.metric, r.when.text if r.when else None, r.when.year if r.when else None, r.value)
        for r in records(text, date=None)
    }
    assert found == {
        ("CA", SHARE, "2025", 2025, 1.45),
        ("CA", AMOUNT, "2000", 2000, 9e9),
        ("CA", AMOUNT, "Last year", None, 4.1e10),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Poland spent 4.1% of GDP on defence in 2024 and Spain 40 percent more on pensions.",
            {("PL", SHARE, 2024, 4.1)},
        ),
        (
            "Poland spent 4.1% of GDP on defence in 2024. Poland spent 40 percent of its budget on pensions.",
            {("PL", SHARE, 2024, 4.1)},
        ),
        (
            "Poland spent 4.1% of GDP on defence in 2024. Poland's inflation reached 3.7 percent.",
            {("PL", SHARE, 2024, 4.1)},
        ),
        (
            "Germany spent 2.1% of GDP on defence in 2024, compared with 2.7% for the alliance as a whole.",
            {("DE", SHARE, 2024, 2.1)},
        ),
        (
            "Canada spent 1.4% of GDP on defence in 2024, and its deficit rose to 2%.",
            {("CA", SHARE, 2024, 1.4)},
        ),
    ],
)
def test_elliptical_traps(text: str, expected: set[Fact]) -> None:
    """A bare figure after a share is not a share when it is more, of something else, or someone else's."""
    assert facts(text) == expected


def test_share_keeps_text_and_approximation() -> None:
    """The figure keeps its exact text; "around" makes it approximate."""
    (record,) = records("Poland spent around 4.12 per cent of GDP on defence in 2024.")
    assert (record.as_written, record.value, record.approximate, record.currency) == (
        "4.12 per cent",
        4.12,
        True,
        None,
    )


@pytest.mark.parametrize(
    "text",
    [
        "NATO's target of spending 2% of GDP on defence remains in place.",
        "The 2% of GDP defence target was met by most allies.",
        "If Italy raised defence spending to 2% of GDP, it would cost billions.",
        "Italy would spend 2% of GDP on defence if its economy grew.",
        "Germany's defence spending rose by 10% in 2024.",
        "Spain's defence budget saw an increase of 12 percent in 2024.",
        "Spain's public debt reached 105% of GDP in 2024.",
        "Spain spent 1.3% of GDP in 2024.",  # spent on what? no defence word
        "Canada did not spend 2% of GDP on defence in 2024.",
        "Defence spending rose to 2.1% of GDP in 2024 across Europe.",  # no spender named
        "Allies spent between 2 and 3 percent of GDP on defence.",
        "Hungary's defence spending rose 0.3% of GDP in 2024.",  # a change: "rose" needs "to"
        "Germany spends 2.1% of GDP.",  # on what?
        "“Poland spent 4% of GDP on defence,” Tusk said.",  # inside quotes: his words
    ],
)
def test_share_traps(text: str) -> None:
    """Targets, pledges, forecasts, hypotheticals, growth rates, bounds and guesses are not shares."""
    assert facts(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poland pledged to reach 3.5% of GDP on defence by 2030.", ("PL", 2030, 3.5, "target")),
        ("Poland will spend 4.7% of GDP on defence next year.", ("PL", 2026, 4.7, "planned")),
        ("Poland's defence spending is set to reach 4.7% of GDP in 2026.", ("PL", 2026, 4.7, "planned")),
        ("Italy spent more than 1.5% of GDP on defence in 2024.", ("IT", 2024, None, "actual")),
        ("Italy spent less than 1.5% of GDP on defence in 2024.", ("IT", 2024, None, "actual")),
        ("Germany said defence spending rose to 2.1% of GDP in 2024.", ("DE", 2024, 2.1, "actual")),
        ("Poland's defence spending reached 4.7% of GDP by 2024.", ("PL", 2024, 4.7, "actual")),
        ("Warsaw says it will spend 4.2% of GDP on defence this year.", ("PL", 2025, 4.2, "planned")),
        ("Rome has promised it will reach the 2% guideline by 2027.", ("IT", 2027, 2.0, "target")),
    ],
)
def test_plans_targets_and_bounds_keep_how_sure_they_are(
    text: str, expected: tuple[str, int, float | None, str]
) -> None:
    """Goals, plans and bounds are facts with their status; a bound keeps its words and no value (issue 10).

    A pronoun after the country's own "says" is the country, and reaching a named target is its plan.
    """
    (record,) = [
        r for r in records(text, title="Defence budgets") if r.metric is SHARE and r.subject != ALLIANCE
    ]
    assert (
        record.subject,
        record.when.year if record.when else None,
        record.value,
        record.status,
    ) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Allies agreed a target of 2% of GDP for defence spending.",
        "Allies aim to spend 3.5% of GDP on defence.",
    ],
)
def test_a_goal_the_allies_set_is_the_alliances_target(text: str) -> None:
    """The alliance setting a goal is its target, never a country's spending (issue 10)."""
    (record,) = records(text)
    assert (record.subject, record.metric, record.status) == (ALLIANCE, SHARE, "target")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Allies meeting in Madrid in 2022 agreed to keep defence spending at 2.5% of GDP.", (2022, 2.5)),
        ("At the Portuguese summit, allies agreed on defence spending of 3.5% of GDP by 2035.", (2035, 3.5)),
        (
            "It was the first summit in Norway since Oslo in 1999, where allies adopted the 4% target.",
            (1999, 4.0),
        ),
        (
            "Leaders gathered at the summit in Riga on Monday are set to adopt a new target of 4% of GDP.",
            (None, 4.0),
        ),
    ],
)
def test_a_meeting_place_is_no_spender(text: str, expected: tuple[int | None, float]) -> None:
    """The city or country where allies met or decided is a venue: the figure is the alliance's target."""
    assert {(r.subject, r.when.year if r.when else None, r.value) for r in records(text)} == {
        (ALLIANCE, *expected)
    }


@pytest.mark.parametrize(
    "text",
    [
        "What was agreed in Riga last year, 3% of GDP, is now the floor for defence budgets.",
        "The ministers who met at Lisbon endorsed defence spending of 3% of GDP for every budget.",
    ],
)
def test_a_figure_after_a_meeting_place_is_not_its_countrys(text: str) -> None:
    """ "agreed in Riga ... 3%" is not Latvia's spending: no ally owns the figure."""
    assert not [r for r in records(text, title="Defence budgets") if r.subject != ALLIANCE]


@pytest.mark.parametrize(
    "text",
    [
        "At a cabinet meeting in Warsaw, the government approved defence spending of 4.7% of GDP for 2025.",
        "The cabinet met in Warsaw and approved defence spending of 4.7% of GDP for 2025.",
    ],
)
def test_a_capital_where_its_own_government_meets_is_that_government(text: str) -> None:
    """A national body meeting in its capital is no international venue: the figure is Poland's."""
    assert facts(text, title="Defence budgets") == {("PL", SHARE, 2025, 4.7)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He said Berlin expected every ally to move towards 4% of GDP.", 4.0),  # the asker is no spender
        ("Rome changed the debate: leaders agreed that 2.5% would be the new minimum.", 2.5),  # after a colon
        ("Allies are close to adopting a goal of 4% of gross domestic product.", 4.0),  # a goal being set
    ],
)
def test_the_alliance_states_a_target(text: str, value: float) -> None:
    """A target the allies are asked for, agree after a colon, or are adopting is the alliance's."""
    assert {(r.subject, r.value, r.status) for r in records(text)} == {(ALLIANCE, value, "target")}


@pytest.mark.parametrize(
    "text",
    [
        "The alliance is still debating whether 3% of GDP should be its new target.",
        "At the summit in Riga in 2027, leaders had called 3% a floor.",
    ],
)
def test_an_open_question_or_a_description_states_no_target(text: str) -> None:
    """A figure in a "whether" clause, or a floor only described, is no target of the alliance."""
    assert records(text) == []


def test_a_target_stated_then_named_is_one_target() -> None:
    """The guideline named after the sentence that states it is the same target, not a second one."""
    text = (
        "Riga settled it: leaders agreed that 2.5% would be the minimum.\n\n"
        "By 2029, 20 allies were expected to meet the 2.5% guideline."
    )
    assert [r.value for r in records(text) if r.metric is SHARE] == [2.5]


def test_countries_listed_with_figures_pair_one_for_one() -> None:
    """Two countries and two figures joined by "and" pair in order (issue 10)."""
    assert facts("Canada and Spain spent 1.4% and 1.3% of GDP on defence in 2024.") == {
        ("CA", SHARE, 2024, 1.4),
        ("ES", SHARE, 2024, 1.3),
    }


# --- amounts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany spent €90 billion on defence in 2024.", ("DE", 9e10, "EUR", 2024)),
        (
            "The U.S. defense budget of $968 billion is the largest in the alliance.",
            ("US", 9.68e11, "USD", 2025),  # the present tense: the article's year
        ),
        ("Canada spent C$41 billion on defence in 2024.", ("CA", 4.1e10, "CAD", 2024)),
        ("Britain's defence budget rose to £64bn in 2024.", ("GB", 6.4e10, "GBP", 2024)),
        ("NATO allies spent USD 1.3 trillion on defence in 2024.", (ALLIANCE, 1.3e12, "USD", 2024)),
        (
            "The alliance's combined military spending reached €1.1trn in 2024.",
            (ALLIANCE, 1.1e12, "EUR", 2024),
        ),
        ("America spent 968 billion dollars on its military in 2024.", ("US", 9.68e11, "USD", 2024)),
        ("Poland's defence budget was 186 billion zloty last year.", ("PL", 1.86e11, "PLN", 2024)),
    ],
)
def test_amount(text: str, expected: tuple[str, float, str, int | None]) -> None:
    """A country's (or the alliance's) defence spending in money, with its ISO currency."""
    (record,) = records(text)
    year = record.when.year if record.when else None
    assert (record.metric, (record.subject, record.value, record.currency, year)) == (AMOUNT, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany will spend €100 billion on defence next year.", ("DE", 2026, 1e11, "planned")),
        ("The U.S. proposed a defense budget of $1 trillion for 2026.", ("US", 2026, 1e12, "planned")),
    ],
)
def test_planned_amounts_are_facts_with_their_status(
    text: str, expected: tuple[str, int, float, str]
) -> None:
    """A budget for a coming year is a planned amount, not a spent one (issue 10)."""
    (record,) = [r for r in records(text) if r.metric is AMOUNT]
    assert (
        record.subject,
        record.when.year if record.when else None,
        record.value,
        record.status,
    ) == expected


def test_amount_skips_the_other_money_in_an_aside() -> None:
    """Only the defence figure is Germany's spending, not its GDP in the aside."""
    assert facts("Germany, whose GDP is €4.3 trillion, spent €90 billion on defence in 2024.") == {
        ("DE", AMOUNT, 2024, 9e10)
    }


def test_speech_after_the_fact_keeps_it() -> None:
    """A source named after the figure ("NATO said") does not make it someone's claim."""
    assert facts("Canada spent 1.37% of GDP on defence last year, NATO said.") == {("CA", SHARE, 2024, 1.37)}


def test_amount_with_equivalent_and_unknown_date() -> None:
    """Bracketed equivalents ride along; without a document date "last year" stays as written."""
    (record,) = records(
        "Total NATO military expenditure reached around $1.3 trillion (€1.1 trillion) last year.", None
    )
    assert (record.subject, record.approximate, record.equivalents) == (ALLIANCE, True, ["€1.1 trillion"])
    assert record.when is not None
    assert (record.when.text, record.when.year) == ("last year", None)


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. approved $61 billion in aid to Ukraine in 2024.",
        "Germany gave $8 billion in military assistance to Ukraine in 2024.",
        "Germany spent €9 billion on weapons for Ukraine in 2024.",
        "Germany spent €90 billion on infrastructure in 2024.",
        "Poland pledged €50 billion for defence.",
        "NATO allies spent more than $1.3 trillion on defence in 2024.",
        "If Germany spent €100 billion on defence, it would meet the target.",
        "NATO's European members and Canada spent a combined $430 billion on defence in 2024.",
        "Germany's budget of €480 billion includes €52 billion for defence.",
    ],
)
def test_amount_traps(text: str) -> None:
    """Aid, non-defence money, future budgets, pledges, bounds and hypotheticals are not amounts."""
    assert facts(text) == set()


def test_a_part_of_all_allied_spending_is_a_comparison_not_an_amount() -> None:
    """An ally's part of what all allies spend is its comparison with them; the sum beside it is no amount of its own."""
    text = "The US accounts for two thirds of all NATO military spending, at $967.7bn in 2024."
    assert facts(text) == {("US", Metric.COMPARISON, 2024, None)}


# --- allies meeting the target ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to the report, just 22 of NATO’s 32 members met the alliance’s target of spending 2% "
            "of their GDP on defense in 2023—one fewer than previously expected.",
            (22.0, 32, 2.0, 2023),
        ),
        ("Twenty-three of the 32 allies met the 2% target in 2024.", (23.0, 32, 2.0, 2024)),
        ("In 2024, 23 allies met or exceeded the 2 percent guideline.", (23.0, None, 2.0, 2024)),
        ("Eighteen NATO members have met NATO's spending target.", (18.0, None, None, None)),
        ("Of the 31 members, 19 met in 2023 the target of 2 %.", (19.0, 31, 2.0, 2023)),  # total first
    ],
)
def test_allies_meeting_target(
    text: str, expected: tuple[float, int | None, float | None, int | None]
) -> None:
    """How many allies met the target, of how many, which target and when: a fact about NATO."""
    (record,) = [r for r in records(text) if r.metric is ALLIES]
    year = record.when.year if record.when else None
    assert record.subject == ALLIANCE
    assert (record.value, record.total, record.target, year) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23 allies are expected to meet the 2% target this year.", (23.0, 2.0, 2025, "estimate")),
        ("Twenty-three allies will meet the 2% target in 2025.", (23.0, 2.0, 2025, "estimate")),
        ("Ten allies met the target in 2024.", (10.0, None, 2024, "actual")),
    ],
)
def test_forecast_counts_are_estimates(text: str, expected: tuple[float, float | None, int, str]) -> None:
    """A forecast count of allies is kept as an estimate; a count without a named target keeps none (issue 10)."""
    (record,) = [r for r in records(text) if r.metric is ALLIES]
    assert (record.value, record.target, record.when.year if record.when else None, record.status) == expected


@pytest.mark.parametrize(
    "text",
    [
        "More than 20 allies met the 2% target in 2024.",
        "22 of 32 allies did not meet the 2% target in 2023.",
        "In 2024 allies met the 2% target.",
        "22 of the 27 EU countries met the 2% target in 2024.",  # not about NATO
    ],
)
def test_allies_meeting_target_traps(text: str) -> None:
    """Forecasts, bounds, negations, years and other clubs are not counts of allies."""
    assert [r for r in records(text) if r.metric is ALLIES] == []


def test_the_number_of_allies_given_again_for_other_years() -> None:
    """ "The number rose to 9 in 2021 and to 19 in 2023" after a count: the same count, two more years."""
    text = (
        "Only four allies spent 2% or more in 2016. "
        "The number rose to 9 in 2021 and then to 19 in 2023 as budgets grew."
    )
    found = {
        (r.value, r.target, r.when.year if r.when else None) for r in records(text) if r.metric is ALLIES
    }
    assert found == {(4.0, 2.0, 2016), (9.0, 2.0, 2021), (19.0, 2.0, 2023)}


def test_the_number_of_allies_meeting_a_target_names_its_counts() -> None:
    """ "The number of allies meeting the 3% target rose from four in 2026 to 12 in 2028": two counts of 3%."""
    text = "The number of allies meeting the 3% target rose from four in 2026 to 12 in 2028."
    found = {
        (r.value, r.target, r.when.year if r.when else None) for r in records(text) if r.metric is ALLIES
    }
    assert found == {(4.0, 3.0, 2026), (12.0, 3.0, 2028)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19 NATO allies met the guideline in 2023.", (19.0, 2023)),
        ("Nineteen member countries of the alliance reached 2% of GDP in 2023.", (19.0, 2023)),
        (
            "By the end of 2023, 19 countries in the alliance spent at least 2% of GDP on defence.",
            (19.0, 2023),
        ),
    ],
)
def test_counts_of_allies_in_other_words(text: str, expected: tuple[float, int]) -> None:
    """ "NATO allies", "member countries", "spent at least": one count of allies meeting the target."""
    (record,) = [r for r in records(text) if r.metric is ALLIES]
    assert (record.value, record.when.year if record.when else None) == expected


def test_countries_of_the_world_are_no_count_of_allies() -> None:
    """ "60 countries spent at least 2%" with no word of the alliance counts no allies."""
    assert [
        r
        for r in records("Worldwide, 60 countries spent at least 2% of GDP on their armies in 2023.")
        if r.metric is ALLIES
    ] == []


def test_the_number_of_something_else_is_no_count() -> None:
    """ "The number of troops" after a count of allies is not that count."""
    text = "Only four allies spent 2% or more in 2016. The number of troops rose to 9000 in 2021."
    assert [r.value for r in records(text) if r.metric is ALLIES] == [4.0]


def test_a_target_split_in_the_next_sentence_keeps_its_year() -> None:
    """ "At least 4% is for forces, and up to 1% can go to roads" splits the target just stated, by 2034."""
    text = (
        "Leaders agreed a new goal of 5% of GDP by 2034. "
        "At least 4% is for armed forces, and up to 1% can go to roads and ports."
    )
    found = {(r.value, r.when.year if r.when else None, r.status) for r in records(text)}
    assert found == {(5.0, 2034, "target"), (4.0, 2034, "target"), (1.0, 2034, "target")}


def test_a_goal_signed_off_for_a_year_is_the_alliances_target_for_it() -> None:
    """ "Allied leaders signed off on a 4% goal for 2034": the alliance's target, dated by its year."""
    assert facts("Allied leaders signed off on a 4% goal for 2034.") == {(ALLIANCE, SHARE, 2034, 4.0)}


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Allies are expected to adopt a new target of 4% of GDP at the summit in June 2030.", None),
        ("Leaders agreed in Riga in 2027 that 2.5% would be the minimum.", 2027),
    ],
)
def test_a_target_still_to_be_set_is_not_dated_by_the_meeting(text: str, year: int | None) -> None:
    """A target allies are expected to adopt at a meeting was not set on its date; one agreed then was."""
    (record,) = records(text)
    assert (record.subject, record.when.year if record.when else None) == (ALLIANCE, year)


@pytest.mark.parametrize(
    ("text", "value", "year"),
    [
        ("NATO estimates that its members will spend a combined $1.6 trillion in 2026.", 1.6e12, 2026),
        ("Allied governments together budgeted $1.6 trillion for defence in 2026.", 1.6e12, 2026),
    ],
)
def test_the_members_together_are_the_alliance(text: str, value: float, year: int) -> None:
    """ "its members" after NATO, and "allied governments", spending together: the alliance's total."""
    (record,) = records(text)
    assert (record.subject, record.metric, record.value, record.when and record.when.year) == (
        ALLIANCE,
        AMOUNT,
        value,
        year,
    )


def test_a_minimum_the_leaders_made_is_the_alliances_target() -> None:
    """ "In 2027, leaders made 2.5% a minimum": a target set that year."""
    assert facts("In 2027, leaders made 2.5% a minimum rather than a ceiling.") == {
        (ALLIANCE, SHARE, 2027, 2.5)
    }


def test_alliance_wide_spending_is_the_alliances_total() -> None:
    """ "Alliance-wide defence spending is projected to reach $1.6 trillion in 2026" is the total, an estimate."""
    (record,) = records("Alliance-wide defence spending is projected to reach $1.6 trillion in 2026.")
    assert (record.subject, record.metric, record.value, record.status) == (
        ALLIANCE,
        AMOUNT,
        1.6e12,
        "estimate",
    )


def test_defence_ministers_set_the_alliances_target_unless_another_clubs() -> None:
    """Defence ministers agreeing a figure set the alliance's target; EU ministers do not."""
    assert facts("Defence ministers first agreed the 2% figure in 2006.") == {(ALLIANCE, SHARE, 2006, 2.0)}
    assert facts("EU defence ministers agreed a goal of 1.5% of GDP in 2019.") == set()


# --- targets met or missed --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Poland, Greece and the Baltic states met the 2% target in 2024.",
            {(code, MET, 2024, 2.0) for code in ("PL", "GR", "EE", "LV", "LT")},
        ),
        (
            "Poland, Greece and the Baltic states met/exceeded the 2% target in 2024.",
            {(code, MET, 2024, 2.0) for code in ("PL", "GR", "EE", "LV", "LT")},
        ),
        ("Spain failed to meet the 2 percent goal in 2024.", {("ES", MISSED, 2024, 2.0)}),
        ("Canada did not meet NATO's 2% target in 2023.", {("CA", MISSED, 2023, 2.0)}),
        ("Canada didn’t meet NATO's 2% target in 2023.", {("CA", MISSED, 2023, 2.0)}),
        ("Belgium has yet to meet the alliance's 2% guideline.", {("BE", MISSED, None, 2.0)}),
        ("Canada fell short of NATO's spending target.", {("CA", MISSED, None, None)}),
        ("Unlike Poland, Canada fell short of the 2% target in 2023.", {("CA", MISSED, 2023, 2.0)}),
        ("Poland is among the allies that met the 2% target in 2024.", {("PL", MET, 2024, 2.0)}),
        (
            "Countries meeting the 2% goal in 2024 include Finland and Sweden.",
            {("FI", MET, 2024, 2.0), ("SE", MET, 2024, 2.0)},
        ),
        # Ukraine is not an ally: the alliance's target does not apply to it.
        ("Countries missing the 2% goal in 2023 include Spain and Ukraine.", {("ES", MISSED, 2023, 2.0)}),
        ("In 2024 Poland met the 2% target.", {("PL", MET, 2024, 2.0)}),
        # An aside is about the country that opens the clause; a non-ally gets no status.
        ("Poland spent 4.1% of GDP on defence in 2024, well above the 2% target.", {("PL", MET, 2024, 2.0)}),
        ("Japan spent 1.6% of its GDP on defence in 2024, well below NATO's 2% target.", set()),
        # Each claim takes the year written after it.
        (
            "Canada, which missed the 2% target in 2023, met the 2% target in 2024.",
            {("CA", MISSED, 2023, 2.0), ("CA", MET, 2024, 2.0)},
        ),
        (
            "Poland met the 2% target in 2024, but Canada missed the goal.",
            {("PL", MET, 2024, 2.0), ("CA", MISSED, 2024, 2.0)},
        ),
        # An adverb of time between the ally and its verb changes nothing.
        ("Norway first met the NATO guideline of 2% in 2024.", {("NO", MET, 2024, 2.0)}),
        ("Denmark finally reached the 2% target in 2023.", {("DK", MET, 2023, 2.0)}),
    ],
)
def test_target_met_or_missed(text: str, expected: set[tuple[str, Metric, int | None, float | None]]) -> None:
    """Each listed ally gets a met or missed record with the target percent and year."""
    found = {
        (r.subject, r.metric, r.when.year if r.when else None, r.target)
        for r in records(text)
        if r.metric in (MET, MISSED)
    }
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "Only in 2024 did Canada meet the 2% target.",
        "Canada will miss the 2% target this year.",  # an expected meeting is a forecast: see below
        "Countries expected to miss the 2% goal include Belgium and Spain.",
        "If Italy met the 2% target, others would follow.",
        "Rutte met with officials to discuss the 2% target.",
        "Canada's navy missed its recruitment target in 2024.",
        "Canada fell short of the target.",  # which target? nothing to inherit
        "Unlike Poland, Greece and Canada fell short of the 2% target.",  # who is in the list?
        "Canada did not miss the 2% target in 2024.",
        "NATO members met the 2% target in 2024.",
    ],
)
def test_target_traps(text: str) -> None:
    """Negations with "until", plans and forecast misses, hypotheticals and unclear lists yield no status."""
    assert [r for r in records(text) if r.metric in (MET, MISSED)] == []


def test_target_and_year_are_inherited_within_a_section() -> None:
    """A list sentence takes the target and year from the sentence that set them up."""
    text = (
        "Just 22 of NATO’s 32 members met the alliance’s target of spending 2% of their GDP on defense in 2023.\n"
        "Countries missing the goal include Belgium and Spain. Canada also fell short of the target."
    )
    found = {(r.subject, r.metric, r.when.year if r.when else None, r.target) for r in records(text)}
    assert found == {
        (ALLIANCE, ALLIES, 2023, 2.0),
        ("BE", MISSED, 2023, 2.0),
        ("ES", MISSED, 2023, 2.0),
        ("CA", MISSED, 2023, 2.0),
    }


@pytest.mark.parametrize(
    "text",
    [
        # Another section: the target is not inherited across a heading.
        "Just 22 allies met the 2% target in 2023.\n\nOther News\n\nCountries missing the goal include Spain.",
        # Two paragraphs later: too far to be sure.
        "Just 22 allies met the 2% target in 2023.\n\nThe report was late.\n\nIt was short.\n\n"
        "Countries missing the goal include Spain.",
        # A forward-looking target is not the one countries missed.
        "Allies pledged to reach a new target of 3.5% of GDP by 2035. Countries missing the goal include Spain.",
    ],
)
def test_target_not_inherited(text: str) -> None:
    """A bare "the goal" with no target close enough before it yields nothing."""
    assert [r for r in records(text) if r.metric is MISSED] == []


def test_missed_claim_text() -> None:
    """The claim text is the verb and its target, with the negation when there is one."""
    (record,) = [r for r in records("Canada did not meet NATO's 2% target in 2023.") if r.subject == "CA"]
    assert record.as_written == "did not meet NATO's 2% target"


# --- comparisons ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "subject", "claim"),
    [
        (
            "Despite the drop, the U.S. still spends more on defense than all other allies combined.",
            "US",
            "the U.S. still spends more on defense than all other allies combined",
        ),
        (
            "The United States is NATO's largest military spender.",
            "US",
            "The United States is NATO's largest military spender",
        ),
        (
            "Poland spends more on defence than any other ally relative to its GDP.",
            "PL",
            "Poland spends more on defence than any other ally relative to its GDP",
        ),
        ("Germany outspends France on defence.", "DE", "Germany outspends France on defence"),
    ],
)
def test_comparison(text: str, subject: str, claim: str) -> None:
    """A qualitative comparison is its subject's record, with the claim as written."""
    (record,) = records(text)
    assert (record.subject, record.metric, record.as_written) == (subject, COMPARISON, claim)


@pytest.mark.parametrize(
    "text",
    [
        "Germany does not spend more on defence than France.",
        "Spain no longer spends the most on defence.",
        "Rutte's message was more measured than that of former NATO Secretary General Jens Stoltenberg.",
        "Canada spends more on health care than on housing.",
        "Italy spent more than 1.5% of GDP on defence in 2024.",  # a bound, not a comparison
        "Canada and Britain spend more on defence than Spain.",  # the subject is both
    ],
)
def test_comparison_traps(text: str) -> None:
    """Negated, non-spending or misplaced comparisons yield nothing."""
    assert [r for r in records(text) if r.metric is COMPARISON] == []


def test_an_update_note_drops_the_figure_it_corrects() -> None:
    """'corrects the increase to €5bn from €3bn': the €3bn stated earlier is gone (issue 10)."""
    text = (
        "Norway will add an extra €3bn to defence this year.\n\n"
        "UPDATE 1 — corrects the size of the increase to €5bn from €3bn.\n\n"
        "Norway will add an extra €5bn to defence this year."
    )
    assert {r.value for r in records(text) if r.subject == "NO"} == {5e9}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "it" is the ally's government, named with a possessive
            "Slovenia's government said it would lift defence spending to 2.2% of GDP next year.",
            {("SI", SHARE, 2026, 2.2)},
        ),
        (
            "Slovenia's defence ministry said it would raise spending to 2.2% of GDP next year.",
            {("SI", SHARE, 2026, 2.2)},
        ),
        (  # the leader speaks for the ally
            "Slovenia's prime minister, Robert Golob, said he would take defence spending to 2.2% of GDP in 2026.",
            {("SI", SHARE, 2026, 2.2)},
        ),
        (  # "the country" carries the ally of the sentence before
            "Slovenia's parliament passed the budget on Friday. The finance minister said the country would "
            "reach 2.2% of GDP in 2026.",
            {("SI", SHARE, 2026, 2.2)},
        ),
        (  # the alliance's "lowest spender" describes the ally; the alliance owns no figure here
            "Slovenia, the alliance's lowest spender at 1.3%, has asked for more time.",
            {("SI", SHARE, None, 1.3)},
        ),
    ],
)
def test_the_spender_named_through_its_government_leader_or_description(
    text: str, expected: set[Fact]
) -> None:
    """An ally's government, leader or description leads to the ally's own figure (issue 10)."""
    assert facts(text, title="Defence budgets") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Croatia spent 1.8% in 2024. Its spending, currently near 1.9% of GDP, will rise.",
        "Slovakia meets the guideline, while Croatia lags at about 1.9% of GDP.",
    ],
)
def test_a_figure_in_the_present_is_the_articles_year(text: str) -> None:
    """'currently' (even after a sentence about an earlier year), 'lags at': the article's year (issue 10)."""
    assert ("HR", SHARE, 2025, 1.9) in facts(text, title="Defence budgets")


def test_a_table_under_a_heading_on_defence_is_read_when_the_title_does_not_say_so() -> None:
    """A plain-text table whose heading, not the title, names defence spending (issue 10)."""
    text = (
        "## Military expenditure as a share of GDP\n\n"
        "Ally        2023    2024\nCroatia     1.7     1.8\nAlbania     1.7     2.0\n"
    )
    found = facts(text, title="The numbers behind the pledge")
    assert {("HR", SHARE, 2023, 1.7), ("HR", SHARE, 2024, 1.8), ("AL", SHARE, 2024, 2.0)} <= found


def test_a_bare_share_reads_as_spending_when_the_title_speaks_of_budgets() -> None:
    """A bullet under a heading that says nothing: the title ('... budgets') frames the bare percentage."""
    text = "## Three things to know\n\n* Montenegro, at 1.6% in 2024, still trails the rest."
    assert facts(text, title="Defence budgets in the Balkans") == {("ME", SHARE, 2024, 1.6)}


def test_a_live_blog_entry_with_a_bare_share_is_framed_by_the_blogs_spending_entry() -> None:
    """Each entry is a paragraph; an earlier entry on budgets frames 'Slovakia's figure ... is 2%', not inflation."""
    text = (
        "08:30 — Ministers arrive for talks on military budgets.\n\n"
        "08:50 — The family photo is done; the doors are closed.\n\n"
        "09:10 — Slovakia's figure for this year is 2%, its minister says.\n\n"
        "09:45 — Markets: in Germany, inflation was 2.4% in September."
    )
    assert facts(text, title="Live: ministers meet in Brussels") == {("SK", SHARE, 2025, 2.0)}


def test_a_correction_with_the_right_figure_after_a_semicolon() -> None:
    """'we said Slovakia had reached 2%; Kaliňák said 2.05%.': the right figure replaces the wrong one."""
    text = (
        "09:10 — Slovakia has reached 2% of GDP this year, its minister says.\n\n"
        "10:00 — Correction: at 09:10 we said Slovakia had reached 2% of GDP; Kaliňák said 2.05%."
    )
    assert {r.value for r in records(text, title="Live: defence budgets") if r.subject == "SK"} == {2.05}


def test_an_op_ed_about_the_allies_money_frames_its_bare_shares() -> None:
    """No 'defence' anywhere: an op-ed on what the allies spend is still about defence spending."""
    text = (
        "Ten years on, the allies still argue about money and who spends enough.\n\n"
        "Croatia, stuck near 1.8%, shows little urgency. Slovakia points to its 2%."
    )
    found = facts(text, title="Opinion: Europe must pay its way")
    assert {("HR", SHARE, 1.8), ("SK", SHARE, 2.0)} == {(s, m, v) for s, m, _, v in found}


def test_a_government_named_by_its_demonym_is_the_topic_of_the_figures_after_it() -> None:
    """'The Slovak government presented ...' then 'Defence budget 2026: €3.1 billion': the figures are Slovakia's."""
    text = (
        "The Slovak government today presented its defence plan for 2026.\n\n"
        "Key figures:\n- Defence budget 2026: €3.1 billion (2.2% of GDP)\n- Budget 2025: €2.9 billion"
    )
    found = facts(text, title="Press release")
    assert {("SK", AMOUNT, 2026, 3.1e9), ("SK", SHARE, 2026, 2.2), ("SK", AMOUNT, 2025, 2.9e9)} <= found


def test_reaching_the_alliances_named_target_is_the_allys_plan() -> None:
    """'will reach NATO's 2 per cent target this year': the ally's planned share; the alliance owns only its target."""
    for written in ("2 per cent", "2%"):
        text = f"Slovenia will reach NATO's {written} target this year, its prime minister said."
        assert ("SI", SHARE, 2025, 2.0) in facts(text, title="Defence"), written


def test_the_move_announced_before_carries_the_ally_to_its_money() -> None:
    """'Slovenia will raise spending. The move adds €300 million ...': the increase is Slovenia's."""
    text = "Slovenia will raise defence spending, its prime minister said. The move adds €300 million to the budget."
    assert ("SI", Metric.AMOUNT_INCREASE, 3e8) in {(s, m, v) for s, m, _, v in facts(text, title="Defence")}


def test_listed_shares_with_one_unit_belong_to_the_listed_allies_in_order() -> None:
    """'Greece and Turkey spent 3.1 and 2.1 per cent respectively': one unit for the list (issue 10)."""
    found = facts("Greece and Turkey spent 3.1 and 2.1 per cent respectively in 2024.", title="Defence")
    assert found == {("GR", SHARE, 2024, 3.1), ("TR", SHARE, 2024, 2.1)}


@pytest.mark.parametrize(
    "text",
    [
        "Ten years after the Wales pledge, Slovenia spent 1.3% of GDP on defence in 2023.",
        "The goal of Slovenia, which spent 1.3% of GDP in 2023, is to catch up with its neighbours.",
    ],
)
def test_a_goal_named_before_what_was_spent_does_not_make_it_a_target(text: str) -> None:
    """'after the Wales pledge, X spent 1.3%': the pledge dates or frames the sentence; the figure was spent."""
    (record,) = records(text, title="Defence")
    assert (record.when.year if record.when else None, record.status.value if record.status else None) == (
        2023,
        "actual",
    )


@pytest.mark.parametrize(
    ("text", "year", "status"),
    [
        # the ally's own expectation of its spending is its plan
        ("Slovenia's government now expects defence spending of about 2.1% of GDP in 2025.", 2025, "planned"),
        # a past year's approved budget is what that year had
        ("Slovenia's parliament approved a defence budget of 1.4% of GDP for 2023.", 2023, "actual"),
        ("Slovenia's parliament approved a defence budget of 2.2% of GDP for 2026.", 2026, "planned"),
        # the alliance's estimate of an ally's plan is an estimate; a figure called actual is what was spent
        ("The alliance estimates that Slovenia will reach 1.6% of GDP in 2025.", 2025, "estimate"),
        ("According to NATO's latest estimates, Slovenia will spend 1.6% of GDP in 2025.", 2025, "estimate"),
        (
            "Slovenia is estimated to spend 1.6% of GDP in 2025, up from an actual 1.37% in 2024.",
            2024,
            "actual",
        ),
    ],
)
def test_the_status_of_an_expected_or_approved_figure(text: str, year: int, status: str) -> None:
    """'expects defence spending of' is a plan; 'approved' is a plan only for a year not yet over (issue 10)."""
    (record,) = [r for r in records(text, title="Defence") if r.when and r.when.year == year]
    assert record.status is not None and record.status.value == status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Luxembourg has a tiny army, so it spends about 1% of GDP on defence.", ("LU", SHARE, 1.0)),
        (
            "Luxembourg has approved €400 million in extra defence spending for this year.",
            ("LU", Metric.AMOUNT_INCREASE, 4e8),
        ),
    ],
)
def test_the_subject_through_so_it_and_money_in_extra_spending(
    text: str, expected: tuple[str, Metric, float]
) -> None:
    """', so it spends' is the sentence's subject; '€400 million in extra ... spending' is an increase (issue 10)."""
    assert expected in {(s, m, v) for s, m, _, v in facts(text, title="Defence")}


def test_a_pronoun_after_another_country_is_not_the_subjects() -> None:
    """'Croatia criticised Slovenia, and it spends 2%': whose 'it' is unclear, so no figure."""
    assert facts("Croatia criticised Slovenia, and it spends 2% of GDP.", title="Defence") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Allies argue about defence budgets. Backing for a bigger army is 58% in Latvia.",  # no share of GDP is 58%
        "Allies argue about defence budgets. Support for higher military budgets is 4% in Latvia.",
        "Allies argue about defence budgets. Latvia's figure is 4%, a survey of voters found.",
        # a market report beside the defence news: a company's shares are not its country's spending
        "Investors bet on higher military budgets. Croatia's Koncar added 2.8%, and Slovenia's Krka rose 1.9%.",
    ],
)
def test_poll_figures_in_a_defence_article_are_no_allys_spending(text: str) -> None:
    """A poll's share or an implausible share of GDP is never an ally's spending (no invented figures)."""
    assert facts(text, title="Defence budgets") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Were Portugal to reach 2% of GDP, its bill would rise by €1 billion.",
        "Should Portugal spend 2% of GDP on defence, it would need €1 billion more.",
    ],
)
def test_an_inverted_condition_is_hypothetical(text: str) -> None:
    """'Were Portugal to reach 2%': a condition, not Portugal's spending (issue 10)."""
    assert {r for r in facts(text, title="Defence") if r[1] is SHARE} == set()


def test_a_table_of_one_allys_years_is_that_allys() -> None:
    """A report's table with a year per row and a '% of GDP' column: the shares of the ally it is about."""
    text = (
        "Croatia spent 1.8% of GDP on defence in 2024, the ministry's report shows.\n\n"
        "Year     Spending (EUR m)    % of GDP\n\n"
        "2022     1,100          1.6\n2023     1,300          1.7\n"
    )
    found = facts(text, title="Annual report")
    assert {("HR", SHARE, 2022, 1.6), ("HR", SHARE, 2023, 1.7)} <= found
    assert all(s == "HR" for s, *_ in found)


def test_a_figure_the_article_restates_is_one_record_citing_its_first_mention() -> None:
    """'2.0% of GDP in 2024' in the text and '2.00' in its table: one figure, from the sentence."""
    text = (
        "Croatia spent 1.8% of GDP on defence in 2024.\n\n"
        "| Ally | 2023 | 2024 |\n|---|---|---|\n| Croatia | 1.7 | 1.80 |\n"
    )
    found = [r for r in records(text, title="Defence") if r.when and r.when.year == 2024]
    assert [(r.subject, r.value, r.passage) for r in found] == [("HR", 1.8, 0)]


def test_from_a_to_b_between_two_years_dates_each_end() -> None:
    """'rose from 1.6% to 1.9% of GDP between 2023 and 2024': 1.6% is 2023's, 1.9% is 2024's (issue 10)."""
    found = facts("Croatia's outlays rose from 1.6% to 1.9% of GDP between 2023 and 2024.", title="Defence")
    assert {(y, v) for s, m, y, v in found if s == "HR"} == {(2023, 1.6), (2024, 1.9)}


def test_core_defence_is_defence() -> None:
    """'on core defence' is what the money is for, not something else (issue 10)."""
    found = facts("Croatia will spend 3.5% of GDP on core defence by 2030, two years early.", title="Defence")
    assert found == {("HR", SHARE, 2030, 3.5)}


def test_a_caveat_under_a_table_that_names_a_column_marks_that_columns_figures_estimates() -> None:
    """'The 2026 column holds early estimates' below the table: its cells are estimates, the others actual."""
    text = (
        "Defence spending as a share of GDP:\n\n"
        "| Ally | 2024 | 2025 | 2026 |\n|---|---|---|---|\n| Slovenia | 1.29% | 1.37% | 1.52% |\n"
        "| Croatia | 1.81% | 1.84% | 2.01% |\n\n"
        "Notes\n\nThe 2026 column holds early estimates from the finance ministries and may change."
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.status.value if r.status else None)
        for r in records(text, date="2027-02-01")
    }
    assert found == {
        (code, year, "estimate" if year == 2026 else "actual")
        for code in ("SI", "HR")
        for year in (2024, 2025, 2026)
    }


@pytest.mark.parametrize(
    "text",
    [
        # a company's margin or its share of revenue, however near a country's name or demonym
        "Kongsberg, the Norwegian arms maker, reported an operating margin of 9.4 percent in 2024.",
        "Slovenia's state shipyard said navy orders accounted for 3.1 percent of group revenue growth in 2024.",
        # a time still to come, in the present tense: a condition, not a figure
        "When Slovenia reaches 2% that will be welcome, but it is a floor, not a ceiling.",
        # no date set for a level is no figure
        "Ljubljana has set no date for reaching 2%.",
        # an option looked at is no decision
        "The minister said Slovenia was looking at 1.8 percent for 2026, and that nothing had been decided.",
        "The government in Ljubljana is weighing a rise to 1.8 percent of GDP.",
    ],
)
def test_what_is_not_an_allys_spending(text: str) -> None:
    """Business figures and conditions are nobody's defence spending (issue 10)."""
    assert records(text, title="Defence spending") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "edged up to": where the share went, not an upper bound
        ("By 2019 Slovenia had edged up to 1.06 percent of GDP.", {("SI", SHARE, 2019, 1.06)}),
        # the line crossed is no figure; the share it was crossed with is
        ("Slovenia finally crossed 2% in 2024, at 2.1%, thanks to a new fund.", {("SI", SHARE, 2024, 2.1)}),
        # "we" after a clause about another ally is the speaker's side, never that ally
        ("Croatia spent 1.8% in 2024, we were at 1.3%.", {("HR", SHARE, 2024, 1.8)}),
        # a bounded rise is a change, not a share, and no bound above 10% is a share of GDP
        (
            "Slovenia spent 1.4% of GDP in 2024, after a rise of more than 40% in three years.",
            {("SI", SHARE, 2024, 1.4)},
        ),
    ],
)
def test_the_share_a_sentence_gives_and_whose_it_is(text: str, expected: set[Fact]) -> None:
    """A rise's destination is a value, a crossed line is not, and "we" is not the ally named before (issue 10)."""
    assert facts(text, title="Defence spending") == expected


def test_an_amount_converted_in_brackets_is_one_figure_dated_by_what_follows_the_brackets() -> None:
    """'NOK 100bn ($9.4bn) for 2026': one budget for 2026, the dollars its equivalent, not a second figure."""
    text = "Norway's parliament approved a defence budget of NOK 100bn ($9.4bn) for 2026."
    (record,) = records(text, title="Defence spending")
    assert (record.subject, record.currency, record.value, record.when.year if record.when else None) == (
        "NO",
        "NOK",
        1e11,
        2026,
    )
    assert (record.status, record.equivalents) == (FigureStatus.PLANNED, ["$9.4bn"])


def test_a_target_met_is_dated_by_its_year_not_the_day_it_was_said() -> None:
    """'..., the ministry said on Monday, meeting NATO's guideline': met in that year, not on that Monday."""
    text = (
        "LJUBLJANA - Slovenia will spend 2.05 percent of its GDP on defence this year, the defence ministry"
        " said on Monday, meeting NATO's guideline for the first time."
    )
    (met,) = [r for r in records(text, date="2026-11-04", title="Defence") if r.metric is Metric.TARGET_MET]
    assert met.when is not None and (met.when.year, met.when.month, met.when.day) == (2026, None, None)


def test_a_by_the_numbers_entry_is_the_spending_of_the_ally_its_words_name() -> None:
    """'1.9% — Slovenia's estimated defence spending this year': each line its own; a rise, a target
    and a count are nobody's spending."""
    article = read_article(
        (Path(__file__).parent / "articles" / "by-the-numbers.txt").read_text(encoding="utf-8")
    )
    found = {
        (r.subject, r.metric, r.when.year if r.when else None, r.value, r.status.value if r.status else None)
        for r in extract_spending(article)
        if r.subject != ALLIANCE
    }
    assert found == {
        ("SI", SHARE, 2031, 1.9, "estimate"),
        ("SI", SHARE, 2030, 1.6, "actual"),
        ("HR", Metric.AMOUNT, 2032, 1.4e9, "planned"),
    }


SPEECH = (
    "Minister of Defence Ana Novak delivered the following remarks to Slovenia's parliament on Tuesday.\n\n"
    "Honourable members, thank you for the opportunity to present the defence budget.\n\n"
    "Our country has never taken its freedom for granted. Last year we spent 1.4% of our gross domestic"
    " product on defence. This year we will spend 1.7%.\n\n"
    "We will spend 1.2 billion euros in 2032. By 2035, we will keep spending at no less than 3% of GDP.\n\n"
    "I ask you to support this budget. Thank you."
)


def test_a_ministers_speech_in_the_first_person_is_read_for_the_ally_she_speaks_for() -> None:
    """Prepared remarks with no quotation marks: "we" is the ally the title and opening name."""
    found = {
        (
            r.subject,
            r.metric,
            r.when.year if r.when else None,
            r.value,
            r.as_written,
            r.status.value if r.status else None,
        )
        for r in extract(
            read_article(
                f"Title: Prepared remarks of the Minister of Defence on the budget\nDate: 2031-02-04\n\n{SPEECH}"
            )
        ).spending
    }
    assert found == {
        ("SI", SHARE, 2030, 1.4, "1.4%", "actual"),
        ("SI", SHARE, 2031, 1.7, "1.7%", "planned"),
        ("SI", AMOUNT, 2032, 1.2e9, "1.2 billion euros", "planned"),
        ("SI", SHARE, 2035, None, "no less than 3%", "planned"),
    }


def test_first_person_words_without_a_speech_title_name_no_ally() -> None:
    """The same words under a title that does not say they are the minister's own: "we spent" is nobody's."""
    spending = extract(read_article(f"Title: Defence budget debate\nDate: 2031-02-04\n\n{SPEECH}")).spending
    assert not any(r.value in (1.4, 1.7, 1.2e9) for r in spending)


def test_an_amount_in_an_allys_own_currency_is_that_allys_and_so_is_its_share() -> None:
    """After a sentence about the United States, "spending will reach C$81.8 billion, or about 2.1% of
    GDP" is Canada's: the Canadian dollars say whose, and the share restates the amount."""
    text = (
        "The United States spent 3.4% of GDP on defence in 2024.\n\n"
        "Finance officials estimate that defence spending will reach C$81.8 billion in 2027, or about 2.1% of GDP."
    )
    found = {
        (r.subject, r.metric, r.value, r.status)
        for r in records(text, title="Defence spending")
        if r.value != 3.4
    }
    assert found == {
        ("CA", Metric.AMOUNT, 81.8e9, FigureStatus.ESTIMATE),
        ("CA", SHARE, 2.1, FigureStatus.ESTIMATE),
    }


def test_after_a_paragraph_comparing_allies_the_government_is_the_titles_ally() -> None:
    """ "Poland spent 4.1%, Estonia 3.4%. Greece, at 3.1%, was also ahead." then, in a new paragraph,
    "The government has promised 2.5% by 2027": Britain's, the ally of the title, not Greece's."""
    text = (
        "Several allies spent a larger share than Britain in 2024. Poland spent 4.1%, Estonia 3.4% and"
        " Latvia 3.1%. Greece, at 3.1%, was also ahead.\n\n"
        "The government has promised to raise spending to 2.5% of GDP by 2027."
    )
    found = {(r.subject, r.value) for r in records(text, title="Did Britain really spend 3% on defence?")}
    assert ("GB", 2.5) in found and ("GR", 2.5) not in found


@pytest.mark.parametrize(
    "text",
    [
        # a claim someone made, which the article goes on to test
        "A politician told a television audience on Sunday that Slovenia already spends more on defence than"
        " almost any ally.",
    ],
)
def test_a_claim_or_an_argument_is_no_figure(text: str) -> None:
    """What someone claims or argues about a level is no spending fact of the ally."""
    assert records(text, title="Defence spending") == []


def test_a_figure_restated_without_its_year_keeps_the_year_first_given() -> None:
    """ "Slovenia spent 1.37% in 2024 ... Slovenia's figure of 1.37% is below the 3.5% target leaders agreed
    in 2025": one figure, of 2024, not a second one of 2025."""
    text = (
        "Slovenia spent 1.37% of GDP on defence in 2024.\n\n"
        "“We will catch up,” the minister said on Monday.\n\n"
        "Slovenia's figure of 1.37% is well below the 3.5% core target leaders agreed in 2025."
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.value)
        for r in records(text, date="2025-03-18", title="Defence")
    }
    assert found == {("SI", 2024, 1.37)}


def test_a_declarations_target_keeps_its_deadline_past_an_aside() -> None:
    """ "Allies will allocate at least 3.5% of GDP annually, based on the agreed definition of NATO
    defence expenditure, by 2035": the alliance's target, due by 2035."""
    text = (
        "Allies will allocate at least 3.5% of GDP annually, based on the agreed definition of NATO defence"
        " expenditure, by 2035 to resource core defence requirements."
    )
    assert [
        (r.subject, r.value, r.when.year if r.when else None) for r in records(text, title="Declaration")
    ] == [(ALLIANCE, 3.5, 2035)]


def test_at_the_time_takes_the_year_of_the_sentence_before() -> None:
    """ "... on 4-5 September 2031 ... At the time, only two allies met that mark: Slovenia and Croatia":
    met in 2031, not undated; "The same year, Croatia spent 2.2%" likewise."""
    text = (
        "At the summit in Ljubljana on 4-5 September 2031, leaders promised to spend 2 percent of GDP on"
        " defence. At the time, only two allies met that mark: Slovenia and Croatia.\n\n"
        "In 2030 Slovenia spent 1.9% of GDP. The same year, Croatia spent 2.2% of GDP."
    )
    found = {
        (r.subject, r.metric, r.when.year if r.when else None, r.value)
        for r in records(text, date="2041-10-15", title="Ten years of the pledge")
        if r.subject != ALLIANCE
    }
    assert found == {
        ("SI", MET, 2031, None),
        ("HR", MET, 2031, None),
        ("SI", SHARE, 2030, 1.9),
        ("HR", SHARE, 2030, 2.2),
    }


def test_just_shy_of_a_line_is_a_bound_and_a_range_of_allies_no_count() -> None:
    """ "came in just shy of 2 percent" is below 2%, never 2%; "some 25 or 26 allies" is no count."""
    found = records(
        "Slovenia came in just shy of 2 percent in 2030.\n\n"
        "Across the alliance, some 25 or 26 allies are thought to have met the 2 percent guideline in 2030.",
        date="2031-03-01",
        title="Defence spending explained",
    )
    assert [(r.subject, r.value, r.as_written) for r in found if r.subject == "SI"] == [
        ("SI", None, "just shy of 2 percent")
    ]
    assert not any(r.metric is Metric.ALLIES_MEETING_TARGET for r in found)


def test_a_deadline_is_not_the_year_the_text_is_about() -> None:
    """After "Estonia promised to reach 3% by 2024", "Greece sits at around 3 percent" is in the
    article's year: a deadline sets no year in context for the figures after it."""
    found = records(
        "Estonia promised to reach 3% by 2024, and did.\n\nGreece, long a high spender, sits at around 3 percent.",
        date="2025-05-01",
        title="Defence spending",
    )
    assert [(r.when.year if r.when else None) for r in found if r.subject == "GR"] == [2025]


def test_it_after_a_said_with_a_time_is_the_ally_and_the_base_of_a_rise_is_no_plan() -> None:
    """ "Slovenia announced last week that it will raise defence spending to 1.6 percent of GDP next
    year, up from 1.4 percent this year": Slovenia's plan, and this year's 1.4% as the estimate it is."""
    text = (
        "Slovenia announced last week that it will raise defence spending to 1.6 percent of GDP next year,"
        " up from 1.4 percent this year.\n\nCroatia said last month it had reached 1.9 percent of GDP this year."
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.value, r.status)
        for r in records(text, date="2031-10-03", title="Allies review spending plans")
    }
    assert found == {
        ("SI", 2032, 1.6, FigureStatus.PLANNED),
        ("SI", 2031, 1.4, FigureStatus.ESTIMATE),
        ("HR", 2031, 1.9, FigureStatus.ESTIMATE),
    }


def test_an_ally_telling_the_allies_its_plan_sets_no_alliance_target() -> None:
    """ "Ljubljana has told allies it will reach 2 percent by 2030": Slovenia's plan, never a target of
    the alliance's."""
    found = records("Ljubljana has told allies it will reach 2 percent by 2030.", title="Defence spending")
    assert [(r.subject, r.value, r.when.year if r.when else None) for r in found] == [("SI", 2.0, 2030)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "a £4.95 billion uplift" is an increase, not the budget
        (
            "Britain pointed to a £4.95 billion uplift for 2024-25.",
            ("GB", Metric.AMOUNT_INCREASE, 4.95e9, "£4.95 billion"),
        ),
        # "at or above 2 percent" is a bound, kept whole
        (
            "Slovenia has pledged to keep spending at or above 2 percent until 2032.",
            ("SI", SHARE, None, "at or above 2 percent"),
        ),
    ],
)
def test_what_kind_of_figure_a_phrase_makes(text: str, expected: tuple[object, ...]) -> None:
    """An uplift is an increase; "at or above" is a lower bound, not "above"."""
    (record,) = records(text, date="2024-03-14", title="Defence spending")
    assert (record.subject, record.metric, record.value, record.as_written) == expected


def test_the_year_in_context_is_not_the_year_a_figure_is_compared_with() -> None:
    """ "All 32 allies met the guideline in 2030, compared with 22 in 2029." then "Slovenia topped the
    table at 4.48 percent of GDP": 2030, the year the text is about, not the base year."""
    text = (
        "All 32 allies met the 2 percent guideline in 2030, compared with 22 in 2029.\n\n"
        "Slovenia again topped the table at 4.48 percent of GDP."
    )
    found = records(text, date="2031-03-19", title="Annual report")
    assert [(r.when.year if r.when else None) for r in found if r.subject == "SI"] == [2030]


def test_crowns_are_the_spenders_and_a_path_to_a_share_is_a_target() -> None:
    """ "160.5 billion crowns" in a Czech budget are koruny; "a path to 3 percent by the end of the decade"
    is a target for 2030, not a share of the year named before it."""
    text = (
        "The Czech Chamber of Deputies approved a 2026 budget that allocates 160.5 billion crowns to defence,"
        " equal to 2.1 percent of GDP.\n\n"
        "The plan, up from 2.0 percent last year, would include a path to 3 percent by the end of the decade."
    )
    found = {
        (r.subject, r.currency, r.value, r.when.year if r.when else None, r.status)
        for r in records(text, date="2025-11-27", title="Czech parliament passes defence budget")
    }
    assert ("CZ", "CZK", 160.5e9, 2026, FigureStatus.PLANNED) in found
    assert ("CZ", None, 3.0, 2030, FigureStatus.TARGET) in found


def test_a_written_year_sets_the_context_over_when_something_was_published() -> None:
    """ "The chart shows spending for five allies in 2030, based on estimates published last month." then
    "The chart puts Slovenia's spending at 1.42% of GDP": 2030, not the article's year."""
    text = (
        "The chart below shows defence spending as a share of economic output for five allies in 2030, based"
        " on NATO's own estimates published last month.\n\n"
        "Croatia is far ahead. The chart puts Slovenia's spending at 1.42% of GDP."
    )
    found = records(text, date="2031-03-11", title="Reality Check: defence spending")
    assert [(r.subject, r.when.year if r.when else None) for r in found] == [("SI", 2030)]


def test_a_table_with_a_share_column_takes_the_year_of_its_title() -> None:
    """'| Ally | Share of GDP | Meets 2%? |' under 'Where the allies stand in 2024': each row's share, 2024's."""
    text = (
        "| Ally | Share of GDP | Meets 2%? |\n|---|---:|---|\n"
        "| Croatia | 1.81% | No |\n| Albania | 2.02% | Yes |\n"
    )
    found = facts(text, title="Where the allies stand on defence in 2024")
    assert found == {("HR", SHARE, 2024, 1.81), ("AL", SHARE, 2024, 2.02)}


def test_a_long_table_under_a_header_of_words_is_read_whatever_its_count_of_figures() -> None:
    """Nine rows of a share and an amount under '| Ally | Share of GDP | Spending |': every row's share,
    though the table holds more figures than a sentence may (a header of words opens a table too)."""
    allies = ["Poland", "Lithuania", "Latvia", "Estonia", "Denmark", "Norway", "Germany", "Italy", "France"]
    rows = "".join(f"| {ally} | {4 - n / 10:.2f}% | €{10 + n}bn |\n" for n, ally in enumerate(allies))
    text = "| Ally | Share of GDP | Spending |\n|---|---|---|\n" + rows
    found = {
        (code, year, value)
        for code, metric, year, value in facts(text, title="Allies in 2025")
        if metric is SHARE
    }
    assert found == {
        ("PL", 2025, 4.0),
        ("LT", 2025, 3.9),
        ("LV", 2025, 3.8),
        ("EE", 2025, 3.7),
        ("DK", 2025, 3.6),
        ("NO", 2025, 3.5),
        ("DE", 2025, 3.4),
        ("IT", 2025, 3.3),
        ("FR", 2025, 3.2),
    }
    # the "Spending" column beside the share holds the same year's money
    codes = ["PL", "LT", "LV", "EE", "DK", "NO", "DE", "IT", "FR"]
    amounts = {
        (r.subject, r.when.year if r.when else None, r.as_written)
        for r in records(text, title="Allies in 2025")
        if r.metric is Metric.AMOUNT
    }
    assert amounts == {(code, 2025, f"€{10 + n}bn") for n, code in enumerate(codes)}


def test_a_report_cards_verbless_lines_are_the_graded_allys() -> None:
    """'Canada (C-). Exactly 2.0%.': a line that is only its figure belongs to the ally just named."""
    text = (
        "I grade the allies on defence spending; the figures are for last year, 2026.\n\n"
        "Canada (C-). Exactly 2.0%. Ottawa took its time.\n\nBelgium (D). Still just under 2%.\n"
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.as_written)
        for r in records(text, date="2027-03-15", title="Report card")
    }
    assert found == {("CA", 2026, "2.0%"), ("BE", 2026, "just under 2%")}


def test_a_ranked_lines_figure_that_opens_a_sentence_alone_is_the_ranked_allys() -> None:
    """'2. Lithuania (86). 4.0%, and a law ...', '31. Spain (22). Officially 2.0%.': an index's ranked
    line; a sentence that opens with a figure and goes on about something else is no such line."""
    text = (
        "The index scores the allies on defence spending; the figures are for last year, 2025.\n\n"
        "2. Lithuania (86). 4.0%, and a law that sets a floor.\n\n31. Spain (22). Officially 2.0%. Madrid waits.\n\n"
        "12. Italy (50). 2% was the goal agreed in 2014.\n"
    )
    found = {(r.subject, r.when.year if r.when else None, r.value) for r in records(text, date="2026-02-17")}
    assert found == {("LT", 2025, 4.0), ("ES", 2025, 2.0)}


def test_a_standing_note_may_name_its_year_as_last_year() -> None:
    """'Spending figures are our estimates for last year unless stated otherwise': an undated line's
    figure is last year's, though the line before spoke of this year's budget."""
    text = (
        "Spending figures are our estimates for last year unless stated otherwise.\n\n"
        "1. Poland (91). Core spending of 4.48% of GDP, and a 2026 budget built around 4.8%.\n\n"
        "2. Lithuania (86). 4.0%, and a law that sets a floor.\n"
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.value)
        for r in records(text, date="2026-02-17", title="Defence spending index")
    }
    assert ("LT", 2025, 4.0) in found and ("PL", 2025, 4.48) in found


def test_a_clause_on_the_allys_money_then_a_colon_gives_its_figures() -> None:
    """'Germany (B+). Loosening the debt brake unlocked the cash: 3.1% last year, with 3.5% planned for
    2029.': the figures after the colon are the graded ally's (a debt brake is a rule, not debt)."""
    text = (
        "I grade the allies on defence spending.\n\nGermany (B+). Loosening the debt brake unlocked the cash:"
        " 3.1% last year, with 3.5% planned for 2029.\n"
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.value)
        for r in records(text, date="2027-03-15", title="Report card")
    }
    assert found == {("DE", 2026, 3.1), ("DE", 2029, 3.5)}


def test_a_share_column_with_a_bound_and_a_missing_cell_is_still_a_table() -> None:
    """A row whose cell is a bound ("just under 2") and one with "n/a" keep the table a table: the
    bound is stored as a bound, the missing figure as nothing."""
    text = (
        "The figures are NATO estimates for last year, 2026.\n\n"
        "Ally | % of GDP | Trend | Grade\nGermany | 3.1 | rising | B+\n"
        "Belgium | just under 2 | flat | D\nPortugal | n/a | n/a | Incomplete\n"
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.value, r.as_written)
        for r in records(text, date="2027-03-15", title="Defence report card")
    }
    assert found == {("DE", 2026, 3.1, "3.1%"), ("BE", 2026, None, "just under 2%")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At 1.9% of GDP, Croatia is still below the line.", {("HR", SHARE, 2025, 1.9)}),
        ("With spending of 2.1% of GDP, Albania ranks tenth.", {("AL", SHARE, 2025, 2.1)}),
        ("At 2%, the guideline is too low, Croatia says.", set()),  # the fronted figure is the guideline's
    ],
)
def test_a_sentence_that_opens_with_its_figure(text: str, expected: set[Fact]) -> None:
    """'At 1.9% of GDP, Croatia is ...': the subject after the fronted phrase owns the figure (issue 10)."""
    assert {f for f in facts(text, title="Defence") if f[1] is SHARE} == expected


def test_a_present_verb_after_an_aside_dates_the_figure_to_the_articles_year() -> None:
    """'Croatia's expenditure, at 1.9 per cent of GDP, exceeds ...': the present, the article's year."""
    assert facts("Croatia's expenditure, at 1.9 per cent of GDP, exceeds Slovenia's.", title="Defence") == {
        ("HR", SHARE, 2025, 1.9)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Croatia's defence spending will rise to €2.5bn by 2027.", {("HR", AMOUNT, 2027, 2.5e9)}),
        ("Croatia's defence budget rose by €300m in 2024.", {("HR", Metric.AMOUNT_INCREASE, 2024, 3e8)}),
        (  # the year compared with is the base, not the increase's year
            "Croatia spent 1.8% of GDP on defence in 2024. Compared with 2023, its budget rose by €300m.",
            {("HR", SHARE, 2024, 1.8), ("HR", Metric.AMOUNT_INCREASE, 2024, 3e8)},
        ),
    ],
)
def test_a_level_by_a_deadline_and_a_rise_by_an_amount(text: str, expected: set[Fact]) -> None:
    """'to €2.5bn by 2027' is a level with its year; 'rose by €300m' is an increase (issue 10)."""
    assert facts(text, title="Defence") == expected


def test_a_gapped_clause_after_a_semicolon_takes_the_verb_and_year_before() -> None:
    """'Croatia spent 1.8% last year; Slovenia, just 1.3%': Slovenia's 1.3% is last year's too (issue 10)."""
    found = facts("Croatia spent 1.8% of GDP last year; Slovenia, just 1.3%.", title="Defence")
    assert found == {("HR", SHARE, 2024, 1.8), ("SI", SHARE, 2024, 1.3)}
    # an elided possessive: "Bulgaria's [outlays] at 2.2%"
    found = facts(
        "Croatia's outlays were set at 1.9% of GDP for next year; Slovenia's at 1.5%.", title="Defence"
    )
    assert found == {("HR", SHARE, 2026, 1.9), ("SI", SHARE, 2026, 1.5)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Croatia wants Slovenia to spend 3% of GDP.", set()),  # a demand, not Slovenia's spending
        ("The US president demanded that Slovenia spend 5% of its GDP on defence.", set()),
        ("Washington is pressing Ljubljana to reach 2% of GDP this year.", set()),
        # the subject's own aim, and its "expenses" after its sentence
        (
            "Slovenia spent 1.3% of GDP in 2024. By 2030 the government wants to reach 3%.",
            {("SI", SHARE, 2024, 1.3), ("SI", SHARE, 2030, 3.0)},
        ),
        (
            "Slovenia will spend 2% of GDP this year. In 2024 the expenses were 1.3% of GDP.",
            {("SI", SHARE, 2025, 2.0), ("SI", SHARE, 2024, 1.3)},
        ),
        # the ally compared with is no owner; the second figure of "X against Y" is a guess
        ("Slovenia, like Croatia, spends about 1.4%.", {("SI", SHARE, 2025, 1.4)}),
        ("Slovenia is behind Croatia on spending, at 1.3% of GDP.", {("SI", SHARE, 2025, 1.3)}),
        ("Croatia spends more than Slovenia, at 1.8% against 1.3%.", {("HR", SHARE, 2025, 1.8)}),
        # a relative clause with a thousands comma is one aside: the ally inside it owns nothing
        ("Japan, which hosts 54,000 American troops, plans to reach 2% by 2027.", set()),
    ],
)
def test_demands_and_comparisons_hand_no_figure_to_the_wrong_ally(text: str, expected: set[Fact]) -> None:
    """What one party asks of an ally, or the ally a figure is compared with, never owns it (issue 10)."""
    assert {f for f in facts(text, title="Defence") if f[1] is SHARE} == expected


def test_a_factbox_in_capitals_with_last_years_figure_in_brackets() -> None:
    """'* CROATIA - 1.81% (1.79%)' under 'estimates for 2025, the 2024 figure in brackets' (issue 10)."""
    text = (
        "Below are the alliance's estimates for 2025, with the 2024 figure in brackets.\n\n"
        "* CROATIA - 1.81% (1.79%)\n\n* NORTH MACEDONIA - 2.01% (1.86%)"
    )
    assert facts(text, title="FACTBOX: Defence spending") == {
        ("HR", SHARE, 2025, 1.81),
        ("HR", SHARE, 2024, 1.79),
        ("MK", SHARE, 2025, 2.01),
        ("MK", SHARE, 2024, 1.86),
    }


def test_an_amount_over_several_years_is_no_years_budget() -> None:
    """'a plan lifting spending to €20 billion over 12 years' in a 2024 article is not 2024's budget."""
    text = (
        "June: Croatia reached 1.8% of GDP this year.\n\n"
        "December: Croatia's government agreed a long-term plan lifting spending to €20 billion over 12 years."
    )
    found = records(text, date="2024-12-30", title="Defence: the year in review")
    assert [(r.subject, r.when, r.value) for r in found if r.metric is AMOUNT] == [("HR", None, 2e10)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Croatia will boost its military budget to €2.5 billion next year.", {("HR", AMOUNT, 2026, 2.5e9)}),
        ("Croatia announced a €500m boost to its defence budget.", set()),  # a change, not a level
        # the year before "up from" is the first figure's: the second has none written
        (
            "Croatia spent 1.8% of GDP in 2024, up from 1.7%.",
            {("HR", SHARE, 2024, 1.8), ("HR", SHARE, None, 1.7)},
        ),
    ],
)
def test_a_boost_to_a_level_and_the_base_of_up_from(text: str, expected: set[Fact]) -> None:
    """'will boost its budget to €2.5 billion' is a level; 'up from 1.7%' takes no year it was not given (issue 10)."""
    assert {f for f in facts(text, title="Defence") if f[1] in (SHARE, AMOUNT)} == expected


def test_a_target_met_is_no_target_of_the_figure_after_it() -> None:
    """'Zagreb says it now meets the 2% target, spending €2.1 billion': the money is spent, not aimed at."""
    (record,) = [
        r
        for r in records("Zagreb says it now meets the 2% target, spending €2.1 billion.", title="Defence")
        if r.metric is AMOUNT
    ]
    assert (record.subject, record.status) == ("HR", FigureStatus.ACTUAL)


def test_an_ally_insisting_on_its_own_figure_states_it() -> None:
    """'Zagreb insists its 1.9% is enough': Croatia's own figure (insisting is no demand of others)."""
    found = facts("Zagreb insists its 1.9% is enough.", title="Defence spending")
    assert {(s, v) for s, m, _, v in found} == {("HR", 1.9)}


def test_a_league_table_of_the_alliance_owns_nothing_and_exceeds_is_a_bound() -> None:
    """'Croatia tops NATO's league table with outlays worth 3.1% of GDP'; 'exceeds €3 billion' is a bound."""
    found = records(
        "Croatia tops NATO's league table with defence outlays worth 3.1% of GDP. "
        "For the first time, Croatia's defence budget exceeds €3 billion.",
        title="Defence",
    )
    assert {(r.subject, r.metric, r.value, r.as_written) for r in found} == {
        ("HR", SHARE, 3.1, "3.1%"),
        ("HR", AMOUNT, None, "exceeds €3 billion"),
    }


def test_a_correction_whose_next_sentence_is_only_what_the_source_said_gives_the_right_figure() -> None:
    """'An earlier version ... €8.2 billion. Minister Dufour said €8.6 billion.' stores €8.6 billion (issue 10)."""
    text = (
        "Belgium will spend €8.2 billion on defence in 2026, the government said.\n\n"
        "Correction: An earlier version of this post said Belgium would spend €8.2 billion on defence in 2026. "
        "Minister Dufour said €8.6 billion."
    )
    assert {r.value for r in records(text, title="Live: budgets") if r.subject == "BE"} == {8.6e9}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow, by Polish estimates, will spend more than 6% of GDP on its military this year.", set()),
        (
            "Poland's defence spending stood at 2.2% of GDP in 2021, before Russia's full-scale invasion, and at 3.9% in 2023.",
            {("PL", SHARE, 2021, 2.2), ("PL", SHARE, 2023, 3.9)},
        ),
    ],
)
def test_mentions_that_are_not_spenders_are_passed_over(text: str, expected: set[Fact]) -> None:
    """A demonym after a preposition or a possessive of something else names no spender (issue 10)."""
    assert facts(text) == expected


def test_a_bare_guideline_in_a_defence_article_is_the_spending_target() -> None:
    """'remain below the line' / 'has never reached the guideline' in a defence article: missed (issue 10)."""
    text = "Allies raised defence spending again. Albania and Croatia remain below the line. Slovenia has never reached the guideline."
    found = {(r.subject, r.metric, r.when.year if r.when else None) for r in records(text, title="Defence")}
    assert {("AL", MISSED, 2025), ("HR", MISSED, 2025)} <= found
    assert ("SI", MISSED, None) in found  # never: in no year


def test_a_country_name_broken_by_a_pdf_line_hyphen_still_owns_its_figure() -> None:
    """'The Nether-\\nlands ... spending 2.05% of GDP' is the Netherlands', never the ally before it."""
    text = "Denmark spent 2.4% of GDP on defence in 2024.\n\nThe Nether-\nlands crossed the guideline, spending 2.05% of GDP in 2024."
    found = {(r.subject, r.value) for r in records(text, title="Defence report") if r.metric is SHARE}
    assert ("NL", 2.05) in found and ("DK", 2.05) not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A growth rate before the amount is the change; the amount after "to" is the level.
        ("Norway's defence spending rose by 19% to $9.1bn in 2024.", {("NO", AMOUNT, 2024, 9.1e9)}),
        # "rise to" is a level, "a rise of" a change.
        (
            "Total defence spending in Denmark will rise to about $11.2 billion in 2025.",
            {("DK", AMOUNT, 2025, 1.12e10)},
        ),
        ("Danish defence spending got a rise of $2 billion in 2025.", set()),
    ],
)
def test_a_change_before_an_amount_does_not_hide_the_level(text: str, expected: set[Fact]) -> None:
    """Only the words from the figure before count as the amount's change words."""
    assert {f for f in facts(text) if f[1] is AMOUNT} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A government's own plan, in its minister's words, with the spender named in the quotation.
        (
            "\u201cSlovakia will spend 2.4% of GDP on defence this year,\u201d the defence minister said.",
            {("SK", SHARE, 2025, 2.4)},
        ),
        # What a speaker says another country spent is the speaker's claim, not a fact.
        (
            "\u201cSpain spent 1.3% of GDP on defence last year, far too little,\u201d the senator said.",
            set(),
        ),
        # A figure in quotation marks never goes to a country named outside them.
        (
            "Greece said: \u201cTurkey will spend 3% of GDP on defence in 2026.\u201d",
            {("TR", SHARE, 2026, 3.0)},
        ),
        ("Greece, the minister said, \u201cwill spend 3% of GDP on defence in 2026.\u201d", set()),
    ],
)
def test_quoted_figures_are_read_only_as_a_plan_the_quotation_names(text: str, expected: set[Fact]) -> None:
    """Someone's words yield a planned figure for a spender they name, and nothing else."""
    assert {f for f in facts(text, title="Defence spending") if f[1] is SHARE} == expected


def test_a_restated_plan_keeps_its_year_and_status_and_the_next_clause_has_its_own() -> None:
    """ "4.7% this year, or about 187 billion": one plan in two units; ", and next year's" opens another."""
    found = records(
        "Warsaw says it will spend 4.2% on defence this year, or about 160 billion zloty, and next "
        "year\u2019s total would be 175 billion zloty, the finance ministry said.",
        date="2025-03-01",
    )
    amounts = {(r.value, r.when.year if r.when else None, r.status) for r in found if r.metric is AMOUNT}
    assert amounts == {(1.6e11, 2025, FigureStatus.PLANNED), (1.75e11, 2026, FigureStatus.PLANNED)}


def test_a_bare_share_in_the_previous_year_is_a_share_of_that_year() -> None:
    """ "in the previous year" after a percentage is its time, not "in the total ...": the share is read."""
    found = facts("Portugal's defence spending rose to 1.6% last year from 1.5% in the previous year.")
    assert {f for f in found if f[1] is SHARE} == {("PT", SHARE, 2024, 1.6), ("PT", SHARE, 2023, 1.5)}


def test_the_topic_ally_carries_past_countries_that_are_no_spender() -> None:
    """ "invasion of Ukraine" names no spender: the sentence's figures are the ally the text is about."""
    found = facts(
        "Romania's defence spending reached 2.3% of GDP in 2024.\n\n"
        "Spending stood at 1.7% of GDP in 2021, before Russia's full-scale invasion of Ukraine, and at 1.6% in 2023.\n\n"
        "The government says the 2025 budget is equivalent to 2.5% of GDP."
    )
    assert {f for f in found if f[1] is SHARE} == {
        ("RO", SHARE, 2024, 2.3),
        ("RO", SHARE, 2021, 1.7),
        ("RO", SHARE, 2023, 1.6),
        ("RO", SHARE, 2025, 2.5),
    }


def test_this_years_budget_law_is_a_plan_and_a_defence_budget_that_reached_a_level_is_not() -> None:
    """ "the 2025 budget is 2.5%" is planned; "the defence budget reached 2.1%" this year is an estimate."""
    found = records(
        "Romania's 2025 budget is equivalent to 2.5% of GDP.\n\nHungary's defence budget reached 2.1% of GDP this year.",
        date="2025-05-01",
        title="Defence spending",
    )
    statuses = {(r.subject, r.status) for r in found if r.metric is SHARE}
    assert statuses == {("RO", FigureStatus.PLANNED), ("HU", FigureStatus.ESTIMATE)}


def test_a_note_in_brackets_is_the_status_of_its_own_figure_only() -> None:
    """ "(NATO estimate)" after one year's figure makes that one an estimate, not the figures around it."""
    found = records(
        "Slovenia's government today submitted its defence budget to parliament.\n\n"
        "- Defence expenditure as a share of GDP: 2.2% in 2026 (planned); 2.0% in 2025 (NATO estimate); 1.8% in 2024",
        date="2025-10-01",
        title="Slovenia defence budget",
    )
    statuses = {(r.when.year if r.when else None, r.status) for r in found if r.metric is SHARE}
    assert statuses == {
        (2026, FigureStatus.PLANNED),
        (2025, FigureStatus.ESTIMATE),
        (2024, FigureStatus.ACTUAL),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The allies together as the subject of spending: the alliance's total, dated by the time after it.
        (
            "All told, the 32 allies are expected to spend roughly $1.6 trillion (€1.5 trillion) on defence "
            "in 2026, up from about $1.5 trillion a year earlier.",
            {(ALLIANCE, AMOUNT, 2026, 1.6e12), (ALLIANCE, AMOUNT, 2025, 1.5e12)},
        ),
        ("Total allied defence spending reached $1.2 trillion in 2023.", {(ALLIANCE, AMOUNT, 2023, 1.2e12)}),
        # Not totals: NATO's own budget, aid, a country named between, a bound.
        ("NATO's common budget for 2025 is €4.6 billion.", set()),
        ("NATO allies have sent more than $100 billion in aid to Ukraine since 2022.", set()),
        ("NATO allies said Germany would spend €90 billion in 2025.", set()),
        ("The 32 allies spent more than $1 trillion in 2024.", set()),
    ],
)
def test_the_alliance_total_is_read_when_the_allies_together_are_the_spender(
    text: str, expected: set[Fact]
) -> None:
    """An alliance-wide amount is the alliance's total only with the allies together as its subject."""
    assert {
        f for f in facts(text, title="Defence spending") if f[0] == ALLIANCE and f[1] is AMOUNT
    } == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Only 14 of the 31 allies are expected to reach that level this year.", {(2025, 14.0)}),
        ("All 32 allies are expected to meet the 2% guideline in 2025.", {(2025, 32.0)}),
        (
            "By then, 24 allies were expected to meet the 2% guideline in 2024, against four a decade earlier.",
            {(2024, 24.0), (2014, 4.0)},
        ),
        (
            "Of the 32 allies, many were expected to meet the 2% guideline.",
            set(),
        ),  # "the 32 allies" is the total
    ],
)
def test_counts_of_allies_meeting_a_target(text: str, expected: set[tuple[int | None, float | None]]) -> None:
    """A count of allies meeting a target, with "that level" naming it, "all" counting them, a compared count."""
    found = {(y, v) for s, m, y, v in facts(text, title="Defence spending") if m is ALLIES}
    assert found == expected


def test_a_country_after_among_and_an_adjective_is_no_spender() -> None:
    """ "Among European allies, Germany's spending ...": the allies are where, Germany is who."""
    found = facts("Among European allies, Norway's military spending rose by 12% to $9.4bn in 2024.")
    assert {f for f in found if f[1] is AMOUNT} == {("NO", AMOUNT, 2024, 9.4e9)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A restatement "equivalent to" keeps the plan of the figure it restates.
        (
            "Denmark expects to spend DKK 80bn this year, equivalent to about 2.9% of GDP.",
            FigureStatus.PLANNED,
        ),
        # A verbless figure after "and" takes the verb before it, whichever reader read that one.
        ("Greece has budgeted 3.1% of GDP for 2025 and Croatia 1.9%.", FigureStatus.PLANNED),
    ],
)
def test_a_restated_or_gapped_figure_takes_the_status_of_the_one_before(
    text: str, expected: FigureStatus
) -> None:
    """The second figure of the sentence has the first one's status."""
    found = [r for r in records(text, date="2025-03-01", title="Defence spending") if r.metric is SHARE]
    assert [r.status for r in found][-1:] == [expected]


def test_a_plan_to_reach_the_named_guideline_is_planned_spending() -> None:
    """ "pledged that Ottawa would reach the 2% guideline this fiscal year": its plan, not a goal of its own."""
    found = records(
        "Canada's defence minister pledged that Ottawa would reach the 2% guideline this fiscal year.",
        date="2025-06-01",
        title="Defence spending",
    )
    assert [(r.subject, r.metric, r.status) for r in found if r.subject == "CA"] == [
        ("CA", SHARE, FigureStatus.PLANNED)
    ]


def test_when_something_was_said_is_not_the_year_of_the_figure() -> None:
    """ "ministers told parliament last week": the week of the telling does not date the goal after it."""
    found = records(
        "Romania spent 2.2%, ministers told parliament last week, and Romania has promised to reach 2.5%, "
        "although the government has not said when.",
        date="2025-06-01",
        title="Defence spending",
    )
    goals = [(r.when, r.status) for r in found if r.status is FigureStatus.TARGET]
    assert goals == [(None, FigureStatus.TARGET)]


def test_a_target_label_under_the_topic_ally_is_its_target() -> None:
    """ "- National target: 2% of GDP by 2030" in a release about one ally is that ally's target."""
    found = records(
        "Slovenia's government today submitted its defence budget to parliament.\n\n- National target: 2% of GDP by 2030",
        date="2025-10-01",
        title="Slovenia defence budget",
    )
    assert [(r.subject, r.when.year if r.when else None, r.status) for r in found] == [
        ("SI", 2030, FigureStatus.TARGET)
    ]


def test_a_time_counted_back_at_the_start_of_a_sentence_counts_from_the_year_in_context() -> None:
    """ "... 3.1% last year. A decade earlier, it spent 0.9%.": ten years before last year, not before today."""
    found = facts(
        "Estonia's defence spending reached 3.4% of GDP last year.\n\nA decade earlier, Estonia spent 1.9%."
    )
    assert {f for f in found if f[1] is SHARE} == {("EE", SHARE, 2024, 3.4), ("EE", SHARE, 2014, 1.9)}


def test_an_elliptical_possessive_owns_the_figures_of_its_verb() -> None:
    """ "Denmark's grew by 20% to $9.9bn": the possessive stands for the spending named before."""
    found = facts(
        "Among European allies, Norway's military spending rose by 12% to $9.4bn in 2024.\n\n"
        "Denmark's grew by 20% to $9.9bn, or 2.4% of GDP."
    )
    assert ("DK", SHARE, 2024, 2.4) in found


def test_the_topic_ally_does_not_take_a_figure_another_ally_is_named_with() -> None:
    """ "Outlays reached 2.0%, the first time that Copenhagen met the guideline": not the previous topic's."""
    found = facts(
        "Norway's defence spending reached 2.2% of GDP in 2024.\n\n"
        "Outlays reached 2.0% of GDP, the first time in decades that Copenhagen had met the guideline."
    )
    assert ("NO", SHARE, 2024, 2.0) not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A modal after the figure, in a later verb, does not make the stated figure hypothetical.
        (
            "Mr Nowak told radio that Croatia had spent just over 1.8% of its GDP on defence last year and would need more.",
            {("HR", SHARE, 2024, None)},  # a bound: kept as written, with no value
        ),
        # A modal or "if" leading to it, or "if" after it, still does.
        ("Croatia would need to spend 2.5% of its GDP on defence next year.", set()),
        ("Croatia spent 1.8% of its GDP on defence last year, if the ministry's figures hold.", set()),
    ],
)
def test_only_a_modal_leading_to_the_figure_makes_it_hypothetical(text: str, expected: set[Fact]) -> None:
    """The hypothetical cue must govern the figure: before it, or a condition anywhere in the clause."""
    assert {f for f in facts(text, title="Defence spending") if f[1] is SHARE} == expected


def test_a_relative_clause_on_a_list_of_allies_is_each_ones() -> None:
    """ "Spain and Italy, which also spend less than 2%": the bound is both allies'."""
    found = records("Spain and Italy, which also spend less than 2% of GDP on defence, will accept the deal.")
    assert sorted((r.subject, r.as_written) for r in found) == [
        ("ES", "less than 2%"),
        ("IT", "less than 2%"),
    ]


def test_a_time_the_text_does_not_resolve_gives_no_year() -> None:
    """ "spent 1.3% in the year before the invasion": no year is better than the year in context."""
    found = facts(
        "Finland's defence spending reached 2.4% of GDP last year.\n\n"
        "Sweden, which spent 1.2% of GDP in the year before the invasion, joined NATO last March."
    )
    assert ("SE", SHARE, None, 1.2) in found and not any(f[0] == "SE" and f[2] is not None for f in found)


def test_taking_it_to_a_share_is_the_same_spending_and_year() -> None:
    """ "doubled to 90 billion kronor since 2019, taking it to 2.2% of GDP in 2024": both are 2024's."""
    found = facts(
        "Norway's defence budget has doubled to NOK 90 billion since 2019, taking it to 2.2% of GDP in 2024."
    )
    assert {(f[0], f[1], f[2]) for f in found} == {("NO", AMOUNT, 2024), ("NO", SHARE, 2024)}


def test_almost_and_nearly_fall_short_of_the_figure() -> None:
    """ "almost 3%" is under 3%: kept as written, never stored as 3 (nor charted as 3)."""
    found = records(
        "Slovakia spent almost 3% of GDP on defence last year; Hungary nearly 2.5% of GDP in 2023."
    )
    assert sorted((r.subject, r.value, r.as_written) for r in found) == [
        ("HU", None, "nearly 2.5%"),
        ("SK", None, "almost 3%"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Slovakia crossed the 2% line last year.", {("SK", MET, 2024)}),
        ("Slovenia passed the 2% mark in 2024, the ministry said.", {("SI", MET, 2024)}),
        # A second verb of the clause's subject.
        ("Portugal spent 1.5% of GDP in 2023 and crossed the 2% line in 2024.", {("PT", MET, 2024)}),
        (
            "Portugal spent 1.5% of GDP in 2023 and did not meet the 2% target in 2024.",
            {("PT", MISSED, 2024)},
        ),
        # Not a claim: a forecast, or a participle of another verb.
        ("Portugal will raise its budget and reach the 2% target in 2026.", set()),
        ("Portugal will spend 2% of GDP in 2026, adding €1bn and reaching the goal early.", set()),
    ],
)
def test_crossing_the_line_is_meeting_the_target(text: str, expected: set[tuple[str, Metric, int]]) -> None:
    """ "crossed the 2% line", "passed the 2% mark": the target met, also as the subject's second verb."""
    found = {
        (r.subject, r.metric, r.when.year if r.when else None)
        for r in records(text, title="Defence spending")
        if r.metric in (MET, MISSED)
    }
    assert found == expected


def test_the_alliance_as_an_object_does_not_take_the_figure() -> None:
    """ "Finland joined NATO in 2023, and its budget ... is 2.4%": NATO is what was joined, not a spender."""
    found = records(
        "Finland, which spent 1.3% of GDP in 2021, joined NATO in 2023, and its budget for the current"
        " year is equivalent to 2.4% of GDP.",
        title="Defence spending",
    )
    assert sorted((r.subject, r.value, r.when.year if r.when else None, r.status) for r in found) == [
        ("FI", 1.3, 2021, FigureStatus.ACTUAL),
        ("FI", 2.4, 2025, FigureStatus.PLANNED),  # this year's budget: a plan
    ]


def test_a_pronoun_for_the_countrys_own_spending_keeps_the_country() -> None:
    """ "Estonia's outlays ..., when they stood at 1.9%": "they" is the outlays; "since 2015, when" dates it."""
    found = facts(
        "Estonia's outlays have risen every year since 2015, when they stood at 1.9% of GDP, and reached"
        " 3.4% last year.",
        title="Defence spending",
    )
    assert found == {("EE", SHARE, 2015, 1.9), ("EE", SHARE, 2024, 3.4)}
    # A pronoun that is another subject still breaks the link.
    assert not facts("Estonia's defence budget grew, and it said it would spend 3% of GDP.", title="Defence")


def test_a_programming_law_is_a_plan_and_its_yearly_average_shares_its_span() -> None:
    """ "The law provides €120bn for 2024 to 2030, an average of €17bn a year": both planned, no single year."""
    found = records(
        "Spain's defence spending will keep rising.\n\nSpending reached 1.3% of GDP last year.\n\n"
        "Spain's military programming law provides €120bn for the years 2024 to 2030, an average of about"
        " €17bn a year.",
        title="Defence spending",
    )
    amounts = sorted((r.value, r.when, r.status) for r in found if r.metric is AMOUNT)
    assert amounts == [(17e9, None, FigureStatus.PLANNED), (120e9, None, FigureStatus.PLANNED)]


def test_an_increase_on_last_years_budget_is_the_new_budgets() -> None:
    """ "LISBON — ... €3.5bn for 2026, an increase of €400m on the budget approved for this year"."""
    found = records(
        "LISBON, 11 October 2025 — The Government today submitted to parliament a defence budget of"
        " €3.5 billion for 2026, an increase of €400 million on the budget approved for this year.",
        title="Defence budget",
    )
    assert sorted(
        (r.subject, r.metric, r.value, r.when.year if r.when else None, r.status) for r in found
    ) == [
        ("PT", AMOUNT, 3.5e9, 2026, FigureStatus.PLANNED),
        ("PT", Metric.AMOUNT_INCREASE, 4e8, 2026, FigureStatus.PLANNED),  # not this year's: the base's
    ]


def test_a_dateline_topic_never_takes_a_worldwide_figure() -> None:
    """ "OSLO — Global military expenditure rose to $2,718bn": the world's, not Norway's."""
    assert not records(
        "OSLO — Global military expenditure rose to $2,718bn in 2024, according to a research institute.",
        title="Defence spending",
    )


def test_money_that_is_the_means_of_a_plan_is_planned_for_its_year() -> None:
    """ "promised to reach 2% this year with an extra €10.5bn"; "will meet ..., adding $9-billion"."""
    found = records(
        "Defence spending is rising. Greece, at 1.3pc last year, has promised to reach 2pc this year with an"
        " extra €10.5bn, after years of resisting pressure.\n\n"
        "OTTAWA — Canada will meet NATO's target of spending 2% of its gross domestic product on defence in"
        " the current fiscal year, the prime minister said on Monday, adding $9-billion to military budgets.",
        title="Defence spending",
    )
    rows = {
        (r.subject, r.metric, r.as_written, r.when.year if r.when else None, r.status, r.currency)
        for r in found
    }
    assert ("GR", Metric.AMOUNT_INCREASE, "€10.5bn", 2025, FigureStatus.PLANNED, "EUR") in rows
    # NATO's target is not NATO's spending: the figure is Canada's plan for this year, in its own dollars.
    assert ("CA", SHARE, "2%", 2025, FigureStatus.PLANNED, None) in rows
    assert ("CA", Metric.AMOUNT_INCREASE, "$9-billion", 2025, FigureStatus.PLANNED, "CAD") in rows


def test_said_it_would_reach_is_a_plan_for_the_year() -> None:
    """ "In April, Belgium said it would reach the 2% guideline before the end of the year" (a December article)."""
    text = "Title: Defence in review\nDate: 2025-12-29\n\nIn April, Belgium said it would reach the 2% guideline before the end of the year."
    found = extract_spending(read_article(text))
    assert [
        (r.subject, r.value, r.when.year if r.when else None, r.status) for r in found if r.subject == "BE"
    ] == [("BE", 2.0, 2025, FigureStatus.PLANNED)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Italy has not reached NATO's 2% guideline in any year.", {(2.0, None)}),
        ("The pledge replaces the 2% guideline agreed in Wales in 2014.", {(2.0, 2014)}),
        # Not the alliance's: a country's own target, another body's, a share of budgets.
        ("Italy's 3% target is ambitious, NATO officials say.", set()),
        ("The EU's 2% target for research was missed, NATO officials noted.", set()),
        ("Allies spend 26% of their defence budgets on equipment, above the 20% guideline.", set()),
    ],
)
def test_a_named_alliance_target_is_the_alliances_whoever_the_clause_is_about(
    text: str, expected: set[tuple[float, int | None]]
) -> None:
    """ "NATO's 2% guideline", "the 2% guideline agreed in Wales in 2014": the alliance has that target."""
    found = records(text, title="Defence spending")
    assert {(r.value, r.when.year if r.when else None) for r in found if r.subject == "NATO"} == expected


def test_a_named_target_is_one_fact_however_often_named() -> None:
    """Each mention of "the 2% guideline" is the same target: one record."""
    found = records(
        "Canada has not met the 2% guideline.\n\nBelgium says it will reach the 2% guideline soon.",
        title="Defence spending",
    )
    assert [(r.subject, r.value) for r in found if r.subject == "NATO"] == [("NATO", 2.0)]


def test_a_short_sentence_with_a_year_sets_the_scene_for_the_next() -> None:
    """ "Denmark's turning point came in 2023. Outlays reached 2.0%": Denmark's, in 2023."""
    found = facts(
        "Norway has budgeted NOK 103bn for defence in fiscal 2025.\n\n"
        "Denmark's turning point came in 2023. Outlays reached 2.0% of GDP, the first time in decades that"
        " Copenhagen had met the guideline."
    )
    assert ("DK", SHARE, 2023, 2.0) in found
    # Someone's words, or a time not written as a year, set no scene.
    found = facts(
        "Norway's defence spending reached 2.2% of GDP last year.\n\n"
        '"Ten years ago nobody here wanted to hear about tanks." Spending reached 2.0% of GDP.'
    )
    assert ("NO", SHARE, 2014, 2.0) not in found


def test_the_government_as_it_and_this_year_and_next() -> None:
    """ "the Danish government created a fund ..., and it now expects 3.2%"; "3% this year and next"."""
    found = facts(
        "In February the Danish government created a fund of DKK 50 billion for 2025 and 2026, and it now"
        " expects defence spending of about 3.2% of GDP in 2025.\n\n"
        "Norway said its defence spending would be 2.5% of GDP this year and next."
    )
    assert ("DK", SHARE, 2025, 3.2) in found
    assert {("NO", SHARE, 2025, 2.5), ("NO", SHARE, 2026, 2.5)} <= found
    # A person named in between is another subject: "it" is no longer the government.
    assert not facts(
        "The Danish government met the minister, and he said it would spend 3.2% of GDP in 2025."
    ) & {("DK", SHARE, 2025, 3.2)}


def test_a_council_decision_from_a_year_every_year_is_the_topics_from_that_year() -> None:
    """ "From 2026 until 2030 the State Defence Council decided ... between 5 and 6% of GDP every year"."""
    found = records(
        "VILNIUS — Lithuania spent 2.9% of GDP on defence in 2024.\n\n"
        "From 2026 until 2030 the State Defence Council decided to allocate for defence between 5 and 6 % of"
        " GDP every year.",
        title="Defence spending",
    )
    assert ("LT", 2026, "between 5 and 6 %") in {
        (r.subject, r.when.year if r.when else None, r.as_written) for r in found
    }


def test_an_including_aside_and_a_colon_do_not_hide_the_budget() -> None:
    """ "She points to the order book: Germany's defence budget, including the special fund set up after
    Russia's invasion of Ukraine, is about €86bn this year": Germany's planned budget."""
    found = records(
        "She points to the order book: Germany’s defence budget, including the special fund set up after"
        " Russia’s full-scale invasion of Ukraine, is about €86bn this year.",
        title="Defence industry",
    )
    assert [(r.subject, r.metric, r.value, r.when.year if r.when else None, r.status) for r in found] == [
        ("DE", AMOUNT, 86e9, 2025, FigureStatus.PLANNED)
    ]


def test_did_not_meet_until_a_year_is_the_target_met_that_year() -> None:
    """ "Canada did not meet the 2% target until 2024": met in 2024; the years it missed are not named."""
    found = records("Canada did not meet the 2% target until 2024, officials said.")
    assert [(r.subject, r.metric, r.when.year if r.when else None) for r in found if r.subject == "CA"] == [
        ("CA", MET, 2024)
    ]
    # "the 2%" stands for the target too.
    assert ("DE", MET, 2024, None) in facts("Germany did not meet the 2% until 2024, and now aims for 3.5%.")


def test_a_counts_year_is_the_year_it_is_for_not_the_month_of_the_estimate() -> None:
    """ "Estimates published in August 2025 suggest that all 32 allies will reach the guideline in 2025"."""
    (count,) = [
        r
        for r in records(
            "NATO's estimates published in August 2025 suggest that all 32 allies will reach the 2% guideline in 2025."
        )
        if r.metric is ALLIES
    ]
    assert (count.value, count.when, count.status) == (32.0, count.when, FigureStatus.ESTIMATE)
    assert count.when is not None and (count.when.year, count.when.month) == (2025, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Portugal spent 1.6% of GDP on defence in 2024, but the caretaker government has pledged to reach 2% in 2026.",
            {("PT", SHARE, 2024, 1.6), ("PT", SHARE, 2026, 2.0)},
        ),
        (
            "Slovenia spent 1.3% of GDP on defence in 2024, and it aims to reach 2% by 2027.",
            {("SI", SHARE, 2024, 1.3), ("SI", SHARE, 2027, 2.0)},
        ),
    ],
)
def test_a_later_clause_led_by_the_government_or_it_is_the_sentence_allys(
    text: str, expected: set[Fact]
) -> None:
    """The government (or "it") of a clause that names no one is the ally the sentence is about."""
    assert facts(text) == expected


def test_a_later_clause_does_not_carry_a_subject_two_allies_share() -> None:
    """With two allies before it, "the government" could be either's: no figure is given to one."""
    found = facts(
        "Poland spent 4.1% on defence in 2024 and Czechia 2.1%, but the government wants 3% in 2030."
    )
    assert ("PL", SHARE, 2030, 3.0) not in found and ("CZ", SHARE, 2030, 3.0) not in found


# --- an official's own words -------------------------------------------------------------------


def spoken(text: str, date: str = "2026-02-10") -> set[Fact]:
    """Return (subject, metric, year, value) of every spending record the whole extraction finds."""
    found = extract(read_article(f"Title: Defence budget\nDate: {date}\n\n{text}"))
    return {(r.subject, r.metric, r.when.year if r.when else None, r.value) for r in found.spending}


@pytest.mark.parametrize(
    "text",
    [
        "“We will spend 3.1% of GDP on defence in 2027,” said Ola Nord, Norway’s defence minister.",
        "Norwegian Defence Minister Ola Nord said: “Our defence budget will reach 3.1% of GDP in 2027.”",
        "Ola Nord, Norway's defence minister, spoke first.\n\nNORD: We will spend 3.1% of GDP on defence in 2027.",
    ],
)
def test_we_in_a_ministers_own_words_is_the_ally_the_role_names(text: str) -> None:
    """ "We" has no country in the sentence; the speaker's stated role gives it."""
    assert ("NO", SHARE, 2027, 3.1) in spoken(text)


@pytest.mark.parametrize(
    "text",
    [
        "“We will spend 3.1% of GDP on defence in 2027,” said Ola Nord, Norway’s former defence minister.",
        "“We will spend 3.1% of GDP on defence in 2027,” said Ola Nord, the NATO Secretary-General.",
        "“We will spend 3.1% of GDP on defence in 2027,” said Ola Nord, an economist.",
    ],
)
def test_we_is_no_country_for_a_former_an_alliance_or_a_private_speaker(text: str) -> None:
    """A former minister, an alliance office or a speaker with no national office speaks for no ally."""
    assert not {fact for fact in spoken(text) if fact[3] == 3.1}


def test_a_witness_with_no_country_in_the_role_speaks_for_the_ally_of_their_currency() -> None:
    """ "Secretary of State" names no country; "an extra £2 billion" in the same words is Britain's."""
    text = (
        "Witness: Jo Bell MP, Secretary of State for Defence.\n\n"
        "CHAIR: Where are we?\n\n"
        "The Secretary of State (Jo Bell): This year we are spending about 2.4% of GDP on defence. "
        "It means an extra £2 billion next year."
    )
    assert ("GB", SHARE, 2026, 2.4) in spoken(text)


def test_a_figure_the_speaker_gives_another_ally_stays_that_allys() -> None:
    """In a minister's words, a figure for a named ally is that ally's, not the minister's country's."""
    found = spoken("“Finland is spending 2.5% of GDP this year,” said Ola Nord, Norway’s defence minister.")
    assert ("NO", SHARE, 2026, 2.5) not in found


@pytest.mark.parametrize(
    "text",
    [
        "Both Baltic neighbours, Latvia and Lithuania, are expected to pass the 2% guideline in 2026.",
        "Latvia and Lithuania are projected to meet the 2% target in 2026.",
    ],
)
def test_a_forecast_verdict_is_a_met_claim_kept_as_an_estimate(text: str) -> None:
    """ "are expected to pass the guideline in 2026" says who will meet it: a forecast, not a verdict."""
    found = [r for r in records(text, date="2025-11-01") if r.metric is MET]
    assert {(r.subject, r.when.year if r.when else None, r.status) for r in found} == {
        ("LV", 2026, FigureStatus.ESTIMATE),
        ("LT", 2026, FigureStatus.ESTIMATE),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Latvia is not expected to meet the 2% target in 2026.",
        "Latvia will meet the 2% target in 2026.",
        "Latvia aims to meet the 2% target in 2026.",
    ],
)
def test_a_negated_forecast_or_a_plan_to_meet_the_target_is_no_verdict(text: str) -> None:
    """Only an expectation is read as a forecast verdict; a plan or a denial is not one."""
    assert not [r for r in records(text, date="2025-11-01") if r.metric is MET]


# --- national currencies and labelled lines ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Denmark's defence budget for 2026 is 94 billion kroner.", "DKK"),
        ("Norway's defence budget for 2026 is 110 billion kroner.", "NOK"),
    ],
)
def test_bare_kroner_are_the_spenders_own(text: str, currency: str) -> None:
    """ "Kroner" alone is Denmark's or Norway's: the ally spending them says which."""
    (record,) = records(text)
    assert (record.metric, record.value, record.currency) == (
        Metric.AMOUNT,
        94e9 if currency == "DKK" else 110e9,
        currency,
    )


def test_kroner_spent_by_an_ally_without_them_are_no_figure() -> None:
    """Kroner that are neither Denmark's nor Norway's name no currency anyone can read: no record."""
    assert records("Germany's defence budget for 2026 is 94 billion kroner.") == []


def test_the_lei_of_romania_are_read_as_its_currency() -> None:
    """A currency named by its own word ("lei") is an amount like any other."""
    found = records("Romania will spend 2.5% of GDP on defence in 2026, roughly 48 billion lei.")
    assert {(r.metric, r.value, r.currency) for r in found} == {(SHARE, 2.5, None), (AMOUNT, 48e9, "RON")}


def test_a_bold_label_with_its_colon_inside_the_bold_labels_the_line() -> None:
    """ "**Norway:**" labels its line as "**Norway**:" does: the figure after another clause is Norway's."""
    text = "Defence budgets\n\n- **Norway:** Oslo raised the budget; the ministry puts spending at 2.2% of GDP.\n"
    assert {(r.subject, r.value) for r in records(text, title="Defence budgets")} == {("NO", 2.2)}


def test_an_amount_opening_a_line_an_ally_labels_is_its_spending() -> None:
    """In a list about defence budgets, "- **Estonia:** €1.6bn for 2026" is Estonia's budget."""
    text = "- **Estonia:** €1.6bn for 2026, or 3.4% of GDP.\n- **Latvia:** GDP of €40 billion.\n"
    found = {
        (r.subject, r.metric, r.value) for r in records(text, date="2026-02-01", title="Defence budgets")
    }
    assert found == {("EE", AMOUNT, 1.6e9), ("EE", SHARE, 3.4)}


def test_a_year_labelling_the_figure_after_it_is_not_the_time_of_the_figure_before() -> None:
    """In "Budget 2027: X (2026: Y)", X is 2027's and Y 2026's: the "2026:" labels Y alone."""
    text = (
        "NEWS RELEASE\n\nBratislava, 2 October 2026 — The government approved the defence budget.\n\n"
        "- Defence budget 2027: EUR 4.2 billion (2026: EUR 3.9 billion)\n"
    )
    found = {(r.subject, r.value, r.when.year if r.when else None) for r in records(text, date="2026-10-02")}
    assert found == {("SK", 4.2e9, 2027), ("SK", 3.9e9, 2026)}


def test_a_label_naming_an_ally_in_passing_is_not_that_allys_line() -> None:
    """ "Joint procurement with Hungary: EUR 1 billion" is a line item of the story's ally, not Hungary's spending."""
    text = "BRATISLAVA — The defence budget rises.\n\n- Joint procurement with Hungary: EUR 1 billion\n"
    assert "HU" not in {r.subject for r in records(text, date="2026-10-02", title="Defence budget")}


def test_a_release_dated_in_title_case_after_a_kicker_line_has_its_dateline_ally_as_topic() -> None:
    """ "Bratislava, 2 October 2026 —" after "PRESS RELEASE" makes Slovakia the subject of "the government"."""
    text = (
        "PRESS RELEASE\n\nBratislava, 2 October 2026 — The government today approved a budget for 2027"
        " which allocates EUR 4.2 billion to defence.\n"
    )
    found = {(r.subject, r.value, r.when.year if r.when else None) for r in records(text, date="2026-10-02")}
    assert found == {("SK", 4.2e9, 2027)}


# --- rankings ------------------------------------------------------------------------------------

RANKING_OPENING = (
    "Norway tops the table with defence spending of 3.4% of GDP this year. "
    "Sweden ranked second at 2.9% of GDP.\n\n"
)


def test_the_allies_a_ranking_compares_its_subject_with_do_not_own_its_figure() -> None:
    """ "Finland ranked third behind Norway and Sweden, with 2.6%": the figure is Finland's."""
    text = RANKING_OPENING + "Finland ranked third behind Norway and Sweden, with 2.6% of GDP.\n"
    assert ("FI", 2.6) in {(r.subject, r.value) for r in records(text, date="2026-05-01")}
    assert ("SE", 2.6) not in {(r.subject, r.value) for r in records(text, date="2026-05-01")}


def test_a_figure_attached_to_the_compared_allies_stays_theirs() -> None:
    """ "behind Italy and Spain, both on 1.5%": the figure is theirs, not the subject's."""
    text = "Portugal came last with 1.4% of GDP, behind Italy and Spain, both on 1.5%.\n"
    found = {(r.subject, r.value) for r in records(text, date="2026-05-01", title="Defence spending")}
    assert found == {("PT", 1.4), ("IT", 1.5), ("ES", 1.5)}


def test_a_rankings_bare_figures_are_spending_once_the_article_gives_allies_figures() -> None:
    """After two allies' shares, "came last with 1.6%" and "ranked second with €60 billion" are spending."""
    text = (
        RANKING_OPENING
        + "In cash terms, France ranked second with €60 billion.\n\n"
        + "At the bottom of the table, Portugal came last with 1.6%.\n"
    )
    found = {(r.subject, r.metric, r.value) for r in records(text, date="2026-05-01", title="League table")}
    assert {("FR", AMOUNT, 60e9), ("PT", SHARE, 1.6)} <= found


def test_a_ranking_in_an_article_without_allies_figures_gives_no_bare_figure() -> None:
    """Without allies' figures before it, "came last with 1.6%" says nothing about spending."""
    text = "At the bottom of the table, Portugal came last with 1.6%.\n"
    assert records(text, date="2026-05-01", title="League table") == []


def test_a_pronoun_inside_an_aside_and_it_after_a_colon_leave_the_sentence_its_subject() -> None:
    """ "Finland, which ... when it joined ..., offers a contrast: it expects to spend 2.5%" is Finland's."""
    text = (
        "Finland, which kept its conscript army when it joined the alliance in 2023, offers a contrast:"
        " it expects to spend 2.5% of GDP this year and has pledged 3% by 2029.\n"
    )
    found = {
        (r.subject, r.value, r.when.year if r.when else None)
        for r in records(text, date="2026-04-01", title="Defence spending")
    }
    assert found == {("FI", 2.5, 2026), ("FI", 3.0, 2029)}


def test_that_number_is_the_spending_of_the_ally_the_text_is_about() -> None:
    """ "that number" refers to the figure of the ally the paragraph before is about, as "the figure" does."""
    text = (
        "Every autumn the same argument plays out in Lisbon over the defence budget.\n\n"
        "Last year that number was 1.6% of GDP, reached only after a late supplement.\n"
    )
    found = {(r.subject, r.value, r.when.year if r.when else None) for r in records(text, date="2026-04-01")}
    assert found == {("PT", 1.6, 2025)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The allies told of an ally's own plan are no spender: the plan is the teller's.
        ("Italy has told allies it will reach 2.1% of GDP on defence this year.", {("IT", SHARE, 2025, 2.1)}),
        ("Rome told NATO it would spend 2.4% of GDP on defence in 2026.", {("IT", SHARE, 2026, 2.4)}),
        # Telling the allies what they must spend is a demand: no figure is the teller's.
        ("The United States told allies they must spend 5% of GDP on defence.", set()),
    ],
)
def test_an_ally_that_tells_the_allies_its_plan_is_the_spender(text: str, expected: set[Fact]) -> None:
    """ "Italy has told allies it will reach 2.1%" is Italy's plan; "told allies they must" is nobody's."""
    assert {f for f in facts(text) if f[0] != "NATO"} == expected


def test_a_budget_request_is_a_plan() -> None:
    """A budget request is what a government plans to spend, not an estimate of it."""
    (record,) = records(
        "The United States requested $849.8 billion for defence in FY2026.", date="2025-03-10"
    )
    assert (record.subject, record.metric, record.when and record.when.year, record.status) == (
        "US",
        Metric.AMOUNT,
        2026,
        "planned",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Allies spent a combined $1.48 trillion on defence in 2024, or 2.71% of their combined GDP.",
            {("NATO", Metric.AMOUNT, 2024, 1.48e12), ("NATO", SHARE, 2024, 2.71)},
        ),
        (
            "The allies together spent $1.46 trillion on defence in 2023.",
            {("NATO", Metric.AMOUNT, 2023, 1.46e12)},
        ),
        # allies narrowed by a word before them are not the alliance, nor is a change its share
        ("European allies spent a combined $485 billion on defence in 2024.", set()),
        (
            "The 32 allies spent $1.47 trillion on defence in 2022, up 10% on the year.",
            {("NATO", Metric.AMOUNT, 2022, 1.47e12)},
        ),
    ],
)
def test_the_allies_together_give_the_alliance_total_and_its_share(text: str, expected: set[Fact]) -> None:
    """A total the allies spend together is the alliance's, and ", or 2.71% of their combined GDP" its share."""
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Denmark's defence spending will be 3.2% of GDP in both 2025 and 2026.",
            {("DK", SHARE, 2025, 3.2), ("DK", SHARE, 2026, 3.2)},
        ),
        (
            "Poland spent 4.1% of GDP on defence in 2024 and 4.7% in 2025.",
            {("PL", SHARE, 2024, 4.1), ("PL", SHARE, 2025, 4.7)},
        ),
    ],
)
def test_a_share_in_both_of_two_years_is_each_years(text: str, expected: set[Fact]) -> None:
    """ "3.2% of GDP in both 2025 and 2026" is a share for each year."""
    assert facts(text) == expected


def test_a_sum_for_two_years_is_not_repeated_for_the_second() -> None:
    """ "DKK 50 billion in 2025 and 2026" is one sum for both years, never DKK 50 billion in 2026 too."""
    found = facts("Denmark will spend DKK 50 billion on defence in 2025 and 2026.")
    assert not any(year == 2026 for _, _, year, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Per capita, Hungary spent about 420 euros on defence in 2024.", set()),
        (
            "Finland spends 2.4% of GDP on defence, or about 1,300 euros per person.",
            {("FI", SHARE, 2025, 2.4)},
        ),
        (
            "Estonia spent about €1.4 billion on defence in 2024, roughly €1,050 per inhabitant.",
            {("EE", Metric.AMOUNT, 2024, 1.4e9)},
        ),
        (
            "Latvia spent €1.3 billion on defence in 2024, or about €700 a head.",
            {("LV", Metric.AMOUNT, 2024, 1.3e9)},
        ),
        # the second of a list the first says is per person; and a sum no budget is this small
        ("Slovenia spends around $1,300 per head on defence, and Croatia about $590.", set()),
        ("Croatia's defence spending is still below Slovenia's, at $1,450.", set()),
    ],
)
def test_money_per_person_is_no_budget(text: str, expected: set[Fact]) -> None:
    """A per-capita amount ("€1,050 per inhabitant") is never stored as the ally's spending."""
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.4% of GDP was spent by Latvia on defence in 2024.", {("LV", SHARE, 2024, 3.4)}),
        ("In 2024, 2.1% of GDP was spent on defence by Norway.", {("NO", SHARE, 2024, 2.1)}),
    ],
)
def test_the_spender_of_a_passive_sentence_follows_by(text: str, expected: set[Fact]) -> None:
    """ "3.4% of GDP was spent by Latvia": the ally after "by" is the spender."""
    assert facts(text) == expected


def test_a_forecast_for_next_year_is_an_estimate_not_a_plan() -> None:
    """ "Next year defence spending is forecast to rise to ..." is someone's forecast: an estimate."""
    text = "Canada spent C$41.5 billion on defence in 2024. Next year defence spending is forecast to rise to C$47.5 billion."
    statuses = {r.value: r.status for r in records(text, date="2025-03-10")}
    assert statuses == {41.5e9: "actual", 47.5e9: "estimate"}


def test_an_elliptic_possessive_stands_for_the_spending_just_named() -> None:
    """ "France's spending rose to €61bn; Italy's climbed to €33bn": Italy's is its spending too."""
    text = "France's defence spending rose to €61bn in 2024. Italy's climbed to €33bn, a record."
    assert {(s, m, v) for s, m, _, v in facts(text)} == {
        ("FR", Metric.AMOUNT, 61e9),
        ("IT", Metric.AMOUNT, 33e9),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Czech government approved a defence budget of CZK 160,1 mld for 2026, which corresponds to 2,35 % of GDP.",
            {("CZ", Metric.AMOUNT, 2026, 1.601e11, "planned"), ("CZ", SHARE, 2026, 2.35, "planned")},
        ),
        (
            "In the year 2025 Latvia plans for defence 1,6 milliard euro, what makes about 3,4 % of the gross domestic product.",
            {("LV", Metric.AMOUNT, 2025, 1.6e9, "planned"), ("LV", SHARE, 2025, 3.4, "planned")},
        ),
        # money for one item is not the ally's spending
        ("For the infrastructure of the brigade Latvia spent already 0,3 milliard euro on defence.", set()),
    ],
)
def test_a_budget_restated_as_a_share_keeps_its_year_and_status(
    text: str, expected: set[tuple[object, ...]]
) -> None:
    """ "CZK 160,1 mld for 2026, which corresponds to 2,35 % of GDP": one plan in two units."""
    found = {
        (r.subject, r.metric, r.when and r.when.year, r.value, r.status)
        for r in records(text, date="2025-10-01")
    }
    assert found == expected


def test_a_place_in_someones_quoted_words_is_no_topic() -> None:
    """ "“... to please anyone in Washington,” she told reporters. ... the country expects to spend
    3.9%": the country is the ally the story is about, never the capital she named."""
    text = (
        "Lithuania's defence minister Rasa Kavaliauskiene spoke in Vilnius on Thursday.\n\n"
        "\u201cWe are not doing this to please anyone in Washington,\u201d Kavaliauskiene told reporters.\n\n"
        "In 2025 the country expects to spend 3.9% of GDP on defence."
    )
    assert {(s, y, v) for s, _, y, v in facts(text)} == {("LT", 2025, 3.9)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Denmark has committed 2% of GDP to Ukraine support over 2024-2025.", set()),
        ("Estonia gives 0.25% of its GDP in military aid to Ukraine.", set()),
        (
            "Estonia spends 3.4% of GDP on defence, more than any ally gives to Ukraine.",
            {("EE", SHARE, 2025, 3.4)},
        ),
    ],
)
def test_a_share_of_gdp_given_as_aid_is_no_defence_spending(text: str, expected: set[Fact]) -> None:
    """A share of GDP an ally gives Ukraine is aid: never its defence spending or its target."""
    assert facts(text, title="Defence aid") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "<year>, when ... <figure>": the figure is that year's
        (
            "Estonia spent 3.43% of GDP on defence in 2024, up 0.6 points compared with 2023,"
            " when the share stood at 2.8 per cent.",
            {("EE", 2024, 3.43, "actual"), ("EE", 2023, 2.8, "actual")},
        ),
        # "an estimated" qualifies the figure it stands before, not the others of its sentence
        (
            "Poland's defence spending compares with 4.2% in 2024 and an estimated 4.7% in 2025.",
            {("PL", 2024, 4.2, "actual"), ("PL", 2025, 4.7, "estimate")},
        ),
    ],
)
def test_a_figure_takes_its_own_year_and_qualifier(text: str, expected: set[tuple[object, ...]]) -> None:
    """A figure's year and estimate note are its own, not its neighbour's."""
    found = {(r.subject, r.when and r.when.year, r.value, r.status) for r in records(text, date="2025-04-10")}
    assert found == expected


@pytest.mark.parametrize(
    "revision",
    [
        "Latvia's defence ministry later said the figure for 2026 would be 3.65% of GDP, not 3.4%.",
        "Latvia's plan is for 3.65% of GDP in 2026, not 3.4% as reported earlier, a ministry spokesperson said.",
    ],
)
def test_a_later_figure_that_replaces_another_drops_it(revision: str) -> None:
    """ "The ministry later said the figure for 2026 would be 3.65% of GDP, not 3.4%": only 3.65% stands."""
    text = (
        "Latvia will spend 3.4% of GDP on defence in 2026, the coalition said.\n\n"
        "Estonia will spend 3.4% of GDP on defence in 2026 as well.\n\n"
        f"{revision}"
    )
    assert {(s, y, v) for s, _, y, v in facts(text)} == {("LV", 2026, 3.65), ("EE", 2026, 3.4)}


def test_a_reaffirmed_target_is_not_set_at_the_meeting_that_reaffirms_it() -> None:
    """ "At last July's Ankara summit, allies reaffirmed the 5% commitment": not a target set in July 2026."""
    found = records("At last July's Ankara summit, allies reaffirmed the 5% commitment.", date="2026-09-01")
    assert [(r.subject, r.value, r.when) for r in found] == [("NATO", 5.0, None)]


def test_a_chronology_line_dates_its_figures_by_its_label() -> None:
    """ "2016 — ..." dates what the line says in the present tense: that year, and spent, not estimated."""
    text = (
        "Slovakia's road to the guideline, year by year:\n\n"
        "2016 — Slovakia's defence budget stands at 1.12% of GDP.\n\n"
        "2019: Slovakia reaches 1.71% of GDP, according to the defence ministry.\n\n"
        "2021: Slovakia signs a pact to reach 2% of GDP by 2026.\n\n2022: Slovakia pledges to reach 2.5% of GDP by 2030."
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.value, r.status)
        for r in records(text, date="2025-05-02", title="Slovakia's defence timeline")
    }
    assert found == {
        ("SK", 2016, 1.12, FigureStatus.ACTUAL),
        ("SK", 2019, 1.71, FigureStatus.ACTUAL),
        ("SK", 2026, 2.0, FigureStatus.TARGET),
        ("SK", 2030, 2.5, FigureStatus.TARGET),
    }


@pytest.mark.parametrize(
    "text",
    [
        # growth of the economy, a share of public spending: other measures than defence's share of GDP
        "Slovenia's economy grew by only 0.7% in 2025, which helped keep its spending share above the 2% guideline.",
        "The share of defence in Croatia's total public spending went up to 3.4% last year.",
        # counterfactuals and an ally imagined
        "Had Portugal spent 2% every year since 2014, its navy would be twice the size.",
        "Belgium, which would have spent 2.1% this year had its jet deliveries not slipped, is still short.",
        "A Belgium at 4% would outspend most of its neighbours.",
        # a level questioned, not stated
        "Hungary's prime minister has questioned whether spending more than 2% is worth it.",
        # whose estimate it is names no spender: the relative clause is about the country before "which"
        "Russia, which Swedish intelligence estimates is devoting more than 6% of GDP to its army, is unnamed.",
        "Russia, which Norwegian officials say spends 7% of GDP on its army, is unnamed.",
    ],
)
def test_what_is_not_an_allys_defence_spending_stays_out(text: str) -> None:
    """Another measure, a counterfactual or an imagined ally, a doubted level: no ally's spending figure."""
    assert [
        r for r in records(text, date="2026-03-10", title="Allied defence spending") if r.subject != ALLIANCE
    ] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Last year" is the figure's year; "this year" belongs to the clause after ", and"
        (
            "Last year Greece spent 3.1% of GDP on defence, and the budget for this year is 3.3%.",
            {("GR", 2025, 3.1, FigureStatus.ACTUAL), ("GR", 2026, 3.3, FigureStatus.PLANNED)},
        ),
        # "so" opens the next clause too: its year is the estimate's, not the figure's
        (
            "Last year Denmark spent 2.37% of GDP, so the 2026 estimate marks a jump.",
            {("DK", 2025, 2.37, FigureStatus.ACTUAL)},
        ),
        # since when a level has held is not its year
        (
            "Italy spends roughly 1.5% of GDP, a level it has held since 2023.",
            {("IT", 2026, 1.5, FigureStatus.ESTIMATE)},
        ),
        # what figures show was spent, whoever will present them
        (
            "Denmark's minister will publish figures showing the country reached 3.2% of GDP in 2025.",
            {("DK", 2025, 3.2, FigureStatus.ACTUAL)},
        ),
        # many years, no one year
        (
            "Spain spent 1.3% of GDP on defence in 2025.\n\nFor most of the past decade Spain sat near 1%.",
            {("ES", 2025, 1.3, FigureStatus.ACTUAL), ("ES", None, 1.0, FigureStatus.ACTUAL)},
        ),
    ],
)
def test_a_figure_takes_its_own_clause_s_year_and_status(
    text: str, expected: set[tuple[object, ...]]
) -> None:
    """The year and status come from the figure's own clause, not the next clause or a span's start."""
    found = {
        (r.subject, r.when.year if r.when else None, r.value, r.status)
        for r in records(text, date="2026-03-10", title="Allied defence spending")
    }
    assert found == expected


def test_the_infrastructure_part_of_the_alliance_objective_is_no_allys_spending() -> None:
    """ "the new objective of 3.5% ..., plus 1.5% for infrastructure": the 1.5% is no ally's figure, and
    the 3.5% is never what the ally spent."""
    text = "Lisbon backs the new objective of 3.5% for core spending, plus 1.5% for infrastructure and resilience."
    found = records(text, date="2026-03-10", title="Allied defence spending")
    assert [r for r in found if r.value == 1.5] == []
    assert all(r.status is not FigureStatus.ACTUAL for r in found)


def test_a_base_year_does_not_date_the_next_lines() -> None:
    """ "up from 2.9% in 2025" dates the base only: the list goes on in the year its heading gives."""
    text = (
        "**Where the allies stand (share of GDP, 2026 estimates)**\n\n"
        "**Norway** — 3.2%, up from 2.9% in 2025\n"
        "**Greece** — 3.0%"
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.value)
        for r in records(text, date="2026-05-09", title="Allied defence spending")
    }
    assert ("GR", 2026, 3.0) in found and ("NO", 2025, 2.9) in found


def test_last_weeks_issue_corrected_drops_the_wrong_figure() -> None:
    """A newsletter's "Last week's issue said ... The correct figure is ..." replaces the wrong figure."""
    text = (
        "Greece spent 2.9% of GDP on defence in 2025, we wrote.\n\n"
        "**Correction**\n\nLast week's issue said Croatia spent 1.7% in 2025. The correct figure is 1.9%."
    )
    found = {(r.subject, r.value) for r in records(text, date="2026-05-09", title="Allied defence spending")}
    assert ("HR", 1.7) not in found and ("HR", 1.9) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "achieved" after the goal: the figure in brackets was spent
        (
            "Latvia set a goal to reach 2% by 2019, a goal achieved one year early, in 2018 (2.0%).",
            ("LV", 2018, 2.0, FigureStatus.ACTUAL),
        ),
        # what a parliament agreed an ally would spend, with no one year: a plan, never an actual figure
        (
            "Parliament agreed that Latvia would spend between 4 and 5% of GDP from 2027 to 2030.",
            ("LV", None, None, FigureStatus.PLANNED),
        ),
    ],
)
def test_a_goal_achieved_is_spent_and_a_range_agreed_is_planned(
    text: str, expected: tuple[object, ...]
) -> None:
    """The verb after a goal and "would spend" give the status."""
    found = {
        (r.subject, r.when.year if r.when else None, r.value, r.status)
        for r in records(text, date="2026-05-09", title="Allied defence spending")
    }
    assert expected in found


def test_the_share_carries_the_ally_of_the_sentence_before() -> None:
    """ "the share had been" goes on with the spending just named. ("They reached 2.5%" is not carried:
    after "Interest rates fell twice", "they" are the rates.)"""
    carried = {
        (r.subject, r.when.year if r.when else None, r.value)
        for r in records(
            "Belgium will devote 2% of GDP to defence in 2026. In 2025 the share had been 1.3%.",
            date="2025-11-10",
            title="Allied defence spending",
        )
    }
    assert ("BE", 2025, 1.3) in carried
    rates = records(
        "Germany spent 2.1% of GDP on defence in 2024. Interest rates fell twice. They reached 2.5% in June.",
        date="2025-11-10",
        title="Allied defence spending",
    )
    assert [r.value for r in rates] == [2.1]


@pytest.mark.parametrize(
    "text",
    [
        "The Bundestag exempted defence spending above 1% of GDP from the debt brake.",
        "Germany spent 2.1% of GDP on defence in 2024, after years below 1.5%.",
    ],
)
def test_a_rules_threshold_or_a_level_held_for_years_is_no_figure(text: str) -> None:
    """ "exempted spending above 1%" and "after years below 1.5%" state no year's spending: only the
    2.1% actually spent is a figure."""
    found = records(text, date="2025-12-20", title="Defence spending review")
    assert [r.value for r in found if r.subject != ALLIANCE] in ([], [2.1])


def test_the_white_house_is_the_united_states_government() -> None:
    """A request the White House prepares is the United States', never the ally named before it."""
    text = (
        "Czechia spends 2% of GDP on defence. The White House is preparing a $1.1tn defence request for"
        " fiscal 2027, which analysts put at about 3.4% of GDP."
    )
    found = {(r.subject, r.value) for r in records(text, date="2026-02-10", title="Defence budgets")}
    assert ("CZ", 3.4) not in found and ("US", 3.4) in found


def test_a_budget_in_the_next_clause_does_not_make_a_figure_planned() -> None:
    """ "Norway, which spent 2.2% in 2025, passed a budget ...": the 2.2% was spent, not budgeted."""
    found = {
        (r.value, r.status)
        for r in records(
            "Norway, which spent 2.2 per cent in 2025, passed a budget of NOK 85bn for 2026.",
            date="2025-12-29",
            title="Defence spending review",
        )
    }
    assert (2.2, FigureStatus.ESTIMATE) in found  # this year's figure: an estimate until the year is over


def test_an_ally_that_reported_it_had_reached_a_share_reached_it() -> None:
    """ "Greece reported that it had reached 3.1%": "it" is the ally that reported, as with "said"."""
    found = {
        (r.subject, r.value)
        for r in records(
            "Greece reported that it had reached 3.1 per cent of GDP in 2025.",
            date="2025-12-29",
            title="Defence spending review",
        )
    }
    assert ("GR", 3.1) in found


@pytest.mark.parametrize(
    "text", ["NATO's target of 5% of GDP is due in 2035.", "The allies' 5% target is due in 2035."]
)
def test_a_target_due_in_a_year_is_the_alliances_target_for_that_year(text: str) -> None:
    """ "is due in 2035" states the alliance target's deadline, as "by 2035" does."""
    found = {
        (r.subject, r.value, r.when.year if r.when else None, r.status)
        for r in records(text, date="2026-06-01", title="NATO defence spending explained")
    }
    assert (ALLIANCE, 5.0, 2035, FigureStatus.TARGET) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pact named in passing is no goal; the level it led to was spent
        (
            "Under the 2023 coalition pact Italy raised its defence budget to 1.6% of GDP in 2024.",
            ("IT", 2024, 1.6, FigureStatus.ACTUAL),
        ),
        # "A Latvian spending plan" is an ally's plan, not an imagined ally
        (
            "A Latvian spending plan sets defence at 3.5% of GDP in 2026.",
            ("LV", 2026, 3.5, FigureStatus.PLANNED),
        ),
        # the words that mark another measure stand right before its figure, not anywhere in the clause
        (
            "Norway's total public spending on defence reached 2.4% of GDP in 2024.",
            ("NO", 2024, 2.4, FigureStatus.ACTUAL),
        ),
        (
            "Poland's economy grew strongly last year and the country spent 4.1% of GDP on defence.",
            ("PL", 2024, 4.1, FigureStatus.ACTUAL),
        ),
        (
            "After Germany exempted defence from its spending rules, its defence budget rose to 2.4% of GDP in 2023.",
            ("DE", 2023, 2.4, FigureStatus.ACTUAL),
        ),
        # "for years" in a relative clause leaves the main clause's year alone
        (
            "Estonia, which has met the 2% guideline for years, spends 3.4% of GDP on defence.",
            ("EE", 2025, 3.4, FigureStatus.ESTIMATE),
        ),
    ],
)
def test_ordinary_sentences_near_the_new_rules_keep_their_figures(
    text: str, expected: tuple[object, ...]
) -> None:
    """Pacts, "A Latvian ...", growth or public spending named elsewhere in the clause, and a relative
    clause's "for years" leave an ordinary figure as it is."""
    found = {
        (r.subject, r.when.year if r.when else None, r.value, r.status)
        for r in records(text, date="2025-07-10", title="Defence spending")
    }
    assert expected in found


def test_an_apposition_that_names_another_ally_gives_it_nothing() -> None:
    """ "Sweden, NATO's newest member after Finland, spent 2.14%": Sweden's figure, never Finland's."""
    found = {
        (r.subject, r.value)
        for r in records(
            "Sweden, NATO's newest member after Finland, spent 2.14% of GDP in 2024 and plans 2.6% by 2028.",
            date="2025-09-01",
            title="Defence spending FAQ",
        )
    }
    assert ("SE", 2.14) in found and not any(subject == "FI" for subject, _ in found)


def test_a_target_with_no_deadline_takes_no_year_from_its_context() -> None:
    """ "would present a path to 2%" after a paragraph on 2024 is no target for 2024."""
    text = (
        "Canada spent 1.4% of GDP on defence in 2024.\n\n"
        "Canada's adviser said Ottawa would present a path to 2% before the summit."
    )
    targets = [
        r
        for r in records(text, date="2025-06-01", title="Defence spending")
        if r.status is FigureStatus.TARGET
    ]
    assert all(r.when is None or not r.when.inferred for r in targets)


def test_a_lone_number_that_heads_no_entry_leaves_its_paragraph_to_the_usual_rules() -> None:
    """A listicle's "**3**" over a sentence that is no "by the numbers" entry does not swallow it:
    the sentence's own figures are read as they would be without the number above it."""
    text = "Defence spending in Norway\n\n**3**\n\nSpending stood at 2.2% of GDP in 2024."
    assert facts(text, title="Norway's defence budget") == {("NO", SHARE, 2024, 2.2)}


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # no author's office: "my own country" is nobody the text names, never the ally before it
        ("By Anna Berg", {("DE", 2.1), ("FI", 3.0)}),
        # an op-ed whose byline gives the author's office: "my own country" is the ally it served
        # ("our Finnish neighbours" are Finland, named by its demonym)
        (
            "By Anna Berg, the Netherlands' ambassador to NATO from 2016 to 2021",
            {("DE", 2.1), ("NL", 2.05), ("FI", 3.0)},
        ),
    ],
)
def test_my_own_country_is_the_op_ed_authors_never_the_ally_named_before(
    byline: str, expected: set[tuple[str, float]]
) -> None:
    """'Germany crossed the line, reaching 2.1%. My own country managed 2.05%.'"""
    text = (
        f"OPINION\n\n{byline}\n\nI was there when we argued about it. I still think our allies must spend more.\n\n"
        "We were slow. Germany finally crossed the 2% line in 2024, reaching 2.1% of GDP on defence."
        " My own country managed 2.05%, a result I would not boast about. Our Finnish neighbours have"
        " committed to reach 3% by 2029.\n"
    )
    article = read_article(f"Title: Europe must pay its bill\nDate: 2025-03-10\n\n{text}")
    assert {(r.subject, r.value) for r in extract(article).spending if r.metric is SHARE} == expected


def test_a_correction_that_names_no_ally_is_not_the_ally_named_before_it() -> None:
    """'Correction: An earlier version said the budget allotted 2.3%. The correct figure is 2.2%.' at
    the end of a story on the Czech budget: the 2.2% is not Poland's, named in the sentence before."""
    text = (
        "PRAGUE — The Czech Chamber of Deputies approved a budget setting aside 2.2% of GDP for defence.\n\n"
        "Poland, by contrast, plans to spend 4.8% of GDP on defence next year.\n\n"
        "Correction: An earlier version of this article said the budget allotted 2.3% of GDP to defence."
        " The correct figure is 2.2%.\n"
    )
    found = {(r.subject, r.value) for r in records(text, date="2025-12-05", title="Czech MPs pass budget")}
    assert ("PL", 2.2) not in found and ("PL", 4.8) in found and ("CZ", 2.2) in found


def test_a_spokesperson_who_corrects_herself_two_sentences_before_drops_the_wrong_figure() -> None:
    """'I have to correct myself. The sheet in front of me is the December projection. The number
    ... for 2025 is 2.3 percent, not 2.2.': the 2.2 said earlier goes, the 2.3 stays."""
    text = (
        "DE WIT: In 2024 the Netherlands spent 2.05 percent of GDP on defence. For this year, we expect"
        " around 2.2 percent.\n\nQ: Is that final?\n\n"
        "DE WIT: Yes, and I have to correct myself. The sheet in front of me is the December projection."
        " The number in the submission we sent to NATO for 2025 is 2.3 percent, not 2.2.\n"
    )
    article = read_article(
        "Title: Transcript: weekly press briefing\nSource: Ministry of Defence of the Netherlands, Press Office\n"
        f"Date: 2025-02-12\n\n{text}"
    )
    found = {(r.subject, r.value) for r in extract(article).spending}
    assert ("NL", 2.2) not in found and ("NL", 2.3) in found


def test_money_committed_to_a_joint_purchase_is_no_allys_budget() -> None:
    """'Denmark, Norway and Sweden announced a joint air-defence purchase, committing DKK 9bn, NOK 12bn
    and SEK 15bn respectively.': orders for one programme, not national budgets."""
    text = (
        "Defence ministers met in Brussels.\n\nDenmark, Norway and Sweden announced a joint air-defence"
        " purchase, committing DKK 9bn, NOK 12bn and SEK 15bn respectively.\n"
    )
    assert records(text, date="2026-02-12", title="Defence ministers count the cost") == []


def test_a_wire_factboxs_bullets_under_an_allys_heading_are_its() -> None:
    """'FRANCE' then '* Estimated at just above 2% this year, after 1.9% last year.': the heading's ally."""
    text = (
        "Below is a snapshot of selected allies' defence spending.\n\nPOLAND\n"
        "* Expected to spend 4.1% of GDP on defence this year, up from 3.9% in 2023.\n\nFRANCE\n"
        "* Estimated at just above 2% this year, after 1.9% last year.\n\nSWEDEN\n"
        "* Joined in March as the 32nd member and is projected at 2.2% of GDP this year.\n"
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.as_written)
        for r in records(text, date="2024-07-05", title="Factbox: allies' spending")
    }
    assert found == {
        ("PL", 2024, "4.1%"),
        ("PL", 2023, "3.9%"),
        ("FR", 2024, "just above 2%"),
        ("FR", 2023, "1.9%"),
        ("SE", 2024, "2.2%"),
    }


def test_a_demonyms_compound_adjective_names_no_other_spender() -> None:
    """'..., depending on contracts for a German-led brigade's barracks': Germany spends nothing here."""
    text = (
        "Lithuania spent 4.0% of GDP on defence last year. For this year, the government has committed to"
        " between 5% and 6%, depending on contracts for a German-led brigade's barracks.\n"
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.as_written) for r in records(text, date="2026-09-21")
    }
    assert found == {("LT", 2025, "4.0%"), ("LT", 2026, "between 5% and 6%")}


def test_a_table_of_fiscal_years_dates_each_row_by_its_first_year() -> None:
    """'2026-27 | 66.1 | 2.04' under a table of the topic ally's fiscal years: 2.04% in 2026."""
    text = (
        "Canada's defence spending is projected to reach 2.0 per cent of GDP in fiscal year 2025-26.\n\n"
        "Fiscal year | $ billions | Per cent of GDP\n2024-25 (actual) | 41.0 | 1.37\n2026-27 | 66.1 | 2.04\n"
    )
    found = {
        (r.when.year if r.when else None, r.value)
        for r in records(text, date="2025-11-04", title="Budget 2025: defence")
    }
    assert {(2024, 1.37), (2026, 2.04)} <= found


def test_nato_eligible_spending_is_the_topic_allys_not_the_alliances() -> None:
    """'NATO-eligible defence spending is expected to total $62.7 billion': a kind of spending, Canada's."""
    text = (
        "Canada's defence spending is projected to reach 2.0 per cent of GDP in 2025-26.\n\n"
        "NATO-eligible defence spending is expected to total $62.7 billion in 2025-26.\n"
    )
    found = {
        (r.subject, r.value, r.currency)
        for r in records(text, date="2025-11-04", title="Budget 2025: defence")
    }
    assert ("CA", 62.7e9, "CAD") in found


def test_an_apposition_on_the_figure_names_no_other_spender() -> None:
    """'Last year the figure stood at 1.45%, a level that had made Canada a target of criticism from
    Washington': the comment's places are no spenders, so the topic keeps its figure."""
    text = (
        "Canada's defence spending will reach 2.0% of GDP this year.\n\n"
        "Last year the figure stood at 1.45%, a level that had made Canada a target of criticism from Washington.\n"
    )
    found = {(r.subject, r.when.year if r.when else None, r.value) for r in records(text, date="2025-11-04")}
    assert ("CA", 2024, 1.45) in found


def test_a_clause_with_a_year_and_a_hyphen_is_no_label() -> None:
    """'Germany spent 2.1% in 2024 - roughly €90 billion - while Poland led at 4.1%': the hyphen after
    "2024" ends no year label, so Poland keeps its 4.1% (it was Germany's)."""
    text = "Germany spent about 2.1% of GDP on defence in 2024 - roughly €90 billion - while Poland led the alliance at 4.1%."
    assert ("PL", 4.1) in {(r.subject, r.value) for r in records(text)}
    assert ("DE", 4.1) not in {(r.subject, r.value) for r in records(text)}


def test_a_model_natos_players_moves_are_no_allys_and_its_reality_check_is() -> None:
    """'The team representing Italy offered 2.8% by 2028' in a Model NATO story is a role play; the
    paragraph set against the game ('bear little resemblance to what governments actually spend') is real."""
    text = (
        "About 140 students took part in Model NATO, a simulation in which each team plays an ally.\n\n"
        "Priya Natarajan, who led the German delegation, promised that Berlin would reach 3.5% on defence."
        " The team representing Italy offered 2.8% by 2028.\n\n"
        "The simulation's numbers bear little resemblance to what governments actually spend. According to"
        " NATO, Germany spent about 2.1% of GDP on defence in 2024.\n"
    )
    found = {(r.subject, r.value) for r in records(text, title="Students play NATO")}
    assert found == {("DE", 2.1)}


def test_the_cost_of_a_security_operation_is_no_defence_budget() -> None:
    """'It is the largest security operation the Netherlands has mounted, with 27,000 police officers
    on duty, and the government estimates the bill at €183 million': the summit's cost, not defence."""
    text = (
        "Leaders began arriving on Tuesday for the two-day meeting. It is the largest security operation the"
        " Netherlands has ever mounted, with around 27,000 police officers and military personnel on duty,"
        " and the national government estimates the bill at €183 million.\n\n"
        "The country spent 2.05% of GDP on defence last year.\n"
    )
    found = {r.value for r in records(text, date="2025-06-24", title="Summit in The Hague")}
    assert found == {2.05}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("4.8% — What Poland expects to spend this year.", ("PL", 2026, "4.8%")),
        (
            "2.0% - What Canada says it spent in the fiscal year that closed on 31 March.",
            ("CA", 2026, "2.0%"),
        ),
        (
            "1.3-1.5% - The range in which Madrid expects Spain's spending to land this year.",
            ("ES", 2026, "1.3-1.5%"),
        ),
    ],
)
def test_a_by_the_numbers_entry_that_says_whose_spending_in_other_words(
    line: str, expected: tuple[str, int, str]
) -> None:
    """'What Poland expects to spend', 'Spain's spending' after the figure and a dash name its owner."""
    text = f"By the numbers: allies' defence spending.\n\n{line}\n"
    found = {
        (r.subject, r.when.year if r.when else None, r.as_written) for r in records(text, date="2026-05-08")
    }
    assert found == {expected}


def test_year_columns_of_shares_beside_a_money_column_are_all_read() -> None:
    """'Country  2025 actual  2026 est.  2027 budget  2027 USD bn': the share columns (notes without
    brackets) are read as well as the money column."""
    text = (
        "Table 1. Core defence expenditure (% of GDP) and 2027 budget (USD billion)\n\n"
        "Country          2025 actual   2026 est.   2027 budget   2027 USD bn\n"
        "Poland                  4.48        4.62          4.81          48.9\n"
        "Estonia                 3.42        3.71          5.40           2.5\n"
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.as_written)
        for r in records(text, date="2027-03-09", title="Data note: core defence spending")
    }
    assert {
        ("PL", 2025, "4.48%"),
        ("PL", 2027, "4.81%"),
        ("EE", 2027, "5.40%"),
        ("EE", 2026, "3.71%"),
    } <= found


def test_a_figure_put_to_the_guest_by_the_publications_own_label_is_no_fact() -> None:
    """ "**Bastion:** ... told a talk show that Germany spent 3.5% of GDP last year. Is the job done?"
    in Bastion magazine: the magazine's question carries someone else's claim, which the answer denies."""
    article = read_article(
        "Title: An interview on defence spending\nSource: Bastion — European Security Magazine\nDate: 2027-03-11\n\n"
        "General Konrad Wallenfels retired from the German Army in 2023. He spoke to us in Koblenz.\n\n"
        "**Bastion:** A colleague told a talk show that Germany spent 3.5% of GDP last year. Is the job done?\n\n"
        "**Konrad Wallenfels:** No. Germany spent 2.8% of GDP last year."
    )
    assert {(r.subject, r.when.year if r.when else None, r.value) for r in extract_spending(article)} == {
        ("DE", 2026, 2.8)
    }


def test_a_translation_that_keeps_the_budgets_own_name_reads_it_as_the_budget() -> None:
    """'the manovra foresees 2,15%' in a story translated from Italian: the budget law's figure."""
    text = (
        "The budget law brings Italian defence spending to 2,01% of GDP this year.\n\n"
        "For next year the manovra foresees 2,15%.\n"
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.value)
        for r in records(text, date="2025-10-16", title="Defence: Italy's budget law")
    }
    assert found == {("IT", 2025, 2.01), ("IT", 2026, 2.15)}


def test_a_correction_that_names_the_wrong_figure_keeps_the_right_one_stated_before() -> None:
    """'Correction: An earlier version gave Norway's figure for last year as 2.0% of GDP. The book gives
    2.2%.': the 2.2% the review states (as corrected) stays; the 2.0% goes."""
    text = (
        "Norway, which the book credits with 2.2% of GDP last year, gets a hearing.\n\n"
        "Correction: An earlier version of this review gave Norway's figure for last year as 2.0% of GDP."
        " The book gives 2.2%.\n"
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.value)
        for r in records(text, date="2025-09-14", title="Review: a book on defence spending")
    }
    assert found == {("NO", 2024, 2.2)}


@pytest.mark.parametrize("opening", ["By the book's count,", "By one count", "By NATO's reckoning,"])
def test_whose_count_opens_a_sentence_is_no_change_in_its_amount(opening: str) -> None:
    """'By the book's count Washington spent roughly $968bn on defence in 2024': a level, by someone's
    reckoning; "by" here is no rise's ("rose by $4bn")."""
    found = facts(f"{opening} Washington spent roughly $968bn on defence in 2024.")
    assert found == {("US", Metric.AMOUNT, 2024, 968_000_000_000.0)}


def test_a_quoted_phrase_of_standing_and_its_figure_is_the_writers_sentence() -> None:
    """'Canada has "hovered around 1.3%" for most of the past decade': the quoted words are the
    writer's sentence's own level, over many years (so no one year)."""
    found = facts('Canada has "hovered around 1.3%" of GDP on defence for most of the past decade.')
    assert found == {("CA", SHARE, None, 1.3)}


def test_another_speakers_turn_does_not_inherit_the_ally_the_last_turn_named() -> None:
    """ "LINDQVIST: Norway gets its submarines on time." then "RAMAN: ... the bigger number is the 5 per
    cent by 2035 that the Prime Minister signed": in a debate on Canada, no figure of Norway's."""
    text = (
        "THIBODEAU: We promised two per cent of GDP on defence and we delivered it.\n\n"
        "LINDQVIST: Norway also gets its submarines delivered on time.\n\n"
        "RAMAN: Ms. Lindqvist, the bigger number is the 5 per cent by 2035 that the Prime Minister signed at"
        " The Hague, with 3.5 per cent for core defence. Would your party honour that?\n"
    )
    found = records(text, date="2026-10-15", title="Debate: can Canada afford its defence spending?")
    assert "NO" not in {r.subject for r in found}


def test_a_correction_of_a_weekdays_issue_takes_its_wrong_figure_back() -> None:
    """ "Friday's issue said Belgium had reached 2.3% of GDP in 2025. ... Belgium's 2025 outturn was
    2.0%.": a newsletter's correction of its own earlier issue; only the right figure stays."""
    text = (
        "Friday's issue said Belgium had reached 2.3% of GDP in 2025. That figure was the defence"
        " ministry's projection for 2026. Belgium's 2025 outturn was 2.0%. We regret the error.\n"
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.value)
        for r in records(text, date="2026-06-29", title="Countdown to the summit: defence spending")
    }
    assert found == {("BE", 2025, 2.0)}


def test_a_chart_comparing_two_years_dates_each_pair_of_figures() -> None:
    """ "The chart ... comparing 2014 ... with last year": "Denmark climbed from 1.15% to 3.3%" is
    1.15% in 2014 and 3.3% last year; "Lithuania's dark bar is the tallest at 5.6%" is last year's."""
    text = (
        "The chart shows defence spending as a share of GDP for allies in the region, comparing 2014, the"
        " year leaders first pledged to move towards 2%, with last year.\n\n"
        "Lithuania's dark bar is the tallest at 5.6%. Denmark climbed from 1.15% to 3.3%.\n"
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.value)
        for r in records(text, date="2027-02-15", title="Chart of the week: defence spending")
        if r.subject != ALLIANCE
    }
    assert found == {("LT", 2026, 5.6), ("DK", 2014, 1.15), ("DK", 2026, 3.3)}


def test_a_legend_for_brackets_as_the_year_before_dates_each_bracketed_figure() -> None:
    """ "A number in brackets is the same measure one year earlier": "4.12% — Poland's spending this
    year (3.83%)" gives 3.83% for last year; an undated entry's bracket stays undated; a plan the text
    says has no date has none."""
    text = (
        "A number in brackets is the same measure one year earlier, unless another year is shown.\n\n"
        "4.12% — Poland's estimated defence spending this year as a share of GDP (3.83%).\n\n"
        "2.33% — the United Kingdom (2.30%). The government repeats that it will reach 2.5% but attaches no date.\n"
    )
    found = {
        (r.subject, r.when.year if r.when else None, r.value)
        for r in records(text, date="2024-11-29", title="The Tally: defence spending in numbers")
    }
    assert {f for f in found if f[0] == "PL"} == {("PL", 2024, 4.12), ("PL", 2023, 3.83)}
    assert ("GB", 2024, 2.30) not in found and ("GB", None, 2.5) in found


@pytest.mark.parametrize("restating", ["works out to", "comes to", "translates into", "equates to"])
def test_a_level_restated_in_another_unit_by_its_own_verb(restating: str) -> None:
    """'Canada will spend C$63 billion on defence this year. That works out to about 2.1% of GDP.'"""
    text = f"Canada will spend C$63 billion on defence this year. That {restating} about 2.1% of GDP."
    assert ("CA", SHARE, 2025, 2.1) in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Madrid argues that about 2.1% is enough to meet its capability targets.", {("ES", None, 2.1)}),
        # (this reverses an earlier choice, which took the claim for no figure at all)
        (
            "Slovenia's prime minister argues that 1.5% is enough to meet its capability targets.",
            {("SI", None, 1.5)},
        ),
        (
            "Spain insists that 2.1% of GDP is sufficient for a country with no land border.",
            {("ES", None, 2.1)},
        ),
        # a level others judge, or judged short, is no ally's goal
        ("Critics argue that 2.1% is not enough.", set()),
        ("Analysts say 2.1% is enough for Spain.", set()),
    ],
)
def test_what_an_ally_says_is_enough_for_itself_is_its_own_goal(text: str, expected: set[object]) -> None:
    """ "Madrid argues that about 2.1% is enough": Spain's own goal, a target with no year."""
    found = {
        (r.subject, r.when.year if r.when else None, r.value)
        for r in records(text, date="2026-02-17", title="Defence spending")
        if r.status is FigureStatus.TARGET and r.subject != ALLIANCE
    }
    assert found == expected


def test_the_paragraph_before_on_something_else_leaves_a_line_on_defence() -> None:
    """ "Canada (C). ... by reclassifying pensions ..." before "Portugal (C). Lisbon sits just under 2%":
    the pensions are Canada's paragraph's, not a sign that Portugal's line is on something else."""
    text = (
        "The scorecard grades each ally on how much it spends on defence.\n\n"
        "Canada (C). Ottawa says it reached 2% this year, largely by reclassifying pensions and coast guard"
        " costs.\n\nPortugal (C). Lisbon sits just under 2% and has not said when it will clear the line.\n"
    )
    found = {
        (r.subject, r.as_written)
        for r in records(text, date="2025-11-20", title="Allied Effort Scorecard 2025")
    }
    assert ("PT", "just under 2%") in found


def test_a_plan_that_has_it_reaching_a_figure_is_the_allys() -> None:
    """ "Germany's own plan has it reaching 3.5% in 2029": "it" is the spending the plan projects."""
    found = facts("Germany's own plan for defence spending has it reaching 3.5% of GDP in 2029.")
    assert ("DE", SHARE, 2029, 3.5) in found
