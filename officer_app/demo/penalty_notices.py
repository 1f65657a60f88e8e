"""Penalty notices in the synthetic caseload, made through the real workflow.

For each demo case that reached legal intervention, the officer's steps are replayed through
:class:`~officer_app.services.penalty_notices.PenaltyNoticeService` with the clock set to the
day of each step, so every notice is what the application itself would have made: considered
on the demo register's own evidence, a Notice to Improve for most (never for leave in term
time), issued with a supervisor's authority and a copy of the notice kept encrypted on the
case, then paid within 21 or 28 days, left unpaid (and prosecuted once the case went to
court), or withdrawn. A notice whose next step falls after the demo's "today" stays where it
is (issued and awaiting payment, a Notice to Improve still running…). Where the register does
not meet the threshold, the officer decides not to issue, and says why.

One family shows the limit: two notices already issued to the same parent within three
years, and a third being considered, which the application will refuse when the officer
tries to issue it.

Everything is drawn from generators seeded with ``(seed, "pn", case index)``, so a top-up adds
the same notices as making the caseload at once. Every step is its own transaction, as in the
application, and a step the profile already holds is not taken again (:class:`_Replay`): a
top-up killed part-way, even in the middle of a case's steps, is completed by replaying it
(``demo/topup.py``) and ends with the same notices as one never interrupted. It needs the
unlocked profile (the copies are encrypted with its attachments key), so ``officer-app demo``
runs it after ``populate``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import literal_column, select

from officer_app.clock import UK, FixedClock
from officer_app.demo.common import seeded
from officer_app.demo.letters import letters_at
from officer_app.domain.penalty_notices import (
    FRAMEWORK_START,
    REDUCED_DAYS,
    Grounds,
    NoticeStatus,
    StepRefused,
    payment_dates,
)
from officer_app.domain.stages import Stage, moved_to
from officer_app.domain.working_days import add_working_days, next_working_day
from officer_app.letters import LetterRefused
from officer_app.services.notice_records import EsoDecisionInfo, OthersNotice
from officer_app.services.penalty_notices import NoticeInfo, PenaltyNoticeService
from officer_app.services.profile import OpenProfile
from officer_app.store.models import Adult, Case, Child, ChronologyEntry, Officer, PenaltyNotice


@dataclass(frozen=True)
class LegalCase:
    index: int
    case_id: str
    officer_id: str
    formal_from: dt.date
    legal_from: dt.date | None  # None: the case has not (yet) gone to legal intervention
    went_to_court: dt.date | None
    parents: tuple[str, ...]  # adults with parental responsibility, the main carer first


def payment_day(rng: random.Random, received_on: dt.date, *, reduced: bool) -> dt.date:
    """A day a parent pays: within the first 21 days for the reduced amount, else in days 22
    to 28. Day 1 is the day of receipt (SI 2024/210 reg 4, via domain.payment_dates), so the
    last day to pay is receipt + 27: a replayed payment is never one the rules refuse."""
    dates = payment_dates(received_on, REDUCED_DAYS)
    assert dates.reduced_by is not None
    first, last = (
        (received_on + dt.timedelta(days=1), dates.reduced_by)
        if reduced
        else (dates.reduced_by + dt.timedelta(days=1), dates.full_by)
    )
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def _legal_cases(opened: OpenProfile, indexes: range) -> list[LegalCase]:
    def work(session):  # type: ignore[no-untyped-def]
        found: list[LegalCase] = []
        rows = session.execute(
            select(Case.id, Case.reference, Case.officer_id, Child.family_id)
            .join(Child, Child.id == Case.child_id)
            .where(Case.status == "open")  # a closed case takes no new steps
            .order_by(Case.reference)
        ).all()
        for case_id, reference, officer_id, family_id in rows:
            index = int(reference[-5:]) - 1
            if index not in indexes:
                continue
            stages = sorted(
                (at.astimezone(UK).date(), moved)
                for at, title in session.execute(
                    select(ChronologyEntry.occurred_at, ChronologyEntry.title).where(
                        ChronologyEntry.case_id == case_id,
                        ChronologyEntry.entry_type == "stage_change",
                    )
                )
                if (moved := moved_to(title)) is not None
            )
            formal = next((day for day, stage in stages if stage is Stage.FORMAL), None)
            if formal is None:
                continue
            legal = next((day for day, stage in stages if stage is Stage.LEGAL), None)
            court = next((day for day, stage in stages if stage is Stage.COURT), None)
            parents = tuple(
                session.scalars(
                    select(Adult.id)
                    .where(
                        Adult.family_id == family_id,
                        Adult.parental_responsibility.is_(True),
                        Adult.lives_with_child.is_(True),  # a notice needs their address
                    )
                    .order_by(Adult.id)
                )
            )
            if parents and officer_id:
                found.append(LegalCase(index, case_id, officer_id, formal, legal, court, parents))
        return found

    return opened.store.read(work)


def workflow_at[S: PenaltyNoticeService](
    opened: OpenProfile,
    officer_id: str,
    moment: dt.datetime,
    kind: type[S] = PenaltyNoticeService,  # type: ignore[assignment]  # S is the default
) -> S:
    """The penalty-notice service (or ``kind`` of it), and the letters it sends, with the clock
    at ``moment`` and acting as ``officer_id``: history replayed through the real workflow."""
    sender = letters_at(opened, officer_id, moment)
    clock = FixedClock(moment.astimezone(dt.UTC))
    return kind(
        opened.store,
        clock,
        officer_id,
        letters=lambda: sender,
        la_name=opened.settings.la_name,
        improvement=opened.settings.notice_to_improve,
    )


class _Replay:
    """The services with the clock at a given moment, acting as the case's officer, for the
    steps of one case. Each step is done once: a step the profile already holds (from a
    top-up killed part-way) is skipped and its result read back, so a rerun goes on from
    where the killed one stopped and never considers, issues or sends anything twice."""

    def __init__(self, opened: OpenProfile, officer_id: str, case_id: str) -> None:
        self._opened = opened
        self._officer_id = officer_id
        # the notices this case already has, in the order they were considered: the n-th
        # consider step of the replay made the n-th group of them (a notice issued by someone
        # else is recorded, not considered: record_others_notice finds it by its number)
        self.held: list[str] = opened.store.read(
            lambda s: list(
                s.scalars(
                    select(PenaltyNotice.id)
                    .where(PenaltyNotice.case_id == case_id, PenaltyNotice.issuer == "")
                    .order_by(literal_column("penalty_notice.rowid"))
                )
            )
        )

    def at(self, day: dt.date, minute: int) -> PenaltyNoticeService:
        moment = dt.datetime.combine(day, dt.time(minute // 60, minute % 60), tzinfo=UK)
        service = workflow_at(self._opened, self._officer_id, moment, _OnceOnly)
        service._replay = self
        return service


class _OnceOnly(PenaltyNoticeService):
    """The workflow, skipping the steps already recorded (see :class:`_Replay`)."""

    _replay: _Replay  # set by _Replay.at, which makes it through workflow_at

    def consider(
        self,
        case_id: str,
        parent_ids: Sequence[str],
        first: dt.date,
        last: dt.date,
        *,
        grounds: Grounds = Grounds.UNAUTHORISED_ABSENCE,
        note: str = "",
    ) -> list[NoticeInfo]:
        held = self._replay.held
        if len(held) >= len(parent_ids):
            done, self._replay.held = held[: len(parent_ids)], held[len(parent_ids) :]
            return [self.notice(notice_id) for notice_id in done]
        self._replay.held = []
        return super().consider(case_id, parent_ids, first, last, grounds=grounds, note=note)

    def send_notice_to_improve(
        self,
        notice_id: str,
        *,
        until: dt.date,
        improvement: str,
        support: str,
        sent_on: dt.date,
        method: str,
    ) -> NoticeInfo:
        current = self.notice(notice_id)
        if current.nti_on is not None:
            return current
        return super().send_notice_to_improve(
            notice_id,
            until=until,
            improvement=improvement,
            support=support,
            sent_on=sent_on,
            method=method,
        )

    def decide_not_to_issue(self, notice_id: str, reason: str) -> NoticeInfo:
        current = self.notice(notice_id)
        if current.status is NoticeStatus.NOT_ISSUED:
            return current
        return super().decide_not_to_issue(notice_id, reason)

    def issue(
        self,
        notice_id: str,
        *,
        issued_on: dt.date,
        served_by: str,
        authorised_by: str,
        authorised_on: dt.date,
        received_on: dt.date | None = None,
    ) -> NoticeInfo:
        current = self.notice(notice_id)
        if current.issued_on is not None:
            return current
        return super().issue(
            notice_id,
            issued_on=issued_on,
            served_by=served_by,
            authorised_by=authorised_by,
            authorised_on=authorised_on,
            received_on=received_on,
        )

    def record_payment(self, notice_id: str, paid_on: dt.date, amount: int) -> NoticeInfo:
        current = self.notice(notice_id)
        if current.paid_on is not None:
            return current
        return super().record_payment(notice_id, paid_on, amount)

    def mark_unpaid(self, notice_id: str) -> NoticeInfo:
        current = self.notice(notice_id)
        if current.status in (NoticeStatus.UNPAID, NoticeStatus.PROSECUTED):
            return current
        return super().mark_unpaid(notice_id)

    def withdraw(self, notice_id: str, on: dt.date, reason: str) -> NoticeInfo:
        current = self.notice(notice_id)
        if current.withdrawn_on is not None:
            return current
        return super().withdraw(notice_id, on, reason)

    def record_eso_decision(
        self, case_id: str, *, considered_on: dt.date, considered_by: str, decision: str,
        reason: str,
    ) -> EsoDecisionInfo:  # fmt: skip
        held = [d for d in self.eso_decisions(case_id) if d.considered_on <= considered_on]
        if held:
            return held[0]
        return super().record_eso_decision(
            case_id, considered_on=considered_on, considered_by=considered_by,
            decision=decision, reason=reason,
        )  # fmt: skip

    def record_others_notice(self, case_id: str, notice: OthersNotice) -> NoticeInfo:
        held = [n for n in self.notices_for(case_id) if n.number == notice.number]
        if held:
            return held[0]
        return super().record_others_notice(case_id, notice)

    def record_prosecution(self, notice_id: str, on: dt.date, note: str) -> NoticeInfo:
        current = self.notice(notice_id)
        if current.prosecution_on is not None:
            return current
        return super().record_prosecution(notice_id, on, note)


def _supervisor(opened: OpenProfile) -> str | None:
    return opened.store.read(
        lambda s: s.scalar(select(Officer.id).where(Officer.role == "supervisor").limit(1))
    )


NOTES = (
    "Discussed in supervision: the support offered through the plan has not improved attendance.",
    "The school's own letters and the attendance contract have not worked.",
    "Agreed with the supervisor after the last review.",
)
IMPROVEMENT = (
    "No unauthorised absence during the improvement period, and attendance of at least 90% "
    "over the period.",
    "Attendance of at least 95% over the improvement period, with every absence explained to "
    "the school on the first day.",
)
SUPPORT = (
    "A weekly check-in with the school's attendance mentor; a morning wake-up call from the "
    "officer for the first two weeks; a referral to Early Help, which you may accept at any "
    "time.",
    "A place in the school's breakfast club; a reduced-cost bus pass; a meeting with the SENCo "
    "about the support in class.",
)


def add_penalty_notices(opened: OpenProfile, *, seed: int, today: dt.date, indexes: range) -> int:
    """Replay the penalty-notice work of the demo cases ``indexes``; returns notices made."""
    supervisor = _supervisor(opened)
    if supervisor is None or not indexes:
        return 0
    made = 0
    limit_shown = False
    for case in _legal_cases(opened, indexes):
        if case.index == 0:
            continue  # case 0 keeps its 300 entries (the benchmark's long chronology)
        rng = seeded(seed, "pn", case.index)
        replay = _Replay(opened, case.officer_id, case.case_id)
        if not limit_shown and case.legal_from is not None:
            shown = _limit_family(replay, case, supervisor, today)
            if shown:
                made += shown
                limit_shown = True
                continue
        parents = case.parents[:2] if rng.random() < 0.2 else case.parents[:1]
        made += _replay_case(replay, rng, case, list(parents), supervisor, today)
    return made


def _consider(
    replay: _Replay, rng: random.Random, case: LegalCase, parents: list[str], day: dt.date
) -> list[NoticeInfo]:
    first, last = day - dt.timedelta(weeks=14), day - dt.timedelta(days=1)
    service = replay.at(day, rng.randint(600, 900))
    seen = service.threshold(case.case_id, first, last)
    holiday = seen.codes_in_window.get("G", 0) * 2 > seen.unauthorised_in_window
    grounds = Grounds.LEAVE_IN_TERM_TIME if holiday else Grounds.UNAUTHORISED_ABSENCE
    return service.consider(
        case.case_id, parents, first, last, grounds=grounds, note=rng.choice(NOTES)
    )


def _first_met(replay: _Replay, case: LegalCase, start: dt.date, end: dt.date) -> dt.date | None:
    """The first school day from ``start`` (checked weekly, before ``end``) on which the last
    14 weeks of the register meet the threshold: when an officer must consider a notice."""
    day = next_working_day(start)
    while day < end:
        if _met_on(replay, case, day):
            return day
        day = next_working_day(day + dt.timedelta(weeks=1))
    return None


def _replay_case(
    replay: _Replay,
    rng: random.Random,
    case: LegalCase,
    parents: list[str],
    supervisor: str,
    today: dt.date,
) -> int:
    """Formal intervention: considered, a Notice to Improve; legal intervention: issued."""
    start = next_working_day(case.formal_from + dt.timedelta(days=rng.randint(1, 6)))
    if start >= today:
        return 0
    formal_end = min(case.legal_from or today, today)
    considered = _first_met(replay, case, start, formal_end) or start
    notices = _consider(replay, rng, case, parents, considered)
    made = len(notices)
    for notice in notices:
        issue_from = _before_issue(replay, rng, case, notice, today)
        if issue_from is None or case.legal_from is None:
            continue  # ended, still running, or still at the formal stage
        if not notice.evidence.met:
            # considered again once the register meets the threshold in legal intervention
            later = _first_met(replay, case, max(case.legal_from, issue_from), today)
            if later is None:
                continue
            [notice] = _consider(replay, rng, case, [notice.parent_id], later)
            made += 1
            issue_from = later
        day = add_working_days(max(case.legal_from, issue_from), rng.randint(2, 5))
        if day < today:
            _issue_and_after(replay, rng, case, notice, supervisor, day, today)
    return made


def _not_issued(replay: _Replay, rng: random.Random, notice: NoticeInfo, today: dt.date) -> None:
    later = add_working_days(notice.considered_on, rng.randint(1, 4))
    if later < today:
        replay.at(later, rng.randint(600, 960)).decide_not_to_issue(
            notice.id,
            f"The register shows {notice.evidence.unauthorised_in_window} sessions of "
            "unauthorised absence in the worst 10 school weeks, below the national threshold; "
            "support continues under the plan.",
        )


def _before_issue(
    replay: _Replay, rng: random.Random, case: LegalCase, notice: NoticeInfo, today: dt.date
) -> dt.date | None:
    """The Notice to Improve where it fits; the first day a notice could then be issued, or
    None when the notice ends here (improvement, threshold not met) or the demo's today comes
    first."""
    if not notice.evidence.met:
        _not_issued(replay, rng, notice, today)
        return notice.considered_on if case.legal_from is not None else None
    if notice.grounds is Grounds.LEAVE_IN_TERM_TIME:
        return notice.considered_on  # no Notice to Improve for leave in term time
    sent = add_working_days(notice.considered_on, rng.randint(1, 3))
    if sent >= today:
        return None
    until = add_working_days(sent, 15 + rng.randint(0, 10))
    try:
        replay.at(sent, rng.randint(600, 960)).send_notice_to_improve(
            notice.id,
            until=until,
            improvement=rng.choice(IMPROVEMENT),
            support=rng.choice(SUPPORT),
            sent_on=sent,
            method="post",
        )
    except LetterRefused:
        # e.g. in the first days of a school year the letter has no figures for it yet;
        # the application refuses to send it, so this officer goes on without one
        return notice.considered_on
    after = add_working_days(until, rng.randint(1, 3))
    if after >= today:
        return None
    if case.legal_from is None:
        if rng.random() < 0.6:
            replay.at(after, rng.randint(600, 960)).decide_not_to_issue(
                notice.id,
                "Sufficient improvement during the Notice to Improve period: attendance over "
                "the period met the level set and there was no unauthorised absence.",
            )
        return None
    return after


def _issue_and_after(
    replay: _Replay,
    rng: random.Random,
    case: LegalCase,
    notice: NoticeInfo,
    supervisor: str,
    day: dt.date,
    today: dt.date,
) -> None:
    try:
        issued = replay.at(day, rng.randint(600, 900)).issue(
            notice.id,
            issued_on=day,
            served_by="post" if rng.random() < 0.85 else "hand",
            authorised_by=supervisor,
            authorised_on=case.legal_from or day,
        )
    except StepRefused:
        return  # the rules say no (a third within three years): the officer looks elsewhere
    assert issued.received_on is not None and issued.full_by is not None
    roll = rng.random()
    if roll < 0.05:
        on = add_working_days(day, rng.randint(2, 6))
        if on < today:
            replay.at(on, 620).withdraw(
                notice.id, on, "The notice contains a material error: the wrong school named"
            )
        return
    if roll < 0.6:
        reduced = roll < 0.45 and issued.amount_21 is not None
        paid = payment_day(rng, issued.received_on, reduced=reduced)
        if paid < today:
            amount = issued.amount_21 if reduced and issued.amount_21 else issued.amount_28
            replay.at(paid, rng.randint(600, 960)).record_payment(notice.id, paid, amount or 160)
        return
    unpaid_on = add_working_days(issued.full_by, rng.randint(1, 3))
    if unpaid_on >= today:
        return
    replay.at(unpaid_on, 640).mark_unpaid(notice.id)
    if case.went_to_court is not None and case.went_to_court > unpaid_on:
        # s447 Education Act 1996: an Education Supervision Order is considered first
        replay.at(case.went_to_court, 690).record_eso_decision(
            case.case_id,
            considered_on=case.went_to_court,
            considered_by="The attendance legal panel",
            decision="not_apply",
            reason="The family engaged with support before and it did not change attendance; "
            "the court's oversight of a prosecution is thought more likely to.",
        )
        replay.at(case.went_to_court, 700).record_prosecution(
            notice.id,
            case.went_to_court,
            "Single Justice Procedure notice served with the evidence; an Education "
            "Supervision Order was considered first and not thought suitable.",
        )


def _met_on(replay: _Replay, case: LegalCase, day: dt.date) -> bool:
    """Whether a notice considered on ``day`` meets the threshold: the same 14 weeks up to the
    day before that ``_consider`` and ``_limit_family`` give the service, so that a day found
    here is never refused when the notice is issued."""
    seen = replay.at(day, 600).threshold(
        case.case_id, day - dt.timedelta(weeks=14), day - dt.timedelta(days=1)
    )
    return seen.met


def _limit_family(replay: _Replay, case: LegalCase, supervisor: str, today: dt.date) -> int:
    """A notice issued by the child's head teacher for an earlier term (recorded by the
    officer: it counts), the LA's own for a later period (a second notice), then a third
    being considered (which the rules will refuse). Returns the notices made; 0 when this
    case's register cannot show it (no day where the threshold is met)."""
    legal = case.legal_from
    if legal is None:
        return 0
    found: tuple[dt.date, dt.date] | None = None  # (the LA's day of issue, its period's start)
    day = next_working_day(max(legal - dt.timedelta(days=500), FRAMEWORK_START))
    while day < legal and found is None:
        seen = replay.at(day, 600).threshold(
            case.case_id, day - dt.timedelta(weeks=14), day - dt.timedelta(days=1)
        )
        if seen.met and seen.window_from is not None:
            found = (day, seen.window_from)
        day = next_working_day(day + dt.timedelta(weeks=2))
    considered = next_working_day(legal + dt.timedelta(days=2))
    if found is None or considered >= today:
        return 0
    issued_on, covered_from = found
    others_on = next_working_day(covered_from)
    if covered_from - dt.timedelta(weeks=10) < FRAMEWORK_START:
        return 0
    parent = [case.parents[0]]
    replay.at(issued_on, 590).record_others_notice(
        case.case_id,
        OthersNotice(
            parent_id=parent[0],
            issuer="head_teacher",
            issuer_name="The head teacher of the child's school",
            number=f"HT-{others_on.year}-{case.index:04d}",
            issued_on=others_on,
            status=NoticeStatus.PAID_21,
            period_from=covered_from - dt.timedelta(weeks=10),
            period_to=covered_from - dt.timedelta(days=1),
        ),
    )
    service = replay.at(issued_on, 600)
    [notice] = service.consider(
        case.case_id,
        parent,
        issued_on - dt.timedelta(weeks=14),
        issued_on - dt.timedelta(days=1),
        note="Support through the plan has not improved attendance.",
    )
    issued = replay.at(issued_on, 640).issue(
        notice.id,
        issued_on=issued_on,
        served_by="hand",
        authorised_by=supervisor,
        authorised_on=issued_on,
    )
    assert issued.received_on is not None
    paid = issued.received_on + dt.timedelta(days=10)
    if paid < today:
        replay.at(paid, 700).record_payment(
            notice.id, paid, issued.amount_21 or issued.amount_28 or 160
        )
    replay.at(considered, 610).consider(
        case.case_id,
        parent,
        considered - dt.timedelta(weeks=14),
        considered - dt.timedelta(days=1),
        note="Two notices already issued to this parent within three years: a third is not "
        "allowed, so prosecution is to be considered (an ESO first, s447).",
    )
    return 3
