"""The local store's tables (SQLAlchemy 2.0 typed models).

Primary keys are UUIDs (as 36-character strings) generated on the device; human references
(``ATT-2026-00123``) are separate fields. Every table a user changes carries ``__tracked__`` so
that each change also writes its field-level mutation to the outbox and an audit event in the
same transaction (see ``store/tracking.py``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from officer_app.store.column_types import NAMING, UtcDateTime, new_id


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UtcDateTime}
    __tracked__: ClassVar[bool] = False


class Officer(Base):
    __tablename__ = "officer"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(120))
    initials: Mapped[str] = mapped_column(String(8))
    role: Mapped[str] = mapped_column(String(20), default="officer")
    team: Mapped[str] = mapped_column(String(80), default="")
    email: Mapped[str] = mapped_column(String(160), default="")


class School(Base):
    __tablename__ = "school"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    urn: Mapped[str] = mapped_column(String(6), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    phase: Mapped[str] = mapped_column(String(20))


class Family(Base):
    __tablename__ = "family"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(120))
    address_line1: Mapped[str] = mapped_column(String(160), default="")
    address_line2: Mapped[str] = mapped_column(String(160), default="")
    town: Mapped[str] = mapped_column(String(80), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    # Since when the family has lived at this address (None: not known). Earlier addresses
    # are kept, with their dates, as FamilyAddress rows (schema 0008).
    address_from: Mapped[dt.date | None] = mapped_column(Date)
    # The address must not appear in anything served (a parent fleeing domestic abuse, for
    # example): an evidence pack that would show it is refused (schema 0010).
    address_withheld: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class FamilyAddress(Base):
    """An address the family lived at before the current one, kept when it changed."""

    __tablename__ = "family_address"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    family_id: Mapped[str] = mapped_column(ForeignKey("family.id"), index=True)
    address_line1: Mapped[str] = mapped_column(String(160), default="")
    address_line2: Mapped[str] = mapped_column(String(160), default="")
    town: Mapped[str] = mapped_column(String(80), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    from_date: Mapped[dt.date | None] = mapped_column(Date)  # None: not known
    to_date: Mapped[dt.date] = mapped_column(Date)  # the day the family moved on
    recorded_by: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))


class Child(Base):
    __tablename__ = "child"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    upn: Mapped[str | None] = mapped_column(String(13), unique=True)
    forename: Mapped[str] = mapped_column(String(80))
    surname: Mapped[str] = mapped_column(String(80))
    date_of_birth: Mapped[dt.date] = mapped_column(Date)
    gender: Mapped[str] = mapped_column(String(1), default="")
    year_group: Mapped[str] = mapped_column(String(4), default="")
    school_id: Mapped[str | None] = mapped_column(ForeignKey("school.id"), index=True)
    family_id: Mapped[str | None] = mapped_column(ForeignKey("family.id"), index=True)
    sen: Mapped[str] = mapped_column(String(12), default="none")  # none | sen_support | ehcp
    child_protection_plan: Mapped[bool] = mapped_column(Boolean, default=False)
    looked_after: Mapped[bool] = mapped_column(Boolean, default=False)
    young_carer: Mapped[bool] = mapped_column(Boolean, default=False)
    eal: Mapped[bool] = mapped_column(Boolean, default=False)
    gypsy_roma_traveller: Mapped[bool] = mapped_column(Boolean, default=False)

    school: Mapped[School | None] = relationship()
    family: Mapped[Family | None] = relationship()


class Adult(Base):
    __tablename__ = "adult"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    family_id: Mapped[str] = mapped_column(ForeignKey("family.id"), index=True)
    forename: Mapped[str] = mapped_column(String(80))
    surname: Mapped[str] = mapped_column(String(80))
    relationship_to_child: Mapped[str] = mapped_column(String(40), default="parent")
    parental_responsibility: Mapped[bool] = mapped_column(Boolean, default=True)
    phone: Mapped[str] = mapped_column(String(30), default="")
    language: Mapped[str] = mapped_column(String(40), default="English")
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    lives_with_child: Mapped[bool] = mapped_column(Boolean, default=True)
    # An adult is never deleted: one who leaves the family is ended, with the day and the
    # reason (schema 0008).
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")
    # Schema 0009, for an interview under caution: a person under 18 or a vulnerable adult
    # needs an appropriate adult (PACE Code C, 1.4-1.7 and 11.15).
    date_of_birth: Mapped[dt.date | None] = mapped_column(Date)
    vulnerable: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # Where this person lives must not appear in anything served (schema 0010): the family's
    # address when they live with the child.
    address_withheld: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class Case(Base):
    __tablename__ = "case_file"  # "case" is an SQL keyword
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    officer_id: Mapped[str | None] = mapped_column(ForeignKey("officer.id"), index=True)
    stage: Mapped[str] = mapped_column(String(20), default="referral")
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | closed
    referral_date: Mapped[dt.date] = mapped_column(Date)
    referral_source: Mapped[str] = mapped_column(String(120), default="")
    referral_reason: Mapped[str] = mapped_column(Text, default="")
    next_action: Mapped[str] = mapped_column(String(200), default="")
    next_action_due: Mapped[dt.date | None] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    closure_reason: Mapped[str] = mapped_column(String(200), default="")
    # At closure (schema 0008): the reason's key from the LA's list, and the attendance (a
    # percentage) before intervention and at its end.
    closure_code: Mapped[str] = mapped_column(String(40), default="")
    attendance_before: Mapped[float | None] = mapped_column(Float)
    attendance_after: Mapped[float | None] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer, default=1)

    child: Mapped[Child] = relationship()
    officer: Mapped[Officer | None] = relationship()


class RiskFlag(Base):
    """A warning about an address or a person that an officer must see before a visit."""

    __tablename__ = "risk_flag"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    family_id: Mapped[str | None] = mapped_column(ForeignKey("family.id"), index=True)
    adult_id: Mapped[str | None] = mapped_column(ForeignKey("adult.id"))
    category: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(10), default="medium")  # high | medium | low
    description: Mapped[str] = mapped_column(Text)
    two_officers_required: Mapped[bool] = mapped_column(Boolean, default=False)
    raised_on: Mapped[dt.date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # A flag is never deleted: it is ended, with the day and the reason (schema 0008).
    raised_by: Mapped[str | None] = mapped_column(String(36))  # an officer's id
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)


class ChronologyEntry(Base):
    """An event on a case. Once signed it is evidence: the database refuses to change it."""

    __tablename__ = "chronology_entry"
    __tracked__ = True
    __table_args__ = (
        Index("ix_chronology_case_time", "case_id", "occurred_at"),
        # covers the caseload's "last contact" aggregate without reading any note text
        Index("ix_chronology_type_case_time", "entry_type", "case_id", "occurred_at"),
        UniqueConstraint("case_id", "chain_device", "chain_seq", name="uq_chronology_chain"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"))
    entry_type: Mapped[str] = mapped_column(String(20))
    occurred_at: Mapped[dt.datetime]
    recorded_at: Mapped[dt.datetime]
    author_id: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    title: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    amends_id: Mapped[str | None] = mapped_column(ForeignKey("chronology_entry.id"), index=True)
    amend_reason: Mapped[str] = mapped_column(String(400), default="")
    # A structured record (home visit, assessment, review…): the form it was made with and
    # the answers, sealed with the rest of the entry when it is signed (schema 0003).
    form_id: Mapped[str | None] = mapped_column(String(60))
    form_version: Mapped[int | None] = mapped_column(Integer)
    answers: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    signed_at: Mapped[dt.datetime | None]
    signed_by: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    chain_seq: Mapped[int | None] = mapped_column(Integer)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    content_hash: Mapped[str | None] = mapped_column(String(64))
    # Whose chain on the case it was sealed into (schema 0012): the signing profile's
    # ``chain_device`` setting; "" for the one chain of entries sealed before 0012.
    chain_device: Mapped[str] = mapped_column(String(36), default="", server_default="")


class Draft(Base):
    """Text being typed, autosaved every few seconds; local only, never synced."""

    __tablename__ = "draft"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="note")
    entry_type: Mapped[str] = mapped_column(String(20), default="note")
    title: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    form_id: Mapped[str | None] = mapped_column(String(60))
    form_version: Mapped[int | None] = mapped_column(Integer)
    answers: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime]
    occurred_at: Mapped[dt.datetime | None]  # when the event happened, if not "now" (0008)
    __table_args__ = (UniqueConstraint("case_id", "kind", name="uq_draft_case_kind"),)


class VisitPlan(Base):
    """A home visit planned for a date and time; done when its record is signed."""

    __tablename__ = "visit_plan"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    planned_for: Mapped[dt.datetime]
    address: Mapped[str] = mapped_column(String(300), default="")
    purpose: Mapped[str] = mapped_column(String(300), default="")
    officer_id: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    second_officer_id: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    status: Mapped[str] = mapped_column(String(12), default="planned")  # planned|done|cancelled
    record_id: Mapped[str | None] = mapped_column(ForeignKey("chronology_entry.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Why it was cancelled or last moved (schema 0008); the chronology says it too.
    change_reason: Mapped[str] = mapped_column(Text, default="")


class RiskAcknowledgement(Base):
    """An officer confirmed they read the risk flags before a visit (kept as evidence)."""

    __tablename__ = "risk_acknowledgement"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    visit_plan_id: Mapped[str | None] = mapped_column(ForeignKey("visit_plan.id"))
    officer_id: Mapped[str] = mapped_column(ForeignKey("officer.id"))
    acknowledged_at: Mapped[dt.datetime]
    flags: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # what was shown, as shown


class Plan(Base):
    """A support plan: targets and actions, reviewed on a set date."""

    __tablename__ = "plan"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    agreed_on: Mapped[dt.date] = mapped_column(Date)
    review_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="active")  # active | ended
    summary: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)


class PlanTarget(Base):
    __tablename__ = "plan_target"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plan.id"), index=True)
    description: Mapped[str] = mapped_column(String(300))
    attendance_pct: Mapped[float | None]
    over_weeks: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)


class PlanAction(Base):
    __tablename__ = "plan_action"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plan.id"), index=True)
    description: Mapped[str] = mapped_column(String(300))
    owner: Mapped[str] = mapped_column(String(12))  # officer | school | parent | agency
    owner_name: Mapped[str] = mapped_column(String(120), default="")
    due_on: Mapped[dt.date] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)


class AttendanceMark(Base):
    __tablename__ = "attendance_mark"
    __table_args__ = (
        UniqueConstraint("child_id", "date", "session", name="uq_attendance_child_session"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"))
    date: Mapped[dt.date] = mapped_column(Date)
    session: Mapped[str] = mapped_column(String(2))  # AM | PM
    code: Mapped[str] = mapped_column(String(2))
    code_set: Mapped[str] = mapped_column(String(4), default="2024")
    school_urn: Mapped[str] = mapped_column(String(6), default="")
    source_import: Mapped[str] = mapped_column(String(80), default="")


class Attachment(Base):
    __tablename__ = "attachment"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    entry_id: Mapped[str | None] = mapped_column(ForeignKey("chronology_entry.id"))
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[dt.datetime]
    added_by: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))


class ChildAttendanceYear(Base):
    """A child's totals for one school year, kept in step with the marks whenever they change
    (import, demo), so that the caseload shows each child's LA band without reading every
    mark. Derived data: never synced, always recomputable from ``attendance_mark``."""

    __tablename__ = "child_attendance_year"
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), primary_key=True)
    school_year: Mapped[int] = mapped_column(Integer, primary_key=True)  # the year it starts
    possible: Mapped[int] = mapped_column(Integer, default=0)
    attending: Mapped[int] = mapped_column(Integer, default=0)  # present + approved activity
    authorised: Mapped[int] = mapped_column(Integer, default=0)
    unauthorised: Mapped[int] = mapped_column(Integer, default=0)
    first_mark: Mapped[dt.date | None] = mapped_column(Date)
    last_mark: Mapped[dt.date | None] = mapped_column(Date)


class Letter(Base):
    """A letter or notice sent on a case. The exact PDF sent is kept as an encrypted
    attachment; the sending is a signed chronology entry that carries the PDF's SHA-256."""

    __tablename__ = "letter"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    template_id: Mapped[str] = mapped_column(String(60))
    template_version: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[str] = mapped_column(String(200))
    recipient_adult_id: Mapped[str | None] = mapped_column(ForeignKey("adult.id"))
    recipient_name: Mapped[str] = mapped_column(String(160), default="")
    sent_on: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(10))  # post | hand | email
    pages: Mapped[int] = mapped_column(Integer, default=1)
    sha256: Mapped[str] = mapped_column(String(64))
    attachment_id: Mapped[str | None] = mapped_column(ForeignKey("attachment.id"))
    entry_id: Mapped[str | None] = mapped_column(ForeignKey("chronology_entry.id"))
    batch_id: Mapped[str | None] = mapped_column(String(36), index=True)
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))


