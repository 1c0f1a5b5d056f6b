"""Find what people, documents and unnamed sources said: verbatim, partial and reported statements.

Rules (the pieces live in ``spans``, ``speakers``, ``frames`` and ``transcripts``):

* Quotations are found by pairing marks over the whole body (``spans``), so curly singles,
  guillemets, nesting and quotations running over several paragraphs are read like doubles.
* VERBATIM: a quotation that opens its sentence and is followed by its attribution
  (`“…,” she said.`, `“…,” said the minister.`), or that a frame introduces and that ends the
  sentence (`Kallas wrote on X: “…”`, `In 2019, Kowalski declared, “…”`), or a sentence ending in
  a colon whose subject is a speaker (`Later, Weber went further:`) before it. A quotation split
  by its attribution (`“A,” she said, “B.”`) is one statement with two segments. An original
  or translation in brackets between a quotation and its attribution (`“A” («A'»), she said`) is
  the same words, no second statement. A quotation
  standing alone continues the verbatim statement just before it in the same paragraph, or the
  colon-introduced speaker of the sentence before; a paragraph that is only a quotation continues
  the paragraph before when that one was a quotation and its attribution (`“…,” Ekdahl said.`), as
  wires write in one-sentence paragraphs (after `X said: “…”` a bare quotation is no one's).
* PARTIAL: quoted words inside a speaker's reported clause (`She said allies want “a fair deal”.`).
  Its text is the reported clause with the speaker's words in the article's own marks ("allies
  want “a fair deal”"): the marks show which words are verbatim, and the rest is never shown as
  a quotation. Several quoted fragments of one clause make one statement. A sentence whose
  quoted words end in ", according to X." is X's partial statement, a document's too. A name given in
  quotation marks ("called the plan “a paper tiger”") ends the statement at its closing mark. A
  second speech verb of the speaker after the quotation (", but warned MPs that “…”") ends the
  clause and opens a second statement.
* REPORTED: a sentence without quotation marks whose frame reports a clause (see ``frames``):
  at its start, in a relative clause ("Jane Doe, who wrote that …"), in a second predicate
  ("Denmark set up a fund and said …"), or after the clause ("…, the ministry said on Monday");
  or "According to X, …" / "…, according to X"; or inverted at the end ("…, said the ministry on
  Monday."); or inside a relative clause ("a method that she says could cut costs"). A clause
  after its speech verb is governed by the verb to its end: a relative clause inside it ("argued
  that Oslo, which spends 3%, is proof ...") or closing it ("..., which the law now allows") is
  part of what was said. Before a trailing attribution or "according to", a comma-set relative
  aside ("Oslo, which spends 3%, has agreed, officials said") is the writer's and left out. A
  participle after the clause (", using …") and a summing-up apposition (", a level that no
  ally reached") are the writer's and left out. A clause may hold
  more reports: a known person's relative clause of speech ("…, to suit Doe, who has complained
  that …") and ", and she has praised …" are reports of their own. Two people as one subject ("X
  and Y promised …") each make the statement. Never shown in quotation marks. A report the same speaker repeats
  later (a wire update, an expanded lead) is kept once, in the later telling. A participle of
  speech reports for the sentence's speaker: after an attributed quotation ("“…,” she said,
  adding that …", quoted words in it make a partial), after a non-speech main clause ("The
  ministry confirmed the delivery, saying …"), or as "adding that …" after a report (other
  participles there give the report's reasons and are left out). A body's or a
  group's standing view ("Diplomats say …", "the government says …") and what it "had said"
  before the story are the article's background, not statements (``_background``).
* The sentence before a quotation in its paragraph may date it (a day; a month if it tells of
  the speaking) and, when its subject is the same speaker, give its medium.
* Transcripts, releases and op-eds (``transcripts``): turn labels, a guest author's byline, and
  here: "The Minister said:" followed by one paragraph without quotation marks (her words), and a
  Markdown blockquote without quotation marks after a sentence whose subject is a speaker.
* Quoted text keeps its exact words; a trailing comma belongs to the attribution and is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from knowledge.extract.people import (
    NUMBERED_PARAGRAPH,
    STRONG,
    PersonIndex,
    Referent,
    shared_index,
    turn_label,
)
from knowledge.extract.reader import is_table_row, opens_paragraph
from knowledge.extract.statements.corrections import (
    apply_correction,
    apply_reattribution,
    correction,
    is_misquote,
    is_retracted,
    misquotation,
    reattribution,
    retracted_claims,
)
from knowledge.extract.statements.frames import (
    CHAT_TURN,
    CLAUSE_START,
    OBJECT_VERBS,
    STAMP,
    VERB,
    Frame,
    attribution_after,
    author_of,
    characterization,
    clause_after,
    embedded_report,
    frame,
    handle_owner,
    inserted_report,
    medium_of,
    noun_phrase,
    only_details,
    parenthetical_report,
    participle_report,
    person_at,
    place_of,
    relative_naming,
    relative_report,
    relative_speaker,
    reported_clause,
    second_predicate,
    second_report,
    subject_of,
    tells_of_speaking,
    trailing_attribution,
    when_of,
    words_of,
)
from knowledge.extract.statements.gender import genders
from knowledge.extract.statements.scene import (
    DATELINE,
    Scene,
    interview_scene,
    lead_limit,
    scene_of,
    tells_of_full_text,
    tells_of_interview,
)
from knowledge.extract.statements.spans import Quotation, find_quotations
from knowledge.extract.statements.speakers import Cast, Speaker, handle_person, speaker_at
from knowledge.extract.statements.transcripts import (
    byline_author,
    byline_statements,
    join_interrupted,
    quoted_in_turn,
    speech_statements,
    turn_statements,
    without_stage_marks,
)
from knowledge.extract.timeref import find_times
from knowledge.models import (
    Article,
    EventStatus,
    PartialDate,
    Passage,
    PersonRecord,
    SpeakerType,
    StatementKind,
    StatementRecord,
    TimeRef,
)

# Words the writer appends to a reported clause: a comment (a summing-up apposition too), a second clause of the writer's own
# ("..., and he has praised ...", "... but did not give a figure"), a time frame ("..., a day after"),
# another source's report ("..., and diplomats said ...").
_FRAMING = re.compile(
    r"(?:,\s+(?:even as|even though|even if|amid|despite|while|whereas|although|though|as|after|before"
    r"|according to|referring to|in a|in an|(?!including\b)[a-z]{2,}ing|but|a day after|hours after"
    r"|days after|and (?:he|she|they|it) (?:has|had|have|also|later|then)|and (?:he|she|they) \w+ed"
    r"|and (?:[\w’'-]+\s+){1,3}(?:said|say|says|told|added|warned))\b"
    r"|\s+but (?:did|does|do|has|had) not\b"
    # "... but would not say when" is the writer's; "she would attend but would not sign" is hers
    r"|\s+but (?:would|could) not (?:say|give|comment|elaborate|confirm|disclose|name|specify|provide|offer)\b"
    # a summing-up apposition is the writer's comment: "..., a level that no ally reached"
    r"|,\s+an?\s+[a-z]+(?:\s+[a-z]+)?\s+(?:that|which|other|few|many|most|some|no|not)\b).*$",
    re.S,
)
# The speaker's own characterisation in a participle keeps the quoted words: "..., describing the
# talks as “very concrete”" is hers, not the writer's comment.
_QUOTING_PARTICIPLE = re.compile(
    r",\s+(?:describing|calling|terming|dubbing|branding|labelling|labeling)\b[^,;]{0,80}?[“\"‘]"
    # the speaker's reasons in their own quoted words: "..., arguing that the army was no longer
    # "the ministry we cut first""
    # (not another's words it reports: "noting that Prime Minister Donald Tusk had called it “...”")
    r"|,\s+(?:arguing|warning|insisting|stressing|saying|noting|explaining)\s+that\b[^,;A-Z]{0,120}?[“\"‘]"
)


_AND_NEXT = re.compile(r",\s+and\s+")
_HAS_WORDS = re.compile(r"[^\W\d_]{2}")


def _inserted_report(passage: Passage, inserted: tuple[Frame, str], cast: Cast) -> list[StatementRecord]:
    """Return the report of an attribution set inside a sentence ("The general, she said, had promised
    to send a team": hers, not his promise), and a second speaker's clause after ", and" ("..., and
    Minister Vardas said the navy would wait") as theirs."""
    frame_, clause = inserted
    for joint in _AND_NEXT.finditer(clause):
        other = reported_clause(clause[joint.end() :], cast)
        if other is not None and other[0].speaker != frame_.speaker:
            second = _report(passage, other, clause[joint.end() :], cast)
            return _report(passage, (frame_, 0, ""), clause[: joint.start()], cast) + second
    return _report(passage, (frame_, 0, ""), clause, cast)


def _without_framing(clause: str) -> str:
    """Return a reported clause without the words the writer appended to it (``_FRAMING``).

    Words inside quotation marks are the speaker's own, never the writer's: 'said that "the plan
    is sound, but it is late."' keeps its ", but it is late"."""
    kept = _QUOTING_PARTICIPLE.search(clause)
    if kept is None:
        return _unframed(clause)
    return _unframed(clause[: kept.start()]) + clause[kept.start() :]


def _unframed(clause: str) -> str:
    """Return the clause up to the first of the writer's appended words outside quotation marks."""
    position = 0
    while (framing := _FRAMING.search(clause, position)) is not None:
        if not _inside_quotation(clause, framing.start()):
            return clause[: framing.start()]
        position = framing.start() + 1
    return clause


def _inside_quotation(text: str, at: int) -> bool:
    """Return whether text[at] lies inside a quotation opened before it and not yet closed."""
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# A relative clause set off by commas inside a clause that precedes its attribution is the writer's
# aside: "Belgium and Canada, which spend less, have agreed, officials said" reports that Belgium and
# Canada have agreed. After a speech verb the clause is the verb's to its end, asides included.
_ASIDE = re.compile(
    r",\s+(?:which|who)\s+[^,“”\"]{1,150},(?=\s+(?:has|have|had|is|are|was|were|will|would|must|can|could|should|may|might|\w+ed)\b)"
)
_NEW_SUBJECT = re.compile(r",\s+and\s+(?!that\b)(?=[A-Z]|[\w-]+[’']s\s)")
_EXPECTING = frozenset(("expects", "expected", "hopes", "hoped", "wants", "wanted"))
_INFINITIVE = re.compile(
    r"(?:(?!(?:is|are|was|were|will|would|could|can|has|have|had|must|should|may|might)\b)[\w’'-]+\s+){1,5}?to\s+[a-z]"
)
# "who takes over next week": a time to come sets no scene for words already said
_FUTURE = re.compile(r"(?:next|coming|later this)\b", re.I)
_CREDITED = re.compile(r"[,.]?\s*,\s+according to (?P<who>[^,.;“”\"]{1,80}?)\s*\.?\s*")
_BRACKET_OPENS = re.compile(r",?\s*\(")
_LEADING_JOIN = re.compile(r"^[\s,;]*(?:(?:and|but)\s+)?")
_BLOCKQUOTE = re.compile(r"^[ \t]*>[ \t]?", re.M)  # a Markdown blockquote's marks are layout
# An embedded social-media post: a blockquote led by its account's handle ("> @DanMoreauMND: ...").
_POSTED = re.compile(r"[ \t]*>[ \t]?@(?P<handle>[A-Za-z][\w.]{2,40}\w):\s+")
_POSTED_HANDLE = re.compile(r"^@[A-Za-z][\w.]{2,40}\w:\s+")  # the handle opening a post's text
_WORDS = re.compile(r"\w+")
_QUALIFIED = re.compile(r"\s+(?:for|from|in|at|with|to|close to|near|familiar with|involved in|briefed on)\s")
REPEAT_SHARE = 0.6  # of the longer text's words: below it, two reports say different things
_PRONOUN_START = re.compile(r"(?:[^,]{1,100},\s+)?(?:[Hh]e|[Ss]he|[Tt]hey)\b")
_OBJECT_PRONOUN = re.compile(r"^(?:her|him|them)$")
_SUBJECT_FORM = {"her": "she", "him": "he", "them": "they"}
_PRESENT_SAY = frozenset(("say", "says"))
_PAST_PERFECT = re.compile(r"\bhad\s+(?:[a-z]+ly\s+|already\s+|also\s+)?$")
_TEXTS = frozenset(
    ("communiqué", "communique", "declaration", "statement", "report", "letter", "memo", "brief")
)
# A clause that opens with a named subject's words: "Oslo says ...", "Northland insists ...".
_SAYS_OPENING = re.compile(r"(?:[A-Z][\w’'-]*\s+){1,3}(?:says|said|insists|insisted|claims|claimed)\s")
_ACCORDING_TO = (
    re.compile(r"According to (?P<who>[^,]{1,80}),\s+(?P<clause>.+)", re.S),
    re.compile(r"(?P<clause>.+),\s+according to (?P<who>[^,]{1,80}?)\.?", re.S),
)


@dataclass(slots=True)
class _Said:
    """The attribution a quotation continues: speaker, time and medium."""

    speaker: Speaker
    when: TimeRef | None
    medium: str | None
    place: str | None = None


def _said(speaker: Speaker, details: str, cast: Cast, context: Passage | None = None) -> _Said:
    """Return an attribution with the time, medium and place its words give.

    The sentence before it in the paragraph may set the scene: a day it names (a month, if it
    tells of the speaking) dates words that name no time ("The first came late on Friday. Jane Doe wrote: “…”"), and a medium it gives
    the same speaker carries over ("Doe made the case in a LinkedIn post. “…,” Doe wrote.").
    """
    said = _Said(speaker, when_of(details, cast.published), medium_of(details, cast), place_of(details))
    if context is None:
        return said
    if said.when is None:
        # A day sets a scene; a month only when the sentence tells of the speaking ("told MPs in April").
        precise = re.search(rf"\b(?:{VERB})\b", context.text) is not None
        times = find_times(context.text, cast.published)
        found = next(
            (
                ref
                for ref, _s, _e in times
                if (ref.day or (precise and ref.month)) and not _FUTURE.match(ref.text)
            ),
            None,
        )
        said.when = when_of(found.text, cast.published) if found else None  # never after publication
    if said.medium is None and subject_of(context.text, cast) == speaker:
        said.medium = medium_of(context.text, cast)
    return said


def _before(passages: list[Passage], sentence: Passage) -> Passage | None:
    """Return the sentence before this one in its paragraph, if any."""
    i = bisect_left(passages, sentence.position, key=lambda p: p.position)
    return passages[i - 1] if i > 0 else None


@dataclass(slots=True)
class _Reading:
    """What reading an article carries from passage to passage."""

    article: Article
    index: PersonIndex
    roles: dict[str, str]
    referents: list[Referent | None]
    recent: list[str] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)  # passages inside or holding a quotation
    described: Referent | None = None  # the person a role noun last made a sentence's subject
    corrections: list[StatementRecord] = field(default_factory=list)  # right words for misquotes
    misquotes: list[tuple[str, str]] = field(default_factory=list)  # (speaker, words never said)
    genders: dict[str, str] = field(default_factory=dict)  # who the article marks as a woman or a man
    documents: list[str] = field(default_factory=list)  # documents that have spoken, latest last
    author: str | None = None  # an op-ed's author (byline with a role): who "I" is in the writer's own text

    def note_documents(self, records: list[StatementRecord]) -> None:
        """Remember the texts that made statements: "the document" later refers to the latest.

        Only texts ("the communiqué", "the declaration"): a ministry is a body, not a document.
        """
        for record in records:
            if (
                record.speaker_type is SpeakerType.DOCUMENT
                and record.speaker.split()[-1].lower() in _TEXTS
                and record.speaker not in self.documents[-1:]
            ):
                self.documents.append(record.speaker)

    def cast(self, passage: Passage) -> Cast:
        """Return what resolving a speaker in this passage needs."""
        referent = self.referents[passage.position]
        described = self.described
        if (
            described is not None
            and described.unnamed
            and (
                not _just_before(self.article, described, passage)
                # "Mark Rutte closed the summit. An aide described the speech as blunt. “...,” he said.":
                # a person the paragraph named is the likelier "he"
                or (
                    referent is not None
                    and self.article.passages[referent.passage].paragraph == passage.paragraph
                )
            )
        ):
            described = None  # an unnamed source is "he" only in the next sentence of its paragraph
        if described and (referent is None or described.passage > referent.passage):
            referent = described  # "The engineer lifts a shell. “…,” she said."
        return Cast(
            self.index.at(passage.position),  # a shared surname names whoever was introduced by then
            self.roles,
            list(self.recent),
            referent,
            passage.position,
            self.article.meta.published,
            self.genders,
            self.documents[-1] if self.documents else None,
            self.author,
            self.article.meta.outlet,
        )


