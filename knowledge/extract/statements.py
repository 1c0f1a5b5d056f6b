"""Find what named people said: verbatim quotes, partial quotes and reported speech.

Rules:

* A speaker is a person from ``extract_people``, named as the sentence's subject (titles and an
  introductory phrase such as "In 2019," may come first) or right after the speech verb ("said
  Jane Doe"), or a subject pronoun ("He", "She", "They") resolved by ``PersonIndex.referents``;
  "They" only when the person was named in the sentence just before. Anything else --
  "Observers", "Kowalski's tone", "officials", "the report", a summit declaration -- is no
  speaker: words of documents and unnamed officials are left out for now, and a sentence *about*
  a person is never that person's statement. Clauses opened by "When" or "If" have no speaker.
* VERBATIM: a quotation ("..." or “...”) with its attribution after it (`"…," she said.`,
  `"…," said Jane Doe.`, `“…,” Kowalski wrote in a ministry report.`) or before it,
  with the quote ending the sentence (`In 2019, Kowalski declared, “…”`). A passage that is only
  a quotation continues the verbatim statement of the passage just before it in the same
  paragraph: a second record with the same speaker, time and medium, so each record's text stays
  one contiguous quotation. A quote split by its attribution (`"A," she said, "B."`) gives two.
* Quoted text: the exact words inside the marks. A trailing comma is dropped (it belongs to the
  attribution); ".", "!" and "?" are kept, since a verbatim quote is a whole utterance. A PARTIAL
  quote is a fragment of the writer's sentence, so a trailing "." inside its marks is the writer's
  full stop and is dropped too.
* PARTIAL: quoted words inside reported speech (`She added that allies want “a fair deal.”`);
  ``context`` is the reported clause with its quotation marks.
* REPORTED: `<speaker> [also] <verb> [time, medium, listener] that <clause>` gives the clause after
  "that"; "said", "says", "added" and "wrote" may omit "that" when a clause follows directly
  ("She also said the army is ready"). Verbs of calling on, urging, pledging, reaffirming and
  announcing take an object, so their text runs from the verb ("urged allies to spend more").
  "According to <speaker>, <clause>" and "<clause>, according to <speaker>" are reported too. The
  text keeps the passage's words: only a final full stop and framing the writer appends after a
  comma (", even as ...", ", while ...") are cut. Negated or modal verbs ("did not say", "would
  say") are no statement. A sentence with a quotation is never also reported.
* ``when`` comes only from the attribution -- the introductory phrase and the words between the
  verb and the quote or clause -- never from the quoted or reported words; it is resolved with
  ``find_times`` against the publication date. ``medium`` is the noun phrase after "wrote in" or
  "said in" (a report, statement, interview ...), "on" (X, television ...) or "told" (an outlet,
  not a listener such as "reporters", "Parliament" or a person), without its preposition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.people import INTRO, QUOTATION, PersonIndex, Referent, is_title_prefix, shared_index
from knowledge.extract.timeref import find_times
from knowledge.models import (
    Article,
    PartialDate,
    Passage,
    PersonRecord,
    StatementKind,
    StatementRecord,
    TimeRef,
)

_OBJECT_VERBS = (
    "called on|calls on|called for|calls for|urged|urges|reaffirmed|reaffirms|pledged|pledges|announced"
    "|announces|promised|promises|vowed|vows|reiterated|reiterates"
)
_CLAUSE_VERBS = (
    "said|says|stated|states|stressed|stresses|added|adds|warned|warns|argued|argues|noted|notes|told|tells"
    "|insisted|insists|claimed|claims|declared|declares|emphasi[sz]ed|emphasi[sz]es|wrote|writes|explained"
    "|explains|acknowledged|acknowledges|confirmed|confirms|maintained|maintains|suggested|suggests"
    "|believes|predicted|cautioned|asserted|contended|observed|remarked|replied|responded"
)
_VERB = rf"(?:{_OBJECT_VERBS}|{_CLAUSE_VERBS})"
_THAT_OPTIONAL = frozenset({"said", "says", "added", "adds", "wrote", "writes"})
_ADVERBS = (
    "also|again|later|repeatedly|previously|once|further|then|recently|publicly|separately|has|had|have"
)
_VERB_AFTER_SUBJECT = re.compile(rf"(?:,\s[^,“”\"]{{1,100}},)?\s+(?:(?:{_ADVERBS})\s+)*(?P<verb>{_VERB})\b")
_VERB_FIRST = re.compile(rf"\s*(?P<verb>{_VERB})\s+")
_PRONOUN = re.compile(r"(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey)\b")
_THAT_CLAUSE = re.compile(r"(?P<extras>[^“”\".;]{0,80}?)\bthat\s+(?P<clause>\S.*)$", re.S)
# Prepositional attribution details allowed between a speech verb and the quote it introduces.
_ATTRIBUTION_DETAILS = re.compile(
    r"(?:,?\s+(?:in|on|at|during|before|after|from|via|with|last|this|next|to|earlier|later)\b[^,:“”\"]*)*"
    r"\s*[,:]?\s*"
)
_CLAUSE_START = re.compile(
    r"(?:[A-Z0-9]|(?:the|a|an|it|he|she|they|we|there|this|these|those|his|her|its|their|our|no|all|some"
    r"|most|more|every|each)\b)"
)
_FRAMING = re.compile(
    r",\s+(?:even as|even though|even if|amid|despite|while|whereas|although|though|as|after|before"
    r"|according to|referring to|citing|in a|in an)\b.*$",
    re.S,
)
_MEDIUM_NOUNS = (
    "report|statement|interview|letter|op-ed|article|post|speech|essay|column|memo|book|blog|tweet"
    "|podcast|address|press release|briefing|message|editorial|foreword|newsletter|video|broadcast"
)
_MEDIUM_PATTERNS = (
    re.compile(
        rf"\b(?:in|on)\s+(?P<medium>(?:(?!in\b|on\b)[\w’'.-]+\s+){{0,6}}?(?:{_MEDIUM_NOUNS})s?\b"
        r"(?:\s+(?:with|to|for)\s+(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*)*)?)"
    ),
    re.compile(
        r"\bon\s+(?P<medium>X|Twitter|Facebook|Instagram|Telegram|LinkedIn|Truth Social|Bluesky|YouTube"
        r"|TikTok|social media|(?:state |national |public )?(?:television|TV|radio))(?!\w)"
    ),
    re.compile(
        r"\btold\s+(?P<medium>(?:state |national |public )?(?:television|TV|radio)"
        r"|(?:the |The )?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,3})(?=\s+(?:that|in|on)\b|[,.;:]|\s*$)"
    ),
)
_LEADING_MEDIUM = re.compile(rf"(?:in|on)\s+(?:an?|the)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_MEDIUM_NOUNS})\b")
# Audiences, not outlets: "told Parliament that ..." names no medium.
_AUDIENCES = re.compile(r"parliament|congress|senate|house|cabinet|bundestag|nato|reporters|lawmakers", re.I)
_LEADING_COMMA = re.compile(r"^\s*,?\s*")
_APPOSITION_AFTER = re.compile(r"^,\s+(?:a|an|the)\s+[^,]*")
_TOLD_OBJECT = re.compile(r"^\s+(?:[\w.’'-]+\s*){1,6}?(?=[,:]|\s+(?:in|on|at)\b|\s*$)")
_OBJECT_VERB = re.compile(_OBJECT_VERBS)
_ACCORDING_TO = (
    re.compile(r"According to (?P<who>[^,]{1,80}),\s+(?P<clause>.+)", re.S),
    re.compile(r"(?P<clause>.+),\s+according to (?P<who>[^,]{1,80}?)\.?", re.S),
)


@dataclass(frozen=True, slots=True)
class _Frame:
    """A speaker, the speech verb that follows them, and where the attribution's words are."""

    speaker: str
    verb: str
    verb_start: int
    verb_end: int
    lead: str  # the words before the speaker: an introductory phrase and titles


