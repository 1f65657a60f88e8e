"""Moving a case from one stage of its life to another (issue 8, point 14; issue 11, points 2-3).

Every change of stage goes through one path, :meth:`CaseStageService._move`: the rules of
:mod:`officer_app.domain.stages` (domain.md, "The life of a case"), a reason, and a chronology
entry "Stage: X to Y - reason" signed into the case's evidence chain, all in one writer
transaction. :meth:`move_stage` makes the moves of an open case; :meth:`close_case` closes
with a reason from the LA's list and the attendance before and after intervention
(:mod:`officer_app.domain.closure`); :meth:`reopen_case` takes a closed case back to
Allocated. A move to Legal intervention needs a supervisor's authority (domain.md, step 6):
the supervisor is named, and recorded in the entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.attendance.codes import shipped_codes
from officer_app.clock import Clock
from officer_app.domain.attendance import percentage
from officer_app.domain.chronology import EntryType
from officer_app.domain.closure import (
    DEFAULT_CLOSURE_REASONS,
    DETAIL_LIMIT,
    ClosureReason,
    Figure,
    after_period,
    before_period,
    closure_entry_text,
    closure_text,
    find_reason,
    percent_problem,
)
from officer_app.domain.stages import (
    NEEDS_SUPERVISOR,
    Stage,
    move_refusal,
    stage_entry_text,
)
from officer_app.services.case_file import CaseNotFound
from officer_app.store import evidence
from officer_app.store.database import Store
from officer_app.store.models import AttendanceMark, Case, ChronologyEntry, Officer

SUPERVISOR_ROLE = "supervisor"
REASON_LIMIT = 200  # Case.closure_reason holds 200 characters; the chronology keeps it all
CLOSE_WITH_A_REASON = (
    "a case is closed with a closure reason and its attendance figures: "
    "use Close case (officer-app cases close)"
)


class StageRefused(ValueError):
    """The move cannot be made as asked; the message says why, for the officer."""


@dataclass(frozen=True)
class StageMove:
    case_id: str
    reference: str
    from_stage: str
    from_label: str
    to_stage: str
    to_label: str
    status: str
    reason: str
    authorised_by: str  # the supervisor's name, for a move that needs one; else ""
    entry_id: str
    chain_seq: int | None
    closure_code: str = ""  # on closing: the reason's key, and the two figures recorded
    attendance_before: float | None = None
    attendance_after: float | None = None


@dataclass(frozen=True)
class StageOption:
    """A stage the case might move to: ``refusal`` says why not now (None: it may)."""

    stage: str
    label: str
    refusal: str | None
    needs_supervisor: bool


@dataclass(frozen=True)
class StageChoices:
    case_id: str
    reference: str
    stage: str
    label: str
    options: tuple[StageOption, ...]
    supervisors: tuple[tuple[str, str], ...]  # (id, name)
    acting_is_supervisor: bool


@dataclass(frozen=True)
class ClosurePreview:
    """What the close dialog starts from: the case, the LA's reasons, the register's figures."""

    case_id: str
    reference: str
    stage: str
    label: str
    closed: bool
    reasons: tuple[ClosureReason, ...]
    before: Figure
    after: Figure


@dataclass(frozen=True)
class _Closing:
    code: str
    text: str
    before: float | None
    after: float | None


class CaseStageService:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        officer_id: str,
        closure_reasons: Sequence[ClosureReason] = DEFAULT_CLOSURE_REASONS,
    ) -> None:
        self._store = store
        self._clock = clock
        self._officer_id = officer_id
        self.closure_reasons = tuple(closure_reasons)

    def move_stage(
        self, case_id: str, to: Stage | str, reason: str, *, authorised_by: str | None = None
    ) -> StageMove:
        """Move the case to ``to`` if the rules allow it, or raise :class:`StageRefused`.

        ``authorised_by`` is the id of the supervisor who authorised a move that needs one
        (an officer whose role is supervisor authorises their own moves). Closing needs a
        closure reason: :meth:`close_case`.
        """
        try:
            target = Stage(to)
        except ValueError:
            known = ", ".join(s.value for s in Stage)
            raise StageRefused(f"{str(to)!r} is not a stage (stages: {known})") from None
        why = _reason(reason)
        if target is Stage.CLOSED:
            raise StageRefused(CLOSE_WITH_A_REASON)
        return self._store.write(
            lambda session: self._move(session, case_id, target, why, authorised_by, None)
        ).result()

    def close_case(
        self,
        case_id: str,
        reason_key: str,
        detail: str = "",
        attendance_before: float | None = None,
        attendance_after: float | None = None,
    ) -> StageMove:
        """Close the case for one of the LA's reasons (domain.md, step 9), recording both
        attendance figures: the officer's where given, else the register's
        (:mod:`officer_app.domain.closure` says over which periods)."""
        reason = find_reason(self.closure_reasons, reason_key)
        if reason is None:
            known = ", ".join(r.key for r in self.closure_reasons)
            raise StageRefused(f"reason: {reason_key!r} is not a closure reason (known: {known})")
        said = " ".join(detail.split())
        if reason.needs_detail and not said:
            raise StageRefused(f"detail: say why the case closes ({reason.label})")
        if len(said) > DETAIL_LIMIT:
            raise StageRefused(f"detail: at most {DETAIL_LIMIT} characters")
        for value, field in (
            (attendance_before, "attendance before"),
            (attendance_after, "attendance after"),
        ):
            problem = percent_problem(value, field)
            if problem is not None:
                raise StageRefused(problem)
        closing = _Closing(reason.key, closure_text(reason, said), attendance_before,
                           attendance_after)  # fmt: skip
        return self._store.write(
            lambda session: self._move(session, case_id, Stage.CLOSED, closing.text, None, closing)
        ).result()

    def reopen_case(self, case_id: str, reason: str) -> StageMove:
        """Reopen a closed case at Allocated (a new referral), the reason signed."""
        why = _reason(reason)
        return self._store.write(
            lambda session: self._move(session, case_id, Stage.ALLOCATED, why, None, None,
                                       reopening=True)
        ).result()  # fmt: skip

    def _move(
        self,
        session: Session,
        case_id: str,
        target: Stage,
        why: str,
        authorised_by: str | None,
        closing: _Closing | None,
        *,
        reopening: bool = False,
    ) -> StageMove:
        """The one path for a change of stage. Read and checked inside the writer's
        transaction: two moves of one case at once are taken in turn, and the second is
        checked against the first's result."""
        case = session.get(Case, case_id)
        if case is None:
            raise CaseNotFound(f"no case with id {case_id}")
        current = Stage(case.stage)
        if reopening and current is not Stage.CLOSED:
            raise StageRefused(f"the case is open (at {current.label}): only a closed case reopens")
        supervisor = _authority(session, target, self._officer_id, authorised_by)
        refusal = move_refusal(current, target, supervisor_authorised=supervisor is not None)
        if refusal is not None:
            raise StageRefused(refusal)
        now = self._clock.now()
        case.stage = target.value
        before = after = None
        if closing is not None:
            before, after = _figures(session, case, now.date(), closing.before, closing.after)
            case.status = "closed"
            case.closed_on = now.date()
            case.closure_reason = closing.text[:REASON_LIMIT]
            case.closure_code = closing.code
            case.attendance_before = before.percent
            case.attendance_after = after.percent
            title, body = closure_entry_text(current, closing.text, before, after)
        else:
            if current is Stage.CLOSED:
                case.status = "open"
                case.closed_on = None
                case.closure_reason = ""
                case.closure_code = ""
                case.attendance_before = None
                case.attendance_after = None
            title, body = stage_entry_text(
                current, target, why, authorised_by=supervisor.name if supervisor else ""
            )
        entry = ChronologyEntry(
            case_id=case.id,
            entry_type=(
                EntryType.CLOSURE if target is Stage.CLOSED else EntryType.STAGE_CHANGE
            ).value,
            occurred_at=now,
            recorded_at=now,
            author_id=self._officer_id,
            title=title,
            body=body,
            amend_reason="",
        )
        evidence.sign(session, entry, by=self._officer_id, at=now)
        session.add(entry)
        session.flush()
        return StageMove(
            case_id=case.id,
            reference=case.reference,
            from_stage=current.value,
            from_label=current.label,
            to_stage=target.value,
            to_label=target.label,
            status=case.status,
            reason=why,
            authorised_by=supervisor.name if supervisor is not None else "",
            entry_id=entry.id,
            chain_seq=entry.chain_seq,
            closure_code=closing.code if closing else "",
            attendance_before=before.percent if before else None,
            attendance_after=after.percent if after else None,
        )

    def choices(self, case_id: str) -> StageChoices:
        """Every other stage, with whether the rules allow the move from here and why not."""
        officer_id = self._officer_id

        def read(session: Session) -> StageChoices:
            case = session.get(Case, case_id)
            if case is None:
                raise CaseNotFound(f"no case with id {case_id}")
            current = Stage(case.stage)
            acting = session.get(Officer, officer_id)
            options = []
            for stage in Stage:
                if stage is current:
                    continue
                refusal = move_refusal(current, stage, supervisor_authorised=True)
                if refusal is None and stage is Stage.CLOSED:
                    refusal = CLOSE_WITH_A_REASON
                options.append(
                    StageOption(stage.value, stage.label, refusal, stage in NEEDS_SUPERVISOR)
                )
            return StageChoices(
                case_id=case.id,
                reference=case.reference,
                stage=current.value,
                label=current.label,
                options=tuple(options),
                supervisors=tuple(_supervisors(session)),
                acting_is_supervisor=acting is not None and acting.role == SUPERVISOR_ROLE,
            )

        return self._store.read(read)

    def closure_preview(self, case_id: str) -> ClosurePreview:
        """The case and the register's figures as they would be recorded if it closed today."""
        today = self._clock.now().date()

        def read(session: Session) -> ClosurePreview:
            case = session.get(Case, case_id)
            if case is None:
                raise CaseNotFound(f"no case with id {case_id}")
            before, after = _figures(session, case, today, None, None)
            stage = Stage(case.stage)
            return ClosurePreview(
                case_id=case.id,
                reference=case.reference,
                stage=stage.value,
                label=stage.label,
                closed=stage is Stage.CLOSED,
                reasons=self.closure_reasons,
                before=before,
                after=after,
            )

        return self._store.read(read)

    def supervisors(self) -> list[tuple[str, str]]:
        """(id, name) of the officers who may authorise legal intervention."""
        return self._store.read(_supervisors)


