"""Each child's attendance totals per school year, kept in step with the marks.

The caseload shows every child's LA band, and a profile holds half a million marks: reading
them all at start-up would cost more than the whole start-up budget. So whenever marks change
(an import, the demo caseload, a schema upgrade) the totals of the children concerned are
recomputed here in one SQL aggregate, and the caseload reads one small row per child.

The categories come from the code table (``resources/attendance/codes.csv``), so a code means
here exactly what it means in :func:`officer_app.domain.attendance.summarise`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, TextClause, bindparam, text

from officer_app.attendance.codes import shipped_codes
from officer_app.domain.attendance import CodeTable

CHUNK = 500
CATEGORY_PARAMS = ("counted", "attending", "authorised", "unauthorised")

# The school year a mark falls in, from its ISO date text: 1 September starts a new one.
_SCHOOL_YEAR = "CAST(substr(date, 1, 4) AS INTEGER) - (CAST(substr(date, 6, 2) AS INTEGER) < 9)"

_INSERT = f"""
INSERT INTO child_attendance_year
    (child_id, school_year, possible, attending, authorised, unauthorised, first_mark, last_mark)
SELECT child_id, {_SCHOOL_YEAR} AS school_year,
       sum(code IN :counted), sum(code IN :attending),
       sum(code IN :authorised), sum(code IN :unauthorised),
       min(date), max(date)
FROM attendance_mark
{{where}}
GROUP BY child_id, school_year
"""


def _codes_by_category(codes: CodeTable) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for code in sorted(codes.codes()):
        info = codes.lookup(code)
        if info is not None:
            found.setdefault(info.category, []).append(code)
    return found


def _params(codes: CodeTable) -> dict[str, list[str]]:
    by = _codes_by_category(codes)
    attending = by.get("present", []) + by.get("approved_activity", [])
    authorised = by.get("authorised", [])
    unauthorised = by.get("unauthorised", [])
    return {
        "counted": attending + authorised + unauthorised,
        "attending": attending,
        "authorised": authorised,
        "unauthorised": unauthorised,
    }


def _insert(where: str) -> TextClause:
    names = (*CATEGORY_PARAMS, "children") if where else CATEGORY_PARAMS
    return text(_INSERT.format(where=where)).bindparams(
        *(bindparam(name, expanding=True) for name in names)
    )


def _chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def school_year_of(day: dt.date) -> int:
    """The year the school year of ``day`` starts in (1 September starts a new one)."""
    return day.year if day.month >= 9 else day.year - 1


def refresh_totals(
    connection: Connection,
    child_ids: Iterable[str] | None,
    codes: CodeTable | None = None,
    *,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> None:
    """Recompute the totals of ``child_ids`` (every child when None) from their marks, in the
    caller's transaction; with ``first`` and ``last``, only the school years they span (an
    import of one week does not recount every year)."""
    params = _params(codes or shipped_codes())
    if child_ids is None:
        connection.execute(text("DELETE FROM child_attendance_year"))
        connection.execute(_insert(""), params)
        return
    year_filter = date_filter = ""
    if first is not None and last is not None:
        # the dates are ours (never user text), so they are safe to put in the SQL
        low, high = school_year_of(first), school_year_of(last)
        year_filter = f" AND school_year BETWEEN {low} AND {high}"
        date_filter = (
            f" AND date >= '{dt.date(low, 9, 1).isoformat()}'"
            f" AND date < '{dt.date(high + 1, 9, 1).isoformat()}'"
        )
    ids = sorted(set(child_ids))
    delete = text(
        "DELETE FROM child_attendance_year WHERE child_id IN :children" + year_filter
    ).bindparams(bindparam("children", expanding=True))
    insert = _insert("WHERE child_id IN :children" + date_filter)
    for chunk in _chunks(ids):
        connection.execute(delete, {"children": list(chunk)})
        connection.execute(insert, {**params, "children": list(chunk)})
