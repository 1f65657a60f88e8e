"""Field work in the synthetic caseload: structured records on the shipped forms, sealed into
each case's chain; support plans driving the next action; visits planned and done; risks
acknowledged; and all of it the same whether the caseload is made at once or topped up."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import UK, FixedClock, uk_local
from officer_app.demo import DemoResult, populate
from officer_app.domain.working_days import working_days_between
from officer_app.forms import FormRegistry, clean, load_registry, record_view, validate
from officer_app.services.builders import FORM_ENTRY_TYPES
from officer_app.services.field_work import OWNERS, FieldWorkService
from officer_app.store import evidence
from officer_app.store.database import Store
from officer_app.store.models import (
    Adult,
    Case,
    Child,
    ChronologyEntry,
    Plan,
    PlanAction,
    PlanTarget,
    ProfileSetting,
    RiskAcknowledgement,
    RiskFlag,
    VisitPlan,
)

TODAY = dt.date(2026, 11, 20)  # a Friday
NOW = dt.datetime(2026, 11, 20, 10, 30, tzinfo=dt.UTC)
FORMS = ("home_visit", "initial_assessment", "plan_review", "cme_referral", "ehe_deregistration")
SUPPORT_AND_BEYOND = ("support", "formal", "legal", "court", "monitoring")
FLAG_KEYS = {"category", "severity", "description", "two_officers_required", "about"}


def _open(path: Path) -> Store:
    return Store.open(path, os.urandom(32), actor="test", create=True)


def _populate(store: Store, cases: int, seed: int = 1) -> DemoResult:
    def work(session: Session) -> DemoResult:
        session.info["untracked"] = True
        return populate(session, cases=cases, seed=seed, today=TODAY)

    return store.write_wait(work)


@pytest.fixture(scope="module")
def registry() -> FormRegistry:
    return load_registry()


@pytest.fixture(scope="module")
def caseload(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Sixty cases, shared by the read-only tests of this module."""
    store = _open(tmp_path_factory.mktemp("field-work") / "c.db")
    _populate(store, 60)
    yield store
    store.close()


def _records(session: Session) -> list[ChronologyEntry]:
    return list(
        session.scalars(
            select(ChronologyEntry)
            .where(ChronologyEntry.form_id.is_not(None))
            .order_by(ChronologyEntry.case_id, ChronologyEntry.chain_seq)
        )
    )


def _people(session: Session) -> dict[str, list[tuple[str, str]]]:
    """case id -> (id, name) of the child and the family's adults, as the service lists them."""
    people: dict[str, list[tuple[str, str]]] = {}
    for case_id, child in session.execute(
        select(Case.id, Child).join(Child, Child.id == Case.child_id)
    ):
        found = [(child.id, f"{child.forename} {child.surname} (child)")]
        found += [
            (a.id, f"{a.forename} {a.surname} ({a.relationship_to_child})")
            for a in session.scalars(select(Adult).where(Adult.family_id == child.family_id))
        ]
        people[case_id] = found
    return people


def _check_records(store: Store, registry: FormRegistry) -> Counter[str]:
    """Every structured record is valid on its form version, already clean, rendered as the
    service renders a signed record, and signed by its author. Returns the forms used."""

    def read(session: Session) -> Counter[str]:
        people = _people(session)
        used: Counter[str] = Counter()
        for entry in _records(session):
            assert entry.form_id is not None and entry.answers is not None
            used[entry.form_id] += 1
            definition = registry.get(entry.form_id, entry.form_version)
            ids = [p for p, _ in people[entry.case_id]]
            errors = validate(definition, entry.answers, people=ids, today=TODAY)
            assert errors == [], (entry.form_id, [str(e) for e in errors])
            assert clean(definition, entry.answers) == entry.answers
            names = dict(people[entry.case_id])
            sections = record_view(
                definition, entry.answers, person_name=lambda pid, names=names: names.get(pid, pid)
            )
            body = "\n".join(
                f"{row.label}: {row.text}" for view in sections for row in view.rows if row.text
            )
            assert entry.body == body
            assert entry.entry_type == FORM_ENTRY_TYPES[entry.form_id].value
            assert entry.title.startswith(definition.title)
            assert entry.signed_at is not None and entry.signed_by == entry.author_id
            assert entry.occurred_at < entry.recorded_at < entry.signed_at < NOW
        return used

    return store.read(read)


