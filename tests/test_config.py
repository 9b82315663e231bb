"""Settings: production refuses the development secret and short secrets, whatever the spelling of the env."""

from __future__ import annotations

import pytest

from tawasol.config import DEV_SECRET, Settings, UnsafeSettings

REAL = "k3Jx9-pQ2vR8sT1uW4yZ7aB0cD5eF6gH"  # 32 characters


@pytest.mark.parametrize("env", ["production", "PRODUCTION", "prod", "Prod", " production "])
def test_production_refuses_the_development_secret(env: str) -> None:
    with pytest.raises(UnsafeSettings, match="TAWASOL_SECRET_KEY"):
        Settings(env=env, secret_key=DEV_SECRET)


@pytest.mark.parametrize("secret", ["x", "a" * 31])
def test_production_refuses_a_short_secret(secret: str) -> None:
    with pytest.raises(UnsafeSettings, match="at least 32 characters") as refused:
        Settings(env="prod", secret_key=secret)
    assert secret not in str(refused.value)


def test_production_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TAWASOL_ENV", "PRODUCTION")
    monkeypatch.delenv("TAWASOL_SECRET_KEY", raising=False)
    with pytest.raises(UnsafeSettings):
        Settings()
    monkeypatch.setenv("TAWASOL_SECRET_KEY", REAL)
    assert Settings().is_production


def test_development_keeps_working_with_the_default() -> None:
    s = Settings(env="Development")
    assert s.env == "development" and not s.is_production and s.secret_key == DEV_SECRET