class LetterBatch(Base):
    """One template's letters for many cases, made case by case and sent together.

    Its identity (template, asks, date, the cases it was started with, in order) lets a rerun
    resume it where it stopped; its state says where it is: ``preparing`` (cases left to
    make), ``prepared`` (every case made, nothing yet confirmed as sent), ``sent`` (the officer
    confirmed the post went out), ``abandoned`` (its prepared letters were never sent)."""

    __tablename__ = "letter_batch"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    template_id: Mapped[str] = mapped_column(String(60), index=True)
    template_version: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[str] = mapped_column(String(200))
    asks: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    dated: Mapped[dt.date] = mapped_column(Date)
    case_ids: Mapped[list[str]] = mapped_column(JSON, default=list)  # in the order started
    selection: Mapped[str] = mapped_column(String(200), default="")
    state: Mapped[str] = mapped_column(String(12), default="preparing")
    cases_done: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[list[list[str]]] = mapped_column(JSON, default=list)  # [case, ref, why]
    sent_on: Mapped[dt.date | None] = mapped_column(Date)
    method: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    updated_at: Mapped[dt.datetime]
    updated_by: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))


class BatchLetter(Base):
    """A letter a batch made for one recipient: its copy kept encrypted, NOT yet sent.

    Only when the officer confirms the post went out does it become a :class:`Letter` (with
    its signed chronology entry) and its state ``sent``; ``abandoned`` marks one never sent.
    One letter per case and recipient in a batch."""

    __tablename__ = "letter_batch_letter"
    __tracked__ = True
    __table_args__ = (UniqueConstraint("batch_id", "case_id", "recipient_adult_id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    batch_id: Mapped[str] = mapped_column(ForeignKey("letter_batch.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # the case's place in the batch
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    recipient_adult_id: Mapped[str] = mapped_column(ForeignKey("adult.id"))
    recipient_name: Mapped[str] = mapped_column(String(160), default="")
    pages: Mapped[int] = mapped_column(Integer, default=1)
    sha256: Mapped[str] = mapped_column(String(64))
    attachment_id: Mapped[str] = mapped_column(ForeignKey("attachment.id"))
    text: Mapped[str] = mapped_column(Text, default="")  # quoted by the entry when sent
    state: Mapped[str] = mapped_column(String(10), default="prepared")
    letter_id: Mapped[str | None] = mapped_column(ForeignKey("letter.id"))
    created_at: Mapped[dt.datetime]


class PenaltyNotice(Base):
    """One penalty notice to one parent for one child, from being considered to its end.

    The row holds the notice's current state (what reg 20 of SI 2007/1867 asks the LA to
    keep: the copy, payments and their dates, withdrawal and why, prosecution); every step is
    also a signed chronology entry on the case, so the history is evidence.
    """

    __tablename__ = "penalty_notice"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    parent_id: Mapped[str] = mapped_column(ForeignKey("adult.id"), index=True)
    # considered | notice_to_improve | not_issued | issued | paid_21 | paid_28 | unpaid
    # | withdrawn | prosecuted
    status: Mapped[str] = mapped_column(String(20), default="considered")
    grounds: Mapped[str] = mapped_column(String(30), default="unauthorised_absence")
    considered_on: Mapped[dt.date] = mapped_column(Date)
    considered_by: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the threshold, as seen
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    # legal action needs a supervisor's authority (domain.md): who gave it, and when
    authorised_by: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    authorised_on: Mapped[dt.date | None] = mapped_column(Date)
    nti_letter_id: Mapped[str | None] = mapped_column(ForeignKey("letter.id"))
    nti_on: Mapped[dt.date | None] = mapped_column(Date)
    nti_until: Mapped[dt.date | None] = mapped_column(Date)
    number: Mapped[str | None] = mapped_column(String(30), unique=True)
    ordinal: Mapped[int | None] = mapped_column(Integer)
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    served_by: Mapped[str] = mapped_column(String(10), default="")  # hand | post
    received_on: Mapped[dt.date | None] = mapped_column(Date)
    amount_21: Mapped[int | None] = mapped_column(Integer)  # whole pounds; None: no reduced rate
    amount_28: Mapped[int | None] = mapped_column(Integer)
    notice_letter_id: Mapped[str | None] = mapped_column(ForeignKey("letter.id"))
    paid_on: Mapped[dt.date | None] = mapped_column(Date)
    amount_paid: Mapped[int | None] = mapped_column(Integer)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")
    prosecution_on: Mapped[dt.date | None] = mapped_column(Date)
    prosecution_note: Mapped[str] = mapped_column(Text, default="")
    # Schema 0007. A notice issued by someone else (a head teacher, the police, another LA):
    # the issuer's kind ("" for this LA's own notices) and name, and the absence period it
    # covered; it counts towards the limit and the overlap check like the LA's own.
    issuer: Mapped[str] = mapped_column(String(20), default="", server_default="")
    issuer_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    period_from: Mapped[dt.date | None] = mapped_column(Date)
    period_to: Mapped[dt.date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)


class EsoDecision(Base):
    """The LA's decision on an Education Supervision Order before prosecuting (s447
    Education Act 1996): when it was considered, by whom, the decision and the reason.
    Also signed into the case's chronology (schema 0007)."""

    __tablename__ = "eso_decision"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    considered_on: Mapped[dt.date] = mapped_column(Date)
    considered_by: Mapped[str] = mapped_column(String(160))
    decision: Mapped[str] = mapped_column(String(20))  # apply | not_apply
    reason: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)


class AuditEvent(Base):
    """Who did what, when: append-only (the database refuses UPDATE and DELETE)."""

    __tablename__ = "audit_event"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime]
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(30))
    entity_type: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[str] = mapped_column(String(36), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Chained like the evidence (schema 0006): set by store/audit_chain.py as rows are added.
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class OutboxMutation(Base):
    """A field-level change waiting to go to the central store (anchors-sync.md §7.4)."""

    __tablename__ = "outbox"
    device_seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(10))  # create | update | delete | sign
    base_version: Mapped[int | None] = mapped_column(Integer)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    schema_version: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime]
    # pending | inflight | applied | duplicate | conflict | rejected | synced (sync_models)
    state: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    # schema 0011: the server's answer (protocol.MutationResult), sends tried, the last refusal
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str] = mapped_column(Text, default="", server_default="")


