"""Predictive analytics: churn risk and predicted CSAT with explanations, fairness audits, model cards,
proactive outreach ranking, and the decision records of every score."""

from tawasol.predict.card import ModelCard
from tawasol.predict.churn import ChurnConfig, ChurnEvaluation, ChurnModel, evaluate_churn, train_churn
from tawasol.predict.explain import Contribution
from tawasol.predict.fairness import AttributeAudit, FairnessReport, GroupRates, fairness_audit
from tawasol.predict.table import Schema, clean_frame, encode_target, infer_schema, read_table

__all__ = [
    "AttributeAudit", "ChurnConfig", "ChurnEvaluation", "ChurnModel", "Contribution", "FairnessReport",
    "GroupRates", "ModelCard", "Schema", "clean_frame", "encode_target", "evaluate_churn", "fairness_audit",
    "infer_schema", "read_table", "train_churn",
]