@dataclass(frozen=True, slots=True)
class _Context:
    """What a passage needs from outside itself to attribute its statements."""

    index: PersonIndex
    position: int
    referent: Referent | None
    published: PartialDate | None
    previous: StatementRecord | None  # the verbatim statement just before, in the same paragraph


# --- assembling -------------------------------------------------------------------------------


def extract_statements(article: Article, people: list[PersonRecord]) -> list[StatementRecord]:
    """Return the statements attributed to the article's people, in passage order."""
    index = shared_index(tuple(people))
    records: list[StatementRecord] = []
    previous: tuple[Passage, StatementRecord] | None = None
    for passage, referent in zip(article.passages, index.referents(article.passages), strict=True):
        before = previous[1] if previous and _continues(previous[0], passage) else None
        context = _Context(index, passage.position, referent, article.meta.published, before)
        found = _statements_in(passage, context)
        records += found
        verbatim = [r for r in found if r.kind is StatementKind.VERBATIM]
        previous = (passage, verbatim[-1]) if verbatim else None
    return records


def _continues(earlier: Passage, passage: Passage) -> bool:
    """Return whether passage directly follows earlier in the same paragraph."""
    return passage.position == earlier.position + 1 and passage.paragraph == earlier.paragraph


def _statements_in(passage: Passage, context: _Context) -> list[StatementRecord]:
    """Return the statements one passage makes, given what came before it."""
    quotes = list(QUOTATION.finditer(passage.text))
    if not quotes:
        return _reported(passage, context)
    if passage.text[: quotes[0].start()].strip():
        return _quote_after_attribution(passage, quotes, context) or _partial(passage, quotes, context)
    return _quote_before_attribution(passage, quotes, context)


