"""Reading a register extract (shared/formats/attendance-register.md, "Layout" and "Rules").

UTF-8 with or without a byte-order mark, comma-separated, a header row; column names matched
without regard to case or surrounding spaces, in any order. Every error in the file is
collected (line as in the file, the header being line 1; column; value; what is wrong), never
only the first: a file with any error gives no marks at all.

:func:`read_register` is a generator yielding :class:`~officer_app.progress.Progress` and
returning a :class:`RegisterRead`; :func:`load_register` runs it to the end.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from stdnum.gb import upn as stdnum_upn

from officer_app.attendance.codes import shipped_codes
from officer_app.domain.attendance import NO_MARK, SESSIONS, CodeTable, Mark
from officer_app.progress import Progress

REQUIRED = ("upn", "date", "session", "code")
OPTIONAL = ("school_urn", "surname", "forename", "date_of_birth")
PROGRESS_EVERY = 20_000

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_UK = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_URN = re.compile(r"\d{6}")


@dataclass(frozen=True, slots=True)
class Issue:
    """An error or a warning about one value in the file."""

    file: str
    line: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        return f'{self.file}:{self.line}: {self.column}: "{self.value}": {self.message}'


@dataclass(frozen=True, slots=True)
class RegisterMark:
    """One row of the register: a mark with where it came from and who it is for."""

    line: int
    upn: str
    date: dt.date
    session: str
    code: str
    code_set: str
    school_urn: str = ""
    surname: str = ""
    forename: str = ""
    date_of_birth: dt.date | None = None

    def mark(self) -> Mark:
        return Mark(self.date, self.session, self.code)


@dataclass
class RegisterRead:
    """What reading a file gave: marks only when there are no errors."""

    file: str
    marks: list[RegisterMark] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def marks_for(self, upn: str) -> list[Mark]:
        return [m.mark() for m in self.marks if m.upn == upn]


def check_upn(value: str) -> tuple[str, str | None]:
    """(the UPN in its compact form, None) or (value, why it is not a UPN)."""
    try:
        return str(stdnum_upn.validate(value)), None
    except InvalidChecksum:
        return value, "wrong check letter: not a valid UPN"
    except InvalidLength:
        return value, "a UPN has 13 characters"
    except InvalidFormat:
        return value, "not a UPN: a check letter, 11 digits and a final digit or letter"
    except InvalidComponent:
        return value, "not a UPN: characters 2-4 are not a local authority number"
    except ValidationError:
        return value, "not a valid UPN"


def parse_date(value: str) -> dt.date | None:
    """``YYYY-MM-DD`` or ``DD/MM/YYYY``; None if neither or not a real day."""
    match = _ISO.fullmatch(value)
    if match:
        year, month, day = match.groups()
    else:
        match = _UK.fullmatch(value)
        if not match:
            return None
        day, month, year = match.groups()
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def read_register(
    path: Path, *, codes: CodeTable | None = None, name: str | None = None
) -> Generator[Progress, None, RegisterRead]:
    """Read ``path``; yields progress, returns the marks or every error."""
    table = codes or shipped_codes()
    label = name or str(path)
    result = RegisterRead(label)
    try:
        data = path.read_bytes()
    except OSError as exc:
        result.errors.append(Issue(label, 0, "(file)", "", f"cannot be read: {exc.strerror}"))
        return result
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = _line_of_offset(data, exc.start)
        bad = data[exc.start : exc.end].hex()
        result.errors.append(Issue(label, line, "(file)", bad, "not UTF-8 text"))
        return result
    total = text.count("\n") + 1
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        header = []
    columns = _columns(header, label, result)
    if columns is None:
        return result
    width = len(header)
    yield Progress(0, total, f"Reading {label}")
    yield from _rows(reader, columns, width, total, table, result)
    yield Progress(total, total, f"Read {result.rows} rows of {label}")
    if result.errors:
        result.marks = []
    return result


def _columns(header: list[str], label: str, result: RegisterRead) -> dict[str, int] | None:
    names = [h.strip().lower() for h in header]
    if not any(names):
        result.errors.append(Issue(label, 1, "(header)", "", "no header row"))
        return None
    columns: dict[str, int] = {}
    for index, name in enumerate(names):
        if name in REQUIRED or name in OPTIONAL:
            if name in columns:
                result.errors.append(
                    Issue(label, 1, name, header[index], "the column appears twice")
                )
            columns[name] = index
    for name in REQUIRED:
        if name not in columns:
            result.errors.append(Issue(label, 1, name, "", "a required column is missing"))
    return None if result.errors else columns


class _Reader(Protocol):
    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...


def _rows(
    reader: _Reader,
    columns: dict[str, int],
    width: int,
    total: int,
    table: CodeTable,
    result: RegisterRead,
) -> Iterator[Progress]:
    label = result.file
    errors = result.errors
    i_upn, i_date, i_session, i_code = (columns[c] for c in REQUIRED)
    i_urn, i_surname, i_forename, i_dob = (columns.get(c) for c in OPTIONAL)
    upns: dict[str, tuple[str, str | None]] = {}
    dates: dict[str, dt.date | None] = {}
    code_sets: dict[str, str | None] = {}
    urns: dict[str, bool] = {}  # a file holds a handful of schools: each URN checked once
    seen: dict[tuple[str, dt.date, str], tuple[str, int]] = {}
    marks = result.marks
    previous_end = 1  # the header's last physical line
    for row in reader:
        line = previous_end + 1
        previous_end = reader.line_num  # a quoted value may span lines
        if not row or (not row[0].strip() and not any(cell.strip() for cell in row)):
            continue  # blank line (the first cell is looked at alone: it is nearly always set)
        result.rows += 1
        if result.rows % PROGRESS_EVERY == 0:
            yield Progress(line, total, f"Reading {label}")
        if len(row) != width:
            errors.append(
                Issue(
                    label,
                    line,
                    "(row)",
                    ",".join(row)[:60],
                    f"{len(row)} fields where the header has {width}",
                )
            )
            continue
        ok = True

        raw_upn = row[i_upn]
        upn_value = raw_upn.strip()
        upn: str | None = None
        if not upn_value:
            errors.append(Issue(label, line, "upn", raw_upn, "missing value"))
        else:
            checked = upns.get(upn_value)
            if checked is None:
                checked = upns[upn_value] = check_upn(upn_value)
            if checked[1] is None:
                upn = checked[0]
            else:
                errors.append(Issue(label, line, "upn", raw_upn, checked[1]))

        raw_date = row[i_date]
        date_value = raw_date.strip()
        date: dt.date | None = None
        if not date_value:
            errors.append(Issue(label, line, "date", raw_date, "missing value"))
        else:
            if date_value in dates:
                date = dates[date_value]
            else:
                date = dates[date_value] = parse_date(date_value)
            if date is None:
                errors.append(
                    Issue(label, line, "date", raw_date, "not a date (YYYY-MM-DD or DD/MM/YYYY)")
                )

        raw_session = row[i_session]
        session = raw_session.strip()
        if not session:
            errors.append(Issue(label, line, "session", raw_session, "missing value"))
            ok = False
        elif session not in SESSIONS:
            errors.append(Issue(label, line, "session", raw_session, "the session is AM or PM"))
            ok = False

        raw_code = row[i_code]
        code = raw_code.strip()
        code_set: str | None = None
        if not code:
            errors.append(Issue(label, line, "code", raw_code, "missing value"))
        else:
            if code in code_sets:
                code_set = code_sets[code]
            else:
                info = table.lookup(code)
                code_set = code_sets[code] = info.code_set if info else None
            if code_set is None:
                errors.append(
                    Issue(label, line, "code", raw_code, "not a code of the 2024 or 2006 set")
                )
            elif code == NO_MARK:
                result.warnings.append(
                    Issue(label, line, "code", raw_code, "no mark entered: the register has a gap")
                )

        urn = ""
        if i_urn is not None:
            urn = row[i_urn].strip()
            good = urns.get(urn)
            if good is None:
                good = urns[urn] = not urn or bool(_URN.fullmatch(urn))
            if not good:
                errors.append(Issue(label, line, "school_urn", row[i_urn], "a URN has 6 digits"))
                ok = False
        dob: dt.date | None = None
        if i_dob is not None and row[i_dob].strip():
            dob = parse_date(row[i_dob].strip())
            if dob is None:
                errors.append(
                    Issue(
                        label,
                        line,
                        "date_of_birth",
                        row[i_dob],
                        "not a date (YYYY-MM-DD or DD/MM/YYYY)",
                    )
                )
                ok = False

        if not ok or upn is None or date is None or code_set is None:
            continue
        key = (upn, date, session)
        earlier = seen.get(key)
        if earlier is not None:
            if earlier[0] != code:
                errors.append(
                    Issue(
                        label,
                        line,
                        "code",
                        raw_code,
                        f"contradicts line {earlier[1]}, which gives {earlier[0]} for "
                        f"{upn} {date.isoformat()} {session}",
                    )
                )
            continue  # the same mark twice is one mark
        seen[key] = (code, line)
        if errors:
            continue  # nothing will be imported: keep only what finds contradictions
        marks.append(
            RegisterMark(
                line=line,
                upn=upn,
                date=date,
                session=session,
                code=code,
                code_set=code_set,
                school_urn=urn,
                surname=row[i_surname].strip() if i_surname is not None else "",
                forename=row[i_forename].strip() if i_forename is not None else "",
                date_of_birth=dob,
            )
        )


def load_register(
    path: Path, *, codes: CodeTable | None = None, name: str | None = None
) -> RegisterRead:
    """Read the whole of ``path`` (no progress)."""
    job = read_register(path, codes=codes, name=name)
    while True:
        try:
            next(job)
        except StopIteration as done:
            result: RegisterRead = done.value
            return result
