"""What the benchmark asks: the commands, their arguments, and the in-process answer path of each.

The same arguments are used in process and through the real bot, so the two rows of a command
can be compared. The in-process path is exactly the work the bot's command does between the
interaction and the HTTP callback: resolve the argument, call the briefing, build the embed (or
the autocomplete choices) and serialise it, without discord.py's dispatch or any network.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any

from discord import app_commands

from bot import embeds
from bot.exts.spending import choice_name
from knowledge import gazetteer
from knowledge.briefing import Briefing

# Countries as users type them: names, aliases, any case, a typo, and the alliance overview.
COUNTRIES = (
    "Canada",
    "Germany",
    "usa",
    "Britain",
    "Türkiye",
    "Germny",
    "Poland",
    "spain",
    "the Netherlands",
    "NATO",
)
SEED_PEOPLE = ("Rutte", "Trump", "Hegseth", "Stoltenberg", "mark rutte")
COUNTRY_PREFIXES = ("", "ca", "ger", "united", "po", "n", "sw", "tür", "bel", "es")
PERSON_PREFIXES = ("", "ru", "tr", "he", "a", "st", "ma", "k", "lin", "so")

# Free-text questions for /ask and the rank_bm25 baseline: the seed article's subjects and the
# synthetic corpus's vocabulary, in the words people use.
ASK_QUERIES = (
    "How much did the US spend in 2014?",
    "Canada defence spending",
    "Which countries missed the 2% target?",
    "who met the 2 percent target in 2023",
    "NATO total military expenditure trillion",
    "summit in the Netherlands",
    "Who is expected to attend the summit?",
    "Rutte annual report",
    "support for Ukraine",
    "ceasefire talks with Russia",
    "Hegseth occupied territory",
    "Stoltenberg charity",
    "a just and lasting peace",
    "air and missile defence",
    "drone production",
    "ammunition stocks",
    "cyber defence plans",
    "military mobility in Europe",
    "Arctic security",
    "naval patrols in the Baltic Sea",
    "artillery production delays",
    "logistics and fuel depots",
    "recruitment and retention of soldiers",
    "hybrid threats",
    "critical undersea cables",
    "joint procurement cuts costs",
    "counter-terrorism budget",
    "forward defence plans",
    "long-range strike capabilities",
    "border surveillance",
    "energy security",
    "disinformation campaigns",
    "defence industrial base orders",
    "rapid reaction forces",
    "nuclear deterrence",
    "satellite communications",
    "armoured brigades",
    "medical evacuation",
    "coastal defence",
    "Germany share of GDP",
    "Poland 4 percent of GDP",
    "Lithuania defence budget",
    "Spain missed the target",
    "United Kingdom spent billion",
    "Türkiye summit Ankara",
    "Vilnius summit",
    "Washington summit leaders",
    "parliament vote on the package",
    "housing for troops",
    "fair deal",
)


@dataclass(frozen=True, slots=True)
class Workload:
    """The arguments each command is asked with, cycled in order."""

    countries: tuple[str, ...]
    people: tuple[str, ...]
    queries: tuple[str, ...] = ASK_QUERIES
    country_prefixes: tuple[str, ...] = COUNTRY_PREFIXES
    person_prefixes: tuple[str, ...] = PERSON_PREFIXES


# The commands of the report, in order: (key, label in the table).
COMMANDS = (
    ("spending", "/spending"),
    ("quote", "/quote"),
    ("summit", "/summit"),
    ("ask", "/ask"),
    ("ac_country", "autocomplete /spending country"),
    ("ac_person", "autocomplete /quote person"),
)
STRUCTURED = ("spending", "quote", "summit")


async def people_for(briefing: Briefing, count: int = 20) -> tuple[str, ...]:
    """Return names of people quoted in the store, spread over the statement counts."""
    people = sorted(
        (p for p in (await briefing.store.people()) if p.statement_count),
        key=lambda p: (-p.statement_count, p.name),
    )
    if len(people) <= count:
        return tuple(p.name for p in people)
    step = len(people) / count
    return tuple(people[int(i * step)].name for i in range(count))


def cycle(values: tuple[str, ...]) -> Iterator[str]:
    """Return an endless iterator over values."""
    return itertools.cycle(values)


def arguments(workload: Workload, key: str) -> Iterator[str | None]:
    """Return the endless sequence of arguments one command is asked with."""
    if key == "spending":
        return cycle(workload.countries)
    if key == "quote":
        return cycle(workload.people)
    if key == "ask":
        return cycle(workload.queries)
    if key == "ac_country":
        return cycle(workload.country_prefixes)
    if key == "ac_person":
        return cycle(workload.person_prefixes)
    return itertools.repeat(None)  # /summit: the next summit


AnswerPath = Callable[[str | None], Awaitable[Any]]


def answer_paths(briefing: Briefing) -> dict[str, AnswerPath]:
    """Return, per command, the in-process work the bot does to answer it (briefing + embed)."""

    async def spending(text: str | None) -> Any:
        """Resolve the country, answer, build the embed."""
        answer = await briefing.spending_for(gazetteer.resolve_country(text or ""))
        return embeds.spending_embed(answer).to_dict()

    async def quote(text: str | None) -> Any:
        """Resolve the person, answer, build the first page (the bot builds others when turned to)."""
        answer = await briefing.statements_for(await briefing.resolve_person(text or ""))
        return embeds.quote_page(answer, 1).to_dict(), embeds.quote_page_count(answer)

    async def summit(_: str | None) -> Any:
        """Answer the next summit and build the embed."""
        return embeds.summit_embed(await briefing.summit(None)).to_dict()

    async def ask(text: str | None) -> Any:
        """Search and build the embed."""
        return embeds.search_embed(await briefing.search(text or "")).to_dict()

    async def ac_country(text: str | None) -> Any:
        """Build the country choices with previews, as CountryTransformer.autocomplete does."""
        statuses = await briefing.country_choices(text or "", limit=25)
        return [
            app_commands.Choice(
                name=choice_name(f"{s.country.flag} {s.country.name} — {s.preview}"), value=s.country.name
            ).to_dict()
            for s in statuses
        ]

    async def ac_person(text: str | None) -> Any:
        """Build the people choices, as PersonTransformer.autocomplete does."""
        people = await briefing.people_choices(text or "", limit=25)
        return [
            app_commands.Choice(
                name=choice_name(
                    f"{p.name} — {p.statement_count} statements" + (f" · {p.roles[0]}" if p.roles else "")
                ),
                value=p.name,
            ).to_dict()
            for p in people
        ]

    return {
        "spending": spending,
        "quote": quote,
        "summit": summit,
        "ask": ask,
        "ac_country": ac_country,
        "ac_person": ac_person,
    }


def interaction_options(key: str, argument: str | None) -> tuple[str, dict[str, str], str | None]:
    """Return (command name, options, focused option) of the interaction for one argument."""
    if key == "spending":
        return "spending", {"country": argument or ""}, None
    if key == "quote":
        return "quote", {"person": argument or ""}, None
    if key == "summit":
        return "summit", {}, None
    if key == "ask":
        return "ask", {"question": argument or ""}, None
    if key == "ac_country":
        return "spending", {"country": argument or ""}, "country"
    return "quote", {"person": argument or ""}, "person"


async def time_in_process(
    briefing: Briefing, workload: Workload, n: int, budget: float
) -> dict[str, list[float]]:
    """Return, per command, the durations in seconds of up to n answers (fewer past budget seconds)."""
    paths = answer_paths(briefing)
    results: dict[str, list[float]] = {}
    for key, _ in COMMANDS:
        path, args = paths[key], arguments(workload, key)
        await path(next(arguments(workload, key)))  # warm-up: the snapshot and caches load here
        durations: list[float] = []
        deadline = time.perf_counter() + budget
        for _ in range(n):
            argument = next(args)
            start = time.perf_counter()
            await path(argument)
            durations.append(time.perf_counter() - start)
            if start > deadline:
                break
        results[key] = durations
    return results


async def time_charts(briefing: Briefing, workload: Workload, n: int, budget: float) -> list[float] | None:
    """Return durations of rendering /spending charts where the bot draws one (None: no charts)."""
    try:
        from bot import charts  # the chart attachment of /spending, when this version has it
    except ImportError:
        return None
    answers = [await briefing.spending_for(gazetteer.resolve_country(c)) for c in workload.countries]
    drawn = [a for a in answers if charts.has_chart(a)]
    if not drawn:
        return []
    charts.render_png(charts.chart_spec(drawn[0]))  # warm-up: the font is loaded once
    durations: list[float] = []
    deadline = time.perf_counter() + budget
    for answer in itertools.islice(itertools.cycle(drawn), n):
        start = time.perf_counter()
        # Drawn every time (the bot's PNG cache bypassed): what a chart not asked for before costs.
        await asyncio.to_thread(charts.render_png, charts.chart_spec(answer))
        durations.append(time.perf_counter() - start)
        if start > deadline:
            break
    return durations


async def time_scoped(
    root: Briefing, guilds: list[int], workload: Workload, n: int, budget: float
) -> dict[str, list[float]]:
    """Return durations of answers asked from many servers in turn, each reading global and its own.

    "first" is each server's first answer (its scope's data loaded and merged with global's);
    the structured commands are then asked round-robin over the servers, as a bot in many
    servers is asked, so the answers cache (ANSWERS_CACHED) is shared by all of them.
    """
    views = [answer_paths(root.for_guild(guild)) for guild in guilds]
    first: list[float] = []
    for view in views:
        start = time.perf_counter()
        await view["spending"](workload.countries[0])
        first.append(time.perf_counter() - start)
    results = {"first": first}
    servers = itertools.cycle(views)
    for key in STRUCTURED:
        args = arguments(workload, key)
        durations: list[float] = []
        deadline = time.perf_counter() + budget
        for _ in range(n):
            path, argument = next(servers)[key], next(args)
            start = time.perf_counter()
            await path(argument)
            durations.append(time.perf_counter() - start)
            if start > deadline:
                break
        results[key] = durations
    return results
