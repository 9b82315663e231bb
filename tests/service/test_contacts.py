"""Customers' contact details are stored only sealed under their key, readable by staff, gone after erasure."""

from __future__ import annotations

from tawasol.domain.model import Customer
from tawasol.service.contacts import Contact
from tests import factories
from tests.service.test_privacy_flow import _all_database_text

NAME, EMAIL, PHONE = "Yasmine Tazi-Oukili", "yasmine.tazi@example.ma", "+212 661 23 45 67"


def _open(client, slug):  # type: ignore[no-untyped-def]
    return factories.open_conversation(client, slug, name=NAME, email=EMAIL, phone=PHONE, **factories.signed("c-77"))


def test_contact_details_are_not_in_the_database_in_clear(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    _open(client, t.slug)
    dump = _all_database_text(platform)
    for value in (NAME, EMAIL, PHONE, "Tazi"):
        assert value not in dump
    with platform.uow() as uow:
        customer = uow.session.query(Customer).filter_by(external_id="c-77").one()
        assert customer.name is None and customer.email is None and customer.phone is None
        assert customer.contact_encrypted is not None
        assert platform.contacts.read(uow, customer) == Contact(NAME, EMAIL, PHONE)


def test_agent_sees_the_name_and_export_has_the_details(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    agent = factories.login(client, factories.user(platform, [t.slug], role="agent")["email"])
    admin = factories.login(client, factories.user(platform, [t.slug], role="admin")["email"])
    conv_id, _ = _open(client, t.slug)
    detail = client.get(f"/api/v1/agent/conversations/{conv_id}", headers=agent).json()
    assert detail["customer"]["name"] == NAME
    inbox = client.get("/api/v1/agent/conversations", headers=agent).json()["data"]
    assert [c["customer_name"] for c in inbox if c["id"] == conv_id] == [NAME]
    customer_id = detail["customer"]["id"]
    exported = client.get(f"/api/v1/privacy/tenants/{t.slug}/customers/{customer_id}/export", headers=admin).json()
    assert (exported["customer"]["name"], exported["customer"]["email"], exported["customer"]["phone"]) == (
        NAME, EMAIL, PHONE)
    r = client.post(f"/api/v1/privacy/tenants/{t.slug}/customers/{customer_id}/erase", json={"confirm": True},
                    headers=admin)
    assert r.status_code == 200
    again = client.get(f"/api/v1/privacy/tenants/{t.slug}/customers/{customer_id}/export", headers=admin).json()
    assert (again["customer"]["name"], again["customer"]["email"], again["customer"]["phone"]) == (None, None, None)
    assert client.get(f"/api/v1/agent/conversations/{conv_id}", headers=agent).json()["customer"]["name"] is None


def test_returning_customer_keeps_their_sealed_details(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    _open(client, t.slug)
    factories.open_conversation(client, t.slug, **factories.signed("c-77"))
    with platform.uow() as uow:
        customer = uow.session.query(Customer).filter_by(external_id="c-77").one()
        assert platform.contacts.read(uow, customer).email == EMAIL


def test_legacy_clear_rows_are_sealed(platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    with platform.uow() as uow:
        customer = uow.customers.add(Customer(tenant_id=t.id, name=NAME, phone=PHONE))
        uow.commit()
        customer_id = customer.id
    contacts = platform.contacts
    assert contacts.seal_legacy(platform.uow()) == 1
    assert contacts.seal_legacy(platform.uow()) == 0
    assert NAME not in _all_database_text(platform)
    with platform.uow() as uow:
        customer = uow.session.get(Customer, customer_id)
        assert contacts.read(uow, customer) == Contact(NAME, None, PHONE)


def test_a_ciphertext_moved_to_another_customer_does_not_open(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    _open(client, t.slug)
    factories.open_conversation(client, t.slug, name="Other", **factories.signed("c-78"))
    contacts = platform.contacts
    with platform.uow() as uow:
        a = uow.session.query(Customer).filter_by(external_id="c-77").one()
        b = uow.session.query(Customer).filter_by(external_id="c-78").one()
        b.contact_encrypted = a.contact_encrypted
        assert contacts.read(uow, b) == Contact()
