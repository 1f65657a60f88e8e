"""Home visits in the demo on the home visit form: seen, no reply, refused, and rarely a family
that appears to have moved; a visit to a flagged family with its risk acknowledgements."""

from __future__ import annotations

import bisect
import datetime as dt
import random
from typing import Any

from officer_app.demo import names, prose
from officer_app.demo.casework import (
    CITIES,
    CONCERNS,
    HOME_CONDITIONS,
    K_ACK,
    K_VISIT,
    MOVED_DETAILS,
    NO_CARD_REASONS,
    NOT_SEEN,
    ONE_DAY,
    REFUSALS,
    SAFEGUARDING,
    SAFEGUARDING_SHARE,
    UNPROMPTED,
    VISIT_PURPOSES,
    VISITED_SHARE,
    CaseWork,
    Forms,
    Output,
    day_between,
    fill,
    hhmm,
    owner_name_of,
    pick,
    signed_record,
    voice_of,
    working_on_or_after,
)
from officer_app.demo.common import PRESENT, uk_time
from officer_app.demo.team import Person, Team
from officer_app.domain.stages import Stage
from officer_app.domain.working_days import add_working_days
from officer_app.wording import day_month


# ------------------------------------------------------------------------------ home visits
def _shown(case: CaseWork, flag: dict[str, Any]) -> dict[str, Any]:
    """A risk flag as the acknowledgement dialog showed it (FieldWorkService's RiskInfo)."""
    adults = {a.id: a.full_name for a in case.family.adults}
    return {
        "category": flag["category"],
        "severity": flag["severity"],
        "description": flag["description"],
        "two_officers_required": flag["two_officers_required"],
        "about": adults.get(flag["adult_id"] or "", "Address"),
    }


def _in_school(case: CaseWork, day: dt.date) -> bool:
    """Whether the register has the child present at school on ``day``."""
    register = case.register
    lo = bisect.bisect_left(register.dates, day)
    hi = bisect.bisect_right(register.dates, day)
    return hi > lo and all(code in PRESENT for _, _, code, _ in register.marks[lo:hi])


def _visit_days(case: CaseWork, rng: random.Random, special: str) -> tuple[list[dt.date], bool]:
    """The days of the case's recorded home visits, and whether the last found the family
    gone."""
    start = working_on_or_after((case.markers.allocated or case.referral) + ONE_DAY)
    end = case.end
    if start > end:
        return [], False
    moved = special in ("cme", "moved")
    if not (moved or case.family.risks or rng.random() < VISITED_SHARE):
        return [], False
    count = rng.choices((1, 2, 3), (5, 3, 2))[0]
    if moved:
        if special == "cme":
            first, last = add_working_days(case.today, -12), add_working_days(case.today, -4)
        else:
            assert case.closed_on is not None
            first = case.closed_on - dt.timedelta(days=25)
            last = case.closed_on - dt.timedelta(days=6)
        final = day_between(rng, max(start, first), max(start, min(end, last)))
        earlier = {day_between(rng, start, final - ONE_DAY) for _ in range(count - 1)}
        return [*sorted(d for d in earlier if start <= d < final), final], True
    days = {day_between(rng, start, end) for _ in range(count)}
    if case.is_open and rng.random() < 0.5:
        days.add(day_between(rng, max(start, end - dt.timedelta(days=25)), end))
    return sorted(d for d in days if start <= d <= end)[:3], False


def home_visits(
    case: CaseWork, forms: Forms, rng: random.Random, team: Team, out: Output, special: str
) -> dt.date | None:
    """Record the case's home visits; returns the day of a visit that found the family gone
    and needs a CME referral, if there was one."""
    days, moved = _visit_days(case, rng, special)
    cme_from: dt.date | None = None
    for n, day in enumerate(days):
        if moved and n == len(days) - 1:
            outcome = "moved"
        else:
            outcome = rng.choices(("seen", "no_reply", "refused"), (58, 28, 14))[0]
        if _visit(case, forms, rng, team, out, day, outcome, special):
            cme_from = day
    return cme_from


