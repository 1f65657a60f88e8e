"""Visits planned in the demo for the coming days, some this week for the profile's own
officer, including a visit in pairs to a family whose risk flag says so."""

from __future__ import annotations

import datetime as dt
import random

from officer_app.demo.casework import (
    K_VISIT,
    ONE_DAY,
    PLAN_VISIT_CHANCE,
    PROFILE_VISITS_THIS_WEEK,
    VISIT_PURPOSES,
    CaseWork,
    Output,
    day_between,
    pick,
    working_on_or_after,
)
from officer_app.demo.common import seeded, uk_time
from officer_app.demo.families import family_layout, family_size
from officer_app.demo.stage_plans import stage_for
from officer_app.demo.team import Person, Team
from officer_app.domain.stages import Stage
from officer_app.domain.working_days import add_working_days, is_working_day


# --------------------------------------------------------------------------- planned visits
def _this_week(today: dt.date) -> list[dt.date]:
    days = [today + dt.timedelta(days=n) for n in range(7 - today.weekday())]
    working = [d for d in days if is_working_day(d)]
    if working:
        return working
    monday = today + dt.timedelta(days=7 - today.weekday())
    return [d for d in (monday + dt.timedelta(days=n) for n in range(5)) if is_working_day(d)]


def planned_visits(
    case: CaseWork,
    rng: random.Random,
    team: Team,
    out: Output,
    profile_rank: int | None,
    pair_rank: int | None,
) -> None:
    """Visits in the diary from today on (and now and then one that was cancelled)."""
    stage = case.stage
    if not case.is_open or stage not in PLAN_VISIT_CHANCE:
        return
    today = case.today
    facts = case.on(today)
    profile = team.officers[0]
    second: Person | None = None
    minute = 585 + 30 * (case.index * 7 % 12)  # a quarter to or past the hour, by case
    if pair_rank is not None:
        day = (
            rng.choice(_this_week(today))
            if pair_rank == 0
            else add_working_days(today, rng.randint(1, 8))
        )
        others = [p for p in team.officers if p.id != case.officer.id]
        if case.officer.id != profile.id and (pair_rank == 0 or rng.random() < 0.4):
            second = profile
        else:
            second = rng.choice([p for p in others if p.id != profile.id] or others)
        if pair_rank == 0:
            minute = 14 * 60
    elif profile_rank is not None and profile_rank < PROFILE_VISITS_THIS_WEEK:
        day = rng.choice(_this_week(today))
        minute = 570 + 90 * profile_rank  # 09:30, 11:00, 12:30: the diary has no clashes
    elif rng.random() < PLAN_VISIT_CHANCE[stage]:
        day = add_working_days(today, rng.randint(0, 10)) if rng.random() < 0.9 else today
        day = working_on_or_after(day)
    else:
        day = None
    if day is not None:
        purpose = pick(rng, VISIT_PURPOSES[stage], facts)
        if second is not None:
            purpose += " (joint visit: the risk flag says visits are made in pairs)"
        out.visits.append(
            {
                "id": case.new_id(K_VISIT),
                "case_id": case.id,
                "planned_for": uk_time(day, minute),
                "address": case.address,
                "purpose": purpose[:300],
                "officer_id": case.officer.id,
                "second_officer_id": second.id if second else None,
                "status": "planned",
                "record_id": None,
                "version": 1,
            }
        )
    if rng.random() < 0.06:
        start = working_on_or_after((case.markers.allocated or case.referral) + ONE_DAY)
        past = day_between(rng, max(start, today - dt.timedelta(days=20)), today - ONE_DAY)
        if start <= past < today:
            out.visits.append(
                {
                    "id": case.new_id(K_VISIT),
                    "case_id": case.id,
                    "planned_for": uk_time(past, rng.randrange(570, 945, 15)),
                    "address": case.address,
                    "purpose": pick(rng, VISIT_PURPOSES[case.stage_on(past)], facts)[:300],
                    "officer_id": case.officer.id,
                    "second_officer_id": None,
                    "status": "cancelled",
                    "record_id": None,
                    "version": 1,
                }
            )


# ---------------------------------------------------------------------------- the caseload
def designated(seed: int) -> dict[int, str]:
    """Case indexes below 60 that always get a CME referral ("cme") and an EHE notice
    ("ehe"), so that every caseload of 60 cases or more shows both forms in use."""
    layout = family_layout(seed, 60)
    start = seeded(seed, "fw-designated").randrange(3, 30)
    found: dict[int, str] = {}
    for kind, sizes in (("cme", (1,)), ("ehe", (2, 3))):
        for relaxed in (False, True):
            hit = next(
                (
                    j
                    for j in range(start, 60)
                    if j not in found
                    and stage_for(seed, j) in (Stage.ALLOCATED, Stage.ASSESSMENT)
                    and (relaxed or family_size(seed, layout[j][0]) in sizes)
                ),
                None,
            )
            if hit is not None:
                found[hit] = kind
                break
    return found
