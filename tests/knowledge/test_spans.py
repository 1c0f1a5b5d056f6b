"""Quotation spans: marks paired by family, apostrophes told apart, nesting and multi-paragraph quotes."""

from __future__ import annotations

import pytest

from knowledge.extract.statements.spans import find_quotations


def quoted(text: str) -> list[str]:
    """Return the quoted words of text, paragraphs separated by blank lines."""
    spans, position = [], 0
    for part in text.split("\n\n"):
        start = text.index(part, position)
        spans.append((start, start + len(part)))
        position = start + len(part)
    return [q.words(text) for q in find_quotations(text, spans)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("‘Back to the ’70s,’ she said.", ["Back to the ’70s,"]),
        (
            "‘Our partners’ trust is earned, and it is not free.’",
            ["Our partners’ trust is earned, and it is not free."],
        ),
        ("It would mean ‘more trains and more crews’ for the line.", ["more trains and more crews"]),
        ("He said: ‘The so-called “plan” is empty.’", ["The so-called “plan” is empty."]),
        ("“She called it ‘a farce’ at once,” he said.", ["She called it ‘a farce’ at once,"]),
        ('"One," she said, "two."', ["One,", "two."]),
        ("Elle a dit « nous sommes prêts » hier.", ["nous sommes prêts"]),
        ("Er sagte „ja“ dazu.", ["ja"]),
        ("The town’s mayor and the ferries’ owners met.", []),
        ("An unpaired “opening mark never closes.", []),
    ],
)
def test_marks_pair_by_family_and_apostrophes_open_nothing(text: str, expected: list[str]) -> None:
    """Curly singles, doubles, guillemets and low-high marks pair; apostrophes never open or close one."""
    assert quoted(text) == expected


def test_a_quotation_runs_over_paragraphs_that_reopen_it() -> None:
    """An opening mark at each paragraph and one closing mark at the end make one quotation."""
    text = "“First we plan.\n\n“Then we build.”\n\nThe minister left."
    assert quoted(text) == ["First we plan.\n\nThen we build."]


def test_a_paragraph_left_open_without_a_reopening_quotes_nothing() -> None:
    """A quotation still open at a paragraph's end, not reopened, is dropped rather than guessed."""
    assert quoted("“First we plan.\n\nThe minister left.") == []
