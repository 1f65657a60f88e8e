"""What stands between a notice or a prosecution and the law (issue 9, points 1, 6 and 7).

- **Double jeopardy.** Payment of a penalty notice discharges liability for the offence
  (s444A(4) Education Act 1996; domain.md "Penalty notices"): no second notice and no
  prosecution for an absence period that a notice to the same parent for the same child
  already covers, unless that notice was withdrawn. :func:`covering_notice` finds the notice
  that covers a period; the service refuses and names it.
- **s447 Education Act 1996.** Before instituting proceedings under s444 the LA must
  consider whether to apply for an Education Supervision Order. The case holds the decision
  (considered when, by whom, the decision and the reason), signed into its chronology;
  :func:`eso_refusal` says what is missing before a prosecution may be recorded.
- **Notices issued by others.** A head teacher (or deputy/assistant head authorised by the
  head), the police or another LA may issue a notice too (reg 5 SI 2007/1867): such a notice
  counts towards the limit of two in three years and covers its absence period like the
  LA's own. :class:`NoticeRecords` records one, kept in the chain.

The core never imports Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.domain.penalty_notices import (
    NoticeStatus,
    StepRefused,
    ThresholdEvidence,
)
from officer_app.store.models import Adult, Case, Child, EsoDecision, Officer, PenaltyNotice
from officer_app.wording import short_date

if TYPE_CHECKING:
    from officer_app.services.notice_facts import IssuePlan

ISSUERS: dict[str, str] = {
    "head_teacher": "a head teacher",
    "police": "the police",
    "other_la": "another local authority",
}
# The states a notice issued by someone else can be recorded in (it was issued already).
OTHERS_STATUSES: tuple[NoticeStatus, ...] = (
    NoticeStatus.ISSUED,
    NoticeStatus.PAID_21,
    NoticeStatus.PAID_28,
    NoticeStatus.UNPAID,
    NoticeStatus.WITHDRAWN,
    NoticeStatus.PROSECUTED,
)
ESO_DECISIONS: dict[str, str] = {
    "not_apply": "Not to apply for an Education Supervision Order",
    "apply": "To apply for an Education Supervision Order",
}
ESO_MISSING = (
    "before a prosecution, record the decision on an Education Supervision Order (s447 "
    "Education Act 1996): when it was considered, by whom, the decision and the reason"
)


class RecordRefused(StepRefused):
    """A record refused; the message says what is wrong or missing."""


@dataclass(frozen=True)
class EsoDecisionInfo:
    id: str
    case_id: str
    considered_on: dt.date
    considered_by: str
    decision: str
    decision_label: str
    reason: str
    recorded_by: str


# --- double jeopardy ------------------------------------------------------------------------
def notice_period(row: PenaltyNotice) -> tuple[dt.date, dt.date] | None:
    """The absence period a notice covers: the period recorded for a notice issued by someone
    else, the 10 school weeks of its evidence for the LA's own."""
    if row.issuer:
        if row.period_from is None or row.period_to is None:
            return None
        return row.period_from, row.period_to
    seen = ThresholdEvidence.from_json(row.evidence)
    if seen.window_from is None or seen.window_to is None:
        return None
    return seen.window_from, seen.window_to


def covering_notice(
    session: Session,
    *,
    parent_id: str,
    child_id: str,
    period: tuple[dt.date, dt.date],
    exclude_id: str | None = None,
) -> PenaltyNotice | None:
    """The earliest notice issued to this parent for this child, not withdrawn, whose absence
    period shares a day with ``period``; None when there is none."""
    query = select(PenaltyNotice).where(
        PenaltyNotice.parent_id == parent_id,
        PenaltyNotice.child_id == child_id,
        PenaltyNotice.issued_on.is_not(None),
        PenaltyNotice.status != NoticeStatus.WITHDRAWN.value,
    )
    if exclude_id is not None:
        query = query.where(PenaltyNotice.id != exclude_id)
    first, last = period
    for row in session.scalars(query.order_by(PenaltyNotice.issued_on, PenaltyNotice.id)):
        covered = notice_period(row)
        if covered is not None and covered[0] <= last and first <= covered[1]:
            return row
    return None


def covered_refusal(row: PenaltyNotice, what: str) -> str:
    """Why ``what`` (a notice, a prosecution) is refused: the notice that covers it."""
    covered = notice_period(row)
    assert covered is not None and row.issued_on is not None
    by = f" by {ISSUERS.get(row.issuer, row.issuer)}" if row.issuer else ""
    return (
        f"{what} is refused: the absence from {short_date(covered[0])} to {short_date(covered[1])} "
        f"overlaps the period covered by penalty notice {row.number} issued{by} on "
        f"{short_date(row.issued_on)} to the same parent for the same child, which was not "
        "withdrawn (payment discharges liability for the offence)"
    )


def check_not_covered(
    session: Session, row: PenaltyNotice, period: tuple[dt.date, dt.date] | None, what: str
) -> None:
    if period is None:
        return
    other = covering_notice(
        session, parent_id=row.parent_id, child_id=row.child_id, period=period, exclude_id=row.id
    )
    if other is not None:
        raise RecordRefused(covered_refusal(other, what))


