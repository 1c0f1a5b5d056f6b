"""The alliance's own figures: its spending targets and how many allies meet them.

* **Targets.** A percentage of GDP in a clause whose subject is the alliance ("allies committed
  to invest 5% of GDP by 2035", "NATO's 2% guideline", "leaders agreed a target of 3.5%") and that
  speaks of a goal (target, goal, guideline, pledge, commitment, agreed, aim, by a year) is a
  target of the alliance (subject ``NATO``, status target), dated by its deadline ("by 2035"),
  else by the clause's one year ("agreed in Wales in 2014"). Parts of a target joined to it
  ("split between 3.5% for core needs and 1.5% for wider items") are targets of the same year, and
  so are parts given in the next sentence ("At least 3.5% is for core defence, and up to 1.5% can
  go to ..."). A clause that names a country before the figure is that country's business, not the
  alliance's -- unless the country is only where allies met ("agreed in Vilnius", see ``_venues``),
  asks the allies for it ("Washington expected every ally to move towards 5%"), or stands before a
  colon that opens the statement. A question ("debating whether 2% should be ...") states none.
* **Named targets.** A target named in passing is the alliance's too, whoever the clause is about
  ("Italy has not reached NATO's 2% guideline", "the 2% guideline agreed in Wales in 2014"): when
  NATO possesses it or it is "the N% guideline", and it is not a share of budgets or another body's.
  One record per target however often it is named, dated only by a clause that says it was set.
* **Totals.** An amount whose clause has the allies together as its subject ("the 32 allies are
  expected to spend about $1.47 trillion", "NATO's 32 members together accounted for $1,506bn",
  "allied defence spending reached $1.3 trillion", "alliance-wide spending", "allied governments",
  "NATO estimates that its members ...") and a spending word between them is the
  alliance's total (``AMOUNT``), dated by the time after it; an amount it is compared with ("up
  from $1.34 trillion a year earlier") is the total of that time. Not a total: a country named
  between subject and amount, NATO's own (common, civil) budget, aid, a bound ("more than $1 trillion").
  Sentence-opening "Allies" spending "a combined" or "together" amount are the alliance too; "European
  allies" are not. A share given beside a total (", or 2.71% of their combined GDP") is the
  alliance's share of GDP in the total's year.
* **Counts.** "23 of the 32 allies", "Twenty-three allies", "23 NATO allies" with a verb
  of meeting or reaching a target: the number of allies meeting it (``ALLIES_MEETING_TARGET``),
  with the total when given and the target percent when the clause names one. A forecast ("are
  expected to", "on course to") is an estimate; a bound ("more than 20 allies") is not a count.
  "Of 32 allies, 23 reached ..." gives the total first; a sentence right after a count whose
  subject is that count ("The number crept up, to 11 in 2023, before jumping to 23 in 2024") gives
  it again for other years, as does one naming it ("The number of allies meeting the 2% target
  rose from three in 2014 to 23 in 2024"). "Countries" count allies only where the alliance is named.
"""

from __future__ import annotations

import re

from knowledge.extract.numbers import (
    COUNT_PATTERN,
    QualifierKind,
    Quantity,
    find_money,
    find_percents,
    parse_count,
    qualifier_before,
)
from knowledge.extract.spending._clauses import DATELINE, DEMAND_VERBS, NAMED_TARGET_OF, clause_spans
from knowledge.extract.spending._status import figure_status
from knowledge.extract.spending._venues import is_venue
from knowledge.extract.timeref import find_times
from knowledge.gazetteer import find_country_mentions, find_demonyms, find_government_seats
from knowledge.models import ALLIANCE, Article, FigureStatus, Metric, Passage, SpendingRecord, TimeRef

