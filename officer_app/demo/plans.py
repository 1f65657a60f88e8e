"""Support plans in the demo: targets and actions from the day the plan was agreed, one plan
after another at each six-weekly review, each review on the plan review form."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from officer_app.demo import terms
from officer_app.demo.casework import (
    DECISION_REASONS,
    ESCALATIONS,
    GENERIC_ACTIONS,
    K_ACTION,
    K_PLAN,
    K_TARGET,
    NOT_ENOUGH,
    ONE_DAY,
    REVIEW_CHILD,
    REVIEW_PARENT,
    REVIEW_SCHOOL,
    REVIEW_WEEKS,
    TARGET_COMMENTS,
    THEME_FOCUS,
    CaseWork,
    Figures,
    Forms,
    Output,
    day_between,
    figures_between,
    fill,
    owner_name_of,
    pick,
    school_day_on_or_after,
    signed_record,
)
from officer_app.demo.common import uk_time
from officer_app.domain.stages import Stage
from officer_app.domain.working_days import is_working_day
from officer_app.wording import long_date


# ------------------------------------------------------------------------------------ plans
@dataclass
class TargetSpec:
    description: str
    pct: float | None
    owner: str
    support: str


@dataclass
class ActionSpec:
    description: str
    owner: str
    owner_name: str
    due: dt.date
    done: dt.date | None = None


@dataclass
class Period:
    """One support plan, from the day it was agreed to the review that ended it (if any)."""

    id: str
    agreed: dt.date
    review_on: dt.date
    targets: list[TargetSpec]
    actions: list[ActionSpec]
    summary: str
    held: dt.date | None = None  # the review that ended it
    figures: Figures | None = None
    baseline: float = 0.0
    decision: str = ""


def attendance_target(baseline: float) -> float:
    if baseline < 60:
        return 75.0
    if baseline < 75:
        return 85.0
    if baseline < 88:
        return 90.0
    return 95.0


def _target_text(pct: float) -> str:
    return f"Attendance of at least {pct:g}% over the next {REVIEW_WEEKS} weeks"


def plan_targets(case: CaseWork, rng: random.Random, pct: float) -> list[TargetSpec]:
    facts = case.facts
    who = f"{facts['p']} and {facts['c']}"
    first = TargetSpec(_target_text(pct), pct, who, "")
    targets = [first]
    theme = case.themes[0]
    if rng.random() < 0.6:
        text = pick(rng, theme.targets, facts)
        owner, action = theme.actions[0]
        targets.append(TargetSpec(text, None, owner_name_of(case, owner, action), ""))
    return targets


def plan_actions(
    case: CaseWork, rng: random.Random, agreed: dt.date, review_on: dt.date
) -> list[ActionSpec]:
    facts = case.facts
    pool = [a for t in case.themes for a in t.actions] + list(GENERIC_ACTIONS)
    unique = list(dict.fromkeys(pool))
    wanted = rng.randint(2, 4)
    chosen = unique[:1] + rng.sample(unique[1:], min(len(unique) - 1, wanted - 1))
    first = agreed + dt.timedelta(days=3)
    last = review_on - ONE_DAY
    window = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    window = [d for d in window if is_working_day(d)]
    days = sorted(rng.sample(window, min(len(window), len(chosen))))  # distinct due dates
    actions: list[ActionSpec] = []
    for (owner, template), due in zip(chosen, days, strict=False):
        text = fill(template, facts)[:300]
        actions.append(ActionSpec(text, owner, owner_name_of(case, owner, text), due))
    return actions


def support_text(case: CaseWork, actions: Sequence[ActionSpec]) -> str:
    labels = {
        "officer": "Attendance officer",
        "school": "School",
        "parent": case.facts["p"],
        "agency": "Other services",
    }
    return "; ".join(f"{labels[a.owner]}: {a.description}" for a in actions[:3]) or (
        "Support as agreed at the meeting"
    )


def _summary(case: CaseWork, first: bool, held: dt.date | None, decision: str) -> str:
    focus = ", ".join(fill(THEME_FOCUS[t.key], case.facts) for t in case.themes)
    if first:
        return fill(
            "Agreed with {p} and {c} at {school} after the initial assessment. "
            f"Focus: {focus}.",
            case.facts,
        )
    when = long_date(held) if held else "the last review"
    if decision == "continue":
        return f"Continued at the review on {when} with the same targets. Focus: {focus}."
    return f"Revised at the review on {when}. Focus: {focus}."


def plan_periods(case: CaseWork, rng: random.Random) -> list[Period]:
    """The support plans of a case that reached the support stage, each reviewed after six
    weeks (some reviews a little late, a few much later) until today or the closure."""
    start = case.markers.plan
    if start is None:
        return []
    periods: list[Period] = []
    agreed = start
    case.on(agreed)
    baseline = figures_between(
        case.register, case.register.figures(agreed)[0], agreed - ONE_DAY
    ).percent
    targets = plan_targets(case, rng, attendance_target(baseline))
    decision = ""
    held: dt.date | None = None
    for _ in range(40):
        review_on = school_day_on_or_after(agreed + dt.timedelta(weeks=REVIEW_WEEKS))
        case.on(agreed)
        period = Period(
            id=case.new_id(K_PLAN),
            agreed=agreed,
            review_on=review_on,
            targets=targets,
            actions=plan_actions(case, rng, agreed, review_on),
            summary=_summary(case, not periods, held, decision),
            baseline=baseline,
        )
        periods.append(period)
        roll = rng.random()
        delay = 0 if roll < 0.65 else rng.randint(1, 4) if roll < 0.93 else rng.randint(8, 20)
        held = school_day_on_or_after(review_on + dt.timedelta(days=delay))
        due_lately = review_on < case.today <= review_on + dt.timedelta(days=21)
        if case.is_open and due_lately and rng.random() < 0.2:
            held = case.today  # not held yet: the review is overdue
        if held > case.end:
            break
        figures = figures_between(case.register, agreed, held - ONE_DAY)
        decision = _decision(case, rng, held, figures.percent - baseline)
        period.held, period.figures, period.decision = held, figures, decision
        targets = _next_targets(case, rng, targets, figures, decision)
        agreed, baseline = held, figures.percent
    if not case.is_open:
        _closing_review(case, rng, periods[-1])
    return periods


def _decision(case: CaseWork, rng: random.Random, held: dt.date, progress: float) -> str:
    soon = held + dt.timedelta(days=35)
    for start, stage in case.markers.stages:
        if held < start <= soon and stage == Stage.FORMAL:
            return "notice_to_improve"
        if held < start <= soon and stage == Stage.LEGAL:
            return "legal_intervention"
    if progress >= 1.5:
        return "continue" if rng.random() < 0.6 else "revise"
    roll = rng.random()
    if case.stage_on(held) == Stage.SUPPORT and roll < 0.25:
        return "attendance_contract" if roll < 0.15 else "parenting_contract"
    return "revise"


def _next_targets(
    case: CaseWork,
    rng: random.Random,
    targets: list[TargetSpec],
    figures: Figures,
    decision: str,
) -> list[TargetSpec]:
    if decision != "revise":
        return targets
    revised: list[TargetSpec] = []
    for target in targets:
        if target.pct is None:
            if rng.random() < 0.5:
                continue  # met or dropped
            revised.append(target)
            continue
        pct = target.pct
        if figures.percent >= pct:
            pct = min(95.0, pct + 5)
        elif figures.percent < pct - 15:
            pct = max(70.0, pct - 5)
        revised.append(TargetSpec(_target_text(pct), pct, target.owner, target.support))
    if len(revised) < 2 and rng.random() < 0.5:
        theme = rng.choice(case.themes)
        owner, action = theme.actions[-1]
        text = pick(rng, theme.targets, case.facts)
        if text not in {t.description for t in revised}:
            revised.append(TargetSpec(text, None, owner_name_of(case, owner, action), ""))
    return revised


def _closing_review(case: CaseWork, rng: random.Random, period: Period) -> None:
    """A closed case's last plan ends at the closure, with a closing review where it makes
    sense (attendance improved, or the monitoring after court came to an end)."""
    reason = case.closure_reason.lower()
    if "improved" in reason:
        decision = "close_improved"
    elif "monitoring period ended" in reason:
        decision = "close_other"
    else:
        return
    if period.held is not None or case.closed_on is None:
        return
    first = max(period.agreed + dt.timedelta(days=21), case.closed_on - dt.timedelta(days=12))
    if first > case.end:
        return
    held = day_between(rng, first, case.end)
    if held <= period.agreed + dt.timedelta(days=7):
        return
    figures = figures_between(case.register, period.agreed, held - ONE_DAY)
    if decision == "close_improved" and figures.percent < max(90.0, period.baseline):
        return  # the register does not bear it out: the plan just ends with the case
    period.held, period.figures, period.decision = held, figures, decision


def complete_actions(case: CaseWork, rng: random.Random, periods: Sequence[Period]) -> None:
    for period in periods:
        active = period.held is None and case.is_open and period is periods[-1]
        ended_by = period.held or (case.closed_on if not case.is_open else None)
        for action in period.actions:
            if active:
                if action.due < case.today and rng.random() < 0.7:
                    early = action.due - dt.timedelta(days=rng.randint(0, 4))
                    action.done = max(period.agreed, min(early, case.today - ONE_DAY))
            elif ended_by is not None and rng.random() < 0.8:
                done = action.due + dt.timedelta(days=rng.randint(-4, 3))
                action.done = max(period.agreed, min(done, ended_by, case.today - ONE_DAY))


def _next_action(period: Period) -> tuple[str, dt.date]:
    """As FieldWorkService's ``_refresh_next_action``: the earliest open action, or the review."""
    pending = sorted((a for a in period.actions if a.done is None), key=lambda a: a.due)
    if pending and pending[0].due <= period.review_on:
        return pending[0].description[:200], pending[0].due
    return "Review the plan", period.review_on


