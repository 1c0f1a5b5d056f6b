"""Corrections win: a note that says an earlier figure was wrong replaces it with the right one.

A correction is a sentence that reports an earlier, wrong version ("An earlier version of this
post said ...", "Yesterday's brief said ...", "we incorrectly reported ...") and then, in the same
sentence or the next one of its paragraph, the right figure ("the correct figure is 1.37%", "it
is in fact ...", or what the source said or puts it at, after a semicolon or as the next sentence:
"Vandamme said €9.8 billion.", "NATO's estimate for this year is 2.3%."). The wrong figure is
dropped wherever the article states it for that country and metric, and the right one is stored
with the wrong one's country, metric and year, citing the correction. A correction with no right
figure only drops the wrong one. An update note that "corrects the size of the increase to 4
billion euros from 3 billion" drops every figure of the wrong value. So does a revising sentence
that gives the right figure and the one it replaces ("The ministry later said the figure for 2026
would be 3.65% of GDP, not 3.4%"), for the ally it is about, and a later figure that says it
replaces one "given earlier" (a wire's update). A figure a later sentence dates otherwise ("for
Belgium, 1.3% is the figure for 2023, not 2024") moves to that year, for the allies it names.
"""

from __future__ import annotations

import re

from knowledge.extract.numbers import find_money, find_percents
from knowledge.extract.reader import opens_paragraph
from knowledge.gazetteer import find_country_mentions
from knowledge.models import Article, Metric, SpendingRecord, TimeRef

