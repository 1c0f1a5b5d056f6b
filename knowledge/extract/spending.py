"""Spending facts from article sentences: shares of GDP, amounts, targets met or missed, counts, comparisons.

Precision over recall: a sentence that does not fit one of these rules yields nothing.

* **Clauses.** Each passage is cut into clauses at ``;``, dashes, "while", "whereas", "but",
  "although" and "though", and each clause is read on its own. A clause with "if", "unless",
  "would", "could" or "might" is hypothetical and yields nothing.
* **Who spends.** A figure belongs to the last country named before it, and only when the words
  between them are the ones a spender's sentence uses: a possessive and a spending noun
  ("Poland's defence spending rose to"), an aside between commas ("The United States, by
  comparison, spent"), a relative pronoun ("Russia, which spends"), auxiliaries and adverbs
  ("has also spent"), a spending verb and its particle, or "budget of". Anything else (another
  noun, "will", "pledged to", "aims to", "by", "did not") breaks the link and the figure is
  dropped, never given to another country. "NATO" or "the alliance" is the subject ``NATO``; a
  demonym counts only before a spending noun ("British defence spending"). A second figure joined
  by "down from", "up from", "from", "to", "compared with" or "against", with no country named
  near it, belongs to the same spender.
* **SHARE_OF_GDP**: a percentage followed by "of (its) GDP" (or chained to one) in a clause that
  names defence or the military. Not a share: a target ("target of 2%", "the 2% goal"), a growth
  rate ("rose by 10%"), a bound ("more than 2%"), a future year or "next year", a deadline ("by
  2030"). Each figure takes the time written after it, before the next figure, in its clause;
  failing that, the time just before it.
* **AMOUNT**: money (see ``numbers``) with the same subject and time rules, in a clause about
  defence or the military and not about aid ("aid", "assistance", "package", "support", "loan",
  "pledge" ...; or money "to"/"for" another country). An amount in brackets or after ", or"
  right after another is its ``equivalents``, not a fact of its own.
* **ALLIES_MEETING_TARGET**: "22 of NATO's 32 members met the ... target" (digits or words; the
  total is optional) in a clause about NATO or allies, with the subject ``NATO``. A forecast ("are
  expected to meet") or a negation does not match. A bound ("more than 20 allies") is dropped.
* **TARGET_MET / TARGET_MISSED**: a verb of meeting ("met", "exceeded", "is above") or missing
  ("missing", "fell short of", "failed to meet", "has yet to meet", "is below") whose object is a
  target ("the 2% target", "the goal", "NATO's guideline"). The countries are the list after
  "include", "are" or ":" ("Countries missing the goal include A, B and C") or the list right
  before the verb ("A, B and the Baltic states met"; a list before the verb needs "and" before its
  last item). A negated meeting verb ("did not meet", "never met", "no longer meets") is a miss.
  Only NATO members get these records. Forecasts ("expected to miss") yield nothing; so does
  "until" or "only in" ("did not meet the target until 2024"): the years it was missed are not
  stated, and the year it was met is implied rather than said.
* **Target and year inheritance.** The target percent comes from the clause ("the 2% goal"), or
  from the latest clause that set a target percent in the same section and the same or the
  previous paragraph; the year comes from the clause, or from that setting clause. A target set
  in a forward-looking clause ("pledged", "will", "new", "by 2035") is not inherited. A bare "the
  target" with nothing to inherit is kept only when it is plainly a spending target ("NATO's
  target", "the spending goal"), with ``target`` empty.
* **COMPARISON**: "spends more/less on defence than ...", "spends twice as much as",
  "outspends", "spends the most", "is the largest (military) spender", in a clause about defence,
  the military or the alliance; ``as_written`` is the clause from the subject on. A negation ("does
  not spend more") breaks the subject link and yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from knowledge.extract.numbers import (
    COUNT_PATTERN,
    QualifierKind,
    Quantity,
    find_money,
    find_percents,
    parse_count,
    qualifier_before,
)
from knowledge.extract.timeref import find_times
from knowledge.gazetteer import by_code, find_country_mentions, find_demonyms
from knowledge.models import ALLIANCE, Article, Metric, PartialDate, Passage, SpendingRecord, TimeRef

# Masking: times, percentages and money are replaced by runs of one private-use character each,
# so structural patterns can name them ("a time here") while every position stays the same.
_PCT, _TIME, _MONEY = "\ue000", "\ue001", "\ue002"
TimeSpan = tuple[TimeRef, int, int]

_CLAUSE_BREAK = re.compile(r"\s*(?:;|—|\s[–-]\s)\s*|,?\s+(?:while|whereas|but|although|though)\s+", re.I)
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|would|could|might|suppose|supposing|imagine)\b", re.I)
_DEFENCE = re.compile(r"\b(?:defen[cs]e|military|armed\s+(?:forces|services))\b", re.I)
_DEFENCE_NOUN = re.compile(
    r"\b(?:defen[cs]e|military)\s+(?:spending|budgets?|expenditures?|outlays?)\b", re.I
)
_DEFENCE_AFTER = re.compile(
    r".*?\b(?:on|for|in)\s+(?:its\s+|their\s+|the\s+)?(?:defen[cs]e|military|armed\s+(?:forces|services))\b",
    re.I,
)
_ALLIANCE_WORDS = re.compile(r"\b(?:NATO|alliance|allies|allied)\b", re.I)
_AID = re.compile(
    r"\b(?:aid|assistance|package|donat\w*|loans?|grants?|tranches?|contributions?|support|help|gifts?"
    r"|pledg\w*|promis\w*|sent|send|sends|gave|give|gives|provided|provides?)\b",
    re.I,
)
_ALLIANCE_NAME = re.compile(r"\bNATO\b|\b[Aa]lliance\b")
_BALTIC = re.compile(r"\b(?:Baltic\s+(?:states|countries|nations|republics)|Baltics)\b")
_BALTIC_CODES = ("EE", "LV", "LT")

_TARGET_WORD = r"(?:target|goal|guideline|benchmark|threshold|commitment|objective)s?"
_OF_GDP = re.compile(
    r"\s+of\s+(?:(?:its|their|the\s+country['’]s|the\s+nation['’]s|national|annual)\s+)?"
    r"(?:GDP|gross\s+domestic\s+product|economic\s+output)\b",
    re.I,
)
_TARGET_AFTER = re.compile(
    rf"(?:{_OF_GDP.pattern})?(?:\s+(?:defen[cs]e\s+|military\s+)?spending)?\s+{_TARGET_WORD}\b", re.I
)
_TARGET_BEFORE = re.compile(
    rf"\b{_TARGET_WORD}\s+(?:of|is|was|at|set\s+at)\s+(?:spending\s+)?(?:at\s+least\s+)?$", re.I
)

# --- who spends: the words allowed between a spender and its figure --------------------------

_ADV = (
    r"(?:still|also|alone|already|now|only|just|currently|again|once|together|collectively|itself"
    r"|reportedly|actually|has|have|had|is|was|were|are|\ue001+)"
)
_SPEND_NP = (
    r"(?:(?:total|annual|overall|combined|own|current|yearly|\ue001+)\s+)*"
    r"(?:(?:defen[cs]e|military)\s+)?(?:spending|budgets?|expenditures?|outlays?)"
)
# Verbs of change take the figure only through "to" or "from": "rose 10%" is a growth rate.
_VERB = (
    r"(?:(?:spent|spends|spend|spending|devoted|devotes|allocated|allocates|reached|reaches|hit|hits"
    r"|totall?ed|totals|equall?ed|equals|was|is|were|are)(?:\s+(?:at|of))?"
    r"|(?:stood|stands|standing)\s+at|(?:amounted|amounts|came|comes)\s+to"
    r"|(?:rose|rises|risen|climbed|climbs|increased|increases|grew|grows|jumped|jumps|surged|soared|fell|falls"
    r"|fallen|dropped|drops|declined|declines|decreased|decreases)\s+(?:to|from))"
)
_BRIDGE = re.compile(
    r"(?P<poss>['’]s)?"
    r"(?P<noun>\s+(?:allies|members|member\s+(?:states|countries)))?"
    rf"(?P<np>,?\s+{_SPEND_NP})?"
    r"(?P<aside>\s*,[^,;]{1,40},)?"
    rf"(?P<rel>,?\s+(?:which|that|whose)(?:\s+{_SPEND_NP})?)?"
    rf"(?:\s+{_ADV})*"
    rf"(?:(?P<verb>\s+{_VERB})|(?P<of>,?\s+(?:of|at)))"
    r"(?:\s+(?:the\s+equivalent\s+of|a\s+(?:total|combined|record)(?:\s+of)?))?\s*",
    re.I,
)
_COORDINATED = re.compile(r"(?:\band|&|\bor|\bas\s+well\s+as)\s+(?:the\s+)?$", re.I)
_SPEECH = re.compile(
    r"\b(?:said|says|saying|say|claim(?:s|ed|ing)?|argu(?:e|es|ed|ing)|insist(?:s|ed|ing)?|told|tells|stated"
    r"|declared|wrote|writes|demand(?:s|ed|ing)?|warn(?:s|ed|ing)?|boast(?:s|ed|ing)?|complain(?:s|ed|ing)?"
    r"|suggest(?:s|ed|ing)?|believes?|believed|thinks?|thought)\b",
    re.I,
)
_PREPOSITIONS = frozenset(
    [
        "to",
        "for",
        "from",
        "with",
        "than",
        "against",
        "on",
        "of",
        "by",
        "in",
        "unlike",
        "like",
        "versus",
        "vs",
        "behind",
        "after",
        "before",
        "including",
        "toward",
        "towards",
        "into",
        "at",
        "over",
        "about",
        "among",
        "despite",
    ]
)
_CHAIN_GAP = re.compile(
    rf"(?:{_OF_GDP.pattern})?(?:\s+on\s+(?:defen[cs]e|(?:its\s+|the\s+)?military|(?:its\s+)?armed\s+forces))?"
    r"(?:\s+(?:in|during|for)?\s*\ue001+)?\s*,?\s*"
    r"(?:(?:down|up)\s+from|from|compared\s+(?:with|to)|against|versus|vs\.?|to)\s*",
    re.I,
)

# --- targets met or missed ---------------------------------------------------------------------

_MET_VERB = (
    r"(?:met|meet|meets|meeting|exceeded|exceeds?|exceeding|surpassed|surpass(?:es|ing)?|hit|hits|hitting"
    r"|reached|reach(?:es|ing)?|achieved|achieves?|achieving|topped|cleared)"
)
_BE = r"(?:is|are|was|were|remain(?:s|ed)?|stay(?:s|ed)?)\s+(?:still\s+)?"
_STATUS_CUE = re.compile(
    r"\b(?:(?P<miss>missed|miss(?:es|ing)?|f[ae]ll(?:s|ing|en)?\s+short\s+of"
    r"|fail(?:ed|s|ing)?\s+to\s+(?:meet|reach|hit|achieve)|(?:(?:has|have|had)\s+)?yet\s+to\s+(?:meet|reach|hit)"
    rf"|{_BE}(?:below|under)|lag(?:s|ged|ging)?\s+behind)"
    rf"|(?P<met>{_MET_VERB}(?:\s*(?:/|or|and)\s*{_MET_VERB})?|{_BE}(?:above|over|at\s+or\s+above)))\b",
    re.I,
)
_FILLER = (
    r"(?:the|its|their|this|that|a|an|nato['’]s|nato|alliance['’]s|alliance|agreed|official|minimum"
    r"|spending|defen[cs]e|military|of|gdp|long-?standing|current|existing|same|previous|old|key|core"
    r"|headline|annual|own|\ue000+|\ue001+)"
)
_TARGET_OBJECT = re.compile(rf"(?:\s+{_FILLER})*?\s+(?P<word>{_TARGET_WORD})\b", re.I)
_SPENDING_TARGET = re.compile(r"\b(?:nato|alliance|spending|defen[cs]e|military|gdp)\b|\ue000", re.I)
_ADV_STATUS = (
    r"(?:have|has|had|did|do|does|still|also|already|all|both|each|again|now|then|just|only|easily"
    r"|comfortably|clearly|not|never|no\s+longer|yet|(?:did|does|do|has|have|had)n['’]t|in\s+\ue001+|\ue001+)"
)
_GAP_BEFORE_CUE = re.compile(
    rf"(?:\s*,[^,;]{{1,40}},)?(?:\s*,?\s+(?:which|that|who))?(?:\s+{_ADV_STATUS})*\s*"
    r"|\s+(?:is|was|are|were)\s+(?:among|one\s+of)\s+(?:the\s+)?(?:[\w’']+\s+){0,3}?"
    r"(?:allies|members|countries|nations|states)\s+(?:that|which|who|to)(?:\s+(?:have|has|had))?\s+",
    re.I,
)
_GROUP_BEFORE_CUE = re.compile(
    rf"\b(?:countries|allies|members|member\s+states|nations|states|those|ones)\s+(?:(?:that|which|who)\s+)?"
    rf"(?:{_ADV_STATUS}\s+)*$",
    re.I,
)
_INTRO_AFTER = re.compile(
    r"(?:\s+(?:in|for|during|as\s+of)?\s*\ue001+)?\s*,?\s*(?:include[sd]?|including|are|were|was|is|:)\s*",
    re.I,
)
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+as\s+well\s+as\s+)(?:the\s+)?", re.I)
_LIST_OPENING = re.compile(
    r"(?:.*,)?\s*(?:(?:only|just|both|also|and|but|so\s+far|meanwhile)\s+)?(?:the\s+)?", re.I
)
_NEGATION = re.compile(r"\b(?:not(?!\s+only)|never|no\s+longer)\b|n['’]t\b", re.I)
_FORECAST_BEFORE = re.compile(
    r"\b(?:will|would|could|may|might|should|shall|must|(?:expected|set|likely|projected|forecast|poised"
    r"|on\s+track|plan(?:s|ned)?|aim(?:s|ed)?|pledged|promised|intend(?:s|ed)?|hope(?:s|d)?|going|due"
    r"|need(?:s|ed)?|ha(?:ve|s)|is|are)\s+to)\s+(?:\w+\s+){0,2}$",
    re.I,
)
_UNTIL = re.compile(r"\buntil\b|\bonly\s+(?:in|since|after|from)\b", re.I)
_FORWARD_LOOKING = re.compile(
    r"\b(?:will|would|could|pledg\w*|aim\w*|plan\w*|expected\s+to|set\s+to|agree\w*|adopt\w*|new)\b"
    r"|\b(?:by|until)\s+\ue001",
    re.I,
)

# --- counts of allies, comparisons ------------------------------------------------------------

_ALLIES_MEETING = re.compile(
    rf"(?<![\w.,\ue000-\ue002])(?P<count>{COUNT_PATTERN})"
    rf"(?:\s+(?:out\s+)?of\s+(?:the\s+|its\s+|(?:NATO|the\s+alliance)['’]s\s+)?(?P<total>{COUNT_PATTERN}))?"
    r"(?:\s+NATO)?(?:\s+(?P<noun>allies|members|member\s+(?:states|countries|nations)|countries|nations))?"
    r"(?:\s+(?:have|had|all|already|now|also|together))*"
    rf"\s+(?P<cue>{_MET_VERB}(?:\s*(?:/|or|and)\s*{_MET_VERB})?)\b",
    re.I,
)
_COMPARISON_CUE = re.compile(
    r"\b(?:(?:spends?|spent|spending)\s+(?:(?:far|much|significantly|considerably|substantially|slightly)\s+)?"
    r"(?:more|less)\s+(?:money\s+)?(?:on\s+(?:defen[cs]e|(?:its\s+|the\s+)?military|(?:its\s+)?armed\s+forces)\s+)?"
    r"than(?!\s*[\ue000\ue002])"  # "spent more than 2%" is a bound, not a comparison
    r"|(?:spends?|spent)\s+(?:twice|three\s+times|four\s+times|\w+\s+times)\s+(?:as\s+much|more)\b"
    r"|(?:spends?|spent)\s+the\s+(?:most|least)"
    r"|out-?spends?|out-?spent"
    r"|(?:is|was|remains|remained)\s+(?:by\s+far\s+)?(?:the|NATO['’]s|the\s+alliance['’]s|Europe['’]s)\s+"
    r"(?:single\s+)?(?:largest|biggest|top|highest|lowest|smallest)\s+(?:(?:defen[cs]e|military)\s+)?spender)\b",
    re.I,
)
_GAP_BEFORE_COMPARISON = re.compile(
    r"(?:\s*,[^,;]{1,40},)?(?:\s+(?:still|also|alone|now|already|currently|easily|reportedly|\ue001+"
    r"|continues\s+to|has\s+long))*\s+",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Mention:
    """A spender named in a passage: one or more codes, its span and how it was named."""

    codes: tuple[str, ...]
    start: int
    end: int
    kind: str  # "country", "demonym", "alliance" or "group"


@dataclass(frozen=True, slots=True)
class _Clause:
    """One clause of a passage with everything found in it; spans index the passage text."""

    passage: Passage
    masked: str  # the passage text with times, percentages and money masked, same length
    start: int
    end: int
    mentions: tuple[_Mention, ...]
    times: tuple[TimeSpan, ...]
    percents: tuple[Quantity, ...]
    money: tuple[Quantity, ...]
    published: PartialDate | None

    @property
    def text(self) -> str:
        """Return the passage text the spans index."""
        return self.passage.text


@dataclass(frozen=True, slots=True)
class _Figure:
    """A percentage or amount in a clause, with its qualifier and bracketed equivalents folded in."""

    quantity: Quantity
    start: int  # includes an approximate qualifier ("around")
    end: int  # includes equivalents ("(€1.1 trillion)")
    approximate: bool
    bounded: bool
    of_gdp: bool
    equivalents: tuple[str, ...] = ()

    @property
    def is_money(self) -> bool:
        """Return whether the figure is an amount of money."""
        return self.quantity.currency is not None


@dataclass(frozen=True, slots=True)
class _TargetContext:
    """The latest target percent and its year, and where it was set."""

    target: float | None  # None: a forward-looking target that must not be inherited
    when: TimeRef | None
    section: str | None
    paragraph: int

    def covers(self, passage: Passage) -> bool:
        """Return whether a passage may inherit this target: same section, same or next paragraph."""
        return passage.section == self.section and 0 <= passage.paragraph - self.paragraph <= 1


# --- entry point ------------------------------------------------------------------------------


def extract_spending(article: Article) -> list[SpendingRecord]:
    """Return the spending facts stated in the article's passages, in passage order."""
    records: list[SpendingRecord] = []
    context: _TargetContext | None = None
    for passage in article.passages:
        for clause in _clauses(passage, article.meta.published):
            inherited = context if context is not None and context.covers(passage) else None
            if not _HYPOTHETICAL.search(clause.text, clause.start, clause.end):
                records.extend(_clause_records(clause, inherited))
            context = _next_context(clause, context)
    return _unique(records)


