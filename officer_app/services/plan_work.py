"""Plans: targets and actions agreed with the family, their review, the case's timescales."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import uk_local
from officer_app.domain.chronology import CONTACT_TYPES, EntryType
from officer_app.domain.working_days import Timescales
from officer_app.services.case_file import CaseNotFound
from officer_app.services.dto import (
    PlanActionInfo,
    PlanInfo,
    PlanTargetInfo,
    TimescaleInfo,
)
from officer_app.services.field_work_base import FieldWorkBase, FieldWorkRefused
from officer_app.store.models import (
    Case,
    ChronologyEntry,
    Plan,
    PlanAction,
    PlanTarget,
)
from officer_app.wording import short_date

OWNERS = ("officer", "school", "parent", "agency")


@dataclass(frozen=True)
class TargetInput:
    description: str
    attendance_pct: float | None = None
    over_weeks: int | None = None


@dataclass(frozen=True)
class ActionInput:
    description: str
    owner: str
    due_on: dt.date
    owner_name: str = ""


class PlanWork(FieldWorkBase):
    def create_plan(
        self,
        case_id: str,
        *,
        targets: Sequence[TargetInput],
        actions: Sequence[ActionInput],
        review_on: dt.date | None = None,
        summary: str = "",
    ) -> PlanInfo:
        if not targets:
            raise FieldWorkRefused("a plan needs at least one target")
        for action in actions:
            if action.owner not in OWNERS:
                raise FieldWorkRefused(f"an action's owner is one of {', '.join(OWNERS)}")
            if not action.description.strip():
                raise FieldWorkRefused("every action needs a description")
        for target in targets:
            if target.attendance_pct is not None and not 0 <= target.attendance_pct <= 100:
                raise FieldWorkRefused("an attendance target is a percentage from 0 to 100")
        today = self._clock.today()
        review = review_on or self.timescales.next_review(today)
        if review <= today:  # a review looks back on the plan: it cannot come before it
            raise FieldWorkRefused(
                f"Review date: {short_date(review)} is not after the plan is agreed "
                f"({short_date(today)})"
            )

        def work(session: Session) -> PlanInfo:
            if session.get(Case, case_id) is None:
                raise CaseNotFound(f"no case with id {case_id}")
            for old in session.scalars(
                select(Plan).where(Plan.case_id == case_id, Plan.status == "active")
            ):
                old.status = "ended"
            plan = Plan(
                case_id=case_id,
                agreed_on=today,
                review_on=review,
                status="active",
                summary=summary,
            )
            session.add(plan)
            session.flush()
            for n, target in enumerate(targets):
                session.add(
                    PlanTarget(
                        plan_id=plan.id,
                        description=target.description,
                        attendance_pct=target.attendance_pct,
                        over_weeks=target.over_weeks,
                        position=n,
                    )
                )
            for action in actions:
                session.add(
                    PlanAction(
                        plan_id=plan.id,
                        description=action.description,
                        owner=action.owner,
                        owner_name=action.owner_name,
                        due_on=action.due_on,
                    )
                )
            session.flush()
            _refresh_next_action(session, case_id)
            return _plan_info(session, plan)

        return self._store.write_wait(work)

    def complete_action(self, action_id: str, done_on: dt.date | None = None) -> None:
        day = done_on or self._clock.today()
        if day > self._clock.today():  # nothing is recorded as done before it is done
            raise FieldWorkRefused(f"Done on: {short_date(day)} is a date still to come")

        def work(session: Session) -> None:
            action = session.get(PlanAction, action_id)
            if action is None:
                raise FieldWorkRefused("no such action")
            action.done_on = day
            plan = session.get_one(Plan, action.plan_id)
            session.flush()
            _refresh_next_action(session, plan.case_id)

        return self._store.write_wait(work)

    def active_plan(self, case_id: str) -> PlanInfo | None:
        def work(session: Session) -> PlanInfo | None:
            plan = session.scalar(
                select(Plan).where(Plan.case_id == case_id, Plan.status == "active")
            )
            return _plan_info(session, plan) if plan else None

        return self._store.read(work)

    # --- timescales ------------------------------------------------------------------------
    def case_timescales(self, case_id: str) -> tuple[TimescaleInfo, ...]:
        """First contact, initial assessment and the next review: due, met, overdue."""
        today = self._clock.today()
        scales = self.timescales

        def work(session: Session) -> tuple[TimescaleInfo, ...]:
            case = session.get(Case, case_id)
            if case is None:
                raise CaseNotFound(f"no case with id {case_id}")
            rows = session.execute(
                select(ChronologyEntry.entry_type, ChronologyEntry.occurred_at).where(
                    ChronologyEntry.case_id == case_id,
                    ChronologyEntry.occurred_at
                    >= dt.datetime.combine(case.referral_date, dt.time.min, tzinfo=dt.UTC),
                )
            ).all()
            contact = [uk_local(at).date() for kind, at in rows if kind in CONTACT_TYPES]
            assessed = [uk_local(at).date() for kind, at in rows if kind == EntryType.ASSESSMENT]
            due = scales.due_dates(case.referral_date)
            result = [
                _timescale(
                    "First contact", due.first_contact, min(contact, default=None), today, scales
                ),
                _timescale(
                    "Initial assessment",
                    due.initial_assessment,
                    min(assessed, default=None),
                    today,
                    scales,
                ),
            ]
            plan = session.scalar(
                select(Plan).where(Plan.case_id == case_id, Plan.status == "active")
            )
            if plan is not None:
                reviews = [
                    uk_local(at).date()
                    for kind, at in rows
                    if kind == EntryType.REVIEW and uk_local(at).date() >= plan.agreed_on
                ]
                result.append(
                    _timescale(
                        "Plan review", plan.review_on, max(reviews, default=None), today, scales
                    )
                )
            return tuple(result)

        return self._store.read(work)


def _timescale(
    name: str, due: dt.date, met: dt.date | None, today: dt.date, scales: Timescales
) -> TimescaleInfo:
    if met is not None:
        late = scales.working_days_overdue(due, met)
    else:
        late = scales.working_days_overdue(due, today)
    return TimescaleInfo(name=name, due_on=due, met_on=met, working_days_overdue=late)


def _plan_info(session: Session, plan: Plan) -> PlanInfo:
    targets = session.scalars(
        select(PlanTarget).where(PlanTarget.plan_id == plan.id).order_by(PlanTarget.position)
    )
    actions = session.scalars(
        select(PlanAction).where(PlanAction.plan_id == plan.id).order_by(PlanAction.due_on)
    )
    return PlanInfo(
        id=plan.id,
        case_id=plan.case_id,
        agreed_on=plan.agreed_on,
        review_on=plan.review_on,
        status=plan.status,
        summary=plan.summary,
        targets=tuple(
            PlanTargetInfo(t.id, t.description, t.attendance_pct, t.over_weeks) for t in targets
        ),
        actions=tuple(
            PlanActionInfo(a.id, a.description, a.owner, a.owner_name, a.due_on, a.done_on)
            for a in actions
        ),
    )


_PARENT_WORDS = ("parent", "mum", "dad", "mother", "father", "carer", "family", "gran")
_OFFICER_WORDS = ("officer", "ewo", "attendance", "me", "myself")


def _owner_kind(owner: str) -> str:
    words = owner.casefold()
    if "school" in words or "senco" in words or "teacher" in words or "head" in words:
        return "school"
    if any(w in words for w in _PARENT_WORDS):
        return "parent"
    if any(w in words.split() for w in _OFFICER_WORDS) or "officer" in words:
        return "officer"
    return "agency"


def apply_to_plan(
    session: Session,
    case_id: str,
    form_id: str,
    answers: dict[str, Any],
    today: dt.date,
    scales: Timescales,
) -> None:
    """An initial assessment's targets become the case's plan; a review sets the next review.

    The signed record stays the evidence; the plan rows are what the caseload and the next
    action column work from.
    """
    if form_id == "initial_assessment" and isinstance(answers.get("targets"), list):
        for old in session.scalars(
            select(Plan).where(Plan.case_id == case_id, Plan.status == "active")
        ):
            old.status = "ended"
        start = _date(answers.get("plan_start")) or today
        plan = Plan(
            case_id=case_id,
            agreed_on=start,
            review_on=_date(answers.get("first_review_date")) or scales.next_review(start),
            status="active",
            summary=str(answers.get("analysis", ""))[:2000],
        )
        session.add(plan)
        session.flush()
        for n, item in enumerate(answers["targets"]):
            if not isinstance(item, dict) or not item.get("target"):
                continue
            session.add(
                PlanTarget(plan_id=plan.id, description=str(item["target"])[:300], position=n)
            )
            due = _date(item.get("target_date"))
            if due is not None:
                owner = str(item.get("target_owner", ""))
                session.add(
                    PlanAction(
                        plan_id=plan.id,
                        description=str(item.get("target_support") or item["target"])[:300],
                        owner=_owner_kind(owner),
                        owner_name=owner[:120],
                        due_on=due,
                    )
                )
        session.flush()
        _refresh_next_action(session, case_id)
    elif form_id == "plan_review":
        active = session.scalar(
            select(Plan).where(Plan.case_id == case_id, Plan.status == "active")
        )
        next_review = _date(answers.get("next_review_date"))
        if active is not None and next_review is not None:
            active.review_on = next_review
            session.flush()
            _refresh_next_action(session, case_id)


def _date(value: object) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _refresh_next_action(session: Session, case_id: str) -> None:
    """The case's next action is the earliest open plan action, or the plan's review."""
    case = session.get_one(Case, case_id)
    plan = session.scalar(select(Plan).where(Plan.case_id == case_id, Plan.status == "active"))
    if plan is None:
        return
    pending = session.scalars(
        select(PlanAction)
        .where(PlanAction.plan_id == plan.id, PlanAction.done_on.is_(None))
        .order_by(PlanAction.due_on)
    ).first()
    if pending is not None and pending.due_on <= plan.review_on:
        case.next_action, case.next_action_due = pending.description[:200], pending.due_on
    else:
        case.next_action, case.next_action_due = "Review the plan", plan.review_on
