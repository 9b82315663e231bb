"""Supervisor views: live queues and waits, agents' presence and load, sentiment alerts, routing fairness."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tawasol.domain.model import Conversation, ConversationStatus, Message, Role, utcnow
from tawasol.routing import wait_report
from tawasol.service import routing
from tawasol.service.principals import UserPrincipal
from tawasol.store.uow import UnitOfWork

SUPERVISORS = (Role.SUPERVISOR, Role.ADMIN)
ALERT_INTENSITY = 0.7


def overview(uow: UnitOfWork, who: UserPrincipal) -> dict[str, Any]:
    who.require(*SUPERVISORS)
    now = utcnow()
    with uow:
        queues, agents = [], []
        for tid in who.tenant_ids:
            waiting = uow.conversations.search([tid], statuses=[ConversationStatus.QUEUED.value], limit=500)
            for q in uow.queues.for_tenant(tid):
                mine = sorted((c for c in waiting if c.queue_id == q.id), key=lambda c: c.queued_at or now)
                waits = [routing._seconds(c.queued_at, now) for c in mine]
                queues.append({"id": q.id, "tenant_id": tid, "name": q.name, "sla_seconds": q.sla_seconds,
                               "languages": q.languages, "skills": q.skills, "waiting": len(mine),
                               "longest_wait_seconds": round(max(waits, default=0)),
                               "over_sla": sum(1 for w in waits if w > q.sla_seconds),
                               "conversations": [{"id": c.id, "language": c.language, "priority": c.priority,
                                                  "waited_seconds": round(w)}
                                                 for c, w in zip(mine, waits, strict=True)]})
        seen: set[str] = set()
        users = [u for u in routing.staff_of(uow, who.tenant_ids) if u.role != Role.ADMIN.value]
        load = routing.loads(uow, [u.id for u in users])
        for u in users:
            if u.id in seen:
                continue
            seen.add(u.id)
            agents.append({"id": u.id, "display_name": u.display_name, "role": u.role, "presence": u.presence,
                           "languages": u.languages, "skills": u.skills, "load": load.get(u.id, 0),
                           "capacity": u.capacity})
        return {"queues": queues, "agents": agents, "alerts": _alerts(uow, who.tenant_ids, now)}


def _alerts(uow: UnitOfWork, tenant_ids: tuple[str, ...], now: Any, minutes: int = 60) -> list[dict[str, Any]]:
    """Open conversations whose latest customer message is strongly negative or angry."""
    since = now - timedelta(minutes=minutes)
    latest: dict[str, tuple[Message, Conversation]] = {}
    for m, c in uow.reports.customer_messages_in_open(tenant_ids, since):
        latest.setdefault(c.id, (m, c))
    alerts = []
    for m, c in latest.values():
        alert = sentiment_alert(m.analysis or {})
        if alert:
            alerts.append({"conversation_id": c.id, "status": c.status, "language": c.language,
                           "text": m.text[:160], "at": m.created_at.isoformat(), **alert})
    return alerts


def sentiment_alert(analysis: dict[str, Any]) -> dict[str, Any] | None:
    s = analysis.get("sentiment") if isinstance(analysis, dict) else None
    if not isinstance(s, dict):
        return None
    signals = s.get("signals") or {}
    intensity = float(s.get("intensity") or 0) if s.get("label") == "negative" else 0.0
    anger = float(signals.get("anger") or 0)
    if intensity >= ALERT_INTENSITY or anger >= 0.6:
        return {"sentiment": s.get("label"), "intensity": round(intensity, 2), "anger": round(anger, 2)}
    return None


def fairness(uow: UnitOfWork, who: UserPrincipal, days: int = 30, reference: str = "fr") -> dict[str, Any]:
    """Waiting time before an agent took the conversation, by language and dialect."""
    who.require(*SUPERVISORS)
    since = utcnow() - timedelta(days=max(1, days))
    with uow:
        samples = [(w.language, w.wait_seconds) for w in uow.reports.routing_waits(who.tenant_ids, since)]
    return {"days": days, **wait_report(samples, reference=reference)}


def _mean(xs: list[float]) -> float | None:
    return round(sum(xs) / len(xs), 1) if xs else None


def _ratio(n: int, d: int) -> float | None:
    return round(n / d, 3) if d else None


def metrics(uow: UnitOfWork, who: UserPrincipal, hours: int = 24) -> dict[str, Any]:
    """Service level, ASA, abandonment, handle time, bot containment and backlog per queue and language over the
    last `hours`, from the conversations' timestamps; with hourly arrivals per group for the chart."""
    who.require(*SUPERVISORS)
    hours = max(1, min(hours, 24 * 31))
    now = utcnow()
    since = now - timedelta(hours=hours)
    ended = {ConversationStatus.RESOLVED.value, ConversationStatus.CLOSED.value}
    groups: dict[tuple[str, str | None, str], dict[str, Any]] = {}
    with uow:
        for tid in who.tenant_ids:
            queues = {q.id: q for q in uow.queues.for_tenant(tid)}
            for c in uow.reports.conversations_since(tid, since):
                q = queues.get(c.queue_id) if c.queue_id else None
                key = (tid, c.queue_id, c.language or "?")
                g = groups.setdefault(key, {"tenant_id": tid, "queue_id": c.queue_id, "queue": q.name if q else None,
                                            "language": c.language or "?", "sla_seconds": q.sla_seconds if q else None,
                                            "_n": 0, "_queued": 0, "_in_sla": 0, "_waits": [], "_abandoned": 0,
                                            "_handle": [], "_ended": 0, "_contained": 0, "_backlog": 0,
                                            "_hourly": [0] * hours})
                g["_n"] += 1
                bucket = min(hours - 1, int((hours * 3600 - routing._seconds(c.created_at, now)) // 3600))
                g["_hourly"][max(0, bucket)] += 1
                if c.status == ConversationStatus.QUEUED.value:
                    g["_backlog"] += 1
                if c.queued_at is not None:
                    g["_queued"] += 1
                    if c.assigned_at is not None:
                        wait = routing._seconds(c.queued_at, c.assigned_at)
                        g["_waits"].append(wait)
                        if q is not None and wait <= q.sla_seconds:
                            g["_in_sla"] += 1
                    elif c.status in ended:
                        g["_abandoned"] += 1
                if c.status in ended:
                    g["_ended"] += 1
                    if c.queued_at is None and c.assigned_at is None:
                        g["_contained"] += 1
                    if c.assigned_at is not None and c.closed_at is not None:
                        g["_handle"].append(routing._seconds(c.assigned_at, c.closed_at))
    rows = []
    for g in sorted(groups.values(), key=lambda g: (g["queue"] or "", g["language"])):
        rows.append({k: v for k, v in g.items() if not k.startswith("_")} | {
            "conversations": g["_n"], "backlog": g["_backlog"],
            "service_level": _ratio(g["_in_sla"], g["_queued"]) if g["sla_seconds"] is not None else None,
            "asa_seconds": _mean(g["_waits"]), "abandonment": _ratio(g["_abandoned"], g["_queued"]),
            "handle_seconds": _mean(g["_handle"]), "bot_containment": _ratio(g["_contained"], g["_ended"]),
            "hourly": g["_hourly"]})
    return {"hours": hours, "since": since.isoformat(),
            "buckets": [(since + timedelta(hours=i)).isoformat() for i in range(hours)], "groups": rows}
