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

OPTIONAL_SIGNED_CHRONOLOGY_FIELDS = ("form_id", "form_version", "answers", "chain_device")
"""Sealed only when present, so that every entry signed before they existed keeps the hash it
was given: the structured record's form and answers (schema 0003; present = not None) and the
chain an entry was sealed into (schema 0012; present = not None and not "", the legacy chain
of every entry sealed before 0012 being "")."""

UNSEALED_WHEN_EMPTY = frozenset({"chain_device"})
"""Optional fields whose empty string means absent (an answer of "" is still sealed)."""

LEGACY_CHAIN = ""
"""The ``chain_device`` of entries sealed before schema 0012: one chain per case."""


def sealed_optional(name: str, value: object) -> bool:
    """Whether an optional signed field with this value is part of the sealed content."""
    if value is None:
        return False
    return not (name in UNSEALED_WHEN_EMPTY and value == "")


def signed_content_of(record: Mapping[str, Any]) -> dict[str, Any]:
    """The content sealed for a chronology entry given as a mapping of its fields (the
    desktop's row and the central store's pushed record both use this)."""
    content = {name: record.get(name) for name in SIGNED_CHRONOLOGY_FIELDS}
    for name in OPTIONAL_SIGNED_CHRONOLOGY_FIELDS:
        value = record.get(name)
        if sealed_optional(name, value):
            content[name] = value
    return content


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


Head = tuple[str, int, str] | tuple[str, str, int, str]
"""A chain head: (case id, last link, last hash), or (case id, chain device, last link, last
hash) from schema 0012, where a case has one chain per device that sealed on it."""


def profile_head(heads: Iterable[Head]) -> tuple[int, int, str]:
    """The profile-wide head over every chain head: (chains, entries, SHA-256 hex).

    The hash covers the number of chains, the number of signed entries and each chain's
    (case id, chain device, last link, last hash) in (case id, device) order, so that a chain
    added, lengthened, shortened, rewritten or removed gives a different head. The device is
    written only when it is not the legacy chain (""), so that a profile's head from before
    schema 0012 is the same after it.
    """
    ordered = sorted(_four(head) for head in heads)
    chains = len(ordered)
    entries = sum(seq for _, _, seq, _ in ordered)
    text = "".join(
        f"{case_id} {device + ' ' if device else ''}{seq} {last}\n"
        for case_id, device, seq, last in ordered
    )
    digest = hashlib.sha256(f"officer-app profile head v1\n{chains} {entries}\n{text}".encode())
    return chains, entries, digest.hexdigest()


def _four(head: Head) -> tuple[str, str, int, str]:
    if len(head) == 3:
        return str(head[0]), LEGACY_CHAIN, int(head[1]), str(head[2])
    return str(head[0]), str(head[1]), int(head[2]), str(head[3])


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
