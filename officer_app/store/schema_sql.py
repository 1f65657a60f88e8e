"""SQL that Alembic cannot autogenerate: evidence triggers and the full-text index.

Kept as versioned constants: a migration imports the statements of its own version, so a
later change here is a new constant used by a new migration, never an edit of these.
"""

from __future__ import annotations

# --- Append-only evidence and audit (v1) --------------------------------------------------
EVIDENCE_TRIGGERS_V1 = [
    """CREATE TRIGGER chronology_signed_no_update BEFORE UPDATE ON chronology_entry
       WHEN OLD.signed_at IS NOT NULL
       BEGIN SELECT RAISE(ABORT, 'signed evidence cannot be changed: add an amendment'); END""",
    """CREATE TRIGGER chronology_signed_no_delete BEFORE DELETE ON chronology_entry
       WHEN OLD.signed_at IS NOT NULL
       BEGIN SELECT RAISE(ABORT, 'signed evidence cannot be deleted'); END""",
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_event
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_event
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
]

# --- Chain heads and the chained audit log (v1, schema 0006) --------------------------------
# Each signature moves its case's head in ``chain_head`` to the highest link signed (a bulk
# load may insert a case's entries in another order than their links), and notes, once per
# transaction, where the head stood before, for the profile head sealed at commit
# (store/heads.py). A head never moves back and is never deleted; an audit row must arrive
# chained.
_HEAD_OF_NEW = "(SELECT {col} FROM chain_head WHERE case_id = NEW.case_id)"
_SIGNING_BODY_V1 = f"""
  INSERT OR IGNORE INTO chain_head_pending (case_id, old_seq, old_hash)
   VALUES (NEW.case_id, {_HEAD_OF_NEW.format(col="last_seq")},
           {_HEAD_OF_NEW.format(col="last_hash")});
  INSERT INTO chain_head (case_id, last_seq, last_hash)
   VALUES (NEW.case_id, NEW.chain_seq, NEW.content_hash)
   ON CONFLICT (case_id) DO UPDATE SET last_seq = excluded.last_seq,
                                       last_hash = excluded.last_hash
   WHERE excluded.last_seq > chain_head.last_seq;"""

EVIDENCE_HEAD_TRIGGERS_V1 = [
    f"""CREATE TRIGGER chronology_signed_head_ins AFTER INSERT ON chronology_entry
       WHEN NEW.signed_at IS NOT NULL
       BEGIN {_SIGNING_BODY_V1}
       END""",
    f"""CREATE TRIGGER chronology_signed_head_upd AFTER UPDATE OF signed_at ON chronology_entry
       WHEN OLD.signed_at IS NULL AND NEW.signed_at IS NOT NULL
       BEGIN {_SIGNING_BODY_V1}
       END""",
    """CREATE TRIGGER chain_head_no_delete BEFORE DELETE ON chain_head
       BEGIN SELECT RAISE(ABORT, 'an evidence chain head cannot be deleted'); END""",
    """CREATE TRIGGER chain_head_forward_only BEFORE UPDATE ON chain_head
       WHEN NEW.case_id IS NOT OLD.case_id OR NEW.last_seq <= OLD.last_seq
       BEGIN SELECT RAISE(ABORT, 'an evidence chain head only moves forward'); END""",
    """CREATE TRIGGER evidence_head_no_delete BEFORE DELETE ON evidence_head
       BEGIN SELECT RAISE(ABORT, 'the profile evidence head cannot be deleted'); END""",
    """CREATE TRIGGER evidence_head_forward_only BEFORE UPDATE ON evidence_head
       WHEN NEW.id IS NOT OLD.id OR NEW.chains < OLD.chains OR NEW.entries < OLD.entries
         OR (NEW.entries = OLD.entries AND NEW.profile_hash IS NOT OLD.profile_hash)
         OR NEW.audit_seq < OLD.audit_seq
         OR (NEW.audit_seq = OLD.audit_seq AND NEW.audit_hash IS NOT OLD.audit_hash)
       BEGIN SELECT RAISE(ABORT, 'the profile evidence head only moves forward'); END""",
    """CREATE TRIGGER audit_chained BEFORE INSERT ON audit_event
       WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL
       BEGIN SELECT RAISE(ABORT, 'an audit event must be chained'); END""",
]

# --- Chain heads per (case, device) (v2, schema 0012) -----------------------------------------
# As v1, but a case has one chain per device that sealed on it (``chronology_entry.
# chain_device``; "" for entries sealed before 0012), each with its own head, so that two
# devices signing on one case offline never make the same link. The guards on ``evidence_head``
# and the audit log are unchanged from v1.
_HEAD_OF_NEW_V2 = (
    "(SELECT {col} FROM chain_head WHERE case_id = NEW.case_id AND chain_device = NEW.chain_device)"
)
_SIGNING_BODY_V2 = f"""
  INSERT OR IGNORE INTO chain_head_pending (case_id, chain_device, old_seq, old_hash)
   VALUES (NEW.case_id, NEW.chain_device, {_HEAD_OF_NEW_V2.format(col="last_seq")},
           {_HEAD_OF_NEW_V2.format(col="last_hash")});
  INSERT INTO chain_head (case_id, chain_device, last_seq, last_hash)
   VALUES (NEW.case_id, NEW.chain_device, NEW.chain_seq, NEW.content_hash)
   ON CONFLICT (case_id, chain_device) DO UPDATE SET last_seq = excluded.last_seq,
                                                     last_hash = excluded.last_hash
   WHERE excluded.last_seq > chain_head.last_seq;"""

