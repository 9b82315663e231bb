"""Pipeline steps that need per-tenant resources chosen at run time."""

from __future__ import annotations

import threading
from pathlib import Path

from tawasol.domain.pipeline import MessageContext
from tawasol.nlu import Analyzer, NluStep


class TenantNluStep:
    """The NLU step with each tenant's own intent model (built-in intents until one is trained)."""

    name = "nlu"

    def __init__(self, model_dir: Path) -> None:
        self.model_dir = model_dir
        self._steps: dict[str, NluStep] = {}
        self._lock = threading.Lock()

    def for_tenant(self, slug: str) -> NluStep:
        step = self._steps.get(slug)
        if step is None:
            with self._lock:
                step = self._steps.get(slug)
                if step is None:
                    step = NluStep(Analyzer.for_tenant(slug, self.model_dir))
                    self._steps[slug] = step
        return step

    def invalidate(self, slug: str) -> None:
        """After `tawasol nlu train`, the next message loads the new model."""
        with self._lock:
            self._steps.pop(slug, None)

    def process(self, ctx: MessageContext) -> MessageContext:
        return self.for_tenant(ctx.tenant.slug).process(ctx)
