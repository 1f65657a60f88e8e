"""Issue 9 points 2, 4 and 5 through the real service, letters and PDFs: a notice states the
count of its own dates, its payment periods begin with the day of receipt, and no prosecution
is recorded before the period for paying has ended."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from officer_app.services.penalty_notices import NoticeRefused
from officer_app.services.profile import OpenProfile
from officer_app.store.models import AttendanceMark, Case, ChronologyEntry, PenaltyNotice
from tests.unit.test_penalty_notice_service import (
    AFTER_SPRING,
    SPRING,
    a_case_with_parents,
    at,
    considered_with_evidence,
    supervisor_of,
)


def register(profile: OpenProfile, case_id: str, per_week: list[int]) -> None:
    """Weeks of marks from SPRING for the case's child: ``per_week[w]`` sessions of N in week
    ``w`` (the first sessions of the week), present otherwise."""
    child_id = profile.store.read(
        lambda s: s.scalar(select(Case.child_id).where(Case.id == case_id))
    )

    def work(session):  # type: ignore[no-untyped-def]
        for week, absent in enumerate(per_week):
            for i in range(10):
                day = SPRING + dt.timedelta(weeks=week, days=i // 2)
                part = "AM" if i % 2 == 0 else "PM"
                code = "N" if i < absent else ("/" if part == "AM" else "\\")
                session.add(AttendanceMark(child_id=child_id, date=day, session=part, code=code))

    profile.store.write_wait(work)


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages).split())


def entry_body(profile: OpenProfile, case_id: str, title_has: str) -> str:
    """The body of the case's one chronology entry whose title holds ``title_has``."""
    [body] = profile.store.read(
        lambda s: [
            e.body
            for e in s.scalars(select(ChronologyEntry).where(ChronologyEntry.case_id == case_id))
            if title_has in e.title
        ]
    )
    return body


# --- point 2: the count of the dates stated --------------------------------------------------
# 12 weeks from 4 January 2027: one N a week, then two in weeks 11 and 12. The first run of 10
# school weeks that meets the threshold is 4 January to 14 March (10 sessions); the largest
# count of any run is 12 (18 January to 28 March). The notice names the first run's dates.
TWELVE_WEEKS = [1] * 10 + [2, 2]
RANGE_END = SPRING + dt.timedelta(weeks=12, days=-1)


def test_the_notice_the_chronology_and_the_nti_state_the_count_of_their_dates(
    demo_profile: OpenProfile,
) -> None:
    case_id, parents = a_case_with_parents(demo_profile)
    register(demo_profile, case_id, TWELVE_WEEKS)
    day = RANGE_END + dt.timedelta(days=1)
    service = at(demo_profile, day)
    [nti] = service.consider(case_id, parents[:1], SPRING, RANGE_END)
    seen = nti.evidence
    assert seen.met and (seen.window_from, seen.window_to) == (SPRING, dt.date(2027, 3, 14))
    assert seen.unauthorised_in_window == 10  # not 12, the count of another run
    assert dict(seen.codes_in_window) == {"G": 0, "N": 10, "O": 0, "U": 0}
    body = entry_body(demo_profile, case_id, "considered")
    assert "10 sessions of unauthorised absence" in body and "04/01/2027–14/03/2027" in body
    assert "12 sessions" not in body

    sent = service.send_notice_to_improve(
        nti.id,
        until=day + dt.timedelta(weeks=4),
        improvement="No unauthorised absence",
        support="A weekly check-in",
        sent_on=day,
        method="post",
    )
    text = pdf_text(demo_profile.letters.read_copy(str(sent.nti_letter_id)))
    assert "10 sessions of unauthorised absence between 4 January 2027 and 14 March 2027" in text

    issued = service.issue(
        nti.id,
        issued_on=day,
        served_by="hand",
        authorised_by=supervisor_of(demo_profile),
        authorised_on=day,
    )
    text = pdf_text(demo_profile.letters.read_copy(str(issued.notice_letter_id)))
    assert "shows 10 sessions of unauthorised absence between 4 January 2027 and 14 March" in text
    assert "12 sessions" not in text
    body = entry_body(demo_profile, case_id, "issued")
    assert "Offence period 04/01/2027–14/03/2027: 10 sessions" in body
    [row] = service.register()
    assert row.unauthorised_sessions == 10


def test_a_range_starting_midweek_states_only_the_dates_considered(
    demo_profile: OpenProfile,
) -> None:
    """The run's first week begins on a Monday before the range: the evidence's dates stay
    inside the range, and the count is of those dates (no mark outside the range counted)."""
    case_id, _parents = a_case_with_parents(demo_profile)
    register(demo_profile, case_id, [10] + [1] * 10)  # Monday-Friday N in the first week
    wednesday = SPRING + dt.timedelta(days=2)
    last = SPRING + dt.timedelta(weeks=11, days=-1)
    seen = at(demo_profile, last).threshold(case_id, wednesday, last)
    assert seen.window_from == wednesday
    # Wednesday to Friday of week one: 6 sessions; weeks 2 to 10: 9 more
    assert seen.unauthorised_in_window == 15 == sum(seen.codes_in_window.values())
    assert seen.count_is_of_its_dates()


