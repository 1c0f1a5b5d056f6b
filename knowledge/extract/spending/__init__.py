"""Spending facts: shares of GDP, amounts, targets met or missed, counts of allies, comparisons.

Two readings, each in its own module, then one labelling:

* ``_phrases``: figures joined to their spender by a phrase it knows ("spent", "stood at",
  "Poland's defence spending rose to"), targets met and missed, counts of allies, comparisons;
* ``_structure``: the figures ``_phrases`` left, when the sentence's structure gives their owner
  (tables, labels, the nearest country in the clause, lists paired one for one);
* ``_alliance``: the alliance's own targets ("5% of GDP by 2035") and counts of allies meeting them;
* ``_status``: how sure each figure is (actual, estimate, planned, target);
* ``_corrections``: a correction note replaces the figure it corrects;
* ``_spoken``: an official's own words ("we are spending 2.3%") read for the ally they speak for,
  once the statements are known (``spoken_spending``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from knowledge.extract.numbers import KRONER, QualifierKind, qualifier_before
from knowledge.extract.people import is_outlet_label, is_questioner, turn_label
from knowledge.extract.reader import is_table_header, is_table_row, simulated_paragraphs
from knowledge.extract.spending._alliance import alliance_records
from knowledge.extract.spending._clauses import (
    DEMAND_VERBS,
    FIRST_PERSON,
    RELATIVE,
    SO_CLAUSE,
    last_clause,
)
from knowledge.extract.spending._corrections import apply_corrections
from knowledge.extract.spending._phrases import extract_spending as phrase_records
from knowledge.extract.spending._series import series_records
from knowledge.extract.spending._spoken import speech_ally, spoken_records
from knowledge.extract.spending._status import ESTIMATES_SOURCE, figure_status
from knowledge.extract.spending._structure import CLAIM as _CLAIM
from knowledge.extract.spending._structure import (
    COUNTERFACTUAL,
    ESTIMATED_OTHER,
    GAPPED,
    NORM_AFTER,
    REVISED_AFTER,
    UNRESOLVED_TIME,
    article_frame,
    context_years,
    is_about_defence,
    structure_records,
    undated_year,
)
from knowledge.extract.timeref import RELATIVE_YEAR, find_times, line_date
from knowledge.gazetteer import (
    ally_of_currency,
    by_code,
    find_country_mentions,
    find_demonyms,
    find_government_seats,
)
from knowledge.models import (
    ALLIANCE,
    Article,
    FigureStatus,
    Metric,
    PersonRecord,
    SpendingRecord,
    StatementRecord,
    TimeRef,
)
from knowledge.wordscan import PASSAGE_CACHE

_ESTIMATES = re.compile(r"\bestimat", re.I)
_TIMELESS = re.compile(r"\bnever\b|\bin\s+any\s+year\b|\bfor\s+years\b|\bever\b", re.I)
_FIGURE_CUE = re.compile(r"\d\s*(?:%|per\s*cent|percent|pc\b|bn|billion|million|trillion)|[$€£]\s*\d", re.I)


MAX_SENTENCE_CHARS = 1_500  # the longest sentence of the corpus is under 400; past this, it is not prose
MAX_SENTENCE_FIGURES = 24  # a sentence with more percentages and amounts than this is a data dump
MAX_TABLE_CHARS = 40_000


def extract_spending(
    article: Article, speaking_for: str | None = None, *, about_defence: bool = False, outer_frame: str = ""
) -> list[SpendingRecord]:
    """Return the spending facts stated in the article, each with how sure it is.

    Every reader works sentence by sentence, and a few of its rules compare each figure of a
    sentence with the others. So that the time to read an article grows with its length and
    nothing else, a passage that is too long or too full of figures to be a sentence ("2% 2% 2%
    ...", a pasted spreadsheet) is not read for facts; it stays searchable with /ask. Tables are
    read by the table reader alone, row by row.

    speaking_for: the ally an official speaks for, when the text is their own words (``_spoken``).
    about_defence: the text is about defence whatever its words (an official's words in an
    article about defence: "Next year we will reach 3.7%"); outer_frame: that article's frame (its
    title and first sentence on defence spending), which frames the words too.
    """
    article = _gdp_in_english(article)
    simulated = simulated_paragraphs(article)  # looked for once
    sentences = _readable(article, simulated, tables=False)
    years = context_years(sentences)
    phrased = [_with_status(r, sentences, years) for r in phrase_records(sentences) if _kept(r, sentences)]
    phrased = _gapped_statuses(phrased, sentences)
    claimed = {(r.passage, r.as_written) for r in phrased}
    # a count a phrase already read ("Eighteen NATO members have met ...") is one fact, however its words were cut
    counted = {(r.passage, r.value) for r in phrased if r.metric is Metric.ALLIES_MEETING_TARGET}
    alliance = [
        r
        for r in alliance_records(sentences, claimed)
        if r.metric is not Metric.ALLIES_MEETING_TARGET or (r.passage, r.value) not in counted
    ]
    with_tables = _readable(article, simulated, tables=True)  # for the structure and series readers
    found = [
        *phrased,
        *structure_records(
            with_tables,
            phrased,
            years,
            speaking_for,
            about_defence,
            outer_frame,
        ),
        *alliance,
        *series_records(with_tables),
    ]
    supposed = _supposed(sentences)
    found = [
        r
        for r in (_first_person(r, sentences, speaking_for) for r in found)
        if r is not None
        and not _demanded(r, sentences)
        and not _per_head(r, sentences)
        and not _costed(r, sentences)
        and r.passage not in supposed
    ]
    corrected = _currency_owners(apply_corrections(sentences, found), sentences)
    labels = _entry_labels(sentences)
    note = _standing_note(sentences)
    own = [
        _own_kroner(
            _own_dollars(_undated_target(_dated_line(_standing_year(r, note, sentences), sentences, labels)))
        )
        for r in _anaphoric_years(corrected, sentences, labels)
    ]
    public = _public_turns(sentences)
    own = [_standing_bound(r, sentences) for r in _framed_estimates(own, sentences)]
    own = _year_before_in_brackets(own, sentences)
    return _once(
        _restated(
            [
                r
                for r in own
                if r.currency != KRONER
                and _plausible(r)
                and sentences.passages[r.passage].paragraph not in public
            ]
        )
    )


# A member of the public's turn in a live chat or a phone-in: "[14:02] Reader Ana: ... I keep
# reading that it's stuck at about 1.3%." What they have read or heard is no figure of the article's.
_PUBLIC_TURN = re.compile(
    r"^\s*(?:\[\d{1,2}[:.]\d{2}\]\s*)?(?:\*\*)?(?:Reader|Caller|Listener|Viewer|Audience(?:\s+member)?|Commenter)\b[^:\n]{0,30}:"
)


def _public_turns(article: Article) -> set[int]:
    """Return the paragraphs that are the public's turns (their first sentence opens with the label),
    a print interview's questions in bold, and the turns of whoever asks that end in a question:
    "HOST 1: My memory is that Canada was at something like 1.4% last year. Is that right?" is a
    guess put to the guest, no figure of the article's (the answer gives the figure)."""
    turns: set[int] = set()
    asked_in_bold: list[int] = []
    by_paragraph: dict[int, list[str]] = {}
    for passage in article.passages:
        by_paragraph.setdefault(passage.paragraph, []).append(passage.text)
    paragraphs = list(by_paragraph.items())
    for index, (paragraph, texts) in enumerate(paragraphs):
        label = turn_label(texts[0]) if ":" in texts[0] or texts[0].startswith("Q") else None
        asks = label is not None and (
            # "**Bastion:**" in Bastion magazine's interview: the magazine asks
            is_questioner(label.group("label")) or is_outlet_label(label.group("label"), article.meta.outlet)
        )
        # an interview's "Q:" puts what others say to the guest ("Q: The opposition says the true
        # figure is nearer 1.7%."): a premise, never the article's figure
        plain_question = label is not None and label.group("label").strip().lower() in _QUESTION_LABELS
        if asks and not plain_question and not texts[-1].rstrip().endswith("?"):
            # "HOST 2: I've got Italy still stuck at 1.5%." / "GUEST: No, that's an old number."
            reply = paragraphs[index + 1][1][0] if index + 1 < len(paragraphs) else ""
            answer = turn_label(reply)
            asks = answer is not None and _DENIED.match(reply, answer.end()) is not None
        # a print interview's question set in bold: "**You told a committee in May that Sweden would
        # reach 2.8 per cent next year. Is that still the plan?**"
        # (not a figure the question credits to a source: "**The government says defence will take 3.2%
        # of GDP next year. Is that enough for the navy?**")
        bold_question = (
            texts[0].lstrip().startswith(("**", "__"))
            and _BOLD_QUESTION_END.search(texts[-1]) is not None
            and not _SOURCED_PREMISE.match(texts[0])
        )
        if bold_question:
            asked_in_bold.append(paragraph)
        if _PUBLIC_TURN.match(texts[0]) or asks:
            turns.add(paragraph)
    if len(asked_in_bold) >= _INTERVIEW_QUESTIONS:  # an interview's questions, not a lone bold standfirst
        turns.update(asked_in_bold)
    return turns