# ------------------------------------------------------------------------------ records
def test_every_record_is_valid_on_its_form_and_every_form_is_used(
    caseload: Store, registry: FormRegistry
) -> None:
    used = _check_records(caseload, registry)
    assert set(used) == set(FORMS)
    assert used["initial_assessment"] >= 30 and used["plan_review"] >= 30
    assert used["home_visit"] >= 15


def test_records_of_another_seed_are_valid_too(tmp_path: Path, registry: FormRegistry) -> None:
    store = _open(tmp_path / "s.db")
    try:
        _populate(store, 120, seed=3)
        used = _check_records(store, registry)
        assert {"home_visit", "initial_assessment", "plan_review"} <= set(used)
        assert store.read(evidence.verify)[1] == []
    finally:
        store.close()


def test_records_extend_each_chain_and_every_chain_verifies(caseload: Store) -> None:
    def read(session: Session) -> tuple[int, list[Any], list[Any]]:
        checked, breaks = evidence.verify(session)
        rows = session.execute(
            select(
                ChronologyEntry.case_id, ChronologyEntry.chain_seq, ChronologyEntry.form_id
            ).where(ChronologyEntry.signed_at.is_not(None))
        ).all()
        return checked, breaks, rows

    checked, breaks, rows = caseload.read(read)
    assert breaks == [] and checked == len(rows)
    notes: dict[str, int] = defaultdict(int)
    records: dict[str, list[int]] = defaultdict(list)
    for case_id, seq, form_id in rows:
        if form_id is None:
            notes[case_id] = max(notes[case_id], seq)
        else:
            records[case_id].append(seq)
    assert records
    for case_id, seqs in records.items():
        assert min(seqs) == notes[case_id] + 1  # sealed onto the end of the existing chain
        assert sorted(seqs) == list(range(min(seqs), min(seqs) + len(seqs)))


def test_assessments_for_every_case_that_reached_assessment(caseload: Store) -> None:
    def read(session: Session) -> tuple[list[Any], list[Any]]:
        cases = session.execute(
            select(Case.id, Case.reference, Case.referral_date, Case.closed_on)
            .join(ChronologyEntry, ChronologyEntry.case_id == Case.id)
            .where(ChronologyEntry.entry_type == "assessment", ChronologyEntry.form_id.is_(None))
        ).all()
        records = session.execute(
            select(ChronologyEntry.case_id, ChronologyEntry.answers).where(
                ChronologyEntry.form_id == "initial_assessment"
            )
        ).all()
        return cases, records

    cases, records = caseload.read(read)
    by_case = defaultdict(list)
    for case_id, answers in records:
        by_case[case_id].append(answers)
    late = on_time = 0
    for case_id, reference, referred, closed_on in cases:
        if reference.endswith("-00001"):  # case 0 keeps its chronology as it is
            assert case_id not in by_case
            continue
        assert len(by_case[case_id]) == 1, reference
        answers = by_case[case_id][0]
        day = dt.date.fromisoformat(answers["assessment_date"])
        assert referred < day < (closed_on or TODAY)
        if working_days_between(referred, day) <= 20:
            on_time += 1
        else:
            late += 1
        assert answers["barriers"] and answers["level_of_need"]
        assert '"' in answers["child_views"] or answers["child_views_how"] == "not_gathered"
    assert on_time > 2 * late and late >= 1  # most in time, some overdue


def test_an_assessed_case_without_a_plan_yet_has_the_plan_meeting_next(caseload: Store) -> None:
    def read(session: Session) -> list[Any]:
        return list(
            session.execute(
                select(Case, ChronologyEntry.answers)
                .join(ChronologyEntry, ChronologyEntry.case_id == Case.id)
                .where(
                    Case.stage == "assessment",
                    ChronologyEntry.form_id == "initial_assessment",
                )
            )
        )

    rows = caseload.read(read)
    assert rows
    follow_ups = ("Ask the CME team", "Check the EHE team")  # the family has gone
    for case, answers in rows:
        if case.next_action.startswith(follow_ups):
            continue
        assert case.next_action.startswith("Agree the support plan"), case.reference
        assert case.next_action_due == dt.date.fromisoformat(answers["plan_start"]) > TODAY


