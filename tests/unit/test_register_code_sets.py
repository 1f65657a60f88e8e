"""Each register mark's code is resolved by its date (issue 9, point 10).

The 2024 set (SI 2024/208) applies from 19 August 2024, the 2006 set (SI 2006/1751) before:
a code only the other set has is an error with its line, unless the LA's settings.toml says
``other_code_set = "warning"``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from officer_app.attendance.codes import shipped_codes
from officer_app.attendance.register import RegisterRead, load_register
from officer_app.config import ConfigError, load_settings
from officer_app.domain.attendance import CODES_2024_FROM, code_set_on

UPN = "Q801200110001"
TODAY = dt.date(2026, 11, 20)
HEADER = "upn,date,session,code\n"


def read(tmp_path: Path, body: str, *, accept: bool = False) -> RegisterRead:
    path = tmp_path / "r.csv"
    path.write_text(HEADER + body, "utf-8", newline="")
    return load_register(path, name="r.csv", today=TODAY, accept_other_set=accept)


def test_the_2024_set_is_in_force_from_19_august_2024() -> None:
    assert dt.date(2024, 8, 19) == CODES_2024_FROM
    assert code_set_on(dt.date(2024, 8, 18)) == "2006"
    assert code_set_on(dt.date(2024, 8, 19)) == "2024"
    assert code_set_on(dt.date(2024, 8, 20)) == "2024"


@pytest.mark.parametrize("code", ["H", "F", "J", "Y"])
def test_a_2006_only_code_from_19_august_2024_is_an_error_with_its_line(
    tmp_path: Path, code: str
) -> None:
    r = read(
        tmp_path,
        f"{UPN},2024-08-16,AM,{code}\n{UPN},2024-08-19,AM,{code}\n{UPN},2024-08-20,PM,{code}\n",
    )
    assert not r.ok and r.marks == []
    assert [(e.line, e.column, e.value) for e in r.errors] == [
        (3, "code", code),
        (4, "code", code),
    ]
    assert r.errors[0].message == (
        "not a code of the 2024 set, in force from 19 August 2024 (SI 2024/208): "
        "a code of the 2006 set"
    )
    assert str(r.errors[0]).startswith(f'r.csv:3: code: "{code}": not a code of the 2024 set')


@pytest.mark.parametrize("code", ["C1", "C2", "J1", "K", "Q", "Y1", "Y7"])
def test_a_2024_only_code_before_19_august_2024_is_an_error_with_its_line(
    tmp_path: Path, code: str
) -> None:
    r = read(
        tmp_path,
        f"{UPN},2024-08-16,AM,{code}\n{UPN},2024-08-19,AM,{code}\n{UPN},2024-08-20,PM,{code}\n",
    )
    assert [(e.line, e.column) for e in r.errors] == [(2, "code")]
    assert r.errors[0].message == (
        "not a code of the 2006 set, in force before 19 August 2024 (SI 2006/1751): "
        "a code of the 2024 set"
    )
    assert r.marks == []


def test_each_code_of_the_set_in_force_is_accepted_either_side_of_the_day(
    tmp_path: Path,
) -> None:
    r = read(
        tmp_path,
        f"{UPN},2024-07-15,AM,H\n{UPN},2024-07-15,PM,J\n{UPN},2024-08-16,AM,F\n"
        f"{UPN},2024-08-16,PM,Y\n{UPN},2024-08-19,AM,J1\n{UPN},2024-08-19,PM,C1\n"
        f"{UPN},2024-08-20,AM,Y1\n{UPN},2024-08-20,PM,K\n",
    )
    assert r.ok, r.errors
    assert [(m.code, m.code_set) for m in r.marks] == [
        ("H", "2006"), ("J", "2006"), ("F", "2006"), ("Y", "2006"),
        ("J1", "2024"), ("C1", "2024"), ("Y1", "2024"), ("K", "2024"),
    ]  # fmt: skip


def test_a_code_both_sets_hold_belongs_to_the_set_of_its_day(tmp_path: Path) -> None:
    # before: every shared code was filed under 2024, so a 2010 "C" was shown as a 2024 code
    r = read(tmp_path, f"{UPN},2010-03-01,AM,C\n{UPN},2024-08-16,PM,G\n{UPN},2024-08-19,AM,C\n")
    assert r.ok, r.errors
    assert [(m.date.isoformat(), m.code_set) for m in r.marks] == [
        ("2010-03-01", "2006"),
        ("2024-08-16", "2006"),
        ("2024-08-19", "2024"),
    ]


def test_a_2006_j_after_the_change_never_counts_as_attendance(tmp_path: Path) -> None:
    r = read(tmp_path, f"{UPN},2026-09-07,AM,J\n{UPN},2026-09-07,PM,N\n")
    assert not r.ok and r.marks_for(UPN) == []  # nothing reaches the summary


def test_an_la_may_accept_the_other_set_with_a_warning_per_line(tmp_path: Path) -> None:
    r = read(tmp_path, f"{UPN},2024-08-19,AM,H\n{UPN},2024-08-16,PM,Y1\n", accept=True)
    assert r.ok, r.errors
    assert [(m.code, m.code_set) for m in r.marks] == [("H", "2006"), ("Y1", "2024")]
    assert [(w.line, w.column) for w in r.warnings] == [(2, "code"), (3, "code")]
    assert all('other_code_set = "warning"' in w.message for w in r.warnings)


def test_a_mark_before_2006_is_still_refused_as_before(tmp_path: Path) -> None:
    r = read(tmp_path, f"{UPN},2006-08-31,AM,H\n")
    assert [(e.line, e.column) for e in r.errors] == [(2, "date")]


def test_other_code_set_in_settings_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    assert load_settings(None).accept_other_code_set is False
    path.write_text('other_code_set = "warning"\n')
    assert load_settings(path).accept_other_code_set is True
    path.write_text('other_code_set = "error"\n')
    assert load_settings(path).accept_other_code_set is False
    for bad in ('"warn"', "true", "1"):
        path.write_text(f"other_code_set = {bad}\n")
        with pytest.raises(ConfigError, match=r"other_code_set: \"error\" or \"warning\""):
            load_settings(path)


def _cli(data_dir: Path, register: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "officer_app", "--data-dir", str(data_dir), "attendance",
         "summary", str(register), "--upn", UPN, "--from", "2026-09-01", "--to",
         "2026-09-30", "--json"],
        capture_output=True, text=True, timeout=60, env=dict(os.environ), check=False,
    )  # fmt: skip


def test_the_command_line_refuses_a_2006_j_and_an_la_may_accept_it(tmp_path: Path) -> None:
    register = tmp_path / "r.csv"
    register.write_text(f"{HEADER}{UPN},2026-09-07,AM,J\n{UPN},2026-09-07,PM,/\n")
    done = _cli(tmp_path, register)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert done.stderr.splitlines()[0] == (
        f'{register}:2: code: "J": not a code of the 2024 set, in force from 19 August 2024 '
        "(SI 2024/208): a code of the 2006 set"
    )
    (tmp_path / "settings.toml").write_text('other_code_set = "warning"\n')
    done = _cli(tmp_path, register)
    assert done.returncode == 0, done.stderr
    assert f"warning: {register}:2: code:" in done.stderr
    assert json.loads(done.stdout)["by_code"] == {"J": 1, "/": 1}


def test_the_shipped_table_resolves_every_code_by_date() -> None:
    table = shipped_codes()
    before, after = dt.date(2024, 8, 18), dt.date(2024, 8, 19)
    assert table.on("J", before) is not None and table.on("J", after) is None
    assert table.on("J1", before) is None and table.on("J1", after) is not None
    shared = table.on("C", before)
    assert shared is not None and shared.code_set == "2006"


def test_every_demo_mark_is_a_code_of_the_set_in_force_on_its_day(demo_profile: Any) -> None:
    from sqlalchemy import select

    from officer_app.store.models import AttendanceMark

    table = shipped_codes()
    rows = demo_profile.store.read(
        lambda s: s.execute(
            select(AttendanceMark.date, AttendanceMark.code, AttendanceMark.code_set).distinct()
        ).all()
    )
    wrong = {(code, code_set) for day, code, code_set in rows if table.on(code, day) is None}
    assert wrong == set()
    assert all(code_set == code_set_on(day) for day, _code, code_set in rows)
