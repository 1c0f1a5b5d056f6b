"""Read an article: optional metadata header, then paragraphs, headings and sentence passages.

Accepted input is UTF-8 text with, optionally, either

* a header of ``Title:`` / ``Source:`` / ``Date:`` / ``URL:`` lines followed by a blank line, or
* YAML-style front matter between two ``---`` lines with the same keys (``outlet`` is accepted
  as a synonym of ``source``, ``published`` of ``date``).

``Date`` is ISO 8601 at year, month or day precision (``2025``, ``2025-06``, ``2025-06-24``), in
the years 1900 to 2100 (see ``knowledge.models.EARLIEST_YEAR``): a header dated 9999 is refused.
Everything after the header is the body and is kept byte-for-byte, except that a PDF's page
furniture and line-end hyphens are undone (``knowledge.extract.layout``); passages are slices of
the body, and the document's digest is that of the text as written.

A heading is a short line (at most 12 words) without final punctuation whose next line starts a
new paragraph, or a Markdown ``#`` line; a line holding a clause (a comma before a lower-case
word) that runs on into the next line is a wrapped sentence, not a heading. A bullet line (``-``, ``*``, ``•`` or ``1.``) is its own
paragraph. Sentences are split at ``.``, ``!`` or ``?`` followed by space and a capital, except
after abbreviations ("U.S. President", "Gen.") and inside quotation marks, so a quoted speech of
several sentences stays one passage with its attribution.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence

from knowledge.errors import MalformedArticle
from knowledge.extract.layout import undo_page_layout
from knowledge.extract.numbers import ABBREVIATED_SCALES
from knowledge.extract.timeref import MONTH_NAMES
from knowledge.models import EARLIEST_YEAR, LATEST_YEAR, Article, ArticleMeta, PartialDate, Passage

MAX_ARTICLE_CHARS = 1_000_000  # a long report pasted whole; extraction is linear, so it is read in seconds

_HEADER_KEYS = {
    "title": "title",
    "source": "outlet",
    "outlet": "outlet",
    "date": "published",
    "published": "published",
    "url": "url",
}
_HEADER_LINE = re.compile(r"^(title|source|outlet|date|published|url)[ \t]*:[ \t]*(.*?)[ \t]*$", re.I)
# A line at the top of the body shaped like a header line ("Titel: ...", "Author: ...").
_HEADER_LIKE = re.compile(r"^[ \t]*([A-Za-z][A-Za-z-]{1,19})[ \t]*:[ \t]*(\S.*)?$")
_TERMINAL = '.!?:;…"”’)]'
# A list item's mark: a dash, star or bullet, a number, or a newsletter's flag or pictograph
# ("🇵🇱 Poland — ...", "📈 ..."): the mark is dropped, the item is a paragraph of its own.
_BULLET = re.compile(
    r"^[ \t]*(?:[-*•▪►▸◦]|\d{1,2}[.)]|[\U0001F1E6-\U0001F1FF]{2}|[\U0001F300-\U0001FAFF\u2600-\u27BF]\uFE0F?)[ \t]+"
)
# A line a label opens, with a figure after it ("Greece: 3.1% in 2024", "Norway — 2.2%"): an entry
# of a list, however it ends, and never a heading.
# A web page's links to other stories ("Read more: Why Canada missed the 2% target") are headings.
_LABELLED_FIGURE = re.compile(
    r"^[ \t]*(?!(?i:read\s+more|related|see\s+also|also\s+read|more|watch|listen|video|photo)\b)"
    # a newsletter's flag or bold may open the label: "🇬🇷 **Greece** — 3.0%"
    # a thread's post number may open it: "2/ 2027e: 2.3 pct."
    r"(?:\d{1,2}/[ \t]+)?(?:[^\w\s*_]{1,8}[ \t]*)?(?:\*\*|__)?(?:[A-ZÀ-Ý][^:\n]{0,60}?|(?:19|20)\d\de?)(?::|\s[—–])[ \t]+[^\n]*?\d"
)
# A line a figure opens, with what it is after a dash ("2.4% — Germany's estimated defence spending
# this year", "€108 billion — ..."): a newsletter's "by the numbers" entry, a passage of its own.
FIGURE_FIRST = re.compile(
    # a listicle numbers its entries and bolds the figure: "3. **4.7%** — Poland's ..."
    r"^[ \t]*(?:\d{1,2}[.)][ \t]+)?(?:\*\*|__)?"
    r"(?P<figure>(?:[~≈]\s*)?(?:[€$£]\s?|[A-Z]{3}\s)?(?:\d[\d.,]*%?\s*(?:to|-|–)\s*)?\d[\d.,]*(?:\s*(?:%|per\s*cent|percent|bn|billion|"
    r"million|trillion|m)\b|%)?(?:\s+(?:euros?|dollars?|pounds?|kroner|zlot(?:y|ys)))?)(?:\*\*|__)?"
    r"(?:\s+[—–-]+|:)\s+(?P<what>\S[^\n]*)$"  # "- 4.9%: Poland, the highest share in the alliance"
    # ... and a range: "- 2.1% to 2.3%: France, depending on what is counted"
)
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+")
# A newsletter's or a wiki's heading set between equals signs: "== REAL WORLD ROUND-UP =="
_EQUALS_HEADING = re.compile(r"^[ \t]*(?P<marks>={2,6})[ \t]*(?P<inner>[^=\n]*[^=\s])[ \t]*(?P=marks)[ \t]*$")
_FRONT_MATTER_END = re.compile(r"^---[ \t]*\r?\n?", re.M)
_LINE = re.compile(r"[^\n]*(?:\n|$)")
# The only characters the sentence scanner acts on; it jumps from one to the next.
_SENTENCE_MARK = re.compile(r'[.!?“”"«»„]')
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_FIRST_WORD = re.compile(r"[“\"‘']?(\w+)")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "sen",
        "rep",
        "gov",
        "st",
        "jr",
        "sr",
        "prof",
        "no",
        "vs",
        "etc",
        "approx",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "est",
        "dept",
        "fig",
        "al",
        "hon",  # Hansard's "the hon. Lady", "my right hon. Friend"
        "rt",
        "cllr",
        "ret",  # "Colonel (ret.) Jane Doe"
        "retd",
    ]
)
# German, Polish and Czech abbreviations of "billion" and "million", written with a full stop.
_SCALE_ABBREVIATIONS = frozenset([*ABBREVIATED_SCALES, "mln"])
_CURRENCY_WORD = re.compile(
    r"(?:Euro|EUR|euro|Dollar|USD|US-Dollar|zł|złotych|PLN|CZK|Kč|Kronen|kr|NOK|SEK|DKK)\b"
)
# After an initialism such as "U.S." a new sentence usually starts with one of these words.
_SENTENCE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "this",
        "that",
        "these",
        "those",
        "but",
        "and",
        "in",
        "on",
        "at",
        "for",
        "as",
        "so",
        "yet",
        "his",
        "her",
        "its",
        "their",
        "our",
        "there",
        "here",
        "after",
        "before",
        "while",
        "when",
    ]
)


def read_article(raw: str) -> Article:
    """Return the parsed article; raise MalformedArticle when it cannot be read."""
    if "\x00" in raw:
        raise MalformedArticle("The article contains NUL bytes; is it really a text file?")
    if len(raw) > MAX_ARTICLE_CHARS:
        raise MalformedArticle(f"The article is longer than {MAX_ARTICLE_CHARS:,} characters.")
    meta, written = split_header(raw)
    if not written.strip():
        raise MalformedArticle("The article has no text after its header.")
    body = undo_page_layout(written)
    passages, sections = split_passages(body)
    if not passages:
        raise MalformedArticle("The article has no sentences to read.")
    digest = hashlib.sha256(written.encode("utf-8")).hexdigest()  # the text as written identifies it
    return Article(meta=meta, body=body, sha256=digest, passages=passages, sections=sections)


def split_header(raw: str) -> tuple[ArticleMeta, str]:
    """Return the header's metadata and the body that follows it."""
    text = raw[1:] if raw.startswith("\ufeff") else raw
    if text.startswith("---\n") or text.startswith("---\r\n"):
        end = _FRONT_MATTER_END.search(text[4:])
        if end is None:
            raise MalformedArticle("The front matter opened with --- is never closed.")
        block = text[4 : 4 + end.start()]
        return _meta_from_lines(block.splitlines(), yaml=True), text[4 + end.end() :].lstrip("\r\n")
    lines = text.split("\n")
    count = 0
    while count < len(lines) and _HEADER_LINE.match(lines[count].rstrip("\r")):
        count += 1
    if count == 0:
        return ArticleMeta(), text
    meta = _meta_from_lines([line.rstrip("\r") for line in lines[:count]], yaml=False)
    rest = lines[count:]
    if rest and not rest[0].strip():
        rest = rest[1:]
    return meta, "\n".join(rest)


