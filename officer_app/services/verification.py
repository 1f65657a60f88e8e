"""Verify every evidence chain in a profile, and audit that it was done."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class MarkCheck:
    ok: bool
    message: str


HEAD_FORMAT = "REFERENCE:LINK:SHA256 (e.g. ATT-2026-00012:41:5f3c2a9e01b4c7d8)"
MIN_HASH_DIGITS = 12


def parse_mark(code: str) -> tuple[str, int, str]:
    """``REFERENCE:LINK:HASH`` as printed on a document; ValueError (one line) if not."""
    parts = code.strip().rsplit(":", 2)
    if len(parts) != 3 or not parts[0]:
        raise ValueError(f"--head {code!r}: expected {HEAD_FORMAT}")
    reference, link, digest = parts[0], parts[1], parts[2].strip().rstrip("…").lower()
    if not link.isdigit() or int(link) < 1:
        raise ValueError(f"--head {code!r}: the link must be a whole number from 1")
    if len(digest) < MIN_HASH_DIGITS or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError(
            f"--head {code!r}: give at least {MIN_HASH_DIGITS} hexadecimal digits of the SHA-256"
        )
    return reference, int(link), digest


def check_mark(store: Store, code: str) -> MarkCheck:
    """Whether the chain head printed on a document (``REFERENCE:LINK:HASH``) is still in
    that case's evidence chain unchanged, and the chain from it to its head intact."""
    reference, link, digest = parse_mark(code)

    def work(session: Session) -> MarkCheck:
        case_id = session.scalar(select(Case.id).where(Case.reference == reference))
        if case_id is None:
            return MarkCheck(False, f"{reference}: no such case in this profile")
        # a case has one chain per device that sealed on it: the link in any of them
        links = session.scalars(
            select(ChronologyEntry.content_hash).where(
                ChronologyEntry.case_id == case_id,
                ChronologyEntry.chain_seq == link,
                ChronologyEntry.signed_at.is_not(None),
            )
        ).all()
        if not links:
            return MarkCheck(False, f"{reference}: link {link} is not in its evidence chain")
        found = next((h for h in links if str(h).startswith(digest)), links[0])
        if not str(found).startswith(digest):
            return MarkCheck(
                False,
                f"{reference}: link {link} has SHA-256 {str(found)[:16]}…, not {digest[:16]}…: "
                "the document was not made from this chain, or the chain has changed",
            )
        _checked, breaks = evidence.verify(session, only_case=case_id)
        if breaks:
            return MarkCheck(
                False,
                f"{reference}: link {link} matches, but the chain is broken: "
                + "; ".join(
                    f"link {b.chain_seq}: {b.problem}" if b.entry_id else b.problem for b in breaks
                ),
            )
        last = evidence.chain_mark(session, case_id)
        now = f"; the chain now has {last.link} links" if last else ""
        return MarkCheck(
            True,
            f"{reference}: link {link}, SHA-256 {digest[:16]}…, is in its evidence chain "
            f"unchanged, and the chain is intact{now}",
        )

    result = store.read(work)
    store.write_wait(
        lambda session: audit.record(
            session, "verify", detail={"head": f"link {link}", "ok": result.ok}
        )
    )
    return result
