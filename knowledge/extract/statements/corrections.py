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
* A correction that moves a quotation to its real speaker ("It also attributed the quote “…” to
  Jane Doe. It was said by John Roe."; "we attributed a quote to Jane Doe. The quote was in fact
  from John Roe.") takes the words from Jane Doe's statements and gives them to John Roe: the
  statement of hers that shares the most words with the quotation it gives, or, when it gives
  none, her one verbatim statement in the entry it names ("our 09:15 entry") or in the article.
  Words it gives that nobody was found saying become John Roe's statement, cited to the sentence
  that has them.
* A retraction ("Earlier, we reported that Spain had agreed to spend 3.5%. That was incorrect.")
  withdraws the statement that reported it: any statement of the article that has at least
  RETRACTED_SHARE of the retracted claim's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.people import titled_name
from knowledge.extract.statements.spans import Quotation
from knowledge.extract.statements.speakers import Cast, Speaker, speaker_at
from knowledge.models import Article, Passage, SpeakerType, StatementKind, StatementRecord

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


def _shared(a: str, b: str) -> float:
    """Return the share of words two texts have in common, against the longer one's words."""
    words, theirs = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(words & theirs) / max(len(words), len(theirs), 1)


def apply_correction(records: list[StatementRecord], corrected: StatementRecord) -> list[StatementRecord]:
    """Return records with the corrected statement in place of the wrong one it corrects."""
    best, best_share = None, _SHARED
    for i, record in enumerate(records):
        if record.speaker != corrected.speaker or record.kind is not StatementKind.VERBATIM:
            continue
        share = _shared(corrected.text, record.text)
        if share >= best_share:
            best, best_share = i, share
    if best is None:
        return [*records, corrected]
    # The source is the correction: the sentence that carried the wrong words shows them still.
    wrong = records[best]
    kept = corrected.model_copy(update={"when": wrong.when, "medium": wrong.medium, "place": wrong.place})
    return [*records[:best], kept, *records[best + 1 :]]


# "It also attributed the quote “…” to", "we attributed a quote to", "misattributed a remark to"
_ATTRIBUTED = re.compile(
    r"\b(?:(?:wrongly|incorrectly|mistakenly|erroneously)\s+)?(?:mis)?(?:attributed|ascribed)\s+"
    r"(?:(?:a|the|this|one|that|his|her)\s+)?(?:quote|quotation|remark|comment|statement|words|line|phrase|sentence)\b"
    r"(?:\s*(?P<open>[“\"])(?P<words>[^”\"]{3,400})[”\"])?\s+to\s+"
)
# What frames a note as the outlet's own correction: "Correction:", "An earlier version", "we", "our".
_CORRECTING = re.compile(
    r"\b(?:[Cc]orrection|[Cc]larification|[Ee]arlier\s+version|[Ww]e|[Oo]ur|[Tt]his\s+(?:article|story|post|report))\b"
)
# "It was said by", "The quote was in fact from", "the remark was made by"
_REAL_SPEAKER = re.compile(
    r"(?:^|[.;]\s+|,\s+(?:and\s+)?)(?:[Ii]t|[Tt]he\s+(?:quote|quotation|remark|comment|statement|words|line|phrase|sentence))\s+"
    r"(?:was|were)\s+(?:in\s+fact\s+|actually\s+|instead\s+|really\s+)?(?:said\s+by|made\s+by|spoken\s+by|"
    r"written\s+by|from|by)\s+"
)
_ENTRY_TIME = re.compile(r"\b(?:our|the)\s+(?P<time>\d{1,2}[:.]\d{2})\s+(?:entry|post|update|item)\b")


@dataclass(frozen=True, slots=True)
class Reattribution:
    """A correction that moves a quotation from the wrong speaker to the right one."""

    passage: int
    wrong: str
    right: str
    words: str | None
    entry_time: str | None


def reattribution(article: Article, passage: Passage, cast: Cast) -> Reattribution | None:
    """Return the move a correction passage makes ("attributed the quote “…” to X. It was said by Y.")."""
    text = passage.text
    cue = _ATTRIBUTED.search(text)
    if cue is None or _CORRECTING.search(text) is None:
        return None
    wrong, wrong_end = _named_at(text, cue.end(), cast)
    if wrong is None or wrong.type is not SpeakerType.PERSON:
        return None
    following = (
        article.passages[passage.position + 1].text if passage.position + 1 < len(article.passages) else ""
    )
    right = None
    for where, start in ((text, wrong_end), (following, 0)):
        real = _REAL_SPEAKER.search(where, start)
        if real is not None and (real.start() == start or where is text):
            right, _ = _named_at(where, real.end(), cast)
            if right is not None:
                break
    if right is None or right.name == wrong.name or right.type is not SpeakerType.PERSON:
        return None
    entry = _ENTRY_TIME.search(text)
    return Reattribution(
        passage.position,
        wrong.name,
        right.name,
        cue.group("words").strip().rstrip(",.") if cue.group("words") else None,
        entry.group("time") if entry else None,
    )


def _named_at(text: str, start: int, cast: Cast) -> tuple[Speaker | None, int]:
    """Return the speaker named at start and where the name ends: someone the article introduced,
    else a titled name written only here ("to Prime Minister Luís Montenegro", "from King
    Willem-Alexander")."""
    speaker, end = speaker_at(text, start, cast)
    titled = titled_name(text, start) if speaker is None else None
    return (Speaker(titled[0]), titled[1]) if titled is not None else (speaker, end)


def apply_reattribution(
    records: list[StatementRecord], move: Reattribution, article: Article
) -> list[StatementRecord]:
    """Return records with the quotation a correction moves given to its real speaker."""
    theirs = [
        (i, r)
        for i, r in enumerate(records)
        if r.speaker == move.wrong and r.kind in (StatementKind.VERBATIM, StatementKind.PARTIAL)
    ]
    chosen: int | None = None
    if move.words is not None:
        best_share = _SHARED
        for i, record in theirs:
            share = _shared(move.words, record.text)
            if share >= best_share:
                chosen, best_share = i, share
    else:
        entry = [
            (i, r)
            for i, r in theirs
            if move.entry_time is not None
            and article.passages[r.passage].text.lstrip().startswith(move.entry_time)
        ]
        candidates = entry or theirs
        chosen = candidates[0][0] if len(candidates) == 1 else None
    if chosen is not None:
        moved = records[chosen].model_copy(update={"speaker": move.right, "speaker_type": SpeakerType.PERSON})
        return [*records[:chosen], moved, *records[chosen + 1 :]]
    if move.words is None:
        return records
    if any(r.speaker == move.right and _shared(move.words, r.text) >= _SHARED for r in records):
        return records  # the article already gives the words to their real speaker
    said = next(
        (p.position for p in article.passages if p.position != move.passage and move.words in p.text),
        move.passage,
    )
    return [
        *records,
        StatementRecord(
            passage=said,
            speaker=move.right,
            speaker_type=SpeakerType.PERSON,
            kind=StatementKind.VERBATIM,
            text=move.words,
        ),
    ]


RETRACTED_SHARE = 0.6
# "Earlier, we reported that ...", "we previously said that ...", "An earlier version reported that ..."
_WE_REPORTED = re.compile(
    r"\b(?:we|[Aa]n?\s+(?:earlier|previous)\s+(?:version|entry|post|update))\s+(?:had\s+)?(?:\w+ly\s+)?"
    r"(?:reported|said|wrote|stated)\s+that\s+(?P<claim>\S)"
)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z])")
_NOT_SO = re.compile(
    r"^\W*(?:that|this|it)\s+(?:was|is)\s+(?:incorrect|wrong|not\s+(?:correct|true|the\s+case)|untrue|false|inaccurate)\b",
    re.I,
)


def retracted_claims(article: Article) -> list[frozenset[str]]:
    """Return the words of each claim the article retracts ("we reported that ...". "That was incorrect.")."""
    claims = []
    for position, passage in enumerate(article.passages):
        if " that " not in passage.text:
            continue  # "we reported that ...": spare every other sentence the search
        said = _WE_REPORTED.search(passage.text)
        if said is None:
            continue
        claim, *rest = _SENTENCE_END.split(passage.text[said.start("claim") :], maxsplit=1)
        following = article.passages[position + 1].text if position + 1 < len(article.passages) else ""
        if _NOT_SO.match(rest[0] if rest else following):
            claims.append(frozenset(_WORD.findall(claim.lower())))
    return claims


def is_retracted(record: StatementRecord, claims: list[frozenset[str]]) -> bool:
    """Return whether a statement says what the article has retracted."""
    words = set(_WORD.findall(record.text.lower()))
    return any(len(words & claim) >= RETRACTED_SHARE * len(claim) for claim in claims)