class ProfileSetting(Base):
    """Small facts about this profile (its officer, its device id)."""

    __tablename__ = "profile_setting"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ChainHead(Base):
    """The last link of one evidence chain of a case (schema 0006; one chain per device that
    sealed on the case from schema 0012), kept by SQL triggers on ``chronology_entry`` as each
    entry is signed; it never moves back and is never deleted, so entries removed from the end
    of a chain, or a whole chain, show in ``verify``."""

    __tablename__ = "chain_head"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), primary_key=True)
    chain_device: Mapped[str] = mapped_column(String(36), primary_key=True, server_default="")
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class ChainHeadPending(Base):
    """Heads moved by the transaction in progress, as they stood before it (filled by the
    signing triggers, emptied when the profile head is sealed at commit)."""

    __tablename__ = "chain_head_pending"
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    chain_device: Mapped[str] = mapped_column(String(36), primary_key=True, server_default="")
    old_seq: Mapped[int | None] = mapped_column(Integer)
    old_hash: Mapped[str | None] = mapped_column(String(64))


class EvidenceHead(Base):
    """One row: the profile-wide head over every case's chain head, and the audit log's head
    (schema 0006). Printed on LA-wide documents; what a central store will keep a copy of."""

    __tablename__ = "evidence_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chains: Mapped[int] = mapped_column(Integer)
    entries: Mapped[int] = mapped_column(Integer)
    profile_hash: Mapped[str] = mapped_column(String(64))
    audit_seq: Mapped[int] = mapped_column(Integer)
    audit_hash: Mapped[str] = mapped_column(String(64))


