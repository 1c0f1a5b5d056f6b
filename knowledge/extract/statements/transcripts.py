"""Statements without quotation marks: transcript turns and a guest author's op-ed.

Rules:

* A transcript turn is a paragraph opening with a label and a colon: ``KALLAS:``, ``Q:``/``A:``,
  ``CHAIR:``, ``Ms Okoro (Labour):``, ``The Secretary of State (John Healey):``. The words after
  the label, to the paragraph's end, are the speaker's verbatim words. A name in brackets wins
  (``Role (Name):``, and ``SOUNDBITE (Name, role):`` as TV scripts write: the full name before
  the comma, even when the article names the person nowhere else); otherwise the label is a
  surname or full name (an honorific may come first, a party in brackets after; in mixed case, a
  title or full name of someone the article named: ``Admiral Carr:``, or in bold, a surname too:
  ``**Carr:**``), or a role the article gave one person ("CHAIR" is the person whose stated role
  is chair). ``A:`` is the person the article named last before the transcript, when the lead
  names an occasion (a hearing, a press conference) or tells of an interview; an explainer's own
  "A:" is the writer. ``GUEST:`` is ``A:`` in an interview by definition, and the one person the
  article introduces when it named nobody before the turns (a podcast whose host introduces the
  guest in a turn of their own). Questions (``Q:``, ``INTERVIEWER:``, ``MODERATOR:``) and labels
  that resolve to nobody are no statements.
* A turn cut off with a dash and resumed by the same speaker's next turn opening with a dash
  ("... put it at 2.1%—" / "—so which figure ...?") is one statement.
* An op-ed's guest author -- a byline "By NAME, <role>" on a line of its own near the top --
  speaks in the article's own sentences: those that recommend ("should", "must"), state the
  author's belief or lesson ("I do not believe ...", "I learned one lesson: ...") or give a figure
  as how things stand or will be ("Oslo will spend 3% ...") are the author's verbatim positions,
  in the outlet's op-ed, on its date. Narration (past events) and asides are not statements,
  and a staff columnist's byline (no role) makes none: a column is the outlet's commentary;
  nor does a reporter's ("By Jane Doe, Defence Correspondent", "By Jane Doe in Brussels").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge.extract.people import (
    FIRST_PERSON_VOICE,
    HONORIFIC_PREFIX,
    QUOTATION,
    author_note_role,
    from_capitals,
    is_outlet_label,
    is_questioner,
    is_title_prefix,
    turn_label,
)
from knowledge.extract.reader import CAPTION_LINE
from knowledge.extract.statements.scene import FULL_TEXT, lead_limit
from knowledge.extract.statements.speakers import Cast, Speaker, speaker_at
from knowledge.extract.timeref import find_times
from knowledge.models import Article, Passage, SpeakerType, StatementKind, StatementRecord, TimeRef

_GUEST = frozenset(["guest", "interviewee"])
_ANSWERER = frozenset(["a", "answer", *_GUEST])
_FULL_NAME = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3}")
_HONORIFIC = re.compile(f"^{HONORIFIC_PREFIX}")


def turn_speaker(passage: Passage, cast: Cast, interviewed: bool = True) -> tuple[Speaker | None, int] | None:
    """Return (speaker or None for a question, where the words start) if a paragraph opens with a turn label.

    ``interviewed`` says whether the lead tells of an interview: only then is "A:" the person
    named last; an explainer's own "A:" answers are nobody's statements.
    """
    label = turn_label(passage.text)
    if label is None or len(label.group("label")) > 110:
        return None
    # a committee record numbers its questions: "Q5 Sarah Kettleborough:" is Sarah Kettleborough's
    words = _QUESTION_NUMBER.sub("", label.group("label"))
    if is_outlet_label(words, cast.outlet):
        return None, label.end()  # "**Bastion:** And this year?" in Bastion magazine: the magazine asks
    if not (
        words.isupper()
        or label.group("inside")
        or words in ("Q", "A")
        or is_questioner(words)
        or _HONORIFIC.match(words)
        # "Admiral Carr:" or, in bold, "**Carr:**": someone the article named
        or ((" " in words or label.group("bold")) and cast.index.resolve(words))
        # a numbered question's asker: "Q5 Sarah Kettleborough:" ("Q1 Chair:" names no one surely: a
        # witness may chair something too)
        or (words != label.group("label") and _FULL_NAME.fullmatch(words))
    ):
        return None  # "Washington: ..." or "Start with the numbers: ..." are sentences, not labels
    bare = words.split("(")[0].strip().lower()
    if is_questioner(words):
        return None, label.end()
    caption = _CAPTION.match(passage.text, label.end()) if bare in _SOUNDBITE else None
    if caption is not None:  # "SOUNDBITE:" then "CAPTION: Marek Nowak, Deputy Minister" over the words
        return _captioned(caption.group("who"), cast), caption.end()
    inside = label.group("inside")
    named = cast.index.resolve(_HONORIFIC.sub("", inside.strip())) if inside else None
    if named:  # "GUEST (Dr. Brenninkmeijer):": the name in brackets says who the guest is
        return Speaker(named), label.end()
    if bare in _GUEST and not cast.recent and len(cast.roles) == 1:
        # "HOST: My guest today is Ilse Brandt, ...": the one person the podcast introduces
        return Speaker(next(iter(cast.roles))), label.end()
    if bare in _ANSWERER:  # a "GUEST:" label tells of an interview by itself
        answers = interviewed or bare in _GUEST
        return (Speaker(cast.recent[-1]) if cast.recent and answers else None), label.end()
    return _label_speaker(words, label.group("inside"), cast), label.end()


# A TV script's clip, and the caption line over it that names who speaks.
_SOUNDBITE = frozenset(["soundbite", "sot", "sync", "clip", "grab", "bite"])
_CAPTION = re.compile(rf"{CAPTION_LINE.pattern}(?P<who>[^\n]+)\n\s*", re.I)


def _captioned(who: str, cast: Cast) -> Speaker | None:
    """Return the person a caption names before the comma ("Marek Nowak, Deputy Minister, Poland")."""
    name = who.split(",")[0].split("(")[0].strip()
    named = cast.index.resolve(name)
    if named:
        return Speaker(named)
    return Speaker(name) if _FULL_NAME.fullmatch(name) and "," in who else None


_FILED = re.compile(r"\b(?:FILE|ARCHIVE)\b", re.I)


def caption_time(passage: Passage) -> str | None:
    """Return the caption line over a clip, where a file clip's date is written ("(FILE — The Hague,
    June 2025)"), if the passage is a captioned clip."""
    label = turn_label(passage.text)
    if label is None or label.group("label").strip().lower() not in _SOUNDBITE:
        return None
    caption = _CAPTION.match(passage.text, label.end())
    return caption.group("who") if caption is not None else None


