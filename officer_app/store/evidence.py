"""Signing chronology entries into their chain, and verifying every chain.

A case has one chain per device that sealed on it (schema 0012): each profile seals its own
entries into the chain named by its ``chain_device`` setting, so that devices syncing through
the central store never make the same link; entries sealed before 0012 are the legacy chain
(``chain_device`` ""). Each chain has its own head (``chain_head``, keyed by case and device)
and is verified on its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.domain.evidence import (
    GENESIS,
    LEGACY_CHAIN,
    OPTIONAL_SIGNED_CHRONOLOGY_FIELDS,
    SIGNED_CHRONOLOGY_FIELDS,
    EvidenceMark,
    EvidenceTampered,
    content_hash,
    signed_content_of,
)
from officer_app.store.heads import TAMPERED
from officer_app.store.models import (
    Case,
    ChainHead,
    ChronologyEntry,
    EvidenceHead,
    ProfileSetting,
    apply_defaults,
)

SIGNED_FIELDS = SIGNED_CHRONOLOGY_FIELDS
OPTIONAL_SIGNED_FIELDS = OPTIONAL_SIGNED_CHRONOLOGY_FIELDS


CHAIN_DEVICE_SETTING = "chain_device"
"""The ``profile_setting`` naming this profile's own chain on every case (a random UUID made
by schema 0012, or when a profile is created at that schema or later)."""


def signed_content(entry: ChronologyEntry) -> dict[str, Any]:
    apply_defaults(entry)
    names = SIGNED_FIELDS + OPTIONAL_SIGNED_FIELDS
    return signed_content_of({name: getattr(entry, name) for name in names})


def chain_device(session: Session) -> str:
    """This profile's chain (the legacy chain "" for a profile that has none)."""
    with session.no_autoflush:
        value = session.scalar(
            select(ProfileSetting.value).where(ProfileSetting.key == CHAIN_DEVICE_SETTING)
        )
    return LEGACY_CHAIN if value is None else str(value)


def sign(session: Session, entry: ChronologyEntry, *, by: str, at: dt.datetime) -> None:
    """Seal ``entry`` (new or still unsigned) as the next link of this profile's chain on its
    case (the ``chain_device`` setting).

    Runs inside the writer's transaction, so two signatures on one chain are never given the
    same place in it; another device never writes this profile's chain.
    """
    if entry.signed_at is not None:
        raise ValueError("this entry is already signed")
    device = chain_device(session)
    with session.no_autoflush:  # a new entry is inserted once, already signed
        last = session.execute(
            select(ChronologyEntry.chain_seq, ChronologyEntry.content_hash)
            .where(
                ChronologyEntry.case_id == entry.case_id,
                ChronologyEntry.chain_device == device,
                ChronologyEntry.chain_seq.is_not(None),
            )
            .order_by(ChronologyEntry.chain_seq.desc())
            .limit(1)
        ).first()
        head = session.execute(
            select(ChainHead.last_seq, ChainHead.last_hash).where(
                ChainHead.case_id == entry.case_id, ChainHead.chain_device == device
            )
        ).first()
    if (None if last is None else tuple(last)) != (None if head is None else tuple(head)):
        # Entries removed from the end of this chain, added beyond its head, or a head
        # changed: signing on would bury that, so refuse until the profile is verified.
        raise EvidenceTampered(TAMPERED)
    entry.chain_device = device
    entry.chain_seq = 1 if last is None else int(last[0] or 0) + 1
    entry.prev_hash = GENESIS if last is None else str(last[1])
    entry.signed_at = at
    entry.signed_by = by
    entry.content_hash = content_hash(signed_content(entry), entry.prev_hash)


@dataclass(frozen=True)
class ChainBreak:
    case_id: str
    entry_id: str  # "" for a problem of the chain as a whole (its head, its end)
    chain_seq: int
    problem: str
    chain_device: str = LEGACY_CHAIN  # which of the case's chains


Chain = tuple[str, str]  # (case id, chain device)


