"""Password policy for the people who log into the console (checked at user creation, CLI and API)."""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

import yaml

from tawasol.domain.errors import InvalidInput

MIN_LENGTH = 10
MIN_DISTINCT = 4
MAX_LENGTH = 1024  # what the login form accepts
SEED = Path(__file__).with_name("seed") / "common_passwords.yaml"
_AROUND = string.digits + string.punctuation + string.whitespace


@lru_cache
def _common() -> tuple[frozenset[str], frozenset[str]]:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    return (frozenset(str(p).casefold() for p in data["exact"]),
            frozenset(str(p).casefold() for p in data["bases"]))


def password_problem(password: str, email: str | None = None) -> str | None:
    """Why `password` is refused, or None: the message names the rule, never the password."""
    if len(password) < MIN_LENGTH:
        return f"at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"at most {MAX_LENGTH} characters"
    if password.isdigit():
        return "not only digits"
    if len(set(password.casefold())) < MIN_DISTINCT:
        return f"at least {MIN_DISTINCT} different characters"
    exact, bases = _common()
    lowered = password.casefold()
    core = lowered.strip(_AROUND)  # "Password2026!" is "password" with digits and a symbol around it
    if lowered in exact or core in exact or core in bases:
        return "too common; choose a longer passphrase"
    local = (email or "").casefold().partition("@")[0]
    if local and local in (lowered, core):
        return "must not be the e-mail address"
    return None


def check_password(password: str, email: str | None = None) -> None:
    problem = password_problem(password, email)
    if problem is not None:
        raise InvalidInput("password", problem)
