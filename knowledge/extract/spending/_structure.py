"""Figures whose owner the sentence's structure gives, whatever verb or phrase joins them.

``_phrases`` keeps a figure only when the words between a country and its figure are a spender's
phrase it knows. This module reads the figures it left, by structure:

* **Rows and labels.** In a table row (``| Poland | 3.83 | 4.12 |``) the first cell is the owner
  and each number takes its column's year from the header row; a bullet or line that opens with a
  label and a colon (``**Lithuania**: 2.85% in 2024``) gives the label every figure of the line.
* **Clauses.** Elsewhere a figure belongs to the nearest country named before it in its clause
  (clauses end at ``;``, "while", "whereas", "but", "though", "although"), skipping countries
  inside a relative clause or aside that the figure is not part of ("Germany, whose economy is
  five times Poland's, plans ..."). So "Poland leads at 4.1%, ahead of Estonia (3.4%)", "Norway,
  at 2.2% last year, ...", "followed by Latvia at 3.2%" and "Italy's share was 1.5%" all read.
  Countries joined by "and" take figures joined by "and" one for one ("Latvia and Greece follow
  at 3.2% and 3.1%"), or one figure each with "both", "each" or "all"; otherwise the pairing is
  a guess and nothing is kept. The alliance, a non-member or a pronoun nearest the figure means
  the figure is not an ally's own, and nothing is kept.
* **Which metric.** A percentage is a share of GDP when "of GDP" (or economic output, gross
  domestic product) follows it, or when the passage's paragraph or heading speaks of defence
  spending and nothing marks it as something else: a change ("up 38%", "rose by", "an increase
  of"), a share of something else ("of all allied spending", "of the budget"), a named target
  ("the 2% guideline", "the 2%"), inflation, rates, polls. Money is an amount in a clause about
  defence budgets or spending, never aid, loans, funds, packages, contracts, or an increase
  ("an extra €4bn").
* **Bounds and ranges** ("more than 4%", "just under 2%", "between 2.5 and 3%") are kept as
  written with no value: they are true statements but not a point to chart or compare.
* **Which year**: the time written right after the figure, else the nearest before it in its
  clause, else a time in the heading or label above it, else (for a verb in the present tense,
  "Norway tops the list at 3.3%") the one year the passages before it spoke of, or the article's
  own year; otherwise none.
* **How sure** (``_status``): target, plan, estimate or actual, from the words between owner and
  figure, the figure's year against the article's date, and estimate notes around a table.

In quotation marks, a figure is read only as a plan or target for a spender the quotation names
itself ("'Poland will spend 4.7% of GDP this year,' the minister said"); a speaker's words about
what was spent are a claim. Hypothetical clauses ("if", "would have to", "could") and claims being
checked are left to ``/ask``: they are searchable, never facts.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.extract.numbers import (
    QUALIFIER_WORDS,
    QualifierKind,
    Quantity,
    find_money,
    find_percents,
    parse_money,
    qualifier_before,
)
from knowledge.extract.people import QUOTATION, is_questioner, turn_label
from knowledge.extract.reader import (
    CLAIM_LABEL,
    FIGURE_FIRST,
    FOOTNOTE_MARK,
    is_pair_row,
    is_table_header,
    is_table_row,
    paragraph_first,
    table_cells,
)
from knowledge.extract.spending._clauses import (
    DASHED_ASIDE,
    DATELINE,
    ESTIMATES_OF_YEAR,
    FIRST_PERSON,
    FISCAL_DOCUMENT,
    INVERTED_CONDITION,
    JOINED_CLAUSE,
    MONEY_UNIT,
    NAMED_TARGET_OF,
    NEGATION,
    OPENING_PHRASE,
    RELATIVE,
    RISE_WORTH,
    SINCE_BEFORE,
    clause_spans,
)
from knowledge.extract.spending._status import ESTIMATES_SOURCE, figure_status
from knowledge.extract.spending._venues import is_venue
from knowledge.extract.timeref import DEADLINE_BY, WRITTEN_YEAR, counted_from, find_times, line_date
from knowledge.gazetteer import by_code, find_country_mentions, find_demonyms, find_government_seats, one_ally
from knowledge.models import Article, FigureStatus, Metric, PartialDate, Passage, SpendingRecord, TimeRef
from knowledge.wordscan import fold_case

COUNTERFACTUAL = re.compile(
    r"\bwould\s+(?:sit|stand|be|fall|drop|come\s+in)\s+(?:at|to|around|about|roughly|near|below|under)\b"
    # "adding it would still leave Belgium short of 2.5%": what a supposed change would leave
    r"|\bwould\s+(?:still\s+|only\s+)?leave\b"
    # "without these items the share would be stopped at 1,6 per cent": a level with something taken out
    r"|\bwithout\b[^.;,]{0,60}?\bwould\b",
    re.I,
)
_HYPOTHETICAL = re.compile(
    r"\b(?<!even\s)(?:if|unless)\b|\b(?:suppose|imagine|would\s+have|could|might|should|would\s+(?:need|require)|whether|in\s+case)\b"
    r"|\bwere\s+to\b|\bhypothetical(?:ly)?\b"  # "even if growth disappoints" concedes; it makes no case
    # a case modelled, not a plan: "Our bull case assumes that Stockholm moves straight to 3.5%"
    r"|\b(?:assumes?|assuming|assumption|scenario|bull\s+case|bear\s+case|base\s+case)\b"
    # what a figure would be without something: "strip the fund out and Denmark would sit at 1.9%"
    rf"|{COUNTERFACTUAL.pattern}"
    # an ally imagined: "A Poland at 6% would spend more on its army than on its schools"
    r"|\b(?i:an?)\s+(?-i:[A-Z][\w’'-]+)\s+at\s"
    # an option looked at, not a decision: "Denmark was looking at 3.2 percent"
    r"|\b(?:looking\s+at|considering|weighing|mulling|eyeing|floating|discussing|debating)\b"
    # a time still to come, in the present tense: "When Germany reaches 2% that is good"
    r"|\b(?:when|once|until|as\s+soon\s+as)\s+(?:[\w’'-]+\s+){1,3}?"
    r"(?:reaches|hits|meets|spends|gets\s+to|passes|crosses|exceeds|tops)\b"
    rf"|{INVERTED_CONDITION}",
    re.I,
)
UNRESOLVED_TIME = re.compile(
    # ("the year of the Wales pledge", without "in", after the figure too)
    r"[^.;,]{0,30}?\b(?:in\s+)?the\s+(?:year|months?)\s+(?:before|after|of|when|that|following)\b",
    re.I,
)
_LIST_RELATIVE = re.compile(r"\s*,\s*(?:which|who)\b", re.I)
# "all allies, with the exception of Spain, signed up to 5%": the ally left out is no spender of the
# clause, nor its topic; one a relative clause or brackets describe keeps its own figure ("every
# ally met 2% except Belgium, which spent 1.3%").
_EXCEPTED_BEFORE = re.compile(
    r"\b(?:except(?:\s+for)?|with\s+the\s+exceptions?\s+of|apart\s+from|other\s+than|excluding|save\s+for"
    r"|barring|bar|but\s+not|not\s+including)\s+(?:the\s+)?$",
    re.I,
)
_DESCRIBED_AFTER = re.compile(
    r"\s*(?:,\s*(?:which|who|whose)\b|\(|,?\s*(?:at|on|with)\s+(?:just\s+|only\s+|about\s+|around\s+|some\s+)?\d)",
    re.I,
)
# "even if" concedes: "will not be trimmed even if growth disappoints" still states the figure
_CONDITION = re.compile(
    r"\b(?<!even\s)(?:if|unless)\b|\bwere\s+to\b"
    # a figure recomputed without something: "came to only 3.6% once the fund was stripped out"
    r"|\bonce\s+[^.;,]{0,60}?\b(?:stripped|taken|left|netted|carved)\s+out\b",
    re.I,
)
CLAIM = re.compile(
    # a reader's letter on the paper's own report: "Your report of 14 January stated that Belgium spent 2.4%"
    r"\b(?:your|our)\s+(?:report|article|story|editorial|piece|headline)\b[^.;]{0,80}?\b(?:stated|said|claimed|reported)\s+that\b|"
    rf"{CLAIM_LABEL}|"
    r"\b(?:claimed|claims|falsely|misleading|incorrectly|wrongly|untrue|inaccurate)\b"
    r"|\b(?:is|was|are|were)\s+(?:false|wrong)\b"
    # a figure denied: "the figure of 1.6 per cent ... does not correspond to any NATO estimate"
    r"|\b(?:figure|number)\b(?:[^.;]|\.\d){0,80}?\b(?:(?:does|do|did)\s+not\s+(?:correspond|tally)|(?:is|was)\s+not\s+(?:right|correct|accurate))\b"
    # unverified reports, and a parliamentary question's premise ("To ask the Secretary of State ...")
    r"|\b(?:of|amid|after|despite|press|media|newspaper|unconfirmed)\s+reports?\s+that\b|^\s*to\s+ask\s+the\b"
    # "Italian newspapers report this week that Italy spent only 1.4%"
    r"|\b(?:newspapers|papers|tabloids|media|press)\s+(?:have\s+)?report(?:s|ed)?(?:\s+\w+){0,3}?\s+that\b"
    # another piece of a series, told of by the page: "The first instalment, on Norway's plan to reach
    # 3% of GDP, was published on Monday."
    r"|\b(?:first|second|third|previous|last|next|earlier)\s+(?:instalment|installment|episode|part)\b"
    r"(?:[^.]|\.\d)*\b(?:was|is|will\s+be)\s+(?:published|aired|broadcast|available)\b",
    re.I,
)

_SHARE_CUE = re.compile(
    r"\s*(?:(?:share\s+)?of\s+(?:(?:its|their|the|national|annual)\s+)?(?:GDP|gross\s+domestic\s+product|economic\s+output"
    r"|national\s+(?:output|income))|GDP)\b",
    re.I,
)
_DEFENCE_TALK = re.compile(r"\b(?:defen[cs]e|military|armed\s+forces|army|security)\b", re.I)
# Nothing, or a live blog's time stamp, before a sentence's subject: "10:10 — Iceland has ...".
_SENTENCE_OPENING = re.compile(
    r"\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|[A-Z]{2,4})?\s*(?:[—–-]|:)\s*)?", re.I
)
# An article is about defence from the first title, heading or sentence that names it, the alliance or rearming.
_ABOUT_DEFENCE = re.compile(
    rf"{_DEFENCE_TALK.pattern}|\b(?-i:NATO)\b|\b(?:ally|allies|alliance|rearm\w*)\b", re.I
)
_SPENDING_TALK = re.compile(
    r"\b(?:spend\w*|spent|budget\w*|outlays?|expenditure|GDP|guideline|target|allies|ally)\b", re.I
)
_NOT_SHARE_AFTER = re.compile(
    r"\s*(?:(?:of|in)\s+(?:all|the|total|its|their|allied|NATO|alliance|this|that|combined|world|global)\b"
    r"(?!\s+(?:its\s+)?(?:GDP|gross|economic)|\s+(?:\w+\s+)?(?:year|decade|period|fiscal|financial)\b)|(?:year[- ]on[- ]year|increase|rise|more|higher|lower|less|"
    r"growth|jump|cut|drop|fall|decline|points?|stake|share|tariffs?|inflation|interest|turnout|majority|"
    r"target|goal|objective|guideline|threshold|benchmark|mark|line|level|floor|pledge|commitment|rule|ceiling|"
    r"of\s+(?:respondents|voters|people|those|members|allies|the\s+vote))\b)",
    re.I,
)
# A share price's move, in the words market reports use for it.
_MARKET_MOVE = (
    r"climb(?:ed|ing)|gain(?:ed|ing)|slipp(?:ed|ing)|add(?:ed|ing)|dropp(?:ed|ing)|lost|losing|surg(?:ed|ing)"
    r"|slump(?:ed|ing)|rall(?:ied|ying)|soar(?:ed|ing)|tumbl(?:ed|ing)"
)
_NOT_SHARE_BEFORE = re.compile(
    r"(?:\b(?:up|down|by|increase|increased|rise|rose|growth|grew|cut|jump|jumped|fell|inflation|rate|rates|"
    r"the|NATO's|alliance's|a|an|new|same|interim|another|further"
    # a market's move: "Sweden's Saab climbed 2.3%", "Thales was the exception, slipping 0.6%"
    rf"|{_MARKET_MOVE}|edg(?:ed|ing)\s+(?:up|down|higher|lower))|\d)"
    r"\s*(?:of\s+)?(?:about|around|some|nearly|almost|roughly)?\s*$"
    # a change bounded: "after a rise of more than 40%"
    r"|\b(?:up|down|by|increase|increased|rise|rose|growth|grew|cut|jump|jumped|fell)\s+(?:of\s+)?"
    r"(?:just\s+|well\s+)?(?:more|less)\s+than\s*$",
    re.I,
)
# A line crossed, then the share it was crossed with: "crossed 2% this year, at 2.1%".
_CROSSED_BEFORE = re.compile(
    r"\b(?:crossed|passed|topped|broke|breached|surpassed|exceeded|cleared)\s+(?:the\s+)?$", re.I
)
_VALUE_AFTER = re.compile(
    r"[^.;%]{0,30}?(?:,\s*(?:at|with|reaching|hitting)|\bwith|\()\s*(?:about\s+|around\s+|roughly\s+)?\d",
    re.I,
)
_PARTICIPLE_CLAUSE = re.compile(
    r"\s*(?:committing|allocating|earmarking|setting\s+aside|worth|valued\s+at)\b", re.I
)
_NOT_AMOUNT = re.compile(
    # a branch's share is no ally's total: "the army alone will get about seven billion euros"
    r"\b(?:army|navy|air\s+force|marines|coast\s+guard)\b|"
    # a purchase is one order, not a budget: "a joint air-defence purchase, committing DKK 9bn"
    r"\b(?:purchas\w*|procurement|acquisition)\b|"
    # the cost of an event: "the largest security operation ..., and the government estimates the bill at €183 million"
    r"\b(?:security\s+operations?|police|policing|hosting)\b|"
    r"\b(?:aid|loans?|loaned|lent|lend\w*|funds?|funding|package|assistance|grants?|contracts?|deals?|orders?|sales|"
    r"revenue|profits?|exports?|imports|support\w*|donat\w*|gave|give|given|pledg\w+|to\s+Ukraine|for\s+Ukraine|"
    # "a €5bn boost", "a boost of €5bn" are changes; "will boost its budget to €35 billion" is a level
    r"rise\s+(?:of|in)|(?:an?|the)\s+(?:[\w-]+\s+)?boost|\d+(?:\.\d+)?\s*(?:bn|billion|million|trillion|m)?(?:\s+[A-Za-z]+)?\s+boost|"
    r"boost\s+(?:of|in)|top-up|on\s+top|investment\s+fund|facility|instrument|"
    r"SAFE|programme|program|(?:the|a|this|that|one)\s+(?:[\w-]+\s+){0,2}project|tranche|combined|together|jointly|includ\w+|of\s+which|of\s+all|of\s+total|"
    r"accounts?\s+for|accounted\s+for|weapons|equipment|infrastructure|further|"
    # money an ally is given ("will receive €300m from the European Defence Fund") is not its spending
    r"receiv\w*)\b",
    re.I,
)
_INCREASE_BEFORE = re.compile(
    rf"\b(?:(?:the|this|that)\s+{RISE_WORTH}|an?\s+(?:\w+\s+)?(?:increase|rise|boost)\s+of|an?\s+extra|an?\s+additional|a\s+further|extra|additional"
    r"|adding|add(?:s|ed)?|inject(?:s|ed|ing)?|(?:rise|rises|rose|risen|rising|grow|grows|grew|grown|increase[sd]?|up)\s+by)\s+"
    r"(?:of\s+)?(?:about\s+|around\s+|some\s+|nearly\s+)?$",
    re.I,
)
# "€4bn more", "€4bn a year extra", "€9 billion in extra defence spending": money added.
_INCREASE_AFTER = re.compile(
    r"\s+(?:(?:a|per)\s+year\s+)?(?:more|extra)\b|\s+in\s+(?:extra|additional)\b"
    r"|\s+(?:uplift|increase|rise|hike|top-up|injection)\b"  # "a £4.95 billion uplift"
    r"|\s+(?:supplementary|additional|extra)\s+(?:[\w-]+\s+){0,2}?budget\b",  # "a €4 billion supplementary defence budget"
    re.I,
)
# "rose by €4bn" is a change; "£71bn by 2027" is a level and its deadline.
_CHANGE_WORD = re.compile(
    r"\b(?:increase|extra|additional|more|further|by(?!\s+(?:(?:the\s+)?end\s+of\s+)?(?:fiscal\s+)?(?:19|20)\d\d\b)"
    # "By the book's count, Washington spent $968bn": whose reckoning, no change
    r"(?!\s+(?:(?:the|one|its|their|our|some|most|any|this|that)\s+)?(?:[\w’'.-]+\s+){0,2}"
    r"(?:count|reckoning|estimates?|measures?|calculations?|figures|accounting|definitions?|tally)\b))\b",
    re.I,
)
_SHARE_RESTATES = re.compile(
    r"[^,;.]{0,25},\s*(?:or|(?:equal|equivalent)\s+to)\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+)?"
    r"\d+(?:[.,]\d+)?\s*(?:%|per\s*cent|percent)\s+of\s+(?:GDP|gross\s+domestic\s+product|economic\s+output)",
    re.I,
)
_REACH_NAMED = re.compile(
    r"\b(?:reach|meet|hit|achieve)\s+(?:NATO['’]s\s+|the\s+(?:alliance['’]s\s+)?|its\s+)?"
    r"(?:(?:target|goal|objective|guideline)\s+of\s+(?:spending\s+)?)?$",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|would|plans?|promised?|pledged?|aims?|commit\w*|expects?|intends?|decided|set\s+to|on\s+course)\b",
    re.I,
)
_SPEND_WORD = re.compile(r"\b(?:spend\w*|spent|outlays?|budget\w*|expenditure|share|reach\w*|hit)\b", re.I)
_ECONOMY = re.compile(r"\b(?:GDP|economy|output|gross\s+domestic\s+product)\b", re.I)
# "our economy is worth some €620 billion", "an economy of about €620 billion": its size, no spending
_ECONOMY_WORTH = re.compile(
    r"\beconomy\s+(?:is|was|will\s+be)\s+(?:now\s+)?(?:worth|valued\s+at)\s+(?:some\s+|about\s+|around\s+|roughly\s+)?$"
    r"|\beconomy\s+of\s+(?:some\s+|about\s+|around\s+|roughly\s+)?$",
    re.I,
)
_SPENDING_NOUN = re.compile(
    r"\b(?:spending|budget|outlays|expenditure|appropriations|spent|spend|spends)\b", re.I
)
# A sentence that is the sum of the level before: "He put the total at 201 billion zloty.", "The total is
# €9 billion." (not "bringing the total to ...", "Add civil defence, and the total is ...": other sums)
_TOTAL_SENTENCE = (
    r"(?:(?:He|She|It|They|The\s+(?:ministry|government|minister))\s+puts?\s+the\s+total\s+at"
    r"|The\s+total\s+(?:is|was|will\s+be|would\s+be|comes\s+to))"
)
_THE_TOTAL = re.compile(rf"\s*{_TOTAL_SENTENCE}\s+(?:about\s+|around\s+|some\s+)?")
# ... and one that restates it in another unit: "That is 2.0% of GDP", "that corresponds to 2.1%"
_RESTATES = (
    r"(?:that|this)\s+(?:(?:is|was|would\s+be|will\s+be)(?:\s+(?:equivalent|equal)\s+to)?"
    r"|corresponds\s+to|amounts\s+to|represents|equals|works\s+out\s+(?:to|at)|comes\s+to|translates\s+(?:in)?to"
    r"|equates\s+to)"
)
_ELLIPTIC_POSSESSIVE = re.compile(
    r"[’']s\s+(?:grew|rose|fell|climbed|jumped|increased|reached|stood|was|came|totall?ed)\b", re.I
)
_AID_AFTER = re.compile(
    r"[^.;]{0,40}\b(?:for|to)\s+Ukraine\b|[^.;]{0,25}\b(?:(?:in|of)\s+(?:military\s+|financial\s+)?aid|weapons|loans?)\b"
    r"|\s+(?:\w+\s+)?from\s+(?:the\s+)?(?:EU\b|European\s+(?:Union|Commission|Defen[cs]e\s+Fund)\b)",
    re.I,
)
_AMOUNT_TALK = re.compile(r"\b(?:defen[cs]e|military)\b", re.I)
_GROUP_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?$", re.I)
_FIGURE_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)$", re.I)
# One pledge in parts, each share with its purpose: "3.5% of GDP on core defence and 1.5% on
# related spending by 2035", "3.5% for core defence, plus 1.5% for resilience". The parts share
# the time after the last and the words before the first ("committed to spend").
_PARTS_JOIN = re.compile(
    r"\s*(?:of\s+(?:GDP|gross\s+domestic\s+product|(?:economic\s+)?output)\s+)?"
    r"(?:(?:on|for|to|towards?|in(?!\s+(?:the\s+)?(?:[A-Z][a-z]+uary|March|April|May|June|July|August|[A-Z][a-z]+ber"
    r"|spring|summer|autumn|fall|winter|first|second|last|next|this|that|coming|same)\b))\s+[^,;%\d$€£()]{1,60}?\s*)?"
    r"(?P<dated>by\s+20\d\d\s*)?(?:,\s*)?(?:and|plus)\s+(?:(?:a\s+further|another|up\s+to|at\s+least)\s+)?",
    re.I,
)
_EACH = re.compile(
    r"\b(?:both|each|all|apiece(?!\s+of\b))\b", re.I
)  # not "1.5% apiece of NATO's common budget"  # "respectively" pairs a list with a list, in order
_RANGE = re.compile(
    r"\b(?:between\s+\d{1,2}(?:\.\d+)?\s*(?:%|per\s*cent|percent)?\s+and|\d{1,2}(?:\.\d+)?\s*(?:-|–|to)"
    # "LATVIA - 3.7% to 3.9% in 2026": both ends with their unit (a range only where nothing moves: see _figures)
    r"|(?P<low>\d{1,2}(?:\.\d+)?)\s*%\s+to)\s*"
    r"(?P<high>\d{1,2}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)",
    re.I,
)
# What makes "1.9% to 2.1%" a change, not a range: "rose from 1.9% to 2.1%", "up 1.9% to ...".
_MOVED_BEFORE = re.compile(
    r"\bby\s+$|\b(?:from|up|down|rose|rise|rises|risen|rising|grew|grow|grows|increas\w*|climb\w*|jump\w*|fell|fall\w*"
    r"|drop\w*|lift\w*|rais\w*|cut\w*|went|go|goes|move\w*|boost\w*|expand\w*|reduc\w*|lower\w*|hik\w*|doubl\w*"
    r"|push\w*|bump\w*|ramp\w*|slash\w*|trim\w*)\b[^.;%]{0,40}$",
    re.I,
)
_RANGE_IS = re.compile(r"\brange\s+(?:is|was|will\s+be)\s+$", re.I)
# "Norway: 2.2% in 2024", "**Norway:** ...", and a newsletter's "Spain — still bottom at 1.3%".
_LABEL = re.compile(
    r"^\s*(?:[-*•]\s+|\d{1,2}/\s+)?(?:\*\*|__)?(?P<label>[^:*_|—–]{2,60}?)(?:\*\*|__)?\s*(?::|(?<=\s)[—–]|(?P<hyphen>(?<=\d\d\s)-))"
    r"(?:\*\*|__)?\s+"  # a year's line may take a hyphen: "2016 - 1.16%"
)


# A demonym or the alliance as part of an adjective that names no spender: "a German-led brigade",
# "French-built frigates", "NATO-eligible spending" (not "a Polish-government report", "NATO-wide").
_COMPOUND_ADJECTIVE = re.compile(
    r"-(?:led|built|made|based|owned|designed|backed|funded|speaking|born|flagged)\b"
)
_NATO_KIND = re.compile(
    r"-(?:eligible|defined|compliant|standard|qualifying|accredited|certified|counted|reportable)\b"
)


def _label_of(text: str) -> re.Match[str] | None:
    """Return a line's label, if it opens with one; a hyphen ends only a year's label ("2016 - 1.16%"),
    not a sentence's clause ("Germany spent 2.1% in 2024 - roughly €90 billion - while ...")."""
    label = _LABEL.match(text)
    if label is not None and label.group("hyphen") and not YEAR_CELL.fullmatch(label.group("label").strip()):
        return None
    return label


_PRESENT = re.compile(
    r"\b(?:is|are|follows?|leads?|sits?|stands?|comes?|ranks?|spends|remains?|fares?|trails?|tops?|lags?|"
    r"hovers?|devotes|exceeds|meets|equals|represents|amounts\s+to|puts|now)\b",
    re.I,
)
# Words that put a figure over many years: no one year is its year.
_SPAN_OF_YEARS_TALK = re.compile(
    r"\b(?:(?:the\s+)?(?:last|past|previous)\s+(?:decade|(?:few|several|\w+)\s+years)|for\s+(?:years|decades|a\s+decade)"
    r"|in\s+recent\s+years|for\s+most\s+of)\b",
    re.I,
)
# Words that put an undated figure in the present whatever year the text spoke of before.
_CURRENTLY = re.compile(
    r"\b(?:currently|at\s+present|presently|nowadays|right\s+now|so\s+far\s+this\s+year"
    r"|now\s+(?:stands?|sits?|is|are|spends?|runs?|hovers?))\b",
    re.I,
)
_CELL_MARK = rf"(?P<mark>{FOOTNOTE_MARK})"
# A cell's figure, with its note when it has one: "2.1e", "2.1 (est.)", "2.47 (estimate)", "1.9 (budget)"
_CELL_NUMBER = re.compile(
    rf"^\s*(?:about\s+|~)?(?P<num>\d+(?:\.\d+)?)\s*%?\s*{_CELL_MARK}?\s*"
    r"(?:\(?e(?:st)?\.?\)?|\((?P<note>[a-z][a-z. ]{1,18})\))?\s*$",
    re.I,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_TIME_LABEL = re.compile(r"\s*:")
_TIME_OF_FIGURE = re.compile(
    r"\b(?:in|for|by)\s+$", re.I
)  # "5% in 2027: the highest share": the figure's own
# A place in a ranking: "ranked second", "tops the table", "came last", "climbed to fifth", "eighth place".
_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th))"
_RANKING = re.compile(
    rf"\b(?:rank(?:s|ed)?\s+{_ORDINAL}|tops?\s+the\s+(?:table|list|ranking)|(?:came|comes|finish(?:ed|es)?)\s+{_ORDINAL}"
    rf"|(?:climb\w*|dropp?\w*|slipp?\w*|f[ae]ll\w*|rose|rises?|moved?)\s+(?:up\s+|down\s+)?to\s+{_ORDINAL}"
    rf"|{_ORDINAL}\s+(?:place|spot)|(?:top|bottom)\s+of\s+the\s+(?:table|list|ranking)|league\s+of\s+its\s+own)\b",
    re.I,
)
# Every match of _RANKING holds one of these words (found fast, case-sensitively, in the folded text).
_RANKING_CUE = re.compile(
    "rank|top|came|come|finish|climb|drop|slip|fell|fall|rose|rise|move|place|spot|bottom|league"
)
RANKED_ALLIES = 2  # allies whose figures an article gives before a ranking's bare figures count
DATELINE_WITHIN = 3  # passages a story's dateline may come after (a kicker, a headline line)
# Before the ally a label is about: nothing but flags, bullets, marks ("🇳🇴 ", "1. ").
_LABEL_LEAD = re.compile(r"[\W\d_]*")
# Between an ally's label and the amount that opens its line: nothing, or a qualifier ("about").
_LABELLED_AMOUNT = re.compile(
    r"\s*(?:[~≈]\s*|(?:about|around|roughly|some|an\s+estimated|nearly|almost)\s+)?", re.I
)
_YEAR_CELL = re.compile(
    # a fiscal year is its first calendar year's: "2025-26", "2025/26" (as the prose reads "fiscal year 2025-26")
    r"(?P<year>(?:19|20)\d\d)(?:[-/–](?P<next>\d\d)(?!\d))?\s*(?:e|est\.?|\(e\)|\(est\.?\)|\*"
    # a column's own note: "2026 (planned)", "2027 (draft budget)"
    r"|\(?(?:NATO\s+|government\s+|national\s+|official\s+)?(?P<note>planned|plan|budget(?:ed)?|draft(?:\s+budget)?|forecast|projected|provisional|prelim\.?"
    r"|preliminary|estimated?|outlook|proposed|requested|adopted|actual|outturn|approved(?:\s+by\s+(?:the\s+)?[A-Za-z]+)?"
    r"|reali[sz]ed|final|multi-?year\s+estimate|medium-term\s+(?:plan|estimate))\)?)?",  # "2025 actual" too
    re.I,
)  # not "2014–2024"


