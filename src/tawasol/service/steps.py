"""Pipeline steps that need per-tenant resources chosen at run time."""

from __future__ import annotations

import threading
from pathlib import Path

from tawasol.domain.pipeline import MessageContext
from tawasol.nlu import Analyzer, NluStep
from tawasol.nlu.analyzer import tenant_intent_path


class TenantNluStep:
    """The NLU step with each tenant's own intent model (built-in intents until one is trained)."""

    name = "nlu"

    def __init__(self, model_dir: Path) -> None:
        self.model_dir = model_dir
        self._steps: dict[str, tuple[int, NluStep]] = {}
        self._lock = threading.Lock()

    def _stamp(self, slug: str) -> int:
        manifest = tenant_intent_path(slug, self.model_dir) / "manifest.json"
        try:
            return manifest.stat().st_mtime_ns
        except OSError:
            return 0

    def for_tenant(self, slug: str) -> NluStep:
        """The tenant's step; a model retrained by `tawasol nlu train` (any process) is picked up."""
        stamp = self._stamp(slug)
        cached = self._steps.get(slug)
        if cached is None or cached[0] != stamp:
            with self._lock:
                cached = self._steps.get(slug)
                if cached is None or cached[0] != stamp:
                    cached = (stamp, NluStep(Analyzer.for_tenant(slug, self.model_dir)))
                    self._steps[slug] = cached
        return cached[1]

    def invalidate(self, slug: str) -> None:
        """After `tawasol nlu train`, the next message loads the new model."""
        with self._lock:
            self._steps.pop(slug, None)

    def process(self, ctx: MessageContext) -> MessageContext:
        return self.for_tenant(ctx.tenant.slug).process(ctx)
