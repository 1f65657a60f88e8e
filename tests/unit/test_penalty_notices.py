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
    prosecution_from,
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
    third = decide(notices, dt.date(2028, 1, 9))  # the last day 10/01/2025 counts
    assert not third.allowed and third.ordinal == 3
    assert "10/01/2025" in third.reason and "09/01/2028" in third.reason
    assert (third.window_from, third.window_to) == (dt.date(2025, 1, 10), dt.date(2028, 1, 9))
    assert any("Education Supervision Order" in a for a in third.alternatives)
    assert any("s444" in a for a in third.alternatives)


def test_a_notice_counts_for_the_three_years_beginning_with_its_date() -> None:
    """domain.md: a notice of 2 September 2024 counts up to 1 September 2027, not from 2
    September 2027 (the day before, of and after the boundary)."""
    notices = [Notice(MUM, AMY, dt.date(2024, 9, 2))]
    assert decide(notices, dt.date(2027, 8, 31)).ordinal == 2
    assert decide(notices, dt.date(2027, 9, 1)).ordinal == 2
    assert decide(notices, dt.date(2027, 9, 2)).ordinal == 1
    two = [*notices, Notice(MUM, AMY, dt.date(2024, 10, 1))]
    assert not decide(two, dt.date(2027, 9, 1)).allowed
    assert decide(two, dt.date(2027, 9, 2)).ordinal == 2  # only 01/10/2024 counts now


def test_the_limit_is_rolling_not_windows_that_start_afresh() -> None:
    """Issue 9 point 3: 2/9/2024, 2/3/2026, then 2/9/2027 is a second notice at £160 flat
    (the old reading made it a first at £80, a new window having begun)."""
    notices = [Notice(MUM, AMY, dt.date(2024, 9, 2)), Notice(MUM, AMY, dt.date(2026, 3, 2))]
    second = decide(notices, dt.date(2027, 9, 2))
    assert (second.allowed, second.ordinal) == (True, 2)
    assert (second.amount_within_21_days, second.amount_within_28_days) == (None, 160)
    assert (second.window_from, second.window_to) == (dt.date(2026, 3, 2), dt.date(2029, 3, 1))


def test_no_third_notice_within_three_years_across_an_old_window() -> None:
    """Issue 9 point 3: with 2/9/2024 and 6/1/2025 behind them, notices of 2/9/2027 and
    4/10/2027 were a new window's first and second; on the rolling period 6/1/2025 still
    counts on both days, so 2/9/2027 is a second and 4/10/2027 a third, refused."""
    notices = [Notice(MUM, AMY, dt.date(2024, 9, 2)), Notice(MUM, AMY, dt.date(2025, 1, 6))]
    assert decide(notices, dt.date(2027, 9, 2)).ordinal == 2
    notices.append(Notice(MUM, AMY, dt.date(2027, 9, 2)))
    third = decide(notices, dt.date(2027, 10, 4))
    assert not third.allowed
    assert "06/01/2025" in third.reason and "05/01/2028" in third.reason
    assert decide(notices, dt.date(2028, 1, 5)).ordinal == 3
    assert decide(notices, dt.date(2028, 1, 6)).ordinal == 2  # 06/01/2025 has lapsed


def test_a_lapsed_notice_no_longer_counts_but_a_later_one_does() -> None:
    notices = [Notice(MUM, AMY, dt.date(2025, 1, 10)), Notice(MUM, AMY, dt.date(2026, 3, 2))]
    assert decide(notices, dt.date(2028, 1, 10)).ordinal == 2  # 02/03/2026 still counts
    later = [*notices, Notice(MUM, AMY, dt.date(2028, 2, 1))]
    assert not decide(later, dt.date(2028, 5, 1)).allowed  # 02/03/2026 and 01/02/2028
    assert decide(later, dt.date(2029, 3, 2)).ordinal == 2  # 02/03/2026 has lapsed


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
def test_the_decision_follows_the_notices_of_the_last_three_years(
    issued: list[dt.date], on: dt.date
) -> None:
    """Against an independent reading of domain.md: count the notices whose 3 years,
    beginning with their date, include ``on``."""
    notices = [Notice(MUM, AMY, day) for day in sorted(issued) if day <= on]
    counting = [n for n in notices if on < years_after(n.issued_on, 3)]
    decision = decide(notices, on)
    assert decision.ordinal == min(len(counting), 2) + 1
    assert decision.allowed == (len(counting) < 2)


# --- the life of a notice -----------------------------------------------------------------
def test_a_posted_notice_is_received_on_the_second_working_day() -> None:
    assert presumed_receipt(dt.date(2026, 11, 27), "hand") == dt.date(2026, 11, 27)
    # posted on a Friday: Monday and Tuesday are the working days
    assert presumed_receipt(dt.date(2026, 11, 27), "post") == dt.date(2026, 12, 1)
    # posted on Christmas Eve 2026: Christmas, Boxing Day (Monday 28th substitute) skipped
    assert presumed_receipt(dt.date(2026, 12, 24), "post") == dt.date(2026, 12, 30)
    with pytest.raises(ValueError):
        presumed_receipt(dt.date(2026, 11, 27), "email")


def test_the_payment_periods_begin_with_the_day_of_receipt() -> None:
    """SI 2024/210 reg 4: "the period of 21 days beginning with the date on which the notice
    is received": received 1 December, the 21st day is 21 December, the 28th 28 December."""
    first = payment_dates(dt.date(2026, 12, 1), 80)
    assert (first.reduced_by, first.full_by) == (dt.date(2026, 12, 21), dt.date(2026, 12, 28))
    second = payment_dates(dt.date(2026, 12, 1), None)
    assert (second.reduced_by, second.full_by) == (None, dt.date(2026, 12, 28))


def test_proceedings_may_be_laid_the_day_after_the_period_for_paying() -> None:
    assert prosecution_from(dt.date(2026, 12, 1), 80) == dt.date(2026, 12, 29)
    assert prosecution_from(dt.date(2026, 12, 1), None) == dt.date(2026, 12, 29)


def pay(day: int, amount: int, amount_21: int | None = 80) -> NoticeStatus:
    return payment_status(
        received_on=dt.date(2026, 12, 1),
        amount_21=amount_21,
        amount_28=160,
        paid_on=dt.date(2026, 12, 1) + dt.timedelta(days=day),
        amount=amount,
    )


def test_a_first_notice_paid_at_the_reduced_rate_on_the_21st_day() -> None:
    # pay(n): n days after the day of receipt, which is day 1; pay(20) is the 21st day
    assert pay(0, 80) is NoticeStatus.PAID_21
    assert pay(19, 80) is NoticeStatus.PAID_21
    assert pay(20, 80) is NoticeStatus.PAID_21
    assert pay(20, 160) is NoticeStatus.PAID_21  # overpaid early: still within 21 days


def test_after_21_days_the_full_amount_is_due() -> None:
    with pytest.raises(StepRefused, match="£160 is due"):
        pay(21, 80)  # the 22nd day
    assert pay(21, 160) is NoticeStatus.PAID_28
    assert pay(26, 160) is NoticeStatus.PAID_28
    assert pay(27, 160) is NoticeStatus.PAID_28  # the 28th day


def test_after_28_days_a_payment_cannot_settle_the_notice() -> None:
    with pytest.raises(StepRefused, match="ended on 28/12/2026"):
        pay(28, 160)  # the 29th day
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