def _label_speaker(words: str, inside: str | None, cast: Cast) -> Speaker | None:
    """Return the person a turn label names, by bracketed name, name or role."""
    outside = words.split("(")[0].strip()
    if _HONORIFIC.match(outside):
        # "Mr. James Kerr (Bow Valley, CPC)", "Mr. GRAHAM PETTIGREW (...)": the member; the brackets
        # hold his seat and party
        name = _HONORIFIC.sub("", outside)
        named = cast.index.resolve(from_capitals(name) if name.isupper() else name)
        if named:
            return Speaker(named)
    if inside:
        named = cast.index.resolve(inside)
        if named:
            return Speaker(named)
        # "SOUNDBITE (Ingrid Haugland, Mayor of Målselv):": a full name, then the role
        name, comma, role = inside.partition(",")
        if name.strip().isupper():  # "SOUNDBITE (CLAIRE BOUCHARD, MINISTER OF NATIONAL DEFENCE):"
            named = cast.index.resolve(from_capitals(name.strip()))
            if named:
                return Speaker(named)
        if comma and _FULL_NAME.fullmatch(name.strip()) and not name.isupper() and role.strip():
            return Speaker(cast.index.resolve(name.strip()) or name.strip())
        words = words.split("(")[0].strip()
    text = _HONORIFIC.sub("", from_capitals(words) if words.isupper() else words)
    named = cast.index.resolve(text) or (
        cast.index.by_initials(words)
        if 2 <= len(words) <= 3 and words.isalpha() and words.isupper()
        else None
    )
    if named:
        return Speaker(named)
    role = text.lower()
    holders = [name for name in cast.roles if role and re.search(rf"\b{re.escape(role)}\b", cast.roles[name])]
    return Speaker(holders[0]) if len(holders) == 1 else None


# The number a committee's record gives each question before the member's name: "Q5 Sarah Kettleborough:"
_QUESTION_NUMBER = re.compile(r"^Q\d{1,4}\s+(?=[A-Z])")


_WRAPPED = re.compile(r"[\"“](?P<words>[^\"“”]+)[\"”]")
# The transcriber's marks inside a turn: "[Applause]", "(Laughter)", "[inaudible]".
_STAGE_MARK = re.compile(
    r"(?<!\s)\s*[\[(](?i:applause|laughter|laughs|cheers|cheering|booing|interruption|inaudible|crosstalk|pause)[.!]?[\])]"
)