def test_home_visits_tell_a_consistent_story(caseload: Store) -> None:
    def read(session: Session) -> list[Any]:
        return list(
            session.execute(
                select(ChronologyEntry, Case.referral_date, Case.closed_on)
                .join(Case, Case.id == ChronologyEntry.case_id)
                .where(ChronologyEntry.form_id == "home_visit")
            )
        )

    rows = caseload.read(read)
    outcomes: Counter[str] = Counter()
    for entry, referred, closed_on in rows:
        answers = entry.answers
        outcomes[answers["outcome"]] += 1
        day = dt.date.fromisoformat(answers["visit_date"])
        assert referred < day < (closed_on or TODAY)
        local = uk_local(entry.occurred_at)
        assert local.date() == day and local.strftime("%H:%M") == answers["arrival_time"]
        assert answers["arrival_time"] < answers["departure_time"]
        if answers["outcome"] == "seen" and answers["child_seen"]:
            assert '"' in answers["child_voice"]
        if answers["outcome"] == "no_reply":
            assert "calling_card_left" in answers
        if answers["outcome"] == "moved":
            assert answers["moved_signs"] and answers["cme_enquiries"]
        if answers["safeguarding_concern"]:
            assert answers["referred_today"] and answers["safeguarding_details"]
    assert {"seen", "no_reply", "refused", "moved"} <= set(outcomes)
    assert outcomes["seen"] > outcomes["refused"]


def test_a_cme_referral_follows_a_visit_that_found_the_family_gone(caseload: Store) -> None:
    def read(session: Session) -> list[Any]:
        return list(
            session.execute(
                select(
                    ChronologyEntry.case_id, ChronologyEntry.form_id, ChronologyEntry.answers
                ).where(ChronologyEntry.form_id.in_(("home_visit", "cme_referral")))
            )
        )

    moved: dict[str, str] = {}
    referrals: dict[str, dict[str, Any]] = {}
    for case_id, form_id, answers in caseload.read(read):
        if form_id == "cme_referral":
            referrals[case_id] = answers
        elif answers["outcome"] == "moved" and answers["cme_referral_needed"]:
            moved[case_id] = answers["visit_date"]
    assert referrals and set(referrals) == set(moved)
    for case_id, answers in referrals.items():
        assert answers["home_visit_date"] == moved[case_id] <= answers["referral_date"]
        assert answers["parents"] and "home_visit" in answers["enquiries"]


def test_ehe_notices_name_parents_siblings_and_gp(caseload: Store) -> None:
    notices = caseload.read(
        lambda s: list(
            s.scalars(
                select(ChronologyEntry.answers).where(
                    ChronologyEntry.form_id == "ehe_deregistration"
                )
            )
        )
    )
    assert notices
    for answers in notices:
        assert answers["parents"] and answers["siblings"] and answers["gp"]
        assert all(p["parent_name"] and p["parent_relationship"] for p in answers["parents"])


# -------------------------------------------------------------------------------- plans
def test_plans_for_cases_at_support_and_beyond_drive_the_next_action(caseload: Store) -> None:
    def read(session: Session) -> tuple[list[Case], list[Plan], list[Any], list[Any]]:
        return (
            list(session.scalars(select(Case))),
            list(session.scalars(select(Plan).order_by(Plan.agreed_on))),
            list(session.scalars(select(PlanTarget).order_by(PlanTarget.position))),
            list(session.scalars(select(PlanAction))),
        )

    cases, plans, targets, actions = caseload.read(read)
    plans_of: dict[str, list[Plan]] = defaultdict(list)
    for plan in plans:
        plans_of[plan.case_id].append(plan)
    targets_of: dict[str, list[PlanTarget]] = defaultdict(list)
    for target in targets:
        targets_of[target.plan_id].append(target)
    actions_of: dict[str, list[PlanAction]] = defaultdict(list)
    for action in actions:
        actions_of[action.plan_id].append(action)
    with_plans = 0
    for case in cases:
        active = [p for p in plans_of[case.id] if p.status == "active"]
        if case.status == "open" and case.stage in SUPPORT_AND_BEYOND:
            assert len(active) == 1, case.reference
            with_plans += 1
            plan = active[0]
            pending = sorted(
                (a for a in actions_of[plan.id] if a.done_on is None), key=lambda a: a.due_on
            )
            if pending and pending[0].due_on <= plan.review_on:
                expected = (pending[0].description[:200], pending[0].due_on)
            else:
                expected = ("Review the plan", plan.review_on)
            assert (case.next_action, case.next_action_due) == expected, case.reference
        else:
            assert active == [], case.reference
        if case.stage in ("referral", "allocated", "assessment"):
            assert plans_of[case.id] == [], case.reference
        for plan in plans_of[case.id]:
            assert 42 <= (plan.review_on - plan.agreed_on).days <= 100
            assert plan.agreed_on < TODAY and plan.summary
            its_targets = targets_of[plan.id]
            assert 1 <= len(its_targets) <= 2
            first = its_targets[0]
            assert first.attendance_pct is not None and first.over_weeks == 6
            assert first.description == (
                f"Attendance of at least {first.attendance_pct:g}% over the next 6 weeks"
            )
            its_actions = actions_of[plan.id]
            assert 2 <= len(its_actions) <= 4
            assert len({a.due_on for a in its_actions}) == len(its_actions)
            for action in its_actions:
                assert action.owner in OWNERS and action.owner_name
                assert plan.agreed_on < action.due_on < plan.review_on
                if action.done_on is not None:
                    assert plan.agreed_on <= action.done_on < TODAY
    assert with_plans >= 10
    assert any(p.status == "ended" for p in plans)
    assert any(a.done_on for a in actions) and any(a.done_on is None for a in actions)


