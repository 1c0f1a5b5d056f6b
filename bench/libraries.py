"""``python -m bench.libraries DIR``: well-kept libraries against briefbot's hand-written readers.

DIR is laid out as an extraction corpus (``articles/`` and ``expected/``, see bench/extraction).
Four readers are compared, each on the truth the corpus gives and on CPU time in the same run:

* **Sentences** (``split_sentences`` vs ``pysbd``, ``syntok``): every sentence the expected file
  quotes (``sentence`` and ``sentences`` fields) should come out of the splitter whole. All
  splitters get the same paragraphs (briefbot's block reader finds headings, bullets and tables
  first), so only the sentence splitting differs. Time is per article.
* **Times** (``find_times`` vs ``dateparser.search.search_dates``): for each spending or aggregate
  fact whose year is written in its sentence or relative to the article date, is that year among
  the times found, resolved against the article's date? For each summit with a year, does one of
  its evidence sentences give that year (and its month, where the corpus names one)?
* **Written numbers** (``parse_count``/``COUNT_PATTERN``/``find_percents`` vs
  ``number_parser.parse``): is each count of allies (aggregate facts) and each percentage of GDP
  found in its sentence? The "in words" rows keep the facts whose number is not in digits.
* **Countries** (``find_country_mentions`` + ``find_demonyms`` + ``find_government_seats`` and
  ``resolve_country`` vs ``pycountry`` and ``country_converter``): is each spending fact's country
  found in its sentence, and does its ``mention`` resolve to it, where the mention is a name (every
  word capitalised, or "the", "of", "and": "Host Lithuania", "Ottawa"; not "we", "The government")? pycountry has no text
  search, so its finder is a case-sensitive whole-word scan of its names (``name``,
  ``common_name``, ``official_name``); country_converter's regexes are searched in the sentence
  (its ``convert`` returns every country whose regex matches).

A library that is not installed is skipped with a line saying so (``pip install -e
'.[bench-libraries]'`` installs them all). Times are ``time.process_time`` over the whole workload;
each input is read once per reader, so briefbot's per-passage caches never answer from memory.
Exit code 0 (a low score is a finding), 2 when DIR is not a corpus.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import json
import logging
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.errors import UnknownCountry
from knowledge.extract.numbers import COUNT_PATTERN, find_percents, parse_count
from knowledge.extract.reader import read_article, split_sentences
from knowledge.extract.timeref import find_times
from knowledge.gazetteer import (
    find_country_mentions,
    find_demonyms,
    find_government_seats,
    resolve_country,
)
from knowledge.models import Article, PartialDate

HAND = "briefbot"


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    """One article of the corpus, read by briefbot's reader, with its expected file."""

    name: str
    article: Article
    expected: dict[str, Any]


@dataclass(slots=True)
class Row:
    """One reader's score on one truth: how many were right, of how many, and its CPU time."""

    reader: str
    truth: str
    correct: int = 0
    total: int = 0
    seconds: float = 0.0
    calls: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Return the share right (0 when there was nothing to check)."""
        return self.correct / self.total if self.total else 0.0


@dataclass(slots=True)
class Comparison:
    """The rows of one pair (briefbot against its candidate libraries) and the libraries skipped."""

    title: str
    rows: list[Row] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def load_corpus(directory: Path) -> list[CorpusArticle]:
    """Return the corpus's articles that have an expected file; raise FileNotFoundError without any."""
    found = []
    for expected_path in sorted((directory / "expected").glob("*.json")):
        for suffix in (".txt", ".md"):
            article_path = directory / "articles" / (expected_path.stem + suffix)
            if article_path.exists():
                article = read_article(article_path.read_text(encoding="utf-8"))
                expected = json.loads(expected_path.read_text(encoding="utf-8"))
                found.append(CorpusArticle(expected_path.stem, article, expected))
                break
    if not found:
        raise FileNotFoundError(f"{directory} has no expected/*.json with an article beside it")
    return found


def optional(module: str) -> Any | None:
    """Return the module if it is installed, else None."""
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def timed(row: Row, call: Callable[[], Any]) -> Any:
    """Return call(), adding its CPU time and one call to the row."""
    start = time.process_time()
    result = call()
    row.seconds += time.process_time() - start
    row.calls += 1
    return result


def _space(text: str) -> str:
    """Return text with every run of white space as one space, trimmed."""
    return " ".join(text.split())


