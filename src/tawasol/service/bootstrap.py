"""Assemble the platform: settings, database, unit-of-work factory, event bus, message pipeline."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from tawasol.bus import EventBus, make_bus
from tawasol.config import Settings, get_settings
from tawasol.domain.pipeline import PipelineStep
from tawasol.routing import EscalationPolicyStep
from tawasol.service.pipeline import Pipeline
from tawasol.store import make_engine, make_session_factory, start_mappers, upgrade
from tawasol.store.uow import UnitOfWork

log = logging.getLogger(__name__)


@dataclass
class Platform:
    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    bus: EventBus
    pipeline: Pipeline
    extras: dict[str, Any] = field(default_factory=dict)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.session_factory)

    def database_ok(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except Exception:  # noqa: BLE001 - health reports, never raises
            log.exception("database health check failed")
            return False

    async def aclose(self) -> None:
        await self.bus.close()
        self.engine.dispose()


def default_steps(settings: Settings) -> list[PipelineStep]:
    """The message pipeline: privacy -> NLU -> virtual agent -> escalation policy."""
    steps: list[PipelineStep] = []
    steps.append(EscalationPolicyStep())
    return steps


def bootstrap(settings: Settings | None = None, migrate: bool = True,
              steps: list[PipelineStep] | None = None, bus: EventBus | None = None) -> Platform:
    settings = settings or get_settings()
    url = settings.effective_database_url
    if migrate:
        upgrade(url)
    start_mappers()
    engine = make_engine(url)
    return Platform(
        settings=settings,
        engine=engine,
        session_factory=make_session_factory(engine),
        bus=bus or make_bus(settings.redis_url),
        pipeline=Pipeline(steps if steps is not None else default_steps(settings)),
    )
