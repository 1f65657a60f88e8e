"""`officer-app cases stage`: a move the rules allow is signed; a refused one says why, exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.test_cli import run


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("stages")
    made = run(tmp, "demo", "--cases", "12", "--seed", "3", "--today", "2026-11-20")
    assert made.returncode == 0, made.stderr
    return tmp


def _errors(stderr: str) -> list[str]:
    """stderr without the test keyring's warning (keyrings.alt is not a secure store)."""
    return [line for line in stderr.splitlines() if not line.startswith("officer-app: warning:")]


def _stages(profile: Path) -> dict[str, str]:
    listed = run(profile, "cases", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    return {row["reference"]: row["stage"] for row in json.loads(listed.stdout)}


def _at(profile: Path, *stages: str) -> str:
    found = [ref for ref, stage in _stages(profile).items() if stage in stages]
    assert found, f"the seeded demo caseload has no case at {stages}"
    return found[0]


@pytest.mark.slow
def test_a_move_is_made_signed_and_verified(profile: Path) -> None:
    ref = _at(profile, "allocated", "referral")
    to = "assessment" if _stages(profile)[ref] == "allocated" else "allocated"
    moved = run(profile, "cases", "stage", ref.lower(), to, "--reason", "Home visit done")
    assert moved.returncode == 0, moved.stderr
    assert len(moved.stdout.splitlines()) == 1 and moved.stdout.startswith(f"{ref}: ")
    assert "signed into the case's chronology" in moved.stdout
    assert _stages(profile)[ref] == to
    checked = run(profile, "verify")
    assert checked.returncode == 0, checked.stderr


@pytest.mark.slow
def test_a_refused_move_exits_1_with_the_reason_and_changes_nothing(profile: Path) -> None:
    ref = _at(profile, "allocated", "assessment")
    before = _stages(profile)
    refused = run(profile, "cases", "stage", ref, "court", "--reason", "Straight to court")
    assert refused.returncode == 1
    (line,) = _errors(refused.stderr)
    assert line.startswith(f"officer-app: {ref}: not moved: a case at ")
    assert line.endswith("before it can be taken to court")
    assert _stages(profile) == before


@pytest.mark.slow
def test_bad_arguments_say_what_is_wrong(profile: Path) -> None:
    ref = _at(profile, "support", "formal")
    no_reason = run(profile, "cases", "stage", ref, "closed", "--reason", "   ")
    assert no_reason.returncode == 1 and "needs a reason" in no_reason.stderr
    no_stage = run(profile, "cases", "stage", ref, "prison", "--reason", "x")
    assert no_stage.returncode == 1 and "'prison' is not a stage" in no_stage.stderr
    no_case = run(profile, "cases", "stage", "ATT-1999-00000", "closed", "--reason", "x")
    assert no_case.returncode == 1 and "there is no case 'ATT-1999-00000'" in no_case.stderr
    legal = run(profile, "cases", "stage", ref, "legal", "--reason", "Support refused")
    assert legal.returncode == 1 and "supervisor authorises it" in legal.stderr
    nobody = run(
        profile, "cases", "stage", ref, "legal", "--reason", "x", "--authorised-by", "Nobody"
    )
    assert nobody.returncode == 1 and "'Nobody' is not a supervisor" in nobody.stderr
    for result in (no_reason, no_stage, no_case, legal, nobody):
        assert "Traceback" not in result.stderr and len(_errors(result.stderr)) == 1
