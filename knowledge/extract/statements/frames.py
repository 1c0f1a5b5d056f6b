"""Attribution frames: a speaker, a speech verb, and the words that say when, where and how.

Rules:

* A frame is a speaker (see ``speakers``) opening a text as its subject -- an introductory phrase
  ("In 2019, ", "Asked about Spain, ") may come first -- followed by a speech verb, possibly
  after an apposition (", the Danish leader,") and adverbs ("also", "later"): "Kallas said",
  "The communiqué states", "A senior official told reporters".
* After a quotation the frame may be inverted: "said Weber", "added the minister".
* Words between the verb and what was said may only say when, where, how or to whom ("told
  reporters on Monday", "wrote on X from his account", "said in a statement"); anything else
  makes the sentence the writer's own. ``when`` comes only from these attribution words, resolved
  against the publication date; ``medium`` is the channel they name (a post on X, an interview,
  a statement), never a listener ("told Parliament").
* REPORTED: ``<speaker> [also] <verb> [details] that <clause>`` gives the clause after "that";
  "said", "says", "added", "wrote", "told" and kin may omit "that" when a clause follows
  directly. Verbs of calling on, urging, pledging and announcing take an object, so their text
  runs from the verb ("urged allies to spend more"). Negated or modal verbs ("did not say",
  "would say") are no frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from knowledge.extract.people import INTRO, NUMBERED_PARAGRAPH, RELAY_VERBS, SEMICOLON_JOIN, Referent
from knowledge.extract.statements.speakers import Cast, Speaker, handle_person, resolve_pronoun, speaker_at
from knowledge.extract.timeref import find_times
from knowledge.models import PartialDate, SpeakerType, TimeRef

OBJECT_VERBS = (
    "called on|calls on|called for|calls for|urged|urges|reaffirmed|reaffirms|pledged|pledges"
    "|promised|promises|vowed|vows|reiterated|reiterates|demanded|demands|compared|compares|repeated|repeats"
    "|praised|praises|criticised|criticized|criticises|criticizes|condemned|condemns"
)
_CLAUSE_VERBS = (
    "said|says|stated|states|stressed|stresses|added|adds|warned|warns|argued|argues|noted|notes|told|tells"
    "|insisted|insists|claimed|claims|declared|declares|emphasi[sz]ed|emphasi[sz]es|wrote|writes|explained"
    "|explains|acknowledged|acknowledges|confirmed|confirms|maintained|maintains|suggested|suggests"
    "|believes|believed|predicted|predicts|cautioned|cautions|asserted|asserts|contended|contends|observed"
    "|remarked|replied|replies|responded|responds|posted|posts|tweeted|admitted|admits|conceded|concedes"
    "|estimated|estimates|countered|counters|recalled|recalls|agreed|agrees|complained|complains"
    "|announced|announces|reckoned|reckons|thinks|thought|hopes|hoped|expects|expected|put it|went on|continued"
    "|objected|protested|boasted|joked|quipped|conceded|signalled|signaled|indicated|indicates|assured"
    "|reassured|reminded|told reporters|wrote back|shot back|fired back|pointed out|points out|written"
    "|once put it|put it|informed|informs|say|insist|warn|argue|claim|believe|admit|praised|praises"
    "|criticised|criticized|criticises|criticizes|condemned|condemns|asked|asks"
    # a habit of saying: "likes to remind each year's delegates that", "is fond of saying"
    "|likes to remind|likes to say|likes to tell|loves to remind|loves to say|is fond of saying"
    "|never tires of saying|never tires of reminding|reminds"
)
VERB = rf"(?:{OBJECT_VERBS}|{_CLAUSE_VERBS})"
# Verbs that may drop "that" before their clause: "She said the army is ready".
_THAT_OPTIONAL = frozenset(
    [
        "said",
        "says",
        "added",
        "adds",
        "wrote",
        "writes",
        "told",
        "tells",
        "warned",
        "warns",
        "argued",
        "argues",
        "insisted",
        "insists",
        "claimed",
        "claims",
        "believes",
        "believed",
        "noted",
        "notes",
        "stressed",
        "stresses",
        "predicted",
        "predicts",
        "admitted",
        "admits",
        "estimated",
        "estimates",
        "posted",
        "posts",
        "thinks",
        "thought",
        "hopes",
        "hoped",
        "expects",
        "expected",
        "stated",
        "states",
        "declared",
        "declares",
        "acknowledged",
        "acknowledges",
        "suggested",
        "suggests",
        "confirmed",
        "confirms",
        "maintained",
        "maintains",
        "reckoned",
        "reckons",
        "cautioned",
        "cautions",
        "signalled",
        "signaled",
        "indicated",
        "indicates",
        "conceded",
        "concedes",
        "informed",
        "informs",
        "say",
        "insist",
        "warn",
        "argue",
        "claim",
        "believe",
        "admit",
    ]
)
_ADVERBS = (
    "also|again|later|repeatedly|previously|once|further|then|recently|publicly|separately|has|had|have"
    "|only|privately|bluntly|simply|flatly|openly|quickly|firmly|earlier|herself|himself|itself|already"
)
# an apposition, or a party in brackets ("Ms Nadia Verhoeven (Liberal) asked"), may stand before the verb
# ... and so may where the speaker is from: "Rep. Dana Whitcombe of Indiana told a hearing"
_VERB_AFTER_SUBJECT = re.compile(
    rf"(?:,\s(?:[^,“”\"‘]|(?<=\d),(?=\d)){{1,120}},|\s+\([^()\n]{{1,40}}\)|\s+of\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,2}})?"
    rf",?\s+(?:(?:{_ADVERBS})\s+)*(?P<verb>{VERB})\b"
)
_VERB_FIRST = re.compile(rf"\s*(?:(?:{_ADVERBS})\s+)?(?P<verb>{VERB})\s+")
_THAT_CLAUSE = re.compile(
    r"(?P<extras>[^“”\".;‘]{0,100}?)\bthat\s+(?P<clause>.*)$", re.S
)  # empty before a quotation
# Prepositional attribution details allowed between a speech verb and the quote it introduces.
_ATTRIBUTION_DETAILS = re.compile(
    r"(?:,?\s+(?:in|on|at|during|before|after|from|via|with|last|this|next|to|earlier|later|afterwards"
    r"|only|again|also|simply|bluntly|late|early|when|as|while|yesterday|today|tonight"
    # a bare weekday, as wire copy writes it: "said Tuesday"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?![’']))\b[^,:“”\"‘]*)*\s*[,:]?\s*"
)
# A clause without "that" has a verb of its own: an auxiliary or modal, a past form, a present
# "-s" form not right after a determiner ("the army needs", not "the talks"), or a word after a
# plural ("the allies spend"). Without one the words are the verb's object: "confirmed the
# delivery on Friday".
_FINITE = re.compile(
    r"\b(?:is|are|was|were|will|would|should|must|can|could|may|might|shall|has|have|had|did|does|do"
    r"|[a-z]{2,}ed|spent|grew|rose|fell|met|made|took|gave|went|came|saw|paid|sent|left|kept|won|lost|set|put"
    r"|cut|fought|bought|brought|thought|knew|became|began|stood|held|ran|meant|felt|found|told|said)\b"
    r"|(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )(?<!\bour )"
    r"(?<![\s\w][A-Z]\w )\b[a-z]{2,}[^s\W]s\b"
    # a plural subject's present verb: "the allies spend", "Europeans pay" (not "the talks on Monday")
    r"|\b[A-Za-z]{2,}s\s+(?!(?:of|on|in|at|for|with|to|from|by|and|or|but|the|a|an|last|next|this|that"
    r"|which|who|over|under|into|about|after|before|since|during|between|among|across|per|as|than)\b)[a-z]{2,}\b"
)
_PHRASE_WORDS = 6
_PARTICIPLE = re.compile(r",\s+[a-z]+ing\b")
# A bare noun opens a clause when an auxiliary or modal follows it: "said allies should spend".
CLAUSE_START = re.compile(
    r"(?:[A-Z0-9]|(?:the|a|an|it|he|she|they|we|there|this|these|those|his|her|its|their|our|no|all|some"
    r"|most|more|every|each|both|many|few|several|such|any|one|two|europe|nato)\b"
    r"|(?!(?:though|although|while|whereas|as|if|when|because|since|but|and|or|so|that|which|who|what"
    r"|where|how|why|whether|in|on|at|to|for|of|from|with|by|after|before|until|unless|once|nothing|little)\b)"
    r"[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}\s+(?:will|would|should|must|can|could|may|might|shall|is|are"
    r"|was|were|has|have|had)\b"
    # a bare plural subject running into the quotation, which holds its verb: 'said allies "must show
    # the path"' (the text then ends where the quotation starts)
    r"|(?!(?:though|although|while|whereas|as|if|when|because|since|but|and|or|so|that|which|who|what"
    r"|where|how|why|whether|in|on|at|to|for|of|from|with|by|after|before|until|unless|once|nothing|little"
    r"|simply|only|just|also|again|bluntly|flatly|then|now|later|earlier|repeatedly)\b)"
    # ... its relative clause included: 'said allies whose plans slip "should expect a conversation"'
    r"[a-z][\w’'-]*s(?:\s+[a-z][\w’'-]*s)?(?:\s+(?:whose|who|that)(?:\s+[a-z][\w’'-]*){1,4})?\s*$)"
)
_MEDIUM_NOUNS = (
    "report|statement|interview|letter|op-ed|article|post|speech|essay|column|memo|book|blog|tweet"
    "|podcast|address|press release|briefing|message|editorial|foreword|newsletter|video|broadcast"
    "|press conference|news conference|hearing|debate|reply|thread|graphic|programme|program|show"
)
_SPEAKING = re.compile(
    rf"\b(?:{VERB}|(?:{_MEDIUM_NOUNS}|warning|remark|words|appeal|plea|message|address|question|answer)s?)\b"
)
_PLATFORMS = (
    "X|Twitter|Facebook|Instagram|Telegram|LinkedIn|Truth Social|Bluesky|YouTube|TikTok|Threads"
    "|Mastodon|Weibo|WhatsApp|Substack|social media"
)
# "a post on Wednesday": a day after the medium is its time, not its outlet.
_DAY_NAMES = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
_MEDIUM_PATTERNS = (
    re.compile(
        rf"\b(?:[Ii]n|[Oo]n|[Aa]t|[Dd]uring|used)\s+(?P<medium>(?:(?!in\b|on\b)[\w’'.-]+\s+){{0,6}}?(?:{_MEDIUM_NOUNS})s?\b"
        # "a video address": a medium noun may qualify the next; "a post on her Telegram channel"
        rf"(?:\s+(?:{_MEDIUM_NOUNS})\b)?"
        rf"(?:\s+(?:with|to|for|on)\s+(?:the\s+|her\s+|his\s+|its\s+|their\s+)?(?!{_DAY_NAMES})"
        rf"(?:{_PLATFORMS}|[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*)*)(?:\s+(?:channel|account|page|feed))?)?)"
    ),
    re.compile(
        rf"\b(?:on|to)\s+(?P<medium>{_PLATFORMS}|(?:state |national |public )?(?:television|TV|radio))(?!\w)"
    ),
    re.compile(
        r"\btold\s+(?P<medium>(?:state |national |public )?(?:television|TV|radio)"
        r"|(?:the |The )?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,3})(?=\s+(?:that|in|on)\b|[,.;:]|\s*$)"
    ),
    re.compile(r"\b(?P<medium>posted|tweeted)\b"),
)
_LEADING_MEDIUM = re.compile(
    rf"(?:in|on|at|during)\s+(?:an?|the|his|her|their|its)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_MEDIUM_NOUNS})\b"
    rf"|on\s+(?:{_PLATFORMS})\b|to\s+(?:reporters|journalists|lawmakers|parliament|MPs)\b"
)
# Audiences, not outlets: "told Parliament that ..." names no medium.
_AUDIENCES = re.compile(
    r"parliament|congress|senate|house|cabinet|bundestag|nato|reporters|lawmakers|mps|journalists", re.I
)
_TOLD_OBJECT = re.compile(r"^\s+(?:[\w.’'-]+\s*){1,9}?(?=[,:]|\s+(?:in|on|at|that)\b|\s*$)")
# A chat export's turn: "[09:12] tomas.r: " -- the handle posts what follows, it says nothing itself.
CHAT_TURN = re.compile(r"\s*\[\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\]\s*[\w.@-]{1,30}:\s+")
# "TALLINN — ", "09:15 CET — Update: ", and a live blog's time on a line of its own: "09:10\nRutte, ..."
STAMP = re.compile(
    r"(?:[^—–\n]{1,40}?\s[—–]{1,2}\s+|\d{1,2}[:.]\d{2}(?:[ \t]+[A-Z]{2,4})?[ \t]*\n\s*"
    # a wire's dateline and an agency's clock written with a hyphen: "PRAGUE, Feb 10 (Wire) - ",
    # "0903 - ", "09:03 GMT - "
    r"|[A-Z][A-Z.’']+(?:[ ][A-Z][A-Z.’']+){0,3}(?:,[^—–\n-]{1,40}?)?[ ]-[ ]+"
    r"|(?:\d{4}|\d{1,2}[:.]\d{2})(?:[ ][A-Z]{2,4})?[ ]-[ ]+)(?:Update:\s+)?"
)
_AS = re.compile(r"As\s+")
_CHARACTERIZING = re.compile(
    rf"(?:,\s[^,“”\"‘]{{1,120}},)?,?\s+(?:(?:{_ADVERBS})\s+)*"
    r"(?P<verb>called|calls|described|describes|dismissed|branded|labelled|labeled|hailed)\b"
)
_RELATIVE_SPEECH = re.compile(rf",\s+who\s+(?:(?:{_ADVERBS})\s+)*(?:{VERB})\b")
_ACCORDING = re.compile(r"according to\s+")
_SOURCE_WORDS = re.compile(r"[^,.;“”\"]*")  # an unnamed source's qualifier runs to the sentence's end
_CREDIT = re.compile(r"\s*(?:[—–]|--?(?=\s))\s*")  # a dash crediting a quotation to its speaker
# Where words were said: "in Oslo", "in The Hague"; a month or weekday is a time, not a place.
# An acronym or a possessive ("in NATO's report") names a body, not a place.
_PLACE = re.compile(r"\bin\s+(?P<place>(?:The\s+)?[A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*){0,2})\b(?![’'-])")
_NOT_PLACES = frozenset(
    (
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "monday", "tuesday", "wednesday"),
        *("thursday", "friday", "saturday", "sunday", "parliament", "congress"),
    )
)
_ASIDE_END = re.compile(r",\s+")
# Where a subordinate clause holding a speech frame may open.
_EMBEDDED = re.compile(r"\b(?:after|before|when|since|as|because|while|where)\s+")
_EMBEDDED_PRONOUN = re.compile(r"(?:he|she)\b")
_BARE_INTRO = re.compile(
    r"(?:In|At|On|During|After|Before|Outside|Inside)\s+[^,;:“”\"]{1,60}?\s+(?=(?:he|she)\s)"
)
_ADVERB_INTRO = re.compile(
    r"(?:Later|Then|Meanwhile|Afterwards|Earlier|Separately|Yesterday|Today|Even|Only|Also|Still|Now|Indeed)\s+(?=[A-Z])"
)
_YEAR = re.compile(r"\b\d{4}\b")
_COUNTS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_YEARS_AGO = re.compile(rf"\b(?P<count>\d{{1,2}}|(?i:{'|'.join(_COUNTS)}))\s+years?\s+ago\b", re.I)
_OWN_HANDLE = re.compile(r"\b(?:from|on)\s+(?:his|her|their)\s+@(?P<handle>[A-Za-z][\w.]{2,40})\s+account\b")
# What may follow an unnamed source before its verb: "a spokesperson for the ministry said",
# "officials in both capitals said", "people familiar with the talks said", and then an aside set off
# by commas ("an aide from another government, who asked not to be named, said"). Not "a source close to
# Jane Doe": that reads too easily as her words.
_SOURCE_QUALIFIER = re.compile(
    r"\s+(?:for|from|in|at|with|to|close to|near|familiar with|involved in|briefed on)(?:\s+[\w’'.-]+){1,6}?"
    rf"(?=(?:,\s[^,“”\"‘]{{1,120}},)?\s+(?:(?:{_ADVERBS})\s+)*(?:{VERB})\b)"
)
# A second predicate of the same subject: "Denmark set up a fund and said ...". No clause of its
# own may come between ("who", "which", "that"): its subject would be another.
_SECOND_PREDICATE = re.compile(
    rf",?\s+(?:and|but)\s+(?:(?:{_ADVERBS})\s+)*(?P<verb>{VERB})\b(?=[^“”\"‘]*?\bthat\b|\s+[“\"‘])"
)
# A speech verb right after another of the same subject: "agreed, but said ...", "paused and added ...".
_THEN_SAID = re.compile(rf",?\s+(?:and|but)\s+(?:(?:{_ADVERBS})\s+)*(?P<verb>{VERB})\b")
_AND_VERB = re.compile(
    r"\s+(?![^,;:“”\"]*?\b(?:who|which|that|whose)\b[^,;:“”\"]*?\sand\s)[^,;:“”\"]{1,80}?\s+and\s+"
    rf"(?:(?:{_ADVERBS})\s+)*(?P<verb>{VERB})\b"
)
_USED_TO = re.compile(
    r"\s+used\s+(?:an?|the|his|her|their|its)\s+[^,;:“”\"]{1,60}?\s+to\s+"
    r"(?P<verb>argue|say|warn|insist|announce|stress|signal|call for|urge|promise|pledge)\b"
)
_SPEECH_NOUN = re.compile(
    r"[’']s?\s+(?:(?:first|last|latest|own|blunt|short|only|final)\s+)?"
    r"(?:reply|replies|answer|response|retort|words|message|remark|comment|verdict|warning|advice|promise|line)\b"
)
_THEIR_WORDS = re.compile(
    r"(?P<pronoun>[Hh]is|[Hh]er)\s+(?:(?:first|last|latest|own|blunt|short|only|final)\s+)?"
    r"(?:reply|answer|response|retort|words|message|remark|comment|verdict|warning|advice|line)\b"
)
# ... after an apposition too: "his daughter, Karen Kjeldsen, a lawyer, who said in a statement that ..."
_RELATIVE_REPORT = re.compile(
    rf"(?:,\s+(?:an?|the)\s+[^,;:“”\"]{{1,60}})?,\s+who\s+(?:(?:{_ADVERBS})\s+)*(?P<verb>{VERB})\b"
)
_STAFF_OF = re.compile(
    r"\b(?:aides?|advis[eo]rs?|spokes(?:man|woman|person)|officials?|staff|deputy|assistants?)\s+(?:to|for|of)\s+"
    r"(?:[\w’'-]+\s+){0,4}$",
    re.I,
)
_TRAILING = re.compile(r",\s+(?=\S)")
# An apposition may stand between the speaker and the verb: "..., Lena Maris, the minister, said."
_TRAILING_VERB = re.compile(
    rf"(?:,\s[^,“”\"‘]{{1,120}},|,)?\s+(?:(?:{_ADVERBS})\s+)*(?P<verb>said|says|added|adds|stated|states|noted|notes|told(?:\s+[\w’'-]+){{1,3}}?"
    r"|wrote|writes|confirmed|confirms|warned|warns|insisted|insists|argued|argues|estimated|estimates|reported"
    r"|declared|declares)"
    r"(?=[\s,.]|$)"
)
# "<clause>, said the ministry." and "<clause>, informed on Monday the ministry."
_INVERTED_VERB = re.compile(
    r"(?P<verb>said|says|added|adds|stated|states|noted|notes|wrote|writes|confirmed|confirms|warned|warns"
    r"|insisted|insists|argued|argues|announced|announces|informed|informs|explained|explains|declared|declares)\s+"
)
_INVERTED_REACH = 40  # characters of details between an inverted verb and its speaker
_WORD_START = re.compile(r"(?<![\w’'-])(?=[\w])")
_SENTENCE_END = re.compile(r"\s*[.!]?\s*$")
_CLOSING_APPOSITION = re.compile(r",\s+(?:a|an|the|its|his|her|their)\s+[^,;:“”\"]{1,80}?[.!]?\s*")
_JOINT = re.compile(r"\s+and\s+")
_MEDIUM_SAYING = re.compile(
    r"\s+(?:an?|the|its|his|her|their)\s+(?:[\w’'-]+\s+){0,2}?[\w-]+\s+"
    r"(?:saying|stating|announcing|warning|claiming)\s+(?:that\s+)?"
)
_AUTHORED_BY = re.compile(r"\b(?:posted|written|signed|sent|issued|published|tweeted|shared)\s+by\s+")
_READ_COLON = re.compile(r"\b(?:read|reads|said|says|stated|states)\s*:\s*$")
_PARENTHETICAL = re.compile(r"\b(?:that|which)\s+(?=\S)")
_PARENTHETICAL_VERB = re.compile(
    r"\s+(?P<verb>says|said)\s+(?=(?:will|would|could|can|may|might|should|must|is|are|was|were|has|have|had)\b)"
)
_PREDICATE_START = re.compile(
    r"(?:is|are|was|were|will|would|could|should|must|can|may|might|has|have|had|remains|remain)\b"
)
_AND_PRONOUN = re.compile(rf",?\s+and\s+(?=(?:he|she)\s+(?:(?:{_ADVERBS})\s+)*(?:{VERB})\b)")
_NEGATED = re.compile(r"\b(?:not|never|n’t|n't|would|could|might|may|will)\s*$")


@dataclass(frozen=True, slots=True)
class Frame:
    """A speaker, the speech verb that follows them, and where the attribution's words are."""

    speaker: Speaker
    verb: str
    verb_start: int
    verb_end: int
    lead: str  # the words before the speaker: an introductory phrase and titles
    partner: Speaker | None = None  # the second of two people speaking together: "X and Y promised"


