"""``officer-app attendance summary`` run as a user would: a real process, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "registers"
UPN = "Q801200110001"


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")}
    env.pop("OFFICER_APP_PASSPHRASE", None)
    return subprocess.run(
        [sys.executable, "-m", "officer_app", "--data-dir", str(tmp_path / "none"), *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def summary(tmp_path: Path, register: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return run(
        tmp_path,
        "attendance",
        "summary",
        str(FIXTURES / register),
        "--upn",
        UPN,
        "--from",
        "2026-09-07",
        "--to",
        "2026-09-09",
        *extra,
    )


def test_summary_json_of_the_example_register_without_any_profile(tmp_path: Path) -> None:
    out = summary(tmp_path, "example.csv", "--json")
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    assert json.loads(out.stdout) == {
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
        "by_code": {"/": 1, "I": 1, "L": 1, "N": 2, "\\": 1},
        "penalty_notice_threshold": {
            "met": False,
            "max_unauthorised_in_window": 2,
            "unauthorised_in_window": 2,
            "window_from": "2026-09-07",
            "window_to": "2026-09-13",
        },
    }
    assert not (tmp_path / "none").exists()  # nothing created, no passphrase asked


def test_summary_table(tmp_path: Path) -> None:
    out = summary(tmp_path, "example.csv")
    assert out.returncode == 0, out.stderr
    assert "Sessions possible" in out.stdout and "50.0%" in out.stdout
    assert "2026-09-07 to 2026-09-13" in out.stdout


def test_a_bad_file_lists_every_error_and_exits_1(tmp_path: Path) -> None:
    out = summary(tmp_path, "bad_many.csv", "--json")
    assert out.returncode == 1
    assert out.stdout == ""
    lines = out.stderr.splitlines()
    errors = [line for line in lines if "bad_many.csv:" in line and ": " in line]
    assert len(errors) == 7  # six errors and the closing count
    assert any(
        line.endswith('bad_many.csv:5: code: "ZZ": not a code of the 2024 or 2006 set')
        for line in lines
    )
    assert "6 error(s)" in lines[-1]


def test_a_gap_is_warned_about_on_stderr(tmp_path: Path) -> None:
    out = run(
        tmp_path, "attendance", "summary", str(FIXTURES / "no_mark.csv"),
        "--upn", UPN, "--from", "2026-09-01", "--to", "2026-09-30", "--json",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "no_mark.csv:3: code" in out.stderr and "warning" in out.stderr
    assert json.loads(out.stdout)["by_code"] == {"/": 1, "-": 1}


def test_bad_arguments_exit_1(tmp_path: Path) -> None:
    bad_upn = run(
        tmp_path, "attendance", "summary", str(FIXTURES / "example.csv"),
        "--upn", "A801200110001", "--from", "2026-09-01", "--to", "2026-09-30",
    )  # fmt: skip
    assert bad_upn.returncode == 1 and "check letter" in bad_upn.stderr
    backwards = run(
        tmp_path, "attendance", "summary", str(FIXTURES / "example.csv"),
        "--upn", UPN, "--from", "2026-09-30", "--to", "2026-09-01",
    )  # fmt: skip
    assert backwards.returncode == 1 and "before" in backwards.stderr
    missing = run(
        tmp_path, "attendance", "summary", str(tmp_path / "absent.csv"),
        "--upn", UPN, "--from", "2026-09-01", "--to", "2026-09-30",
    )  # fmt: skip
    assert missing.returncode == 1 and "absent.csv" in missing.stderr


def test_the_window_named_states_its_own_count(tmp_path: Path) -> None:
    """Issue 9 point 2: the first run of 10 school weeks that meets the threshold holds 10
    sessions, a later run 12: the JSON and the table state 10 with the first run's dates."""
    import datetime as dt

    rows = ["upn,date,session,code,school_urn,surname,forename,date_of_birth"]
    for week, absent in enumerate([1] * 10 + [2, 2]):
        for i in range(10):
            day = dt.date(2026, 1, 5) + dt.timedelta(weeks=week, days=i // 2)
            part = "AM" if i % 2 == 0 else "PM"
            code = "N" if i < absent else ("/" if part == "AM" else "\\")
            rows.append(f"{UPN},{day.isoformat()},{part},{code},100001,Example,Pupil,2013-05-01")
    register = tmp_path / "twelve_weeks.csv"
    register.write_text("\n".join(rows) + "\n", encoding="utf-8")
    span = ("--upn", UPN, "--from", "2026-01-05", "--to", "2026-03-29")
    out = run(tmp_path, "attendance", "summary", str(register), *span, "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["penalty_notice_threshold"] == {
        "met": True,
        "max_unauthorised_in_window": 12,
        "unauthorised_in_window": 10,
        "window_from": "2026-01-05",
        "window_to": "2026-03-15",
    }
    table = run(tmp_path, "attendance", "summary", str(register), *span)
    assert table.returncode == 0, table.stderr
    assert "2026-01-05 to 2026-03-15: 10 unauthorised" in table.stdout
