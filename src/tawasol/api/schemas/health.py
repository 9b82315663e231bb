"""Liveness and readiness."""

from __future__ import annotations

from typing import Literal

from tawasol.api.schemas.common import Public


class HealthPublic(Public):
    status: Literal["ok", "degraded"]
    version: str
    database: bool
    pipeline: list[str]  # the message pipeline's steps, in order