def _clause_records(clause: _Clause, context: _TargetContext | None) -> list[SpendingRecord]:
    """Return every kind of spending record one clause states."""
    return [
        *_figure_records(clause),
        *_allies_records(clause, context),
        *_status_records(clause, context),
        *_comparison_records(clause),
    ]


def _unique(records: list[SpendingRecord]) -> list[SpendingRecord]:
    """Return records without exact repeats, in first-seen order."""
    seen: list[SpendingRecord] = []
    for record in records:
        if record not in seen:
            seen.append(record)
    return seen


# --- passages into clauses --------------------------------------------------------------------


def _clauses(passage: Passage, published: PartialDate | None) -> list[_Clause]:
    """Return the passage's clauses, each with its mentions, times and figures."""
    text = passage.text
    times = tuple(find_times(text, published))
    percents = tuple(find_percents(text))
    money = tuple(find_money(text))
    masked = _mask(text, times, percents, money)
    mentions = _mentions(text, money)
    clauses = []
    for start, end in _clause_spans(text):
        clauses.append(
            _Clause(
                passage=passage,
                masked=masked,
                start=start,
                end=end,
                mentions=tuple(m for m in mentions if start <= m.start and m.end <= end),
                times=tuple(t for t in times if start <= t[1] and t[2] <= end),
                percents=tuple(q for q in percents if start <= q.start and q.end <= end),
                money=tuple(q for q in money if start <= q.start and q.end <= end),
                published=published,
            )
        )
    return clauses


