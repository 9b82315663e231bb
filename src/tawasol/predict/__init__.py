"""Predictive analytics: churn risk and predicted CSAT with explanations, fairness audits, model cards,
proactive outreach ranking, and the decision records of every score."""

from tawasol.predict.card import ModelCard
from tawasol.predict.churn import ChurnConfig, ChurnEvaluation, ChurnModel, evaluate_churn, train_churn
from tawasol.predict.csat import CsatConfig, CsatModel, evaluate_csat, train_csat
from tawasol.predict.explain import Contribution
from tawasol.predict.fairness import AttributeAudit, FairnessReport, GroupRates, fairness_audit
from tawasol.predict.outreach import OutreachCandidate, OutreachItem, OutreachSignal, outreach_priority, rank_outreach
from tawasol.predict.records import churn_decision, csat_decision, outreach_decision, risk_band
from tawasol.predict.table import Schema, clean_frame, encode_target, infer_schema, read_table

__all__ = [
    "AttributeAudit", "ChurnConfig", "ChurnEvaluation", "ChurnModel", "Contribution", "CsatConfig", "CsatModel",
    "FairnessReport", "GroupRates", "ModelCard", "OutreachCandidate", "OutreachItem", "OutreachSignal", "Schema",
    "churn_decision", "clean_frame", "csat_decision", "encode_target", "evaluate_churn", "evaluate_csat",
    "fairness_audit", "infer_schema", "outreach_decision", "outreach_priority", "rank_outreach", "read_table",
    "risk_band", "train_churn", "train_csat",
]