# --- verbatim ---------------------------------------------------------------------------------


def _quote_before_attribution(
    passage: Passage, quotes: list[re.Match[str]], context: _Context
) -> list[StatementRecord]:
    """Return verbatim statements for quotes followed by their attribution, or a bare continuation."""
    text, first = passage.text, quotes[0]
    if len(quotes) == 1 and not text[first.end() :].strip():
        return _continuation(passage, first, context)
    segment_end = quotes[1].start() if len(quotes) > 1 else len(text)
    found = _attribution_after(text[first.end() : segment_end], context)
    if found is None:
        return []
    speaker, details, rest = found
    when, medium = _when(details, context.published), _medium(details, context)
    spoken = [first]
    if len(quotes) == 2 and not rest.strip(" ,") and not text[quotes[1].end() :].strip(" .,"):
        spoken.append(quotes[1])  # "A," she said, "B."
    return [_verbatim(passage, quote, speaker, when, medium) for quote in spoken]


def _continuation(passage: Passage, quote: re.Match[str], context: _Context) -> list[StatementRecord]:
    """Return the verbatim statement a bare quotation continues, if the passage before had one."""
    if context.previous is None:
        return []
    before = context.previous
    return [_verbatim(passage, quote, before.speaker, before.when, before.medium)]


def _attribution_after(segment: str, context: _Context) -> tuple[str, str, str] | None:
    """Return (speaker, attribution details, rest) for the words after a quotation."""
    body = _LEADING_COMMA.sub("", segment)
    frame = _frame(body, context, allow_intro=False)
    if frame is not None:
        details, _, rest = body[frame.verb_start :].partition(",")
        return frame.speaker, details, rest
    verb_first = _VERB_FIRST.match(body)
    if verb_first is None:
        return None
    speaker, end = _named_at(body, verb_first.end(), context)
    if speaker is None:
        return None
    details, _, rest = _strip_apposition(body[end:]).partition(",")
    return speaker, f"{verb_first.group('verb')} {details}", rest


def _strip_apposition(rest: str) -> str:
    """Return the words after a speaker without a descriptive apposition (", a British MP")."""
    return _APPOSITION_AFTER.sub("", rest)