def _visit(
    case: CaseWork,
    forms: Forms,
    rng: random.Random,
    team: Team,
    out: Output,
    day: dt.date,
    outcome: str,
    special: str,
) -> bool:
    facts = case.on(day)
    flags = case.flags_on(day)
    second = None
    if any(f["two_officers_required"] for f in flags):
        second = rng.choice([p for p in team.officers if p.id != case.officer.id])
    # A child seen at home on a school day was not in school that day.
    after_school = outcome == "seen" and _in_school(case, day)
    arrival = rng.randrange(940, 1030, 5) if after_school else rng.randrange(555, 950, 5)
    length = {"seen": (30, 80), "no_reply": (4, 12), "refused": (5, 20), "moved": (15, 35)}
    departure = arrival + rng.randint(*length[outcome])
    kind = "planned" if rng.random() < 0.6 else "unannounced"
    if outcome == "seen" and rng.random() < 0.1:
        kind = "joint"
    answers: dict[str, Any] = {
        "visit_date": day.isoformat(),
        "visit_address": case.address,
        "visit_type": kind,
        "arrival_time": hhmm(arrival),
        "departure_time": hhmm(departure),
        "outcome": outcome,
        "safeguarding_concern": False,
        # the form's fact of the case (issue 9, point 11): the app sets it the same way
        "legal_action": case.stage_on(day) in (Stage.LEGAL, Stage.COURT),
    }
    if kind == "joint":
        role, name = prose.professional(rng)
        answers["other_professionals"] = f"{name}, {role}"
    needs_cme = False
    if outcome == "seen":
        _seen(case, rng, answers, day, second)
        if rng.random() < SAFEGUARDING_SHARE / 0.58:
            _safeguarding(case, rng, answers, day, departure)
    elif outcome == "no_reply":
        card = rng.random() < 0.9
        answers["calling_card_left"] = card
        if not card:
            answers["calling_card_not_left_reason"] = rng.choice(NO_CARD_REASONS)
        if rng.random() < 0.8:
            answers["signs_at_address"] = " ".join(rng.sample(prose.OBSERVATIONS, 2))
    elif outcome == "refused":
        answers["refusal_account"] = pick(rng, REFUSALS, facts)
        if rng.random() < 0.3:
            answers["signs_at_address"] = rng.choice(prose.OBSERVATIONS)
    else:
        needs_cme = _moved(case, rng, answers, day, special)
    occurred = uk_time(day, arrival)
    recorded = uk_time(day, min(departure + rng.randint(20, 150), 19 * 60 + 30))
    entry = signed_record(
        case,
        forms,
        "home_visit",
        answers,
        occurred=occurred,
        recorded=recorded,
        author=case.officer.id,
        rng=rng,
    )
    if flags or rng.random() < 0.6:
        plan_id = case.new_id(K_VISIT)
        out.visits.append(
            {
                "id": plan_id,
                "case_id": case.id,
                "planned_for": uk_time(day, arrival - arrival % 15),
                "address": case.address,
                "purpose": pick(rng, VISIT_PURPOSES[case.stage_on(day)], facts),
                "officer_id": case.officer.id,
                "second_officer_id": second.id if second else None,
                "status": "done",
                "record_id": entry.id,
                "version": 1,
            }
        )
        if flags:
            shown = [_shown(case, f) for f in flags]
            for officer in [case.officer] + ([second] if second else []):
                out.acks.append(
                    {
                        "id": case.new_id(K_ACK),
                        "case_id": case.id,
                        "visit_plan_id": plan_id,
                        "officer_id": officer.id,
                        "acknowledged_at": uk_time(day, arrival - rng.randint(10, 90)),
                        "flags": shown,
                    }
                )
    return needs_cme


def _seen(
    case: CaseWork,
    rng: random.Random,
    answers: dict[str, Any],
    day: dt.date,
    second: Person | None,
) -> None:
    facts = case.facts
    main = case.main_adult
    child_seen = rng.random() < 0.85
    present = ([case.child.id] if child_seen else []) + [main.id]
    for adult in case.family.adults:
        if adult.id != main.id and adult.lives_with_child and rng.random() < 0.3:
            present.append(adult.id)
    answers["present"] = present
    others: list[str] = []
    if main.interpreter_needed:
        others.append(f"Interpreter ({main.language}) by telephone, Northam Interpreting Service")
    if second is not None:
        others.append(f"{second.name}, attendance officer (this address is visited in pairs)")
    if others:
        answers["others_present"] = "; ".join(others)
    answers["child_seen"] = child_seen
    if child_seen:
        alone = rng.random() < 0.45
        answers["child_spoken_to_alone"] = alone
        opening = (
            "Spoken to alone in the kitchen while {p} made a drink. {c} said: "
            if alone
            else "Spoken to with {p} present; {pp} did not want to leave the room. {c} said: "
        )
        answers["child_voice"] = fill(opening, facts) + voice_of(case, rng)
    else:
        answers["child_not_seen_reason"] = pick(rng, NOT_SEEN, facts)
    if answers.get("legal_action"):
        # heading for legal action: no questions about the absence without a caution; what a
        # parent says unprompted is kept as a significant statement (issue 9, point 11)
        if rng.random() < 0.4:
            answers["significant_statements"] = [_significant(case, rng, answers, second)]
    else:
        answers["parent_account"] = pick(rng, [p for t in case.themes for p in t.parent], facts)
    if rng.random() < 0.7:
        answers["home_conditions"] = pick(rng, HOME_CONDITIONS, facts)
    if rng.random() < 0.8:
        answers["support_offered"] = pick(rng, [s for t in case.themes for s in t.support], facts)
    if rng.random() < 0.6:
        pool = list(dict.fromkeys(a for t in case.themes for a in t.actions))
        items = []
        for owner, text in rng.sample(pool, min(len(pool), rng.randint(1, 2))):
            action = fill(text, facts)
            item: dict[str, Any] = {
                "action": action[:300],
                "action_by": owner_name_of(case, owner, action)[:120],
            }
            if rng.random() < 0.8:
                item["action_due"] = working_on_or_after(
                    day + dt.timedelta(days=rng.randint(3, 14))
                ).isoformat()
            items.append(item)
        answers["actions"] = items
    if rng.random() < 0.15:
        answers["concerns"] = pick(rng, CONCERNS, facts)