class _YearCell:
    """A table cell that is a year ("2025", "2025e", "2026 (planned)", "2025 actual"); a fiscal year
    ("2025-26", dated by its first year) only where rows are years and the second year is the next
    one: "2024-25" over a column beside "2024" and "2025" is their change, "2014-24" a decade."""

    @staticmethod
    def fullmatch(cell: str, *, fiscal: bool = False) -> re.Match[str] | None:
        """Return the cell's year match, or None."""
        match = _YEAR_CELL.fullmatch(cell)
        if match is None or match.group("next") is None:
            return match
        year = int(match.group("year"))
        return match if fiscal and int(match.group("next")) == (year + 1) % 100 else None


YEAR_CELL = _YearCell()
# A figure whose verb is the one before it: "3.5% for 2025 and Estonia 3.7%", "1.5% last year;
# Spain, just 1.28%".
GAPPED = re.compile(
    r"[^.;:]{0,40}?\s*(?:,\s*|\band\s+|;\s*)(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w’'-]*)*\s*"
    r"(?:,\s*(?:just|only|barely|about|around|nearly|some)\s+|at\s+|on\s+)?"
)
# "ministers told parliament last week", "said on Monday": when it was said, not the figure's year.
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|wrote|added|stated|posted|tweeted)\b[^,.;%]{0,30}$", re.I
)
_NAMED_TARGET_AFTER = re.compile(
    r"\s+(?:NATO\s+|alliance\s+|defen[cs]e\s+|spending\s+)*(?:guideline|target|goal)\b", re.I
)
# ", and next year's total": a time after these words opens a statement of its own.
# A figure restated in another unit: "4.7% this year, or about 187 billion złoty", "52 billion lek for
# defence, approximately EUR 520 million", "191.6 billion crowns (about 7.8 billion euros)".
_RESTATED = re.compile(
    r"[^,;]{0,40},?\s+(?:or|(?:equivalent|equal)\s+to|an\s+average\s+of"
    # "3,2 milliard euro, what makes about 4 % of GDP", "CZK 160 billion, which corresponds to 2.35%"
    r"|(?:what|which)\s+(?:makes|corresponds\s+to|represents|equals|amounts\s+to|is)|corresponding\s+to)"
    r"\s*(?:(?:about|around|roughly|approximately|some|nearly)\s+)?"
    # "€93 billion, roughly 2.8% of GDP"; but "2.0% for 2025 and roughly 2.2% for 2026" is a second level
    r"|[^,;]{0,40},\s+(?=approximately\s|roughly\s)(?:approximately|roughly)\s+"
    # in brackets right after it: "191.6 billion crowns (about 7.8 billion euros, or $9.1 billion)"
    r"|\s*\(\s*(?:(?:about|around|roughly|approximately|some|nearly)\s+)?",
    re.I,
)
# The words between a figure and a time that is that figure's own: "2.5% by April 2027", "4.7% this year".
_TIME_OF_PREVIOUS = re.compile(r"[\s,]*(?:(?:in|for|during|by|until|from|since|of)\s+)?(?:the\s+)?", re.I)
_GOAL_LEAD = re.compile(
    r"\b(?:aims?|pledged?|promised?|commit\w*|target\w*|goal|ambition|intends?|plan\s+to|to\s+reach)\b", re.I
)
_BOUND_VERB = re.compile(r"\b(?:exceed|surpass|pass|top|clear|cross)(?:s|es|ed|ped|ing)?\s+$", re.I)
# "would push national defense spending past $1 trillion": beyond it, no value
_PUSHED_PAST = re.compile(r"\b(?:push|lift|take|carry)\w*\s+[^.;,]{0,50}?\bpast\s+$", re.I)
_SHARE_OF_OTHER = re.compile(
    r"\bof\s+(?:the\s+)?(?:total|all|combined|world|global)\b|\bshare\s+of\s+(?:the\s+)?(?:alliance|allied|NATO)"
    # "is the defence share of the central government budget, not of GDP"
    r"|\bshare\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:budget|spending|expenditure|outlays)\b(?=[^.;]{0,20}\bnot\s+(?:of\s+)?GDP\b)",
    re.I,
)
_INDUSTRY_LEAD = re.compile(
    r"\b(?:defen[cs]e|arms)\s+(?:industry|industries|sector|companies|firms|exports)\b", re.I
)
_OF_ALL_MEMBERS = re.compile(
    r"of\s+(?:the\s+)?all\s+(?:the\s+)?(?:\d{1,2}\s+)?(?:members|allies|countries|nations|NATO\s+members)\b",
    re.I,
)
_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:lowest|highest|largest|smallest|biggest|most|least|best|worst|first|last)\b[^.;,%]{0,12}$", re.I
)
_ESTIMATES = re.compile(r"\bestimat", re.I)
# A note's estimate may be abbreviated: "2.0 per cent (est.)", "1.9% (e)".
_NOTE_ESTIMATE = re.compile(r"\bestimat|\best\b|^\s*e\s*$", re.I)
# A note on one figure: "1.55% in 2024 (NATO estimate)", "€3.2bn (planned)".
_FIGURE_NOTE = re.compile(
    r"(?:\s*of\s+(?:its\s+)?(?:GDP|gross\s+domestic\s+product))?"  # "2.05% of GDP (provisional)"
    r"(?:\s*(?:in|for)\s+(?:19|20)\d\d)?\s*\((?P<note>(?:[^()\d]|(?:19|20)\d\d){0,20}\b(?:estimated?|est\b\.?|e\b|planned|budget(?:ed)?|actual|"
    r"provisional|forecast|projected|target|reali[sz]ed|outturn)\b[^()]{0,20})\)",
    re.I,
)
# A threshold of a rule, not a level: "defence outlays above 1% of GDP sit outside the debt brake".
_EXEMPT_AFTER = re.compile(
    r"\s*(?:of\s+(?:its\s+)?GDP\s+)?(?:sit|sits|are|is|fall|falls|will\s+be|would\s+be|remain|remains|stay|stays"
    r"|(?:has|have|had)\s+been|has\s+become)"  # "spending above 1 per cent of GDP has been exempt from the debt brake"
    r"\s+(?:\w+\s+)?(?:outside|exempt|excluded|beyond\s+the\s+reach)\b",
    re.I,
)
# A figure its own giver took back later in the sentence: "had put next year's share at 2.5% when it
# presented the draft in September, but revised it down after ..."
_REVISED_CUE = re.compile(r"revised|cut|lowered|withdrew|dropped|scrapped|abandoned|corrected")
REVISED_AFTER = re.compile(
    r"[^.;]{0,80}?\bbut\s+(?:later\s+|has\s+since\s+|since\s+)?(?:revised|cut|lowered|withdrew|dropped"
    r"|scrapped|abandoned|corrected)\s+(?:it|that|the\s+(?:figure|forecast|estimate))\b"
    # "had put 2024 spending at 2.46% of GDP; it was revised down in 2025 after ...": taken back
    r"|[^.;]{0,60}?[;,]\s*(?:but\s+)?(?:it|that|this|the\s+(?:figure|forecast|estimate))\s+"
    r"(?:was|has\s+(?:since\s+)?been|had\s+(?:since\s+)?been)\s+(?:later\s+|since\s+)?"
    r"(?:revised|cut|lowered|corrected|withdrawn)\b"
    # but "...; the figure was revised up from 4.12% in June": this is the revised figure
    r"(?!\s+(?:(?:up|upwards?|down|downwards?|higher|lower)\s+)?from\b)",
    re.I,
)
# The economy's own change, right before its figure: "despite an economy that grew by only 0.9%".
_GROWTH_BEFORE = re.compile(
    r"\b(?:econom(?:y|ies)|GDP)\s+(?:that\s+|which\s+)?(?:has\s+)?(?:grew|grows|grown|expand\w*|shr[au]nk\w*|"
    r"shrinks|contract\w*)\s+(?:by\s+)?(?:(?:only|just|some|about|around|roughly)\s+)?$",
    re.I,
)
# A status word right after a figure: "2.0% planned (2025)", "1.9% projected for 2026".
_STATUS_AFTER = re.compile(
    r"(?:\s*of\s+(?:its\s+)?GDP)?\s+(?P<note>planned|budgeted|projected|forecast|estimated|provisional)\b"
    r"(?=\s*(?:\(|for\b|in\b|[,;.]|$))",
    re.I,
)
_LEGEND = re.compile(r"\b(?:e|est)\s*[=:]\s*estimate", re.I)
_SHARE_HEADER = re.compile(
    r"%\s*(?:of\s+)?GDP|share\s+of\s+(?:GDP|gross\s+domestic\s+product)|per\s*cent\s+of\s+GDP", re.I
)
_WHEN_YEAR_BEFORE = re.compile(r"\b(?:in\s+|with\s+|since\s+)?(?P<year>(?:19|20)\d\d),\s+when\s+[^.;,\d%]*$")
ESTIMATED_OTHER = re.compile(
    r"\b(?:an?\s+)?estimated\s+(?:about\s+|around\s+)?[\d$€£][\d.,]*\s*(?:%|per\s*cent|percent)?", re.I
)  # "4.2% in 2024 and an estimated 4.7% in 2025": "an estimated" is the next figure's alone
_NOTE_BREAK = re.compile(r"[.;:]\s+")  # a table's notes, clause by clause
_COLUMN_WORD = re.compile(r"\b(?:columns?|figures|numbers|data|values)\b", re.I)
_ESTIMATE_HEADER = re.compile(r"\best(?:imate[sd]?)?\b|\d{4}e\b", re.I)
_HEADLINE = re.compile(r"\s*(?:\*\*[^*]+\*\*|__[^_]+__|#+\s.*)\s*")
_QUOTE_MARKS = re.compile(r"[\"“”«»]")
# A quoted figure alone, with at most a bound or a range's words: "between 5% and 6%", "comfortably above 3%"
_FIGURE_WORDS = re.compile(
    # ... and a verb of standing before it: 'has "hovered around 1.3%" for a decade'
    r"\s*(?:(?:hover(?:ed|s|ing)?|stuck|s[ai]t|sits|stay(?:ed|s)?|st(?:oo|a)d|stands|remain(?:ed|s)?)\s+)?"
    rf"(?:(?:{QUALIFIER_WORDS}|comfortably|well|between|from)\s+)*"
    r"\d[\d.,]*\s*(?:%|per\s*cent|percent)(?:\s+(?:and|to|or)\s+\d[\d.,]*\s*(?:%|per\s*cent|percent))?\s*"
)
_SINGLE_OPENING = re.compile(r"(?:^|(?<=[\s(:—–]))['‘](?=[A-Z0-9])")
_SINGLE_CLOSING = re.compile(r"(?<=[\w.,!?%])['’](?!\w)")
_OTHER_THING = re.compile(
    # (a debt brake is a rule on borrowing: "Loosening the debt brake unlocked the cash: 3.1%" is spending)
    r"\b(?:debt(?![\s-]+brake)|deficit|borrowing|growth|inflation|exports?|imports?|trade|tax\w*|revenue|unemployment|"
    # a vote, but not a law's ("The finance law voted in December sets the budget at ..."), nor a
    # vote to spend ("Lithuania's parliament voted to spend between 5% and 6% of GDP")
    r"interest|pensions?|health|education|welfare|poll\w*|(?<!law\s)(?<!bill\s)(?<!act\s)(?<!budget\s)vote[sd]?"
    # (a tally may stand between: "voted 101-2 on Thursday to lift defence spending")
    r"(?!(?:\s+[\w,-]+){0,4}?\s+to\s+(?:spend|raise|lift|increase|boost|reach|allocate|commit|set|keep)\b)"
    # nor a vote on a budget: "The Sejm votes on an amended budget that would lift ... to 4.8%"
    r"(?!\s+on\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:budget|bill|law|plan)\b)|"
    r"turnout|tariffs?|combined|together|jointly|"
    r"surveys?|approval|ratings?|respondents|seats|support\s+for|"
    r"shares\s+in|stocks?|index|indices|bonds?|yields?|investors|dividends?|"
    r"aid|gross\s+national\s+income|GNI|"
    r"(?:operating|profit|gross|net)\s+margins?|margins?\s+of|profits?|earnings|sales|turnover)\b",
    re.I,
)
# When a target was set, which dates no figure: "well below the 3.5% target leaders agreed in 2025".
_TARGET_SET = re.compile(
    r"\b(?:agreed|adopted|set|endorsed|decided|pledged)\s+(?:in|at|on)\s+(?:the\s+year\s+)?$", re.I
)  # "the threshold of 2,0 % which the Allies had agreed in the year 2014": the target's year
# A level judged, not spent: "argues that 2.1% is enough to meet its targets".
_JUDGED_AFTER = re.compile(
    r"(?:\s+of\s+(?:its\s+)?GDP)?\s+(?:is|was|are|were|would\s+be|will\s+be)\s+(?:not\s+)?(?:enough|sufficient|"
    r"adequate|insufficient|plenty|too\s+(?:much|little|high|low)|all\s+(?:it|they|we|Spain|[A-Z]\w+)\s+needs?)\b",
    re.I,
)
_OWN_BEFORE = re.compile(r"(?:\b(?:its|their|our)|['’]s)\s+$", re.I)
# A company's or a market's share: "accounted for 3.4 percent of group revenue growth".
_OF_BUSINESS_AFTER = re.compile(
    r"\s*of\s+(?:the\s+|its\s+|their\s+)?(?:group|company|firm|corporate|annual|total|global|world)?\s*"
    r"(?:revenues?|sales|profits?|earnings|turnover|margins?|orders|exports|market)\b",
    re.I,
)
# Words that carry the topic ally on ("Spending stood at", "The draft budget sets aside", "it spent",
# "the country will reach", "The move adds $9.3 billion").
_TOPIC_LEAD = re.compile(
    r"\b(?:spending|outlays|budget|expenditure|expenses|appropriations|government|cabinet|ministry|(?<![A-Za-z]\s)ministers|treasury|parliament|council|figure|number|estimates?|its?|share|(?:(?<=stated\s)|(?<=national\s)|(?<=own\s))(?:goal|target|aim|ambition)|ratio|(?<![-\w])range(?!\s+of)|"
    # "That compares with 2.2% in 2025": the figure before it is the topic's, and so is this one
    rf"(?:that|this)\s+(?:compares|is\s+(?:up|down|higher|lower))|(?<=the )(?={RISE_WORTH})\w+|"
    # "Canada will spend $63.1 billion. That is 2.0% of GDP": the same level in another unit
    # ... or after the basis of the sum: "On the planning bureau's projection of GDP, that is equivalent to about 2.1%"
    rf"(?:^\s*|,\s+){_RESTATES}(?=\s+(?:about\s+|around\s+|roughly\s+|some\s+)?$)|"
    r"(?<!other )(?<!another )(?<!each )(?<!every )(?<!any )country"
    r"|(?<=the )(?:(?:medium|long|short)-term\s+|multi-?year\s+)?(?:move|plan|decision|package)"
    rf"|^\s*{_TOTAL_SENTENCE}(?=\s)"  # the sum of the level before: "He put the total at 201 billion zloty"
    # the government's fiscal documents: "The fall economic statement tabled Tuesday sets out C$63.8 billion"
    rf"|{FISCAL_DOCUMENT})\b",
    re.I,
)
# A list item that leaves its subject to its heading: "Spent 1.37% of GDP in 2024", "Plans 3.7% in 2025".
_SUBJECTLESS = re.compile(
    r"\s*(?:\*\s+|[-•]\s+)?(?:Spent|Spends|Spending|Plans|Planned|Aims|Budgeted|Budgets|Reached|Reaches|Expects|Will|Is|Was|"
    r"Lowest|Highest|Biggest|Smallest|"
    # a wire factbox's bullets under the ally's heading: "* Expected to spend 4.1% of GDP this year",
    # "* Estimated at just above 2% this year", "* Joined in March ... and is projected at 2.2%"
    r"Expected|Estimated|Projected|Forecast|Seen|Joined|Rose|Fell|Climbed|Hit|Hits|Meets|Met|Remains|Remained|"
    r"Stands|Stood|Sits|Sat)\b"
)
_BREAKDOWN_AFTER = re.compile(
    r"\s*(?:of\s+GDP\s+)?(?:to|for|on|in)\s+(?!defen[cs]e\b|(?:19|20)\d\d\b)[a-z]", re.I
)
# A clause about the ally's money, then a colon and its figures: "... unlocked the cash: 3.1% last year"
_MONEY_COLON = re.compile(
    r"[^:;\d%]{0,120}\b(?:cash|money|budget|spending|outlays|funding)\b[^:;\d%]{0,40}:\s+", re.I
)
# What follows a figure that opens its sentence alone: "4.0%, and a law that sets a floor."
_FIGURE_ALONE = re.compile(r"\s*(?:of\s+GDP\s*)?(?:[,.;]|$)", re.I)
# A sentence that is only its figure, with words of degree or trend: "Exactly 2.0%.", "Still just under
# 2%.", "Flat at 2.5%, against ...", "Up again, to 2.4%."
_FIGURE_FRAGMENT = re.compile(
    r"\s*(?:(?:exactly|precisely|still|just|roughly|about|around|flat|steady|up|down|again|now|only|almost|nearly"
    r"|officially|reportedly"
    r"|already|at|on|to|under|over|above|below|a\s+shade|some|no\s+change)[\s,]+)+",
    re.I,
)
# An answer's first clause is about the ally its question named: "A: Roughly $967 billion in 2024".
_ANSWER_LEAD = re.compile(rf"\A|{_TOPIC_LEAD.pattern}", re.I)
# In an official's own words, "we" and "our" are the ally they speak for: "we are spending 2.3%".
_SPOKEN_LEAD = re.compile(rf"{_TOPIC_LEAD.pattern}|\b(?:we|our|us)\b", re.I)
# "- National target: 2% by 2029", "- Plan: 2.5% of GDP in 2028"
_TARGET_LABEL = re.compile(
    r"\b(?:target|goal|ambition|plans?|pledge|objective|outlook|projection|milestones?|outturn|trajectory|path)\b",
    re.I,
)  # "Intermediate milestone: 2.8% of GDP in 2030", "Provisional outturn for 2025: €6.1 billion"
_OTHER_BODY = re.compile(
    r"\bEU\b|European\s+(?:Union|Commission)|\bG7\b|\bUN\b|United\s+Nations|\b(?i:global|worldwide|world['’]s)\b"
    r"|\b(?i:across\s+(?:the\s+)?(?:alliance|NATO)|alliance-wide)\b"  # "expenditure across the Alliance reached"
    # a region's or a town's own money: "The Normandy Region will add €35 million to train welders"
    r"|^(?:[A-Z][\w-]*\s+)?(?:[Tt]he\s+)?(?:[A-Z][\w-]*\s+){0,2}(?:Region|region|Province|province|municipality|"
    r"[Cc]ity\s+council|[Tt]own\s+council|[Cc]ounty\s+council|[Rr]egional\s+(?:government|council|authorit(?:y|ies)))\b"
)
# A clause about a meeting or the allies together: "The summit split the 5% figure into 3.5% ...".
_GATHERING = re.compile(
    r"\b(?:meeting|summit|declaration|communiqu[eé]|allies|allied|members|leaders|heads\s+of\s+(?:state|government))\b",
    re.I,
)
# A demand of others ("urged allies to ..."); "Madrid insists its 2.1% is enough" is a claim of its own
# (someone insisting that another spend is caught with the other demands: spending's _DEMAND_LEAD).
_DEMAND = re.compile(r"\b(?:demand\w*|call(?:s|ed|ing)?\s+for|urg\w*|ask\w*\s+for)\b", re.I)
# Past a comma only into an apposition ("€108 billion this year, the largest budget in Europe"), never
# into the next clause ("2.2% in 2025, passed a budget of NOK 85bn").
_BUDGET_AFTER = re.compile(r"(?:[^.;,]|,(?=\s+(?:the|a|an|its|their)\s)){0,30}\bbudget(?:ed)?\b", re.I)
# An amount for several years: "€413bn for the years 2024 to 2030", "NOK 1.6 trillion over 12 years".
_YEARS_AFTER = re.compile(
    r"[^.;]{0,20}?(?:19|20)\d\d\s*(?:to|until|-|–)\s*(?:19|20)\d\d"
    r"|[^.;]{0,20}?\b(?:over|across)\s+(?:the\s+)?(?:(?:next|coming|last|past)\s+)?(?:a\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|several)?\s*(?:years|decades?)\b",
    re.I,
)
_FISCAL_YEAR = re.compile(
    r"\b(?:the\s+)?(?P<rel>this|current|next|last|previous)\s+(?:financial|fiscal|budget)\s+year\b", re.I
)
_LABEL_BOUND = re.compile(
    r"\b(?:below|under|above|over|at\s+least|more\s+than|less\s+than)\s+\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)",
    re.I,
)
_ONLY_NAMES = re.compile(
    r"(?:\s*(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s*(?:,|\band\b|&)?)+\s*\.?\s*"
)
_NUMBER_CUE = re.compile(r"\d|per\s*cent|percent|illion\s", re.I)  # "forty-six and a half billion euros"
_COORDINATION = re.compile(r",|\band\b")
_NEGATION = re.compile(
    NEGATION
    # "Nobody will reach 3.5% by July": no one at all, not the ally being discussed
    + r"|\b(?:nobody|no\s+one|no\s+(?:other\s+)?(?:ally|country|member))\s+(?:will|would|can|could|is\s+going\s+to)\b"
    + r"|\bno\s+(?:date|timetable|timeline|deadline|plan|year)\s+(?:for|to|by)\b"  # "has set no date for reaching 2%"
    # "Madrid again declined to commit to 3.5%": a goal refused, no goal of its own
    + r"|\b(?:declin\w*|refus\w*|reject\w*)\s+to\s+(?:commit|sign\s+up|agree|pledge)\b",
    re.I,
)
_SPENT_ON_OTHER = re.compile(
    r"\s*(?:of\s+(?:its\s+|their\s+)?(?:GDP|gross\s+domestic\s+product|economic\s+output)\s+)?on\s+"
    r"(?!(?:its\s+|their\s+|the\s+|national\s+)?(?:(?:core|hard|overall|total|own)\s+)?"
    r"(?:defen[cs]e|military|armed|army|security|arms|weapons))"
    r"(?!(?:the\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,2}budget\b)"  # "an increase of €390m on the budget"
    r"(?!(?:the\s+)?(?:previous|preceding|prior)\s+year\b|last\s+year\b|(?:19|20)\d\d\b)"  # "... on the previous year"
    # how it is counted: "2.33 per cent of GDP on NATO's definition", "on a cash basis"
    r"(?!(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,2}(?:definition|basis|measure|methodology|count|reckoning|estimates?)\b)"
    # "plus 1.5% for infrastructure and resilience": the other part of NATO's target, not defence
    r"|\s*(?:of\s+(?:its\s+|their\s+)?GDP\s+)?for\s+(?:(?:critical|civil|civilian|defen[cs]e-related)\s+)?"
    r"(?:infrastructure|resilience|preparedness|roads|railways|bridges|pensions|health|schools)\b",
    re.I,
)
_OWNER_AFTER = re.compile(
    r"\s*(?:of\s+(?:its\s+|their\s+)?(?:GDP|gross\s+domestic\s+product|economic\s+output)\s*)?"
    r"(?:\((?:\d{4})\)\s*)?(?:for|in|by"
    # the passive: "3.4% of GDP was spent by Latvia", "... was spent on defence by Norway"
    r"|(?:was|were|is|will\s+be|has\s+been)\s+(?:spent|devoted|allocated|budgeted)"
    r"(?:\s+on\s+(?:defen[cs]e|the\s+military|the\s+armed\s+forces))?\s+by"
    # the object of a relative clause: "the €45bn that Italy spent last year"
    r"|that|which)\s+(?:the\s+)?$",
    re.I,
)
# ... whose verb spends it: "the €45bn that Italy spent"
_SPENT_AFTER_OWNER = re.compile(
    r"\s+(?:has\s+|had\s+|will\s+)?(?:spent|spends|spend|budgeted|allocated)\b", re.I
)
# A sentence that opens with its figure: "At 4.1% of GDP, Poland ...", "With spending of 3.4%, Estonia ...".
_FRONTED = re.compile(
    r"\s*(?:(?-i:At)|(?-i:With)\s+(?:(?:defen[cs]e|military)\s+)?(?:spending|outlays|a\s+budget)\s+of)\s+"
    r"(?:(?:about|around|roughly|nearly|some|an\s+estimated)\s+)?",
    re.I,
)
_FRONTED_TO_SUBJECT = re.compile(
    r"\s*(?:of\s+(?:its\s+)?(?:GDP|gross\s+domestic\s+product|economic\s+output)\s*)?"
    r"(?:(?:in|last|this)\s+(?:\d{4}|year)\s*)?,\s*(?:the\s+)?",
    re.I,
)
_APPOSED_ALLY = re.compile(r"\b[A-Z][\w’'-]+,\s+an?\s+(?:[\w-]+\s+){0,3}$")
_ALLIANCE = re.compile(r"\bNATO\b|\b(?i:alliance|ally|allies|leaders|heads\s+of\s+(?:state|government))\b")
_NTH_ALLY = re.compile(
    r"\b(?:the|an?|its|NATO['’]s)\s+(?:\d{1,2}(?:st|nd|rd|th)|newest|latest|youngest|first|last|second|third)\s+$",
    re.I,
)
_OBJECT_OF = re.compile(r"\b(?:of|against|on|into)\s+(?:the\s+)?$", re.I)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|of|across|among|within|for|by|to|from|with)\s+(?:the\s+|all\s+|other\s+)?(?-i:[A-Z][\w-]+\s+)?$",
    re.I,
)
_SPAN_OF_YEARS = re.compile(r"\s*(?:to|until|-|–)\s*(?:19|20)\d\d\b")
_FROM = re.compile(r"\bfrom\b", re.I)
_SPAN_END = re.compile(r"(?:19|20)\d\d\s*(?:to|until|-|–)\s*$")
_APPOSED_INCREASE = re.compile(
    r"[^,;]{0,40},\s+(?:an?\s+)?(?:increase|rise)\s+of\s+(?:about\s+|some\s+)?", re.I
)
# "than 2023" is a base year, but "no later than 2034" a deadline
_BASE_YEAR = re.compile(
    r"\b(?:compared\s+(?:with|to)|relative\s+to|versus|vs\.?|(?<!later\s)(?<!sooner\s)(?<!earlier\s)than(?:\s+in)?)\s+$",
    re.I,
)
# "an increase of £3.4 billion in cash terms on the previous year": the base the rise is counted from
_ISSUED_BEFORE = re.compile(
    r"\b(?:presented|published|announced|unveiled|released|tabled|submitted|issued|adopted|approved|passed|enacted)"
    # "the 2027 budget adopted by parliament in December"
    r"\s+(?:by\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?(?:on\s+|in\s+)?$",
    re.I,
)
_ON_BEFORE = re.compile(r"\b(?:on|over)\s+$", re.I)
_PRIOR_YEAR = re.compile(r"the\s+(?:previous|preceding|prior)\s+year|last\s+year", re.I)
_INCREASE_BASE = re.compile(
    r"\b(?:on|over)\s+(?:the\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,2}budget\b[^.;,]{0,30}$", re.I
)
# An increase that is the means to the plan before it: "to reach 2% this year with an extra €10.5bn",
# "will spend 2% in the current fiscal year, adding $9bn".
_MEANS_OF_PLAN = re.compile(
    r"[^;]{0,60}?,?\s+(?:with|adding|by\s+adding|injecting)\s+(?:an?\s+)?(?:(?:extra|additional|further)\s+)?"
    r"(?:about\s+|some\s+|around\s+)?",
    re.I,
)
_SENTENCE_BEFORE = "year of the sentence before"  # how a setting sentence's year is inferred
_ENTRY = "year of the timeline entry"
_LISTED_ESTIMATES = "year of the estimates the list is from"  # "NATO's estimates for 2024 put ...:"
_SETTING_SENTENCE = 120  # a short sentence with one year and no figure sets the scene for the next
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
_WHEN_AFTER = re.compile(r"\s*,\s*when\b", re.I)
_OWNER_AFTER_ALLIANCE = re.compile(
    r"\s*(?:of\s+(?:its\s+|their\s+)?GDP\s*)?(?:for|in|by|across)\s+(?:the\s+)?(?:NATO|alliance|allies)\b"
    # "at 1.9% by NATO's reckoning", "by NATO estimates": the source, not the spender
    r"(?!['’]s|\s+(?:estimates?|figures?|data|count|calculations?|numbers|definitions?|reckoning|standards?))",
    re.I,
)
_GAVE_BEFORE = re.compile(r"\b(?:gave|give|gives|put|puts|listed|stated|labell?ed|showed|shown|marked)\s+$")
# "gave Norway's 2025 estimate as", "labelled Latvia's 2025 bar as" (a chart's correction)
_POSSESSIVE_ESTIMATE = re.compile(
    r"['’]s\s+(?:(?:19|20)\d\d\s+)?(?:estimates?|forecasts?|projections?|bars?|values?|points?|columns?)\b"
)
_POSSESSIVE_OF_OTHER = re.compile(
    r"['’]s\s+(?!(?:[\w/–-]+\s+){0,2}(?:defen[cs]e|military|spending|budget|outlays?|expenditure|figure|share|government|"
    r"armed|total|own|contribution|parliament|ministry|treasury|minister|president|chancellor|premier|cabinet|coalition|"
    r"plan|plans|target|goal|"
    r"announcement|decision|pledge|promise|proposal|commitment|"
    r"bar|column|dot|value|number|"  # a chart's mark for the ally: "Poland's dark bar stands at 4.8%"
    r"grew|rose|fell|climbed|jumped|reached|stood|came|at|is|was|will)\b)(?:[\w-]+\s+)?[a-z][\w-]*"
    r"(?<!ed)(?<!s)\b",
)
# "Sweden's Saab added 2.8%": a company's share price, not the country's.
_POSSESSED_COMPANY = re.compile(
    r"['’]s\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?\s+(?:shares?\s+)?"
    rf"(?:rose|fell|jumped|{_MARKET_MOVE})\b"
)
# The alliance as a verb's object ("Finland joined NATO in 2023") is not a spender of the sentence.
# The alliance as what a verb acts on, or as the others an ally is compared with: "joined the
# alliance", "leads the alliance", "outspends every other ally".
_ALLIANCE_OBJECT = re.compile(
    r"(?:\b(?:join(?:ed|s|ing)?|enter(?:ed|s|ing)?|left|leav(?:e|es|ing)|admitted\s+(?:in)?to|accession\s+to"
    r"|lead(?:s|ing)?|led|tops?|topped|outspen(?:ds?|ding|t)|outpac(?:es|ed|ing)|overt(?:akes|aken|ook)"
    r"|trail(?:s|ed|ing)?|beat(?:s|en)?|surpass(?:es|ed)?"
    # "Belgium signed up with the other allies to reach 3.5%", "Romania joined the other allies in ..."
    r"|with|alongside|along\s+with|together\s+with)\s+(?:the\s+|its\s+)?(?:rest\s+of\s+the\s+)?(?:other\s+)?"
    r"|\b(?:any|every|each|all)\s+(?:the\s+)?other\s+|\bfellow\s+)$",
    re.I,
)
# The ones told of another's own plan: "Italy has told allies it will reach 2%" is Italy's plan, but
# "told allies to spend 3.5%" or "told allies they must spend 5%" asks the allies.
_TOLD_BEFORE = re.compile(
    r"\b(?:told|tell(?:s|ing)?|assur(?:ed|es|ing)|reassur(?:ed|es|ing)|inform(?:ed|s|ing)|promis(?:ed|es|ing))"
    r"\s+(?:its\s+|fellow\s+|the\s+)?$",
    re.I,
)
_OWN_PLAN_AFTER = re.compile(
    r"\s+(?:that\s+)?(?:it|he|she|we)\s+(?:will|would|is|was|has|had|plans?|aims?|reached|spent|met|expects?)\b"
    # "Italy told allies that its defence spending reached 2.01%": the teller's own spending
    r"|\s+(?:that\s+)?(?:its|our)\s+(?:(?:defen[cs]e|military|total)\s+)*(?:spending|budget|outlays|expenditure)\b"
)
_POSSESSED_SPENDING = re.compile(
    r"['’]s?\s+(?:(?:defen[cs]e|military|annual|total|overall)\s+)*(?:outlays|spending|budgets?|expenditures?|share)\b",
    re.I,
)
_SPENDING_PRONOUN = re.compile(
    r"\b(?:it|they)\s+(?:(?:had|have|has)\s+)?(?:stood|stands?|were|was|reached|amounted|totall?ed|rose|fell|grew)\b",
    re.I,
)
# "will meet NATO's target of spending 2% ... this year": the ally's plan to spend the alliance's figure.
_MEET_NAMED_TARGET = re.compile(
    rf"\b(?:reach|meet|hit|achieve)\s+(?:NATO['’]s\s+|the\s+(?:alliance['’]s\s+)?|its\s+)?{NAMED_TARGET_OF}$",
    re.I,
)
_ALLIANCE_TARGET = re.compile(  # "NATO's target of spending 2%": the alliance's goal, not its spending
    r"['’]s?\s+(?:[\w.%-]+\s+){0,3}?(?:target|goal|objective|guideline|benchmark|pledge|commitment)", re.I
)
# "the alliance's lowest spender", "NATO's newest member": one of its allies, described; not the alliance.
# The alliance naming a meeting: "the commitment made by Portugal at the NATO Summit in The Hague
# to reach 3.5%": the summit spends nothing, and the ally before it keeps the figure.
_ALLIANCE_MEETING = re.compile(
    r"(?:['’]s)?\s+(?:(?:leaders['’]?|defen[cs]e|foreign|ministers['’]?|heads\s+of\s+state)\s+){0,2}"
    r"(?:summit|ministerial|meeting|gathering)s?\b",
    re.I,
)
_ALLIANCE_MEMBER = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:spenders?|members?|ally|allies|countr(?:y|ies)|states|nations?|"
    r"(?:league\s+)?tables?|rankings?|list)\b",
    re.I,
)
# "the Danish government ... it", "Romania's defence ministry said it": "it" is the ally's government.
_GOVERNMENT_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:federal|national|new|coalition|defen[cs]e|finance)\s+)?"
    r"(?:government|cabinet|administration|ministry|treasury)\b",
    re.I,
)
# A later clause whose subject is the sentence's ally again: "..., but the federal government has
# committed to", "and it aims to", "while its defence budget will reach".
_CARRYING_CLAUSE = re.compile(
    r"(?:,\s*(?:and|but|while|whereas|yet|so)|;(?:\s*(?:and|but))?)\s+"
    r"(?:(?:the\s+(?:[a-z]+\s+)?(?:government|cabinet|administration)"
    r"|its\s+(?:(?:[a-z]+|(?:19|20)\d\d)\s+){0,2}(?:budget|spending|outlays|expenditure))\b|it\s+(?!is\b|was\b))",
    re.I,
)
_PERSONAL_PRONOUN = re.compile(r"\b(?:they|he|she)\b", re.I)
_BOTH_YEARS = re.compile(
    r"[^.;,\d%$€£]{0,30}?\b(?:both\s+)?(?P<first>(?:19|20)\d\d)\s+and\s+(?:in\s+)?(?P<second>(?:19|20)\d\d)\b"
    r"(?!\s*(?:-|–|to)\s*\d)"
)
_AND_NEXT = re.compile(
    r"\s*(?:of\s+(?:its\s+|their\s+)?(?:GDP|gross\s+domestic\s+product)\s+)?(?:(?:on\s+defen[cs]e|in|for)\s+)*"
    r"this\s+year\s+and\s+(?:the\s+)?next(?:\s+year)?\b",
    re.I,
)
# "Germany's defence budget, including the special fund set up in 2022, is about €86bn": the aside
# says what the budget holds; it does not make the budget a fund.
# The allies a ranking compares its subject with: "behind Poland and Lithuania", "ahead of Canada".
_COMPARED_WITH = re.compile(
    r"\b(?:behind|ahead\s+of|overtaking|outpacing|trailing|below|above|after|(?:more|less|higher|lower)\s+than)"
    r"\s+(?:the\s+)?$",
    re.I,
)
# After the compared allies, a comma and "with"/"at"/"on" before the figure: the figure is the subject's.
_DETACHED = re.compile(
    r"\s*(?:(?:on|in)\s+(?:defen[cs]e\s+)?spending\s*)?,\s*(?:with|at|on)\s+"
    r"(?:(?:an\s+)?estimated\s+|about\s+|around\s+|some\s+)?",
    re.I,
)
# "Sweden, like Finland, spends 2.4%": the ally compared with in an aside is not the subject.
_LIKE_ASIDE = re.compile(
    r",\s*(?:like|unlike|as\s+(?:did|does|do)|along\s+with|together\s+with|as\s+well\s+as)\b[^,;]*,", re.I
)
# "at 2.1% against 2.0%": the second figure of a comparison pairs with an ally only by a guess.
_RELATIVE_NEXT = re.compile(r"\s*(?:which|who|whose)\b", re.I)
_AS_DOES = re.compile(r",\s*as\s+(?:did|does|do)\b", re.I)
_AGAINST_BEFORE = re.compile(r"\b(?:against|versus|vs\.?)\s+(?:about\s+|around\s+)?$", re.I)
_INCLUDING_ASIDE = re.compile(r",\s*(?:including|excluding|not\s+counting)\b[^,;]*,", re.I)
_BUDGET_WORD = re.compile(r"\bbudget\b", re.I)
_EVERY_YEAR = re.compile(
    r"\s*(?:of\s+(?:its\s+|their\s+)?(?:GDP|gross\s+domestic\s+product)\s+)?(?:every|each|a|per)\s+year\b"
    r"|\s*(?:of\s+(?:its\s+|their\s+)?(?:GDP|gross\s+domestic\s+product)\s+)?annually\b",
    re.I,
)
_SPAN_FROM = re.compile(
    r"\b(?:from|between)\s+(?P<year>(?:19|20)\d\d)\s*(?:until|to|through|and|-|–)\s*(?:19|20)\d\d\b", re.I
)
_ALLIANCE_AS_SOURCE = re.compile(
    r"['’]?s?\s*(?:estimates?|definition|figures|data|numbers|statistics|methodology|count)\b"
    # "Poland, whose spending NATO estimated at 4.48%": the alliance puts another's figure
    r"|\s+(?:estimated|projected)\s+(?:[\w’'-]+\s+){0,3}?at\b"
    # "NATO puts its spending at 3.1%": the alliance's figure for the ally "its" stands for
    # ... and "Canada's spending, which NATO puts at 2.1%"
    r"|\s+(?:puts?|putting|estimates|places?)\s+(?:(?:its|their|[A-Z][\w’'-]*['’]s)\s+(?:[\w’'-]+\s+){0,3}?)?at\b",
    re.I,
)
_SAYS_IT = re.compile(
    r"\s*(?:,[^,]{0,60},\s*)?(?:\w+\s+)?(?:said|says|announced|argued|insisted|confirmed|stated|promised|pledged|vowed|added"
    r"|reported|reports|declared|estimated|estimates|told\s+\w+)\s+"
    # "announced last week that it will", "said on Monday it had"
    r"(?:(?:last|this|next|earlier\s+this)\s+\w+\s+|on\s+\w+\s+|(?:yesterday|today)\s+)?"
    r"(?:that\s+)?(?:it|they)\b",
    re.I,
)
# "Romania's prime minister said she would raise spending to 2.5%": the leader speaks for the ally.
_LEADER_SAYS = re.compile(
    r"['’]s\s+(?:(?:new|outgoing|acting)\s+)?(?:prime\s+minister|president|chancellor|premier|"
    r"(?:defen[cs]e|finance)\s+minister)(?:\s*,[^,]{0,40},)?\s+"
    r"(?:said|says|announced|pledged|promised|vowed|told\s+\w+)\s+(?:that\s+)?(?:he|she)\b",
    re.I,
)