def test_each_review_ends_the_plan_it_reviews_and_sets_the_next(caseload: Store) -> None:
    def read(session: Session) -> tuple[list[Any], list[Plan], list[PlanTarget]]:
        reviews = list(
            session.execute(
                select(ChronologyEntry.case_id, ChronologyEntry.answers).where(
                    ChronologyEntry.form_id == "plan_review"
                )
            )
        )
        plans = list(session.scalars(select(Plan).order_by(Plan.agreed_on)))
        targets = list(session.scalars(select(PlanTarget).order_by(PlanTarget.position)))
        return reviews, plans, targets

    reviews, plans, targets = caseload.read(read)
    assert reviews
    plans_of: dict[str, list[Plan]] = defaultdict(list)
    for plan in plans:
        plans_of[plan.case_id].append(plan)
    described: dict[str, list[str]] = defaultdict(list)
    for target in targets:
        described[target.plan_id].append(target.description)
    for case_id, answers in reviews:
        held = dt.date.fromisoformat(answers["review_date"])
        reviewed = [p for p in plans_of[case_id] if p.agreed_on < held][-1]
        assert reviewed.status == "ended"
        assert answers["attendance_from"] == reviewed.agreed_on.isoformat()
        assert answers["attendance_from"] < answers["attendance_to"] < answers["review_date"]
        assert [t["target"] for t in answers["targets"]] == described[reviewed.id]
        typed = [t for t in answers["targets"] if "target_attendance_percent" in t]
        assert typed and all(
            t["target_attendance_percent"] == answers["attendance_percent"] for t in typed
        )
        if not answers["decision"].startswith("close"):
            following = [p for p in plans_of[case_id] if p.agreed_on == held]
            assert len(following) == 1
            assert answers["next_review_date"] == following[0].review_on.isoformat()


# ------------------------------------------------------------------------------- visits
def test_visits_this_week_for_the_profile_officer_including_one_in_pairs(
    caseload: Store, registry: FormRegistry
) -> None:
    officer_id = caseload.read(lambda s: s.get_one(ProfileSetting, "officer_id").value)
    service = FieldWorkService(caseload, FixedClock(NOW), officer_id, registry)
    week = service.this_week()
    assert len(week) >= 2
    paired = [v for v in week if v.two_officers_required]
    assert paired and all(v.second_officer and v.second_officer != v.officer for v in paired)

    def read(session: Session) -> list[Any]:
        return list(
            session.execute(
                select(VisitPlan, RiskFlag.id)
                .join(Case, Case.id == VisitPlan.case_id)
                .join(Child, Child.id == Case.child_id)
                .join(RiskFlag, RiskFlag.family_id == Child.family_id)
                .where(VisitPlan.status == "planned", RiskFlag.two_officers_required.is_(True))
            )
        )

    for plan, _ in caseload.read(read):  # every planned visit to such a family is in pairs
        assert plan.second_officer_id and plan.second_officer_id != plan.officer_id
        assert plan.planned_for >= dt.datetime.combine(TODAY, dt.time(), tzinfo=UK)


