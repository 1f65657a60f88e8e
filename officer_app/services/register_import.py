"""Import a school's register extract into the profile: all or nothing, idempotent.

Children are matched by UPN. Pupils in the file who are not on this caseload are left out
(and counted): an officer holds only the children allocated to them. A mark already held
with the same code is left alone; a changed mark replaces the old one and the change goes
into the case's chronology ("Register corrected: 08/09/2026 AM N → I"), so the history is
kept. One outbox mutation describes the whole import (a full year for a thousand pupils is
380,000 marks: one mutation per mark would swamp the sync).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import itertools
import secrets
import uuid
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from officer_app.attendance.register import (
    Issue,
    RegisterMark,
    fourth_birthday,
    read_register,
    too_young,
)
from officer_app.attendance.totals import refresh_totals
from officer_app.clock import Clock
from officer_app.domain.chronology import EntryType
from officer_app.progress import Progress
from officer_app.store import audit
from officer_app.store.column_types import new_id
from officer_app.store.database import Store
from officer_app.store.models import (
    Case,
    Child,
    ChronologyEntry,
    OutboxMutation,
)
from officer_app.wording import short_date

if TYPE_CHECKING:
    from officer_app.services.register_preview import ImportPreview

CHUNK = 500  # children per query
IMPORT_CACHE_KIB = 64 * 1024
DEFAULT_CACHE_KIB = 2000  # SQLite's default page cache


class RegisterRefused(ValueError):
    """The file has errors; nothing was imported. ``errors`` lists every one."""

    def __init__(self, errors: list[Issue]) -> None:
        super().__init__(f"{len(errors)} error(s) in the register; nothing was imported")
        self.errors = errors


@dataclass
class ImportResult:
    file: str
    rows: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    pupils_matched: int = 0
    pupils_not_on_caseload: int = 0
    warnings: list[Issue] = field(default_factory=list)


@dataclass(frozen=True)
class CheckedRegister:
    """A register extract read and checked, not yet imported: what the preview describes
    is exactly what :func:`import_checked` then imports (the file is not read again)."""

    file: str
    sha256: str
    rows: int
    marks: tuple[RegisterMark, ...]
    warnings: tuple[Issue, ...]


def check_register(
    path: Path, clock: Clock, *, accept_other_set: bool = False
) -> Generator[Progress, None, CheckedRegister]:
    """Read and check ``path`` (yields progress); RegisterRefused listing every error."""
    read = yield from read_register(
        path, name=path.name, today=clock.today(), accept_other_set=accept_other_set
    )
    if read.errors:
        raise RegisterRefused(read.errors)
    return CheckedRegister(
        file=path.name,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        rows=read.rows,
        marks=tuple(read.marks),
        warnings=tuple(read.warnings),
    )


def import_register(
    store: Store,
    path: Path,
    clock: Clock,
    officer_id: str,
    *,
    accept_other_set: bool = False,
) -> Generator[Progress, None, ImportResult]:
    """Read, check and import ``path``; yields progress; returns what changed.

    ``accept_other_set``: settings.toml ``other_code_set = "warning"`` (see register.py).
    """
    checked = yield from check_register(path, clock, accept_other_set=accept_other_set)
    yield Progress(0, len(checked.marks), "Matching pupils to the caseload")
    done = import_checked(store, checked, clock, officer_id)
    yield Progress(len(checked.marks), len(checked.marks), "Imported")
    return done


class PreviewOutdated(RuntimeError):
    """The marks held changed between the preview and the import: nothing was imported."""


@dataclass
class ImportPlan:
    """What importing the marks would do, worked out from the marks held (one pass)."""

    children: dict[str, str]  # UPN -> child id, the pupils on this caseload
    not_on_caseload: int
    first: dt.date | None = None
    last: dt.date | None = None
    new_rows: list[tuple[str, ...]] = field(default_factory=list)
    updates: list[tuple[str, str, str, str]] = field(default_factory=list)
    replaced: list[tuple[str, dt.date, str, str, str]] = field(default_factory=list)
    unchanged: int = 0

    @property
    def counts(self) -> tuple[int, int, int]:
        return len(self.new_rows), len(self.updates), self.unchanged


@contextlib.contextmanager
def big_cache(session: Session) -> Iterator[None]:
    """A full year for a thousand pupils touches most of the file's pages: a big page cache
    for the whole transaction (the comparison and the writes) makes it several times faster."""
    connection = session.connection()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = -{DEFAULT_CACHE_KIB}")


def plan_import(session: Session, checked: CheckedRegister) -> ImportPlan:
    """Match the pupils and compare each mark with the one held (the same pass for the
    preview and the import, so that the one describes the other)."""
    upns = {m.upn for m in checked.marks}
    found = session.execute(
        select(Child.upn, Child.id, Child.date_of_birth).where(Child.upn.in_(upns))
    ).all()
    children = {str(upn): child_id for upn, child_id, _born in found}
    plan = ImportPlan(children, len(upns - set(children)))
    ours = [m for m in checked.marks if m.upn in children]
    if not ours:
        return plan
    _refuse_marks_before_school_age(ours, {str(u): born for u, _id, born in found}, checked.file)
    plan.first = first = min(m.date for m in ours)
    plan.last = last = max(m.date for m in ours)
    held = _held(session.connection(), set(children.values()), first, last)
    source = checked.file[:80]
    mark_ids = _mark_ids()
    for mark in ours:
        child_id = children[mark.upn]
        day = mark.date.isoformat()
        before = held.get((child_id, day, mark.session))
        if before is None:
            plan.new_rows.append(
                (
                    next(mark_ids), child_id, day, mark.session, mark.code, mark.code_set,
                    mark.school_urn, source,
                )
            )  # fmt: skip
        elif before[1] == mark.code:
            plan.unchanged += 1
        else:
            plan.updates.append((mark.code, mark.code_set, source, before[0]))
            plan.replaced.append((child_id, mark.date, mark.session, before[1], mark.code))
    return plan


def import_checked(
    store: Store,
    checked: CheckedRegister,
    clock: Clock,
    officer_id: str,
    *,
    expect: ImportPreview | None = None,
) -> ImportResult:
    """Import what :func:`check_register` read, in one transaction (blocking: a worker).

    ``expect``: the preview the officer confirmed; if the marks held have changed since (the
    import would now add, replace or keep other marks), PreviewOutdated and nothing changes.
    """
    result = ImportResult(checked.file, rows=checked.rows, warnings=list(checked.warnings))
    now = clock.now()

    def work(session: Session) -> ImportResult:
        with big_cache(session):
            return write(session)

    def write(session: Session) -> ImportResult:
        plan = plan_import(session, checked)
        result.pupils_matched = len(plan.children)
        result.pupils_not_on_caseload = plan.not_on_caseload
        if expect is not None and plan.counts != (expect.added, expect.replaced, expect.unchanged):
            raise PreviewOutdated(
                "The marks held changed after the preview; nothing was imported. "
                "Import the file again to see what it would change now."
            )
        if plan.first is None or plan.last is None:
            return result
        result.added, result.changed, result.unchanged = plan.counts
        connection = session.connection()
        if plan.new_rows:
            connection.exec_driver_sql(_INSERT_SQL, plan.new_rows)  # type: ignore[arg-type]
        if plan.updates:
            connection.exec_driver_sql(_UPDATE_SQL, plan.updates)  # type: ignore[arg-type]
        cases = _open_case_of(session, {child for child, *_rest in plan.replaced})
        corrections: dict[str, list[str]] = {}
        for child_id, day, session_name, old, new in plan.replaced:
            case_id = cases.get(child_id)
            if case_id is not None:
                corrections.setdefault(case_id, []).append(
                    f"{short_date(day)} {session_name} {old} → {new}"
                )
        for case_id, lines in corrections.items():
            session.add(
                ChronologyEntry(
                    case_id=case_id,
                    entry_type=EntryType.ATTENDANCE.value,
                    occurred_at=now,
                    recorded_at=now,
                    author_id=officer_id,
                    title="Register corrected by the school",
                    body=f"Import of {checked.file}: " + "; ".join(lines),
                    amend_reason="",
                )
            )
        if result.added or result.changed:
            refresh_totals(connection, plan.children.values(), first=plan.first, last=plan.last)
            session.add(
                OutboxMutation(
                    entity_type="attendance_import",
                    entity_id=new_id(),
                    op="import",
                    changes={
                        "file": checked.file,
                        "sha256": checked.sha256,
                        "added": result.added,
                        "changed": result.changed,
                        "children": sorted(set(plan.children.values())),
                    },
                    schema_version=str(session.info.get("schema_version", "")),
                    created_at=now,
                    state="pending",
                )
            )
        audit.record(
            session,
            "import",
            entity_type="attendance_mark",
            detail={"file": checked.file, "added": result.added, "changed": result.changed},
        )
        return result

    return store.write_wait(work)


def _refuse_marks_before_school_age(
    marks: list[RegisterMark], born: dict[str, dt.date], file: str
) -> None:
    """RegisterRefused if a mark is before its pupil's fourth birthday (the date of birth
    held on the caseload: see :func:`officer_app.attendance.register.too_young`)."""
    birthdays = {upn: fourth_birthday(day) for upn, day in born.items() if day is not None}
    errors = [
        Issue(file, m.line, "date", m.date.isoformat(), why)
        for m in marks
        if m.upn in birthdays
        and m.date < birthdays[m.upn]
        and (why := too_young(m.date, born[m.upn], "on the caseload")) is not None
    ]
    if errors:
        raise RegisterRefused(errors)


_INSERT_SQL = (
    "INSERT INTO attendance_mark (id, child_id, date, session, code, code_set, school_urn, "
    "source_import) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE_SQL = "UPDATE attendance_mark SET code = ?, code_set = ?, source_import = ? WHERE id = ?"


def _mark_ids() -> Iterator[str]:
    """Ids for one import's new marks: version-4 UUIDs sharing one random prefix (74 random
    bits) and counting up from a random start in their last 48 bits. As unique as uuid4()
    in practice, at a tenth of its cost over a year's marks for a thousand pupils."""
    head = str(uuid.uuid4())[:24]  # xxxxxxxx-xxxx-4xxx-yxxx-
    start = secrets.randbits(47)  # room to count a whole import without wrapping
    return (f"{head}{start + n:012x}" for n in itertools.count())


