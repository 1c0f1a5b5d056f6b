"""Pair extracted records with a careful reader's, kind by kind: spending, aggregate, summits, statements.

Each kind is scored by a greedy one-to-one pairing: an expected record is paired with the first
unpaired extracted record that agrees with it on everything the kind compares. Unpaired expected
records are misses (fn); unpaired extracted records are false records (fp).

- spending: allies' own figures, each fact once however often the article states it (a
  non-member's budget is not scored here): country, year, metric (with the status that tells a country's own target from a
  plan), value within rounding (percentages ±0.05 points; money ±1%, in the expected unit), and
  status when the extractor gives one.
- aggregate: alliance-wide counts of allies, totals and targets: the same value and year.
- summits: place (the expected city inside the extracted place, or the same country when the
  article names no city; no place at all when it names neither), month (none when the article
  gives none), year, and status at the article's date.
- statements: speaker (the surname of a person; a shared word for documents; for an unnamed
  source, any unnamed source or a shared word, since the corpus names them by kind: "unnamed
  official"), kind, and text overlap (at least half of the longer text's words shared). A
  partial statement also agrees when the words inside its quotation marks do: the corpus gives
  some partial quotes as the quoted fragment alone ("nothing left to prove"), the extractor as
  the reported clause holding it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from knowledge.errors import BriefingError
from knowledge.extract.statements.spans import find_quotations
from knowledge.gazetteer import by_code, normalize, resolve_country
from knowledge.models import (
    ALLIANCE,
    Article,
    EventRecord,
    Extraction,
    Metric,
    SpeakerType,
    SpendingRecord,
    StatementKind,
    StatementRecord,
)

KINDS = ("spending", "aggregate", "summits", "statements")

MONTHS = [name.lower() for name in calendar.month_name[1:]]
SCALES = {"trillion": 1e12, "billion": 1e9, "million": 1e6, "thousand": 1e3}
PERCENT_TOLERANCE = 0.05 + 1e-9
MONEY_TOLERANCE = 0.01  # relative
TEXT_OVERLAP = 0.5


@dataclass
class KindScore:
    """True positives, false positives and misses of one kind, with descriptions of the errors."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_records: list[str] = field(default_factory=list)

    def add(self, other: KindScore) -> None:
        """Add another score into this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses += other.misses
        self.false_records += other.false_records

    @property
    def precision(self) -> float:
        """Return tp / (tp + fp), 1.0 when nothing was extracted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Return tp / (tp + fn), 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_json(self) -> dict[str, Any]:
        """Return the figures of the ``--json`` output."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def pair(
    expected: list[Any],
    extracted: list[Any],
    agree: Callable[[Any, Any], bool],
    describe_expected: Callable[[Any], str],
    describe_extracted: Callable[[Any], str],
) -> KindScore:
    """Return the score of a greedy one-to-one pairing of expected and extracted records."""
    score = KindScore()
    free = list(extracted)
    for want in expected:
        match = next((got for got in free if agree(want, got)), None)
        if match is None:
            score.fn += 1
            score.misses.append(describe_expected(want))
        else:
            free.remove(match)
            score.tp += 1
    score.fp = len(free)
    score.false_records = [describe_extracted(got) for got in free]
    return score


def score_article(article: Article, extraction: Extraction, expected: dict[str, Any]) -> dict[str, KindScore]:
    """Return each kind's score for one article."""
    published = article.meta.published
    return {
        "spending": _spending(article, extraction, expected),
        "aggregate": _aggregate(article, extraction, expected),
        "summits": _summits(extraction, expected, published.iso() if published else None),
        "statements": _statements(extraction, expected),
    }


# --- spending ---------------------------------------------------------------------------------

# (metric, status) of the corpus -> what the extractor records: a country's own target is a share
# of GDP whose status is "target".
_METRICS = {
    "share_of_gdp": Metric.SHARE_OF_GDP,
    "absolute": Metric.AMOUNT,
    "absolute_increase": Metric.AMOUNT_INCREASE,
    "target": Metric.SHARE_OF_GDP,
}
_VALUE_METRICS = (Metric.SHARE_OF_GDP, Metric.AMOUNT, Metric.AMOUNT_INCREASE)
_COUNTRY_METRICS = (*_VALUE_METRICS, Metric.TARGET_MET, Metric.TARGET_MISSED)


def _country_code(name: str) -> str | None:
    """Return the ISO code of a canonical country name, or None for one the gazetteer lacks."""
    try:
        return resolve_country(name).country.code
    except BriefingError:
        return None


def _status(record: Any) -> str | None:
    """Return the record's status (actual, estimate, planned, target) when the extractor gives one."""
    status = getattr(record, "status", None)
    return None if status is None else str(status)


def _year(record: SpendingRecord | EventRecord) -> int | None:
    """Return the record's resolved year."""
    return record.when.year if record.when else None


def _money_value(record: SpendingRecord, unit: str) -> float | None:
    """Return an amount in the expected unit ("EUR_billion"), or None if the currency differs."""
    currency, _, scale = unit.partition("_")
    if record.value is None or (record.currency or "").upper() != currency.upper():
        return None
    return record.value / SCALES.get(scale, 1.0)


