"""Interviews under caution through the service (issue 12): a plan, the record autosaved
while it is made, deferral for legal advice, and sealing into the case's evidence chain as
the interviewer's next exhibit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from officer_app.domain.interview import (
    CAUTION,
    Event,
    EventKind,
    InterviewRecord,
    InterviewRefused,
    Offence,
)
from officer_app.services.interview_rows import PlannedDocument
from officer_app.services.interviews import InterviewInvalid, NotTheInterviewer
from officer_app.services.profile import OpenProfile
from officer_app.store import evidence
from officer_app.store.models import Adult, Case, Child, Exhibit

OPENING: dict[str, Any] = {
    "identities_confirmed": True,
    "place_kind": "office",
    "told_not_under_arrest": True,
    "told_free_to_leave": True,
    "told_legal_advice": True,
    "legal_advice": "declined",
    "interpreter_present": False,
    "appropriate_adult_present": False,
    "recording": "written",
}


def _case_with_parent(profile: OpenProfile) -> tuple[str, str]:
    def work(session):  # type: ignore[no-untyped-def]
        for case in session.scalars(select(Case).order_by(Case.reference)):
            child = session.get(Child, case.child_id)
            adult = session.scalar(
                select(Adult).where(
                    Adult.family_id == child.family_id, Adult.parental_responsibility.is_(True)
                )
            )
            if adult is not None:
                return case.id, adult.id
        raise AssertionError("no case with a parent")

    found: tuple[str, str] = profile.store.read(work)
    return found


def _t(minutes: int) -> dt.datetime:
    return dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC) + dt.timedelta(minutes=minutes)


def _plan(profile: OpenProfile, case_id: str, **changes: Any):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    base = profile.interviews.default_plan(case_id)
    return replace(base, place="Civic Centre, Northam", **changes)


def test_a_plan_starts_with_every_statutory_topic(demo_profile: OpenProfile) -> None:
    case_id, _ = _case_with_parent(demo_profile)
    plan = _plan(demo_profile, case_id)
    assert plan.interviewee_id
    assert [t.key for t in plan.topics] == [
        "leave",
        "sickness",
        "religious_observance",
        "travel",
        "travelling_trade",
        "eso",
    ]
    info = demo_profile.interviews.plan(case_id, plan)
    assert info.status == "planned" and info.offence is Offence.S444_1A
    asks = demo_profile.interviews.invitation_asks(info.id)
    assert asks["offence_from"] == plan.period_from.isoformat()
    assert asks["interview_place"] == "Civic Centre, Northam"


def test_a_young_or_vulnerable_interviewee_without_an_appropriate_adult_is_warned(
    demo_profile: OpenProfile,
) -> None:
    case_id, adult_id = _case_with_parent(demo_profile)

    def young(session):  # type: ignore[no-untyped-def]
        adult = session.get(Adult, adult_id)
        adult.date_of_birth = dt.date(2009, 11, 21)  # 17 on 20 Nov 2026; 18 the next day

    demo_profile.store.write_wait(young)
    plan = _plan(demo_profile, case_id, interviewee_id=adult_id)
    assert [w.key for w in demo_profile.interviews.warnings(plan)] == ["appropriate_adult"]
    from dataclasses import replace

    with_aa = replace(plan, appropriate_adult_name="A. Advocate")
    assert demo_profile.interviews.warnings(with_aa) == []


def test_conduct_autosave_and_seal_as_the_next_exhibit(demo_profile: OpenProfile) -> None:
    service = demo_profile.interviews
    case_id, _ = _case_with_parent(demo_profile)
    plan = _plan(demo_profile, case_id, documents=(PlannedDocument("Register extract"),))
    info = service.start(service.plan(case_id, plan).id)
    assert info.status == "in_progress"
    assert info.documents[0].exhibit == "DO/1"  # the document became an exhibit at the start

    record = InterviewRecord()
    record.add(Event(EventKind.START, _t(0)))
    record.add(Event(EventKind.CAUTION, _t(1), CAUTION, flag=True))
    record.add(Event(EventKind.EXHIBIT, _t(2), "Register extract", ref="DO/1"))
    record.add(Event(EventKind.QUESTION, _t(3), "Why was she absent?"))
    record.add(Event(EventKind.ANSWER, _t(4), "She was ill."))
    service.save_progress(info.id, OPENING, record, ["sickness"])
    back = service.progress(info.id)
    assert back.record.events == record.events and back.topics_covered == ("sickness",)

    with pytest.raises(InterviewRefused, match="not ready to seal"):
        service.seal(info.id, OPENING, record, ["sickness"])
    record.add(Event(EventKind.END, _t(20)))
    record.add(Event(EventKind.READ, _t(21), by="self"))
    record.add(Event(EventKind.SIGNATURE, _t(25), by="interviewee", flag=True))
    record.add(Event(EventKind.SIGNATURE, _t(25), by="interviewer", flag=True))
    sealed = service.seal(info.id, OPENING, record, ["sickness"])
    assert sealed.exhibit == "DO/2"
    assert sealed.entry.signed and sealed.entry.entry_type == "interview"
    assert sealed.entry.answers is not None
    assert sealed.entry.answers["exhibit"] == "DO/2"
    assert "10:03 Q: Why was she absent?" in sealed.entry.body
    after = service.interview(info.id)
    assert after.status == "completed" and after.exhibit == "DO/2"
    assert service.progress(info.id).record.events == []  # the draft went with the seal
    checked, breaks = demo_profile.store.read(lambda s: evidence.verify(s, only_case=case_id))
    assert breaks == [] and checked >= 1

    def relabel(session):  # type: ignore[no-untyped-def]
        session.execute(text("UPDATE exhibit SET label = 'XX/9'"))

    with pytest.raises(DatabaseError, match="an exhibit cannot be changed"):
        demo_profile.store.write_wait(relabel)
    labels = demo_profile.store.read(
        lambda s: sorted(s.scalars(select(Exhibit.label).where(Exhibit.case_id == case_id)))
    )
    assert labels == ["DO/1", "DO/2"]


def test_legal_advice_requested_defers_the_interview(demo_profile: OpenProfile) -> None:
    service = demo_profile.interviews
    case_id, _ = _case_with_parent(demo_profile)
    info = service.start(service.plan(case_id, _plan(demo_profile, case_id)).id)
    opening = {**OPENING, "legal_advice": "requested"}
    record = InterviewRecord([Event(EventKind.START, _t(0))])
    entry = service.defer(info.id, opening, record, "asked for a solicitor")
    assert entry.signed and entry.title.startswith("Interview under caution deferred")
    assert service.interview(info.id).status == "deferred"
    # started again later, with the plan as it was
    assert service.start(info.id).status == "in_progress"


def test_an_incomplete_opening_is_refused_with_the_field(demo_profile: OpenProfile) -> None:
    with pytest.raises(InterviewInvalid, match="told_not_under_arrest"):
        demo_profile.interviews.check_opening({**OPENING, "told_not_under_arrest": False})
    with pytest.raises(InterviewInvalid, match="solicitor_name"):
        demo_profile.interviews.check_opening({**OPENING, "legal_advice": "solicitor_present"})


def test_an_interview_planned_for_another_officer_is_taken_over_only_when_asked(
    demo_profile: OpenProfile,
) -> None:
    service = demo_profile.interviews
    case_id, _ = _case_with_parent(demo_profile)
    others = service.officers()
    colleague = others[0][0]
    info = service.plan(case_id, _plan(demo_profile, case_id))

    def plan_for_colleague(session):  # type: ignore[no-untyped-def]
        from officer_app.store.models import Interview

        row = session.get(Interview, info.id)
        row.interviewer_id = colleague
        row.second_officer_id = demo_profile.officer.id

    demo_profile.store.write_wait(plan_for_colleague)
    with pytest.raises(NotTheInterviewer, match="is planned to conduct this interview"):
        service.start(info.id)
    assert service.interview(info.id).status == "planned"  # nothing changed
    taken = service.start(info.id, take_over=True)
    # the record names who conducted it; the planned interviewer becomes the second officer
    assert taken.interviewer_id == demo_profile.officer.id
    assert taken.second_officer_id == colleague
    assert "in place of" in taken.status_reason
