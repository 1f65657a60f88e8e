"""Penalty notices: first, second, no third within three years; withdrawn ones do not count."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from officer_app.domain.penalty_notices import (
    FRAMEWORK_START,
    NEXT_STATUSES,
    Notice,
    NoticeStatus,
    StepRefused,
    check_step,
    next_notice,
    payment_dates,
    payment_status,
    presumed_receipt,
    years_after,
)

MUM, DAD, AMY, BEN = "mum", "dad", "amy", "ben"


def decide(notices: list[Notice], on: dt.date, parent: str = MUM, child: str = AMY):  # type: ignore[no-untyped-def]
    return next_notice(notices, parent_id=parent, child_id=child, on=on)


def test_a_first_notice_has_the_reduced_rate() -> None:
    first = decide([], dt.date(2025, 1, 10))
    assert (first.allowed, first.ordinal) == (True, 1)
    assert (first.amount_within_21_days, first.amount_within_28_days) == (80, 160)


def test_a_second_within_three_years_is_160_with_no_reduced_rate() -> None:
    notices = [Notice(MUM, AMY, dt.date(2025, 1, 10), NoticeStatus.PAID_21)]
    second = decide(notices, dt.date(2027, 6, 1))
    assert (second.allowed, second.ordinal) == (True, 2)
    assert (second.amount_within_21_days, second.amount_within_28_days) == (None, 160)
    assert second.window_to == dt.date(2028, 1, 9)


def test_a_third_within_three_years_is_refused_with_the_alternatives() -> None:
    notices = [
        Notice(MUM, AMY, dt.date(2025, 1, 10), NoticeStatus.PAID_28),
        Notice(MUM, AMY, dt.date(2026, 3, 2), NoticeStatus.UNPAID),
    ]
    third = decide(notices, dt.date(2028, 1, 9))
    assert not third.allowed and third.ordinal == 3
    assert "09/01/2028" in third.reason
    assert any("Education Supervision Order" in a for a in third.alternatives)
    assert any("s444" in a for a in third.alternatives)


def test_the_window_closes_after_three_years() -> None:
    notices = [Notice(MUM, AMY, dt.date(2025, 1, 10)), Notice(MUM, AMY, dt.date(2026, 3, 2))]
    assert decide(notices, dt.date(2028, 1, 10)).ordinal == 1  # three years on: a first again
    later = [*notices, Notice(MUM, AMY, dt.date(2028, 2, 1))]
    assert decide(later, dt.date(2028, 5, 1)).ordinal == 2  # the new window began 01/02/2028


def test_withdrawn_notices_do_not_count() -> None:
    notices = [
        Notice(MUM, AMY, dt.date(2025, 1, 10), NoticeStatus.WITHDRAWN),
        Notice(MUM, AMY, dt.date(2025, 2, 10), NoticeStatus.PAID_21),
    ]
    second = decide(notices, dt.date(2025, 6, 1))
    assert second.ordinal == 2 and second.window_from == dt.date(2025, 2, 10)


def test_notices_before_the_framework_do_not_start_a_window() -> None:
    old = [Notice(MUM, AMY, dt.date(2024, 3, 1)), Notice(MUM, AMY, dt.date(2024, 6, 1))]
    assert decide(old, FRAMEWORK_START).ordinal == 1
    with pytest.raises(ValueError):
        decide([], dt.date(2024, 8, 18))


def test_each_parent_and_child_is_counted_apart() -> None:
    notices = [Notice(MUM, AMY, dt.date(2025, 1, 10)), Notice(MUM, AMY, dt.date(2025, 5, 10))]
    assert not decide(notices, dt.date(2025, 9, 1)).allowed
    assert decide(notices, dt.date(2025, 9, 1), parent=DAD).ordinal == 1
    assert decide(notices, dt.date(2025, 9, 1), child=BEN).ordinal == 1


def test_a_leap_day_window_ends_on_the_28th() -> None:
    assert years_after(dt.date(2028, 2, 29), 3) == dt.date(2031, 2, 28)


@given(
    st.lists(st.dates(min_value=dt.date(2024, 8, 19), max_value=dt.date(2032, 1, 1)), max_size=8),
    st.dates(min_value=dt.date(2024, 8, 19), max_value=dt.date(2032, 1, 1)),
)
def test_never_more_than_two_in_any_window(issued: list[dt.date], on: dt.date) -> None:
    notices = [Notice(MUM, AMY, day) for day in sorted(issued) if day <= on]
    decision = decide(notices, on)
    if decision.allowed and decision.window_from is not None:
        inside = [n for n in notices if decision.window_from <= n.issued_on <= on]
        assert len(inside) == decision.ordinal - 1


# --- the life of a notice -----------------------------------------------------------------
def test_a_posted_notice_is_received_on_the_second_working_day() -> None:
    assert presumed_receipt(dt.date(2026, 11, 27), "hand") == dt.date(2026, 11, 27)
    # posted on a Friday: Monday and Tuesday are the working days
    assert presumed_receipt(dt.date(2026, 11, 27), "post") == dt.date(2026, 12, 1)
    # posted on Christmas Eve 2026: Christmas, Boxing Day (Monday 28th substitute) skipped
    assert presumed_receipt(dt.date(2026, 12, 24), "post") == dt.date(2026, 12, 30)
    with pytest.raises(ValueError):
        presumed_receipt(dt.date(2026, 11, 27), "email")


def test_the_payment_periods_run_from_receipt() -> None:
    first = payment_dates(dt.date(2026, 12, 1), 80)
    assert (first.reduced_by, first.full_by) == (dt.date(2026, 12, 22), dt.date(2026, 12, 29))
    second = payment_dates(dt.date(2026, 12, 1), None)
    assert (second.reduced_by, second.full_by) == (None, dt.date(2026, 12, 29))


def pay(day: int, amount: int, amount_21: int | None = 80) -> NoticeStatus:
    return payment_status(
        received_on=dt.date(2026, 12, 1),
        amount_21=amount_21,
        amount_28=160,
        paid_on=dt.date(2026, 12, 1) + dt.timedelta(days=day),
        amount=amount,
    )


def test_a_first_notice_paid_at_the_reduced_rate_on_the_21st_day() -> None:
    assert pay(0, 80) is NoticeStatus.PAID_21
    assert pay(21, 80) is NoticeStatus.PAID_21
    assert pay(21, 160) is NoticeStatus.PAID_21  # overpaid early: still within 21 days


def test_after_21_days_the_full_amount_is_due() -> None:
    with pytest.raises(StepRefused, match="£160 is due"):
        pay(22, 80)
    assert pay(22, 160) is NoticeStatus.PAID_28
    assert pay(28, 160) is NoticeStatus.PAID_28


def test_after_28_days_a_payment_cannot_settle_the_notice() -> None:
    with pytest.raises(StepRefused, match="ended on 29/12/2026"):
        pay(29, 160)
    with pytest.raises(StepRefused, match="before the notice was received"):
        pay(-1, 80)


def test_a_second_notice_has_one_rate_only() -> None:
    with pytest.raises(StepRefused, match="£160 is due"):
        pay(3, 80, amount_21=None)
    assert pay(3, 160, amount_21=None) is NoticeStatus.PAID_28


def test_what_may_follow_what() -> None:
    check_step(NoticeStatus.CONSIDERED, NoticeStatus.NOTICE_TO_IMPROVE)
    check_step(NoticeStatus.NOTICE_TO_IMPROVE, NoticeStatus.ISSUED)
    check_step(NoticeStatus.ISSUED, NoticeStatus.WITHDRAWN)
    check_step(NoticeStatus.UNPAID, NoticeStatus.PROSECUTED)
    with pytest.raises(StepRefused, match="paid within 21 days cannot become withdrawn"):
        check_step(NoticeStatus.PAID_21, NoticeStatus.WITHDRAWN)
    with pytest.raises(StepRefused):
        check_step(NoticeStatus.CONSIDERED, NoticeStatus.PAID_21)  # never issued
    finished = set(NoticeStatus) - set(NEXT_STATUSES)
    assert finished == {
        NoticeStatus.NOT_ISSUED,
        NoticeStatus.PAID_21,
        NoticeStatus.PAID_28,
        NoticeStatus.WITHDRAWN,
        NoticeStatus.PROSECUTED,
    }
