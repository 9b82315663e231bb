"""Shared fixtures: real databases (a SQLite file, and PostgreSQL when TAWASOL_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tawasol.store.db import normalise_url

POSTGRES_URL = os.environ.get("TAWASOL_TEST_POSTGRES_URL", "")
REDIS_URL = os.environ.get("TAWASOL_TEST_REDIS_URL", "")
DATA_DIR = Path(os.environ.get("TAWASOL_DATA_DIR", Path(__file__).resolve().parents[1] / ".." / "shared" / "data"))


REQUIRE_SERVICES = os.environ.get("TAWASOL_REQUIRE_SERVICES") == "1"


def skip_or_fail(reason: str) -> None:
    """Skip on a developer machine without the service; fail in CI, where it must run."""
    if REQUIRE_SERVICES:
        pytest.fail(f"required by TAWASOL_REQUIRE_SERVICES=1 but unavailable: {reason}")
    pytest.skip(reason)


def _backends() -> list[object]:
    return [
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]


@pytest.fixture(params=_backends())
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL per test: a SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tawasol.db'}"
        return
    if not POSTGRES_URL:
        skip_or_fail("PostgreSQL not configured: set TAWASOL_TEST_POSTGRES_URL (e.g. postgresql://root@127.0.0.1:5432/test)")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalise_url(POSTGRES_URL))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def redis_url() -> str:
    if not REDIS_URL:
        skip_or_fail("Redis not configured: set TAWASOL_TEST_REDIS_URL (e.g. redis://127.0.0.1:6379/0)")
    return REDIS_URL


@pytest.fixture
def data_dir() -> Path:
    if not DATA_DIR.is_dir():
        skip_or_fail(f"evaluation datasets not found at {DATA_DIR} (set TAWASOL_DATA_DIR)")
    return DATA_DIR


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built-in models are trained once per test session and shared (as a deployment would)."""
    return tmp_path_factory.mktemp("models")


@pytest.fixture
def settings(tmp_path: Path, database_url: str, model_dir: Path):  # type: ignore[no-untyped-def]
    from tawasol.config import Settings

    # Background jobs stay off in tests: each is exercised directly by its own tests.
    return Settings(home=tmp_path / "home", database_url=database_url, data_key="", redis_url="",
                    model_dir=model_dir, retention_interval_seconds=0, insights_interval_seconds=0,
                    qa_review_interval_seconds=0)


@pytest.fixture
def platform(settings):  # type: ignore[no-untyped-def]
    from tawasol.service.bootstrap import bootstrap

    p = bootstrap(settings)
    yield p
    p.engine.dispose()


@pytest.fixture
def client(platform):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from tawasol.api import create_app

    with TestClient(create_app(platform)) as c:
        yield c
