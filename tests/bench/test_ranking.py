"""The /ask ranking tool: which sentences answer a check, and both rankings scored over a tiny corpus."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bench.ranking import answering_sentences, main, rank

ARTICLE = """Title: Harbour notes
Source: Test Desk
Date: 2024-03-01

The harbour at Tromsø gets a new icebreaker berth in 2026.
Engineers said the quay walls were poured last winter.
The ferry timetable is unchanged.
"""


def _corpus(tmp_path: Path, checks: list[dict[str, object]]) -> Path:
    """Write a one-article corpus with these checks and return its folder."""
    (tmp_path / "articles").mkdir(parents=True)
    (tmp_path / "expected").mkdir()
    (tmp_path / "articles" / "01-harbour.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "expected" / "01-harbour.json").write_text(
        json.dumps({"command_checks": checks}), encoding="utf-8"
    )
    return tmp_path


def _ask(check_id: str, question: str, *groups: list[str]) -> dict[str, object]:
    """Return an /ask check."""
    return {"id": check_id, "input": f"/ask {question}", "must_include": list(groups)}


def test_the_answering_sentence_holds_every_group_or_else_the_most() -> None:
    """One alternative of each group (any case) in one sentence; failing that, the sentences with most groups."""
    passages = ["The berth opens in 2026.", "The BERTH is for icebreakers.", "Nothing here."]
    assert answering_sentences(passages, [["berth"], ["2026", "next year"]]) == {"The berth opens in 2026."}
    assert answering_sentences(passages, [["berth"], ["1999"]]) == set(passages[:2])
    assert answering_sentences(passages, [["submarine"]]) == set()


def test_a_question_answered_by_one_sentence_is_ranked_and_an_unanswerable_one_is_counted_apart(
    tmp_path: Path,
) -> None:
    """The berth sentence is found in the top three by both rankings; a check whose words are nowhere is not scored."""
    corpus = _corpus(
        tmp_path,
        [
            _ask("c1", "When does the icebreaker berth at Tromsø open?", ["icebreaker berth"], ["2026"]),
            _ask("c2", "How deep is the new dock?", ["metres deep"]),  # no sentence says
            {"id": "c3", "input": "/spending Norway", "must_include": [["2%"]]},  # not an /ask check
        ],
    )
    result = asyncio.run(rank(corpus))
    totals = result.as_json()
    assert (totals["checks"], totals["answerable"]) == (2, 1)
    assert totals["store"] == {"top3": 1.0, "top1": 1.0}
    assert totals["bm25"]["top3"] == 1.0
    assert result.store[0].rank == 1
    assert "icebreaker berth" in result.store[0].top[0]


def test_a_question_about_something_else_is_a_miss(tmp_path: Path) -> None:
    """When the question's words lead to another sentence, the share says so: it is not always 1."""
    corpus = _corpus(tmp_path, [_ask("c1", "Is the ferry timetable changing?", ["quay walls"])])
    result = asyncio.run(rank(corpus))
    assert result.store[0].rank is None
    assert result.as_json()["store"]["top3"] == 0.0


def test_the_command_line_prints_json_and_refuses_a_folder_that_is_not_a_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json prints the shares; a folder without articles/ and expected/ is exit code 2."""
    corpus = _corpus(tmp_path / "c", [_ask("c1", "icebreaker berth", ["icebreaker berth"])])
    assert main([str(corpus), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["store"]["top3"] == 1.0
    assert main([str(tmp_path / "nothing")]) == 2
