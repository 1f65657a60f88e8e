"""Moving a case from one stage of its life to another (issue 8, point 14).

Every change of stage goes through :meth:`CaseStageService.move_stage`: the rules of
:mod:`officer_app.domain.stages` (domain.md, "The life of a case"), a reason, and a chronology
entry "Stage: X to Y - reason" signed into the case's evidence chain, all in one writer
transaction. Closing records the date and the reason; reopening (Closed to Allocated, on a
new referral) clears them. A move to Legal intervention needs a supervisor's authority
(domain.md, step 6): the supervisor is named, and recorded in the entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.domain.chronology import EntryType
from officer_app.domain.stages import NEEDS_SUPERVISOR, Stage, move_refusal
from officer_app.services.case_file import CaseNotFound
from officer_app.store import evidence
from officer_app.store.database import Store
from officer_app.store.models import Case, ChronologyEntry, Officer

SUPERVISOR_ROLE = "supervisor"
REASON_LIMIT = 200  # Case.closure_reason holds 200 characters; the chronology keeps it all


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


class CaseStageService:
    def __init__(self, store: Store, clock: Clock, officer_id: str) -> None:
        self._store = store
        self._clock = clock
        self._officer_id = officer_id

    def move_stage(
        self, case_id: str, to: Stage | str, reason: str, *, authorised_by: str | None = None
    ) -> StageMove:
        """Move the case to ``to`` if the rules allow it, or raise :class:`StageRefused`.

        ``authorised_by`` is the id of the supervisor who authorised a move that needs one
        (an officer whose role is supervisor authorises their own moves).
        """
        try:
            target = Stage(to)
        except ValueError:
            known = ", ".join(s.value for s in Stage)
            raise StageRefused(f"{str(to)!r} is not a stage (stages: {known})") from None
        why = " ".join(reason.split())
        if not why:
            raise StageRefused("say why the case moves: a stage change needs a reason")
        now = self._clock.now()
        officer_id = self._officer_id

        def work(session: Session) -> StageMove:
            # Read and checked inside the writer's transaction: two moves of one case at once
            # are taken in turn, and the second is checked against the first's result.
            case = session.get(Case, case_id)
            if case is None:
                raise CaseNotFound(f"no case with id {case_id}")
            current = Stage(case.stage)
            supervisor = _authority(session, target, officer_id, authorised_by)
            refusal = move_refusal(current, target, supervisor_authorised=supervisor is not None)
            if refusal is not None:
                raise StageRefused(refusal)
            case.stage = target.value
            if target is Stage.CLOSED:
                case.status = "closed"
                case.closed_on = now.date()
                case.closure_reason = why[:REASON_LIMIT]
            elif current is Stage.CLOSED:
                case.status = "open"
                case.closed_on = None
                case.closure_reason = ""
            headline = f"Stage: {current.label} to {target.label}"
            body = f"{headline} - {why}"
            if supervisor is not None:
                body += f"\nAuthorised by {supervisor.name} (supervisor)."
            entry = ChronologyEntry(
                case_id=case.id,
                entry_type=(
                    EntryType.CLOSURE if target is Stage.CLOSED else EntryType.STAGE_CHANGE
                ).value,
                occurred_at=now,
                recorded_at=now,
                author_id=officer_id,
                title=headline,
                body=body,
                amend_reason="",
            )
            evidence.sign(session, entry, by=officer_id, at=now)
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
            )

        return self._store.write(work).result()

    def supervisors(self) -> list[tuple[str, str]]:
        """(id, name) of the officers who may authorise legal intervention."""
        return self._store.read(
            lambda session: [
                (str(officer_id), str(name))
                for officer_id, name in session.execute(
                    select(Officer.id, Officer.name)
                    .where(Officer.role == SUPERVISOR_ROLE)
                    .order_by(Officer.name)
                )
            ]
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
