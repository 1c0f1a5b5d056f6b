"""Where a sentence's clauses begin and end, and where its dateline is: shared by every spending reader.

A clause ends at ";", a spaced dash, "while", "whereas", "but", "though", "although" or "except",
unless the word sits inside an aside that the sentence closes again (", which ... ," or brackets):
"Norway, which is outside the EU but in NATO, has budgeted ..." is one clause.
"""

from __future__ import annotations

import functools
import itertools
import re

from knowledge.wordscan import fold_case

CLAUSE_BREAK = re.compile(r";|\s[—–]\s|\b(?:while|whereas|but|though|although|except)\b", re.I)
# Every break holds one of these, found fast case-sensitively in the folded sentence; CLAUSE_BREAK,
# case-insensitive and opening with \b, is tried at every position.
_BREAK_CUE = re.compile(r";|[—–]|while|whereas|but|though|except")
# A relative clause set off by commas (a thousands comma, "54,000", is no end of it) or a bracket.
# An apposition that describes the subject as one of the allies names no spender of its own:
# "Sweden, NATO's newest member after Finland, spent 2.14%"; neither does a participle's aside.
# An apposition led by a time adverb: "Canada, long a target of U.S. criticism, crossed ..."
ADVERB_APPOSITION = r",\s*(?:long|once|now|still|already|for\s+years)\s+(?:a|an|the)\s+[^,;%\d]{1,60},"
RELATIVE = re.compile(
    r",\s*(?:which|who|whose|where|whom)\b(?:[^,;]|(?<=\d),(?=\d{3}))*,|\([^()]*\)"
    r"|,\s*(?:NATO['’]s|the\s+alliance['’]s|the|a|an)\s+(?:[\w’'-]+\s+){0,3}?(?:member|ally|newcomer|neighbour|neighbor)\b[^,;%]{0,40},"
    # a participle's aside tells what the subject did before: "Germany, having exempted defence from
    # its debt brake, has budgeted ..."
    r"|,\s*(?:having|(?:after|despite|since|by)\s+[a-z]+ing)\b[^,;%\d]{1,80},"
    rf"|{ADVERB_APPOSITION}"
)
# A pair of spaced dashes around words without figures sets off an aside, as brackets do.
DASHED_ASIDE = re.compile(r"\s[—–]\s[^—–;\d%]{1,80}?\s[—–]\s")
# "ROME —", "LISBON, 11 October 2024 —", and a release's "Prague, 30 September 2026 —" (a place in
# title case is a dateline only with a date after its comma).
DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z .'-]+(?:,[^—–]{0,40})?|[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){0,2},[^—–\d]{0,20}\d[^—–]{0,20})\s*[—–]"
)

# A new clause joined to the one before: a time after it is the new clause's ("spent 4.4% on defence,
# and the plan for this year is 4.8%").
# a second clause of its own, with a comma or as a second "that" clause: "the ratio was 1,14 % and
# that in the year 2022 the allocation was ..."
# ("so" as a conjunction: "spent 2.37% last year, so the 2025 estimate marks a jump"; not "so far")
SO_CLAUSE = re.compile(r",\s*so\s+(?!(?:far|that|much|many|too)\b)", re.I)
JOINED_CLAUSE = re.compile(
    rf",\s*(?:and|but|while|whereas)\s|{SO_CLAUSE.pattern}|\s(?:and|but)\s+that\s", re.I
)
# A negated verb: "did not reach", "cannot reach", "never met", "no longer meets", "has yet to
# publish a path to 3.5%" ("not only" is no negation). Both spending readers read negation by it.
NEGATION = r"\b(?:not(?!\s+only)|never|no\s+longer|cannot|(?:has|have)\s+yet\s+to)\b|n['’]t\b"
# A unit of money as a caption, a row label or a column header writes it: "EUR billion", "€ bn", "£m".
MONEY_UNIT = r"(?:[A-Z]{3}|[€$£])\s*(?:billions?|bn|millions?|mn|m)\b"
# A year that is some figures' estimates: "estimates for 2025", "2025 estimates", "Figures for 2025
# are NATO estimates".
ESTIMATES_OF_YEAR = re.compile(
    r"\bestimates\s+(?:for|of)\s+(?:the\s+year\s+)?(?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<year2>(?:19|20)\d\d)\s+estimates\b"
    r"|\b(?:figures|values|numbers|data)\s+for\s+(?P<year3>(?:19|20)\d\d)\s+are\s+(?:\w+\s+){0,2}estimates\b",
    re.I,
)