# --- sentences ---------------------------------------------------------------------------------


def paragraphs(article: Article) -> list[str]:
    """Return the body's text blocks (paragraphs, bullets, tables) as briefbot's reader finds them."""
    spans: dict[int, tuple[int, int]] = {}
    for passage in article.passages:
        start, _ = spans.get(passage.paragraph, (passage.start, passage.end))
        spans[passage.paragraph] = (start, passage.end)
    return [article.body[start:end] for start, end in spans.values()]


def briefbot_sentences(text: str) -> list[str]:
    """Return briefbot's sentences of one paragraph."""
    return [text[start:end] for start, end in split_sentences(text, 0, len(text))]


def sentence_splitters() -> tuple[dict[str, Callable[[str], list[str]]], list[str]]:
    """Return the installed splitters by name, and a line for each library skipped."""
    splitters: dict[str, Callable[[str], list[str]]] = {HAND: briefbot_sentences}
    skipped = []
    pysbd = optional("pysbd")
    if pysbd is None:
        skipped.append("pysbd")
    else:
        segmenter = pysbd.Segmenter(language="en", clean=False)
        splitters["pysbd"] = segmenter.segment
    syntok = optional("syntok.segmenter")
    if syntok is None:
        skipped.append("syntok")
    else:
        splitters["syntok"] = lambda text: [
            "".join(str(token) for token in sentence)
            for paragraph in syntok.analyze(text)
            for sentence in paragraph
        ]
    return splitters, skipped


def expected_sentences(expected: dict[str, Any]) -> set[str]:
    """Return every sentence the expected file quotes from the article, spaces normalised."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "sentence" and isinstance(value, str):
                    found.add(_space(value))
                elif key == "sentences" and isinstance(value, list):
                    found.update(_space(s) for s in value if isinstance(s, str))
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk({k: v for k, v in expected.items() if k != "command_checks"})
    return {s for s in found if s}


_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")


def compare_sentences(corpus: list[CorpusArticle]) -> Comparison:
    """Count the expected sentences each splitter gives whole: all, and those ending as prose does.

    Table rows and timetable lines are also quoted as "sentences"; briefbot keeps a table as one
    passage on purpose (its readers take it by row and column), so the prose row is the fair one.
    """
    splitters, skipped = sentence_splitters()
    comparison = Comparison("Sentences: expected sentences given whole", skipped=skipped)
    for name, split in splitters.items():
        row, prose = Row(name, "all quoted sentences"), Row(name, "prose sentences")
        for item in corpus:
            blocks = paragraphs(item.article)
            sentences = timed(row, lambda blocks=blocks, split=split: [s for b in blocks for s in split(b)])
            given = {_space(s) for s in sentences}
            for sentence in sorted(expected_sentences(item.expected)):
                for target in (row, prose) if _SENTENCE_END.search(sentence) else (row,):
                    target.total += 1
                    target.correct += sentence in given
                if sentence not in given:
                    row.misses.append(f"{item.name}: {sentence[:70]}")
        comparison.rows += [row, prose]
    return comparison


# --- times -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimeCase:
    """Sentences, their article's date, and the year (and month) a reader should find in one of them."""

    article: str
    sentences: tuple[str, ...]
    published: PartialDate | None
    year: int
    month: int | None = None


def time_cases(corpus: list[CorpusArticle]) -> dict[str, list[TimeCase]]:
    """Return the cases by truth: fact years written in the sentence, and summit dates."""
    facts, summits = [], []
    for item in corpus:
        published = item.article.meta.published
        for fact in [*item.expected.get("spending_facts", []), *item.expected.get("aggregate_facts", [])]:
            if fact.get("year") and fact.get("year_basis") in ("explicit", "relative_to_article_date"):
                facts.append(TimeCase(item.name, (fact["sentence"],), published, fact["year"]))
        for summit in item.expected.get("summits", []):
            sentences = tuple(summit.get("sentences") or ())
            if summit.get("year") and sentences:
                month = _month_number(summit.get("month"))
                summits.append(TimeCase(item.name, sentences, published, summit["year"], month))
    return {"fact years": facts, "summit year+month": summits}


def _month_number(month: Any) -> int | None:
    """Return a month given as a number or an English name, else None."""
    if isinstance(month, int):
        return month
    if isinstance(month, str):
        for number in range(1, 13):
            if datetime.date(2000, number, 1).strftime("%B").lower().startswith(month.lower()[:3]):
                return number
    return None


