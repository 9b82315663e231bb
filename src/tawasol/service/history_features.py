"""Features of customers and conversations from what Tawasol itself holds: contacts and their reasons,
repeats, sentiment, escalations, waits, survey answers, and the customer's profile attributes.

Column names are the words an agent reads in explanations ("cancellation requests is 2: raises ...").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd

from tawasol.domain.model import utcnow
from tawasol.store.repositories.reports import ConversationFacts, CustomerProfile, MessageSignal
from tawasol.store.uow import UnitOfWork

WINDOW_DAYS = 90
ENDED = ("resolved", "closed")
REASON_GROUPS = {
    "billing contacts": {"check_bill", "pay_bill", "bill_dispute"},
    "technical contacts": {"internet_outage", "slow_internet", "network_coverage", "fiber_installation"},
    "cancellation requests": {"contract_termination"},
    "complaints": {"complaint"},
}
ATTRIBUTE_NAMES = {"tenure_months": "tenure (months)", "monthly_bill": "usual monthly bill",
                   "last_bill": "last bill"}
NOT_FEATURES = {"churned", "erased", "csat"}  # the label, privacy markers, survey answers (used separately)
DEFAULT_SENSITIVE = ("gender", "age_band", "region", "language")


@dataclass
class History:
    """One tenant's conversations (one row each, with their features) and customers."""

    conversations: pd.DataFrame
    customers: pd.DataFrame  # id, preferred_language, attributes, created_at


def _seconds(a: Any, b: Any) -> float:
    if a is None or b is None or pd.isna(a) or pd.isna(b):
        return np.nan
    return max((pd.Timestamp(b) - pd.Timestamp(a)).total_seconds(), 0.0)


def _utc(ts: Any) -> Any:
    if ts is None or pd.isna(ts):
        return pd.NaT
    t = pd.Timestamp(ts)
    return t.tz_localize("UTC") if t.tzinfo is None else t.tz_convert("UTC")


def load_history(uow: UnitOfWork, tenant_id: str, days: int = WINDOW_DAYS, now: datetime | None = None) -> History:
    """Inside the caller's unit of work: the tenant's recent conversations with their message-level signals."""
    since = (now or utcnow()) - timedelta(days=days)
    convs = pd.DataFrame(uow.reports.conversations_since(tenant_id, since), columns=list(ConversationFacts._fields))
    msgs = uow.reports.message_signals(tenant_id, since, ["customer", "system"])
    escalated = uow.reports.escalated_since(tenant_id, since)
    customers = pd.DataFrame(uow.reports.customer_profiles(tenant_id), columns=list(CustomerProfile._fields))
    return History(_conversation_features(convs, msgs, escalated), customers)


def _records(frame: pd.DataFrame) -> Iterator[Any]:
    """The frame's rows as named tuples. pandas types each field as any scalar; the columns are this module's."""
    yield from frame.itertuples(index=False)


def _conversation_features(convs: pd.DataFrame, msgs: list[MessageSignal], escalated: set[str]) -> pd.DataFrame:
    per: dict[str, dict[str, Any]] = {}
    for conv_id, author, analysis in msgs:
        a = analysis if isinstance(analysis, dict) else {}
        p = per.setdefault(conv_id, {"messages": 0, "negative": 0, "intent": None, "csat": np.nan})
        if author == "system":
            if a.get("kind") == "csat" and a.get("score") is not None:
                p["csat"] = float(a["score"])
            continue
        p["messages"] += 1
        sentiment = s if isinstance(s := a.get("sentiment"), dict) else {}
        p["negative"] += sentiment.get("label") == "negative"
        intent = i if isinstance(i := a.get("intent"), dict) else {}
        if p["intent"] is None and intent.get("label") and not intent.get("out_of_scope"):
            p["intent"] = intent["label"]
    for col in ("created_at", "closed_at", "queued_at", "assigned_at"):
        convs[col] = convs[col].map(_utc)
    convs = convs.sort_values(["customer_id", "created_at"]).reset_index(drop=True)
    rows = []
    prev: dict[str, Any] = {}
    for r in _records(convs):
        p = per.get(r.id, {"messages": 0, "negative": 0, "intent": None, "csat": np.nan})
        last = prev.get(r.customer_id)
        prev[r.customer_id] = r.created_at
        ended = r.status in ENDED
        rows.append({
            "wait (s)": _seconds(r.queued_at, r.assigned_at if r.assigned_at is not pd.NaT else r.closed_at)
            if r.queued_at is not pd.NaT else 0.0,
            "handle time (s)": _seconds(r.assigned_at if r.assigned_at is not pd.NaT else r.created_at, r.closed_at),
            "customer messages": p["messages"],
            "share of negative messages": p["negative"] / p["messages"] if p["messages"] else 0.0,
            "escalated": int(r.id in escalated or r.queued_at is not pd.NaT),
            "resolved": int(r.status == "resolved"),
            "ended": ended,
            "contained": int(ended and r.queued_at is pd.NaT and pd.isna(r.assigned_agent_id)
                             and r.id not in escalated),
            "repeat within 7 days": int(last is not None and (r.created_at - last) <= pd.Timedelta(days=7)),
            "channel": r.channel, "contact reason": p["intent"] or "unknown", "language": r.language or "und",
            "csat": p["csat"], "conversation_id": r.id, "customer_id": r.customer_id, "created_at": r.created_at,
            "queue_id": r.queue_id, "proactive": str(r.subject or "").startswith("proactive:"),
        })
    return pd.DataFrame(rows, columns=[
        "wait (s)", "handle time (s)", "customer messages", "share of negative messages", "escalated", "resolved",
        "ended", "contained", "repeat within 7 days", "channel", "contact reason", "language", "csat",
        "conversation_id", "customer_id", "created_at", "queue_id", "proactive"])


