"""The central store's tables (SQLAlchemy Core). Every row carries the ``la_id`` of the local
authority it belongs to, so one database can hold several LAs without a row ever crossing.

Entities are stored generically (``entity``: type, id, version, the fields as JSON and, per
field, the version and device that last set it), which is what the field-by-field merge needs
(``merge.py``) and keeps the server free of the desktop's schema. The change log is the pull
feed: one row per scope and accepted change, ``seq`` dense per scope (anchors-sync §7.2).
Schema changes go through Alembic (``migrations/``), never ``create_all``.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

ID = 36  # a UUID as text


def _la() -> Column[str]:
    return Column("la_id", String(ID), nullable=False, index=True)


def _time(name: str, nullable: bool = False) -> Column[object]:
    return Column(name, DateTime(timezone=True), nullable=nullable)


la = Table(
    "la",
    metadata,
    Column("la_id", String(ID), primary_key=True),
    Column("name", String(200), nullable=False),
)

team = Table(
    "team",
    metadata,
    Column("id", String(ID), primary_key=True),
    _la(),
    Column("name", String(200), nullable=False),
    UniqueConstraint("la_id", "name", name="uq_team_name"),
)

user_account = Table(
    "user_account",
    metadata,
    Column("id", String(ID), primary_key=True),
    _la(),
    Column("team_id", String(ID), nullable=True, index=True),
    Column("name", String(200), nullable=False),
    Column("initials", String(10), nullable=False),
    Column("role", String(20), nullable=False),  # one of protocol.ROLES
    Column("email", String(320), nullable=False, default=""),
    Column("active", Boolean, nullable=False, default=True),
)

enrolment_code = Table(
    "enrolment_code",
    metadata,
    Column("code_hash", String(64), primary_key=True),  # SHA-256 of the code; never the code
    _la(),
    Column("user_id", String(ID), nullable=False, index=True),
    _time("created_at"),
    _time("expires_at"),
    _time("used_at", nullable=True),
)

device = Table(
    "device",
    metadata,
    Column("id", String(ID), primary_key=True),
    _la(),
    Column("user_id", String(ID), nullable=False, index=True),
    Column("credential_hash", String(64), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("app_version", String(40), nullable=False),
    _time("enrolled_at"),
    _time("revoked_at", nullable=True),
    _time("last_seen", nullable=True),
)

scope = Table(
    "scope",
    metadata,
    Column("scope_id", String(80), primary_key=True),
    _la(),
    Column("kind", String(10), nullable=False),  # case | la
    Column("case_id", String(ID), nullable=True),
    Column("next_seq", BigInteger, nullable=False, default=1),  # locked FOR UPDATE per write
)

case_index = Table(
    "case_index",
    metadata,
    Column("case_id", String(ID), primary_key=True),
    _la(),
    Column("reference", String(40), nullable=False),
    Column("stage", String(20), nullable=False),
    Column("officer_id", String(ID), nullable=True, index=True),  # the allocation now
    UniqueConstraint("la_id", "reference", name="uq_case_reference"),
)

allocation = Table(
    "allocation",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _la(),
    Column("case_id", String(ID), nullable=False, index=True),
    Column("user_id", String(ID), nullable=False, index=True),
    _time("valid_from"),
    _time("valid_to", nullable=True),
)

entity = Table(
    "entity",
    metadata,
    Column("entity_type", String(40), primary_key=True),
    Column("entity_id", String(ID), primary_key=True),
    _la(),
    Column("version", BigInteger, nullable=False),
    Column("fields", JSON, nullable=False),
    Column("field_versions", JSON, nullable=False),  # {field: entity version that set it}
    Column("field_devices", JSON, nullable=False),  # {field: device id that set it}
    Column("deleted", Boolean, nullable=False, default=False),
    _time("created_at"),
    _time("updated_at"),
)

entity_scope = Table(
    "entity_scope",
    metadata,
    Column("entity_type", String(40), primary_key=True),
    Column("entity_id", String(ID), primary_key=True),
    Column("scope_id", String(80), primary_key=True),
    _la(),
    Index("ix_entity_scope_scope", "scope_id"),
)

change_log = Table(
    "change_log",
    metadata,
    Column("scope_id", String(80), primary_key=True),
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    _la(),
    Column("entity_type", String(40), nullable=False),
    Column("entity_id", String(ID), nullable=False),
    Column("entity_version", BigInteger, nullable=False),
    Column("op", String(10), nullable=False),  # upsert | tombstone | conflict
    Column("fields", JSON, nullable=False),
    Column("conflict", JSON, nullable=True),  # a protocol.ConflictInfo as JSON
    Column("mutation_id", String(ID), nullable=True),
    Column("user_id", String(ID), nullable=True),
    Column("device_id", String(ID), nullable=True),
    _time("server_time"),
    Index("ix_change_log_entity", "entity_type", "entity_id", "entity_version"),
)

applied_mutation = Table(
    "applied_mutation",
    metadata,
    Column("mutation_id", String(ID), primary_key=True),
    _la(),
    Column("device_id", String(ID), nullable=False),
    Column("request_hash", String(64), nullable=False),
    Column("result", JSON, nullable=False),  # the protocol.MutationResult first returned
    _time("applied_at"),
)

conflict = Table(
    "conflict",
    metadata,
    Column("conflict_id", String(ID), primary_key=True),
    _la(),
    Column("scope_id", String(80), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("entity_type", String(40), nullable=False),
    Column("entity_id", String(ID), nullable=False),
    Column("field", String(80), nullable=False),
    Column("server_value", JSON, nullable=True),
    Column("server_user", String(ID), nullable=True),
    Column("server_at", String(40), nullable=True),
    Column("client_value", JSON, nullable=True),  # a chain fork: the whole pushed record
    Column("client_user", String(ID), nullable=False),
    Column("client_at", String(40), nullable=False),
    Column("mutation_id", String(ID), nullable=False),
    Column("device_id", String(ID), nullable=False),
    Column("status", String(10), nullable=False),  # open | resolved
    Column("resolved_by", String(ID), nullable=True),
    Column("resolved_at", String(40), nullable=True),
    Column("resolution", JSON, nullable=True),  # the value chosen or merged
)

chain_head = Table(  # one evidence chain per (case, device that sealed on it); migration 0003
    "chain_head",
    metadata,
    Column("case_id", String(ID), primary_key=True),
    Column("chain_device", String(ID), primary_key=True, server_default=""),
    _la(),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("la_id", String(ID), nullable=True, index=True),  # None: a caller not known
    _time("at"),
    Column("user_id", String(ID), nullable=True),
    Column("device_id", String(ID), nullable=True),
    Column("method", String(10), nullable=False),
    Column("path", String(200), nullable=False),
    Column("status", Integer, nullable=False),
    Column("scopes", JSON, nullable=False),  # the scope ids read or written
    Column("detail", Text, nullable=False, default=""),
)

blob = Table(  # an attachment's file by the SHA-256 of its content, per LA; migration 0004
    "blob",
    metadata,
    Column("la_id", String(ID), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),  # the length declared when the upload began
    Column("media_type", String(100), nullable=False),
    Column("upload_id", String(ID), nullable=False, unique=True),
    Column("received", BigInteger, nullable=False),  # bytes held so far: the upload's offset
    Column("complete", Boolean, nullable=False),  # received == size and the hash checked
    _time("created_at"),
    _time("completed_at", nullable=True),
)

blob_chunk = Table(  # a blob's bytes, one row per PATCH (at most protocol.MAX_BLOB_CHUNK)
    "blob_chunk",
    metadata,
    Column("la_id", String(ID), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("start", BigInteger, primary_key=True, autoincrement=False),  # its offset
    Column("data", LargeBinary, nullable=False),
)