def frame(text: str, cast: Cast, *, allow_intro: bool) -> Frame | None:
    """Return the speaker who opens text as subject and the speech verb right after them."""
    for start in _subject_starts(text, allow_intro=allow_intro):
        speaker, end = speaker_at(text, start, cast)
        end = source_end(text, end, speaker)
        verb = _VERB_AFTER_SUBJECT.match(text, end) if speaker else None
        if speaker and verb and not _NEGATED.search(text[end : verb.start("verb")]):
            return Frame(speaker, verb.group("verb"), verb.start("verb"), verb.end("verb"), text[:start])
        joint = _joint_subject(text, end, speaker, cast) if speaker else None
        if speaker and joint is not None:
            partner, verb = joint
            return Frame(
                speaker, verb.group("verb"), verb.start("verb"), verb.end("verb"), text[:start], partner
            )
        used = (_USED_TO.match(text, end) or _AND_VERB.match(text, end)) if speaker else None
        if speaker and used:
            # "Doe used a television interview to argue that ...", "Doe set up a fund and said
            # that ...": the words before the verb still say when and where
            lead = f"{text[:start]} {text[end : used.start('verb')]}"
            return Frame(speaker, used.group("verb"), used.start("verb"), used.end("verb"), lead)
    return _relayed(text, cast) or _second_clause(text, cast)