def header_warnings(article: Article) -> list[str]:
    """Return what an operator should know about an article's header: missing or unknown lines.

    A header is optional, so none of this refuses the article: a misspelt ``Titel:`` is body text
    (the header ends at the first line that is not a known key), and an article without a title
    is listed as "(untitled)". Lines at the top of the body are reported when a header was read
    above them or their key is close to a known one; other ``Word:`` lines (a transcript's
    ``RUTTE:``) are left alone.
    """
    meta = article.meta
    has_header = any((meta.title, meta.outlet, meta.url, meta.published))
    warnings = [
        _unknown_line_warning(line, close) for line, close in _unknown_header_lines(article.body, has_header)
    ]
    if not has_header:
        warnings.append("no header: add Title:, Source: and Date: lines, then a blank line, above the text")
        return warnings
    if not meta.title:
        warnings.append("no Title: line: the document is listed as (untitled)")
    if not meta.published:
        warnings.append('no Date: line: relative dates ("last year") cannot be resolved')
    return warnings


def _unknown_line_warning(line: str, close: str | None) -> str:
    """Return the warning for a header-like line that was read as text."""
    shown = repr(line.strip()[:60])
    key = line.partition(":")[0].strip()
    if close and close.lower() == key.lower():
        return f"{shown} was read as text: the header ended on an unknown line above it"
    if close:
        return f"{shown} is not a header line (read as text); did you mean {close}:?"
    return f"{shown} is not a header line (read as text); the keys are Title, Source, Date, URL"


