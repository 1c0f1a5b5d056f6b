"""Hostile input, property-based: every command and autocomplete, through the real command tree.

Hypothesis feeds arbitrary text, mixed with fragments that break bots (mentions, markdown, masked
links, SQL and FTS5 syntax, null bytes and control characters, zero-width and right-to-left
marks, emoji, lookalike letters, walls of up to 6,000 characters), to every text option of every
slash command, to every autocomplete, and to the ``/ingest`` paste form, as INTERACTION_CREATE
payloads fed to the bot's gateway handler (``bot.loopback.LocalDiscord``). On every interaction:

* exactly one answer (a defer is followed by exactly one followup), and nothing after it;
* no unexpected exception: nothing logged at ERROR (the tree's error handler logs every
  unexpected error as ``Command /x failed``, the paste form as ``Pasted article failed``),
  nothing reaching the event loop's exception handler, no generic "Something went wrong" reply;
* every message payload passes ``tests.limits.assert_payload_within_limits`` (Discord's limits,
  and ``allowed_mentions`` mentions no one);
* echoed text is escaped: no live ``@everyone``/``@here``, user or role mention in any embed
  text, and none of the input's markdown or masked-link fragments appears there unescaped.

Discord caps option lengths before input reaches us (``test_text_options_are_capped``), but the
text fed here is not capped: the code must hold even if the cap were bypassed.

How it runs: one event loop for the whole module, made by a module-scoped fixture that builds the
store and the bot in it, and plain (sync) test functions that run each hypothesis example with
``loop.run_until_complete``. So no async fixture is re-entered per example, the bot is built once
(a few milliseconds per example instead of a new bot and store each time), and nothing depends
on pytest-asyncio's loop scope. Errors are collected by a logging handler on the root logger that
the fixture installs (caplog is function-scoped, the world is not). Each example acts as a new
member, so per-member cooldowns never answer instead of the command. Examples are derandomized
(the same examples on every run: CI is stable) and no example database is written.

``BRIEFBOT_HOSTILE_EXAMPLES`` sets the examples per test (default 1,000). The number run is
printed at the end of the module (``pytest -s``); ``--hypothesis-show-statistics`` shows how the
examples split between answers and errors.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import os
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import discord
import pytest
from discord.ext import commands
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st

from bot.app import create_bot
from bot.errors import GENERIC_FAILURE
from bot.exts.ingest import PasteModal
from bot.loopback import (
    ALL_PERMISSIONS,
    CONSOLE_USER_ID,
    GUILD_ID,
    MEMBER_PERMISSIONS,
    LocalDiscord,
    Sent,
    command_data,
    interaction_payload,
)
from bot.settings import Settings
from knowledge.briefing import Briefing
from knowledge.ingest import open_store
from knowledge.store import GLOBAL, Store, guild_scope
from tests.bot.test_ingest import attachment_command
from tests.limits import assert_payload_within_limits

EXAMPLES = int(os.environ.get("BRIEFBOT_HOSTILE_EXAMPLES", "1000"))
EXAMPLES_RUN: Counter[str] = Counter()  # examples that ran to the end, per command

HOSTILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
EPHEMERAL = 64
ERROR_COLOUR = 0xC53030

# --- hostile text -----------------------------------------------------------------------------

MARKDOWN = ["**pwned**", "__pwned__", "~~pwned~~", "||pwned||", "`pwned`", "```pwned```"]
MASKED_LINK = "[click](https://evil.example)"
FRAGMENTS = [
    "",
    " ",
    "   \t\n  ",
    "\n",
    "\r\n",
    # emoji, right-to-left and zero-width
    "😀",
    "🇨🇦",
    "👩‍👩‍👧",
    "\u200f",
    "\u202e",
    "\u2066",
    "\u200b",
    "\u200d",
    "\ufeff",
    # mentions
    "@everyone",
    "@here",
    "<@123456789012345678>",
    "<@!123456789012345678>",
    "<@&123456789012345678>",
    "<#123456789012345678>",
    "@",
    # markdown and links
    *MARKDOWN,
    MASKED_LINK,
    "[",
    "# pwned",
    "> pwned",
    "- pwned",
    "\\",
    "https://evil.example/**x**",
    "<https://evil.example>",
    # SQL and FTS5 syntax
    "'; DROP TABLE documents; --",
    "' OR 1=1 --",
    '"',
    "'",
    "NEAR(",
    "NEAR(a b, 2)",
    "*",
    "AND",
    "OR",
    "NOT",
    "col:",
    "text:",
    "section:",
    "^",
    "(",
    ")",
    "{a b}",
    "-",
    "+",
    "%",
    "_",
    # control characters and null bytes
    "\x00",
    "\x1b[31m",
    "\x7f",
    "\x08",
    # lookalike letters and digits that are not ASCII
    "Сanada",
    "Gеrmany",
    "Ｃａｎａｄａ",
    "ＵＳＡ",
    "²",
    "①",
    "١٢",
    "𝟙",
    # names and numbers the store knows, so hostile text also reaches real answers
    "Canada",
    "usa",
    "United States",
    "Germny",
    "NATO",
    "Rutte",
    "Hegseth",
    "summit",
    "Netherlands",
    "1",
    "2",
    "0",
    "-1",
    "99999999999999999999",
    "%s",
    "{0}",
]
NON_EMPTY = [f for f in FRAGMENTS if f]

mixed_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=10
).map("".join)
long_text = st.builds(
    lambda parts, size: ("".join(parts) * (size // len("".join(parts)) + 1))[:size],
    st.lists(st.one_of(st.sampled_from(NON_EMPTY), st.text(min_size=1, max_size=8)), min_size=1, max_size=4),
    st.integers(min_value=101, max_value=6000),
)
# What each command knows (so hostile text also reaches real answers, not only errors).
KNOWN = {
    "spending": ["Canada", "Germany", "NATO", "Türkiye", "Belgium", "United States"],  # the US: a chart
    "quote": ["Rutte", "Mark Rutte", "Hegseth", "Trump", "Stoltenberg"],
    "ask": ["How much did the US spend in 2014?", "Rutte summit", "Canada target", "Ukraine"],
    "summit": ["Netherlands", "summit", "June", "1"],
    "brief": ["annual report", "NATO defence spending", "Ukraine", "1"],
    "changes": ["24h", "7d", "2w", "2026-03-01"],
}
DECORATIONS = [" ", "  ", "\u200b", "\u200f", "\ufeff", "\t", "\n", "**", "*", "_", "`", '"', "@everyone "]
# A known name, disguised: spacing, invisible marks, markdown, swapped case, a letter cut off
# (which also reaches the fuzzy "Closest match" path). None: use the hostile text as drawn.
disguises = st.one_of(
    st.none(),
    st.tuples(
        st.one_of(st.just(""), st.sampled_from(DECORATIONS)),
        st.integers(min_value=0, max_value=99),
        st.one_of(st.just(""), st.sampled_from(DECORATIONS)),
        st.booleans(),
        st.integers(min_value=0, max_value=3),
    ),
)


def disguised(command: str, text: str, disguise: tuple[str, int, str, bool, int] | None) -> str:
    """Return text, or with a disguise one of the command's known names so disguised."""
    if disguise is None:
        return text
    before, index, after, swap, cut = disguise
    names = KNOWN[command]
    name = names[index % len(names)]
    return before + (name.swapcase() if swap else name)[: max(len(name) - cut, 1)] + after


