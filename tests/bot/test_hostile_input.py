"""Hostile input, property-based: every command and autocomplete, through the real command tree.

Hypothesis feeds arbitrary text (mixed with fragments that have broken bots before: mentions,
markdown, masked links, SQL and FTS syntax, control and zero-width characters, right-to-left
marks, lookalike letters, 6,000-character walls) to every text option of every slash command,
to every autocomplete, and to the ``/ingest`` paste form, as INTERACTION_CREATE payloads fed to
the bot's gateway handler (``bot.loopback.LocalDiscord``). On every interaction:

* exactly one answer (a defer is followed by exactly one followup), and nothing after it;
* no unexpected exception: nothing logged at ERROR (the tree's error handler logs every
  unexpected error as ``Command /x failed``; the paste form's as ``Pasted article failed``), no
  exception reaching the event loop's handler, no generic "Something went wrong" reply;
* every message payload passes ``tests.limits.assert_payload_within_limits`` (Discord's limits,
  and ``allowed_mentions`` mentions no one);
* echoed text is escaped: no live ``@everyone``/``@here``, user or role mention, and none of the
  markdown or masked-link fragments of the input appears unescaped in any embed text.

Discord caps option lengths before input reaches us (``test_text_options_are_capped``), but the
text fed here is not capped: the code must hold even if the cap were bypassed.

How it runs (robust and fast): one event loop for the whole module, created by a module-scoped
fixture that builds the store and the bot in it, and plain (sync) test functions that drive each
hypothesis example through ``loop.run_until_complete``. No async fixture is re-entered per
example and nothing depends on pytest-asyncio's loop scope. Each example uses a new member id, so
per-member cooldowns never answer instead of the command. Examples are derandomized (the same
examples on every run, so CI is stable) and no example database is written.

``BRIEFBOT_HOSTILE_EXAMPLES`` sets the examples per command (default 1,000). The number actually
run is printed at the end of the module (``pytest -s`` shows it) and kept in ``EXAMPLES_RUN``.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import create_bot
from bot.errors import GENERIC_FAILURE
from bot.exts.ingest import PasteModal
from bot.loopback import LocalDiscord, Sent, command_data, interaction_payload
from bot.settings import Settings
from knowledge.briefing import Briefing
from knowledge.ingest import open_store
from knowledge.store import Store
from tests.limits import assert_payload_within_limits

EXAMPLES = int(os.environ.get("BRIEFBOT_HOSTILE_EXAMPLES", "1000"))
EXAMPLES_RUN: Counter[str] = Counter()

HOSTILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# --- hostile text -----------------------------------------------------------------------------

MARKDOWN = ["**pwned**", "__pwned__", "~~pwned~~", "||pwned||", "`pwned`", "```pwned```", "*pwned*"]
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
    # lookalike letters and odd digits
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
    lambda parts, size: ("".join(parts) * (size // max(len("".join(parts)), 1) + 1))[:size],
    st.lists(st.one_of(st.sampled_from(NON_EMPTY), st.text(min_size=1, max_size=8)), min_size=1, max_size=4),
    st.integers(min_value=101, max_value=6000),
)
hostile_text = st.one_of(
    mixed_text,
    mixed_text,
    st.sampled_from(FRAGMENTS),
    st.text(),
    long_text,
    st.sampled_from(["", " ", "x" * 6000, "@everyone " * 600, "\u200b" * 6000, "😀" * 6000]),
)

# --- the world: one loop, one store, one bot --------------------------------------------------


class Collected(logging.Handler):
    """Keeps every log record at ERROR or above."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class World:
    """The bot answering locally, on its own event loop, with its store and error collectors."""

    loop: asyncio.AbstractEventLoop
    local: LocalDiscord
    store: Store
    errors: Collected
    loop_errors: list[dict[str, Any]] = field(default_factory=list)
    users: Iterator[int] = field(default_factory=lambda: itertools.count(300000000000000000))

    def run(self, coro: Any) -> Any:
        """Run a coroutine on the world's loop."""
        return self.loop.run_until_complete(coro)

    def member(self) -> int:
        """Return a member id not used before (so no per-member cooldown applies)."""
        return next(self.users)

    def reset(self) -> None:
        """Forget what earlier examples sent and logged."""
        self.local.adapter.sent.clear()
        self.errors.records.clear()
        self.loop_errors.clear()

    def assert_clean(self) -> None:
        """Fail if anything unexpected was logged or reached the loop's exception handler."""
        logged = [f"{r.name}: {r.getMessage()} {r.exc_info[1]!r}" for r in self.errors.records if r.exc_info]
        logged += [f"{r.name}: {r.getMessage()}" for r in self.errors.records if not r.exc_info]
        assert not logged, f"unexpected errors: {logged}"
        assert not self.loop_errors, f"exceptions reached the event loop: {self.loop_errors}"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """Yield the real bot over a seeded store, answering on one event loop for the whole module."""
    loop = asyncio.new_event_loop()
    path = tmp_path_factory.mktemp("hostile") / "briefbot.sqlite3"
    errors = Collected()
    root = logging.getLogger()
    root.addHandler(errors)

    async def start() -> World:
        store = await open_store(path)
        settings_ = Settings(_env_file=None, BRIEFBOT_DB=str(path))  # type: ignore[call-arg]
        bot = create_bot(Briefing(store), settings_)
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
        for task in asyncio.all_tasks(loop):  # view timeouts that would sleep for minutes
            task.cancel()
        loop.run_until_complete(asyncio.sleep(0))
        loop.close()
        print(f"\nhostile-input examples run: {sum(EXAMPLES_RUN.values())} {dict(EXAMPLES_RUN)}")


