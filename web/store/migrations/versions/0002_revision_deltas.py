"""revisions kept as a delta against a snapshot of the same story

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 04:10:00

Rows written before stay whole (``document``); nothing is rewritten.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

CHECK = ("(document IS NOT NULL AND delta IS NULL AND base IS NULL) OR "
         "(document IS NULL AND delta IS NOT NULL AND base IS NOT NULL)")


def upgrade() -> None:
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('base', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('delta', sa.JSON(), nullable=True))
        batch_op.alter_column('document', existing_type=sa.JSON(), nullable=True)
        batch_op.create_foreign_key('fk_revisions_base', 'revisions', ['story_id', 'base'],
                                    ['story_id', 'number'], ondelete='RESTRICT')
        batch_op.create_check_constraint('ck_revisions_whole_or_delta', CHECK)


def downgrade() -> None:
    """Only while no delta row exists (a delta cannot be kept without its columns)."""
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.drop_constraint('ck_revisions_whole_or_delta', type_='check')
        batch_op.drop_constraint('fk_revisions_base', type_='foreignkey')
        batch_op.alter_column('document', existing_type=sa.JSON(), nullable=False)
        batch_op.drop_column('delta')
        batch_op.drop_column('base')
