"""Corrections of a quotation: a correction that gives a person's right words replaces the wrong ones.

Rules:

* A correction is a sentence that says the article misquoted someone ("Correction: our 10:40
  entry misquoted Jane Doe; the quote is “…”", "An earlier version of this article misquoted Jane
  Doe, who said “…”"). The quotation in that sentence is the person's verbatim statement.
* "misquoted Jane Doe as saying “…”" gives the wrong words: no statement of hers keeps them, and
  the right words are the next quotation of the sentence, if it gives them ("; she said “…”").
* It replaces the person's earlier verbatim statement that shares the most words with it (at
  least a third of the longer text's words): the wrong words are no longer the person's. If no
  earlier statement is that close, the corrected quotation is kept beside the others.
"""

from __future__ import annotations

import re

from knowledge.extract.statements.spans import Quotation
from knowledge.extract.statements.speakers import Cast, speaker_at
from knowledge.models import Passage, StatementKind, StatementRecord

_MISQUOTED = re.compile(r"\b(?:misquoted|misattributed|incorrectly quoted|wrongly quoted)\s+")
_WORD = re.compile(r"\w+")
_WRONG_WORDS = re.compile(
    r"\bas\s+(?:saying|having said|writing|having written|telling\s+[\w ]{1,40}?)\s*[,:]?\s*$"
)
_SHARED = 1 / 3


def correction(passage: Passage, quotes: list[Quotation], body: str, cast: Cast) -> StatementRecord | None:
    """Return the corrected statement a passage gives, if it is a correction of a quotation."""
    cue = _MISQUOTED.search(passage.text)
    if cue is None or not quotes:
        return None
    speaker, _end = speaker_at(passage.text, cue.end(), cast)
    if speaker is None:
        return None
    after = [q for q in quotes if passage.start + cue.end() <= q.start < passage.end]
    if after and _WRONG_WORDS.search(body[passage.start + cue.end() : after[0].start]):
        after = after[1:]  # "misquoted Doe as saying “…”": those are the wrong words
    quote = after[0] if after else None
    if quote is None:
        return None
    return StatementRecord(
        passage=passage.position,
        speaker=speaker.name,
        speaker_type=speaker.type,
        kind=StatementKind.VERBATIM,
        text=quote.words(body).removesuffix(",").rstrip(),
    )


def misquotation(passage: Passage, quotes: list[Quotation], body: str, cast: Cast) -> tuple[str, str] | None:
    """Return (speaker, wrong words) of "misquoted Jane Doe as saying “…”": words she never said."""
    cue = _MISQUOTED.search(passage.text)
    if cue is None:
        return None
    speaker, _end = speaker_at(passage.text, cue.end(), cast)
    after = [q for q in quotes if passage.start + cue.end() <= q.start < passage.end]
    if (
        speaker is None
        or not after
        or not _WRONG_WORDS.search(body[passage.start + cue.end() : after[0].start])
    ):
        return None
    return speaker.name, after[0].words(body)


def is_misquote(record: StatementRecord, misquote: tuple[str, str]) -> bool:
    """Return whether a verbatim statement is the misquotation a correction withdrew (same words)."""
    speaker, wrong = misquote
    return (
        record.speaker == speaker
        and record.kind is StatementKind.VERBATIM
        and _WORD.findall(record.text.lower()) == _WORD.findall(wrong.lower())
    )


def apply_correction(records: list[StatementRecord], corrected: StatementRecord) -> list[StatementRecord]:
    """Return records with the corrected statement in place of the wrong one it corrects."""
    words = set(_WORD.findall(corrected.text.lower()))
    best, best_share = None, _SHARED
    for i, record in enumerate(records):
        if record.speaker != corrected.speaker or record.kind is not StatementKind.VERBATIM:
            continue
        theirs = set(_WORD.findall(record.text.lower()))
        share = len(words & theirs) / max(len(words), len(theirs), 1)
        if share >= best_share:
            best, best_share = i, share
    if best is None:
        return [*records, corrected]
    # The source is the correction: the sentence that carried the wrong words shows them still.
    wrong = records[best]
    kept = corrected.model_copy(update={"when": wrong.when, "medium": wrong.medium, "place": wrong.place})
    return [*records[:best], kept, *records[best + 1 :]]
