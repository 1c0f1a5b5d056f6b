"""Which people an article marks as women or men, so that "she" never resolves to a man.

Rules:

* Evidence is what the article writes, plus a small list of common first names: an honorific
  before the person's surname anywhere in the body ("Ms Okoro", "Mr. Healey"), a gendered role
  word in their stated role ("spokeswoman", "queen"), or their first name.
* Conflicting evidence, or none, leaves the person unmarked: an unmarked person may still be "he"
  or "she". Gender only vetoes a pronoun's resolution; it never names a speaker by itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.gazetteer import normalize
from knowledge.models import PersonRecord

FEMALE, MALE = "f", "m"
PRONOUN_GENDER = {"she": FEMALE, "he": MALE}

_HONORIFICS = {
    "ms": FEMALE,
    "mrs": FEMALE,
    "miss": FEMALE,
    "madam": FEMALE,
    "dame": FEMALE,
    "lady": FEMALE,
    "baroness": FEMALE,
    "mr": MALE,
    "sir": MALE,
    "lord": MALE,
}
_ROLE_WORDS = {
    "spokeswoman": FEMALE,
    "chairwoman": FEMALE,
    "congresswoman": FEMALE,
    "businesswoman": FEMALE,
    "queen": FEMALE,
    "princess": FEMALE,
    "spokesman": MALE,
    "congressman": MALE,
    "businessman": MALE,
    "king": MALE,
    "prince": MALE,
}
# Common first names of public figures in European and North American news; a name on neither
# list (or used for both) tells nothing. Accents are folded before lookup.
_FEMALE_NAMES = frozenset(
    [
        "anna",
        "anne",
        "annalena",
        "ana",
        "angela",
        "ann",
        "annika",
        "astrid",
        "barbara",
        "birgit",
        "brigitte",
        "camilla",
        "carla",
        "caroline",
        "catherine",
        "charlotte",
        "christine",
        "claire",
        "claudia",
        "dorothea",
        "elena",
        "elisabeth",
        "elizabeth",
        "ella",
        "elsa",
        "emma",
        "eva",
        "frederikke",
        "giorgia",
        "hanna",
        "hannah",
        "helen",
        "helena",
        "helga",
        "ieva",
        "ilse",
        "inga",
        "ingrid",
        "irene",
        "isabel",
        "jacinda",
        "jane",
        "jennifer",
        "johanna",
        "julia",
        "julie",
        "kaja",
        "kamala",
        "karin",
        "katarina",
        "katharina",
        "kate",
        "katrin",
        "kristina",
        "laura",
        "lena",
        "linda",
        "liz",
        "lucy",
        "magdalena",
        "maja",
        "margaret",
        "margrethe",
        "maria",
        "marie",
        "marine",
        "marit",
        "marta",
        "mary",
        "mette",
        "monika",
        "nadia",
        "natalia",
        "olena",
        "petra",
        "rachel",
        "ruth",
        "sabine",
        "sandra",
        "sanna",
        "sarah",
        "sofia",
        "sophie",
        "susanne",
        "svenja",
        "tanja",
        "teresa",
        "ulrike",
        "ursula",
        "valerie",
        "vera",
        "victoria",
        "yvette",
        "zuzana",
    ]
)
_MALE_NAMES = frozenset(
    [
        "alexander",
        "andrzej",
        "anders",
        "antony",
        "antonio",
        "bart",
        "ben",
        "boris",
        "carl",
        "charles",
        "christian",
        "christoph",
        "dan",
        "daniel",
        "david",
        "dick",
        "donald",
        "edgars",
        "emmanuel",
        "emre",
        "frank",
        "friedrich",
        "gabriel",
        "gitanas",
        "george",
        "guido",
        "hakan",
        "hans",
        "henrik",
        "ivan",
        "jacek",
        "james",
        "jan",
        "jean",
        "jens",
        "joe",
        "john",
        "jonas",
        "josep",
        "juan",
        "justin",
        "karl",
        "keir",
        "klaus",
        "kristian",
        "lars",
        "lloyd",
        "luca",
        "lukas",
        "marco",
        "mark",
        "markus",
        "martin",
        "matteo",
        "matthew",
        "michael",
        "mikko",
        "nicolas",
        "olaf",
        "olaf",
        "oliver",
        "pedro",
        "pete",
        "peter",
        "pierre",
        "recep",
        "rishi",
        "robert",
        "ruben",
        "sebastien",
        "sergei",
        "stefan",
        "theo",
        "thomas",
        "tobias",
        "tom",
        "viktor",
        "vladimir",
        "volodymyr",
        "wladyslaw",
        "wolfgang",
        "xavier",
    ]
)
_HONORIFIC_BEFORE = re.compile(
    r"\b(?P<title>Ms|Mrs|Miss|Madam|Dame|Lady|Baroness|Mr|Sir|Lord)\.?\s+(?P<name>[A-Z][\w’'-]+)"
)


def genders(people: Sequence[PersonRecord], body: str) -> dict[str, str]:
    """Return the gender the article marks for each person it marks, by canonical name."""
    evidence: dict[str, set[str]] = {person.name: set() for person in people}
    by_surname = {normalize(person.name.split()[-1]): person.name for person in people}
    for match in _HONORIFIC_BEFORE.finditer(body):
        name = by_surname.get(normalize(match.group("name")))
        if name is not None:
            evidence[name].add(_HONORIFICS[match.group("title").lower()])
    for person in people:
        role_words = (person.role or "").lower().split()
        evidence[person.name] |= {_ROLE_WORDS[w] for w in role_words if w in _ROLE_WORDS}
        first = normalize(person.name.split()[0])
        if first in _FEMALE_NAMES and first not in _MALE_NAMES:
            evidence[person.name].add(FEMALE)
        elif first in _MALE_NAMES and first not in _FEMALE_NAMES:
            evidence[person.name].add(MALE)
    return {name: found.pop() for name, found in evidence.items() if len(found) == 1}
