"""Letters really sent in the synthetic caseload, made through the letters service.

The generator's chronology already says, in prose, that letters went: "Letter: attendance
concern", "Letter: meeting invitation", "Letter: invitation to interview", and a court
outcome. For a handful of cases at each stage (the case's stage now: support, legal,
monitoring…), the first such prose entry of each kind gets its real letter: rendered from
the shipped template with the clock set to that day and the case's own officer writing, so
its figures are the register's up to that day, and recorded as sent (by post) with its
encrypted copy and a signed chronology entry, as the application itself would have done. An
outcome letter goes on the working day after the hearing. The Notice to Improve and the
penalty notice are made by ``demo/penalty_notices.py`` through the penalty-notice workflow,
not here.

Deterministic for a seed (answers drawn from ``(seed, "letters", case index)``), and only for
the cases given, so a top-up never sends a letter twice; a letter the profile already holds
(sent by a top-up killed part-way, each letter being one transaction) is not sent again, so
a rerun completes the killed top-up with the same letters as an uninterrupted one.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from officer_app.clock import UK, FixedClock
from officer_app.demo.common import seeded
from officer_app.domain.school_year import school_year_start
from officer_app.domain.working_days import add_working_days
from officer_app.letters import LetterRefused
from officer_app.services.attendance import AttendanceService
from officer_app.services.letters import LetterService
from officer_app.services.profile import OpenProfile
from officer_app.store.models import Case, Child, ChronologyEntry, Interview, Letter, School

PER_STAGE = 8
"""Cases per stage that get their letters: enough to find them, cheap to make."""

# The generator's prose entry, and the template of the letter it stands for.
PROSE = {
    "Letter: attendance concern": "attendance_concern",
    "Letter: meeting invitation": "meeting_invitation",
    "Letter: invitation to interview": "interview_invitation",
    "Court: outcome": "outcome",
}
TIMES = ("09:30", "10:00", "11:00", "13:30", "14:00", "15:30")
OFFICE = "Civic Centre, Market Square, Northam"


@dataclass(frozen=True)
class _Due:
    index: int
    case_id: str
    stage: str
    officer_id: str
    school: str
    template_id: str
    day: dt.date  # the letter's
    minute: int
    prose: str
    event_day: dt.date  # the prose entry's (the hearing, for an outcome)


def _due(opened: OpenProfile, indexes: range) -> list[_Due]:
    def work(session):  # type: ignore[no-untyped-def]
        found: list[_Due] = []
        rows = session.execute(
            select(
                Case.id,
                Case.reference,
                Case.stage,
                Case.officer_id,
                School.name,
                ChronologyEntry.title,
                ChronologyEntry.occurred_at,
                ChronologyEntry.body,
            )
            .join(Child, Child.id == Case.child_id)
            .outerjoin(School, School.id == Child.school_id)
            .join(ChronologyEntry, ChronologyEntry.case_id == Case.id)
            .where(ChronologyEntry.title.in_(PROSE))
            .order_by(Case.reference, ChronologyEntry.occurred_at)
        ).all()
        for case_id, reference, stage, officer_id, school, title, at, body in rows:
            index = int(reference[-5:]) - 1
            if index not in indexes or officer_id is None:
                continue
            local = at.astimezone(UK)
            day = event = local.date()
            minute = local.hour * 60 + local.minute + 20
            if title == "Court: outcome":  # the letter goes the working day after the hearing
                day, minute = add_working_days(day, 1), 600
            found.append(
                _Due(
                    index,
                    case_id,
                    stage,
                    officer_id,
                    school or "",
                    PROSE[title],
                    day,
                    minute,
                    body,
                    event,
                )
            )
        return found

    return opened.store.read(work)


def _held(opened: OpenProfile) -> set[tuple[str, str]]:
    """(case, template) of every letter already in the profile."""
    return opened.store.read(
        lambda session: {
            (case_id, template_id)
            for case_id, template_id in session.execute(select(Letter.case_id, Letter.template_id))
        }
    )


def _weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _outcome(prose: str) -> str:
    """The court's decision, told to the parent, from the generator's note of it."""
    guilty = re.search(r"Fined £(\d+), costs £(\d+); parenting order made for (\d+) months", prose)
    if guilty:
        fine, costs, months = guilty.groups()
        return (
            "You pleaded guilty to an offence under section 444(1) of the Education Act 1996. "
            f"The court fined you £{fine}, ordered you to pay £{costs} costs, and made a "
            f"parenting order for {months} months."
        )
    absent = re.search(r"Fine £(\d+), victim surcharge and costs £(\d+)", prose)
    if absent:
        fine, costs = absent.groups()
        return (
            "The case was decided under the Single Justice Procedure. You were found guilty of "
            f"an offence under section 444(1) of the Education Act 1996 and fined £{fine}; the "
            f"victim surcharge and costs come to £{costs}."
        )
    discharge = re.search(r"costs £(\d+)", prose)
    costs = discharge.group(1) if discharge else "75"
    return (
        "The court found the case proved under section 444(1) of the Education Act 1996. It "
        f"gave a conditional discharge for 12 months and ordered you to pay £{costs} costs."
    )


def _asks(due: _Due, rng: random.Random) -> dict[str, str]:
    day = due.day
    if due.template_id == "attendance_concern":
        return {"contact_by": _weekday(day + dt.timedelta(days=7)).isoformat()}
    if due.template_id == "meeting_invitation":
        meeting = _weekday(day + dt.timedelta(days=rng.randint(7, 14)))
        return {
            "meeting_date": meeting.isoformat(),
            "meeting_time": rng.choice(TIMES),
            "meeting_place": f"{due.school}, main reception" if due.school else OFFICE,
            "also_attending": rng.choice(("", "The school's attendance lead")),
        }
    if due.template_id == "interview_invitation":
        start = max(school_year_start(day), day - dt.timedelta(weeks=14))
        return {
            "offence_from": _weekday(start).isoformat(),
            "offence_to": (day - dt.timedelta(days=1)).isoformat(),
            "interview_date": _weekday(day + dt.timedelta(days=rng.randint(10, 16))).isoformat(),
            "interview_time": rng.choice(("10:00", "14:00")),
            "interview_place": OFFICE,
            "reply_by": _weekday(day + dt.timedelta(days=7)).isoformat(),
        }
    return {
        "outcome_of": "the hearing at Northam Magistrates' Court",
        "outcome_date": due.event_day.isoformat(),
        "outcome": _outcome(due.prose),
        "next_steps": (
            "We will keep checking attendance with the school every week, and I will visit "
            "you to agree what happens next."
        ),
    }


def _interview_plans(opened: OpenProfile) -> dict[str, tuple[str, str, dt.datetime]]:
    """(interview, interviewee, its time) by case, of the demo's interviews with a time
    (demo/interviews.py)."""
    return opened.store.read(
        lambda session: {
            row.case_id: (row.id, row.interviewee_id, row.planned_for)
            for row in session.execute(
                select(
                    Interview.case_id,
                    Interview.id,
                    Interview.interviewee_id,
                    Interview.planned_for,
                ).where(Interview.planned_for.is_not(None))
            )
        }
    )


def letters_at(opened: OpenProfile, officer_id: str, at: dt.datetime) -> LetterService:
    """The letters service as the case's officer, with the clock at ``at``."""
    clock = FixedClock(at.astimezone(dt.UTC))
    letters = opened.letters
    bands = opened.settings.attendance_bands
    attendance: Callable[[], AttendanceService] = lambda: AttendanceService(  # noqa: E731
        opened.store, clock, bands=bands
    )
    return LetterService(
        opened.store,
        clock,
        officer_id,
        letters.registry,
        letters.letterhead,
        opened.attachments,
        attendance,
        bands=bands,
    )


