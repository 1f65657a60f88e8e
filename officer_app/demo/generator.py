"""The deterministic synthetic caseload behind ``officer-app demo``, the tests and the benchmarks.

Everything about case ``i`` (its child, family, chronology and register) is drawn from random
generators seeded with ``(seed, kind, index)`` and the date the caseload is built around, so
the same arguments always give the same rows, and topping a profile up from 200 cases to 1000
gives the same 1000 cases as making 1000 at once. Families are laid out over the case indexes
by their own seeded sizes (case ``i`` always belongs to the same family); the officers and
schools are a fixed set made once per seed.

The rows are written with bulk Core inserts inside the caller's writer transaction; the
caller marks the session ``untracked`` so that the synthetic rows do not go to the outbox.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from stdnum.gb import upn as upn_check

from officer_app.attendance.totals import refresh_totals
from officer_app.clock import UK
from officer_app.demo import names, prose, terms
from officer_app.demo.common import (
    NOT_POSSIBLE,
    ONE_DAY,
    PRESENT,
    UNAUTHORISED,
    bulk_insert,
    new_uuid,
    ordered_id,
    seeded,
    uk_time,
    weighted,
)
from officer_app.demo.names import DEMO_OFFICER_NAME
from officer_app.domain.attendance import code_set_on
from officer_app.domain.chronology import EntryType
from officer_app.domain.school_year import school_year_start
from officer_app.domain.stages import Stage
from officer_app.services.builders import amendment_title
from officer_app.store.evidence import seal_new_chain
from officer_app.store.models import (
    Adult,
    AttendanceMark,
    Case,
    Child,
    ChronologyEntry,
    Family,
    Officer,
    OutboxMutation,
    ProfileSetting,
    RiskFlag,
    School,
)
from officer_app.wording import clock, day_month, long_date

OFFICER_SETTING = "officer_id"
LA_NUMBER = "384"  # stdnum knows only real LA numbers; the rest of each UPN is synthetic
CASE_ZERO_ENTRIES = 300  # the benchmark opens case 0: a court case with a long chronology
MARKS_CHUNK = 50_000
ENTRIES_CHUNK = 10_000

CODES_2006 = {"C2": "C"}  # registers before 19 August 2024 had no reduced-timetable code

YEAR_GROUPS = ("R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")
YEAR_WEIGHTS = (1, 3, 4, 5, 5, 6, 6, 8, 11, 13, 14, 12)

STAGE_WEIGHTS: tuple[tuple[Stage, float], ...] = (
    (Stage.REFERRAL, 0.10),
    (Stage.ALLOCATED, 0.14),
    (Stage.ASSESSMENT, 0.16),
    (Stage.SUPPORT, 0.29),
    (Stage.FORMAL, 0.10),
    (Stage.LEGAL, 0.06),
    (Stage.COURT, 0.03),
    (Stage.MONITORING, 0.04),
    (Stage.CLOSED, 0.08),
)
# How long ago (days) a case at each stage was referred.
REFERRED_DAYS_AGO: dict[Stage, tuple[int, int]] = {
    Stage.REFERRAL: (1, 10),
    Stage.ALLOCATED: (6, 40),
    Stage.ASSESSMENT: (20, 90),
    Stage.SUPPORT: (45, 330),
    Stage.FORMAL: (100, 380),
    Stage.LEGAL: (150, 420),
    Stage.COURT: (210, 425),
    Stage.MONITORING: (260, 425),
    Stage.CLOSED: (60, 425),
}
# How many chronology entries a case at each stage has.
ENTRY_COUNTS: dict[Stage, tuple[int, int]] = {
    Stage.REFERRAL: (5, 9),
    Stage.ALLOCATED: (7, 16),
    Stage.ASSESSMENT: (12, 30),
    Stage.SUPPORT: (25, 70),
    Stage.FORMAL: (45, 95),
    Stage.LEGAL: (70, 150),
    Stage.COURT: (130, 260),
    Stage.MONITORING: (110, 220),
    Stage.CLOSED: (10, 100),
}
OPEN_PATH = (
    Stage.REFERRAL,
    Stage.ALLOCATED,
    Stage.ASSESSMENT,
    Stage.SUPPORT,
    Stage.FORMAL,
    Stage.LEGAL,
    Stage.COURT,
    Stage.MONITORING,
)
PHASE_WEIGHT: dict[Stage, float] = {
    Stage.ALLOCATED: 0.08,
    Stage.ASSESSMENT: 0.15,
    Stage.SUPPORT: 0.35,
    Stage.FORMAL: 0.15,
    Stage.LEGAL: 0.15,
    Stage.COURT: 0.12,
    Stage.MONITORING: 0.2,
}
# The last open stage a closed case reached.
CLOSED_FROM: tuple[tuple[Stage, float], ...] = (
    (Stage.ALLOCATED, 0.10),
    (Stage.ASSESSMENT, 0.15),
    (Stage.SUPPORT, 0.50),
    (Stage.FORMAL, 0.10),
    (Stage.LEGAL, 0.05),
    (Stage.MONITORING, 0.10),
)
E = EntryType
FILLERS: dict[Stage, tuple[tuple[EntryType, float], ...]] = {
    Stage.REFERRAL: (
        (E.PHONE_CALL, 3),
        (E.EMAIL, 3),
        (E.NOTE, 2),
        (E.SCHOOL_VISIT, 1),
        (E.LETTER, 1),
        (E.ATTENDANCE, 1),
    ),
    Stage.ALLOCATED: (
        (E.HOME_VISIT, 4),
        (E.PHONE_CALL, 4),
        (E.LETTER, 2),
        (E.EMAIL, 2),
        (E.NOTE, 2),
        (E.SCHOOL_VISIT, 2),
        (E.ATTENDANCE, 1),
        (E.SAFEGUARDING, 0.08),
    ),
    Stage.ASSESSMENT: (
        (E.HOME_VISIT, 4),
        (E.PHONE_CALL, 4),
        (E.MEETING, 2),
        (E.SCHOOL_VISIT, 2),
        (E.EMAIL, 2),
        (E.NOTE, 2),
        (E.LETTER, 1),
        (E.ATTENDANCE, 1),
        (E.SAFEGUARDING, 0.12),
    ),
    Stage.SUPPORT: (
        (E.HOME_VISIT, 3),
        (E.PHONE_CALL, 4),
        (E.MEETING, 2),
        (E.SCHOOL_VISIT, 3),
        (E.EMAIL, 3),
        (E.NOTE, 2),
        (E.LETTER, 1),
        (E.ATTENDANCE, 2),
        (E.REVIEW, 0.6),
        (E.SUPERVISION, 1),
        (E.SAFEGUARDING, 0.12),
    ),
    Stage.FORMAL: (
        (E.HOME_VISIT, 3),
        (E.PHONE_CALL, 4),
        (E.MEETING, 2),
        (E.SCHOOL_VISIT, 2),
        (E.EMAIL, 3),
        (E.NOTE, 2),
        (E.LETTER, 2),
        (E.ATTENDANCE, 2),
        (E.SUPERVISION, 1),
        (E.SAFEGUARDING, 0.1),
    ),
    Stage.LEGAL: (
        (E.HOME_VISIT, 2),
        (E.PHONE_CALL, 3),
        (E.MEETING, 1),
        (E.SCHOOL_VISIT, 1),
        (E.EMAIL, 3),
        (E.NOTE, 3),
        (E.LETTER, 2),
        (E.ATTENDANCE, 2),
        (E.SUPERVISION, 1),
        (E.SAFEGUARDING, 0.1),
    ),
    Stage.COURT: (
        (E.HOME_VISIT, 1),
        (E.PHONE_CALL, 3),
        (E.EMAIL, 4),
        (E.NOTE, 3),
        (E.LETTER, 2),
        (E.ATTENDANCE, 2),
        (E.SUPERVISION, 1),
        (E.STATEMENT, 0.3),
        (E.COURT, 0.5),
        (E.SCHOOL_VISIT, 1),
        (E.SAFEGUARDING, 0.05),
    ),
    Stage.MONITORING: (
        (E.HOME_VISIT, 2),
        (E.PHONE_CALL, 3),
        (E.SCHOOL_VISIT, 3),
        (E.ATTENDANCE, 3),
        (E.REVIEW, 1),
        (E.EMAIL, 2),
        (E.NOTE, 2),
        (E.MEETING, 1),
        (E.SUPERVISION, 0.7),
        (E.SAFEGUARDING, 0.05),
    ),
}

AT_SCHOOL = frozenset({E.SCHOOL_VISIT, E.MEETING, E.ATTENDANCE})

RISKS_AT_ADDRESS: tuple[tuple[str, str, str, bool], ...] = (
    ("Dog", "low", "Dog on premises", False),
    ("Aggression", "high", "Previous aggression towards staff – visit in pairs", True),
    ("Lone working", "medium", "Lone working: call in before and after visit", False),
    ("Domestic abuse", "high", "Domestic abuse known – do not discuss in front of partner", False),
    ("Access", "low", "Ninth-floor flat; the lift is often out of order", False),
)
RISKS_ON_ADULT: tuple[tuple[str, str, str, bool], ...] = (
    ("Aggression", "high", "Threatened a previous officer – visit in pairs", True),
    ("Substance misuse", "medium", "Alcohol misuse reported – visit in the morning", False),
    (
        "Domestic abuse",
        "high",
        "Known perpetrator – do not discuss support services in front of him",
        False,
    ),
)


@dataclass(frozen=True)
class DemoResult:
    """Cases before and after; entries and marks are the totals now in the profile."""

    cases_before: int
    cases_after: int
    chronology_entries: int
    attendance_marks: int
    profile_officer_id: str


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


def _ensure_team(session: Session, seed: int, profile_officer_name: str) -> Team:
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


def _ensure_schools(session: Session, seed: int) -> list[SchoolInfo]:
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


# ----------------------------------------------------------------------------- families
def family_size(seed: int, family: int) -> int:
    rng = seeded(seed, "family-size", family)
    if rng.random() < 0.75:
        return 1
    return 2 if rng.random() < 0.7 else 3


def family_layout(seed: int, cases: int) -> list[tuple[int, int]]:
    """(family index, position in the family) of each case index below ``cases``."""
    layout: list[tuple[int, int]] = []
    family = 0
    while len(layout) < cases:
        layout += [(family, pos) for pos in range(family_size(seed, family))]
        family += 1
    return layout[:cases]


@dataclass(frozen=True)
class AdultPlan:
    id: str
    forename: str
    surname: str
    relationship: str
    parental_responsibility: bool
    phone: str
    language: str
    interpreter_needed: bool
    lives_with_child: bool
    sex: str

    @property
    def title_name(self) -> str:
        title = "Mr" if self.sex == "M" else "Ms"
        return f"{title} {self.surname}"

    @property
    def full_name(self) -> str:
        return f"{self.forename} {self.surname}"


@dataclass(frozen=True)
class MemberPlan:
    year: int  # 0 = Reception
    gender: str
    forename: str
    surname: str


@dataclass(frozen=True)
class FamilyPlan:
    index: int
    id: str
    name: str
    surname: str
    address_line1: str
    address_line2: str
    town: str
    postcode: str
    heritage: names.Heritage
    language: str
    adults: tuple[AdultPlan, ...]
    members: tuple[MemberPlan, ...]
    officer: int
    primary: int  # index into the schools list
    secondary: int
    all_through: bool
    child_protection: bool
    looked_after: bool
    risks: tuple[dict[str, Any], ...]


def _adult(
    rng: random.Random,
    heritage: names.Heritage,
    language: str,
    sex: str,
    surname: str,
    relationship: str,
    *,
    pr: bool = True,
    lives: bool = True,
) -> AdultPlan:
    pool = heritage.women if sex == "F" else heritage.men
    own_language = language if (sex == "F" or rng.random() < 0.5) else "English"
    return AdultPlan(
        id=new_uuid(rng),
        forename=rng.choice(pool),
        surname=surname,
        relationship=relationship,
        parental_responsibility=pr,
        phone=f"07700 900{rng.randrange(1000):03d}",
        language=own_language,
        interpreter_needed=own_language != "English" and rng.random() < 0.5,
        lives_with_child=lives,
        sex=sex,
    )


def family_plan(
    seed: int, index: int, size: int, schools: Sequence[SchoolInfo], today: dt.date
) -> FamilyPlan:
    rng = seeded(seed, "family", index)
    family_id = new_uuid(rng)
    heritage: names.Heritage = weighted(rng, [(h, h.weight) for h in names.HERITAGES])
    language: str = weighted(rng, heritage.languages)
    surname = rng.choice(heritage.surnames)
    town, district = rng.choice(names.AREAS)
    letters = names.POSTCODE_UNIT_LETTERS
    postcode = f"{district} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    if rng.random() < 0.15:
        line1 = f"Flat {rng.randint(1, 96)}, {rng.choice(names.BLOCKS)}"
        line2 = rng.choice(names.STREETS)
    else:
        line1 = f"{rng.randint(1, 180)} {rng.choice(names.STREETS)}"
        line2 = ""

    def other_surname() -> str:
        return rng.choice([s for s in heritage.surnames if s != surname] or [surname])

    mother_surname = surname
    if heritage.women_surnames and rng.random() < 0.4:
        mother_surname = rng.choice(heritage.women_surnames)
    looked_after = rng.random() < 0.03
    adults: list[AdultPlan] = []
    if looked_after:
        carer_surname = rng.choice(names.HERITAGES[0].surnames)
        adults.append(
            _adult(rng, names.HERITAGES[0], "English", "F", carer_surname, "foster carer", pr=False)
        )
        if rng.random() < 0.5:
            adults.append(
                _adult(
                    rng, names.HERITAGES[0], "English", "M", carer_surname, "foster carer", pr=False
                )
            )
        adults.append(_adult(rng, heritage, language, "F", mother_surname, "mother", lives=False))
    else:
        shape = rng.random()
        if shape < 0.40:
            adults.append(_adult(rng, heritage, language, "F", mother_surname, "mother"))
        elif shape < 0.70:
            adults.append(_adult(rng, heritage, language, "F", mother_surname, "mother"))
            adults.append(_adult(rng, heritage, language, "M", surname, "father"))
        elif shape < 0.82:
            adults.append(_adult(rng, heritage, language, "F", mother_surname, "mother"))
            adults.append(
                _adult(rng, heritage, language, "M", other_surname(), "stepfather", pr=False)
            )
            if rng.random() < 0.5:
                adults.append(_adult(rng, heritage, language, "M", surname, "father", lives=False))
        elif shape < 0.88:
            adults.append(_adult(rng, heritage, language, "M", surname, "father"))
        elif shape < 0.95:
            adults.append(_adult(rng, heritage, language, "F", mother_surname, "mother"))
            adults.append(
                _adult(rng, heritage, language, "F", other_surname(), "grandmother", pr=False)
            )
        else:
            adults.append(_adult(rng, heritage, language, "F", surname, "grandmother"))
            if rng.random() < 0.5:
                adults.append(_adult(rng, heritage, language, "M", surname, "grandfather"))
        if len(adults) < 3 and rng.random() < 0.05:
            adults.append(
                _adult(
                    rng, heritage, language, "F", other_surname(), "carer", pr=False, lives=False
                )
            )

    years: list[int] = []
    while len(years) < size:
        year = weighted(rng, list(zip(range(12), YEAR_WEIGHTS, strict=True)))
        if year not in years:
            years.append(year)
    members: list[MemberPlan] = []
    used: set[str] = set()
    for year in years:
        gender = rng.choice("MF")
        pool = [n for n in (heritage.boys if gender == "M" else heritage.girls) if n not in used]
        forename = rng.choice(pool)
        used.add(forename)
        child_surname = surname if rng.random() < 0.88 else other_surname()
        members.append(MemberPlan(year, gender, forename, child_surname))

    primaries = [n for n, s in enumerate(schools) if s.phase == "primary"]
    secondaries = [n for n, s in enumerate(schools) if s.phase == "secondary"]
    risks: list[dict[str, Any]] = []
    if rng.random() < 0.08:
        chosen = rng.sample(RISKS_AT_ADDRESS, rng.choice((1, 1, 2)))
        raised_days = rng.randint(30, 1100)
        for category, severity, description, pairs in chosen:
            risks.append(
                _risk(
                    rng,
                    family_id,
                    None,
                    category,
                    severity,
                    description,
                    pairs,
                    today - dt.timedelta(days=raised_days),
                )
            )
        men = [a for a in adults if a.sex == "M"]
        if men and rng.random() < 0.4:
            category, severity, description, pairs = rng.choice(RISKS_ON_ADULT)
            risks.append(
                _risk(
                    rng,
                    family_id,
                    rng.choice(men).id,
                    category,
                    severity,
                    description,
                    pairs,
                    today - dt.timedelta(days=raised_days),
                )
            )
    return FamilyPlan(
        index=index,
        id=family_id,
        name=f"{surname} family",
        surname=surname,
        address_line1=line1,
        address_line2=line2,
        town=town,
        postcode=postcode,
        heritage=heritage,
        language=language,
        adults=tuple(adults),
        members=tuple(members),
        officer=rng.randrange(6),
        primary=rng.choice(primaries),
        secondary=rng.choice(secondaries),
        all_through=rng.random() < 0.06,
        child_protection=rng.random() < 0.05,
        looked_after=looked_after,
        risks=tuple(risks),
    )


def _risk(
    rng: random.Random,
    family_id: str,
    adult_id: str | None,
    category: str,
    severity: str,
    description: str,
    pairs: bool,
    raised: dt.date,
) -> dict[str, Any]:
    return {
        "id": new_uuid(rng),
        "family_id": family_id,
        "adult_id": adult_id,
        "category": category,
        "severity": severity,
        "description": description,
        "two_officers_required": pairs,
        "raised_on": raised,
        "active": True,
    }


# ------------------------------------------------------------------------------ children
@dataclass(frozen=True)
class ChildPlan:
    index: int
    id: str
    upn: str
    forename: str
    surname: str
    gender: str
    year: int
    date_of_birth: dt.date
    school: SchoolInfo
    previous_school: SchoolInfo | None  # last school year's (None: not yet at school)
    sen: str
    child_protection_plan: bool
    looked_after: bool
    young_carer: bool
    eal: bool
    gypsy_roma_traveller: bool

    @property
    def year_label(self) -> str:
        return "Reception" if self.year == 0 else f"Year {self.year}"


def child_plan(
    seed: int,
    index: int,
    family: FamilyPlan,
    position: int,
    schools: Sequence[SchoolInfo],
    today: dt.date,
) -> ChildPlan:
    rng = seeded(seed, "child", index)
    member = family.members[position]
    start = school_year_start(today).year
    born_from = dt.date(start - 5 - member.year, 9, 1)
    born_to = dt.date(start - 4 - member.year, 8, 31)
    born = born_from + dt.timedelta(days=rng.randint(0, (born_to - born_from).days))
    roll = rng.random()
    sen = "ehcp" if roll < 0.04 else "sen_support" if roll < 0.19 else "none"
    specials = [s for s in schools if s.phase == "special"]
    aps = [s for s in schools if s.phase == "alternative provision"]
    through = [s for s in schools if s.phase == "all-through"]
    primary, secondary = schools[family.primary], schools[family.secondary]
    if family.all_through:
        primary = secondary = through[family.index % len(through)]
    school = primary if member.year <= 6 else secondary
    previous: SchoolInfo | None = primary if member.year <= 7 else secondary
    if sen == "ehcp" and rng.random() < 0.5:
        school = previous = rng.choice(specials)
    elif member.year >= 8 and rng.random() < 0.05:
        school = rng.choice(aps)
    if member.year == 0:
        previous = None
    if family.language != "English":
        eal = rng.random() < 0.95
    else:
        eal = rng.random() < family.heritage.eal_if_english
    return ChildPlan(
        index=index,
        id=new_uuid(rng),
        upn=make_upn(index, seed, start - member.year),
        forename=member.forename,
        surname=member.surname,
        gender=member.gender,
        year=member.year,
        date_of_birth=born,
        school=school,
        previous_school=previous,
        sen=sen,
        child_protection_plan=family.child_protection or rng.random() < 0.005,
        looked_after=family.looked_after,
        young_carer=rng.random() < 0.04,
        eal=eal,
        gypsy_roma_traveller=family.heritage.traveller,
    )


# ----------------------------------------------------------------------------- registers
@dataclass
class Register:
    """A child's marks in order, with running totals for figures as at any date."""

    marks: list[tuple[dt.date, str, str, str]]  # (date, AM|PM, code, school URN)
    dates: list[dt.date] = field(init=False)
    possible: list[int] = field(init=False)
    present: list[int] = field(init=False)
    unauthorised: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.dates = [m[0] for m in self.marks]
        possible, present, unauth = [0], [0], [0]
        p = a = u = 0
        for _, _, code, _ in self.marks:
            if code not in NOT_POSSIBLE:
                p += 1
                if code in PRESENT:
                    a += 1
                elif code in UNAUTHORISED:
                    u += 1
            possible.append(p)
            present.append(a)
            unauth.append(u)
        self.possible, self.present, self.unauthorised = possible, present, unauth

    def figures(self, before: dt.date) -> tuple[dt.date, int, int, int]:
        """(since, sessions possible, present, unauthorised) from the start of the school
        year of ``before`` (or of the one before, early in the year) up to ``before``."""
        end = bisect.bisect_left(self.dates, before)
        since = school_year_start(before)
        lo = bisect.bisect_left(self.dates, since)
        if self.possible[end] - self.possible[lo] < 30:
            since = dt.date(since.year - 1, 9, 1)
            lo = bisect.bisect_left(self.dates, since)
        return (
            since,
            self.possible[end] - self.possible[lo],
            self.present[end] - self.present[lo],
            self.unauthorised[end] - self.unauthorised[lo],
        )