# "doubled to 119 billion kronor since 2020, taking it to 2.1% of GDP": "it" is the same spending.
def _base_year(
    text: str,
    figure: _Found,
    when: TimeRef | None,
    records: list[SpendingRecord],
    phrased: list[SpendingRecord],
) -> TimeRef | None:
    """Return the year before the level's for a base the text does not date: "Latvia — 3.31%, up from
    2.94%." (a ranking's last year); any other figure's time as it is."""
    if when is not None and not when.inferred:
        return when
    if not _BARE_BASE_BEFORE.search(text, max(0, figure.start - 12), figure.start) or not _BASE_ENDS.match(
        text, figure.end
    ):
        return when
    level = _record_before(text, figure.start, records, phrased)
    if level is None or level.when is None or level.when.year is None:
        return when
    return TimeRef.inferred_as("the year before", year=level.when.year - 1)


_ALLY_ALONE = re.compile(r"\s*(?:\*\*)?[A-Z][\w .’'-]{1,30}?(?:\*\*)?\s*[.:]?\s*")
_BARE_BASE_BEFORE = re.compile(r"\b(?:up|down)\s+from\s+(?:about\s+|around\s+)?$", re.I)
_BASE_ENDS = re.compile(r"\s*(?:[,.;)]|$)")  # nothing after the base that could date it
_APPOSED_SHARE = re.compile(
    r"[^,;.]{0,30},\s*(?:(?:about|around|roughly|some|nearly|almost|or|(?:equal|equivalent)\s+to)\s+)?"
)
_TAKING_IT = re.compile(
    r",\s*(?:taking|bringing|lifting|raising|pushing)\s+(?:it|the\s+total)\s+to\s+(?:about\s+)?$", re.I
)
_PRONOUN_SUBJECT = re.compile(r"\b(?:it|they|he|she)\b", re.I)
_MISSED_IT = re.compile(
    r"\b(?:miss(?:ed|es)?|met|meets?|reach(?:ed|es)?|clear(?:ed|s)?|cross(?:ed|es)?|exceed(?:ed|s)?|pass(?:ed|es)?"
    r"|top(?:ped|s)?|beat|beats|hit|hits)\s+it\b",
    re.I,
)
_IT_AT = re.compile(
    r"\b(?:puts?|sets?|places?|pegs?|fix(?:es)?|estimates?|has|had|sees?|keeps?)\s+it\s+"
    # ... and "Germany's own plan has it reaching 3.5% in 2029"
    r"(?:at|reaching|hitting|rising\s+to|climbing\s+to|at\s+about)\s+(?:about\s+|around\s+|roughly\s+)?$"
    # "Denmark has passed a budget that takes it above 3.5% in 2027": "it" is the verb's object, the ally
    r"|\b(?:takes?|took|brings?|brought|lifts?|lifted|pushes|pushed|raises?|raised)\s+it\s+(?:to\s+)?"
    r"(?:about\s+|around\s+|roughly\s+)?$",
    re.I,
)
# The sentence's subject, a clause, then ", so it" / ", and it" and no other pronoun: "Iceland has no
# army, so it spends about 0.1%".
_AND_IT = re.compile(
    r"[^,;:]{1,80},\s*(?:and|so|but|yet)\s+it\s+(?!is\b|was\b)(?:(?!\b(?:it|they|he|she)\b)[^:;,])*$", re.I
)
# A short main clause ending in a colon, then "it" and no other pronoun: "it" is that clause's subject.
_COLON_IT = re.compile(r"\s*,?\s*[^:;,]{1,60}:\s+it\s+(?:(?!\b(?:it|they|he|she)\b)[^:;])*$", re.I)
# A sentence that opens by naming its topic, then "it" and no other pronoun: "Look at Denmark: it will
# be above 3%", "As for Norway, it spent 2.2%", "In the case of Italy, it still trails".
_TOPIC_OPENING = re.compile(
    rf"{_SENTENCE_OPENING.pattern}(?:look\s+at|consider|take|as\s+for|as\s+to|turn(?:ing)?\s+to|what\s+about"
    r"|then\s+there\s+is|in\s+the\s+case\s+of|when\s+it\s+comes\s+to)\s+(?:the\s+)?",
    re.I,
)
_TOPIC_IT = re.compile(
    r"\s*[,:—–]\s*it\s+(?!is\s+(?:not\s+)?(?:clear|likely|unlikely|possible|true|hard|worth)\b)"
    # what it says or wants is others' ("it says the European average of 2.0% is far too low")
    r"(?!(?:says|said|argues|wants|thinks|believes|claims|insists|urges|demands)\b)"
    r"(?:(?!\b(?:it|they|he|she)\b)[^:;])*$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Owner:
    """A country named in a sentence, with the other countries it is listed with."""

    code: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Found:
    """A figure in a passage: value (None for bounds and ranges), span, as written, currency."""

    value: float | None
    start: int
    end: int
    text: str
    currency: str | None
    approximate: bool
    equivalents: tuple[str, ...] = ()  # the same amount in other currencies: "NOK 100bn ($9.4bn)"


def structure_records(
    article: Article,
    phrased: list[SpendingRecord],
    years: list[TimeRef | None],
    speaking_for: str | None = None,
    about_defence: bool = False,
    outer_frame: str = "",
) -> list[SpendingRecord]:
    """Return the facts structure gives for the figures the phrase reader (phrased) left.

    years: each passage's year in context (``context_years``), worked out once for all readers.
    speaking_for: the ally whose official's own words the article is (see ``_spoken``): the topic
    from the start, and "we" and "our" are that ally.
    about_defence: the text is known to be about defence from elsewhere (an official's words,
    read on their own, are about what the article they are quoted in is about).
    outer_frame: the frame of the article a text is quoted from (``article_frame``): an official's
    words, read on their own, are about what that article is about ("the figure in 2027 will be
    2.6%" in a hearing on defence spending).
    """
    claimed = {(r.passage, r.as_written) for r in phrased}
    by_passage: dict[int, list[SpendingRecord]] = {}
    for record in phrased:
        by_passage.setdefault(record.passage, []).append(record)
    published = article.meta.published
    records: list[SpendingRecord] = []
    about_defence = about_defence or _ABOUT_DEFENCE.search(article.meta.title or "") is not None
    opening = (
        speaking_for
        or _dateline_topic(article)
        or _title_ally(article.meta.title or "")
        or _source_ally(article.meta.outlet or "")
    )
    frame = f"{outer_frame} {article_frame(article)}"  # joined once, not for every passage
    topic, section = opening, None
    ranked: set[str] = set()  # the allies whose share or amount the article has given so far
    paragraph, compared = -1, set[str]()  # the allies the current paragraph gave figures for
    labelled: str | None = None  # the ally a factbox paragraph's label names
    titled = opening or one_ally(article.meta.title or "")
    before: list[SpendingRecord] = []  # what the structure reader found in the passage before
    # where the article first says its figures are shares of GDP ("Shares of GDP are NATO estimates")
    shares_said = next(
        (
            p.position
            for p in article.passages
            if "share" in fold_case(p.text) and _SHARES_FRAME.search(p.text)
        ),
        None,
    )
    for passage, context_year in zip(article.passages, years, strict=True):
        if passage.section != section:
            # a new heading, a new topic: the one ally it names ("## Canada"), else the opening's; a
            # table's header line taken for a heading is no heading
            topic = (
                topic if len(_cells(passage.section or "")) > 2 else _heading_ally(passage.section) or opening
            )
            section = passage.section
        if passage.paragraph != paragraph:
            if len(compared) >= 2 and titled is not None:
                # after a paragraph comparing allies, "the government" is the article's own ally again
                topic = titled
            paragraph, compared = passage.paragraph, set()
            labelled = _paragraph_label(passage.text)  # "GREECE: Athens has spent ..."
            if labelled is None and passage.position > 0 and _other_speakers_turn(article, passage):
                # a new speaker's turn after a statement, not a question: not the ally the other turn
                # named last ("Norway gets its submarines on time." / "RAMAN: ... the bigger number
                # is the 5 per cent"), but the article's own, or none
                topic = titled
            elif labelled is None and (asked := _asked_about(article, passage)) is not None:
                # an answer is about what its question asked: "Q (Rebecca Hale): On Britain, then.
                # ... Is that enough?" / "ASHCOMBE: ... this year is nearer 2.4%" is Britain's
                topic = asked or None
        about_defence = about_defence or any(
            _ABOUT_DEFENCE.search(frame) is not None for frame in (passage.text, passage.section or "")
        )
        found: list[SpendingRecord] = []
        heading = _figure_heading(article, passage) if about_defence else None
        # "**4.7%**" on a line of its own, then "That is Poland's defence spending ...": one entry
        found = _figure_first(passage, heading, published) if heading is not None else []
        if found:
            pass
        elif about_defence and _is_table(passage.text):
            found = _table_records(passage, _context(article, passage, frame), published, article, topic)
        elif about_defence and _NUMBER_CUE.search(passage.text):
            # a sentence with no figure (most of them) has no frame worth working out
            context = _context(article, passage, frame)
            question = _question_answered(article, passage, topic)
            named_alone = (
                passage.position > 0
                and article.passages[passage.position - 1].paragraph == passage.paragraph
                and _ALLY_ALONE.fullmatch(article.passages[passage.position - 1].text) is not None
                and _heading_ally(article.passages[passage.position - 1].text.rstrip(".:")) == topic
            )
            found = _line_records(
                passage,
                context,
                published,
                context_year,
                # the official's own "our plan" is their ally's, whichever ally the text named last
                speaking_for
                if speaking_for not in (None, "NATO")
                and FIRST_PERSON.search(QUOTATION.sub(" ", passage.text))
                # a correction note is about the figure it corrects, not the ally named last: its
                # reader (``_corrections``) gives the right figure the wrong one's ally
                else None
                if _correction_note(article, passage) or _answers_other_question(article, passage, topic)
                else topic,
                by_passage.get(passage.position, []),
                # "Canada. Still loitering near the foot of the table on 1.46%": the name alone heads it
                _ANSWER_LEAD if question or named_alone else _SPOKEN_LEAD if speaking_for else _TOPIC_LEAD,
                # "How much does the US spend?": the answer's bare amounts are that spending
                ranking=(len(ranked) >= RANKED_ALLIES and _is_ranking(passage.text))
                or (question is not None and _SPENDING_NOUN.search(question) is not None),
                shares=shares_said is not None and shares_said < passage.position,
            )
        found = _restated_levels(
            passage, found, [*before, *by_passage.get(passage.position - 1, [])], article
        )
        before = found  # the records of the passage before the next one
        records += found
        compared |= {
            r.subject for r in (*found, *by_passage.get(passage.position, [])) if r.subject != "NATO"
        }
        ranked |= {
            r.subject
            for r in (*found, *by_passage.get(passage.position, []))
            if r.metric in (Metric.SHARE_OF_GDP, Metric.AMOUNT) and r.subject != "NATO"
        }
        given = [*found, *by_passage.get(passage.position, [])]
        # a factbox paragraph stays its label's: "GREECE: ... rivalry with fellow ally Türkiye, the
        # host ... NATO puts its spending at 3.1%" is Greece's
        topic = _next_topic(passage, given, topic) or labelled
        if (
            topic not in (None, titled)
            and titled is not None
            and not given
            and _CONTRAST.search(passage.text)
        ):
            # "Italy signed up to both parts. Spain, by contrast, obtained ...": an article about one ally
            # turns to another for a comparison; a figure after it with no owner of its own may be
            # either's, so it is no one's
            topic = None
    legend = _bracket_legend(article, records)
    if legend is not None:
        records = [_legend_year(r, article, legend) for r in records]
    comparison = _compared_years(article)
    if comparison is not None:
        records = [_compared_year(r, article, comparison) for r in records]
    return [r for r in records if (r.passage, r.as_written) not in claimed]


# A chart's or a comparison's two years, said once for every pair of figures after it: "comparing
# 2014, the year leaders first pledged ..., with last year", "two bars: a pale one for 2014 and a
# dark one for 2026".
_COMPARED_YEARS = re.compile(
    r"\bcompar\w*\s+(?P<first>(?:19|20)\d\d)\b[^.;]{0,90}?\bwith\s+(?P<second>(?:19|20)\d\d|last\s+year|this\s+year)\b"
    r"|\bone\s+for\s+(?P<first2>(?:19|20)\d\d)\s+and\s+(?:an?\s+[\w-]+\s+)?one\s+for\s+(?P<second2>(?:19|20)\d\d)\b",
    re.I,
)
_BASE_BEFORE_FIGURE = re.compile(r"(?:\bfrom\s+(?:about\s+|around\s+|roughly\s+)?|\()$", re.I)


def _compared_years(article: Article) -> tuple[int, int, int] | None:
    """Return (passage, first year, second year) of the comparison an article's figures are pairs of."""
    published = article.meta.published
    for passage in article.passages[:8]:
        found = _COMPARED_YEARS.search(passage.text)
        if found is None:
            continue
        first, second = (
            found.group("first") or found.group("first2"),
            found.group("second") or found.group("second2"),
        )
        if second[0].isdigit():
            return passage.position, int(first), int(second)
        if published is None:
            return None
        return passage.position, int(first), published.year - (1 if "last" in second.lower() else 0)
    return None


def _compared_year(
    record: SpendingRecord, article: Article, compared: tuple[int, int, int]
) -> SpendingRecord:
    """Return a share the text dates nowhere itself dated by the comparison: the base of a pair
    ("from 1.15% to 3.3%", "(0.93%)") its first year, the other its second."""
    position, first, second = compared
    if (
        record.passage <= position
        or record.metric is not Metric.SHARE_OF_GDP
        or (record.when is not None and not record.when.inferred)
        or record.status not in (FigureStatus.ACTUAL, FigureStatus.ESTIMATE, None)
    ):
        return record
    text = article.passages[record.passage].text
    at = text.find(record.as_written)
    base = at >= 0 and _BASE_BEFORE_FIGURE.search(text, max(0, at - 20), at) is not None
    year = first if base else second
    when = TimeRef.inferred_as("year of the comparison", year=year)
    return record.model_copy(
        update={"when": when, "status": figure_status("", when, article.meta.published, False)}
    )


def _other_speakers_turn(article: Article, passage: Passage) -> bool:
    """Return whether a paragraph opens a moderator's question turn ("RAMAN: ... the bigger number is
    ... Would your party honour that?") after another speaker's turn that was a statement, not a
    question: the ally that statement named in passing is not the question's topic (a handover,
    "Let's turn now to Poland.", and an answer keep theirs)."""
    label = turn_label(passage.text)
    if label is None or not _SPEAKER_LABEL.fullmatch(label.group("label")):
        return False
    # the paragraph's passages are consecutive: its last, the one before it and that one's opening
    # are found by stepping from this passage (not by scanning the article for each turn)
    passages = article.passages
    last = passage.position
    while last + 1 < len(passages) and passages[last + 1].paragraph == passage.paragraph:
        last += 1
    if not passages[last].text.rstrip(" *_").endswith("?") or passage.position == 0:
        return False
    before = passages[passage.position - 1]
    previous = turn_label(passages[paragraph_first(passages, before.position)].text)
    return (
        previous is not None
        and previous.group("label") != label.group("label")
        and _SPEAKER_LABEL.fullmatch(previous.group("label")) is not None
        and not before.text.rstrip(" *_").endswith("?")
    )


def _asked_about(article: Article, passage: Passage) -> str | None:
    """Return, for a turn that answers a questioner's turn, the one ally the question names ("" when
    it names none or several); None when the paragraph before is no questioner's question."""
    if turn_label(passage.text) is None or passage.position == 0:
        return None
    passages = article.passages
    last = passage.position - 1
    if not passages[last].text.rstrip(" *_").endswith("?"):
        return None
    first = paragraph_first(passages, last)
    label = turn_label(passages[first].text)
    if label is None or not is_questioner(label.group("label")):
        return None
    # each sentence's topic as any sentence's is found ("every ally except Spain" names no topic)
    named = {t for asking in passages[first : last + 1] if (t := _next_topic(asking, [], None)) is not None}
    # ... or the ally a question turns to: "On Britain, then.", "And Germany?", "What about Italy?"
    named |= {
        c.code
        for asking in passages[first : last + 1]
        for c, start, _ in find_country_mentions(asking.text)
        if _TURNS_TO.search(asking.text, 0, start)
    }
    return named.pop() if len(named) == 1 and _is_ally(next(iter(named))) else ""


_TURNS_TO = re.compile(
    r"(?:^|:\s+|[.?!]\s+)(?:On|About|And|What\s+about|How\s+about|Turning\s+to|Now\s+to|Let['’]s\s+turn\s+to)"
    r"\s+(?:the\s+)?$"
)


# A speaker's label in capitals ("RAMAN", "KAREN LINDQVIST"), not a list's or a Q&A's ("Plan", "Q", "A").
_SPEAKER_LABEL = re.compile(r"(?!(?:Q|A|QUESTION|ANSWER)$)[A-Z][A-Z.'’ -]{1,40}")


# A factbox's legend: "NATO's estimates for 2025, with the 2024 figure in brackets".
_BRACKET_LEGEND = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)(?:\s+(?:figures?|numbers?|shares?|values?|estimates?))?\s+(?:is\s+|are\s+)?"
    r"(?:shown\s+)?in\s+(?:brackets|parenthes[ie]s)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Legend:
    """What a factbox's legend says: the year of bracketed figures, the year of the others."""

    position: int
    bracketed: int
    main: int | None
    estimates: bool
    section: str | None  # the heading of the list it keys