def _clause_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of the clauses of a sentence."""
    spans = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _mask(
    text: str, times: tuple[TimeSpan, ...], percents: tuple[Quantity, ...], money: tuple[Quantity, ...]
) -> str:
    """Return text with each time, percentage and amount replaced by a same-length marker run."""
    chars = list(text)
    spans = [(s, e, _TIME) for _, s, e in times]
    spans += [(q.start, q.end, _PCT) for q in percents] + [(q.start, q.end, _MONEY) for q in money]
    for start, end, marker in spans:
        chars[start:end] = marker * (end - start)
    return "".join(chars)


def _mentions(text: str, money: tuple[Quantity, ...]) -> list[_Mention]:
    """Return the countries, demonyms, alliance names and country groups in text, in order."""
    found = [_Mention((c.code,), s, e, "country") for c, s, e in find_country_mentions(text)]
    found += [_Mention((c.code,), s, e, "demonym") for c, s, e in find_demonyms(text)]
    found += [_Mention((ALLIANCE,), m.start(), m.end(), "alliance") for m in _ALLIANCE_NAME.finditer(text)]
    found += [_Mention(_BALTIC_CODES, m.start(), m.end(), "group") for m in _BALTIC.finditer(text)]
    # "US$5 billion" names a currency, not a spender.
    kept = [m for m in found if not any(m.start < q.end and q.start < m.end for q in money)]
    return sorted(kept, key=lambda m: m.start)


# --- shares of GDP and amounts ----------------------------------------------------------------


def _figure_records(clause: _Clause) -> list[SpendingRecord]:
    """Return the share-of-GDP and amount records of a clause."""
    figures = _figures(clause)
    records: list[SpendingRecord] = []
    previous: tuple[_Figure, str] | None = None
    for index, figure in enumerate(figures):
        bounds = (
            figures[index - 1].end if index else clause.start,
            figures[index + 1].start if index + 1 < len(figures) else clause.end,
        )
        subject = _chained_subject(clause, previous, figure, bounds[1]) or _bridged_subject(
            clause, figure, bounds[1]
        )
        record = _figure_record(clause, figure, subject, bounds) if subject else None
        previous = (figure, record.subject) if record else None
        if record:
            records.append(record)
    return records


def _figures(clause: _Clause) -> list[_Figure]:
    """Return the clause's percentages and amounts in order, equivalents folded into the amount before."""
    figures: list[_Figure] = []
    for quantity in sorted((*clause.percents, *clause.money), key=lambda q: q.start):
        if (
            figures
            and figures[-1].is_money
            and quantity.currency
            and _is_equivalent(clause, figures[-1], quantity)
        ):
            close = re.match(r"\s*\)", clause.text[quantity.end :])
            end = quantity.end + (close.end() if close else 0)
            figures[-1] = replace(figures[-1], end=end, equivalents=(*figures[-1].equivalents, quantity.text))
            continue
        figures.append(_figure(clause, quantity))
    return figures


