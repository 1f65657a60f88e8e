"""`officer-app cases new`: a referral taken from the command line prints the new reference;
the same child is refused naming its case unless --not-duplicate says why; a bad argument is
one line and exit 1, and nothing changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from stdnum.gb import upn as upn_check

from tests.integration.test_cli import run

BODY = "384009876543"
UPN = upn_check.calc_check_digit(BODY) + BODY
WRONG_LETTER = ("A" if UPN[0] != "A" else "B") + BODY


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("case_new")
    made = run(tmp, "demo", "--cases", "3", "--seed", "5", "--today", "2026-11-20")
    assert made.returncode == 0, made.stderr
    return tmp


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("officer-app: warning:")]


def _cases(profile: Path) -> list[dict[str, str]]:
    listed = run(profile, "cases", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    rows: list[dict[str, str]] = json.loads(listed.stdout)
    return rows


def _new(profile: Path, *extra: str, forename: str = "Wilf", upn: str = UPN) -> list[str]:
    urn = _cases(profile)[0]["school_urn"]
    return [
        "cases",
        "new",
        "--child-forename",
        forename,
        "--child-surname",
        "Ashdown",
        "--dob",
        "2015-02-11",
        "--school-urn",
        urn,
        "--upn",
        upn,
        "--referral-date",
        "2026-11-25",
        "--reason",
        "Attendance 84% this term",
        "--referred-by",
        "School attendance lead",
        *extra,
    ]


@pytest.mark.slow
def test_a_referral_prints_the_new_reference_and_the_duplicate_is_refused(profile: Path) -> None:
    taken = run(profile, *_new(profile), "--json")
    assert taken.returncode == 0, taken.stderr
    made = json.loads(taken.stdout)
    assert made["reference"] == "ATT-2026-00004" and made["stage"] == "referral"
    row = next(r for r in _cases(profile) if r["reference"] == made["reference"])
    assert (row["child_forename"], row["stage"], row["status"]) == ("Wilf", "referral", "open")

    again = run(profile, *_new(profile, upn=""))
    assert again.returncode == 1
    (line,) = _errors(again.stderr)
    assert "Wilf Ashdown is already in this profile (case ATT-2026-00004)" in line
    assert "--not-duplicate" in line
    assert len(_cases(profile)) == 4

    reopened = run(profile, *_new(profile, "--not-duplicate", "Re-referred after moving"))
    assert reopened.returncode == 0, reopened.stderr
    assert reopened.stdout.strip() == "ATT-2026-00005"
    assert run(profile, "verify").returncode == 0


def _with(args: list[str], option: str, value: str) -> list[str]:
    changed = list(args)
    changed[changed.index(option) + 1] = value
    return changed


@pytest.mark.slow
def test_bad_arguments_are_one_line_and_change_nothing(profile: Path) -> None:
    before = _cases(profile)
    good = _new(profile, forename="Ada", upn="")
    wrong = [
        (_with(good, "--upn", WRONG_LETTER), "--upn: wrong check letter"),
        (_with(good, "--dob", "2015-13-01"), "--dob: '2015-13-01' is not a date"),
        (_with(good, "--school-urn", "12ab"), "--school-urn: '12ab' is not a URN"),
        (_with(good, "--school-urn", "999999"), "--school-urn: no school with URN 999999"),
        (_with(good, "--referral-date", "2099-01-05"), "--referral-date: after today"),
        (
            _with(good, "--dob", "2024-01-01"),
            "--dob: not of compulsory school age on the date received",
        ),
        (_with(good, "--reason", "  "), "--reason: required"),
    ]
    for args, said in wrong:
        result = run(profile, *args)
        assert result.returncode == 1, (said, result.stderr)
        (line,) = _errors(result.stderr)
        assert said in line, (said, line)
        assert "Traceback" not in result.stderr
    assert _cases(profile) == before