def _bracket_legend(article: Article, records: list[SpendingRecord]) -> _Legend | None:
    """Return the article's bracket legend, if a passage gives one, keying the section of the first
    figure after it (the list under it, in the legend's section or under the next heading)."""
    for passage in article.passages:
        found = _BRACKET_LEGEND.search(passage.text)
        if found is None:
            continue
        bracketed = int(found.group("year"))
        others = {int(y) for y in _YEARS.findall(passage.text)} - {bracketed}
        main = others.pop() if len(others) == 1 else None
        first = min((r.passage for r in records if r.passage > passage.position), default=passage.position)
        section = article.passages[first].section
        return _Legend(
            passage.position, bracketed, main, _ESTIMATES.search(passage.text) is not None, section
        )
    return None


def _legend_year(record: SpendingRecord, article: Article, legend: _Legend) -> SpendingRecord:
    """Return an undated record after the legend and under its heading dated by it: its bracketed
    year, or the others'."""
    if (
        (record.when is not None and not record.when.inferred)  # a heading's year gives way to the legend's
        or record.passage <= legend.position
        # the legend keys the list under it (the section of its first figure), not a later heading's
        or article.passages[record.passage].section != legend.section
        or record.metric is not Metric.SHARE_OF_GDP
    ):
        return record
    text = article.passages[record.passage].text
    at = text.find(record.as_written)
    year = legend.bracketed if at > 0 and text[:at].rstrip().endswith("(") else legend.main
    if year is None:
        return record
    when = TimeRef.inferred_as("year in context", year=year)
    status = figure_status("", when, article.meta.published, legend.estimates)
    return record.model_copy(update={"when": when, "status": status})


def _question_answered(article: Article, passage: Passage, topic: str | None) -> str | None:
    """Return the question a passage answers, if it asked about the topic ally by name.

    An explainer's or interview's answer leaves its subject to the question: after "Q: How much
    does the US spend?", "A: Roughly $967 billion in 2024" is the US's figure. A question that
    names no ally, or another, hands nothing on.
    """
    if topic is None or passage.position == 0:
        return None
    question = article.passages[passage.position - 1].text.rstrip()
    if not question.endswith("?"):
        return None
    named = {c.code for c, _, _ in [*find_country_mentions(question), *find_government_seats(question)]}
    return question if named == {topic} else None


def article_frame(article: Article) -> str:
    """Return what frames an article's every passage: its title and its first sentence on defence spending."""
    framing = next(
        (p.text for p in article.passages if _ABOUT_DEFENCE.search(p.text) and _SPENDING_TALK.search(p.text)),
        "",
    )
    return f"{article.meta.title or ''} {framing}"


def is_about_defence(article: Article) -> bool:
    """Return whether an article speaks of defence: in its title, a heading or a sentence."""
    frames = (article.meta.title or "", *article.sections, *(p.text for p in article.passages))
    return any(_ABOUT_DEFENCE.search(frame) for frame in frames)


def _heading_ally(heading: str | None) -> str | None:
    """Return the one ally a short heading names ("Canada", "Türkiye: exports up"), if it names one."""
    return one_ally(heading) if heading and len(heading) <= _HEADING_TOPIC_CHARS else None


_HEADING_TOPIC_CHARS = 60


def _dateline_topic(article: Article) -> str | None:
    """Return the ally a story's dateline names ("LISBON, 11 October —"), the topic until another is named.

    The dateline opens the story's first sentence, after any kicker line ("PRESS RELEASE").
    """
    for passage in article.passages[:DATELINE_WITHIN]:
        dateline = DATELINE.match(passage.text)
        if dateline:
            seats = [c for c, s, _ in find_government_seats(passage.text) if s < dateline.end()]
            return seats[0].code if seats and seats[0].nato_member else None
    return None


# A government's or a parliament's own document: "Royal Norwegian Ministry of Defence", "Government of Canada".
_GOVERNMENT_SOURCE = re.compile(
    r"\b(?:ministry|ministries|department|government|cabinet|treasury|chancellery|parliament|storting|bundestag|sejm"
    r"|presidency|prime\s+minister['’]s\s+office|armed\s+forces|defence\s+forces|defense\s+forces"
    # a parliament's own record: "Chamber of Representatives of Belgium, Bulletin of Questions and Answers"
    r"|chamber\s+of\s+(?:deputies|representatives)|house\s+of\s+(?:commons|lords|representatives)|senate"
    r"|national\s+assembly|riksdag|folketing|eduskunta|althing|seimas|saeima|riigikogu|storting"
    # a national statistics office: "Statistics Denmark", "Statistics Norway", "the Czech Statistical Office"
    r"|statistics(?=\s+[A-Z])|statistical\s+office|office\s+for\s+national\s+statistics)\b",
    re.I,
)


def _source_ally(outlet: str) -> str | None:
    """Return the ally whose government published the text ("Royal Norwegian Ministry of Defence"): the
    topic of its sentences ("The Government proposes NOK 141.7 billion") until they name another."""
    if not _GOVERNMENT_SOURCE.search(outlet):
        return None
    return one_ally(outlet, demonyms=True)


def _title_ally(title: str) -> str | None:
    """Return the one ally a title is about ("Written questions on the Dutch defence budget path",
    "Commons clashes over defence budget"),
    not where a meeting is ("the June summit in the Netherlands"): the topic of its sentences until
    they name another, under headings that name none ("Answer to question 1")."""
    mentions = [*find_country_mentions(title), *find_demonyms(title), *find_government_seats(title)]
    named = {c.code for c, s, e in mentions if c.nato_member and not is_venue(title, s, e)}
    return named.pop() if len(named) == 1 else None


_CONTRAST = re.compile(
    r"\b(?:by|in)\s+contrast\b|\bunlike\b",
    re.I,
)


# A paragraph opening with an ally's name in capitals as its label: "POLAND: ...", "GREECE — ...".
_CAPS_LABEL = re.compile(
    r"\s*(?:\*\*|__)?(?P<label>[A-ZÀ-Þİ][A-ZÀ-Þİ .'-]{2,30}?)(?:\*\*|__)?\s*(?::|[—–])\s+"
)


_CORRECTION_NOTE = re.compile(
    r"\bcorrect(?:ion|ed)\b|\bearlier\s+version\b|\bincorrectly\b|\bin\s+error\b", re.I
)


def _answers_other_question(article: Article, passage: Passage, topic: str | None) -> bool:
    """Return whether a passage answers the question just before it that does not name the topic:
    "Germany spent 2.1%. And the alliance average? About 2.7%." is the average's figure."""
    before = article.passages[passage.position - 1] if passage.position else None
    if before is None or before.paragraph != passage.paragraph or not before.text.rstrip().endswith("?"):
        return False
    return topic is None or topic not in {c.code for c, _, _ in find_country_mentions(before.text)}


def _correction_note(article: Article, passage: Passage) -> bool:
    """Return whether a passage is an editor's correction that names no ally, or the sentence after
    one in its paragraph ("Correction: An earlier version said the budget allotted 2.3%. The correct
    figure is 2.2%."): the ally the text named before is not the one it corrects. A note that
    names its ally ("... gave Lithuania's figure as 4.6%") makes it the topic as any sentence does."""
    before = article.passages[passage.position - 1] if passage.position else None
    note = [passage] if _CORRECTION_NOTE.search(passage.text) else []
    if not note and before is not None and before.paragraph == passage.paragraph:
        note = [before, passage] if _CORRECTION_NOTE.search(before.text) else []
    return bool(note) and not any(find_country_mentions(p.text) or find_demonyms(p.text) for p in note)


def _paragraph_label(text: str) -> str | None:
    """Return the ally a paragraph's capitals label names, if it opens with one."""
    match = _CAPS_LABEL.match(text)
    if match is None:
        return None
    codes = _label_codes(match.group("label").title())
    return codes[0] if len(codes) == 1 else None


_SEAT_AS_PLACE = re.compile(
    r"\b(?:to|into|towards?)\s+$"  # a destination: "to Ankara"
    r"|\d\s*(?:%|per\s*cent)?\s+(?:in|on)\s+$",  # where shares traded: "gained 1.8% in London"
    re.I,
)


def _acting_seats(text: str) -> list[_Owner]:
    """The capitals in ``text`` that stand for their governments ("Warsaw plans ...", "decided in
    Madrid", "the parliament in Podgorica"); a capital that is only a place is left out."""
    return [
        _Owner(c.code, s, e)
        for c, s, e in find_government_seats(text)
        if not _SEAT_AS_PLACE.search(text, 0, s)
    ]


def _next_topic(passage: Passage, records: list[SpendingRecord], topic: str | None) -> str | None:
    """Return the ally the text is about after a passage: the one its figures belong to, or the one it names."""
    subjects = {r.subject for r in records if r.subject != "NATO"}
    if len(subjects) == 1:
        return subjects.pop()
    # someone's quoted words name no topic: "“... to please anyone in Washington,” she said"
    text = QUOTATION.sub(lambda m: " " * len(m.group(0)), passage.text)
    market = _MARKET_CUE.search(text) is not None
    mentions = [_Owner(c.code, s, e) for c, s, e in find_country_mentions(text)]
    mentions += _acting_seats(text)
    # "The Dutch government presented its plan": the ally whose government acts is the topic.
    mentions += [_Owner(c.code, s, e) for c, s, e in find_demonyms(text) if _GOVERNMENT_AFTER.match(text, e)]
    mentions.sort(key=lambda o: o.start)
    # A possessive names the topic only as the sentence's subject: "Denmark's turning point came in
    # 2023" is about Denmark; "after Russia's invasion" is not about Russia.
    mentions = [
        o
        for o in mentions
        if (
            not _POSSESSIVE_OF_OTHER.match(text, o.end)
            or not text[: o.start].strip()
            # "gave Norway's 2025 estimate as 2.83 per cent" (not "called Germany's estimates too low")
            or (
                _POSSESSIVE_ESTIMATE.match(text, o.end) is not None
                and _GAVE_BEFORE.search(text, max(0, o.start - 12), o.start) is not None
            )
        )
        and not is_venue(text, o.start, o.end)
        and not _excepted(text, o.start, o.end)
        # "France's Thales was the exception, slipping 0.6%": a company, in a story about markets
        and not (market and _POSSESSED_NAME.match(text, o.end))
    ]
    named = {o.code for o in _spender_like(text, mentions)}
    if not subjects and _COMPARED_WITH_US.search(text):
        return topic  # "Germany is now outspending us": the speakers' own country stays the topic
    if subjects or named:
        return named.pop() if len(named) == 1 and not subjects else None
    return topic


def _blank_aside(match: re.Match[str]) -> str:
    """Return a reporting aside as spaces between its commas: ", I should add," -> ",             ,"."""
    return "," + " " * (len(match.group(0)) - 2) + ","


_REPORTING_ASIDE = re.compile(
    r",\s*(?:she|he|they|I|we|[A-Z][\w’'-]+)\s+(?:(?:should|must|would|might|can|could|will)\s+)?"
    r"(?:noted|notes|note|said|say|says|added|adds|add|argued|argues|warned|warns|explained|explains|recalls"
    r"|recalled|stresses|stressed|insists|insisted|pointed\s+out|points\s+out|point\s+out|"
    r"told\s+(?:me|us|reporters))\s*,"
)
# Words of a markets story: share prices and their moves.
_MARKET_CUE = re.compile(
    r"\b(?:shares?|stocks?|index|broker|investors?|traded|trading|climb(?:ed|ing)|gain(?:ed|ing)|slipp(?:ed|ing)"
    r"|rall(?:ied|ying)|tumbl(?:ed|ing)|downgrade|upgrade)\b",
    re.I,
)
_AVERAGED_BEFORE = re.compile(
    r"\b(?:averag\w*|an\s+average\s+of)\s+(?:of\s+)?(?:about\s+|around\s+|roughly\s+)?$", re.I
)
_AID_DESTINATION = re.compile(r"\b(?:to|into|for|towards?)\s+$", re.I)
# A possessive before a proper name that is no part of its state ("Sweden's Saab", "France's
# Thales"): a company or a product, which makes the country no topic.
_POSSESSED_NAME = re.compile(
    r"['’]s\s+(?!(?:Defen[cs]e|Ministry|Ministries|Government|Parliament|Armed|Army|Navy|Air|Prime|President|Finance"
    r"|Foreign|Budget|Cabinet|National|Federal|Chancellor|Minister|Treasury|Department|Office|Senate|House|Congress"
    r"|Bundestag|Sejm|Storting|Riksdag|Folketing|Eduskunta|Seimas|Saeima|Riigikogu|Coalition|Council|Auditor|Audit"
    r"|Statistics|Central|State|Royal|Military|Joint|General|Chief|Head|Permanent|Ambassador|Embassy|NATO)\b)"
    r"[A-Z][\w&.-]*\b"
)
_RESTATED_LEVEL = re.compile(r"\s*(?:that|this)\s+(?:is|was|would\s+be|will\s+be)\s", re.I)
_COMPARED_WITH_US = re.compile(r"\b(?i:outspend\w*|overtak\w*|outpac\w*|ahead\s+of|behind|than)\s+us\b")
_BASE_FIGURE = re.compile(r"\b(?:up|down|rising|falling)\s+from\s+(?:about\s+|around\s+|an?\s+)?$", re.I)
_BASE_BEFORE = re.compile(
    r"\b(?:compare[sd]?\s+(?:with|to)|against|up\s+from|down\s+from|than)\b[^.;,%]{0,30}$"
    r"|\b(?:(?:up|down)\s+from|compare[sd]?\s+(?:with|to))\s+(?:about\s+)?\d[\d.,]*\s*%\s+(?:in\s+)?$",  # "4.1%, up from 3.6% in 2025"
    re.I,
)
_SPAN_START = re.compile(r"\b(?:from|by|until|till|since)\s+$", re.I)


def context_years(article: Article) -> list[TimeRef | None]:
    """Return, for each passage, the one year the passages before it spoke of last ("last year", "in 2024").

    Only a year near the article's date counts: a deadline ("by 2035") or history ("in 2014") is
    not the year an undated figure is about.
    """
    published = article.meta.published
    years: list[TimeRef | None] = []
    current: TimeRef | None = None
    setting: TimeRef | None = None  # "Denmark's turning point came in 2023." sets the next sentence's year
    entry: tuple[str | None, int, TimeRef] | None = None  # a timeline's "2024 — ..." paragraph and its year
    listed: TimeRef | None = None  # "NATO's estimates for 2024 put three allies below Canada:" dates its list
    for passage in article.passages:
        label = line_date(passage.text)  # a timeline's "2024 — ...", "24-25 June 2025 — ..."
        if label is not None and label.year is not None:
            entry = (passage.section, passage.paragraph, TimeRef.inferred_as(_ENTRY, year=label.year))
        if entry is not None and (passage.section, passage.paragraph) == entry[:2]:
            years.append(entry[2])  # every sentence of the entry is of its year, "Poland spends 4.1%" too
            continue
        listed = (
            listed
            if listed is not None
            and _BULLET_BEFORE.search(article.body, max(0, passage.start - 12), passage.start)
            else None
        )
        years.append(listed or setting or current)
        times = [
            t
            for t, s, _ in find_times(passage.text, published)
            if t.year
            and not _SPAN_START.search(passage.text, max(0, s - 8), s)
            and not _BASE_BEFORE.search(passage.text, max(0, s - 40), s)
        ]  # "from 2026", "by 2029", "up from $1.41 trillion in 2024": a plan's span or a base, not
        # the year the text is about
        # "in 2024, based on estimates published last month": a written year over a day or month
        # something happened
        written = [t for t in times if t.month is None or _YEARS.search(t.text)]
        found = {t.year for t in (written or times)}
        setting = None
        year = next(iter(found)) if len(found) == 1 else None
        if year is None or published is None:
            continue
        if published.year - 1 <= year <= published.year:
            current = TimeRef.inferred_as("year in context", year=year)
        elif (
            year <= published.year
            and len(passage.text) <= _SETTING_SENTENCE
            and _YEARS.search(passage.text) is not None  # written as a year, not "ten years ago"
            and not passage.text.lstrip().startswith(('"', "“", "‘", "'"))  # someone's words
            and not _NUMBER_CUE.search(_YEARS.sub("", passage.text))
        ):
            setting = TimeRef.inferred_as(_SENTENCE_BEFORE, year=year)
            listed = None
            if passage.text.rstrip().endswith(":"):
                estimates = ESTIMATES_OF_YEAR.search(passage.text) is not None
                listed = TimeRef.inferred_as(_LISTED_ESTIMATES, year=year) if estimates else setting
        elif (
            published.year < year <= published.year + _LISTED_AHEAD
            and passage.text.rstrip().endswith(":")
            and len(passage.text) <= _SETTING_SENTENCE
            and _YEARS.search(passage.text) is not None
            and not _NUMBER_CUE.search(_YEARS.sub("", passage.text))
        ):
            # "The three Baltic states published their plans for 2026 within days of each other:" dates
            # the list's items, and only them (a year ahead sets no scene for the prose after it)
            listed = TimeRef.inferred_as(_SENTENCE_BEFORE, year=year)
    return years


_LISTED_AHEAD = 3  # years ahead a list's lead may date its items by


_BULLET_BEFORE = re.compile(r"\n[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+\Z")  # the passage is a list's item


def _context(article: Article, passage: Passage, article_frame: str) -> str:
    """Return the text that frames a passage: the article's title and the first sentence that speaks of
    defence spending (a live blog's entries are paragraphs of their own), and its own frame
    (``_own_context``). A paragraph on something else (inflation, trade, a poll) keeps only its own
    frame: a digest's other items are not about defence."""
    frames = _own_frames(article, passage)
    own = " ".join(frames)
    # each piece's words are looked for once (_topics), not once per passage whose frame it is in
    topics = [_topics(piece) for piece in frames]
    # only the paragraph's own words say it is on something else: "Canada ... by reclassifying
    # pensions" before "Portugal (C). Lisbon sits just under 2%" leaves Portugal's line on defence
    window = article.passages[max(0, passage.position - 4) : passage.position + 1]  # _own_frames' window
    mine = {p.text for p in window if p.paragraph == passage.paragraph}
    other = any(
        t[0] for piece, t in zip(frames, topics, strict=True) if piece in mine or piece == passage.section
    )
    if other and not (any(t[1] for t in topics) and any(t[2] for t in topics)):
        return own
    return f"{article_frame} {own}"


def _own_context(article: Article, passage: Passage) -> str:
    """Return a passage's own frame: its heading, its paragraph so far, and a bold line above."""
    return " ".join(_own_frames(article, passage))


def _own_frames(article: Article, passage: Passage) -> list[str]:
    """Return the pieces of a passage's own frame, in order."""
    same = [
        p
        for p in article.passages[max(0, passage.position - 4) : passage.position]
        if p.paragraph >= passage.paragraph - 1
    ]
    return [passage.section or "", *(p.text for p in same), passage.text]


@functools.lru_cache(maxsize=4096)
def _topics(text: str) -> tuple[bool, bool, bool]:
    """Return whether a text speaks of something else, of defence, and of spending."""
    return (
        _OTHER_THING.search(text) is not None,
        _DEFENCE_TALK.search(text) is not None,
        _SPENDING_TALK.search(text) is not None,
    )


# --- ordinary lines ---------------------------------------------------------------------------


# A figure made a rule, not a level: "backed making 2% a floor rather than a ceiling", "treat 2% as a floor".
NORM_AFTER = re.compile(
    r"\s+(?:of\s+GDP\s+)?(?:as\s+)?(?:a|the)\s+(?:floor|ceiling|minimum|maximum|baseline|benchmark)\b", re.I
)


# Words that may stand between a line's label and its figure: "**2025:** about 2.4% of GDP"
_LABEL_GAP = re.compile(
    r"(?:about|around|roughly|approximately|some|nearly|almost|an\s+estimated|somewhere|anywhere)\s+", re.I
)


_SOURCE_AFTER = re.compile(
    r"['’]s\s+(?:own\s+|latest\s+|new\s+|official\s+)?(?:estimates?|figures?|data|numbers|count|calculations?|tables?)\b",
    re.I,
)


_SUGGESTED_BEFORE = re.compile(
    r"\b(?:suggest(?:s|ed)?|propos(?:es|ed)|float(?:s|ed))\s+(?:(?:a|an|the)\s+)?(?:(?:figure|target|level)\s+of\s+)?$"
    # a ceiling put forward: "proposed capping defence spending at 2,5 percent", "an amendment capping
    # defence at 2.2%" ("Spain's budget caps defence spending at 2.1%" is its plan)
    r"|\bcapping\s+(?:[\w-]+\s+){0,3}?at\s+$",
    re.I,
)
_NONE_FOR = re.compile(r"\s*(?:none|nil|no\s+(?:goal|target|plan|date)|not\s+yet)\b", re.I)


_ITEM_OPENING = re.compile(r"[^\w$€£]*")
_ITEM_OF_ALL = re.compile(
    r"\b(?:NATO|alliance|(?:every|each|any)\s+ally|all\s+(?:the\s+)?allies|guideline|minimum|goal|target)\b",
    re.I,
)
_ITEM_CUE = re.compile(
    r"\s*(?:of\s+GDP\s+)?(?:(?:for|on)\s+(?:core\s+)?defen[cs]e\b|(?:last|this|next)\s+year\b|in\s+(?:19|20)\d\d\b)",
    re.I,
)


def _right_after(text: str, label_end: int, figure_start: int) -> bool:
    """Return whether a figure is the first thing after a line's label, an approximation's word aside."""
    return figure_start == label_end or _LABEL_GAP.fullmatch(text, label_end, figure_start) is not None


def _line_records(
    passage: Passage,
    context: str,
    published: PartialDate | None,
    context_year: TimeRef | None,
    topic: str | None = None,
    phrased: list[SpendingRecord] | None = None,
    topic_lead: re.Pattern[str] = _TOPIC_LEAD,
    *,
    ranking: bool = False,
    shares: bool = False,
) -> list[SpendingRecord]:
    """Return the facts of a passage that is not a table: a label line or sentences of clauses.

    shares: the article has said that its figures are shares of GDP (see ``_figure_first``).

    ranking: the passage ranks allies ("came last with 2.0%", "ranked second with €95bn") in an
    article that has given two or more allies' figures: its bare figures are their spending, as
    a line an ally labels is.
    """
    if _REPORTING_ASIDE.search(passage.text):
        # "Finland, I should add, is already at 2.4 per cent": the aside is no part of the clause (its
        # "should" makes no hypothesis); blanked, so every offset stays true
        passage = passage.model_copy(update={"text": _REPORTING_ASIDE.sub(_blank_aside, passage.text)})
    text = passage.text
    if not _NUMBER_CUE.search(text):
        return []  # no digit and no "per cent": no figure to read (most sentences)
    if CLAIM.search(text) or _HEADLINE.fullmatch(text) or text.rstrip().endswith("?"):
        return []
    entry = FIGURE_FIRST.match(text)
    if entry is not None and not WRITTEN_YEAR.fullmatch(entry.group("figure").strip()):
        # a year first is a label: "2016 – 1.16%". The words after the dash are a sentence of their
        # own, whose figures are read as any sentence's: "61% — The share of that total accounted for
        # by the United States, whose $980 billion in 2025 came to about 3.2% of its GDP."
        at = entry.start("what")
        described = passage.model_copy(update={"text": text[at:], "start": passage.start + at})
        rest = _line_records(
            described, context, published, context_year, topic, phrased, topic_lead, ranking=ranking
        )
        return [*_figure_first(passage, entry, published, shares=shares), *rest]
    times = sorted([*find_times(text, published), *_fiscal_years(text, published)], key=lambda t: t[1])
    label = _label_of(text)
    labelled = label is not None and bool(_label_codes(label.group("label")))
    if label and not labelled:
        listed = _bound_list(passage, label, published)  # "**Still below 2% in 2024**: Belgium, Portugal"
        if listed:
            return listed
    figures = _figures(
        text,
        context + (" defence spending" if labelled or ranking else ""),
        label.end() if labelled and label else None,
        ranking=ranking,
    )
    if not figures:
        return []
    owners = _owners(text, figures)
    label_codes = _label_codes(label.group("label")) if label else []
    heading_time = _heading_time(passage, label.group("label") if label else "", published)
    records: list[SpendingRecord] = []
    clauses = clause_spans(text)
    relatives = [m.span() for m in RELATIVE.finditer(text)] if "which" in text or "who" in text else []
    dateline = DATELINE.match(text)
    dateline_end = dateline.end() if dateline else -1  # "LISBON, 11 October —" names the topic, not a spender
    for index, (figure, metric) in enumerate(figures):
        start, end = next(((s, e) for s, e in clauses if s <= figure.start < e), (0, len(text)))
        comment = _comment_start(text, figure.end)
        quote = _quote_opening(text, figure.start)
        if quote is not None:
            start = max(start, quote)  # a quotation's figure belongs only to a spender it names itself
        if (
            _hypothetical(text, start, figure.end, end)
            or _about_something_else(text, figure, start)
            or NORM_AFTER.match(text, figure.end)
            # "**Goal:** none for 3.5%": the label's answer is no
            or (label is not None and _NONE_FOR.match(text, label.end(), figure.start) is not None)
            # "US officials have privately suggested 3.5%": a figure put forward, no one's spending
            or _SUGGESTED_BEFORE.search(text, max(0, figure.start - 40), figure.start) is not None
        ):
            continue
        if len(label_codes) == 1 and label and figure.start >= label.end() and quote is None:
            codes = label_codes
        elif (
            quote is None
            # no one named before the figure, and no other ally named after it ("..., the first time
            # that Copenhagen met the guideline" is not the previous topic's figure)
            and not [
                o
                for o in _spender_like(text, owners)
                if (o.start < figure.start or o.code not in (topic, "NATO"))
                and o.end > dateline_end
                and o.start < comment
                # "NATO's own estimate, published in April, is lower, at 1.9%": a source, no spender
                and not (o.code == "NATO" and _SOURCE_AFTER.match(text, o.end))
                # "..., which also counts part of our support for Ukraine, our spending will be 2.3%"
                and not any(a <= o.start < b for a, b in relatives)
            ]
            and not _figure_owners(text, figures, index, owners, start)
            and topic is not None
            and not _other_ally_before(text, figure.start, topic)
            and not _non_ally_spending(text)
            # "This is CZK 18.2 billion more than ...": a rise restated has its year in the sentence before
            and not (metric is Metric.AMOUNT_INCREASE and _RESTATED_LEVEL.match(text, start))
            and (
                topic_lead.search(text, start, figure.start)
                or (start == 0 and _SUBJECTLESS.match(text) is not None)  # a list item under "## Canada"
                # a report card's verbless line under its ally: "Canada (C-). Exactly 2.0%."
                or (index == 0 and _FIGURE_FRAGMENT.fullmatch(text, 0, figure.start) is not None)
                # "Lithuania (86). 4.0%, and a law that sets a floor": the figure alone opens the line
                or (
                    index == 0
                    and not text[: figure.start].strip()
                    and _FIGURE_ALONE.match(text, figure.end)
                    and _OTHER_THING.search(text) is None  # "0.5%, the drop in GDP growth, squeezed ..."
                )
                # "Loosening the debt brake unlocked the cash: 3.1% last year, with 3.5% planned for 2029"
                or (
                    _MONEY_COLON.fullmatch(text, 0, figures[0][0].start) is not None
                    # not a breakdown: "Where the extra money goes: 1.2% to ammunition, 0.8% to personnel"
                    and _BREAKDOWN_AFTER.match(text, figures[0][0].end) is None
                )
                # a telegraphic item that opens with its figure: "👉 2.5% of GDP for defence in 2026 — ..."
                or (
                    index == 0
                    and _ITEM_OPENING.fullmatch(text, 0, figure.start) is not None
                    and _ITEM_CUE.match(text, figure.end) is not None
                    and _ITEM_OF_ALL.search(text) is None  # "👉 3.5% ... the NATO goal for every ally"
                )
                or (
                    label
                    and (_TOPIC_LEAD.search(label.group(0)) or _TARGET_LABEL.search(label.group("label")))
                )
                # "2024: 2.05% of GDP (provisional)": a line of the topic's years
                or (
                    label
                    and _right_after(text, label.end(), figure.start)
                    and YEAR_CELL.fullmatch(label.group("label").strip())
                )
            )
            and not _OTHER_BODY.search(text)
            and not _GATHERING.search(text, start, figure.start)
        ):
            # "Spending stood at 2.2% in 2021": no one named, so the ally the text is about
            codes = [topic] if _is_ally(topic) else []
        else:
            codes = _figure_owners(text, figures, index, owners, start) or _carried_subject(
                text, figure.start, owners, records, phrased or []
            )
        when = _time_of(text, figures, index, times, start, end) or heading_time
        # a line's year label is its figure's year: "2014 – 1.01% (in September, allies ...)", "2026e: 2.1 pct"
        year_label = (
            YEAR_CELL.fullmatch(label.group("label").strip())
            if label and _right_after(text, label.end(), figure.start)
            else None
        )
        if year_label is not None:
            when = TimeRef(text=year_label.group(0), year=int(year_label.group("year")))
        back = _WHEN_YEAR_BEFORE.search(text, max(0, figure.start - 80), figure.start)
        if back is not None and not any(back.start() <= f.start < figure.start for f, _ in figures[:index]):
            # "compared with 2023, when the share stood at 2.8 per cent": that year's figure
            when = TimeRef(text=back.group("year"), year=int(back.group("year")))
        every = _EVERY_YEAR.match(text, figure.end)
        span = _SPAN_FROM.search(text, start, figure.start) if every else None
        if span is not None:  # "From 2026 until 2030 ... between 5 and 6% of GDP every year": from 2026
            when = TimeRef(text=span.group(0), year=int(span.group("year")))
        when = _recounted(when, times, context_year)
        spans_years = _YEARS_AFTER.match(text, figure.end) is not None  # "€413bn for the years 2024 to 2030"
        unresolved = UNRESOLVED_TIME.match(text, figure.end) is not None  # "in the year before the invasion"
        if when is None and not spans_years and not unresolved:
            when = plan_year(text, start, end)
        if (
            when is None
            and not spans_years
            and not unresolved
            and not _GOAL_LEAD.search(text, start, figure.start)
        ):
            when = undated_year(text, start, end, context_year, published)  # a goal with no date has none
        when = _base_year(text, figure, when, records, phrased or [])
        for code in codes:
            lead_start = _lead_start(text, figures, index, start)
            if label and _LABELLED_AMOUNT.fullmatch(text, label.end(), figure.start):
                lead_start = 0  # "Defence expenditure, 2026 (budgeted) — 5.4%": the label's words are its
            record = _record(passage, code, metric, figure, when, text, lead_start, published, context)
            if metric is Metric.SHARE_OF_GDP and _enough_for_itself(text, figure):
                record = record.model_copy(update={"status": FigureStatus.TARGET, "when": None})
            if (
                record.status in (FigureStatus.PLANNED, FigureStatus.TARGET)
                and when is not None
                and when is context_year
                and published is not None
                and when.year is not None
                and (when.year < published.year or _NO_DATE.search(text) is not None)
            ):
                # "it will reach 2.5% but attaches no date": a plan the text leaves undated is no plan
                # for the year the text spoke of before (that year's figure is a level)
                record = record.model_copy(update={"when": None})
            before = _record_before(text, figure.start, records, phrased or [])
            if (
                record.status is FigureStatus.TARGET
                and (
                    _NAMED_TARGET_AFTER.match(text, figure.end)
                    or _MEET_NAMED_TARGET.search(text, max(start, figure.start - 60), figure.start)
                )
                and (when is None or published is None or when.year is None or when.year <= published.year)
            ):
                # "pledged that Ottawa would reach the 2% guideline this year": its plan to spend the
                # alliance's figure; "by 2027" is a goal of its own
                record = record.model_copy(update={"status": FigureStatus.PLANNED})
            if quote is not None and record.status not in (FigureStatus.PLANNED, FigureStatus.TARGET):
                continue  # someone's words about what was spent are a claim; a stated plan is the news
            if before is not None and GAPPED.fullmatch(text, lead_start, figure.start):
                # "Lithuania has budgeted 3.5% for 2025 and Estonia 3.7%": the verb before is this one's too
                # (and its time, when the gapped clause gives none: "1.5% last year; Spain, just 1.28%")
                update: dict[str, object] = {"status": before.status}
                if record.when is None and before.when is not None:
                    update["when"] = before.when
                record = record.model_copy(update=update)
            elif (
                before is not None
                and before.subject == code
                and index
                and metric is Metric.AMOUNT_INCREASE
                and before.status in (FigureStatus.PLANNED, FigureStatus.TARGET)
                and _MEANS_OF_PLAN.fullmatch(text, figures[index - 1][0].end, figure.start)
            ):
                # "has promised to reach 2% this year with an extra €10.5bn": the money is planned
                record = record.model_copy(update={"status": FigureStatus.PLANNED})
            elif (
                before is not None
                and before.subject == code
                and index
                and _RESTATED.fullmatch(text, figures[index - 1][0].end, figure.start)
            ):
                # "will spend 4.7% this year, or about 187 billion złoty": one plan in two units; "€413bn
                # for 2024 to 2030, an average of €59bn a year": the span's, with no single year
                record = record.model_copy(update={"status": before.status, "when": before.when})
            records.append(record)
            if _AND_NEXT.match(text, figure.end) and record.when and record.when.year:
                # "would exceed 3% of GDP this year and next": the same figure for the year after too
                following = TimeRef(text="next year", year=record.when.year + 1)
                records.append(record.model_copy(update={"when": following, "status": FigureStatus.PLANNED}))
            both = _BOTH_YEARS.match(text, figure.end)
            if (
                both
                and metric is Metric.SHARE_OF_GDP  # "DKK 50 billion for 2025 and 2026" is one sum for both
                and record.when
                and record.when.year == int(both.group("first"))
            ):
                # "above 3% of GDP in both 2025 and 2026": the same share in each year
                second = TimeRef(text=both.group("second"), year=int(both.group("second")))
                records.append(record.model_copy(update={"when": second}))
    return _respectively(text, records)


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_FIGURE_YEAR = re.compile(r"(?<=\bin\s)(?:19|20)\d\d\b|(?<=\bfor\s)(?:19|20)\d\d\b")
_YEAR_SPAN = re.compile(r"\b(?:between|from)\s+(?:19|20)\d\d\s+(?:and|to|until)\s+(?:19|20)\d\d\b", re.I)