PATTERNS: tuple[tuple[str, float], ...] = (
    ("steady", 0.14),
    ("declining", 0.20),
    ("persistent", 0.26),
    ("severe", 0.10),
    ("monday_friday", 0.15),
    ("improving", 0.15),
)


def register_for(
    seed: int,
    child: ChildPlan,
    days: Sequence[tuple[dt.date, bool]],
    current_start: dt.date,
    referral: dt.date,
) -> Register:
    """The child's AM and PM marks on every register day."""
    rng = seeded(seed, "marks", child.index)
    pattern: str = weighted(rng, PATTERNS)
    if pattern == "steady":
        base_from = base_to = rng.uniform(0.02, 0.05)
    elif pattern == "declining":
        base_from, base_to = rng.uniform(0.02, 0.06), rng.uniform(0.22, 0.42)
    elif pattern == "persistent":
        base_from = base_to = rng.uniform(0.09, 0.14)
    elif pattern == "severe":
        base_from = base_to = rng.uniform(0.5, 0.72)
    elif pattern == "monday_friday":
        base_from = base_to = rng.uniform(0.03, 0.06)
    else:  # improving after the referral
        base_from, base_to = rng.uniform(0.18, 0.3), rng.uniform(0.04, 0.08)
    monday_friday = rng.uniform(0.3, 0.5) if pattern == "monday_friday" else 0.0
    authorised_share = rng.uniform(0.1, 0.3) if pattern == "severe" else rng.uniform(0.25, 0.6)
    late_rate = rng.choice((0.0, 0.01, 0.02, 0.05, 0.1, 0.15))
    first = 0
    if child.previous_school is None:
        first = bisect.bisect_left(days, (current_start, False))
    own_days = days[first:]
    count = len(own_days)
    codes: list[list[str]] = [["", ""] for _ in range(count)]

    def block(length: int, code: str, session: int | None = None) -> None:
        if count <= length:
            return
        at = rng.randrange(count - length)
        for n in range(at, at + length):
            if session is None:
                codes[n][0] = codes[n][1] = code
            else:
                codes[n][session] = code

    if rng.random() < 0.15:
        block(rng.randint(5, 10), "G")  # a holiday in term time
    if child.gypsy_roma_traveller and rng.random() < 0.5:
        block(rng.randint(8, 20), "T")
    if child.sen == "ehcp" and rng.random() < 0.3:
        block(rng.randint(15, 40), "C2", 1)  # a reduced timetable: mornings only
    if child.year >= 7 and rng.random() < 0.08:
        block(rng.randint(1, 3), "E")
    recent = max(0, count - 8)  # unexplained absences of the last days are still N
    illness = 0
    referral_at = bisect.bisect_left(own_days, (referral, False))
    for n, (day, inset) in enumerate(own_days):
        am_pm = codes[n]
        if inset:
            am_pm[0] = am_pm[1] = "#"
            continue
        if am_pm[0] and am_pm[1]:
            continue
        if illness > 0:
            illness -= 1
            am_pm[0] = am_pm[0] or "I"
            am_pm[1] = am_pm[1] or "I"
            continue
        if rng.random() < 0.01:
            illness = rng.randint(1, 3)
            am_pm[0] = am_pm[0] or "I"
            am_pm[1] = am_pm[1] or "I"
            continue
        if pattern == "improving":
            rate = base_from if n < referral_at else base_to
        else:
            rate = base_from + (base_to - base_from) * n / count
        if monday_friday and day.weekday() in (0, 4):
            rate += monday_friday
        roll = rng.random()
        if roll < rate:
            if rng.random() < authorised_share:
                code = "I" if rng.random() < 0.85 else "M"
            else:
                code = "N" if n >= recent else "O"  # older N were followed up
            if rng.random() < 0.12:  # half a day
                am_pm[0] = am_pm[0] or "/"
                am_pm[1] = am_pm[1] or code
            else:
                am_pm[0] = am_pm[0] or code
                am_pm[1] = am_pm[1] or code
            continue
        if not am_pm[0]:
            late = rng.random()
            if late < late_rate:
                am_pm[0] = "U" if rng.random() < 0.15 else "L"
            elif late < late_rate + 0.01:
                am_pm[0] = "M"
            else:
                am_pm[0] = "/"
        if not am_pm[1]:
            am_pm[1] = "V" if rng.random() < 0.004 else "\\"
    marks: list[tuple[dt.date, str, str, str]] = []
    previous_urn = (child.previous_school or child.school).urn
    for (day, _), (am, pm) in zip(own_days, codes, strict=True):
        urn = child.school.urn if day >= current_start else previous_urn
        marks.append((day, "AM", am, urn))
        marks.append((day, "PM", pm, urn))
    return Register(marks)


