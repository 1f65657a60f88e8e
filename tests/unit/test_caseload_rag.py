"""The caseload's RAG on a real profile: red is rare and always says which rule made it red."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.domain.rag import rule_text
from officer_app.services.profile import OpenProfile
from officer_app.store.models import Adult, Case, Child, PenaltyNotice

RED_RULES = {
    "safeguarding",
    "first_contact",
    "time_limit",
    "risk_no_contact",
    "severe_no_contact",
    "formal_overdue",
    "no_contact",
}


def test_red_means_act_now_on_the_demo(demo_profile: OpenProfile) -> None:
    rows = demo_profile.caseload.list_cases()
    policy = demo_profile.caseload.policy
    red = [r for r in rows if r.rag == "red"]
    open_rows = [r for r in rows if r.status != "closed"]
    assert red, "the demo has cases that need acting on now"
    assert len(red) < len(open_rows) / 5, [r.rag_reason for r in red]
    for row in red:
        assert row.rag_rule in RED_RULES
        assert row.rag_reason == row.rag_reasons[0] and row.rag_reason != "On track"
        assert row.rag_rule_text == rule_text(row.rag_rule, policy)
    for row in rows:  # every colour says why
        assert row.rag_reason and row.rag_reasons and row.rag_rule
    closed = [r for r in rows if r.status == "closed"]
    assert all(r.rag == "none" and r.rag_reason == "Closed" for r in closed)


def test_no_child_at_full_attendance_is_red_for_a_routine_action(
    demo_profile: OpenProfile,
) -> None:
    for row in demo_profile.caseload.list_cases():
        if row.rag == "red" and row.attendance and row.attendance.pct == 100:
            assert row.rag_rule not in ("formal_overdue",) or row.stage in (
                "formal",
                "legal",
                "court",
            )


def test_one_case_row_is_the_caseload_row(demo_profile: OpenProfile) -> None:
    rows = demo_profile.caseload.list_cases()
    for row in rows[:5]:
        assert demo_profile.caseload.row_for(row.case_id) == row
    assert demo_profile.caseload.row_for("no-such-case") is None


def _notice(
    session: Session, case_id: str, *, status: str, window_from: dt.date, received: dt.date
) -> None:
    case = session.get_one(Case, case_id)
    child = session.get_one(Child, case.child_id)
    parent = session.scalars(select(Adult).where(Adult.family_id == child.family_id)).first()
    assert parent is not None
    session.add(
        PenaltyNotice(
            case_id=case_id,
            child_id=child.id,
            parent_id=parent.id,
            status=status,
            considered_on=received - dt.timedelta(days=7),
            evidence={"window_from": window_from.isoformat()},
            issued_on=received,
            served_by="hand",
            received_on=received,
            amount_21=80,
            amount_28=160,
        )
    )


def test_a_penalty_notice_time_limit_and_an_unrecorded_payment(
    demo_profile: OpenProfile,
) -> None:
    today = demo_profile.clock.today()  # 20/11/2026
    rows = [r for r in demo_profile.caseload.list_cases() if r.status != "closed"]
    unpaid, issued = rows[0].case_id, rows[1].case_id
    # an offence period from 30/05/2026: the last day to lay is 29/11/2026, 9 days away
    start = dt.date(2026, 5, 30)
    demo_profile.store.write(
        lambda s: _notice(
            s, unpaid, status="unpaid", window_from=start, received=dt.date(2026, 9, 1)
        )
    ).result()
    # received 01/10/2026: the 28 days ended on 28/10/2026 and nothing was recorded
    demo_profile.store.write(
        lambda s: _notice(
            s,
            issued,
            status="issued",
            window_from=dt.date(2026, 8, 1),
            received=dt.date(2026, 10, 1),
        )
    ).result()
    row = demo_profile.caseload.row_for(unpaid)
    assert row is not None and row.rag == "red"
    assert "Lay information by 29/11/2026" in row.rag_reasons
    row = demo_profile.caseload.row_for(issued)
    assert row is not None
    assert "Penalty notice: paying period ended 28/10/2026" in row.rag_reasons
    assert today == dt.date(2026, 11, 20)