def _unknown_header_lines(body: str, has_header: bool) -> Iterator[tuple[str, str | None]]:
    """Yield the header-like lines at the top of the body, each with the known key it is close to."""
    keys = ["Title", "Source", "Date", "URL", "Outlet", "Published"]
    for line in body.lstrip("\r\n").split("\n"):
        match = _HEADER_LIKE.match(line.rstrip("\r"))
        if match is None:
            return
        close = difflib.get_close_matches(match.group(1).capitalize(), keys, n=1, cutoff=0.6)
        if not (has_header or close):
            return
        yield line, close[0] if close else None


def _meta_from_lines(lines: list[str], *, yaml: bool) -> ArticleMeta:
    """Return the metadata named by ``key: value`` lines."""
    fields: dict[str, str] = {}
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        field = _HEADER_KEYS.get(key.strip().lower())
        if not sep or field is None:
            if yaml:
                continue  # other front-matter keys (tags, author) are not ours to judge
            raise MalformedArticle(f"Unknown header line: {line[:60]!r}.")
        value = value.strip()
        if yaml and len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        if value:
            fields[field] = value
    published = None
    if "published" in fields:
        try:
            published = PartialDate.parse(fields["published"])
        except ValueError:
            raise MalformedArticle(
                f"The Date {fields['published'][:30]!r} is not an ISO date (2025, 2025-06 or 2025-06-24)."
            ) from None
        if not published.plausible():
            raise MalformedArticle(
                f"The Date {fields['published'][:30]!r} is not between {EARLIEST_YEAR} and {LATEST_YEAR};"
                " correct it or leave the date out."
            )
    return ArticleMeta(
        title=fields.get("title"), outlet=fields.get("outlet"), url=fields.get("url"), published=published
    )


def split_passages(body: str) -> tuple[list[Passage], list[str]]:
    """Return the body's sentence passages and its section headings, in order."""
    passages: list[Passage] = []
    sections: list[str] = []
    section: str | None = None
    for index, (start, end, kind) in enumerate(_blocks(body)):
        if kind == "heading":
            section = body[start:end].strip().lstrip("#").strip()
            equals = _EQUALS_HEADING.match(section)
            section = equals.group("inner") if equals else section
            bold = _BOLD_LINE.fullmatch(section)
            section = bold.group("inner") if bold else section
            sections.append(section)
            continue
        for s_start, s_end in [(start, end)] if kind == "table" else split_sentences(body, start, end):
            passages.append(
                Passage(
                    position=len(passages),
                    text=body[s_start:s_end],
                    start=s_start,
                    end=s_end,
                    section=section,
                    paragraph=index,
                )
            )
    return passages, sections


