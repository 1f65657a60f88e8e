"""What importing a register extract would do, said before anything changes (issue 11
point 9): the children matched, the marks added, replaced (the mark held differs) and left
as they are, and the penalty notices whose evidence period holds a replaced mark.

The preview runs the import's own comparison (:func:`plan_import`) in a read transaction, so
it says what :func:`import_checked` then does; the import is given the preview the officer
confirmed and refuses if the marks held have changed since.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.attendance.codes import shipped_codes
from officer_app.attendance.register import Issue
from officer_app.clock import Clock
from officer_app.domain.penalty_notices import STATUS_LABELS, NoticeStatus, ThresholdEvidence
from officer_app.progress import Progress
from officer_app.services.register_import import (
    CheckedRegister,
    big_cache,
    check_register,
    plan_import,
)
from officer_app.store.database import Store
from officer_app.store.models import Case, Child, PenaltyNotice
from officer_app.wording import short_date


@dataclass(frozen=True)
class NoticeAffected:
    """A penalty notice whose evidence period holds a mark the import would replace: the
    figures recorded for it (ThresholdEvidence, the offence period) no longer match the
    register."""

    case_reference: str
    child_name: str
    notice: str  # its number, or when it was considered
    status: str
    period_from: dt.date
    period_to: dt.date
    replaced: int  # marks replaced within the period
    unauthorised_change: int  # unauthorised sessions in the period after minus before


@dataclass(frozen=True)
class ImportPreview:
    """What importing a checked register would do, worked out without changing anything."""

    file: str
    rows: int
    pupils_matched: int
    pupils_not_on_caseload: int
    added: int
    replaced: int  # marks held with another code
    unchanged: int
    children_replaced: int  # children with a mark replaced
    notices: tuple[NoticeAffected, ...]
    warnings: tuple[Issue, ...]

    @property
    def replaces_held(self) -> bool:
        """Whether the import would change marks already held (the officer must confirm)."""
        return self.replaced > 0

    def lines(self) -> list[str]:
        """The summary, as the window and the command line both say it."""
        said = [
            f"{self.file}: {self.rows} rows; {self.pupils_matched} pupils on this caseload, "
            f"{self.pupils_not_on_caseload} not (left out)",
            f"Marks added: {self.added}",
            f"Marks replaced (the mark held differs): {self.replaced}"
            + (f", for {_children(self.children_replaced)}" if self.replaced else ""),
            f"Marks unchanged (already held): {self.unchanged}",
        ]
        if self.notices:
            said.append("Penalty-notice evidence that would move:")
            for n in self.notices:
                change = (
                    f"unauthorised sessions {n.unauthorised_change:+d}"
                    if n.unauthorised_change
                    else "unauthorised count unchanged"
                )
                said.append(
                    f"  {n.case_reference} {n.child_name}: notice {n.notice} ({n.status}), "
                    f"period {short_date(n.period_from)} to {short_date(n.period_to)}: "
                    f"{n.replaced} mark{'s' * (n.replaced != 1)} replaced, {change}"
                )
        elif self.replaced:
            said.append("No penalty notice's evidence period holds a replaced mark.")
        return said


def _children(count: int) -> str:
    return f"{count} child" if count == 1 else f"{count} children"


def preview_import(store: Store, checked: CheckedRegister) -> ImportPreview:
    """What :func:`import_checked` would do with ``checked`` now; nothing is changed
    (blocking: a worker). RegisterRefused for what the import would refuse."""

    def work(session: Session) -> ImportPreview:
        with big_cache(session):
            plan = plan_import(session, checked)
        added, replaced, unchanged = plan.counts
        return ImportPreview(
            file=checked.file,
            rows=checked.rows,
            pupils_matched=len(plan.children),
            pupils_not_on_caseload=plan.not_on_caseload,
            added=added,
            replaced=replaced,
            unchanged=unchanged,
            children_replaced=len({child for child, *_rest in plan.replaced}),
            notices=_notices_affected(session, plan.replaced),
            warnings=checked.warnings,
        )

    return store.read(work)


def read_and_preview(
    store: Store, path: Path, clock: Clock, *, accept_other_set: bool = False
) -> Generator[Progress, None, tuple[CheckedRegister, ImportPreview]]:
    """Read and check ``path`` and say what importing it would do (yields progress)."""
    checked = yield from check_register(path, clock, accept_other_set=accept_other_set)
    yield Progress(0, len(checked.marks), "Comparing with the marks held")
    preview = preview_import(store, checked)
    yield Progress(len(checked.marks), len(checked.marks), "Compared")
    return checked, preview


NOTICES_LEFT_ALONE = ("withdrawn", "not_issued")
"""A withdrawn notice or one decided against rests on no figures that still matter."""


def _notices_affected(
    session: Session, replaced: list[tuple[str, dt.date, str, str, str]]
) -> tuple[NoticeAffected, ...]:
    """The penalty notices (considered, running or issued) of the children with a replaced
    mark whose evidence period holds one: the range the threshold was computed over
    (ThresholdEvidence first..last, PenaltyNotice.evidence) and the offence period
    (period_from..period_to) stated on an issued notice (reg 3 SI 2007/1867)."""
    if not replaced:
        return ()
    by_child: dict[str, list[tuple[dt.date, str, str]]] = {}
    for child_id, day, _session, old, new in replaced:
        by_child.setdefault(child_id, []).append((day, old, new))
    codes = shipped_codes()

    def unauthorised(code: str, day: dt.date) -> int:
        info = codes.on(code, day) or codes.lookup(code)
        return int(info is not None and info.category == "unauthorised")

    found: list[NoticeAffected] = []
    rows = session.execute(
        select(PenaltyNotice, Case.reference, Child.forename, Child.surname)
        .join(Case, Case.id == PenaltyNotice.case_id)
        .join(Child, Child.id == PenaltyNotice.child_id)
        .where(
            PenaltyNotice.child_id.in_(by_child),
            PenaltyNotice.status.not_in(NOTICES_LEFT_ALONE),
        )
        .order_by(Case.reference, PenaltyNotice.considered_on)
    ).all()
    for notice, reference, forename, surname in rows:
        periods = _evidence_periods(notice)
        inside = [
            (day, old, new)
            for day, old, new in by_child[notice.child_id]
            if any(a <= day <= b for a, b in periods)
        ]
        if not inside:
            continue
        status = NoticeStatus(notice.status) if notice.status in NoticeStatus else None
        found.append(
            NoticeAffected(
                case_reference=reference,
                child_name=f"{forename} {surname}",
                notice=notice.number or f"considered on {short_date(notice.considered_on)}",
                status=STATUS_LABELS[status] if status else notice.status,
                period_from=min(a for a, _b in periods),
                period_to=max(b for _a, b in periods),
                replaced=len(inside),
                unauthorised_change=sum(
                    unauthorised(new, day) - unauthorised(old, day) for day, old, new in inside
                ),
            )
        )
    return tuple(found)


def _evidence_periods(notice: PenaltyNotice) -> list[tuple[dt.date, dt.date]]:
    periods: list[tuple[dt.date, dt.date]] = []
    evidence = notice.evidence or {}
    if evidence.get("first") and evidence.get("last"):
        seen = ThresholdEvidence.from_json(evidence)
        periods.append((seen.first, seen.last))
    if notice.period_from and notice.period_to:
        periods.append((notice.period_from, notice.period_to))
    return periods
