"""Who is calling: a logged-in user (with the tenants they serve) or a customer holding a conversation token."""

from __future__ import annotations

from dataclasses import dataclass

from tawasol.domain.model import Role, User


@dataclass(frozen=True)
class UserPrincipal:
    user: User
    tenant_ids: tuple[str, ...]

    @property
    def role(self) -> Role:
        return Role(self.user.role)

    def require(self, *roles: Role) -> None:
        from tawasol.domain.errors import Forbidden

        if self.role not in roles:
            raise Forbidden(f"role {self.role.value} may not do this; needs one of {[r.value for r in roles]}")


@dataclass(frozen=True)
class CustomerPrincipal:
    tenant_id: str
    conversation_id: str