# Where a second clause with a subject of its own starts: "Officials disagreed, and Mark Rutte said that",
# "Türkiye spent 2.3%, and its defence minister, Kemal Aydın, said"
_CLAUSE_JOIN = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+(?=[A-Z]|(?:its|his|her|their)\s+[a-zA-Z])")


def _second_clause(text: str, cast: Cast) -> Frame | None:
    """Return the speaker and speech verb of a later clause whose subject is named: "NATO planners
    have told Madrid that ..., and Secretary General Mark Rutte said at The Hague that ..."."""
    if ", " not in text and "; " not in text:
        return None
    for join in _CLAUSE_JOIN.finditer(text):
        speaker, end = speaker_at(text, join.end(), cast)
        if speaker is None or speaker.type is not SpeakerType.PERSON:
            continue
        verb = _VERB_AFTER_SUBJECT.match(text, end)
        if verb and not _NEGATED.search(text[end : verb.start("verb")]):
            return Frame(
                speaker, verb.group("verb"), verb.start("verb"), verb.end("verb"), text[: join.end()]
            )
    return None


# A paper passing on someone's words: "The Courant quotes Mark Rutte as saying on Sunday that ...",
# a minister another's: "The Minister quoted the Secretary General, Mark Rutte, as telling ministers that",
# a witness's memory: "She remembers Mark Rutte telling the leaders' dinner that ...",
# "It quotes Defence Minister Jane Doe:"; the words are the quoted person's, not the paper's
_QUOTES = re.compile(rf"\b{RELAY_VERBS}\s+")
# "as telling ministers that ...": the listeners stand between the verb and the words
_AS_SAYING = re.compile(
    r",?\s+(?:as\s+)?(?P<verb>saying|having\s+said|telling\s+(?:[\w’'-]+\s+){1,4}?(?=that\b))\b|(?P<colon>\s*:)"
)


