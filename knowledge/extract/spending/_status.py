"""How sure a figure is: a goal, a plan, an estimate or what was spent.

Read from the words that lead to the figure (its clause from the start up to the figure), in this
order: a goal ("aims", "pledged", "promised", "committed", "target", "ambition", "intends",
"decided") is a **target**, unless a verb that states what was spent follows it ("after the Wales
pledge, Poland spent ...": the pledge frames the sentence); a plan or budget ("will", "said it would reach", "plans", "budgeted", "earmarked", "approved a budget", "requested", "the programming law",
"expects ... to", "is set to", "adopted", "foresees") is **planned**, except a past year's budget ("approved",
"budgeted" for a year before the article's: what that year had); "estimated", "is expected", "projected",
"forecast", "on course" make an **estimate**. With none of these the figure's year decides: the
article's own year is an estimate (the year is not over) unless that year's budget law states it
("the 2025 budget is 4.7% of GDP"), a later year is planned, an earlier year is actual unless the
frame calls the figures estimates. With no year at all: actual.
"""

from __future__ import annotations

import re

from knowledge.extract.spending._clauses import ADVERB_APPOSITION, FISCAL_DOCUMENT
from knowledge.models import FigureStatus, PartialDate, TimeRef

_TARGET = re.compile(
    r"\b(?:aims?|aiming|aimed|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|commit(?:s|ted|ment)|committing\s+to\b|targets?|targeted|"
    r"goal|objectives?\s+of|ambition|sign(?:s|ed|ing)?\s+up\s+to(?=\s+\d[\d.,]*\s*(?:%|per\s*cent))|sign(?:s|ed|ing)?\s+up\s+with\s+[^.;,]{1,40}?\s+to\s+(?:reach|spend|hit|meet)|oblig(?:es|ed|ing|ation)|intends?|intended|vow(?:s|ed)?|wants?\s+to|undertook|undertaken|decided|path\s+(?:to|towards)|"
    # a pact to reach a level is a goal; "Under the coalition pact Italy raised its budget" is not
    r"(?:pacts?|accords?|agreements?)\s+to\s+(?:reach|spend|hit|meet|raise|lift)"
    r"|agreed?\s+(?:(?:at|in)\s+(?-i:(?:The\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+)?to)\b",  # "agreed at The Hague to"
    re.I,
)
# Evidence that states a figure: its own verb, not the presenter's, tells its status.
_SHOWING = re.compile(r".*\b(?:showing|shows|showed|show)\s+(?:that\s+)?", re.I)
_WOULD_SPEND = re.compile(r"\bwould\s+(?:spend|be\s+at)\b", re.I)
_PLANNED = re.compile(
    r"\b(?:will|plans?|planned|planning|budgeted|earmark(?:s|ed)?|allocat\w+|set(?:s)?\s+aside|request(?:s|ed)?|"
    r"expects?\b[^.;]{0,40}?\bto\s+\w+|expects?\s+(?:its\s+)?(?:(?:defen[cs]e|military)\s+)?(?:spending|outlays|budget|expenditure)\b|is\s+set\s+to|are\s+set\s+to|draft|proposed|approv\w+|"
    r"going\s+to|next\s+year|foresee\w*|envisag\w*|provides?\s+for|adopt(?:s|ed)?|would\s+(?:reach|meet|hit|exceed|top)|(?:programming|budget|finance|spending|defen[cs]e)\s+(?:law|act|bill)"
    rf"|{FISCAL_DOCUMENT})\b",  # a government's fiscal document plans
    re.I,
)
_ESTIMATE = re.compile(
    r"\b(?:estimat\w*|expected|expects|projected|projection|forecast\w*|on\s+course|on\s+track|prelim(?:inary)?"
    r"|provisional)\b",  # "2025 (prelim.)" as a column's note
    re.I,
)