def _just_before(article: Article, referent: Referent, passage: Passage) -> bool:
    """Return whether the referent's passage is the sentence before passage, in its paragraph."""
    return (
        referent.passage == passage.position - 1
        and article.passages[referent.passage].paragraph == passage.paragraph
    )


# A fact box's label before a quotation: "**Quote:**", "Quote of the day:", "In their words:".
_LABEL_HEAD = re.compile(r"(?:\*\*|__)?[A-Z][\w’' ]{0,30}:(?:\*\*|__)?")
_STAGE_DIRECTION = re.compile(r"\[[^\]]*\]|\([^)]*\)")

# --- assembling -------------------------------------------------------------------------------


def extract_statements(
    article: Article, people: list[PersonRecord], referents: Sequence[Referent | None] | None = None
) -> list[StatementRecord]:
    """Return the statements of the article's speakers, in passage order.

    ``referents`` is ``shared_index(tuple(people)).referents(article.passages)`` when the caller
    has it already (``extract`` works it out once for statements and events); else it is computed.
    """
    index = shared_index(tuple(people))
    roles = {p.name: (p.role or "").lower() for p in people}
    pronouns = index.referents(article.passages) if referents is None else referents
    reading = _Reading(article, index, roles, list(pronouns))
    reading.genders = genders(people, article.body)
    opening = reading.cast(article.passages[0]) if article.passages else None
    author = byline_author(article, opening) if opening is not None else None
    reading.author = author.name if author is not None else None
    paragraphs = _paragraphs(article.passages)
    quotations = find_quotations(article.body, [(ps[0].start, ps[-1].end) for ps in paragraphs])
    reading.covered = _covered(article.passages, quotations)
    scene = scene_of(article)
    asked = (interview_scene(article) if scene.medium is None else None) or scene  # what turns answer
    told = tells_of_interview(article)  # the title or lead tells of someone interviewed
    interviewed = scene.medium is not None or told  # "A:" answers someone
    records: list[StatementRecord] = []
    carried: _Said | None = None
    previous: list[Passage] = []  # the paragraph before: a blockquote's speaker is its subject
    # where the transcript's last labelled turn is: a paragraph before it with no label goes on
    # with the turn before it ("SPOKESPERSON: Good morning ..." then "Leaders will meet ...")
    last_turn = max(
        (i for i, ps in enumerate(paragraphs) if turn_label(ps[0].text)),
        default=-1,
    )
    whole = last_turn >= 0 and tells_of_full_text(article)
    if whole:
        last_turn = len(paragraphs)  # a speech given whole: its speaker goes on to the end
    speaking: StatementRecord | None = None  # the turn whose speaker goes on talking
    last_quoted: StatementRecord | None = None  # the paragraph before's last quotation of a person
    # a written answer's author ("Answered on 12 March by Jane Doe, Minister:"): every paragraph
    # after the line is the answer, up to the next speaker's line
    answering: _Said | None = None
    answerer: StatementRecord | None = None  # whom an interview's "A:" is, once known
    printed = _printed_interview(article, paragraphs, people) if told else None
    # the last turn a label gave a named speaker: at a briefing ("SPOKESPERSON: Good morning ..."
    # then "Q: ..." and "A: ..."), the one who answers when the text names no one else to
    briefer: StatementRecord | None = None
    for number, passages in enumerate(paragraphs):
        quoted_before, last_quoted = last_quoted, None  # only the paragraph right before counts
        start, end = passages[0].start, passages[-1].end
        first = bisect_left(quotations, start, key=lambda q: q.start)  # sorted: no rescanning
        mine = quotations[first : bisect_left(quotations, end, lo=first, key=lambda q: q.start)]
        if printed is not None and number > printed.first:
            if number not in printed.questions:
                # the interviewee's answer, and the words of others it quotes ("As Mark Rutte told
                # ministers there, “...”")
                records.append(
                    StatementRecord(
                        passage=passages[0].position,
                        speaker=printed.name,
                        speaker_type=SpeakerType.PERSON,
                        kind=StatementKind.VERBATIM,
                        text=article.body[start:end].strip(),
                        when=asked.when,
                        medium=asked.medium,
                    )
                )
                found, _ = _paragraph(passages, mine, reading, None) if mine else ([], None)
                records += [r for r in found if r.speaker != printed.name]
            continue
        turn = turn_statements(
            passages, article.body, reading.cast(passages[0]), (asked.when, asked.medium, interviewed)
        )
        if turn is None:
            answerer = None  # the article's own words between interviews: the next "A:" may be someone else
        if turn == [] and briefer is not None and _answer_turn(passages[0].text):
            label = turn_label(passages[0].text)
            assert label is not None
            words = article.body[passages[0].start + label.end() : passages[-1].end].strip()
            turn = (
                [briefer.model_copy(update={"passage": passages[0].position, "text": words})] if words else []
            )
        if turn and not _answer_turn(passages[0].text):
            briefer = turn[0]
        if turn and _answer_turn(passages[0].text):
            # every "A:" is the one person interviewed, however many others their answers quote
            # ("A: Mark Rutte told me ...: “...”" does not make the next "A:" his)
            answerer = answerer or turn[0]
            turn = [
                r.model_copy(update={"speaker": answerer.speaker, "speaker_type": answerer.speaker_type})
                if r.speaker == turn[0].speaker
                else r
                for r in turn
            ]
        if turn is not None:
            for record in turn:
                records = join_interrupted(records, record)
            if turn and mine:
                # a turn that quotes someone else: "He told us: “We are not doing this ...”" is his
                quoted, _ = _paragraph(passages, mine, reading, None)
                quoted = [r for r in quoted if r.speaker not in {t.speaker for t in turn}]
                # ... and so are words after "he told me" when the turn names him before them
                said = {r.text.strip('"“” ') for r in quoted}
                recalled = quoted_in_turn(passages, reading.cast(passages[0]), turn[0].speaker)
                records += quoted + [r for r in recalled if r.text.strip('"“” ') not in said]
            elif mine:
                # a question that quotes someone it names: "Mark Rutte said, and I wrote this down:
                # “...”" is his, though the one asking says nothing here
                quoted, _ = _paragraph(passages, mine, reading, None)
                text = article.body[passages[0].start : passages[-1].end]
                records += [r for r in quoted if r.speaker.split()[-1] in text]
            carried = answering = None
            speaking = turn[0] if turn else None
            continue  # the label is no mention: "A:" still means the person named before the turns
        text = article.body[passages[0].start : passages[-1].end].strip()
        if speaking is not None and number < last_turn and not mine and not _STAGE_DIRECTION.fullmatch(text):
            # a turn's next paragraph: its speaker goes on (nothing else is between two turns), but
            # "[Interruption.]" is the transcriber's
            words = without_stage_marks(text)
            if words:
                records.append(speaking.model_copy(update={"passage": passages[0].position, "text": words}))
            found, carried = _paragraph(
                passages, mine, reading, None
            )  # whom it reports: "He told ambassadors that ..."
            records += [r for r in found if r.speaker != speaking.speaker]
            continue
        if not (whole and mine):  # a speech given whole goes on past a paragraph that quotes someone
            speaking = None
        posted = _POSTED.match(article.body, start) if carried is None and not mine else None
        if posted is not None:
            # "> @DanMoreauMND: Landing in Halifax. ...": an embedded post is its account's owner's
            owner = handle_person(posted.group("handle"), reading.cast(passages[0]))
            if owner is not None:
                carried = _Said(Speaker(owner), None, "post", None)
        if carried is None and not mine and _BLOCKQUOTE.match(article.body, start) and previous:
            carried = _blockquote_speaker(previous[-1], reading)
        if (
            carried is not None
            and not mine
            and not any(is_table_row(line) for line in passages[0].text.splitlines())
        ):
            # "The Government today adopted the path:" over a table: figures laid out, no one's words
            records.append(_spoken_paragraph(passages, carried, reading))
            answering = carried if previous and _ANSWERED_BY.match(previous[-1].text) else None
            carried = None
            previous = passages
            continue
        if answering is not None and not mine and _told_of(text, answering):
            answering = None  # "Horák told reporters ...": the text speaks of them again; their words ended
        if (
            answering is not None
            and carried is None
            and not mine
            and not any(is_table_row(line) for line in passages[0].text.splitlines())
        ):
            records.append(_spoken_paragraph(passages, answering, reading))
            previous = passages
            continue
        found, carried = _paragraph(passages, mine, reading, carried)
        if carried is None:
            answering = _excerpts_of(passages, reading) or answering
        if not found and quoted_before is not None and _quotation_alone(mine, start, end, article.body):
            # a paragraph that is only a quotation goes on with the one quoted just before, as
            # wires write it: "“We are not doing this ...,” Solbakken said. // “We are doing it ...”"
            words = mine[0].words(article.body)
            found = [
                quoted_before.model_copy(
                    update={"passage": passages[0].position, "text": words, "segments": []}
                )
            ]
        records += found
        # only a paragraph that opens with its quotation and closes with its speaker ("“...,” Ekdahl
        # said.") hands the speaker on; after "X said: “...”" a bare quotation may be anyone's
        last_quoted = (
            next(
                (
                    r
                    for r in reversed(found)
                    if r.kind is StatementKind.VERBATIM and r.speaker_type is SpeakerType.PERSON
                ),
                None,
            )
            if len(mine) == 1 and not article.body[start : mine[0].start].strip()
            else None
        )
        previous = passages
    for fixed in reading.corrections:
        records = apply_correction([r for r in records if r.passage != fixed.passage], fixed)
    for misquote in reading.misquotes:
        records = [r for r in records if not is_misquote(r, misquote)]
    for passage in article.passages:
        move = reattribution(article, passage, reading.cast(passage)) if "ttribut" in passage.text else None
        if move is not None:
            records = apply_reattribution(
                [r for r in records if r.passage != passage.position], move, article
            )
    retracted = retracted_claims(article)
    records = [r for r in records if not is_retracted(r, retracted)]
    taken = reading.covered | {r.passage for r in records}
    records += byline_statements(
        article, reading.cast(article.passages[0]), taken, scene.published, article.meta.outlet
    )
    records += speech_statements(article, reading.cast(article.passages[0]), taken, scene.published)
    records = [r for r in records if _HAS_WORDS.search(r.text)]  # not a rule line ("---") between turns
    records = _first_names(_unnamed_again(sorted(records, key=lambda r: r.passage)), people)
    at_scene = _at_scene(article, scene, index)
    filled = (
        _not_ahead(
            scene.fill(_untimed(r)) if at_scene is None or r.speaker in at_scene else _untimed(r), article
        )
        for r in _without_repeats(records)
    )
    return sorted(filled, key=lambda r: r.passage)


