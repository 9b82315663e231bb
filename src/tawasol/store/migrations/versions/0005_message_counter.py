"""conversations: last_seq counter (backfilled from the messages); audit_log: index of each tenant's chain

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('conversations') as batch_op:
        batch_op.add_column(sa.Column('last_seq', sa.Integer(), nullable=False, server_default='0'))
    op.execute(
        "UPDATE conversations SET last_seq = COALESCE("
        "(SELECT MAX(messages.seq) FROM messages WHERE messages.conversation_id = conversations.id), 0)"
    )
    op.create_index('ix_audit_log_tenant_seq', 'audit_log', ['tenant_id', 'seq'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_audit_log_tenant_seq', table_name='audit_log')
    with op.batch_alter_table('conversations') as batch_op:
        batch_op.drop_column('last_seq')