# A target named as what is met or missed: "meets the 2% target", "reached NATO's guideline".
_TARGET_MET = re.compile(
    r"\b(?:meet|meets|met|meeting|reach|reaches|reached|hit|hits|exceed\w*|miss\w*|surpass\w*)\s+"
    r"(?:the\s+|NATO['’]s\s+|its\s+|the\s+alliance['’]s\s+)?(?:[\w%.-]+\s+){0,3}?(?:target|goal|guideline)\b",
    re.I,
)
# A year's budget law: "the 2025 budget", "this year's defence budget", "the budget for 2025",
# "its budget for the current year".
_BUDGET = re.compile(
    r"\b(?:(?:19|20)\d\d|(?:this|the\s+current)\s+year['’]s)\s+(?:defen[cs]e\s+)?budget\b"
    r"|\bbudget\s+for\s+(?:(?:19|20)\d\d|(?:this|the\s+current)\s+(?:fiscal\s+)?year)\b"
    r"|\b(?-i:Budget)\s+(?:19|20)\d\d\b"  # a budget's own name: "Budget 2026 raises that to $68.4 billion"
    # "For the current year, the budget adopted in December foresees ..."
    r"|\bfor\s+(?:(?:19|20)\d\d|this\s+year|the\s+current\s+year),\s+(?:the|its)\s+(?:[\w-]+\s+)?budget\b",
    re.I,
)
# A plan read only from budget words ("approved", "budgeted"): for a past year it is what was spent.
_BUDGET_ONLY = re.compile(
    r"budgeted|approv\w+|adopt(?:s|ed)?|foresee\w*|envisag\w*|provides?\s+for|allocat\w+|earmark(?:s|ed)?|request(?:s|ed)?",
    re.I,
)
_ASIDE = re.compile(rf",\s*(?:which|who|whose)\b[^,;]*,|{ADVERB_APPOSITION}")
# A verb that states what is spent, after a goal word: "Ten years after the Wales pledge, Poland now
# spends at least 2%" reports spending; the pledge only dates the sentence.
_SPENDS = re.compile(
    r"(?<!\bto\s)\b(?:spends|spent|(?:is|are|was|were)\s+spending|stood|stands|reached|totall?ed|achieved)\b",
    re.I,
)
_ACTUAL_FIGURE = re.compile(r"\b(?:an\s+)?actual\s+(?:about\s+|around\s+)?\S*$", re.I)
# Someone's estimate of another's plan: "NATO estimates that Norway will reach" (an ally's own
# "expects that" stays its plan).
_ESTIMATED_PLAN = re.compile(r"\b(?:estimates?|estimated|projects?|projected|forecasts?)\s+that\b", re.I)
# The figures are someone's estimates: "according to NATO's latest estimates", "by NATO estimates".
# NATO's own figures for a year just ended are its estimates, revised the next year.
NATO_FIGURES = re.compile(
    r"\bNATO(?:['’]s)?\s+(?:(?:latest|own|new)\s+)?(?:figures?|data|numbers?|statistics)\b"
)
ESTIMATES_SOURCE = re.compile(
    r"\b(?:according\s+to|by|on)\s+(?:the\s+|an?\s+)?(?:[\w.-]+\s+)?(?:[\w.-]+['’]s?\s+)?"
    r"(?:(?:latest|own|new|current|preliminary|updated|first)\s+)?(?:estimates?|projections?|forecasts?)\b",
    re.I,
)
# "an estimated 2.1%", "an estimated $1.01 trillion ..., or about 3.3 percent" (the same figure restated)
_FIGURE_WORDS = r"\S*(?:\s+(?:trillion|billion|million|bn|percent|per\s+cent|pct))?"
# Those who estimate others' spending expecting an ally to spend ("NATO expects Estonia to spend
# 5.4%"); an ally's own "expects to spend" is its plan.
_OTHERS_EXPECT = re.compile(
    r"\b(?:NATO|[Tt]he\s+alliance|[Aa]nalysts|[Ee]conomists|[Ff]orecasters|[Tt]he\s+IMF|[Tt]he\s+OECD)"
    r"\s+(?:now\s+|also\s+|still\s+)?(?:expects?|expected|projects?|projected|forecasts?)\s+(?=[A-Z]|the\s|its\s)"
)
_ESTIMATED_FIGURE = re.compile(
    rf"\b(?:an\s+)?estimated\s+(?:at\s+)?(?:about\s+|around\s+)?{_FIGURE_WORDS}"
    rf"(?:\s[^,;]{{0,60}},\s+or\s+(?:about\s+|around\s+|roughly\s+|some\s+)?{_FIGURE_WORDS})?$",
    re.I,
)


