"""Proactive outreach: who to contact before they call (churn risk, unusual bill, incident in their area,
repeated contacts), and sending the first message, which opens a conversation in the customer's language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tawasol.domain.errors import NotFound
from tawasol.domain.model import Author, Conversation, DecisionRecord, Message, utcnow
from tawasol.predict import OutreachCandidate, OutreachSignal, rank_outreach
from tawasol.privacy import disclosure_text
from tawasol.seeddata import load
from tawasol.service import audit, events
from tawasol.service.insights import SUPERVISORS, tenant_for
from tawasol.service.principals import UserPrincipal
from tawasol.store.uow import UnitOfWork

QUIET_DAYS = 14  # a customer reached proactively is not proposed again for this long
OPEN = ("bot", "queued", "assigned")


def _outreach_texts() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """seed/outreach.yaml: the greeting per language ({t}: the tenant's name) and, per outreach reason, the body in
    each of the greeting's languages (checked here, so that no reason lacks a language)."""
    seed = load("service", "outreach.yaml")
    hello = seed.texts_by_key("hello")
    for lang, text in hello.items():
        if "{t}" not in text:
            raise seed.error(f"hello.{lang}", "expected the tenant's name as {t}")
    body = {kind: seed.texts_by_key(f"body.{kind}") for kind in seed.mapping("body")}
    for kind, texts in body.items():
        if missing := sorted(set(hello) - set(texts)):
            raise seed.error(f"body.{kind}", f"missing languages {missing}")
    if "churn_risk" not in body or "fr" not in hello:
        raise seed.error("body", "expected a churn_risk body and a French greeting (the fallbacks)")
    return hello, body


_HELLO, _BODY = _outreach_texts()


def outreach_text(kind: str, language: str | None, tenant_name: str) -> str:
    lang = language if language in _HELLO else "fr"
    return _HELLO[lang].format(t=tenant_name) + _BODY.get(kind, _BODY["churn_risk"])[lang]


def _signals(attrs: dict[str, Any], incidents: list[dict[str, Any]],
             recent: list[Conversation]) -> list[OutreachSignal]:
    out = []
    bill, usual = attrs.get("last_bill"), attrs.get("monthly_bill")
    if isinstance(bill, (int, float)) and isinstance(usual, (int, float)) and usual > 0 and bill >= 1.3 * usual:
        out.append(OutreachSignal("unusual_bill", min(0.6, bill / usual - 1.0),
                                  f"last bill {bill:g} is {bill / usual - 1:.0%} above the usual {usual:g}"))
    for inc in incidents:
        if isinstance(inc, dict) and inc.get("region") and inc.get("region") == attrs.get("region"):
            out.append(OutreachSignal("incident", float(inc.get("strength", 0.3)),
                                      str(inc.get("text") or f"incident declared in {inc['region']}")))
    unresolved = [c for c in recent if c.status == "closed"]
    if len(recent) >= 2 and unresolved:
        out.append(OutreachSignal("repeat_contact", 0.4, f"contacted us {len(recent)} times in 7 days, "
                                                         f"{len(unresolved)} left unresolved"))
    return out


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)  # SQLite hands back naive UTC


def _candidates(uow: UnitOfWork, tenant: Any) -> list[OutreachCandidate]:
    now = utcnow()
    settings = (tenant.settings or {}).get("insights") or {}
    incidents = settings.get("incidents") or [] if isinstance(settings, dict) else []
    scores = {s.customer_id: s for s in uow.reports.scores_of_kind(tenant.id, "churn")}
    recent = uow.reports.conversations_created_since(tenant.id, now - timedelta(days=QUIET_DAYS))
    busy = {c.customer_id for c in recent if c.status in OPEN or (c.subject or "").startswith("proactive:")}
    week: dict[str, list[Conversation]] = {}
    for c in recent:
        if _aware(c.created_at) >= now - timedelta(days=7) and not (c.subject or "").startswith("proactive:"):
            week.setdefault(c.customer_id, []).append(c)
    out = []
    for cust in uow.reports.customers_of(tenant.id):
        attrs = cust.attributes or {}
        if cust.id in busy or attrs.get("erased") or attrs.get("churned") is True or \
                (cust.consent or {}).get("proactive_contact") is False:
            continue
        score = scores.get(cust.id)
        e = (score.explanation or {}) if score else {}
        reasons = [r.get("text", "") for r in e.get("reasons", [])]
        if score is not None and e.get("method") == "heuristic":
            reasons = [f"(rules) {r}" for r in reasons]
        out.append(OutreachCandidate(cust.id, score.score if score else 0.0, reasons,
                                     _signals(attrs, incidents, week.get(cust.id, [])), cust.preferred_language))
    return out