_QUESTION_LABELS = frozenset(["q", "question", "interviewer"])
_BOLD_QUESTION_END = re.compile(r"\?\s*(?:\*\*|__)\s*$")
_INTERVIEW_QUESTIONS = 2
_SOURCED_PREMISE = re.compile(
    r"\s*(?:\*\*|__)?\s*(?:(?!(?:You|Your)\b)(?:The\s+)?[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}?\s+"
    r"(?:says|said|estimates|estimated|reports|reported|projects|forecasts|expects)\b|According\s+to\b)"
)
_DENIED = re.compile(
    r"(?:No[,.!]|Not\s+(?:quite|really|any\s+more)\b|Actually,|That['’]s\s+(?:an\s+old|out\s+of\s+date|wrong))"
)


def _undated_target(record: SpendingRecord) -> SpendingRecord:
    """Return a target with no deadline of its own without the year it was read in: "would present a
    path to 2%" after a paragraph on 2024 is no target for 2024; nor is a month with no year written
    its deadline ("in June, leaders agree the 5% goal": when it was agreed)."""
    when = record.when
    if (
        record.status is FigureStatus.TARGET
        and when is not None
        and (when.inferred or (when.month is not None and not _WRITTEN_YEAR.search(when.text)))
    ):
        return record.model_copy(update={"when": None})
    return record


_WRITTEN_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _dated_line(
    record: SpendingRecord, article: Article, labels: dict[int, TimeRef | None]
) -> SpendingRecord:
    """Return a record of a chronology's entry dated by the entry's label ("2014 — Romania's budget
    stands at 1.35% of GDP": 2014, actual) when its clause writes no year of its own, and with its
    relative years counted from the label ("March 2024 — ... will reach 2.2% of GDP this year": 2024)."""
    passage = article.passages[record.passage]
    text = passage.text
    label = labels.get(passage.paragraph)
    if label is None or record.metric is Metric.COMPARISON:
        return record
    label = label.model_copy(update={"month": None})  # a year's spending, though the entry names a month
    when, published = record.when, article.meta.published
    if when is not None and not when.inferred:
        if (
            when.year is None
            or label.year is None
            or published is None
            or not RELATIVE_YEAR.fullmatch(when.text)
        ):
            return record
        shifted = when.model_copy(update={"year": label.year + when.year - published.year})
        return record.model_copy(update={"when": shifted})
    if line_date(text) is None:
        return record  # an undated clause takes the label's year on the label's own line only
    record = record.model_copy(update={"when": label})
    if record.metric in (Metric.SHARE_OF_GDP, Metric.AMOUNT) and record.status in (
        FigureStatus.ACTUAL,
        FigureStatus.ESTIMATE,
    ):
        record = record.model_copy(update={"status": _status_in(record, text, article)})
    return record


