"""How a penalty notice ends: paid (within 21 or 28 days), unpaid, withdrawn or followed by a
prosecution; the decision on an Education Supervision Order that must come before any
prosecution (s447 Education Act 1996); and notices issued by others (reg 5 SI 2007/1867).

Payment discharges the parent's liability for the offence (s444A(4) Education Act 1996); no
proceedings may begin until the period for paying has ended (s444A(3)(a)). What stands between
a prosecution and the law is checked in services/notice_records.py.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from officer_app.domain import penalty_notices as rules
from officer_app.domain.penalty_notices import NoticeStatus
from officer_app.services import notice_records as records
from officer_app.services.notice_facts import (
    NoticeInfo,
    NoticeRefused,
    adult_name,
    case_row,
    notice_info,
    notice_row,
)
from officer_app.services.notice_steps import NoticeSteps, StepContext
from officer_app.store.models import EsoDecision
from officer_app.wording import short_date

WITHDRAWAL_REASONS = (
    "Issued in error: the conditions of the code of conduct were not met",
    "Issued to the wrong person",
    "The notice contains a material error",
    "New evidence: the absence was authorised or unavoidable",
)


class NoticeOutcomes(NoticeSteps):
    """What happens to a notice once issued, and the records a prosecution depends on."""

    def record_payment(self, notice_id: str, paid_on: dt.date, amount: int) -> NoticeInfo:
        if paid_on > self._clock.today():
            raise NoticeRefused("a payment cannot be recorded for a date still to come")
        status_holder: dict[str, NoticeStatus] = {}

        def precheck(session: Session) -> None:
            row = notice_row(session, notice_id)
            if row.received_on is None or row.amount_28 is None:
                raise NoticeRefused("only an issued notice can be paid")
            status_holder["status"] = rules.payment_status(
                received_on=row.received_on,
                amount_21=row.amount_21,
                amount_28=row.amount_28,
                paid_on=paid_on,
                amount=amount,
            )

        self._store.read(precheck)
        wanted = status_holder["status"]

        def work(ctx: StepContext, session: Session) -> str:
            ctx.notice.paid_on = paid_on
            ctx.notice.amount_paid = amount
            return (
                f"Penalty notice {ctx.notice.number}: £{amount} paid on {short_date(paid_on)} "
                f"({rules.STATUS_LABELS[wanted].lower()} of receipt on "
                f"{short_date(ctx.notice.received_on)}). Payment discharges the parent's liability "
                "for the offence."
            )

        return self._step(notice_id, wanted, paid_on, "Penalty notice paid", work)

    def mark_unpaid(self, notice_id: str) -> NoticeInfo:
        today = self._clock.today()

        def work(ctx: StepContext, session: Session) -> str:
            row = ctx.notice
            if row.received_on is None:
                raise NoticeRefused("only an issued notice can be unpaid")
            full_by = rules.payment_dates(row.received_on, row.amount_21).full_by
            if today <= full_by:
                raise NoticeRefused(
                    f"the 28 days for paying run to {short_date(full_by)}: it is not unpaid yet"
                )
            return (
                f"Penalty notice {row.number} was not paid by {short_date(full_by)}. Prosecution "
                "for the original s444 offence is to be considered (an Education Supervision "
                "Order must be considered first, s447 Education Act 1996)."
            )

        return self._step(notice_id, NoticeStatus.UNPAID, today, "Penalty notice unpaid", work)

    def withdraw(self, notice_id: str, on: dt.date, reason: str) -> NoticeInfo:
        if not reason.strip():
            raise NoticeRefused("give the reason for withdrawing the notice")
        if on > self._clock.today():
            raise NoticeRefused("a notice cannot be withdrawn on a date still to come")

        def work(ctx: StepContext, session: Session) -> str:
            row = ctx.notice
            if row.issued_on is not None and on < row.issued_on:
                raise NoticeRefused("a notice cannot be withdrawn before it was issued")
            row.withdrawn_on = on
            row.withdrawn_reason = reason.strip()
            return (
                f"Penalty notice {row.number} to {ctx.names['parent']} withdrawn on "
                f"{short_date(on)}. Reason: {reason.strip()}. A withdrawn notice does not count "
                "towards the limit of two in three years."
            )

        return self._step(notice_id, NoticeStatus.WITHDRAWN, on, "Penalty notice withdrawn", work)

    def record_prosecution(self, notice_id: str, on: dt.date, note: str) -> NoticeInfo:
        if on > self._clock.today():
            raise NoticeRefused("record the prosecution once the information is laid")

        def work(ctx: StepContext, session: Session) -> str:
            row = ctx.notice
            # no proceedings until the period for paying has ended (s444A(3)(a) EA 1996)
            if row.received_on is not None:
                earliest = rules.prosecution_from(row.received_on, row.amount_21)
                if on < earliest:
                    raise NoticeRefused(
                        f"the period for paying notice {row.number} runs to "
                        f"{short_date(earliest - dt.timedelta(days=1))}: the information may be "
                        f"laid from {short_date(earliest)}"
                    )
            missing = records.eso_refusal(session, row.case_id, on)
            if missing is not None:
                raise NoticeRefused(missing)
            records.check_not_covered(session, row, records.notice_period(row), "a prosecution")
            row.prosecution_on = on
            row.prosecution_note = note.strip()
            return (
                f"Prosecution of {ctx.names['parent']} for the s444 offence followed the unpaid "
                f"penalty notice {row.number}: information laid on {short_date(on)}."
                + (f" {note.strip()}" if note.strip() else "")
            )

        return self._step(
            notice_id, NoticeStatus.PROSECUTED, on, "Prosecution after penalty notice", work
        )

    # --- s447 and notices issued by others (services/notice_records.py) ----------------------
    def record_eso_decision(
        self, case_id: str, *, considered_on: dt.date, considered_by: str, decision: str,
        reason: str,
    ) -> records.EsoDecisionInfo:  # fmt: skip
        """Record the decision on an Education Supervision Order (s447 Education Act 1996),
        signed into the case's chronology; a prosecution needs one made before it."""
        records.check_eso_fields(considered_by, decision, reason)
        if considered_on > self._clock.today():
            raise NoticeRefused("the decision cannot be dated on a day still to come")

        def work(session: Session) -> records.EsoDecisionInfo:
            case_row(session, case_id)
            row = EsoDecision(
                case_id=case_id, considered_on=considered_on, recorded_by=self._officer_id,
                considered_by=considered_by.strip(), decision=decision, reason=reason.strip(),
            )  # fmt: skip
            session.add(row)
            label = records.ESO_DECISIONS[decision]
            self._sign(
                session, case_id, "Education Supervision Order considered (s447)",
                f"An Education Supervision Order was considered on {short_date(considered_on)} by "
                f"{considered_by.strip()} before any prosecution (s447 Education Act 1996). "
                f"Decision: {label}. Reason: {reason.strip()}",
                considered_on,
            )  # fmt: skip
            return records.eso_info(session, row)

        return self._store.write_wait(work)

    def eso_decisions(self, case_id: str) -> list[records.EsoDecisionInfo]:
        return self._store.read(lambda session: records.eso_decisions(session, case_id))

    def record_others_notice(self, case_id: str, notice: records.OthersNotice) -> NoticeInfo:
        """Record a notice issued by a head teacher, the police or another LA: kept in the
        chain, counted towards the limit and covering its absence period like the LA's own."""
        today = self._clock.today()
        records.check_others_notice(notice, today)

        def work(session: Session) -> NoticeInfo:
            case = case_row(session, case_id)
            row, adult = records.others_row(
                session, case, notice, officer_id=self._officer_id, today=today
            )
            session.add(row)
            issuer = records.ISSUERS[notice.issuer]
            status = rules.STATUS_LABELS[notice.status].lower()
            self._sign(
                session, case_id,
                f"Penalty notice {row.number} issued by {issuer} recorded: {adult_name(adult)}",
                f"Penalty notice {row.number} was issued by {issuer} ({row.issuer_name}) to "
                f"{adult_name(adult)} on {short_date(notice.issued_on)} for the absence from "
                f"{short_date(notice.period_from)} to {short_date(notice.period_to)}; it is "
                f"{status}. It counts towards the limit of two in three years and covers that "
                "absence like the LA's own notices.",
                today,
            )  # fmt: skip
            return notice_info(session, row)

        return self._store.write_wait(work)
