"""Penalty notices on a case, from being considered to their end, and the LA's register of them.

Every step checks the national rules (officer_app/domain/penalty_notices.py) and the notice's
state, changes the notice's row and signs an entry into the case's chronology, all in one
writer transaction: the row is what the LA must keep under reg 20 of SI 2007/1867 (a copy of
each notice, payments and their dates, withdrawals and why, prosecutions), the chronology is
the history a court sees. The Notice to Improve and the notice itself are letters rendered
from templates (``notice_to_improve`` and ``penalty_notice``) and recorded as sent through the
letters service, whose encrypted copy of the exact PDF is the reg 20 copy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.attendance.codes import shipped_codes
from officer_app.clock import UK, Clock
from officer_app.config import DEFAULT_LA_NAME
from officer_app.domain import penalty_notices as rules
from officer_app.domain.attendance import CodeTable, Mark, percentage, summarise
from officer_app.domain.chronology import EntryType
from officer_app.domain.notice_to_improve import ImprovementPeriod
from officer_app.domain.penalty_notices import (
    Grounds,
    NoticeStatus,
    StepRefused,
    ThresholdEvidence,
)
from officer_app.security.atomic import write_bytes_atomic
from officer_app.services import notice_records as records
from officer_app.services.letters import LetterInfo, LetterService, ThresholdFacts
from officer_app.services.notice_register import RegisterRow, register_csv, register_rows
from officer_app.store import audit, evidence
from officer_app.store.database import Store
from officer_app.store.models import (
    Adult,
    AttendanceMark,
    Case,
    Child,
    ChronologyEntry,
    EsoDecision,
    Officer,
    PenaltyNotice,
)

UNAUTHORISED_CODES = ("G", "N", "O", "U")
NTI_TEMPLATE = "notice_to_improve"
NOTICE_TEMPLATE = "penalty_notice"
WITHDRAWAL_REASONS = (
    "Issued in error: the conditions of the code of conduct were not met",
    "Issued to the wrong person",
    "The notice contains a material error",
    "New evidence: the absence was authorised or unavoidable",
)


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


@dataclass
class _Context:
    """What a step needs from the database, read inside its transaction."""

    notice: PenaltyNotice
    case: Case
    names: dict[str, str] = field(default_factory=dict)


class PenaltyNoticeService:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        officer_id: str,
        *,
        letters: Callable[[], LetterService] | None = None,
        codes: CodeTable | None = None,
        la_name: str = DEFAULT_LA_NAME,
        improvement: ImprovementPeriod | None = None,
    ) -> None:
        self._la_name = la_name
        self._improvement = improvement or ImprovementPeriod()
        self._store = store
        self._clock = clock
        self._officer_id = officer_id
        self._letters = letters
        self._codes = codes

    @property
    def improvement_period(self) -> ImprovementPeriod:
        """The LA's range for a Notice to Improve's improvement period (settings.toml)."""
        return self._improvement

    @property
    def codes(self) -> CodeTable:
        if self._codes is None:
            self._codes = shipped_codes()
        return self._codes

    # --- reading -------------------------------------------------------------------------
    def notices_for(self, case_id: str) -> list[NoticeInfo]:
        def work(session: Session) -> list[NoticeInfo]:
            rows = session.scalars(
                select(PenaltyNotice)
                .where(PenaltyNotice.case_id == case_id)
                .order_by(PenaltyNotice.considered_on, PenaltyNotice.id)
            )
            return [_info(session, row) for row in rows]

        return self._store.read(work)

    def notice(self, notice_id: str) -> NoticeInfo:
        def work(session: Session) -> NoticeInfo:
            return _info(session, _get(session, notice_id))

        return self._store.read(work)

    def parents(self, case_id: str) -> list[ParentChoice]:
        """The adults of the child's family, those with parental responsibility first."""

        def work(session: Session) -> list[ParentChoice]:
            case = _case(session, case_id)
            child = session.get_one(Child, case.child_id)
            adults = session.scalars(select(Adult).where(Adult.family_id == child.family_id))
            found = [
                ParentChoice(
                    a.id,
                    f"{a.forename} {a.surname}",
                    a.relationship_to_child,
                    a.parental_responsibility,
                )
                for a in adults
            ]
            return sorted(found, key=lambda p: (not p.parental_responsibility, p.name))

        return self._store.read(work)

    def supervisors(self) -> list[tuple[str, str]]:
        """(id, name) of the supervisors who may authorise legal action."""
        return self._store.read(
            lambda session: [
                (officer_id, name)
                for officer_id, name in session.execute(
                    select(Officer.id, Officer.name)
                    .where(Officer.role == "supervisor")
                    .order_by(Officer.name)
                )
            ]
        )

    def threshold(self, case_id: str, first: dt.date, last: dt.date) -> ThresholdEvidence:
        """The penalty-notice threshold over the child's register from ``first`` to ``last``."""
        if first > last:
            raise NoticeRefused(f"the range ends ({last:%d/%m/%Y}) before it starts")
        marks = self._store.read(lambda session: _marks(session, case_id))
        return self._evidence(marks, first, last)

    def _evidence(self, marks: list[Mark], first: dt.date, last: dt.date) -> ThresholdEvidence:
        """The evidence a notice states: the dates of the run of 10 school weeks named (kept
        inside the range considered, whose weeks run Monday to Sunday) and the count OF THOSE
        DATES, never the largest count of another run (issue 9 point 2)."""
        summary = summarise(marks, "", first, last, codes=self.codes)
        pn = summary.penalty_notice_threshold
        in_window: dict[str, int] = {}
        count = 0
        window_from = window_to = None
        if pn.window_from is not None and pn.window_to is not None:
            window_from, window_to = max(pn.window_from, first), min(pn.window_to, last)
            window = summarise(marks, "", window_from, window_to, codes=self.codes)
            in_window = {c: window.by_code.get(c, 0) for c in UNAUTHORISED_CODES}
            count = window.unauthorised
        pct = percentage(summary.present + summary.approved_activity, summary.possible)
        return ThresholdEvidence(
            first=first,
            last=last,
            computed_on=self._clock.today(),
            met=pn.met,
            unauthorised_in_window=count,
            window_from=window_from,
            window_to=window_to,
            codes_in_window=in_window,
            possible=summary.possible,
            unauthorised=summary.unauthorised,
            attendance_pct=None if pct is None else str(pct),
        )

    def plan_issue(
        self,
        notice_id: str,
        issued_on: dt.date,
        served_by: str,
        received_on: dt.date | None = None,
    ) -> IssuePlan:
        """The amounts and payment dates a notice issued on ``issued_on`` would carry, or the
        refusal (a third notice within three years) with the alternatives."""

        def work(session: Session) -> IssuePlan:
            row = _get(session, notice_id)
            plan = self._plan(session, row, issued_on, served_by, received_on)
            return records.refused_if_covered(session, row, plan)

        return self._store.read(work)

    def _plan(
        self,
        session: Session,
        row: PenaltyNotice,
        issued_on: dt.date,
        served_by: str,
        received_on: dt.date | None,
    ) -> IssuePlan:
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

    # --- steps ---------------------------------------------------------------------------
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
            raise NoticeRefused(f"the range ends ({last:%d/%m/%Y}) before it starts")
        today = self._clock.today()

        def work(session: Session) -> list[NoticeInfo]:
            case = _case(session, case_id)
            if case.status == "closed":
                raise NoticeRefused("the case is closed")
            evidence_now = self._evidence(_marks(session, case_id), first, last)
            adults = _family_adults(session, case)
            made = []
            for parent_id in parent_ids:
                adult = adults.get(parent_id)
                if adult is None:
                    raise NoticeRefused("a penalty notice goes to a parent of the child")
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
                self._sign(
                    session,
                    case_id,
                    f"Penalty notice considered: {_name(adult)}",
                    f"A penalty notice to {_name(adult)} ({adult.relationship_to_child}) is being "
                    f"considered on the grounds of {Grounds(grounds).phrase}. "
                    + evidence_now.sentence()
                    + (f" Note: {note.strip()}" if note.strip() else ""),
                    today,
                )
            session.flush()
            return [_info(session, row) for row in made]

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
        if not improvement.strip():
            raise NoticeRefused("say what sufficient improvement means for this child")
        if not support.strip():
            raise NoticeRefused("say what support is offered: a Notice to Improve sets it out")
        current = self.notice(notice_id)
        rules.check_step(current.status, NoticeStatus.NOTICE_TO_IMPROVE)
        seen = current.evidence
        _check_count(seen)
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
            row = _get(session, notice_id)
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
                f"{sent_on:%d/%m/%Y}. Improvement period to {until:%d/%m/%Y}. Sufficient "
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

        def work(ctx: _Context, session: Session) -> str:
            ctx.notice.decision_reason = reason.strip()
            return (
                f"Decided not to issue the penalty notice considered on "
                f"{ctx.notice.considered_on:%d/%m/%Y} to {ctx.names['parent']}. Reason: "
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
        _check_count(current.evidence)
        if current.evidence.window_from is None or not current.evidence.met:
            raise NoticeRefused(
                "the register considered does not meet the national threshold (10 sessions of "
                "unauthorised absence in 10 school weeks): consider again on the register as it "
                "stands"
            )

        def check(session: Session) -> tuple[IssuePlan, str]:
            row = _get(session, notice_id)
            supervisor = session.get(Officer, authorised_by)
            if supervisor is None or supervisor.role != "supervisor":
                raise NoticeRefused("the authority for legal action comes from a supervisor")
            plan = self._plan(session, row, issued_on, served_by, received_on)
            if plan.decision.allowed:  # a third notice is refused first, with the alternatives
                records.check_not_covered(session, row, records.notice_period(row), "this notice")
            return plan, _number(session, self._officer_id, issued_on)

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
            row = _get(session, notice_id)
            rules.check_step(NoticeStatus(row.status), NoticeStatus.ISSUED)
            # the rules again, inside the transaction: nothing was issued meanwhile
            again = self._plan(session, row, issued_on, served_by, received_on).decision
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
                f"£{decision.amount_within_21_days} if paid by {plan.reduced_by:%d/%m/%Y}, "
                f"£{decision.amount_within_28_days} by {plan.full_by:%d/%m/%Y}"
                if decision.amount_within_21_days and plan.reduced_by and plan.full_by
                else f"£{decision.amount_within_28_days} by {plan.full_by:%d/%m/%Y}"
            )
            self._sign(
                session,
                row.case_id,
                f"Penalty notice {number} issued: {current.parent_name}",
                f"Penalty notice {number} issued to {current.parent_name} on "
                f"{issued_on:%d/%m/%Y}, served by {served_by}"
                f"{'' if served_by == 'hand' else ' (first-class)'}; received "
                f"{plan.received_on:%d/%m/%Y}"
                f"{' (presumed)' if received_on is None and served_by == 'post' else ''}. "
                f"{decision.reason} Payable: {amounts}. Offence period "
                f"{window_from:%d/%m/%Y}–{window_to:%d/%m/%Y}: "
                f"{current.evidence.unauthorised_in_window} sessions of unauthorised absence. "
                f"Legal action authorised by {supervisor.name} on {authorised_on:%d/%m/%Y}.",
                issued_on,
            )

        sender.record_sent(
            current.case_id, rendered, sent_on=issued_on, method=served_by, extra=link
        )
        return self.notice(notice_id)

    def record_payment(self, notice_id: str, paid_on: dt.date, amount: int) -> NoticeInfo:
        if paid_on > self._clock.today():
            raise NoticeRefused("a payment cannot be recorded for a date still to come")
        status_holder: dict[str, NoticeStatus] = {}

        def precheck(session: Session) -> None:
            row = _get(session, notice_id)
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

        def work(ctx: _Context, session: Session) -> str:
            ctx.notice.paid_on = paid_on
            ctx.notice.amount_paid = amount
            return (
                f"Penalty notice {ctx.notice.number}: £{amount} paid on {paid_on:%d/%m/%Y} "
                f"({rules.STATUS_LABELS[wanted].lower()} of receipt on "
                f"{ctx.notice.received_on:%d/%m/%Y}). Payment discharges the parent's liability "
                "for the offence."
            )

        return self._step(notice_id, wanted, paid_on, "Penalty notice paid", work)

    def mark_unpaid(self, notice_id: str) -> NoticeInfo:
        today = self._clock.today()

        def work(ctx: _Context, session: Session) -> str:
            row = ctx.notice
            if row.received_on is None:
                raise NoticeRefused("only an issued notice can be unpaid")
            full_by = rules.payment_dates(row.received_on, row.amount_21).full_by
            if today <= full_by:
                raise NoticeRefused(
                    f"the 28 days for paying run to {full_by:%d/%m/%Y}: it is not unpaid yet"
                )
            return (
                f"Penalty notice {row.number} was not paid by {full_by:%d/%m/%Y}. Prosecution "
                "for the original s444 offence is to be considered (an Education Supervision "
                "Order must be considered first, s447 Education Act 1996)."
            )

        return self._step(notice_id, NoticeStatus.UNPAID, today, "Penalty notice unpaid", work)

    def withdraw(self, notice_id: str, on: dt.date, reason: str) -> NoticeInfo:
        if not reason.strip():
            raise NoticeRefused("give the reason for withdrawing the notice")
        if on > self._clock.today():
            raise NoticeRefused("a notice cannot be withdrawn on a date still to come")

        def work(ctx: _Context, session: Session) -> str:
            row = ctx.notice
            if row.issued_on is not None and on < row.issued_on:
                raise NoticeRefused("a notice cannot be withdrawn before it was issued")
            row.withdrawn_on = on
            row.withdrawn_reason = reason.strip()
            return (
                f"Penalty notice {row.number} to {ctx.names['parent']} withdrawn on "
                f"{on:%d/%m/%Y}. Reason: {reason.strip()}. A withdrawn notice does not count "
                "towards the limit of two in three years."
            )

        return self._step(notice_id, NoticeStatus.WITHDRAWN, on, "Penalty notice withdrawn", work)

    def record_prosecution(self, notice_id: str, on: dt.date, note: str) -> NoticeInfo:
        if on > self._clock.today():
            raise NoticeRefused("record the prosecution once the information is laid")

        def work(ctx: _Context, session: Session) -> str:
            row = ctx.notice
            # no proceedings until the period for paying has ended (s444A(3)(a) EA 1996)
            if row.received_on is not None:
                earliest = rules.prosecution_from(row.received_on, row.amount_21)
                if on < earliest:
                    raise NoticeRefused(
                        f"the period for paying notice {row.number} runs to "
                        f"{earliest - dt.timedelta(days=1):%d/%m/%Y}: the information may be "
                        f"laid from {earliest:%d/%m/%Y}"
                    )
            missing = records.eso_refusal(session, row.case_id, on)
            if missing is not None:
                raise NoticeRefused(missing)
            records.check_not_covered(session, row, records.notice_period(row), "a prosecution")
            row.prosecution_on = on
            row.prosecution_note = note.strip()
            return (
                f"Prosecution of {ctx.names['parent']} for the s444 offence followed the unpaid "
                f"penalty notice {row.number}: information laid on {on:%d/%m/%Y}."
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
            _case(session, case_id)
            row = EsoDecision(
                case_id=case_id, considered_on=considered_on, recorded_by=self._officer_id,
                considered_by=considered_by.strip(), decision=decision, reason=reason.strip(),
            )  # fmt: skip
            session.add(row)
            label = records.ESO_DECISIONS[decision]
            self._sign(
                session, case_id, "Education Supervision Order considered (s447)",
                f"An Education Supervision Order was considered on {considered_on:%d/%m/%Y} by "
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
            case = _case(session, case_id)
            row, adult = records.others_row(
                session, case, notice, officer_id=self._officer_id, today=today
            )
            session.add(row)
            issuer = records.ISSUERS[notice.issuer]
            status = rules.STATUS_LABELS[notice.status].lower()
            self._sign(
                session, case_id,
                f"Penalty notice {row.number} issued by {issuer} recorded: {_name(adult)}",
                f"Penalty notice {row.number} was issued by {issuer} ({row.issuer_name}) to "
                f"{_name(adult)} on {notice.issued_on:%d/%m/%Y} for the absence from "
                f"{notice.period_from:%d/%m/%Y} to {notice.period_to:%d/%m/%Y}; it is "
                f"{status}. It counts towards the limit of two in three years and covers that "
                "absence like the LA's own notices.",
                today,
            )  # fmt: skip
            return _info(session, row)

        return self._store.write_wait(work)

    # --- the LA's record (reg 20) ----------------------------------------------------------
    def register(
        self, first: dt.date | None = None, last: dt.date | None = None
    ) -> list[RegisterRow]:
        """Every notice issued (withdrawn ones included), in order of issue."""
        return self._store.read(lambda session: register_rows(session, first, last))

    def register_document(
        self, kind: str, first: dt.date | None = None, last: dt.date | None = None
    ) -> bytes:
        """The record as ``csv`` or ``pdf`` bytes (for printing or saving), audited."""
        return self._document(kind, self.register(first, last), first, last)

    def export_register(
        self, out: Path, first: dt.date | None = None, last: dt.date | None = None
    ) -> int:
        """Save the record as CSV or PDF (by the file's suffix); returns the notices in it."""
        kind = out.suffix.lower().lstrip(".")
        if kind not in ("csv", "pdf"):
            raise NoticeRefused(f"{out.name}: save the record as .csv or .pdf")
        rows = self.register(first, last)
        write_bytes_atomic(out, self._document(kind, rows, first, last))
        return len(rows)

    def _document(
        self, kind: str, rows: list[RegisterRow], first: dt.date | None, last: dt.date | None
    ) -> bytes:
        from officer_app.store.evidence import profile_mark

        head = self._store.read(profile_mark)
        if kind == "csv":
            data = register_csv(rows, evidence=head)
        elif kind == "pdf":
            from officer_app.documents.notice_register_pdf import render_register_bytes

            data, _pages = render_register_bytes(
                rows,
                la_name=self._la_name,
                printed_at=self._clock.now(),
                first=first,
                last=last,
                evidence=head,
            )
        else:
            raise ValueError(f"the record is made as csv or pdf, not {kind!r}")
        self._store.write_wait(
            lambda session: audit.record(
                session,
                "export",
                entity_type="penalty_notice",
                detail={"document": f"register.{kind}", "rows": len(rows)},
            )
        )
        return data

    # --- plumbing -----------------------------------------------------------------------------
    def _sender(self) -> LetterService:
        if self._letters is None:
            raise NoticeRefused("letters are not available, so no notice can be sent")
        return self._letters()

    def _step(
        self,
        notice_id: str,
        wanted: NoticeStatus,
        on: dt.date,
        title: str,
        change: Callable[[_Context, Session], str],
    ) -> NoticeInfo:
        def work(session: Session) -> NoticeInfo:
            row = _get(session, notice_id)
            rules.check_step(NoticeStatus(row.status), wanted)
            case = session.get_one(Case, row.case_id)
            parent = session.get_one(Adult, row.parent_id)
            ctx = _Context(row, case, {"parent": _name(parent)})
            body = change(ctx, session)
            row.status = wanted.value
            self._sign(session, row.case_id, f"{title}: {_name(parent)}", body, on)
            session.flush()
            return _info(session, row)

        return self._store.write_wait(work)

    def _sign(self, session: Session, case_id: str, title: str, body: str, day: dt.date) -> None:
        now = self._clock.now()
        occurred = (
            now
            if day == self._clock.today()
            else dt.datetime.combine(day, dt.time(12, 0), tzinfo=UK).astimezone(dt.UTC)
        )
        entry = ChronologyEntry(
            case_id=case_id,
            entry_type=EntryType.PENALTY_NOTICE.value,
            occurred_at=occurred,
            recorded_at=now,
            author_id=self._officer_id,
            title=title[:200],
            body=body,
            amend_reason="",
        )
        evidence.sign(session, entry, by=self._officer_id, at=now)
        session.add(entry)
        session.flush()  # the next signature in this transaction must see this link


# --- helpers ---------------------------------------------------------------------------------
def _check_count(seen: ThresholdEvidence) -> None:
    """Refuse to state a count with dates it does not belong to (issue 9 point 2)."""
    if not seen.count_is_of_its_dates():
        raise NoticeRefused(
            "the evidence recorded when the notice was considered states a count that is not "
            "the count of its dates: consider again on the register as it stands"
        )


def _name(adult: Adult) -> str:
    return f"{adult.forename} {adult.surname}"


def _case(session: Session, case_id: str) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NoticeRefused(f"no case with id {case_id}")
    return case


def _get(session: Session, notice_id: str) -> PenaltyNotice:
    row = session.get(PenaltyNotice, notice_id)
    if row is None:
        raise NoticeRefused(f"no penalty notice with id {notice_id}")
    return row


def _family_adults(session: Session, case: Case) -> dict[str, Adult]:
    child = session.get_one(Child, case.child_id)
    return {
        a.id: a for a in session.scalars(select(Adult).where(Adult.family_id == child.family_id))
    }


def _marks(session: Session, case_id: str) -> list[Mark]:
    child_id = session.scalar(select(Case.child_id).where(Case.id == case_id))
    return [
        Mark(day, part, code)
        for day, part, code in session.execute(
            select(AttendanceMark.date, AttendanceMark.session, AttendanceMark.code)
            .where(AttendanceMark.child_id == child_id)
            .order_by(AttendanceMark.date, AttendanceMark.session)
        )
    ]


def _number(session: Session, officer_id: str, issued_on: dt.date) -> str:
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


def _info(session: Session, row: PenaltyNotice) -> NoticeInfo:
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
        parent_name=_name(parent),
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
