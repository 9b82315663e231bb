"""Churn risk and predicted CSAT per tenant from its own history: train (or fall back to labelled rules),
score, explain, persist scores, model cards and one DecisionRecord per score; read them back for staff."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from tawasol.domain.errors import InvalidInput, NotFound
from tawasol.domain.model import CustomerScore, DecisionRecord, ModelCardRecord, Role, Tenant, new_id, utcnow
from tawasol.predict import (
    ChurnConfig,
    CsatConfig,
    churn_decision,
    csat_decision,
    evaluate_churn,
    evaluate_csat,
    risk_band,
    train_churn,
    train_csat,
)
from tawasol.service import audit
from tawasol.service.churn_rules import RULES_CARD, rule_score
from tawasol.service.history_features import DEFAULT_SENSITIVE, conversation_frame, customer_frame, load_history
from tawasol.service.principals import UserPrincipal
from tawasol.service.unit_of_work import AbstractUnitOfWork
from tawasol.store.uow import UnitOfWork

STAFF = (Role.AGENT, Role.SUPERVISOR, Role.ADMIN)
SUPERVISORS = (Role.SUPERVISOR, Role.ADMIN)
MIN_LABELS, MIN_PER_CLASS = 40, 10  # fewer known outcomes than this: labelled rules, not a trained model
MIN_SURVEYS = 30
TRAINED = "Trained on this tenant's own customers with known outcomes"


def tenant_for(uow: AbstractUnitOfWork, who: UserPrincipal, slug: str | None) -> Tenant:
    """The tenant named by `slug` (or the caller's only tenant) if the caller serves it; else NotFound."""
    if slug is None:
        if len(who.tenant_ids) != 1:
            raise InvalidInput("tenant", "name the tenant: you serve several")
        tenant = uow.tenants.get(who.tenant_ids[0])
    else:
        tenant = uow.tenants.by_slug(slug)
    if tenant is None or tenant.id not in who.tenant_ids:
        raise NotFound("tenant not found")
    return tenant


def _insight_settings(tenant: Tenant) -> dict[str, Any]:
    value = (tenant.settings or {}).get("insights") or {}
    return value if isinstance(value, dict) else {}


def _rows(records: list[Any]) -> list[dict[str, Any]]:
    return [dataclasses.asdict(r) for r in records]


def _clean(value: Any) -> Any:
    """JSON-safe plain values (NaN as None, numpy numbers as Python numbers)."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return None if np.isnan(value) else float(value)
    return value


def _train_churn(frame: pd.DataFrame, sensitive: tuple[str, ...]) -> tuple[Any, dict[str, Any]] | None:
    labelled = frame[frame["churned"].notna()]
    counts = labelled["churned"].value_counts()
    if len(labelled) < MIN_LABELS or counts.get("yes", 0) < MIN_PER_CLASS or counts.get("no", 0) < MIN_PER_CLASS:
        return None
    config = ChurnConfig(target="churned", positive="yes", id_col="customer_id",
                         sensitive=tuple(s for s in sensitive if s in frame.columns))
    evaluation = evaluate_churn(labelled, config, source="tawasol history", examples=0)
    model = train_churn(labelled, config, source="tawasol history", metrics=evaluation.card.metrics)
    card = {**model.card.to_dict(), "method": "trained", "label": TRAINED,
            "fairness": evaluation.fairness.to_dict(), "fairness_warnings": evaluation.fairness.warnings,
            "top_features": evaluation.cv.top_features}
    return model, _clean(card)


def _score_churn(uow: UnitOfWork, tenant: Tenant, frame: pd.DataFrame) -> dict[str, Any]:
    sensitive = tuple(_insight_settings(tenant).get("sensitive") or DEFAULT_SENSITIVE)
    labels = frame["churned"].value_counts().to_dict() if len(frame) else {}
    trained = _train_churn(frame, sensitive) if len(frame) else None
    now = utcnow()
    scores, decisions = [], []
    if trained is not None:
        model, card = trained
        risks = model.score(frame)
        reasons = model.explain(frame)
        for i, (risk, why) in enumerate(zip(risks, reasons, strict=True)):
            row = frame.iloc[i]
            record = churn_decision(tenant.id, row["customer_id"], float(risk), why, model.card, _clean(row.to_dict()))
            record.inputs["method"] = "trained"
            decisions.append(record)
            scores.append((row["customer_id"], float(risk), [c.to_dict() for c in why], record.inputs["features"]))
        version, model_name = model.card.version, model.card.name
    else:
        card = {**RULES_CARD, "trained_at": now.isoformat(timespec="seconds"),
                "reason": (f"only {int(labels.get('yes', 0)) + int(labels.get('no', 0))} customers have a known "
                           f"outcome ({int(labels.get('yes', 0))} churned); training needs at least {MIN_LABELS}, "
                           f"with {MIN_PER_CLASS} of each"),
                "data": {"rows": len(frame), "labels": {str(k): int(v) for k, v in labels.items()}}}
        version, model_name = str(RULES_CARD["version"]), str(RULES_CARD["name"])
        for _, row in frame.iterrows():
            risk, why, inputs = rule_score(row)
            record = DecisionRecord(
                tenant_id=tenant.id, kind="churn_risk", outcome=risk_band(risk), model=model_name,
                model_version=version, reasons=why,
                inputs={"customer_id": row["customer_id"], "score": round(risk, 4), "features": _clean(inputs),
                        "method": "heuristic"})
            decisions.append(record)
            scores.append((row["customer_id"], risk, why, _clean(inputs)))
    method = card["method"]
    uow.scores.delete_kind(tenant.id, "churn")
    rows = [dataclasses.asdict(CustomerScore(
        tenant_id=tenant.id, customer_id=cid, kind="churn", score=round(risk, 4), band=risk_band(risk),
        model_version=version, created_at=now, id=new_id(),
        explanation={"method": method, "label": card["label"], "reasons": _clean(why), "features": feats,
                     "decision_id": record.id}))
        for (cid, risk, why, feats), record in zip(scores, decisions, strict=True)]
    if rows:
        uow.scores.insert_rows(rows)
        uow.scores.insert_decisions(_rows(decisions))
    uow.model_cards.add(ModelCardRecord(tenant_id=tenant.id, kind="churn", version=version, card=card, created_at=now))
    bands = pd.Series([r["band"] for r in rows]).value_counts().to_dict() if rows else {}
    return {"method": method, "label": card["label"], "version": version, "scored": len(rows),
            "bands": {str(k): int(v) for k, v in bands.items()}, "labels": {str(k): int(v) for k, v in labels.items()},
            "metrics": {k: v for k, v in (card.get("metrics") or {}).items() if k in ("roc_auc", "pr_auc", "brier")},
            **({"reason": card["reason"]} if "reason" in card else {})}


def _score_csat(uow: UnitOfWork, tenant: Tenant, frame: pd.DataFrame) -> dict[str, Any]:
    answered = frame[frame["csat"].notna()]
    if len(answered) < MIN_SURVEYS:
        return {"method": "none", "scored": 0,
                "reason": f"only {len(answered)} survey answers; predicting CSAT needs at least {MIN_SURVEYS}"}
    config = CsatConfig(target="csat", id_col="conversation_id", sensitive=("language",))
    inputs = answered.drop(columns=["customer_id"])
    cv, _ = evaluate_csat(inputs, config)
    model = train_csat(inputs, config, metrics={**cv.metrics, "cv": f"{config.folds}-fold"})
    done = uow.scores.scored_conversations(tenant.id, "csat")
    todo = frame[frame["csat"].isna() & ~frame["conversation_id"].isin(done)].reset_index(drop=True)
    now, rows, decisions = utcnow(), [], []
    if len(todo):
        predicted = model.score(todo.drop(columns=["customer_id", "csat"]))
        reasons = model.explain(todo.drop(columns=["customer_id", "csat"]))
        for i, (value, why) in enumerate(zip(predicted, reasons, strict=True)):
            row = todo.iloc[i]
            record = csat_decision(tenant.id, row["conversation_id"], float(value), why, model.card,
                                   _clean(row.to_dict()))
            decisions.append(record)
            rows.append(dataclasses.asdict(CustomerScore(
                tenant_id=tenant.id, customer_id=row["customer_id"], conversation_id=row["conversation_id"],
                kind="csat", score=round(float(value), 3), band=_csat_band(float(value)),
                model_version=model.card.version, created_at=now, id=new_id(),
                explanation={"method": "trained", "reasons": [c.to_dict() for c in why], "decision_id": record.id})))
        uow.scores.insert_rows(_clean(rows))
        uow.scores.insert_decisions(_rows(decisions))
    card = _clean({**model.card.to_dict(), "method": "trained", "label": "Learned from this tenant's survey answers",
                   "top_features": cv.top_features})
    uow.model_cards.add(ModelCardRecord(tenant_id=tenant.id, kind="csat", version=model.card.version, card=card,
                                    created_at=now))
    return {"method": "trained", "version": model.card.version, "surveys": len(answered), "scored": len(rows),
            "metrics": {k: round(v, 4) for k, v in cv.metrics.items() if k in ("mae", "r2", "spearman")}}


def _csat_band(value: float) -> str:
    return "satisfied" if value >= 4 else "neutral" if value >= 3 else "dissatisfied"


def refresh_scores(uow_factory: Callable[[], UnitOfWork], tenant_slug: str,
                   actor: str = "insights-job") -> dict[str, Any]:
    """Retrain and rescore one tenant: churn for every customer, predicted CSAT for new ended conversations."""
    uow = uow_factory()
    with uow:
        tenant = uow.tenants.by_slug(tenant_slug)
        if tenant is None:
            raise NotFound("tenant not found")
        sensitive = tuple(_insight_settings(tenant).get("sensitive") or DEFAULT_SENSITIVE)
        history = load_history(uow, tenant.id)
        churn = _score_churn(uow, tenant, customer_frame(history, sensitive))
        csat = _score_csat(uow, tenant, conversation_frame(history))
        summary = {"tenant": tenant.slug, "churn": churn, "csat": csat, "refreshed_at": utcnow().isoformat()}
        audit.append(uow, actor, "insights.refresh", f"tenant:{tenant.slug}",
                     {"churn": {k: churn[k] for k in ("method", "version", "scored")},
                      "csat": {k: csat.get(k) for k in ("method", "version", "scored")}}, tenant_id=tenant.id)
        uow.commit()
        return summary


def refresh_for(uow_factory: Callable[[], UnitOfWork], who: UserPrincipal, tenant_slug: str | None) -> dict[str, Any]:
    """An admin's refresh of one tenant they serve."""
    who.require(Role.ADMIN)
    with uow_factory() as uow:
        slug = tenant_for(uow, who, tenant_slug).slug
    return refresh_scores(uow_factory, slug, actor=who.user.email)


def refresh_all(uow_factory: Callable[[], UnitOfWork]) -> dict[str, Any]:
    """For the background job: refresh every tenant (one failing tenant does not stop the others)."""
    with uow_factory() as uow:
        slugs = [t.slug for t in uow.tenants.list()]
    done: dict[str, Any] = {}
    for slug in slugs:
        try:
            done[slug] = refresh_scores(uow_factory, slug)["churn"]["method"]
        except Exception as exc:  # noqa: BLE001 - logged by the scheduler through the summary
            done[slug] = f"failed: {type(exc).__name__}"
    return done


def _latest_card(uow: AbstractUnitOfWork, tenant_id: str, kind: str) -> ModelCardRecord | None:
    return uow.model_cards.latest(tenant_id, kind)


def customer_churn(uow: AbstractUnitOfWork, who: UserPrincipal, customer_id: str) -> dict[str, Any]:
    """The customer's churn risk with its reasons, for any staff member of the customer's tenant."""
    who.require(*STAFF)
    with uow:
        customer = uow.customers.get_in(who.tenant_ids, customer_id)
        if customer is None:
            raise NotFound("customer not found")
        score = uow.scores.latest_for_customer(customer.id, "churn")
        if score is None:
            return {"customer_id": customer.id, "score": None, "status": "not scored yet: run a refresh"}
        card = _latest_card(uow, customer.tenant_id, "churn")
        e = score.explanation or {}
        return {"customer_id": customer.id, "score": score.score, "band": score.band, "method": e.get("method"),
                "label": e.get("label"), "reasons": [r.get("text") for r in e.get("reasons", [])],
                "contributions": e.get("reasons", []), "model_version": score.model_version,
                "scored_at": score.created_at.isoformat(), "decision_id": e.get("decision_id"),
                "model_card": _card_brief(card)}


def _card_brief(card: ModelCardRecord | None) -> dict[str, Any] | None:
    if card is None:
        return None
    c = card.card or {}
    return {"version": card.version, "method": c.get("method"), "label": c.get("label"),
            "trained_at": c.get("trained_at"), "metrics": c.get("metrics", {}), "reason": c.get("reason")}


def model_cards(uow: AbstractUnitOfWork, who: UserPrincipal, tenant_slug: str | None) -> dict[str, Any]:
    """The latest model card of each kind (churn, csat) for a tenant the caller serves."""
    who.require(*STAFF)
    with uow:
        tenant = tenant_for(uow, who, tenant_slug)
        cards = [c for c in (_latest_card(uow, tenant.id, k) for k in ("churn", "csat")) if c is not None]
        return {"tenant": tenant.slug, "data": [{"kind": c.kind, "version": c.version, "created_at":
                                                 c.created_at.isoformat(), "card": c.card} for c in cards],
                "count": len(cards)}


def conversation_csat(uow: AbstractUnitOfWork, who: UserPrincipal, conversation_id: str) -> dict[str, Any]:
    """A closed conversation's predicted CSAT (or its survey answer), for staff of its tenant."""
    who.require(*STAFF)
    with uow:
        conv = uow.conversations.require_in(who.tenant_ids, conversation_id)
        score = uow.scores.latest_for_conversation(conv.id, "csat")
        if score is None:
            return {"conversation_id": conv.id, "predicted": None, "status": "not predicted"}
        return {"conversation_id": conv.id, "predicted": score.score, "band": score.band,
                "reasons": [r.get("text") for r in (score.explanation or {}).get("reasons", [])],
                "model_version": score.model_version}
