"""What a staff member chooses for themselves: the language of the staff screens."""

from __future__ import annotations

from typing import Any

from tawasol.domain.errors import InvalidInput
from tawasol.service.principals import UserPrincipal
from tawasol.service.views import user_view
from tawasol.store.uow import UnitOfWork

STAFF_LANGUAGES = ("fr", "ar", "en")  # those the staff catalogue (web/static/i18n) has


def set_ui_language(uow: UnitOfWork, who: UserPrincipal, language: str | None) -> dict[str, Any]:
    """The user's own choice (None: follow the browser); kept with the user, so it follows them to any desk."""
    if language is not None and language not in STAFF_LANGUAGES:
        raise InvalidInput("language", f"expected one of {list(STAFF_LANGUAGES)} or null, got {language!r}")
    with uow:
        user = uow.users.get(who.user.id)
        assert user is not None
        user.ui_language = language
        uow.flush()
        view = user_view(user, uow.users.tenant_ids(user.id))
        uow.commit()
        return view
