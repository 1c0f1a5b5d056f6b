"""The article reader: headers, headings, passages that are verbatim slices of the body."""

from __future__ import annotations

import hashlib

import pytest

from knowledge.errors import MalformedArticle
from knowledge.extract.reader import (
    MAX_ARTICLE_CHARS,
    is_table_row,
    read_article,
    split_header,
    split_passages,
    table_cells,
)
from knowledge.ingest import bundled_articles
from knowledge.models import PartialDate

SEED_BODY_SHA256 = "3c797ba16107c863da014abaa2680b9a8bf96248ca7fcc0b759fb0f77d4d9207"


def test_bundled_article_body_is_the_seed_byte_for_byte() -> None:
    """The bundled article's body hashes to the seed's published sha256."""
    (path,) = bundled_articles()
    article = read_article(path.read_text(encoding="utf-8"))
    assert article.sha256 == SEED_BODY_SHA256
    assert hashlib.sha256(article.body.encode()).hexdigest() == SEED_BODY_SHA256


def test_bundled_article_header_records_only_what_is_known() -> None:
    """The seed's header has a title and the year, and no outlet, URL or exact day."""
    meta = read_article(bundled_articles()[0].read_text(encoding="utf-8")).meta
    assert meta.title and "NATO" in meta.title
    assert meta.published == PartialDate(year=2025)
    assert meta.outlet is None and meta.url is None


def test_seed_sections_are_detected() -> None:
    """Short lines without final punctuation are section headings, not passages."""
    article = read_article(bundled_articles()[0].read_text(encoding="utf-8"))
    assert article.sections == [
        "Defense Spending Still Falls Short",
        "New Commitments Expected in June",
        "Continued Support for Ukraine Despite Uncertainty",
        "NATO Report Quietly Released",
    ]
    assert all(p.text not in article.sections for p in article.passages)
    canada = next(p for p in article.passages if "Countries missing the goal" in p.text)
    assert canada.section == "Defense Spending Still Falls Short"


def test_every_passage_is_a_slice_of_the_body() -> None:
    """Each passage's text is exactly body[start:end]."""
    article = read_article(bundled_articles()[0].read_text(encoding="utf-8"))
    assert len(article.passages) == 27
    for passage in article.passages:
        assert article.body[passage.start : passage.end] == passage.text


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "U.S. President Donald Trump will attend. He said so.",
            ["U.S. President Donald Trump will attend.", "He said so."],
        ),
        (
            "In 2023, he declared, “Ukraine must prevail. This is about our own security, not charity.”",
            ["In 2023, he declared, “Ukraine must prevail. This is about our own security, not charity.”"],
        ),
        (
            '"We will spend more," she said. "We have no choice."',
            ['"We will spend more," she said.', '"We have no choice."'],
        ),
        ("It was “a start, not a finish.” He left.", ["It was “a start, not a finish.”", "He left."]),
        ("Spending hit 3.19% in 2024. It fell.", ["Spending hit 3.19% in 2024.", "It fell."]),
        ("Gen. Smith spoke. Then Dr. Jones.", ["Gen. Smith spoke.", "Then Dr. Jones."]),
        # "Mrd." (billion) before its currency ends no sentence; at a sentence's end it does
        (
            "The budget should on 53,25 Mrd. Euro rise. He asked 6,5 Mrd. It fell.",
            ["The budget should on 53,25 Mrd. Euro rise.", "He asked 6,5 Mrd.", "It fell."],
        ),
        # Hansard's "the hon. Lady" ends no sentence
        ("The hon. Member knows it. I agree.", ["The hon. Member knows it.", "I agree."]),
        # a footnote's number after the full stop ends the sentence; a version number does not
        (
            "Spain spent 1.28% of GDP.3 Madrid disputes it. Greece spent 3.1% in 2024.² Version 2.1 Rome is out.",
            [
                "Spain spent 1.28% of GDP.3",
                "Madrid disputes it.",
                "Greece spent 3.1% in 2024.²",
                "Version 2.1 Rome is out.",
            ],
        ),
        (
            "He said “yes. And then the quote never closes.",
            ["He said “yes.", "And then the quote never closes."],
        ),
    ],
)
def test_sentence_splitting(text: str, sentences: list[str]) -> None:
    """Sentences split at final punctuation but not after abbreviations or inside quotes."""
    passages, _ = split_passages(text)
    assert [p.text for p in passages] == sentences


