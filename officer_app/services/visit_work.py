"""Visits: a case's risks, acknowledging them, planning, moving and cancelling visits, the week.

A planned visit is closed by the record of that visit (services/field_work.py sign_record,
``visit_plan_id``), or cancelled or moved with a reason (issue 11 point 7): the reason is
kept on the plan (visit_plan.change_reason, schema 0008) and the change is signed into the
case's chronology, so that what was planned and what became of it is on the record.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import uk_local
from officer_app.domain.chronology import EntryType
from officer_app.services.dto import (
    AcknowledgementInfo,
    RiskInfo,
    VisitPlanInfo,
)
from officer_app.services.field_work_base import FieldWorkBase, FieldWorkRefused, active_risks
from officer_app.store import evidence
from officer_app.store.models import (
    Adult,
    Case,
    Child,
    ChronologyEntry,
    Family,
    Officer,
    RiskAcknowledgement,
    RiskFlag,
    VisitPlan,
)
from officer_app.wording import short_datetime


def _most_serious_first(flag: RiskFlag) -> tuple[int, str]:
    return ({"high": 0, "medium": 1, "low": 2}.get(flag.severity, 3), flag.category)


def _risk_info(flag: RiskFlag, adult_names: dict[str, str]) -> RiskInfo:
    return RiskInfo(
        category=flag.category,
        severity=flag.severity,
        description=flag.description,
        two_officers_required=flag.two_officers_required,
        about=adult_names.get(flag.adult_id or "", "Address"),
    )


class VisitWork(FieldWorkBase):
    def risks_for(self, case_id: str) -> tuple[RiskInfo, ...]:
        def work(session: Session) -> tuple[RiskInfo, ...]:
            names = _adult_names(session, case_id)
            flags = sorted(active_risks(session, case_id), key=_most_serious_first)
            return tuple(_risk_info(f, names) for f in flags)

        return self._store.read(work)

    def needs_acknowledgement(self, case_id: str, visit_plan_id: str | None = None) -> bool:
        """True when the case has risk flags not acknowledged today (for this visit)."""
        today = self._clock.today()

        def work(session: Session) -> bool:
            if not active_risks(session, case_id):
                return False
            query = select(RiskAcknowledgement.acknowledged_at).where(
                RiskAcknowledgement.case_id == case_id,
                RiskAcknowledgement.officer_id == self._officer_id,
            )
            if visit_plan_id is not None:
                query = query.where(RiskAcknowledgement.visit_plan_id == visit_plan_id)
            return not any(uk_local(at).date() == today for at in session.scalars(query))

        return self._store.read(work)

    def acknowledge_risks(
        self, case_id: str, visit_plan_id: str | None = None
    ) -> AcknowledgementInfo:
        """Record that this officer read the risk flags, as they were shown, before a visit."""
        now = self._clock.now()

        def work(session: Session) -> AcknowledgementInfo:
            names = _adult_names(session, case_id)
            flags = sorted(active_risks(session, case_id), key=_most_serious_first)
            shown = tuple(_risk_info(f, names) for f in flags)
            row = RiskAcknowledgement(
                case_id=case_id,
                visit_plan_id=visit_plan_id,
                officer_id=self._officer_id,
                acknowledged_at=now,
                flags=[r.__dict__ for r in shown],
            )
            session.add(row)
            session.flush()
            return AcknowledgementInfo(row.id, case_id, visit_plan_id, now, shown)

        return self._store.write_wait(work)

    # --- visits ----------------------------------------------------------------------------
    def plan_visit(
        self,
        case_id: str,
        planned_for: dt.datetime,
        purpose: str,
        *,
        address: str | None = None,
        second_officer_id: str | None = None,
    ) -> VisitPlanInfo:
        if planned_for.tzinfo is None:
            raise FieldWorkRefused("the visit time needs its time zone")
        if not purpose.strip():
            raise FieldWorkRefused("say what the visit is for")
        officer_id = self._officer_id

        def work(session: Session) -> VisitPlanInfo:
            risks = active_risks(session, case_id)
            if any(r.two_officers_required for r in risks) and not second_officer_id:
                raise FieldWorkRefused(
                    "a risk flag on this family says visits are made in pairs: "
                    "choose a second officer"
                )
            if second_officer_id == officer_id:
                raise FieldWorkRefused("the second officer must be someone else")
            plan = VisitPlan(
                case_id=case_id,
                planned_for=planned_for,
                address=address if address is not None else _case_address(session, case_id),
                purpose=purpose.strip(),
                officer_id=officer_id,
                second_officer_id=second_officer_id,
                status="planned",
            )
            session.add(plan)
            session.flush()
            return _visit_info(session, plan)

        return self._store.write_wait(work)

    def cancel_visit(self, plan_id: str, reason: str) -> VisitPlanInfo:
        """Cancel a planned visit with the reason, signed into the case's chronology."""
        why = _reason(reason, "cancelled")
        now = self._clock.now()
        officer_id = self._officer_id

        def work(session: Session) -> VisitPlanInfo:
            plan = _still_planned(session, plan_id, "cancelled")
            plan.status = "cancelled"
            plan.change_reason = why
            _sign_change(
                session,
                plan,
                "Planned visit cancelled",
                f"Planned visit of {short_datetime(plan.planned_for)} cancelled - {why}",
                officer_id,
                now,
            )
            session.flush()
            return _visit_info(session, plan)

        return self._store.write(work).result()

    def move_visit(self, plan_id: str, planned_for: dt.datetime, reason: str) -> VisitPlanInfo:
        """Move a planned visit to a new date and time, with the reason, signed as above."""
        if planned_for.tzinfo is None:
            raise FieldWorkRefused("new time: the visit time needs its time zone")
        why = _reason(reason, "moved")
        now = self._clock.now()
        if planned_for < now:
            raise FieldWorkRefused(
                f"new time: {short_datetime(planned_for)} has passed; a visit moves to a time "
                "still to come"
            )
        officer_id = self._officer_id

        def work(session: Session) -> VisitPlanInfo:
            plan = _still_planned(session, plan_id, "moved")
            before = plan.planned_for
            if before == planned_for:
                raise FieldWorkRefused(
                    f"new time: the visit is already planned for {short_datetime(before)}"
                )
            plan.planned_for = planned_for
            plan.change_reason = f"Moved from {short_datetime(before)}: {why}"
            _sign_change(
                session,
                plan,
                "Planned visit moved",
                f"Planned visit moved from {short_datetime(before)} to "
                f"{short_datetime(planned_for)} - {why}",
                officer_id,
                now,
            )
            session.flush()
            return _visit_info(session, plan)

        return self._store.write(work).result()

    def planned_for_case(self, case_id: str) -> list[VisitPlanInfo]:
        """The case's visits still planned (not done, not cancelled), soonest first: the ones
        a visit record may be the record of."""

        def work(session: Session) -> list[VisitPlanInfo]:
            plans = session.scalars(
                select(VisitPlan)
                .where(VisitPlan.case_id == case_id, VisitPlan.status == "planned")
                .order_by(VisitPlan.planned_for)
            )
            return [_visit_info(session, p) for p in plans]

        return self._store.read(work)

    def visits_between(
        self, first: dt.date, last: dt.date, *, everyone: bool = False
    ) -> list[VisitPlanInfo]:
        """Visits planned from ``first`` to ``last`` (UK dates), this officer's unless
        everyone; a visit cancelled in that time is listed too, with its reason, so that the
        week shows the change (a moved one is listed at its new time)."""
        start = dt.datetime.combine(first, dt.time.min, tzinfo=dt.UTC) - dt.timedelta(hours=1)
        end = dt.datetime.combine(last, dt.time.max, tzinfo=dt.UTC)

        def work(session: Session) -> list[VisitPlanInfo]:
            query = select(VisitPlan).where(
                VisitPlan.status.in_(("planned", "cancelled")),
                VisitPlan.planned_for >= start,
                VisitPlan.planned_for <= end,
            )
            if not everyone:
                query = query.where(
                    (VisitPlan.officer_id == self._officer_id)
                    | (VisitPlan.second_officer_id == self._officer_id)
                )
            plans = session.scalars(query.order_by(VisitPlan.planned_for))
            return [
                _visit_info(session, p)
                for p in plans
                if first <= uk_local(p.planned_for).date() <= last
            ]

        return self._store.read(work)

    def this_week(self) -> list[VisitPlanInfo]:
        today = self._clock.today()
        return self.visits_between(today, today + dt.timedelta(days=6 - today.weekday()))

    def case_address(self, case_id: str) -> str:
        return self._store.read(lambda session: _case_address(session, case_id))

    def colleagues(self) -> list[tuple[str, str]]:
        """(id, name) of the other officers, for a second officer on a visit."""
        return self._store.read(
            lambda session: [
                (o.id, o.name)
                for o in session.scalars(select(Officer).order_by(Officer.name))
                if o.id != self._officer_id
            ]
        )


