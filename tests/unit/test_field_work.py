"""Field work through the services: plan a visit, acknowledge risks, sign records, plans."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from officer_app.services.field_work import (
    ActionInput,
    FieldWorkRefused,
    RecordInvalid,
    RisksNotAcknowledged,
    TargetInput,
)
from officer_app.services.profile import OpenProfile
from officer_app.store import evidence
from officer_app.store.models import Draft, RiskAcknowledgement, VisitPlan

NO_REPLY = {
    "visit_date": "2026-11-19",
    "visit_address": "14 Alder Road, Northam",
    "visit_type": "unannounced",
    "arrival_time": "10:05",
    "departure_time": "10:20",
    "outcome": "no_reply",
    "calling_card_left": True,
    "safeguarding_concern": False,
}


def _cases(profile: OpenProfile) -> tuple[str, str]:
    """(a case whose family has risk flags, a case with none)."""
    rows = profile.caseload.list_cases()
    risky = next(r.case_id for r in rows if r.has_risk)
    plain = next(r.case_id for r in rows if not r.has_risk)
    return risky, plain


def test_a_planned_visit_shows_in_this_weeks_list(demo_profile: OpenProfile) -> None:
    fw = demo_profile.field_work
    _, plain = _cases(demo_profile)
    when = dt.datetime(2026, 11, 20, 14, 0, tzinfo=dt.UTC)
    plan = fw.plan_visit(plain, when, "Discuss Monday absences")
    assert plan.address  # the family's address by default
    week = {v.id: v for v in fw.this_week()}
    assert week[plan.id].purpose == "Discuss Monday absences"
    fw.cancel_visit(plan.id, "Family away")
    assert {v.id: v.status for v in fw.this_week()}[plan.id] == "cancelled"


def test_pairs_are_required_where_a_risk_flag_says_so(demo_profile: OpenProfile) -> None:
    fw = demo_profile.field_work
    rows = demo_profile.caseload.list_cases()
    paired = None
    for r in rows:
        if r.has_risk and any(x.two_officers_required for x in fw.risks_for(r.case_id)):
            paired = r.case_id
            break
    assert paired is not None, "the seeded demo caseload has no family flagged for visits in pairs"
    when = dt.datetime(2026, 11, 20, 14, 0, tzinfo=dt.UTC)
    with pytest.raises(FieldWorkRefused, match="in pairs"):
        fw.plan_visit(paired, when, "Visit")
    other = demo_profile.store.read(
        lambda s: s.execute(
            text("SELECT id FROM officer WHERE id != :me LIMIT 1"), {"me": demo_profile.officer.id}
        ).scalar()
    )
    plan = fw.plan_visit(paired, when, "Visit", second_officer_id=other)
    assert plan.second_officer and plan.two_officers_required


def test_risks_must_be_acknowledged_before_a_visit_is_recorded(demo_profile: OpenProfile) -> None:
    fw = demo_profile.field_work
    risky, _ = _cases(demo_profile)
    form = fw.definition("home_visit")
    assert fw.needs_acknowledgement(risky)
    with pytest.raises(RisksNotAcknowledged):
        fw.sign_record(risky, form, NO_REPLY)
    ack = fw.acknowledge_risks(risky)
    assert ack.flags and not fw.needs_acknowledgement(risky)
    stored = demo_profile.store.read(
        lambda s: s.scalars(
            select(RiskAcknowledgement)
            .where(RiskAcknowledgement.case_id == risky)
            .order_by(RiskAcknowledgement.acknowledged_at.desc())
        ).first()
    )
    assert stored.officer_id == demo_profile.officer.id
    assert [f["description"] for f in stored.flags] == [f.description for f in ack.flags]
    entry = fw.sign_record(risky, form, NO_REPLY)
    assert entry.signed and entry.entry_type == "home_visit"
    assert entry.title == "Home visit record: No reply" or entry.title.startswith(form.title)


def test_a_signed_record_keeps_its_form_version_and_answers_in_the_chain(
    demo_profile: OpenProfile,
) -> None:
    fw = demo_profile.field_work
    _, plain = _cases(demo_profile)
    form = fw.definition("home_visit")
    plan = fw.plan_visit(plain, dt.datetime(2026, 11, 19, 10, 0, tzinfo=dt.UTC), "Visit")
    fw.save_record_draft(plain, form, {"outcome": "no_reply"})
    assert fw.record_draft_answers(plain, "home_visit") == (form.version, {"outcome": "no_reply"})
    entry = fw.sign_record(
        plain, form, {**NO_REPLY, "child_voice": "hidden answer"}, visit_plan_id=plan.id
    )
    assert (entry.form_id, entry.form_version) == ("home_visit", form.version)
    assert entry.answers is not None and "child_voice" not in entry.answers  # hidden: dropped
    assert entry.occurred_at == dt.datetime(2026, 11, 19, 10, 5, tzinfo=dt.UTC)
    assert "No reply" in entry.body
    assert fw.record_draft(plain, "home_visit") is None
    done = demo_profile.store.read(lambda s: s.get(VisitPlan, plan.id))
    assert (done.status, done.record_id) == ("done", entry.id)
    assert demo_profile.store.read(evidence.verify)[1] == []

    # the answers are sealed: changing them behind the triggers' back breaks the chain
    def tamper(session):  # type: ignore[no-untyped-def]
        session.execute(text("DROP TRIGGER chronology_signed_no_update"))
        session.execute(
            text(
                "UPDATE chronology_entry SET answers = json_set(answers, "
                "'$.calling_card_left', json('false')) WHERE id = :i"
            ),
            {"i": entry.id},
        )

    demo_profile.store.write_wait(tamper)
    assert [b.entry_id for b in demo_profile.store.read(evidence.verify)[1]] == [entry.id]
    assert demo_profile.store.read(lambda s: s.scalars(select(Draft)).all()) == []


def test_an_incomplete_record_is_refused_with_its_fields(demo_profile: OpenProfile) -> None:
    fw = demo_profile.field_work
    _, plain = _cases(demo_profile)
    with pytest.raises(RecordInvalid) as refused:
        fw.sign_record(
            plain,
            fw.definition("home_visit"),
            {**NO_REPLY, "arrival_time": "10:30", "departure_time": "10:00"},
        )
    assert "departure_time" in {e.field_id for e in refused.value.errors}


def test_a_plan_drives_the_next_action_and_the_rag(demo_profile: OpenProfile) -> None:
    fw = demo_profile.field_work
    _, plain = _cases(demo_profile)
    today = demo_profile.clock.today()
    plan = fw.create_plan(
        plain,
        targets=[TargetInput("Attendance of at least 90% over the next 6 weeks", 90.0, 6)],
        actions=[
            ActionInput("Call mum every Monday morning", "officer", today - dt.timedelta(days=2)),
            ActionInput("Breakfast club place", "school", today + dt.timedelta(days=10)),
        ],
    )
    assert plan.review_on > today and plan.review_on.weekday() < 5
    row = next(r for r in demo_profile.caseload.list_cases() if r.case_id == plain)
    assert row.next_action == "Call mum every Monday morning"
    assert row.rag != "green" and "Next action overdue by 2 days" in row.rag_reasons
    fw.complete_action(plan.actions[0].id)
    row = next(r for r in demo_profile.caseload.list_cases() if r.case_id == plain)
    assert row.next_action == "Breakfast club place"
    with pytest.raises(FieldWorkRefused):
        fw.create_plan(plain, targets=[TargetInput("x", 120.0)], actions=[])


def test_timescales_count_working_days_from_referral(demo_profile: OpenProfile) -> None:
    fw = demo_profile.field_work
    rows = demo_profile.caseload.list_cases()
    case = rows[0]
    scales = {t.name: t for t in fw.case_timescales(case.case_id)}
    assert set(scales) >= {"First contact", "Initial assessment"}
    first = scales["First contact"]
    assert first.due_on.weekday() < 5
    assert first.working_days_overdue >= 0


def test_an_assessment_sets_the_plan_and_a_review_moves_the_review_date(
    demo_profile: OpenProfile,
) -> None:
    from officer_app.forms import validate

    fw = demo_profile.field_work
    _, plain = _cases(demo_profile)
    form = fw.definition("initial_assessment")
    people = [p for p, _ in fw.people(plain)]
    answers = _complete(form, people)
    answers["targets"] = [
        {
            "target": "Attend every Monday for the next 6 weeks",
            "target_support": "Breakfast club place from Monday 30 November",
            "target_owner": "Oakfield Primary School",
            "target_date": "2026-11-30",
        },
        {
            "target": "Mum to ring school by 9:00 on any day of absence",
            "target_support": "Officer to phone mum each Friday",
            "target_owner": "Attendance officer",
            "target_date": "2026-11-27",
        },
    ]
    answers["plan_start"] = "2026-11-20"
    answers["first_review_date"] = "2027-01-08"
    assert validate(form, answers, people=people) == []
    fw.sign_record(plain, form, answers)
    plan = fw.active_plan(plain)
    assert plan is not None and plan.review_on == dt.date(2027, 1, 8)
    assert plan.targets[0].description.startswith("Attend every Monday")
    assert {(a.owner, a.due_on) for a in plan.actions} == {
        ("school", dt.date(2026, 11, 30)),
        ("officer", dt.date(2026, 11, 27)),
    }
    row = next(r for r in demo_profile.caseload.list_cases() if r.case_id == plain)
    assert (row.next_action, row.next_action_due) == (
        "Officer to phone mum each Friday",
        dt.date(2026, 11, 27),
    )


def _complete(form, people):  # type: ignore[no-untyped-def]
    """Answers for every required question, built from the definition itself."""
    from officer_app.forms import validate

    answers: dict = {}
    for _ in range(6):
        errors = validate(form, answers, people=people)
        if not errors:
            break
        for error in errors:
            if "." in error.field_id or error.field_id in answers:
                continue
            field = form.field(error.field_id)
            answers[field.id] = _value_for(field, people)
    return answers


def _value_for(field, people):  # type: ignore[no-untyped-def]
    kind = field.type.value
    if kind in ("short_text", "long_text"):
        return "Discussed with the family at home."
    if kind == "date":
        return "2026-11-20"
    if kind == "time":
        return "10:00"
    if kind == "yes_no":
        return False
    if kind == "single_choice":
        return field.choices[0].value
    if kind == "multiple_choice":
        return [field.choices[0].value]
    if kind == "person":
        return [people[0]] if field.takes_list else people[0]
    if kind in ("number", "scale"):
        return field.min if field.min is not None else 1
    if kind == "group":
        return []
    return "x"


def test_a_safeguarding_concern_turns_the_case_red_for_the_supervisor(
    demo_profile: OpenProfile,
) -> None:
    fw = demo_profile.field_work
    _, plain = _cases(demo_profile)
    concern = {
        **NO_REPLY,
        "safeguarding_concern": True,
        "safeguarding_details": "Younger sibling seen alone at the window, crying, at 10:10.",
        "referred_today": False,
        "not_referred_reason": "Discussed with the DSL by phone; she will call back by 14:00.",
    }
    fw.sign_record(plain, fw.definition("home_visit"), concern)
    row = next(r for r in demo_profile.caseload.list_cases() if r.case_id == plain)
    assert row.rag == "red"
    assert row.rag_reason == "Safeguarding concern 19/11/2026"


def test_a_record_whose_times_are_after_its_signing_is_refused(
    demo_profile: OpenProfile,
) -> None:
    """Signed at 10:30 on 20 November 2026 (GMT): a visit that day ending 10:31 cannot be."""
    fw = demo_profile.field_work
    _, plain = _cases(demo_profile)
    form = fw.definition("home_visit")
    today = {**NO_REPLY, "visit_date": "2026-11-20", "arrival_time": "10:00"}
    with pytest.raises(RecordInvalid) as refused:
        fw.sign_record(plain, form, {**today, "departure_time": "10:31"})
    assert str(refused.value).startswith("departure_time: \u201cTime of departure\u201d: 10:31")
    with pytest.raises(RecordInvalid, match="When it happened: is later than now"):
        fw.sign_record(
            plain, form, NO_REPLY, occurred_at=dt.datetime(2026, 11, 20, 10, 31, tzinfo=dt.UTC)
        )
    entry = fw.sign_record(plain, form, {**today, "departure_time": "10:30"})
    assert entry.answers is not None and entry.answers["departure_time"] == "10:30"


def test_a_plan_reviewed_before_it_is_agreed_or_an_action_done_tomorrow_is_refused(
    demo_profile: OpenProfile,
) -> None:
    fw = demo_profile.field_work
    _, plain = _cases(demo_profile)
    today = demo_profile.clock.today()
    target = [TargetInput("Attendance of at least 90%", 90.0, 6)]
    action = [ActionInput("Call mum", "officer", today + dt.timedelta(days=3))]
    before = fw.active_plan(plain)
    with pytest.raises(FieldWorkRefused, match=r"Review date: 20/11/2026 is not after"):
        fw.create_plan(plain, targets=target, actions=action, review_on=today)
    assert fw.active_plan(plain) == before  # nothing changed
    plan = fw.create_plan(
        plain, targets=target, actions=action, review_on=today + dt.timedelta(days=1)
    )
    with pytest.raises(FieldWorkRefused, match="Done on: 21/11/2026 is a date still to come"):
        fw.complete_action(plan.actions[0].id, today + dt.timedelta(days=1))
    fw.complete_action(plan.actions[0].id, today)
    assert fw.active_plan(plain).actions[0].done_on == today  # type: ignore[union-attr]


def test_an_action_agreed_at_a_visit_cannot_fall_due_before_it(demo_profile: OpenProfile) -> None:
    fw = demo_profile.field_work
    _, plain = _cases(demo_profile)
    seen = {
        **NO_REPLY,
        "outcome": "seen",
        "present": [],
        "child_seen": False,
        "child_not_seen_reason": "At school.",
        "parent_account": "Unwell.",
        "actions": [{"action": "Call", "action_by": "Officer", "action_due": "2026-11-18"}],
    }
    with pytest.raises(RecordInvalid) as refused:
        fw.sign_record(plain, fw.definition("home_visit"), seen)
    assert any(e.field_id == "action_due" for e in refused.value.errors)
    assert "cannot be before \u201cDate of visit\u201d (19/11/2026)" in str(refused.value.errors)
