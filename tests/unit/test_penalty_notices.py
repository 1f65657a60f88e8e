"""Penalty notices: first, second, no third within three years; withdrawn ones do not count."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from officer_app.domain.penalty_notices import (
    FRAMEWORK_START,
    Notice,
    NoticeStatus,
    next_notice,
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
