"""insights: customer scores (churn, predicted CSAT) and model cards per tenant

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('customer_scores',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('conversation_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('band', sa.String(length=32), nullable=False),
    sa.Column('explanation', sa.JSON(), nullable=False),
    sa.Column('model_version', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_customer_scores_tenant_id_tenants')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_scores_customer_id_customers')),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'],
                            name=op.f('fk_customer_scores_conversation_id_conversations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_scores'))
    )
    op.create_index('ix_customer_scores_tenant_kind', 'customer_scores', ['tenant_id', 'kind'], unique=False)
    op.create_index('ix_customer_scores_customer_kind', 'customer_scores', ['customer_id', 'kind'], unique=False)
    op.create_table('model_cards',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('version', sa.String(length=100), nullable=False),
    sa.Column('card', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_model_cards_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_model_cards'))
    )
    op.create_index('ix_model_cards_tenant_kind', 'model_cards', ['tenant_id', 'kind'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_model_cards_tenant_kind', table_name='model_cards')
    op.drop_table('model_cards')
    op.drop_index('ix_customer_scores_customer_kind', table_name='customer_scores')
    op.drop_index('ix_customer_scores_tenant_kind', table_name='customer_scores')
    op.drop_table('customer_scores')
