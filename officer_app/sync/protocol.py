"""The sync protocol: the only thing the desktop (``officer_app.sync``) and the central store
(``officer_app.central``) share. Message types, header names, limits, and the definition of a
signed record's content, which both sides hash (``shared/reference/anchors-sync.md`` §7).

The design in one paragraph. Each device records every change to a tracked row as a mutation
in its outbox, in the same transaction as the change (``store/tracking.py``). A sync round is
``hello`` (version gate, the scopes the user may hold now), ``push`` (the outbox in
``device_seq`` order, idempotent by ``mutation_id``), then ``pull`` (per scope, from a cursor
the server assigned). The server is authoritative and merges field by field against the
version the device last saw (``base_version``): a field changed by someone else since then,
to a different value, makes a :class:`ConflictInfo` shown to people, never a silent overwrite.
Signed records are insert-only and their hashes are checked by the server.

Scopes: ``case:<case id>`` holds everything about one case (the case, the child, the family
and its adults, the chronology, letters, notices, interviews, statements, packs); ``la:<la id>``
holds the local authority's reference rows (officers, schools). An officer holds the scopes
of the cases allocated to them, a supervisor those of their team's cases, a court officer
those of the cases at the legal stages; every user holds their LA's scope.

Every message is a frozen dataclass of JSON-able fields (``str``, ``int``, ``bool``, ``None``,
lists and dicts of those). ``to_json`` and ``from_json`` convert, and ``from_json`` raises
:class:`ProtocolError` naming the field, never a ``KeyError``. FastAPI validates the same
dataclasses on the server side.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, get_args, get_origin, get_type_hints

from officer_app.domain.evidence import (
    OPTIONAL_SIGNED_CHRONOLOGY_FIELDS,
    SIGNED_CHRONOLOGY_FIELDS,
    content_hash,
    signed_content_of,
)

__all__ = [
    "OPTIONAL_SIGNED_CHRONOLOGY_FIELDS",
    "SIGNED_CHRONOLOGY_FIELDS",
    "content_hash",
    "signed_content_of",
]

PROTOCOL_VERSION = 1
"""The version this build speaks. The server accepts ``[PROTOCOL_MIN, PROTOCOL_MAX]``; below
the minimum it answers 426 and the desktop keeps its outbox and asks the user to update."""

PREFIX = "/sync/v1"

HEADER_PROTOCOL = "Sync-Protocol"
HEADER_APP_VERSION = "App-Version"
HEADER_SCHEMA_VERSION = "Schema-Version"
# The device credential travels as ``Authorization: Bearer <credential>``.

MAX_PUSH_MUTATIONS = 200
"""Most mutations in one push; the desktop sends its outbox in batches of this size."""

MAX_BODY_BYTES = 4 * 1024 * 1024
"""Largest request body the server reads (a longer one gets 413 before it is parsed)."""

MAX_PULL_LIMIT = 5000
"""Most changes in one pull page."""

ROLES = ("officer", "supervisor", "court_officer")

# ---- error codes (the ``code`` of an :class:`ErrorInfo`) -------------------------------------
UNAUTHORISED = "unauthorised"  # 401: no credential, or one the server does not know
DEVICE_REVOKED = "device_revoked"  # 401: the device was revoked; it purges everything
UPGRADE_REQUIRED = "upgrade_required"  # 426: the desktop is too old; its outbox is kept
UNSUPPORTED_PROTOCOL = "unsupported_protocol"  # 400: newer than the server
FORBIDDEN_SCOPE = "forbidden_scope"  # 403: a scope the caller may not hold
IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"  # item: same mutation id, other content
ENROLMENT_REFUSED = "enrolment_refused"  # 400: unknown, used or expired code (one message)
RATE_LIMITED = "rate_limited"  # 429
# item-level rejections (a 200 response; the item's status is "rejected")
SCOPE_REVOKED = "scope_revoked"  # the case is no longer the user's (kept as orphaned_edit)
SIGNED_IMMUTABLE = "signed_record_immutable"  # a change to a signed record
HASH_MISMATCH = "hash_mismatch"  # a signed record whose hash is not its content's
CHAIN_FORK = "chain_fork"  # a signed record off its chain's head (a chain: a case and device)
UNKNOWN_ENTITY = "unknown_entity"  # an update or delete of a row the server never had
INVALID = "invalid"  # anything else wrong with one mutation

MutationOp = Literal["create", "update", "delete"]
ItemStatus = Literal["applied", "duplicate", "conflict", "rejected"]
ChangeOp = Literal["upsert", "tombstone", "conflict"]
ConflictKind = Literal["field", "edit_on_deleted", "orphaned_edit", "chain_fork"]
ConflictStatus = Literal["open", "resolved"]

# ---- signed records (their sealed fields and hash: domain.evidence, re-exported above) --------
INSERT_ONLY_TYPES = frozenset({"exhibit", "statement_version", "audit_event"})
"""Entity types that are never changed or deleted once created (the desktop's triggers refuse
it too). A chronology entry is insert-only once its ``signed_at`` is set; an evidence pack once
served."""


def scope_of_case(case_id: str) -> str:
    return f"case:{case_id}"


def scope_of_la(la_id: str) -> str:
    return f"la:{la_id}"


def scope_kind(scope_id: str) -> tuple[str, str]:
    """``("case", id)`` or ``("la", id)``; :class:`ProtocolError` for anything else."""
    kind, _, ident = scope_id.partition(":")
    if kind not in ("case", "la") or not ident:
        raise ProtocolError(f"scope {scope_id!r} is neither case:<id> nor la:<id>")
    return kind, ident


class ProtocolError(ValueError):
    """A message that does not have the protocol's shape; the text names the field."""