def test_evidence_recorded_with_a_count_of_other_dates_is_not_stated_again(
    demo_profile: OpenProfile,
) -> None:
    """Evidence considered before the fix paired the largest count with other dates: issuing
    from it is refused until the notice is considered again, and nothing is issued."""
    _case_id, notice_id = considered_with_evidence(demo_profile)

    def corrupt(session):  # type: ignore[no-untyped-def]
        row = session.get_one(PenaltyNotice, notice_id)
        row.evidence = {**row.evidence, "unauthorised_in_window": 15}

    demo_profile.store.write_wait(corrupt)
    service = at(demo_profile, AFTER_SPRING)
    with pytest.raises(NoticeRefused, match="not the count of its dates: consider again"):
        service.issue(
            notice_id, issued_on=AFTER_SPRING, served_by="hand",
            authorised_by=supervisor_of(demo_profile), authorised_on=AFTER_SPRING,
        )  # fmt: skip
    assert service.notice(notice_id).number is None


# --- points 4 and 5: the periods for paying, and no prosecution before they end -------------
def issued_by_hand(profile: OpenProfile) -> str:
    """A first notice handed over on Monday 15 March 2027: day 1 of both periods, so the
    21st day is 4 April and the 28th 11 April."""
    _case_id, notice_id = considered_with_evidence(profile)
    issued = at(profile, AFTER_SPRING).issue(
        notice_id,
        issued_on=AFTER_SPRING,
        served_by="hand",
        authorised_by=supervisor_of(profile),
        authorised_on=AFTER_SPRING,
    )
    assert (issued.reduced_by, issued.full_by) == (dt.date(2027, 4, 4), dt.date(2027, 4, 11))
    return notice_id


def test_the_reduced_rate_ends_on_the_21st_day_beginning_with_receipt(
    demo_profile: OpenProfile,
) -> None:
    notice_id = issued_by_hand(demo_profile)
    paid = at(demo_profile, dt.date(2027, 4, 4)).record_payment(notice_id, dt.date(2027, 4, 4), 80)
    assert paid.status.value == "paid_within_21_days"


def test_a_notice_is_unpaid_from_the_29th_day(demo_profile: OpenProfile) -> None:
    notice_id = issued_by_hand(demo_profile)
    with pytest.raises(NoticeRefused, match="run to 11/04/2027: it is not unpaid yet"):
        at(demo_profile, dt.date(2027, 4, 11)).mark_unpaid(notice_id)
    unpaid = at(demo_profile, dt.date(2027, 4, 12)).mark_unpaid(notice_id)
    assert unpaid.status.value == "unpaid"
    assert "was not paid by 11/04/2027" in entry_body(demo_profile, unpaid.case_id, "unpaid")


def test_no_prosecution_is_recorded_before_the_period_for_paying_has_ended(
    demo_profile: OpenProfile,
) -> None:
    notice_id = issued_by_hand(demo_profile)
    later = at(demo_profile, dt.date(2027, 4, 20))
    later.mark_unpaid(notice_id)
    later.record_eso_decision(
        later.notice(notice_id).case_id, considered_on=dt.date(2027, 4, 9),
        considered_by="Attendance panel", decision="not_apply",
        reason="An order would add nothing to the support already refused.",
    )  # fmt: skip
    for too_early in (dt.date(2027, 4, 10), dt.date(2027, 4, 11)):
        with pytest.raises(NoticeRefused, match="may be laid from 12/04/2027"):
            later.record_prosecution(notice_id, too_early, "Laid under s444(1)")
    assert later.notice(notice_id).status.value == "unpaid"  # nothing recorded
    done = later.record_prosecution(notice_id, dt.date(2027, 4, 12), "Laid under s444(1)")
    assert done.status.value == "prosecuted" and done.prosecution_on == dt.date(2027, 4, 12)


# --- point 3 through the service: the notice counts for the 3 years beginning with its date --
def test_the_service_prices_by_the_notices_that_still_count(demo_profile: OpenProfile) -> None:
    case_id, notice_id = considered_with_evidence(demo_profile)
    service = at(demo_profile, AFTER_SPRING)
    issued = service.issue(
        notice_id, issued_on=AFTER_SPRING, served_by="hand",
        authorised_by=supervisor_of(demo_profile), authorised_on=AFTER_SPRING,
    )  # fmt: skip
    # a later absence (the spring's is covered by the notice issued: it cannot be priced again)
    later = at(demo_profile, dt.date(2030, 3, 14))
    [again] = later.consider(
        case_id, [issued.parent_id], dt.date(2029, 12, 1), dt.date(2030, 3, 13)
    )
    service = later
    last_day = service.plan_issue(again.id, dt.date(2030, 3, 14), "hand").decision
    assert (last_day.ordinal, last_day.amount_within_21_days) == (2, None)
    assert last_day.window_to == dt.date(2030, 3, 14)
    lapsed = service.plan_issue(again.id, dt.date(2030, 3, 15), "hand").decision
    assert (lapsed.ordinal, lapsed.amount_within_21_days) == (1, 80)
