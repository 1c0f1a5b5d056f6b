"""The files in deploy/ say what the README promises: restart on failure, an environment file, no root."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"


def test_the_systemd_unit_restarts_on_failure_from_an_environment_file() -> None:
    """Restart on failure, settings from a file, a dedicated user, a clean SIGTERM, briefbot run."""
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.read_string((DEPLOY / "briefbot.service").read_text(encoding="utf-8"))
    service = unit["Service"]
    assert service["Restart"] == "on-failure" and service["EnvironmentFile"].startswith("/etc/")
    assert service["User"] not in ("", "root") and service["KillSignal"] == "SIGTERM"
    assert service["ExecStart"].endswith("briefbot run")
    assert "multi-user.target" in unit["Install"]["WantedBy"]


def test_the_dockerfile_runs_as_a_user_with_the_store_on_a_volume() -> None:
    """The last USER is not root, the store lives under the volume, and briefbot is PID 1."""
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    users = re.findall(r"^USER\s+(\S+)", text, re.M)
    assert users and users[-1] not in ("root", "0")
    (volume,) = re.findall(r'^VOLUME \["([^"]+)"\]', text, re.M)
    (store,) = re.findall(r"BRIEFBOT_DB=(\S+)", text)
    assert store.startswith(volume + "/")
    assert re.search(r'^CMD \["briefbot", "run"\]', text, re.M)
