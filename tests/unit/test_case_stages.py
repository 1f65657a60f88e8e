"""Stage changes through the service and the store's guard (issue 8, point 14)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import func, select

from officer_app.domain.stages import Stage
from officer_app.services.case_stages import CaseStageService, StageRefused
from officer_app.services.profile import OpenProfile
from officer_app.store import evidence
from officer_app.store.models import Case, ChronologyEntry, Officer, OutboxMutation
from officer_app.store.stage_guard import StageRuleBroken


def _service(profile: OpenProfile) -> CaseStageService:
    return CaseStageService(profile.store, profile.clock, profile.officer.id)


def _case_at(profile: OpenProfile, stage: Stage) -> str:
    found = profile.store.read(
        lambda s: s.scalar(select(Case.id).where(Case.stage == stage.value).limit(1))
    )
    assert found is not None, f"the seeded demo caseload has no case at {stage.label}"
    return str(found)


def _snapshot(profile: OpenProfile, case_id: str) -> tuple[object, ...]:
    def work(session):  # type: ignore[no-untyped-def]
        case = session.get_one(Case, case_id)
        entries = session.scalar(
            select(func.count())
            .select_from(ChronologyEntry)
            .where(ChronologyEntry.case_id == case_id)
        )
        outbox = session.scalar(select(func.count()).select_from(OutboxMutation))
        return (
            case.stage,
            case.status,
            case.closed_on,
            case.closure_reason,
            case.version,
            entries,
            outbox,
        )

    return profile.store.read(work)


def _entry(profile: OpenProfile, entry_id: str) -> ChronologyEntry:
    return profile.store.read(lambda s: s.get_one(ChronologyEntry, entry_id))


def _add_supervisor(profile: OpenProfile, role: str = "supervisor") -> str:
    def work(session):  # type: ignore[no-untyped-def]
        person = Officer(name="Sam Okafor", initials="SO", role=role)
        session.add(person)
        session.flush()
        return person.id

    return str(profile.store.write_wait(work))


def test_an_allowed_move_changes_the_stage_and_signs_it_into_the_chain(
    demo_profile: OpenProfile,
) -> None:
    case_id = _case_at(demo_profile, Stage.ASSESSMENT)
    moved = _service(demo_profile).move_stage(case_id, Stage.SUPPORT, "  Plan agreed   with mum ")
    assert (moved.from_stage, moved.to_stage, moved.status) == ("assessment", "support", "open")
    assert _snapshot(demo_profile, case_id)[0] == "support"
    entry = _entry(demo_profile, moved.entry_id)
    assert entry.entry_type == "stage_change"
    assert entry.title == "Stage: Assessment to Plan and review"
    assert entry.body == "Stage: Assessment to Plan and review - Plan agreed with mum"
    assert entry.signed_at is not None and entry.chain_seq == moved.chain_seq
    checked, breaks = demo_profile.store.read(evidence.verify)
    assert checked and not breaks


def test_a_refused_move_says_why_and_changes_nothing(demo_profile: OpenProfile) -> None:
    case_id = _case_at(demo_profile, Stage.ALLOCATED)
    before = _snapshot(demo_profile, case_id)
    with pytest.raises(StageRefused) as refused:
        _service(demo_profile).move_stage(case_id, "court", "Straight to court")
    assert str(refused.value) == (
        "a case at Allocated must be assessed before it can be taken to court"
    )
    assert _snapshot(demo_profile, case_id) == before


@pytest.mark.parametrize("reason", ["", "   \n\t "])
def test_a_move_needs_a_reason(demo_profile: OpenProfile, reason: str) -> None:
    case_id = _case_at(demo_profile, Stage.ALLOCATED)
    before = _snapshot(demo_profile, case_id)
    with pytest.raises(StageRefused, match="needs a reason"):
        _service(demo_profile).move_stage(case_id, Stage.ASSESSMENT, reason)
    assert _snapshot(demo_profile, case_id) == before


def test_an_unknown_stage_is_refused_by_name(demo_profile: OpenProfile) -> None:
    case_id = _case_at(demo_profile, Stage.ALLOCATED)
    with pytest.raises(StageRefused, match="'prison' is not a stage"):
        _service(demo_profile).move_stage(case_id, "prison", "why not")


def test_closing_records_reason_code_figures_and_reopening_clears_them(
    demo_profile: OpenProfile,
) -> None:
    service = _service(demo_profile)
    case_id = _case_at(demo_profile, Stage.SUPPORT)
    preview = service.closure_preview(case_id)
    closed = service.close_case(case_id, "attendance_improved", " above 95%  for a term ")
    assert closed.status == "closed" and closed.closure_code == "attendance_improved"
    assert (closed.attendance_before, closed.attendance_after) == (
        preview.before.register,
        preview.after.register,
    )
    stage, status, closed_on, closure_reason, *_ = _snapshot(demo_profile, case_id)
    assert (stage, status, closed_on) == ("closed", "closed", dt.date(2026, 11, 20))
    assert closure_reason == "Attendance improved: above 95% for a term"
    case = demo_profile.store.read(lambda s: s.get_one(Case, case_id))
    assert case.closure_code == "attendance_improved"
    assert case.attendance_before == preview.before.register is not None
    entry = _entry(demo_profile, closed.entry_id)
    assert entry.entry_type == "closure" and entry.signed_at is not None
    assert entry.title == "Stage: Plan and review to Closed"
    assert "Closed - Attendance improved: above 95% for a term" in entry.body
    assert f"Attendance before intervention: {preview.before.register:.1f}%" in entry.body
    assert f"Attendance since the referral: {preview.after.register:.1f}%" in entry.body

    with pytest.raises(StageRefused, match="first reopened"):
        service.move_stage(case_id, Stage.SUPPORT, "Back again")
    reopened = service.reopen_case(case_id, "New referral from the school")
    assert reopened.status == "open" and reopened.to_stage == "allocated"
    stage, status, closed_on, closure_reason, *_ = _snapshot(demo_profile, case_id)
    assert (stage, status, closed_on, closure_reason) == ("allocated", "open", None, "")
    case = demo_profile.store.read(lambda s: s.get_one(Case, case_id))
    assert (case.closure_code, case.attendance_before, case.attendance_after) == ("", None, None)
    body = _entry(demo_profile, reopened.entry_id).body
    assert body == "Stage: Closed to Allocated - New referral from the school"
    _checked, breaks = demo_profile.store.read(evidence.verify)
    assert not breaks


def test_the_officer_may_give_the_figures_and_the_entry_keeps_the_registers(
    demo_profile: OpenProfile,
) -> None:
    service = _service(demo_profile)
    case_id = _case_at(demo_profile, Stage.FORMAL)
    closed = service.close_case(case_id, "moved_out_of_area", "", 0, 100)
    assert (closed.attendance_before, closed.attendance_after) == (0, 100)
    body = _entry(demo_profile, closed.entry_id).body
    assert "Attendance before intervention: 0.0% (given by the officer; the register shows" in body
    assert "Closed - Moved out of the area\n" in body


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("holiday", "", None, None), "'holiday' is not a closure reason (known: attendance_"),
        (("other", "  ", None, None), "detail: say why the case closes"),
        (("attendance_improved", "", -0.1, None), "attendance before: a percentage from 0"),
        (("attendance_improved", "", None, 100.1), "attendance after: a percentage from 0"),
        (("attendance_improved", "", float("nan"), None), "attendance before: a percentage"),
        (("attendance_improved", "x" * 1001, None, None), "detail: at most 1000"),
    ],
)
def test_a_bad_closure_says_what_and_where_and_changes_nothing(
    demo_profile: OpenProfile, args: tuple[str, str, float | None, float | None], message: str
) -> None:
    case_id = _case_at(demo_profile, Stage.SUPPORT)
    before = _snapshot(demo_profile, case_id)
    with pytest.raises(StageRefused, match=re.escape(message)):
        _service(demo_profile).close_case(case_id, *args)
    assert _snapshot(demo_profile, case_id) == before


def test_closing_is_only_by_close_case_and_reopening_only_of_a_closed_case(
    demo_profile: OpenProfile,
) -> None:
    service = _service(demo_profile)
    case_id = _case_at(demo_profile, Stage.SUPPORT)
    before = _snapshot(demo_profile, case_id)
    with pytest.raises(StageRefused, match="use Close case"):
        service.move_stage(case_id, Stage.CLOSED, "Done")
    with pytest.raises(StageRefused, match="only a closed case reopens"):
        service.reopen_case(case_id, "New referral")
    with pytest.raises(StageRefused, match="needs a reason"):
        service.reopen_case(_case_at(demo_profile, Stage.CLOSED), "  ")
    assert _snapshot(demo_profile, case_id) == before
    service.close_case(case_id, "transferred", "")
    with pytest.raises(StageRefused, match="already at Closed"):
        service.close_case(case_id, "transferred", "")


def test_choices_show_every_other_stage_with_the_rules_reason(demo_profile: OpenProfile) -> None:
    choices = _service(demo_profile).choices(_case_at(demo_profile, Stage.SUPPORT))
    by_stage = {o.stage: o for o in choices.options}
    assert choices.label == "Plan and review" and "support" not in by_stage
    assert by_stage["formal"].refusal is None
    assert by_stage["legal"].refusal is None and by_stage["legal"].needs_supervisor
    assert by_stage["court"].refusal == (
        "a case at Plan and review must be moved to legal intervention before it can be "
        "taken to court"
    )
    assert "use Close case" in (by_stage["closed"].refusal or "")


def test_legal_intervention_needs_a_named_supervisor(demo_profile: OpenProfile) -> None:
    service = _service(demo_profile)
    case_id = _case_at(demo_profile, Stage.SUPPORT)
    before = _snapshot(demo_profile, case_id)
    with pytest.raises(StageRefused, match="only after a supervisor authorises it"):
        service.move_stage(case_id, Stage.LEGAL, "Support refused for a term")
    colleague = _add_supervisor(demo_profile, role="officer")
    with pytest.raises(StageRefused, match="comes from a supervisor"):
        service.move_stage(case_id, Stage.LEGAL, "Support refused", authorised_by=colleague)
    assert _snapshot(demo_profile, case_id)[0] == before[0]

    supervisor = _add_supervisor(demo_profile)
    assert (supervisor, "Sam Okafor") in service.supervisors()
    moved = service.move_stage(case_id, Stage.LEGAL, "Support refused", authorised_by=supervisor)
    assert moved.authorised_by == "Sam Okafor"
    assert "Authorised by Sam Okafor (supervisor)." in _entry(demo_profile, moved.entry_id).body


def test_the_store_refuses_a_stage_change_around_the_rules(demo_profile: OpenProfile) -> None:
    case_id = _case_at(demo_profile, Stage.ALLOCATED)
    before = _snapshot(demo_profile, case_id)

    def skip_ahead(session):  # type: ignore[no-untyped-def]
        session.get_one(Case, case_id).stage = Stage.COURT.value

    with pytest.raises(StageRuleBroken, match="must be assessed before it can be taken to court"):
        demo_profile.store.write_wait(skip_ahead)
    assert _snapshot(demo_profile, case_id) == before

    def nonsense(session):  # type: ignore[no-untyped-def]
        session.get_one(Case, case_id).stage = "prison"

    with pytest.raises(StageRuleBroken, match="'prison' is not a stage"):
        demo_profile.store.write_wait(nonsense)
    assert _snapshot(demo_profile, case_id) == before


def test_a_new_case_may_start_at_any_stage(demo_profile: OpenProfile) -> None:
    """The demo and imports create cases part-way through their life: only changes are ruled."""
    template = _case_at(demo_profile, Stage.ALLOCATED)

    def work(session):  # type: ignore[no-untyped-def]
        child_id = session.get_one(Case, template).child_id
        case = Case(
            reference="ATT-2026-99999",
            child_id=child_id,
            stage="court",
            referral_date=dt.date(2026, 9, 1),
        )
        session.add(case)
        session.flush()
        case.stage = Stage.MONITORING.value  # an allowed change of a stored case
        return case.id

    new_id = demo_profile.store.write_wait(work)
    assert _snapshot(demo_profile, new_id)[0] == "monitoring"
