"""Privacy capability: PII detection and redaction, envelope encryption, audit chain, retention, disclosure."""

from tawasol.privacy.audit import GENESIS_HASH, compute_entry_hash, seal, verify_chain
from tawasol.privacy.crypto import (
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
from tawasol.privacy.detectors import ENTITY_TYPES, detect
from tawasol.privacy.disclosure import disclosure_text
from tawasol.privacy.redaction import RedactionResult, RedactionSession, Redactor, redact
from tawasol.privacy.retention import PurgePlan, RetentionPolicy, due_for_purge
from tawasol.privacy.step import (
    CustomerOnly,
    PrivacyStep,
    RedactionFailed,
    WorkerEmotionForbidden,
    assert_customer_author,
    may_infer_emotion,
)

__all__ = [
    "ENTITY_TYPES", "GENESIS_HASH", "CustomerOnly", "DecryptionFailed", "Keyring", "KeyringError", "PrivacyStep",
    "PurgePlan", "RedactionFailed", "RedactionResult", "RedactionSession", "Redactor", "RetentionPolicy",
    "UnknownMasterKey", "WorkerEmotionForbidden", "assert_customer_author", "compute_entry_hash", "decrypt",
    "detect", "disclosure_text", "due_for_purge", "encrypt", "may_infer_emotion", "new_customer_key",
    "open_customer_key", "redact", "rewrap", "seal", "shred", "verify_chain",
]
