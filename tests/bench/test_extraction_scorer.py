"""The extraction scorer: pairing, the corpus's check rules, and a whole run over a tiny corpus."""

from __future__ import annotations

import json
from pathlib import Path

from bench.extraction import score
from bench.extraction.checks import judge, reply_text
from bench.extraction.matching import pair

ARTICLE = """Title: Test wire
Source: Test Desk
Date: 2024-03-01

Norway spent 2.2% of GDP on defence in 2023.
"""


def _corpus(tmp_path: Path, expected: dict[str, object]) -> Path:
    """Write a one-article corpus and return its folder."""
    (tmp_path / "articles").mkdir(parents=True)
    (tmp_path / "expected").mkdir()
    (tmp_path / "articles" / "01-test.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "expected" / "01-test.json").write_text(json.dumps(expected), encoding="utf-8")
    return tmp_path


def _fact(value: float) -> dict[str, object]:
    """Return an expected Norway share-of-GDP fact for 2023."""
    return {
        "country": "Norway",
        "year": 2023,
        "metric": "share_of_gdp",
        "value": value,
        "unit": "percent_of_gdp",
        "status": "actual",
        "sentence": "Norway spent 2.2% of GDP on defence in 2023.",
    }


def test_pair_counts_each_extracted_record_once() -> None:
    """Two expected records cannot both pair with one extracted record."""
    result = pair([1, 1], [1], lambda a, b: a == b, str, str)
    assert (result.tp, result.fp, result.fn) == (1, 0, 1)


def test_a_found_fact_is_a_true_positive_and_a_wrong_value_is_both_errors(tmp_path: Path) -> None:
    """The right value pairs; a value off by more than rounding is a miss and a false record."""
    right = score(_corpus(tmp_path / "a", {"spending_facts": [_fact(2.2)]})).kind_totals()["spending"]
    wrong = score(_corpus(tmp_path / "b", {"spending_facts": [_fact(2.4)]})).kind_totals()["spending"]
    assert (right.tp, right.fp, right.fn) == (1, 0, 0)
    assert (wrong.tp, wrong.fp, wrong.fn) == (0, 1, 1)


def test_command_checks_run_against_a_store_of_the_article_alone(tmp_path: Path) -> None:
    """A check naming the article's figure passes; one asking for another figure fails with a reason."""
    checks = [
        {"id": "c1", "input": "/spending Norway", "must_include": [["2.2%"]], "must_not_include": []},
        {"id": "c2", "input": "/spending Norway", "must_include": [["9.9%"]], "must_not_include": []},
    ]
    result = score(_corpus(tmp_path, {"command_checks": checks}))
    (article,) = result.articles
    assert [c.passed for c in article.checks] == [True, False]
    assert article.checks[1].reasons == ["missing one of ['9.9%']"]
    assert result.as_json()["checks"] == {
        "passed": 1,
        "total": 2,
        "by_command": {"/spending": {"passed": 1, "total": 2}},
    }


def test_each_check_is_asked_by_its_own_reader_so_no_cooldown_answers_it(tmp_path: Path) -> None:
    """More /ask checks than one member may ask in a row are all answered by a search, not a cooldown."""
    checks = [
        {"id": f"c{n}", "input": "/ask How much did Norway spend?", "must_include": [["2.2%"]]}
        for n in range(8)
    ]
    result = score(_corpus(tmp_path, {"command_checks": checks}))
    (article,) = result.articles
    assert [c.passed for c in article.checks] == [True] * 8


def test_must_not_rules_of_spending_read_only_the_country_part() -> None:
    """An alliance-context field may show a figure the country's own part may not."""
    message = {
        "embeds": [
            {
                "title": "Canada",
                "description": "No figure.",
                "fields": [{"name": "Alliance context", "value": "23 of 32 allies met 2%"}],
            }
        ]
    }
    check = {"input": "/spending Canada", "must_include": [["23 of 32"]], "must_not_include": ["2%"]}
    assert judge(check, message) == []
    assert "23 of 32" not in reply_text(message, country_part=True)


def test_the_projects_own_articles_stay_above_their_thresholds() -> None:
    """Extraction cannot silently regress: the scorer on tests/knowledge/corpus keeps its floor (issue 10)."""
    result = score(Path(__file__).parents[1] / "knowledge" / "corpus")
    kinds = result.kind_totals()
    passed, total = result.check_totals()["/spending"]
    for kind in ("spending", "aggregate"):
        assert kinds[kind].precision >= 0.9 and kinds[kind].recall >= 0.9, (kind, kinds[kind].as_json())
    assert passed == total, [c.reasons for a in result.articles for c in a.checks if not c.passed]


QUOTE_ARTICLE = """Title: Harbour wire
Source: Test Desk
Date: 2024-03-01

Pia Lund, the port's director, said the port was "ready for winter" after the storms.

A spokesperson said the ferry would sail on time.
"""


def _statement_score(tmp_path: Path, quotes: list[dict[str, str]]) -> tuple[int, int, int]:
    """Return (tp, fp, fn) of statements for the harbour article against the given quotes."""
    corpus = _corpus(tmp_path, {"quotes": quotes})
    (corpus / "articles" / "01-test.txt").write_text(QUOTE_ARTICLE, encoding="utf-8")
    totals = score(corpus).kind_totals()["statements"]
    return totals.tp, totals.fp, totals.fn


def test_a_partial_quote_given_as_its_fragment_pairs_with_the_clause_holding_it(tmp_path: Path) -> None:
    """An expected partial written as the quoted words alone agrees with the clause quoting them."""
    fragment = {
        "speaker": "Pia Lund",
        "speaker_type": "person",
        "kind": "partial",
        "text": "ready for winter",
    }
    other = {"speaker": "Pia Lund", "speaker_type": "person", "kind": "partial", "text": "closed for repairs"}
    unnamed = {"speaker": "unnamed official", "speaker_type": "unnamed official", "kind": "reported"}
    sail = {**unnamed, "text": "the ferry would sail on time"}
    assert _statement_score(tmp_path / "a", [fragment, sail]) == (2, 0, 0)
    assert _statement_score(tmp_path / "b", [other, sail]) == (1, 1, 1)


def test_an_unnamed_source_pairs_with_any_unnamed_speaker_but_never_a_named_one(tmp_path: Path) -> None:
    """ "unnamed official" agrees with "a spokesperson"; a named person's words never pair with it."""
    unnamed = {"speaker": "unnamed official", "speaker_type": "unnamed official"}
    sail = {**unnamed, "kind": "reported", "text": "the ferry would sail on time"}
    lund = {**unnamed, "kind": "partial", "text": 'the port was "ready for winter" after the storms'}
    assert _statement_score(tmp_path, [sail, lund]) == (1, 1, 1)


def test_a_summit_the_article_places_nowhere_pairs_only_with_a_placeless_event(tmp_path: Path) -> None:
    """Expected with no city and no country: the extracted event must have no place either."""
    articles = {
        "a": "Title: Summit wire\nDate: 2024-06-10\n\nNATO leaders will meet at next month's summit.\n",
        "b": "Title: Summit wire\nDate: 2024-06-10\n\nNATO leaders will meet in Vilnius at next month's summit.\n",
    }
    summit = {"name": "next month's summit", "city": None, "country": None, "month": "July", "year": 2024}
    totals = {}
    for name, text in articles.items():
        folder = tmp_path / name
        (folder / "articles").mkdir(parents=True)
        (folder / "expected").mkdir()
        (folder / "articles" / "01-summit.txt").write_text(text, encoding="utf-8")
        expected = {"summits": [{**summit, "status_at_article_date": "upcoming"}]}
        (folder / "expected" / "01-summit.json").write_text(json.dumps(expected), encoding="utf-8")
        found = score(folder).kind_totals()["summits"]
        totals[name] = (found.tp, found.fp, found.fn)
    assert totals == {"a": (1, 0, 0), "b": (0, 1, 1)}
