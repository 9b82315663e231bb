"""Login of agents, supervisors and admins."""

from __future__ import annotations

from pydantic import Field

from tawasol.api.schemas.common import Public, Strict, UserPublic


class LoginIn(Strict):
    email: str = Field(min_length=3, max_length=320)
    password: str = Field(min_length=1, max_length=1024)


class TokenOut(Public):
    access_token: str
    token_type: str = "bearer"
    user: UserPublic
