"""The scene an article's lead sets: the occasion, day and place its statements were made at.

Rules:

* A dateline ("TALLINN — ", "BRUSSELS, March 3 (Wire) -") names the place the article was
  written from, not necessarily where words were said: it is used only for statements of an
  occasion the lead names.
* The lead (the title and the passages before the first statement-bearing paragraph, at most
  the first two paragraphs) may name an occasion, or a line at the top labels the text a press
  release: a press conference, an interview, a hearing or
  oral evidence, a debate, a speech. (Questions set out as turns, ``Q:``, make an interview of
  the answers alone: ``interview_scene``.) Then statements that give no medium of their own take the
  occasion as their medium, the lead's day as their time (when it resolves to a day) and the
  dateline as their place. Without an occasion nothing is inherited: a report's quotations may
  come from anywhere. One person's occasion (an interview, a speech) is only the people its
  sentence names; an occasion still to come ("will give a press conference") is no one's; and no
  statement is dated after its article (see ``extract_statements``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.timeref import find_times
from knowledge.models import Article, PartialDate, Passage, StatementRecord, TimeRef

DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z .’'-]{2,40}?)(?:,[^—–\n]{0,40})?\s*[—–-]{1,2}\s+")
_OCCASION = re.compile(
    r"\b(?P<occasion>(?:joint |news |press )?press conference|news conference|interview|oral evidence"
    r"|hearing|debate|speech|briefing)s?\b",
    re.I,
)
# A debate as a figure of speech, no occasion: "on opposite sides of the debate", "the debate over".
_FIGURATIVE = re.compile(r"\b(?:sides?|terms|heart|centre|center|part)\s+of\s+(?:the|this|that|a)\s+$", re.I)
_IN_DEBATE = re.compile(
    r"\b(?:in|during|at|after|before|opening|closing|told|to)\s+(?:a|an|the|this|that|[\w’']+['’]s)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
# "the debate over the 2 percent guideline": the public argument about something, no occasion
_TOPIC_AFTER = re.compile(r"\s+(?:over|about|around|on\s+whether)\b", re.I)
LEAD_PARAGRAPHS = 2
# A release labels itself on a line of its own above the text ("PRESS RELEASE", "For immediate
# release"), which the reader may keep out of the passages: its quotations are the release's.
_RELEASE = re.compile(r"^\s*(?P<occasion>(?:press|news|media) release)\s*$", re.I | re.M)
_RELEASE_REACH = 400  # characters: the label stands at the top
# A question set out as a turn ("Q: ...", "**Q:** ...", "INTERVIEWER: ..."): the text is an interview.
_INTERVIEWED = re.compile(
    r"\b(?:interview(?:ed|s)?|spoke (?:to|with)|speaks (?:to|with)|talked (?:to|with)|sat down with|told"
    r"|questions? (?:for|to)|Q&A|in conversation|conversation with|met (?:him|her|us|me)|asked"
    r"|received (?:us|me)|(?:the|our|this) conversation)\b",
    re.I,
)
_QUESTION_LABEL = re.compile(r"^(?:\*\*|__)?(?:Q|Question|INTERVIEWER|Interviewer)(?:\*\*|__)?\s*:", re.M)


_AHEAD = re.compile(
    r"\b(?:will|is\s+to|are\s+to|is\s+due\s+to|plans\s+to)\s+(?:\w+\s+){0,2}(?:an?\s+|the\s+)?$", re.I
)


@dataclass(frozen=True, slots=True)
class Scene:
    """The occasion, day and place the lead gives, if any, and the publication date."""

    medium: str | None
    when: TimeRef | None
    place: str | None
    published: TimeRef | None

    def fill(self, record: StatementRecord) -> StatementRecord:
        """Return the record with the occasion's medium, day and place where it gives none."""
        if self.medium is None or record.medium is not None:
            return record
        return record.model_copy(
            update={
                "medium": self.medium,
                "when": record.when or self.when,
                "place": record.place or self.place,
            }
        )


