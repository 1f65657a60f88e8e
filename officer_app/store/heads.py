"""Keeping the heads of the evidence in step with every write: the audit chain and the
profile head.

Chain heads (``chain_head``, one per case and device) are moved by SQL triggers as each entry
is signed or pulled (see ``schema_sql.EVIDENCE_HEAD_TRIGGERS_V2``), whatever writes it. Two
things need Python, and are done here by listeners on every writer session:

* each new audit event is chained (``seq``, ``prev_hash``, ``hash``) when it is flushed,
  following the stored audit head, so a removed tail stays a visible gap;
* at commit, if any chain head moved, the profile-wide head over all chain heads is
  recomputed and stored in the same transaction. It fails closed: when the stored profile
  head does not match the case heads as they stood before this transaction, the commit is
  refused (:class:`EvidenceTampered`) rather than sealing someone's tampering into a new head.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from officer_app.domain.evidence import (
    AUDIT_FIELDS,
    GENESIS,
    EvidenceTampered,
    audit_hash,
    profile_head,
)
from officer_app.store.models import AuditEvent, EvidenceHead, apply_defaults

__all__ = ["EvidenceTampered", "audit_content", "install", "stored_heads"]

_AUDIT_TAIL = "officer_app_audit_tail"
HEAD_ROW = 1
TAMPERED = (
    "the evidence no longer matches its stored heads, so nothing was signed: run officer-app verify"
)


def install(session: Session) -> None:
    """Attach the listeners to one writer session (after ``tracking.install``, so that the
    audit events tracking adds are chained too)."""
    event.listen(session, "before_flush", _chain_audit)
    event.listen(session, "before_commit", _seal_heads)
    event.listen(session, "after_commit", _forget)
    event.listen(session, "after_rollback", _forget)


def audit_content(row: Any) -> dict[str, Any]:
    return {name: getattr(row, name) for name in AUDIT_FIELDS}


def _forget(session: Session) -> None:
    session.info.pop(_AUDIT_TAIL, None)


def _audit_tail(session: Session) -> tuple[int, str]:
    """Where the next audit event goes: after the stored head (a removed tail stays a gap
    that verify reports), and after any row beyond it (so that a row added behind the
    application's back does not block every write; verify reports it too)."""
    head = session.execute(
        select(EvidenceHead.audit_seq, EvidenceHead.audit_hash).where(EvidenceHead.id == HEAD_ROW)
    ).first()
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    last_seq = int(last[0]) if last else 0
    if head is None:  # no stored head at all: verify says so; chain on what is there
        return last_seq, str(last[1]) if last and last[1] else GENESIS
    return max(int(head[0]), last_seq), str(head[1])


def _chain_audit(session: Session, flush_context: Any, instances: Any) -> None:
    new = [obj for obj in session.new if isinstance(obj, AuditEvent) and obj.hash is None]
    if not new:
        return
    with session.no_autoflush:
        seq, prev = session.info.get(_AUDIT_TAIL) or _audit_tail(session)
    for row in new:
        apply_defaults(row)
        seq += 1
        row.seq = seq
        row.prev_hash = prev
        row.hash = audit_hash(audit_content(row), prev)
        prev = row.hash
    session.info[_AUDIT_TAIL] = (seq, prev)


def _cursor(session: Session) -> Any:
    """A cursor of the session's own connection, in its transaction. The statements that
    run in every signing transaction go straight to the driver: through the engine's result
    layer a thousand heads cost several times more."""
    return session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]


def stored_heads(session: Session) -> list[tuple[str, str, int, str]]:
    """Every chain's head as (case id, chain device, last link, last hash), in that order."""
    cursor = _cursor(session)
    try:
        cursor.execute(
            "SELECT case_id, chain_device, last_seq, last_hash FROM chain_head "
            "ORDER BY case_id, chain_device"
        )
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _seal_heads(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint ending: the heads are sealed once, when the transaction commits
    session.flush()  # before_commit runs before the last flush: sign what is pending first
    tail = session.info.get(_AUDIT_TAIL)
    cursor = _cursor(session)
    try:
        cursor.execute("SELECT case_id, chain_device, old_seq, old_hash FROM chain_head_pending")
        moved = cursor.fetchall()
        if not moved and tail is None:
            return
        if moved:
            heads = stored_heads(session)
            before = {(case_id, device): (seq, last) for case_id, device, seq, last in heads}
            for case_id, device, old_seq, old_hash in moved:
                if old_seq is None:
                    before.pop((case_id, device), None)
                else:
                    before[(case_id, device)] = (int(old_seq), str(old_hash))
            cursor.execute("SELECT profile_hash FROM evidence_head WHERE id = ?", (HEAD_ROW,))
            stored = cursor.fetchone()
            was = profile_head((c, d, s, h) for (c, d), (s, h) in before.items())
            if stored is None or was[2] != stored[0]:
                raise EvidenceTampered(TAMPERED)
            chains, entries, profile_hash = profile_head(heads)
            cursor.execute(
                "UPDATE evidence_head SET chains = ?, entries = ?, profile_hash = ? WHERE id = ?",
                (chains, entries, profile_hash, HEAD_ROW),
            )
            cursor.execute("DELETE FROM chain_head_pending")
        if tail is not None:
            cursor.execute(
                "UPDATE evidence_head SET audit_seq = ?, audit_hash = ? WHERE id = ?",
                (tail[0], tail[1], HEAD_ROW),
            )
    finally:
        cursor.close()


def profile_head_now(session: Session) -> tuple[int, int, str]:
    """The profile head computed from the chain heads as they are (for verify)."""
    return profile_head(stored_heads(session))
