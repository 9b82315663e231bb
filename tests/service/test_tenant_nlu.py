"""Each tenant's messages are understood with its own intent model once one is trained."""

from __future__ import annotations

from pathlib import Path

from tawasol.domain.model import Conversation, Customer, Message, Tenant
from tawasol.domain.pipeline import MessageContext
from tawasol.nlu import Analyzer
from tawasol.service.steps import TenantNluStep


def _ctx(slug: str, text: str) -> MessageContext:
    tenant = Tenant(slug=slug, name=slug)
    customer = Customer(tenant_id=tenant.id)
    conv = Conversation(tenant_id=tenant.id, customer_id=customer.id)
    msg = Message(tenant_id=tenant.id, conversation_id=conv.id, author="customer", text=text)
    return MessageContext(tenant=tenant, conversation=conv, customer=customer, message=msg, history=[], text=text)


def test_retrained_tenant_model_is_picked_up(tmp_path: Path, model_dir: Path) -> None:
    models = tmp_path / "models"
    models.symlink_to(model_dir, target_is_directory=True)
    step = TenantNluStep(models)
    before = step.process(_ctx("pizzeria", "I want a large margherita")).analysis.intent
    texts = ["I want a large margherita", "one pepperoni pizza please", "can I order a pizza",
             "where is my delivery", "my pizza has not arrived", "the delivery is late",
             "un pizza margherita svp", "ma livraison est en retard"] * 3
    labels = ["order_pizza"] * 3 + ["delivery_status"] * 3 + ["order_pizza", "delivery_status"]
    Analyzer.train_tenant("pizzeria", texts, labels * 3, models)
    after = step.process(_ctx("pizzeria", "I want a large margherita")).analysis.intent
    assert before is not None and before.label != "order_pizza"
    assert after is not None and after.label == "order_pizza"
    other = step.process(_ctx("atlas-telecom", "I want a large margherita")).analysis.intent
    assert other is not None and other.label != "order_pizza"