def person_at(text: str, start: int, cast: Cast) -> tuple[Speaker, int] | None:
    """Return the person named at start (not a body or an unnamed source) and where the name ends."""
    speaker, end = speaker_at(text, start, cast)
    if speaker is None or speaker.type is not SpeakerType.PERSON:
        return None
    return speaker, end


def _relayed(text: str, cast: Cast) -> Frame | None:
    """Return the person a paper or another source quotes, with "saying" (or the colon) as the verb."""
    relay = _QUOTES.search(text)
    named = person_at(text, relay.end(), cast) if relay is not None else None
    if relay is None or named is None:
        return None
    speaker, end = named
    verb = _AS_SAYING.match(text, end)
    if verb is None:
        return None
    group = "verb" if verb.group("verb") else "colon"
    return Frame(speaker, "said", verb.start(group), verb.end(group), text[: relay.start()])


def _joint_subject(text: str, end: int, speaker: Speaker, cast: Cast) -> tuple[Speaker, re.Match[str]] | None:
    """Return the second person and the verb of a subject of two people: "Jane Doe and John Roe promised"."""
    joined = _JOINT.match(text, end)
    if joined is None or speaker.type is not SpeakerType.PERSON:
        return None
    partner, partner_end = speaker_at(text, joined.end(), cast)
    if partner is None or partner.type is not SpeakerType.PERSON or partner == speaker:
        return None
    verb = _VERB_AFTER_SUBJECT.match(text, partner_end)
    if verb is None or _NEGATED.search(text[partner_end : verb.start("verb")]):
        return None
    return partner, verb


def source_end(text: str, end: int, speaker: Speaker | None) -> int:
    """Return where an unnamed source's phrase ends, past a qualifier ("officials familiar with the talks")."""
    if speaker is None or speaker.type is not SpeakerType.UNNAMED:
        return end
    qualifier = _SOURCE_QUALIFIER.match(text, end)
    return qualifier.end() if qualifier else end


