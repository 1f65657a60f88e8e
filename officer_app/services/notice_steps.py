"""What every step on a penalty notice shares: the store, the clock and the officer; reading
notices, parents, supervisors and the threshold; and the one way a step changes a notice.

A step checks the notice's state against the national rules, changes its row and signs an
entry into the case's chronology, all in one writer transaction (:meth:`NoticeSteps._step`
and :meth:`NoticeSteps._sign`). The steps themselves are in notice_issuing.py (considering to
issuing) and notice_outcomes.py (payment, withdrawal, prosecution, s447, notices by others);
services/penalty_notices.py puts them together as :class:`PenaltyNoticeService`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.attendance.codes import shipped_codes
from officer_app.clock import UK, Clock
from officer_app.config import DEFAULT_LA_NAME
from officer_app.domain import penalty_notices as rules
from officer_app.domain.attendance import CodeTable, Mark
from officer_app.domain.chronology import EntryType
from officer_app.domain.notice_to_improve import ImprovementPeriod
from officer_app.domain.penalty_notices import NoticeStatus, ThresholdEvidence
from officer_app.services import notice_records as records
from officer_app.services.letters import LetterService
from officer_app.services.notice_facts import (
    IssuePlan,
    NoticeInfo,
    NoticeRefused,
    ParentChoice,
    adult_name,
    case_row,
    issue_plan,
    notice_info,
    notice_row,
    register_marks,
    threshold_evidence,
)
from officer_app.store import evidence
from officer_app.store.database import Store
from officer_app.store.models import Adult, Case, Child, ChronologyEntry, Officer, PenaltyNotice
from officer_app.wording import short_date


@dataclass
class StepContext:
    """What a step needs from the database, read inside its transaction."""

    notice: PenaltyNotice
    case: Case
    names: dict[str, str] = field(default_factory=dict)


class NoticeSteps:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        officer_id: str,
        *,
        letters: Callable[[], LetterService] | None = None,
        codes: CodeTable | None = None,
        la_name: str = DEFAULT_LA_NAME,
        improvement: ImprovementPeriod | None = None,
    ) -> None:
        self._la_name = la_name
        self._improvement = improvement or ImprovementPeriod()
        self._store = store
        self._clock = clock
        self._officer_id = officer_id
        self._letters = letters
        self._codes = codes

    @property
    def improvement_period(self) -> ImprovementPeriod:
        """The LA's range for a Notice to Improve's improvement period (settings.toml)."""
        return self._improvement

    @property
    def codes(self) -> CodeTable:
        if self._codes is None:
            self._codes = shipped_codes()
        return self._codes

    # --- reading -------------------------------------------------------------------------
    def notices_for(self, case_id: str) -> list[NoticeInfo]:
        def work(session: Session) -> list[NoticeInfo]:
            rows = session.scalars(
                select(PenaltyNotice)
                .where(PenaltyNotice.case_id == case_id)
                .order_by(PenaltyNotice.considered_on, PenaltyNotice.id)
            )
            return [notice_info(session, row) for row in rows]

        return self._store.read(work)

    def notice(self, notice_id: str) -> NoticeInfo:
        def work(session: Session) -> NoticeInfo:
            return notice_info(session, notice_row(session, notice_id))

        return self._store.read(work)

    def parents(self, case_id: str) -> list[ParentChoice]:
        """The adults of the child's family, those with parental responsibility first."""

        def work(session: Session) -> list[ParentChoice]:
            case = case_row(session, case_id)
            child = session.get_one(Child, case.child_id)
            adults = session.scalars(
                select(Adult).where(
                    Adult.family_id == child.family_id,
                    Adult.ended_on.is_(None),  # one who left the family is not offered
                )
            )
            found = [
                ParentChoice(
                    a.id, adult_name(a), a.relationship_to_child, a.parental_responsibility
                )
                for a in adults
            ]
            return sorted(found, key=lambda p: (not p.parental_responsibility, p.name))

        return self._store.read(work)

    def supervisors(self) -> list[tuple[str, str]]:
        """(id, name) of the supervisors who may authorise legal action."""
        return self._store.read(
            lambda session: [
                (officer_id, name)
                for officer_id, name in session.execute(
                    select(Officer.id, Officer.name)
                    .where(Officer.role == "supervisor")
                    .order_by(Officer.name)
                )
            ]
        )

    def threshold(self, case_id: str, first: dt.date, last: dt.date) -> ThresholdEvidence:
        """The penalty-notice threshold over the child's register from ``first`` to ``last``."""
        if first > last:
            raise NoticeRefused(f"the range ends ({short_date(last)}) before it starts")
        marks = self._store.read(lambda session: register_marks(session, case_id))
        return self._evidence(marks, first, last)

    def _evidence(self, marks: list[Mark], first: dt.date, last: dt.date) -> ThresholdEvidence:
        return threshold_evidence(
            marks, first, last, codes=self.codes, computed_on=self._clock.today()
        )

    def plan_issue(
        self,
        notice_id: str,
        issued_on: dt.date,
        served_by: str,
        received_on: dt.date | None = None,
    ) -> IssuePlan:
        """The amounts and payment dates a notice issued on ``issued_on`` would carry, or the
        refusal (a third notice within three years) with the alternatives."""

        def work(session: Session) -> IssuePlan:
            row = notice_row(session, notice_id)
            plan = issue_plan(session, row, issued_on, served_by, received_on)
            return records.refused_if_covered(session, row, plan)

        return self._store.read(work)

    # --- plumbing -----------------------------------------------------------------------------
    def _sender(self) -> LetterService:
        if self._letters is None:
            raise NoticeRefused("letters are not available, so no notice can be sent")
        return self._letters()

    def _step(
        self,
        notice_id: str,
        wanted: NoticeStatus,
        on: dt.date,
        title: str,
        change: Callable[[StepContext, Session], str],
    ) -> NoticeInfo:
        def work(session: Session) -> NoticeInfo:
            row = notice_row(session, notice_id)
            rules.check_step(NoticeStatus(row.status), wanted)
            case = session.get_one(Case, row.case_id)
            parent = session.get_one(Adult, row.parent_id)
            ctx = StepContext(row, case, {"parent": adult_name(parent)})
            body = change(ctx, session)
            row.status = wanted.value
            self._sign(session, row.case_id, f"{title}: {adult_name(parent)}", body, on)
            session.flush()
            return notice_info(session, row)

        return self._store.write_wait(work)

    def _sign(self, session: Session, case_id: str, title: str, body: str, day: dt.date) -> None:
        now = self._clock.now()
        occurred = (
            now
            if day == self._clock.today()
            else dt.datetime.combine(day, dt.time(12, 0), tzinfo=UK).astimezone(dt.UTC)
        )
        entry = ChronologyEntry(
            case_id=case_id,
            entry_type=EntryType.PENALTY_NOTICE.value,
            occurred_at=occurred,
            recorded_at=now,
            author_id=self._officer_id,
            title=title[:200],
            body=body,
            amend_reason="",
        )
        evidence.sign(session, entry, by=self._officer_id, at=now)
        session.add(entry)
        session.flush()  # the next signature in this transaction must see this link
