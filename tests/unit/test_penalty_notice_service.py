"""Penalty notices on a case: considered with the register's evidence, decided, recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from officer_app.attendance.codes import shipped_codes
from officer_app.demo.penalty_notices import workflow_at
from officer_app.domain.attendance import Mark, summarise
from officer_app.domain.penalty_notices import Grounds, NoticeStatus, StepRefused
from officer_app.services.notice_records import OthersNotice
from officer_app.services.penalty_notices import NoticeRefused, PenaltyNoticeService
from officer_app.services.profile import OpenProfile
from officer_app.store import evidence
from officer_app.store.models import (
    Adult,
    AttendanceMark,
    Case,
    Child,
    ChronologyEntry,
    Letter,
    Officer,
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


# --- through issue, with the real letters service -------------------------------------------

AFTER_SPRING = SPRING + dt.timedelta(weeks=10)  # Monday 15 March 2027


def at(profile: OpenProfile, day: dt.date) -> PenaltyNoticeService:
    """The service with the clock on ``day`` (the notice's steps happen on their own days)."""
    moment = dt.datetime.combine(day, dt.time(10, 0), tzinfo=dt.UTC)
    return workflow_at(profile, profile.officer.id, moment)


def supervisor_of(profile: OpenProfile) -> str:
    return profile.store.read(
        lambda s: s.scalar(select(Officer.id).where(Officer.role == "supervisor"))
    )


def considered_with_evidence(profile: OpenProfile) -> tuple[str, str]:
    """A case whose spring register meets the threshold, considered for its first parent."""
    case_id, _parents = a_case_with_parents(profile)
    spring_register(profile, case_id, {n: "N" for n in range(0, 100, 8)})  # 13 sessions
    service = at(profile, AFTER_SPRING)
    parent = service.parents(case_id)[0].id
    [notice] = service.consider(case_id, [parent], SPRING, AFTER_SPRING - dt.timedelta(days=1))
    return case_id, notice.id


def test_a_first_notice_is_issued_with_its_copy_kept_and_the_reduced_rate(
    demo_profile: OpenProfile,
) -> None:
    case_id, notice_id = considered_with_evidence(demo_profile)
    service = at(demo_profile, AFTER_SPRING)
    with pytest.raises(NoticeRefused, match="authority for legal action comes from a supervisor"):
        service.issue(
            notice_id,
            issued_on=AFTER_SPRING,
            served_by="post",
            authorised_by=demo_profile.officer.id,  # an officer, not a supervisor
            authorised_on=AFTER_SPRING,
        )
    issued = service.issue(
        notice_id,
        issued_on=AFTER_SPRING,
        served_by="post",
        authorised_by=supervisor_of(demo_profile),
        authorised_on=AFTER_SPRING,
    )
    assert issued.status is NoticeStatus.ISSUED and issued.ordinal == 1
    assert issued.number is not None and issued.number.startswith("PN-2027-")
    # posted on Monday 15 March: received on Wednesday 17th, day 1 of both periods (SI
    # 2024/210 reg 4); £80 to the 21st day, 6 April, £160 to the 28th, 13 April
    assert issued.received_on == dt.date(2027, 3, 17)
    assert (issued.amount_21, issued.amount_28) == (80, 160)
    assert (issued.reduced_by, issued.full_by) == (dt.date(2027, 4, 6), dt.date(2027, 4, 13))
    letter = demo_profile.store.read(lambda s: s.get_one(Letter, issued.notice_letter_id))
    copy = demo_profile.letters.read_copy(letter.id)
    from io import BytesIO

    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(copy)).pages).split())
    assert issued.number in text and "£80" in text and "£160" in text
    assert "6 April 2027" in text and "13 April 2027" in text
    assert "7 April 2027" not in text and "14 April 2027" not in text
    # the step and the letter are both in the case's signed chronology
    titles = demo_profile.store.read(
        lambda s: [
            e.title
            for e in s.scalars(select(ChronologyEntry).where(ChronologyEntry.case_id == case_id))
        ]
    )
    assert f"Penalty notice {issued.number} issued: {issued.parent_name}" in titles
    assert demo_profile.store.read(evidence.verify)[1] == []
    # the reg 20 record has it, with the copy's hash
    [row] = service.register()
    assert (row.number, row.copy_sha256, row.amount_21) == (issued.number, letter.sha256, 80)


