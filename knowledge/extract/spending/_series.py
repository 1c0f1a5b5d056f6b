"""Series of bare values under a caption that gives their unit: a chart's data, written out.

A data newsletter describes a chart in words ("Alt text: Line chart. 2014: 1.9. 2018: 2.0. ...")
under its caption ("Chart 2: Poland's defence spending, % of GDP, 2014-2025"). The values carry no
unit and no owner of their own: the caption gives both.

* A paragraph is a series when three or more of its sentences, and most of them, are each one
  "label: value" pair, after at most one opening sentence that says what the chart is ("Alt text:
  Bar chart."); a closing "Source: NATO." is no pair and no obstacle.
* The caption is the one-line paragraph just before it. It must give a unit: "% of GDP" (shares),
  or money ("USD billion", "€ billion"). A caption of anything else ("Number of allies ...") says
  the values are no spending.
* Labels are years or countries. A series of years is the one ally the caption names ("Poland's
  defence spending"); a caption naming none (the allies combined) gives no ally's figures. A
  series of countries is for the one year the caption names; its non-allies are left out.
* Status: "planned" in the caption plans every value; else the year decides as everywhere
  (``figure_status``), with the years an article calls estimates ("Figures for 2025 are NATO
  estimates") estimates.
"""

from __future__ import annotations

import re

from knowledge.extract.spending._clauses import MONEY_UNIT, estimated_years
from knowledge.extract.spending._status import figure_status
from knowledge.extract.spending._structure import YEAR_CELL, unit_record
from knowledge.gazetteer import find_country_mentions, one_ally
from knowledge.models import Article, FigureStatus, Passage, SpendingRecord, TimeRef

_PAIR = re.compile(
    r"\s*(?:[^:]{0,60}:\s*)?(?P<label>[^:.]{2,40}?)\s*:\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*\.?\s*"
)
_OPENER = re.compile(r"\s*(?:alt[\s-]?text|description|data)\s*:|.*\b(?:chart|graph|plot)\b", re.I)
_SHARE = re.compile(r"%\s*(?:of\s+)?GDP|share\s+of\s+GDP|per\s*cent\s+of\s+GDP", re.I)
_MONEY = re.compile(rf"(?P<unit>{MONEY_UNIT})")
_YEAR = re.compile(r"(?:19|20)\d\d")
_BASE_YEAR = re.compile(r"\b(?:on|from|since|than|vs\.?|versus|over)\s+((?:19|20)\d\d)\b", re.I)
_PLANNED = re.compile(r"\b(?:planned|plan|budgeted|projected|forecast)\b", re.I)
_SERIES_MIN = 3  # pairs: fewer are sentences, not a series
_PAIR_CUE = re.compile(r":\s*\d")


def series_records(article: Article) -> list[SpendingRecord]:
    """Return the spending figures of the article's captioned series."""
    estimated = estimated_years(article.body)
    inline = _inline_series(article, estimated) + _listed_series(article, estimated)
    if " / " in article.body:
        inline += _slashed_rows(article, estimated)
    if len(_PAIR_CUE.findall(article.body)) < _SERIES_MIN:
        return inline  # fewer "label: value" pairs in the whole text than one series has (most articles)
    paragraphs: dict[int, list[Passage]] = {}
    for passage in article.passages:
        paragraphs.setdefault(passage.paragraph, []).append(passage)
    records: list[SpendingRecord] = []
    previous: list[Passage] = []
    for passages in paragraphs.values():
        caption = previous[0].text if len(previous) == 1 else ""
        previous = passages
        if not caption or len(caption) > 160:
            continue
        body = (
            passages[1:]
            if _OPENER.match(passages[0].text) and not _PAIR.fullmatch(passages[0].text)
            else passages
        )
        found = [(p, pair) for p in body if (pair := _PAIR.fullmatch(p.text)) is not None]
        # a series is mostly its pairs: a closing "Source: NATO." does not undo it, prose does
        if len(found) < _SERIES_MIN or 2 * len(found) < len(body):
            continue
        records += _series(article, caption, [p for p, _ in found], [pair for _, pair in found], estimated)
    return records + inline


