"""The staff screens' catalogue: every key the pages use exists in fr, ar and en, the three files name the
same keys with the same {placeholders}, and no text is empty."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "src" / "tawasol" / "web" / "static"
PAGES = ("common.js", "console.js", "supervisor.js", "insights.js", "admin.js", "coaching.js")
LANGUAGES = ("fr", "ar", "en")


def _catalogue(lang: str) -> dict[str, str]:
    return dict(json.loads((STATIC / "i18n" / f"staff.{lang}.json").read_text("utf-8")))


def _used_keys() -> set[str]:
    keys: set[str] = set()
    for page in PAGES:
        path = STATIC / page
        if path.exists():
            keys |= set(re.findall(r'(?<![\w.])t\("([\w.]+)"', path.read_text("utf-8")))
            keys |= set(re.findall(r'Tawasol\.t\("([\w.]+)"', path.read_text("utf-8")))
    return keys


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_the_pages_use_is_translated(lang: str) -> None:
    missing = sorted(k for k in _used_keys() if not k.endswith(".") and k not in _catalogue(lang))
    assert missing == []


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_same_keys_and_placeholders_as_english(lang: str) -> None:
    en, other = _catalogue("en"), _catalogue(lang)
    assert set(other) == set(en)
    for key, text in other.items():
        assert text.strip(), key
        assert set(re.findall(r"\{(\w+)\}", text)) == set(re.findall(r"\{(\w+)\}", en[key])), key


def test_the_wrap_up_codes_and_statuses_have_words_in_each_language() -> None:
    codes = re.findall(
        r'"(\w+)"', re.search(r"const codes = \[([^\]]+)\]", (STATIC / "console.js").read_text("utf-8"))[1]
    )
    assert len(codes) >= 5
    for lang in LANGUAGES:
        cat = _catalogue(lang)
        for code in codes:
            assert f"wrapup.{code}" in cat
        for status in ("bot", "queued", "assigned", "resolved", "closed"):
            assert f"status.{status}" in cat


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_setting_the_server_lets_admins_change_has_a_label(lang: str) -> None:
    from tawasol.service.tenant_settings import EDITABLE

    cat = _catalogue(lang)
    for section, keys in EDITABLE.items():
        assert f"setting.{section}" in cat
        for key in keys:
            assert f"setting.{section}.{key}" in cat, (section, key)
