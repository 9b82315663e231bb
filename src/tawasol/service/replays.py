"""Retries: a message sent again with the same client_message_id must say the same thing, else it is a
client bug (or an id reused for another message) and the stored one must not be passed off as its answer."""

from __future__ import annotations

import re

from tawasol.domain.errors import Conflict

PLACEHOLDER = re.compile(r"\[[A-Z_]+_\d+\]")


def same_text(known: str, typed: str) -> bool:
    """Whether `typed` (cleaned like the stored message) is the message stored as `known`: its words as typed,
    or, when only the redaction can be read, the redaction with any value where each placeholder stands."""
    if known == typed:
        return True
    if not PLACEHOLDER.search(known):
        return False
    pattern = ".+?".join(re.escape(part) for part in PLACEHOLDER.split(known))
    return re.fullmatch(pattern, typed, re.DOTALL) is not None


def require_same_text(known: str, typed: str) -> None:
    if not same_text(known, typed):
        raise Conflict("client_message_id was already used for a message with another text; "
                       "use a new client_message_id for a new message")