def _figure(clause: _Clause, quantity: Quantity) -> _Figure:
    """Return a figure with its qualifier read and whether "of GDP" follows it."""
    qualifier = qualifier_before(clause.text, quantity.start)
    approximate = qualifier is not None and qualifier.kind is QualifierKind.APPROXIMATE
    of_gdp = quantity.currency is None and _OF_GDP.match(clause.text, quantity.end) is not None
    return _Figure(
        quantity=quantity,
        start=qualifier.start if qualifier else quantity.start,
        end=quantity.end,
        approximate=approximate,
        bounded=qualifier is not None and not approximate,
        of_gdp=of_gdp,
    )


def _is_equivalent(clause: _Clause, before: _Figure, quantity: Quantity) -> bool:
    """Return whether an amount restates the one before it: "$1.3 trillion (€1.1 trillion)"."""
    gap = clause.text[before.end : quantity.start]
    if re.fullmatch(r"\s*\(\s*(?:(?:about|around|roughly|some|approximately|nearly)\s+)?", gap, re.I):
        return re.match(r"\s*\)", clause.text[quantity.end :]) is not None
    return re.fullmatch(r"\s*,?\s+or\s+(?:(?:about|around|roughly|some)\s+)?", gap, re.I) is not None


def _bridged_subject(clause: _Clause, figure: _Figure, next_start: int) -> str | None:
    """Return the code of the spender named right before the figure, by the bridge rule."""
    if not (figure.is_money or figure.of_gdp):
        return None
    before = [m for m in clause.mentions if m.end <= figure.start and m.kind != "group"]
    if not before:
        return None
    mention = before[-1]
    bridge = _BRIDGE.fullmatch(clause.masked, mention.end, figure.start)
    if bridge is None or not _bridge_fits(clause, mention, bridge):
        return None
    return mention.codes[0] if _about_defence(clause, mention, figure, next_start) else None


