"""The summary (attendance-register.md, "The summary"): counts, percentages, flags, window."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from officer_app.attendance.codes import shipped_codes
from officer_app.domain.attendance import Mark, Summary, percentage, summarise

UPN = "Q801200110001"
CODES = shipped_codes()
D = dt.date


def days(start: dt.date, count: int, *, weekdays_only: bool = True) -> list[dt.date]:
    out: list[dt.date] = []
    day = start
    while len(out) < count:
        if not weekdays_only or day.weekday() < 5:
            out.append(day)
        day += dt.timedelta(days=1)
    return out


def marks(codes_by_day: list[tuple[dt.date, str, str]]) -> list[Mark]:
    return [Mark(d, s, c) for d, s, c in codes_by_day]


FAR_PAST = D(2000, 1, 1)
FAR_FUTURE = D(2100, 1, 1)


def summary(ms: list[Mark], first: dt.date = FAR_PAST, last: dt.date = FAR_FUTURE) -> Summary:
    return summarise(ms, UPN, first, last, codes=CODES)


def test_example_register_json() -> None:
    ms = marks(
        [
            (D(2026, 9, 7), "AM", "/"),
            (D(2026, 9, 7), "PM", "\\"),
            (D(2026, 9, 8), "AM", "N"),
            (D(2026, 9, 8), "PM", "N"),
            (D(2026, 9, 9), "AM", "L"),
            (D(2026, 9, 9), "PM", "I"),
        ]
    )
    got = summarise(ms, UPN, D(2026, 9, 7), D(2026, 9, 9), codes=CODES).to_json()
    assert got == {
        "upn": UPN,
        "from": "2026-09-07",
        "to": "2026-09-09",
        "possible": 6,
        "present": 3,
        "approved_activity": 0,
        "authorised": 1,
        "unauthorised": 2,
        "not_counted": 0,
        "attendance_pct": 50.0,
        "absence_pct": 50.0,
        "persistent_absence": True,
        "severe_absence": True,
        "by_code": {"/": 1, "\\": 1, "N": 2, "L": 1, "I": 1},
        "penalty_notice_threshold": {
            "met": False,
            "max_unauthorised_in_window": 2,
            "unauthorised_in_window": 2,
            "window_from": "2026-09-07",
            "window_to": "2026-09-13",
        },
    }
    assert list(got) == [
        "upn", "from", "to", "possible", "present", "approved_activity", "authorised",
        "unauthorised", "not_counted", "attendance_pct", "absence_pct", "persistent_absence",
        "severe_absence", "by_code", "penalty_notice_threshold",
    ]  # fmt: skip


def test_range_is_inclusive_and_limits_everything() -> None:
    ms = marks([(D(2026, 9, 6), "AM", "N"), (D(2026, 9, 7), "AM", "N"), (D(2026, 9, 8), "AM", "I")])
    s = summary(ms, D(2026, 9, 7), D(2026, 9, 8))
    assert (s.possible, s.unauthorised, s.authorised) == (2, 1, 1)
    assert dict(s.by_code) == {"N": 1, "I": 1}


def test_halves_round_up() -> None:
    assert percentage(49, 400) == Decimal("12.3")  # 12.25
    assert percentage(1, 8) == Decimal("12.5")
    assert percentage(1, 3) == Decimal("33.3")
    assert percentage(2, 3) == Decimal("66.7")
    assert percentage(1, 16) == Decimal("6.3")  # 6.25
    assert percentage(0, 5) == Decimal("0.0")
    assert percentage(0, 0) is None
    # 49 absences in 400 sessions: the JSON shows 12.3 and 87.8 (87.75 up)
    ms = [
        Mark(
            D(2026, 1, 1) + dt.timedelta(days=i // 2),
            "AM" if i % 2 else "PM",
            "I" if i < 49 else "/",
        )
        for i in range(400)
    ]
    out = summary(ms).to_json()
    assert (out["absence_pct"], out["attendance_pct"]) == (12.3, 87.8)


def test_no_possible_sessions_gives_null_and_false() -> None:
    s = summary(marks([(D(2026, 8, 3), "AM", "#"), (D(2026, 8, 3), "PM", "-")]))
    out = s.to_json()
    assert out["possible"] == 0
    assert out["attendance_pct"] is None and out["absence_pct"] is None
    assert out["persistent_absence"] is False and out["severe_absence"] is False
    assert out["by_code"] == {"#": 1, "-": 1}


def test_no_mark_is_in_by_code_only() -> None:
    s = summary(marks([(D(2026, 9, 7), "AM", "/"), (D(2026, 9, 7), "PM", "-")]))
    assert (s.possible, s.present, s.not_counted) == (1, 1, 0)
    assert s.by_code["-"] == 1


def test_2006_codes_count_as_the_document_says() -> None:
    s = summary(
        marks(
            [
                (D(2012, 9, 3), "AM", "F"),
                (D(2012, 9, 3), "PM", "H"),
                (D(2012, 9, 4), "AM", "J"),
                (D(2012, 9, 4), "PM", "Y"),
            ]
        )
    )
    assert (s.authorised, s.approved_activity, s.not_counted, s.possible) == (2, 1, 1, 3)


def test_persistent_absence_uses_the_unrounded_ratio() -> None:
    # 99 absent of 1000: 9.9% -> not persistent; 9.96% would print as 10.0 but is not either
    def run(absent: int, total: int) -> Summary:
        ms = [
            Mark(
                D(2020, 1, 1) + dt.timedelta(days=i // 2),
                "AM" if i % 2 else "PM",
                "I" if i < absent else "/",
            )
            for i in range(total)
        ]
        return summary(ms)

    s = run(249, 2500)  # 9.96%
    assert s.absence_pct == Decimal("10.0")
    assert s.persistent_absence is False
    s = run(250, 2500)  # exactly 10%
    assert s.persistent_absence is True and s.severe_absence is False
    s = run(1249, 2500)  # 49.96% shows as 50.0
    assert s.absence_pct == Decimal("50.0")
    assert s.severe_absence is False
    assert run(1250, 2500).severe_absence is True


def _n_each_week(mondays: list[dt.date], per_week: list[int]) -> list[Mark]:
    out: list[Mark] = []
    for monday, n in zip(mondays, per_week, strict=True):
        for i in range(10):  # five days, two sessions
            day = monday + dt.timedelta(days=i // 2)
            out.append(Mark(day, "AM" if i % 2 == 0 else "PM", "N" if i < n else "/"))
    return out


def test_penalty_window_spans_a_holiday_week() -> None:
    mondays = [D(2026, 9, 7) + dt.timedelta(weeks=w) for w in range(11)]
    holiday = mondays[5]
    school = [m for m in mondays if m != holiday]
    ms = _n_each_week(school, [1] * 10)
    ms += [Mark(holiday + dt.timedelta(days=i), s, "#") for i in range(5) for s in ("AM", "PM")]
    t = summary(ms).penalty_notice_threshold
    assert t.met is True and t.max_unauthorised_in_window == 10
    assert (t.window_from, t.window_to) == (mondays[0], mondays[10] + dt.timedelta(days=6))


def test_penalty_window_spans_a_year_boundary() -> None:
    mondays = [D(2026, 11, 30) + dt.timedelta(weeks=w) for w in range(12)]
    ms = _n_each_week(mondays, [0, 0, 2, 2, 2, 0, 0, 2, 2, 0, 0, 0])
    t = summary(ms).penalty_notice_threshold
    assert t.met is True and t.max_unauthorised_in_window == 10
    assert t.window_from == mondays[0]  # earliest run that meets it: weeks 0-9
    assert t.window_to == D(2027, 2, 7)


def test_the_window_named_carries_its_own_count_not_the_largest() -> None:
    """Issue 9 point 2: the earliest run that meets the threshold holds 10, a later run 13;
    the dates named are the earliest run's, so the count stated with them is 10."""
    mondays = [D(2027, 1, 4) + dt.timedelta(weeks=w) for w in range(12)]
    ms = _n_each_week(mondays, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2])
    t = summary(ms).penalty_notice_threshold
    assert t.met is True and t.max_unauthorised_in_window == 12
    assert (t.window_from, t.window_to) == (D(2027, 1, 4), D(2027, 3, 14))
    assert t.unauthorised_in_window == 10
    exact = summarise(ms, "X", t.window_from, t.window_to, codes=CODES)
    assert exact.unauthorised == t.unauthorised_in_window  # the count of those dates
    named = summary(ms).to_json()["penalty_notice_threshold"]
    assert (named["max_unauthorised_in_window"], named["unauthorised_in_window"]) == (12, 10)


