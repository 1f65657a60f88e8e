"""The facts a penalty notice's steps gather and show: what a notice is, as the window sees it
(:class:`NoticeInfo`), the threshold evidence read from the child's register, the plan for
issuing (amounts and payment dates under the national rules) and the rows a step reads.

Everything here reads inside a session it is given; nothing writes. The national rules
themselves (amounts, the limit of two notices in three years, payment periods) are in
officer_app/domain/penalty_notices.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.domain import penalty_notices as rules
from officer_app.domain.attendance import CodeTable, Mark, percentage, summarise
from officer_app.domain.penalty_notices import (
    Grounds,
    NoticeStatus,
    StepRefused,
    ThresholdEvidence,
)
from officer_app.services import notice_records as records
from officer_app.store.models import Adult, AttendanceMark, Case, Child, Officer, PenaltyNotice

UNAUTHORISED_CODES = ("G", "N", "O", "U")


class NoticeRefused(StepRefused):
    """A step refused; ``alternatives`` lists what to consider instead (a third notice)."""

    def __init__(self, message: str, alternatives: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.alternatives = tuple(alternatives)


@dataclass(frozen=True)
class ParentChoice:
    id: str
    name: str
    relationship: str
    parental_responsibility: bool


@dataclass(frozen=True)
class NoticeInfo:
    id: str
    case_id: str
    case_reference: str
    child_id: str
    child_name: str
    parent_id: str
    parent_name: str
    status: NoticeStatus
    status_label: str
    grounds: Grounds
    considered_on: dt.date
    considered_by: str
    evidence: ThresholdEvidence
    decision_reason: str
    authorised_by: str
    authorised_on: dt.date | None
    nti_on: dt.date | None
    nti_until: dt.date | None
    nti_letter_id: str | None
    number: str | None
    ordinal: int | None
    issued_on: dt.date | None
    served_by: str
    received_on: dt.date | None
    amount_21: int | None
    amount_28: int | None
    reduced_by: dt.date | None
    full_by: dt.date | None
    notice_letter_id: str | None
    paid_on: dt.date | None
    amount_paid: int | None
    withdrawn_on: dt.date | None
    withdrawn_reason: str
    prosecution_on: dt.date | None
    prosecution_note: str
    next_steps: tuple[NoticeStatus, ...] = ()
    issuer: str = ""  # "" for the LA's own; else a key of notice_records.ISSUERS
    issuer_name: str = ""

    @property
    def issued_by_others(self) -> str:
        """The words for a notice issued by someone else; empty for the LA's own."""
        if not self.issuer:
            return ""
        return f"Issued by {records.ISSUERS.get(self.issuer, self.issuer)} ({self.issuer_name})"

    @property
    def amount_text(self) -> str:
        if self.amount_28 is None:
            return ""
        if self.amount_21 is None:
            return f"£{self.amount_28}"
        return f"£{self.amount_21} / £{self.amount_28}"


@dataclass(frozen=True)
class IssuePlan:
    """What issuing a notice to this parent on this day would mean (or why it is refused)."""

    decision: rules.NoticeDecision
    received_on: dt.date
    reduced_by: dt.date | None
    full_by: dt.date | None


# --- the threshold evidence and the plan for issuing -----------------------------------------
def threshold_evidence(
    marks: list[Mark], first: dt.date, last: dt.date, *, codes: CodeTable, computed_on: dt.date
) -> ThresholdEvidence:
    """The evidence a notice states: the dates of the run of 10 school weeks named (kept
    inside the range considered, whose weeks run Monday to Sunday) and the count OF THOSE
    DATES, never the largest count of another run (issue 9 point 2)."""
    summary = summarise(marks, "", first, last, codes=codes)
    pn = summary.penalty_notice_threshold
    in_window: dict[str, int] = {}
    count = 0
    window_from = window_to = None
    if pn.window_from is not None and pn.window_to is not None:
        window_from, window_to = max(pn.window_from, first), min(pn.window_to, last)
        window = summarise(marks, "", window_from, window_to, codes=codes)
        in_window = {c: window.by_code.get(c, 0) for c in UNAUTHORISED_CODES}
        count = window.unauthorised
    pct = percentage(summary.present + summary.approved_activity, summary.possible)
    return ThresholdEvidence(
        first=first,
        last=last,
        computed_on=computed_on,
        met=pn.met,
        unauthorised_in_window=count,
        window_from=window_from,
        window_to=window_to,
        codes_in_window=in_window,
        possible=summary.possible,
        unauthorised=summary.unauthorised,
        attendance_pct=None if pct is None else str(pct),
    )


def check_count(seen: ThresholdEvidence) -> None:
    """Refuse to state a count with dates it does not belong to (issue 9 point 2)."""
    if not seen.count_is_of_its_dates():
        raise NoticeRefused(
            "the evidence recorded when the notice was considered states a count that is not "
            "the count of its dates: consider again on the register as it stands"
        )


