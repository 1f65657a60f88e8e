"""Penalty notices on a case: considered with the register's evidence, decided, recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from officer_app.attendance.codes import shipped_codes
from officer_app.domain.attendance import Mark, summarise
from officer_app.domain.penalty_notices import Grounds, NoticeStatus, StepRefused
from officer_app.services.penalty_notices import NoticeRefused, PenaltyNoticeService
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

# Ten school weeks in the spring term 2027, after anything the demo register holds.
SPRING = dt.date(2027, 1, 4)


def spring_register(profile: OpenProfile, case_id: str, absent: dict[int, str]) -> list[Mark]:
    """Ten weeks of marks for the case's child from SPRING: '/' and '\\' everywhere except
    the sessions numbered in ``absent`` (0 = first Monday AM), which get the code given."""
    child_id = profile.store.read(
        lambda s: s.scalar(select(Case.child_id).where(Case.id == case_id))
    )
    marks: list[Mark] = []
    n = 0
    for week in range(10):
        for weekday in range(5):
            day = SPRING + dt.timedelta(weeks=week, days=weekday)
            for part in ("AM", "PM"):
                code = absent.get(n, "/" if part == "AM" else "\\")
                marks.append(Mark(day, part, code))
                n += 1

    def work(session):  # type: ignore[no-untyped-def]
        for m in marks:
            session.add(
                AttendanceMark(child_id=child_id, date=m.date, session=m.session, code=m.code)
            )

    profile.store.write_wait(work)
    return marks


def a_case_with_parents(profile: OpenProfile) -> tuple[str, list[str]]:
    def work(session):  # type: ignore[no-untyped-def]
        for case_id, family_id in session.execute(
            select(Case.id, Child.family_id)
            .join(Child, Child.id == Case.child_id)
            .where(Case.status == "open")
            .order_by(Case.reference)
        ):
            adults = list(
                session.scalars(
                    select(Adult.id).where(
                        Adult.family_id == family_id, Adult.parental_responsibility.is_(True)
                    )
                )
            )
            if adults:
                return case_id, adults
        raise AssertionError("no open case with a parent")

    return profile.store.read(work)


@pytest.fixture()
def service(demo_profile: OpenProfile) -> PenaltyNoticeService:
    return PenaltyNoticeService(demo_profile.store, demo_profile.clock, demo_profile.officer.id)


def test_considering_records_the_threshold_as_the_register_shows_it(
    demo_profile: OpenProfile, service: PenaltyNoticeService
) -> None:
    case_id, parents = a_case_with_parents(demo_profile)
    # 12 unauthorised sessions (N, O, G) spread over the ten weeks, one authorised (I)
    absent = {3: "N", 4: "N", 20: "O", 21: "O", 40: "G", 41: "G", 42: "G", 43: "G"}
    absent |= {60: "U", 61: "N", 80: "N", 99: "O", 10: "I"}
    marks = spring_register(demo_profile, case_id, absent)
    last = SPRING + dt.timedelta(weeks=10) - dt.timedelta(days=1)

    [notice] = service.consider(
        case_id, parents[:1], SPRING, last, grounds=Grounds.UNAUTHORISED_ABSENCE, note="Agreed"
    )
    expected = summarise(marks, "", SPRING, last, codes=shipped_codes())
    seen = notice.evidence
    assert seen.met and seen.unauthorised_in_window == expected.unauthorised == 12
    assert (seen.window_from, seen.window_to) == (SPRING, last)
    assert dict(seen.codes_in_window) == {"G": 4, "N": 4, "O": 3, "U": 1}
    assert seen.possible == expected.possible == 100
    assert notice.status is NoticeStatus.CONSIDERED
    assert set(notice.next_steps) == {
        NoticeStatus.ISSUED,
        NoticeStatus.NOTICE_TO_IMPROVE,
        NoticeStatus.NOT_ISSUED,
    }

    # the step is signed into the case's chronology, in words a court can read
    entry = demo_profile.store.read(
        lambda s: s.scalars(
            select(ChronologyEntry)
            .where(
                ChronologyEntry.case_id == case_id, ChronologyEntry.entry_type == "penalty_notice"
            )
            .order_by(ChronologyEntry.recorded_at.desc())
        ).first()
    )
    assert entry is not None and entry.signed_at is not None
    assert "12 sessions of unauthorised absence (G 4, N 4, O 3, U 1)" in entry.body
    assert "04/01/2027–14/03/2027" in entry.body and "is met" in entry.body
    assert demo_profile.store.read(evidence.verify)[1] == []


def test_an_unmet_threshold_is_recorded_as_not_met(
    demo_profile: OpenProfile, service: PenaltyNoticeService
) -> None:
    case_id, _parents = a_case_with_parents(demo_profile)
    spring_register(demo_profile, case_id, {n: "N" for n in range(0, 90, 10)})  # nine
    last = SPRING + dt.timedelta(weeks=10, days=-1)
    seen = service.threshold(case_id, SPRING, last)
    assert not seen.met and seen.unauthorised_in_window == 9
    assert "NOT met" in seen.sentence()


def test_consider_refuses_what_cannot_be_right(
    demo_profile: OpenProfile, service: PenaltyNoticeService
) -> None:
    case_id, parents = a_case_with_parents(demo_profile)
    stranger = demo_profile.store.read(
        lambda s: s.scalar(
            select(Adult.id).where(Adult.id.not_in(parents)).order_by(Adult.surname.desc())
        )
    )
    with pytest.raises(NoticeRefused, match="choose the parent"):
        service.consider(case_id, [], SPRING, SPRING)
    with pytest.raises(NoticeRefused, match="before it starts"):
        service.consider(case_id, parents, SPRING, SPRING - dt.timedelta(days=1))
    family = service.parents(case_id)
    if stranger not in {p.id for p in family}:
        with pytest.raises(NoticeRefused, match="goes to a parent of the child"):
            service.consider(case_id, [stranger], SPRING, SPRING)
    assert demo_profile.store.read(lambda s: s.scalars(select(PenaltyNotice)).all()) == []


def test_a_decision_not_to_issue_ends_the_notice(
    demo_profile: OpenProfile, service: PenaltyNoticeService
) -> None:
    case_id, parents = a_case_with_parents(demo_profile)
    [notice] = service.consider(case_id, parents[:1], SPRING, SPRING + dt.timedelta(days=60))
    with pytest.raises(NoticeRefused, match="say why"):
        service.decide_not_to_issue(notice.id, "  ")
    done = service.decide_not_to_issue(notice.id, "Attendance improved to 96% after the meeting")
    assert done.status is NoticeStatus.NOT_ISSUED and done.next_steps == ()
    assert done.decision_reason == "Attendance improved to 96% after the meeting"
    with pytest.raises(StepRefused, match="not issued cannot become"):
        service.withdraw(notice.id, dt.date(2026, 11, 20), "x")
    with pytest.raises(StepRefused):
        service.record_payment(notice.id, dt.date(2026, 11, 20), 80)


def test_an_empty_record_of_notices_still_says_what_it_is(service: PenaltyNoticeService) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    assert service.register() == []
    csv_text = service.register_document("csv").decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("number,issued_on,case_reference,parent_name")
    pdf = PdfReader(BytesIO(service.register_document("pdf")))
    text = pdf.pages[0].extract_text()
    assert "Record of penalty notices" in text and "No penalty notices" in text
    assert "regulation 20" in text and "Page 1 of 1" in text


def test_two_parents_considered_at_once_each_get_a_link_in_the_chain(
    demo_profile: OpenProfile, service: PenaltyNoticeService
) -> None:
    case_id = demo_profile.store.read(
        lambda s: next(
            c
            for c, f in s.execute(select(Case.id, Child.family_id).join(Child))
            if len(list(s.scalars(select(Adult.id).where(Adult.family_id == f)))) >= 2
        )
    )
    both = [p.id for p in service.parents(case_id)][:2]
    made = service.consider(case_id, both, SPRING, SPRING + dt.timedelta(days=60))
    assert {n.parent_id for n in made} == set(both)
    assert demo_profile.store.read(evidence.verify)[1] == []
