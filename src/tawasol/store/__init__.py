"""Persistence: SQLAlchemy 2 tables, repositories, unit of work, Alembic migrations."""

from tawasol.store.db import make_engine, make_session_factory
from tawasol.store.migrate import upgrade
from tawasol.store.tables import metadata, start_mappers
from tawasol.store.uow import UnitOfWork

__all__ = ["UnitOfWork", "make_engine", "make_session_factory", "metadata", "start_mappers", "upgrade"]
