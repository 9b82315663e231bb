"""Liveness and readiness."""

from __future__ import annotations

from typing import Literal

from tawasol.api.schemas.common import Public


class JobsHealthPublic(Public):
    """Who runs the periodic jobs; in worker mode, whether a `tawasol worker` sent a heartbeat lately."""

    mode: Literal["worker", "in-process"]
    worker_seen: bool | None
    last_heartbeat_seconds_ago: float | None
    warning: str | None


class HealthPublic(Public):
    status: Literal["ok", "degraded"]
    version: str
    database: bool
    pipeline: list[str]  # the message pipeline's steps, in order
    jobs: JobsHealthPublic | None = None  # None when the database cannot be read
    warnings: list[str] = []  # what keeps working but needs an operator (the API still serves: status stays ok)