def scene_of(article: Article) -> Scene:
    """Return the scene an article's title and lead set."""
    published = _as_time(article.meta.published)
    limit = lead_limit(article)
    lead = [p for p in article.passages[:64] if p.paragraph < limit]
    title = article.meta.title or ""
    text = " ".join([title, *(p.text for p in lead)])
    occasion = (
        next(
            (
                m
                for m in _OCCASION.finditer(text)
                if not _FIGURATIVE.search(text, max(0, m.start() - 20), m.start())
                # "The Secretary General will give a press conference": not yet held, no one spoke at it
                and not _AHEAD.search(text, max(0, m.start() - 30), m.start())
                and not _TOPIC_AFTER.match(text, m.end())
                # "every year the debate stops at the 2% line": outside the title, a debate is an occasion
                # only when the lead puts someone in it ("during the debate", "in a debate")
                and (
                    m.start() < len(title)
                    or not m.group("occasion").lower().startswith("debate")
                    or _IN_DEBATE.search(text, max(0, m.start() - 30), m.start())
                )
            ),
            None,
        )
        or _RELEASE.search(article.body[:_RELEASE_REACH])
    )
    if occasion is None:
        return Scene(None, None, None, published)
    return _occasion(article, lead, occasion.group("occasion").lower(), published)


def tells_of_interview(article: Article) -> bool:
    """Return whether the title or lead tells of someone interviewed: then "A:" is that person.

    An explainer sets out its own answers as "Q: ... A: ..." too; without an interview told of,
    its answers are the writer's, not the words of whoever the lead named last.
    """
    limit = lead_limit(article)
    lead = " ".join(
        [article.meta.title or "", *(p.text for p in article.passages[:64] if p.paragraph < limit)]
    )
    return _INTERVIEWED.search(lead) is not None


# A title or lead that gives a speech whole: "Transcript: ...", "the text of the speech given by ...".
FULL_TEXT = re.compile(
    r"^\s*(?:transcript|full\s+text)\s*:"
    r"|\b(?:(?:the\s+)?full\s+text|text\s+of\s+(?:the|her|his|their)\s+(?:speech|address|remarks|statement)"
    r"|as\s+delivered|as\s+prepared\s+for\s+delivery)\b",
    re.I,
)


def tells_of_full_text(article: Article) -> bool:
    """Return whether the title or lead says the article gives a speech or transcript whole: then the
    paragraphs after its last labelled turn are still that speaker's."""
    limit = lead_limit(article)
    lead = " ".join(
        [article.meta.title or "", *(p.text for p in article.passages[:64] if p.paragraph < limit)]
    )
    return FULL_TEXT.search(article.meta.title or "") is not None or FULL_TEXT.search(lead) is not None


def interview_scene(article: Article) -> Scene | None:
    """Return the scene of an interview set out as turns ("Q: ..."), for its answers only, if it is one.

    Questions laid out as turns make the text an interview even when its lead does not say so;
    the answers are given then, on the lead's day. Other statements of the article (a speech it
    quotes, a source's remark) keep their own medium.
    """
    if _QUESTION_LABEL.search(article.body) is None:
        return None
    lead = [p for p in article.passages[:64] if p.paragraph < lead_limit(article)]
    return _occasion(article, lead, "interview", _as_time(article.meta.published))


def _occasion(article: Article, lead: list[Passage], medium: str, published: TimeRef | None) -> Scene:
    """Return the scene of an occasion: the lead's day (or publication) and the dateline's place."""
    when = next(
        (
            ref
            for p in lead
            for ref, _s, _e in find_times(p.text, article.meta.published)
            if ref.day is not None
        ),
        None,
    )
    dateline = DATELINE.match(article.passages[0].text)
    place = dateline.group("place").strip().title() if dateline else None
    return Scene(medium, when or published, place, published)


def lead_limit(article: Article) -> int:
    """Return the paragraph index where the lead ends."""
    seen: list[int] = []
    for passage in article.passages:  # in order: stop once the lead's paragraphs are known
        if passage.paragraph not in seen:
            if len(seen) == LEAD_PARAGRAPHS:
                break
            seen.append(passage.paragraph)
    return seen[-1] + 1 if seen else 0


def _as_time(date: PartialDate | None) -> TimeRef | None:
    """Return the publication date as a time reference."""
    if date is None:
        return None
    return TimeRef(text=date.iso(), year=date.year, month=date.month, day=date.day)
