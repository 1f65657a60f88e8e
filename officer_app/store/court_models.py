"""The tables of the legal end of a case: interviews under caution (schema 0009), exhibits,
witness statements with every saved version, and evidence packs (schema 0010). They share
``Base``'s metadata; :mod:`officer_app.store.models` imports them, so they are reached from
there like every other table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from officer_app.store.column_types import new_id
from officer_app.store.models import Base


class Interview(Base):
    """An interview under caution (PACE Codes C and E), from its plan to its sealed record.

    The plan lives here (offence, interviewee, period, place, people, and in ``plan`` the
    topics, statements to put and documents to show); the record being made is a draft of
    kind ``interview`` (local only, autosaved); once closed, the record is a signed
    chronology entry (``record_id``) and an exhibit of the interviewing officer (schema 0009).
    """

    __tablename__ = "interview"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    interviewee_id: Mapped[str] = mapped_column(ForeignKey("adult.id"))
    offence: Mapped[str] = mapped_column(String(10))  # s444_1 | s444_1a
    period_from: Mapped[dt.date] = mapped_column(Date)
    period_to: Mapped[dt.date] = mapped_column(Date)
    place_kind: Mapped[str] = mapped_column(String(10), default="office")  # office | home
    place: Mapped[str] = mapped_column(Text, default="")
    planned_for: Mapped[dt.datetime | None]
    interviewer_id: Mapped[str] = mapped_column(ForeignKey("officer.id"))
    second_officer_id: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    recording: Mapped[str] = mapped_column(String(10), default="written")  # written | audio
    plan: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # planned | in_progress | deferred | completed | cancelled
    status: Mapped[str] = mapped_column(String(12), default="planned")
    status_reason: Mapped[str] = mapped_column(Text, default="")
    record_id: Mapped[str | None] = mapped_column(ForeignKey("chronology_entry.id"))
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)


class Exhibit(Base):
    """An exhibit: a record or a document produced by an officer, labelled with their
    initials and a number that runs on across all their statements in the case (``JS/3``).
    A label once given is never changed or taken back (the database refuses both)."""

    __tablename__ = "exhibit"
    __tracked__ = True
    __table_args__ = (
        UniqueConstraint("case_id", "producer_id", "number", name="uq_exhibit_number"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    producer_id: Mapped[str] = mapped_column(ForeignKey("officer.id"))
    number: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(String(300), default="")
    entry_id: Mapped[str | None] = mapped_column(ForeignKey("chronology_entry.id"), index=True)
    attachment_id: Mapped[str | None] = mapped_column(ForeignKey("attachment.id"))
    produced_at: Mapped[dt.datetime]


class Statement(Base):
    """A witness statement (s9 Criminal Justice Act 1967; CrimPR Part 16): the officer's own,
    drafted from the case, or another witness's typed in. Its text lives in its versions,
    every one kept (drafts that differ from the final may have to be disclosed); signing
    seals the final version into the case's chain as ``entry_id`` (schema 0010)."""

    __tablename__ = "statement"
    __tracked__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    witness_kind: Mapped[str] = mapped_column(String(10), default="officer")  # officer | other
    officer_id: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    witness_name: Mapped[str] = mapped_column(String(160))
    occupation: Mapped[str] = mapped_column(String(160), default="")
    age_text: Mapped[str] = mapped_column(String(40), default="over 18")
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft | signed
    entry_id: Mapped[str | None] = mapped_column(ForeignKey("chronology_entry.id"))
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)


class StatementVersion(Base):
    """One saved version of a statement's text: never changed or removed (the database
    refuses both), so every draft stays for disclosure (CPIA 1996)."""

    __tablename__ = "statement_version"
    __tracked__ = True
    __table_args__ = (
        UniqueConstraint("statement_id", "number", name="uq_statement_version_number"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    statement_id: Mapped[str] = mapped_column(ForeignKey("statement.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    paragraphs: Mapped[list[str]] = mapped_column(JSON)
    exhibits: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    saved_at: Mapped[dt.datetime]
    saved_by: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    sha256: Mapped[str] = mapped_column(String(64))  # of the text as saved
    pages: Mapped[int | None] = mapped_column(Integer)


class EvidencePack(Base):
    """One version of an evidence pack for a prosecution: draft, approved by a court
    officer, served (date and method). A served pack is frozen (the database refuses to
    change it); building again makes a new version (schema 0010)."""

    __tablename__ = "evidence_pack"
    __tracked__ = True
    __table_args__ = (UniqueConstraint("case_id", "number", name="uq_evidence_pack_number"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1, 2, … on the case
    reference: Mapped[str] = mapped_column(String(40), unique=True)  # ATT-2026-00011/P2
    offence: Mapped[str] = mapped_column(String(10))  # s444_1 | s444_1a
    period_from: Mapped[dt.date] = mapped_column(Date)
    period_to: Mapped[dt.date] = mapped_column(Date)
    defendants: Mapped[list[str]] = mapped_column(JSON, default=list)  # adult ids
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft|approved|served
    approved_by: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    approved_at: Mapped[dt.datetime | None]
    served_on: Mapped[dt.date | None] = mapped_column(Date)
    served_method: Mapped[str] = mapped_column(String(40), default="")
    attachment_id: Mapped[str | None] = mapped_column(ForeignKey("attachment.id"))
    sha256: Mapped[str] = mapped_column(String(64), default="")
    pages: Mapped[int] = mapped_column(Integer, default=0)
    manifest: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    built_at: Mapped[dt.datetime]
    built_by: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