# ---- messages ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class ErrorInfo:
    code: str
    message: str


@dataclass(frozen=True)
class EnrolRequest:
    code: str
    device_name: str
    app_version: str


@dataclass(frozen=True)
class UserInfo:
    user_id: str
    name: str
    initials: str
    role: str
    la_id: str
    la_name: str
    team: str


@dataclass(frozen=True)
class EnrolResponse:
    device_id: str
    credential: str  # shown once; the server keeps only its hash
    user: UserInfo
    server_time: str


@dataclass(frozen=True)
class HelloRequest:
    scopes: dict[str, int] = field(default_factory=dict)  # scope id -> cursor held


@dataclass(frozen=True)
class ScopeChanges:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class HelloResponse:
    server_time: str
    protocol_range: list[int]
    user: UserInfo
    device_id: str
    scopes: list[str]  # every scope the user may hold now
    scope_changes: ScopeChanges
    conflicts_open: int


@dataclass(frozen=True)
class Mutation:
    """One outbox row on its way up (anchors-sync.md §7.4).

    ``base_version`` is the server's version of the row that the device last pulled (None for
    a create, or a row the device never received). ``changes`` are whole field values, keyed by
    column name, as JSON (dates ISO 8601, datetimes RFC 3339 UTC with microseconds).
    ``scope_id`` is the device's view of where the row belongs; the server trusts it only for
    a create, and only within the caller's scopes."""

    mutation_id: str
    device_seq: int
    entity_type: str
    entity_id: str
    scope_id: str
    op: MutationOp
    base_version: int | None
    changes: dict[str, Any]
    schema_version: str
    created_at_device: str
    resolves: str | None = None  # a conflict id this change settles (the chosen or merged value)


@dataclass(frozen=True)
class PushRequest:
    mutations: list[Mutation]


@dataclass(frozen=True)
class MutationResult:
    mutation_id: str
    status: ItemStatus
    entity_version: int | None = None
    conflict_ids: list[str] = field(default_factory=list)
    error: ErrorInfo | None = None


@dataclass(frozen=True)
class PushResponse:
    server_time: str
    results: list[MutationResult]


@dataclass(frozen=True)
class PullRequest:
    cursors: dict[str, int]  # scope id -> last seq applied (0: from the start)
    limit: int = 1000


@dataclass(frozen=True)
class ConflictInfo:
    """Two edits to one field: both values, who and when. The server keeps its value until a
    person chooses or merges (a mutation with ``resolves`` set)."""

    conflict_id: str
    scope_id: str
    kind: ConflictKind
    entity_type: str
    entity_id: str
    field: str
    server_value: Any
    server_user: str | None
    server_at: str | None
    client_value: Any
    client_user: str
    client_at: str
    mutation_id: str
    status: ConflictStatus
    resolved_by: str | None = None
    resolved_at: str | None = None


@dataclass(frozen=True)
class Change:
    """One row of a scope's change log. ``upsert``: the fields set by one accepted mutation
    (all of them for a create), to be written over the device's copy when ``entity_version``
    is newer than its own; ``tombstone``: the row was deleted; ``conflict``: a conflict opened
    or settled (``fields`` then holds the server's current value of the field)."""

    scope_id: str
    seq: int
    entity_type: str
    entity_id: str
    entity_version: int
    op: ChangeOp
    fields: dict[str, Any]
    conflict: ConflictInfo | None = None


@dataclass(frozen=True)
class PullResponse:
    server_time: str
    changes: list[Change]
    cursors: dict[str, int]
    scope_changes: ScopeChanges
    has_more: bool


@dataclass(frozen=True)
class ChainHeadInfo:
    """The head of one evidence chain: a case has one per device that sealed on it
    (``chain_device``; "" for the chain of entries sealed before devices had their own)."""

    case_id: str
    seq: int
    hash: str
    chain_device: str = ""


@dataclass(frozen=True)
class HeadsResponse:
    """The chain head of every case in the caller's scopes, as the server holds it."""

    server_time: str
    heads: list[ChainHeadInfo]


