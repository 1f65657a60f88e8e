"""Children missing education and elective home education in the demo: the CME referral and
the school's EHE de-registration notice, on their forms."""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import Any

from officer_app.demo import names
from officer_app.demo.casework import (
    EHE_REASONS,
    GPS,
    ONE_DAY,
    YEAR_VALUES,
    CaseWork,
    Forms,
    day_between,
    figures_between,
    fill,
    school_of,
    signed_record,
    working_on_or_after,
)
from officer_app.demo.common import uk_time
from officer_app.demo.families import ChildPlan
from officer_app.demo.home_visits import last_attended_day
from officer_app.domain.school_year import school_year_start
from officer_app.domain.working_days import add_working_days
from officer_app.wording import day_month, long_date


def _email(name: str) -> str:
    local = ".".join(re.sub(r"[^a-z]", "", part) for part in name.lower().split())
    return f"{local}@{names.EMAIL_DOMAIN}"


def _vulnerabilities(child: ChildPlan) -> list[str]:
    found = [
        value
        for value, flag in (
            ("cp_plan", child.child_protection_plan),
            ("looked_after", child.looked_after),
            ("sen_support", child.sen == "sen_support"),
            ("ehcp", child.sen == "ehcp"),
            ("young_carer", child.young_carer),
            ("grt", child.gypsy_roma_traveller),
            ("eal", child.eal),
        )
        if flag
    ]
    return found or ["none_known"]


def cme_record(case: CaseWork, forms: Forms, rng: random.Random, visited: dt.date) -> dt.date:
    """Refer a child whose family has gone to the CME team; returns the day of the referral."""
    child = case.child
    day = max(visited, min(case.end, add_working_days(visited, rng.randint(1, 3))))
    facts = case.on(day)
    last = last_attended_day(case, visited)
    vulnerable = _vulnerabilities(child)
    answers: dict[str, Any] = {
        "referral_date": day.isoformat(),
        "referrer_name": case.officer.name,
        "referrer_role": "Attendance officer",
        "referrer_organisation": names.TEAM_NAME,
        "referrer_phone": f"01632 960{rng.randrange(1000):03d}",
        "referrer_email": _email(case.officer.name),
        "child_name": facts["cfull"],
        "child_dob": child.date_of_birth.isoformat(),
        "child_sex": "male" if child.gender == "M" else "female",
        "child_upn": child.upn,
        "child_year_group": YEAR_VALUES[case.year_on(day)],
        "last_known_address": case.address,
        "first_language": case.family.language,
        "parents": [
            {
                "parent_name": a.full_name,
                "parent_relationship": a.relationship,
                "parent_responsibility": "yes" if a.parental_responsibility else "no",
                "parent_phone": a.phone,
                **({} if a.lives_with_child else {"parent_address": "Not known"}),
            }
            for a in case.family.adults
        ],
        "reason": "moved_away",
        "last_school": case.school_on(day).name,
        "removed_from_roll": False,
        "whereabouts": fill(
            "Not known. The home visit on {when} found the property empty; a neighbour thought "
            "the family may have gone to relatives in another city. No forwarding address.",
            {**facts, "when": long_date(visited)},
        ),
        "enquiries": ["phoned_parents", "home_visit", "emergency_contacts", "s2s"]
        + (["siblings_schools"] if case.siblings else []),
        "home_visit_date": visited.isoformat(),
        "enquiries_detail": fill(
            f"{day_month(visited)}: home visit, no one at the address (see the home visit record). "
            f"{day_month(day)}: rang {{p}}'s mobile, number unobtainable; {{school}} has had no "
            "contact from the family and the emergency contacts are not answering; no new "
            "school found on the school-to-school system.",
            facts,
        ),
        "vulnerabilities": vulnerable,
        "safeguarding_concern": child.child_protection_plan,
    }
    if last is not None:
        answers["last_attended"] = last.isoformat()
    absent = [a for a in case.family.adults if not a.lives_with_child]
    if absent:
        answers["other_addresses"] = (
            f"Possibly with {absent[0].full_name} ({absent[0].relationship}); address not known."
        )
    if {"cp_plan", "looked_after"} & set(vulnerable):
        answers["social_worker"] = "Adebola Johnson, Northam Children's Services"
    if child.child_protection_plan:
        answers.update(
            safeguarding_details="Subject of a child protection plan; whereabouts not known.",
            social_care_told=True,
            police_told=rng.random() < 0.5,
        )
    minute = rng.randrange(570, 960, 5)
    occurred = uk_time(day, minute)
    signed_record(
        case,
        forms,
        "cme_referral",
        answers,
        occurred=occurred,
        recorded=occurred + dt.timedelta(minutes=rng.randint(5, 40)),
        author=case.officer.id,
        rng=rng,
    )
    return day


