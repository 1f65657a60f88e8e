"""Verify what surrounds the case chains: the profile head, the audit chain, the triggers.

Each problem is one line for ``officer-app verify``; none carries case data.
"""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from officer_app.domain.evidence import GENESIS, audit_hash
from officer_app.store.heads import HEAD_ROW, audit_content, profile_head_now
from officer_app.store.models import AuditEvent, EvidenceHead
from officer_app.store.schema_sql import IMMUTABILITY_TRIGGERS


def short(digest: str) -> str:
    return f"{digest[:16]}…" if digest else "(none)"


def check_profile_head(session: Session) -> list[str]:
    stored = session.execute(
        select(EvidenceHead.chains, EvidenceHead.entries, EvidenceHead.profile_hash).where(
            EvidenceHead.id == HEAD_ROW
        )
    ).first()
    if stored is None:
        return ["profile head: missing (it can never be deleted by the application)"]
    chains, entries, digest = profile_head_now(session)
    if (chains, entries, digest) != (stored[0], stored[1], stored[2]):
        return [
            f"profile head: changed (the case heads give {chains} chains, {entries} entries, "
            f"SHA-256 {short(digest)}; the stored head says {stored[0]} chains, {stored[1]} "
            f"entries, SHA-256 {short(stored[2])})"
        ]
    return []


def check_audit_chain(session: Session) -> tuple[int, list[str]]:
    """Recompute the audit log's chain and check it against the stored audit head."""
    problems: list[str] = []
    checked = 0
    expected_seq, expected_prev = 1, GENESIS
    rows = session.scalars(
        select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=2000)
    )
    for row in rows:
        checked += 1
        gap = row.seq != expected_seq
        if gap:
            problems.append(
                f"audit log: links {expected_seq} to {row.seq - 1} are missing"
                if row.seq > expected_seq
                else f"audit log, link {row.seq}: out of order"
            )
        if row.hash is None or row.prev_hash is None:
            problems.append(f"audit log, link {row.seq}: not chained")
        else:
            if row.prev_hash != expected_prev and not gap:
                problems.append(f"audit log, link {row.seq}: does not follow the previous link")
            if audit_hash(audit_content(row), row.prev_hash) != row.hash:
                problems.append(f"audit log, link {row.seq}: changed after it was written")
        expected_seq, expected_prev = row.seq + 1, row.hash or ""
    head = session.execute(
        select(EvidenceHead.audit_seq, EvidenceHead.audit_hash).where(EvidenceHead.id == HEAD_ROW)
    ).first()
    if head is not None:
        last = expected_seq - 1
        if last < head[0]:
            problems.append(
                f"audit log: entries missing at the end: links {last + 1} to {head[0]} "
                f"(its head is at link {head[0]})"
            )
        elif last > head[0]:
            problems.append(
                f"audit log: links {head[0] + 1} to {last} are beyond its head (link {head[0]})"
            )
        elif last and expected_prev != head[1]:
            problems.append(f"audit log: link {last} is not the one its head recorded")
    return checked, problems


def _normalised(sql: str) -> str:
    return " ".join(sql.split())


def check_triggers(session: Session) -> list[str]:
    """Every immutability trigger present exactly as shipped (white space aside)."""
    present = {
        str(name): str(sql or "")
        for name, sql in session.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        )
    }
    problems = []
    for statement in IMMUTABILITY_TRIGGERS:
        name = statement.split()[2]
        if name not in present:
            problems.append(f"immutability trigger {name}: missing")
        elif _normalised(present[name]) != _normalised(statement):
            problems.append(f"immutability trigger {name}: altered")
    return problems