# --------------------------------------------------------------------------------- cases
@dataclass(frozen=True)
class Event:
    day: dt.date
    minute: int
    entry_type: EntryType
    phase: Stage
    variant: str = ""


@dataclass
class CaseContext:
    index: int
    case_id: str
    child: ChildPlan
    family: FamilyPlan
    officer: Person
    team: Team
    stage: Stage
    referral_date: dt.date
    closed_on: dt.date | None
    closure_reason: str
    register: Register
    facts: dict[str, str]
    siblings: str
    id_prefix: int


def stage_for(seed: int, index: int) -> Stage:
    """Stages spread evenly over consecutive cases (a golden-ratio sequence), so that any
    run of cases has about the intended mix; case 0 is always at court."""
    if index == 0:
        return Stage.COURT
    offset = seeded(seed, "stages").random()
    roll = (offset + index * 0.6180339887498949) % 1.0
    for stage, weight in STAGE_WEIGHTS:
        roll -= weight
        if roll < 0:
            return stage
    return Stage.SUPPORT


def _base_facts(
    child: ChildPlan,
    family: FamilyPlan,
    officer: Person,
    team: Team,
    rng: random.Random,
    siblings: str,
) -> dict[str, str]:
    he, his, him = ("he", "his", "him") if child.gender == "M" else ("she", "her", "her")
    main = next((a for a in family.adults if a.lives_with_child), family.adults[0])
    others = [a for a in family.adults if a is not main]
    other = others[0].title_name if others else f"{child.forename}'s grandad"
    second = rng.choice([p for p in team.officers if p.id != officer.id])
    staff = rng.sample(names.STAFF_NAMES, 2)
    language = next((a.language for a in family.adults if a.language != "English"), "English")
    address = family.address_line1 + (f", {family.address_line2}" if family.address_line2 else "")
    return {
        "c": child.forename,
        "cfull": f"{child.forename} {child.surname}",
        "he": he,
        "his": his,
        "him": him,
        "yr": child.year_label,
        "p": main.title_name,
        "pfull": main.full_name,
        "pp": "he" if main.sex == "M" else "she",
        "pp_cap": "He" if main.sex == "M" else "She",
        "pp_obj": "him" if main.sex == "M" else "her",
        "o": other,
        "lang": language,
        "sib": siblings,
        "officer": officer.name,
        "initials": officer.initials,
        "sup": team.supervisor.name,
        "court_officer": team.court_officer.name,
        "second": second.name,
        "addr": address,
        "court": names.COURT_NAME,
        "staff_a": staff[0],
        "staff_b": staff[1],
    }