def _subject_starts(text: str, *, allow_intro: bool) -> list[int]:
    """Return where a sentence's subject may start: its start, after a dateline or time stamp
    ("TALLINN — ", "09:15 CET — "), after "As" ("As Jane Doe put it, ...") and after one or two
    introductory phrases ("In 2019, ", "Last week, in Oslo, ")."""
    starts = [len(text) - len(text.lstrip())]
    stamp = STAMP.match(text) or CHAT_TURN.match(text) or NUMBERED_PARAGRAPH.match(text)
    if stamp:
        starts.append(stamp.end())
    # a clause the writer joins with a semicolon: "Spain spent 2% last year; its defence minister, X, says"
    starts += [m.end() for m in SEMICOLON_JOIN.finditer(text)][:2]
    if allow_intro:
        intro = INTRO.match(text, starts[-1])
        starts += [match.end() for match in (_AS.match(text, starts[-1]), intro) if match]
        second = INTRO.match(text, intro.end()) if intro else None
        if second:
            starts.append(second.end())  # "This month, in a speech in Berlin, Jane Doe warned ..."
        bare = _BARE_INTRO.match(text, starts[0]) or _ADVERB_INTRO.match(text, starts[0])
        if bare:
            # "In the airport he told journalists:", "Later Rutte said ...": no comma before the subject
            starts.append(bare.end())
    return starts


def subject_of(text: str, cast: Cast) -> Speaker | None:
    """Return the speaker a sentence opens with (an introductory phrase allowed), whatever its verb."""
    for start in _subject_starts(text, allow_intro=True):
        speaker, end = speaker_at(text, start, cast)
        if speaker and re.match(r"[\s,]", text[end : end + 1] or " ") and not text[end:].startswith(" and "):
            return speaker
    return None


def words_of(text: str, cast: Cast) -> Speaker | None:
    """Return the person whose words a sentence opens with: "Jane Doe's reply was blunt:", "Her line:"."""
    for start in _subject_starts(text, allow_intro=True):
        owned = _THEIR_WORDS.match(text, start)
        if owned is not None:  # "His words were:", "Her line:": the person the pronoun stands for
            name = resolve_pronoun("he" if owned.group("pronoun").lower() == "his" else "she", cast)
            return Speaker(name) if name else None
        mention = cast.index.first_from(text[: start + 80], start)
        if (
            mention
            and mention.start == start
            and mention.possessive
            and _SPEECH_NOUN.match(text, mention.end)
        ):
            return Speaker(mention.name)
    return None


def handle_owner(text: str, cast: Cast) -> Speaker | None:
    """Return the person whose own account a sentence posts from: "wrote on X from his @Jane_Doe account:".

    Only when the sentence has a speech verb and the handle spells a known person's name; used
    where the subject ("the prime minister") names nobody the article gave that role.
    """
    owned = _OWN_HANDLE.search(text)
    if owned is None or not re.search(rf"\b(?:{VERB})\b", text[: owned.start()]):
        return None
    name = handle_person(owned.group("handle"), cast)
    return Speaker(name) if name else None


def author_of(text: str, cast: Cast) -> Speaker | None:
    """Return the author of a text whose words a sentence introduces: "The post, written by Jane Doe, read:"."""
    if not _READ_COLON.search(text):
        return None
    by = _AUTHORED_BY.search(text)
    if by is None:
        return None
    speaker, end = speaker_at(text, by.end(), cast)
    return None if _JOINT.match(text, end) else speaker  # "signed by Doe and two deputies": not hers alone


def relative_speaker(text: str, cast: Cast) -> Speaker | None:
    """Return the person a relative clause makes the speaker: "a message from Jane Doe, who wrote: …"."""
    found = None
    for mention in cast.index.find(text):
        if not mention.possessive and _RELATIVE_SPEECH.match(text, mention.end):
            found = Speaker(mention.name)
    return found


def attribution_after(segment: str, cast: Cast) -> tuple[Speaker, str, str] | None:
    """Return (speaker, attribution details, rest) for the words after a quotation."""
    credit = _CREDIT.match(segment)
    if credit is not None:  # "“…” — Jane Doe, speaking in Oslo on Monday.": a name, no verb
        speaker, end = speaker_at(segment, credit.end(), cast)
        if speaker is not None and re.match(r"\s*(?:[,.;]|$)", segment[end:]):
            return speaker, segment[end:], ""
    body = segment.lstrip(" ,—–-")
    according = _ACCORDING.match(body)
    if according is not None:  # "“…,” according to one diplomat present at the talks."
        speaker, end = speaker_at(body, according.end(), cast)
        if speaker is not None and speaker.type is SpeakerType.UNNAMED:
            qualifier = _SOURCE_WORDS.match(body, end)  # "one diplomat present at the talks"
            end = qualifier.end() if qualifier else end
        if speaker is not None and re.fullmatch(r"\s*[.!]?\s*", body[end:]):
            return speaker, body[:end], ""
    found = frame(body, cast, allow_intro=False)
    if found is not None:
        details, _, rest = body[found.verb_start :].partition(",")
        return found.speaker, details, rest
    verb_first = _VERB_FIRST.match(body)
    if verb_first is None:
        return None
    speaker, end = speaker_at(body, verb_first.end(), cast)
    if speaker is None:
        return None
    details, _, rest = re.sub(r"^,\s+(?:a|an|the|who)\s+[^,]*", "", body[end:]).partition(",")
    if not details.strip() and only_details(f" {rest.strip().rstrip('.')}", verb_first.group("verb")):
        details, rest = rest, ""  # "said Jane Doe, the minister, in an interview with the BBC."
    return speaker, f"{verb_first.group('verb')} {details}", rest


# Verbs whose listener may stand before the clause: "warned MPs that ...", "assured allies that ...".
_LISTENER_VERBS = frozenset(
    (
        "tells",
        "reminds",
        "likes to remind",
        "likes to tell",
        "loves to remind",
        "never tires of reminding",
        "assured",
        "reminded",
        "reassured",
        "warned",
        "warns",
        "informed",
        "informs",
        "advised",
        "advises",
    )
)


def only_details(words: str, verb: str) -> bool:
    """Return whether the words after a verb only say where, when, how or to whom it was said."""
    if verb.startswith("told") or verb in _LISTENER_VERBS:
        words = _TOLD_OBJECT.sub("", words)  # its object comes first: "told reporters", "warned MPs"
    return bool(_ATTRIBUTION_DETAILS.fullmatch(words))


