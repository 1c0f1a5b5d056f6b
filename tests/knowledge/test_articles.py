"""Hand-written articles with expected records: the specification the extractors are tested against.

Every ``articles/<name>.txt`` or ``articles/<name>.md`` is read with ``read_article``, extracted with
``knowledge.extract.extract`` and compared with ``articles/<name>.expected.json``. A new article
with its expectations is picked up automatically. The expectations say what the TEXT states, as
an exacting editor would read it; ``"_notes"`` strings (anywhere) explain the judgement calls.

Format of ``<name>.expected.json``::

    {
      "meta": {"title": str|null, "outlet": str|null, "url": str|null, "published": "YYYY[-MM[-DD]]"|null},
      "people": [{"name": "Anna Berg", "role": "Sweden's defence minister", "optional": false}],
      "spending": [{"subject": "US", "metric": "share_of_gdp", "year": 2025, "value": 3.4,
                    "currency": "USD", "approximate": true, "target": 2.0, "total": 32,
                    "as_written": "3.4 percent", "equivalents": ["€1.1trn"], "status": "estimate",
                    "optional": false}],
      "statements": [{"speaker": "Anna Berg", "kind": "verbatim|partial|reported",
                      "text": "exact words" | "text_contains": "words", "when": "YYYY[-MM[-DD]]"}],
      "events": [{"kind": "NATO summit", "place": "Ankara", "country": "TR", "year": 2026, "month": 7,
                  "day": 7, "end_day": 8, "status": "upcoming", "attendees": ["Kemal Aydin"],
                  "agenda": ["drone production"]}],
      "must_not": {"spending_subjects": ["IT"], "spending": [{"subject": "ES", "value": 2.0}],
                   "statement_speakers": ["Smith"], "statement_texts": ["officials"],
                   "people": ["Ottawa"], "event_places": ["Brussels"]}
    }

How each aspect is compared:

* meta: equal to ``article.meta`` (``published`` as its ISO text).
* people: the set of names equals the expected set (``optional`` people may be absent); an expected
  ``role`` is compared case-insensitively, ignoring a leading "a", "an" or "the".
* spending: the set of (subject, metric, year, value rounded to 3 significant digits) equals the
  expected set, so missing and extra facts both fail; ``optional`` facts may be absent. Any other
  field given (currency, approximate, target, total, as_written, equivalents, status) must hold for every
  extracted record with that key. ``year`` is ``when.year``; null means no resolvable year.
* statements: the multiset of (speaker, kind) equals the expected one, and the statements can be
  paired so that each expected ``text`` equals the extracted text once punctuation and whitespace
  are stripped from both ends, each ``text_contains`` is a case-insensitive substring, and each
  ``when`` agrees with ``when`` to the precision given.
* events: each expected event is matched by place (case-insensitive, a leading "the" ignored) and
  every field, attendee (by name) and agenda item (a substring of some agenda text) listed holds.
* must_not: none of the listed trap outcomes occurs; a ``spending`` entry forbids every record that
  agrees with all of its fields.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from knowledge.extract.reader import read_article
from knowledge.models import (
    Article,
    EventRecord,
    Extraction,
    Metric,
    SpendingRecord,
    StatementKind,
    StatementRecord,
    TimeRef,
)

ARTICLES = Path(__file__).parent / "articles"
ARTICLE_FILES = sorted(p for p in ARTICLES.iterdir() if p.suffix in {".txt", ".md"})
# Quotation marks and dashes of every style, spelled as escapes: \u2018 \u2019 are curly single quotes.
EDGE_PUNCTUATION = " \t\n\r.,;:!?\u2026\"'\u201c\u201d\u2018\u2019\u00ab\u00bb()[]\u2014\u2013-"
SPENDING_KEY = ("subject", "metric", "year", "value")
SPENDING_EXTRAS = ("currency", "approximate", "target", "total", "as_written", "equivalents", "status")
TOP_KEYS = {"_notes", "meta", "people", "spending", "statements", "events", "must_not"}
MUST_NOT_KEYS = {
    "_notes",
    "spending_subjects",
    "spending",
    "statement_speakers",
    "statement_texts",
    "people",
    "event_places",
}

EVENT_KEYS = {
    "kind",
    "place",
    "country",
    "year",
    "month",
    "day",
    "end_day",
    "status",
    "attendees",
    "agenda",
    "_notes",
}

SpendingKey = tuple[str, str, int | None, float | None]

by_article = pytest.mark.parametrize("path", ARTICLE_FILES, ids=[p.name for p in ARTICLE_FILES])


# --- loading ------------------------------------------------------------------------------------


@functools.cache
def load_article(path: Path) -> Article:
    """Return the article read from path."""
    return read_article(path.read_text(encoding="utf-8"))


@functools.cache
def load_expected(path: Path) -> dict[str, Any]:
    """Return the expectations written beside the article at path."""
    expected_path = path.with_name(f"{path.stem}.expected.json")
    data: dict[str, Any] = json.loads(expected_path.read_text(encoding="utf-8"))
    return data


@functools.cache
def load_extraction(path: Path) -> Extraction:
    """Return what the assembled extractor finds in the article at path."""
    from knowledge.extract import extract  # assembled by the lead; an ImportError until then

    return extract(load_article(path))


# --- normalising --------------------------------------------------------------------------------


def sig3(value: float | None) -> float | None:
    """Return value rounded to 3 significant digits (None stays None)."""
    return None if value is None else float(f"{value:.3g}")


def fold(text: str | None) -> str:
    """Return text case-folded, with inner whitespace collapsed and a leading article dropped."""
    words = (text or "").casefold().split()
    if words and words[0] in {"a", "an", "the"}:
        words = words[1:]
    return " ".join(words)


def year_of(when: TimeRef | None) -> int | None:
    """Return the resolved year of a time reference, or None."""
    return when.year if when is not None else None


def spending_field(record: SpendingRecord, field: str) -> Any:
    """Return one field of a spending record as the expectations spell it."""
    if field == "year":
        return year_of(record.when)
    if field == "metric":
        return record.metric.value
    if field in {"value", "target"}:
        return sig3(getattr(record, field))
    if field == "status":
        return record.status.value if record.status else None
    return getattr(record, field)


def expected_field(entry: dict[str, Any], field: str) -> Any:
    """Return one field of an expected spending entry, normalised like spending_field."""
    value = entry.get(field)
    return sig3(value) if field in {"value", "target"} else value


def spending_key(record: SpendingRecord) -> SpendingKey:
    """Return the identity of an extracted spending fact."""
    subject, metric, year, value = (spending_field(record, field) for field in SPENDING_KEY)
    return subject, metric, year, value


def entry_key(entry: dict[str, Any]) -> SpendingKey:
    """Return the identity of an expected spending fact."""
    subject, metric, year, value = (expected_field(entry, field) for field in SPENDING_KEY)
    return subject, metric, year, value


def describe_spending(record: SpendingRecord, article: Article) -> str:
    """Return a spending record with the figure and passage it came from."""
    passage = article.passages[record.passage].text if record.passage < len(article.passages) else "?"
    return f"{spending_key(record)} from {record.as_written!r} in {passage!r}"


def listing(title: str, items: Iterable[object]) -> str:
    """Return a titled, one-item-per-line listing, or an empty string when there are no items."""
    lines = [f"  {item}" for item in items]
    return f"{title}:\n" + "\n".join(lines) + "\n" if lines else ""


# --- statements ---------------------------------------------------------------------------------


def when_agrees(expected: str | None, when: TimeRef | None) -> bool:
    """Return whether a time reference matches an ISO date to the precision written."""
    if expected is None:
        return True
    if when is None:
        return False
    parts = [int(part) for part in expected.split("-")]
    return [when.year, when.month, when.day][: len(parts)] == parts


def statement_fits(entry: dict[str, Any], record: StatementRecord) -> bool:
    """Return whether an extracted statement satisfies one expected statement."""
    if record.speaker != entry["speaker"] or record.kind.value != entry["kind"]:
        return False
    if "text" in entry and record.text.strip(EDGE_PUNCTUATION) != entry["text"].strip(EDGE_PUNCTUATION):
        return False
    if "text_contains" in entry and fold(entry["text_contains"]) not in fold(record.text):
        return False
    return when_agrees(entry.get("when"), record.when)


def pair_up(entries: list[dict[str, Any]], records: list[Any], fits: Callable[[Any, Any], bool]) -> list[int]:
    """Return the indexes of entries left unpaired by a maximum one-to-one pairing with records."""
    owner: dict[int, int] = {}  # record index -> entry index

    def claim(entry: int, seen: set[int]) -> bool:
        """Return whether entry gets a record, re-pairing earlier entries if needed."""
        for index, record in enumerate(records):
            if index in seen or not fits(entries[entry], record):
                continue
            seen.add(index)
            if index not in owner or claim(owner[index], seen):
                owner[index] = entry
                return True
        return False

    return [entry for entry in range(len(entries)) if not claim(entry, set())]


# --- events -------------------------------------------------------------------------------------


def event_problems(entry: dict[str, Any], event: EventRecord) -> list[str]:
    """Return how an extracted event falls short of an expected one (empty when it fits)."""
    actual = {
        "kind": event.kind,
        "country": event.country,
        "year": year_of(event.when),
        "month": event.when.month if event.when else None,
        "day": event.when.day if event.when else None,
        "end_day": event.when.end_day if event.when else None,
        "status": event.status,
    }
    problems = [
        f"{field}: expected {entry[field]!r}, got {value!r}"
        for field, value in actual.items()
        if field in entry and entry[field] != value
    ]
    names = {fold(attendee.name) for attendee in event.attendees}
    problems += [
        f"attendee missing: {name!r}" for name in entry.get("attendees", []) if fold(name) not in names
    ]
    agenda = [fold(item.text) for item in event.agenda]
    problems += [
        f"agenda item missing: {item!r}"
        for item in entry.get("agenda", [])
        if not any(fold(item) in text for text in agenda)
    ]
    return problems


# --- the expectation files themselves -----------------------------------------------------------


@by_article
def test_expected_file_is_well_formed(path: Path) -> None:
    """Check the article has an expectation file whose entries use only the documented fields."""
    expected = load_expected(path)
    assert set(expected) <= TOP_KEYS and {"meta", "spending", "statements"} <= set(expected)
    assert set(expected["meta"]) == {"title", "outlet", "url", "published"}
    assert set(expected.get("must_not", {})) <= MUST_NOT_KEYS
    metrics = {metric.value for metric in Metric}
    for entry in expected["spending"]:
        assert set(SPENDING_KEY) <= set(entry), entry
        assert set(entry) <= {*SPENDING_KEY, *SPENDING_EXTRAS, "optional", "_notes"}, entry
        assert entry["metric"] in metrics, entry
    kinds = {kind.value for kind in StatementKind}
    for entry in expected["statements"]:
        assert set(entry) <= {"speaker", "kind", "text", "text_contains", "when", "_notes"}, entry
        assert entry["kind"] in kinds and ("text" in entry) != ("text_contains" in entry), entry
    assert all(set(entry) <= {"name", "role", "optional", "_notes"} for entry in expected.get("people", []))
    assert all(set(entry) <= EVENT_KEYS and "place" in entry for entry in expected.get("events", []))


def test_every_expectation_has_an_article() -> None:
    """Check no expectation file is orphaned by a renamed or deleted article."""
    stems = {path.stem for path in ARTICLE_FILES}
    orphans = [
        path.name
        for path in ARTICLES.glob("*.expected.json")
        if path.name[: -len(".expected.json")] not in stems
    ]
    assert ARTICLE_FILES and not orphans, orphans


# --- one test per aspect ------------------------------------------------------------------------


@by_article
def test_meta(path: Path) -> None:
    """Check the header metadata read from the article equals the expected meta."""
    meta = load_article(path).meta
    actual = {
        "title": meta.title,
        "outlet": meta.outlet,
        "url": meta.url,
        "published": meta.published.iso() if meta.published else None,
    }
    assert actual == load_expected(path)["meta"]


@by_article
def test_people(path: Path) -> None:
    """Check the people found are exactly the expected names, with the expected roles."""
    expected = load_expected(path).get("people", [])
    people = {person.name: person for person in load_extraction(path).people}
    required = {entry["name"] for entry in expected if not entry.get("optional")}
    allowed = {entry["name"] for entry in expected}
    wrong_roles = [
        f"{entry['name']}: expected {entry['role']!r}, got {people[entry['name']].role!r}"
        for entry in expected
        if "role" in entry
        and entry["name"] in people
        and fold(people[entry["name"]].role) != fold(entry["role"])
    ]
    message = (
        listing("missing people", sorted(required - set(people)))
        + listing("unexpected people", sorted(set(people) - allowed))
        + listing("wrong roles", wrong_roles)
    )
    assert not message, message


@by_article
def test_spending(path: Path) -> None:
    """Check the spending facts are exactly the expected set, with the expected details."""
    article, expected = load_article(path), load_expected(path)["spending"]
    records = load_extraction(path).spending
    actual = {spending_key(record) for record in records}
    required = {entry_key(entry) for entry in expected if not entry.get("optional")}
    allowed = {entry_key(entry) for entry in expected}
    wrong_details = [
        f"{entry_key(entry)} {field}: expected {expected_field(entry, field)!r}, "
        f"got {spending_field(record, field)!r}"
        for entry in expected
        for record in records
        if spending_key(record) == entry_key(entry)
        for field in SPENDING_EXTRAS
        if field in entry and spending_field(record, field) != expected_field(entry, field)
    ]
    message = (
        listing("missing (subject, metric, year, value)", sorted(required - actual, key=repr))
        + listing(
            "unexpected",
            sorted(
                describe_spending(record, article)
                for record in records
                if spending_key(record) not in allowed
            ),
        )
        + listing("wrong details", wrong_details)
    )
    assert not message, message


@by_article
def test_statements(path: Path) -> None:
    """Check the statements are the expected speakers and kinds, with the expected words."""
    expected = load_expected(path)["statements"]
    records = load_extraction(path).statements
    wanted = Counter((entry["speaker"], entry["kind"]) for entry in expected)
    got = Counter((record.speaker, record.kind.value) for record in records)
    found = "\n".join(f"  {r.speaker} [{r.kind.value}] {r.text!r} when={r.when}" for r in records)
    message = listing("missing (speaker, kind)", sorted((wanted - got).elements())) + listing(
        "unexpected (speaker, kind)", sorted((got - wanted).elements())
    )
    assert not message, message + "extracted:\n" + found
    unpaired = pair_up(expected, records, statement_fits)
    message = listing("no extracted statement matches", [expected[index] for index in unpaired])
    assert not message, message + "extracted:\n" + found


@by_article
def test_events(path: Path) -> None:
    """Check each expected event is found at its place with the expected date, people and agenda."""
    events = load_extraction(path).events
    problems: list[str] = []
    for entry in load_expected(path).get("events", []):
        candidates = [event for event in events if fold(event.place) == fold(entry["place"])]
        shortfalls: list[list[str]] = [event_problems(entry, event) for event in candidates]
        if not candidates:
            problems.append(f"no event at {entry['place']!r}; places found: {[e.place for e in events]}")
        elif all(shortfalls):
            closest = min(shortfalls, key=len)  # report the candidate that came nearest
            problems.append(f"event at {entry['place']!r}: " + "; ".join(closest))
    assert not problems, "\n".join(problems)


@by_article
def test_must_not(path: Path) -> None:
    """Check none of the article's trap outcomes (wrong subject, speaker, fact) was extracted."""
    traps = load_expected(path).get("must_not", {})
    extraction = load_extraction(path)
    violations = [
        f"spending subject {r.subject}: {describe_spending(r, load_article(path))}"
        for r in extraction.spending
        if r.subject in traps.get("spending_subjects", [])
    ]
    violations += [
        f"forbidden spending {pattern}: {describe_spending(r, load_article(path))}"
        for pattern in traps.get("spending", [])
        for r in extraction.spending
        if all(spending_field(r, field) == expected_field(pattern, field) for field in pattern)
    ]
    speakers = {fold(name) for name in traps.get("statement_speakers", [])}
    violations += [
        f"statement by {s.speaker}: {s.text!r}" for s in extraction.statements if fold(s.speaker) in speakers
    ]
    violations += [
        f"statement containing {text!r}: {s.speaker}: {s.text!r}"
        for text in traps.get("statement_texts", [])
        for s in extraction.statements
        if fold(text) in fold(s.text)
    ]
    forbidden_people = {fold(name) for name in traps.get("people", [])}
    violations += [f"person {p.name!r}" for p in extraction.people if fold(p.name) in forbidden_people]
    places = {fold(place) for place in traps.get("event_places", [])}
    violations += [f"event at {e.place!r}" for e in extraction.events if fold(e.place) in places]
    assert not violations, "\n".join(violations)