def _working_days(first: dt.date, last: dt.date) -> list[dt.date]:
    days: list[dt.date] = []
    day = first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += ONE_DAY
    return days


def _phases(
    rng: random.Random, path: Sequence[Stage], referral: dt.date, end: dt.date
) -> list[tuple[Stage, dt.date, dt.date]]:
    """Each stage the case went through, with its first and last day."""
    if len(path) == 1:
        return [(path[0], referral, end)]
    allocated = referral + dt.timedelta(days=rng.randint(1, 4))
    while allocated.weekday() >= 5:
        allocated += ONE_DAY
    allocated = min(allocated, end)
    phases = [(path[0], referral, allocated)]
    later = path[1:]
    weights = [PHASE_WEIGHT[s] * rng.uniform(0.6, 1.4) for s in later]
    span = (end - allocated).days
    total = sum(weights)
    start = allocated
    running = 0.0
    for n, (stage, weight) in enumerate(zip(later, weights, strict=True)):
        running += weight
        stop = (
            end
            if n == len(later) - 1
            else allocated + dt.timedelta(days=int(span * running / total))
        )
        stop = _weekday_near(max(start, stop), start, end)
        phases.append((stage, start, stop))
        start = stop
    return phases


def _weekday_near(day: dt.date, first: dt.date, last: dt.date) -> dt.date:
    """The nearest weekday to ``day`` within ``first``..``last`` (``day`` if there is none)."""
    for step in (-1, 1):
        probe = day
        while first <= probe <= last:
            if probe.weekday() < 5:
                return probe
            probe += dt.timedelta(days=step)
    return day


