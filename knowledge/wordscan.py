"""Find a pattern's matches faster by first searching for where they can start.

re scans for a pattern by trying it at every position, unless the pattern begins with a literal
or an alternation of literals ("Poland|Norway|..."), when it skips straight to the places where
one of them starts. A pattern that opens with a lookbehind (``(?<!\\w)``) or with a
case-insensitive word list gets no such skip, and trying it everywhere is most of the work of
scanning a sentence. These functions find the same matches as ``finditer`` while trying the
expensive part only where a match can start.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator


def finditer_after(
    lookbehind: re.Pattern[str], pattern: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """Yield the matches that ``lookbehind`` followed by ``pattern``, compiled as one regex, finds in text.

    That regex is ``lookbehind.pattern + "(?:" + pattern.pattern + ")"``, with the same flags.

    ``lookbehind`` is zero-width and has no groups, so the match objects have the same groups and
    spans. ``pattern`` must not match the empty string.
    """
    position = 0
    while (match := pattern.search(text, position)) is not None:
        if lookbehind.match(text, match.start()):
            yield match
            position = match.end()
        else:
            # The joined pattern fails here; it may still match one character on. (A lookbehind
            # sees the text before the search position, so it judges each position correctly.)
            position = match.start() + 1


def finditer_from(
    starts: re.Pattern[str], pattern: re.Pattern[str], text: str, scanned: str | None = None
) -> Iterator[re.Match[str]]:
    """Yield exactly the matches of ``pattern.finditer(text)``, trying pattern only where starts matches.

    ``starts`` must match at every position where ``pattern`` can match (it may match elsewhere
    too), and ``pattern`` must not match the empty string. ``starts`` is searched in ``scanned``
    when given, a text of the same length and offsets: ``fold_case(text)``, where a lower-case
    ``starts`` without re.IGNORECASE finds a case-insensitive pattern's words fast.
    """
    where = text if scanned is None else scanned
    position = 0
    while (start := starts.search(where, position)) is not None:
        # No match of pattern begins between position and here: starts would have found it.
        match = pattern.match(text, start.start())
        if match is not None:
            yield match
            position = match.end()
        else:
            position = start.start() + 1


# re.IGNORECASE matches an ASCII letter to its other case and also to these three characters,
# which lower() leaves alone (ı, ſ) or turns into two characters (İ). Every other character that
# lower() does not turn into an ASCII letter matches none.
_CASE_VARIANTS = re.compile("[\u0130\u0131\u017f]")
_CASE_VARIANTS_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


# Every extractor reads the whole article in turn, passage by passage, and asks for the same
# per-passage answers (folds, times, figures, country names). A cache of those answers must hold a
# whole article's passages, or a long article misses every time: the article size cap (1 MB) is
# about 10,000 passages of prose. The entries share the passages' strings while the article lives.
PASSAGE_CACHE = 16_384


# Several extractors fold the same passage (and spending its masked copy): remember the folds.
@functools.lru_cache(maxsize=2 * PASSAGE_CACHE)
def fold_case(text: str) -> str:
    """Return text lower-cased so that any ASCII word an re.IGNORECASE pattern finds in it is there.

    A cue for a case-insensitive pattern: write the words every match needs in lower case and
    look for them, case-sensitively, in the folded text; re skips quickly to a case-sensitive
    word, while with IGNORECASE it tries the words at every position. The folded text has the
    same length and offsets as text.
    """
    if _CASE_VARIANTS.search(text):
        text = text.translate(_CASE_VARIANTS_TO_ASCII)
    return text.lower()
