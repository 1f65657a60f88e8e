"""Penalty notice steps up to issuing: considering a notice (with the threshold evidence as the
register shows it), the Notice to Improve, deciding not to issue, and issuing.

The Notice to Improve and the notice itself are letters rendered from templates
(``notice_to_improve`` and ``penalty_notice``) and recorded as sent through the letters
service, whose encrypted copy of the exact PDF is the copy reg 20 of SI 2007/1867 asks the LA
to keep. Whether a notice may be issued, for how much and when it must be paid are the
national rules (officer_app/domain/penalty_notices.py); a notice may not cover an absence
another notice already covers (services/notice_records.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session

from officer_app.domain import penalty_notices as rules
from officer_app.domain.penalty_notices import Grounds, NoticeStatus
from officer_app.services import notice_records as records
from officer_app.services.letters import LetterInfo, ThresholdFacts
from officer_app.services.notice_facts import (
    IssuePlan,
    NoticeInfo,
    NoticeRefused,
    adult_name,
    case_row,
    check_count,
    family_adults,
    issue_plan,
    next_number,
    notice_info,
    notice_row,
    register_marks,
)
from officer_app.services.notice_steps import NoticeSteps, StepContext
from officer_app.store.models import Officer, PenaltyNotice
from officer_app.wording import short_date

NTI_TEMPLATE = "notice_to_improve"
NOTICE_TEMPLATE = "penalty_notice"


class NoticeIssuing(NoticeSteps):
    """From considering a notice to issuing it (or deciding not to)."""

    def consider(
        self,
        case_id: str,
        parent_ids: Sequence[str],
        first: dt.date,
        last: dt.date,
        *,
        grounds: Grounds = Grounds.UNAUTHORISED_ABSENCE,
        note: str = "",
    ) -> list[NoticeInfo]:
        """Record that a notice is being considered for each parent, with the threshold
        evidence as it stands in the register."""
        if not parent_ids:
            raise NoticeRefused("choose the parent (or parents) the notice would go to")
        if first > last:
            raise NoticeRefused(f"the range ends ({short_date(last)}) before it starts")
        today = self._clock.today()

        def work(session: Session) -> list[NoticeInfo]:
            case = case_row(session, case_id)
            if case.status == "closed":
                raise NoticeRefused("the case is closed")
            evidence_now = self._evidence(register_marks(session, case_id), first, last)
            adults = family_adults(session, case)
            made = []
            for parent_id in parent_ids:
                adult = adults.get(parent_id)
                if adult is None:
                    raise NoticeRefused("a penalty notice goes to a parent of the child")
                if adult.ended_on is not None:
                    raise NoticeRefused(
                        f"{adult_name(adult)} left the family on {short_date(adult.ended_on)}; "
                        "they are no longer offered as the parent for a notice"
                    )
                row = PenaltyNotice(
                    case_id=case_id,
                    child_id=case.child_id,
                    parent_id=parent_id,
                    status=NoticeStatus.CONSIDERED.value,
                    grounds=Grounds(grounds).value,
                    considered_on=today,
                    considered_by=self._officer_id,
                    evidence=evidence_now.to_json(),
                    decision_reason=note.strip(),
                )
                session.add(row)
                made.append(row)
                name = adult_name(adult)
                self._sign(
                    session,
                    case_id,
                    f"Penalty notice considered: {name}",
                    f"A penalty notice to {name} ({adult.relationship_to_child}) is being "
                    f"considered on the grounds of {Grounds(grounds).phrase}. "
                    + evidence_now.sentence()
                    + (f" Note: {note.strip()}" if note.strip() else ""),
                    today,
                )
            session.flush()
            return [notice_info(session, row) for row in made]

        return self._store.write_wait(work)

    def send_notice_to_improve(
        self,
        notice_id: str,
        *,
        until: dt.date,
        improvement: str,
        support: str,
        sent_on: dt.date,
        method: str,
    ) -> NoticeInfo:
        """Send the Notice to Improve (a letter from the ``notice_to_improve`` template) and
        start its improvement period."""
        if until <= sent_on:
            raise NoticeRefused("the improvement period must end after the notice is sent")
        too_short_or_long = self._improvement.refusal(sent_on, until)
        if too_short_or_long:
            raise NoticeRefused(too_short_or_long)
        if sent_on > self._clock.today():
            # nothing is recorded as sent before it is sent
            raise NoticeRefused("a Notice to Improve cannot be sent on a date still to come")
        if not improvement.strip():
            raise NoticeRefused("say what sufficient improvement means for this child")
        if not support.strip():
            raise NoticeRefused("say what support is offered: a Notice to Improve sets it out")
        current = self.notice(notice_id)
        rules.check_step(current.status, NoticeStatus.NOTICE_TO_IMPROVE)
        seen = current.evidence
        check_count(seen)
        sender = self._sender()
        rendered = sender.render(
            current.case_id,
            NTI_TEMPLATE,
            recipient_id=current.parent_id,
            asks={
                "improvement_until": until.isoformat(),
                "improvement": improvement.strip(),
                "support": support.strip(),
            },
            dated=sent_on,
            # the absence the notice was considered on, not only this school year's
            threshold=ThresholdFacts(
                seen.unauthorised_in_window, seen.window_from, seen.window_to, seen.met
            )
            if seen.window_from is not None and seen.window_to is not None
            else None,
        )

        def link(session: Session, letter: LetterInfo) -> None:
            row = notice_row(session, notice_id)
            rules.check_step(NoticeStatus(row.status), NoticeStatus.NOTICE_TO_IMPROVE)
            row.status = NoticeStatus.NOTICE_TO_IMPROVE.value
            row.nti_letter_id = str(letter.id)
            row.nti_on = sent_on
            row.nti_until = until
            self._sign(
                session,
                row.case_id,
                f"Notice to Improve sent: {current.parent_name}",
                f"Notice to Improve sent to {current.parent_name} by {method} on "
                f"{short_date(sent_on)}. Improvement period to {short_date(until)}. Sufficient "
                f"improvement: {improvement.strip()}"
                + (f" Support offered: {support.strip()}" if support.strip() else ""),
                sent_on,
            )

        sender.record_sent(current.case_id, rendered, sent_on=sent_on, method=method, extra=link)
        return self.notice(notice_id)

    def decide_not_to_issue(self, notice_id: str, reason: str) -> NoticeInfo:
        if not reason.strip():
            raise NoticeRefused("say why the notice is not being issued")
        today = self._clock.today()

        def work(ctx: StepContext, session: Session) -> str:
            ctx.notice.decision_reason = reason.strip()
            return (
                f"Decided not to issue the penalty notice considered on "
                f"{short_date(ctx.notice.considered_on)} to {ctx.names['parent']}. Reason: "
                f"{reason.strip()}"
            )

        return self._step(
            notice_id, NoticeStatus.NOT_ISSUED, today, "Penalty notice not issued", work
        )

    def issue(
        self,
        notice_id: str,
        *,
        issued_on: dt.date,
        served_by: str,
        authorised_by: str,
        authorised_on: dt.date,
        received_on: dt.date | None = None,
    ) -> NoticeInfo:
        """Issue the notice: the national rules decide whether it may be issued and for how
        much; its copy is the letter rendered from the ``penalty_notice`` template."""
        today = self._clock.today()
        if issued_on > today:
            raise NoticeRefused("a notice cannot be issued on a date still to come")
        if authorised_on > issued_on:
            raise NoticeRefused("legal action must be authorised before the notice is issued")
        if received_on is not None and received_on < issued_on:
            raise NoticeRefused("the notice cannot be received before it is issued")
        if served_by not in ("hand", "post"):
            raise NoticeRefused("a penalty notice is served by hand or by post")
        current = self.notice(notice_id)
        rules.check_step(current.status, NoticeStatus.ISSUED)
        check_count(current.evidence)
        if current.evidence.window_from is None or not current.evidence.met:
            raise NoticeRefused(
                "the register considered does not meet the national threshold (10 sessions of "
                "unauthorised absence in 10 school weeks): consider again on the register as it "
                "stands"
            )

        def check(session: Session) -> tuple[IssuePlan, str]:
            row = notice_row(session, notice_id)
            supervisor = session.get(Officer, authorised_by)
            if supervisor is None or supervisor.role != "supervisor":
                raise NoticeRefused("the authority for legal action comes from a supervisor")
            plan = issue_plan(session, row, issued_on, served_by, received_on)
            if plan.decision.allowed:  # a third notice is refused first, with the alternatives
                records.check_not_covered(session, row, records.notice_period(row), "this notice")
            return plan, next_number(session, self._officer_id, issued_on)

        plan, number = self._store.read(check)
        decision = plan.decision
        if not decision.allowed or decision.amount_within_28_days is None:
            raise NoticeRefused(decision.reason, decision.alternatives)
        window_from = current.evidence.window_from
        window_to = current.evidence.window_to
        facts = {
            "number": number,
            "issued_on": issued_on.isoformat(),
            "received_on": plan.received_on.isoformat(),
            "ordinal": "first" if decision.ordinal == 1 else "second",
            "amount_21": f"£{decision.amount_within_21_days}"
            if decision.amount_within_21_days
            else "",
            "amount_28": f"£{decision.amount_within_28_days}",
            "pay_by_21": plan.reduced_by.isoformat() if plan.reduced_by else "",
            "pay_by_28": plan.full_by.isoformat() if plan.full_by else "",
            "window_from": window_from.isoformat() if window_from else "",
            "window_to": window_to.isoformat() if window_to else "",
            "unauthorised": str(current.evidence.unauthorised_in_window),
        }
        sender = self._sender()
        rendered = sender.render(
            current.case_id,
            NOTICE_TEMPLATE,
            recipient_id=current.parent_id,
            asks={},
            notice=facts,
            dated=issued_on,
        )

        def link(session: Session, letter: LetterInfo) -> None:
            row = notice_row(session, notice_id)
            rules.check_step(NoticeStatus(row.status), NoticeStatus.ISSUED)
            # the rules again, inside the transaction: nothing was issued meanwhile
            again = issue_plan(session, row, issued_on, served_by, received_on).decision
            if (again.ordinal, again.allowed) != (decision.ordinal, decision.allowed):
                raise NoticeRefused("another notice was issued meanwhile: look again")
            records.check_not_covered(session, row, records.notice_period(row), "this notice")
            row.status = NoticeStatus.ISSUED.value
            row.number = number
            row.ordinal = decision.ordinal
            row.issued_on = issued_on
            row.served_by = served_by
            row.received_on = plan.received_on
            row.amount_21 = decision.amount_within_21_days
            row.amount_28 = decision.amount_within_28_days
            row.authorised_by = authorised_by
            row.authorised_on = authorised_on
            row.notice_letter_id = str(letter.id)
            supervisor = session.get_one(Officer, authorised_by)
            amounts = (
                f"£{decision.amount_within_21_days} if paid by {short_date(plan.reduced_by)}, "
                f"£{decision.amount_within_28_days} by {short_date(plan.full_by)}"
                if decision.amount_within_21_days and plan.reduced_by and plan.full_by
                else f"£{decision.amount_within_28_days} by {short_date(plan.full_by)}"
            )
            self._sign(
                session,
                row.case_id,
                f"Penalty notice {number} issued: {current.parent_name}",
                f"Penalty notice {number} issued to {current.parent_name} on "
                f"{short_date(issued_on)}, served by {served_by}"
                f"{'' if served_by == 'hand' else ' (first-class)'}; received "
                f"{short_date(plan.received_on)}"
                f"{' (presumed)' if received_on is None and served_by == 'post' else ''}. "
                f"{decision.reason} Payable: {amounts}. Offence period "
                f"{short_date(window_from)}–{short_date(window_to)}: "
                f"{current.evidence.unauthorised_in_window} sessions of unauthorised absence. "
                f"Legal action authorised by {supervisor.name} on {short_date(authorised_on)}.",
                issued_on,
            )

        sender.record_sent(
            current.case_id, rendered, sent_on=issued_on, method=served_by, extra=link
        )
        return self.notice(notice_id)
