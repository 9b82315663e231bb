"""The NLU pipeline step: fills the message analysis of a customer message."""

from __future__ import annotations

from dataclasses import replace

from tawasol.domain.analysis import Entity
from tawasol.domain.pipeline import MessageContext
from tawasol.nlu.analyzer import Analyzer

# Entities that are personal data whatever the privacy step found: never kept in clear.
PERSONAL_ENTITY_TYPES = {"phone": "[PHONE]", "email": "[EMAIL]"}


class NluStep:
    """PipelineStep "nlu": reads what the customer typed (`ctx.understood_text`, in memory only) and fills
    `ctx.analysis`; what it keeps holds no personal data in clear (see `mask_entities`).

    The pipeline runs only on customer messages, so sentiment and escalation signals always describe
    the customer; agents' messages never reach this step.
    """

    name = "nlu"

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer

    def process(self, ctx: MessageContext) -> MessageContext:
        result = self.analyzer.analyze(ctx.understood_text)
        analysis = ctx.analysis
        analysis.normalized = result.normalized  # of the raw text: in memory only, never stored
        analysis.language = result.language
        analysis.intent = result.intent
        analysis.sentiment = result.sentiment
        analysis.entities = mask_entities(result.entities, analysis.pii)
        analysis.extra["nlu_tenant_model"] = self.analyzer.tenant
        return ctx


def mask_entities(entities: list[Entity], pii: list[Entity]) -> list[Entity]:
    """The entities as they may be stored: one that overlaps personal data found by the privacy step
    carries that data's placeholder (text and value); a phone or an e-mail the privacy step missed
    carries a generic placeholder. Offsets (into the raw text) and types are kept."""
    out: list[Entity] = []
    for entity in entities:
        hit = next((p for p in pii if p.start < entity.end and entity.start < p.end), None)
        if hit is not None:
            placeholder = str(hit.value if hit.value is not None else hit.text)
            out.append(replace(entity, text=placeholder, value=placeholder))
        elif entity.type in PERSONAL_ENTITY_TYPES:
            out.append(replace(entity, text=PERSONAL_ENTITY_TYPES[entity.type],
                               value=PERSONAL_ENTITY_TYPES[entity.type]))
        else:
            out.append(entity)
    return out