# A chart's data labels, one ally a line, its years' values parted by slashes under a heading that
# gives the unit and the years: "Data labels (% of GDP; 2023 / 2024 / 2025e / 2026p)" over
# "Greece: 3.01 / 3.08 / 3.12 / 3.20". A year's letter says how sure its values are (e, est:
# estimates; p, plan: planned); a value's own note may too ("2.00 (target)"); "—" is no value.
_SLASHED_YEARS = re.compile(r"(?:19|20)\d\d[a-z]{0,4}\.?(?:\s*/\s*(?:19|20)\d\d[a-z]{0,4}\.?)+")
_SLASHED_ROW = re.compile(r"\s*(?P<label>[^:/\d]{2,40}?)\s*:\s*(?P<values>[^:]+?)\s*")
_SLASHED_VALUE = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)\s*%?|[—–-]+)\s*\*{0,3}\s*(?:\((?P<note>[a-z ]{2,20})\))?\s*"
)
_YEAR_LETTERS = {
    "e": FigureStatus.ESTIMATE,
    "est": FigureStatus.ESTIMATE,
    "p": FigureStatus.PLANNED,
    "plan": FigureStatus.PLANNED,
}
_NOTE_STATUS = {
    "target": FigureStatus.TARGET,
    "planned": FigureStatus.PLANNED,
    "estimate": FigureStatus.ESTIMATE,
}


def _slashed_rows(article: Article, estimated: set[int]) -> list[SpendingRecord]:
    """Return the shares of GDP of the slashed rows under a heading of slashed years (see above)."""
    published = article.meta.published
    records: list[SpendingRecord] = []
    years: list[tuple[int, str]] = []
    for passage in article.passages:
        text = passage.text
        heading = _SLASHED_YEARS.search(text) if "/" in text and _SHARE.search(text) else None
        if heading is not None and len(text) <= 160:
            years = [
                (int(token[:4]), token[4:].rstrip(".").lower())
                for token in re.split(r"\s*/\s*", heading.group(0))
            ]
            continue
        row = _SLASHED_ROW.fullmatch(text) if years else None
        parts = re.split(r"\s*/\s*", row.group("values")) if row else []
        if row is None or len(parts) != len(years):
            years = [] if row is None and "/" not in text else years  # prose after the rows ends them
            continue
        code = one_ally(row.group("label"), demonyms=False)
        if code is None or find_country_mentions(row.group("label"))[0][1] != 0:
            continue
        for (year, letters), part in zip(years, parts, strict=True):
            value = _SLASHED_VALUE.fullmatch(part)
            if value is None or value.group("num") is None:
                continue
            when = TimeRef(text=f"{year}{letters}", year=year)
            note = (value.group("note") or "").strip()
            status = (
                _NOTE_STATUS.get(note)
                or _YEAR_LETTERS.get(letters)
                or figure_status("", when, published, year in estimated)
            )
            record = unit_record(
                passage.position, code, when, status, value.group("num"), f"{value.group('num')}%", None
            )
            if record is not None:
                records.append(record)
    return records


# A series written on one line after the sentence that gives its unit: "Shows: defence spending in per
# cent of GDP, top five allies, 2025. Poland 4.5; Lithuania 4.0; Latvia 3.7."
_INLINE_PAIR = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}\s+\d{1,3}(?:\.\d+)?"
_INLINE = re.compile(rf"\s*{_INLINE_PAIR}(?:\s*;\s*{_INLINE_PAIR}){{2,}}\s*\.?\s*")
_INLINE_ITEM = re.compile(r"(?P<label>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s+(?P<num>\d{1,3}(?:\.\d+)?)")


def _inline_series(article: Article, estimated: set[int]) -> list[SpendingRecord]:
    """Return the figures of series set out on one line, "Name value; Name value; ...", whose unit and
    year the sentence just before gives (as a caption does)."""
    if ";" not in article.body:
        return []
    records: list[SpendingRecord] = []
    for passage in article.passages[1:]:
        if ";" not in passage.text or _INLINE.fullmatch(passage.text) is None:
            continue
        before = article.passages[passage.position - 1]
        items = list(_INLINE_ITEM.finditer(passage.text))
        records += _series(article, before.text, [passage] * len(items), items, estimated)
    return records


# A ranked list, an item a line, each a bare value under the caption that gives the unit ("Top of the
# table (2025 estimates, % of GDP; change on 2024 in points)" over "1. Poland — 4.48 (+0.36)"); a
# value's change in brackets after it is no figure of its own.
_LISTED_PAIR = re.compile(
    r"\s*(?P<label>[^\W\d][^:—–\d]{1,38}?)\s*(?::|\s[—–-])\s*(?P<num>\d{1,3}(?:\.\d+)?)"
    r"\s*(?:\(\s*[+−–-]?\s*\d+(?:\.\d+)?\s*\))?\s*\.?\s*"
)


