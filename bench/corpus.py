"""A deterministic synthetic news corpus for the scale benchmark.

``generate(count, seed)`` yields ``(name, text)`` pairs: plain-text articles with a
``Title:/Source:/Date:`` header (the format ``knowledge.extract.reader.read_article`` reads), each
250-500 words. Articles mix every country of the gazetteer, years 2014-2027, shares of GDP,
targets met and missed, amounts in several currencies, verbatim and reported statements by a
fixed cast of generated people with roles, and summits in many cities with dates. The same
``(count, seed)`` always gives the same texts, byte for byte.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from knowledge.gazetteer import COUNTRIES, NATO_MEMBERS, Country

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
OUTLETS = (
    "Atlantic Security Monitor",
    "Nordic Wire",
    "Eastern Flank Review",
    "Defence Digest",
    "Capital Ledger",
    "Harbour Times",
    "Continental Courier",
    "Baltic Observer",
    "Southern Flank Post",
    "Policy Brief Daily",
)
FIRST_NAMES = (
    "Anna",
    "Tomas",
    "Helga",
    "Pieter",
    "Marta",
    "Lukas",
    "Ingrid",
    "Jonas",
    "Sofia",
    "Mateo",
    "Elena",
    "Viktor",
    "Clara",
    "Henrik",
    "Nadia",
    "Oskar",
    "Irene",
    "Bruno",
    "Lena",
    "Emil",
    "Petra",
    "Karel",
    "Alma",
    "Felix",
    "Dora",
    "Matteo",
    "Greta",
    "Aron",
    "Leila",
    "Stefan",
    "Vera",
    "Milan",
    "Rosa",
    "Anton",
    "Ilse",
    "Teodor",
    "Mirela",
    "Jakob",
    "Nora",
    "Radu",
    "Silvia",
    "Erik",
    "Hanna",
    "Dario",
    "Lotte",
    "Filip",
    "Zora",
    "Hugo",
    "Agata",
    "Ivo",
)
SURNAMES = (
    "Kowalczyk",
    "Lindqvist",
    "Moreau",
    "Haverkamp",
    "Ionescu",
    "Petrov",
    "Brandt",
    "Castellano",
    "Nieminen",
    "Vasquez",
    "Horvath",
    "Sorensen",
    "Okafor",
    "Duarte",
    "Rijnders",
    "Kaminski",
    "Lehtonen",
    "Marchetti",
    "Dubois",
    "Novak",
    "Andersen",
    "Kovac",
    "Schuster",
    "Albescu",
    "Oliveira",
    "Jansen",
    "Papadakis",
    "Mikkelsen",
    "Varga",
    "Rossetti",
    "Fontaine",
    "Weber",
    "Hallberg",
    "Stoica",
    "Berisha",
    "Lindgren",
    "Ferreira",
    "Bakker",
    "Mazur",
    "Halvorsen",
    "Costa",
    "Keller",
    "Dimitrov",
    "Aalto",
    "Grimaldi",
    "Nilsen",
    "Szabo",
    "Vogel",
    "Tamm",
    "Ozols",
    "Kask",
    "Bianchi",
    "Rinaldi",
    "Holm",
    "Wagner",
    "Leclerc",
    "Janssens",
    "Eriksen",
    "Morales",
    "Pereira",
    "Zielinski",
    "Hartmann",
    "Molnar",
    "Ruiz",
    "Lund",
    "Falk",
    "Sandoval",
    "Quist",
    "Renner",
    "Thorsen",
    "Vidal",
    "Baumann",
    "Cerny",
    "Lazar",
    "Popa",
    "Fischer",
)
ROLES = (
    ("Defence Minister", 5),
    ("Foreign Minister", 3),
    ("Prime Minister", 2),
    ("President", 1),
    ("Finance Minister", 2),
    ("Chief of Defence", 1),
    ("Deputy Defence Minister", 1),
)
CITIES = (
    ("Vilnius", "Lithuania"),
    ("Madrid", "Spain"),
    ("Brussels", "Belgium"),
    ("Washington", "the United States"),
    ("The Hague", "the Netherlands"),
    ("Ankara", "Türkiye"),
    ("Warsaw", "Poland"),
    ("Bucharest", "Romania"),
    ("Riga", "Latvia"),
    ("Tallinn", "Estonia"),
    ("Oslo", "Norway"),
    ("Helsinki", "Finland"),
    ("Stockholm", "Sweden"),
    ("Rome", "Italy"),
    ("Lisbon", "Portugal"),
    ("Prague", "Czechia"),
    ("Sofia", "Bulgaria"),
    ("Athens", "Greece"),
    ("Copenhagen", "Denmark"),
    ("Reykjavik", "Iceland"),
    ("Berlin", "Germany"),
    ("Paris", "France"),
    ("London", "the United Kingdom"),
    ("Ottawa", "Canada"),
    ("Tirana", "Albania"),
    ("Zagreb", "Croatia"),
    ("Bratislava", "Slovakia"),
    ("Ljubljana", "Slovenia"),
)
TOPICS = (
    "air and missile defence",
    "drone production",
    "ammunition stocks",
    "support for Ukraine",
    "cyber defence",
    "military mobility",
    "the southern flank",
    "Arctic security",
    "space surveillance",
    "naval patrols in the Baltic Sea",
    "artillery production",
    "logistics and fuel depots",
    "recruitment and retention",
    "hybrid threats",
    "critical undersea cables",
    "joint procurement",
    "counter-terrorism",
    "forward defence plans",
    "long-range strike capabilities",
    "border surveillance",
    "energy security",
    "disinformation campaigns",
    "the defence industrial base",
    "rapid reaction forces",
    "nuclear deterrence",
    "satellite communications",
    "armoured brigades",
    "military exercises",
    "medical evacuation",
    "coastal defence",
)
QUOTE_OPENERS = (
    "We must",
    "Our allies expect us to",
    "It is time to",
    "Nobody should doubt that we will",
    "We cannot afford to wait to",
    "This government will",
    "Every ally has to",
    "We are ready to",
)
QUOTE_VERBS = (
    "invest in",
    "speed up",
    "strengthen",
    "pay for",
    "modernise",
    "double",
    "protect",
    "rebuild",
    "finance",
    "expand",
)
QUOTE_CLOSERS = (
    "before the end of the decade",
    "without delay",
    "this year",
    "together with our partners",
    "because our security depends on it",
    "and we will be judged on the results",
    "whatever the cost",
    "step by step",
)
REPORTED_CLAUSES = (
    "the government would present a new plan for {topic} in the autumn",
    "the budget for {topic} would rise again",
    "talks with industry on {topic} were making progress",
    "allies had agreed to share the costs of {topic}",
    "the ministry was reviewing its spending on {topic}",
    "more money for {topic} was the first priority",
    "the country needed more time to deliver on {topic}",
    "cooperation on {topic} with neighbours had never been closer",
)
FILLER = (
    "Analysts at the {institute} said the debate over {topic} had moved from whether to spend to how fast.",
    "Officials in {city} have spent months preparing proposals on {topic} and {topic2}.",
    "The plans cover {topic}, {topic2} and training for reservists.",
    "Industry groups warned that orders for {topic} still arrive too slowly for factories to expand.",
    "Critics argue that money for {topic} is being spread too thinly across too many projects.",
    "Parliament is expected to vote on the package in {month}, after a long committee review.",
    "Several governments have asked for clearer rules on how {topic} counts toward national budgets.",
    "Procurement agencies are now buying {topic} together, which cuts costs and delivery times.",
    "Diplomats described the mood in {city} as sober but determined.",
    "A report by the {institute} found that delays in {topic} remain the biggest weakness.",
    "Opposition lawmakers have demanded a full account of what the new money for {topic} will buy.",
    "The defence committee held hearings on {topic} and on the state of {topic2}.",
    "Local officials in {city} welcomed the plans but asked for help with housing for troops.",
    "Public support for higher budgets has grown steadily, according to recent polls.",
    "Exercises this spring tested {topic} across several borders at once.",
    "Engineers are still working out how to connect {topic} with older systems.",
)
INSTITUTES = (
    "Institute for Strategic Studies",
    "Centre for Defence Economics",
    "Atlantic Policy Forum",
    "Baltic Security Institute",
    "European Defence Observatory",
    "Council on Alliance Affairs",
)
HEADINGS = (
    "The numbers",
    "Who pays what",
    "What ministers said",
    "Looking ahead",
    "Pressure from allies",
    "The summit",
    "Budget fights at home",
    "A long road",
)

_WITH_DEMONYM = tuple(c for c in NATO_MEMBERS if c.demonyms)


@dataclass(frozen=True, slots=True)
class Person:
    """A generated person: full name, role and the country they speak for."""

    name: str
    role: str
    country: Country

    @property
    def surname(self) -> str:
        """Return the surname (the last word of the name)."""
        return self.name.split()[-1]

    def introduction(self) -> str:
        """Return the name with its role title, as a news article first names someone."""
        demonym = self.country.demonyms[0]
        return f"{demonym} {self.role} {self.name}"


def cast(rng: random.Random, size: int) -> list[Person]:
    """Return size distinct generated people with roles and countries."""
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < size:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    roles = [role for role, weight in ROLES for _ in range(weight)]
    people = []
    for name in names:
        country, role = rng.choice(_WITH_DEMONYM), rng.choice(roles)
        if country.code == "US" and role == "Prime Minister":
            role = "Secretary of State"
        people.append(Person(name, role, country))
    return people


def _pct(rng: random.Random, low: float = 0.8, high: float = 4.5) -> str:
    """Return a share of GDP as an article writes it, e.g. "2.14"."""
    return f"{rng.uniform(low, high):.2f}".rstrip("0").rstrip(".")


def _amount(rng: random.Random, country: Country) -> str:
    """Return a defence budget in a plausible currency and unit."""
    billions = rng.uniform(2, 95) if country.code != "US" else rng.uniform(700, 990)
    value = f"{billions:.1f}"
    currency = {"US": "$", "GB": "£", "CA": "C$"}.get(country.code, "€")
    return f"{currency}{value} billion"


def _join(items: list[str]) -> str:
    """Return items as an English list: "A, B and C"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


