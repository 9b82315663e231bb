"""The admin console's API for a tenant's people: list, invite, change (role, languages, skills, capacity,
disable) and reset a password. Thin over `service.admin`, which checks the role and the tenant and audits."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from tawasol.api.deps import CurrentUser, PlatformDep, handle
from tawasol.api.schemas.admin import (
    AdminUserPublic,
    AdminUsersPublic,
    PasswordReset,
    QuestionIn,
    QuestionTested,
    TenantSettingsPublic,
    TenantSettingsUpdate,
    UserInvite,
    UserInvited,
    UserUpdate,
)
from tawasol.service import admin as svc
from tawasol.service import tenant_settings

router = APIRouter(prefix="/api/v1/admin/tenants/{tenant}/users", tags=["admin"])
ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"description": "not an admin"},
    404: {"description": "tenant or user not found (or not yours)"},
}


@router.get("", responses=ERRORS, summary="The tenant's users")
async def list_users(tenant: str, who: CurrentUser, platform: PlatformDep) -> AdminUsersPublic:
    data = await handle(platform, lambda uow: svc.list_users(uow, who, tenant), readonly=True)
    return AdminUsersPublic.model_validate({"data": data, "count": len(data)})


@router.post(
    "",
    status_code=201,
    summary="Invite a user with a temporary password (returned once)",
    responses={**ERRORS, 409: {"description": "a user with this e-mail exists"}},
)
async def invite_user(tenant: str, body: UserInvite, who: CurrentUser, platform: PlatformDep) -> UserInvited:
    return UserInvited.model_validate(
        await handle(
            platform,
            lambda uow: svc.invite_user(
                uow,
                who,
                tenant,
                body.email,
                body.role,
                body.display_name,
                list(body.languages),
                body.skills,
                body.capacity,
            ),
        )
    )


@router.patch(
    "/{user_id}",
    summary="Change a user's role, languages, skills, capacity, or disable them",
    responses={**ERRORS, 409: {"description": "an admin cannot disable or demote themselves"}},
)
async def update_user(
    tenant: str, user_id: str, body: UserUpdate, who: CurrentUser, platform: PlatformDep
) -> AdminUserPublic:
    changes = body.model_dump(exclude_none=True)
    return AdminUserPublic.model_validate(
        await handle(platform, lambda uow: svc.update_user(uow, who, tenant, user_id, changes))
    )


@router.post(
    "/{user_id}/reset-password", summary="A new temporary password (returned once); sessions end", responses=ERRORS
)
async def reset_password(tenant: str, user_id: str, who: CurrentUser, platform: PlatformDep) -> PasswordReset:
    return PasswordReset.model_validate(
        await handle(platform, lambda uow: svc.reset_password(uow, who, tenant, user_id))
    )


kb_router = APIRouter(prefix="/api/v1/admin/tenants/{tenant}/kb", tags=["admin"])


@kb_router.post("/test", responses=ERRORS, summary="What the bot would answer: ranked articles and the decision")
async def test_question(tenant: str, body: QuestionIn, who: CurrentUser, platform: PlatformDep) -> QuestionTested:
    return QuestionTested.model_validate(
        await handle(
            platform,
            lambda uow: svc.test_question(uow, who, tenant, body.question, body.language, platform.knowledge),
            readonly=True,
        )
    )


settings_router = APIRouter(prefix="/api/v1/admin/tenants/{tenant}/settings", tags=["admin"])


@settings_router.get("", responses=ERRORS, summary="Escalation and answer thresholds, retention: the values in force")
async def read_settings(tenant: str, who: CurrentUser, platform: PlatformDep) -> TenantSettingsPublic:
    return TenantSettingsPublic.model_validate(
        await handle(platform, lambda uow: tenant_settings.read(uow, who, tenant), readonly=True)
    )


@settings_router.patch("", responses=ERRORS, summary="Change some thresholds or retention periods (audited)")
async def update_settings(
    tenant: str, body: TenantSettingsUpdate, who: CurrentUser, platform: PlatformDep
) -> TenantSettingsPublic:
    changes = {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None}  # None: keep forever
    return TenantSettingsPublic.model_validate(
        await handle(platform, lambda uow: tenant_settings.update(uow, who, tenant, changes))
    )
