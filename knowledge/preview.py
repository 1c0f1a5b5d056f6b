"""What ingesting an article would store, in words: shared by the /ingest preview and the CLI.

Lines are plain text; the Discord preview escapes them, the terminal prints them as they are.
"""

from __future__ import annotations

from knowledge.briefing import describe_time
from knowledge.models import Article, Extraction


def plural(count: int, noun: str) -> str:
    """Return "1 event" or "3 events"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def read_counts(article: Article, extraction: Extraction) -> str:
    """Return "12 sentences, 3 spending facts, 2 statements, 1 event"."""
    return (
        f"{plural(len(article.passages), 'sentence')}, {plural(len(extraction.spending), 'spending fact')},"
        f" {plural(len(extraction.statements), 'statement')}, {plural(len(extraction.events), 'event')}"
    )


def has_facts(extraction: Extraction) -> bool:
    """Return whether anything besides searchable text was read."""
    return bool(extraction.spending or extraction.statements or extraction.events)


def record_lines(extraction: Extraction) -> list[tuple[str, list[str]]]:
    """Return each kind of record with one line per record, as a preview lists them."""
    return [
        (
            "Spending facts",
            [
                f"{r.subject} · {r.metric.value} · {r.as_written}" + (f" · {r.when.text}" if r.when else "")
                for r in extraction.spending
            ],
        ),
        ("Statements", [f"{s.speaker} · {s.kind.value} · {s.text}" for s in extraction.statements]),
        (
            "Events",
            [
                f"{e.kind} · {e.place or 'place not stated'} · {describe_time(e.when) or 'time not stated'}"
                for e in extraction.events
            ],
        ),
    ]
