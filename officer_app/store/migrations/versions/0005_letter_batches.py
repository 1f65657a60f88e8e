"""Letter batches with an identity and a state: a batch's letters are prepared (kept, not yet
sent) until the officer confirms the post went out; a rerun resumes an unfinished batch.
Letters already in the ``letter`` table were all recorded as sent, and stay so.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('letter_batch',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('template_id', sa.String(length=60), nullable=False),
    sa.Column('template_version', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('asks', sa.JSON(), nullable=False),
    sa.Column('dated', sa.Date(), nullable=False),
    sa.Column('case_ids', sa.JSON(), nullable=False),
    sa.Column('selection', sa.String(length=200), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('cases_done', sa.Integer(), nullable=False),
    sa.Column('skipped', sa.JSON(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('method', sa.String(length=10), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['officer.id'], name=op.f('fk_letter_batch_created_by_officer')),
    sa.ForeignKeyConstraint(['updated_by'], ['officer.id'], name=op.f('fk_letter_batch_updated_by_officer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter_batch'))
    )
    with op.batch_alter_table('letter_batch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_letter_batch_template_id'), ['template_id'], unique=False)

    op.create_table('letter_batch_letter',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('batch_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('recipient_adult_id', sa.String(length=36), nullable=False),
    sa.Column('recipient_name', sa.String(length=160), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('attachment_id', sa.String(length=36), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('letter_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['attachment_id'], ['attachment.id'], name=op.f('fk_letter_batch_letter_attachment_id_attachment')),
    sa.ForeignKeyConstraint(['batch_id'], ['letter_batch.id'], name=op.f('fk_letter_batch_letter_batch_id_letter_batch')),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_letter_batch_letter_case_id_case_file')),
    sa.ForeignKeyConstraint(['letter_id'], ['letter.id'], name=op.f('fk_letter_batch_letter_letter_id_letter')),
    sa.ForeignKeyConstraint(['recipient_adult_id'], ['adult.id'], name=op.f('fk_letter_batch_letter_recipient_adult_id_adult')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter_batch_letter')),
    sa.UniqueConstraint('batch_id', 'case_id', 'recipient_adult_id', name=op.f('uq_letter_batch_letter_batch_id'))
    )
    with op.batch_alter_table('letter_batch_letter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_letter_batch_letter_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_letter_batch_letter_case_id'), ['case_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('letter_batch_letter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_letter_batch_letter_case_id'))
        batch_op.drop_index(batch_op.f('ix_letter_batch_letter_batch_id'))
    op.drop_table('letter_batch_letter')
    with op.batch_alter_table('letter_batch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_letter_batch_template_id'))
    op.drop_table('letter_batch')