def add_letters(
    opened: OpenProfile, *, seed: int, today: dt.date, indexes: range, per_stage: int = PER_STAGE
) -> int:
    """Send the real letters of up to ``per_stage`` demo cases at each stage among ``indexes``
    (the cases just added); returns their number, counting those an interrupted run of the
    same top-up had already sent."""
    chosen: dict[str, set[int]] = {}
    sent: set[tuple[int, str]] = set()  # one letter of each kind per case: the first
    held = _held(opened)  # sent by a top-up killed part-way: never sent twice
    interviews = _interview_plans(opened)
    made = 0
    for due in _due(opened, indexes):
        if due.day >= today or due.index == 0 or (due.index, due.template_id) in sent:
            continue  # case 0 keeps its long chronology for the benchmarks
        cases = chosen.setdefault(due.stage, set())
        if due.index not in cases and len(cases) >= per_stage:
            continue
        if (due.case_id, due.template_id) in held:
            sent.add((due.index, due.template_id))
            cases.add(due.index)
            made += 1  # counted as the notices are: the top-up's, whichever run made them
            continue
        rng = seeded(seed, "letters", f"{due.index}:{due.template_id}:{due.day}")
        at = dt.datetime.combine(due.day, dt.time(min(due.minute, 1020) // 60, due.minute % 60),
                                 tzinfo=UK)  # fmt: skip
        service = letters_at(opened, due.officer_id, at)
        people = [p for p in service.recipients(due.case_id) if p.can_receive]
        if not people:
            continue
        asks = _asks(due, rng)
        planned = interviews.get(due.case_id)
        if due.template_id == "interview_invitation" and planned is not None:
            interview_id, interviewee_id, planned_for = planned
            if planned_for.astimezone(UK).date() > due.day:  # prefilled from the plan
                asks.update(opened.interviews.invitation_asks(interview_id))
                asks["reply_by"] = min(asks["reply_by"], asks["interview_date"])
                people.sort(key=lambda p: p.id != interviewee_id)  # to the person invited
        try:
            rendered = service.render(
                due.case_id, due.template_id, recipient_id=people[0].id,
                asks=asks, dated=due.day,
            )  # fmt: skip
        except LetterRefused:
            continue  # e.g. no marks yet this school year on the letter's day
        service.record_sent(due.case_id, rendered, sent_on=due.day, method="post")
        sent.add((due.index, due.template_id))
        cases.add(due.index)
        made += 1
    return made
