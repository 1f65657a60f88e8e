"""The deterministic synthetic caseload behind ``officer-app demo``, the tests and the benchmarks.

Everything about case ``i`` (its child, family, chronology and register) is drawn from random
generators seeded with ``(seed, kind, index)`` and the date the caseload is built around, so
the same arguments always give the same rows, and topping a profile up from 200 cases to 1000
gives the same 1000 cases as making 1000 at once. Families are laid out over the case indexes
by their own seeded sizes (case ``i`` always belongs to the same family); the officers and
schools are a fixed set made once per seed.

The rows are written with bulk Core inserts inside the caller's writer transaction; the
caller marks the session ``untracked`` so that the synthetic rows do not go to the outbox.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from officer_app.attendance.totals import refresh_totals
from officer_app.demo import prose, terms
from officer_app.demo.chronology import CaseContext, base_facts, chronology_rows, school_on_day
from officer_app.demo.common import (
    ONE_DAY,
    bulk_insert,
    new_uuid,
    seeded,
)
from officer_app.demo.families import (
    YEAR_GROUPS,
    ChildPlan,
    FamilyPlan,
    child_plan,
    family_layout,
    family_plan,
    family_size,
)
from officer_app.demo.interviews import CaseInterview, case_interview
from officer_app.demo.names import DEMO_OFFICER_NAME
from officer_app.demo.registers import Register, mark_rows, register_for
from officer_app.demo.stage_plans import ENTRY_COUNTS, due_date, pick_referral_date, stage_for
from officer_app.demo.team import SchoolInfo, Team, ensure_schools, ensure_team
from officer_app.domain.attendance import percentage
from officer_app.domain.closure import (
    DEFAULT_CLOSURE_REASONS,
    Figure,
    after_period,
    before_period,
    closure_text,
    find_reason,
)
from officer_app.domain.school_year import school_year_start
from officer_app.domain.stages import Stage
from officer_app.services.referral_rows import (
    case_reference,
    referral_case_row,
    referral_entry_text,
)
from officer_app.store.models import (
    Adult,
    AttendanceMark,
    Case,
    Child,
    ChronologyEntry,
    Exhibit,
    Family,
    FamilyAddress,
    Interview,
    OutboxMutation,
    RiskFlag,
)
from officer_app.wording import day_month, long_date

CASE_ZERO_ENTRIES = 300  # the benchmark opens case 0: a court case with a long chronology
MARKS_CHUNK = 50_000
ENTRIES_CHUNK = 10_000


@dataclass(frozen=True)
class DemoResult:
    """Cases before and after; entries and marks are the totals now in the profile."""

    cases_before: int
    cases_after: int
    chronology_entries: int
    attendance_marks: int
    profile_officer_id: str


# ------------------------------------------------------------------------------- writing
class _Writer:
    """Buffers rows and writes them in chunks, parents before children."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.cases: list[dict[str, Any]] = []
        self.entries: list[dict[str, Any]] = []
        self.marks: list[dict[str, Any]] = []
        self.records: list[dict[str, Any]] = []  # interview entries, with their answers
        self.interviews: list[dict[str, Any]] = []
        self.exhibits: list[dict[str, Any]] = []

    def _insert(self, model: type[Any], rows: list[dict[str, Any]]) -> None:
        if rows:
            bulk_insert(self.session, model, rows)
            rows.clear()

    def add_case(
        self,
        case: dict[str, Any],
        entries: list[dict[str, Any]],
        marks: list[dict[str, Any]],
        interview: CaseInterview | None,
    ) -> None:
        self.cases.append(case)
        self.entries += entries
        self.marks += marks
        if interview is not None:
            self.records += interview.entry_rows()
            self.interviews += interview.interviews
            self.exhibits += interview.exhibits
        if len(self.marks) >= MARKS_CHUNK:
            self._insert(AttendanceMark, self.marks)
        if len(self.entries) >= ENTRIES_CHUNK:
            self.flush_cases()

    def flush_cases(self) -> None:
        self._insert(Case, self.cases)
        self._insert(ChronologyEntry, self.entries)
        self._insert(ChronologyEntry, self.records)

    def flush(self) -> None:
        self.flush_cases()
        self._insert(AttendanceMark, self.marks)
        self._insert(Interview, self.interviews)  # after the records they point to
        self._insert(Exhibit, self.exhibits)


def _count(session: Session, model: type[Any]) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def populate(
    session: Session,
    *,
    cases: int,
    seed: int = 1,
    today: dt.date,
    profile_officer_name: str = DEMO_OFFICER_NAME,
) -> DemoResult:
    """Create, or top up to, ``cases`` demo cases in the profile (never removes any).

    Run inside a writer transaction with ``session.info["untracked"] = True``.
    """
    team = ensure_team(session, seed, profile_officer_name)
    schools = ensure_schools(session, seed)
    before = _count(session, Case)
    if before < cases:
        _add_cases(session, seed, today, team, schools, range(before, cases))
        from officer_app.demo.field_work import add_field_work  # it builds on this module

        added = range(before, cases)
        add_field_work(session, seed=seed, today=today, team=team, schools=schools, indexes=added)
        refresh_totals(session.connection(), None)
    return DemoResult(
        cases_before=before,
        cases_after=_count(session, Case),
        chronology_entries=_count(session, ChronologyEntry),
        attendance_marks=_count(session, AttendanceMark),
        profile_officer_id=team.officers[0].id,
    )


