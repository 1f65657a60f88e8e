"""Witness statements and evidence packs in the synthetic caseload (issue 13, point 5).

For a handful of the cases a top-up adds that hold an interview under caution already held
(``demo/interviews.py``), the prosecution file is made through the real services, as the
case's officer, with the clock set to each step's moment in the working days before the
demo's "today" (as ``demo/letters.py`` does):

- the officer's statement drafted from the case (``StatementService.draft_for_officer``, for
  the interview's offence period, so that the record of interview is one of its exhibits),
  saved, then saved again with one paragraph edited (``resources/demo/court_work.yaml``);
  left as a draft with those two versions, or signed;
- on some cases, the statement of the school's attendance lead, typed in and signed: it
  produces the school's register printout (``demo/school_witness.py``);
- an evidence pack of the interview's offence (s444(1) or s444(1A)) and period against the
  parent interviewed, left as a draft, approved by the court officer or the supervisor (the
  roles ``PackService.approve`` accepts), or approved and then served (by hand, post or
  secure email) on a day before today.

Which cases: open cases at court or after it (post-court monitoring: a pack served only),
or at legal intervention (a statement being written or a draft pack: nothing is laid yet),
whose interview record is sealed, whose period is still in time (s127 Magistrates' Courts Act
1980, :func:`officer_app.domain.statement.time_limit`) and shows unauthorised absence, and
whose family has no withheld address (a pack is refused where one would show). They are taken
in an order drawn from the seed; the first ones cover every state (a served pack with the
school's statement, an approved pack, a draft pack, a statement still in draft), later ones
are drawn. A case the services refuse (no register, a pack refused) is passed over for the
next: the demo never stops on it.

Each step is its own transaction, as in the application, and a step already in the profile
(made by a top-up killed part-way) is not taken again: a rerun goes on from where the killed
one stopped and ends with the same statements and packs as a run never interrupted.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.clock import UK, FixedClock
from officer_app.demo.casework import shipped_forms
from officer_app.demo.common import UNAUTHORISED, seeded, weighted
from officer_app.demo.data import demo_data
from officer_app.demo.school_witness import add_lead_statement
from officer_app.domain.stages import Stage
from officer_app.domain.statement import time_limit
from officer_app.domain.working_days import add_working_days
from officer_app.forms import FormRegistry
from officer_app.services.attachments import AttachmentService
from officer_app.services.attendance import AttendanceService
from officer_app.services.field_work import FieldWorkService
from officer_app.services.pack_info import PackInfo, PackRefused
from officer_app.services.packs import PackService
from officer_app.services.profile import OpenProfile
from officer_app.services.statement_facts import StatementInfo, StatementRefused
from officer_app.services.statements import StatementService
from officer_app.services.withheld import withheld_addresses
from officer_app.store.models import (
    AttendanceMark,
    Case,
    Child,
    ChronologyEntry,
    Interview,
    Officer,
)

_DATA = demo_data("court_work")

PER_TOP_UP = 4
"""Cases of a top-up that get statements and packs: enough to see every state, few enough to
cost little (each signing renders a statement, each pack a few hundred pages at most)."""

MIN_UNAUTHORISED = 4
"""Sessions of unauthorised absence (two school days) a period needs before the demo takes it
to court: the demo's own choice, not a legal rule, so that no statement or pack it makes is
about a period with next to nothing to prove."""

# What is made on a case: the state its officer's statement and its pack are left in.
WRITING = "writing"  # the officer's statement in draft (two versions); no pack
DRAFTED = "drafted"  # statement signed; pack built, awaiting approval
APPROVED = "approved"  # statement signed; pack approved for service
SERVED = "served"  # statement signed; pack approved and served
FIRST = (SERVED, APPROVED, DRAFTED, WRITING)  # the first cases show every state
ALLOWED = {
    Stage.LEGAL.value: (WRITING, DRAFTED),  # the file is being prepared: nothing laid yet
    Stage.COURT.value: FIRST,
    Stage.MONITORING.value: (SERVED,),  # after the hearing: its pack was served before it
}
_DRAW = {WRITING: 0.3, DRAFTED: 0.2, APPROVED: 0.2, SERVED: 0.3}
_SERVE_BY = (("hand", 0.4), ("email", 0.4), ("post", 0.2))


@dataclass(frozen=True)
class _Candidate:
    index: int
    case_id: str
    stage: str
    officer_id: str
    interviewee_id: str
    offence: str
    period_from: dt.date
    period_to: dt.date
    held_on: dt.date  # the day of the interview


@dataclass(frozen=True)
class _Plan:
    """One case's work: its state and the moment of each step."""

    role: str
    lead: bool  # the school's attendance lead makes a statement too
    drafted: dt.datetime
    edited: dt.datetime
    signed: dt.datetime
    built: dt.datetime
    approved: dt.datetime
    served: dt.datetime
    method: str
    approver_role: str


