"""The demo's families and children: who lives with whom, their names, address, risks, schools
and year groups, each drawn from its own seeded generator."""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from officer_app.demo import names
from officer_app.demo.common import (
    new_uuid,
    seeded,
    weighted,
)
from officer_app.demo.interview_cases import interpreter_case
from officer_app.demo.team import SchoolInfo, make_upn
from officer_app.domain.school_year import school_year_start

YEAR_GROUPS = ("R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")
YEAR_WEIGHTS = (1, 3, 4, 5, 5, 6, 6, 8, 11, 13, 14, 12)

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
    # schema 0009, drawn from their own generator (``_personal_details``) after the rest
    date_of_birth: dt.date | None = None  # known for the adults with parental responsibility
    vulnerable: bool = False  # PACE Code C 1.4: needs an appropriate adult in interview

    @property
    def title_name(self) -> str:
        title = "Mr" if self.sex == "M" else "Ms"
        return f"{title} {self.surname}"

    @property
    def full_name(self) -> str:
        return f"{self.forename} {self.surname}"

    def facts(self) -> dict[str, str]:
        """The prose placeholders for this parent: names and pronouns."""
        male = self.sex == "M"
        return {
            "p": self.title_name,
            "pfull": self.full_name,
            "pp": "he" if male else "she",
            "pp_cap": "He" if male else "She",
            "pp_obj": "him" if male else "her",
        }


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
    # The family's history (issue 11, points 4 and 5), drawn from their own generator so the
    # rest of the demo is unchanged: since when they live at the address, the address before
    # (a FamilyAddress row) and a flag that was raised and later ended (never deleted).
    address_from: dt.date | None = None
    earlier_addresses: tuple[dict[str, Any], ...] = ()
    ended_risks: tuple[dict[str, Any], ...] = ()


ENDED_RISKS: tuple[tuple[str, str, str, str], ...] = (
    ("Dog", "low", "Dog on premises", "The family no longer has the dog"),
    (
        "Aggression",
        "high",
        "Previous aggression towards staff – visit in pairs",
        "The partner named in the flag has left the household",
    ),
    ("Access", "low", "Ninth-floor flat; the lift is often out of order", "The lift was replaced"),
)


def _history(
    seed: int, index: int, family_id: str, today: dt.date
) -> tuple[dt.date | None, tuple[dict[str, Any], ...], tuple[dict[str, Any], ...]]:
    """(address since, earlier addresses, ended flags) for one family."""
    rng = seeded(seed, "family-history", index)
    since: dt.date | None = None
    earlier: list[dict[str, Any]] = []
    ended: list[dict[str, Any]] = []
    if rng.random() < 0.5:
        since = today - dt.timedelta(days=rng.randint(90, 2400))
        if rng.random() < 0.4:
            town, district = rng.choice(names.AREAS)
            letters = names.POSTCODE_UNIT_LETTERS
            earlier.append(
                {
                    "id": new_uuid(rng),
                    "family_id": family_id,
                    "address_line1": f"{rng.randint(1, 180)} {rng.choice(names.STREETS)}",
                    "address_line2": "",
                    "town": town,
                    "postcode": f"{district} {rng.randint(1, 9)}{rng.choice(letters)}"
                    f"{rng.choice(letters)}",
                    "from_date": since - dt.timedelta(days=rng.randint(300, 2000)),
                    "to_date": since,
                    "recorded_by": None,
                }
            )
    if rng.random() < 0.07:
        category, severity, description, reason = rng.choice(ENDED_RISKS)
        raised = today - dt.timedelta(days=rng.randint(900, 1500))  # ended before any visit
        ended.append(
            {
                "id": new_uuid(rng),
                "family_id": family_id,
                "adult_id": None,
                "category": category,
                "severity": severity,
                "description": description,
                "two_officers_required": severity == "high",
                "raised_on": raised,
                "active": False,
                "ended_on": raised + dt.timedelta(days=rng.randint(60, 300)),
                "end_reason": reason,
            }
        )
    return since, tuple(earlier), tuple(ended)


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


VULNERABLE_SHARE = 0.015  # of the adults with parental responsibility: a couple per 100 cases


def family_plan(
    seed: int, index: int, size: int, schools: Sequence[SchoolInfo], today: dt.date
) -> FamilyPlan:
    """Family ``index``: the family of the case whose interview is held through an
    interpreter (``interview_cases``) is drawn again until a parent living with the child needs
    one, so the demo shows it at any size."""
    family = _draw_family(seed, index, size, schools, today, "family")
    if index == _interpreter_family(seed):
        attempt = 0
        while not any(
            a.parental_responsibility and a.lives_with_child and a.interpreter_needed
            for a in family.adults
        ):
            attempt += 1
            family = _draw_family(seed, index, size, schools, today, f"family-i{attempt}")
    return _personal_details(seed, family, today)


@functools.cache
def _interpreter_family(seed: int) -> int:
    case = interpreter_case(seed)
    return family_layout(seed, case + 1)[case][0]


def _personal_details(seed: int, family: FamilyPlan, today: dt.date) -> FamilyPlan:
    """The dates of birth of the adults with parental responsibility (a parent some 19 to 37
    years older than the eldest child, a grandparent 40 to 58) and the odd one flagged as
    vulnerable."""
    rng = seeded(seed, "adult-details", family.index)
    eldest = max(m.year for m in family.members) + 5
    adults: list[AdultPlan] = []
    for adult in family.adults:
        if not adult.parental_responsibility:
            adults.append(adult)
            continue
        gap = rng.randint(40, 58) if adult.relationship.startswith("grand") else rng.randint(19, 37)
        born = today - dt.timedelta(days=(eldest + gap) * 365 + rng.randint(0, 364))
        adults.append(
            replace(adult, date_of_birth=born, vulnerable=rng.random() < VULNERABLE_SHARE)
        )
    return replace(family, adults=tuple(adults))


def _draw_family(
    seed: int,
    index: int,
    size: int,
    schools: Sequence[SchoolInfo],
    today: dt.date,
    kind: str,
) -> FamilyPlan:
    rng = seeded(seed, kind, index)
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
    since, earlier, ended = _history(seed, index, family_id, today)
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
        address_from=since,
        earlier_addresses=earlier,
        ended_risks=ended,
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
        "ended_on": None,  # every row of one insert carries the same columns
        "end_reason": "",
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