def test_unmet_window_count_is_its_own_largest_count() -> None:
    mondays = [D(2026, 9, 7) + dt.timedelta(weeks=w) for w in range(12)]
    ms = _n_each_week(mondays, [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5])
    t = summary(ms).penalty_notice_threshold
    assert (t.unauthorised_in_window, t.max_unauthorised_in_window) == (6, 6)
    empty = summary(marks([(D(2026, 8, 3), "AM", "#")])).penalty_notice_threshold
    assert empty.unauthorised_in_window == 0


def test_penalty_window_with_fewer_than_ten_school_weeks() -> None:
    mondays = [D(2026, 9, 7) + dt.timedelta(weeks=w) for w in range(3)]
    t = summary(_n_each_week(mondays, [3, 0, 4])).penalty_notice_threshold
    assert t.met is False and t.max_unauthorised_in_window == 7
    assert (t.window_from, t.window_to) == (D(2026, 9, 7), D(2026, 9, 27))


def test_penalty_window_not_met_picks_the_largest_earliest_run() -> None:
    mondays = [D(2026, 9, 7) + dt.timedelta(weeks=w) for w in range(12)]
    ms = _n_each_week(mondays, [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5])
    t = summary(ms).penalty_notice_threshold
    assert t.met is False and t.max_unauthorised_in_window == 6
    # run 0 = weeks 0-9 (1), run 1 = weeks 1-10 (2), run 2 = weeks 2-11 (6)
    assert t.window_from == mondays[2] and t.window_to == mondays[11] + dt.timedelta(days=6)


