"""Week by week, by weekday, session by session: the figures add up to the summary's."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officer_app.attendance.codes import shipped_codes
from officer_app.domain.attendance import Mark, summarise
from officer_app.domain.attendance_patterns import (
    HeldMark,
    register_grid,
    stands_out,
    weekday_pattern,
    weekly,
)

CODES = shipped_codes()
D = dt.date
MON = D(2026, 9, 7)  # a Monday


def day(week: int, weekday: int) -> dt.date:
    return MON + dt.timedelta(weeks=week, days=weekday)


def both(when: dt.date, code: str, pm: str | None = None) -> list[Mark]:
    return [Mark(when, "AM", code), Mark(when, "PM", pm if pm is not None else code)]


def register(weeks: int, absent: dict[int, str], *, per_day: int = 1) -> list[Mark]:
    """``weeks`` school weeks, present except on the weekdays in ``absent`` (code for the day)
    in the first ``per_day`` weeks."""
    marks: list[Mark] = []
    for w in range(weeks):
        for wd in range(5):
            code = absent.get(wd) if w < per_day else None
            marks += both(day(w, wd), code) if code else both(day(w, wd), "/", "\\")
    return marks


# --- week by week ---------------------------------------------------------------------------
def test_each_week_stacks_attending_authorised_unauthorised_and_not_counted() -> None:
    marks = (
        both(day(0, 0), "/", "\\")
        + both(day(0, 1), "L", "K")  # late is present; K is an approved activity
        + both(day(0, 2), "I")
        + both(day(0, 3), "N", "U")
        + both(day(0, 4), "#")
        + both(day(1, 0), "-")  # a gap: in no count, but in the week's sessions
        + both(day(1, 1), "D", "Y3")
    )
    first, second = weekly(marks, day(0, 0), day(1, 6), codes=CODES)
    assert (first.monday, first.attending, first.approved_activity) == (MON, 4, 1)
    assert (first.authorised, first.unauthorised, first.not_counted, first.no_mark) == (2, 2, 2, 0)
    assert first.possible == 8 and first.sessions == 10 and str(first.attendance_pct) == "50.0"
    assert (second.monday, second.not_counted, second.no_mark, second.possible) == (
        day(1, 0),
        2,
        2,
        0,
    )
    assert second.attendance_pct is None


def test_a_week_cut_by_the_range_keeps_its_monday_and_states_its_own_dates() -> None:
    marks = register(2, {})
    weeks = weekly(marks, day(0, 2), day(1, 1), codes=CODES)
    assert [(w.monday, w.first, w.last, w.possible) for w in weeks] == [
        (day(0, 0), day(0, 2), day(0, 6), 6),
        (day(1, 0), day(1, 0), day(1, 1), 4),
    ]


def test_weeks_without_a_mark_have_no_bar() -> None:
    marks = both(day(0, 0), "/", "\\") + both(day(3, 0), "/", "\\")
    assert [w.monday for w in weekly(marks, day(0, 0), day(4, 0), codes=CODES)] == [
        day(0, 0),
        day(3, 0),
    ]


def test_2006_codes_count_as_the_summary_counts_them() -> None:
    marks = both(D(2012, 3, 5), "F", "H") + both(D(2012, 3, 6), "J", "Y")
    (week,) = weekly(marks, D(2012, 3, 1), D(2012, 3, 31), codes=CODES)
    assert (week.authorised, week.attending, week.approved_activity, week.not_counted) == (
        2,
        1,
        1,
        1,
    )


def test_a_reversed_range_is_refused() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        weekly([], day(1, 0), day(0, 0), codes=CODES)
    with pytest.raises(ValueError, match="before it starts"):
        weekday_pattern([], day(1, 0), day(0, 0), codes=CODES)
    with pytest.raises(ValueError, match="before it starts"):
        register_grid([], day(1, 0), day(0, 0), codes=CODES)


def test_an_unknown_code_is_an_error_not_a_silent_zero() -> None:
    with pytest.raises(ValueError, match="unknown attendance code 'QQ'"):
        weekly([Mark(day(0, 0), "AM", "QQ")], day(0, 0), day(0, 4), codes=CODES)


# --- by weekday -----------------------------------------------------------------------------
def test_monday_and_friday_absence_stands_out_and_is_said_in_words() -> None:
    marks = register(10, {0: "N", 4: "I"}, per_day=3)  # 3 Mondays unauthorised, 3 Fridays ill
    marks[2:4] = both(day(0, 1), "O")  # one Tuesday too: not a pattern
    pattern = weekday_pattern(marks, day(0, 0), day(9, 4), codes=CODES)
    by_name = {d.name: d for d in pattern.days}
    monday, friday, tuesday = by_name["Monday"], by_name["Friday"], by_name["Tuesday"]
    assert (monday.possible, monday.unauthorised, monday.authorised) == (20, 6, 0)
    assert (friday.possible, friday.authorised, str(friday.absence_pct)) == (20, 6, "30.0")
    assert monday.stands_out and friday.stands_out and not tuesday.stands_out
    assert [d.name for d in pattern.standing_out] == ["Monday", "Friday"]
    assert str(pattern.others_pct) == "3.3"  # 2 of 60 on Tuesday to Thursday
    assert pattern.sentence() == (
        "Mondays and Fridays stand out: 30.0% and 30.0% absence against 3.3% on other days, "
        "07/09/2026–13/11/2026."
    )


def test_one_weekday_standing_out_is_named_alone() -> None:
    pattern = weekday_pattern(register(4, {2: "G"}, per_day=2), day(0, 0), day(3, 4), codes=CODES)
    assert pattern.sentence().startswith("Wednesdays stand out: 50.0% absence against 0.0%")


def test_with_nothing_standing_out_the_sentence_says_so() -> None:
    marks = register(4, {0: "I", 2: "I", 4: "I"})
    pattern = weekday_pattern(marks, day(0, 0), day(3, 4), codes=CODES)
    assert not pattern.standing_out
    assert pattern.sentence() == (
        "No weekday stands out: 15.0% absence across Monday to Friday, 07/09/2026–02/10/2026."
    )
    empty = weekday_pattern(both(day(0, 0), "#"), day(0, 0), day(0, 4), codes=CODES)
    assert empty.sentence() == (
        "No possible sessions on a weekday, 07/09/2026–11/09/2026: no pattern to show."
    )


def test_the_rule_is_1_5_times_the_other_weekdays_and_4_absent_sessions() -> None:
    # 4 of 20 (20%) against 10 of 80 (12.5%): 1.6 times
    assert stands_out(4, 20, 10, 80)
    # 6 of 20 (30%) against 16 of 80 (20%): exactly 1.5 times
    assert stands_out(6, 20, 16, 80)
    # 6 of 20 against 17 of 80 (21.25%): 1.41 times
    assert not stands_out(6, 20, 17, 80)
    # 3 absent sessions are not a pattern, whatever the rate
    assert not stands_out(3, 6, 0, 80)
    # nothing to compare with
    assert not stands_out(8, 20, 0, 0)


def test_weekend_and_uncounted_marks_are_not_in_the_weekday_pattern() -> None:
    marks = both(day(0, 5), "N") + both(day(0, 0), "#") + both(day(0, 1), "-")
    pattern = weekday_pattern(marks, day(0, 0), day(0, 6), codes=CODES)
    assert all(d.possible == 0 for d in pattern.days)


# --- session by session ---------------------------------------------------------------------
def test_each_mark_is_in_its_week_and_session_with_its_meaning_and_code_set() -> None:
    marks = [
        HeldMark(day(0, 0), "AM", "/", "2024"),
        HeldMark(day(0, 2), "PM", "C", "2006"),
        HeldMark(day(0, 2), "AM", "C", "2024"),
        Mark(day(1, 4), "PM", "-"),
        Mark(day(1, 3), "AM", "J"),
    ]
    grid = register_grid(marks, day(0, 0), day(1, 6), codes=CODES)
    assert len(grid.columns) == 10 and grid.columns[5] == (2, "PM")
    first, second = grid.weeks
    assert first.monday == day(0, 0) and second.monday == day(1, 0)
    present = first.cells[0]
    assert present is not None and (present.code, present.category) == ("/", "present")
    old = first.cells[5]  # C of the 2006 set means what it meant then
    assert old is not None and old.code_set == "2006"
    assert old.meaning == "Other authorised circumstances"
    new = first.cells[4]
    assert new is not None and new.meaning == "Leave of absence for exceptional circumstances"
    assert first.cells[1] is None  # no mark held
    gap = second.cells[9]
    assert gap is not None and gap.is_gap and gap.meaning == "No mark entered"
    interview = second.cells[6]
    assert interview is not None and (interview.code_set, interview.category) == (
        "2006",
        "approved_activity",
    )
    assert grid.day_of(1, 9) == day(1, 4)


def test_saturday_and_sunday_columns_only_when_the_range_holds_marks_on_them() -> None:
    marks = [*both(day(0, 0), "/", "\\"), Mark(day(0, 6), "AM", "V")]
    grid = register_grid(marks, day(0, 0), day(0, 6), codes=CODES)
    assert grid.columns[-2:] == ((6, "AM"), (6, "PM")) and len(grid.columns) == 12
    assert grid.weeks[0].cells[10] is not None and grid.weeks[0].cells[10].code == "V"
    weekdays_only = register_grid(marks, day(0, 0), day(0, 4), codes=CODES)
    assert len(weekdays_only.columns) == 10


def test_two_marks_for_one_session_are_refused_rather_than_one_dropped() -> None:
    marks = [Mark(day(0, 0), "AM", "/"), Mark(day(0, 0), "AM", "N")]
    with pytest.raises(ValueError, match="two marks for 2026-09-07 AM"):
        register_grid(marks, day(0, 0), day(0, 4), codes=CODES)


# --- properties -----------------------------------------------------------------------------
ALL_CODES = sorted(CODES.codes())
START = D(2025, 12, 1)
dates = st.integers(0, 120).map(lambda n: START + dt.timedelta(days=n))
registers = st.dictionaries(
    st.tuples(dates, st.sampled_from(("AM", "PM"))), st.sampled_from(ALL_CODES), max_size=120
).map(lambda held: [Mark(d, s, c) for (d, s), c in sorted(held.items())])
ranges = st.tuples(dates, dates).map(lambda pair: (min(pair), max(pair)))


@settings(max_examples=150, deadline=None)
@given(registers, ranges)
def test_weekly_totals_equal_the_summary(marks: list[Mark], span: tuple[dt.date, dt.date]) -> None:
    first, last = span
    weeks = weekly(marks, first, last, codes=CODES)
    s = summarise(marks, "", first, last, codes=CODES)
    assert sum(w.attending for w in weeks) == s.present + s.approved_activity
    assert sum(w.approved_activity for w in weeks) == s.approved_activity
    assert sum(w.authorised for w in weeks) == s.authorised
    assert sum(w.unauthorised for w in weeks) == s.unauthorised
    assert sum(w.not_counted for w in weeks) == s.not_counted
    assert sum(w.no_mark for w in weeks) == s.no_mark
    assert all(first <= w.first <= w.last <= last and w.sessions > 0 for w in weeks)


@settings(max_examples=150, deadline=None)
@given(registers, registers, st.integers(0, 4))
def test_adding_marks_on_a_weekday_never_lowers_its_absence(
    marks: list[Mark], extra: list[Mark], weekday: int
) -> None:
    first, last = START, START + dt.timedelta(days=130)
    held = {(m.date, m.session) for m in marks}
    added = [
        Mark(m.date + dt.timedelta(days=(weekday - m.date.weekday()) % 7), m.session, m.code)
        for m in extra
    ]
    added = [m for m in added if (m.date, m.session) not in held]
    added = list({(m.date, m.session): m for m in added}.values())
    before = weekday_pattern(marks, first, last, codes=CODES).days[weekday]
    after = weekday_pattern(marks + added, first, last, codes=CODES).days[weekday]
    assert after.absent >= before.absent
    assert after.possible >= before.possible


@settings(max_examples=150, deadline=None)
@given(registers, ranges)
def test_the_grid_holds_every_mark_in_the_range_exactly_once(
    marks: list[Mark], span: tuple[dt.date, dt.date]
) -> None:
    first, last = span
    grid = register_grid(marks, first, last, codes=CODES)
    shown = [(c.date, c.session, c.code) for c in grid.cells()]
    wanted = [(m.date, m.session, m.code) for m in marks if first <= m.date <= last]
    assert sorted(shown) == sorted(wanted)
    for row, week in enumerate(grid.weeks):
        for column, cell in enumerate(week.cells):
            if cell is not None:
                assert grid.day_of(row, column) == cell.date
                assert grid.columns[column][1] == cell.session
