"""``python -m bench.extraction DIR [--json] [--verbose]``: score extraction on a corpus directory.

Prints precision, recall and F1 per kind and the pass rate of the command checks per command;
``--verbose`` lists every miss, every false record and every failed check, by article; ``--json``
prints ``{"kinds": {...}, "checks": {"passed": .., "total": ..}}``. Exit code 0 (a low score is a
finding, not a failure), 2 when DIR is not a corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.extraction import CorpusScore, score


def main(argv: list[str] | None = None) -> int:
    """Score the corpus and print the result."""
    parser = argparse.ArgumentParser(prog="python -m bench.extraction", description=__doc__.split("\n")[0])
    parser.add_argument("directory", type=Path, help="a folder with articles/ and expected/")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and false record")
    args = parser.parse_args(argv)
    try:
        result = score(args.directory)
    except FileNotFoundError as exc:
        print(f"bench.extraction: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.as_json(), indent=2))
        return 0
    if args.verbose:
        print_details(result)
    print_summary(result)
    return 0


def print_details(result: CorpusScore) -> None:
    """Print each article's misses, false records and failed checks."""
    for article in result.articles:
        lines = [f"  ERROR {article.error}"] if article.error else []
        for kind, kind_score in article.kinds.items():
            lines += [f"  {kind} miss: {m}" for m in kind_score.misses]
            lines += [f"  {kind} FALSE: {f}" for f in kind_score.false_records]
        for check in article.checks:
            if not check.passed:
                lines.append(f"  check {check.id} {check.input}: {'; '.join(check.reasons)}")
        if lines:
            print(f"\n{article.name}")
            print("\n".join(lines))
    print()


def print_summary(result: CorpusScore) -> None:
    """Print the per-kind and per-command table."""
    print(f"{'kind':<12}{'precision':>10}{'recall':>8}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}")
    for kind, s in result.kind_totals().items():
        print(f"{kind:<12}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>5}{s.fn:>5}")
    errors = sum(a.error is not None for a in result.articles)
    print(f"\n{'checks':<12}{'passed':>10}{'total':>8}{'rate':>7}")
    for command, (passed, total) in sorted(result.check_totals().items(), key=lambda kv: kv[0] == "all"):
        print(f"{command:<12}{passed:>10}{total:>8}{passed / total:>7.1%}")
    print(f"\n{len(result.articles)} articles" + (f", {errors} failed to extract" if errors else ""))


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # "| head": the reader has what it wanted
        sys.stderr.close()
        sys.exit(0)