def without_stage_marks(words: str) -> str:
    """Return a turn's words without the transcriber's marks of the room ("[Applause]")."""
    return _STAGE_MARK.sub("", words).strip()


def turn_statements(
    passages: list[Passage],
    body: str,
    cast: Cast,
    scene: tuple[TimeRef | None, str | None, bool],
) -> list[StatementRecord] | None:
    """Return the statement of a transcript turn ([] for a question), or None when it is no turn.

    ``scene`` is the turns' time and medium, and whether the lead tells of an interview.
    """
    when, medium, interviewed = scene
    found = turn_speaker(passages[0], cast, interviewed)
    if found is None:
        return None
    speaker, offset = found
    if speaker is None:
        return []
    words = without_stage_marks(
        body[passages[0].start + offset : passages[-1].end].strip().removesuffix("**")
    )
    if _GREETING.fullmatch(words):
        return []  # "Good morning, Tom.", "Thank you, Tom.": a courtesy, nothing said
    wrapped = _WRAPPED.fullmatch(words)
    if wrapped:  # a broadcast's soundbite in quotation marks: 'SOUNDBITE (...): "We made a promise ..."'
        words = wrapped.group("words")
    caption = caption_time(passages[0])
    filed = _FILED.search(caption) if caption else None
    if filed is not None:  # a file clip was said when its caption says: "(FILE — The Hague, June 2025)"
        times = find_times(caption[filed.end() :], None) if caption else []
        when = times[0][0] if times else None
    return [
        StatementRecord(
            passage=passages[0].position,
            speaker=speaker.name,
            speaker_type=speaker.type,
            kind=StatementKind.VERBATIM,
            text=words,
            when=when,
            medium=medium,
        )
    ]


# What tells that the words after it are another's, in a turn: "he told me, " -- a pronoun that speaks
# to the one answering; "I said to Mark Rutte, ..." or "our prime minister told reporters" are not
_SAYS_BEFORE = re.compile(r"\b(?:he|she)\s+(?:told\s+(?:me|us)|said(?:\s+to\s+(?:me|us))?)\s*[,:]?\s*$", re.I)
_HEAD_REACH = 200  # characters before a quotation where its teller is named
# ... or told a body, or said: "Ian Harcourt told the House last week, and I wrote it down, '...'"
_NAMED_TOLD = re.compile(
    r"\s+(?:told\s+(?:me|us|the\s+(?:House|Commons|Senate|Chamber|committee|Bundestag|Sejm|Storting|parliament)"
    r"|parliament|MPs|reporters|journalists)|said|declared)\b[^“”\"]{0,60}"
)
_SENTENCE_CLOSED = re.compile(r"[,:]\s*$")


def quoted_in_turn(passages: list[Passage], cast: Cast, speaker: str) -> list[StatementRecord]:
    """Return the words a turn quotes of another person it names before them, with a verb that says
    they spoke: "When I saw Mark Rutte in Brussels in February, he told me, 'Portugal is punching
    above its weight at sea.'" They are that person's, said when and where the turn does not say;
    the turn stays its speaker's, quotation included, as it was said."""
    label = turn_label(passages[0].text)
    found = []
    for i, passage in enumerate(passages):
        text = passage.text[label.end() :] if i == 0 and label else passage.text
        for quote in QUOTATION.finditer(text):
            head = text[max(0, quote.start() - _HEAD_REACH) : quote.start()]
            mentions = [m for m in cast.index.find(head) if not m.possessive and m.name != speaker]
            if _SAYS_BEFORE.search(head) is not None:
                named = {m.name for m in mentions}
            else:  # "Mark Rutte told me, half joking, that Belgium would 'never make it'"
                named = {m.name for m in mentions if _NAMED_TOLD.fullmatch(head, m.end)}
            if len(named) != 1:
                continue  # one other person named before the words, or no telling whose they are
            words = (quote.group("curly") or quote.group("low") or quote.group("straight")).strip()
            whole = _SENTENCE_CLOSED.search(head) is not None and words[:1].isupper()
            found.append(
                StatementRecord(
                    passage=passage.position,
                    speaker=named.pop(),
                    speaker_type=SpeakerType.PERSON,
                    kind=StatementKind.VERBATIM if whole else StatementKind.PARTIAL,
                    text=words if whole else quote.group(0),
                )
            )
    return found


