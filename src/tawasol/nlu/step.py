"""The NLU pipeline step: fills the message analysis of a customer message."""

from __future__ import annotations

from tawasol.domain.pipeline import MessageContext
from tawasol.nlu.analyzer import Analyzer


class NluStep:
    """PipelineStep "nlu": reads `ctx.text` (already PII-redacted) and fills `ctx.analysis`.

    The pipeline runs only on customer messages, so sentiment and escalation signals always describe
    the customer; agents' messages never reach this step.
    """

    name = "nlu"

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer

    def process(self, ctx: MessageContext) -> MessageContext:
        result = self.analyzer.analyze(ctx.text)
        analysis = ctx.analysis
        analysis.normalized = result.normalized
        analysis.language = result.language
        analysis.intent = result.intent
        analysis.sentiment = result.sentiment
        analysis.entities = result.entities
        analysis.extra["nlu_tenant_model"] = self.analyzer.tenant
        return ctx