def briefbot_times(sentence: str, published: PartialDate | None) -> list[tuple[int | None, int | None]]:
    """Return (year, month) of each time briefbot finds in the sentence."""
    return [(ref.year, ref.month) for ref, _, _ in find_times(sentence, published)]


def base_datetime(published: PartialDate | None) -> datetime.datetime | None:
    """Return the article's date as dateparser's base: a missing month or day is mid-period."""
    if published is None:
        return None
    return datetime.datetime(published.year, published.month or 7, published.day or 1)


def time_readers() -> tuple[dict[str, Callable[[str, PartialDate | None], list[Any]]], list[str]]:
    """Return the installed time readers by name, and the libraries skipped."""
    readers: dict[str, Callable[[str, PartialDate | None], list[Any]]] = {HAND: briefbot_times}
    search = optional("dateparser.search")
    if search is None:
        return readers, ["dateparser"]

    def dateparser_times(sentence: str, published: PartialDate | None) -> list[tuple[int | None, int | None]]:
        settings = {"RELATIVE_BASE": base_datetime(published)} if published else {}
        found = search.search_dates(sentence, languages=["en"], settings=settings) or []
        return [(when.year, when.month) for _, when in found]

    readers["dateparser"] = dateparser_times
    return readers, []


def compare_times(corpus: list[CorpusArticle]) -> Comparison:
    """Count the fact years and summit dates each time reader resolves."""
    readers, skipped = time_readers()
    comparison = Comparison(
        "Times: years (and summit months) resolved against the article date", skipped=skipped
    )
    cases = time_cases(corpus)
    for name, read in readers.items():
        for truth, row_cases in cases.items():
            row = Row(name, truth)
            for case in row_cases:
                found = [
                    t
                    for s in case.sentences
                    for t in timed(row, lambda s=s, c=case, read=read: read(s, c.published))
                ]
                row.total += 1
                if any(y == case.year and (case.month is None or m == case.month) for y, m in found):
                    row.correct += 1
                else:
                    row.misses.append(f"{case.article}: {case.year}-{case.month} in {case.sentences[0][:60]}")
            comparison.rows.append(row)
    return comparison


# --- written numbers ---------------------------------------------------------------------------

_COUNT = re.compile(rf"\b{COUNT_PATTERN}")
_DIGIT_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_DIGIT_PERCENT = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:%|per[\s-]?cent\b|percent\b|pct\b|pc\b|percentage points?\b)", re.I
)


@dataclass(frozen=True, slots=True)
class NumberCase:
    """A sentence and the count or percentage a reader should find in it."""

    article: str
    sentence: str
    value: float
    in_words: bool


def number_cases(corpus: list[CorpusArticle]) -> dict[str, list[NumberCase]]:
    """Return the counts of allies and the percentages of GDP the expected files give, with sentences."""
    counts, percents = [], []
    for item in corpus:
        for fact in item.expected.get("aggregate_facts", []):
            if str(fact.get("kind", "")).startswith("count") and fact.get("value") is not None:
                counts.append(_number_case(item.name, fact))
        for fact in [*item.expected.get("spending_facts", []), *item.expected.get("aggregate_facts", [])]:
            if (
                fact.get("unit") == "percent_of_gdp"
                and fact.get("value") is not None
                and fact.get("sentence")
            ):
                percents.append(_number_case(item.name, fact))
    return {"counts": counts, "percents": percents}


def _number_case(article: str, fact: dict[str, Any]) -> NumberCase:
    """Return the case of one fact; it is "in words" when its value is not written in digits."""
    value = float(fact["value"])
    digits = {float(m.group(0).replace(",", "")) for m in _DIGIT_NUMBER.finditer(fact["sentence"])}
    return NumberCase(article, fact["sentence"], value, value not in digits)


def briefbot_counts(sentence: str) -> set[float]:
    """Return the whole numbers briefbot reads in a sentence (digits or words)."""
    values = (parse_count(m.group(0)) for m in _COUNT.finditer(sentence))
    return {float(v) for v in values if v is not None}


def briefbot_percents(sentence: str) -> set[float]:
    """Return the percentages briefbot reads in a sentence."""
    return {q.value for q in find_percents(sentence)}


