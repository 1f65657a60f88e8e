"""The time limit for prosecuting an s444 offence (domain.md, "Offences, defences and time
limits").

s127(1) Magistrates' Courts Act 1980: a magistrates' court shall not try an information unless
it was laid "within 6 months from the time when the offence was committed". A month is a
calendar month (Interpretation Act 1978, s5 and Schedule 1).

Two questions are open, so the app takes the earlier (safer) reading of each and says so:

- When an s444 offence over a period of absence is "committed": for continuing offences the 6
  months may run from the last day (Luton BC v Altavon Luton [2019] EWHC 2415 (Admin)), but
  how that applies to an absence period is disputed in practice (reference/legal-domain.md).
  The app counts from the **first** day of the offence period.
- Whether the day of the offence counts: the app's last day is the day **before** the date
  six calendar months on (a period beginning 1 March: last day 31 August), one day earlier
  than the reading that leaves the first day out.

A warning that comes a day or a few weeks early costs nothing; one that comes late loses the
prosecution.
"""

from __future__ import annotations

import calendar
import datetime as dt

LIMIT_MONTHS = 6


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later; the month's last day when it has no
    such day (31 August + 6 months is 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_day_to_lay(offence_from: dt.date) -> dt.date:
    """The last day on which the information may be laid for an offence period beginning on
    ``offence_from`` (the earlier reading: see the module's docstring)."""
    return add_months(offence_from, LIMIT_MONTHS) - dt.timedelta(days=1)
