"""Staff typing reaches the customer's stream only for a conversation of a tenant they serve (checked by the
handler, on the in-memory unit of work)."""

from __future__ import annotations

import pytest

from tawasol.domain.model import Conversation, Role, Tenant, User
from tawasol.service import agents, events
from tawasol.service.principals import UserPrincipal

from .fakes import FakeUnitOfWork

ACME, OTHER = Tenant(slug="acme", name="Acme"), Tenant(slug="other", name="Other")


def _who(role: Role, *tenants: Tenant) -> UserPrincipal:
    return UserPrincipal(
        User(email=f"{role.value}@x.test", password_hash="", role=role.value), tuple(t.id for t in tenants)
    )


def _uow() -> tuple[FakeUnitOfWork, Conversation]:
    conv = Conversation(tenant_id=ACME.id, customer_id="c1")
    return FakeUnitOfWork(tenants=[ACME, OTHER], conversations=[conv]), conv


def test_typing_in_a_served_tenants_conversation_emits_one_event() -> None:
    uow, conv = _uow()
    assert agents.agent_typing(uow, _who(Role.AGENT, ACME), conv.id, False) is True
    assert uow.events == [
        (
            events.conversation_channel(conv.id),
            {"type": "typing", "conversation_id": conv.id, "author": "agent", "typing": False},
        )
    ]
    assert uow.committed == 0  # nothing stored


@pytest.mark.parametrize("conversation", ["foreign", "unknown"])
def test_another_tenants_or_an_unknown_conversation_gets_nothing(conversation: str) -> None:
    uow, conv = _uow()
    conv_id = conv.id if conversation == "foreign" else "no-such-id"
    assert agents.agent_typing(uow, _who(Role.SUPERVISOR, OTHER), conv_id, True) is False
    assert uow.events == []
