"""The admin console's people screens: a tenant's users, invitations and password resets."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictFloat, StrictInt

from tawasol.api.schemas.common import LANG, Public, Strict, UserPublic

RoleName = Literal["agent", "supervisor", "admin"]


class AdminUserPublic(UserPublic):
    active: bool  # a disabled user cannot log in, and their open sessions are refused


class AdminUsersPublic(Public):
    data: list[AdminUserPublic]
    count: int


class UserInvite(Strict):
    email: str = Field(min_length=3, max_length=320)
    role: RoleName
    display_name: str = Field(default="", max_length=200)
    languages: list[LANG] = Field(default_factory=list, max_length=6)
    skills: list[str] = Field(default_factory=list, max_length=30)
    capacity: int = Field(default=3, ge=0, le=50)


class UserUpdate(Strict):
    """Only the fields sent change."""

    role: RoleName | None = None
    display_name: str | None = Field(default=None, min_length=1, max_length=200)
    languages: list[LANG] | None = Field(default=None, max_length=6)
    skills: list[str] | None = Field(default=None, max_length=30)
    capacity: int | None = Field(default=None, ge=0, le=50)
    active: bool | None = None


class UserInvited(Public):
    user: AdminUserPublic
    temporary_password: str  # shown once: the admin hands it over; it is stored only as a hash


class PasswordReset(Public):
    user_id: str
    temporary_password: str


class UiLanguageIn(Strict):
    language: Literal["fr", "ar", "en"] | None  # None: follow the browser's language


class QuestionIn(Strict):
    question: str = Field(min_length=1, max_length=500)
    language: LANG | None = None  # the customer's language (guessed from the question when absent)


class RankedArticle(Public):
    rank: int
    article_key: str
    title: str
    language: str
    exact_language: bool  # False: the article has no variant in the question's language
    score: float


class QuestionTested(Public):
    """What the bot would do with the question: the ranked articles, and whether it answers with the first."""

    question: str
    language: str
    answer: bool
    reason: str  # answered | low_confidence | out_of_scope
    probability: float
    articles: list[RankedArticle]


class TenantSettingsPublic(Public):
    """The values in force (the tenant's, else the defaults the pipeline uses)."""

    escalation: dict[str, float | int]
    bot: dict[str, float | int]
    retention: dict[str, int | None]  # days; None keeps forever


class TenantSettingsUpdate(Strict):
    """Only the keys sent change; an unknown key or a value out of range is refused (422) and nothing is stored."""

    escalation: dict[str, StrictInt | StrictFloat] | None = None  # strict: true is no number
    bot: dict[str, StrictInt | StrictFloat] | None = None
    retention: dict[str, StrictInt | None] | None = None