def _add_cases(
    session: Session,
    seed: int,
    today: dt.date,
    team: Team,
    schools: Sequence[SchoolInfo],
    indexes: range,
) -> None:
    layout = family_layout(seed, indexes.stop)
    current_start = school_year_start(today)
    marks_start = dt.date(current_start.year - 1, 9, 1)
    days = terms.register_days(marks_start, today - ONE_DAY)
    plans: dict[int, FamilyPlan] = {}

    def plan_of(family_index: int) -> FamilyPlan:
        if family_index not in plans:
            plans[family_index] = family_plan(
                seed, family_index, family_size(seed, family_index), schools, today
            )
        return plans[family_index]

    # Families, adults, risks and children first: small tables, one insert each.
    families: list[dict[str, Any]] = []
    adults: list[dict[str, Any]] = []
    risks: list[dict[str, Any]] = []
    earlier: list[dict[str, Any]] = []
    children: list[ChildPlan] = []
    for index in indexes:
        family_index, position = layout[index]
        family = plan_of(family_index)
        if position == 0:  # the family arrived with its first case
            families.append(
                {
                    "id": family.id,
                    "name": family.name,
                    "address_line1": family.address_line1,
                    "address_line2": family.address_line2,
                    "town": family.town,
                    "postcode": family.postcode,
                    "address_from": family.address_from,
                }
            )
            earlier += list(family.earlier_addresses)
            adults += [
                {
                    "id": a.id,
                    "family_id": family.id,
                    "forename": a.forename,
                    "surname": a.surname,
                    "relationship_to_child": a.relationship,
                    "parental_responsibility": a.parental_responsibility,
                    "phone": a.phone,
                    "language": a.language,
                    "interpreter_needed": a.interpreter_needed,
                    "lives_with_child": a.lives_with_child,
                    "date_of_birth": a.date_of_birth,
                    "vulnerable": a.vulnerable,
                }
                for a in family.adults
            ]
            risks += [*family.risks, *family.ended_risks]
        children.append(child_plan(seed, index, family, position, schools, today))
    for model, rows in (
        (Family, families),
        (FamilyAddress, earlier),
        (Adult, adults),
        (RiskFlag, risks),
    ):
        bulk_insert(session, model, rows)
    bulk_insert(
        session,
        Child,
        [
            {
                "id": c.id,
                "upn": c.upn,
                "forename": c.forename,
                "surname": c.surname,
                "date_of_birth": c.date_of_birth,
                "gender": c.gender,
                "year_group": YEAR_GROUPS[c.year],
                "school_id": c.school.id,
                "family_id": plan_of(layout[c.index][0]).id,
                "sen": c.sen,
                "child_protection_plan": c.child_protection_plan,
                "looked_after": c.looked_after,
                "young_carer": c.young_carer,
                "eal": c.eal,
                "gypsy_roma_traveller": c.gypsy_roma_traveller,
            }
            for c in children
        ],
    )

    writer = _Writer(session)
    for child in children:
        family = plan_of(layout[child.index][0])
        writer.add_case(*_case_rows(seed, child, family, layout, team, today, days, current_start))
    writer.flush()


def _siblings_text(
    child: ChildPlan,
    family: FamilyPlan,
    layout: Sequence[tuple[int, int]],
) -> str:
    position = layout[child.index][1]
    others = [m for n, m in enumerate(family.members) if n != position]
    if not others:
        return ""
    member = others[0]
    label = "Reception" if member.year == 0 else f"Year {member.year}"
    return f"{member.forename} ({label})"