# --- exchanging interactions ------------------------------------------------------------------

# The tasks discord.py starts for an interaction; a view's timeout task is not one of them.
_INTERACTION_TASKS = ("CommandTree-invoker", "discord-ui-modal-dispatch", "discord-ui-view-dispatch")


async def settle() -> None:
    """Wait until every interaction the bot is handling has finished (so late answers are seen)."""
    while pending := [
        t
        for t in asyncio.all_tasks()
        if not t.done() and t is not asyncio.current_task() and t.get_name().startswith(_INTERACTION_TASKS)
    ]:
        await asyncio.wait(pending, timeout=60)


async def exchange(local: LocalDiscord, payload: dict[str, Any]) -> list[Sent]:
    """Dispatch one payload, let the bot finish, and return every request it made for it."""
    await local.dispatch(payload)
    await settle()
    return local.adapter.for_token(payload["token"])


def the_answer(sent: list[Sent]) -> Sent:
    """Return the one answer among an interaction's requests, failing unless there is exactly one."""
    kinds = [(s.kind, (s.payload or {}).get("type")) for s in sent]
    if kinds and kinds[0] == ("callback", 5):  # a defer: exactly one followup must answer
        assert kinds[1:] == [("followup", None)], f"after a defer: {kinds}"
        return sent[1]
    assert len(sent) == 1, f"expected exactly one response, got {kinds}"
    return sent[0]


_RAW_MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d+>")
_URL = re.compile(r"<[^: >]+:/[^ >]+>|(?:https?|steam)://[^\s<]+")


def embed_texts(message: dict[str, Any]) -> list[str]:
    """Return every text of a message's embeds and its content."""
    texts = [message.get("content") or ""]
    for embed in message.get("embeds", []):
        texts += [embed.get("title", ""), embed.get("description", "")]
        texts += [(embed.get(k) or {}).get(n, "") for k, n in (("footer", "text"), ("author", "name"))]
        texts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
    return texts


def unescaped(fragment: str, text: str) -> bool:
    """Return whether fragment appears in text as live markdown (not escaped, not inside a URL)."""
    for match in re.finditer(re.escape(fragment), text):
        before = text[: match.start()]
        backslashes = len(before) - len(before.rstrip("\\"))
        in_url = any(u.start() < match.start() < u.end() for u in _URL.finditer(text))
        if backslashes % 2 == 0 and not in_url:
            return True
    return False


def check_message(sent: Sent, *typed: str) -> dict[str, Any]:
    """Check one message payload: limits, no pings, no generic failure, echoed text escaped."""
    assert sent.payload is not None
    assert_payload_within_limits(sent.payload)
    message = sent.message()
    texts = embed_texts(message)
    joined = "\n".join(texts)
    assert GENERIC_FAILURE not in joined, "an unexpected error reached the user"
    assert "Something went wrong" not in joined
    for text in texts:
        live = _RAW_MENTION.search(text)
        assert live is None, f"live mention {live.group()!r} in {text[:200]!r}"
        for fragment in (*MARKDOWN, MASKED_LINK):
            if any(fragment in t for t in typed):
                assert not unescaped(fragment, text), f"unescaped {fragment!r} in {text[:300]!r}"
    return message


# --- the commands and options under attack ----------------------------------------------------

TEXT_OPTIONS = [("spending", "country"), ("quote", "person"), ("ask", "question"), ("summit", "summit"), ("brief", "document")]
AUTOCOMPLETES = [("spending", "country"), ("quote", "person"), ("summit", "summit"), ("brief", "document")]


def test_text_options_are_capped(world: World) -> None:
    """Every text option and every paste-form field has a maximum length Discord enforces."""
    tree = world.local.bot.tree
    for name, option in TEXT_OPTIONS:
        command = tree.get_command(name)
        assert command is not None
        (schema,) = [o for o in command.to_dict(tree)["options"] if o["name"] == option]
        assert schema["type"] == 3 and 1 <= schema["max_length"] <= 300, f"/{name} {option}: {schema}"
    modal = PasteModal(None).to_dict()  # type: ignore[arg-type]
    inputs = [c for row in modal["components"] for c in row["components"]]
    assert {c["custom_id"]: c["max_length"] for c in inputs} == {
        "ingest:title": 200,
        "ingest:outlet": 100,
        "ingest:date": 10,
        "ingest:text": 4000,
    }


