"""Typed placeholders ([PHONE_1], [CARD_2]) that stay the same for one value across a conversation."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from typing import Any

from tawasol.domain.analysis import Entity
from tawasol.privacy.detectors import detect

_SPACES = re.compile(r"[\s-]+")
_DEFAULT_SECRET = b"tawasol-placeholder-v1"


@dataclass
class RedactionResult:
    text: str
    entities: list[Entity]
    placeholders: dict[str, str]  # value digest -> placeholder, for the whole conversation so far


def normalise_value(kind: str, value: str) -> str:
    """The key under which a value is remembered: "06 12-34" and "061234" are one phone."""
    if kind in {"PHONE", "CARD", "RIB", "NATIONAL_ID"}:
        digits = re.sub(r"\D", "", value)
        if kind == "PHONE":
            # +212 6..., 00212 6... and 06... are the same Moroccan line
            digits = re.sub(r"^(?:00)?212", "0", digits) if digits.startswith(("212", "00212")) else digits
        return f"{kind}:{digits}"
    return f"{kind}:{_SPACES.sub(' ', value).strip().casefold()}"


def value_key(kind: str, value: str, secret: bytes | None = None) -> str:
    """Mapping key of a value: a keyed digest, so a persisted mapping holds no personal data in clear."""
    digest = hmac.new(secret or _DEFAULT_SECRET, normalise_value(kind, value).encode(), hashlib.sha256)
    return f"{kind}:{digest.hexdigest()[:32]}"


class RedactionSession:
    """The placeholders of one conversation; serialise with `to_json` and restore with `from_json`.

    Keys are HMAC-SHA256 digests of the normalised values. Pass a per-tenant or per-customer `secret`
    (e.g. bytes derived from the customer's data key) so that short values such as phone numbers
    cannot be recovered from a stored mapping by trying them all.
    """

    def __init__(self, placeholders: dict[str, str] | None = None, secret: bytes | None = None) -> None:
        self.placeholders: dict[str, str] = dict(placeholders or {})
        self._secret = secret
        self._counts: dict[str, int] = {}
        for placeholder in self.placeholders.values():
            kind, _, number = placeholder.strip("[]").rpartition("_")
            self._counts[kind] = max(self._counts.get(kind, 0), int(number))

    def placeholder_for(self, kind: str, value: str) -> str:
        key = value_key(kind, value, self._secret)
        if key not in self.placeholders:
            self._counts[kind] = self._counts.get(kind, 0) + 1
            self.placeholders[key] = f"[{kind}_{self._counts[kind]}]"
        return self.placeholders[key]

    def redact(self, text: str) -> RedactionResult:
        entities = detect(text)
        parts: list[str] = []
        cursor = 0
        for entity in entities:
            entity.value = self.placeholder_for(entity.type, entity.text)
            parts.append(text[cursor:entity.start])
            parts.append(entity.value)
            cursor = entity.end
        parts.append(text[cursor:])
        return RedactionResult("".join(parts), entities, dict(self.placeholders))

    def to_json(self) -> str:
        return json.dumps({"version": 1, "placeholders": self.placeholders}, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, payload: str | bytes | dict[str, Any], secret: bytes | None = None) -> RedactionSession:
        data = json.loads(payload) if isinstance(payload, (str, bytes)) else payload
        if data.get("version") != 1 or not isinstance(data.get("placeholders"), dict):
            raise ValueError("expected a redaction session of version 1 with a 'placeholders' object")
        return cls(data["placeholders"], secret)


# The domain's vocabulary calls it a redactor too.
Redactor = RedactionSession


def redact(text: str, placeholders: dict[str, str] | None = None, secret: bytes | None = None) -> RedactionResult:
    """Replace personal data by placeholders, reusing (and returning, extended) a conversation's mapping."""
    return RedactionSession(placeholders, secret).redact(text)
