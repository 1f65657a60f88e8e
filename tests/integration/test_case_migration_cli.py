"""An LA moving its open cases from another system, by the command line alone (issue 11 "Done
when"): an empty profile, the LA's schools from the DfE "Get Information About Schools" export,
a `cases new` per child (JSON), `cases stage` to where each case stands, one `cases close`; and
`cases list --json` shows them. Bad input is one line and a non-zero exit; nothing changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.test_cli import run

GIAS = (
    "URN,LA (code),EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name)\n"
    "140001,999,Hilltop Primary School,Community school,Primary\n"
    "140002,999,Ridge Academy,Academy converter,Secondary\n"
    "140003,999,Oakfield School,Community special school,Not applicable\n"
    "140004,999,The Bridge Centre,Pupil referral unit,Not applicable\n"
)
CHILDREN = (  # forename, surname, dob, urn, stage the other system had it at
    ("Ada", "Brook", "2015-04-02", "140001", "allocated"),
    ("Ben", "Carr", "2012-09-30", "140002", "assessment"),
    ("Dev", "Eade", "2011-06-21", "140004", "allocated"),  # then closed
)


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("officer-app: warning:")]


def _list(tmp: Path) -> list[dict[str, str]]:
    listed = run(tmp, "cases", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    rows: list[dict[str, str]] = json.loads(listed.stdout)
    return rows


def _new(forename: str, surname: str, dob: str, urn: str, *extra: str) -> tuple[str, ...]:
    return (
        "cases", "new", "--child-forename", forename, "--child-surname", surname, "--dob", dob,
        "--school-urn", urn, "--referral-date", "2026-09-14",
        "--reason", "Migrated from the LA's previous system", "--json", *extra,
    )  # fmt: skip


@pytest.mark.slow
def test_an_la_migrates_its_open_cases_by_the_command_line(tmp_path: Path) -> None:
    made = run(
        tmp_path, "create-profile", "--officer-name", "Ola Migrate", "--officer-initials", "om"
    )
    assert made.returncode == 0, made.stderr

    # a case cannot name a school the profile does not hold: the refusal says what to give
    refused = run(tmp_path, *_new(*CHILDREN[0][:4]))
    assert refused.returncode == 1
    assert _errors(refused.stderr) == [
        "officer-app: --school-urn: no school with URN 140001 in this profile: give "
        "--school-name to add it"
    ]

    bad = tmp_path / "bad.csv"
    bad.write_text(GIAS + "14000,999,Short Urn School,Community school,Primary\n", "utf-8")
    refused = run(tmp_path, "schools", "import", str(bad))
    assert refused.returncode == 1
    assert f"{bad}:6:urn: '14000' is not a URN (six digits)" in refused.stderr
    # a file that cannot be read is one line, not a count of "bad rows"
    refused = run(tmp_path, "schools", "import", str(tmp_path))
    assert refused.returncode == 1
    assert _errors(refused.stderr) == [
        f"officer-app: {tmp_path}: cannot be read: Is a directory; nothing imported"
    ]

    schools = tmp_path / "edubase.csv"
    schools.write_bytes(GIAS.encode("cp1252"))
    imported = run(tmp_path, "schools", "import", str(schools))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == "4 added, 0 updated, 0 unchanged"  # the bad file: none
    listed = run(tmp_path, "schools", "list", "--json")
    phases = {s["urn"]: s["phase"] for s in json.loads(listed.stdout)}
    assert phases == {
        "140001": "primary",
        "140002": "secondary",
        "140003": "special",
        "140004": "alternative provision",
    }

    references = {}
    for forename, surname, dob, urn, stage in CHILDREN:
        taken = run(tmp_path, *_new(forename, surname, dob, urn))
        assert taken.returncode == 0, taken.stderr
        references[forename] = json.loads(taken.stdout)["reference"]
        path = {"allocated": ["allocated"], "assessment": ["allocated", "assessment"]}.get(
            stage, ["allocated", "assessment", "support"]
        )
        for step in path:
            moved = run(
                tmp_path, "cases", "stage", references[forename], step, "--reason", "as migrated"
            )
            assert moved.returncode == 0, moved.stderr
    # a new school named on the referral itself
    extra = run(
        tmp_path,
        *_new(
            "Eli",
            "Fox",
            "2016-02-29",
            "140005",
            "--school-name",
            "Meadow Infants",
            "--school-phase",
            "primary",
        ),
    )
    assert extra.returncode == 0, extra.stderr
    closed = run(tmp_path, "cases", "close", references["Dev"], "--reason", "Moved out of the area")
    assert closed.returncode == 0, closed.stderr

    rows = {r["child_forename"]: r for r in _list(tmp_path)}
    assert {name: rows[name]["stage"] for name in references} == {
        "Ada": "allocated",
        "Ben": "assessment",
        "Dev": "closed",
    }
    assert (
        rows["Eli"]["school_urn"] == "140005" and rows["Ada"]["school"] == "Hilltop Primary School"
    )

    before = _list(tmp_path)
    for args, wanted in (
        (_new("Fay", "Gill", "2015-13-01", "140001"), "--dob"),
        (_new("Fay", "Gill", "2015-01-01", "14001"), "--school-urn"),
        (
            _new(
                "Fay",
                "Gill",
                "2015-01-01",
                "140009",
                "--school-name",
                "X",
                "--school-phase",
                "college",
            ),
            "--school-phase",
        ),
        (("cases", "stage", references["Ada"], "court", "--reason", "skip"), "court"),
    ):
        out = run(tmp_path, *args)
        assert out.returncode != 0
        (line,) = _errors(out.stderr)
        assert wanted in line, line
    assert _list(tmp_path) == before