def _spending_agrees(want: dict[str, Any], got: SpendingRecord, sentence_text: str) -> bool:
    """Return whether an extracted spending record is the expected fact."""
    metric = _METRICS.get(want["metric"])
    if want.get("value") is None and want.get("met_target") is not None and metric is Metric.SHARE_OF_GDP:
        # "still below 2%", "well above the guideline": a claim about the target with no figure, read
        # either as target met/missed or as the bound itself ("more than 4%", kept with no value)
        claim = Metric.TARGET_MET if want["met_target"] else Metric.TARGET_MISSED
        bound = got.metric is Metric.SHARE_OF_GDP and got.value is None
        return (
            (got.metric is claim or bound)
            and got.subject == _country_code(want["country"])
            and _year(got) == want.get("year")
        )
    if metric is None or got.metric != metric or got.subject != _country_code(want["country"]):
        return False
    if _year(got) != want.get("year"):
        return False
    status = _status(got)
    if status is not None and status != want.get("status"):
        return False
    if want.get("value") is None:  # a range or words: the figure as written must be there
        return got.value is None or got.as_written.lower() in sentence_text.lower()
    if metric in (Metric.AMOUNT, Metric.AMOUNT_INCREASE):
        value = _money_value(got, want.get("unit") or "")
        return value is not None and abs(value - want["value"]) <= MONEY_TOLERANCE * abs(want["value"])
    return got.value is not None and abs(got.value - want["value"]) <= PERCENT_TOLERANCE


def _describe_spending(record: SpendingRecord, article: Article) -> str:
    """Return an extracted spending record in one line, with its passage."""
    year = _year(record)
    return (
        f"{record.subject} {record.metric} {record.as_written} year={year} status={_status(record)}"
        f" | {_passage(article, record.passage)}"
    )


def _distinct_facts(records: Iterable[SpendingRecord]) -> list[SpendingRecord]:
    """Return one record per fact: the same figure stated in a table and again in a sentence is one fact."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for r in records:
        key = (r.subject, r.metric, r.value, r.as_written if r.value is None else None, _year(r), r.currency)
        if key not in seen:
            seen.add(key)
            kept.append(r)
    return kept


def _spending(article: Article, extraction: Extraction, expected: dict[str, Any]) -> KindScore:
    """Return the spending score: per-country figures."""
    # Non-members' own figures (Russia's budget) are not allies' spending: the corpus lists them apart.
    records = _distinct_facts(
        r
        for r in extraction.spending
        if r.subject != ALLIANCE and r.metric in _COUNTRY_METRICS and by_code(r.subject).nato_member
    )
    wanted = list(
        {
            (w["country"], w["metric"], w.get("value"), w.get("value_text"), w.get("year"), w.get("unit")): w
            for w in expected.get("spending_facts", [])
        }.values()
    )  # the same fact stated twice (a table and a sentence) is one fact, as on the extracted side
    return pair(
        wanted,
        records,
        lambda want, got: _spending_agrees(want, got, _passage(article, got.passage)),
        lambda want: (
            f"{want['country']} {want['metric']} {want.get('value')} {want.get('unit')} year={want.get('year')}"
            f" status={want.get('status')} | {_one_line(want['sentence'])}"
        ),
        lambda got: _describe_spending(got, article),
    )


# --- alliance-wide facts ----------------------------------------------------------------------


def _aggregate_agrees(want: dict[str, Any], got: SpendingRecord) -> bool:
    """Return whether an extracted alliance-wide record is the expected aggregate fact."""
    kind = want.get("kind") or ""
    if want.get("year") is not None and _year(got) is not None and _year(got) != want["year"]:
        return False
    if want.get("value") is None or got.value is None:
        return False
    if "count" in kind:
        return got.metric is Metric.ALLIES_MEETING_TARGET and got.value == want["value"]
    if "total" in kind:
        value = _money_value(got, want.get("unit") or "") if got.metric is Metric.AMOUNT else None
        return value is not None and abs(value - want["value"]) <= MONEY_TOLERANCE * abs(want["value"])
    return got.metric is Metric.SHARE_OF_GDP and abs(got.value - want["value"]) <= PERCENT_TOLERANCE


def _aggregate(article: Article, extraction: Extraction, expected: dict[str, Any]) -> KindScore:
    """Return the aggregate score: alliance totals, counts of allies, alliance targets."""
    records = [
        r
        for r in extraction.spending
        if r.metric is Metric.ALLIES_MEETING_TARGET or (r.subject == ALLIANCE and r.metric in _VALUE_METRICS)
    ]
    return pair(
        expected.get("aggregate_facts", []),
        records,
        _aggregate_agrees,
        lambda want: (
            f"{want.get('kind')} {want.get('value')} year={want.get('year')} | {_one_line(want['sentence'])}"
        ),
        lambda got: _describe_spending(got, article),
    )


# --- summits ----------------------------------------------------------------------------------


def event_status(record: EventRecord, published: str | None) -> str | None:
    """Return upcoming, in progress or past for an event against the article's date, if both are known."""
    status = _status(record)
    if status is not None:
        return status
    if record.when is None or record.when.year is None or published is None:
        return None
    parts = [int(p) for p in published.split("-")]
    start = (record.when.year, record.when.month, record.when.day)
    end = (record.when.year, record.when.month, record.when.end_day or record.when.day)
    known = sum(p is not None for p in start)
    now = tuple(parts[:known])
    start_known = tuple(p for p in start[:known] if p is not None)
    end_known = tuple(p for p in end[:known] if p is not None)
    if len(now) < known:
        return None
    if end_known < now:
        return "past"
    if start_known > now:
        return "upcoming"
    return "in progress" if known == 3 else None