def _about_defence(clause: _Clause, mention: _Mention, figure: _Figure, next_start: int) -> bool:
    """Return whether the figure is defence spending: said so around the spender or right after it."""
    # "Germany's budget of €480 billion includes €52 billion for defence": the first is no defence figure.
    before = clause.text[max(clause.start, mention.start - 30) : figure.start]
    after = clause.text[figure.end : next_start]
    return bool(_DEFENCE_NOUN.search(before) or _DEFENCE_AFTER.match(after))


def _bridge_fits(clause: _Clause, mention: _Mention, bridge: re.Match[str]) -> bool:
    """Return whether the words around a mention make it the spender of the bridged figure."""
    np = bridge.group("np") or ""
    if bridge.group("of") and not np.strip():
        return False  # "Poland of 4%": only a budget or spending noun takes "of"
    if bridge.group("noun") and mention.kind != "alliance":
        return False  # "Poland members spent": only the alliance has members
    if mention.kind == "demonym" and (not np or np.lstrip().startswith(",") or bridge.group("poss")):
        return False  # a demonym is a spender only before a spending noun: "British defence spending"
    if _COORDINATED.search(clause.text, clause.start, mention.start) and not bridge.group("rel"):
        return False  # "Europe's allies and Canada spent": the spender is the whole list
    preposition = _preposition_before(clause, mention)
    if np.lstrip().startswith(","):
        return preposition in ("in", "for") and _starts_clause(clause, mention)  # "In Poland, spending rose"
    if preposition is None or bridge.group("rel"):
        return True  # "Unlike Russia, which spends": the relative pronoun names its antecedent
    spending_before = re.search(
        rf"{_SPEND_NP}\s+(?:in|by)\s+(?:the\s+)?$", clause.text[: mention.start], re.I
    )
    return preposition in ("in", "by") and spending_before is not None  # "Spending in Poland rose"


