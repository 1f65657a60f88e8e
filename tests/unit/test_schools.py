"""The LA's schools: the GIAS export read (all or nothing, one line per bad row naming file,
line and field), a URN already held updated, and a referral that names an unknown URN adding
the school only when it is given a name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from officer_app.services.profile import OpenProfile
from officer_app.services.referrals import NewReferral, ReferralInvalid
from officer_app.services.schools import (
    SchoolInvalid,
    SchoolRow,
    SchoolService,
    SchoolsRefused,
    check_phase,
    check_urn,
    read_schools_csv,
)
from tests.conftest import MemoryKeyring
from tests.ui.fresh_profile import fresh_profile

HEADER = "URN,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name)\n"


@pytest.fixture()
def profile(tmp_path: Path, keyring_backend: MemoryKeyring, clock):  # type: ignore[no-untyped-def]
    opened = fresh_profile(tmp_path / "profile", keyring_backend, clock)
    yield opened
    opened.lock()


def test_urn_is_six_digits() -> None:
    assert check_urn(" 100001 ") == "100001"
    for bad in ("10000", "1000011", "10000a", "１００００１"):
        with pytest.raises(SchoolInvalid) as caught:
            check_urn(bad)
        assert caught.value.field == "urn"


def test_phase_words_and_gias_not_applicable() -> None:
    assert check_phase("Primary") == "primary"
    assert check_phase("Middle deemed secondary") == "secondary"
    assert check_phase("PRU") == "alternative provision"
    assert check_phase("Not applicable", "Foundation special school") == "special"
    assert check_phase("Not applicable", "Pupil referral unit") == "alternative provision"
    assert check_phase("") == ""
    with pytest.raises(SchoolInvalid, match="phase"):
        check_phase("college")


def test_the_file_is_all_or_nothing_with_a_line_per_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "schools.csv"
    path.write_text(
        HEADER
        + "100001,Hill Primary,Community school,Primary\n"
        + "10001,Short,Community school,Primary\n"
        + "100003,,Community school,Primary\n"
        + "100001,Hill Again,Community school,Primary\n",
        "utf-8",
    )
    with pytest.raises(SchoolsRefused) as caught:
        read_schools_csv(path)
    assert caught.value.lines == (
        f"{path}:3:urn: '10001' is not a URN (six digits)",
        f"{path}:4:name: required: the school's name",
        f"{path}:5:urn: 100001 is already on line 2",
    )
    path.write_text("Code,Title\n1,2\n", "utf-8")
    with pytest.raises(SchoolsRefused, match=r":1:URN: no such column"):
        read_schools_csv(path)


def test_import_adds_then_updates_by_urn(profile: OpenProfile) -> None:
    service = SchoolService(profile.store)
    first = service.import_rows([SchoolRow("100001", "Hill Primary", "primary")])
    assert (first.added, first.updated, first.unchanged) == (1, 0, 0)
    again = service.import_rows(
        [SchoolRow("100001", "Hill Primary Academy", "primary"), SchoolRow("100002", "Vale", "")]
    )
    assert (again.added, again.updated, again.unchanged) == (1, 1, 0)
    assert service.list_schools() == [
        SchoolRow("100001", "Hill Primary Academy", "primary"),
        SchoolRow("100002", "Vale", ""),
    ]


def _referral(**given: str) -> NewReferral:
    return NewReferral(
        forename="Ada",
        surname="Brook",
        date_of_birth=dt.date(2015, 4, 2),
        reason="Attendance 80%",
        received=dt.date(2026, 11, 16),
        **given,  # type: ignore[arg-type]
    )


def test_a_referral_adds_an_unknown_urn_only_with_a_name(profile: OpenProfile) -> None:
    with pytest.raises(ReferralInvalid) as caught:
        profile.referrals.take_referral(_referral(school="200001"))
    (problem,) = caught.value.problems
    assert problem.field == "school" and "give its name to add it" in problem.message
    assert SchoolService(profile.store).list_schools() == []
    with pytest.raises(ReferralInvalid) as caught:
        profile.referrals.take_referral(
            _referral(school="200001", school_name="Meadow", school_phase="college")
        )
    assert [p.field for p in caught.value.problems] == ["school phase"]
    taken = profile.referrals.take_referral(
        _referral(school="200001", school_name="Meadow Infants", school_phase="primary")
    )
    assert taken.reference == "ATT-2026-00001"
    assert SchoolService(profile.store).list_schools() == [
        SchoolRow("200001", "Meadow Infants", "primary")
    ]
