"""The platform's commands: db upgrade, users create, demo --seed-only, audit verify, keys rotate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tawasol.cli import app
from tawasol.config import get_settings


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, database_url: str, model_dir: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TAWASOL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TAWASOL_DATABASE_URL", database_url)
    monkeypatch.setenv("TAWASOL_MODEL_DIR", str(model_dir))
    monkeypatch.delenv("TAWASOL_DATA_KEY", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_db_upgrade_then_current(env) -> None:  # type: ignore[no-untyped-def]
    code, out = run("db", "upgrade")
    assert code == 0 and "revision" in out
    code, out = run("db", "current")
    assert code == 0 and out.strip() not in ("", "empty")


def test_demo_seed_only_is_idempotent_and_prints_logins(env) -> None:  # type: ignore[no-untyped-def]
    code, out = run("demo", "--seed-only")
    assert code == 0, out
    assert "atlas-telecom" in out and "salma@atlas-telecom.example" in out
    code, again = run("demo", "--seed-only")
    assert code == 0
    from tawasol.service.bootstrap import bootstrap

    platform = bootstrap(get_settings(), steps=[])
    with platform.uow() as uow:
        tenant = uow.tenants.by_slug("atlas-telecom")
        assert tenant is not None
        assert len(uow.articles.for_tenant(tenant.id)) >= 40
        assert len(uow.users.in_tenants([tenant.id])) >= 5
    platform.engine.dispose()


def test_users_create_and_errors(env) -> None:  # type: ignore[no-untyped-def]
    run("demo", "--seed-only")
    code, out = run("users", "create", "--tenant", "atlas-telecom", "--email", "Nadia@Example.com",
                    "--password", "long-enough-1", "--role", "supervisor", "--languages", "fr,ary")
    assert code == 0, out
    view = json.loads(out.strip().splitlines()[-1])
    assert view["email"] == "nadia@example.com" and view["role"] == "supervisor" and view["languages"] == ["fr", "ary"]
    code, out = run("users", "create", "--tenant", "nowhere", "--email", "x@example.com", "--password", "long-enough-1")
    assert code == 2
    code, out = run("users", "create", "--tenant", "atlas-telecom", "--email", "x@example.com",
                    "--password", "long-enough-1", "--role", "king")
    assert code == 2


def test_audit_verify_and_key_rotation(env) -> None:  # type: ignore[no-untyped-def]
    run("demo", "--seed-only")
    code, out = run("keys", "rotate")
    assert code == 0 and "master-0002" in out, out
    code, out = run("audit", "verify")
    assert code == 0 and "intact" in out
    from sqlalchemy import text

    from tawasol.store.db import make_engine

    engine = make_engine(get_settings().effective_database_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET details = '{}' WHERE seq = (SELECT MIN(seq) FROM audit_log)"))
    engine.dispose()
    code, out = run("audit", "verify")
    assert code == 1 and "BROKEN at entry seq=" in out


def test_insights_refresh_scores_the_demo(env) -> None:  # type: ignore[no-untyped-def]
    run("demo", "--seed-only")
    code, out = run("insights", "refresh", "--tenant", "atlas-telecom")
    assert code == 0, out
    assert "churn" in out
    code, out = run("insights", "refresh", "--tenant", "nobody")
    assert code == 2