def test_penalty_window_null_without_school_weeks() -> None:
    t = summary(marks([(D(2026, 8, 3), "AM", "#")])).penalty_notice_threshold
    assert (t.met, t.max_unauthorised_in_window, t.window_from, t.window_to) == (
        False,
        0,
        None,
        None,
    )


def test_penalty_window_tie_takes_the_earliest() -> None:
    mondays = [D(2026, 9, 7) + dt.timedelta(weeks=w) for w in range(11)]
    ms = _n_each_week(mondays, [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2])
    t = summary(ms).penalty_notice_threshold
    assert t.max_unauthorised_in_window == 2 and t.window_from == mondays[0]


# --- properties ------------------------------------------------------------------------------
ALL_CODES = sorted(CODES.codes())
NOT_COUNTED = sorted(
    c for c in ALL_CODES if (i := CODES.lookup(c)) and i.category in {"not_counted", "no_mark"}
)

session_slots = st.lists(
    st.tuples(st.integers(0, 400), st.sampled_from(["AM", "PM"])), unique=True, max_size=120
)


def _build(slots: list[tuple[int, str]], codes: list[str]) -> list[Mark]:
    base = D(2025, 9, 1)
    return [
        Mark(base + dt.timedelta(days=d), s, c) for (d, s), c in zip(slots, codes, strict=False)
    ]


@given(session_slots, st.data())
def test_possible_is_the_sum_of_its_parts(
    slots: list[tuple[int, str]], data: st.DataObject
) -> None:
    codes = data.draw(
        st.lists(st.sampled_from(ALL_CODES), min_size=len(slots), max_size=len(slots))
    )
    s = summary(_build(slots, codes))
    assert s.possible == s.present + s.approved_activity + s.authorised + s.unauthorised
    assert sum(s.by_code.values()) == len(slots)


def _school_weeks(ms: list[Mark]) -> set[dt.date]:
    return {m.date - dt.timedelta(days=m.date.weekday()) for m in ms if m.code != "#"}


@given(
    session_slots,
    st.lists(st.tuples(st.integers(0, 400), st.sampled_from(["AM", "PM"])), max_size=60),
    st.data(),
)
def test_not_counted_marks_change_nothing_but_by_code(
    slots: list[tuple[int, str]], added: list[tuple[int, str]], data: st.DataObject
) -> None:
    codes = data.draw(
        st.lists(st.sampled_from(ALL_CODES), min_size=len(slots), max_size=len(slots))
    )
    base = _build(slots, codes)
    weeks = _school_weeks(base)
    taken = set(slots)
    extra: list[Mark] = []
    for slot in dict.fromkeys(added):
        if slot in taken:
            continue
        (mark,) = _build([slot], ["#"])
        if mark.date - dt.timedelta(days=mark.date.weekday()) in weeks:
            # in a week that is already a school week, any not-counted code (or a gap)
            mark = Mark(mark.date, mark.session, data.draw(st.sampled_from(NOT_COUNTED)))
        extra.append(mark)  # elsewhere '#', which never makes a school week
    a, b = summary(base).to_json(), summary(base + extra).to_json()
    for key in a:
        if key not in {"by_code", "not_counted"}:
            assert a[key] == b[key], key
    assert sum(b["by_code"].values()) == sum(a["by_code"].values()) + len(extra)