hostile_text = st.one_of(
    mixed_text,
    st.sampled_from(FRAGMENTS),
    st.text(),
    long_text,
    st.sampled_from(["x" * 6000, "@everyone " * 600, "\u200b" * 6000, "😀" * 6000, "9" * 6000]),
)

# --- the world: one loop, one store, one bot --------------------------------------------------


class Collected(logging.Handler):
    """Keeps every log record at ERROR or above."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record."""
        self.records.append(record)


@dataclass
class World:
    """The bot answering locally on its own event loop, with its store and error collectors."""

    loop: asyncio.AbstractEventLoop
    local: LocalDiscord
    store: Store
    errors: Collected
    loop_errors: list[dict[str, Any]] = field(default_factory=list)
    users: Iterator[int] = field(default_factory=lambda: itertools.count(300000000000000000))

    def run(self, coro: Any) -> Any:
        """Run a coroutine on the world's loop and return its result."""
        return self.loop.run_until_complete(coro)

    def member(self) -> int:
        """Return a member id not used before (so no per-member cooldown applies)."""
        return next(self.users)

    def reset(self) -> None:
        """Forget what earlier examples sent and logged."""
        self.local.adapter.sent.clear()
        self.errors.records.clear()
        self.loop_errors.clear()

    def exchange(self, payload: dict[str, Any]) -> list[Sent]:
        """Dispatch one payload, let the bot finish, and return every request it made for it."""

        async def go() -> list[Sent]:
            await self.local.dispatch(payload)
            await settle()
            return self.local.adapter.for_token(payload["token"])

        return self.run(go())  # type: ignore[no-any-return]

    def assert_clean(self) -> None:
        """Fail if anything was logged at ERROR or reached the loop's exception handler."""
        logged = [
            f"{r.name}: {r.getMessage()}" + (f" ({r.exc_info[1]!r})" if r.exc_info else "")
            for r in self.errors.records
        ]
        assert not logged, f"unexpected errors: {logged}"
        assert not self.loop_errors, f"exceptions reached the event loop: {self.loop_errors}"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, seeded_template: Path) -> Iterator[World]:
    """Yield the real bot over a seeded store, answering on one event loop for the whole module."""
    loop = asyncio.new_event_loop()
    path = tmp_path_factory.mktemp("hostile") / "briefbot.sqlite3"
    shutil.copyfile(seeded_template, path)
    errors = Collected()
    root = logging.getLogger()
    root.addHandler(errors)

    async def start() -> World:
        store = await open_store(path)
        config = Settings(_env_file=None, BRIEFBOT_DB=str(path))  # type: ignore[call-arg]
        bot = create_bot(Briefing(store), config)
        await bot.__aenter__()
        await bot.setup_hook()
        return World(loop, LocalDiscord(bot), store, errors)

    world = loop.run_until_complete(start())
    loop.set_exception_handler(lambda _, context: world.loop_errors.append(context))
    try:
        yield world
    finally:
        root.removeHandler(errors)
        world.run(world.local.bot.__aexit__(None, None, None))
        leftover = asyncio.all_tasks(loop)  # view timeouts that would sleep for minutes
        for task in leftover:
            task.cancel()

        async def drain() -> None:
            await asyncio.gather(*leftover, return_exceptions=True)

        loop.run_until_complete(drain())
        loop.close()
        print(
            f"\nhostile-input examples run: {sum(EXAMPLES_RUN.values())} {dict(sorted(EXAMPLES_RUN.items()))}"
        )