def number_readers() -> tuple[
    dict[str, tuple[Callable[[str], set[float]], Callable[[str], set[float]]]], list[str]
]:
    """Return (count reader, percent reader) by name, and the libraries skipped."""
    readers = {HAND: (briefbot_counts, briefbot_percents)}
    number_parser = optional("number_parser")
    if number_parser is None:
        return readers, ["number-parser"]

    def counts(sentence: str) -> set[float]:
        text = number_parser.parse(sentence, language="en")
        return {float(m.group(0).replace(",", "")) for m in _DIGIT_NUMBER.finditer(text)}

    def percents(sentence: str) -> set[float]:
        text = number_parser.parse(sentence, language="en")
        return {float(m.group(1)) for m in _DIGIT_PERCENT.finditer(text)}

    readers["number-parser"] = (counts, percents)
    return readers, []


def compare_numbers(corpus: list[CorpusArticle]) -> Comparison:
    """Count the counts of allies and percentages each reader finds, overall and written in words."""
    readers, skipped = number_readers()
    comparison = Comparison("Written numbers: counts of allies and percentages of GDP", skipped=skipped)
    cases = number_cases(corpus)
    for name, (read_counts, read_percents) in readers.items():
        for kind, read in (("counts", read_counts), ("percents", read_percents)):
            row, words = Row(name, kind), Row(name, f"{kind} in words")
            for case in cases[kind]:
                found = timed(row, lambda c=case, read=read: read(c.sentence))
                for target in (row, words) if case.in_words else (row,):
                    target.total += 1
                    target.correct += case.value in found
                if case.value not in found:
                    row.misses.append(f"{case.article}: {case.value:g} in {case.sentence[:60]}")
            comparison.rows += [row, words]
    return comparison


# --- countries ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CountryCase:
    """A spending fact's sentence, its mention as written, and the country's ISO alpha-2 code."""

    article: str
    sentence: str
    mention: str
    code: str


def country_cases(corpus: list[CorpusArticle]) -> list[CountryCase]:
    """Return one case per spending fact whose country briefbot's gazetteer knows by its name."""
    cases = []
    for item in corpus:
        for fact in item.expected.get("spending_facts", []):
            truth = resolve_country(fact["country"])  # the corpus's canonical English short name
            if truth.path != "fuzzy":
                cases.append(
                    CountryCase(item.name, fact["sentence"], fact.get("mention") or "", truth.country.code)
                )
    return cases


_NAME_WORD = re.compile(r"(?:[A-Z][\w.’'-]*|the|of|and)")


def is_name(mention: str) -> bool:
    """Return whether a mention as written is a name ("the Netherlands", "Ottawa"), not a phrase ("we")."""
    words = mention.split()
    return bool(words) and all(_NAME_WORD.fullmatch(word) for word in words)


def briefbot_find(sentence: str) -> set[str]:
    """Return the codes of the countries briefbot finds in a sentence: names, demonyms and capitals."""
    mentions = [*find_country_mentions(sentence), *find_demonyms(sentence), *find_government_seats(sentence)]
    return {country.code for country, _, _ in mentions}


def briefbot_resolve(mention: str) -> str | None:
    """Return the code briefbot resolves a written mention to, or None."""
    try:
        return resolve_country(mention).country.code
    except UnknownCountry:
        return None


CountryReaders = dict[str, tuple[Callable[[str], set[str]], Callable[[str], str | None]]]


def country_readers() -> tuple[CountryReaders, list[str]]:
    """Return (finder, resolver) by name, and the libraries skipped."""
    readers: CountryReaders = {HAND: (briefbot_find, briefbot_resolve)}
    skipped = []
    pycountry = optional("pycountry")
    if pycountry is None:
        skipped.append("pycountry")
    else:
        readers["pycountry"] = _pycountry_readers(pycountry)
    coco = optional("country_converter")
    if coco is None:
        skipped.append("country-converter")
    else:
        readers["country-converter"] = _coco_readers(coco)
    return readers, skipped


def _pycountry_readers(pycountry: Any) -> tuple[Callable[[str], set[str]], Callable[[str], str | None]]:
    """Return a finder over pycountry's names and a resolver by its lookup, fuzzy search as fallback."""
    names = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            if hasattr(country, attribute):
                names[getattr(country, attribute)] = country.alpha_2
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b"
    )

    def find(sentence: str) -> set[str]:
        return {names[m.group(1)] for m in pattern.finditer(sentence)}

    def resolve(mention: str) -> str | None:
        text = mention.removeprefix("the ").strip()
        try:
            return str(pycountry.countries.lookup(text).alpha_2)
        except LookupError:
            pass
        try:
            return str(pycountry.countries.search_fuzzy(text)[0].alpha_2)
        except LookupError:
            return None

    return find, resolve


