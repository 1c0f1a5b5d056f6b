"""bench.libraries on a tiny corpus: every reader that is installed runs and finds what is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import libraries

ARTICLE = """Title: Harbour ministers meet
Source: Test Desk
Date: 2024-05-10

Norway spent 2.2% of GDP on defence in 2023. Dutch officials said twenty-three allies would reach two per cent this year.

The ministers will meet again in Oslo on 14 June 2025.
"""

EXPECTED = {
    "spending_facts": [
        {
            "country": "Norway",
            "mention": "Norway",
            "year": 2023,
            "year_basis": "explicit",
            "unit": "percent_of_gdp",
            "value": 2.2,
            "sentence": "Norway spent 2.2% of GDP on defence in 2023.",
        }
    ],
    "aggregate_facts": [
        {
            "kind": "count_meeting_target",
            "value": 23,
            "year": 2024,
            "year_basis": "relative_to_article_date",
            "sentence": "Dutch officials said twenty-three allies would reach two per cent this year.",
        }
    ],
    "summits": [
        {
            "year": 2025,
            "month": "June",
            "sentences": ["The ministers will meet again in Oslo on 14 June 2025."],
        }
    ],
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[libraries.CorpusArticle]:
    """Return a one-article corpus written to a temporary folder."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "articles").mkdir()
    (folder / "expected").mkdir()
    (folder / "articles" / "01-harbour.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "expected" / "01-harbour.json").write_text(json.dumps(EXPECTED), encoding="utf-8")
    return libraries.load_corpus(folder)


def _rows(comparison: libraries.Comparison, truth: str) -> dict[str, libraries.Row]:
    """Return the comparison's rows for one truth, by reader."""
    return {row.reader: row for row in comparison.rows if row.truth == truth}


def test_expected_sentences_are_collected_from_every_kind(corpus: list[libraries.CorpusArticle]) -> None:
    """Sentences are taken from facts and from summits' evidence lists."""
    assert len(libraries.expected_sentences(corpus[0].expected)) == 3


def test_briefbot_splitter_gives_each_sentence_whole(corpus: list[libraries.CorpusArticle]) -> None:
    """briefbot's splitter scores all three sentences; the installed libraries are scored too."""
    rows = _rows(libraries.compare_sentences(corpus), "all quoted sentences")
    assert (rows["briefbot"].correct, rows["briefbot"].total) == (3, 3)
    assert all(row.total == 3 and row.calls == 1 for row in rows.values())


def test_times_are_resolved_against_the_article_date(corpus: list[libraries.CorpusArticle]) -> None:
    """Both fact years ("in 2023", "this year" in 2024) and the summit's June 2025 are found."""
    comparison = libraries.compare_times(corpus)
    assert _rows(comparison, "fact years")["briefbot"].correct == 2
    assert _rows(comparison, "summit year+month")["briefbot"].correct == 1


def test_written_numbers_count_as_in_words(corpus: list[libraries.CorpusArticle]) -> None:
    """ "twenty-three" is a count written in words, and every reader is asked for it."""
    rows = _rows(libraries.compare_numbers(corpus), "counts in words")
    assert (rows["briefbot"].correct, rows["briefbot"].total) == (1, 1)
    if "number-parser" in rows:
        assert rows["number-parser"].correct == 1


def test_countries_are_found_and_resolved(corpus: list[libraries.CorpusArticle]) -> None:
    """Norway is found in its sentence and its mention resolves, by every installed reader."""
    comparison = libraries.compare_countries(corpus)
    for truth in ("country in sentence", "mention resolved"):
        assert all(row.correct == row.total == 1 for row in _rows(comparison, truth).values())


def test_a_missing_library_is_skipped_with_a_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pysbd the splitters table says it was skipped instead of failing."""
    real = libraries.optional
    monkeypatch.setattr(libraries, "optional", lambda name: None if name == "pysbd" else real(name))
    splitters, skipped = libraries.sentence_splitters()
    assert "pysbd" not in splitters and skipped == ["pysbd"]
    lines = list(libraries.format_comparison(libraries.Comparison("t", skipped=skipped)))
    assert any(line.startswith("  skipped pysbd") for line in lines)


def test_main_prints_every_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The command prints the four tables; a folder that is not a corpus exits with 2."""
    assert libraries.main([str(tmp_path)]) == 2
    folder = tmp_path / "c"
    (folder / "articles").mkdir(parents=True)
    (folder / "expected").mkdir()
    (folder / "articles" / "01-a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "expected" / "01-a.json").write_text(json.dumps(EXPECTED), encoding="utf-8")
    assert libraries.main([str(folder)]) == 0
    out = capsys.readouterr().out
    assert all(title in out for title in ("Sentences:", "Times:", "Written numbers:", "Countries:"))