# A note on every figure that gives no year of its own: "Unless stated otherwise, figures are shares of
# GDP for 2026, taken from the alliance estimates", "2026 estimates unless flagged".
_STANDING_NOTE = re.compile(
    r"\bunless\s+(?:otherwise\s+)?(?:stated|noted|indicated|flagged|marked|shown|specified|said)\b"
    r"|\bunless\s+(?:a|an|the|its)\s+(?:line|entry|item|row|figure)\s+says\s+otherwise\b"
    r"|\b(?:all|the)\s+figures\s+(?:are|refer\s+to|show)\b",
    re.I,
)
_FIGURES_FOR_YEAR = re.compile(r"\b(?:for|of)\s+(?P<which>last|this)\s+year\b", re.I)
_STANDING_NOTE_CHARS = 300  # a note is a sentence of its own, not a paragraph that says "unless" in passing


@dataclass(frozen=True, slots=True)
class _Standing:
    """A standing note: from its passage on, a figure with no year of its own is of its year (when
    the note names one), and an estimate when the note says the figures are."""

    position: int
    year: int | None
    estimates: bool


def _standing_note(article: Article) -> _Standing | None:
    """Return the article's standing note on its figures' year, if one names a single year."""
    for passage in article.passages:
        if len(passage.text) > _STANDING_NOTE_CHARS or not _STANDING_NOTE.search(passage.text):
            continue
        years = {int(y) for y in _WRITTEN_YEAR.findall(passage.text)}
        published = article.meta.published
        if not years and published is not None:
            # "Spending figures are our estimates for last year unless stated otherwise" (not "final
            # data follow next year": only the year the figures are for)
            relative = _FIGURES_FOR_YEAR.search(passage.text)
            if relative is not None:
                years = {published.year - (1 if relative.group("which").lower() == "last" else 0)}
        estimates = _ESTIMATES.search(passage.text) is not None
        if len(years) == 1:
            return _Standing(passage.position, years.pop(), estimates)
        if estimates:  # "Figures are NATO estimates unless marked": their status, whatever their years
            return _Standing(passage.position, None, True)
    return None


def _standing_year(record: SpendingRecord, note: _Standing | None, article: Article) -> SpendingRecord:
    """Return a level the text dates nowhere itself (no year, or only the one in context) dated by the
    standing note, and an estimate when the note says its figures are."""
    if note is not None and note.year is None:
        if (
            record.passage > note.position
            and record.status is FigureStatus.ACTUAL
            and record.metric
            in (
                Metric.SHARE_OF_GDP,
                Metric.AMOUNT,
            )
        ):
            return record.model_copy(update={"status": FigureStatus.ESTIMATE})
        return record
    if (
        note is None
        or note.year is None
        or record.passage <= note.position
        or record.metric not in (Metric.SHARE_OF_GDP, Metric.AMOUNT)
        or record.status not in (FigureStatus.ACTUAL, FigureStatus.ESTIMATE)
    ):
        return record
    if record.when is not None and not record.when.inferred:
        # "Figures are our estimates for last year": a figure the text dates to that year is one too
        if note.estimates and record.when.year == note.year and record.status is FigureStatus.ACTUAL:
            return record.model_copy(update={"status": FigureStatus.ESTIMATE})
        return record
    when = TimeRef.inferred_as("year of the article's figures", year=note.year)
    status = figure_status("", when, article.meta.published, note.estimates)
    return record.model_copy(update={"when": when, "status": status})


# A list's legend for its bracketed figures, relative to each entry: "A number in brackets is the same
# measure one year earlier, unless another year is shown."
_BRACKETS_YEAR_BEFORE = re.compile(
    r"\b(?:numbers?|figures?|shares?|values?)\s+in\s+(?:brackets|parenthes[ie]s)\s+(?:is|are|gives?|shows?)\s+"
    r"(?:the\s+same\s+(?:measure|figure|share|number)\s+)?(?:one\s+year\s+earlier|(?:a|one|the)\s+year\s+(?:earlier|before)"
    r"|the\s+previous\s+year(?:['’]s)?|last\s+year['’]s)",
    re.I,
)


def _year_before_in_brackets(records: list[SpendingRecord], article: Article) -> list[SpendingRecord]:
    """Return records with each bracketed share the text does not date dated a year before its
    entry's own figure, when a legend says brackets hold the year before ("4.12% — Poland's spending
    this year (3.83%)": 3.83% is last year's)."""
    legend = next((p.position for p in article.passages if _BRACKETS_YEAR_BEFORE.search(p.text)), None)
    if legend is None:
        return records
    dated: list[SpendingRecord] = []
    for record in records:
        text = article.passages[record.passage].text
        at = text.find(record.as_written)
        bracketed = at > 0 and text[:at].rstrip().endswith("(")
        if (
            record.passage <= legend
            or not bracketed
            or record.metric not in (Metric.SHARE_OF_GDP, Metric.AMOUNT)
        ):
            dated.append(record)
            continue
        main = next(
            (
                r
                for r in records
                if r.passage == record.passage
                and r is not record
                and r.subject == record.subject
                and r.metric is record.metric
                and text.find(r.as_written) < at
            ),
            None,
        )
        if (
            record.when is not None
            and not record.when.inferred
            and (main is None or record.when != main.when)
        ):
            dated.append(record)  # "(3.2% in 2022)": another year shown, as the legend allows
            continue
        if main is None or main.when is None or main.when.year is None:
            dated.append(record.model_copy(update={"when": None}))
            continue
        when = TimeRef.inferred_as("year before, in brackets", year=main.when.year - 1)
        status = figure_status("", when, article.meta.published, False)
        dated.append(record.model_copy(update={"when": when, "status": status}))
    return dated