def _reason(reason: str) -> str:
    why = " ".join(reason.split())
    if not why:
        raise StageRefused("say why the case moves: a stage change needs a reason")
    return why


def _supervisors(session: Session) -> list[tuple[str, str]]:
    return [
        (str(officer_id), str(name))
        for officer_id, name in session.execute(
            select(Officer.id, Officer.name)
            .where(Officer.role == SUPERVISOR_ROLE)
            .order_by(Officer.name)
        )
    ]


def _figures(
    session: Session, case: Case, closed_on: dt.date, before: float | None, after: float | None
) -> tuple[Figure, Figure]:
    """The attendance before and after intervention from the child's marks held (the
    officer's own figures, where given, kept beside them)."""
    codes = shipped_codes()
    marks = session.execute(
        select(AttendanceMark.date, AttendanceMark.code)
        .where(AttendanceMark.child_id == case.child_id)
        .order_by(AttendanceMark.date)
    ).all()

    def counts(first: dt.date, last: dt.date) -> tuple[int, int]:
        possible = attending = 0
        for day, code in marks:
            if first <= day <= last:
                info = codes.lookup(code)
                category = info.category if info is not None else ""
                if category in ("present", "approved_activity"):
                    attending += 1
                    possible += 1
                elif category in ("authorised", "unauthorised"):
                    possible += 1
        return possible, attending

    def register(first: dt.date, last: dt.date) -> float | None:
        possible, attending = counts(first, last)
        share = percentage(attending, possible)
        return None if share is None else float(share)

    first, last = before_period(case.referral_date, lambda a, b: counts(a, b)[0])
    after_first, after_last = after_period(case.referral_date, closed_on)
    return (
        Figure(first, last, register(first, last), before),
        Figure(after_first, after_last, register(after_first, after_last), after),
    )


def _authority(
    session: Session, target: Stage, officer_id: str, authorised_by: str | None
) -> Officer | None:
    """The supervisor whose authority the move carries, or None (refused by the rule if the
    move needs one). A named officer who is not a supervisor is refused outright."""
    if target not in NEEDS_SUPERVISOR:
        return None
    if authorised_by is not None:
        named = session.get(Officer, authorised_by)
        if named is None or named.role != SUPERVISOR_ROLE:
            raise StageRefused("the authority for legal intervention comes from a supervisor")
        return named
    acting = session.get(Officer, officer_id)
    return acting if acting is not None and acting.role == SUPERVISOR_ROLE else None
