"""A register that is hostile or absurd gives errors with their lines, never a crash (issue 8).

Points 8 (fields over the csv module's limit, impossible dates), 10 (marks in the future,
before the pupil's fourth birthday, before the 2006 code set, at weekends) and 11 (control
characters shown escaped).
"""

from __future__ import annotations

import datetime as dt
import time
import tracemalloc
from pathlib import Path

import pytest

from officer_app.attendance.register import (
    FIRST_REGISTER_DAY,
    MAX_LINE,
    WEEKEND_WARNING,
    Issue,
    RegisterRead,
    fourth_birthday,
    load_register,
)

UPN = "Q801200110001"
TODAY = dt.date(2026, 11, 20)  # a Friday
HEADER = "upn,date,session,code\n"


def read(tmp_path: Path, body: str, *, header: str = HEADER) -> RegisterRead:
    path = tmp_path / "r.csv"
    path.write_text(header + body, "utf-8", newline="")
    return load_register(path, name="r.csv", today=TODAY)


def where(issues: list[Issue]) -> list[tuple[int, str]]:
    return [(i.line, i.column) for i in issues]


# --- fields and lines over any sensible size -------------------------------------------------
def test_a_200_kb_field_is_an_error_with_its_line(tmp_path: Path) -> None:
    good = f"{UPN},2026-09-07,AM,/\n"
    r = read(tmp_path, good + f"{UPN},2026-09-07,PM,{'N' * 200_000}\n" + good)
    assert not r.ok and r.marks == []
    assert where(r.errors) == [(3, "(file)")]
    assert "longer than" in r.errors[0].message
    assert len(str(r.errors[0])) < 300  # the value is cut short in the message


def test_a_quoted_field_spanning_lines_past_the_csv_limit_is_an_error(tmp_path: Path) -> None:
    chunk = "x" * 60_000 + "\n"
    r = read(tmp_path, f'{UPN},2026-09-07,AM,"{chunk * 4}"\n')
    assert not r.ok
    assert len(r.errors) == 1 and r.errors[0].column == "(file)"
    assert r.errors[0].message.startswith("not CSV: field larger than field limit")
    assert 2 <= r.errors[0].line <= 6


def test_a_50_mb_line_is_refused_quickly_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER + f"{UPN},2026-09-07,AM,/\n")
        for _ in range(50):
            out.write("A" * 1_000_000)
        out.write("\n")
    tracemalloc.start()
    started = time.perf_counter()
    try:
        r = load_register(path, name="huge.csv", today=TODAY)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 2
    assert where(r.errors) == [(3, "(file)")]
    assert peak < 2 * MAX_LINE * 4 + 1_000_000  # a line's worth, never the file


def test_nul_and_random_bytes_are_errors_not_crashes(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(HEADER.encode() + f"{UPN},2026-09-07\x00,AM,/\n".encode() + b"\xff\xfe\n")
    r = load_register(path, today=TODAY)
    assert where(r.errors) == [(2, "date"), (3, "(file)")]


def test_a_folder_is_an_error_not_a_crash(tmp_path: Path) -> None:
    r = load_register(tmp_path, today=TODAY)
    assert not r.ok and r.errors[0].message.startswith("cannot be read")


# --- dates no register can hold ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("day", "why"),
    [
        ("0001-01-01", "before 1 September 2006"),
        ("1900-01-01", "before 1 September 2006"),
        ("2006-08-31", "before 1 September 2006"),
        ("31/08/2006", "before 1 September 2006"),
        ("2026-11-21", "after today (20/11/2026)"),
        ("2099-09-07", "after today"),
        ("9999-12-31", "after today"),
    ],
)
def test_impossible_dates_are_errors_with_their_line(tmp_path: Path, day: str, why: str) -> None:
    r = read(tmp_path, f"{UPN},2026-11-19,AM,/\n{UPN},{day},AM,N\n")
    assert where(r.errors) == [(3, "date")]
    assert r.errors[0].message.startswith(why)
    assert r.marks == []


def test_the_first_register_day_and_today_are_accepted(tmp_path: Path) -> None:
    assert dt.date(2006, 9, 1) == FIRST_REGISTER_DAY
    r = read(tmp_path, f"{UPN},2006-09-01,AM,/\n{UPN},2026-11-20,PM,N\n")
    assert r.ok, r.errors
    assert [m.date for m in r.marks] == [dt.date(2006, 9, 1), TODAY]


def test_a_planned_closure_may_be_ahead_but_not_years_ahead(tmp_path: Path) -> None:
    r = read(tmp_path, f"{UPN},2026-11-23,AM,#\n{UPN},2027-11-21,AM,#\n{UPN},2027-11-22,AM,#\n")
    assert where(r.errors) == [(4, "date")]
    assert "planned closure" in r.errors[0].message
    r = read(tmp_path, f"{UPN},9999-12-31,AM,#\n")
    assert where(r.errors) == [(2, "date")]


@pytest.mark.parametrize(
    ("day", "ok"), [("2026-09-06", False), ("2026-09-07", True), ("2026-09-08", True)]
)
def test_a_mark_before_the_fourth_birthday_in_the_file_is_an_error(
    tmp_path: Path, day: str, ok: bool
) -> None:
    r = read(
        tmp_path,
        f"{UPN},{day},AM,/,2022-09-07\n",
        header="upn,date,session,code,date_of_birth\n",
    )
    assert r.ok is ok
    if not ok:
        assert where(r.errors) == [(2, "date")]
        assert r.errors[0].message.startswith("before the pupil's fourth birthday")
        assert "2022" not in r.errors[0].message  # no case data in a message


def test_the_fourth_birthday_of_a_leap_day_child() -> None:
    assert fourth_birthday(dt.date(2020, 2, 29)) == dt.date(2024, 2, 29)
    assert fourth_birthday(dt.date(2096, 2, 29)) == dt.date(2100, 3, 1)  # 2100 is no leap year


def test_weekend_marks_are_warnings_with_their_line(tmp_path: Path) -> None:
    days = ("2026-11-13", "2026-11-14", "2026-11-15", "2026-11-16")  # Fri, Sat, Sun, Mon
    r = read(tmp_path, "".join(f"{UPN},{d},AM,/\n" for d in days))
    assert r.ok and len(r.marks) == 4
    assert where(r.warnings) == [(3, "date"), (4, "date")]
    assert {w.message for w in r.warnings} == {WEEKEND_WARNING}


# --- control characters ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("\x1b[2J\x1b[31mN", "\\x1b[2J\\x1b[31mN"),
        ("N\x00", "N\\x00"),
        ("ok\rN", "ok\\rN"),
        ("\u202eN/", "\\u202eN/"),
        ("\u2066x", "\\u2066x"),
    ],
)
def test_control_characters_in_a_value_are_shown_escaped(
    tmp_path: Path, raw: str, escaped: str
) -> None:
    r = read(tmp_path, f'{UPN},2026-09-07,AM,"{raw}"\n')
    assert len(r.errors) == 1
    message = str(r.errors[0])
    assert f'"{escaped}"' in message
    assert message.isprintable()


def test_control_characters_in_the_file_name_are_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(HEADER + f"{UPN},2026-09-07,AM,ZZ\n", "utf-8")
    r = load_register(path, name="evil\x1b]0;title\x07.csv", today=TODAY)
    assert str(r.errors[0]).startswith("evil\\x1b]0;title\\x07.csv:2: code:")
