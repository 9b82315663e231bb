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
    assert greeting["automatic_choice"] == "no" and greeting["note"] == "greeted in the first line"
    assert after["score"] > before["score"] and after["automatic_score"] == before["score"]
    with platform.uow() as uow:  # the correction is a decision and an audit entry
        kinds = [d.kind for d in uow.decisions.for_conversation(opened.id)]
        assert kinds.count("qa_answer") == len(qa.qa.default_scorecard().questions) and "qa_correction" in kinds
    from tawasol.domain.errors import InvalidInput

    with pytest.raises(InvalidInput, match="choice"):
        qa.correct(platform.uow(), sup, opened.id, "greeting", "maybe")
    with pytest.raises(InvalidInput, match="question"):
        qa.correct(platform.uow(), sup, opened.id, "mood", "yes")
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
    if settings.effective_database_url.startswith("postgres"):
        # PostgreSQL: the wrap-up queued a run of the qa-review job for `tawasol worker`, not a review
        import psycopg

        from tawasol.service.job_queue import conninfo

        assert not qa.results(platform.uow(), sup, opened.id)["reviewed"]
        with psycopg.connect(conninfo(settings.effective_database_url)) as conn:
            queued = conn.execute("SELECT task_name, status FROM procrastinate_jobs").fetchall()
        assert [tuple(r) for r in queued] == [("tawasol.qa-review", "todo")]
        assert qa.after_wrap_up(platform.uow, opened.id) == "waiting"  # one waiting run covers every wrap-up
        assert qa.review_pending(platform.uow) == {"reviewed": 1, "failed": 0, "pending": 1}  # the worker's run
    assert qa.results(platform.uow(), sup, opened.id)["reviewed"]
    assert qa.review_pending(platform.uow)["pending"] == 0  # reviewed since its wrap-up: not again


def test_the_qa_review_job_reviews_what_waits_for_it(settings) -> None:  # type: ignore[no-untyped-def]
    """Wrapped up and not reviewed since (also after a reopening), and the bot's quiet conversations."""
    from datetime import timedelta

    from tawasol.domain.model import ConversationStatus, utcnow

    platform = bootstrap(settings, steps=[])
    tenant = create_tenant(platform.uow(), "acme", "Acme")
    ids = {}
    for name in ("resolved", "bot_quiet", "bot_recent", "bot_silent"):
        opened = svc.open_conversation(OpenConversation(tenant_slug="acme", customer=CustomerDetails(name="C")),
                                       platform.uow(), 1, contacts=platform.contacts)
        ids[name] = opened.id
        with platform.uow() as uow:
            conv = uow.conversations.get(opened.id)
            if name != "bot_silent":
                for author, text in [("customer", "How do I pay my bill?"), ("bot", "Pay it in the app.")]:
                    uow.messages.add(Message(tenant_id=tenant.id, conversation_id=opened.id, author=author,
                                             text=text, seq=uow.messages.next_seq(opened.id)))
            if name == "resolved":
                conv.status = ConversationStatus.RESOLVED.value
                conv.closed_at = utcnow()
            conv.updated_at = utcnow() - (timedelta(hours=2) if name != "bot_recent" else timedelta(minutes=1))
            uow.commit()
    assert qa.review_pending(platform.uow, limit=1) == {"reviewed": 2, "failed": 0, "pending": 2}  # in batches
    reviewed = {name: bool(_reviews(platform, cid)) for name, cid in ids.items()}
    assert reviewed == {"resolved": True, "bot_quiet": True, "bot_recent": False, "bot_silent": False}
    assert qa.review_pending(platform.uow)["pending"] == 0
    with platform.uow() as uow:  # reopened and wrapped up again: reviewed again
        conv = uow.conversations.get(ids["resolved"])
        conv.closed_at = utcnow() + timedelta(seconds=1)
        uow.commit()
    assert qa.review_pending(platform.uow)["reviewed"] == 1
    assert len(_reviews(platform, ids["resolved"])) == 2


def _reviews(platform, conversation_id: str) -> list:  # type: ignore[no-untyped-def, type-arg]
    with platform.uow() as uow:
        return uow.qa.reviews_of([c.tenant_id for c in [uow.conversations.get(conversation_id)]], conversation_id)


