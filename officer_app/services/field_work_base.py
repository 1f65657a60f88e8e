"""What every part of field work shares: its refusals, its collaborators, a case's risks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.domain.working_days import Timescales
from officer_app.forms import (
    FieldError,
    FormRegistry,
)
from officer_app.services.case_file import CaseNotFound
from officer_app.store.database import Store
from officer_app.store.models import (
    Case,
    Child,
    RiskFlag,
)


class FieldWorkRefused(ValueError):
    """The action cannot be done as asked; the message says why, for the officer."""


class RecordInvalid(FieldWorkRefused):
    def __init__(self, errors: Sequence[FieldError]) -> None:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{first.field_id}: {first.message}{more}")
        self.errors = tuple(errors)


class RisksNotAcknowledged(FieldWorkRefused):
    pass


class FieldWorkBase:
    """The store, clock, officer, forms and timescales that visits, records and plans use."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        officer_id: str,
        forms: FormRegistry,
        timescales: Timescales | None = None,
        *,
        la_name: str | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._officer_id = officer_id
        self.forms = forms
        self.timescales = timescales or Timescales()
        self.la_name = la_name

    def now(self) -> dt.datetime:
        """The moment now by the profile's clock (the demo's stands still): what a record's
        times are checked against before it is signed (issue 11, point 10)."""
        return self._clock.now()


def active_risks(session: Session, case_id: str) -> list[RiskFlag]:
    """The family's active risk flags for a case (CaseNotFound if there is no such case)."""
    case = session.get(Case, case_id)
    if case is None:
        raise CaseNotFound(f"no case with id {case_id}")
    child = session.get_one(Child, case.child_id)
    if child.family_id is None:
        return []
    return list(
        session.scalars(
            select(RiskFlag).where(RiskFlag.family_id == child.family_id, RiskFlag.active.is_(True))
        )
    )
