"""first schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa

from officer_app.store.schema_sql import EVIDENCE_TRIGGERS_V1, SEARCH_SQL_V1


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('audit_event',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=120), nullable=False),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('entity_type', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_event'))
    )
    op.create_table('family',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('address_line1', sa.String(length=160), nullable=False),
    sa.Column('address_line2', sa.String(length=160), nullable=False),
    sa.Column('town', sa.String(length=80), nullable=False),
    sa.Column('postcode', sa.String(length=10), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_family'))
    )
    op.create_table('officer',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('initials', sa.String(length=8), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('team', sa.String(length=80), nullable=False),
    sa.Column('email', sa.String(length=160), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_officer'))
    )
    op.create_table('outbox',
    sa.Column('device_seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('mutation_id', sa.String(length=36), nullable=False),
    sa.Column('entity_type', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=True),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('schema_version', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.PrimaryKeyConstraint('device_seq', name=op.f('pk_outbox')),
    sa.UniqueConstraint('mutation_id', name=op.f('uq_outbox_mutation_id'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_entity_id'), ['entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_state'), ['state'], unique=False)

    op.create_table('profile_setting',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_profile_setting'))
    )
    op.create_table('school',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('urn', sa.String(length=6), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('phase', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school')),
    sa.UniqueConstraint('urn', name=op.f('uq_school_urn'))
    )
    op.create_table('adult',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('family_id', sa.String(length=36), nullable=False),
    sa.Column('forename', sa.String(length=80), nullable=False),
    sa.Column('surname', sa.String(length=80), nullable=False),
    sa.Column('relationship_to_child', sa.String(length=40), nullable=False),
    sa.Column('parental_responsibility', sa.Boolean(), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('language', sa.String(length=40), nullable=False),
    sa.Column('interpreter_needed', sa.Boolean(), nullable=False),
    sa.Column('lives_with_child', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_adult_family_id_family')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_adult'))
    )
    with op.batch_alter_table('adult', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_adult_family_id'), ['family_id'], unique=False)

    op.create_table('child',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('upn', sa.String(length=13), nullable=True),
    sa.Column('forename', sa.String(length=80), nullable=False),
    sa.Column('surname', sa.String(length=80), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=False),
    sa.Column('year_group', sa.String(length=4), nullable=False),
    sa.Column('school_id', sa.String(length=36), nullable=True),
    sa.Column('family_id', sa.String(length=36), nullable=True),
    sa.Column('sen', sa.String(length=12), nullable=False),
    sa.Column('child_protection_plan', sa.Boolean(), nullable=False),
    sa.Column('looked_after', sa.Boolean(), nullable=False),
    sa.Column('young_carer', sa.Boolean(), nullable=False),
    sa.Column('eal', sa.Boolean(), nullable=False),
    sa.Column('gypsy_roma_traveller', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_child_family_id_family')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_child_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_child')),
    sa.UniqueConstraint('upn', name=op.f('uq_child_upn'))
    )
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_child_school_id'), ['school_id'], unique=False)

    op.create_table('attendance_mark',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('session', sa.String(length=2), nullable=False),
    sa.Column('code', sa.String(length=2), nullable=False),
    sa.Column('code_set', sa.String(length=4), nullable=False),
    sa.Column('school_urn', sa.String(length=6), nullable=False),
    sa.Column('source_import', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_attendance_mark_child_id_child')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance_mark')),
    sa.UniqueConstraint('child_id', 'date', 'session', name='uq_attendance_child_session')
    )
    op.create_table('case_file',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('reference', sa.String(length=20), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('officer_id', sa.String(length=36), nullable=True),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('referral_date', sa.Date(), nullable=False),
    sa.Column('referral_source', sa.String(length=120), nullable=False),
    sa.Column('referral_reason', sa.Text(), nullable=False),
    sa.Column('next_action', sa.String(length=200), nullable=False),
    sa.Column('next_action_due', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('closure_reason', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_case_file_child_id_child')),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], name=op.f('fk_case_file_officer_id_officer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_file')),
    sa.UniqueConstraint('reference', name=op.f('uq_case_file_reference'))
    )
    with op.batch_alter_table('case_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_file_child_id'), ['child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_file_officer_id'), ['officer_id'], unique=False)

    op.create_table('risk_flag',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('family_id', sa.String(length=36), nullable=True),
    sa.Column('adult_id', sa.String(length=36), nullable=True),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('severity', sa.String(length=10), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('two_officers_required', sa.Boolean(), nullable=False),
    sa.Column('raised_on', sa.Date(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['adult_id'], ['adult.id'], name=op.f('fk_risk_flag_adult_id_adult')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_risk_flag_family_id_family')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_flag'))
    )
    with op.batch_alter_table('risk_flag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_flag_family_id'), ['family_id'], unique=False)

    op.create_table('chronology_entry',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('entry_type', sa.String(length=20), nullable=False),
    sa.Column('occurred_at', sa.String(length=32), nullable=False),
    sa.Column('recorded_at', sa.String(length=32), nullable=False),
    sa.Column('author_id', sa.String(length=36), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('amends_id', sa.String(length=36), nullable=True),
    sa.Column('amend_reason', sa.String(length=400), nullable=False),
    sa.Column('signed_at', sa.String(length=32), nullable=True),
    sa.Column('signed_by', sa.String(length=36), nullable=True),
    sa.Column('chain_seq', sa.Integer(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['amends_id'], ['chronology_entry.id'], name=op.f('fk_chronology_entry_amends_id_chronology_entry')),
    sa.ForeignKeyConstraint(['author_id'], ['officer.id'], name=op.f('fk_chronology_entry_author_id_officer')),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_chronology_entry_case_id_case_file')),
    sa.ForeignKeyConstraint(['signed_by'], ['officer.id'], name=op.f('fk_chronology_entry_signed_by_officer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chronology_entry')),
    sa.UniqueConstraint('case_id', 'chain_seq', name='uq_chronology_chain')
    )
    with op.batch_alter_table('chronology_entry', schema=None) as batch_op:
        batch_op.create_index('ix_chronology_case_time', ['case_id', 'occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_chronology_entry_amends_id'), ['amends_id'], unique=False)

    op.create_table('draft',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('entry_type', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_draft_case_id_case_file')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draft')),
    sa.UniqueConstraint('case_id', 'kind', name='uq_draft_case_kind')
    )
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_case_id'), ['case_id'], unique=False)

    op.create_table('attachment',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('entry_id', sa.String(length=36), nullable=True),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('added_at', sa.String(length=32), nullable=False),
    sa.Column('added_by', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['added_by'], ['officer.id'], name=op.f('fk_attachment_added_by_officer')),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_attachment_case_id_case_file')),
    sa.ForeignKeyConstraint(['entry_id'], ['chronology_entry.id'], name=op.f('fk_attachment_entry_id_chronology_entry')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_case_id'), ['case_id'], unique=False)


    for statement in EVIDENCE_TRIGGERS_V1 + SEARCH_SQL_V1:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_key")
    op.execute("DROP TABLE IF EXISTS search_index")

    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_case_id'))

    op.drop_table('attachment')
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_case_id'))

    op.drop_table('draft')
    with op.batch_alter_table('chronology_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chronology_entry_amends_id'))
        batch_op.drop_index('ix_chronology_case_time')

    op.drop_table('chronology_entry')
    with op.batch_alter_table('risk_flag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_flag_family_id'))

    op.drop_table('risk_flag')
    with op.batch_alter_table('case_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_file_officer_id'))
        batch_op.drop_index(batch_op.f('ix_case_file_child_id'))

    op.drop_table('case_file')
    op.drop_table('attendance_mark')
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_school_id'))
        batch_op.drop_index(batch_op.f('ix_child_family_id'))

    op.drop_table('child')
    with op.batch_alter_table('adult', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_adult_family_id'))

    op.drop_table('adult')
    op.drop_table('school')
    op.drop_table('profile_setting')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_state'))
        batch_op.drop_index(batch_op.f('ix_outbox_entity_id'))

    op.drop_table('outbox')
    op.drop_table('officer')
    op.drop_table('family')
    op.drop_table('audit_event')