def _entry_labels(article: Article) -> dict[int, TimeRef | None]:
    """Return the date each paragraph opens with, where it is a chronology's entry ("May 2025 — ...")."""
    labels: dict[int, TimeRef | None] = {}
    for passage in article.passages:
        if passage.paragraph not in labels:
            labels[passage.paragraph] = line_date(passage.text)
    return labels


# A time that points back to the sentence before: "At the time, only three allies met that mark".
_BACK_IN_TIME = re.compile(
    r"\b(?:at\s+the\s+time|at\s+that\s+time|(?:in\s+)?the\s+same\s+year|(?:in\s+)?that\s+year|back\s+then)\b",
    re.I,
)


def _anaphoric_years(
    records: list[SpendingRecord], article: Article, labels: dict[int, TimeRef | None]
) -> list[SpendingRecord]:
    """Return records with no year of their own dated by the one year of the sentence before, when
    their sentence points back to it, unless the sentence names one year before the pointer ("... at the Wales summit on 4-5 September 2014 ... At the time,
    only three allies met that mark": 2014); in a chronology's entry, by the entry's year ("2024 –
    Washington, 9-11 July: ... Poland leads that year with 4.1%")."""
    kept = []
    for record in records:
        # a year only inferred from the context gives way too: "Poland spent 1.85% of GDP that year"
        undated = record.when is None or record.when.year is None or record.when.inferred
        passage = article.passages[record.passage]
        back = _BACK_IN_TIME.search(passage.text) if undated else None
        label = labels.get(passage.paragraph)
        # "met the 2% guideline in 2019, and Norway spent 2.1% that year": the sentence's own year,
        # for a figure after it (the 2% before it is not dated by the pointer at all)
        own = (
            [
                (t.year, s)
                for t, s, _ in find_times(passage.text, article.meta.published)
                if t.year and s < back.start()
            ]
            if back is not None
            else []
        )
        if back is not None and own:
            if len({y for y, _ in own}) == 1 and own[0][1] < passage.text.find(record.as_written):
                record = record.model_copy(update={"when": TimeRef(text=back.group(0), year=own[0][0])})
        elif back is not None and label is not None and label.year is not None:
            record = record.model_copy(update={"when": TimeRef(text=back.group(0), year=label.year)})
        elif back is not None and record.passage > 0:
            before = article.passages[record.passage - 1].text
            years = {t.year for t, _, _ in find_times(before, article.meta.published) if t.year}
            if len(years) == 1:
                record = record.model_copy(update={"when": TimeRef(text=back.group(0), year=years.pop())})
        resolved = record.when is not None and record.when.year is not None and not record.when.inferred
        same = _SAME_YEAR.search(article.passages[record.passage].text) if undated and not resolved else None
        if same is not None:
            # "Italy spent 1.58% in 2025 ... Norway came in at 2.26% for the same year": the year of
            # the figure just before it (in its sentence or the one before)
            earlier = [
                r
                for r in records
                if r.when is not None
                and r.when.year is not None
                and record.passage - 1 <= r.passage <= record.passage
                and r is not record
            ]
            same_years = {r.when.year for r in earlier if r.when is not None and r.when.year is not None}
            if len(same_years) == 1:
                record = record.model_copy(
                    update={"when": TimeRef(text=same.group(0), year=same_years.pop())}
                )
        kept.append(record)
    return kept


_SAME_YEAR = re.compile(r"\b(?:for|in)\s+the\s+same\s+year\b", re.I)


def _currency_owners(records: list[SpendingRecord], article: Article) -> list[SpendingRecord]:
    """Return records whose ally was only carried from an earlier sentence given to the ally whose
    national currency the sentence's amount is in: "Finance officials estimate that defence spending
    will reach C$81.8 billion, or about 2.1% of GDP", after a sentence about the United States, is
    Canada's, and so is its share."""
    moved: dict[tuple[int, str], str] = {}  # (passage, carried ally) -> the currency's ally
    for record in records:
        ally = ally_of_currency(record.currency) if record.currency else None
        if (
            ally is None
            or ally == record.subject
            or record.subject == ALLIANCE
            or not by_code(ally).nato_member
        ):
            continue
        text = article.passages[record.passage].text
        named = {
            c.code
            for c, _, _ in [*find_country_mentions(text), *find_demonyms(text), *find_government_seats(text)]
        }
        if record.subject not in named:
            moved[(record.passage, record.subject)] = ally
    if not moved:
        return records
    return [
        r.model_copy(update={"subject": moved[(r.passage, r.subject)]})
        if (r.passage, r.subject) in moved
        else r
        for r in records
    ]


def _restated(records: list[SpendingRecord]) -> list[SpendingRecord]:
    """Return records with a figure restated without its year ("Britain's figure of 2.33% is ...")
    given the year and status the article first gave it ("the United Kingdom spent 2.33% in 2024"),
    where the restatement's year was only inferred from its context."""
    written: dict[tuple[object, ...], SpendingRecord] = {}
    kept = list(records)
    for i in sorted(range(len(records)), key=lambda i: records[i].passage):  # in the article's order
        record = records[i]
        if record.value is None or record.when is None:
            continue
        key = (record.subject, record.metric, record.value, record.currency)
        first = written.get(key)
        if not record.when.inferred:
            written.setdefault(key, record)
        elif first is not None:
            kept[i] = record.model_copy(update={"when": first.when, "status": first.status})
    # One figure, one status: "2025 values are NATO estimates" over a table and "Warsaw spent 4.12%
    # in 2025" below it are the same estimate ("actual" is only a past year's default).
    estimated = {
        (r.subject, r.metric, r.value, r.currency, r.when.year)
        for r in kept
        if r.status is FigureStatus.ESTIMATE and r.when is not None and r.value is not None
    }
    return [
        r.model_copy(update={"status": FigureStatus.ESTIMATE})
        if r.status is FigureStatus.ACTUAL
        and r.when is not None
        and (r.subject, r.metric, r.value, r.currency, r.when.year) in estimated
        else r
        for r in kept
    ]


