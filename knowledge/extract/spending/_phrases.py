"""Spending facts from article sentences: shares of GDP, amounts, targets met or missed, counts, comparisons.

Precision over recall: a sentence that does not fit one of these rules yields nothing.

* **Clauses.** Each passage is cut into clauses at ``;``, dashes, "while", "whereas", "but",
  "although" and "though", and each clause is read on its own. A clause with "if", "unless" or
  "were to" is hypothetical and yields nothing; a modal ("would spend", "should reach") breaks
  the link between spender and figure (below), so it yields nothing either. Words inside
  quotation marks are someone's words and yield nothing; a figure the article reports ("Visser
  said Sweden spent 2.1 percent", "..., NATO said") is stated as fact and is kept.
* **Who spends.** A figure belongs to the last country named before it, and only when the words
  between them are the ones a spender's sentence uses: a possessive and a spending noun
  ("Poland's defence spending rose to"), an aside between commas ("Norway, by
  comparison, spent"), a relative pronoun ("Russia, which spends"), auxiliaries and adverbs
  ("has also spent"), a spending verb ("spent", "reached", "stood at"; a verb of change only
  with "to"/"from": "rose to"), "budget of", or a list line's colon ("Poland: 4.1 percent of
  GDP"). Anything else ("will", "pledged to", "aims to", "did not", "rose by", another noun)
  breaks the link and the figure is dropped, never given to another country. So is a spender
  that ends a list ("Norway and Denmark spent") or follows a preposition ("of all NATO spending"),
  except "spending in/by Poland" and "In Poland, spending". "NATO" or "the alliance" is the
  subject ``NATO``; a demonym counts only before a spending noun ("British defence spending").
  After ", spending" the spender is the one country that opens the clause ("Britain met the
  target, spending 2.33 percent of GDP").
* **Figures that continue another** belong to its spender when no other country is named
  between them or claims the figure ("2.7% for the alliance"): joined by "down from", "up
  from", "from", "to", "compared with", "against", or "and" with a year between ("2% in 2024
  and 2.4% in 2025"); a restatement in another unit after ", or" ("€86.5bn, or 2.4 percent of
  GDP") is a fact of its own with the same year. A verbless figure after "and" or a comma ("...
  and the U.K. 2.0 percent") takes the metric and year of the figure before it in the sentence,
  and a bare percentage with a spender ("Finland spent 2.4 percent") is a share when a share
  came before it in the paragraph; neither may be followed by more words ("40 percent more on
  pensions", "40 percent of the budget").
* **Defence.** When the clause names defence or the military, the figure must be the one it
  names: a defence spending noun by the spender, or "on/for defence", "on its armed forces"
  after the figure. Otherwise the title, the section heading or the section so far must speak of
  defence, and the figure must not be spent "on" something else ("on interest payments").
* **SHARE_OF_GDP**: a percentage followed by "of (its) GDP", or continuing one as above. Not a
  share: a target ("target of 2%", "the 2% goal"), a growth rate ("rose by 10%"), a bound
  ("more than 2%"), a future year or "next year", a deadline ("by 2030"). Each figure takes the
  time written after it, before the next figure, in its clause (a restatement does not end that
  span); failing that, the time just before it. "A decade earlier" counts back from the figure
  it continues.
* **AMOUNT**: money (see ``numbers``) with the same rules, in a clause that is not about aid
  ("aid", "assistance", "package", "support", "loan", "pledge" ...; or money "to"/"for" a
  country named right after it). An amount in brackets or after ", or" right after another
  amount (past its year: "USD 90 billion in 2025 (€80bn)") is its ``equivalents``.
* **ALLIES_MEETING_TARGET**: "23 of NATO's 31 members met the ... target" (digits or words; the
  total is optional) in a clause about NATO or allies, with the subject ``NATO``. A forecast ("are
  expected to meet") or a negation does not match. A bound ("more than 20 allies") is dropped.
* **TARGET_MET / TARGET_MISSED**: a verb of meeting ("met", "exceeded", "is above") or missing
  ("missing", "fell short of", "failed to meet", "has yet to meet", "is below") whose object is a
  target ("the 2% target", "the goal", "NATO's guideline"). The countries are the list after
  "include", "are" or ":" ("Countries missing the goal include A, B and C") or the list right
  before the verb ("A, B and the Baltic states met"; only "and" joins the last two items, and a
  list opened by a preposition, "Unlike A, B and C missed", is not read); an aside (", still
  short of the target", ", well above the 2% target") is about the country opening the clause.
  A negated meeting verb ("did not meet", "never met", "no longer meets") is a miss. Only NATO
  members get these records. Forecasts ("expected to miss") yield nothing; "did not meet the
  target until 2024" (or "the 2% until 2024") is the target met in 2024 and nothing else: the years
  it was missed are not named. Other clauses with "until" or "only in" yield nothing.
* **Target and year inheritance.** The target percent comes from the clause ("the 2% goal"), or
  from the latest clause that set a target percent in the same section and the same or the
  previous paragraph. The year is the one written right after the claim ("missed the target in
  2023"), else the last one before it in its clause, else the year of the clause that set the
  target. A target set in a forward-looking clause ("pledged", "will", "new", "by 2035") is not
  inherited. A bare "the target" (or "the line") with nothing to inherit is kept only when it is
  plainly a spending target ("NATO's target", "the spending goal") or the passage is about defence,
  with ``target`` empty.
* **COMPARISON**: "spends more/less on defence than ...", "spends twice as much as",
  "outspends", "spends the most", "is the largest (military) spender", in a clause about defence,
  the military or the alliance; ``as_written`` is the clause from the subject on. A negation
  ("does not spend more") breaks the subject link and yields nothing; "spent more than 2%" is a
  bound, not a comparison.
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
from knowledge.extract.spending._clauses import (
    DASHED_ASIDE,
    INVERTED_CONDITION,
    JOINED_CLAUSE,
    NEGATION,
    SINCE_BEFORE,
)
from knowledge.extract.timeref import find_times
from knowledge.gazetteer import by_code, find_country_mentions, find_demonyms
from knowledge.models import (
    ALLIANCE,
    Article,
    FigureStatus,
    Metric,
    PartialDate,
    Passage,
    SpendingRecord,
    TimeRef,
)
from knowledge.wordscan import finditer_from, fold_case

# Masking: times, percentages and money are replaced by runs of one private-use character each,
# so structural patterns can name them ("a time here") while every position stays the same.
_PCT, _TIME, _MONEY = "\ue000", "\ue001", "\ue002"
_TimeSpan = tuple[TimeRef, int, int]

# Every break starts with a space, ";", "—" or ","; the lookahead lets re pass over other positions
# without trying both branches at each.
_CLAUSE_BREAK = re.compile(
    r"(?=[\s;—,])(?:\s*(?:;|—|\s[–-]\s)\s*|,?\s+(?:while|whereas|but|although|though)\s+)", re.I
)
# Modal verbs ("would spend") are handled where they stand: they break the spender's link.
_HYPOTHETICAL = re.compile(
    rf"\b(?<!even\s)(?:if|unless)\b|\b(?:suppose|supposing|imagine)\b|\bwere\s+to\b|{INVERTED_CONDITION}",
    re.I,
)
_DEFENCE = re.compile(r"\b(?:defen[cs]e|military|armed\s+(?:forces|services))\b", re.I)
# Defence as what a clause is about, not as the name of who says it ("according to the defence ministry").
_DEFENCE_TOPIC = re.compile(
    r"\b(?:defen[cs]e|military|armed\s+(?:forces|services))\b"
    r"(?!\s+(?:ministry|ministries|minister|ministers|department|secretary|committee|officials?|spokes\w+|staff)\b)",
    re.I,
)
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
_ALLIANCE_NAME = re.compile(
    r"\b(?:NATO|[Aa]lliance)\b(?:\s+as\s+a\s+whole\b)?"
)  # "The alliance as a whole spent"
_BALTIC = re.compile(r"\b(?:Baltic\s+(?:states|countries|nations|republics)|Baltics)\b")
_BALTIC_CODES = ("EE", "LV", "LT")

_TARGET_WORD = r"(?:target|goal|objective|guideline|benchmark|threshold|commitment|line|mark)s?"
# Cues: words every record of a kind needs. Few clauses have them, and one search for the cue
# spares the rest the scans with the full patterns. They are looked for in the clause's folded text
# (see fold_case), as the patterns that need them ignore case.
_TARGET_CUE = re.compile(r"target|goal|objective|guideline|benchmark|threshold|commitment|line|mark")
_SPEND_CUE = re.compile(r"spen")  # every comparison verb: spends, spent, outspends, spender
_HYPOTHETICAL_CUE = re.compile(r"if|unless|suppos|imagine|were|should")
_DEFENCE_CUE = re.compile(r"defen|military|armed")
_CLAUSE_BREAK_CUE = re.compile(r"[;—–-]|while|whereas|but|though")
# Where the alliance and Baltic patterns can start; their leading \b keeps re from skipping ahead.
_ALLIANCE_NAME_STARTS = re.compile(r"NATO|[Aa]lliance")
_BALTIC_STARTS = re.compile(r"Baltic")
_OF_GDP = re.compile(
    r"\s+of\s+(?:(?:its|their|the\s+country['’]s|the\s+nation['’]s|national|annual)\s+)?"
    r"(?:GDP|gross\s+domestic\s+product|economic\s+output|(?<=national\s)income)\b",
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
    rf"(?:(?P<verb>\s+{_VERB})|(?P<of>,?\s+(?:of|at))|(?P<label>\s*:))"
    r"(?:\s+(?:just|only|merely|a\s+mere|the\s+equivalent\s+of|a\s+(?:total|combined|record)(?:\s+of)?))?\s*",
    re.I,
)
_COORDINATED = re.compile(r"(?:\band|&|\bor|\bas\s+well\s+as)\s+(?:the\s+)?$", re.I)
_PREPOSITION = re.compile(
    r"to|for|from|with|than|against|on|of|by|in|unlike|like|versus|vs|behind|after|before|including"
    r"|toward|towards|into|at|over|about|among|despite",
    re.I,
)
_FIGURE_TAIL = (
    rf"(?:{_OF_GDP.pattern})?(?:\s+on\s+(?:defen[cs]e|(?:its\s+|the\s+)?military|(?:its\s+)?armed\s+forces))?"
)
_CHAIN_GAP = re.compile(
    rf"{_FIGURE_TAIL}(?:\s+(?:in|during|for)?\s*\ue001+)?\s*,?\s*"
    r"(?:(?:down|up)\s+from|from|compared\s+(?:with|to)|against|versus|vs\.?|to)\s*"
    # "2% in 2024 and 2.4% in 2025": "and" chains only with a time between, never "2% and 3%".
    rf"|{_FIGURE_TAIL}\s+(?:in|during|for)?\s*\ue001+\s*,?\s+and\s+",
    re.I,
)
# What may follow an elliptical figure: "... and the U.K. 2.0 percent." but not "40 percent more on pensions".
_BARE_TAIL = re.compile(
    rf"{_FIGURE_TAIL}(?:\s+(?:in|during|for)?\s*\ue001+)?\s*(?:[,.;:)!?]|and\b|while\b|but\b|$)", re.I
)
_RESTATEMENT = re.compile(rf"{_FIGURE_TAIL}(?:\s+(?:in|during|for)?\s*\ue001+)?\s*,?\s+or\s+", re.I)
_EQUIVALENT_GAP = re.compile(
    r"(?:\s+(?:in|during|for)?\s*\ue001+)?\s*\(\s*(?:(?:about|around|roughly|some|approximately|nearly)\s+)?"
    r"|\s*,?\s+or\s+(?:(?:about|around|roughly|some)\s+)?",
    re.I,
)
_NON_DEFENCE_AFTER = re.compile(
    rf"(?:{_OF_GDP.pattern})?\s+on\s+(?!(?:its\s+|their\s+|the\s+)?(?:defen[cs]e|military|armed))", re.I
)
_OWNER_AFTER = re.compile(rf"(?:{_OF_GDP.pattern})?\s+(?:for|in|by|of|at)\s+(?:the\s+|all\s+)?", re.I)
_PARTICIPLE_BEFORE = re.compile(r",\s*(?:spending|having\s+spent)\s+$", re.I)
_OPENING_SUBJECT = re.compile(r"(?:.*,)?\s*(?:in\s+\ue001+,?\s+)?(?:the\s+)?", re.I)
_GAPPED_OPENING = re.compile(r"(?:^|\band\s+|,\s+)(?:the\s+)?$", re.I)
_EARLIER = re.compile(r"(?P<n>a\s+decade|\w+\s+years?)\s+(?:earlier|before)", re.I)
_CLOSING_BRACKET = re.compile(r"\s*\)")
_SPACES = re.compile(r"\s+")
_SPENDING_IN_BEFORE = re.compile(rf"{_SPEND_NP}\s+(?:in|by)\s+(?:the\s+)?$", re.I)
_WORD_BEFORE = re.compile(
    r"(?:^|\s)([A-Za-z]+)\s+(?:(?:the|all|its|their|total|overall|combined)\s+)*$", re.I
)
_IN_OR_FOR = re.compile(r"\s*(?:In|For)\s+(?:the\s+)?")
_GIVEN_TO = re.compile(r"[^,;]{0,30}\b(?:to|for)\s+(?:the\s+)?")
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|before)\s+$", re.I)
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")

# --- targets met or missed ---------------------------------------------------------------------

_MET_VERB = (
    r"(?:met|meet|meets|meeting|exceeded|exceeds?|exceeding|surpassed|surpass(?:es|ing)?|hit|hits|hitting"
    r"|reached|reach(?:es|ing)?|achieved|achieves?|achieving|topped|cleared|crossed|cross(?:es|ing)?"
    r"|passed|pass(?:es|ing)?)"
)
_BE = r"(?:is|are|was|were|remain(?:s|ed)?|stay(?:s|ed)?)\s+(?:still\s+)?"
_STATUS_CUE = re.compile(
    r"\b(?:(?P<miss>missed|miss(?:es|ing)?|f[ae]ll(?:s|ing|en)?\s+short\s+of"
    r"|fail(?:ed|s|ing)?\s+to\s+(?:meet|reach|hit|achieve)|(?:(?:has|have|had)\s+)?yet\s+to\s+(?:meet|reach|hit)"
    rf"|{_BE}(?:below|under)|lag(?:s|ged|ging)?\s+behind)"
    rf"|(?P<met>{_MET_VERB}(?:\s*(?:/|or|and)\s*{_MET_VERB})?|{_BE}(?:above|over|at\s+or\s+above)))\b",
    re.I,
)
_PARTICIPLE_STATUS = re.compile(
    r",\s*(?:(?:still|well|just|far|comfortably|clearly)\s+)?"
    r"(?:(?P<miss>short\s+of|below|under)|(?P<met>above|over|exceeding|surpassing|meeting))\b",
    re.I,
)
_FILLER = (
    r"(?:the|its|their|this|that|a|an|nato['’]s|nato|alliance['’]s|alliance|agreed|official|minimum"
    r"|spending|defen[cs]e|military|of|gdp|long-?standing|current|existing|same|previous|old|key|core"
    r"|headline|annual|own|\ue000+|\ue001+)"
)
_TARGET_OBJECT = re.compile(
    rf"(?:\s+{_FILLER})*?\s+(?P<word>{_TARGET_WORD})\b"
    # The target's own complement belongs to it: "target of spending 2% of their GDP on defense".
    rf"(?:\s+of\s+(?:spending\s+)?(?:at\s+least\s+)?\ue000+{_FIGURE_TAIL})?",
    re.I,
)
_SPENDING_TARGET = re.compile(r"\b(?:nato|alliance|spending|defen[cs]e|military|gdp)\b|\ue000", re.I)
_ADV_STATUS = (
    r"(?:have|has|had|did|do|does|still|also|already|all|both|each|again|now|then|just|only|easily"
    r"|comfortably|clearly|not|never|no\s+longer|yet|(?:did|does|do|has|have|had)n['’]t|in\s+\ue001+|\ue001+"
    r"|first|finally|eventually|barely|narrowly|once|ever)"  # "Norway first met the guideline in 2024"
)
_GAP_BEFORE_CUE = re.compile(
    rf"(?:\s*,[^,;]{{1,40}},|\s+[—–])?(?:\s*,?\s+(?:which|that|who))?(?:\s+{_ADV_STATUS})*\s*"
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
    r"(?:.*,)?\s*(?:in\s+\ue001+\s+)?(?:(?:only|just|both|also|and|but|so\s+far|meanwhile)\s+)?"
    # "Only three allies – the United States, the United Kingdom and Greece – met it"
    r"(?:[\w-]+\s+(?:allies|members|countries)\s+[—–]\s+)?(?:the\s+)?",
    re.I,
)
_SECOND_VERB = re.compile(rf"\band(?:\s+{_ADV_STATUS})*\s+$", re.I)
_NEGATION = re.compile(NEGATION, re.I)
_NEGATED_CLAIM = re.compile(r"\b(?:did|does|do|has|have|had)(?:\s+not|n['’]t)\b|\bnever\b|\bno\s+longer\b")
_LIST_START = re.compile(r"\s*(?:the\s+)?", re.I)
_AND = re.compile(r"\band\b|&")
_FORECAST_BEFORE = re.compile(
    r"\b(?:will|would|could|may|might|should|shall|must|(?:expected|set|likely|projected|forecast|poised"
    r"|on\s+track|plan(?:s|ned)?|aim(?:s|ed)?|pledged|promised|intend(?:s|ed)?|hope(?:s|d)?|going|due"
    r"|need(?:s|ed)?|ha(?:ve|s)|is|are)\s+to)\s+(?:\w+\s+){0,2}$",
    re.I,
)
_EXPECTED_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were)\s+(?:(?:both|all|each|also|now|still|widely)\s+)*)?"
    r"\b(?:expected|set|likely|projected|forecast|poised|on\s+(?:track|course))\s+to\s+(?:\w+\s+)?$",
    re.I,
)
_TIME_NEXT = re.compile(r"\s*,?\s*(?:for\s+the\s+first\s+time\s+)?(?:(?:in|during|for|as\s+of)\s+)?", re.I)
_UNTIL = re.compile(r"\buntil\b|\bonly\s+(?:in|since|after|from)\b", re.I)
_UNTIL_YEAR = re.compile(r"\s+(?:\w+\s+){0,2}?until\s+(?P<year>\ue001+)", re.I)
_BARE_TARGET = re.compile(r"\s+the\s+\ue000+")
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
    r"(?:single\s+)?(?:largest|biggest|top|highest|lowest|smallest)\s+(?:(?:defen[cs]e|military)\s+)?spender"
    # its part of what all allies spend: "accounted for about two-thirds of total allied defence spending"
    r"|account(?:s|ed)?\s+for\s+(?:(?:about|around|roughly|nearly|almost|some|over|more\s+than|just\s+under)\s+)?"
    r"(?:two[-\s]thirds|half|(?:a|one)[-\s](?:third|quarter|fifth|tenth)|three[-\s]quarters|[\ue000-\ue002]+)\s+of\s+"
    r"(?:what\s+all\s+(?:the\s+)?(?:other\s+)?allies\s+spend|(?:all|total)\s+(?:allied|NATO)|(?:all\s+)?(?:the\s+)?(?:alliance|allies)['’]s?\s))",
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
    folded: str  # masked, case-folded for cue tests (see fold_case), same length
    start: int
    end: int
    mentions: tuple[_Mention, ...]
    times: tuple[_TimeSpan, ...]
    percents: tuple[Quantity, ...]
    money: tuple[Quantity, ...]
    published: PartialDate | None
    defence_context: bool  # the title, heading or section so far speaks of defence or the military
    names_target: bool  # it has a target word, as every met/missed and allies-meeting claim needs
    hypothetical: bool  # it says "if", "unless", "suppose", "imagine" or "were to"

    @property
    def text(self) -> str:
        """Return the passage text the spans index."""
        return self.passage.text


@dataclass(frozen=True, slots=True)
class _Figure:
    """A percentage or amount in a clause, with its qualifier and bracketed equivalents folded in."""

    quantity: Quantity
    start: int  # includes an approximate qualifier ("around")
    end: int  # includes equivalents ("(€80bn)")
    approximate: bool
    bounded: bool
    of_gdp: bool
    equivalents: tuple[str, ...] = ()

    @property
    def is_money(self) -> bool:
        """Return whether the figure is an amount of money."""
        return self.quantity.currency is not None


@dataclass(frozen=True, slots=True)
class _Attribution:
    """Who a figure belongs to, what it measures, and what it may inherit."""

    subject: str
    metric: Metric
    fallback_when: TimeRef | None = None  # the year of the figure it continues, if it has none
    anchor_year: int | None = None  # "a decade earlier" counts back from this year


@dataclass(frozen=True, slots=True)
class _Recent:
    """The latest share or amount record, for the elliptical figures after it."""

    record: SpendingRecord
    section: str | None
    paragraph: int

    def same_paragraph(self, passage: Passage) -> bool:
        """Return whether a passage is in the same section and paragraph as this record."""
        return passage.section == self.section and passage.paragraph == self.paragraph


@dataclass(slots=True)
class _Reading:
    """What earlier passages leave for later ones: the target context and the latest figure."""

    context: _TargetContext | None = None
    recent: _Recent | None = None


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


_LEAD_PASSAGES = 3


def extract_spending(article: Article) -> list[SpendingRecord]:
    """Return the spending facts stated in the article's passages, in passage order."""
    records: list[SpendingRecord] = []
    reading = _Reading()
    # the title or the lead frames every section: a memo's "Subject: Defence spending outlook" line
    # makes its "Key points" bullets about defence
    title_speaks = _DEFENCE.search(article.meta.title or "") is not None or any(
        _names_defence(p.text) for p in article.passages[:_LEAD_PASSAGES]
    )
    section_speaks: dict[str | None, bool] = {}  # whether each section so far has named defence
    for passage in article.passages:
        section_speaks[passage.section] = section_speaks.get(passage.section, False) or _names_defence(
            passage.text
        )
        defence = title_speaks or _defence_context(passage, section_speaks[passage.section])
        for clause in _clauses(passage, article.meta.published, defence):
            if not clause.hypothetical:
                records.extend(_clause_records(clause, reading))
            reading.context = _next_context(clause, reading.context)
    return _unique(records)