# The tasks discord.py starts to handle an interaction (a view's timeout task is not one of them).
_INTERACTION_TASKS = ("CommandTree-invoker", "discord-ui-modal-dispatch", "discord-ui-view-dispatch")


async def settle() -> None:
    """Wait until every interaction the bot is handling has finished, so late answers are seen."""
    # all_tasks() holds only unfinished tasks, among them a thousand views' timeouts by the end of
    # the module: the check per task stays cheap (current_task() once, not once per task).
    current = asyncio.current_task()
    while pending := [
        t for t in asyncio.all_tasks() if t is not current and t.get_name().startswith(_INTERACTION_TASKS)
    ]:
        await asyncio.wait(pending, timeout=60)


# --- the properties ---------------------------------------------------------------------------


def the_answer(sent: list[Sent]) -> Sent:
    """Return the one answer among an interaction's requests, failing unless there is exactly one."""
    kinds = [(s.kind, (s.payload or {}).get("type")) for s in sent]
    if kinds and kinds[0] == ("callback", 5):  # a defer: exactly one followup must answer
        assert kinds[1:] == [("followup", None)], f"after a defer: {kinds}"
        return sent[1]
    if kinds and kinds[0] == ("callback", 6):  # a deferred update: one edit, or one followup (an error)
        assert kinds[1:] in ([("edit", None)], [("followup", None)]), f"after a deferred update: {kinds}"
        return sent[1]
    assert len(sent) == 1, f"expected exactly one response, got {kinds}"
    return sent[0]


_LIVE_MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d{17,20}>")
_URL = re.compile(r"<[^: >]+:/[^ >]+>|(?:https?|steam)://[^\s<]+")  # markdown is not parsed in URLs