def reported_clause(text: str, cast: Cast) -> tuple[Frame, int, str] | None:
    """Return the frame, where the reported clause starts, and the attribution details between."""
    found = frame(text, cast, allow_intro=True)
    if found is None:
        return None
    reported = clause_after(text, found, cast)
    then = _THEN_SAID.match(text, found.verb_end) if reported is None else None
    if then is not None:  # "Stubb agreed, but said money alone would not fix it"
        reported = clause_after(
            text,
            replace(found, verb=then.group("verb"), verb_start=then.start("verb"), verb_end=then.end("verb")),
            cast,
        )
    return reported


def second_predicate(text: str, start: int, end: int, speaker: Speaker) -> Frame | None:
    """Return the frame of the speaker's second speech verb in text[start:end], if any.

    "Doe said that …, but warned MPs that …": after ", and" or ", but" a new speech verb of the
    same subject opens a second report, which ends the first.
    """
    found = _SECOND_PREDICATE.search(text, start, end)
    if found is None:
        return None
    return Frame(speaker, found.group("verb"), found.start("verb"), found.end("verb"), "")


_ASKED_WHETHER = re.compile(r"\s+(?=(?:whether|if|how|why)\s)")


def clause_after(text: str, found: Frame, cast: Cast) -> tuple[Frame, int, str] | None:
    """Return the frame, where the clause its verb reports starts, and the details between."""
    rest = text[found.verb_end :]
    question = _ASKED_WHETHER.match(rest) if found.verb in ("asked", "asks") else None
    if question is not None:  # "asked whether Britain now intended to be “overtaken by ...”"
        return found, found.verb_end + question.end(), ""
    that = _THAT_CLAUSE.match(rest)
    if that and only_details(that.group("extras"), found.verb):
        return found, found.verb_end + that.start("clause"), that.group("extras")
    saying = _MEDIUM_SAYING.match(rest)
    if saying and CLAUSE_START.match(rest, saying.end()):
        # "posted a graphic saying that ...": the medium carries the words
        return found, found.verb_end + saying.end(), rest[: saying.end()]
    if re.fullmatch(OBJECT_VERBS, found.verb):
        # "He praised, he texted, ...": a verb without its object reports nothing; a time right
        # after the verb ("promised on Tuesday to ...") dates the report
        if rest.strip()[:1] in (",", ".", ";", ""):
            return None
        return found, found.verb_start, rest[: skip_details(rest, found.verb, cast.published)]
    if found.lead.strip() == "As":
        # "As my colleague Jane Doe put it at a seminar, the ratio is “a thermometer”": what follows
        # the attribution is what was said (the "As" phrase is no part of it)
        details = _ATTRIBUTION_DETAILS.match(rest)
        details_end = details.end() if details is not None and details.group(0).rstrip().endswith(",") else 0
        after = _ASIDE_END.match(rest, details_end) if details_end == 0 else details
        if after is not None and (
            CLAUSE_START.match(rest, after.end()) or _PREDICATE_START.match(rest, after.end())
        ):
            return found, found.verb_end + after.end(), rest[: after.end()].rstrip(" ,")
        return None
    if found.verb not in _THAT_OPTIONAL:
        return None
    details_end = skip_details(rest, found.verb, cast.published)
    aside = _ASIDE_END.match(rest, details_end) if found.lead.strip() else None
    if aside:
        # "If the review finds waste, she said, the levy could go": the attribution is set off by
        # commas inside the sentence, whose opening words ("If ...") belong to what was said
        if not CLAUSE_START.match(rest, aside.end()) and not _PREDICATE_START.match(rest, aside.end()):
            return None  # "The plan, she said, is dead": the predicate after the aside is said too
        stamp = STAMP.match(text)
        return found, stamp.end() if stamp else len(text) - len(text.lstrip()), rest[:details_end]
    if not CLAUSE_START.match(rest, details_end) or _object_only(rest[details_end:]):
        return None
    return found, found.verb_end + details_end, rest[:details_end]


def tells_of_speaking(text: str) -> bool:
    """Return whether a sentence tells of words said or written: a speech verb or noun ("a warning")."""
    return _SPEAKING.search(text) is not None


def noun_phrase(words: str) -> bool:
    """Return whether words are a short phrase without a verb of their own ("the delivery on Friday").

    The verb test cannot see every plural's present ("the Dutch want a cap"), so only a short
    phrase, as objects and roles are, is judged to be one.
    """
    return len(words.split()) <= _PHRASE_WORDS and _FINITE.search(words) is None


def _object_only(clause: str) -> bool:
    """Return whether the words after a speech verb are its object, not a clause of what was said.

    "confirmed the delivery on Friday, saying ..." has no verb of its own before the writer's
    participle. Words that run into a quotation ("said he “was ...”", a sentence cut before the
    quotation) are judged with the quotation, so are never an object here, unless a participle
    ends them first ("confirmed the delivery, saying it had come “early”").
    """
    if not clause.rstrip().endswith((".", "!", "?")):
        speech = _PARTICIPLE_OF_SPEECH.search(clause)
        return speech is not None and noun_phrase(clause[: speech.start()])
    return noun_phrase(_PARTICIPLE.split(clause, maxsplit=1)[0].rstrip(" .!?"))


def second_report(
    clause: str, speaker: Speaker, cast: Cast
) -> tuple[int, int, tuple[Frame, int, str]] | None:
    """Return a second report of a person inside the clause the person reported first.

    "Doe argued the alliance must spend more, and she has praised Oslo for …": the pronoun after
    ", and" is the sentence's subject (when its gender agrees), and what follows is a report of its
    own. Returns (where the first clause ends, where the second frame's text starts, its frame),
    positions in ``clause``.
    """
    if speaker.type is not SpeakerType.PERSON or " and " not in clause:
        return None
    joined = _AND_PRONOUN.search(clause)
    if joined is None:
        return None
    own = replace(cast, referent=Referent(speaker.name, cast.position))
    found = reported_clause(clause[joined.end() :], own)
    if found is None or found[0].speaker != speaker:
        return None
    return joined.start(), joined.end(), found


def embedded_report(text: str, cast: Cast) -> tuple[Frame, int, str] | None:
    """Return a speech frame inside a subordinate clause: "..., a day after he told a meeting that ...".

    Only the frame nearest the end counts, and only with a that-clause; used where quoted words in
    that clause show it is speech.
    """
    found = None
    for match in _EMBEDDED.finditer(text):
        speaker, end = speaker_at(text, match.end(), cast)
        pronoun = _EMBEDDED_PRONOUN.match(text, match.end())
        if pronoun:  # "Doe is here, a day after he told ...": "he" is the person the sentence named
            named = {m.name for m in cast.index.find(text[: match.start()]) if not m.possessive}
            speaker = Speaker(named.pop()) if len(named) == 1 else None
        verb = _VERB_AFTER_SUBJECT.match(text, end) if speaker else None
        if speaker is None or verb is None or speaker.type is not SpeakerType.PERSON:
            continue
        that = _THAT_CLAUSE.match(text, verb.end("verb"))
        if that and only_details(that.group("extras"), verb.group("verb")):
            lead = text[: match.end()]
            found = (
                Frame(speaker, verb.group("verb"), verb.start("verb"), verb.end("verb"), lead),
                that.start("clause"),
                that.group("extras"),
            )
    return found