def _named_at(text: str, start: int, context: _Context) -> tuple[str | None, int]:
    """Return the speaker named at start (titles allowed) and where the name ends."""
    pronoun = _PRONOUN.match(text, start)
    if pronoun:
        return _resolve_pronoun(pronoun.group("pronoun"), context), pronoun.end()
    for mention in context.index.find(text):
        if mention.start >= start and is_title_prefix(text[start : mention.start]) and not mention.possessive:
            return mention.name, mention.end
    return None, start


def _quote_after_attribution(
    passage: Passage, quotes: list[re.Match[str]], context: _Context
) -> list[StatementRecord]:
    """Return the verbatim statement of a quote that ends a sentence its attribution opens."""
    text, quote = passage.text, quotes[0]
    frame = _frame(text[: quote.start()], context, allow_intro=True)
    if frame is None or len(quotes) > 1 or text[quote.end() :].strip(" ."):
        return []
    details = _details_after_verb(text[: quote.start()], frame)
    if details is None:
        return []
    when = _when(f"{frame.lead} {details}", context.published)
    return [_verbatim(passage, quote, frame.speaker, when, _medium(f"{frame.verb} {details}", context))]


def _details_after_verb(pre: str, frame: _Frame) -> str | None:
    """Return the words between the verb and a quote when they only say where or when, else None."""
    details = pre[frame.verb_end :]
    return details if _only_details(details, frame.verb) else None


def _only_details(words: str, verb: str) -> bool:
    """Return whether the words after a verb only say where, when, how or to whom it was said."""
    if verb == "told":  # its object comes first: "told reporters", "told state television"
        words = _TOLD_OBJECT.sub("", words)
    return bool(_ATTRIBUTION_DETAILS.fullmatch(words))


def _verbatim(
    passage: Passage, quote: re.Match[str], speaker: str, when: TimeRef | None, medium: str | None
) -> StatementRecord:
    """Return a verbatim statement of the words inside one quotation."""
    words = _quoted_words(quote).removesuffix(",").rstrip()
    return StatementRecord(
        passage=passage.position,
        speaker=speaker,
        kind=StatementKind.VERBATIM,
        text=words,
        when=when,
        medium=medium,
    )


def _quoted_words(quote: re.Match[str]) -> str:
    """Return the words inside a quotation's marks."""
    return (quote.group("curly") or quote.group("straight") or "").strip()


# --- partial and reported ---------------------------------------------------------------------


def _partial(passage: Passage, quotes: list[re.Match[str]], context: _Context) -> list[StatementRecord]:
    """Return partial statements for quotes inside a speaker's reported clause."""
    found = _reported_clause(passage.text, context)
    if found is None:
        return []
    frame, clause_start, details = found
    context_text = _strip_full_stop(passage.text[clause_start:])
    when = _when(f"{frame.lead} {details}", context.published)
    medium = _medium(f"{frame.verb} {details}", context)
    return [
        StatementRecord(
            passage=passage.position,
            speaker=frame.speaker,
            kind=StatementKind.PARTIAL,
            text=_quoted_words(quote).rstrip(",.").rstrip(),
            context=context_text,
            when=when,
            medium=medium,
        )
        for quote in quotes
        if quote.start() >= clause_start
    ]


def _reported(passage: Passage, context: _Context) -> list[StatementRecord]:
    """Return the reported statement a passage without quotations makes, if any."""
    found = _reported_clause(passage.text, context)
    if found is None:
        return _according_to(passage, context)
    frame, clause_start, details = found
    text = _FRAMING.sub("", _strip_full_stop(passage.text[clause_start:]))
    if len(text.split()) < 3:
        return []
    return [
        StatementRecord(
            passage=passage.position,
            speaker=frame.speaker,
            kind=StatementKind.REPORTED,
            text=text,
            when=_when(f"{frame.lead} {details}", context.published),
            medium=_medium(f"{frame.verb} {details}", context),
        )
    ]