def test_payments_settle_the_notice_by_the_rules(demo_profile: OpenProfile) -> None:
    _case_id, notice_id = considered_with_evidence(demo_profile)
    at(demo_profile, AFTER_SPRING).issue(
        notice_id,
        issued_on=AFTER_SPRING,
        served_by="hand",
        authorised_by=supervisor_of(demo_profile),
        authorised_on=AFTER_SPRING,
    )
    # received by hand on 15 March, day 1: the 21st day is 4 April, the 28th 11 April
    late = at(demo_profile, dt.date(2027, 4, 20))
    with pytest.raises(StepRefused, match="£160 is due"):
        late.record_payment(notice_id, dt.date(2027, 4, 5), 80)  # 22nd day: £80 no longer
    with pytest.raises(StepRefused, match="ended on 11/04/2027"):
        late.record_payment(notice_id, dt.date(2027, 4, 12), 160)  # the 29th day
    with pytest.raises(StepRefused, match="it is not unpaid yet"):
        at(demo_profile, dt.date(2027, 4, 11)).mark_unpaid(notice_id)
    paid = late.record_payment(notice_id, dt.date(2027, 4, 5), 160)
    assert paid.status is NoticeStatus.PAID_28 and paid.amount_paid == 160
    with pytest.raises(StepRefused):
        late.withdraw(notice_id, dt.date(2027, 4, 20), "too late: it was paid")


def test_an_unpaid_notice_leads_to_prosecution_and_the_record_says_so(
    demo_profile: OpenProfile,
) -> None:
    _case_id, notice_id = considered_with_evidence(demo_profile)
    at(demo_profile, AFTER_SPRING).issue(
        notice_id,
        issued_on=AFTER_SPRING,
        served_by="hand",
        authorised_by=supervisor_of(demo_profile),
        authorised_on=AFTER_SPRING,
    )
    later = at(demo_profile, dt.date(2027, 4, 20))
    unpaid = later.mark_unpaid(notice_id)
    assert unpaid.status is NoticeStatus.UNPAID
    # s447: no prosecution without a decision on an Education Supervision Order first
    with pytest.raises(NoticeRefused, match="Education Supervision Order"):
        later.record_prosecution(notice_id, dt.date(2027, 4, 20), "Laid under s444(1)")
    later.record_eso_decision(
        _case_id, considered_on=dt.date(2027, 4, 19), considered_by="Legal panel",
        decision="not_apply", reason="Support offered twice has not changed attendance",
    )  # fmt: skip
    done = later.record_prosecution(notice_id, dt.date(2027, 4, 20), "Laid under s444(1)")
    assert done.status is NoticeStatus.PROSECUTED
    [row] = later.register()
    assert row.prosecuted and row.prosecution_on == dt.date(2027, 4, 20)
    csv_text = later.register_document("csv").decode("utf-8-sig")
    assert "Prosecution followed" in csv_text and ",yes,2027-04-20," in csv_text


def test_a_withdrawn_notice_keeps_its_reason_and_does_not_count(demo_profile: OpenProfile) -> None:
    case_id, notice_id = considered_with_evidence(demo_profile)
    supervisor = supervisor_of(demo_profile)
    service = at(demo_profile, AFTER_SPRING)
    issued = service.issue(
        notice_id, issued_on=AFTER_SPRING, served_by="hand", authorised_by=supervisor,
        authorised_on=AFTER_SPRING,
    )  # fmt: skip
    with pytest.raises(NoticeRefused, match="give the reason"):
        service.withdraw(notice_id, AFTER_SPRING, " ")
    withdrawn = service.withdraw(notice_id, AFTER_SPRING, "Issued to the wrong person")
    assert withdrawn.status is NoticeStatus.WITHDRAWN
    assert withdrawn.withdrawn_reason == "Issued to the wrong person"
    # the next notice to the same parent is a first one again: the withdrawn one does not count
    [again] = service.consider(
        case_id, [issued.parent_id], SPRING, AFTER_SPRING - dt.timedelta(days=1)
    )
    plan = service.plan_issue(again.id, AFTER_SPRING, "hand")
    assert plan.decision.allowed and plan.decision.ordinal == 1