def first_name_owners(people: Sequence[PersonRecord]) -> dict[str, str]:
    """Return the full name of each first name exactly one person the article names has, and no
    one has as a surname: a podcast's notes call their guests "David" and "Giulia" once they have
    introduced David Mackenzie and Giulia Ferraro."""
    first: dict[str, set[str]] = {}
    surnames = {p.name.split()[-1] for p in people if len(p.name.split()) > 1}
    for person in people:
        words = person.name.split()
        if len(words) > 1:
            first.setdefault(words[0], set()).add(person.name)
    return {name: owners.pop() for name, owners in first.items() if len(owners) == 1 and name not in surnames}


def _first_names(records: list[StatementRecord], people: list[PersonRecord]) -> list[StatementRecord]:
    """Return the records with a speaker named by a first name alone given their full name (see
    ``first_name_owners``)."""
    owners = first_name_owners(people)
    if not owners:
        return records
    return [
        r.model_copy(update={"speaker": owners[r.speaker]})
        if r.speaker_type is SpeakerType.PERSON and r.speaker in owners
        else r
        for r in records
    ]


def _at_scene(article: Article, scene: Scene, index: PersonIndex) -> set[str] | None:
    """Return who was at one person's occasion the lead tells of (an interview, a speech): the people
    its sentence names ("Desjardins told Le Monde in an interview"), so a reaction quoted further down
    is not given the interview. None (everyone) for a news conference or a debate, or when the
    sentence names no one."""
    if scene.medium is None or not scene.medium.endswith(("interview", "speech")):
        return None
    word = scene.medium.split()[-1]
    limit = lead_limit(article)
    telling = [p for p in article.passages if p.paragraph < limit and word in p.text.lower()]
    named = {m.name for p in telling for m in index.find(p.text)}
    return named or None


