"""The LA's schools in a profile (issue 11 "Done when": a new officer with no demo).

A profile made without the demo holds no school, so a referral could never name one. Schools
come in two ways, both through this module:

* one at a time, while a referral is taken: a URN the profile does not hold is added with its
  name (and phase) by :func:`school_for_referral`, inside the referral's own transaction;
* the LA's list at once: :meth:`SchoolService.import_file` reads a CSV, either the DfE "Get
  Information About Schools" (GIAS) export (columns ``URN``, ``EstablishmentName``,
  ``PhaseOfEducation (name)`` and, if present, ``TypeOfEstablishment (name)``) or a plain
  ``urn,name,phase`` file. All or nothing: any bad row and nothing is written; a URN already
  held is updated by name and phase.

A URN (unique reference number) is the six-digit number DfE gives every establishment (GIAS
glossary). The phase is stored in the demo's words: primary, secondary, special, alternative
provision (a pupil referral unit is one), all-through. GIAS gives special schools and PRUs the
phase "Not applicable"; their type of establishment says which they are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.store.column_types import new_id as new_row_id
from officer_app.store.database import Store
from officer_app.store.models import School

__all__ = [
    "PHASES",
    "SchoolInvalid",
    "SchoolRow",
    "SchoolService",
    "SchoolsImported",
    "SchoolsRefused",
    "check_name",
    "check_phase",
    "check_urn",
    "read_schools_csv",
    "school_for_referral",
]

NAME_LIMIT = 160  # School.name's width
MAX_FILE_BYTES = 50 * 1024 * 1024  # GIAS's whole-England export is about 60,000 rows, ~30 MB
PHASES: tuple[str, ...] = (
    "primary",
    "secondary",
    "special",
    "alternative provision",
    "all-through",
)
# What an officer or GIAS may write for a phase, and the phase it is.
_PHASE_WORDS = {
    "primary": "primary",
    "nursery": "primary",
    "middle deemed primary": "primary",
    "infant": "primary",
    "junior": "primary",
    "secondary": "secondary",
    "middle deemed secondary": "secondary",
    "16 plus": "secondary",
    "special": "special",
    "pru": "alternative provision",
    "pupil referral unit": "alternative provision",
    "ap": "alternative provision",
    "alternative provision": "alternative provision",
    "all-through": "all-through",
    "all through": "all-through",
}
_NOT_APPLICABLE = ("not applicable", "")
_URN_COLUMNS = ("urn",)
_NAME_COLUMNS = ("establishmentname", "name", "school name", "school")
_PHASE_COLUMNS = ("phaseofeducation (name)", "phase", "phaseofeducation")
_TYPE_COLUMNS = ("typeofestablishment (name)", "type")


@dataclass(frozen=True)
class SchoolRow:
    urn: str
    name: str
    phase: str


@dataclass(frozen=True)
class SchoolsImported:
    added: int
    updated: int
    unchanged: int


class SchoolInvalid(ValueError):
    """One field of a school is wrong (``field``: urn, name or phase); nothing was saved."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class SchoolsRefused(ValueError):
    """The file has bad rows; nothing was imported. ``lines``: one ``file:line:field: what``
    per bad row."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = tuple(lines)
        super().__init__("\n".join(self.lines))


# --- the checks (pure) ----------------------------------------------------------------------
def check_urn(value: str) -> str:
    text = value.strip()
    if not (len(text) == 6 and text.isascii() and text.isdigit()):
        raise SchoolInvalid("urn", f"{text!r} is not a URN (six digits)")
    return text


def check_name(value: str) -> str:
    text = " ".join(value.split())
    if not text:
        raise SchoolInvalid("name", "required: the school's name")
    if len(text) > NAME_LIMIT:
        raise SchoolInvalid("name", f"at most {NAME_LIMIT} characters")
    return text


def check_phase(value: str, establishment_type: str = "") -> str:
    """The phase in the profile's words; GIAS's "Not applicable" is read from the type of
    establishment (special school, pupil referral unit, alternative provision)."""
    text = " ".join(value.split()).casefold()
    if text in _PHASE_WORDS:
        return _PHASE_WORDS[text]
    if text in _NOT_APPLICABLE:
        kind = establishment_type.casefold()
        if "special" in kind:
            return "special"
        if "pupil referral" in kind or "alternative provision" in kind:
            return "alternative provision"
        if not text:
            return ""  # not known
    choices = "primary, secondary, special, PRU or all-through"
    raise SchoolInvalid("phase", f"{value.strip()!r} is not a phase ({choices})")


# --- the file -------------------------------------------------------------------------------
def _decoded(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise SchoolsRefused([f"{path}: larger than {MAX_FILE_BYTES // 2**20} MB"])
        raw = path.read_bytes()
    except OSError as exc:
        raise SchoolsRefused([f"{path}: cannot be read: {exc.strerror or exc}"]) from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # GIAS exports are Windows-1252


def _column(header: list[str], names: Sequence[str]) -> int | None:
    folded = [h.strip().casefold() for h in header]
    for name in names:
        if name in folded:
            return folded.index(name)
    return None


def read_schools_csv(path: Path) -> list[SchoolRow]:
    """Every school in the file, or :class:`SchoolsRefused` with a line per bad row."""
    rows = list(csv.reader(io.StringIO(_decoded(path), newline="")))
    if not rows:
        raise SchoolsRefused([f"{path}:1: empty file: expected a header URN,EstablishmentName"])
    header = rows[0]
    urn_at, name_at = _column(header, _URN_COLUMNS), _column(header, _NAME_COLUMNS)
    phase_at, type_at = _column(header, _PHASE_COLUMNS), _column(header, _TYPE_COLUMNS)
    if urn_at is None or name_at is None:
        missing = "URN" if urn_at is None else "EstablishmentName"
        raise SchoolsRefused([f"{path}:1:{missing}: no such column in the header"])
    found: dict[str, SchoolRow] = {}
    where: dict[str, int] = {}
    problems: list[str] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(at: int | None, row: list[str] = row) -> str:
            return row[at] if at is not None and at < len(row) else ""

        try:
            urn = check_urn(cell(urn_at))
            name = check_name(cell(name_at))
            phase = check_phase(cell(phase_at), cell(type_at))
        except SchoolInvalid as exc:
            problems.append(f"{path}:{line}:{exc.field}: {exc.message}")
            continue
        if urn in found:
            problems.append(f"{path}:{line}:urn: {urn} is already on line {where[urn]}")
            continue
        found[urn], where[urn] = SchoolRow(urn, name, phase), line
    if problems:
        raise SchoolsRefused(problems)
    return list(found.values())


# --- the profile ----------------------------------------------------------------------------
def school_for_referral(session: Session, urn: str, name: str = "", phase: str = "") -> str:
    """The id of the school ``urn``, added with ``name`` (and ``phase``) when the profile does
    not hold it yet; :class:`SchoolInvalid` when it is unknown and no name was given. A school
    already held keeps its name (the LA's list, not a referral, names it)."""
    urn = check_urn(urn)
    found = session.scalar(select(School.id).where(School.urn == urn))
    if found is not None:
        return str(found)
    if not name.strip():
        raise SchoolInvalid(
            "urn", f"no school with URN {urn} in this profile: give its name to add it"
        )
    school = School(id=new_row_id(), urn=urn, name=check_name(name), phase=check_phase(phase))
    session.add(school)
    session.flush()
    return school.id


def _upsert(session: Session, rows: Sequence[SchoolRow]) -> SchoolsImported:
    held = {s.urn: s for s in session.scalars(select(School))}
    added = updated = unchanged = 0
    for row in rows:
        school = held.get(row.urn)
        if school is None:
            session.add(School(id=new_row_id(), urn=row.urn, name=row.name, phase=row.phase))
            added += 1
        elif (school.name, school.phase) == (row.name, row.phase or school.phase):
            unchanged += 1
        else:
            school.name = row.name
            school.phase = row.phase or school.phase
            updated += 1
    session.flush()
    return SchoolsImported(added, updated, unchanged)


class SchoolService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def list_schools(self) -> list[SchoolRow]:
        """Every school, by name."""
        return self._store.read(
            lambda s: [
                SchoolRow(str(u), str(n), str(p))
                for u, n, p in s.execute(
                    select(School.urn, School.name, School.phase).order_by(School.name, School.urn)
                )
            ]
        )

    def add_school(self, urn: str, name: str, phase: str = "") -> SchoolRow:
        """Add one school (:class:`SchoolInvalid` if a field is wrong or the URN is held)."""
        row = SchoolRow(check_urn(urn), check_name(name), check_phase(phase))

        def work(session: Session) -> SchoolRow:
            if session.scalar(select(School.id).where(School.urn == row.urn)) is not None:
                raise SchoolInvalid("urn", f"a school with URN {row.urn} is already held")
            session.add(School(id=new_row_id(), urn=row.urn, name=row.name, phase=row.phase))
            session.flush()
            return row

        return self._store.write(work).result()

    def import_rows(self, rows: Sequence[SchoolRow]) -> SchoolsImported:
        return self._store.write(lambda session: _upsert(session, rows)).result()

    def import_file(self, path: Path) -> SchoolsImported:
        """All the file's schools or none (:class:`SchoolsRefused`)."""
        return self.import_rows(read_schools_csv(path))