def _adult_names(session: Session, case_id: str) -> dict[str, str]:
    case = session.get(Case, case_id)
    if case is None:
        return {}
    child = session.get_one(Child, case.child_id)
    if child.family_id is None:
        return {}
    return {
        a.id: f"{a.forename} {a.surname}"
        for a in session.scalars(select(Adult).where(Adult.family_id == child.family_id))
    }


def _case_address(session: Session, case_id: str) -> str:
    case = session.get_one(Case, case_id)
    child = session.get_one(Child, case.child_id)
    family = session.get(Family, child.family_id) if child.family_id else None
    if family is None:
        return ""
    parts = [family.address_line1, family.address_line2, family.town, family.postcode]
    return ", ".join(p for p in parts if p)


def _visit_info(session: Session, plan: VisitPlan) -> VisitPlanInfo:
    case = session.get_one(Case, plan.case_id)
    child = session.get_one(Child, case.child_id)
    names = dict(session.execute(select(Officer.id, Officer.name)).all())
    risks = (
        list(
            session.scalars(
                select(RiskFlag).where(
                    RiskFlag.family_id == child.family_id, RiskFlag.active.is_(True)
                )
            )
        )
        if child.family_id
        else []
    )
    return VisitPlanInfo(
        id=plan.id,
        case_id=plan.case_id,
        case_reference=case.reference,
        child_name=f"{child.forename} {child.surname}",
        planned_for=plan.planned_for,
        address=plan.address,
        purpose=plan.purpose,
        officer=names.get(plan.officer_id or "", ""),
        second_officer=names.get(plan.second_officer_id or "", ""),
        status=plan.status,
        risk_count=len(risks),
        two_officers_required=any(r.two_officers_required for r in risks),
        change_reason=plan.change_reason or "",
    )


def _reason(reason: str, done: str) -> str:
    why = " ".join(reason.split())
    if not why:
        raise FieldWorkRefused(f"reason: say why the visit is {done}")
    return why


def _still_planned(session: Session, plan_id: str, done: str) -> VisitPlan:
    plan = session.get(VisitPlan, plan_id)
    if plan is None:
        raise FieldWorkRefused("that planned visit is no longer in the profile")
    if plan.status != "planned":
        state = "recorded" if plan.status == "done" else plan.status
        raise FieldWorkRefused(f"only a visit still planned can be {done}: this one was {state}")
    return plan


def _sign_change(
    session: Session, plan: VisitPlan, title: str, body: str, officer_id: str, now: dt.datetime
) -> None:
    """The change to a planned visit, signed into its case's chronology (a note: a visit that
    did not happen is not contact with the family)."""
    entry = ChronologyEntry(
        case_id=plan.case_id,
        entry_type=EntryType.NOTE.value,
        occurred_at=now,
        recorded_at=now,
        author_id=officer_id,
        title=title,
        body=body,
        amend_reason="",
    )
    evidence.sign(session, entry, by=officer_id, at=now)
    session.add(entry)
