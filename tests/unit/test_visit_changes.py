"""Planned visits (issue 11 point 7): cancelled or moved with a reason, signed into the
chronology and shown in the week; closed by the record of that visit."""

from __future__ import annotations

import datetime as dt

import pytest

from officer_app.services.field_work import FieldWorkRefused
from officer_app.services.profile import OpenProfile
from officer_app.store import evidence
from tests.unit.test_field_work import NO_REPLY

SOON = dt.datetime(2026, 11, 20, 14, 0, tzinfo=dt.UTC)  # the demo's today, after "now"


def _plain(profile: OpenProfile) -> str:
    return next(r.case_id for r in profile.caseload.list_cases() if not r.has_risk)


def test_a_cancelled_visit_stays_in_the_week_with_its_reason(demo_profile: OpenProfile) -> None:
    fw = demo_profile.field_work
    case_id = _plain(demo_profile)
    plan = fw.plan_visit(case_id, SOON, "Discuss absences")
    with pytest.raises(FieldWorkRefused, match=r"^reason: "):
        fw.cancel_visit(plan.id, " ")
    done = fw.cancel_visit(plan.id, "Mum asked to meet at school instead")
    assert done.status == "cancelled"
    week = {v.id: v for v in fw.this_week()}
    assert week[plan.id].status == "cancelled"
    assert week[plan.id].change_reason == "Mum asked to meet at school instead"
    assert plan.id not in {v.id for v in fw.planned_for_case(case_id)}
    entries = demo_profile.cases.open_case(case_id).entries
    cancelled = [e for e in entries if e.title == "Planned visit cancelled"]
    assert cancelled and cancelled[0].signed
    assert "20/11/2026 14:00" in cancelled[0].body
    with pytest.raises(FieldWorkRefused, match="this one was cancelled"):
        fw.move_visit(plan.id, SOON + dt.timedelta(days=1), "again")


def test_a_moved_visit_keeps_the_earlier_time_in_its_reason(
    demo_profile: OpenProfile, clock
) -> None:  # type: ignore[no-untyped-def]
    fw = demo_profile.field_work
    case_id = _plain(demo_profile)
    plan = fw.plan_visit(case_id, SOON, "Discuss absences")
    later = SOON + dt.timedelta(days=1)
    moved = fw.move_visit(plan.id, later, "Dad works late on Fridays")
    assert moved.planned_for == later and moved.status == "planned"
    assert moved.change_reason == "Moved from 20/11/2026 14:00: Dad works late on Fridays"
    entries = demo_profile.cases.open_case(case_id).entries
    entry = next(e for e in entries if e.title == "Planned visit moved")
    assert "from 20/11/2026 14:00 to 21/11/2026 14:00" in entry.body
    assert demo_profile.store.read(lambda s: evidence.verify(s, only_case=case_id))[1] == []
    # a time already past, or the same time, is refused and nothing changes
    with pytest.raises(FieldWorkRefused, match=r"^new time: .* has passed"):
        fw.move_visit(plan.id, clock.now() - dt.timedelta(minutes=1), "late")
    with pytest.raises(FieldWorkRefused, match="already planned for"):
        fw.move_visit(plan.id, later, "same")
    assert fw.move_visit(plan.id, clock.now(), "now is allowed").planned_for == clock.now()


def test_the_record_of_a_planned_visit_closes_it(demo_profile: OpenProfile) -> None:
    fw = demo_profile.field_work
    case_id = _plain(demo_profile)
    plan = fw.plan_visit(case_id, SOON, "Discuss absences")
    assert plan.id in {v.id for v in fw.planned_for_case(case_id)}
    definition = fw.definition("home_visit")
    entry = fw.sign_record(case_id, definition, dict(NO_REPLY), visit_plan_id=plan.id)
    assert plan.id not in {v.id for v in fw.planned_for_case(case_id)}
    assert plan.id not in {v.id for v in fw.this_week()}
    with pytest.raises(FieldWorkRefused, match="this one was recorded"):
        fw.cancel_visit(plan.id, "too late")
    assert entry.signed
