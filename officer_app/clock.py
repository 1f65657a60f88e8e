"""The clock as a collaborator, so rules that depend on today are testable."""

from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    def now(self) -> dt.datetime: ...

    def today(self) -> dt.date: ...


class SystemClock:
    """Wall-clock time in UTC (stored) and the local date (shown)."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        return dt.date.today()


class FixedClock:
    """A clock that stands still until moved; for tests and the demo caseload."""

    def __init__(self, at: dt.datetime) -> None:
        self._at = at

    def now(self) -> dt.datetime:
        return self._at

    def today(self) -> dt.date:
        return self._at.date()

    def advance(self, delta: dt.timedelta) -> None:
        self._at += delta


UK = ZoneInfo("Europe/London")


def uk_local(moment: dt.datetime) -> dt.datetime:
    """A stored UTC time as officers in England read it (GMT or BST)."""
    return moment.astimezone(UK)