def test_a_week_of_only_not_counted_marks_other_than_closure_is_a_school_week() -> None:
    # The document's rule, read literally: "at least one mark other than #". A week of D (dual
    # registration) marks therefore moves the 10-week window.
    mondays = [D(2026, 9, 7) + dt.timedelta(weeks=w) for w in range(10)]
    ms = _n_each_week(mondays, [5, 0, 0, 0, 0, 0, 0, 0, 0, 5])
    assert summary(ms).penalty_notice_threshold.met is True
    dual_week = D(2026, 9, 21) + dt.timedelta(days=1)  # inside the run, already a school week
    same = [*ms, Mark(dual_week, "AM", "X")]
    assert summary(same).penalty_notice_threshold.met is True
    before_first = [Mark(D(2026, 8, 31), "AM", "D")]  # a new school week before week 0
    moved = summary(ms + before_first).penalty_notice_threshold
    assert moved.met is True and moved.window_from == D(2026, 9, 7)


@given(
    session_slots,
    st.lists(st.tuples(st.integers(0, 400), st.sampled_from(["AM", "PM"])), max_size=30),
    st.sampled_from(["G", "N", "O", "U"]),
    st.data(),
)
def test_threshold_count_is_monotonic_in_unauthorised_sessions(
    slots: list[tuple[int, str]],
    added: list[tuple[int, str]],
    code: str,
    data: st.DataObject,
) -> None:
    """Adding unauthorised sessions within school weeks never lowers the count.

    (Adding one in a week that was not a school week can: the new week may push a week out of
    a run of 10, as the format's rule says. See the test below.)
    """
    codes = data.draw(
        st.lists(st.sampled_from(ALL_CODES), min_size=len(slots), max_size=len(slots))
    )
    base = _build(slots, codes)
    weeks = _school_weeks(base)
    taken = set(slots)
    new = [
        m
        for m in _build([s for s in dict.fromkeys(added) if s not in taken], [code] * len(added))
        if m.date - dt.timedelta(days=m.date.weekday()) in weeks
    ]
    before = summary(base).penalty_notice_threshold
    after = summary(base + new).penalty_notice_threshold
    assert after.max_unauthorised_in_window >= before.max_unauthorised_in_window
    assert after.met or not before.met


def test_an_unauthorised_session_in_a_new_school_week_can_lower_the_count() -> None:
    # 10 school weeks around an unmarked week 5: weeks 0 and 10 hold 5 each, one run of 10
    mondays = [D(2026, 9, 7) + dt.timedelta(weeks=w) for w in range(11) if w != 5]
    ms = _n_each_week(mondays, [5, 0, 0, 0, 0, 0, 0, 0, 0, 5])
    before = summary(ms).penalty_notice_threshold
    assert before.met is True and before.max_unauthorised_in_window == 10
    # one N in week 5 makes it a school week: 11 weeks, two runs of 10, each with 6
    after = summary([*ms, Mark(D(2026, 10, 12), "AM", "N")]).penalty_notice_threshold
    assert after.met is False and after.max_unauthorised_in_window == 6


@given(session_slots, st.data())
def test_the_count_stated_is_the_count_of_the_dates_named(
    slots: list[tuple[int, str]], data: st.DataObject
) -> None:
    """Issue 9 point 2, for any register: the summary of exactly window_from..window_to holds
    ``unauthorised_in_window`` unauthorised sessions, never more than the largest count, and
    the threshold is met exactly when the named run holds 10 or more."""
    codes = data.draw(
        st.lists(
            st.sampled_from([*ALL_CODES, "N", "N", "O", "G"]),
            min_size=len(slots),
            max_size=len(slots),
        )
    )
    ms = _build(slots, codes)
    t = summary(ms).penalty_notice_threshold
    if t.window_from is None or t.window_to is None:
        assert t.unauthorised_in_window == t.max_unauthorised_in_window == 0
        return
    own = summarise(ms, "X", t.window_from, t.window_to, codes=CODES)
    assert own.unauthorised == t.unauthorised_in_window <= t.max_unauthorised_in_window
    assert t.met == (t.unauthorised_in_window >= 10)
    if not t.met:
        assert t.unauthorised_in_window == t.max_unauthorised_in_window