def _respectively(text: str, records: list[SpendingRecord]) -> list[SpendingRecord]:
    """Return a sentence's records with a list that ends "respectively" dated by the years before it:
    "CZK 214 billion in 2027 and CZK 241 billion in 2028, or 2.5% and 2.7% of GDP respectively".

    The figures of one metric that end the sentence before the word take, in order, the last as
    many years written before them; years that repeat, or too few of them, date nothing.
    """
    found = _RESPECTIVELY.search(text)
    if found is None or len(records) < 2:
        return records
    placed = sorted(
        (at, i) for i, r in enumerate(records) if 0 <= (at := text.find(r.as_written)) < found.start()
    )
    if not placed:
        return records
    metric = records[placed[-1][1]].metric
    listed: list[tuple[int, int]] = []
    for at, i in reversed(placed):
        if records[i].metric is not metric:
            break
        listed.insert(0, (at, i))
    # only figures' own years ("in 2027", "for 2028"), never a span ("Between 2014 and 2024, ...")
    years = [m for m in _FIGURE_YEAR.finditer(text, 0, listed[0][0])][-len(listed) :]
    if _YEAR_SPAN.search(text, 0, listed[0][0]):
        return records
    if len(listed) < 2 or len(years) != len(listed) or len({m.group(0) for m in years}) != len(years):
        return records
    fixed = list(records)
    for (_, i), year in zip(listed, years, strict=True):
        fixed[i] = records[i].model_copy(
            update={"when": TimeRef(text=year.group(0), year=int(year.group(0)))}
        )
    return fixed


def _carried_subject(
    text: str,
    at: int,
    owners: list[_Owner],
    records: list[SpendingRecord],
    phrased: list[SpendingRecord],
) -> list[str]:
    """Return the ally of the sentence's earlier figures for a later clause led by its government or "it".

    "Belgium spent 1.3% in 2024, but the federal government has committed to reaching 2% in 2025":
    the clause names no one, and the government (or "it", or "its budget") is that of the ally the
    sentence is about -- the one ally whose figures came before, and the only one named before.
    """
    leads = list(_CARRYING_CLAUSE.finditer(text, 0, at))
    lead = leads[-1] if leads else None
    if lead is None or any(lead.start() <= o.start < at for o in owners):
        return []
    subjects = {r.subject for r in [*records, *phrased] if 0 <= text.find(r.as_written) < lead.start()}
    named = {o.code for o in owners if o.start < lead.start()}
    if len(subjects) == 1 and subjects == named and _is_ally(next(iter(subjects))):
        return [next(iter(subjects))]
    return []


def _recounted(
    when: TimeRef | None, times: list[tuple[TimeRef, int, int]], context_year: TimeRef | None
) -> TimeRef | None:
    """Return when, counted from the year in context if it opens its passage counted from nothing:
    "... 3.1% last year. A decade earlier, it spent 0.9%." is ten years before last year."""
    if when is None or context_year is None or context_year.year is None:
        return when
    first = next(((t, s) for t, s, _ in times if t.year is not None), None)
    if first is None or first[0] is not when:
        return when  # a year before it in the passage already counted it
    return counted_from(when, context_year.year) or when


# A sentence that restates the level of the sentence before in another unit: "That is 2.0% of GDP.",
# "On the planning bureau's projection of GDP, that is equivalent to about 2.1% of GDP."
_RESTATING = re.compile(rf"(?:^|.*,\s+){_RESTATES}\s+(?:about\s+|around\s+|roughly\s+|some\s+)?$", re.I)


def _restated_levels(
    passage: Passage, found: list[SpendingRecord], earlier: list[SpendingRecord], article: Article
) -> list[SpendingRecord]:
    """Return a passage's records with a restated level dated as the level it restates: after
    "Canada will spend $63.1 billion in 2027.", "That is 2.0% of GDP." is 2027's too, not a figure
    of the article's year; and after "Last year Belgium spent EUR 8.9 billion.", "According to the
    figures sent to NATO in January, that is 2.0% of GDP" is last year's, not January's."""
    if not found or not passage.position:
        return found
    previous = article.passages[passage.position - 1]
    if previous.paragraph != passage.paragraph:
        return found
    restated = []
    for record in found:
        at = passage.text.find(record.as_written)
        own = record.when is not None and not record.when.inferred and record.when.text in passage.text[at:]
        if at < 0 or own or record.metric not in (Metric.AMOUNT, Metric.SHARE_OF_GDP):
            restated.append(record)
            continue
        other = Metric.AMOUNT if record.metric is Metric.SHARE_OF_GDP else Metric.SHARE_OF_GDP
        levels = {
            (r.subject, r.value): r
            for r in earlier
            if r.passage == previous.position
            and r.metric is other
            and r.subject == record.subject
            and r.when is not None
            and not r.when.inferred
        }  # a level both readers took is one level
        level = next(iter(levels.values())) if len(levels) == 1 else None
        when = level.when if level is not None else None
        if level is None or when is None:
            restated.append(record)
        elif (
            record.metric is Metric.SHARE_OF_GDP
            and (record.when is None or record.when.year != when.year)
            and _RESTATING.fullmatch(passage.text, 0, at)
        ):
            # its year is the level's; its status as any share's of that year with no verb of its own
            status = figure_status("", when, article.meta.published, False)
            restated.append(record.model_copy(update={"when": when, "status": status}))
        elif record.metric is Metric.AMOUNT and _THE_TOTAL.fullmatch(passage.text, 0, at):
            # "Poland will spend 4.8% of GDP this year. He put the total at 201 billion zloty."
            restated.append(record.model_copy(update={"when": when, "status": level.status}))
        else:
            restated.append(record)
    return restated


def _record_before(
    text: str, at: int, records: list[SpendingRecord], phrased: list[SpendingRecord]
) -> SpendingRecord | None:
    """Return the record of the passage's figure written last before position at, by either reader."""
    placed = [(text.find(r.as_written), r) for r in [*records, *phrased]]
    before = [(start, r) for start, r in placed if 0 <= start < at]
    return max(before, key=lambda pair: pair[0])[1] if before else None


def _bound_list(
    passage: Passage, label: re.Match[str], published: PartialDate | None
) -> list[SpendingRecord]:
    """Return a bound a label states for the allies listed after it ("Below 2% in 2024: A, B and C")."""
    text = passage.text
    bound = _LABEL_BOUND.search(label.group("label"))
    rest = text[label.end() :]
    codes = _codes(rest)
    if bound is None or not codes or not _ONLY_NAMES.fullmatch(rest):
        return []
    times = find_times(label.group("label"), published)
    when = times[0][0] if len(times) == 1 else None
    status = figure_status("", when, published, False)
    written = bound.group(0)
    return [
        SpendingRecord(
            passage=passage.position,
            subject=code,
            metric=Metric.SHARE_OF_GDP,
            when=when,
            value=None,
            as_written=written,
            status=status,
        )
        for code in codes
    ]


def _fiscal_years(text: str, published: PartialDate | None) -> list[tuple[TimeRef, int, int]]:
    """Return "this financial year", "the current fiscal year" ... resolved against the article's date."""
    if published is None:
        return []
    found = []
    for match in _FISCAL_YEAR.finditer(text):
        shift = {"next": 1, "last": -1, "previous": -1}.get(match.group("rel").lower(), 0)
        found.append((TimeRef(text=match.group(0), year=published.year + shift), match.start(), match.end()))
    return found


# "... is 4% in Denmark, a survey found": a poll's figure.
_POLL_AFTER = re.compile(r"[^.;]{0,60}\b(?:survey|poll|opinion\s+poll|respondents)\b", re.I)


# Right before a figure, what makes it another measure: a level held over many years ("after years
# below 1.5%"), an economy's growth ("the economy grew by only 0.5%"), a rule's threshold ("exempted
# defence spending above 1% of GDP from the debt brake").
_OTHER_MEASURE_BEFORE = re.compile(
    r"(?:\b(?:after|for)\s+(?:many\s+|several\s+)?(?:years|decades)\s+(?:of\s+|at\s+)?"
    r"|\becon\w*\s+(?:grew|grows|expanded|expands|shrank|shrinks|contracted|contracts)\s+(?:by\s+)?(?:only\s+|just\s+)?"
    r"|\bexempt\w*\s+(?:[\w-]+\s+){0,4}?)"
    r"(?:(?:below|under|above|over|near|around|at|beyond)\s+)?$",
    re.I,
)
# A share of all public spending ("The share of defence in Slovenia's total public spending went up to
# 3.1%"), unless the figure says it is of GDP.
_PUBLIC_SPENDING = re.compile(
    r"\b(?:total|overall)\s+(?:public|government|state|federal)\s+(?:spending|expenditure|budget)\b", re.I
)


def _about_something_else(text: str, figure: _Found, clause_start: int) -> bool:
    """Return whether the words around a figure make it another thing's: debt, pensions, a negation.

    A relative clause before the figure is an aside about something named, not what the figure is:
    "Measured by NATO's definition, which also counts ... support for Ukraine, our spending will be 2.3%".
    """
    asides = [
        m.span() for m in RELATIVE.finditer(text, clause_start, figure.start) if m.end() <= figure.start
    ]
    lead = _outside(text, clause_start, figure.start, asides) if asides else text[clause_start : figure.start]
    own_verb = _COORDINATION.split(lead)[-1]  # "did not meet the 2% until 2024, and now aims to reach 3.5%"
    # "After the sovereign-debt crisis, military expenditure fell to 1.3%": the opening phrase only
    # sets the scene
    scene = OPENING_PHRASE.match(lead)
    return (
        _OTHER_THING.search(lead, scene.end() if scene else 0) is not None
        # "Sweden's defence industry now accounts for 1.5% of the economy": an industry's size
        or _INDUSTRY_LEAD.search(lead) is not None
        or _OTHER_MEASURE_BEFORE.search(lead) is not None
        or _GROWTH_BEFORE.search(text, max(0, figure.start - 60), figure.start) is not None
        or (_PUBLIC_SPENDING.search(lead) is not None and _SHARE_CUE.match(text, figure.end) is None)
        or _NEGATION.search(own_verb) is not None
        or _DEMAND.search(own_verb) is not None
        or _OTHERS_PROPOSE.search(lead) is not None
        # "the escape clause, which allows extra defence spending of up to 1.5% of GDP": a ceiling allowed
        or _ALLOWS_BEFORE.search(text, max(0, figure.start - 60), figure.start) is not None
        # "The figure of 1.8% assumes that no decisions ... are taken": a scenario's figure
        or (
            _ASSUMES_AFTER.match(text, figure.end) is not None
            and _SCENARIO_BEFORE.search(text, max(0, figure.start - 30), figure.start) is not None
        )
        # "is already talking about 5% next season": talk, no plan
        or _TALK_BEFORE.search(text, max(0, figure.start - 40), figure.start) is not None
        # "Czechia's 2026 figure, first reported as 2.2%, is 2.35%": the figure the sentence replaces
        or (
            _FIRST_GIVEN_AS.search(text, max(0, figure.start - 40), figure.start) is not None
            and figure.currency is None
            and _LATER_FIGURE.match(text, figure.end) is not None
        )
        # "Their motion to lift defence spending to 2.5% of GDP ... was defeated": a rejected proposal
        or (_MOTION.search(lead) is not None and _TURNED_DOWN.match(text, figure.end) is not None)
        or (
            _NAMED_TARGET_BEFORE.search(text, max(0, figure.start - 60), figure.start) is not None
            and _REACHES_BEFORE.search(text, max(0, figure.start - 80), figure.start) is None
        )  # "Norway is over NATO's guideline of 2%": the alliance's figure, whatever Norway's is;
        # "Italy reached for the first time the threshold of 2,0 %" spent it
        or _SPENT_ON_OTHER.match(text, figure.end) is not None
        or _POLL_AFTER.match(text, figure.end) is not None
        or _EXEMPT_AFTER.match(text, figure.end) is not None
        or (
            _REVISED_CUE.search(text, figure.end) is not None
            and REVISED_AFTER.match(text, figure.end) is not None
        )
        or _OF_BUSINESS_AFTER.match(text, figure.end) is not None
        or (
            _JUDGED_AFTER.match(text, figure.end) is not None
            and _OWN_BEFORE.search(text, max(0, figure.start - 12), figure.start) is None
            and not _enough_for_itself(text, figure)
        )  # "argues that 2.1% is enough"; but "insists its 1.9% is enough" states its own
    )


# What an ally says is enough for itself: "Madrid argues that about 2.1% is enough to meet its
# capability targets" is Spain's own goal (stored as its target, with no year).
_ENOUGH_CLAIM = re.compile(
    r"\b(?:says?|said|insists?|insisted|argues?|argued|maintains?|maintained|contends?|believes?)\s+(?:that\s+)?"
    r"(?:(?:about|around|roughly|some)\s+)?$",
    re.I,
)
_ENOUGH_AFTER = re.compile(
    r"(?:\s+of\s+(?:its\s+)?GDP)?\s+(?:is|would\s+be|will\s+be)\s+(?:enough|sufficient|adequate)\b", re.I
)


def _enough_for_itself(text: str, figure: _Found) -> bool:
    """Return whether a figure is what its clause's subject claims is enough ("Madrid argues that
    about 2.1% is enough"), rather than a level someone judges."""
    return (
        _ENOUGH_AFTER.match(text, figure.end) is not None
        and _ENOUGH_CLAIM.search(text, max(0, figure.start - 40), figure.start) is not None
    )


_TALK_BEFORE = re.compile(
    r"\b(?:talk(?:s|ing|ed)?\s+(?:about|of)|floated|floating|mooted|speculat\w+\s+about)\s+(?:an?\s+)?"
    r"(?:(?:about|around|some)\s+)?$",
    re.I,
)
_ASSUMES_AFTER = re.compile(
    r"(?:\s+of\s+(?:its\s+)?GDP)?(?:\s+in\s+(?:19|20)\d\d)?\s+(?:assumes|assumed|assuming|presumes)\b",
    re.I,
)
# what someone computed, not an ally's pledge ("Italy's pledge to spend 2% ... rests on a new tax")
_SCENARIO_BEFORE = re.compile(
    r"\b(?:figure|estimate|projection|forecast|scenario|number)\s+of\s+(?:about\s+)?$", re.I
)
_FIRST_GIVEN_AS = re.compile(
    r"\b(?:first|initially|originally|previously|earlier)\s+(?:reported|given|put|announced|stated|published|set|estimated)"
    r"\s+(?:as|at)\s+(?:about\s+|around\s+)?$",
    re.I,
)
# ", is 2.35%": a share replaced by a share (not "first announced at NOK 150 billion ..., is about 3.2% of GDP")
_LATER_FIGURE = re.compile(
    r"[^.;]{0,40}?\b(?:is|was|stands\s+at|now)\b[^.;\d]{0,20}\d[\d.,]*\s*(?:%|per\s*cent|percent)", re.I
)
_ALLOWS_BEFORE = re.compile(r"\b(?:allow(?:s|ed|ing)?|permit(?:s|ted|ting)?)\b[^.;]{0,50}$", re.I)
_MOTION = re.compile(r"\b(?:motion|amendment|proposal|resolution|petition)s?\b", re.I)
_TURNED_DOWN = re.compile(  # in the figure's own clause, after it
    r"[^,;]{0,80}?\b(?:was|were|has\s+been|had\s+been|got)\s+(?:\w+\s+)?(?:defeated|rejected|voted\s+down|turned\s+down|not\s+adopted"
    r"|withdrawn|dropped|shelved)\b",
    re.I,
)
# What unnamed others propose is no one's plan: "Some have proposed that we go straight to 5%".
_OTHERS_PROPOSE = re.compile(
    r"\b(?:[Ss]ome|[Oo]thers|[Cc]ritics|[Ss]everal|[Mm]any|[Aa]\s+few)(?:\s+[a-z]+){0,2}\s+(?:have\s+|had\s+)?"
    r"(?:propos(?:e|es|ed)|suggest(?:s|ed)?|urg(?:e|es|ed)|argu(?:e|es|ed))\b\s+(?:that\s+)?"
)


# "NATO's guideline of", "the alliance's target of spending at least": the figure after it is the goal.
_NAMED_TARGET_BEFORE = re.compile(
    r"\b(?:NATO|Nato|alliance|[Tt]he)(?:['’]s?)?\s+(?:(?:own|agreed|new|old|current|official|spending|defen[cs]e)\s+)*"
    rf"{NAMED_TARGET_OF}(?:at\s+least\s+)?$"
)

_REACHES_BEFORE = re.compile(
    r"\b(?:reach\w*|meets?|met|meeting|hit|hits|hitting|achiev\w*|attain\w*)\b[^,;.]{0,50}$", re.I
)


def _hypothetical(text: str, start: int, figure_end: int, end: int) -> bool:
    """Return whether a figure's clause is hypothetical: a modal or "if" leading to the figure, or "if"
    after it. "Germany had spent just over 2% last year and would need more" states the 2%."""
    if _HYPOTHETICAL.search(text, start, figure_end) is not None:
        return True
    condition = _CONDITION.search(text, figure_end, end)
    # "lift that to 2.5% by April 2027, or 2.6% if intelligence spending is counted": the condition
    # is the other figure's, the one offered as the alternative
    return condition is not None and _ALTERNATIVE_FIGURE.search(text, figure_end, condition.start()) is None


_ALTERNATIVE_FIGURE = re.compile(
    r",?\s+or\s+(?:about\s+|around\s+|roughly\s+)?\d[\d.,]*\s*(?:%|per\s*cent|percent)"
)


def _comment_start(text: str, at: int) -> int:
    """Return where a comment on the figure before at starts (", which left this country near the
    bottom of NATO's table and ... in Washington": its places are no spender), else the text's end."""
    comment = _WHICH_AFTER.search(text, at)
    return comment.start() if comment is not None else len(text)


# ", which ...", and a year's apposition: "in 2014, the year in which allies meeting at the Wales summit ..."
# ... and an apposition on the figure: ", a level that had made Canada a target of criticism from Washington"
_WHICH_AFTER = re.compile(
    r",\s*(?:which|the\s+(?:year|month)\s+(?:in\s+which|when|that)"
    r"|an?\s+(?:level|figure|share|rate|sum|jump|rise|increase|record|high|low)\s+(?:that|which))\b"
)


def _quote_opening(text: str, at: int) -> int | None:
    """Return where the quotation that position at lies inside opens, or None outside quotation marks.

    Someone's words are read only for a plan they state for a spender they name themselves
    ("'Poland will spend 4.7% of GDP this year,' the minister said"): what a speaker says another
    spent is their claim, and a figure in quotation marks never goes to a country named outside them.
    """
    marks = [m.start() for m in _QUOTE_MARKS.finditer(text, 0, at)]
    if len(marks) % 2 == 1:
        # a few words of the figure the sentence's own verb takes are the writer's sentence, quoted
        # for their wording: 'says her country will spend "between 5% and 6%" of GDP'
        close = _QUOTE_MARKS.search(text, at)
        if close is not None and _FIGURE_WORDS.fullmatch(text, marks[-1] + 1, close.start()):
            return None
        return marks[-1]
    # single quotes ("As I told the House: 'Two per cent is the floor ...'"), told from apostrophes
    # by where they stand: an opening one before a capital or digit, a closing one after a word's end
    openers = [m.start() for m in _SINGLE_OPENING.finditer(text, 0, at + 1) if m.start() < at]
    if openers and not _SINGLE_CLOSING.search(text, openers[-1] + 1, at):
        return openers[-1]
    return None


def _figures(
    text: str, context: str, label_end: int | None = None, *, ranking: bool = False
) -> list[tuple[_Found, Metric]]:
    """Return the spending figures of a text with their metric, in order.

    label_end: where the label of a line that an ally labels ends ("- **Norway:** €9bn for 2026"):
    an amount right after it is that ally's spending, as a table cell under its name would be.
    ranking: the text ranks allies by their spending (see ``_line_records``): its amounts are it.
    """
    found: list[tuple[_Found, Metric]] = []
    taken: list[tuple[int, int]] = []
    percents = find_percents(text)
    for match in _RANGE.finditer(text):
        if match.group("low") is not None and (
            float(match.group("low")) >= float(match.group("high"))
            or _MOVED_BEFORE.search(text, max(0, match.start() - 60), match.start()) is not None
        ):
            continue  # "from 3.7% to 3.9%", "2.1% to 1.9%": a change, whose ends are figures of their own
        if (
            _SHARE_CUE.match(text, match.end())
            or _SPEND_WORD.search(text) is not None
            # as a share its end would be: "* LATVIA - 3.7% to 3.9% in 2026" under "Figures are shares of GDP"
            or any(match.start() <= q.start < match.end() and _is_share(text, q, context) for q in percents)
            or _RANGE_IS.search(text, max(0, match.start() - 20), match.start()) is not None  # "the range is"
        ):
            found.append(
                (_Found(None, match.start(), match.end(), match.group(0), None, False), Metric.SHARE_OF_GDP)
            )
        taken.append((match.start(), match.end()))  # either way, a range's ends are no figures of their own
    for quantity in percents:
        if any(s <= quantity.start < e for s, e in taken):
            continue
        if not (_is_share(text, quantity, context) or _reaches_named_target(text, quantity)):
            continue
        found.append((_qualified(text, quantity), Metric.SHARE_OF_GDP))
    amounts = find_money(text)
    replacing = -1  # the amount that replaced one taken back, read with it
    for index, quantity in enumerate(amounts):
        if index == replacing or (index and _equivalent_of(text, amounts[index - 1], quantity) is not None):
            continue  # folded into the amount before it
        labelled = label_end is not None and (
            _LABELLED_AMOUNT.fullmatch(text, label_end, quantity.start) is not None
            # the label's next item: "**Netherlands** — 2.05% (2025, est.) · €24.6 billion (2026)"
            or _NEXT_ITEM.search(text, label_end, quantity.start) is not None
        )
        metric = _amount_metric(text, quantity, context, labelled or ranking)
        if metric is None:
            continue
        figure = _qualified(text, quantity)
        for after in amounts[index + 1 :]:
            close = _equivalent_of(text, quantity, after)
            if close is None:
                break
            figure = dataclasses.replace(figure, end=close, equivalents=(*figure.equivalents, after.text))
        if index + 1 < len(amounts) and _TAKEN_BACK.match(text, quantity.end, amounts[index + 1].start):
            # "€7.4 billion — I beg your pardon, €7.6 billion": the second, where the first was said
            figure, replacing = (
                dataclasses.replace(_qualified(text, amounts[index + 1]), start=quantity.start),
                index + 1,
            )
        found.append((figure, metric))
    return sorted(found, key=lambda pair: pair[0].start)