def outreach_list(uow: UnitOfWork, who: UserPrincipal, tenant_slug: str | None, limit: int = 50) -> dict[str, Any]:
    """Ranked customers to contact first, each with its reasons (strongest first)."""
    who.require(*SUPERVISORS)
    with uow:
        tenant = tenant_for(uow, who, tenant_slug)
        candidates = _candidates(uow, tenant)
        items = rank_outreach(candidates, limit=limit)
        names = uow.reports.customer_names([i.customer_id for i in items])
        method = _method(uow, tenant.id)
        return {"tenant": tenant.slug, "churn_method": method, "count": len(items),
                "data": [{**i.to_dict(), "name": names.get(i.customer_id)} for i in items]}


def _method(uow: UnitOfWork, tenant_id: str) -> str | None:
    from tawasol.service.insights import _latest_card

    card = _latest_card(uow, tenant_id, "churn")
    return (card.card or {}).get("method") if card else None


def send_outreach(uow: UnitOfWork, who: UserPrincipal, customer_id: str, kind: str | None = None) -> dict[str, Any]:
    """Open a conversation with the customer in their language: AI disclosure, then the bot's first message."""
    who.require(*SUPERVISORS)
    with uow:
        customer = uow.customers.get_in(who.tenant_ids, customer_id)
        if customer is None:
            raise NotFound("customer not found")
        tenant = uow.tenants.get(customer.tenant_id)
        assert tenant is not None
        item = next((i for i in rank_outreach(_candidates(uow, tenant), limit=10_000, min_priority=0.0)
                     if i.customer_id == customer.id), None)
        kinds = item.kinds if item else []
        kind = kind or next((k for k in kinds if k in _BODY), "churn_risk")
        language = customer.preferred_language or (tenant.settings or {}).get("default_language") or "fr"
        conv = uow.conversations.add(Conversation(tenant_id=tenant.id, customer_id=customer.id, channel="web",
                                                  language=language, subject=f"proactive:{kind}"))
        text = outreach_text(kind, language, tenant.name)
        messages = [
            Message(tenant_id=tenant.id, conversation_id=conv.id, author=Author.SYSTEM.value, seq=1,
                    text=disclosure_text(language, tenant.settings or {}), analysis={"kind": "disclosure"}),
            Message(tenant_id=tenant.id, conversation_id=conv.id, author=Author.BOT.value, seq=2, text=text,
                    analysis={"kind": "proactive_outreach", "outreach": kind, "language": language}),
        ]
        for m in messages:
            uow.messages.add(m)
        reasons = [{"kind": k, "text": t} for k, t in zip(item.kinds, item.reasons, strict=True)] if item else []
        decision = uow.decisions.add(DecisionRecord(
            tenant_id=tenant.id, kind="proactive_outreach", outcome="sent", model="tawasol.insights.outreach",
            model_version="1", conversation_id=conv.id,
            inputs={"customer_id": customer.id, "kind": kind, "language": language,
                    "priority": item.priority if item else None, "sent_by": who.user.id},
            reasons=reasons or [{"kind": kind, "text": "sent by a supervisor"}]))
        audit.append(uow, who.user.email, "insights.outreach.send", f"customer:{customer.id}",
                     {"conversation_id": conv.id, "kind": kind, "language": language}, tenant_id=tenant.id)
        uow.emit(events.tenant_channel(tenant.id), events.conversation_event("conversation.opened", conv,
                                                                             proactive=kind))
        uow.commit()
        return {"conversation_id": conv.id, "customer_id": customer.id, "language": language, "kind": kind,
                "status": conv.status, "text": text, "decision_id": decision.id, "reasons": reasons}