def _case_rows(
    seed: int,
    child: ChildPlan,
    family: FamilyPlan,
    layout: Sequence[tuple[int, int]],
    team: Team,
    today: dt.date,
    days: Sequence[tuple[dt.date, bool]],
    current_start: dt.date,
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]], CaseInterview | None]:
    rng = seeded(seed, "case", child.index)
    case_id = new_uuid(rng)
    stage = stage_for(seed, child.index)
    marks_start = days[0][0] if days else current_start
    own_start = marks_start if child.previous_school is not None else current_start
    referral = pick_referral_date(rng, stage, today, own_start + dt.timedelta(days=35))
    closed_on: dt.date | None = None
    closure_reason = ""
    closure_key = closure_detail = ""
    if stage == Stage.CLOSED:
        span = max(0, (today - referral).days - 46)
        closed_on = referral + dt.timedelta(days=45 + rng.randint(0, span))
        while closed_on.weekday() >= 5:
            closed_on -= ONE_DAY
        closed_on = min(max(closed_on, referral), today - ONE_DAY)
        closure_key, closure_detail = rng.choice(prose.CLOSURE_REASONS)
    id_prefix = seeded(seed, "ids").getrandbits(32)
    register = register_for(seed, child, days, current_start, referral)
    closure = None
    if closed_on is not None:
        closure = closure_of(closure_key, closure_detail, register, referral, closed_on)
        closure_reason = closure[0]
    officer = team.officers[family.officer]
    siblings = _siblings_text(child, family, layout)
    facts = base_facts(child, family, officer, team, rng, siblings)
    ctx = CaseContext(
        index=child.index,
        case_id=case_id,
        child=child,
        family=family,
        officer=officer,
        team=team,
        stage=stage,
        referral_date=referral,
        closed_on=closed_on,
        closure_reason=closure_reason,
        register=register,
        facts=facts,
        siblings=siblings,
        id_prefix=id_prefix,
        closure=closure,
    )
    since, possible, present, unauth = register.figures(referral)
    referring_school = school_on_day(child, referral, today)
    figure_facts = dict(
        facts,
        pct=f"{100.0 * present / possible if possible else 100.0:.1f}",
        poss=str(possible),
        miss=str(possible - present),
        unauth=str(unauth),
        since=long_date(since),
        school=referring_school.name,
        staff=facts["staff_a"],
        date=day_month(referral - dt.timedelta(days=rng.randint(14, 40))),
    )
    low, high = ENTRY_COUNTS[stage]
    target = CASE_ZERO_ENTRIES if child.index == 0 else rng.randint(low, high)
    # The case opens as every referral does (services.referral_rows: the service's builder);
    # the demo then gives it the stage its story has reached.
    case_row = referral_case_row(
        case_id=case_id,
        reference=case_reference(referral.year, child.index + 1),
        child_id=child.id,
        officer_id=officer.id,
        received=referral,
        referred_by=f"{referring_school.name} attendance lead",
        reason=prose.referral_reason(rng, figure_facts),
    )
    case_row.update(
        stage=stage.value,
        status="closed" if stage == Stage.CLOSED else "open",
        next_action="" if closed_on else prose.next_action(rng, stage.value, facts)[:200],
        next_action_due=None if closed_on else due_date(rng, today),
        closed_on=closed_on,
        closure_reason=closure_reason[:200],
        closure_code=closure_key,
        attendance_before=closure[1].percent if closure else None,
        attendance_after=closure[2].percent if closure else None,
    )
    ctx.referral_text = referral_entry_text(
        referred_by=case_row["referral_source"],
        reason=case_row["referral_reason"],
        received=referral,
    )
    ctx.interview = case_interview(seed, ctx, today)
    entries = chronology_rows(seed, ctx, today, target)
    if ctx.interview is not None and ctx.interview.next_action is not None and not closed_on:
        text, due = ctx.interview.next_action
        case_row.update(next_action=text[:200], next_action_due=due)
    return case_row, entries, mark_rows(id_prefix, child, register), ctx.interview


def closure_of(
    key: str, detail: str, register: Register, referral: dt.date, closed_on: dt.date
) -> tuple[str, Figure, Figure]:
    """A closed demo case's reason as recorded and its attendance before and after, over the
    periods the service uses (domain/closure.py), from the register the demo made."""
    reason = find_reason(DEFAULT_CLOSURE_REASONS, key)
    assert reason is not None, f"prose.yaml CLOSURE_REASONS: {key!r} is not a closure reason"

    def counts(first: dt.date, last: dt.date) -> tuple[int, int]:
        lo = bisect.bisect_left(register.dates, first)
        hi = bisect.bisect_right(register.dates, last)
        return (
            register.possible[hi] - register.possible[lo],
            register.present[hi] - register.present[lo],
        )

    def figure(first: dt.date, last: dt.date) -> Figure:
        possible, present = counts(first, last)
        share = percentage(present, possible)
        return Figure(first, last, None if share is None else float(share))

    before = before_period(referral, lambda first, last: counts(first, last)[0])
    return (
        closure_text(reason, detail),
        figure(*before),
        figure(*after_period(referral, closed_on)),
    )


def outbox_high_water(session: Session) -> int:
    """The last outbox sequence number now (0 when empty)."""
    return int(session.scalar(select(func.max(OutboxMutation.device_seq))) or 0)


def as_already_synced(session: Session, after: int) -> int:
    """Mark the outbox entries made after ``after`` as synced: the demo's records, replayed
    through the real services, are synthetic history, like ``populate``'s untracked rows."""
    done = session.execute(
        update(OutboxMutation)
        .where(OutboxMutation.device_seq > after, OutboxMutation.state == "pending")
        .values(state="synced")
    )
    return int(getattr(done, "rowcount", 0) or 0)
