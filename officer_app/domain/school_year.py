"""The English school year: it starts on 1 September (one rule for the app and the demo)."""

from __future__ import annotations

import datetime as dt


def school_year_start(day: dt.date) -> dt.date:
    """1 September of the school year ``day`` falls in."""
    return dt.date(day.year if day.month >= 9 else day.year - 1, 9, 1)
