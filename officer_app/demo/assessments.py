"""Initial assessments in the demo, on their form: mostly within the 20 working days, some late."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

from officer_app.demo import prose
from officer_app.demo.casework import (
    ASSESSMENT_WORKING_DAYS,
    CONCERN_FIELDS,
    GENERIC_VOICE,
    LATE_ASSESSMENT,
    LEVEL_OF_NEED,
    LEVEL_REASONS,
    ONE_DAY,
    REVIEW_WEEKS,
    SCHOOL_VIEWS,
    SENSITIVE_FIELDS,
    STRENGTHS,
    CaseWork,
    Forms,
    day_between,
    figures_at_referral,
    fill,
    fill_some,
    pick,
    school_day_on_or_after,
    school_of,
    signed_record,
    voice_of,
    working_on_or_after,
)
from officer_app.demo.common import uk_time
from officer_app.demo.plans import (
    Period,
    attendance_target,
    plan_actions,
    plan_targets,
    support_text,
)
from officer_app.domain.working_days import add_working_days
from officer_app.wording import long_date


# ------------------------------------------------------------------------------ assessment
def _assessment_day(
    case: CaseWork, rng: random.Random, plan_start: dt.date | None
) -> dt.date | None:
    allocated = case.markers.allocated or case.referral
    lower = working_on_or_after(max(allocated, case.referral) + ONE_DAY)
    upper = case.end
    if plan_start is not None:  # assessed before the plan was agreed
        upper = min(upper, max(lower, plan_start - ONE_DAY))
    if upper < lower:
        return None
    deadline = add_working_days(case.referral, ASSESSMENT_WORKING_DAYS)
    late = rng.random() < LATE_ASSESSMENT
    if late and deadline < upper:
        written = case.markers.assessment[0] if case.markers.assessment else None
        if written is not None and deadline < written <= upper:
            return written  # the day the generator's assessment note was written
        first = add_working_days(deadline, 2)
        return day_between(rng, min(first, upper), min(upper, deadline + dt.timedelta(days=45)))
    first = max(lower, add_working_days(case.referral, 8))
    return day_between(rng, min(first, upper), min(deadline, upper))


def _concern_answers(case: CaseWork, rng: random.Random, level: str) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    raised: dict[str, list[str]] = {}
    for n, theme in enumerate(case.themes):
        for fid in theme.concerns:
            note = pick(rng, theme.notes.get(fid, ("See the analysis below.",)), case.facts)
            raised.setdefault(fid, []).append(note)
            if n == 0 and fid == theme.concerns[0] and level == "specialist":
                answers[fid] = "significant_concern"
    for fid in CONCERN_FIELDS:
        if fid in raised:
            answers.setdefault(fid, "some_concern")
            answers[f"{fid}_notes"] = " ".join(raised[fid])
        else:
            unknown = 0.2 if fid in SENSITIVE_FIELDS else 0.05
            answers[fid] = "not_known" if rng.random() < unknown else "no_concern"
    sen = {"none": "none", "sen_support": "sen_support", "ehcp": "ehcp"}[case.child.sen]
    answers["child_sen"] = sen
    if sen == "sen_support":
        answers["child_sen_notes"] = fill(
            "On the SEN register for {his} learning needs; the support plan was last reviewed "
            "in the spring. {p} does not feel it is making a difference.",
            case.facts,
        )
    elif sen == "ehcp":
        answers["child_sen_notes"] = fill(
            "EHCP in place; the annual review is due and not all of the provision in section F "
            "is happening. The SENCO agrees the placement is under strain.",
            case.facts,
        )
    return answers


def _child_views(case: CaseWork, rng: random.Random, how: str) -> str:
    facts = case.facts
    quote, wish = voice_of(case, rng), pick(rng, GENERIC_VOICE, facts)
    if how == "not_gathered":
        return fill(
            "{c} did not want to talk to me about school and I did not press {him}. {p} and "
            "{staff} have shared what {he} has said to them; I will try again at the review.",
            facts,
        )
    if how == "through_others":
        return fill("{c} did not want to meet me; {staff} asked {him} on my behalf. ", facts) + (
            f"{facts['c']} said: {quote}"
        )
    opening = {
        "alone": "Spoken to alone at home. {c} said: ",
        "with_parent": "Spoken to with {p} in the room. {c} said: ",
        "in_school": "Seen in school in a quiet room with {staff} nearby. {c} said: ",
    }[how]
    after = " Asked what would help, {he} said: " if rng.random() < 0.7 else None
    text = fill(opening, facts) + quote
    if after:
        text += fill(after, facts) + wish
    if how == "with_parent" and rng.random() < 0.5:
        text += fill(" {He} looked at {p} before answering some of the questions.", facts)
    return text


def assessment_record(
    case: CaseWork, forms: Forms, rng: random.Random, periods: Sequence[Period]
) -> dt.date | None:
    """Record the initial assessment; returns the day the plan is to start."""
    plan_start = periods[0].agreed if periods else None
    day = _assessment_day(case, rng, plan_start)
    if day is None:
        return None
    facts = case.on(day)
    written_level = case.markers.assessment[1] if case.markers.assessment else ""
    level = LEVEL_OF_NEED.get(written_level) or (
        "specialist"
        if any(t.key in ("exploitation", "domestic_abuse") for t in case.themes)
        else "targeted"
    )
    how = rng.choices(
        ("alone", "with_parent", "in_school", "through_others", "not_gathered"),
        (35, 25, 30, 7, 3),
    )[0]
    contributors = [case.main_adult.id]
    if how in ("alone", "with_parent", "in_school"):
        contributors.insert(0, case.child.id)
    others = [a for a in case.family.adults if a.lives_with_child and a.id != case.main_adult.id]
    if others and rng.random() < 0.4:
        contributors.append(others[0].id)
    at_referral = figures_at_referral(case)
    missed = at_referral.possible - at_referral.present
    profrole, prof = prose.professional(rng)
    answers: dict[str, Any] = {
        "assessment_date": day.isoformat(),
        "contributors": contributors,
        "other_contributors": f"{facts['staff']}, {facts['staffrole']}, {facts['school']}"
        + (f"; {prof}, {profrole}" if rng.random() < 0.4 else ""),
        "attendance_at_referral": (
            f"{at_referral.percent:.1f}% from {long_date(at_referral.first)} to "
            f"{long_date(at_referral.last)}: {missed} of {at_referral.possible} possible sessions "
            f"missed, {at_referral.unauthorised} of them unauthorised. {at_referral.pattern}"
        ),
        **_concern_answers(case, rng, level),
        "child_views": _child_views(case, rng, how),
        "child_views_how": how,
        "family_strengths": fill_some(rng, STRENGTHS, facts, 1, 2),
        "school_view": pick(rng, SCHOOL_VIEWS, facts),
        "barriers": list(dict.fromkeys(b for t in case.themes for b in t.barriers)),
        "barriers_detail": " ".join(fill(t.analysis, facts) for t in case.themes[1:])
        or pick(rng, case.themes[0].parent, facts),
        "analysis": fill(case.themes[0].analysis, facts)
        + fill(
            f" Attendance was {at_referral.percent:.1f}% at referral. {{c}} says {{he}} wants "
            "things to be easier, and the family has engaged with the assessment. If nothing "
            "changes, {c} will fall further behind and the absence will become harder to "
            "reverse.",
            facts,
        ),
        "level_of_need": level,
        "level_of_need_reason": LEVEL_REASONS[level],
        "information_sharing": rng.random() < 0.9,
    }
    if how in ("alone", "with_parent", "in_school") and rng.random() < 0.85:
        answers["child_school_rating"] = rng.choice((1, 2, 2, 3, 3, 3, 4, 5))
    if case.siblings:
        answers["siblings"] = [
            {
                "sibling_name": f"{s.forename} {s.surname}",
                "sibling_school": school_of(s, day, case.year_start).name,
                "sibling_notes": "Also open to the attendance service",
            }
            for s in case.siblings
        ]
    if periods:
        plan_start, first_review = periods[0].agreed, periods[0].review_on
        target_specs, actions = periods[0].targets, periods[0].actions
    else:
        plan_start = working_on_or_after(day + dt.timedelta(days=rng.randint(1, 7)))
        if case.is_open:  # assessed, and the plan meeting is booked
            plan_start = max(plan_start, add_working_days(case.today, rng.randint(1, 10)))
        first_review = school_day_on_or_after(plan_start + dt.timedelta(weeks=REVIEW_WEEKS))
        target_specs = plan_targets(case, rng, attendance_target(at_referral.percent))
        actions = plan_actions(case, rng, plan_start, first_review)
    answers["targets"] = [
        {
            "target": t.description[:500],
            "target_support": support_text(case, actions),
            "target_owner": t.owner[:120],
            "target_date": first_review.isoformat(),
        }
        for t in target_specs
    ]
    referrals = list(dict.fromkeys(r for t in case.themes for r in t.referrals))
    if referrals:
        answers["referrals"] = referrals
    answers["plan_start"] = plan_start.isoformat()
    answers["first_review_date"] = first_review.isoformat()
    view = rng.choices(
        ("agreed", "agreed_with_reservations", "not_agreed", "not_yet_discussed"), (70, 20, 5, 5)
    )[0]
    answers["family_view_of_plan"] = view
    if view == "agreed_with_reservations":
        answers["family_comments"] = fill(
            "{p} agreed but worries that the school will not keep to its side of the plan.", facts
        )
    elif view == "not_agreed":
        answers["family_comments"] = fill(
            "{p} does not accept that the absence is a problem and did not agree the targets.",
            facts,
        )
    minute = rng.randrange(560, 900, 5)
    occurred = uk_time(day, minute)
    signed_record(
        case,
        forms,
        "initial_assessment",
        answers,
        occurred=occurred,
        recorded=occurred + dt.timedelta(minutes=rng.randint(60, 280)),
        author=case.officer.id,
        rng=rng,
    )
    return plan_start