def test_a_tenant_scorecard_is_versioned_and_used_by_the_next_reviews(settings) -> None:  # type: ignore[no-untyped-def]
    from tawasol.domain.errors import InvalidInput

    platform = bootstrap(settings, steps=[])
    tenant = create_tenant(platform.uow(), "acme", "Acme")
    create_user(platform.uow(), "admin@acme.example", "a-long-passphrase-1", "admin", ["acme"])
    create_user(platform.uow(), "sup@acme.example", "a-long-passphrase-1", "supervisor", ["acme"])
    admin = _principal(platform, "admin@acme.example", tenant.id)
    sup = _principal(platform, "sup@acme.example", tenant.id)
    seed = qa.get_scorecard(platform.uow(), sup, "acme")
    assert seed["version"] == 1 and not seed["stored"] and seed["versions"] == []
    with pytest.raises(Forbidden):
        qa.save_scorecard(platform.uow(), sup, "acme", {"questions": [{"key": "greeting"}]})
    with pytest.raises(InvalidInput, match="unknown rule"):
        qa.save_scorecard(platform.uow(), admin, "acme", {"questions": [{"key": "mood", "rule": "mood_of_agent"}]})
    saved = qa.save_scorecard(platform.uow(), admin, "acme", {"name": "Short", "questions": [
        {"key": "greeting", "weight": 1}, {"key": "personal_data", "weight": 5}]})
    assert saved["version"] == 2
    assert qa.get_scorecard(platform.uow(), sup, "acme")["versions"] == [2]
    opened = svc.open_conversation(OpenConversation(tenant_slug="acme", customer=CustomerDetails(name="C")),
                                   platform.uow(), 1, contacts=platform.contacts)
    with platform.uow() as uow:
        for author, text in [("customer", "Hello, my bill is wrong"), ("agent", "Hello! Send me your password")]:
            uow.messages.add(Message(tenant_id=tenant.id, conversation_id=opened.id, author=author, text=text,
                                     seq=uow.messages.next_seq(opened.id)))
        uow.commit()
    qa.review_conversation(platform.uow(), opened.id)
    got = qa.results(platform.uow(), sup, opened.id)
    assert got["scorecard_version"] == 2 and [a["question"] for a in got["answers"]] == ["greeting", "personal_data"]
    assert got["score"] == round(100 * 1 / 6, 1)
    from tawasol.domain.errors import NotFound

    with pytest.raises(NotFound):
        qa.get_scorecard(platform.uow(), sup, "no-such-tenant")


def test_agent_summary_and_review_queue(settings) -> None:  # type: ignore[no-untyped-def]
    from tawasol.domain.errors import InvalidInput

    platform = bootstrap(settings, steps=[])
    tenant = create_tenant(platform.uow(), "acme", "Acme")
    create_user(platform.uow(), "sup@acme.example", "a-long-passphrase-1", "supervisor", ["acme"])
    create_user(platform.uow(), "ag@acme.example", "a-long-passphrase-1", "agent", ["acme"])
    create_user(platform.uow(), "ag2@acme.example", "a-long-passphrase-1", "agent", ["acme"])
    sup = _principal(platform, "sup@acme.example", tenant.id)
    agent = _principal(platform, "ag@acme.example", tenant.id)
    other = _principal(platform, "ag2@acme.example", tenant.id)
    convs = {}
    for name, lines in {"good": [("customer", "Bonjour, ma facture ?"),
                                 ("agent", "Bonjour, je regarde. Autre chose ? Bonne journée")],
                        "bad": [("customer", "C'est inadmissible, encore une facture fausse"),
                                ("agent", "Donnez-moi votre mot de passe")]}.items():
        opened = svc.open_conversation(OpenConversation(tenant_slug="acme", customer=CustomerDetails(name="C")),
                                       platform.uow(), 1, contacts=platform.contacts)
        with platform.uow() as uow:
            conv = uow.conversations.get(opened.id)
            conv.assigned_agent_id = agent.user.id
            for author, text in lines:
                uow.messages.add(Message(tenant_id=tenant.id, conversation_id=opened.id, author=author, text=text,
                                         seq=uow.messages.next_seq(opened.id)))
            uow.commit()
        qa.review_conversation(platform.uow(), opened.id)
        convs[name] = opened.id
    mine = qa.agent_summary(platform.uow(), agent, agent.user.id)
    assert mine["reviews"] == 2 and len(mine["score_trend"]) == 1
    greeting = mine["questions"]["greeting"]
    assert greeting["rate"] == 0.5 and greeting["trend"][0]["yes"] == 1 and greeting["trend"][0]["no"] == 1
    assert [x["conversation_id"] for x in greeting["low"]] == [convs["bad"]]
    assert qa.agent_summary(platform.uow(), sup, agent.user.id)["reviews"] == 2
    with pytest.raises(Forbidden):
        qa.agent_summary(platform.uow(), other, agent.user.id)
    with pytest.raises(InvalidInput):
        qa.agent_summary(platform.uow(), agent, agent.user.id, days=0)
    queue = qa.review_queue(platform.uow(), sup)
    assert [i["conversation_id"] for i in queue["items"]] == [convs["bad"]]
    assert queue["items"][0]["why"][:2] == ["complaint", "low score"]
    with pytest.raises(Forbidden):
        qa.review_queue(platform.uow(), agent)
    qa.correct(platform.uow(), sup, convs["bad"], "greeting", "no")  # looked at: leaves the queue
    assert qa.review_queue(platform.uow(), sup)["items"] == []
    qa.correct(platform.uow(), sup, convs["bad"], "closing", "yes")
    calibration = qa.calibration(platform.uow(), sup)
    assert calibration["conversations"] == 1  # only the conversation a person reviewed
    assert calibration["questions"]["greeting"]["accuracy"] == 1.0  # confirmed
    assert calibration["questions"]["closing"]["accuracy"] == 0.0
    assert calibration["questions"]["closing"]["corrections"] == {"no->yes": 1}
    assert calibration["overall"]["answers"] == len(qa.qa.default_scorecard().questions)
    with pytest.raises(Forbidden):
        qa.calibration(platform.uow(), agent)