def _reported_clause(text: str, context: _Context) -> tuple[_Frame, int, str] | None:
    """Return the frame, where the reported clause starts, and the attribution details between."""
    frame = _frame(text, context, allow_intro=True)
    if frame is None:
        return None
    rest = text[frame.verb_end :]
    that = _THAT_CLAUSE.match(rest)
    if that and _only_details(that.group("extras"), frame.verb):
        return frame, frame.verb_end + that.start("clause"), that.group("extras")
    if _OBJECT_VERB.fullmatch(frame.verb):
        return frame, frame.verb_start, ""
    if frame.verb not in _THAT_OPTIONAL:
        return None
    details_end = _skip_details(rest, context.published)
    if not _CLAUSE_START.match(rest, details_end):
        return None
    return frame, frame.verb_end + details_end, rest[:details_end]


def _skip_details(rest: str, published: PartialDate | None) -> int:
    """Return where the clause after "said" starts, past leading time and medium phrases."""
    position = len(rest) - len(rest.lstrip())
    while length := _detail_length(rest[position:], published):
        position += length
        position += len(rest[position:]) - len(rest[position:].lstrip())
    return position


def _detail_length(words: str, published: PartialDate | None) -> int:
    """Return the length of a time ("on Tuesday") or medium ("in a statement") opening words, else 0."""
    medium = _LEADING_MEDIUM.match(words)
    if medium:
        return medium.end()
    return next((end for _ref, start, end in find_times(words, published) if start == 0), 0)


def _according_to(passage: Passage, context: _Context) -> list[StatementRecord]:
    """Return the reported statement of "According to X, ..." or "..., according to X."."""
    text = passage.text
    if "According to" not in text and "according to" not in text:
        return []  # the words both patterns need: spare every other sentence two full matches
    for pattern in _ACCORDING_TO:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        who = match.group("who")
        mentions = [m for m in context.index.find(who) if m.end == len(who) and not m.possessive]
        if mentions and is_title_prefix(who[: mentions[-1].start]):
            clause = _FRAMING.sub("", _strip_full_stop(match.group("clause")))
            return [
                StatementRecord(
                    passage=passage.position,
                    speaker=mentions[-1].name,
                    kind=StatementKind.REPORTED,
                    text=clause,
                )
            ]
    return []


# --- frames -----------------------------------------------------------------------------------


def _frame(text: str, context: _Context, *, allow_intro: bool) -> _Frame | None:
    """Return the speaker who opens text as subject and the speech verb right after them."""
    starts = [0]
    intro = INTRO.match(text)
    if allow_intro and intro:
        starts.append(intro.end())
    for start in starts:
        speaker, end = _named_at(text, start, context)
        verb = _VERB_AFTER_SUBJECT.match(text, end) if speaker else None
        if speaker and verb:
            return _Frame(speaker, verb.group("verb"), verb.start("verb"), verb.end("verb"), text[:start])
    return None


def _resolve_pronoun(pronoun: str, context: _Context) -> str | None:
    """Return the person a subject pronoun refers to, if known."""
    referent = context.referent
    if referent is None:
        return None
    # "They" is as often a group as a person: only the person named just before qualifies.
    return referent.name if pronoun.lower() != "they" or referent.passage == context.position - 1 else None


def _when(attribution: str, published: PartialDate | None) -> TimeRef | None:
    """Return the first time named in an attribution's words, resolved."""
    times = find_times(attribution, published)
    return times[0][0] if times else None


def _medium(attribution: str, context: _Context) -> str | None:
    """Return where the words appeared, as written, when the attribution says so."""
    for pattern in _MEDIUM_PATTERNS:
        match = pattern.search(attribution)
        medium = match.group("medium") if match else ""
        # "told Parliament" and "told Jane Doe" name listeners, not outlets.
        if (
            medium
            and not _AUDIENCES.fullmatch(medium.removeprefix("the "))
            and not context.index.find(medium)
        ):
            return medium
    return None


def _strip_full_stop(text: str) -> str:
    """Return text without surrounding space and a final full stop outside quotation marks."""
    return text.strip().removesuffix(".").rstrip()