def is_table_row(line: str) -> bool:
    """Return whether a line is a row of a table: three or more cells, one of them a number (or "n/a", "–").

    Cells are separated by "|" (Markdown, and plain text set in pipes) or by a tab or two or more
    spaces (tables laid out in columns, as PDF text and plain-text briefs print them), or, in a
    line with no space after any comma, by commas (a CSV file pasted in: "Poland,3.83,4.12").
    """
    row = line.strip().strip("|")
    if (
        "|" not in row
        and "\t" not in row
        and _WIDE_SPACE.search(row) is None
        and ("," not in row or ", " in row)
    ):
        return False  # one cell (prose puts a space after its commas, CSV never): cheaper than the split
    cells = [c for c in table_cells(row) if c.strip()]
    # a Markdown row set in outer bars may have two cells: "| Greece | 3.05 |"
    fenced = line.strip().startswith("|") and line.strip().endswith("|") and len(cells) == 2
    return (len(cells) >= 3 or fenced) and any(_NUMERIC_CELL.search(c) for c in cells)


def is_pair_row(line: str) -> bool:
    """Return whether a line is a row of a two-column table set in spaces: a short label and one
    figure ("2026             2.47 (estimate)"). One such line alone is no table (see ``_blocks``)."""
    row = line.strip()
    if "\t" not in row and _WIDE_SPACE.search(row) is None:
        return False
    cells = [c for c in _SPACED_CELLS.split(row) if c]
    return (
        len(cells) == 2
        and len(cells[0]) <= _PAIR_LABEL
        and _PAIR_VALUE.fullmatch(cells[1]) is not None
        and not cells[0].endswith((".", ":", ";"))
    )


def is_table_header(line: str, following: str) -> bool:
    """Return whether a line is a table's header of words only: a Markdown one ("| Year | Poland |
    Estonia |") over its rule line ("|------|--------|"), or a CSV file's over its first row."""
    if is_pair_row(following):
        # a two-column table's header of words: "Calendar year    Defence expenditure, % of GDP"
        cells = [c for c in _SPACED_CELLS.split(line.strip()) if c]
        return (
            len(cells) == 2
            and (_WIDE_SPACE.search(line.strip()) is not None or "\t" in line)
            and all(c[0].isalpha() for c in cells)
            and not any(ch.isdigit() for ch in cells[0])
        )
    if (
        "|" not in line
        and "|" not in following
        and _SPACED_CELLS.search(line.strip())
        and is_table_row(following)
    ):
        # a header set in spaces over a row of as many cells: "Ally    2024 (actual)    2025 (estimate)"
        cells = [c for c in _SPACED_CELLS.split(line.strip()) if c]
        return (
            len(cells) >= 3
            and len(cells) == len([c for c in table_cells(following) if c])
            and all(_HEADER_CELL.fullmatch(c) for c in cells)
        )
    if "|" in line:
        # a rule line under it, or a row of as many cells: "Year | Czechia | Slovakia" over "2024 | 2.07 | 2.01"
        return _RULE_LINE.fullmatch(following) is not None or (
            "|" in following
            and is_table_row(following)
            and len(table_cells(line)) == len(table_cells(following)) >= 3
        )
    # a CSV file's header of words ("country,year,pct_gdp,status") over a row of as many cells
    return (
        _CSV_ROW.fullmatch(line.strip()) is not None
        and is_table_row(following)
        and line.count(",") == following.count(",")
    )


def table_cells(line: str) -> list[str]:
    """Return the cells of a table row (see ``is_table_row`` for the separators), stripped."""
    row = line.strip().strip("|")
    if _CSV_ROW.fullmatch(row) and any(_WORD_CELL.fullmatch(c.strip()) for c in row.split(",")):
        return [c.strip() for c in row.split(",")]  # CSV; "1,000,000" alone has no word cell
    return [c.strip() for c in _CELL_BREAK.split(row)]


