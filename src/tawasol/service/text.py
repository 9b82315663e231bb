"""Clean customer-supplied text so that every database and log accepts it."""

from __future__ import annotations

import re
import unicodedata

from tawasol.domain.errors import InvalidInput, PayloadTooLarge

# C0/C1 controls except tab and newline; PostgreSQL refuses NUL outright.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: str, max_chars: int, field: str = "text") -> str:
    # Lone surrogates (valid JSON escapes, invalid UTF-8) become U+FFFD instead of failing at commit.
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))
    text = text.strip()
    if not text:
        raise InvalidInput(field, "must not be empty")
    if len(text) > max_chars:
        raise PayloadTooLarge(f"{field} is {len(text)} characters; the limit is {max_chars}")
    return text
