"""Per-conversation bot state, carried in the bot's own messages (Reply.extra["bot_state"])."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from tawasol.domain.model import Message

EMPTY_STATE: dict[str, Any] = {
    # {"id", "slots", "awaiting", "attempts"}; a personal slot value is kept only as
    # {"placeholder", "message_id", "masked"} (tawasol.bot.personal), never in clear.
    "flow": None,
    "misses": 0,  # consecutive questions the bot could not answer
    "offer_pending": False,  # we offered a human and wait for the answer
    "feedback": None,  # {"article_key"} while we wait for "did this solve it?"
    "resolutions": {"confirmed": 0, "assumed": 0, "failed": 0},
    "llm_calls": 0,
    "topic": None,  # the article the bot last answered with (a follow-up stays on it among near ties)
}


def load_state(history: Iterable[Message]) -> dict[str, Any]:
    """The state written by the latest bot message, or a fresh one."""
    for msg in reversed(list(history)):
        if msg.author == "bot" and isinstance((msg.analysis or {}).get("bot_state"), dict):
            state = copy.deepcopy(EMPTY_STATE)
            state.update(copy.deepcopy(msg.analysis["bot_state"]))
            return state
    return copy.deepcopy(EMPTY_STATE)


def resolution_counts(state: dict[str, Any], conversation_ended: bool = True) -> dict[str, int]:
    """Confirmed / assumed / failed resolutions; an unanswered "did it help?" at the end counts as assumed."""
    counts = dict(state.get("resolutions") or EMPTY_STATE["resolutions"])
    if conversation_ended and state.get("feedback"):
        counts["assumed"] = counts.get("assumed", 0) + 1
    return counts