def _clause_records(clause: _Clause, reading: _Reading) -> list[SpendingRecord]:
    """Return every kind of spending record one clause states, and remember its latest figure."""
    context = (
        reading.context if reading.context is not None and reading.context.covers(clause.passage) else None
    )
    figures = _figure_records(clause, reading.recent)
    if figures:
        passage = clause.passage
        reading.recent = _Recent(figures[-1], passage.section, passage.paragraph)
    return [
        *figures,
        *_allies_records(clause, context),
        *_status_records(clause, context),
        *_comparison_records(clause),
    ]


def _defence_context(passage: Passage, section_so_far: bool) -> bool:
    """Return whether the section heading or the section up to passage (section_so_far) speaks of defence."""
    return section_so_far or _DEFENCE.search(passage.section or "") is not None


def _names_defence(text: str) -> bool:
    """Return whether text names defence or the military."""
    return _DEFENCE_CUE.search(fold_case(text)) is not None and _DEFENCE.search(text) is not None


def _unique(records: list[SpendingRecord]) -> list[SpendingRecord]:
    """Return records without exact repeats, in first-seen order (by key: linear, not pairwise)."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for record in records:
        key = (*(v for k, v in record if k != "equivalents"), tuple(record.equivalents))
        if key not in seen:
            seen.add(key)
            kept.append(record)
    return kept


# --- passages into clauses --------------------------------------------------------------------


def _clauses(passage: Passage, published: PartialDate | None, defence_context: bool) -> list[_Clause]:
    """Return the passage's clauses, each with its mentions, times and figures."""
    text = passage.text
    times = tuple(find_times(text, published))
    percents = tuple(find_percents(text))
    money = tuple(find_money(text))
    masked = _mask(text, times, percents, money)
    folded = fold_case(masked)
    folded_text = fold_case(text)
    mentions = _mentions(text, money)
    clauses = []
    for start, end in _clause_spans(text, folded_text):
        clauses.append(
            _Clause(
                passage=passage,
                masked=masked,
                folded=folded,
                start=start,
                end=end,
                mentions=tuple(m for m in mentions if start <= m.start and m.end <= end),
                times=tuple(t for t in times if start <= t[1] and t[2] <= end),
                percents=tuple(q for q in percents if start <= q.start and q.end <= end),
                money=tuple(q for q in money if start <= q.start and q.end <= end),
                published=published,
                defence_context=defence_context,
                names_target=_TARGET_CUE.search(folded, start, end) is not None,
                hypothetical=_HYPOTHETICAL_CUE.search(folded_text, start, end) is not None
                and _HYPOTHETICAL.search(text, start, end) is not None,
            )
        )
    return clauses