def _blocks(body: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, kind) for each heading, paragraph or table; kind is "heading", "text" or "table".

    The rows of a table make one block of their own, so a table is one passage that the extractors
    can read by row and column (a row is not a heading, and the note under a table is not a row);
    a cell's full stop ("excl. US") ends no sentence.
    """
    lines = _line_spans(body)
    para_start: int | None = None
    para_end = 0
    in_table = False
    for i, (start, end) in enumerate(lines):
        line = body[start:end]
        following = body[lines[i + 1][0] : lines[i + 1][1]] if i + 1 < len(lines) else ""
        if (
            is_table_row(line)
            or is_table_header(line, following)
            or (is_pair_row(line) and (in_table or is_pair_row(following)))
        ):
            if para_start is not None and not in_table:
                yield para_start, para_end, "text"
                para_start = None
            if para_start is None:
                para_start = start + (len(line) - len(line.lstrip()))
            para_end, in_table = end, True
            continue
        if in_table:
            if para_start is not None and not set(line.strip()) <= set("|-: "):
                yield para_start, para_end, "table"
                para_start = None
            elif para_start is not None:  # a Markdown rule line inside the table
                para_end = end
                continue
            in_table = False
        next_line = body[lines[i + 1][0] : lines[i + 1][1]] if i + 1 < len(lines) else ""
        starts_block = para_start is None or _ends_sentence(body[para_start:para_end])
        if not line.strip():
            if para_start is not None:
                yield para_start, para_end, "text"
            para_start = None
            continue
        labelled = (":" in line or " —" in line or " –" in line) and _LABELLED_FIGURE.match(line) is not None
        labelled = labelled or FIGURE_FIRST.match(line) is not None
        labelled = labelled and not CAPTION_LINE.match(
            line
        )  # a clip's caption: "CAPTION: X (FILE, June 2025)"
        if (
            _MD_HEADING.match(line)
            or _EQUALS_HEADING.match(line)
            or (starts_block and not labelled and _is_heading(line, next_line))
        ):
            if para_start is not None:
                yield para_start, para_end, "text"
            para_start = None
            yield start, end, "heading"
            continue
        if para_start is not None and _CHAT_STAMP.match(line):
            # a chat export's turns ("[09:14] anna.k: ...") are lines of their own, finished or not
            yield para_start, para_end, "text"
            para_start = None
        if _CUE_LINE.fullmatch(line):
            # a script's cue on a line of its own ("[READER — 0'30\"]", "[STING]") is no part of
            # the sentence under it
            if para_start is not None:
                yield para_start, para_end, "text"
            para_start = None
            yield start + (len(line) - len(line.lstrip())), end, "text"
            continue
        bullet = _BULLET.match(line)
        if bullet:
            if para_start is not None:
                yield para_start, para_end, "text"
            para_start, para_end = start + bullet.end(), end
            continue
        after_caption = i > 0 and CAPTION_LINE.match(body[lines[i - 1][0] : lines[i - 1][1]]) is not None
        if para_start is not None and (
            labelled
            or (_ends_sentence(body[para_start:para_end]) and _is_new_paragraph(line) and not after_caption)
        ):
            # Plain text often puts one paragraph per line with no blank line between them.
            yield para_start, para_end, "text"
            para_start = None
        if para_start is None:
            para_start = start + (len(line) - len(line.lstrip()))
        para_end = end
    if para_start is not None:
        yield para_start, para_end, "table" if in_table else "text"


# A TV script's caption line over a clip ("CAPTION: Marek Nowak, Deputy Minister"): one pattern for
# the reader, which keeps it with its clip, and the transcripts, which take the speaker from it.
# A fact check's label over what it checks: "CLAIM: ...", "**Myth:** ..." (the checked words, no fact)
CLAIM_LABEL = r"^\s*(?:\*\*|__)?\s*(?:claims?|myths?)\s*(?:\*\*|__)?\s*:"
CAPTION_LINE = re.compile(r"\s*(?:CAPTION|SUPER|NAME\s+STRAP|STRAP|ASTON)\s*:\s*", re.I)
_RULE_LINE = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*")
_CELL_BREAK = re.compile(r"\s*\|\s*|\t+|\s{2,}")
# A CSV line: three or more comma-separated cells, no tab or pipe, and never a space after a comma
# (prose always has one); a cell that is a word or two marks it as a row, not a long number.
_CSV_ROW = re.compile(r"[^,|\t]+(?:,(?! )[^,|\t]*){2,}")
_WORD_CELL = re.compile(r"[^\W\d_][\w .'’()-]*")
_SPACED_CELLS = re.compile(r"\t+|\s{2,}")
_HEADER_CELL = re.compile(
    r"(?:[^\W\d_]|(?:19|20)\d\d)[\w ,.%()/'’-]{0,40}"
)  # "Ally", "2025 (estimate)", "% of GDP"
_PAIR_LABEL = 30  # characters of a two-column table's label: "2024", "Calendar year 2025 (est.)"
_PAIR_VALUE = re.compile(r"[~+−-]?\d+(?:[.,]\d+)?\s*%?(?:\s*\([^()]{1,20}\))?")  # "2.47 (estimate)"
_WIDE_SPACE = re.compile(r"\s\s")  # without it, a "|" or a tab, _CELL_BREAK finds no break
# A footnote's mark after a cell's figure: "4.00**", "2.1†", "1.9[3]", "2.0¹".
FOOTNOTE_MARK = r"(?:\*{1,4}|[†‡§]{1,3}|\[\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})"
_NUMERIC_CELL = re.compile(
    # a bound is a figure too: "just under 2", "above 3.5"
    r"^\s*(?:(?:just\s+|slightly\s+|well\s+)?(?:under|below|over|above|about|around|c\.|circa)\s+)?"
    rf"(?:[~+−-]?\d+(?:[.,]\d+)?\s*%?\w?\s*{FOOTNOTE_MARK}?|n/?a|[–—-]|\.\.)\s*$",
    re.I,
)


def _line_spans(body: str) -> list[tuple[int, int]]:
    """Return (start, end) of each line, without its line break."""
    spans = []
    for match in _LINE.finditer(body):
        if match.start() == len(body) and match.group() == "":
            break
        end = match.end()
        while end > match.start() and body[end - 1] in "\r\n":
            end -= 1
        spans.append((match.start(), end))
    return spans


_CLOCK_LINE = re.compile(r"[0-2]?\d:[0-5]\d\b")
_CAPTION = re.compile(
    r"(?:Photo|Picture|Image|Caption|Pictured|Photograph|Illustration|Graphic)\s*[:—–|-]", re.I
)
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\S)")
# ", the Council's": a comma before a lower-case word opens a clause; headings are phrases.
_CLAUSE_COMMA = re.compile(r",\s+[a-z]")


# A line bold from end to end: a newsletter's or a web page's heading ("**Quote of the week**",
# "**6. Washington's next ask**").
_BOLD_LINE = re.compile(r"(\*\*|__)(?P<inner>[^*_\s](?:.*[^*_\s])?)\1")


def _is_heading(line: str, next_line: str) -> bool:
    """Return whether a line reads as a section heading."""
    text = line.strip()
    bold = _BOLD_LINE.fullmatch(text)
    # words, not a listicle's bold figure ("**3.9%**" leads the line under it)
    if bold and _SECTION_NUMBER.sub("", bold.group("inner"))[:1].isalpha():
        text = bold.group("inner")
    words = _SECTION_NUMBER.sub("", text).split()  # "2. Report on the meeting of ... 15 October 2025"
    return (
        0 < len(words) <= 12
        and len(text) <= 100
        and text[-1] not in _TERMINAL + ",—–-"
        and (text[0].isupper() or text[0].isdigit())
        and not _CLOCK_LINE.match(text)  # "19:00 — Dinner at the palace" is a timetable entry
        and not _CAPTION.match(text)  # "Photo: Estonian soldiers near Tapa" heads nothing
        # a wrapped line of a sentence (a PDF's "In its foreword, the board's Vice\nChair, ..."),
        # unlike a byline ("By Jane Doe, a former minister"), runs on into the next line
        and not (next_line.strip() and _CLAUSE_COMMA.search(text))
        and (not next_line.strip() or next_line.lstrip()[:1].isupper() or next_line.lstrip()[:1] in '“"[')
    )


def _ends_sentence(text: str) -> bool:
    """Return whether text ends with sentence-final punctuation."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in '.!?…"”’)'


