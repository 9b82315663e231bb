"""quality review: tenant scorecards (versioned), reviews of conversations and their answers

Revision ID: 0007q
Revises: 0006g
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = '0007q'
down_revision = '0006g'
branch_labels = None
depends_on = None

ID = sa.String(length=36)
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table('qa_scorecards',
    sa.Column('id', ID, nullable=False),
    sa.Column('tenant_id', ID, nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('definition', sa.JSON(), nullable=False),
    sa.Column('created_by', ID, nullable=True),
    sa.Column('created_at', TS, nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_qa_scorecards_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qa_scorecards')),
    sa.UniqueConstraint('tenant_id', 'key', 'version', name='uq_qa_scorecards_tenant_key_version')
    )
    op.create_table('qa_reviews',
    sa.Column('id', ID, nullable=False),
    sa.Column('tenant_id', ID, nullable=False),
    sa.Column('conversation_id', ID, nullable=False),
    sa.Column('agent_id', ID, nullable=True),
    sa.Column('scorecard_key', sa.String(length=64), nullable=False),
    sa.Column('scorecard_version', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('automatic_score', sa.Float(), nullable=True),
    sa.Column('lowest_confidence', sa.Float(), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('complaint', sa.Boolean(), nullable=False),
    sa.Column('reviewed_by', ID, nullable=True),
    sa.Column('created_at', TS, nullable=False),
    sa.Column('updated_at', TS, nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_qa_reviews_tenant_id_tenants')),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'],
                            name=op.f('fk_qa_reviews_conversation_id_conversations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qa_reviews'))
    )
    op.create_index('ix_qa_reviews_conversation', 'qa_reviews', ['conversation_id', 'created_at'], unique=False)
    op.create_index('ix_qa_reviews_tenant_agent', 'qa_reviews', ['tenant_id', 'agent_id', 'created_at'], unique=False)
    op.create_index('ix_qa_reviews_tenant_score', 'qa_reviews', ['tenant_id', 'score'], unique=False)
    op.create_table('qa_answers',
    sa.Column('id', ID, nullable=False),
    sa.Column('review_id', ID, nullable=False),
    sa.Column('tenant_id', ID, nullable=False),
    sa.Column('question', sa.String(length=64), nullable=False),
    sa.Column('choice', sa.String(length=8), nullable=False),
    sa.Column('automatic_choice', sa.String(length=8), nullable=False),
    sa.Column('rule', sa.String(length=64), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('decision_id', ID, nullable=True),
    sa.Column('corrected_by', ID, nullable=True),
    sa.Column('corrected_at', TS, nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['review_id'], ['qa_reviews.id'], name=op.f('fk_qa_answers_review_id_qa_reviews')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_qa_answers_tenant_id_tenants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qa_answers')),
    sa.UniqueConstraint('review_id', 'question', name='uq_qa_answers_review_question')
    )


def downgrade() -> None:
    op.drop_table('qa_answers')
    op.drop_index('ix_qa_reviews_tenant_score', table_name='qa_reviews')
    op.drop_index('ix_qa_reviews_tenant_agent', table_name='qa_reviews')
    op.drop_index('ix_qa_reviews_conversation', table_name='qa_reviews')
    op.drop_table('qa_reviews')
    op.drop_table('qa_scorecards')