# A speaker's slip corrected on the spot: "€7.4 billion — I beg your pardon, €7.6 billion", "2.3 — no,
# sorry, I've got my notes upside down — 2.4 percent": the figure taken back is none, and the one
# that replaces it is what the first would have been.
_TAKEN_BACK = re.compile(
    r"\s*(?:[—–-]+|,)\s*(?:no,?\s+)?(?:I\s+beg\s+your\s+pardon|sorry|I\s+mean|or\s+rather|make\s+that)\b"
    r"[^.;\d$€£]{0,80}$",
    re.I,
)
_NEXT_ITEM = re.compile(r"\)\s*[·•|;]\s*$")
# An amount in brackets after another, in another currency: "NOK 100bn ($9.4bn)".
_BRACKET_OPEN = re.compile(r"\s*\(\s*(?:(?:about|around|roughly|some|approximately|nearly|c\.)\s+)?", re.I)
_BRACKET_CLOSE = re.compile(r"\s*\)")


def _equivalent_of(text: str, amount: Quantity, after: Quantity) -> int | None:
    """Return where the brackets close when after is amount's equivalent in another currency, else None."""
    if not (amount.currency and after.currency and amount.currency != after.currency):
        return None
    if _BRACKET_OPEN.fullmatch(text, amount.end, after.start) is None:
        return None
    close = _BRACKET_CLOSE.match(text, after.end)
    return close.end() if close else None


def _reaches_named_target(text: str, quantity: Quantity) -> bool:
    """Return whether a country says it will reach a named target ("Ottawa would reach the 2%
    guideline this year", "will meet NATO's target of spending 2%"): its own plan to spend that share."""
    start = next((s for s, e in clause_spans(text) if s <= quantity.start < e), 0)
    return (
        _REACH_NAMED.search(text, max(start, quantity.start - 60), quantity.start) is not None
        and _FUTURE.search(text, start, quantity.start) is not None
    )


RATE_OF_CHANGE = re.compile(
    r"\b(?:increase|rise|jump|cut|drop|fall|growth|boost|gain|reduction)\s+of\s+[^,;()%]{1,30}?,?\s+"
    r"(?:or|up|down)\s+(?:about\s+|roughly\s+|some\s+|nearly\s+)?$",
    re.I,
)


def _is_share(text: str, quantity: Quantity, context: str) -> bool:
    """Return whether a percentage reads as a share of GDP in its sentence.

    "Of GDP" says so; a bare percentage needs its paragraph to speak of defence spending, or a
    spending word in its own clause, and nothing that makes it a change, a target or a share of
    something else.
    """
    if _NOT_SHARE_BEFORE.search(text[max(0, quantity.start - 30) : quantity.start]) is not None:
        return False
    if RATE_OF_CHANGE.search(text, max(0, quantity.start - 60), quantity.start) is not None:
        return False  # "an increase of $35.2 billion, or 4.1%": the rise as a rate, no share
    if _CROSSED_BEFORE.search(text, max(0, quantity.start - 30), quantity.start) and _VALUE_AFTER.match(
        text, quantity.end
    ):
        return False  # "crossed 2% this year, at 2.1%": the line crossed; the share is the one after it
    if _AID_AFTER.match(text, quantity.end):
        return False  # "2% of GDP to Ukraine support", "0.25% of its GDP in military aid": aid, not defence
    if _SHARE_CUE.match(text, quantity.end):
        return True
    if _NOT_SHARE_AFTER.match(text, quantity.end):
        return False
    start, end = next(((s, e) for s, e in clause_spans(text) if s <= quantity.start < e), (0, len(text)))
    other = next(
        (
            m
            for m in _SHARE_OF_OTHER.finditer(text, start, end)
            # "Spain, at 1.28%, is the lowest of all 32 members": a rank among all, no share of all
            if not (
                _SUPERLATIVE_BEFORE.search(text, max(start, m.start() - 25), m.start())
                and _OF_ALL_MEMBERS.match(text, m.start())
            )
        ),
        None,
    )
    if other is not None and (
        other.start() < quantity.start
        or not any(quantity.end <= q.start < other.start() for q in find_percents(text))
    ):
        # "two-thirds of total allied spending ..., down from 72%": a share of something else; but
        # in "3.22%, or about $980bn, some 63% of all allied spending" the share is the 63%
        return False
    # "The United Kingdom pays about 11%, France about 10%": a share of a pot paid into, not of GDP
    if _PAYS.search(text, start, quantity.start) and not _SPEND_WORD.search(text, start, quantity.start):
        return False
    # Only called in an article about defence: a paragraph that speaks of spending or GDP is enough.
    return _SPENDING_TALK.search(context) is not None or _SPEND_WORD.search(text, start, end) is not None


_PAYS = re.compile(r"\b(?:pays?|paid|paying|contribut(?:es?|ed|ing))\b", re.I)
_RESTATED_AS = re.compile(
    r"\s*\)?\s*,?\s*(?:or|i\.e\.|equal\s+to|equivalent\s+to)\s+(?:about\s+|around\s+|roughly\s+|some\s+)?"
)
_SHARE_OF = re.compile(r"(?:%|\bper\s*cent|\bpercent)\s+of\s+(?:its\s+|the\s+)?$", re.I)


_SPENT_BY_OWNER = re.compile(
    r"\s+(?:that|which)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s+(?:has\s+|had\s+)?(?:spent|spends|budgeted|allocated)\b"
    # not on something else: "the €45bn that Italy spent last year on pensions"
    r"(?![^.;,]{0,30}\bon\s+(?!defen[cs]e|the\s+military|the\s+armed|its\s+(?:armed|military)))"
)


def _amount_metric(text: str, quantity: Quantity, context: str, labelled: bool = False) -> Metric | None:
    """Return AMOUNT for a defence budget or spending, AMOUNT_INCREASE for a rise in it ("an extra
    €4bn"), or None for aid, loans, an economy or money that is not defence's. labelled: the amount
    opens a line an ally labels, so the label stands for its spending."""
    start, end = next(((s, e) for s, e in clause_spans(text) if s <= quantity.start < e), (0, len(text)))
    label = _label_of(text)
    if label is not None and _LABELLED_AMOUNT.fullmatch(text, label.end(), quantity.start):
        start = 0  # "Defence budget, 2026 — €2.8 billion": the label says what the amount is
    # Only the words up to just past the figure: "... before counting the special fund" is another thing.
    colon = text.rfind(": ", start, quantity.start)
    if colon >= 0 and _SPENDING_NOUN.search(text, colon, quantity.start):
        start = colon + 1  # "She points to the order book: Germany's defence budget ... is €86bn"
    # ... and not past a comma after it: "NOK 150 billion, a rise of NOK 19 billion" is a level
    comma = text.find(",", quantity.end, quantity.end + 15)
    near = _INCLUDING_ASIDE.sub(" ", text[start : min(end, comma if comma >= 0 else quantity.end + 15)])
    if _PARTICIPLE_CLAUSE.match(text, start):
        # "announced a joint air-defence purchase, committing DKK 9bn": the participle's money is
        # what the clause before it names
        near = f"{text[text.rfind(',', 0, max(0, start - 2)) + 1 : start]} {near}"
    economy = _ECONOMY.search(text, max(start, quantity.start - 20), quantity.start) or _ECONOMY_WORTH.search(
        text, max(start, quantity.start - 45), quantity.start
    )
    if economy is not None and not (
        _SHARE_OF.search(text, max(0, economy.start() - 20), economy.start())
        and _RESTATED_AS.fullmatch(text, economy.end(), quantity.start)
    ):
        return None  # "whose GDP is €4.3 trillion"; but "2.8% of GDP, or €131bn" restates a share
    before = _INCREASE_BEFORE.search(text, max(start, quantity.start - 30), quantity.start)
    increase = before is not None or _INCREASE_AFTER.match(text, quantity.end) is not None
    spending = (
        increase
        or labelled
        or _SPENDING_NOUN.search(text, start, quantity.start) is not None
        # "the €45bn that Italy spent"
        or _SPENT_BY_OWNER.match(text, quantity.end) is not None
        # "sets out C$63.8 billion for 2026-27, or about 2.1 per cent of GDP": a share of GDP restates it
        or _SHARE_RESTATES.match(text, quantity.end) is not None
        # "He put the total at 201 billion zloty" after the level: in a paragraph on spending, its sum
        or (
            _THE_TOTAL.fullmatch(text, 0, quantity.start) is not None
            and _SPENDING_NOUN.search(context) is not None
        )
        # "Germany's spending rose to $88.5bn. Poland's grew to $38.0bn": the possessive stands for it
        or (
            _ELLIPTIC_POSSESSIVE.search(text, start, quantity.start) is not None
            and _SPENDING_NOUN.search(context)
        )
    )
    talk = _AMOUNT_TALK.search(text, start, min(end, quantity.end + 40)) or (
        spending and _DEFENCE_TALK.search(context)
    )
    if (
        not talk
        or _NOT_AMOUNT.search(near)
        or _AID_AFTER.match(text, quantity.end)
        or _to_non_ally(text, quantity.end)
    ):
        return None
    if increase:
        return Metric.AMOUNT_INCREASE
    # Only from the figure before: in "rose by 28% to $88.5bn" the change is the 28%, not the amount.
    previous = [q.end for q in (*find_percents(text), *find_money(text)) if start <= q.end <= quantity.start]
    # ... and up to a comma after it: "is £64.1 billion, an increase of £3.4 billion" is a level
    after = min(end, quantity.end + 15, comma if comma >= 0 else len(text))
    # "With the extra money, the defence budget lands at NOK 121.7 billion": the opening phrase
    # tells how the level came about, and the level is the clause's
    opening = OPENING_PHRASE.match(text, start)
    own_start = opening.end() if opening is not None and opening.end() <= quantity.start else start
    if _CHANGE_WORD.search(text, max([own_start, *previous]), after):
        return None  # "rose by €4bn", "an additional ... of which": a change, not a level
    return Metric.AMOUNT


# Money sent somewhere: "EUR 20 million in military equipment to neighbouring Moldova"
_SENT_TO = re.compile(
    r"[^.;,]{0,40}?\b(?:equipment|aid|assistance|support|weapons|arms|donat\w*|gifts?|sen[dt]|sending|giv\w+"
    r"|provid\w+|promis\w+|pledg\w+)\b[^.;,]{0,25}?\bto\s+(?:neighbouring\s+|the\s+)?(?=[A-Z])"
)


def _to_non_ally(text: str, end: int) -> bool:
    """Return whether an amount goes to a country outside the alliance (aid), by the words after it."""
    sent = _SENT_TO.match(text, end)
    if sent is None:
        return False
    named = find_country_mentions(text[sent.end() : sent.end() + 40])
    return bool(named) and named[0][1] == 0 and not named[0][0].nato_member


def _qualified(text: str, quantity: Quantity) -> _Found:
    """Return a figure with its qualifier: a bound keeps its words and loses its value."""
    qualifier = qualifier_before(text, quantity.start)
    verb = _BOUND_VERB.search(text, max(0, quantity.start - 12), quantity.start)
    if (
        qualifier is None
        and verb is None
        and text.endswith("past ", max(0, quantity.start - 8), quantity.start)
        and _PUSHED_PAST.search(text, max(0, quantity.start - 80), quantity.start) is not None
    ):
        at = quantity.start - len("past ")
        return _Found(None, at, quantity.end, text[at : quantity.end], quantity.currency, False)
    if qualifier is None and verb is not None:
        return _Found(
            None, verb.start(), quantity.end, text[verb.start() : quantity.end], quantity.currency, False
        )
    if qualifier is None:
        return _Found(quantity.value, quantity.start, quantity.end, quantity.text, quantity.currency, False)
    if qualifier.kind is QualifierKind.APPROXIMATE:
        return _Found(quantity.value, quantity.start, quantity.end, quantity.text, quantity.currency, True)
    written = text[qualifier.start : quantity.end]
    return _Found(None, qualifier.start, quantity.end, written, quantity.currency, False)


# --- who owns a figure ------------------------------------------------------------------------


def _owners(text: str, figures: list[tuple[_Found, Metric]]) -> list[_Owner]:
    """Return the spenders named in a sentence: countries, demonyms, capitals, and the alliance as a subject.

    Not spenders: a demonym after a preposition ("by Polish estimates"), a possessive before
    anything but spending ("before Russia's full-scale invasion"), the alliance after a preposition
    ("in the alliance"), in brackets, as a source ("NATO estimates", "according to NATO") or as the
    possessor of anything but spending ("Belgium, long the alliance's favourite example of ...").
    """
    spans = [(f.start, f.end) for f, _ in figures]
    found = [_Owner(c.code, s, e) for c, s, e in find_country_mentions(text)]
    found += _acting_seats(text)
    found += [
        _Owner(c.code, s, e)
        for c, s, e in find_demonyms(text)
        # "a German-led brigade", "French-built frigates": a compound adjective names no spender
        if not _after_preposition(text, s) and not _COMPOUND_ADJECTIVE.match(text, e)
    ]
    found = [
        o
        for o in found
        if not (_POSSESSIVE_OF_OTHER.match(text, o.end) or _POSSESSED_COMPANY.match(text, o.end))
        and not is_venue(text, o.start, o.end)
        and not _excepted(text, o.start, o.end)
    ]
    alliance = [
        _Owner("NATO", m.start(), m.end())
        for m in _ALLIANCE.finditer(text)
        # "Denmark, an ally with a small economy, which spent ...": the ally before it, described
        if not (
            m.group(0).lower() == "ally" and _APPOSED_ALLY.search(text, max(0, m.start() - 60), m.start())
        )
        # "Sweden joined as the 32nd ally": which ally it is, not the alliance
        and not (m.group(0).lower() == "ally" and _NTH_ALLY.search(text, max(0, m.start() - 25), m.start()))
        and not _after_preposition(text, m.start())
        and not _NATO_KIND.match(text, m.end())  # "NATO-eligible defence spending": a kind of spending
        and not _ALLIANCE_OBJECT.search(text, max(0, m.start() - 40), m.start())
        and not (
            _TOLD_BEFORE.search(text, max(0, m.start() - 20), m.start())
            and _OWN_PLAN_AFTER.match(text, m.end())
        )
        and not _ALLIANCE_TARGET.match(text, m.end())
        and not _ALLIANCE_MEMBER.match(text, m.end())
        and not _ALLIANCE_MEETING.match(text, m.end())
        and not _ALLIANCE_AS_SOURCE.match(text, m.end())
        and not _POSSESSIVE_OF_OTHER.match(text, m.end())  # "the alliance's favourite example"
        and text.count("(", 0, m.start()) <= text.count(")", 0, m.start())
    ]
    kept = [o for o in found + alliance if not any(o.start < e and s < o.end for s, e in spans)]
    return sorted(kept, key=lambda o: o.start)


def _excepted(text: str, start: int, end: int) -> bool:
    """Return whether a mention is of an ally left out ("except Spain"), with no figure of its own after it."""
    return (
        _EXCEPTED_BEFORE.search(text, max(0, start - 30), start) is not None
        and _DESCRIBED_AFTER.match(text, end) is None
    )


def _non_ally_spending(text: str) -> bool:
    """Return whether a sentence speaks of a country outside the alliance's spending: "A figure of
    about 6% is closer to Western estimates of Russia's military spending" gives no ally's figure."""
    return any(
        not c.nato_member
        and _POSSESSED_SPENDING.match(text, e) is not None
        # "with part of it going to Ukraine's defence budget": where the ally's money goes
        and _AID_DESTINATION.search(text, max(0, s - 12), s) is None
        for c, s, e in find_country_mentions(text)
    )


def _other_ally_before(text: str, at: int, topic: str) -> bool:
    """Return whether an ally other than the topic is named before a figure, in any role.

    "Canada's 2024-25 defence spending was 1.37%" after a paragraph on Denmark: whether or not
    Canada reads as the spender, the figure is not Denmark's.
    """
    return any(
        c.code != topic and c.nato_member and s < at and not is_venue(text, s, e)
        for c, s, e in find_country_mentions(text)
    )


def _spender_like(text: str, owners: list[_Owner]) -> list[_Owner]:
    """Return the owners that may be a sentence's spender: not the object of "of" or "against"
    ("before Russia's full-scale invasion of Ukraine" names no spender of the sentence), nor whom aid
    goes to ("support to Ukraine"), nor joined
    to one ("compare with those of France and Germany")."""
    kept, previous = [], None
    for owner in owners:
        objected = (
            _OBJECT_OF.search(text, max(0, owner.start - 12), owner.start) is not None
            or _BENEFICIARY_BEFORE.search(text, max(0, owner.start - 30), owner.start) is not None
        ) or (
            previous is not None
            and previous[1]
            and _JOINED.fullmatch(text, previous[0].end, owner.start) is not None
        )
        if not objected:
            kept.append(owner)
        previous = (owner, objected)
    return kept


_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(?:the\s+)?|\s*,\s*")
# Whom aid goes to spends none of it: "to add the planned military support to Ukraine to the budget".
_BENEFICIARY_BEFORE = re.compile(
    r"\b(?:aid|support|assistance|help|loans?|grants?|donations?|deliveries)\s+(?:to|for)\s+$", re.I
)


def _after_preposition(text: str, start: int) -> bool:
    """Return whether a mention follows a preposition ("in the alliance", "by Polish estimates")."""
    return _PREPOSITION_BEFORE.search(text, max(0, start - 20), start) is not None


def _figure_owners(
    text: str, figures: list[tuple[_Found, Metric]], index: int, owners: list[_Owner], clause_start: int
) -> list[str]:
    """Return the countries a figure belongs to: the nearest named before it, or its listed partner."""
    figure = figures[index][0]
    after = next((o for o in owners if o.start >= figure.end), None)
    if after is not None and _OWNER_AFTER.fullmatch(text, figure.end, after.start):
        relative = bool({"that", "which"} & set(text[figure.end : after.start].lower().split()))
        if not relative or _SPENT_AFTER_OWNER.match(text, after.end):
            return [after.code] if _is_ally(after.code) else []
    if (
        after is not None
        and _FRONTED.fullmatch(text, 0, figure.start)
        and _FRONTED_TO_SUBJECT.fullmatch(text, figure.end, after.start)
    ):  # "At 4.1% of GDP, Poland is the biggest spender": the subject after the fronted phrase
        return [after.code] if _is_ally(after.code) else []
    if _OWNER_AFTER_ALLIANCE.match(text, figure.end):  # "2.7% for the alliance as a whole"
        return []
    if _AGAINST_BEFORE.search(text, max(0, figure.start - 20), figure.start):
        return []
    asides = [
        m.span()
        for pattern in (RELATIVE, _INCLUDING_ASIDE, _LIKE_ASIDE)
        for m in pattern.finditer(text, clause_start, figure.start)
        if m.end() <= figure.start
        # "..., as does Norway, which the book credits with 2.2%": the relative clause is Norway's
        # (not "unlike Poland, which ..., stood at", whose figure is after the relative clause)
        and not (
            pattern is _LIKE_ASIDE
            and _AS_DOES.match(text, m.start())
            and _RELATIVE_NEXT.match(text, m.end())
            and "," not in text[m.end() : figure.start]
        )
    ]
    candidates = [
        o
        for o in owners
        if clause_start <= o.start and o.end <= figure.start and not any(s <= o.start < e for s, e in asides)
    ]
    # "Spain — the other southern ally in Washington's sights — stood at 1.28%": an aside between
    # dashes describes the subject before it; but "The top spender — Poland — reached 4.1%" names it
    dashed = [m.span() for m in DASHED_ASIDE.finditer(text, clause_start, figure.start)]
    outside = [o for o in candidates if not any(s <= o.start < e for s, e in dashed)]
    if outside and any(not text[o.end : s].strip() for o in outside for s, _ in dashed):
        candidates = outside  # only an aside right after its subject ("Spain — the ally ... —")
    candidates = _without_compared(text, candidates, figure.start)
    if not candidates:
        return []
    nearest = candidates[-1]
    if (
        _OBJECT_OF_PREPOSITION.search(text, max(0, nearest.start - 12), nearest.start)
        and any(o.code != nearest.code for o in candidates[:-1])
        and _WHICH.search(text, nearest.end, figure.start)
    ):
        # "Brazil, partner of Portugal in the Community ..., which dedicates around 1.1%": the relative
        # clause may be about either country; the one after "of" is only the likelier by distance
        return []
    if (
        len(candidates) >= 2
        and _RELATIVE_OPENS.search(text, max(0, nearest.start - 16), nearest.start)
        and _ESTIMATES_AFTER.match(text, nearest.end)
        # only before a non-ally: "the deal with the United Kingdom, which Oslo says will push its
        # spending to 3.2%" is Norway's own
        and not _is_ally(candidates[-2].code)
    ):
        # "Russia, which Swedish intelligence estimates is devoting 6%": who estimates is no subject;
        # the relative clause is about the country before "which"
        candidates = candidates[:-1]
        nearest = candidates[-1]
    # An aside's own words are not the clause's: "Sweden, which ... when it joined, offers a contrast:
    # it expects to spend 2.8%" has no subject but Sweden's before the figure.
    between = _outside(text, nearest.end, figure.start, asides)
    # "Poland, she noted, plans to spend 4.8%": the reporter's aside names no other subject
    between = _REPORTING_ASIDE.sub(" ", between)
    if (
        _PRONOUN_SUBJECT.search(between)
        and not (_SAYS_IT.match(between) or _TAKING_IT.search(between))
        # "Germany's budget for 2026 puts it at 2.8%": "it" is the verb's object, the spending
        and not (_IT_AT.search(between) and len(_PRONOUN_SUBJECT.findall(between)) == 1)
        # "Portugal and Spain missed it too, at 1.86% and 1.94% respectively": "it" is the line missed
        and not (_MISSED_IT.search(between) and len(_PRONOUN_SUBJECT.findall(between)) == 1)
        and not (_LEADER_SAYS.match(between) and len(_PRONOUN_SUBJECT.findall(between)) == 1)
        and not (
            _POSSESSED_SPENDING.match(text, nearest.end)
            and len(_PRONOUN_SUBJECT.findall(between)) == len(_SPENDING_PRONOUN.findall(between))
        )
        # "the Danish government created a fund ..., and it now expects 3.2%": "it" is the government
        and not (_GOVERNMENT_AFTER.match(text, nearest.end) and not _PERSONAL_PRONOUN.search(between))
        # "Sweden ... offers a contrast: it expects to spend 2.8%": the sentence's subject, then "it"
        and not (
            _SENTENCE_OPENING.fullmatch(text, 0, nearest.start)
            and (_COLON_IT.match(between) or _AND_IT.match(between))
        )
        and not (_TOPIC_OPENING.fullmatch(text, 0, nearest.start) and _TOPIC_IT.match(between))
    ):
        # "it would spend": a subject other than the country, unless "Warsaw says it will", or the
        # pronoun is the country's spending itself ("Estonia's outlays ..., when they stood at 1.9%")
        return []
    group = _listed_with(text, candidates)
    if any(o.code == "NATO" for o in group):
        return []
    if len(group) == 1:
        return [nearest.code] if _is_ally(nearest.code) else []
    joined = _figure_group(text, figures, index)
    if len(joined) == len(group):
        code = group[joined.index(index)].code
        return [code] if _is_ally(code) else []
    # "both", "each", or a relative clause on the whole list: "Belgium and Canada, which spend less than 2%"
    if len(joined) == 1 and (
        _EACH.search(text, nearest.end, figure.end + 12) or _LIST_RELATIVE.match(text, nearest.end)
    ):
        return [o.code for o in group if _is_ally(o.code)]
    return []


_RELATIVE_OPENS = re.compile(r",\s+(?:which|who|that)\s+(?:the\s+)?$", re.I)
# Who estimates or says, after a relative pronoun: "which Swedish intelligence estimates is ..."
_ESTIMATES_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+[a-z]+){0,3}?\s+(?:estimates?|says?|said|believes?|reckons?|thinks?|calculates?|claims?)\s",
    re.I,
)
_OBJECT_OF_PREPOSITION = re.compile(r"\b(?:of|with|to|for|from|like|than)\s+(?:the\s+)?$", re.I)
_WHICH = re.compile(r",\s+(?:which|who|that)\s", re.I)