def parenthetical_report(text: str, cast: Cast) -> tuple[Frame, int, str] | None:
    """Return a speech frame set inside a relative clause: "a method that she says could cut costs".

    The speaker (a pronoun or a known person) vouches for what the relative clause predicates of
    its noun: the report is the predicate, from its auxiliary ("could cut costs").
    """
    if " says " not in text and " said " not in text:
        return None
    for match in _PARENTHETICAL.finditer(text):
        speaker, end = speaker_at(text, match.end(), cast)
        verb = _PARENTHETICAL_VERB.match(text, end) if speaker else None
        if speaker is None or verb is None or speaker.type is not SpeakerType.PERSON:
            continue
        found = Frame(
            speaker, verb.group("verb"), verb.start("verb"), verb.end("verb"), text[: match.start()]
        )
        return found, verb.end(), ""
    return None


# "Speed, he said, mattered more than origin": the attribution set between commas inside the words.
_INSERTED_AT = re.compile(r"(?P<head>[^,;:“”\"]{2,80}),\s+")
_INSERTED_VERB = re.compile(
    r"\s+(?P<verb>said|says|added|argued|insisted|warned|noted|believes|believed|admitted|conceded|acknowledged"
    # "told reporters", "told the Senate in July": the listeners, and when or where
    r"|told\s+(?:the\s+)?(?:reporters|journalists|MPs|lawmakers|senators|parliament|[A-Z][\w’'-]+)"
    r"(?:\s+(?:in|on|at|last|this)\s+[^,;:“”\"]{2,30}?)?)"
    # the sentence goes on with its predicate, not a writer's clause ("..., Doe said, though ...")
    r",\s+(?=[a-z])(?!(?:though|although|but|and|as|because|while|whereas|even|so|since|after|before|when)\b)"
)


def inserted_report(text: str, cast: Cast) -> tuple[Frame, str] | None:
    """Return the frame of an attribution set inside a sentence and the words it reports, joined.

    "The army, Hartlieb said, needed shells now" is Hartlieb's report that the army needed shells
    now. Only a person (by name or a pronoun that resolves to one) speaks so; what follows the
    second comma must go on in lower case, as the sentence it interrupts does.
    """
    head = _INSERTED_AT.match(text)
    if head is None:
        return None
    speaker, end = speaker_at(text, head.end(), cast)
    verb = _INSERTED_VERB.match(text, end) if speaker else None
    if speaker is None or verb is None or speaker.type is not SpeakerType.PERSON:
        return None
    found = Frame(speaker, verb.group("verb"), verb.start("verb"), verb.end("verb"), "")
    return found, f"{head.group('head')} {text[verb.end() :]}"


_SAID_VERBS = frozenset({"said", "says", "told", "argued", "warned", "insisted", "added"})
# A subject opens the clause: "the plan was ...", "Spain would ...", "it had ..."
_BARE_CLAUSE = re.compile(
    r"(?P<extras>)\s+(?P<clause>(?:the|a|an|it|they|he|she|its|their|[A-Z][\w’'-]*)\s.*)$", re.S
)


def relative_report(text: str, cast: Cast) -> tuple[Frame, int, str] | None:
    """Return the frame and that-clause of a relative clause of speech: "Trump, who has demanded that ...".

    The person the relative clause hangs on is the speaker, whatever the sentence's own subject
    does ("The plan angered Jane Doe, who wrote on X that it was “absurd”").
    """
    if "who" not in text:
        return None  # spare the sentences without a relative clause the scan for names
    for mention in cast.index.find(text):
        verb = _RELATIVE_REPORT.match(text, mention.end) if not mention.possessive else None
        if verb is None or _STAFF_OF.search(text, max(0, mention.start - 60), mention.start):
            continue  # "an aide to Defence Minister Jane Doe, ..., who said": the aide may have
        # "who said that ...", and "who said the plan was ...": a reporting verb's clause without "that"
        that = _THAT_CLAUSE.match(text, verb.end("verb"))
        if that is None and verb.group("verb") in _SAID_VERBS:
            that = _BARE_CLAUSE.match(text, verb.end("verb"))
        if that and only_details(that.group("extras"), verb.group("verb")):
            found = Frame(
                Speaker(mention.name),
                verb.group("verb"),
                verb.start("verb"),
                verb.end("verb"),
                "",  # the main clause's time and place are not the relative clause's
            )
            return found, that.start("clause"), that.group("extras")
    return None


def trailing_attribution(text: str, cast: Cast) -> tuple[Speaker, int, str] | None:
    """Return (speaker, where the clause ends, details) of "<clause>, <speaker> said [details]."

    The attribution closes the sentence, or is followed by the writer's own words after a comma
    ("..., diplomats said on Friday, four days before the summit"). The clause before it is the
    reported statement. The attribution may be inverted and close the sentence: "<clause>, said
    the ministry on Monday." or "<clause>, announced on Monday the ministry."
    """
    for match in _TRAILING.finditer(text):
        inverted = _inverted_attribution(text, match.end(), cast)
        if inverted is not None:
            return inverted[0], match.start(), inverted[1]
        speaker, end = speaker_at(text, match.end(), cast)
        verb = _TRAILING_VERB.match(text, source_end(text, end, speaker)) if speaker else None
        if speaker is None or verb is None:
            continue
        details = text[verb.end() :].partition(",")[0]
        if only_details(details.rstrip(" ."), verb.group("verb")):
            return speaker, match.start(), f"{verb.group('verb')} {details}"
    return None


def _inverted_attribution(text: str, start: int, cast: Cast) -> tuple[Speaker, str] | None:
    """Return (speaker, details) of an inverted attribution closing the sentence at start.

    Only words that say when, where or how may stand between the verb and the speaker, and only
    an apposition ("said Jane Doe, the minister.") or the details may follow the speaker.
    """
    verb = _INVERTED_VERB.match(text, start)
    if verb is None:
        return None
    for word in _WORD_START.finditer(text, verb.end(), min(len(text), verb.end() + _INVERTED_REACH)):
        between = text[verb.end() : word.start()]
        if between.strip() and not only_details(f" {between.rstrip()}", verb.group("verb")):
            continue
        speaker, end = speaker_at(text, word.start(), cast)
        if speaker is None or (speaker.type is SpeakerType.UNNAMED and not _SENTENCE_END.match(text, end)):
            continue
        after = text[end:]
        if (
            _SENTENCE_END.match(after)
            or _CLOSING_APPOSITION.fullmatch(after)
            or only_details(after.rstrip(" ."), "")
        ):
            return speaker, f"{verb.group('verb')} {between} {after}"
    return None


