"""Statements without quotation marks: transcript turns and a guest author's op-ed.

Rules:

* A transcript turn is a paragraph opening with a label and a colon: ``KALLAS:``, ``Q:``/``A:``,
  ``CHAIR:``, ``Ms Okoro (Labour):``, ``The Secretary of State (John Healey):``. The words after
  the label are the speaker's verbatim words. The label names the speaker by surname, full name
  (in brackets after a role), role ("CHAIR" is the person whose stated role is chair) or, for
  ``A:``, the person the article introduces as interviewed. Interviewers' questions (``Q:``,
  ``INTERVIEWER:``) are no statements.
"""

from __future__ import annotations

from knowledge.extract.statements.speakers import Cast
from knowledge.models import Article, Passage, StatementRecord


def turn_statements(passages: list[Passage], cast: Cast) -> list[StatementRecord] | None:
    """Return the statement of a transcript turn, or None when the paragraph is no turn."""
    return None


def byline_statements(article: Article, cast: Cast, found: list[StatementRecord]) -> list[StatementRecord]:
    """Return a guest author's own statements in an op-ed."""
    return []
