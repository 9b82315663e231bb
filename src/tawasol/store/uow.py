"""Unit of work: one transaction, its repositories, and the events to publish once it commits."""

from __future__ import annotations

import threading
import weakref
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from tawasol.store import repositories as repos
from tawasol.store.repositories.audit import AuditRepository
from tawasol.store.repositories.insights import ModelCardRepository, ScoreRepository
from tawasol.store.repositories.jobs import WorkerRepository
from tawasol.store.repositories.privacy import PrivacyRepository
from tawasol.store.repositories.qa import QaRepository
from tawasol.store.repositories.reports import ReportRepository
from tawasol.store.repositories.routing import RoutingRepository

_WRITERS: weakref.WeakKeyDictionary[Engine, threading.RLock] = weakref.WeakKeyDictionary()
_WRITERS_GUARD = threading.Lock()


def _writer_lock(engine: Engine) -> threading.RLock | None:
    """SQLite takes one writer at a time; queueing writers of this process on a lock is fairer and far
    faster than letting each retry SQLite's busy handler with sleeps (which collapses throughput)."""
    if engine.dialect.name != "sqlite":
        return None
    with _WRITERS_GUARD:
        lock = _WRITERS.get(engine)
        if lock is None:
            lock = _WRITERS[engine] = threading.RLock()
        return lock


class UnitOfWork:
    def __init__(self, session_factory: sessionmaker[Session], readonly: bool = False) -> None:
        self.session_factory = session_factory
        self.readonly = readonly
        self.events: list[tuple[str, dict[str, Any]]] = []

    def __enter__(self) -> UnitOfWork:
        engine = self.session_factory.kw["bind"]
        self._lock = None if self.readonly else _writer_lock(engine)
        if self._lock is not None:
            self._lock.acquire()
        if self.readonly:
            self.session = self.session_factory(bind=engine.execution_options(tawasol_readonly=True))
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
        self.scores = ScoreRepository(s)
        self.model_cards = ModelCardRepository(s)
        self.audit = AuditRepository(s)
        self.routing = RoutingRepository(s)
        self.privacy = PrivacyRepository(s)
        self.qa = QaRepository(s)
        self.reports = ReportRepository(s)
        self.workers = WorkerRepository(s)
        self.events = []
        return self

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        if exc_type is not None:
            self.events = []
        # close() rolls back anything uncommitted and detaches objects without expiring them,
        # so handlers may return what they loaded.
        try:
            self.session.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def commit(self) -> None:
        self.session.commit()

    def flush(self) -> None:
        self.session.flush()

    def emit(self, channel: str, event: dict[str, Any]) -> None:
        """Queue an event for the bus; the entry point publishes it only after commit."""
        self.events.append((channel, event))
