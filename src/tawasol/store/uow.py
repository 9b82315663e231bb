"""Unit of work: one transaction, its repositories, and the events to publish once it commits."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from tawasol.store import repositories as repos


class UnitOfWork:
    def __init__(self, session_factory: sessionmaker[Session], readonly: bool = False) -> None:
        self.session_factory = session_factory
        self.readonly = readonly
        self.events: list[tuple[str, dict[str, Any]]] = []

    def __enter__(self) -> UnitOfWork:
        if self.readonly:
            bind = self.session_factory.kw["bind"].execution_options(tawasol_readonly=True)
            self.session = self.session_factory(bind=bind)
        else:
            self.session = self.session_factory()
        s = self.session
        self.tenants = repos.TenantRepository(s)
        self.customers = repos.CustomerRepository(s)
        self.queues = repos.QueueRepository(s)
        self.conversations = repos.ConversationRepository(s)
        self.messages = repos.MessageRepository(s)
        self.users = repos.UserRepository(s)
        self.decisions = repos.DecisionRepository(s)
        self.tokens = repos.TokenRepository(s)
        self.articles = repos.ArticleRepository(s)
        self.events = []
        return self

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        if exc_type is not None:
            self.events = []
        # close() rolls back anything uncommitted and detaches objects without expiring them,
        # so handlers may return what they loaded.
        self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def flush(self) -> None:
        self.session.flush()

    def emit(self, channel: str, event: dict[str, Any]) -> None:
        """Queue an event for the bus; the entry point publishes it only after commit."""
        self.events.append((channel, event))
