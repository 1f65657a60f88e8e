"""Questioning without a caution (issue 9, point 11): on a case heading for legal action the
home visit form warns that questions about the offence need an interview under caution, the
parent's account is optional, and an unprompted remark is kept as a significant statement."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from officer_app.forms import FormDefinition, load_definition_file, with_case_facts
from officer_app.services.field_work import RecordInvalid
from officer_app.services.profile import OpenProfile
from officer_app.store import evidence
from officer_app.store.models import (
    Adult,
    AttendanceMark,
    Case,
    Child,
    ChronologyEntry,
    PenaltyNotice,
)

REMARK = "I kept him off because I'm not paying for a week in Spain in August, full stop."


def _seen(person: str, **more: Any) -> dict[str, Any]:
    return {
        "visit_date": "2026-11-19",
        "visit_address": "14 Alder Road, Northam",
        "visit_type": "planned",
        "arrival_time": "10:05",
        "departure_time": "10:40",
        "outcome": "seen",
        "present": [person],
        "child_seen": False,
        "child_not_seen_reason": "At school.",
        "safeguarding_concern": False,
        **more,
    }


def _statement(person: str) -> dict[str, Any]:
    return {
        "statement": REMARK,
        "statement_by": person,
        "statement_time": "10:12",
        "statement_heard_by": "A Officer; B Second, Attendance Officer",
        "statement_asked_to_sign": True,
        "statement_signed": False,
        "statement_sign_response": "Said she would not sign anything without her solicitor.",
    }


LEGAL = ("legal", "court")


def _case(profile: OpenProfile, *, legal: bool) -> tuple[str, str]:
    """(a case with no risk flag and no penalty notice, a parent on it), at a legal stage or
    not; a case at support or formal is moved to legal intervention when none is there."""

    def work(session: Any) -> tuple[str, str, str] | None:
        noticed = set(session.scalars(select(PenaltyNotice.case_id)))
        flagged = {r.case_id for r in profile.caseload.list_cases() if r.has_risk}
        found: dict[str, tuple[str, str, str]] = {}
        for case_id, stage, family_id in session.execute(
            select(Case.id, Case.stage, Child.family_id)
            .join(Child, Child.id == Case.child_id)
            .where(Case.status == "open")
            .order_by(Case.reference)
        ):
            if case_id in noticed or case_id in flagged:
                continue
            parent = session.scalar(
                select(Adult.id).where(
                    Adult.family_id == family_id, Adult.parental_responsibility.is_(True)
                )
            )
            if parent is not None:
                found.setdefault(stage, (case_id, parent, stage))
        wanted = LEGAL if legal else ("support", "formal", "assessment", "allocated")
        for stage in (*wanted, "support", "formal"):
            if stage in found:
                return found[stage]
        return None

    got = profile.store.read(work)
    assert got is not None, "the seeded demo caseload has no case with a parent to record"
    case_id, parent, stage = got
    if legal and stage not in LEGAL:

        def move(session: Any) -> None:
            session.get_one(Case, case_id).stage = "legal"

        profile.store.write_wait(move)
    return case_id, parent


def _form(profile: OpenProfile) -> FormDefinition:
    return profile.field_work.definition("home_visit")


def test_at_a_legal_stage_the_account_is_optional_and_the_statement_is_kept(
    demo_profile: OpenProfile,
) -> None:
    fw = demo_profile.field_work
    case_id, parent = _case(demo_profile, legal=True)
    assert fw.case_facts(case_id) == {"legal_action": True}
    earlier = fw.significant_statements(case_id)  # the demo's own visits may hold some
    answers = _seen(parent, significant_statements=[_statement(parent)])  # no parent_account
    entry = fw.sign_record(case_id, _form(demo_profile), answers)
    assert entry.signed
    statements = fw.significant_statements(case_id)
    assert statements[: len(earlier)] == earlier and len(statements) == len(earlier) + 1
    assert [s.visit_on for s in statements] == sorted(s.visit_on for s in statements)
    kept = statements[-1]
    assert (kept.entry_id, kept.visit_on) == (entry.id, dt.date(2026, 11, 19))
    assert kept.statement == REMARK  # verbatim
    assert (kept.said_by, kept.said_at) == (parent, "10:12")
    assert kept.heard_by == "A Officer; B Second, Attendance Officer"
    assert (kept.asked_to_sign, kept.signed) == (True, False)
    assert kept.sign_response.startswith("Said she would not sign")
    # sealed with the visit: in the signed answers and the entry's text, the chain intact
    stored = demo_profile.store.read(lambda s: s.get_one(ChronologyEntry, entry.id).answers)
    assert stored["legal_action"] is True
    assert stored["significant_statements"][0]["statement"] == REMARK
    assert REMARK in entry.body
    checked, breaks = demo_profile.store.read(lambda s: evidence.verify(s, only_case=case_id))
    assert checked > 0 and breaks == []


def test_elsewhere_the_account_is_required_and_the_fact_cannot_be_typed(
    demo_profile: OpenProfile,
) -> None:
    fw = demo_profile.field_work
    case_id, parent = _case(demo_profile, legal=False)
    assert fw.case_facts(case_id) == {"legal_action": False}
    typed = _seen(parent, legal_action=True, significant_statements=[_statement(parent)])
    with pytest.raises(RecordInvalid) as refused:
        fw.sign_record(case_id, _form(demo_profile), typed)
    assert [e.field_id for e in refused.value.errors] == ["parent_account"]
    entry = fw.sign_record(
        case_id, _form(demo_profile), typed | {"parent_account": "He has been anxious."}
    )
    stored = demo_profile.store.read(lambda s: s.get_one(ChronologyEntry, entry.id).answers)
    assert stored["legal_action"] is False  # the case's fact, not what was typed
    assert "significant_statements" not in stored  # the caution section is not on this form
    assert fw.significant_statements(case_id) == []


def test_a_penalty_notice_considered_puts_the_case_on_the_way_to_legal_action(
    demo_profile: OpenProfile,
) -> None:
    fw = demo_profile.field_work
    case_id, parent = _case(demo_profile, legal=False)
    assert fw.case_facts(case_id) == {"legal_action": False}
    first = dt.date(2027, 1, 4)  # a Monday after the demo register; 12 sessions unauthorised
    days = [first + dt.timedelta(weeks=w, days=d) for w in range(10) for d in range(5)]

    def register(session: Any) -> None:
        child_id = session.get_one(Case, case_id).child_id
        for n, day in enumerate(days):
            for part in ("AM", "PM"):
                code = "N" if n < 6 else ("/" if part == "AM" else "\\")
                session.add(AttendanceMark(child_id=child_id, date=day, session=part, code=code))

    demo_profile.store.write_wait(register)
    demo_profile.penalty_notices.consider(case_id, [parent], first, days[-1])
    assert fw.case_facts(case_id) == {"legal_action": True}


def test_a_draft_cannot_carry_the_fact_over_the_case() -> None:
    from officer_app.forms import load_registry

    form = load_registry().get("home_visit")
    assert with_case_facts(form, {"legal_action": True, "outcome": "seen"}, {}) == {
        "legal_action": False,
        "outcome": "seen",
    }
    assert with_case_facts(form, {}, {"legal_action": True})["legal_action"] is True


FACT_IN_GROUP = """\
id: visit
version: 1
title: Visit
description: A visit.
sections:
  - id: s
    title: S
    fields:
      - id: g
        type: group
        label: G
        fields:
          - id: legal
            type: yes_no
            label: Legal?
            from_case: legal_action
