"""Envelope encryption: round trips, wrong key or associated data, rotation, crypto-shredding."""

from __future__ import annotations

import base64
import stat
from pathlib import Path

import pytest

from tawasol.privacy import (
    DecryptionFailed,
    Keyring,
    KeyringError,
    UnknownMasterKey,
    decrypt,
    encrypt,
    new_customer_key,
    open_customer_key,
    rewrap,
    shred,
)
from tawasol.privacy.crypto import generate_key


def test_round_trip_and_tampering() -> None:
    key = generate_key()
    token = encrypt("ma carte 4990695848304011", key, "tenant/msg-1")
    assert b"4990695848304011" not in token
    assert decrypt(token, key, "tenant/msg-1") == b"ma carte 4990695848304011"
    with pytest.raises(DecryptionFailed):
        decrypt(token, generate_key(), "tenant/msg-1")
    with pytest.raises(DecryptionFailed):
        decrypt(token, key, "tenant/msg-2")
    with pytest.raises(DecryptionFailed):
        decrypt(token[:-1] + bytes([token[-1] ^ 1]), key, "tenant/msg-1")
    assert encrypt("x", key, "a") != encrypt("x", key, "a")  # fresh nonce each time


def test_key_file_is_created_private_and_reused(tmp_path: Path) -> None:
    keyring = Keyring.load(tmp_path / "keys", env_value="")
    path = tmp_path / "keys" / "master-0001.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert Keyring.load(tmp_path / "keys", env_value="").current == keyring.current


def test_key_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    key = generate_key()
    monkeypatch.setenv("TAWASOL_DATA_KEY", base64.b64encode(key).decode())
    keyring = Keyring.load(tmp_path)
    assert keyring.current == key and not list(tmp_path.iterdir())
    two = Keyring.from_env_value(f"k1:{base64.b64encode(key).decode()},k2:{base64.b64encode(generate_key()).decode()}")
    assert two.current_id == "k2" and two.keys["k1"] == key
    with pytest.raises(KeyringError):
        Keyring.from_env_value("bm90IGEga2V5")


def test_customer_keys_rotation_and_shredding(tmp_path: Path) -> None:
    keyring = Keyring.load(tmp_path, env_value="")
    row, data_key = new_customer_key(keyring, "tenant-1", "customer-1")
    token = encrypt("0612345678", data_key, "m1")
    rotated = keyring.with_new_version()
    assert rotated.current_id == "master-0002" and row.master_key_id == "master-0001"
    changed = list(rewrap(rotated, [row]))
    assert changed == [row] and row.master_key_id == "master-0002"
    assert decrypt(token, open_customer_key(rotated, row), "m1") == b"0612345678"
    with pytest.raises(UnknownMasterKey):
        open_customer_key(Keyring({"master-0001": keyring.current}, "master-0001"), row)
    assert list(rewrap(rotated, [row])) == []  # already current
    other, _ = new_customer_key(rotated, "tenant-1", "customer-2")
    other.wrapped_key = row.wrapped_key  # a key copied onto another customer does not open
    with pytest.raises(DecryptionFailed):
        open_customer_key(rotated, other)
    shred(row)
    assert row.wrapped_key is None and row.shredded_at is not None
    with pytest.raises(DecryptionFailed):
        open_customer_key(rotated, row)