def _significant(
    case: CaseWork, rng: random.Random, answers: dict[str, Any], second: Person | None
) -> dict[str, Any]:
    """An unprompted remark about the offence, written down word for word at the visit."""
    arrival = answers["arrival_time"]
    minutes = int(arrival[:2]) * 60 + int(arrival[3:]) + rng.randint(3, 20)
    heard = case.officer.name + (f" and {second.name}" if second is not None else "")
    asked = rng.random() < 0.8
    item: dict[str, Any] = {
        "statement": fill(rng.choice(UNPROMPTED), case.facts),
        "statement_by": case.main_adult.id,
        "statement_time": f"{minutes // 60:02d}:{minutes % 60:02d}",
        "statement_heard_by": heard,
        "statement_asked_to_sign": asked,
    }
    if asked:
        item["statement_signed"] = rng.random() < 0.6
        if not item["statement_signed"]:
            item["statement_sign_response"] = "Read it and said they would not sign anything."
    else:
        item["statement_sign_response"] = "Left before it could be written down in full."
    return item


def _safeguarding(
    case: CaseWork, rng: random.Random, answers: dict[str, Any], day: dt.date, departure: int
) -> None:
    facts = case.facts
    to = rng.choice(("school_dsl", "service_dsl", "social_care"))
    who = {
        "school_dsl": f"{facts['staff']}, designated safeguarding lead, {facts['school']}",
        "service_dsl": f"{names.SUPERVISOR_NAME}, the service's designated safeguarding lead",
        "social_care": "Duty social worker, Northam Children's Services front door",
    }[to]
    answers.update(
        safeguarding_concern=True,
        safeguarding_details=pick(rng, SAFEGUARDING, facts)
        + " I explained to "
        + facts["p"]
        + " that I would have to share what I had seen and heard.",
        referred_today=True,
        referred_to=to,
        referred_to_name=who[:200],
        referral_date=day.isoformat(),
        referral_time=hhmm(min(departure + rng.randint(10, 50), 23 * 60)),
    )
    if to == "social_care":
        answers["referral_reference"] = f"FD-{day.year}-{rng.randint(10000, 99999)}"


def _moved(
    case: CaseWork, rng: random.Random, answers: dict[str, Any], day: dt.date, special: str
) -> bool:
    facts = case.facts
    city = rng.choice(CITIES)
    signs = rng.sample(
        [
            "property_empty",
            "to_let_or_for_sale",
            "post_piling_up",
            "new_occupants",
            "neighbours_said",
            "landlord_said",
        ],
        rng.randint(1, 3),
    )
    detail = pick(
        rng,
        MOVED_DETAILS,
        {
            **facts,
            "n": str(rng.randint(1, 120)),
            "city": city,
            "day": day_month(day - dt.timedelta(days=rng.randint(7, 20))),
        },
    )
    known = special == "moved" and rng.random() < 0.35
    answers.update(moved_signs=signs, moved_signs_detail=detail, new_address_known=known)
    enquiries = ["school", "neighbours", "housing"]
    if case.siblings:
        enquiries.insert(1, "siblings_schools")
    if rng.random() < 0.6:
        enquiries += ["health", "lost_pupils"]
    answers["cme_enquiries"] = enquiries
    if known:
        answers["new_address"] = (
            f"{rng.randint(1, 140)} {rng.choice(names.STREETS)}, {city}: given by a relative on "
            "the phone and confirmed by the new area's admissions team."
        )
        answers["cme_referral_needed"] = False
        answers["cme_referral_not_needed_reason"] = fill(
            f"{city}'s school admissions team confirmed by email that {{c}} has a school place "
            "there and has started. School informed; case to be transferred and closed.",
            facts,
        )
        return False
    answers["cme_referral_needed"] = True
    return True


# ----------------------------------------------------------------------- CME and EHE notices
def last_attended_day(case: CaseWork, before: dt.date) -> dt.date | None:
    register = case.register
    for n in range(bisect.bisect_left(register.dates, before) - 1, -1, -1):
        day, _, code, _ = register.marks[n]
        if code in PRESENT:
            return day
    return None
