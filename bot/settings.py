"""Configuration: one typed settings object, defaults in code, secrets from the environment only.

Values come from environment variables or a ``.env`` file in the working directory
(see ``.env.example``). The token is a SecretStr, so it never shows in reprs or logs.
A setting that cannot work is reported as one line naming it (``settings_errors``, or a
ConfigError raised while connecting), and ``briefbot`` exits with code 2.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

import yarl
from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from knowledge.store import default_store_path

SECRET_SETTINGS = frozenset({"DISCORD_TOKEN"})  # never echoed, not even in an error
DEFAULT_FEED_INTERVAL = 15 * 60.0
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(s|sec|m|min|h)?")
_DURATION_UNITS = {"s": 1.0, "sec": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0}


class ConfigError(Exception):
    """A setting that cannot work; the message is one line naming the setting and what is wrong."""


class Settings(BaseSettings):
    """Everything briefbot reads from its environment."""

    # Empty values mean "not set": .env.example lists every setting with an empty value.
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    discord_token: SecretStr | None = Field(default=None, validation_alias="DISCORD_TOKEN")
    db: Path = Field(default_factory=default_store_path, validation_alias="BRIEFBOT_DB")
    dev_guild: int | None = Field(default=None, gt=0, validation_alias="BRIEFBOT_DEV_GUILD")
    owner_ids: Annotated[frozenset[int], NoDecode] = Field(
        default=frozenset(), validation_alias="BRIEFBOT_OWNER_IDS"
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", validation_alias="BRIEFBOT_LOG_LEVEL"
    )
    api_base: str | None = Field(default=None, validation_alias="DISCORD_API_BASE")
    gateway_url: str | None = Field(default=None, validation_alias="DISCORD_GATEWAY_URL")
    sharding: Literal["off", "auto"] = Field(
        default="off", validation_alias=AliasChoices("BRIEFBOT_SHARDING", "BRIEFBOT_SHARDS")
    )
    fetch_allow_private: bool = Field(default=False, validation_alias="BRIEFBOT_FETCH_ALLOW_PRIVATE")
    feed_interval: Annotated[float, NoDecode] = Field(
        default=DEFAULT_FEED_INTERVAL, validation_alias="BRIEFBOT_FEED_INTERVAL"
    )  # seconds between polls of the feeds in `briefbot run`
    shard_ids: Annotated[tuple[int, ...] | None, NoDecode] = Field(
        default=None, validation_alias="BRIEFBOT_SHARD_IDS"
    )
    shard_count: int | None = Field(default=None, ge=1, validation_alias="BRIEFBOT_SHARD_COUNT")
    db_readonly: bool = Field(default=False, validation_alias="BRIEFBOT_DB_READONLY")

    @field_validator("shard_ids", mode="before")
    @classmethod
    def _shard_ranges(cls, value: object) -> object:
        """Return shard ids parsed from "0-3", "4,5" or "0-3, 8" (ranges inclusive, as people write them)."""
        if not isinstance(value, str):
            return value
        ids: list[int] = []
        for part in value.replace(",", " ").split():
            low, dash, high = part.partition("-")
            if not (low.isascii() and low.isdigit() and (not dash or (high.isascii() and high.isdigit()))):
                raise ValueError("expected shard ids such as 0-3 or 0,1,2 (numbers, ranges inclusive)")
            first, last = int(low), int(high) if dash else int(low)
            if last < first:
                raise ValueError(f"the range {part} runs backwards")
            ids += range(first, last + 1)
        if not ids:
            raise ValueError("expected shard ids such as 0-3 or 0,1,2")
        return tuple(sorted(set(ids)))

    @model_validator(mode="after")
    def _shards_fit(self) -> Settings:
        """Refuse shard ids without a shard count, or beyond it (Discord numbers shards 0 to count - 1)."""
        if self.shard_ids is not None:
            if self.shard_count is None:
                raise ValueError(
                    "BRIEFBOT_SHARD_IDS needs BRIEFBOT_SHARD_COUNT (the shards of all processes)"
                )
            if self.shard_ids[-1] >= self.shard_count:
                raise ValueError(
                    f"BRIEFBOT_SHARD_IDS: shard {self.shard_ids[-1]} is not below BRIEFBOT_SHARD_COUNT"
                    f" ({self.shard_count}); shards are numbered 0 to {self.shard_count - 1}"
                )
        return self

    def sharded(self) -> bool:
        """Return whether the bot runs discord.py's sharded client (auto, or given shards)."""
        return self.sharding == "auto" or self.shard_count is not None

    @field_validator("owner_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """Return owner ids parsed from "1, 2, 3" (the form people write in .env files)."""
        if isinstance(value, str):
            parts = value.replace(",", " ").split()
            if not all(part.isascii() and part.isdigit() for part in parts):
                raise ValueError("expected Discord user ids (numbers) separated by commas")
            return frozenset(int(part) for part in parts)
        return value

    @field_validator("feed_interval", mode="before")
    @classmethod
    def _duration(cls, value: object) -> object:
        """Return seconds from "15m", "90s", "1h" or a bare number of minutes; at least one second."""
        if not isinstance(value, str):
            return value
        match = _DURATION.fullmatch(value.strip().lower())
        if match is None:
            raise ValueError('expected a duration such as "15m", "90s" or "1h" (a bare number is minutes)')
        seconds = float(match.group(1)) * _DURATION_UNITS[match.group(2) or "m"]
        if seconds < 1:
            raise ValueError("must be at least one second")
        return seconds

    @field_validator("discord_token", mode="after")
    @classmethod
    def _one_token(cls, value: SecretStr | None) -> SecretStr | None:
        """Return the token; refuse one with a line break, space or control character inside it."""
        inner = value.get_secret_value().strip() if value else ""
        if any(c.isspace() or not c.isprintable() for c in inner):
            raise ValueError("contains a line break, space or control character; paste the token alone")
        return value

    @field_validator("api_base", mode="after")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        """Return the REST base URL without its trailing slash; refuse anything but http(s)."""
        return _url(value, ("http", "https"), "http://localhost:8080/api/v10")

    @field_validator("gateway_url", mode="after")
    @classmethod
    def _ws_url(cls, value: str | None) -> str | None:
        """Return the gateway URL without its trailing slash; refuse anything but ws(s)."""
        return _url(value, ("ws", "wss"), "wss://gateway.discord.gg")

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        """Return the log level in capitals."""
        return value.upper() if isinstance(value, str) else value

    def has_token(self) -> bool:
        """Return whether a non-empty Discord token is configured."""
        return bool(self.discord_token and self.discord_token.get_secret_value().strip())


def _url(value: str | None, schemes: tuple[str, ...], example: str) -> str | None:
    """Return value without its trailing slash (None when empty) if it is a URL of one of the schemes."""
    value = (value or "").strip().rstrip("/")
    if not value:
        return None
    try:
        url = yarl.URL(value)
    except ValueError:
        url = None
    if url is None or url.scheme not in schemes or not url.host:
        raise ValueError(
            f"expected a URL starting with {' or '.join(f'{s}://' for s in schemes)}, e.g. {example}"
        )
    return value


def settings_errors(error: ValidationError) -> list[str]:
    """Return one line per setting that failed validation: its name, what is wrong, the value given."""
    lines = []
    for problem in error.errors():
        name = ".".join(str(part) for part in problem["loc"])
        message = str(problem["msg"]).removeprefix("Value error, ")
        if not name:  # a rule between settings: its message names them
            lines.append(message)
            continue
        shown = "" if name in SECRET_SETTINGS else f" (got {str(problem.get('input', ''))[:60]!r})"
        lines.append(f"{name}: {message}{shown}")
    return lines
