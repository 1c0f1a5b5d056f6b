"""How the tests and the benchmark start briefbot: as a user would, with only the settings given.

Shared by the subprocess tests (e2e, crash safety, secrets) and by ``bench`` (which already uses
the e2e stand-in), so there is one rule for which command runs and which environment it sees.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def briefbot(*args: str | Path) -> list[str]:
    """Return the command line of briefbot with args: the console script next to this Python, else ``-m bot``."""
    script = Path(sys.executable).parent / "briefbot"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "bot"]  # bot/__main__.py runs main()
    return base + [str(a) for a in args]


SETTING_PREFIXES = ("DISCORD_", "BRIEFBOT_")  # the variables briefbot's settings read


def clean_env(**settings: str) -> dict[str, str]:
    """Return this process's environment without any DISCORD_/BRIEFBOT_ variable, unbuffered, plus settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(SETTING_PREFIXES)}
    env["PYTHONUNBUFFERED"] = "1"
    env.update(settings)
    return env