def _preposition_before(clause: _Clause, mention: _Mention) -> str | None:
    """Return the preposition right before a mention (past "the", "all" ...), or None."""
    before = clause.text[clause.start : mention.start]
    match = re.search(
        r"(?:^|\s)([A-Za-z]+)\s+(?:(?:the|all|its|their|total|overall|combined)\s+)*$", before, re.I
    )
    if match is None:
        return None
    word = match.group(1).lower()
    return word if word in _PREPOSITIONS else None


def _reported(clause: _Clause, position: int) -> bool:
    """Return whether position is in someone's words: inside quotes, or after "said" in its clause."""
    before = clause.text[:position]
    if before.count("“") > before.count("”") or before.count('"') % 2:
        return True
    return _SPEECH.search(clause.text, clause.start, position) is not None


def _starts_clause(clause: _Clause, mention: _Mention) -> bool:
    """Return whether only "In" or "For" (and "the") come before a mention in its clause."""
    return re.fullmatch(r"\s*(?:In|For)\s+(?:the\s+)?", clause.text[clause.start : mention.start]) is not None


def _chained_subject(
    clause: _Clause, previous: tuple[_Figure, str] | None, figure: _Figure, next_start: int
) -> str | None:
    """Return the previous figure's spender when this figure continues it ("down from 3.68%")."""
    if previous is None:
        return None
    before, subject = previous
    if before.is_money != figure.is_money:
        return None
    if _CHAIN_GAP.fullmatch(clause.masked, before.end, figure.start) is None:
        return None
    if any(before.end <= m.start < next_start for m in clause.mentions):
        return None  # "compared with 2.4% for Germany": that figure is another country's
    return subject


def _figure_record(
    clause: _Clause, figure: _Figure, subject: str, bounds: tuple[int, int]
) -> SpendingRecord | None:
    """Return the record for an attributed figure, or None when the rules reject it."""
    if figure.bounded or not _DEFENCE.search(clause.text, clause.start, clause.end):
        return None
    if _reported(clause, figure.start):
        return None
    if _TARGET_AFTER.match(clause.masked, figure.quantity.end):
        return None  # "2% target": a target, not spending
    if figure.is_money and (
        _AID.search(clause.text, clause.start, clause.end) or _money_for_other(clause, figure)
    ):
        return None
    when = _figure_time(clause, figure, bounds)
    if when is not None and _is_future(clause, when):
        return None
    return SpendingRecord(
        passage=clause.passage.position,
        subject=subject,
        metric=Metric.AMOUNT if figure.is_money else Metric.SHARE_OF_GDP,
        when=when[0] if when else None,
        value=figure.quantity.value,
        currency=figure.quantity.currency,
        approximate=figure.approximate,
        as_written=figure.quantity.text,
        equivalents=list(figure.equivalents),
    )


def _money_for_other(clause: _Clause, figure: _Figure) -> bool:
    """Return whether the amount is "to" or "for" a country named after it: money given away."""
    return any(
        re.search(r"\b(?:to|for)\s+(?:the\s+)?$", clause.text[figure.end : m.start])
        for m in clause.mentions
        if m.start >= figure.end
    )


def _figure_time(clause: _Clause, figure: _Figure, bounds: tuple[int, int]) -> TimeSpan | None:
    """Return the time written after the figure (before the next one), else the one just before it."""
    after = [t for t in clause.times if figure.end <= t[1] and t[2] <= bounds[1]]
    if after:
        return after[0]
    before = [t for t in clause.times if bounds[0] <= t[1] and t[2] <= figure.start]
    return before[-1] if before else None


