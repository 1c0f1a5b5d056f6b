"""``python -m bench.ranking DIR [--json] [--verbose]``: how often /ask ranks the answer in its top three.

DIR is laid out like the development corpus (``articles/`` and ``expected/``, see
``bench.extraction``). Every article of DIR goes into one store with the bundled seed, so the
sentence that answers a question competes with every other article's passages, as in a real
briefing. For each ``/ask`` check, the **answering sentences** are the passages that hold one
alternative of every ``must_include`` group (the corpus's rule: case-insensitive substrings), in
any article: another article's sentence that holds the answer answers it as well. When no one
passage holds them all, they are the passages of the check's own article that hold the most
groups. A check none of whose groups is in any one passage of its article is not answerable by a
sentence and is counted apart.

Two rankings are scored on the same passages: the store's (``Briefing.search``, what ``/ask``
shows: FTS5 queries built from the question, BM25-ranked by SQLite, top 3) and rank_bm25's
(BM25Okapi in memory over every passage, given the same search terms, top 3 with a positive
score; see ``bench.baseline``). Each gets the share of answerable checks with an answering
sentence in its top three, and in first place. Exit code 0 (a low share is a finding), 2 when DIR
is not a corpus.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import baseline
from bench.extraction import corpus_pairs
from knowledge.briefing import Briefing
from knowledge.ingest import ingest_file, open_store

TOP = 3
ASK = "/ask "


@dataclass(frozen=True, slots=True)
class Question:
    """One /ask check: its question and the sentences that answer it."""

    id: str
    question: str
    answers: frozenset[str]  # passage texts


@dataclass(frozen=True, slots=True)
class Ranked:
    """Where one ranking put a question's answering sentence."""

    question: Question
    top: tuple[str, ...]  # the passages it ranked first, best first

    @property
    def rank(self) -> int | None:
        """Return the 1-based place of the first answering sentence in the top, or None."""
        return next((i for i, text in enumerate(self.top, 1) if text in self.question.answers), None)


@dataclass
class RankingScore:
    """The shares of answerable checks answered in the top three and in first place, per ranking."""

    checks: int = 0  # /ask checks in the corpus
    passages: int = 0
    store: list[Ranked] = field(default_factory=list)
    bm25: list[Ranked] | None = None  # None: rank_bm25 is not installed

    @staticmethod
    def share(ranked: list[Ranked], within: int) -> float:
        """Return the share of questions whose answering sentence is within the first places."""
        return sum(1 for r in ranked if r.rank is not None and r.rank <= within) / max(len(ranked), 1)

    def as_json(self) -> dict[str, Any]:
        """Return the totals as plain data."""
        rankings = {"store": self.store, **({"bm25": self.bm25} if self.bm25 is not None else {})}
        return {
            "checks": self.checks,
            "answerable": len(self.store),
            "passages": self.passages,
            **{
                name: {"top3": self.share(ranked, TOP), "top1": self.share(ranked, 1)}
                for name, ranked in rankings.items()
            },
        }


def groups_held(text: str, must_include: list[list[str]]) -> int:
    """Return how many groups have an alternative in text (case-insensitive)."""
    folded = text.casefold()
    return sum(1 for group in must_include if any(alt.casefold() in folded for alt in group))


def answering_sentences(passages: list[str], must_include: list[list[str]]) -> frozenset[str]:
    """Return the passages holding the most groups (at least one), all of them tied (none: empty)."""
    held = {text: groups_held(text, must_include) for text in passages}
    best = max(held.values(), default=0)
    return frozenset(text for text, count in held.items() if count == best) if best else frozenset()


