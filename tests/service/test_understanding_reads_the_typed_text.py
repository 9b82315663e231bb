"""Understanding reads what the customer typed; what is kept or shown to staff reads the redaction; an agent's
personal data is redacted and sealed like the customer's; the disclosure follows the customer's language."""

from __future__ import annotations

from tawasol.domain.analysis import Entity, IntentResult, LanguageResult, SentimentResult
from tawasol.domain.model import Conversation, Customer, Message, Tenant
from tawasol.domain.pipeline import MessageContext
from tawasol.nlu.step import NluStep, mask_entities
from tawasol.privacy import PrivacyStep
from tests import factories

CARD = "4111 1111 1111 1111"


class _Recording:
    """An analyzer that records the text it was given."""

    tenant = "t"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def analyze(self, text: str):  # type: ignore[no-untyped-def]
        self.seen.append(text)
        start = text.index("06")
        return _Result(text, [Entity(type="phone", text=text[start:start + 10], start=start, end=start + 10,
                                     value=text[start:start + 10])])


class _Result:
    def __init__(self, text: str, entities: list[Entity]) -> None:
        self.normalized = text.lower()
        self.language = LanguageResult(label="fr", confidence=0.9)
        self.intent = IntentResult(label="recharge_credit", confidence=0.9)
        self.sentiment = SentimentResult(label="neutral")
        self.entities = entities


def _ctx(text: str) -> MessageContext:
    tenant = Tenant(slug="t", name="T")
    conv = Conversation(tenant_id="t", customer_id="c", channel="web")
    return MessageContext(tenant=tenant, conversation=conv, customer=Customer(tenant_id="t"),
                          message=Message(tenant_id="t", conversation_id="x", author="customer", text=text, seq=1),
                          history=[], text=text, raw_text=text)


def test_nlu_reads_the_raw_text_and_keeps_no_personal_data() -> None:
    typed = "Salam, je veux recharger le 0612345678 svp"
    ctx = PrivacyStep().process(_ctx(typed))
    assert "0612345678" not in ctx.text and ctx.raw_text == typed
    analyzer = _Recording()
    ctx = NluStep(analyzer).process(ctx)  # type: ignore[arg-type]
    assert analyzer.seen == [typed]  # the model read the words as typed, not "[PHONE_1]"
    stored = ctx.analysis.to_dict()
    assert "0612345678" not in str(stored["entities"]) and "0612345678" not in str(stored["pii"])
    assert stored["entities"][0]["type"] == "phone" and stored["entities"][0]["text"].startswith("[PHONE")


def test_an_entity_the_privacy_step_missed_is_still_masked() -> None:
    masked = mask_entities([Entity(type="email", text="a@b.ma", start=0, end=6, value="a@b.ma"),
                            Entity(type="amount", text="50 DH", start=10, end=15, value=50)], [])
    assert masked[0].text == masked[0].value == "[EMAIL]"
    assert masked[1].value == 50


def test_agent_reply_with_a_card_is_redacted_for_staff_clear_for_the_customer_and_erased(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    agent = factories.login(client, factories.user(platform, [t.slug], role="agent")["email"])
    admin = factories.login(client, factories.user(platform, [t.slug], role="admin")["email"])
    conv_id, auth = factories.open_conversation(client, t.slug, name="Sara")
    assert client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth,
                       json={"text": "agent"}).json()["status"] == "queued"
    client.post(f"/api/v1/agent/conversations/{conv_id}/claim", headers=agent)
    reply = f"Je vois la carte {CARD} sur votre compte."
    r = client.post(f"/api/v1/agent/conversations/{conv_id}/messages", headers=agent, json={"text": reply})
    assert r.status_code == 201 and CARD not in r.json()["text"] and "[CARD_1]" in r.json()["text"]
    detail = client.get(f"/api/v1/agent/conversations/{conv_id}", headers=agent).json()
    assert all(CARD not in m["text"] for m in detail["messages"])
    mine = [m["text"] for m in client.get(f"/api/v1/conversations/{conv_id}/messages", headers=auth).json()["data"]]
    assert reply in mine  # the customer reads what the agent wrote to them
    customer_id = detail["conversation"]["customer_id"]
    r = client.post(f"/api/v1/privacy/tenants/{t.slug}/customers/{customer_id}/erase", json={"confirm": True},
                    headers=admin)
    assert r.status_code == 200
    mine = [m["text"] for m in client.get(f"/api/v1/conversations/{conv_id}/messages", headers=auth).json()["data"]]
    assert reply not in mine and any("[CARD_1]" in m for m in mine)  # erased: only the redaction is left


def test_disclosure_is_given_again_in_the_language_of_the_first_message(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    r = client.post("/api/v1/conversations", json={"tenant": t.slug, "channel": "web"})  # no language given
    conv_id, auth = r.json()["id"], {"Authorization": f"Bearer {r.json()['customer_token']}"}
    opening = r.json()["messages"][0]["text"]
    posted = client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth,
                         json={"text": "Hola, quiero saber cuánto es mi factura de este mes"}).json()
    from tawasol.privacy import disclosure_text

    assert opening != disclosure_text("es")
    assert posted["replies"][0]["text"] == disclosure_text("es")
    again = client.post(f"/api/v1/conversations/{conv_id}/messages", headers=auth,
                        json={"text": "y también quiero pagarla"}).json()
    assert all(m["text"] != disclosure_text("es") for m in again["replies"])  # once only
