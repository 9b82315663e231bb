"""staff screens' language, chosen per user

Revision ID: 0008u
Revises: 0007q
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = '0008u'
down_revision = '0007q'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users') as batch_op:
        batch_op.add_column(sa.Column('ui_language', sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('users') as batch_op:
        batch_op.drop_column('ui_language')