_UNCHANGED_FROM_V1 = ("evidence_head_no_delete", "evidence_head_forward_only", "audit_chained")

EVIDENCE_HEAD_TRIGGERS_V2 = [
    f"""CREATE TRIGGER chronology_signed_head_ins AFTER INSERT ON chronology_entry
       WHEN NEW.signed_at IS NOT NULL
       BEGIN {_SIGNING_BODY_V2}
       END""",
    f"""CREATE TRIGGER chronology_signed_head_upd AFTER UPDATE OF signed_at ON chronology_entry
       WHEN OLD.signed_at IS NULL AND NEW.signed_at IS NOT NULL
       BEGIN {_SIGNING_BODY_V2}
       END""",
    """CREATE TRIGGER chain_head_no_delete BEFORE DELETE ON chain_head
       BEGIN SELECT RAISE(ABORT, 'an evidence chain head cannot be deleted'); END""",
    """CREATE TRIGGER chain_head_forward_only BEFORE UPDATE ON chain_head
       WHEN NEW.case_id IS NOT OLD.case_id OR NEW.chain_device IS NOT OLD.chain_device
         OR NEW.last_seq <= OLD.last_seq
       BEGIN SELECT RAISE(ABORT, 'an evidence chain head only moves forward'); END""",
] + [s for s in EVIDENCE_HEAD_TRIGGERS_V1 if s.split()[2] in _UNCHANGED_FROM_V1]

# --- Exhibits (v1, schema 0009) ----------------------------------------------------------------
# An exhibit's label is quoted in statements and served on the court: never changed or removed.
EXHIBIT_TRIGGERS_V1 = [
    """CREATE TRIGGER exhibit_no_update BEFORE UPDATE ON exhibit
       BEGIN SELECT RAISE(ABORT, 'an exhibit cannot be changed'); END""",
    """CREATE TRIGGER exhibit_no_delete BEFORE DELETE ON exhibit
       BEGIN SELECT RAISE(ABORT, 'an exhibit cannot be deleted'); END""",
]

# --- Statement versions and served packs (v1, schema 0010) ----------------------------------
# Every saved version of a witness statement is kept as it was (disclosure); a pack once served
# is what the court and the defence hold.
STATEMENT_PACK_TRIGGERS_V1 = [
    """CREATE TRIGGER statement_version_no_update BEFORE UPDATE ON statement_version
       BEGIN SELECT RAISE(ABORT, 'a saved version of a statement cannot be changed'); END""",
    """CREATE TRIGGER statement_version_no_delete BEFORE DELETE ON statement_version
       BEGIN SELECT RAISE(ABORT, 'a saved version of a statement cannot be deleted'); END""",
    """CREATE TRIGGER evidence_pack_served_no_update BEFORE UPDATE ON evidence_pack
       WHEN OLD.status = 'served'
       BEGIN SELECT RAISE(ABORT, 'a served evidence pack cannot be changed: build a new one');
       END""",
    """CREATE TRIGGER evidence_pack_no_delete BEFORE DELETE ON evidence_pack
       WHEN OLD.status != 'draft'
       BEGIN SELECT RAISE(ABORT, 'an approved or served evidence pack cannot be deleted'); END""",
]

