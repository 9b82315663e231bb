"""The password policy: long, not only digits, not a common password (even with digits or symbols around it)."""

from __future__ import annotations

import pytest

from tawasol.domain.errors import InvalidInput
from tawasol.service import admin
from tawasol.service.passwords import password_problem
from tests import factories
from tests.cli.test_core_cli import env, run  # noqa: F401 - the fixture is used by name

WEAK = ["12345678", "1234567890123", "short-1", "password123", "Password2026!", "azerty123456", "qwertyuiop",
        "!!QWERTY!!", "aaaaaaaaaaaa", "abababababab", "Tawasol2026", "iloveyou123"]
STRONG = ["correct-horse-battery", "long-enough-1", "atlas-demo-2026", "Rabat sous la pluie", "m9Vt-x2Lq-pR7e"]


@pytest.mark.parametrize("password", WEAK)
def test_weak_passwords_are_refused_with_the_rule(password: str) -> None:
    problem = password_problem(password)
    assert problem is not None and password not in problem


@pytest.mark.parametrize("password", STRONG)
def test_good_passwords_pass(password: str) -> None:
    assert password_problem(password) is None


def test_the_e_mail_is_not_a_password() -> None:
    assert password_problem("karim.alaoui", "karim.alaoui@atlas.example") == "must not be the e-mail address"


def test_user_creation_refuses_a_weak_password(platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    with pytest.raises(InvalidInput) as refused:
        admin.create_user(platform.uow(), "new.agent@example.com", "12345678", "agent", [t.slug])
    assert refused.value.field == "password" and "10 characters" in refused.value.message
    with pytest.raises(InvalidInput, match="not only digits"):
        admin.create_user(platform.uow(), "new.agent@example.com", "1234567890", "agent", [t.slug])
    with platform.uow() as uow:
        assert uow.users.by_email("new.agent@example.com") is None


def test_cli_says_why_a_password_is_refused(env) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert run("db", "upgrade")[0] == 0
    from tawasol.config import get_settings
    from tawasol.service.bootstrap import bootstrap

    platform = bootstrap(get_settings(), steps=[])
    factories.tenant(platform, "cli-co")
    platform.engine.dispose()
    code, out = run("users", "create", "--tenant", "cli-co", "--email", "a@example.com", "--password", "password123")
    assert code == 2 and "too common" in out
    code, out = run("users", "create", "--tenant", "cli-co", "--email", "a@example.com", "--password",
                    "a-real-passphrase")
    assert code == 0, out