def test_plain_header_is_read() -> None:
    """Title/Source/Date/URL lines then a blank line form the header."""
    meta, body = split_header(
        "Title: A\nSource: Wire\nDate: 2026-03-12\nURL: https://example.org/a\n\nBody text."
    )
    assert (meta.title, meta.outlet, meta.url) == ("A", "Wire", "https://example.org/a")
    assert meta.published == PartialDate(year=2026, month=3, day=12)
    assert body == "Body text."


def test_front_matter_is_read() -> None:
    """YAML-style front matter between --- lines is read; other keys are ignored."""
    meta, body = split_header('---\ntitle: "B"\nsource: Paper\ndate: 2026-06\nauthor: X\n---\nBody.')
    assert (meta.title, meta.outlet, meta.published) == ("B", "Paper", PartialDate(year=2026, month=6))
    assert body == "Body."


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "no text"),
        ("Title: Only a header\n\n   \n", "no text"),
        ("Date: 12 March 2026\n\nBody.", "not an ISO date"),
        ("Date: 2026-13\n\nBody.", "not an ISO date"),
        ("---\ntitle: x\nBody never closes", "never closed"),
        ("text\x00more", "NUL"),
        ("x" * (MAX_ARTICLE_CHARS + 1), "longer than"),
    ],
)
def test_malformed_articles_are_refused(raw: str, fragment: str) -> None:
    """Unreadable articles raise MalformedArticle with a reason a person understands."""
    with pytest.raises(MalformedArticle, match=fragment):
        read_article(raw)


def test_headings_and_bullets_in_markdown() -> None:
    """Markdown headings name sections and each bullet is its own passage."""
    passages, sections = split_passages("## Figures\n- Poland: 4.1 percent of GDP\n- Spain: 1.3 percent\n")
    assert sections == ["Figures"]
    assert [p.text for p in passages] == ["Poland: 4.1 percent of GDP", "Spain: 1.3 percent"]
    assert {p.section for p in passages} == {"Figures"}


def test_a_bold_line_of_words_heads_the_lines_under_it() -> None:
    """A newsletter's bold heading ("**Quote of the week**") is a section; a bold figure is not."""
    passages, sections = split_passages(
        '**Quote of the week**\n"We pay," said Ana Pop.\n\n**3.9%**\nLithuania\'s share of GDP.\n'
    )
    assert sections == ["Quote of the week"]
    assert [p.text for p in passages] == ['"We pay," said Ana Pop.', "**3.9%**\nLithuania's share of GDP."]


def test_a_table_laid_out_in_columns_is_one_passage_and_its_note_is_not_a_row() -> None:
    """Rows set in columns (spaces or pipes) stay together; a row is never taken for a heading (issue 10)."""
    article = read_article(
        "Title: T\n\nSpending by ally.\n\n"
        "Ally       2023    2024e\nRomania    1.60    2.25\nHungary    n/a     2.10\n"
        "e = estimate.\n"
    )
    texts = [p.text for p in article.passages]
    assert "Ally       2023    2024e\nRomania    1.60    2.25\nHungary    n/a     2.10" in texts
    assert "e = estimate." in texts
    assert not any("Hungary" in s for s in article.sections)


def test_prose_with_two_spaces_is_not_a_table_row() -> None:
    """Ordinary sentences, even typed with double spaces, are not table rows."""
    assert not is_table_row("Poland spent a lot.  Then it spent more.")
    assert is_table_row("| Poland | 3.83 | 4.12 |")


def test_a_timetable_entry_is_no_heading() -> None:
    """ "19:00 — Dinner at the palace" before a blank line stays text, not a section heading."""
    article = read_article(
        "Date: 2027-07-07\n\nWednesday 7 July\n17:00 — Leaders arrive\n19:00 — Dinner at the palace\n\nMore follows."
    )
    assert any("19:00 — Dinner at the palace" in passage.text for passage in article.passages)
    assert all(passage.section is None for passage in article.passages)


