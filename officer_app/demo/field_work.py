"""Field work in the synthetic caseload: structured records, visits, risk acknowledgements, plans.

``populate`` calls :func:`add_field_work` for the cases it has just added. For each case it adds
what an officer would have done on the new screens (schema 0003):

- an initial assessment on its form for every case that reached the assessment stage, mostly
  within the 20 working days, some later (so that the timescales show both);
- home visits on the home visit form for about a third of the cases (seen, no reply, refused,
  and rarely a family that appears to have moved, with the CME steps filled in), each visit to
  a flagged family with its risk acknowledgements and its planned, now done, visit;
- support plans (targets and actions) from the date the plan was agreed, one after the other at
  each six-weekly review, each review on the plan review form with the attendance typed in
  from the register; the case's next action follows the active plan;
- a CME referral or an EHE de-registration notice for about one case in a hundred (always one
  of each once there are 60 cases);
- visits planned for the coming days, some this week for the profile's own officer, including
  a visit in pairs to a family whose risk flag says so.

Everything about case ``i`` is drawn from generators seeded with ``(seed, kind, i)`` and from
rows that ``populate`` made deterministically for the same case, so topping up gives the same
rows as making the caseload at once. Records are signed and sealed onto the end of each case's
existing evidence chain. Case 0 (the benchmark's 300-entry court case) keeps its chronology as
it is; it gets plans and planned visits only.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import and_, bindparam, func, select, update
from sqlalchemy.orm import Session

from officer_app.clock import UK
from officer_app.demo import terms
from officer_app.demo.assessments import assessment_record
from officer_app.demo.casework import (
    CHUNK,
    EHE_REASON,
    MOVED_REASON,
    ONE_DAY,
    PLAN_VISIT_CHANCE,
    CaseWork,
    Forms,
    Markers,
    Output,
    fill,
    make_facts,
    shipped_forms,
    themes_of,
)
from officer_app.demo.common import bulk_insert, seeded
from officer_app.demo.families import (
    ChildPlan,
    FamilyPlan,
    child_plan,
    family_layout,
    family_plan,
    family_size,
)
from officer_app.demo.home_visits import home_visits
from officer_app.demo.missing_education import cme_record, ehe_record
from officer_app.demo.planned_visits import designated, planned_visits
from officer_app.demo.plans import complete_actions, plan_periods, plan_rows, review_record
from officer_app.demo.registers import register_for
from officer_app.demo.stage_plans import stage_for
from officer_app.demo.team import SchoolInfo, Team
from officer_app.domain.evidence import GENESIS
from officer_app.domain.school_year import school_year_start
from officer_app.domain.stages import Stage, moved_to
from officer_app.domain.working_days import add_working_days
from officer_app.forms import (
    FormRegistry,
)
from officer_app.store.evidence import seal_new_chain
from officer_app.store.models import (
    Case,
    ChronologyEntry,
    Plan,
    PlanAction,
    PlanTarget,
    RiskAcknowledgement,
    VisitPlan,
)


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for n in range(0, len(items), CHUNK):
        yield items[n : n + CHUNK]


def _load_markers(session: Session, case_ids: Sequence[str]) -> dict[str, Markers]:
    found: dict[str, dict[str, Any]] = {}
    kinds = ("allocation", "assessment", "plan", "stage_change")
    level = re.compile(r"Level of need: (\w+)")
    for chunk in _chunks(case_ids):
        rows = session.execute(
            select(
                ChronologyEntry.case_id,
                ChronologyEntry.entry_type,
                ChronologyEntry.occurred_at,
                ChronologyEntry.title,
                ChronologyEntry.body,
            ).where(ChronologyEntry.case_id.in_(chunk), ChronologyEntry.entry_type.in_(kinds))
        )
        for case_id, kind, occurred, title, body in rows:
            day = occurred.astimezone(UK).date()
            marks = found.setdefault(case_id, {"stages": []})
            if kind == "allocation":
                marks["allocated"] = min(day, marks.get("allocated", day))
            elif kind == "assessment":
                match = level.search(body or "")
                marks["assessment"] = (day, match.group(1) if match else "")
            elif kind == "plan":
                marks["plan"] = min(day, marks.get("plan", day))
            elif (moved := moved_to(title)) is not None:
                marks["stages"].append((day, moved))
    return {
        case_id: Markers(
            allocated=m.get("allocated"),
            assessment=m.get("assessment"),
            plan=m.get("plan"),
            stages=tuple(sorted(m["stages"])),
        )
        for case_id, m in found.items()
    }


def _load_links(session: Session, case_ids: Sequence[str]) -> dict[str, tuple[int, str]]:
    """The last link of each case's evidence chain: (chain_seq, content_hash)."""
    links: dict[str, tuple[int, str]] = {}
    entry = ChronologyEntry
    for chunk in _chunks(case_ids):
        last = (
            select(entry.case_id, func.max(entry.chain_seq).label("seq"))
            .where(entry.case_id.in_(chunk), entry.chain_seq.is_not(None))
            .group_by(entry.case_id)
            .subquery()
        )
        rows = session.execute(
            select(entry.case_id, entry.chain_seq, entry.content_hash).join(
                last, and_(last.c.case_id == entry.case_id, last.c.seq == entry.chain_seq)
            )
        )
        for case_id, seq, content in rows:
            links[case_id] = (int(seq or 0), str(content))
    return links


