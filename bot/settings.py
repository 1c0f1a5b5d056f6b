"""Configuration: one typed settings object, defaults in code, secrets from the environment only.

Values come from environment variables or a ``.env`` file in the working directory
(see ``.env.example``). The token is a SecretStr, so it never shows in reprs or logs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from knowledge.store import default_store_path


class Settings(BaseSettings):
    """Everything briefbot reads from its environment."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    discord_token: SecretStr | None = Field(default=None, validation_alias="DISCORD_TOKEN")
    db: Path = Field(default_factory=default_store_path, validation_alias="BRIEFBOT_DB")
    dev_guild: int | None = Field(default=None, validation_alias="BRIEFBOT_DEV_GUILD")
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

    @field_validator("owner_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """Return owner ids parsed from "1, 2, 3" (the form people write in .env files)."""
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(",", " ").split())
        return value

    @field_validator("api_base", "gateway_url", mode="after")
    @classmethod
    def _strip_slash(cls, value: str | None) -> str | None:
        """Return a URL without its trailing slash, or None when empty."""
        return value.rstrip("/") or None if value else None

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        """Return the log level in capitals."""
        return value.upper() if isinstance(value, str) else value

    def has_token(self) -> bool:
        """Return whether a non-empty Discord token is configured."""
        return bool(self.discord_token and self.discord_token.get_secret_value().strip())