def plan_rows(case: CaseWork, periods: Sequence[Period], out: Output) -> None:
    for n, period in enumerate(periods):
        active = case.is_open and n == len(periods) - 1 and period.held is None
        out.plans.append(
            {
                "id": period.id,
                "case_id": case.id,
                "agreed_on": period.agreed,
                "review_on": period.review_on,
                "status": "active" if active else "ended",
                "summary": period.summary,
                "version": 1,
            }
        )
        for position, target in enumerate(period.targets):
            out.targets.append(
                {
                    "id": case.new_id(K_TARGET),
                    "plan_id": period.id,
                    "description": target.description[:300],
                    "attendance_pct": target.pct,
                    "over_weeks": REVIEW_WEEKS if target.pct is not None else None,
                    "position": position,
                }
            )
        for action in period.actions:
            out.actions.append(
                {
                    "id": case.new_id(K_ACTION),
                    "plan_id": period.id,
                    "description": action.description,
                    "owner": action.owner,
                    "owner_name": action.owner_name,
                    "due_on": action.due,
                    "done_on": action.done,
                    "version": 1,
                }
            )
        if active:
            text, due = _next_action(period)
            out.next_actions.append({"b_id": case.id, "b_text": text, "b_due": due})


def review_record(
    case: CaseWork, forms: Forms, rng: random.Random, period: Period, next_review: dt.date | None
) -> None:
    assert period.held is not None and period.figures is not None
    facts = case.on(period.held)
    held, figures = period.held, period.figures
    progress = figures.percent - period.baseline
    better = progress >= 1.5
    overall = (
        "much_improved"
        if progress >= 5
        else "improved"
        if better
        else "no_change"
        if progress >= -1.5
        else "worse"
    )
    child_there = rng.random() < 0.7
    participants = [case.main_adult.id] + ([case.child.id] if child_there else [])
    fmt = rng.choices(("meeting_in_school", "home_visit", "video_or_phone"), (7, 2, 1))[0]
    to = terms.previous_session_day(held - ONE_DAY)
    if to <= period.agreed:
        to = held - ONE_DAY
    closing = period.decision.startswith("close")
    rows: list[dict[str, Any]] = []
    for target in period.targets:
        row: dict[str, Any] = {"target": target.description[:500]}
        if target.pct is not None:
            met = figures.percent >= target.pct
            near = figures.percent >= target.pct - 5 or progress > 2
            row["target_progress"] = (
                "achieved" if met else "partly_achieved" if near else "not_achieved"
            )
            row["target_attendance_percent"] = figures.percent
            row["target_period_from"] = period.agreed.isoformat()
            row["target_period_to"] = to.isoformat()
        else:
            row["target_progress"] = rng.choice(
                ("achieved", "partly_achieved") if better else ("partly_achieved", "not_achieved")
            )
        if row["target_progress"] != "achieved":
            row["target_comments"] = pick(rng, TARGET_COMMENTS, facts)
        row["target_next"] = (
            "close"
            if closing or (row["target_progress"] == "achieved" and target.pct is None)
            else "revise"
            if period.decision == "revise" and row["target_progress"] != "achieved"
            else "continue"
        )
        rows.append(row)
    if child_there:
        child_views = f"{facts['c']} said: {pick(rng, REVIEW_CHILD[better], facts)}"
    else:
        child_views = fill(
            "{c} did not want to come to the meeting; {staff} spoke to {him} the day before "
            "and {he} said: ",
            facts,
        ) + pick(rng, REVIEW_CHILD[better], facts)
    answers: dict[str, Any] = {
        "review_date": held.isoformat(),
        "review_format": fmt,
        "participants": participants,
        "attendance_from": period.agreed.isoformat(),
        "attendance_to": to.isoformat(),
        "attendance_percent": figures.percent,
        "unauthorised_sessions": figures.unauthorised,
        "baseline_percent": round(period.baseline, 1),
        "attendance_pattern": figures.pattern,
        "targets": rows,
        "overall_progress": overall,
        "child_views": child_views,
        "parent_views": pick(rng, REVIEW_PARENT[better], facts),
        "school_views": pick(rng, REVIEW_SCHOOL[better], facts),
        "decision": period.decision,
        "decision_reason": fill(
            (NOT_ENOUGH if better and period.decision in ESCALATIONS else "")
            + DECISION_REASONS[period.decision],
            facts,
        ),
    }
    if fmt != "video_or_phone" or rng.random() < 0.5:
        answers["other_participants"] = f"{facts['staff']}, {facts['staffrole']}, {facts['school']}"
    if not closing and next_review is not None:
        answers["next_review_date"] = next_review.isoformat()
    minute = rng.randrange(540, 900, 5)
    occurred = uk_time(held, minute)
    signed_record(
        case,
        forms,
        "plan_review",
        answers,
        occurred=occurred,
        recorded=occurred + dt.timedelta(minutes=rng.randint(50, 240)),
        author=case.officer.id,
        rng=rng,
    )