def _summit_agrees(want: dict[str, Any], got: EventRecord, published: str | None) -> bool:
    """Return whether an extracted event is the expected summit."""
    place = normalize(got.place or "")
    city = normalize(want.get("city") or "")
    code = _country_code(want["country"]) if want.get("country") else None
    # no city and no country: the article names no place, and the bot must not add one
    placeless = not city and not code and not place
    if not ((city and city in place) or (not city and code and got.country == code) or placeless):
        return False
    month = _month_number(want.get("month"))
    if (got.when.month if got.when else None) != month or _year(got) != want.get("year"):
        return False
    return event_status(got, published) == want.get("status_at_article_date")


def _month_number(month: str | int | None) -> int | None:
    """Return a month as a number from its name or number."""
    if isinstance(month, str):
        return MONTHS.index(month.strip().lower()) + 1
    return month


def _summits(extraction: Extraction, expected: dict[str, Any], published: str | None) -> KindScore:
    """Return the summits score: place, month, year, status."""
    return pair(
        expected.get("summits", []),
        extraction.events,
        lambda want, got: _summit_agrees(want, got, published),
        lambda want: (
            f"{want.get('name')}: {want.get('city')} / {want.get('country')} {want.get('month')}"
            f" {want.get('year')} {want.get('status_at_article_date')}"
        ),
        lambda got: (
            f"{got.kind} {got.place} ({got.country}) {got.when.text if got.when else None}"
            f" year={_year(got)} month={got.when.month if got.when else None}"
            f" status={event_status(got, published)}"
        ),
    )


# --- statements -------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
_TITLES = {"mr", "mrs", "ms", "dr", "sir", "the", "a", "an", "of"}


def _words(text: str) -> set[str]:
    """Return the folded words of a text."""
    return set(_WORD.findall(normalize(text)))


def _speaker_agrees(want: dict[str, Any], got: StatementRecord) -> bool:
    """Return whether the extracted speaker is the expected one."""
    expected_words = _words(want["speaker"]) - _TITLES
    got_words = _words(got.speaker) - _TITLES
    kind = want.get("speaker_type", "person")
    if kind == "person":
        surname = normalize(want["speaker"]).split()[-1] if want["speaker"].strip() else ""
        return bool(surname) and surname in got_words
    if kind == "unnamed official" and got.speaker_type is SpeakerType.UNNAMED:
        return True  # "a spokesperson" for "unnamed official": the source stayed unnamed
    return bool(expected_words & got_words)


def _text_agrees(want: str, got: str) -> bool:
    """Return whether two quoted texts share at least half of the longer one's words."""
    a, b = _words(want), _words(got)
    return bool(a and b) and len(a & b) / max(len(a), len(b)) >= TEXT_OVERLAP


def _quoted_words(record: StatementRecord) -> str:
    """Return the words a partial statement holds inside quotation marks, joined ("" for other kinds)."""
    if record.kind is not StatementKind.PARTIAL:
        return ""
    quotations = find_quotations(record.text, [(0, len(record.text))])
    return " ".join(quotation.words(record.text) for quotation in quotations)


def _statement_agrees(want: dict[str, Any], got: StatementRecord) -> bool:
    """Return whether an extracted statement is the expected one: kind, speaker and text."""
    text = want.get("text") or ""
    return (
        want.get("kind") == str(got.kind)
        and _speaker_agrees(want, got)
        and (_text_agrees(text, got.text) or _text_agrees(text, _quoted_words(got)))
    )


def _statements(extraction: Extraction, expected: dict[str, Any]) -> KindScore:
    """Return the statements score: speaker, kind, text."""
    return pair(
        expected.get("quotes", []),
        extraction.statements,
        _statement_agrees,
        lambda want: f"{want['speaker']} [{want.get('kind')}] {_one_line(want.get('text') or '')[:140]}",
        lambda got: f"{got.speaker} [{got.kind}] {_one_line(got.text)[:140]}",
    )


# --- helpers ----------------------------------------------------------------------------------


def _passage(article: Article, position: int) -> str:
    """Return the text of a passage by position."""
    return article.passages[position].text if 0 <= position < len(article.passages) else ""


def _one_line(text: str) -> str:
    """Return text with its line breaks as spaces."""
    return " ".join(text.split())
