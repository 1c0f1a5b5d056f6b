"""`briefbot console` driven through a pseudo-terminal, keys and all, as a person uses it (issue 14)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import subprocess
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.launch import briefbot, clean_env

PROMPT = b"briefbot> "
WAIT_SECONDS = 120  # a generous bound for a loaded machine; the test waits for output, not for time
UP = b"\x1b[A"


def _take_the_terminal() -> None:
    """In the child: start a session whose controlling terminal is the pty, so Ctrl-C there sends SIGINT."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """A console process on a pseudo-terminal: type keys, read the screen's text up to the next prompt."""

    def __init__(self, tmp_path: Path) -> None:
        self.master, slave = pty.openpty()
        self.process = subprocess.Popen(
            briefbot("--db", tmp_path / "store.sqlite3", "console"),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=tmp_path,
            env=clean_env(XDG_DATA_HOME=str(tmp_path / "data"), TERM="xterm"),
            preexec_fn=_take_the_terminal,
        )
        os.close(slave)
        self.screen = b""
        self.prompts = 0

    def read_until_prompt(self) -> str:
        """Return the text printed up to the next prompt (fail if none comes)."""
        self.prompts += 1
        deadline = time.monotonic() + WAIT_SECONDS
        while self.screen.count(PROMPT) < self.prompts:
            assert time.monotonic() < deadline, self.screen.decode(errors="replace")[-2000:]
            if select.select([self.master], [], [], 0.5)[0]:
                self.screen += os.read(self.master, 65536)
        start = self._nth_prompt_end(self.prompts - 1)
        return self.screen[start : self._nth_prompt_end(self.prompts) - len(PROMPT)].decode(errors="replace")

    def _nth_prompt_end(self, n: int) -> int:
        """Return the offset just after the n-th prompt (0: the start of the screen)."""
        offset = 0
        for _ in range(n):
            offset = self.screen.index(PROMPT, offset) + len(PROMPT)
        return offset

    def type(self, keys: bytes) -> str:
        """Type keys (ending in Enter or Ctrl-C) and return what the console printed before its next prompt."""
        os.write(self.master, keys)
        return self.read_until_prompt().replace("\r\n", "\n")

    def end(self, keys: bytes = b"\x04") -> tuple[int, str]:
        """Type the keys that end the session; return the exit code and the last output."""
        os.write(self.master, keys)
        code = self.process.wait(timeout=WAIT_SECONDS)
        while select.select([self.master], [], [], 0.1)[0]:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the process closed its side
                break
            if not chunk:
                break
            self.screen += chunk
        return code, self.screen[self._nth_prompt_end(self.prompts) :].decode(errors="replace")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """Yield a console at its first prompt; kill it if a test left it running."""
    console = Terminal(tmp_path)
    console.read_until_prompt()
    yield console
    if console.process.poll() is None:
        console.process.kill()
        console.process.wait()
    os.close(console.master)


def test_one_echo_and_history_with_the_up_arrow(terminal: Terminal) -> None:
    """What was typed shows once (the terminal's echo); the up arrow brings back the last command."""
    first = terminal.type(b"/spending Canada\r")
    assert first.count("/spending Canada") == 1 and "═══ 🇨🇦 Canada — defence spending ═══" in first
    again = terminal.type(UP + b"\r")
    assert "═══ 🇨🇦 Canada — defence spending ═══" in again


def test_ctrl_c_clears_the_line_and_the_next_command_works(terminal: Terminal) -> None:
    """Ctrl-C drops the half-typed line; the console goes on answering."""
    cleared = terminal.type(b"/spending Germ\x03")
    assert "^C" in cleared and "Traceback" not in cleared and "defence spending" not in cleared
    answer = terminal.type(b"/summit\r")
    assert "NATO summit in the Netherlands" in answer and "Connection closed" not in answer
    assert "NATO summit" in terminal.type(UP + UP + b"\r")  # /summit, then nothing older: no ^C line


def test_ctrl_d_leaves_cleanly(terminal: Terminal) -> None:
    """End of input ends the console with exit code 0 and no traceback."""
    code, rest = terminal.end()
    assert code == 0 and "Traceback" not in rest


def test_help_lists_every_command(terminal: Terminal) -> None:
    """/help names each command with its options, and the terminal's own words."""
    listing = terminal.type(b"/help\r")
    for usage in (
        "/spending country",
        "/quote person",
        "/summit [summit]",
        "/ask question",
        "/forget document",
    ):
        assert usage in listing
    assert "next, prev" in listing and "Ctrl-D" in listing


def test_buttons_are_reachable_by_their_words(terminal: Terminal) -> None:
    """/quote Rutte has two pages: next shows the second, prev the first again."""
    first = terminal.type(b"/quote Rutte\r")
    assert "Page 1/2" in first and "(type next to press a button)" in first
    second = terminal.type(b"next\r")
    assert "Page 2/2" in second and "(type prev to press a button)" in second
    back = terminal.type(b"prev\r")
    assert "Page 1/2" in back


def test_no_cooldown_for_the_person_at_the_terminal(terminal: Terminal) -> None:
    """Ten /ask in a row all answer; the server's five-per-30-seconds limit is for members."""
    for _ in range(10):
        answer = terminal.type(b"/ask Rutte summit\r")
        assert "Search: Rutte summit" in answer, answer


def test_a_missing_option_is_named(terminal: Terminal) -> None:
    """/spending without a country says it needs one, not "being updated"."""
    answer = terminal.type(b"/spending\r")
    assert "/spending needs country" in answer and "being updated" not in answer
