"""Undo a printed page's layout in text copied out of a PDF: page furniture and line-end hyphens.

Text taken from a PDF report keeps what the page printed around the prose. Two things break
sentences apart and are undone before the body is split into passages:

* **Page furniture.** A page footer or header line ("Annual Report 2024 | Page 7", "Page 3 of
  12", "- 7 -"), and beside it a running header (a short line the document repeats word for word,
  such as the publisher's name), is removed. Where it stood between two halves of one sentence
  (the text before it does not end a sentence and the text after it starts in lower case), the
  halves are joined into one paragraph again; otherwise a paragraph break is left.
* **Hyphens at line ends.** A word broken over two lines ("defen-" / "ce", "The Nether-" /
  "lands") is joined. The hyphen is kept when the document writes the same pair hyphenated
  elsewhere ("defence-related"), since then the hyphen belongs to the word. A line-end hyphen
  before a capital ("Kosiniak-" / "Kamysz") is a hyphenated name and is kept as it is.

* **Padding.** A run of blank space inside a line wider than 32 characters (a pasted page's
  padding) is cut to 32: a narrower gap still breaks a table's columns as the wide one did, and no
  pattern that tries each start in a gap pays for its full width.

Anything else -- line breaks inside paragraphs, blank lines, tables -- is left to the reader.
A bare number on a line of its own is not taken for a page number: in a table laid out one cell
per line it is data.
"""

from __future__ import annotations

import re
from collections import Counter

_PAGE_LINE = re.compile(
    r"^\s*(?:[^\n]{0,80}?(?:\||\s{2,}|[—–-]\s))?\s*(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*"
    r"(?:(?:\||\s{2,}|\s[—–-])[^\n]{0,80})?$"
    r"|^\s*[—–-]\s*\d{1,4}\s*[—–-]\s*$",
    re.IGNORECASE,
)
_LINE_END_HYPHEN = re.compile(r"\b([A-Za-z]+)-[ \t]*\r?\n[ \t]*([a-z]+)\b")
_HYPHENATED = re.compile(r"\b[A-Za-z]+-[A-Za-z]+\b")
# Every match of _LINE_END_HYPHEN holds this; opening with a literal, it is found at once.
_BROKEN_AT_LINE_END = re.compile(r"-[ \t]*\r?\n")
_RUNNING_HEADER_MAX = 80
_WIDE_GAP = re.compile(r"[^\S\n]{33,}")
_SENTENCE_END = '.!?:…"”’)'


def undo_page_layout(body: str) -> str:
    """Return body with page furniture removed, words broken over a line end joined, footnote
    markers dropped ("estimated at 3.87² per cent" is 3.87 per cent; a row "Lithuania²" is Lithuania's;
    "on defence.[3] After ..." is two sentences) and words struck through left out."""
    body = _WIDE_GAP.sub(lambda gap: gap[0][:32], body)
    body = _FOOTNOTE_MARK.sub("", body) if _SUPERSCRIPT.search(body) else body
    body = _CITATION_MARK.sub("", body) if "[" in body else body
    # words struck through are withdrawn: "spent ~~2.4%~~ 2.1% of GDP" says 2.1%
    body = _STRUCK.sub("", body) if "~~" in body else body
    if "\n" not in body:
        return body
    if _BOX_DRAWING.search(body):  # a pull quote drawn in a box: its rules and edges are no text
        body = _BOX_EDGE.sub("", _BOX_RULE.sub("", body))
    return _join_broken_words(_drop_page_furniture(body))


_SUPERSCRIPT = re.compile("[¹²³⁴⁵⁶⁷⁸⁹⁰]")
_STRUCK = re.compile(r"~~[^~\n]{1,200}~~[ \t]?")  # Markdown's strike-through, and the space after it
_BOX_DRAWING = re.compile("[\u2500-\u257f]")
_BOX_RULE = re.compile(r"^[ \t]*[\u2500-\u257f][\u2500-\u257f \t]*$", re.M)  # "┌──────┐"
_BOX_EDGE = re.compile(r"^[ \t]*[│┃║][ \t]?|(?<![ \t])[ \t]*[│┃║][ \t]*$", re.M)  # "│ “Two per cent ...” │"
# A superscript digit right after a word, a number or punctuation is a footnote's mark; not a unit's
# power ("m²", "km²"), nor the mark that opens a footnote's own line ("¹ Estimates for 2025 ...").
# An encyclopedia's citation right after a word or punctuation ("on defence.[3] After ...",
# "1.92%[5]"): a reference, not text; "[18:02]" and "[Applause]" are no citations.
_CITATION_MARK = re.compile(r"(?<=[^\W_]|[.,;:%)”\"’])\[\d{1,3}\]")
_FOOTNOTE_MARK = re.compile(r"(?<=[^\W_]|[.,;:%)”\"’])(?<!\bm)(?<!\bkm)(?<!\bcm)[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


def _drop_page_furniture(body: str) -> str:
    lines = body.split("\n")
    pages = [i for i, line in enumerate(lines) if _PAGE_LINE.match(line)]
    if not pages:
        return body
    furniture = set(pages)
    counts = Counter(line.strip() for line in lines if line.strip())
    for i in pages:
        for step in (-1, 1):
            j = _next_text_line(lines, i, step)
            if j is not None and _is_running_header(lines[j], counts):
                furniture.add(j)
    # for each line, the first line from it on that is not blank (one pass from the end)
    next_text = [len(lines)] * (len(lines) + 1)
    for k in range(len(lines) - 1, -1, -1):
        next_text[k] = k if lines[k].strip() else next_text[k + 1]
    out: list[str] = []
    i = 0
    while i < len(lines):
        if i not in furniture and (lines[i].strip() or next_text[i] not in furniture):
            out.append(lines[i])
            i += 1
            continue
        # a run of furniture and blank lines: drop it, and join the halves of a sentence it cut
        j = i
        while j < len(lines) and (j in furniture or not lines[j].strip()):
            j += 1
        before = next((line for line in reversed(out) if line.strip()), "")
        after = lines[j] if j < len(lines) else ""
        cut_sentence = before.rstrip()[-1:] not in _SENTENCE_END and after.lstrip()[:1].islower()
        if not cut_sentence and out and j < len(lines):
            out.append("")
        i = j
    return "\n".join(out)


def _next_text_line(lines: list[str], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(lines) and not lines[j].strip():
        j += step
    return j if 0 <= j < len(lines) else None


def _is_running_header(line: str, counts: Counter[str]) -> bool:
    text = line.strip()
    return (
        counts[text] >= 2
        and len(text) <= _RUNNING_HEADER_MAX
        and text[-1] not in _SENTENCE_END
        and not _PAGE_LINE.match(text)
    )


def _join_broken_words(body: str) -> str:
    if _BROKEN_AT_LINE_END.search(body) is None:
        return body  # nothing to join (most texts): spare them the two scans of the whole text
    # the pairs the text writes hyphenated on one line, collected once (a search of the whole text
    # per broken word would make a long PDF quadratic)
    hyphenated = {m.group(0).lower() for m in _HYPHENATED.finditer(body)}

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        return f"{left}-{right}" if f"{left}-{right}".lower() in hyphenated else f"{left}{right}"

    return _LINE_END_HYPHEN.sub(join, body)
