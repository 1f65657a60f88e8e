"""Verify every evidence chain in a profile, and audit that it was done."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.services.dto import VerifyReport
from officer_app.store import audit, evidence
from officer_app.store.database import Store
from officer_app.store.models import Case, ChronologyEntry


def verify_profile(store: Store) -> VerifyReport:
    def work(session: Session) -> VerifyReport:
        checked, breaks = evidence.verify(session)
        references = dict(session.execute(select(Case.id, Case.reference)).all())
        cases = session.scalar(
            select(func.count(func.distinct(ChronologyEntry.case_id))).where(
                ChronologyEntry.signed_at.is_not(None)
            )
        )
        return VerifyReport(
            entries_checked=checked,
            cases_checked=int(cases or 0),
            breaks=tuple(
                f"case {references.get(b.case_id, b.case_id)}, entry {b.entry_id} "
                f"(link {b.chain_seq}): {b.problem}"
                for b in breaks
            ),
        )

    report = store.read(work)
    store.write_wait(
        lambda session: audit.record(
            session,
            "verify",
            detail={"entries": report.entries_checked, "breaks": len(report.breaks)},
        )
    )
    return report
