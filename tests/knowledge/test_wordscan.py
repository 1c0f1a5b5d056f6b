"""The scanning shortcuts find exactly what the plain patterns find."""

from __future__ import annotations

import re
import string

import pytest

from knowledge.wordscan import finditer_after, finditer_from, fold_case

TEXTS = [
    "",
    "Poland",
    "Poland's Polish Poles, and XPoland-Poland_Poland Poland.",
    "NATO NATOs ANATO NATO-led -NATO",
    "a b ab ba aab abab",
]


def spans(matches: object) -> list[tuple[int, int]]:
    """Return the spans of an iterable of matches."""
    assert not isinstance(matches, str)
    return [match.span() for match in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(
    ("lookbehind", "body"),
    [(r"(?<!\w)", r"(?:Poland|Polish)s?(?!\w)"), (r"(?<![\w-])", r"NATO(?:s)?"), (r"(?<!a)", r"ab|b")],
)
def test_finditer_after_matches_the_joined_pattern(text: str, lookbehind: str, body: str) -> None:
    joined = re.compile(f"{lookbehind}(?:{body})")
    found = finditer_after(re.compile(lookbehind), re.compile(body), text)
    assert spans(found) == spans(joined.finditer(text))


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(
    ("starts", "pattern"),
    [(r"Pol", r"(?<!\w)Pol(?:and|ish)\b"), (r"[A-Z]", r"(?<![\w-])[A-Z]+\b"), (r"a", r"a+b")],
)
def test_finditer_from_matches_finditer(text: str, starts: str, pattern: str) -> None:
    found = finditer_from(re.compile(starts), re.compile(pattern), text)
    assert spans(found) == spans(re.compile(pattern).finditer(text))


def test_fold_case_keeps_every_ascii_character_ignorecase_matches() -> None:
    # Every character, and every one re.IGNORECASE matches to an ASCII character c, folds to
    # c.lower() at the same offset: cues looked for in the folded text cannot miss a match.
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    folded = fold_case(every)
    assert len(folded) == len(every)
    for char in string.printable:
        for match in re.finditer(re.escape(char), every, re.IGNORECASE):
            assert folded[match.start()] == char.lower(), hex(ord(match.group()))


def test_fold_case_lowers_plain_text() -> None:
    assert fold_case("Defence SPENDING") == "defence spending"
    assert fold_case("ſtate İtaly ıs") == "state italy is"
