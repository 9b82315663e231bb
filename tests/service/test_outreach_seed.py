"""The outreach texts are read from service/seed/outreach.yaml by the validating loader: every reason in every
language of the greeting, the tenant's name in each greeting, French and churn_risk as the fallbacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tawasol.seeddata import SeedDataError, SeedFile, load
from tawasol.service import proactive


def test_every_reason_reads_in_every_language_with_the_tenants_name() -> None:
    seed = load("service", "outreach.yaml")
    assert (
        set(proactive._BODY)
        == set(seed.mapping("body"))
        >= {"unusual_bill", "incident", "repeat_contact", "churn_risk"}
    )
    for kind in proactive._BODY:
        for lang in ("fr", "en", "es", "ar", "ary", "ary_Latn"):
            text = proactive.outreach_text(kind, lang, "Atlas Télécom")
            assert "Atlas Télécom" in text and "{t}" not in text
            assert text.endswith(seed.text(f"body.{kind}.{lang}"))
    assert proactive.outreach_text("incident", "en", "X") == (
        "Hello, this is the virtual assistant of X. An incident has been declared in your area and our teams are on "
        "it. Can we help you?"
    )


def test_an_unknown_language_or_reason_falls_back_to_french_and_churn_risk() -> None:
    assert proactive.outreach_text("no-such-reason", "de", "X") == proactive.outreach_text("churn_risk", "fr", "X")
    assert proactive.outreach_text("incident", None, "X").startswith("Bonjour")


def test_a_body_missing_a_language_is_refused_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    bad = SeedFile(
        Path("service/seed/outreach.yaml"),
        {
            "hello": {"fr": "Bonjour {t}. ", "en": "Hello {t}. "},
            "body": {"churn_risk": {"fr": "Tout va bien ?", "en": "All good?"}, "incident": {"fr": "Un incident."}},
        },
    )
    monkeypatch.setattr(proactive, "load", lambda package, name: bad)
    with pytest.raises(SeedDataError, match=r"body\.incident.*missing languages \['en'\]"):
        proactive._outreach_texts()
    bad.data["body"]["incident"]["en"] = "An incident."
    bad.data["hello"]["en"] = "Hello. "
    with pytest.raises(SeedDataError, match=r"hello\.en.*\{t\}"):
        proactive._outreach_texts()