def _scalar(v: Any) -> Any:
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, (int, float, str)) or v is None:
        return v
    return None


def customer_frame(history: History, sensitive: tuple[str, ...] = DEFAULT_SENSITIVE,
                   now: datetime | None = None) -> pd.DataFrame:
    """One row per customer (erased ones left out): interaction features, profile attributes, `churned` label."""
    now_ts = pd.Timestamp(now or utcnow())
    conv = history.conversations[~history.conversations["proactive"]]
    groups = {cid: g for cid, g in conv.groupby("customer_id")} if len(conv) else {}
    rows = []
    for cust in _records(history.customers):
        attrs: dict[str, Any] = cust.attributes if isinstance(cust.attributes, dict) else {}
        if attrs.get("erased"):
            continue
        g = groups.get(cust.id)
        row: dict[str, Any] = {"customer_id": cust.id}
        n = 0 if g is None else len(g)
        row["contacts in 90 days"] = n
        row["contacts in 30 days"] = 0 if g is None else int((g["created_at"] >= now_ts - pd.Timedelta(days=30)).sum())
        row["repeat contacts within 7 days"] = 0 if g is None else int(g["repeat within 7 days"].sum())
        row["share of negative messages"] = 0.0 if g is None else float(g["share of negative messages"].mean())
        row["escalated conversations"] = 0 if g is None else int(g["escalated"].sum())
        row["unresolved conversations"] = 0 if g is None else int((g["ended"] & (g["resolved"] == 0)).sum())
        waits = None if g is None else g.loc[g["escalated"] == 1, "wait (s)"].dropna()
        row["average wait (s)"] = float(waits.mean()) if waits is not None and len(waits) else np.nan
        surveys = None if g is None else g["csat"].dropna()
        survey = float(surveys.mean()) if surveys is not None and len(surveys) else np.nan
        if np.isnan(survey) and isinstance(attrs.get("csat"), (int, float)):
            survey = float(attrs["csat"])
        row["average survey score"] = survey
        row["days since last contact"] = np.nan if g is None else float(
            (now_ts - g["created_at"].max()).total_seconds() / 86400)
        reasons = None if g is None else g["contact reason"]
        for name, intents in REASON_GROUPS.items():
            row[name] = 0 if reasons is None else int(reasons.isin(intents).sum())
        known = None if reasons is None else reasons[reasons != "unknown"]
        row["main contact reason"] = known.mode().iloc[0] if known is not None and len(known) else "none"
        for key, value in attrs.items():
            if key in NOT_FEATURES or key.startswith("_"):
                continue
            row[key if key in sensitive else ATTRIBUTE_NAMES.get(key, key.replace("_", " "))] = _scalar(value)
        if isinstance(attrs.get("last_bill"), (int, float)) and attrs.get("monthly_bill"):
            row["last bill vs usual"] = round(float(attrs["last_bill"]) / float(attrs["monthly_bill"]), 3)
        if "language" in sensitive:
            row["language"] = cust.preferred_language or "und"
        churned = attrs.get("churned")
        row["churned"] = churned_label(churned)
        rows.append(row)
    return pd.DataFrame(rows)


def churned_label(value: Any) -> str | None:
    """'yes', 'no' or None (unknown) from what a CRM puts in customer.attributes["churned"]."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)) and value in (0, 1):
        return "yes" if value else "no"
    if isinstance(value, str) and value.strip().lower() in ("yes", "true", "1", "churned", "no", "false", "0"):
        return "yes" if value.strip().lower() in ("yes", "true", "1", "churned") else "no"
    return None


CSAT_INPUTS = ["wait (s)", "handle time (s)", "customer messages", "share of negative messages", "escalated",
               "resolved", "repeat within 7 days", "channel", "contact reason", "language"]


def conversation_frame(history: History) -> pd.DataFrame:
    """Ended conversations with their features and the survey answer when there is one."""
    conv = history.conversations
    ended = conv[conv["ended"] & ~conv["proactive"]]
    return ended[["conversation_id", "customer_id", *CSAT_INPUTS, "csat"]].reset_index(drop=True)
