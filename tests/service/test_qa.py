"""QA handlers on a real database: review a conversation, read its scorecard, a supervisor corrects it."""

from __future__ import annotations

import pytest

from tawasol.domain.errors import Forbidden
from tawasol.domain.model import Message
from tawasol.service import conversations as svc
from tawasol.service import qa
from tawasol.service.admin import create_tenant, create_user
from tawasol.service.bootstrap import bootstrap
from tawasol.service.commands import CustomerDetails, OpenConversation
from tawasol.service.principals import UserPrincipal


def _principal(platform, email: str, tenant_id: str) -> UserPrincipal:  # type: ignore[no-untyped-def]
    with platform.uow() as uow:
        user = uow.users.by_email(email)
    return UserPrincipal(user=user, tenant_ids=(tenant_id,))


def test_review_read_and_correct(settings) -> None:  # type: ignore[no-untyped-def]
    platform = bootstrap(settings, steps=[])
    tenant = create_tenant(platform.uow(), "acme", "Acme")
    create_user(platform.uow(), "sup@acme.example", "a-long-passphrase-1", "supervisor", ["acme"])
    create_user(platform.uow(), "ag@acme.example", "a-long-passphrase-1", "agent", ["acme"])
    opened = svc.open_conversation(OpenConversation(tenant_slug="acme", customer=CustomerDetails(name="C")),
                                   platform.uow(), 1, contacts=platform.contacts)
    with platform.uow() as uow:
        for author, text in [("customer", "Bonjour, ma facture est fausse"),
                             ("agent", "Donnez-moi votre mot de passe s'il vous plaît"),
                             ("agent", "Voilà, c'est corrigé")]:
            uow.messages.add(Message(tenant_id=tenant.id, conversation_id=opened.id, author=author, text=text,
                                     seq=uow.messages.next_seq(opened.id)))
        uow.commit()
    done = qa.review_conversation(platform.uow(), opened.id)
    assert {a["question"]: a["choice"] for a in done["answers"]}["personal_data"] == "no"
    sup = _principal(platform, "sup@acme.example", tenant.id)
    before = qa.results(platform.uow(), sup, opened.id)
    assert before["reviewed"] and before["score"] == done["score"]
    qa.correct(platform.uow(), sup, opened.id, "greeting", "yes", note="greeted in the first line")
    after = qa.results(platform.uow(), sup, opened.id)
    greeting = next(a for a in after["answers"] if a["question"] == "greeting")
    assert greeting["choice"] == "yes" and greeting["corrected_by"] == sup.user.id
    assert after["score"] > before["score"]
    agent = _principal(platform, "ag@acme.example", tenant.id)
    with pytest.raises(Forbidden):
        qa.results(platform.uow(), agent, opened.id)  # not their conversation
    with pytest.raises(Forbidden):
        qa.correct(platform.uow(), agent, opened.id, "greeting", "no")


def test_wrap_up_is_reviewed_after_its_commit(settings) -> None:  # type: ignore[no-untyped-def]
    from tawasol.service import agents

    platform = bootstrap(settings, steps=[])
    tenant = create_tenant(platform.uow(), "acme", "Acme")
    create_user(platform.uow(), "sup@acme.example", "a-long-passphrase-1", "supervisor", ["acme"])
    opened = svc.open_conversation(OpenConversation(tenant_slug="acme", customer=CustomerDetails(name="C")),
                                   platform.uow(), 1, contacts=platform.contacts)
    with platform.uow() as uow:
        uow.messages.add(Message(tenant_id=tenant.id, conversation_id=opened.id, author="customer",
                                 text="Hola, ¿mi factura?", seq=uow.messages.next_seq(opened.id)))
        uow.commit()
    sup = _principal(platform, "sup@acme.example", tenant.id)
    uow = platform.uow()
    agents.resolve(uow, sup, opened.id, disposition="billing")
    assert any(kind == "conversation.resolved" for _, e in uow.events for kind in [e.get("type")])
    assert qa.results(platform.uow(), sup, opened.id)["reviewed"]
