"""Canonical content and hashes of signed evidence.

A signed record is serialised canonically (sorted keys, no insignificant white space, UTF-8,
ISO 8601 dates) and hashed with SHA-256 together with the hash of the previous signed record
of the same case, so that any change to any signed record breaks the chain from there on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64

SIGNED_CHRONOLOGY_FIELDS = (
    "id",
    "case_id",
    "entry_type",
    "occurred_at",
    "author_id",
    "title",
    "body",
    "amends_id",
    "amend_reason",
    "signed_at",
    "signed_by",
    "chain_seq",
)
"""The fields of a chronology entry sealed when it is signed, hashed with the previous link's
hash (:func:`content_hash`). The central store recomputes the hash from the fields a device
pushes and refuses a mismatch, so this tuple is part of the sync protocol too."""

OPTIONAL_SIGNED_CHRONOLOGY_FIELDS = ("form_id", "form_version", "answers")
"""Added by schema 0003 for structured records; sealed only when present, so that every entry
signed before then keeps the hash it was given."""


def _default(value: object) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__} canonically")


def canonical_json(content: Mapping[str, Any]) -> bytes:
    return json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default
    ).encode("utf-8")


def content_hash(content: Mapping[str, Any], prev_hash: str) -> str:
    """SHA-256 (hex) of the previous hash and the canonical content."""
    digest = hashlib.sha256()
    digest.update(prev_hash.encode("ascii"))
    digest.update(b"\n")
    digest.update(canonical_json(content))
    return digest.hexdigest()


def profile_head(heads: Iterable[tuple[str, int, str]]) -> tuple[int, int, str]:
    """The profile-wide head over every case's chain head: (chains, entries, SHA-256 hex).

    The hash covers the number of chains, the number of signed entries and each case's
    (case id, last link, last hash) in case-id order, so that a chain added, lengthened,
    shortened, rewritten or removed gives a different head.
    """
    ordered = sorted((str(case_id), int(seq), str(last)) for case_id, seq, last in heads)
    chains = len(ordered)
    entries = sum(seq for _, seq, _ in ordered)
    text = "".join(f"{case_id} {seq} {last}\n" for case_id, seq, last in ordered)
    digest = hashlib.sha256(f"officer-app profile head v1\n{chains} {entries}\n{text}".encode())
    return chains, entries, digest.hexdigest()


AUDIT_FIELDS = ("seq", "at", "actor", "action", "entity_type", "entity_id", "detail")


def audit_hash(content: Mapping[str, Any], prev_hash: str) -> str:
    """The hash of one audit event (its AUDIT_FIELDS), chained on the one before it."""
    return content_hash({name: content[name] for name in AUDIT_FIELDS}, prev_hash)


class EvidenceTampered(Exception):
    """The stored heads no longer match the evidence: nothing more is signed until the
    profile has been verified (and restored from a backup if it was tampered with)."""


HASH_SHOWN = 16
"""Hex digits of a hash printed on a document: 64 bits, enough for ``officer-app verify
--head`` to find the link and tell whether it is unchanged."""


@dataclass(frozen=True)
class EvidenceMark:
    """The evidence chain head a document was made from, printed on it so that a later copy
    can be checked against the profile (``officer-app verify --head REFERENCE:LINK:HASH``)."""

    reference: str  # the case reference, or "" for the profile-wide head
    link: int  # the chain's last link (for the profile head: signed entries in all)
    sha256: str
    chains: int = 0  # the profile head only: how many case chains it covers

    def line(self) -> str:
        digest = self.sha256[:HASH_SHOWN]
        if not self.reference:
            return (
                f"Evidence head of the profile: {self.chains} chains, {self.link} signed "
                f"entries, SHA-256 {digest}"
            )
        return f"Evidence chain {self.reference} at link {self.link}, SHA-256 {digest}"

    def check_code(self) -> str:
        """What to give ``officer-app verify --head`` to check a copy."""
        return f"{self.reference}:{self.link}:{self.sha256[:HASH_SHOWN]}"
