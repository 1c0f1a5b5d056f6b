"""Discord's 5xx answers surface as warnings, without interaction tokens; other debug lines stay hidden."""

from __future__ import annotations

import logging

import pytest

from bot.logs import WEBHOOK_LOGGER, redact, redact_tokens, setup_logging

URL = "http://127.0.0.1:1/api/v10/interactions/123/aW50ZXJhY3Rpb24tdG9rZW4/callback?with_response=1"


@pytest.fixture
def webhook_log(caplog: pytest.LogCaptureFixture) -> logging.Logger:
    """Return discord.py's webhook logger configured as `briefbot run` configures it."""
    setup_logging("INFO")
    caplog.set_level(logging.DEBUG, logger=WEBHOOK_LOGGER)
    return logging.getLogger(WEBHOOK_LOGGER)


def test_server_error_becomes_a_redacted_warning(
    webhook_log: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    """A 503 status line is logged as a warning and the token is not in it."""
    webhook_log.debug("Webhook ID %s with %s %s has returned status code %s", 123, "POST", URL, 503)
    (record,) = caplog.records
    assert record.levelname == "WARNING"
    assert "503" in record.getMessage() and "aW50ZXJhY3Rpb24tdG9rZW4" not in record.getMessage()


@pytest.mark.parametrize("status", [200, 204, 404, 429])
def test_other_status_lines_stay_hidden(
    webhook_log: logging.Logger, caplog: pytest.LogCaptureFixture, status: int
) -> None:
    """Successful and client-error status lines are not shown at INFO."""
    webhook_log.debug("Webhook ID %s with %s %s has returned status code %s", 123, "POST", URL, status)
    assert caplog.records == []


def test_warnings_pass_unchanged(webhook_log: logging.Logger, caplog: pytest.LogCaptureFixture) -> None:
    """discord.py's own rate-limit warning is kept as it is."""
    webhook_log.warning("Webhook ID %s is rate limited. Retrying in %.2f seconds.", 123, 0.5)
    assert [r.levelname for r in caplog.records] == ["WARNING"]


def test_redact() -> None:
    """Interaction and webhook tokens are removed from URLs."""
    assert redact(URL) == "http://127.0.0.1:1/api/v10/interactions/123/<token>/callback?with_response=1"
    assert (
        redact("/api/v10/webhooks/9/abc.def/messages/@original")
        == "/api/v10/webhooks/9/<token>/messages/@original"
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Event: {'d': {'token': 'aW50.ZXJh-Y3', 'id': '1'}}",
            "Event: {'d': {'token': '<token>', 'id': '1'}}",
        ),
        ('{"token": "ab\\"cd", "op": 0}', '{"token": "<token>", "op": 0}'),
        ("POST /api/v10/webhooks/1/aW50ZXJ?wait=1", "POST /api/v10/webhooks/1/<token>?wait=1"),
        ("a line about tokens in general", "a line about tokens in general"),
    ],
)
def test_redact_tokens(line: str, expected: str) -> None:
    """Issue 12 item 10: token fields (either quote style, escaped quotes inside) and URL tokens are hidden."""
    assert redact_tokens(line) == expected