def _is_future(clause: _Clause, time: TimeSpan) -> bool:
    """Return whether a time is after publication, "next ...", or a deadline ("by 2030")."""
    ref, start, _ = time
    if ref.text.lower().startswith("next"):
        return True
    if re.search(r"\b(?:by|until|before)\s+$", clause.text[clause.start : start], re.I):
        return True
    return ref.year is not None and clause.published is not None and ref.year > clause.published.year


# --- target status: counts of allies, countries that met or missed ----------------------------


def _allies_records(clause: _Clause, context: _TargetContext | None) -> list[SpendingRecord]:
    """Return "N of M allies met the target" records for the alliance."""
    if not _ALLIANCE_WORDS.search(clause.text, clause.start, clause.end) or _UNTIL.search(
        clause.text, clause.start, clause.end
    ):
        return []
    records = []
    for match in _ALLIES_MEETING.finditer(clause.masked, clause.start, clause.end):
        record = _allies_record(clause, match, context)
        if record is not None:
            records.append(record)
    return records


def _allies_record(
    clause: _Clause, match: re.Match[str], context: _TargetContext | None
) -> SpendingRecord | None:
    """Return the count record one "N of M allies met" match states, or None."""
    count = parse_count(match.group("count"))
    total = parse_count(match.group("total")) if match.group("total") else None
    if count is None or (match.group("noun") is None and total is None) or count > (total or 100):
        return None
    qualifier = qualifier_before(clause.text, match.start("count"))
    if _reported(clause, match.start()):
        return None
    target_object = _TARGET_OBJECT.match(clause.masked, match.end(), clause.end)
    if target_object is None or (qualifier is not None and qualifier.kind is not QualifierKind.APPROXIMATE):
        return None
    target, when = _target_and_time(clause, context, target_object)
    if target is None and not _SPENDING_TARGET.search(target_object.group(0)):
        return None
    return SpendingRecord(
        passage=clause.passage.position,
        subject=ALLIANCE,
        metric=Metric.ALLIES_MEETING_TARGET,
        when=when,
        value=float(count),
        approximate=qualifier is not None,
        target=target,
        total=total,
        as_written=clause.text[match.start() : match.start("cue")].strip(),
    )


def _status_records(clause: _Clause, context: _TargetContext | None) -> list[SpendingRecord]:
    """Return one TARGET_MET or TARGET_MISSED record per member country a clause lists."""
    if _UNTIL.search(clause.text, clause.start, clause.end):
        return []
    records = []
    for cue in _STATUS_CUE.finditer(clause.masked, clause.start, clause.end):
        target_object = _TARGET_OBJECT.match(clause.masked, cue.end(), clause.end)
        if target_object is None or _FORECAST_BEFORE.search(clause.masked, clause.start, cue.start()):
            continue
        records.extend(_status_for_cue(clause, cue, target_object, context))
    return records


def _status_for_cue(
    clause: _Clause, cue: re.Match[str], target_object: re.Match[str], context: _TargetContext | None
) -> list[SpendingRecord]:
    """Return the records of one met/missed verb and its target object."""
    found = _status_subjects(clause, cue, target_object)
    if found is None or _reported(clause, cue.start()):
        return []
    mentions, negated = found
    if negated and cue.group("miss"):
        return []  # "did not miss the target": too rare to read safely
    target, when = _target_and_time(clause, context, target_object)
    if target is None and not _SPENDING_TARGET.search(target_object.group(0)):
        return []  # "the target" with nothing to say which: maybe not a spending target at all
    metric = Metric.TARGET_MET if cue.group("met") and not negated else Metric.TARGET_MISSED
    claim_start = _claim_start(clause, cue) if negated else cue.start()
    as_written = clause.text[claim_start : target_object.end()]
    codes = [code for mention in mentions for code in mention.codes if by_code(code).nato_member]
    return [
        SpendingRecord(
            passage=clause.passage.position,
            subject=code,
            metric=metric,
            when=when,
            target=target,
            as_written=as_written,
        )
        for code in dict.fromkeys(codes)
    ]


def _status_subjects(
    clause: _Clause, cue: re.Match[str], target_object: re.Match[str]
) -> tuple[list[_Mention], bool] | None:
    """Return (the countries a met/missed verb is about, whether it is negated), or None."""
    intro = _INTRO_AFTER.match(clause.masked, target_object.end(), clause.end)
    group = _GROUP_BEFORE_CUE.search(clause.masked, clause.start, cue.start())
    if intro is not None and group is not None:  # "Countries missing the goal include A, B and C"
        listed = _list_after(clause, intro.end())
        negated = _NEGATION.search(clause.text, group.start(), cue.start()) is not None
        return (listed, negated) if listed else None
    listed = _list_before(clause, cue.start())
    if not listed:
        return None
    negated = _NEGATION.search(clause.text, listed[-1].end, cue.start()) is not None
    return listed, negated