def test_done_visits_link_their_record_and_flagged_families_have_acknowledgements(
    caseload: Store,
) -> None:
    def read(session: Session) -> tuple[list[Any], list[RiskAcknowledgement], dict[str, Any]]:
        done = list(
            session.execute(
                select(VisitPlan, ChronologyEntry)
                .join(ChronologyEntry, ChronologyEntry.id == VisitPlan.record_id)
                .where(VisitPlan.status == "done")
            )
        )
        acks = list(session.scalars(select(RiskAcknowledgement)))
        flagged: dict[str, dt.date] = {}
        for case_id, raised in session.execute(
            select(Case.id, RiskFlag.raised_on)
            .join(Child, Child.id == Case.child_id)
            .join(RiskFlag, RiskFlag.family_id == Child.family_id)
            .where(RiskFlag.active.is_(True))  # a flag ended before the demo's visits warns of none
        ):
            flagged[case_id] = min(raised, flagged.get(case_id, raised))
        return done, acks, flagged

    done, acks, flagged = caseload.read(read)
    assert done and acks
    acks_of: dict[str, list[RiskAcknowledgement]] = defaultdict(list)
    for ack in acks:
        assert ack.visit_plan_id is not None
        acks_of[ack.visit_plan_id].append(ack)
    acknowledged = 0
    for plan, record in done:
        assert record.case_id == plan.case_id and record.form_id == "home_visit"
        assert uk_local(plan.planned_for).date() == uk_local(record.occurred_at).date()
        visited = uk_local(record.occurred_at).date()
        if plan.case_id in flagged and flagged[plan.case_id] <= visited:
            acknowledged += 1
            officers = {a.officer_id for a in acks_of[plan.id]}
            assert officers == {plan.officer_id, plan.second_officer_id} - {None}
            for ack in acks_of[plan.id]:
                assert ack.case_id == plan.case_id
                assert ack.acknowledged_at < record.occurred_at
                assert uk_local(ack.acknowledged_at).date() == uk_local(record.occurred_at).date()
                assert ack.flags and all(set(f) == FLAG_KEYS for f in ack.flags)
        else:
            assert not acks_of[plan.id]
    assert acknowledged >= 1

    def visits(session: Session) -> list[Any]:
        return list(
            session.execute(
                select(ChronologyEntry.case_id, ChronologyEntry.occurred_at, VisitPlan.id)
                .outerjoin(VisitPlan, VisitPlan.record_id == ChronologyEntry.id)
                .where(ChronologyEntry.form_id == "home_visit")
            )
        )

    for case_id, occurred, plan_id in caseload.read(visits):
        if case_id in flagged and flagged[case_id] <= uk_local(occurred).date():
            assert plan_id is not None  # planned, so that its risks were acknowledged first


# -------------------------------------------------------------------------- determinism
def _snapshot(store: Store) -> dict[str, Any]:
    def read(session: Session) -> dict[str, Any]:
        def rows(*columns: Any) -> list[tuple[Any, ...]]:
            query = select(*columns).order_by(*columns[:2])
            return [tuple(r) for r in session.execute(query)]

        e, v, a = ChronologyEntry, VisitPlan, RiskAcknowledgement
        return {
            "cases": rows(Case.reference, Case.id, Case.next_action, Case.next_action_due),
            "chain": rows(e.case_id, e.chain_seq, e.id, e.content_hash, e.form_id),
            "plans": rows(Plan.case_id, Plan.id, Plan.agreed_on, Plan.review_on, Plan.status),
            "targets": rows(PlanTarget.plan_id, PlanTarget.id, PlanTarget.description),
            "actions": rows(
                PlanAction.plan_id,
                PlanAction.id,
                PlanAction.due_on,
                PlanAction.done_on,
                PlanAction.description,
            ),
            "visits": rows(
                v.case_id,
                v.id,
                v.planned_for,
                v.status,
                v.officer_id,
                v.second_officer_id,
                v.record_id,
                v.purpose,
            ),
            "acks": rows(a.case_id, a.id, a.visit_plan_id, a.officer_id, a.acknowledged_at),
        }

    return store.read(read)


def test_topping_up_gives_the_same_field_work_as_making_it_at_once(tmp_path: Path) -> None:
    stepwise = _open(tmp_path / "step.db")
    at_once = _open(tmp_path / "once.db")
    try:
        _populate(stepwise, 10)
        _populate(stepwise, 25)
        _populate(at_once, 25)
        first, second = _snapshot(stepwise), _snapshot(at_once)
        assert first["chain"] and first["plans"] and first["visits"]
        assert first == second
        assert stepwise.read(evidence.verify)[1] == []
    finally:
        stepwise.close()
        at_once.close()
