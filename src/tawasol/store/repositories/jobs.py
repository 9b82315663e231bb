"""The job queue's workers as the store sees them: procrastinate's own table of `tawasol worker` processes
(Alembic revision 0006g), read for their heartbeats."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, column, func, select, table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

# procrastinate's table (not mapped in store.tables: the library owns it); a worker's row is deleted when it stops
_workers = table("procrastinate_workers", column("last_heartbeat", DateTime(timezone=True)))


class WorkerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def last_heartbeat(self) -> datetime | None:
        """The latest heartbeat of any running worker; None when none has run (or on SQLite, which has no queue)."""
        if self.session.get_bind().dialect.name != "postgresql":
            return None
        try:
            # a savepoint: a missing table (the queue's schema not applied) leaves the transaction usable
            with self.session.begin_nested():
                latest = self.session.execute(select(func.max(_workers.c.last_heartbeat))).scalar()
        except DBAPIError:
            return None
        return latest if isinstance(latest, datetime) else None