def verify(session: Session, *, only_case: str | None = None) -> tuple[int, list[ChainBreak]]:
    """Recompute every chain of every case (or of one case) and check each against its own
    head. Returns (entries checked, breaks found)."""
    breaks: list[ChainBreak] = []
    checked = 0
    ends: dict[Chain, tuple[int, str]] = {}
    query = select(ChronologyEntry).where(ChronologyEntry.signed_at.is_not(None))
    heads_query = select(
        ChainHead.case_id, ChainHead.chain_device, ChainHead.last_seq, ChainHead.last_hash
    )
    if only_case is not None:
        query = query.where(ChronologyEntry.case_id == only_case)
        heads_query = heads_query.where(ChainHead.case_id == only_case)
    rows = session.scalars(
        query.order_by(
            ChronologyEntry.case_id, ChronologyEntry.chain_device, ChronologyEntry.chain_seq
        ).execution_options(yield_per=2000)
    )
    chain: Chain | None = None
    expected_prev = GENESIS
    expected_seq = 1
    for entry in rows:
        checked += 1
        here = (entry.case_id, entry.chain_device or LEGACY_CHAIN)
        if here != chain:
            chain, expected_prev, expected_seq = here, GENESIS, 1

        def broken(
            seq: int, problem: str, entry: ChronologyEntry = entry, device: str = here[1]
        ) -> ChainBreak:
            return ChainBreak(entry.case_id, entry.id, seq, problem, device)

        seq = entry.chain_seq or 0
        if seq != expected_seq:
            breaks.append(broken(seq, f"expected link {expected_seq}"))
        if entry.prev_hash != expected_prev:
            breaks.append(broken(seq, "does not follow the previous link"))
        recomputed = content_hash(signed_content(entry), entry.prev_hash or "")
        if recomputed != entry.content_hash:
            breaks.append(broken(seq, "content changed after signing"))
        expected_prev = entry.content_hash or ""
        expected_seq = seq + 1
        ends[here] = (seq, expected_prev)
    heads = {
        (str(case_id), str(device)): (int(seq), str(last))
        for case_id, device, seq, last in session.execute(heads_query)
    }
    for case_id, device in sorted(set(ends) | set(heads)):
        problem = _against_head(ends.get((case_id, device)), heads.get((case_id, device)))
        if problem:
            seq = (ends.get((case_id, device)) or heads.get((case_id, device)) or (0, ""))[0]
            breaks.append(ChainBreak(case_id, "", seq, problem, device))
    return checked, breaks


def _against_head(end: tuple[int, str] | None, head: tuple[int, str] | None) -> str:
    """What is wrong between a chain's last link and its stored head ("" if nothing)."""
    if end is None and head is None:
        return ""
    if head is None:
        return "signed entries but no chain head: the chain was not signed by this application"
    if end is None:
        return f"missing chain: its head is at link {head[0]} but no signed entry is left"
    if end[0] < head[0]:
        return (
            f"entries missing at the end of the chain: links {end[0] + 1} to {head[0]} "
            f"(its head is at link {head[0]})"
        )
    if end[0] > head[0]:
        return f"links {head[0] + 1} to {end[0]} are beyond the chain's head (link {head[0]})"
    if end[1] != head[1]:
        return f"link {end[0]} is not the one its head recorded: the chain has been rewritten"
    return ""


def seal_new_chain(
    entries: list[ChronologyEntry],
    *,
    after_seq: int = 0,
    after_hash: str = GENESIS,
    device: str = LEGACY_CHAIN,
) -> str:
    """Seal entries of ONE chain (a case and a device) not yet in the database, in order.

    For bulk loads (the demo caseload, a first sync) where a query per entry would be slow.
    Each entry must already carry ``signed_at`` and ``signed_by``. Returns the last hash.
    """
    prev = after_hash
    for offset, entry in enumerate(entries, start=1):
        if entry.signed_at is None or entry.signed_by is None:
            raise ValueError("set signed_at and signed_by before sealing")
        entry.chain_device = device
        entry.chain_seq = after_seq + offset
        entry.prev_hash = prev
        entry.content_hash = content_hash(signed_content(entry), prev)
        prev = entry.content_hash
    return prev


def chain_mark(session: Session, case_id: str) -> EvidenceMark | None:
    """The head to print on a document made from the case now: of the case's chains (one per
    device that sealed on it), the one most recently extended, i.e. whose last link was
    signed last (this profile's own chain when it signed last). Its link and hash are in
    that chain, so ``officer-app verify --head`` finds it among the case's entries."""
    row = session.execute(
        select(Case.reference, ChainHead.last_seq, ChainHead.last_hash)
        .join(ChainHead, ChainHead.case_id == Case.id)
        .join(
            ChronologyEntry,
            (ChronologyEntry.case_id == ChainHead.case_id)
            & (ChronologyEntry.chain_device == ChainHead.chain_device)
            & (ChronologyEntry.chain_seq == ChainHead.last_seq),
            isouter=True,
        )
        .where(Case.id == case_id)
        .order_by(
            ChronologyEntry.signed_at.desc().nulls_last(),
            ChainHead.last_seq.desc(),
            ChainHead.chain_device,
        )
        .limit(1)
    ).first()
    return None if row is None else EvidenceMark(str(row[0]), int(row[1]), str(row[2]))


def profile_mark(session: Session) -> EvidenceMark | None:
    """The profile-wide head as stored, to print on an LA-wide document."""
    row = session.execute(
        select(EvidenceHead.chains, EvidenceHead.entries, EvidenceHead.profile_hash)
    ).first()
    return None if row is None else EvidenceMark("", int(row[1]), str(row[2]), int(row[0]))