def estimated_years(text: str) -> set[int]:
    """Return the years a text calls its figures' estimates."""
    return {
        int(m.group("year") or m.group("year2") or m.group("year3")) for m in ESTIMATES_OF_YEAR.finditer(text)
    }


# The first person of a speaker's own words ("we", "our", "us"; not "the US").
FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
# "since" right before a year: when a span began, not a figure's year.
SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)

# Vocabulary both readers share, as pattern text to build their own patterns from.
# A government's fiscal document, which states its plans: "the fall economic statement", "the budget bill".
FISCAL_DOCUMENT = r"(?:economic|fiscal|budget(?:ary)?)\s+(?:statement|update|outlook|framework|bill)"
# A rise whose size follows: "The increase is worth about 19 billion crowns".
RISE_WORTH = r"(?:increase|rise|boost|uplift)\s+(?:is|was|will\s+be)\s+worth"
# A target named by its word and "of": "target of", "guideline of spending" (the figure follows).
NAMED_TARGET_OF = r"(?:target|goal|objective|guideline|benchmark|threshold)\s+of\s+(?:spending\s+)?"
# A phrase opening a sentence that sets its scene, tells how a level came about or concedes: "After
# the crisis, ...", "With the extra money, ...", "Even if growth disappoints, ...". What it says is
# no part of the clause's own verb.
OPENING_PHRASE = re.compile(
    r"\s*(?:After|Before|Since|During|Following|Despite|Amid|Because\s+of|In\s+the\s+wake\s+of"
    r"|With|Thanks\s+to|Including|Counting|Even\s+(?:if|though)|Although|Though)\b[^,;]{0,60},\s+"
)
# An inverted condition: "Were Italy to reach 2%", "Should Spain spend 2%".
INVERTED_CONDITION = r"\b(?-i:Were|Should|Had)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}(?:to\s+)?\w+"
# Verbs by which one party asks another to spend: "urged allies to", "wants Germany to", "demanded that".
DEMAND_VERBS = (
    r"demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|insist(?:s|ed|ing)?|call(?:s|ed|ing)?\s+on|"
    r"press(?:es|ed|ing)?|push(?:es|ed|ing)?|want(?:s|ed)?|ask(?:s|ed|ing)?"
)


@functools.lru_cache(maxsize=1024)  # asked for by every figure of a sentence, by every reader
def clause_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return the (start, end) spans of a sentence's clauses."""
    asides = [m.span() for m in RELATIVE.finditer(text)]
    if "–" in text or "—" in text:  # "Only three allies – the US, the UK and Greece – met it": one clause
        asides += [m.span() for m in DASHED_ASIDE.finditer(text)]
    found = CLAUSE_BREAK.finditer(text) if _BREAK_CUE.search(fold_case(text)) else ()
    # (a break at an aside's first dash is the aside's: "while Spain — the other ally — stood at")
    breaks = [m.start() for m in found if not any(s <= m.start() < e for s, e in asides)]
    cuts = [0, *breaks, len(text)]
    return tuple((a, b) for a, b in itertools.pairwise(cuts) if b > a)


def last_clause(text: str) -> str:
    """Return the last clause of a text: the words that lead to what follows it."""
    spans = clause_spans(text)
    return text[spans[-1][0] :] if spans else text