def _mandatory(
    rng: random.Random,
    phases: Sequence[tuple[Stage, dt.date, dt.date]],
    final_stage: Stage,
    closed_on: dt.date | None,
) -> list[Event]:
    events: list[Event] = []

    def at(
        phase: Stage,
        first: dt.date,
        last: dt.date,
        share_from: float,
        share_to: float,
        entry_type: EntryType,
        variant: str = "",
        minute: int | None = None,
    ) -> None:
        span = (last - first).days
        day = _weekday_near(
            first + dt.timedelta(days=int(span * rng.uniform(share_from, share_to))), first, last
        )
        events.append(
            Event(
                day,
                minute if minute is not None else rng.randint(600, 955),
                entry_type,
                phase,
                variant,
            )
        )

    previous = Stage.REFERRAL
    for stage, first, last in phases:
        if stage == Stage.REFERRAL:
            events.append(Event(first, rng.randint(510, 555), E.REFERRAL, stage))
        elif stage == Stage.ALLOCATED:
            events.append(Event(first, rng.randint(560, 595), E.ALLOCATION, stage))
        else:
            at(stage, first, first, 0, 0, E.STAGE_CHANGE, f"{previous}>{stage}")
        if stage == Stage.ASSESSMENT:
            at(stage, first, last, 0.6, 1.0, E.ASSESSMENT)
        elif stage == Stage.SUPPORT:
            at(stage, first, last, 0.0, 0.15, E.PLAN)
            for n in range(1, (last - first).days // 42 + 1):
                at(
                    stage,
                    first,
                    last,
                    min(1.0, n * 42 / max(1, (last - first).days)),
                    min(1.0, n * 42 / max(1, (last - first).days)),
                    E.REVIEW,
                )
        elif stage == Stage.FORMAL:
            at(stage, first, last, 0.0, 0.05, E.SUPERVISION, "nti")
            at(stage, first, last, 0.05, 0.2, E.LETTER, "nti")
            at(stage, first, last, 0.2, 0.5, E.MEETING, "contract")
        elif stage == Stage.LEGAL:
            at(stage, first, last, 0.0, 0.05, E.SUPERVISION, "legal")
            if rng.random() < 0.6 or final_stage == Stage.LEGAL:
                at(stage, first, last, 0.05, 0.15, E.PENALTY_NOTICE, "issued")
                if rng.random() < 0.4:
                    at(stage, first, last, 0.2, 0.3, E.PENALTY_NOTICE, "paid")
            if final_stage != Stage.LEGAL or rng.random() < 0.8:
                at(stage, first, last, 0.3, 0.5, E.LETTER, "interview")
                at(stage, first, last, 0.5, 0.8, E.INTERVIEW)
        elif stage == Stage.COURT:
            at(stage, first, last, 0.0, 0.2, E.STATEMENT)
            at(stage, first, last, 0.1, 0.3, E.COURT, "laid")
            if final_stage != Stage.COURT:
                at(stage, first, last, 0.8, 1.0, E.COURT, "outcome")
        elif stage == Stage.MONITORING:
            at(stage, first, last, 0.3, 0.9, E.REVIEW)
        previous = stage
    if closed_on is not None:
        events.append(Event(closed_on, rng.randint(960, 1030), E.CLOSURE, final_stage))
    # The Notice to Improve and the penalty notices are made through the real workflow
    # (demo/penalty_notices.py), with their letters; the draws above stay, so that the rest
    # of every case is as it was.
    return [e for e in events if not _made_by_the_workflow(e)]


def _made_by_the_workflow(event: Event) -> bool:
    return event.entry_type == E.PENALTY_NOTICE or (
        event.entry_type == E.LETTER and event.variant == "nti"
    )


def _write(
    rng: random.Random, ctx: CaseContext, event: Event, facts: dict[str, str]
) -> prose.Written:
    t = event.entry_type
    if t == E.REFERRAL:
        return prose.referral(rng, facts)
    if t == E.ALLOCATION:
        return prose.allocation(rng, facts)
    if t == E.HOME_VISIT:
        return prose.home_visit(rng, facts)
    if t == E.PHONE_CALL:
        return prose.phone_call(rng, facts)
    if t == E.SCHOOL_VISIT:
        return prose.school_visit(rng, facts)
    if t == E.MEETING:
        if event.variant == "contract":
            return prose.Written(
                "Attendance contract meeting",
                f"Attendance contract agreed with {facts['p']} at {facts['school']}: "
                f"{facts['c']} to attend every day and arrive by 08:40; school to provide a "
                f"morning check-in. Review on {facts['nextdate']}.",
            )
        return prose.meeting(rng, facts)
    if t == E.EMAIL:
        return prose.email(rng, facts)
    if t == E.LETTER:
        if event.variant == "nti":
            title, body = prose.FORMAL_LETTERS[0]
            return prose.Written(title, body.format(**facts))
        if event.variant == "interview":
            title, body = prose.LEGAL_LETTERS[0]
            return prose.Written(title, body.format(**facts))
        return prose.letter(rng, facts, event.phase.value)
    if t == E.NOTE:
        return prose.note(rng, facts)
    if t == E.ASSESSMENT:
        return prose.assessment(rng, facts)
    if t == E.PLAN:
        return prose.plan(rng, facts)
    if t == E.REVIEW:
        return prose.review(rng, facts)
    if t == E.SAFEGUARDING:
        return prose.safeguarding(rng, facts)
    if t == E.ATTENDANCE:
        return prose.attendance(rng, facts)
    if t == E.PENALTY_NOTICE:
        return prose.penalty_notice(rng, facts, issued=event.variant == "issued")
    if t == E.INTERVIEW:
        return prose.interview(rng, facts)
    if t == E.STATEMENT:
        return prose.statement(rng, facts)
    if t == E.COURT:
        return prose.court(rng, facts, event.variant)
    if t == E.SUPERVISION:
        if event.variant == "nti":
            body = prose.SUPERVISION[prose.SUPERVISION_NTI].format(**facts)
            return prose.Written("Supervision", body)
        if event.variant == "legal":
            body = prose.SUPERVISION[prose.SUPERVISION_LEGAL].format(**facts)
            return prose.Written("Supervision", body)
        return prose.supervision(rng, facts, event.phase.value)
    if t == E.STAGE_CHANGE:
        old, new = event.variant.split(">")
        return prose.stage_change(rng, facts, old, new)
    if t == E.CLOSURE:
        return prose.closure(rng, facts, ctx.closure_reason)
    return prose.note(rng, facts)


def _chronology(seed: int, ctx: CaseContext, today: dt.date, target: int) -> list[dict[str, Any]]:
    rng = seeded(seed, "chronology", ctx.index)
    horizon = today - ONE_DAY
    end = ctx.closed_on or horizon
    if ctx.stage == Stage.CLOSED:
        reached: Stage = weighted(rng, CLOSED_FROM)
        path = OPEN_PATH[: OPEN_PATH.index(reached) + 1]
        if reached == Stage.MONITORING:
            path = OPEN_PATH  # through court to monitoring
    else:
        path = OPEN_PATH[: OPEN_PATH.index(ctx.stage) + 1]
    phases = _phases(rng, path, ctx.referral_date, end)
    events = _mandatory(
        rng, phases, ctx.stage if ctx.stage != Stage.CLOSED else path[-1], ctx.closed_on
    )
    amend = len(events) + 3 < target and rng.random() < (0.04 if ctx.index else 1.0)
    mandatory = len(events)
    fillers = max(0, target - mandatory)
    allocated_day = phases[1][1] if len(phases) > 1 else None
    working = _working_days(ctx.referral_date, end) or [ctx.referral_date]
    filler_phases = [p for p in phases if p[0] != Stage.REFERRAL] or phases
    lengths = [(p[2] - p[1]).days + 1 for p in filler_phases]
    for _ in range(fillers):
        stage, first, last = rng.choices(filler_phases, weights=lengths)[0]
        lo = bisect.bisect_left(working, first)
        hi = bisect.bisect_right(working, last)
        day = working[rng.randrange(lo, hi)] if hi > lo else first
        earliest = 600 if day in (allocated_day, ctx.referral_date) else 510
        entry_type: EntryType = weighted(rng, FILLERS[stage])
        if entry_type in AT_SCHOOL and not terms.is_session_day(day):
            entry_type = weighted(rng, [f for f in FILLERS[stage] if f[0] not in AT_SCHOOL])
        events.append(Event(day, rng.randint(earliest, 955), entry_type, stage, "filler"))
    events.sort(key=lambda e: (e.day, e.minute, e.entry_type != E.REFERRAL))

    facts_base = ctx.facts
    staff = (facts_base["staff_a"], "attendance lead"), (facts_base["staff_b"], None)
    rows: list[ChronologyEntry] = []
    filler_rows: list[int] = []
    signed_before = uk_time(today - dt.timedelta(days=2), 0)
    for event in events:
        occurred = uk_time(event.day, event.minute)
        since, possible, present, unauth = ctx.register.figures(event.day)
        pct = 100.0 * present / possible if possible else 100.0
        staff_name, staff_role = staff[rng.random() < 0.4]
        profrole, prof = prose.professional(rng)
        facts = dict(facts_base)
        facts.update(
            time=f"{event.minute // 60:02d}:{event.minute % 60:02d}",
            end=f"{(event.minute + 50) // 60:02d}:{(event.minute + 50) % 60:02d}",
            date=day_month(event.day),
            nextdate=day_month(event.day + dt.timedelta(days=rng.randint(7, 21))),
            since=long_date(since),
            pct=f"{pct:.1f}",
            poss=str(possible),
            miss=str(possible - present),
            unauth=str(unauth),
            staff=staff_name,
            staffrole=staff_role or rng.choice(names.SCHOOL_STAFF_ROLES),
            profrole=profrole,
            prof=prof,
            school=_school_on(ctx.child, event.day, today).name,
            interp=f" and a {facts_base['lang']} interpreter"
            if facts_base["lang"] != "English"
            else "",
        )
        facts["worry"] = prose.worry(rng, facts)
        written = _write(rng, ctx, event, facts)
        author = ctx.team.supervisor.id if event.entry_type == E.SUPERVISION else ctx.officer.id
        delay = rng.randint(10, 150) if event.entry_type == E.HOME_VISIT else rng.randint(1, 25)
        recorded = occurred + dt.timedelta(minutes=delay)
        signed = occurred < signed_before
        if event.variant == "filler":
            filler_rows.append(len(rows))
        rows.append(
            ChronologyEntry(
                id=ordered_id(ctx.id_prefix, ctx.index, 2, len(rows)),
                case_id=ctx.case_id,
                entry_type=event.entry_type.value,
                occurred_at=occurred,
                recorded_at=recorded,
                author_id=author,
                title=written.title[:200],
                body=written.body,
                amends_id=None,
                amend_reason="",
                signed_at=recorded + dt.timedelta(minutes=rng.randint(1, 30)) if signed else None,
                signed_by=author if signed else None,
                chain_seq=None,
                prev_hash=None,
                content_hash=None,
            )
        )
    if amend:
        _add_amendment(rng, ctx, rows, filler_rows, end, signed_before)
    rows.sort(key=lambda r: r.occurred_at)
    signed_rows = sorted(
        (r for r in rows if r.signed_at is not None), key=lambda r: r.signed_at or r.occurred_at
    )
    seal_new_chain(signed_rows)
    return [
        {
            "id": r.id,
            "case_id": r.case_id,
            "entry_type": r.entry_type,
            "occurred_at": r.occurred_at,
            "recorded_at": r.recorded_at,
            "author_id": r.author_id,
            "title": r.title,
            "body": r.body,
            "amends_id": r.amends_id,
            "amend_reason": r.amend_reason,
            "signed_at": r.signed_at,
            "signed_by": r.signed_by,
            "chain_seq": r.chain_seq,
            "prev_hash": r.prev_hash,
            "content_hash": r.content_hash,
        }
        for r in rows
    ]


def _add_amendment(
    rng: random.Random,
    ctx: CaseContext,
    rows: list[ChronologyEntry],
    filler_rows: list[int],
    end: dt.date,
    signed_before: dt.datetime,
) -> None:
    """Add a signed correction of an earlier signed visit or call, in the place of one filler
    entry (so the case keeps its number of entries)."""
    latest = min(uk_time(end, 0), signed_before) - dt.timedelta(days=5)
    candidates = [
        r
        for r in rows
        if r.entry_type in (E.HOME_VISIT.value, E.PHONE_CALL.value)
        and r.signed_at is not None
        and r.occurred_at < latest
    ]
    if not candidates:
        return
    original = rng.choice(candidates)
    spare = [n for n in filler_rows if rows[n] is not original]
    if not spare:
        return
    del rows[rng.choice(spare)]
    day = original.occurred_at.astimezone(UK).date() + dt.timedelta(days=rng.randint(1, 3))
    while day.weekday() >= 5:
        day += ONE_DAY
    minute = rng.randint(540, 955)
    occurred = uk_time(day, minute)
    recorded = occurred + dt.timedelta(minutes=rng.randint(1, 10))
    facts = dict(ctx.facts)
    original_local = original.occurred_at.astimezone(UK)
    corrected = original_local + dt.timedelta(minutes=rng.choice((-40, -25, 20, 35, 50)))
    facts.update(
        time=clock(corrected),
        date=day_month(original_local.date()),
        what="visit" if original.entry_type == E.HOME_VISIT.value else "call",
    )
    reason = prose.amendment_reason(rng, facts)
    author = ctx.officer.id
    rows.append(
        ChronologyEntry(
            id=ordered_id(ctx.id_prefix, ctx.index, 2, 1000 + len(rows)),
            case_id=ctx.case_id,
            entry_type=original.entry_type,
            occurred_at=occurred,
            recorded_at=recorded,
            author_id=author,
            title=amendment_title(original.title),
            body=f"Correction to the entry of {day_month(original_local.date())}: {reason}. "
            "The original entry stands as recorded.",
            amends_id=original.id,
            amend_reason=reason,
            signed_at=recorded + dt.timedelta(minutes=rng.randint(1, 20)),
            signed_by=author,
            chain_seq=None,
            prev_hash=None,
            content_hash=None,
        )
    )


def _school_on(child: ChildPlan, day: dt.date, today: dt.date) -> SchoolInfo:
    if day < school_year_start(today) and child.previous_school:
        return child.previous_school
    return child.school


def _referral_date(rng: random.Random, stage: Stage, today: dt.date, earliest: dt.date) -> dt.date:
    low, high = REFERRED_DAYS_AGO[stage]
    day = today - dt.timedelta(days=rng.randint(low, high))
    day = max(day, earliest)
    day = terms.previous_session_day(day) if day > earliest else day
    while day.weekday() >= 5:
        day += ONE_DAY
    return min(day, today - ONE_DAY)


def _due(rng: random.Random, today: dt.date) -> dt.date:
    roll = rng.random()
    if roll < 0.15:
        return today - dt.timedelta(days=rng.randint(1, 21))
    if roll < 0.40:
        friday = today + dt.timedelta(days=max(0, 4 - today.weekday()))
        return today + dt.timedelta(days=rng.randint(0, (friday - today).days))
    return today + dt.timedelta(days=rng.randint(7, 45))


# ------------------------------------------------------------------------------- writing
class _Writer:
    """Buffers rows and writes them in chunks, parents before children."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.cases: list[dict[str, Any]] = []
        self.entries: list[dict[str, Any]] = []
        self.marks: list[dict[str, Any]] = []

    def _insert(self, model: type[Any], rows: list[dict[str, Any]]) -> None:
        if rows:
            bulk_insert(self.session, model, rows)
            rows.clear()

    def add_case(
        self, case: dict[str, Any], entries: list[dict[str, Any]], marks: list[dict[str, Any]]
    ) -> None:
        self.cases.append(case)
        self.entries += entries
        self.marks += marks
        if len(self.marks) >= MARKS_CHUNK:
            self._insert(AttendanceMark, self.marks)
        if len(self.entries) >= ENTRIES_CHUNK:
            self.flush_cases()

    def flush_cases(self) -> None:
        self._insert(Case, self.cases)
        self._insert(ChronologyEntry, self.entries)

    def flush(self) -> None:
        self.flush_cases()
        self._insert(AttendanceMark, self.marks)


def _mark_rows(prefix: int, child: ChildPlan, register: Register) -> list[dict[str, Any]]:
    child_id = child.id
    index = child.index
    rows = []
    for seq, (day, session, code, urn) in enumerate(register.marks):
        code_set = code_set_on(day)
        if code_set == "2006":
            code = CODES_2006.get(code, code)
        rows.append(
            {
                "id": ordered_id(prefix, index, 1, seq),
                "child_id": child_id,
                "date": day,
                "session": session,
                "code": code,
                "code_set": code_set,
                "school_urn": urn,
                "source_import": "demo",
            }
        )
    return rows


def _count(session: Session, model: type[Any]) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def populate(
    session: Session,
    *,
    cases: int,
    seed: int = 1,
    today: dt.date,
    profile_officer_name: str = DEMO_OFFICER_NAME,
) -> DemoResult:
    """Create, or top up to, ``cases`` demo cases in the profile (never removes any).

    Run inside a writer transaction with ``session.info["untracked"] = True``.
    """
    team = _ensure_team(session, seed, profile_officer_name)
    schools = _ensure_schools(session, seed)
    before = _count(session, Case)
    if before < cases:
        _add_cases(session, seed, today, team, schools, range(before, cases))
        from officer_app.demo.field_work import add_field_work  # it builds on this module

        added = range(before, cases)
        add_field_work(session, seed=seed, today=today, team=team, schools=schools, indexes=added)
        refresh_totals(session.connection(), None)
    return DemoResult(
        cases_before=before,
        cases_after=_count(session, Case),
        chronology_entries=_count(session, ChronologyEntry),
        attendance_marks=_count(session, AttendanceMark),
        profile_officer_id=team.officers[0].id,
    )


def _add_cases(
    session: Session,
    seed: int,
    today: dt.date,
    team: Team,
    schools: Sequence[SchoolInfo],
    indexes: range,
) -> None:
    layout = family_layout(seed, indexes.stop)
    current_start = school_year_start(today)
    marks_start = dt.date(current_start.year - 1, 9, 1)
    days = terms.register_days(marks_start, today - ONE_DAY)
    plans: dict[int, FamilyPlan] = {}

    def plan_of(family_index: int) -> FamilyPlan:
        if family_index not in plans:
            plans[family_index] = family_plan(
                seed, family_index, family_size(seed, family_index), schools, today
            )
        return plans[family_index]

    # Families, adults, risks and children first: small tables, one insert each.
    families: list[dict[str, Any]] = []
    adults: list[dict[str, Any]] = []
    risks: list[dict[str, Any]] = []
    children: list[ChildPlan] = []
    for index in indexes:
        family_index, position = layout[index]
        family = plan_of(family_index)
        if position == 0:  # the family arrived with its first case
            families.append(
                {
                    "id": family.id,
                    "name": family.name,
                    "address_line1": family.address_line1,
                    "address_line2": family.address_line2,
                    "town": family.town,
                    "postcode": family.postcode,
                }
            )
            adults += [
                {
                    "id": a.id,
                    "family_id": family.id,
                    "forename": a.forename,
                    "surname": a.surname,
                    "relationship_to_child": a.relationship,
                    "parental_responsibility": a.parental_responsibility,
                    "phone": a.phone,
                    "language": a.language,
                    "interpreter_needed": a.interpreter_needed,
                    "lives_with_child": a.lives_with_child,
                }
                for a in family.adults
            ]
            risks += list(family.risks)
        children.append(child_plan(seed, index, family, position, schools, today))
    for model, rows in ((Family, families), (Adult, adults), (RiskFlag, risks)):
        bulk_insert(session, model, rows)
    bulk_insert(
        session,
        Child,
        [
            {
                "id": c.id,
                "upn": c.upn,
                "forename": c.forename,
                "surname": c.surname,
                "date_of_birth": c.date_of_birth,
                "gender": c.gender,
                "year_group": YEAR_GROUPS[c.year],
                "school_id": c.school.id,
                "family_id": plan_of(layout[c.index][0]).id,
                "sen": c.sen,
                "child_protection_plan": c.child_protection_plan,
                "looked_after": c.looked_after,
                "young_carer": c.young_carer,
                "eal": c.eal,
                "gypsy_roma_traveller": c.gypsy_roma_traveller,
            }
            for c in children
        ],
    )

    writer = _Writer(session)
    for child in children:
        family = plan_of(layout[child.index][0])
        writer.add_case(*_case_rows(seed, child, family, layout, team, today, days, current_start))
    writer.flush()


def _siblings_text(
    child: ChildPlan,
    family: FamilyPlan,
    layout: Sequence[tuple[int, int]],
) -> str:
    position = layout[child.index][1]
    others = [m for n, m in enumerate(family.members) if n != position]
    if not others:
        return ""
    member = others[0]
    label = "Reception" if member.year == 0 else f"Year {member.year}"
    return f"{member.forename} ({label})"


def _case_rows(
    seed: int,
    child: ChildPlan,
    family: FamilyPlan,
    layout: Sequence[tuple[int, int]],
    team: Team,
    today: dt.date,
    days: Sequence[tuple[dt.date, bool]],
    current_start: dt.date,
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    rng = seeded(seed, "case", child.index)
    case_id = new_uuid(rng)
    stage = stage_for(seed, child.index)
    marks_start = days[0][0] if days else current_start
    own_start = marks_start if child.previous_school is not None else current_start
    referral = _referral_date(rng, stage, today, own_start + dt.timedelta(days=35))
    closed_on: dt.date | None = None
    closure_reason = ""
    if stage == Stage.CLOSED:
        span = max(0, (today - referral).days - 46)
        closed_on = referral + dt.timedelta(days=45 + rng.randint(0, span))
        while closed_on.weekday() >= 5:
            closed_on -= ONE_DAY
        closed_on = min(max(closed_on, referral), today - ONE_DAY)
        closure_reason = rng.choice(prose.CLOSURE_REASONS)
    id_prefix = seeded(seed, "ids").getrandbits(32)
    register = register_for(seed, child, days, current_start, referral)
    officer = team.officers[family.officer]
    siblings = _siblings_text(child, family, layout)
    facts = _base_facts(child, family, officer, team, rng, siblings)
    ctx = CaseContext(
        index=child.index,
        case_id=case_id,
        child=child,
        family=family,
        officer=officer,
        team=team,
        stage=stage,
        referral_date=referral,
        closed_on=closed_on,
        closure_reason=closure_reason,
        register=register,
        facts=facts,
        siblings=siblings,
        id_prefix=id_prefix,
    )
    since, possible, present, unauth = register.figures(referral)
    referring_school = _school_on(child, referral, today)
    figure_facts = dict(
        facts,
        pct=f"{100.0 * present / possible if possible else 100.0:.1f}",
        poss=str(possible),
        miss=str(possible - present),
        unauth=str(unauth),
        since=long_date(since),
        school=referring_school.name,
        staff=facts["staff_a"],
        date=day_month(referral - dt.timedelta(days=rng.randint(14, 40))),
    )
    low, high = ENTRY_COUNTS[stage]
    target = CASE_ZERO_ENTRIES if child.index == 0 else rng.randint(low, high)
    case_row = {
        "id": case_id,
        "reference": f"ATT-{referral.year}-{child.index + 1:05d}",
        "child_id": child.id,
        "officer_id": officer.id,
        "stage": stage.value,
        "status": "closed" if stage == Stage.CLOSED else "open",
        "referral_date": referral,
        "referral_source": f"{referring_school.name} attendance lead"[:120],
        "referral_reason": prose.referral_reason(rng, figure_facts),
        "next_action": "" if closed_on else prose.next_action(rng, stage.value, facts)[:200],
        "next_action_due": None if closed_on else _due(rng, today),
        "closed_on": closed_on,
        "closure_reason": closure_reason,
        "version": 1,
    }
    entries = _chronology(seed, ctx, today, target)
    return case_row, entries, _mark_rows(id_prefix, child, register)


def outbox_high_water(session: Session) -> int:
    """The last outbox sequence number now (0 when empty)."""
    return int(session.scalar(select(func.max(OutboxMutation.device_seq))) or 0)


def as_already_synced(session: Session, after: int) -> int:
    """Mark the outbox entries made after ``after`` as synced: the demo's records, replayed
    through the real services, are synthetic history, like ``populate``'s untracked rows."""
    done = session.execute(
        update(OutboxMutation)
        .where(OutboxMutation.device_seq > after, OutboxMutation.state == "pending")
        .values(state="synced")
    )
    return int(getattr(done, "rowcount", 0) or 0)
