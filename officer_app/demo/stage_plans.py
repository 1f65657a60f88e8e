"""How a demo case moves through the stages: its stage, referral date, the phases it went
through and the entries each phase must hold (referral, plan, reviews, court…)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from officer_app.demo import terms
from officer_app.demo.common import (
    ONE_DAY,
    seeded,
)
from officer_app.domain.chronology import EntryType
from officer_app.domain.stages import Stage

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


@dataclass(frozen=True)
class Event:
    day: dt.date
    minute: int
    entry_type: EntryType
    phase: Stage
    variant: str = ""


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


def stage_phases(
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


def mandatory_events(
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


def pick_referral_date(
    rng: random.Random, stage: Stage, today: dt.date, earliest: dt.date
) -> dt.date:
    low, high = REFERRED_DAYS_AGO[stage]
    day = today - dt.timedelta(days=rng.randint(low, high))
    day = max(day, earliest)
    day = terms.previous_session_day(day) if day > earliest else day
    while day.weekday() >= 5:
        day += ONE_DAY
    return min(day, today - ONE_DAY)


def due_date(rng: random.Random, today: dt.date) -> dt.date:
    roll = rng.random()
    if roll < 0.15:
        return today - dt.timedelta(days=rng.randint(1, 21))
    if roll < 0.40:
        friday = today + dt.timedelta(days=max(0, 4 - today.weekday()))
        return today + dt.timedelta(days=rng.randint(0, (friday - today).days))
    return today + dt.timedelta(days=rng.randint(7, 45))
