"""The rows of witness statements read into the services' dataclasses, the exhibits fixed at
signing, and what a statement's PDF is printed from (for :mod:`.statements`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import uk_local
from officer_app.services.exhibits import new_exhibit
from officer_app.services.statement_facts import (
    ExhibitRef,
    StatementDraft,
    StatementInfo,
    StatementNotFound,
    VersionInfo,
)
from officer_app.store.models import Case, ChronologyEntry, Exhibit, Statement, StatementVersion

if TYPE_CHECKING:
    from officer_app.documents.statement_pdf import StatementDocument


def get(session: Session, statement_id: str) -> Statement:
    row = session.get(Statement, statement_id)
    if row is None:
        raise StatementNotFound(f"no statement with id {statement_id}")
    return row


def latest(session: Session, statement_id: str) -> StatementVersion:
    return session.scalars(
        select(StatementVersion)
        .where(StatementVersion.statement_id == statement_id)
        .order_by(StatementVersion.number.desc())
        .limit(1)
    ).one()


def version(session: Session, statement_id: str, number: int | None) -> StatementVersion:
    if number is None:
        return latest(session, statement_id)
    row = session.scalar(
        select(StatementVersion).where(
            StatementVersion.statement_id == statement_id, StatementVersion.number == number
        )
    )
    if row is None:
        raise StatementNotFound(f"the statement has no version {number}")
    return row


def signed_on(session: Session, row: Statement) -> dt.date | None:
    if row.status != "signed" or row.entry_id is None:
        return None
    entry = session.get_one(ChronologyEntry, row.entry_id)
    signed_on = (entry.answers or {}).get("signed_on")
    return dt.date.fromisoformat(signed_on) if signed_on else uk_local(entry.occurred_at).date()


def info(session: Session, row: Statement) -> StatementInfo:
    last = latest(session, row.id)
    reference = session.scalar(select(Case.reference).where(Case.id == row.case_id)) or ""
    return StatementInfo(
        id=row.id,
        case_id=row.case_id,
        case_reference=reference,
        witness_kind=row.witness_kind,
        witness_name=row.witness_name,
        occupation=row.occupation,
        age_text=row.age_text,
        status=row.status,
        latest_version=last.number,
        paragraphs=tuple(last.paragraphs),
        exhibits=tuple(ExhibitRef.from_json(e) for e in last.exhibits),
        entry_id=row.entry_id,
        pages=last.pages if row.status == "signed" else None,
        version=row.version,
        officer_id=row.officer_id,
        signed_on=signed_on(session, row),
    )


def version_info(row: StatementVersion, names: dict[str, str]) -> VersionInfo:
    return VersionInfo(
        number=row.number,
        saved_at=row.saved_at,
        saved_by=names.get(row.saved_by or "", ""),
        sha256=row.sha256,
        pages=row.pages,
        paragraphs=tuple(row.paragraphs),
        exhibits=tuple(ExhibitRef.from_json(e) for e in row.exhibits),
    )


def fix_labels(
    session: Session, row: Statement, last: StatementVersion, at: dt.datetime
) -> tuple[tuple[ExhibitRef, ...], dict[str, str]]:
    """Give each provisional exhibit of an officer's statement its row, in order: the same
    thing already labelled (by another statement signed meanwhile) keeps that label;
    anything else takes the officer's next number. Returns the exhibits and the labels that
    moved."""
    refs = [ExhibitRef.from_json(e) for e in last.exhibits]
    if row.witness_kind != "officer" or row.officer_id is None:
        return tuple(refs), {}
    changes: dict[str, str] = {}
    fixed: list[ExhibitRef] = []
    for ref in refs:
        if not ref.provisional:
            fixed.append(ref)
            continue
        label = already_labelled(session, row.case_id, ref)
        if label is None:
            label = new_exhibit(
                session,
                row.case_id,
                row.officer_id,
                ref.description,
                at,
                entry_id=ref.entry_id,
                attachment_id=ref.attachment_id,
            )
        if label != ref.label:
            changes[ref.label] = label
        fixed.append(ExhibitRef(**{**ref.__dict__, "label": label, "provisional": False}))
    return tuple(fixed), changes


def already_labelled(session: Session, case_id: str, ref: ExhibitRef) -> str | None:
    query = select(Exhibit.label).where(Exhibit.case_id == case_id)
    if ref.entry_id:
        query = query.where(Exhibit.entry_id == ref.entry_id)
    elif ref.attachment_id:
        query = query.where(Exhibit.attachment_id == ref.attachment_id)
    elif ref.kind == "register":
        query = query.where(Exhibit.description == ref.description)
    else:
        return None
    return session.scalar(query.order_by(Exhibit.produced_at).limit(1))


def document(
    row: Statement,
    reference: str,
    paragraphs: tuple[str, ...],
    exhibits: tuple[ExhibitRef, ...],
    signed_on: dt.date | None,
    version: int | None,
    la_name: str,
) -> StatementDocument:
    from officer_app.documents.statement_pdf import StatementDocument, StatementExhibit

    return StatementDocument(
        witness_name=row.witness_name,
        occupation=row.occupation,
        age_text=row.age_text,
        case_reference=reference,
        paragraphs=paragraphs,
        exhibits=tuple(StatementExhibit(e.label, e.description) for e in exhibits),
        signed_on=signed_on,
        la_name=la_name,
        version=version,
    )


def draft_document(draft: StatementDraft, reference: str, la_name: str) -> StatementDocument:
    from officer_app.documents.statement_pdf import StatementDocument, StatementExhibit

    return StatementDocument(
        witness_name=draft.witness_name,
        occupation=draft.occupation,
        age_text=draft.age_text,
        case_reference=reference,
        paragraphs=draft.paragraphs,
        exhibits=tuple(StatementExhibit(e.label, e.description) for e in draft.exhibits),
        signed_on=None,
        la_name=la_name,
    )