def test_a_third_notice_within_three_years_is_refused_with_the_alternatives(
    demo_profile: OpenProfile,
) -> None:
    case_id, first_id = considered_with_evidence(demo_profile)
    supervisor = supervisor_of(demo_profile)
    service = at(demo_profile, AFTER_SPRING)
    parent = service.notice(first_id).parent_id
    # the first: a head teacher's, for the autumn term (it counts like the LA's own); two
    # notices for the same absence could not both be issued (payment discharges liability)
    service.record_others_notice(
        case_id,
        OthersNotice(
            parent_id=parent, issuer="head_teacher", issuer_name="Head of Oak Primary",
            number="OAK-2026-3", issued_on=dt.date(2026, 11, 20), status=NoticeStatus.PAID_21,
            period_from=dt.date(2026, 9, 7), period_to=dt.date(2026, 11, 13),
        ),
    )  # fmt: skip
    service.issue(
        first_id, issued_on=AFTER_SPRING, served_by="hand", authorised_by=supervisor,
        authorised_on=AFTER_SPRING,
    )  # fmt: skip
    second = service.notice(first_id)
    assert second.ordinal == 2
    assert (second.amount_21, second.amount_28) == (None, 160)  # no reduced rate
    [third] = service.consider(case_id, [parent], SPRING, AFTER_SPRING)
    with pytest.raises(NoticeRefused, match="A third notice within 3 years") as refused:
        service.issue(
            third.id, issued_on=AFTER_SPRING, served_by="hand", authorised_by=supervisor,
            authorised_on=AFTER_SPRING,
        )  # fmt: skip
    assert any("Education Supervision Order" in a for a in refused.value.alternatives)
    assert service.notice(third.id).status is NoticeStatus.CONSIDERED  # nothing changed
    letters = demo_profile.store.read(
        lambda s: s.scalars(select(Letter).where(Letter.case_id == case_id)).all()
    )
    assert len(letters) == 1  # no copy of a notice that was never issued


def test_the_notice_to_improve_is_a_letter_and_starts_the_improvement_period(
    demo_profile: OpenProfile,
) -> None:
    _case_id, notice_id = considered_with_evidence(demo_profile)
    service = at(demo_profile, AFTER_SPRING)
    until = dt.date(2027, 4, 16)
    with pytest.raises(NoticeRefused, match="sufficient improvement"):
        service.send_notice_to_improve(
            notice_id, until=until, improvement=" ", support="x", sent_on=AFTER_SPRING,
            method="post",
        )  # fmt: skip
    with pytest.raises(NoticeRefused, match="what support is offered"):
        service.send_notice_to_improve(
            notice_id, until=until, improvement="No unauthorised absence", support=" ",
            sent_on=AFTER_SPRING, method="post",
        )  # fmt: skip
    done = service.send_notice_to_improve(
        notice_id,
        until=until,
        improvement="No unauthorised absence in the period",
        support="A weekly check-in with the attendance mentor",
        sent_on=AFTER_SPRING,
        method="post",
    )
    assert done.status is NoticeStatus.NOTICE_TO_IMPROVE
    assert (done.nti_on, done.nti_until) == (AFTER_SPRING, until)
    copy = demo_profile.letters.read_copy(str(done.nti_letter_id))
    from io import BytesIO

    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(copy)).pages).split())
    assert "Notice to Improve" in text and "16 April 2027" in text
    assert "weekly check-in with the attendance mentor" in text
