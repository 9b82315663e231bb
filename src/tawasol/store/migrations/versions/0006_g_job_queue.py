"""job queue on PostgreSQL: procrastinate's tables, types and functions (`tawasol worker`); nothing on SQLite

The schema is the installed procrastinate's own `schema.sql` (procrastinate 3.x). A procrastinate upgrade that
ships new files in its `sql/migrations/` needs a revision after this one that applies them.

Revision ID: 0006g
Revises: 0005
Create Date: 2026-12-03
"""
from alembic import op

revision = '0006g'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from procrastinate.schema import SchemaManager

    # The driver connection runs the whole script in this migration's transaction, with no placeholders read
    # (the script has '%' in it).
    bind.connection.driver_connection.execute(SchemaManager.get_schema())  # type: ignore[union-attr]


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute("""
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'procrastinate_%'
  LOOP EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', r.tablename); END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = current_schema() AND p.proname LIKE 'procrastinate_%'
  LOOP EXECUTE format('DROP ROUTINE IF EXISTS %s CASCADE', r.sig); END LOOP;
  FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = current_schema() AND t.typname LIKE 'procrastinate_%' AND t.typtype IN ('e', 'c')
  LOOP EXECUTE format('DROP TYPE IF EXISTS %I CASCADE', r.typname); END LOOP;
END $$;
""")
