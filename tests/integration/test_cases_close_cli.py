"""`officer-app cases close|reopen`: closed with a reason code and both figures, signed; a bad
code lists the known ones in one line; a refused close changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.test_cases_stage_cli import _at, _errors, _stages
from tests.integration.test_cli import run


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("closure")
    made = run(tmp, "demo", "--cases", "12", "--seed", "5", "--today", "2026-11-20")
    assert made.returncode == 0, made.stderr
    return tmp


def _status(profile: Path, ref: str) -> str:
    listed = run(profile, "cases", "list", "--json")
    return next(r["status"] for r in json.loads(listed.stdout) if r["reference"] == ref)


@pytest.mark.slow
def test_close_then_reopen_signed_and_verified(profile: Path) -> None:
    ref = _at(profile, "support", "formal", "assessment")
    closed = run(
        profile,
        "cases",
        "close",
        ref.lower(),
        "--reason",
        "Attendance 97% all term",
        "--code",
        "attendance_improved",
        "--attendance-after",
        "97",
    )
    assert closed.returncode == 0, closed.stderr
    (line,) = closed.stdout.splitlines()
    assert line.startswith(f"{ref}: ") and " to Closed (attendance_improved); " in line
    assert "after 97.0%; signed into the case's chronology" in line
    assert _stages(profile)[ref] == "closed" and _status(profile, ref) == "closed"
    again = run(profile, "cases", "close", ref, "--reason", "x", "--code", "transferred")
    assert again.returncode == 1
    assert _errors(again.stderr) == [
        f"officer-app: {ref}: not closed: the case is already at Closed"
    ]
    reopened = run(profile, "cases", "reopen", ref, "--reason", "New referral from school")
    assert reopened.returncode == 0, reopened.stderr
    assert reopened.stdout.startswith(f"{ref}: reopened, Closed to Allocated; signed")
    assert _stages(profile)[ref] == "allocated"
    assert run(profile, "verify").returncode == 0


@pytest.mark.slow
def test_bad_closures_say_what_in_one_line_and_change_nothing(profile: Path) -> None:
    ref = _at(profile, "support", "formal", "assessment", "allocated")
    before = _stages(profile)
    code = run(profile, "cases", "close", ref, "--reason", "x", "--code", "holiday")
    assert code.returncode == 1
    assert _errors(code.stderr) == [
        "officer-app: --code: 'holiday' is not a closure reason (known: attendance_improved, "
        "moved_out_of_area, home_education, cme_referral, prosecution_concluded, "
        "end_of_compulsory_age, transferred, other)"
    ]
    for option, value in (("--attendance-before", "-1"), ("--attendance-after", "101"),
                          ("--attendance-before", "lots")):  # fmt: skip
        bad = run(profile, "cases", "close", ref, "--reason", "x", option, value)
        assert bad.returncode == 1
        assert _errors(bad.stderr) == [
            f"officer-app: {option}: {value!r} is not a percentage from 0 to 100"
        ]
    blank = run(profile, "cases", "close", ref, "--reason", "  ")
    assert blank.returncode == 1 and "detail: say why the case closes" in blank.stderr
    open_case = run(profile, "cases", "reopen", ref, "--reason", "x")
    assert open_case.returncode == 1 and "only a closed case reopens" in open_case.stderr
    staged = run(profile, "cases", "stage", ref, "closed", "--reason", "x")
    assert staged.returncode == 1 and "cases close" in staged.stderr
    for result in (code, blank, open_case, staged):
        assert "Traceback" not in result.stderr and len(_errors(result.stderr)) == 1
    assert _stages(profile) == before