def _not_ahead(record: StatementRecord, article: Article) -> StatementRecord:
    """Return a record without a time after the article's date: words are reported once said, so a
    later date ("At The Hague on 24 and 25 June, we will ..." in a debate on 11 June) is what they
    speak of, not when they were said."""
    if record.when is None or record.when.status_on(article.meta.published) is not EventStatus.UPCOMING:
        return record
    return record.model_copy(update={"when": None})


_THE_HEAD = re.compile(r"^the\s+(?P<head>[a-z][\w-]*)$", re.I)


def _unnamed_again(records: list[StatementRecord]) -> list[StatementRecord]:
    """Return records with "the diplomat" given to the unnamed source introduced before it ("A senior
    diplomat from a Nordic country said ... 'Nobody disputes it,' the diplomat said"): one source, not two."""
    introduced: dict[str, str | None] = {}  # head noun -> the unnamed speaker so described (None: two are)
    kept = []
    for record in records:
        if record.speaker_type is SpeakerType.UNNAMED:
            again = _THE_HEAD.match(record.speaker)
            head = again.group("head").lower() if again else record.speaker.split()[-1].lower()
            earlier = introduced.get(head)
            if again and earlier is not None:
                record = record.model_copy(update={"speaker": earlier})
            elif not again and head not in introduced:
                introduced[head] = record.speaker
            elif not again and earlier != record.speaker:
                introduced[head] = (
                    None  # "an Estonian official ... a Latvian official ... the official": either
                )
        kept.append(record)
    return kept


# A live entry's timestamp and label, which open its sentence but are nobody's words: "09:40 - ",
# "11:20 CET — UPDATE: ".
_ENTRY_LABEL = re.compile(r"(?:UPDATE|UPDATED|BREAKING|CORRECTION)\s*[:—–-]\s*")


def _untimed(record: StatementRecord) -> StatementRecord:
    """Return a reported statement without the live entry's timestamp or the dateline its sentence opens with."""
    if record.kind is not StatementKind.REPORTED:
        return record
    clock = _CLOCK_HEAD.match(record.text)
    # a time set off by a dash, colon or brackets ("09:40 - "), never a figure ("2.35 percent ...")
    start = clock.end() if clock and clock.group(0).rstrip()[-1:] in "—–:-]" else 0
    for pattern in (_ENTRY_LABEL, DATELINE):  # "11:20 CET — UPDATE: ", "BRUSSELS, Oct 3 - "
        found = pattern.match(record.text, start)
        start = found.end() if found else start
    return record if start == 0 else record.model_copy(update={"text": record.text[start:]})


def _without_repeats(records: list[StatementRecord]) -> list[StatementRecord]:
    """Return the records less reported statements a later one of the same speaker repeats.

    A wire story's first take and its update, or a lead and the paragraph that expands it, report
    the same words twice ("Belgium will reach 2% this year, an increase of 3 billion" and later
    "Belgium will reach 2% this year, four years early"): the later, fuller telling is kept.
    """
    kept: list[StatementRecord] = []
    later: dict[str, list[set[str]]] = {}
    for record in reversed(records):  # few statements per speaker: comparing within one is cheap
        words = set(_WORDS.findall(record.text.lower()))
        seen = later.setdefault(f"{record.speaker}|{record.kind}", [])
        if record.kind is StatementKind.REPORTED and any(
            len(words & other) >= REPEAT_SHARE * max(len(words), len(other)) for other in seen
        ):
            continue
        seen.append(words)
        kept.append(record)
    return kept[::-1]


# "Below are excerpts from the defence section of his speech, as delivered.": the paragraphs after
# are the speaker's words
_EXCERPTS = re.compile(
    r"\b(?:below|here|what\s+follows)\s+(?:are|is)\s+(?:the\s+)?(?:(?:edited|lightly\s+edited|key|main)\s+)?"
    r"(?:excerpts?|extracts?|(?:full\s+)?text|transcript|passages?)\s+(?:from|of)\s+"
    r"(?:[^.]{0,60}?\s)?(?:his|her)\s+(?:[\w-]+\s+){0,2}?(?:speech|remarks|address|statement|testimony|lecture)\b",
    re.I,
)
_THIRD_PERSON_SPEECH = re.compile(r"\b(?:said|says|told|tells)\b")


def _answer_turn(text: str) -> bool:
    """Return whether a paragraph is an interview's answer turn ("A: ...", "GUEST: ...")."""
    label = turn_label(text)
    return label is not None and label.group("label").strip().lower() in (
        "a",
        "answer",
        "guest",
        "interviewee",
    )


def _excerpts_of(passages: list[Passage], reading: _Reading) -> _Said | None:
    """Return the speaker whose words a paragraph says follow it ("Below are excerpts from his speech")."""
    for passage in passages:
        if _EXCERPTS.search(passage.text) is None:
            continue
        referent = reading.referents[passage.position]
        if referent is None:
            return None
        return _Said(Speaker(referent.name), None, "speech", None)
    return None


def _told_of(text: str, speaker: _Said) -> bool:
    """Return whether a paragraph speaks of the speaker in the third person, or of anyone's saying."""
    return speaker.speaker.name.split()[-1] in text or _THIRD_PERSON_SPEECH.search(text) is not None


def _spoken_paragraph(passages: list[Passage], said: _Said, reading: _Reading) -> StatementRecord:
    """Return a paragraph without quotation marks after "The minister said:" as the speaker's words.

    Releases and transcripts set a speaker's words off by the colon and the paragraph break alone;
    only the one paragraph is taken, since nothing marks where unquoted words end.
    """
    for passage in passages:
        _remember(reading, passage)
        reading.covered.add(passage.position)
    return StatementRecord(
        passage=passages[0].position,
        speaker=said.speaker.name,
        speaker_type=said.speaker.type,
        kind=StatementKind.VERBATIM,
        text=_POSTED_HANDLE.sub(
            "", _BLOCKQUOTE.sub("", reading.article.body[passages[0].start : passages[-1].end].strip())
        ),
        when=said.when,
        medium=said.medium,
        place=said.place,
    )


def _blockquote_speaker(passage: Passage, reading: _Reading) -> _Said | None:
    """Return the speaker of a Markdown blockquote: the subject of the sentence just before it.

    A blockquote is a quotation set off by layout ("> We will ..."); the paragraph before names
    who said it ("The minister closed the forum with a warning."). Only a sentence that tells of
    words (a speech verb or noun) and whose subject is a speaker counts; one holding a quotation
    has said its own words already.
    """
    if passage.position in reading.covered or not tells_of_speaking(passage.text):
        return None  # "Rutte arrived at nine." names no words a blockquote could be
    cast = reading.cast(passage)
    speaker = subject_of(passage.text, cast)
    return _said(speaker, passage.text, cast) if speaker is not None else None


# A printed interview's question: a whole paragraph in bold ("**Will the armed forces spend it?**",
# "**People compare you with Poland.**"), the answer the plain paragraphs after it.
_BOLD_PROMPT = re.compile(r"\s*(?:\*\*|__)[^*_\n]{3,400}(?:\*\*|__)\s*")
_PRINTED_QUESTIONS = 2  # an interview asks this many bold questions at least


@dataclass(frozen=True, slots=True)
class _Printed:
    """A printed interview: the person it interviews, its first question and its questions' paragraphs."""

    name: str
    first: int
    questions: frozenset[int]


def _printed_interview(
    article: Article, paragraphs: list[list[Passage]], people: list[PersonRecord]
) -> _Printed | None:
    """Return the interview a magazine prints as bold questions and plain answers, when its lead names
    one person and most of the bold prompts after it (two at least) ask: the answers are that
    person's. Asked only of an article whose lead tells of an interview ("We spoke to him")."""
    texts = [article.body[ps[0].start : ps[-1].end] for ps in paragraphs]
    questions = [i for i, text in enumerate(texts) if i and _BOLD_PROMPT.fullmatch(text)]
    asked = sum("?" in texts[i] for i in questions)
    # most prompts ask, and the lead tells of the interview ("We spoke to him in Bucharest"): an
    # explainer's bold subheadings ("**What was agreed?**") answer in the writer's words
    if asked < _PRINTED_QUESTIONS or 2 * asked < len(questions):
        return None
    if any(turn_label(ps[0].text) for ps in paragraphs):
        return None  # a transcript's labels say who speaks
    lead_end = paragraphs[questions[0]][0].position
    named = {p.name for p in people if p.passage < lead_end}
    if len(named) != 1:
        return None
    return _Printed(named.pop(), questions[0], frozenset(questions))


