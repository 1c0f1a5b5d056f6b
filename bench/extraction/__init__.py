"""The extraction scorer: what the extractors take from articles, against what a careful reader takes.

``python -m bench.extraction DIR [--json] [--verbose]``. DIR is laid out like the development
corpus: ``articles/NN-slug.txt|.md`` and ``expected/NN-slug.json`` (schema: the corpus README,
summarised in ``bench/extraction/README.md``). For each article, in a fresh store holding only
that article:

1. the records ``knowledge.extract`` takes from it are paired with the expected ones, kind by kind
   (``matching``), giving true positives, false positives and misses;
2. the article's ``command_checks`` are answered by the real command tree (``bot.console``'s local
   Discord) and judged by the corpus's matching rules (``checks``).

The scorer only measures: it never changes what is extracted, and it reads no expectation into
the store.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.extraction.checks import CheckResult, run_checks
from bench.extraction.matching import KINDS, KindScore, score_article
from knowledge.ingest import analyse

ARTICLE_SUFFIXES = (".txt", ".md")


@dataclass
class ArticleScore:
    """One article's scores: per kind, and its command checks."""

    name: str
    kinds: dict[str, KindScore]
    checks: list[CheckResult]
    error: str | None = None


@dataclass
class CorpusScore:
    """The scores of every article of a corpus, and their sums."""

    articles: list[ArticleScore] = field(default_factory=list)

    def kind_totals(self) -> dict[str, KindScore]:
        """Return each kind's score summed over the articles."""
        totals = {kind: KindScore() for kind in KINDS}
        for article in self.articles:
            for kind, score in article.kinds.items():
                totals[kind].add(score)
        return totals

    def check_totals(self) -> dict[str, tuple[int, int]]:
        """Return (passed, total) of the command checks per command, and under "all"."""
        totals: dict[str, tuple[int, int]] = {}
        for article in self.articles:
            for check in article.checks:
                for key in (check.command, "all"):
                    passed, total = totals.get(key, (0, 0))
                    totals[key] = (passed + check.passed, total + 1)
        return totals

    def as_json(self) -> dict[str, Any]:
        """Return the scores in the documented ``--json`` shape."""
        checks = self.check_totals()
        passed, total = checks.get("all", (0, 0))
        return {
            "kinds": {kind: score.as_json() for kind, score in self.kind_totals().items()},
            "checks": {
                "passed": passed,
                "total": total,
                "by_command": {k: {"passed": p, "total": t} for k, (p, t) in checks.items() if k != "all"},
            },
        }


def corpus_pairs(directory: Path) -> list[tuple[Path, Path]]:
    """Return (article, expected) file pairs of a corpus directory, in name order."""
    articles = directory / "articles"
    expected = directory / "expected"
    if not articles.is_dir() or not expected.is_dir():
        raise FileNotFoundError(f"{directory} has no articles/ and expected/ folders")
    pairs = []
    for path in sorted(articles.iterdir()):
        if path.suffix in ARTICLE_SUFFIXES and (expected / f"{path.stem}.json").is_file():
            pairs.append((path, expected / f"{path.stem}.json"))
    return pairs


async def score_pair(article_path: Path, expected_path: Path, scratch: Path) -> ArticleScore:
    """Score one article: its records against the expected ones, then its command checks."""
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    raw = article_path.read_text(encoding="utf-8")
    try:
        article, extraction = analyse(raw)
    except Exception as exc:  # an extractor bug is a finding of the scorer, not its end
        return ArticleScore(article_path.name, {}, [], error=f"{type(exc).__name__}: {exc}")
    kinds = score_article(article, extraction, expected)
    checks = await run_checks(article_path, expected.get("command_checks", []), scratch)
    return ArticleScore(article_path.name, kinds, checks)


async def score_corpus(directory: Path) -> CorpusScore:
    """Score every article of a corpus directory, each in a fresh store."""
    result = CorpusScore()
    with tempfile.TemporaryDirectory(prefix="briefbot-score-") as scratch:
        for index, (article, expected) in enumerate(corpus_pairs(directory)):
            folder = Path(scratch) / str(index)
            folder.mkdir()
            result.articles.append(await score_pair(article, expected, folder))
    return result


def score(directory: Path) -> CorpusScore:
    """Score a corpus directory (blocking)."""
    return asyncio.run(score_corpus(directory))
