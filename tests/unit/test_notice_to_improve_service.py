"""The penalty-notice workflow refuses a Notice to Improve whose improvement period is
outside the LA's range, with the reason, and records nothing (issue 9 point 9)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from officer_app.clock import FixedClock
from officer_app.demo.letters import letters_at
from officer_app.domain.notice_to_improve import ImprovementPeriod
from officer_app.domain.penalty_notices import NoticeStatus
from officer_app.services.penalty_notices import NoticeRefused, PenaltyNoticeService
from officer_app.services.profile import OpenProfile
from officer_app.store.models import Letter
from tests.unit.test_penalty_notice_service import AFTER_SPRING, at, considered_with_evidence

# AFTER_SPRING is Monday 15 March 2027: week 3 after it starts on Monday 5 April
WEEK_2_SUNDAY = dt.date(2027, 4, 4)
WEEK_3_MONDAY = dt.date(2027, 4, 5)
WEEK_6_SUNDAY = dt.date(2027, 5, 2)
WEEK_7_MONDAY = dt.date(2027, 5, 3)


def _send(service: PenaltyNoticeService, notice_id: str, until: dt.date) -> NoticeStatus:
    done = service.send_notice_to_improve(
        notice_id,
        until=until,
        improvement="No unauthorised absence in the period",
        support="A weekly check-in with the attendance mentor",
        sent_on=AFTER_SPRING,
        method="post",
    )
    return done.status


def _letters(profile: OpenProfile) -> int:
    return profile.store.read(lambda s: s.scalar(select(func.count()).select_from(Letter)))


@pytest.mark.parametrize(
    ("until", "says"),
    [
        (AFTER_SPRING + dt.timedelta(days=1), "too short: to 16/03/2027 is 0 school weeks"),
        (WEEK_2_SUNDAY, "too short: to 04/04/2027 is 2 school weeks"),
        (WEEK_7_MONDAY, "too long: to 03/05/2027 is 7 school weeks"),
    ],
)
def test_a_period_outside_3_to_6_school_weeks_is_refused_with_the_reason(
    demo_profile: OpenProfile, until: dt.date, says: str
) -> None:
    _case_id, notice_id = considered_with_evidence(demo_profile)
    service = at(demo_profile, AFTER_SPRING)
    before = _letters(demo_profile)
    with pytest.raises(NoticeRefused) as refused:
        _send(service, notice_id, until)
    assert says in str(refused.value) and "3 to 6 school weeks" in str(refused.value)
    assert service.notice(notice_id).status is NoticeStatus.CONSIDERED  # nothing recorded
    assert _letters(demo_profile) == before  # and no letter made


@pytest.mark.parametrize("until", [WEEK_3_MONDAY, WEEK_6_SUNDAY])
def test_both_ends_of_the_range_are_accepted(demo_profile: OpenProfile, until: dt.date) -> None:
    _case_id, notice_id = considered_with_evidence(demo_profile)
    assert _send(at(demo_profile, AFTER_SPRING), notice_id, until) is (
        NoticeStatus.NOTICE_TO_IMPROVE
    )


def test_the_las_own_range_is_the_one_applied(demo_profile: OpenProfile) -> None:
    _case_id, notice_id = considered_with_evidence(demo_profile)
    moment = dt.datetime.combine(AFTER_SPRING, dt.time(10, 0), tzinfo=dt.UTC)
    sender = letters_at(demo_profile, demo_profile.officer.id, moment)
    service = PenaltyNoticeService(
        demo_profile.store,
        FixedClock(moment),
        demo_profile.officer.id,
        letters=lambda: sender,
        improvement=ImprovementPeriod(1, 2),
    )
    assert service.improvement_period == ImprovementPeriod(1, 2)
    with pytest.raises(NoticeRefused, match=r"too long.*LA's range is 1 to 2 school weeks"):
        _send(service, notice_id, WEEK_3_MONDAY)
    assert _send(service, notice_id, WEEK_2_SUNDAY) is NoticeStatus.NOTICE_TO_IMPROVE


def test_a_notice_to_improve_cannot_be_sent_tomorrow(demo_profile: OpenProfile) -> None:
    """Nothing is recorded as sent before it is sent: the day after today is refused."""
    _case_id, notice_id = considered_with_evidence(demo_profile)
    service = at(demo_profile, AFTER_SPRING - dt.timedelta(days=1))
    before = _letters(demo_profile)
    with pytest.raises(NoticeRefused, match="cannot be sent on a date still to come"):
        _send(service, notice_id, WEEK_3_MONDAY)
    assert service.notice(notice_id).status is NoticeStatus.CONSIDERED
    assert _letters(demo_profile) == before
    assert _send(at(demo_profile, AFTER_SPRING), notice_id, WEEK_3_MONDAY) is (
        NoticeStatus.NOTICE_TO_IMPROVE
    )
