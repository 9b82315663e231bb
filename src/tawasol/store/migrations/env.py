"""Alembic environment: runs online against the URL set by tawasol.store.migrate."""

from alembic import context
from sqlalchemy import create_engine, pool, text

from tawasol.store.tables import metadata

config = context.config
MIGRATION_LOCK = 0x7A7A501  # an advisory lock key of Tawasol's migrations


def run_migrations_online() -> None:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no sqlalchemy.url: run the migrations through tawasol.store.migrate (tawasol db upgrade)")
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                # Servers and workers that start together migrate one after the other: the next one finds the
                # revisions applied (the current revision is read after the lock).
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            context.run_migrations()
    engine.dispose()


run_migrations_online()