def _paragraphs(passages: Sequence[Passage]) -> list[list[Passage]]:
    """Return the passages grouped by paragraph, in order."""
    groups: list[list[Passage]] = []
    for passage in passages:
        if groups and groups[-1][0].paragraph == passage.paragraph:
            groups[-1].append(passage)
        else:
            groups.append([passage])
    return groups


def _covered(passages: Sequence[Passage], quotations: list[Quotation]) -> set[int]:
    """Return the positions of passages that overlap a quotation."""
    covered: set[int] = set()
    i = 0
    for quotation in quotations:  # both in text order: one pass
        while i < len(passages) and passages[i].end <= quotation.start:
            i += 1
        j = i
        while j < len(passages) and passages[j].start < quotation.end:
            covered.add(passages[j].position)
            j += 1
    return covered


def _remember(reading: _Reading, passage: Passage) -> None:
    """Move the people a passage mentions to the end of the recently mentioned list.

    A sentence whose subject is a role noun ("In the hall, the engineer lifts a shell") makes
    that person the one a pronoun after it refers to, as a name would; so does an unnamed source
    ("A senior official was blunter.").
    """
    mentions = reading.index.find(passage.text)
    for mention in mentions:
        if mention.name in reading.recent:
            reading.recent.remove(mention.name)
        reading.recent.append(mention.name)
    if not mentions and not passage.text.lstrip().startswith(("“", '"', "‘")):
        subject = subject_of(passage.text, reading.cast(passage))
        if (
            subject is not None
            and subject.type is SpeakerType.PERSON
            and not _PRONOUN_START.match(passage.text)
        ):
            reading.described = Referent(subject.name, passage.position)
            reading.recent = [*(n for n in reading.recent if n != subject.name), subject.name]
        elif (
            subject is not None
            and subject.type is SpeakerType.UNNAMED
            and not _PRONOUN_START.match(passage.text)
            # only as its paragraph's opening: "Mark Rutte closed the summit. An aide described the
            # speech as his bluntest. “...,” he said." is Rutte's speech
            and opens_paragraph(reading.article.passages, passage.position)
        ):
            # "A senior alliance official, speaking on condition of anonymity, was blunter. The two
            # per cent debate, he said, ...": the unnamed source is whom "he" refers to
            reading.described = Referent(subject.name, passage.position, unnamed=True)


def _quotation_alone(quotes: list[Quotation], start: int, end: int, body: str) -> bool:
    """Return whether a paragraph is one quotation and nothing else."""
    return (
        len(quotes) == 1
        and not body[start : quotes[0].start].strip()
        and not body[quotes[0].end : end].strip()
    )


def _paragraph(
    passages: list[Passage], quotes: list[Quotation], reading: _Reading, carried: _Said | None
) -> tuple[list[StatementRecord], _Said | None]:
    """Return a paragraph's statements and the attribution a quotation after it may continue."""
    body = reading.article.body
    records: list[StatementRecord] = []
    consumed: set[int] = set()
    said: _Said | None = carried
    i = 0
    remembered = 0
    while i < len(quotes):
        quote = quotes[i]
        sentence = _passage_at(passages, quote.start)
        if sentence is None:
            i += 1
            continue
        while remembered < len(passages) and passages[remembered].position < sentence.position:
            _remember(reading, passages[remembered])  # who the sentences before it named
            remembered += 1
        cast = reading.cast(sentence)
        following = quotes[i + 1] if i + 1 < len(quotes) else None
        end = _sentence_end(passages, quote, following)
        if quote.end > passages[-1].end:
            # a quotation running over several paragraphs is attributed where it closes:
            # "“… \n\n“… ,” she said."
            closing = _closing(reading.article.passages, quote.end)
            end = closing.end if closing else quote.end
        head = _clause_head(body[sentence.start : quote.start])
        tail = body[quote.end : end]
        step, found, said = _one_quote(
            quote, (quotes, i + 1), head, tail, end, sentence, passages, cast, said, reading
        )
        records += found
        consumed |= {
            r.passage for r in found if r.kind is StatementKind.VERBATIM and r.passage != sentence.position
        }
        i += step
    reading.note_documents(records)
    for passage in passages:
        cast = reading.cast(passage)  # nothing below changes whom it resolves to: made once
        fixed = correction(passage, quotes, body, cast)
        wrong = misquotation(passage, quotes, body, cast)
        if wrong is not None:
            reading.misquotes.append(wrong)
        if fixed is not None:
            reading.corrections.append(fixed)
        elif passage.position not in reading.covered and passage.position not in consumed:
            reported = _reported(passage, cast)
            reading.note_documents(reported)
            records += reported
    for passage in passages[remembered:]:
        _remember(reading, passage)
    # A closed quotation does not reach into the next paragraph: only a colon hands a speaker on.
    return records, _colon_speaker(passages[-1], reading)


# An introductory phrase of time, place or occasion ("In June,", "Speaking in Rome,", "Two years
# ago,"), unlike a subject the attribution interrupts ("The commitment signed in June ... remains,
# Pesce admitted,", "Spain's pledge made at the Hague summit ... remains, X admitted,").
_ADVERBIAL_OPENING = re.compile(
    r"\s*(?:In|On|At|During|Last|This|Next|Earlier|Later|Yesterday|Today|Tonight|Speaking|Asked|After|Before"
    r"|When|While|As|Addressing|Writing|From|Since|Back|Meanwhile|Afterwards|Then|Now|Separately|Outside"
    r"|Inside|Early|Late|Hours|Days|Weeks|Moments|Minutes|Later|Visiting|Arriving|Leaving|Standing|Sitting)\b"
)


def _adverbial(lead: str, published: PartialDate | None) -> bool:
    """Return whether the words before a speaker are an introductory phrase (whose time and place
    the statement takes), not the sentence's own subject."""
    if not lead.strip() or _ADVERBIAL_OPENING.match(lead):
        return True
    times = find_times(lead, published)
    return bool(times) and times[0][1] <= len(lead) - len(lead.lstrip())


