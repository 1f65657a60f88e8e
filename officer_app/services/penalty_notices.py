"""Penalty notices on a case, from being considered to their end, and the LA's register of them.

Every step checks the national rules (officer_app/domain/penalty_notices.py) and the notice's
state, changes the notice's row and signs an entry into the case's chronology, all in one
writer transaction: the row is what the LA must keep under reg 20 of SI 2007/1867 (a copy of
each notice, payments and their dates, withdrawals and why, prosecutions), the chronology is
the history a court sees. The Notice to Improve and the notice itself are letters rendered
from templates (``notice_to_improve`` and ``penalty_notice``) and recorded as sent through the
letters service, whose encrypted copy of the exact PDF is the reg 20 copy.

The service is put together from the modules that hold its parts: notice_facts.py (what a
notice is, its evidence and the plan for issuing), notice_steps.py (reading, and how every
step changes a notice), notice_issuing.py (considering to issuing), notice_outcomes.py
(payment, withdrawal, prosecution, s447, notices issued by others). This module keeps the
LA's record of notices (reg 20) and every public name the window, the CLI and the demo use.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from officer_app.security.atomic import write_bytes_atomic
from officer_app.services.notice_facts import (
    UNAUTHORISED_CODES,
    IssuePlan,
    NoticeInfo,
    NoticeRefused,
    ParentChoice,
)
from officer_app.services.notice_issuing import NOTICE_TEMPLATE, NTI_TEMPLATE, NoticeIssuing
from officer_app.services.notice_outcomes import WITHDRAWAL_REASONS, NoticeOutcomes
from officer_app.services.notice_register import RegisterRow, register_csv, register_rows
from officer_app.store import audit

__all__ = [
    "NOTICE_TEMPLATE",
    "NTI_TEMPLATE",
    "UNAUTHORISED_CODES",
    "WITHDRAWAL_REASONS",
    "IssuePlan",
    "NoticeInfo",
    "NoticeRefused",
    "ParentChoice",
    "PenaltyNoticeService",
]


class PenaltyNoticeService(NoticeIssuing, NoticeOutcomes):
    """Penalty notices on a case, every step from being considered to their end, and the LA's
    record of them."""

    # --- the LA's record (reg 20) ----------------------------------------------------------
    def register(
        self, first: dt.date | None = None, last: dt.date | None = None
    ) -> list[RegisterRow]:
        """Every notice issued (withdrawn ones included), in order of issue."""
        return self._store.read(lambda session: register_rows(session, first, last))

    def register_document(
        self, kind: str, first: dt.date | None = None, last: dt.date | None = None
    ) -> bytes:
        """The record as ``csv`` or ``pdf`` bytes (for printing or saving), audited."""
        return self._document(kind, self.register(first, last), first, last)

    def export_register(
        self, out: Path, first: dt.date | None = None, last: dt.date | None = None
    ) -> int:
        """Save the record as CSV or PDF (by the file's suffix); returns the notices in it."""
        kind = out.suffix.lower().lstrip(".")
        if kind not in ("csv", "pdf"):
            raise NoticeRefused(f"{out.name}: save the record as .csv or .pdf")
        rows = self.register(first, last)
        write_bytes_atomic(out, self._document(kind, rows, first, last))
        return len(rows)

    def _document(
        self, kind: str, rows: list[RegisterRow], first: dt.date | None, last: dt.date | None
    ) -> bytes:
        from officer_app.store.evidence import profile_mark

        head = self._store.read(profile_mark)
        if kind == "csv":
            data = register_csv(rows, evidence=head)
        elif kind == "pdf":
            from officer_app.documents.notice_register_pdf import render_register_bytes

            data, _pages = render_register_bytes(
                rows,
                la_name=self._la_name,
                printed_at=self._clock.now(),
                first=first,
                last=last,
                evidence=head,
            )
        else:
            raise ValueError(f"the record is made as csv or pdf, not {kind!r}")
        self._store.write_wait(
            lambda session: audit.record(
                session,
                "export",
                entity_type="penalty_notice",
                detail={"document": f"register.{kind}", "rows": len(rows)},
            )
        )
        return data