@pytest.mark.parametrize(("command", "option"), TEXT_OPTIONS, ids=[f"{c}-{o}" for c, o in TEXT_OPTIONS])
@HOSTILE
@given(text=hostile_text)
def test_command_survives_hostile_text(world: World, command: str, option: str, text: str) -> None:
    """Any text in any option: one answer, inside the limits, pinging no one, echo escaped."""
    world.reset()
    payload = interaction_payload(2, command_data(command, {option: text}), user_id=world.member())
    sent = world.run(exchange(world.local, payload))
    check_message(the_answer(sent), text)
    world.assert_clean()
    EXAMPLES_RUN[f"/{command}"] += 1


@pytest.mark.parametrize(("command", "option"), AUTOCOMPLETES, ids=[f"{c}-{o}" for c, o in AUTOCOMPLETES])
@HOSTILE
@given(text=hostile_text)
def test_autocomplete_survives_hostile_text(world: World, command: str, option: str, text: str) -> None:
    """Any text typed into an autocompleted option: one valid choices response, never an error."""
    world.reset()
    data = command_data(command, {option: text}, focused=option)
    sent = world.run(exchange(world.local, interaction_payload(4, data, user_id=world.member())))
    (answer,) = sent
    assert answer.payload is not None and answer.payload["type"] == 8
    assert_payload_within_limits(answer.payload)
    world.assert_clean()
    EXAMPLES_RUN[f"autocomplete /{command} {option}"] += 1


def test_commands_without_options_answer(world: World) -> None:
    """/sources and /about take no text; they still answer once, within the limits."""
    for command in ("sources", "about"):
        world.reset()
        payload = interaction_payload(2, command_data(command, {}), user_id=world.member())
        check_message(the_answer(world.run(exchange(world.local, payload))))
        world.assert_clean()
        EXAMPLES_RUN[f"/{command}"] += 1


# --- /ingest: the paste form ------------------------------------------------------------------

short_text = st.one_of(st.sampled_from(FRAGMENTS), mixed_text.map(lambda s: s[:200]), st.text(max_size=200))
dates = st.one_of(
    st.sampled_from(["", "2026", "2026-06", "2026-06-24", "2026-02-30", "0000", "２０２６", "²⁰²⁶", "2026-13", "-"]),
    st.text(max_size=12),
    st.sampled_from(FRAGMENTS),
)
SEED_SENTENCE = "Poland spent 4.1 percent of GDP on defence in 2025, said Defence Minister Anna Kowalska. "
article_text = st.one_of(
    hostile_text,
    st.builds(lambda a, b: a + SEED_SENTENCE + b, mixed_text, mixed_text),
)


def paste_payload(user_id: int, text: str, title: str, outlet: str, date: str) -> dict[str, Any]:
    """Return the modal-submit payload of the paste form."""
    fields = {"ingest:title": title, "ingest:outlet": outlet, "ingest:date": date, "ingest:text": text}
    rows = [
        {"type": 1, "components": [{"type": 4, "custom_id": key, "value": value}]}
        for key, value in fields.items()
    ]
    return interaction_payload(5, {"custom_id": "ingest:paste", "components": rows}, user_id=user_id)


def integrity(store: Store) -> Callable[[], Any]:
    """Return a coroutine factory for the store's integrity verdict."""
    return store.integrity_check


@HOSTILE
@given(text=article_text, title=short_text, outlet=short_text, date=dates)
def test_paste_form_survives_hostile_articles(
    world: World, text: str, title: str, outlet: str, date: str
) -> None:
    """Any pasted text, title, outlet and date: a preview or a short error, never a crash."""
    world.reset()
    user = world.member()
    form = world.run(exchange(world.local, interaction_payload(2, command_data("ingest", {}), user_id=user)))
    assert [s.payload["type"] for s in form if s.payload] == [9], "the paste form opens"
    sent = world.run(exchange(world.local, paste_payload(user, text, title, outlet, date)))
    message = check_message(the_answer(sent), text, title, outlet, date)
    assert message.get("flags") == 64, "previews and errors are visible to the member only"
    (embed,) = message["embeds"]
    if "Nothing is stored until" not in embed.get("description", ""):
        assert embed["color"] == 0xC53030 or "Already in the store" in embed.get("description", "")
        assert len(embed.get("description", "")) < 300, "an error is short"
    world.assert_clean()
    EXAMPLES_RUN["/ingest paste"] += 1


def test_store_is_intact_after_hostile_input(world: World) -> None:
    """Whatever came before in this module, the store's integrity check is ok."""
    assert world.run(world.store.integrity_check()) == "ok"


# Keep json imported for debugging payloads in failures.
_ = json, Path, discord
