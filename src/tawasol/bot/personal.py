"""Slot values that are personal data: used in memory for this turn's action, never kept in clear.

A value whose span overlaps an entity the privacy step found (`ctx.analysis.pii`, offsets into the
raw text, `.value` its placeholder), or a value of a slot declared `personal`, is stored in the bot
state as its placeholder and the message it came from, and shown to the customer masked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tawasol.domain.analysis import Entity

MASK = "•"
SHOWN_DIGITS = 4


def masked(value: str) -> str:
    """What a reply may show of a personal value: its last four characters ("••••••5678")."""
    if len(value) <= SHOWN_DIGITS:
        return MASK * len(value)
    return MASK * (len(value) - SHOWN_DIGITS) + value[-SHOWN_DIGITS:]


def overlapping(pii: Sequence[Entity], start: int | None, end: int | None) -> Entity | None:
    """The personal-data entity the span [start, end) overlaps, if any."""
    if start is None or end is None:
        return None
    return next((e for e in pii if e.start < end and start < e.end), None)


def stored_form(value: str, entity: Entity | None, message_id: str) -> dict[str, Any]:
    """What the bot state keeps of a personal value: its placeholder, the message, the masked form."""
    placeholder = str(entity.value) if entity is not None and entity.value is not None else None
    return {"placeholder": placeholder, "message_id": message_id, "masked": masked(value)}


def is_stored_form(value: Any) -> bool:
    return isinstance(value, dict) and "masked" in value
