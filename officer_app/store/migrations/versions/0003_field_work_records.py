"""Field work: structured records on chronology entries, visit plans, risk acknowledgements,
plans with targets and actions

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('plan',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('agreed_on', sa.Date(), nullable=False),
    sa.Column('review_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_plan_case_id_case_file')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan'))
    )
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_case_id'), ['case_id'], unique=False)

    op.create_table('plan_action',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('owner', sa.String(length=12), nullable=False),
    sa.Column('owner_name', sa.String(length=120), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_plan_action_plan_id_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_action'))
    )
    with op.batch_alter_table('plan_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_action_plan_id'), ['plan_id'], unique=False)

    op.create_table('plan_target',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('attendance_pct', sa.Double(), nullable=True),
    sa.Column('over_weeks', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_plan_target_plan_id_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_target'))
    )
    with op.batch_alter_table('plan_target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_target_plan_id'), ['plan_id'], unique=False)

    op.create_table('visit_plan',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('planned_for', sa.String(length=32), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('purpose', sa.String(length=300), nullable=False),
    sa.Column('officer_id', sa.String(length=36), nullable=True),
    sa.Column('second_officer_id', sa.String(length=36), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_visit_plan_case_id_case_file')),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], name=op.f('fk_visit_plan_officer_id_officer')),
    sa.ForeignKeyConstraint(['record_id'], ['chronology_entry.id'], name=op.f('fk_visit_plan_record_id_chronology_entry')),
    sa.ForeignKeyConstraint(['second_officer_id'], ['officer.id'], name=op.f('fk_visit_plan_second_officer_id_officer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_plan'))
    )
    with op.batch_alter_table('visit_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_plan_case_id'), ['case_id'], unique=False)

    op.create_table('risk_acknowledgement',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('visit_plan_id', sa.String(length=36), nullable=True),
    sa.Column('officer_id', sa.String(length=36), nullable=False),
    sa.Column('acknowledged_at', sa.String(length=32), nullable=False),
    sa.Column('flags', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_risk_acknowledgement_case_id_case_file')),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], name=op.f('fk_risk_acknowledgement_officer_id_officer')),
    sa.ForeignKeyConstraint(['visit_plan_id'], ['visit_plan.id'], name=op.f('fk_risk_acknowledgement_visit_plan_id_visit_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_acknowledgement'))
    )
    with op.batch_alter_table('risk_acknowledgement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_acknowledgement_case_id'), ['case_id'], unique=False)

    # Plain ALTER TABLE ADD COLUMN, never a batch copy: recreating chronology_entry would
    # drop the evidence triggers and rewrite signed rows.
    for table in ("chronology_entry", "draft"):
        op.add_column(table, sa.Column("form_id", sa.String(length=60), nullable=True))
        op.add_column(table, sa.Column("form_version", sa.Integer(), nullable=True))
        op.add_column(table, sa.Column("answers", sa.JSON(), nullable=True))



def downgrade() -> None:
    raise NotImplementedError(
        "schema 0003 is not downgraded in place (it would rewrite signed evidence): restore "
        "the copy of the profile taken before the upgrade"
    )