# --- The purge's escape (v1, schema 0013) ------------------------------------------------------
# A case taken away from this device (or every case, on a revoked device) is purged with its
# signed rows: its evidence is safe on the central store. Each delete-refusing trigger lets a
# row go only while ``purge_marker`` names the row's case, and the profile head may move back
# only while a purge is under way. ``purge_marker`` is written by the purge alone
# (sync/purge.py), inside its own transaction, and emptied before that commits; verify reports
# a marker left behind. Nothing else is weakened: updates are refused as before.
_PURGING = "EXISTS (SELECT 1 FROM purge_marker WHERE purge_marker.case_id = OLD.case_id)"
PURGE_ESCAPE_TRIGGERS_V1 = [
    f"""CREATE TRIGGER chronology_signed_no_delete BEFORE DELETE ON chronology_entry
       WHEN OLD.signed_at IS NOT NULL AND NOT {_PURGING}
       BEGIN SELECT RAISE(ABORT, 'signed evidence cannot be deleted'); END""",
    f"""CREATE TRIGGER chain_head_no_delete BEFORE DELETE ON chain_head
       WHEN NOT {_PURGING}
       BEGIN SELECT RAISE(ABORT, 'an evidence chain head cannot be deleted'); END""",
    """CREATE TRIGGER evidence_head_forward_only BEFORE UPDATE ON evidence_head
       WHEN NEW.id IS NOT OLD.id OR ((NEW.chains < OLD.chains OR NEW.entries < OLD.entries
         OR (NEW.entries = OLD.entries AND NEW.profile_hash IS NOT OLD.profile_hash))
         AND NOT EXISTS (SELECT 1 FROM purge_marker))
         OR NEW.audit_seq < OLD.audit_seq
         OR (NEW.audit_seq = OLD.audit_seq AND NEW.audit_hash IS NOT OLD.audit_hash)
       BEGIN SELECT RAISE(ABORT, 'the profile evidence head only moves forward'); END""",
    f"""CREATE TRIGGER exhibit_no_delete BEFORE DELETE ON exhibit
       WHEN NOT {_PURGING}
       BEGIN SELECT RAISE(ABORT, 'an exhibit cannot be deleted'); END""",
    """CREATE TRIGGER statement_version_no_delete BEFORE DELETE ON statement_version
       WHEN NOT EXISTS (SELECT 1 FROM purge_marker JOIN statement
                        ON statement.case_id = purge_marker.case_id
                        WHERE statement.id = OLD.statement_id)
       BEGIN SELECT RAISE(ABORT, 'a saved version of a statement cannot be deleted'); END""",
    f"""CREATE TRIGGER evidence_pack_no_delete BEFORE DELETE ON evidence_pack
       WHEN OLD.status != 'draft' AND NOT {_PURGING}
       BEGIN SELECT RAISE(ABORT, 'an approved or served evidence pack cannot be deleted'); END""",
]
PURGE_ESCAPED = {statement.split()[2] for statement in PURGE_ESCAPE_TRIGGERS_V1}

# Every trigger that keeps evidence append-only, as the current schema ships it: verify
# checks each is present with exactly this SQL.
IMMUTABILITY_TRIGGERS = [
    statement
    for statement in EVIDENCE_TRIGGERS_V1
    + EVIDENCE_HEAD_TRIGGERS_V2
    + EXHIBIT_TRIGGERS_V1
    + STATEMENT_PACK_TRIGGERS_V1
    if statement.split()[2] not in PURGE_ESCAPED
] + PURGE_ESCAPE_TRIGGERS_V1

# --- Full-text search (v1) -----------------------------------------------------------------
# One FTS5 table over names, references, addresses and note text. ``kind`` says what a row
# came from and ``ref`` what it points at (a case for cases and entries, a child, a family);
# ``search_key`` maps each source row to its FTS rowid so updates and deletes are by rowid.
_SOURCES_V1: dict[str, tuple[str, str, str]] = {
    # table: (kind, ref expression, text expression) in terms of NEW./OLD. row "R"
    "case_file": ("case", "R.id", "R.reference || ' ' || R.referral_reason"),
    "child": ("child", "R.id", "R.forename || ' ' || R.surname || ' ' || coalesce(R.upn, '')"),
    "adult": ("adult", "R.family_id", "R.forename || ' ' || R.surname || ' ' || R.phone"),
    "family": (
        "family",
        "R.id",
        "R.name || ' ' || R.address_line1 || ' ' || R.address_line2 || ' ' || R.town"
        " || ' ' || R.postcode",
    ),
    "chronology_entry": ("entry", "R.case_id", "R.title || ' ' || R.body"),
}


def _search_sql_v1() -> list[str]:
    statements = [
        """CREATE VIRTUAL TABLE search_index USING fts5(
             kind UNINDEXED, ref UNINDEXED, text,
             tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')""",
        """CREATE TABLE search_key (
             rowkey VARCHAR(36) NOT NULL PRIMARY KEY, fts_rowid INTEGER NOT NULL)""",
    ]
    for table, (kind, ref, text) in _SOURCES_V1.items():
        ins = (
            f"INSERT INTO search_index(kind, ref, text) VALUES ('{kind}', "
            f"{ref.replace('R.', 'NEW.')}, {text.replace('R.', 'NEW.')}); "
            "INSERT INTO search_key(rowkey, fts_rowid) VALUES (NEW.id, last_insert_rowid());"
        )
        dele = (
            "DELETE FROM search_index WHERE rowid = "
            "(SELECT fts_rowid FROM search_key WHERE rowkey = OLD.id); "
            "DELETE FROM search_key WHERE rowkey = OLD.id;"
        )
        statements += [
            f"CREATE TRIGGER {table}_search_ins AFTER INSERT ON {table} BEGIN {ins} END",
            f"CREATE TRIGGER {table}_search_upd AFTER UPDATE ON {table} BEGIN {dele} {ins} END",
            f"CREATE TRIGGER {table}_search_del AFTER DELETE ON {table} BEGIN {dele} END",
        ]
    return statements


SEARCH_SQL_V1 = _search_sql_v1()
SEARCH_TABLES_V1 = list(_SOURCES_V1)