async def questions(briefing: Briefing, directory: Path) -> tuple[int, list[Question]]:
    """Ingest every article of the corpus into the briefing's store; return the /ask checks and the answerable ones."""
    asked: list[tuple[dict[str, Any], list[str]]] = []  # each /ask check with its own article's passages
    for article_path, expected_path in corpus_pairs(directory):
        report = await ingest_file(briefing.store, article_path)
        assert report.document_id is not None
        own = [text for _, _, text in await briefing.store.passage_spans(report.document_id)]
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        asked += [(c, own) for c in expected.get("command_checks", []) if c["input"].startswith(ASK)]
    every = [text for _, text in await baseline.passages(briefing.store)]
    found: list[Question] = []
    for check, own in asked:
        groups = check.get("must_include", [])
        anywhere = answering_sentences(every, groups)
        whole = anywhere and groups_held(next(iter(anywhere)), groups) == len(groups)
        answers = anywhere if whole else answering_sentences(own, groups)
        if answers:
            found.append(Question(check["id"], check["input"].removeprefix(ASK).strip(), answers))
    return len(asked), found


async def rank(directory: Path) -> RankingScore:
    """Build the store (seed and every article of the corpus) and score both rankings on it."""
    with tempfile.TemporaryDirectory(prefix="briefbot-ranking-") as scratch:
        store = await open_store(Path(scratch) / "ranking.sqlite3", seed=True)
        try:
            briefing = Briefing(store)
            checks, asked = await questions(briefing, directory)
            corpus = await baseline.passages(store)
            result = RankingScore(checks=checks, passages=len(corpus))
            answers = {q.id: await briefing.search(q.question, TOP) for q in asked}
            result.store = [Ranked(q, tuple(h.source.passage for h in answers[q.id].hits)) for q in asked]
            bm25_class = baseline.load_bm25()
            if bm25_class is not None:
                bm25 = bm25_class([baseline.tokens(text) for _, text in corpus])
                result.bm25 = []
                for q in asked:
                    words = [w for term in answers[q.id].terms for w in baseline.tokens(term)]
                    scores = bm25.get_scores(words)
                    top = [corpus[i][1] for i in baseline.top_indices(scores, TOP) if scores[i] > 0]
                    result.bm25.append(Ranked(q, tuple(top)))
        finally:
            await store.close()
    return result


def print_summary(result: RankingScore) -> None:
    """Print the shares of both rankings side by side."""
    print(
        f"/ask ranking: {result.checks} /ask checks, {len(result.store)} answerable by a sentence,"
        f" {result.passages:,} passages (the seed and every article)"
    )
    print(f"{'ranking':<14} {'top 3':>7} {'top 1':>7}")
    rows = [("store (FTS5)", result.store)]
    rows += [("rank_bm25", result.bm25)] if result.bm25 is not None else []
    for name, ranked in rows:
        print(f"{name:<14} {RankingScore.share(ranked, TOP):>7.3f} {RankingScore.share(ranked, 1):>7.3f}")
    if result.bm25 is None:
        print(f"rank_bm25      (not run: {baseline.INSTALL_HINT})")


def print_misses(result: RankingScore) -> None:
    """Print each question whose answering sentence the store did not rank in its top three."""
    for ranked in result.store:
        if ranked.rank is None:
            answer = min(ranked.question.answers, key=len)
            print(f"{ranked.question.id} {ranked.question.question!r}\n  answer: {answer[:160]}")
            for place, text in enumerate(ranked.top, 1):
                print(f"  {place}. {text[:160]}")


def main(argv: list[str] | None = None) -> int:
    """Score both rankings on the corpus and print the result."""
    parser = argparse.ArgumentParser(prog="python -m bench.ranking", description=__doc__.split("\n")[0])
    parser.add_argument("directory", type=Path, help="a folder with articles/ and expected/")
    parser.add_argument("--json", action="store_true", help="print the shares as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="list the questions ranked wrong")
    args = parser.parse_args(argv)
    try:
        result = asyncio.run(rank(args.directory))
    except FileNotFoundError as exc:
        print(f"bench.ranking: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.as_json(), indent=2))
        return 0
    if args.verbose:
        print_misses(result)
    print_summary(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
