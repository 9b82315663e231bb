"""The agent inbox reads every conversation's preview in one query and shows what it showed one by one."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from tawasol.domain.model import Message
from tawasol.service import agents
from tawasol.service import conversations as svc
from tawasol.service.admin import create_tenant, create_user
from tawasol.service.bootstrap import bootstrap
from tawasol.service.commands import CustomerDetails, OpenConversation
from tawasol.service.principals import UserPrincipal
from tawasol.service.views import conversation_view, message_view


def _world(settings, conversations: int) -> tuple[Any, UserPrincipal]:  # type: ignore[no-untyped-def]
    platform = bootstrap(settings, steps=[])
    tenant = create_tenant(platform.uow(), "acme", "Acme")
    create_user(platform.uow(), "sup@acme.example", "a-long-passphrase-1", "supervisor", ["acme"])
    contacts = platform.contacts
    for n in range(conversations):
        opened = svc.open_conversation(OpenConversation(tenant_slug="acme", customer=CustomerDetails(
            name=f"Customer {n}")), platform.uow(), 1, contacts=contacts)
        with platform.uow() as uow:
            for k in range(n % 4):  # some conversations have no message yet
                uow.messages.add(Message(tenant_id=tenant.id, conversation_id=opened.id, author="customer",
                                         text=f"message {k} of {n}", seq=uow.messages.next_seq(opened.id)))
            uow.commit()
    with platform.uow() as uow:
        user = uow.users.by_email("sup@acme.example")
        assert user is not None
    return platform, UserPrincipal(user=user, tenant_ids=(tenant.id,))


def _one_by_one(platform, who: UserPrincipal) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The inbox as it was built before: a query per conversation for its last message and its customer."""
    contacts = platform.contacts
    with platform.uow() as uow:
        data = []
        for c in uow.conversations.search(who.tenant_ids):
            view = conversation_view(c)
            last = uow.messages.for_conversation(c.id)[-1:]
            view["last_message"] = message_view(last[0]) if last else None
            view["customer_name"] = contacts.read(uow, uow.customers.get(c.customer_id)).name
            view["priority"], view["assigned_at"] = c.priority, c.assigned_at.isoformat() if c.assigned_at else None
            view["queued_at"] = c.queued_at.isoformat() if c.queued_at else None
            data.append(view)
        return {"data": data, "count": len(data)}


def test_thirty_conversations_show_the_same_inbox_with_one_message_query(settings) -> None:  # type: ignore[no-untyped-def]
    platform, who = _world(settings, 30)
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(platform.engine, "before_cursor_execute", record)
    try:
        inbox = agents.inbox(platform.uow(), who, contacts=platform.contacts)
    finally:
        event.remove(platform.engine, "before_cursor_execute", record)
    assert inbox == _one_by_one(platform, who)
    assert inbox["count"] == 30
    assert sum(v["last_message"] is None for v in inbox["data"]) == 8
    assert {v["customer_name"] for v in inbox["data"]} == {f"Customer {n}" for n in range(30)}
    assert sum("FROM messages" in s for s in statements) == 1
    assert len(statements) <= 6  # conversations, messages, customers, keys: not one per conversation
    platform.engine.dispose()
