"""Settings from environment variables `TAWASOL_*`; one cached instance, replaceable in tests."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_HOME = Path.home() / ".tawasol"
DEV_SECRET = "dev-insecure-secret-change-me"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TAWASOL_", extra="ignore")

    env: str = "development"  # development | production
    home: Path = DEFAULT_HOME  # where the SQLite file, model artifacts and keys live by default
    database_url: str = ""  # empty: SQLite file in `home`
    redis_url: str = ""  # empty: in-process event bus
    secret_key: str = DEV_SECRET
    data_key: str = ""  # base64 AES key for data at rest; empty: a key file in `home`
    model_dir: Path | None = None  # model artifacts; default `home`/models
    data_dir: Path = Path("../shared/data")  # evaluation datasets (benchmarks only)
    host: str = "127.0.0.1"
    port: int = 8000
    max_message_chars: int = 4000
    max_body_bytes: int = 64 * 1024
    customer_token_ttl_hours: int = 24 * 7
    user_token_ttl_hours: int = 12
    rate_limit_per_minute: int = 60  # public customer endpoints, per client address
    conversations_per_minute: int = 20
    log_level: str = "info"
    agent_disconnect_grace_seconds: float = 15.0  # console closed this long: agent offline, conversations requeued
    retention_interval_seconds: int = 3600
    insights_interval_seconds: int = 6 * 3600  # churn and CSAT scores refresh (0: never; runs at start)  # how often the retention purge runs in-process (0: never)

    @field_validator("secret_key")
    @classmethod
    def _no_placeholder_in_production(cls, value: str, info) -> str:  # type: ignore[no-untyped-def]
        if info.data.get("env") == "production" and value == DEV_SECRET:
            raise ValueError("set TAWASOL_SECRET_KEY to a real secret in production")
        return value

    @property
    def effective_model_dir(self) -> Path:
        return self.model_dir or self.home / "models"

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.home.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.home / 'tawasol.db'}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
