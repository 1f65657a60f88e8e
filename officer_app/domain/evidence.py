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
from typing import Any

GENESIS = "0" * 64


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
    ordered = sorted(heads)
    chains = len(ordered)
    entries = sum(seq for _, seq, _ in ordered)
    digest = hashlib.sha256(f"officer-app profile head v1\n{chains} {entries}\n".encode("ascii"))
    for case_id, seq, last_hash in ordered:
        digest.update(f"{case_id} {seq} {last_hash}\n".encode())
    return chains, entries, digest.hexdigest()


AUDIT_FIELDS = ("seq", "at", "actor", "action", "entity_type", "entity_id", "detail")


def audit_hash(content: Mapping[str, Any], prev_hash: str) -> str:
    """The hash of one audit event (its AUDIT_FIELDS), chained on the one before it."""
    return content_hash({name: content[name] for name in AUDIT_FIELDS}, prev_hash)


class EvidenceTampered(Exception):
    """The stored heads no longer match the evidence: nothing more is signed until the
    profile has been verified (and restored from a backup if it was tampered with)."""