ENTRY_COLUMNS = tuple(c.key for c in ChronologyEntry.__table__.columns)


def add_field_work(
    session: Session,
    *,
    seed: int,
    today: dt.date,
    team: Team,
    schools: Sequence[SchoolInfo],
    indexes: range,
    forms: FormRegistry | None = None,
    check: bool = False,
) -> None:
    """Add the field work of the demo cases ``indexes`` (just written by ``populate``).

    Records are validated against their forms before they are signed (one that fails raises
    :class:`DemoRecordInvalid`): every record with ``check``, else the first of each form
    (validating all of them would add about a tenth to the time this takes)."""
    if not indexes:
        return
    definitions = Forms(forms or shipped_forms(), today, check)
    layout = family_layout(seed, indexes.stop + 2)  # brothers and sisters of the last cases
    where = {place: index for index, place in enumerate(layout)}
    families: dict[int, FamilyPlan] = {}
    children: dict[int, ChildPlan] = {}

    def family_of(index: int) -> FamilyPlan:
        number = layout[index][0]
        if number not in families:
            families[number] = family_plan(seed, number, family_size(seed, number), schools, today)
        return families[number]

    def child_of(index: int) -> ChildPlan:
        if index not in children:
            children[index] = child_plan(
                seed, index, family_of(index), layout[index][1], schools, today
            )
        return children[index]

    special = designated(seed)
    profile_rank: dict[int, int] = {}
    pair_rank: dict[int, int] = {}
    counts = [0, 0]
    for j in range(indexes.stop):  # ranks over the whole caseload: top-up safe
        if stage_for(seed, j) not in PLAN_VISIT_CHANCE or j in special:
            continue
        family = family_of(j)
        if any(r["two_officers_required"] for r in family.risks):
            pair_rank[j], counts[1] = counts[1], counts[1] + 1
        elif family.officer == 0:
            profile_rank[j], counts[0] = counts[0], counts[0] + 1

    by_child = {child_of(i).id: i for i in indexes}
    rows: dict[int, Any] = {}
    for chunk in _chunks(list(by_child)):
        for row in session.execute(
            select(
                Case.id,
                Case.reference,
                Case.child_id,
                Case.officer_id,
                Case.stage,
                Case.referral_date,
                Case.closed_on,
                Case.closure_reason,
            ).where(Case.child_id.in_(chunk))
        ):
            rows[by_child[row.child_id]] = row
    case_ids = [rows[i].id for i in sorted(rows)]
    markers = _load_markers(session, case_ids)
    links = _load_links(session, case_ids)
    officers = {p.id: p for p in (*team.officers, team.supervisor, team.court_officer)}
    current_start = school_year_start(today)
    days = terms.register_days(dt.date(current_start.year - 1, 9, 1), today - ONE_DAY)
    id_prefix = seeded(seed, "ids").getrandbits(32)

    out = Output()
    for index in sorted(rows):
        row = rows[index]
        child, family = child_of(index), family_of(index)
        place = layout[index]
        siblings = tuple(
            child_of(where[(place[0], pos)])
            for pos in range(len(family.members))
            if pos != place[1] and (place[0], pos) in where
        )
        officer = officers.get(row.officer_id) or team.officers[family.officer]
        seq, last_hash = links.get(row.id, (0, GENESIS))
        facts = make_facts(child, family, officer, siblings, seeded(seed, "fw-facts", index))
        case = CaseWork(
            index=index,
            id=row.id,
            reference=row.reference,
            stage=Stage(row.stage),
            referral=row.referral_date,
            closed_on=row.closed_on,
            closure_reason=row.closure_reason or "",
            officer=officer,
            child=child,
            family=family,
            siblings=siblings,
            markers=markers.get(row.id, Markers()),
            last_seq=seq,
            last_hash=last_hash,
            make_register=functools.partial(
                register_for, seed, child, days, current_start, row.referral_date
            ),
            this_year=facts[0],
            last_year=facts[1],
            people=[(child.id, f"{child.forename} {child.surname} (child)")]
            + [(a.id, f"{a.forename} {a.surname} ({a.relationship})") for a in family.adults],
            today=today,
            prefix=id_prefix,
        )
        case.themes = themes_of(case, seeded(seed, "fw-themes", index))
        case.on(today)
        _case_field_work(
            case,
            definitions,
            team,
            out,
            seed,
            special.get(index, ""),
            profile_rank.get(index),
            pair_rank.get(index),
        )
    _write(session, out)


