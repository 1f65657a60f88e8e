"""The demo's team (the profile's officer, five colleagues, a supervisor, a court officer) and
schools, made once per seed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from stdnum.gb import upn as upn_check

from officer_app.demo import names
from officer_app.demo.common import (
    new_uuid,
    seeded,
)
from officer_app.store.models import (
    Officer,
    ProfileSetting,
    School,
)

OFFICER_SETTING = "officer_id"
LA_NUMBER = "384"  # stdnum knows only real LA numbers; the rest of each UPN is synthetic


# ------------------------------------------------------------------------------ helpers
def _initials(name: str) -> str:
    return "".join(part[0] for part in name.replace("-", " ").split())[:8]


def make_upn(index: int, seed: int, entry_year: int) -> str:
    """A valid UPN, different for every case index (below eight million) of one seed."""
    serial = (index * 7919 + seed * 104_729) % 8_000_000
    body = f"{LA_NUMBER}{2000 + serial // 1000:04d}{entry_year % 100:02d}{serial % 1000:03d}"
    return upn_check.calc_check_digit(body) + body


# --------------------------------------------------------------------------- the team
@dataclass(frozen=True)
class Person:
    id: str
    name: str
    initials: str


@dataclass(frozen=True)
class Team:
    officers: tuple[Person, ...]  # six attendance officers; [0] is the profile's own
    supervisor: Person
    court_officer: Person


def ensure_team(session: Session, seed: int, profile_officer_name: str) -> Team:
    rng = seeded(seed, "team")
    ids = [new_uuid(rng) for _ in range(8)]
    setting = session.get(ProfileSetting, OFFICER_SETTING)
    profile_id = setting.value if setting is not None else ids[0]
    wanted: list[tuple[str, str, str]] = [(profile_id, profile_officer_name, "officer")]
    wanted += [(ids[n], name, "officer") for n, name in enumerate(names.OTHER_OFFICERS, 1)]
    wanted.append((ids[6], names.SUPERVISOR_NAME, "supervisor"))
    wanted.append((ids[7], names.COURT_OFFICER_NAME, "court_officer"))
    people: list[Person] = []
    for officer_id, name, role in wanted:
        found = session.get(Officer, officer_id)
        if found is None:
            found = Officer(
                id=officer_id,
                name=name,
                initials=_initials(name),
                role=role,
                team=names.TEAM_NAME,
                email=f"{name.lower().replace(' ', '.')}@{names.EMAIL_DOMAIN}",
            )
            session.add(found)
        people.append(Person(found.id, found.name, found.initials or _initials(found.name)))
    if setting is None:
        session.add(ProfileSetting(key=OFFICER_SETTING, value=profile_id))
    session.flush()
    return Team(tuple(people[:6]), people[6], people[7])


# ------------------------------------------------------------------------------ schools
@dataclass(frozen=True)
class SchoolInfo:
    id: str
    urn: str
    name: str
    phase: str


def ensure_schools(session: Session, seed: int) -> list[SchoolInfo]:
    rng = seeded(seed, "schools")
    urns = [str(u) for u in rng.sample(range(100_000, 150_000), len(names.SCHOOLS))]
    ids = [new_uuid(rng) for _ in names.SCHOOLS]
    existing = {
        urn: school_id
        for urn, school_id in session.execute(
            select(School.urn, School.id).where(School.urn.in_(urns))
        )
    }
    schools: list[SchoolInfo] = []
    for school, urn, school_id in zip(names.SCHOOLS, urns, ids, strict=True):
        if urn not in existing:
            session.add(School(id=school_id, urn=urn, name=school.name, phase=school.phase))
            existing[urn] = school_id
        schools.append(SchoolInfo(existing[urn], urn, school.name, school.phase))
    session.flush()
    return schools