def _one_quote(
    quote: Quotation,
    later: tuple[list[Quotation], int],  # the paragraph's quotations, and where the next one is
    head: str,
    tail: str,
    end: int,
    sentence: Passage,
    passages: list[Passage],
    cast: Cast,
    said: _Said | None,
    reading: _Reading,
) -> tuple[int, list[StatementRecord], _Said | None]:
    """Return (quotations used, statements, attribution to carry) for one quotation."""
    quotes, next_index = later
    following = quotes[next_index] if next_index < len(quotes) else None
    body = reading.article.body
    chat = CHAT_TURN.match(head) or NUMBERED_PARAGRAPH.match(head) or _STAMP_MARK.match(head)
    if chat is not None:  # "[09:30] anna.k: Minister Jane Doe at the presser: “...”", "5.3 The Minister ...:"
        head = head[chat.end() :]
    opening = head.strip(" \t\n—–-*>")
    if DATELINE.fullmatch(head.lstrip()) or _CLOCK_HEAD.fullmatch(head):
        opening = ""  # "WARSAW — “We finished 2026 at 4.6%,” the minister said": the dateline is nobody
    elif _LABEL_HEAD.fullmatch(opening) and _introducer(opening, cast) is None and tail.strip(" .!?"):
        opening = ""  # "**Quote:** “Two percent was the floor,” the minister said": a label, not a speaker
    if not opening:
        if _BRACKET_OPENS.fullmatch(tail) and following is not None and body.startswith(")", following.end):
            # “We will not retreat” («Nous ne reculerons pas»), she said: the bracketed original
            # (or translation) is the same words; the attribution comes after it
            after = body[following.end + 1 : _next_end(passages, following)]
            found = attribution_after(after, cast) if after.strip(" .!?") else None
            if found is None:
                return 2, [], None
            said = _said(found[0], found[1], cast, context=_before(passages, sentence))
            return 2, [_verbatim(sentence, [quote], said, body)], said
        if tail.strip(" .!?"):
            found = attribution_after(tail, cast)
            if found is None:
                return 1, [], None
            speaker, details, rest = found
            said = _said(speaker, details, cast, context=_before(passages, sentence))
            parts = [quote]
            if following is not None and _split(tail, rest, end, following, body, passages):
                parts.append(following)  # "A," she said, "B."
            records = [_verbatim(sentence, parts, said, body)]
            if len(parts) == 1 and (following is None or following.start >= _next_end(passages, quote)):
                records += _added(sentence, f", {rest.strip()}", said, cast)  # "…,” she said, adding that …"
            return len(parts), records, said
        attributed = _attribution_sentence(passages, sentence, quote, cast, reading)
        if attributed is not None:
            said = attributed
        if said is None:
            return 1, [], None
        return 1, [_verbatim(sentence, [quote], said, body)], said
    if opening.endswith(":") and not head.rstrip().endswith("::"):
        introducer = _introducer(opening, cast)
        if introducer is not None:
            details = introducer.details
            said = _said(introducer.speaker, details, cast, context=_before(passages, sentence))
            return 1, [_verbatim(sentence, [quote], said, body)], said
    introduced = frame(head, cast, allow_intro=True)
    if introduced is not None and _introduces(head, introduced, tail):
        # "The commitment signed in June ... remains, Pesce admitted, “...”": a subject before the
        # attribution is what the words complete; its own time and place are not the words'
        lead = introduced.lead if _adverbial(introduced.lead, reading.article.meta.published) else ""
        details = f"{lead} {head[introduced.verb_start :]}"
        said = _said(introduced.speaker, details, cast, context=_before(passages, sentence))
        return 1, [_verbatim(sentence, [quote], said, body)], said
    closed = _closed_before(quotes, next_index - 1, quote.start - len(head))
    # A name given ends what was said ("called the plan “a paper tiger”, and the so-called …"):
    # only the words after the sentence's previous quotation may give the next one.
    since = _LEADING_JOIN.sub("", head[closed:]) if closed >= 0 else head
    calls = relative_naming(since, cast)
    if calls is not None:  # "the cables, which she calls “the soft underbelly of the Atlantic”"
        return (
            1,
            _partial(
                sentence, (calls, calls.verb_start, ""), quote.start - len(since), quote.end, cast, reading
            ),
            said,
        )
    named = characterization(since, cast) if reported_clause(head, cast) is None else None
    if named is not None and since[named[0].verb_end :].strip() not in ("", "for", "on"):
        # a name given to an object ("called the plan “…”"), not "called for “…” in budgets"
        return 1, _partial(sentence, named, quote.start - len(since), quote.end, cast, reading), said
    clause = (
        reported_clause(head, cast)
        or named  # "called for “…” in budgets": the words after the quotation are the call's too
        or relative_report(head, cast)
        or embedded_report(head, cast)
        or _participle_after_quotation(head, said, closed, cast)
    )
    if clause is not None:
        stop = _next_end(passages, quote)
        base = quote.start - len(head)  # where the head starts in the body
        second = second_predicate(body, quote.end, stop, clause[0].speaker)
        if second is not None:  # "said that … ‘…’, but warned MPs that ‘…’": two statements
            inside = bisect_left(quotes, stop, lo=next_index, key=lambda q: q.start) - next_index
            sentence_text = body[:stop]
            then = clause_after(sentence_text, second, cast)
            first = _partial(
                sentence, clause, base, second.verb_start - len(_lead_of(body, second)), cast, reading
            )
            more = _partial(sentence, then, 0, stop, cast, reading) if then else []
            # one sentence, one occasion: the second report is dated as the first ("on Tuesday")
            more = [r if r.when or not first else r.model_copy(update={"when": first[0].when}) for r in more]
            return 1 + inside, first + more, said
        # more quoted words of the same clause
        inside = bisect_left(quotes, stop, lo=next_index, key=lambda q: q.start) - next_index
        stop = _next_end(passages, quotes[next_index + inside - 1]) if inside else stop
        return 1 + inside, _partial(sentence, clause, base, stop, cast, reading), said
    trailing = _trailing_partial(sentence, quote, tail, cast, reading) if since.strip() else []
    if trailing:
        return 1, trailing, said
    inserted = inserted_report(since, cast)
    if inserted is not None:  # "Spain, she told the Senate, intends to be “a reliable ally”": hers
        teller, words = inserted
        quoted = reading.article.body[quote.start : _next_end(passages, quote)]
        details = since[teller.verb_start : teller.verb_end]  # "told the Senate in July"
        return 1, _partial_records(sentence, teller, details, f"{words}{quoted}", cast, reading), said
    return 1, _credited_partial(sentence, quote, tail, cast, reading), said


def _trailing_partial(
    sentence: Passage, quote: Quotation, tail: str, cast: Cast, reading: _Reading
) -> list[StatementRecord]:
    """Return the partial statement of a clause holding quoted words that an attribution closes:
    "Italy will not reach 2% “before 2028”, Defence Minister Lorenzo Barbieri told a committee."."""
    if not tail.startswith(","):
        return []
    text = sentence.text
    found = trailing_attribution(text, cast)
    if found is None or found[0].type is SpeakerType.DOCUMENT:
        return []  # a person's or an unnamed source's words; a report's are sourced figures
    speaker, clause_end, details = found
    if clause_end != quote.end - sentence.start:
        return []  # the attribution must follow the quotation, not close another clause
    stamp = STAMP.match(text)  # "ROME — ": the dateline is no part of the words
    teller = Frame(speaker, "said", 0, 0, "")
    return _partial_records(
        sentence, teller, details, text[stamp.end() if stamp else 0 : clause_end], cast, reading
    )


def _credited_partial(
    sentence: Passage, quote: Quotation, tail: str, cast: Cast, reading: _Reading
) -> list[StatementRecord]:
    """Return the partial statement of a sentence whose quoted words end in ", according to X."

    "Leaders agreed that the alliance would “be in a position to ...”, according to the
    communiqué": the quoted words are the source's, so a document counts here, as it does not
    for a sentence without them ("according to the report" sources a figure).
    """
    credit = _CREDITED.fullmatch(tail)
    if credit is None:
        return []
    speaker, end = speaker_at(credit.group("who"), 0, cast)
    if speaker is None or credit.group("who")[end:].strip():
        return []
    body = reading.article.body
    stamp = STAMP.match(body, sentence.start)
    text = body[stamp.end() if stamp else sentence.start : quote.end]
    return [
        StatementRecord(
            passage=sentence.position,
            speaker=speaker.name,
            speaker_type=speaker.type,
            kind=StatementKind.PARTIAL,
            text=_strip_full_stop(text),
        )
    ]


def _lead_of(body: str, second: Frame) -> str:
    """Return the joining words before a second predicate's verb: ", but", ", and also"."""
    before = body[: second.verb_start]
    joined = re.search(r",?\s+(?:and|but)\s+(?:\w+\s+)*?$", before[-40:])
    return joined.group() if joined else ""


def _closed_before(quotes: list[Quotation], index: int, head_start: int) -> int:
    """Return where the quotation before quotes[index] closes, as an offset into the head (-1 if none)."""
    return quotes[index - 1].end - head_start if index > 0 else -1


def _participle_after_quotation(
    head: str, said: _Said | None, closed: int, cast: Cast
) -> tuple[Frame, int, str] | None:
    """Return the participle of speech before a quotation, if any, with its speaker.

    "‘…,’ he said, adding that patience was ‘wearing thin’": the quoted words after "adding that"
    are his too, a partial statement. ``closed`` is where the sentence's previous quotation closed
    in head (negative when none did); without one the participle's subject is the sentence's
    ("She rejected the plan, saying it was ‘a waste’").
    """
    if closed >= 0:
        return participle_report(head, said.speaker, closed) if said is not None else None
    return _participle_of_subject(head, cast)


def _participle_of_subject(text: str, cast: Cast) -> tuple[Frame, int, str] | None:
    """Return the participle of speech whose subject is the sentence's: "She rejected it, saying …"."""
    speaker = subject_of(text, cast) if "ing " in text else None  # spare most sentences the search
    return participle_report(text, speaker) if speaker is not None else None


def _added(sentence: Passage, rest: str, said: _Said, cast: Cast) -> list[StatementRecord]:
    """Return the report a participle after an attribution adds: "“…,” she said, adding that …"."""
    found = participle_report(rest, said.speaker)
    if found is None or found[0].verb_start != 2:
        return []  # the participle follows the attribution at once
    return _report(sentence, found, rest, cast)


def _introduces(head: str, introduced: Frame, tail: str) -> bool:
    """Return whether a frame before a quotation introduces it as the speaker's words.

    "X said: “…”" and "X wrote on X, “…”" end the frame with a colon or comma and the quotation
    ends the sentence; "X replied “I agree” to a post" puts the words right after the verb. A
    "that" between verb and quotation makes it a reported clause instead.
    """
    details = head[introduced.verb_end :]
    if not details.strip():
        return not re.fullmatch(OBJECT_VERBS, introduced.verb)  # "called for “steady growth”" is partial
    if re.search(r"\bthat\b", details) or not only_details(details, introduced.verb):
        return False
    return details.rstrip()[-1:] in (":", ",") and not tail.strip(" .!?")


@dataclass(frozen=True, slots=True)
class _Introducer:
    speaker: Speaker
    details: str


def _introducer(opening: str, cast: Cast) -> _Introducer | None:
    """Return the speaker of a sentence that ends in a colon before a quotation, and its details.

    A relative clause of speech ("a message from Jane Doe, who had written on X:") names the
    speaker before the sentence's subject does: the subject only passed the words on.
    """
    relative = relative_speaker(opening, cast)
    if relative is not None:
        return _Introducer(relative, opening[opening.rfind(", who") :])
    introduced = frame(opening, cast, allow_intro=True)
    if introduced is not None:
        return _Introducer(introduced.speaker, f"{introduced.lead} {opening[introduced.verb_start :]}")
    label, end = speaker_at(opening, 0, cast)
    if label is not None and label.type is SpeakerType.PERSON and opening[end:].strip() == ":":
        # only a person: "Germany:" heads a section about Germany, not its government's words
        return _Introducer(label, "")  # a line of its own naming the speaker: "Jane Doe, Minister:"
    speaker = (
        subject_of(opening, cast)
        or words_of(opening, cast)
        or handle_owner(opening, cast)
        or author_of(opening, cast)
    )
    if speaker is not None:
        return _Introducer(speaker, opening)
    found = _from_whom(opening, cast) or answered_by(opening, cast)
    labelled = _LABEL_DASH.match(opening) if found is None else None
    if labelled is not None:  # "Claim 1 — Henrik Alm:": a label, a dash, then the speaker
        return _introducer(opening[labelled.end() :], cast)
    return found