def figure_status(
    lead: str,
    when: TimeRef | None,
    published: PartialDate | None,
    estimates: bool,
) -> FigureStatus:
    """Return a figure's status from the words leading to it, its time and the article's date.

    ``estimates``: its sentence calls the figures estimates. A figure for the article's own year is
    an estimate too: the year is not over.
    """
    lead = _ASIDE.sub(" ", lead)  # "Spain, which had argued against the new target, reached 2%"
    shown = _SHOWING.search(lead)
    if shown is not None:  # "will present figures showing the country reached 2.6%": what they show
        lead = lead[shown.end() :]
    lead = _TARGET_MET.sub(
        " ", lead
    )  # "it now meets the 2% target, spending C$62.7 billion": met, not aimed at
    if _ESTIMATED_FIGURE.search(lead):  # "will spend an estimated 2.1%": the figure itself is an estimate
        return FigureStatus.ESTIMATE
    if _ACTUAL_FIGURE.search(lead) and not (when and published and when.year and when.year >= published.year):
        return FigureStatus.ACTUAL  # "up from an actual 1.21% a year earlier": the sentence says so
    if ESTIMATES_SOURCE.search(lead):
        return FigureStatus.ESTIMATE  # "According to NATO's latest estimates, Canada will spend 1.37%"
    estimated = _ESTIMATED_PLAN.search(lead)
    if estimated is not None and not _TARGET.search(lead, 0, estimated.start()):
        return FigureStatus.ESTIMATE  # "The alliance estimates that Norway will reach 2.6%": its estimate
    if _OTHERS_EXPECT.search(lead):
        return FigureStatus.ESTIMATE  # "NATO expects Estonia to spend 5.4%": the alliance's estimate
    goals = list(_TARGET.finditer(lead))
    if goals and _SPENDS.search(lead, goals[-1].end()):
        lead, goals = lead[goals[-1].end() :], []
    if goals:
        return FigureStatus.TARGET
    plans = [m.group(0) for m in _PLANNED.finditer(lead)]
    if plans and all(p.lower().startswith("next") for p in plans) and _ESTIMATE.search(lead):
        return FigureStatus.ESTIMATE  # "next year spending is forecast to rise to ...": a time, no plan
    if plans and not (_past(when, published) and all(_BUDGET_ONLY.fullmatch(p) for p in plans)):
        return FigureStatus.PLANNED
    if _ESTIMATE.search(lead):
        return FigureStatus.ESTIMATE
    year = when.year if when else None
    if year is None and _WOULD_SPEND.search(lead):
        return (
            FigureStatus.PLANNED
        )  # "agreed that Lithuania would spend 5% from 2026 to 2030": no year, a plan
    if year is None or published is None:
        return FigureStatus.ESTIMATE if estimates else FigureStatus.ACTUAL
    if year > published.year or (year == published.year and _BUDGET.search(lead)):
        return FigureStatus.PLANNED  # a later year, or this year's budget: "the 2025 budget is 4.7% of GDP"
    if estimates or year == published.year:
        return FigureStatus.ESTIMATE
    if year == published.year - 1 and NATO_FIGURES.search(lead):
        return FigureStatus.ESTIMATE  # "NATO's figures put the UK at 2.41% of GDP last year": NATO's estimate
    return FigureStatus.ACTUAL


def _past(when: TimeRef | None, published: PartialDate | None) -> bool:
    """Return whether a figure's year is before the article's."""
    return when is not None and when.year is not None and published is not None and when.year < published.year