# A participle of speech after a clause reports for the clause's subject: "…,” she said, adding that
# …", "The ministry confirmed the delivery, saying the radar had arrived", "…, telling reporters that …".
_PARTICIPLE_OF_SPEECH = re.compile(
    r",\s+(?P<verb>adding|saying|noting|warning|arguing|insisting|stressing|explaining|telling"
    r"(?:\s+(?!that\b)[\w’'-]+){1,3}?)\s+(?:that\s+)?(?=\S)"
)


def participle_report(text: str, speaker: Speaker, start: int = 0) -> tuple[Frame, int, str] | None:
    """Return the frame of a participle of speech after start, its clause starting right after it.

    The participle's subject is the sentence's speaker, given by the caller: the subject of the
    main clause, or the speaker an attribution of a quotation just named.
    """
    found = _PARTICIPLE_OF_SPEECH.search(text, start)
    if found is None or not CLAUSE_START.match(text, found.end()):
        return None
    verb = found.group("verb").split()[0]
    return Frame(speaker, verb, found.start("verb"), found.start("verb") + len(verb), ""), found.end(), ""


def characterization(text: str, cast: Cast) -> tuple[Frame, int, str] | None:
    """Return a frame of calling something a name ("X called the cut ‘a false economy’"), clause from the verb.

    Only with quoted words after it: without them "called" is as often a telephone call.
    """
    for start in _subject_starts(text, allow_intro=True):
        speaker, end = speaker_at(text, start, cast)
        verb = _CHARACTERIZING.match(text, end) if speaker else None
        if speaker and verb:
            found = Frame(speaker, verb.group("verb"), verb.start("verb"), verb.end("verb"), text[:start])
            return found, found.verb_start, ""
        calling = _CALLING.search(text, end) if speaker and speaker.type is SpeakerType.PERSON else None
        if (
            speaker
            and calling is not None
            and _CLAUSE_JOIN.search(text, end, calling.start()) is None
            # another's clause between: "met Viktor Orbán, who rejected the plan, calling it ..."
            and _OTHER_CLAUSE.search(text, end, calling.start()) is None
            and not [m for m in cast.index.find(text[end : calling.start()]) if m.name != speaker.name]
        ):
            # "Mark Rutte welcomed the plan in Brussels, calling it “serious and credible”": the subject's
            found = Frame(
                speaker, calling.group("verb"), calling.start("verb"), calling.end("verb"), text[:start]
            )
            return found, found.verb_start, ""
    return None


def relative_naming(text: str, cast: Cast) -> Frame | None:
    """Return the frame of a name given in a relative clause just before quoted words: "the undersea
    cables, which she calls “the soft underbelly of the Atlantic”" (the relative pronoun is the object)."""
    found = _WHICH_CALLS.search(text)
    if found is None:
        return None
    speaker, end = speaker_at(text, found.start("who"), cast)
    if speaker is None or end != found.end("who"):
        return None
    return Frame(speaker, found.group("verb"), found.start("verb"), found.end("verb"), "")


_WHICH_CALLS = re.compile(
    r",\s+(?:which|what)\s+(?P<who>[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+"
    r"(?:(?:also|often|likes\s+to|prefers\s+to|has)\s+)?"
    r"(?P<verb>calls|called|call|describes\s+as|described\s+as|dubs|dubbed|terms|termed)\s*$"
)


_OTHER_CLAUSE = re.compile(
    r",\s+(?:who|which|whose|whom|that|though|although|after|before|when|while|because|as|since)\b"
    r"|\b(?:was|were|is|are|been|being)\s+\w+ed\s+by\b",
    re.I,
)
_CALLING = re.compile(
    r",\s+(?P<verb>calling|describing|branding|labelling|labeling|dubbing)\s+(?:it|them|the|this|that|him|her)\b"
)


def skip_details(rest: str, verb: str, published: PartialDate | None) -> int:
    """Return where the clause after the verb starts, past its object, times and media."""
    position = len(rest) - len(rest.lstrip())
    if verb.startswith("told") or verb == "tells":
        listener = re.match(
            r"(?:the\s+)?(?:reporters|journalists|lawmakers|parliament|MPs|me|us|him|her|them|[A-Z][\w’'.-]*"
            r"(?:\s+[A-Z][\w’'.-]*){0,3})\s+",
            rest[position:],
        )
        if listener is None:
            return len(rest)  # "told" needs its listener before the clause
        position += listener.end()
    while length := _detail_length(rest[position:], published):
        position += length
        position += len(rest[position:]) - len(rest[position:].lstrip(" ,"))
    return position


def _detail_length(words: str, published: PartialDate | None) -> int:
    """Return the length of a time ("on Tuesday") or medium ("in a statement") opening words, else 0."""
    medium = _LEADING_MEDIUM.match(words)
    if medium:
        return medium.end()
    return next((end for _ref, start, end in find_times(words, published) if start == 0), 0)


def _not_after(ref: TimeRef, published: PartialDate | None) -> TimeRef:
    """Return a time of speaking no later than publication: words are said before they are reported.

    "In February" in a late-December review is the February past, unless the text writes the year.
    """
    if published is None or ref.year is None or ref.month is None or published.month is None:
        return ref
    later = (ref.year, ref.month, ref.day or 0) > (published.year, published.month, published.day or 31)
    return ref.model_copy(update={"year": ref.year - 1}) if later and not _YEAR.search(ref.text) else ref


def place_of(attribution: str) -> str | None:
    """Return the place an attribution's words say the words were said in, as written."""
    for match in _PLACE.finditer(attribution):
        place = match.group("place")
        if place.split()[0].lower() not in _NOT_PLACES:
            return place
    return None


def when_of(attribution: str, published: PartialDate | None) -> TimeRef | None:
    """Return the first time named in an attribution's words, resolved ("six years ago" too)."""
    times = find_times(attribution, published)
    if times:
        return _not_after(times[0][0], published)
    ago = _YEARS_AGO.search(attribution)
    if ago is None or published is None:
        return None
    count = ago.group("count").lower()
    years = int(count) if count.isdigit() else _COUNTS.index(count) + 1
    return TimeRef(text=ago.group(0), year=published.year - years)


def medium_of(attribution: str, cast: Cast) -> str | None:
    """Return where the words appeared, as written, when the attribution says so."""
    for pattern in _MEDIUM_PATTERNS:
        match = pattern.search(attribution)
        medium = (
            re.sub(r"(?<=[a-z]{2}|[A-Z]{2})\.$", "", match.group("medium")) if match else ""
        )  # a full stop ("the BBC."), not the last dot of "U.S."
        if medium in ("posted", "tweeted"):
            return "post"
        # "told Parliament" and "told Jane Doe" name listeners, not outlets.
        if medium and not _AUDIENCES.fullmatch(medium.removeprefix("the ")) and not cast.index.find(medium):
            return medium
    return None