def _coco_readers(coco: Any) -> tuple[Callable[[str], set[str]], Callable[[str], str | None]]:
    """Return country_converter's regex search of a sentence and its conversion of a mention."""
    logging.getLogger("country_converter").setLevel(logging.CRITICAL)  # it logs every multiple match
    converter = coco.CountryConverter()

    def find(sentence: str) -> set[str]:
        found = converter.convert(sentence, to="ISO2", not_found=None)
        return {c for c in (found if isinstance(found, list) else [found]) if c}

    def resolve(mention: str) -> str | None:
        found = converter.convert(mention, to="ISO2", not_found=None)
        return found if isinstance(found, str) else None

    return find, resolve


def compare_countries(corpus: list[CorpusArticle]) -> Comparison:
    """Count the spending facts whose country each reader finds in the sentence and resolves from the mention."""
    readers, skipped = country_readers()
    comparison = Comparison(
        "Countries: the spending fact's country in its sentence and mention", skipped=skipped
    )
    cases = country_cases(corpus)
    for name, (find, resolve) in readers.items():
        found_row, resolve_row = Row(name, "country in sentence"), Row(name, "mention resolved")
        for case in cases:
            found = timed(found_row, lambda c=case, find=find: find(c.sentence))
            found_row.total += 1
            found_row.correct += case.code in found
            if case.code not in found:
                found_row.misses.append(f"{case.article}: {case.code} in {case.sentence[:60]}")
            if is_name(case.mention):
                code = timed(resolve_row, lambda c=case, resolve=resolve: resolve(c.mention))
                resolve_row.total += 1
                resolve_row.correct += code == case.code
                if code != case.code:
                    resolve_row.misses.append(f"{case.article}: {case.mention!r} -> {code}, not {case.code}")
        comparison.rows += [found_row, resolve_row]
    return comparison


# --- report ------------------------------------------------------------------------------------

COMPARISONS = (compare_sentences, compare_times, compare_numbers, compare_countries)


def run(corpus: list[CorpusArticle]) -> Iterator[Comparison]:
    """Yield each comparison in turn."""
    for compare in COMPARISONS:
        yield compare(corpus)


def format_comparison(comparison: Comparison, *, verbose: bool = False) -> Iterable[str]:
    """Yield the lines of one comparison's table; CPU ratios are to briefbot's reader on the same truth."""
    yield comparison.title
    for library in comparison.skipped:
        yield f"  skipped {library}: not installed (pip install -e '.[bench-libraries]')"
    yield f"  {'reader':<18}{'truth':<26}{'right':>12}{'rate':>8}{'µs/call':>11}{'CPU ×':>8}"
    base = {row.truth: row for row in comparison.rows if row.reader == HAND}
    for row in comparison.rows:
        hand = base.get(row.truth)
        per_call = f"{row.seconds / row.calls * 1e6:.1f}" if row.calls else "-"  # a subset is not timed apart
        ratio = f"{row.seconds / hand.seconds:.1f}" if row.calls and hand and hand.seconds else "-"
        right = f"{row.correct}/{row.total}"
        yield f"  {row.reader:<18}{row.truth:<26}{right:>12}{row.rate:>8.3f}{per_call:>11}{ratio:>8}"
        if verbose:
            yield from (f"      miss {_space(m)}" for m in row.misses)
    yield ""


def main(argv: list[str] | None = None) -> int:
    """Compare every reader on the corpus and print the tables."""
    parser = argparse.ArgumentParser(prog="python -m bench.libraries", description=__doc__.split("\n")[0])
    parser.add_argument("directory", type=Path, help="a folder with articles/ and expected/")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    try:
        corpus = load_corpus(args.directory)
    except FileNotFoundError as exc:
        print(f"bench.libraries: {exc}", file=sys.stderr)
        return 2
    print(f"{len(corpus)} articles; CPU × is the reader's CPU time over briefbot's on the same truth\n")
    for comparison in run(corpus):
        print("\n".join(format_comparison(comparison, verbose=args.verbose)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