# a list that goes on a ranking ("Bottom three", "The rest"); a caption of gaps or changes is no level
_RANKING = re.compile(
    r"\b(?:top|bottom|rest|trailing|leaders|foot|relegation|others|middle|mid-table)\b", re.I
)
_NOT_LEVELS = re.compile(
    r"\b(?:gap|gaps|from\s+\d|short\s+of|distance|away)\b|^(?!.*\bchange\s+on\b).*\bchange\b", re.I
)
_CONTINUED_WORDS = 3  # a list's own caption that says no unit: "Bottom three", "The rest"
_MOST_SHARE = 15.0  # no ally's share of GDP is larger: a list of larger values is something else


def _listed_series(article: Article, estimated: set[int]) -> list[SpendingRecord]:
    """Return the figures of ranked lists whose items are paragraphs of their own ("Poland — 4.48"),
    under a one-line caption that gives the unit; a list right after one whose caption gives none
    ("Bottom three") goes on under the caption of the list before it."""
    if "—" not in article.body and "–" not in article.body and ":" not in article.body:
        return []
    paragraphs: dict[int, list[Passage]] = {}
    for passage in article.passages:
        paragraphs.setdefault(passage.paragraph, []).append(passage)
    ordered = list(paragraphs.values())
    records: list[SpendingRecord] = []
    last_caption, last_end = "", -2
    i = 0
    while i < len(ordered):
        run: list[tuple[Passage, re.Match[str]]] = []
        j = i
        while (
            j < len(ordered) and len(ordered[j]) == 1 and (pair := _LISTED_PAIR.fullmatch(ordered[j][0].text))
        ):
            run.append((ordered[j][0], pair))
            j += 1
        if len(run) < _SERIES_MIN:
            i = max(j, i + 1)
            continue
        before = ordered[i - 1] if i > 0 else []
        caption = before[0].text if len(before) == 1 and len(before[0].text) <= 160 else ""
        if (
            not (_SHARE.search(caption) or _MONEY.search(caption))
            and last_end == i - 2
            and _RANKING.search(caption) is not None
            and len(caption.split()) <= _CONTINUED_WORDS
            and not any(ch.isdigit() for ch in caption)
            and all(float(m.group("num")) <= _MOST_SHARE for _, m in run)
        ):
            caption = last_caption  # "Bottom three" over the list that follows the top five
        if (_SHARE.search(caption) or _MONEY.search(caption)) and not _NOT_LEVELS.search(caption):
            records += _series(article, caption, [p for p, _ in run], [m for _, m in run], estimated)
            last_caption, last_end = caption, j - 1
        i = j
    return records


def _series(
    article: Article, caption: str, passages: list[Passage], pairs: list[re.Match[str]], estimated: set[int]
) -> list[SpendingRecord]:
    """Return the figures of one series under its caption."""
    money = _MONEY.search(caption)
    share = _SHARE.search(caption) is not None
    if not share and money is None:
        return []
    # a year the values are compared with is not theirs: "(2025 estimates; change on 2024)"
    years = sorted({int(y) for y in _YEAR.findall(caption)} - {int(y) for y in _BASE_YEAR.findall(caption)})
    owner = one_ally(caption, demonyms=True)
    planned = _PLANNED.search(caption) is not None
    records = []
    for passage, pair in zip(passages, pairs, strict=True):
        label = pair.group("label").strip()
        year_label = YEAR_CELL.fullmatch(label)  # "2025", "2025e"
        code: str | None
        year: int | None
        if year_label is not None:
            code, year = owner, int(year_label.group("year"))
        else:
            named = [c for c, _, _ in find_country_mentions(label)]
            code = named[0].code if len(named) == 1 and named[0].nato_member else None
            year = years[0] if len(years) == 1 else None
        if code is None or year is None:
            continue
        when = TimeRef(text=str(year), year=year)
        status = (
            FigureStatus.PLANNED
            if planned
            else figure_status("", when, article.meta.published, year in estimated)
        )
        number = pair.group("num")
        record = unit_record(
            passage.position,
            code,
            when,
            status,
            number,
            f"{number}%" if share else None,
            money.group("unit") if money else None,
        )
        if record is not None:
            records.append(record)
    return records
