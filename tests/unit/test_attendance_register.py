"""Reading a register extract: every rule of attendance-register.md, "Layout" and "Rules"."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from officer_app.attendance.register import Issue, RegisterRead, load_register, read_register
from officer_app.progress import Progress

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "registers"
UPN = "Q801200110001"


def read(name: str) -> RegisterRead:
    return load_register(FIXTURES / name, name=name)


def where(issues: list[Issue]) -> list[tuple[int, str, str]]:
    return [(i.line, i.column, i.value) for i in issues]


def test_example_register_reads_cleanly() -> None:
    r = read("example.csv")
    assert r.ok and not r.warnings
    assert len(r.marks) == 6
    first = r.marks[0]
    assert (first.line, first.upn, first.date, first.session, first.code) == (
        2,
        UPN,
        dt.date(2026, 9, 7),
        "AM",
        "/",
    )
    assert (first.school_urn, first.surname, first.forename) == ("100001", "Example", "Pupil")
    assert first.date_of_birth == dt.date(2013, 5, 1)
    assert r.marks[1].code == "\\"


def test_bom_any_column_order_any_case_and_spaces_uk_dates_crlf() -> None:
    r = read("bom_reordered.csv")
    assert r.ok, r.errors
    assert [(m.date, m.session, m.code) for m in r.marks] == [
        (dt.date(2026, 9, 8), "AM", "N"),
        (dt.date(2026, 9, 8), "PM", "I"),
    ]


def test_two_character_and_2006_codes_are_kept_as_given_with_their_set() -> None:
    r = read("two_char_codes.csv")
    assert r.ok, r.errors
    assert [(m.code, m.code_set) for m in r.marks] == [
        ("Y1", "2024"),
        ("C1", "2024"),
        ("J1", "2024"),
        ("C2", "2024"),
        ("F", "2006"),
        ("J", "2006"),
        ("Y", "2006"),
        ("H", "2006"),
    ]
    assert r.marks[0].date_of_birth == dt.date(2013, 5, 1)  # DD/MM/YYYY too


def test_every_error_is_listed_with_line_column_and_value() -> None:
    r = read("bad_many.csv")
    assert not r.ok and r.marks == []
    assert where(r.errors) == [
        (2, "upn", "A801200110001"),
        (3, "date", "2026-13-07"),
        (4, "session", "XM"),
        (5, "code", "ZZ"),
        (6, "date", ""),
        (7, "upn", "Q80120011"),
    ]
    assert "check letter" in r.errors[0].message
    assert "missing value" in r.errors[4].message
    assert str(r.errors[3]) == 'bad_many.csv:5: code: "ZZ": not a code of the 2024 or 2006 set'


@pytest.mark.parametrize(
    ("content", "column", "value"),
    [
        ("A801200110001,2026-09-07,AM,/", "upn", "A801200110001"),  # wrong check letter
        ("Q801200110001,2026-02-30,AM,/", "date", "2026-02-30"),  # not a real day
        ("Q801200110001,07-09-2026,AM,/", "date", "07-09-2026"),  # neither format
        ("Q801200110001,2026-09-07,am,/", "session", "am"),
        ("Q801200110001,2026-09-07,AM,n", "code", "n"),  # codes are kept exactly as given
        ("Q801200110001,2026-09-07,AM,Y8", "code", "Y8"),
        ("Q801200110001,2026-09-07,AM,", "code", ""),
        (",2026-09-07,AM,/", "upn", ""),
        ("Q801200110001,2026-09-07,,/", "session", ""),
    ],
)
def test_each_bad_value_is_an_error(tmp_path: Path, content: str, column: str, value: str) -> None:
    path = tmp_path / "r.csv"
    path.write_text(f"upn,date,session,code\n{UPN},2026-09-08,AM,/\n{content}\n", "utf-8")
    r = load_register(path)
    assert where(r.errors) == [(3, column, value)]
    assert r.marks == []


def test_a_missing_required_column_is_an_error_on_line_1() -> None:
    r = read("missing_column.csv")
    assert where(r.errors) == [(1, "session", "")]


def test_a_row_with_the_wrong_number_of_fields_is_an_error() -> None:
    r = read("ragged.csv")
    assert [(e.line, e.column) for e in r.errors] == [(2, "(row)")]


def test_bad_optional_values_are_errors() -> None:
    r = read("bad_optional.csv")
    assert where(r.errors) == [(2, "school_urn", "10001"), (3, "date_of_birth", "31/02/2013")]


def test_the_same_mark_twice_is_one_mark() -> None:
    r = read("duplicate_same.csv")
    assert r.ok
    assert [(m.session, m.code, m.line) for m in r.marks] == [("AM", "N", 2), ("PM", "I", 4)]


def test_the_same_session_with_different_codes_is_an_error() -> None:
    r = read("contradiction.csv")
    assert where(r.errors) == [(4, "code", "I")]
    assert "line 2" in r.errors[0].message
    assert r.marks == []


def test_no_mark_is_accepted_with_a_warning_naming_its_line() -> None:
    r = read("no_mark.csv")
    assert r.ok
    assert [m.code for m in r.marks] == ["/", "-"]
    assert where(r.warnings) == [(3, "code", "-")]


def test_not_utf8_is_an_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(b"upn,date,session,code,surname\nQ801200110001,2026-09-07,AM,/,Br\xf6nte\n")
    r = load_register(path)
    assert [(e.line, e.column) for e in r.errors] == [(2, "(file)")]


def test_empty_file_and_missing_file_are_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", "utf-8")
    assert [(e.line, e.column) for e in load_register(empty).errors] == [(1, "(header)")]
    assert not load_register(tmp_path / "absent.csv").ok


def test_line_numbers_count_blank_lines_and_quoted_newlines(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        'upn,date,session,code,surname\n\n"Q801200110001",2026-09-07,AM,/,"two\nlines"\n'
        f"{UPN},2026-09-07,PM,BAD,x\n",
        "utf-8",
    )
    r = load_register(path)
    assert where(r.errors) == [(5, "code", "BAD")]


def test_upn_in_lower_case_is_the_same_pupil(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(f"upn,date,session,code\n{UPN.lower()},2026-09-07,AM,/\n", "utf-8")
    r = load_register(path)
    assert r.ok and r.marks[0].upn == UPN


def _big_register(path: Path, pupils: int, days: int) -> int:
    from stdnum.gb import upn as stdnum_upn

    start = dt.date(2025, 9, 1)
    dates = [start + dt.timedelta(days=d) for d in range(days * 2)]
    school = [d.isoformat() for d in dates if d.weekday() < 5][:days]
    codes = ["/", "\\", "N", "I", "L", "-", "#", "Y1", "C1"]
    rows = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("upn,date,session,code,school_urn\n")
        for p in range(pupils):
            body = f"801{p:08d}1"
            upn = stdnum_upn.calc_check_digit(body) + body
            for i, day in enumerate(school):
                for s, session in enumerate(("AM", "PM")):
                    out.write(f"{upn},{day},{session},{codes[(p + i + s) % len(codes)]},100001\n")
                    rows += 1
    return rows


def test_progress_is_reported_and_a_year_for_1000_pupils_reads_in_seconds(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    rows = _big_register(path, 1000, 190)
    assert rows == 380_000
    started = time.perf_counter()
    job = read_register(path)
    progress: list[Progress] = []
    while True:
        try:
            progress.append(next(job))
        except StopIteration as done:
            result: RegisterRead = done.value
            break
    elapsed = time.perf_counter() - started
    assert result.ok and len(result.marks) == rows
    assert len(progress) > 10 and progress[-1].fraction == 1.0
    assert elapsed < 15, elapsed  # a few seconds on an ordinary laptop