def _case_field_work(
    case: CaseWork,
    forms: Forms,
    team: Team,
    out: Output,
    seed: int,
    special: str,
    profile_rank: int | None,
    pair_rank: int | None,
) -> None:
    index = case.index
    reason = case.closure_reason.lower()
    if not case.is_open and MOVED_REASON in reason:
        special = "moved"
    elif (
        not case.is_open and EHE_REASON in reason and seeded(seed, "fw-ehe?", index).random() < 0.6
    ):
        special = "ehe_closed"  # the school's notice is on file for most of them
    plans_rng = seeded(seed, "fw-plans", index)
    periods = plan_periods(case, plans_rng)
    complete_actions(case, plans_rng, periods)
    next_action: tuple[str, dt.date] | None = None
    if index != 0:  # case 0 keeps its 300 entries (the benchmark's long chronology)
        if case.markers.assessment is not None or case.markers.plan is not None:
            start = assessment_record(case, forms, seeded(seed, "fw-assessment", index), periods)
            if start is not None and case.is_open and not periods:
                text = fill("Agree the support plan with {p} and {school}", case.on(start))
                next_action = (text, start)
        reviews_rng = seeded(seed, "fw-reviews", index)
        for n, period in enumerate(periods):
            if period.held is not None:
                following = periods[n + 1].review_on if n + 1 < len(periods) else None
                review_record(case, forms, reviews_rng, period, following)
        visits_rng = seeded(seed, "fw-visits", index)
        gone = home_visits(case, forms, visits_rng, team, out, special)
        if gone is not None:
            referred = cme_record(case, forms, seeded(seed, "fw-cme", index), gone)
            follow_up = fill("Ask the CME team whether {c} has been found", case.facts)
            next_action = (follow_up, add_working_days(referred, 10))
        if special in ("ehe", "ehe_closed"):
            noticed = ehe_record(case, forms, seeded(seed, "fw-ehe", index), special)
            if noticed is not None:
                follow_up = fill("Check the EHE team has contacted {p}", case.facts)
                next_action = (follow_up, add_working_days(noticed, 5))
    if next_action is not None and case.is_open and not periods:
        text, due = next_action
        out.next_actions.append({"b_id": case.id, "b_text": text[:200], "b_due": due})
    plan_rows(case, periods, out)
    planned_visits(case, seeded(seed, "fw-planned", index), team, out, profile_rank, pair_rank)
    if case.entries:
        case.entries.sort(key=lambda e: (e.signed_at, e.id))
        seal_new_chain(case.entries, after_seq=case.last_seq, after_hash=case.last_hash)
        out.entries += [{k: getattr(e, k) for k in ENTRY_COLUMNS} for e in case.entries]


def _write(session: Session, out: Output) -> None:
    for model, rows in (
        (ChronologyEntry, out.entries),
        (Plan, out.plans),
        (PlanTarget, out.targets),
        (PlanAction, out.actions),
        (VisitPlan, out.visits),
        (RiskAcknowledgement, out.acks),
    ):
        bulk_insert(session, model, rows)
    if out.next_actions:
        session.connection().execute(
            update(Case)
            .where(Case.id == bindparam("b_id"))
            .values(next_action=bindparam("b_text"), next_action_due=bindparam("b_due")),
            out.next_actions,
        )
