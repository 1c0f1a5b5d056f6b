"""The alliance's own figures: its spending targets and how many allies meet them.

* **Targets.** A percentage of GDP in a clause whose subject is the alliance ("allies committed
  to invest 5% of GDP by 2035", "NATO's 2% guideline", "leaders agreed a target of 3.5%") and that
  speaks of a goal (target, goal, guideline, pledge, commitment, agreed, aim, by a year) is a
  target of the alliance (subject ``NATO``, status target), dated by its deadline ("by 2035"),
  else by the clause's one year ("agreed in Wales in 2014"). Parts of a target joined to it
  ("split between 3.5% for core needs and 1.5% for wider items") are targets of the same year. A
  clause that names a country before the figure is that country's business, not the alliance's.
* **Counts.** "23 of the 32 allies", "Twenty-three allies", "two-thirds of members" with a verb
  of meeting or reaching a target: the number of allies meeting it (``ALLIES_MEETING_TARGET``),
  with the total when given and the target percent when the clause names one. A forecast ("are
  expected to", "on course to") is an estimate; a bound ("more than 20 allies") is not a count.
"""

from __future__ import annotations

import re

from knowledge.extract.numbers import COUNT_PATTERN, find_percents, parse_count, qualifier_before
from knowledge.extract.spending._clauses import DATELINE, clause_spans
from knowledge.extract.spending._status import figure_status
from knowledge.extract.timeref import find_times
from knowledge.gazetteer import find_country_mentions, find_demonyms, find_government_seats
from knowledge.models import ALLIANCE, Article, FigureStatus, Metric, Passage, SpendingRecord, TimeRef