def _once(records: list[SpendingRecord]) -> list[SpendingRecord]:
    """Return the records less those that restate an earlier one's figure (same ally, measure, year,
    value, currency and status: "2.0% ... in 2024" in the text and "2.00" in its table), so an answer
    lists a figure once, citing where the article first gives it. The alliance's facts are kept as
    read: the same value may be two different facts of it (a target and a count)."""
    first: dict[tuple[object, ...], SpendingRecord] = {}
    for record in sorted(records, key=lambda r: r.passage):
        if record.value is not None and record.subject != ALLIANCE:
            first.setdefault(_figure_key(record), record)
    kept = [r for r in records if r.value is None or r.subject == ALLIANCE or first[_figure_key(r)] is r]
    return [r for r in kept if not _bound_known(r, kept)]


def _bound(record: SpendingRecord) -> tuple[float, bool] | None:
    """Return a share-of-GDP bound's number and whether it is an upper bound ("less than 2%"), or None
    for anything else (a value, a range)."""
    if record.value is not None or record.metric is not Metric.SHARE_OF_GDP:
        return None
    number = _BOUND_NUMBER.search(record.as_written)
    qualifier = qualifier_before(record.as_written, number.start()) if number else None
    if number is None or qualifier is None or qualifier.kind is QualifierKind.APPROXIMATE:
        return None
    return float(number.group(0)), qualifier.kind is QualifierKind.UPPER_BOUND


_BOUND_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_MEASURED = (FigureStatus.ACTUAL, FigureStatus.ESTIMATE, None)


def _bound_known(record: SpendingRecord, records: list[SpendingRecord]) -> bool:
    """Return whether a bound of what an ally spends says less than a figure the article gives it for
    the same year (or, for an undated bound, for any year): "now spends at least 2%" beside its
    table's 4.12% adds nothing an answer should show. A pledge ("at least 3% from now on") is no
    measurement and stays."""
    bound = _bound(record)
    if bound is None or record.subject == ALLIANCE or record.status not in _MEASURED:
        return False
    limit, below = bound
    year = record.when.year if record.when else None
    return any(
        r.subject == record.subject
        and r.metric is Metric.SHARE_OF_GDP
        and r.value is not None
        and r.status in _MEASURED
        and (year is None or (r.when is not None and r.when.year == year))
        and (r.value < limit if below else r.value > limit)
        for r in records
    )


def _standing_bound(record: SpendingRecord, article: Article) -> SpendingRecord:
    """Return a present-tense bound whose year the text does not write without one: "Poland, which
    already spends more than 4%" tells how the ally stands, not a year's figure (a year only inferred
    from the article's date or the sentences before is none of its own)."""
    if record.when is None or not record.when.inferred or _bound(record) is None:
        return record
    text = article.passages[record.passage].text
    at = text.find(record.as_written)
    if at < 0 or _PRESENT_VERB.search(text, max(0, at - 40), at) is None:
        return record
    return record.model_copy(update={"when": None})


_PRESENT_VERB = re.compile(r"\b(?:spends|spend|is|are|remains?|stays?|sits?|stands?)\b", re.I)


def _figure_key(record: SpendingRecord) -> tuple[object, ...]:
    """Return what makes two records the same figure."""
    year = record.when.year if record.when else None
    return (record.subject, record.metric, year, record.value, record.currency, record.status)


# No ally in the years news covers spends anywhere near a tenth of its economy on defence (the
# highest are under 5%; the 2035 target is 5% with related spending): a share above this is
# something else ("support ... is 62% in Denmark, a survey found"), never an answer.
MAX_SHARE_OF_GDP = 10.0


_WRITTEN_NUMBERS = re.compile(r"\d+(?:[.,]\d+)?")
# No ally's defence budget, nor a change in it, is under a million in any currency: a smaller sum
# is money per person ("and Italy about $590", after "$1,300 per head") or one item's price.
MIN_AMOUNT = 1e6


def _plausible(record: SpendingRecord) -> bool:
    """Return whether a record's value can be a defence share of GDP, or a budget, when it is one."""
    if record.value is None:
        # a bound or range keeps its words: "more than 40%" is no share of GDP either
        written = [float(n.replace(",", ".")) for n in _WRITTEN_NUMBERS.findall(record.as_written)]
        return record.metric is not Metric.SHARE_OF_GDP or not written or max(written) <= MAX_SHARE_OF_GDP
    if record.metric is Metric.SHARE_OF_GDP:
        return record.value <= MAX_SHARE_OF_GDP
    if record.metric in (Metric.AMOUNT, Metric.AMOUNT_INCREASE):
        return record.value >= MIN_AMOUNT
    return True


_NAMED_US_DOLLARS = re.compile(r"US|U\.S\.|American", re.I)
_KRONER_OF = {
    "DK": "DKK",
    "NO": "NOK",
    "SE": "SEK",
    "IS": "ISK",
    "CZ": "CZK",
}  # "kr", "crowns": the spender's


def _own_kroner(record: SpendingRecord) -> SpendingRecord:
    """Return a record in bare "kroner" or "kr" in its spender's crowns (Denmark's, Norway's, Sweden's, Iceland's).

    Any other spender's "kroner" stay unresolved, and such a record is dropped: an amount whose
    currency is not known is not a figure anyone can read.
    """
    if record.currency == KRONER and record.subject in _KRONER_OF:
        return record.model_copy(update={"currency": _KRONER_OF[record.subject]})
    return record


def _own_dollars(record: SpendingRecord) -> SpendingRecord:
    """Return a record with a bare "$" read as Canada's dollars when Canada spends it ("adding $9-billion")."""
    if (
        record.subject == "CA"
        and record.currency == "USD"
        and not _NAMED_US_DOLLARS.search(record.as_written)
    ):
        return record.model_copy(update={"currency": "CAD"})
    return record


