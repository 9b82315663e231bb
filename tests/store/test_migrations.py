"""The Alembic migrations build exactly the schema that the mappers use, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from tawasol.store.db import normalise_url
from tawasol.store.migrate import current, upgrade
from tawasol.store.tables import metadata


def test_migrations_match_the_tables(database_url: str) -> None:
    upgrade(database_url)
    engine = create_engine(normalise_url(database_url))
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()
    # Only structural differences count (types compare loosely across dialects).
    structural = [d for d in diff if isinstance(d, tuple) and d[0] in ("add_table", "remove_table", "add_column",
                                                                        "remove_column")]
    # The job queue's tables (PostgreSQL, revision 0006g) are procrastinate's, not the mappers'.
    assert [d for d in structural if not (d[0] == "remove_table" and d[1].name.startswith("procrastinate_"))] == []
    queue = {d[1].name for d in structural if d[0] == "remove_table"}
    assert queue == ({"procrastinate_jobs", "procrastinate_events", "procrastinate_periodic_defers",
                      "procrastinate_workers"} if database_url.startswith("postgres") else set())


def test_downgrade_and_upgrade_again(database_url: str) -> None:
    from alembic import command

    from tawasol.store.migrate import alembic_config

    upgrade(database_url)
    head = current(database_url)
    command.downgrade(alembic_config(database_url), "-1")
    assert current(database_url) != head
    upgrade(database_url)
    assert current(database_url) == head


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_processes_starting_together_migrate_one_after_the_other(database_url: str) -> None:
    """Servers and `tawasol worker` processes of a new deployment all migrate at start (PostgreSQL: under a lock)."""
    import subprocess
    import sys

    code = f"from tawasol.store.migrate import upgrade; upgrade({database_url!r})"
    starts = [subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True) for _ in range(3)]
    failures = [p.stderr.read()[-1500:] for p in starts if p.wait(timeout=120) != 0]  # type: ignore[union-attr]
    assert failures == []
    assert current(database_url) is not None