def join_interrupted(records: list[StatementRecord], turn: StatementRecord) -> list[StatementRecord]:
    """Return records with a turn added, or joined to the same speaker's turn it resumes."""
    for i in range(len(records) - 1, -1, -1):
        earlier = records[i]
        if earlier.speaker == turn.speaker and earlier.kind is StatementKind.VERBATIM:
            if earlier.text.endswith(("—", "–", "--")) and turn.text.startswith(("—", "–", "--")):
                joined = f"{earlier.text.rstrip('—–-')} {turn.text.lstrip('—–-')}"
                return [*records[:i], earlier.model_copy(update={"text": joined}), *records[i + 1 :]]
            break
    return [*records, turn]


# --- op-eds -----------------------------------------------------------------------------------

# A byline role that is a newsroom job or a place ("Defence Correspondent", "in Brussels") marks
# the outlet's own reporting, whose sentences are nobody's statements.
_NEWSROOM = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|journalist|columnist|staff|bureau|desk|newsroom)s?\b|^\s*in\s",
    re.I,
)
_BYLINE = re.compile(r"^(?:[A-Z]+\s*[—–-]\s*)?By\s+(?P<rest>[^\n]{3,160})$")
# The author's claims are the op-ed's statements: recommendations, the author's own beliefs and
# lessons, and figures given as how things stand or will be; narration and asides are not.
_RECOMMENDS = re.compile(r"\b(?:should|must|ought to)\b")
_STANCE = re.compile(
    r"\bI\s+(?:(?:do|did)\s+not\s+|don[’']t\s+|no\s+longer\s+)?(?:(?:yet|still|now|also|firmly|truly)\s+)?"
    r"(?:believe|think|doubt|fear|learned|learnt|am convinced|am sure)\b"
)
# "Sweden will spend 2.4%", "Poland is already above 4%": a figure in a present or future main
# clause; "Sweden spent 1.1% in 2015" is narration, "has promised to reach 3%" someone else's word.
_STANDING_FIGURE = re.compile(
    r"^[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}?\s+(?:will|is|are)\b"
    r"(?=.*?(?:\d\s*(?:%|per\s?cent|percent)|[€$£]\s?\d|\d\s*(?:billion|million|bn)\b))"
)


def byline_author(article: Article, cast: Cast) -> Speaker | None:
    """Return a guest author named in an op-ed's byline with a role ("By Jane Doe, a former minister")."""
    # A byline is a short line of its own, which the reader may take for a heading: read the lines.
    for line in [line.strip() for line in article.body.splitlines() if line.strip()][:6]:
        byline = _BYLINE.match(line)
        if byline is None:
            continue
        rest = byline.group("rest")
        name_part, comma, role = rest.partition(",")
        if not comma:  # "By Marc Vandersteen", and at the end "Marc Vandersteen was Belgium's minister ..."
            role = author_note_role(article, name_part.strip()) or ""
        if not role.strip() or _NEWSROOM.search(role):
            return None  # a staff columnist or reporter: the outlet's own text, not a statement
        speaker, end = speaker_at(name_part.strip(), 0, cast)
        return speaker if speaker and is_title_prefix("") and end == len(name_part.strip()) else None
    return None


def byline_statements(
    article: Article, cast: Cast, taken: set[int], when: TimeRef | None, outlet: str | None
) -> list[StatementRecord]:
    """Return a guest author's own first-person or recommending sentences in an op-ed."""
    author = byline_author(article, cast)
    if author is None:
        return []
    medium = f"op-ed ({outlet})" if outlet else "op-ed"
    return _own_sentences(article, taken, (author.name, when, medium), _claims)


def _own_sentences(
    article: Article,
    taken: set[int],
    author: tuple[str, TimeRef | None, str],
    keep: Callable[[str], bool],
) -> list[StatementRecord]:
    """Return as the author's verbatim statements (author: name, time, medium) the article's whole
    sentences of five words or more that no other statement took and that keep accepts."""
    name, when, medium = author
    records = []
    for passage in article.passages:
        text = without_stage_marks(passage.text)  # "[Applause] I will tell you why."
        if passage.position in taken or not text.endswith((".", "!", "?")):
            continue
        if len(text.split()) >= 5 and keep(text):
            records.append(
                StatementRecord(
                    passage=passage.position,
                    speaker=name,
                    kind=StatementKind.VERBATIM,
                    text=text,
                    when=when,
                    medium=medium,
                )
            )
    return records


def _claims(sentence: str) -> bool:
    """Return whether an op-ed's sentence is its author's claim: a recommendation, belief or standing figure."""
    return bool(_RECOMMENDS.search(sentence) or _STANCE.search(sentence) or _STANDING_FIGURE.match(sentence))


# --- speeches ---------------------------------------------------------------------------------

