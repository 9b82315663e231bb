"""Runs the message-processing steps (privacy, NLU, bot, escalation policy) in order."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from tawasol.domain.pipeline import MessageContext, PipelineStep

log = logging.getLogger(__name__)


class Pipeline:
    """An ordered list of steps; a failing step fails the whole message (nothing half-stored)."""

    # Steps that only understand a message; the rest answer or decide.
    UNDERSTANDING = frozenset({"privacy", "nlu"})

    def __init__(self, steps: Sequence[PipelineStep]) -> None:
        for step in steps:
            if not isinstance(step, PipelineStep):
                raise TypeError(f"expected a PipelineStep with name and process(), got {step!r}")
        self.steps = list(steps)

    @property
    def step_names(self) -> list[str]:
        return [s.name for s in self.steps]

    def run(self, ctx: MessageContext) -> MessageContext:
        for step in self.steps:
            ctx = step.process(ctx)
            if ctx.stop:
                log.debug("pipeline stopped after %s", step.name)
                break
        return ctx

    def run_for_human(self, ctx: MessageContext) -> MessageContext:
        """When a person owns the conversation: redact and analyse, but let no bot answer."""
        for step in self.steps:
            if step.name in self.UNDERSTANDING:
                ctx = step.process(ctx)
        return ctx