def _at(day: dt.date, minute: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(minute // 60, minute % 60), tzinfo=UK)


def _plan(rng: random.Random, role: str, today: dt.date) -> _Plan:
    """The steps in the last working days before ``today``: drafted and edited on one day,
    signed the next, the pack built the day after, approved the next, served by the day
    before today."""
    start = add_working_days(today, -rng.randint(4, 7))

    def day(n: int) -> dt.date:
        return add_working_days(start, n)

    approved = day(3)
    last = add_working_days(today, -1)
    served_on = approved + dt.timedelta(days=rng.randint(0, max(0, (last - approved).days)))
    served_on = served_on if served_on.weekday() < 5 else approved
    return _Plan(
        role=role,
        lead=role == SERVED or (role != WRITING and rng.random() < 0.5),
        drafted=_at(start, 9 * 60 + rng.randint(0, 120)),
        edited=_at(start, 13 * 60 + 30 + rng.randint(0, 150)),
        signed=_at(day(1), 10 * 60 + rng.randint(0, 60)),
        built=_at(day(2), 10 * 60 + rng.randint(0, 90)),
        approved=_at(approved, 9 * 60 + 30 + rng.randint(0, 90)),
        served=_at(served_on, 15 * 60 + rng.randint(0, 90)),
        method=weighted(rng, _SERVE_BY),
        approver_role="court_officer" if rng.random() < 0.75 else "supervisor",
    )


# -- the cases --------------------------------------------------------------------------------


def _candidates(opened: OpenProfile, indexes: range, today: dt.date) -> list[_Candidate]:
    def work(session: Session) -> list[_Candidate]:
        rows = session.execute(
            select(
                Case.id,
                Case.reference,
                Case.stage,
                Case.officer_id,
                Child.id,
                Interview.interviewee_id,
                Interview.offence,
                Interview.period_from,
                Interview.period_to,
                ChronologyEntry.occurred_at,
            )
            .join(Child, Child.id == Case.child_id)
            .join(Interview, Interview.case_id == Case.id)
            .join(ChronologyEntry, ChronologyEntry.id == Interview.record_id)
            .where(
                Case.status == "open",
                Case.stage.in_(ALLOWED),
                Case.officer_id.is_not(None),
                Interview.status == "completed",
            )
            .order_by(Case.reference, Interview.created_at)
        ).all()
        latest = {row[0]: row for row in rows}  # the last interview held, by case
        found: list[_Candidate] = []
        for case_id, reference, stage, officer_id, child_id, *interview, held in latest.values():
            index = int(reference[-5:]) - 1
            interviewee_id, offence, first, last = interview
            if index not in indexes or index == 0 or last >= today:
                continue  # case 0 keeps its long chronology for the benchmarks
            if not time_limit(first, today).in_time:
                continue
            unauthorised = session.scalar(
                select(func.count(AttendanceMark.id)).where(
                    AttendanceMark.child_id == child_id,
                    AttendanceMark.date.between(first, last),
                    AttendanceMark.code.in_(UNAUTHORISED),
                )
            )
            if (unauthorised or 0) < MIN_UNAUTHORISED or withheld_addresses(session, case_id):
                continue
            found.append(
                _Candidate(
                    index,
                    case_id,
                    stage,
                    str(officer_id),
                    interviewee_id,
                    offence,
                    first,
                    last,
                    held.astimezone(UK).date(),
                )
            )
        return found

    return opened.store.read(work)


def _ordered(seed: int, candidates: Sequence[_Candidate]) -> list[_Candidate]:
    """The candidates in an order drawn from the seed (the same for every run of a top-up)."""
    return sorted(
        candidates, key=lambda c: (seeded(seed, "court-order", c.index).random(), c.index)
    )


# -- the services, as the case's officer at a moment --------------------------------------------


class _Services:
    """The statements and packs services acting as one officer, the clock at a moment."""

    def __init__(self, opened: OpenProfile, officer_id: str) -> None:
        self._opened = opened
        self._officer_id = officer_id
        # the records a pack prints were made on the shipped forms, loaded once already by the
        # top-up (casework.shipped_forms); the LA's own forms when it has some, as the window
        self._forms: Callable[[], FormRegistry] = (
            shipped_forms
            if opened.settings.forms_folder is None
            else lambda: opened.field_work.forms
        )

    def at(self, moment: dt.datetime) -> tuple[StatementService, PackService]:
        opened = self._opened
        clock = FixedClock(moment.astimezone(dt.UTC))
        bands = opened.settings.attendance_bands
        attendance: Callable[[], AttendanceService] = lambda: AttendanceService(  # noqa: E731
            opened.store, clock, bands=bands
        )
        statements = StatementService(
            opened.store,
            clock,
            self._officer_id,
            attendance=attendance,
            la_name=opened.settings.la_name,
        )
        attachments = AttachmentService(
            opened.store, clock, opened.data_dir, opened.attachments_key, self._officer_id
        )
        field_work = FieldWorkService(
            opened.store,
            clock,
            self._officer_id,
            self._forms(),
            opened.settings.timescales,
            la_name=opened.settings.la_name,
        )
        packs = PackService(
            opened.store,
            clock,
            self._officer_id,
            attachments,
            letters=lambda: opened.letters,
            field_work=lambda: field_work,
            la_name=opened.settings.la_name,
            statements=lambda: statements,
        )
        return statements, packs


# -- the statements -------------------------------------------------------------------------


def _edited(paragraphs: Sequence[str], rng: random.Random) -> list[str]:
    """The paragraphs with the one edit an officer makes before saving again."""
    out = list(paragraphs)
    edits = list(_DATA["OFFICER_EDITS"])
    rng.shuffle(edits)
    for edit in edits:
        for n, text in enumerate(out):
            if ("starts" in edit and text.startswith(edit["starts"])) or (
                "contains" in edit and edit["contains"] in text
            ):
                out[n] = f"{text} {edit['add']}"
                return out
    out[0] = f"{out[0]} {_DATA['OFFICER_EDITS'][-1]['add']}"
    return out


def _officer_statement(
    services: _Services, case: _Candidate, plan: _Plan, rng: random.Random
) -> StatementInfo:
    """The officer's statement on the case, taken as far as the plan says (steps already
    taken are not taken again)."""
    statements, _packs = services.at(plan.drafted)
    found = [
        s
        for s in statements.statements(case.case_id)
        if s.witness_kind == "officer" and s.officer_id == case.officer_id
    ]
    info = found[0] if found else None
    if info is None:
        draft = statements.draft_for_officer(
            case.case_id, period_from=case.period_from, period_to=case.period_to
        )
        info = statements.create(
            case.case_id,
            witness_kind="officer",
            witness_name=draft.witness_name,
            occupation=draft.occupation,
            age_text=draft.age_text,
            paragraphs=draft.paragraphs,
            exhibits=draft.exhibits,
        )
    if not info.signed and info.latest_version == 1:
        statements, _packs = services.at(plan.edited)
        info = statements.save_version(info.id, _edited(info.paragraphs, rng), version=info.version)
    if not info.signed and plan.role != WRITING:
        statements, _packs = services.at(plan.signed)
        info = statements.sign(info.id)
    return info


# -- the pack ---------------------------------------------------------------------------------


def _approver(opened: OpenProfile, role: str) -> str:
    def work(session: Session) -> str:
        found = session.scalar(
            select(Officer.id).where(Officer.role == role).order_by(Officer.name).limit(1)
        )
        if found is None:
            raise PackRefused(f"the demo's team has no {role.replace('_', ' ')}")
        return str(found)

    return opened.store.read(work)


def _pack(opened: OpenProfile, services: _Services, case: _Candidate, plan: _Plan) -> PackInfo:
    """The case's first pack, taken as far as the plan says (steps taken are not retaken)."""
    _statements, packs = services.at(plan.built)
    held = packs.packs(case.case_id)
    info = held[0] if held else None
    if info is None:
        info = packs.build(
            case.case_id,
            offence=case.offence,
            period_from=case.period_from,
            period_to=case.period_to,
            defendant_ids=(case.interviewee_id,),
            out=None,
        )
    if info.status == "draft" and plan.role in (APPROVED, SERVED):
        _statements, packs = services.at(plan.approved)
        info = packs.approve(info.id, approver_id=_approver(opened, plan.approver_role))
    if info.status == "approved" and plan.role == SERVED:
        _statements, packs = services.at(plan.served)
        info = packs.serve(info.id, plan.served.date(), plan.method)
    return info


# -- the whole ---------------------------------------------------------------------------------


def _work_case(opened: OpenProfile, case: _Candidate, plan: _Plan, seed: int) -> bool:
    """Make the case's statements and pack; False if the services refuse it (what was made
    before the refusal stays, as it would in the application)."""
    services = _Services(opened, case.officer_id)
    if plan.drafted.date() <= case.held_on:
        return False  # interviewed too recently for the file to be ready
    try:  # each part its own generator: a rerun that skips a step draws the same words
        _officer_statement(services, case, plan, seeded(seed, "court-edit", case.index))
        if plan.lead:
            add_lead_statement(
                opened,
                lambda moment: services.at(moment)[0],
                case_id=case.case_id,
                parent_id=case.interviewee_id,
                period=(case.period_from, case.period_to),
                typed=plan.signed + dt.timedelta(minutes=75),
                rng=seeded(seed, "court-lead", case.index),
            )
        if plan.role != WRITING:
            _pack(opened, services, case, plan)
    except (StatementRefused, PackRefused):
        return False
    return True


def add_court_work(opened: OpenProfile, *, seed: int, today: dt.date, indexes: range) -> int:
    """Make the statements and packs of up to :data:`PER_TOP_UP` cases among ``indexes`` (the
    cases just added); returns their number, counting those an interrupted run of the same
    top-up had begun."""
    wanted = list(FIRST)
    made = 0
    for case in _ordered(seed, _candidates(opened, indexes, today)):
        if made >= PER_TOP_UP:
            break
        allowed = ALLOWED[case.stage]
        rng = seeded(seed, "court", case.index)
        role = next((r for r in wanted if r in allowed), None)
        if role is None:
            role = weighted(rng, [(r, _DRAW[r]) for r in allowed])
        if _work_case(opened, case, _plan(rng, role, today), seed):
            made += 1
            if role in wanted:
                wanted.remove(role)
    return made
