"""Tables of the system of record, mapped imperatively onto the domain dataclasses."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import registry

from tawasol.domain import model

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)
mapper_registry = registry(metadata=metadata)

ID = String(36)
TS = DateTime(timezone=True)

tenants = Table(
    "tenants", metadata,
    Column("id", ID, primary_key=True),
    Column("slug", String(64), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("settings", JSON, nullable=False),
    Column("created_at", TS, nullable=False),
)

customers = Table(
    "customers", metadata,
    Column("id", ID, primary_key=True),
    Column("tenant_id", ID, ForeignKey("tenants.id"), nullable=False, index=True),
    Column("name", String(200)),
    Column("email", String(320)),
    Column("phone", String(64)),
    Column("external_id", String(128)),
    Column("preferred_language", String(16)),
    Column("consent", JSON, nullable=False),
    Column("attributes", JSON, nullable=False),
    Column("created_at", TS, nullable=False),
    Column("contact_encrypted", LargeBinary),  # name/email/phone sealed under the customer's key
    UniqueConstraint("tenant_id", "external_id", name="uq_customers_tenant_external"),
)

queues = Table(
    "queues", metadata,
    Column("id", ID, primary_key=True),
    Column("tenant_id", ID, ForeignKey("tenants.id"), nullable=False, index=True),
    Column("name", String(100), nullable=False),
    Column("skills", JSON, nullable=False),
    Column("languages", JSON, nullable=False),
    Column("sla_seconds", Integer, nullable=False),
    Column("is_default", Boolean, nullable=False),
    UniqueConstraint("tenant_id", "name", name="uq_queues_tenant_name"),
)

users = Table(
    "users", metadata,
    Column("id", ID, primary_key=True),
    Column("email", String(320), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("role", String(16), nullable=False),
    Column("display_name", String(200), nullable=False),
    Column("languages", JSON, nullable=False),
    Column("skills", JSON, nullable=False),
    Column("capacity", Integer, nullable=False),
    Column("presence", String(16), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("ui_language", String(8)),
    Column("created_at", TS, nullable=False),
    Column("last_assigned_at", TS),
)

memberships = Table(
    "memberships", metadata,
    Column("id", ID, primary_key=True),
    Column("user_id", ID, ForeignKey("users.id"), nullable=False, index=True),
    Column("tenant_id", ID, ForeignKey("tenants.id"), nullable=False, index=True),
    UniqueConstraint("user_id", "tenant_id", name="uq_memberships_user_tenant"),
)

conversations = Table(
    "conversations", metadata,
    Column("id", ID, primary_key=True),
    Column("tenant_id", ID, ForeignKey("tenants.id"), nullable=False),
    Column("customer_id", ID, ForeignKey("customers.id"), nullable=False, index=True),
    Column("channel", String(32), nullable=False),
    Column("language", String(16)),
    Column("status", String(16), nullable=False),
    Column("queue_id", ID, ForeignKey("queues.id")),
    Column("assigned_agent_id", ID, ForeignKey("users.id")),
    Column("subject", String(200)),
    Column("created_at", TS, nullable=False),
    Column("updated_at", TS, nullable=False),
    Column("closed_at", TS),
    Column("priority", Integer, nullable=False, server_default="0"),  # routing order within a queue
    Column("queued_at", TS),  # when it last entered a queue (waiting time, SLA, fairness)
    Column("assigned_at", TS),
    # The seq of its latest message: the next one's is last_seq + 1 (kept by MessageRepository.add).
    Column("last_seq", Integer, nullable=False, default=0, server_default="0"),
    Index("ix_conversations_tenant_status", "tenant_id", "status"),
)

messages = Table(
    "messages", metadata,
    Column("id", ID, primary_key=True),
    Column("tenant_id", ID, ForeignKey("tenants.id"), nullable=False),
    Column("conversation_id", ID, ForeignKey("conversations.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("author", String(16), nullable=False),
    Column("author_user_id", ID, ForeignKey("users.id")),
    Column("text", Text, nullable=False),  # redacted text: all that models, logs and exports see
    Column("text_encrypted", LargeBinary),  # raw text, AES-GCM under the customer's key
    Column("client_message_id", String(128)),
    Column("in_reply_to", ID),
    Column("analysis", JSON, nullable=False),
    Column("created_at", TS, nullable=False),
    UniqueConstraint("conversation_id", "client_message_id", name="uq_messages_conversation_client"),
    UniqueConstraint("conversation_id", "seq", name="uq_messages_conversation_seq"),
)

decision_records = Table(
    "decision_records", metadata,
    Column("id", ID, primary_key=True),
    Column("tenant_id", ID, ForeignKey("tenants.id"), nullable=False, index=True),
    Column("conversation_id", ID, ForeignKey("conversations.id"), index=True),
    Column("message_id", ID),
    Column("kind", String(64), nullable=False),
    Column("outcome", String(200), nullable=False),
    Column("model", String(100), nullable=False),
    Column("model_version", String(100), nullable=False),
    Column("inputs", JSON, nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("created_at", TS, nullable=False),
)

auth_tokens = Table(
    "auth_tokens", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("tenant_id", ID, ForeignKey("tenants.id")),
    Column("user_id", ID, ForeignKey("users.id")),
    Column("conversation_id", ID, ForeignKey("conversations.id")),
    Column("expires_at", TS, nullable=False),
    Column("created_at", TS, nullable=False),
)

customer_keys = Table(
    "customer_keys", metadata,
    Column("customer_id", ID, ForeignKey("customers.id"), primary_key=True),
    Column("tenant_id", ID, ForeignKey("tenants.id"), nullable=False, index=True),
    Column("wrapped_key", LargeBinary),  # NULL once crypto-shredded
    Column("master_key_id", String(64), nullable=False),
    Column("created_at", TS, nullable=False),
    Column("shredded_at", TS),
)

audit_log = Table(
    "audit_log", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("tenant_id", ID),
    Column("actor", String(320), nullable=False),
    Column("action", String(64), nullable=False),
    Column("target", String(200), nullable=False),
    Column("details", JSON, nullable=False),
    Column("created_at", TS, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False, unique=True),
    Index("ix_audit_log_tenant_seq", "tenant_id", "seq"),  # the tail of each tenant's chain
)

kb_articles = Table(
    "kb_articles", metadata,
    Column("id", ID, primary_key=True),
    Column("tenant_id", ID, ForeignKey("tenants.id"), nullable=False, index=True),
    Column("article_key", String(128), nullable=False),  # stable id shared by language variants
    Column("language", String(16), nullable=False),
    Column("title", String(300), nullable=False),
    Column("body", Text, nullable=False),
    Column("tags", JSON, nullable=False),
    Column("intent", String(100)),
    Column("url", String(500)),
    Column("updated_at", TS, nullable=False),
    UniqueConstraint("tenant_id", "article_key", "language", name="uq_kb_articles_tenant_key_lang"),
)

customer_scores = Table(
    "customer_scores", metadata,
    Column("id", ID, primary_key=True),
    Column("tenant_id", ID, ForeignKey("tenants.id"), nullable=False),
    Column("customer_id", ID, ForeignKey("customers.id"), nullable=False),
    Column("conversation_id", ID, ForeignKey("conversations.id")),  # set for predicted CSAT of one conversation
    Column("kind", String(16), nullable=False),  # "churn" or "csat"
    Column("score", Float, nullable=False),
    Column("band", String(32), nullable=False),
    Column("explanation", JSON, nullable=False),
    Column("model_version", String(100), nullable=False),
    Column("created_at", TS, nullable=False),
    Index("ix_customer_scores_tenant_kind", "tenant_id", "kind"),
    Index("ix_customer_scores_customer_kind", "customer_id", "kind"),
)

model_cards = Table(
    "model_cards", metadata,
    Column("id", ID, primary_key=True),
    Column("tenant_id", ID, ForeignKey("tenants.id"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("version", String(100), nullable=False),
    Column("card", JSON, nullable=False),
    Column("created_at", TS, nullable=False),
    Index("ix_model_cards_tenant_kind", "tenant_id", "kind"),
)

# Quality review (issue 17): a tenant's scorecards (versioned; the seed's default applies until one is stored), each
# review of a conversation and its answers with their evidence (turn indexes, rule, confidence; no message text).
qa_scorecards = Table(
    "qa_scorecards", metadata,
    Column("id", ID, primary_key=True),
    Column("tenant_id", ID, ForeignKey("tenants.id"), nullable=False),
    Column("key", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("definition", JSON, nullable=False),
    Column("created_by", ID),
    Column("created_at", TS, nullable=False),
    UniqueConstraint("tenant_id", "key", "version", name="uq_qa_scorecards_tenant_key_version"),
)

qa_reviews = Table(
    "qa_reviews", metadata,
    Column("id", ID, primary_key=True),
    Column("tenant_id", ID, ForeignKey("tenants.id"), nullable=False),
    Column("conversation_id", ID, ForeignKey("conversations.id"), nullable=False),
    Column("agent_id", ID),  # the agent the conversation was assigned to; none when the bot kept it
    Column("scorecard_key", String(64), nullable=False),
    Column("scorecard_version", Integer, nullable=False),
    Column("score", Float),  # with the corrections applied; none when no question applies
    Column("automatic_score", Float),
    Column("lowest_confidence", Float, nullable=False),
    Column("language", String(16)),
    Column("complaint", Boolean, nullable=False),  # the customer was negative or rated the contact low
    Column("reviewed_by", ID),  # a supervisor who corrected or confirmed it
    Column("created_at", TS, nullable=False),
    Column("updated_at", TS, nullable=False),
    Index("ix_qa_reviews_conversation", "conversation_id", "created_at"),
    Index("ix_qa_reviews_tenant_agent", "tenant_id", "agent_id", "created_at"),
    Index("ix_qa_reviews_tenant_score", "tenant_id", "score"),
)

qa_answers = Table(
    "qa_answers", metadata,
    Column("id", ID, primary_key=True),
    Column("review_id", ID, ForeignKey("qa_reviews.id"), nullable=False),
    Column("tenant_id", ID, ForeignKey("tenants.id"), nullable=False),
    Column("question", String(64), nullable=False),
    Column("choice", String(8), nullable=False),  # yes | no | na, the correction's when corrected
    Column("automatic_choice", String(8), nullable=False),
    Column("rule", String(64), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("evidence", JSON, nullable=False),  # {"turns": [...], "detail": {...}}
    Column("decision_id", ID),  # the qa_answer DecisionRecord
    Column("corrected_by", ID),
    Column("corrected_at", TS),
    Column("note", Text),
    UniqueConstraint("review_id", "question", name="uq_qa_answers_review_question"),
)

_MAPPED = False


def start_mappers() -> None:
    """Map the domain dataclasses onto the tables (idempotent)."""
    global _MAPPED
    if _MAPPED:
        return
    for cls, table in (
        (model.Tenant, tenants), (model.Customer, customers), (model.Queue, queues),
        (model.User, users), (model.Membership, memberships), (model.Conversation, conversations),
        (model.Message, messages), (model.DecisionRecord, decision_records), (model.AuthToken, auth_tokens),
        (model.CustomerKey, customer_keys), (model.AuditEntry, audit_log), (model.Article, kb_articles),
        (model.CustomerScore, customer_scores), (model.ModelCardRecord, model_cards),
    ):
        mapper_registry.map_imperatively(cls, table)
    _MAPPED = True