def embed_texts(message: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Return the texts of a message that show markdown, and those that show it as typed.

    Content, titles, descriptions and fields render markdown; footers and author names do not.
    """
    marked, plain = [message.get("content") or ""], []
    for embed in message.get("embeds", []):
        marked += [embed.get("title", ""), embed.get("description", "")]
        marked += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
        plain += [(embed.get(k) or {}).get(n, "") for k, n in (("footer", "text"), ("author", "name"))]
    return marked, plain


def unescaped(fragment: str, text: str) -> bool:
    """Return whether fragment appears in text as live markdown (not backslash-escaped, not in a URL)."""
    urls = [(u.start(), u.end()) for u in _URL.finditer(text)]
    for match in re.finditer(re.escape(fragment), text):
        before = text[: match.start()]
        escaped = (len(before) - len(before.rstrip("\\"))) % 2 == 1
        if not escaped and not any(start < match.start() < end for start, end in urls):
            return True
    return False


def check_message(sent: Sent, *typed: str) -> dict[str, Any]:
    """Check one message payload: limits, no pings, no generic failure, the typed text escaped."""
    assert sent.payload is not None
    assert_payload_within_limits(sent.payload)
    message = sent.message()
    marked, plain = embed_texts(message)
    assert not any(GENERIC_FAILURE in t or "Something went wrong" in t for t in marked), (
        "an unexpected error reached the user"
    )
    for text in marked + plain:
        live = _LIVE_MENTION.search(text)
        assert live is None, f"live mention {live.group()!r} in {text[:300]!r}"
    fragments = [f for f in (*MARKDOWN, MASKED_LINK) if any(f in t for t in typed)]
    for text in marked:
        for fragment in fragments:
            assert not unescaped(fragment, text), f"unescaped {fragment!r} in {text[:300]!r}"
    return message


def outcome(message: dict[str, Any]) -> str:
    """Return "error" or "answer" for the hypothesis statistics."""
    colours = [e.get("color") for e in message.get("embeds", [])]
    return "error" if ERROR_COLOUR in colours else "answer"


# --- commands and autocompletes ---------------------------------------------------------------

TEXT_OPTIONS = [
    ("spending", "country"),
    ("quote", "person"),
    ("ask", "question"),
    ("summit", "summit"),
    ("brief", "document"),
    ("changes", "since"),
]
AUTOCOMPLETES = [("spending", "country"), ("quote", "person"), ("summit", "summit"), ("brief", "document")]


def test_text_options_are_capped(world: World) -> None:
    """Every text option and every paste-form field has a maximum length that Discord enforces."""
    tree: Any = world.local.bot.tree  # type: ignore[attr-defined]
    for name, option in TEXT_OPTIONS:
        command = tree.get_command(name)
        assert command is not None
        (schema,) = [o for o in command.to_dict(tree)["options"] if o["name"] == option]
        assert schema["type"] == 3 and 1 <= schema["max_length"] <= 300, f"/{name} {option}: {schema}"
    form = PasteModal(None, None).to_dict()  # type: ignore[arg-type]
    inputs = [c for row in form["components"] for c in row["components"]]
    assert {c["custom_id"]: c["max_length"] for c in inputs} == {
        "ingest:title": 200,
        "ingest:outlet": 100,
        "ingest:date": 10,
        "ingest:text": 4000,
    }


@pytest.mark.parametrize(("command", "option"), TEXT_OPTIONS, ids=[f"{c}-{o}" for c, o in TEXT_OPTIONS])
@HOSTILE
@given(text=hostile_text, disguise=disguises)
# Found by this test, kept as regressions: discord.py's escape_markdown leaves all but the first
# masked link of a line, and everything between a line's first "[" and last "](…)", unescaped.
@example(text=f"[{MASKED_LINK}", disguise=None)
@example(text=f"{MASKED_LINK} **pwned** ||pwned|| {MASKED_LINK}", disguise=None)
@example(text="²", disguise=None)  # a digit int() does not take
@example(text="9" * 5000, disguise=None)  # more digits than int() takes
def test_command_survives_hostile_text(
    world: World, command: str, option: str, text: str, disguise: tuple[str, int, str, bool, int] | None
) -> None:
    """Any text in any option: one answer, inside the limits, pinging no one, its echo escaped."""
    text = disguised(command, text, disguise)
    world.reset()
    sent = world.exchange(
        interaction_payload(2, command_data(command, {option: text}), user_id=world.member())
    )
    message = check_message(the_answer(sent), text)
    world.assert_clean()
    event(outcome(message))
    EXAMPLES_RUN[f"/{command}"] += 1


@pytest.mark.parametrize(("command", "option"), AUTOCOMPLETES, ids=[f"{c}-{o}" for c, o in AUTOCOMPLETES])
@HOSTILE
@given(text=hostile_text, disguise=disguises)
def test_autocomplete_survives_hostile_text(
    world: World, command: str, option: str, text: str, disguise: tuple[str, int, str, bool, int] | None
) -> None:
    """Any text typed into an autocompleted option: one valid list of choices, never an error."""
    text = disguised(command, text, disguise)
    world.reset()
    data = command_data(command, {option: text}, focused=option)
    sent = world.exchange(interaction_payload(4, data, user_id=world.member()))
    assert len(sent) == 1, f"expected exactly one response, got {len(sent)}"
    assert sent[0].payload is not None and sent[0].payload["type"] == 8
    assert_payload_within_limits(sent[0].payload)
    world.assert_clean()
    event("no choices" if not sent[0].payload["data"]["choices"] else "choices")
    EXAMPLES_RUN[f"autocomplete /{command} {option}"] += 1


# --- /ingest: the paste form ------------------------------------------------------------------

SEED_SENTENCE = (
    "Poland spent 4.1 percent of GDP on defence in 2025, the highest share in the alliance. "
    '"We will not wait for others," said Defence Minister Anna Kowalska. '
)
short_text = st.one_of(st.sampled_from(FRAGMENTS), mixed_text.map(lambda s: s[:200]), st.text(max_size=200))
dates = st.one_of(
    st.sampled_from(
        [
            "",
            "2026",
            "2026-06",
            "2026-06-24",
            "2026-02-30",
            "0000",
            "２０２６",
            "²⁰²⁶",
            "2026-13",
            "9999-12-31",
            "0001-07",
        ]
    ),
    st.text(max_size=12),
    st.sampled_from(FRAGMENTS),
)
article_text = st.one_of(
    hostile_text,
    st.builds(lambda before, after: before + " " + SEED_SENTENCE + after, mixed_text, mixed_text),
)


def paste_payload(
    form: list[Sent], user_id: int, text: str, title: str, outlet: str, date: str, **member: Any
) -> dict[str, Any]:
    """Return the submission of the paste form that form (the answer to /ingest) opened."""
    assert [s.payload["type"] for s in form if s.payload] == [9], "the paste form opens"
    custom_id = form[0].message()["custom_id"]
    fields = {"ingest:title": title, "ingest:outlet": outlet, "ingest:date": date, "ingest:text": text}
    rows = [
        {"type": 1, "components": [{"type": 4, "custom_id": key, "value": value}]}
        for key, value in fields.items()
    ]
    return interaction_payload(5, {"custom_id": custom_id, "components": rows}, user_id=user_id, **member)


@HOSTILE
@given(text=article_text, title=short_text, outlet=short_text, date=dates, store_it=st.booleans())
# At least one hostile article is always stored, whatever the random examples do, for the read-back test.
@example(
    text=f"@everyone {MASKED_LINK} **pwned** " + SEED_SENTENCE + " <@&123456789012345678> ||x||",
    title=f"@here {MASKED_LINK}",
    outlet="**bold** `code`",
    date="2026-06",
    store_it=True,
)
# Issue 12 item 1: an absurd date with a relative summit date is refused, never stored to poison /summit.
@example(
    text="Allied leaders will meet at a summit in Poland next June. " + SEED_SENTENCE,
    title="Far future",
    outlet="Wire",
    date="9999-12-31",
    store_it=True,
)
def test_paste_form_survives_hostile_articles(
    world: World, text: str, title: str, outlet: str, date: str, store_it: bool
) -> None:
    """Any pasted text, title, outlet and date: a preview or a short error, never a crash.

    Some previews are confirmed, so hostile articles are stored and the last test reads them back.
    """
    world.reset()
    user = world.member()
    form = world.exchange(interaction_payload(2, command_data("ingest", {}), user_id=user))
    submission = paste_payload(form, user, text, title, outlet, date)
    preview = the_answer(world.exchange(submission))
    message = check_message(preview, text, title, outlet, date)
    assert message.get("flags") == EPHEMERAL, "previews and errors are for the member only"
    (embed,) = message["embeds"]
    description = embed.get("description", "")
    if "Nothing is stored until" in description:
        event("preview")
        if store_it:
            pressed = world.run(world.local.press("ingest:confirm", submission, preview, user_id=user))
            assert pressed.payload == {"type": 6}, "acknowledged before the write"
            (_, stored) = world.run(world.local.adapter.wait_for(pressed.token, 2))
            assert stored.kind == "edit"
            check_message(stored)
            event("stored")
    elif "Already in the store" in description:
        event("already stored")
    else:
        assert embed["color"] == ERROR_COLOUR and len(description) < 300, f"not a short error: {embed}"
        event("error")
    world.assert_clean()
    EXAMPLES_RUN["/ingest paste"] += 1


def test_hostile_documents_read_back_safely(world: World) -> None:
    """The stored hostile articles, read back by every command: limits, no pings, no crash."""
    assert world.run(world.store.integrity_check()) == "ok"
    documents = world.run(world.store.documents((GLOBAL, guild_scope(GUILD_ID))))  # stored in the server
    assert len(documents) > 1, "some hostile articles were stored"
    stored = [t for d in world.run(world.store.document_bodies()) for t in d[1:]]
    stored += [t for d in documents for t in (d.document.title, d.document.outlet) if t]
    payloads = [command_data(name, {}) for name in ("sources", "about", "summit", "brief")]
    payloads += [command_data("brief", {"document": str(d.document.id)}) for d in documents]
    payloads += [
        command_data("quote", {"person": "Kowalska"}),
        command_data("spending", {"country": "Poland"}),
    ]
    searches = [command_data("ask", {"question": q}) for q in ("pwned", "everyone here", "Poland defence")]
    for data in payloads + searches:
        world.reset()
        sent = world.exchange(interaction_payload(2, data, user_id=world.member()))
        # /ask puts the words it matched in bold, so only the other answers must show no bold.
        check_message(the_answer(sent), *(stored if data["name"] != "ask" else []))
        world.assert_clean()
        EXAMPLES_RUN[f"/{data['name']} (hostile documents)"] += 1
    assert world.run(world.store.integrity_check()) == "ok"


# --- hostile members: permissions, owner-only sync, members acting at once --------------------
# These use the per-test ``local`` and ``bot`` fixtures of tests/conftest.py (async tests).

MANAGE_GUILD = discord.Permissions(manage_guild=True).value
ADMINISTRATOR = discord.Permissions(administrator=True).value
EVERYTHING_BUT_MANAGE_SERVER = str(discord.Permissions.all().value & ~MANAGE_GUILD & ~ADMINISTRATOR)
MANAGER = str(int(MEMBER_PERMISSIONS) | MANAGE_GUILD)


@pytest.mark.parametrize(
    "permissions", [MEMBER_PERMISSIONS, EVERYTHING_BUT_MANAGE_SERVER], ids=["member", "all-but-manage-server"]
)
@pytest.mark.parametrize("with_file", [False, True], ids=["paste", "attachment"])
async def test_ingest_is_refused_without_manage_server(
    local: LocalDiscord, permissions: str, with_file: bool
) -> None:
    """Discord delivered /ingest (the server changed its default permissions): the bot still refuses."""
    payload = (
        attachment_command("article.txt", 1000, user_id=42, permissions=permissions)
        if with_file
        else interaction_payload(2, command_data("ingest", {}), user_id=42, permissions=permissions)
    )
    (sent,) = await local.dispatch(payload)
    message = check_message(sent)
    assert message["flags"] == EPHEMERAL
    assert "Manage Server" in message["embeds"][0]["description"]


@pytest.mark.parametrize("permissions", [MANAGER, ALL_PERMISSIONS], ids=["manage-server", "everything"])
async def test_ingest_opens_for_managers(local: LocalDiscord, permissions: str) -> None:
    """A member with Manage Server gets the paste form."""
    sent = await local.command("ingest", {}, user_id=43, permissions=permissions)
    assert sent.payload is not None and sent.payload["type"] == 9


async def test_paste_form_submitted_without_manage_server_is_refused(local: LocalDiscord) -> None:
    """A member who opened the form as a manager but lost Manage Server before submitting is refused.

    Discord delivers the submission with the member's current permissions; the form must check
    them as /ingest does, or the member gets a preview and its Store it button.
    """
    form = [await local.command("ingest", {}, user_id=43, permissions=MANAGER)]
    # The role was taken away while the form was open.
    submission = paste_payload(form, 43, SEED_SENTENCE, "T", "O", "2026", permissions=MEMBER_PERMISSIONS)
    (sent,) = await local.dispatch(submission)
    description = check_message(sent)["embeds"][0].get("description", "")
    assert "Nothing is stored until" not in description, "a member without Manage Server got a preview"
    assert "Manage Server" in description


async def test_two_managers_pasting_at_once_are_both_answered(local: LocalDiscord) -> None:
    """Two managers open the paste form, then both submit: each gets exactly one preview."""
    forms = {
        user: [await local.command("ingest", {}, user_id=user, permissions=MANAGER)] for user in (45, 46)
    }
    for user, form in forms.items():
        text = f"{SEED_SENTENCE} Filed by member {user}."
        submission = paste_payload(form, user, text, f"By {user}", "Outlet", "2026", permissions=MANAGER)
        try:
            (sent,) = await local.dispatch(submission)
        except TimeoutError:
            pytest.fail(f"the submission of member {user} got no answer (the other form took its place)")
        assert "Nothing is stored until" in check_message(sent)["embeds"][0]["description"]


async def test_article_without_facts_is_stored_and_searchable(local: LocalDiscord) -> None:
    """A text with no facts is previewed as searchable text, stored on confirm, and found by /ask."""
    text = "The weather in Brussels was mild and the quarrelsome talks went on late into the night."
    form = [await local.command("ingest", {})]
    submission = paste_payload(form, CONSOLE_USER_ID, text, "Weather", "Outlet", "2026")
    (preview,) = await local.dispatch(submission)
    assert "stored as searchable text" in check_message(preview)["embeds"][0]["description"]
    pressed = await local.press("ingest:confirm", submission, preview)
    (_, stored) = await local.adapter.wait_for(pressed.token, 2)
    assert "Stored as document" in check_message(stored)["embeds"][0]["description"]
    found = await local.command("ask", {"question": "quarrelsome"})
    assert "quarrelsome" in json.dumps(check_message(found), ensure_ascii=False)


@HOSTILE
@given(
    stem=st.text(max_size=40),
    suffix=st.sampled_from([".pdf", ".exe", ".txt.exe", ".TXT", ".md", ".txt\u200b", "\u202etxt.exe", ""]),
    size=st.integers(min_value=0, max_value=20 * 1024 * 1024),
)
def test_attachment_limits_are_clear(world: World, stem: str, suffix: str, size: int) -> None:
    """Any file name and size: a wrong type or an oversized file gets its own clear, short refusal."""
    name = stem + suffix
    allowed = name.lower().endswith((".txt", ".md"))
    assume(not allowed or size > 256 * 1024)  # an acceptable file would be downloaded: not here
    world.reset()
    sent = world.exchange(attachment_command(name, size, user_id=world.member()))
    message = check_message(the_answer(sent), name)
    description = message["embeds"][0]["description"]
    assert message["flags"] == EPHEMERAL and len(description) < 200
    expected = "Attach a .txt or .md file" if not allowed else "limited to 256 KB"
    assert expected in description
    world.assert_clean()
    EXAMPLES_RUN["/ingest attachment"] += 1


def test_sync_is_owner_only(world: World) -> None:
    """@bot sync is a text command guarded by is_owner: a server admin who is not an owner is refused."""
    bot: Any = world.local.bot
    assert bot.tree.get_command("sync") is None, "sync is not a slash command anyone could be offered"
    sync = bot.get_command("sync")
    assert sync is not None

    def context(user_id: int) -> Any:
        author = SimpleNamespace(id=user_id, guild_permissions=discord.Permissions.all(), bot=False)
        return SimpleNamespace(bot=bot, author=author, command=None, guild=SimpleNamespace(id=GUILD_ID))

    async def can_run(user_id: int) -> bool:
        try:
            return bool(await sync.can_run(context(user_id)))
        except commands.NotOwner:
            return False

    owner, admin = 111111111111111111, 222222222222222222
    saved = bot.owner_id, bot.owner_ids
    try:
        bot.owner_id, bot.owner_ids = None, {owner}  # BRIEFBOT_OWNER_IDS
        assert world.run(can_run(owner)) and not world.run(can_run(admin))
        bot.owner_id, bot.owner_ids = owner, None  # the application owner, as Discord reports it
        assert world.run(can_run(owner)) and not world.run(can_run(admin))
    finally:
        bot.owner_id, bot.owner_ids = saved