# An article framed by NATO's estimates: "NATO published its latest estimates of allied defence
# spending last month", "estimates released by NATO".
_NATO_ESTIMATES = re.compile(
    r"\b(?:NATO|[Aa]lliance)(?:['’]s)?\s+(?:[\w-]+\s+){0,4}?estimates\b"
    r"|\bestimates\s+(?:[\w-]+\s+){0,3}?(?:by|from)\s+(?:the\s+)?(?:NATO|[Aa]lliance)\b"
)
_STATED_ACTUAL = re.compile(r"\b(?:actual|outturn|final)\b", re.I)


def _framed_estimates(records: list[SpendingRecord], article: Article) -> list[SpendingRecord]:
    """Return records with the year just ended's figures made estimates when the article is framed by
    NATO's estimates (its title or first sentence on defence spending): the year's figures are NATO's
    estimates, revised the next year, unless the words before a figure call it actual or final ("the
    final figure for 2026 will be higher" after it is no such word)."""
    records = [_sourced_estimate(r, article) for r in records]
    published = article.meta.published
    if published is None or not _NATO_ESTIMATES.search(article_frame(article)):
        return records
    return [
        r.model_copy(update={"status": FigureStatus.ESTIMATE})
        if r.status is FigureStatus.ACTUAL
        and r.metric in (Metric.SHARE_OF_GDP, Metric.AMOUNT)
        and r.when is not None
        and r.when.year == published.year - 1
        and not _STATED_ACTUAL.search(_lead(article.passages[r.passage].text, r.as_written))
        else r
        for r in records
    ]


def _sourced_estimate(record: SpendingRecord, article: Article) -> SpendingRecord:
    """Return a plan or level that its sentence says comes from someone's estimate as an estimate."""
    if record.status not in (FigureStatus.ACTUAL, FigureStatus.PLANNED) or record.metric not in (
        Metric.SHARE_OF_GDP,
        Metric.AMOUNT,
    ):
        return record
    text = article.passages[record.passage].text
    at = text.find(record.as_written)
    # "... would reach 187.4 billion zloty, or 4.48% of GDP, according to the ministry's latest estimate"
    found = ESTIMATES_SOURCE.search(text, max(at, 0))
    if found is None or ";" in text[at : found.start()]:
        return record
    return record.model_copy(update={"status": FigureStatus.ESTIMATE})


def _lead(text: str, written: str) -> str:
    """Return the words of a sentence before a figure written in it (all of it if not found)."""
    at = text.find(written)
    return text[:at] if at >= 0 else text


def _gapped_statuses(records: list[SpendingRecord], article: Article) -> list[SpendingRecord]:
    """Return records with a verbless figure given the status of the one before it in its sentence:
    in "Lithuania has budgeted 3.5% for 2025 and Estonia 3.7%", Estonia's figure is budgeted too."""
    fixed: list[SpendingRecord] = []
    for record in records:
        before = fixed[-1] if fixed and fixed[-1].passage == record.passage else None
        text = article.passages[record.passage].text
        start = text.find(before.as_written) + len(before.as_written) if before else -1
        at = text.find(record.as_written, max(start, 0))
        if before is not None and start <= at and GAPPED.fullmatch(text, start, at):
            record = record.model_copy(update={"status": before.status})
        fixed.append(record)
    return fixed


# GDP as the languages of much of the alliance abbreviate it, kept by translations and non-native
# writers: "1,55% of the PIB" (Portuguese, Spanish, French, Italian, Romanian), "2% des BIP" (German);
# and the economy a share is of, which is its GDP: "4.5% of its economy", "3 per cent of the economy".
# Translations keep the budget's own name too: "the manovra foresees 2,15%" (Italian).
_FOREIGN_TERMS = re.compile(
    r"\b(?:PIB|BIP)\b"
    r"|(?<=%|t)(?=\s+of\s+(?:(?:its|their|our|the|the\s+country['’]s|the\s+nation['’]s)\s+)?economy\b)"
    r"\s+of\s+(?:(?:its|their|our|the|the\s+country['’]s|the\s+nation['’]s)\s+)?economy\b"
    r"|\b(?:manovra|presupuesto|Haushalt|begroting|budżet)\b"
)


_SPENT_SHARE_BEFORE = re.compile(
    r"\b(?:spend\w*|spent|devot\w*|put\w*|pour\w*|allocat\w*|budget\w*|outlays?|expenditure|reach\w*|hit"
    r"|stood|stands|was\s+at|were\s+at|is\s+at|are\s+at|at)\b(?:[^.;]|(?<=\d)\.(?=\d)){0,40}$",
    re.I,
)


def _in_english(match: re.Match[str]) -> str:
    """Return a match of _FOREIGN_TERMS in English in as many characters (the rest spaces)."""
    written = match.group(0)
    if written in ("PIB", "BIP"):
        return "GDP"
    if written.lstrip()[:2] == "of":
        # only a share spent: "spends 4.5% of its economy on defence", not "cost Latvia 1.5% of its
        # economy in lost trade" or "the industry accounts for 1.5% of the economy"
        before = match.string[max(0, match.start() - 80) : match.start()]
        if not _SPENT_SHARE_BEFORE.search(before):
            return written
        return f" of GDP{' ' * (len(written) - 7)}"
    return f"budget{' ' * (len(written) - 6)}"


def _gdp_in_english(article: Article) -> Article:
    """Return the article with each foreign abbreviation of GDP, "of its economy" after a share, and a
    budget's foreign name read in English ("GDP", "budget").

    The words are replaced by as many characters, so every offset into the text stays true and the
    sentences kept as evidence are the article's own (records point at passages by position).
    """
    if _FOREIGN_TERMS.search(article.body) is None:
        return article
    passages = [
        p.model_copy(update={"text": _FOREIGN_TERMS.sub(_in_english, p.text)})
        if _FOREIGN_TERMS.search(p.text)
        else p
        for p in article.passages
    ]
    return article.model_copy(
        update={"body": _FOREIGN_TERMS.sub(_in_english, article.body), "passages": passages}
    )