def _outside(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """Return text[start:end] with the spans in it left out (each replaced by one space)."""
    pieces, at = [], start
    for s, e in sorted(spans):
        if s >= at and e <= end:
            pieces += [text[at:s], " "]
            at = e
    return "".join([*pieces, text[at:end]])


def _without_compared(text: str, candidates: list[_Owner], figure_start: int) -> list[_Owner]:
    """Return the candidates less the allies a ranking compares the subject with, when the figure is the subject's.

    In "Latvia ranked third behind Poland and Lithuania, with 3.9%" the figure is Latvia's: the
    allies after "behind" are the ones it is compared with. Only ", with"/", at"/", on" between
    them and the figure says so; a figure attached to them stays theirs ("ahead of Estonia (3.4%)",
    "behind Belgium and Canada, both on 2.1%", "ahead of Britain, which was third with £71bn").
    """
    if not candidates:
        return candidates
    group = _listed_with(text, candidates)
    if _COMPARED_WITH.search(text, max(0, group[0].start - 25), group[0].start) and _DETACHED.fullmatch(
        text, group[-1].end, figure_start
    ):
        return candidates[: len(candidates) - len(group)]
    return candidates


def _listed_with(text: str, candidates: list[_Owner]) -> list[_Owner]:
    """Return the last candidate with the ones joined to it by commas and "and", in order."""
    group = [candidates[-1]]
    for owner in reversed(candidates[:-1]):
        if not _GROUP_JOIN.match(text[owner.end : group[0].start]):
            break
        group.insert(0, owner)
    return group


def _lead_start(text: str, figures: list[tuple[_Found, Metric]], index: int, start: int) -> int:
    """Return where the words that lead to figure index begin: after the figure before it, or,
    for a later part of one pledge ("committed to spend 3.5% on core defence and 1.5% on related
    spending") or the same level in another unit ("€93.4 billion, about 2.8% of GDP"), where the
    first one's words begin."""
    at = index
    while at and (
        _PARTS_JOIN.fullmatch(text, figures[at - 1][0].end, figures[at][0].start)
        # one level in two units: "Budget 2026 raises it to $68.4 billion this year, about 2.2% of GDP"
        or (
            {figures[at - 1][1], figures[at][1]} == {Metric.AMOUNT, Metric.SHARE_OF_GDP}
            and _APPOSED_SHARE.fullmatch(text, figures[at - 1][0].end, figures[at][0].start)
        )
    ):
        at -= 1
    return max(start, figures[at - 1][0].end) if at else start


def _figure_group(text: str, figures: list[tuple[_Found, Metric]], index: int) -> list[int]:
    """Return the indexes of the figures joined to figure index by commas and "and"."""
    group = [index]
    for before in range(index - 1, -1, -1):
        if not _FIGURE_JOIN.match(text[figures[before][0].end : figures[group[0]][0].start]):
            break
        group.insert(0, before)
    for after in range(index + 1, len(figures)):
        if not _FIGURE_JOIN.match(text[figures[group[-1]][0].end : figures[after][0].start]):
            break
        group.append(after)
    return group


def _is_ally(code: str) -> bool:
    """Return whether a code is a NATO member's."""
    return code != "NATO" and by_code(code).nato_member


# What a "by the numbers" entry must say for its figure to be an ally's spending: the ally, as the
# one owner of the spending ("Germany's estimated defence spending this year", "Spain's defence
# spending as a share of GDP"), and nothing that makes it another quantity.
# "30 — The number of allies that NATO estimates spent at least 2% of GDP in 2026, up from 23 in 2024"
_COUNT_ENTRY = re.compile(r"(?:the\s+)?number\s+of\s+(?:NATO\s+)?(?:allies|members|member\s+states)\b", re.I)
_WHOLE_NUMBER = re.compile(r"\d{1,2}")
_OUT_OF = re.compile(r"\bout\s+of\s+(?:the\s+)?(?P<total>\d{1,2})\b")
_COUNT_BASE = re.compile(r",?\s+(?:up|down)\s+from\b|,?\s+compared\s+with\b", re.I)  # the earlier count
_MEETING = re.compile(r"\b(?:at\s+least|met|meet|meeting|reached|reach|hit|above|exceed\w*)\b", re.I)
_SHORT_OF = re.compile(r"\b(?:below|under|short|missed|miss|fail\w*|not)\b", re.I)


def _count_entry(
    passage: Passage, entry: re.Match[str], published: PartialDate | None
) -> list[SpendingRecord]:
    """Return the count of allies a "by the numbers" entry gives, at the target and in the year its
    words give before any other number."""
    what = entry.group("what")
    targets = find_percents(what)
    lead = what[: targets[0].start] if targets else ""
    if not targets or targets[0].value is None or not _MEETING.search(lead) or _SHORT_OF.search(lead):
        return []  # "7 — the number of allies below 2% of GDP this year" counts those missing it
    own = _COUNT_BASE.split(what, maxsplit=1)[0]  # "... in 2026, up from 23 in 2024": 2026 is its year
    times = [t for t, _, _ in find_times(own, published) if t.year]
    when = times[0] if len(times) == 1 else None
    status = figure_status(what, when, published, _ESTIMATES.search(what) is not None)
    out_of = _OUT_OF.search(lead)
    return [
        SpendingRecord(
            passage=passage.position,
            subject="NATO",
            metric=Metric.ALLIES_MEETING_TARGET,
            when=when,
            value=float(entry.group("figure").strip()),
            target=targets[0].value,
            total=int(out_of.group("total")) if out_of else None,  # "The number of allies, out of 32, ..."
            as_written=entry.group("figure").strip(),
            status=FigureStatus.ESTIMATE if status is FigureStatus.PLANNED else status,
        )
    ]


_ENTRY_OWNER = re.compile(
    # "Germany's total defence spending", "The US national defence budget for fiscal 2027"
    r"^(?:[Tt]he\s+)?(?P<owner>[A-Z][\w .’'-]{1,40}?)(?:['’]s?|,)?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:(?:defen[cs]e|military)\s+)?(?:spending|budget|outlays|expenditure|share(?:\s+of\s+GDP)?)\b"
)
_ENTRY_SPENT = re.compile(
    r"^(?:What|How\s+much)\s+(?:the\s+)?(?P<owner>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+(?:now\s+|still\s+)?"
    r"(?:(?:says\s+it\s+|expects\s+to\s+|plans\s+to\s+|will\s+|is\s+(?:set|due)\s+to\s+)?(?:spent|spend)"
    # "What the Netherlands now projects for this year, up from 2.2%": the figure is all it projects
    r"|(?:projects|projected|expects|forecasts)(?=\s+for\s+(?:this|next)\s+year\s*[,.;]|\s+for\s+(?:19|20)\d\d\s*[,.;]))\b"
)
# "The share of GDP Poland plans to spend on defence this year" (on defence, or on nothing named:
# "to spend on infrastructure" is another share)
_ENTRY_SHARE_SPENT = re.compile(
    r"^(?:The\s+)?share\s+of\s+(?:GDP|gross\s+domestic\s+product|(?:its\s+)?economic\s+output)\s+(?:that\s+)?(?:the\s+)?"
    r"(?P<owner>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+(?:plans|expects|intends|aims|is\s+set|is\s+due|says\s+it\s+will)"
    r"\s+to\s+spend\b(?!\s+on\s+(?!defen[cs]e\b|the\s+military\b|its\s+(?:armed|military)))"
)
_ENTRY_POSSESSED = re.compile(
    r"\b(?P<owner>[A-Z][\w.’'-]{1,30}?)['’]s\s+(?:(?:defen[cs]e|military)\s+)?spending\b"
)
_ENTRY_OTHER = re.compile(
    r"\b(?:increase|rise|growth|grew|cut|procurement|equipment|investment|number|count|target|goal|"
    r"per\s+(?:head|capita|person)|aid|support|loan)\b",
    re.I,
)


# A figure alone on its line, as a newsletter's "five numbers" head their paragraphs: "**4.7%**".
_LONE_FIGURE = re.compile(r"[ \t]*(?:\*\*|__)?(?P<figure>[^*_\n]{1,25}?)(?:\*\*|__)?[ \t]*")
# "That is Poland's defence spending ...": the paragraph under it says whose the figure is.
_THAT_IS = re.compile(r"(?:That|This|It)(?:\s+is|['’]s)\s+(?=\S)")


def _figure_heading(article: Article, passage: Passage) -> re.Match[str] | None:
    """Return a "by the numbers" entry made of a lone figure's line and the first sentence of the
    paragraph under it ("**2.3%**" / "Spain's estimated share for this year, ..."), if the passage is one."""
    before = article.passages[passage.position - 1] if passage.position > 0 else None
    if before is None or before.paragraph != passage.paragraph - 1:
        return None
    lone = _LONE_FIGURE.fullmatch(before.text)
    if lone is None or not _NUMBER_CUE.search(lone.group("figure")):
        return None
    what = passage.text
    said = _THAT_IS.match(what)
    entry = FIGURE_FIRST.match(f"{lone.group('figure').strip()} — {what[said.end() if said else 0 :]}")
    if entry is None or WRITTEN_YEAR.fullmatch(entry.group("figure").strip()):
        return None
    return entry


def _figure_first(
    passage: Passage, entry: re.Match[str], published: PartialDate | None, *, shares: bool = False
) -> list[SpendingRecord]:
    """Return the spending a "by the numbers" entry gives ("2.4% — Germany's estimated defence
    spending this year"): the figure before the dash, whose the words after it say.

    shares: the article has said, before the entry, that its figures are shares of GDP ("Shares
    of GDP are NATO estimates for 2026"): then an entry that names an ally alone ("2.9%: Germany, whose budget ...") gives that
    ally's share; a range ("2.1% to 2.3%: France") is stored as a range, with no single value.
    """
    text, what = entry.string, entry.group("what")
    counted = _COUNT_ENTRY.match(what)
    if counted is not None and _WHOLE_NUMBER.fullmatch(entry.group("figure").strip()):
        return _count_entry(passage, entry, published)
    # "What Canada says it spent in the fiscal year ...", "The range in which Madrid expects Spain's
    # spending to land this year"
    owner = (
        _ENTRY_SPENT.match(what)
        or _ENTRY_SHARE_SPENT.match(what)
        or _ENTRY_OWNER.match(what)
        or _ENTRY_POSSESSED.search(what)
    )
    bare = _BARE_ENTRY.match(what) if owner is None and shares else None
    named = owner or bare
    codes = _codes(named.group("owner")) if named is not None else []
    if len(codes) != 1 or _ENTRY_OTHER.search(what):
        return []
    figure = entry.group("figure").strip()
    percents, amounts = find_percents(figure), find_money(figure)
    ranged = _RANGE.fullmatch(figure) if len(percents) == 2 else None
    if len(percents) == 2 and ranged is None:
        return []
    if not percents and not amounts and (ranged := _RANGE.fullmatch(figure)) is not None:
        # "1.3-1.5% — The range in which Madrid expects Spain's spending to land": a range of shares,
        # whose low end the number reader leaves alone (a dash may glue a number to another)
        percents = find_percents(f"{ranged.group('high')}%")
    if percents and (
        "GDP" in what
        or "defence spending" in what.lower()
        or "defense spending" in what.lower()
        # "Spain's estimated share for this year", "Spain's spending last year" (in an article on defence)
        or (
            owner is not None
            and owner.group(0).endswith(
                ("share", "spending", "spent", "spend", "projects", "projected", "expects", "forecasts")
            )
        )
        or (bare is not None and all(q.value is not None and q.value <= _MOST_SHARE for q in percents))
    ):
        quantity, metric = percents[0], Metric.SHARE_OF_GDP
    elif amounts and amounts[0].currency:
        quantity, metric = amounts[0], Metric.AMOUNT
    else:
        return []
    # the entry's own time comes before any other figure it mentions: "€108 billion — Germany's total
    # defence spending in 2026, ..., up from €86 billion in 2025"
    others = [q.start for q in (*find_percents(what), *find_money(what))]
    written = sorted([*find_times(what, published), *_fiscal_years(what, published)], key=lambda t: t[1])
    times = [t for t in written if not any(o < t[1] for o in others)]
    # a year over a month: "... budget for fiscal 2027 that Congress passed in December" is 2027's
    years = [t for t in times if t[0].month is None]
    when = years[0][0] if len(years) == 1 else times[0][0] if len(times) == 1 else None
    status = figure_status(what, when, published, _ESTIMATES.search(what) is not None)
    if metric is Metric.AMOUNT and status is FigureStatus.ESTIMATE and _BUDGET_WORD.search(what):
        status = FigureStatus.PLANNED  # "Germany's total defence budget for 2026"
    return [
        SpendingRecord(
            passage=passage.position,
            subject=codes[0],
            metric=metric,
            when=when,
            value=None if ranged else quantity.value,
            currency=quantity.currency,
            as_written=text[entry.start("figure") : entry.end("figure")].strip(),
            status=status,
        )
    ]


# An entry that names an ally alone, perhaps with an aside: "Germany, whose ...", "France."
_BARE_ENTRY = re.compile(r"(?:[Tt]he\s+)?(?P<owner>[A-Z][\w .’'-]{1,40}?)\s*(?:[,;.(]|$)")
_SHARES_FRAME = re.compile(r"\bshares?\s+of\s+(?:GDP|gross\s+domestic\s+product|economic\s+output)\b", re.I)
_MOST_SHARE = 10.0  # no ally spends more than this share of GDP on defence: a larger one is something else


def _codes(label: str) -> list[str]:
    """Return the allies a label names."""
    return [c.code for c, _, _ in find_country_mentions(label) if c.nato_member]


# A row label for a group, not for the ally it names: "European allies and Canada", "NATO total excl. US".
_GROUP_LABEL = re.compile(
    r"\b(?:and|plus|excl|excluding|ex|without|other|rest|average|avg|median|mean|total|sum"
    r"|allies|members|countries|states|NATO|EU|Europe|European)\b|&",
    re.I,
)


def _allies_as_rows(rows: list[list[str]]) -> list[list[str]]:
    """Return a table with allies across and years down ("| Year | Poland | Estonia |" over "| 2016 |
    1.99 | 2.08 |") turned so that each ally is a row and each year a column, as tables mostly are;
    any other table as it is."""
    if len(rows) < 2 or len(rows[0]) < 3:
        return rows
    across = [_row_allies(cell) for cell in rows[0][1:]]
    down = [row for row in rows[1:] if YEAR_CELL.fullmatch(row[0])]
    # a column for a non-ally or a group ("Austria (non-NATO)", "EU average") is turned too, and
    # then read as no ally's row
    if any(len(codes) > 1 for codes in across) or sum(len(codes) == 1 for codes in across) < 2:
        return rows
    if len(down) != len(rows) - 1:
        return rows
    width = len(rows[0])
    padded = [(row + [""] * width)[:width] for row in rows]
    return [list(column) for column in zip(*padded, strict=True)]


def _row_allies(label: str) -> list[str]:
    """Return the allies a table row's label names, none for a group's row ("European allies and Canada")."""
    mentions = [(c, s, e) for c, s, e in find_country_mentions(label) if c.nato_member]
    rest, end = [], 0
    for _, start, stop in mentions:  # the label's words besides the allies' names
        rest.append(label[end:start])
        end = stop
    rest.append(label[end:])
    return [] if _GROUP_LABEL.search(" ".join(rest)) else [c.code for c, _, _ in mentions]


def _label_codes(label: str) -> list[str]:
    """Return the allies a line's label is about: named first ("Norway", "🇳🇴 Norway (est.)",
    "Norway's budget"), not in passing ("Joint procurement with Slovakia" is a line item, not Slovakia's)."""
    mentions = [(c, s) for c, s, _ in find_country_mentions(label) if c.nato_member]
    if not mentions or _LABEL_LEAD.fullmatch(label, 0, mentions[0][1]) is None:
        return []
    return [c.code for c, _ in mentions]


# --- when -------------------------------------------------------------------------------------


# "climbed from 1.55% to 2% of GDP between 2024 and 2025": the first year is the "from" figure's,
# the second the "to" figure's.
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+)?$", re.I)
_TO_BETWEEN = re.compile(r"\s*(?:of\s+(?:its\s+)?GDP\s+)?to\s+(?:about\s+|around\s+|roughly\s+)?", re.I)
_YEARS_AFTER_PAIR = re.compile(
    r"\s*(?:of\s+(?:its\s+)?(?:GDP|gross\s+domestic\s+product)\s+)?(?:between|from)\s+"
    r"(?P<first>(?:19|20)\d\d)\s*(?:and|to|-|–)\s*(?P<second>(?:19|20)\d\d)\b",
    re.I,
)


def _spanned_year(text: str, figures: list[tuple[_Found, Metric]], index: int) -> TimeRef | None:
    """Return a figure's year when it is one end of "from A to B between Y1 and Y2"."""
    for start in (index, index - 1):
        if start < 0 or start + 1 >= len(figures):
            continue
        low, high = figures[start][0], figures[start + 1][0]
        if (
            _FROM_BEFORE.search(text, max(0, low.start - 22), low.start)
            and _TO_BETWEEN.fullmatch(text, low.end, high.start)
            and (years := _YEARS_AFTER_PAIR.match(text, high.end)) is not None
        ):
            year = years.group("first") if index == start else years.group("second")
            return TimeRef(text=year, year=int(year))
    return None


# The economy's size, apposed to the GDP a share is of: "3.5% of GDP, now €4.3 trillion, on ...".
_ECONOMY_SIZE_ASIDE = re.compile(
    r"\s+of\s+(?:its\s+|the\s+)?GDP\s*(?P<aside>,\s*(?:now|currently|worth|valued\s+at|estimated\s+at)\s+[^,;]{1,40},)",
    re.I,
)
# A plan the text says has no date: "will reach 2.5% but, once again, attaches no date"
_NO_DATE = re.compile(
    r"\b(?:attach\w*|gives?|gave|set\w*|put\w*)\s+no\s+(?:date|deadline|timetable|year)\b|\bno\s+(?:date|deadline|timetable)\s+(?:has\s+been\s+|was\s+|is\s+)?(?:set|given|attached)\b|\bundated\b",
    re.I,
)
_SUBORDINATE_GAP = re.compile(r",\s*(?:after|before|when|while|since|having)\s", re.I)
_YEARLY_SPAN = re.compile(
    r"(?:\s+of\s+(?:its\s+)?(?:GDP|gross\s+domestic\s+product))?(?:\s+on\s+(?:defen[cs]e|the\s+military))?"
    r"\s+(?:(?P<each>a|per|each|every)\s+year\s+(?:from|between)\s+|(?:for|over)\s+(?:the\s+years\s+)?)"
    r"(?P<first>(?:19|20)\d\d)\s*(?:to|until|through|and|-|–)\s*(?P<last>(?:19|20)\d\d)\b",
    re.I,
)
# A further part of one pledge: "and a further 1.5%", "plus up to 1.5%".
_ANOTHER_PART = re.compile(r"\b(?:and|plus)\s+(?:(?:a\s+further|another|up\s+to|at\s+least)\s+)?$", re.I)
_TIME_REACH = 60  # characters from a figure to a time written after it
_TIME_REACH_PAST_COMMA = 45


def _time_of(
    text: str,
    figures: list[tuple[_Found, Metric]],
    index: int,
    times: list[tuple[TimeRef, int, int]],
    clause_start: int,
    clause_end: int,
    *,
    apposed: bool = False,
) -> TimeRef | None:
    """Return a figure's time: written right after it (or its list), else before it, else its clause's one year.

    A figure that continues another with "from" ("up from NOK 91bn") takes only the time written
    after it: the times before it are the other figure's. apposed: the figure is asked for as the
    share apposed to an amount before it, which its own time dates (only a time after it counts).
    """
    spanned = _spanned_year(text, figures, index)
    if spanned is not None:
        return spanned
    group = _figure_group(text, figures, index)
    while (
        group[-1] + 1 < len(figures)
        and (parts := _PARTS_JOIN.fullmatch(text, figures[group[-1]][0].end, figures[group[-1] + 1][0].start))
        and not parts.group("dated")
        # "4.8% of GDP on defence this year and 5% next year": each part has its own time
        and not any(parts.start() <= s < parts.end() for _, s, _ in times)
    ):
        group.append(group[-1] + 1)  # "3.5% of GDP on core defence and 1.5% on related spending by 2035"
    first, last = figures[group[0]][0], figures[group[-1]][0]
    stop = min(figures[group[-1] + 1][0].start if group[-1] + 1 < len(figures) else clause_end, clause_end)
    usable = [
        (t, s, e)
        for t, s, e in times
        # "since 2014" starts a span, but "since 2014, when they stood at 0.9%" dates the figure
        if not (SINCE_BEFORE.search(text, max(0, s - 7), s) and not _WHEN_AFTER.match(text, e))
        and not _SPAN_OF_YEARS.match(text, e)
        and not _SPAN_END.search(text, max(0, s - 12), s)
        and not (_SPEECH_BEFORE.search(text, max(0, s - 40), s) and not _YEAR.fullmatch(t.text))
        and not _INCREASE_BASE.search(text, max(0, s - 60), s)  # "on the budget approved for this year"
        and not _BASE_YEAR.search(text, max(0, s - 20), s)  # "Compared with 2023, it rose by €0.2bn"
        and not (_ON_BEFORE.search(text, max(0, s - 6), s) and _PRIOR_YEAR.fullmatch(t.text))
        # when a document came out, not its figure's year: "the budget bill for 2027, presented last month"
        and not (t.month is not None and _ISSUED_BEFORE.search(text, max(0, s - 40), s))
        and not _TARGET_SET.search(text, max(0, s - 30), s)  # "the 3.5% target leaders agreed in 2025"
    ]
    # a time after the figure is another number's when one comes between them ("NOK 150 billion, a
    # rise of NOK 19 billion on 2025": 2025 is the rise's base, even though the rise is no figure here)
    numbers = [q.start for q in (*find_money(text), *find_percents(text)) if q.start >= last.end]
    # "3.5% of GDP, now €4.3 trillion, on defence by 2029": the economy's size in an aside is no
    # figure between the share and its time, and its words do not count in the reach
    aside = _ECONOMY_SIZE_ASIDE.match(text, last.end)
    skipped = [aside.span("aside")] if aside is not None else []
    if aside is not None:
        numbers = [n for n in numbers if not aside.start("aside") <= n < aside.end()]
        stop = max(stop, min(next((n for n in numbers if n >= aside.end()), clause_end), clause_end))
    after = [
        t
        for t, s, e in usable
        if last.end <= s < stop
        # "5 per cent including defence-related security expenditure in 2035"; but past a comma the
        # time is soon another clause's ("at 2.02 per cent, after spending half that a decade earlier")
        and len(gap := _outside(text, last.end, s, skipped))
        <= (_TIME_REACH if "," not in gap else _TIME_REACH_PAST_COMMA)
        and not any(n < s for n in numbers)
        and not JOINED_CLAUSE.search(text, last.end, s)
        and not _SUBORDINATE_GAP.search(text, last.end, s)  # ", after spending half that a decade earlier"
        # "(2026: CZK 181.6 billion)": the time of what follows it; but "5% in 2027: ..." is the figure's
        and not (_TIME_LABEL.match(text, e) and not _TIME_OF_FIGURE.search(text, max(0, s - 5), s))
    ]
    if after:
        return after[0]  # "1.4% and 1.3% of GDP in 2024": the time after the list is each one's
    if apposed:
        return None
    yearly = _YEARLY_SPAN.match(text, last.end)
    if (
        yearly is not None
        and int(yearly.group("first")) < int(yearly.group("last"))
        # a share holds for each year of the span; an amount "for the years 2024 to 2030" is the
        # span's envelope, no year's, unless it is "a year"
        and (figures[index][1] is Metric.SHARE_OF_GDP or yearly.group("each") is not None)
        # "averaged 1.5% of GDP for 2015-2024": the span's average, no year's
        and _AVERAGED_BEFORE.search(text, max(0, last.start - 30), last.start) is None
    ):
        # "between 5% and 6% of GDP a year from 2026 to 2030": a plan for each year of a span, dated
        # by its first year and shown with the span as written
        span = f"from {yearly.group('first')} to {yearly.group('last')}"
        return TimeRef(text=span, year=int(yearly.group("first")))
    deadline = [
        t
        for t, s, e in usable
        if last.end <= s < clause_end
        and DEADLINE_BY.search(text, max(0, s - 4), s)
        and not JOINED_CLAUSE.search(text, last.end, s)
        and all(n >= s or _ANOTHER_PART.search(text, max(0, n - 20), n) for n in numbers)
        # only past a further part of the pledge: "a level the government has promised to double by
        # 2032" is another verb's deadline, not the level's year
        and any(n < s for n in numbers)
    ]
    if deadline:
        # "committing to spend 3.5% of GDP on core defence and a further 1.5% on related security and
        # resilience by 2035": the pledge's deadline, past a part the reader does not keep, is the
        # first part's time too, not the summit's date that opens the sentence
        return deadline[0]
    previous = figures[group[0] - 1][0] if group[0] else None
    if previous is not None and previous.end > clause_start:
        if _FROM.search(text, previous.end, first.start):
            return None  # "up from NOK 91bn": another time than the figure before it (see _base_year)
        if (
            _RESTATED.fullmatch(text, previous.end, first.start)
            or _APPOSED_INCREASE.fullmatch(text, previous.end, first.start)
            or (
                figures[group[0]][1] is Metric.AMOUNT_INCREASE
                and _MEANS_OF_PLAN.fullmatch(text, previous.end, first.start)
            )
            # "a 2026 budget with €82.7 billion for defence, about 2.8% of GDP": one level in two units
            or (
                {figures[group[0] - 1][1], figures[group[0]][1]} == {Metric.AMOUNT, Metric.SHARE_OF_GDP}
                and _APPOSED_SHARE.fullmatch(text, previous.end, first.start)
            )
        ):  # "4.7% this year, or about 187 billion"; "€3.2bn for 2025, an increase of €390m": the same year
            return _time_of(text, figures, group[0] - 1, times, clause_start, clause_end)
        between = [
            t
            for t, s, e in usable
            if previous.end <= s
            and e <= first.start
            and not _TIME_OF_PREVIOUS.fullmatch(text, previous.end, s)
        ]
        if between:
            return between[-1]  # "€187bn this year, and next year's total would exceed €200bn"
        # ... but not a base's year: "Norway is at 3.3% and Denmark at 3.5%, up from 3.2% in 2026"
        own = [
            (t, s, e)
            for t, s, e in usable
            if clause_start <= s
            and e <= clause_end
            and t.year
            and not _BASE_BEFORE.search(text, max(0, s - 40), s)
        ]
        if (
            len({t.year for t, _, _ in own}) == 1
        ):  # "expected to spend ... this year: Poland (4.12%), Estonia (3.43%)"
            return own[0][0]
        return None
    asides = [m.span() for m in RELATIVE.finditer(text, clause_start, first.start) if m.end() <= first.start]
    before = [
        t
        for t, s, e in usable
        if clause_start <= s and e <= first.start and not any(a <= s < b for a, b in asides)
    ]
    following = group[-1] + 1
    if (
        following < len(figures)
        and {figures[group[0]][1], figures[following][1]} == {Metric.AMOUNT, Metric.SHARE_OF_GDP}
        and _APPOSED_SHARE.fullmatch(text, last.end, figures[following][0].start)
    ):
        # "On Tuesday the cabinet approved the €93.4 billion budget, about 2.8% of output, for next
        # year", "2.8% of GDP, or €131.2 billion, in 2027": one level in two units, dated by what
        # follows the second, not by the day the budget was approved
        theirs = _time_of(text, figures, following, times, clause_start, clause_end, apposed=True)
        if theirs is not None:
            return theirs
    if before:
        return before[-1]
    if following < len(figures) and _TAKING_IT.search(text, last.end, figures[following][0].start):
        # "doubled to 119 billion kronor, taking it to 2.1% of GDP in 2024": one level, one year
        return _time_of(text, figures, following, times, clause_start, clause_end)
    return None


# A sentence that opens with its year: "In 2024, ...", "On NATO's latest estimates for 2024, ...".
_OPENING_YEAR = re.compile(r"[^,;\d%]{0,60}?\b(?:in|for|of)\s+(?P<year>(?:19|20)\d\d)\s*,", re.I)
# A year a plan is for: "has budgeted 3.5% of GDP for 2025"
_PLAN_YEAR = re.compile(
    r"\bfor\s+(?:the\s+year\s+)?(?P<year>20\d\d)\b(?!\s*(?:[-–/]|to\b|until\b|and\s+20\d\d))", re.I
)


def plan_year(text: str, start: int, end: int) -> TimeRef | None:
    """Return the sentence's one plan year for a plan in a later clause that gives none.

    "Lithuania has budgeted 3.5% for 2025 and Estonia 3.7%, while Latvia expects to pass 3.4%": the
    year of the plan before is the year of the plan after, a goal's included; but "spent 2% in 2024,
    while Latvia expects 3.4%" dates no plan, and a clause with no plan verb takes no plan year.
    """
    planned = {m.group("year") for m in _PLAN_YEAR.finditer(text)}
    if len(planned) != 1 or not _PLAN_YEAR.search(text, 0, start) or not _FUTURE.search(text, start, end):
        return None
    year = planned.pop()
    return TimeRef(text=year, year=int(year))


def undated_year(
    text: str, start: int, end: int, context_year: TimeRef | None, published: PartialDate | None
) -> TimeRef | None:
    """Return the year of a figure with no time of its own: the recent year the text spoke of last,
    else the article's own year for a verb in the present ("Norway tops the list at 3.3%"); "currently"
    and its like put the figure in the article's year whatever came before."""
    if published and _CURRENTLY.search(text, start, end):
        return TimeRef.inferred_as("article's year", year=published.year)
    opening = _OPENING_YEAR.match(text)
    if opening is not None and opening.end() <= start:
        # "On the latest estimates for 2024, Greece leads ..., while Croatia lags at 1.8%": every clause's
        return TimeRef(text=opening.group("year"), year=int(opening.group("year")))
    span = _SPAN_OF_YEARS_TALK.search(text, start, end)
    asides = [m.span() for m in RELATIVE.finditer(text, start, end)]
    if span is not None and not any(a <= span.start() < b for a, b in asides):
        return None  # "For most of the last decade Canada sat near 1.3%": many years, no one year
    if (
        context_year
        and context_year.year
        and published
        and (
            published.year - 1 <= context_year.year <= published.year
            or context_year.text in (f"({_SENTENCE_BEFORE})", f"({_ENTRY})", f"({_LISTED_ESTIMATES})")
        )
    ):
        return context_year
    if published and _PRESENT.search(text, start, end):
        return TimeRef.inferred_as("article's year", year=published.year)
    return None


def _heading_time(passage: Passage, label: str, published: PartialDate | None) -> TimeRef | None:
    """Return the one time a heading or line label gives, if it gives one."""
    for frame in (label, passage.section or ""):
        found = find_times(frame, published)
        if len(found) == 1:
            return found[0][0]
    return None


# --- tables -----------------------------------------------------------------------------------


def _is_ranking(text: str) -> bool:
    """Return whether a passage ranks its spenders ("ranks third", "tops the table")."""
    return _RANKING_CUE.search(fold_case(text)) is not None and _RANKING.search(text) is not None


def _is_table(text: str) -> bool:
    """Return whether a passage is a table: two or more lines, each a row of cells."""
    lines = text.splitlines()
    return len(lines) >= 2 and all(
        is_table_row(line)
        or is_pair_row(line)
        or set(line.strip()) <= set("|-: ")
        or (i == 0 and is_table_header(line, lines[1]))
        for i, line in enumerate(lines)
    )


def _cells(line: str) -> list[str]:
    """Return the cells of a table row: split at "|", a tab, two or more spaces, or a CSV line's commas."""
    return table_cells(line)