_ALLIANCE_SUBJECT = re.compile(
    r"\bNATO\b|\b(?i:alliance|allies|allied|members|member\s+states|leaders|heads\s+of\s+state|(?:every|each)\s+ally"
    r"|(?:allied\s+|NATO\s+)?defen[cs]e\s+ministers)\b"
)
# A country that asks the allies for the figure is not its owner: "Washington expected every ally to
# move towards 5%", "Germany urged allies to commit to 3.5%".
# The allies told of someone's own plan: "has told allies (that) it will reach".
_TOLD = re.compile(r"\b(?:told|informed|assured|reassured|promised)\s+(?:(?:the|its|fellow)\s+)?$", re.I)
_TOLD_OWN_PLAN = re.compile(
    r"\s*,?\s*(?:that\s+)?(?:it|he|she|we|they)\s+(?:will|would|plans?|intends?|aims?|is|was)\b", re.I
)
_URGES = re.compile(
    rf"\s+(?:(?:has|have|had)\s+)?(?:expect(?:s|ed)?|told|warned|{DEMAND_VERBS})\s+"
    r"(?:(?:all|every|each|the|other|fellow)\s+){0,2}$",
    re.I,
)
# A colon opens a statement of its own: in "Vilnius settled it: leaders agreed that 2% ...", the
# words before it are no subject of the figure.
_COLON = re.compile(r":\s")
# An open question states no target: "the alliance was debating whether 2% should be a floor".
_QUESTION = re.compile(r"\b(?:whether|if)\b", re.I)
_GOAL = re.compile(
    r"\b(?:targets?|goal|guideline|benchmark|pledged?|commit(?:ted|ment|s)?|agreed|agreement|aims?|"
    r"invest|by\s+(?:19|20)\d\d|(?:move|moving|path|head|heading)\s+towards?)\b",
    re.I,
)
# A target still to be agreed: the clause's date is when it may be set, not when it was.
_PROPOSED = re.compile(
    r"\b(?:expected|set|due|likely|poised|about)\s+to\b|\b(?:will|would|are\s+to|is\s+to)\b", re.I
)
# A floor is a goal only once set: "leaders agreed 2% as a floor", not "leaders had called 2% a floor".
_FLOOR = re.compile(r"\b(?:threshold|floor|minimum)\b", re.I)
_DEADLINE = re.compile(
    r"\s*(?:of\s+(?:their\s+|its\s+)?(?:GDP|gross\s+domestic\s+product)\s+)?[^.;%]{0,100}?\b"
    r"(?:by|for|(?:is|are)\s+due\s+(?:in|by))\s+"
    r"(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
# What a part of a target is for: "3.5% is for core defence", "1.5% can go to", "3.5% reserved for".
_PART_OF = re.compile(
    r"\s*(?:of\s+(?:it|GDP|that|this|the\s+total)\s+)?"
    r"(?:(?:is|are|will|would|must|should|shall|can|could|has\s+to|have\s+to)\s+)?"
    r"(?:be\s+)?(?:for|go(?:es)?\s+to|on|(?:reserved|earmarked|set\s+aside)\s+for|(?:devoted|allocated|dedicated)\s+to)\b",
    re.I,
)
_TARGET_BOUND = re.compile(r"at\s+least|up\s+to|no\s+less\s+than", re.I)
_NAMED_BEFORE = re.compile(rf"\b{NAMED_TARGET_OF}$", re.I)
_REFERENCE = re.compile(
    r"\s*(?:of\s+GDP\s+)?(?:(?:defen[cs]e|spending)\s+)?(?:guideline|target|goal|benchmark|threshold|line|mark|level|figure)\b",
    re.I,
)
# Whose a named target is: the alliance's ("NATO's 2% guideline", "the alliance's target of"), or
# "the 2% guideline" (the alliance's word for it).
_TARGET_OWNER = re.compile(
    r"(?:\b(?:NATO|the\s+alliance|allies)['’]s?\s+(?:(?:new|old|current|agreed|long-?standing|headline)\s+)?"
    r"|(?P<the>\bthe\s+(?:(?:new|old|current|agreed|long-?standing)\s+)?))$",
    re.I,
)
_GUIDELINE = re.compile(r"\s*(?:of\s+GDP\s+)?(?:(?:defen[cs]e|spending)\s+)?guideline\b", re.I)
_BUDGET_SHARE = re.compile(r"\s*\bof\s+(?:the\s+|their\s+|its\s+)?(?:defen[cs]e\s+)?budgets?\b", re.I)
_SETTING = re.compile(
    r"\b(?:agree(?:d|ing)?|set(?:ting)?|adopt(?:ed|ing)?|pledg(?:e|ed|ing)|commit(?:ted|ting|ment)|endors(?:e|ed|ing)"
    r"|rais(?:e|ed|ing)|introduc(?:e|ed|ing)|propos(?:e|ed|ing)|decided|sign(?:ed|ing)?\s+off|approv(?:e|ed|ing)"
    r"|made|turned)\b",
    re.I,
)
_COUNT = re.compile(
    rf"\b(?P<n>{COUNT_PATTERN})\s+(?:of\s+(?:the\s+|NATO['’]s\s+|its\s+|all\s+)?(?P<total>{COUNT_PATTERN})\s+)?"
    r"(?:NATO\s+)?(?:allies|members|member\s+(?:states|countries|nations)|countries|nations)\b",
    re.I,
)
# "Of 32 allies, 23 reached ...": the total first, then the count with no noun of its own.
_OF_TOTAL_COUNT = re.compile(
    rf"\b(?i:of)\s+(?:the\s+|NATO['’]s\s+|its\s+|all\s+)?(?P<total>{COUNT_PATTERN})\s+"
    rf"(?:allies|members|member\s+states|countries|nations)\s*,\s*(?P<n>{COUNT_PATTERN})\b",
    re.I,
)
# A sentence whose subject is the count just given ("The number crept up, to 11 in 2023, before
# jumping to 23 in 2024") gives that count again for other years.
_RECOUNT_SUBJECT = re.compile(
    r"\s*(?:[AQ]:\s*)?(?:The|That|This|Their)\s+(?:number|count|tally)\b(?!\s+of\s+(?!allies|members|them))"
)
# "The number of allies meeting the 2% target rose from three in 2014 to 23 in 2024": a count by name.
_NUMBER_OF_ALLIES = re.compile(
    r"\s*(?:[AQ]:\s*)?The\s+number\s+of\s+(?:NATO\s+)?(?:allies|members|member\s+states|countries)\b", re.I
)
_RECOUNT = re.compile(
    rf"\b(?:to|at|reached|hit|of|from)\s+(?P<n>{COUNT_PATTERN})\s+(?:(?:allies|members)\s+)?in\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
_MEETING = re.compile(
    # a gathering is no target met: "32 allies are meeting in Ankara", "met on Tuesday", "meet for talks"
    r"\b(?:(?:met|meet|meets|meeting)\b"
    r"(?!\s+(?:(?:at|on|for|with|again|next|this|today|tomorrow|here|there)\b|in\s+(?!(?:19|20)\d\d\b)))"
    r"|reach(?:ed|es|ing)?|hit|exceed(?:ed|s)?|cross(?:ed)?|spen[dt]\w*\s+at\s+least|"
    r"are\s+above|were\s+above|at\s+or\s+above|on\s+course|on\s+track|spen[dt]\w*\s+(?:at\s+least\s+)?\d+(?:\.\d+)?\s*%\s+or\s+more)",
    re.I,
)
_ANY_COUNTRIES = re.compile(r"(?:countries|nations)$", re.I)
_NATO_NAMED = re.compile(r"\bNATO\b|\b(?:alliance|allies|allied)\b", re.I)
_COUNT_CUE = re.compile(r"allies|members|countries|nations|states", re.I)
_NOT_NATO = re.compile(r"\bEU\b|European\s+Union|\bG7\b|\bG20\b|\bOECD\b")
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_FORECAST = re.compile(
    r"\b(?:expect\w*|projected|forecast\w*|on\s+course|on\s+track|will|would|estimat\w*)\b", re.I
)
_EVERY_BEFORE = re.compile(r"\b(?P<short>(?:not|nearly|almost)\s+)?(?:every|each)\s+$", re.I)
_ALL_BUT = re.compile(r"\ball\s+but\s+(?:the\s+)?$", re.I)
_OF_BEFORE = re.compile(r"\b(?:of|the)\s+$", re.I)  # "Of 32 allies, 23 ...", "the 32 allies": the total
# "up from three in 2014", "against three a decade earlier": the count it is compared with, and when.
_COMPARED_COUNT = re.compile(
    rf"\b(?:up\s+from|against|compared\s+with|from)\s+(?:just\s+|only\s+)?(?P<n>{COUNT_PATTERN})\s+"
    r"(?:(?:allies|members|countries)\s+)?(?P<when>in\s+(?:19|20)\d\d|(?:a|one|two|three|four|five|ten|\d+)\s+"
    r"(?:decades?|years?)\s+(?:earlier|before|ago))\b",
    re.I,
)
# The allies together as a subject of spending: "the 32 allies", "NATO's 32 members together",
# "NATO allies", "allied defence spending", "total NATO spending", "the alliance".
_TOTAL_SUBJECT = re.compile(
    r"\b(?:(?:the|all)\s+(?:\d{2}|thirty-\w+)\s+(?:allies|members)|NATO['’]s\s+(?:\d{2}\s+)?(?:allies|members)"
    r"|NATO\s+(?:allies|members)|(?:total\s+)?allied\s+(?:defen[cs]e\s+)?(?:spending|expenditure|outlays)"
    r"|total\s+NATO\s+(?:defen[cs]e\s+)?(?:spending|expenditure)|(?:NATO|the\s+alliance)\s+as\s+a\s+whole"
    r"|alliance-wide\s+(?:defen[cs]e\s+)?(?:spending|expenditure|outlays)|allied\s+governments"
    r"|(?:total\s+)?(?:defen[cs]e\s+)?(?:spending|expenditure|outlays)\s+across\s+(?:the\s+)?(?i:alliance|NATO)"
    r"|(?<=NATO\s)(?:\w+\s+){1,3}?its\s+(?:\d{2}\s+)?(?:allies|members)"
    # the allies that open a sentence, with nothing to narrow them ("European allies"), spending
    # together: "Allies spent a combined $1.47 trillion", "The allies together spent ..."
    r"|^(?:the\s+)?allies(?=\s+(?:\w+\s+){0,3}?(?:a\s+)?(?:combined|together|collectively|in\s+total)\b))\b",
    re.I,
)
_TOTAL_VERB = re.compile(
    r"\b(?:spend\w*|spent|budget(?:ed|s)?|accounted\s+for|account\s+for|totall?(?:ed|ing|s)?|reach(?:ed|es)?|hit|rose\s+to|came\s+to|"
    r"amounted\s+to|stood\s+at|(?:is|was|were|are)(?:\s+\w+){0,2}|together|combined)\b",
    re.I,
)
_NOT_TOTAL = re.compile(
    r"\b(?:common|civil|own)\s+(?:\w+\s+)?budget|\baid\b|\bUkraine\b|\bKyiv\b|\bKiev\b|\bloans?\b|\bpackage\b|\bfund\b"
    r"|\b(?:ammunition|munitions|shells|weapons|drones)\b"  # money for things bought or given, not a total
    r"|\bper\s+(?:person|capita|head)\b|\bGDP\s+of\b|\beconom(?:y|ies)\b",
    re.I,
)
_EQUIVALENT = re.compile(r"\s*\(\s*(?:(?:about|around|roughly|some)\s+)?", re.I)
_COMPARED_AMOUNT = re.compile(
    r"\b(?:up\s+from|down\s+from|from|compared\s+with|against)\s+(?:\w+\s+)?$", re.I
)
# A count's target named by a word that refers back to it: "Only 11 allies are expected to reach that level".
_LEVEL = re.compile(r"\b(?:that|this|the)\s+(?:level|mark|line|bar|threshold)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|never|no\s+longer|fail(?:ed|s)?\s+to)\b|n['’]t\b", re.I)


def alliance_records(article: Article, claimed: set[tuple[int, str]]) -> list[SpendingRecord]:
    """Return the alliance's targets and counts of allies meeting them, except figures in claimed."""
    records: list[SpendingRecord] = []
    named: set[tuple[float | None, int | None]] = set()  # a named target is one fact however often named
    counts: list[SpendingRecord] = []  # the counts of the sentence before
    targets: list[SpendingRecord] = []  # the targets the sentence before stated
    for passage in article.passages:
        recounted = _recounts(passage, counts, article)
        records += recounted
        counts = list(recounted)
        parts = _parts(passage, targets)
        records += parts
        targets = []
        for start, end in clause_spans(passage.text):
            stated = [] if parts else _targets(passage, start, end, article)
            records += stated
            targets += stated
            named |= {(r.value, None) for r in stated}  # named later, a stated target is that target
            for record in _named_targets(passage, start, end, article, {r.as_written for r in stated}):
                key = (record.value, record.when.year if record.when else None)
                if key not in named:
                    named.add(key)
                    records.append(record)
            counted = [] if recounted else _counts(passage, start, end, article)
            records += counted
            counts += counted
            records += _totals(passage, start, end, article)
    return [r for r in records if (r.passage, r.as_written) not in claimed]


_BASE_TARGET = re.compile(r"\b(?:up|down)\s+from\s+(?:the\s+|a\s+)?(?:old\s+|previous\s+|earlier\s+)?$", re.I)


def _targets(passage: Passage, start: int, end: int, article: Article) -> list[SpendingRecord]:
    """Return the alliance targets a clause states."""
    text = passage.text
    if not _has_percent(text, start, end):
        return []  # every target is a percentage of the clause: the patterns need not run
    subject = _ALLIANCE_SUBJECT.search(text, start, end)
    goal = _GOAL.search(text, start, end) or (
        _FLOOR.search(text, start, end) and _SETTING.search(text, start, end)
    )
    if subject is None or not goal or _NOT_NATO.search(text, start, end):
        return []  # "EU leaders agreed ..." is another club's business
    if _TOLD_OWN_PLAN.match(text, subject.end()) and _TOLD.search(
        text, max(start, subject.start() - 30), subject.start()
    ):
        return []  # "Rome has told allies it will reach 2% by 2028": Rome's plan, not the allies' target
    spenders = [*find_country_mentions(text), *find_demonyms(text), *find_government_seats(text)]
    dateline = DATELINE.match(text)  # "ROME —" says where the story was filed, not who spends
    colon = max((m.end() for m in _COLON.finditer(text, start, subject.start())), default=start)
    countries = [
        s
        for _, s, e in spenders
        if colon <= s < end
        and not (dateline and s < dateline.end())
        and not is_venue(text, s, e)
        and not (e <= subject.start() and _URGES.fullmatch(text, e, subject.start()))
    ]
    records: list[SpendingRecord] = []
    deadline: int | None = None
    for quantity in find_percents(text[:end]):
        if (
            quantity.start < start
            or subject.start() > quantity.start
            or any(s < quantity.start for s in countries)
        ):
            continue  # the alliance must be the subject; a country named first makes it that country's
        if _QUESTION.search(text, start, quantity.start) or any(r.value == quantity.value for r in records):
            continue  # a question states nothing; "the 2% guideline ..., committing to at least 2%" is one target
        if _BUDGET_SHARE.match(text, quantity.end):
            continue  # "26% of their defence budgets on equipment": a share of budgets, not of GDP
        qualifier = qualifier_before(text, quantity.start)
        if qualifier is not None and not _TARGET_BOUND.fullmatch(qualifier.text):
            continue  # "more than 2%" is a bound; "at least 3.5%" is how targets are written
        named = _REFERENCE.match(text, quantity.end) or _NAMED_BEFORE.search(text, start, quantity.start)
        found = _DEADLINE.match(text, quantity.end)
        if named and not _SETTING.search(text, start, end) and not (found and _DUE.search(found.group(0))):
            continue  # "to meet the 2% guideline" names a target; "agreed", "set", "is due in 2035" state one
        if found:
            deadline = int(found.group("year"))
        if not found and _BASE_TARGET.search(text, max(start, quantity.start - 25), quantity.start):
            # "by 2035, up from the 2% goal set in 2014": the old target is no target for 2035
            records.append(_target_record(passage, quantity, None))
            continue
        when = (
            TimeRef(text=f"by {deadline}", year=deadline)
            if deadline
            else None
            if _to_be_set(text, start, quantity.start)  # to be set at a meeting: not "set in" its date
            # set before: reaffirmed then, not set, unless the clause says when ("agreed in Wales in 2014")
            or (
                _REAFFIRMED.search(text, start, quantity.start)
                and not _SET_AT.search(text, quantity.end, end)
            )
            else _one_time(text, start, end, article)
        )
        records.append(_target_record(passage, quantity, when))
    return records


# "At last July's Ankara summit, allies reaffirmed the 5% commitment": the target was set before.
_REAFFIRMED = re.compile(
    r"\b(?:reaffirm\w*|re-affirm\w*|reiterat\w*|restat\w*|recommit\w*|re-commit\w*|renew\w*|stood\s+by|stuck\s+to)\b",
    re.I,
)


_DUE = re.compile(r"\bdue\s+(?:in|by)\b", re.I)
_SET_AT = re.compile(r"\b(?:agreed|set|adopted|endorsed|decided|approved)\s+(?:at|in|by)\b", re.I)


def _has_percent(text: str, start: int, end: int) -> bool:
    """Return whether a percentage starts in text[start:end] (the passage's percentages are found once)."""
    return any(start <= q.start < end for q in find_percents(text))


def _target_record(passage: Passage, quantity: Quantity, when: TimeRef | None) -> SpendingRecord:
    """Return the alliance's target of a share of GDP that a passage states."""
    return SpendingRecord(
        passage=passage.position,
        subject=ALLIANCE,
        metric=Metric.SHARE_OF_GDP,
        when=when,
        value=quantity.value,
        as_written=quantity.text,
        target=quantity.value,
        status=FigureStatus.TARGET,
    )


def _to_be_set(text: str, start: int, figure: int) -> bool:
    """Return whether a target is still to be set: a forward word before the setting verb ("are
    expected to adopt"), not after it ("agreed that 2% would be the minimum")."""
    setting = _SETTING.search(text, start, figure)
    return _PROPOSED.search(text, start, setting.start() if setting else figure) is not None


def _named_targets(
    passage: Passage, start: int, end: int, article: Article, stated: set[str]
) -> list[SpendingRecord]:
    """Return the alliance targets a clause names ("Italy has not reached NATO's 2% guideline", "the 2%
    guideline agreed in Wales in 2014"): the target exists, whoever the clause is about.

    The mention must be the alliance's: possessed by it ("NATO's 2% target"), or "the 2% guideline"
    (NATO's word for it). A country's own target ("Italy's 2% target", "its 3% goal"), a share of
    budgets ("the 20% benchmark" for equipment) or another body's target is not. Dated only when the
    clause says it was set then ("agreed in Wales in 2014").
    """
    text = passage.text
    if not _has_percent(text, start, end):
        return []
    if _NOT_NATO.search(text, start, end) or _BUDGET_SHARE.search(text, start, end):
        return []
    records = []
    for quantity in find_percents(text[:end]):
        if quantity.start < start or quantity.text in stated or not _REFERENCE.match(text, quantity.end):
            continue
        owner = _TARGET_OWNER.search(text, max(start, quantity.start - 30), quantity.start)
        if owner is None or (owner.group("the") and not _GUIDELINE.match(text, quantity.end)):
            continue
        if qualifier_before(text, quantity.start) is not None:
            continue
        when = _one_time(text, start, end, article) if _SETTING.search(text, quantity.end, end) else None
        records.append(_target_record(passage, quantity, when))
    return records


_RANGE_BEFORE = re.compile(r"\b\w+\s+(?:or|to)\s+$", re.I)


def _counts(passage: Passage, start: int, end: int, article: Article) -> list[SpendingRecord]:
    """Return the counts of allies meeting a target that a clause states, and the counts they are compared with."""
    text = passage.text
    records: list[SpendingRecord] = []
    if not _COUNT_CUE.search(text, start, end):
        return records  # no "allies", "members", "countries": no count of them
    matches = sorted(
        [*_COUNT.finditer(text, start, end), *_OF_TOTAL_COUNT.finditer(text, start, end)], key=_start
    )
    percents = [q.value for q in find_percents(text[:end]) if q.start >= start]  # "2%", "two per cent"
    for match in matches:
        count = None if _A_YEAR.fullmatch(match.group("n")) else parse_count(match.group("n"))
        verb = _MEETING.search(text, match.end(), min(end, match.end() + 60))
        named = (
            _GOAL.search(text, start, end)
            or _FLOOR.search(text, start, end)
            or _LEVEL.search(text, start, end)
            or percents
        )
        if count is None or verb is None or not named:
            continue
        if _NOT_NATO.search(text, start, end):
            continue  # "22 of the 27 EU countries": another club's members
        if _ANY_COUNTRIES.search(match.group(0)) and not _NATO_NAMED.search(text):
            continue  # "60 countries spent at least 2%": countries of the world, unless the allies are meant
        if qualifier_before(text, match.start()) is not None or _OF_BEFORE.search(text, start, match.start()):
            continue  # "more than 20 allies" is a bound; "Of 32 allies, 23 ..." names the total
        if _RANGE_BEFORE.search(text, max(start, match.start() - 12), match.start()):
            continue  # "some 25 or 26 allies": a range, no count
        if _ALL_BUT.search(text, max(0, match.start() - 12), match.start()):
            continue  # "all but two allies" met it: the two are the ones that did not ("but" cut the clause)
        if _NEGATED.search(text, match.end(), verb.end()):
            continue
        total = parse_count(match.group("total")) if match.group("total") else None
        every = _EVERY_BEFORE.search(text, max(0, match.start() - 16), match.start())
        if every is not None:
            if total is None or every.group("short"):
                continue  # "not every one of the 32 allies", "nearly every one": no count
            count = total  # "every one of the 32 allies": all of them
        when = _count_time(text, start, end, article)
        status = _count_status(text[start:end], when, article)
        target = percents[0] if len(percents) == 1 else None
        records.append(_count_record(passage, count, total, target, when, match.group(0), status))
        for earlier in _COMPARED_COUNT.finditer(text, match.end(), end):
            value = parse_count(earlier.group("n"))
            earlier_when = _time_at(text, earlier.start("when"), article)
            if value is not None and earlier_when is not None:
                records.append(
                    _count_record(
                        passage, value, None, target, earlier_when, earlier.group("n"), FigureStatus.ACTUAL
                    )
                )
    return records


def _parts(passage: Passage, before: list[SpendingRecord]) -> list[SpendingRecord]:
    """Return the parts of the target the sentence before stated, when a sentence only splits it.

    "Leaders agreed a target of 5% of GDP by 2035. At least 3.5% is for core defence, and up to
    1.5% can go to related spending.": each part is written as a target is ("at least", "up to"),
    is smaller than the target and is for something; no country is named. It keeps the target's year.
    """
    text = passage.text
    if not before or len({r.when.year if r.when else None for r in before}) != 1:
        return []
    whole = max(r.value or 0.0 for r in before)
    percents = find_percents(text)
    if not percents or find_country_mentions(text) or find_demonyms(text):
        return []
    for quantity in percents:
        qualifier = qualifier_before(text, quantity.start)
        if (
            qualifier is None
            or not _TARGET_BOUND.fullmatch(qualifier.text)
            or quantity.value is None
            or quantity.value >= whole
            or not _PART_OF.match(text, quantity.end)
        ):
            return []
    when = before[0].when
    return [_target_record(passage, q, when) for q in percents]


def _start(match: re.Match[str]) -> int:
    """Return where a match starts."""
    return match.start()


def _recounts(passage: Passage, before: list[SpendingRecord], article: Article) -> list[SpendingRecord]:
    """Return the counts a sentence about the count just given states for other years.

    before: the counts of the sentence before; without one, "the number" is not the allies' unless
    it says so ("The number of allies meeting the 2% target rose from three in 2014 to 23 in 2024").
    """
    text = passage.text
    named = _NUMBER_OF_ALLIES.match(text)
    if named and _MEETING.search(text, named.end()) and not _NOT_NATO.search(text):
        percents = find_percents(text)
        target = percents[0].value if len(percents) == 1 else None
    elif before and _RECOUNT_SUBJECT.match(text):
        target = before[-1].target
    else:
        return []
    records = []
    for match in _RECOUNT.finditer(text):
        count = parse_count(match.group("n"))
        year = int(match.group("year"))
        when = TimeRef(text=f"in {year}", year=year)
        if count is not None:
            status = _count_status(text, when, article)
            records.append(_count_record(passage, count, None, target, when, match.group("n"), status))
    return records


# A factbox's label line: "Combined allied defence spending: about $1.55 trillion in 2025".
_LABEL_COLON = re.compile(
    r"\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(?:(?:about|around|roughly|some|nearly|almost|an\s+estimated)\s+)?",
    re.I,
)


def _totals(passage: Passage, start: int, end: int, article: Article) -> list[SpendingRecord]:
    """Return the alliance's total spending a clause states, and the total it is compared with."""
    text = passage.text
    amounts: list[Quantity] = []
    equivalents: dict[int, list[str]] = {}  # "$1.47 trillion (€1.36 trillion)": one total in two currencies
    for quantity in find_money(text):
        if not (start <= quantity.start and quantity.end <= end):
            continue
        if amounts and _EQUIVALENT.fullmatch(text, amounts[-1].end, quantity.start):
            equivalents.setdefault(len(amounts) - 1, []).append(quantity.text)
        else:
            amounts.append(quantity)
    subject = _TOTAL_SUBJECT.search(text, start, amounts[0].start) if amounts else None
    if subject is None:
        return []
    records: list[SpendingRecord] = []
    previous: SpendingRecord | None = None
    previous_end = subject.end()
    for index, amount in enumerate(amounts):
        lead = text[previous_end : amount.start]
        compared = previous is not None and _COMPARED_AMOUNT.search(lead) is not None
        if previous is not None and not compared:
            break  # another amount in the clause: an equivalent or another thing, not the total again
        if previous is None and (
            (_TOTAL_VERB.search(lead) is None and _LABEL_COLON.fullmatch(lead) is None)
            or _NOT_TOTAL.search(text, start, min(end, amount.end + 30))
            or any(
                start <= s < amount.start and not is_venue(text, s, e)
                for _, s, e in find_country_mentions(text)
            )
        ):
            return []
        qualifier = qualifier_before(text, amount.start)
        if qualifier is not None and qualifier.kind is not QualifierKind.APPROXIMATE:
            break  # "more than $1 trillion": a bound, not a total
        following = amounts[index + 1].start if index + 1 < len(amounts) else end
        when = _time_after(text, amount.end, following, article) or (
            None if compared else _one_time(text, start, end, article)
        )
        status = FigureStatus.ACTUAL if compared else figure_status(lead, when, article.meta.published, False)
        previous = SpendingRecord(
            passage=passage.position,
            subject=ALLIANCE,
            metric=Metric.AMOUNT,
            when=when,
            value=amount.value,
            currency=amount.currency,
            approximate=qualifier is not None,
            as_written=amount.text,
            equivalents=equivalents.get(index, []),
            status=status,
        )
        records.append(previous)
        share = _apposed_share(text, amount.end, end)
        if (
            share is not None
        ):  # "$1.47 trillion in 2024, or 2.71% of their combined GDP": the same year's share
            records.append(
                previous.model_copy(
                    update={
                        "metric": Metric.SHARE_OF_GDP,
                        "value": share.value,
                        "currency": None,
                        "approximate": False,
                        "as_written": share.text,
                        "equivalents": [],
                    }
                )
            )
        previous_end = amount.end
    return records


# A total's share of the allies' economy, given beside it: ", or 2.71% of their combined GDP".
_SHARE_APPOSED = re.compile(
    r"(?:\s+[^,;.%$€£()]{0,40})?\s*(?:\([^()]*\)\s*)?,\s+(?:or|equal\s+to|equivalent\s+to)\s+$", re.I
)
_COMBINED_GDP = re.compile(
    r"\s+of\s+(?:their|its|the\s+allies['’]|the\s+alliance['’]s)?\s*(?:combined|collective|total)?\s*"
    r"(?:GDP|gross\s+domestic\s+product|economic\s+output)\b",
    re.I,
)


def _apposed_share(text: str, at: int, end: int) -> Quantity | None:
    """Return the share of GDP written right after a total as another way to say it, if any."""
    for quantity in find_percents(text):
        if at <= quantity.start < end:
            if _SHARE_APPOSED.fullmatch(text, at, quantity.start) and _COMBINED_GDP.match(text, quantity.end):
                return quantity
            return None
    return None


def _time_after(text: str, at: int, stop: int, article: Article) -> TimeRef | None:
    """Return the first time written between at and stop (an amount's own time), if any."""
    times = [t for t, s, e in find_times(text, article.meta.published) if at <= s and e <= stop and t.year]
    return times[0] if times else None


def _count_status(clause: str, when: TimeRef | None, article: Article) -> FigureStatus:
    """Return how sure a count is: a forecast is an estimate, else the year against the article's date."""
    if _FORECAST.search(clause):
        return FigureStatus.ESTIMATE
    status = figure_status("", when, article.meta.published, False)
    return FigureStatus.ESTIMATE if status is FigureStatus.PLANNED else status


def _count_record(
    passage: Passage,
    count: int,
    total: int | None,
    target: float | None,
    when: TimeRef | None,
    written: str,
    status: FigureStatus,
) -> SpendingRecord:
    """Return an ALLIES_MEETING_TARGET record."""
    return SpendingRecord(
        passage=passage.position,
        subject=ALLIANCE,
        metric=Metric.ALLIES_MEETING_TARGET,
        when=when,
        value=float(count),
        total=total,
        target=target,
        as_written=written,
        status=status,
    )


def _count_time(text: str, start: int, end: int, article: Article) -> TimeRef | None:
    """Return a count's time: the clause's one year, leaving out the year of a count it is compared with."""
    compared = [m.span() for m in _COMPARED_COUNT.finditer(text, start, end)]
    times = [
        t
        for t, s, e in find_times(text, article.meta.published)
        if start <= s and e <= end and t.year and not any(a <= s < b for a, b in compared)
    ]
    if len({t.year for t in times}) != 1:
        return None
    # "estimates published in August 2025 suggest all 32 will reach it in 2025": the year the count is for
    return next((t for t in times if t.month is None), times[0])


def _time_at(text: str, at: int, article: Article) -> TimeRef | None:
    """Return the time written at position at ("in 2014", "a decade earlier", counted from the year before it)."""
    times = [t for t, s, e in find_times(text, article.meta.published) if s <= at + 3 < e and t.year]
    return times[0] if times else None


def _one_time(text: str, start: int, end: int, article: Article) -> TimeRef | None:
    """Return the clause's time when it gives exactly one year."""
    times = [t for t, s, e in find_times(text, article.meta.published) if start <= s and e <= end and t.year]
    return times[0] if len({t.year for t in times}) == 1 else None
