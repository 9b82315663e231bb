"""Plain dataclasses, enums and rules of the contact-centre domain; no I/O."""

from tawasol.domain.errors import (
    DomainError,
    Forbidden,
    InvalidInput,
    NotFound,
    PayloadTooLarge,
    Unauthorized,
)
from tawasol.domain.model import (
    Agent,
    Article,
    AuditEntry,
    Author,
    AuthToken,
    Channel,
    Conversation,
    ConversationStatus,
    Customer,
    CustomerKey,
    DecisionRecord,
    Membership,
    Message,
    Presence,
    Queue,
    Role,
    Tenant,
    User,
)

__all__ = [
    "Agent", "Article", "AuditEntry", "AuthToken", "Author", "Channel",
    "Conversation", "ConversationStatus", "Customer", "CustomerKey",
    "DecisionRecord", "DomainError", "Forbidden", "InvalidInput", "Membership", "Message", "NotFound",
    "PayloadTooLarge", "Presence", "Queue", "Role", "Tenant", "Unauthorized", "User",
]