# A speech's text published as such: "Speech by NATO Secretary General Mark Rutte at the Bucharest
# Security Conference", "Remarks by the Prime Minister, Jane Doe, to parliament".
_SPEECH_TITLE = re.compile(
    r"^(?:(?:Full\s+text|Transcript|Read)\s*:\s*)?(?:(?:Opening|Closing|Keynote|Prepared)\s+)?"
    r"(?:speech|remarks|address|keynote|statement)\s+(?:by|of|from)\s+(?P<who>[^:|]+?)"
    r"(?:,?\s+(?:at|to|on|in|before|during)\s+(?:the\s+)?[A-Z0-9][^:|]*)?$",
    re.I,
)
# ... or a title or lead that gives it whole, naming its speaker otherwise: "Defence Minister Signe
# Holmgaard's speech in full", "the full text, as prepared for delivery, of the speech given by ..."
_SPEECH_OF = re.compile(
    # "Ingrid Solheim's Bergen address", "... given on Wednesday by ..."
    r"(?P<who>(?:[A-Z][\w’'-]+\s+){1,3}[A-Z][\w’'-]+)['’]s\s+(?:[A-Z][\w-]+\s+){0,2}(?:speech|remarks|address|keynote)\b"
    r"|\b(?:speech|remarks|address|keynote)\s+(?:(?:given|delivered|made)\s+(?:on\s+[A-Z]\w+\s+|last\s+\w+\s+)?)?by\s+"
    r"(?:[^,.;:]{3,60}?,\s+(?=[A-Z][\w’'-]+\s+[A-Z][\w’'-]+,))?"  # "by Norway's Minister of Defence, Ingrid Solheim,"
    r"(?P<by>(?:[\w’'-]+\s+){0,5}?[A-Z][\w’'-]+\s+[A-Z][\w’'-]+)(?=\s+(?:at|to|on|in|before|during)\b|[,.;:]|$)"
)


def _speech_given_by(article: Article) -> str | None:
    """Return the words naming a speech's speaker, in a title that gives the speech whole ("...'s
    speech in full") or a lead sentence that says so ("the full text ... of the speech given by ...");
    an article that only mentions a speech and where its text is is no speech."""
    if any(turn_label(p.text) for p in article.passages):
        return None  # a transcript's turns say whose words they are
    title = article.meta.title or ""
    limit = lead_limit(article)
    lead = [p.text for p in article.passages[:64] if p.paragraph < limit]
    for text in (title, *lead):
        if _IN_FULL.search(text) and (match := _SPEECH_OF.search(text)):
            if _REPLY_TO.search(text, 0, match.start()):
                return None  # "the full text of the reply by Jonas Berg to Ingrid Solheim's address"
            return match.group("who") or match.group("by")
    return None


_REPLY_TO = re.compile(r"\b(?:reply|response|rebuttal|answer|reaction)\b", re.I)
_IN_FULL = re.compile(rf"{FULL_TEXT.pattern}|\bin\s+full\b", re.I)  # the scene's cues, and "... in full"


_FIRST_PERSON = FIRST_PERSON_VOICE
# A turn that only greets or thanks: "Good morning, Tom.", "Thanks for having me."
_GREETING_WORDS = r"Thank\s+you|Thanks|Good\s+(?:morning|afternoon|evening)"
_GREETING = re.compile(
    rf"\s*(?:(?:{_GREETING_WORDS}|Hello|Hi|Pleasure|My\s+pleasure)"
    r"(?:\s+(?:for\s+having\s+me|very\s+much|again))?(?:,?\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)?[.!]?\s*)+",
    re.I,
)
_COURTESY = re.compile(rf"^(?:{_GREETING_WORDS}|Ladies\s+and|Check\s+against)\b", re.I)


def speech_statements(
    article: Article, cast: Cast, taken: set[int], when: TimeRef | None
) -> list[StatementRecord]:
    """Return the speaker's own first-person or recommending sentences in a published speech's text.

    The title names the speech and its speaker, whom the article introduces; courtesies ("Thank
    you, Minister") and the words of others the speaker quotes are no statements of theirs.
    """
    title = _SPEECH_TITLE.match((article.meta.title or "").strip())
    who = title.group("who") if title else _speech_given_by(article)
    if who is None:
        return []
    words = who.replace(",", " ").split()
    name = next(
        (found for k in (3, 2) if len(words) >= k and (found := cast.index.resolve(" ".join(words[-k:])))),
        None,
    )
    if name is None:
        return []
    return _own_sentences(
        article,
        taken,
        (name, when, "speech"),
        lambda text: not _COURTESY.match(text) and bool(_FIRST_PERSON.search(text) or _claims(text)),
    )