def _table_records(
    passage: Passage, context: str, published: PartialDate | None, article: Article, topic: str | None
) -> list[SpendingRecord]:
    """Return the share-of-GDP facts of a table: row label x year column, or, for a table of the
    topic ally's years, year row x its "% of GDP" column."""
    rows = [_cells(line) for line in passage.text.splitlines()]
    rows = [r for r in rows if r and not all(set(c) <= set("-: ") for c in r)]
    rows = _allies_as_rows(rows)
    long = _long_rows(rows, passage, published)
    if long:
        return long
    # a money column named by its unit ("2027 USD bn") beside year columns of shares ("2025 actual"):
    # both are read
    by_unit = _unit_rows(rows, passage, published, topic)
    # (only a table of allies' rows: a table of unit rows is the unit reader's alone)
    year_columns = (
        bool(rows)
        and any(YEAR_CELL.fullmatch(cell) for cell in rows[0][1:])
        and sum(1 for row in rows[1:] if row and _row_allies(row[0])) >= 2
    )
    if by_unit and not year_columns:
        return by_unit
    wide = _wide_rows(rows, passage, published)
    if wide and not year_columns:
        return wide
    by_unit += wide  # read beside the year columns below
    start = next((i for i, row in enumerate(rows) if any(YEAR_CELL.fullmatch(c) for c in row[1:])), None)
    if start is None:
        return _year_rows(rows, passage, published, topic, article) or _share_column(
            rows, passage, published, article
        )
    if len(rows) - start < 2:
        return []
    header, rows = rows[start], rows[start:]
    years = [YEAR_CELL.fullmatch(cell) for cell in header]
    frame = " ".join(p.text for p in article.passages[passage.position + 1 : passage.position + 3])
    percent_table = "%" in passage.text or re.search(r"per\s*cent|percent|\bGDP\b", context + frame, re.I)
    if not percent_table:
        return []
    # "Both columns are estimates" marks every column; a legend ("e = estimate") only the marked ones.
    legend = _LEGEND.search(context + " " + frame) is not None
    # the header's own "2024e" marks one column; the title's "2025 estimates" is no column's note
    frame_only = _own_context(article, passage).removesuffix(passage.text)
    # a note that names its year ("Figures for 2025 are estimates") marks that year's column only
    estimated: set[int] = set()
    estimate_note = False
    for note in _NOTE_BREAK.split(frame_only):
        if not legend and _ESTIMATE_HEADER.search(note):
            named = {int(y) for y in _YEARS.findall(note)}
            estimate_note = estimate_note or not named
            estimated |= named
    # a caveat under the table that names a column: "The 2025 column is made of NATO estimates"
    for note in _NOTE_BREAK.split(frame):
        if not legend and _ESTIMATE_HEADER.search(note) and _COLUMN_WORD.search(note):
            estimated |= {int(y) for y in _YEARS.findall(note)}
    records = list(by_unit)
    # one ally's budget table, its rows lines of the budget ("Personnel", "Total", "Share of GDP"):
    # the total (in the caption's unit) and the share are the ally's, the other lines no spending
    own = (
        topic
        if topic is not None and _is_ally(topic) and not any(_row_allies(r[0]) for r in rows[1:])
        else None
    )
    above = article.passages[passage.position - 1].text if passage.position else ""
    unit = _CAPTION_UNIT.search(above) if own and len(above) <= _CAPTION_LENGTH else None
    for row in rows[1:]:
        codes = _row_allies(row[0])
        total = False
        if not codes and own is not None:
            if _SHARE_ROW.fullmatch(row[0].strip()):
                codes = [own]
            elif unit is not None and _TOTAL_ROW.fullmatch(row[0].strip()):
                codes, total = [own], True
        if len(codes) != 1:
            continue
        for column, cell in enumerate(row[1:], start=1):
            if column < len(header) and _GOAL_COLUMN.search(header[column]) and not years[column]:
                records.extend(_goal_cell(passage, codes[0], cell))
                continue
            year = years[column] if column < len(years) else None
            if total and unit is not None and year is not None:
                amount = _AMOUNT_CELL.match(cell)
                if amount is not None:
                    when = TimeRef(text=header[column], year=int(year.group("year")))
                    status = figure_status(year.group("note") or "", when, published, when.year in estimated)
                    record = unit_record(
                        passage.position,
                        codes[0],
                        when,
                        status,
                        amount.group("num"),
                        None,
                        unit.group("unit"),
                    )
                    records += [record] if record is not None else []
                continue
            match = _CELL_NUMBER.match(cell)
            if match is None or year is None:
                continue
            value = float(match.group("num"))
            when = TimeRef(text=header[column], year=int(year.group("year")))
            status = figure_status(
                match.group("note") or year.group("note") or "",
                when,
                published,
                estimate_note
                or when.year in estimated
                or _ESTIMATE_HEADER.search(header[column]) is not None,
            )
            records.append(
                SpendingRecord(
                    passage=passage.position,
                    subject=codes[0],
                    metric=Metric.SHARE_OF_GDP,
                    when=when,
                    value=value,
                    as_written=_cell_written(cell, match),
                    status=status,
                )
            )
    return records


# A column of each ally's own goal beside its years: "Stated national goal" over "2.6 by 2027".
_GOAL_COLUMN = re.compile(r"\b(?:goals?|targets?|pledges?|objectives?|ambitions?|stated\s+plans?)\b", re.I)
_GOAL_CELL = re.compile(
    r"\s*(?P<bound>(?:at\s+least|above|over|more\s+than)\s+)?(?P<num>\d{1,2}(?:\.\d+)?)\s*(?:%|per\s*cent)?"
    r"\s+(?:by|from|in)\s+(?P<year>(?:19|20)\d\d)\s*",
    re.I,
)


def _goal_cell(passage: Passage, code: str, cell: str) -> list[SpendingRecord]:
    """Return an ally's goal from its cell of a goal column: "2.6 by 2027" is a 2.6% target for 2027,
    "at least 5.0 from 2026" a bound; "not yet set" or "–" is none."""
    match = _GOAL_CELL.fullmatch(cell)
    if match is None:
        return []
    bound = match.group("bound")
    written = f"{bound or ''}{match.group('num')}%"
    return [
        SpendingRecord(
            passage=passage.position,
            subject=code,
            metric=Metric.SHARE_OF_GDP,
            when=TimeRef(text=cell.strip(), year=int(match.group("year"))),
            value=None if bound else float(match.group("num")),
            as_written=written,
            status=FigureStatus.TARGET,
        )
    ]


# A long table's columns: "country,year,pct_gdp,status".
_ALLY_COLUMN = re.compile(r"^\s*(?:country|ally|member|nation|state)\s*$", re.I)
_YEAR_COLUMN = re.compile(r"^\s*(?:year|yr)\s*$", re.I)
_SHARE_COLUMN = re.compile(r"%|pct|per\s*cent|percent|share|gdp", re.I)  # "pct_gdp", "% of GDP"
_STATUS_COLUMN = re.compile(r"^\s*(?:status|type|kind|basis)\s*$", re.I)
_STATUS_WORDS = (
    (re.compile(r"^\s*(?:actual|final|outturn|accounts?)\s*$", re.I), FigureStatus.ACTUAL),
    (
        re.compile(r"^\s*(?:estimated?|est\.?|e|provisional|preliminary|forecast)\s*$", re.I),
        FigureStatus.ESTIMATE,
    ),
    (re.compile(r"^\s*(?:plan(?:ned)?|budget(?:ed)?|proposed?|draft)\s*$", re.I), FigureStatus.PLANNED),
    (re.compile(r"^\s*(?:target|goal|pledge)\s*$", re.I), FigureStatus.TARGET),
)


def _long_rows(
    rows: list[list[str]], passage: Passage, published: PartialDate | None
) -> list[SpendingRecord]:
    """Return the shares of a long table, one fact per row: an ally column, a year column, a share
    column and perhaps a status column ("country,year,pct_gdp,status" over "Hungary,2024,2.11,actual").
    A row whose label is no single ally ("Serbia", "Regional average") gives nothing."""
    header = rows[0] if rows else []

    def column(pattern: re.Pattern[str]) -> int | None:
        return next((i for i, cell in enumerate(header) if pattern.search(cell)), None)

    ally, year, share, status = (
        column(_ALLY_COLUMN),
        column(_YEAR_COLUMN),
        column(_SHARE_COLUMN),
        column(_STATUS_COLUMN),
    )
    body = rows[1:]
    if ally is None or year is None or share is None:
        # no header: a tracker's lines ("✅ Poland | 4.31% | 2025 | comment") say by their cells
        ally, year, share = (
            _column_of(rows, _is_ally_cell),
            _column_of(rows, _is_year_cell),
            _column_of(rows, _is_share_cell),
        )
        body, status = rows, None
    if ally is None or year is None or share is None:
        return []
    records = []
    for row in body:
        if max(ally, year, share) >= len(row):
            continue
        codes = _row_allies(row[ally])
        written = YEAR_CELL.fullmatch(row[year].strip())
        value = _CELL_NUMBER.match(row[share])
        if len(codes) != 1 or written is None or value is None:
            continue
        when = TimeRef(text=row[year].strip(), year=int(written.group("year")))
        noted = row[status] if status is not None and status < len(row) else ""
        said = next((kind for pattern, kind in _STATUS_WORDS if pattern.match(noted)), None)
        stated = said or figure_status("", when, published, False)
        records.append(_share_cell(passage, codes[0], row[share], value, when, stated))
    return records


_LONG_ROWS = 3  # a header-less long table has this many rows at least
_MOST = 0.6  # ... and a column is of a kind when this share of its cells are


def _column_of(rows: list[list[str]], is_kind: Callable[[str], bool]) -> int | None:
    """Return the one column most of whose cells are of a kind, if there is one."""
    if len(rows) < _LONG_ROWS:
        return None
    width = max(len(row) for row in rows)
    columns = [
        i
        for i in range(width)
        if sum(1 for row in rows if i < len(row) and is_kind(row[i])) >= _MOST * len(rows)
    ]
    return columns[0] if len(columns) == 1 else None


def _is_ally_cell(cell: str) -> bool:
    """Return whether a cell names one ally alone ("✅ Poland")."""
    return len(_row_allies(cell)) == 1


def _is_year_cell(cell: str) -> bool:
    """Return whether a cell is a year ("2025", "2026e")."""
    return YEAR_CELL.fullmatch(cell.strip()) is not None


def _is_share_cell(cell: str) -> bool:
    """Return whether a cell is a percentage ("4.31%")."""
    return "%" in cell and _CELL_NUMBER.match(cell) is not None


def _share_column(
    rows: list[list[str]], passage: Passage, published: PartialDate | None, article: Article
) -> list[SpendingRecord]:
    """Return the shares of a table with an ally per row and one "Share of GDP" column, dated by the
    one year its heading or the article's title gives ("Defence spending by ally, 2025 estimates")."""
    above = article.passages[passage.position - 1].text if passage.position else ""
    above_rows = [
        r for r in map(_cells, above.splitlines()) if r and not all(set(c) <= set("-: ") for c in r)
    ]
    # the header row, or the one the reader left in the passage above (the header and its rule line)
    header, body = (
        (rows[0], rows[1:]) if len(_codes(rows[0][0])) != 1 or not above_rows else (above_rows[0], rows)
    )
    column = next((i for i, cell in enumerate(header) if i and _SHARE_HEADER.search(cell)), None)
    # a caption on the line above ("Table 1. Defence spending and equipment share, 2025 (NATO estimates)")
    caption = above if "|" not in above and len(above) <= _CAPTION_LENGTH else ""
    frames = [passage.section or "", caption, article.meta.title or ""]
    times = next((found for frame in frames if (found := find_times(frame, published))), [])
    if column is None or len({t.year for t, _, _ in times}) != 1 or times[0][0].year is None:
        return []
    when = TimeRef(text=times[0][0].text, year=times[0][0].year)
    estimates = any(_ESTIMATE_HEADER.search(frame) for frame in (*frames, header[column]))
    # a column of the same year's money beside the share: "| Ally | Share of GDP | Spending |"
    money = next(
        (i for i, cell in enumerate(header) if i and i != column and _MONEY_COLUMN.fullmatch(cell)), None
    )
    records = []
    for row in body:
        codes = _row_allies(row[0]) if row else []
        if money is not None and len(codes) == 1 and money < len(row):
            amount = parse_money(row[money])
            if amount is not None:
                value, currency, written = amount
                records.append(
                    SpendingRecord(
                        passage=passage.position,
                        subject=codes[0],
                        metric=Metric.AMOUNT,
                        when=when,
                        value=value,
                        currency=currency,
                        as_written=written,
                        status=figure_status("", when, published, estimates),
                    )
                )
        cell = row[column] if len(codes) == 1 and column < len(row) else ""
        match = _CELL_NUMBER.match(cell)
        bound = _BOUND_CELL.fullmatch(cell) if match is None else None
        status = figure_status("", when, published, estimates)
        if match is not None:
            records.append(_share_cell(passage, codes[0], cell, match, when, status))
        elif bound is not None:  # "just under 2": a bound, stored as one
            written = f"{' '.join(bound.group('bound').split())} {bound.group('num')}%"
            records.append(
                SpendingRecord(
                    passage=passage.position,
                    subject=codes[0],
                    metric=Metric.SHARE_OF_GDP,
                    when=when,
                    as_written=written,
                    status=status,
                )
            )
    return records


# A column of defence money by its name: "Spending", "Defence budget", "Expenditure (USD bn)".
_MONEY_COLUMN = re.compile(
    r"\s*(?:\*\*)?(?:(?:total|annual)\s+)?(?:defen[cs]e\s+)?(?:spending|budget|expenditure|outlays)"
    # (a unit in brackets, not another measure: "Spending (rise since 2014)", "Budget (2030 plan)")
    r"(?:\s*\(\s*(?:(?:[€$£]|[A-Z]{3})\s*)?(?:bn|billions?|mn|m|millions?)?\s*\))?(?:\*\*)?\s*",
    re.I,
)
_BOUND_CELL = re.compile(
    r"\s*(?P<bound>(?:just\s+|slightly\s+|well\s+)?(?:under|below|over|above))\s+(?P<num>\d+(?:\.\d+)?)\s*%?\s*",
    re.I,
)


_CAPTION_LENGTH = 150  # a table's caption is a line, not a paragraph
# A budget table's rows that are the ally's own: its share and its total ("Total", "Total defence budget").
_SHARE_ROW = re.compile(
    r"(?:defen[cs]e\s+spending,?\s+)?(?:share\s+of\s+GDP|%\s+of\s+GDP|per\s*cent\s+of\s+GDP)(?:\s*\(%\))?",
    re.I,
)
_TOTAL_ROW = re.compile(r"(?:\*\*)?total(?:\s+defen[cs]e\s+(?:budget|spending|expenditure))?(?:\*\*)?", re.I)
_CAPTION_UNIT = re.compile(rf"\(?(?P<unit>{MONEY_UNIT})")


# A column header that names its year and its unit, as a data export writes it: "share_2025_pct",
# "Share 2026 (%)", "budget_2026_usd_bn", "Budget 2026 ($bn)".
_SHARE_WORD = re.compile(r"\bshare\b|\bgdp\b", re.I)
_NOT_SHARE = re.compile(r"\b(?:growth|change|real|inflation|deficit|debt)\b", re.I)
_HEADER_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_HEADER_CURRENCY = re.compile(
    r"\b(?P<code>usd|eur|gbp|cad|nok|sek|dkk|pln|czk|huf|ron|try)\b|(?P<sign>[$€£])", re.I
)
_HEADER_SCALE = re.compile(r"\b(?P<scale>bn|billions?|mn|millions?|m|tn|trillions?)\b", re.I)
_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP"}


def _header_unit(cell: str) -> tuple[int, str | None] | None:
    """Return (year, money unit or None for a share of GDP) of a column header naming one year and
    its unit, or None: a bare year ("2025") is the year tables' own reading, and a header with
    no unit, or both a share's and money's, says too little."""
    words = cell.replace("_", " ")
    years = _HEADER_YEAR.findall(words)
    if len(years) != 1 or YEAR_CELL.fullmatch(cell.strip()):
        return None
    currency, scale = _HEADER_CURRENCY.search(words), _HEADER_SCALE.search(words)
    # a share of GDP says so: "share" or "GDP" ("gdp_growth_2026_pct", "Real growth 2025 (%)" are no shares)
    share = _SHARE_WORD.search(words) is not None and _NOT_SHARE.search(words) is None
    if currency is not None and scale is not None and not share:
        code = currency.group("code")
        name = code.upper() if code else _SIGNS[currency.group("sign")]
        return int(years[0]), f"{name} {scale.group('scale').lower()}"
    if share and currency is None:
        return int(years[0]), None
    return None


def _wide_rows(
    rows: list[list[str]], passage: Passage, published: PartialDate | None
) -> list[SpendingRecord]:
    """Return the facts of a wide table whose headers give each column's year and unit, an ally per
    row ("country,share_2025_pct,share_2026_pct,budget_2026_usd_bn,basis"); a row that is no single
    ally (a partner, an aggregate) gives nothing, and an empty cell gives nothing."""
    if len(rows) < 2:
        return []
    header = rows[0]
    units = {i: unit for i, cell in enumerate(header) if i > 0 and (unit := _header_unit(cell)) is not None}
    if not units or not (_ALLY_COLUMN.match(header[0]) or header[0].strip() == ""):
        return []
    status_at = next((i for i, cell in enumerate(header) if _STATUS_COLUMN.match(cell)), None)
    records: list[SpendingRecord] = []
    for row in rows[1:]:
        codes = _row_allies(row[0]) if row else []
        if len(codes) != 1:
            continue
        noted = row[status_at] if status_at is not None and status_at < len(row) else ""
        said = next((kind for pattern, kind in _STATUS_WORDS if pattern.match(noted)), None)
        for column, (year, money) in units.items():
            if column >= len(row):
                continue
            when = TimeRef(text=str(year), year=year)
            status = said or figure_status("", when, published, False)
            if money is None:
                number = _CELL_NUMBER.match(row[column])
                if number is not None:
                    records.append(_share_cell(passage, codes[0], row[column], number, when, status))
                continue
            amount = _AMOUNT_CELL.match(row[column])
            record = (
                unit_record(passage.position, codes[0], when, status, amount.group("num"), None, money)
                if amount is not None
                else None
            )
            if record is not None:
                records.append(record)
    return records


def _share_cell(
    passage: Passage, code: str, cell: str, number: re.Match[str], when: TimeRef, status: FigureStatus
) -> SpendingRecord:
    """Return the share of GDP a table's cell (read by _CELL_NUMBER) gives an ally ("4.70" is "4.70%")."""
    return SpendingRecord(
        passage=passage.position,
        subject=code,
        metric=Metric.SHARE_OF_GDP,
        when=when,
        value=float(number.group("num")),
        as_written=_cell_written(cell, number),
        status=status,
    )


def _year_rows(
    rows: list[list[str]],
    passage: Passage,
    published: PartialDate | None,
    topic: str | None,
    article: Article,
) -> list[SpendingRecord]:
    """Return the shares of a table of one ally's years (the ally the text is about): a year opens
    each row, and one column is headed "% of GDP" (in the table, or on the line or heading just above it)."""
    first = next((i for i, row in enumerate(rows) if row and YEAR_CELL.fullmatch(row[0], fiscal=True)), None)
    if topic is None or topic == "NATO" or first is None:
        return []
    above = article.passages[passage.position - 1].text if passage.position else ""
    headers = (
        [rows[first - 1]]
        if first
        else [_cells(line) for line in (above, passage.section or "") if "\n" not in line]
    )
    column = next(
        (i for header in headers for i, cell in enumerate(header) if i and _SHARE_HEADER.search(cell)), None
    )
    # and the amounts of a column whose header gives the unit: "Defence budget (CZK billion)"
    money = next(
        (
            (i, unit)
            for header in headers
            for i, cell in enumerate(header)
            if i and (unit := _MONEY_HEADER.search(cell)) and not _ECONOMY.search(cell[: unit.start()])
        ),
        None,
    )
    if column is None and money is None:
        return []
    # a status column ("Status": "final", "provisional", "adopted budget") says how sure each row is
    noted = next(
        (i for header in headers for i, cell in enumerate(header) if i and _STATUS_COLUMN.match(cell)), None
    )
    records = []
    for row in rows[first:]:
        year = YEAR_CELL.fullmatch(row[0], fiscal=True) if row else None
        if year is None:
            continue
        when = TimeRef(text=row[0], year=int(year.group("year")))
        said = row[noted] if noted is not None and noted < len(row) else ""
        share = _CELL_NUMBER.match(row[column]) if column is not None and column < len(row) else None
        if share is not None and column is not None:
            status = _row_status(row[0], year, share, when, published, said)
            written = _cell_written(row[column], share)
            shared = unit_record(passage.position, topic, when, status, share.group("num"), written, None)
            records += [shared] if shared is not None else []
        cell = _AMOUNT_CELL.match(row[money[0]]) if money is not None and money[0] < len(row) else None
        if cell is not None and money is not None:
            status = _row_status(row[0], year, cell, when, published, said)
            amount = unit_record(
                passage.position, topic, when, status, cell.group("num"), None, money[1].group("unit")
            )
            records += [amount] if amount is not None else []
    return records


# A cell of amounts in the unit its column or row names: "2,410", "48.9".
_AMOUNT_CELL = re.compile(
    r"^\s*(?:about\s+|~)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    rf"{_CELL_MARK}?\s*"
    r"(?:\(?e(?:st)?\.?\)?|\((?P<note>[a-z][a-z. ]{1,18})\))?\s*$",
    re.I,
)
# A column header that gives the unit of its amounts: "Defence budget (CZK billion)", "EUR bn".
_MONEY_HEADER = re.compile(rf"\(?(?P<unit>{MONEY_UNIT})\)?\s*$")


def _row_status(
    label: str,
    year: re.Match[str],
    cell: re.Match[str],
    when: TimeRef,
    published: PartialDate | None,
    said: str = "",
) -> FigureStatus:
    """Return the status of a year row's figure: its own note, the year's note, the row's status
    cell (said: "provisional" is an estimate, "adopted budget" a plan), else its year."""
    return figure_status(
        cell.group("note") or year.group("note") or said,
        when,
        published,
        _ESTIMATE_HEADER.search(label) is not None,
    )


# A row label that is a unit: "% of GDP", "Share of GDP (%)", "EUR billion", "USD bn", "billion kroner".
_UNIT_LABEL = re.compile(
    r"\s*(?:(?P<share>%\s+of\s+GDP|(?:share\s+of|per\s*cent\s+of|percent\s+of)\s+GDP(?:\s*,?\s*\(?%\)?)?)"
    rf"|(?P<money>{MONEY_UNIT}|(?:billions?|bn|millions?|mn|m)\s+(?:\w+)))\s*",
    re.I,
)


_GROUP_OF_ALLIES = re.compile(
    r"\b(?:allies|combined|total|aggregate|NATO\s+Europe|European\s+allies|Europe\s+and\s+Canada)\b", re.I
)


def _unit_rows(
    rows: list[list[str]], passage: Passage, published: PartialDate | None, topic: str | None
) -> list[SpendingRecord]:
    """Return the facts of a table of one ally's years across, a row per unit.

    "Table 1 - Italy: defence expenditure" over a header of years (with or without a cell above
    the row labels) and rows labelled "EUR billion" and "% of GDP": each cell is the ally's
    spending in that unit and year, the ally the caption or the text is about.
    """
    caption = passage.section or ""
    # the caption names the ally, and no group of allies ("Table 2 - NATO Europe and Canada: ...")
    if topic is None or not _is_ally(topic) or one_ally(caption) != topic or _GROUP_OF_ALLIES.search(caption):
        return []
    at = next(
        (i for i, row in enumerate(rows) if len(row) >= 2 and all(YEAR_CELL.fullmatch(c) for c in row[1:])),
        None,
    )
    if at is None:
        return []
    header = rows[at] if not YEAR_CELL.fullmatch(rows[at][0]) else ["", *rows[at]]  # no cell over the labels
    records = []
    for row in rows[at + 1 :]:
        unit = _UNIT_LABEL.fullmatch(row[0])
        if unit is None or len(row) != len(header):
            continue
        for label, cell in zip(header[1:], row[1:], strict=True):
            year, match = (
                YEAR_CELL.fullmatch(label),
                (_CELL_NUMBER if unit.group("share") else _AMOUNT_CELL).match(cell),
            )
            if year is None or match is None:
                continue
            when = TimeRef(text=label, year=int(year.group("year")))
            status = figure_status(
                match.group("note") or year.group("note") or "",
                when,
                published,
                _ESTIMATE_HEADER.search(label) is not None,
            )
            share = _cell_written(cell, match) if unit.group("share") else None
            record = unit_record(
                passage.position, topic, when, status, match.group("num"), share, unit.group("money")
            )
            if record is not None:
                records.append(record)
    return records


def unit_record(
    position: int,
    code: str,
    when: TimeRef,
    status: FigureStatus,
    number: str,
    share: str | None,
    money: str | None,
) -> SpendingRecord | None:
    """Return a bare value's record in the unit a caption or label gives: a share of GDP (written
    as share) or an amount in money's unit ("EUR billion"); None when neither reads."""
    if share is not None:
        metric, value, written, currency = Metric.SHARE_OF_GDP, float(number.replace(",", "")), share, None
    else:
        amount = find_money(money_written(money, number)) if money else []
        if not amount:
            return None
        metric, value, written, currency = Metric.AMOUNT, amount[0].value, amount[0].text, amount[0].currency
    return SpendingRecord(
        passage=position,
        subject=code,
        metric=metric,
        when=when,
        value=value,
        currency=currency,
        as_written=written,
        status=status,
    )


def money_written(unit: str, number: str) -> str:
    """Return an amount written out from a unit label and a cell: ("EUR billion", "29.6") -> "EUR 29.6 billion"."""
    parts = unit.split()
    if len(parts) == 2:
        if parts[0] in ("€", "$", "£"):
            return f"{parts[0]}{number} {parts[1]}"
        return f"{parts[0]} {number} {parts[1]}" if parts[0].isupper() else f"{number} {unit}"
    return f"{unit[0]}{number}{unit[1:].strip()}"  # "€bn" -> "€29.6bn"


def _cell_written(cell: str, match: re.Match[str]) -> str:
    """Return a cell's figure as written, with "%" when the header gave it: "2.47 (estimate)" is "2.47%"."""
    written = f"{match.group('num')}%" if match.group("note") or match.group("mark") else cell.strip()
    return written if "%" in written else f"{written}%"


def _estimates_for(context: str, when: TimeRef | None) -> bool:
    """Return whether a figure's year is one its frame inferred and calls that year's figures estimates."""
    if when is None or not when.inferred or when.year is None:
        return False
    if when.text == f"({_LISTED_ESTIMATES})":
        return True  # an item of a list the sentence before it calls estimates
    return any(
        str(when.year) in (m.group("year"), m.group("year2"), m.group("year3"))
        for m in ESTIMATES_OF_YEAR.finditer(context)
    )


def _record(
    passage: Passage,
    code: str,
    metric: Metric,
    figure: _Found,
    when: TimeRef | None,
    text: str,
    clause_start: int,
    published: PartialDate | None,
    context: str,
) -> SpendingRecord:
    """Return the record of one owned figure."""
    span = text[clause_start : figure.end]
    base = _BASE_FIGURE.search(text, max(0, figure.start - 25), figure.start) is not None
    if base:
        span = ""  # "will raise it to 2.2% next year, up from 2.0% this year": the base is no plan
    note = _FIGURE_NOTE.match(text, figure.end) or _STATUS_AFTER.match(text, figure.end)
    if note is not None:  # "1.6% in 2025 (planned); 1.55% in 2024 (NATO estimate); 1.48% in 2023"
        span, estimates = (
            f"{span} {note.group('note')}",
            _NOTE_ESTIMATE.search(note.group("note")) is not None,
        )
    else:
        noted = _FIGURE_NOTE.search(text) is not None  # the notes are the other figures', not this one's
        # "4.2% in 2024 and an estimated 4.7% in 2025": "an estimated" is the next figure's alone
        own = ESTIMATED_OTHER.sub(lambda m: m.group(0) if m.start() <= figure.start < m.end() else " ", text)
        # "is estimated at 2.19% in 2025, up from 2.02% in 2024": the estimate is the new level's;
        # but "According to NATO's estimates, ... 1.49% in 2024, up from 1.46% in 2023" sources both
        estimates = (
            not noted
            and _ESTIMATES.search(own) is not None
            and (not base or ESTIMATES_SOURCE.search(text) is not None)
        )
        # "NATO's latest estimates for 2024 ... show the gap widening. Latvia (3.46% of GDP) ...": a
        # year taken from the sentences before is that of their estimates
        estimates = estimates or _estimates_for(context, when)
    status = figure_status(span, when, published, estimates)
    if status is FigureStatus.ESTIMATE and _BUDGET_AFTER.match(text, figure.end):
        status = FigureStatus.PLANNED  # "rose to 186.6 billion zloty in this year's budget"
    if metric is Metric.AMOUNT and status is FigureStatus.ESTIMATE and _BUDGET_WORD.search(span):
        status = (
            FigureStatus.PLANNED
        )  # "Germany's defence budget ... is about €86bn this year": the budget law
    if metric is Metric.AMOUNT_INCREASE and status is FigureStatus.ESTIMATE:
        status = FigureStatus.PLANNED  # money added to a budget this year is a decision, not a measurement
    return SpendingRecord(
        passage=passage.position,
        subject=code,
        metric=metric,
        when=when,
        value=figure.value,
        currency=figure.currency,
        approximate=figure.approximate,
        as_written=figure.text,
        status=status,
        equivalents=list(figure.equivalents),
    )