# An editor's note: "Mr Aldridge's letter, as first published on our website, gave ..." (not "the NATO
# report as first published in June" as a source).
_FIRST_PUBLISHED_GAVE = (
    r"\bas\s+(?:first|originally|initially)\s+(?:published|posted|printed|broadcast)\b[^.;]{0,60}?"
    r"\b(?:gave|said|stated|wrote|put|listed)\b"
)
_EARLIER_VERSION = re.compile(
    # not another's: "the 1.31% shown in NATO's last report" is no earlier version of this text
    r"(?<![’']s\s)\bfirst\s+version\b|(?<![’']s\s)\b(?:earlier|previous|original|last)\s+(?:version|post|entry|update|brief|report|story|edition|article|issue"
    r"|newsletter|bulletin)\b"
    r"|\b(?:yesterday|last\s+week|last\s+month)['’]s\s+\w+"
    # "Friday's issue said Belgium had reached 2.3%": a newsletter's issue of a weekday
    r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day['’]s\s+(?:issue|edition|newsletter|story|article|column|post|entry)"
    r"\s+(?:said|stated|reported|gave|wrote|listed|put)\b"
    r"|\bwe\s+(?:also\s+)?(?:incorrectly\s+|wrongly\s+|mistakenly\s+|originally\s+|initially\s+)?"
    # (a government's "we reported exactly that to Brussels" tells what it sent NATO, no correction)
    r"(?:reported(?![^.;]{0,25}\bto\s+(?:NATO\b|the\s+alliance\b|(?-i:[A-Z])))|said|wrote|stated)\b"
    r"|\bour\s+[\w:.]+\s+(?:entry|post|update|report|story|brief|item)\b"
    r"|\b(?:incorrectly|wrongly|erroneously|mistakenly)\b|\bmisstated\b"
    rf"|{_FIRST_PUBLISHED_GAVE}",
    re.I,
)
# An earlier publication a correction names, only where the passage (or the one before it) says it
# corrects: "Correction: The release issued on 10 March stated that ...", "And before we go, a
# correction. A caption in our report on defence spending said ..." (not "In a statement issued on
# Monday, the ministry said ...", nor "As our report on Monday showed").
_EARLIER_RELEASE = re.compile(
    r"(?<![’']s\s)\b(?:earlier|previous|original|last)\s+(?:release|statement)\b"
    r"|\b(?:release|statement|bulletin|notice)\s+(?:we\s+)?(?:issued|published|sent|circulated)\s+(?:on|last|yesterday)\b"
    r"|\bour\s+(?:report|story|broadcast|bulletin|programme|program|coverage)\s+(?:on|about|of|last|yesterday)\b"
    # a podcast's notes: "Correction: In the episode David says Canada spent 1.47% ..."
    r"|\bin\s+(?:the|this|last\s+week['’]s)\s+(?:episode|broadcast|programme|program|interview|podcast|recording|audio)\b",
    re.I,
)
_CORRECTS = re.compile(
    r"\bcorrection\b|\bincorrect(?:ly)?\b|\bin\s+error\b", re.I
)  # not "dismissed reports of cuts as wrong", "critics ... are mistaken"


def _earlier_version(article: Article, position: int) -> bool:
    """Return whether a passage reports an earlier, wrong version of the text (see _EARLIER_VERSION
    and _EARLIER_RELEASE)."""
    text = article.passages[position].text
    if _EARLIER_VERSION.search(text):
        return True
    if not _EARLIER_RELEASE.search(text):
        return False
    before = article.passages[position - 1] if position else None
    near = text + (
        " " + before.text
        if before is not None and before.paragraph == article.passages[position].paragraph
        else ""
    )
    return _CORRECTS.search(near) is not None


_RIGHT_CUE = re.compile(
    r"\b(?:correct(?:ed)?|right|actual|accurate)\s+(?:figure|number|amount|share|value)s?\b"
    r"|\bshould\s+have\s+(?:said|read|been)\b|\b(?:is|was)\s+(?:in\s+fact|actually)\b|\bcorrected\s+to\b"
    # "... and that 2.5% is correct": the cue is the figure's own start
    r"|(?<![\d.])(?=\d[\d.,]*\s*(?:%|per\s*cent)\s+(?:is|was)\s+(?:the\s+)?(?:correct|right)\b)"
    r"|;\s*(?:it|the\s+figure|the\s+share)\s+(?:is|was)\b"
    # "That was wrong: the figure published by the ministry is 1.46 per cent."
    r"|\b(?:that|this|it)\s+(?:was|is)\s+(?:wrong|incorrect|inaccurate|an\s+error|a\s+mistake)\b",
    re.I,
)
# Who gave the figure: a name ("Vandamme", "Minister Dufour") or an office ("the ministry").
_SOURCE = (
    r"(?:(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*"
    r"|(?i:the\s+(?:\w+\s+)?(?:ministry|government|office|spokes(?:person|man|woman)|department))"
    r"(?:\s+of\s+(?:[A-Z][\w’'-]*\s+){0,2}[A-Z][\w’'-]*)?)"  # "The Department of National Defence"
)
# Only what the source said, and the figure: "Vandamme said €9.8 billion."
_SAID = (
    rf"{_SOURCE}\s+(?:(?:has|have)\s+)?(?:since\s+|now\s+|later\s+)?"
    r"(?:said|says|told\s+\w+|gave|wrote|clarified|confirmed|puts?\s+(?:it|the\s+figure)\s+at)\b"
    r"(?=[^;]{0,25}\d[^;]{0,30}$)"
)  # "Vandamme said EUR 9.8 billion.", "The finance ministry has since clarified that the figure is 2.4 per cent."
_SOURCE_SAID = re.compile(rf"^\s*{_SAID}")  # as the sentence after the note
# ... or whose figure it is, as the sentence after the note: "NATO's estimate for this year is 2.3%."
_SOURCE_FIGURE = re.compile(
    r"^\s*(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?['’]s|The)\s+(?:(?:latest|own|official|published)\s+)?"
    r"(?:estimate|figure|number|data)\b[^.;\d]{0,40}?\b(?:is|was|stands\s+at|puts\s+it\s+at)\b"
)
_SOURCE_SAID_AFTER = re.compile(
    rf";\s*{_SAID}"
)  # after a semicolon in the note: "we said 2%; Francken said 2.05%."


def apply_corrections(article: Article, records: list[SpendingRecord]) -> list[SpendingRecord]:
    """Return the records with each corrected figure replaced by its correction."""
    records = _restating_corrections(
        article, _without_disowned(article, _apply_update_notes(article, records))
    )
    records = _superseded(article, _redated(article, records))
    corrected = (Metric.SHARE_OF_GDP, Metric.AMOUNT)
    holding = {r.passage for r in records if r.metric in corrected}  # only these can hold a wrong figure
    for position, passage in enumerate(article.passages):
        if position in holding:
            if not _earlier_version(article, position):
                continue
            batches = [[r for r in records if r.passage == position and r.metric in corrected]]
        elif _FIRST_PUBLISHED.search(passage.text) or (
            _CORRECTION_WORD.search(passage.text) and _earlier_version(article, position)
        ):
            # a note that reads no figure of its own: "In our 11:32 entry we said ... €36.8 billion, or
            # 2.3% of GDP", each measure with its own right figure ("the correct figures are €34.9
            # billion and 2.1%")
            wrong = _restated_wrong(passage.text, records)
            batches = [[r for r in wrong if r.metric is metric] for metric in corrected]
        else:
            continue
        for wrong in batches:
            records = _corrected(article, position, passage.text, wrong, records)
        holding = {r.passage for r in records if r.metric in corrected}
    return records


# A live blog's update that revises what came before it: "Update, 15:40: Arsenault's office says the
# minister misspoke. ..."
# (A correction that restates the earlier version's figure is read by ``apply_corrections``.)
_UPDATE_OPENING = re.compile(r"\s*(?:\*\*|__)?\s*update[sd]?\b[^:\n]{0,30}:", re.I)
# ... that says the earlier figure was wrong: another source's estimate in an update replaces nothing
_RETRACTS = re.compile(
    r"\bmis-?(?:spoke|spoken|stated)\b|\bcorrect\w*|\brevis\w*|\bclarif\w*|\binstead\b|\bin\s+error\b"
    r"|\bshould\s+have\b|\bwrong\w*",
    re.I,
)


def _superseded(article: Article, records: list[SpendingRecord]) -> list[SpendingRecord]:
    """Return the records without those an update note that retracts restates with another value.

    "14:10 Canada will spend 2.3 per cent this year" then "Update, 15:40: Arsenault's office says the
    minister misspoke. Canada's projected figure for 2026 is 2.1 per cent": the note's figure for
    the same ally, measure and year replaces each earlier one that differs.
    """
    noted: set[int] = set()  # the passages of update notes
    opening = ""
    for passage in article.passages:
        if opens_paragraph(article.passages, passage.position):
            opening = passage.text
        if (
            _UPDATE_OPENING.match(opening)
            and _RETRACTS.search(opening)
            and not _EARLIER_VERSION.search(opening)
        ):
            noted.add(passage.position)
    if not noted:
        return records
    kept = records
    for note in records:
        year = note.when.year if note.when is not None else None
        if note.passage not in noted or year is None:
            continue
        kept = [
            r
            for r in kept
            if not (
                r.passage < note.passage
                and r.passage not in noted
                and r.subject == note.subject
                and r.metric is note.metric
                and r.when is not None
                and r.when.year == year
                and r.value is not None
                and r.value != note.value
            )
        ]
    return kept


_CORRECTION_WORD = re.compile(r"CORRECTION|[Cc]orrect(?:ion|ed)")
_FIRST_PUBLISHED = re.compile(_FIRST_PUBLISHED_GAVE, re.I)


def _restated_wrong(note: str, records: list[SpendingRecord]) -> list[SpendingRecord]:
    """Return the records a note that reads no figure itself says were wrong: the ones of an ally it
    names, with a value it gives ("Mr Aldridge's letter, as first published, gave Canada's 2025
    defence spending as C$68 billion")."""
    named = {country.code for country, _, _ in find_country_mentions(note)}
    quantities = [*find_money(note), *find_percents(note)]
    values = {q.value for q in quantities}
    measures = [r for r in records if r.metric in (Metric.SHARE_OF_GDP, Metric.AMOUNT)]
    if named:
        return [r for r in measures if r.subject in named and r.value in values]
    # a note that names no ally ("we said the government puts next year's spending at €36.8 billion"):
    # the figures written as the note writes them, when they are one ally's
    written = {q.text for q in quantities}
    found = [r for r in measures if r.as_written in written]
    return found if len({r.subject for r in found}) == 1 else []


def _corrected(
    article: Article, position: int, note: str, wrong: list[SpendingRecord], records: list[SpendingRecord]
) -> list[SpendingRecord]:
    """Return the records with the wrong ones a correction at position names replaced by its right one."""
    if not wrong:
        return records

    year_fix = _YEAR_FIX.search(note)
    if year_fix is not None:
        # "we wrote that Lisbon plans to reach 2 per cent in 2029; the target year is 2027": the
        # figure stands, in the right year
        when = TimeRef(text=year_fix.group("year"), year=int(year_fix.group("year")))
        records = [r.model_copy(update={"when": when}) if r in wrong else r for r in records]
        return records
    right = _right_figure(article, position, wrong[0])
    gone = {
        (r.subject, r.metric, r.value) for r in wrong if right is None or r.as_written != right.as_written
    }
    records = [r for r in records if (r.subject, r.metric, r.value) not in gone or r is right]
    stated = {(r.subject, r.metric, r.value, r.when.year if r.when else None) for r in records}
    if (
        right is not None
        and (right.subject, right.metric, right.value, right.when.year if right.when else None) in stated
        and right not in records
    ):
        right = (
            None  # the article already states the right figure elsewhere: dropping the wrong one is enough
        )
    if right is not None:
        records = [
            r
            for r in records
            if not (
                r.passage == right.passage and r.subject == right.subject and r.as_written == right.as_written
            )
        ]
        records.append(right)
    return records


# A sentence that opens as a correction and states the right figure itself: "[09:21] jonas.p:
# Correction: Belgium spent 2.04% of GDP on defence in 2025." (after "Belgium reached 2.4% ...").
_CORRECTION_OPENS = re.compile(
    r"^(?:\s*\[[\d:.]+\]\s*[\w.@-]{1,30}:)?\s*(?:\*\*)?Correct(?:ion|ed)\s*(?:\*\*)?\s*[:—–-]", re.I
)


# A later figure that says it replaces one given before: "..., more than the figure given earlier by a
# government source", "..., revising upward the figures given earlier in the day" (a wire's updates).
_SUPERSEDES = re.compile(
    r"\b(?:revis\w*|correct\w*|updat\w*|more|higher|less|lower)\b[^.;]{0,40}?\bfigures?\s+"
    r"(?:given|published|reported|announced|released|cited)\s+(?:earlier|before|previously|initially)\b",
    re.I,
)


_NOT_BEFORE = re.compile(r"\bnot\s+(?:the\s+)?$", re.I)


def _wrong_in_note(note: str, record: SpendingRecord, start: int, stop: int) -> bool:
    """Return whether a note gives a figure as the wrong one: between the earlier version's mention
    and the right cue (start, stop), or after "not"."""
    at = note.find(record.as_written)
    return start <= at < stop or _NOT_BEFORE.search(note, max(0, at - 8), at) is not None


def _restating_corrections(article: Article, records: list[SpendingRecord]) -> list[SpendingRecord]:
    """Return the records less the earlier figures a correction restates for the same ally, measure
    and year with another value, or that a later figure says it replaces ("revising upward the
    figures given earlier")."""
    for position, passage in enumerate(article.passages):
        if not (
            _CORRECTION_OPENS.match(passage.text)
            or ("figure" in passage.text and _SUPERSEDES.search(passage.text))
        ):
            continue
        right = [r for r in records if r.passage == position and r.value is not None]
        if _earlier_version(article, position):
            # "Correction: An earlier version gave Norway's figure as 2.0%.": a figure after the
            # earlier version's mention, or after "not", is the wrong one ("Norway spent 2.0%, not
            # 2.2% as an earlier version said"), restating nothing; a right cue ends that part
            earlier = _EARLIER_VERSION.search(passage.text) or _EARLIER_RELEASE.search(passage.text)
            cue = _RIGHT_CUE.search(passage.text)
            start = earlier.start() if earlier is not None else len(passage.text)
            stop = cue.start() if cue is not None and cue.start() > start else len(passage.text)

            right = [r for r in right if not _wrong_in_note(passage.text, r, start, stop)]
        keys = {(r.subject, r.metric, r.when.year if r.when else None): r.value for r in right}
        records = [
            r
            for r in records
            if not (
                r.passage < position
                and (key := (r.subject, r.metric, r.when.year if r.when else None)) in keys
                and keys[key] != r.value
            )
        ]
    return records


# A figure put in its right year against the one given for it: "1.37% is NATO's figure for Canada
# in 2023, not 2024".
_REDATED = re.compile(
    r"(?P<figure>\d+(?:[.,]\d+)?\s*(?:%|per\s*cent|percent))[^.;%]{0,60}?\b(?:in|for)\s+(?P<right>(?:19|20)\d\d)"
    r",?\s+not\s+(?:in\s+|for\s+)?(?P<wrong>(?:19|20)\d\d)\b",
    re.I,
)


def _redated(article: Article, records: list[SpendingRecord]) -> list[SpendingRecord]:
    """Return the records with a figure a later sentence dates otherwise moved to that year.

    Only the ally the sentence names, when it names allies ("for Belgium, 1.3% is the figure for
    2023, not 2024" moves Belgium's 1.3%, not Spain's); the fixes are gathered first and the
    records read once, so the work is linear in the article.
    """
    fixes: dict[tuple[float, int], list[tuple[int, int, TimeRef, set[str]]]] = {}
    for position, passage in enumerate(article.passages):
        if " not " not in passage.text:
            continue
        for match in _REDATED.finditer(passage.text):
            found = find_percents(match.group("figure"))
            if len(found) != 1 or found[0].value is None:
                continue
            named = {c.code for c, _, _ in find_country_mentions(passage.text) if c.nato_member}
            when = TimeRef(text=match.group("right"), year=int(match.group("right")))
            key = (round(found[0].value, 4), int(match.group("wrong")))
            fixes.setdefault(key, []).append((position, int(match.group("right")), when, named))
    if not fixes:
        return records
    redated = []
    for r in records:
        candidates = (
            fixes.get((round(r.value, 4), r.when.year), [])
            if r.metric is Metric.SHARE_OF_GDP and r.value is not None and r.when is not None and r.when.year
            else []
        )
        fix = next((f for f in candidates if r.passage < f[0] and (not f[3] or r.subject in f[3])), None)
        # cited from the correction
        redated.append(r if fix is None else r.model_copy(update={"when": fix[2], "passage": fix[0]}))
    return redated


# A correction of the year alone, after the wrong one: "...; the target year is 2027".
_YEAR_FIX = re.compile(
    r"[;:]\s*the\s+(?:(?:target|right|correct|actual)\s+)?(?:year|deadline|date)\s+(?:is|was)\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)


def _right_figure(article: Article, position: int, wrong: SpendingRecord) -> SpendingRecord | None:
    """Return the record the correction gives in place of wrong, if it gives a figure."""
    passage = article.passages[position]
    candidates = [(position, m.end()) for m in _RIGHT_CUE.finditer(passage.text)]
    candidates += [(position, m.end()) for m in _SOURCE_SAID_AFTER.finditer(passage.text)]
    following = article.passages[position + 1] if position + 1 < len(article.passages) else None
    if not candidates and following is not None and following.paragraph == passage.paragraph:
        candidates = [(position + 1, m.end()) for m in _RIGHT_CUE.finditer(following.text)]
        said = _SOURCE_SAID.match(following.text) or _SOURCE_FIGURE.match(following.text)
        candidates += [(position + 1, said.end())] if said and not candidates else []
    for at, offset in candidates:
        text = article.passages[at].text
        found = find_percents(text) if wrong.metric is Metric.SHARE_OF_GDP else find_money(text)
        after = [q for q in found if q.start >= offset]
        if after:
            q = after[0]
            return wrong.model_copy(
                update={
                    "passage": at,
                    "value": q.value,
                    "as_written": q.text,
                    "currency": q.currency if wrong.metric is Metric.AMOUNT else wrong.currency,
                }
            )
    return None


# An update note: "UPDATE 1 — ... corrects the size of the increase to 4 billion euros from 3 billion";
# a revision: "the 2023 ratio was revised down to 1.29%, from the 1.31% shown in NATO's last report".
_UPDATE_NOTE = re.compile(
    r"\b(?:correct(?:s|ed|ing)?|revis(?:e|es|ed|ing))\b[^.;]*?\bto\s+(?P<right>[^;]*?\d[^;]*?),?\s+from\s+(?:the\s+)?(?P<wrong>[^.;]*?\d[\w.,]*(?:\s+(?:billion|million|trillion|bn|m|per\s*cent|percent|%))?)",
    re.I,
)
_NUMBER = re.compile(
    r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>billion|bn|million|m\b|trillion|tn|%|per\s*cent|percent)?", re.I
)
_SCALE = {"billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6, "trillion": 1e12, "tn": 1e12}


# "The ministry later said the figure for 2026 would be 3.65% of GDP, not 3.4%": the right figure,
# then the one it replaces, in a sentence that says it corrects or revises.
_RIGHT_NOT_WRONG = re.compile(
    r"(?P<right>\d[\d.,]*\s*(?:%|per\s*cent|percent|billion|bn|million))(?:\s+of\s+(?:its\s+)?GDP)?"
    r"(?:\s+on\s+(?:defen[cs]e|the\s+military))?"  # "2.2% of GDP on defence in 2026, not 2.5%"
    r"(?:\s+(?:in|for)\s+(?:19|20)\d\d)?\s*,\s+not\s+[\"“‘']?(?:(?:almost|nearly|about|around|roughly|some)\s+)?"
    r"(?P<wrong>\d[\d.,]*\s*(?:%|per\s*cent|percent|billion|bn|million)?)",
    re.I,
)
_QUOTED_WRONG = re.compile(r",\s+not\s+[\"“‘']\s*(?:(?:almost|nearly|about|around|roughly|some)\s+)?\d")
_CORRECTING = re.compile(r"\b(?:correct|corrects|correcting|correction)\b", re.I)
_REVISING = re.compile(
    r"\b(?:later|now|correct\w*|correction|revis\w*|clarif\w*|in\s+fact|actually|update[sd]?|"
    r"(?:as\s+)?(?:previously|earlier)\s+reported|reported\s+(?:earlier|previously)"
    r"|for\s+the\s+record|fact[- ]?check\w*)\b",  # a moderator's "For the record, ... 3.2%, not 3.5%"
    re.I,
)


def _apply_update_notes(article: Article, records: list[SpendingRecord]) -> list[SpendingRecord]:
    """Return the records without the figures an update note says it corrected ("to 4bn from 3bn",
    "later said ... 3.65% of GDP, not 3.4%")."""
    subjects: dict[int, set[str]] = {}
    for record in records:
        subjects.setdefault(record.passage, set()).add(record.subject)
    for position, passage in enumerate(article.passages):
        before = article.passages[position - 1].text if position else ""
        # "I have to correct myself. The sheet in front of me is the December projection. The number
        # ... is 2.3 percent, not 2.2.": the cue may stand two sentences back in the paragraph
        if position > 1 and article.passages[position - 2].paragraph == passage.paragraph:
            before = f"{article.passages[position - 2].text} {before}"
        # no "X, not Y" in most sentences: spare them the searches
        # the cue may open the sentence before: "I need to correct the premise of the question.
        # Italy's figure for 2027 is 2.04% of GDP, not 1.5%."
        if ", not " in passage.text and (
            _REVISING.search(passage.text)
            or _EARLIER_VERSION.search(before)
            or _CORRECTING.search(before)
            or _QUOTED_WRONG.search(passage.text)  # "Athens spent 3.08% in 2025, not “almost 4 per cent”"
        ):
            # only the figures of the ally the note is about (its right figure's, else the one it names)
            about = subjects.get(position, set()) or {
                c.code for c, _, _ in find_country_mentions(passage.text) if c.nato_member
            }
            for note in _RIGHT_NOT_WRONG.finditer(passage.text):
                wrong = _written_value(note.group("wrong"), note.group("right"))
                if wrong is None:
                    continue
                replaced = [
                    r
                    for r in records
                    if (value := _value_of(r)) is not None
                    and _same_value(value, wrong)
                    and (not about or r.subject in about)
                ]
                gone = {id(r) for r in replaced}
                records = [r for r in records if id(r) not in gone]
                records += _right_records(replaced, records, position, note)
        for note in _UPDATE_NOTE.finditer(passage.text):
            wrong = _written_value(note.group("wrong"), note.group("right"))
            if wrong is not None:
                records = [r for r in records if r.value is None or not _same_value(r.value, wrong)]
    return records


# Someone's figure that the text says is wrong or is no defence spending: "Her 1.6 per cent matches
# the forecast for economic growth, not defence spending", "Doe's 3% is out of date".
_OWNED_FIGURE = re.compile(
    r"(?:\b[Hh]er|\b[Hh]is|\b[Tt]heir|\b[A-Z][\w’'-]+['’]s)\s+(?:figure\s+of\s+)?"
    r"(?P<figure>\d[\d.,]*\s*(?:%|per\s*cent|percent))"
)
# "Mr. Sandhu's figure for Poland is incorrect", "The letter's figures for Canada were wrong".
_WRONG_FOR_ALLY = re.compile(
    r"(?:\b[Hh]is|\b[Hh]er|\b[Tt]heir|\b[A-Z][\w’'.-]+['’]s)\s+(?:figures?|numbers?|estimates?|claims?)\s+"
    r"for\s+(?P<ally>(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?:is|was|are|were)\s+"
    r"(?:incorrect|wrong|mistaken|inaccurate|out\s+of\s+date)\b"
)
_DISOWNED = re.compile(
    r"\bnot\s+(?:(?:on\s+)?defen[cs]e|military|(?:the\s+)?(?:defen[cs]e\s+)?spending)\b"
    r"|\b(?:wrong|incorrect|out\s+of\s+date|mistaken|inaccurate|misleading)\b",
    re.I,
)


def _without_disowned(article: Article, records: list[SpendingRecord]) -> list[SpendingRecord]:
    """Return the records less any share of GDP a later sentence disowns as someone's wrong figure,
    and less the ally's figure a note calls someone's wrong figure for it, the last one before the
    note ("Editor's note: Mr. Sandhu's figure for Poland is incorrect. NATO estimated ... 4.5%": the
    letter's 6% goes; NATO's figure given before the letter, and the note's own, stay)."""
    for position, passage in enumerate(article.passages):
        named = _WRONG_FOR_ALLY.search(passage.text) if _DISOWNED.search(passage.text) else None
        allies = {c.code for c, _, _ in find_country_mentions(named.group("ally"))} if named else set()
        if len(allies) == 1:
            # the figure the note answers is the ally's last one before it, not every one the
            # article gives ("NATO estimates ... 4.48%", then a letter's "6%", then the note)
            ally = allies.pop()
            measures = (Metric.SHARE_OF_GDP, Metric.AMOUNT)
            last = max(
                (
                    r.passage
                    for r in records
                    if r.subject == ally and r.passage < position and r.metric in measures
                ),
                default=None,
            )
            records = [
                r for r in records if not (r.subject == ally and r.passage == last and r.metric in measures)
            ]
        if "%" not in passage.text and "cent" not in passage.text:
            continue  # a disowned figure is a share of GDP: most sentences hold none
        if not _DISOWNED.search(passage.text):
            continue
        for owned in _OWNED_FIGURE.finditer(passage.text):
            found = find_percents(owned.group("figure"))
            if len(found) != 1:
                continue
            wrong = found[0].value
            records = [
                r
                for r in records
                if not (
                    r.passage <= position
                    and r.metric is Metric.SHARE_OF_GDP
                    and (value := _value_of(r)) is not None
                    and _same_value(value, wrong)
                )
            ]
    return records


def _same_value(value: float, wrong: float) -> bool:
    """Return whether a figure is the wrong one a note names (equal but for float rounding)."""
    return abs(value - wrong) <= 1e-9 * max(1.0, wrong)


def _value_of(record: SpendingRecord) -> float | None:
    """Return a record's value, or a bound's as written ("almost 4 per cent" is 4)."""
    if record.value is not None:
        return record.value
    found = find_percents(record.as_written)
    return found[0].value if len(found) == 1 and record.metric is Metric.SHARE_OF_GDP else None


def _right_records(
    replaced: list[SpendingRecord], kept: list[SpendingRecord], position: int, note: re.Match[str]
) -> list[SpendingRecord]:
    """Return the right figure of a revising note in place of the records it replaced, for one ally,
    unless the note's own sentence already gave it ("Portugal's estimate should read 1.55% of GDP,
    not 1.65%": Portugal's 1.65% becomes 1.55%, cited from the note)."""
    if len({(r.subject, r.metric) for r in replaced}) != 1:
        return []
    if any(r.passage == position and r.subject == replaced[0].subject for r in kept):
        return []
    text = note.group("right").strip()
    if replaced[0].metric is Metric.SHARE_OF_GDP:
        found = find_percents(text)
        right = found[0].value if len(found) == 1 else None
    else:  # an amount in the wrong one's currency: "9.8 billion, not 8.9 billion"
        right = _written_value(text, note.group("wrong")) if "," not in text else None
    if right is None:
        return []
    return [r.model_copy(update={"passage": position, "value": right, "as_written": text}) for r in replaced]


def _written_value(wrong: str, right: str) -> float | None:
    """Return the value a corrected figure was written as; a bare "3 billion" takes the scale of its correction."""
    found = _NUMBER.search(wrong)
    if found is None:
        return None
    unit = (found.group("unit") or "").lower()
    if not unit:
        other = _NUMBER.search(right)
        unit = (other.group("unit") or "").lower() if other else ""
    return float(found.group("num")) * _SCALE.get(unit.split()[0] if unit else "", 1.0)
