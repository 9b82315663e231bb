"""Engines and sessions: SQLite file in WAL mode by default, PostgreSQL through psycopg 3."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker


def normalise_url(url: str) -> str:
    """Accept plain `postgresql://` URLs and use the psycopg 3 driver for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # WAL + NORMAL survives a crash of the process (our "acknowledged is committed" promise);
    # FULL would also survive power loss at a large cost per commit.
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def private_sqlite_file(url: str) -> Path | None:
    """Create the SQLite file readable by its owner only (0600) before SQLite does (it would follow the umask,
    often world-readable); an existing file open to others is tightened. SQLite gives its -wal and -shm files
    the database file's mode."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        if stat.S_IMODE(path.stat().st_mode) & 0o077:
            os.chmod(path, 0o600)
    return path


# The API runs blocking handlers on anyio's default thread limiter (run_in_threadpool: 40 threads); each may
# hold a connection for its unit of work. Beside them: background jobs and the knowledge-index refresh.
WORKER_THREADS = 40
SIDE_CONNECTIONS = 8


def pool_options(workers: int = WORKER_THREADS) -> dict[str, Any]:
    """Pool sizing: every worker thread and side task can hold a connection at once (none waits for
    another to give one back); 10 stay open, the rest are opened on demand."""
    size = min(10, workers)
    return {"pool_size": size, "max_overflow": workers + SIDE_CONNECTIONS - size, "pool_timeout": 30}


def make_engine(url: str, workers: int = WORKER_THREADS) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        private_sqlite_file(url)
        in_memory = url in ("sqlite://", "sqlite:///") or ":memory:" in url or "mode=memory" in url
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               **({} if in_memory else pool_options(workers)))
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own transaction handling defers BEGIN; emit it ourselves so that
        # writers take the lock at the start of a unit of work (no upgrade deadlocks).
        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # Read-only units of work take no write lock: in WAL mode they never wait for writers.
            readonly = conn.get_execution_options().get("tawasol_readonly", False)
            conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")

        @event.listens_for(engine, "connect")
        def _no_autobegin(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None

        return engine
    return create_engine(url, pool_pre_ping=True, **pool_options(workers))


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)
