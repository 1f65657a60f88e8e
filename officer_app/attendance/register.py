"""Reading a register extract (shared/formats/attendance-register.md, "Layout" and "Rules").

UTF-8 with or without a byte-order mark, comma-separated, a header row; column names matched
without regard to case or surrounding spaces, in any order. Every error in the file is
collected (line as in the file, the header being line 1; column; value; what is wrong), never
only the first: a file with any error gives no marks at all.

The file is read line by line, never whole: a line longer than :data:`MAX_LINE` characters (a
register row is under 200) is an error that stops the reading, so a hostile or broken file
(a 50 MB line, a 200 kB field) costs bounded memory and gives one clear error.

Dates are judged as well as parsed (issue 8, point 10): a mark after ``today`` is an error
(except a planned closure, ``#``, up to a year ahead); a mark before
:data:`FIRST_REGISTER_DAY` is an error; a mark before the pupil's fourth birthday (when the
file gives the date of birth) is an error; a mark on a Saturday or Sunday is a warning.

Each code is resolved by its date (issue 9, point 10): the 2024 set from 19 August 2024, the
2006 set before (:func:`~officer_app.domain.attendance.code_set_on`). A code only the other
set has (a 2006 ``H``, ``F``, ``J`` or ``Y`` from that day; a 2024 ``C1``, ``J1``, ``K``,
``Q`` or ``Y1``-``Y7`` before it) is an error with its line, or, for an LA that sets
``other_code_set = "warning"`` in settings.toml, a warning, the mark kept in the set it
belongs to.

:func:`read_register` is a generator yielding :class:`~officer_app.progress.Progress` and
returning a :class:`RegisterRead`; :func:`load_register` runs it to the end.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Callable, Generator, Iterator
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
from officer_app.clock import SystemClock
from officer_app.domain.attendance import (
    CLOSURE,
    NO_MARK,
    SESSIONS,
    CodeTable,
    Mark,
    code_set_on,
)
from officer_app.escaping import shown
from officer_app.progress import Progress
from officer_app.wording import short_date

REQUIRED = ("upn", "date", "session", "code")
OPTIONAL = ("school_urn", "surname", "forename", "date_of_birth")
PROGRESS_EVERY = 20_000

MAX_LINE = 65_536  # characters in one line of the file

# No national set of attendance codes existed before the Education (Pupil Registration)
# (England) Regulations 2006 (SI 2006/1751), in force 1 September 2006: the 2006 set is the
# oldest this application knows, so a mark before that day cannot be one of its codes.
FIRST_REGISTER_DAY = dt.date(2006, 9, 1)
# A planned closure (#) may be entered ahead of the day; a year ahead is as far as a school
# plans its calendar (a decision of this application: the regulations set no limit).
CLOSURE_AHEAD = dt.timedelta(days=366)

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
        # file, value and message may quote the file's own text: shown escaped, cut short
        where = f"{shown(self.file)}:{self.line}: {shown(self.column, 40)}"
        return f'{where}: "{shown(self.value, 60)}": {shown(self.message, 300)}'


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


def fourth_birthday(born: dt.date) -> dt.date:
    """The day a child born on ``born`` turns four (29 February: 1 March in a common year)."""
    try:
        return born.replace(year=born.year + 4)
    except ValueError:
        return dt.date(born.year + 4, 3, 1)


def date_problem(day: dt.date, code: str, today: dt.date) -> str | None:
    """Why a mark with ``code`` on ``day`` cannot be in a register kept up to ``today``."""
    if day < FIRST_REGISTER_DAY:
        return (
            "before 1 September 2006: no national attendance code existed before the "
            "Education (Pupil Registration) (England) Regulations 2006"
        )
    if day > today:
        if code != CLOSURE:
            return f"after today ({short_date(today)}): a register holds no mark for a day to come"
        if day > today + CLOSURE_AHEAD:
            return "a planned closure (#) more than a year ahead"
    return None


_SETS = {
    "2024": "the 2024 set, in force from 19 August 2024 (SI 2024/208)",
    "2006": "the 2006 set, in force before 19 August 2024 (SI 2006/1751)",
}


def other_set_problem(code: str, day: dt.date, table: CodeTable) -> tuple[str, str | None]:
    """(the set ``code`` on ``day`` belongs to, why not the set in force) - None when it is.

    ``code`` is known to one of the sets; the message names the set in force and its rule.
    """
    in_force = code_set_on(day)
    if table.on(code, day) is not None:
        return in_force, None
    other = "2006" if in_force == "2024" else "2024"
    return other, f"not a code of {_SETS[in_force]}: a code of the {other} set"


def too_young(day: dt.date, born: dt.date, source: str = "in the file") -> str | None:
    """Why a mark on ``day`` cannot be for a child born on ``born``, if it cannot.

    A school must admit a child in the September after their fourth birthday (School
    Admissions Code 2021, paragraph 2.17); no school register holds a mark from before it.
    The message does not repeat the date of birth (case data).
    """
    if day < fourth_birthday(born):
        return f"before the pupil's fourth birthday (by the date of birth {source})"
    return None


WEEKEND_WARNING = "a mark on a Saturday or Sunday: check the date"

_ESCAPED = re.compile("[\udc80-\udcff]+")


class _Stopped(Exception):
    pass


class _Lines:
    """The file's lines, decoded, each checked for length and for UTF-8, in order.

    Undecodable bytes end the reading with an error naming their line (a file in the wrong
    encoding has them on every line); so does a line over :data:`MAX_LINE` characters, read
    no further than that.
    """

    def __init__(self, text: io.TextIOWrapper, label: str, result: RegisterRead) -> None:
        self._text = text
        self._label = label
        self._result = result
        self.number = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self._text.readline(MAX_LINE + 1)
        if not line:
            raise StopIteration
        self.number += 1
        if len(line) > MAX_LINE:
            self._result.errors.append(
                Issue(self._label, self.number, "(file)", line[:20], f"the line is longer than "
                      f"{MAX_LINE} characters: not a register row (reading stopped here)")
            )  # fmt: skip
            raise _Stopped
        if not line.isascii():
            bad = _ESCAPED.search(line)
            if bad is not None:
                raw = bytes(ord(c) - 0xDC00 for c in bad.group()[:4]).hex()
                self._result.errors.append(
                    Issue(self._label, self.number, "(file)", raw, "not UTF-8 text")
                )
                raise _Stopped
        return line


def read_register(
    path: Path,
    *,
    codes: CodeTable | None = None,
    name: str | None = None,
    today: dt.date | None = None,
    accept_other_set: bool = False,
) -> Generator[Progress, None, RegisterRead]:
    """Read ``path``; yields progress, returns the marks or every error.

    ``today`` (default: the system clock's) is the last day a mark may be for.
    ``accept_other_set`` (settings.toml ``other_code_set = "warning"``) makes a code of the
    set not in force on its day a warning instead of an error.
    """
    table = codes or shipped_codes()
    label = name or str(path)
    result = RegisterRead(label)
    try:
        handle = path.open("rb")
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        result.errors.append(Issue(label, 0, "(file)", "", f"cannot be read: {_why(exc)}"))
        return result
    size = 0
    with handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            text = io.TextIOWrapper(
                handle, encoding="utf-8-sig", errors="surrogateescape", newline=""
            )
            lines = _Lines(text, label, result)
            reader = csv.reader(lines)
            try:
                header = next(reader)
            except StopIteration:
                header = []
            columns = _columns(header, label, result)
            if columns is None:
                return result
            yield Progress(0, size, f"Reading {label}")
            yield from _rows(
                reader, columns, len(header), size, handle.tell, table, result,
                today or SystemClock().today(), accept_other_set,
            )  # fmt: skip
        except _Stopped:
            pass  # the error is recorded
        except csv.Error as exc:
            result.errors.append(Issue(label, lines.number, "(file)", "", f"not CSV: {exc}"))
        except OSError as exc:
            result.errors.append(Issue(label, 0, "(file)", "", f"cannot be read: {_why(exc)}"))
    yield Progress(size, size, f"Read {result.rows} rows of {label}")
    if result.errors:
        result.marks = []
    return result


def _why(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return "not a file name this system accepts" if isinstance(exc, ValueError) else "error"


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
    position: Callable[[], int],
    table: CodeTable,
    result: RegisterRead,
    today: dt.date,
    accept_other_set: bool = False,
) -> Iterator[Progress]:
    label = result.file
    errors = result.errors
    i_upn, i_date, i_session, i_code = (columns[c] for c in REQUIRED)
    i_urn, i_surname, i_forename, i_dob = (columns.get(c) for c in OPTIONAL)
    upns: dict[str, tuple[str, str | None]] = {}
    dates: dict[str, tuple[dt.date | None, str | None, bool]] = {}  # day, problem, weekend
    code_sets: dict[str, str | None] = {}
    by_day_set: dict[tuple[str, str], tuple[str, str | None]] = {}  # (code, set in force)
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
            yield Progress(position(), total, f"Reading {label}")
        if len(row) != width:
            errors.append(
                Issue(
                    label,
                    line,
                    "(row)",
                    ",".join(cell[:60] for cell in row[:20])[:60],
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
        date_issue: str | None = None
        weekend = False
        if not date_value:
            errors.append(Issue(label, line, "date", raw_date, "missing value"))
        else:
            known = dates.get(date_value)
            if known is None:
                day = parse_date(date_value)
                known = dates[date_value] = (
                    day,
                    None if day is None else date_problem(day, "", today),
                    day is not None and day.weekday() >= 5,
                )
            date, date_issue, weekend = known
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

        if date is not None:
            if date_issue is not None and code == CLOSURE:
                date_issue = date_problem(date, code, today)  # a closure may be planned ahead
            if date_issue is not None:
                errors.append(Issue(label, line, "date", raw_date, date_issue))
                date = None
            elif weekend:
                result.warnings.append(Issue(label, line, "date", raw_date, WEEKEND_WARNING))
        if date is not None and code_set is not None:
            cache_key = (code, code_set_on(date))
            resolved = by_day_set.get(cache_key)
            if resolved is None:
                resolved = by_day_set[cache_key] = other_set_problem(code, date, table)
            code_set, wrong_set = resolved
            if wrong_set is not None:
                if accept_other_set:
                    kept = f'{wrong_set}; kept as given (settings: other_code_set = "warning")'
                    result.warnings.append(Issue(label, line, "code", raw_code, kept))
                else:
                    errors.append(Issue(label, line, "code", raw_code, wrong_set))
                    code_set = None

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
            elif date is not None and (young := too_young(date, dob)) is not None:
                errors.append(Issue(label, line, "date", raw_date, young))
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
    path: Path,
    *,
    codes: CodeTable | None = None,
    name: str | None = None,
    today: dt.date | None = None,
    accept_other_set: bool = False,
) -> RegisterRead:
    """Read the whole of ``path`` (no progress)."""
    job = read_register(
        path, codes=codes, name=name, today=today, accept_other_set=accept_other_set
    )
    while True:
        try:
            next(job)
        except StopIteration as done:
            result: RegisterRead = done.value
            return result