_ALLIANCE_SUBJECT = re.compile(
    r"\bNATO\b|\b(?i:alliance|allies|allied|members|member\s+states|leaders|heads\s+of\s+state)\b"
)
_GOAL = re.compile(
    r"\b(?:targets?|goal|guideline|benchmark|pledged?|commit(?:ted|ment|s)?|agreed|agreement|aims?|"
    r"invest|threshold|floor|by\s+(?:19|20)\d\d)\b",
    re.I,
)
_DEADLINE = re.compile(
    r"\s*(?:of\s+(?:their\s+|its\s+)?GDP\s+)?[^.;]{0,60}?\bby\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
_TARGET_BOUND = re.compile(r"at\s+least|up\s+to|no\s+less\s+than", re.I)
_NAMED_BEFORE = re.compile(r"\b(?:target|goal|guideline|benchmark|threshold)\s+of\s+(?:spending\s+)?$", re.I)
_REFERENCE = re.compile(
    r"\s*(?:of\s+GDP\s+)?(?:(?:defen[cs]e|spending)\s+)?(?:guideline|target|goal|benchmark|threshold|line|mark|level|figure)\b",
    re.I,
)
_SETTING = re.compile(
    r"\b(?:agreed?|set|adopted|pledged?|committed|commitment|endorsed?|raised?|introduced|proposed|decided)\b",
    re.I,
)
_COUNT = re.compile(
    rf"\b(?P<n>{COUNT_PATTERN})\s+(?:of\s+(?:the\s+|NATO['’]s\s+|its\s+|all\s+)?(?P<total>{COUNT_PATTERN})\s+)?"
    r"(?:allies|members|member\s+states|countries|nations)\b",
    re.I,
)
_MEETING = re.compile(
    r"\b(?:met|meet|meets|meeting|reach(?:ed|es|ing)?|hit|exceed(?:ed|s)?|cross(?:ed)?|spend(?:ing)?\s+at\s+least|"
    r"are\s+above|were\s+above|on\s+course|on\s+track|spen[dt]\w*\s+(?:at\s+least\s+)?\d+(?:\.\d+)?\s*%\s+or\s+more)",
    re.I,
)
_COUNT_CUE = re.compile(r"allies|members|countries|nations|states", re.I)
_NOT_NATO = re.compile(r"\bEU\b|European\s+Union|\bG7\b|\bG20\b|\bOECD\b")
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_FORECAST = re.compile(
    r"\b(?:expect\w*|projected|forecast\w*|on\s+course|on\s+track|will|would|estimat\w*)\b", re.I
)
_OF_BEFORE = re.compile(r"\b(?:of|all|the)\s+$", re.I)
_COMPARED_COUNT = re.compile(
    rf"\b(?:up\s+from|against|compared\s+with|from)\s+(?:just\s+|only\s+)?(?P<n>{COUNT_PATTERN})\s+"
    r"(?:(?:allies|members|countries)\s+)?in\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
_NEGATED = re.compile(r"\b(?:not|never|no\s+longer|fail(?:ed|s)?\s+to)\b|n['’]t\b", re.I)


def alliance_records(article: Article, claimed: set[tuple[int, str]]) -> list[SpendingRecord]:
    """Return the alliance's targets and counts of allies meeting them, except figures in claimed."""
    records: list[SpendingRecord] = []
    for passage in article.passages:
        for start, end in clause_spans(passage.text):
            records += _targets(passage, start, end, article)
            records += _counts(passage, start, end, article)
    return [r for r in records if (r.passage, r.as_written) not in claimed]


def _targets(passage: Passage, start: int, end: int, article: Article) -> list[SpendingRecord]:
    """Return the alliance targets a clause states."""
    text = passage.text
    subject = _ALLIANCE_SUBJECT.search(text, start, end)
    if subject is None or _GOAL.search(text, start, end) is None:
        return []
    spenders = [*find_country_mentions(text), *find_demonyms(text), *find_government_seats(text)]
    dateline = DATELINE.match(text)  # "ROME —" says where the story was filed, not who spends
    countries = [s for _, s, _ in spenders if start <= s < end and not (dateline and s < dateline.end())]
    records = []
    deadline: int | None = None
    for quantity in find_percents(text[:end]):
        if (
            quantity.start < start
            or subject.start() > quantity.start
            or any(s < quantity.start for s in countries)
        ):
            continue  # the alliance must be the subject; a country named first makes it that country's
        qualifier = qualifier_before(text, quantity.start)
        if qualifier is not None and not _TARGET_BOUND.fullmatch(qualifier.text):
            continue  # "more than 2%" is a bound; "at least 3.5%" is how targets are written
        named = _REFERENCE.match(text, quantity.end) or _NAMED_BEFORE.search(text, start, quantity.start)
        if named and not _SETTING.search(text, start, end):
            continue  # "to meet the 2% guideline" names a target; only "agreed", "set", "pledged" state one
        found = _DEADLINE.match(text, quantity.end)
        if found:
            deadline = int(found.group("year"))
        when = (
            TimeRef(text=f"by {deadline}", year=deadline)
            if deadline
            else _one_time(text, start, end, article)
        )
        records.append(
            SpendingRecord(
                passage=passage.position,
                subject=ALLIANCE,
                metric=Metric.SHARE_OF_GDP,
                when=when,
                value=quantity.value,
                as_written=quantity.text,
                target=quantity.value,
                status=FigureStatus.TARGET,
            )
        )
    return records


def _counts(passage: Passage, start: int, end: int, article: Article) -> list[SpendingRecord]:
    """Return the counts of allies meeting a target that a clause states, and the counts they are compared with."""
    text = passage.text
    records: list[SpendingRecord] = []
    if not _COUNT_CUE.search(text, start, end):
        return records  # no "allies", "members", "countries": no count of them
    for match in _COUNT.finditer(text, start, end):
        count = None if _A_YEAR.fullmatch(match.group("n")) else parse_count(match.group("n"))
        verb = _MEETING.search(text, match.end(), min(end, match.end() + 60))
        if count is None or verb is None or not (_GOAL.search(text, start, end) or "%" in text[start:end]):
            continue
        if _NOT_NATO.search(text, start, end):
            continue  # "22 of the 27 EU countries": another club's members
        if qualifier_before(text, match.start()) is not None or _OF_BEFORE.search(text, start, match.start()):
            continue  # "more than 20 allies" is a bound; "Of 32 allies, 23 ..." names the total
        if _NEGATED.search(text, match.end(), verb.end()):
            continue
        total = parse_count(match.group("total")) if match.group("total") else None
        percents = [q.value for q in find_percents(text[:end]) if q.start >= start]
        when = _count_time(text, start, end, article)
        status = _count_status(text[start:end], when, article)
        target = percents[0] if len(percents) == 1 else None
        records.append(_count_record(passage, count, total, target, when, match.group(0), status))
        for earlier in _COMPARED_COUNT.finditer(text, match.end(), end):
            value = parse_count(earlier.group("n"))
            year = int(earlier.group("year"))
            if value is not None:
                earlier_when = TimeRef(text=earlier.group("year"), year=year)
                records.append(
                    _count_record(
                        passage, value, None, target, earlier_when, earlier.group("n"), FigureStatus.ACTUAL
                    )
                )
    return records


def _count_status(clause: str, when: TimeRef | None, article: Article) -> FigureStatus:
    """Return how sure a count is: a forecast is an estimate, else the year against the article's date."""
    if _FORECAST.search(clause):
        return FigureStatus.ESTIMATE
    status = figure_status("", when, article.meta.published, False)
    return FigureStatus.ESTIMATE if status is FigureStatus.PLANNED else status


def _count_record(
    passage: Passage,
    count: int,
    total: int | None,
    target: float | None,
    when: TimeRef | None,
    written: str,
    status: FigureStatus,
) -> SpendingRecord:
    """Return an ALLIES_MEETING_TARGET record."""
    return SpendingRecord(
        passage=passage.position,
        subject=ALLIANCE,
        metric=Metric.ALLIES_MEETING_TARGET,
        when=when,
        value=float(count),
        total=total,
        target=target,
        as_written=written,
        status=status,
    )


def _count_time(text: str, start: int, end: int, article: Article) -> TimeRef | None:
    """Return a count's time: the clause's one year, leaving out the year of a count it is compared with."""
    compared = [m.span() for m in _COMPARED_COUNT.finditer(text, start, end)]
    times = [
        t
        for t, s, e in find_times(text, article.meta.published)
        if start <= s and e <= end and t.year and not any(a <= s < b for a, b in compared)
    ]
    return times[0] if len({t.year for t in times}) == 1 else None


def _one_time(text: str, start: int, end: int, article: Article) -> TimeRef | None:
    """Return the clause's time when it gives exactly one year."""
    times = [t for t, s, e in find_times(text, article.meta.published) if start <= s and e <= end and t.year]
    return times[0] if len({t.year for t in times}) == 1 else None