def issue_plan(
    session: Session,
    row: PenaltyNotice,
    issued_on: dt.date,
    served_by: str,
    received_on: dt.date | None,
) -> IssuePlan:
    """The national rules applied to the notices already issued to this parent for this child:
    whether this one may be issued on ``issued_on``, for how much, and when it must be paid."""
    earlier = [
        rules.Notice(n.parent_id, n.child_id, n.issued_on, NoticeStatus(n.status))
        for n in session.scalars(
            select(PenaltyNotice).where(
                PenaltyNotice.parent_id == row.parent_id,
                PenaltyNotice.child_id == row.child_id,
                PenaltyNotice.issued_on.is_not(None),
                PenaltyNotice.id != row.id,
            )
        )
        if n.issued_on is not None
    ]
    decision = rules.next_notice(
        earlier, parent_id=row.parent_id, child_id=row.child_id, on=issued_on
    )
    received = received_on or rules.presumed_receipt(issued_on, served_by)
    if not decision.allowed or decision.amount_within_28_days is None:
        return IssuePlan(decision, received, None, None)
    dates = rules.payment_dates(received, decision.amount_within_21_days)
    return IssuePlan(decision, received, dates.reduced_by, dates.full_by)


# --- rows a step reads -------------------------------------------------------------------------
def adult_name(adult: Adult) -> str:
    return f"{adult.forename} {adult.surname}"


def case_row(session: Session, case_id: str) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NoticeRefused(f"no case with id {case_id}")
    return case


def notice_row(session: Session, notice_id: str) -> PenaltyNotice:
    row = session.get(PenaltyNotice, notice_id)
    if row is None:
        raise NoticeRefused(f"no penalty notice with id {notice_id}")
    return row


def family_adults(session: Session, case: Case) -> dict[str, Adult]:
    child = session.get_one(Child, case.child_id)
    return {
        a.id: a for a in session.scalars(select(Adult).where(Adult.family_id == child.family_id))
    }


def register_marks(session: Session, case_id: str) -> list[Mark]:
    """The child's attendance register, every mark in order of day and session."""
    child_id = session.scalar(select(Case.child_id).where(Case.id == case_id))
    return [
        Mark(day, part, code)
        for day, part, code in session.execute(
            select(AttendanceMark.date, AttendanceMark.session, AttendanceMark.code)
            .where(AttendanceMark.child_id == child_id)
            .order_by(AttendanceMark.date, AttendanceMark.session)
        )
    ]


def next_number(session: Session, officer_id: str, issued_on: dt.date) -> str:
    """The next notice number for this officer and year: PN-2026-DO-0007. The officer's
    initials keep numbers made on different laptops apart."""
    officer = session.get(Officer, officer_id)
    initials = (officer.initials if officer else "XX").upper()
    prefix = f"PN-{issued_on.year}-{initials}-"
    used = session.scalar(
        select(func.count())
        .select_from(PenaltyNotice)
        .where(PenaltyNotice.number.like(f"{prefix}%"))
    )
    return f"{prefix}{int(used or 0) + 1:04d}"


def notice_info(session: Session, row: PenaltyNotice) -> NoticeInfo:
    case = session.get_one(Case, row.case_id)
    child = session.get_one(Child, row.child_id)
    parent = session.get_one(Adult, row.parent_id)
    officers = dict(session.execute(select(Officer.id, Officer.name)).all())
    status = NoticeStatus(row.status)
    dates = (
        rules.payment_dates(row.received_on, row.amount_21) if row.received_on is not None else None
    )
    return NoticeInfo(
        id=row.id,
        case_id=row.case_id,
        case_reference=case.reference,
        child_id=row.child_id,
        child_name=f"{child.forename} {child.surname}",
        parent_id=row.parent_id,
        parent_name=adult_name(parent),
        status=status,
        status_label=rules.STATUS_LABELS[status],
        grounds=Grounds(row.grounds),
        considered_on=row.considered_on,
        considered_by=officers.get(row.considered_by or "", ""),
        evidence=ThresholdEvidence.from_json(row.evidence),
        decision_reason=row.decision_reason,
        authorised_by=officers.get(row.authorised_by or "", ""),
        authorised_on=row.authorised_on,
        nti_on=row.nti_on,
        nti_until=row.nti_until,
        nti_letter_id=row.nti_letter_id,
        number=row.number,
        ordinal=row.ordinal,
        issued_on=row.issued_on,
        served_by=row.served_by,
        received_on=row.received_on,
        amount_21=row.amount_21,
        amount_28=row.amount_28,
        reduced_by=dates.reduced_by if dates else None,
        full_by=dates.full_by if dates else None,
        notice_letter_id=row.notice_letter_id,
        paid_on=row.paid_on,
        amount_paid=row.amount_paid,
        withdrawn_on=row.withdrawn_on,
        withdrawn_reason=row.withdrawn_reason,
        prosecution_on=row.prosecution_on,
        prosecution_note=row.prosecution_note,
        next_steps=tuple(
            sorted(
                s
                for s in rules.NEXT_STATUSES.get(status, frozenset())
                # someone else's notice has no receipt here: only withdrawal and prosecution
                if not row.issuer or s in (NoticeStatus.WITHDRAWN, NoticeStatus.PROSECUTED)
            )
        ),
        issuer=row.issuer,
        issuer_name=row.issuer_name,
    )