def _readable(article: Article, simulated: set[int], *, tables: bool) -> Article:
    """Return the article with the passages the readers must not read emptied (positions unchanged):
    too long or too full of figures, or in a paragraph that tells of a simulation (``simulated``: a
    Model NATO session's "Poland would spend 6%" is a student's line, not Poland's figure)."""
    passages = [
        p if _fits(p.text, tables) and p.paragraph not in simulated else p.model_copy(update={"text": ""})
        for p in article.passages
    ]
    return article.model_copy(update={"passages": passages})


def _fits(text: str, tables: bool) -> bool:
    """Return whether a passage is a sentence the readers can take (or, with tables, a table)."""
    if "\n" in text:
        first, following = text.split("\n", 2)[:2]
        if is_table_row(first) or is_table_header(
            first, following
        ):  # "| Ally | Share of GDP |" opens one too
            return tables and len(text) <= MAX_TABLE_CHARS
    if len(text) > MAX_SENTENCE_CHARS:
        return False
    return _figure_count(text) <= MAX_SENTENCE_FIGURES


@functools.lru_cache(
    maxsize=PASSAGE_CACHE
)  # asked twice a passage: for the readers of tables and of the rest
def _figure_count(text: str) -> int:
    """Return how many percentages and amounts a passage seems to hold."""
    return len(_FIGURE_CUE.findall(text))


# Someone asking an ally to spend: "Trump demanded that Canada spend 5%", "France wants Germany to
# spend 3%", "urged Spain to reach 2%". What one party asks of another is no ally's spending; with
# no one between the verb and "to" ("the government wants to reach 3%") the aim is the subject's own.
_DEMAND_LEAD = re.compile(
    rf"\b(?:{DEMAND_VERBS})\s+(?:that\s+)?"
    r"(?!to\b)[^.;,]{1,40}?\b(?:to\s+)?(?:spend|reach|raise|hit|meet|increase|commit|lift|boost|jump|double)\b[^.;]*$",
    re.I,
)


# A clause whose subject is the speaker's side: "Lithuania spent 2.85% last year, we were at 2.4%".
_FIRST_PERSON_CLAUSE = re.compile(
    r"(?:^|[,;:—–]|\b(?:and|but|while|whereas|yet)\b)\s*(?:we|(?:our|my)\s+(?:own\s+)?(?:country|nation|government|defen[cs]e|spending|budget|share|figure|military|outlays))\b[^,;:—–]*$",
    re.I,
)


_OWN_COUNTRY = re.compile(
    r"[\s,;:—–]*(?:(?:and|but|while|whereas|yet)\s+)?(?:my|our)\s+(?:own\s+)?(?:country|nation)\b", re.I
)


def _first_person(
    record: SpendingRecord, article: Article, speaking_for: str | None
) -> SpendingRecord | None:
    """Return a record whose clause is the speaker's own ("we were at 2.4%") as the ally they speak
    for, or None when that ally is not known: it is never the ally another clause names."""
    if record.subject in (ALLIANCE, speaking_for) or record.metric not in (
        Metric.SHARE_OF_GDP,
        Metric.AMOUNT,
    ):
        return record
    text = article.passages[record.passage].text
    at = text.find(record.as_written)
    # "our Finnish neighbours have committed to reach 3%": an ally named by its demonym is named
    named = {c.code for c, _, _ in [*find_country_mentions(text), *find_demonyms(text)]}
    if speaking_for is not None and record.subject not in named and FIRST_PERSON.search(text, 0, max(at, 0)):
        # "But we now have a credible path to 2% of GDP by 2029" in a ministry's release: its ally's,
        # whatever ally an earlier sentence named (a shipyard in Spain)
        return record.model_copy(update={"subject": speaking_for})
    clause = _FIRST_PERSON_CLAUSE.search(text, 0, at) if at > 0 else None
    if clause is None:
        return record
    before = {c.code for c, _, _ in find_country_mentions(text[: clause.start()])}
    # an ally the sentence never names, carried from the text before, is not the writer's own
    # country: "Germany crossed 2% in 2024. My own country managed 2.05%" (a "we" may be the topic's
    # own government speaking, so only "my/our country" says so)
    carried = record.subject not in named and _OWN_COUNTRY.match(text, clause.start()) is not None
    if record.subject not in before and not carried:
        return record  # only a clause after one that names the ally: "X spent 2.85%, we were at 2.4%"
    return None if speaking_for is None else record.model_copy(update={"subject": speaking_for})


def _demanded(record: SpendingRecord, article: Article) -> bool:
    """Return whether an ally's figure is what someone demands of it, not what it spends or plans."""
    if record.subject == ALLIANCE:
        return False  # "leaders agreed to spend 5%": the alliance's own target
    text = RELATIVE.sub(" ", article.passages[record.passage].text)  # an aside's demand is not the clause's
    at = text.find(record.as_written)
    return at > 0 and _DEMAND_LEAD.search(text, 0, at) is not None


# Money per person is no budget: "about 1,300 euros per person", "Per capita, Hungary spent 420 euros".
_PER_HEAD = r"per[\s-]+(?:capita|person|head|citizen|inhabitant|resident)\b|for\s+every\s+(?:citizen|inhabitant|resident)\b"
_PER_HEAD_AFTER = re.compile(rf"\s*(?:[\w-]+\s+){{0,3}}?(?:{_PER_HEAD}|a\s+head\b)", re.I)
_PER_HEAD_BEFORE = re.compile(
    rf"(?:^|[.;:]\s*)(?:{_PER_HEAD})\s*,|\bper[\s-]+(?:capita|head)\s+[^.;,]{{0,40}}$", re.I
)


def _per_head(record: SpendingRecord, article: Article) -> bool:
    """Return whether an amount is money per person (a per-capita figure), not a spender's total."""
    if record.metric not in (Metric.AMOUNT, Metric.AMOUNT_INCREASE):
        return False
    text = article.passages[record.passage].text
    at = text.find(record.as_written)
    if at < 0:
        return False
    return bool(
        _PER_HEAD_AFTER.match(text, at + len(record.as_written)) or _PER_HEAD_BEFORE.search(text, 0, at)
    )