def apply_defaults(obj: Base) -> None:
    """Fill Python-side column defaults now rather than at flush (hashes and the outbox need
    the values the row will really have)."""
    from sqlalchemy import inspect

    for col in inspect(obj).mapper.columns:
        if col.default is not None and getattr(obj, col.key, None) is None:
            default: Any = col.default
            setattr(obj, col.key, default.arg(None) if default.is_callable else default.arg)


from officer_app.store.court_models import (  # noqa: E402
    EvidencePack as EvidencePack,
)
from officer_app.store.court_models import (  # noqa: E402
    Exhibit as Exhibit,
)
from officer_app.store.court_models import (  # noqa: E402
    Interview as Interview,
)
from officer_app.store.court_models import (  # noqa: E402
    Statement as Statement,
)
from officer_app.store.court_models import (  # noqa: E402
    StatementVersion as StatementVersion,
)
from officer_app.store.sync_models import (  # noqa: E402
    PurgedCase as PurgedCase,
)
from officer_app.store.sync_models import (  # noqa: E402
    PurgeMarker as PurgeMarker,
)
from officer_app.store.sync_models import (  # noqa: E402
    SyncConflict as SyncConflict,
)
from officer_app.store.sync_models import (  # noqa: E402
    SyncEntity as SyncEntity,
)
from officer_app.store.sync_models import (  # noqa: E402
    SyncEntityScope as SyncEntityScope,
)
from officer_app.store.sync_models import (  # noqa: E402
    SyncScope as SyncScope,
)
