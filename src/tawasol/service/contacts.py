"""A customer's contact details (name, e-mail, phone), kept only encrypted under the customer's own key.

The clear columns of `customers` stay empty for every customer created through the platform: the details
live in `contact_encrypted` (AES-GCM, bound to the tenant and customer ids), so a database dump, a backup
or an analytics export shows no contact details, and erasing the customer (crypto-shredding their key)
makes them unreadable. Rows written before this existed (clear columns) are read as they are and sealed
by `tawasol privacy seal-contacts` (also run by `tawasol db upgrade`).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from tawasol.domain.model import Customer
from tawasol.privacy import DecryptionFailed, Keyring, decrypt, encrypt, new_customer_key, open_customer_key
from tawasol.store.uow import UnitOfWork


@dataclass(frozen=True)
class Contact:
    name: str | None = None
    email: str | None = None
    phone: str | None = None

    def __bool__(self) -> bool:
        return any((self.name, self.email, self.phone))


def customer_data_key(uow: UnitOfWork, keyring: Keyring, customer: Customer, create: bool = True) -> bytes | None:
    """The customer's data key (created on first use); None once crypto-shredded."""
    row = uow.privacy.customer_key(customer.id)
    if row is None:
        if not create:
            return None
        row, key = new_customer_key(keyring, customer.tenant_id, customer.id)
        uow.privacy.add_key(row)
        return key
    if row.wrapped_key is None:
        return None
    return open_customer_key(keyring, row)


def contact_aad(customer: Customer) -> str:
    return f"tawasol/customer/{customer.tenant_id}/{customer.id}/contact"


class ContactBook:
    """Seals and opens customers' contact details with the platform's keyring."""

    def __init__(self, keyring: Keyring) -> None:
        self.keyring = keyring

    def seal(self, uow: UnitOfWork, customer: Customer, contact: Contact) -> None:
        """Store `contact` encrypted and clear the plain columns (the customer must be flushed)."""
        customer.name = customer.email = customer.phone = None
        if not contact:
            customer.contact_encrypted = None
            return
        key = customer_data_key(uow, self.keyring, customer)
        if key is None:  # erased customer: nothing readable may be stored again
            customer.contact_encrypted = None
            return
        payload = json.dumps(asdict(contact), ensure_ascii=False, separators=(",", ":"))
        customer.contact_encrypted = encrypt(payload, key, contact_aad(customer))

    def read(self, uow: UnitOfWork, customer: Customer | None) -> Contact:
        """The customer's details; empty once erased (or when the ciphertext cannot be opened)."""
        if customer is None:
            return Contact()
        if customer.contact_encrypted is None:
            return Contact(customer.name, customer.email, customer.phone)  # written before sealing existed
        key = customer_data_key(uow, self.keyring, customer, create=False)
        if key is None:
            return Contact()
        try:
            data = json.loads(decrypt(customer.contact_encrypted, key, contact_aad(customer)))
        except DecryptionFailed:
            return Contact()
        return Contact(data.get("name"), data.get("email"), data.get("phone"))

    def seal_legacy(self, uow: UnitOfWork, batch: int = 500) -> int:
        """Encrypt the details of customers still stored in clear; returns how many were sealed."""
        sealed = 0
        with uow:
            for customer in uow.privacy.customers_with_clear_contacts():
                self.seal(uow, customer, Contact(customer.name, customer.email, customer.phone))
                sealed += 1
                if sealed % batch == 0:
                    uow.flush()
            uow.commit()
        return sealed
