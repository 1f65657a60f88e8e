"""Field work: plan a visit, acknowledge its risks, record it on a form, assess, plan, review.

Structured records (home visit, initial assessment, plan review, CME referral, EHE notice) are
chronology entries that carry the form id, its version and the answers, so signing seals
the answers into the case's evidence chain like any note.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import Clock, uk_local
from officer_app.domain.chronology import CONTACT_TYPES, EntryType
from officer_app.domain.working_days import Timescales
from officer_app.forms import (
    FieldError,
    FormDefinition,
    FormRegistry,
    clean,
    validate,
    with_case_facts,
)
from officer_app.services.builders import (
    FORM_ENTRY_TYPES,
    record_body,
    record_entry_type,
    record_title,
)
from officer_app.services.case_file import (
    CaseNotFound,
    draft_info,
    entry_info,
    find_draft,
    officer_names,
    seal_entry,
)
from officer_app.services.dto import (
    AcknowledgementInfo,
    DraftInfo,
    EntryInfo,
    PlanActionInfo,
    PlanInfo,
    PlanTargetInfo,
    RiskInfo,
    TimescaleInfo,
    VisitPlanInfo,
)
from officer_app.services.significant_statements import (
    SignificantStatementInfo,
    case_facts,
    significant_statements,
)
from officer_app.store import audit, evidence
from officer_app.store.database import Store
from officer_app.store.models import (
    Adult,
    Case,
    Child,
    ChronologyEntry,
    Draft,
    Family,
    Officer,
    Plan,
    PlanAction,
    PlanTarget,
    RiskAcknowledgement,
    RiskFlag,
    School,
    VisitPlan,
)

if TYPE_CHECKING:
    from officer_app.documents import RecordHeader

OWNERS = ("officer", "school", "parent", "agency")


class FieldWorkRefused(ValueError):
    """The action cannot be done as asked; the message says why, for the officer."""


class RecordInvalid(FieldWorkRefused):
    def __init__(self, errors: Sequence[FieldError]) -> None:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{first.field_id}: {first.message}{more}")
        self.errors = tuple(errors)


class RisksNotAcknowledged(FieldWorkRefused):
    pass


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


def _draft_kind(form_id: str) -> str:
    return f"form:{form_id}"


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


class FieldWorkService:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        officer_id: str,
        forms: FormRegistry,
        timescales: Timescales | None = None,
        *,
        la_name: str | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._officer_id = officer_id
        self.forms = forms
        self.timescales = timescales or Timescales()
        self.la_name = la_name

    # --- risks ---------------------------------------------------------------------------
    def _risks(self, session: Session, case_id: str) -> list[RiskFlag]:
        case = session.get(Case, case_id)
        if case is None:
            raise CaseNotFound(f"no case with id {case_id}")
        child = session.get_one(Child, case.child_id)
        if child.family_id is None:
            return []
        return list(
            session.scalars(
                select(RiskFlag).where(
                    RiskFlag.family_id == child.family_id, RiskFlag.active.is_(True)
                )
            )
        )

    def risks_for(self, case_id: str) -> tuple[RiskInfo, ...]:
        def work(session: Session) -> tuple[RiskInfo, ...]:
            names = _adult_names(session, case_id)
            flags = sorted(self._risks(session, case_id), key=_most_serious_first)
            return tuple(_risk_info(f, names) for f in flags)

        return self._store.read(work)

    def needs_acknowledgement(self, case_id: str, visit_plan_id: str | None = None) -> bool:
        """True when the case has risk flags not acknowledged today (for this visit)."""
        today = self._clock.today()

        def work(session: Session) -> bool:
            if not self._risks(session, case_id):
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
            flags = sorted(self._risks(session, case_id), key=_most_serious_first)
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
            risks = self._risks(session, case_id)
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

    def cancel_visit(self, plan_id: str) -> None:
        def work(session: Session) -> None:
            plan = session.get(VisitPlan, plan_id)
            if plan is None or plan.status != "planned":
                raise FieldWorkRefused("only a planned visit can be cancelled")
            plan.status = "cancelled"

        return self._store.write_wait(work)

    def visits_between(
        self, first: dt.date, last: dt.date, *, everyone: bool = False
    ) -> list[VisitPlanInfo]:
        """Planned visits from ``first`` to ``last`` (UK dates), this officer's unless everyone."""
        start = dt.datetime.combine(first, dt.time.min, tzinfo=dt.UTC) - dt.timedelta(hours=1)
        end = dt.datetime.combine(last, dt.time.max, tzinfo=dt.UTC)

        def work(session: Session) -> list[VisitPlanInfo]:
            query = select(VisitPlan).where(
                VisitPlan.status == "planned",
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

    # --- structured records ----------------------------------------------------------------
    def definition(self, form_id: str, version: int | None = None) -> FormDefinition:
        return self.forms.get(form_id, version)

    def people(self, case_id: str) -> list[tuple[str, str]]:
        """(id, name) of the child and the adults of the family, for 'person' questions."""

        def work(session: Session) -> list[tuple[str, str]]:
            case = session.get(Case, case_id)
            if case is None:
                raise CaseNotFound(f"no case with id {case_id}")
            return _people(session, case)

        return self._store.read(work)

    def case_facts(self, case_id: str) -> dict[str, bool]:
        """The facts of the case that ``from_case`` fields take (e.g. ``legal_action``)."""
        return self._store.read(lambda session: case_facts(session, case_id))

    def with_case_facts(
        self, case_id: str, definition: FormDefinition, answers: dict[str, Any]
    ) -> dict[str, Any]:
        """``answers`` with the form's ``from_case`` fields set from the case as it is now."""
        return with_case_facts(definition, answers, self.case_facts(case_id))

    def significant_statements(self, case_id: str) -> list[SignificantStatementInfo]:
        """The case's significant statements (signed visit records), oldest first: what an
        interview under caution puts to the person at its start (issue 9, point 11)."""
        return self._store.read(lambda session: significant_statements(session, case_id))

    def record_draft(self, case_id: str, form_id: str) -> DraftInfo | None:
        def work(session: Session) -> DraftInfo | None:
            draft = find_draft(session, case_id, _draft_kind(form_id))
            return draft_info(draft) if draft else None

        return self._store.read(work)

    def record_draft_answers(self, case_id: str, form_id: str) -> tuple[int, dict[str, Any]] | None:
        """(form version, answers) of the draft being filled in, if any."""

        def work(session: Session) -> tuple[int, dict[str, Any]] | None:
            draft = find_draft(session, case_id, _draft_kind(form_id))
            if draft is None or draft.answers is None:
                return None
            return int(draft.form_version or 1), dict(draft.answers)

        return self._store.read(work)

    def save_record_draft(
        self, case_id: str, definition: FormDefinition, answers: dict[str, Any]
    ) -> DraftInfo:
        """Keep a form being filled in (local only), at every change and every few seconds."""
        now = self._clock.now()
        kind = _draft_kind(definition.id)
        snapshot = dict(answers)

        def work(session: Session) -> DraftInfo:
            draft = find_draft(session, case_id, kind)
            if draft is None:
                draft = Draft(case_id=case_id, kind=kind)
                session.add(draft)
            draft.entry_type = FORM_ENTRY_TYPES.get(definition.id, EntryType.NOTE).value
            draft.title = definition.title
            draft.form_id = definition.id
            draft.form_version = definition.version
            draft.answers = snapshot
            draft.updated_at = now
            session.flush()
            return draft_info(draft)

        return self._store.write_wait(work)

    def sign_record(
        self,
        case_id: str,
        definition: FormDefinition,
        answers: dict[str, Any],
        *,
        occurred_at: dt.datetime | None = None,
        visit_plan_id: str | None = None,
    ) -> EntryInfo:
        """Validate, then seal the record into the case's chain; the draft goes in the same
        transaction. A home visit needs its risk flags acknowledged first."""
        people = self.people(case_id)
        # a fact of the case is the case's, never what was typed or kept in a draft
        kept = clean(definition, self.with_case_facts(case_id, definition, answers))
        errors = validate(
            definition, kept, people=[p for p, _ in people], today=self._clock.today()
        )
        if errors:
            raise RecordInvalid(errors)
        if definition.id == "home_visit" and self.needs_acknowledgement(case_id, None):
            raise RisksNotAcknowledged(
                "read and acknowledge the risk flags on this family before recording the visit"
            )
        body = record_body(definition, kept, people)
        kind = record_entry_type(definition.id)
        title = record_title(definition, kept)
        now = self._clock.now()
        officer_id = self._officer_id

        def work(session: Session) -> EntryInfo:
            entry = ChronologyEntry(
                case_id=case_id,
                entry_type=kind.value,
                occurred_at=occurred_at or _occurred(kept, now),
                recorded_at=now,
                author_id=officer_id,
                title=title,
                body=body,
                amend_reason="",
                form_id=definition.id,
                form_version=definition.version,
                answers=kept,
            )
            seal_entry(session, entry, by=officer_id, at=now, draft_kind=_draft_kind(definition.id))
            _apply_to_plan(
                session, case_id, definition.id, kept, self._clock.today(), self.timescales
            )
            if visit_plan_id is not None:
                plan = session.get(VisitPlan, visit_plan_id)
                if plan is not None and plan.status == "planned":
                    plan.status = "done"
                    session.flush()
                    plan.record_id = entry.id
            session.flush()
            return entry_info(entry, officer_names(session))

        return self._store.write_wait(work)

    def export_record_pdf(self, entry_id: str, out: Path) -> int:
        """Save the record as a PDF file (audited as an export); returns the page count."""
        from officer_app.documents import render_record

        header, definition, answers, people = self._record_document(entry_id)
        pages = render_record(
            header,
            definition,
            answers,
            out,
            printed_at=self._clock.now(),
            person_name=lambda pid: people.get(pid, pid),
        )
        self._audit_document("export", entry_id, pages, header.form_id)
        return pages

    def record_pdf_bytes(self, entry_id: str) -> tuple[bytes, int]:
        """The record as PDF bytes for the print dialog (audited as a print); nothing is
        written to disk."""
        from officer_app.documents import render_record_bytes

        header, definition, answers, people = self._record_document(entry_id)
        data, pages = render_record_bytes(
            header,
            definition,
            answers,
            printed_at=self._clock.now(),
            person_name=lambda pid: people.get(pid, pid),
        )
        self._audit_document("print", entry_id, pages, header.form_id)
        return data, pages

    def _audit_document(self, action: str, entry_id: str, pages: int, form_id: str) -> None:
        self._store.write_wait(
            lambda session: audit.record(
                session,
                action,
                entity_type="chronology_entry",
                entity_id=entry_id,
                detail={"pages": pages, "form": form_id},
            )
        )

    def _record_document(
        self, entry_id: str
    ) -> tuple[RecordHeader, FormDefinition, dict[str, Any], dict[str, str]]:
        """Everything a record's PDF needs, read in one go (blocking: run it on a worker)."""
        from officer_app.documents import Amendment, RecordHeader
        from officer_app.documents.record_pdf import DEFAULT_LA_NAME

        def gather(
            session: Session,
        ) -> tuple[RecordHeader, FormDefinition, dict[str, Any], dict[str, str]]:
            entry = session.get(ChronologyEntry, entry_id)
            if entry is None or entry.form_id is None or entry.answers is None:
                raise FieldWorkRefused("only a structured record (a form) prints as a record")
            case = session.get_one(Case, entry.case_id)
            child = session.get_one(Child, case.child_id)
            school = session.get(School, child.school_id) if child.school_id else None
            names = officer_names(session)
            amendments = session.scalars(
                select(ChronologyEntry)
                .where(ChronologyEntry.amends_id == entry.id)
                .order_by(ChronologyEntry.signed_at)
            )
            header = RecordHeader(
                title=entry.title,
                case_reference=case.reference,
                child_name=f"{child.forename} {child.surname}",
                child_dob=child.date_of_birth,
                school=school.name if school else "",
                officer=names.get(entry.author_id or "", ""),
                occurred_at=entry.occurred_at,
                recorded_at=entry.recorded_at,
                signed_at=entry.signed_at,
                signed_by=names.get(entry.signed_by or "", ""),
                content_hash=entry.content_hash or "",
                form_id=entry.form_id,
                form_version=int(entry.form_version or 1),
                la_name=self.la_name or DEFAULT_LA_NAME,
                amendments=tuple(
                    Amendment(
                        signed_at=a.signed_at or a.recorded_at,
                        signed_by=names.get(a.signed_by or "", ""),
                        reason=a.amend_reason,
                        text=a.body,
                    )
                    for a in amendments
                ),
                evidence=evidence.chain_mark(session, case.id),
            )
            definition = self.forms.get(entry.form_id, entry.form_version)
            return header, definition, dict(entry.answers), dict(_people(session, case))

        return self._store.read(gather)

    # --- plans -----------------------------------------------------------------------------
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


def _occurred(answers: dict[str, Any], now: dt.datetime) -> dt.datetime:
    """The record's own date and arrival time when it has them (a visit written up later)."""
    day = answers.get("visit_date") or answers.get("assessment_date") or answers.get("review_date")
    if not isinstance(day, str):
        return now
    try:
        date = dt.date.fromisoformat(day)
        time = dt.time.fromisoformat(str(answers.get("arrival_time") or "09:00"))
    except ValueError:
        return now
    from officer_app.clock import UK

    return dt.datetime.combine(date, time, tzinfo=UK).astimezone(dt.UTC)


def _people(session: Session, case: Case) -> list[tuple[str, str]]:
    child = session.get_one(Child, case.child_id)
    people = [(child.id, f"{child.forename} {child.surname} (child)")]
    if child.family_id:
        for adult in session.scalars(select(Adult).where(Adult.family_id == child.family_id)):
            people.append(
                (adult.id, f"{adult.forename} {adult.surname} ({adult.relationship_to_child})")
            )
    return people


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
    )


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


def _apply_to_plan(
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