def _claim_start(clause: _Clause, cue: re.Match[str]) -> int:
    """Return where a negated claim starts: at the negation ("did not meet the target")."""
    window = clause.text[clause.start : cue.start()]
    negations = list(
        re.finditer(r"\b(?:did|does|do|has|have|had)(?:\s+not|n['’]t)\b|\bnever\b|\bno\s+longer\b", window)
    )
    return clause.start + negations[-1].start() if negations else cue.start()


def _list_after(clause: _Clause, start: int) -> list[_Mention]:
    """Return the list of countries that starts at position start ("Belgium, Canada, and Spain")."""
    listed: list[_Mention] = []
    cursor = start
    for mention in (m for m in clause.mentions if m.start >= start and m.kind in ("country", "group")):
        gap_pattern = _LIST_SEP if listed else re.compile(r"\s*(?:the\s+)?", re.I)
        if gap_pattern.fullmatch(clause.masked, cursor, mention.start) is None:
            break
        listed.append(mention)
        cursor = mention.end
    return listed


def _list_before(clause: _Clause, cue_start: int) -> list[_Mention]:
    """Return the list of countries that is the subject of a verb at cue_start ("A, B and C met")."""
    candidates = [m for m in clause.mentions if m.end <= cue_start and m.kind != "demonym"]
    if not candidates or _GAP_BEFORE_CUE.fullmatch(clause.masked, candidates[-1].end, cue_start) is None:
        return []
    listed = [candidates[-1]]
    for mention in reversed(candidates[:-1]):
        separator = clause.masked[mention.end : listed[0].start]
        if _LIST_SEP.fullmatch(separator) is None:
            break
        and_type = re.search(r"\band\b|&", separator) is not None
        if and_type != (len(listed) == 1):
            break  # only the last two items are joined by "and": "A, B and C"
        listed.insert(0, mention)
    if any(m.kind == "alliance" for m in listed):
        return []
    opening = _LIST_OPENING.fullmatch(clause.masked, clause.start, listed[0].start)
    return listed if opening else []


def _target_and_time(
    clause: _Clause, context: _TargetContext | None, target_object: re.Match[str]
) -> tuple[float | None, TimeRef | None]:
    """Return the target percent and the year of a status claim, from the clause or inherited."""
    target = _target_percent(clause)
    when = _clause_time(clause)
    usable = context if context is not None and context.target is not None else None
    if usable is not None and (target is None or target == usable.target):
        return usable.target, when or usable.when
    return target, when


def _target_percent(clause: _Clause) -> float | None:
    """Return the first percentage in the clause written as a target ("the 2% target", "target of 2%")."""
    for percent in clause.percents:
        if _TARGET_AFTER.match(clause.masked, percent.end) or _TARGET_BEFORE.search(
            clause.masked, clause.start, percent.start
        ):
            return percent.value
    return None


def _clause_time(clause: _Clause) -> TimeRef | None:
    """Return the first time in the clause that is not in the future, or None."""
    return next((t[0] for t in clause.times if not _is_future(clause, t)), None)


def _next_context(clause: _Clause, context: _TargetContext | None) -> _TargetContext | None:
    """Return the target context after reading a clause: replaced when the clause sets a target."""
    target = _target_percent(clause)
    if target is None:
        return context
    section, paragraph = clause.passage.section, clause.passage.paragraph
    forward = _FORWARD_LOOKING.search(clause.masked, clause.start, clause.end) or _HYPOTHETICAL.search(
        clause.text, clause.start, clause.end
    )
    if forward:
        return _TargetContext(None, None, section, paragraph)
    return _TargetContext(target, _clause_time(clause), section, paragraph)


# --- comparisons ------------------------------------------------------------------------------


def _comparison_records(clause: _Clause) -> list[SpendingRecord]:
    """Return the qualitative comparisons of a clause ("spends more on defence than ...")."""
    if not (
        _DEFENCE.search(clause.text, clause.start, clause.end)
        or _ALLIANCE_WORDS.search(clause.text, clause.start, clause.end)
    ):
        return []
    records = []
    for cue in _COMPARISON_CUE.finditer(clause.masked, clause.start, clause.end):
        subject = _comparison_subject(clause, cue.start())
        if subject is None or _reported(clause, cue.start()):
            continue
        start = _with_article(clause.text, subject.start)
        claim = clause.text[start : clause.end].rstrip(" .,;:!?")
        records.append(
            SpendingRecord(
                passage=clause.passage.position,
                subject=subject.codes[0],
                metric=Metric.COMPARISON,
                when=_clause_time(clause),
                as_written=claim,
            )
        )
    return records


def _comparison_subject(clause: _Clause, cue_start: int) -> _Mention | None:
    """Return the country (or alliance) right before a comparison verb, or None."""
    before = [m for m in clause.mentions if m.end <= cue_start and m.kind in ("country", "alliance")]
    if not before:
        return None
    mention = before[-1]
    if _GAP_BEFORE_COMPARISON.fullmatch(clause.masked, mention.end, cue_start) is None:
        return None
    if _COORDINATED.search(clause.text, clause.start, mention.start):
        return None
    return None if _preposition_before(clause, mention) else mention


def _with_article(text: str, start: int) -> int:
    """Return start moved back over a "the " that belongs to the name ("the U.S.")."""
    match = re.search(r"\b[Tt]he\s+$", text[:start])
    return match.start() if match else start