# A channel's time stamp and the symbol after it: "[09:48] 💬 Mark Rutte, arriving: “...”".
_STAMP_MARK = re.compile(r"\s*\[\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\]\s*(?:[^\w\s“\"‘]{1,3}\s*)?(?=[A-Z])")
# A short label before a dash that opens a line: "Claim 1 — ", "Quote of the day – ".
_LABEL_DASH = re.compile(r"[^—–:\n]{1,30}?\s[—–]\s+(?=[A-Z])")


# A written answer's line: "Answered on 12 March 2026 by Daniel Okafor, Minister of State:", "Answer
# given by the High Representative on behalf of the Commission:"
_ANSWERED_BY = re.compile(
    r"\s*(?:answered|answer\s+given|replied|reply\s+given|response\s+given)\b"
    r"(?:(?!\b(?:tabled|asked|put|question)\b)[^:]){0,60}?\bby\s+",  # not the asker: "a question tabled by"
    re.I,
)
_ROLE_TAIL = re.compile(r"(?:\s*,\s*[^:,]{1,80}){0,2}\s*:\s*")


def answered_by(opening: str, cast: Cast) -> _Introducer | None:
    """Return who gives a written answer: the person its "Answered ... by" line names."""
    found = _ANSWERED_BY.match(opening)
    named = person_at(opening, found.end(), cast) if found is not None else None
    if named is None or not _ROLE_TAIL.fullmatch(opening, named[1]):
        return None
    return _Introducer(named[0], "")


# "Best line of the week, from Lithuania's defence minister Jane Doe yesterday:": the words are hers.
_FROM = re.compile(r"(?:^|\s)from\s+")
_WHEN_WHERE_ONLY = re.compile(
    r"(?:\s*,?\s*(?:yesterday|today|earlier|last\s+\w+|this\s+\w+|on\s+\w+(?:\s+\d{1,2})?"
    r"|in\s+[A-Z][\w-]*|at\s+(?:the\s+)?[A-Z][\w -]{0,40}))*\s*:\s*"
)


def _from_whom(opening: str, cast: Cast) -> _Introducer | None:
    """Return the person a colon's opening says the words come from ("..., from Jane Doe yesterday:")."""
    for found in reversed(list(_FROM.finditer(opening))):
        speaker, end = speaker_at(opening, found.end(), cast)
        if (
            speaker is not None
            and speaker.type is SpeakerType.PERSON
            and _WHEN_WHERE_ONLY.fullmatch(opening, end)
        ):
            return _Introducer(speaker, opening[end:])
    return None


def _attribution_sentence(
    passages: list[Passage], sentence: Passage, quote: Quotation, cast: Cast, reading: _Reading
) -> _Said | None:
    """Return the attribution of a quotation in the short sentence right after it ("Kallas said.")."""
    after = bisect_left(passages, quote.end, key=lambda p: p.start)
    if after == len(passages) or passages[after].position in reading.covered:
        return None
    found = attribution_after(passages[after].text.rstrip(" ."), cast)
    if found is None or found[2].strip():
        return None
    return _said(found[0], found[1], cast)


def _colon_speaker(passage: Passage, reading: _Reading) -> _Said | None:
    """Return the speaker a paragraph ending in a colon introduces for the quotation after it."""
    text = passage.text.rstrip()
    if not text.endswith(":") or passage.position in reading.covered:
        return None
    text = STRONG.sub(r"\1", text)  # "**Mark Rutte**, NATO Secretary General, in Brussels:"
    cast = reading.cast(passage)
    found = _introducer(text, cast)
    if found is None:
        return None
    return _said(found.speaker, found.details, cast)


# A live blog's time stamp before an entry's first words: "10:15 ", "10:15 CET — ", "[10:15] ".
_CLOCK_HEAD = re.compile(r"\s*\[?(?:[01]?\d|2[0-3])[:.h][0-5]\d\]?(?:\s*[A-Z]{3,4})?\s*(?:[—–:-]\s*)?")


def _clause_head(head: str) -> str:
    """Return the words before a quotation from the start of their clause: after a semicolon, or
    after a live blog's time stamp ("10:15 “This is the day,” she said" opens with its quotation)."""
    head = head.rpartition(";")[2].lstrip() if ";" in head else head
    return "" if _CLOCK_HEAD.fullmatch(head) else head


_GESTURE = re.compile(r"[a-z]+ing\b[^,;:.“”\"]{0,40}")


def _split(
    tail: str, rest: str, end: int, following: Quotation | None, body: str, passages: list[Passage]
) -> bool:
    """Return whether the quotation after an attribution continues the same sentence's quotation."""
    # "“Nobody in this building,” she says, leaning back, “gets to call ...”": a gesture may stand between
    aside = rest.strip(" ,")
    if aside and not _GESTURE.fullmatch(aside):
        return False
    if following is None or following.start != end or not tail.rstrip().endswith(","):
        return False
    return not body[following.end : _next_end(passages, following)].strip(" .,!?")


def _passage_at(passages: list[Passage], offset: int) -> Passage | None:
    """Return the passage of the paragraph holding an offset."""
    i = bisect_right(passages, offset, key=lambda p: p.start) - 1
    return passages[i] if i >= 0 and offset < passages[i].end else None


def _closing(passages: list[Passage], end: int) -> Passage | None:
    """Return the passage of the paragraph in which a span ending at ``end`` ends."""
    i = bisect_left(passages, end, key=lambda p: p.start) - 1
    return passages[i] if i >= 0 and end <= passages[i].end else None


def _sentence_end(passages: list[Passage], quote: Quotation, following: Quotation | None) -> int:
    """Return where the words after a quotation stop: its sentence's end or the next quotation."""
    holding = _closing(passages, quote.end)
    end = holding.end if holding else quote.end
    return min(end, following.start) if following and following.start < end else end


def _next_end(passages: list[Passage], quote: Quotation) -> int:
    """Return the end of the sentence a quotation closes in."""
    holding = _closing(passages, quote.end)
    return holding.end if holding else quote.end


def _verbatim(sentence: Passage, parts: list[Quotation], said: _Said, body: str) -> StatementRecord:
    """Return the verbatim statement of one quotation, or of the parts of a split one."""
    segments = [
        part.words(body).removesuffix(",").rstrip() if len(parts) == 1 else part.words(body) for part in parts
    ]
    text = " ".join(segments).removesuffix(",").rstrip()
    return StatementRecord(
        passage=sentence.position,
        speaker=said.speaker.name,
        speaker_type=said.speaker.type,
        kind=StatementKind.VERBATIM,
        text=text,
        segments=segments if len(parts) > 1 else [],
        when=said.when,
        medium=said.medium,
        place=said.place,
    )


def _partial(
    sentence: Passage, clause: tuple[Frame, int, str], base: int, stop: int, cast: Cast, reading: _Reading
) -> list[StatementRecord]:
    """Return the partial statement of a reported clause holding quoted words, with their marks."""
    found, clause_start, details = clause
    text = reading.article.body[base + clause_start : stop]
    return _partial_records(sentence, found, details, text, cast, reading)


def _partial_records(
    sentence: Passage, found: Frame, details: str, words: str, cast: Cast, reading: _Reading
) -> list[StatementRecord]:
    """Return the partial statement of each speaker of a frame: the words, less the writer's framing."""
    text = _without_framing(_strip_full_stop(words))
    published = reading.article.meta.published
    return [
        StatementRecord(
            passage=sentence.position,
            speaker=speaker.name,
            speaker_type=speaker.type,
            kind=StatementKind.PARTIAL,
            text=text,
            when=when_of(f"{found.lead} {details}", published),
            medium=medium_of(f"{found.lead} {found.verb} {details}", cast),
            place=place_of(f"{found.lead} {details}"),
        )
        for speaker in _speakers(found)
    ]


# --- reported ---------------------------------------------------------------------------------


def _reported(passage: Passage, cast: Cast) -> list[StatementRecord]:
    """Return the reported statements a passage without quotations makes, a participle's included.

    "Doe said the talks failed, adding that she would try again" adds her second report ("...,
    arguing that ..." only gives the first one's reasons); "The ministry confirmed the delivery,
    saying the radar had arrived" reports for the subject.
    """
    records = _reported_clauses(passage, cast)
    if ", " not in passage.text or "ing " not in passage.text:
        return records  # no participle after a comma: spare the sentence the search
    if records:
        # after a report, "arguing that ..." gives the same act's reasons; "adding that ..." a new one
        speaker = Speaker(records[0].speaker, records[0].speaker_type)
        found = participle_report(passage.text, speaker)
        found = found if found is not None and found[0].verb == "adding" else None
    else:
        found = _participle_of_subject(passage.text, cast)
    return records + (_report(passage, found, passage.text, cast) if found else [])


# Every reported clause has one of these (the frames' speech verbs, the trailing "reported" and
# "informed", "argue" after "used ... to", and "according to"): one search spares the rest the scans.
_SPEECH_CUE = re.compile(
    rf"\b(?:{VERB}|reported|informed|informs|argue|announce|stress|signal|urge|promise|pledge|[Aa]ccording\s+to)\b"
)