def refused_if_covered(session: Session, row: PenaltyNotice, plan: IssuePlan) -> IssuePlan:
    """The plan for issuing ``row``, refused (with the covering notice named) when another
    notice already covers its absence: what the issue dialog shows before the officer acts."""
    period = notice_period(row)
    if not plan.decision.allowed or period is None:
        return plan
    other = covering_notice(
        session, parent_id=row.parent_id, child_id=row.child_id, period=period, exclude_id=row.id
    )
    if other is None:
        return plan
    refused = replace(
        plan.decision,
        allowed=False,
        amount_within_21_days=None,
        amount_within_28_days=None,
        reason=covered_refusal(other, "this notice"),
    )
    return replace(plan, decision=refused)


# --- s447 -----------------------------------------------------------------------------------
def eso_refusal(session: Session, case_id: str, laid_on: dt.date) -> str | None:
    """Why a prosecution laid on ``laid_on`` may not be recorded yet (no ESO decision made
    on or before that day), or None."""
    days = list(
        session.scalars(select(EsoDecision.considered_on).where(EsoDecision.case_id == case_id))
    )
    if not days:
        return ESO_MISSING
    if min(days) > laid_on:
        return (
            f"the decision on an Education Supervision Order was made on {short_date(min(days))}, "
            f"after the information was laid on {short_date(laid_on)}: s447 Education Act 1996 "
            "asks for it before prosecuting"
        )
    return None


def check_eso_fields(considered_by: str, decision: str, reason: str) -> None:
    missing = [
        label
        for label, ok in (
            ("who considered it", considered_by.strip()),
            ("the decision", decision in ESO_DECISIONS),
            ("the reason", reason.strip()),
        )
        if not ok
    ]
    if missing:
        raise RecordRefused(
            "the decision on an Education Supervision Order needs " + ", ".join(missing)
        )


def eso_info(session: Session, row: EsoDecision) -> EsoDecisionInfo:
    officer = session.get(Officer, row.recorded_by) if row.recorded_by else None
    return EsoDecisionInfo(
        id=row.id,
        case_id=row.case_id,
        considered_on=row.considered_on,
        considered_by=row.considered_by,
        decision=row.decision,
        decision_label=ESO_DECISIONS.get(row.decision, row.decision),
        reason=row.reason,
        recorded_by=officer.name if officer else "",
    )


def eso_decisions(session: Session, case_id: str) -> list[EsoDecisionInfo]:
    rows = session.scalars(
        select(EsoDecision)
        .where(EsoDecision.case_id == case_id)
        .order_by(EsoDecision.considered_on, EsoDecision.id)
    )
    return [eso_info(session, row) for row in rows]


# --- notices issued by others ---------------------------------------------------------------
@dataclass(frozen=True)
class OthersNotice:
    """A notice issued by someone else, as the officer learnt of it."""

    parent_id: str
    issuer: str  # a key of ISSUERS
    issuer_name: str  # the school and head teacher, the force, the LA
    number: str
    issued_on: dt.date
    status: NoticeStatus
    period_from: dt.date
    period_to: dt.date


def check_others_notice(notice: OthersNotice, today: dt.date) -> None:
    if notice.issuer not in ISSUERS:
        raise RecordRefused("say who issued the notice: a head teacher, the police or another LA")
    if not notice.issuer_name.strip():
        raise RecordRefused("name the issuer (the school, the police force or the LA)")
    if not notice.number.strip():
        raise RecordRefused("give the notice's number as the issuer wrote it")
    if notice.issued_on > today:
        raise RecordRefused("a notice cannot have been issued on a date still to come")
    if notice.period_from > notice.period_to:
        raise RecordRefused(
            f"the absence period ends ({short_date(notice.period_to)}) before it starts"
        )
    if notice.period_to > notice.issued_on:
        raise RecordRefused("the absence period must end before the notice was issued")
    if notice.status not in OTHERS_STATUSES:
        raise RecordRefused("a notice issued by someone else is recorded as issued or after")


def others_row(
    session: Session, case: Case, notice: OthersNotice, *, officer_id: str, today: dt.date
) -> tuple[PenaltyNotice, Adult]:
    """The row for a notice issued by someone else, checked against the case's family and
    the numbers already recorded."""
    child = session.get_one(Child, case.child_id)
    adult = session.get(Adult, notice.parent_id)
    if adult is None or adult.family_id != child.family_id:
        raise RecordRefused("a penalty notice goes to a parent of the child")
    number = notice.number.strip()
    if session.scalar(select(PenaltyNotice.id).where(PenaltyNotice.number == number)):
        raise RecordRefused(f"a penalty notice numbered {number} is already recorded")
    evidence = ThresholdEvidence(
        first=notice.period_from,
        last=notice.period_to,
        computed_on=today,
        met=False,  # the issuer's evidence, not this register's: not judged here
        unauthorised_in_window=0,
        window_from=notice.period_from,
        window_to=notice.period_to,
        codes_in_window={},
        possible=0,
        unauthorised=0,
        attendance_pct=None,
    )
    row = PenaltyNotice(
        case_id=case.id,
        child_id=case.child_id,
        parent_id=adult.id,
        status=notice.status.value,
        considered_on=today,
        considered_by=officer_id,
        evidence=evidence.to_json(),
        number=number,
        issued_on=notice.issued_on,
        issuer=notice.issuer,
        issuer_name=notice.issuer_name.strip(),
        period_from=notice.period_from,
        period_to=notice.period_to,
    )
    return row, adult