def test_a_wrapped_line_holding_a_clause_is_no_heading() -> None:
    """A report's line broken mid-sentence ("..., the board's Vice\\nChair, ...") stays one sentence."""
    article = read_article(
        "Title: T\n\nIn its closing note, the board's Vice\nChair, Ola Brekke, writes: \"We are\n"
        'not done."\n\nBy Ines Moe, a former mayor\n\nThe rest follows.'
    )
    assert article.passages[0].text.startswith("In its closing note, the board's Vice\nChair")
    assert article.sections == ["By Ines Moe, a former mayor"]


# --- text copied out of a PDF ------------------------------------------------------------------

_PAGED = (
    "Title: Yearbook\n\nBALTIC FUND FOR RESILIENCE\n\nSection 3\n\n"
    "Estonia kept its reserve stocks\nfull through the winter,\n\n"
    "Yearbook 2026 | Page 12\n\nBALTIC FUND FOR RESILIENCE\n\n"
    "and it plans to double them\nby 2028.\n\nThe rest follows.\n\n- 13 -\n"
)


def test_page_furniture_between_two_halves_of_a_sentence_is_removed_and_the_halves_joined() -> None:
    """A footer and running header printed mid-sentence are not part of the sentence."""
    article = read_article(_PAGED)
    texts = [" ".join(p.text.split()) for p in article.passages]
    assert (
        "Estonia kept its reserve stocks full through the winter, and it plans to double them by 2028."
        in texts
    )
    assert not any("Page 12" in t or "13" in t for t in texts)
    assert "BALTIC FUND FOR RESILIENCE" in article.body  # the first one, before any page break, stays


def test_furniture_before_a_new_sentence_leaves_a_paragraph_break() -> None:
    """After a finished sentence, the text beyond a footer is a new paragraph, not a continuation."""
    article = read_article("Title: T\n\nThe first page ends here.\n\nReport | Page 2\n\nthe second begins.\n")
    assert article.passages[0].paragraph != article.passages[-1].paragraph


def test_a_word_broken_at_a_line_end_is_joined_unless_the_text_hyphenates_it() -> None:
    """ "Nor-\\nway" is Norway; "cost-\\nbased" stays hyphenated when the text writes "cost-based"."""
    article = read_article(
        "Title: T\n\nThe figures for Nor-\nway are final, and its cost-\nbased method is the same "
        "cost-based method as before. Kosiniak-\nKamysz agreed."
    )
    assert "Norway are final" in article.body
    assert "its cost-based method" in article.body
    assert "Kosiniak-\nKamysz" in article.body


def test_a_document_is_identified_by_the_text_as_written() -> None:
    """Undoing page layout does not change the digest that tells a re-ingest of the same file."""
    raw = "Title: T\n\nA line broken in the mid-\ndle of a word.\n"
    article = read_article(raw)
    assert "middle" in article.body
    assert article.sha256 == hashlib.sha256(split_header(raw)[1].encode("utf-8")).hexdigest()


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("Poland,3.83,4.12,4.48", ["Poland", "3.83", "4.12", "4.48"]),
        ("country,2023,2024,2025e", ["country", "2023", "2024", "2025e"]),  # its header row
        ("Poland, Estonia and Latvia spent 3.8, 3.4 and 3.2%.", None),  # prose has a space after commas
        ("1,200,000", None),  # a number with thousands commas is no row
    ],
)
def test_a_pasted_csv_line_is_a_table_row(line: str, cells: list[str] | None) -> None:
    """A CSV line (no space after its commas, a word cell) splits at its commas; prose does not."""
    assert is_table_row(line) is (cells is not None)
    if cells is not None:
        assert table_cells(line) == cells


def test_a_photo_caption_heads_nothing() -> None:
    """ "Photo: soldiers near Tapa, October 2025" is no section heading for the text after it."""
    article = read_article(
        "Date: 2025\n\nEstonia will spend more.\n\nPhoto: Estonian soldiers during an exercise near Tapa,"
        " October 2025\n\nThe minister said 3.4% was the floor."
    )
    assert [p.section for p in article.passages] == [None, None, None]
