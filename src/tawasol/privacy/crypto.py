"""AES-256-GCM envelope encryption: master keys (rotating) wrap per-customer data keys.

Crypto-shredding: a customer's raw texts are encrypted only under their data key, and that key is
stored only wrapped (customer_keys.wrapped_key). Deleting the wrapped key (setting it to NULL) makes
every ciphertext of that customer unreadable, including copies in backups, without touching them.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tawasol.domain.model import CustomerKey, utcnow

ENV_VAR = "TAWASOL_DATA_KEY"
_FORMAT = b"\x01"  # version byte of every ciphertext and wrapped key
_NONCE = 12
_KEY_FILE = re.compile(r"^master-(\d{4,})\.key$")


class KeyringError(Exception):
    """Base of the key-management errors."""


class DecryptionFailed(KeyringError):
    """Wrong key, wrong associated data, or altered ciphertext."""


class UnknownMasterKey(KeyringError):
    """A wrapped key names a master key that the keyring does not hold."""


def generate_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def _decode_key(text: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise KeyringError("a data key must be base64 text of 32 random bytes") from None
    if len(key) != 32:
        raise KeyringError(f"a data key must be 32 bytes (AES-256), got {len(key)}")
    return key


def _aad(aad: bytes | str) -> bytes:
    return aad.encode("utf-8") if isinstance(aad, str) else aad


def encrypt(plaintext: bytes | str, data_key: bytes, aad: bytes | str) -> bytes:
    """AES-GCM under `data_key`; `aad` (e.g. tenant/customer/message ids) is authenticated, not stored."""
    nonce = os.urandom(_NONCE)
    data = plaintext.encode("utf-8") if isinstance(plaintext, str) else plaintext
    return _FORMAT + nonce + AESGCM(data_key).encrypt(nonce, data, _aad(aad))


def decrypt(token: bytes, data_key: bytes, aad: bytes | str) -> bytes:
    if not token or token[:1] != _FORMAT or len(token) < 1 + _NONCE + 16:
        raise DecryptionFailed("not a Tawasol ciphertext (unknown format or truncated)")
    try:
        return AESGCM(data_key).decrypt(token[1:1 + _NONCE], token[1 + _NONCE:], _aad(aad))
    except InvalidTag:
        raise DecryptionFailed("wrong key, wrong associated data, or altered ciphertext") from None


@dataclass(frozen=True)
class Keyring:
    """Master keys by id; `current_id` wraps new data keys, older ones still unwrap until re-wrapped."""

    keys: dict[str, bytes]
    current_id: str
    directory: Path | None = None  # where key files live; None when the key came from the environment

    @property
    def current(self) -> bytes:
        return self.keys[self.current_id]

    @classmethod
    def load(cls, directory: Path | str | None = None, env_value: str | None = None) -> Keyring:
        """From TAWASOL_DATA_KEY if set (base64, or "id:base64,id:base64" with the last one current),
        else from `directory`, creating master-0001.key (mode 0600) on first use."""
        value = os.environ.get(ENV_VAR, "") if env_value is None else env_value
        if value.strip():
            return cls.from_env_value(value)
        if directory is None:
            raise KeyringError(f"no master key: set {ENV_VAR} or give a key directory")
        return cls.from_directory(Path(directory))

    @classmethod
    def from_env_value(cls, value: str) -> Keyring:
        keys: dict[str, bytes] = {}
        current = ""
        for part in (p.strip() for p in value.split(",") if p.strip()):
            key_id, sep, encoded = part.rpartition(":")
            key = _decode_key(encoded)
            key_id = key_id if sep else "env-" + hashlib.sha256(key).hexdigest()[:12]
            keys[key_id] = key
            current = key_id
        return cls(keys, current)

    @classmethod
    def from_directory(cls, directory: Path) -> Keyring:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        files = sorted((int(m.group(1)), p) for p in directory.iterdir() if (m := _KEY_FILE.match(p.name)))
        if not files:
            _write_key_file(directory / "master-0001.key", generate_key())
            files = [(1, directory / "master-0001.key")]
        keys = {f"master-{n:04d}": _decode_key(path.read_text()) for n, path in files}
        return cls(keys, f"master-{files[-1][0]:04d}", directory)

    def with_new_version(self) -> Keyring:
        """Add a new master key version (written to the key directory) and make it current."""
        if self.directory is None:
            raise KeyringError(f"keys from {ENV_VAR} cannot be rotated here: append 'id:newkey' to the variable")
        number = max(int(k.split("-")[1]) for k in self.keys) + 1
        key_id = f"master-{number:04d}"
        key = generate_key()
        _write_key_file(self.directory / f"{key_id}.key", key)
        return replace(self, keys={**self.keys, key_id: key}, current_id=key_id)

    def wrap(self, data_key: bytes, aad: bytes | str) -> tuple[bytes, str]:
        """The data key encrypted under the current master key, and that master key's id."""
        return encrypt(data_key, self.current, aad), self.current_id

    def unwrap(self, wrapped: bytes, master_key_id: str, aad: bytes | str) -> bytes:
        if master_key_id not in self.keys:
            raise UnknownMasterKey(f"master key '{master_key_id}' is not in the keyring")
        return decrypt(wrapped, self.keys[master_key_id], aad)


def _write_key_file(path: Path, key: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(base64.b64encode(key).decode("ascii"))


def customer_aad(customer_key: CustomerKey) -> bytes:
    """Binds a wrapped key to its customer: a key copied onto another customer's row will not unwrap."""
    return f"tawasol/customer-key/v1/{customer_key.tenant_id}/{customer_key.customer_id}".encode()


def new_customer_key(keyring: Keyring, tenant_id: str, customer_id: str) -> tuple[CustomerKey, bytes]:
    """A fresh data key for a customer: the row to store (wrapped) and the clear key to use now."""
    data_key = generate_key()
    row = CustomerKey(customer_id=customer_id, tenant_id=tenant_id, wrapped_key=None, master_key_id="")
    row.wrapped_key, row.master_key_id = keyring.wrap(data_key, customer_aad(row))
    return row, data_key


def open_customer_key(keyring: Keyring, row: CustomerKey) -> bytes:
    if row.wrapped_key is None:
        raise DecryptionFailed(f"the key of customer {row.customer_id} was shredded")
    return keyring.unwrap(row.wrapped_key, row.master_key_id, customer_aad(row))


def rewrap(keyring: Keyring, rows: Iterable[CustomerKey]) -> Iterator[CustomerKey]:
    """Re-wrap customer keys under the keyring's current master key (after `with_new_version`).

    Updates each row in place (so rows loaded by a unit of work are saved by its commit) and yields
    the rows it changed; shredded rows and rows already under the current key are skipped.
    Once no row names an old master key id, that key file may be deleted.
    """
    for row in rows:
        if row.wrapped_key is None or row.master_key_id == keyring.current_id:
            continue
        data_key = open_customer_key(keyring, row)
        row.wrapped_key, row.master_key_id = keyring.wrap(data_key, customer_aad(row))
        yield row


def shred(row: CustomerKey) -> CustomerKey:
    """Crypto-shredding, in place: forget the wrapped key; the customer's ciphertexts become unreadable."""
    row.wrapped_key = None
    row.shredded_at = utcnow()
    return row
