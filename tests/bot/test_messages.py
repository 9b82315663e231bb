"""Every word the customer reads exists in the six languages, and no text claims an undone action."""

from __future__ import annotations

import pytest

from tawasol.bot import load_flows
from tawasol.bot.messages import MESSAGES, say

LANGUAGES = {"fr", "ar", "ary", "ary_Latn", "en", "es"}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_bot_message_exists_in_the_six_languages(key):
    assert set(MESSAGES[key]) == LANGUAGES and all(MESSAGES[key].values())


def test_every_demo_flow_text_exists_in_the_six_languages():
    for flow in load_flows():
        texts = [("topic", flow.topic)] + [(f"{s.name}.{k}", t) for s in flow.slots
                                           for k, t in (("prompt", s.prompt), ("invalid", s.invalid))]
        texts += [(f"reply {i}", r["text"]) for i, r in enumerate(flow.replies)]
        texts += [(f"label {f}.{v}", t) for f, by in flow.labels.items() for v, t in by.items()]
        for where, by_language in texts:
            assert set(by_language) == LANGUAGES, f"{flow.id} {where}: missing {LANGUAGES - set(by_language)}"


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_letting_go_of_a_flow_never_claims_a_cancellation(language):
    text = say("flow_cancelled", language).lower()
    assert not any(w in text for w in ("annul", "cancel", "إلغاء", "لغينا", "lghinaha"))


def test_ary_latn_messages_are_in_latin_script():
    for key, texts in MESSAGES.items():
        assert not any("\u0600" <= ch <= "\u06ff" for ch in texts["ary_Latn"]), key