"""


def test_the_engine_takes_a_fact_of_the_case_only_where_it_makes_sense(tmp_path: Path) -> None:
    path = tmp_path / "visit.yaml"
    path.write_text(FACT_IN_GROUP)
    problems = load_definition_file(path)[1]
    assert [p.message for p in problems] == ["a fact of the case cannot be inside a group"]
    for wrong in (
        FACT_IN_GROUP.replace("type: yes_no", "type: short_text"),
        FACT_IN_GROUP.replace("from_case: legal_action", "from_case: anything"),
    ):
        path.write_text(wrong)
        assert load_definition_file(path)[1], wrong


def test_the_demo_follows_the_rule(demo_profile: OpenProfile) -> None:
    """The demo's visits on a legal case ask for no account and may keep a statement."""
    visits = demo_profile.store.read(
        lambda s: [
            (e.case_id, e.answers or {})
            for e in s.scalars(
                select(ChronologyEntry).where(
                    ChronologyEntry.form_id == "home_visit", ChronologyEntry.form_version >= 2
                )
            )
        ]
    )
    legal = [(case_id, a) for case_id, a in visits if a.get("legal_action") is True]
    assert legal, "the seeded demo caseload has no home visit on a legal case"
    assert not any("parent_account" in a for _, a in legal)
    assert all("significant_statements" not in a for _, a in visits if not a["legal_action"])
    with_statements = {case_id for case_id, a in legal if a.get("significant_statements")}
    for case_id in with_statements:
        assert demo_profile.field_work.significant_statements(case_id)