# ---- attachments' files (anchors-sync §7.7) ----------------------------------------------------
# An attachment's row syncs as any row; its file travels apart, by the SHA-256 of its content
# (the plaintext: every profile encrypts with its own key, so only the content is shared), in a
# resumable upload (tus 1.0 semantics): ``HEAD {BLOBS}/{sha256}`` (200 complete, 404 not),
# ``POST {BLOBS}/uploads`` a :class:`BlobUploadRequest` -> :class:`BlobUploadResponse`,
# ``HEAD {BLOBS}/uploads/{id}`` -> ``Upload-Offset``, ``PATCH {BLOBS}/uploads/{id}`` with
# ``Upload-Offset`` and a chunk of at most :data:`MAX_BLOB_CHUNK` bytes -> 204 and the new
# ``Upload-Offset`` (409 if the offset is not the server's; 422 ``hash_mismatch`` at the end if
# the bytes are not the hash's, the upload then starting again from 0), ``GET {BLOBS}/{sha256}``
# (``Range: bytes=a-b`` optional). A caller holding no case whose attachment rows name the hash
# gets 404 for all of these, never 403: nothing says the file exists.
BLOBS = "/blobs"
HEADER_UPLOAD_OFFSET = "Upload-Offset"
HEADER_UPLOAD_LENGTH = "Upload-Length"
MAX_BLOB_CHUNK = MAX_BODY_BYTES
"""Largest chunk in one ``PATCH`` (the body limit)."""
MAX_BLOB_BYTES = 64 * 1024 * 1024
"""Largest file the server takes (the desktop's own limit on an attachment is 50 MB)."""
BLOB_HASH_MISMATCH = "hash_mismatch"  # 422: the uploaded bytes are not the declared hash's
BLOB_OFFSET_MISMATCH = "offset_mismatch"  # 409: Upload-Offset is not where the server is


def is_sha256(value: str) -> bool:
    """A SHA-256 as the protocol writes it: 64 lower-case hexadecimal digits."""
    return len(value) == 64 and all(c in "0123456789abcdef" for c in value)


@dataclass(frozen=True)
class BlobUploadRequest:
    sha256: str
    length: int
    media_type: str = "application/octet-stream"


@dataclass(frozen=True)
class BlobUploadResponse:
    """The upload session for the hash (the incomplete one if there is one) and how many of its
    bytes the server holds; ``complete``: the file is there already, nothing to send."""

    upload_id: str
    offset: int
    complete: bool = False


# ---- (de)serialisation -------------------------------------------------------------------------
T = TypeVar("T")


def to_json(message: Any) -> dict[str, Any]:
    """A message as a JSON-able dict."""
    return dataclasses.asdict(message)


def from_json(kind: type[T], data: Any, where: str = "") -> T:
    """``data`` (parsed JSON) as a ``kind`` message, checked field by field."""
    return typing.cast(T, _convert(kind, data, where or kind.__name__))


def _convert(kind: Any, value: Any, where: str) -> Any:
    origin = get_origin(kind)
    if kind is Any:
        return value
    if origin is Literal:
        if value not in get_args(kind):
            raise ProtocolError(f"{where}: {value!r} is not one of {', '.join(get_args(kind))}")
        return value
    if origin in (types.UnionType, typing.Union):
        options = get_args(kind)
        if value is None and type(None) in options:
            return None
        inner = [option for option in options if option is not type(None)]
        return _convert(inner[0], value, where)
    if origin is list:
        if not isinstance(value, list):
            raise ProtocolError(f"{where}: expected a list")
        (item,) = get_args(kind)
        return [_convert(item, entry, f"{where}[{n}]") for n, entry in enumerate(value)]
    if origin is dict:
        if not isinstance(value, Mapping):
            raise ProtocolError(f"{where}: expected an object")
        key_type, item = get_args(kind)
        return {
            _convert(key_type, key, f"{where} key"): _convert(item, entry, f"{where}.{key}")
            for key, entry in value.items()
        }
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, Mapping):
            raise ProtocolError(f"{where}: expected an object")
        hints = get_type_hints(kind)
        values: dict[str, Any] = {}
        for spec in dataclasses.fields(kind):
            if spec.name in value:
                values[spec.name] = _convert(
                    hints[spec.name], value[spec.name], f"{where}.{spec.name}"
                )
            elif (
                spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
            ):
                raise ProtocolError(f"{where}.{spec.name}: missing")
        return typing.cast(Any, kind)(**values)
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ProtocolError(f"{where}: expected a whole number")
        return value
    if kind is str:
        if not isinstance(value, str):
            raise ProtocolError(f"{where}: expected text")
        return value
    if kind is bool:
        if not isinstance(value, bool):
            raise ProtocolError(f"{where}: expected true or false")
        return value
    raise ProtocolError(f"{where}: cannot read a {kind!r}")  # pragma: no cover - a new type