def _is_new_paragraph(line: str) -> bool:
    """Return whether a line after a finished sentence starts a new paragraph."""
    first = line.lstrip()[:1]
    # "[18:02] REPORTER: ..." too, and a line led by a symbol: "→ read more: ...", "📌 Next week"
    return (
        first.isupper()
        or first.isdigit()
        or first in "“\"‘'(["
        or first in "→➡⇒»▶►"
        or (first != "" and unicodedata.category(first) == "So")  # an emoji or a pictograph
    )


def split_sentences(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the (start, end) spans of the sentences in body[start:end], trimmed."""
    spans = _sentence_spans(body, start, end, respect_quotes=True)
    if spans is None:  # unbalanced quotes: fall back to splitting on punctuation alone
        spans = _sentence_spans(body, start, end, respect_quotes=False) or []
    return spans


def _sentence_spans(body: str, start: int, end: int, *, respect_quotes: bool) -> list[tuple[int, int]] | None:
    """Return sentence spans, or None when quotes never close and respect_quotes is set."""
    spans: list[tuple[int, int]] = []
    depth = 0
    straight_open = False
    low_open = False  # „ opens a German quotation, closed by “ or, as keyboards type it, by "
    sentence_start = start
    i = start
    while (mark := _SENTENCE_MARK.search(body, i, end)) is not None:
        i = mark.start()  # other characters change nothing: skip straight to the next mark
        ch = body[i]
        closes_quote = False
        if ch == "„":
            low_open = True
        elif low_open and ch in '"“”':
            low_open = False
            closes_quote = True
        elif ch in "“«":
            depth += 1
        elif ch in "”»":
            depth = max(0, depth - 1)
            closes_quote = True
        elif ch == '"':
            straight_open = not straight_open
            closes_quote = not straight_open
        inside = respect_quotes and (depth > 0 or straight_open or low_open)
        # “... a finish.” He said: the full stop inside the quote ends the sentence too.
        ends_quote = closes_quote and not inside and i > start and body[i - 1] in ".!?"
        if (ch in ".!?" and not inside) or ends_quote:
            dot = i - 1 if ends_quote else i
            stop = i + 1
            while stop < end and body[stop] in '"”’»)]':
                if body[stop] == '"':
                    straight_open = not straight_open
                stop += 1
            marker = _FOOTNOTE_MARK.match(body, stop, end) if ch == "." and i > start else None
            if marker is not None and (
                not marker.group(0).isascii() or body[i - 1].isalpha() or body[i - 1] in "%)"
            ):
                stop = marker.end()  # "... of GDP.1 Rome has ...": a footnote's number ends the sentence
            if _is_boundary(body, sentence_start, dot, stop, end):
                spans.append(_trim(body, sentence_start, stop))
                sentence_start = stop
                i = stop
                continue
        i += 1
    if respect_quotes and (depth > 0 or straight_open or low_open):
        return None
    if body[sentence_start:end].strip():
        spans.append(_trim(body, sentence_start, end))
    return [span for span in spans if span[1] > span[0]]


_CUE_LINE = re.compile(r"[ \t]*\[[^\[\]\n]{1,80}\][ \t]*")
_CHAT_STAMP = re.compile(r"\s*\[\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\]\s")
_ORDINAL_DAY_AFTER = re.compile(rf"(?:{MONTH_NAMES})\b|and\s+\d{{1,2}}\.\s+(?:{MONTH_NAMES})\b")
_FOOTNOTE_MARK = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,2}(?=\s+[A-Z])")


def _is_boundary(body: str, sentence_start: int, dot: int, stop: int, end: int) -> bool:
    """Return whether the punctuation at ``dot`` (ending at ``stop``) ends a sentence."""
    if stop >= end:
        return False  # the paragraph end closes the last sentence anyway
    if not body[stop].isspace():
        return False
    rest = body[stop:end].lstrip()
    if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "“\"‘'(«[„"):
        return False
    if body[dot] != ".":
        return True
    token = _last_token(body, sentence_start, dot)
    if token.lower().rstrip(".") in _ABBREVIATIONS:
        return False
    if token.isdigit() and len(token) <= 2 and _ORDINAL_DAY_AFTER.match(rest):
        return False  # "on 7. and 8. July 2027", "11. June": a day's ordinal dot, as much of Europe writes it
    if token.lower().rstrip(".") in _SCALE_ABBREVIATIONS and _CURRENCY_WORD.match(rest):
        return False  # "53,25 Mrd. Euro", "3,2 mld. zł": a billion, then its currency
    if _INITIALISM.fullmatch(token):  # "U.S" of "U.S.", "e.g" of "e.g."
        next_word = _FIRST_WORD.match(rest)
        return next_word is not None and next_word.group(1).lower() in _SENTENCE_STARTERS
    return not (len(token) == 1 and token.isupper())  # an initial: "John F. Kennedy"


def _last_token(body: str, start: int, end: int) -> str:
    r"""Return the word characters and dots that end body[start:end], as ``([\w.]+)$`` finds them.

    Searching for that pattern tries every word of the sentence; scanning back from the end reads
    one token. Like ``$``, the end may be just before a final newline.
    """
    if end > start and body[end - 1] == "\n":
        end -= 1
    begin = end
    while begin > start and (body[begin - 1].isalnum() or body[begin - 1] in "._"):  # [\w.]
        begin -= 1
    return body[begin:end]


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Return the span without surrounding whitespace."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


# A paragraph that tells of a simulation: a Model NATO session, a role-play, a mock summit. What it
# says of budgets and meetings happened in the game, not in the world: no reader takes facts from it.
_SIMULATION = re.compile(
    r"\b(?:simulat(?:ed|ion|ions)|role[- ]play\w*|mock\s+(?:summit|council|negotiations?|session)"
    r"|Model\s+(?:NATO|UN|United\s+Nations))\b",
    re.I,
)


# In an article about a simulation, a paragraph on its players' moves is the simulation's too: "The
# students went further and faster. ... announced, in character, that Germany would spend 3.8% by
# 2028. The delegate for Spain ... accepted 2.5% by 2027", "Next year's conference is planned for ...".
_SIMULATION_PART = re.compile(
    r"\bin\s+character\b|\bdelegates?\s+(?:for|of)\s+[A-Z]|\bthe\s+students\b"
    # "who led the German delegation", "The team representing Italy offered 2.8%", "delegates playing Poland"
    # ... 'The "German" delegation, led by Tom Reyes, opened by pledging 4.2%'
    r"|\b(?-i:[A-Z][a-z]+)[\"”’']?\s+delegation\b|\b(?:team|delegation)\s+representing\b|\bdelegates\s+playing\b"
    r"|\b(?:the|next\s+year['’]s|this\s+year['’]s)\s+conference\b",
    re.I,
)


# A heading over a club's game (not "What the simulations show", an analysis of models)
_GAME_HEADING = re.compile(r"\bModel\s+(?:NATO|UN|United\s+Nations)\b|\brole[- ]play", re.I)


# A paragraph set against the game: a "Reality check" heading, or the real figures contrasted with its own.
_REALITY = re.compile(
    r"\breality\s+check\b|\bbears?\s+little\s+resemblance\b|\bactually\s+(?:spend|spent|spending)\b", re.I
)


def opens_paragraph(passages: Sequence[Passage], position: int) -> bool:
    """Return whether the passage at position is its paragraph's first sentence."""
    return position == 0 or passages[position - 1].paragraph != passages[position].paragraph


def paragraph_first(passages: Sequence[Passage], position: int) -> int:
    """Return the position of the first sentence of the paragraph the passage at position is in
    (stepping back from it: its paragraph's passages are consecutive)."""
    while not opens_paragraph(passages, position):
        position -= 1
    return position


def simulated_paragraphs(article: Article) -> set[int]:
    """Return the paragraphs of an article that tell of a simulation (see ``_SIMULATION``), and, in an
    article about one, those on its players' moves (see ``_SIMULATION_PART``)."""
    simulated = {p.paragraph for p in article.passages if _SIMULATION.search(p.text)}
    # every paragraph under a heading that names the game: "OUR SUMMIT: HARTWELL MODEL NATO 2026"
    games = {section for section in article.sections if _GAME_HEADING.search(section)}
    simulated |= {p.paragraph for p in article.passages if p.section in games} if games else set()
    if not simulated:
        return simulated  # most articles tell of no simulation: spare them the other scans
    moves = {p.paragraph for p in article.passages if _SIMULATION_PART.search(p.text)}
    # "Reality check. The simulation's numbers bear little resemblance to what governments actually
    # spend. According to NATO, Germany spent about 2.1% ...": a paragraph set against the game is
    # real, unless the players move in it ("In a nod to reality, the delegate for Germany offered 3.5%")
    real = {
        p.paragraph for p in article.passages if _REALITY.search(p.text) or _REALITY.search(p.section or "")
    }
    return (simulated | moves) - (real - moves)
