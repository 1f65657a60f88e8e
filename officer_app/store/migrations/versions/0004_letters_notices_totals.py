"""Letters sent (their copies are encrypted attachments), penalty notices through their
lifecycle, and each child's attendance totals per school year (for the caseload's LA band)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('child_attendance_year',
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('school_year', sa.Integer(), nullable=False),
    sa.Column('possible', sa.Integer(), nullable=False),
    sa.Column('attending', sa.Integer(), nullable=False),
    sa.Column('authorised', sa.Integer(), nullable=False),
    sa.Column('unauthorised', sa.Integer(), nullable=False),
    sa.Column('first_mark', sa.Date(), nullable=True),
    sa.Column('last_mark', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_child_attendance_year_child_id_child')),
    sa.PrimaryKeyConstraint('child_id', 'school_year', name=op.f('pk_child_attendance_year'))
    )
    op.create_table('letter',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('template_id', sa.String(length=60), nullable=False),
    sa.Column('template_version', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('recipient_adult_id', sa.String(length=36), nullable=True),
    sa.Column('recipient_name', sa.String(length=160), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('attachment_id', sa.String(length=36), nullable=True),
    sa.Column('entry_id', sa.String(length=36), nullable=True),
    sa.Column('batch_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['attachment_id'], ['attachment.id'], name=op.f('fk_letter_attachment_id_attachment')),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_letter_case_id_case_file')),
    sa.ForeignKeyConstraint(['created_by'], ['officer.id'], name=op.f('fk_letter_created_by_officer')),
    sa.ForeignKeyConstraint(['entry_id'], ['chronology_entry.id'], name=op.f('fk_letter_entry_id_chronology_entry')),
    sa.ForeignKeyConstraint(['recipient_adult_id'], ['adult.id'], name=op.f('fk_letter_recipient_adult_id_adult')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter'))
    )
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_letter_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_letter_case_id'), ['case_id'], unique=False)

    op.create_table('penalty_notice',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('parent_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('grounds', sa.String(length=30), nullable=False),
    sa.Column('considered_on', sa.Date(), nullable=False),
    sa.Column('considered_by', sa.String(length=36), nullable=True),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('decision_reason', sa.Text(), nullable=False),
    sa.Column('authorised_by', sa.String(length=36), nullable=True),
    sa.Column('authorised_on', sa.Date(), nullable=True),
    sa.Column('nti_letter_id', sa.String(length=36), nullable=True),
    sa.Column('nti_on', sa.Date(), nullable=True),
    sa.Column('nti_until', sa.Date(), nullable=True),
    sa.Column('number', sa.String(length=30), nullable=True),
    sa.Column('ordinal', sa.Integer(), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('served_by', sa.String(length=10), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('amount_21', sa.Integer(), nullable=True),
    sa.Column('amount_28', sa.Integer(), nullable=True),
    sa.Column('notice_letter_id', sa.String(length=36), nullable=True),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('amount_paid', sa.Integer(), nullable=True),
    sa.Column('withdrawn_on', sa.Date(), nullable=True),
    sa.Column('withdrawn_reason', sa.Text(), nullable=False),
    sa.Column('prosecution_on', sa.Date(), nullable=True),
    sa.Column('prosecution_note', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_penalty_notice_case_id_case_file')),
    sa.ForeignKeyConstraint(['authorised_by'], ['officer.id'], name=op.f('fk_penalty_notice_authorised_by_officer')),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_penalty_notice_child_id_child')),
    sa.ForeignKeyConstraint(['considered_by'], ['officer.id'], name=op.f('fk_penalty_notice_considered_by_officer')),
    sa.ForeignKeyConstraint(['notice_letter_id'], ['letter.id'], name=op.f('fk_penalty_notice_notice_letter_id_letter')),
    sa.ForeignKeyConstraint(['nti_letter_id'], ['letter.id'], name=op.f('fk_penalty_notice_nti_letter_id_letter')),
    sa.ForeignKeyConstraint(['parent_id'], ['adult.id'], name=op.f('fk_penalty_notice_parent_id_adult')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_penalty_notice')),
    sa.UniqueConstraint('number', name=op.f('uq_penalty_notice_number'))
    )
    with op.batch_alter_table('penalty_notice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_penalty_notice_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_penalty_notice_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_penalty_notice_parent_id'), ['parent_id'], unique=False)


    from officer_app.attendance.totals import refresh_totals

    refresh_totals(op.get_bind(), None)


def downgrade() -> None:
    raise NotImplementedError(
        "schema 0004 is not downgraded in place: restore the copy of the profile taken "
        "before the upgrade"
    )