def _clause_spans(text: str, folded: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of the clauses of a sentence; folded is fold_case(text)."""
    spans = []
    start = 0
    breaks = _CLAUSE_BREAK.finditer(text) if _CLAUSE_BREAK_CUE.search(folded) else ()
    asides = [m.span() for m in DASHED_ASIDE.finditer(text)] if "–" in text or "—" in text else []
    for match in breaks:
        if any(s < match.start() < e for s, e in asides):
            continue  # "Only three allies – the US, the UK and Greece – met it": one clause
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _mask(
    text: str, times: tuple[_TimeSpan, ...], percents: tuple[Quantity, ...], money: tuple[Quantity, ...]
) -> str:
    """Return text with each time, percentage and amount replaced by a same-length marker run."""
    spans = [(s, e, _TIME) for _, s, e in times]
    spans += [(q.start, q.end, _PCT) for q in percents] + [(q.start, q.end, _MONEY) for q in money]
    if not spans:
        return text  # most sentences have nothing to mask
    chars = list(text)
    for start, end, marker in spans:
        chars[start:end] = marker * (end - start)
    return "".join(chars)


def _mentions(text: str, money: tuple[Quantity, ...]) -> list[_Mention]:
    """Return the countries, demonyms, alliance names and country groups in text, in order."""
    found = [_Mention((c.code,), s, e, "country") for c, s, e in find_country_mentions(text)]
    found += [_Mention((c.code,), s, e, "demonym") for c, s, e in find_demonyms(text)]
    alliance = finditer_from(_ALLIANCE_NAME_STARTS, _ALLIANCE_NAME, text)
    found += [_Mention((ALLIANCE,), m.start(), m.end(), "alliance") for m in alliance]
    baltic = finditer_from(_BALTIC_STARTS, _BALTIC, text)
    found += [_Mention(_BALTIC_CODES, m.start(), m.end(), "group") for m in baltic]
    # "US$5 billion" names a currency, not a spender.
    kept = [m for m in found if not any(m.start < q.end and q.start < m.end for q in money)]
    return sorted(kept, key=lambda m: m.start)


# --- shares of GDP and amounts ----------------------------------------------------------------


def _figure_records(clause: _Clause, recent: _Recent | None) -> list[SpendingRecord]:
    """Return the share-of-GDP and amount records of a clause."""
    figures = _figures(clause)
    records: list[SpendingRecord] = []
    previous: tuple[_Figure, SpendingRecord] | None = None
    for index, figure in enumerate(figures):
        window = _time_window(clause, figures, index)
        attribution = _chained(clause, figure, previous, window[1]) or _bridged(
            clause, figure, recent, window[1]
        )
        attribution = attribution or _gapped(clause, figure, recent)
        record = _figure_record(clause, figure, attribution, window) if attribution else None
        previous = (figure, record) if record else None
        if record:
            records.append(record)
            recent = _Recent(record, clause.passage.section, clause.passage.paragraph)
    return records


def _figures(clause: _Clause) -> list[_Figure]:
    """Return the clause's percentages and amounts in order, equivalents folded into the amount before."""
    figures: list[_Figure] = []
    for quantity in sorted((*clause.percents, *clause.money), key=lambda q: q.start):
        last = figures[-1] if figures else None
        if (
            last is not None
            and last.is_money
            and quantity.currency
            and _is_equivalent(clause, last, quantity)
        ):
            close = _CLOSING_BRACKET.match(clause.text[quantity.end :])
            end = quantity.end + (close.end() if close else 0)
            figures[-1] = replace(last, end=end, equivalents=(*last.equivalents, quantity.text))
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
    """Return whether an amount restates the one before it: "$90 billion (€80 billion)"."""
    if _EQUIVALENT_GAP.fullmatch(clause.masked, before.end, quantity.start) is None:
        return False
    bracketed = "(" in clause.text[before.end : quantity.start]
    return not bracketed or _CLOSING_BRACKET.match(clause.text[quantity.end :]) is not None


def _time_window(clause: _Clause, figures: list[_Figure], index: int) -> tuple[int, int]:
    """Return where a figure's time may be written: from the figure before to the next one.

    A restatement ("€86.5bn, or 2.4 percent of GDP, in 2025") does not end the window: the time
    after it is the time of both.
    """
    start = figures[index - 1].end if index else clause.start
    following = figures[index + 1 :]
    if following and _RESTATEMENT.fullmatch(clause.masked, figures[index].end, following[0].start):
        following = following[1:]
    return start, following[0].start if following else clause.end


def _chained(
    clause: _Clause, figure: _Figure, previous: tuple[_Figure, SpendingRecord] | None, next_start: int
) -> _Attribution | None:
    """Return the previous figure's spender when this figure continues it ("down from 2.5%")."""
    if previous is None:
        return None
    before, record = previous
    if _owned_by_other(clause, before, figure):
        return None  # "compared with 2.4% for Germany": that figure is another country's
    year = record.when.year if record.when else None
    if _RESTATEMENT.fullmatch(clause.masked, before.end, figure.start):  # "$968 billion, or 3.4% of GDP"
        if figure.is_money == before.is_money or not (figure.is_money or figure.of_gdp):
            return None
        metric = Metric.AMOUNT if figure.is_money else Metric.SHARE_OF_GDP
        return _Attribution(record.subject, metric, record.when, year)
    if (
        figure.is_money != before.is_money
        or _CHAIN_GAP.fullmatch(clause.masked, before.end, figure.start) is None
    ):
        return None
    return _Attribution(record.subject, record.metric, None, year)


def _owned_by_other(clause: _Clause, before: _Figure, figure: _Figure) -> bool:
    """Return whether a name stands between two figures, or claims the second ("2.4% for Germany")."""
    if any(before.end <= m.start < figure.start for m in clause.mentions):
        return True
    return any(
        _OWNER_AFTER.fullmatch(clause.masked, figure.quantity.end, m.start) is not None
        for m in clause.mentions
        if m.start >= figure.quantity.end
    )


def _bridged(
    clause: _Clause, figure: _Figure, recent: _Recent | None, next_start: int
) -> _Attribution | None:
    """Return the spender named before the figure, by the bridge or participle rule, and the metric."""
    metric = _bridged_metric(clause, figure, recent)
    mention = _spender(clause, figure) if metric else None
    if metric is None or mention is None or not _about_defence(clause, mention, figure, next_start):
        return None
    # "..., while Finland spent 2.4 percent": an elliptical share takes its sentence's year.
    elliptical = not (figure.is_money or figure.of_gdp)
    same_passage = recent is not None and recent.record.passage == clause.passage.position
    fallback = recent.record.when if recent is not None and elliptical and same_passage else None
    return _Attribution(mention.codes[0], metric, fallback)


def _bridged_metric(clause: _Clause, figure: _Figure, recent: _Recent | None) -> Metric | None:
    """Return what a figure measures: money, a share of GDP, or a bare percent in a paragraph of shares."""
    if figure.is_money:
        return Metric.AMOUNT
    if figure.of_gdp:
        return Metric.SHARE_OF_GDP
    if not _BARE_TAIL.match(clause.masked, figure.quantity.end):
        return None  # "40 percent of the budget", "12 percent more": not a share
    if recent is None or recent.record.metric is not Metric.SHARE_OF_GDP:
        return None
    return Metric.SHARE_OF_GDP if recent.same_paragraph(clause.passage) else None


def _spender(clause: _Clause, figure: _Figure) -> _Mention | None:
    """Return the spender of a figure: the name bridged to it, or the clause's subject before ", spending"."""
    if _PARTICIPLE_BEFORE.search(clause.masked, clause.start, figure.start):
        return _opening_subject(clause, figure.start)
    before = [m for m in clause.mentions if m.end <= figure.start and m.kind != "group"]
    if not before:
        return None
    mention = before[-1]
    bridge = _BRIDGE.fullmatch(clause.masked, mention.end, figure.start)
    return mention if bridge is not None and _bridge_fits(clause, mention, bridge) else None


def _gapped(clause: _Clause, figure: _Figure, recent: _Recent | None) -> _Attribution | None:
    """Return the spender of a verbless figure after another: "... on defence and the U.K. 2.0 percent"."""
    if recent is None or recent.record.passage != clause.passage.position:
        return None
    if figure.is_money != (recent.record.metric is Metric.AMOUNT):
        return None
    before = [m for m in clause.mentions if m.end <= figure.start and m.kind == "country"]
    if not before or not _SPACES.fullmatch(clause.masked[before[-1].end : figure.start]):
        return None
    if _GAPPED_OPENING.search(clause.text[clause.start : before[-1].start]) is None:
        return None
    if not _BARE_TAIL.match(clause.masked, figure.quantity.end):
        return None  # "and Greece 40 percent more on pensions"
    return _Attribution(before[-1].codes[0], recent.record.metric, recent.record.when)


def _opening_subject(clause: _Clause, before: int) -> _Mention | None:
    """Return the one country that opens the clause and is its subject up to position before."""
    countries = [m for m in clause.mentions if m.start < before and m.kind == "country"]
    if len(countries) != 1 or clause.text[countries[0].end : countries[0].end + 1] in ("'", "’"):
        return None  # none, several, or a possessive ("Britain's army"): not plainly the subject
    opening = _OPENING_SUBJECT.fullmatch(clause.masked, clause.start, countries[0].start)
    return countries[0] if opening else None


def _about_defence(clause: _Clause, mention: _Mention, figure: _Figure, next_start: int) -> bool:
    """Return whether the figure is defence spending.

    When its clause names defence, the figure must be the one it names: a defence noun by the
    spender or "on defence" after the figure ("Germany's budget of €480 billion includes €52 billion
    for defence": only the second is). Otherwise the section must be about defence, and the
    figure not spent "on" something else.
    """
    after = clause.masked[figure.end : next_start]
    if _NON_DEFENCE_AFTER.match(after):
        return False
    if _DEFENCE_TOPIC.search(clause.text, clause.start, clause.end):
        before = clause.text[max(clause.start, mention.start - 30) : figure.start]
        return bool(_DEFENCE_NOUN.search(before) or _DEFENCE_AFTER.match(after))
    return clause.defence_context


def _bridge_fits(clause: _Clause, mention: _Mention, bridge: re.Match[str]) -> bool:
    """Return whether the words around a mention make it the spender of the bridged figure."""
    np = bridge.group("np") or ""
    if bridge.group("label"):  # "Poland: 4.1 percent of GDP in 2025", a list line
        line_start = max(clause.start, clause.text.rfind("\n", clause.start, mention.start) + 1)
        return (
            mention.kind == "country"
            and not clause.text[max(line_start, clause.start) : mention.start].strip()
        )
    if bridge.group("of") and not np.strip():
        return False  # "Poland of 4%": only a budget or spending noun takes "of"
    if bridge.group("noun") and mention.kind != "alliance":
        return False  # "Poland members spent": only the alliance has members
    if mention.kind == "demonym" and (not np or np.lstrip().startswith(",") or bridge.group("poss")):
        return False  # a demonym is a spender only before a spending noun: "British defence spending"
    if _COORDINATED.search(clause.text, clause.start, mention.start) and not bridge.group("rel"):
        return False  # "Europe's allies and Norway spent": the spender is the whole list
    preposition = _preposition_before(clause, mention)
    if np.lstrip().startswith(","):
        return preposition in ("in", "for") and _starts_clause(clause, mention)  # "In Poland, spending rose"
    if preposition is None or bridge.group("rel"):
        return True  # "Unlike Russia, which spends": the relative pronoun names its antecedent
    spending_before = _SPENDING_IN_BEFORE.search(clause.text[: mention.start])
    return preposition in ("in", "by") and spending_before is not None  # "Spending in Poland rose"


def _preposition_before(clause: _Clause, mention: _Mention) -> str | None:
    """Return the preposition right before a mention (past "the", "all" ...), or None."""
    before = clause.text[clause.start : mention.start]
    match = _WORD_BEFORE.search(before)
    if match is None:
        return None
    word = match.group(1).lower()
    return word if _PREPOSITION.fullmatch(word) else None


def _quoted(clause: _Clause, position: int) -> bool:
    """Return whether position is inside quotation marks: someone's words, not the article's."""
    before = clause.text[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _starts_clause(clause: _Clause, mention: _Mention) -> bool:
    """Return whether only "In" or "For" (and "the") come before a mention in its clause."""
    return _IN_OR_FOR.fullmatch(clause.text[clause.start : mention.start]) is not None


def _figure_record(
    clause: _Clause, figure: _Figure, attribution: _Attribution, window: tuple[int, int]
) -> SpendingRecord | None:
    """Return the record for an attributed figure, or None when the rules reject it."""
    if figure.bounded or _quoted(clause, figure.start):
        return None
    if _TARGET_AFTER.match(clause.masked, figure.quantity.end):
        return None  # "2% target": a target, not spending
    if figure.is_money and (
        _AID.search(clause.text, clause.start, clause.end) or _money_for_other(clause, figure)
    ):
        return None
    time = _figure_time(clause, figure, window)
    if time is not None and _is_future(clause, time):
        return None
    return SpendingRecord(
        passage=clause.passage.position,
        subject=attribution.subject,
        metric=attribution.metric,
        when=_anchored(time[0], attribution.anchor_year) if time else attribution.fallback_when,
        value=figure.quantity.value,
        currency=figure.quantity.currency,
        approximate=figure.approximate,
        as_written=figure.quantity.text,
        equivalents=list(figure.equivalents),
    )


def _anchored(when: TimeRef, anchor_year: int | None) -> TimeRef:
    """Return when, with "a decade earlier" counted back from the figure it is compared with."""
    match = _EARLIER.fullmatch(when.text)
    if match is None or anchor_year is None:
        return when
    words = match.group("n").lower().split()
    years = 10 if words[-1] == "decade" else parse_count(words[0])
    return when.model_copy(update={"year": anchor_year - years}) if years else when


def _money_for_other(clause: _Clause, figure: _Figure) -> bool:
    """Return whether the amount is "to" or "for" a country named right after it: money given away."""
    return any(
        _GIVEN_TO.fullmatch(clause.text[figure.end : m.start])
        for m in clause.mentions
        if m.start >= figure.end and m.kind == "country"
    )


def _figure_time(clause: _Clause, figure: _Figure, bounds: tuple[int, int]) -> _TimeSpan | None:
    """Return the time written after the figure (before the next one), else the one just before it."""
    after = [
        t
        for t in clause.times
        if figure.quantity.end <= t[1]
        and t[2] <= bounds[1]
        # "spent 4.4% of GDP on defence, and the plan for this year is 4.8%": the next clause's time
        and not JOINED_CLAUSE.search(clause.text, figure.quantity.end, t[1])
        # "roughly 2% of GDP, a level it has held since 2024": when the level began, not its year
        and not SINCE_BEFORE.search(clause.text, max(0, t[1] - 8), t[1])
    ]
    if after:
        return after[0]
    if _CONTINUES_FROM.search(clause.masked, bounds[0], figure.start):
        return None  # "1.3% in 2024, up from 1.2%": the time before "from" is the other figure's
    before = [t for t in clause.times if bounds[0] <= t[1] and t[2] <= figure.start]
    return before[-1] if before else None


_CONTINUES_FROM = re.compile(r"\b(?:up|down|rising|falling|risen|fallen|rose|fell)?\s*from\s*$", re.I)


def _is_future(clause: _Clause, time: _TimeSpan) -> bool:
    """Return whether a time is after publication, "next ...", or a deadline ("by 2030")."""
    ref, start, _ = time
    if ref.text.lower().startswith("next"):
        return True
    if _DEADLINE_BEFORE.search(clause.text[clause.start : start]):
        return True
    return ref.year is not None and clause.published is not None and ref.year > clause.published.year


# --- target status: counts of allies, countries that met or missed ----------------------------


def _allies_records(clause: _Clause, context: _TargetContext | None) -> list[SpendingRecord]:
    """Return "N of M allies met the target" records for the alliance."""
    if not clause.names_target:
        return []
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
    if _quoted(clause, match.start()):
        return None
    qualifier = qualifier_before(clause.text, match.start("count"))
    target_object = _TARGET_OBJECT.match(clause.masked, match.end(), clause.end)
    if target_object is None or (qualifier is not None and qualifier.kind is not QualifierKind.APPROXIMATE):
        return None
    target, when = _target_and_time(clause, context, (match.start(), target_object.end()))
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
        return _met_only_from(clause, context)
    if not clause.names_target:
        return []
    records = []
    for cue in _STATUS_CUE.finditer(clause.masked, clause.start, clause.end):
        target_object = _TARGET_OBJECT.match(clause.masked, cue.end(), clause.end)
        if target_object is None:
            continue
        if _FORECAST_BEFORE.search(clause.masked, clause.start, cue.start()):
            # "France and Germany are expected to cross the 2% line in 2024": a forecast verdict,
            # kept as an estimate; a plan or a pledge to meet it ("will", "aims to") is no verdict
            records.extend(_forecast_records(clause, cue, target_object, context))
            continue
        records.extend(_status_for_cue(clause, cue, target_object, context))
    return records + _participle_status_records(clause, context)


def _forecast_records(
    clause: _Clause, cue: re.Match[str], target_object: re.Match[str], context: _TargetContext | None
) -> list[SpendingRecord]:
    """Return the allies a clause expects to meet a target, as estimates: "France and Germany are both
    expected to cross the 2% line in 2024". A plan or pledge to meet it ("will", "aims to") is no verdict,
    and "not expected to meet" is left unread."""
    expected = _EXPECTED_BEFORE.search(clause.masked, clause.start, cue.start())
    if (
        expected is None
        or not cue.group("met")
        or _NEGATION.search(clause.masked, clause.start, cue.start())
        or _quoted(clause, cue.start())
    ):
        return []
    subject_end = expected.start()
    before = clause.masked[clause.start : subject_end].rstrip()
    if before.endswith(","):  # "Italy's neighbours, France and Germany, are expected to": an apposition
        subject_end = clause.start + len(before) - 1
    listed = _list_before(clause, subject_end)
    target, when = _target_and_time(clause, context, (cue.start(), target_object.end()))
    # a forecast is for a year to come: "in 2026" after the claim is its year even when in the future
    when = next(
        (t[0] for t in clause.times if _TIME_NEXT.fullmatch(clause.masked, target_object.end(), t[1])), when
    )
    if not listed or _unclear_target(clause, target, target_object):
        return []
    as_written = clause.text[expected.start() : target_object.end()]
    return _member_records(clause, listed, Metric.TARGET_MET, when, target, as_written, FigureStatus.ESTIMATE)


def _met_only_from(clause: _Clause, context: _TargetContext | None) -> list[SpendingRecord]:
    """Return the target met in the year "until" names: "Germany did not meet the 2% until 2024" met it in
    2024 (the years before are not named, so no miss is recorded)."""
    records: list[SpendingRecord] = []
    for cue in _STATUS_CUE.finditer(clause.masked, clause.start, clause.end):
        target_object = _TARGET_OBJECT.match(clause.masked, cue.end(), clause.end) or _BARE_TARGET.match(
            clause.masked, cue.end(), clause.end
        )  # "did not meet the 2% until 2024"
        found = _status_subjects(clause, cue, target_object) if target_object and cue.group("met") else None
        until = _UNTIL_YEAR.match(clause.masked, target_object.end()) if target_object else None
        if (
            target_object is None
            or found is None
            or until is None
            or not found[1]
            or _quoted(clause, cue.start())
        ):
            continue
        when = next((t[0] for t in clause.times if t[1] == until.start("year") and t[0].year), None)
        if when is None:
            continue
        target, _ = _target_and_time(clause, context, (cue.start(), target_object.end()))
        as_written = clause.text[_claim_start(clause, cue) : until.end()]
        records += _member_records(clause, found[0], Metric.TARGET_MET, when, target, as_written)
    return records


def _participle_status_records(clause: _Clause, context: _TargetContext | None) -> list[SpendingRecord]:
    """Return the status an aside gives the clause's subject: "Slovakia spent 1.9%, still short of the target"."""
    records: list[SpendingRecord] = []
    for cue in _PARTICIPLE_STATUS.finditer(clause.masked, clause.start, clause.end):
        target_object = _TARGET_OBJECT.match(clause.masked, cue.end(), clause.end)
        subject = _opening_subject(clause, cue.start()) if target_object else None
        if target_object is None or subject is None or _quoted(clause, cue.start()):
            continue
        target, when = _target_and_time(clause, context, (cue.start(), target_object.end()))
        if _unclear_target(clause, target, target_object):
            continue
        metric = Metric.TARGET_MET if cue.group("met") else Metric.TARGET_MISSED
        as_written = clause.text[cue.start() : target_object.end()].lstrip(", ")
        records += _member_records(clause, [subject], metric, when, target, as_written)
    return records


def _status_for_cue(
    clause: _Clause, cue: re.Match[str], target_object: re.Match[str], context: _TargetContext | None
) -> list[SpendingRecord]:
    """Return the records of one met/missed verb and its target object."""
    found = _status_subjects(clause, cue, target_object)
    if found is None or _quoted(clause, cue.start()):
        return []
    mentions, negated = found
    if negated and cue.group("miss"):
        return []  # "did not miss the target": too rare to read safely
    target, when = _target_and_time(clause, context, (cue.start(), target_object.end()))
    if _unclear_target(clause, target, target_object):
        return []
    metric = Metric.TARGET_MET if cue.group("met") and not negated else Metric.TARGET_MISSED
    claim_start = _claim_start(clause, cue) if negated else cue.start()
    as_written = clause.text[claim_start : target_object.end()]
    return _member_records(clause, mentions, metric, when, target, as_written)


def _unclear_target(clause: _Clause, target: float | None, target_object: re.Match[str]) -> bool:
    """Return whether "the target" says nothing of which: no figure, no spending word, outside a passage
    about defence (maybe another target)."""
    return target is None and not (_SPENDING_TARGET.search(target_object.group(0)) or clause.defence_context)


def _member_records(
    clause: _Clause,
    mentions: list[_Mention],
    metric: Metric,
    when: TimeRef | None,
    target: float | None,
    as_written: str,
    status: FigureStatus | None = None,
) -> list[SpendingRecord]:
    """Return one met/missed record per member country the mentions name, in order, each once."""
    codes = [code for mention in mentions for code in mention.codes if by_code(code).nato_member]
    return [
        _status_record(clause, code, metric, when, target, as_written, status)
        for code in dict.fromkeys(codes)
    ]


def _status_record(
    clause: _Clause,
    code: str,
    metric: Metric,
    when: TimeRef | None,
    target: float | None,
    as_written: str,
    status: FigureStatus | None = None,
) -> SpendingRecord:
    """Return one country's target-met or target-missed record.

    A target is met or missed in a year: a day near the claim is when it was said ("the ministry
    said on Monday, meeting NATO's guideline"), and only its year is the claim's.
    """
    if when is not None and when.day is not None:
        when = TimeRef.inferred_as("year of the statement", year=when.year)
    return SpendingRecord(
        passage=clause.passage.position,
        subject=code,
        metric=metric,
        when=when,
        target=target,
        as_written=as_written,
        status=status,
    )


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
        # A second verb of the clause's subject: "Portugal spent 1.5% in 2023 and crossed the line in 2024".
        joined = _SECOND_VERB.search(clause.masked, clause.start, cue.start())
        subject = _opening_subject(clause, cue.start()) if joined is not None else None
        if (
            joined is None
            or subject is None
            or cue.group(0).lower().endswith("ing")  # "..., adding $9bn and reaching the goal": a participle
            or _FORWARD_LOOKING.search(clause.masked, subject.end, cue.start())  # "will meet ... and reach"
        ):
            return None
        return [subject], _NEGATION.search(clause.text, joined.start(), cue.start()) is not None
    negated = _NEGATION.search(clause.text, listed[-1].end, cue.start()) is not None
    return listed, negated


def _claim_start(clause: _Clause, cue: re.Match[str]) -> int:
    """Return where a negated claim starts: at the negation ("did not meet the target")."""
    window = clause.text[clause.start : cue.start()]
    negations = list(_NEGATED_CLAIM.finditer(window))
    return clause.start + negations[-1].start() if negations else cue.start()


def _list_after(clause: _Clause, start: int) -> list[_Mention]:
    """Return the list of countries that starts at position start ("Greece, Norway, and Poland")."""
    listed: list[_Mention] = []
    cursor = start
    for mention in (m for m in clause.mentions if m.start >= start and m.kind in ("country", "group")):
        gap_pattern = _LIST_SEP if listed else _LIST_START
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
        and_type = _AND.search(separator) is not None
        if and_type != (len(listed) == 1):
            break  # only the last two items are joined by "and": "A, B and C"
        listed.insert(0, mention)
    if any(m.kind == "alliance" for m in listed):
        return []
    opening = _LIST_OPENING.fullmatch(clause.masked, clause.start, listed[0].start)
    return listed if opening else []


def _target_and_time(
    clause: _Clause, context: _TargetContext | None, claim: tuple[int, int]
) -> tuple[float | None, TimeRef | None]:
    """Return the target percent and the year of the claim at span claim, from the clause or inherited."""
    target = _target_percent(clause)
    when = _claim_time(clause, claim)
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


def _claim_time(clause: _Clause, claim: tuple[int, int]) -> TimeRef | None:
    """Return the time written right after a claim ("missed the target in 2023"), else the last before it."""
    times = [t for t in clause.times if not _is_future(clause, t)]
    after = [t[0] for t in times if _TIME_NEXT.fullmatch(clause.masked, claim[1], t[1])]
    before = [t[0] for t in times if t[2] <= claim[0]]
    return after[0] if after else (before[-1] if before else None)


def _clause_time(clause: _Clause) -> TimeRef | None:
    """Return the first time in the clause that is not in the future, or None."""
    return next((t[0] for t in clause.times if not _is_future(clause, t)), None)


def _next_context(clause: _Clause, context: _TargetContext | None) -> _TargetContext | None:
    """Return the target context after reading a clause: replaced when the clause sets a target."""
    target = _target_percent(clause)
    if target is None:
        return context
    section, paragraph = clause.passage.section, clause.passage.paragraph
    forward = _FORWARD_LOOKING.search(clause.masked, clause.start, clause.end) or clause.hypothetical
    if forward:
        return _TargetContext(None, None, section, paragraph)
    return _TargetContext(target, _clause_time(clause), section, paragraph)


# --- comparisons ------------------------------------------------------------------------------


def _comparison_records(clause: _Clause) -> list[SpendingRecord]:
    """Return the qualitative comparisons of a clause ("spends more on defence than ...")."""
    if not _SPEND_CUE.search(clause.folded, clause.start, clause.end):
        return []
    if not (
        _DEFENCE.search(clause.text, clause.start, clause.end)
        or _ALLIANCE_WORDS.search(clause.text, clause.start, clause.end)
    ):
        return []
    records = []
    for cue in _COMPARISON_CUE.finditer(clause.masked, clause.start, clause.end):
        subject = _comparison_subject(clause, cue.start())
        if subject is None or _quoted(clause, cue.start()):
            continue
        start = _with_article(clause.text, subject.start)
        if _TOLD_THAT.search(clause.text, 0, start):
            continue  # "a politician told an audience that Britain spends more than ...": a claim
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


# Someone's claim that the comparison is the object of: "told a television audience on Sunday that".
_TOLD_THAT = re.compile(
    r"\b(?:told|tells|said|says|claimed|claims|argued|argues|insisted|insists|suggested)\b[^.;“”\"]{0,80}\bthat\s+(?:the\s+)?$"
)


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
    """Return start moved back over a "the " that belongs to the name ("the U.K.")."""
    match = _THE_BEFORE.search(text[:start])
    return match.start() if match else start
