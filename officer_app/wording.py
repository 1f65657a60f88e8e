"""How dates and times are written, in the window, in documents and in the demo: one place.

Month and day names come from these tables, never from ``strftime('%B')``, which follows the
machine's locale: a Welsh or Polish Windows laptop would otherwise print ``Rhagfyr`` in a
court document. Times on records are shown in UK local time (GMT or BST).
"""

from __future__ import annotations

import datetime as dt

from officer_app.clock import uk_local

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SHORT_DAYS = tuple(day[:3] for day in DAYS)


def _local(moment: dt.datetime) -> dt.datetime:
    """A timezone-aware moment in UK local time; a naive one is refused (its zone is a guess)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"a time on a record must be timezone-aware: {moment!r}")
    return uk_local(moment)


def short_date(day: dt.date | None) -> str:
    """``03/12/2026``; nothing for no date."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}" if day else ""


def compact_date(day: dt.date) -> str:
    """``03/12/26``, where a chart axis has no room for the century."""
    return f"{day.day:02d}/{day.month:02d}/{day.year % 100:02d}"


def day_month(day: dt.date) -> str:
    """``3 December``."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def month_year(day: dt.date) -> str:
    """``December 2026``."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def long_date(day: dt.date, *, weekday: bool = False) -> str:
    """``3 December 2026``, or ``Thursday 3 December 2026`` with ``weekday``."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{DAYS[day.weekday()]} {text}" if weekday else text


def clock(moment: dt.datetime | dt.time) -> str:
    """``14:05``."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def short_datetime(moment: dt.datetime) -> str:
    """``03/12/2026 14:05`` in UK local time."""
    local = _local(moment)
    return f"{short_date(local.date())} {clock(local)}"


def long_datetime(moment: dt.datetime, *, weekday: bool = False) -> str:
    """``Thursday 3 December 2026 at 14:05`` in UK local time."""
    local = _local(moment)
    return f"{long_date(local.date(), weekday=weekday)} at {clock(local)}"
