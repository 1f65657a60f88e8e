"""The LA's record of penalty notices (reg 20 of SI 2007/1867), as rows, CSV and PDF.

For every notice issued the LA must keep a copy of the notice, the payments made and their
dates, whether it was withdrawn and why, and whether the recipient was prosecuted. The copy
is the exact PDF sent, kept encrypted on the case; the record names it by its SHA-256 so that
anyone can check the copy is the one served. A row is the documents' own
:class:`~officer_app.documents.model.RegisterRow`, built here from the store.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.documents.model import RegisterRow
from officer_app.domain import penalty_notices as rules
from officer_app.domain.evidence import EvidenceMark
from officer_app.domain.penalty_notices import Grounds, NoticeStatus, ThresholdEvidence
from officer_app.services.case_file import one_line_address
from officer_app.services.notice_records import ISSUERS
from officer_app.store.models import (
    Adult,
    Case,
    Child,
    Family,
    Letter,
    Officer,
    PenaltyNotice,
    School,
)

__all__ = ["CSV_COLUMNS", "EVIDENCE_COLUMN", "RegisterRow", "register_csv", "register_rows"]


CSV_COLUMNS = tuple(f.name for f in fields(RegisterRow))


def register_rows(
    session: Session, first: dt.date | None = None, last: dt.date | None = None
) -> list[RegisterRow]:
    """Every notice issued (withdrawn ones included), in order of issue; optionally only
    those issued from ``first`` to ``last``."""
    query = select(PenaltyNotice).where(PenaltyNotice.issued_on.is_not(None))
    if first is not None:
        query = query.where(PenaltyNotice.issued_on >= first)
    if last is not None:
        query = query.where(PenaltyNotice.issued_on <= last)
    notices = session.scalars(query.order_by(PenaltyNotice.issued_on, PenaltyNotice.number))
    return [_row(session, notice) for notice in notices]


def _row(session: Session, notice: PenaltyNotice) -> RegisterRow:
    case = session.get_one(Case, notice.case_id)
    child = session.get_one(Child, notice.child_id)
    parent = session.get_one(Adult, notice.parent_id)
    family = session.get(Family, parent.family_id)
    school = session.get(School, child.school_id) if child.school_id else None
    letter = session.get(Letter, notice.notice_letter_id) if notice.notice_letter_id else None
    supervisor = session.get(Officer, notice.authorised_by) if notice.authorised_by else None
    seen = ThresholdEvidence.from_json(notice.evidence)
    if notice.issued_on is None:
        raise ValueError(f"penalty notice {notice.id} is not issued")
    if not notice.issuer and (notice.ordinal is None or notice.amount_28 is None):
        raise ValueError(f"penalty notice {notice.id} is not issued")
    others = (
        f"{ISSUERS.get(notice.issuer, notice.issuer)} ({notice.issuer_name})"
        if notice.issuer
        else ""
    )
    return RegisterRow(
        number=notice.number or "",
        issued_on=notice.issued_on,
        case_reference=case.reference,
        parent_name=f"{parent.forename} {parent.surname}",
        parent_address=one_line_address(family),
        child_name=f"{child.forename} {child.surname}",
        child_date_of_birth=child.date_of_birth,
        school=school.name if school else "",
        grounds=Grounds(notice.grounds).label,
        offence_from=seen.window_from,
        offence_to=seen.window_to,
        unauthorised_sessions=seen.unauthorised_in_window,
        ordinal=notice.ordinal,
        amount_21=notice.amount_21,
        amount_28=notice.amount_28,
        served_by=notice.served_by,
        received_on=notice.received_on,
        authorised_by=supervisor.name if supervisor else "",
        copy_sha256=letter.sha256 if letter else "",
        copy_sent_on=letter.sent_on if letter else None,
        status=rules.STATUS_LABELS[NoticeStatus(notice.status)],
        paid_on=notice.paid_on,
        amount_paid=notice.amount_paid,
        withdrawn_on=notice.withdrawn_on,
        withdrawn_reason=notice.withdrawn_reason,
        prosecuted=notice.prosecution_on is not None,
        prosecution_on=notice.prosecution_on,
        prosecution_note=notice.prosecution_note,
        issued_by_others=others,
    )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    # a cell a spreadsheet would run as a formula is written as text
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


EVIDENCE_COLUMN = "evidence_head"


def register_csv(rows: Sequence[RegisterRow], *, evidence: EvidenceMark | None = None) -> bytes:
    """The record as CSV (UTF-8 with a byte-order mark, so Excel reads "£" and accents).
    ``evidence``: the profile head it was made from, stated in a last column on every row
    (a column, not a row of its own, so that every row still reads as a notice)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    head = [EVIDENCE_COLUMN] if evidence is not None else []
    writer.writerow([*CSV_COLUMNS, *head])
    for row in rows:
        writer.writerow(
            [_cell(getattr(row, name)) for name in CSV_COLUMNS]
            + ([evidence.line()] if evidence is not None else [])
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