def ehe_record(case: CaseWork, forms: Forms, rng: random.Random, special: str) -> dt.date | None:
    """Log the school's EHE de-registration notice; returns the day it came in."""
    child, family = case.child, case.family
    start = working_on_or_after(case.referral + ONE_DAY)
    if special == "ehe":
        day = day_between(rng, max(start, add_working_days(case.today, -8)), case.end)
    else:
        assert case.closed_on is not None
        first = case.closed_on - dt.timedelta(days=20)
        day = day_between(rng, max(start, first), case.closed_on - dt.timedelta(days=6))
    if day < start or day > case.end:
        return None
    notice = max(start, add_working_days(day, -rng.randint(1, 4)))
    facts = case.on(notice)
    school = case.school_on(notice)
    removal = add_working_days(notice, rng.randint(0, 2))
    reasons = list(dict.fromkeys(EHE_REASONS[t.key] for t in case.themes if t.key in EHE_REASONS))
    if rng.random() < 0.5:
        reasons.append("attendance")
    reasons = reasons or ["dissatisfied_with_school"]
    since = school_year_start(notice)
    attendance = figures_between(case.register, since, notice - ONE_DAY)
    parents = [
        a
        for a in family.adults
        if a.parental_responsibility or a.relationship in ("mother", "father")
    ]
    household = [a for a in family.adults if a not in parents and a.lives_with_child]
    gap = {"grandmother": 50, "grandfather": 52}

    def born(years: int) -> str:
        return dt.date(
            child.date_of_birth.year - years - rng.randint(0, 8),
            rng.randint(1, 12),
            rng.randint(1, 28),
        ).isoformat()

    answers: dict[str, Any] = {
        "school_name": school.name,
        "school_urn": school.urn,
        "parent_notice_date": notice.isoformat(),
        "removal_date": removal.isoformat(),
        "special_school": school.phase == "special",
        "reasons_given": reasons,
        "reasons_detail": fill(
            "{p} wrote that {c} has been unhappy at school for a long time and that the family "
            "feels {he} will learn better at home for now.",
            facts,
        ),
        "school_met_parent": rng.random() < 0.6,
        "child_name": facts["cfull"],
        "child_dob": child.date_of_birth.isoformat(),
        "child_upn": child.upn,
        "child_year_group": YEAR_VALUES[case.year_on(notice)],
        "address": case.address,
        "child_protection_plan": "yes" if child.child_protection_plan else "no",
        "first_language": family.language,
        "sen_stage": child.sen,
        "attendance_percent": attendance.percent,
        "parents": [
            {
                "parent_name": a.full_name,
                "parent_relationship": a.relationship,
                "parent_dob": born(gap.get(a.relationship, 24)),
                **({} if a.lives_with_child else {"parent_address": "Not known to the school"}),
                "parental_responsibility": "yes" if a.parental_responsibility else "no",
                "parent_phone": a.phone,
                **(
                    {
                        "parent_email": f"{re.sub(r'[^a-z]', '', a.forename.lower())}."
                        f"{re.sub(r'[^a-z]', '', a.surname.lower())}{rng.randint(1, 99)}"
                        "@example.co.uk"
                    }
                    if rng.random() < 0.6
                    else {}
                ),
            }
            for a in parents or family.adults[:1]
        ],
        "gp": rng.choice(GPS),
        "health_told": rng.random() < 0.7,
        "other_circumstances": fill(
            "{c} was open to the attendance service at the time of the notice. The school is "
            "worried that home education has been chosen to avoid further action on attendance.",
            facts,
        ),
        "safeguarding_concern": False,
        "completed_by_name": facts["staff"],
        "completed_by_role": rng.choice(("Headteacher", "Attendance lead", "Deputy head")),
        "completed_date": day.isoformat(),
    }
    if household:
        answers["other_adults"] = [
            {
                "adult_name": a.full_name,
                "adult_relationship": a.relationship,
                "adult_dob": born(gap.get(a.relationship, 26)),
            }
            for a in household
        ]
    siblings = [
        {
            "sibling_name": f"{s.forename} {s.surname}",
            "sibling_dob": s.date_of_birth.isoformat(),
            "sibling_school": school_of(s, notice, case.year_start).name,
            "sibling_lives_with_child": True,
        }
        for s in case.siblings
    ]
    if not siblings:  # a brother or sister not yet at school
        girl = rng.random() < 0.5
        name = rng.choice(family.heritage.girls if girl else family.heritage.boys)
        siblings.append(
            {
                "sibling_name": f"{name} {family.surname}",
                "sibling_dob": (case.today - dt.timedelta(days=rng.randint(400, 1400))).isoformat(),
                "sibling_school": "Not of school age",
                "sibling_lives_with_child": True,
            }
        )
    answers["siblings"] = siblings
    if answers["health_told"]:
        answers["health_told_detail"] = f"School nursing team told by email on {long_date(notice)}"
    if child.child_protection_plan:
        answers["social_worker"] = "Adebola Johnson, Northam Children's Services"
    if child.sen != "none":
        answers["sen_detail"] = fill(
            "{c} has support for {his} learning needs; the SENCO has shared the current plan "
            "with {p}.",
            facts,
        )
    agencies = [
        {"agency": agency, "agency_contact": contact, "agency_told": True}
        for key, agency, contact in (
            ("anxiety", "CAMHS", "Dr Owen Tierney"),
            ("young_carer", "Northam Young Carers", "Family worker"),
            ("sen", "Educational Psychology Service", "Duty psychologist"),
        )
        if any(t.key == key for t in case.themes)
    ]
    if agencies:
        answers["other_agencies"] = agencies
    minute = rng.randrange(570, 960, 5)
    occurred = uk_time(day, minute)
    signed_record(
        case,
        forms,
        "ehe_deregistration",
        answers,
        occurred=occurred,
        recorded=occurred + dt.timedelta(minutes=rng.randint(5, 60)),
        author=case.officer.id,
        rng=rng,
    )
    return day