def _reported_clauses(passage: Passage, cast: Cast) -> list[StatementRecord]:
    """Return the reported statements of a passage's frames, before any participle.

    Its clause may hold more: a known person's relative clause of speech ("..., to suit Jane Doe,
    who has complained that the texts are too long") is that person's report, and ", and she has
    praised ..." is the speaker's second report; either ends the first clause.
    """
    if _SPEECH_CUE.search(passage.text) is None:
        return []  # no speech verb and no "according to" (most sentences): nothing reported
    found = reported_clause(passage.text, cast)
    if found is not None and found[0].lead.rstrip().endswith(","):
        trailing = _trailing(passage, cast)
        said = _untimed(trailing[0]).text if trailing else ""
        if (
            trailing
            and trailing[0].speaker == found[0].speaker.name
            and len(said.split()) >= 5
            and not noun_phrase(said)
        ):
            # "Italy will raise spending to 2%, Minister Jane Doe said on Wednesday, a day before she
            # hosts ...": the clause before the attribution is what she said
            return trailing
    if found is not None and ", " in passage.text[: found[0].verb_start]:
        inserted = inserted_report(passage.text, cast)
        # only over the sentence's own subject, not a second speaker's clause after it ("..., and
        # Minister Vardas said the navy would wait")
        if (
            inserted is not None
            and inserted[0].verb_start < found[0].verb_start
            and not found[0].lead.strip()
        ):
            return _inserted_report(passage, inserted, cast)
    if found is not None and found[0].speaker.type is SpeakerType.DOCUMENT:
        # "Belgium warned that ..., according to a Belgian diplomat": the diplomat is the source
        sourced = _according_to(passage, cast)
        if sourced and sourced[0].speaker_type in (SpeakerType.PERSON, SpeakerType.UNNAMED):
            return sourced
    if found is None:
        found = relative_report(passage.text, cast)
        if found is None:
            trailing = _trailing(passage, cast) or _according_to(passage, cast)
            inserted = inserted_report(passage.text, cast) if not trailing else None
            if inserted is not None:  # "The army, Hartlieb said, needed shells now"
                return _report(passage, (inserted[0], 0, ""), inserted[1], cast)
            parenthetical = parenthetical_report(passage.text, cast)
            if parenthetical is not None and not trailing:
                text, start = passage.text, parenthetical[1]
                if parenthetical[0].lead.rstrip().endswith(",") and "," in text[start:]:
                    text = text[: text.index(",", start)]  # ", which she said would open in May,"
                return _report(passage, parenthetical, text, cast)
            return trailing
        return _report(passage, found, passage.text, cast)
    frame_, clause_start, details = found
    if frame_.speaker.type is SpeakerType.DOCUMENT and clause_start == frame_.verb_start:
        return []  # "The government has promised new ships": a body's acts, not what it said
    if _background(frame_.speaker, frame_.verb, passage.text[: frame_.verb_start]):
        return []
    clause = passage.text[clause_start:]
    if passage.text[:clause_start].rstrip().endswith("that"):
        # "demanded that allies pay more, and Washington's pressure has ...": a second report
        # repeats "that"; a new subject after ", and" without it is the writer's clause
        clause = _NEW_SUBJECT.split(clause, maxsplit=1)[0]
    elif frame_.verb in _EXPECTING and _INFINITIVE.match(clause):
        return []  # "expects its outlays to fall": an object and an infinitive, no reported clause
    more: list[StatementRecord] = []
    nested = relative_report(clause, cast) if "who" in clause else None
    if nested is not None and nested[0].speaker != frame_.speaker:
        more = _report(passage, nested, clause, cast)
        clause = clause[: clause.rfind(",", 0, nested[0].verb_start)]
    second = second_report(clause, frame_.speaker, cast)
    if second is not None:
        end, start, then = second
        more = _report(passage, then, clause[start:], cast) + more
        clause = clause[:end]
    return _report(passage, (frame_, 0, details), clause, cast) + more


def _report(passage: Passage, found: tuple[Frame, int, str], text: str, cast: Cast) -> list[StatementRecord]:
    """Return the reported statement of a frame whose clause starts at a position of text.

    The clause follows its speech verb, which governs it whole: a relative clause inside it is
    said too ("argued that Oslo, which spends 3%, is proof"), unlike the writer's aside before a
    trailing attribution.
    """
    frame_, clause_start, details = found
    clause = _without_framing(_strip_full_stop(text[clause_start:]))
    if len(clause.split()) < 3:
        return []
    return [
        StatementRecord(
            passage=passage.position,
            speaker=speaker.name,
            speaker_type=speaker.type,
            kind=StatementKind.REPORTED,
            text=clause,
            when=when_of(f"{frame_.lead} {details}", cast.published),
            medium=medium_of(f"{frame_.lead} {frame_.verb} {details}", cast),
            place=place_of(f"{frame_.lead} {details}"),
        )
        for speaker in _speakers(frame_)
    ]


def _background(speaker: Speaker, verb: str, before: str) -> bool:
    """Return whether a body's or a group's report is the article's background, not a statement.

    A statement is made on an occasion. "Diplomats say ..." and "The government says ..." (the
    plain present of "say") give a standing view the writer leans on, and "the previous
    government had said ..." (the past perfect) tells what stood before the story. A person's
    words stay statements either way, and a text speaks in the present ("the communiqué says").
    """
    if speaker.type is SpeakerType.PERSON or speaker.name.split()[-1].lower() in _TEXTS:
        return False
    return verb in _PRESENT_SAY or _PAST_PERFECT.search(before) is not None


def _speakers(frame_: Frame) -> list[Speaker]:
    """Return who spoke in a frame: its speaker, and the partner of a joint subject ("X and Y said")."""
    return [frame_.speaker] if frame_.partner is None else [frame_.speaker, frame_.partner]


_PRONOUN_ATTRIBUTION = re.compile(
    r",?\s+(?:he|she)\s+(?:\w+\s+)?(?:said|says|added|argued|insisted|warned)\b"
)


def _trailing(passage: Passage, cast: Cast) -> list[StatementRecord]:
    """Return the reported statement of "<clause>, the ministry said [on Monday]."."""
    found = trailing_attribution(passage.text, cast)
    if found is None:
        return []
    speaker, clause_end, details = found
    verb, _, _rest = details.partition(" ")
    if _background(speaker, verb, passage.text[: passage.text.find(verb, clause_end)]):
        return []
    if _PRONOUN_ATTRIBUTION.match(passage.text, clause_end):
        # "Liis Parts put it more bluntly: the cheapest war, she said, is ...": the one person the
        # sentence names is whom its "she" means, not the person of the sentence before
        named = {m.name for m in cast.index.find(passage.text[:clause_end])}
        if len(named) == 1:
            speaker = Speaker(named.pop())
    stamp = STAMP.match(passage.text)
    text = _ASIDE.sub("", passage.text[stamp.end() if stamp else 0 : clause_end].strip())
    if len(text.split()) < 3 or not CLAUSE_START.match(text) or noun_phrase(text):
        return []  # "Estonia's prime minister, Kristi Saar, said:": a subject's role, no clause
    return [
        StatementRecord(
            passage=passage.position,
            speaker=speaker.name,
            speaker_type=speaker.type,
            kind=StatementKind.REPORTED,
            text=text,
            when=when_of(details, cast.published),
            medium=medium_of(details, cast),
            place=place_of(details),
        )
    ]


def _according_to(passage: Passage, cast: Cast) -> list[StatementRecord]:
    """Return the reported statement of "According to X, ..." or "..., according to X."."""
    text = passage.text
    if "According to" not in text and "according to" not in text:
        return []  # the words both patterns need: spare every other sentence two full matches
    for pattern in _ACCORDING_TO:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        who = match.group("who").strip()
        # "according to her": the object pronoun is whom "she" would be
        who = _OBJECT_PRONOUN.sub(lambda m: _SUBJECT_FORM[m.group(0)], who)
        speaker, end = speaker_at(who, 0, cast)
        if speaker is not None and speaker.type is SpeakerType.UNNAMED and _QUALIFIED.match(who, end):
            end = len(who)  # "according to officials involved in the talks"
        # "according to the report" or "the budget office" sources a figure; a document's
        # statements need a speech verb, or to have spoken before ("According to the document, ...").
        # The clause's own speech verb counts: in "Oslo says it will ..., according to the ministry"
        # the body is the source of what the capital says.
        spoken = (
            speaker is not None
            and speaker.type is SpeakerType.DOCUMENT
            and (speaker.name == cast.document or _SAYS_OPENING.match(match.group("clause")) is not None)
        )
        if (
            speaker is not None
            and (speaker.type is not SpeakerType.DOCUMENT or spoken)
            and not who[end:].strip(" .")
        ):
            clause = _without_framing(_ASIDE.sub("", _strip_full_stop(match.group("clause"))))
            stamp = STAMP.match(clause)  # "BRUSSELS — ..., according to X": the dateline is layout
            clause = clause[stamp.end() :] if stamp else clause
            return [
                StatementRecord(
                    passage=passage.position,
                    speaker=speaker.name,
                    speaker_type=speaker.type,
                    kind=StatementKind.REPORTED,
                    text=clause,
                )
            ]
    return []


def _strip_full_stop(text: str) -> str:
    """Return text without surrounding space and a final full stop outside quotation marks."""
    return text.strip().removesuffix(".").rstrip()
