"""The connection pool holds a connection for every worker thread at once, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading

from sqlalchemy import text

from tawasol.store.db import SIDE_CONNECTIONS, WORKER_THREADS, make_engine


def test_the_pool_is_sized_to_the_worker_threads(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        pool = engine.pool
        assert pool.size() + pool._max_overflow >= WORKER_THREADS + SIDE_CONNECTIONS  # type: ignore[attr-defined]
    finally:
        engine.dispose()


def test_every_worker_thread_holds_a_connection_at_once(database_url: str) -> None:
    engine = make_engine(database_url, workers=12)
    barrier = threading.Barrier(12 + SIDE_CONNECTIONS, timeout=20)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with engine.execution_options(tawasol_readonly=True).connect() as conn:  # readers: no SQLite write lock
                conn.execute(text("SELECT 1"))
                barrier.wait()  # all connections are out together; none waits for another
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(12 + SIDE_CONNECTIONS)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    finally:
        engine.dispose()
    assert errors == []


def test_the_worker_count_is_anyios_default_thread_limit() -> None:
    """run_in_threadpool runs on anyio's default limiter: if its size changes, the pool must follow."""
    import anyio
    import anyio.to_thread

    async def tokens() -> float:
        return anyio.to_thread.current_default_thread_limiter().total_tokens

    assert anyio.run(tokens) == WORKER_THREADS
