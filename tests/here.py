"""``briefbot`` run in the test's own process: ``bot.cli.main`` with the environment a process would get.

For tables of cases that check what a command prints and returns (one-line errors, answers over
odd stores): starting Python for each case costs about a second and proves nothing more. The
environment is that of ``tests.launch.clean_env`` (no DISCORD_/BRIEFBOT_ variable but the settings
given) and the working directory is cwd, so no .env file or user store can leak in. Each module
that uses it keeps a case or two as real processes, for the exit code a shell sees.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from bot.cli import main
from tests.launch import SETTING_PREFIXES, briefbot


def cli_here(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *args: str | Path,
    cwd: Path,
    **settings: str,
) -> subprocess.CompletedProcess[str]:
    """Return what running briefbot with args would, from ``bot.cli.main`` in this process."""
    with monkeypatch.context() as patch:
        for name in os.environ:
            if name.startswith(SETTING_PREFIXES):
                patch.delenv(name)
        for name, value in settings.items():
            patch.setenv(name, value)
        patch.chdir(cwd)
        capsys.readouterr()  # only this run's output
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
    return subprocess.CompletedProcess(briefbot(*args), code, out, err)