class ArticleWriter:
    """Writes one article at a time from a shared RNG and cast."""

    def __init__(self, rng: random.Random, people: list[Person]) -> None:
        self.rng = rng
        self.people = people

    def _fill(self, template: str, city: str) -> str:
        """Return a filler sentence with its slots filled."""
        rng = self.rng
        topic, topic2 = rng.sample(TOPICS, 2)
        return template.format(
            topic=topic, topic2=topic2, city=city, month=rng.choice(MONTHS), institute=rng.choice(INSTITUTES)
        )

    def _spending(self, year: int) -> list[str]:
        """Return sentences with spending facts for a few countries."""
        rng = self.rng
        sentences = []
        for country in rng.sample(NATO_MEMBERS, rng.randint(2, 4)):
            fact_year = rng.randint(max(2014, year - 3), year - 1)
            name = country.prose_name()
            subject = name[0].upper() + name[1:]
            form = rng.randrange(4)
            if form == 0:
                earlier = rng.randint(2014, fact_year - 1) if fact_year > 2014 else 2014
                sentences.append(
                    f"{subject} spent {_pct(rng)} percent of its GDP on defence in {fact_year},"
                    f" up from {_pct(rng, 0.8, 2.0)} percent in {earlier}."
                )
            elif form == 1:
                sentences.append(
                    f"{subject}'s defence spending reached {_pct(rng)}% of GDP in {fact_year}, according to"
                    " alliance estimates."
                )
            elif form == 2:
                sentences.append(
                    f"{subject} spent {_amount(rng, country)} on defence in {fact_year}, or about"
                    f" {_pct(rng)} percent of GDP."
                )
            else:
                sentences.append(f"In {fact_year}, {name} spent {_pct(rng)} percent of GDP on its military.")
        if rng.random() < 0.6:
            target_year = rng.randint(2014, year - 1)
            missing = [c.prose_name() for c in rng.sample(NATO_MEMBERS, rng.randint(2, 5))]
            meeting = [c.prose_name() for c in rng.sample(NATO_MEMBERS, rng.randint(2, 4))]
            sentences.append(
                f"Countries missing the 2% target in {target_year} include {_join(missing)}."
                if rng.random() < 0.5
                else f"{_join(meeting)[0].upper()}{_join(meeting)[1:]} met the 2 percent target in {target_year}."
            )
        if rng.random() < 0.3:
            met = rng.randint(5, 31)
            sentences.append(
                f"According to the report, {met} of NATO's 32 members met the alliance's target of spending"
                f" 2% of their GDP on defence in {rng.randint(2014, year - 1)}."
            )
        if rng.random() < 0.25:
            sentences.append(
                f"Total NATO military expenditure reached around ${rng.uniform(0.9, 1.6):.1f} trillion"
                f" in {rng.randint(2016, year - 1)}."
            )
        return sentences

    def _statements(self, speakers: list[Person]) -> list[str]:
        """Return paragraphs of verbatim, partial and reported statements by the speakers."""
        rng = self.rng
        paragraphs = []
        for person in speakers:
            topic = rng.choice(TOPICS)
            quote = (
                f"{rng.choice(QUOTE_OPENERS)} {rng.choice(QUOTE_VERBS)} {topic} {rng.choice(QUOTE_CLOSERS)}"
            )
            clause = rng.choice(REPORTED_CLAUSES).format(topic=rng.choice(TOPICS))
            intro = person.introduction()
            form = rng.randrange(3)
            if form == 0:
                lines = [f"“{quote},” {intro} said on {rng.choice(('Monday', 'Tuesday', 'Thursday'))}."]
            elif form == 1:
                lines = [f"{intro} said that {clause}.", f"“{quote},” {person.surname} told reporters."]
            else:
                lines = [f"According to {intro}, {clause}."]
            if rng.random() < 0.5:
                pronoun_clause = rng.choice(REPORTED_CLAUSES).format(topic=rng.choice(TOPICS))
                lines.append(f"{person.surname} also said that {pronoun_clause}.")
            if rng.random() < 0.3:
                lines.append(
                    f"{person.surname} added that allies want “a fair deal on {rng.choice(TOPICS)}.”"
                )
            paragraphs.append(" ".join(lines))
        return paragraphs

    def _summit(self, year: int, attendees: list[Person]) -> list[str]:
        """Return a summit announcement with date, place, attendees and agenda."""
        rng = self.rng
        city, country = rng.choice(CITIES)
        month = rng.randint(1, 12)
        day = rng.randint(1, 27)
        summit_year = year + rng.choice((0, 0, 1))
        when = (
            f"on {MONTHS[month - 1]} {day}-{day + 1}, {summit_year}"
            if rng.random() < 0.7
            else f"in {MONTHS[month - 1]} {summit_year}"
        )
        names = [p.introduction() for p in attendees]
        agenda = rng.sample(TOPICS, 3)
        lines = [
            f"NATO leaders will gather for the summit in {city}, {country}, {when}.",
            f"{_join(names)} are expected to attend.",
            f"Leaders are expected to discuss {_join(agenda)}.",
        ]
        if attendees and rng.random() < 0.5:
            lines.append(f"{attendees[0].surname} is expected to chair the sessions.")
        return lines

    def article(self, index: int) -> tuple[str, str]:
        """Return the (file name, text) of article number index."""
        rng = self.rng
        year = rng.randint(2017, 2027)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        speakers = rng.sample(self.people, rng.randint(1, 3))
        city = rng.choice(CITIES)[0]
        focus = rng.choice(COUNTRIES).prose_name()
        title = f"{rng.choice(('Allies weigh', 'Ministers debate', 'New pressure on', 'The fight over'))} {rng.choice(TOPICS)} as {focus} reviews its budget"
        header = [
            f"Title: {title}",
            f"Source: {rng.choice(OUTLETS)}",
            f"Date: {year}-{month:02d}-{day:02d}",
            "",
        ]
        body: list[str] = []
        lead = [
            f"Defence ministers and officials met in {city} this week to discuss {rng.choice(TOPICS)} and"
            f" {rng.choice(TOPICS)}, as governments across the alliance face pressure to spend more.",
            self._fill(rng.choice(FILLER), city),
        ]
        body.append(" ".join(lead))
        body.append(rng.choice(HEADINGS[:2]))
        body.append(" ".join(self._spending(year)))
        body.append(rng.choice(HEADINGS[2:5]))
        body.extend(self._statements(speakers))
        if rng.random() < 0.35:
            body.append("The summit")
            body.append(" ".join(self._summit(year, rng.sample(self.people, rng.randint(1, 3)))))
        target_words = rng.randint(250, 500)
        body.append(rng.choice(HEADINGS[6:]))
        filler: list[str] = []
        while sum(len(p.split()) for p in body) + sum(len(s.split()) for s in filler) < target_words:
            filler.append(self._fill(rng.choice(FILLER), city))
            if len(filler) == 4:
                body.append(" ".join(filler))
                filler = []
        if filler:
            body.append(" ".join(filler))
        name = f"synthetic-{index:05d}.txt"
        return name, "\n".join(header) + "\n" + "\n".join(body) + "\n"


def generate(count: int, seed: int = 6, cast_size: int | None = None) -> Iterator[tuple[str, str]]:
    """Yield count (file name, text) articles, the same ones for the same count and seed."""
    rng = random.Random(seed)
    people = cast(rng, cast_size or max(20, min(2000, count // 5)))
    writer = ArticleWriter(rng, people)
    for index in range(count):
        yield writer.article(index)


def word_count(text: str) -> int:
    """Return the number of words in an article's body (after its header)."""
    return len(text.split("\n\n", 1)[-1].split())
