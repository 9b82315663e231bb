"""DecisionRecords for scores: inputs the model saw, model and version, outcome, and the main contributions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tawasol.domain.model import DecisionRecord
from tawasol.predict.card import ModelCard
from tawasol.predict.explain import Contribution
from tawasol.predict.outreach import OutreachItem

CHURN_BANDS = ((0.6, "high"), (0.3, "medium"), (0.0, "low"))


def risk_band(score: float, bands: Sequence[tuple[float, str]] = CHURN_BANDS) -> str:
    """The label of the first band whose lower bound the score reaches."""
    for bound, label in bands:
        if score >= bound:
            return label
    return bands[-1][1]


def _model_inputs(inputs: Mapping[str, Any], card: ModelCard) -> dict[str, Any]:
    # only the model's own inputs are recorded: no identifiers, no sensitive attributes, no free text
    allowed = set(card.data.get("inputs", []))  # type: ignore[call-overload]
    return {k: (None if v != v else v) for k, v in inputs.items() if k in allowed}


def _reasons(contributions: Sequence[Contribution]) -> list[dict[str, Any]]:
    return [c.to_dict() for c in contributions]


def churn_decision(tenant_id: str, customer_id: str, risk: float, contributions: Sequence[Contribution],
                   card: ModelCard, inputs: Mapping[str, Any],
                   bands: Sequence[tuple[float, str]] = CHURN_BANDS) -> DecisionRecord:
    """Record of one churn score: outcome is the risk band, reasons are the main contributions."""
    return DecisionRecord(
        tenant_id=tenant_id, kind="churn_risk", outcome=risk_band(risk, bands), model=card.name,
        model_version=card.version,
        inputs={"customer_id": customer_id, "score": round(float(risk), 4), "features": _model_inputs(inputs, card)},
        reasons=_reasons(contributions))


def csat_decision(tenant_id: str, conversation_id: str, predicted: float, contributions: Sequence[Contribution],
                  card: ModelCard, inputs: Mapping[str, Any]) -> DecisionRecord:
    """Record of one predicted CSAT; outcome is the predicted score with one decimal."""
    return DecisionRecord(
        tenant_id=tenant_id, kind="predicted_csat", outcome=f"{predicted:.1f}", model=card.name,
        model_version=card.version, conversation_id=conversation_id,
        inputs={"score": round(float(predicted), 4), "features": _model_inputs(inputs, card)},
        reasons=_reasons(contributions))


def outreach_decision(tenant_id: str, item: OutreachItem, model: str = "tawasol.predict.outreach",
                      model_version: str = "1") -> DecisionRecord:
    """Record of putting a customer on the outreach list, with its rank and reasons."""
    return DecisionRecord(
        tenant_id=tenant_id, kind="proactive_outreach", outcome=f"rank {item.rank}", model=model,
        model_version=model_version,
        inputs={"customer_id": item.customer_id, "priority": item.priority, "language": item.language},
        reasons=[{"kind": k, "text": t} for k, t in zip(item.kinds, item.reasons, strict=True)])