def _held(
    connection: Connection, child_ids: set[str], first: dt.date, last: dt.date
) -> dict[tuple[str, str, str], tuple[str, str]]:
    """The marks already held for these children in the range, by (child, ISO date, session):
    (mark id, code). Read as stored text: a year of marks converts no dates."""
    ids = sorted(child_ids)
    held: dict[tuple[str, str, str], tuple[str, str]] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows = connection.exec_driver_sql(
            "SELECT id, child_id, date, session, code FROM attendance_mark "
            f"WHERE child_id IN ({marks}) AND date >= ? AND date <= ?",
            (*chunk, first.isoformat(), last.isoformat()),
        )
        for mark_id, child_id, day, session_name, code in rows:
            held[(child_id, day, session_name)] = (mark_id, code)
    return held


def _open_case_of(session: Session, child_ids: set[str]) -> dict[str, str]:
    """Each child's open case (the newest when there is more than one)."""
    found: dict[str, tuple[dt.date, str]] = {}
    for case_id, child_id, referred in session.execute(
        select(Case.id, Case.child_id, Case.referral_date).where(
            Case.child_id.in_(child_ids), Case.status == "open"
        )
    ).all():
        if child_id not in found or referred > found[child_id][0]:
            found[child_id] = (referred, case_id)
    return {child: case for child, (_day, case) in found.items()}