# What a goal or a programme would cost is an estimate of the bill, not what an ally spends or
# plans: "The capability targets that NATO assigned to Spain cost, according to our calculations,
# between 2,8 % and 3 % of GDP".
_COST_LEAD = re.compile(
    r"\b(?:targets?|goals?|requirements?|plans?|pledges?|commitments?|capabilit(?:y|ies)|programmes?|programs?)"
    # "cost" right before the figure, an aside between them at most ("cost, according to our calculations,")
    r"\b[^.;]{0,80}?\b(?:(?:would|will|could|might|may)\s+)?cost\b(?![\s-]+(?:of|cutting))(?:,[^,.;]{1,50},)?[^.;,:]{0,30}$",
    re.I,
)


def _costed(record: SpendingRecord, article: Article) -> bool:
    """Return whether an ally's figure is what a goal or programme costs (``_COST_LEAD``)."""
    if record.subject == ALLIANCE:
        return False
    text = article.passages[record.passage].text
    at = text.find(record.as_written)
    return at > 0 and _COST_LEAD.search(text, 0, at) is not None


def _supposed(article: Article) -> set[int]:
    """Return the passages that go on with a supposition the paragraph made: "Take a hypothetical.
    Suppose Belgium ... went straight to 3.5% this year. It would spend roughly €21.7 billion ...":
    after a sentence that opens with "Suppose", "Imagine that|if" or "Take a hypothetical", the
    paragraph's sentences in "would" that report no one's words are the supposition's, no ally's
    figures."""
    supposed: set[int] = set()
    supposing, paragraph = False, -1
    for passage in article.passages:
        if passage.paragraph != paragraph:
            supposing, paragraph = False, passage.paragraph
        if supposing and _WOULD.search(passage.text) and not _REPORTED.search(passage.text):
            supposed.add(passage.position)
        supposing = supposing or _SUPPOSE.match(passage.text) is not None
    return supposed


_SUPPOSE = re.compile(
    r"\W*(?:[A-Z]:\s*)?(?:Suppose|Imagine\s+(?:that|if)|Take\s+a\s+hypothetical|Consider\s+a\s+hypothetical)\b"
)
# a reported plan is no supposition's: "the minister said on Tuesday that the country would spend 3.5%"
_REPORTED = re.compile(r"\b(?:said|says|told|announced|confirmed|pledged|promised)\b", re.I)
_WOULD = re.compile(r"\bwould\b", re.I)


def _kept(record: SpendingRecord, article: Article) -> bool:
    """Return whether a phrase-read record stands: not a claim the article is checking, nor a
    figure made a rule ("treat 2% as a floor"), what a figure would be ("would sit at 1.9%") or one
    taken back ("had put it at 2.41%; it was revised down")."""
    text = article.passages[record.passage].text
    at = text.find(record.as_written)
    if at >= 0 and (
        NORM_AFTER.match(text, at + len(record.as_written))
        or COUNTERFACTUAL.search(text, max(0, at - 40), at)
        or REVISED_AFTER.match(text, at + len(record.as_written))  # "...; it was revised down"
    ):
        return False
    return _CLAIM.search(text) is None


def _with_status(record: SpendingRecord, article: Article, years: list[TimeRef | None]) -> SpendingRecord:
    """Return a record read by its phrase with the year in context if it has none, and a figure's status."""
    text = article.passages[record.passage].text
    at = max(text.find(record.as_written), 0)
    claim = text[at : at + len(record.as_written) + 40]
    timeless = _TIMELESS.search(claim) is not None  # "has never reached the guideline": no one year
    if UNRESOLVED_TIME.match(text, at + len(record.as_written)):
        # "spent 1.3% in the year before the invasion": a year the text does not give is no year
        record, timeless = record.model_copy(update={"when": None}), True
    if record.when is None and record.metric is not Metric.COMPARISON and not timeless:
        when = undated_year(text, 0, len(text), years[record.passage], article.meta.published)
        record = record.model_copy(update={"when": when})
    if record.metric not in (Metric.SHARE_OF_GDP, Metric.AMOUNT) or record.status is not None:
        return record
    return record.model_copy(update={"status": _status_in(record, text, article)})


def _status_in(record: SpendingRecord, text: str, article: Article) -> FigureStatus:
    """Return a figure's status from the clause that leads to it in its sentence, and its time."""
    at = text.find(record.as_written)
    lead = last_clause(text[: at if at >= 0 else len(text)])
    own = ESTIMATED_OTHER.sub(lambda m: m.group(0) if m.start() <= at < m.end() else " ", text)
    # "spent 2.37% last year, so the 2025 estimate marks a jump": a later clause's estimate is its own
    # (but ", but that figure is only an estimate" speaks of the figure)
    joined = SO_CLAUSE.search(own, at + len(record.as_written)) if at >= 0 else None
    own = own[: joined.start()] if joined is not None else own
    return figure_status(lead, record.when, article.meta.published, _ESTIMATES.search(own) is not None)


def spoken_spending(
    article: Article,
    people: list[PersonRecord],
    statements: list[StatementRecord],
    found: list[SpendingRecord],
) -> list[SpendingRecord]:
    """Return the figures officials give in their own words for their ally, beyond those found."""
    about, frame = is_about_defence(article), article_frame(article)
    # a fact check's "Claim: X said: ..." is the claim it checks, not X's figure
    unclaimed = [s for s in statements if not _CLAIM.search(article.passages[s.passage].text)]
    return spoken_records(
        article,
        people,
        unclaimed,
        found,
        lambda words, ally: extract_spending(
            words, speaking_for=ally, about_defence=about, outer_frame=frame
        ),
    )


__all__ = ["extract_spending", "speech_ally", "spoken_spending"]
