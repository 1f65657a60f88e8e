"""Verify every evidence chain in a profile, and audit that it was done."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.services.dto import VerifyReport
from officer_app.store import audit, evidence, verify_heads
from officer_app.store.database import Store
from officer_app.store.heads import profile_head_now
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
        lines = [
            f"case {references.get(b.case_id, b.case_id)}, entry {b.entry_id} "
            f"(link {b.chain_seq}): {b.problem}"
            if b.entry_id
            else f"case {references.get(b.case_id, b.case_id)}: {b.problem}"
            for b in breaks
        ]
        lines += verify_heads.check_profile_head(session)
        audited, audit_problems = verify_heads.check_audit_chain(session)
        lines += audit_problems
        lines += verify_heads.check_triggers(session)
        return VerifyReport(
            entries_checked=checked,
            cases_checked=int(cases or 0),
            breaks=tuple(lines),
            audit_checked=audited,
            profile_head=profile_head_now(session)[2],
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
